#pragma once

// Header fields (RFC 5322 §2.2, §3.6.8) as views: name and raw value, folded lines left in
// place, looked up without regard to case (IMSP writes `Content-type`, `Content_number`).
#include <cstddef>
#include <optional>
#include <string_view>

#include "smsgw/core/error.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/detail/lazy_iterator.hpp"
#include "smsgw/detail/mime_syntax.hpp"
#include "smsgw/mime/options.hpp"

namespace smsgw::mime {

/// One header field: its name and raw value.
struct header_field {
    std::string_view name;   ///< as written, e.g. "Content-type"
    std::string_view value;  ///< raw: leading blanks and the final line end removed, folds kept
    std::size_t offset = 0;  ///< of the name in the decoder's input
};

namespace detail {
// Walks the fields of a header block for header_block's iterator.
class field_cursor {
public:
    using value_type = header_field;

    field_cursor() noexcept = default;
    field_cursor(std::string_view text, std::size_t base, std::size_t pos) noexcept : text_(text), base_(base), next_(pos) {
        advance();
    }
    const header_field& current() const noexcept { return field_; }
    std::size_t position() const noexcept { return at_; }

    void advance() noexcept {
        using namespace smsgw::detail::mime;
        std::size_t p = next_;
        while (p < text_.size()) {
            std::size_t after = line_after(p);
            std::size_t colon = text_.find(':', p);
            if (is_wsp(text_[p]) || colon == std::string_view::npos || colon >= after) {
                p = after;  // a continuation with no field before it (tolerant mode): skipped
                continue;
            }
            std::size_t v = colon + 1;
            while (v < text_.size() && is_wsp(text_[v])) ++v;
            std::size_t end = after;
            while (end < text_.size() && is_wsp(text_[end])) end = line_after(end);
            next_ = end;
            std::size_t vend = end;
            if (vend > v && text_[vend - 1] == '\n') --vend;
            if (vend > v && text_[vend - 1] == '\r') --vend;
            if (v > vend) v = vend;
            std::size_t nend = colon;
            while (nend > p && is_wsp(text_[nend - 1])) --nend;
            field_ = header_field{text_.substr(p, nend - p), text_.substr(v, vend - v), base_ + p};
            at_ = p;
            return;
        }
        at_ = text_.size();
        next_ = at_;
    }

private:
    // Position after the line end of the line starting at p.
    std::size_t line_after(std::size_t p) const noexcept {
        std::size_t nl = text_.find('\n', p);
        return nl == std::string_view::npos ? text_.size() : nl + 1;
    }

    std::string_view text_;
    std::size_t base_ = 0;
    std::size_t next_ = 0;
    std::size_t at_ = 0;
    header_field field_{};
};
}  // namespace detail

/// The header lines of one entity, checked by parse_headers(); a lazy forward range of fields.
class header_block {
public:
    /// The iterator over the items.
    using iterator = smsgw::detail::lazy_iterator<detail::field_cursor>;

    header_block() noexcept = default;
    /// `text`: the field lines with their line ends, without the blank line; `base`: its offset in the input.
    header_block(std::string_view text, std::size_t base) noexcept : text_(text), base_(base) {}

    /// The first item.
    iterator begin() const noexcept { return iterator(detail::field_cursor(text_, base_, 0)); }
    /// Past the last item.
    iterator end() const noexcept { return iterator(detail::field_cursor(text_, base_, text_.size())); }
    /// Whether there is no field.
    bool empty() const noexcept { return begin() == end(); }
    /// The block's text.
    std::string_view text() const noexcept { return text_; }
    /// Its offset in the input.
    std::size_t offset() const noexcept { return base_; }

    /// The first field of that name (ASCII case-insensitive), if any.
    std::optional<header_field> find(std::string_view name) const noexcept {
        for (const header_field& f : *this)
            if (smsgw::detail::mime::iequals(f.name, name)) return f;
        return std::nullopt;
    }
    /// The raw value of the first field of that name, empty when absent.
    std::string_view value(std::string_view name) const noexcept {
        auto f = find(name);
        return f ? f->value : std::string_view();
    }
    /// How many fields are called `name` (any case).
    std::size_t count(std::string_view name) const noexcept {
        std::size_t n = 0;
        for (const header_field& f : *this)
            if (smsgw::detail::mime::iequals(f.name, name)) ++n;
        return n;
    }

private:
    std::string_view text_;
    std::size_t base_ = 0;
};

/// Reads the header block at the start of `in` up to the blank line that ends it. On success
/// `offset` is where the body starts (in.size() when there is no blank line: no body).
/// Strict: every line is `name: value` or a continuation, lines end with CRLF.
/// Tolerant: LF alone ends a line too; a line that is not a field ends the block there (the
/// body starts at it); blanks before the colon are allowed. `base` is added to every offset.
inline result parse_headers(std::string_view in, header_block& out, const options& opt = {},
                            defect_log* log = nullptr, std::size_t base = 0) noexcept {
    using namespace smsgw::detail::mime;
    std::size_t pos = 0, fields = 0;
    bool counted_too_many = false;
    while (pos < in.size()) {
        std::size_t nl = in.find('\n', pos);
        std::size_t after = nl == std::string_view::npos ? in.size() : nl + 1;
        std::size_t line_end = nl == std::string_view::npos ? in.size() : nl;
        if (nl != std::string_view::npos) {
            if (nl > pos && in[nl - 1] == '\r')
                --line_end;
            else if (opt.m == mode::strict)
                return fail(errc::bare_line_feed, base + nl);
        }
        if (line_end == pos) {  // the blank line
            out = header_block(in.substr(0, pos), base);
            return result{errc{}, after};
        }
        if (is_wsp(in[pos])) {
            if (fields == 0)
                if (auto r = detail::report(opt.m, log, defect_kind::continuation_first, base + pos); !r) return r;
            pos = after;
            continue;
        }
        std::size_t i = pos;
        while (i < line_end && is_ftext(in[i])) ++i;
        std::size_t name_end = i;
        if (opt.m == mode::tolerant)
            while (i < line_end && is_wsp(in[i])) ++i;
        if (i == line_end || in[i] != ':' || name_end == pos) {
            if (opt.m == mode::strict) return fail(errc::bad_header, base + (i < line_end ? i : pos));
            if (log) log->add(defect_kind::missing_header_separator, base + pos);
            out = header_block(in.substr(0, pos), base);
            return result{errc{}, pos};
        }
        if (++fields > opt.lim.max_headers && !counted_too_many) {
            if (auto r = detail::report(opt.m, log, defect_kind::too_many_headers, base + pos); !r) return r;
            counted_too_many = true;
        }
        pos = after;
    }
    out = header_block(in, base);
    return result{errc{}, in.size()};
}

/// Unfolds a raw value (RFC 5322 §2.2.3): every line end followed by a blank is removed, the
/// blank kept. Success: offset = bytes written.
inline result unfold(std::string_view raw, writer& out) noexcept {
    const std::size_t before = out.size();
    std::size_t start = 0;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\r' && raw[i] != '\n') continue;
        out.write(raw.substr(start, i - start));
        if (raw[i] == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
        start = i + 1;
    }
    out.write(raw.substr(start));
    if (out.overflowed()) return out.finish();
    return result{errc{}, out.size() - before};
}

}  // namespace smsgw::mime
