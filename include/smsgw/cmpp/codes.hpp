#pragma once

#include <cstddef>
#include <cstdint>

#include "smsgw/cmpp/header.hpp"
#include "smsgw/core/code_text.hpp"

// Result and Status codes of the CMPP responses, with the spec's own description (Chinese,
// UTF-8) and an English one. PDUs carry the codes as plain integers; cast one to its enum to
// describe it: `describe(static_cast<cmpp::submit_result>(resp.result))`. A code the spec does
// not name stays a number (the enums are 32 bits wide) and is described as the spec describes
// the rest of its range ("5~: 其他错误", other error); is_named() tells which codes the spec names.
namespace smsgw::cmpp {

using code_text = smsgw::code_text;  ///< chinese from the spec, english beside it

/// CMPP_CONNECT_RESP Status (table 8.5; 4 bytes in CMPP 3.0, same codes).
enum class connect_status : std::uint32_t {
    ok = 0,
    bad_structure = 1,
    bad_source_addr = 2,
    auth_failed = 3,
    version_too_high = 4,
};

/// CMPP_SUBMIT_RESP Result (table 8.7); 9 to 13 are CMPP 3.0's (4-byte Result), "other error" in 2.0.
enum class submit_result : std::uint32_t {
    ok = 0,
    bad_structure = 1,
    bad_command_id = 2,
    duplicate_sequence = 3,
    bad_msg_length = 4,
    bad_fee_code = 5,
    msg_too_long = 6,
    bad_service_id = 7,
    flow_control = 8,
    fee_terminal_not_served = 9,  ///< CMPP 3.0
    bad_src_id = 10,              ///< CMPP 3.0
    bad_msg_src = 11,             ///< CMPP 3.0
    bad_fee_terminal_id = 12,     ///< CMPP 3.0
    bad_dest_terminal_id = 13,    ///< CMPP 3.0
};

/// CMPP_DELIVER_RESP Result (table 8.13).
enum class deliver_result : std::uint32_t {
    ok = 0,
    bad_structure = 1,
    bad_command_id = 2,
    duplicate_sequence = 3,
    bad_msg_length = 4,
    bad_fee_code = 5,
    msg_too_long = 6,
    bad_service_id = 7,
    flow_control = 8,
};

/// CMPP_FWD_RESP Result (table 8.19).
enum class fwd_result : std::uint32_t {
    ok = 0,
    bad_structure = 1,
    bad_command_id = 2,
    duplicate_sequence = 3,
    bad_msg_length = 4,
    bad_fee_code = 5,
    msg_too_long = 6,
    bad_service_id = 7,
    flow_control = 8,
    wrong_gateway = 9,
};

/// CMPP_CANCEL_RESP Success_Id (table 8.15; 4 bytes in CMPP 3.0).
enum class cancel_result : std::uint32_t {
    success = 0,
    failure = 1,
};

/// Result of CMPP_MT_ROUTE_RESP, CMPP_MO_ROUTE_RESP and CMPP_GET_ROUTE_RESP (tables 8.21, 8.23, 8.25).
enum class route_result : std::uint32_t {
    ok = 0,
    no_route = 1,
    last_route = 2,
};

/// Result of CMPP 3.0's CMPP_GET_MO_ROUTE_RESP (3.0.0 §8.6, as the notes give its codes).
enum class get_mo_route_result : std::uint32_t {
    ok = 0,
    no_route = 1,
    bad_source_gateway = 2,
    bad_route_type = 3,
    busy = 9,
};

/// Result of CMPP_MT_ROUTE_UPDATE_RESP and CMPP_MO_ROUTE_UPDATE_RESP (tables 8.27, 8.29).
enum class route_update_result : std::uint32_t {
    accepted = 0,
    invalid = 1,
};

/// Result of CMPP_PUSH_MT_ROUTE_UPDATE_RESP and CMPP_PUSH_MO_ROUTE_UPDATE_RESP (tables 8.31, 8.33).
enum class push_route_update_result : std::uint32_t {
    updated = 0,
    failed = 1,
};

namespace detail {
inline constexpr code_text other_error{"其他错误", "other error"};

// Codes 0..8, shared by SUBMIT_RESP, DELIVER_RESP and FWD_RESP (tables 8.7, 8.13, 8.19).
inline constexpr code_text result_texts[] = {
    {"正确", "success"},
    {"消息结构错", "malformed message"},
    {"命令字错", "bad Command_Id"},
    {"消息序号重复", "duplicate Sequence_Id"},
    {"消息长度错", "bad message length"},
    {"资费代码错", "bad FeeCode"},
    {"超过最大信息长", "message too long"},
    {"业务代码错", "bad Service_Id"},
    {"流量控制错", "flow control exceeded"},
};

// CMPP 3.0.0 SUBMIT_RESP codes 9..13.
inline constexpr code_text submit3_texts[] = {
    {"本网关不负责服务此计费号码", "this gateway does not serve the charged number"},
    {"Src_Id 错误", "bad Src_Id"},
    {"Msg_src 错误", "bad Msg_src"},
    {"Fee_terminal_Id 错误", "bad Fee_terminal_Id"},
    {"Dest_terminal_Id 错误", "bad Dest_terminal_Id"},
};

inline constexpr code_text connect_texts[] = {
    {"正确", "success"},
    {"消息结构错", "malformed message"},
    {"非法源地址", "invalid Source_Addr"},
    {"认证错", "authentication failed"},
    {"版本太高", "version too high"},
};

template <std::size_t N>
constexpr code_text pick(const code_text (&table)[N], std::uint32_t code) noexcept {
    return code < N ? table[code] : other_error;
}
}  // namespace detail

/// The spec's text of a code, in Chinese and English; an unknown code is "other error" or "undefined".
constexpr code_text describe(connect_status s) noexcept {
    return detail::pick(detail::connect_texts, static_cast<std::uint32_t>(s));
}

/// Codes 9 to 13 are named from CMPP 3.0 on, "other error" in 2.0.
constexpr code_text describe(submit_result r, version v = version::v20) noexcept {
    const auto code = static_cast<std::uint32_t>(r);
    if (code >= 9 && code <= 13 && v >= version::v30) return detail::submit3_texts[code - 9];
    return detail::pick(detail::result_texts, code);
}

/// The spec's text of a code, in Chinese and English; an unknown code is "other error" or "undefined".
///@{
constexpr code_text describe(deliver_result r) noexcept {
    return detail::pick(detail::result_texts, static_cast<std::uint32_t>(r));
}

constexpr code_text describe(fwd_result r) noexcept {
    if (r == fwd_result::wrong_gateway) return {"前转判断错（此 SP 不应发往本 ISMG）", "wrong forwarding (this SP does not belong to this ISMG)"};
    return detail::pick(detail::result_texts, static_cast<std::uint32_t>(r));
}

constexpr code_text describe(cancel_result r) noexcept {
    switch (r) {
    case cancel_result::success: return {"成功", "success"};
    case cancel_result::failure: return {"失败", "failure"};
    }
    return {"未定义", "undefined"};
}

constexpr code_text describe(route_result r) noexcept {
    switch (r) {
    case route_result::ok: return {"正常", "success"};
    case route_result::no_route: return {"没有匹配路由", "no matching route"};
    case route_result::last_route: return {"这是最后 1 条路由", "this is the last route"};
    }
    return {"未定义", "undefined"};
}
///@}

/// Codes 0 and 1 in the words of tables 8.21-8.25; the others translated from the notes'
/// English (the 3.0.0 text was not at hand).
constexpr code_text describe(get_mo_route_result r) noexcept {
    switch (r) {
    case get_mo_route_result::ok: return {"正常", "success"};
    case get_mo_route_result::no_route: return {"没有匹配路由", "no matching route"};
    case get_mo_route_result::bad_source_gateway: return {"源网关代码错", "bad source gateway code"};
    case get_mo_route_result::bad_route_type: return {"路由类型错", "bad route type"};
    case get_mo_route_result::busy: return {"系统忙", "system busy"};
    }
    return {"未定义", "undefined"};
}

/// The spec's text of a code, in Chinese and English; an unknown code is "undefined".
///@{
constexpr code_text describe(route_update_result r) noexcept {
    switch (r) {
    case route_update_result::accepted: return {"数据合法，等待核实", "data valid, awaiting verification"};
    case route_update_result::invalid: return {"数据不合法", "data invalid"};
    }
    return {"未定义", "undefined"};
}

constexpr code_text describe(push_route_update_result r) noexcept {
    switch (r) {
    case push_route_update_result::updated: return {"成功更改", "route updated"};
    case push_route_update_result::failed: return {"更改失败", "update failed"};
    }
    return {"未定义", "undefined"};
}
///@}

/// Whether the spec names the code (the rest of the range is "other error" or undefined).
///@{
constexpr bool is_named(connect_status s) noexcept { return static_cast<std::uint32_t>(s) <= 4; }
constexpr bool is_named(submit_result r, version v = version::v20) noexcept {
    return static_cast<std::uint32_t>(r) <= (v >= version::v30 ? 13u : 8u);
}
constexpr bool is_named(deliver_result r) noexcept { return static_cast<std::uint32_t>(r) <= 8; }
constexpr bool is_named(fwd_result r) noexcept { return static_cast<std::uint32_t>(r) <= 9; }
constexpr bool is_named(cancel_result r) noexcept { return static_cast<std::uint32_t>(r) <= 1; }
constexpr bool is_named(route_result r) noexcept { return static_cast<std::uint32_t>(r) <= 2; }
constexpr bool is_named(get_mo_route_result r) noexcept {
    const auto code = static_cast<std::uint32_t>(r);
    return code <= 3 || code == 9;
}
constexpr bool is_named(route_update_result r) noexcept { return static_cast<std::uint32_t>(r) <= 1; }
constexpr bool is_named(push_route_update_result r) noexcept { return static_cast<std::uint32_t>(r) <= 1; }
///@}

}  // namespace smsgw::cmpp
