#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/codec/decimal.hpp"
#include "smsgw/codec/fields.hpp"
#include "smsgw/hezhong/codes.hpp"
#include "smsgw/hezhong/message.hpp"

// The audit notification (§三): Hezhong posts it to a URL of the customer once a template has
// been reviewed by a carrier.
namespace smsgw::hezhong {

/// The platform's notification that a template passed or failed review.
struct audit_notification {
    /// Which Hezhong message this is.
    static constexpr message_kind kind = message_kind::audit_notification;

    /// username: the user name (用户名称).
    std::string_view username;
    /// mmsid: the template's number (模板编号).
    std::string_view mmsid;
    std::string_view status;  ///< "1" passed, "2" refused, as sent: see status_code()
    /// message: the description (描述).
    std::string_view message;
    std::string_view type;    ///< "1" China Mobile, "2" China Unicom, "3" China Telecom: see carrier_code()

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.username, fields::text("username"));
        v(m.mmsid, fields::ascii("mmsid", 64));
        v(m.status, fields::digits("status", 3));
        v(m.message, fields::text("message").allow_empty());
        v(m.type, fields::digits("type", 3));
    }

    /// The values as enums; a value the spec does not define stays its number.
    ///@{
    audit_status status_code() const noexcept { return static_cast<audit_status>(number(status)); }
    hezhong::carrier carrier_code() const noexcept { return static_cast<hezhong::carrier>(number(type)); }
    ///@}

private:
    static std::uint8_t number(std::string_view digits) noexcept {
        std::uint8_t n = 0;
        codec::decimal::parse(digits, n);
        return n;
    }
};

}  // namespace smsgw::hezhong
