#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/fields.hpp"
#include "smsgw/codec/hex.hpp"
#include "smsgw/codec/json_bind.hpp"  // json::key_at, for an unknown_field
#include "smsgw/codec/json_reader.hpp"
#include "smsgw/codec/json_writer.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/inline.hpp"
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

// Whether a value is what an if_set field leaves out: empty, or 0.
template <class M>
constexpr bool number_or_empty(const M& v) noexcept {
    if constexpr (is_string_v<M> || is_self_checked_v<M>) {
        return v.empty();
    } else {
        return number_of(v) == 0;
    }
}

struct json_out {
    json::writer& j;
    json_options o;
    bool values = false;  // inside a group of values: no keys

    // Inlined into the walk, so that each spec is a constant (with json::writer's plain_prefix(),
    // bench/mitake encode_push_request_smsgw 1164K -> 1086K instructions).
    template <class M>
    SMSGW_ALWAYS_INLINE void operator()(const M& v, const spec& s) noexcept {
        if (s.presence == presence::if_set && number_or_empty(v)) return;
        if constexpr (std::is_same_v<M, bytes>) {
            binary(s, v);
            return;
        }
        if constexpr (std::is_same_v<M, std::string_view>) {
            const bool as_null = s.json_null && v.empty();
            const bool as_number = !as_null && s.json_number && is_number_token(v);
            if (!as_null && !as_number) {
                if (values) {
                    j.string(v);
                } else {
                    j.member(s.json_key(), v);  // key and string in one write
                }
                return;
            }
        }
        if (!values) j.key(s.json_key());
        if constexpr (std::is_same_v<M, std::string_view>) {
            if (s.json_null && v.empty()) {
                j.null();
            } else {
                j.raw(v);
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

// The checks of validate() on a bound value, in mode m. A text without a limit is not counted:
// the reader has checked that every string it hands out is UTF-8, so what is left of the text
// kind's checks is the binary kind's (empty, then the field's own check). Counting statusDesc
// again was 7% of decoding Mitake's push response (callgrind).
template <class M>
SMSGW_ALWAYS_INLINE result check_bound(const M& v, const spec& s, mode m) noexcept {
    if (s.presence == presence::if_set && number_or_empty(v)) return {};
    if constexpr (is_string_v<M>) {
        if (s.kind == kind::text && s.max == unlimited) {
            spec plain = s;
            plain.kind = kind::binary;
            return check(v, plain, m);
        }
    }
    return check(v, s, m);
}

// validate()'s walk once an object is bound, in mode m, the first error named by its JSON key:
// with check_bound(), and without the groups (each item was checked as it was bound). After
// every member, as a field's spec may depend on another field (Hezhong's hex16str on base64str,
// Mitake's subject limit on the subject).
struct json_checks {
    mode m;
    result r{};

    template <class M>
    SMSGW_ALWAYS_INLINE void operator()(const M& v, const spec& s) noexcept {
        if (!r) return;
        if (result c = check_bound(v, s, m); !c) r = fail(c.ec, c.offset, s.json_key());
    }
    template <class I>
    void group(const span<const I>&, const group_spec&) noexcept {}
};

// Binds one member of an object to the field of the walk its key names (member_table finds
// which): a field's first occurrence is read into its target, a second is a duplicate.
template <class... Items>
struct json_in {
    const json::member& member;
    json_value_reader& values;
    storages<Items...>& storage;
    offer_state st;

    template <class M>
    SMSGW_ALWAYS_INLINE void field(M& target, const spec& s, std::size_t ordinal) noexcept {
        if (!st.first(std::uint64_t{1} << ordinal, member.key.offset(), s.json_key())) return;
        if (!s.is_required() && is_null(member.value)) return;
        if (result e = values.read(member.value, target, s); !e) {
            st.r = fail(e.ec, e.offset, e.field != nullptr ? e.field : s.json_key());  // a path inside it ("cont.mobile")
        }
    }

    template <class I>
    SMSGW_ALWAYS_INLINE void group(span<const I>& items, const group_spec& g, std::size_t ordinal) noexcept {
        if (!st.first(std::uint64_t{1} << ordinal, member.key.offset(), g.key)) return;
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

// The field of ordinal I of a walk, given to json_in; every other field is passed over (once
// inlined, the comparisons fold and the walk leaves that one field's code).
template <std::size_t I, class In>
struct json_field_at {
    In& in;
    std::size_t ordinal = 0;

    template <class M>
    SMSGW_ALWAYS_INLINE void operator()(M& target, const spec& s) noexcept {
        if (ordinal++ == I) in.field(target, s, I);
    }
    template <class Item>
    SMSGW_ALWAYS_INLINE void group(span<const Item>& items, const group_spec& g) noexcept {
        if (ordinal++ == I) in.group(items, g, I);
    }
};

// Binds a member to field I of T. Flattened, so that the walk and the visitor fold to that
// field's read alone (a walk left out of line offers the member to every field again).
template <class T, std::size_t I, class... Items>
SMSGW_FLATTEN void bind_field(json_in<Items...>& in, T& msg) noexcept {
    json_field_at<I, json_in<Items...>> v{in};
    T::walk(v, msg);
}

// The JSON keys of a walk by ordinal (fields and groups), gathered at compile time.
struct key_collector {
    const char** keys;
    std::size_t n = 0;
    template <class M>
    constexpr void operator()(const M&, const spec& s) noexcept {
        keys[n++] = s.json_key();
    }
    template <class Item>
    constexpr void group(const span<const Item>&, const group_spec& g) noexcept {
        keys[n++] = g.key;
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

// The slot of a key in a key_table: a hash of its length and its first and last bytes.
constexpr std::uint32_t key_hash(const char* k, std::size_t n, std::uint32_t multiplier, unsigned shift) noexcept {
    const auto first = static_cast<std::uint32_t>(n != 0 ? static_cast<unsigned char>(k[0]) : 0u);
    const auto last = static_cast<std::uint32_t>(n != 0 ? static_cast<unsigned char>(k[n - 1]) : 0u);
    return ((first | last << 8 | static_cast<std::uint32_t>(n) << 16) * multiplier) >> shift;
}

// The JSON keys of a walk of N fields by ordinal, and the table that finds a key's ordinal in
// one probe: slot[key_hash()] is the ordinal + 1 of the only field whose key may be there.
template <std::size_t N>
struct key_table {
    const char* key[N + 1] = {};
    std::size_t length[N + 1] = {};
    unsigned char slot[256] = {};
    std::uint32_t multiplier = 0;
    unsigned shift = 32;
    bool hashed = false;  // false: two keys share a length and ends, and no slot tells them apart
};

// The key_table of T, with a multiplier searched for that gives each field a slot of its own
// (in the fewest slots, at least twice the fields, up to 256).
template <class T>
constexpr key_table<count<T>()> make_key_table() noexcept {
    constexpr std::size_t n = count<T>();
    key_table<n> t{};
    key_collector c{t.key};
    const T m{};
    T::walk(c, m);
    for (std::size_t i = 0; i < n; ++i) {
        while (t.key[i][t.length[i]] != '\0') ++t.length[i];
    }
    unsigned bits = 3;
    while ((std::size_t{1} << bits) < 2 * n) ++bits;
    for (; bits <= 8 && !t.hashed; ++bits) {
        for (std::uint32_t k = 0; k < 256 && !t.hashed; ++k) {
            const std::uint32_t multiplier = 0x9E3779B1u + 2 * k;
            unsigned char slot[256] = {};
            bool clash = false;
            for (std::size_t i = 0; i < n && !clash; ++i) {
                unsigned char& s = slot[key_hash(t.key[i], t.length[i], multiplier, 32 - bits)];
                clash = s != 0;
                s = static_cast<unsigned char>(i + 1);
            }
            if (clash) continue;
            for (std::size_t i = 0; i < 256; ++i) t.slot[i] = slot[i];
            t.multiplier = multiplier;
            t.shift = 32 - bits;
            t.hashed = true;
        }
    }
    return t;
}
template <class T>
inline constexpr key_table<count<T>()> key_table_of = make_key_table<T>();

// Which field of T's walk a member names, and the bind_field() of each: the key is looked up
// in one probe of key_table_of<T> and one comparison with that field's key. Offering each
// member to each field in turn was a third of decoding Mitake's push response (issue 15).
template <class T>
struct member_table {
    static constexpr std::size_t size = count<T>();
    static constexpr std::size_t none = size;  // no field has the key

    // The ordinal of the field whose key is `key` (as it stands, no escape), or none.
    static SMSGW_ALWAYS_INLINE std::size_t find(std::string_view key) noexcept {
        constexpr const key_table<size>& t = key_table_of<T>;
        if constexpr (t.hashed) {
            const unsigned char s = t.slot[key_hash(key.data(), key.size(), t.multiplier, t.shift)];
            if (s == 0) return none;
            const std::size_t i = s - 1u;
            return t.length[i] == key.size() && json::detail::same_bytes(t.key[i], key.data(), key.size()) ? i : none;
        } else {
            for (std::size_t i = 0; i < size; ++i) {
                if (t.length[i] == key.size() && json::detail::same_bytes(t.key[i], key.data(), key.size())) return i;
            }
            return none;
        }
    }
    // The same for a key with escapes, decoded as it is compared.
    static std::size_t find(const json::member& m) noexcept {
        constexpr const key_table<size>& t = key_table_of<T>;
        for (std::size_t i = 0; i < size; ++i) {
            if (m.key_is(std::string_view(t.key[i], t.length[i]))) return i;
        }
        return none;
    }

    // bind_field() of ordinal i, called directly.
    template <class... Items, std::size_t... I>
    static SMSGW_ALWAYS_INLINE void bind(std::size_t i, json_in<Items...>& in, T& msg, std::index_sequence<I...>) noexcept {
        (void)((i == I && (bind_field<T, I, Items...>(in, msg), true)) || ...);
    }
};

template <class T, class... Items>
result bind_object(const json::object& obj, T& out, json_value_reader& values, mode m,
                   storages<Items...>& storage) noexcept {
    static_assert(count<T>() <= 64, "a field list of at most 64 fields");
    T msg{};
    std::uint64_t seen = 0;
    using by_key = member_table<T>;
    for (const json::member& mem : obj) {
        std::string_view key;
        const std::size_t i = json::detail::access::plain_key(mem, key) ? by_key::find(key) : by_key::find(mem);
        if (i == by_key::none) {
            if (m == mode::strict) return fail(errc::unknown_field, mem.key.offset());
            continue;
        }
        json_in<Items...> in{mem, values, storage, {m, seen}};
        by_key::bind(i, in, msg, std::make_index_sequence<by_key::size>());
        if (!in.st.r) return in.st.r;
    }
    if (result e = json::detail::access::walk_error(obj.as_value()); !e) return e;
    json_required req{seen, obj.as_value().offset()};
    T::walk(req, msg);
    if (!req.r) return req.r;
    json_checks check{m};
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
