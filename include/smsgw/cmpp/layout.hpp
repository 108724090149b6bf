#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "smsgw/cmpp/header.hpp"
#include "smsgw/cmpp/id_list.hpp"
#include "smsgw/core/endian.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/fixed_field.hpp"
#include "smsgw/core/inline.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

/// @file
/// How every CMPP PDU is encoded and decoded. Each PDU struct lists its body once, in wire order,
/// in a static `walk(visitor, msg)`; the encoder, the decoder and anyone printing a PDU (the
/// inspector) are visitors of that walk, so the three cannot disagree about a layout.
///
/// A visitor has these members, each given the field's spec name and its snake_case key:
///   number(value, width, name, limit) big-endian unsigned integer of 1, 2, 4 or 8 bytes
///                                     (Last_route_Id: a signed 4-byte Integer); `limit` is what
///                                     the spec allows (a largest value, or a list of codes),
///                                     checked by strict decoding
///   text(value, width, name, pad)     fixed-width Octet String, padded as table 8.1 says
///   octets(array, name)               fixed-width binary (the authenticators)
///   ids(list, width, count_name, name, min, max)   a count byte (DestUsr_tl) and that many ids
///   content(value, max, length_name, name)         Msg_Length and Msg_Content
///   absent(value, name)               a field the chosen version does not have: encoding refuses
///                                     a value there rather than drop it, decoding empties it
///   may_end(ended, name)              the PDU may end here, in an older layout (a CMPP 1.2
///                                     ACTIVE_TEST_RESP, G27): tolerant decoding sets `ended` when
///                                     it does, and the walk then takes the next fields as absent
///
/// Speed comes from the compiler seeing through this: every walk takes its version as a type
/// (`version_constant<V>`, which walk() passes from `ver`), so each width and limit that depends
/// on the version is a constant by the language, and the visitor members, small, are inlined
/// into encode() and decode(), where each field costs a load or a store or two. Encoding
/// measures, then writes and checks in one pass; decoding checks the fixed-width fields' room
/// once. Only on an error does a slower pass, kept out of line (SMSGW_NOINLINE), find which
/// field and where. The walks are SMSGW_ALWAYS_INLINE: clang 14 leaves them out of line
/// otherwise (callgrind, -O3, instructions per 2.0 SUBMIT of 140 bytes, 2026-12-03: decode 325
/// instead of 264, encode 452 instead of 347); g++ 12 needs none of these hints (211 and 328
/// either way), and the visitor members' former ones changed neither compiler's counts.
namespace smsgw::cmpp {

/// Strict decoding rejects what the spec forbids (each with its offset and field); tolerant
/// decoding accepts it, keeping every byte so that re-encoding gives the same PDU.
/// Tolerant: ranges unchecked, DestUsr_tl up to 255, bytes after the body kept in `trailing`.
using validation = smsgw::mode;

/// How decode() reads a PDU.
struct decode_options {
    version ver = version::v20;              ///< the connection's version: the layout to read
    validation checks = validation::strict;  ///< strict or tolerant
};

/// A field's two names, as the walks give them to a visitor.
struct field_name {
    const char* spec;  ///< as in the spec tables: "Fee_UserType"
    const char* key;   ///< snake_case, as in the structs and the inspector: "fee_user_type"
};

/// A number field's limit when the spec gives none.
inline constexpr std::uint64_t any_value = ~std::uint64_t{0};

/// The values strict decoding accepts in a number field: every value up to `max` or, where a
/// spec table lists scattered codes, only those. A plain number converts to the first kind;
/// codes(0, 1, 2, 3, 9) builds the second.
struct limit {
    std::uint64_t max = any_value;  ///< the largest value allowed
    std::uint64_t listed = 0;  ///< bit n set: code n is listed (all below 64); none: the whole range

