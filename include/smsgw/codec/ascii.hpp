#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

/// ASCII character classes, case folding, trimming and hex digits: the one copy every text
/// format of smsgw uses (form bodies, vendor replies, MIME headers, JSON escapes, hex fields).
namespace smsgw::codec::ascii {

/// '0' to '9'.
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
/// 'A' to 'Z' and 'a' to 'z'.
constexpr bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_printable(char c) noexcept { return c >= 0x20 && c <= 0x7E; }  ///< SP to '~'
/// SP and HT: RFC 5234 WSP, the blanks inside a header or a reply line.
constexpr bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }
/// SP, HT, CR, LF, FF: HTML and WHATWG "ASCII whitespace", what trim() removes.
constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

/// ASCII case folding; other bytes are returned as they are.
///@{
constexpr char to_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr char to_upper(char c) noexcept { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
///@}

/// ASCII case-insensitive comparisons (bytes above 0x7F compare exactly).
///@{
constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (to_lower(a[i]) != to_lower(b[i])) return false;
    }
    return true;
}
constexpr bool istarts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}
constexpr bool starts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.substr(0, prefix.size()) == prefix;
}
///@}

/// `s` without the bytes `drop` accepts at either end (is_space by default).
///@{
template <class Pred>
constexpr std::string_view trim(std::string_view s, Pred drop) noexcept {
    while (!s.empty() && drop(s.front())) s.remove_prefix(1);
    while (!s.empty() && drop(s.back())) s.remove_suffix(1);
    return s;
}
constexpr std::string_view trim(std::string_view s) noexcept {
    return trim(s, [](char c) constexpr noexcept { return is_space(c); });
}
///@}

namespace detail {
struct hex_table {
    unsigned char value[256];
};
constexpr hex_table make_hex_table() noexcept {
    hex_table t{};
    for (auto& v : t.value) v = 0xFF;
    for (unsigned char d = 0; d < 10; ++d) t.value['0' + d] = d;
    for (unsigned char d = 0; d < 6; ++d) {
        t.value['a' + d] = static_cast<unsigned char>(10 + d);
        t.value['A' + d] = static_cast<unsigned char>(10 + d);
    }
    return t;
}

// Whether every byte of the word `x` whose lane is set in `lanes` (0x80 in each such byte) is in
// Lo..Hi (both below 0x80), eight bytes at once: bytes below 0x80 add without a carry between
// them, and a byte at 0x80 or above fails its own lane, so that a carry out of it cannot make a
// word pass (codec/fields.hpp's digits and printable checks, codec/datetime.hpp's fixed shapes).
template <unsigned char Lo, unsigned char Hi>
constexpr bool word_in_range(std::uint64_t x, std::uint64_t lanes = 0x8080808080808080u) noexcept {
    static_assert(Lo <= Hi && Hi < 0x80);
    constexpr std::uint64_t ones = 0x0101010101010101u;
    const std::uint64_t at_least_lo = x + ones * (0x80u - Lo);  // high bit: byte >= Lo
    const std::uint64_t above_hi = x + ones * (0x7Fu - Hi);     // high bit: byte > Hi
    return (at_least_lo & ~above_hi & ~x & lanes) == lanes;
}
}  // namespace detail

/// The value of every byte as a hex digit of either case, or no_hex: the one table that hex,
/// percent, quoted-printable and JSON `\u` decoding all read.
///@{
inline constexpr unsigned char no_hex = 0xFF;
inline constexpr detail::hex_table hex_digits = detail::make_hex_table();
constexpr unsigned hex_value(char c) noexcept { return hex_digits.value[static_cast<unsigned char>(c)]; }
constexpr bool is_hex(char c) noexcept { return hex_value(c) != no_hex; }
///@}

}  // namespace smsgw::codec::ascii
