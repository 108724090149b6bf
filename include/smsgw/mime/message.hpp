#pragma once

// A whole MIME message as a tree of parts in caller storage: every part is offsets and views
// into the input (headers, raw body, parsed Content-Type, transfer encoding, Content-ID,
// Content-Disposition), stored depth-first; defects are kept with their offsets.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/detail/mime_syntax.hpp"
#include "smsgw/mime/body.hpp"
#include "smsgw/mime/content_type.hpp"
#include "smsgw/mime/headers.hpp"
#include "smsgw/mime/multipart.hpp"
#include "smsgw/mime/options.hpp"

namespace smsgw::mime {

/// One part of a parsed message (the message itself is part 0).
struct part {
    /// No part.
    static constexpr std::size_t none = static_cast<std::size_t>(-1);

    std::size_t offset = 0;       ///< of the header block in the input
    /// Its header fields.
    header_block headers;
    std::string_view body;        ///< raw body: for a multipart, preamble to epilogue
    /// Of the body in the input.
    std::size_t body_offset = 0;
    content_type type;            ///< text/plain when absent (RFC 2045 §5.2)
    /// Content-Transfer-Encoding (7bit when absent).
    transfer_encoding encoding = transfer_encoding::seven_bit;
    std::string_view content_id;  ///< raw value, e.g. `t1.txt` or IMSP's `<t0>` with a stray quote before it; see normalized_content_id()
    content_disposition disposition;  ///< type empty when absent
    /// Multipart only: text before the first and after the close delimiter.
    ///@{
    std::string_view preamble;
    std::string_view epilogue;
    ///@}
    bool closed = false;          ///< the close delimiter was seen
    /// Tree, as indexes into the message's parts: children follow their parent, `end` is the
    /// index past the last descendant (so the next sibling of part i is at parts[i].end).
    ///@{
    std::size_t parent = none;
    std::size_t depth = 0;  ///< 0 for the message
    std::size_t end = 0;
    ///@}
    mode decoded_in = mode::strict;  ///< the message's mode: what decode_content() follows unless told otherwise

    /// Whether the part is a multipart.
    bool is_multipart() const noexcept { return type.is_multipart(); }
    /// The most bytes decode_content() can write for it.
    std::size_t decoded_size_max() const noexcept { return mime::decoded_size_max(encoding, body.size()); }
};

/// Content-ID without one pair of enclosing angle brackets and blanks (`<t0>` -> `t0`); any
/// other value, IMSP's `<t0>` with a stray quote before it included, is returned as it is, trimmed.
constexpr std::string_view normalized_content_id(std::string_view raw) noexcept {
    std::string_view v = smsgw::detail::mime::trim_wsp(raw);
    if (v.size() >= 2 && v.front() == '<' && v.back() == '>') v = v.substr(1, v.size() - 2);
    return v;
}

/// The part's filename as UTF-8: Content-Disposition `filename` (RFC 2231 or plain), else the
/// Content-Type `name` (old mailers). errc::missing_field when there is none.
inline result filename(const part& p, writer& out, const options& opt = {}) noexcept {
    if (p.disposition.params.find("filename") || p.disposition.params.find("filename*") ||
        p.disposition.params.find("filename*0") || p.disposition.params.find("filename*0*"))
        return parameter_text(p.disposition.params, "filename", out, nullptr, opt);
    return parameter_text(p.type.params, "name", out, nullptr, opt);
}

/// The part's body with its transfer encoding undone (see decode_body()), in mode `m`.
inline result decode_content(const part& p, writer& out, mode m, defect_log* log = nullptr) noexcept {
    return decode_body(p.body, p.encoding, out, m, log, p.body_offset);
}
/// The same in the mode the message was decoded in (tolerant_options: tolerant).
inline result decode_content(const part& p, writer& out) noexcept { return decode_content(p, out, p.decoded_in); }

/// The charset a part's text is in: its Content-Type `charset` as written (US-ASCII when there
/// is none, RFC 2045 §5.2), and what classify_charset() makes of it.
struct text_charset {
    /// The charset parameter as sent.
    std::string_view label = "us-ascii";
    /// The charset it names, when known.
    charset cs = charset::us_ascii;
};

/// The charset of a text part, from its Content-Type (us-ascii when absent).
inline text_charset charset_of(const part& p) noexcept {
    text_charset t;
    if (const std::string_view label = smsgw::detail::mime::trim_wsp(p.type.params.value("charset")); !label.empty()) {
        t = {label, classify_charset(label)};
    }
    return t;
}

/// The part's content as UTF-8 text: the transfer encoding undone into `scratch` (at least
/// p.decoded_size_max() bytes, else buffer_too_small with that size), then charset_of(p)
/// converted by to_utf8() in mode `m` (by default the message's): GBK, GB18030 and Big5 bodies (`charset=gb2312`,
/// `charset=big5`) come out as UTF-8. A charset that is not built in comes back as its octets;
/// charset_of(p).cs == charset::other tells. Errors: decode_content()'s with offsets in the input,
/// to_utf8()'s with the offset in the decoded content. Success: offset = bytes written.
inline result decode_text_content(const part& p, writer& out, mutable_bytes scratch, mode m,
                                  defect_log* log = nullptr) noexcept {
    if (scratch.size() < p.decoded_size_max()) return fail(errc::buffer_too_small, p.decoded_size_max());
    writer raw(scratch);
    if (result r = decode_content(p, raw, m, log); !r) return r;
    const std::string_view octets(reinterpret_cast<const char*>(scratch.data()), raw.size());
    return to_utf8(charset_of(p).cs, octets, out, m);
}
/// The same in the mode the message was decoded in.
inline result decode_text_content(const part& p, writer& out, mutable_bytes scratch) noexcept {
    return decode_text_content(p, out, scratch, p.decoded_in);
}

/// A parsed MIME message: its parts, in order, over the input.
class message {
public:
    /// A message whose parts go to `storage`.
    explicit message(span<part> storage) noexcept : parts_(storage) {}

