#pragma once

// Shared by the smsplat tests: requests decode with a scratch buffer that outlives the call,
// and an error is checked with its field in one line.
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/core/error.hpp"
#include "smsgw/smsplat/request.hpp"
#include "test.hpp"

namespace smsplat_test {

// Decodes request parameters; the values stay valid until the next call.
template <class Request>
smsgw::result decode_request(std::string_view body, Request& out, smsgw::mode m = smsgw::mode::strict) {
    static std::vector<smsgw::byte> scratch;
    scratch.assign(body.size() + 1, 0);
    return decode(body, out, smsgw::mutable_bytes(scratch.data(), body.size()), m);
}

// The encoding of a message, or the empty string when it is refused.
template <class T>
std::string encoded(const T& m) {
    std::string s;
    smsgw::encode_append(m, s);
    return s;
}

inline std::string field_of(const smsgw::result& r) { return r.field != nullptr ? r.field : "-"; }

// The error, its offset and its field ("-" for none).
inline void expect(const smsgw::result& r, smsgw::errc ec, std::size_t offset, std::string_view field) {
    const std::string name(field);
    CHECK(r == smsgw::result{ec, offset, field == "-" ? nullptr : name.c_str()});
}

}  // namespace smsplat_test
