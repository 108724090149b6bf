#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "smsgw/cmpp/text.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/core/endian.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

// Long messages: a text too long for one SUBMIT goes out as segments whose Msg_Content starts
// with a User Data Header (GSM 03.40 §9.2.3.24) carrying a concatenation element, TP_udhi = 1,
// and Pk_total/Pk_number filled to match. The reverse, a reassembler, reads only the UDH.
//
// Capacities, per Msg_Fmt (bytes of Msg_Content, CMPP 2.0 table 8.6 "Msg_Fmt 值为 0 时: <160 个
// 字节; 其它 <=140 个字节"):
//
//   Msg_Fmt          single   per segment, 8-bit ref UDH (6 bytes)   16-bit ref UDH (7 bytes)
//   8 UCS-2          70 ch.   67 UTF-16 units (134 bytes)            66 units (132 bytes)
//   0 ASCII          159      153                                    152
//   4 binary         140      134                                    133
//   15 GB text       140      134                                    133
//
// ASCII travels as 8-bit bytes in CMPP, so the spec's "< 160 bytes" caps a single message at
// 159. A segment keeps UDH + text at 159 bytes too, which is also exactly what the SMSC can
// carry once it packs the text into GSM 7-bit septets (a 6-byte UDH takes 7 of the 160 septets,
// leaving 153; a 7-byte one 8, leaving 152). Characters outside ASCII are refused for Msg_Fmt 0.
// UCS-2 counts UTF-16 code units: a character above U+FFFF takes two, and a segment never ends
// between them. GB text (text.hpp) counts GB18030 bytes: two for a Chinese character, one for
// ASCII, four for a character GBK lacks, and a segment never ends inside one. Messages of more
// than 255 segments cannot be numbered: too_many.
namespace smsgw::cmpp {

// The concatenation information element (GSM 03.40 §9.2.3.24.1 and .8).
enum class concat_reference : unsigned char {
    ref8,   // IEI 0x00: UDH 05 00 03 ref total number
    ref16,  // IEI 0x08: UDH 06 08 04 ref_hi ref_lo total number
};

struct split_options {
    std::uint8_t msg_fmt = msg_fmt_ucs2;  // 0, 4, 8 or 15 (else out_of_range)
    concat_reference reference_size = concat_reference::ref8;
    std::uint16_t reference = 0;  // the same for every segment of one message; at most 255 with ref8
};

// One segment, ready for a SUBMIT's fields.
struct segment {
    std::uint8_t pk_total = 1;
    std::uint8_t pk_number = 1;
    std::uint8_t tp_udhi = 0;  // 1 when msg_content starts with a UDH
    std::uint8_t msg_fmt = msg_fmt_ucs2;
    std::string_view text;     // the part of the input this segment carries
    bytes msg_content;         // UDH and encoded text: Msg_Content, its size Msg_Length
};

namespace detail {

struct split_limits {
    std::size_t single;  // units in an unsegmented message
    std::size_t each;    // units per segment
    std::size_t unit;    // bytes per unit
};

constexpr split_limits limits_for(std::uint8_t msg_fmt, concat_reference ref) noexcept {
    const std::size_t udh = ref == concat_reference::ref8 ? 6 : 7;
    if (msg_fmt == msg_fmt_ucs2) return {70, (140 - udh) / 2, 2};
    if (msg_fmt == msg_fmt_ascii) return {159, 159 - udh, 1};
    return {140, 140 - udh, 1};
}

struct slice {
    std::size_t end;    // in the text
    std::size_t units;  // that the slice takes
};

// The longest slice of text from pos that fits `units`; err set on bad input.
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

// A lazy generator of segments: the constructor checks the text and counts the segments
// (status(), count()); each next() encodes one segment into the caller's buffer.
//
//     cmpp::splitter parts(text, {cmpp::msg_fmt_ucs2, cmpp::concat_reference::ref8, ref});
//     if (!parts.status()) ...;
//     byte buf[140];
//     while (!parts.done()) { writer w(buf); cmpp::segment s; if (!parts.next(w, s)) ...; submit(s); }
class splitter {
public:
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
        result err;
        const detail::slice whole = detail::next_slice(text, 0, lim.single, options.msg_fmt, err);
        if (whole.end == text.size() && err) {
            count_ = 1;
            single_ = true;
            size_ = whole.units * lim.unit;
            return;
        }
        const std::size_t udh = options.reference_size == concat_reference::ref8 ? 6 : 7;
        std::size_t pos = 0;
        std::size_t n = 0;
        std::size_t size = 0;
        while (err && pos < text.size()) {
            if (n == 255) {
                err = fail(errc::too_many, pos);
                break;
            }
            const detail::slice part = detail::next_slice(text, pos, lim.each, options.msg_fmt, err);
            pos = part.end;
            size += udh + part.units * lim.unit;
            ++n;
        }
        if (!err) {
            status_ = err;
            return;
        }
        count_ = n;
        size_ = size;
    }

