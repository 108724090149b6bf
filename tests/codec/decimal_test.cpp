#include "smsgw/codec/decimal.hpp"

#include <cstdint>
#include <limits>
#include <random>
#include <string>

#include "test.hpp"

namespace decimal = smsgw::codec::decimal;
using smsgw::errc;
using smsgw::result;

namespace {

template <class Int>
std::string text_of(Int v) {
    return std::string(decimal::format(v).view());
}

constexpr decimal::parse_options minus{decimal::sign::minus};
constexpr decimal::parse_options any_sign{decimal::sign::any};
constexpr decimal::parse_options no_zeros{decimal::sign::none, false};

// Every integer type's limits, one past them, and a round trip through text.
template <class Int>
void limits_of() {
    using L = std::numeric_limits<Int>;
    const std::size_t size = sizeof(Int);
    const bool is_signed = std::is_signed_v<Int>;
    CAPTURE(size, is_signed);
    const std::string max = text_of(L::max());
    const std::string min = text_of(L::min());
    Int v{};
    REQUIRE(decimal::parse(max, v, minus) == result{errc{}, max.size()});
    CHECK(v == L::max());
    REQUIRE(decimal::parse(min, v, minus));
    CHECK(v == L::min());
    // One past the top: the last digit plus one, which never carries for these maxima.
    std::string above = max;
    above.back() = static_cast<char>(above.back() + 1);
    CHECK(decimal::parse(above, v, minus) == result{errc::out_of_range, 0});
    if constexpr (std::is_signed_v<Int>) {
        std::string below = min;
        below.back() = static_cast<char>(below.back() + 1);
        CHECK(decimal::parse(below, v, minus) == result{errc::out_of_range, 0});
    } else {
        CHECK(min == "0");
        CHECK(decimal::parse("-1", v, minus) == result{errc::out_of_range, 0});
        REQUIRE(decimal::parse("-0", v, minus));
        CHECK(v == 0);
    }
}

}  // namespace

TEST_CASE("decimal: parse reads the whole text") {
    unsigned v = 99;
    CHECK(decimal::parse("0", v) == result{errc{}, 1});
    CHECK(v == 0);
    CHECK(decimal::parse("42", v) == result{errc{}, 2});
    CHECK(v == 42);
    CHECK(decimal::parse("0000000001", v) == result{errc{}, 10});
    CHECK(v == 1);

    v = 7;
    CHECK(decimal::parse("", v) == result{errc::empty_field, 0});
    CHECK(decimal::parse("4x2", v) == result{errc::bad_character, 1});
    CHECK(decimal::parse("42 ", v) == result{errc::bad_character, 2});
    CHECK(decimal::parse(" 42", v) == result{errc::bad_character, 0});
    CHECK(decimal::parse("x", v) == result{errc::bad_character, 0});
    CHECK(decimal::parse("4.0", v) == result{errc::bad_character, 1});
    CHECK(decimal::parse(std::string_view("1\0", 2), v) == result{errc::bad_character, 1});
    CHECK(decimal::parse("\xef\xbc\x91", v) == result{errc::bad_character, 0});  // a fullwidth digit is no digit
    CHECK(v == 7);  // left alone on every error
}

TEST_CASE("decimal: signs as the options allow") {
    int v = 0;
    CHECK(decimal::parse("-5", v) == result{errc::bad_character, 0});
    CHECK(decimal::parse("+5", v) == result{errc::bad_character, 0});
    CHECK(decimal::parse("+5", v, minus) == result{errc::bad_character, 0});
    REQUIRE(decimal::parse("-5", v, minus) == result{errc{}, 2});
    CHECK(v == -5);
    REQUIRE(decimal::parse("+5", v, any_sign) == result{errc{}, 2});
    CHECK(v == 5);
    REQUIRE(decimal::parse("-5", v, any_sign));
    CHECK(v == -5);
    CHECK(decimal::parse("-", v, minus) == result{errc::bad_character, 1});
    CHECK(decimal::parse("+", v, any_sign) == result{errc::bad_character, 1});
    CHECK(decimal::parse("--5", v, minus) == result{errc::bad_character, 1});
    CHECK(decimal::parse("-+5", v, any_sign) == result{errc::bad_character, 1});
    CHECK(decimal::parse("5-", v, minus) == result{errc::bad_character, 1});
    REQUIRE(decimal::parse("-0", v, minus));
    CHECK(v == 0);

    // A negative number never fits an unsigned type, whatever its size.
    unsigned u = 3;
    CHECK(decimal::parse("-5", u, minus) == result{errc::out_of_range, 0});
    CHECK(decimal::parse("-9", u, minus) == result{errc::out_of_range, 0});
    CHECK(decimal::parse("-10", u, minus) == result{errc::out_of_range, 0});
    CHECK(decimal::parse("-18446744073709551615", u, minus) == result{errc::out_of_range, 0});
    CHECK(u == 3);
    std::uint64_t u64 = 3;
    CHECK(decimal::parse("-1", u64, any_sign) == result{errc::out_of_range, 0});
}

