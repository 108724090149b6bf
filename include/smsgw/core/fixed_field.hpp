#pragma once

#include <string_view>

#include "smsgw/core/error.hpp"
#include "smsgw/core/writer.hpp"

namespace smsgw {

/// How a fixed-width Octet String is filled when its value is shorter (CMPP 2.0 table 8.1:
/// "如果左补 0 则补 ASCII 表示的零，如果右补 0 则补二进制的零").
enum class pad : unsigned char {
    nul_right,   ///< value then binary zeros: most fields
    zero_left,   ///< ASCII '0's then the value: Source_Id, Destination_Id (table 8.17)
};

/// The value of a raw fixed-width field: the padding is trimmed, everything else is kept,
/// so writing the value back with write_fixed() gives the same bytes. A field filled to its
/// last byte has no padding; bytes after an embedded NUL stay part of the value.
constexpr std::string_view trim_fixed(std::string_view raw, pad p = pad::nul_right) noexcept {
    if (p == pad::nul_right) {
        std::size_t n = raw.size();
        while (n != 0 && raw[n - 1] == '\0') --n;
        return raw.substr(0, n);
    }
    std::size_t i = 0;
    while (i < raw.size() && raw[i] == '0') ++i;
    return raw.substr(i);
}

/// Writes `value` padded to exactly `width` bytes; a longer value is refused, never cut.
inline result write_fixed(writer& w, std::string_view value, std::size_t width, pad p = pad::nul_right,
                          const char* field = nullptr) noexcept {
    if (value.size() > width) return fail(errc::field_too_long, w.size(), field);
    if (p == pad::zero_left) w.fill(static_cast<byte>('0'), width - value.size());
    w.write(value);
    if (p == pad::nul_right) w.fill(0, width - value.size());
    return {};
}

}  // namespace smsgw
