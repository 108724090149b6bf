#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsgw/cmpp/text.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/sms/udh.hpp"

/// @file
/// The long-message splitter: a text too long for one SUBMIT goes out as segments whose
/// Msg_Content starts with a User Data Header (sms/udh.hpp) carrying a concatenation element,
/// TP_udhi = 1, and Pk_total/Pk_number filled to match.
///
/// Capacities, per Msg_Fmt (bytes of Msg_Content, CMPP 2.0 table 8.6 "Msg_Fmt 值为 0 时: <160 个
/// 字节; 其它 <=140 个字节"):
///
///   Msg_Fmt          single   per segment, 8-bit ref UDH (6 bytes)   16-bit ref UDH (7 bytes)
///   8 UCS-2          70 ch.   67 UTF-16 units (134 bytes)            66 units (132 bytes)
///   0 ASCII          159      153                                    152
///   4 binary         140      134                                    133
///   15 GB text       140      134                                    133
///
/// ASCII travels as 8-bit bytes in CMPP, so the spec's "< 160 bytes" caps a single message at
/// 159. A segment keeps UDH + text at 159 bytes too, which is also exactly what the SMSC can
/// carry once it packs the text into GSM 7-bit septets (a 6-byte UDH takes 7 of the 160 septets,
/// leaving 153; a 7-byte one 8, leaving 152). Characters outside ASCII are refused for Msg_Fmt 0.
/// UCS-2 counts UTF-16 code units: a character above U+FFFF takes two, and a segment never ends
/// between them. GB text (text.hpp) counts GB18030 bytes: two for a Chinese character, one for
/// ASCII, four for a character GBK lacks, and a segment never ends inside one. Messages of more
/// than 255 segments cannot be numbered: too_many.
namespace smsgw::cmpp {

using sms::concat_reference;

/// How to split a text.
struct split_options {
    std::uint8_t msg_fmt = msg_fmt_ucs2;  ///< 0, 4, 8 or 15 (else out_of_range)
    concat_reference reference_size = concat_reference::ref8;  ///< the concatenation element's
    std::uint16_t reference = 0;  ///< the same for every segment of one message; at most 255 with ref8
};

/// One segment, ready for a SUBMIT's fields.
struct segment {
    std::uint8_t pk_total = 1;   ///< Pk_total: segments of the message
    std::uint8_t pk_number = 1;  ///< Pk_number: this one, from 1
    std::uint8_t tp_udhi = 0;  ///< 1 when msg_content starts with a UDH
    std::uint8_t msg_fmt = msg_fmt_ucs2;  ///< Msg_Fmt, as split_options::msg_fmt
    std::string_view text;     ///< the part of the input this segment carries
    bytes msg_content;         ///< UDH and encoded text: Msg_Content, its size Msg_Length
};

namespace detail {

struct split_limits {
    std::size_t single;  ///< units in an unsegmented message
    std::size_t each;    ///< units per segment
    std::size_t unit;    ///< bytes per unit
};

constexpr split_limits limits_for(std::uint8_t msg_fmt, concat_reference ref) noexcept {
    const std::size_t udh = sms::concat_udh_size(ref);
    if (msg_fmt == msg_fmt_ucs2) return {70, (140 - udh) / 2, 2};
    if (msg_fmt == msg_fmt_ascii) return {159, 159 - udh, 1};
    return {140, 140 - udh, 1};
}

struct slice {
    std::size_t end;    ///< in the text
    std::size_t units;  ///< that the slice takes
};

/// The longest slice of text from pos that fits `units`; err set on bad input.
inline slice next_slice(std::string_view text, std::size_t pos, std::size_t units, std::uint8_t msg_fmt,
                        result& err) noexcept {
    if (msg_fmt != msg_fmt_ucs2 && msg_fmt != msg_fmt_gb) {
        const std::size_t end = text.size() - pos < units ? text.size() : pos + units;
        if (msg_fmt == msg_fmt_ascii) {
            for (std::size_t i = pos; i < end; ++i) {
                if (static_cast<unsigned char>(text[i]) >= 0x80) {
                    err = fail(errc::bad_character, i);
                    return {i, i - pos};
                }
            }
        }
        return {end, end - pos};
    }
    std::size_t used = 0;
    while (pos < text.size()) {
        std::size_t after = pos;
        char32_t cp = 0;
        const result r = codec::utf8::next(text, after, cp);
        if (!r) {
            err = r;
            break;
        }
        std::size_t width = cp > 0xFFFF ? 2 : 1;  // UTF-16 units
        if (msg_fmt == msg_fmt_gb && cp >= 0x80) {  // GB18030 bytes
            writer measure;
            if (const result g = encode_text(msg_fmt_gb, text.substr(pos, after - pos), measure);
                !g && g.ec != errc::buffer_too_small) {
                err = fail(g.ec, pos, g.field);
                break;
            }
            width = measure.size();
        }
        if (used + width > units) break;
        used += width;
        pos = after;
    }
    return {pos, used};
}

}  // namespace detail

/// A lazy generator of segments: the constructor checks the text and counts the segments
/// (status(), count()); each next() encodes one segment into the caller's buffer.
///
///     cmpp::splitter parts(text, {cmpp::msg_fmt_ucs2, cmpp::concat_reference::ref8, ref});
///     if (!parts.status()) ...;
///     byte buf[140];
///     while (!parts.done()) { writer w(buf); cmpp::segment s; if (!parts.next(w, s)) ...; submit(s); }
class splitter {
public:
    /// Checks `text` (UTF-8; any bytes for Msg_Fmt 4) and counts its segments: status().
    splitter(std::string_view text, const split_options& options = {}) noexcept : text_(text), options_(options) {
        if (!is_text_format(options.msg_fmt) && options.msg_fmt != msg_fmt_binary) {
            status_ = fail(errc::out_of_range, 0, "Msg_Fmt");
            return;
        }
        if (options.reference_size == concat_reference::ref8 && options.reference > 0xFF) {
            status_ = fail(errc::out_of_range, 0, "reference");
            return;
        }
        const detail::split_limits lim = detail::limits_for(options.msg_fmt, options.reference_size);
        result checked;  // ok until next_slice() meets a character it cannot take
        const detail::slice whole = detail::next_slice(text, 0, lim.single, options.msg_fmt, checked);
        if (whole.end == text.size() && checked.ok()) {
            count_ = 1;
            single_ = true;
            size_ = whole.units * lim.unit;
            return;
        }
        const std::size_t udh = sms::concat_udh_size(options.reference_size);
        std::size_t pos = 0;
        std::size_t n = 0;
        std::size_t size = 0;
        while (checked.ok() && pos < text.size()) {
            if (n == 255) {
                checked = fail(errc::too_many, pos);
                break;
            }
            const detail::slice part = detail::next_slice(text, pos, lim.each, options.msg_fmt, checked);
            pos = part.end;
            size += udh + part.units * lim.unit;
            ++n;
        }
        if (!checked.ok()) {
            status_ = checked;
            return;
        }
        count_ = n;
        size_ = size;
    }

