#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <string_view>
#include <utility>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/inline.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/writer.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Delimited lists: records separated by one byte, fields by another. Hezhong's `rpts` and `mos`
/// (`;` between records, `,` between fields, at most 500 records), 5C's report lists (every
/// record ended by `;`), the SMS platform's HttpVarSM `params`, IMSP's query_batch entries and
/// send_mms failures. Read lazily, one pass that validates as it iterates; written from the
/// caller's own arrays, refusing what would not read back the same.
namespace smsgw::codec::delimited {

/// No limit on the fields of a record.
inline constexpr std::size_t unlimited = static_cast<std::size_t>(-1);

/// Blanks dropped around each field when it is read.
enum class trimming : unsigned char {
    none,    ///< fields exactly as sent
    blanks,  ///< SP and HT (HttpVarSM `2015-01-01, 成园温泉山庄门票`, IMSP `2, Submitted to MMSC`)
    space,   ///< SP, HT, CR, LF, FF: IMSP wraps its description, `2, \r\nSubmitted to MMSC`
};

/// What a CR or LF left inside a record means in tolerant mode (strict mode refuses it).
enum class line_breaks : unsigned char {
    separate,  ///< ends the record, as the record separator does (LF, CRLF and lone CR alike)
    keep,      ///< stays in the field's bytes (Hezhong's spec example breaks `200904220946\n20`)
    refuse,    ///< bad_character, as in strict mode
};

/// How one list is written. Declared once per list, constexpr:
///     inline constexpr delimited::format rpts{';', ',', 4, 5};
/// and refined with the with_ functions (each returns a changed copy).
struct format {
    /// Between records.
    char record_separator = ';';
    /// Between the fields of a record.
    char field_separator = ',';
    std::size_t min_fields = 1;          ///< at least 1
    std::size_t max_fields = unlimited;  ///< at least min_fields
    /// Strict or tolerant reading.
    smsgw::mode mode = smsgw::mode::strict;
    /// The blanks removed around each field.
    trimming trim = trimming::none;
    line_breaks breaks = line_breaks::separate;  ///< tolerant mode only
    bool terminated = false;    ///< every record ends with the separator, the last one too (5C)
    bool rest_in_last = false;  ///< field max_fields takes the rest of the record, field separators included
    std::size_t max_records = 0;  ///< 0: no limit (Hezhong sends at most 500 per request)
    const char* name = nullptr;   ///< the spec's name of the list, result.field of record errors
    const char* const* field_names = nullptr;  ///< result.field of field errors, when given
    /// How many field_names there are.
    std::size_t field_name_count = 0;

    /// A copy with this mode.
    constexpr format with_mode(smsgw::mode m) const noexcept {
        format f = *this;
        f.mode = m;
        return f;
    }
    /// A copy with this trimming.
    constexpr format with_trim(trimming t) const noexcept {
        format f = *this;
        f.trim = t;
        return f;
    }
    /// A copy with these line breaks.
    constexpr format with_breaks(line_breaks b) const noexcept {
        format f = *this;
        f.breaks = b;
        return f;
    }
    /// A copy whose records all end with the record separator.
    constexpr format with_terminator() const noexcept {
        format f = *this;
        f.terminated = true;
        return f;
    }
    /// A copy whose last field takes the rest of the record.
    constexpr format with_rest_in_last() const noexcept {
        format f = *this;
        f.rest_in_last = true;
        return f;
    }
    /// A copy that takes at most n records.
    constexpr format with_max_records(std::size_t n) const noexcept {
        format f = *this;
        f.max_records = n;
        return f;
    }
    /// A copy with the list's name and its fields' names (result.field of errors).
    template <std::size_t N>
    constexpr format with_names(const char* list, const char* const (&fields)[N]) const noexcept {
        format f = *this;
        f.name = list;
        f.field_names = fields;
        f.field_name_count = N;
        return f;
    }
    /// A copy with the list's name.
    constexpr format with_name(const char* list) const noexcept {
        format f = *this;
        f.name = list;
        return f;
    }

