#pragma once

// Builds a multipart MIME message into a caller buffer, CRLF throughout: header values with
// RFC 2047 encoded-words where they are not ASCII, filenames with RFC 2231 when they are not,
// base64 bodies in 76-column lines, a boundary that occurs in none of the parts. With
// imsp_names it writes what the IMSP gateway's get_mime returns (imsp-mms-gateway.txt §5.1).
#include <cstddef>
#include <initializer_list>
#include <string_view>

#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/percent.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/detail/mime_syntax.hpp"
#include "smsgw/mime/body.hpp"
#include "smsgw/mime/quoted_printable.hpp"

namespace smsgw::mime {

/// A header field the encoder writes as given.
struct field {
    /// The field's name.
    std::string_view name;
    std::string_view value;  ///< UTF-8 text; not ASCII -> encoded-words
};

/// How the encoder spells the fields it writes itself.
struct field_names {
    /// Content-Type.
    std::string_view content_type;
    /// Content-Transfer-Encoding.
    std::string_view transfer_encoding;
    /// Content-Disposition.
    std::string_view disposition;
    /// Content-ID.
    std::string_view content_id;
    /// MIME-Version.
    std::string_view mime_version;
};
/// The RFC spellings.
inline constexpr field_names rfc_names{"Content-Type", "Content-Transfer-Encoding", "Content-Disposition",
                                       "Content-ID", "MIME-Version"};
/// IMSP's spelling, lower case after the first letter (imsp-mms-gateway.txt §5.1).
inline constexpr field_names imsp_names{"Content-type", "Content-transfer-encoding", "Content-disposition",
                                        "Content-id", "Mime-version"};

/// One part for the encoder.
struct part_spec {
    std::string_view content_type;  ///< e.g. "image/jpeg" or "text/plain; charset=utf-8", written as given
    bytes content;                  ///< raw content; the encoder applies `encoding`
    /// The transfer encoding the encoder applies.
    transfer_encoding encoding = transfer_encoding::base64;
    std::string_view filename;      ///< non-empty: `<disposition>; filename="..."` (RFC 2231 `filename*=` if not ASCII)
    /// The Content-Disposition type, when a filename is given.
    std::string_view disposition = "attachment";
    std::string_view content_id;    ///< written as given when non-empty (IMSP: `<t0>` with a stray quote before it)
    span<const field> extra;        ///< more part fields, after the others
};

/// A multipart message for the encoder.
struct message_spec {
    span<const field> headers;      ///< top fields in order (IMSP: Date, To, From, Msgid, Subject, Content_number)
    /// The multipart subtype.
    std::string_view subtype = "mixed";
    std::string_view boundary;      ///< empty: the encoder picks one that occurs in no part
    /// The parts, in order.
    span<const part_spec> parts;
    /// How the encoder spells its own fields.
    field_names names = rfc_names;
};

namespace detail {
constexpr bool is_plain_ascii(std::string_view v) noexcept {
    for (char c : v) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u > 0x7E) return false;
    }
    return v.find("=?") == std::string_view::npos;
}

inline result check_field(std::string_view name, std::string_view value) noexcept {
    if (name.empty()) return fail(errc::empty_field, 0, "field name");
    for (char c : name)
        if (!smsgw::detail::mime::is_ftext(c)) return fail(errc::bad_character, 0, "field name");
    for (char c : value)  // a line break would let a value inject fields
        if (c == '\r' || c == '\n') return fail(errc::bad_character, 0, "field value");
    if (auto r = codec::utf8::validate(value); !r) return fail(errc::invalid_utf8, r.offset, "field value");
    return {};
}

// Encoded-words of UTF-8 split on character boundaries, one per line, each line within 76
// columns (RFC 2047 §2) counting the `prefix` before the first word (the field name and ": ").
inline void write_encoded_words(std::string_view v, std::size_t prefix, writer& out) noexcept {
    constexpr std::size_t frame = 12;  // "=?utf-8?B?" and "?="
    bool first = true;
    while (!v.empty()) {
        const std::size_t used = (first ? prefix : 1) + frame;
        const std::size_t chars = used < 76 - 4 ? (76 - used) / 4 * 4 : 4;
        const std::size_t budget = chars / 4 * 3;
        std::size_t n = codec::utf8::fit(v, budget);
        if (n == 0) n = v.size() < 4 ? v.size() : 4;  // a name too long for any character: go over
        if (!first) out.write(std::string_view("\r\n "));
        out.write(std::string_view("=?utf-8?B?"));
        codec::base64::encode(v.substr(0, n), out);
        out.write(std::string_view("?="));
        v.remove_prefix(n);
        first = false;
    }
}

inline bool contains_delimiter(bytes content, std::string_view boundary) noexcept {
    std::string_view c = as_chars(content);
    for (std::size_t k = 0; (k = smsgw::detail::mime::find(c, boundary, k)) != std::string_view::npos; ++k)
        if (k >= 2 && c[k - 1] == '-' && c[k - 2] == '-') return true;
    return false;
}

