#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/hex.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

/// Percent-encoding of arbitrary bytes (text or binary such as a JPEG), in two styles.
namespace smsgw::codec::percent {

/// Which bytes stay as they are.
enum class style : unsigned char {
    /// RFC 3986 §2.3: the unreserved ALPHA DIGIT - . _ ~ kept, every other byte %XX (§2.1).
    component,
    /// application/x-www-form-urlencoded (WHATWG URL §5.2, HTML forms) as IMSP, 5C, Hezhong and the
    /// SMS platform expect: ALPHA DIGIT * - . _ kept, space as '+', every other byte %XX.
    form,
};

namespace detail {

// Per byte and style: its encoding (1 or 3 characters, upper-case hex digits always two of
// them, "%07" never "%7") and that length in the fourth byte, so the encoder copies four bytes
// per input byte and advances by the length, without a branch.
struct encode_table {
    unsigned char code[2][256][4];
};

constexpr bool keeps(unsigned char c, style st) noexcept {
    const bool alnum = ascii::is_alpha(static_cast<char>(c)) || ascii::is_digit(static_cast<char>(c));
    if (alnum || c == '-' || c == '.' || c == '_') return true;
    return st == style::component ? c == '~' : c == '*';
}

constexpr encode_table make_encode_table() noexcept {
    encode_table t{};
    for (int st = 0; st < 2; ++st) {
        for (int c = 0; c < 256; ++c) {
            auto& e = t.code[st][c];
            const auto b = static_cast<unsigned char>(c);
            if (keeps(b, static_cast<style>(st))) {
                e[0] = b;
                e[3] = 1;
            } else if (b == ' ' && static_cast<style>(st) == style::form) {
                e[0] = '+';
                e[3] = 1;
            } else {
                e[0] = '%';
                e[1] = static_cast<unsigned char>(hex::detail::upper_digits[b >> 4]);
                e[2] = static_cast<unsigned char>(hex::detail::upper_digits[b & 0x0F]);
                e[3] = 3;
            }
        }
    }
    return t;
}

inline constexpr encode_table table = make_encode_table();

// Bit k set where p[k] is '%', for k < 64: eight bytes at a time, each compared to '%' without
// a branch (a byte is zero after the XOR exactly when its high bit stays clear in t), the eight
// results gathered into one byte by a multiplication.
inline std::uint64_t percent_mask(const unsigned char* p) noexcept {
    std::uint64_t mask = 0;
    for (unsigned chunk = 0; chunk < 8; ++chunk, p += 8) {
        std::uint64_t x = 0;
        for (unsigned b = 0; b < 8; ++b) x |= std::uint64_t{p[b]} << (8 * b);
        const std::uint64_t y = x ^ 0x2525252525252525u;
        const std::uint64_t t = ((y & 0x7F7F7F7F7F7F7F7Fu) + 0x7F7F7F7F7F7F7F7Fu) | y;
        const std::uint64_t zero = ~t & 0x8080808080808080u;
        mask |= (((zero >> 7) * 0x0102040810204080u) >> 56) << (8 * chunk);
    }
    return mask;
}

}  // namespace detail

/// Exact size of encode()'s output.
inline std::size_t encoded_size(bytes in, style st) noexcept {
    const auto& code = detail::table.code[static_cast<int>(st)];
    // Four independent sums, so that the table loads overlap.
    std::size_t n[4] = {0, 0, 0, 0};
    const byte* s = in.data();
    const std::size_t whole = in.size() / 4 * 4;
    for (std::size_t i = 0; i < whole; i += 4) {
        n[0] += code[s[i]][3];
        n[1] += code[s[i + 1]][3];
        n[2] += code[s[i + 2]][3];
        n[3] += code[s[i + 3]][3];
    }
    for (std::size_t i = whole; i < in.size(); ++i) n[0] += code[s[i]][3];
    return n[0] + n[1] + n[2] + n[3];
}

/// Percent-encodes `in`. Success: offset = characters written; buffer_too_small: offset = size needed.
inline result encode(bytes in, writer& out, style st) noexcept {
    const auto& code = detail::table.code[static_cast<int>(st)];
    const std::size_t room = out.overflowed() || out.buffer() == nullptr ? 0 : out.capacity() - out.size();
    byte* const dst = room == 0 ? nullptr : out.buffer() + out.size();
    const byte* s = in.data();
    const byte* const end = s + in.size();
    std::size_t produced = 0;
    // While at least 3 characters per remaining byte plus one spare fit, copy whole table entries.
    while (s != end && room - produced > 3) {
        std::size_t chunk = (room - produced - 1) / 3;
        if (chunk > static_cast<std::size_t>(end - s)) chunk = static_cast<std::size_t>(end - s);
        byte* d = dst + produced;
        for (const byte* stop = s + chunk; s != stop; ++s) {
            std::memcpy(d, code[*s], 4);
            d += code[*s][3];
        }
        produced = static_cast<std::size_t>(d - dst);
    }
    // The last bytes that may still fit, one character at a time, then only counting.
    for (; s != end; ++s) {
        const auto* e = code[*s];
        for (unsigned k = 0; k < e[3]; ++k, ++produced) {
            if (produced < room) dst[produced] = e[k];
        }
    }
    out.claim(produced);
    if (out.overflowed()) return out.finish();
    return {errc{}, produced};
}

/// Decodes %XX escapes (either case of hex digit) and, in form style, '+' as space; every other
/// byte is taken as it is. Success: offset = bytes written. Errors, offset in `in`: bad_escape at
/// the '%' of an escape without two hex digits after it ("%7", "%zz", a '%' at the end);
/// buffer_too_small (offset = size needed) once the whole input is known valid. On an error, the
/// bytes decoded before it are left in the writer. The output may overlap the input if it starts
/// at or before the input's first byte (the output is never longer than the input).
inline result decode(std::string_view in, writer& out, style st) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(in.data());
    const std::size_t n = in.size();
    const std::size_t room = out.overflowed() || out.buffer() == nullptr ? 0 : out.capacity() - out.size();
    byte* const dst = room == 0 ? nullptr : out.buffer() + out.size();
    const auto& v = ascii::hex_digits.value;
    const unsigned plus = st == style::form ? '+' : 0x100;  // the byte that stands for a space, if any
    std::size_t produced = 0;
    std::size_t i = 0;
    // Fast path, 64 input bytes at a time while their output (at most 64 bytes) surely fits: the
    // '%' among them found first as a bit mask, so that the step to the next item (1 or 3 bytes)
    // comes from that register instead of from a load, and no branch depends on the data but the
    // one that stops at a bad escape.
    if (dst != nullptr) {
        while (n - i >= 66 && room - produced >= 64) {
            const std::uint64_t escapes = detail::percent_mask(s + i);
            unsigned p = 0;
            while (p < 64) {
                const unsigned escape = static_cast<unsigned>(escapes >> p) & 1u;
                const unsigned c = s[i + p];
                const unsigned hi = v[s[i + p + 1]];
                const unsigned lo = v[s[i + p + 2]];
                if ((escape & ((hi | lo) >> 4)) != 0) break;
                const unsigned plain = c ^ (unsigned{c == plus} * ('+' ^ ' '));
                const unsigned select = 0u - escape;  // all ones for an escape
                dst[produced++] = static_cast<byte>((((hi << 4) | lo) & select) | (plain & ~select));
                p += 1 + 2 * escape;
            }
            i += p;
            if (p < 64) break;  // a bad escape: the step-by-step loop below reports it
        }
    }
    // The rest (and everything when the output may not fit), one step at a time, counting what
    // does not fit.
    while (i < n) {
        const unsigned c = s[i];
        unsigned b = c == plus ? unsigned{' '} : c;
        if (c == '%') {
            const unsigned hi = i + 1 < n ? v[s[i + 1]] : ascii::no_hex;
            const unsigned lo = i + 2 < n ? v[s[i + 2]] : ascii::no_hex;
            if ((hi | lo) > 0x0F) {
                out.claim(produced);
                return fail(errc::bad_escape, i);
            }
            b = (hi << 4) | lo;
            i += 3;
        } else {
            ++i;
        }
        if (produced < room) dst[produced] = static_cast<byte>(b);
        ++produced;
    }
    out.claim(produced);
    if (out.overflowed()) return out.finish();
    return {errc{}, produced};
}

/// Decodes `buf` onto itself; success: offset = the decoded size, the bytes at the front of `buf`.
inline result decode_in_place(mutable_bytes buf, style st) noexcept {
    writer w(buf);
    return decode(as_chars(buf), w, st);
}

}  // namespace smsgw::codec::percent
