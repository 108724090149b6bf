#pragma once

#include <string_view>

#include "smsgw/core/code_text.hpp"

// The platform's code tables (tables 9.3, 10.2, 11.2, 12.2 and 13.2), each with the spec's own
// text (UTF-8) and an English one. A reply's status is kept as its number: a code the table does
// not define (114 of table 9.3, or anything newer) is an enum value without a name and
// describe() answers with empty text.
namespace smsgw::smsplat {

// A code's meaning: `chinese` as the spec's table words it, `english` a rendering of it.
// Both empty when the table does not define the code.
using code_text = smsgw::code_text;  ///< {chinese, english}

/// respstatus of HttpBatchSendSM and HttpVarSM (table 9.3). The table has no 114: a client SDK in
/// the wild numbers 114-118 what the spec numbers 115-119; this follows the spec.
enum class send_status : unsigned {
    submitted = 0,
    no_such_user = 101,
    wrong_password = 102,
    too_fast = 103,
    system_busy = 104,
    sensitive_content = 105,
    wrong_length = 106,
    wrong_mobile = 107,
    wrong_mobile_count = 108,
    no_quota = 109,
    outside_sending_hours = 110,
    monthly_quota_exceeded = 111,
    no_such_product = 112,
    wrong_extno = 113,
    rejected_by_review = 115,
    bad_signature = 116,
    ip_not_authorised = 117,
    no_permission = 118,
    user_expired = 119,
};

/// The status of QueryBalance (table 11.2).
enum class balance_status : unsigned {
    success = 0,
    no_such_user = 101,
    wrong_password = 102,
    too_fast = 103,
};

/// The status of Recharge (table 12.2).
enum class recharge_status : unsigned {
    success = 0,
    missing_parameter = 201,
    verification_failed = 202,
    no_such_account = 203,
    insufficient_amount = 204,
    bad_parameter_format = 205,
    no_such_product = 206,
};

/// The status of UserManage (table 13.2).
enum class user_manage_status : unsigned {
    success = 0,
    missing_parameter = 301,
    verification_failed = 302,
    user_exists_or_missing = 303,
    extno_exists = 304,
    bad_parameter = 305,
    no_such_product = 306,
};

/// The spec's text of a code, in Chinese and English.
///@{
constexpr code_text describe(send_status s) noexcept {
    switch (s) {
    case send_status::submitted: return {"提交成功", "Submitted"};
    case send_status::no_such_user: return {"无此用户", "No such user"};
    case send_status::wrong_password: return {"密码错", "Wrong password"};
    case send_status::too_fast: return {"提交过快（提交速度超过流速限制）", "Submitted too fast (over the rate limit)"};
    case send_status::system_busy:
        return {"系统忙（因平台侧原因，暂时无法处理提交的短信）", "System busy (the platform cannot take the message for now)"};
    case send_status::sensitive_content: return {"敏感短信（短信内容包含敏感词）", "Sensitive message (the text has a sensitive word)"};
    case send_status::wrong_length: return {"消息长度错（>536 或 <=0）", "Wrong message length (>536 or <=0)"};
    case send_status::wrong_mobile: return {"包含错误的手机号码", "A wrong mobile number"};
    case send_status::wrong_mobile_count:
        return {"手机号码个数错（群发 >50000 或 <=0; 单发 >200 或 <=0）",
                "Wrong number of mobiles (batch >50000 or <=0; single >200 or <=0)"};
    case send_status::no_quota: return {"无发送额度（该用户可用短信数已使用完）", "No sending quota (the user's messages are used up)"};
    case send_status::outside_sending_hours: return {"不在发送时间内", "Outside the sending hours"};
    case send_status::monthly_quota_exceeded: return {"超出该账户当月发送额度限制", "Over the account's monthly quota"};
    case send_status::no_such_product: return {"无此产品，用户没有订购该产品", "No such product: the user has not ordered it"};
    case send_status::wrong_extno: return {"extno 格式错（非数字或者长度不对）", "Wrong extno (not digits, or a wrong length)"};
    case send_status::rejected_by_review: return {"自动审核驳回", "Rejected by automatic review"};
    case send_status::bad_signature:
        return {"签名不合法，未带签名（用户必须带签名的前提下）", "Invalid signature, or none where the user must sign"};
    case send_status::ip_not_authorised:
        return {"IP 地址认证错, 请求调用的 IP 地址不是系统登记的 IP 地址",
                "IP address not authorised: the caller's address is not the registered one"};
    case send_status::no_permission: return {"用户没有相应的发送权限", "The user has no permission to send this way"};
    case send_status::user_expired: return {"用户已过期", "The user has expired"};
    }
    return {};
}

constexpr code_text describe(balance_status s) noexcept {
    switch (s) {
    case balance_status::success: return {"成功", "Success"};
    case balance_status::no_such_user: return {"无此用户", "No such user"};
    case balance_status::wrong_password: return {"密码错", "Wrong password"};
    case balance_status::too_fast: return {"查询过快 (30 秒查询一次)", "Queried too fast (once in 30 seconds)"};
    }
    return {};
}

constexpr code_text describe(recharge_status s) noexcept {
    switch (s) {
    case recharge_status::success: return {"成功", "Success"};
    case recharge_status::missing_parameter: return {"缺少参数", "A parameter is missing"};
    case recharge_status::verification_failed:
        return {"校验失败，账号、密码、IP、时间戳错", "Verification failed: wrong username, password, IP or timestamp"};
    case recharge_status::no_such_account: return {"充值账号不存在", "The account to recharge does not exist"};
    case recharge_status::insufficient_amount: return {"金额不足，无法扣除", "Not enough left to deduct"};
    case recharge_status::bad_parameter_format: return {"参数格式错", "A parameter has a wrong format"};
    case recharge_status::no_such_product: return {"产品 ID 不存在", "No such product ID"};
    }
    return {};
}

constexpr code_text describe(user_manage_status s) noexcept {
    switch (s) {
    case user_manage_status::success: return {"成功", "Success"};
    case user_manage_status::missing_parameter: return {"缺少参数", "A parameter is missing"};
    case user_manage_status::verification_failed:
        return {"校验失败，账号、密码、IP、时间戳错", "Verification failed: wrong username, password, IP or timestamp"};
    case user_manage_status::user_exists_or_missing:
        return {"删除时用户不存在/开户时用户已存在", "Deleting: no such user; adding: the user exists already"};
    case user_manage_status::extno_exists: return {"扩展码已存在", "The extension number exists already"};
    case user_manage_status::bad_parameter: return {"参数错", "A parameter is wrong"};
    case user_manage_status::no_such_product: return {"产品不存在", "No such product"};
    }
    return {};
}
///@}

/// The status of a push (table 10.2). The value is open-ended: any other text is a status of
/// the gateway's own (`MBBLACK`, `SM11`, `JA:0009`), kept verbatim in the push and classified
/// as `other`.
enum class report_status : unsigned char {
    delivrd,  ///< DELIVRD
    expired,  ///< EXPIRED
    undeliv,  ///< UNDELIV
    unknown,  ///< UNKNOWN
    rejectd,  ///< REJECTD
    dtblack,  ///< DTBLACK
    err_104,  ///< ERR:104
    reject,   ///< REJECT
    other,    ///< 其他: a gateway-internal status
};

/// The texts of table 10.2, in report_status order.
inline constexpr std::string_view report_status_names[] = {"DELIVRD", "EXPIRED", "UNDELIV", "UNKNOWN",
                                                           "REJECTD", "DTBLACK", "ERR:104", "REJECT"};

/// Which status of table 10.2 the text is (exactly, letter case included), or `other`.
constexpr report_status classify(std::string_view status) noexcept {
    for (unsigned k = 0; k < sizeof report_status_names / sizeof report_status_names[0]; ++k) {
        if (status == report_status_names[k]) return static_cast<report_status>(k);
    }
    return report_status::other;
}

/// The spec's text of a status.
constexpr code_text describe(report_status s) noexcept {
    switch (s) {
    case report_status::delivrd: return {"短消息转发成功", "Delivered"};
    case report_status::expired: return {"短消息超过有效期", "Expired"};
    case report_status::undeliv: return {"短消息是不可达的", "Undeliverable"};
    case report_status::unknown: return {"未知短消息状态", "Unknown state"};
    case report_status::rejectd: return {"短消息被短信中心拒绝", "Rejected by the SMSC"};
    case report_status::dtblack: return {"目的号码是黑名单号码", "The destination is blacklisted"};
    case report_status::err_104: return {"系统忙", "System busy"};
    case report_status::reject: return {"审核驳回", "Rejected by review"};
    case report_status::other: return {"网关内部状态", "A gateway-internal status"};
    }
    return {};
}

}  // namespace smsgw::smsplat