    /// Parts found, depth-first: parts()[0] is the message itself.
    span<const part> parts() const noexcept { return {parts_.data(), count_}; }
    /// How many parts.
    std::size_t size() const noexcept { return count_; }
    /// Part i.
    const part& operator[](std::size_t i) const noexcept { return parts_[i]; }
    /// The first item.
    const part* begin() const noexcept { return parts_.data(); }
    /// Past the last item.
    const part* end() const noexcept { return parts_.data() + count_; }
    /// The message itself (part 0).
    const part& root() const noexcept { return parts_[0]; }
    /// The message's header fields.
    const header_block& headers() const noexcept { return parts_[0].headers; }
    /// What tolerant decoding accepted.
    const defect_log& defects() const noexcept { return defects_; }
    /// The input the parts point into.
    std::string_view input() const noexcept { return input_; }

    /// Direct children of part i, by index.
    class children_range {
    public:
        /// A forward iterator over a part's children.
        class iterator {
        public:
            /// Part i of m.
            iterator(const message* m, std::size_t i) noexcept : m_(m), i_(i) {}
            /// The current item.
            std::size_t operator*() const noexcept { return i_; }
            /// Moves to the next item.
            iterator& operator++() noexcept {
                i_ = m_->parts_[i_].end;
                return *this;
            }
            /// Whether both iterators are at the same position.
            friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.i_ == b.i_; }
            /// Whether the iterators are at different positions.
            friend bool operator!=(const iterator& a, const iterator& b) noexcept { return a.i_ != b.i_; }

        private:
            const message* m_;
            std::size_t i_;
        };
        /// The children of part i of m.
        children_range(const message* m, std::size_t i) noexcept : m_(m), i_(i) {}
        /// The first item.
        iterator begin() const noexcept { return iterator(m_, i_ + 1); }
        /// A part that was not found (a message that holds none) has no children.
        iterator end() const noexcept { return iterator(m_, i_ < m_->count_ ? m_->parts_[i_].end : i_ + 1); }

    private:
        const message* m_;
        std::size_t i_;
    };
    /// The children of part i.
    children_range children(std::size_t i) const noexcept { return children_range(this, i); }

    /// Whether part i has no child parts (its body is content, not more parts).
    bool is_leaf(std::size_t i) const noexcept { return parts_[i].end == i + 1 && !parts_[i].is_multipart(); }
    /// How many parts are leaves.
    std::size_t leaf_count() const noexcept {
        std::size_t n = 0;
        for (std::size_t i = 0; i < count_; ++i) n += is_leaf(i) ? 1u : 0u;
        return n;
    }

private:
    friend result decode(bytes in, message& out, const options& opt) noexcept;

    result parse_entity(std::string_view text, std::size_t depth, std::size_t parent, const options& opt) noexcept;
    result parse_multipart(std::size_t idx, std::string_view boundary, std::size_t depth, const options& opt) noexcept;
    std::size_t offset_of(std::string_view v) const noexcept {
        return static_cast<std::size_t>(v.data() - input_.data());
    }

    span<part> parts_;
    std::size_t count_ = 0;
    defect_log defects_;
    std::string_view input_;
    bool full_ = false;
};