TEST_CASE("decimal: the limits of every integer type") {
    limits_of<std::int8_t>();
    limits_of<std::uint8_t>();
    limits_of<std::int16_t>();
    limits_of<std::uint16_t>();
    limits_of<std::int32_t>();
    limits_of<std::uint32_t>();
    limits_of<std::int64_t>();
    limits_of<std::uint64_t>();

    std::int8_t i8 = 0;
    CHECK(decimal::parse("127", i8, minus));
    CHECK(decimal::parse("128", i8, minus) == result{errc::out_of_range, 0});
    CHECK(decimal::parse("-128", i8, minus));
    CHECK(i8 == -128);
    CHECK(decimal::parse("-129", i8, minus) == result{errc::out_of_range, 0});
    std::uint8_t u8 = 0;
    CHECK(decimal::parse("255", u8));
    CHECK(decimal::parse("256", u8) == result{errc::out_of_range, 0});
    CHECK(decimal::parse("1000", u8) == result{errc::out_of_range, 0});

    std::uint64_t u64 = 0;
    CHECK(decimal::parse("18446744073709551615", u64));
    CHECK(u64 == std::numeric_limits<std::uint64_t>::max());
    CHECK(decimal::parse("18446744073709551616", u64) == result{errc::out_of_range, 0});
    CHECK(decimal::parse("99999999999999999999", u64) == result{errc::out_of_range, 0});   // 20 digits
    CHECK(decimal::parse("100000000000000000000", u64) == result{errc::out_of_range, 0});  // 21 digits
    CHECK(decimal::parse("000000000000000000000018446744073709551615", u64));              // zeros do not count
    CHECK(u64 == std::numeric_limits<std::uint64_t>::max());
    std::int64_t i64 = 0;
    CHECK(decimal::parse("-9223372036854775808", i64, minus));
    CHECK(i64 == std::numeric_limits<std::int64_t>::min());
    CHECK(decimal::parse("-9223372036854775809", i64, minus) == result{errc::out_of_range, 0});
    CHECK(decimal::parse("9223372036854775808", i64, minus) == result{errc::out_of_range, 0});
    // A bad byte after an overflowing number is reported first: the text is not a number at all.
    CHECK(decimal::parse("99999999999999999999x", u64) == result{errc::bad_character, 20});
}

TEST_CASE("decimal: leading zeros refused when asked, max_digits") {
    unsigned v = 0;
    CHECK(decimal::parse("0", v, no_zeros) == result{errc{}, 1});
    CHECK(decimal::parse("10", v, no_zeros) == result{errc{}, 2});
    CHECK(decimal::parse("00", v, no_zeros) == result{errc::bad_character, 1});
    CHECK(decimal::parse("01", v, no_zeros) == result{errc::bad_character, 1});
    int i = 0;
    CHECK(decimal::parse("-0", i, {decimal::sign::minus, false}) == result{errc{}, 2});
    CHECK(decimal::parse("-01", i, {decimal::sign::minus, false}) == result{errc::bad_character, 2});

    const decimal::parse_options three{decimal::sign::any, true, 3};
    CHECK(decimal::parse("999", v, three) == result{errc{}, 3});
    CHECK(decimal::parse("1000", v, three) == result{errc::field_too_long, 3});
    CHECK(decimal::parse("+0001", v, three) == result{errc::field_too_long, 4});
    CHECK(decimal::parse("12x4", v, three) == result{errc::bad_character, 2});  // a bad byte before the count
    std::uint8_t u8 = 0;
    CHECK(decimal::parse("9999", u8, three) == result{errc::field_too_long, 3});  // the count before the range
}

TEST_CASE("decimal: parse_prefix stops at the first non-digit") {
    std::uint32_t v = 0;
    CHECK(decimal::parse_prefix("123abc", v) == result{errc{}, 3});
    CHECK(v == 123);
    CHECK(decimal::parse_prefix("7", v) == result{errc{}, 1});
    CHECK(decimal::parse_prefix("0012;", v) == result{errc{}, 4});
    CHECK(v == 12);
    int i = 0;
    CHECK(decimal::parse_prefix("-12,3", i, minus) == result{errc{}, 3});
    CHECK(i == -12);
    CHECK(decimal::parse_prefix("", v) == result{errc::empty_field, 0});
    CHECK(decimal::parse_prefix("abc", v) == result{errc::bad_character, 0});
    CHECK(decimal::parse_prefix("-;", i, minus) == result{errc::bad_character, 1});
    CHECK(decimal::parse_prefix("4294967296;", v) == result{errc::out_of_range, 0});
    CHECK(decimal::parse_prefix("01;", v, no_zeros) == result{errc::bad_character, 1});
    CHECK(decimal::parse_prefix("1234;", v, {decimal::sign::none, true, 3}) == result{errc::field_too_long, 3});
}

