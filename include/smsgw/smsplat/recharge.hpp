#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/codec/line_reply.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/smsplat/codes.hpp"
#include "smsgw/smsplat/reply.hpp"
#include "smsgw/smsplat/request.hpp"
#include "smsgw/smsplat/sign.hpp"

// Recharge (chapter 12): adds to or deducts from an account's balance, signed by an operator.
namespace smsgw::smsplat {

/// type of table 12.1.
enum class recharge_type : unsigned char { add = 1, deduct = 2 };

/// A request to recharge an account.
struct recharge_request {
    /// The platform call this request is for.
    static constexpr smsplat::call endpoint = call::recharge;

    std::string_view username;   ///< the operator's account, agreed offline
    std::string_view password;   ///< sign(username, secretkey, timestamp)
    std::string_view timestamp;  ///< yyyyMMddHHmmss
    std::string_view operator_;  ///< `operator`: who operates
    std::string_view account;    ///< encrypt_account(): base64 of the DES-encrypted platform user name
    std::uint64_t fee = 0;       ///< a positive integer
    /// type: how the amount applies.
    recharge_type type = recharge_type::add;
    std::string_view productid;  ///< optional: one product, the amount converted to its messages

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        detail::signed_by(v, m);
        v(m.account, detail::encrypted("account"));
        v(m.fee, fields::number("fee", fields::unlimited, 1));
        v(m.type, fields::code("type", 2, 1));
        v(m.productid, fields::digits("productid", detail::product_id.max).if_set());
    }
};

/// §12.3: `resptime,status`.
struct recharge_reply {
    /// resptime: when the platform answered.
    std::string_view resptime;
    /// The status the platform answered.
    recharge_status status{};
};

namespace detail {
inline constexpr codec::lines::part status_only_shape[] = {{"resptime,respstatus"}};
}  // namespace detail

/// One line (strict: LF-ended if ended at all, nothing after it). Tolerant: blanks around the
/// parts, any line end, lines after it ignored.
inline result decode(bytes in, recharge_reply& out, mode m = mode::strict) noexcept {
    codec::lines::reply<1> lines;
    if (result r = codec::lines::decode(in, detail::status_only_shape, lines, {m}); !r) return r;
    detail::status_line s;
    if (result r = detail::read_status_line(lines[0].first, m, false, s); !r) return r;
    out = recharge_reply{s.resptime, static_cast<recharge_status>(s.status)};
    return {errc{}, in.size()};
}

/// Writes the status line.
inline result encode(const recharge_reply& r, writer& out) noexcept {
    codec::lines::builder b(out);
    if (result v = detail::write_status_line(b, r.resptime, static_cast<unsigned>(r.status)); !v) return v;
    return b.finish();
}

}  // namespace smsgw::smsplat
