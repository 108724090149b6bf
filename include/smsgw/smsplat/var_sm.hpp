#pragma once

#include <cstddef>
#include <string_view>
#include <utility>

#include "smsgw/codec/delimited.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/smsplat/batch_send.hpp"

// HttpVarSM (chapter 14): one template with `{var}` placeholders, and per number the values
// that fill them, `params=mobile,v1,v2,...;mobile,v1,v2,...`. It is answered as HttpBatchSendSM
// is (send_reply).
namespace smsgw::smsplat {

/// Placeholders a template may hold; a msg with more is refused (too_many, field msg).
inline constexpr std::size_t max_placeholders = 32;

/// How many placeholders `msg` holds: `{var}` as chapter 14 writes them, and `{$var}` as
/// white-label variants of the platform do.
constexpr std::size_t placeholders(std::string_view msg) noexcept {
    std::size_t n = 0;
    for (std::size_t at = msg.find('{'); at != std::string_view::npos; at = msg.find('{', at + 1)) {
        const std::string_view rest = msg.substr(at);
        if (rest.substr(0, 5) == "{var}" || rest.substr(0, 6) == "{$var}") ++n;
    }
    return n;
}

/// The list `params` is, for a template of `n` placeholders: records separated by ';' (one
/// after the last allowed), each the mobile number and then exactly `n` values separated by ','.
constexpr codec::delimited::format params_format(std::size_t n) noexcept {
    return codec::delimited::format{';', ',', n + 1, n + 1}.with_name("params");
}

namespace detail {

// `params` without the one ';' that may end it.
constexpr std::string_view params_records(std::string_view params) noexcept {
    return !params.empty() && params.back() == ';' ? params.substr(0, params.size() - 1) : params;
}

template <std::size_t N>
result check_params(std::string_view v) noexcept {
    codec::delimited::records list(params_records(v), params_format(N));
    for (const codec::delimited::record& rec : list) {
        const codec::delimited::field number = rec.at(0);
        if (result r = check_mobile(number.value); !r) return fail(r.ec, number.offset + r.offset);
    }
    return list.error();
}

template <std::size_t... N>
constexpr fields::check_fn params_check(std::size_t n, std::index_sequence<N...>) noexcept {
    constexpr fields::check_fn checks[] = {&check_params<N>...};
    return checks[n];
}

// msg's own rule: at most max_placeholders of them.
inline result check_template(std::string_view v) noexcept {
    return placeholders(v) > max_placeholders ? fail(errc::too_many, 0) : result{};
}

}  // namespace detail

/// A request to send a template with each number's own variables.
struct var_sm_request {
    /// The platform call this request is for.
    static constexpr smsplat::call endpoint = call::var_sm;

    /// account: the account.
    std::string_view account;
    /// pswd: the account's password.
    std::string_view pswd;
    std::string_view msg;     ///< UTF-8, 1 to 585 characters, with {var} placeholders
    std::string_view params;  ///< records `mobile,v1,...,vn` joined by ';' (write_params builds it)
    /// needstatus: whether status reports are wanted.
    std::string_view needstatus = "false";
    std::string_view product;  ///< optional, as in table 9.2
    std::string_view extno;    ///< optional, as in table 9.2

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        const std::size_t n = placeholders(m.msg);
        detail::credentials(v, m);
        v(m.msg, fields::text("msg", max_msg_chars).checked(detail::check_template));
        v(m.params, fields::text("params")
                        .checked(detail::params_check(n <= max_placeholders ? n : 0,
                                                      std::make_index_sequence<max_placeholders + 1>())));
        detail::send_options(v, m);
    }
};

/// `params` from the caller's records, each a range of std::string_view: the mobile number,
/// then one value per placeholder of the template. A value holding ',', ';', CR or LF is
/// refused (bad_character, offset inside the field) and nothing is written, as is a record with
/// another number of values (count_mismatch, offset the record's index).
template <class Records>
result write_params(const Records& records, std::size_t placeholder_count, writer& out) noexcept {
    return codec::delimited::encode(records, params_format(placeholder_count), out);
}

/// The records of a request's params, read lazily (mobile first, then the values).
inline codec::delimited::records params(const var_sm_request& r) noexcept {
    return codec::delimited::records(detail::params_records(r.params), params_format(placeholders(r.msg)));
}

}  // namespace smsgw::smsplat
