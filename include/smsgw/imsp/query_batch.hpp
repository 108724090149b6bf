#pragma once

#include <cstddef>
#include <string_view>

#include "smsgw/core/inline.hpp"
#include "smsgw/imsp/list.hpp"
#include "smsgw/imsp/page.hpp"
#include "smsgw/imsp/request.hpp"

// query_batch (§3.4): the state of a message at every number it was sent to.
namespace smsgw::imsp {

/// validate(), encode() and decode() come from request.hpp.
struct query_batch_request {
    /// The IMSP command this request is for.
    static constexpr imsp::command command = imsp::command::query_batch;

    std::string_view account;     ///< ASCII, at most 10
    std::string_view password;    ///< ASCII, at most 10
    std::string_view message_id;  ///< digits, at most 10

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        detail::credentials(v, m, 10);
        v(m.message_id, fields::digits("message_id", 10));
    }
};

/// One `$msisdn,$status,$desc` of the answer (§3.4 註2).
struct batch_entry {
    /// The recipient.
    std::string_view msisdn;
    /// Its message's state.
    message_state status{};
    std::string_view desc;  ///< leading and trailing spaces trimmed ("2, Submitted to MMSC")
};

namespace detail {

inline constexpr fields::spec msisdn = fields::digits("msisdn", 35);  // after a '+', if any

// One entry of the text, and whether it has the documented shape; `pos` moves past it (inlined
// into both of its loops: a call per entry costed a quarter of a 20-entry page).
// `bad` is set to the offset of the first byte at fault.
SMSGW_ALWAYS_INLINE bool read_entry(std::string_view text, std::size_t& pos, batch_entry& out, result& bad) noexcept {
    while (pos < text.size() && (text[pos] == ';' || is_space(text[pos]))) ++pos;
    if (pos >= text.size()) return false;
    std::size_t end = text.find(';', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view entry = text.substr(pos, end - pos);
    const std::size_t c1 = entry.find(',');
    const std::size_t c2 = c1 == std::string_view::npos ? c1 : entry.find(',', c1 + 1);
    bad = {};
    if (c2 == std::string_view::npos) {
        bad = fail(errc::bad_response, pos, "status");
    } else {
        out.msisdn = trim(entry.substr(0, c1));
        const std::string_view status = trim(entry.substr(c1 + 1, c2 - c1 - 1));
        out.desc = trim(entry.substr(c2 + 1));
        const std::size_t plus = !out.msisdn.empty() && out.msisdn[0] == '+' ? 1 : 0;
        std::int32_t n = 0;  // a state: digits, no sign, within int
        if (result r = fields::check_value(out.msisdn.substr(plus), msisdn); !r) {
            const std::size_t at = static_cast<std::size_t>(out.msisdn.data() - text.data()) + plus;
            bad = fail(r.ec, r.ec == errc::bad_character ? at + r.offset : pos, "msisdn");
        } else if (result s = codec::decimal::parse(status, n, {codec::decimal::sign::none, true, 10}); !s) {
            bad = fail(s.ec == errc::empty_field ? errc::bad_response : s.ec == errc::bad_character ? s.ec : errc::out_of_range,
                       pos + c1 + 1, "status");
        }
        out.status = static_cast<message_state>(n);
    }
    pos = end;
    return true;
}

struct batch_format {
    static bool next(std::string_view text, std::size_t& pos, batch_entry& out) noexcept {
        result ignored;
        return read_entry(text, pos, out, ignored);
    }
};

}  // namespace detail

/// The entries of a query_batch answer.
using batch_list = text_list<batch_entry, detail::batch_format>;

/// A positive code: that many entries; -31 Message not found; and the codes of every command.
struct query_batch_response {
    /// The gateway's return code.
    return_code code{};
    batch_list entries;            ///< when the code is positive, as many as it says
    std::string_view description;  ///< the page's description as sent
};

/// Every entry is checked and counted against the code: count_mismatch at the description
/// when they differ; bad_response, bad_character at an entry that does not have the shape.
inline result decode(bytes in, query_batch_response& out) noexcept {
    page p;
    if (result r = decode(in, p); !r) return r;
    query_batch_response resp{p.code, {}, p.description};
    if (static_cast<int>(p.code) > 0) {
        const std::size_t at = detail::offset_in(in, p.description);
        std::size_t pos = 0;
        std::size_t count = 0;
        batch_entry e;
        result bad;
        while (detail::read_entry(p.description, pos, e, bad)) {
            if (!bad) return fail(bad.ec, at + bad.offset, bad.field);
            ++count;
        }
        if (count != static_cast<std::size_t>(p.code)) return fail(errc::count_mismatch, at, "return_code");
        resp.entries = batch_list::from_text(p.description);
    }
    out = resp;
    return {errc{}, in.size()};
}

/// A positive code writes the entries, `msisdn,status,desc;...`, and must equal their number;
/// any other code its description as given.
inline result encode(const query_batch_response& r, writer& out) noexcept {
    if (static_cast<int>(r.code) <= 0) {
        return encode(page{r.code, r.description}, out);
    }
    if (r.entries.size() != static_cast<std::size_t>(r.code)) return fail(errc::count_mismatch, 0, "return_code");
    for (const batch_entry& e : r.entries) {
        const std::size_t plus = !e.msisdn.empty() && e.msisdn[0] == '+' ? 1 : 0;
        if (result v = fields::check_value(e.msisdn.substr(plus), detail::msisdn); !v) return v;
        if (static_cast<int>(e.status) < 0) return fail(errc::out_of_range, 0, "status");
        if (e.desc.find(';') != std::string_view::npos || detail::trim(e.desc).size() != e.desc.size()) {
            return fail(errc::bad_character, 0, "desc");
        }
    }
    detail::open_page(out, r.code);
    bool first = true;
    for (const batch_entry& e : r.entries) {
        if (!first) out.put(';');
        first = false;
        out.write(e.msisdn);
        out.put(',');
        detail::put_code(out, static_cast<return_code>(e.status));
        out.put(',');
        out.write(e.desc);
    }
    return detail::close_page(out);
}

}  // namespace smsgw::imsp
