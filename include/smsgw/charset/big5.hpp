#pragma once

#include <cstddef>
#include <cstdint>

#include "smsgw/charset/encoding.hpp"
#include "smsgw/charset/tables/big5.hpp"
#include "smsgw/core/endian.hpp"
#include "smsgw/core/inline.hpp"

// Big5 (Encoding Standard §11): the index is Big5 with the HKSCS extension (lead bytes
// 0x81-0xFE), which the decoder reads whole; the encoder writes none of the pointers below
// (0xA1 - 0x81) * 157, so that it emits what Big5 (CP950-era) peers read.
namespace smsgw::charset::detail {

// Trail bytes 0x40-0x7E and 0xA1-0xFE (§11.1.1 step 3.1).
inline constexpr trail_columns big5_trail = make_trail_columns(0xA1, 0x62);

// The bytes (lead << 8 | trail) of cp in plane 2, or 0.
inline std::uint16_t big5_plane2_bytes(char32_t cp) noexcept {
    constexpr std::size_t n = sizeof tables::big5_encode_plane2_code_point / sizeof tables::big5_encode_plane2_code_point[0];
    const char32_t key = cp - 0x20000;
    std::size_t lo = 0;
    std::size_t hi = n;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (tables::big5_encode_plane2_code_point[mid] < key) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo < n && tables::big5_encode_plane2_code_point[lo] == key ? tables::big5_encode_plane2_bytes[lo] : 0;
}

struct big5_codec {
    // The code point of a two-byte sequence, or 0 for any other bytes (and for the four pointers
    // of two code points, which the index leaves empty): the fast path of decode() for the
    // characters put_utf8_3 (convert.hpp) leaves to it.
    static SMSGW_ALWAYS_INLINE char32_t two_byte(unsigned lead, unsigned trail) noexcept {
        return table_code_point(tables::big5_utf8[pointer_or_end(lead, trail)]);
    }

    // The index's pointers, its UTF-8 table (a last entry 0 past them), and the pointer of a
    // two-byte sequence or `pointers` for bytes that are none.
    static constexpr std::size_t pointers = sizeof tables::big5_utf8 / sizeof tables::big5_utf8[0] - 1;
    static constexpr const std::uint32_t* utf8 = tables::big5_utf8;
    static SMSGW_ALWAYS_INLINE std::size_t pointer_or_end(unsigned lead, unsigned trail) noexcept {
        const unsigned col = big5_trail.column[trail];
        const bool pair = lead - 0x81 <= 0xFE - 0x81 && col != 0xFF;
        return pair ? (lead - 0x81) * 157 + col : pointers;
    }

    // Big5 decoder (§11.1.1), one sequence from p[0] (avail >= 1).
    static step decode(const byte* p, std::size_t avail) noexcept {
        const unsigned b0 = p[0];
        if (b0 < 0x80) return decoded(1, b0);
        if (b0 == 0x80 || b0 == 0xFF) return refused(1, errc::bad_sequence);
        if (avail < 2) return need_more();
        const unsigned b1 = p[1];
        const unsigned col = big5_trail.column[b1];
        if (col == 0xFF) return refused(b1 < 0x80 ? 1 : 2, errc::bad_sequence);  // an ASCII trail is read again
        const std::size_t pointer = (b0 - 0x81) * 157 + col;
        // Four pointers decode to two code points each (Ê̄, Ê̌, ê̄, ê̌).
        switch (pointer) {
        case 1133: return decoded(2, 0x00CA, 0x0304);
        case 1135: return decoded(2, 0x00CA, 0x030C);
        case 1164: return decoded(2, 0x00EA, 0x0304);
        case 1166: return decoded(2, 0x00EA, 0x030C);
        default: break;
        }
        const char32_t cp = table_code_point(tables::big5_utf8[pointer]);
        if (cp != 0) return decoded(2, cp);
        return refused(b1 < 0x80 ? 1 : 2, errc::unmappable);
    }

    // The two bytes of a BMP code point, or 0.
    static SMSGW_ALWAYS_INLINE std::uint16_t bmp_two_bytes(char32_t cp) noexcept {
        const std::size_t block = tables::big5_encode_top[cp >> 6];
        return tables::big5_encode_blocks[block * 64 + (cp & 63)];
    }

    // Big5 encoder (§11.1.2) for cp >= 0x80: writes 2 bytes at o and returns their end, or
    // nullptr when the encoding lacks cp.
    static SMSGW_ALWAYS_INLINE byte* encode(char32_t cp, byte* o) noexcept {
        std::uint16_t two = 0;
        if (cp < 0x10000) {
            two = bmp_two_bytes(cp);
        } else if ((cp >> 16) == 2) {
            two = big5_plane2_bytes(cp);
        }
        if (two == 0) return nullptr;
        store_be16(o, two);
        return o + 2;
    }
};

}  // namespace smsgw::charset::detail
