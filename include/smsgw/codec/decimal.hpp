#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <type_traits>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/writer.hpp"

/// Decimal integers in text, read and written exactly: the one copy behind every number of a
/// form field, a reply line, a JSON number, a CMPP timestamp or Msg_Id text.
namespace smsgw::codec::decimal {

/// Which leading sign a reader accepts.
enum class sign : unsigned char {
    none,   ///< digits only
    minus,  ///< an optional '-'
    any,    ///< an optional '-' or '+'
};

/// What parse() accepts.
struct parse_options {
    /// Which sign may come first.
    decimal::sign signs = sign::none;
    bool leading_zeros = true;   ///< "007" reads as 7; false: a number may start with 0 only if it is 0
    std::size_t max_digits = 0;  ///< 0: as many as the type holds; otherwise more is field_too_long
};

/// The most characters a 64-bit integer takes: 20 digits, or '-' and 19.
inline constexpr std::size_t max_chars = 20;

namespace detail {

// The digits of `text` from `from` as a magnitude, up to the first non-digit (its offset in
// `end`); false when the value passes 64 bits. Nineteen digits always fit: only a twentieth
// and later ones need the check.
constexpr bool magnitude(std::string_view text, std::size_t from, std::uint64_t& out, std::size_t& end) noexcept {
    std::uint64_t v = 0;
    bool over = false;
    std::size_t i = from;
    for (; i < text.size() && ascii::is_digit(text[i]); ++i) {
        const auto d = static_cast<std::uint64_t>(text[i] - '0');
        if (i - from >= 19 && (over || v > (std::numeric_limits<std::uint64_t>::max() - d) / 10)) {
            over = true;
            continue;
        }
        v = v * 10 + d;
    }
    end = i;
    out = v;
    return !over;
}

template <class Int>
constexpr result read(std::string_view text, Int& out, parse_options o, bool whole) noexcept {
    static_assert(std::is_integral_v<Int> && !std::is_same_v<Int, bool>, "an integer type");
    std::size_t i = 0;
    bool negative = false;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        const bool allowed = text[0] == '-' ? o.signs != sign::none : o.signs == sign::any;
        if (!allowed) return fail(errc::bad_character, 0);
        negative = text[0] == '-';
        i = 1;
    }
    if (i == text.size()) return fail(text.empty() ? errc::empty_field : errc::bad_character, i);
    if (!ascii::is_digit(text[i])) return fail(errc::bad_character, i);
    using U = std::make_unsigned_t<Int>;
    std::uint64_t limit = static_cast<U>(std::numeric_limits<Int>::max());
    if (negative) limit = std::is_signed_v<Int> ? limit + 1 : 0;
    std::uint64_t v = 0;
    std::size_t end = 0;
    const bool fits = magnitude(text, i, v, end);
    if (whole && end != text.size()) return fail(errc::bad_character, end);
    if (o.max_digits != 0 && end - i > o.max_digits) return fail(errc::field_too_long, i + o.max_digits);
    if (!o.leading_zeros && text[i] == '0' && end - i > 1) return fail(errc::bad_character, i + 1);
    if (!fits || v > limit) return fail(errc::out_of_range, 0);
    if constexpr (std::is_signed_v<Int>) {
        out = negative ? static_cast<Int>(0 - v) : static_cast<Int>(v);  // two's complement, exact at the minimum
    } else {
        out = static_cast<Int>(v);
    }
    return {errc{}, end};
}

}  // namespace detail

/// The whole of `text` as an integer of type Int. Success: offset = text.size(). Errors:
/// empty_field (offset 0) when empty; bad_character at a sign the options refuse, at a sign with
/// no digit after it, at the first byte that is not a digit, or at the digit after a leading 0
/// when leading_zeros is false; field_too_long at the first digit past max_digits; out_of_range
/// (offset 0) when the value does not fit Int.
template <class Int>
constexpr result parse(std::string_view text, Int& out, parse_options o = {}) noexcept {
    return detail::read(text, out, o, true);
}

/// The number at the start of `text`, up to the first byte that is not a digit. Success: offset
/// = characters read (at least one digit). Errors as parse(), except that a byte after the
/// number is no error.
template <class Int>
constexpr result parse_prefix(std::string_view text, Int& out, parse_options o = {}) noexcept {
    return detail::read(text, out, o, false);
}

/// The text of a number, on the stack.
class text {
public:
    /// The digits.
    constexpr std::string_view view() const noexcept { return {chars_ + start_, max_chars - start_}; }
    /// How many characters.
    constexpr std::size_t size() const noexcept { return max_chars - start_; }

    template <class Int>
    friend constexpr text format(Int v) noexcept;
    friend constexpr text format_padded(std::uint64_t v, unsigned width) noexcept;

private:
    constexpr void push(char c) noexcept { chars_[--start_] = c; }
    char chars_[max_chars]{};
    std::size_t start_ = max_chars;
};

/// The digits of `v`, with '-' when negative: exactly, over the whole int64 and uint64 ranges.
template <class Int>
constexpr text format(Int v) noexcept {
    static_assert(std::is_integral_v<Int> && !std::is_same_v<Int, bool>, "an integer type");
    text t;
    auto m = static_cast<std::uint64_t>(v);
    bool negative = false;
    if constexpr (std::is_signed_v<Int>) {
        if (v < 0) {
            negative = true;
            m = std::uint64_t{0} - m;
        }
    }
    do {
        t.push(static_cast<char>('0' + m % 10));
        m /= 10;
    } while (m != 0);
    if (negative) t.push('-');
    return t;
}

/// Exactly `width` digits (at most 20), zero on the left: the low digits of `v` when it has more.
constexpr text format_padded(std::uint64_t v, unsigned width) noexcept {
    text t;
    for (unsigned k = 0; k < width && k < max_chars; ++k, v /= 10) t.push(static_cast<char>('0' + v % 10));
    return t;
}

/// How many digits `v` has (1 for 0).
constexpr std::size_t digits(std::uint64_t v) noexcept {
    std::size_t n = 1;
    while (v >= 10) {
        v /= 10;
        ++n;
    }
    return n;
}

/// Writes the text of format(v).
template <class Int>
void write(writer& out, Int v) noexcept {
    out.write(format(v).view());
}
/// Writes the text of format_padded(v, width).
inline void write_padded(writer& out, std::uint64_t v, unsigned width) noexcept {
    out.write(format_padded(v, width).view());
}

}  // namespace smsgw::codec::decimal
