#pragma once

#include <cstddef>
#include <string_view>

#include "smsgw/imsp/list.hpp"
#include "smsgw/imsp/page.hpp"
#include "smsgw/imsp/request.hpp"

// query_batch (§3.4): the state of a message at every number it was sent to.
namespace smsgw::imsp {

// validate(), encode() and decode() come from request.hpp.
struct query_batch_request {
    static constexpr imsp::command command = imsp::command::query_batch;

    std::string_view account;     // ASCII, at most 10
    std::string_view password;    // ASCII, at most 10
    std::string_view message_id;  // digits, at most 10

    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        detail::credentials(v, m, 10);
        v(m.message_id, fields::digits("message_id", 10));
    }
};

// One `$msisdn,$status,$desc` of the answer (§3.4 註2).
struct batch_entry {
    std::string_view msisdn;
    message_state status{};
    std::string_view desc;  // leading and trailing spaces trimmed ("2, Submitted to MMSC")
};

namespace detail {

inline constexpr fields::spec msisdn = fields::digits("msisdn", 35);  // after a '+', if any
inline constexpr const char* batch_fields[] = {"msisdn", "status", "desc"};

// `$msisdn,$status,$desc;...` (§3.4 註2); a desc may hold commas.
struct batch_format {
    static constexpr codec::delimited::format list = description_list(',', 3).with_names("entries", batch_fields);

    static batch_entry item(const codec::delimited::record& r) noexcept {
        return_code n{};
        parse_code(r[1], 0, n);
        return {r[0], static_cast<message_state>(n), r[2]};
    }

    // An entry as the decoder checks it: the number's digits (after a '+'), the status a
    // non-negative code; offsets in the input.
    static result check(const codec::delimited::record& r) noexcept {
        const codec::delimited::field number = r.at(0);
        const std::size_t plus = codec::ascii::starts_with(number.value, "+") ? 1 : 0;
        if (result e = fields::check_value(number.value.substr(plus), msisdn); !e) {
            return fail(e.ec, e.ec == errc::bad_character ? number.offset + plus + e.offset : r.offset(), "msisdn");
        }
        const codec::delimited::field status = r.at(1);
        return_code n{};
        if (result e = parse_code(status.value, status.offset, n); !e || status.value[0] == '-') {
            return fail(e ? errc::bad_character : e.ec, status.offset, "status");
        }
        return {};
    }
};

}  // namespace detail

using batch_list = text_list<batch_entry, detail::batch_format>;

// A positive code: that many entries; -31 Message not found; and the codes of every command.
struct query_batch_response {
    return_code code{};
    batch_list entries;            // when the code is positive, as many as it says
    std::string_view description;  // the page's description as sent
};

// Every entry is checked and counted against the code: count_mismatch at the description
// when they differ; bad_response, bad_character at an entry that does not have the shape.
inline result decode(bytes in, query_batch_response& out) noexcept {
    page p;
    if (result r = decode(in, p); !r) return r;
    query_batch_response resp{p.code, {}, p.description};
    if (static_cast<int>(p.code) > 0) {
        const std::size_t at = detail::offset_in(in, p.description);
        const codec::delimited::records list(p.description, detail::batch_format::list, at);
        std::size_t count = 0;
        for (const codec::delimited::record& r : list) {
            if (result e = detail::batch_format::check(r); !e) return e;
            ++count;
        }
        if (result e = list.error(); !e) {
            return fail(e.ec == errc::count_mismatch ? errc::bad_response : e.ec, e.offset, "status");
        }
        if (count != static_cast<std::size_t>(p.code)) return fail(errc::count_mismatch, at, "return_code");
        resp.entries = batch_list::from_text(p.description);
    }
    out = resp;
    return {errc{}, in.size()};
}

// A positive code writes the entries, `msisdn,status,desc;...`, and must equal their number;
// any other code its description as given.
inline result encode(const query_batch_response& r, writer& out) noexcept {
    if (static_cast<int>(r.code) <= 0) {
        return encode(page{r.code, r.description}, out);
    }
    if (r.entries.size() != static_cast<std::size_t>(r.code)) return fail(errc::count_mismatch, 0, "return_code");
    for (const batch_entry& e : r.entries) {
        const std::size_t plus = codec::ascii::starts_with(e.msisdn, "+") ? 1 : 0;
        if (result v = fields::check_value(e.msisdn.substr(plus), detail::msisdn); !v) return v;
        if (static_cast<int>(e.status) < 0) return fail(errc::out_of_range, 0, "status");
    }
    // The list measured first, so that a refused entry leaves nothing written.
    auto entries = [&r](smsgw::writer& w) noexcept {
        codec::delimited::list_writer list(detail::batch_format::list, w);
        for (const batch_entry& e : r.entries) {
            const codec::decimal::text status = codec::decimal::format(static_cast<int>(e.status));
            if (result v = list.add({e.msisdn, status.view(), e.desc}); !v) return v;
        }
        return result{};
    };
    smsgw::writer measure;
    if (result v = entries(measure); !v) return v;
    detail::open_page(out, r.code);
    entries(out);
    return detail::close_page(out);
}

}  // namespace smsgw::imsp
