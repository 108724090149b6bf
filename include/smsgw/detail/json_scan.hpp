#pragma once

// The JSON reader's scanning kernel: byte classes, whitespace, strings and the end of a checked
// container, read sixteen bytes at a time (SSE2), eight (SWAR) or one. Every function takes the
// kernel as a template argument; the reader uses default_kernel, the tests compare them all.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/hex.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/inline.hpp"

namespace smsgw::codec::json::detail {

// How the scanners read the text:
//   portable  words put together byte by byte, first bytes found by a loop: any byte order,
//             any compiler (what a big-endian machine ran before the kernels were templates);
//   swar      eight bytes in one load (byte-swapped on a big-endian machine);
//   sse2      sixteen bytes at a time where that pays, swar elsewhere.
enum class kernel : unsigned char { portable, swar, sse2 };

// Sixteen bytes at a time: only sse2 has it, only where the target has SSE2.
template <kernel K>
struct block16;

#if defined(__SSE2__)
inline constexpr bool have_sse2 = true;

template <>
struct block16<kernel::sse2> {
    // Bit i: byte i of the sixteen at p is not whitespace.
    static SMSGW_ALWAYS_INLINE unsigned non_whitespace(const char* p) noexcept {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\n'))),
                                        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\t'))));
        return ~static_cast<unsigned>(_mm_movemask_epi8(ws)) & 0xFFFFu;
    }

    // The sixteen bytes at p as masks of what container_end() looks for: quotes, backslashes,
    // opening and closing brackets of either kind.
    static SMSGW_ALWAYS_INLINE void brackets(const char* p, unsigned& quotes, unsigned& backslashes, unsigned& opens,
                                             unsigned& closes) noexcept {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const auto mask = [](__m128i v, char ch) {
            return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(ch))));
        };
        quotes = mask(x, '"');
        backslashes = mask(x, '\\');
        const __m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));  // '[' | 0x20 == '{', ']' | 0x20 == '}'
        opens = mask(folded, '{');
        closes = mask(folded, '}');
    }

    // Copies the sixteen bytes at p to o; bit i: byte i is a backslash.
    static SMSGW_ALWAYS_INLINE unsigned copy(const char* p, char* o) noexcept {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(o), x);
        return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))));
    }

    // The quotes, backslashes, controls and non-ASCII bytes (signed, those last two are the
    // bytes below 0x20) of the sixteen at p, a bit each; the quotes alone in `quotes`.
    static SMSGW_ALWAYS_INLINE unsigned string_specials(const char* p, unsigned& quotes) noexcept {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i quote = _mm_cmpeq_epi8(x, _mm_set1_epi8('"'));
        quotes = static_cast<unsigned>(_mm_movemask_epi8(quote));
        const __m128i special = _mm_or_si128(_mm_or_si128(quote, _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
                                             _mm_cmplt_epi8(x, _mm_set1_epi8(0x20)));
        return static_cast<unsigned>(_mm_movemask_epi8(special));
    }

    // As string_specials(), with the non-ASCII bytes apart in `high` rather than among the others.
    static SMSGW_ALWAYS_INLINE unsigned string_specials(const char* p, unsigned& quotes, unsigned& high) noexcept {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i quote = _mm_cmpeq_epi8(x, _mm_set1_epi8('"'));
        quotes = static_cast<unsigned>(_mm_movemask_epi8(quote));
        high = static_cast<unsigned>(_mm_movemask_epi8(x));
        const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(x, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
        const __m128i special = _mm_or_si128(_mm_or_si128(quote, _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))), control);
        return static_cast<unsigned>(_mm_movemask_epi8(special));
    }
};
#else
inline constexpr bool have_sse2 = false;
#endif

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
inline constexpr bool big_endian = true;
#else
inline constexpr bool big_endian = false;
#endif

