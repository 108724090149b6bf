#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/percent.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/codec/xml_reader.hpp"
#include "smsgw/codec/xml_writer.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/detail/lazy_iterator.hpp"
#include "smsgw/fivec/request.hpp"

// caixin_send_batch's xmlData (5c-mms-api.txt §3.3): one title and one picture, a text per
// number, as
//
//     <?xml version="1.0" encoding="UTF-8"?><mms><mmsTitle>URL-encoded UTF-8</mmsTitle>
//     <mmsPictureType>jpg|gif|jpeg|png</mmsPictureType><mmsPictureContent>base64</mmsPictureContent>
//     <mmsBody><mmsBodyData><mmsMobile>13811299999</mmsMobile><mmsTextContent>URL-encoded UTF-8
//     </mmsTextContent></mmsBodyData>...</mmsBody></mms>
//
// encode() writes it in one pass from the caller's values (the title and texts URL-encoded and
// the picture base64-encoded straight from the caller's bytes); decode() reads the head and
// leaves the recipients to a lazy range. On the wire the whole document is URL-encoded once
// more before the form encoding (§3.1 "需整体 UrlEncode 后提交"): that is the form request's
// business (its xmlData field is URL-encoded twice), not this document's.
namespace smsgw::fivec {

namespace batch_names {
// The elements of §3.3, named once for the encoder and the decoder.
inline constexpr std::string_view mms = "mms";
inline constexpr std::string_view mms_title = "mmsTitle";
inline constexpr std::string_view mms_picture_type = "mmsPictureType";
inline constexpr std::string_view mms_picture_content = "mmsPictureContent";
inline constexpr std::string_view mms_body = "mmsBody";
inline constexpr std::string_view mms_body_data = "mmsBodyData";
inline constexpr std::string_view mms_mobile = "mmsMobile";
inline constexpr std::string_view mms_text_content = "mmsTextContent";
}  // namespace batch_names

/// How a value travels inside its element.
enum class batch_value : unsigned char {
    url_encoded,   ///< UTF-8, URL-encoded (form style, as PHP's urlencode) into the XML
    picture_type,  ///< jpg, gif, jpeg or png, as it is
    base64,        ///< bytes, base64 into the XML
    digits,        ///< a number, as it is
};

/// One element of a batch entry as the document names it.
struct batch_element {
    /// The element's name.
    std::string_view name;
    /// Which value it holds.
    batch_value kind;
    std::size_t max = 0;  ///< characters (url_encoded) or digits; 0: no limit, and empty allowed
};

/// §3.3's layout, once for the encoder, the checks and the decoder: `<mms>` holds these three in
/// this order, then `<mmsBody>` of `<mmsBodyData>`, each holding walk_recipient's two. Self is a
/// struct with the members named after the elements (the caller's values, or the views read).
template <class V, class Self>
constexpr void walk_head(V& v, Self& m) {
    v(batch_element{batch_names::mms_title, batch_value::url_encoded, 40}, m.mms_title);  // the title limit of §2.1
    v(batch_element{batch_names::mms_picture_type, batch_value::picture_type}, m.mms_picture_type);
    v(batch_element{batch_names::mms_picture_content, batch_value::base64}, m.mms_picture_content);
}
/// The fields of one recipient: MmsMobile and MmsTextContent.
template <class V, class Self>
constexpr void walk_recipient(V& v, Self& m) {
    v(batch_element{batch_names::mms_mobile, batch_value::digits, 11}, m.mms_mobile);
    v(batch_element{batch_names::mms_text_content, batch_value::url_encoded}, m.mms_text_content);
}

namespace detail {
// The walks as objects, to hand to read_elements().
struct head_walk {
    template <class V, class Self>
    constexpr void operator()(V& v, Self& m) const { walk_head(v, m); }
};
struct recipient_walk {
    template <class V, class Self>
    constexpr void operator()(V& v, Self& m) const { walk_recipient(v, m); }
};
}  // namespace detail

/// One recipient: the number and its text, plain UTF-8 (encode() URL-encodes it).
struct batch_recipient {
    std::string_view mms_mobile;        ///< 1 to 11 digits
    std::string_view mms_text_content;  ///< UTF-8
};

/// The document to encode, from the caller's values.
struct batch_request_xml {
    std::string_view mms_title;         ///< 1 to 40 characters of UTF-8
    std::string_view mms_picture_type;  ///< jpg, gif, jpeg or png
    bytes mms_picture_content;          ///< the picture's bytes
    span<const batch_recipient> mms_body;  ///< at least one

