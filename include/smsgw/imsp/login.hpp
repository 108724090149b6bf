#pragma once

#include <string_view>

#include "smsgw/imsp/page.hpp"
#include "smsgw/imsp/request.hpp"

// login (§3.1): checks that an account can log in from the caller's address.
namespace smsgw::imsp {

/// `account=...&password=...`, POSTed to path(command::login); validate(), encode() and
/// decode() come from request.hpp.
struct login_request {
    /// The IMSP command this request is for.
    static constexpr imsp::command command = imsp::command::login;

    std::string_view account;   ///< ASCII, at most 10
    std::string_view password;  ///< ASCII, at most 10

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        detail::credentials(v, m, 10);
    }
};

/// 0 "Login succeed from {your ip}"; -21 Login failed; -22 Illegal IP Address; -23 Account
/// disabled; and the codes of every command.
struct login_response {
    /// The gateway's return code.
    return_code code{};
    std::string_view ip;           ///< code 0: the address the gateway saw (printable ASCII, at most 64)
    std::string_view description;  ///< the page's description as sent
};

namespace detail {
inline constexpr std::string_view login_succeed = "Login succeed from ";
inline constexpr fields::spec login_ip = fields::ascii("ip", 64);
}

/// Decodes the answer page (errors as decode(bytes, page&)).
inline result decode(bytes in, login_response& out) noexcept {
    page p;
    if (result r = decode(in, p); !r) return r;
    login_response resp{p.code, {}, p.description};
    if (p.code == return_code::success) {
        if (!codec::ascii::starts_with(p.description, detail::login_succeed)) {
            return fail(errc::bad_response, detail::offset_in(in, p.description), "description");
        }
        resp.ip = codec::ascii::trim(p.description.substr(detail::login_succeed.size()));
        if (result r = fields::check_value(resp.ip, detail::login_ip); !r) {
            return fail(r.ec, detail::offset_in(in, resp.ip.empty() ? p.description : resp.ip) + r.offset, "ip");
        }
    }
    out = resp;
    return {errc{}, in.size()};
}

/// Code 0 writes "Login succeed from {ip}"; any other code its description as given
/// (describe(command::login, code) has the spec's text).
inline result encode(const login_response& r, writer& out) noexcept {
    if (r.code != return_code::success) {
        return encode(page{r.code, r.description}, out);
    }
    if (result v = fields::check_value(r.ip, detail::login_ip); !v) return v;
    detail::open_page(out, r.code);
    out.write(detail::login_succeed);
    out.write(r.ip);
    return detail::close_page(out);
}

}  // namespace smsgw::imsp
