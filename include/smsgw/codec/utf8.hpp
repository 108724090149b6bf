#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "smsgw/core/endian.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

// UTF-8 (RFC 3629) validation, decoding and conversion to and from UTF-16BE, the UCS-2 of
// CMPP Msg_Fmt 8 (CMPP 2.0 table 8.8: "8：UCS2编码").
//
// Errors point at the first byte of the ill-formed sequence, so s.substr(0, r.offset) is the
// longest valid prefix. Ill-formed means anything outside Unicode 15 table 3-7: overlongs
// (C0, C1, E0 80..9F, F0 80..8F), surrogates (ED A0..BF), code points above U+10FFFF
// (F4 90.., F5..FF), lone continuation bytes and sequences cut short.
namespace smsgw::codec::utf8 {

namespace detail {

// Bytes of the sequence a lead byte starts (0: never a lead byte), and the range its second
// byte must fall in (table 3-7); the third and fourth bytes are always 80..BF.
struct lead_info {
    unsigned char length;
    unsigned char low;
    unsigned char high;
};

constexpr lead_info lead(unsigned char b) noexcept {
    if (b < 0x80) return {1, 0, 0};
    if (b < 0xC2) return {0, 0, 0};
    if (b < 0xE0) return {2, 0x80, 0xBF};
    if (b == 0xE0) return {3, 0xA0, 0xBF};
    if (b == 0xED) return {3, 0x80, 0x9F};
    if (b < 0xF0) return {3, 0x80, 0xBF};
    if (b == 0xF0) return {4, 0x90, 0xBF};
    if (b < 0xF4) return {4, 0x80, 0xBF};
    if (b == 0xF4) return {4, 0x80, 0x8F};
    return {0, 0, 0};
}

constexpr bool continuation(unsigned char b) noexcept { return (b & 0xC0) == 0x80; }

// Length of the well-formed sequence at s[pos] (pos < s.size()) with its code point, or 0.
inline std::size_t decode_one(std::string_view s, std::size_t pos, char32_t& cp) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
    const std::size_t avail = s.size() - pos;
    const lead_info l = lead(p[0]);
    if (l.length == 1) {
        cp = p[0];
        return 1;
    }
    if (l.length == 0 || avail < l.length || p[1] < l.low || p[1] > l.high) return 0;
    if (l.length == 2) {
        cp = (char32_t{p[0] & 0x1Fu} << 6) | (p[1] & 0x3Fu);
        return 2;
    }
    if (!continuation(p[2])) return 0;
    if (l.length == 3) {
        cp = (char32_t{p[0] & 0x0Fu} << 12) | (char32_t{p[1] & 0x3Fu} << 6) | (p[2] & 0x3Fu);
        return 3;
    }
    if (!continuation(p[3])) return 0;
    cp = (char32_t{p[0] & 0x07u} << 18) | (char32_t{p[1] & 0x3Fu} << 12) | (char32_t{p[2] & 0x3Fu} << 6) |
         (p[3] & 0x3Fu);
    return 4;
}

// Bytes of UTF-8 that the scalar value cp takes.
constexpr std::size_t encoded_length(char32_t cp) noexcept { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }

// Writes the n = encoded_length(cp) bytes of the scalar value cp at p (bytes or chars).
template <class Byte>
constexpr void encode(char32_t cp, std::size_t n, Byte* p) noexcept {
    if (n == 1) {
        p[0] = static_cast<Byte>(cp);
    } else if (n == 2) {
        p[0] = static_cast<Byte>(0xC0 | (cp >> 6));
        p[1] = static_cast<Byte>(0x80 | (cp & 0x3F));
    } else if (n == 3) {
        p[0] = static_cast<Byte>(0xE0 | (cp >> 12));
        p[1] = static_cast<Byte>(0x80 | ((cp >> 6) & 0x3F));
        p[2] = static_cast<Byte>(0x80 | (cp & 0x3F));
    } else {
        p[0] = static_cast<Byte>(0xF0 | (cp >> 18));
        p[1] = static_cast<Byte>(0x80 | ((cp >> 12) & 0x3F));
        p[2] = static_cast<Byte>(0x80 | ((cp >> 6) & 0x3F));
        p[3] = static_cast<Byte>(0x80 | (cp & 0x3F));
    }
}

// Index of the first byte at or after pos that is not ASCII, or s.size().
inline std::size_t skip_ascii(std::string_view s, std::size_t pos) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    while (pos + 8 <= n) {
        std::uint64_t word;
        std::memcpy(&word, p + pos, 8);
        if ((word & 0x8080808080808080u) != 0) break;
        pos += 8;
    }
    while (pos < n && p[pos] < 0x80) ++pos;
    return pos;
}

}  // namespace detail

/// Decodes the code point at s[pos] into cp and advances pos past it. On error pos stays put and
/// the result is invalid_utf8 at pos (truncated when pos is already at the end). On success
/// result.offset is the new pos.
inline result next(std::string_view s, std::size_t& pos, char32_t& cp) noexcept {
    if (pos >= s.size()) return fail(errc::truncated, pos);
    const std::size_t n = detail::decode_one(s, pos, cp);
    if (n == 0) return fail(errc::invalid_utf8, pos);
    pos += n;
    return {errc{}, pos};
}

