#include "smsgw/smsplat/var_sm.hpp"

#include <array>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "smsplat_test.hpp"

using smsgw::errc;
using smsgw::mode;
using smsgw::result;
using smsplat_test::decode_request;
using smsplat_test::encoded;
using smsplat_test::expect;
namespace smsplat = smsgw::smsplat;
using smsplat::batch_send_request;
using smsplat::send_reply;
using smsplat::send_status;
using smsplat::var_sm_request;

namespace {

// n numbers of 11 digits joined by ','.
std::string mobiles(std::size_t n) {
    std::string s;
    for (std::size_t k = 0; k < n; ++k) {
        if (k != 0) s += ',';
        s += std::to_string(13800000000ULL + k);
    }
    return s;
}

std::string repeat(std::string_view piece, std::size_t n) {
    std::string s;
    for (std::size_t k = 0; k < n; ++k) s += piece;
    return s;
}

constexpr std::string_view spec_url_query =  // §9.5, as printed (raw UTF-8 in the URL)
    "account=jiemou-clcs-08&pswd=Tch123456&mobile=18916626442&msg=【萌萌搭】尊敬的用户您好，您的注册验证码是：1131，请完成注册&needstatus=true";

}  // namespace

TEST_CASE("HttpBatchSendSM: the spec's example (§9.5) as printed, and as the encoder writes it") {
    CHECK(smsplat::path(smsplat::call::batch_send) == "/msg/HttpBatchSendSM");
    batch_send_request r;
    REQUIRE(decode_request(spec_url_query, r) == result{errc{}, spec_url_query.size()});
    CHECK(r.account == "jiemou-clcs-08");
    CHECK(r.pswd == "Tch123456");
    CHECK(r.mobile == "18916626442");
    CHECK(r.msg == "【萌萌搭】尊敬的用户您好，您的注册验证码是：1131，请完成注册");
    CHECK(r.needstatus == "true");
    CHECK(r.product.empty());
    CHECK(r.extno.empty());
    const std::string body = encoded(r);
    CHECK(body ==
          "account=jiemou-clcs-08&pswd=Tch123456&mobile=18916626442&msg=%E3%80%90%E8%90%8C%E8%90%8C%E6%90%AD%E3%80%91"
          "%E5%B0%8A%E6%95%AC%E7%9A%84%E7%94%A8%E6%88%B7%E6%82%A8%E5%A5%BD%EF%BC%8C%E6%82%A8%E7%9A%84%E6%B3%A8%E5%86%8C"
          "%E9%AA%8C%E8%AF%81%E7%A0%81%E6%98%AF%EF%BC%9A1131%EF%BC%8C%E8%AF%B7%E5%AE%8C%E6%88%90%E6%B3%A8%E5%86%8C"
          "&needstatus=true");
    CHECK(body.size() == smsgw::encoded_size(r));
    batch_send_request back;
    REQUIRE(decode_request(body, back));
    CHECK(encoded(back) == body);
}

TEST_CASE("HttpBatchSendSM: Part III's Java call, with product and extno") {
    batch_send_request r{"account", "pswd", "13800210021,13800138000", "亲爱的用户, 您的验证码是123456, 5分钟内有效。",
                         "true", "1234567", "123456"};
    const std::string body = encoded(r);
    CHECK(body.find("&mobile=13800210021%2C13800138000&") != std::string::npos);
    CHECK(body.substr(body.size() - 45) == "&needstatus=true&product=1234567&extno=123456");
    batch_send_request back;
    REQUIRE(decode_request(body, back));
    CHECK(back.mobile == r.mobile);
    CHECK(back.msg == r.msg);
    CHECK(back.product == "1234567");
    CHECK(back.extno == "123456");
    // product and extno are written only when set
    r.product = r.extno = {};
    CHECK(encoded(r).find("product") == std::string::npos);
}

