#include "smsgw/mitake/codes.hpp"
#include "smsgw/mitake/paths.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "test.hpp"

namespace mitake = smsgw::mitake;
using smsgw::errc;
using smsgw::fail;

// 附件一：整批錯誤代碼, as printed.
TEST_CASE("batch errors: every code of 附件一 with the spec's text") {
    const std::vector<std::pair<int, std::string>> table = {
        {9999, "系統錯誤"}, {1001, "請輸入認證資訊"}, {1002, "請輸入認證資訊"}, {1003, "無效認證資訊"},
        {1004, "無效認證資訊"}, {1005, "認證資訊已過期"}, {1006, "無效連線位址"}, {1007, "連線數超過上限"},
        {1008, "無效服務名稱"}, {1009, "發送筆數超過最大上限"}, {1010, "無效認證資訊"}, {2001, "請輸入主旨"},
        {2002, "主旨長度超過上限"}, {2003, "訊息附件總和大小超過上限"}, {2004, "預約時間格式錯誤"},
        {2005, "預約時間格式錯誤"}, {2006, "有效時間格式錯誤"}, {2007, "有效時間格式錯誤"}, {2012, "訊息附件為空值"},
        {2013, "附件類型空值"}, {2014, "附件檔名空值"}, {2015, "預約時間時間錯誤"}, {2016, "有效時間時間錯誤"},
        {2017, "附件檔名超出限制"}, {2019, "專案名稱長度超過上限"}, {2020, "無效附件"}, {2021, "附件內容空值"},
        {3001, "帳務處理失敗"}, {4001, "請輸入批號"}, {4002, "請輸入簡訊序號"}, {4003, "電文格式不正確"}};
    for (const auto& [code, text] : table) {
        const mitake::code_text t = mitake::describe(static_cast<mitake::batch_error>(code));
        INFO(code);
        CHECK(t.chinese == text);
        CHECK_FALSE(t.english.empty());
    }
    int defined = 0;
    for (int n = 0; n <= 0xFFFF; ++n) defined += mitake::describe(static_cast<mitake::batch_error>(n)).known();
    CHECK(defined == static_cast<int>(table.size()));
    CHECK(mitake::describe(static_cast<mitake::batch_error>(2008)).chinese.empty());  // 附件二's, not 附件一's
}

TEST_CASE("message errors and statuses: 附件二 and 附件三, each in its own table") {
    const std::vector<std::pair<int, std::string>> errors = {
        {2008, "客戶端序號長度超過上限"}, {2009, "手機號碼空值"}, {2010, "手機號碼長度超過上限"},
        {2011, "手機號碼格式錯誤"}, {2018, "cID重複"}};
    const std::vector<std::pair<int, std::string>> statuses = {
        {0, "已送達手機"}, {1, "已送達三竹"}, {2, "已送達業者"}, {1000, "預約傳送中"}, {1001, "預約已取消"},
        {2000, "內容有錯誤"}, {2001, "門號有錯誤"}, {2002, "訊息已停用"}, {2003, "逾時無法送達"},
        {2999, "業者系統錯誤"}, {9998, "傳送錯誤"}, {9999, "三竹系統錯誤"}};
    int known_errors = 0;
    int known_statuses = 0;
    for (int n = 0; n <= 0xFFFF; ++n) {
        known_errors += mitake::describe(static_cast<mitake::message_error>(n)).known();
        known_statuses += mitake::describe(static_cast<mitake::status>(n)).known();
    }
    CHECK(known_errors == 5);
    CHECK(known_statuses == 12);
    for (const auto& [code, text] : errors) {
        const mitake::message_status s = mitake::read_status(std::to_string(code));
        INFO(code);
        CHECK(s.in == mitake::message_status::table::error);
        CHECK(s.describe().chinese == text);
        CHECK(s.outcome() == mitake::outcome::failed);
        CHECK(s.is_final());
    }
    for (const auto& [code, text] : statuses) {
        const std::string number = std::to_string(code);
        const mitake::message_status s = mitake::read_status(number);
        INFO(code);
        CHECK(s.in == mitake::message_status::table::status);
        CHECK(s.text == number);
        CHECK(s.number == code);
        CHECK(s.describe().chinese == text);
        CHECK(mitake::describe(s.as_status()).english == s.describe().english);
    }
    // 2001 means 請輸入主旨 in 附件一 and 門號有錯誤 in 附件三.
    CHECK(mitake::describe(mitake::batch_error::missing_subject).chinese == "請輸入主旨");
    CHECK(mitake::read_status("2001").describe().chinese == "門號有錯誤");
}

