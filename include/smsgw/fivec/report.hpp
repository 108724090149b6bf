#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/delimited.hpp"
#include "smsgw/codec/hex.hpp"
#include "smsgw/codec/line_reply.hpp"
#include "smsgw/codec/md5.hpp"
#include "smsgw/core/inline.hpp"
#include "smsgw/detail/lazy_iterator.hpp"
#include "smsgw/fivec/reply.hpp"
#include "smsgw/fivec/request.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Status reports (§5): the fetch request, for every number (§5.1.2) or for numbers and a time
// span (§5.1.4), and its reply: `no record`, or records each ended by ';' in the 4-, 5- and
// 6-field forms the spec shows (§5.1.5, §5.1.6). A report is given once: fetched, it is gone.
namespace smsgw::fivec {

/// password_md5: the MD5 of the password as 32 hex digits (§5.1.1; the spec's example is
/// upper-case, 5C takes either case).
inline std::array<char, 32> password_md5(std::string_view password,
                                         codec::hex::letter_case lc = codec::hex::letter_case::lower) noexcept {
    return codec::to_hex(codec::md5::hash(password), lc);
}

namespace detail {
inline result check_md5_hex(std::string_view v) noexcept {
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!codec::ascii::is_hex(v[i])) return fail(errc::bad_character, i);
    }
    return v.size() != 32 ? fail(errc::invalid_length, v.size()) : result{};
}
}  // namespace detail

/// §5.1.1 and §5.1.4, to url(api::recv_report) by POST or GET; validate(), encode() and decode()
/// come from request.hpp. from, to and mobile go together: all three or none.
struct report_request {
    /// The 5C API this request is for.
    static constexpr fivec::api call = api::recv_report;

    std::string_view username;      ///< 3 to 15
    std::string_view password_md5;  ///< 32 hex digits, either case (fivec::password_md5 makes it)
    std::string_view apikey;        ///< 32 characters
    std::uint64_t from = 0;         ///< 10-digit Unix seconds; 0: not sent
    std::uint64_t to = 0;           ///< 10-digit Unix seconds; 0: not sent
    std::string_view mobile;        ///< "单个或多个手机号": numbers of at most 11 digits joined by ','

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        const bool one_number = m.from != 0 || m.to != 0 || !m.mobile.empty();
        const auto either = [one_number](fields::spec s) { return one_number ? s : s.if_set(); };
        v(m.username, detail::username);
        v(m.password_md5, fields::ascii("password_md5", 32).checked(detail::check_md5_hex));
        v(m.apikey, detail::apikey);
        v(m.from, either(fields::number("from", 9999999999u, 1000000000u)));
        v(m.to, either(fields::number("to", 9999999999u, 1000000000u)));
        v(m.mobile, either(fields::list("mobile", ',', 1, fields::unlimited, [](std::string_view n) noexcept {
              return fields::check_value(n, fields::digits("", 11));
          })));
    }
};

/// How many fields a record has, and so which: 4 `msgid,mobile,status,time` (§5.1.6 first
/// example), 5 with the extension first (second example), 6 `extension,msgid,id,mobile,status,
/// time` (§5.1.5's table).
enum class report_form : unsigned char { four = 4, five = 5, six = 6 };

/// One status report, views into the reply.
struct report {
    /// How many fields the report came with.
    report_form form = report_form::four;
    std::string_view extension;  ///< 扩展号: digits, empty when the user has none (forms 5 and 6)
    std::string_view msgid;      ///< 流水号: digits, shared by a batch
    std::string_view id;         ///< 编号: digits (form 6)
    std::string_view mobile;     ///< digits
    std::string_view status;     ///< DELIVRD, UNDELIV or any other code (http://www.5c.com.cn/code/), kept as sent
    std::string_view time;       ///< YYYY-MM-DD HH:MM:SS
    std::size_t offset = 0;      ///< of the record in the reply (decoded)