    /// Two different separators, neither CR nor LF, and 1 <= min_fields <= max_fields.
    constexpr bool valid() const noexcept {
        return record_separator != field_separator && record_separator != '\r' && record_separator != '\n' &&
               field_separator != '\r' && field_separator != '\n' && min_fields >= 1 && min_fields <= max_fields;
    }
    /// The name of field `index` (from 0), or the list's name when none was given.
    constexpr const char* field_name(std::size_t index) const noexcept {
        return index < field_name_count ? field_names[index] : name;
    }
};

/// One field of a record: a view into the input, trimmed as the format says.
struct field {
    /// The field's text.
    std::string_view value;
    std::size_t offset = 0;  ///< of value's first byte in the input
};

namespace detail {

constexpr bool is_break(char c) noexcept { return c == '\r' || c == '\n'; }

constexpr bool trims(trimming t, char c) noexcept {
    return t == trimming::space ? ascii::is_space(c) : t == trimming::blanks && ascii::is_blank(c);
}

// `raw` without what the format trims at either end.
constexpr std::string_view trimmed(trimming t, std::string_view raw) noexcept {
    return t == trimming::none ? raw : ascii::trim(raw, [t](char c) { return trims(t, c); });
}

constexpr std::string_view view_of(std::string_view s) noexcept { return s; }
constexpr std::string_view view_of(const field& f) noexcept { return f.value; }

// The input iterator of both ranges: `Cursor` reads the values one by one
// (`bool next(Value&)`, false at the end) and tells where it stands (`position()`).
template <class Cursor, class Value>
class cursor_iterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Value;
    using difference_type = std::ptrdiff_t;
    using pointer = const Value*;
    using reference = const Value&;

    constexpr cursor_iterator() noexcept = default;
    explicit cursor_iterator(const Cursor& c) noexcept : cursor_(c) { advance(); }

    reference operator*() const noexcept { return current_; }
    pointer operator->() const noexcept { return &current_; }
    cursor_iterator& operator++() noexcept {
        advance();
        return *this;
    }
    cursor_iterator operator++(int) noexcept {
        cursor_iterator old = *this;
        advance();
        return old;
    }
    friend bool operator==(const cursor_iterator& a, const cursor_iterator& b) noexcept {
        return a.done_ == b.done_ && (a.done_ || a.cursor_.position() == b.cursor_.position());
    }
    friend bool operator!=(const cursor_iterator& a, const cursor_iterator& b) noexcept { return !(a == b); }

    // What the cursor reports, where it reports something (the records' error()).
    template <class C = Cursor>
    constexpr auto error() const noexcept -> decltype(std::declval<const C&>().error()) {
        return cursor_.error();
    }

private:
    void advance() noexcept {
        done_ = !cursor_.next(current_);
        if (done_) current_ = Value{};
    }

    Cursor cursor_{};
    Value current_{};
    bool done_ = true;
};

// The offset of the first `c` in s at or after `from`, or s.size(): inline, since fields are
// short and a call to memchr costs more than the search.
inline std::size_t find_byte(std::string_view s, char c, std::size_t from) noexcept {
    std::size_t i = from;
#if defined(__SSE2__)
    const __m128i v = _mm_set1_epi8(c);
    for (; s.size() - i >= 16; i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
        const auto m = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, v)));
        if (m != 0) return i + static_cast<std::size_t>(__builtin_ctz(m));
    }
#endif
    while (i < s.size() && s[i] != c) ++i;
    return i;
}

// A record's bytes and what splitting them needs.
struct record_text {
    std::string_view text;
    std::size_t offset = 0;  // of text in the input
    std::size_t count = 0;   // fields
    char field_separator = ',';
    trimming trim = trimming::none;