    /// Every value up to `largest`.
    constexpr limit(std::uint64_t largest = any_value) noexcept : max(largest) {}
    /// Whether strict decoding accepts `x`.
    constexpr bool allows(std::uint64_t x) const noexcept { return x <= max && (listed == 0 || (listed >> x & 1) != 0); }
};

/// The limit of a field whose spec table lists these codes only (each below 64).
template <class... C>
constexpr limit codes(C... c) noexcept {
    limit l(0);
    ((l.listed |= std::uint64_t{1} << c, l.max = static_cast<std::uint64_t>(c) > l.max ? static_cast<std::uint64_t>(c) : l.max), ...);
    return l;
}

/// Msg_Length limit of table 8.6: below 160 bytes for ASCII (Msg_Fmt 0), at most 140 otherwise.
constexpr std::size_t msg_length_limit(std::uint8_t msg_fmt) noexcept { return msg_fmt == 0 ? 159 : 140; }

namespace detail {

template <class T, class = void>
struct is_pdu : std::false_type {};
template <class T>
struct is_pdu<T, std::void_t<decltype(T::command)>> : std::is_same<std::remove_cv_t<decltype(T::command)>, command_id> {};

template <class T, class = void>
struct single_version : std::false_type {};
template <class T>
struct single_version<T, std::void_t<decltype(T::only_in)>> : std::true_type {};

template <class T>
constexpr bool defined_in(version v) noexcept {
    if constexpr (single_version<T>::value) {
        return v == T::only_in;
    } else {
        // Both answers are constants: decode() then tests none (is_known() looks in a table).
        constexpr bool in20 = is_known(T::command, version::v20);
        constexpr bool in30 = is_known(T::command, version::v30);
        return v == version::v20 ? in20 : in30;
    }
}

/// trim_fixed(raw, pad::nul_right), a word at a time: the same view (bytes after an embedded NUL
/// kept), but the fields a PDU is full of cost a load or three each, not a loop over bytes. Words
/// are read from the end; the last one overlaps bytes already known to be zeros, which changes
/// nothing to its count of zero bytes.
inline std::string_view trim_nul(std::string_view raw) noexcept {
    const char* p = raw.data();
    std::size_t n = raw.size();
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    // In a little-endian word the last bytes are the most significant: its leading zero bits
    // divided by 8 are the zero bytes at its end.
    if (n >= 8) {
        std::uint64_t word;
        while (n > 8) {
            std::memcpy(&word, p + n - 8, 8);
            if (word != 0) return {p, n - static_cast<std::size_t>(__builtin_clzll(word) >> 3)};
            n -= 8;
        }
        std::memcpy(&word, p, 8);
        return {p, word == 0 ? 0 : 8 - static_cast<std::size_t>(__builtin_clzll(word) >> 3)};
    }
    if (n >= 4) {
        std::uint32_t word;
        std::memcpy(&word, p + n - 4, 4);
        if (word != 0) return {p, n - static_cast<std::size_t>(__builtin_clz(word) >> 3)};
        std::memcpy(&word, p, 4);
        return {p, word == 0 ? 0 : 4 - static_cast<std::size_t>(__builtin_clz(word) >> 3)};
    }
#endif
    while (n != 0 && p[n - 1] == '\0') --n;
    return {p, n};
}

/// Reads a body into a PDU struct. The precise decoder (Fast false) checks every field against
/// the end of the PDU and records the first error with its offset and field. The fast one is
/// for a body the caller has found to hold at least every fixed-width field (`slack` is what it
/// has beyond them, for the ids and contents): only those variable parts are bounds-checked, and
/// an error of any kind only clears ok(), for the precise decoder to say what and where.
template <bool Fast>
class body_decoder {
public:
    constexpr body_decoder(const byte* base, std::size_t pos, std::size_t end, bool strict, std::size_t slack = 0) noexcept
        : base_(base), p_(base + pos), end_(base + end), slack_(slack), strict_(strict) {}

    constexpr bool ok() const noexcept { return err_.ok(); }
    constexpr result error() const noexcept { return err_; }
    constexpr std::size_t pos() const noexcept { return static_cast<std::size_t>(p_ - base_); }

    template <class I>
    void number(I& value, std::size_t width, field_name f, limit allowed = {}) noexcept {
        if (!room(width, f)) return;
        std::uint64_t x = 0;
        switch (width) {
        case 1: x = p_[0]; break;
        case 2: x = load_be16(p_); break;
        case 4: x = load_be32(p_); break;
        default: x = load_be64(p_); break;
        }
        if (strict_ && !allowed.allows(x)) return fail(errc::out_of_range, pos(), f);
        value = static_cast<I>(x);
        p_ += width;
    }

    void text(std::string_view& value, std::size_t width, field_name f, pad p = pad::nul_right) noexcept {
        if (!room(width, f)) return;
        value = p == pad::nul_right ? trim_nul(chars(p_, width)) : trim_fixed(chars(p_, width), p);
        p_ += width;
    }

    template <std::size_t N>
    void octets(std::array<byte, N>& value, field_name f) noexcept {
        if (!room(N, f)) return;
        std::memcpy(value.data(), p_, N);
        p_ += N;
    }

