#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/fields.hpp"
#include "smsgw/codec/hex.hpp"
#include "smsgw/codec/json_bind.hpp"  // json::key_at, for an unknown_field
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

/// How a message is written as JSON.
struct json_options {
    /// Binary fields that are valid UTF-8 written as text, the others as hex under `<key>_hex`:
    /// what a person reading the inspector wants.
    bool text_when_utf8 = false;
};

namespace detail {

// The integer type of an integer or enum member.
template <class M>
using signed_or_not = typename std::conditional_t<std::is_enum_v<M>, std::underlying_type<M>, std::common_type<M>>::type;

struct json_out {
    json::writer& j;
    json_options o;
    bool values = false;  // inside a group of values: no keys

    template <class M>
    void operator()(const M& v, const spec& s) noexcept {
        if (s.presence == presence::if_set && number_or_empty(v)) return;
        if constexpr (std::is_same_v<M, bytes>) {
            binary(s, v);
            return;
        }
        if (!values) j.key(s.json_key());
        if constexpr (std::is_same_v<M, std::string_view>) {
            if (s.json_null && v.empty()) {
                j.null();
            } else if (s.json_number && is_number_token(v)) {
                j.raw(v);
            } else {
                j.string(v);
            }
        } else if constexpr (is_self_checked_v<M>) {
            v.write_json(j);
        } else if constexpr (std::is_signed_v<signed_or_not<M>>) {
            j.number(static_cast<std::int64_t>(static_cast<signed_or_not<M>>(v)));  // Hezhong's codes: -100
        } else if constexpr (!std::is_same_v<M, bytes>) {
            j.number(number_of(v));
        }
    }
    template <class Item>
    void group(const span<const Item>& items, const group_spec& g) noexcept {
        if (g.presence == presence::if_set && items.empty()) return;
        j.key(g.key).begin_array();
        json_out inner{j, o, g.values};
        for (const Item& item : items) {
            if (!g.values) j.begin_object();
            Item::walk(inner, item);
            if (!g.values) j.end_object();
        }
        j.end_array();
    }

private:
    template <class M>
    static constexpr bool number_or_empty(const M& v) noexcept {
        if constexpr (is_string_v<M> || is_self_checked_v<M>) {
            return v.empty();
        } else {
            return number_of(v) == 0;
        }
    }
    // Digits without a leading zero (RFC 8259 §6 int).
    static bool is_number_token(std::string_view v) noexcept {
        if (v.empty() || (v[0] == '0' && v.size() > 1)) return false;
        for (const char c : v) {
            if (!ascii::is_digit(c)) return false;
        }
        return true;
    }
    void binary(const spec& s, bytes v) noexcept {
        const bool text = s.kind == kind::text || (o.text_when_utf8 && utf8::validate(as_chars(v)));
        if (!values && !text && o.text_when_utf8) {
            char key[64];
            writer k(key, sizeof key - 4);
            k.write(std::string_view(s.json_key()));
            k.write(std::string_view("_hex"));
            j.key(std::string_view(key, k.overflowed() ? 0 : k.size()));
        } else if (!values) {
            j.key(s.json_key());
        }
        if (text) {
            j.string(as_chars(v));
        } else if (s.as == json_binary::base64 && !o.text_when_utf8) {
            j.base64_string(v);
        } else {
            j.hex_string(v);
        }
    }
};

// A JSON value into a member. Strings are views into the document, or decoded into `scratch`
// when they hold escapes; binary is decoded from hex or base64 into scratch; numbers and codes
// are read from a number or from a string of digits (vendors send both); a member of a type of
// its own reads itself (`result read_json(const json::value&, writer& scratch, mode)`).
struct json_value_reader {
    writer& scratch;
    path* where = nullptr;  // where an error inside a group is named
    mode m = mode::strict;