    // Field `index` starting at `pos` (in text); moves `pos` past its separator. The last field
    // runs to the record's end (with rest_in_last, field separators included).
    field split(std::size_t& pos, std::size_t index) const noexcept {
        const std::size_t end = index + 1 == count ? text.size() : find_byte(text, field_separator, pos);
        const std::string_view raw = text.substr(pos, end - pos);
        const std::string_view value = trimmed(trim, raw);
        const field f{value, offset + pos + static_cast<std::size_t>(value.data() - raw.data())};
        pos = end + 1;
        return f;
    }
};

// The fields of a record, one after the other.
struct field_cursor {
    record_text rec;
    std::size_t index = 0;
    std::size_t pos = 0;

    bool next(field& out) noexcept {
        if (index >= rec.count) return false;
        out = rec.split(pos, index++);
        return true;
    }
    constexpr std::size_t position() const noexcept { return index; }
};

class record_cursor;

// A record's fields split into an array, for a reader that turns each record into a struct of its
// own (Hezhong's rpts and mos, 5C's reports): one scan finds the fields' bounds, and the struct's
// fields are then read by index, with no field cursor stepped and copied between them.
template <std::size_t N>
struct split_record {
    std::size_t offset = 0;      // of the record in the input
    std::size_t end = 0;         // of the record's end in the input: where a field it lacks would be
    std::size_t count = 0;       // fields in the record, at most N
    field fields[N];             // the first count of them
};
}  // namespace detail

/// One record: its fields, lazily split out of the record's bytes on access. Cheap to copy; it
/// views the input, which must outlive it.
class record {
public:
    /// The iterator over the items.
    using iterator = detail::cursor_iterator<detail::field_cursor, field>;

    constexpr record() noexcept = default;

    /// Fields in the record (min_fields to max_fields of the format, once the record is read).
    constexpr std::size_t size() const noexcept { return r_.count; }
    /// Offset of the record's first byte in the input.
    constexpr std::size_t offset() const noexcept { return r_.offset; }
    /// The record as sent, separators inside it and blanks kept.
    constexpr std::string_view text() const noexcept { return r_.text; }

    /// The first item.
    iterator begin() const noexcept { return iterator(detail::field_cursor{r_}); }
    /// Past the last item.
    iterator end() const noexcept { return iterator(); }

    /// Field `index` (from 0) with its offset, split from the record's start; past the last
    /// field, an empty value at the record's end.
    field at(std::size_t index) const noexcept {
        if (index >= r_.count) return field{r_.text.substr(r_.text.size()), r_.offset + r_.text.size()};
        std::size_t pos = 0;
        field f;
        for (std::size_t i = 0; i <= index; ++i) f = r_.split(pos, i);
        return f;
    }
    /// The text of field `index`, empty past the last.
    std::string_view operator[](std::size_t index) const noexcept { return at(index).value; }

private:
    friend class detail::record_cursor;
    constexpr explicit record(const detail::record_text& r) noexcept : r_(r) {}

    detail::record_text r_;
};

class records;

namespace detail {

// The fields of `r` into `out`, which holds at least r.size() of them (a format's max_fields).
template <std::size_t N>
void split(const record& r, split_record<N>& out) noexcept {
    out.offset = r.offset();
    out.end = r.offset() + r.text().size();
    out.count = 0;
    for (const field& f : r) {
        if (out.count == N) break;
        out.fields[out.count++] = f;
    }
}

// Reads one record after the other; the error that ended the walk stays in it and in the range.
class record_cursor {
public:
    constexpr record_cursor() noexcept = default;
    // `sink` receives the error that ends the walk.
    record_cursor(std::string_view text, const format* f, std::size_t base, result* sink) noexcept
        : text_(text), format_(f), base_(base), sink_(sink), pending_(!text.empty()) {
        if (!f->valid()) stop(fail(errc::out_of_range, base, f->name));
    }
    // The records of `list`, its error() the sink.
    explicit record_cursor(const records& list) noexcept;

