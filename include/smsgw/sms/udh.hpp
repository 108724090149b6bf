#pragma once

#include <cstddef>
#include <cstdint>

#include "smsgw/core/endian.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

/// @file
/// The User Data Header of GSM 03.40 §9.2.3.24, as every SMS protocol carries it at the start of
/// a message's content (CMPP, SMGP and SGIP with TP_udhi, SMPP with esm_class bit 0x40): UDHL,
/// then information elements of an IEI, a length and that many bytes. Read here: the
/// concatenation elements (§9.2.3.24.1, 8-bit reference, and .8, 16-bit reference) and
/// application port addressing (§9.2.3.24.3, 8-bit, and .4, 16-bit); any other element is
/// handed over as it is. Protocol-neutral: nothing here knows a PDU.
namespace smsgw::sms {

/// Information Element Identifiers (GSM 03.40 §9.2.3.24) that this header reads.
enum class iei : byte {
    concat8 = 0x00,  ///< concatenated short message, 8-bit reference: ref, total, number
    port8 = 0x04,    ///< application port addressing, 8-bit: destination, source
    port16 = 0x05,   ///< application port addressing, 16-bit: destination, source
    concat16 = 0x08, ///< concatenated short message, 16-bit reference: ref (2), total, number
};

/// The size of a concatenation element's reference.
enum class concat_reference : unsigned char {
    ref8,   ///< IEI 0x00: UDH 05 00 03 ref total number
    ref16,  ///< IEI 0x08: UDH 06 08 04 ref_hi ref_lo total number
};

/// The bytes of a UDH holding only a concatenation element, UDHL included: 6 or 7.
constexpr std::size_t concat_udh_size(concat_reference r) noexcept { return r == concat_reference::ref8 ? 6 : 7; }

/// One information element as it stands in the user data.
struct information_element {
    byte id = 0;             ///< its IEI (one of `iei`, or any other)
    bytes data;              ///< its IEDA, as long as its length byte says
    std::size_t offset = 0;  ///< of its IEI in the user data
};

/// A concatenation element (IEI 0x00 or 0x08).
struct concat_info {
    concat_reference reference_size = concat_reference::ref8;  ///< which of the two elements
    std::uint16_t reference = 0;  ///< the same in every segment of one message
    std::uint8_t total = 0;       ///< segments of the message, from 1
    std::uint8_t number = 0;      ///< this segment's number, from 1 to total
    std::size_t offset = 0;       ///< of its IEI in the user data
};

/// An application port addressing element (IEI 0x04 or 0x05).
struct port_info {
    bool wide = false;              ///< IEI 0x05: 16-bit ports; else IEI 0x04, 8-bit
    std::uint16_t destination = 0;  ///< destination port
    std::uint16_t source = 0;       ///< originator port
    std::size_t offset = 0;         ///< of its IEI in the user data
};

/// User data split into its UDH and what follows, with the elements read from it.
struct user_data {
    bytes udh;                  ///< UDHL and the elements; empty without a UDH
    bytes text;                 ///< the user data after the UDH
    bool concatenated = false;  ///< a concatenation element is present
    concat_info concat;         ///< when concatenated
    bool addressed = false;     ///< a port addressing element is present
    port_info ports;            ///< when addressed
};

/// Calls on_element(information_element) for each element of the UDH that starts `data`
/// (its UDHL first), in order; an on_element that returns a failed result stops the walk with
/// it. Errors: bad_udh at offset 0 when UDHL is missing or longer than the data, at an element's
/// IEI when its length byte lies past UDHL, at its length byte when its data does. On success
/// result.offset is the size of the UDH, UDHL included.
template <class F>
result read_elements(bytes data, F&& on_element) noexcept {
    if (data.empty() || std::size_t{data[0]} + 1 > data.size()) return fail(errc::bad_udh, 0);
    const std::size_t end = std::size_t{data[0]} + 1;
    std::size_t i = 1;
    while (i < end) {
        if (i + 1 >= end) return fail(errc::bad_udh, i);
        const std::size_t length = data[i + 1];
        if (i + 2 + length > end) return fail(errc::bad_udh, i + 1);
        if (const result r = on_element(information_element{data[i], data.subspan(i + 2, length), i}); !r) return r;
        i += 2 + length;
    }
    return {errc{}, end};
}

namespace detail {

// The concatenation or port element `e` into `out`: its exact length (bad_udh at its length
// byte), for concatenation a total from 1 and a number from 1 to total (bad_udh at the byte),
// one of each kind (duplicate_field at the second's IEI).
inline result read_known_element(const information_element& e, user_data& out) noexcept {
    const auto id = static_cast<iei>(e.id);
    const std::size_t length = e.data.size();
    if (id == iei::concat8 || id == iei::concat16) {
        if (out.concatenated) return fail(errc::duplicate_field, e.offset);
        const bool ref16 = id == iei::concat16;
        if (length != (ref16 ? 4u : 3u)) return fail(errc::bad_udh, e.offset + 1);
        concat_info c;
        c.reference_size = ref16 ? concat_reference::ref16 : concat_reference::ref8;
        c.reference = ref16 ? load_be16(e.data.data()) : std::uint16_t{e.data[0]};
        c.total = e.data[length - 2];
        c.number = e.data[length - 1];
        c.offset = e.offset;
        if (c.total == 0) return fail(errc::bad_udh, e.offset + length);
        if (c.number == 0 || c.number > c.total) return fail(errc::bad_udh, e.offset + length + 1);
        out.concatenated = true;
        out.concat = c;
    } else if (id == iei::port8 || id == iei::port16) {
        if (out.addressed) return fail(errc::duplicate_field, e.offset);
        const bool wide = id == iei::port16;
        if (length != (wide ? 4u : 2u)) return fail(errc::bad_udh, e.offset + 1);
        port_info p;
        p.wide = wide;
        p.destination = wide ? load_be16(e.data.data()) : std::uint16_t{e.data[0]};
        p.source = wide ? load_be16(e.data.data() + 2) : std::uint16_t{e.data[1]};
        p.offset = e.offset;
        out.addressed = true;
        out.ports = p;
    }
    return {};
}

}  // namespace detail

/// Reads user data as its UDH indicator says: a UDH is present when `udhi` is 1 (TP_udhi) or
/// 0x40 (the esm_class bit of SMPP, which some gateways copy into TP_udhi, G6 in the notes) or
/// 0x41; other values are out_of_range ("TP_udhi", offset 0). The errors of read_elements() and
/// of the concatenation and port elements: an exact length, a non-zero total and a number from
/// 1 to total (bad_udh at the byte at fault), one element of each kind (duplicate_field at the
/// second's IEI). Other elements are skipped. On success result.offset is data.size().
inline result parse_user_data(bytes data, std::uint8_t udhi, user_data& out) noexcept {
    out = user_data{};
    if (udhi != 0 && udhi != 1 && udhi != 0x40 && udhi != 0x41) return fail(errc::out_of_range, 0, "TP_udhi");
    if (udhi == 0) {
        out.text = data;
        return {errc{}, data.size()};
    }
    const result r = read_elements(data, [&out](const information_element& e) { return detail::read_known_element(e, out); });
    if (!r) {
        out = user_data{};
        return r;
    }
    out.udh = data.first(r.offset);
    out.text = data.subspan(r.offset);
    return {errc{}, data.size()};
}

/// Writes a UDH of one concatenation element (concat_udh_size() bytes): UDHL, IEI 0x00 with an
/// 8-bit reference (its low byte) or IEI 0x08 with a 16-bit one, total and number. Like every
/// write, out.finish() tells whether it fitted.
inline void write_concat_udh(writer& out, concat_reference size, std::uint16_t reference, std::uint8_t total,
                             std::uint8_t number) noexcept {
    if (size == concat_reference::ref8) {
        const byte udh[] = {0x05, 0x00, 0x03, static_cast<byte>(reference), total, number};
        out.write(udh, sizeof udh);
    } else {
        const byte udh[] = {0x06, 0x08, 0x04, static_cast<byte>(reference >> 8), static_cast<byte>(reference), total, number};
        out.write(udh, sizeof udh);
    }
}

}  // namespace smsgw::sms
