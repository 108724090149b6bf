#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/core/endian.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

/// Base64 (RFC 4648 §4) and base64url (RFC 4648 §5), with the RFC 2045 §6.8 line layout of MIME
/// bodies on encode and a MIME decoding mode that skips line breaks and whitespace.
namespace smsgw::codec::base64 {

/// Which alphabet: RFC 4648 table 1 or table 2.
enum class alphabet : unsigned char {
    standard,  ///< RFC 4648 table 1: A-Z a-z 0-9 + /
    url,       ///< RFC 4648 table 2: A-Z a-z 0-9 - _ (URLs, file names)
};

/// How encode() writes.
struct encode_options {
    /// The alphabet of RFC 4648 table 1 or 2.
    alphabet abc = alphabet::standard;
    bool pad = true;               ///< '=' up to a multiple of 4 characters (RFC 4648 §3.2)
    std::size_t line_length = 0;   ///< 0: one line; 76: RFC 2045 §6.8 lines, CRLF between them (none after the last)
};

/// How strictly decode() reads.
enum class mode : unsigned char {
    strict,  ///< alphabet and padding enforced: standard needs '=' padding, url takes it or not; the
             ///< unused bits of the last character must be zero (RFC 4648 §3.5, canonical encoding)
    mime,    ///< CR, LF, SP, HT, VT, FF skipped anywhere, lines of any length, padding optional,
             ///< non-zero unused bits accepted; any other byte outside the alphabet is still an error
    forgiving,  ///< mime, and what damaged bodies need (MIME readers' habit): any other byte outside
                ///< the alphabet is skipped, '=' padding ends the quantum in hand wherever it stands
                ///< and decoding goes on after it, a lone last character is dropped. Only
                ///< buffer_too_small is an error; decode_options::repaired says what was passed over
};

/// Where forgiving decoding departed from mime mode: offsets in the input, or repairs::none.
struct repairs {
    /// No such departure.
    static constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t bad_character = none;  ///< the first byte skipped that is neither alphabet nor whitespace
    std::size_t inner_padding = none;  ///< the first '=' with more data after its run of padding
    std::size_t truncated = none;      ///< in.size(), when a lone character after the last quad was dropped
};

/// How decode() reads.
struct decode_options {
    /// The alphabet of RFC 4648 table 1 or 2.
    alphabet abc = alphabet::standard;
    /// Strict, or forgiving as the repairs say.
    mode m = mode::strict;
    repairs* repaired = nullptr;  ///< forgiving mode: filled in when given
};

/// Exact size of encode()'s output.
constexpr std::size_t encoded_size(std::size_t n, const encode_options& o = {}) noexcept {
    std::size_t chars = n / 3 * 4;
    if (n % 3 != 0) chars += o.pad ? 4 : n % 3 + 1;
    if (o.line_length != 0 && chars != 0) chars += 2 * ((chars - 1) / o.line_length);
    return chars;
}

/// Largest output decode() can produce from n input characters (exact for unbroken strict input
/// without padding; padding and skipped whitespace only make the output smaller).
constexpr std::size_t decoded_size_max(std::size_t n) noexcept { return n / 4 * 3 + n % 4 * 3 / 4; }

namespace detail {

inline constexpr char standard_chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
inline constexpr char url_chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr std::uint32_t bad_quad = 0x01000000;  // set in every table entry of a byte outside the alphabet
constexpr unsigned char no_value = 0xFF;

// Four tables, one per position in a quad, each giving that character's contribution to the three
// output bytes already in place (byte 0 in bits 0-7, byte 1 in 8-15, byte 2 in 16-23): a quad
// decodes with four loads and three ORs, and one test of bit 24 catches any bad character.
struct decode_table {
    std::uint32_t quad[4][256];
    unsigned char value[256];  // the 6-bit value, or no_value
};

constexpr decode_table make_decode_table(const char* chars) noexcept {
    decode_table t{};
    for (int c = 0; c < 256; ++c) {
        t.value[c] = no_value;
        for (auto& q : t.quad) q[c] = bad_quad;
    }
    for (std::uint32_t v = 0; v < 64; ++v) {
        const auto c = static_cast<unsigned char>(chars[v]);
        t.value[c] = static_cast<unsigned char>(v);
        t.quad[0][c] = v << 2;
        t.quad[1][c] = (v >> 4) | ((v & 0x0F) << 12);
        t.quad[2][c] = ((v >> 2) << 8) | ((v & 0x03) << 22);
        t.quad[3][c] = v << 16;
    }
    return t;
}

inline constexpr decode_table standard_table = make_decode_table(standard_chars);
inline constexpr decode_table url_table = make_decode_table(url_chars);

// What mime mode skips: ASCII whitespace and VT (C's isspace in the "C" locale).
constexpr bool is_space(unsigned char c) noexcept { return ascii::is_space(static_cast<char>(c)) || c == '\v'; }

// Decodes whole quads from s while every character is in the alphabet; returns how many it did.
inline std::size_t decode_quads(const unsigned char* s, std::size_t quads, byte* dst, const decode_table& t) noexcept {
    std::size_t k = 0;
    for (; k < quads; ++k, s += 4, dst += 3) {
        const std::uint32_t x = t.quad[0][s[0]] | t.quad[1][s[1]] | t.quad[2][s[2]] | t.quad[3][s[3]];
        if (x & bad_quad) break;
        dst[0] = static_cast<byte>(x);
        dst[1] = static_cast<byte>(x >> 8);
        dst[2] = static_cast<byte>(x >> 16);
    }
    return k;
}

// The same without output, for input whose decoding no longer fits: it is still validated.
inline std::size_t check_quads(const unsigned char* s, std::size_t quads, const decode_table& t) noexcept {
    std::size_t k = 0;
    for (; k < quads; ++k, s += 4) {
        if ((t.quad[0][s[0]] | t.quad[1][s[1]] | t.quad[2][s[2]] | t.quad[3][s[3]]) & bad_quad) break;
    }
    return k;
}

inline void encode_quad(const char* chars, const byte* s, char* d) noexcept {
    const std::uint32_t x = (std::uint32_t{s[0]} << 16) | (std::uint32_t{s[1]} << 8) | s[2];
    d[0] = chars[x >> 18];
    d[1] = chars[(x >> 12) & 0x3F];
    d[2] = chars[(x >> 6) & 0x3F];
    d[3] = chars[x & 0x3F];
}

// The two characters of every 12-bit value: three bytes encode with two table loads and two
// 2-byte stores instead of four of each.
struct pair_table {
    char pair[4096][2];
};

constexpr pair_table make_pair_table(const char* chars) noexcept {
    pair_table t{};
    for (std::size_t v = 0; v < 4096; ++v) {
        t.pair[v][0] = chars[v >> 6];
        t.pair[v][1] = chars[v & 0x3F];
    }
    return t;
}

inline constexpr pair_table standard_pairs = make_pair_table(standard_chars);
inline constexpr pair_table url_pairs = make_pair_table(url_chars);

inline void put_pair(const pair_table& t, std::uint64_t v, char* d) noexcept { std::memcpy(d, t.pair[v], 2); }

// Encodes `quads` whole quads from s into d; `readable` bytes of input are there at s (at
// least 3 * quads). Two quads come from one 8-byte load as long as 8 bytes can be read.
inline void encode_quads(const pair_table& t, const byte* s, std::size_t quads, std::size_t readable,
                         char* d) noexcept {
    const std::size_t loadable = readable < 8 ? 0 : (readable - 8) / 6 + 1;  // 8-byte loads in reach
    const std::size_t pairs = quads / 2 < loadable ? quads / 2 : loadable;
    for (const byte* const end = s + 6 * pairs; s != end; s += 6, d += 8) {
        const std::uint64_t x = load_be64(s);
        put_pair(t, x >> 52, d);
        put_pair(t, (x >> 40) & 0xFFF, d + 2);
        put_pair(t, (x >> 28) & 0xFFF, d + 4);
        put_pair(t, (x >> 16) & 0xFFF, d + 6);
    }
    for (std::size_t k = 2 * pairs; k < quads; ++k, s += 3, d += 4) {
        const std::uint32_t x = (std::uint32_t{s[0]} << 16) | (std::uint32_t{s[1]} << 8) | s[2];
        put_pair(t, x >> 12, d);
        put_pair(t, x & 0xFFF, d + 2);
    }
}

// The last 1 or 2 bytes: 2 or 3 characters, then padding if asked. Returns the characters written.
inline std::size_t encode_tail(const char* chars, const byte* s, std::size_t n, bool pad, char* d) noexcept {
    const std::uint32_t x = (std::uint32_t{s[0]} << 16) | (n == 2 ? std::uint32_t{s[1]} << 8 : 0);
    d[0] = chars[x >> 18];
    d[1] = chars[(x >> 12) & 0x3F];
    if (n == 2) d[2] = chars[(x >> 6) & 0x3F];
    if (!pad) return n + 1;
    if (n == 1) d[2] = '=';
    d[3] = '=';
    return 4;
}

}  // namespace detail

/// Writes the base64 text of `in`: encoded_size(in.size(), o) characters.
/// Success: offset = characters written; buffer_too_small: offset = the size the writer needs.
inline result encode(bytes in, writer& out, const encode_options& o = {}) noexcept {
    const std::size_t need = encoded_size(in.size(), o);
    byte* p = out.claim(need);
    if (p == nullptr) return out.finish();
    const char* chars = o.abc == alphabet::url ? detail::url_chars : detail::standard_chars;
    char* d = reinterpret_cast<char*>(p);
    const byte* s = in.data();
    const std::size_t whole = in.size() / 3;
    const std::size_t rest = in.size() % 3;
    const detail::pair_table& pairs = o.abc == alphabet::url ? detail::url_pairs : detail::standard_pairs;
    if (o.line_length == 0 || need <= o.line_length) {
        detail::encode_quads(pairs, s, whole, in.size(), d);
        s += 3 * whole;
        d += 4 * whole;
        if (rest != 0) detail::encode_tail(chars, s, rest, o.pad, d);
        return {errc{}, need};
    }
    if (o.line_length % 4 == 0) {  // whole quads per line (76 = 19 quads): a CRLF after each full line
        const std::size_t per_line = o.line_length / 4;
        for (std::size_t i = 0; i < whole;) {
            const std::size_t quads = whole - i < per_line ? whole - i : per_line;
            detail::encode_quads(pairs, s, quads, in.size() - 3 * i, d);
            s += 3 * quads;
            d += 4 * quads;
            i += quads;
            if (quads == per_line && (i < whole || rest != 0)) {
                *d++ = '\r';
                *d++ = '\n';
            }
        }
        if (rest != 0) detail::encode_tail(chars, s, rest, o.pad, d);
        return {errc{}, need};
    }
    // Other line lengths: encode each quad, then copy its characters with a CRLF every
    // line_length of them.
    std::size_t column = 0;
    auto emit = [&](const char* q, std::size_t count) noexcept {
        for (std::size_t k = 0; k < count; ++k) {
            if (column == o.line_length) {
                *d++ = '\r';
                *d++ = '\n';
                column = 0;
            }
            *d++ = q[k];
            ++column;
        }
    };
    char quad[4];
    for (std::size_t i = 0; i < whole; ++i, s += 3) {
        if (o.line_length - column >= 4) {  // the quad fits on this line: no per-character test
            detail::encode_quad(chars, s, d);
            d += 4;
            column += 4;
        } else {
            detail::encode_quad(chars, s, quad);
            emit(quad, 4);
        }
    }
    if (rest != 0) emit(quad, detail::encode_tail(chars, s, rest, o.pad, quad));
    return {errc{}, need};
}

namespace detail {

// decode() for one mode and alphabet, so that each keeps only its own branches and reads its
// table at a constant address.
template <mode M, alphabet A>
result decode(std::string_view in, writer& out, repairs& fixed) noexcept {
    constexpr bool strict = M == mode::strict;
    constexpr bool forgiving = M == mode::forgiving;
    constexpr bool padding_required = A == alphabet::standard;
    const decode_table& t = A == alphabet::url ? url_table : standard_table;
    const auto* s = reinterpret_cast<const unsigned char*>(in.data());
    const std::size_t n = in.size();

    byte* const dst = out.overflowed() || out.buffer() == nullptr ? nullptr : out.buffer() + out.size();
    const std::size_t room = dst == nullptr ? 0 : out.capacity() - out.size();
    std::size_t produced = 0;
    auto put = [&](byte b) noexcept {
        if (produced < room) dst[produced] = b;
        ++produced;
    };
    auto done = [&](result r) noexcept {
        out.claim(produced);
        if (r.ok() && out.overflowed()) return out.finish();
        return r;
    };

    unsigned char q[4] = {};       // sextets of the quad being assembled character by character
    unsigned have = 0;             // how many of them
    auto put_partial = [&]() noexcept {  // the 1 or 2 bytes of 2 or 3 sextets, unused bits ignored
        put(static_cast<byte>((q[0] << 2) | (q[1] >> 4)));
        if (have == 3) put(static_cast<byte>(((q[1] & 0x0F) << 4) | (q[2] >> 2)));
    };
    std::size_t last_data = 0;     // offset of the last alphabet character
    bool padded = false;
    std::size_t i = 0;
    while (i < n) {
        if (have == 0) {
            // Fast path: whole quads of alphabet characters.
            const std::size_t quads = (n - i) / 4;
            const std::size_t fit = produced < room ? (room - produced) / 3 : 0;
            const std::size_t first = quads < fit ? quads : fit;
            std::size_t k = first == 0 ? 0 : decode_quads(s + i, first, dst + produced, t);
            if (k == first && quads > first) k += check_quads(s + i + 4 * k, quads - first, t);
            i += 4 * k;
            produced += 3 * k;
            if (i == n) break;
        }
        const unsigned char c = s[i];
        const unsigned char v = t.value[c];
        if (v != no_value) {
            q[have++] = v;
            last_data = i++;
            if (have == 4) {
                put(static_cast<byte>((q[0] << 2) | (q[1] >> 4)));
                put(static_cast<byte>(((q[1] & 0x0F) << 4) | (q[2] >> 2)));
                put(static_cast<byte>(((q[2] & 0x03) << 6) | q[3]));
                have = 0;
            }
            continue;
        }
        if (!strict && is_space(c)) {
            ++i;
            continue;
        }
        if (c != '=') {
            if (!forgiving) return done(fail(errc::bad_character, i));
            if (fixed.bad_character == repairs::none) fixed.bad_character = i;
            ++i;
            continue;
        }
        if (forgiving) {  // the quantum in hand ends; decoding goes on after the padding
            std::size_t j = i;
            while (j < n && (s[j] == '=' || is_space(s[j]))) ++j;
            if (have >= 2) {
                put_partial();
                have = 0;
            }
            if (j < n && fixed.inner_padding == repairs::none) fixed.inner_padding = i;
            i = j;
            continue;
        }
        // Padding: "xx==" or "xxx=" closes the input (RFC 4648 §3.2, §4).
        if (have < 2) return done(fail(errc::bad_padding, i));
        unsigned pads_needed = 4 - have;
        while (i < n && pads_needed != 0) {
            if (s[i] == '=') {
                --pads_needed;
            } else if (strict || !is_space(s[i])) {
                return done(fail(errc::bad_padding, i));
            }
            ++i;
        }
        if (pads_needed != 0) return done(fail(errc::bad_padding, n));
        padded = true;
        for (; i < n; ++i) {
            if (strict || !is_space(s[i])) return done(fail(errc::bad_padding, i));
        }
        break;
    }
    if (have == 1) {
        if (!forgiving) return done(fail(errc::truncated, n));
        fixed.truncated = n;
        have = 0;
    }
    if (have != 0) {
        if (strict && !padded && padding_required) return done(fail(errc::bad_padding, n));
        const unsigned unused = have == 2 ? q[1] & 0x0Fu : q[2] & 0x03u;
        if (strict && unused != 0) return done(fail(errc::bad_padding, last_data));
        put_partial();
    }
    return done(result{errc{}, produced});
}

template <alphabet A>
result decode_in(std::string_view in, writer& out, mode m, repairs& fixed) noexcept {
    switch (m) {
    case mode::strict: return decode<mode::strict, A>(in, out, fixed);
    case mode::mime: return decode<mode::mime, A>(in, out, fixed);
    case mode::forgiving: break;
    }
    return decode<mode::forgiving, A>(in, out, fixed);
}

}  // namespace detail

/// Decodes base64 text into bytes.
/// Success: offset = bytes written. Errors, offset in `in` (forgiving mode: buffer_too_small only):
///   bad_character  a byte outside the alphabet (in mime mode: and not whitespace)
///   bad_padding    '=' where it cannot be, anything but whitespace after the padding, padding
///                  missing (standard alphabet, strict; offset in.size()), or non-zero unused bits
///                  in the last character (strict; offset of that character)
///   truncated      one character left over after the last quad (offset in.size())
///   buffer_too_small  the whole input is valid but the writer's buffer is too small (offset = size needed)
/// The whole input is validated even when the output does not fit. On an error, the bytes decoded
/// before it are left in the writer. The output may overlap the input if it starts at or before
/// the input's first byte (decode_in_place() does this).
inline result decode(std::string_view in, writer& out, const decode_options& o = {}) noexcept {
    repairs unused;
    repairs& fixed = o.repaired != nullptr ? *o.repaired : unused;
    fixed = repairs{};
    return o.abc == alphabet::url ? detail::decode_in<alphabet::url>(in, out, o.m, fixed)
                                  : detail::decode_in<alphabet::standard>(in, out, o.m, fixed);
}

/// Decodes `buf` onto itself; success: offset = the decoded size, the bytes at the front of `buf`.
inline result decode_in_place(mutable_bytes buf, const decode_options& o = {}) noexcept {
    writer w(buf);
    return decode(as_chars(buf), w, o);
}

}  // namespace smsgw::codec::base64
