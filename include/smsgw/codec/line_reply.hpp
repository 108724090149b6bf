#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/detail/lazy_iterator.hpp"

/// Line-based answers, as the HTTP SMS platform gives them (cmpp2-and-http-sms-platform.txt
/// §9.3 `resptime,respstatus` then `msgid`, §11.3 one line per product, §12.3, §13.3): a lazy
/// range of lines, a reply described as a sequence of named parts so that a field is reached by
/// what it means and never by its line index, and a writer of lines for a gateway simulator.
///
/// Every reader splits on LF, CRLF and lone CR, skips one leading UTF-8 BOM and ignores the
/// blank lines at the end (in both modes: they carry no content). Strict decoding also wants the
/// line end the spec documents (§9.3.1: LF, 0x0a) and no blank line in the middle; tolerant
/// decoding takes what ../shared/notes/vendors.md (pitfall 1) says real servers send: any of the
/// three line ends, mixed, and blank lines anywhere; lines past the reply's shape are kept
/// apart instead of refused (pitfall 2: failures drop or add lines).
namespace smsgw::codec::lines {

/// Strict or tolerant reading.
using mode = smsgw::mode;

/// What ended a line in the input.
enum class terminator : unsigned char {
    none,  ///< the input ended
    lf,
    crlf,
    cr,    ///< a CR not followed by LF
};

/// The line end a spec documents: what strict decoding requires and what the writer writes.
enum class ending : unsigned char {
    lf,    ///< the SMS platform (§9.3.1)
    crlf,
    any,   ///< the spec says nothing: any of the three is right (the writer writes LF)
};

/// The byte order mark readers skip.
inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

/// One line: its text without the line end, and where it is.
struct line {
    /// The line without its terminator.
    std::string_view text;
    std::size_t offset = 0;  ///< of text[0] in the whole input (a BOM counts)
    /// How the line ended.
    lines::terminator end = terminator::none;
};

/// Whether a range shows blank lines in the middle of the input (those at the end never show).
enum class blank_lines : unsigned char { keep, skip };

namespace detail {

constexpr bool is_break(char c) noexcept { return c == '\n' || c == '\r'; }

// Where the content begins: after a UTF-8 BOM, if there is one.
constexpr std::size_t content_begin(std::string_view s) noexcept {
    return ascii::starts_with(s, utf8_bom) ? utf8_bom.size() : 0;
}

// Where the content ends: after its last byte that is not CR or LF (never before `from`).
constexpr std::size_t content_end(std::string_view s, std::size_t from) noexcept {
    std::size_t e = s.size();
    while (e > from && is_break(s[e - 1])) --e;
    return e;
}

// The first CR or LF at or after `from`, or s.size(). Eight bytes at a time: a word none of whose
// bytes is below 0x0E holds no line end (digits, letters, commas and UTF-8 all pass at once);
// a word that has one is looked at byte by byte.
inline std::size_t find_break(std::string_view s, std::size_t from) noexcept {
    constexpr std::uint64_t ones = 0x0101010101010101u;
    const char* p = s.data();
    while (s.size() - from >= 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, p + from, 8);
        if (((w - 0x0E * ones) & ~w & 0x80 * ones) != 0) {
            for (const std::size_t stop = from + 8; from < stop; ++from) {
                if (is_break(p[from])) return from;
            }
        } else {
            from += 8;
        }
    }
    for (; from < s.size(); ++from) {
        if (is_break(p[from])) break;
    }
    return from;
}

}  // namespace detail

namespace detail {

// Walks the lines of `in` from a line's start to `stop`, the end of the last line's text: the
// cursor of smsgw::detail::lazy_iterator.
class line_cursor {
public:
    using value_type = line;

    constexpr line_cursor() noexcept = default;
    line_cursor(std::string_view in, std::size_t from, std::size_t stop, bool skip) noexcept
        : in_(in), stop_(stop), skip_(skip) {
        load(from);
    }

