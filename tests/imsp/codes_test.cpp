#include "smsgw/imsp/codes.hpp"

#include <string_view>

#include "imsp_test.hpp"

using smsgw::imsp::command;
using smsgw::imsp::describe;
using smsgw::imsp::message_state;
using smsgw::imsp::return_code;
using smsgw::imsp::state_group;

namespace {
constexpr command all_commands[] = {command::login, command::send_mms, command::query,
                                    command::query_batch, command::get_mime, command::change_passwd};
}

TEST_CASE("codes: the codes every command may answer (§3)") {
    for (command c : all_commands) {
        CHECK(describe(c, return_code::http_packet_error).chinese == "IMSP MMS Gateway收到了一個錯誤的 HTTP packet。");
        CHECK(describe(c, return_code::parameter_error).english == "Parameter error");
        CHECK(describe(c, return_code::parameter_error).chinese == "某個參數錯誤");
        CHECK(describe(c, return_code::database_error).chinese == "資料庫錯誤");
        CHECK(describe(c, return_code::authentication_failed).chinese == "認證失敗");
        CHECK(describe(c, return_code::unknown_error).known());
    }
    CHECK(describe(command::login, return_code::unknown_error).chinese == "未知的錯誤");
    CHECK(describe(command::change_passwd, return_code::unknown_error).english == "System error (reason)");
}

TEST_CASE("codes: login and change_passwd (§3.1, §3.6)") {
    CHECK(describe(command::login, return_code::success).english == "Login allowed");  // not the page's "{your ip}"
    for (command c : {command::login, command::change_passwd}) {
        CHECK(describe(c, return_code::login_failed).english == "Login failed");
        CHECK(describe(c, return_code::illegal_ip_address).english == "Illegal IP Address");
        CHECK(describe(c, return_code::account_disabled).english == "Account disabled");
    }
    CHECK(describe(command::change_passwd, return_code::success).english == "Successful");
    CHECK(describe(command::change_passwd, return_code::https_only).english == "use https only");
    CHECK(describe(command::change_passwd, return_code::https_only).chinese == "不允許用 http 變更密碼");
    CHECK(describe(command::change_passwd, return_code::change_password_failed).english == "Failed to change password");
    CHECK_FALSE(describe(command::login, return_code::https_only).known());
    CHECK_FALSE(describe(command::login, return_code::change_password_failed).known());
    CHECK_FALSE(describe(command::send_mms, return_code::login_failed).known());
}

TEST_CASE("codes: send_mms (§3.2, revisions 1.1 to 1.3)") {
    const struct {
        int code;
        std::string_view english;
    } table[] = {{0, "Message accepted"},
                 {1, "Some to addresses failed"},
                 {-5, "Content Size 過大"},
                 {-6, "Prepaid System Error"},
                 {-7, "To_addrs Exceed"},
                 {-8, "Can't determine customer type"},
                 {-9, "Can't determine msisdn type"},
                 {-10, "Service not provisioned in prepaid system"},
                 {-41, "Permission Denied"}};
    for (const auto& row : table) {
        INFO(row.code);
        const auto text = describe(command::send_mms, return_code{row.code});
        CHECK(text.english == row.english);
        CHECK_FALSE(text.chinese.empty());
    }
    CHECK(return_code::to_addrs_exceed == return_code{-7});
    CHECK(describe(command::send_mms, return_code::to_addrs_exceed).chinese == "受話號碼(to_addr)超過限制，目前限制 20 組。");
}

TEST_CASE("codes: query's states and how to read them (§3.3)") {
    const struct {
        int code;
        std::string_view english;
        state_group group;
    } table[] = {{0, "Initial state", state_group::sending},     {1, "Submitting", state_group::sending},
                 {2, "Submitted to MMSC", state_group::sending}, {3, "Submitting failed", state_group::failure},
                 {4, "Message pending", state_group::sending},   {5, "Message delivered", state_group::success},
                 {6, "Message expired", state_group::failure},   {7, "Message rejected", state_group::failure},
                 {8, "Unknown state", state_group::unknown}};
    for (const auto& row : table) {
        INFO(row.code);
        const auto s = static_cast<message_state>(row.code);
        CHECK(describe(s).english == row.english);
        CHECK(describe(command::query, return_code{row.code}).english == row.english);
        CHECK(group(s) == row.group);
    }
    CHECK(describe(message_state::submitting_failed).chinese == "此筆訊息無法轉送至MMSC。");
    CHECK(describe(command::query, return_code::message_not_found).english == "Message not found");
    CHECK(describe(command::query_batch, return_code::message_not_found).english == "Message not found");
    CHECK(describe(command::query_batch, return_code{12}).english == "Entries found");
    CHECK(describe(command::get_mime, return_code::no_mo_message).english == "No MO message found");
}

TEST_CASE("codes: a code the spec does not define stays a number, described as unknown") {
    const auto odd = return_code{-77};
    CHECK(static_cast<int>(odd) == -77);
    for (command c : all_commands) CHECK_FALSE(describe(c, odd).known());
    CHECK_FALSE(describe(command::get_mime, return_code::success).known());
    CHECK_FALSE(describe(command::login, return_code{1}).known());
    const auto state = static_cast<message_state>(9);
    CHECK_FALSE(describe(state).known());
    CHECK(group(state) == state_group::unknown);
    CHECK_FALSE(describe(command::query, return_code{9}).known());
}
