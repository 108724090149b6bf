#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "smsgw/codec/utf8.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

namespace smsgw::codec::xml {

/// A pull reader over XML 1.0 (Fifth Edition) in UTF-8, without allocating and without copying:
///
///     xml::reader rd(body);
///     while (rd.next()) {
///         if (rd.kind() == xml::token::start_element && rd.name() == "mmsMobile") ...
///         if (rd.kind() == xml::token::text) rd.text(value, scratch);   // a view when nothing to decode
///     }
///     if (smsgw::result r = rd.status(); !r) return r;                  // r.offset: the first error
///
/// Each next() reads one token: the XML declaration, a DOCTYPE, a start tag (its attributes
/// checked and available through attributes()), an end tag (also after `<a/>`, which is read as a
/// start tag and an end tag), character data, a CDATA section, a comment or a processing
/// instruction. Whitespace outside the root element is skipped. The text stays in the caller's
/// bytes: names and raw values are views; text(), value() and decode() give the characters a
/// token stands for (§2.11 line ends, §4.6 predefined entities, §4.1 character references, §3.3.3
/// attribute value normalization) as a view when there is nothing to decode, or else in a caller
/// buffer no longer than raw().
///
/// Well-formedness (§2.1 document, §2.8 prolog, §3.1 tags and WFC: Element Type Match, Unique
/// Att Spec, No < in Attribute Values, §2.2 Char, §2.3 Name, §2.5 comments, §2.6 PIs, §2.7 CDATA,
/// §4.1 WFC: Legal Character, Entity Declared) is checked as the tokens are read, and the first
/// error stops the reader with its offset. A document of strangers cannot make the reader expand
/// anything: a DOCTYPE with an internal subset, where entities are declared, is refused
/// (doctype_refused), so only the five predefined entities exist (no entity expansion, no
/// external entity, no billion laughs), and depth, attributes per element and name length have
/// limits. Only UTF-8 (or its subset US-ASCII) is read: another encoding declared is
/// unsupported_charset.
///
/// Errors (offset of the byte at fault): invalid_utf8; bad_character (a character §2.2 forbids, '<'
/// in an attribute value, "]]>" in text, a stray byte inside markup); bad_name; bad_attribute;
/// duplicate_field (an attribute given twice, at its second name); bad_reference; bad_comment;
/// mismatched_tag (at the end tag's name); unbalanced (an end tag with no element open);
/// outside_root; missing_root (at the end); bad_declaration; unsupported_charset (at the
/// encoding's value); doctype_refused (at '['); too_deep, too_many_attributes, name_too_long (at
/// the element, attribute or name over the limit); truncated (at the end: markup cut short or
/// elements left open).
///
/// Tolerant mode reads what hand-made XML of real senders gets wrong: whitespace before the XML
/// declaration (PHP pages printing a line first), and a '&' that starts no known reference (a URL's
/// query string, `"&nbsp;"`) kept as a literal '&'.
using mode = smsgw::mode;

/// The deepest nesting and the most attributes per element a reader can follow (its stacks are
/// fixed arrays).
///@{
inline constexpr std::size_t max_nesting = 256;
inline constexpr std::size_t max_attribute_limit = 64;
///@}

/// How the reader reads.
struct read_options {
    /// Strict or tolerant.
    xml::mode m = mode::strict;
    std::size_t max_depth = 128;        ///< nested elements; at most max_nesting
    std::size_t max_attributes = 32;    ///< per element; at most max_attribute_limit
    std::size_t max_name_length = 256;  ///< bytes of a tag, attribute, PI target or DOCTYPE name
};

/// What the reader stands on.
enum class token : unsigned char {
    none,                    ///< before the first next()
    declaration,             ///< `<?xml version="1.0" ...?>`: attributes() are version, encoding, standalone
    doctype,                 ///< `<!DOCTYPE name ExternalID?>`: name(), raw() the ExternalID
    start_element,           ///< `<name attr="v">`: name(), attributes(), self_closing()
    end_element,             ///< `</name>`, or the end of `<name/>`: name()
    text,                    ///< character data: raw(), text()
    cdata,                   ///< `<![CDATA[raw]]>`
    comment,                 ///< `<!--raw-->`
    processing_instruction,  ///< `<?name raw?>`
};

namespace detail {

// ASCII byte classes: Name characters (§2.3) and what the character scanners stop at.
enum : unsigned char {
    b_name_start = 1,  // NameStartChar among ASCII: letters, '_', ':'
    b_name = 2,        // NameChar among ASCII: the above, digits, '-', '.'
    b_space = 4,       // S: space, tab, CR, LF
};

struct byte_table {
    unsigned char c[256];
    constexpr byte_table() : c() {
        for (int i = 'A'; i <= 'Z'; ++i) c[i] = c[i + 32] = b_name_start | b_name;
        for (int i = '0'; i <= '9'; ++i) c[i] = b_name;
        c[static_cast<unsigned char>('_')] = c[static_cast<unsigned char>(':')] = b_name_start | b_name;
        c[static_cast<unsigned char>('-')] = c[static_cast<unsigned char>('.')] = b_name;
        for (char ch : {' ', '\t', '\r', '\n'}) c[static_cast<unsigned char>(ch)] = b_space;
    }
};
inline constexpr byte_table bytes_of{};

constexpr bool is_space(char ch) noexcept { return bytes_of.c[static_cast<unsigned char>(ch)] & b_space; }
constexpr bool is_name_byte(char ch) noexcept { return bytes_of.c[static_cast<unsigned char>(ch)] & b_name; }

// §2.2 Char.
constexpr bool is_char(char32_t c) noexcept {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

// §2.3 NameStartChar and NameChar beyond ASCII.
constexpr bool is_name_start(char32_t c) noexcept {
    if (c < 0x80) return bytes_of.c[c] & b_name_start;
    return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) ||
           (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
           (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) ||
           (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}
constexpr bool is_name_char(char32_t c) noexcept {
    if (c < 0x80) return bytes_of.c[c] & b_name;
    return is_name_start(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

// The UTF-8 character at p (p < end): its length, or 0 when the bytes are not UTF-8.
inline std::size_t char_at(const char* p, const char* end, char32_t& cp) noexcept {
    return utf8::detail::decode_one(std::string_view(p, static_cast<std::size_t>(end - p)), 0, cp);
}

// Where a scan stopped and why.
struct stop {
    const char* at;
    errc ec;
};

// Past the Name at p: errors bad_name, name_too_long (at p) or truncated, invalid_utf8.
inline stop name_end(const char* p, const char* end, std::size_t max_length) noexcept {
    const char* q = p;
    bool first = true;
    while (q != end) {
        const auto b = static_cast<unsigned char>(*q);
        if (b < 0x80) {
            if (!(bytes_of.c[b] & (first ? b_name_start : b_name))) break;
            ++q;
        } else {
            char32_t cp;
            const std::size_t n = char_at(q, end, cp);
            if (n == 0) return {q, errc::invalid_utf8};
            if (!(first ? is_name_start(cp) : is_name_char(cp))) break;
            q += n;
        }
        first = false;
    }
    if (q == end) return {end, errc::truncated};
    if (first) return {q, errc::bad_name};
    if (static_cast<std::size_t>(q - p) > max_length) return {p, errc::name_too_long};
    return {q, errc{}};
}

inline const char* skip_space(const char* p, const char* end) noexcept {
    while (p != end && is_space(*p)) ++p;
    return p;
}

// The first byte at or after p that is a control, non-ASCII, or one of the `Stops`; end if none.
// Sixteen bytes at a time with SSE2: a signed comparison with 0x20 catches controls and every
// byte above 0x7F at once.
template <char... Stops>
inline const char* skip_plain(const char* p, const char* end) noexcept {
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        __m128i hit = _mm_cmplt_epi8(x, space);
        ((hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, _mm_set1_epi8(Stops)))), ...);
        const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
        if (mask != 0) return p + __builtin_ctz(mask);
        p += 16;
    }
#endif
    while (p != end) {
        const auto b = static_cast<unsigned char>(*p);
        if (b < 0x20 || b >= 0x80 || ((*p == Stops) || ...)) return p;
        ++p;
    }
    return end;
}

// The non-ASCII or control character at p inside character data: its length, or an error.
// Tab, LF and CR are Chars; `cr` is set at a CR (line ends need normalizing).
inline stop other_char(const char* p, const char* end, bool& cr) noexcept {
    const auto b = static_cast<unsigned char>(*p);
    if (b < 0x80) {
        if (b == '\t' || b == '\n') return {p + 1, errc{}};
        if (b == '\r') {
            cr = true;
            return {p + 1, errc{}};
        }
        return {p, errc::bad_character};
    }
    char32_t cp;
    const std::size_t n = char_at(p, end, cp);
    if (n == 0) return {p, errc::invalid_utf8};
    if (!is_char(cp)) return {p, errc::bad_character};
    return {p + n, errc{}};
}

// The reference at p ('&'): past its ';' with the character it stands for, or bad_reference at p.
// §4.1 CharRef (a Char, WFC: Legal Character) or EntityRef of one of the §4.6 predefined
// entities (no other can be declared: WFC: Entity Declared).
inline stop reference(const char* p, const char* end, char32_t& cp) noexcept {
    const char* q = p + 1;
    if (q != end && *q == '#') {
        ++q;
        const bool hex = q != end && *q == 'x';
        if (hex) ++q;
        const char* digits = q;
        while (q != end && *q == '0') ++q;
        const char* significant = q;
        std::uint32_t v = 0;
        for (; q != end && q - significant < 8; ++q) {
            const char c = *q;
            unsigned d;
            if (c >= '0' && c <= '9') {
                d = static_cast<unsigned>(c - '0');
            } else if (hex && ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')) {
                d = static_cast<unsigned>((c | 0x20) - 'a' + 10);
            } else {
                break;
            }
            v = v * (hex ? 16 : 10) + d;
        }
        if (q == digits || q == end || *q != ';' || !is_char(v)) return {p, errc::bad_reference};
        cp = v;
        return {q + 1, errc{}};
    }
    struct entity {
        std::string_view name;
        char value;
    };
    static constexpr entity predefined[] = {{"lt;", '<'}, {"gt;", '>'}, {"amp;", '&'}, {"apos;", '\''}, {"quot;", '"'}};
    const auto left = static_cast<std::size_t>(end - q);
    for (const entity& e : predefined) {
        if (left >= e.name.size() && std::memcmp(q, e.name.data(), e.name.size()) == 0) {
            cp = static_cast<unsigned char>(e.value);
            return {q + e.name.size(), errc{}};
        }
    }
    return {p, errc::bad_reference};
}

// What a stretch of characters holds that decoding must change.
struct marks {
    bool cr = false;   // a CR (§2.11: CR LF and lone CR read as LF)
    bool ref = false;  // a reference, or (attribute values) a tab or line end to normalize to a space
};

// Checks the attribute value from p (after the opening quote) to its closing `quote`: past the
// quote, or the error.
inline stop attribute_value(const char* p, const char* end, char quote, bool tolerant, marks& m) noexcept {
    for (;;) {
        p = quote == '"' ? skip_plain<'"', '<', '&'>(p, end) : skip_plain<'\'', '<', '&'>(p, end);
        if (p == end) return {end, errc::truncated};
        const char c = *p;
        if (c == quote) return {p + 1, errc{}};
        if (c == '<') return {p, errc::bad_character};
        if (c == '&') {
            char32_t cp;
            const stop s = reference(p, end, cp);
            if (s.ec != errc{} && !tolerant) return s;
            m.ref = true;
            p = s.ec == errc{} ? s.at : p + 1;
            continue;
        }
        if (c == '\t' || c == '\n' || c == '\r') m.ref = true;
        const stop s = other_char(p, end, m.cr);
        if (s.ec != errc{}) return s;
        p = s.at;
    }
}

// Decodes checked characters into `out`: line ends (§2.11) always, references and (attribute
// values, §3.3.3 for CDATA-typed attributes, the only type without a DTD) whitespace when
// `refs` / `attribute` ask. A '&' that is no reference is only in tolerant text: kept as it is.
inline void decode_chars(std::string_view raw, bool refs, bool attribute, smsgw::writer& out) noexcept {
    const char* p = raw.data();
    const char* const end = p + raw.size();
    const char* run = p;
    while (p != end) {
        const char c = *p;
        if (c != '\r' && !(refs && c == '&') && !(attribute && (c == '\t' || c == '\n'))) {
            ++p;
            continue;
        }
        out.write(run, static_cast<std::size_t>(p - run));
        if (c == '&') {
            char32_t cp;
            const stop s = reference(p, end, cp);
            if (s.ec == errc{}) {
                utf8::put(cp, out);
                p = s.at;
            } else {
                out.put('&');
                ++p;
            }
        } else {
            if (c == '\r' && p + 1 != end && p[1] == '\n') ++p;
            out.put(attribute ? ' ' : '\n');
            ++p;
        }
        run = p;
    }
    out.write(run, static_cast<std::size_t>(end - run));
}

// The decoded characters as a view of `raw` when there is nothing to decode, or else decoded
// into `scratch` (raw.size() bytes always suffice): buffer_too_small with the size needed.
inline result decoded_view(std::string_view raw, bool needs, bool refs, bool attribute, std::string_view& out,
                           mutable_bytes scratch) noexcept {
    if (!needs) {
        out = raw;
        return {errc{}, raw.size()};
    }
    smsgw::writer w(scratch);
    decode_chars(raw, refs, attribute, w);
    if (w.overflowed()) return w.finish();
    out = std::string_view(reinterpret_cast<const char*>(scratch.data()), w.size());
    return {errc{}, w.size()};
}

}  // namespace detail

/// One attribute of a start tag (or a pseudo-attribute of the XML declaration), already checked.
struct attribute {
    /// The attribute's name.
    std::string_view name;
    std::string_view raw;     ///< between the quotes, as written
    std::size_t offset = 0;   ///< of the name in the document
    /// Whether the value has entity or character references.
    bool needs_decoding = false;

