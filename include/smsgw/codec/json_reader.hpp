#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <string_view>
#include <system_error>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/decimal.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/inline.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

namespace smsgw::codec::json {

// Reading JSON without allocating, in one of two ways.
//
// Walk and check in one pass (the fast way): a document checks what its walk passes over, and
// finish() checks whatever the walk left aside and that nothing follows the value.
//
//     json::document doc(body);                                        // no work yet
//     smsgw::result r = json::bind_fields(doc.root(), json::required("batchID", batch_id));
//     r = doc.finish(r);             // a syntax error anywhere wins over r; r.offset: where
//
// Check first, then walk: parse() checks the whole text and hands back a root that no longer
// needs anything but the text.
//
//     json::value root;
//     if (smsgw::result r = json::parse(body, root); !r) return r;
//     json::object obj;
//     if (smsgw::result r = root.get(obj); !r) return r;
//     for (const json::member& m : obj)
//         if (m.key_is("batchID")) m.value.get(batch_id);             // uint64 exact
//
// Either way strings are views when they hold no escape; with escapes they are decoded into a
// buffer the caller passes (get() says buffer_too_small and the size it needs when there is
// none). The text, and the document when there is one, must outlive every value taken from it.

// RFC 8259, or what the vendors' documents show as well (mitake-mms-api.txt, push response):
// trailing commas in objects and arrays, bare tokens such as 11111111-2222-3333-4444-555555555555
// and numbers with leading zeros such as 0000000001.
using mode = smsgw::mode;

struct read_options {
    json::mode m = mode::strict;
    std::size_t max_depth = 128;  // nested objects and arrays; at most max_nesting
};

// The deepest nesting the checker follows (its stack is a fixed bit set of 128 bytes).
inline constexpr std::size_t max_nesting = 1024;

// `bare` is an unquoted token other than a number or literal (tolerant mode only).
enum class kind : unsigned char { null, boolean, number, string, array, object, bare };

class value;
class object;
class array;
class document;

namespace detail {

// Byte classes of the scanners.
enum : unsigned char {
    c_other = 0,  // bytes that start nothing: controls, DEL, non-ASCII outside strings
    c_ws,         // space, tab, CR, LF (RFC 8259 §2)
    c_struct,     // { } [ ] , :
    c_quote,      // "
    c_backslash,  // '\' (not a bare-token byte)
    c_bare,       // any other printable ASCII: may form a bare token in tolerant mode
};

struct char_table {
    unsigned char c[256];
    constexpr char_table() : c() {
        for (int i = 0x21; i < 0x7F; ++i) c[i] = c_bare;
        for (char ch : {' ', '\t', '\n', '\r'}) c[static_cast<unsigned char>(ch)] = c_ws;
        for (char ch : {'{', '}', '[', ']', ',', ':'}) c[static_cast<unsigned char>(ch)] = c_struct;
        c[static_cast<unsigned char>('"')] = c_quote;
        c[static_cast<unsigned char>('\\')] = c_backslash;
    }
};
inline constexpr char_table chars{};

constexpr unsigned char cls(char ch) noexcept { return chars.c[static_cast<unsigned char>(ch)]; }
using ascii::is_digit;

// Eight bytes at p as one little-endian word: byte i of the text is bits 8i..8i+7, so the
// borrows of zero_bytes() run from earlier bytes to later ones on any machine.
inline std::uint64_t load8(const char* p) noexcept {
    std::uint64_t x = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    std::memcpy(&x, p, 8);
#else
    for (int i = 7; i >= 0; --i) x = (x << 8) | static_cast<unsigned char>(p[i]);
#endif
    return x;
}
inline constexpr std::uint64_t ones8 = 0x0101010101010101u;
inline constexpr std::uint64_t highs8 = 0x8080808080808080u;
// The high bit of every zero byte of x is set, and maybe of bytes after the first zero one.
constexpr std::uint64_t zero_bytes(std::uint64_t x) noexcept { return (x - ones8) & ~x & highs8; }
// The index of the first non-zero byte of a load8() word (x != 0): with zero_bytes(), the
// first byte equal to what was xor-ed out.
inline unsigned first_byte(std::uint64_t x) noexcept {
#if defined(__GNUC__)
    return static_cast<unsigned>(__builtin_ctzll(x)) / 8;
#else
    unsigned i = 0;
    while (((x >> (8 * i)) & 0xFF) == 0) ++i;
    return i;
#endif
}

SMSGW_NOINLINE const char* skip_ws_slow(const char* p, const char* end) noexcept {
#if defined(__SSE2__)
    while (end - p >= 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\n'))),
                                        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\t'))));
        const unsigned others = ~static_cast<unsigned>(_mm_movemask_epi8(ws)) & 0xFFFFu;
        if (others != 0) return p + __builtin_ctz(others);
        p += 16;
    }
#endif
    while (p != end) {
        const char ch = *p;
        if (ch == ' ' && end - p >= 8) {
            // Indentation: up to eight spaces at a time.
            const std::uint64_t others = load8(p) ^ (ones8 * ' ');
            if (others == 0) {
                p += 8;
                continue;
            }
            p += first_byte(others);
            continue;
        }
        if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t') break;
        ++p;
    }
    return p;
}

// Past the whitespace at p. Inline for what most text has there: nothing, one space, or a
// line break and the next line's indentation (up to eight spaces).
SMSGW_ALWAYS_INLINE const char* skip_ws(const char* p, const char* end) noexcept {
    if (end - p >= 10) {
        if (static_cast<unsigned char>(p[0]) > ' ') return p;
        if (p[0] == ' ' && static_cast<unsigned char>(p[1]) > ' ') return p + 1;
        if (p[0] == '\n') {
            const std::uint64_t others = load8(p + 1) ^ (ones8 * ' ');
            if (others != 0) {
                const char* q = p + 1 + first_byte(others);
                if (static_cast<unsigned char>(*q) > ' ') return q;
            }
        }
    }
    return skip_ws_slow(p, end);
}

// Whether the eight bytes at p are all decimal digits, and their value (Lemire's method:
// pairs, then quads, then the whole, three multiplications).
inline bool eight_digits(const char* p) noexcept {
    const std::uint64_t x = load8(p);
    return ((x & 0xF0F0F0F0F0F0F0F0u) | (((x + 0x0606060606060606u) & 0xF0F0F0F0F0F0F0F0u) >> 4)) == 0x3333333333333333u;
}
inline std::uint64_t eight_digits_value(const char* p) noexcept {
    std::uint64_t x = load8(p) - 0x3030303030303030u;
    x = (x * 10) + (x >> 8);
    return (((x & 0x000000FF000000FFu) * (100 + (1000000ull << 32))) +
            (((x >> 16) & 0x000000FF000000FFu) * (1 + (10000ull << 32)))) >> 32;
}

// The end of an unquoted token (number, literal or bare token); runs of eight digits at once.
inline const char* token_end(const char* p, const char* end) noexcept {
    while (end - p >= 8 && eight_digits(p)) p += 8;
    while (p != end && cls(*p) == c_bare) ++p;
    return p;
}

// Past the object or array starting at p (text already checked): only quotes, brackets and
// backslashes matter. With SSE2, sixteen bytes at a time: the quotes' prefix parity tells
// which bytes are inside strings, and the brackets outside them move the depth; a stretch
// holding a backslash is walked byte by byte.
SMSGW_NOINLINE const char* container_end(const char* p, const char* end) noexcept {
    std::size_t depth = 0;
    bool in_string = false;
    for (;;) {
#if defined(__SSE2__)
        while (end - p >= 16) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
            const auto mask = [&x](char ch) {
                return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(ch))));
            };
            if (mask('\\') != 0) break;
            unsigned inside = mask('"');  // bit i: an odd number of quotes up to byte i
            inside ^= inside << 1;
            inside ^= inside << 2;
            inside ^= inside << 4;
            inside ^= inside << 8;
            if (in_string) inside = ~inside;
            inside &= 0xFFFF;
            const __m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));  // '[' | 0x20 == '{', ']' | 0x20 == '}'
            const auto folded_mask = [&folded](char ch) {
                return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(folded, _mm_set1_epi8(ch))));
            };
            const unsigned opens = folded_mask('{') & ~inside;
            const unsigned closes = folded_mask('}') & ~inside;
            const auto count = [](unsigned v) {
                std::size_t n = 0;
                for (; v != 0; v &= v - 1) ++n;
                return n;
            };
            const std::size_t n_closes = count(closes);
            if (n_closes < depth) {
                depth = depth + count(opens) - n_closes;
            } else {
                for (unsigned bits = opens | closes; bits != 0; bits &= bits - 1) {
                    const unsigned bit = bits & (0u - bits);
                    if (opens & bit) {
                        ++depth;
                    } else if (--depth == 0) {
                        unsigned i = 0;
                        while ((bit >> i) != 1) ++i;
                        return p + i + 1;
                    }
                }
            }
            in_string = (inside >> 15) & 1u;
            p += 16;
        }
