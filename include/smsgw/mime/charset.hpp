#pragma once

// The charsets decoded without tables: UTF-8, US-ASCII and ISO-8859-1. Any other label is
// `charset::other`: its octets are handed back as they are, with the label, never guessed.
#include <cstdint>
#include <string_view>

#include "smsgw/codec/utf8.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/detail/mime_syntax.hpp"
#include "smsgw/mime/options.hpp"

namespace smsgw::mime {

enum class charset : unsigned char {
    utf8,
    us_ascii,
    latin1,  // ISO-8859-1 read as windows-1252, as WHATWG and mail-parser do (=80 is the euro sign)
    other,
};

// The charset a label names (RFC 2978 names and their usual aliases, any case).
constexpr charset classify_charset(std::string_view label) noexcept {
    using smsgw::detail::mime::iequals;
    if (iequals(label, "utf-8") || iequals(label, "utf8")) return charset::utf8;
    if (iequals(label, "us-ascii") || iequals(label, "ascii") || iequals(label, "ansi_x3.4-1968"))
        return charset::us_ascii;
    if (iequals(label, "iso-8859-1") || iequals(label, "iso8859-1") || iequals(label, "latin1") ||
        iequals(label, "iso_8859-1") || iequals(label, "windows-1252") || iequals(label, "cp1252"))
        return charset::latin1;
    return charset::other;
}

namespace detail {
// windows-1252 0x80..0x9F; the five unassigned bytes map to the C1 control of the same value.
inline constexpr std::uint16_t cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

inline void put_cp1252(unsigned char b, writer& out) noexcept {
    char32_t cp = b >= 0x80 && b < 0xA0 ? char32_t{cp1252_high[b - 0x80]} : char32_t{b};
    codec::utf8::put(cp, out);
}
}  // namespace detail

// Converts octets of a built-in charset to UTF-8 (charset::other is copied unchanged).
// Strict: invalid UTF-8 is errc::invalid_utf8 and 8-bit bytes in US-ASCII errc::bad_character,
// with the offset in `octets`. Tolerant: invalid UTF-8 bytes become U+FFFD one by one and
// 8-bit bytes labelled US-ASCII are read as windows-1252. Success: offset = bytes written.
inline result to_utf8(charset cs, std::string_view octets, writer& out, mode m = mode::strict) noexcept {
    const std::size_t before = out.size();
    switch (cs) {
    case charset::other:
        out.write(octets);
        break;
    case charset::utf8: {
        std::string_view rest = octets;
        std::size_t done = 0;
        while (!rest.empty()) {
            result r = codec::utf8::validate(rest);
            if (r) {
                out.write(rest);
                break;
            }
            if (m == mode::strict) return fail(errc::invalid_utf8, done + r.offset);
            out.write(rest.substr(0, r.offset));
            codec::utf8::put(U'\uFFFD', out);
            rest.remove_prefix(r.offset + 1);
            done += r.offset + 1;
        }
        break;
    }
    case charset::us_ascii:
    case charset::latin1: {
        std::size_t start = 0;
        for (std::size_t i = 0; i < octets.size(); ++i) {
            auto b = static_cast<unsigned char>(octets[i]);
            if (b < 0x80) continue;
            if (cs == charset::us_ascii && m == mode::strict) return fail(errc::bad_character, i);
            out.write(octets.substr(start, i - start));
            detail::put_cp1252(b, out);
            start = i + 1;
        }
        out.write(octets.substr(start));
        break;
    }
    }
    if (out.overflowed()) return out.finish();
    return result{errc{}, out.size() - before};
}

}  // namespace smsgw::mime
