#pragma once

// A decimal number's text to the nearest double (ties to even): std::from_chars where the
// standard library has it for floating point, and decimal_to_double() where it does not (libc++
// before 20, which Apple clang and OSS-Fuzz's libc++ builds use). decimal_to_double() is exact,
// allocates nothing and ignores the locale, like from_chars; the tests compare the two bit for bit.
//
// It is the simple decimal conversion (Nigel Tao, "The Simple Decimal Conversion Algorithm",
// 2020), the last resort of Go's strconv, Wuffs and LLVM libc's strtod (whose code libc++ 20's
// from_chars reuses): the number is held as up to 800 decimal digits, which is more than the 767
// significant digits of the longest halfway point between two doubles, plus whether a digit
// beyond those was not zero; it is halved or doubled, exactly, until it lies in [1/2, 1), then
// doubled 53 times and rounded to an integer, the significand. Most numbers take a shorter way:
// at most 19 digits and a power of ten within 10^19 either way are read with 128-bit integers.
#include <charconv>
#include <cstdint>
#include <cstring>
#include <system_error>

// Whether std::from_chars reads a double: libc++ from 20 on; libstdc++ (GCC 11 on) and MSVC's
// library say so with __cpp_lib_to_chars. A build may set it to 0 where the headers declare it
// and the runtime lacks it (Apple's libc++ 20 headers with an older deployment target).
#ifndef SMSGW_HAVE_FLOAT_FROM_CHARS
#if defined(_LIBCPP_VERSION)
#define SMSGW_HAVE_FLOAT_FROM_CHARS (_LIBCPP_VERSION >= 200000)
#elif defined(__cpp_lib_to_chars)
#define SMSGW_HAVE_FLOAT_FROM_CHARS 1
#else
#define SMSGW_HAVE_FLOAT_FROM_CHARS 0
#endif
#endif

namespace smsgw::detail {

// A positive decimal 0.d[0]d[1]...d[nd-1] x 10^dp (digits as values 0-9, no trailing zero, nd
// == 0 for zero), with `truncated` set when digits beyond the capacity were dropped and one of
// them was not zero: the value is then a little more than the digits say.
struct decimal_digits {
    static constexpr int capacity = 800;
    static constexpr unsigned max_shift = 60;  // n * 10 + 9 stays within 64 bits for n < 2^60

    unsigned char d[capacity + 1];  // one more, for a doubling that adds one digit fewer than it might
    int nd = 0;
    int dp = 0;
    bool truncated = false;

    void trim() noexcept {
        while (nd > 0 && d[nd - 1] == 0) --nd;
        if (nd == 0) dp = 0;
    }

    // Divides by 2^k, k <= max_shift.
    void halve(unsigned k) noexcept {
        int r = 0;
        int w = 0;
        std::uint64_t n = 0;
        for (; (n >> k) == 0; ++r) {  // enough leading digits for a first digit out
            if (r >= nd) {
                while ((n >> k) == 0) {
                    n *= 10;
                    ++r;
                }
                break;
            }
            n = n * 10 + d[r];
        }
        dp -= r - 1;
        const std::uint64_t mask = (std::uint64_t{1} << k) - 1;
        for (; r < nd; ++r) {
            d[w++] = static_cast<unsigned char>(n >> k);
            n = (n & mask) * 10 + d[r];
        }
        while (n > 0) {
            const auto digit = static_cast<unsigned char>(n >> k);
            n = (n & mask) * 10;
            if (w < capacity)
                d[w++] = digit;
            else if (digit != 0)
                truncated = true;
        }
        nd = w;
        trim();
    }

    // Multiplies by 2^k, 1 <= k <= max_shift: written from the last digit back, as many new
    // leading digits as 2^k has, or one fewer (then the digits move down by one).
    void twice(unsigned k) noexcept {
        int grow = 0;
        for (std::uint64_t p = std::uint64_t{1} << k; p != 0; p /= 10) ++grow;
        int w = nd + grow;
        std::uint64_t n = 0;
        const auto put = [this, &w](std::uint64_t digit) {
            if (--w <= capacity)
                d[w] = static_cast<unsigned char>(digit);
            else if (digit != 0)
                truncated = true;
        };
        for (int r = nd - 1; r >= 0; --r) {
            n += static_cast<std::uint64_t>(d[r]) << k;
            put(n % 10);
            n /= 10;
        }
        for (; n > 0; n /= 10) put(n % 10);
        int count = nd + grow;
        const bool fewer = w == 1;  // the digits start at d[1]; those past d[capacity] are dropped already
        if (fewer) {
            --count;
            --grow;
            std::memmove(d, d + 1, static_cast<std::size_t>(count < capacity ? count : capacity));
        }
        if (count > capacity) {
            if (!fewer && d[capacity] != 0) truncated = true;
            count = capacity;
        }
        nd = count;
        dp += grow;
        trim();
    }

