#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/datetime.hpp"
#include "smsgw/codec/delimited.hpp"
#include "smsgw/codec/fields.hpp"
#include "smsgw/codec/percent.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/inline.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/detail/lazy_iterator.hpp"
#include "smsgw/hezhong/message.hpp"
#include "smsgw/hezhong/paths.hpp"

// The two pushes Hezhong posts to the customer's URLs (§七, §八): `rpts=` status reports and
// `mos=` replies, records separated by ';' and fields by ',', at most 500 records a packet.
// Each record is a struct with one walk(); the list is read lazily on codec::delimited, each
// record's fields checked by the walk as it is read.
namespace smsgw::hezhong {

namespace delimited = codec::delimited;

namespace detail {

// yyyyMMddHHmmss, a real calendar value.
inline result check_time(std::string_view v) noexcept {
    codec::datetime::date_time t;
    return codec::datetime::parse(v, codec::datetime::shape::yyyymmddhhmmss, t);
}
// Tolerant: line breaks inside the time are dropped first (the spec's `200904220946\n20`).
inline result check_broken_time(std::string_view v) noexcept {
    char digits[codec::datetime::text_size(codec::datetime::shape::yyyymmddhhmmss)];
    std::size_t n = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '\r' || v[i] == '\n') continue;
        if (n == sizeof digits) return fail(errc::invalid_length, i);
        digits[n++] = v[i];
    }
    return check_time(std::string_view(digits, n));
}
constexpr fields::spec receive_time(const char* name) noexcept {
    return fields::spec{name, fields::kind::binary, fields::presence::required, 1, fields::unlimited}
        .checked(check_time)
        .tolerating(check_broken_time);
}

// The spec names of a record's walk, in order, at compile time.
template <class Record>
struct record_names {
    std::array<const char*, fields::count<Record>()> names{};
    constexpr record_names() noexcept {
        collector c{names.data()};
        const Record r{};
        Record::walk(c, r);
    }
    struct collector {
        const char** out;
        template <class M>
        constexpr void operator()(const M&, const fields::spec& s) noexcept {
            *out++ = s.name;
        }
    };
};
template <class Record>
inline constexpr record_names<Record> names_of{};

// A list format whose field errors carry the record's spec names.
template <class Record>
constexpr delimited::format named(delimited::format f) noexcept {
    f.field_names = names_of<Record>.names.data();
    f.field_name_count = names_of<Record>.names.size();
    return f;
}

// The fields of a record, in walk order, from its split fields, each checked by its spec as it
// is read (one pass; fields it lacks stay empty and are checked so). An if_set field may be absent, not empty: strict mode refuses `...,20090422103324,` (empty_field
// at the field), which would be written back without its comma. Strict mode also refuses a blank
// at either end of a field (bad_character), which tolerant mode trims: what strict mode reads,
// tolerant mode reads the same (found by the fuzzer with a status of " "). These come before
// the spec's checks (`checked`), which are those of fields::validate.
template <std::size_t N, mode Mode>
struct record_filler {
    static constexpr mode m = Mode;
    const delimited::detail::split_record<N>& in;
    std::size_t index = 0;
    result r{};
    result checked{};  // the first field failing its spec, at its offset in the list
    // Inlined, so that the walk's constant spec leaves only its own kind's checks.
    template <class M>
    SMSGW_ALWAYS_INLINE void operator()(M& member, const fields::spec& s) noexcept {
        if (index >= in.count) return check(member, s, in.end);
        const delimited::field& f = in.fields[index++];
        member = f.value;
        check(member, s, f.offset);
        if (!r || m != mode::strict) return;
        if (f.value.empty()) {
            if (s.presence == fields::presence::if_set) r = fail(errc::empty_field, f.offset, s.name);
            return;
        }
        if (!maybe_space(f.value.front()) && !maybe_space(f.value.back())) return;
        if (codec::ascii::is_space(f.value.front())) r = fail(errc::bad_character, f.offset, s.name);
        if (f.value.size() > 1 && codec::ascii::is_space(f.value.back())) {
            r = fail(errc::bad_character, f.offset + f.value.size() - 1, s.name);
        }
    }
    // Whether c may be one of is_space(): one comparison, for the common byte that is not.
    static constexpr bool maybe_space(char c) noexcept { return static_cast<unsigned char>(c) <= ' '; }
    SMSGW_ALWAYS_INLINE void check(std::string_view v, const fields::spec& s, std::size_t at) noexcept {
        if (!checked || (s.presence == fields::presence::if_set && v.empty())) return;
        if (result c = fields::detail::check(v, s, m); !c) checked = fail(c.ec, at + c.offset, s.name);
    }
};

