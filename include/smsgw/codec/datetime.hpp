#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/decimal.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/inline.hpp"
#include "smsgw/core/writer.hpp"

/// Date-time fields as the vendors write them, read and written with real calendar checks, and
/// Unix seconds. Times are civil times as the text gives them (the vendors' local time, China or
/// Taiwan): no time zone is applied or assumed, so to_unix() of a Beijing wall-clock time is the
/// Unix time of that wall-clock reading in UTC.
///
/// Leap seconds: a second of 60 is out_of_range. Unix time counts 86400 seconds a day and has no
/// number for 23:59:60 (it would be the same instant as the next 00:00:00, so decode then encode
/// would not give the text back), and none of the vendors' documents allows it.
namespace smsgw::codec::datetime {

/// A proleptic Gregorian civil time. Years min_year..max_year (year 0 is 1 BC, ISO 8601).
struct date_time {
    /// Four digits.
    std::int32_t year = 1970;
    std::uint8_t month = 1;   ///< 1..12
    std::uint8_t day = 1;     ///< 1..days_in_month(year, month)
    std::uint8_t hour = 0;    ///< 0..23
    std::uint8_t minute = 0;  ///< 0..59
    std::uint8_t second = 0;  ///< 0..59
};

/// Whether all fields are equal.
constexpr bool operator==(const date_time& a, const date_time& b) noexcept {
    return a.year == b.year && a.month == b.month && a.day == b.day && a.hour == b.hour && a.minute == b.minute &&
           a.second == b.second;
}
/// Whether a field differs.
constexpr bool operator!=(const date_time& a, const date_time& b) noexcept { return !(a == b); }

/// The years a date_time may hold: wide enough for any date a protocol carries, small enough
/// that every conversion below is exact in 64 bits.
///@{
inline constexpr std::int32_t min_year = -999999;
inline constexpr std::int32_t max_year = 999999;
///@}

/// Gregorian leap years.
constexpr bool is_leap_year(std::int64_t y) noexcept { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

/// 28..31, or 0 for a month outside 1..12.
constexpr unsigned days_in_month(std::int64_t y, unsigned month) noexcept {
    constexpr unsigned char days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(y) ? 29u : days[month - 1];
}

/// Success when every part is a real calendar value; out_of_range (offset 0) naming the first
/// part that is not ("year", "month", "day", "hour", "minute", "second").
constexpr result check(const date_time& t) noexcept {
    if (t.year < min_year || t.year > max_year) return fail(errc::out_of_range, 0, "year");
    if (t.month < 1 || t.month > 12) return fail(errc::out_of_range, 0, "month");
    if (t.day < 1 || t.day > days_in_month(t.year, t.month)) return fail(errc::out_of_range, 0, "day");
    if (t.hour > 23) return fail(errc::out_of_range, 0, "hour");
    if (t.minute > 59) return fail(errc::out_of_range, 0, "minute");
    if (t.second > 59) return fail(errc::out_of_range, 0, "second");
    return {};
}

/// Days from 1970-01-01 to a civil date (H. Hinnant's days_from_civil: eras of 400 years,
/// years starting in March, exact for any year an int64 of days can hold). The date is not checked.
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned month, unsigned day) noexcept {
    y -= month <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);                     // [0, 399]
    const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;  // [0, 365]
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                // [0, 146096]
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

/// The civil date `days` after 1970-01-01 (negative: before), the inverse of days_from_civil.
constexpr void civil_from_days(std::int64_t days, std::int64_t& y, unsigned& month, unsigned& day) noexcept {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);              // [0, 146096]
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);              // [0, 365]
    const unsigned mp = (5 * doy + 2) / 153;                                   // [0, 11], from March
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
}

/// Seconds since 1970-01-01 00:00:00 of `t` read as UTC, after check() (its error otherwise).
constexpr result to_unix(const date_time& t, std::int64_t& seconds) noexcept {
    if (result r = check(t); !r) return r;
    seconds = days_from_civil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
    return {};
}