    constexpr const line& current() const noexcept { return current_; }
    void advance() noexcept { load(next_); }
    constexpr std::size_t position() const noexcept { return at_; }

private:
    static constexpr std::size_t end_mark = std::string_view::npos;

    // The first line starting at or after `from` (the first non-blank one when skipping).
    void load(std::size_t from) noexcept {
        for (;;) {
            if (from >= stop_) {
                at_ = end_mark;
                current_ = line{};
                return;
            }
            const std::size_t brk = find_break(in_, from);
            terminator t = terminator::none;
            std::size_t next = brk;
            if (brk < in_.size()) {
                if (in_[brk] == '\n') {
                    t = terminator::lf;
                    next = brk + 1;
                } else if (brk + 1 < in_.size() && in_[brk + 1] == '\n') {
                    t = terminator::crlf;
                    next = brk + 2;
                } else {
                    t = terminator::cr;
                    next = brk + 1;
                }
            }
            if (skip_ && brk == from) {
                from = next;
                continue;
            }
            current_ = line{in_.substr(from, brk - from), from, t};
            at_ = from;
            next_ = next;
            return;
        }
    }

    std::string_view in_;
    line current_;
    std::size_t at_ = end_mark;
    std::size_t next_ = 0;
    std::size_t stop_ = 0;
    bool skip_ = false;
};

}  // namespace detail

/// The lines of an input, found lazily as the range is walked; each a view into the input, line
/// ends excluded. A leading BOM is skipped, the blank lines at the end are not lines; the blank
/// lines in the middle are shown with blank_lines::keep, passed over with blank_lines::skip.
class range {
public:
    /// The iterator over the items.
    using iterator = smsgw::detail::lazy_iterator<detail::line_cursor>;

    constexpr range() noexcept = default;
    /// The lines of `in`; blank lines kept or skipped.
    constexpr explicit range(std::string_view in, blank_lines blanks = blank_lines::keep) noexcept
        : in_(in),
          begin_(detail::content_begin(in)),
          end_(detail::content_end(in, begin_)),
          skip_(blanks == blank_lines::skip) {}

    /// The first item.
    iterator begin() const noexcept { return iterator(detail::line_cursor(in_, begin_, end_, skip_)); }
    /// Past the last item.
    iterator end() const noexcept { return iterator(); }
    /// No line at all: the input is empty, or only a BOM and line ends.
    constexpr bool empty() const noexcept { return begin_ == end_; }
    /// The whole input the offsets refer to.
    constexpr std::string_view input() const noexcept { return in_; }
    /// The bytes the lines come from: from the first line's start to the end of the last one's text.
    ///@{
    constexpr std::size_t content_begin() const noexcept { return begin_; }
    constexpr std::size_t content_end() const noexcept { return end_; }
    ///@}

    /// The lines of `in` from offset `from` (the start of a line) to `to` (the end of a line's text).
    constexpr static range between(std::string_view in, std::size_t from, std::size_t to, blank_lines blanks) noexcept {
        range r;
        r.in_ = in;
        r.begin_ = from;
        r.end_ = to;
        r.skip_ = blanks == blank_lines::skip;
        return r;
    }

private:
    std::string_view in_;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    bool skip_ = false;
};

// ---- a reply as a sequence of named parts ----

/// How many lines a part takes.
enum class occurs : unsigned char {
    one,           ///< exactly one line: missing_field when there is none
    optional,      ///< the next line, if there is one (§9.3.1: no msgid line when respstatus is not 0)
    zero_or_more,  ///< every line left (§11.3: one line per product)
    one_or_more,   ///< every line left, at least one
};

/// One part of a reply's shape: its spec name, reported as result.field, and how many lines.
struct part {
    /// The spec's name of the part.
    const char* name = nullptr;
    /// How many lines it takes.
    occurs count = occurs::one;
};

namespace detail {
constexpr bool repeats(occurs c) noexcept { return c == occurs::zero_or_more || c == occurs::one_or_more; }
}  // namespace detail

