#pragma once

// Shared by the IMSP tests: requests decode with a scratch buffer that outlives the call.
#include <string>
#include <string_view>

#include "smsgw/core/error.hpp"
#include "smsgw/imsp/request.hpp"
#include "test.hpp"

namespace imsp_test {
// Decodes a request body; its values stay valid until the next call.
template <class Request>
smsgw::result decode_request(std::string_view body, Request& out, smsgw::imsp::mode m = smsgw::imsp::mode::strict) {
    static char scratch[4096];
    return decode(body, out, smsgw::mutable_bytes(reinterpret_cast<smsgw::byte*>(scratch), sizeof scratch), m);
}
}  // namespace imsp_test
