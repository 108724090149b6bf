#include "smsgw/codec/datetime.hpp"

#include <cstdint>
#include <ctime>
#include <limits>
#include <random>
#include <string>

#include "test.hpp"

namespace dt = smsgw::codec::datetime;
using dt::date_time;
using dt::shape;
using smsgw::errc;
using smsgw::result;

namespace {

constexpr shape calendar_shapes[] = {shape::yyyymmddhhmmss, shape::yymmddhhmm, shape::yyyy_mm_dd_hh_mm_ss};
constexpr shape all_shapes[] = {shape::yyyymmddhhmmss, shape::yymmddhhmm, shape::yyyy_mm_dd_hh_mm_ss,
                                shape::unix_seconds};

date_time at(std::int32_t y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
    return {y, static_cast<std::uint8_t>(mo), static_cast<std::uint8_t>(d), static_cast<std::uint8_t>(h),
            static_cast<std::uint8_t>(mi), static_cast<std::uint8_t>(s)};
}

std::string written(const date_time& t, shape s) {
    char buf[dt::max_text_size];
    smsgw::writer w(buf, sizeof buf);
    const result r = dt::write(w, t, s);
    REQUIRE(r);
    REQUIRE(r.offset == w.size());
    return std::string(buf, w.size());
}

std::int64_t unix_of(const date_time& t) {
    std::int64_t v = 0;
    REQUIRE(dt::to_unix(t, v));
    return v;
}

// The error and the field it names (none for a syntax error).
void check_error(std::string_view text, shape s, errc ec, std::size_t offset, const char* field = nullptr) {
    const int shape_number = static_cast<int>(s);
    CAPTURE(text, shape_number);
    date_time t = at(1111, 1, 1);
    const result r = dt::parse(text, s, t);
    CHECK(r == result{ec, offset, field});
    CHECK(t == at(1111, 1, 1));  // left alone
}

}  // namespace

TEST_CASE("datetime: the vendors' shapes read and written") {
    date_time t;
    REQUIRE(dt::parse("20130408145521", shape::yyyymmddhhmmss, t) == result{errc{}, 14});
    CHECK(t == at(2013, 4, 8, 14, 55, 21));
    CHECK(written(t, shape::yyyymmddhhmmss) == "20130408145521");
    CHECK(written(t, shape::yyyy_mm_dd_hh_mm_ss) == "2013-04-08 14:55:21");
    CHECK(written(t, shape::unix_seconds) == "1365432921");
    REQUIRE(dt::parse("2012-11-15 18:19:52", shape::yyyy_mm_dd_hh_mm_ss, t) == result{errc{}, 19});  // 5C report
    CHECK(t == at(2012, 11, 15, 18, 19, 52));
    REQUIRE(dt::parse("2311231058", shape::yymmddhhmm, t) == result{errc{}, 10});  // CMPP Submit_time
    CHECK(t == at(2023, 11, 23, 10, 58, 0));
    CHECK(written(t, shape::yymmddhhmm) == "2311231058");
    REQUIRE(dt::parse("0001010000", shape::yymmddhhmm, t));  // the gateways' placeholder (G13)
    CHECK(t == at(2000, 1, 1));
    REQUIRE(dt::parse("9912312359", shape::yymmddhhmm, t));
    CHECK(t == at(2099, 12, 31, 23, 59));
    REQUIRE(dt::parse("1365432921", shape::unix_seconds, t) == result{errc{}, 10});
    CHECK(t == at(2013, 4, 8, 14, 55, 21));

    CHECK(dt::text_size(shape::yyyymmddhhmmss) == 14);
    CHECK(dt::text_size(shape::yymmddhhmm) == 10);
    CHECK(dt::text_size(shape::yyyy_mm_dd_hh_mm_ss) == 19);
    CHECK(dt::text_size(shape::unix_seconds) == 0);
    static_assert(dt::days_from_civil(2000, 3, 1) == 11017, "constexpr");
}