    /// The normalized value (§3.3.3): a view of raw when there is nothing to decode, or else
    /// written into `scratch` (raw.size() bytes suffice; buffer_too_small with the size needed).
    result value(std::string_view& out, mutable_bytes scratch = {}) const noexcept {
        return detail::decoded_view(raw, needs_decoding, true, true, out, scratch);
    }
    /// The normalized value into any writer.
    void decode(smsgw::writer& out) const noexcept { detail::decode_chars(raw, true, true, out); }
};

/// The attributes of the current start tag, in document order, read again from its bytes.
class attribute_range {
public:
    /// A forward iterator over the attributes.
    class iterator {
    public:
        /// Standard iterator traits.
        ///@{
        using value_type = attribute;
        using reference = const attribute&;
        using pointer = const attribute*;
        using difference_type = std::ptrdiff_t;
        using iterator_category = std::forward_iterator_tag;
        ///@}

        iterator() noexcept = default;
        /// The current item.
        const attribute& operator*() const noexcept { return current_; }
        /// The current item's members.
        const attribute* operator->() const noexcept { return &current_; }
        /// Moves to the next item.
        iterator& operator++() noexcept {
            read();
            return *this;
        }
        /// Whether both iterators are at the same attribute.
        bool operator==(const iterator& o) const noexcept { return p_ == o.p_; }
        /// Whether the iterators are at different attributes.
        bool operator!=(const iterator& o) const noexcept { return p_ != o.p_; }

