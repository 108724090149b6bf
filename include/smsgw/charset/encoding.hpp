#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsgw/charset/tables/labels.hpp"
#include "smsgw/codec/ascii.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"

// The encodings smsgw::charset converts to and from UTF-8, as the WHATWG Encoding Standard
// defines them (https://encoding.spec.whatwg.org/, the indexes of 2024-09-18: GB18030-2022),
// the labels that name them, the options and outcome of a conversion and its size bounds.
namespace smsgw::charset {

/// An encoding smsgw::charset converts to and from UTF-8, as the WHATWG Encoding Standard defines it.
enum class encoding : unsigned char {
    utf8,          ///< UTF-8: validated, ill-formed sequences reported or replaced
    gbk,           ///< GBK: gb18030's decoder; its encoder writes one or two bytes (0x80 for U+20AC)
    gb18030,       ///< gb18030: one, two or four bytes, every Unicode scalar value but U+E5E5
    big5,          ///< Big5 with the HKSCS extension as browsers decode it (the encoder leaves out HKSCS's lead bytes 0x81-0xA0)
    windows_1252,  ///< what the web reads iso-8859-1 and us-ascii as
};

/// The Standard's name of e: "UTF-8", "GBK", "gb18030", "Big5", "windows-1252".
constexpr std::string_view name(encoding e) noexcept { return tables::encoding_name[static_cast<std::size_t>(e)]; }

/// What a label names: the result of from_label().
struct label_match {
    errc ec{};                       ///< {}; unsupported_charset (another encoding of the Standard); unknown_charset
    encoding enc = encoding::utf8;   ///< the encoding, when ec is {}
    std::string_view name;           ///< the Standard's name of what the label names ("Shift_JIS" too); empty when unknown
    /// Whether the label names one of smsgw::charset's encodings.
    constexpr bool ok() const noexcept { return ec == errc{}; }
};

/// What a label names (the Standard's "get an encoding"): ASCII case-insensitive, surrounding
/// ASCII whitespace ignored.
constexpr label_match from_label(std::string_view label) noexcept {
    label = codec::ascii::trim(label);
    label_match m;
    m.ec = errc::unknown_charset;
    if (label.empty() || label.size() > tables::longest_label) return m;
    char folded[tables::longest_label] = {};
    for (std::size_t i = 0; i < label.size(); ++i) folded[i] = codec::ascii::to_lower(label[i]);
    const std::string_view key(folded, label.size());
    std::size_t lo = 0;
    std::size_t hi = sizeof tables::labels / sizeof tables::labels[0];
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        const int c = tables::labels[mid].label.compare(key);
        if (c == 0) {
            const std::size_t n = tables::labels[mid].name;
            m.name = tables::encoding_name[n];
            m.ec = n < tables::supported_encodings ? errc{} : errc::unsupported_charset;
            if (m.ok()) m.enc = static_cast<encoding>(n);
            return m;
        }
        if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return m;
}

/// Options of an encoder (UTF-8 to the encoding). Strict stops at the first code point the
/// encoding lacks (errc::unmappable, with the offset of its first byte in the UTF-8 input and the
/// code point) and at ill-formed UTF-8 (errc::invalid_utf8). Tolerant writes `substitute` for the
/// former, or with `html` the Standard's html error mode "&#N;"; ill-formed UTF-8 reads as U+FFFD,
/// as the Standard's UTF-8 decoder reads it (one per maximal subpart), which is then encoded
/// (gb18030 and UTF-8 have it) or substituted.
struct encode_options {
    mode m = mode::strict;              ///< strict or tolerant
    std::string_view substitute = "?";  ///< tolerant: written as it is for a code point the encoding lacks
    bool html = false;                  ///< tolerant: "&#N;" instead of `substitute`
};

/// The outcome of a conversion: smsgw::result (on success offset is the size of the output, as
/// writer::finish() says it; on error the offset in the input, counted from the start of the
/// stream for a streaming decoder or encoder), with what a charset adds.
struct outcome : result {
    char32_t code_point = 0;   ///< errc::unmappable while encoding: the code point the encoding lacks
    std::size_t replaced = 0;  ///< tolerant: sequences written as U+FFFD (decoding) or substituted (encoding)
};

/// The most bytes of UTF-8 that decoding n bytes of any of these encodings writes, in either
/// mode: 3 per byte (a byte in error becomes U+FFFD, 0x80 in GBK the euro sign).
constexpr std::size_t max_decoded_size(std::size_t n) noexcept { return 3 * n; }

/// The most bytes that encoding n bytes of UTF-8 to e writes with options o. Per input byte: an
/// ASCII byte stays one byte; gb18030 writes at most 2 for a valid sequence (U+0080 is four
/// bytes) and 4 for an ill-formed byte read as U+FFFD; UTF-8 writes EF BF BD for one; a
/// substitute or "&#65533;" may stand for a single ill-formed byte.
constexpr std::size_t max_encoded_size(encoding e, std::size_t n, const encode_options& o = {}) noexcept {
    const bool tolerant = o.m == mode::tolerant;
    std::size_t per = 1;
    if (e == encoding::gb18030) per = tolerant ? 4 : 2;
    if (e == encoding::utf8 && tolerant) per = 3;
    if (tolerant && e != encoding::utf8) {
        const std::size_t sub = o.html ? 8 : o.substitute.size();
        if (sub > per) per = sub;
    }
    return per * n;
}

namespace detail {

// What one step of a decoder found at the start of its input.
struct step {
    std::size_t length = 0;  // bytes consumed (on error, those the Standard does not read again); 0: the input ends inside a sequence
    char32_t cp = 0;
    char32_t cp2 = 0;        // a second code point (Big5 pointers 1133, 1135, 1164, 1166), else 0
    errc ec{};               // bad_sequence or unmappable
};

constexpr step decoded(std::size_t length, char32_t cp, char32_t cp2 = 0) noexcept { return {length, cp, cp2, errc{}}; }
constexpr step refused(std::size_t length, errc ec) noexcept { return {length, 0, 0, ec}; }
constexpr step need_more() noexcept { return {}; }

// Column of a two-byte sequence's trail byte in its lead byte's row of an index: 0x40-0x7E,
// then second_low-0xFE, both read by the Standard as trail - (trail < 0x7F ? 0x40 : offset);
// 0xFF for a byte that is no trail byte.
struct trail_columns {
    unsigned char column[256];
};
constexpr trail_columns make_trail_columns(unsigned second_low, unsigned offset) noexcept {
    trail_columns t{};
    for (unsigned b = 0; b < 256; ++b) {
        t.column[b] = 0xFF;
        if (b >= 0x40 && b <= 0x7E) t.column[b] = static_cast<unsigned char>(b - 0x40);
        if (b >= second_low && b <= 0xFE) t.column[b] = static_cast<unsigned char>(b - offset);
    }
    return t;
}

// The code point whose UTF-8 is the word v of a decoding table (tables/*.hpp: byte i in bits
// 8i..8i+7), 0 for 0.
constexpr char32_t table_code_point(std::uint32_t v) noexcept {
    const char32_t b0 = v & 0xFF;
    const char32_t b1 = (v >> 8) & 0x3F;
    const char32_t b2 = (v >> 16) & 0x3F;
    const char32_t b3 = (v >> 24) & 0x3F;
    if (b0 < 0x80) return b0;
    if (b0 < 0xE0) return (b0 & 0x1F) << 6 | b1;
    if (b0 < 0xF0) return (b0 & 0x0F) << 12 | b1 << 6 | b2;
    return (b0 & 0x07) << 18 | b1 << 12 | b2 << 6 | b3;
}

constexpr outcome failed(errc ec, std::size_t offset, char32_t cp = 0) noexcept {
    outcome o;
    o.ec = ec;
    o.offset = offset;
    o.code_point = cp;
    return o;
}

}  // namespace detail

}  // namespace smsgw::charset
