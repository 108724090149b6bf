#pragma once

// RFC 2047 encoded-words (`=?charset?B|Q?text?=`) in unstructured header values, decoded into
// a caller buffer. A run of adjacent words in the same charset is decoded as one byte stream,
// so a character split across two words comes out whole (notes/mime.md §3.2 cases 07, 24-26),
// and the blanks and folds between adjacent words are dropped (RFC 2047 §6.2).
#include <cstddef>
#include <string_view>

#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/ascii.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/detail/mime_syntax.hpp"
#include "smsgw/mime/charset.hpp"
#include "smsgw/mime/options.hpp"

namespace smsgw::mime {

/// The B (base64) or Q encoding of RFC 2047 §4.
enum class word_encoding : unsigned char { b, q };

/// An RFC 2047 encoded-word, split into its parts.
struct encoded_word {
    std::string_view charset;   ///< as labelled, e.g. "utf-8"
    std::string_view language;  ///< RFC 2231 §5 `charset*lang`, or empty
    /// B or Q.
    word_encoding encoding = word_encoding::b;
    std::string_view text;      ///< the encoded text between the third '?' and "?="
    std::size_t size = 0;       ///< of the whole word, "=?" to "?="
};

/// Parses the encoded-word at the start of `s` (RFC 2047 §2 syntax: token charset, B or Q in
/// either case, encoded text without '?' or blanks). False when `s` does not start with one.
constexpr bool parse_encoded_word(std::string_view s, encoded_word& w) noexcept {
    using namespace smsgw::detail::mime;
    if (s.size() < 7 || s[0] != '=' || s[1] != '?') return false;
    std::size_t i = 2;
    while (i < s.size() && is_token_char(s[i]) && s[i] != '*') ++i;
    std::size_t cs_end = i;
    if (cs_end == 2) return false;
    std::size_t lang_begin = i;
    if (i < s.size() && s[i] == '*') {
        lang_begin = ++i;
        while (i < s.size() && is_token_char(s[i])) ++i;
    }
    if (i + 3 > s.size() || s[i] != '?' || s[i + 2] != '?') return false;
    char e = codec::ascii::to_lower(s[i + 1]);
    if (e != 'b' && e != 'q') return false;
    std::size_t text_begin = i + 3;
    std::size_t j = text_begin;
    while (j < s.size() && s[j] != '?') {
        auto u = static_cast<unsigned char>(s[j]);
        if (u <= 0x20 || u >= 0x7F) return false;
        ++j;
    }
    if (j + 1 >= s.size() || s[j + 1] != '=') return false;
    w.charset = s.substr(2, cs_end - 2);
    w.language = lang_begin < i ? s.substr(lang_begin, i - lang_begin) : std::string_view();
    w.encoding = e == 'b' ? word_encoding::b : word_encoding::q;
    w.text = s.substr(text_begin, j - text_begin);
    w.size = j + 2;
    return true;
}

namespace detail {
using codec::ascii::hex_value;
using codec::ascii::no_hex;

// Whether the word's text decodes: B is base64 with optional padding (RFC 2047 §4.1), Q has
// only `=XX` escapes (§4.2).
inline bool word_text_valid(const encoded_word& w) noexcept {
    if (w.encoding == word_encoding::b) {
        writer measure;  // validates without output: success is buffer_too_small
        const result r = codec::base64::decode(w.text, measure, {codec::base64::alphabet::standard, codec::base64::mode::mime});
        return r.ok() || r.ec == errc::buffer_too_small;
    }
    for (std::size_t i = 0; i < w.text.size(); ++i) {
        if (w.text[i] != '=') continue;
        if (i + 2 >= w.text.size() || hex_value(w.text[i + 1]) == no_hex || hex_value(w.text[i + 2]) == no_hex) return false;
        i += 2;
    }
    return true;
}

// The octets of a valid word, through `sink(std::string_view chunk)`.
template <class Sink>
void word_octets(const encoded_word& w, Sink&& sink) noexcept {
    char chunk[192];
    if (w.encoding == word_encoding::b) {
        // 256 characters decode to at most 192 octets; only the last slice may be unpadded.
        for (std::size_t i = 0; i < w.text.size(); i += 256) {
            writer out(chunk, sizeof chunk);
            codec::base64::decode(w.text.substr(i, 256), out, {codec::base64::alphabet::standard, codec::base64::mode::mime});
            sink(std::string_view(chunk, out.size()));
        }
        return;
    }
    std::size_t n = 0;
    for (std::size_t i = 0; i < w.text.size(); ++i) {
        char c = w.text[i];
        if (c == '_') {
            c = ' ';
        } else if (c == '=') {
            c = static_cast<char>(hex_value(w.text[i + 1]) * 16 + hex_value(w.text[i + 2]));
            i += 2;
        }
        chunk[n++] = c;
        if (n == sizeof chunk) {
            sink(std::string_view(chunk, n));
            n = 0;
        }
    }
    if (n != 0) sink(std::string_view(chunk, n));
}
}  // namespace detail

/// Decodes one word's text to its octets (no charset conversion). Success: offset = bytes
/// written; errc::bad_encoded_word (offset 0) when the text does not decode.
inline result decode_word_octets(const encoded_word& w, writer& out) noexcept {
    if (!detail::word_text_valid(w)) return fail(errc::bad_encoded_word, 0);
    const std::size_t before = out.size();
    detail::word_octets(w, [&](std::string_view c) noexcept { out.write(c); });
    if (out.overflowed()) return out.finish();
    return result{errc{}, out.size() - before};
}

/// How header text is decoded.
struct text_options {
    /// Strict or tolerant.
    mode m = mode::strict;
    /// Decode words glued to other text (`[MMS]=?utf-8?B?...?=`), as GMime and Python do;
    /// RFC 2047 §5 wants blanks around them. On in tolerant_text.
    bool glued_words = false;
};
/// Tolerant decoding, glued words included.
inline constexpr text_options tolerant_text{mode::tolerant, true};

/// What decode_text() met besides text.
struct text_info {
    std::size_t words = 0;           ///< encoded-words decoded
    std::string_view other_charset;  ///< first charset label that is not built in: its octets were copied raw
    bool line_break = false;         ///< a decoded word produced CR or LF (header injection): kept, reported here
};

/// Decodes an unstructured value (RFC 2047 §5 (1), e.g. Subject) into UTF-8: folds removed,
/// words decoded, runs of same-charset words converted as one stream. Text outside words is
/// copied as it is (raw 8-bit text stays raw, RFC 6532; tolerant mode records the first raw
/// text that is not UTF-8 as unencoded_8bit_header). Success: offset = bytes written.
/// Strict: a word whose text does not decode is errc::bad_encoded_word, a run of UTF-8 words
/// that is not UTF-8 errc::invalid_utf8, both at the offset of the word in `raw` (the UTF-8 check
/// needs the output: a measuring writer skips it). Tolerant: the bad word is kept literally,
/// a bad UTF-8 run is kept as octets; both are recorded as bad_encoded_word.
inline result decode_text(std::string_view raw, writer& out, const text_options& opt = {}, text_info* info = nullptr,
                          defect_log* log = nullptr, std::size_t base = 0) noexcept {
    using namespace smsgw::detail::mime;
    const std::size_t before = out.size();
    // The open run of same-charset words: where its octets start in `out` and its first word in `raw`.
    bool in_run = false;
    std::string_view run_charset;
    charset run_cs = charset::other;
    std::size_t run_out = 0, run_in = 0;
    text_stream run(charset::other, opt.m);  // GBK, GB18030, Big5: a character may span two words
    // A malformed multi-byte sequence: strict stops at the word, tolerant wrote U+FFFD and logs it.
    auto multibyte_error = [&](const result& r, std::size_t word_at) noexcept -> result {
        if (!r) return opt.m == mode::strict ? fail(r.ec, base + word_at) : result{};
        return {};
    };

    auto close_run = [&]() noexcept -> result {
        if (!in_run) return {};
        in_run = false;
        if (is_multibyte(run_cs)) {
            if (auto r = multibyte_error(run.finish(out), run_in); !r) return r;
            if (run.replaced() != 0 && log) log->add(defect_kind::bad_encoded_word, base + run_in);
            return {};
        }
        if (run_cs != charset::utf8 || out.overflowed() || out.buffer() == nullptr) return {};
        std::string_view octets(reinterpret_cast<const char*>(out.buffer()) + run_out, out.size() - run_out);
        if (info && octets.find_first_of("\r\n") != std::string_view::npos) info->line_break = true;
        if (codec::utf8::validate(octets)) return {};
        if (opt.m == mode::strict) return fail(errc::invalid_utf8, base + run_in);
        if (log) log->add(defect_kind::bad_encoded_word, base + run_in);
        return {};
    };
    bool raw_8bit_logged = false;
    auto write_text = [&](std::string_view t) noexcept {  // literal text, folds removed
        // Raw 8-bit text is kept; when it is not UTF-8 (RFC 6532) its charset is unknown: recorded.
        if (opt.m == mode::tolerant && log && !raw_8bit_logged) {
            if (const result v = codec::utf8::validate(t); !v) {
                log->add(defect_kind::unencoded_8bit_header, base + static_cast<std::size_t>(t.data() - raw.data()) + v.offset);
                raw_8bit_logged = true;
            }
        }
        std::size_t s = 0;
        for (std::size_t k = 0; k < t.size(); ++k) {
            if (t[k] != '\r' && t[k] != '\n') continue;
            out.write(t.substr(s, k - s));
            s = k + 1;
        }
        out.write(t.substr(s));
    };

    std::size_t text_begin = 0;  // input not written yet: literal text and blanks
    bool only_blanks = true;     // [text_begin, i) holds nothing but blanks and folds
    bool after_word = false;     // text_begin is the end of a decoded word
    std::size_t i = 0;
    while (i < raw.size()) {
        const char c = raw[i];
        if (is_wsp(c) || is_eol_char(c)) {
            ++i;
            continue;
        }
        encoded_word w;
        const bool separated_before = i == 0 || is_wsp(raw[i - 1]) || is_eol_char(raw[i - 1]);
        if (c == '=' && (separated_before || opt.glued_words) && parse_encoded_word(raw.substr(i), w)) {
            const std::size_t end = i + w.size;
            const bool separated_after = end == raw.size() || is_wsp(raw[end]) || is_eol_char(raw[end]);
            if (separated_after || opt.glued_words) {
                if (detail::word_text_valid(w)) {
                    if (!(after_word && only_blanks) && text_begin < i) {  // RFC 2047 §6.2: blanks between words vanish
                        if (auto r = close_run(); !r) return r;
                        write_text(raw.substr(text_begin, i - text_begin));
                    }
                    if (!in_run || !iequals(run_charset, w.charset)) {
                        if (auto r = close_run(); !r) return r;
                        in_run = true;
                        run_charset = w.charset;
                        run_cs = classify_charset(w.charset);
                        run = text_stream(run_cs, opt.m);
                        run_out = out.size();
                        run_in = i;
                    }
                    result bad;
                    detail::word_octets(w, [&](std::string_view o) noexcept {
                        if (bad) bad = run.put(o, out);
                    });
                    if (auto r = multibyte_error(bad, i); !r) return r;
                    if (run_cs == charset::other && info && info->other_charset.empty()) info->other_charset = w.charset;
                    if (info) ++info->words;
                    i = text_begin = end;
                    only_blanks = after_word = true;
                    continue;
                }
                if (opt.m == mode::strict) return fail(errc::bad_encoded_word, base + i);
                if (log) log->add(defect_kind::bad_encoded_word, base + i);
            }
        }
        // Literal text up to the next blank (or the next '=' when words may be glued to text).
        only_blanks = false;
        ++i;
        while (i < raw.size() && !is_wsp(raw[i]) && !is_eol_char(raw[i]) && !(opt.glued_words && raw[i] == '=')) ++i;
    }
    if (text_begin < raw.size()) {  // trailing text, or blanks after the last word: kept
        if (auto r = close_run(); !r) return r;
        write_text(raw.substr(text_begin));
    }
    if (auto r = close_run(); !r) return r;
    if (out.overflowed()) return out.finish();
    return result{errc{}, out.size() - before};
}

}  // namespace smsgw::mime
