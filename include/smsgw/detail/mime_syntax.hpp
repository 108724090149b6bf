#pragma once

// Character classes and small scanners shared by the smsgw::mime headers (RFC 5322, RFC 2045).
#include <cstddef>
#include <cstring>
#include <string_view>

#include "smsgw/codec/ascii.hpp"

namespace smsgw::detail::mime {

constexpr bool is_wsp(char c) noexcept { return codec::ascii::is_blank(c); }  // RFC 5234 WSP: SP, HT
constexpr bool is_eol_char(char c) noexcept { return c == '\r' || c == '\n'; }

// RFC 2045 §5.1 tspecials, plus SP and CTLs: what ends a token.
constexpr bool is_tspecial(char c) noexcept {
    switch (c) {
    case '(': case ')': case '<': case '>': case '@': case ',': case ';': case ':':
    case '\\': case '"': case '/': case '[': case ']': case '?': case '=':
        return true;
    default:
        return false;
    }
}
constexpr bool is_token_char(char c) noexcept {
    auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7F && !is_tspecial(c);
}
// RFC 5322 §3.6.8 ftext: printable US-ASCII except ':' (so IMSP's `Content_number` is legal).
constexpr bool is_ftext(char c) noexcept {
    auto u = static_cast<unsigned char>(c);
    return u >= 33 && u <= 126 && c != ':';
}

// Case folding, case-insensitive names and hex digits (either case, as RFC 2045 §6.7 rule 1
// asks readers to accept) are codec::ascii's.
using codec::ascii::iequals;

// A header value without the blanks and line ends around it (FF is not one of them).
constexpr std::string_view trim_wsp(std::string_view s) noexcept {
    return codec::ascii::trim(s, [](char c) { return is_wsp(c) || is_eol_char(c); });
}

// Offset of the first occurrence of `needle` in `hay` at or after `from`, or npos.
inline std::size_t find(std::string_view hay, std::string_view needle, std::size_t from = 0) noexcept {
    if (needle.empty()) return from <= hay.size() ? from : std::string_view::npos;
    while (from + needle.size() <= hay.size()) {
        const void* p = std::memchr(hay.data() + from, needle[0], hay.size() - from - needle.size() + 1);
        if (!p) return std::string_view::npos;
        std::size_t at = static_cast<std::size_t>(static_cast<const char*>(p) - hay.data());
        if (std::memcmp(hay.data() + at, needle.data(), needle.size()) == 0) return at;
        from = at + 1;
    }
    return std::string_view::npos;
}

// Length of the line end at `pos` (2 for CRLF, 1 for a bare LF, 0 for none).
constexpr std::size_t eol_length(std::string_view s, std::size_t pos) noexcept {
    if (pos < s.size() && s[pos] == '\n') return 1;
    if (pos + 1 < s.size() && s[pos] == '\r' && s[pos + 1] == '\n') return 2;
    return 0;
}

}  // namespace smsgw::detail::mime
