#pragma once

#include <cstddef>
#include <string_view>

// Where each call of the Hezhong video MMS API goes (hezhong-video-mms-api.txt, v1.3).
namespace smsgw::hezhong {

/// The four calls a customer makes; each but query_balance POSTs a UTF-8 JSON body.
enum class call : unsigned char { save_mms_model, send_mms_task, send_variable_mms_task, query_balance };

/// The platform's base URL in the spec.
inline constexpr std::string_view base_url = "http://39.105.107.78:49000";

/// The path of a call.
constexpr std::string_view path(call c) noexcept {
    switch (c) {
    case call::save_mms_model: return "/mms/api/SaveMmsModel.do";                 // §二
    case call::send_mms_task: return "/mms/api/SendMmsTask.do";                   // §四
    case call::send_variable_mms_task: return "/mms/api/SendVariableMmsTask.do";  // §五
    case call::query_balance: return "/mms/api/QueryBalance.do";                  // §六, a GET query
    }
    return {};
}

/// The form parameters of Hezhong's pushes to the customer's own URLs (§七, §八); the audit
/// notification (§三) is a JSON body.
///@{
inline constexpr std::string_view rpts_parameter = "rpts";
inline constexpr std::string_view mos_parameter = "mos";
///@}

// Limits the spec fixes.
inline constexpr std::size_t max_mobiles = 1000;        ///< SendMmsTask `mobile` (§四, code -5)
inline constexpr std::size_t max_push_records = 500;    ///< records in one rpts or mos push (§七, §八)

}  // namespace smsgw::hezhong
