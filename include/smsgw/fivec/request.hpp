#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>

#include "smsgw/codec/fields.hpp"
#include "smsgw/codec/form_fields.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

// What every 5C request shares (5c-mms-api.txt): the four interfaces' URLs, the credentials
// of their input tables, and the form body each request is, from its field list (its walk(),
// codec/fields.hpp), in both directions, so that a 5C test double can be written with it too.
namespace smsgw::fivec {

namespace fields = codec::fields;

/// Strict: a name the interface does not define, or one given twice, is an error at its offset.
/// Tolerant: unknown names are skipped, of a name given twice the first counts, and what each
/// message says real senders get wrong is read.
using mode = smsgw::mode;

/// The interfaces of the spec. Requests are form bodies POSTed (§2, §3) or sent as the query
/// string of a GET (§4, §5) to url(call).
enum class api : unsigned char {
    caixin_send,        ///< §2: one MMS of frames to any numbers
    caixin_send_batch,  ///< §3: one picture and title, a text per number, as XML
    query_balance,      ///< §4
    recv_report,        ///< §5: status reports, fetched once each
};

/// The URL of an API.
constexpr std::string_view url(api a) noexcept {
    switch (a) {
    case api::caixin_send: return "http://m.5c.com.cn/api/send/caixin_send.php";
    case api::caixin_send_batch: return "http://m.5c.com.cn/api/send/caixin_send_batch.php";
    case api::query_balance: return "http://m.5c.com.cn/api/query/";
    case api::recv_report: return "http://m.5c.com.cn/api/recv/index.php";
    }
    return {};
}

namespace detail {

// username and password: 3 to 15 characters (§2.1, §3.1, §5.1.1); fewer than 3 is
// invalid_length at the value's end.
inline result check_3_to_15(std::string_view v) noexcept {
    return v.size() < 3 ? fail(errc::invalid_length, v.size()) : result{};
}
// apikey: 32 characters exactly (§2.1); fewer is invalid_length at the value's end.
inline result check_apikey(std::string_view v) noexcept {
    return v.size() != 32 ? fail(errc::invalid_length, v.size()) : result{};
}

inline constexpr fields::spec apikey = fields::ascii("apikey", 32).checked(check_apikey);
inline constexpr fields::spec username = fields::ascii("username", 15).checked(check_3_to_15);
inline constexpr fields::spec password = fields::ascii("password", 15).checked(check_3_to_15);

// apikey, username and password, in the order of the input tables of §2.1, §3.1 and §4 (the
// batch request of §3 calls this too).
template <class V, class Self>
constexpr void credentials(V& v, Self& m) {
    v(m.apikey, apikey);
    v(m.username, username);
    v(m.password, password);
}

// A request struct of this module: it names its interface and lists its fields.
template <class T, class = void>
struct is_request : std::false_type {};
template <class T>
struct is_request<T, std::void_t<decltype(T::call)>> : std::is_same<std::remove_cv_t<decltype(T::call)>, fivec::api> {};
template <class T>
using if_request = std::enable_if_t<is_request<T>::value, int>;

}  // namespace detail

/// Every check of the request's table, before anything is written: the first error with its
/// spec name in result.field and the offset in the value at fault.
template <class Request, detail::if_request<Request> = 0>
result validate(const Request& r) noexcept {
    return fields::validate(r);
}

/// The form body (or query string) in the order of the field list.
template <class Request, detail::if_request<Request> = 0>
result encode(const Request& r, writer& out) noexcept {
    return fields::encode_form(r, out);
}

/// Decodes a body as 5C would, with the checks of validate(). Values are decoded into `scratch`
/// (at least the body's size); errors carry the offset of the parameter at fault and its name
/// (fields::decode_form lists them).
template <class Request, detail::if_request<Request> = 0>
result decode(bytes body, Request& out, mutable_bytes scratch, mode m = mode::strict) noexcept {
    return fields::decode_form(body, out, scratch, m);
}

}  // namespace smsgw::fivec
