#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsgw/charset/convert.hpp"
#include "smsgw/charset/encoding.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

// Msg_Content as text, by Msg_Fmt (CMPP 2.0 table 8.6): 0 ASCII, 8 UCS-2, 15 "含 GB 汉字",
// to and from UTF-8. UCS-2 is read and written as UTF-16BE (a character above U+FFFF is a
// surrogate pair, as handsets send it). GB text is GB18030: GB2312 and GBK text is a subset of
// it, so one decoder reads what any gateway sends, and the encoder writes GBK's two bytes for
// every character GBK has, four only for the others.
namespace smsgw::cmpp {

/// Msg_Fmt 0: ASCII.
inline constexpr std::uint8_t msg_fmt_ascii = 0;
/// Msg_Fmt 4: binary.
inline constexpr std::uint8_t msg_fmt_binary = 4;
/// Msg_Fmt 8: UCS-2.
inline constexpr std::uint8_t msg_fmt_ucs2 = 8;
/// Msg_Fmt 15: GB text.
inline constexpr std::uint8_t msg_fmt_gb = 15;

/// Whether Msg_Fmt f is one of the three text formats this header converts.
constexpr bool is_text_format(std::uint8_t f) noexcept {
    return f == msg_fmt_ascii || f == msg_fmt_ucs2 || f == msg_fmt_gb;
}

/// Msg_Content (without its UDH: see parse_user_data) of format `msg_fmt` to UTF-8. Errors, at
/// their offset in `content`: ASCII with an 8-bit byte bad_character; UCS-2 with a lone
/// surrogate invalid_utf16, an odd final byte truncated; GB text with a malformed sequence
/// bad_sequence, one cut at the end truncated; any other Msg_Fmt out_of_range ("Msg_Fmt").
/// Tolerant: each of those is one U+FFFD (GB where the Encoding Standard writes it) and the
/// rest is read. Success: offset = bytes written.
inline result decode_text(std::uint8_t msg_fmt, bytes content, writer& out, mode m = mode::strict) noexcept {
    const std::size_t before = out.size();
    if (msg_fmt == msg_fmt_gb) {
        const charset::outcome r = charset::decode(charset::encoding::gb18030, content, out, m);
        if (!r && r.ec != errc::buffer_too_small) return fail(r.ec, r.offset, "Msg_Content");
    } else if (msg_fmt == msg_fmt_ucs2) {
        // from_utf16be writes every character before the one it refuses.
        for (std::size_t pos = 0; pos < content.size();) {
            const result r = codec::utf8::from_utf16be(content.subspan(pos), out);
            if (r || r.ec == errc::buffer_too_small) break;
            if (m == mode::strict) return fail(r.ec, pos + r.offset, "Msg_Content");
            codec::utf8::put(U'\uFFFD', out);
            pos += r.offset + (r.ec == errc::truncated ? 1 : 2);
        }
    } else if (msg_fmt == msg_fmt_ascii) {
        for (std::size_t i = 0; i < content.size(); ++i) {
            if (content[i] < 0x80) {
                out.put(content[i]);
            } else if (m == mode::strict) {
                return fail(errc::bad_character, i, "Msg_Content");
            } else {
                codec::utf8::put(U'\uFFFD', out);
            }
        }
    } else {
        return fail(errc::out_of_range, 0, "Msg_Fmt");
    }
    if (out.overflowed()) return out.finish();
    return {errc{}, out.size() - before};
}

/// UTF-8 text to Msg_Content of format `msg_fmt`, without a UDH (the splitter of long_sms.hpp
/// writes segments). Errors, at their offset in `utf8`: invalid_utf8; a character beyond ASCII
/// for Msg_Fmt 0 bad_character; U+E5E5 for Msg_Fmt 15 unmappable (the one code point GB18030
/// lacks); any other Msg_Fmt out_of_range. Success: offset = bytes written.
inline result encode_text(std::uint8_t msg_fmt, std::string_view utf8, writer& out) noexcept {
    const std::size_t before = out.size();
    if (msg_fmt == msg_fmt_gb) {
        const charset::outcome r = charset::encode(charset::encoding::gb18030, utf8, out);
        if (!r && r.ec != errc::buffer_too_small) return fail(r.ec, r.offset, "Msg_Content");
    } else if (msg_fmt == msg_fmt_ucs2) {
        if (result r = codec::utf8::to_utf16be(utf8, out); !r && r.ec != errc::buffer_too_small) {
            return fail(r.ec, r.offset, "Msg_Content");
        }
    } else if (msg_fmt == msg_fmt_ascii) {
        for (std::size_t i = 0; i < utf8.size(); ++i) {
            if (static_cast<unsigned char>(utf8[i]) >= 0x80) return fail(errc::bad_character, i, "Msg_Content");
        }
        out.write(utf8);
    } else {
        return fail(errc::out_of_range, 0, "Msg_Fmt");
    }
    if (out.overflowed()) return out.finish();
    return {errc{}, out.size() - before};
}

}  // namespace smsgw::cmpp