    constexpr std::size_t position() const noexcept { return at_; }
    constexpr result error() const noexcept { return error_; }

    // The next record that is not skipped, or false at the end or at an error.
    bool next(record& out) noexcept {
        const std::string_view s = text_;
        const format& f = *format_;
        const std::size_t base = base_;
        const bool strict = f.mode == smsgw::mode::strict;
        const bool split_on_breaks = !strict && f.breaks == line_breaks::separate;
        const bool check_breaks = strict || f.breaks == line_breaks::refuse;
        const std::size_t split_limit = f.rest_in_last ? f.max_fields : unlimited;
        const char rs = f.record_separator;
        const char fs = f.field_separator;
        while (pending_) {
            const std::size_t start = next_;
            const scan found = scan_record(s, start, rs, fs, split_on_breaks, split_limit);
            const std::size_t i = found.end;
            const std::size_t first_break = check_breaks ? found.first_break : end_mark;
            const std::size_t fields = found.fields;
            const bool separated = i < s.size();
            std::size_t after = i + 1;
            if (separated && s[i] == '\r' && split_on_breaks && after < s.size() && s[after] == '\n') ++after;
            next_ = separated ? after : s.size();
            pending_ = separated && (!f.terminated || next_ < s.size());
            const record r(record_text{s.substr(start, i - start), base + start, fields, fs, f.trim});

            if (fields == 1 && is_empty(r.text(), f)) {
                if (strict) return stop(fail(errc::empty_field, base + start, f.name));
                continue;
            }
            if (f.max_records != 0 && count_ == f.max_records) return stop(fail(errc::too_many, base + start, f.name));
            if (check_breaks && first_break != end_mark) {
                if (result bad = breaks_in(r, f); !bad) return stop(bad);
            }
            if (fields < f.min_fields || fields > f.max_fields) {
                return stop(fail(errc::count_mismatch, base + start, f.name));
            }
            if (strict && f.terminated && !separated) return stop(fail(errc::truncated, base + s.size(), f.name));
            ++count_;
            out = r;
            at_ = start;
            return true;
        }
        return stop(result{});
    }