/// The Unix seconds of the first and last instants a date_time holds.
///@{
inline constexpr std::int64_t min_unix = days_from_civil(min_year, 1, 1) * 86400;
inline constexpr std::int64_t max_unix = days_from_civil(max_year, 12, 31) * 86400 + 86399;
///@}

/// The civil time (UTC) of Unix `seconds`; out_of_range (offset 0, "seconds") outside
/// min_unix..max_unix, `out` left alone.
constexpr result from_unix(std::int64_t seconds, date_time& out) noexcept {
    if (seconds < min_unix || seconds > max_unix) return fail(errc::out_of_range, 0, "seconds");
    std::int64_t days = seconds / 86400;
    std::int64_t rest = seconds % 86400;
    if (rest < 0) {  // floor division
        rest += 86400;
        --days;
    }
    std::int64_t y = 0;
    unsigned m = 0;
    unsigned d = 0;
    civil_from_days(days, y, m, d);
    out.year = static_cast<std::int32_t>(y);
    out.month = static_cast<std::uint8_t>(m);
    out.day = static_cast<std::uint8_t>(d);
    out.hour = static_cast<std::uint8_t>(rest / 3600);
    out.minute = static_cast<std::uint8_t>(rest / 60 % 60);
    out.second = static_cast<std::uint8_t>(rest % 60);
    return {};
}

// ---- text --------------------------------------------------------------------------------------

/// The shapes of date-time text in the vendors' documents.
enum class shape : unsigned char {
    yyyymmddhhmmss,       ///< 20130408145521: Mitake orderTime/statusTime, SMS platform timestamp, Hezhong
    yymmddhhmm,           ///< 1304081455: CMPP Submit_time, Done_time, CMPP_DELIVER_time, SMS platform
                          ///< reportTime. YY is 2000 + YY (years 2000..2099), seconds are 0
    yyyy_mm_dd_hh_mm_ss,  ///< 2013-04-08 14:55:21: 5C report times, SMS platform
    unix_seconds,         ///< 1365432921: decimal seconds since 1970 UTC ('-' before), 5C from/to
};

/// The characters of a shape's text: fixed for the three calendar shapes; unix_seconds is 1 to
/// max_text_size characters.
constexpr std::size_t text_size(shape s) noexcept {
    switch (s) {
    case shape::yyyymmddhhmmss: return 14;
    case shape::yymmddhhmm: return 10;
    case shape::yyyy_mm_dd_hh_mm_ss: return 19;
    case shape::unix_seconds: break;
    }
    return 0;
}
/// The longest text a date_time is written as.
inline constexpr std::size_t max_text_size = decimal::max_chars;