    // The outcome of checking the text: invalid_utf8 (UCS-2, GB), bad_character (ASCII) or
    // unmappable (GB: U+E5E5) at the offset in the text, too_many at the offset where a 256th segment would start, out_of_range
    // for an unknown Msg_Fmt or an 8-bit reference above 255.
    result status() const noexcept { return status_; }
    // Pk_total: 1 for a text that fits one message (even an empty one), 0 after an error.
    std::size_t count() const noexcept { return count_; }
    // Bytes of every segment's Msg_Content together: the storage split() needs.
    std::size_t encoded_size() const noexcept { return size_; }
    bool done() const noexcept { return !status_ || number_ >= count_; }

    // Writes the next segment's Msg_Content into `out`, fills `seg` (seg.msg_content views the
    // bytes written) and moves on. When they do not fit, the result is buffer_too_small with
    // the size needed (140 bytes always suffice, 159 for ASCII) and the same segment comes
    // next time. After the last segment: too_many.
    result next(writer& out, segment& seg) noexcept {
        if (!status_) return status_;
        if (number_ >= count_) return fail(errc::too_many, text_.size());
        const detail::split_limits lim = detail::limits_for(options_.msg_fmt, options_.reference_size);
        result err;
        const std::size_t end = detail::next_slice(text_, pos_, single_ ? lim.single : lim.each, options_.msg_fmt, err).end;
        const std::size_t start = out.size();
        if (!single_) {
            const auto total = static_cast<byte>(count_);
            const auto number = static_cast<byte>(number_ + 1);
            if (options_.reference_size == concat_reference::ref8) {
                const byte udh[] = {0x05, 0x00, 0x03, static_cast<byte>(options_.reference), total, number};
                out.write(udh, sizeof udh);
            } else {
                const byte udh[] = {0x06, 0x08, 0x04, static_cast<byte>(options_.reference >> 8),
                                    static_cast<byte>(options_.reference), total, number};
                out.write(udh, sizeof udh);
            }
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
    std::size_t number_ = 0;  // segments produced so far
    std::size_t pos_ = 0;
    std::size_t size_ = 0;
    bool single_ = false;
};

// Every segment at once: Msg_Contents back to back in `storage` (splitter::encoded_size()
// bytes; count × 140 always suffice, × 159 for ASCII), one entry per segment in `segments`,
// `count` set to their number. Errors, which write nothing: those of splitter::status(),
// too_many with the number of segments needed when `segments` is shorter, buffer_too_small
// with the storage size needed.
inline result split(std::string_view text, const split_options& options, mutable_bytes storage, span<segment> segments,
                    std::size_t& count) noexcept {
    splitter parts(text, options);
    count = 0;
    if (!parts.status()) return parts.status();
    if (parts.count() > segments.size()) return fail(errc::too_many, parts.count());
    if (parts.encoded_size() > storage.size()) return fail(errc::buffer_too_small, parts.encoded_size());
    writer out(storage);
    for (std::size_t i = 0; !parts.done(); ++i) parts.next(out, segments[i]);
    count = parts.count();
    return out.finish();
}

// ---- reading a UDH -------------------------------------------------------------------------

// The concatenation element of a segment.
struct concat_info {
    concat_reference reference_size = concat_reference::ref8;
    std::uint16_t reference = 0;
    std::uint8_t total = 0;
    std::uint8_t number = 0;
    std::size_t offset = 0;  // of its IEI in Msg_Content
};

// A Msg_Content split into its UDH and the text after it.
struct user_data {
    bytes udh;             // UDHL and the elements; empty without TP_udhi
    bytes text;            // the user data after the UDH
    bool concatenated = false;
    concat_info concat;    // when concatenated
};

// Reads Msg_Content as TP_udhi says: a UDH is present when TP_udhi is 1 or 0x40 (the esm_class
// bit some gateways copy, G6 in the notes) or 0x41; other values are out_of_range ("TP_udhi",
// offset 0). Every element is checked against UDHL and UDHL against the content (bad_udh at the
// UDHL byte, or at the length byte of the element that overruns); a concatenation element must
// have its exact length, a non-zero total and a number from 1 to total (bad_udh at the byte at
// fault); a second one is duplicate_field at its IEI. Other elements (ports, ...) are skipped.
inline result parse_user_data(bytes msg_content, std::uint8_t tp_udhi, user_data& out) noexcept {
    out = user_data{};
    if (tp_udhi != 0 && tp_udhi != 1 && tp_udhi != 0x40 && tp_udhi != 0x41) return fail(errc::out_of_range, 0, "TP_udhi");
    if (tp_udhi == 0) {
        out.text = msg_content;
        return {errc{}, msg_content.size()};
    }
    if (msg_content.empty() || std::size_t{msg_content[0]} + 1 > msg_content.size()) return fail(errc::bad_udh, 0);
    const std::size_t end = std::size_t{msg_content[0]} + 1;
    std::size_t i = 1;
    while (i < end) {
        if (i + 1 >= end) return fail(errc::bad_udh, i);
        const byte iei = msg_content[i];
        const std::size_t length = msg_content[i + 1];
        if (i + 2 + length > end) return fail(errc::bad_udh, i + 1);
        if (iei == 0x00 || iei == 0x08) {
            if (out.concatenated) return fail(errc::duplicate_field, i);
            const bool ref16 = iei == 0x08;
            if (length != (ref16 ? 4u : 3u)) return fail(errc::bad_udh, i + 1);
            const byte* p = msg_content.data() + i + 2;
            concat_info c;
            c.reference_size = ref16 ? concat_reference::ref16 : concat_reference::ref8;
            c.reference = ref16 ? load_be16(p) : std::uint16_t{p[0]};
            c.total = p[length - 2];
            c.number = p[length - 1];
            c.offset = i;
            if (c.total == 0) return fail(errc::bad_udh, i + length);
            if (c.number == 0 || c.number > c.total) return fail(errc::bad_udh, i + length + 1);
            out.concatenated = true;
            out.concat = c;
        }
        i += 2 + length;
    }
    out.udh = msg_content.first(end);
    out.text = msg_content.subspan(end);
    return {errc{}, msg_content.size()};
}

// ---- reassembly ----------------------------------------------------------------------------

// A segment as received (CMPP_DELIVER, or a CMPP_FWD in MO forwarding).
struct received_segment {
    std::string_view source;       // Src_terminal_Id (FWD: Src_Id), padding trimmed; at most 32 bytes
    std::string_view destination;  // Dest_Id; at most 32 bytes
    std::uint8_t tp_udhi = 0;
    std::uint8_t msg_fmt = 0;
    bytes msg_content;
};

class reassembler;

// Caller-provided room for one message in progress (about 120 bytes); the reassembler's
// bookkeeping, read through the accessors.
class reassembly_slot {
public:
    bool in_use() const noexcept { return in_use_; }
    std::string_view source() const noexcept { return {source_, source_size_}; }
    std::string_view destination() const noexcept { return {destination_, destination_size_}; }
    concat_reference reference_size() const noexcept { return ref16_ ? concat_reference::ref16 : concat_reference::ref8; }
    std::uint16_t reference() const noexcept { return reference_; }
    std::uint8_t total() const noexcept { return total_; }
    std::uint8_t received() const noexcept { return received_; }
    std::uint8_t msg_fmt() const noexcept { return msg_fmt_; }    // of the first segment received
    std::uint64_t first_seen() const noexcept { return first_seen_; }
    std::size_t text_size() const noexcept { return text_size_; }  // bytes of text received so far
    bool complete() const noexcept { return in_use_ && received_ == total_; }
    bool has(std::uint8_t number) const noexcept { return (seen_[number / 8] >> (number % 8)) & 1u; }
    // The lowest segment number not received yet, 0 when none is missing.
    std::uint8_t first_missing() const noexcept {
        for (unsigned n = 1; n <= total_; ++n) {
            if (!has(static_cast<std::uint8_t>(n))) return static_cast<std::uint8_t>(n);
        }
        return 0;
    }

private:
    friend class reassembler;

    bool matches(const received_segment& s, const concat_info& c) const noexcept {
        return in_use_ && reference_ == c.reference && total_ == c.total &&
               ref16_ == (c.reference_size == concat_reference::ref16) && source() == s.source &&
               destination() == s.destination;
    }

    char source_[32] = {};
    char destination_[32] = {};
    std::uint8_t source_size_ = 0;
    std::uint8_t destination_size_ = 0;
    bool in_use_ = false;
    bool ref16_ = false;
    std::uint16_t reference_ = 0;
    std::uint8_t total_ = 0;
    std::uint8_t received_ = 0;
    std::uint8_t msg_fmt_ = 0;
    std::uint8_t seen_[32] = {};  // bit n: segment n received
    std::uint64_t first_seen_ = 0;
    std::size_t text_size_ = 0;
};

// What add() did with a segment.
struct reassembly_status {
    enum class state : unsigned char {
        single,   // no concatenation element: `text` is the whole message, nothing stored
        waiting,  // stored in `slot`, more to come
        complete  // stored in `slot`, which now holds every segment: take() it
    };
    state what = state::single;
    std::size_t slot = 0;
    bytes text;
};

// Puts segments back together in caller-provided storage: `slots` bound how many messages can
// be in progress at once, `pool` holds their text (each segment takes its text + 5 bytes).
// Segments are matched on (source, destination, reference, total) as the UDH gives them, never
// on Pk_total/Pk_number (which real gateways get wrong, G7), arrive in any order, and two
// messages that share a reference but not a total stay apart (G8). Nothing allocates.
//
//     cmpp::reassembly_slot slots[16];
//     byte pool[16 * 1024];
//     cmpp::reassembler r(slots, pool);
//     cmpp::reassembly_status st;
//     if (r.add({src, dest, d.tp_udhi, d.msg_fmt, d.msg_content}, now, st) &&
//         st.what == cmpp::reassembly_status::state::complete) { writer w(buf); r.take(st.slot, w); }
class reassembler {
public:
    // At most 65535 slots are used.
    reassembler(span<reassembly_slot> slots, mutable_bytes pool) noexcept : slots_(slots.first(0xFFFF)), pool_(pool) {}

    // Files a segment; `now` is any clock of the caller's, for expire(). Errors: those of
    // parse_user_data(); duplicate_segment at the offset of the segment number in Msg_Content
    // for a segment already held; field_too_long ("source", "destination") beyond 32 bytes, and
    // ("Msg_Content") for a text above 65535 bytes, which no CMPP segment has;
    // storage_full (offset 0) when no slot is free or the pool lacks the room: nothing is stored.
    result add(const received_segment& s, std::uint64_t now, reassembly_status& st) noexcept {
        user_data ud;
        result r = parse_user_data(s.msg_content, s.tp_udhi, ud);
        if (!r) return r;
        st = reassembly_status{};
        if (!ud.concatenated) {
            st.text = ud.text;
            return r;
        }
        if (s.source.size() > 32) return fail(errc::field_too_long, 0, "source");
        if (s.destination.size() > 32) return fail(errc::field_too_long, 0, "destination");
        if (ud.text.size() > 0xFFFF) return fail(errc::field_too_long, ud.udh.size(), "Msg_Content");
        const concat_info& c = ud.concat;
        std::size_t index = slots_.size();
        std::size_t free_index = slots_.size();
        for (std::size_t i = 0; i < slots_.size(); ++i) {
            if (slots_[i].matches(s, c)) {
                index = i;
                break;
            }
            if (!slots_[i].in_use_ && free_index == slots_.size()) free_index = i;
        }
        const std::size_t number_offset = c.offset + (c.reference_size == concat_reference::ref8 ? 4 : 5);
        if (index < slots_.size() && slots_[index].has(c.number)) return fail(errc::duplicate_segment, number_offset);
        const std::size_t need = record_header + ud.text.size();
        if ((index == slots_.size() && free_index == slots_.size()) || need > pool_.size() - pool_used_)
            return fail(errc::storage_full, 0);
        if (index == slots_.size()) {
            index = free_index;
            open(slots_[index], s, c, now);
        }
        reassembly_slot& slot = slots_[index];
        byte* p = pool_.data() + pool_used_;
        store_be16(p, static_cast<std::uint16_t>(index));
        p[2] = c.number;
        store_be16(p + 3, static_cast<std::uint16_t>(ud.text.size()));
        if (!ud.text.empty()) std::memcpy(p + record_header, ud.text.data(), ud.text.size());
        pool_used_ += need;
        slot.seen_[c.number / 8] = static_cast<std::uint8_t>(slot.seen_[c.number / 8] | (1u << (c.number % 8)));
        ++slot.received_;
        slot.text_size_ += ud.text.size();
        st.slot = index;
        st.what = slot.complete() ? reassembly_status::state::complete : reassembly_status::state::waiting;
        return r;
    }

    // Writes the message's text, segments in order, and frees the slot. Errors, which keep the
    // slot: out_of_range ("slot") for a slot not in use; missing_segment with the first missing
    // segment number as offset, unless allow_gaps (then the segments present are written);
    // buffer_too_small with the size needed (slot.text_size()).
    result take(std::size_t index, writer& out, bool allow_gaps = false) noexcept {
        if (index >= slots_.size() || !slots_[index].in_use_) return fail(errc::out_of_range, 0, "slot");
        const reassembly_slot& slot = slots_[index];
        if (!allow_gaps && !slot.complete()) return fail(errc::missing_segment, slot.first_missing());
        if (slot.text_size_ > out.capacity() - (out.size() < out.capacity() ? out.size() : out.capacity()))
            return fail(errc::buffer_too_small, out.size() + slot.text_size_);
        const std::size_t start = out.size();
        for (unsigned n = 1; n <= slot.total_; ++n) {
            if (!slot.has(static_cast<std::uint8_t>(n))) continue;
            for (std::size_t at = 0; at < pool_used_; at += record_header + load_be16(pool_.data() + at + 3)) {
                const byte* p = pool_.data() + at;
                if (load_be16(p) == index && p[2] == n) {
                    out.write(p + record_header, load_be16(p + 3));
                    break;
                }
            }
        }
        drop(index);
        return {errc{}, out.size() - start};
    }

    // Forgets a message and its text.
    void drop(std::size_t index) noexcept {
        if (index >= slots_.size() || !slots_[index].in_use_) return;
        std::size_t kept = 0;
        for (std::size_t at = 0; at < pool_used_;) {
            const std::size_t size = record_header + load_be16(pool_.data() + at + 3);
            if (load_be16(pool_.data() + at) != index) {
                if (kept != at) std::memmove(pool_.data() + kept, pool_.data() + at, size);
                kept += size;
            }
            at += size;
        }
        pool_used_ = kept;
        slots_[index] = reassembly_slot{};
    }

    // Calls on_expired(slot index) for each message in progress first seen before `before`
    // (it may take() the partial text with allow_gaps), then drops it. Returns how many expired.
    template <class F>
    std::size_t expire(std::uint64_t before, F&& on_expired) noexcept {
        std::size_t n = 0;
        for (std::size_t i = 0; i < slots_.size(); ++i) {
            if (slots_[i].in_use_ && slots_[i].first_seen_ < before) {
                on_expired(i);
                drop(i);
                ++n;
            }
        }
        return n;
    }

    const reassembly_slot& slot(std::size_t index) const noexcept { return slots_[index]; }
    std::size_t slot_count() const noexcept { return slots_.size(); }
    std::size_t pool_used() const noexcept { return pool_used_; }

private:
    static constexpr std::size_t record_header = 5;  // slot index (2), number (1), text size (2)

    static void open(reassembly_slot& slot, const received_segment& s, const concat_info& c, std::uint64_t now) noexcept {
        slot = reassembly_slot{};
        slot.in_use_ = true;
        if (!s.source.empty()) std::memcpy(slot.source_, s.source.data(), s.source.size());
        if (!s.destination.empty()) std::memcpy(slot.destination_, s.destination.data(), s.destination.size());
        slot.source_size_ = static_cast<std::uint8_t>(s.source.size());
        slot.destination_size_ = static_cast<std::uint8_t>(s.destination.size());
        slot.ref16_ = c.reference_size == concat_reference::ref16;
        slot.reference_ = c.reference;
        slot.total_ = c.total;
        slot.msg_fmt_ = s.msg_fmt;
        slot.first_seen_ = now;
    }

    span<reassembly_slot> slots_;
    mutable_bytes pool_;
    std::size_t pool_used_ = 0;
};

}  // namespace smsgw::cmpp
