#include "smsgw/detail/parse_double.hpp"

#include <cerrno>
#include <cfloat>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <system_error>
#include <vector>

#include "smsgw/detail/json_check.hpp"
#include "test.hpp"

using smsgw::detail::decimal_to_double;

namespace {

struct outcome {
    std::errc ec;
    std::uint64_t bits;  // of the double, when ec is success
};

std::uint64_t bits_of(double d) {
    std::uint64_t b = 0;
    std::memcpy(&b, &d, sizeof b);
    return b;
}

// What the standard library reads: from_chars where there is one, else strtod in the C locale
// (the test never changes it), out of range as from_chars has it: an infinity, or zero from a
// number with a digit that is not zero before its exponent.
outcome reference(const std::string& text) {
    double d = -1;
#if SMSGW_HAVE_FLOAT_FROM_CHARS
    const auto [stop, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
    REQUIRE(stop == text.data() + text.size());
    return {ec, ec == std::errc() ? bits_of(d) : 0};
#else
    char* stop = nullptr;
    d = std::strtod(text.c_str(), &stop);
    REQUIRE(stop == text.c_str() + text.size());
    const std::size_t mantissa_end = text.find_first_of("eE");
    const bool nonzero = text.substr(0, mantissa_end).find_first_of("123456789") != std::string::npos;
    if (std::isinf(d) || (d == 0 && nonzero)) return {std::errc::result_out_of_range, 0};
    return {std::errc(), bits_of(d)};
#endif
}

// decimal_to_double() on the text, which allocates nothing and leaves `out` alone on error.
std::errc read(const std::string& text, double& out) {
    smsgw::test::alloc_counter guard;
    const std::errc ec = decimal_to_double(text.data(), text.data() + text.size(), out);
    const std::size_t allocations = guard.count();
    CHECK(allocations == 0);
    return ec;
}

outcome fallback(const std::string& text) {
    double d = -1;
    const std::errc ec = read(text, d);
    if (ec != std::errc()) CHECK(d == -1);
    return {ec, ec == std::errc() ? bits_of(d) : 0};
}

// Compares the two on every text, counting them; INFO shows the first that differs.
struct comparison {
    std::size_t count = 0;
    std::size_t out_of_range = 0;

    void operator()(const std::string& text) {
        ++count;
        const outcome want = reference(text);
        const outcome got = fallback(text);
        if (want.ec != std::errc()) ++out_of_range;
        if (got.ec != want.ec || got.bits != want.bits) {
            INFO(text.substr(0, 200) << (text.size() > 200 ? "..." : "") << " (" << text.size() << " bytes)");
            CHECK(static_cast<int>(got.ec) == static_cast<int>(want.ec));
            CHECK(got.bits == want.bits);
        }
    }
};

// The exact decimal expansion of a long double (glibc's printf prints every digit): the
// midpoint of two neighbouring doubles has 54 significant bits, which x86's long double holds.
std::string exact(long double v) {
    std::vector<char> buffer(1200);
    std::snprintf(buffer.data(), buffer.size(), "%.800Le", v);
    std::string s(buffer.data());
    const std::size_t e = s.find('e');
    std::size_t last = s.find_last_not_of('0', e - 1);
    if (s[last] == '.') --last;
    return s.substr(0, last + 1) + s.substr(e);
}

// The text with `tail` put after its significand's last digit.
std::string with_tail(const std::string& s, const std::string& tail) {
    std::string t = s;
    const std::size_t e = t.find('e');
    const bool has_point = t.find('.') != std::string::npos;
    t.insert(e, has_point ? tail : "." + tail);
    return t;
}

std::string printed(const char* format, double v) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, v);
    return buffer;
}

}  // namespace

TEST_CASE("parse_double: chooses from_chars where the standard library has it") {
#if defined(_LIBCPP_VERSION) && _LIBCPP_VERSION < 200000
    CHECK_FALSE(SMSGW_HAVE_FLOAT_FROM_CHARS);
#elif defined(__GLIBCXX__) && defined(__cpp_lib_to_chars)
    CHECK(SMSGW_HAVE_FLOAT_FROM_CHARS);
#endif
    const std::string text = "-1.25e2";
    double d = 0;
    const auto [stop, ec] = smsgw::detail::parse_double(text.data(), text.data() + text.size(), d);
    CHECK(stop == text.data() + text.size());
    CHECK(ec == std::errc());
    CHECK(d == -125.0);
}

