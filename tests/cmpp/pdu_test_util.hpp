#pragma once

// Helpers of the CMPP PDU tests: expected bytes written as spaced hex, encoding into a string.
#include <cstddef>
#include <string>
#include <string_view>

#include "smsgw/core/error.hpp"
#include "smsgw/core/writer.hpp"
#include "test.hpp"

namespace cmpp_test {

// Expected bytes as spaced hex (tests/support/test.hpp); `z(n)` stands for n zero bytes.
using smsgw::test::unhex;

inline std::string z(std::size_t n) { return std::string(n, '\0'); }

// A text field as the wire carries it: the value, then NULs up to `width`.
inline std::string field(std::string_view value, std::size_t width) {
    std::string s(value);
    s.resize(width, '\0');
    return s;
}

template <class T>
std::string encoded(const T& msg) {
    std::string out;
    auto r = smsgw::encode_append(msg, out);
    return r ? out : std::string("encode failed");
}

// What a refusal must say: the error, its offset and the spec name of the field at fault.
inline void check_refused(const smsgw::result& r, smsgw::errc ec, std::size_t offset, std::string_view field) {
    INFO(r.message() << " at " << r.offset << ", field " << (r.field != nullptr ? r.field : "(none)"));
    CHECK(r.ec == ec);
    CHECK(r.offset == offset);
    REQUIRE(r.field != nullptr);
    CHECK(std::string_view(r.field) == field);
}

}  // namespace cmpp_test