#endif
        // Byte by byte for sixteen bytes and to the end of a string begun there.
        const char* stop = end - p > 16 ? p + 16 : end;
        while (p < stop || in_string) {
            const char ch = *p++;
            if (in_string) {
                if (ch == '\\') {
                    ++p;
                } else if (ch == '"') {
                    in_string = false;
                }
            } else if (ch == '"') {
                in_string = true;
            } else if (ch == '{' || ch == '[') {
                ++depth;
            } else if ((ch == '}' || ch == ']') && --depth == 0) {
                return p;
            }
        }
    }
}

// The end of the number at p, or nullptr when [p, end) does not start with one. Strict is
// RFC 8259 §6; tolerant also takes leading zeros. `at` receives the first byte at fault.
inline const char* number_end(const char* p, const char* end, bool tolerant, const char*& at) noexcept {
    if (p != end && *p == '-') ++p;
    if (p == end || !is_digit(*p)) {
        at = p;
        return nullptr;
    }
    if (*p == '0' && !tolerant) {
        ++p;
    } else {
        while (p != end && is_digit(*p)) ++p;
    }
    if (p != end && *p == '.') {
        ++p;
        if (p == end || !is_digit(*p)) {
            at = p;
            return nullptr;
        }
        while (p != end && is_digit(*p)) ++p;
    }
    if (p != end && (*p == 'e' || *p == 'E')) {
        ++p;
        if (p != end && (*p == '+' || *p == '-')) ++p;
        if (p == end || !is_digit(*p)) {
            at = p;
            return nullptr;
        }
        while (p != end && is_digit(*p)) ++p;
    }
    return p;
}

// The four hex digits at p as a number, or -1.
inline long hex4(const char* p) noexcept {
    const auto& v = ascii::hex_digits.value;
    const unsigned a = v[static_cast<unsigned char>(p[0])];
    const unsigned b = v[static_cast<unsigned char>(p[1])];
    const unsigned c = v[static_cast<unsigned char>(p[2])];
    const unsigned d = v[static_cast<unsigned char>(p[3])];
    if ((a | b | c | d) > 0x0F) return -1;
    return static_cast<long>((a << 12) | (b << 8) | (c << 4) | d);
}

