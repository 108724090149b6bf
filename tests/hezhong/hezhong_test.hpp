#pragma once

// Shared by the Hezhong tests: results print as {error, offset, field}, messages decode into a
// scratch buffer that lives as long as the test's `decoded`, and encode into a string.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/core/error.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/hezhong/message.hpp"
#include "test.hpp"

namespace hezhong_test {

template <class Message, class Item = smsgw::codec::fields::detail::no_item,
          class Nested = smsgw::codec::fields::detail::no_item>
struct decoded {
    std::vector<smsgw::byte> scratch;
    std::array<Item, 8> storage{};
    std::array<Nested, 16> nested{};
    Message msg{};
    smsgw::result r;
    explicit decoded(std::string_view body, smsgw::mode m = smsgw::mode::strict) : scratch(body.size()) {
        r = smsgw::hezhong::decode(body, msg, scratch, m, smsgw::span<Item>(storage), smsgw::span<Nested>(nested));
    }
};

template <class Message>
std::string encoded(const Message& m) {
    std::string s;
    const smsgw::result r = smsgw::encode_append(m, s);
    INFO(Catch::StringMaker<smsgw::result>::convert(r));
    REQUIRE(r);
    CHECK(smsgw::encoded_size(m) == s.size());
    return s;
}

inline std::string_view text(smsgw::bytes b) { return smsgw::as_chars(b); }

}  // namespace hezhong_test
