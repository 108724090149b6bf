#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/fields.hpp"
#include "smsgw/codec/hex.hpp"
#include "smsgw/codec/json_reader.hpp"
#include "smsgw/codec/json_writer.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

// A field-listed message (fields.hpp) as a JSON object: fields::write_json() writes it (and the
// inspector prints every text message through it), fields::bind_json() reads it back. Keys are
// each field's json_key(); strings are strings, numbers and codes are numbers, binary is hex or
// base64 as its spec says, a group is an array of objects.
namespace smsgw::codec::fields {

struct json_options {
    // Binary fields that are valid UTF-8 written as text, the others as hex under `<key>_hex`:
    // what a person reading the inspector wants.
    bool text_when_utf8 = false;
};

namespace detail {

// The integer type of an integer or enum member.
template <class M>
using signed_or_not = typename std::conditional_t<std::is_enum_v<M>, std::underlying_type<M>, std::common_type<M>>::type;

struct json_out {
    json::writer& j;
    json_options o;

    template <class M>
    void operator()(const M& v, const spec& s) noexcept {
        if (s.presence == presence::if_set && number_or_empty(v)) return;
        if constexpr (std::is_same_v<M, std::string_view>) {
            j.member(s.json_key(), v);
        } else if constexpr (std::is_same_v<M, bytes>) {
            binary(s, v);
        } else if constexpr (is_self_checked_v<M>) {
            j.key(s.json_key());
            v.write_json(j);
        } else if constexpr (std::is_signed_v<signed_or_not<M>>) {
            j.member(s.json_key(), static_cast<std::int64_t>(static_cast<signed_or_not<M>>(v)));  // Hezhong's codes: -100
        } else {
            j.member(s.json_key(), number_of(v));
        }
    }
    template <class Item>
    void group(const span<const Item>& items, const group_spec& g) noexcept {
        j.key(g.key).begin_array();
        for (const Item& item : items) {
            j.begin_object();
            Item::walk(*this, item);
            j.end_object();
        }
        j.end_array();
    }

private:
    template <class M>
    static constexpr bool number_or_empty(const M& v) noexcept {
        if constexpr (is_string_v<M>) {
            return v.empty();
        } else if constexpr (is_self_checked_v<M>) {
            return v.empty();
        } else {
            return number_of(v) == 0;
        }
    }
    void binary(const spec& s, bytes v) noexcept {
        if (s.kind == kind::text || (o.text_when_utf8 && utf8::validate(as_chars(v)))) {
            j.member(s.json_key(), as_chars(v));
        } else if (o.text_when_utf8) {
            char key[64];
            writer k(key, sizeof key - 4);
            k.write(std::string_view(s.json_key()));
            k.write(std::string_view("_hex"));
            j.key(std::string_view(key, k.overflowed() ? 0 : k.size())).hex_string(v);
        } else if (s.as == json_binary::base64) {
            j.key(s.json_key()).base64_string(v);
        } else {
            j.key(s.json_key()).hex_string(v);
        }
    }
};

// A JSON value into a member. Strings are views into the document, or decoded into `scratch`
// when they hold escapes; binary is decoded from hex or base64 into scratch; numbers and codes
// are read from a number or from a string of digits (vendors send both); a member of a type of
// its own reads itself (`result read_json(const json::value&, writer& scratch, mode)`).
struct json_value_reader {
    writer& scratch;
    mode m = mode::strict;

    template <class M>
    result read(const json::value& v, M& member, const spec& s) noexcept {
        if constexpr (std::is_same_v<M, std::string_view>) {
            return text(v, member);
        } else if constexpr (std::is_same_v<M, bytes>) {
            std::string_view t;
            if (result r = text(v, t); !r) return r;
            if (s.kind == kind::text) {
                member = bytes(t);
                return {};
            }
            const std::size_t start = scratch.size();
            const result r = s.as == json_binary::base64 ? base64::decode(t, scratch) : hex::decode(t, scratch);
            // Past the opening quote; a bare token of tolerant mode has none (found by the Hezhong fuzzer).
            const std::size_t content = v.offset() + (v.type() == json::kind::string ? 1 : 0);
            if (!r && r.ec != errc::buffer_too_small) return fail(r.ec, content + r.offset);
            if (scratch.overflowed()) return fail(errc::buffer_too_small, scratch.size());
            member = bytes(scratch.buffer() + start, scratch.size() - start);
            return {};
        } else if constexpr (is_self_checked_v<M>) {
            return member.read_json(v, scratch, m);
        } else {
            using U = std::conditional_t<std::is_enum_v<M>, std::underlying_type<M>, std::common_type<M>>;
            typename U::type n{};
            if (result r = v.get(n); !r) return r;  // a number, or a string of one
            member = static_cast<M>(n);
            return {};
        }
    }

private:
    result text(const json::value& v, std::string_view& out) noexcept {
        if (v.get(out).ok()) return {};
        const std::size_t start = scratch.size();
        if (result r = v.unescape(scratch); !r && r.ec != errc::buffer_too_small) return r;
        if (scratch.overflowed()) return fail(errc::buffer_too_small, scratch.size());
        out = {reinterpret_cast<const char*>(scratch.buffer()) + start, scratch.size() - start};
        return {};
    }
};

template <class T, class Item, class Nested>
result bind_object(const json::object& obj, T& out, json_value_reader& values, mode m, span<Item>& storage,
                   span<Nested>* nested) noexcept;

// Offers one member of an object to each field of the walk. A group's items come from the front
// of `storage`, which moves past them; the items' own groups (one level down) from `*nested`.
template <class Item, class Nested>
struct json_in {
    const json::member& member;
    json_value_reader& values;
    span<Item>& storage;
    span<Nested>* nested;
    offer_state st;

