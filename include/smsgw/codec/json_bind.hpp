#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <type_traits>

#include "smsgw/codec/json_reader.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/inline.hpp"
#include "smsgw/core/writer.hpp"

namespace smsgw::codec::json {

// Maps an object's keys to variables in one readable place:
//
//     result r = json::bind_fields(obj,
//                           json::required("batchID", out.batch_id),      // uint64, exact
//                           json::optional("code", out.code),             // int, also from "0"
//                           json::optional("messages", out.messages),     // json::array, walked later
//                           json::others([&](const json::member& m) { ...; return smsgw::result{}; }));
//
// A variable is read with value::get() (bool, integers, double, std::string_view, object,
// array), kept as a json::value, decoded into a buffer (json::decoded), filled by a callable
// `result(const json::value&)`, or a std::optional of these (left empty by null). Errors name
// the key in result.field (the innermost one when binds nest): what get() says at the value's
// offset, duplicate_field at the second occurrence of a bound key, missing_field at the
// object's offset for an absent required key. Keys nobody bound go to others() when given, and
// stay reachable through the object in any case: nothing is dropped.

/// A string decoded into `scratch` when it holds escapes (a view into the document otherwise);
/// successive strings share the scratch writer, each view pointing at its own bytes.
struct decoded {
    /// Where the decoded string goes.
    std::string_view& out;
    /// The buffer a string with escapes is decoded into.
    smsgw::writer& scratch;
};

/// A key (a NUL-terminated literal: result.field points at it) and where its value goes.
template <class T>
struct field {
    /// The JSON key.
    std::string_view name;
    T target;  ///< a reference, a json::decoded or a callable
    /// Whether a missing key is an error.
    bool is_required;
    /// Set once the key has been read.
    bool seen = false;
};

/// A key bound to a variable, required or optional.
///@{
template <class T>
field<T&> required(const char* name, T& target) noexcept {
    return {name, target, true};
}
template <class T>
field<T&> optional(const char* name, T& target) noexcept {
    return {name, target, false};
}
inline field<decoded> required(const char* name, decoded target) noexcept { return {name, target, true}; }
inline field<decoded> optional(const char* name, decoded target) noexcept { return {name, target, false}; }
///@}
/// A key handled by a callable result(const json::value&): nested objects, lists, enums.
///@{
template <class F, class = std::enable_if_t<std::is_invocable_r_v<result, F&, const value&>>>
field<F> required_with(const char* name, F fn) noexcept {
    return {name, fn, true};
}
template <class F, class = std::enable_if_t<std::is_invocable_r_v<result, F&, const value&>>>
field<F> optional_with(const char* name, F fn) noexcept {
    return {name, fn, false};
}
///@}

/// The members no field names, handed to fn: result(const json::member&).
template <class F>
struct others_handler {
    /// The caller's function.
    F fn;
};
/// Hands every member no field names to fn.
template <class F>
others_handler<F> others(F fn) noexcept {
    return {fn};
}
/// The key whose opening quote is at `offset` in `text`, between its quotes and as written
/// (escapes not decoded), or empty when no key starts there. An unknown_field of refuse_others()
/// or of the strict fields::bind_json() points there: `json::key_at(body, r.offset)` is the key
/// it refused. result.field names only the spec's own fields, static strings, never a view
/// of the input.
constexpr std::string_view key_at(std::string_view text, std::size_t offset) noexcept {
    if (offset >= text.size() || text[offset] != '"') return {};
    for (std::size_t i = offset + 1; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;
        } else if (text[i] == '"') {
            return text.substr(offset + 1, i - offset - 1);
        }
    }
    return {};
}

/// Refuses any key no field names: unknown_field at the key's offset (key_at() reads it).
inline auto refuse_others() noexcept {
    return others([](const member& m) { return fail(errc::unknown_field, m.key.offset()); });
}

