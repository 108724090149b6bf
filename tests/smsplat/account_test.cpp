#include "smsgw/smsplat.hpp"

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
using smsplat::balance_status;
using smsplat::flag;
using smsplat::product_balance;
using smsplat::query_balance_reply;
using smsplat::recharge_reply;
using smsplat::recharge_request;
using smsplat::recharge_status;
using smsplat::user_action;
using smsplat::user_manage_reply;
using smsplat::user_manage_request;
using smsplat::user_manage_status;
using smsplat::user_type;

namespace {

std::vector<std::pair<std::string, std::uint64_t>> listed(const query_balance_reply& r) {
    std::vector<std::pair<std::string, std::uint64_t>> all;
    for (const product_balance& p : r.products) all.emplace_back(p.productid, p.balance);
    return all;
}

using products = std::vector<std::pair<std::string, std::uint64_t>>;

}  // namespace

TEST_CASE("QueryBalance: the spec's request (§11.5)") {
    const smsplat::query_balance_request r{"111111", "123456"};
    CHECK(std::string(smsplat::path(smsplat::call::query_balance)) + "?" + encoded(r) ==
          "/msg/QueryBalance?account=111111&pswd=123456");
    smsplat::query_balance_request back;
    REQUIRE(decode_request("pswd=123456&account=111111", back));
    CHECK(back.account == "111111");
    expect(decode_request("account=111111", back), errc::missing_field, 14, "pswd");
}

TEST_CASE("QueryBalance reply: the spec's example (§11.3) as printed, blank lines between its lines") {
    const std::string_view printed = "20130303180000,0\n\n1234567,1000\n\n1234531,2000\n";
    query_balance_reply r;
    expect(smsplat::decode(printed, r), errc::empty_field, 17, "productid,balance");
    REQUIRE(smsplat::decode(printed, r, mode::tolerant) == result{errc{}, printed.size()});
    CHECK(r.resptime == "20130303180000");
    CHECK(r.status == balance_status::success);
    CHECK(r.products.size() == 2);
    CHECK(listed(r) == products{{"1234567", 1000}, {"1234531", 2000}});
    const std::string_view packed = "20130303180000,0\n1234567,1000\n1234531,2000";
    REQUIRE(smsplat::decode(packed, r));
    CHECK(listed(r) == products{{"1234567", 1000}, {"1234531", 2000}});
    std::vector<product_balance> list(r.products.begin(), r.products.end());
    CHECK(list[1].offset == 30);
    std::string out(64, '\0');
    smsgw::writer w(out.data(), out.size());
    const result e = smsplat::encode(r.resptime, r.status, list, w);
    REQUIRE(e);
    CHECK(out.substr(0, e.offset) == packed);
}

TEST_CASE("QueryBalance reply: LF, CRLF, no product, failures, malformed lines") {
    query_balance_reply r;
    REQUIRE(smsplat::decode(std::string_view("20130303180000,0\n"), r));
    CHECK(r.products.empty());
    REQUIRE(smsplat::decode(std::string_view("20130303180000,103\n\n"), r));
    CHECK(r.status == balance_status::too_fast);
    const std::string_view crlf = "20130303180000,0\r\n1234567,1000\r\n";
    expect(smsplat::decode(crlf, r), errc::bad_character, 16, "resptime,respstatus");
    REQUIRE(smsplat::decode(crlf, r, mode::tolerant));
    CHECK(listed(r) == products{{"1234567", 1000}});
    expect(smsplat::decode(std::string_view("20130303180000,101\n1234567,1000"), r), errc::trailing_bytes, 19,
           "productid,balance");
    expect(smsplat::decode(std::string_view("20130303180000,0\n1234567"), r), errc::missing_field, 24, "balance");
    expect(smsplat::decode(std::string_view("20130303180000,0\n1234567,10x"), r), errc::bad_character, 27, "balance");
    expect(smsplat::decode(std::string_view("20130303180000,0\np1,10"), r), errc::bad_character, 17, "productid");
    expect(smsplat::decode(std::string_view("20130303180000,0\n1234567, 10"), r), errc::bad_character, 25, "balance");
    REQUIRE(smsplat::decode(std::string_view("20130303180000,0\n1234567, 10"), r, mode::tolerant));
    CHECK(listed(r) == products{{"1234567", 10}});
    expect(smsplat::decode(std::string_view("20130303180000,0\n1234567,-10"), r), errc::bad_character, 25, "balance");
    const product_balance one[] = {{"1234567", 1}};
    smsgw::writer measure;
    expect(smsplat::encode("20130303180000", balance_status::no_such_user, one, measure), errc::trailing_bytes, 0,
           "productid,balance");
    const product_balance bad[] = {{"12a", 1}};
    expect(smsplat::encode("20130303180000", balance_status::success, bad, measure), errc::bad_character, 2,
           "productid");
}

