#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>

#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/decimal.hpp"
#include "smsgw/codec/hex.hpp"
#include "smsgw/codec/json_reader.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/inline.hpp"
#include "smsgw/core/writer.hpp"

namespace smsgw::codec::json {

/// Compact JSON (RFC 8259) into a smsgw::writer. Commas and colons are inserted for you:
///
///     smsgw::writer out(buffer);
///     json::writer j(out);
///     j.begin_object().member("msg_id", 42u).key("dest").begin_array().string("13800138000").end_array().end_object();
///     smsgw::result r = j.finish();
///
/// Strings are escaped as RFC 8259 §7 allows at its most compact: `"` and `\` with a backslash,
/// `\b \f \n \r \t` by name, the other controls below U+0020 as `\u00xx`; '/', DEL and non-ASCII
/// characters pass through. A string that is not well-formed UTF-8 is an error, never replaced.
///
/// The first mistake sticks: later calls do nothing and finish() reports it. Its offset is the
/// offset of the bad byte in the string passed (invalid_utf8), or else the output size at the
/// faulty call: expected_key (a value in an object without its key), expected_value (a key
/// where a value must come, or an object closed after a key), unbalanced (a close that does
/// not match the innermost open), too_deep (more than max_depth levels), trailing_bytes (a
/// second top-level value), truncated (finish() with containers open).
class writer {
public:
    /// The deepest nesting of objects and arrays.
    static constexpr int max_depth = 64;

    /// Writes to `out`.
    explicit writer(smsgw::writer& out) noexcept : out_(&out) {}

    /// Opens an object.
    writer& begin_object() noexcept { return open(true, '{'); }
    /// Closes the innermost object.
    writer& end_object() noexcept { return close(true, '}'); }
    /// Opens an array.
    writer& begin_array() noexcept { return open(false, '['); }
    /// Closes the innermost array.
    writer& end_array() noexcept { return close(false, ']'); }

    /// The key of the next value (in an object).
    writer& key(std::string_view name) noexcept {
        if (!err_.ok()) return *this;
        if (depth_ == 0 || !in_object() || after_key_) return error(errc::expected_value, out_->size());
        separate();
        if (put_string(name, true)) after_key_ = true;
        return *this;
    }

    /// A string, escaped; invalid_utf8 at the first bad byte.
    writer& string(std::string_view utf8) noexcept {
        if (begin_value()) {
            put_string(utf8);
            end_value();
        }
        return *this;
    }

    /// Any integer type but bool, written exactly (the whole int64 and uint64 ranges).
    template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
    writer& number(T value) noexcept {
        if (!begin_value()) return *this;
        put_comma();
        decimal::write(*out_, value);
        end_value();
        return *this;
    }

    /// true or false.
    writer& boolean(bool value) noexcept { return literal(value ? "true" : "false"); }
    /// null.
    writer& null() noexcept { return literal("null"); }

    /// A value already encoded as JSON, copied as it is: the caller vouches for it.
    writer& raw(std::string_view json) noexcept { return literal(json); }
    /// A value the caller writes straight into the output as `write(smsgw::writer&)`, already
    /// encoded as JSON and vouched for (Hezhong's `cont`, an object escaped into a string as it is
    /// encoded, in one pass).
    template <class F>
    writer& raw_with(F&& write) noexcept {
        if (begin_value()) {
            put_comma();
            write(*out_);
            end_value();
        }
        return *this;
    }

    /// A string holding the base64 of `data` (Mitake attachContent), encoded straight into the
    /// output: base64::encoded_size(data.size()) + 2 bytes, and nothing is encoded while only
    /// measuring (a smsgw::writer without a buffer). Always one line: a JSON string cannot hold
    /// the CRLF of RFC 2045 lines.
    writer& base64_string(bytes data, base64::alphabet abc = base64::alphabet::standard, bool pad = true) noexcept {
        if (begin_value()) {
            put_raw("\"");
            base64::encode(data, *out_, {abc, pad, 0});
            out_->put('"');
            end_value();
        }
        return *this;
    }