namespace detail {

// A shape as a pattern: a run of one letter is a field of that many digits (Y year, M month,
// D day, h hour, m minute, s second), any other character stands for itself.
constexpr std::string_view pattern(shape s) noexcept {
    switch (s) {
    case shape::yyyymmddhhmmss: return "YYYYMMDDhhmmss";
    case shape::yymmddhhmm: return "YYMMDDhhmm";
    case shape::yyyy_mm_dd_hh_mm_ss: return "YYYY-MM-DD hh:mm:ss";
    case shape::unix_seconds: break;
    }
    return {};
}

constexpr bool is_field(char c) noexcept {
    return c == 'Y' || c == 'M' || c == 'D' || c == 'h' || c == 'm' || c == 's';
}

constexpr const char* field_name(char c) noexcept {
    switch (c) {
    case 'Y': return "year";
    case 'M': return "month";
    case 'D': return "day";
    case 'h': return "hour";
    case 'm': return "minute";
    default: return "second";
    }
}

// The years a year field of `digits` digits holds: 2000..2099 for two, 0..9999 for four.
constexpr std::int32_t first_year(std::size_t digits) noexcept { return digits == 2 ? 2000 : 0; }
constexpr std::int32_t last_year(std::size_t digits) noexcept { return digits == 2 ? 2099 : 9999; }

// Walks pattern `p` from the left: field(letter, offset, digits) for each field, literal(offset)
// for each other character, stopping at the first that returns an error.
template <class Field, class Literal>
constexpr result walk(std::string_view p, Field&& field, Literal&& literal) noexcept {
    for (std::size_t i = 0; i < p.size();) {
        std::size_t n = 1;
        result r;
        if (is_field(p[i])) {
            while (i + n < p.size() && p[i + n] == p[i]) ++n;
            r = field(p[i], i, n);
        } else {
            r = literal(i);
        }
        if (!r) return r;
        i += n;
    }
    return {};
}

// The eight bytes of v at o as a little-endian word, built byte by byte so that it stays constexpr
// (GCC and Clang make the one expression a single load; written as a loop, GCC does not).
constexpr std::uint64_t word_at(std::string_view v, std::size_t o) noexcept {
    const char* const q = v.data() + o;
    const auto b = [q](std::size_t k) noexcept { return std::uint64_t{static_cast<unsigned char>(q[k])} << (8 * k); };
    return b(0) | b(1) | b(2) | b(3) | b(4) | b(5) | b(6) | b(7);
}

// A calendar shape's text as words of eight bytes: at 0, 8, ... and the last at size - 8
// (overlapping the one before), with what each lane of each word must hold, and each two-digit
// field's place in one of the words with its range (1..12 for a month, 1..31 for a day (the
// month's own length is checked apart), 0..23, 0..59 for the rest, any two digits of a year).
template <shape S>
struct fixed_words {
    static constexpr std::string_view p = pattern(S);
    static_assert(p.size() >= 8 && p.size() <= 32);
    static constexpr std::size_t count = (p.size() + 7) / 8;
    std::size_t at[count] = {};              // of each word
    std::uint64_t digits[count] = {};        // 0x80 in the lanes of a digit
    std::uint64_t literal_mask[count] = {};  // 0xFF in the lanes of a separator
    std::uint64_t literal[count] = {};       // the separators there
    std::uint64_t pair_mask[count] = {};     // 0xFF in the lane of the first digit of a field's pair
    std::uint64_t pair_lanes[count] = {};    // 0x80 there
    std::uint64_t to_lo[count] = {};         // 0x80 - lowest value, there
    std::uint64_t past_hi[count] = {};       // 0x7F - highest value, there
    constexpr fixed_words() noexcept {
        for (std::size_t j = 0; j < count; ++j) {
            at[j] = 8 * j + 8 <= p.size() ? 8 * j : p.size() - 8;
            for (std::size_t k = 0; k < 8; ++k) {
                const char c = p[at[j] + k];
                if (is_field(c)) {
                    digits[j] |= std::uint64_t{0x80} << (8 * k);
                } else {
                    literal_mask[j] |= std::uint64_t{0xFF} << (8 * k);
                    literal[j] |= std::uint64_t{static_cast<unsigned char>(c)} << (8 * k);
                }
            }
        }
        for (std::size_t q = 0; q < p.size(); q += 2) {
            while (q < p.size() && !is_field(p[q])) ++q;
            if (q + 1 >= p.size()) break;
            const std::size_t j = word_of(q);
            const unsigned shift = static_cast<unsigned>(8 * (q - at[j]));
            const unsigned lo = p[q] == 'M' || p[q] == 'D' ? 1 : 0;
            const unsigned hi = p[q] == 'Y' ? 99 : p[q] == 'M' ? 12 : p[q] == 'D' ? 31 : p[q] == 'h' ? 23 : 59;
            pair_mask[j] |= std::uint64_t{0xFF} << shift;
            pair_lanes[j] |= std::uint64_t{0x80} << shift;
            to_lo[j] |= std::uint64_t{0x80 - lo} << shift;
            past_hi[j] |= std::uint64_t{0x7F - hi} << shift;
        }
    }
    // The word holding both digits of the two-digit field at q (in the pattern).
    constexpr std::size_t word_of(std::size_t q) const noexcept {
        std::size_t j = 0;
        while (j + 1 < count && !(at[j] <= q && q + 1 < at[j] + 8)) ++j;
        return j;
    }
};

// A calendar shape read at its fixed positions, for the common case of every digit and
// separator in place and each value in range; false leaves it to parse()'s walk, which says
// what is wrong (the walk was a third of the time of reading a 5C report, and of Hezhong's rpts).
// A word of eight bytes at a time, every position a constant: the separators compared, the
// digits checked by ascii::detail::word_in_range, each lane's digit with the next's made a
// two-digit number (the low nibbles times ten plus the next lane's: no carry between lanes),
// and those of the fields checked against their ranges as word_in_range checks bytes (a number
// below 100 plus at most 0x80 stays in its lane). Only a day past 28 looks at the month.
template <shape S>
constexpr bool parse_fixed(std::string_view v, date_time& out) noexcept {
    using words = fixed_words<S>;
    constexpr words w{};
    constexpr std::string_view p = words::p;
    constexpr std::size_t year_digits = p.find_first_not_of('Y');
    constexpr std::size_t month = p.find('M'), day = p.find('D'), hour = p.find('h'), minute = p.find('m'),
                          second = p.find('s');
    if (v.size() != p.size()) return false;
    std::uint64_t pairs[words::count] = {};
    for (std::size_t j = 0; j < words::count; ++j) {
        const std::uint64_t x = word_at(v, w.at[j]);
        if ((x & w.literal_mask[j]) != w.literal[j] || !ascii::detail::word_in_range<'0', '9'>(x, w.digits[j])) return false;
        const std::uint64_t nibbles = x & 0x0F0F0F0F0F0F0F0Fu;
        pairs[j] = (nibbles * 10 + (nibbles >> 8)) & w.pair_mask[j];
        const std::uint64_t at_least_lo = pairs[j] + w.to_lo[j];
        const std::uint64_t above_hi = pairs[j] + w.past_hi[j];
        if ((at_least_lo & ~above_hi & w.pair_lanes[j]) != w.pair_lanes[j]) return false;
    }
    const auto two = [&w, &pairs](std::size_t q) noexcept {
        const std::size_t j = w.word_of(q);
        return static_cast<unsigned>(pairs[j] >> (8 * (q - w.at[j])) & 0xFF);
    };
    const auto year = static_cast<std::int32_t>(year_digits == 4 ? two(0) * 100 + two(2) : two(0)) + first_year(year_digits);
    const unsigned mo = two(month), dd = two(day);
    if (dd > 28 && dd > days_in_month(year, mo)) return false;
    out = date_time{year,
                    static_cast<std::uint8_t>(mo),
                    static_cast<std::uint8_t>(dd),
                    static_cast<std::uint8_t>(two(hour)),
                    static_cast<std::uint8_t>(two(minute)),
                    static_cast<std::uint8_t>(second == std::string_view::npos ? 0 : two(second))};
    return true;
}

}  // namespace detail

