#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>
#include <type_traits>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/datetime.hpp"
#include "smsgw/codec/decimal.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/inline.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"

// The field list of a text message: the counterpart, for form bodies and JSON objects, of a
// CMPP PDU's walk(). A message struct lists its fields once, in spec order,
//
//     struct query_request {
//         std::string_view account, password, message_id;
//         address_type to_address_type = address_type::msisdn;
//         std::string_view to_address;
//
//         template <class V, class Self>
//         static constexpr void walk(V& v, Self& m) {
//             v(m.account, fields::ascii("account", 10));
//             v(m.password, fields::ascii("password", 10));
//             v(m.message_id, fields::digits("message_id", 10));
//             v(m.to_address_type, fields::code("to_address_type", 1).optional());
//             v(m.to_address, fields::ascii("to_address", 35).checked(check_number));
//         }
//     };
//
// and every visitor derives from that one list: validate() checks each value with the field's
// spec name and the offset in the value; form::encode/decode (form_fields.hpp) write and read a
// form body; json_fields.hpp writes and binds a JSON object, and the inspector prints through it.
// A field is reached as a struct member, so a name the message does not have cannot compile.
// A repeated group of fields (IMSP's content<X>id, content<X>type, content<X>) is
// `v.group(m.contents, fields::group("no_contents", "contents"))` over the item's own walk.
namespace smsgw::codec::fields {

/// What a field's value is and how it is checked.
enum class kind : unsigned char {
    ascii,   ///< printable ASCII (SP to '~'); min/max in bytes
    digits,  ///< '0'-'9' only; min/max in bytes
    text,    ///< UTF-8; min/max in characters (code points)
    code,    ///< an enumerated value, written as its number; min/max: the values defined
    number,  ///< an unsigned integer in decimal; min/max: its range
    list,    ///< items joined by `separator`; min/max: the number of items, each given to `check`
    binary,  ///< any bytes; min/max in bytes
    date_time,  ///< a date and time in one of the vendors' shapes (`when`), a real calendar value
};

/// Whether a field may be absent and when it is written.
enum class presence : unsigned char {
    required,  ///< must be present; always written
    optional,  ///< may be absent (the struct's default stands); always written
    if_set,    ///< may be absent or empty; written only when not empty (or not 0)
};

/// How a binary field travels in JSON.
enum class json_binary : unsigned char { hex, base64 };

/// An extra check of a value (of each item of a list): offset in the value, field left empty.
using check_fn = result (*)(std::string_view) noexcept;

/// No limit.
inline constexpr std::uint64_t unlimited = std::numeric_limits<std::uint64_t>::max();

/// One field of a message: its name, kind and limits, as a walk lists it.
struct spec {
    const char* name = nullptr;  ///< the spec's name, as on the wire; for a group item, 'X' is the index
    /// What the value is and how it is checked.
    fields::kind kind = kind::ascii;
    /// Required, optional or written only when set.
    fields::presence presence = presence::required;
    std::uint64_t min = 1;  ///< strings: an empty value is empty_field when min > 0
    /// The upper limit, in the unit the kind says (bytes, characters, items or values).
    std::uint64_t max = unlimited;
    char separator = ',';         ///< list
    check_fn check = nullptr;     ///< after the kind's own checks
    check_fn lenient = nullptr;   ///< in its place in tolerant mode, when set
    const char* key = nullptr;    ///< the JSON key when it differs from the name
    /// How binary is written in JSON.
    json_binary as = json_binary::hex;
    datetime::shape when = datetime::shape::yyyymmddhhmmss;  ///< date_time
    bool url_encoded = false;     ///< in a form: percent-encoded once more before form encoding
    const char* alias = nullptr;  ///< in a form: a second name tolerant decoding reads
    bool json_number = false;  ///< JSON: written as a number token (see as_json_number())
    bool json_null = false;    ///< JSON: empty written as null (see nullable())

