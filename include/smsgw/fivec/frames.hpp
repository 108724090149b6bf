#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsgw/charset/convert.hpp"
#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/decimal.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/detail/lazy_iterator.hpp"

// The frame string of caixin_send's `content` (§2.3): elements `<frame>_<kind>.<ext>,<base64>`
// separated by ';', frames numbered from 1, each frame its text (kind 1, `txt`), image (2, `gif`
// or `jpg`) and audio (3, `mid` or `amr`) in that order, any of them left out:
//     1_1.txt,5L2g5aW9;1_2.gif,R0lGODlh...;2_1.txt,...
// Built from the caller's bytes, base64-encoded straight into the output; read lazily, each
// element's content decoded on request. Real senders depart from §2.3 in three ways
// (vendors.md pitfall 6 and the one public 5C sender): the string begins with ';', ends with
// ';', or a frame's text and image are glued with no ';' between them. Strict mode refuses each
// with its offset; tolerant mode reads each.
namespace smsgw::fivec {

/// The file types of §2.3 and their kinds (文本类型 1, 图片类型 2, 音频类型 3).
enum class file_type : unsigned char { txt, gif, jpg, mid, amr };
/// A file's kind, as the frame string numbers it.
enum class frame_kind : unsigned char { text = 1, image = 2, audio = 3 };

/// The kind of a file type.
constexpr frame_kind kind_of(file_type t) noexcept {
    return t == file_type::txt ? frame_kind::text
           : t == file_type::gif || t == file_type::jpg ? frame_kind::image
                                                         : frame_kind::audio;
}
/// The file extension of a type.
constexpr std::string_view extension(file_type t) noexcept {
    constexpr std::string_view names[] = {"txt", "gif", "jpg", "mid", "amr"};
    return names[static_cast<unsigned>(t)];
}

/// One file to send: its frame (from 1) and type, and its bytes (text in the request's
/// `encode`, UTF-8 unless gbk), viewed, not copied.
struct frame_file {
    /// The frame the file belongs to, from 1.
    std::uint32_t frame = 1;
    /// The file's type.
    file_type type = file_type::txt;
    /// The file's bytes.
    bytes content;
};

/// One element as read: a view into the frame string.
struct element {
    /// The frame, from 1.
    std::uint32_t frame = 0;
    /// Text or a picture.
    frame_kind kind = frame_kind::text;
    /// The file's type.
    file_type type = file_type::txt;
    std::string_view name;  ///< `1_2.gif` as sent
    std::string_view data;  ///< the base64 text as sent
    std::size_t offset = 0;  ///< of name in the frame string
};

namespace detail {

inline constexpr std::size_t max_frame_digits = 6;

// What may follow element `prev` (frame, kind): the same frame with a later kind, or the next
// frame; the first element is frame 1.
constexpr bool follows(std::uint32_t frame, frame_kind kind, std::uint32_t prev_frame, frame_kind prev_kind) noexcept {
    return (frame == prev_frame && kind > prev_kind) || frame == prev_frame + 1;
}

// The bytes of base64 text, '=' included.
struct base64_class {
    bool in[256] = {};
    constexpr base64_class() noexcept {
        for (unsigned c = 0; c < 128; ++c) {
            const char ch = static_cast<char>(c);
            in[c] = codec::ascii::is_alpha(ch) || codec::ascii::is_digit(ch) || ch == '+' || ch == '/' || ch == '=';
        }
    }
};
inline constexpr base64_class base64_chars{};

constexpr bool is_b64(char c) noexcept { return base64_chars.in[static_cast<unsigned char>(c)]; }

// Reads `<frame>_<kind>.<ext>` at `pos` up to its ',': the element's numbers and type, pos
// after the ','. Errors at the byte at fault: bad_character ("name"), out_of_range ("frame"
// past 6 digits or 0, "kind" not 1 to 3, "ext" not one of the kind's).
inline result read_name(std::string_view s, std::size_t& pos, element& e) noexcept {
    const std::size_t start = pos;
    std::size_t i = pos;
    while (i < s.size() && codec::ascii::is_digit(s[i])) ++i;
    if (i == start || s[start] == '0') return fail(i == start ? errc::bad_character : errc::out_of_range, start, "frame");
    if (i - start > max_frame_digits) return fail(errc::out_of_range, start, "frame");
    std::uint32_t frame = 0;
    codec::decimal::parse(s.substr(start, i - start), frame);
    if (i >= s.size() || s[i] != '_') return fail(errc::bad_character, i, "name");
    if (++i >= s.size() || s[i] < '1' || s[i] > '3') return fail(i < s.size() && codec::ascii::is_digit(s[i]) ? errc::out_of_range : errc::bad_character, i, "kind");
    const auto kind = static_cast<frame_kind>(s[i] - '0');
    if (++i >= s.size() || s[i] != '.') return fail(errc::bad_character, i, "name");
    const std::size_t ext_at = ++i;
    while (i < s.size() && s[i] != ',' && s[i] != ';' && i - ext_at < 3) ++i;
    const std::string_view ext = s.substr(ext_at, i - ext_at);
    bool known = false;
    for (unsigned t = 0; t <= static_cast<unsigned>(file_type::amr); ++t) {
        if (extension(static_cast<file_type>(t)) == ext && kind_of(static_cast<file_type>(t)) == kind) {
            e.type = static_cast<file_type>(t);
            known = true;
        }
    }
    if (!known) return fail(errc::out_of_range, ext_at, "ext");
    if (i >= s.size() || s[i] != ',') return fail(errc::bad_character, i, "name");
    e.frame = frame;
    e.kind = kind;
    e.name = s.substr(start, i - start);
    pos = i + 1;
    return {};
}

// Where the glued name of the next element starts inside a run of base64 `run` that a '_'
// ends: after the last whole quad before the run's trailing digits (at most 6 of them), or
// npos when the run is not data followed by a frame number.
inline std::size_t glued_at(std::string_view run) noexcept {
    std::size_t digits = 0;
    while (digits < run.size() && digits < max_frame_digits && codec::ascii::is_digit(run[run.size() - 1 - digits])) ++digits;
    for (std::size_t d = 1; d <= digits; ++d) {
        const std::size_t cut = run.size() - d;
        if (cut != 0 && cut % 4 == 0 && run[cut] != '0') return cut;
    }
    return std::string_view::npos;
}

class frame_cursor {
public:
    using value_type = element;