    /// A string holding the hex digits of `data` (Hezhong hex16str), 2 * data.size() + 2 bytes.
    writer& hex_string(bytes data, hex::letter_case lc = hex::letter_case::lower) noexcept {
        if (begin_value()) {
            put_raw("\"");
            hex::encode(data, *out_, lc);
            out_->put('"');
            end_value();
        }
        return *this;
    }

    /// A string whose content is itself a JSON document (Hezhong `cont`: "{ \"Text1\": ... }").
    /// The text is checked with json::parse (strict; its error and the offset in `json`), then
    /// escaped once, straight into the output.
    writer& json_string(std::string_view json) noexcept {
        if (!err_.ok()) return *this;
        value doc;
        if (result r = parse(json, doc); !r) {
            err_ = r;
            return *this;
        }
        return string(json);
    }

    /// key(name) then the value: strings (anything convertible to std::string_view) with
    /// string(), bool with boolean(), integers with number(), nullptr with null().
    template <class V>
    writer& member(std::string_view name, const V& value) noexcept {
        if constexpr (std::is_same_v<V, bool>) {
            return key(name).boolean(value);
        } else if constexpr (std::is_integral_v<V>) {
            return key(name).number(value);
        } else if constexpr (std::is_same_v<V, std::nullptr_t>) {
            return key(name).null();
        } else {
            static_assert(std::is_convertible_v<const V&, std::string_view>,
                          "json::writer::member takes strings, bool, integers or nullptr");
            return string_member(name, std::string_view(value));
        }
    }

    /// The first error, or the outcome of the output writer (its size, or buffer_too_small
    /// with the size needed) once exactly one complete value has been written.
    result finish() const noexcept {
        if (!err_.ok()) return err_;
        if (depth_ != 0) return fail(errc::truncated, out_->size());
        if (!done_) return fail(errc::expected_value, out_->size());
        return out_->finish();
    }

    /// Whether no mistake was made so far.
    bool ok() const noexcept { return err_.ok(); }
    /// Containers open.
    int depth() const noexcept { return depth_; }

private:
    bool in_object() const noexcept { return (objects_ >> (depth_ - 1)) & 1u; }

    writer& error(errc e, std::size_t at) noexcept {
        err_ = fail(e, at);
        return *this;
    }

    // A comma before every element of a container but its first: owed by separate(), written
    // with what comes next (one claim of the output for both), always within the same call.
    void separate() noexcept {
        const std::uint64_t bit = std::uint64_t{1} << (depth_ - 1);
        comma_ = (nonempty_ & bit) != 0;
        nonempty_ |= bit;
    }
    void put_comma() noexcept {
        if (comma_) out_->put(',');
        comma_ = false;
    }
    // The comma owed, then `text`.
    void put_raw(std::string_view text) noexcept {
        const std::size_t lead = comma_ ? 1 : 0;
        if (byte* d = out_->claim(lead + text.size())) {
            if (lead != 0) d[0] = ',';
            if (!text.empty()) std::memcpy(d + lead, text.data(), text.size());
        }
        comma_ = false;
    }

    bool begin_value() noexcept {
        if (!err_.ok()) return false;
        if (depth_ == 0) {
            if (done_) {
                error(errc::trailing_bytes, out_->size());
                return false;
            }
        } else if (in_object()) {
            if (!after_key_) {
                error(errc::expected_key, out_->size());
                return false;
            }
            after_key_ = false;
        } else {
            separate();
        }
        return true;
    }

    void end_value() noexcept {
        if (depth_ == 0) done_ = true;
    }

    writer& literal(std::string_view text) noexcept {
        if (begin_value()) {
            put_raw(text);
            end_value();
        }
        return *this;
    }

    writer& open(bool object, char c) noexcept {
        if (!begin_value()) return *this;
        if (depth_ == max_depth) {
            put_comma();
            return error(errc::too_deep, out_->size());
        }
        const std::uint64_t bit = std::uint64_t{1} << depth_;
        objects_ = object ? (objects_ | bit) : (objects_ & ~bit);
        nonempty_ &= ~bit;
        ++depth_;
        put_raw(std::string_view(&c, 1));
        return *this;
    }

