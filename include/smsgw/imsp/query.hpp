#pragma once

#include <string_view>

#include "smsgw/imsp/page.hpp"
#include "smsgw/imsp/request.hpp"

// query (§3.3): the state of a message at one of its numbers.
namespace smsgw::imsp {

/// validate(), encode() and decode() come from request.hpp.
struct query_request {
    /// The IMSP command this request is for.
    static constexpr imsp::command command = imsp::command::query;

    std::string_view account;     ///< ASCII, at most 10
    std::string_view password;    ///< ASCII, at most 10
    std::string_view message_id;  ///< digits, at most 10: send_mms's answer
    address_type to_address_type = address_type::msisdn;  ///< may be absent: 0 (§3.3 註2)
    std::string_view to_address;  ///< one number, as send_mms's to_addr writes it

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        detail::credentials(v, m, 10);
        v(m.message_id, fields::digits("message_id", 10));
        v(m.to_address_type, fields::code("to_address_type", 1).optional());
        v(m.to_address, fields::ascii("to_address", 35).checked(detail::check_number(m.to_address_type)));
    }
};

/// 0 to 8: the message's state; -31 Message not found; and the codes of every command.
struct query_response {
    /// The gateway's return code.
    return_code code{};
    std::string_view description;  ///< the page's description as sent
    /// The state, when the code is one (zero or more); a state the spec does not define stays a number.
    constexpr bool has_state() const noexcept { return static_cast<int>(code) >= 0; }
    /// The code as a state.
    constexpr message_state state() const noexcept { return static_cast<message_state>(code); }
};

/// Decodes the answer page (errors as decode(bytes, page&)).
inline result decode(bytes in, query_response& out) noexcept {
    page p;
    if (result r = decode(in, p); !r) return r;
    out = query_response{p.code, p.description};
    return {errc{}, in.size()};
}

/// The page, its description as given (describe(state) has the spec's name for a state).
inline result encode(const query_response& r, writer& out) noexcept {
    return encode(page{r.code, r.description}, out);
}

}  // namespace smsgw::imsp
