#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/core/code_text.hpp"

#include "smsgw/codec/decimal.hpp"

// The three code tables of mitake-mms-api.txt. Their numbers overlap with different meanings
// (2001 is 請輸入主旨 in 附件一 and 門號有錯誤 in 附件三), so each is its own enum; a number the
// spec does not define is kept as it came (each enum holds every uint16).
namespace smsgw::mitake {

/// 附件一：整批錯誤代碼, the `code` of a response whose whole request failed.
enum class batch_error : std::uint16_t {
    system_error = 9999,
    missing_authorization = 1001,
    missing_authorization_2 = 1002,
    invalid_authorization = 1003,
    invalid_authorization_2 = 1004,
    authorization_expired = 1005,
    invalid_address = 1006,
    too_many_connections = 1007,
    invalid_action_type = 1008,
    too_many_destinations = 1009,
    invalid_authorization_3 = 1010,
    missing_subject = 2001,
    subject_too_long = 2002,
    attachments_too_large = 2003,
    bad_order_time_format = 2004,
    bad_order_time_format_2 = 2005,
    bad_expire_time_format = 2006,
    bad_expire_time_format_2 = 2007,
    empty_attachment = 2012,
    missing_attach_type = 2013,
    missing_attach_name = 2014,
    bad_order_time = 2015,
    bad_expire_time = 2016,
    attach_name_too_long = 2017,
    project_name_too_long = 2019,
    invalid_attachment = 2020,
    missing_attach_content = 2021,
    accounting_failed = 3001,
    missing_batch_id = 4001,
    missing_msg_id = 4002,
    malformed_request = 4003,
};

/// 附件二：單筆錯誤代碼, the `status` of one message that failed in a push.
enum class message_error : std::uint16_t {
    c_id_too_long = 2008,
    missing_phone_number = 2009,
    phone_number_too_long = 2010,
    bad_phone_number = 2011,
    duplicate_c_id = 2018,
};

/// 附件三：狀態代碼, the `status` of a message in push, queryBatchDR, querySingleDR and the callback.
enum class status : std::uint16_t {
    delivered = 0,              ///< 已送達手機
    accepted = 1,               ///< 已送達三竹
    sent_to_carrier = 2,        ///< 已送達業者
    scheduled = 1000,           ///< 預約傳送中
    cancelled = 1001,           ///< 預約已取消
    bad_content = 2000,         ///< 內容有錯誤
    bad_number = 2001,          ///< 門號有錯誤
    disabled = 2002,            ///< 訊息已停用
    expired = 2003,             ///< 逾時無法送達
    carrier_error = 2999,       ///< 業者系統錯誤
    send_failed = 9998,         ///< 傳送錯誤 (1.17)
    mitake_system_error = 9999, ///< 三竹系統錯誤
};

// A code's text: the spec's own (UTF-8) and an English one; both empty for a number the table
// does not define.
using code_text = smsgw::code_text;  ///< {chinese, english}

/// The spec's text of a code, in Chinese and English.
///@{
constexpr code_text describe(batch_error e) noexcept {
    switch (e) {
    case batch_error::system_error: return {"系統錯誤", "system error"};
    case batch_error::missing_authorization:
    case batch_error::missing_authorization_2: return {"請輸入認證資訊", "authorization missing"};
    case batch_error::invalid_authorization:
    case batch_error::invalid_authorization_2:
    case batch_error::invalid_authorization_3: return {"無效認證資訊", "invalid authorization"};
    case batch_error::authorization_expired: return {"認證資訊已過期", "authorization expired"};
    case batch_error::invalid_address: return {"無效連線位址", "connection from an address not allowed"};
    case batch_error::too_many_connections: return {"連線數超過上限", "too many connections"};
    case batch_error::invalid_action_type: return {"無效服務名稱", "invalid actionType"};
    case batch_error::too_many_destinations: return {"發送筆數超過最大上限", "more destinations than allowed"};
    case batch_error::missing_subject: return {"請輸入主旨", "subject missing"};
    case batch_error::subject_too_long: return {"主旨長度超過上限", "subject too long"};
    case batch_error::attachments_too_large: return {"訊息附件總和大小超過上限", "message and attachments too large"};
    case batch_error::bad_order_time_format:
    case batch_error::bad_order_time_format_2: return {"預約時間格式錯誤", "orderTime malformed"};
    case batch_error::bad_expire_time_format:
    case batch_error::bad_expire_time_format_2: return {"有效時間格式錯誤", "expireTime malformed"};
    case batch_error::empty_attachment: return {"訊息附件為空值", "attachment empty"};
    case batch_error::missing_attach_type: return {"附件類型空值", "attachType missing"};
    case batch_error::missing_attach_name: return {"附件檔名空值", "attachName missing"};
    case batch_error::bad_order_time: return {"預約時間時間錯誤", "orderTime not a valid time"};
    case batch_error::bad_expire_time: return {"有效時間時間錯誤", "expireTime not a valid time"};
    case batch_error::attach_name_too_long: return {"附件檔名超出限制", "attachName too long"};
    case batch_error::project_name_too_long: return {"專案名稱長度超過上限", "projectName too long"};
    case batch_error::invalid_attachment: return {"無效附件", "invalid attachment"};
    case batch_error::missing_attach_content: return {"附件內容空值", "attachContent missing"};
    case batch_error::accounting_failed: return {"帳務處理失敗", "accounting failed"};
    case batch_error::missing_batch_id: return {"請輸入批號", "batchID missing"};
    case batch_error::missing_msg_id: return {"請輸入簡訊序號", "msgID missing"};
    case batch_error::malformed_request: return {"電文格式不正確", "malformed request body"};
    }
    return {};
}

constexpr code_text describe(message_error e) noexcept {
    switch (e) {
    case message_error::c_id_too_long: return {"客戶端序號長度超過上限", "cID too long"};
    case message_error::missing_phone_number: return {"手機號碼空值", "phone number missing"};
    case message_error::phone_number_too_long: return {"手機號碼長度超過上限", "phone number too long"};
    case message_error::bad_phone_number: return {"手機號碼格式錯誤", "phone number malformed"};
    case message_error::duplicate_c_id: return {"cID重複", "cID duplicate"};
    }
    return {};
}

constexpr code_text describe(status s) noexcept {
    switch (s) {
    case status::delivered: return {"已送達手機", "delivered to the handset"};
    case status::accepted: return {"已送達三竹", "accepted by Mitake"};
    case status::sent_to_carrier: return {"已送達業者", "delivered to the carrier"};
    case status::scheduled: return {"預約傳送中", "scheduled"};
    case status::cancelled: return {"預約已取消", "schedule cancelled"};
    case status::bad_content: return {"內容有錯誤", "content error"};
    case status::bad_number: return {"門號有錯誤", "number error"};
    case status::disabled: return {"訊息已停用", "message disabled"};
    case status::expired: return {"逾時無法送達", "expired undelivered"};
    case status::carrier_error: return {"業者系統錯誤", "carrier system error"};
    case status::send_failed: return {"傳送錯誤", "sending failed"};
    case status::mitake_system_error: return {"三竹系統錯誤", "Mitake system error"};
    }
    return {};
}
///@}

/// Where a message stands: the one question every caller asks of a status.
enum class outcome : unsigned char {
    pending,    ///< 1, 2, 1000: it may still change
    delivered,  ///< 0
    failed,     ///< 2000-2003, 2999, 9998, 9999, and every 附件二 error
    cancelled,  ///< 1001
    unknown,    ///< a number no table defines
};

/// Whether no later report will change the outcome.
constexpr bool is_final(outcome o) noexcept {
    return o == outcome::delivered || o == outcome::failed || o == outcome::cancelled;
}

/// A message's `status` text read to its table: 附件二 when one message of a push failed
/// (2008-2011, 2018, which 附件三 does not use), 附件三 otherwise. `text` is kept verbatim.
struct message_status {
    /// Which table the code was found in.
    enum class table : unsigned char { status, error, unknown };

