#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/mitake/body.hpp"
#include "smsgw/mitake/codes.hpp"

// 批次狀態查詢(queryBatchDR) and 單筆狀態查詢(querySingleDR): POST message_path with actionType
// queryBatchDR or querySingleDR; both answer with the batch's messages and their 附件三 status.
namespace smsgw::mitake {

/// A status query for several messages.
struct query_batch_request {
    /// A message in Mitake's body format (mitake/body.hpp).
    static constexpr bool mitake_body = true;

    std::string_view batch_id;  ///< batchID: 必要，批號: uint64 as text

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.batch_id, id("batchID"));
    }
};

/// One of querySingleDR's msgIDs.
struct msg_id {
    std::string_view value;  ///< msgIDs: uint64 as text

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.value, id("msgIDs"));
    }
};

/// A status query for one message.
struct query_single_request {
    /// A message in Mitake's body format (mitake/body.hpp).
    static constexpr bool mitake_body = true;

    std::string_view batch_id;  ///< batchID: 必要，批號
    span<const msg_id> msg_ids;  ///< 必要，簡訊序號，可帶入多筆: at least one

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.batch_id, id("batchID"));
        v.group(m.msg_ids, fields::group("msgIDs", "msgIDs").of_values());
    }
};

namespace detail {
// msgIDs: 必要 and at least one (附件一 4002 請輸入簡訊序號).
inline result cross_check(const query_single_request& m, const place& p) noexcept {
    return m.msg_ids.empty() ? fail(errc::empty_field, p.at({}, 0), "msgIDs") : result{};
}
}  // namespace detail

/// messages欄位說明 of both queries.
struct report {
    std::string_view msg_id;       ///< msgID: 簡訊序號
    std::string_view status_time;  ///< statusTime: 簡訊狀態時間 yyyyMMddHHmmss
    std::string_view status;       ///< 附件三: read_status()
    std::uint32_t point = 0;       ///< 此筆點數

    /// The status as a code.
    mitake::message_status read_status() const noexcept { return mitake::read_status(status); }

    /// In the order of the spec's examples.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.msg_id, id("msgID"));
        v(m.status_time, fields::date_time("statusTime", codec::datetime::shape::yyyymmddhhmmss).if_set());
        v(m.status, fields::digits("status", 5));
        v(m.point, fields::number("point", 0xFFFFFFFFu).if_set());
    }
};

/// The answer to either query: batchID and its messages, or code and description (附件一).
struct query_response {
    /// A message in Mitake's body format (mitake/body.hpp).
    static constexpr bool mitake_body = true;

    std::string_view batch_id;  ///< batchID: 批號
    /// The statuses.
    span<const report> messages;
    batch_error code{};            ///< 附件一; 0: none
    std::string_view description;  ///< 錯誤說明

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.batch_id, id("batchID").if_set());
        v.group(m.messages, fields::group("messages", "messages").if_set());
        v(m.code, fields::code("code", 0xFFFFu).if_set());
        v(m.description, fields::text("description").if_set());
    }
};

/// Decodes the JSON body: strings that need it into `scratch`, lists into the spans given.
///@{
inline result decode(bytes body, query_batch_request& out, mutable_bytes scratch, decode_options o = {}) noexcept {
    return detail::decode_body(body, out, scratch, o);
}
inline result decode(bytes body, query_single_request& out, mutable_bytes scratch, span<msg_id> msg_ids,
                     decode_options o = {}) noexcept {
    return detail::decode_body(body, out, scratch, o, msg_ids);
}
inline result decode(bytes body, query_response& out, mutable_bytes scratch, span<report> messages,
                     decode_options o = {}) noexcept {
    return detail::decode_body(body, out, scratch, o, messages);
}
///@}

}  // namespace smsgw::mitake
