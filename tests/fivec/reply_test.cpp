#include "smsgw/fivec/reply.hpp"

#include <string>
#include <string_view>

#include "fivec_test.hpp"
#include "smsgw/fivec/balance.hpp"

using fivec_test::apikey;
using fivec_test::decode_request;
using fivec_test::field_of;
using smsgw::errc;
using smsgw::mode;
using smsgw::result;
namespace fivec = smsgw::fivec;
using fivec::error_code;

namespace {
fivec::reply decoded(std::string_view in, mode m = mode::strict) {
    fivec::reply r;
    REQUIRE(fivec::decode(in, r, m) == result{errc{}, in.size()});
    return r;
}
}  // namespace

TEST_CASE("reply: every error string of §2.2 and §3.2, as the spec's tables print them") {
    const struct {
        std::string_view line;
        error_code code;
    } table[] = {
        {"error:Missing apikey", error_code::missing_apikey},
        {"error:Missing password", error_code::missing_password},
        {"Error:Missing message title", error_code::missing_message_title},
        {"error:Missing recipient", error_code::missing_recipient},
        {"error:Account is blocked", error_code::account_is_blocked},
        {"error:Unrecognized encoding", error_code::unrecognized_encoding},
        {"error:APIKEY or password error", error_code::apikey_or_password_error},
        {"error:Unauthorized IP address", error_code::unauthorized_ip_address},
        {"error:Account balance is insufficient", error_code::account_balance_is_insufficient},
        {"Error:MMS body too long.", error_code::mms_body_too_long},
    };
    for (const auto& row : table) {
        const fivec::reply r = decoded(row.line);
        CHECK_FALSE(r.success);
        CHECK(r.code == row.code);
        CHECK(r.is(row.code));
        CHECK(r.text == row.line.substr(row.line.find(':') + 1));
        CHECK(r.prefix == row.line.substr(0, row.line.find(':')));
        CHECK(fivec::describe(row.code).text == r.text);
        CHECK(fivec::error_of(r.text) == row.code);
        // written back as it was received; from the code alone, in lower case
        std::string out;
        REQUIRE(smsgw::encode_append(r, out));
        CHECK(out == row.line);
        out.clear();
        REQUIRE(smsgw::encode_append(fivec::reply{false, {}, row.code, {}, {}}, out));
        CHECK(out == "error:" + std::string(r.text));
    }
    CHECK(fivec::describe(error_code::account_is_blocked).chinese == "帐号被禁用");
    CHECK_FALSE(fivec::describe(error_code::other).known());
}

TEST_CASE("reply: success:<msgid>, the spec's `error:msgid` and other texts kept verbatim") {
    fivec::reply r = decoded("success:30911175558600");
    CHECK(r.success);
    CHECK(r.msgid == "30911175558600");
    CHECK(r.text.empty());
    std::string out;
    REQUIRE(smsgw::encode_append(r, out));
    CHECK(out == "success:30911175558600");
    // §2.2 发送失败 error:msgid
    r = decoded("error:msgid");
    CHECK(r.code == error_code::other);
    CHECK(r.text == "msgid");
    // what real servers add: a second colon kept in the text
    r = decoded("error:Black keywords is:枪支");
    CHECK(r.code == error_code::other);
    CHECK(r.text == "Black keywords is:枪支");
    r = decoded("error:Throughput Rate Exceeded");
    CHECK(r.text == "Throughput Rate Exceeded");
    out.clear();
    REQUIRE(smsgw::encode_append(r, out));
    CHECK(out == "error:Throughput Rate Exceeded");
    // the prefix in any case, a BOM and line ends at the end skipped in both modes
    r = decoded("SUCCESS:1\r\n");
    CHECK(r.success);
    CHECK(r.prefix == "SUCCESS");
    CHECK(r.msgid == "1");
    r = decoded("\xEF\xBB\xBF" "error:Missing apikey\n");
    CHECK(r.code == error_code::missing_apikey);
}

TEST_CASE("reply: strict and tolerant refusals, with their offsets") {
    fivec::reply r;
    CHECK(fivec::decode(std::string_view("100"), r) == result{errc::bad_response, 0, "prefix"});
    CHECK(fivec::decode(std::string_view("no record"), r) == result{errc::bad_response, 0, "prefix"});
    CHECK(fivec::decode(std::string_view(""), r) == result{errc::bad_response, 0, "prefix"});
    CHECK(fivec::decode(std::string_view("\xEF\xBB\xBFok:1"), r) == result{errc::bad_response, 3, "prefix"});
    CHECK(fivec::decode(std::string_view("error"), r) == result{errc::bad_response, 0, "prefix"});
    CHECK(fivec::decode(std::string_view("error:a\nb"), r) == result{errc::trailing_bytes, 7, "text"});
    // a msgid that is not digits
    CHECK(fivec::decode(std::string_view("success:"), r) == result{errc::empty_field, 8, "msgid"});
    const result bad = fivec::decode(std::string_view("success:3091x"), r);
    CHECK(bad == result{errc::bad_character, 12, "msgid"});
    CHECK(field_of(bad) == "msgid");
    // tolerant: kept as sent
    REQUIRE(fivec::decode(std::string_view("success:3091x"), r, mode::tolerant));
    CHECK(r.msgid == "3091x");
    // tolerant: whitespace before, blanks before the colon, case and the final '.' of the spec's strings
    r = decoded(" \r\nerror :account is blocked ", mode::tolerant);
    CHECK(r.code == error_code::account_is_blocked);
    CHECK(r.text == "account is blocked ");
    CHECK(decoded("error:MMS body too long", mode::tolerant).code == error_code::mms_body_too_long);
    CHECK(decoded("error:Missing apikey.", mode::tolerant).code == error_code::missing_apikey);
    CHECK(decoded("error:MMS body too long").code == error_code::other);
    CHECK(decoded("error:missing apikey").code == error_code::other);
    CHECK(decoded("error:a\nb", mode::tolerant).text == "a\nb");
}