    private:
        friend class attribute_range;
        iterator(const char* p, const char* end, const char* doc) noexcept : end_(end), doc_(doc) {
            next_ = p;
            read();
        }

        // The attribute at next_ (the tag checked it): name, '=', quoted value.
        void read() noexcept {
            const char* q = detail::skip_space(next_, end_);
            if (q == end_) {
                p_ = nullptr;
                return;
            }
            p_ = q;
            const char* name = q;
            while (*q != '=' && !detail::is_space(*q)) ++q;
            current_.name = std::string_view(name, static_cast<std::size_t>(q - name));
            current_.offset = static_cast<std::size_t>(name - doc_);
            while (*q != '"' && *q != '\'') ++q;
            const char quote = *q++;
            const char* value = q;
            bool needs = false;
            while (*q != quote) {
                needs |= *q == '&' || *q == '\r' || *q == '\n' || *q == '\t';
                ++q;
            }
            current_.raw = std::string_view(value, static_cast<std::size_t>(q - value));
            current_.needs_decoding = needs;
            next_ = q + 1;
        }

        const char* p_ = nullptr;  // the current attribute, nullptr at the end
        const char* next_ = nullptr;
        const char* end_ = nullptr;
        const char* doc_ = nullptr;
        attribute current_{};
    };

    attribute_range() noexcept = default;
    /// The attributes in `area` of document `doc`.
    attribute_range(std::string_view area, const char* doc) noexcept : area_(area), doc_(doc) {}