TEST_CASE("HttpBatchSendSM: every limit one under and one over") {
    batch_send_request r{"a", "b", "13800138000", "x", "false", {}, {}};
    SECTION("mobile: 50000 numbers, not 50001") {
        const std::string full = mobiles(50000);
        r.mobile = full;
        CHECK(smsplat::validate(r));
        const std::string over = mobiles(50001);
        r.mobile = over;
        expect(smsplat::validate(r), errc::too_many, 50000 * 12, "mobile");
    }
    SECTION("mobile: 15 digits, not 16; digits only; no empty number") {
        r.mobile = "13800138000,123456789012345";
        CHECK(smsplat::validate(r));
        r.mobile = "13800138000,1234567890123456";
        expect(smsplat::validate(r), errc::field_too_long, 12 + 15, "mobile");
        r.mobile = "13800138000,+8613800138000";
        expect(smsplat::validate(r), errc::bad_character, 12, "mobile");
        r.mobile = "13800138000,,13800138001";
        expect(smsplat::validate(r), errc::empty_field, 12, "mobile");
        r.mobile = "13800138000,";
        expect(smsplat::validate(r), errc::empty_field, 12, "mobile");
        r.mobile = "";
        expect(smsplat::validate(r), errc::empty_field, 0, "mobile");
    }
    SECTION("msg: 585 characters, not 586; UTF-8; not empty") {
        const std::string han = repeat("中", 585);
        r.msg = han;
        CHECK(smsplat::validate(r));
        const std::string over = han + "a";
        r.msg = over;
        expect(smsplat::validate(r), errc::field_too_long, 585 * 3, "msg");
        const std::string ascii = repeat("a", 586);
        r.msg = ascii;
        expect(smsplat::validate(r), errc::field_too_long, 585, "msg");
        r.msg = "ab\xC3";
        expect(smsplat::validate(r), errc::invalid_utf8, 2, "msg");
        r.msg = "";
        expect(smsplat::validate(r), errc::empty_field, 0, "msg");
    }
    SECTION("needstatus: true or false, literally") {
        r.needstatus = "true";
        CHECK(smsplat::validate(r));
        for (std::string_view bad : {"TRUE", "1", "yes", "False"}) {
            r.needstatus = bad;
            expect(smsplat::validate(r), errc::bad_character, 0, "needstatus");
        }
        r.needstatus = "falsey";
        expect(smsplat::validate(r), errc::field_too_long, 5, "needstatus");
        r.needstatus = "";
        expect(smsplat::validate(r), errc::empty_field, 0, "needstatus");
    }
    SECTION("extno: 1 to 6 digits; product: digits") {
        r.extno = "1";
        CHECK(smsplat::validate(r));
        r.extno = "123456";
        CHECK(smsplat::validate(r));
        r.extno = "1234567";
        expect(smsplat::validate(r), errc::field_too_long, 6, "extno");
        r.extno = "12a";
        expect(smsplat::validate(r), errc::bad_character, 2, "extno");
        r.extno = {};
        r.product = "12345678901234567890";
        CHECK(smsplat::validate(r));
        r.product = "123456789012345678901";
        expect(smsplat::validate(r), errc::field_too_long, 20, "product");
        r.product = "p1";
        expect(smsplat::validate(r), errc::bad_character, 0, "product");
    }
    SECTION("account and pswd: printable ASCII, required") {
        r.account = "";
        expect(smsplat::validate(r), errc::empty_field, 0, "account");
        r.account = "a";
        r.pswd = "p\tw";
        expect(smsplat::validate(r), errc::bad_character, 1, "pswd");
    }
}

TEST_CASE("HttpBatchSendSM: the word-at-a-time mobile check says what the item-by-item one says") {
    constexpr auto items = smsgw::codec::fields::list("", ',', 1, smsplat::max_mobiles, smsplat::detail::check_mobile);
    std::mt19937 rng(18);
    std::size_t refused = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string v;
        const std::size_t numbers = 1 + rng() % 8;
        for (std::size_t k = 0; k < numbers; ++k) {
            if (k != 0) v += ',';
            const std::size_t digits = rng() % 40 == 0 ? rng() % 18 : 10 + rng() % 6;  // mostly 10 to 15
            for (std::size_t d = 0; d < digits; ++d) v += static_cast<char>('0' + rng() % 10);
        }
        if (rng() % 20 == 0) v[rng() % v.size()] = "a,+ \x80"[rng() % 5];
        if (rng() % 30 == 0) v += ',';
        const result slow = smsgw::codec::fields::check_value(std::string_view(v), items);
        INFO(v);
        CHECK(smsplat::detail::check_mobiles(v) == slow);
        refused += slow ? 0u : 1u;
    }
    CHECK(refused > 1000);  // both sides of the check were met
}