    template <class M>
    void operator()(M& target, const spec& s) noexcept {
        const std::uint64_t bit = st.next_bit();
        if (st.matched || !member.key_is(s.json_key())) return;
        st.matched = true;
        if (!st.first(bit, member.key.offset(), s.json_key())) return;
        if (member.value.is_null() && !s.is_required()) return;
        if (result e = values.read(member.value, target, s); !e) {
            st.r = fail(e.ec, e.offset, e.field != nullptr ? e.field : s.json_key());  // a path inside it ("cont.mobile")
        }
    }

    template <class I>
    void group(span<const I>& items, const group_spec& g) noexcept {
        static_assert(std::is_same_v<I, Item>, "bind_json's storage is of the group's item type");
        const std::uint64_t bit = st.next_bit();
        if (st.matched || !member.key_is(g.key)) return;
        st.matched = true;
        if (!st.first(bit, member.key.offset(), g.key)) return;
        json::array a;
        if (result e = member.value.get(a); !e) {
            st.r = fail(e.ec, e.offset, g.key);
            return;
        }
        std::size_t n = 0;
        span<no_item> none;
        span<Nested> empty;
        span<Nested>& below = nested != nullptr ? *nested : empty;
        for (const json::value& element : a) {
            if (n == storage.size() || n == g.max) {
                st.r = fail(errc::too_many, element.offset(), g.key);
                return;
            }
            json::object obj;
            if (result e = element.get(obj); !e) {
                st.r = fail(e.ec, e.offset, g.key);
                return;
            }
            if (result e = bind_object(obj, storage[n], values, st.m, below, &none); !e) {
                st.r = e;
                return;
            }
            ++n;
        }
        items = span<const I>(storage.data(), n);
        storage = span<Item>(storage.data() + n, storage.size() - n);
    }
};

// Whether each required field was found.
struct json_required {
    std::uint64_t seen;
    std::size_t at;
    std::size_t ordinal = 0;
    result r{};
    template <class M>
    void operator()(const M&, const spec& s) noexcept {
        const bool present = (seen >> ordinal++ & 1u) != 0;
        if (r && !present && s.is_required()) r = fail(errc::missing_field, at, s.json_key());
    }
    template <class I>
    void group(const span<const I>&, const group_spec& g) noexcept {
        const bool present = (seen >> ordinal++ & 1u) != 0;
        if (r && !present && g.presence == presence::required) r = fail(errc::missing_field, at, g.key);
    }
};

template <class T, class Item, class Nested>
result bind_object(const json::object& obj, T& out, json_value_reader& values, mode m, span<Item>& storage,
                   span<Nested>* nested) noexcept {
    static_assert(count<T>() <= 64, "a field list of at most 64 fields");
    T msg{};
    std::uint64_t seen = 0;
    for (const json::member& mem : obj) {
        json_in<Item, Nested> in{mem, values, storage, nested, {m, seen}};
        T::walk(in, msg);
        if (!in.st.r) return in.st.r;
        if (!in.st.matched && m == mode::strict) return fail(errc::unknown_field, mem.key.offset());
    }
    if (result e = json::detail::access::walk_error(obj.as_value()); !e) return e;
    json_required req{seen, obj.as_value().offset()};
    T::walk(req, msg);
    if (!req.r) return req.r;
    if (result r = fields::validate(msg, m); !r) {
        json::value v;
        const bool found = r.field != nullptr && obj.find(r.field, v);
        return fail(r.ec, found ? v.offset() : obj.as_value().offset(), r.field);
    }
    out = msg;
    return {errc{}, obj.as_value().raw().size()};
}

}  // namespace detail

// The fields of `m` as members of the object the caller has opened (the inspector adds its own
// around them). Errors stick in the json::writer, as its own calls do.
template <class T>
void write_json_members(json::writer& j, const T& m, json_options o = {}) noexcept {
    detail::json_out w{j, o};
    T::walk(w, m);
}

// Validates, then writes `m` as one JSON object. Success: offset = bytes written.
template <class T>
result write_json(const T& m, writer& out, json_options o = {}) noexcept {
    if (result v = fields::validate(m); !v) return v;
    json::writer j(out);
    j.begin_object();
    write_json_members(j, m, o);
    j.end_object();
    return j.finish();
}

// Reads a JSON object into `out`, then validates it. Strings with escapes and binary values are
// decoded into `scratch`; a group's items go to `storage`. Errors, with the key in result.field:
// strict mode: unknown_field at a key no field has, duplicate_field at a key's second
// occurrence (tolerant mode keeps the first and skips unknown keys, which stay reachable
// through the object); missing_field at the object for an absent required key; too_many at an
// array element that does not fit storage or the group's maximum; a value's read error
// (wrong_type, number_overflow, bad_character of hex or base64...) at its offset; a
// validate() error (in mode m) at the value of the field at fault. null stands for an absent
// optional field. `out` is written only on success. A group whose items have a group of their
// own (Hezhong's frames[] of attachments[]) takes those from `nested`, each item's in turn.
template <class T, class Item = detail::no_item, class Nested = detail::no_item>
result bind_json(const json::object& obj, T& out, writer& scratch, mode m = mode::strict, span<Item> storage = {},
                 span<Nested> nested = {}) noexcept {
    detail::json_value_reader values{scratch, m};
    return detail::bind_object(obj, out, values, m, storage, &nested);
}

}  // namespace smsgw::codec::fields