TEST_CASE("statuses: final or pending") {
    using mitake::outcome;
    const std::vector<std::pair<const char*, outcome>> cases = {
        {"0", outcome::delivered}, {"1", outcome::pending},    {"2", outcome::pending},
        {"1000", outcome::pending}, {"1001", outcome::cancelled}, {"2000", outcome::failed},
        {"2001", outcome::failed}, {"2002", outcome::failed},   {"2003", outcome::failed},
        {"2999", outcome::failed}, {"9998", outcome::failed},   {"9999", outcome::failed},
        {"2018", outcome::failed}, {"5", outcome::unknown},     {"65535", outcome::unknown}};
    for (const auto& [text, expected] : cases) {
        INFO(text);
        const mitake::message_status s = mitake::read_status(text);
        CHECK(s.outcome() == expected);
        CHECK(s.is_final() == (expected != outcome::pending && expected != outcome::unknown));
    }
    // An unknown code keeps its number; a text that is no uint16 keeps only its text.
    CHECK(mitake::read_status("4321").number == 4321);
    CHECK(mitake::read_status("4321").in == mitake::message_status::table::unknown);
    CHECK(mitake::read_status("65536").number == 0);
    CHECK(mitake::read_status("65536").text == "65536");
    CHECK(mitake::read_status("").in == mitake::message_status::table::unknown);
    CHECK(mitake::read_status("1a").in == mitake::message_status::table::unknown);
}

TEST_CASE("headers: authorization, clientID and actionType") {
    char buf[64];
    smsgw::writer w(buf, sizeof buf);
    mitake::request_headers h;
    REQUIRE(mitake::make_headers("bearer", "xTV1tbhjz1k67GnC", "test", mitake::action::query_single_dr, w, h));
    CHECK(h.authorization.name == "authorization");
    CHECK(h.authorization.value == "bearer xTV1tbhjz1k67GnC");
    CHECK(h.client_id.name == "clientID");
    CHECK(h.client_id.value == "test");
    CHECK(h.action_type.name == "actionType");
    CHECK(h.action_type.value == "querySingleDR");
    CHECK(mitake::action_type(mitake::action::push) == "push");
    CHECK(mitake::action_type(mitake::action::query_batch_dr) == "queryBatchDR");
    mitake::action a{};
    CHECK(mitake::find_action("queryBatchDR", a));
    CHECK(a == mitake::action::query_batch_dr);
    CHECK_FALSE(mitake::find_action("querybatchdr", a));

    smsgw::writer small(buf, 5);
    CHECK(mitake::authorization("bearer", "x", small) == fail(errc::buffer_too_small, 8));
    smsgw::writer w2(buf, sizeof buf);
    smsgw::result r = mitake::authorization("bearer", "ab\r\nX: y", w2);
    CHECK(r == fail(errc::bad_character, 2, "accessToken"));
    r = mitake::authorization("", "x", w2);
    CHECK(r == fail(errc::empty_field, 0, "tokenType"));
    r = mitake::make_headers("bearer", "x", "", mitake::action::push, w2, h);
    CHECK(std::string(r.field) == "clientID");
    CHECK(mitake::token_path == "/AuthorizationService/Token");
    CHECK(mitake::message_path == "/msg/mms/json");
    CHECK(mitake::callback_ok_status == 200);
}