TEST_CASE("Recharge: the spec's example (§12.5) as printed, &timestamp mangled into ×tamp") {
    const std::string_view printed =
        "username=123456&password=4725ff06026bc3c703736aa9a2a15e50×tamp=20130408105900&operator=user1"
        "&account=LW4Zjb8dOww%3D&fee=1000&type=1";
    // "×" is the HTML entity "&times" without its '&': the pair is part of password's value,
    // and the decoder names the timestamp it does not find
    recharge_request r;
    expect(decode_request(printed, r), errc::missing_field, printed.size(), "timestamp");
    expect(decode_request(printed, r, mode::tolerant), errc::missing_field, printed.size(), "timestamp");
    const std::string_view repaired =
        "username=123456&password=4725ff06026bc3c703736aa9a2a15e50&timestamp=20130408105900&operator=user1"
        "&account=LW4Zjb8dOww%3D&fee=1000&type=1";
    REQUIRE(decode_request(repaired, r));
    CHECK(r.username == "123456");
    CHECK(r.timestamp == "20130408105900");
    CHECK(r.operator_ == "user1");
    CHECK(r.account == "LW4Zjb8dOww=");
    CHECK(r.fee == 1000);
    CHECK(r.type == smsplat::recharge_type::add);
    CHECK(encoded(r) == repaired);
    // the signature: username 123456, secretkey 123456 (the "密码" of the example), the timestamp
    const auto sig = smsplat::sign("123456", "123456", "20130408105900");
    CHECK(std::string_view(sig.data(), sig.size()) == "4725ff06026bc3c703736aa9a2a15e50");
    CHECK(smsplat::verify(r.password, r.username, "123456", r.timestamp));
    CHECK(smsplat::verify("4725FF06026BC3C703736AA9A2A15E50", "123456", "123456", "20130408105900"));
    CHECK_FALSE(smsplat::verify(r.password, r.username, "123457", r.timestamp));
    CHECK_FALSE(smsplat::verify("4725ff06026bc3c703736aa9a2a15e5", "123456", "123456", "20130408105900"));
}

TEST_CASE("Recharge: every limit and error") {
    recharge_request r{"123456", "4725ff06026bc3c703736aa9a2a15e50", "20130408105900", "user1", "LW4Zjb8dOww=", 1,
                       smsplat::recharge_type::deduct, "10001101"};
    CHECK(smsplat::validate(r));
    CHECK(encoded(r).substr(encoded(r).size() - 31) == "fee=1&type=2&productid=10001101");
    r.fee = 0;
    expect(smsplat::validate(r), errc::out_of_range, 0, "fee");
    r.fee = UINT64_MAX;
    CHECK(smsplat::validate(r));
    r.type = static_cast<smsplat::recharge_type>(3);
    expect(smsplat::validate(r), errc::out_of_range, 0, "type");
    r.type = static_cast<smsplat::recharge_type>(0);
    expect(smsplat::validate(r), errc::out_of_range, 0, "type");
    r.type = smsplat::recharge_type::add;
    r.password = "4725ff06026bc3c703736aa9a2a15e5";
    expect(smsplat::validate(r), errc::invalid_length, 0, "password");
    r.password = "4725ff06026bc3c703736aa9a2a15e5g";
    expect(smsplat::validate(r), errc::bad_character, 31, "password");
    r.password = "4725FF06026BC3C703736AA9A2A15E50";
    CHECK(smsplat::validate(r));
    r.timestamp = "2013040810590";
    expect(smsplat::validate(r), errc::invalid_length, 0, "timestamp");
    r.timestamp = "20130230105900";
    expect(smsplat::validate(r), errc::out_of_range, 6, "timestamp");
    r.timestamp = "20130408105900";
    r.account = "LW4Zjb8dOww";
    expect(smsplat::validate(r), errc::bad_padding, 11, "account");
    r.account = "LW4Zjb8d Oww=";
    expect(smsplat::validate(r), errc::bad_character, 8, "account");
    r.account = "";
    expect(smsplat::validate(r), errc::empty_field, 0, "account");
    r.account = "LW4Zjb8dOww=";
    r.productid = "p";
    expect(smsplat::validate(r), errc::bad_character, 0, "productid");
    r.productid = {};
    r.operator_ = "";
    expect(smsplat::validate(r), errc::empty_field, 0, "operator");
    recharge_request back;
    expect(decode_request("username=1&password=4725ff06026bc3c703736aa9a2a15e50&timestamp=20130408105900&operator=u"
                          "&account=LW4Zjb8dOww%3D&fee=-1&type=1",
                          back),
           errc::bad_character, 112, "fee");  // at its pair
}