TEST_CASE("HttpBatchSendSM: decoding as the platform would, both modes") {
    batch_send_request r;
    const std::string_view minimal = "account=a&pswd=b&mobile=13800138000&msg=x&needstatus=false";
    REQUIRE(decode_request(minimal, r));
    expect(decode_request("account=a&pswd=b&mobile=13800138000&msg=x", r), errc::missing_field, 41, "needstatus");
    const std::string extra = std::string(minimal) + "&datetime=20110725";
    expect(decode_request(extra, r), errc::unknown_field, minimal.size() + 1, "-");
    REQUIRE(decode_request(extra, r, mode::tolerant));
    const std::string twice = std::string(minimal) + "&msg=y";
    expect(decode_request(twice, r), errc::duplicate_field, minimal.size() + 1, "msg");
    REQUIRE(decode_request(twice, r, mode::tolerant));
    CHECK(r.msg == "x");
    expect(decode_request("account=a&pswd=b&mobile=13800138000&msg=%E4%B8&needstatus=false", r), errc::invalid_utf8, 36,
           "msg");
    expect(decode_request("account=a&pswd=b&mobile=138001380%0&msg=x&needstatus=false", r), errc::bad_escape, 33, "-");
    // a '+' in a number is a space once decoded (vendors.md pitfall 5): refused, never passed on
    expect(decode_request("account=a&pswd=b&mobile=+8613800138000&msg=x&needstatus=false", r), errc::bad_character, 17,
           "mobile");
}

TEST_CASE("HttpBatchSendSM: encoding and decoding allocate nothing") {
    const batch_send_request r{"a", "b", "13800138000,13900139000", "你好", "true", "1", "12"};
    char body[256];
    smsgw::byte scratch[256];
    batch_send_request back;
    smsgw::test::alloc_counter guard;
    smsgw::writer w(body, sizeof body);
    const result e = smsplat::encode(r, w);
    REQUIRE(e);
    REQUIRE(smsplat::decode(std::string_view(body, e.offset), back, scratch));
    CHECK(guard.count() == 0);
    CHECK(back.msg == "你好");
}

TEST_CASE("send reply: the spec's examples (§9.3.2) as printed") {
    send_reply r;
    const std::string_view ok = "20110725160412,0\n1234567890100";
    REQUIRE(smsplat::decode(ok, r) == result{errc{}, ok.size()});
    CHECK(r.resptime == "20110725160412");
    CHECK(r.respstatus == send_status::submitted);
    CHECK(r.msgid == "1234567890100");
    CHECK(encoded(r) == ok);
    // the failure example prints a blank after the comma: strict refuses it, tolerant reads it
    const std::string_view failure = "20110725160412, 101";
    expect(smsplat::decode(failure, r), errc::bad_character, 15, "respstatus");
    REQUIRE(smsplat::decode(failure, r, mode::tolerant));
    CHECK(r.respstatus == send_status::no_such_user);
    CHECK(r.msgid.empty());
    CHECK(encoded(r) == "20110725160412,101");
}

TEST_CASE("send reply: LF, CRLF, a missing second line, trailing blank lines") {
    send_reply r;
    for (std::string_view in : {"20110725160412,0\n1234567890100\n", "20110725160412,0\n1234567890100\n\n\n"}) {
        REQUIRE(smsplat::decode(in, r) == result{errc{}, in.size()});
        CHECK(r.msgid == "1234567890100");
    }
    const std::string_view crlf = "20110725160412,0\r\n1234567890100\r\n";
    expect(smsplat::decode(crlf, r), errc::bad_character, 16, "resptime,respstatus");
    REQUIRE(smsplat::decode(crlf, r, mode::tolerant));
    CHECK(r.msgid == "1234567890100");
    REQUIRE(smsplat::decode(std::string_view("20110725160412,0\r1234567890100"), r, mode::tolerant));
    CHECK(r.msgid == "1234567890100");
    // status 0 without its msgid; another status with one
    expect(smsplat::decode(std::string_view("20110725160412,0\n"), r), errc::missing_field, 17, "msgid");
    REQUIRE(smsplat::decode(std::string_view("20110725160412,0\n"), r, mode::tolerant));
    CHECK(r.msgid.empty());
    expect(smsplat::decode(std::string_view("20110725160412,107\n1234567890100"), r), errc::trailing_bytes, 19, "msgid");
    REQUIRE(smsplat::decode(std::string_view("20110725160412,107\n\n"), r));
    CHECK(r.respstatus == send_status::wrong_mobile);
    // a blank line between the two, and lines past the shape
    expect(smsplat::decode(std::string_view("20110725160412,0\n\n1234567890100"), r), errc::empty_field, 17, "msgid");
    REQUIRE(smsplat::decode(std::string_view("20110725160412,0\n\n1234567890100\nmore"), r, mode::tolerant));
    CHECK(r.msgid == "1234567890100");
    expect(smsplat::decode(std::string_view("20110725160412,0\n1\nmore"), r), errc::trailing_bytes, 19, "-");
}

