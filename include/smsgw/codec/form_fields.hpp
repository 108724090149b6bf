#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <type_traits>

#include "smsgw/codec/decimal.hpp"
#include "smsgw/codec/fields.hpp"
#include "smsgw/codec/form.hpp"
#include "smsgw/codec/percent.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

// A field-listed message (fields.hpp) as an application/x-www-form-urlencoded body:
// fields::encode_form() writes it, fields::decode_form() reads it back as a server would.
namespace smsgw::codec::fields {

namespace detail {

// The name of a group item's field: `pattern` with its 'X' replaced by `index`
// ("contentXid", 3 -> "content3id"), on the stack.
class item_name {
public:
    item_name(const char* pattern, std::size_t index) noexcept {
        const std::string_view p(pattern);
        const std::size_t x = p.find('X');
        append(p.substr(0, x));
        if (x == std::string_view::npos) return;
        append(decimal::format(index).view());
        append(p.substr(x + 1));
    }
    std::string_view view() const noexcept { return {text_, size_}; }

private:
    void append(std::string_view s) noexcept {
        for (char c : s) {
            if (size_ < sizeof text_) text_[size_++] = c;
        }
    }
    char text_[48];
    std::size_t size_ = 0;
};

// Whether `name` is `pattern` with an index for its 'X' (decimal, no leading zero, at most 6
// digits), and which.
inline bool match_item(std::string_view name, const char* pattern, std::size_t& index) noexcept {
    const std::string_view p(pattern);
    const std::size_t x = p.find('X');
    if (x == std::string_view::npos || !ascii::starts_with(name, p.substr(0, x))) return false;
    const std::string_view suffix = p.substr(x + 1);
    if (name.size() < x + suffix.size() || name.substr(name.size() - suffix.size()) != suffix) return false;
    const std::string_view digits = name.substr(x, name.size() - x - suffix.size());
    if (digits.empty() || digits.size() > 6) return false;
    return decimal::parse(digits, index, {decimal::sign::none, false}).ok();
}

template <class M>
constexpr bool is_empty(const M& v) noexcept {
    if constexpr (is_string_v<M>) {
        return v.empty();
    } else {
        return number_of(v) == 0;
    }
}

// Writes name=value pairs in walk order.
struct form_writer {
    form::builder& b;

    template <class M>
    void operator()(const M& v, const spec& s) noexcept {
        put(s.name, v, s);
    }
    template <class Item>
    void group(const span<const Item>& items, const group_spec& g) noexcept {
        b.add(g.count_name, decimal::format(items.size()).view());
        for (std::size_t i = 0; i < items.size(); ++i) {
            item_writer w{b, i};
            Item::walk(w, items[i]);
        }
    }

    template <class M>
    static void put_value(form::builder& to, std::string_view name, const M& v) noexcept {
        if constexpr (is_string_v<M>) {
            to.add(name, v);
        } else {
            to.add(name, decimal::format(number_of(v)).view());
        }
    }

private:
    template <class M>
    void put(std::string_view name, const M& v, const spec& s) noexcept {
        if (s.presence == presence::if_set && is_empty(v)) return;
        if constexpr (is_string_v<M>) {
            if (s.url_encoded) {
                b.add_encoded_twice(name, v);
                return;
            }
        }
        put_value(b, name, v);
    }