// Length of the well-formed UTF-8 sequence at p (RFC 3629 §4), or 0.
inline std::size_t utf8_length(const char* p, const char* end) noexcept {
    const auto b = [p](std::size_t i) { return static_cast<unsigned char>(p[i]); };
    const std::size_t left = static_cast<std::size_t>(end - p);
    const unsigned char b0 = b(0);
    const auto cont = [&](std::size_t i) { return (b(i) & 0xC0) == 0x80; };
    if (b0 >= 0xC2 && b0 <= 0xDF) return left >= 2 && cont(1) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (left < 3 || !cont(1) || !cont(2)) return 0;
        if (b0 == 0xE0 && b(1) < 0xA0) return 0;  // overlong
        if (b0 == 0xED && b(1) > 0x9F) return 0;  // surrogate
        return 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
        if (b0 == 0xF0 && b(1) < 0x90) return 0;  // overlong
        if (b0 == 0xF4 && b(1) > 0x8F) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

// The bytes of the eight at p that are '"', '\\', below 0x20 or above 0x7F, as a zero_bytes()
// style mask (the first one flagged is exact).
inline std::uint64_t special8(const char* p) noexcept {
    const std::uint64_t x = load8(p);
    const std::uint64_t q = x ^ (ones8 * '"'), b = x ^ (ones8 * '\\');
    return (((x - ones8 * 0x20) & ~x) | ((q - ones8) & ~q) | ((b - ones8) & ~b) | x) & highs8;
}

#if defined(__SSE2__)
// The quotes, backslashes, controls and non-ASCII bytes (signed, those last two are the bytes
// below 0x20) of the sixteen at p, a bit each; the quotes alone in `quotes`.
SMSGW_ALWAYS_INLINE unsigned string_specials16(const char* p, unsigned& quotes) noexcept {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i quote = _mm_cmpeq_epi8(x, _mm_set1_epi8('"'));
    quotes = static_cast<unsigned>(_mm_movemask_epi8(quote));
    const __m128i special = _mm_or_si128(_mm_or_si128(quote, _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
                                         _mm_cmplt_epi8(x, _mm_set1_epi8(0x20)));
    return static_cast<unsigned>(_mm_movemask_epi8(special));
}

// As string_specials16(), with the non-ASCII bytes apart in `high` rather than among the others.
SMSGW_ALWAYS_INLINE unsigned string_specials16(const char* p, unsigned& quotes, unsigned& high) noexcept {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i quote = _mm_cmpeq_epi8(x, _mm_set1_epi8('"'));
    quotes = static_cast<unsigned>(_mm_movemask_epi8(quote));
    high = static_cast<unsigned>(_mm_movemask_epi8(x));
    const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(x, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
    const __m128i special = _mm_or_si128(_mm_or_si128(quote, _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))), control);
    return static_cast<unsigned>(_mm_movemask_epi8(special));
}
#endif

// The three-byte UTF-8 characters (U+0800-U+FFFF, the CJK ones among them) are checked a word at
// a time: lead 1110xxxx and two 10xxxxxx, not overlong (the lead's low bits or the second byte's
// 0x20 set) and not a surrogate (ED A0-BF). Needs eight readable bytes at p.
inline bool three_byte_char(const char* p) noexcept {
    const auto x = static_cast<std::uint32_t>(load8(p));
    const std::uint32_t t = x & 0x200Fu;
    return (x & 0xC0C0F0u) == 0x8080E0u && t != 0 && t != 0x200Du;
}

// Whether [p, e), holding no quote, backslash or control, is well-formed UTF-8.
SMSGW_NOINLINE bool plain_utf8(const char* p, const char* e, const char* end) noexcept {
    while (p != e) {
        if (static_cast<unsigned char>(*p) < 0x80) {
            ++p;
        } else if (end - p >= 8 && three_byte_char(p)) {
            p += 3;
        } else {
            const std::size_t n = utf8_length(p, e);
            if (n == 0) return false;
            p += n;
        }
    }
    return true;
}

// check_string() for any string.
SMSGW_NOINLINE const char* check_string_slow(const char* p, const char* end, const char* begin, result& err,
                                             bool& escaped) noexcept {
    escaped = false;
    ++p;
    for (;;) {
        bool found = false;
#if defined(__SSE2__)
        while (end - p >= 16) {
            unsigned quotes;
            if (const unsigned m = string_specials16(p, quotes)) {
                p += __builtin_ctz(m);
                found = true;
                break;
            }
            p += 16;
        }
#endif
        while (!found && end - p >= 8) {
            if (const std::uint64_t m = special8(p)) {
                p += first_byte(m);
                break;
            }
            p += 8;
        }
        if (p == end) break;
        const char ch = *p;
        const auto u = static_cast<unsigned char>(ch);
        if (ch == '"') return p + 1;
        if (u >= 0x80) {
            // A run of characters beyond ASCII (a Chinese text) is checked in one go.
            do {
                if (end - p >= 8 && three_byte_char(p)) {
                    p += 3;
                    continue;
                }
                const std::size_t n = utf8_length(p, end);
                if (n == 0) {
                    err = fail(errc::invalid_utf8, static_cast<std::size_t>(p - begin));
                    return nullptr;
                }
                p += n;
            } while (p != end && static_cast<unsigned char>(*p) >= 0x80);
        } else if (u < 0x20) {
            err = fail(errc::bad_character, static_cast<std::size_t>(p - begin));
            return nullptr;
        } else if (ch == '\\') {
            escaped = true;
            const char* esc = p;
            if (end - p < 2) break;
            const char e = p[1];
            if (e == 'u') {
                if (end - p < 6) break;
                const long cp = hex4(p + 2);
                if (cp < 0) {
                    err = fail(errc::bad_escape, static_cast<std::size_t>(esc - begin));
                    return nullptr;
                }
                p += 6;
                if (cp >= 0xDC00 && cp <= 0xDFFF) {  // a low surrogate first (RFC 8259 §7)
                    err = fail(errc::invalid_utf16, static_cast<std::size_t>(esc - begin));
                    return nullptr;
                }
                if (cp >= 0xD800 && cp <= 0xDBFF) {  // a high surrogate wants \uDC00-\uDFFF next
                    const long lo = end - p >= 6 && p[0] == '\\' && p[1] == 'u' ? hex4(p + 2) : -1;
                    if (lo < 0xDC00 || lo > 0xDFFF) {
                        err = fail(errc::invalid_utf16, static_cast<std::size_t>(esc - begin));
                        return nullptr;
                    }
                    p += 6;
                }
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' ||
                       e == 't') {
                p += 2;
            } else {
                err = fail(errc::bad_escape, static_cast<std::size_t>(esc - begin));
                return nullptr;
            }
        } else {
            ++p;
        }
    }
    err = fail(errc::truncated, static_cast<std::size_t>(end - begin));
    return nullptr;
}

// Checks the string whose opening quote is at p; returns past its closing quote or fails.
// `escaped` tells whether it holds a backslash (its content is then not its text). Inline for
// the short plain strings most of a document is made of.
SMSGW_ALWAYS_INLINE const char* check_string(const char* p, const char* end, const char* begin, result& err,
                                         bool& escaped) noexcept {
#if defined(__SSE2__)
    if (end - p > 16) {
        unsigned quotes, high;
        const unsigned m = string_specials16(p + 1, quotes, high);
        if ((m & (0u - m) & quotes) != 0) {  // the first special byte is the closing quote
            const auto n = static_cast<unsigned>(__builtin_ctz(m));
            if ((high & ((m & (0u - m)) - 1)) == 0 || plain_utf8(p + 1, p + 1 + n, end)) {
                escaped = false;
                return p + 2 + n;
            }
        }
    }
#endif
    return check_string_slow(p, end, begin, err, escaped);
}

// Whether [p, e) is exactly `word`.
inline bool is_word(const char* p, const char* e, std::string_view word) noexcept {
    return static_cast<std::size_t>(e - p) == word.size() && std::memcmp(p, word.data(), word.size()) == 0;
}

// Whether the first and the last sizeof(Word) of the n bytes at a and b are the same: all of
// them when sizeof(Word) <= n <= 2 * sizeof(Word).
template <class Word>
bool same_ends(const char* a, const char* b, std::size_t n) noexcept {
    Word a0, a1, b0, b1;
    std::memcpy(&a0, a, sizeof a0);
    std::memcpy(&b0, b, sizeof b0);
    std::memcpy(&a1, a + n - sizeof a1, sizeof a1);
    std::memcpy(&b1, b + n - sizeof b1, sizeof b1);
    return ((a0 ^ b0) | (a1 ^ b1)) == 0;
}

// Whether the n bytes at a and b are the same; inline for the short keys of a document.
inline bool same_bytes(const char* a, const char* b, std::size_t n) noexcept {
    if (n >= 8 && n <= 16) return same_ends<std::uint64_t>(a, b, n);
    if (n >= 4 && n < 8) return same_ends<std::uint32_t>(a, b, n);
    if (n < 4) {
        for (std::size_t i = 0; i < n; ++i)
            if (a[i] != b[i]) return false;
        return true;
    }
    return std::memcmp(a, b, n) == 0;
}

// The kind of the (checked) value at p.
inline kind kind_at(const char* p, const char* end, bool tolerant) noexcept {
    switch (*p) {
    case '{': return kind::object;
    case '[': return kind::array;
    case '"': return kind::string;
    default: break;
    }
    if (!tolerant) return *p == 'n' ? kind::null : (*p == 't' || *p == 'f') ? kind::boolean : kind::number;
    const char* e = token_end(p, end);
    if (is_word(p, e, "null")) return kind::null;
    if (is_word(p, e, "true") || is_word(p, e, "false")) return kind::boolean;
    const char* at = nullptr;
    return number_end(p, e, true, at) == e ? kind::number : kind::bare;
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
        std::size_t n = 1;
        switch (p[1]) {
        case 'b': out[0] = '\b'; break;
        case 'f': out[0] = '\f'; break;
        case 'n': out[0] = '\n'; break;
        case 'r': out[0] = '\r'; break;
        case 't': out[0] = '\t'; break;
        case 'u': {
            auto cp = static_cast<std::uint32_t>(hex4(p + 2));
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(hex4(p + 8)) - 0xDC00);
                p += 6;
            }
            p += 4;
            if (cp < 0x80) {
                out[0] = static_cast<char>(cp);
            } else if (cp < 0x800) {
                out[0] = static_cast<char>(0xC0 | (cp >> 6));
                out[1] = static_cast<char>(0x80 | (cp & 0x3F));
                n = 2;
            } else if (cp < 0x10000) {
                out[0] = static_cast<char>(0xE0 | (cp >> 12));
                out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                out[2] = static_cast<char>(0x80 | (cp & 0x3F));
                n = 3;
            } else {
                out[0] = static_cast<char>(0xF0 | (cp >> 18));
                out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
                out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                out[3] = static_cast<char>(0x80 | (cp & 0x3F));
                n = 4;
            }
            break;
        }
        default: out[0] = p[1]; break;  // " \ /
        }
        sink(out, n);
        p += 2;
        run = p;
    }
}

