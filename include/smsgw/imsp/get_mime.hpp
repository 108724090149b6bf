#pragma once

#include <string_view>

#include "smsgw/imsp/page.hpp"
#include "smsgw/imsp/request.hpp"

// get_mime (§3.5): fetches one MO MMS sent to the account's short code.
namespace smsgw::imsp {

struct get_mime_request {
    std::string_view account;   // ASCII, at most 10
    std::string_view password;  // ASCII, at most 10
};

inline result validate(const get_mime_request& r) noexcept { return detail::check_credentials(r.account, r.password, 10); }

// `account=...&password=...`, POSTed to path(command::get_mime).
inline result encode(const get_mime_request& r, writer& out) noexcept { return detail::encode_credentials(r, out); }

// Values are decoded into `scratch` (at least the body's size).
inline result decode(bytes body, get_mime_request& out, mutable_bytes scratch, mode m = mode::strict) noexcept {
    return detail::decode_credentials(body, out, scratch, m);
}

}  // namespace smsgw::imsp