    /// Whether the status is DELIVRD.
    bool delivered() const noexcept { return status == "DELIVRD"; }
};

namespace detail {

// A status code: printable ASCII without blanks (DELIVRD, JA:0009, ERR:104), so that no
// blank a tolerant reader trims is part of it. Checked after fields::ascii's own check, so
// that the first byte outside '!'..'~' is the first SP.
inline result check_status(std::string_view v) noexcept {
    const std::size_t i = fields::detail::first_outside<'!', '~'>(v);
    return i == v.size() ? result{} : fail(errc::bad_character, i);
}

struct report_field {
    std::string_view report::*member;
    fields::spec spec;
};

inline constexpr report_field r_extension{&report::extension, fields::digits("extension", 20).allow_empty()};
inline constexpr report_field r_msgid{&report::msgid, fields::digits("msgid", 20)};
inline constexpr report_field r_id{&report::id, fields::digits("id", 20)};
inline constexpr report_field r_mobile{&report::mobile, fields::digits("mobile", 20)};
inline constexpr report_field r_status{&report::status, fields::ascii("status", 20).checked(check_status)};
inline constexpr report_field r_time{&report::time, fields::date_time("time", codec::datetime::shape::yyyy_mm_dd_hh_mm_ss)};

// The most fields a record has (form six).
inline constexpr std::size_t report_fields = 6;

// The fields of each form, in wire order: the one description of the three layouts.
struct report_layout {
    report_field f[report_fields];
    std::size_t n;
};
inline constexpr report_layout layout_four{{r_msgid, r_mobile, r_status, r_time}, 4};
inline constexpr report_layout layout_five{{r_extension, r_msgid, r_mobile, r_status, r_time}, 5};
inline constexpr report_layout layout_six{{r_extension, r_msgid, r_id, r_mobile, r_status, r_time}, 6};

constexpr const report_layout& layout(report_form f) noexcept {
    return f == report_form::six ? layout_six : f == report_form::five ? layout_five : layout_four;
}

inline constexpr const char* report_field_names[] = {"record"};

// Strict: every record ended by ';', nothing else; tolerant: blanks around fields trimmed,
// empty records and line breaks between records skipped, the last ';' may be missing.
constexpr codec::delimited::format report_format(mode m) noexcept {
    constexpr codec::delimited::format f = codec::delimited::format{';', ',', 4, report_fields}.with_terminator().with_name("reports");
    return m == mode::strict ? f : f.with_mode(mode::tolerant).with_trim(codec::delimited::trimming::blanks);
}

// The fields of a record in layout L into `r`, each checked with its spec known at compile
// time, so that only its own kind's checks are left (a loop over the layout costed a third of
// the walk; not inlined, the records the fast path below leaves here, a tolerant list with
// blanks around its fields, take 16% more instructions).
SMSGW_ALWAYS_INLINE void read_field(const report_field& f, const codec::delimited::field& v, report& r, result& e) noexcept {
    if (!e) return;
    if (result c = fields::check_value(v.value, f.spec); !c) {
        e = fail(c.ec, v.offset + c.offset, c.field);
        return;
    }
    r.*(f.member) = v.value;
}

using split_report = codec::delimited::detail::split_record<report_fields>;

template <const report_layout& L, std::size_t... I>
SMSGW_ALWAYS_INLINE result read_as(const split_report& rec, report& r, std::index_sequence<I...>) noexcept {
    result e{};
    (read_field(L.f[I], rec.fields[I], r, e), ...);
    return e;
}

// A record's fields into `r`, each checked: its error at the offset in the reply (`r` is then
// partly filled).
inline result read_report(const split_report& rec, report& r) noexcept {
    r = report{};
    r.form = static_cast<report_form>(rec.count);
    r.offset = rec.offset;
    switch (r.form) {
    case report_form::four: return read_as<layout_four>(rec, r, std::make_index_sequence<4>());
    case report_form::five: return read_as<layout_five>(rec, r, std::make_index_sequence<5>());
    case report_form::six: return read_as<layout_six>(rec, r, std::make_index_sequence<6>());
    }
    return {};
}

// The fields of a report to write, in its form's order.
struct report_values {
    std::array<std::string_view, 6> v{};
    std::size_t n = 0;
    const std::string_view* begin() const noexcept { return v.data(); }
    const std::string_view* end() const noexcept { return v.data() + n; }
};
inline report_values values_of(const report& r) noexcept {
    const report_layout& l = layout(r.form);
    report_values out;
    for (out.n = 0; out.n < l.n; ++out.n) out.v[out.n] = r.*(l.f[out.n].member);
    return out;
}

#if defined(__SSE2__)
// The fast path of a walk: a record in one pass over its bytes, for the common record, every
// check passed. 16 bytes at a time are classed by SSE2 comparisons into bit masks (bit k for
// the record's byte k, up to 128 bytes, more than the longest record that passes its checks):
// the ',' that bound the fields, the ';' that ends the record, and the digits, which are the
// check of the digits fields and of the time's digits. Anything else (no ';' in reach, a field
// count, length or byte outside its spec, a line break or blank anywhere but inside the time)
// is left to the delimited reader and read_report(), which say what is wrong: a record this
// path reads, they read the same, in either mode (no field it takes has a blank at either end
// to trim). The split and the checks were 80% of the walk's instructions (bench/fivec
// reports_fivec_walk).
namespace fast {

// Bit k of a mask for byte k of a record, k below 128: two words.
struct bits {
    std::uint64_t lo = 0;
    std::uint64_t hi = 0;

