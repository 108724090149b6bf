#pragma once

#include <string_view>

#include "smsgw/imsp/page.hpp"
#include "smsgw/imsp/request.hpp"

// login (§3.1): checks that an account can log in from the caller's address.
namespace smsgw::imsp {

struct login_request {
    std::string_view account;   // ASCII, at most 10
    std::string_view password;  // ASCII, at most 10
};

inline result validate(const login_request& r) noexcept { return detail::check_credentials(r.account, r.password, 10); }

// `account=...&password=...`, POSTed to path(command::login).
inline result encode(const login_request& r, writer& out) noexcept { return detail::encode_credentials(r, out); }

// Values are decoded into `scratch` (at least the body's size).
inline result decode(bytes body, login_request& out, mutable_bytes scratch, mode m = mode::strict) noexcept {
    return detail::decode_credentials(body, out, scratch, m);
}

// 0 "Login succeed from {your ip}"; -21 Login failed; -22 Illegal IP Address; -23 Account
// disabled; and the codes of every command.
struct login_response {
    return_code code{};
    std::string_view ip;           // code 0: the address the gateway saw (printable ASCII, at most 64)
    std::string_view description;  // the page's description as sent
};

namespace detail {
inline constexpr std::string_view login_succeed = "Login succeed from ";
}

inline result decode(bytes in, login_response& out) noexcept {
    page p;
    if (result r = decode(in, p); !r) return r;
    login_response resp{p.code, {}, p.description};
    if (p.code == return_code::success) {
        if (!detail::starts_with(p.description, detail::login_succeed)) {
            return fail(errc::bad_response, detail::offset_in(in, p.description), "description");
        }
        resp.ip = detail::trim(p.description.substr(detail::login_succeed.size()));
        if (result r = detail::check_ascii(resp.ip, 64, true, "ip"); !r) {
            return fail(r.ec, detail::offset_in(in, resp.ip.empty() ? p.description : resp.ip) + r.offset, "ip");
        }
    }
    out = resp;
    return {errc{}, in.size()};
}

// Code 0 writes "Login succeed from {ip}"; any other code its description as given
// (describe(command::login, code) has the spec's text).
inline result encode(const login_response& r, writer& out) noexcept {
    if (r.code != return_code::success) {
        return encode(page{r.code, r.description}, out);
    }
    if (result v = detail::check_ascii(r.ip, 64, true, "ip"); !v) return v;
    detail::open_page(out, r.code);
    out.write(detail::login_succeed);
    out.write(r.ip);
    return detail::close_page(out);
}

}  // namespace smsgw::imsp