TEST_CASE("Recharge reply: §12.3, every code of table 12.2") {
    recharge_reply r;
    REQUIRE(smsplat::decode(std::string_view("20130303180000,0"), r));
    CHECK(r.status == recharge_status::success);
    CHECK(encoded(r) == "20130303180000,0");
    REQUIRE(smsplat::decode(std::string_view("20130303180000,204\n"), r));
    CHECK(r.status == recharge_status::insufficient_amount);
    expect(smsplat::decode(std::string_view("20130303180000,204\r\n"), r), errc::bad_character, 18, "resptime,respstatus");
    REQUIRE(smsplat::decode(std::string_view("20130303180000 , 204\r\n"), r, mode::tolerant));
    CHECK(r.status == recharge_status::insufficient_amount);
    expect(smsplat::decode(std::string_view("20130303180000,0\nmore"), r), errc::trailing_bytes, 17, "-");
    REQUIRE(smsplat::decode(std::string_view("20130303180000,0\nmore"), r, mode::tolerant));
    expect(smsplat::decode(std::string_view("20130303180000,0,x"), r), errc::bad_character, 16, "respstatus");
    REQUIRE(smsplat::decode(std::string_view("20130303180000,207"), r));
    CHECK_FALSE(describe(r.status).known());
}

namespace {

user_manage_request full_user() {
    user_manage_request u;
    u.username = "123456";
    u.password = "4725ff06026bc3c703736aa9a2a15e50";
    u.timestamp = "20130408105900";
    u.operator_ = "user1";
    u.account = "LW4Zjb8dOww=";
    u.ac_password = "LW4Zjb8dOww=";
    u.type = user_type::agent;
    u.true_name = "懒人旅行";
    u.contact_mobile = "021-12345678";
    u.send_hour = "8,21";
    u.need_audit = flag::yes;
    u.send_type = "HBV";
    u.need_reportmo = flag::yes;
    u.extno = "123";
    u.signature = "【懒人旅行】";
    u.product_list = "10001101,100002210";
    u.http_client_ip = "222.73.117.158";
    u.sms_check = flag::yes;
    u.expired_date = "20301231";
    return u;
}

}  // namespace

TEST_CASE("UserManage: all 25 parameters of table 13.1, in its order, both ways") {
    const user_manage_request u = full_user();
    CHECK(smsgw::codec::fields::count<user_manage_request>() == 25);
    const std::string body = encoded(u);
    CHECK(body ==
          "username=123456&password=4725ff06026bc3c703736aa9a2a15e50&timestamp=20130408105900&operator=user1&action=0"
          "&account=LW4Zjb8dOww%3D&ac_password=LW4Zjb8dOww%3D&type=2&true_name=%E6%87%92%E4%BA%BA%E6%97%85%E8%A1%8C"
          "&contact_mobile=021-12345678&send_hour=8%2C21&need_audit=1&send_type=HBV&need_reportmo=1&extno=123"
          "&signature=%E3%80%90%E6%87%92%E4%BA%BA%E6%97%85%E8%A1%8C%E3%80%91&fee_back=0&force_signature=0"
          "&anti_phshing=0&self_subscribe=0&product_list=10001101%2C100002210&web_client_ip=&http_client_ip=222.73.117.158"
          "&sms_check=1&expired_date=20301231");
    user_manage_request back;
    REQUIRE(decode_request(body, back));
    CHECK(encoded(back) == body);
    CHECK(back.true_name == "懒人旅行");
    CHECK(back.type == user_type::agent);
    CHECK(back.web_client_ip.empty());
    CHECK(smsplat::path(smsplat::call::user_manage) == "/msg/UserManage");
}