    /// Optional: may be absent, always written.
    constexpr spec optional() const noexcept { return with_presence(presence::optional, min); }
    /// Written only when set; may be absent or empty.
    constexpr spec if_set() const noexcept { return with_presence(presence::if_set, 0); }
    /// The same presence, an empty value allowed.
    constexpr spec allow_empty() const noexcept { return with_presence(presence, 0); }
    /// An extra check of the value, after the kind's own.
    constexpr spec checked(check_fn f) const noexcept {
        spec s = *this;
        s.check = f;
        return s;
    }
    /// What tolerant mode checks instead of check() (Hezhong's `mobile` list: "1368100000, 1368100002").
    constexpr spec tolerating(check_fn f) const noexcept {
        spec s = *this;
        s.lenient = f;
        return s;
    }
    /// The check to apply in mode m.
    constexpr check_fn check_in(mode m) const noexcept {
        return m == mode::tolerant && lenient != nullptr ? lenient : check;
    }
    /// Named `k` in JSON.
    constexpr spec keyed(const char* k) const noexcept {
        spec s = *this;
        s.key = k;
        return s;
    }
    /// Binary written in JSON as `b`.
    constexpr spec in_json_as(json_binary b) const noexcept {
        spec s = *this;
        s.as = b;
        return s;
    }
    /// The value travels URL-encoded inside the form value, so encoded twice on the wire (5C's
    /// title, §2.1 "urlencode 后提交"); the member holds it plain.
    constexpr spec url_encoded_twice() const noexcept {
        spec s = *this;
        s.url_encoded = true;
        return s;
    }
    /// Tolerant form decoding also reads the field under `other` (5C's own example spells its
    /// title `tittle`); strict decoding calls it unknown_field.
    constexpr spec tolerant_alias(const char* other) const noexcept {
        spec s = *this;
        s.alias = other;
        return s;
    }
    /// A string of digits that JSON carries as a number (Mitake's 64-bit batchID and msgID): written
    /// as a number token when it is one in RFC 8259's grammar (no leading zero), as a string
    /// otherwise; read from a number token, kept as its text, or from a string. The text stays
    /// exact where a double would round it.
    constexpr spec as_json_number() const noexcept {
        spec s = *this;
        s.json_number = true;
        return s;
    }
    /// JSON: an empty value is written as null (Mitake's refreshToken and scope). Reading, null
    /// stands for an absent optional field whether nullable or not.
    constexpr spec nullable() const noexcept {
        spec s = *this;
        s.json_null = true;
        return s;
    }
    /// The JSON key: `key` when set, else the name.
    constexpr const char* json_key() const noexcept { return key != nullptr ? key : name; }
    /// Whether the field must be present.
    constexpr bool is_required() const noexcept { return presence == presence::required; }

private:
    constexpr spec with_presence(fields::presence p, std::uint64_t least) const noexcept {
        spec s = *this;
        s.presence = p;
        s.min = least;
        return s;
    }
};

/// Printable ASCII, 1 to `max` bytes.
constexpr spec ascii(const char* name, std::uint64_t max) noexcept { return {name, kind::ascii, presence::required, 1, max}; }
/// Digits, 1 to `max` of them.
constexpr spec digits(const char* name, std::uint64_t max) noexcept { return {name, kind::digits, presence::required, 1, max}; }
/// UTF-8, 1 to `max` characters.
constexpr spec text(const char* name, std::uint64_t max = unlimited) noexcept {
    return {name, kind::text, presence::required, 1, max};
}
/// An enumerated value from `min` to `max`.
constexpr spec code(const char* name, std::uint64_t max, std::uint64_t min = 0) noexcept {
    return {name, kind::code, presence::required, min, max};
}
/// An unsigned number from `min` to `max`.
constexpr spec number(const char* name, std::uint64_t max = unlimited, std::uint64_t min = 0) noexcept {
    return {name, kind::number, presence::required, min, max};
}
/// `min_items` to `max_items` items joined by `separator`, each checked by `item`.
constexpr spec list(const char* name, char separator, std::uint64_t min_items, std::uint64_t max_items,
                    check_fn item) noexcept {
    return {name, kind::list, presence::required, min_items, max_items, separator, item};
}
/// A date and time as text in the shape `when` (codec/datetime.hpp), kept as sent.
constexpr spec date_time(const char* name, datetime::shape when) noexcept {
    spec s{name, kind::date_time};
    s.when = when;
    return s;
}
/// Any bytes, at most `max`.
constexpr spec binary(const char* name, std::uint64_t max = unlimited) noexcept {
    return {name, kind::binary, presence::required, 0, max};
}

/// A repeated group: its items are `span<const Item>`, each with Item::walk. In a form the count
/// travels as `count_name` and the items' fields as their names with 'X' replaced by the index
/// (content0id, content1id, ...); in JSON the items are an array under `key`.
struct group_spec {
    /// The name of the count field in a form.
    const char* count_name = nullptr;
    /// The JSON key of the items' array.
    const char* key = nullptr;
    /// Whether the group may be absent.
    fields::presence presence = presence::required;
    /// The most items.
    std::uint64_t max = unlimited;
    bool values = false;  ///< JSON: an array of the items' one value each, not of objects

