#pragma once

#include <string_view>

#include "smsgw/imsp/page.hpp"
#include "smsgw/imsp/request.hpp"

// query (§3.3): the state of a message at one of its numbers.
namespace smsgw::imsp {

struct query_request {
    std::string_view account;     // ASCII, at most 10
    std::string_view password;    // ASCII, at most 10
    std::string_view message_id;  // digits, at most 10: send_mms's answer
    address_type to_address_type = address_type::msisdn;
    std::string_view to_address;  // one number, as send_mms's to_addr writes it
};

inline result validate(const query_request& r) noexcept {
    if (result v = detail::check_credentials(r.account, r.password, 10); !v) return v;
    if (result v = detail::check_digits(r.message_id, 10, "message_id"); !v) return v;
    if (result v = detail::check_type(r.to_address_type, "to_address_type"); !v) return v;
    if (r.to_address.empty()) return fail(errc::empty_field, 0, "to_address");
    return detail::check_number(r.to_address, r.to_address_type, "to_address");
}

inline result encode(const query_request& r, writer& out) noexcept {
    if (result v = validate(r); !v) return v;
    const char flag[2][2] = {"0", "1"};
    codec::form::builder(out)
        .add("account", r.account)
        .add("password", r.password)
        .add("message_id", r.message_id)
        .add("to_address_type", flag[static_cast<unsigned>(r.to_address_type)])
        .add("to_address", r.to_address);
    return out.finish();
}

// to_address_type may be absent (0, §3.3 註2). Values are decoded into `scratch` (at least the body's size).
inline result decode(bytes body, query_request& out, mutable_bytes scratch, mode m = mode::strict) noexcept {
    detail::slot slots[] = {{"account", true}, {"password", true}, {"message_id", true}, {"to_address_type"},
                            {"to_address", true}};
    if (result r = detail::collect(body, scratch, slots, m, detail::no_other{}); !r) return r;
    query_request req{slots[0].value, slots[1].value, slots[2].value, address_type::msisdn, slots[4].value};
    if (const detail::slot& type = detail::find_slot(slots, "to_address_type"); type.seen) {
        if (result r = detail::parse_flag(type.value, req.to_address_type, type.name); !r) {
            return detail::at_field(r, slots, body.size());
        }
    }
    if (result r = detail::at_field(validate(req), slots, body.size()); !r) return r;
    out = req;
    return {errc{}, body.size()};
}

// 0 to 8: the message's state; -31 Message not found; and the codes of every command.
struct query_response {
    return_code code{};
    std::string_view description;  // the page's description as sent
    // The state, when the code is one (zero or more); a state the spec does not define stays a number.
    constexpr bool has_state() const noexcept { return static_cast<int>(code) >= 0; }
    constexpr message_state state() const noexcept { return static_cast<message_state>(code); }
};

inline result decode(bytes in, query_response& out) noexcept {
    page p;
    if (result r = decode(in, p); !r) return r;
    out = query_response{p.code, p.description};
    return {errc{}, in.size()};
}

// The page, its description as given (describe(state) has the spec's name for a state).
inline result encode(const query_response& r, writer& out) noexcept {
    return encode(page{r.code, r.description}, out);
}

}  // namespace smsgw::imsp
