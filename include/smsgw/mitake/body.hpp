#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "smsgw/codec/decimal.hpp"
#include "smsgw/codec/fields.hpp"
#include "smsgw/codec/json_fields.hpp"
#include "smsgw/codec/json_reader.hpp"
#include "smsgw/codec/json_writer.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

// What every Mitake body shares: a JSON object described by its message's field list
// (codec/fields.hpp), written and read in both directions, so that a client and a test double
// of Mitake's server are written with the same module.
namespace smsgw::mitake {

namespace fields = codec::fields;
namespace json = codec::json;

/// Strict: RFC 8259 and the spec's fields exactly (unknown_field at a key no field names,
/// duplicate_field at a second one). Tolerant: what the spec's own examples print (trailing
/// commas, a bare UUID batchID, zero-padded numbers: json_reader.hpp), unknown keys skipped
/// (still reachable: fields::names), a repeated key's first value kept.
using mode = smsgw::mode;

/// How a body is decoded: the mode, and where to name an error inside an array
/// (`destinations[3].cID`; without it result.field is the key alone).
struct decode_options {
    /// Strict or tolerant.
    mitake::mode m = mode::strict;
    /// Where an error in a repeated group is, when given.
    fields::path* where = nullptr;
    /// The mode and, optionally, where to report an error's path.
    constexpr decode_options(mitake::mode md = mode::strict, fields::path* w = nullptr) noexcept : m(md), where(w) {}
};

/// batchID and msgID are 64-bit and beyond 2^53 (304934976469110784): kept as their decimal
/// text, exact, read from a number or a string, written as a number (fields::as_json_number).
/// (After the digits check: only a 20-digit text can be too large.)
inline result check_uint64(std::string_view v) noexcept {
    if (v.size() < codec::decimal::max_chars) return {};
    std::uint64_t n = 0;
    return codec::decimal::parse(v, n);
}
/// A 64-bit id written as digits (JSON number when it is one).
inline constexpr fields::spec id(const char* name) noexcept {
    return fields::digits(name, codec::decimal::max_chars).checked(check_uint64).as_json_number();
}

/// A decimal text as a uint64 (errors: bad_character, out_of_range at the digit at fault).
inline result to_uint64(std::string_view text, std::uint64_t& out) noexcept { return codec::decimal::parse(text, out); }

// A message struct of this module (it names itself mitake_body).
template <class T, class = void>
struct is_body : std::false_type {};
template <class T>
struct is_body<T, std::void_t<decltype(T::mitake_body)>> : std::true_type {};
/// Enables a template for the module's messages only.
template <class T>
using if_body = std::enable_if_t<is_body<T>::value, int>;

namespace detail {

// Where a cross-field rule reports: validating, the offset in the value; decoding, in the body
// (the value's own offset when it is a view into the body, else the body's start); the path
// through an array when one is given.
struct place {
    bytes body;
    fields::path* where = nullptr;

    std::size_t at(std::string_view v, std::size_t in_value) const noexcept {
        if (body.empty()) return in_value;
        const auto* b = reinterpret_cast<const char*>(body.data());
        const bool inside = v.data() >= b && v.data() <= b + body.size();
        return inside ? static_cast<std::size_t>(v.data() - b) + in_value : 0;
    }
    const char* name(const char* group, std::size_t index, const char* field) const noexcept {
        return where != nullptr ? where->set(group, index, field) : field;
    }
};

// A message's rules across its fields (push's unique cIDs and size budget); none by default.
template <class T>
constexpr result cross_check(const T&, const place&) noexcept {
    return {};
}

}  // namespace detail

/// Every check of the message's field list and of its cross-field rules: the first error, its
/// field by name (or, given `where`, by its path `destinations[3].cID`) and the offset in the value.
///@{
template <class T, if_body<T> = 0>
result validate(const T& m) noexcept {
    if (result r = fields::validate(m); !r) return r;
    return cross_check(m, detail::place{});  // unqualified: found by ADL on place
}
template <class T, if_body<T> = 0>
result validate(const T& m, fields::path& where) noexcept {
    if (result r = fields::validate(m, where); !r) return r;
    return cross_check(m, detail::place{{}, &where});
}
///@}

/// The compact JSON body, members in the spec's order; attachments are base64-encoded straight
/// from the caller's bytes into `out`. Success: offset = bytes written.
template <class T, if_body<T> = 0>
result encode(const T& m, writer& out) noexcept {
    if (result r = mitake::validate(m); !r) return r;
    json::writer j(out);
    j.begin_object();
    fields::write_json_members(j, m);
    j.end_object();
    return j.finish();
}

namespace detail {

// Reads `body` into `out` (written only on success) with the checks of validate(): strings
// with escapes and attachments are decoded into `scratch` (the body's size is always enough);
// each array's items go to the storage of its type. Errors carry the offset in the body: a
// syntax error anywhere wins, then what bind_json says, then the cross-field rules.
template <class T, class... Items>
result decode_body(bytes body, T& out, mutable_bytes scratch, decode_options o, span<Items>... storage) noexcept {
    const std::string_view text = as_chars(body);
    json::document doc(text, {o.m});
    json::object obj;
    writer w(scratch);
    T msg{};
    result r = doc.root().get(obj);
    if (r) {
        r = o.where != nullptr ? fields::bind_json(obj, msg, w, o.m, *o.where, storage...)
                               : fields::bind_json(obj, msg, w, o.m, storage...);
    }
    r = doc.finish(r);
    if (!r) {
        // The walk stops at the first error; a syntax error further on still wins.
        json::value root;
        const result syntax = json::parse(text, root, {o.m});
        return syntax ? r : syntax;
    }
    if (result c = cross_check(msg, place{body, o.where}); !c) return c;
    out = msg;
    return {errc{}, body.size()};
}

}  // namespace detail

}  // namespace smsgw::mitake
