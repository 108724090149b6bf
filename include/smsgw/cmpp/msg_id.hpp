#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/codec/datetime.hpp"
#include "smsgw/codec/decimal.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/writer.hpp"

// Msg_Id, the 64-bit message identifier an ISMG generates (CMPP 2.0 tables 8.7 and 8.10;
// unchanged in 3.0). The spec numbers bits from bit64 (most significant) to bit1:
//
//   bit64-61 month   bit60-56 day   bit55-51 hour   bit50-45 minute   bit44-39 second
//   bit38-17 gateway code (22 bits)                 bit16-1 sequence (16 bits)
//
// On the wire Msg_Id is an 8-byte big-endian integer, and PDUs carry it as std::uint64_t.
// Peers are known to put other things there (ASCII digits, G14 in the notes), so decoding never
// checks the parts: unpack_msg_id() always succeeds, check_msg_id() says whether they make sense.
namespace smsgw::cmpp {

/// The fields packed into a 64-bit Msg_Id.
struct msg_id_parts {
    std::uint8_t month = 0;     ///< 1..12
    std::uint8_t day = 0;       ///< 1..31
    std::uint8_t hour = 0;      ///< 0..23
    std::uint8_t minute = 0;    ///< 0..59
    std::uint8_t second = 0;    ///< 0..59
    std::uint32_t gateway = 0;  ///< ISMG code as an integer, 0..0x3FFFFF
    /// The ISMG's sequence number, 0..0xFFFF.
    std::uint16_t sequence = 0;
};

/// Whether all fields are equal.
constexpr bool operator==(const msg_id_parts& a, const msg_id_parts& b) noexcept {
    return a.month == b.month && a.day == b.day && a.hour == b.hour && a.minute == b.minute &&
           a.second == b.second && a.gateway == b.gateway && a.sequence == b.sequence;
}
/// Whether a field differs.
constexpr bool operator!=(const msg_id_parts& a, const msg_id_parts& b) noexcept { return !(a == b); }

/// The parts of a Msg_Id made at time `t` (the gateway's local time: China Standard Time is
/// codec::datetime::from_unix(unix_seconds + 8 * 3600, t)) by gateway `gateway`, number `sequence`.
constexpr msg_id_parts msg_id_at(const codec::datetime::date_time& t, std::uint32_t gateway, std::uint16_t sequence) noexcept {
    return {t.month, t.day, t.hour, t.minute, t.second, gateway, sequence};
}

inline constexpr std::uint32_t msg_id_gateway_max = 0x3FFFFF;  ///< 22 bits

namespace detail {
// The calendar ranges of an MMDDHHMMSS time (Msg_Id, CONNECT's Timestamp): out_of_range naming the part.
constexpr result check_mmddhhmmss(unsigned month, unsigned day, unsigned hour, unsigned minute, unsigned second) noexcept {
    if (month < 1 || month > 12) return fail(errc::out_of_range, 0, "month");
    if (day < 1 || day > 31) return fail(errc::out_of_range, 0, "day");
    if (hour > 23) return fail(errc::out_of_range, 0, "hour");
    if (minute > 59) return fail(errc::out_of_range, 0, "minute");
    if (second > 59) return fail(errc::out_of_range, 0, "second");
    return {};
}
}  // namespace detail

/// Whether every part is within its calendar range and bit width: out_of_range naming the part
/// ("month", "day", "hour", "minute", "second", "gateway") otherwise, offset 0.
constexpr result check_msg_id(const msg_id_parts& p) noexcept {
    const result r = detail::check_mmddhhmmss(p.month, p.day, p.hour, p.minute, p.second);
    if (!r) return r;
    if (p.gateway > msg_id_gateway_max) return fail(errc::out_of_range, 0, "gateway");
    return {};
}

/// Splits a Msg_Id into its bit fields, whatever the bits are.
constexpr msg_id_parts unpack_msg_id(std::uint64_t id) noexcept {
    msg_id_parts p;
    p.month = static_cast<std::uint8_t>((id >> 60) & 0x0F);
    p.day = static_cast<std::uint8_t>((id >> 55) & 0x1F);
    p.hour = static_cast<std::uint8_t>((id >> 50) & 0x1F);
    p.minute = static_cast<std::uint8_t>((id >> 44) & 0x3F);
    p.second = static_cast<std::uint8_t>((id >> 38) & 0x3F);
    p.gateway = static_cast<std::uint32_t>((id >> 16) & msg_id_gateway_max);
    p.sequence = static_cast<std::uint16_t>(id & 0xFFFF);
    return p;
}

/// Joins the parts into a Msg_Id after check_msg_id(); `id` is left alone on error.
constexpr result pack_msg_id(const msg_id_parts& p, std::uint64_t& id) noexcept {
    const result r = check_msg_id(p);
    if (!r) return r;
    id = (std::uint64_t{p.month} << 60) | (std::uint64_t{p.day} << 55) | (std::uint64_t{p.hour} << 50) |
         (std::uint64_t{p.minute} << 44) | (std::uint64_t{p.second} << 38) | (std::uint64_t{p.gateway} << 16) |
         p.sequence;
    return {};
}

/// The 22-digit decimal text gateways log and print for a Msg_Id: MMDDHHMMSS, the gateway code
/// in 7 digits, the sequence in 5 ("0123235959" "4194303" "65535"). Any unpacked id has one.
inline constexpr std::size_t msg_id_text_size = 22;

/// Writes the msg_id_text_size digits of `p`: the writer's finish().
inline result format_msg_id(const msg_id_parts& p, writer& out) noexcept {
    const std::uint32_t values[] = {p.month, p.day, p.hour, p.minute, p.second, p.gateway, p.sequence};
    const unsigned widths[] = {2, 2, 2, 2, 2, 7, 5};
    for (std::size_t i = 0; i < 7; ++i) codec::decimal::write_padded(out, values[i], widths[i]);
    return out.finish();
}

/// Reads the 22-digit text back: invalid_length (offset 0) unless exactly 22 characters,
/// bad_character at the first non-digit, out_of_range naming the part that exceeds its bits.
/// The calendar ranges are not checked (a logged id is shown as it was); use check_msg_id().
constexpr result parse_msg_id_text(std::string_view text, msg_id_parts& out) noexcept {
    if (text.size() != msg_id_text_size) return fail(errc::invalid_length, 0);
    const unsigned widths[] = {2, 2, 2, 2, 2, 7, 5};
    const std::uint32_t limits[] = {15, 31, 31, 63, 63, msg_id_gateway_max, 0xFFFF};
    const char* names[] = {"month", "day", "hour", "minute", "second", "gateway", "sequence"};
    std::uint32_t values[7] = {};
    std::size_t pos = 0;
    for (std::size_t i = 0; i < 7; pos += widths[i++]) {
        const result r = codec::decimal::parse(text.substr(pos, widths[i]), values[i]);  // 7 digits at most
        if (!r) return fail(errc::bad_character, pos + r.offset);
        if (values[i] > limits[i]) return fail(errc::out_of_range, pos, names[i]);
    }
    out.month = static_cast<std::uint8_t>(values[0]);
    out.day = static_cast<std::uint8_t>(values[1]);
    out.hour = static_cast<std::uint8_t>(values[2]);
    out.minute = static_cast<std::uint8_t>(values[3]);
    out.second = static_cast<std::uint8_t>(values[4]);
    out.gateway = values[5];
    out.sequence = static_cast<std::uint16_t>(values[6]);
    return {errc{}, msg_id_text_size};
}

}  // namespace smsgw::cmpp