TEST_CASE("datetime: invalid_length, and bad_character at the first bad byte") {
    check_error("", shape::yyyymmddhhmmss, errc::invalid_length, 0);
    check_error("2013040814552", shape::yyyymmddhhmmss, errc::invalid_length, 0);
    check_error("201304081455210", shape::yyyymmddhhmmss, errc::invalid_length, 0);
    check_error("231123105", shape::yymmddhhmm, errc::invalid_length, 0);
    check_error("2013-04-08T14:55:21Z", shape::yyyy_mm_dd_hh_mm_ss, errc::invalid_length, 0);
    check_error("20130408145521", shape::yyyy_mm_dd_hh_mm_ss, errc::invalid_length, 0);

    // A non-digit at every position of every calendar shape, and a wrong separator.
    for (shape s : calendar_shapes) {
        date_time t;
        const std::string good = written(at(2013, 4, 8, 14, 55, 0), s);
        REQUIRE(dt::parse(good, s, t));
        for (std::size_t i = 0; i < good.size(); ++i) {
            for (char c : {'x', ' ', '+', '-', '/', '\0'}) {
                std::string bad = good;
                if (bad[i] == c) continue;
                bad[i] = c;
                check_error(bad, s, errc::bad_character, i);
            }
        }
    }
    check_error("2013/04/08 14:55:21", shape::yyyy_mm_dd_hh_mm_ss, errc::bad_character, 4);
    check_error("2013-04-08T14:55:21", shape::yyyy_mm_dd_hh_mm_ss, errc::bad_character, 10);
    check_error("2013-04-08 14.55:21", shape::yyyy_mm_dd_hh_mm_ss, errc::bad_character, 13);
    check_error("2013-4-08 14:55:210", shape::yyyy_mm_dd_hh_mm_ss, errc::bad_character, 6);
    check_error("-013-04-08 14:55:21", shape::yyyy_mm_dd_hh_mm_ss, errc::bad_character, 0);
    // Field by field from the left: a range error before a later bad byte wins.
    check_error("2013130814552x", shape::yyyymmddhhmmss, errc::out_of_range, 4, "month");
    check_error("201304x814552x", shape::yyyymmddhhmmss, errc::bad_character, 6);
}

TEST_CASE("datetime: out_of_range at the first digit of the field, with its name") {
    check_error("20130008145521", shape::yyyymmddhhmmss, errc::out_of_range, 4, "month");
    check_error("20131308145521", shape::yyyymmddhhmmss, errc::out_of_range, 4, "month");
    check_error("20130400145521", shape::yyyymmddhhmmss, errc::out_of_range, 6, "day");
    check_error("20130432145521", shape::yyyymmddhhmmss, errc::out_of_range, 6, "day");
    check_error("20130408245521", shape::yyyymmddhhmmss, errc::out_of_range, 8, "hour");
    check_error("20130408146021", shape::yyyymmddhhmmss, errc::out_of_range, 10, "minute");
    check_error("20130408145560", shape::yyyymmddhhmmss, errc::out_of_range, 12, "second");  // no leap second
    check_error("2013-04-08 14:55:60", shape::yyyy_mm_dd_hh_mm_ss, errc::out_of_range, 17, "second");
    check_error("2013-00-08 14:55:21", shape::yyyy_mm_dd_hh_mm_ss, errc::out_of_range, 5, "month");
    check_error("2013-04-31 14:55:21", shape::yyyy_mm_dd_hh_mm_ss, errc::out_of_range, 8, "day");
    check_error("2013-04-08 24:00:00", shape::yyyy_mm_dd_hh_mm_ss, errc::out_of_range, 11, "hour");
    check_error("2013-04-08 14:99:21", shape::yyyy_mm_dd_hh_mm_ss, errc::out_of_range, 14, "minute");
    check_error("2300231058", shape::yymmddhhmm, errc::out_of_range, 2, "month");
    check_error("2313231058", shape::yymmddhhmm, errc::out_of_range, 2, "month");
    check_error("2311001058", shape::yymmddhhmm, errc::out_of_range, 4, "day");
    check_error("2311311058", shape::yymmddhhmm, errc::out_of_range, 4, "day");  // November has 30
    check_error("2311232458", shape::yymmddhhmm, errc::out_of_range, 6, "hour");
    check_error("2311231060", shape::yymmddhhmm, errc::out_of_range, 8, "minute");
}

