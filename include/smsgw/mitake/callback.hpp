#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/mitake/body.hpp"
#include "smsgw/mitake/codes.hpp"
#include "smsgw/mitake/paths.hpp"

// 主動回報 Callback: Mitake POSTs the latest status of messages to the customer's URL, which
// must answer HTTP 200 (callback_ok_status); anything else counts as a failure to Mitake.
// Both directions, so that a test can play Mitake.
namespace smsgw::mitake {

/// messages欄位說明
struct callback_message {
    std::string_view batch_id;     ///< batchID: 批號
    std::string_view msg_id;       ///< msgID: 簡訊序號
    std::string_view status;       ///< 附件三: read_status()
    std::string_view status_time;  ///< statusTime: 簡訊狀態時間 yyyyMMddHHmmss
    std::uint32_t point = 0;       ///< 此筆點數

    /// The status as a code.
    mitake::message_status read_status() const noexcept { return mitake::read_status(status); }

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.batch_id, id("batchID"));
        v(m.msg_id, id("msgID"));
        v(m.status, fields::digits("status", 5));
        v(m.status_time, fields::date_time("statusTime", codec::datetime::shape::yyyymmddhhmmss).if_set());
        v(m.point, fields::number("point", 0xFFFFFFFFu).if_set());
    }
};

/// Mitake's callback: delivery reports pushed to the customer's URL.
struct callback_request {
    /// A message in Mitake's body format (mitake/body.hpp).
    static constexpr bool mitake_body = true;

    /// The reports.
    span<const callback_message> messages;

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v.group(m.messages, fields::group("messages", "messages"));
    }
};

/// Decodes the JSON body: strings that need it into `scratch`, the reports into `messages`.
inline result decode(bytes body, callback_request& out, mutable_bytes scratch, span<callback_message> messages,
                     decode_options o = {}) noexcept {
    return detail::decode_body(body, out, scratch, o, messages);
}

}  // namespace smsgw::mitake