    static constexpr std::size_t max_size = std::size_t{100} * 1024 * 1024;  ///< §3.1 xmlData 100MB
};

namespace detail {

inline constexpr std::string_view picture_types[] = {"jpg", "gif", "jpeg", "png"};

// §3.3 mmsPictureType; tolerant mode takes any case (JPG).
inline bool picture_type_ok(std::string_view v, mode m) noexcept {
    for (std::string_view t : picture_types) {
        if (v == t || (m == mode::tolerant && codec::ascii::iequals(v, t))) return true;
    }
    return false;
}

// The element's name as result.field: one of batch_names (string literals, so NUL-terminated).
inline const char* element_field(std::string_view name) noexcept {
    namespace n = batch_names;
    for (std::string_view e : {n::mms, n::mms_title, n::mms_picture_type, n::mms_picture_content, n::mms_body,
                               n::mms_body_data, n::mms_mobile, n::mms_text_content}) {
        if (name == e) return e.data();
    }
    return nullptr;
}

inline result with_field(result r, const char* field) noexcept {
    if (!r) r.field = field;
    return r;
}

// A digits value at offset `at`: empty_field, field_too_long (at the first digit over), bad_character.
inline result check_digits(const batch_element& e, std::string_view v, std::size_t at) noexcept {
    const char* const field = e.name.data();
    if (v.empty()) return fail(errc::empty_field, at, field);
    if (v.size() > e.max) return fail(errc::field_too_long, at + e.max, field);
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!codec::ascii::is_digit(v[i])) return fail(errc::bad_character, at + i, field);
    }
    return {};
}

// The checks of a caller's value before it is encoded; offsets in the value.
struct check_value {
    result r{};

    template <class T>
    void operator()(const batch_element& e, const T& value) noexcept {
        if (!r.ok()) return;
        const char* const field = e.name.data();
        if constexpr (std::is_same_v<T, bytes>) {
            return;  // base64 takes any bytes
        } else if (e.kind == batch_value::digits) {
            r = check_digits(e, value, 0);
        } else if (e.kind == batch_value::picture_type) {
            if (!picture_type_ok(value, mode::strict)) r = fail(errc::out_of_range, 0, field);
        } else {
            std::size_t chars = 0;
            r = with_field(codec::utf8::count(value, chars), field);
            if (!r.ok() || e.max == 0) return;
            if (chars == 0) {
                r = fail(errc::empty_field, 0, field);
            } else if (chars > e.max) {
                // At the first character over the limit.
                std::size_t at = 0;
                char32_t cp;
                for (std::size_t i = 0; i < e.max; ++i) codec::utf8::next(value, at, cp);
                r = fail(errc::field_too_long, at, field);
            }
        }
    }
};

// Writes a checked value as its element.
struct write_value {
    codec::xml::writer& x;

    template <class T>
    void operator()(const batch_element& e, const T& value) noexcept {
        x.start(e.name);
        if (e.kind == batch_value::url_encoded) {
            x.percent_text(value, codec::percent::style::form);
        } else if (e.kind == batch_value::base64) {
            x.base64_text(value);
        } else if constexpr (!std::is_same_v<T, bytes>) {
            x.text(value);
        }
        x.end(e.name);
    }
};

}  // namespace detail

/// Every check of encode(), before anything is written: the first error, offset in the value at
/// fault, result.field its element.
inline result validate(const batch_request_xml& b) noexcept {
    detail::check_value c;
    walk_head(c, b);
    if (!c.r.ok()) return c.r;
    if (b.mms_body.empty()) return fail(errc::missing_field, 0, batch_names::mms_body_data.data());
    for (const batch_recipient& r : b.mms_body) {
        walk_recipient(c, r);
        if (!c.r.ok()) return c.r;
    }
    return {};
}

