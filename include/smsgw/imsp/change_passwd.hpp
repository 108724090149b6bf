#pragma once

#include <string_view>

#include "smsgw/imsp/page.hpp"
#include "smsgw/imsp/request.hpp"

// change_passwd (§3.6, revision 2.0): replaces the account's password.
namespace smsgw::imsp {

/// validate(), encode() and decode() come from request.hpp.
struct change_passwd_request {
    /// The IMSP command this request is for.
    static constexpr imsp::command command = imsp::command::change_passwd;

    std::string_view account;   ///< ASCII, at most 8 (§3.6 table)
    std::string_view password;  ///< the current one, ASCII, at most 8
    /// The new one, ASCII, at most 20: the table says 8 but -34 asks for "至少八碼，至多 20 碼".
    /// Its composition (letters, digits and symbols) is the gateway's to judge (-34), not a parameter error.
    std::string_view newcode;

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        detail::credentials(v, m, 8);
        v(m.newcode, fields::ascii("newcode", 20));
    }
};

/// 0 Successful; -19 System error (reason); -21, -22, -23 as login; -33 use https only;
/// -34 Failed to change password; and the codes of every command.
struct change_passwd_response {
    /// The gateway's return code.
    return_code code{};
    std::string_view description;  ///< the page's description as sent (-19 may add a reason)
};

/// Decodes the answer page (errors as decode(bytes, page&)).
inline result decode(bytes in, change_passwd_response& out) noexcept {
    page p;
    if (result r = decode(in, p); !r) return r;
    out = change_passwd_response{p.code, p.description};
    return {errc{}, in.size()};
}

/// The page, its description as given (describe(command::change_passwd, code) has the spec's text).
inline result encode(const change_passwd_response& r, writer& out) noexcept {
    return encode(page{r.code, r.description}, out);
}

}  // namespace smsgw::imsp