    /// The first item.
    iterator begin() const noexcept { return iterator(area_.data(), area_.data() + area_.size(), doc_); }
    /// Past the last item.
    iterator end() const noexcept { return iterator(); }
    /// Whether the tag has no attribute.
    bool empty() const noexcept { return begin() == end(); }

    /// The attribute called `name`, if the tag has it.
    bool find(std::string_view name, attribute& out) const noexcept {
        for (const attribute& a : *this) {
            if (a.name == name) {
                out = a;
                return true;
            }
        }
        return false;
    }

private:
    std::string_view area_;  // the bytes between the name and '>' or '/>'
    const char* doc_ = nullptr;
};

/// A pull reader over an XML document: one event at a time, views into the input.
class reader {
public:
    /// Reads `doc` (a leading byte order mark skipped).
    explicit reader(std::string_view doc, const read_options& o = {}) noexcept
        : begin_(doc.data()), p_(doc.data()), end_(doc.data() + doc.size()), opt_(o) {
        if (opt_.max_depth > max_nesting) opt_.max_depth = max_nesting;
        if (opt_.max_attributes > max_attribute_limit) opt_.max_attributes = max_attribute_limit;
        // A byte order mark (Appendix F) before anything else.
        if (doc.size() >= 3 && doc.compare(0, 3, "\xEF\xBB\xBF") == 0) p_ += 3;
        start_ = p_;
    }

    /// Reads the next token: false at the end of the document or at the first error (status()).
    bool next() noexcept {
        if (state_ >= done) return false;
        if (pending_end_) {
            pending_end_ = false;
            kind_ = token::end_element;
            close_element();
            return true;
        }
        for (;;) {
            if (p_ == end_) return finish_document();
            if (*p_ != '<') {
                if (state_ == in_root) return read_text();
                if (!skip_outer_space()) return false;
                continue;
            }
            tok_ = p_;
            if (end_ - p_ < 2) return error(errc::truncated, end_);
            switch (p_[1]) {
            case '/': return read_end_tag();
            case '?': return read_pi();
            case '!': return read_bang();
            default: return read_start_tag();
            }
        }
    }

    /// Ok with the document's size once every token is read; the first error otherwise.
    result status() const noexcept { return status_; }

    /// What the current token is.
    token kind() const noexcept { return kind_; }
    /// The element, PI target or DOCTYPE name.
    std::string_view name() const noexcept { return name_; }
    /// Text, CDATA, comment or PI content as written; a DOCTYPE's external identifier.
    std::string_view raw() const noexcept { return raw_; }
    /// The token's offset in the document (its '<', or its first character of text).
    std::size_t offset() const noexcept { return static_cast<std::size_t>(tok_ - begin_); }
    /// Open elements, counting the current start tag and not counting the current end tag.
    std::size_t depth() const noexcept { return depth_; }
    /// Whether the current start tag is an empty-element tag (`<a/>`).
    bool self_closing() const noexcept { return kind_ == token::start_element && pending_end_; }
    /// The attributes of the current start tag or declaration (none otherwise).
    attribute_range attributes() const noexcept {
        return kind_ == token::start_element || kind_ == token::declaration ? attribute_range(attrs_, begin_)
                                                                           : attribute_range();
    }