TEST_CASE("parse_double: the fallback reads what it is given exactly") {
    const auto value = [](const char* text) {
        double d = -1;
        REQUIRE(read(text, d) == std::errc());
        return d;
    };
    CHECK(value("0") == 0.0);
    CHECK_FALSE(std::signbit(value("0e0")));
    CHECK(std::signbit(value("-0")));
    CHECK(std::signbit(value("-0.000e-99999")));
    CHECK(value("0.1") == 0.1);
    CHECK(value("1e23") == 1e23);
    CHECK(value("9007199254740993") == 9007199254740992.0);  // 2^53 + 1: a tie, to even
    CHECK(value("9007199254740993.000000000000000000001") == 9007199254740994.0);
    CHECK(value("4.9406564584124654e-324") == std::numeric_limits<double>::denorm_min());
    CHECK(value("2.4703282292062328e-324") == std::numeric_limits<double>::denorm_min());
    CHECK(value("2.2250738585072014e-308") == DBL_MIN);
    CHECK(value("1.7976931348623157e308") == DBL_MAX);
    CHECK(value("1.7976931348623158e308") == DBL_MAX);
    CHECK(value("00000000000000000000123.5") == 123.5);  // tolerant mode's leading zeros
    CHECK(value("0.00000000000000000000000000000000000000000000000000001e53") == 1.0);
    // An exponent as long as its run of zeros brings the point back: it is not cut short.
    const std::string zeros(100000, '0');
    CHECK(value(("0." + zeros + "15e100001").c_str()) == 1.5);
    CHECK(value(("15" + zeros + "e-100001").c_str()) == 1.5);
    double d = 7;
    for (const char* text : {"1e400", "-1e400", "1.7976931348623159e308", "1e-400", "-1e-400", "2.4703282292062327e-324",
                             "1e99999999999999999999999999", "0.0001e-99999999999999999999999"}) {
        INFO(text);
        CHECK(read(text, d) == std::errc::result_out_of_range);
    }
    CHECK(d == 7);
}

