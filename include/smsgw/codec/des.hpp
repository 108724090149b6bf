#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "smsgw/core/endian.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

/// Single DES (FIPS 46-3) in ECB and CBC mode (FIPS 81) with PKCS#5 padding, as the HTTP SMS
/// platform's Recharge and UserManage calls encrypt `account` and `ac_password` (tables 12.1, 13.1:
/// DES/CBC/PKCS5Padding). DES is broken cryptography: a 56-bit key falls to brute force in hours.
/// It is here only because the platform requires it; never use it to protect anything new.
///
///     writer w(buffer);
///     des::encrypt_cbc(key, plain, w);       // IV = the key, the platform's own convention
///     des::encrypt_cbc(key, iv, plain, w);   // any other IV
///     des::decrypt_cbc(key, iv, cipher, w);  // padding checked and removed
///
/// The round keys are computed without a branch on the key; the S-box lookups are table reads
/// indexed by key-dependent data (what FIPS 46-3 software has always done), not constant-time.
namespace smsgw::codec::des {

/// Bytes of a block.
constexpr std::size_t block_size = 8;
/// Bytes of a key.
constexpr std::size_t key_size = 8;

/// Bytes PKCS#5 encryption writes for n bytes of plain text: 1 to 8 bytes of padding, always.
constexpr std::size_t padded_size(std::size_t n) noexcept { return n + block_size - n % block_size; }

namespace detail {

// FIPS 46-3's tables as printed: bit numbers count from 1 at the most significant bit.
inline constexpr unsigned char pc1[56] = {57, 49, 41, 33, 25, 17, 9,  1,  58, 50, 42, 34, 26, 18,
                                          10, 2,  59, 51, 43, 35, 27, 19, 11, 3,  60, 52, 44, 36,
                                          63, 55, 47, 39, 31, 23, 15, 7,  62, 54, 46, 38, 30, 22,
                                          14, 6,  61, 53, 45, 37, 29, 21, 13, 5,  28, 20, 12, 4};
inline constexpr unsigned char pc2[48] = {14, 17, 11, 24, 1,  5,  3,  28, 15, 6,  21, 10, 23, 19, 12, 4,
                                          26, 8,  16, 7,  27, 20, 13, 2,  41, 52, 31, 37, 47, 55, 30, 40,
                                          51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32};
inline constexpr unsigned char left_shifts[16] = {1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1};
inline constexpr unsigned char p[32] = {16, 7, 20, 21, 29, 12, 28, 17, 1,  15, 23, 26, 5,  18, 31, 10,
                                        2,  8, 24, 14, 32, 27, 3,  9,  19, 13, 30, 6,  22, 11, 4,  25};
inline constexpr unsigned char s[8][64] = {
    {14, 4,  13, 1, 2,  15, 11, 8,  3,  10, 6,  12, 5,  9,  0, 7,  0, 15, 7,  4,  14, 2,  13, 1,  10, 6, 12, 11,
     9,  5,  3,  8, 4,  1,  14, 8,  13, 6,  2,  11, 15, 12, 9, 7,  3, 10, 5,  0,  15, 12, 8,  2,  4,  9, 1,  7,
     5,  11, 3,  14, 10, 0, 6,  13},
    {15, 1,  8,  14, 6,  11, 3,  4,  9,  7, 2,  13, 12, 0, 5,  10, 3, 13, 4, 7,  15, 2,  8,  14, 12, 0, 1,  10,
     6,  9,  11, 5,  0,  14, 7,  11, 10, 4, 13, 1,  5,  8, 12, 6,  9, 3,  2, 15, 13, 8,  10, 1,  3,  15, 4, 2,
     11, 6,  7,  12, 0,  5,  14, 9},
    {10, 0, 9,  14, 6, 3,  15, 5,  1,  13, 12, 7, 11, 4,  2,  8,  13, 7,  0, 9,  3,  4,  6, 10, 2,  8,  5, 14,
     12, 11, 15, 1, 13, 6,  4,  9,  8,  15, 3, 0,  11, 1,  2,  12, 5,  10, 14, 7,  1,  10, 13, 0, 6,  9,  8, 7,
     4,  15, 14, 3, 11, 5,  2,  12},
    {7,  13, 14, 3, 0,  6,  9,  10, 1,  2, 8,  5,  11, 12, 4,  15, 13, 8,  11, 5,  6, 15, 0,  3,  4, 7, 2,  12,
     1,  10, 14, 9, 10, 6,  9,  0,  12, 11, 7, 13, 15, 1,  3,  14, 5,  2,  8, 4,  3,  15, 0,  6,  10, 1, 13, 8,
     9,  4,  5,  11, 12, 7,  2,  14},
    {2,  12, 4,  1,  7,  10, 11, 6, 8,  5,  3,  15, 13, 0, 14, 9,  14, 11, 2, 12, 4,  7,  13, 1,  5,  0, 15, 10,
     3,  9,  8,  6,  4,  2,  1,  11, 10, 13, 7, 8,  15, 9, 12, 5,  6,  3,  0, 14, 11, 8,  12, 7,  1,  14, 2, 13,
     6,  15, 0,  9,  10, 4,  5,  3},
    {12, 1,  10, 15, 9, 2,  6,  8,  0,  13, 3,  4, 14, 7,  5,  11, 10, 15, 4,  2,  7,  12, 9,  5,  6, 1, 13, 14,
     0,  11, 3,  8,  9, 14, 15, 5,  2,  8,  12, 3, 7,  0,  4,  10, 1,  13, 11, 6,  4,  3,  2,  12, 9, 5, 15, 10,
     11, 14, 1,  7,  6, 0,  8,  13},
    {4,  11, 2,  14, 15, 0,  8, 13, 3,  12, 9, 7,  5,  10, 6, 1,  13, 0,  11, 7,  4,  9,  1,  10, 14, 3, 5,  12,
     2,  15, 8,  6,  1,  4,  11, 13, 12, 3, 7,  14, 10, 15, 6, 8,  0,  5,  9,  2,  6,  11, 13, 8,  1, 4, 10, 7,
     9,  5,  0,  15, 14, 2,  3,  12},
    {13, 2,  8,  4, 6,  15, 11, 1,  10, 9,  3, 14, 5,  0,  12, 7, 1,  15, 13, 8,  10, 3,  7,  4,  12, 5, 6,  11,
     0,  14, 9,  2, 7,  11, 4,  1,  9,  12, 14, 2, 0,  6,  10, 13, 15, 3,  5,  8,  2,  1,  14, 7,  4, 10, 8, 13,
     15, 12, 9,  0, 3,  5,  6,  11},
};

// Each row of each S-box is a permutation of 0..15 (a typo in the table above breaks one).
constexpr bool s_boxes_well_formed() noexcept {
    for (const auto& box : s) {
        for (int row = 0; row < 4; ++row) {
            unsigned seen = 0;
            for (int col = 0; col < 16; ++col) seen |= 1u << box[row * 16 + col];
            if (seen != 0xFFFF) return false;
        }
    }
    return true;
}
static_assert(s_boxes_well_formed(), "FIPS 46-3 S-box rows are permutations of 0..15");

constexpr std::uint32_t rotl(std::uint32_t x, unsigned n) noexcept { return (x << n) | (x >> (32 - n)); }
constexpr std::uint32_t rotr(std::uint32_t x, unsigned n) noexcept { return (x >> n) | (x << (32 - n)); }

// The halves travel rotated left by one bit, so that every S-box's six expanded input bits
// (E) sit together in a byte of either the half or the half rotated right by 4; sp[i][v] is
// S-box i+1's output for the six bits v (b1 the most significant), moved by P, rotated the same way.
struct sp_tables {
    std::uint32_t t[8][64];
};

constexpr sp_tables make_sp() noexcept {
    sp_tables out{};
    for (unsigned i = 0; i < 8; ++i) {
        for (unsigned v = 0; v < 64; ++v) {
            const unsigned row = ((v >> 4) & 2) | (v & 1);
            const unsigned col = (v >> 1) & 0xF;
            const std::uint32_t before_p = std::uint32_t{s[i][row * 16 + col]} << (28 - 4 * i);
            std::uint32_t after_p = 0;
            for (unsigned k = 0; k < 32; ++k) after_p |= ((before_p >> (32 - p[k])) & 1u) << (31 - k);
            out.t[i][v] = rotl(after_p, 1);
        }
    }
    return out;
}

inline constexpr sp_tables sp = make_sp();

// PC-2 of one round's C and D, seven bits at a time: t[j][v] places the round-key bits that the
// seven bits v of C (j = 0-3, most significant first) or of D (j = 4-7) give. A round key is kept
// as two words of four 6-bit groups, S-boxes 1,3,5,7 and 2,4,6,8, at bits 24, 16, 8 and 0, where
// f() reads them; a C entry holds its groups 1,3 | 2,4 and a D entry its groups 5,7 | 6,8, each
// pair in the high and the low half, so that the two words are two shifts and masks away.
struct pc2_tables {
    std::uint32_t t[8][128];
};

constexpr pc2_tables make_pc2() noexcept {
    pc2_tables out{};
    for (unsigned i = 0; i < 48; ++i) {
        const unsigned group = i / 6;  // S-box group, 0-7
        const unsigned place = (group % 4 == 0 ? 24 : group % 4 == 1 ? 8 : group % 4 == 2 ? 16 : 0) + 5 - i % 6;
        const unsigned source = pc2[i] - 1u;  // 0-27 in C, 28-55 in D, from the most significant bit
        const unsigned chunk = source / 7;
        const unsigned bit = 6 - source % 7;  // within the chunk's 7-bit value
        for (unsigned v = 0; v < 128; ++v) {
            if ((v >> bit) & 1u) out.t[chunk][v] |= std::uint32_t{1} << place;
        }
    }
    return out;
}

inline constexpr pc2_tables pc2_lookup = make_pc2();

// The cipher function f (FIPS 46-3 figure 2) of a rotated half and one round's two key words.
inline std::uint32_t f(std::uint32_t r, const std::uint32_t* k) noexcept {
    const std::uint32_t a = rotr(r, 4) ^ k[0];
    const std::uint32_t b = r ^ k[1];
    return sp.t[0][(a >> 24) & 0x3F] ^ sp.t[2][(a >> 16) & 0x3F] ^ sp.t[4][(a >> 8) & 0x3F] ^ sp.t[6][a & 0x3F] ^
           sp.t[1][(b >> 24) & 0x3F] ^ sp.t[3][(b >> 16) & 0x3F] ^ sp.t[5][(b >> 8) & 0x3F] ^ sp.t[7][b & 0x3F];
}

// One exchange of bits between two words: the bits of `a` under mask << n with those of `b` under mask.
inline void swap_bits(std::uint32_t& a, std::uint32_t& b, unsigned n, std::uint32_t mask) noexcept {
    const std::uint32_t t = ((a >> n) ^ b) & mask;
    b ^= t;
    a ^= t << n;
}

// The initial permutation IP on a block held as two big-endian words, as five exchanges of
// bit groups, leaving both halves rotated left by one; ip_inverse() undoes it (IP^-1).
inline void ip(std::uint32_t& l, std::uint32_t& r) noexcept {
    swap_bits(l, r, 4, 0x0F0F0F0F);
    swap_bits(l, r, 16, 0x0000FFFF);
    swap_bits(r, l, 2, 0x33333333);
    swap_bits(r, l, 8, 0x00FF00FF);
    r = rotl(r, 1);
    const std::uint32_t t = (l ^ r) & 0xAAAAAAAA;
    l ^= t;
    r ^= t;
    l = rotl(l, 1);
}

inline void ip_inverse(std::uint32_t& l, std::uint32_t& r) noexcept {
    r = rotr(r, 1);
    const std::uint32_t t = (l ^ r) & 0xAAAAAAAA;
    l ^= t;
    r ^= t;
    l = rotr(l, 1);
    swap_bits(l, r, 8, 0x00FF00FF);
    swap_bits(l, r, 2, 0x33333333);
    swap_bits(r, l, 16, 0x0000FFFF);
    swap_bits(r, l, 4, 0x0F0F0F0F);
}

// IP, the 16 rounds and IP^-1 on N independent blocks (hi: bytes 0-3, lo: bytes 4-7), which go
// through each round together so that their table reads overlap. Decryption takes the round
// keys in reverse order.
template <bool Decrypt, std::size_t N>
inline void crypt(std::uint32_t (&hi)[N], std::uint32_t (&lo)[N], const std::uint32_t* k) noexcept {
    std::uint32_t l[N], r[N];
    for (std::size_t j = 0; j < N; ++j) {
        l[j] = hi[j];
        r[j] = lo[j];
        ip(l[j], r[j]);
    }
    for (int i = 0; i < 8; ++i) {  // two rounds a turn, the halves swapping roles
        const std::uint32_t* first = Decrypt ? k + 30 - 4 * i : k + 4 * i;
        const std::uint32_t* second = Decrypt ? k + 28 - 4 * i : k + 4 * i + 2;
        for (std::size_t j = 0; j < N; ++j) l[j] ^= f(r[j], first);
        for (std::size_t j = 0; j < N; ++j) r[j] ^= f(l[j], second);
    }
    for (std::size_t j = 0; j < N; ++j) {
        ip_inverse(l[j], r[j]);
        hi[j] = r[j];
        lo[j] = l[j];
    }
}

}  // namespace detail

/// The 16 round keys of one DES key. A key is 8 bytes; the low bit of each byte (odd parity in
/// FIPS 46-3) is ignored, as by every implementation in use. Default-constructed, it holds the
/// all-zero key's schedule.
///
///     des::key_schedule ks;
///     if (auto r = des::key_schedule::make(key, ks); !r) ...;  // bad_key_length unless 8 bytes
///     ks.encrypt_block(in, out);
class key_schedule {
public:
    constexpr key_schedule() noexcept = default;

