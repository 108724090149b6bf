#include "smsgw/hezhong/reports.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "hezhong_test.hpp"
#include "smsgw/charset.hpp"
#include "smsgw/hezhong/codes.hpp"
#include "smsgw/hezhong/query_balance.hpp"

using smsgw::bytes;
using smsgw::errc;
using smsgw::mode;
using smsgw::result;
using namespace smsgw::hezhong;

namespace {

// §七's and §八's examples as printed, the parameter's value after `rpts=` and `mos=`.
const std::string_view rpts_example =
    "13000000000,\nUNDELIV,1001,20090422103324;13000000000,DELIVRD,1002,200904220946\n20";
const std::string_view mos_example = "13000000000,001,hello,20151221121046;\n13000000000,001,hello2,20151221121046;";

// encode_list() into a string, measured first.
template <class Record, class Items>
result append_list(const Items& items, std::string& out) {
    smsgw::writer measure;
    if (result r = encode_list<Record>(items, measure); !r && r.ec != errc::buffer_too_small) return r;
    out.resize(measure.size());
    smsgw::writer w(out.data(), out.size());
    return encode_list<Record>(items, w);
}

template <class List>
auto all(const List& list) {
    std::vector<typename List::iterator::value_type> out;
    for (const auto& r : list) out.push_back(r);
    return out;
}

}  // namespace

TEST_CASE("rpts: the spec's example, its line breaks refused by strict mode and read by tolerant") {
    const report_list strict(rpts_example);
    CHECK(all(strict).empty());
    CHECK(strict.error() == result{errc::bad_character, rpts_example.find('\n'), "status"});
    CHECK(std::string_view(strict.error().field) == "status");

    const report_list tolerant(rpts_example, mode::tolerant);
    const auto got = all(tolerant);
    REQUIRE(tolerant.error());
    REQUIRE(got.size() == 2);
    CHECK(got[0].mobile == "13000000000");
    CHECK(got[0].status == "UNDELIV");
    CHECK(!got[0].delivered());
    CHECK(got[0].msgid == "1001");
    CHECK(got[0].receive_time == "20090422103324");
    CHECK(got[0].serial.empty());
    CHECK(got[1].delivered());
    CHECK(got[1].receive_time == "200904220946\n20");  // as sent; valid once the break is dropped
    // The break inside the time in strict mode, once the first one is mended.
    const std::string second(rpts_example.substr(rpts_example.find(';') + 1));
    const report_list s2(second);
    CHECK(all(s2).empty());
    CHECK(s2.error() == result{errc::bad_character, second.find('\n'), "receive_time"});
    CHECK(std::string_view(s2.error().field) == "receive_time");
}

TEST_CASE("rpts: five fields, field errors at their byte, 500 records and one more, written back") {
    const std::string_view five = "13800138000,DELIVRD,77,20240229235959,P0001";
    const report_list l(five);
    const auto got = all(l);
    REQUIRE(got.size() == 1);
    CHECK(got[0].serial == "P0001");
    const report_list bad_date("13800138000,DELIVRD,77,20230229235959");
    all(bad_date);
    CHECK(bad_date.error().ec == errc::out_of_range);
    CHECK(std::string_view(bad_date.error().field) == "receive_time");
    const report_list bad_mobile("1380013800x,DELIVRD,77,20240229235959");
    all(bad_mobile);
    CHECK(bad_mobile.error() == result{errc::bad_character, 10, "mobile"});
    CHECK(std::string_view(bad_mobile.error().field) == "mobile");
    const report_list three("13800138000,DELIVRD,77");
    all(three);
    CHECK(three.error() == result{errc::count_mismatch, 0, "rpts"});
    const report_list trailing("13800138000,DELIVRD,77,20240229235959;");
    CHECK(all(trailing).size() == 1);
    CHECK(trailing.error().ec == errc::empty_field);
    CHECK(all(report_list("13800138000,DELIVRD,77,20240229235959;", mode::tolerant)).size() == 1);
    // Found by the fuzzer: a blank status, which tolerant mode trims to nothing.
    const report_list blank("10, ,1020240229235959,20240229235959");
    all(blank);
    CHECK(blank.error() == result{errc::bad_character, 3, "status"});
    CHECK(std::string_view(blank.error().field) == "status");
    const report_list trailing_blank("10,DELIVRD ,1,20240229235959");
    all(trailing_blank);
    CHECK(trailing_blank.error() == result{errc::bad_character, 10, "status"});
    const report_list tolerated("10, ,1,20240229235959", mode::tolerant);
    all(tolerated);
    CHECK(tolerated.error().ec == errc::empty_field);
    const report_list empty_serial("13800138000,DELIVRD,77,20240229235959,");
    all(empty_serial);
    CHECK(empty_serial.error() == result{errc::empty_field, 38, "serial"});
    CHECK(all(report_list("13800138000,DELIVRD,77,20240229235959,", mode::tolerant)).size() == 1);

    std::vector<report> many(max_push_records, report{"13800138000", "DELIVRD", "1", "20240101000000", ""});
    std::string text;
    REQUIRE(append_list<report>(many, text));
    const report_list full(text);
    std::size_t n = 0;
    CHECK(full.validate(n) == result{errc{}, text.size()});
    CHECK(n == max_push_records);
    const std::string over = text + ";13800138000,DELIVRD,1,20240101000000";
    const report_list past(over);
    CHECK(past.validate(n) == result{errc::too_many, text.size() + 1, "rpts"});
    many.push_back(many.back());
    smsgw::writer w;
    CHECK(encode_list<report>(many, w).ec == errc::too_many);
}

