#pragma once

// Shared by the 5C tests: results print as {error, offset, field}, requests decode with a
// scratch buffer that outlives the call.
#include <string>
#include <string_view>

#include "smsgw/core/error.hpp"
#include "smsgw/fivec/request.hpp"
#include "test.hpp"

namespace fivec_test {

inline constexpr std::string_view apikey = "231d1a3dc627ebd0a7cab5b35c397d3e";  // §2.2 示例

// Decodes a request body; its values stay valid until the next call.
template <class Request>
smsgw::result decode_request(std::string_view body, Request& out, smsgw::mode m = smsgw::mode::strict) {
    static char scratch[1 << 17];
    return decode(body, out, smsgw::mutable_bytes(reinterpret_cast<smsgw::byte*>(scratch), sizeof scratch), m);
}

inline std::string field_of(const smsgw::result& r) { return r.field != nullptr ? r.field : ""; }

// `got` is error `ec` at `offset`, naming `field`.
inline void check_error(const smsgw::result& got, smsgw::errc ec, std::size_t offset, const char* field) {
    CHECK(got == smsgw::result{ec, offset, field});
}

}  // namespace fivec_test
