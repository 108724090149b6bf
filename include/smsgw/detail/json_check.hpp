#pragma once

// The JSON reader's grammar: numbers, tokens, the whole-value checker behind json::parse() and
// the steps of a document's walk through an object or array, over the scanning kernel.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsgw/codec/decimal.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/inline.hpp"
#include "smsgw/detail/json_scan.hpp"

namespace smsgw::codec::json::detail {

// The deepest nesting the checker follows (its stack is a fixed bit set of 128 bytes).
inline constexpr std::size_t nesting_limit = 1024;

// The number grammar (RFC 8259 §6), one rule each: [-] int [frac] [exp].

// Whether the n >= 1 digits from `first` on may be a number's integer part: strict takes
// leading zeros only in "0", tolerant takes them all.
constexpr bool integer_digits_ok(char first, std::size_t n, bool tolerant) noexcept {
    return tolerant || first != '0' || n == 1;
}
// Whether c starts what follows a number's integer part: a fraction or an exponent.
constexpr bool fraction_or_exponent(char c) noexcept { return c == '.' || c == 'e' || c == 'E'; }

// The end of the number at p, or nullptr when [p, end) does not start with one. Strict is
// RFC 8259 §6; tolerant also takes leading zeros. `at` receives the first byte at fault.
inline const char* number_end(const char* p, const char* end, bool tolerant, const char*& at) noexcept {
    const auto digits = [&p, end] {
        const char* q = p;
        while (p != end && is_digit(*p)) ++p;
        return static_cast<std::size_t>(p - q);
    };
    if (p != end && *p == '-') ++p;
    const char* first = p;
    const std::size_t n = digits();
    if (n == 0) {
        at = p;
        return nullptr;
    }
    if (!integer_digits_ok(*first, n, tolerant)) p = first + 1;  // "0", then what follows it
    if (p != end && *p == '.') {
        ++p;
        if (digits() == 0) {
            at = p;
            return nullptr;
        }
    }
    if (p != end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p != end && (*p == '+' || *p == '-')) ++p;
        if (digits() == 0) {
            at = p;
            return nullptr;
        }
    }
    return p;
}

// The integer in [p, e): an optional '-' and decimal digits, leading zeros allowed (the text is
// checked before; strings holding numbers come here too). `at` is the value's offset.
SMSGW_NOINLINE result parse_integer(const char* p, const char* e, std::size_t at, bool& negative,
                                    std::uint64_t& magnitude) noexcept {
    negative = p != e && *p == '-';
    if (negative) ++p;
    if (p == e) return fail(errc::bad_number, at);
    const std::string_view text(p, static_cast<std::size_t>(e - p));
    std::uint64_t v = 0;
    const result r = decimal::parse_prefix(text, v);  // fails only at a first byte that is no digit, or on overflow
    if (r.ec == errc::out_of_range) return fail(errc::number_overflow, at);
    const std::size_t stop = r ? r.offset : 0;
    if (stop != text.size()) return fail(fraction_or_exponent(text[stop]) ? errc::wrong_type : errc::bad_number, at);
    magnitude = v;
    return {};
}

// The integer at p, when it is a number token of at most 19 digits (a string's content when
// `quoted`, which allows leading zeros) and nothing else: read eight digits at a time, past it
// in `stop`. False sends the caller the general way (number_end(), parse_integer()).
template <kernel K = default_kernel>
SMSGW_ALWAYS_INLINE bool short_integer(const char* p, const char* end, bool quoted, bool tolerant, bool& negative,
                                       std::uint64_t& magnitude, const char*& stop) noexcept {
    const char* q = p + quoted;
    negative = q != end && *q == '-';
    if (negative) ++q;
    const char* d = q;
    std::uint64_t v = 0;
    while (end - d >= 8 && d - q <= 8 && eight_digits<K>(d)) {
        v = v * 100000000u + eight_digits_value<K>(d);
        d += 8;
    }
    while (d != end && is_digit(*d) && d - q < 20) v = v * 10 + static_cast<unsigned>(*d++ - '0');
    const auto n = static_cast<std::size_t>(d - q);
    if (n == 0 || n >= 20) return false;
    if (quoted ? d == end || *d != '"' : (d != end && cls(*d) == c_bare) || !integer_digits_ok(*q, n, tolerant))
        return false;
    stop = d + quoted;
    magnitude = v;
    return true;
}

