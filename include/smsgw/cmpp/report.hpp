#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsgw/codec/decimal.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/fixed_field.hpp"
#include "smsgw/core/reader.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

// Status reports carried as Msg_Content:
// - status_report: CMPP_DELIVER with Registered_Delivery 1 (CMPP 2.0 table 8.11), the delivery
//   report of an earlier SUBMIT;
// - mo_status_report: CMPP_FWD with Msg_Fwd_Type 3 (tables 8.18 and 8.35), how an SP took an MO.
// Text fields are views into the content with the NUL padding trimmed (table 8.1); everything
// else is kept, so decode then encode gives the same bytes. Times stay text: gateways send
// placeholders such as "0001010000" (G13 in the notes); parse_report_time() reads them on request.
namespace smsgw::cmpp {

/// The status report's size, decided by Msg_Length: Dest_terminal_Id is 21 bytes in CMPP 2.0 and
/// the 2003-06 CMPP 3.0 draft (60-byte content), 32 bytes in the 3.0.0 standard (71 bytes, its
/// revision item 28). Real 3.0 gateways send both, so a decoder takes whichever arrives.
enum class report_layout : unsigned char {
    bytes60,  ///< Dest_terminal_Id 21
    bytes71,  ///< Dest_terminal_Id 32
};

/// 60 or 71 bytes.
constexpr std::size_t report_size(report_layout l) noexcept { return l == report_layout::bytes60 ? 60 : 71; }
/// 21 or 32 bytes.
constexpr std::size_t dest_terminal_id_size(report_layout l) noexcept { return l == report_layout::bytes60 ? 21 : 32; }

/// CMPP 2.0 table 8.11.
struct status_report {
    std::uint64_t msg_id = 0;            ///< the Msg_Id SUBMIT_RESP gave the reported message
    std::string_view stat;               ///< 7 bytes: see parse_stat()
    std::string_view submit_time;        ///< 10 bytes YYMMDDHHMM
    std::string_view done_time;          ///< 10 bytes YYMMDDHHMM
    std::string_view dest_terminal_id;   ///< 21 or 32 bytes, by layout
    /// SMSC_sequence: the message id in the body of the SMSC's own status report.
    std::uint32_t smsc_sequence = 0;
    /// Which layout the report came in (the 60-byte one of 2.0, or 3.0's).
    report_layout layout = report_layout::bytes60;
};

/// CMPP 2.0 tables 8.18 and 8.35 (60 bytes; the same in 3.0).
struct mo_status_report {
    std::uint64_t msg_id = 0;                   ///< the Msg_Id of the CMPP_DELIVER
    std::string_view stat;                      ///< DELIVRD or REJECTD (3.0 also SA:xxxx, SB:xxxx)
    std::string_view cmpp_deliver_time;         ///< 10 bytes YYMMDDHHMM
    std::string_view cmpp_deliver_resp_time;    ///< 10 bytes YYMMDDHHMM
    std::string_view dest_id;                   ///< 21 bytes: the SP's service code
    std::string_view reserved;                  ///< 4 bytes, NUL padding trimmed like the rest
};

/// The MO status report's size (CMPP 2.0 table 8.11).
inline constexpr std::size_t mo_status_report_size = 60;

// ---- Stat ----------------------------------------------------------------------------------

/// The words of table 8.12, then the prefixes of CMPP 3.0's "XX:xxxx" family (3.0.0 revision
/// item 29: the SMSC, SCP, DSMP, SP or next ISMG that failed, with its error code), then
/// anything else.
enum class stat : unsigned char {
    delivrd,
    expired,
    deleted,
    undeliv,
    acceptd,
    unknown,
    rejectd,
    ma, mb, mc,  ///< SMSC
    ca, cb,      ///< SCP
    da, db,      ///< DSMP
    sa, sb,      ///< SP
    ia, ib, ic,  ///< next ISMG
    other,       ///< outside both lists (e.g. "AF:4"): keep the text
};

/// A Stat value sorted into its family.
struct stat_info {
    /// The family, or other.
    stat kind = stat::other;
    std::string_view code;  ///< the "xxxx" of the 3.0 family, else empty
};

/// The spec's text for a word ("DELIVRD") or a family prefix ("MA"); empty for stat::other.
constexpr std::string_view stat_text(stat s) noexcept {
    constexpr std::string_view names[] = {"DELIVRD", "EXPIRED", "DELETED", "UNDELIV", "ACCEPTD", "UNKNOWN", "REJECTD",
                                          "MA", "MB", "MC", "CA", "CB", "DA", "DB", "SA", "SB", "IA", "IB", "IC"};
    const auto i = static_cast<std::size_t>(s);
    return i < sizeof names / sizeof names[0] ? names[i] : std::string_view();
}

/// Classifies a Stat value (padding already trimmed). A family member is its two-letter prefix,
/// ':' and a code of one to four characters; case matters, as the spec's words are upper case.
constexpr stat_info parse_stat(std::string_view value) noexcept {
    for (std::size_t i = 0; i < static_cast<std::size_t>(stat::other); ++i) {
        const auto s = static_cast<stat>(i);
        const std::string_view name = stat_text(s);
        if (s < stat::ma) {
            if (value == name) return {s, {}};
        } else if (value.size() > 3 && value.size() <= 7 && value.substr(0, 2) == name && value[2] == ':') {
            return {s, value.substr(3)};
        }
    }
    return {stat::other, {}};
}

// ---- times ---------------------------------------------------------------------------------

/// YYMMDDHHMM, the format of Submit_time, Done_time and the MO report's times.
struct report_time {
    std::uint8_t year = 0;  ///< 00..99: the last two digits
    /// 01..12
    std::uint8_t month = 0;
    /// 01..31
    std::uint8_t day = 0;
    /// 00..23
    std::uint8_t hour = 0;
    /// 00..59
    std::uint8_t minute = 0;
};

namespace detail {
inline constexpr const char* report_time_parts[] = {"year", "month", "day", "hour", "minute"};
inline constexpr std::uint8_t report_time_min[] = {0, 1, 1, 0, 0};
inline constexpr std::uint8_t report_time_max[] = {99, 12, 31, 23, 59};
}  // namespace detail

/// invalid_length (offset 0) unless 10 characters, bad_character at the first non-digit,
/// out_of_range at the first digit of a part outside the ranges table 8.11 gives (day 01..31 in
/// any month, as the table says; codec::datetime::parse(text, datetime::shape::yymmddhhmm, t)
/// reads the same text as a real calendar time in 2000..2099).
constexpr result parse_report_time(std::string_view text, report_time& out) noexcept {
    if (text.size() != 10) return fail(errc::invalid_length, 0);
    std::uint8_t v[5] = {};
    for (std::size_t i = 0; i < 5; ++i) {
        const result r = codec::decimal::parse(text.substr(2 * i, 2), v[i]);
        if (!r) return fail(errc::bad_character, 2 * i + r.offset);
        if (v[i] < detail::report_time_min[i] || v[i] > detail::report_time_max[i])
            return fail(errc::out_of_range, 2 * i, detail::report_time_parts[i]);
    }
    out = report_time{v[0], v[1], v[2], v[3], v[4]};
    return {errc{}, 10};
}

/// Writes the 10 digits, or out_of_range naming the part when one is outside its range.
inline result format_report_time(const report_time& t, writer& out) noexcept {
    const std::uint8_t v[5] = {t.year, t.month, t.day, t.hour, t.minute};
    for (std::size_t i = 0; i < 5; ++i) {
        if (v[i] < detail::report_time_min[i] || v[i] > detail::report_time_max[i])
            return fail(errc::out_of_range, out.size(), detail::report_time_parts[i]);
    }
    for (std::uint8_t x : v) codec::decimal::write_padded(out, x, 2);
    return out.finish();
}

// ---- encode and decode ----------------------------------------------------------------------

/// Encodes the report in its layout: field_too_long naming the field that does not fit.
inline result encode(const status_report& r, writer& out) noexcept {
    out.put_be64(r.msg_id);
    result e;
    if (!(e = write_fixed(out, r.stat, 7, pad::nul_right, "Stat"))) return e;
    if (!(e = write_fixed(out, r.submit_time, 10, pad::nul_right, "Submit_time"))) return e;
    if (!(e = write_fixed(out, r.done_time, 10, pad::nul_right, "Done_time"))) return e;
    if (!(e = write_fixed(out, r.dest_terminal_id, dest_terminal_id_size(r.layout), pad::nul_right,
                          "Dest_terminal_Id")))
        return e;
    out.put_be32(r.smsc_sequence);
    return out.finish();
}

/// Decodes a DELIVER report's Msg_Content; its size picks the layout. Other sizes: truncated
/// at the end below 60 bytes, invalid_length at 60 between 61 and 70, trailing_bytes at 71 above.
inline result decode(bytes in, status_report& out) noexcept {
    if (in.size() < 60) return fail(errc::truncated, in.size());
    if (in.size() > 60 && in.size() < 71) return fail(errc::invalid_length, 60);
    if (in.size() > 71) return fail(errc::trailing_bytes, 71);
    const report_layout layout = in.size() == 60 ? report_layout::bytes60 : report_layout::bytes71;
    reader rd(in);
    out.msg_id = rd.be64();
    out.stat = trim_fixed(rd.take(7));
    out.submit_time = trim_fixed(rd.take(10));
    out.done_time = trim_fixed(rd.take(10));
    out.dest_terminal_id = trim_fixed(rd.take(dest_terminal_id_size(layout)));
    out.smsc_sequence = rd.be32();
    out.layout = layout;
    return rd.status();
}

/// Writes the 60 bytes of an MO status report; field_too_long (the spec's field) for a value too long.
inline result encode(const mo_status_report& r, writer& out) noexcept {
    out.put_be64(r.msg_id);
    result e;
    if (!(e = write_fixed(out, r.stat, 7, pad::nul_right, "Stat"))) return e;
    if (!(e = write_fixed(out, r.cmpp_deliver_time, 10, pad::nul_right, "CMPP_DELIVER_time"))) return e;
    if (!(e = write_fixed(out, r.cmpp_deliver_resp_time, 10, pad::nul_right, "CMPP_DELIVER_RESP_time"))) return e;
    if (!(e = write_fixed(out, r.dest_id, 21, pad::nul_right, "Dest_Id"))) return e;
    if (!(e = write_fixed(out, r.reserved, 4, pad::nul_right, "Reserved"))) return e;
    return out.finish();
}

/// Decodes a FWD MO report's Msg_Content: exactly 60 bytes (truncated at the end when shorter,
/// trailing_bytes at 60 when longer).
inline result decode(bytes in, mo_status_report& out) noexcept {
    if (in.size() > mo_status_report_size) return fail(errc::trailing_bytes, mo_status_report_size);
    reader rd(in);
    out.msg_id = rd.be64();
    out.stat = trim_fixed(rd.take(7));
    out.cmpp_deliver_time = trim_fixed(rd.take(10));
    out.cmpp_deliver_resp_time = trim_fixed(rd.take(10));
    out.dest_id = trim_fixed(rd.take(21));
    out.reserved = trim_fixed(rd.take(4));
    return rd.status();
}

}  // namespace smsgw::cmpp
