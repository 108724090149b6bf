#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "smsgw/core/endian.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/sms/udh.hpp"

/// @file
/// The long-message reassembler: segments of an MO message, as CMPP_DELIVER (or CMPP_FWD)
/// brings them, put back together from their UDH's concatenation element (sms/udh.hpp).
namespace smsgw::cmpp {

using sms::concat_info;
using sms::parse_user_data;
using sms::user_data;

/// A segment as received (CMPP_DELIVER, or a CMPP_FWD in MO forwarding).
struct received_segment {
    std::string_view source;       ///< Src_terminal_Id (FWD: Src_Id), padding trimmed; at most 32 bytes
    std::string_view destination;  ///< Dest_Id; at most 32 bytes
    std::uint8_t tp_udhi = 0;      ///< TP_udhi (sms::parse_user_data() reads it)
    std::uint8_t msg_fmt = 0;      ///< Msg_Fmt, kept for the reassembled text
    bytes msg_content;             ///< Msg_Content: the UDH, then this segment's text
};

class reassembler;

/// Caller-provided room for one message in progress (about 120 bytes); the reassembler's
/// bookkeeping, read through the accessors.
class reassembly_slot {
public:
    /// Whether a message in progress holds the slot.
    bool in_use() const noexcept { return in_use_; }
    /// The sender, as the first segment gave it.
    std::string_view source() const noexcept { return {source_, source_size_}; }
    /// The recipient, as the first segment gave it.
    std::string_view destination() const noexcept { return {destination_, destination_size_}; }
    /// The size of the UDH's reference.
    sms::concat_reference reference_size() const noexcept {
        return ref16_ ? sms::concat_reference::ref16 : sms::concat_reference::ref8;
    }
    /// The UDH's reference.
    std::uint16_t reference() const noexcept { return reference_; }
    /// Segments of the message, as the UDH gives it.
    std::uint8_t total() const noexcept { return total_; }
    /// Segments received so far.
    std::uint8_t received() const noexcept { return received_; }
    /// Msg_Fmt of the first segment received.
    std::uint8_t msg_fmt() const noexcept { return msg_fmt_; }
    /// The `now` of add() when the first segment came.
    std::uint64_t first_seen() const noexcept { return first_seen_; }
    /// Bytes of text received so far.
    std::size_t text_size() const noexcept { return text_size_; }
    /// Whether every segment is there.
    bool complete() const noexcept { return in_use_ && received_ == total_; }
    /// Whether segment `number` is there.
    bool has(std::uint8_t number) const noexcept { return (seen_[number / 8] >> (number % 8)) & 1u; }
    /// The lowest segment number not received yet, 0 when none is missing.
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
               ref16_ == (c.reference_size == sms::concat_reference::ref16) && source() == s.source &&
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
    std::uint8_t seen_[32] = {};  ///< bit n: segment n received
    std::uint64_t first_seen_ = 0;
    std::size_t text_size_ = 0;
};

/// What add() did with a segment.
struct reassembly_status {
    /// What add() did.
    enum class state : unsigned char {
        single,   ///< no concatenation element: `text` is the whole message, nothing stored
        waiting,  ///< stored in `slot`, more to come
        complete  ///< stored in `slot`, which now holds every segment: take() it
    };
    state what = state::single;  ///< what happened
    std::size_t slot = 0;        ///< the slot that holds the message (waiting, complete)
    bytes text;                  ///< the message's text (single)
};

/// Puts segments back together in caller-provided storage: `slots` bound how many messages can
/// be in progress at once, `pool` holds their text (each segment takes its text + 5 bytes).
/// Segments are matched on (source, destination, reference, total) as the UDH gives them, never
/// on Pk_total/Pk_number (which real gateways get wrong, G7), arrive in any order, and two
/// messages that share a reference but not a total stay apart (G8). Nothing allocates.
///
///     cmpp::reassembly_slot slots[16];
///     byte pool[16 * 1024];
///     cmpp::reassembler r(slots, pool);
///     cmpp::reassembly_status st;
///     if (r.add({src, dest, d.tp_udhi, d.msg_fmt, d.msg_content}, now, st) &&
///         st.what == cmpp::reassembly_status::state::complete) { writer w(buf); r.take(st.slot, w); }
class reassembler {
public:
    /// At most 65535 slots are used.
    reassembler(span<reassembly_slot> slots, mutable_bytes pool) noexcept : slots_(slots.first(0xFFFF)), pool_(pool) {}

    /// Files a segment; `now` is any clock of the caller's, for expire(). Errors: those of
    /// parse_user_data(); duplicate_segment at the offset of the segment number in Msg_Content
    /// for a segment already held; field_too_long ("source", "destination") beyond 32 bytes, and
    /// ("Msg_Content") for a text above 65535 bytes, which no CMPP segment has;
    /// storage_full (offset 0) when no slot is free or the pool lacks the room: nothing is stored.
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
        const std::size_t number_offset = c.offset + (c.reference_size == sms::concat_reference::ref8 ? 4 : 5);
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

    /// Writes the message's text, segments in order, and frees the slot. Errors, which keep the
    /// slot: out_of_range ("slot") for a slot not in use; missing_segment with the first missing
    /// segment number as offset, unless allow_gaps (then the segments present are written);
    /// buffer_too_small with the size needed (slot.text_size()).
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

    /// Forgets a message and its text.
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

    /// Calls on_expired(slot index) for each message in progress first seen before `before`
    /// (it may take() the partial text with allow_gaps), then drops it. Returns how many expired.
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

    /// The slot at `index`, below slot_count().
    const reassembly_slot& slot(std::size_t index) const noexcept { return slots_[index]; }
    /// How many slots there are.
    std::size_t slot_count() const noexcept { return slots_.size(); }
    /// Bytes of the pool in use.
    std::size_t pool_used() const noexcept { return pool_used_; }

private:
    static constexpr std::size_t record_header = 5;  ///< slot index (2), number (1), text size (2)

    static void open(reassembly_slot& slot, const received_segment& s, const concat_info& c, std::uint64_t now) noexcept {
        slot = reassembly_slot{};
        slot.in_use_ = true;
        if (!s.source.empty()) std::memcpy(slot.source_, s.source.data(), s.source.size());
        if (!s.destination.empty()) std::memcpy(slot.destination_, s.destination.data(), s.destination.size());
        slot.source_size_ = static_cast<std::uint8_t>(s.source.size());
        slot.destination_size_ = static_cast<std::uint8_t>(s.destination.size());
        slot.ref16_ = c.reference_size == sms::concat_reference::ref16;
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