    writer& close(bool object, char c) noexcept {
        if (!err_.ok()) return *this;
        if (depth_ == 0 || in_object() != object) return error(errc::unbalanced, out_->size());
        if (after_key_) return error(errc::expected_value, out_->size());
        --depth_;
        out_->put(c);
        end_value();
        return *this;
    }

    // True when none of the 8 bytes at p needs a look: no control, '"', '\\' or non-ASCII byte
    // (the zero-byte tests of "Bit Twiddling Hacks", on x ^ '"' and x ^ '\\').
    static bool plain8(const unsigned char* p) noexcept {
        std::uint64_t x;
        std::memcpy(&x, p, 8);
        return plain8(x);
    }
    static bool plain8(std::uint64_t x) noexcept {
        constexpr std::uint64_t ones = 0x0101010101010101u;
        constexpr std::uint64_t highs = 0x8080808080808080u;
        const std::uint64_t quote = x ^ (ones * '"');
        const std::uint64_t backslash = x ^ (ones * '\\');
        const std::uint64_t special = ((x - ones * 0x20) & ~x) | ((quote - ones) & ~quote) |
                                      ((backslash - ones) & ~backslash) | x;
        return (special & highs) == 0;
    }

    // The n < 8 bytes at p as one word, every one of them in it (two overlapping halves, or the
    // first, middle and last byte), the rest 'a': plain8() of it says whether all are plain.
    static std::uint64_t small8(const unsigned char* p, std::size_t n) noexcept {
        if (n >= 4) {
            std::uint32_t lo, hi;
            std::memcpy(&lo, p, 4);
            std::memcpy(&hi, p + n - 4, 4);
            return std::uint64_t{lo} | std::uint64_t{hi} << 32;
        }
        constexpr std::uint64_t fill = 0x0101010101010101u * 'a';
        if (n == 0) return fill;
        return (fill & ~std::uint64_t{0xFFFFFF}) | p[0] | std::uint64_t{p[n / 2]} << 8 | std::uint64_t{p[n - 1]} << 16;
    }

    // How many bytes at the start of p[0, n) surely go out unchanged: n when every one does,
    // else a count no greater than the offset of the first byte that needs a look. Inlined, so
    // that a field's constant key folds (with json_out's, bench/mitake encode_push_request_smsgw
    // 1164K -> 1086K instructions; either alone 1204K or 1127K).
    static SMSGW_ALWAYS_INLINE std::size_t plain_prefix(const unsigned char* p, std::size_t n) noexcept {
        if (n < 8) {
            if (plain8(small8(p, n))) return n;
            for (std::size_t i = 0; i < n; ++i) {
                const unsigned char c = p[i];
                if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return i;
            }
            return n;
        }
        std::size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            if (!plain8(p + i)) return i;
        }
        return i == n || plain8(p + n - 8) ? n : i;  // the last 8 bytes, overlapping those seen
    }

    // key(name) then string(value), with one claim of the output when neither needs an escape
    // (a field list's members: a third of encoding Mitake's 500 destinations was their calls).
    writer& string_member(std::string_view name, std::string_view value) noexcept {
        const auto* k = reinterpret_cast<const unsigned char*>(name.data());
        const auto* v = reinterpret_cast<const unsigned char*>(value.data());
        const std::size_t kn = name.size();
        const std::size_t vn = value.size();
        if (!err_.ok() || depth_ == 0 || !in_object() || after_key_ || plain_prefix(k, kn) != kn ||
            plain_prefix(v, vn) != vn) {
            key(name);
            return string(value);
        }
        separate();
        const std::size_t lead = comma_ ? 1 : 0;
        if (byte* d = out_->claim(lead + kn + vn + 5)) {
            d[0] = ',';
            d += lead;
            d[0] = '"';
            copy(d + 1, k, kn);
            d += kn + 1;
            d[0] = '"';
            d[1] = ':';
            d[2] = '"';
            copy(d + 3, v, vn);
            d[vn + 3] = '"';
        }
        comma_ = false;
        return *this;
    }