    void ids(id_list& list, std::size_t width, field_name count, field_name, std::size_t min, std::size_t max) noexcept {
        if (!room(1, count)) return;
        const std::size_t n = *p_;
        if (strict_ && n < min) return fail(errc::out_of_range, pos(), count);
        if (strict_ && n > max) return fail(errc::too_many, pos(), count);
        if (!variable_room(n * width, (left() - 1) / width < n)) return fail(errc::count_mismatch, pos(), count);
        list = id_list::on_wire(reinterpret_cast<const char*>(p_ + 1), n, width);
        p_ += 1 + n * width;
    }

    void content(bytes& value, std::size_t max, field_name length, field_name) noexcept {
        if (!room(1, length)) return;
        const std::size_t n = *p_;
        if (strict_ && n > max) return fail(errc::out_of_range, pos(), length);
        if (!variable_room(n, left() - 1 < n)) return fail(errc::invalid_length, pos(), length);
        value = bytes(p_ + 1, n);
        p_ += 1 + n;
    }

    /// A field of the other version: left empty, as a fresh struct has it.
    template <class F>
    void absent(F& value, field_name) noexcept {
        value = F{};
    }

    /// Strict decoding wants the whole layout; tolerant takes the end of the PDU here for the
    /// older one.
    void may_end(bool& ended, field_name) noexcept { ended = !strict_ && p_ == end_; }

private:
    std::size_t left() const noexcept { return static_cast<std::size_t>(end_ - p_); }
    /// Whether the PDU (as long as Total_Length says) holds this fixed-width field.
    bool room(std::size_t n, field_name f) noexcept {
        if constexpr (Fast) {
            return true;
        } else {
            if (left() >= n) return true;
            fail(errc::truncated, static_cast<std::size_t>(end_ - base_), f);
            return false;
        }
    }
    /// Whether n bytes of ids or content after their count byte are there: the precise decoder
    /// knows it from `short_of_end`, the fast one takes them from its slack.
    bool variable_room(std::size_t n, bool short_of_end) noexcept {
        if constexpr (Fast) {
            if (n > slack_) return false;
            slack_ -= n;
            return true;
        } else {
            return !short_of_end;
        }
    }
    /// Records the first error and leaves no room for the fields after it. (The fast decoder's
    /// fields after it stay within the fixed-width part it was promised, all the same.)
    void fail(errc e, std::size_t at, field_name f) noexcept {
        if (err_.ok()) err_ = result{e, at, f.spec};
        end_ = p_;
    }
    static std::string_view chars(const byte* at, std::size_t n) noexcept {
        return {reinterpret_cast<const char*>(at), n};
    }

    const byte* base_;
    const byte* p_;
    const byte* end_;
    std::size_t slack_;
    bool strict_;
    result err_{};
};

/// A number too large for its field's width (the sizer's and the writer's check).
template <class I>
constexpr bool too_wide(const I& value, std::size_t width) noexcept {
    if constexpr (std::is_unsigned_v<I>) {
        return width < sizeof(I) && static_cast<std::uint64_t>(value) >> (8 * width) != 0;
    } else {
        return false;
    }
}

/// Adds up the size of a PDU's body. With Check, it also checks that every value fits its
/// field and records the first that does not, with its offset in the output; without, it
/// only measures (the encoder's fast path, where body_writer checks as it writes).
template <bool Check>
class body_sizer {
public:
    constexpr explicit body_sizer(std::size_t pos) noexcept : pos_(pos) {}

    constexpr bool ok() const noexcept { return err_.ok(); }
    constexpr result error() const noexcept { return err_; }
    constexpr std::size_t pos() const noexcept { return pos_; }

    template <class I>
    constexpr void number(const I& value, std::size_t width, field_name f, limit = {}) noexcept {
        if (Check && too_wide(value, width)) fail(errc::out_of_range, f);
        pos_ += width;
    }
    constexpr void text(const std::string_view& value, std::size_t width, field_name f, pad = pad::nul_right) noexcept {
        if (Check && value.size() > width) fail(errc::field_too_long, f);
        pos_ += width;
    }
    template <std::size_t N>
    constexpr void octets(const std::array<byte, N>&, field_name) noexcept {
        pos_ += N;
    }
    constexpr void ids(const id_list& list, std::size_t width, field_name count, field_name f, std::size_t,
                                           std::size_t) noexcept {
        if constexpr (Check) {
            if (list.size() > 0xFF) fail(errc::too_many, count);
            pos_ += 1;
            for (std::string_view id : list) {
                if (id.size() > width) fail(errc::field_too_long, f);
                pos_ += width;
            }
        } else {
            pos_ += 1 + list.size() * width;
        }
    }
    constexpr void content(const bytes& value, std::size_t, field_name, field_name f) noexcept {
        pos_ += 1;
        if (Check && value.size() > 0xFF) fail(errc::field_too_long, f);
        pos_ += value.size();
    }
    template <class F>
    constexpr void absent(const F& value, field_name f) noexcept {
        if (Check && !(value == F{})) fail(errc::unknown_field, f);
    }
    constexpr void may_end(const bool&, field_name) noexcept {}

private:
    constexpr void fail(errc e, field_name f) noexcept {
        if (err_.ok()) err_ = result{e, pos_, f.spec};
    }