TEST_CASE("datetime: the calendar: leap years, month lengths, the last second of a day") {
    date_time t;
    CHECK(dt::parse("20000229000000", shape::yyyymmddhhmmss, t));  // divisible by 400
    CHECK(dt::parse("20240229000000", shape::yyyymmddhhmmss, t));  // by 4
    check_error("21000229000000", shape::yyyymmddhhmmss, errc::out_of_range, 6, "day");  // by 100, not 400
    check_error("20230229000000", shape::yyyymmddhhmmss, errc::out_of_range, 6, "day");
    CHECK(dt::parse("0002290000", shape::yymmddhhmm, t));
    CHECK(t == at(2000, 2, 29));
    check_error("0102290000", shape::yymmddhhmm, errc::out_of_range, 4, "day");
    CHECK(dt::parse("20240430000000", shape::yyyymmddhhmmss, t));
    check_error("20240431000000", shape::yyyymmddhhmmss, errc::out_of_range, 6, "day");  // day 31 in April
    REQUIRE(dt::parse("2024-12-31 23:59:59", shape::yyyy_mm_dd_hh_mm_ss, t));
    CHECK(t == at(2024, 12, 31, 23, 59, 59));
    CHECK(unix_of(t) + 1 == unix_of(at(2025, 1, 1)));

    CHECK(dt::is_leap_year(2000));
    CHECK(dt::is_leap_year(2024));
    CHECK(!dt::is_leap_year(2100));
    CHECK(!dt::is_leap_year(1900));
    CHECK(dt::is_leap_year(0));
    CHECK(dt::is_leap_year(-4));
    CHECK(!dt::is_leap_year(-1));
    CHECK(!dt::is_leap_year(-100));
    CHECK(dt::is_leap_year(-400));
    const unsigned lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (unsigned m = 1; m <= 12; ++m) {
        CHECK(dt::days_in_month(2023, m) == lengths[m - 1]);
        CHECK(dt::days_in_month(2024, m) == (m == 2 ? 29 : lengths[m - 1]));
    }
    CHECK(dt::days_in_month(2024, 0) == 0);
    CHECK(dt::days_in_month(2024, 13) == 0);

    CHECK(dt::check(at(2024, 2, 29, 23, 59, 59)));
    const std::pair<date_time, const char*> bad[] = {
        {at(2023, 2, 29), "day"},     {at(2024, 0, 1), "month"},   {at(2024, 13, 1), "month"},
        {at(2024, 1, 0), "day"},      {at(2024, 1, 1, 24), "hour"}, {at(2024, 1, 1, 0, 60), "minute"},
        {at(2024, 1, 1, 0, 0, 60), "second"}, {at(dt::max_year + 1, 1, 1), "year"}, {at(dt::min_year - 1, 1, 1), "year"},
    };
    for (const auto& [value, field] : bad) {
        const result r = dt::check(value);
        CHECK(r == result{errc::out_of_range, 0, field});
    }
}