// A record's fields as a range of string_view for delimited's writer: the trailing if_set ones
// left out when empty (the fifth `rpts` field).
template <class Record>
struct record_fields {
    std::array<std::string_view, fields::count<Record>()> values{};
    std::size_t n = 0;
    const std::string_view* begin() const noexcept { return values.data(); }
    const std::string_view* end() const noexcept { return values.data() + n; }

    explicit record_fields(const Record& r) noexcept {
        collector c{*this};
        Record::walk(c, r);
    }
    struct collector {
        record_fields& f;
        std::size_t index = 0;
        template <class M>
        void operator()(const M& v, const fields::spec& s) noexcept {
            f.values[index++] = v;
            if (!v.empty() || s.presence != fields::presence::if_set) f.n = index;
        }
    };
};

}  // namespace detail

/// The records of one push, read lazily from the list's text (the form value, decoded): no copy,
/// no allocation; the first error ends the walk and stays in error(). Errors, offsets in the
/// list (plus `base`): codec::delimited's for the list's shape (empty_field, bad_character at a
/// line break in strict mode, count_mismatch, too_many past 500, truncated for a `mos` list
/// whose last record has no ';' in strict mode), then the record's walk: a field's error at its
/// byte, result.field its spec name.
template <class Record>
class record_list {
public:
    /// Each record, filled and checked by its walk; an error ends the walk.
    class cursor {
    public:
        using value_type = Record;
        constexpr cursor() noexcept = default;
        explicit cursor(const record_list& list) noexcept : list_(&list), records_(list.records_) { advance(); }
        const Record& current() const noexcept { return cur_; }
        void advance() noexcept { list_->mode_ == mode::strict ? load<mode::strict>() : load<mode::tolerant>(); }
        std::size_t position() const noexcept { return at_; }

    private:
        static constexpr std::size_t fields_in = fields::count<Record>();
        static constexpr std::size_t end_mark = static_cast<std::size_t>(-1);
        // The list's format in mode M, a constant for next_split().
        template <mode M>
        static constexpr delimited::format format_in = Record::list_format(M);
        static_assert(format_in<mode::strict>.max_fields <= fields_in && format_in<mode::tolerant>.max_fields <= fields_in);

        template <mode M>
        void load() noexcept {
            if (!records_.next_split(split_, format_in<M>)) {
                delimited::record rec;
                if (!records_.next(rec)) {
                    if (!list_->records_.error()) list_->error_ = list_->records_.error();
                    at_ = end_mark;
                    return;
                }
                delimited::detail::split(rec, split_);
            }
            at_ = split_.offset;
            cur_ = Record{};
            detail::record_filler<fields_in, M> fill{split_};
            Record::walk(fill, cur_);
            if (!fill.r) return stop(fill.r);
            if (!fill.checked) stop(fill.checked);
        }
        void stop(result r) noexcept {
            list_->error_ = r;
            records_ = delimited::detail::record_cursor();
            at_ = end_mark;
        }
        const record_list* list_ = nullptr;
        delimited::detail::record_cursor records_;
        delimited::detail::split_record<fields_in> split_;
        Record cur_;
        std::size_t at_ = end_mark;
    };
    /// The iterator over the items.
    using iterator = smsgw::detail::lazy_iterator<cursor>;

    /// The records of `text`; `base` is its offset in the whole input.
    record_list(std::string_view text, mode m = mode::strict, std::size_t base = 0) noexcept
        : records_(text, Record::list_format(m), base), mode_(m) {}

    /// The first item.
    iterator begin() const noexcept {
        error_ = {};
        return iterator(cursor(*this));
    }
    /// Past the last item.
    iterator end() const noexcept { return {}; }
    /// The first error the last walk met, or success.
    constexpr result error() const noexcept { return error_; }

    /// Walks the whole list once: success with offset = the list's size and `count` the records,
    /// or the first error (`count` the records before it).
    result validate(std::size_t& count) const noexcept {
        count = 0;
        for (auto it = begin(); it != end(); ++it) ++count;
        if (!error_) return error_;
        return {errc{}, records_.text().size()};
    }

private:
    delimited::records records_;
    mode mode_;
    mutable result error_;
};