// Past the number, literal or (tolerant) bare token at p, or nullptr with `err` set.
template <kernel K = default_kernel>
SMSGW_NOINLINE const char* check_token(const char* p, const char* end, const char* begin, bool tolerant,
                                       result& err) noexcept {
    const auto at = [begin](const char* q) { return static_cast<std::size_t>(q - begin); };
    if (p == end) {
        err = fail(errc::truncated, at(p));
        return nullptr;
    }
    const char* e = token_end<K>(p, end);
    if (e == p) {
        err = fail(errc::expected_value, at(p));
        return nullptr;
    }
    if (tolerant) return e;  // a number or literal, or else a bare token
    if (*p == 't' || *p == 'f' || *p == 'n') {
        if (is_word(p, e, "true") || is_word(p, e, "false") || is_word(p, e, "null")) return e;
        err = fail(e - p < 5 && e == end ? errc::truncated : errc::expected_value, at(p));
        return nullptr;
    }
    const char* bad = nullptr;
    const char* n = number_end(p, e, false, bad);
    if (!n) {
        if (*p != '-' && !is_digit(*p)) {
            err = fail(errc::expected_value, at(p));
        } else {
            err = fail(bad == end ? errc::truncated : errc::bad_number, at(bad));
        }
        return nullptr;
    }
    if (n != e) {
        err = fail(errc::bad_number, at(n));
        return nullptr;
    }
    return e;
}

// Past the value at p, every byte of it checked, or nullptr with `err` set: what expected
// where (expected_value, expected_key, expected_colon, expected_comma, bad_number, bad_escape,
// bad_character, invalid_utf8, invalid_utf16, too_deep, truncated). `depth` containers are
// open around the value; one more than `max_depth` (at most nesting_limit) is too_deep.
template <kernel K = default_kernel>
SMSGW_NOINLINE const char* check_value(const char* p, const char* end, const char* begin, bool tolerant,
                                       std::size_t depth, std::size_t max_depth, result& err) noexcept {
    const auto at = [begin](const char* q) { return static_cast<std::size_t>(q - begin); };
    if (max_depth > nesting_limit) max_depth = nesting_limit;
    std::uint64_t objects[nesting_limit / 64] = {};  // bit i: the i-th container opened here is an object
    std::size_t open = 0;
    const auto in_object = [&] { return (objects[(open - 1) / 64] >> ((open - 1) % 64)) & 1u; };
    bool escaped = false;

value:
    if (p == end) goto truncated;
    switch (*p) {
    case '{':
    case '[': {
        if (depth + open >= max_depth) {
            err = fail(errc::too_deep, at(p));
            return nullptr;
        }
        const bool obj = *p == '{';
        const std::uint64_t bit = std::uint64_t{1} << (open % 64);
        objects[open / 64] = obj ? (objects[open / 64] | bit) : (objects[open / 64] & ~bit);
        ++open;
        p = skip_ws<K>(p + 1, end);
        if (p == end) goto truncated;
        if (*p == (obj ? '}' : ']')) {
            --open;
            ++p;
            goto after_value;
        }
        if (obj) goto key;
        goto value;
    }
    case '"':
        p = check_string<K>(p, end, begin, err, escaped);
        if (!p) return nullptr;
        goto after_value;
    default:
        p = check_token<K>(p, end, begin, tolerant, err);
        if (!p) return nullptr;
        goto after_value;
    }

key:
    if (*p != '"') {
        err = fail(errc::expected_key, at(p));
        return nullptr;
    }
    p = check_string<K>(p, end, begin, err, escaped);
    if (!p) return nullptr;
    p = skip_ws<K>(p, end);
    if (p == end) goto truncated;
    if (*p != ':') {
        err = fail(errc::expected_colon, at(p));
        return nullptr;
    }
    p = skip_ws<K>(p + 1, end);
    goto value;

after_value:
    if (open == 0) return p;
    p = skip_ws<K>(p, end);
    if (p == end) goto truncated;
    if (*p == ',') {
        p = skip_ws<K>(p + 1, end);
        if (p == end) goto truncated;
        if (tolerant && *p == (in_object() ? '}' : ']')) {
            --open;
            ++p;
            goto after_value;
        }
        if (in_object()) goto key;
        goto value;
    }
    if (*p == (in_object() ? '}' : ']')) {
        --open;
        ++p;
        goto after_value;
    }
    err = fail(errc::expected_comma, at(p));
    return nullptr;

truncated:
    err = fail(errc::truncated, at(end));
    return nullptr;
}

// The escape at p (a backslash) of a checked string, decoded into `out` (its UTF-8, 1 to 4
// bytes: a surrogate pair is one character); returns how many bytes, with p moved past it.
inline std::size_t decode_escape(const char*& p, char* out) noexcept {
    std::size_t n = 1;
    switch (p[1]) {
    case 'b': out[0] = '\b'; break;
    case 'f': out[0] = '\f'; break;
    case 'n': out[0] = '\n'; break;
    case 'r': out[0] = '\r'; break;
    case 't': out[0] = '\t'; break;
    case 'u': {
        auto cp = static_cast<char32_t>(hex4(p + 2));
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<char32_t>(hex4(p + 8)) - 0xDC00);
            p += 6;
        }
        p += 4;
        n = utf8::detail::encoded_length(cp);
        utf8::detail::encode(cp, n, out);
        break;
    }
    default: out[0] = p[1]; break;  // " \ /
    }
    p += 2;
    return n;
}