/// The document in one pass; smsgw::encoded_size() measures it. field_too_long ("xmlData")
/// above 100 MB, offset the size.
inline result encode(const batch_request_xml& b, writer& out) noexcept {
    namespace n = batch_names;
    if (result r = validate(b); !r) return r;
    const std::size_t start = out.size();
    codec::xml::writer x(out);
    detail::write_value w{x};
    x.declaration().start(n::mms);
    walk_head(w, b);
    x.start(n::mms_body);
    for (const batch_recipient& r : b.mms_body) {
        x.start(n::mms_body_data);
        walk_recipient(w, r);
        x.end(n::mms_body_data);
    }
    x.end(n::mms_body).end(n::mms);
    if (out.size() - start > batch_request_xml::max_size) return fail(errc::field_too_long, out.size() - start, "xmlData");
    return x.finish();
}

namespace detail {

// The value of the element the reader stands on, as a view: one stretch of character data
// that needs no decoding (5C's values are digits, URL-encoding and base64, which XML never has
// to escape). A reference, a CR or a second stretch is bad_character at it. Tolerant mode
// trims the XML whitespace around the value that the spec's own example prints. An empty value
// is an empty view at the end tag, in `doc`.
inline result element_value(codec::xml::reader& rd, const char* doc, std::string_view& out, mode m) noexcept {
    using codec::xml::token;
    const char* const field = element_field(rd.name());
    std::string_view v;
    std::size_t stretches = 0;
    while (rd.next()) {
        if (rd.kind() == token::end_element) {
            if (m == mode::tolerant) {
                while (!v.empty() && codec::xml::detail::is_space(v.front())) v.remove_prefix(1);
                while (!v.empty() && codec::xml::detail::is_space(v.back())) v.remove_suffix(1);
            }
            out = v.empty() ? std::string_view(doc + rd.offset(), 0) : v;
            return {};
        }
        if (rd.kind() == token::start_element) return fail(errc::wrong_type, rd.offset(), field);
        if (rd.kind() != token::text && rd.kind() != token::cdata) continue;
        if (rd.needs_decoding() || ++stretches > 1) return fail(errc::bad_character, rd.offset(), field);
        v = rd.raw();
    }
    return rd.status();
}

// Past whitespace to the next start tag among the children of the open element: true at one,
// false at the parent's end tag or an error (status() then).
inline bool next_child(codec::xml::reader& rd) noexcept {
    using codec::xml::token;
    while (rd.next()) {
        if (rd.kind() == token::start_element) return true;
        if (rd.kind() == token::end_element) return false;
    }
    return false;
}

inline constexpr std::size_t no_element = static_cast<std::size_t>(-1);

// Finds an element of a walk by name (its place, its description, its member), and counts them.
struct find_element {
    std::string_view name;
    std::size_t index = 0;
    std::size_t found = no_element;
    batch_element element{};
    std::string_view* value = nullptr;

    void operator()(const batch_element& e, std::string_view& v) noexcept {
        if (found == no_element && e.name == name) {
            found = index;
            element = e;
            value = &v;
        }
        ++index;
    }
};

// The checks of a value read (url_encoded and base64 are decoded on request); offsets in `doc`.
inline result check_read(const batch_element& e, std::string_view v, const char* doc, mode m) noexcept {
    const auto at = static_cast<std::size_t>(v.data() - doc);
    if (e.kind == batch_value::digits) return check_digits(e, v, at);
    if (e.kind == batch_value::picture_type && !picture_type_ok(v, m)) return fail(errc::out_of_range, at, e.name.data());
    return {};
}

// Reads the children of the open element into the members of `m` that `walk` lists: strict,
// in the walk's order; tolerant, in any order, unknown elements skipped; each once. Stops on a
// start tag called `stop` (left to the caller) or on the parent's end tag; then the first
// element the walk lists that was not there is missing_field at `missing_at` (the stop, when
// missing_at is no_element).
template <class Self, class Walk>
result read_elements(codec::xml::reader& rd, const char* doc, Self& m, mode mo, std::string_view stop, Walk walk,
                     std::size_t missing_at) noexcept {
    std::uint32_t seen = 0;
    std::size_t expected = 0;
    while (next_child(rd)) {
        if (!stop.empty() && rd.name() == stop) break;
        const std::size_t tag = rd.offset();
        find_element f{rd.name()};
        walk(f, m);
        if (f.found == no_element) {
            if (mo == mode::strict) return fail(errc::unknown_field, tag, element_field(rd.name()));
            if (result r = rd.skip_element(); !r) return r;
            continue;
        }
        const char* const field = f.element.name.data();
        if (seen & (1u << f.found)) return fail(errc::duplicate_field, tag, field);
        if (mo == mode::strict && f.found != expected) return fail(errc::unknown_field, tag, field);
        seen |= 1u << f.found;
        expected = f.found + 1;
        if (result r = element_value(rd, doc, *f.value, mo); !r) return r;
        if (result r = check_read(f.element, *f.value, doc, mo); !r) return r;
    }
    if (!rd.status().ok()) return rd.status();
    find_element all{};
    walk(all, m);
    for (std::size_t i = 0; i < all.index; ++i) {
        if (seen & (1u << i)) continue;
        find_element nth{};
        std::size_t k = 0;
        auto name_of = [&](const batch_element& e, std::string_view&) {
            if (k++ == i) nth.element = e;
        };
        walk(name_of, m);
        return fail(errc::missing_field, missing_at == no_element ? rd.offset() : missing_at, nth.element.name.data());
    }
    return {};
}

}  // namespace detail