TEST_CASE("parse_double: the fallback agrees with the standard library bit for bit") {
    comparison compare;

    // Zeros, signs, the ends of the range, the largest double's neighbours and ties.
    for (const char* text : {"0", "-0", "0e0", "0E+0", "-0.0e-999", "0e99999999999999999999", "0.000", "-0e-0", "1",
                             "-1", "1e-400", "-1e-400", "1e400", "-1e400", "1e308", "1e309", "1e-307", "1e-308",
                             "1e-323", "1e-324", "3e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
                             "4.9406564584124654e-324", "2.2250738585072011e-308", "2.2250738585072012e-308",
                             "2.2250738585072014e-308", "1.7976931348623157e308", "1.7976931348623158e308",
                             "1.7976931348623159e308", "9007199254740992", "9007199254740993", "9007199254740995",
                             "123456789012345678901234567890", "1.2345678901234567890123e-300", "1e23", "8.5e22",
                             "4.35679e-10", "1e22", "1e-22", "9007199254740993e22", "9007199254740991e-22",
                             "18446744073709551615", "18446744073709551616", "0.1", "0.2", "0.3", "7.0e-10",
                             "2.2250738585072011e-308", "89255.0e-22", "3.4028234664e38", "1e-99999999999999999999",
                             "1e+99999999999999999999", "-1e-99999999999999999999"})
        compare(text);
    const double specials[] = {std::numeric_limits<double>::denorm_min(), DBL_MIN, DBL_MAX,
                               std::nextafter(DBL_MIN, 0.0), std::nextafter(DBL_MAX, 0.0), 1.0, 0.5};
    for (const double v : specials) {
        compare(exact(v));
        compare(exact(-static_cast<long double>(v)));
        const long double up = (static_cast<long double>(v) + std::nextafter(v, INFINITY)) / 2;
        const long double down = (static_cast<long double>(v) + std::nextafter(v, 0.0)) / 2;
        for (const long double mid : {up, down}) {
            if (!std::isfinite(mid)) continue;  // above the largest double
            const std::string tie = exact(mid);  // ends in 5
            compare(tie);
            compare(with_tail(tie, std::string(900, '0') + "1"));
            std::string below = tie;
            --below[below.find('e') - 1];  // its last digit, never a 0
            compare(with_tail(below, std::string(900, '9')));
        }
    }
    // 2^-1075, half the least double: a tie that rounds to zero; 2^1024 less half an ulp, a
    // tie that rounds to infinity.
    compare(exact(std::ldexp(1.0L, -1075)));
    compare(exact(std::ldexp(1.0L, 1024) - std::ldexp(1.0L, 1023 - 53)));

    // Long texts: 800 digits and more, before and after the point, with and without a tail.
    std::mt19937_64 random(20261202);
    const auto digits = [&random](std::size_t n) {
        std::string s;
        for (std::size_t i = 0; i < n; ++i) s += static_cast<char>('0' + random() % 10);
        return s;
    };
    for (const std::size_t n : {19u, 20u, 25u, 40u, 767u, 768u, 799u, 800u, 801u, 1000u, 2000u}) {
        const std::string run = "1" + digits(n - 1);
        compare(run);
        compare(run + "e-" + std::to_string(n + 5));
        compare(run + "e-" + std::to_string(n + 310));
        compare("0." + std::string(n, '0') + run + "e" + std::to_string(n));
        compare("0." + run);
        compare(std::string(n, '0') + "1." + run);
        compare("1" + std::string(n, '0') + "e-" + std::to_string(n));
        compare("1." + std::string(n, '0') + "1");
    }

    // The JSONTestSuite's numbers: every run of the number grammar in its files.
    const std::string shared = smsgw::test::shared_dir();
    if (shared.empty()) {
        WARN("../shared not found: the JSONTestSuite's numbers were not compared");
    } else {
        for (const char* dir : {"/corpora/JSONTestSuite/test_parsing", "/corpora/JSONTestSuite/test_transform"}) {
            for (const std::string& path : smsgw::test::files_in(shared + dir)) {
                const std::string text = smsgw::test::read_file(path);
                const auto number_start = [](char c) { return c == '-' || (c >= '0' && c <= '9'); };
                const auto continues = [](char c) {
                    return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
                };
                for (std::size_t i = 0; i < text.size(); ++i) {
                    if (!number_start(text[i]) || (i > 0 && continues(text[i - 1]))) continue;
                    const char* at = nullptr;
                    const char* end = smsgw::codec::json::detail::number_end(text.data() + i, text.data() + text.size(), true, at);
                    if (end) compare(std::string(text.data() + i, end));
                }
            }
        }
        CHECK(compare.count > 100);
    }

    // Random doubles as printf writes them, short and long, and the ties beside them.
    for (int i = 0; i < 20000; ++i) {
        std::uint64_t b = random();
        if (i % 4 == 0) b = (b & 0x800FFFFFFFFFFFFFull) | ((b % 60) << 52);  // subnormals and the lowest exponents
        double v = 0;
        std::memcpy(&v, &b, sizeof v);
        if (!std::isfinite(v)) continue;
        for (const char* format : {"%.17g", "%.16g", "%.15g", "%.6g", "%.1e", "%.25e"}) compare(printed(format, v));
        if (i % 10 == 0) {
            const long double mid = (static_cast<long double>(v) + std::nextafter(v, INFINITY)) / 2;
            compare(exact(mid));
            compare(with_tail(exact(mid), "000000000000000000001"));
        }
    }
    // Random significands of 1 to 30 digits with an exponent over the whole range and past it.
    for (int i = 0; i < 20000; ++i) {
        const std::size_t n = 1 + random() % 30;
        const long long e = static_cast<long long>(random() % 700) - 360;
        std::string text = (random() % 2 ? "-" : "") + digits(n);
        if (n > 1 && random() % 2) text.insert(1 + random() % (n - 1) + (text[0] == '-'), ".");
        compare(text + "e" + std::to_string(e));
    }
    // 17 to 19 digits within 10^19 of the point, the range the 128-bit way reads; ties written
    // out, (2^53 + odd) / 2^t; and 0.ddd (19 digits) next to a tie (2M + 1) / 2^54 in [1/2, 1),
    // rounded up and down: a quarter of them are within the last bit the 128-bit quotient keeps.
    for (int i = 0; i < 2000; ++i) {
        __extension__ using u128 = unsigned __int128;
        const std::uint64_t odd = 2 * ((std::uint64_t{1} << 52) + random() % (std::uint64_t{1} << 52)) + 1;
        const u128 scaled = u128{odd} * 10000000000000000000u;  // the tie times 10^19, over 2^54
        const auto below = static_cast<std::uint64_t>(scaled >> 54);
        for (const std::uint64_t m : {below, below + 1}) compare("0." + std::to_string(m));
    }
    for (int i = 0; i < 100000; ++i) {
        const std::size_t n = 17 + random() % 3;
        const long long e = static_cast<long long>(random() % 39) - 19 - static_cast<long long>(n) + 1;
        compare("1" + digits(n - 1) + "e" + std::to_string(e));
    }
    for (int i = 0; i < 1000; ++i) {
        const long double tie = std::ldexp(static_cast<long double>((std::uint64_t{1} << 53) + 2 * (random() % 1000000) + 1),
                                           static_cast<int>(random() % 40) - 30);
        compare(exact(tie));
    }
    INFO(compare.count << " texts, " << compare.out_of_range << " out of range");
    CHECK(compare.out_of_range > 10);
}