// Streams the decoded content of a checked string (p just after its opening quote) to
// sink(const char*, std::size_t) in pieces; returns past the closing quote.
template <class Sink>
const char* decode_string(const char* p, Sink&& sink) noexcept {
    const char* run = p;
    for (;;) {
        const char ch = *p;
        if (ch == '"') {
            if (p != run) sink(run, static_cast<std::size_t>(p - run));
            return p + 1;
        }
        if (ch != '\\') {
            ++p;
            continue;
        }
        if (p != run) sink(run, static_cast<std::size_t>(p - run));
        char out[4];
        const std::size_t n = decode_escape(p, out);
        sink(out, n);
        run = p;
    }
}

// The decoded content of the checked string [p, q) (between its quotes) written at `out`, which
// has room for q - p bytes (decoding never lengthens a string); returns the bytes written. With
// SSE2, sixteen bytes are copied at a time up to the next backslash: the strings of Hezhong's
// `cont` hold an escaped quote every few bytes, which decode_string() passes to its sink one
// piece at a time.
template <kernel K = default_kernel>
std::size_t decode_string_into(const char* p, const char* q, char* out) noexcept {
    char* o = out;
    for (;;) {
        if constexpr (K == kernel::sse2) {
            // o - out <= p - start: sixteen bytes stored at o stay within the room.
            while (q - p >= 16) {
                const unsigned m = block16<K>::copy(p, o);
                const unsigned n = m == 0 ? 16u : static_cast<unsigned>(__builtin_ctz(m));
                p += n;
                o += n;
                if (m != 0) break;
            }
        }
        while (p != q && *p != '\\') *o++ = *p++;
        if (p == q) return static_cast<std::size_t>(o - out);
        char e[4];
        const std::size_t n = decode_escape(p, e);
        for (std::size_t i = 0; i < n; ++i) o[i] = e[i];
        o += n;
    }
}

// What separated the last two elements of a container: the comma and the whitespace after it,
// when they fit a word (a pretty-printed text repeats ",\n      " from member to member). The
// next step that meets the same bytes and no more whitespace takes them in one comparison.
struct separator {
    std::uint64_t bytes = 0;
    std::uint64_t mask = 0;  // the first `size` bytes of a word; 0 when there is none to expect
    unsigned size = 0;

    // Past the separator at p, or p itself when the text does not repeat it there.
    template <kernel K = default_kernel>
    SMSGW_ALWAYS_INLINE const char* skip(const char* p, const char* end) const noexcept {
        if (mask != 0 && end - p > 8 && (load8<K>(p) & mask) == bytes && static_cast<unsigned char>(p[size]) > ' ')
            return p + size;
        return p;
    }
    // Remembers the separator from the comma at p to the element at q (whitespace between).
    template <kernel K = default_kernel>
    void learn(const char* p, const char* q, const char* end) noexcept {
        size = static_cast<unsigned>(q - p);
        if (size > 8 || end - p <= 8) {
            mask = 0;
            return;
        }
        mask = size == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * size)) - 1;
        bytes = load8<K>(p) & mask;
    }
};

// Where a container's walk goes from p: past its opening bracket (`first`), or past one of its
// members or elements, whitespace and a comma come before the next one, or the closing bracket
// `close` (after a comma too in tolerant mode). The result is `element` with p at its first byte,
// `closed` with p at the bracket, or `failed` with `err` set. `sep` is the container's separator.
enum class step_result : unsigned char { element, closed, failed };
template <kernel K = default_kernel>
SMSGW_ALWAYS_INLINE step_result step_in(const char*& p, const char* end, const char* begin, char close, bool first,
                                        bool tolerant, separator& sep, result& err) noexcept {
    const auto failed = [&](errc e) {
        err = fail(e, static_cast<std::size_t>(p - begin));
        return step_result::failed;
    };
    if (!first) {
        const char* q = sep.skip<K>(p, end);
        if (q != p) {
            p = q;
            return tolerant && *p == close ? step_result::closed : step_result::element;
        }
    }
    p = skip_ws<K>(p, end);
    if (p == end) return failed(errc::truncated);
    if (*p == close) return step_result::closed;
    if (!first) {
        if (*p != ',') return failed(errc::expected_comma);
        const char* comma = p;
        p = skip_ws<K>(p + 1, end);
        if (p == end) return failed(errc::truncated);
        sep.learn<K>(comma, p, end);
        if (tolerant && *p == close) return step_result::closed;
    }
    return step_result::element;
}

// What the values of a document share while it is walked: the first error met, the last
// container whose walk reached its end (so its parent steps over it without a second look)
// and the depth limit.
struct walk_state {
    result error{};
    const char* closed = nullptr;
    const char* closed_end = nullptr;
    std::size_t max_depth = 0;

    void record(const result& r) noexcept {
        if (error.ok()) error = r;
    }
};

}  // namespace smsgw::codec::json::detail