    std::size_t pos_;
    result err_{};
};

/// Writes a body into room measured by body_sizer, checking as it goes what body_sizer<true>
/// checks: a value that does not fit is not written and clears ok(); body_sizer<true> then
/// tells which field it was.
class body_writer {
public:
    explicit body_writer(byte* p) noexcept : p_(p) {}

    constexpr bool ok() const noexcept { return ok_; }

    template <class I>
    void number(const I& value, std::size_t width, field_name, limit = {}) noexcept {
        if (too_wide(value, width)) ok_ = false;
        const auto x = static_cast<std::uint64_t>(static_cast<std::make_unsigned_t<I>>(value));
        switch (width) {
        case 1: *p_ = static_cast<byte>(x); break;
        case 2: store_be16(p_, static_cast<std::uint16_t>(x)); break;
        case 4: store_be32(p_, static_cast<std::uint32_t>(x)); break;
        default: store_be64(p_, x); break;
        }
        p_ += width;
    }
    /// The padding over the whole width first (a constant size: a few stores, no call), then the
    /// value over it, where its padding leaves it room.
    void text(const std::string_view& value, std::size_t width, field_name, pad p = pad::nul_right) noexcept {
        std::memset(p_, p == pad::zero_left ? '0' : 0, width);
        if (value.size() <= width) {
            copy_short(p_ + (p == pad::zero_left ? width - value.size() : 0), value.data(), value.size());
        } else {
            ok_ = false;
        }
        p_ += width;
    }
    template <std::size_t N>
    void octets(const std::array<byte, N>& value, field_name) noexcept {
        std::memcpy(p_, value.data(), N);
        p_ += N;
    }
    void ids(const id_list& list, std::size_t width, field_name, field_name f, std::size_t, std::size_t) noexcept {
        if (list.size() > 0xFF) ok_ = false;
        *p_++ = static_cast<byte>(list.size());
        for (std::string_view id : list) text(id, width, f);
    }
    void content(const bytes& value, std::size_t, field_name, field_name) noexcept {
        if (value.size() > 0xFF) ok_ = false;
        *p_++ = static_cast<byte>(value.size());
        put(value);
    }
    template <class F>
    void absent(const F& value, field_name) noexcept {
        if (!(value == F{})) ok_ = false;
    }
    constexpr void may_end(const bool&, field_name) noexcept {}

    void put(bytes s) noexcept {
        if (!s.empty()) std::memcpy(p_, s.data(), s.size());
        p_ += s.size();
    }

private:
    /// memcpy of a fixed field's value (at most 32 bytes but for a caller's own larger widths)
    /// without a library call: two copies, overlapping, of the largest power of two not above n.
    static void copy_short(byte* to, const char* from, std::size_t n) noexcept {
        if (n >= 8) {
            if (n <= 16) {
                std::memcpy(to, from, 8);
                std::memcpy(to + n - 8, from + n - 8, 8);
            } else if (n <= 32) {
                std::memcpy(to, from, 16);
                std::memcpy(to + n - 16, from + n - 16, 16);
            } else {
                std::memcpy(to, from, n);
            }
        } else if (n >= 4) {
            std::memcpy(to, from, 4);
            std::memcpy(to + n - 4, from + n - 4, 4);
        } else if (n >= 2) {
            std::memcpy(to, from, 2);
            std::memcpy(to + n - 2, from + n - 2, 2);
        } else if (n == 1) {
            *to = static_cast<byte>(*from);
        }
    }

