#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/percent.hpp"
#include "smsgw/codec/xml_reader.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

namespace smsgw::codec::xml {

/// Well-formed XML 1.0 into a smsgw::writer, in one pass over the caller's values:
///
///     smsgw::writer out(buffer);
///     xml::writer x(out);
///     x.declaration().start("mms").element("mmsTitle", title_percent).start("mmsPictureContent")
///      .base64_text(jpeg).end("mmsPictureContent").end("mms");
///     smsgw::result r = x.finish();
///
/// A start tag stays open for attribute() until content or end() follows; an element ended with
/// nothing in it is written `<name/>`. Text and attribute values are escaped: the five
/// characters & < > " ' as the predefined entities (§4.6), CR as &#13; (so that §2.11 does not
/// turn it into LF when read), and in attribute values tab and LF as &#9; &#10; (so that §3.3.3
/// does not turn them into spaces). base64_text() and percent_text() encode the caller's bytes
/// straight into the output (their alphabets need no escaping). Run on a smsgw::writer without
/// a buffer, the same calls measure the document (and encode nothing).
///
/// Nothing is replaced: the first mistake sticks, later calls do nothing and finish() reports
/// it. Offsets in the string passed: invalid_utf8; bad_character (a character §2.2 forbids,
/// "?>" in a PI's data); bad_name (a name that is not §2.3 Name, a PI target 'xml'); bad_comment
/// ("--" in a comment or one ending in '-'). Offsets of the output size at the faulty call:
/// bad_attribute (an attribute after the tag's content began), duplicate_field,
/// too_many_attributes (more than max_attribute_limit), too_deep (more than max_depth),
/// mismatched_tag (end() of another name than the open element's), unbalanced (end() with
/// nothing open), outside_root (text or a second root element outside the root), bad_declaration
/// (the declaration not first), truncated and missing_root (finish() with elements open, or
/// without a root). Open names and attribute names are remembered by a 64-bit FNV-1a hash, not
/// a copy: the caller's strings need not outlive the call.
class writer {
public:
    /// The deepest nesting of elements.
    static constexpr std::size_t max_depth = 64;

    /// Writes to `out`.
    explicit writer(smsgw::writer& out) noexcept : out_(&out) {}

    /// <?xml version="1.0" encoding="UTF-8"?>, first or not at all.
    writer& declaration() noexcept {
        if (!err_.ok()) return *this;
        if (out_->size() != start_size_ || started_) return error(errc::bad_declaration, out_->size());
        out_->write(std::string_view("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        started_ = true;
        return *this;
    }

    /// Opens an element.
    writer& start(std::string_view name) noexcept {
        if (!content()) return *this;
        if (done_) return error(errc::outside_root, out_->size());
        if (depth_ == max_depth) return error(errc::too_deep, out_->size());
        if (!check_name(name)) return *this;
        out_->put('<');
        out_->write(name);
        open_[depth_++] = hash(name);
        in_tag_ = true;
        attributes_ = 0;
        started_ = true;
        return *this;
    }

    /// An attribute of the element just opened; duplicate_field for a name written twice.
    writer& attribute(std::string_view name, std::string_view value) noexcept {
        if (!err_.ok()) return *this;
        if (!in_tag_) return error(errc::bad_attribute, out_->size());
        if (!check_name(name)) return *this;
        const std::uint64_t h = hash(name);
        for (std::size_t i = 0; i < attributes_; ++i) {
            if (names_[i] == h) return error(errc::duplicate_field, out_->size());
        }
        if (attributes_ == max_attribute_limit) return error(errc::too_many_attributes, out_->size());
        names_[attributes_++] = h;
        out_->put(' ');
        out_->write(name);
        out_->write("=\"", 2);
        if (escape(value, true)) out_->put('"');
        return *this;
    }

    /// Character data, escaped.
    writer& text(std::string_view utf8) noexcept {
        if (in_content()) escape(utf8, false);
        return *this;
    }

    /// The base64 of `data` as character data: base64::encoded_size(data.size(), {abc, pad}) bytes.
    writer& base64_text(bytes data, base64::alphabet abc = base64::alphabet::standard, bool pad = true) noexcept {
        if (in_content()) base64::encode(data, *out_, {abc, pad, 0});
        return *this;
    }

    /// The percent-encoding of `data` as character data (5C's URL-encoded title and text inside
    /// the XML): percent::encoded_size(data, st) bytes.
    writer& percent_text(bytes data, percent::style st) noexcept {
        if (in_content()) percent::encode(data, *out_, st);
        return *this;
    }

    /// <!--text-->, anywhere but inside a tag.
    writer& comment(std::string_view text) noexcept {
        if (!content()) return *this;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '-' && (i + 1 == text.size() || text[i + 1] == '-')) return error(errc::bad_comment, i);
        }
        if (!check_chars(text)) return *this;
        out_->write("<!--", 4);
        out_->write(text);
        out_->write("-->", 3);
        started_ = true;
        return *this;
    }