namespace detail {

// parse() but for its fast path: unix_seconds, and a calendar shape field by field, which says
// what is wrong. Apart and out of line, so that parse() is small enough to be inlined with its
// shape a constant, and its callers keep their registers (Hezhong's rpts 4% fewer instructions).
SMSGW_NOINLINE constexpr result parse_walk(std::string_view text, shape s, date_time& out) noexcept {
    if (s == shape::unix_seconds) {
        std::int64_t v = 0;
        if (result r = decimal::parse(text, v, {decimal::sign::minus, false}); !r) return r;
        date_time t;
        if (result r = from_unix(v, t); !r) return r;
        out = t;
        return {errc{}, text.size()};
    }
    const std::string_view p = pattern(s);
    if (text.size() != p.size()) return fail(errc::invalid_length, 0);
    date_time t;
    const auto field = [&](char f, std::size_t at, std::size_t n) noexcept -> result {
        // At most four digits: read here, decimal::parse's generality cost Hezhong's rpts 30%.
        unsigned v = 0;
        for (std::size_t k = at; k < at + n; ++k) {
            if (!ascii::is_digit(text[k])) return fail(errc::bad_character, k);
            v = v * 10 + static_cast<unsigned>(text[k] - '0');
        }
        unsigned hi = 59;
        switch (f) {
        case 'Y': t.year = static_cast<std::int32_t>(v) + first_year(n); return {};
        case 'M': hi = 12; break;
        case 'D': hi = days_in_month(t.year, t.month); break;  // year and month come first in every shape
        case 'h': hi = 23; break;
        default: break;
        }
        const unsigned lo = f == 'M' || f == 'D' ? 1 : 0;
        if (v < lo || v > hi) return fail(errc::out_of_range, at, field_name(f));
        const auto b = static_cast<std::uint8_t>(v);
        (f == 'M' ? t.month : f == 'D' ? t.day : f == 'h' ? t.hour : f == 'm' ? t.minute : t.second) = b;
        return {};
    };
    const auto literal = [&](std::size_t at) noexcept { return text[at] == p[at] ? result{} : fail(errc::bad_character, at); };
    if (result r = walk(p, field, literal); !r) return r;
    out = t;
    return {errc{}, text.size()};
}

}  // namespace detail