    /// May be absent or empty; written only when it has items.
    constexpr group_spec if_set() const noexcept {
        group_spec g = *this;
        g.presence = presence::if_set;
        return g;
    }
    /// In JSON each item is its one field's value (Mitake's msgIDs: [304934980000714750, ...]);
    /// the item's walk lists exactly one field.
    constexpr group_spec of_values() const noexcept {
        group_spec g = *this;
        g.values = true;
        return g;
    }
};

/// Where an error inside a repeated group is, as `destinations[3].cID`: validate() and
/// bind_json() write it here when they are given one, and point result.field at its text.
struct path {
    /// The path, NUL-terminated.
    char text[96] = {};

    /// "<group>[<index>].<field>" (cut to the buffer, always terminated); returns text.
    const char* set(const char* group, std::size_t index, const char* field) noexcept {
        std::size_t n = 0;
        auto put = [&](char c) {
            if (n + 1 < sizeof text) text[n++] = c;
        };
        for (const char* p = group; p != nullptr && *p != '\0'; ++p) put(*p);
        put('[');
        char digits[20];
        std::size_t d = 0;
        do {
            digits[d++] = static_cast<char>('0' + index % 10);
            index /= 10;
        } while (index != 0);
        while (d != 0) put(digits[--d]);
        put(']');
        if (field != nullptr) {
            put('.');
            for (const char* p = field; *p != '\0'; ++p) put(*p);
        }
        text[n] = '\0';
        return text;
    }
};

/// A repeated group: its count's name in a form, its key in JSON, its most items.
constexpr group_spec group(const char* count_name, const char* key, std::uint64_t max = unlimited) noexcept {
    return {count_name, key, presence::required, max};
}

namespace detail {

template <class M>
constexpr bool is_string_v = std::is_same_v<M, std::string_view> || std::is_same_v<M, bytes>;

// A member of a type of its own that checks itself (`result check(const spec&, mode) const`,
// `bool empty() const`) and, for JSON, writes and reads itself (json_fields.hpp): Hezhong's
// `cont`, a JSON document inside a JSON string.
template <class M, class = void>
struct is_self_checked : std::false_type {};
template <class M>
struct is_self_checked<M, std::void_t<decltype(std::declval<const M&>().check(std::declval<const spec&>(), mode{}))>>
    : std::true_type {};
template <class M>
constexpr bool is_self_checked_v = is_self_checked<M>::value;

template <class M>
constexpr std::string_view chars_of(const M& v) noexcept {
    if constexpr (std::is_same_v<M, bytes>) {
        return as_chars(v);
    } else {
        return v;
    }
}

// The value of an integer or enum member, as an unsigned number (enums in this library are
// unsigned underneath).
template <class M>
constexpr std::uint64_t number_of(const M& v) noexcept {
    if constexpr (std::is_enum_v<M>) {
        return static_cast<std::uint64_t>(static_cast<std::underlying_type_t<M>>(v));
    } else {
        return static_cast<std::uint64_t>(v);
    }
}

// The offset of the character after the first `n` of valid UTF-8 `s`.
inline std::size_t after_chars(std::string_view s, std::uint64_t n) noexcept {
    std::size_t at = 0;
    char32_t cp = 0;
    for (std::uint64_t i = 0; i < n; ++i) utf8::next(s, at, cp);
    return at;
}

inline result check_items(std::string_view v, const spec& s, check_fn item) noexcept {
    std::uint64_t count = 0;
    std::size_t start = 0;
    for (;;) {
        std::size_t end = v.find(s.separator, start);
        if (end == std::string_view::npos) end = v.size();
        if (++count > s.max) return fail(errc::too_many, start);
        if (item != nullptr) {
            if (result r = item(v.substr(start, end - start)); !r) return fail(r.ec, start + r.offset);
        }
        if (end == v.size()) break;
        start = end + 1;
    }
    return count < s.min ? fail(errc::count_mismatch, v.size()) : result{};
}

// The eight and the four bytes at p as one word, each byte a lane (which lane is which does not
// matter to ascii::detail::word_in_range()).
SMSGW_ALWAYS_INLINE std::uint64_t load8(const char* p) noexcept {
    std::uint64_t x = 0;
    std::memcpy(&x, p, 8);
    return x;
}
SMSGW_ALWAYS_INLINE std::uint64_t load4(const char* p) noexcept {
    std::uint32_t x = 0;
    std::memcpy(&x, p, 4);
    return x;
}

// Whether every byte of `v` is in Lo..Hi (both below 0x80), a word at a time: whole words, then
// the last eight bytes again (overlapping the last whole word); a value shorter than a word as
// two overlapping halves, or (below four bytes) its first, middle and last byte.
template <unsigned char Lo, unsigned char Hi>
SMSGW_ALWAYS_INLINE bool all_inside(std::string_view v) noexcept {
    constexpr std::uint64_t fill = 0x0101010101010101u * Lo;
    const char* const p = v.data();
    const std::size_t n = v.size();
    if (n >= 8) {
        for (std::size_t i = 0; n - i > 8; i += 8) {
            if (!ascii::detail::word_in_range<Lo, Hi>(load8(p + i))) return false;
        }
        return ascii::detail::word_in_range<Lo, Hi>(load8(p + n - 8));
    }
    if (n >= 4) return ascii::detail::word_in_range<Lo, Hi>(load4(p) | load4(p + n - 4) << 32);
    if (n == 0) return true;
    const std::uint64_t three = std::uint64_t{static_cast<unsigned char>(p[0])} |
                                std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
                                std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
    return ascii::detail::word_in_range<Lo, Hi>(three | (fill & ~std::uint64_t{0xFFFFFF}));
}

// The offset of the first byte of `v` outside lo..hi (both below 0x80), or v.size(): all_inside()
// first, byte by byte only when it fails. The digits and printable checks were a fifth of reading
// a list of reports, and the bytes after the last whole word another tenth.
template <unsigned char Lo, unsigned char Hi>
SMSGW_ALWAYS_INLINE std::size_t first_outside(std::string_view v) noexcept {
    if (all_inside<Lo, Hi>(v)) return v.size();
    std::size_t i = 0;
    while (i < v.size() && static_cast<unsigned char>(v[i]) >= Lo && static_cast<unsigned char>(v[i]) <= Hi) ++i;
    return i;
}

// The checks of a string value against its spec; the offset is in the value. Inlined, so that a
// constant spec leaves only its own kind's checks (a call per value costed query_batch 8%).
SMSGW_ALWAYS_INLINE result check_string(std::string_view v, const spec& s, mode m = mode::strict) noexcept {
    if (v.empty()) return s.min > 0 ? fail(errc::empty_field, 0) : result{};
    switch (s.kind) {
    case kind::ascii:
        if (v.size() > s.max) return fail(errc::field_too_long, static_cast<std::size_t>(s.max));
        if (const std::size_t i = first_outside<0x20, 0x7E>(v); i != v.size()) return fail(errc::bad_character, i);
        break;
    case kind::digits:
        if (v.size() > s.max) return fail(errc::field_too_long, static_cast<std::size_t>(s.max));
        if (const std::size_t i = first_outside<'0', '9'>(v); i != v.size()) return fail(errc::bad_character, i);
        break;
    case kind::text: {
        std::size_t chars = 0;
        if (result r = utf8::count(v, chars); !r) return r;
        if (chars > s.max) return fail(errc::field_too_long, after_chars(v, s.max));
        break;
    }
    case kind::binary:
        if (v.size() > s.max) return fail(errc::field_too_long, static_cast<std::size_t>(s.max));
        break;
    case kind::list:
        return check_items(v, s, s.check_in(m));
    case kind::date_time: {
        datetime::date_time t;
        if (result r = datetime::parse(v, s.when, t); !r) return r;
        break;
    }
    case kind::code:
    case kind::number: {
        std::uint64_t n = 0;
        if (result r = decimal::parse(v, n); !r) return r;
        if (n < s.min || n > s.max) return fail(errc::out_of_range, 0);
        break;
    }
    }
    const check_fn f = s.check_in(m);
    return f != nullptr ? f(v) : result{};
}

template <class M>
SMSGW_ALWAYS_INLINE result check(const M& v, const spec& s, mode m = mode::strict) noexcept {
    if constexpr (is_string_v<M>) {
        return check_string(chars_of(v), s, m);
    } else if constexpr (is_self_checked_v<M>) {
        return v.check(s, m);
    } else {
        const std::uint64_t n = number_of(v);
        return n < s.min || n > s.max ? fail(errc::out_of_range, 0) : result{};
    }
}

// Runs the checks of every field in walk order and keeps the first error, named (by its path
// through a group when `where` is given).
struct validator {
    mode m = mode::strict;
    result r{};
    path* where = nullptr;
    bool groups = true;      // false: the items are not checked again
    bool json_keys = false;  // name the field by its JSON key rather than its spec name