/// Checks that s is well-formed UTF-8; on success offset is s.size().
inline result validate(std::string_view s) noexcept {
    std::size_t pos = 0;
    char32_t cp;
    while ((pos = detail::skip_ascii(s, pos)) < s.size()) {
        const std::size_t n = detail::decode_one(s, pos, cp);
        if (n == 0) return fail(errc::invalid_utf8, pos);
        pos += n;
    }
    return {errc{}, s.size()};
}

/// Counts the characters (code points) of s, as Mitake counts a subject's length. On error
/// `chars` holds the characters before the ill-formed sequence.
inline result count(std::string_view s, std::size_t& chars) noexcept {
    chars = 0;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    std::size_t pos = 0;
    char32_t cp;
    while (pos < s.size()) {
        if (p[pos] < 0x80) {
            const std::size_t ascii_end = detail::skip_ascii(s, pos);  // eight bytes at a time
            chars += ascii_end - pos - 1;
            pos = ascii_end;
        } else {
            const std::size_t n = detail::decode_one(s, pos, cp);
            if (n == 0) return fail(errc::invalid_utf8, pos);
            pos += n;
        }
        ++chars;
    }
    return {errc{}, s.size()};
}

/// The longest prefix of s of at most max_bytes bytes that does not cut a character: a split
/// point for a byte budget (SMS segments, fixed-width fields). Only the cut is examined; s
/// is assumed well-formed.
constexpr std::size_t fit(std::string_view s, std::size_t max_bytes) noexcept {
    if (max_bytes >= s.size()) return s.size();
    std::size_t n = max_bytes;
    // At most three continuation bytes precede the byte at a boundary.
    for (int back = 0; back < 3 && n > 0 && detail::continuation(static_cast<unsigned char>(s[n])); ++back) --n;
    return n;
}

/// Writes cp as UTF-8. A value that is not a Unicode scalar value (a surrogate, or above
/// U+10FFFF) is written as U+FFFD REPLACEMENT CHARACTER; next() never yields one.
inline void put(char32_t cp, writer& out) noexcept {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
    if (cp < 0x80) {
        out.put(static_cast<byte>(cp));
    } else {
        const std::size_t n = detail::encoded_length(cp);
        if (byte* p = out.claim(n)) detail::encode(cp, n, p);
    }
}

/// Bytes of UTF-16BE that to_utf16be() writes for well-formed s: 2 per character below
/// U+10000, 4 (a surrogate pair) above.
inline std::size_t utf16_size(std::string_view s) noexcept {
    std::size_t n = 0;
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (!detail::continuation(b)) n += b >= 0xF0 ? 4 : 2;
    }
    return n;
}

/// UTF-8 to UTF-16BE (CMPP Msg_Fmt 8): characters above U+FFFF become surrogate pairs, which
/// a strict UCS-2 peer cannot show. Result as writer::finish(), or invalid_utf8 at the offset
/// in utf8 (nothing is written from the ill-formed sequence on).
inline result to_utf16be(std::string_view utf8, writer& out) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
    std::size_t pos = 0;
    char32_t cp;
    while (pos < utf8.size()) {
        if (p[pos] < 0x80) {
            out.put_be16(p[pos]);
            ++pos;
            continue;
        }
        const std::size_t n = detail::decode_one(utf8, pos, cp);
        if (n == 0) return fail(errc::invalid_utf8, pos);
        pos += n;
        if (cp < 0x10000) {
            out.put_be16(static_cast<std::uint16_t>(cp));
        } else {
            cp -= 0x10000;
            out.put_be16(static_cast<std::uint16_t>(0xD800 + (cp >> 10)));
            out.put_be16(static_cast<std::uint16_t>(0xDC00 + (cp & 0x3FF)));
        }
    }
    return out.finish();
}

/// UTF-16BE (or UCS-2) to UTF-8. Errors carry the offset in `in`: invalid_utf16 for a lone or
/// reversed surrogate, truncated for an odd final byte.
inline result from_utf16be(bytes in, writer& out) noexcept {
    const byte* p = in.data();
    const std::size_t n = in.size();
    std::size_t pos = 0;
    while (pos + 2 <= n) {
        const std::uint16_t u = load_be16(p + pos);
        if (u < 0x80) {
            out.put(static_cast<byte>(u));
            pos += 2;
            continue;
        }
        if (u < 0xD800 || u > 0xDFFF) {
            put(u, out);
            pos += 2;
            continue;
        }
        // A high surrogate must be followed by a low one (RFC 2781 §2.2).
        if (u >= 0xDC00) return fail(errc::invalid_utf16, pos);
        if (pos + 3 == n) return fail(errc::truncated, pos + 2);
        if (pos + 4 > n) return fail(errc::invalid_utf16, pos);
        const std::uint16_t low = load_be16(p + pos + 2);
        if (low < 0xDC00 || low > 0xDFFF) return fail(errc::invalid_utf16, pos);
        put(0x10000 + ((char32_t{u} - 0xD800) << 10) + (char32_t{low} - 0xDC00), out);
        pos += 4;
    }
    if (pos != n) return fail(errc::truncated, pos);
    return out.finish();
}

}  // namespace smsgw::codec::utf8