/// Whether a shape can be matched: every part named, a repeated part only in the last place
/// (it takes every line left, so nothing after it would ever be filled). For static_assert.
template <std::size_t N>
constexpr bool well_formed(const part (&shape)[N]) noexcept {
    for (std::size_t k = 0; k < N; ++k) {
        if (shape[k].name == nullptr || (detail::repeats(shape[k].count) && k + 1 != N)) return false;
    }
    return true;
}

/// The lines one part took.
struct part_lines {
    const char* name = nullptr;  ///< the part's name in the shape
    std::size_t count = 0;       ///< lines taken
    line first;                  ///< the first of them (all a `one` or `optional` part has);
                                 ///< when there is none, empty text at offset in.size()
    range all;                   ///< every one of them, lazily

    /// Whether the part took a line.
    constexpr bool present() const noexcept { return count != 0; }
    /// The text of the part's (first) line, empty when it took none.
    constexpr std::string_view text() const noexcept { return first.text; }
};

/// A decoded reply: the lines of each part of its shape, in the shape's order.
template <std::size_t N>
struct reply {
    /// The parts, in order.
    part_lines parts[N];
    range extra;  ///< lines past the shape (tolerant mode; strict mode refuses them)

    /// Part k.
    constexpr const part_lines& operator[](std::size_t k) const noexcept { return parts[k]; }
    /// The part named `name`, or nullptr.
    constexpr const part_lines* find(std::string_view name) const noexcept {
        for (const part_lines& p : parts) {
            if (p.name != nullptr && name == p.name) return &p;
        }
        return nullptr;
    }
};

/// How a reply is read.
struct options {
    /// Strict or tolerant.
    lines::mode m = mode::strict;
    lines::ending documented = ending::lf;  ///< what strict mode requires
};

namespace detail {

// The line end of `l` against the documented one (strict mode): bad_character at a CR where
// LF is documented or at a lone CR where CRLF is; bare_line_feed at an LF where CRLF is.
constexpr result check_end(const line& l, ending documented, const char* field) noexcept {
    const std::size_t at = l.offset + l.text.size();
    switch (documented) {
    case ending::any: return {};
    case ending::lf:
        if (l.end == terminator::crlf || l.end == terminator::cr) return fail(errc::bad_character, at, field);
        return {};
    case ending::crlf:
        if (l.end == terminator::lf) return fail(errc::bare_line_feed, at, field);
        if (l.end == terminator::cr) return fail(errc::bad_character, at, field);
        return {};
    }
    return {};
}

}  // namespace detail

/// Matches the lines of `in` to `shape` (well_formed), in order: each part takes the lines its
/// `occurs` allows, greedily. Success: offset = in.size(); out[k] holds part k's lines.
/// Errors, offsets in the whole input:
///   missing_field (offset in.size(), field = the part) when a `one` or `one_or_more` part got
///     no line;
/// strict mode only:
///   trailing_bytes at the start of a line past the shape (tolerant: kept in out.extra);
///   empty_field at a blank line in the middle (field = the part it would fill), or
///     trailing_bytes there when it is past the shape (tolerant: blank lines are skipped);
///   bad_character / bare_line_feed at a line end other than the documented one (check_end).
/// `out` is written only on success.
template <std::size_t N>
result decode(bytes in, const part (&shape)[N], reply<N>& out, options o = {}) noexcept {
    const std::string_view s = as_chars(in);
    const bool strict = o.m == mode::strict;
    const blank_lines blanks = strict ? blank_lines::keep : blank_lines::skip;
    const range all(s, blanks);
    reply<N> r;
    std::size_t last_end[N] = {};  // of each part's last line text
    for (std::size_t k = 0; k < N; ++k) r.parts[k].name = shape[k].name;
    std::size_t k = 0;
    for (const line& l : all) {
        while (k < N && r.parts[k].count != 0 && !detail::repeats(shape[k].count)) ++k;
        if (strict) {
            const char* field = k < N ? shape[k].name : nullptr;
            if (l.text.empty()) return fail(k < N ? errc::empty_field : errc::trailing_bytes, l.offset, field);
            if (k == N) return fail(errc::trailing_bytes, l.offset);
            if (const result e = detail::check_end(l, o.documented, field); !e) return e;
        } else if (k == N) {
            r.extra = range::between(s, l.offset, all.content_end(), blanks);
            break;
        }
        part_lines& p = r.parts[k];
        if (p.count++ == 0) p.first = l;
        last_end[k] = l.offset + l.text.size();
    }
    for (std::size_t j = 0; j < N; ++j) {
        part_lines& p = r.parts[j];
        if (p.count == 0) {
            if (shape[j].count == occurs::one || shape[j].count == occurs::one_or_more) {
                return fail(errc::missing_field, s.size(), shape[j].name);
            }
            p.first.offset = s.size();
            p.all = range::between(s, s.size(), s.size(), blanks);
        } else {
            p.all = range::between(s, p.first.offset, last_end[j], blanks);
        }
    }
    out = r;
    return {errc{}, s.size()};
}

