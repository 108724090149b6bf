// Decimal integers and date-time fields on arbitrary bytes: whatever a reader accepts writes
// back to the same value (and, where the text is canonical, to the same text); whatever it
// refuses, it refuses at an offset inside the text; any value formats to a text that parses back.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string_view>
#include <type_traits>

#include "smsgw/codec/datetime.hpp"
#include "smsgw/codec/decimal.hpp"

namespace {

namespace decimal = smsgw::codec::decimal;
namespace dt = smsgw::codec::datetime;
using smsgw::errc;

void check(bool ok) {
    if (!ok) std::abort();
}

// A reader's error stays inside the text (empty_field and out_of_range at 0).
void check_error(const smsgw::result& r, std::string_view text) {
    switch (r.ec) {
    case errc::bad_character: check(r.offset <= text.size()); break;
    case errc::field_too_long: check(r.offset < text.size()); break;
    case errc::empty_field: check(text.empty() && r.offset == 0); break;
    case errc::out_of_range:
    case errc::invalid_length: check(r.offset < text.size() || r.offset == 0); break;
    default: check(false);
    }
}

template <class Int>
void decimal_text(std::string_view text) {
    for (auto s : {decimal::sign::none, decimal::sign::minus, decimal::sign::any}) {
        for (bool zeros : {true, false}) {
            for (std::size_t max : {std::size_t{0}, std::size_t{3}}) {
                const decimal::parse_options o{s, zeros, max};
                Int v{};
                const smsgw::result r = decimal::parse(text, v, o);
                Int p{};
                const smsgw::result rp = decimal::parse_prefix(text, p, o);
                if (!r) {
                    check_error(r, text);
                    if (rp) check(rp.offset < text.size());  // the whole was refused at a byte after the number
                    continue;
                }
                check(r.offset == text.size());
                check(rp == r && p == v);
                const auto t = decimal::format(v);
                Int back{};
                check(decimal::parse(t.view(), back, {decimal::sign::minus, false}) ==
                      smsgw::result{errc{}, t.size()});
                check(back == v);
                // The text is canonical unless it had a '+', a zero in front or "-0".
                const bool canonical = text[0] != '+' && !(text.size() > 1 && text[0] == '0') &&
                                       !(text[0] == '-' && text.size() > 1 && text[1] == '0');
                if (canonical) check(t.view() == text);
            }
        }
    }
}

// Any value formats to a text that parses back, padded or not.
template <class Int>
void decimal_value(Int v) {
    const auto t = decimal::format(v);
    Int back{};
    check(decimal::parse(t.view(), back, {decimal::sign::minus, false}) == smsgw::result{errc{}, t.size()});
    check(back == v);
    if constexpr (std::is_unsigned_v<Int>) {
        check(t.size() == decimal::digits(v));
        for (unsigned width : {1u, 2u, 7u, 19u, 20u}) {
            const auto padded = decimal::format_padded(v, width);
            check(padded.size() == width);
            std::uint64_t low = 0;
            check(decimal::parse(padded.view(), low).ok());
            std::uint64_t mod = 1;  // 10^width, which 20 digits pass
            for (unsigned k = 0; k < width && width < 20; ++k) mod *= 10;
            check(low == (width >= 20 ? std::uint64_t{v} : std::uint64_t{v} % mod));  // the low digits
        }
    }
}

void date_text(std::string_view text) {
    for (dt::shape s : {dt::shape::yyyymmddhhmmss, dt::shape::yymmddhhmm, dt::shape::yyyy_mm_dd_hh_mm_ss,
                        dt::shape::unix_seconds}) {
        dt::date_time t;
        const smsgw::result r = dt::parse(text, s, t);
        if (!r) {
            check_error(r, text);
            continue;
        }
        check(r.offset == text.size());
        check(dt::check(t).ok());
        char buf[dt::max_text_size];
        smsgw::writer w(buf, sizeof buf);
        const smsgw::result wr = dt::write(w, t, s);
        check(wr.ok() && wr.offset == w.size());
        const std::string_view again(buf, w.size());
        if (s != dt::shape::unix_seconds || text != "-0") check(again == text);  // fixed widths: one text per time
        dt::date_time back;
        check(dt::parse(again, s, back).ok() && back == t);
        std::int64_t seconds = 0;
        check(dt::to_unix(t, seconds).ok());
        check(dt::from_unix(seconds, back).ok() && back == t);
    }
}

// Unix seconds of any value: in range, they come back through every shape that holds them.
void date_value(std::int64_t seconds) {
    dt::date_time t;
    const smsgw::result r = dt::from_unix(seconds, t);
    check(r.ok() == (seconds >= dt::min_unix && seconds <= dt::max_unix));
    if (!r) return;
    check(dt::check(t).ok());
    std::int64_t back_seconds = 0;
    check(dt::to_unix(t, back_seconds).ok() && back_seconds == seconds);
    for (dt::shape s : {dt::shape::yyyymmddhhmmss, dt::shape::yymmddhhmm, dt::shape::yyyy_mm_dd_hh_mm_ss,
                        dt::shape::unix_seconds}) {
        char buf[dt::max_text_size];
        smsgw::writer w(buf, sizeof buf);
        const smsgw::result wr = dt::write(w, t, s);
        const bool fits = s == dt::shape::unix_seconds                     ? true
                          : s == dt::shape::yymmddhhmm                     ? t.year >= 2000 && t.year <= 2099 && t.second == 0
                                                                           : t.year >= 0 && t.year <= 9999;
        check(wr.ok() == fits);
        if (!wr) {
            check(wr.ec == errc::out_of_range && w.size() == 0);
            continue;
        }
        dt::date_time back;
        check(dt::parse(std::string_view(buf, w.size()), s, back).ok() && back == t);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    decimal_text<std::int8_t>(text);
    decimal_text<std::uint8_t>(text);
    decimal_text<std::int32_t>(text);
    decimal_text<std::uint32_t>(text);
    decimal_text<std::int64_t>(text);
    decimal_text<std::uint64_t>(text);
    date_text(text);

    std::uint64_t raw = 0;
    if (size != 0) std::memcpy(&raw, data, size < 8 ? size : 8);
    decimal_value(raw);
    decimal_value(static_cast<std::int64_t>(raw));
    decimal_value(static_cast<std::int16_t>(raw));
    decimal_value(static_cast<std::uint32_t>(raw >> 7));
    date_value(static_cast<std::int64_t>(raw));
    date_value(static_cast<std::int64_t>(raw) >> 20);  // mostly inside the range
    date_value(static_cast<std::int64_t>(raw % 4102444800u));  // 1970..2099
    return 0;
}