    // next() for the common record, its fields split into `out`: one with no line break, no blank
    // its format trims at either end of a field, between min_fields and max_fields (and at most
    // N) fields, before max_records, its separator after it where the format wants one. Then the
    // cursor stands where next() would leave it and `out` holds what split() of next()'s record
    // would. Anything else returns false with nothing changed: next() reads it (or skips it, or
    // says what is wrong). Formats with rest_in_last always go to next(). `f` is the cursor's
    // format again, given by a caller that has it as a constant (a static constexpr object), so
    // that what it says folds away once this is inlined.
    template <std::size_t N>
    SMSGW_ALWAYS_INLINE bool next_split(split_record<N>& out, const format& f) noexcept {
        if (!pending_ || f.rest_in_last || (f.max_records != 0 && count_ == f.max_records)) return false;
        const std::size_t start = next_;
        const char* const p = text_.data() + start;
        const std::size_t avail = text_.size() - start;
        const std::size_t at = base_ + start;
        std::size_t n = 0;     // fields ended by a field separator
        std::size_t from = 0;  // where field n starts
        std::size_t len = avail;
        for (std::size_t i = 0; i < avail;) {
            // The record's end (its separator or a line break) and the field separators in the
            // first 64 bytes (most records end there), then 16 at a time, then in what is left.
            std::uint64_t stops = 0;
            std::uint64_t seps = 0;
            std::size_t width = 0;
#if defined(__SSE2__)
            const __m128i rs = _mm_set1_epi8(f.record_separator);
            const __m128i fs = _mm_set1_epi8(f.field_separator);
            if (i == 0 && avail >= 64) {
                masks(p, rs, fs, 0, stops, seps);
                masks(p, rs, fs, 16, stops, seps);
                masks(p, rs, fs, 32, stops, seps);
                masks(p, rs, fs, 48, stops, seps);
                width = 64;
            } else if (avail - i >= 16) {
                masks(p + i, rs, fs, 0, stops, seps);
                width = 16;
            }
#endif
            if (width == 0) {
                width = avail - i < 16 ? avail - i : 16;
                for (std::size_t k = 0; k < width; ++k) {
                    const char c = p[i + k];
                    stops |= std::uint64_t{c == f.record_separator || is_break(c)} << k;
                    seps |= std::uint64_t{c == f.field_separator} << k;
                }
            }
            if (stops != 0) {
                const auto stop = static_cast<unsigned>(__builtin_ctzll(stops));
                len = i + stop;
                seps &= (std::uint64_t{1} << stop) - 1;
            }
            // Each separator ends field n: too many fields, or one with a blank to trim, is next()'s.
            for (; seps != 0; seps &= seps - 1) {
                const std::size_t q = i + static_cast<std::size_t>(__builtin_ctzll(seps));
                if (n + 1 >= N || n + 1 >= f.max_fields || !keeps(f.trim, p + from, q - from)) return false;
                out.fields[n++] = field{std::string_view(p + from, q - from), at + from};
                from = q + 1;
            }
            if (stops != 0) break;
            i += width;
        }
        const bool separated = len < avail;
        if ((separated && p[len] != f.record_separator) || n + 1 < f.min_fields || (n == 0 && len == 0) ||
            (f.terminated && !separated && f.mode == smsgw::mode::strict) || !keeps(f.trim, p + from, len - from)) {
            return false;
        }
        out.fields[n] = field{std::string_view(p + from, len - from), at + from};
        out.count = n + 1;
        out.offset = at;
        out.end = at + len;
        next_ = separated ? start + len + 1 : text_.size();
        pending_ = separated && (!f.terminated || next_ < text_.size());
        ++count_;
        at_ = start;
        return true;
    }

private:
    static constexpr std::size_t end_mark = static_cast<std::size_t>(-1);

    struct scan {
        std::size_t end;          // of the record: its separator, or the input's end
        std::size_t fields;       // at most split_limit
        std::size_t first_break;  // the first CR or LF before `end`, or end_mark
    };

    // The bits set in a 16-bit mask (no popcnt instruction on baseline x86-64).
    static constexpr std::size_t bits16(unsigned m) noexcept {
        m = m - ((m >> 1) & 0x5555u);
        m = (m & 0x3333u) + ((m >> 2) & 0x3333u);
        m = (m + (m >> 4)) & 0x0F0Fu;
        return (m + (m >> 8)) & 0x1Fu;
    }

    // The one pass over a record's bytes: where it ends, how many fields it has, where its first
    // line break is. 16 bytes at a time where SSE2 is there (a record separator, field
    // separators and line breaks found by comparison masks), byte by byte after that.
    static scan scan_record(std::string_view s, std::size_t start, char rs, char fs, bool split_on_breaks,
                            std::size_t split_limit) noexcept {
        scan r{s.size(), 1, end_mark};
        std::size_t i = start;
#if defined(__SSE2__)
        const __m128i vrs = _mm_set1_epi8(rs);
        const __m128i vfs = _mm_set1_epi8(fs);
        const __m128i vcr = _mm_set1_epi8('\r');
        const __m128i vlf = _mm_set1_epi8('\n');
        for (; s.size() - i >= 16; i += 16) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
            const auto mask = [&x](__m128i v) noexcept { return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, v))); };
            const unsigned breaks = mask(vcr) | mask(vlf);
            const unsigned ends = mask(vrs) | (split_on_breaks ? breaks : 0u);
            const unsigned before = ends == 0 ? 0xFFFFu : (1u << __builtin_ctz(ends)) - 1;
            if (r.first_break == end_mark && (breaks & before) != 0) {
                r.first_break = i + static_cast<std::size_t>(__builtin_ctz(breaks & before));
            }
            const std::size_t n = bits16(mask(vfs) & before);
            r.fields = split_limit - r.fields < n ? split_limit : r.fields + n;
            if (ends != 0) {
                r.end = i + static_cast<std::size_t>(__builtin_ctz(ends));
                return r;
            }
        }