    constexpr frame_cursor() noexcept = default;
    frame_cursor(std::string_view s, mode m, result* sink) noexcept : s_(s), m_(m), sink_(sink), at_(0) { advance(); }

    const element& current() const noexcept { return e_; }
    constexpr std::size_t position() const noexcept { return at_; }

    void advance() noexcept {
        const bool strict = m_ == mode::strict;
        for (;;) {
            if (done_) return stop({});
            if (next_ == s_.size() || s_[next_] == ';') {  // an empty element
                if (strict) return stop(fail(errc::empty_field, next_, "element"));
                if (next_ == s_.size()) return stop(count_ == 0 ? fail(errc::empty_field, 0, "element") : result{});
                ++next_;
                continue;
            }
            break;
        }
        element e;
        e.offset = next_;
        std::size_t pos = next_;
        if (result r = read_name(s_, pos, e); !r) return stop(r);
        if (!(count_ == 0 ? e.frame == 1 : follows(e.frame, e.kind, e_.frame, e_.kind))) {
            return stop(fail(errc::out_of_range, e.offset, "frame"));
        }
        const std::size_t data_at = pos;
        while (pos < s_.size() && is_b64(s_[pos])) ++pos;
        e.data = s_.substr(data_at, pos - data_at);
        if (pos == s_.size()) {
            done_ = true;
        } else if (s_[pos] == ';') {
            next_ = pos + 1;
        } else {
            const std::size_t cut = s_[pos] == '_' ? glued_at(e.data) : std::string_view::npos;
            if (cut == std::string_view::npos) return stop(fail(errc::bad_character, pos, "data"));
            if (strict) return stop(fail(errc::bad_character, data_at + cut, "element"));  // a ';' is missing
            e.data = e.data.substr(0, cut);
            next_ = data_at + cut;
        }
        if (e.data.empty() && strict) return stop(fail(errc::empty_field, data_at, "data"));
        e_ = e;
        at_ = e.offset;
        ++count_;
    }

private:
    static constexpr std::size_t end_mark = static_cast<std::size_t>(-1);
    void stop(result r) noexcept {
        at_ = end_mark;
        done_ = true;
        if (!r && sink_ != nullptr) *sink_ = r;
    }

    std::string_view s_;
    mode m_ = mode::strict;
    result* sink_ = nullptr;
    element e_{};
    std::size_t at_ = end_mark;
    std::size_t next_ = 0;
    std::size_t count_ = 0;
    bool done_ = false;
};

}  // namespace detail

/// The elements of a frame string, read lazily as the range is walked; the first error stops the
/// walk and stays in error(). Errors, offsets in the frame string:
///   empty_field "element" (strict) at an empty element: the string empty or beginning with ';',
///     `;;`, a trailing ';' (offset: the string's end); tolerant mode skips them, but a string
///     of no element at all is empty_field at 0 in both modes;
///   bad_character "element" (strict) where a glued element's name begins (a ';' is missing
///     between `...data` and `1_2.gif,`: recognised when the data before it is whole base64
///     quads); tolerant mode reads both elements;
///   the name's errors (read_name: bad_character "name", out_of_range "frame", "kind", "ext");
///   out_of_range "frame" at an element out of order (the first not frame 1, a kind not after
///     the one before in its frame, a frame number skipped or going back), both modes;
///   bad_character "data" at a byte that is not base64; empty_field "data" (strict) for `1_1.txt,`.
/// The base64 itself is checked when an element is decoded.
class frames {
public:
    /// The iterator over the items.
    using iterator = smsgw::detail::lazy_iterator<detail::frame_cursor>;

