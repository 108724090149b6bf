#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/decimal.hpp"
#include "smsgw/codec/fields.hpp"
#include "smsgw/codec/form_fields.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/hezhong/message.hpp"

// QueryBalance (§六): a GET of path(call::query_balance) + '?' + the query string; the answer is
// a bare integer.
namespace smsgw::hezhong {

namespace detail {
constexpr fields::spec gbk_bytes(const char* name) noexcept {
    return fields::spec{name, fields::kind::binary, fields::presence::required, 1, fields::unlimited};
}
}  // namespace detail

/// `username` and `password` travel as percent-encoded GBK ("特殊字符 编码 GBK"): the members hold
/// the GBK bytes (smsgw::charset::encode(encoding::gbk, ...) makes them from UTF-8, decode reads
/// them back), and the query string percent-encodes every byte that needs it.
struct query_balance_request {
    /// userid: the user number (用户编号).
    std::string_view userid;
    bytes username;  ///< GBK
    bytes password;  ///< GBK

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.userid, fields::ascii("userid", fields::unlimited));
        v(m.username, detail::gbk_bytes("username"));
        v(m.password, detail::gbk_bytes("password"));
    }
};

/// userid=...&username=...&password=... (what follows '?').
inline result encode(const query_balance_request& q, writer& out) noexcept { return fields::encode_form(q, out); }

/// A query string as the platform reads it: values percent-decoded into `scratch` (at least the
/// query's size); errors as fields::decode_form gives them.
inline result decode(std::string_view query, query_balance_request& out, mutable_bytes scratch,
                     mode m = mode::strict) noexcept {
    return fields::decode_form(bytes(query), out, scratch, m);
}

/// The answer: the balance when >= 0, otherwise a failure code kept as it is (§六.3 lists none).
struct balance_reply {
    /// The balance.
    std::int64_t value = 0;
    /// Whether the value is a balance (not a failure code).
    constexpr bool ok() const noexcept { return value >= 0; }
};

/// Writes the bare integer.
inline result encode(const balance_reply& b, writer& out) noexcept {
    codec::decimal::write(out, b.value);
    return out.finish();
}

/// Strict: an optional '-' and digits, nothing else (bad_character, bad_number at their offset,
/// empty_field for an empty body). Tolerant: whitespace around the number (a line end) skipped.
inline result decode(std::string_view body, balance_reply& out, mode m = mode::strict) noexcept {
    const std::string_view text = m == mode::tolerant ? codec::ascii::trim(body) : body;
    const auto at = static_cast<std::size_t>(text.data() - body.data());
    if (text.empty()) return fail(errc::empty_field, at, "balance");
    std::int64_t v = 0;
    if (result r = codec::decimal::parse(text, v, {codec::decimal::sign::minus}); !r) return fail(r.ec, at + r.offset, "balance");
    out.value = v;
    return {errc{}, body.size()};
}

}  // namespace smsgw::hezhong
