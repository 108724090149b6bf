#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

#include "smsgw/codec/hex.hpp"
#include "smsgw/core/span.hpp"

namespace smsgw::codec {

/// The 16 bytes of an MD5 digest.
using md5_digest = std::array<smsgw::byte, 16>;

/// MD5 (RFC 1321), as CMPP's AuthenticatorSource/AuthenticatorISMG (CMPP 2.0 tables 8.4, 8.5),
/// the SMS platform's password (table 12.1) and 5C's password_md5 use it. Not for new security designs.
///
///     md5_digest d = md5::hash(bytes);                          // one shot
///     md5 h; h.update(a).update(b); md5_digest d = h.finish();  // incremental
class md5 {
public:
    /// Adds bytes to the message.
    md5& update(bytes data) noexcept {
        const byte* p = data.data();
        std::size_t n = data.size();
        length_ += n;
        if (buffered_ != 0) {
            const std::size_t take = n < 64 - buffered_ ? n : 64 - buffered_;
            std::memcpy(buffer_ + buffered_, p, take);
            buffered_ += take;
            p += take;
            n -= take;
            if (buffered_ < 64) return *this;
            compress(state_, buffer_, 1);
            buffered_ = 0;
        }
        if (n >= 64) {
            compress(state_, p, n / 64);
            p += n / 64 * 64;
            n %= 64;
        }
        if (n != 0) std::memcpy(buffer_, p, n);
        buffered_ = n;
        return *this;
    }

    /// The digest of everything updated; the object then starts over, empty.
    md5_digest finish() noexcept {
        // RFC 1321 §3.1-3.2: a 1 bit, zeros to 56 mod 64 bytes, the bit length little-endian.
        const std::uint64_t bits = length_ * 8;
        buffer_[buffered_++] = 0x80;
        if (buffered_ > 56) {
            std::memset(buffer_ + buffered_, 0, 64 - buffered_);
            compress(state_, buffer_, 1);
            buffered_ = 0;
        }
        std::memset(buffer_ + buffered_, 0, 56 - buffered_);
        for (int i = 0; i < 8; ++i) buffer_[56 + i] = static_cast<byte>(bits >> (8 * i));
        compress(state_, buffer_, 1);
        md5_digest d;
        for (int i = 0; i < 4; ++i) {
            for (int j = 0; j < 4; ++j) d[static_cast<std::size_t>(4 * i + j)] = static_cast<byte>(state_[i] >> (8 * j));
        }
        *this = md5();
        return d;
    }

    /// The digest of `data`.
    static md5_digest hash(bytes data) noexcept { return md5().update(data).finish(); }

private:
    // RFC 1321 §3.4: T[i] = floor(2^32 * abs(sin(i + 1))), the shift of each step, and the
    // message word each step adds.
    static constexpr std::uint32_t k[64] = {
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
    static constexpr int shift[16] = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};
    static constexpr int word(int i) noexcept {
        return i < 16 ? i : i < 32 ? (5 * i + 1) % 16 : i < 48 ? (3 * i + 5) % 16 : (7 * i) % 16;
    }

    template <int Round>
    static constexpr std::uint32_t mix(std::uint32_t b, std::uint32_t c, std::uint32_t d) noexcept {
        static_assert(Round != 1, "round 2's G is added in two halves by step()");
        if constexpr (Round == 0) return d ^ (b & (c ^ d));  // F = (b & c) | (~b & d)
        else if constexpr (Round == 2) return b ^ c ^ d;  // H
        else return c ^ (b | ~d);  // I
    }

    template <int I>
    static void step(std::uint32_t& a, std::uint32_t b, std::uint32_t c, std::uint32_t d,
                     const std::uint32_t* m) noexcept {
        constexpr int s = shift[(I / 16) * 4 + I % 4];
        std::uint32_t x = a + k[I] + m[word(I)];
        if constexpr (I / 16 == 1) {
            // G as the sum of its two disjoint halves: neither waits for the other.
            x += c & ~d;
            x += b & d;
        } else {
            x += mix<I / 16>(b, c, d);
        }
        a = b + ((x << s) | (x >> (32 - s)));
    }

    // Steps I..I+3, each with the roles of a, b, c, d rotated one place.
    template <int I>
    static void four(std::uint32_t& a, std::uint32_t& b, std::uint32_t& c, std::uint32_t& d,
                     const std::uint32_t* m) noexcept {
        step<I>(a, b, c, d, m);
        step<I + 1>(d, a, b, c, m);
        step<I + 2>(c, d, a, b, m);
        step<I + 3>(b, c, d, a, m);
    }

    template <int... Q>
    static void all_steps(std::uint32_t& a, std::uint32_t& b, std::uint32_t& c, std::uint32_t& d,
                          const std::uint32_t* m, std::integer_sequence<int, Q...>) noexcept {
        (four<Q * 4>(a, b, c, d, m), ...);
    }

    static void compress(std::uint32_t* state, const byte* p, std::size_t blocks) noexcept {
        for (; blocks != 0; --blocks, p += 64) {
            std::uint32_t m[16];
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            std::memcpy(m, p, 64);
#else
            for (int i = 0; i < 16; ++i) {
                const byte* w = p + 4 * i;
                m[i] = std::uint32_t{w[0]} | (std::uint32_t{w[1]} << 8) | (std::uint32_t{w[2]} << 16) |
                       (std::uint32_t{w[3]} << 24);
            }
#endif
            std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
            all_steps(a, b, c, d, m, std::make_integer_sequence<int, 16>{});
            state[0] += a;
            state[1] += b;
            state[2] += c;
            state[3] += d;
        }
    }

    std::uint32_t state_[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    std::uint64_t length_ = 0;
    byte buffer_[64] = {};
    std::size_t buffered_ = 0;
};

/// The digest as 32 hex digits, lower-case unless asked (5C's password_md5 example is upper-case):
/// `auto h = to_hex(d); std::string_view(h.data(), h.size())`.
inline std::array<char, 32> to_hex(const md5_digest& d, hex::letter_case lc = hex::letter_case::lower) noexcept {
    const char* digits = lc == hex::letter_case::upper ? "0123456789ABCDEF" : "0123456789abcdef";
    std::array<char, 32> out{};
    for (std::size_t i = 0; i < d.size(); ++i) {
        out[2 * i] = digits[d[i] >> 4];
        out[2 * i + 1] = digits[d[i] & 0xF];
    }
    return out;
}

}  // namespace smsgw::codec