TEST_CASE("datetime: Unix seconds, before 1970 and far ahead") {
    CHECK(unix_of(at(1970, 1, 1)) == 0);
    CHECK(unix_of(at(1969, 12, 31, 23, 59, 59)) == -1);
    CHECK(unix_of(at(2000, 1, 1)) == 946684800);
    CHECK(unix_of(at(2038, 1, 19, 3, 14, 7)) == 2147483647);
    CHECK(unix_of(at(2024, 2, 29, 12)) == 1709208000);
    CHECK(unix_of(at(2100, 3, 1)) == 4107542400);
    CHECK(unix_of(at(1900, 1, 1)) == -2208988800);
    CHECK(unix_of(at(1600, 3, 1)) == -11670912000);
    CHECK(unix_of(at(0, 1, 1)) == -62167219200);
    CHECK(unix_of(at(9999, 12, 31, 23, 59, 59)) == 253402300799);

    date_time t;
    REQUIRE(dt::from_unix(-1, t));
    CHECK(t == at(1969, 12, 31, 23, 59, 59));
    REQUIRE(dt::from_unix(-86400, t));
    CHECK(t == at(1969, 12, 31));
    REQUIRE(dt::from_unix(-86401, t));
    CHECK(t == at(1969, 12, 30, 23, 59, 59));
    REQUIRE(dt::from_unix(253402300800, t));
    CHECK(t == at(10000, 1, 1));
    REQUIRE(dt::from_unix(dt::min_unix, t));
    CHECK(t == at(dt::min_year, 1, 1));
    REQUIRE(dt::from_unix(dt::max_unix, t));
    CHECK(t == at(dt::max_year, 12, 31, 23, 59, 59));
    t = at(1, 1, 1);
    for (std::int64_t s : {dt::min_unix - 1, dt::max_unix + 1, std::numeric_limits<std::int64_t>::min(),
                           std::numeric_limits<std::int64_t>::max()}) {
        const result r = dt::from_unix(s, t);
        CHECK(r == result{errc::out_of_range, 0, "seconds"});
    }
    CHECK(t == at(1, 1, 1));
    std::int64_t v = 5;
    CHECK(dt::to_unix(at(2023, 2, 29), v) == result{errc::out_of_range, 0, "day"});
    CHECK(v == 5);

    // The text shape: decimal with '-', no '+', no leading zero.
    REQUIRE(dt::parse("0", shape::unix_seconds, t) == result{errc{}, 1});
    CHECK(t == at(1970, 1, 1));
    REQUIRE(dt::parse("-1", shape::unix_seconds, t) == result{errc{}, 2});
    CHECK(t == at(1969, 12, 31, 23, 59, 59));
    CHECK(written(at(1969, 12, 31, 23, 59, 59), shape::unix_seconds) == "-1");
    CHECK(written(at(dt::min_year, 1, 1), shape::unix_seconds) == "-31619087596800");
    check_error("", shape::unix_seconds, errc::empty_field, 0);
    check_error("01", shape::unix_seconds, errc::bad_character, 1);
    check_error("+1", shape::unix_seconds, errc::bad_character, 0);
    check_error("12a", shape::unix_seconds, errc::bad_character, 2);
    check_error("1.5", shape::unix_seconds, errc::bad_character, 1);
    check_error("9223372036854775808", shape::unix_seconds, errc::out_of_range, 0);
    check_error("31494784780800", shape::unix_seconds, errc::out_of_range, 0, "seconds");
    check_error("-31619087596801", shape::unix_seconds, errc::out_of_range, 0, "seconds");
}

TEST_CASE("datetime: every day of 800 years, against the day before and the C library") {
    std::int64_t y = 0;
    unsigned m = 0;
    unsigned d = 0;
    const std::int64_t first = dt::days_from_civil(1600, 1, 1);
    const std::int64_t last = dt::days_from_civil(2400, 12, 31);
    std::int64_t year = 1600;
    unsigned month = 1;
    unsigned day = 1;
    for (std::int64_t n = first; n <= last; ++n) {
        dt::civil_from_days(n, y, m, d);
        if (y != year || m != month || d != day) {
            FAIL_CHECK("day " << n << " is " << y << "-" << m << "-" << d << ", not " << year << "-" << month << "-" << day);
            break;
        }
        if (dt::days_from_civil(y, m, d) != n) {
            FAIL_CHECK("days_from_civil(" << y << "-" << m << "-" << d << ") != " << n);
            break;
        }
        if (++day > dt::days_in_month(year, month)) {
            day = 1;
            if (++month > 12) {
                month = 1;
                ++year;
            }
        }
    }
    CHECK(year == 2401);

    // timegm() of glibc as an independent oracle, where time_t is 64 bits.
    if constexpr (sizeof(std::time_t) == 8) {
        std::mt19937_64 rng(7);
        for (int i = 0; i < 20000; ++i) {
            const std::int64_t s = static_cast<std::int64_t>(rng() % 400000000000u) - 100000000000;
            date_time t;
            REQUIRE(dt::from_unix(s, t));
            std::tm tm{};
            tm.tm_year = t.year - 1900;
            tm.tm_mon = t.month - 1;
            tm.tm_mday = t.day;
            tm.tm_hour = t.hour;
            tm.tm_min = t.minute;
            tm.tm_sec = t.second;
            CHECK(static_cast<std::int64_t>(timegm(&tm)) == s);
        }
    }
}