    template <class M>
    result read(const json::value& v, M& member, const spec& s) noexcept {
        if constexpr (std::is_same_v<M, std::string_view>) {
            if ((s.kind == kind::digits || s.json_number) && v.type() == json::kind::number) {
                std::uint64_t n = 0;
                (void)v.get(n);    // checks the common case at once, so that raw() finds its end
                member = v.raw();  // a number token's text, exact; empty when it is not valid
                if (!member.empty()) return {};
                const result e = json::detail::access::walk_error(v);
                return e ? fail(errc::bad_number, v.offset()) : e;
            }
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

// Where bind_json() puts the items of each group: one span per item type, each taken from its
// front as groups fill, so that the items of an item's own group (Hezhong's frames[] of
// attachments[]) follow one another in theirs.
template <class... Items>
struct storages {
    std::tuple<span<Items>...> spans;
    template <class I>
    span<I>& of() noexcept {
        static_assert((std::is_same_v<I, Items> || ...), "bind_json is given storage for each group's item type");
        return std::get<span<I>>(spans);
    }
};

template <class T, class... Items>
result bind_object(const json::object& obj, T& out, json_value_reader& values, mode m,
                   storages<Items...>& storage) noexcept;

// Reads one array element into the one field of a group-of-values item.
struct json_element_in {
    const json::value& element;
    json_value_reader& values;
    result r{};
    template <class M>
    void operator()(M& target, const spec& s) noexcept {
        r = values.read(element, target, s);
        if (!r && r.field == nullptr) r.field = s.json_key();
    }
    // The walk of an object item is compiled here too; a group of values has no groups.
    template <class I>
    void group(span<const I>&, const group_spec&) noexcept {}
};

// Offers one member of an object to each field of the walk.
template <class... Items>
struct json_in {
    const json::member& member;
    json_value_reader& values;
    storages<Items...>& storage;
    offer_state st;

    std::string_view key;  // the member's key as it stands, when it holds no escape
    bool plain = false;

    template <class M>
    void operator()(M& target, const spec& s) noexcept {
        const std::uint64_t bit = st.next_bit();
        if (st.matched || !names(s.json_key())) return;
        st.matched = true;
        if (!st.first(bit, member.key.offset(), s.json_key())) return;
        if (!s.is_required() && is_null(member.value)) return;
        if (result e = values.read(member.value, target, s); !e) {
            st.r = fail(e.ec, e.offset, e.field != nullptr ? e.field : s.json_key());  // a path inside it ("cont.mobile")
        }
    }

    template <class I>
    void group(span<const I>& items, const group_spec& g) noexcept {
        const std::uint64_t bit = st.next_bit();
        if (st.matched || !names(g.key)) return;
        st.matched = true;
        if (!st.first(bit, member.key.offset(), g.key)) return;
        if (g.presence != presence::required && is_null(member.value)) return;
        json::array a;
        if (result e = member.value.get(a); !e) {
            st.r = fail(e.ec, e.offset, g.key);
            return;
        }
        span<I>& free = storage.template of<I>();
        const span<I> slots = free;
        std::size_t n = 0;
        for (const json::value& element : a) {
            if (n == slots.size() || n == g.max) {
                st.r = fail(errc::too_many, element.offset(), g.key);
                return;
            }
            if (result e = item(element, slots[n], g); !e) {
                st.r = e;
                if (values.where != nullptr) st.r.field = values.where->set(g.key, n, g.values ? nullptr : e.field);
                return;
            }
            ++n;
        }
        items = span<const I>(slots.data(), n);
        free = slots.subspan(n);
    }

private:
    // Whether the member's key is `name` (a NUL-terminated literal): compared as it stands when
    // it holds no escape, without measuring the literal first.
    bool names(const char* name) const noexcept {
        if (!plain) return member.key_is(name);
        std::size_t i = 0;
        for (; i < key.size(); ++i) {
            if (name[i] != key[i]) return false;
        }
        return name[i] == '\0';
    }
    // null, looked at without checking an array or object to its end first.
    static bool is_null(const json::value& v) noexcept { return v.type() == json::kind::null && v.is_null(); }

    template <class I>
    result item(const json::value& element, I& slot, const group_spec& g) noexcept {
        if (g.values) {
            I one{};
            json_element_in in{element, values};
            I::walk(in, one);
            if (!in.r) return in.r;
            if (result v = fields::validate(one, st.m); !v) return fail(v.ec, element.offset(), v.field);
            slot = one;
            return {};
        }
        json::object obj;
        if (result e = element.get(obj); !e) return fail(e.ec, e.offset, g.key);
        return bind_object(obj, slot, values, st.m, storage);
    }
};

// Whether a walk names a key.
template <class Member>
struct key_finder {
    const Member& member;
    bool found = false;
    template <class M>
    void operator()(const M&, const spec& s) noexcept {
        found = found || member.key_is(s.json_key());
    }
    template <class I>
    void group(const span<const I>&, const group_spec& g) noexcept {
        found = found || member.key_is(g.key);
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

template <class T, class... Items>
result bind_object(const json::object& obj, T& out, json_value_reader& values, mode m,
                   storages<Items...>& storage) noexcept {
    static_assert(count<T>() <= 64, "a field list of at most 64 fields");
    T msg{};
    std::uint64_t seen = 0;
    for (const json::member& mem : obj) {
        std::string_view key;
        const bool plain = json::detail::access::plain_key(mem, key);
        json_in<Items...> in{mem, values, storage, {m, seen}, key, plain};
        T::walk(in, msg);
        if (!in.st.r) return in.st.r;
        if (!in.st.matched && m == mode::strict) return fail(errc::unknown_field, mem.key.offset());
    }
    if (result e = json::detail::access::walk_error(obj.as_value()); !e) return e;
    json_required req{seen, obj.as_value().offset()};
    T::walk(req, msg);
    if (!req.r) return req.r;
    validator check{m, {}, nullptr, false, true};  // each item was checked as it was bound
    T::walk(check, msg);
    if (result r = check.r; !r) {
        json::value v;
        const bool found = r.field != nullptr && obj.find(r.field, v);
        return fail(r.ec, found ? v.offset() : obj.as_value().offset(), r.field);
    }
    out = msg;
    return {errc{}, obj.as_value().raw().size()};
}

}  // namespace detail

/// The fields of `m` as members of the object the caller has opened (the inspector adds its own
/// around them). Errors stick in the json::writer, as its own calls do.
template <class T>
void write_json_members(json::writer& j, const T& m, json_options o = {}) noexcept {
    detail::json_out w{j, o};
    T::walk(w, m);
}

/// Validates, then writes `m` as one JSON object. Success: offset = bytes written.
template <class T>
result write_json(const T& m, writer& out, json_options o = {}) noexcept {
    if (result v = fields::validate(m); !v) return v;
    json::writer j(out);
    j.begin_object();
    write_json_members(j, m, o);
    j.end_object();
    return j.finish();
}

/// Reads a JSON object into `out`, then validates it. Strings with escapes and binary values are
/// decoded into `scratch`; a group's items go to `storage`. Errors, with the key in result.field:
/// strict mode: unknown_field at the opening quote of a key no field has (no spec field to name:
/// `json::key_at(text, r.offset)` is the key as sent), duplicate_field at a key's second
/// occurrence (tolerant mode keeps the first and skips unknown keys, which stay reachable
/// through the object); missing_field at the object for an absent required key; too_many at an
/// array element that does not fit storage or the group's maximum; a value's read error
/// (wrong_type, number_overflow, bad_character of hex or base64...) at its offset; a
/// validate() error (in mode m) at the value of the field at fault. null stands for an absent
/// optional field. `out` is written only on success.
/// The items of each group go to the span of their type (a message with two groups of different
/// item types is given two spans); a group whose items have a group of their own (Hezhong's
/// frames[] of attachments[]) is given a span for those too, filled item after item.
template <class T, class... Items>
result bind_json(const json::object& obj, T& out, writer& scratch, mode m = mode::strict,
                 span<Items>... storage) noexcept {
    detail::json_value_reader values{scratch, nullptr, m};
    detail::storages<Items...> free{{storage...}};
    return detail::bind_object(obj, out, values, m, free);
}

/// bind_json(), with the place of an error inside a group written to `where`
/// (`destinations[3].cID`) and result.field pointing at it.
template <class T, class... Items>
result bind_json(const json::object& obj, T& out, writer& scratch, mode m, path& where,
                 span<Items>... storage) noexcept {
    detail::json_value_reader values{scratch, &where, m};
    detail::storages<Items...> free{{storage...}};
    return detail::bind_object(obj, out, values, m, free);
}

/// Whether the walk of T names `key` (a field or a group): the members a tolerant bind skipped
/// are those of the object it does not name, still there to read.
template <class T>
bool names(const json::member& key) noexcept {
    detail::key_finder<json::member> f{key};
    const T m{};
    T::walk(f, m);
    return f.found;
}

}  // namespace smsgw::codec::fields