namespace detail {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

template <class T>
result read(const value& v, T& out) noexcept {
    if constexpr (std::is_same_v<T, value>) {
        out = v;
        return {};
    } else if constexpr (is_optional<T>::value) {
        if (v.is_null()) return {};
        typename T::value_type inner{};
        if (result r = read(v, inner); !r) return r;
        out = inner;
        return {};
    } else if constexpr (std::is_invocable_r_v<result, T&, const value&>) {
        return out(v);
    } else {
        return v.get(out);
    }
}

inline result read(const value& v, decoded& d) noexcept {
    if (v.get(d.out).ok()) return {};  // no escape: a view into the document
    const std::size_t start = d.scratch.size();
    if (result r = v.unescape(d.scratch); !r) return r;
    d.out = {reinterpret_cast<const char*>(d.scratch.buffer()) + start, d.scratch.size() - start};
    return {};
}

template <class T>
struct is_others : std::false_type {};
template <class F>
struct is_others<others_handler<F>> : std::true_type {};

// Reads the member into a field whose name is its key.
template <class T>
void take(field<T>& f, const member& m, result& r) noexcept {
    if (f.seen) {
        r = fail(errc::duplicate_field, m.key.offset(), f.name.data());
        return;
    }
    f.seen = true;
    r = read(m.value, f.target);
    if (!r && r.field == nullptr) r.field = f.name.data();  // a nested bind names the inner key
}

// Offers the member to a field; true when the field's name is the key. `key` is the key's
// text when it holds no escape (compared as it stands), else empty with `plain` false.
template <class T>
bool offer(field<T>& f, const member& m, bool plain, std::string_view key, result& r) noexcept {
    if (plain ? f.name.size() != key.size() || !same_bytes(f.name.data(), key.data(), key.size()) : !m.key_is(f.name))
        return false;
    take(f, m, r);
    return true;
}
template <class F>
bool offer(others_handler<F>&, const member&, bool, std::string_view, result&) noexcept {
    return false;
}

template <class T>
void others_of(field<T>&, const member&, result&) noexcept {}
template <class F>
void others_of(others_handler<F>& h, const member& m, result& r) noexcept {
    r = h.fn(m);
}

template <class T>
void check_present(const field<T>& f, std::size_t at, result& r) noexcept {
    if (r.ok() && f.is_required && !f.seen) r = fail(errc::missing_field, at, f.name.data());
}
template <class F>
void check_present(const others_handler<F>&, std::size_t, result&) noexcept {}

}  // namespace detail

/// The walk, the reads and the offers are flattened into one function: a document's members then
/// cost a quarter fewer instructions (callgrind over bench/json.cpp's push response).
template <class... F>
SMSGW_FLATTEN result bind_fields(const object& obj, F&&... fields) noexcept {
    static_assert((... + static_cast<int>(detail::is_others<std::decay_t<F>>::value)) <= 1,
                  "json::bind_fields takes one others() at most");
    // Objects tend to list their keys in the order of the fields: each member is offered first
    // to the field after the one the previous member went to.
    std::size_t next = 0;
    for (const member& m : obj) {
        result r{};
        std::string_view key;
        const bool plain = detail::access::plain_key(m, key);
        std::size_t i = 0;
        bool named = (... || (i++ >= next && detail::offer(fields, m, plain, key, r)));
        if (!named) {
            i = 0;
            named = (... || (i++ < next && detail::offer(fields, m, plain, key, r)));
        }
        if (named) {
            next = i;
        } else {
            (detail::others_of(fields, m, r), ...);
        }
        if (!r) return r;
    }
    if (result e = detail::access::walk_error(obj.as_value()); !e) return e;
    result r{};
    (detail::check_present(fields, obj.as_value().offset(), r), ...);
    return r;
}

/// bind_fields() on a value that must be an object (wrong_type otherwise).
template <class... F>
result bind_fields(const value& v, F&&... fields) noexcept {
    object obj;
    if (result r = v.get(obj); !r) return r;
    return json::bind_fields(obj, std::forward<F>(fields)...);
}

}  // namespace smsgw::codec::json