TEST_CASE("UserManage: adding wants every parameter, deleting only account") {
    user_manage_request del;
    del.username = "123456";
    del.password = "4725ff06026bc3c703736aa9a2a15e50";
    del.timestamp = "20130408105900";
    del.operator_ = "user1";
    del.action = user_action::remove;
    del.account = "LW4Zjb8dOww=";
    const std::string body = encoded(del);
    CHECK(body ==
          "username=123456&password=4725ff06026bc3c703736aa9a2a15e50&timestamp=20130408105900&operator=user1&action=1"
          "&account=LW4Zjb8dOww%3D");
    user_manage_request back;
    REQUIRE(decode_request(body, back));
    CHECK(back.action == user_action::remove);
    // the same on add is missing its first user field
    const std::string add = body.substr(0, body.find("action=1")) + "action=0&account=LW4Zjb8dOww%3D";
    expect(decode_request(add, back), errc::missing_field, add.size(), "ac_password");
    del.action = user_action::add;
    expect(smsplat::validate(del), errc::empty_field, 0, "ac_password");
    // deleting: a field that is set is still checked and written
    del.action = user_action::remove;
    del.send_type = "HX";
    expect(smsplat::validate(del), errc::bad_character, 1, "send_type");
    expect(decode_request(body.substr(0, body.find("&account")), back), errc::missing_field, body.find("&account"),
           "account");
}

TEST_CASE("UserManage: each parameter's kind, one under and one over") {
    user_manage_request u = full_user();
    CHECK(smsplat::validate(u));
    SECTION("action, type and the flags") {
        u.action = static_cast<user_action>(2);
        expect(smsplat::validate(u), errc::out_of_range, 0, "action");
        u.action = user_action::add;
        u.type = user_type{};
        expect(smsplat::validate(u), errc::out_of_range, 0, "type");
        u.type = static_cast<user_type>(3);
        expect(smsplat::validate(u), errc::out_of_range, 0, "type");
        u.type = user_type::normal;
        u.anti_phshing = static_cast<flag>(2);
        expect(smsplat::validate(u), errc::out_of_range, 0, "anti_phshing");
    }
    SECTION("send_hour: start,end, hours 0 to 24") {
        for (std::string_view ok : {"0,24", "8,21", "22,6"}) {
            u.send_hour = ok;
            CHECK(smsplat::validate(u));
        }
        u.send_hour = "8,25";
        expect(smsplat::validate(u), errc::out_of_range, 2, "send_hour");
        u.send_hour = "821";
        expect(smsplat::validate(u), errc::count_mismatch, 3, "send_hour");
        u.send_hour = "8,2,1";
        expect(smsplat::validate(u), errc::bad_character, 3, "send_hour");
        u.send_hour = "8,";
        expect(smsplat::validate(u), errc::empty_field, 2, "send_hour");
        u.send_hour = "08,210";
        expect(smsplat::validate(u), errc::field_too_long, 5, "send_hour");
    }
    SECTION("send_type: letters of HBWVP, once each") {
        u.send_type = "HBWVP";
        CHECK(smsplat::validate(u));
        u.send_type = "HBWVPH";
        expect(smsplat::validate(u), errc::field_too_long, 5, "send_type");
        u.send_type = "BB";
        expect(smsplat::validate(u), errc::duplicate_field, 1, "send_type");
        u.send_type = "bw";
        expect(smsplat::validate(u), errc::bad_character, 0, "send_type");
    }
    SECTION("expired_date: yyyyMMdd, a real date") {
        u.expired_date = "20240229";
        CHECK(smsplat::validate(u));
        u.expired_date = "20230229";
        expect(smsplat::validate(u), errc::out_of_range, 6, "expired_date");
        u.expired_date = "2030123";
        expect(smsplat::validate(u), errc::invalid_length, 0, "expired_date");
        u.expired_date = "2030123a";
        expect(smsplat::validate(u), errc::bad_character, 7, "expired_date");
    }
    SECTION("product_list, extno, the encrypted fields") {
        u.product_list = "10001101,";
        expect(smsplat::validate(u), errc::empty_field, 9, "product_list");
        u.product_list = "";
        CHECK(smsplat::validate(u));
        u.extno = "1234567";
        expect(smsplat::validate(u), errc::field_too_long, 6, "extno");
        u.extno = "";
        u.ac_password = "not base64!";
        expect(smsplat::validate(u), errc::bad_character, 3, "ac_password");
        u.ac_password = "LW4Zjb8dOww=";
        u.true_name = "\xE6\x87";
        expect(smsplat::validate(u), errc::invalid_utf8, 0, "true_name");
    }
}