    template <class M>
    constexpr void operator()(const M& v, const spec& s) noexcept {
        if (!r) return;
        if (s.presence == presence::if_set && number_or_size(v) == 0) return;
        r = check(v, s, m);
        if (!r) r.field = json_keys ? s.json_key() : s.name;
    }
    template <class Item>
    void group(const span<const Item>& items, const group_spec& g) noexcept {
        if (!r || !groups) return;
        if (items.size() > g.max) {
            r = fail(errc::too_many, 0, g.count_name);
            return;
        }
        for (std::size_t i = 0; i < items.size(); ++i) {
            Item::walk(*this, items[i]);
            if (!r) {
                if (where != nullptr) r.field = where->set(g.key, i, g.values ? nullptr : r.field);
                return;
            }
        }
    }

private:
    template <class M>
    static constexpr std::uint64_t number_or_size(const M& v) noexcept {
        if constexpr (is_string_v<M>) {
            return v.size();
        } else if constexpr (is_self_checked_v<M>) {
            return v.empty() ? 0 : 1;
        } else {
            return number_of(v);
        }
    }
};

// What a reading visitor keeps while one input (a form pair, a JSON member) is offered to each
// field of a walk in turn: which fields were seen before, whether one took this input, the error.
struct offer_state {
    mode m;
    std::uint64_t& seen;
    std::size_t ordinal = 0;
    bool matched = false;
    result r{};