    // Multiplies by 2^k (k > 0) or divides by 2^-k.
    void shift(int k) noexcept {
        if (nd == 0) return;
        for (; k > static_cast<int>(max_shift); k -= static_cast<int>(max_shift)) twice(max_shift);
        for (; k < -static_cast<int>(max_shift); k += static_cast<int>(max_shift)) halve(max_shift);
        if (k > 0) twice(static_cast<unsigned>(k));
        if (k < 0) halve(static_cast<unsigned>(-k));
    }

    // The integer part, rounded to nearest, ties to even (dp <= 19).
    std::uint64_t rounded_integer() const noexcept {
        std::uint64_t n = 0;
        int i = 0;
        for (; i < dp && i < nd; ++i) n = n * 10 + d[i];
        for (; i < dp; ++i) n *= 10;
        if (dp >= 0 && dp < nd) {
            const bool half = d[dp] == 5 && dp + 1 == nd;
            if (d[dp] > 5 || (d[dp] == 5 && (!half || truncated || (n & 1) != 0))) ++n;
        }
        return n;
    }
};

// Bits a scaling towards [1/2, 1) shifts at a time when the point is `places` away from it:
// 2^step <= 10^places, so that doubling never passes 1 (halving below 1/2 is undone by doubling).
constexpr unsigned scale_step(int places) noexcept {
    constexpr unsigned char small[] = {1, 3, 6, 9, 13, 16, 19, 23, 26};
    return places < 9 ? small[places] : places < 19 ? 27u : decimal_digits::max_shift;
}

// The double nearest to the number in [first, last), which must be a JSON number: [-] digits
// [. digits] [(e|E) [+|-] digits], leading zeros allowed. result_out_of_range, `out` untouched,
// when it rounds to an infinity or to zero from a value that is not zero (as libstdc++'s
// from_chars does); a zero keeps its sign.
inline std::errc decimal_to_double(const char* first, const char* last, double& out) noexcept {
    const auto digit = [](char c) { return static_cast<unsigned>(static_cast<unsigned char>(c) - '0'); };
    decimal_digits x;
    const char* p = first;
    const bool negative = p != last && *p == '-';
    if (negative) ++p;
    long long dp = 0;  // the point's place, beyond int for a long run of zeros
    const auto take = [&x](unsigned v) {
        if (x.nd < decimal_digits::capacity)
            x.d[x.nd++] = static_cast<unsigned char>(v);
        else if (v != 0)
            x.truncated = true;
    };
    for (; p != last && digit(*p) < 10; ++p) {
        if (x.nd == 0 && *p == '0') continue;
        take(digit(*p));
        ++dp;
    }
    if (p != last && *p == '.') {
        for (++p; p != last && digit(*p) < 10; ++p) {
            if (x.nd == 0 && *p == '0') {
                --dp;
                continue;
            }
            take(digit(*p));
        }
    }
    if (p != last && (*p == 'e' || *p == 'E')) {
        ++p;
        const bool minus = p != last && *p == '-';
        if (p != last && (*p == '-' || *p == '+')) ++p;
        long long e = 0;  // held below 10^17: beyond, no run of digits in memory brings it back
        for (; p != last && digit(*p) < 10; ++p)
            if (e < 100000000000000000LL) e = e * 10 + digit(*p);
        dp += minus ? -e : e;
    }
    x.trim();

    std::uint64_t bits = 0;
    if (x.nd != 0) {
        // At least 10^309, or below 10^-330 (under half the least double, 2^-1074).
        if (dp > 310 || dp < -330) return std::errc::result_out_of_range;
        x.dp = static_cast<int>(dp);
#if defined(__SIZEOF_INT128__)
        // At most 19 digits and 10^-19 to 10^19: two 64-bit integers, multiplied or divided in
        // 128 bits, which hold more than the 53 bits and the rounding bit the double needs.
        const int e10 = x.dp - x.nd;
        if (x.nd <= 19 && !x.truncated && e10 >= -19 && e10 <= 19) {
            __extension__ using u128 = unsigned __int128;
            std::uint64_t m = 0;
            for (int i = 0; i < x.nd; ++i) m = m * 10 + x.d[i];
            std::uint64_t p10 = 1;
            for (int i = 0; i < (e10 < 0 ? -e10 : e10); ++i) p10 *= 10;
            u128 q = 0;           // the value is (q + f) * 2^scale, f in [0, 1)
            bool sticky = false;  // whether f is not 0
            int scale = 0;
            if (e10 >= 0) {
                q = u128{m} * p10;
            } else {  // m * 2^(64 + zeros) / 10^k: a quotient of 64 bits or more
                const int zeros = __builtin_clzll(m);
                const u128 n = u128{m << zeros} << 64;
                q = n / p10;
                sticky = n % p10 != 0;
                scale = -64 - zeros;
            }
            const auto high = static_cast<std::uint64_t>(q >> 64);
            const int width = high != 0 ? 128 - __builtin_clzll(high) : 64 - __builtin_clzll(static_cast<std::uint64_t>(q));
            int exp2 = scale + width - 1;
            std::uint64_t significand = 0;
            if (width <= 53) {
                significand = static_cast<std::uint64_t>(q) << (53 - width);
            } else {
                const int drop = width - 53;
                significand = static_cast<std::uint64_t>(q >> drop);
                const u128 rest = q & ((u128{1} << drop) - 1);
                const u128 half = u128{1} << (drop - 1);
                if (rest > half || (rest == half && (sticky || (significand & 1) != 0))) ++significand;
                if (significand >> 53 != 0) {  // rounding carried into a new bit
                    significand >>= 1;
                    ++exp2;
                }
            }
            bits = (significand & ((std::uint64_t{1} << 52) - 1)) | static_cast<std::uint64_t>(exp2 + 1023) << 52;
            if (negative) bits |= std::uint64_t{1} << 63;
            std::memcpy(&out, &bits, sizeof out);
            return std::errc();
        }
#endif
        int exp2 = 0;
        while (x.dp > 0) {
            const unsigned n = scale_step(x.dp);
            x.shift(-static_cast<int>(n));
            exp2 += static_cast<int>(n);
        }
        while (x.dp < 0 || (x.dp == 0 && x.d[0] < 5)) {
            const unsigned n = scale_step(-x.dp);
            x.shift(static_cast<int>(n));
            exp2 -= static_cast<int>(n);
        }
        --exp2;  // now x * 2^exp2 with x in [1, 2)
        if (exp2 < -1022) {  // subnormal: the significand loses the bits below 2^-1074
            x.shift(exp2 + 1022);
            exp2 = -1022;
        }
        if (exp2 > 1023) return std::errc::result_out_of_range;
        x.shift(53);
        std::uint64_t m = x.rounded_integer();
        if (m == std::uint64_t{1} << 53) {  // rounding carried into a new bit
            m >>= 1;
            if (++exp2 > 1023) return std::errc::result_out_of_range;
        }
        if (m == 0) return std::errc::result_out_of_range;
        const std::uint64_t biased = (m >> 52) != 0 ? static_cast<std::uint64_t>(exp2 + 1023) : 0;
        bits = (m & ((std::uint64_t{1} << 52) - 1)) | biased << 52;
    }
    if (negative) bits |= std::uint64_t{1} << 63;
    std::memcpy(&out, &bits, sizeof out);
    return std::errc();
}

// std::from_chars for a double where the standard library has it, else decimal_to_double();
// [first, last) is a JSON number (see decimal_to_double()).
inline std::from_chars_result parse_double(const char* first, const char* last, double& out) noexcept {
#if SMSGW_HAVE_FLOAT_FROM_CHARS
    return std::from_chars(first, last, out);
#else
    return {last, decimal_to_double(first, last, out)};
#endif
}

}  // namespace smsgw::detail