#endif
        for (; i < s.size(); ++i) {
            const char c = s[i];
            if (c == rs) {
                r.end = i;
                break;
            }
            if (c == fs) {
                if (r.fields < split_limit) ++r.fields;
            } else if (is_break(c)) {
                if (split_on_breaks) {
                    r.end = i;
                    break;
                }
                if (r.first_break == end_mark) r.first_break = i;
            }
        }
        return r;
    }

#if defined(__SSE2__)
    // Into bit k + b of `stops`: whether byte b at p + k is the record separator `rs`, CR or LF;
    // of `seps`: whether it is the field separator `fs` (b from 0 to 15). Inlined, with k a
    // constant (called out of line, it more than doubled the time of a record).
    SMSGW_ALWAYS_INLINE static void masks(const char* p, __m128i rs, __m128i fs, unsigned k, std::uint64_t& stops,
                                          std::uint64_t& seps) noexcept {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
        const __m128i ends = _mm_or_si128(_mm_cmpeq_epi8(x, rs),
                                          _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\n'))));
        stops |= std::uint64_t{static_cast<unsigned>(_mm_movemask_epi8(ends))} << k;
        seps |= std::uint64_t{static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, fs)))} << k;
    }
#endif

    // Whether the n bytes at p are what trimming them leaves.
    static constexpr bool keeps(trimming t, const char* p, std::size_t n) noexcept {
        return t == trimming::none || n == 0 || (!trims(t, p[0]) && !trims(t, p[n - 1]));
    }

    bool stop(result r) noexcept {
        at_ = end_mark;
        pending_ = false;
        if (!r) {
            error_ = r;
            *sink_ = r;
        }
        return false;
    }

    // Whether a lone field is an empty record: nothing left once trimmed (in tolerant mode,
    // line breaks trimmed as well).
    static bool is_empty(std::string_view raw, const format& f) noexcept {
        if (f.mode == smsgw::mode::strict) return trimmed(f.trim, raw).empty();
        return ascii::trim(raw, [t = f.trim](char c) { return trims(t, c) || is_break(c); }).empty();
    }

    // The first CR or LF inside a trimmed field of `r`, as bad_character.
    static result breaks_in(const record& r, const format& f) noexcept {
        std::size_t index = 0;
        for (const field& fld : r) {
            for (std::size_t k = 0; k < fld.value.size(); ++k) {
                if (is_break(fld.value[k])) return fail(errc::bad_character, fld.offset + k, f.field_name(index));
            }
            ++index;
        }
        return {};
    }

    std::string_view text_;
    const format* format_ = nullptr;
    std::size_t base_ = 0;
    result* sink_ = nullptr;
    result error_;
    std::size_t at_ = end_mark;
    std::size_t next_ = 0;
    std::size_t count_ = 0;
    bool pending_ = false;  // a record starts at next_ (even at the input's end, after a separator)
};

}  // namespace detail