    /// The schedule of `key`, or bad_key_length (offset 0, field "key") when it is not 8 bytes.
    static result make(bytes key, key_schedule& out) noexcept {
        if (key.size() != key_size) return fail(errc::bad_key_length, 0, "key");
        out = key_schedule(load_be64(key.data()));
        return {errc{}, 0};
    }

    /// One 8-byte block; `in` and `out` may be the same bytes.
    void encrypt_block(const byte* in, byte* out) const noexcept { block<false>(in, out); }
    /// One 8-byte block; `in` and `out` may be the same bytes.
    void decrypt_block(const byte* in, byte* out) const noexcept { block<true>(in, out); }

    /// The same on N blocks, each held as two big-endian words (bytes 0-3, bytes 4-7), as the modes use it.
    template <bool Decrypt, std::size_t N>
    inline void crypt(std::uint32_t (&hi)[N], std::uint32_t (&lo)[N]) const noexcept {
        detail::crypt<Decrypt>(hi, lo, k_);
    }

private:
    // PC-1 bit by bit, then for each round the left shifts and PC-2 through pc2_tables (FIPS 46-3
    // appendix, "key schedule calculation"): shifts, masks and table reads, no branch on the key.
    explicit key_schedule(std::uint64_t key) noexcept {
        std::uint64_t cd = 0;
        for (unsigned i = 0; i < 56; ++i) cd |= ((key >> (64 - detail::pc1[i])) & 1u) << (55 - i);
        std::uint32_t c = static_cast<std::uint32_t>(cd >> 28);
        std::uint32_t d = static_cast<std::uint32_t>(cd & 0x0FFFFFFF);
        const auto& t = detail::pc2_lookup.t;
        for (unsigned round = 0; round < 16; ++round) {
            const unsigned n = detail::left_shifts[round];
            c = ((c << n) | (c >> (28 - n))) & 0x0FFFFFFF;
            d = ((d << n) | (d >> (28 - n))) & 0x0FFFFFFF;
            const std::uint32_t from_c = t[0][c >> 21] | t[1][(c >> 14) & 0x7F] | t[2][(c >> 7) & 0x7F] | t[3][c & 0x7F];
            const std::uint32_t from_d = t[4][d >> 21] | t[5][(d >> 14) & 0x7F] | t[6][(d >> 7) & 0x7F] | t[7][d & 0x7F];
            k_[2 * round] = (from_c & 0xFFFF0000) | (from_d >> 16);
            k_[2 * round + 1] = (from_c << 16) | (from_d & 0xFFFF);
        }
    }

