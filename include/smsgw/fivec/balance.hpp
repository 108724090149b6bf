#pragma once

#include <cstddef>
#include <string_view>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/line_reply.hpp"
#include "smsgw/fivec/reply.hpp"
#include "smsgw/fivec/request.hpp"

// The balance query (§4): the credentials alone, answered by the balance as a bare number
// (§4.2 示例: `100`) or by an `error:` reply.
namespace smsgw::fivec {

/// `apikey=...&username=...&password=...`, to url(api::query_balance) by POST or GET;
/// validate(), encode() and decode() come from request.hpp.
struct balance_query {
    /// The 5C API this request is for.
    static constexpr fivec::api call = api::query_balance;

    std::string_view apikey;    ///< 32 characters
    std::string_view username;  ///< 3 to 15
    std::string_view password;  ///< 3 to 15

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        detail::credentials(v, m);
    }
};

/// 返回数据: 数字. The balance as sent, digits with an optional fraction (`100`, `12.50`), or
/// the error reply (error:APIKEY or password error, error:Unauthorized IP address).
struct balance_reply {
    /// Whether the reply is a balance, not an error.
    bool ok = false;
    std::string_view balance;  ///< ok: as sent
    fivec::reply error;        ///< !ok
};

namespace detail {
// Digits, then optionally '.' and digits: the offset of the first byte that does not fit, or
// v.size() when all do (an empty value is 0).
constexpr std::size_t number_end(std::string_view v) noexcept {
    std::size_t i = 0;
    while (i < v.size() && codec::ascii::is_digit(v[i])) ++i;
    if (i == 0 || i == v.size() || v[i] != '.') return i;
    const std::size_t dot = i++;
    while (i < v.size() && codec::ascii::is_digit(v[i])) ++i;
    return i == dot + 1 ? dot : i;
}
}  // namespace detail

/// A leading UTF-8 BOM and line ends at the end are skipped in both modes (tolerant: blanks
/// around the number too). Input that starts with a digit is the balance: bad_character at the
/// first byte that is not part of the number. Anything else is read as a reply (reply's errors);
/// a `success:` reply is bad_response ("balance") at its offset: the query has no msgid to give.
inline result decode(bytes in, balance_reply& out, mode m = mode::strict) noexcept {
    const std::string_view s = as_chars(in);
    std::size_t begin = codec::lines::detail::content_begin(s);
    std::size_t end = codec::lines::detail::content_end(s, begin);
    if (m == mode::tolerant) {
        while (begin < end && codec::ascii::is_space(s[begin])) ++begin;
        while (end > begin && codec::ascii::is_blank(s[end - 1])) --end;
    }
    const std::string_view body = s.substr(begin, end - begin);
    if (!body.empty() && codec::ascii::is_digit(body[0])) {
        const std::size_t n = detail::number_end(body);
        if (n != body.size()) return fail(errc::bad_character, begin + n, "balance");
        out = balance_reply{true, body, {}};
        return {errc{}, in.size()};
    }
    fivec::reply r;
    if (result e = decode(in, r, m); !e) return e;
    if (r.success) return fail(errc::bad_response, begin, "balance");
    out = balance_reply{false, {}, r};
    return {errc{}, in.size()};
}

/// The balance (digits, optionally '.' and digits: empty_field or bad_character "balance" at the
/// offset in it), or the error reply.
inline result encode(const balance_reply& r, writer& out) noexcept {
    if (!r.ok) {
        if (r.error.success) return fail(errc::bad_response, 0, "balance");
        return encode(r.error, out);
    }
    if (r.balance.empty()) return fail(errc::empty_field, 0, "balance");
    if (const std::size_t n = detail::number_end(r.balance); n != r.balance.size()) {
        return fail(errc::bad_character, n, "balance");
    }
    out.write(r.balance);
    return out.finish();
}

}  // namespace smsgw::fivec
