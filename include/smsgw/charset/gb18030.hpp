#pragma once

#include <cstddef>
#include <cstdint>

#include "smsgw/charset/encoding.hpp"
#include "smsgw/charset/tables/gb18030.hpp"
#include "smsgw/core/endian.hpp"
#include "smsgw/core/inline.hpp"

// gb18030 and GBK (Encoding Standard §10): one decoder for both, and the encoder with its
// "is GBK" flag.
namespace smsgw::charset::detail {

// Trail bytes 0x40-0x7E and 0x80-0xFE (§10.2.1 step 5.3).
inline constexpr trail_columns gb18030_trail = make_trail_columns(0x80, 0x41);

constexpr std::size_t gb18030_ranges_count = sizeof tables::gb18030_range_pointer / sizeof tables::gb18030_range_pointer[0];

// "index gb18030 ranges code point" (§5): 0 for null.
inline char32_t gb18030_ranges_code_point(std::uint32_t pointer) noexcept {
    if ((pointer > 39419 && pointer < 189000) || pointer > 1237575) return 0;
    if (pointer == 7457) return 0xE7C7;
    // The last range whose first pointer is <= pointer.
    std::size_t lo = 0;
    std::size_t hi = gb18030_ranges_count;
    while (hi - lo > 1) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (tables::gb18030_range_pointer[mid] <= pointer) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return tables::gb18030_range_code_point[lo] + (pointer - tables::gb18030_range_pointer[lo]);
}

// "index gb18030 ranges pointer" (§5), for a code point the two-byte index lacks.
inline std::uint32_t gb18030_ranges_pointer(char32_t cp) noexcept {
    if (cp == 0xE7C7) return 7457;
    if (cp >= 0x10000) return 189000 + (cp - 0x10000);
    std::size_t lo = 0;
    std::size_t hi = gb18030_ranges_count;
    while (hi - lo > 1) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (tables::gb18030_range_code_point[mid] <= cp) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return tables::gb18030_range_pointer[lo] + (cp - tables::gb18030_range_code_point[lo]);
}

// The two bytes (lead << 8 | trail) of a BMP code point, or 0: index gb18030 pointer, and the
// encoder's GB18030-2022 table of PUA code points (step 5), folded into one table.
inline std::uint16_t gb18030_two_bytes(char32_t cp) noexcept {
    const std::size_t block = tables::gb18030_encode_top[cp >> 6];
    return tables::gb18030_encode_blocks[block * 64 + (cp & 63)];
}

struct gb18030_codec {
    bool gbk = false;  // the encoder's "is GBK"

    static constexpr bool in(unsigned b, unsigned lo, unsigned hi) noexcept { return b >= lo && b <= hi; }

    // The code point of a two-byte sequence, or 0 for any other bytes: the fast path of decode()
    // for the characters put_utf8_3 (convert.hpp) leaves to it.
    static SMSGW_ALWAYS_INLINE char32_t two_byte(unsigned lead, unsigned trail) noexcept {
        return table_code_point(tables::gb18030_utf8[pointer_or_end(lead, trail)]);
    }

    // The index's pointers, its UTF-8 table (a last entry 0 past them), and the pointer of a
    // two-byte sequence or `pointers` for bytes that are none.
    static constexpr std::size_t pointers = sizeof tables::gb18030_utf8 / sizeof tables::gb18030_utf8[0] - 1;
    static constexpr const std::uint32_t* utf8 = tables::gb18030_utf8;
    static SMSGW_ALWAYS_INLINE std::size_t pointer_or_end(unsigned lead, unsigned trail) noexcept {
        const unsigned col = gb18030_trail.column[trail];
        const bool pair = lead - 0x81 <= 0xFE - 0x81 && col != 0xFF;
        return pair ? (lead - 0x81) * 190 + col : pointers;
    }

    // gb18030 decoder (§10.2.1), one sequence from p[0] (p[0] >= 0x80; avail >= 1).
    static step decode(const byte* p, std::size_t avail) noexcept {
        const unsigned b0 = p[0];
        if (b0 < 0x80) return decoded(1, b0);
        if (b0 == 0x80) return decoded(1, 0x20AC);
        if (b0 == 0xFF) return refused(1, errc::bad_sequence);
        if (avail < 2) return need_more();
        const unsigned b1 = p[1];
        const unsigned col = gb18030_trail.column[b1];
        if (col != 0xFF) return decoded(2, table_code_point(tables::gb18030_utf8[(b0 - 0x81) * 190 + col]));
        if (!in(b1, 0x30, 0x39)) return refused(b1 < 0x80 ? 1 : 2, errc::bad_sequence);  // an ASCII trail is read again
        // Four bytes: lead, 0x30-0x39, 0x81-0xFE, 0x30-0x39. A bad third or fourth byte consumes
        // only the first: the second, third and the byte are read again.
        if (avail < 3) return need_more();
        if (!in(p[2], 0x81, 0xFE)) return refused(1, errc::bad_sequence);
        if (avail < 4) return need_more();
        if (!in(p[3], 0x30, 0x39)) return refused(1, errc::bad_sequence);
        const std::uint32_t pointer = (b0 - 0x81) * (10 * 126 * 10) + (b1 - 0x30) * (10 * 126) +
                                      (p[2] - 0x81u) * 10 + (p[3] - 0x30u);
        const char32_t cp = gb18030_ranges_code_point(pointer);
        return cp != 0 ? decoded(4, cp) : refused(4, errc::unmappable);
    }

    // The two bytes of a BMP code point, or 0 when it has none or not two (U+20AC in GBK).
    SMSGW_ALWAYS_INLINE std::uint16_t bmp_two_bytes(char32_t cp) const noexcept {
        return gbk && cp == 0x20AC ? 0 : gb18030_two_bytes(cp);
    }

    // gb18030 encoder (§10.2.2) for cp >= 0x80: writes at most 4 bytes at o and returns their
    // end, or nullptr when the encoding lacks cp.
    SMSGW_ALWAYS_INLINE byte* encode(char32_t cp, byte* o) const noexcept {
        if (cp < 0x10000) {
            if (cp == 0xE5E5) return nullptr;  // A3 A0 decodes to U+3000; U+E5E5 has no bytes
            if (gbk && cp == 0x20AC) {
                *o = 0x80;
                return o + 1;
            }
            if (const std::uint16_t two = bmp_two_bytes(cp)) {
                store_be16(o, two);
                return o + 2;
            }
        }
        if (gbk) return nullptr;
        std::uint32_t pointer = gb18030_ranges_pointer(cp);
        o[0] = static_cast<byte>(pointer / (10 * 126 * 10) + 0x81);
        pointer %= 10 * 126 * 10;
        o[1] = static_cast<byte>(pointer / (10 * 126) + 0x30);
        pointer %= 10 * 126;
        o[2] = static_cast<byte>(pointer / 10 + 0x81);
        o[3] = static_cast<byte>(pointer % 10 + 0x30);
        return o + 4;
    }
};

}  // namespace smsgw::charset::detail