    /// Whether text() must decode (references, CR) rather than view raw().
    bool needs_decoding() const noexcept { return needs_; }
    /// The characters of text, CDATA, comment or PI content (line ends normalized, and for text
    /// the references replaced): a view of raw() when there is nothing to decode, or else written
    /// into `scratch` (raw().size() bytes suffice; buffer_too_small with the size needed).
    result text(std::string_view& out, mutable_bytes scratch = {}) const noexcept {
        return detail::decoded_view(raw_, needs_, kind_ == token::text, false, out, scratch);
    }
    /// The same characters into any writer.
    void decode(smsgw::writer& out) const noexcept { detail::decode_chars(raw_, kind_ == token::text, false, out); }

    /// For the current start tag: its content up to the matching end tag, when that content is
    /// character data and CDATA only (the value of `<mmsMobile>13811299999</mmsMobile>`). The
    /// characters go to `out` (nothing is written for an empty element); the reader is left on
    /// the end tag; comments and PIs among the characters are passed over. wrong_type at a child
    /// element.
    result element_text(smsgw::writer& out) noexcept {
        if (kind_ != token::start_element) return fail(errc::wrong_type, offset());
        const std::size_t at = offset();
        while (next()) {
            if (kind_ == token::end_element) return {errc{}, out.size()};
            if (kind_ == token::start_element) return fail(errc::wrong_type, offset());
            if (kind_ == token::text || kind_ == token::cdata) decode(out);
        }
        return status_.ok() ? fail(errc::truncated, at) : status_;
    }

    /// As element_text(), as a view when the content is one stretch of characters with nothing
    /// to decode (or nothing at all), else decoded into `scratch` (the content's size suffices;
    /// buffer_too_small with the size needed).
    result element_text(std::string_view& out, mutable_bytes scratch = {}) noexcept {
        if (kind_ != token::start_element) return fail(errc::wrong_type, offset());
        const std::size_t at = offset();
        smsgw::writer w(scratch);
        std::string_view only;  // the one stretch so far, while it is a view
        bool copied = false;
        while (next()) {
            if (kind_ == token::end_element) {
                if (!copied) {
                    out = only;
                    return {errc{}, only.size()};
                }
                if (w.overflowed()) return w.finish();
                out = std::string_view(reinterpret_cast<const char*>(scratch.data()), w.size());
                return {errc{}, w.size()};
            }
            if (kind_ == token::start_element) return fail(errc::wrong_type, offset());
            if (kind_ != token::text && kind_ != token::cdata) continue;
            if (!copied && only.data() == nullptr && !needs_) {
                only = raw_;
                continue;
            }
            if (!copied) w.write(only);
            copied = true;
            decode(w);
        }
        return status_.ok() ? fail(errc::truncated, at) : status_;
    }

    /// Skips the content of the current start tag: the reader is left on its end tag.
    result skip_element() noexcept {
        if (kind_ != token::start_element) return fail(errc::wrong_type, offset());
        const std::size_t level = depth_;
        while (next()) {
            if (kind_ == token::end_element && depth_ == level - 1) return {};
        }
        return status_;
    }

private:
    enum state_t : unsigned char { prolog, in_root, epilog, done, failed };

    bool error(errc e, const char* at) noexcept {
        status_ = fail(e, static_cast<std::size_t>(at - begin_));
        state_ = failed;
        kind_ = token::none;
        return false;
    }
    bool error(detail::stop s) noexcept { return error(s.ec, s.at); }

    bool finish_document() noexcept {
        if (state_ == in_root) return error(errc::truncated, end_);
        if (state_ == prolog) return error(errc::missing_root, end_);
        state_ = done;
        kind_ = token::none;
        status_ = {errc{}, static_cast<std::size_t>(end_ - begin_)};
        return false;
    }

    // Whitespace between markup outside the root (Misc ::= Comment | PI | S).
    bool skip_outer_space() noexcept {
        const char* q = detail::skip_space(p_, end_);
        if (q != end_ && *q != '<') return error(errc::outside_root, q);
        p_ = q;
        return true;
    }

    void close_element() noexcept {
        --depth_;
        if (depth_ == 0) state_ = epilog;
    }

    bool read_text() noexcept {
        tok_ = p_;
        detail::marks m;
        const char* p = p_;
        for (;;) {
            p = detail::skip_plain<'<', '&', ']'>(p, end_);
            if (p == end_ || *p == '<') break;
            if (*p == '&') {
                char32_t cp;
                const detail::stop s = detail::reference(p, end_, cp);
                if (s.ec != errc{} && opt_.m != mode::tolerant) return error(s);
                m.ref = true;
                p = s.ec == errc{} ? s.at : p + 1;
                continue;
            }
            if (*p == ']') {
                // §2.4: CharData holds no "]]>".
                if (end_ - p >= 3 && p[1] == ']' && p[2] == '>') return error(errc::bad_character, p);
                ++p;
                continue;
            }
            const detail::stop s = detail::other_char(p, end_, m.cr);
            if (s.ec != errc{}) return error(s);
            p = s.at;
        }
        kind_ = token::text;
        name_ = std::string_view();
        raw_ = std::string_view(p_, static_cast<std::size_t>(p - p_));
        needs_ = m.cr || m.ref;
        p_ = p;
        return true;
    }