TEST_CASE("decimal: format, format_padded, digits, write") {
    CHECK(text_of(0) == "0");
    CHECK(text_of(-1) == "-1");
    CHECK(text_of(std::int8_t{-128}) == "-128");
    CHECK(text_of(std::uint8_t{255}) == "255");
    CHECK(text_of(std::numeric_limits<std::int64_t>::min()) == "-9223372036854775808");
    CHECK(text_of(std::numeric_limits<std::int64_t>::max()) == "9223372036854775807");
    CHECK(text_of(std::numeric_limits<std::uint64_t>::max()) == "18446744073709551615");
    CHECK(decimal::format(std::numeric_limits<std::int64_t>::min()).size() == decimal::max_chars);
    CHECK(decimal::format(std::numeric_limits<std::uint64_t>::max()).size() == decimal::max_chars);
    static_assert(decimal::format(-42).view() == "-42", "constexpr");
    static_assert(decimal::format_padded(7, 3).view() == "007", "constexpr");

    CHECK(decimal::format_padded(7, 2).view() == "07");
    CHECK(decimal::format_padded(0, 5).view() == "00000");
    CHECK(decimal::format_padded(12345, 3).view() == "345");  // the low digits when there are more
    CHECK(decimal::format_padded(5, 0).view().empty());
    CHECK(decimal::format_padded(std::numeric_limits<std::uint64_t>::max(), 20).view() == "18446744073709551615");
    CHECK(decimal::format_padded(1, 25).view() == "00000000000000000001");  // at most 20

    CHECK(decimal::digits(0) == 1);
    CHECK(decimal::digits(9) == 1);
    CHECK(decimal::digits(10) == 2);
    CHECK(decimal::digits(999999) == 6);
    CHECK(decimal::digits(std::numeric_limits<std::uint64_t>::max()) == 20);
    for (std::uint64_t p = 1, n = 1; n <= 19; p *= 10, ++n) {
        CHECK(decimal::digits(p) == n);
        CHECK(decimal::digits(p * 10 - 1) == n);
    }

    char buf[8];
    smsgw::writer w(buf, sizeof buf);
    decimal::write(w, -12);
    decimal::write_padded(w, 3, 4);
    CHECK(w.finish() == result{errc{}, 7});
    CHECK(std::string_view(buf, 7) == "-120003");
    smsgw::writer small(buf, 2);
    decimal::write(small, 123456u);
    CHECK(small.finish() == result{errc::buffer_too_small, 6});
    smsgw::writer measure;
    decimal::write(measure, std::numeric_limits<std::int64_t>::min());
    CHECK(measure.size() == 20);
}

TEST_CASE("decimal: format of any value parses back, random and at every power of ten") {
    std::mt19937_64 rng(20261202);
    auto round_trip = [](auto v) {
        using Int = decltype(v);
        const auto t = decimal::format(v);
        Int back{};
        REQUIRE(decimal::parse(t.view(), back, {decimal::sign::minus, false}) == result{errc{}, t.size()});
        CHECK(back == v);
        std::uint64_t magnitude = static_cast<std::uint64_t>(v);
        std::size_t sign = 0;
        if constexpr (std::is_signed_v<Int>) {
            if (v < 0) {
                magnitude = 0 - magnitude;
                sign = 1;
            }
        }
        CHECK(t.size() == decimal::digits(magnitude) + sign);
    };
    for (int i = 0; i < 20000; ++i) {
        const std::uint64_t x = rng() >> (rng() % 64);
        round_trip(x);
        round_trip(static_cast<std::int64_t>(x));
        round_trip(static_cast<std::int32_t>(x));
        round_trip(static_cast<std::uint16_t>(x));
        round_trip(static_cast<std::int8_t>(x));
    }
    for (std::uint64_t p = 1; p < std::numeric_limits<std::uint64_t>::max() / 10; p *= 10) {
        round_trip(p - 1);
        round_trip(p);
        round_trip(p + 1);
        round_trip(-static_cast<std::int64_t>(p));
    }
}

TEST_CASE("decimal: nothing allocates") {
    smsgw::test::alloc_counter guard;
    std::int64_t v = 0;
    const auto t = decimal::format(std::numeric_limits<std::int64_t>::min());
    const result r = decimal::parse(t.view(), v, minus);
    char buf[24];
    smsgw::writer w(buf, sizeof buf);
    decimal::write(w, v);
    decimal::write_padded(w, 1, 3);
    std::uint32_t u = 0;
    const result p = decimal::parse_prefix("123;", u);
    CHECK(guard.count() == 0);
    CHECK(r);
    CHECK(v == std::numeric_limits<std::int64_t>::min());
    CHECK(p.offset == 3);
    CHECK(std::string_view(buf, w.size()) == "-9223372036854775808001");
}