    constexpr frames() noexcept = default;
    /// The frames of `text`.
    explicit constexpr frames(std::string_view text, mode m = mode::strict) noexcept : text_(text), m_(m) {}

    /// The first item.
    iterator begin() const noexcept { return iterator(detail::frame_cursor(text_, m_, &error_)); }
    /// Past the last item.
    iterator end() const noexcept { return iterator(); }
    /// The first error met by an iteration.
    constexpr result error() const noexcept { return error_; }
    /// The text.
    constexpr std::string_view text() const noexcept { return text_; }

    /// Walks the whole string: success with `count` elements, offset = the string's size.
    result validate(std::size_t& count) const noexcept {
        count = 0;
        for (auto it = begin(); it != end(); ++it) ++count;
        if (!error_) return error_;
        return {errc{}, text_.size()};
    }
    /// As validate(count), without the count.
    result validate() const noexcept {
        std::size_t n = 0;
        return validate(n);
    }

private:
    std::string_view text_;
    mode m_ = mode::strict;
    mutable result error_;
};

/// An element's bytes, base64-decoded (strict RFC 4648: codec::base64's errors, offsets in
/// e.data): at most codec::base64::decoded_size_max(e.data.size()).
inline result decode_content(const element& e, writer& out) noexcept { return codec::base64::decode(e.data, out); }

/// A text element as UTF-8: its bytes in `text_encoding` (utf8, or gbk for `encode=gbk`)
/// converted by smsgw::charset; `scratch` holds the decoded bytes (decoded_size_max of the
/// data). Errors: wrong_type for an element that is not text; buffer_too_small when scratch is
/// short (offset: its size needed); the base64 errors; the charset's (strict: invalid_utf8 or
/// bad_sequence at the offset in the decoded bytes; tolerant: U+FFFD written instead).
inline result decode_text(const element& e, charset::encoding text_encoding, writer& out, mutable_bytes scratch,
                          mode m = mode::strict) noexcept {
    if (e.kind != frame_kind::text) return fail(errc::wrong_type, e.offset, "kind");
    const std::size_t need = codec::base64::decoded_size_max(e.data.size());
    if (scratch.size() < need) return fail(errc::buffer_too_small, need);
    writer raw(scratch);
    if (result r = decode_content(e, raw); !r) return r;
    return charset::decode(text_encoding, bytes(scratch.data(), raw.size()), out, m);
}

/// The frame string of the caller's files, each base64-encoded straight into the output.
struct frame_string {
    /// The files, in order.
    span<const frame_file> files;
};

/// Refused before anything is written: no file (empty_field "element", 0); a file out of order
/// (out_of_range "frame", offset: its index; the first must be frame 1, then as frames reads
/// them); an empty file (empty_field "data", its index). Success: the bytes written, or
/// buffer_too_small with the size needed.
inline result encode(const frame_string& fs, writer& out) noexcept {
    if (fs.files.empty()) return fail(errc::empty_field, 0, "element");
    for (std::size_t i = 0; i < fs.files.size(); ++i) {
        const frame_file& f = fs.files[i];
        const frame_file* prev = i == 0 ? nullptr : &fs.files[i - 1];
        const bool ordered = prev == nullptr ? f.frame == 1 : detail::follows(f.frame, kind_of(f.type), prev->frame, kind_of(prev->type));
        if (!ordered || f.frame > 999999) return fail(errc::out_of_range, i, "frame");
        if (f.content.empty()) return fail(errc::empty_field, i, "data");
    }
    for (std::size_t i = 0; i < fs.files.size(); ++i) {
        const frame_file& f = fs.files[i];
        if (i != 0) out.put(';');
        out.write(codec::decimal::format(f.frame).view());
        out.put('_');
        out.put(static_cast<char>('0' + static_cast<int>(kind_of(f.type))));
        out.put('.');
        out.write(extension(f.type));
        out.put(',');
        codec::base64::encode(f.content, out);
    }
    return out.finish();
}

}  // namespace smsgw::fivec