    // Characters up to the two- or three-byte terminator that starts with `First` (CDATA "]]>",
    // PI "?>"): the stretch's end, at the terminator.
    template <char First>
    detail::stop chars_until(const char* p, std::string_view terminator, bool& cr) const noexcept {
        for (;;) {
            p = detail::skip_plain<First>(p, end_);
            if (p == end_) return {end_, errc::truncated};
            if (*p == First) {
                if (static_cast<std::size_t>(end_ - p) < terminator.size()) return {end_, errc::truncated};
                if (std::memcmp(p, terminator.data(), terminator.size()) == 0) return {p, errc{}};
                ++p;
                continue;
            }
            const detail::stop s = detail::other_char(p, end_, cr);
            if (s.ec != errc{}) return s;
            p = s.at;
        }
    }

    // The token of kind k whose characters run from `from` to the terminator.
    template <char First>
    bool chars_token(const char* from, std::string_view terminator, token k) noexcept {
        bool cr = false;
        const detail::stop s = chars_until<First>(from, terminator, cr);
        if (s.ec != errc{}) return error(s);
        raw_ = std::string_view(from, static_cast<std::size_t>(s.at - from));
        needs_ = cr;
        p_ = s.at + terminator.size();
        kind_ = k;
        return true;
    }

    bool read_start_tag() noexcept {
        if (state_ == epilog) return error(errc::outside_root, tok_);
        if (depth_ == opt_.max_depth) return error(errc::too_deep, tok_);
        const char* q = tok_ + 1;
        const detail::stop n = detail::name_end(q, end_, opt_.max_name_length);
        if (n.ec != errc{}) return error(n);
        const char* const name = q;
        name_ = std::string_view(name, static_cast<std::size_t>(n.at - name));
        q = n.at;
        const char* const area = q;
        std::string_view names[max_attribute_limit];
        std::size_t count = 0;
        for (;;) {
            const char* s = detail::skip_space(q, end_);
            if (s == end_) return error(errc::truncated, end_);
            if (*s == '>' || *s == '/') {
                attrs_ = std::string_view(area, static_cast<std::size_t>(s - area));
                if (*s == '/') {
                    if (end_ - s < 2) return error(errc::truncated, end_);
                    if (s[1] != '>') return error(errc::bad_character, s + 1);
                    pending_end_ = true;
                    ++s;
                }
                p_ = s + 1;
                break;
            }
            // §3.1: S before every attribute.
            if (s == q) return error(errc::bad_attribute, s);
            const detail::stop an = detail::name_end(s, end_, opt_.max_name_length);
            if (an.ec != errc{}) return error(an);
            const std::string_view attr(s, static_cast<std::size_t>(an.at - s));
            if (count == opt_.max_attributes) return error(errc::too_many_attributes, s);
            for (std::size_t i = 0; i < count; ++i) {
                if (names[i] == attr) return error(errc::duplicate_field, s);
            }
            names[count++] = attr;
            const char* e = detail::skip_space(an.at, end_);
            if (e == end_) return error(errc::truncated, end_);
            if (*e != '=') return error(errc::bad_attribute, e);
            e = detail::skip_space(e + 1, end_);
            if (e == end_) return error(errc::truncated, end_);
            if (*e != '"' && *e != '\'') return error(errc::bad_attribute, e);
            detail::marks m;
            const detail::stop v = detail::attribute_value(e + 1, end_, *e, opt_.m == mode::tolerant, m);
            if (v.ec != errc{}) return error(v);
            q = v.at;
        }
        open_[depth_++] = name;
        state_ = in_root;
        kind_ = token::start_element;
        raw_ = std::string_view();
        needs_ = false;
        return true;
    }

    bool read_end_tag() noexcept {
        if (depth_ == 0) return error(errc::unbalanced, tok_);
        const char* q = tok_ + 2;
        const detail::stop n = detail::name_end(q, end_, opt_.max_name_length);
        if (n.ec != errc{}) return error(n);
        const auto len = static_cast<std::size_t>(n.at - q);
        // The open name was checked: it ends where a byte that cannot continue a Name follows.
        const char* open = open_[depth_ - 1];
        if (std::memcmp(open, q, len) != 0 || !ends_name(open + len)) return error(errc::mismatched_tag, q);
        const char* s = detail::skip_space(n.at, end_);
        if (s == end_) return error(errc::truncated, end_);
        if (*s != '>') return error(errc::bad_character, s);
        name_ = std::string_view(q, len);
        raw_ = std::string_view();
        needs_ = false;
        p_ = s + 1;
        kind_ = token::end_element;
        close_element();
        return true;
    }

    static bool ends_name(const char* p) noexcept { return *p == '>' || *p == '/' || detail::is_space(*p); }