TEST_CASE("rpts: encoded, the fifth field only when set; the encoder refuses what would not read back") {
    const std::array<report, 2> two{{{"13000000000", "UNDELIV", "1001", "20090422103324", ""},
                                     {"13000000000", "DELIVRD", "1002", "20090422094620", "S9"}}};
    std::string text;
    REQUIRE(append_list<report>(two, text));
    CHECK(text == "13000000000,UNDELIV,1001,20090422103324;13000000000,DELIVRD,1002,20090422094620,S9");
    const std::array<report, 1> comma{{{"13000000000", "UN,DELIV", "1", "20090422103324", ""}}};
    smsgw::writer w;
    CHECK(encode_list<report>(comma, w) == result{errc::bad_character, 2, "status"});
    const std::array<report, 1> bad_time{{{"13000000000", "DELIVRD", "1", "2009042210332", ""}}};
    CHECK(encode_list<report>(bad_time, w).ec == errc::invalid_length);
}

TEST_CASE("mos: the spec's example; content decoded on request; trailing ';' wanted by strict mode") {
    const mo_list strict(mos_example);
    CHECK(all(strict).size() == 1);
    CHECK(strict.error() == result{errc::bad_character, mos_example.find('\n'), "mobile"});
    const mo_list tolerant(mos_example, mode::tolerant);
    const auto got = all(tolerant);
    REQUIRE(tolerant.error());
    REQUIRE(got.size() == 2);
    CHECK(got[1].content == "hello2");
    CHECK(got[1].extension == "001");

    const std::string_view encoded_reply = "13000000000,001,%E4%BD%A0%E5%A5%BD+ok%2C1,20151221121046;";
    const mo_list one(encoded_reply);
    const auto r = all(one);
    REQUIRE(r.size() == 1);
    char buf[32];
    smsgw::writer out(buf, sizeof buf);
    REQUIRE(r[0].decode_content(out));
    CHECK(std::string_view(buf, out.size()) == "你好 ok,1");
    const mo_list unterminated("13000000000,001,hi,20151221121046");
    all(unterminated);
    CHECK(unterminated.error().ec == errc::truncated);
    CHECK(all(mo_list("13000000000,001,hi,20151221121046", mode::tolerant)).size() == 1);

    const std::array<mo, 2> two{{{"13000000000", "001", "hello", "20151221121046"},
                                 {"13000000000", "001", "hello2", "20151221121046"}}};
    std::string text;
    REQUIRE(append_list<mo>(two, text));
    CHECK(text == "13000000000,001,hello,20151221121046;13000000000,001,hello2,20151221121046;");
}