// ---- writing ----

/// Writes lines one after another with the line end between them (none after the last, as the
/// spec's examples print them: `20110725160412,0\n1234567890100`); ending::any writes LF.
///   lines::builder(w).line("20110725160412,0").line(msgid).finish();
///   lines::builder(w).line({time, ",", status}).finish();   // one line from pieces
/// A line that could not be read back as written is refused and nothing more is written; the
/// offset is that of the byte at fault in this encoding (from where the builder started):
///   bad_character at a CR or LF inside a line, or at the start of a first line that begins
///     with a UTF-8 BOM (a reader skips it);
///   empty_field at an empty line (a reader refuses or skips it).
class builder {
public:
    /// Writes to `out`, lines ended as `e` says.
    explicit builder(smsgw::writer& out, ending e = ending::lf) noexcept
        : out_(out), start_(out.size()), crlf_(e == ending::crlf) {}

    /// One line.
    builder& line(std::string_view text) noexcept { return line({text}); }

    /// One line made of `pieces`, written one after another.
    builder& line(std::initializer_list<std::string_view> pieces) noexcept {
        if (!error_.ok()) return *this;
        const std::size_t at = out_.size() - start_ + (first_ ? 0 : (crlf_ ? 2 : 1));
        std::size_t n = 0;
        for (std::string_view piece : pieces) {
            for (std::size_t i = 0; i < piece.size(); ++i) {
                if (detail::is_break(piece[i])) {
                    error_ = fail(errc::bad_character, at + n + i);
                    return *this;
                }
            }
            n += piece.size();
        }
        if (n == 0) {
            error_ = fail(errc::empty_field, at);
            return *this;
        }
        if (first_ && starts_with_bom(pieces)) {
            error_ = fail(errc::bad_character, at);
            return *this;
        }
        if (!first_) out_.write(crlf_ ? std::string_view("\r\n") : std::string_view("\n"));
        first_ = false;
        for (std::string_view piece : pieces) out_.write(piece);
        return *this;
    }

    /// The first refusal, or the writer's outcome: total size written, or buffer_too_small
    /// with the size needed.
    result finish() const noexcept { return error_.ok() ? out_.finish() : error_; }

private:
    // Whether the concatenated pieces begin with the three bytes of a BOM.
    static bool starts_with_bom(std::initializer_list<std::string_view> pieces) noexcept {
        std::size_t matched = 0;
        for (std::string_view piece : pieces) {
            for (char c : piece) {
                if (c != utf8_bom[matched]) return false;
                if (++matched == utf8_bom.size()) return true;
            }
        }
        return false;
    }

    smsgw::writer& out_;
    std::size_t start_;
    bool crlf_;
    bool first_ = true;
    result error_{};
};

/// The caller's lines, written by a builder: `smsgw::writer measure; write(lines, measure)`
/// gives the size. Errors as builder.
inline result write(span<const std::string_view> text, smsgw::writer& out, ending e = ending::lf) noexcept {
    builder b(out, e);
    for (std::string_view l : text) b.line(l);
    return b.finish();
}

}  // namespace smsgw::codec::lines