TEST_CASE("reply: the encoder refuses what would not read back") {
    std::string out;
    CHECK(smsgw::encode_append(fivec::reply{true, "", {}, {}, {}}, out) == result{errc::empty_field, 0, "msgid"});
    CHECK(smsgw::encode_append(fivec::reply{true, "12a", {}, {}, {}}, out) == result{errc::bad_character, 2, "msgid"});
    CHECK(smsgw::encode_append(fivec::reply{false, {}, error_code::other, {}, {}}, out) == result{errc::empty_field, 6, "text"});
    CHECK(smsgw::encode_append(fivec::reply{false, {}, error_code::other, "a\rb", {}}, out) ==
          result{errc::bad_character, 7, "text"});
    CHECK(out.empty());
    char small[4];
    CHECK(smsgw::encode(fivec::reply{true, "123", {}, {}, {}}, smsgw::mutable_bytes(small)) ==
          result{errc::buffer_too_small, 11});
}

TEST_CASE("balance: the query (§4.1) and its reply (§4.2)") {
    const std::string printed = "apikey=231d1a3dc627ebd0a7cab5b35c397d3e&username=test&password=test";  // §4.1 示例
    std::string body;
    REQUIRE(smsgw::encode_append(fivec::balance_query{apikey, "test", "test"}, body));
    CHECK(body == printed);
    fivec::balance_query q;
    REQUIRE(decode_request(printed, q));
    CHECK(q.apikey == apikey);
    CHECK(q.username == "test");
    CHECK(fivec::url(fivec::api::query_balance) == "http://m.5c.com.cn/api/query/");
    CHECK(decode_request(printed + "&x=1", q) == result{errc::unknown_field, 68});
    REQUIRE(decode_request(printed + "&x=1", q, mode::tolerant));
    CHECK(decode_request("apikey=231d1a3dc627ebd0a7cab5b35c397d3e&username=test", q) == result{errc::missing_field, 53, "password"});

    fivec::balance_reply r;
    REQUIRE(fivec::decode(std::string_view("100"), r) == result{errc{}, 3});  // 返回结果: 100
    CHECK(r.ok);
    CHECK(r.balance == "100");
    REQUIRE(fivec::decode(std::string_view("\xEF\xBB\xBF" "12.50\r\n"), r));
    CHECK(r.balance == "12.50");
    REQUIRE(fivec::decode(std::string_view("error:Unauthorized IP address"), r));
    CHECK_FALSE(r.ok);
    CHECK(r.error.is(error_code::unauthorized_ip_address));
    CHECK(fivec::decode(std::string_view("100 "), r) == result{errc::bad_character, 3, "balance"});
    CHECK(fivec::decode(std::string_view("12."), r) == result{errc::bad_character, 2, "balance"});
    CHECK(fivec::decode(std::string_view("1.2.3"), r) == result{errc::bad_character, 3, "balance"});
    CHECK(fivec::decode(std::string_view("-5"), r) == result{errc::bad_response, 0, "prefix"});
    CHECK(fivec::decode(std::string_view("success:1"), r) == result{errc::bad_response, 0, "balance"});
    REQUIRE(fivec::decode(std::string_view(" 100 \n"), r, mode::tolerant));
    CHECK(r.balance == "100");

    std::string out;
    REQUIRE(smsgw::encode_append(fivec::balance_reply{true, "100", {}}, out));
    CHECK(out == "100");
    out.clear();
    REQUIRE(smsgw::encode_append(fivec::balance_reply{false, {}, {false, {}, error_code::apikey_or_password_error, {}, {}}}, out));
    CHECK(out == "error:APIKEY or password error");
    out.clear();
    CHECK(smsgw::encode_append(fivec::balance_reply{true, "", {}}, out) == result{errc::empty_field, 0, "balance"});
    CHECK(smsgw::encode_append(fivec::balance_reply{true, "1e3", {}}, out) == result{errc::bad_character, 1, "balance"});
    CHECK(smsgw::encode_append(fivec::balance_reply{false, {}, {true, "1", {}, {}, {}}}, out) == result{errc::bad_response, 0, "balance"});
}

TEST_CASE("reply and balance: decoding and encoding allocate nothing") {
    char out[64];
    smsgw::test::alloc_counter guard;
    fivec::reply r;
    REQUIRE(fivec::decode(std::string_view("Error:Black keywords is:x"), r));
    fivec::balance_reply b;
    REQUIRE(fivec::decode(std::string_view("100"), b));
    smsgw::writer w(out, sizeof out);
    REQUIRE(encode(r, w));
    CHECK(guard.count() == 0);
    CHECK(std::string_view(out, w.size()) == "Error:Black keywords is:x");
}
