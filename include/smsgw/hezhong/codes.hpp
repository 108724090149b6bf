#pragma once

#include <string_view>

#include "smsgw/core/code_text.hpp"

#include "smsgw/hezhong/paths.hpp"

namespace smsgw::hezhong {

/// The `code` of the SaveMmsModel, SendMmsTask and SendVariableMmsTask answers (§二.3, §四.3,
/// §五.3): 0 success, negative a failure. A code the platform sends beyond the tables stays its
/// number: the enum holds every int.
enum class return_code : int {
    success = 0,
    bad_parameters = -1,          ///< 请求参数有误
    user_not_found = -2,          ///< 用户不存在或状态不正常
    wrong_password = -3,          ///< 用户账号密码错误
    ip_not_allowed = -4,          ///< ip 鉴权失败
    too_many_mobiles = -5,        ///< 最大提交号码数 1000
    template_error = -6,          ///< 彩信模版错误
    template_expired = -7,        ///< 模版已失效
    insufficient_balance = -8,    ///< 账户余额不足
    bad_json = -10,               ///< 请求 json 数据有误
    file_read_error = -11,        ///< SaveMmsModel: 读取文件错误; SendVariableMmsTask: 变量参数有误
    bad_variables = -11,
    storage_failed = -12,         ///< SaveMmsModel: 系统错误, 存储失败
    storage_failed_2 = -13,       ///< SaveMmsModel: the same words again
    system_error = -100,          ///< 系统错误, 联系平台管理员
};

// A code's meaning in the spec's words (`chinese`, UTF-8, as printed) and in English. Both
// empty when the call's table does not list it.
using code_text = smsgw::code_text;  ///< {chinese, english}

/// What `code` means in the answer to `c` (query_balance has no table: its reply is a number).
constexpr code_text describe(call c, return_code code) noexcept {
    if (c == call::query_balance) return {};
    switch (static_cast<int>(code)) {
    case 0: return {"成功", "Success"};
    case -1: return {"请求参数有误", "Bad request parameters"};
    case -2: return {"用户不存在或状态不正常", "User does not exist or is not in a normal state"};
    case -3: return {"用户账号密码错误", "Wrong account or password"};
    case -4: return {"ip 鉴权失败", "IP authentication failed"};
    case -5: return {"最大提交号码数 1000", "At most 1000 numbers per submission"};
    case -6:
        return c == call::save_mms_model ? code_text{"彩信模版错误", "MMS template error"}
                                         : code_text{"彩信模板错误", "MMS template error"};
    case -7:
        return c == call::save_mms_model ? code_text{"模版已失效", "Template expired"}
                                         : code_text{"模板已失效", "Template expired"};
    case -8: return {"账户余额不足", "Insufficient balance"};
    case -10: return {"请求 json 数据有误", "Bad JSON in the request"};
    case -11:
        if (c == call::save_mms_model) return {"读取文件错误", "Error reading a file"};
        if (c == call::send_variable_mms_task) return {"变量参数有误", "Bad variable parameters"};
        return {};
    case -12:
    case -13:
        return c == call::save_mms_model ? code_text{"系统错误, 存储失败", "System error, storing failed"} : code_text{};
    case -100: return {"系统错误, 联系平台管理员", "System error, contact the platform administrator"};
    default: return {};
    }
}

/// The audit notification's `status` (§三): 1 passed, 2 refused; another value stays its number.
enum class audit_status : unsigned char { passed = 1, refused = 2 };
/// Its `type`, the carrier whose audit it is: 1 China Mobile, 2 China Unicom, 3 China Telecom.
enum class carrier : unsigned char { china_mobile = 1, china_unicom = 2, china_telecom = 3 };

/// The spec's text of a code, in Chinese and English; empty for an unknown one.
///@{
constexpr code_text describe(audit_status s) noexcept {
    switch (s) {
    case audit_status::passed: return {"通过", "Passed"};
    case audit_status::refused: return {"拒绝", "Refused"};
    }
    return {};
}
constexpr code_text describe(carrier t) noexcept {
    switch (t) {
    case carrier::china_mobile: return {"移动", "China Mobile"};
    case carrier::china_unicom: return {"联通", "China Unicom"};
    case carrier::china_telecom: return {"电信", "China Telecom"};
    }
    return {};
}
///@}

}  // namespace smsgw::hezhong
