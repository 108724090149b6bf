#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/datetime.hpp"
#include "smsgw/codec/decimal.hpp"
#include "smsgw/codec/fields.hpp"
#include "smsgw/codec/form_fields.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/smsplat/paths.hpp"

// What every request of the platform shares (and the status push, which the platform sends):
// form-encoded parameters, GET query or POST body alike (§9: "HTTP 的 GET 和 POST 方式"), from
// each request's field list (its walk(), codec/fields.hpp), in both directions, so that a test
// double of the platform can be written with this module too.
namespace smsgw::smsplat {

namespace fields = codec::fields;

/// Strict: a name the call does not define, or one given twice, is an error at its offset.
/// Tolerant: unknown names are skipped (real pushes add notifyTime and the like); of a name
/// given twice the first counts, as a servlet's getParameter() does.
using mode = smsgw::mode;

namespace detail {

// A mobile number (table 9.2 "合法的手机号码"; table 10.1): digits, at most 15 (E.164), so
// that `86` prefixes pass; the platform itself answers 107 for a number it does not take.
inline constexpr std::uint64_t mobile_digits = 15;
inline result check_mobile(std::string_view v) noexcept { return fields::check_value(v, fields::digits("", mobile_digits)); }

// needstatus (table 9.2): `true` or `false`, literally.
inline result check_true_false(std::string_view v) noexcept {
    return v == "true" || v == "false" ? result{} : fail(errc::bad_character, 0);
}

// A DES-encrypted account or password (tables 12.1, 13.1): base64 with its padding.
inline result check_base64(std::string_view v) noexcept {
    smsgw::writer measure;
    const result r = codec::base64::decode(v, measure);
    return r.ok() || r.ec == errc::buffer_too_small ? result{} : fail(r.ec, r.offset);
}

// The md5(username+secretkey+timestamp) password of tables 12.1 and 13.1: 32 hex digits.
inline result check_md5_hex(std::string_view v) noexcept {
    if (v.size() != 32) return fail(errc::invalid_length, 0);
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (codec::ascii::hex_value(v[i]) > 0x0F) return fail(errc::bad_character, i);
    }
    return {};
}

// A product id (tables 9.2, 11.3, 12.1, 13.1: `1234567`, `10001101`).
inline constexpr fields::spec product_id = fields::digits("", 20);
inline result check_product_id(std::string_view v) noexcept { return fields::check_value(v, product_id); }

// A request struct of this module: it names its call and lists its fields.
template <class T, class = void>
struct is_request : std::false_type {};
template <class T>
struct is_request<T, std::void_t<decltype(T::endpoint)>>
    : std::is_same<std::remove_cv_t<decltype(T::endpoint)>, smsplat::call> {};
template <class T>
using if_request = std::enable_if_t<is_request<T>::value, int>;

}  // namespace detail

/// Every check of the call's table before anything is written: the first error with its spec
/// name in result.field and the offset in the value at fault.
template <class Request, detail::if_request<Request> = 0>
result validate(const Request& r) noexcept {
    return fields::validate(r);
}

/// The parameters in the order of the field list, form-encoded (`%E3%80%90` for UTF-8 text,
/// `%3D` for base64 padding, as §12.5 prints `account=LW4Zjb8dOww%3D`), to send to
/// path(Request::endpoint) as a POST body or after `?`.
template <class Request, detail::if_request<Request> = 0>
result encode(const Request& r, writer& out) noexcept {
    return fields::encode_form(r, out);
}

/// Decodes parameters as the platform (or, for a push, the customer) would, with the checks of
/// validate(). Values are decoded into `scratch` (at least the input's size). Errors carry the
/// offset of the parameter at fault and its name (fields::decode_form lists them).
template <class Request, detail::if_request<Request> = 0>
result decode(bytes params, Request& out, mutable_bytes scratch, mode m = mode::strict) noexcept {
    return fields::decode_form(params, out, scratch, m);
}

}  // namespace smsgw::smsplat