    // The bit of the next field of the walk.
    std::uint64_t next_bit() noexcept { return std::uint64_t{1} << ordinal++; }
    // Whether this is the field's first occurrence; a second is an error in strict mode and
    // ignored in tolerant mode (the first counts, as a servlet's getParameter()).
    bool first(std::uint64_t bit, std::size_t at, const char* field) noexcept {
        if ((seen & bit) == 0) {
            seen |= bit;
            return true;
        }
        if (m == mode::strict) r = fail(errc::duplicate_field, at, field);
        return false;
    }
};

// The item type of a message without a group.
struct no_item {
    template <class V, class Self>
    static constexpr void walk(V&, Self&) noexcept {}
};

// How many fields (a group counts as one) a walk lists.
struct counter {
    std::size_t n = 0;
    template <class M>
    constexpr void operator()(const M&, const spec&) noexcept {
        ++n;
    }
    template <class Item>
    constexpr void group(const span<const Item>&, const group_spec&) noexcept {
        ++n;
    }
};

}  // namespace detail

/// How many fields the walk of T lists (a group counts as one).
template <class T>
constexpr std::size_t count() noexcept {
    detail::counter c;
    const T m{};
    T::walk(c, m);
    return c.n;
}

/// The checks of one value against a spec, as validate() makes them, the field named.
template <class M>
SMSGW_ALWAYS_INLINE result check_value(const M& v, const spec& s) noexcept {
    result r = detail::check(v, s);
    if (!r) r.field = s.name;
    return r;
}

/// Every check of the field list, in order: the first error with the spec name of its field in
/// result.field and its offset in the value (empty_field, field_too_long at the first byte or
/// character past the limit, bad_character, invalid_utf8, out_of_range, too_many at the first
/// item past the limit, count_mismatch at the end of a list with fewer items than its minimum,
/// and what a field's own check says). Tolerant mode checks with a field's tolerating() rule.
template <class T>
result validate(const T& m, mode md = mode::strict) noexcept {
    detail::validator v{md};
    T::walk(v, m);
    return v.r;
}

/// validate(), with the error's place inside a group written to `where` (`destinations[3].cID`)
/// and result.field pointing at it.
template <class T>
result validate(const T& m, path& where, mode md = mode::strict) noexcept {
    detail::validator v{md, {}, &where};
    T::walk(v, m);
    return v.r;
}

}  // namespace smsgw::codec::fields