/// Writes `items` (any range of Record) as the list Hezhong posts, every record checked by its
/// walk and by the list's format before anything is written. Success: offset = bytes written;
/// buffer_too_small with the size needed; a field's error (the walk's, or a separator or line
/// break inside it) at the offset in the field, result.field its name; too_many (offset: the
/// index) past 500 records.
template <class Record, class Items>
result encode_list(const Items& items, writer& out) noexcept {
    for (const Record& r : items) {
        if (result e = fields::validate(r); !e) return e;
    }
    return delimited::encode(
        items, [](const Record& r) noexcept { return detail::record_fields<Record>(r); }, Record::list_format(mode::strict),
        out);
}

/// One status report (§七 rpts): 手机号, 状态, 提交流水号, 接收时间 and, in some, 平台流水号.
struct report {
    /// mobile: the recipient.
    std::string_view mobile;
    std::string_view status;        ///< DELIVRD when delivered; any other code is a failure, kept as sent
    std::string_view msgid;         ///< the message's id (发送短信消息编号)
    std::string_view receive_time;  ///< yyyyMMddHHmmss
    std::string_view serial;        ///< the platform's serial number, when there is a fifth field

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors (inlined, so that
    /// the list reader's visitor sees each spec as a constant).
    template <class V, class Self>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m) {
        v(m.mobile, fields::digits("mobile", 20));
        v(m.status, fields::ascii("status", 32));
        v(m.msgid, fields::ascii("msgid", 64));
        v(m.receive_time, detail::receive_time("receive_time"));
        v(m.serial, fields::ascii("serial", 64).if_set());
    }
    /// Whether the status is DELIVRD.
    bool delivered() const noexcept { return status == "DELIVRD"; }

    /// Strict: records as the prose says, no line break, no trailing ';'. Tolerant: blanks and
    /// line breaks around fields trimmed, a line break inside one kept (the receive time is
    /// then read without it), empty records skipped.
    static constexpr delimited::format list_format(mode m) noexcept {
        constexpr delimited::format strict = delimited::format{';', ',', 4, 5}
                                                 .with_max_records(max_push_records)
                                                 .with_name("rpts");
        return m == mode::strict ? detail::named<report>(strict)
                                 : detail::named<report>(strict).with_mode(m)
                                       .with_trim(delimited::trimming::space)
                                       .with_breaks(delimited::line_breaks::keep);
    }
};

/// One reply (§八 mos): 手机号, 扩展号, 用户回复 (URL-encoded UTF-8), 上行接收时间.
struct mo {
    /// 手机号: the sender.
    std::string_view mobile;
    /// 扩展号: the extension the reply was sent to.
    std::string_view extension;
    std::string_view content;  ///< as sent, still URL-encoded: decode_content() decodes it
    /// 上行接收时间: when the platform received it.
    std::string_view receive_time;

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors (inlined, so that
    /// the list reader's visitor sees each spec as a constant).
    template <class V, class Self>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m) {
        v(m.mobile, fields::digits("mobile", 20));
        v(m.extension, fields::digits("extension", 20).allow_empty());
        v(m.content, fields::ascii("content", fields::unlimited).allow_empty());
        v(m.receive_time, detail::receive_time("receive_time"));
    }

    /// The reply's text: percent-decoded ('+' a space, as Java's URLEncoder writes it) into
    /// `out`. Success: offset = bytes written; bad_escape at the '%' at fault.
    result decode_content(writer& out) const noexcept { return codec::percent::decode(content, out, codec::percent::style::form); }

    /// Strict: every record ended by ';', as the spec's example has them, no line break.
    /// Tolerant: the last ';' may be missing, blanks and line breaks between records skipped.
    static constexpr delimited::format list_format(mode m) noexcept {
        constexpr delimited::format strict = delimited::format{';', ',', 4, 4}
                                                 .with_max_records(max_push_records)
                                                 .with_terminator()
                                                 .with_name("mos");
        if (m == mode::strict) return detail::named<mo>(strict);
        delimited::format f = detail::named<mo>(strict).with_mode(m).with_trim(delimited::trimming::space);
        f.terminated = false;
        return f;
    }
};

/// The status reports of `rpts`.
using report_list = record_list<report>;
/// The MO messages of `mos`.
using mo_list = record_list<mo>;

}  // namespace smsgw::hezhong
