#pragma once

#include <cstddef>
#include <cstdint>

#include "smsgw/charset/encoding.hpp"
#include "smsgw/charset/tables/windows_1252.hpp"
#include "smsgw/core/span.hpp"

// windows-1252 (Encoding Standard §9, single-byte): every byte decodes (0x81, 0x8D, 0x8F, 0x90
// and 0x9D to the C1 control of the same value), so only the encoder can fail.
namespace smsgw::charset::detail {

struct windows_1252_codec {
    // No two-byte sequences: the fast paths of convert.hpp leave every non-ASCII byte and
    // code point to decode() and encode().
    static constexpr char32_t two_byte(unsigned, unsigned) noexcept { return 0; }
    static constexpr std::uint16_t bmp_two_bytes(char32_t) noexcept { return 0; }
    static constexpr std::size_t pointers = 0;
    static constexpr std::uint32_t utf8[1] = {0};
    static constexpr std::size_t pointer_or_end(unsigned, unsigned) noexcept { return 0; }

    static step decode(const byte* p, std::size_t) noexcept {
        const unsigned b = p[0];
        return decoded(1, b < 0x80 ? char32_t{b} : char32_t{tables::windows_1252_code_point[b - 0x80]});
    }

    // For cp >= 0x80: the byte whose index entry is cp at o, or nullptr.
    static byte* encode(char32_t cp, byte* o) noexcept {
        if (cp < 0x100 && tables::windows_1252_code_point[cp - 0x80] == cp) {
            *o = static_cast<byte>(cp);
            return o + 1;
        }
        for (std::size_t i = 0; i < 32; ++i) {
            if (tables::windows_1252_code_point[i] == cp) {
                *o = static_cast<byte>(0x80 + i);
                return o + 1;
            }
        }
        return nullptr;
    }
};

}  // namespace smsgw::charset::detail
