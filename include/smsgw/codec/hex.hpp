#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

// Base16 (RFC 4648 §8): two hex digits per byte, high nibble first.
namespace smsgw::codec::hex {

/// The letter case of the digits encode() writes.
enum class letter_case : unsigned char { lower, upper };

/// Digits for n bytes.
constexpr std::size_t encoded_size(std::size_t n) noexcept { return 2 * n; }
/// Bytes from n digits.
constexpr std::size_t decoded_size(std::size_t n) noexcept { return n / 2; }

namespace detail {

inline constexpr char lower_digits[] = "0123456789abcdef";
inline constexpr char upper_digits[] = "0123456789ABCDEF";

}  // namespace detail

/// The four digits at p (either case), high nibble first, as a 16-bit value (what follows `\u` in a JSON
/// escape); false when one of them is not a hex digit.
inline bool read16(const char* p, std::uint16_t& out) noexcept {
    const auto& v = ascii::hex_digits.value;
    const unsigned a = v[static_cast<unsigned char>(p[0])];
    const unsigned b = v[static_cast<unsigned char>(p[1])];
    const unsigned c = v[static_cast<unsigned char>(p[2])];
    const unsigned d = v[static_cast<unsigned char>(p[3])];
    if ((a | b | c | d) > 0x0F) return false;
    out = static_cast<std::uint16_t>((a << 12) | (b << 8) | (c << 4) | d);
    return true;
}

/// Writes 2 * in.size() digits. Success: offset = characters written; buffer_too_small: offset = size needed.
inline result encode(bytes in, writer& out, letter_case lc = letter_case::lower) noexcept {
    byte* p = out.claim(encoded_size(in.size()));
    if (p == nullptr) return out.finish();
    const char* d = lc == letter_case::upper ? detail::upper_digits : detail::lower_digits;
    for (byte b : in) {
        *p++ = static_cast<byte>(d[b >> 4]);
        *p++ = static_cast<byte>(d[b & 0x0F]);
    }
    return {errc{}, encoded_size(in.size())};
}

/// Decodes digits of either case (ascii::hex_digits). Success: offset = bytes written. Errors, offset in `in`:
/// bad_character at the first byte that is not a hex digit; odd_length at the last digit when it
/// has no partner; buffer_too_small (offset = size needed) once the whole input is known valid.
/// On an error, the bytes decoded before it are left in the writer.
/// The output may overlap the input if it starts at or before the input's first byte.
inline result decode(std::string_view in, writer& out) noexcept {
    const auto* s = reinterpret_cast<const unsigned char*>(in.data());
    const std::size_t pairs = in.size() / 2;
    const std::size_t room = out.overflowed() || out.buffer() == nullptr ? 0 : out.capacity() - out.size();
    byte* dst = room == 0 ? nullptr : out.buffer() + out.size();
    const auto& v = ascii::hex_digits.value;
    for (std::size_t k = 0; k < pairs; ++k) {
        const unsigned hi = v[s[2 * k]];
        const unsigned lo = v[s[2 * k + 1]];
        if ((hi | lo) > 0x0F) {
            out.claim(k);
            return fail(errc::bad_character, hi == ascii::no_hex ? 2 * k : 2 * k + 1);
        }
        if (k < room) dst[k] = static_cast<byte>((hi << 4) | lo);
    }
    if (in.size() % 2 != 0) {
        const std::size_t last = in.size() - 1;
        out.claim(pairs);
        return fail(v[s[last]] == ascii::no_hex ? errc::bad_character : errc::odd_length, last);
    }
    out.claim(pairs);
    if (out.overflowed()) return out.finish();
    return {errc{}, pairs};
}

/// Decodes `buf` onto itself; success: offset = the decoded size, the bytes at the front of `buf`.
inline result decode_in_place(mutable_bytes buf) noexcept {
    writer w(buf);
    return decode(as_chars(buf), w);
}

}  // namespace smsgw::codec::hex
