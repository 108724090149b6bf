#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "smsgw/charset/big5.hpp"
#include "smsgw/charset/encoding.hpp"
#include "smsgw/charset/gb18030.hpp"
#include "smsgw/charset/windows_1252.hpp"
#include "smsgw/codec/decimal.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/core/inline.hpp"
#include "smsgw/core/writer.hpp"

// One-shot conversion between UTF-8 and an encoding, into a writer: decode() reads the
// encoding's bytes and writes UTF-8, encode() reads UTF-8 and writes the encoding's bytes.
namespace smsgw::charset {

namespace detail {

// How many bytes of an ill-formed UTF-8 sequence at p[0] the Standard's UTF-8 decoder consumes
// before its error (the maximal subpart, Unicode 15 §3.9), or 0 when p[0..avail) is a
// well-formed prefix cut by the end of the input. p[0] >= 0x80 and does not start a complete
// well-formed sequence.
inline std::size_t utf8_subpart(const byte* p, std::size_t avail) noexcept {
    const codec::utf8::detail::lead_info l = codec::utf8::detail::lead(p[0]);
    if (l.length == 0) return 1;
    std::size_t k = 1;
    for (; k < l.length; ++k) {
        if (k == avail) return 0;
        const byte lo = k == 1 ? l.low : byte{0x80};
        const byte hi = k == 1 ? l.high : byte{0xBF};
        if (p[k] < lo || p[k] > hi) return k;
    }
    return k;
}

inline void put_replacement(writer& out) noexcept { out.write("\xEF\xBF\xBD", 3); }

inline std::string_view chars(const byte* p, std::size_t n) noexcept {
    return {reinterpret_cast<const char*>(p), n};
}

// Copies the run of ASCII at text[pos] (the same bytes in every encoding here); returns its end.
inline std::size_t copy_ascii(std::string_view text, std::size_t pos, writer& out) noexcept {
    const std::size_t end = codec::utf8::detail::skip_ascii(text, pos);
    out.write(text.data() + pos, end - pos);
    return end;
}

// The fast paths write through a pointer into the writer's buffer while it has room for the
// most one step writes, and claim what they wrote at the end; the slow paths (the end of the
// buffer, a writer that only measures, errors) write through the writer.
inline std::size_t room(const writer& out) noexcept { return out.overflowed() ? 0 : out.capacity() - out.size(); }
constexpr std::size_t step_room = 16;

// As copy_ascii(), into o, at most `fits` (>= 8) bytes. A short run is copied as one word of 8
// bytes, the bytes past the run overwritten later or left beyond the claimed size.
SMSGW_ALWAYS_INLINE std::size_t copy_ascii(std::string_view text, std::size_t pos, byte*& o, std::size_t fits) noexcept {
    std::size_t len = codec::utf8::detail::skip_ascii(text, pos) - pos;
    if (len > fits) len = fits;
    if (len <= 8 && text.size() - pos >= 8) {
        std::memcpy(o, text.data() + pos, 8);
    } else {
        std::memcpy(o, text.data() + pos, len);
    }
    o += len;
    return pos + len;
}

// cp, and cp2 unless 0, as UTF-8 at o (room for 8 bytes); returns the end.
SMSGW_ALWAYS_INLINE byte* put_utf8(char32_t cp, char32_t cp2, byte* o) noexcept {
    writer w{mutable_bytes(o, 8)};
    codec::utf8::put(cp, w);
    if (cp2 != 0) codec::utf8::put(cp2, w);
    return o + w.size();
}

// Whether the 8 bytes at p are ASCII.
SMSGW_ALWAYS_INLINE bool ascii_word(const byte* p) noexcept {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    return (word & 0x8080808080808080u) == 0;
}

// The 3 UTF-8 bytes of cp (U+0800-U+FFFF) at o, and a 4th byte of no meaning after them: one
// 32-bit store where the byte order is known to be little-endian.
SMSGW_ALWAYS_INLINE void store_utf8_3(char32_t cp, byte* o) noexcept {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const std::uint32_t v = (0xE0u | (cp >> 12)) | ((0x80u | ((cp >> 6) & 0x3Fu)) << 8) | ((0x80u | (cp & 0x3Fu)) << 16);
    std::memcpy(o, &v, 4);
#else
    o[0] = static_cast<byte>(0xE0 | (cp >> 12));
    o[1] = static_cast<byte>(0x80 | ((cp >> 6) & 0x3F));
    o[2] = static_cast<byte>(0x80 | (cp & 0x3F));
#endif
}

// Writes the 3 UTF-8 bytes of the sequence lead, trail at o (and a 4th of no meaning) and
// returns true, or returns false when its code point is not one of 3 UTF-8 bytes: the fast
// path's lookup, a word of Codec::utf8 (tables/*.hpp) stored as it is, without the arithmetic
// of UTF-8. The 4 byte stores are one where the byte order allows.
template <class Codec>
SMSGW_ALWAYS_INLINE bool put_utf8_3(unsigned lead, unsigned trail, byte* o) noexcept {
    const std::uint32_t v = Codec::utf8[Codec::pointer_or_end(lead, trail)];
    o[0] = static_cast<byte>(v);
    o[1] = static_cast<byte>(v >> 8);
    o[2] = static_cast<byte>(v >> 16);
    o[3] = static_cast<byte>(v >> 24);
    return v - 0x800000u < 0x400000u;  // a third byte, and no fourth: 3 bytes
}

// A code point from a table (a scalar value) as UTF-8 at o (room for 8 bytes); the BMP's
// 3-byte form inline.
SMSGW_ALWAYS_INLINE byte* put_table_code_point(char32_t cp, byte* o) noexcept {
    if (cp >= 0x800 && cp < 0x10000) {
        store_utf8_3(cp, o);
        return o + 3;
    }
    return put_utf8(cp, 0, o);
}

// decode_run's fast path: from text[pos] into o while [o, end) has room for a step, as long
// as the input is ASCII or sequences that decode; returns where it stopped.
template <class Codec>
SMSGW_ALWAYS_INLINE std::size_t decode_fast(std::string_view text, std::size_t pos, byte*& o, byte* end) noexcept {
    const auto* p = reinterpret_cast<const byte*>(text.data());
    const std::size_t n = text.size();
    while (pos < n && end - o >= static_cast<std::ptrdiff_t>(step_room)) {
        // Two-byte sequences and the few ASCII bytes between them, the bulk of CJK text; a run of
        // 8 ASCII bytes is left to copy_ascii().
        // Here at most 3 bytes are written for 2 read, so one bound on pos keeps both in range
        // (a step reads at most 4 bytes and writes at most 7).
        const std::size_t out_left = static_cast<std::size_t>(end - o) - step_room;
        const std::size_t in_left = n - pos < 8 ? 0 : n - pos - 8;
        const std::size_t last = pos + (out_left / 3 * 2 < in_left ? out_left / 3 * 2 : in_left);
        while (pos < last) {
            if (p[pos] < 0x80) {
                if (ascii_word(p + pos)) break;
                *o++ = p[pos++];
                continue;
            }
            if (!put_utf8_3<Codec>(p[pos], p[pos + 1], o)) break;
            // A second character straight after the first, as CJK text mostly has.
            const bool two = put_utf8_3<Codec>(p[pos + 2], p[pos + 3], o + 3);
            o += two ? 6 : 3;
            pos += two ? 4 : 2;
        }
        if (pos + 1 < n && end - o >= static_cast<std::ptrdiff_t>(step_room) && p[pos] >= 0x80) {
            if (const char32_t cp = Codec::two_byte(p[pos], p[pos + 1])) {
                o = put_table_code_point(cp, o);
                pos += 2;
                continue;
            }
        }
        if (pos >= n || end - o < static_cast<std::ptrdiff_t>(step_room)) break;
        if (p[pos] < 0x80) {
            pos = copy_ascii(text, pos, o, static_cast<std::size_t>(end - o));
            continue;
        }
        const step s = Codec::decode(p + pos, n - pos);
        if (s.length == 0 || s.ec != errc{}) break;
        o = put_utf8(s.cp, s.cp2, o);
        pos += s.length;
    }
    return pos;
}

// The steps shared by decode(), encode() and the streaming decoder and encoder: convert
// p[0..n) whose first byte is at offset `base` of the stream. Unless `final`, a sequence cut
// by the end is left for the next call; `stop` is where the bytes not yet converted begin.
template <class Codec>
outcome decode_run(const byte* p, std::size_t n, bool final, mode m, std::size_t base, writer& out,
                   std::size_t& stop) noexcept {
    outcome r;
    const std::string_view text = chars(p, n);
    std::size_t pos = 0;
    while (pos < n) {
        // Fast: ASCII runs and sequences that decode, straight into the buffer.
        if (const std::size_t fits = room(out); fits >= step_room) {
            byte* const start = out.buffer() + out.size();
            byte* o = start;
            pos = decode_fast<Codec>(text, pos, o, start + fits);
            out.claim(static_cast<std::size_t>(o - start));
            if (pos >= n) break;
        }
        // Slow: one step through the writer.
        if (p[pos] < 0x80) {
            pos = copy_ascii(text, pos, out);
            continue;
        }
        const step s = Codec::decode(p + pos, n - pos);
        if (s.length == 0) {
            if (!final) break;
            // The end of the input inside a sequence: one error, as at the Standard's end-of-queue.
            if (m == mode::strict) {
                stop = pos;
                return failed(errc::truncated, base + pos);
            }
            put_replacement(out);
            ++r.replaced;
            pos = n;
            break;
        }
        if (s.ec != errc{}) {
            if (m == mode::strict) {
                stop = pos;
                return failed(s.ec, base + pos);
            }
            put_replacement(out);
            ++r.replaced;
        } else {
            byte utf8[8];
            out.write(utf8, static_cast<std::size_t>(put_utf8(s.cp, s.cp2, utf8) - utf8));
        }
        pos += s.length;
    }
    stop = pos;
    return r;
}

// UTF-8 to UTF-8 (decoding the utf8 encoding, and encoding to it): well-formed runs copied,
// ill-formed sequences refused or replaced by U+FFFD.
inline outcome utf8_run(const byte* p, std::size_t n, bool final, mode m, std::size_t base, writer& out,
                        std::size_t& stop) noexcept {
    outcome r;
    std::size_t pos = 0;
    while (pos < n) {
        const result v = codec::utf8::validate(chars(p + pos, n - pos));
        if (v.ok()) {
            out.write(p + pos, n - pos);
            pos = n;
            break;
        }
        out.write(p + pos, v.offset);
        pos += v.offset;
        std::size_t bad = utf8_subpart(p + pos, n - pos);
        if (bad == 0) {
            if (!final) break;
            bad = n - pos;
        }
        if (m == mode::strict) {
            stop = pos;
            return failed(errc::invalid_utf8, base + pos);
        }
        put_replacement(out);
        ++r.replaced;
        pos += bad;
    }
    stop = pos;
    return r;
}

// What tolerant encoding writes for a code point the encoding lacks.
inline void substitute(char32_t cp, const encode_options& o, writer& out) noexcept {
    if (!o.html) {
        out.write(o.substitute);
        return;
    }
    out.write("&#", 2);
    codec::decimal::write(out, static_cast<std::uint32_t>(cp));
    out.put(';');
}

// encode_run's fast path: from text[pos] into q while [q, end) has room for a step, as long
// as the text is ASCII or code points the encoding has; returns where it stopped.
template <class Codec>
SMSGW_ALWAYS_INLINE std::size_t encode_fast(const Codec& codec, std::string_view text, std::size_t pos, byte*& q,
                                            byte* end) noexcept {
    const auto* p = reinterpret_cast<const byte*>(text.data());
    const std::size_t n = text.size();
    while (pos < n && end - q >= static_cast<std::ptrdiff_t>(step_room)) {
        // Three-byte sequences of two-byte characters and the ASCII bytes between them, the
        // bulk of CJK text; a run of 8 ASCII bytes is left to copy_ascii(). Leads E1-EC, EE
        // and EF take any two continuation bytes (Unicode table 3-7), so only E0 and ED, the
        // leads of overlongs and surrogates, need codec::utf8's full check.
        // Here at most as many bytes are written as read, so one bound on pos keeps both in range.
        const std::size_t out_left = static_cast<std::size_t>(end - q) - step_room;
        const std::size_t in_left = n - pos < 8 ? 0 : n - pos - 8;
        const std::size_t last = pos + (out_left < in_left ? out_left : in_left);
        while (pos < last) {
            const unsigned b0 = p[pos];
            if (b0 < 0x80) {
                if (ascii_word(p + pos)) break;
                *q++ = p[pos++];
                continue;
            }
            // The continuation bytes' payloads; both are continuations when neither is above 0x3F.
            const unsigned c1 = p[pos + 1] ^ 0x80u;
            const unsigned c2 = p[pos + 2] ^ 0x80u;
            if ((c1 | c2) > 0x3F || b0 - 0xE1 > 0xEF - 0xE1 || b0 == 0xED) break;
            // Masked again so that the compiler sees cp / 64 and cp % 64, the lookup's indexes.
            const std::uint16_t two = codec.bmp_two_bytes(((((b0 & 0x0Fu) << 6) | (c1 & 0x3Fu)) << 6) | (c2 & 0x3Fu));
            if (two == 0) break;
            store_be16(q, two);
            q += 2;
            pos += 3;
        }
        if (pos >= n || end - q < static_cast<std::ptrdiff_t>(step_room)) break;
        if (p[pos] < 0x80) {
            pos = copy_ascii(text, pos, q, static_cast<std::size_t>(end - q));
            continue;
        }
        char32_t cp = 0;
        const std::size_t len = codec::utf8::detail::decode_one(text, pos, cp);
        byte* const next = len != 0 ? codec.encode(cp, q) : nullptr;
        if (next == nullptr) break;
        q = next;
        pos += len;
    }
    return pos;
}

template <class Codec>
outcome encode_run(const Codec& codec, const byte* p, std::size_t n, bool final, const encode_options& o,
                   std::size_t base, writer& out, std::size_t& stop) noexcept {
    outcome r;
    const std::string_view text = chars(p, n);
    std::size_t pos = 0;
    while (pos < n) {
        // Fast: ASCII runs and code points the encoding has, straight into the buffer.
        if (const std::size_t fits = room(out); fits >= step_room) {
            byte* const start = out.buffer() + out.size();
            byte* q = start;
            pos = encode_fast(codec, text, pos, q, start + fits);
            out.claim(static_cast<std::size_t>(q - start));
            if (pos >= n) break;
        }
        char32_t cp = 0;
        // Slow: one step through the writer.
        if (p[pos] < 0x80) {
            pos = copy_ascii(text, pos, out);
            continue;
        }
        std::size_t len = codec::utf8::detail::decode_one(text, pos, cp);
        bool replaced = false;
        if (len == 0) {
            len = utf8_subpart(p + pos, n - pos);
            if (len == 0) {
                if (!final) break;
                len = n - pos;
            }
            if (o.m == mode::strict) {
                stop = pos;
                return failed(errc::invalid_utf8, base + pos);
            }
            cp = 0xFFFD;
            replaced = true;
        }
        byte bytes[4];
        if (const byte* e = codec.encode(cp, bytes)) {
            out.write(bytes, static_cast<std::size_t>(e - bytes));
        } else {
            if (o.m == mode::strict) {
                stop = pos;
                return failed(errc::unmappable, base + pos, cp);
            }
            substitute(cp, o, out);
            replaced = true;
        }
        if (replaced) ++r.replaced;
        pos += len;
    }
    stop = pos;
    return r;
}

inline outcome decode_any(encoding e, const byte* p, std::size_t n, bool final, mode m, std::size_t base,
                          writer& out, std::size_t& stop) noexcept {
    switch (e) {
    case encoding::gbk:
    case encoding::gb18030: return decode_run<gb18030_codec>(p, n, final, m, base, out, stop);
    case encoding::big5: return decode_run<big5_codec>(p, n, final, m, base, out, stop);
    case encoding::windows_1252: return decode_run<windows_1252_codec>(p, n, final, m, base, out, stop);
    case encoding::utf8: break;
    }
    return utf8_run(p, n, final, m, base, out, stop);
}

inline outcome encode_any(encoding e, const byte* p, std::size_t n, bool final, const encode_options& o,
                          std::size_t base, writer& out, std::size_t& stop) noexcept {
    switch (e) {
    case encoding::gbk: return encode_run(gb18030_codec{true}, p, n, final, o, base, out, stop);
    case encoding::gb18030: return encode_run(gb18030_codec{false}, p, n, final, o, base, out, stop);
    case encoding::big5: return encode_run(big5_codec{}, p, n, final, o, base, out, stop);
    case encoding::windows_1252: return encode_run(windows_1252_codec{}, p, n, final, o, base, out, stop);
    case encoding::utf8: break;
    }
    return utf8_run(p, n, final, o.m, base, out, stop);
}

// A run's outcome as writer::finish() gives it once it succeeded.
inline outcome finished(outcome r, const writer& out) noexcept {
    if (!r.ok()) return r;
    const result f = out.finish();
    r.ec = f.ec;
    r.offset = f.offset;
    return r;
}

}  // namespace detail

/// Bytes of encoding e to UTF-8, into out. Success: offset is out.size(), `replaced` the U+FFFDs
/// written (tolerant). Strict stops at the first byte sequence in error, with its first byte's
/// offset: errc::bad_sequence (a bad lead or trail byte), errc::unmappable (well-formed bytes the
/// index maps to nothing: a GB18030 four-byte sequence out of range, an empty Big5 pointer),
/// errc::truncated (the input ends inside a sequence), errc::invalid_utf8 for UTF-8. Tolerant
/// writes U+FFFD exactly where the Standard's decoder emits an error, and reads again the bytes
/// it reads again (an ASCII trail byte; a GB18030 four-byte sequence's second to fourth bytes).
/// buffer_too_small when the output did not fit. No BOM is stripped.
inline outcome decode(encoding e, bytes in, writer& out, mode m = mode::strict) noexcept {
    std::size_t stop = 0;
    return detail::finished(detail::decode_any(e, in.data(), in.size(), true, m, 0, out, stop), out);
}

/// UTF-8 to encoding e, into out, as encode_options says; success and errors as for decode().
inline outcome encode(encoding e, std::string_view utf8, writer& out, const encode_options& o = {}) noexcept {
    std::size_t stop = 0;
    const auto* p = reinterpret_cast<const byte*>(utf8.data());
    return detail::finished(detail::encode_any(e, p, utf8.size(), true, o, 0, out, stop), out);
}

/// The exact size decode() writes (a writer without a buffer measures).
inline std::size_t decoded_size(encoding e, bytes in, mode m = mode::strict) noexcept {
    writer measure;
    decode(e, in, measure, m);
    return measure.size();
}
/// The exact size encode() writes.
inline std::size_t encoded_size(encoding e, std::string_view utf8, const encode_options& o = {}) noexcept {
    writer measure;
    encode(e, utf8, measure, o);
    return measure.size();
}

}  // namespace smsgw::charset