    // Bits 0..n-1 (n below 128).
    static bits below(unsigned n) noexcept {
        if (n < 64) return {(std::uint64_t{1} << n) - 1, 0};
        return {~std::uint64_t{0}, (std::uint64_t{1} << (n - 64)) - 1};
    }
    // Bits a..a+31 as bits 0..31.
    std::uint32_t at(unsigned a) const noexcept {
        if (a >= 64) return static_cast<std::uint32_t>(hi >> (a - 64));
        return static_cast<std::uint32_t>(lo >> a | (hi << 1) << (63 - a));
    }
    // Bit k set from byte k of a 16-byte block at K.
    template <unsigned K>
    void add(unsigned m) noexcept {
        if (K < 64) {
            lo |= std::uint64_t{m} << K;
        } else {
            hi |= std::uint64_t{m} << (K - 64);
        }
    }
};

struct classes {
    bits commas;
    bits digits;
};

// Block K / 16 of the record at p (avail bytes left in the list) into c; true when the record's
// ';' is there (`end` its offset) or there is no block K.
template <unsigned K>
inline bool block(const char* p, std::size_t avail, classes& c, unsigned& end) noexcept {
    if (K >= avail) return true;
    __m128i x;
    if (avail - K >= 16) {
        x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + K));
    } else {
        char tail[16] = {};
        std::memcpy(tail, p + K, avail - K);
        x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(tail));
    }
    const __m128i from_zero = _mm_add_epi8(x, _mm_set1_epi8(static_cast<char>(-128 - '0')));
    const __m128i digit = _mm_cmplt_epi8(from_zero, _mm_set1_epi8(static_cast<char>(-128 + 10)));
    c.commas.add<K>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(',')))));
    c.digits.add<K>(static_cast<unsigned>(_mm_movemask_epi8(digit)));
    const auto semi = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8(';'))));
    if (semi == 0) return false;
    end = K + static_cast<unsigned>(__builtin_ctz(semi));
    return true;
}