// The integer in [p, e): an optional '-' (when negatives are allowed) and decimal digits,
// leading zeros allowed (the text is checked before; strings holding numbers come here too).
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
    if (stop != text.size()) {
        const char c = text[stop];
        return fail(c == '.' || c == 'e' || c == 'E' ? errc::wrong_type : errc::bad_number, at);
    }
    magnitude = v;
    return {};
}

// Past the number, literal or (tolerant) bare token at p, or nullptr with `err` set.
SMSGW_NOINLINE const char* check_token(const char* p, const char* end, const char* begin, bool tolerant,
                                       result& err) noexcept {
    const auto at = [begin](const char* q) { return static_cast<std::size_t>(q - begin); };
    if (p == end) {
        err = fail(errc::truncated, at(p));
        return nullptr;
    }
    const char* e = token_end(p, end);
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
// open around the value; one more than `max_depth` (at most max_nesting) is too_deep.
SMSGW_NOINLINE const char* check_value(const char* p, const char* end, const char* begin, bool tolerant,
                                       std::size_t depth, std::size_t max_depth, result& err) noexcept {
    const auto at = [begin](const char* q) { return static_cast<std::size_t>(q - begin); };
    if (max_depth > max_nesting) max_depth = max_nesting;
    std::uint64_t objects[max_nesting / 64] = {};  // bit i: the i-th container opened here is an object
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
        p = skip_ws(p + 1, end);
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
        p = check_string(p, end, begin, err, escaped);
        if (!p) return nullptr;
        goto after_value;
    default:
        p = check_token(p, end, begin, tolerant, err);
        if (!p) return nullptr;
        goto after_value;
    }

key:
    if (*p != '"') {
        err = fail(errc::expected_key, at(p));
        return nullptr;
    }
    p = check_string(p, end, begin, err, escaped);
    if (!p) return nullptr;
    p = skip_ws(p, end);
    if (p == end) goto truncated;
    if (*p != ':') {
        err = fail(errc::expected_colon, at(p));
        return nullptr;
    }
    p = skip_ws(p + 1, end);
    goto value;

after_value:
    if (open == 0) return p;
    p = skip_ws(p, end);
    if (p == end) goto truncated;
    if (*p == ',') {
        p = skip_ws(p + 1, end);
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

// What separated the last two elements of a container: the comma and the whitespace after it,
// when they fit a word (a pretty-printed text repeats ",\n      " from member to member). The
// next step that meets the same bytes and no more whitespace takes them in one comparison.
struct separator {
    std::uint64_t bytes = 0;
    std::uint64_t mask = 0;  // the first `size` bytes of a word; 0 when there is none to expect
    unsigned size = 0;

    // Past the separator at p, or p itself when the text does not repeat it there.
    SMSGW_ALWAYS_INLINE const char* skip(const char* p, const char* end) const noexcept {
        if (mask != 0 && end - p > 8 && (load8(p) & mask) == bytes && static_cast<unsigned char>(p[size]) > ' ')
            return p + size;
        return p;
    }
    // Remembers the separator from the comma at p to the element at q (whitespace between).
    void learn(const char* p, const char* q, const char* end) noexcept {
        size = static_cast<unsigned>(q - p);
        if (size > 8 || end - p <= 8) {
            mask = 0;
            return;
        }
        mask = size == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * size)) - 1;
        bytes = load8(p) & mask;
    }
};