// The kernel of json::document and json::parse(): the fastest the target has, or the one
// named by SMSGW_JSON_KERNEL (portable, swar or sse2; the same in every translation unit).
#if defined(SMSGW_JSON_KERNEL)
inline constexpr kernel default_kernel = kernel::SMSGW_JSON_KERNEL;
#else
inline constexpr kernel default_kernel = have_sse2 ? kernel::sse2 : kernel::swar;
#endif
static_assert(default_kernel != kernel::sse2 || have_sse2, "SMSGW_JSON_KERNEL=sse2 on a target without SSE2");

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
template <kernel K>
inline std::uint64_t load8(const char* p) noexcept {
    std::uint64_t x = 0;
    if constexpr (K == kernel::portable) {
        for (int i = 7; i >= 0; --i) x = (x << 8) | static_cast<unsigned char>(p[i]);
    } else {
        std::memcpy(&x, p, 8);
        if constexpr (big_endian) x = __builtin_bswap64(x);
    }
    return x;
}
inline constexpr std::uint64_t ones8 = 0x0101010101010101u;
inline constexpr std::uint64_t highs8 = 0x8080808080808080u;
// The high bit of every zero byte of x is set, and maybe of bytes after the first zero one.
constexpr std::uint64_t zero_bytes(std::uint64_t x) noexcept { return (x - ones8) & ~x & highs8; }
// The index of the first non-zero byte of a load8() word (x != 0): with zero_bytes(), the
// first byte equal to what was xor-ed out.
template <kernel K>
inline unsigned first_byte(std::uint64_t x) noexcept {
    if constexpr (K == kernel::portable) {
        unsigned i = 0;
        while (((x >> (8 * i)) & 0xFF) == 0) ++i;
        return i;
    } else {
        return static_cast<unsigned>(__builtin_ctzll(x)) / 8;
    }
}

template <kernel K>
SMSGW_NOINLINE const char* skip_ws_slow(const char* p, const char* end) noexcept {
    if constexpr (K == kernel::sse2) {
        while (end - p >= 16) {
            if (const unsigned others = block16<K>::non_whitespace(p)) return p + __builtin_ctz(others);
            p += 16;
        }
    }
    while (p != end) {
        const char ch = *p;
        if (ch == ' ' && end - p >= 8) {
            // Indentation: up to eight spaces at a time.
            const std::uint64_t others = load8<K>(p) ^ (ones8 * ' ');
            if (others == 0) {
                p += 8;
                continue;
            }
            p += first_byte<K>(others);
            continue;
        }
        if (ch != ' ' && ch != '\n' && ch != '\r' && ch != '\t') break;
        ++p;
    }
    return p;
}

// Past the whitespace at p. Inline for what most text has there: nothing, one space, or a
// line break and the next line's indentation (up to eight spaces).
template <kernel K = default_kernel>
SMSGW_ALWAYS_INLINE const char* skip_ws(const char* p, const char* end) noexcept {
    if (end - p >= 10) {
        if (static_cast<unsigned char>(p[0]) > ' ') return p;
        if (p[0] == ' ' && static_cast<unsigned char>(p[1]) > ' ') return p + 1;
        if (p[0] == '\n') {
            const std::uint64_t others = load8<K>(p + 1) ^ (ones8 * ' ');
            if (others != 0) {
                const char* q = p + 1 + first_byte<K>(others);
                if (static_cast<unsigned char>(*q) > ' ') return q;
            }
        }
    }
    return skip_ws_slow<K>(p, end);
}

// Whether the eight bytes at p are all decimal digits, and their value (Lemire's method:
// pairs, then quads, then the whole, three multiplications).
template <kernel K>
inline bool eight_digits(const char* p) noexcept {
    const std::uint64_t x = load8<K>(p);
    return ((x & 0xF0F0F0F0F0F0F0F0u) | (((x + 0x0606060606060606u) & 0xF0F0F0F0F0F0F0F0u) >> 4)) == 0x3333333333333333u;
}
template <kernel K>
inline std::uint64_t eight_digits_value(const char* p) noexcept {
    std::uint64_t x = load8<K>(p) - 0x3030303030303030u;
    x = (x * 10) + (x >> 8);
    return (((x & 0x000000FF000000FFu) * (100 + (1000000ull << 32))) +
            (((x >> 16) & 0x000000FF000000FFu) * (1 + (10000ull << 32)))) >> 32;
}

// The end of an unquoted token (number, literal or bare token); runs of eight digits at once.
template <kernel K = default_kernel>
inline const char* token_end(const char* p, const char* end) noexcept {
    while (end - p >= 8 && eight_digits<K>(p)) p += 8;
    while (p != end && cls(*p) == c_bare) ++p;
    return p;
}