TEST_CASE("Lists: read and written without allocating") {
    const std::string_view text = "13800138000,DELIVRD,77,20240229235959,P1;13800138001,UNDELIV,78,20240229235959";
    std::array<report, 2> copy{};
    char buf[256];
    smsgw::test::alloc_counter guard;
    const report_list l(text);
    std::size_t n = 0;
    for (const report& r : l) copy[n++] = r;
    smsgw::writer w(buf, sizeof buf);
    CHECK(encode_list<report>(copy, w));
    CHECK(guard.count() == 0);
    CHECK(std::string_view(buf, w.size()) == text);
}

TEST_CASE("QueryBalance: the spec's query, GBK username and password percent-encoded, the bare reply") {
    char user[16];
    smsgw::writer uw(user, sizeof user);
    REQUIRE(smsgw::charset::encode(smsgw::charset::encoding::gbk, "测试&1", uw));
    query_balance_request q{"500000", bytes(std::string_view(user, uw.size())), bytes(std::string_view("123 456"))};
    std::string query;
    REQUIRE(smsgw::encode_append(q, query));
    CHECK(query == "userid=500000&username=%B2%E2%CA%D4%261&password=123+456");
    std::vector<smsgw::byte> scratch(query.size());
    query_balance_request back;
    REQUIRE(decode(query, back, scratch) == result{errc{}, query.size()});
    CHECK(hezhong_test::text(back.username) == std::string_view(user, uw.size()));
    CHECK(hezhong_test::text(back.password) == "123 456");

    const std::string_view example = "userid=500000&username=test&password=123456";
    REQUIRE(decode(example, back, scratch));
    CHECK(hezhong_test::text(back.username) == "test");
    CHECK(decode(std::string_view("userid=500000&username=test"), back, scratch).ec == errc::missing_field);
    CHECK(decode(std::string_view("userid=1&username=t&password=p&x=1"), back, scratch).ec == errc::unknown_field);

    balance_reply b;
    CHECK(decode(std::string_view("1024"), b) == result{errc{}, 4});
    CHECK(b.ok());
    CHECK(b.value == 1024);
    CHECK(decode(std::string_view("-3"), b));
    CHECK(!b.ok());
    CHECK(b.value == -3);
    CHECK(decode(std::string_view("1024\r\n"), b) == result{errc::bad_character, 4, "balance"});
    CHECK(decode(std::string_view(" 1024\r\n"), b, mode::tolerant) == result{errc{}, 7});
    CHECK(decode(std::string_view(""), b).ec == errc::empty_field);
    CHECK(decode(std::string_view("1.5"), b) == result{errc::bad_character, 1, "balance"});
    std::string out;
    REQUIRE(smsgw::encode_append(balance_reply{-100}, out));
    CHECK(out == "-100");
}

TEST_CASE("Codes: every code of the three tables, in Chinese and English, unknown ones kept") {
    const int save[] = {0, -1, -2, -3, -4, -5, -6, -7, -8, -10, -11, -12, -13, -100};
    const int task[] = {0, -1, -2, -3, -4, -5, -6, -7, -8, -10, -100};
    for (int c : save) CHECK(describe(call::save_mms_model, static_cast<return_code>(c)).known());
    for (int c : task) {
        CHECK(describe(call::send_mms_task, static_cast<return_code>(c)).known());
        CHECK(describe(call::send_variable_mms_task, static_cast<return_code>(c)).known());
    }
    CHECK(describe(call::send_variable_mms_task, return_code::bad_variables).english == "Bad variable parameters");
    CHECK(describe(call::save_mms_model, return_code::file_read_error).chinese == "读取文件错误");
    CHECK(!describe(call::send_mms_task, static_cast<return_code>(-11)).known());
    CHECK(!describe(call::send_mms_task, static_cast<return_code>(-12)).known());
    CHECK(!describe(call::save_mms_model, static_cast<return_code>(-9)).known());
    CHECK(!describe(call::query_balance, return_code::success).known());
    CHECK(describe(call::save_mms_model, return_code::template_error).chinese == "彩信模版错误");
    CHECK(describe(call::send_mms_task, return_code::template_error).chinese == "彩信模板错误");
    CHECK(path(call::send_variable_mms_task) == "/mms/api/SendVariableMmsTask.do");
    CHECK(describe(audit_status::refused).english == "Refused");
    CHECK(describe(carrier::china_telecom).chinese == "电信");
}