TEST_CASE("send reply: malformed first lines, at their offsets") {
    send_reply r;
    expect(smsplat::decode(std::string_view(""), r), errc::missing_field, 0, "resptime,respstatus");
    expect(smsplat::decode(std::string_view("\n\n"), r), errc::missing_field, 2, "resptime,respstatus");
    expect(smsplat::decode(std::string_view("20110725160412"), r), errc::missing_field, 14, "respstatus");
    expect(smsplat::decode(std::string_view("2011072516041,101"), r), errc::invalid_length, 0, "resptime");
    expect(smsplat::decode(std::string_view("20111325160412,101"), r), errc::out_of_range, 4, "resptime");
    expect(smsplat::decode(std::string_view("20110725160412,"), r), errc::empty_field, 15, "respstatus");
    expect(smsplat::decode(std::string_view("20110725160412,1x1"), r), errc::bad_character, 16, "respstatus");
    expect(smsplat::decode(std::string_view("20110725160412,101,x"), r), errc::bad_character, 18, "respstatus");
    expect(smsplat::decode(std::string_view("20110725160412,99999999999"), r), errc::out_of_range, 15, "respstatus");
    const std::string long_id = "20110725160412,0\n" + repeat("1", 65);
    expect(smsplat::decode(long_id, r), errc::field_too_long, 17 + 64, "msgid");
    expect(smsplat::decode(std::string_view("<html>gateway</html>"), r), errc::missing_field, 20, "respstatus");
    // the output is untouched by a failed decode
    r.msgid = "keep";
    CHECK_FALSE(smsplat::decode(std::string_view("20110725160412,0"), r));
    CHECK(r.msgid == "keep");
}

TEST_CASE("send reply: every code of table 9.3, 114 and unknown ones kept as numbers") {
    send_reply r;
    REQUIRE(smsplat::decode(std::string_view("20110725160412,114"), r));
    CHECK(static_cast<unsigned>(r.respstatus) == 114);
    CHECK_FALSE(describe(r.respstatus).known());
    CHECK(encoded(r) == "20110725160412,114");
    REQUIRE(smsplat::decode(std::string_view("20110725160412,120"), r));
    CHECK(static_cast<unsigned>(r.respstatus) == 120);
    REQUIRE(smsplat::decode(std::string_view("20110725160412,115"), r));
    CHECK(r.respstatus == send_status::rejected_by_review);
    CHECK(describe(r.respstatus).chinese == "自动审核驳回");
}

TEST_CASE("send reply: the encoder refuses what would not read back") {
    std::string out;
    expect(smsgw::encode_append(send_reply{"20110725160412", send_status::submitted, {}}, out), errc::missing_field, 0,
           "msgid");
    expect(smsgw::encode_append(send_reply{"20110725160412", send_status::wrong_password, "1"}, out),
           errc::trailing_bytes, 0, "msgid");
    expect(smsgw::encode_append(send_reply{"2011-07-25", send_status::wrong_password, {}}, out), errc::invalid_length, 0,
           "resptime");
    expect(smsgw::encode_append(send_reply{"20110725160412", send_status::submitted, "1\n2"}, out), errc::bad_character,
           1, "msgid");
    CHECK(out.empty());
    char small[10];
    smsgw::writer w(small, sizeof small);
    CHECK(smsplat::encode(send_reply{"20110725160412", send_status::submitted, "1234567890100"}, w) ==
          result{errc::buffer_too_small, 30});
}

TEST_CASE("send reply: decoding and encoding allocate nothing") {
    send_reply r;
    char out[64];
    smsgw::test::alloc_counter guard;
    REQUIRE(smsplat::decode(std::string_view("20110725160412,0\r\n1234567890100\r\n"), r, mode::tolerant));
    smsgw::writer w(out, sizeof out);
    REQUIRE(smsplat::encode(r, w));
    CHECK(guard.count() == 0);
    CHECK(std::string_view(out, w.size()) == "20110725160412,0\n1234567890100");
}

namespace {
constexpr std::string_view var_msg =
    "【懒人旅行】尊敬的懒人旅行会员, 您于 {var} 预订的 {var}, {var} 张, 订单号: {var} 已取消成功, 如非本人操作, 欢迎致电 "
    "39990411 咨询。";
}  // namespace