TEST_CASE("UserManage reply: the spec's examples (§13.3) as printed") {
    user_manage_reply r;
    REQUIRE(smsplat::decode(std::string_view("20130303180000,305, 密码格式错误"), r));
    CHECK(r.status == user_manage_status::bad_parameter);
    CHECK(r.description == "密码格式错误");
    CHECK(encoded(r) == "20130303180000,305,密码格式错误");
    REQUIRE(smsplat::decode(std::string_view("20130303180000,0"), r));
    CHECK(r.status == user_manage_status::success);
    CHECK(r.description.empty());
    CHECK(encoded(r) == "20130303180000,0");
}

TEST_CASE("UserManage reply: the description exactly when the status is not 0") {
    user_manage_reply r;
    expect(smsplat::decode(std::string_view("20130303180000,0,成功"), r), errc::trailing_bytes, 17, "description");
    REQUIRE(smsplat::decode(std::string_view("20130303180000,0,成功"), r, mode::tolerant));
    CHECK(r.description == "成功");
    expect(smsplat::decode(std::string_view("20130303180000,303\n"), r), errc::missing_field, 18, "description");
    REQUIRE(smsplat::decode(std::string_view("20130303180000,303\n"), r, mode::tolerant));
    CHECK(r.status == user_manage_status::user_exists_or_missing);
    REQUIRE(smsplat::decode(std::string_view("20130303180000,304,扩展码已存在,2\r\n\r\n"), r, mode::tolerant));
    CHECK(r.description == "扩展码已存在,2");
    expect(smsplat::decode(std::string_view("20130303180000,305,\xE5\xAF"), r), errc::invalid_utf8, 19, "description");
    std::string out;
    expect(smsgw::encode_append(user_manage_reply{"20130303180000", user_manage_status::success, "x"}, out),
           errc::trailing_bytes, 0, "description");
    expect(smsgw::encode_append(user_manage_reply{"20130303180000", user_manage_status::bad_parameter, {}}, out),
           errc::missing_field, 0, "description");
    expect(smsgw::encode_append(user_manage_reply{"20130303180000", user_manage_status::bad_parameter, "a\nb"}, out),
           errc::bad_character, 20, "-");
    expect(smsgw::encode_append(user_manage_reply{"20130303180000", user_manage_status::bad_parameter, " 密码格式错误"}, out),
           errc::bad_character, 0, "description");
    expect(smsgw::encode_append(user_manage_reply{"20130303180000", user_manage_status::bad_parameter, "x\t"}, out),
           errc::bad_character, 1, "description");
}

TEST_CASE("accounts: decoding and encoding allocate nothing") {
    const user_manage_request u = full_user();
    char body[1024];
    smsgw::byte scratch[1024];
    user_manage_request back;
    query_balance_reply balance;
    user_manage_reply reply;
    smsgw::test::alloc_counter guard;
    smsgw::writer w(body, sizeof body);
    REQUIRE(smsplat::encode(u, w));
    REQUIRE(smsplat::decode(std::string_view(body, w.size()), back, scratch));
    REQUIRE(smsplat::decode(std::string_view("20130303180000,0\n1234567,1000\n1234531,2000"), balance));
    std::uint64_t total = 0;
    for (const product_balance& p : balance.products) total += p.balance;
    REQUIRE(smsplat::decode(std::string_view("20130303180000,305, 密码格式错误"), reply));
    CHECK(guard.count() == 0);
    CHECK(total == 3000);
}