    /// The code as sent.
    std::string_view text;
    /// Which table has it.
    table in = table::unknown;
    std::uint16_t number = 0;  ///< its number, for an unknown one too (0 when the text is no uint16)

    /// The number as a status code.
    constexpr mitake::status as_status() const noexcept { return static_cast<mitake::status>(number); }
    /// The number as an error code.
    constexpr message_error as_error() const noexcept { return static_cast<message_error>(number); }
    /// The text of the code, from its table.
    constexpr code_text describe() const noexcept {
        return in == table::status ? mitake::describe(as_status())
               : in == table::error ? mitake::describe(as_error())
                                    : code_text{};
    }
    /// What the code means for the message.
    constexpr mitake::outcome outcome() const noexcept {
        if (in == table::error) return outcome::failed;
        if (in == table::unknown) return outcome::unknown;
        switch (as_status()) {
        case status::delivered: return outcome::delivered;
        case status::accepted:
        case status::sent_to_carrier:
        case status::scheduled: return outcome::pending;
        case status::cancelled: return outcome::cancelled;
        default: return outcome::failed;
        }
    }
    /// Whether no later report will change it.
    constexpr bool is_final() const noexcept { return mitake::is_final(outcome()); }
};

/// `text` (digits, as the message carries it) to its table and number.
constexpr message_status read_status(std::string_view text) noexcept {
    message_status s{text};
    std::uint16_t n = 0;
    if (!codec::decimal::parse(text, n)) return s;
    s.number = n;
    if (describe(s.as_error()).known()) {
        s.in = message_status::table::error;
    } else if (describe(s.as_status()).known()) {
        s.in = message_status::table::status;
    }
    return s;
}

}  // namespace smsgw::mitake
