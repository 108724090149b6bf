#pragma once

// Structured header values: Content-Type and Content-Disposition with their parameters
// (RFC 2045 §5.1, RFC 2183), parameter values with RFC 2231 continuations, charset and
// language, assembled in numeric order and decoded once into a caller buffer.
#include <cstddef>
#include <optional>
#include <string_view>

#include "smsgw/codec/percent.hpp"
#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/decimal.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/detail/lazy_iterator.hpp"
#include "smsgw/detail/mime_syntax.hpp"
#include "smsgw/mime/charset.hpp"
#include "smsgw/mime/encoded_word.hpp"
#include "smsgw/mime/options.hpp"

namespace smsgw::mime {

/// One parameter of a Content-Type or Content-Disposition.
struct parameter {
    std::string_view name;     ///< attribute as written, RFC 2231 suffix included (`filename*0*`)
    std::string_view value;    ///< raw: without the quotes, `\` escapes still in
    std::size_t offset = 0;    ///< of the name in the decoder's input
    /// Whether the value was a quoted string.
    bool quoted = false;
    /// RFC 2231 §3-4, from the name: `base*N*` -> base, section N, extended.
    std::string_view base_name;
    int section = -1;          ///< -1: not a continuation
    bool extended = false;     ///< trailing `*`: charset'language' on section 0, %XX escapes
};

namespace detail {
using namespace smsgw::detail::mime;

// Skips blanks, folds and RFC 5322 comments `(...)` (nested, with `\` escapes).
constexpr std::size_t skip_cfws(std::string_view s, std::size_t i) noexcept {
    while (i < s.size()) {
        if (is_wsp(s[i]) || is_eol_char(s[i])) {
            ++i;
        } else if (s[i] == '(') {
            std::size_t depth = 0;
            for (; i < s.size(); ++i) {
                if (s[i] == '\\' && i + 1 < s.size()) {  // quoted-pair; a final '\' is just a character
                    ++i;
                } else if (s[i] == '(') {
                    ++depth;
                } else if (s[i] == ')' && --depth == 0) {
                    ++i;
                    break;
                }
            }
        } else {
            break;
        }
    }
    return i;
}

constexpr void split_rfc2231(parameter& p) noexcept {
    p.base_name = p.name;
    p.section = -1;
    p.extended = false;
    std::string_view n = p.name;
    if (!n.empty() && n.back() == '*') {
        p.extended = true;
        n.remove_suffix(1);
    }
    std::size_t star = n.find('*');
    if (star != std::string_view::npos) {
        std::string_view digits = n.substr(star + 1);
        // A section is 1 to 6 digits without a leading zero; else (`a*b`) it is not RFC 2231 and
        // the name is the whole token.
        int v = 0;
        if (!codec::decimal::parse(digits, v, {codec::decimal::sign::none, false, 6})) {
            p.extended = false;
            return;
        }
        p.section = v;
    }
    p.base_name = n.substr(0, star);
}

enum class param_step : unsigned char { found, end, bad, unterminated };

// Reads the parameter after s[i] (which is at a ';' or the end). On `bad` and `unterminated`,
// `at` is the offset of the problem; `bad` leaves i at the next ';' so reading can go on.
constexpr param_step next_parameter(std::string_view s, std::size_t& i, parameter& p, mode m, std::size_t base,
                                    std::size_t& at) noexcept {
    i = skip_cfws(s, i);
    while (i < s.size() && s[i] == ';') i = skip_cfws(s, i + 1);
    if (i >= s.size()) return param_step::end;
    auto skip_to_semicolon = [&]() noexcept {
        bool q = false;
        for (; i < s.size(); ++i) {
            if (q && s[i] == '\\') ++i;
            else if (s[i] == '"') q = !q;
            else if (!q && s[i] == ';') break;
        }
    };
    const std::size_t name_begin = i;
    while (i < s.size() && is_token_char(s[i])) ++i;
    const std::size_t name_end = i;
    i = skip_cfws(s, i);
    if (name_end == name_begin || i >= s.size() || s[i] != '=') {
        at = base + (i < s.size() ? i : name_begin);
        skip_to_semicolon();
        return param_step::bad;
    }
    i = skip_cfws(s, i + 1);
    p = parameter{};
    p.name = s.substr(name_begin, name_end - name_begin);
    p.offset = base + name_begin;
    if (i < s.size() && s[i] == '"') {
        const std::size_t v = ++i;
        while (i < s.size() && s[i] != '"') i += s[i] == '\\' && i + 1 < s.size() ? 2u : 1u;
        p.quoted = true;
        if (i >= s.size()) {  // unterminated: the value runs to the end (IMSP's `"<t0>`)
            p.value = s.substr(v);
            split_rfc2231(p);
            at = base + v - 1;
            return param_step::unterminated;
        }
        p.value = s.substr(v, i - v);
        ++i;
    } else {
        const std::size_t v = i;
        if (m == mode::strict) {
            while (i < s.size() && is_token_char(s[i])) ++i;
        } else {  // tolerant: tspecials such as '=' in an unquoted value (notes §3.2 case 20)
            while (i < s.size() && s[i] != ';' && !is_wsp(s[i]) && !is_eol_char(s[i])) ++i;
        }
        p.value = s.substr(v, i - v);
        if (p.value.empty()) {
            at = base + v;
            skip_to_semicolon();
            return param_step::bad;
        }
    }
    i = skip_cfws(s, i);
    if (i < s.size() && s[i] != ';') {
        at = base + i;
        skip_to_semicolon();
        return param_step::bad;
    }
    split_rfc2231(p);
    return param_step::found;
}
}  // namespace detail

namespace detail {
// Walks a parameter list for parameters' iterator, skipping malformed parameters.
class parameter_cursor {
public:
    using value_type = parameter;

