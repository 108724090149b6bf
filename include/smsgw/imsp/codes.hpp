#pragma once

#include <string_view>

#include "smsgw/core/code_text.hpp"
#include "smsgw/imsp/paths.hpp"

namespace smsgw::imsp {

/// The return code that opens every response page (§3). Zero is success, a positive code a
/// result other than success that the command defines (query's states, send_mms's partial
/// failure, query_batch's count, get_mime's "no message"), a negative one a failure. Any
/// other value the gateway sends is kept as its number: the enum holds every int.
enum class return_code : int {
    success = 0,
    partial_failure = 1,          ///< send_mms: some to_addr failed (§3.2)
    no_mo_message = 1,            ///< get_mime: nothing waiting (§3.5)
    http_packet_error = -1,       ///< §3, every command
    parameter_error = -2,         ///< §3, every command
    database_error = -3,          ///< §3, every command
    authentication_failed = -4,   ///< §3, every command
    content_size_too_large = -5,  ///< send_mms
    prepaid_system_error = -6,    ///< send_mms (rev. 1.2)
    to_addrs_exceed = -7,         ///< send_mms: more than 20 to_addr (rev. 1.1)
    customer_type_unknown = -8,   ///< send_mms (rev. 1.2)
    msisdn_type_unknown = -9,     ///< send_mms (rev. 1.2)
    prepaid_not_provisioned = -10,  ///< send_mms (rev. 1.3)
    unknown_error = -19,          ///< §3, every command; change_passwd's "System error (reason)"
    login_failed = -21,           ///< login, change_passwd
    illegal_ip_address = -22,     ///< login, change_passwd
    account_disabled = -23,       ///< login, change_passwd
    message_not_found = -31,      ///< query, query_batch
    https_only = -33,             ///< change_passwd
    change_password_failed = -34,  ///< change_passwd
    permission_denied = -41,      ///< send_mms
};

/// A code's meaning as the spec words it (smsgw::code_text): `english` is the description the
/// gateway writes after a failure code (or, where the spec gives only Chinese, an English
/// rendering of it); for the codes whose page carries data instead (login's "Login succeed from
/// {ip}", send_mms's message id, query_batch's entries) a short description of the outcome, never
/// the spec's placeholder. `chinese` is the spec's own explanation (失敗原因), UTF-8. Both empty
/// when the command does not define the code.
using code_text = smsgw::code_text;

/// The state of a message as query answers it (§3.3) and query_batch lists it (§3.4).
/// A state the spec does not define is kept as its number.
enum class message_state : int {
    initial = 0,
    submitting = 1,
    submitted = 2,         ///< submitted to MMSC
    submitting_failed = 3, ///< mostly: the handset has no GPRS (rev. 1.6)
    pending = 4,
    delivered = 5,
    expired = 6,
    rejected = 7,
    unknown = 8,
};

/// How §3.3 tells a client to read each state (〔視為發訊中〕 and so on).
enum class state_group : unsigned char { sending, success, failure, unknown };

/// How a client reads a state (§3.3).
constexpr state_group group(message_state s) noexcept {
    switch (s) {
    case message_state::initial:
    case message_state::submitting:
    case message_state::submitted:
    case message_state::pending: return state_group::sending;
    case message_state::delivered: return state_group::success;
    case message_state::submitting_failed:
    case message_state::expired:
    case message_state::rejected: return state_group::failure;
    case message_state::unknown: break;
    }
    return state_group::unknown;
}

/// The spec's text of a state.
constexpr code_text describe(message_state s) noexcept {
    switch (s) {
    case message_state::initial: return {"MMS Server已成功接收此筆訊息並處理中。", "Initial state"};
    case message_state::submitting: return {"MMS Server正在轉送此筆訊息。", "Submitting"};
    case message_state::submitted: return {"此筆訊息已成功轉送至 MMSC。", "Submitted to MMSC"};
    case message_state::submitting_failed: return {"此筆訊息無法轉送至MMSC。", "Submitting failed"};
    case message_state::pending: return {"此筆訊息正等待接收端接收。", "Message pending"};
    case message_state::delivered: return {"此筆訊息已成功發送至接收端。", "Message delivered"};
    case message_state::expired: return {"此筆訊息無法在時間內發送至接收端。", "Message expired"};
    case message_state::rejected: return {"接收端拒絕接受此筆訊息。", "Message rejected"};
    case message_state::unknown: return {"此筆訊息狀態不明。", "Unknown state"};
    }
    return {};
}

/// What `code` means in the answer to `c` (the tables of §3 to §3.6).
constexpr code_text describe(command c, return_code code) noexcept {
    if (c == command::query && static_cast<int>(code) >= 0) return describe(static_cast<message_state>(code));
    if (c == command::query_batch && static_cast<int>(code) > 0) return {"成功查詢到 n筆資料", "Entries found"};
    switch (static_cast<int>(code)) {
    case 0:
        switch (c) {
        case command::login: return {"您的帳號是可登入的。", "Login allowed"};
        case command::send_mms: return {"此筆訊息已成功接收，MMS Gateway將會為您發送此訊息到所有的 to address。", "Message accepted"};
        case command::change_passwd: return {"變更密碼成功。", "Successful"};
        default: return {};
        }
    case 1:
        switch (c) {
        case command::send_mms:
            return {"無法為您傳送到部分的 to address，最常見的原因有您填的 to address type不是 PLMN，或是您的帳號無此權限。", "Some to addresses failed"};
        case command::get_mime: return {"沒有您的 MMS訊息", "No MO message found"};
        default: return {};
        }
    case -1: return {"IMSP MMS Gateway收到了一個錯誤的 HTTP packet。", "HTTP packet error"};
    case -2: return {"某個參數錯誤", "Parameter error"};
    case -3: return {"資料庫錯誤", "Database error"};
    case -4: return {"認證失敗", "Authentication failed"};
    case -19:
        if (c == command::change_passwd) return {"系統故障，可能會包含額外資訊描述。", "System error (reason)"};
        return {"未知的錯誤", "Unknown error"};
    default: break;
    }
    switch (c) {
    case command::send_mms:
        switch (code) {
        case return_code::content_size_too_large: return {"MMS所含 Content Size過大(content size 總合超過 capacity 限制)。", "Content Size 過大"};
        case return_code::prepaid_system_error: return {"預付式系統發生錯誤", "Prepaid System Error"};
        case return_code::to_addrs_exceed: return {"受話號碼(to_addr)超過限制，目前限制 20 組。", "To_addrs Exceed"};
        case return_code::customer_type_unknown: return {"系統無法查詢客戶屬性。", "Can't determine customer type"};
        case return_code::msisdn_type_unknown: return {"系統無法查詢計費/受訊號碼之網內/外資訊", "Can't determine msisdn type"};
        case return_code::prepaid_not_provisioned: return {"系統禁止此特碼使用預付式扣款服務", "Service not provisioned in prepaid system"};
        case return_code::permission_denied: return {"您的帳號無此權限。", "Permission Denied"};
        default: return {};
        }
    case command::login:
    case command::change_passwd:
        switch (code) {
        case return_code::login_failed: return {"帳號或是密碼錯誤", "Login failed"};
        case return_code::illegal_ip_address: return {"您的來源 IP 是不被允許的。", "Illegal IP Address"};
        case return_code::account_disabled: return {"這個帳號已停用。", "Account disabled"};
        case return_code::https_only:
            return c == command::change_passwd ? code_text{"不允許用 http 變更密碼", "use https only"} : code_text{};
        case return_code::change_password_failed:
            return c == command::change_passwd ? code_text{"變更密碼作業沒有成功。", "Failed to change password"} : code_text{};
        default: return {};
        }
    case command::query:
    case command::query_batch:
        if (code == return_code::message_not_found) return {"無法找到您要找的訊息。", "Message not found"};
        return {};
    case command::get_mime: return {};
    }
    return {};
}

}  // namespace smsgw::imsp
