#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>
#include <system_error>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

namespace smsgw::codec::json {

// Reading JSON without allocating. parse() checks a whole document once (grammar, UTF-8,
// escapes, nesting depth); what it hands back are views into the text that walk it on demand:
//
//     json::value root;
//     if (smsgw::result r = json::parse(body, root); !r) return r;   // r.offset: where, r.ec: what
//     json::object obj;
//     if (smsgw::result r = root.get(obj); !r) return r;
//     for (const json::member& m : obj)
//         if (m.key_is("batchID")) m.value.get(batch_id);             // uint64 exact
//
// Strings are views when they hold no escape; with escapes they are decoded into a buffer
// the caller passes (get() says buffer_too_small and the size it needs when there is none).
// The text must outlive every value taken from it.

// RFC 8259, or what the vendors' documents show as well (mitake-mms-api.txt, push response):
// trailing commas in objects and arrays, bare tokens such as 11111111-2222-3333-4444-555555555555
// and numbers with leading zeros such as 0000000001.
enum class mode : unsigned char { strict, tolerant };

struct read_options {
    json::mode m = mode::strict;
    std::size_t max_depth = 128;  // nested objects and arrays; at most max_nesting
};

// The deepest nesting parse() can check (its stack is a fixed bit set of 128 bytes).
inline constexpr std::size_t max_nesting = 1024;

// `bare` is an unquoted token other than a number or literal (tolerant mode only).
enum class kind : unsigned char { null, boolean, number, string, array, object, bare };

class value;
class object;
class array;

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
constexpr bool is_digit(char ch) noexcept { return ch >= '0' && ch <= '9'; }

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

inline const char* skip_ws(const char* p, const char* end) noexcept {
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

// The end of an unquoted token (number, literal or bare token).
inline const char* token_end(const char* p, const char* end) noexcept {
    while (p != end && cls(*p) == c_bare) ++p;
    return p;
}

// Past the closing quote of a string whose opening quote is before p (text already checked),
// eight bytes at a time up to the next quote or backslash; `escaped` is set on a backslash.
inline const char* string_end(const char* p, const char* end, bool& escaped) noexcept {
    for (;;) {
        while (end - p >= 8) {
            const std::uint64_t x = load8(p);
            const std::uint64_t m = zero_bytes(x ^ (ones8 * '"')) | zero_bytes(x ^ (ones8 * '\\'));
            if (m != 0) {
                p += first_byte(m);
                break;
            }
            p += 8;
        }
        const char ch = *p++;
        if (ch == '"') return p;
        if (ch == '\\') {
            escaped = true;
            ++p;
        }
    }
}
inline const char* string_end(const char* p, const char* end) noexcept {
    bool escaped = false;
    return string_end(p, end, escaped);
}

// Past the object or array starting at p (text already checked): only quotes, brackets and
// backslashes matter. With SSE2, sixteen bytes at a time: the quotes' prefix parity tells
// which bytes are inside strings, and the brackets outside them move the depth; a stretch
// holding a backslash is walked byte by byte.
inline const char* container_end(const char* p, const char* end) noexcept {
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

// Past the value starting at p (text already checked).
inline const char* value_end(const char* p, const char* end) noexcept {
    const char first = *p;
    if (first == '"') return string_end(p + 1, end);
    if (first != '{' && first != '[') return token_end(p, end);
    return container_end(p, end);
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

constexpr int hex_value(char ch) noexcept {
    return ch >= '0' && ch <= '9'   ? ch - '0'
           : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
           : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10
                                    : -1;
}

// The four hex digits at p as a number, or -1.
inline long hex4(const char* p) noexcept {
    long v = 0;
    for (int i = 0; i < 4; ++i) {
        const int h = hex_value(p[i]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
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

// Checks the string whose opening quote is at p; returns past its closing quote or fails.
inline const char* check_string(const char* p, const char* end, const char* begin, result& err) noexcept {
    ++p;
    for (;;) {
        while (end - p >= 8) {
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
            const std::size_t n = utf8_length(p, end);
            if (n == 0) {
                err = fail(errc::invalid_utf8, static_cast<std::size_t>(p - begin));
                return nullptr;
            }
            p += n;
        } else if (u < 0x20) {
            err = fail(errc::bad_character, static_cast<std::size_t>(p - begin));
            return nullptr;
        } else if (ch == '\\') {
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

// Whether [p, e) is exactly `word`.
inline bool is_word(const char* p, const char* e, std::string_view word) noexcept {
    return static_cast<std::size_t>(e - p) == word.size() && std::memcmp(p, word.data(), word.size()) == 0;
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
inline result parse_integer(const char* p, const char* e, std::size_t at, bool& negative,
                            std::uint64_t& magnitude) noexcept {
    negative = p != e && *p == '-';
    if (negative) ++p;
    if (p == e) return fail(errc::bad_number, at);
    std::uint64_t v = 0;
    for (; p != e; ++p) {
        if (!is_digit(*p)) return fail(*p == '.' || *p == 'e' || *p == 'E' ? errc::wrong_type : errc::bad_number, at);
        const auto d = static_cast<std::uint64_t>(*p - '0');
        if (v > (std::numeric_limits<std::uint64_t>::max() - d) / 10) return fail(errc::number_overflow, at);
        v = v * 10 + d;
    }
    magnitude = v;
    return {};
}

}  // namespace detail

// A JSON value inside a checked document: a view that knows its kind and reads itself.
// Errors from get() carry the offset of the value in the document.
class value {
public:
    constexpr value() noexcept = default;

    // Whether this value refers to anything (a default-constructed one does not).
    constexpr bool exists() const noexcept { return p_ != nullptr; }
    kind type() const noexcept { return detail::kind_at(p_, end_, tolerant_); }
    bool is_null() const noexcept { return type() == kind::null; }
    // Offset of the value's first byte in the document.
    constexpr std::size_t offset() const noexcept { return static_cast<std::size_t>(p_ - begin_); }
    // The value's text as it stands in the document (strings with their quotes).
    std::string_view raw() const noexcept {
        return {p_, static_cast<std::size_t>(detail::value_end(p_, end_) - p_)};
    }

    result get(bool& out) const noexcept {
        const kind k = type();
        if (k != kind::boolean) return fail(errc::wrong_type, offset());
        out = *p_ == 't';
        return {};
    }

    // Integers read exactly, from a number or from a string holding one ("expiresIn": "33346"):
    // number_overflow when the value does not fit T, wrong_type for a fraction or exponent.
    template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
    result get(T& out) const noexcept {
        const char* b;
        const char* e;
        if (!digits(b, e)) return fail(errc::wrong_type, offset());
        bool negative = false;
        std::uint64_t magnitude = 0;
        if (result r = detail::parse_integer(b, e, offset(), negative, magnitude); !r) return r;
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
        const char* b;
        const char* e;
        if (!digits(b, e)) return fail(errc::wrong_type, offset());
        const char* at = nullptr;
        if (detail::number_end(b, e, true, at) != e) return fail(errc::bad_number, offset());
        const auto [end, ec] = std::from_chars(b, e, out);
        if (ec == std::errc::result_out_of_range) return fail(errc::number_overflow, offset());
        if (ec != std::errc() || end != e) return fail(errc::bad_number, offset());
        return {};
    }

    // A string's content: a view into the document when it holds no escape, else decoded
    // into `scratch` (buffer_too_small with the size needed when it does not fit). In tolerant
    // mode a bare token reads as its text.
    result get(std::string_view& out, mutable_bytes scratch = {}) const noexcept {
        const kind k = type();
        if (k == kind::bare) {
            out = raw();
            return {};
        }
        if (k != kind::string) return fail(errc::wrong_type, offset());
        bool escaped = false;
        const char* e = detail::string_end(p_ + 1, end_, escaped);
        if (!escaped) {
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
        if (type() != kind::string) return fail(errc::wrong_type, offset());
        const std::size_t start = out.size();
        detail::decode_string(p_ + 1, [&out](const char* d, std::size_t n) { out.write(d, n); });
        const std::size_t n = out.size() - start;
        return out.overflowed() ? fail(errc::buffer_too_small, out.size()) : result{errc{}, n};
    }

    // Whether this string equals `text` once decoded (no buffer needed).
    bool equals(std::string_view text) const noexcept {
        if (*p_ != '"') return false;
        const char* p = p_ + 1;
        // Up to the first escape the text is its own decoding: compare it as it stands.
        for (std::size_t i = 0;; ++i) {
            const char ch = p[i];
            if (ch == '\\') break;
            if (ch == '"') return i == text.size();
            if (i == text.size() || ch != text[i]) return false;
        }
        std::size_t at = 0;
        bool same = true;
        detail::decode_string(p, [&](const char* d, std::size_t n) {
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
    friend result parse(std::string_view, value&, const read_options&) noexcept;

    constexpr value(const char* begin, const char* p, const char* end, bool tolerant) noexcept
        : begin_(begin), p_(p), end_(end), tolerant_(tolerant) {}

    // The text holding a number: the token itself, or a string's content without escapes.
    bool digits(const char*& b, const char*& e) const noexcept {
        const kind k = type();
        if (k == kind::number) {
            b = p_;
            e = detail::token_end(p_, end_);
            return true;
        }
        if (k != kind::string) return false;
        bool escaped = false;
        b = p_ + 1;
        e = detail::string_end(b, end_, escaped) - 1;
        return !escaped;
    }

    const char* begin_ = nullptr;  // the document
    const char* p_ = nullptr;      // this value
    const char* end_ = nullptr;    // the document's end
    bool tolerant_ = false;
};

// One member of an object: its key (a string value) and its value.
struct member {
    json::value key;
    json::value value;

    // Whether the key is `name` once decoded.
    bool key_is(std::string_view name) const noexcept { return key.equals(name); }
};

// An object: a forward range of members in document order (duplicates kept as they are).
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
            const value v = cur_.value;
            const char* p = detail::skip_ws(detail::value_end(v.p_, v.end_), v.end_);
            if (*p == ',') {
                p = detail::skip_ws(p + 1, v.end_);
                if (*p == '"') {
                    at(p, v);
                    return *this;
                }
            }
            cur_ = member{};  // '}' (after a trailing comma in tolerant mode)
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
        // The member whose key starts at p, in the document of `doc`.
        void at(const char* p, const value& doc) noexcept {
            const char* colon = detail::skip_ws(detail::string_end(p + 1, doc.end_), doc.end_);
            cur_.key = value(doc.begin_, p, doc.end_, doc.tolerant_);
            cur_.value = value(doc.begin_, detail::skip_ws(colon + 1, doc.end_), doc.end_, doc.tolerant_);
        }
        member cur_;
    };

    constexpr object() noexcept = default;

    iterator begin() const noexcept {
        iterator it;
        if (!self_.exists()) return it;
        const char* p = detail::skip_ws(self_.p_ + 1, self_.end_);
        if (*p != '"') return it;
        it.at(p, self_);
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

// An array: a forward range of values in document order.
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
            const char* p = detail::skip_ws(detail::value_end(cur_.p_, cur_.end_), cur_.end_);
            if (*p == ',') {
                p = detail::skip_ws(p + 1, cur_.end_);
                if (*p != ']') {
                    cur_.p_ = p;
                    return *this;
                }
            }
            cur_ = value{};  // ']' (after a trailing comma in tolerant mode)
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
        value cur_;
    };

    constexpr array() noexcept = default;

    iterator begin() const noexcept {
        iterator it;
        if (!self_.exists()) return it;
        const char* p = detail::skip_ws(self_.p_ + 1, self_.end_);
        if (*p == ']') return it;
        it.cur_ = self_;
        it.cur_.p_ = p;
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

inline result value::get(object& out) const noexcept {
    if (!exists() || *p_ != '{') return fail(errc::wrong_type, offset());
    out.self_ = *this;
    return {};
}

inline result value::get(array& out) const noexcept {
    if (!exists() || *p_ != '[') return fail(errc::wrong_type, offset());
    out.self_ = *this;
    return {};
}

// Checks `text` as one JSON document (whitespace around it allowed) and sets `root` to its
// value. On success offset = text.size(); on error offset is the byte at fault and ec says
// what was expected there: expected_value, expected_key, expected_colon, expected_comma,
// bad_number, bad_escape, bad_character (a control character in a string), invalid_utf8,
// invalid_utf16 (a lone surrogate escape), too_deep, truncated, trailing_bytes.
inline result parse(std::string_view text, value& root, const read_options& opt = {}) noexcept {
    using namespace detail;
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    const bool tolerant = opt.m == mode::tolerant;
    const std::size_t max_depth = opt.max_depth < max_nesting ? opt.max_depth : max_nesting;
    std::uint64_t objects[max_nesting / 64] = {};  // bit d: the container at depth d+1 is an object
    std::size_t depth = 0;
    const auto at = [begin](const char* q) { return static_cast<std::size_t>(q - begin); };
    const auto in_object = [&] { return (objects[(depth - 1) / 64] >> ((depth - 1) % 64)) & 1u; };
    result err{};

    const char* p = skip_ws(begin, end);
    if (p == end) return fail(errc::expected_value, at(p));
    const char* const first = p;

value:
    if (p == end) return fail(errc::truncated, at(p));
    switch (*p) {
    case '{':
    case '[': {
        if (depth == max_depth) return fail(errc::too_deep, at(p));
        const bool obj = *p == '{';
        const std::uint64_t bit = std::uint64_t{1} << (depth % 64);
        objects[depth / 64] = obj ? (objects[depth / 64] | bit) : (objects[depth / 64] & ~bit);
        ++depth;
        p = skip_ws(p + 1, end);
        if (p == end) return fail(errc::truncated, at(p));
        if (*p == (obj ? '}' : ']')) {
            --depth;
            ++p;
            goto after_value;
        }
        if (obj) goto key;
        goto value;
    }
    case '"':
        p = check_string(p, end, begin, err);
        if (!p) return err;
        goto after_value;
    default: {
        const char* e = token_end(p, end);
        if (e == p) return fail(errc::expected_value, at(p));
        if (*p == 't' || *p == 'f' || *p == 'n') {
            if (is_word(p, e, "true") || is_word(p, e, "false") || is_word(p, e, "null")) {
                p = e;
                goto after_value;
            }
            if (tolerant) {
                p = e;
                goto after_value;
            }
            return fail(e - p < 5 && e == end ? errc::truncated : errc::expected_value, at(p));
        }
        const char* bad = nullptr;
        const char* n = number_end(p, e, tolerant, bad);
        if (tolerant) {
            p = e;  // a number, or else a bare token
            goto after_value;
        }
        if (!n) {
            if (*p != '-' && !is_digit(*p)) return fail(errc::expected_value, at(p));
            return fail(bad == end ? errc::truncated : errc::bad_number, at(bad));
        }
        if (n != e) return fail(errc::bad_number, at(n));
        p = n;
        goto after_value;
    }
    }

key:
    if (*p != '"') return fail(errc::expected_key, at(p));
    p = check_string(p, end, begin, err);
    if (!p) return err;
    p = skip_ws(p, end);
    if (p == end) return fail(errc::truncated, at(p));
    if (*p != ':') return fail(errc::expected_colon, at(p));
    p = skip_ws(p + 1, end);
    goto value;

after_value:
    if (depth == 0) {
        p = skip_ws(p, end);
        if (p != end) return fail(errc::trailing_bytes, at(p));
        root = value(begin, first, end, tolerant);
        return {errc{}, text.size()};
    }
    p = skip_ws(p, end);
    if (p == end) return fail(errc::truncated, at(p));
    if (*p == ',') {
        p = skip_ws(p + 1, end);
        if (p == end) return fail(errc::truncated, at(p));
        if (tolerant && *p == (in_object() ? '}' : ']')) {
            --depth;
            ++p;
            goto after_value;
        }
        if (in_object()) goto key;
        goto value;
    }
    if (*p == (in_object() ? '}' : ']')) {
        --depth;
        ++p;
        goto after_value;
    }
    return fail(errc::expected_comma, at(p));
}

}  // namespace smsgw::codec::json