TEST_CASE("datetime: round trips through every shape") {
    std::mt19937_64 rng(20261202);
    for (int i = 0; i < 20000; ++i) {
        // Any instant of the years 2000..2099, which every shape holds (minutes only for YY).
        const std::int64_t s = unix_of(at(2000, 1, 1)) + static_cast<std::int64_t>(rng() % 3155760000u);
        date_time t;
        REQUIRE(dt::from_unix(s, t));
        CHECK(unix_of(t) == s);
        for (shape sh : all_shapes) {
            date_time value = t;
            if (sh == shape::yymmddhhmm) value.second = 0;
            const std::string text = written(value, sh);
            date_time back;
            REQUIRE(dt::parse(text, sh, back) == result{errc{}, text.size()});
            CHECK(back == value);
        }
    }
    // And across the whole range of a date_time through Unix seconds.
    for (int i = 0; i < 20000; ++i) {
        const std::int64_t s = dt::min_unix + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(dt::max_unix - dt::min_unix));
        date_time t;
        REQUIRE(dt::from_unix(s, t));
        REQUIRE(dt::check(t));
        CHECK(unix_of(t) == s);
        date_time back;
        REQUIRE(dt::parse(written(t, shape::unix_seconds), shape::unix_seconds, back));
        CHECK(back == t);
    }
}

TEST_CASE("datetime: what a writer refuses, and a buffer too small") {
    auto refused = [](const date_time& t, shape s, const char* field) {
        char buf[dt::max_text_size];
        smsgw::writer w(buf, sizeof buf);
        const result r = dt::write(w, t, s);
        CHECK(r == result{errc::out_of_range, 0, field});
        CHECK(w.size() == 0);  // nothing written
    };
    refused(at(2023, 2, 29), shape::yyyymmddhhmmss, "day");
    refused(at(2023, 13, 1), shape::unix_seconds, "month");
    refused(at(2023, 1, 1, 0, 0, 60), shape::yyyy_mm_dd_hh_mm_ss, "second");
    refused(at(10000, 1, 1), shape::yyyymmddhhmmss, "year");
    refused(at(-1, 1, 1), shape::yyyy_mm_dd_hh_mm_ss, "year");
    refused(at(1999, 12, 31), shape::yymmddhhmm, "year");
    refused(at(2100, 1, 1), shape::yymmddhhmm, "year");
    refused(at(2023, 1, 1, 0, 0, 1), shape::yymmddhhmm, "second");  // it would be lost
    CHECK(written(at(0, 1, 1), shape::yyyymmddhhmmss) == "00000101000000");
    CHECK(written(at(9999, 12, 31, 23, 59, 59), shape::yyyy_mm_dd_hh_mm_ss) == "9999-12-31 23:59:59");
    // 400 years are 146097 days, before year 0 as after it.
    CHECK(unix_of(at(-5000, 3, 1)) == unix_of(at(-4600, 3, 1)) - 146097 * std::int64_t{86400});
    CHECK(written(at(-5000, 3, 1), shape::unix_seconds) == std::to_string(unix_of(at(-5000, 3, 1))));

    char buf[10];
    smsgw::writer small(buf, 5);
    CHECK(dt::write(small, at(2013, 4, 8), shape::yyyy_mm_dd_hh_mm_ss) == result{errc::buffer_too_small, 19});
    smsgw::writer measure;
    CHECK(dt::write(measure, at(2013, 4, 8), shape::unix_seconds) == result{errc::buffer_too_small, 10});
    smsgw::writer exact(buf, 10);
    CHECK(dt::write(exact, at(2013, 4, 8, 9, 5), shape::yymmddhhmm) == result{errc{}, 10});
    CHECK(std::string_view(buf, 10) == "1304080905");
}

TEST_CASE("datetime: nothing allocates") {
    smsgw::test::alloc_counter guard;
    char buf[64];
    smsgw::writer w(buf, sizeof buf);
    date_time t;
    bool ok = true;
    for (shape s : all_shapes) {
        ok = ok && dt::write(w, at(2024, 2, 29, 23, 59, 0), s).ok();
    }
    ok = ok && dt::parse("2024-02-29 23:59:00", shape::yyyy_mm_dd_hh_mm_ss, t).ok();
    ok = ok && dt::parse("-1", shape::unix_seconds, t).ok();
    std::int64_t v = 0;
    ok = ok && dt::to_unix(t, v).ok() && dt::from_unix(v, t).ok();
    CHECK(guard.count() == 0);
    CHECK(ok);
    CHECK(std::string_view(buf, w.size()) == "20240229235900" "2402292359" "2024-02-29 23:59:00" "1709251140");
}
