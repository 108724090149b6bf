#pragma once

#include <cstddef>
#include <string_view>

namespace smsgw::smsplat {

/// The calls of the HTTP SMS platform (Part II of cmpp2-and-http-sms-platform.txt). Each is an
/// HTTP GET or POST of form-encoded parameters to http://IP:PORT + path(call); the status push
/// (chapter 10) goes the other way, to the customer's own address.
enum class call : unsigned char { batch_send, var_sm, push, query_balance, recharge, user_manage };

/// The path of a call.
constexpr std::string_view path(call c) noexcept {
    switch (c) {
    case call::batch_send: return "/msg/HttpBatchSendSM";  // §9.1
    case call::var_sm: return "/msg/HttpVarSM";            // chapter 14
    case call::push: return "";                            // §10.3: the customer's pushUrl
    case call::query_balance: return "/msg/QueryBalance";  // §11.1
    case call::recharge: return "/msg/Recharge";           // §12.1
    case call::user_manage: return "/msg/UserManage";      // §13.1
    }
    return {};
}

/// The name the spec calls it by ("HttpBatchSendSM"; "push" for the status report).
constexpr std::string_view name(call c) noexcept {
    if (c == call::push) return "push";
    const std::string_view p = path(c);
    return p.substr(p.rfind('/') + 1);
}

/// The call a path or a name designates; false when it is none of them.
constexpr bool find_call(std::string_view path_or_name, call& out) noexcept {
    for (call c : {call::batch_send, call::var_sm, call::push, call::query_balance, call::recharge, call::user_manage}) {
        if (path_or_name == name(c) || (!path(c).empty() && path_or_name == path(c))) {
            out = c;
            return true;
        }
    }
    return false;
}

// Limits the spec fixes.
inline constexpr std::size_t max_mobiles = 50000;  ///< §9.1: numbers per HttpBatchSendSM
inline constexpr std::size_t max_msg_chars = 585;  ///< table 9.2: characters of msg

}  // namespace smsgw::smsplat