    // "<?": the XML declaration where it may be, else a processing instruction (§2.6).
    bool read_pi() noexcept {
        const char* q = tok_ + 2;
        const detail::stop n = detail::name_end(q, end_, opt_.max_name_length);
        if (n.ec != errc{}) return error(n);
        name_ = std::string_view(q, static_cast<std::size_t>(n.at - q));
        const bool xml = name_.size() == 3 && (q[0] | 0x20) == 'x' && (q[1] | 0x20) == 'm' && (q[2] | 0x20) == 'l';
        if (xml) {
            const bool first = tok_ == start_ || (opt_.m == mode::tolerant && kind_ == token::none &&
                                                  detail::skip_space(start_, end_) == tok_);
            if (name_ != "xml" || !first) return error(errc::bad_declaration, tok_);
            return read_declaration(n.at);
        }
        const char* data = n.at;
        if (end_ - data >= 2 && data[0] == '?' && data[1] == '>') {
            raw_ = std::string_view();
            needs_ = false;
            p_ = data + 2;
            kind_ = token::processing_instruction;
            return true;
        }
        if (!detail::is_space(*data)) return error(errc::bad_character, data);
        return chars_token<'?'>(detail::skip_space(data, end_), "?>", token::processing_instruction);
    }

    // §2.8 XMLDecl ::= '<?xml' VersionInfo EncodingDecl? SDDecl? S? '?>', from q past "<?xml".
    bool read_declaration(const char* q) noexcept {
        const char* const area = q;
        static constexpr std::string_view names[] = {"version", "encoding", "standalone"};
        std::size_t next_name = 0;
        for (;;) {
            const char* s = detail::skip_space(q, end_);
            if (s == end_) return error(errc::truncated, end_);
            if (*s == '?') {
                if (end_ - s < 2) return error(errc::truncated, end_);
                if (s[1] != '>' || next_name == 0) return error(errc::bad_declaration, s);
                attrs_ = std::string_view(area, static_cast<std::size_t>(s - area));
                p_ = s + 2;
                break;
            }
            if (s == q) return error(errc::bad_declaration, s);
            // The pseudo-attributes in their order, version first and required.
            std::size_t which = next_name;
            while (which < 3 && !starts_with(s, names[which])) {
                if (which == 0) return error(errc::bad_declaration, s);
                ++which;
            }
            if (which == 3) return error(errc::bad_declaration, s);
            const char* e = detail::skip_space(s + names[which].size(), end_);
            if (e == end_) return error(errc::truncated, end_);
            if (*e != '=') return error(errc::bad_declaration, e);
            e = detail::skip_space(e + 1, end_);
            if (e == end_) return error(errc::truncated, end_);
            if (*e != '"' && *e != '\'') return error(errc::bad_declaration, e);
            const char quote = *e++;
            const char* v = e;
            while (e != end_ && *e != quote) ++e;
            if (e == end_) return error(errc::truncated, end_);
            const std::string_view value(v, static_cast<std::size_t>(e - v));
            if (!pseudo_value_ok(which, value)) return error(errc::bad_declaration, v);
            if (which == 1 && !utf8_label(value)) return error(errc::unsupported_charset, v);
            next_name = which + 1;
            q = e + 1;
        }
        kind_ = token::declaration;
        raw_ = std::string_view();
        needs_ = false;
        return true;
    }

    bool starts_with(const char* p, std::string_view word) const noexcept {
        return static_cast<std::size_t>(end_ - p) >= word.size() && std::memcmp(p, word.data(), word.size()) == 0;
    }

    // VersionNum '1.' [0-9]+, EncName [A-Za-z] ([A-Za-z0-9._] | '-')*, 'yes' | 'no'.
    static bool pseudo_value_ok(std::size_t which, std::string_view v) noexcept {
        if (which == 0) {
            if (v.size() < 3 || v[0] != '1' || v[1] != '.') return false;
            for (char c : v.substr(2)) {
                if (c < '0' || c > '9') return false;
            }
            return true;
        }
        if (which == 2) return v == "yes" || v == "no";
        if (v.empty() || !((v[0] | 0x20) >= 'a' && (v[0] | 0x20) <= 'z')) return false;
        for (char c : v) {
            if (!detail::is_name_byte(c) || c == ':') return false;
        }
        return true;
    }

    static bool utf8_label(std::string_view v) noexcept {
        auto same = [v](std::string_view w) {
            if (v.size() != w.size()) return false;
            for (std::size_t i = 0; i < v.size(); ++i) {
                const char a = v[i] >= 'A' && v[i] <= 'Z' ? static_cast<char>(v[i] | 0x20) : v[i];
                if (a != w[i]) return false;
            }
            return true;
        };
        return same("utf-8") || same("utf8") || same("us-ascii") || same("ascii");
    }