    // n bytes from p to d, sizeof(W) <= n <= 2 * sizeof(W): the first and the last W, overlapping.
    template <class W>
    static void copy_ends(byte* d, const unsigned char* p, std::size_t n) noexcept {
        W a, b;
        std::memcpy(&a, p, sizeof a);
        std::memcpy(&b, p + n - sizeof b, sizeof b);
        std::memcpy(d, &a, sizeof a);
        std::memcpy(d + n - sizeof b, &b, sizeof b);
    }

    // n bytes from p to d: up to 16 as two overlapping loads and stores, without a call.
    static void copy(byte* d, const unsigned char* p, std::size_t n) noexcept {
        if (n > 16) {
            std::memcpy(d, p, n);
        } else if (n >= 8) {
            copy_ends<std::uint64_t>(d, p, n);
        } else if (n >= 4) {
            copy_ends<std::uint32_t>(d, p, n);
        } else {
            for (std::size_t i = 0; i < n; ++i) d[i] = p[i];
        }
    }

    // Writes the comma owed, then s quoted and escaped, then ':' after a key; false (and the
    // error recorded) when s is not UTF-8. A string that needs no escape (the common case) goes
    // out with one claim and one copy.
    bool put_string(std::string_view s, bool colon = false) noexcept {
        const auto* p = reinterpret_cast<const unsigned char*>(s.data());
        const std::size_t n = s.size();
        const std::size_t plain = plain_prefix(p, n);
        if (plain != n) return put_escaped(s, plain, colon);
        const std::size_t lead = comma_ ? 1 : 0;
        if (byte* d = out_->claim(lead + n + 2 + (colon ? 1 : 0))) {
            d[0] = ',';
            d += lead;
            d[0] = '"';
            copy(d + 1, p, n);
            d[n + 1] = '"';
            if (colon) d[n + 2] = ':';
        }
        comma_ = false;
        return true;
    }

    // put_string() for a string with a byte that needs a look at or after `from`.
    bool put_escaped(std::string_view s, std::size_t from, bool colon) noexcept {
        static constexpr char hex_digits[] = "0123456789abcdef";
        const auto* p = reinterpret_cast<const unsigned char*>(s.data());
        const std::size_t n = s.size();
        put_raw("\"");
        std::size_t run = 0;  // start of the bytes that go out unchanged
        std::size_t i = from;
        while (i < n) {
            if (i + 8 <= n && plain8(p + i)) {
                i += 8;
                continue;
            }
            const unsigned char c = p[i];
            if (c >= 0x80) {
                char32_t cp;
                const std::size_t len = utf8::detail::decode_one(s, i, cp);
                if (len == 0) {
                    error(errc::invalid_utf8, i);
                    return false;
                }
                i += len;
                continue;
            }
            if (c >= 0x20 && c != '"' && c != '\\') {
                ++i;
                continue;
            }
            out_->write(s.substr(run, i - run));
            char esc[6] = {'\\', 0, 0, 0, 0, 0};
            std::size_t esc_len = 2;
            switch (c) {
            case '"': esc[1] = '"'; break;
            case '\\': esc[1] = '\\'; break;
            case '\b': esc[1] = 'b'; break;
            case '\f': esc[1] = 'f'; break;
            case '\n': esc[1] = 'n'; break;
            case '\r': esc[1] = 'r'; break;
            case '\t': esc[1] = 't'; break;
            default:
                esc[1] = 'u';
                esc[2] = '0';
                esc[3] = '0';
                esc[4] = hex_digits[c >> 4];
                esc[5] = hex_digits[c & 0xF];
                esc_len = 6;
            }
            out_->write(esc, esc_len);
            run = ++i;
        }
        out_->write(s.substr(run));
        out_->put('"');
        if (colon) out_->put(':');
        return true;
    }

    smsgw::writer* out_;
    std::uint64_t objects_ = 0;   // bit d: the container at depth d+1 is an object
    std::uint64_t nonempty_ = 0;  // bit d: the container at depth d+1 has an element
    int depth_ = 0;
    bool after_key_ = false;
    bool done_ = false;  // a complete top-level value is written
    bool comma_ = false;  // a comma is owed before the next output
    result err_{};
};

}  // namespace smsgw::codec::json