/// One recipient as read: the values as they are in the XML (mms_text_content URL-encoded).
struct batch_entry {
    /// MmsMobile: the recipient.
    std::string_view mms_mobile;
    /// MmsTextContent: the entry's text.
    std::string_view mms_text_content;
    std::size_t offset = 0;  ///< of the `<mmsBodyData>` tag

    /// The text, URL-decoded (form style: '+' is a space): bad_escape at its offset in the value.
    result text(writer& out) const noexcept {
        return detail::with_field(codec::percent::decode(mms_text_content, out, codec::percent::style::form), batch_names::mms_text_content.data());
    }
};

/// The recipients of a decoded document, read as they are iterated; an error ends the range
/// (batch_document::finish() reports it).
class batch_entries {
public:
    struct cursor {
        using value_type = batch_entry;
        codec::xml::reader rd{std::string_view()};
        mode m = mode::strict;
        batch_entry current_{};
        std::size_t at = npos;
        result status{};

        const batch_entry& current() const noexcept { return current_; }
        std::size_t position() const noexcept { return at; }
        void advance() noexcept {
            at = npos;
            if (!status.ok()) return;
            status = read();
        }

        /// The next `<mmsBodyData>` and its two values, or the end of `<mmsBody>`.
        result read() noexcept {
            namespace n = batch_names;
            for (;;) {
                if (!detail::next_child(rd)) return rd.status();
                if (rd.name() == n::mms_body_data) break;
                if (m == mode::strict) return fail(errc::unknown_field, rd.offset());
                if (result r = rd.skip_element(); !r) return r;
            }
            current_ = batch_entry{};
            current_.offset = rd.offset();
            if (result r = detail::read_elements(rd, doc_begin, current_, m, {}, detail::recipient_walk{}, current_.offset); !r) return r;
            at = current_.offset;
            return {};
        }

        const char* doc_begin = nullptr;
    };
    /// The iterator over the items.
    using iterator = smsgw::detail::lazy_iterator<cursor>;
    /// No position.
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    batch_entries() noexcept = default;
    /// The entries from `start`.
    explicit batch_entries(const cursor& start) noexcept : start_(start) {}

    /// The first item.
    iterator begin() const noexcept {
        cursor c = start_;
        c.advance();
        return iterator(c);
    }
    /// Past the last item.
    iterator end() const noexcept { return iterator(); }

    /// Reads every entry: the first error, or where `<mmsBody>` ends (the reader on its end tag).
    result check(codec::xml::reader* after = nullptr) const noexcept {
        cursor c = start_;
        std::size_t count = 0;
        for (c.advance(); c.at != npos; c.advance()) ++count;
        if (!c.status.ok()) return c.status;
        if (count == 0) return fail(errc::missing_field, c.rd.offset(), batch_names::mms_body_data.data());
        if (after != nullptr) *after = c.rd;
        return {};
    }

private:
    cursor start_{};
};