    /// <?target data?>, anywhere but inside a tag.
    writer& processing_instruction(std::string_view target, std::string_view data) noexcept {
        if (!content()) return *this;
        if (!check_name(target)) return *this;
        if (target.size() == 3 && (target[0] | 0x20) == 'x' && (target[1] | 0x20) == 'm' && (target[2] | 0x20) == 'l')
            return error(errc::bad_name, 0);
        if (const std::size_t at = data.find("?>"); at != std::string_view::npos) return error(errc::bad_character, at);
        if (!check_chars(data)) return *this;
        out_->write("<?", 2);
        out_->write(target);
        if (!data.empty()) {
            out_->put(' ');
            out_->write(data);
        }
        out_->write("?>", 2);
        started_ = true;
        return *this;
    }

    /// Ends the open element, which must be called `name`.
    writer& end(std::string_view name) noexcept {
        if (!err_.ok()) return *this;
        if (depth_ == 0) return error(errc::unbalanced, out_->size());
        if (open_[depth_ - 1] != hash(name)) return error(errc::mismatched_tag, out_->size());
        --depth_;
        if (in_tag_) {
            out_->write("/>", 2);
            in_tag_ = false;
        } else {
            out_->write("</", 2);
            out_->write(name);
            out_->put('>');
        }
        if (depth_ == 0) done_ = true;
        return *this;
    }

    /// `<name>text</name>`.
    writer& element(std::string_view name, std::string_view utf8) noexcept { return start(name).text(utf8).end(name); }

    /// The first error, or the outcome of the output writer (its size, or buffer_too_small with
    /// the size needed) once the root element is complete.
    result finish() const noexcept {
        if (!err_.ok()) return err_;
        if (depth_ != 0) return fail(errc::truncated, out_->size());
        if (!done_) return fail(errc::missing_root, out_->size());
        return out_->finish();
    }

    /// Whether no mistake was made so far.
    bool ok() const noexcept { return err_.ok(); }
    /// Elements open.
    std::size_t depth() const noexcept { return depth_; }

private:
    writer& error(errc e, std::size_t at) noexcept {
        err_ = fail(e, at);
        return *this;
    }

    static std::uint64_t hash(std::string_view s) noexcept {
        std::uint64_t h = 0xcbf29ce484222325u;
        for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3u;
        return h;
    }

    // Before markup or text: closes a start tag left open for attributes.
    bool content() noexcept {
        if (!err_.ok()) return false;
        if (in_tag_) {
            out_->put('>');
            in_tag_ = false;
        }
        return true;
    }

    bool in_content() noexcept {
        if (!content()) return false;
        if (depth_ == 0) {
            error(errc::outside_root, out_->size());
            return false;
        }
        return true;
    }

    bool check_name(std::string_view name) noexcept {
        const char* const b = name.data();
        const detail::stop s = detail::name_end(b, b + name.size(), name.size());
        // A whole Name ends at the end of the string (truncated there); anything before is bad.
        if (s.ec == errc::truncated && !name.empty()) return true;
        error(s.ec == errc::invalid_utf8 ? errc::invalid_utf8 : errc::bad_name, static_cast<std::size_t>(s.at - b));
        return false;
    }

    // Checks that s holds only Chars (§2.2).
    bool check_chars(std::string_view s) noexcept {
        const char* const b = s.data();
        const char* const e = b + s.size();
        bool cr = false;
        for (const char* p = b;;) {
            p = detail::skip_plain<>(p, e);
            if (p == e) return true;
            const detail::stop st = detail::other_char(p, e, cr);
            if (st.ec != errc{}) {
                error(st.ec, static_cast<std::size_t>(p - b));
                return false;
            }
            p = st.at;
        }
    }

    // Writes s escaped; false (and the error recorded) at a byte that is no Char.
    bool escape(std::string_view s, bool attribute) noexcept {
        const char* const b = s.data();
        const char* const e = b + s.size();
        const char* run = b;
        const char* p = b;
        bool cr = false;
        for (;;) {
            p = detail::skip_plain<'&', '<', '>', '"', '\''>(p, e);
            if (p == e) break;
            std::string_view entity;
            switch (*p) {
            case '&': entity = "&amp;"; break;
            case '<': entity = "&lt;"; break;
            case '>': entity = "&gt;"; break;
            case '"': entity = "&quot;"; break;
            case '\'': entity = "&apos;"; break;
            case '\r': entity = "&#13;"; break;
            case '\t': entity = attribute ? "&#9;" : ""; break;
            case '\n': entity = attribute ? "&#10;" : ""; break;
            default: {
                const detail::stop st = detail::other_char(p, e, cr);
                if (st.ec != errc{}) {
                    error(st.ec, static_cast<std::size_t>(p - b));
                    return false;
                }
                p = st.at;
                continue;
            }
            }
            if (entity.empty()) {
                ++p;
                continue;
            }
            out_->write(run, static_cast<std::size_t>(p - run));
            out_->write(entity);
            run = ++p;
        }
        out_->write(run, static_cast<std::size_t>(e - run));
        return true;
    }

    smsgw::writer* out_;
    std::size_t start_size_ = out_->size();  // where the document begins in the output
    std::uint64_t open_[max_depth] = {};     // hashes of the open elements' names
    std::uint64_t names_[max_attribute_limit] = {};  // hashes of the open tag's attribute names
    std::size_t depth_ = 0;
    std::size_t attributes_ = 0;
    bool in_tag_ = false;   // a start tag is open for attributes
    bool started_ = false;  // something is written
    bool done_ = false;     // the root element is complete
    result err_{};
};

}  // namespace smsgw::codec::xml
