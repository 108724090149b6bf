#pragma once

#include <cstddef>
#include <string_view>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/writer.hpp"

// Where each call goes and the headers it carries (mitake-mms-api.txt). The host is the one
// Mitake assigns ({三竹網域名稱}); every call is a POST of application/json.
namespace smsgw::mitake {

inline constexpr std::string_view token_path = "/AuthorizationService/Token";  ///< API Authorization
inline constexpr std::string_view message_path = "/msg/mms/json";              ///< push and both queries
/// The Content-Type of every call.
inline constexpr std::string_view content_type = "application/json";

/// The customer's answer to a callback: any other status is a failure to Mitake (主動回報 Response).
inline constexpr int callback_ok_status = 200;

/// The actionType header of the calls on message_path.
enum class action : unsigned char { push, query_batch_dr, query_single_dr };

/// The actionType header's value of an action.
constexpr std::string_view action_type(action a) noexcept {
    switch (a) {
    case action::push: return "push";
    case action::query_batch_dr: return "queryBatchDR";
    case action::query_single_dr: return "querySingleDR";
    }
    return {};
}

/// The action an actionType header names (as the spec spells it; false for any other text).
constexpr bool find_action(std::string_view text, action& out) noexcept {
    for (const action a : {action::push, action::query_batch_dr, action::query_single_dr}) {
        if (text == action_type(a)) {
            out = a;
            return true;
        }
    }
    return false;
}

/// One HTTP header: its name and value.
struct header {
    /// The header's name.
    std::string_view name;
    /// Its value.
    std::string_view value;
};

/// The three headers of push, queryBatchDR and querySingleDR, in the spec's order.
struct request_headers {
    /// authorization: the token, `tokenType accessToken`.
    header authorization;
    /// clientID: the account (使用者帳號).
    header client_id;
    /// actionType: the service called (服務名稱).
    header action_type;
};

/// The authorization value `tokenType + ' ' + accessToken` (the spec asks tokenType `bearer`,
/// which the token response carries) into `out`. Both parts must be non-empty printable ASCII
/// without a space (a header value cannot hold a line break): empty_field or bad_character with
/// field tokenType or accessToken and the offset in it. Success: offset = bytes written.
inline result authorization(std::string_view token_type, std::string_view access_token, writer& out) noexcept {
    const std::string_view parts[] = {token_type, access_token};
    const char* names[] = {"tokenType", "accessToken"};
    for (std::size_t p = 0; p < 2; ++p) {
        if (parts[p].empty()) return fail(errc::empty_field, 0, names[p]);
        for (std::size_t i = 0; i < parts[p].size(); ++i) {
            if (!codec::ascii::is_printable(parts[p][i]) || parts[p][i] == ' ') return fail(errc::bad_character, i, names[p]);
        }
    }
    const std::size_t start = out.size();
    out.write(token_type);
    out.put(' ');
    out.write(access_token);
    if (out.overflowed()) return fail(errc::buffer_too_small, out.size());
    return {errc{}, out.size() - start};
}

/// The headers of a call: authorization written into `out` (tokenType.size() + 1 +
/// accessToken.size() bytes), clientID and actionType as given. Errors as authorization(), and
/// empty_field or bad_character for clientID.
inline result make_headers(std::string_view token_type, std::string_view access_token, std::string_view client_id,
                           action a, writer& out, request_headers& h) noexcept {
    for (std::size_t i = 0; i < client_id.size(); ++i) {
        if (!codec::ascii::is_printable(client_id[i])) return fail(errc::bad_character, i, "clientID");
    }
    if (client_id.empty()) return fail(errc::empty_field, 0, "clientID");
    const std::size_t start = out.size();
    const result r = authorization(token_type, access_token, out);
    if (!r) return r;
    h.authorization = {"authorization", {reinterpret_cast<const char*>(out.buffer()) + start, r.offset}};
    h.client_id = {"clientID", client_id};
    h.action_type = {"actionType", action_type(a)};
    return r;
}

}  // namespace smsgw::mitake