/// The records of a list, read lazily from the caller's input as the range is walked: no copy,
/// no allocation. A walk stops at the first error, which stays readable in error() after the
/// walk (records before it have been yielded already: check error() after the loop).
///
///     delimited::records reports(text, rpts);
///     for (const delimited::record& r : reports) use(r[0], r[1]);
///     if (!reports.error()) return reports.error();
///
/// Errors, offsets in the input (plus `base`), result.field the list's name or the field's:
/// - out_of_range at 0 (plus base): the format is not valid().
/// - empty_field at an empty record's offset, strict mode: nothing between two record separators,
///   before the first or after the last (unless terminated), or a lone field that trims to nothing.
///   Tolerant mode skips such records, and those left with nothing but line breaks once trimmed
///   (`a,b;\r\n`, blank lines between records).
/// - bad_character at a CR or LF left inside a field after trimming: strict mode, and tolerant
///   mode with line_breaks::refuse (line_breaks::separate ends the record there instead).
/// - count_mismatch at the record's offset: fewer than min_fields or more than max_fields fields
///   (reported after the line breaks of that record, which are usually what split it).
/// - too_many at the offset of the first non-empty record past max_records.
/// - truncated at the input's end: a terminated format whose last record has no separator after
///   it (strict mode).
/// Walking a range from two threads at once races on error(); copy it per thread.
class records {
public:
    /// The iterator over the items.
    using iterator = detail::cursor_iterator<detail::record_cursor, record>;

    constexpr records() noexcept = default;
    /// `base`: the offset of `text` in the caller's whole input, added to every offset reported.
    constexpr records(std::string_view text, const format& f, std::size_t base = 0) noexcept
        : text_(text), format_(f), base_(base) {}

    /// The first item.
    iterator begin() const noexcept { return iterator(detail::record_cursor(*this)); }
    /// Past the last item.
    iterator end() const noexcept { return iterator(); }

    /// The first error a walk of this range met (the same for every walk), or success.
    constexpr result error() const noexcept { return error_; }

    /// Walks the whole list once: success with offset = text().size() and `count` the records
    /// read, or the first error (the errors above); `count` then holds the records before it.
    result validate(std::size_t& count) const noexcept {
        count = 0;
        iterator it = begin();
        for (; it != end(); ++it) ++count;
        if (!it.error()) return it.error();
        return {errc{}, text_.size()};
    }
    /// As validate(count), without the count.
    result validate() const noexcept {
        std::size_t ignored = 0;
        return validate(ignored);
    }

    /// The list's text.
    constexpr std::string_view text() const noexcept { return text_; }
    /// Its format.
    constexpr const delimited::format& list_format() const noexcept { return format_; }
    /// The offset of the text in the whole input, added to every offset.
    constexpr std::size_t base() const noexcept { return base_; }

private:
    friend class detail::record_cursor;

    std::string_view text_;
    delimited::format format_;
    std::size_t base_ = 0;
    mutable result error_;
};

inline detail::record_cursor::record_cursor(const records& list) noexcept
    : record_cursor(list.text_, &list.format_, list.base_, &list.error_) {}

namespace detail {

// Whether field `index` of a record reads back as written.
inline result check_field(std::string_view v, std::size_t index, const format& f) noexcept {
    const bool may_hold_fs = f.rest_in_last && index + 1 == f.max_fields;
    for (std::size_t k = 0; k < v.size(); ++k) {
        const char c = v[k];
        if (c == f.record_separator || is_break(c) || (c == f.field_separator && !may_hold_fs)) {
            return fail(errc::bad_character, k, f.field_name(index));
        }
    }
    // A blank the reader would trim: the first one at the start, or where the trailing ones begin.
    const std::string_view kept = trimmed(f.trim, v);
    if (kept.size() == v.size()) return {};
    return fail(errc::bad_character, kept.data() != v.data() ? 0 : kept.size(), f.field_name(index));
}

template <class Fields>
result check_record(const Fields& fields, std::size_t index, const format& f) noexcept {
    std::size_t n = 0;
    bool first_empty = false;
    for (const auto& x : fields) {
        const std::string_view v = view_of(x);
        if (result r = check_field(v, n, f); !r) return r;
        if (n == 0) first_empty = v.empty();
        ++n;
    }
    if (n < f.min_fields || n > f.max_fields) return fail(errc::count_mismatch, index, f.name);
    if (n == 1 && first_empty) return fail(errc::empty_field, index, f.name);
    return {};
}

// Record number `index` of a list, with the separators around it; checked already.
template <class Fields>
void write_record(const Fields& fields, std::size_t index, const format& f, writer& out) noexcept {
    if (index != 0 && !f.terminated) out.put(f.record_separator);
    bool first = true;
    for (const auto& x : fields) {
        if (!first) out.put(f.field_separator);
        first = false;
        out.write(view_of(x));
    }
    if (f.terminated) out.put(f.record_separator);
}

struct as_is {
    template <class T>
    constexpr const T& operator()(const T& x) const noexcept {
        return x;
    }
};

}  // namespace detail