    parameter_cursor() noexcept = default;
    parameter_cursor(std::string_view text, std::size_t base, mode m, std::size_t pos) noexcept
        : text_(text), base_(base), mode_(m), next_(pos) {
        advance();
    }
    const parameter& current() const noexcept { return p_; }
    std::size_t position() const noexcept { return at_; }

    void advance() noexcept {
        for (;;) {
            std::size_t problem = 0;
            const std::size_t start = next_;
            const param_step step = next_parameter(text_, next_, p_, mode_, base_, problem);
            if (step == param_step::found || step == param_step::unterminated) {
                at_ = start;
                if (step == param_step::unterminated) next_ = text_.size();
                return;
            }
            if (step == param_step::end || next_ <= start) break;
        }
        at_ = text_.size();
        next_ = at_;
    }

private:
    std::string_view text_;
    std::size_t base_ = 0;
    mode mode_ = mode::strict;
    std::size_t next_ = 0;
    std::size_t at_ = 0;
    parameter p_{};
};
}  // namespace detail

/// The `; name=value` list after a Content-Type or Content-Disposition value: a lazy forward
/// range of parameters. Malformed parameters are skipped (parse_content_type() reports them).
class parameters {
public:
    /// The iterator over the items.
    using iterator = smsgw::detail::lazy_iterator<detail::parameter_cursor>;

    parameters() noexcept = default;
    /// `text` starts at the first ';' (or is empty); `base` is its offset in the input.
    parameters(std::string_view text, std::size_t base, mode m) noexcept : text_(text), base_(base), mode_(m) {}

    /// The first item.
    iterator begin() const noexcept { return iterator(detail::parameter_cursor(text_, base_, mode_, 0)); }
    /// Past the last item.
    iterator end() const noexcept { return iterator(detail::parameter_cursor(text_, base_, mode_, text_.size())); }
    /// Whether there is no parameter.
    bool empty() const noexcept { return begin() == end(); }
    /// The parameters' text.
    std::string_view text() const noexcept { return text_; }

    /// The first parameter whose whole name matches (ASCII case-insensitive), raw.
    std::optional<parameter> find(std::string_view name) const noexcept {
        for (const parameter& p : *this)
            if (smsgw::detail::mime::iequals(p.name, name)) return p;
        return std::nullopt;
    }
    /// The raw value of a plain parameter such as `boundary` (quotes removed), empty when absent.
    std::string_view value(std::string_view name) const noexcept {
        auto p = find(name);
        return p ? p->value : std::string_view();
    }

private:
    std::string_view text_;
    std::size_t base_ = 0;
    mode mode_ = mode::strict;
};

namespace detail {
// Checks every parameter of `text` once: malformed ones are errors (strict) or defects.
inline result check_parameters(std::string_view text, std::size_t base, const options& opt, defect_log* log) noexcept {
    std::size_t i = 0;
    parameter p;
    for (;;) {
        std::size_t at = 0, start = i;
        auto step = next_parameter(text, i, p, opt.m, base, at);
        if (step == param_step::found) continue;
        if (step == param_step::end) return {};
        if (step == param_step::unterminated) return report(opt.m, log, defect_kind::unterminated_quote, at);
        if (auto r = report(opt.m, log, defect_kind::bad_parameter, at); !r) return r;
        if (i <= start) return {};
    }
}
}  // namespace detail

/// A parsed Content-Type (RFC 2045 §5.1).
struct content_type {
    std::string_view type = "text";      ///< as written; RFC 2045 §5.2 default text/plain
    /// The subtype, as sent.
    std::string_view subtype = "plain";
    /// Its parameters.
    parameters params;
    /// `type/subtype` as one view, to compare against ("image/jpeg"): the input from the type's
    /// first character to the subtype's last.
    std::string_view full = "text/plain";