    /// The outcome of checking the text: invalid_utf8 (UCS-2, GB), bad_character (ASCII) or
    /// unmappable (GB: U+E5E5) at the offset in the text, too_many at the offset where a 256th
    /// segment would start, out_of_range for an unknown Msg_Fmt or an 8-bit reference above 255.
    result status() const noexcept { return status_; }
    /// Pk_total: 1 for a text that fits one message (even an empty one), 0 after an error.
    std::size_t count() const noexcept { return count_; }
    /// Bytes of every segment's Msg_Content together: the storage split() needs.
    std::size_t encoded_size() const noexcept { return size_; }
    /// Whether every segment has been made (or the text was refused).
    bool done() const noexcept { return !status_ || number_ >= count_; }

    /// Writes the next segment's Msg_Content into `out`, fills `seg` (seg.msg_content views the
    /// bytes written) and moves on. When they do not fit, the result is buffer_too_small with
    /// the size needed (140 bytes always suffice, 159 for ASCII) and the same segment comes
    /// next time. After the last segment: too_many.
    result next(writer& out, segment& seg) noexcept {
        if (!status_) return status_;
        if (number_ >= count_) return fail(errc::too_many, text_.size());
        const detail::split_limits lim = detail::limits_for(options_.msg_fmt, options_.reference_size);
        result checked;  // the constructor has seen every slice pass
        const std::size_t end = detail::next_slice(text_, pos_, single_ ? lim.single : lim.each, options_.msg_fmt, checked).end;
        const std::size_t start = out.size();
        if (!single_) {
            sms::write_concat_udh(out, options_.reference_size, options_.reference, static_cast<std::uint8_t>(count_),
                                  static_cast<std::uint8_t>(number_ + 1));
        }
        const std::string_view slice = text_.substr(pos_, end - pos_);
        if (options_.msg_fmt == msg_fmt_binary) {
            out.write(slice);
        } else {
            encode_text(options_.msg_fmt, slice, out);  // checked by the constructor
        }
        const result r = out.finish();
        if (!r) return r;
        pos_ = end;
        ++number_;
        seg.pk_total = static_cast<std::uint8_t>(count_);
        seg.pk_number = static_cast<std::uint8_t>(number_);
        seg.tp_udhi = single_ ? 0 : 1;
        seg.msg_fmt = options_.msg_fmt;
        seg.text = slice;
        seg.msg_content = bytes(out.buffer() + start, out.size() - start);
        return {errc{}, out.size() - start};
    }

private:
    std::string_view text_;
    split_options options_;
    result status_;
    std::size_t count_ = 0;
    std::size_t number_ = 0;  ///< segments produced so far
    std::size_t pos_ = 0;
    std::size_t size_ = 0;
    bool single_ = false;
};

/// Every segment at once: Msg_Contents back to back in `storage` (splitter::encoded_size()
/// bytes; count × 140 always suffice, × 159 for ASCII), one entry per segment in `segments`,
/// `count` set to their number. Errors, which write nothing: those of splitter::status(),
/// too_many with the number of segments needed when `segments` is shorter, buffer_too_small
/// with the storage size needed.
inline result split(std::string_view text, const split_options& options, mutable_bytes storage, span<segment> segments,
                    std::size_t& count) noexcept {
    splitter parts(text, options);
    count = 0;
    if (!parts.status()) return parts.status();
    if (parts.count() > segments.size()) return fail(errc::too_many, parts.count());
    if (parts.encoded_size() > storage.size()) return fail(errc::buffer_too_small, parts.encoded_size());
    writer out(storage);
    for (std::size_t i = 0; !parts.done(); ++i) {
        if (const result r = parts.next(out, segments[i]); !r) return r;
    }
    count = parts.count();
    return out.finish();
}

}  // namespace smsgw::cmpp