    // "<!": a comment, a CDATA section or the DOCTYPE.
    bool read_bang() noexcept {
        const char* q = tok_ + 2;
        if (starts_with(q, "--")) return read_comment(q + 2);
        if (starts_with(q, "[CDATA[")) {
            if (state_ != in_root) return error(errc::outside_root, tok_);
            name_ = std::string_view();
            return chars_token<']'>(q + 7, "]]>", token::cdata);
        }
        if (starts_with(q, "DOCTYPE")) return read_doctype(q + 7);
        // The document ends inside one of the three openings.
        const std::string_view rest(q, static_cast<std::size_t>(end_ - q));
        for (std::string_view opening : {"--", "[CDATA[", "DOCTYPE"}) {
            if (rest.size() < opening.size() && opening.substr(0, rest.size()) == rest) return error(errc::truncated, end_);
        }
        return error(errc::bad_character, q);
    }

    // §2.5: Comment ::= '<!--' ((Char - '-') | ('-' (Char - '-')))* '-->'.
    bool read_comment(const char* q) noexcept {
        const char* p = q;
        bool cr = false;
        for (;;) {
            p = detail::skip_plain<'-'>(p, end_);
            if (p == end_) return error(errc::truncated, end_);
            if (*p == '-') {
                if (end_ - p < 2) return error(errc::truncated, end_);
                if (p[1] != '-') {
                    ++p;
                    continue;
                }
                if (end_ - p < 3) return error(errc::truncated, end_);
                if (p[2] != '>') return error(errc::bad_comment, p);
                break;
            }
            const detail::stop s = detail::other_char(p, end_, cr);
            if (s.ec != errc{}) return error(s);
            p = s.at;
        }
        raw_ = std::string_view(q, static_cast<std::size_t>(p - q));
        needs_ = cr;
        p_ = p + 3;
        kind_ = token::comment;
        name_ = std::string_view();
        return true;
    }

    // §2.8 doctypedecl ::= '<!DOCTYPE' S Name (S ExternalID)? S? ('[' intSubset ']' S?)? '>', once,
    // before the root. The internal subset is refused; the external one is never read.
    bool read_doctype(const char* q) noexcept {
        if (state_ != prolog || seen_doctype_) return error(errc::bad_declaration, tok_);
        seen_doctype_ = true;
        const char* s = detail::skip_space(q, end_);
        if (s == end_) return error(errc::truncated, end_);
        if (s == q) return error(errc::bad_declaration, s);
        const detail::stop n = detail::name_end(s, end_, opt_.max_name_length);
        if (n.ec != errc{}) return error(n);
        name_ = std::string_view(s, static_cast<std::size_t>(n.at - s));
        const char* p = detail::skip_space(n.at, end_);
        const char* id = p;
        if (p != end_ && p != n.at && (starts_with(p, "SYSTEM") || starts_with(p, "PUBLIC"))) {
            const bool pub = *p == 'P';
            p += 6;
            for (int literal = pub ? 2 : 1; literal > 0; --literal) {
                const char* l = detail::skip_space(p, end_);
                if (l == end_) return error(errc::truncated, end_);
                if (l == p || (*l != '"' && *l != '\'')) return error(errc::bad_declaration, l);
                const char quote = *l;
                const char* e = l + 1;
                while (e != end_ && *e != quote) {
                    // §2.3 PubidChar for the public identifier.
                    if (pub && literal == 2 && !pubid_char(*e)) return error(errc::bad_declaration, e);
                    ++e;
                }
                if (e == end_) return error(errc::truncated, end_);
                bool cr = false;
                for (const char* c = l + 1; c != e;) {
                    const auto b = static_cast<unsigned char>(*c);
                    if (b >= 0x20 && b < 0x80) {
                        ++c;
                        continue;
                    }
                    const detail::stop st = detail::other_char(c, e, cr);
                    if (st.ec != errc{}) return error(st);
                    c = st.at;
                }
                p = e + 1;
            }
            raw_ = std::string_view(id, static_cast<std::size_t>(p - id));
            p = detail::skip_space(p, end_);
        } else {
            raw_ = std::string_view();
        }
        if (p == end_) return error(errc::truncated, end_);
        if (*p == '[') return error(errc::doctype_refused, p);
        if (*p != '>') return error(errc::bad_declaration, p);
        p_ = p + 1;
        needs_ = false;
        kind_ = token::doctype;
        return true;
    }

    static bool pubid_char(char c) noexcept {
        if (detail::is_name_byte(c) && c != '_' && c != '.') return true;
        return std::string_view(" \r\n-'()+,./:=?;!*#@$_%").find(c) != std::string_view::npos;
    }

    const char* begin_;
    const char* p_;
    const char* end_;
    const char* start_ = nullptr;  // after the byte order mark
    const char* tok_ = nullptr;
    read_options opt_;
    token kind_ = token::none;
    state_t state_ = prolog;
    bool pending_end_ = false;  // the end of <a/> comes next
    bool needs_ = false;
    bool seen_doctype_ = false;
    std::string_view name_;
    std::string_view raw_;
    std::string_view attrs_;
    result status_{};
    std::size_t depth_ = 0;
    const char* open_[max_nesting] = {};  // the open elements' names (each ends where its Name does)
};

}  // namespace smsgw::codec::xml