    struct item_writer {
        form::builder& b;
        std::size_t index;
        template <class M>
        void operator()(const M& v, const spec& s) noexcept {
            if (s.presence == presence::if_set && is_empty(v)) return;
            put_value(b, item_name(s.name, index).view(), v);
        }
    };
};

// A value of the body into its member: strings as they are (they were decoded into scratch),
// numbers and codes in decimal, no more digits than the member or the spec's maximum takes.
template <class M>
result assign(M& member, std::string_view value, const spec& s) noexcept {
    if constexpr (std::is_same_v<M, std::string_view>) {
        member = value;
        return {};
    } else if constexpr (std::is_same_v<M, bytes>) {
        member = bytes(value);
        return {};
    } else {
        using U = std::conditional_t<std::is_enum_v<M>, std::underlying_type<M>, std::common_type<M>>;
        using N = typename U::type;
        const std::uint64_t largest = s.max < std::numeric_limits<N>::max() ? s.max : std::numeric_limits<N>::max();
        N n = 0;
        if (result r = decimal::parse(value, n, {decimal::sign::none, true, decimal::digits(largest)}); !r) return r;
        member = static_cast<M>(n);
        return {};
    }
}

// What decoding a group has found so far.
template <class Item>
struct group_state {
    span<Item> storage;
    std::uint32_t count = 0;  // a form's count is a 32-bit number
    std::size_t count_at = 0;  // of the count's pair
    std::size_t highest = 0;   // 1 + the highest item index seen (strict mode)
    std::size_t highest_at = 0;
};

// Finds which field of an item a name is, on a default item: the field's ordinal and index.
struct item_probe {
    std::string_view name;
    std::size_t ordinal = 0;
    std::size_t found = static_cast<std::size_t>(-1);
    std::size_t index = 0;
    const char* field = nullptr;
    template <class M>
    void operator()(const M&, const spec& s) noexcept {
        static_assert(is_string_v<M>, "the fields of a group item are strings or bytes");
        if (found == static_cast<std::size_t>(-1) && match_item(name, s.name, index)) {
            found = ordinal;
            field = s.name;
        }
        ++ordinal;
    }
};

// Sets the field of ordinal `target` of an item, once.
struct item_setter {
    std::string_view value;
    std::size_t target;
    std::size_t ordinal = 0;
    bool duplicate = false;
    template <class M>
    void operator()(M& member, const spec&) noexcept {
        if (ordinal++ != target) return;
        if (member.data() != nullptr) {
            duplicate = true;
            return;
        }
        member = M(value);
    }
};

// Offers one pair of the body to each field of the walk: the one whose name it is takes it.
template <class Item>
struct form_reader {
    std::string_view name;
    std::string_view value;
    std::size_t at;  // of the pair in the body
    group_state<Item>* g;
    offer_state st;
    byte* in_scratch;  // value's bytes, which a url_encoded field decodes once more in place

    template <class M>
    void operator()(M& member, const spec& s) noexcept {
        const std::uint64_t bit = st.next_bit();
        if (st.matched) return;
        if (name != s.name && (st.m != mode::tolerant || s.alias == nullptr || name != s.alias)) return;
        st.matched = true;
        if (!st.first(bit, at, s.name)) return;
        std::string_view v = value;
        if (s.url_encoded) {
            writer w(mutable_bytes(in_scratch, value.size()));
            if (result e = percent::decode(value, w, percent::style::form); !e) {
                st.r = fail(e.ec, at, s.name);
                return;
            }
            v = std::string_view(reinterpret_cast<const char*>(in_scratch), w.size());
        }
        if (result e = assign(member, v, s); !e) st.r = fail(e.ec, at, s.name);
    }

    template <class I>
    void group(span<const I>&, const group_spec& gs) noexcept {
        static_assert(std::is_same_v<I, Item>, "decode_form's storage is of the group's item type");
        const std::uint64_t bit = st.next_bit();
        if (st.matched) return;
        if (name == gs.count_name) {
            st.matched = true;
            if (!st.first(bit, at, gs.count_name)) return;
            g->count_at = at;
            if (result e = decimal::parse(value, g->count, {decimal::sign::none, true, 10}); !e) {
                st.r = fail(e.ec, at, gs.count_name);
            }
            return;
        }
        item_probe probe{name};
        const Item blank{};
        Item::walk(probe, blank);
        if (probe.field == nullptr) return;
        st.matched = true;
        if (probe.index >= g->storage.size()) {
            st.r = fail(errc::too_many, at, gs.count_name);
            return;
        }
        item_setter set{value, probe.found};
        Item::walk(set, g->storage[probe.index]);
        if (set.duplicate) {
            if (st.m == mode::strict) st.r = fail(errc::duplicate_field, at, probe.field);
            return;
        }
        if (st.m == mode::strict && probe.index + 1 > g->highest) {  // a server reads no item past the count
            g->highest = probe.index + 1;
            g->highest_at = at;
        }
    }
};

// After the last pair: each required field present, the group complete and counted.
template <class Item>
struct form_closer {
    bytes body;
    std::uint64_t seen;
    group_state<Item>* g;
    std::size_t ordinal = 0;
    result r{};

    template <class M>
    void operator()(M&, const spec& s) noexcept {
        const bool present = (seen >> ordinal++ & 1u) != 0;
        if (r && !present && s.is_required()) r = fail(errc::missing_field, body.size(), s.name);
    }