// Where a container's walk goes from p: past its opening bracket (`first`), or past one of its
// members or elements, whitespace and a comma come before the next one, or the closing bracket
// `close` (after a comma too in tolerant mode). The result is `element` with p at its first byte,
// `closed` with p at the bracket, or `failed` with `err` set. `sep` is the container's separator.
enum class step_result : unsigned char { element, closed, failed };
SMSGW_ALWAYS_INLINE step_result step_in(const char*& p, const char* end, const char* begin, char close, bool first,
                                        bool tolerant, separator& sep, result& err) noexcept {
    const auto failed = [&](errc e) {
        err = fail(e, static_cast<std::size_t>(p - begin));
        return step_result::failed;
    };
    if (!first) {
        const char* q = sep.skip(p, end);
        if (q != p) {
            p = q;
            return tolerant && *p == close ? step_result::closed : step_result::element;
        }
    }
    p = skip_ws(p, end);
    if (p == end) return failed(errc::truncated);
    if (*p == close) return step_result::closed;
    if (!first) {
        if (*p != ',') return failed(errc::expected_comma);
        const char* comma = p;
        p = skip_ws(p + 1, end);
        if (p == end) return failed(errc::truncated);
        sep.learn(comma, p, end);
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

struct access;

}  // namespace detail

// A JSON value in a document: a view that knows its kind and reads itself. A value of a
// document is checked when it is read or stepped over; one of parse() is checked already.
// Errors from get() carry the offset of the byte at fault.
class value {
public:
    constexpr value() noexcept = default;

    // Whether this value refers to anything (a default-constructed one does not; it reads as null).
    constexpr bool exists() const noexcept { return p_ != nullptr; }
    // The kind its first bytes announce (a value that does not exist is null).
    kind type() const noexcept { return exists() ? detail::kind_at(p_, end_, tolerant_) : kind::null; }
    bool is_null() const noexcept {
        if (!exists()) return true;
        result err;
        const char* e = scan(err);
        return e != nullptr && detail::is_word(p_, e, "null");
    }
    // Offset of the value's first byte in the text.
    constexpr std::size_t offset() const noexcept { return static_cast<std::size_t>(p_ - begin_); }
    // The value's text as it stands (strings with their quotes); empty when it is not valid.
    std::string_view raw() const noexcept {
        result err;
        const char* e = scan(err);
        return e ? std::string_view(p_, static_cast<std::size_t>(e - p_)) : std::string_view();
    }

    result get(bool& out) const noexcept {
        result err;
        const char* e = scan(err);
        if (!e) return err;
        if (detail::is_word(p_, e, "true") || detail::is_word(p_, e, "false")) {
            out = *p_ == 't';
            return {};
        }
        return fail(errc::wrong_type, offset());
    }

    // Integers read exactly, from a number or from a string holding one ("expiresIn": "33346"):
    // number_overflow when the value does not fit T, wrong_type for a fraction or exponent.
    template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
    result get(T& out) const noexcept {
        bool negative = false;
        std::uint64_t magnitude = 0;
        if (result r = integer(negative, magnitude); !r) return r;
        if (negative) {
            if constexpr (std::is_signed_v<T>) {
                const auto limit = static_cast<std::uint64_t>(std::numeric_limits<T>::max()) + 1;
                if (magnitude > limit) return fail(errc::number_overflow, offset());
                out = magnitude == limit ? std::numeric_limits<T>::min()
                                         : static_cast<T>(-static_cast<std::int64_t>(magnitude));
                return {};
            } else {
                if (magnitude != 0) return fail(errc::number_overflow, offset());
            }
        }
        if (magnitude > static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
            return fail(errc::number_overflow, offset());
        out = static_cast<T>(magnitude);
        return {};
    }

    // A double (from a number or a string holding one); number_overflow when out of range.
    result get(double& out) const noexcept {
        const char* b = nullptr;
        const char* e = nullptr;
        if (result r = digits(b, e); !r) return r;
        const char* at = nullptr;
        if (detail::number_end(b, e, true, at) != e) return fail(errc::bad_number, offset());
        const auto [stop, ec] = std::from_chars(b, e, out);
        if (ec == std::errc::result_out_of_range) return fail(errc::number_overflow, offset());
        if (ec != std::errc() || stop != e) return fail(errc::bad_number, offset());
        return {};
    }

    // A string's content: a view into the text when it holds no escape, else decoded into
    // `scratch` (buffer_too_small with the size needed when it does not fit). In tolerant mode
    // a bare token reads as its text.
    result get(std::string_view& out, mutable_bytes scratch = {}) const noexcept {
        result err;
        const char* e = scan(err);
        if (!e) return err;
        if (*p_ != '"') {
            if (!tolerant_ || detail::kind_at(p_, end_, true) != kind::bare) return fail(errc::wrong_type, offset());
            out = {p_, static_cast<std::size_t>(e - p_)};
            return {};
        }
        if (!escaped_) {
            out = {p_ + 1, static_cast<std::size_t>(e - p_ - 2)};
            return {};
        }
        smsgw::writer w(scratch);
        const result r = unescape(w);
        if (!r) return r;
        out = {reinterpret_cast<const char*>(scratch.data()), w.size()};
        return {};
    }

    // Writes a string's decoded content (UTF-8) to `out`: transform convention, offset = bytes
    // written, buffer_too_small with the size needed.
    result unescape(smsgw::writer& out) const noexcept {
        result err;
        if (!scan(err)) return err;
        if (*p_ != '"') return fail(errc::wrong_type, offset());
        const std::size_t start = out.size();
        detail::decode_string(p_ + 1, [&out](const char* d, std::size_t n) { out.write(d, n); });
        const std::size_t n = out.size() - start;
        return out.overflowed() ? fail(errc::buffer_too_small, out.size()) : result{errc{}, n};
    }

    // Whether this is a string equal to `text` once decoded (no buffer needed).
    bool equals(std::string_view text) const noexcept {
        result err;
        const char* e = scan(err);
        if (!e || *p_ != '"') return false;
        if (!escaped_) {
            const auto n = static_cast<std::size_t>(e - p_ - 2);
            return n == text.size() && detail::same_bytes(p_ + 1, text.data(), n);
        }
        std::size_t at = 0;
        bool same = true;
        detail::decode_string(p_ + 1, [&](const char* d, std::size_t n) {
            same = same && n <= text.size() - at && std::memcmp(d, text.data() + at, n) == 0;
            if (same) at += n;
        });
        return same && at == text.size();
    }

    inline result get(object& out) const noexcept;
    inline result get(array& out) const noexcept;

private:
    friend class object;
    friend class array;
    friend class document;
    friend struct detail::access;
    friend result parse(std::string_view, value&, const read_options&) noexcept;

    constexpr value(const char* begin, const char* p, const char* end, detail::walk_state* walk, std::size_t depth,
                    bool tolerant) noexcept
        : begin_(begin), p_(p), end_(end), walk_(walk), depth_(static_cast<std::uint16_t>(depth)), tolerant_(tolerant) {}

    // A value one container deeper in the same text and walk, built from the fields (copying
    // this one and then changing its depth stalls on the narrow store).
    constexpr value inner() const noexcept { return value(begin_, p_, end_, walk_, depth_ + 1u, tolerant_); }

    // Past the value, checking it the first time (and recording what is wrong in the walk).
    SMSGW_ALWAYS_INLINE const char* scan(result& err) const noexcept { return known_end_ ? known_end_ : check(err); }
    const char* check(result& err) const noexcept {
        if (!exists()) {
            err = fail(errc::wrong_type, 0);
            return nullptr;
        }
        const char* e;
        switch (*p_) {
        case '"': e = detail::check_string(p_, end_, begin_, err, escaped_); break;
        case '{':
        case '[':
            if (!walk_) {
                e = detail::container_end(p_, end_);  // checked by parse()
            } else if (walk_->closed == p_) {
                e = walk_->closed_end;
            } else {
                e = detail::check_value(p_, end_, begin_, tolerant_, depth_, walk_->max_depth, err);
            }
            break;
        default: e = detail::check_token(p_, end_, begin_, tolerant_, err); break;
        }
        if (!e) {
            if (walk_) walk_->record(err);
            return nullptr;
        }
        known_end_ = e;
        return e;
    }

    // The integer this value holds, as a sign and a magnitude.
    result integer(bool& negative, std::uint64_t& magnitude) const noexcept {
        if (!known_end_ && exists()) {
            // A number token of at most 19 digits and nothing else, or a string holding just
            // such digits and a sign, is checked and read at once (leading zeros only in
            // tolerant mode or in a string); anything else takes the general way.
            const bool quoted = *p_ == '"';
            const char* q = p_ + quoted;
            negative = q != end_ && *q == '-';
            if (negative) ++q;
            const char* d = q;
            std::uint64_t v = 0;
            while (end_ - d >= 8 && d - q <= 8 && detail::eight_digits(d)) {
                v = v * 100000000u + detail::eight_digits_value(d);
                d += 8;
            }
            while (d != end_ && detail::is_digit(*d) && d - q < 20) v = v * 10 + static_cast<unsigned>(*d++ - '0');
            const auto n = d - q;
            if (n != 0 && n < 20) {
                if (quoted ? d != end_ && *d == '"'
                           : (d == end_ || detail::cls(*d) != detail::c_bare) && (tolerant_ || *q != '0' || n == 1)) {
                    known_end_ = d + quoted;
                    escaped_ = false;
                    magnitude = v;
                    return {};
                }
            }
        }
        const char* b = nullptr;
        const char* e = nullptr;
        if (result r = digits(b, e); !r) return r;
        return detail::parse_integer(b, e, offset(), negative, magnitude);
    }

    // The text holding a number: the token itself, or a string's content without escapes.
    result digits(const char*& b, const char*& e) const noexcept {
        result err;
        e = scan(err);
        if (!e) return err;
        b = p_;
        if (*p_ == '"') {
            if (escaped_) return fail(errc::wrong_type, offset());
            ++b;
            --e;
            return {};
        }
        const char* at = nullptr;
        if (detail::number_end(b, e, true, at) != e) return fail(errc::wrong_type, offset());
        return {};
    }

    // The container this value opens with `bracket` may be walked: wrong_type, or too_deep.
    inline result enter(char bracket) const noexcept;
    // Records a syntax error in the document's walk (a value of parse() meets none).
    void record(const result& r) const noexcept {
        if (walk_) walk_->record(r);
    }
    // The walk of the container opened at `open` reached its end at `close`.
    void closed(const char* open, const char* close) const noexcept {
        if (walk_) {
            walk_->closed = open;
            walk_->closed_end = close + 1;
        }
    }

    const char* begin_ = nullptr;              // the text
    const char* p_ = nullptr;                  // this value
    const char* end_ = nullptr;                // the text's end
    mutable const char* known_end_ = nullptr;  // past this value, once checked
    detail::walk_state* walk_ = nullptr;       // the document's, or none after parse()
    std::uint16_t depth_ = 0;                  // containers around this value
    bool tolerant_ = false;
    mutable bool escaped_ = false;  // a string holding a backslash (known with known_end_)
};

// One member of an object: its key (a string value) and its value.
struct member {
    json::value key;
    json::value value;

    // Whether the key is `name` once decoded.
    bool key_is(std::string_view name) const noexcept { return key.equals(name); }
};

// An object: a forward range of members in document order (duplicates kept as they are). In a
// document a syntax error ends the range early; bind_fields() and document::finish() say so.
class object {
public:
    class iterator {
    public:
        using value_type = member;
        using difference_type = std::ptrdiff_t;
        using reference = const member&;
        using pointer = const member*;
        using iterator_category = std::forward_iterator_tag;

        constexpr iterator() noexcept = default;
        const member& operator*() const noexcept { return cur_; }
        const member* operator->() const noexcept { return &cur_; }
        iterator& operator++() noexcept {
            result err;
            const char* e = cur_.value.scan(err);
            if (!e) {
                cur_ = member{};
                return *this;
            }
            step(e, false);
            return *this;
        }
        iterator operator++(int) noexcept {
            iterator old = *this;
            ++*this;
            return old;
        }
        bool operator==(const iterator& other) const noexcept { return cur_.key.p_ == other.cur_.key.p_; }
        bool operator!=(const iterator& other) const noexcept { return cur_.key.p_ != other.cur_.key.p_; }

    private:
        friend class object;

        // From p (past '{' when `first`, else past a member's value) to the next member's key
        // and value, or past the closing brace. Both hold the walk's context (the text, the
        // walk, the depth) from begin() on: only their positions change.
        void step(const char* p, bool first) noexcept {
            const value& c = cur_.key;
            const char* const end = c.end_;
            const auto stop = [this, &c](const result& r) {
                c.record(r);
                cur_ = member{};
            };
            const auto at = [&c](const char* q) { return static_cast<std::size_t>(q - c.begin_); };
            result err;
            switch (detail::step_in(p, end, c.begin_, '}', first, c.tolerant_, sep_, err)) {
            case detail::step_result::closed: return close(p);
            case detail::step_result::failed: return stop(err);
            case detail::step_result::element: break;
            }
            if (*p != '"') return stop(fail(errc::expected_key, at(p)));
            bool escaped = false;
            const char* k = detail::check_string(p, end, c.begin_, err, escaped);
            if (!k) return stop(err);
            const char* v = detail::skip_ws(k, end);
            if (v == end) return stop(fail(errc::truncated, at(v)));
            if (*v != ':') return stop(fail(errc::expected_colon, at(v)));
            v = detail::skip_ws(v + 1, end);
            if (v == end) return stop(fail(errc::truncated, at(v)));
            cur_.key.p_ = p;
            cur_.key.known_end_ = k;
            cur_.key.escaped_ = escaped;
            cur_.value.p_ = v;
            cur_.value.known_end_ = nullptr;
        }
        void close(const char* p) noexcept {
            cur_.key.closed(open_, p);
            cur_ = member{};
        }

        member cur_;
        const char* open_ = nullptr;  // the object's '{'
        detail::separator sep_;
    };

    constexpr object() noexcept = default;

    iterator begin() const noexcept {
        iterator it;
        if (!self_.exists()) return it;
        it.open_ = self_.p_;
        it.cur_.key = self_.inner();
        it.cur_.value = self_.inner();
        it.step(self_.p_ + 1, true);
        return it;
    }
    iterator end() const noexcept { return {}; }
    bool empty() const noexcept { return begin() == end(); }

    // The value of the first member named `key` (decoded), or false when there is none.
    bool find(std::string_view key, value& out) const noexcept {
        for (const member& m : *this) {
            if (m.key_is(key)) {
                out = m.value;
                return true;
            }
        }
        return false;
    }

    // The object as a value: its offset, its raw text.
    constexpr const value& as_value() const noexcept { return self_; }

private:
    friend class value;
    value self_;
};

// An array: a forward range of values in document order. In a document a syntax error ends
// the range early; document::finish() says so.
class array {
public:
    class iterator {
    public:
        using value_type = value;
        using difference_type = std::ptrdiff_t;
        using reference = const value&;
        using pointer = const value*;
        using iterator_category = std::forward_iterator_tag;

        constexpr iterator() noexcept = default;
        const value& operator*() const noexcept { return cur_; }
        const value* operator->() const noexcept { return &cur_; }
        iterator& operator++() noexcept {
            result err;
            const char* e = cur_.scan(err);
            if (!e) {
                cur_ = value{};
                return *this;
            }
            step(e, false);
            return *this;
        }
        iterator operator++(int) noexcept {
            iterator old = *this;
            ++*this;
            return old;
        }
        bool operator==(const iterator& other) const noexcept { return cur_.p_ == other.cur_.p_; }
        bool operator!=(const iterator& other) const noexcept { return cur_.p_ != other.cur_.p_; }

    private:
        friend class array;

        // From p (past '[' when `first`, else past an element) to the next element, or past
        // the closing bracket. cur_ holds the walk's context meanwhile.
        void step(const char* p, bool first) noexcept {
            const char* const end = cur_.end_;
            result err;
            switch (detail::step_in(p, end, cur_.begin_, ']', first, cur_.tolerant_, sep_, err)) {
            case detail::step_result::closed: return close(p);
            case detail::step_result::failed:
                cur_.record(err);
                cur_ = value{};
                return;
            case detail::step_result::element: break;
            }
            cur_.p_ = p;
            cur_.known_end_ = nullptr;
        }
        void close(const char* p) noexcept {
            cur_.closed(open_, p);
            cur_ = value{};
        }

        value cur_;
        const char* open_ = nullptr;  // the array's '['
        detail::separator sep_;
    };

    constexpr array() noexcept = default;

    iterator begin() const noexcept {
        iterator it;
        if (!self_.exists()) return it;
        it.open_ = self_.p_;
        it.cur_ = self_.inner();
        it.step(self_.p_ + 1, true);
        return it;
    }
    iterator end() const noexcept { return {}; }
    bool empty() const noexcept { return begin() == end(); }
    std::size_t size() const noexcept {
        std::size_t n = 0;
        for (auto it = begin(); it != end(); ++it) ++n;
        return n;
    }

    constexpr const value& as_value() const noexcept { return self_; }

private:
    friend class value;
    value self_;
};

inline result value::enter(char bracket) const noexcept {
    if (!exists() || *p_ != bracket) return fail(errc::wrong_type, offset());
    if (walk_ && depth_ >= walk_->max_depth) {
        const result r = fail(errc::too_deep, offset());
        walk_->record(r);
        return r;
    }
    return {};
}

inline result value::get(object& out) const noexcept {
    const result r = enter('{');
    if (r) out.self_ = *this;
    return r;
}

inline result value::get(array& out) const noexcept {
    const result r = enter('[');
    if (r) out.self_ = *this;
    return r;
}

namespace detail {
// The first syntax error the walk of v's document has met (none for a value of parse()).
struct access {
    static result walk_error(const value& v) noexcept { return v.walk_ ? v.walk_->error : result{}; }
    // A member's key as it stands between its quotes, when that is its content (no escape).
    static bool plain_key(const member& m, std::string_view& key) noexcept {
        const value& k = m.key;
        if (!k.known_end_ || k.escaped_) return false;
        key = {k.p_ + 1, static_cast<std::size_t>(k.known_end_ - k.p_ - 2)};
        return true;
    }
};
}  // namespace detail

// A text walked and checked in one pass. root() is its value; every value taken from it checks
// what it reads or steps over, and records the first syntax error here. finish() then checks
// what the walk left aside and that only whitespace follows the value. Neither copied nor
// moved: its values point at it.
class document {
public:
    explicit document(std::string_view text, const read_options& opt = {}) noexcept
        : begin_(text.data()), end_(text.data() + text.size()), tolerant_(opt.m == mode::tolerant) {
        walk_.max_depth = opt.max_depth < max_nesting ? opt.max_depth : max_nesting;
        first_ = detail::skip_ws(begin_, end_);
        if (first_ == end_) walk_.record(fail(errc::expected_value, text.size()));
    }
    document(const document&) = delete;
    document& operator=(const document&) = delete;

    // The value the text holds (one that does not exist when the text is blank).
    value root() noexcept { return first_ == end_ ? value() : value(begin_, first_, end_, &walk_, 0, tolerant_); }

    // The first syntax error met so far.
    constexpr result error() const noexcept { return walk_.error; }

    // The document's verdict, given what the walk returned: the first syntax error anywhere in
    // the text (those errors parse() lists, and trailing_bytes) wins, then `r`; on success
    // offset = the text's size.
    result finish(result r = {}) noexcept {
        if (!walk_.error.ok()) return walk_.error;
        if (!r) return r;
        result err;
        const char* e = root().scan(err);
        if (!e) return err;
        const char* p = detail::skip_ws(e, end_);
        if (p != end_) {
            walk_.record(fail(errc::trailing_bytes, static_cast<std::size_t>(p - begin_)));
            return walk_.error;
        }
        return {errc{}, static_cast<std::size_t>(end_ - begin_)};
    }

private:
    const char* begin_;
    const char* end_;
    const char* first_ = nullptr;
    bool tolerant_;
    detail::walk_state walk_;
};

// Checks `text` as one JSON document (whitespace around it allowed) and sets `root` to its
// value. On success offset = text.size(); on error offset is the byte at fault and ec says
// what was expected there: expected_value, expected_key, expected_colon, expected_comma,
// bad_number, bad_escape, bad_character (a control character in a string), invalid_utf8,
// invalid_utf16 (a lone surrogate escape), too_deep, truncated, trailing_bytes.
inline result parse(std::string_view text, value& root, const read_options& opt = {}) noexcept {
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    const char* const first = detail::skip_ws(begin, end);
    if (first == end) return fail(errc::expected_value, text.size());
    const bool tolerant = opt.m == mode::tolerant;
    result err;
    const char* e = detail::check_value(first, end, begin, tolerant, 0, opt.max_depth, err);
    if (!e) return err;
    const char* p = detail::skip_ws(e, end);
    if (p != end) return fail(errc::trailing_bytes, static_cast<std::size_t>(p - begin));
    root = value(begin, first, end, nullptr, 0, tolerant);
    if (*first == '{' || *first == '[') root.known_end_ = e;  // a string's is found with its escapes
    return {errc{}, text.size()};
}

}  // namespace smsgw::codec::json
