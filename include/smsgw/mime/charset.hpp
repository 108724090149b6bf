#pragma once

// The charsets MIME text is decoded from: UTF-8, US-ASCII and ISO-8859-1 (as windows-1252)
// without tables, and the Chinese ones through smsgw::charset (GBK, GB18030, Big5, under every
// WHATWG label: gb2312, x-gbk, cp936, big5-hkscs, ...). Any other label is `charset::other`: its
// octets are handed back as they are, with the label, never guessed.
#include <cstdint>
#include <string_view>

#include "smsgw/charset/convert.hpp"
#include "smsgw/charset/encoding.hpp"
#include "smsgw/charset/stream.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/detail/mime_syntax.hpp"
#include "smsgw/mime/options.hpp"

namespace smsgw::mime {

/// The charsets a text part may be decoded from.
enum class charset : unsigned char {
    utf8,
    us_ascii,
    latin1,  ///< ISO-8859-1 read as windows-1252, as WHATWG and mail-parser do (=80 is the euro sign)
    gbk,     ///< gb2312, gbk, cp936, x-gbk, ...: the WHATWG gbk decoder (GB18030's, which reads all of them)
    gb18030,
    big5,    ///< big5, big5-hkscs, cn-big5, x-x-big5, ...: Big5 with HKSCS, as browsers read it
    other,
};

/// The charset a label names, any case: RFC 2978 names and their usual aliases, then every label
/// of the WHATWG Encoding Standard (US-ASCII stays ASCII here, where WHATWG reads it as
/// windows-1252: strict mode refuses its 8-bit bytes).
constexpr charset classify_charset(std::string_view label) noexcept {
    using smsgw::detail::mime::iequals;
    if (iequals(label, "utf-8") || iequals(label, "utf8")) return charset::utf8;
    if (iequals(label, "us-ascii") || iequals(label, "ascii") || iequals(label, "ansi_x3.4-1968"))
        return charset::us_ascii;
    // Microsoft's and Python's names, met in mail, that the Standard does not list.
    if (iequals(label, "cp936") || iequals(label, "ms936") || iequals(label, "windows-936")) return charset::gbk;
    if (iequals(label, "cp950") || iequals(label, "ms950") || iequals(label, "big5hkscs")) return charset::big5;
    const smsgw::charset::label_match m = smsgw::charset::from_label(label);
    if (!m.ok()) return charset::other;
    switch (m.enc) {
    case smsgw::charset::encoding::utf8: return charset::utf8;
    case smsgw::charset::encoding::gbk: return charset::gbk;
    case smsgw::charset::encoding::gb18030: return charset::gb18030;
    case smsgw::charset::encoding::big5: return charset::big5;
    case smsgw::charset::encoding::windows_1252: break;
    }
    return charset::latin1;
}

/// Whether a character of cs may take more than one byte, so that octets cut between two
/// encoded-words or two RFC 2231 sections must be decoded as one stream.
constexpr bool is_multibyte(charset cs) noexcept {
    return cs == charset::gbk || cs == charset::gb18030 || cs == charset::big5;
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

constexpr smsgw::charset::encoding multibyte_encoding(charset cs) noexcept {
    return cs == charset::gbk ? smsgw::charset::encoding::gbk
           : cs == charset::gb18030 ? smsgw::charset::encoding::gb18030
                                    : smsgw::charset::encoding::big5;
}
}  // namespace detail

/// Converts octets of a built-in charset to UTF-8 (charset::other is copied unchanged).
/// Strict: invalid UTF-8 is errc::invalid_utf8, 8-bit bytes in US-ASCII errc::bad_character and
/// a malformed GBK, GB18030 or Big5 sequence errc::bad_sequence (errc::truncated when the octets
/// end inside one), with the offset in `octets`. Tolerant: invalid UTF-8 bytes become U+FFFD one
/// by one, 8-bit bytes labelled US-ASCII are read as windows-1252, and a malformed multi-byte
/// sequence is one U+FFFD where the Encoding Standard writes it. Success: offset = bytes written.
inline result to_utf8(charset cs, std::string_view octets, writer& out, mode m = mode::strict) noexcept {
    const std::size_t before = out.size();
    switch (cs) {
    case charset::gbk:
    case charset::gb18030:
    case charset::big5: {
        const smsgw::charset::outcome r = smsgw::charset::decode(detail::multibyte_encoding(cs), octets, out, m);
        if (!r && r.ec != errc::buffer_too_small) return fail(r.ec, r.offset);
        break;
    }
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

/// Octets of one charset converted chunk by chunk as one stream: a GBK, GB18030 or Big5
/// character cut between two chunks (two encoded-words of a run, two RFC 2231 sections) joins
/// up. UTF-8 and charset::other octets are written as they are (the caller validates UTF-8 over
/// the whole run); single-byte charsets convert as to_utf8() does in tolerant mode.
class text_stream {
public:
    /// Decodes text of `cs` in mode m.
    text_stream(charset cs, mode m) noexcept
        : cs_(cs), decoder_(detail::multibyte_encoding(is_multibyte(cs) ? cs : charset::gbk), m) {}

    /// Converts `octets` after what came before. Errors (multi-byte charsets, strict) as
    /// to_utf8()'s, their offset counted from the start of the stream.
    result put(std::string_view octets, writer& out) noexcept {
        if (is_multibyte(cs_)) return check(decoder_.decode(octets, out));
        if (cs_ == charset::utf8 || cs_ == charset::other) {
            out.write(octets);
            return {};
        }
        to_utf8(cs_, octets, out, mode::tolerant);  // cannot fail: a short writer only overflows
        return {};
    }
    /// Ends the stream: a sequence left unfinished is errc::truncated (strict) or U+FFFD.
    result finish(writer& out) noexcept { return is_multibyte(cs_) ? check(decoder_.finish(out)) : result{}; }
    /// Tolerant: how many U+FFFD stand for malformed sequences so far.
    std::size_t replaced() const noexcept { return replaced_; }

private:
    result check(const smsgw::charset::outcome& r) noexcept {
        replaced_ += r.replaced;
        if (!r && r.ec != errc::buffer_too_small) return fail(r.ec, r.offset);
        return {};
    }

    charset cs_;
    smsgw::charset::decoder decoder_;
    std::size_t replaced_ = 0;
};

}  // namespace smsgw::mime