/// Writes records one by one, each checked whole before any byte of it is written:
///     delimited::list_writer w(rpts, out);
///     if (result r = w.add({mobile, status, msg_id, time}); !r) return r;
///     return w.finish();
/// add() errors (nothing of that record written): bad_character at the offset inside the field
/// (result.field its name) of a record or field separator, CR or LF, or of a blank that trimming
/// would drop at the field's start or end (a field separator is allowed in the rest_in_last
/// field); count_mismatch (offset: the record's index) for fewer than min_fields or more than
/// max_fields fields; empty_field (the index) for a lone empty field, which reads back as no
/// record; too_many (the index) past max_records; out_of_range (0) for a format not valid().
class list_writer {
public:
    /// Writes records of format `f` to `out`.
    list_writer(const format& f, smsgw::writer& out) noexcept : format_(f), out_(out) {}

    /// Any range of std::string_view (or of what converts to it, or of delimited::field).
    template <class Fields>
    result add(const Fields& fields) noexcept {
        if (!format_.valid()) return fail(errc::out_of_range, 0, format_.name);
        if (format_.max_records != 0 && count_ == format_.max_records) return fail(errc::too_many, count_, format_.name);
        if (result r = detail::check_record(fields, count_, format_); !r) return r;
        detail::write_record(fields, count_++, format_, out_);
        return {};
    }
    /// The fields of one record, as a list.
    result add(std::initializer_list<std::string_view> fields) noexcept {
        return add<std::initializer_list<std::string_view>>(fields);
    }

    /// How many records were added.
    constexpr std::size_t count() const noexcept { return count_; }
    /// The writer's outcome: total size written, or buffer_too_small with the size needed.
    result finish() const noexcept { return out_.finish(); }

private:
    format format_;
    smsgw::writer& out_;
    std::size_t count_ = 0;
};

/// The caller's own items, each turned into its fields by `fields_of(item)` (which returns a
/// range of std::string_view viewing the item, e.g. a std::array), every record checked before
/// anything is written, so an error leaves the writer as it was. Errors as list_writer::add, the
/// offset of a record error being the record's index. Success: offset = total size written;
/// buffer_too_small with the size needed (a writer without a buffer measures: encoded_size).
template <class Items, class FieldsOf>
result encode(const Items& items, FieldsOf fields_of, const format& f, writer& out) noexcept {
    if (!f.valid()) return fail(errc::out_of_range, 0, f.name);
    std::size_t index = 0;
    for (const auto& item : items) {
        if (f.max_records != 0 && index == f.max_records) return fail(errc::too_many, index, f.name);
        if (result r = detail::check_record(fields_of(item), index, f); !r) return r;
        ++index;
    }
    index = 0;
    for (const auto& item : items) detail::write_record(fields_of(item), index++, f, out);
    return out.finish();
}

/// A whole list from the caller's records: a range of ranges of std::string_view (arrays of
/// std::array<std::string_view, N>, vectors, a decoded `records`). As above.
template <class Records>
result encode(const Records& list, const format& f, writer& out) noexcept {
    return encode(list, detail::as_is{}, f, out);
}

/// A decoded list written again in its own format; a list that did not read cleanly returns the
/// error its walk met. With smsgw::encode / encoded_size / encode_append through ADL.
inline result encode(const records& list, writer& out) noexcept {
    if (result r = list.validate(); !r) return r;
    return encode(list, list.list_format(), out);
}

}  // namespace smsgw::codec::delimited