    template <class I>
    void group(span<const I>& items, const group_spec& gs) noexcept {
        const bool present = (seen >> ordinal++ & 1u) != 0;
        if (!r) return;
        if (!present) {
            if (gs.presence == presence::required) r = fail(errc::missing_field, body.size(), gs.count_name);
            return;
        }
        if (g->count > g->storage.size()) {
            r = fail(errc::too_many, g->count_at, gs.count_name);
            return;
        }
        if (g->highest > g->count) {
            r = fail(errc::count_mismatch, g->highest_at, gs.count_name);
            return;
        }
        const auto n = static_cast<std::size_t>(g->count);
        for (std::size_t i = 0; i < n && r; ++i) {
            item_checker c{body, i};
            I::walk(c, g->storage[i]);
            r = c.r;
        }
        items = span<const I>(g->storage.data(), n);
    }

private:
    // Each field of item `index` present and valid; an error points at its pair.
    struct item_checker {
        bytes body;
        std::size_t index;
        result r{};
        template <class M>
        void operator()(const M& v, const spec& s) noexcept {
            if (!r) return;
            if (v.data() == nullptr) {
                if (s.is_required()) r = fail(errc::missing_field, body.size(), s.name);
                return;
            }
            if (result e = check(v, s); !e) {
                const auto f = form::fields(as_chars(body)).find(item_name(s.name, index).view());
                r = fail(e.ec, f ? f->offset : body.size(), s.name);
            }
        }
    };
};

}  // namespace detail

/// Validates, then writes the fields as name=value pairs in walk order (if_set ones only when
/// set; a group as its count and then each item's fields). Success: offset = bytes written;
/// a validation error as validate() gives it; buffer_too_small with the size needed.
template <class T>
result encode_form(const T& m, writer& out) noexcept {
    if (result v = fields::validate(m); !v) return v;
    form::builder b(out);
    detail::form_writer w{b};
    T::walk(w, m);
    return out.finish();
}

/// Reads a form body into `out` as a server would, then validates it. Values are decoded into
/// `scratch` (at least as large as the body); a group's items go to `storage`, and the group
/// views its first `count` entries. Errors, with the spec name of the field:
///   bad_escape at the '%' at fault (at the pair, for a url_encoded field's second decoding);
///   buffer_too_small when scratch is smaller than the body;
///   strict mode: unknown_field at the first byte of a pair no field has (no spec field to
///   name: `form::fields(body).at_offset(r.offset)` is the pair, its name as sent), duplicate_field at
///   a field's second pair, with the field's name (tolerant mode skips the first and keeps the
///   first of the second; unknown names stay reachable through form::fields(body));
///   missing_field at the body's end for an absent required field;
///   too_many at an item whose index does not fit storage, or at the count when it exceeds
///   storage; count_mismatch (strict) at the highest item past the count;
///   a value's parse or validate() error at the offset of its pair (the body's end when absent).
/// `out` is written only on success.
template <class T, class Item = detail::no_item>
result decode_form(bytes body, T& out, mutable_bytes scratch, mode m = mode::strict,
                   span<Item> storage = {}) noexcept {
    static_assert(count<T>() <= 64, "a field list of at most 64 fields");
    if (scratch.size() < body.size()) return fail(errc::buffer_too_small, body.size());
    for (Item& item : storage) item = Item{};
    T msg{};
    std::uint64_t seen = 0;
    detail::group_state<Item> g{storage};
    writer values(scratch);
    for (const form::field& f : form::fields(as_chars(body))) {
        char name_buf[48];
        writer name_out(name_buf, sizeof name_buf);
        if (result r = form::decode_name(f, name_out); !r && r.ec != errc::buffer_too_small) return r;
        const std::string_view name =
            name_out.overflowed() ? std::string_view() : std::string_view(name_buf, name_out.size());
        const std::size_t start = values.size();
        if (result r = form::decode_value(f, values); !r) return r;
        const std::string_view value(reinterpret_cast<const char*>(scratch.data()) + start, values.size() - start);
        detail::form_reader<Item> reader{name, value, f.offset, &g, {m, seen}, scratch.data() + start};
        T::walk(reader, msg);
        if (!reader.st.r) return reader.st.r;
        if (!reader.st.matched && m == mode::strict) return fail(errc::unknown_field, f.offset);
    }
    detail::form_closer<Item> closer{body, seen, &g};
    T::walk(closer, msg);
    if (!closer.r) return closer.r;
    if (result r = fields::validate(msg); !r) {
        const auto f = r.field != nullptr ? form::fields(as_chars(body)).find(r.field) : std::nullopt;
        return fail(r.ec, f ? f->offset : body.size(), r.field);
    }
    out = msg;
    return {errc{}, body.size()};
}

}  // namespace smsgw::codec::fields