    template <bool Decrypt>
    void block(const byte* in, byte* out) const noexcept {
        std::uint32_t hi[1] = {load_be32(in)}, lo[1] = {load_be32(in + 4)};
        crypt<Decrypt>(hi, lo);
        store_be32(out, hi[0]);
        store_be32(out + 4, lo[0]);
    }

    std::uint32_t k_[32] = {};
};

namespace detail {

inline bool is_padding_bad(const byte* last) noexcept {
    // PKCS#5 (RFC 8018 §6.1.1): n bytes of value n, 1 <= n <= 8. Checked without a branch on the
    // bytes, so the time taken does not say where the padding went wrong.
    const unsigned n = last[7];
    unsigned bad = static_cast<unsigned>((n - 1) >> 8) | static_cast<unsigned>((8 - n) >> 8);
    for (unsigned i = 0; i < 8; ++i) {
        const unsigned in_pad = static_cast<unsigned>((i - (8 - n)) >> 8) ^ 1u;  // 1 when i >= 8 - n
        bad |= in_pad & static_cast<unsigned>((last[i] ^ n) + 0xFF) >> 8;
    }
    return (bad & 1u) != 0;
}

// Encrypts `plain` and its padding: ECB when `iv` is null, CBC otherwise.
inline result encrypt(const key_schedule& ks, const byte* iv, bytes plain, writer& out) noexcept {
    const std::size_t total = padded_size(plain.size());
    byte* dst = out.claim(total);
    if (dst == nullptr) return out.finish();
    std::uint32_t hi[1] = {0}, lo[1] = {0};
    if (iv != nullptr) {
        hi[0] = load_be32(iv);
        lo[0] = load_be32(iv + 4);
    }
    const std::uint32_t chain = iv != nullptr ? ~std::uint32_t{0} : 0;
    const byte* src = plain.data();
    const std::size_t whole = plain.size() / block_size;
    byte last[block_size];
    const std::size_t tail = plain.size() % block_size;
    if (tail != 0) std::memcpy(last, src + whole * block_size, tail);
    std::memset(last + tail, static_cast<int>(block_size - tail), block_size - tail);
    for (std::size_t b = 0; b <= whole; ++b) {
        const byte* in = b < whole ? src + b * block_size : last;
        hi[0] = (hi[0] & chain) ^ load_be32(in);
        lo[0] = (lo[0] & chain) ^ load_be32(in + 4);
        ks.crypt<false>(hi, lo);
        store_be32(dst + b * block_size, hi[0]);
        store_be32(dst + b * block_size + 4, lo[0]);
    }
    return {errc{}, total};
}

// Decrypts the N blocks at src into dst, each XORed in CBC (chain all ones) with the cipher
// block before it, `prev` for the first; `prev` is left at the last. All N are read before any
// is written, so dst may be src.
template <std::size_t N>
inline void decrypt_blocks(const key_schedule& ks, const byte* src, byte* dst, std::uint32_t (&prev)[2],
                           std::uint32_t chain) noexcept {
    std::uint32_t c[N + 1][2], hi[N], lo[N];
    c[0][0] = prev[0];
    c[0][1] = prev[1];
    for (std::size_t j = 0; j < N; ++j) {
        hi[j] = c[j + 1][0] = load_be32(src + j * block_size);
        lo[j] = c[j + 1][1] = load_be32(src + j * block_size + 4);
    }
    ks.crypt<true>(hi, lo);
    for (std::size_t j = 0; j < N; ++j) {
        store_be32(dst + j * block_size, hi[j] ^ (c[j][0] & chain));
        store_be32(dst + j * block_size + 4, lo[j] ^ (c[j][1] & chain));
    }
    prev[0] = c[N][0];
    prev[1] = c[N][1];
}

// Decrypts `cipher`, checks and strips its padding: ECB when `iv` is null, CBC otherwise. The
// last block is decrypted first, so that nothing is written when the padding is bad; the
// others, independent of each other once decrypted, go four at a time.
inline result decrypt(const key_schedule& ks, const byte* iv, bytes cipher, writer& out) noexcept {
    const std::size_t n = cipher.size();
    if (n % block_size != 0 || n == 0) return fail(errc::bad_block_length, n - n % block_size, "cipher");
    const byte* src = cipher.data();
    const std::uint32_t chain = iv != nullptr ? ~std::uint32_t{0} : 0;
    const std::size_t whole = n / block_size - 1;  // the blocks before the last
    std::uint32_t prev[2] = {0, 0};
    if (iv != nullptr) {
        const byte* before_last = whole == 0 ? iv : src + (whole - 1) * block_size;
        prev[0] = load_be32(before_last);
        prev[1] = load_be32(before_last + 4);
    }
    byte last[block_size];
    decrypt_blocks<1>(ks, src + whole * block_size, last, prev, chain);
    if (is_padding_bad(last)) return fail(errc::bad_cipher_padding, n - block_size, "cipher");
    const std::size_t size = n - last[7];
    byte* dst = out.claim(size);
    if (dst == nullptr) return out.finish();
    prev[0] = iv != nullptr ? load_be32(iv) : 0;
    prev[1] = iv != nullptr ? load_be32(iv + 4) : 0;
    std::size_t b = 0;
    for (; b + 4 <= whole; b += 4) decrypt_blocks<4>(ks, src + b * block_size, dst + b * block_size, prev, chain);
    for (; b < whole; ++b) decrypt_blocks<1>(ks, src + b * block_size, dst + b * block_size, prev, chain);
    if (size > whole * block_size) std::memcpy(dst + whole * block_size, last, size - whole * block_size);
    return {errc{}, size};
}

inline result check_iv(bytes iv) noexcept {
    return iv.size() == block_size ? result{} : fail(errc::bad_iv_length, 0, "iv");
}

}  // namespace detail

/// Encryption writes padded_size(plain.size()) bytes; decryption writes the plain text without its
/// padding. Success: offset = bytes written; buffer_too_small: offset = the size the writer needs.
/// Errors, in this order: bad_key_length (field "key") and bad_iv_length (field "iv") at offset 0;
/// on decryption bad_block_length when the cipher text is empty or not whole blocks (offset: the
/// incomplete block), then bad_cipher_padding (offset: the last block), with nothing written.
/// The output may be the input itself (in place), with room for the padding when encrypting.

///@{
inline result encrypt_ecb(const key_schedule& ks, bytes plain, writer& out) noexcept {
    return detail::encrypt(ks, nullptr, plain, out);
}
inline result decrypt_ecb(const key_schedule& ks, bytes cipher, writer& out) noexcept {
    return detail::decrypt(ks, nullptr, cipher, out);
}
inline result encrypt_cbc(const key_schedule& ks, bytes iv, bytes plain, writer& out) noexcept {
    if (result r = detail::check_iv(iv); !r) return r;
    return detail::encrypt(ks, iv.data(), plain, out);
}
inline result decrypt_cbc(const key_schedule& ks, bytes iv, bytes cipher, writer& out) noexcept {
    if (result r = detail::check_iv(iv); !r) return r;
    return detail::decrypt(ks, iv.data(), cipher, out);
}

inline result encrypt_ecb(bytes key, bytes plain, writer& out) noexcept {
    key_schedule ks;
    if (result r = key_schedule::make(key, ks); !r) return r;
    return encrypt_ecb(ks, plain, out);
}
inline result decrypt_ecb(bytes key, bytes cipher, writer& out) noexcept {
    key_schedule ks;
    if (result r = key_schedule::make(key, ks); !r) return r;
    return decrypt_ecb(ks, cipher, out);
}
inline result encrypt_cbc(bytes key, bytes iv, bytes plain, writer& out) noexcept {
    key_schedule ks;
    if (result r = key_schedule::make(key, ks); !r) return r;
    return encrypt_cbc(ks, iv, plain, out);
}
inline result decrypt_cbc(bytes key, bytes iv, bytes cipher, writer& out) noexcept {
    key_schedule ks;
    if (result r = key_schedule::make(key, ks); !r) return r;
    return decrypt_cbc(ks, iv, cipher, out);
}
///@}

/// The SMS platform's convention (the Java client's `new IvParameterSpec(key)`): the IV is the
/// key. Only with it does the spec's example come out: "jishu01", key "12345678" -> LW4Zjb8dOww=.
///@{
inline result encrypt_cbc(bytes key, bytes plain, writer& out) noexcept { return encrypt_cbc(key, key, plain, out); }
inline result decrypt_cbc(bytes key, bytes cipher, writer& out) noexcept {
    return decrypt_cbc(key, key, cipher, out);
}
///@}

}  // namespace smsgw::codec::des