    /// Whether the type is t/st (any case).
    bool is(std::string_view t, std::string_view st) const noexcept {
        return smsgw::detail::mime::iequals(type, t) && smsgw::detail::mime::iequals(subtype, st);
    }
    /// Whether the type is multipart.
    bool is_multipart() const noexcept { return smsgw::detail::mime::iequals(type, "multipart"); }
    /// Whether the type is message/rfc822.
    bool is_message() const noexcept { return is("message", "rfc822"); }
    /// The multipart boundary: raw, trailing blanks trimmed (RFC 2046 §5.1.1 forbids them).
    std::string_view boundary() const noexcept {
        std::string_view b = params.value("boundary");
        while (!b.empty() && smsgw::detail::mime::is_wsp(b.back())) b.remove_suffix(1);
        return b;
    }
};

/// Parses `type/subtype *(; parameter)` from a raw (possibly folded) header value. `base`: the
/// offset of `raw` in the input, added to error offsets. Strict: a malformed type is
/// errc::bad_character, a malformed parameter errc::bad_character, an unterminated quote
/// errc::unterminated_quote. Tolerant: a malformed type gives text/plain (RFC 2045 §5.2),
/// malformed parameters are skipped; each is recorded. Success: offset = raw.size().
inline result parse_content_type(std::string_view raw, content_type& out, const options& opt = {},
                                 defect_log* log = nullptr, std::size_t base = 0) noexcept {
    using namespace smsgw::detail::mime;
    std::size_t i = detail::skip_cfws(raw, 0);
    const std::size_t t = i;
    while (i < raw.size() && is_token_char(raw[i])) ++i;
    const std::size_t t_end = i;
    i = detail::skip_cfws(raw, i);
    std::size_t s = i, s_end = i;
    bool ok = t_end > t && i < raw.size() && raw[i] == '/';
    if (ok) {
        s = i = detail::skip_cfws(raw, i + 1);
        while (i < raw.size() && is_token_char(raw[i])) ++i;
        s_end = i;
        i = detail::skip_cfws(raw, i);
        ok = s_end > s && (i == raw.size() || raw[i] == ';');
        // Tolerant: a parameter after the subtype without its ';' (`multipart/mixed` CRLF TAB
        // `boundary="b"`, mail-parser-malformed 017) is read as if the ';' were there.
        if (!ok && s_end > s && opt.m == mode::tolerant && is_token_char(raw[i])) {
            if (log) log->add(defect_kind::bad_parameter, base + i);
            ok = true;
        }
    }
    out = content_type{};
    if (!ok) {
        if (auto r = detail::report(opt.m, log, defect_kind::bad_content_type, base + i); !r) return r;
        std::size_t semi = raw.find(';');
        out.params = parameters(semi == std::string_view::npos ? std::string_view() : raw.substr(semi),
                                base + (semi == std::string_view::npos ? raw.size() : semi), opt.m);
        return result{errc{}, raw.size()};
    }
    out.type = raw.substr(t, t_end - t);
    out.subtype = raw.substr(s, s_end - s);
    out.full = raw.substr(t, s_end - t);
    out.params = parameters(raw.substr(i), base + i, opt.m);
    if (auto r = detail::check_parameters(raw.substr(i), base + i, opt, log); !r) return r;
    return result{errc{}, raw.size()};
}

/// A parsed Content-Disposition (RFC 2183).
struct content_disposition {
    std::string_view type;  ///< "attachment", "inline", ... as written
    /// Its parameters.
    parameters params;
    /// Whether the type is t (any case).
    bool is(std::string_view t) const noexcept { return smsgw::detail::mime::iequals(type, t); }
};

/// Parses `type *(; parameter)` (RFC 2183 §2); errors and defects as parse_content_type().
inline result parse_content_disposition(std::string_view raw, content_disposition& out, const options& opt = {},
                                        defect_log* log = nullptr, std::size_t base = 0) noexcept {
    using namespace smsgw::detail::mime;
    std::size_t i = detail::skip_cfws(raw, 0);
    const std::size_t t = i;
    while (i < raw.size() && is_token_char(raw[i])) ++i;
    out = content_disposition{raw.substr(t, i - t), {}};
    i = detail::skip_cfws(raw, i);
    if (i == t || (i < raw.size() && raw[i] != ';')) {
        if (auto r = detail::report(opt.m, log, defect_kind::bad_parameter, base + i); !r) return r;
        i = raw.find(';', i);
        if (i == std::string_view::npos) i = raw.size();
    }
    out.params = parameters(raw.substr(i), base + i, opt.m);
    if (auto r = detail::check_parameters(raw.substr(i), base + i, opt, log); !r) return r;
    return result{errc{}, raw.size()};
}

/// What parameter_value() found besides the octets.
struct parameter_info {
    std::string_view charset;   ///< RFC 2231 charset of section 0, or empty
    std::string_view language;  ///< RFC 2231 language, or empty
    bool extended = false;      ///< the value came from RFC 2231 `name*` / `name*N` parameters
    std::size_t sections = 0;   ///< continuation sections assembled (0 for a single value)
};

namespace detail {
inline void write_unquoted(std::string_view v, writer& out) noexcept {
    std::size_t s = 0;
    for (std::size_t k = 0; k < v.size(); ++k) {
        if (v[k] != '\\' || k + 1 == v.size()) continue;
        out.write(v.substr(s, k - s));
        s = ++k;
    }
    out.write(v.substr(s));
}

inline constexpr std::size_t max_sections_cap = 64;

// Finds `name` among `ps`: a plain value, an RFC 2231 `name*`, or `name*0`..`name*N` in
// numeric order (no gaps; each section once). Writes the octets through `sink`, which
// receives (bytes, is_percent_encoded).
template <class Sink>
result assemble_parameter(const parameters& ps, std::string_view name, parameter_info& info, const options& opt,
                          Sink&& sink) noexcept {
    const std::size_t cap = opt.lim.max_parameter_sections < max_sections_cap ? opt.lim.max_parameter_sections
                                                                              : max_sections_cap;
    parameter sections[max_sections_cap];
    bool have[max_sections_cap] = {};
    std::optional<parameter> plain, single;
    std::size_t highest = 0;
    for (const parameter& p : ps) {
        if (!iequals(p.base_name, name)) continue;
        if (p.section < 0 && !p.extended) {
            if (!plain) plain = p;
        } else if (p.section < 0) {
            if (!single) single = p;
        } else {
            auto n = static_cast<std::size_t>(p.section);
            if (n >= cap) {  // limits::max_parameter_sections: strict refuses, tolerant drops the section
                if (opt.m == mode::strict) return fail(errc::too_many, p.offset);
                continue;
            }
            if (have[n]) {
                if (opt.m == mode::strict) return fail(errc::duplicate_field, p.offset);
                continue;
            }
            have[n] = true;
            sections[n] = p;
            if (n + 1 > highest) highest = n + 1;
        }
    }
    auto emit_extended = [&](const parameter& p, bool first) noexcept -> result {
        std::string_view v = p.value;
        if (first) {  // charset'language'value (RFC 2231 §4)
            std::size_t q1 = v.find('\''), q2 = q1 == std::string_view::npos ? q1 : v.find('\'', q1 + 1);
            if (q2 != std::string_view::npos) {
                info.charset = v.substr(0, q1);
                info.language = v.substr(q1 + 1, q2 - q1 - 1);
                v.remove_prefix(q2 + 1);
            }
        }
        return sink(v, true, p.offset);
    };
    if (have[0]) {
        info.extended = true;
        for (std::size_t n = 0; n < highest; ++n) {
            if (!have[n]) {  // a gap: what follows it is not part of the value
                if (opt.m == mode::strict) return fail(errc::missing_field, sections[highest - 1].offset);
                break;
            }
            ++info.sections;
            if (sections[n].extended) {
                if (auto r = emit_extended(sections[n], n == 0); !r) return r;
            } else if (auto r = sink(sections[n].value, false, sections[n].offset); !r) {
                return r;
            }
        }
        return {};
    }
    if (single) {
        info.extended = true;
        return emit_extended(*single, true);
    }
    if (plain) return sink(plain->value, false, plain->offset);
    return fail(errc::missing_field, ps.text().size());
}
}  // namespace detail

/// Writes the octets of parameter `name`: RFC 2231 sections in numeric order, %XX decoded in
/// `*` sections only (literal '%' elsewhere), quoted-pair escapes removed; the charset is not
/// applied (see parameter_text). RFC 2231 forms win over a plain parameter of the same name.
/// Errors: missing_field (absent, or a gap in strict mode), duplicate_field (a section twice,
/// strict), too_many (a section number >= limits::max_parameter_sections), bad_escape (a bad
/// %XX, strict; tolerant copies it literally). Success: offset = bytes written.
inline result parameter_value(const parameters& ps, std::string_view name, writer& out, parameter_info* info = nullptr,
                              const options& opt = {}) noexcept {
    parameter_info local;
    parameter_info& inf = info ? *info : local;
    inf = parameter_info{};
    const std::size_t before = out.size();
    auto sink = [&](std::string_view v, bool percent, std::size_t offset) noexcept -> result {
        if (!percent) {
            detail::write_unquoted(v, out);
            return {};
        }
        writer probe;  // validates without output: success is buffer_too_small
        if (codec::percent::decode(v, probe, codec::percent::style::component).ec == errc::bad_escape) {
            if (opt.m == mode::strict) return fail(errc::bad_escape, offset);
            out.write(v);  // tolerant: a bad %XX stays as written
            return {};
        }
        codec::percent::decode(v, out, codec::percent::style::component);
        return {};
    };
    if (auto r = detail::assemble_parameter(ps, name, inf, opt, sink); !r) return r;
    if (out.overflowed()) return out.finish();
    return result{errc{}, out.size() - before};
}

/// parameter_value() converted to UTF-8: the RFC 2231 charset applied when it is built in
/// (other charsets: octets as they are, label in info.charset); in tolerant mode a plain value
/// holding encoded-words (`filename="=?utf-8?B?...?="`, notes §3.1) is decoded as RFC 2047 text.
/// Success: offset = bytes written.
inline result parameter_text(const parameters& ps, std::string_view name, writer& out, parameter_info* info = nullptr,
                             const options& opt = {}) noexcept {
    parameter_info local;
    parameter_info& inf = info ? *info : local;
    const std::size_t before = out.size();
    // The charset is known before any octets: it is on section 0.
    {
        writer measure;
        const result r = parameter_value(ps, name, measure, &inf, opt);
        if (!r && r.ec != errc::buffer_too_small) return r;
    }
    const charset cs = inf.extended ? (inf.charset.empty() ? charset::us_ascii : classify_charset(inf.charset))
                                    : charset::other;
    if (!inf.extended && opt.m == mode::tolerant) {
        auto p = ps.find(name);
        if (p && p->value.find("=?") != std::string_view::npos && p->value.find('\\') == std::string_view::npos) {
            if (auto r = decode_text(p->value, out, tolerant_text); !r) return r;
            if (out.overflowed()) return out.finish();
            return result{errc{}, out.size() - before};
        }
    }
    if (cs == charset::other || cs == charset::utf8) {
        if (auto r = parameter_value(ps, name, out, &inf, opt); !r) return r;
        if (cs == charset::utf8 && opt.m == mode::strict && !out.overflowed() && out.buffer() != nullptr) {
            std::string_view written(reinterpret_cast<const char*>(out.buffer()) + before, out.size() - before);
            if (auto r = codec::utf8::validate(written); !r) return fail(errc::invalid_utf8, ps.text().size());
        }
    } else {  // other charsets: byte by byte through the conversion, as one stream over the sections
        parameter_info again;
        text_stream stream(cs, opt.m);
        result bad;
        auto put = [&](char c) noexcept {
            if (bad) bad = stream.put(std::string_view(&c, 1), out);
        };
        auto sink = [&](std::string_view v, bool percent, std::size_t offset) noexcept -> result {
            for (std::size_t k = 0; k < v.size(); ++k) {
                if (!percent && v[k] == '\\' && k + 1 < v.size()) {
                    put(v[++k]);
                } else if (percent && v[k] == '%') {
                    const unsigned hi = k + 1 < v.size() ? codec::ascii::hex_value(v[k + 1]) : codec::ascii::no_hex;
                    const unsigned lo = k + 2 < v.size() ? codec::ascii::hex_value(v[k + 2]) : codec::ascii::no_hex;
                    if ((hi | lo) > 0x0F) {
                        if (opt.m == mode::strict) return fail(errc::bad_escape, offset);
                        put(v[k]);
                    } else {
                        put(static_cast<char>(hi * 16 + lo));
                        k += 2;
                    }
                } else {
                    put(v[k]);
                }
            }
            return {};
        };
        if (auto r = detail::assemble_parameter(ps, name, again, opt, sink); !r) return r;
        if (bad) bad = stream.finish(out);
        if (!bad) return fail(bad.ec, ps.text().size());  // strict: a malformed GBK, GB18030 or Big5 value
    }
    if (out.overflowed()) return out.finish();
    return result{errc{}, out.size() - before};
}

}  // namespace smsgw::mime