// Base64 output has no '-': only parts written as text can hold a delimiter.
inline bool boundary_free(const message_spec& m, std::string_view boundary) noexcept {
    for (const part_spec& p : m.parts)
        if (p.encoding != transfer_encoding::base64 && contains_delimiter(p.content, boundary)) return false;
    return true;
}
}  // namespace detail

/// Writes one field, `name: value` CRLF, encoding a non-ASCII (or `=?`-holding) value as
/// RFC 2047 B words in UTF-8. Errors name the field: bad_character (a name outside RFC 5322
/// ftext, a CR or LF in the value), invalid_utf8.
inline result encode_field(const field& f, writer& out) noexcept {
    if (auto r = detail::check_field(f.name, f.value); !r) return r;
    out.write(f.name);
    out.write(std::string_view(": "));
    if (detail::is_plain_ascii(f.value))
        out.write(f.value);
    else
        detail::write_encoded_words(f.value, f.name.size() + 2, out);
    out.write(std::string_view("\r\n"));
    return out.finish();
}

/// Writes the whole message. Errors: those of encode_field(); boundary_collision when the
/// given boundary occurs in a part (or no free one is found); bad_character for a content
/// type, disposition or content-id holding a line break; buffer_too_small with the size needed.
inline result encode(const message_spec& m, writer& out) noexcept {
    // The boundary: "=_" cannot occur in base64 or quoted-printable text (RFC 2045 §6.7 rule 1).
    char generated[24] = "=_smsgw_0000000000";
    std::string_view boundary = m.boundary;
    if (boundary.empty()) {
        bool found = false;
        for (unsigned attempt = 0; attempt < 64 && !found; ++attempt) {
            unsigned long long x = 0x9E3779B97F4A7C15ull * (attempt + 1) + m.parts.size();
            for (std::size_t k = 0; k < 10; ++k) generated[8 + k] = "0123456789abcdef"[(x >> (4 * k)) & 0xF];
            boundary = std::string_view(generated, 18);
            found = detail::boundary_free(m, boundary);
        }
        if (!found) return fail(errc::boundary_collision, 0, "boundary");
    } else if (!detail::boundary_free(m, boundary)) {
        return fail(errc::boundary_collision, 0, "boundary");
    }
    for (const field& f : m.headers)
        if (auto r = encode_field(f, out); !r && r.ec != errc::buffer_too_small) return r;
    // One field the encoder writes itself: name, then the pieces of its value.
    auto line = [&](std::string_view name, std::initializer_list<std::string_view> pieces) noexcept -> result {
        for (std::string_view v : pieces)
            if (v.find_first_of("\r\n") != std::string_view::npos) return fail(errc::bad_character, 0, "content field");
        out.write(name);
        out.write(std::string_view(": "));
        for (std::string_view v : pieces) out.write(v);
        out.write(std::string_view("\r\n"));
        return {};
    };
    line(m.names.mime_version, {"1.0"});
    if (auto r = line(m.names.content_type, {"multipart/", m.subtype, "; boundary=\"", boundary, "\""}); !r) return r;
    out.write(std::string_view("\r\n"));
    for (const part_spec& p : m.parts) {
        out.write(std::string_view("--"));
        out.write(boundary);
        out.write(std::string_view("\r\n"));
        if (auto r = line(m.names.content_type, {p.content_type}); !r) return r;
        line(m.names.transfer_encoding, {name(p.encoding)});
        if (!p.filename.empty()) {
            if (auto r = detail::check_field("filename", p.filename); !r) return r;
            if (p.disposition.find_first_of("\r\n") != std::string_view::npos)
                return fail(errc::bad_character, 0, "disposition");
            const bool plain = detail::is_plain_ascii(p.filename) && p.filename.find_first_of("\"\\") == std::string_view::npos;
            out.write(m.names.disposition);
            out.write(std::string_view(": "));
            out.write(p.disposition);
            if (plain) {  // RFC 2045 quoted-string
                out.write(std::string_view("; filename=\""));
                out.write(p.filename);
                out.put('"');
            } else {  // RFC 2231 §4 extended value
                out.write(std::string_view("; filename*=utf-8''"));
                codec::percent::encode(p.filename, out, codec::percent::style::component);
            }
            out.write(std::string_view("\r\n"));
        }
        if (!p.content_id.empty())
            if (auto r = line(m.names.content_id, {p.content_id}); !r) return r;
        for (const field& f : p.extra)
            if (auto r = encode_field(f, out); !r && r.ec != errc::buffer_too_small) return r;
        out.write(std::string_view("\r\n"));
        if (p.encoding == transfer_encoding::base64) {
            codec::base64::encode(p.content, out, {codec::base64::alphabet::standard, true, 76});
            if (!p.content.empty()) out.write(std::string_view("\r\n"));
        } else if (p.encoding == transfer_encoding::quoted_printable) {
            quoted_printable::encode(p.content, out);  // a line end here would be content
        } else {
            out.write(p.content);
        }
        out.write(std::string_view("\r\n"));
    }
    out.write(std::string_view("--"));
    out.write(boundary);
    out.write(std::string_view("--\r\n"));
    return out.finish();
}

}  // namespace smsgw::mime