// The offset of the record's ';' in its first 16 * sizeof...(K) bytes, c its masks up to there;
// 0 when there is none (a ';' at 0 is an empty record, not for the fast path either).
template <std::size_t... K>
inline unsigned record_end(const char* p, std::size_t avail, classes& c, std::index_sequence<K...>) noexcept {
    unsigned end = 0;
    (block<static_cast<unsigned>(16 * K)>(p, avail, c, end) || ...);
    return end;
}

// A calendar shape's pattern (codec/datetime.hpp) as constants: its digits' places as bits, the
// offset of each two-digit field.
template <codec::datetime::shape S>
struct time_pattern {
    static constexpr std::string_view p = codec::datetime::detail::pattern(S);
    static constexpr std::uint32_t digit_bits() noexcept {
        std::uint32_t m = 0;
        for (std::size_t i = 0; i < p.size(); ++i) m |= codec::datetime::detail::is_field(p[i]) ? std::uint32_t{1} << i : 0;
        return m;
    }
    static constexpr std::uint32_t digits = digit_bits();
    static constexpr std::size_t year = p.find('Y'), month = p.find('M'), day = p.find('D'), hour = p.find('h'),
                                 minute = p.find('m'), second = p.find('s');
    static_assert(p.size() <= 32 && p.find_first_not_of('Y') == 4 && second != std::string_view::npos);
};

// The time at v (its digits d, bit k for byte k): in place and a real calendar value, as
// codec::datetime::parse() reads it. Each two-digit field compared as text with its limits
// (digits compare as their values do), the calendar asked only for a day past 28.
template <codec::datetime::shape S, std::size_t... I>
inline bool time_passes(std::string_view v, std::uint32_t d, std::index_sequence<I...>) noexcept {
    using t = time_pattern<S>;
    if (v.size() != t::p.size() || (d & t::digits) != t::digits) return false;
    if (!((codec::datetime::detail::is_field(t::p[I]) || v[I] == t::p[I]) && ...)) return false;
    const auto text = [](char a, char b) noexcept { return static_cast<unsigned>(static_cast<unsigned char>(a)) << 8 | static_cast<unsigned char>(b); };
    const auto at = [&v, &text](std::size_t i) noexcept { return text(v[i], v[i + 1]); };
    const auto within = [](unsigned x, unsigned lo, unsigned hi) noexcept { return x - lo <= hi - lo; };
    const unsigned day = at(t::day);
    if (!within(at(t::month), text('0', '1'), text('1', '2')) || !within(day, text('0', '1'), text('3', '1')) ||
        at(t::hour) > text('2', '3') || at(t::minute) > text('5', '9') || at(t::second) > text('5', '9')) {
        return false;
    }
    if (day <= text('2', '8')) return true;
    const auto two = [&v](std::size_t i) noexcept { return static_cast<unsigned>((v[i] - '0') * 10 + (v[i + 1] - '0')); };
    const codec::datetime::date_time when{static_cast<std::int32_t>(two(t::year) * 100 + two(t::year + 2)),
                                          static_cast<std::uint8_t>(two(t::month)),
                                          static_cast<std::uint8_t>(two(t::day)),
                                          static_cast<std::uint8_t>(two(t::hour)),
                                          static_cast<std::uint8_t>(two(t::minute)),
                                          static_cast<std::uint8_t>(two(t::second))};
    return codec::datetime::check(when).ok();
}