    byte* p_;
    bool ok_ = true;
};

template <class T>
using ver_member = decltype(T::ver);
template <class T>
using sequence_id_member = decltype(T::sequence_id);
template <class T>
using trailing_member = decltype(T::trailing);
template <class T>
using walk_member = decltype(T::walk(std::declval<body_sizer<false>&>(), std::declval<const T&>(),
                                     version_constant<version::v20>{}));

/// The type M<T> names, void when T lacks it.
template <class T, template <class> class M, class = void>
struct member_type {
    using type = struct missing;
};
template <class T, template <class> class M>
struct member_type<T, M, std::void_t<M<T>>> {
    using type = M<T>;
};
template <class T, template <class> class M, class Want>
inline constexpr bool has_member = std::is_same_v<typename member_type<T, M>::type, Want>;

/// Whether T's walk takes any_version: a layout the same in both versions.
template <class T, class = void>
struct same_in_both : std::false_type {};
template <class T>
struct same_in_both<T, std::void_t<decltype(T::walk(std::declval<body_sizer<false>&>(), std::declval<const T&>(), any_version{}))>>
    : std::true_type {};

/// What encode(), decode() and the `pdu` variant need of a PDU struct, each said in one line.
template <class T>
constexpr bool check_pdu() noexcept {
    static_assert(has_member<T, ver_member, version>, "a CMPP PDU struct has `version ver`, its codec version");
    static_assert(has_member<T, sequence_id_member, std::uint32_t>, "a CMPP PDU struct has `std::uint32_t sequence_id`");
    static_assert(has_member<T, trailing_member, bytes>,
                  "a CMPP PDU struct has `bytes trailing`, what tolerant decoding keeps after the body");
    static_assert(has_member<T, walk_member, void>,
                  "a CMPP PDU struct has `template <class V, class Self, version Ver> static constexpr void "
                  "walk(V&, Self&, version_constant<Ver>)` listing its body");
    return true;
}

/// The body of a T of version V with no ids and an empty content: its fixed-width fields and
/// its count bytes, the least any such PDU holds.
template <class T, version V>
constexpr std::size_t fixed_body_size() noexcept {
    T m{};
    body_sizer<false> s(0);
    T::walk(s, m, version_constant<V>{});
    return s.pos();
}
template <class T, version V>
inline constexpr std::size_t fixed_body = fixed_body_size<T, V>();

/// Prepares `out` for decoding `in` as version v: every field the walk does not set. (The walk
/// sets all the others, the other version's included, so `out` needs no clearing first.)
template <class T>
void start_decoding(T& out, bytes in, version v) noexcept {
    out.ver = v;
    out.sequence_id = load_be32(in.data() + 8);
    out.trailing = {};
}

}  // namespace detail

/// Runs m's walk with visitor `v`, its version (m.ver, or the one version a PDU of one version
/// has) given as a type, so that every width and limit that depends on it is a constant; a
/// walk that takes any_version, once.
template <class V, class Self>
SMSGW_ALWAYS_INLINE constexpr void walk(V& v, Self& m) {
    using T = std::remove_const_t<Self>;
    if constexpr (detail::single_version<T>::value) {
        T::walk(v, m, version_constant<T::only_in>{});
    } else if constexpr (detail::same_in_both<T>::value) {
        T::walk(v, m, any_version{});
    } else if (m.ver == version::v20) {
        T::walk(v, m, version_constant<version::v20>{});
    } else {
        T::walk(v, m, version_constant<version::v30>{});
    }
}

namespace detail {

// The slow paths of decode() and encode(), out of line so that the fast ones stay small (and
// decode() calls its own last, keeping nothing across the call). decode()'s: `end` is where
// its fast pass found the body to end, or 0 when that pass could not read it (too short for
// the fixed fields, or something wrong), which the decoder that checks every field against the
// end of the PDU then says (the fields after an error left as a fresh struct has them); then
// the bytes after the body, an error in strict mode, `trailing` in tolerant mode. encode()'s
// names the field that does not fit, with its offset in the output.
template <class T>
SMSGW_NOINLINE result finish_decoding(bytes in, T& out, version v, std::size_t total, bool strict, std::size_t end) noexcept {
    if (end == 0) {
        out = T{};
        start_decoding(out, in, v);
        body_decoder<false> d(in.data(), header_size, total, strict);
        walk(d, out);
        if (!d.ok()) return d.error();
        end = d.pos();
    }
    if (end != total) {
        if (strict) return fail(errc::trailing_bytes, end, "Total_Length");
        out.trailing = in.subspan(end, total - end);
    }
    return {errc{}, total};
}
template <class T>
SMSGW_NOINLINE result check_fields(const T& msg, std::size_t body_start) noexcept {
    body_sizer<true> check(body_start);
    walk(check, msg);
    return check.error();
}

}  // namespace detail

/// A PDU that is only a header: CMPP_TERMINATE, CMPP_TERMINATE_RESP, CMPP_ACTIVE_TEST.
template <command_id Id>
struct header_only {
    static constexpr command_id command = Id;  ///< its Command_Id