namespace {

std::string encrypt(std::string_view key, std::string_view plain, std::string_view iv = {}) {
    char out[512];
    smsgw::writer w(out, sizeof out);
    const result r = smsplat::encrypt_account(key, plain, w, iv);
    return r ? std::string(out, r.offset) : "error: " + std::string(r.message());
}

std::string decrypt(std::string_view key, std::string_view encrypted, std::string_view iv = {}) {
    char out[512];
    smsgw::writer w(out, sizeof out);
    const result r = smsplat::decrypt_account(key, encrypted, w, iv);
    return r ? std::string(out, r.offset) : "error: " + std::string(r.message());
}

}  // namespace

TEST_CASE("accounts: the spec's DES vector (§12.5), IV = key by default, the IV a parameter") {
    CHECK(encrypt("12345678", "jishu01") == "LW4Zjb8dOww=");
    CHECK(decrypt("12345678", "LW4Zjb8dOww=") == "jishu01");
    CHECK(encrypt("12345678", "jishu01", "12345678") == "LW4Zjb8dOww=");
    const std::string zero_iv = encrypt("12345678", "jishu01", std::string_view("\0\0\0\0\0\0\0\0", 8));
    CHECK(zero_iv != "LW4Zjb8dOww=");
    CHECK(decrypt("12345678", zero_iv, std::string_view("\0\0\0\0\0\0\0\0", 8)) == "jishu01");
    // the Recharge request of §12.5 built from its parts
    recharge_request r;
    r.username = "123456";
    r.timestamp = "20130408105900";
    const auto sig = smsplat::sign(r.username, "123456", r.timestamp);
    r.password = std::string_view(sig.data(), sig.size());
    r.operator_ = "user1";
    const std::string account = encrypt("12345678", "jishu01");
    r.account = account;
    r.fee = 1000;
    CHECK(encoded(r) ==
          "username=123456&password=4725ff06026bc3c703736aa9a2a15e50&timestamp=20130408105900&operator=user1"
          "&account=LW4Zjb8dOww%3D&fee=1000&type=1");
}

TEST_CASE("accounts: DES errors and limits") {
    const std::string longest(smsplat::max_account_size, 'a');
    const std::string cipher = encrypt("12345678", longest);
    CHECK(cipher.size() == 4 * ((smsplat::max_account_size + 8 + 2) / 3));
    CHECK(decrypt("12345678", cipher) == longest);
    char out[512];
    smsgw::writer w(out, sizeof out);
    const std::string over(smsplat::max_account_size + 1, 'a');
    expect(smsplat::encrypt_account(std::string_view("12345678"), over, w), errc::field_too_long,
           smsplat::max_account_size, "account");
    expect(smsplat::encrypt_account(std::string_view("1234567"), std::string_view("x"), w), errc::bad_key_length, 0, "key");
    expect(smsplat::encrypt_account(std::string_view("12345678"), std::string_view("x"), w, std::string_view("123")),
           errc::bad_iv_length, 0, "iv");
    CHECK(decrypt("87654321", "LW4Zjb8dOww=").rfind("error", 0) == 0);
    CHECK(smsplat::decrypt_account(std::string_view("87654321"), "LW4Zjb8dOww=", w).ec == errc::bad_cipher_padding);
    CHECK(smsplat::decrypt_account(std::string_view("12345678"), "LW4Zjb8d", w).ec == errc::bad_block_length);
    CHECK(smsplat::decrypt_account(std::string_view("12345678"), "LW4Z", w).ec == errc::bad_block_length);
    CHECK(smsplat::decrypt_account(std::string_view("12345678"), "LW4Zjb8dOww", w).ec == errc::bad_padding);
    CHECK(smsplat::decrypt_account(std::string_view("12345678"), "", w).ec == errc::bad_block_length);
    const std::string too_long = encrypt("12345678", longest + "12345678");  // refused before
    CHECK(too_long.rfind("error", 0) == 0);
    expect(smsplat::decrypt_account(std::string_view("12345678"), std::string(280, 'A'), w), errc::field_too_long, 0,
           "account");
    char tiny[4];
    smsgw::writer small(tiny, sizeof tiny);
    CHECK(smsplat::encrypt_account(std::string_view("12345678"), std::string_view("jishu01"), small) ==
          result{errc::buffer_too_small, 12});
    smsgw::test::alloc_counter guard;
    smsgw::writer again(out, sizeof out);
    REQUIRE(smsplat::encrypt_account(std::string_view("12345678"), std::string_view("jishu01"), again));
    CHECK(guard.count() == 0);
}