// Whether field [a, b) of the record at p passes spec s; `digits_checked`: its bytes are digits.
// Inlined, as read_as() is, so that the spec is a constant and only its kind's checks are left
// (not inlined, 60% more instructions a record; read_as() not inlined, 45% more).
SMSGW_ALWAYS_INLINE bool passes(const fields::spec& s, const char* p, unsigned a, unsigned b, const classes& c,
                                bool digits_checked) noexcept {
    const std::string_view v(p + a, b - a);
    switch (s.kind) {
    case fields::kind::digits:
        if (digits_checked && s.check == nullptr) return v.empty() ? s.min == 0 : v.size() <= s.max;
        break;
    case fields::kind::ascii:
        if (v.empty() || v.size() > s.max) return s.min == 0 && v.empty();
        if (s.check == check_status) return fields::detail::all_inside<'!', '~'>(v);
        break;
    case fields::kind::date_time:
        if (s.when == codec::datetime::shape::yyyy_mm_dd_hh_mm_ss && s.check == nullptr) {
            constexpr std::size_t n = codec::datetime::text_size(codec::datetime::shape::yyyy_mm_dd_hh_mm_ss);
            return time_passes<codec::datetime::shape::yyyy_mm_dd_hh_mm_ss>(v, c.digits.at(a),
                                                                             std::make_index_sequence<n>());
        }
        break;
    default: break;
    }
    return fields::detail::check_string(v, s).ok();
}

// How many of L's fields from the first are digits fields.
template <const report_layout& L>
constexpr std::size_t leading_digits() noexcept {
    std::size_t i = 0;
    while (i < L.n && L.f[i].spec.kind == fields::kind::digits) ++i;
    return i;
}

// The record at p into r as layout L, field i at starts[i] (starts[L.n] one past the ';'): the
// bytes of the leading digits fields (and their commas) at once, then each field's limits.
template <const report_layout& L, std::size_t... I>
SMSGW_ALWAYS_INLINE bool read_as(const char* p, const unsigned* starts, const classes& c, report& r,
                                 std::index_sequence<I...>) noexcept {
    const bits run = bits::below(starts[leading_digits<L>()]);
    if (((run.lo & ~(c.digits.lo | c.commas.lo)) | (run.hi & ~(c.digits.hi | c.commas.hi))) != 0) return false;
    if (!(passes(L.f[I].spec, p, starts[I], starts[I + 1] - 1, c, I < leading_digits<L>()) && ...)) return false;
    ((r.*(L.f[I].member) = std::string_view(p + starts[I], starts[I + 1] - 1 - starts[I])), ...);
    return true;
}

// The record at text[pos] into r, `at` its offset in the reply, `next` the offset after it;
// false: not read.
inline bool read(std::string_view text, std::size_t pos, std::size_t at, report& r, std::size_t& next) noexcept {
    const char* const p = text.data() + pos;
    classes c;
    const unsigned end = record_end(p, text.size() - pos, c, std::make_index_sequence<8>());
    if (end == 0) return false;
    unsigned starts[report_fields + 1];
    starts[0] = 0;
    std::size_t n = 0;  // commas
    const bits before = bits::below(end);
    for (std::uint64_t m = c.commas.lo & before.lo; m != 0; m &= m - 1) {
        if (n + 1 == report_fields) return false;
        starts[++n] = 1 + static_cast<unsigned>(__builtin_ctzll(m));
    }
    for (std::uint64_t m = c.commas.hi & before.hi; m != 0; m &= m - 1) {
        if (n + 1 == report_fields) return false;
        starts[++n] = 65 + static_cast<unsigned>(__builtin_ctzll(m));
    }
    starts[n + 1] = end + 1;
    r.extension = r.id = {};
    bool ok = false;
    switch (n + 1) {
    case 4: ok = read_as<layout_four>(p, starts, c, r, std::make_index_sequence<4>()); break;
    case 5: ok = read_as<layout_five>(p, starts, c, r, std::make_index_sequence<5>()); break;
    case 6: ok = read_as<layout_six>(p, starts, c, r, std::make_index_sequence<6>()); break;
    default: return false;
    }
    if (!ok) return false;
    r.form = static_cast<report_form>(n + 1);
    r.offset = at;
    next = pos + end + 1;
    return true;
}

}  // namespace fast
#endif