// Past the object or array starting at p (text already checked): only quotes, brackets and
// backslashes matter. With SSE2, sixteen bytes at a time: the quotes' prefix parity tells
// which bytes are inside strings, and the brackets outside them move the depth; a stretch
// holding a backslash is walked byte by byte.
template <kernel K = default_kernel>
SMSGW_NOINLINE const char* container_end(const char* p, const char* end) noexcept {
    std::size_t depth = 0;
    bool in_string = false;
    for (;;) {
        if constexpr (K == kernel::sse2) {
            while (end - p >= 16) {
                unsigned inside, backslashes, opens, closes;  // inside: bit i, an odd number of quotes up to byte i
                block16<K>::brackets(p, inside, backslashes, opens, closes);
                if (backslashes != 0) break;
                inside ^= inside << 1;
                inside ^= inside << 2;
                inside ^= inside << 4;
                inside ^= inside << 8;
                if (in_string) inside = ~inside;
                inside &= 0xFFFF;
                opens &= ~inside;
                closes &= ~inside;
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
        }
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

// The bytes of the eight at p that are '"', '\\', below 0x20 or above 0x7F, as a zero_bytes()
// style mask (the first one flagged is exact).
template <kernel K>
inline std::uint64_t special8(const char* p) noexcept {
    const std::uint64_t x = load8<K>(p);
    const std::uint64_t q = x ^ (ones8 * '"'), b = x ^ (ones8 * '\\');
    return (((x - ones8 * 0x20) & ~x) | ((q - ones8) & ~q) | ((b - ones8) & ~b) | x) & highs8;
}

// The length of the well-formed UTF-8 sequence at p in [p, e), or 0: utf8's decoder, with the
// three-byte characters (U+0800-U+FFFF, the CJK ones among them) checked a word at a time when
// eight bytes are readable (up to `end`, at or after e): lead 1110xxxx and two 10xxxxxx, not
// overlong (the lead's low bits or the second byte's 0x20 set) and not a surrogate (ED A0-BF).
// Such a character never holds the quote or control at e that ends a run.
template <kernel K>
inline std::size_t utf8_length(const char* p, const char* e, const char* end) noexcept {
    if (end - p >= 8) {
        const auto x = static_cast<std::uint32_t>(load8<K>(p));
        const std::uint32_t t = x & 0x200Fu;
        if ((x & 0xC0C0F0u) == 0x8080E0u && t != 0 && t != 0x200Du) return 3;
    }
    char32_t cp = 0;
    return utf8::detail::decode_one(std::string_view(p, static_cast<std::size_t>(e - p)), 0, cp);
}

// Whether [p, e), holding no quote, backslash or control, is well-formed UTF-8 (bytes up to
// `end` readable).
template <kernel K>
SMSGW_NOINLINE bool plain_utf8(const char* p, const char* e, const char* end) noexcept {
    while (p != e) {
        if (static_cast<unsigned char>(*p) < 0x80) {
            ++p;
        } else {
            const std::size_t n = utf8_length<K>(p, e, end);
            if (n == 0) return false;
            p += n;
        }
    }
    return true;
}

// The code point of the four hex digits at p, or -1.
inline long hex4(const char* p) noexcept {
    std::uint16_t v = 0;
    return hex::read16(p, v) ? static_cast<long>(v) : -1;
}

// Whether `\e` is an escape of two bytes (RFC 8259 §7: all but \u).
constexpr bool is_short_escape(char e) noexcept {
    return e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't';
}

// check_string() for any string.
template <kernel K>
SMSGW_NOINLINE const char* check_string_slow(const char* p, const char* end, const char* begin, result& err,
                                             bool& escaped) noexcept {
    escaped = false;
    ++p;
    for (;;) {
        bool found = false;
        if constexpr (K == kernel::sse2) {
            while (!found && end - p >= 16) {
                unsigned quotes;
                // The two-byte escapes inside the sixteen are stepped over here, both bits
                // cleared (Hezhong's `cont` has an escaped quote every few bytes).
                for (unsigned m = block16<K>::string_specials(p, quotes); m != 0; m &= m - 1) {
                    const auto i = static_cast<unsigned>(__builtin_ctz(m));
                    if (i == 15 || p[i] != '\\' || !is_short_escape(p[i + 1])) {
                        p += i;
                        found = true;
                        break;
                    }
                    escaped = true;
                    m &= ~(2u << i);
                }
                if (!found) p += 16;
            }
        }
        while (!found && end - p >= 8) {
            if (const std::uint64_t m = special8<K>(p)) {
                p += first_byte<K>(m);
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
                const std::size_t n = utf8_length<K>(p, end, end);
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
            } else if (is_short_escape(e)) {
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
template <kernel K = default_kernel>
SMSGW_ALWAYS_INLINE const char* check_string(const char* p, const char* end, const char* begin, result& err,
                                             bool& escaped) noexcept {
    if constexpr (K == kernel::sse2) {
        if (end - p > 16) {
            unsigned quotes, high;
            const unsigned m = block16<K>::string_specials(p + 1, quotes, high);
            if ((m & (0u - m) & quotes) != 0) {  // the first special byte is the closing quote
                const auto n = static_cast<unsigned>(__builtin_ctz(m));
                if ((high & ((m & (0u - m)) - 1)) == 0 || plain_utf8<K>(p + 1, p + 1 + n, end)) {
                    escaped = false;
                    return p + 2 + n;
                }
            }
        }
    }
    return check_string_slow<K>(p, end, begin, err, escaped);
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

}  // namespace smsgw::codec::json::detail