inline result message::parse_entity(std::string_view text, std::size_t depth, std::size_t parent,
                                    const options& opt) noexcept {
    const std::size_t base = offset_of(text);
    if (count_ == parts_.size()) {
        if (!full_) {
            full_ = true;
            if (auto r = detail::report(opt.m, &defects_, defect_kind::too_many_parts, base); !r) return r;
        }
        return {};
    }
    const std::size_t idx = count_++;
    part& p = parts_[idx];
    p = part{};
    p.offset = base;
    p.parent = parent;
    p.depth = depth;
    result r = parse_headers(text, p.headers, opt, &defects_, base);
    if (!r) return r;
    p.body = text.substr(r.offset);
    p.body_offset = base + r.offset;

    std::string_view type_raw;
    bool type_seen = false;
    for (const header_field& f : p.headers) {
        using smsgw::detail::mime::iequals;
        if (iequals(f.name, "Content-Type")) {
            if (type_seen) {
                if (auto e = detail::report(opt.m, &defects_, defect_kind::duplicate_content_type, f.offset); !e) return e;
                // Tolerant: a multipart type wins over an earlier single-part one (notes §3.1).
                content_type first, second;
                parse_content_type(type_raw, first, tolerant_options);
                parse_content_type(f.value, second, tolerant_options);
                if (!first.is_multipart() && second.is_multipart()) type_raw = f.value;
                continue;
            }
            type_seen = true;
            type_raw = f.value;
        } else if (iequals(f.name, "Content-Transfer-Encoding")) {
            p.encoding = classify_transfer_encoding(f.value);
        } else if (iequals(f.name, "Content-ID")) {
            p.content_id = f.value;
        } else if (iequals(f.name, "Content-Disposition")) {
            if (auto e = parse_content_disposition(f.value, p.disposition, opt, &defects_, offset_of(f.value)); !e) return e;
        }
    }
    if (type_seen) {
        if (auto e = parse_content_type(type_raw, p.type, opt, &defects_, offset_of(type_raw)); !e) return e;
    }

    if (p.type.is_multipart() || (p.type.is_message() && p.encoding != transfer_encoding::base64 &&
                                  p.encoding != transfer_encoding::quoted_printable)) {
        if (depth + 1 > opt.lim.max_depth || depth + 1 > max_depth_cap) {
            if (auto e = detail::report(opt.m, &defects_, defect_kind::nesting_too_deep, p.body_offset); !e) return e;
        } else if (p.type.is_message()) {
            if (auto e = parse_entity(p.body, depth + 1, idx, opt); !e) return e;
        } else if (p.type.boundary().empty()) {
            if (auto e = detail::report(opt.m, &defects_, defect_kind::missing_boundary, offset_of(type_raw)); !e) return e;
        } else if (auto e = parse_multipart(idx, p.type.boundary(), depth, opt); !e) {
            return e;
        }
    }
    parts_[idx].end = count_;
    return {};
}

inline result message::parse_multipart(std::size_t idx, std::string_view boundary, std::size_t depth,
                                       const options& opt) noexcept {
    const std::string_view body = parts_[idx].body;
    const std::size_t base = parts_[idx].body_offset;
    delimiter d;
    if (!find_delimiter(body, boundary, 0, d)) {
        parts_[idx].preamble = body;
        return detail::report(opt.m, &defects_, defect_kind::missing_start_delimiter, base);
    }
    parts_[idx].preamble = body.substr(0, d.begin);
    std::size_t pos = d.after;
    bool closed = d.close;
    while (!closed) {
        delimiter next;
        if (!find_delimiter(body, boundary, pos, next)) {
            // No close delimiter (or a truncated packet): the last part runs to the end.
            if (auto r = detail::report(opt.m, &defects_, defect_kind::missing_close_delimiter, base + body.size()); !r)
                return r;
            if (auto r = parse_entity(body.substr(pos), depth + 1, idx, opt); !r) return r;
            pos = body.size();
            break;
        }
        const std::size_t part_end = next.begin > pos ? next.begin : pos;
        if (auto r = parse_entity(body.substr(pos, part_end - pos), depth + 1, idx, opt); !r) return r;
        pos = next.after;
        closed = next.close;
    }
    parts_[idx].closed = closed;
    parts_[idx].epilogue = closed ? body.substr(pos) : std::string_view();
    return {};
}

/// Parses a whole message into `out` (whose storage bounds the parts recorded). Strict: the
/// first error with its offset. Tolerant: defects in out.defects(), the parts seen so far usable.
/// Parts beyond the storage are left inside their parent's body (too_many_parts). Success:
/// offset = in.size().
inline result decode(bytes in, message& out, const options& opt = {}) noexcept {
    out.count_ = 0;
    out.defects_.clear();
    out.full_ = false;
    out.input_ = as_chars(in);
    if (out.parts_.size() == 0) return fail(errc::buffer_too_small, 1);
    if (auto r = out.parse_entity(out.input_, 0, part::none, opt); !r) return r;
    for (std::size_t i = 0; i < out.count_; ++i) out.parts_[i].decoded_in = opt.m;
    return result{errc{}, in.size()};
}

}  // namespace smsgw::mime