/// A decoded document: the head's values as they are in the XML, the recipients lazily.
struct batch_document {
    std::string_view mms_title;            ///< URL-encoded: title() decodes it
    /// MmsPictureType.
    std::string_view mms_picture_type;
    std::string_view mms_picture_content;  ///< base64: picture() decodes it
    /// MmsBody: the entries.
    batch_entries mms_body;

    /// Strict or tolerant reading of the entries.
    mode m = mode::strict;

    /// The title, URL-decoded: bad_escape at its offset in the value.
    result title(writer& out) const noexcept {
        return detail::with_field(codec::percent::decode(mms_title, out, codec::percent::style::form), batch_names::mms_title.data());
    }
    /// The picture's bytes (tolerant: line breaks and whitespace in the base64 skipped).
    result picture(writer& out) const noexcept {
        codec::base64::decode_options o;
        o.m = m == mode::tolerant ? codec::base64::mode::mime : codec::base64::mode::strict;
        return detail::with_field(codec::base64::decode(mms_picture_content, out, o), batch_names::mms_picture_content.data());
    }
};

/// Reads the document's head (strict: walk_head's elements in its order, then mmsBody; tolerant: in any order, unknown elements skipped, the values' surrounding
/// whitespace trimmed, the picture type in any case) and stops at `<mmsBody>`: the recipients are
/// read as out.mms_body is iterated, and `finish()` reads them all and the end of the document.
/// Errors, offsets in `xml`: the reader's (codec/xml_reader.hpp), unknown_field (an element
/// §3.3 does not have, strict), missing_field, duplicate_field, out_of_range (mmsPictureType),
/// bad_character (a value that is escaped, or a number with a non-digit), empty_field and
/// field_too_long (mmsMobile), wrong_type (an element inside a value), with result.field.
inline result decode(std::string_view xml, batch_document& out, mode m = mode::strict) noexcept {
    namespace n = batch_names;
    codec::xml::read_options o;
    o.m = m;
    o.max_depth = 8;
    codec::xml::reader rd(xml, o);
    if (!detail::next_child(rd)) return rd.status().ok() ? fail(errc::missing_root, xml.size()) : rd.status();
    if (rd.name() != n::mms) return fail(errc::unknown_field, rd.offset(), batch_names::mms.data());
    batch_document d;
    d.m = m;
    if (result r = detail::read_elements(rd, xml.data(), d, m, n::mms_body, detail::head_walk{}, detail::no_element); !r) return r;
    if (rd.kind() != codec::xml::token::start_element) return fail(errc::missing_field, rd.offset(), n::mms_body.data());
    batch_entries::cursor c;
    c.rd = rd;
    c.m = m;
    c.doc_begin = xml.data();
    d.mms_body = batch_entries(c);
    out = d;
    return {errc{}, rd.offset()};
}

/// Everything decode() left to the recipients: each entry, then that `<mmsBody>` is the last
/// element of `<mms>` and nothing but Misc follows it. Ok with the document's size.
inline result finish(const batch_document& d) noexcept {
    codec::xml::reader rd{std::string_view()};
    if (result r = d.mms_body.check(&rd); !r) return r;
    if (detail::next_child(rd)) {
        if (d.m == mode::strict) return fail(errc::unknown_field, rd.offset());
        if (result r = rd.skip_element(); !r) return r;
        while (detail::next_child(rd)) {
            if (result r = rd.skip_element(); !r) return r;
        }
    }
    while (rd.next()) {
    }
    return rd.status();
}

/// caixin_send_batch (§3.1): the form POSTed to url(api::caixin_send_batch). `xml_data` is the
/// document encode(batch_request_xml) wrote; the form URL-encodes it once more before its own
/// encoding (§3.1 "xmlData 需 urlencode"), so a title is three times encoded on the wire. To read
/// one: decode() the form, then decode(req.xml_data, document).
struct caixin_send_batch_request {
    /// The 5C API this request is for.
    static constexpr fivec::api call = api::caixin_send_batch;

    std::string_view apikey;    ///< 32 characters
    std::string_view username;  ///< 3 to 15
    std::string_view password;  ///< 3 to 15
    std::string_view xml_data;  ///< xmlData: the batch document, at most 100 MB

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        detail::credentials(v, m);
        v(m.xml_data, fields::text("xmlData", batch_request_xml::max_size).url_encoded_twice());
    }
};

}  // namespace smsgw::fivec
