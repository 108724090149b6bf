#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/fields.hpp"
#include "smsgw/codec/form_fields.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/imsp/paths.hpp"

// What every IMSP request shares: the form body (§4.2: parameter names lower case and
// case-sensitive, values x-www-form-urlencoded), from each request's field list (its walk(),
// codec/fields.hpp), in both directions, so that a gateway can be written with this module too.
namespace smsgw::imsp {

namespace fields = codec::fields;

/// from_addr_type, to_addr_type, to_address_type (§3.2 註2, 註4; §3.3 註2).
enum class address_type : unsigned char {
    msisdn = 0,  ///< a mobile number
    emome = 1,   ///< an emome code, which the gateway maps to a number
};

/// Strict: a name the command does not define, or one given twice, is an error at its offset.
/// Tolerant: unknown names are skipped; of a name given twice the first counts, as a servlet's
/// getParameter() does.
using mode = smsgw::mode;

namespace detail {

// One destination number (§3.2 註3): a mobile number is written 09..., 886... or +886...
// (the '+' counts in the 35 characters); an emome code is digits.
inline result check_msisdn(std::string_view v) noexcept {
    const std::size_t plus = codec::ascii::starts_with(v, "+") ? 1 : 0;
    if (result r = fields::check_value(v.substr(plus), fields::digits("", 35)); !r) return fail(r.ec, r.offset + plus);
    if (!codec::ascii::starts_with(v, "09") && !codec::ascii::starts_with(v, "886") &&
        !codec::ascii::starts_with(v, "+886")) {
        return fail(errc::bad_character, 0);
    }
    return {};
}
inline result check_emome(std::string_view v) noexcept { return fields::check_value(v, fields::digits("", 35)); }

constexpr fields::check_fn check_number(address_type t) noexcept {
    return t == address_type::msisdn ? check_msisdn : check_emome;
}

// The account and password every command carries: 10 characters, 8 for change_passwd (§3.6).
template <class V, class Self>
constexpr void credentials(V& v, Self& m, std::uint64_t max) {
    v(m.account, fields::ascii("account", max));
    v(m.password, fields::ascii("password", max));
}

// A request struct of this module: it names its command and lists its fields.
template <class T, class = void>
struct is_request : std::false_type {};
template <class T>
struct is_request<T, std::void_t<decltype(T::command)>>
    : std::is_same<std::remove_cv_t<decltype(T::command)>, imsp::command> {};
template <class T>
using if_request = std::enable_if_t<is_request<T>::value, int>;

}  // namespace detail

/// Every check of the command's table (§3), before anything is written: the first error with
/// its spec name in result.field and the offset in the value at fault.
template <class Request, detail::if_request<Request> = 0>
result validate(const Request& r) noexcept {
    return fields::validate(r);
}

/// The form body in the order of the field list, POSTed to path(Request::command).
template <class Request, detail::if_request<Request> = 0>
result encode(const Request& r, writer& out) noexcept {
    return fields::encode_form(r, out);
}

/// Decodes a body as the gateway would, with the checks of validate(). Values are decoded into
/// `scratch` (at least the body's size). Errors carry the offset of the parameter at fault in
/// the body and its name (fields::decode_form lists them).
template <class Request, detail::if_request<Request> = 0>
result decode(bytes body, Request& out, mutable_bytes scratch, mode m = mode::strict) noexcept {
    return fields::decode_form(body, out, scratch, m);
}

}  // namespace smsgw::imsp