    version ver = version::v20;     ///< the codec version (both have the same, empty, body)
    std::uint32_t sequence_id = 0;  ///< the header's Sequence_Id
    bytes trailing;  ///< tolerant decoding: bytes after the (empty) body

    /// No fields.
    template <class V, class Self>
    static constexpr void walk(V&, Self&, any_version) {}
};

/// Any PDU struct of this module: `decode(in, pdu, version::v30)` or with options,
/// `decode(in, pdu, {version::v30, validation::tolerant})`. `in` starts with the header and
/// holds at least Total_Length bytes (more is fine: the next PDU); on success result.offset is
/// Total_Length. Errors: truncated (the input, or the PDU as long as Total_Length says, ends
/// inside a field), bad_total_length (below 12), wrong_type (the Command_Id of another PDU, or
/// one the version lacks), then each field's own: out_of_range, too_many, count_mismatch,
/// invalid_length, trailing_bytes (strict: Total_Length longer than the body).
template <class T, std::enable_if_t<detail::is_pdu<T>::value, int> = 0>
result decode(bytes in, T& out, const decode_options& opt) noexcept {
    static_assert(detail::check_pdu<T>());
    if (in.size() < header_size) return fail(errc::truncated, in.size(), "Total_Length");
    const std::uint32_t total = load_be32(in.data());
    if (total < header_size) return fail(errc::bad_total_length, 0, "Total_Length");
    if (total > in.size()) return fail(errc::truncated, in.size(), "Total_Length");
    if (load_be32(in.data() + 4) != static_cast<std::uint32_t>(T::command) || !detail::defined_in<T>(opt.ver)) {
        return fail(errc::wrong_type, 4, "Command_Id");
    }
    const bool strict = opt.checks == validation::strict;
    const std::size_t fixed = opt.ver == version::v20 ? detail::fixed_body<T, version::v20> : detail::fixed_body<T, version::v30>;
    std::size_t end = 0;
    if (total - header_size >= fixed) {
        detail::start_decoding(out, in, opt.ver);
        detail::body_decoder<true> d(in.data(), header_size, total, strict, total - header_size - fixed);
        walk(d, out);
        if (d.ok()) {
            if (d.pos() == total) return {errc{}, total};
            end = d.pos();
        }
    }
    return detail::finish_decoding(in, out, opt.ver, total, strict, end);
}

/// decode() with strict validation in version `v`.
template <class T, std::enable_if_t<detail::is_pdu<T>::value, int> = 0>
result decode(bytes in, T& out, version v) noexcept {
    return decode(in, out, decode_options{v, validation::strict});
}

/// Writes the whole PDU, header included, Total_Length counted from what is written (never
/// taken from the caller). Refuses, naming the field, a value too long for its field
/// (field_too_long), a number too large for its width (out_of_range), more than 255 ids
/// (too_many) and a value in a field the version does not have (unknown_field). Spec ranges
/// are the decoder's business: what tolerant decoding accepts, encoding reproduces. On error
/// nothing is claimed from `out` (its buffer past out.size() may have been written to).
template <class T, std::enable_if_t<detail::is_pdu<T>::value, int> = 0>
result encode(const T& msg, writer& out) noexcept {
    static_assert(detail::check_pdu<T>());
    const std::size_t start = out.size();
    detail::body_sizer<false> sizer(start + header_size);
    walk(sizer, msg);
    const std::size_t total = sizer.pos() - start + msg.trailing.size();
    if (out.buffer() != nullptr && start <= out.capacity() && total <= out.capacity() - start) {
        // One pass writes and checks; only what passes is claimed from `out`.
        byte* p = out.buffer() + start;
        detail::body_writer w(p + header_size);
        walk(w, msg);
        if (w.ok()) {
            w.put(msg.trailing);
            store_be32(p, static_cast<std::uint32_t>(total));
            store_be32(p + 4, static_cast<std::uint32_t>(T::command));
            store_be32(p + 8, msg.sequence_id);
            out.claim(total);
            return out.finish();
        }
    }
    // No room, or a value that does not fit: say which (that comes before buffer_too_small).
    if (const result r = detail::check_fields(msg, start + header_size); !r) return r;
    out.claim(total);
    return out.finish();
}

}  // namespace smsgw::cmpp