/// Reads the whole of `text` in shape `s`. Success: offset = text.size(). Errors:
/// - calendar shapes: invalid_length (offset 0) unless text_size(s) characters; then, field by
///   field from the left, bad_character at the first byte that is not a digit or not the
///   separator the shape has there, out_of_range at a field's first digit (result.field: "month",
///   "day" (checked against the month and leap years), "hour", "minute", "second"; a second of
///   60 is refused);
/// - unix_seconds: decimal::parse's errors (empty_field, bad_character, a leading zero refused,
///   out_of_range at 0 past int64), and out_of_range (offset 0, "seconds") outside min_unix..max_unix.
/// `out` is written only on success.
constexpr result parse(std::string_view text, shape s, date_time& out) noexcept {
    const bool fixed = s == shape::yyyymmddhhmmss        ? detail::parse_fixed<shape::yyyymmddhhmmss>(text, out)
                       : s == shape::yymmddhhmm          ? detail::parse_fixed<shape::yymmddhhmm>(text, out)
                       : s == shape::yyyy_mm_dd_hh_mm_ss ? detail::parse_fixed<shape::yyyy_mm_dd_hh_mm_ss>(text, out)
                                                         : false;
    return fixed ? result{errc{}, text.size()} : detail::parse_walk(text, s, out);
}

/// Writes `t` in shape `s`. Success: offset = characters written; buffer_too_small: offset =
/// the size the writer needs. Errors, nothing written, offset 0: check()'s out_of_range, and
/// out_of_range "year" outside the years the shape holds (0..9999, 2000..2099 for YY), or
/// "second" when yymmddhhmm would drop seconds that are not 0.
inline result write(writer& out, const date_time& t, shape s) noexcept {
    if (result r = check(t); !r) return r;
    if (s == shape::unix_seconds) {
        std::int64_t v = 0;
        to_unix(t, v);
        const decimal::text d = decimal::format(v);
        out.write(d.view());
        return out.overflowed() ? out.finish() : result{errc{}, d.size()};
    }
    const std::size_t year_digits = s == shape::yymmddhhmm ? 2 : 4;
    if (t.year < detail::first_year(year_digits) || t.year > detail::last_year(year_digits))
        return fail(errc::out_of_range, 0, "year");
    if (s == shape::yymmddhhmm && t.second != 0) return fail(errc::out_of_range, 0, "second");
    const std::string_view p = detail::pattern(s);
    char text[24] = {};
    const auto field = [&](char f, std::size_t at, std::size_t n) noexcept {
        const std::int32_t v = f == 'Y'   ? t.year - detail::first_year(n)
                               : f == 'M' ? t.month
                               : f == 'D' ? t.day
                               : f == 'h' ? t.hour
                               : f == 'm' ? t.minute
                                          : t.second;
        const decimal::text d = decimal::format_padded(static_cast<std::uint64_t>(v), static_cast<unsigned>(n));
        for (std::size_t k = 0; k < n; ++k) text[at + k] = d.view()[k];
        return result{};
    };
    const auto literal = [&](std::size_t at) noexcept {
        text[at] = p[at];
        return result{};
    };
    detail::walk(p, field, literal);
    out.write(text, p.size());
    return out.overflowed() ? out.finish() : result{errc{}, p.size()};
}

}  // namespace smsgw::codec::datetime