TEST_CASE("HttpVarSM: the spec's example (chapter 14) as printed, &params mangled into ¶ms") {
    CHECK(smsplat::path(smsplat::call::var_sm) == "/msg/HttpVarSM");
    const std::string printed = "account=lanren&pswd=Lr123123&msg=" + std::string(var_msg) +
                                "¶ms=13641892268,2015-01-01, 成园温泉山庄门票,2,AC20150127&needstatus=true";
    // "¶" is what an HTML entity made of "&para": without its '&' the pair is part of msg's
    // value, so the decoder finds no params at all and names it
    var_sm_request r;
    expect(decode_request(printed, r), errc::missing_field, printed.size(), "params");
    expect(decode_request(printed, r, mode::tolerant), errc::missing_field, printed.size(), "params");
    // repaired, it decodes: four placeholders, one record of a number and four values
    const std::string repaired = "account=lanren&pswd=Lr123123&msg=" + std::string(var_msg) +
                                 "&params=13641892268,2015-01-01, 成园温泉山庄门票,2,AC20150127&needstatus=true";
    REQUIRE(decode_request(repaired, r));
    CHECK(smsplat::placeholders(r.msg) == 4);
    std::vector<std::string> values;
    for (const smsgw::codec::delimited::record& rec : smsplat::params(r)) {
        for (std::size_t k = 0; k < rec.size(); ++k) values.emplace_back(rec[k]);
    }
    CHECK(values == std::vector<std::string>{"13641892268", "2015-01-01", " 成园温泉山庄门票", "2", "AC20150127"});
    const std::string params(r.params), again = encoded(r);  // r views the scratch the next decode reuses
    var_sm_request back;
    REQUIRE(decode_request(again, back));
    CHECK(back.params == params);
}

TEST_CASE("HttpVarSM: each record has as many values as the template has placeholders") {
    var_sm_request r{"a", "b", "您于{var}预订的{$var}", "13800138000,x,y;13900139000,z,w", "false", {}, {}};
    CHECK(smsplat::validate(r));
    r.params = "13800138000,x,y;13900139000,z,w;";  // a trailing ';' is allowed
    CHECK(smsplat::validate(r));
    std::size_t records = 0;
    for (const auto& rec : smsplat::params(r)) records += rec.size() == 3 ? 1u : 0u;
    CHECK(records == 2);
    r.params = "13800138000,x,y;13900139000,z";
    expect(smsplat::validate(r), errc::count_mismatch, 16, "params");
    r.params = "13800138000,x,y,v";
    expect(smsplat::validate(r), errc::count_mismatch, 0, "params");
    r.params = "13800138000,x,y;;13900139000,z,w";
    expect(smsplat::validate(r), errc::empty_field, 16, "params");
    r.params = "1380013800a,x,y";
    expect(smsplat::validate(r), errc::bad_character, 10, "params");
    r.params = "13800138000,x\ny,z";
    expect(smsplat::validate(r), errc::bad_character, 13, "params");
    r.params = "";
    expect(smsplat::validate(r), errc::empty_field, 0, "params");
    // no placeholder: records are numbers alone
    r.msg = "no variables {var2}";
    r.params = "13800138000;13900139000";
    CHECK(smsplat::validate(r));
    // 32 placeholders, not 33
    const std::string many = repeat("{var}", 32);
    r.msg = many;
    const std::string values = "13800138000" + repeat(",v", 32);
    r.params = values;
    CHECK(smsplat::validate(r));
    const std::string more = many + "{var}";
    r.msg = more;
    expect(smsplat::validate(r), errc::too_many, 0, "msg");
}

TEST_CASE("HttpVarSM: params from the caller's records; a value holding ',' or ';' is refused, not written") {
    using record = std::array<std::string_view, 3>;
    const record ok[] = {{"13800138000", "2015-01-01", "成园温泉山庄门票"}, {"13900139000", "2015-02-02", "门票"}};
    std::string params(128, '\0');
    smsgw::writer w(params.data(), params.size());
    const result written = smsplat::write_params(ok, 2, w);
    REQUIRE(written);
    params.resize(written.offset);
    CHECK(params == "13800138000,2015-01-01,成园温泉山庄门票;13900139000,2015-02-02,门票");
    var_sm_request r{"a", "b", "{var}{var}", params, "true", {}, {}};
    CHECK(smsplat::validate(r));
    for (const record& bad : {record{"13800138000", "a,b", "c"}, record{"13800138000", "a", "b;c"}}) {
        const record list[] = {ok[0], bad};
        char out[128];
        smsgw::writer bw(out, sizeof out);
        const result refused = smsplat::write_params(list, 2, bw);
        CHECK(refused.ec == errc::bad_character);
        CHECK(bw.size() == 0);
    }
    const std::array<std::string_view, 2> short_record{"13800138000", "a"};
    const std::array<std::string_view, 2> short_list[] = {short_record};
    smsgw::writer measure;
    expect(smsplat::write_params(short_list, 2, measure), errc::count_mismatch, 0, "params");
}
