#pragma once

#include <cstddef>
#include <string_view>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/datetime.hpp"
#include "smsgw/codec/decimal.hpp"
#include "smsgw/codec/fields.hpp"
#include "smsgw/codec/line_reply.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/writer.hpp"

// The first line of every answer of the platform: `resptime,respstatus` (§9.3, §11.3, §12.3),
// and on UserManage a description after a second comma (§13.3). Lines end in LF (§9.3.1);
// replies are read with codec::lines, so CRLF, a missing last line end and trailing blank lines
// are handled there.
namespace smsgw::smsplat::detail {

inline constexpr codec::fields::spec resptime =
    codec::fields::date_time("resptime", codec::datetime::shape::yyyymmddhhmmss);

// The line as read: the time as sent (14 digits, a real date and time), the status as a number,
// and what follows a second comma when the reply has a description.
struct status_line {
    std::string_view resptime;
    unsigned status = 0;
    bool has_description = false;
    std::string_view description;
    std::size_t description_at = 0;  // of the description in the input
};

// Tolerant mode drops blanks around the time and the status (the spec's own §9.3.2 failure
// example prints `20110725160412, 101`); strict mode takes them as they are. The description is
// text: the blanks around it are dropped in both modes (§13.3 prints `20130303180000,305, 密码格式错误`). Errors at their offset in the whole input: missing_field (field
// respstatus) at the line's end without a comma; the resptime's date_time errors; the status's
// decimal errors (bad_character at a blank in strict mode); bad_character at a second comma when
// the reply has no description.
inline result read_status_line(const codec::lines::line& l, smsgw::mode m, bool with_description,
                               status_line& out) noexcept {
    const std::string_view text = l.text;
    const std::size_t comma = text.find(',');
    if (comma == std::string_view::npos) return fail(errc::missing_field, l.offset + text.size(), "respstatus");
    auto part = [&](std::size_t from, std::size_t to, std::size_t& at, bool trim) noexcept {
        std::string_view v = text.substr(from, to - from);
        if (trim) v = codec::ascii::trim(v, codec::ascii::is_blank);
        at = l.offset + (v.empty() ? from : static_cast<std::size_t>(v.data() - text.data()));
        return v;
    };
    std::size_t at = 0;
    status_line s;
    s.resptime = part(0, comma, at, m == smsgw::mode::tolerant);
    if (result r = codec::fields::check_value(s.resptime, resptime); !r) return fail(r.ec, at + r.offset, r.field);
    std::size_t end = text.find(',', comma + 1);
    if (end != std::string_view::npos && !with_description) return fail(errc::bad_character, l.offset + end, "respstatus");
    if (end == std::string_view::npos) end = text.size();
    const std::string_view status = part(comma + 1, end, at, m == smsgw::mode::tolerant);
    if (result r = codec::decimal::parse(status, s.status); !r) return fail(r.ec, at + r.offset, "respstatus");
    if (end < text.size()) {
        s.has_description = true;
        s.description = part(end + 1, text.size(), s.description_at, true);
    }
    out = s;
    return {};
}

// Writes `resptime,respstatus[,description]` as the first line of `b`; the resptime checked.
inline result write_status_line(codec::lines::builder& b, std::string_view time, unsigned status,
                                std::string_view description = {}) noexcept {
    if (result r = codec::fields::check_value(time, resptime); !r) return r;
    const auto number = codec::decimal::format(status);
    if (description.empty()) {
        b.line({time, ",", number.view()});
    } else {
        b.line({time, ",", number.view(), ",", description});
    }
    return {};
}

}  // namespace smsgw::smsplat::detail
