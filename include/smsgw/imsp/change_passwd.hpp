#pragma once

#include <string_view>

#include "smsgw/imsp/page.hpp"
#include "smsgw/imsp/request.hpp"

// change_passwd (§3.6, revision 2.0): replaces the account's password.
namespace smsgw::imsp {

struct change_passwd_request {
    std::string_view account;   // ASCII, at most 8 (§3.6 table)
    std::string_view password;  // the current one, ASCII, at most 8
    // The new one, ASCII, at most 20: the table says 8 but -34 asks for "至少八碼，至多 20 碼".
    // Its composition (letters, digits and symbols) is the gateway's to judge (-34), not a parameter error.
    std::string_view newcode;
};

inline result validate(const change_passwd_request& r) noexcept {
    if (result v = detail::check_credentials(r.account, r.password, 8); !v) return v;
    return detail::check_ascii(r.newcode, 20, true, "newcode");
}

inline result encode(const change_passwd_request& r, writer& out) noexcept {
    if (result v = validate(r); !v) return v;
    codec::form::builder(out).add("account", r.account).add("password", r.password).add("newcode", r.newcode);
    return out.finish();
}

// Values are decoded into `scratch` (at least the body's size).
inline result decode(bytes body, change_passwd_request& out, mutable_bytes scratch, mode m = mode::strict) noexcept {
    detail::slot slots[] = {{"account", true}, {"password", true}, {"newcode", true}};
    if (result r = detail::collect(body, scratch, slots, m, detail::no_other{}); !r) return r;
    const change_passwd_request req{slots[0].value, slots[1].value, slots[2].value};
    if (result r = detail::at_field(validate(req), slots, body.size()); !r) return r;
    out = req;
    return {errc{}, body.size()};
}

// 0 Successful; -19 System error (reason); -21, -22, -23 as login; -33 use https only;
// -34 Failed to change password; and the codes of every command.
struct change_passwd_response {
    return_code code{};
    std::string_view description;  // the page's description as sent (-19 may add a reason)
};

inline result decode(bytes in, change_passwd_response& out) noexcept {
    page p;
    if (result r = decode(in, p); !r) return r;
    out = change_passwd_response{p.code, p.description};
    return {errc{}, in.size()};
}

// The page, its description as given (describe(command::change_passwd, code) has the spec's text).
inline result encode(const change_passwd_response& r, writer& out) noexcept {
    return encode(page{r.code, r.description}, out);
}

}  // namespace smsgw::imsp