// Walks the caller's reports, or the records of a reply turned into reports: each record by the
// fast path, or else by the delimited reader, which goes on from there until a record of its
// ends with ';' (where the fast path takes over again).
class report_cursor {
public:
    using value_type = report;
    constexpr report_cursor() noexcept = default;
    report_cursor(span<const report> items, const codec::delimited::records* text, result* sink) noexcept
        : items_(items), list_(text), sink_(sink) {
        if (list_ != nullptr) {
            text_ = list_->text();
            const codec::delimited::format& f = list_->list_format();
            skip_breaks_ = f.mode == mode::tolerant && f.breaks == codec::delimited::line_breaks::separate;
        }
        advance();
    }
    const report& current() const noexcept { return item_; }
    constexpr std::size_t position() const noexcept { return at_; }

    void advance() noexcept {
        if (list_ == nullptr) {
            at_ = next_ < items_.size() ? next_ : end_mark;
            if (at_ != end_mark) item_ = items_[next_++];
            return;
        }
        if (fast_) {
            // Each CR or LF there is an empty record, which the delimited reader would skip.
            while (skip_breaks_ && next_ < text_.size() && codec::delimited::detail::is_break(text_[next_])) ++next_;
            if (next_ == text_.size()) return stop();
#if defined(__SSE2__)
            if (fast::read(text_, next_, list_->base() + next_, item_, next_)) {
                at_ = item_.offset;
                return;
            }
#endif
            records_ = codec::delimited::detail::record_cursor(text_.substr(next_), &list_->list_format(), list_->base() + next_, sink_);
            fast_ = false;
        }
        codec::delimited::record rec;
        if (!records_.next(rec)) return stop();
        codec::delimited::detail::split(rec, split_);
        if (result r = read_report(split_, item_); !r) {
            *sink_ = r;
            return stop();
        }
        at_ = item_.offset;
        const std::size_t end = split_.end - list_->base();
        if (end < text_.size() && text_[end] == list_->list_format().record_separator) {
            next_ = end + 1;
            fast_ = true;
        }
    }

private:
    static constexpr std::size_t end_mark = static_cast<std::size_t>(-1);

    void stop() noexcept {
        records_ = codec::delimited::detail::record_cursor();
        at_ = end_mark;
    }
    span<const report> items_;
    const codec::delimited::records* list_ = nullptr;
    result* sink_ = nullptr;
    std::string_view text_;
    codec::delimited::detail::record_cursor records_;
    split_report split_;
    report item_{};
    std::size_t at_ = end_mark;
    std::size_t next_ = 0;  // the next item, or the next record's offset in text_ while fast_
    bool fast_ = true;
    bool skip_breaks_ = false;  // line breaks between records are skipped
};

}  // namespace detail

/// The records of a reply, read lazily (decoded), or the caller's own reports (to encode).
/// A walk stops at the first error, kept in error(): the delimited list's (empty_field,
/// count_mismatch for fewer than 4 or more than 6 fields, truncated for a last record without
/// its ';' in strict mode, bad_character at a line break), then a field's check at its offset:
/// "extension", "msgid", "id", "mobile" digits; "status" printable ASCII but SP; "time" as
/// codec::datetime reads YYYY-MM-DD HH:MM:SS.
class report_list {
public:
    /// The iterator over the items.
    using iterator = smsgw::detail::lazy_iterator<detail::report_cursor>;

    constexpr report_list() noexcept = default;
    /// To encode: the caller's reports, viewed.
    constexpr report_list(span<const report> items) noexcept : items_(items) {}  // NOLINT: an array is a list
    /// `text`: the records of a reply at offset `base` of it.
    report_list(std::string_view text, mode m, std::size_t base = 0) noexcept
        : records_(text, detail::report_format(m), base), is_text_(true) {}

    /// The first item.
    iterator begin() const noexcept {
        return iterator(detail::report_cursor(items_, is_text_ ? &records_ : nullptr, &error_));
    }
    /// Past the last item.
    iterator end() const noexcept { return iterator(); }
    /// The first error met by an iteration.
    constexpr result error() const noexcept { return error_; }
    /// Whether the list reads a reply's records (decoded), not the caller's reports.
    constexpr bool from_text() const noexcept { return is_text_; }

