#pragma once

#include <cstdint>
#include <string_view>
#include <type_traits>

#include "smsgw/codec/fields.hpp"
#include "smsgw/codec/json_fields.hpp"
#include "smsgw/codec/json_reader.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

// What every JSON message of the Hezhong API shares: UTF-8 JSON bodies (§二 to §五), written
// and read from each message's field list (its walk(), codec/fields.hpp), in both directions, so
// that a test double of the platform can be written with this module too.
namespace smsgw::hezhong {

namespace fields = codec::fields;

/// Strict: the spec's rules; an unknown key, or one given twice, is an error at its offset.
/// Tolerant: unknown keys are skipped (still reachable through the JSON object), of a key given
/// twice the first counts; what else each message tolerates is said beside it.
using mode = smsgw::mode;

/// The JSON messages, requests and answers, each a struct naming itself with `kind`.
enum class message_kind : unsigned char {
    save_mms_model,           ///< §二 request
    save_mms_model_response,  ///< §二.3
    audit_notification,       ///< §三, posted by Hezhong to the customer
    send_mms_task,            ///< §四 request
    send_variable_mms_task,   ///< §五 request
    task_response,            ///< §四.3 and §五.3
};

namespace detail {

// The account every request carries (no length is given by the spec).
template <class V, class Self>
constexpr void credentials(V& v, Self& m) {
    v(m.userid, fields::ascii("userid", fields::unlimited));
    v(m.username, fields::text("username"));
    v(m.password, fields::text("password"));
}

inline result check_utf8(std::string_view v) noexcept { return codec::utf8::validate(v); }

// A return code as the task answers carry it, a string holding an integer ("0", "-10").
inline result check_code_text(std::string_view v) noexcept {
    std::int64_t n = 0;
    return codec::decimal::parse(v, n, {codec::decimal::sign::minus, false});
}

template <class T, class = void>
struct is_message : std::false_type {};
template <class T>
struct is_message<T, std::void_t<decltype(T::kind)>> : std::is_same<std::remove_cv_t<decltype(T::kind)>, message_kind> {};
template <class T>
using if_message = std::enable_if_t<is_message<T>::value, int>;

}  // namespace detail

/// Every check of the message's tables, before anything is written: the first error with its
/// spec name in result.field and the offset in the value at fault.
template <class Message, detail::if_message<Message> = 0>
result validate(const Message& m, mode md = mode::strict) noexcept {
    return fields::validate(m, md);
}

/// The message as one compact JSON object, keys in the order of the spec's table.
template <class Message, detail::if_message<Message> = 0>
result encode(const Message& m, writer& out) noexcept {
    return fields::write_json(m, out);
}

/// Reads a body as its receiver would, with the checks of validate(). Strings with escapes,
/// hex16 and base64 values and `cont` strings are decoded into `scratch` (the body's size is
/// always enough); SaveMmsModel's frames go to `storage` and their attachments to `nested`.
/// Errors carry the offset in the body and the key at fault (fields::bind_json lists them);
/// a JSON syntax error anywhere wins.
template <class Message, class Item = fields::detail::no_item, class Nested = fields::detail::no_item,
          detail::if_message<Message> = 0>
result decode(std::string_view body, Message& out, mutable_bytes scratch, mode m = mode::strict,
              span<Item> storage = {}, span<Nested> nested = {}) noexcept {
    codec::json::document doc(body, {m});
    codec::json::object obj;
    result r = doc.root().get(obj);
    writer w(scratch);
    if (r) r = fields::bind_json(obj, out, w, m, storage, nested);
    return doc.finish(r);
}

}  // namespace smsgw::hezhong
