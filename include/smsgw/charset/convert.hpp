#pragma once

#include <cstddef>
#include <string_view>

#include "smsgw/charset/big5.hpp"
#include "smsgw/charset/encoding.hpp"
#include "smsgw/charset/gb18030.hpp"
#include "smsgw/charset/windows_1252.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/core/writer.hpp"

// One-shot conversion between UTF-8 and an encoding, into a writer: decode() reads the
// encoding's bytes and writes UTF-8, encode() reads UTF-8 and writes the encoding's bytes.
//
// decode: strict stops at the first byte sequence in error, with its first byte's offset:
// errc::bad_sequence (a bad lead or trail byte), errc::unmappable (well-formed bytes the index
// maps to nothing: a GB18030 four-byte sequence out of range, an empty Big5 pointer),
// errc::truncated (the input ends inside a sequence), errc::invalid_utf8 for UTF-8. Tolerant
// writes U+FFFD exactly where the Standard's decoder emits an error, and reads again the bytes
// it reads again (an ASCII trail byte; a GB18030 four-byte sequence's second to fourth bytes).
// No BOM is stripped. encode: see encode_options.
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
            codec::utf8::put(s.cp, out);
            if (s.cp2 != 0) codec::utf8::put(s.cp2, out);
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
    char digits[8];
    std::size_t n = 0;
    do {
        digits[n++] = static_cast<char>('0' + cp % 10);
        cp /= 10;
    } while (cp != 0);
    out.write("&#", 2);
    while (n > 0) out.put(digits[--n]);
    out.put(';');
}

template <class Codec>
outcome encode_run(const Codec& codec, const byte* p, std::size_t n, bool final, const encode_options& o,
                   std::size_t base, writer& out, std::size_t& stop) noexcept {
    outcome r;
    const std::string_view text = chars(p, n);
    std::size_t pos = 0;
    while (pos < n) {
        if (p[pos] < 0x80) {
            pos = copy_ascii(text, pos, out);
            continue;
        }
        char32_t cp = 0;
        std::size_t len = codec::utf8::detail::decode_one(text, pos, cp);
        bool ill_formed = false;
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
            ill_formed = true;
        }
        if (!codec.encode(cp, out)) {
            if (o.m == mode::strict) {
                stop = pos;
                return failed(errc::unmappable, base + pos, cp);
            }
            substitute(cp, o, out);
            ill_formed = true;
        }
        if (ill_formed) ++r.replaced;
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

// Bytes of encoding e to UTF-8. Success: offset is out.size(), `replaced` the U+FFFDs written
// (tolerant); errors as above, with buffer_too_small when the output did not fit.
inline outcome decode(encoding e, bytes in, writer& out, mode m = mode::strict) noexcept {
    std::size_t stop = 0;
    return detail::finished(detail::decode_any(e, in.data(), in.size(), true, m, 0, out, stop), out);
}

// UTF-8 to encoding e, as encode_options says.
inline outcome encode(encoding e, std::string_view utf8, writer& out, const encode_options& o = {}) noexcept {
    std::size_t stop = 0;
    const auto* p = reinterpret_cast<const byte*>(utf8.data());
    return detail::finished(detail::encode_any(e, p, utf8.size(), true, o, 0, out, stop), out);
}

// The exact sizes decode() and encode() write (a writer without a buffer measures).
inline std::size_t decoded_size(encoding e, bytes in, mode m = mode::strict) noexcept {
    writer measure;
    decode(e, in, measure, m);
    return measure.size();
}
inline std::size_t encoded_size(encoding e, std::string_view utf8, const encode_options& o = {}) noexcept {
    writer measure;
    encode(e, utf8, measure, o);
    return measure.size();
}

}  // namespace smsgw::charset