    /// Walks the whole list: success with `count` reports, or the first error.
    result validate(std::size_t& count) const noexcept {
        count = 0;
        for (auto it = begin(); it != end(); ++it) ++count;
        if (!error_) return error_;
        return {errc{}, records_.text().size()};
    }

private:
    span<const report> items_;
    codec::delimited::records records_;
    bool is_text_ = false;
    mutable result error_;
};

/// §5.1.5-5.1.6: what a fetch answers.
enum class report_answer : unsigned char {
    reports,    ///< one or more records
    no_record,  ///< `no record`: 暂无报告
    error,      ///< an error reply (其它返回值见 3.1.2 节): `error:APIKEY or password error`
};

/// The reply to a report request: reports, or none.
struct report_reply {
    /// Whether reports came, and of which kind.
    report_answer answer = report_answer::no_record;
    report_list reports;  ///< reports
    fivec::reply error;   ///< error
};

/// The text of the reply when there is no report.
inline constexpr std::string_view no_record = "no record";

/// A leading BOM and the line ends at the end are skipped (tolerant: whitespace around it too,
/// `no record` in any case). `no record` as it is; a reply opening with a digit or ',' is the
/// records, walked once here to check them (report_list's errors, offsets in `in`); anything
/// else a reply (reply's errors), a `success:` one being bad_response ("reports").
inline result decode(bytes in, report_reply& out, mode m = mode::strict) noexcept {
    const std::string_view s = as_chars(in);
    std::size_t begin = codec::lines::detail::content_begin(s);
    std::size_t end = codec::lines::detail::content_end(s, begin);
    if (m == mode::tolerant) {
        while (begin < end && codec::ascii::is_space(s[begin])) ++begin;
        while (end > begin && codec::ascii::is_space(s[end - 1])) --end;
    }
    const std::string_view body = s.substr(begin, end - begin);
    if (m == mode::strict ? body == no_record : codec::ascii::iequals(body, no_record)) {
        out = report_reply{report_answer::no_record, {}, {}};
        return {errc{}, in.size()};
    }
    if (!body.empty() && (codec::ascii::is_digit(body[0]) || body[0] == ',')) {
        report_list list(body, m, begin);
        std::size_t n = 0;
        if (result r = list.validate(n); !r) return r;
        out = report_reply{report_answer::reports, list, {}};
        return {errc{}, in.size()};
    }
    fivec::reply r;
    if (result e = decode(in, r, m); !e) return e;
    if (r.success) return fail(errc::bad_response, begin, "reports");
    out = report_reply{report_answer::error, {}, r};
    return {errc{}, in.size()};
}

/// `no record`, the error reply, or every report with its ';' (each field checked as decoding
/// checks it, and as codec::delimited writes it: the offset of a record's error is its index,
/// result.field the field's name). An empty list is written as `no record`.
inline result encode(const report_reply& r, writer& out) noexcept {
    if (r.answer == report_answer::error) {
        if (r.error.success) return fail(errc::bad_response, 0, "reports");
        return encode(r.error, out);
    }
    std::size_t index = 0;
    for (const report& rep : r.reports) {
        const detail::report_layout& l = detail::layout(rep.form);
        if (rep.form != report_form::four && rep.form != report_form::five && rep.form != report_form::six) {
            return fail(errc::out_of_range, index, "record");
        }
        for (std::size_t i = 0; i < l.n; ++i) {
            if (result c = fields::check_value(rep.*(l.f[i].member), l.f[i].spec); !c) return fail(c.ec, index, c.field);
        }
        ++index;
    }
    if (r.answer == report_answer::no_record || index == 0) {
        out.write(no_record);
        return out.finish();
    }
    return codec::delimited::encode(r.reports, detail::values_of, detail::report_format(mode::strict), out);
}

}  // namespace smsgw::fivec
