#include "smsgw/imsp/login.hpp"

#include <string>
#include <string_view>

#include "imsp_test.hpp"

using smsgw::errc;
using imsp_test::decode_request;
using smsgw::result;
using smsgw::imsp::login_request;
using smsgw::imsp::login_response;
using smsgw::imsp::mode;
using smsgw::imsp::return_code;

TEST_CASE("login: the spec's request (§3.1 examples one and two)") {
    std::string body;
    REQUIRE(smsgw::encode_append(login_request{"1xxxx", "xxxxx"}, body));
    CHECK(body == "account=1xxxx&password=xxxxx");
    login_request back;
    REQUIRE(decode_request(body, back) == result{errc{}, body.size()});
    CHECK(back.account == "1xxxx");
    CHECK(back.password == "xxxxx");
}

TEST_CASE("login: values are form-encoded and decoded back") {
    std::string body;
    REQUIRE(smsgw::encode_append(login_request{"a b", "p&=%+*-._~"}, body));
    CHECK(body == "account=a+b&password=p%26%3D%25%2B*-._%7E");
    login_request back;
    REQUIRE(decode_request(body, back));
    CHECK(back.account == "a b");
    CHECK(back.password == "p&=%+*-._~");
    // any order, names escaped or not
    REQUIRE(decode_request("password=x&%61ccount=y", back));
    CHECK(back.account == "y");
    CHECK(back.password == "x");
}

TEST_CASE("login: every validation error, naming the field") {
    auto check = [](login_request r, errc ec, std::size_t offset, const char* field) {
        std::string body;
        const result got = smsgw::encode_append(r, body);
        CHECK(got == result{ec, offset, field});
        CHECK(body.empty());
    };
    check({"", "x"}, errc::empty_field, 0, "account");
    check({"x", ""}, errc::empty_field, 0, "password");
    check({"12345678901", "x"}, errc::field_too_long, 10, "account");
    check({"x", "12345678901"}, errc::field_too_long, 10, "password");
    check({"ab\tc", "x"}, errc::bad_character, 2, "account");
    check({"x", "p\xC3\xA9"}, errc::bad_character, 1, "password");
    std::string body;
    CHECK(smsgw::encode_append(login_request{"1234567890", "~!@#$%^&*("}, body));
}

TEST_CASE("login: decoding checks what encoding checks, at the parameter's offset") {
    login_request r;
    CHECK(decode_request("account=12345678901&password=x", r) == result{errc::field_too_long, 0, "account"});
    CHECK(decode_request("password=x&account=%09", r) == result{errc::bad_character, 11, "account"});
    CHECK(decode_request("account=&password=x", r) == result{errc::empty_field, 0, "account"});
    const result missing = decode_request("account=x", r);
    CHECK(missing == result{errc::missing_field, 9, "password"});
    CHECK(decode_request("", r) == result{errc::missing_field, 0, "account"});
    // §4.2: names are lower case and case-sensitive
    const result upper = decode_request("Account=x&account=x&password=y", r);
    CHECK(upper == result{errc::unknown_field, 0});
    CHECK(decode_request("account=x&password=y&password=z", r) == result{errc::duplicate_field, 21, "password"});
    CHECK(decode_request("account=x&password=y&newcode=z", r) == result{errc::unknown_field, 21});
    // §3 -1: "%7" is a broken packet
    CHECK(decode_request("account=x&password=%7", r) == result{errc::bad_escape, 19});
    CHECK(decode_request("account=x&pass%zzword=y", r) == result{errc::bad_escape, 14});
    // the output is untouched by a failed decode
    r = login_request{"keep", "me"};
    CHECK_FALSE(decode_request("account=x", r));
    CHECK(r.account == "keep");
    // a scratch buffer shorter than the body
    char small[4];
    CHECK(smsgw::imsp::decode(std::string_view("account=x&password=y"), r,
                              smsgw::mutable_bytes(reinterpret_cast<smsgw::byte*>(small), sizeof small)) ==
          result{errc::buffer_too_small, 20});
}

TEST_CASE("login: tolerant decoding skips unknown names and keeps the first of two") {
    login_request r;
    REQUIRE(decode_request("Account=q&account=x&password=y&password=z&sid=1", r, mode::tolerant));
    CHECK(r.account == "x");
    CHECK(r.password == "y");
    // the values are still checked, and a broken escape is still broken
    CHECK(decode_request("account=x&password=12345678901", r, mode::tolerant) == result{errc::field_too_long, 10, "password"});
    CHECK(decode_request("account=x&password=y&junk=%G0", r, mode::tolerant) == result{errc::bad_escape, 26});
}

TEST_CASE("login: responses (§3.1)") {
    login_response r;
    std::string_view page = "<html> <header></header> <body>0 <br> Login succeed from 203.66.1.2 <br> </body> </html>";
    REQUIRE(smsgw::imsp::decode(page, r) == result{errc{}, page.size()});
    CHECK(r.code == return_code::success);
    CHECK(r.ip == "203.66.1.2");
    CHECK(r.description == "Login succeed from 203.66.1.2");
    page = "<html> <header></header> <body>-21 <br> Login failed <br> </body> </html>";
    REQUIRE(smsgw::imsp::decode(page, r));
    CHECK(r.code == return_code::login_failed);
    CHECK(r.ip.empty());
    for (int code : {-22, -23, -1, -2, -3, -4, -19}) {
        std::string s;
        REQUIRE(smsgw::encode_append(login_response{return_code{code}, {}, smsgw::imsp::describe(smsgw::imsp::command::login, return_code{code}).english}, s));
        login_response back;
        REQUIRE(smsgw::imsp::decode(s, back));
        CHECK(back.code == return_code{code});
        CHECK(back.description == smsgw::imsp::describe(smsgw::imsp::command::login, return_code{code}).english);
    }
    // code 0 must say where from
    page = "<html> <header></header> <body>0 <br> Welcome <br> </body> </html>";
    const result bad = smsgw::imsp::decode(page, r);
    CHECK(bad == result{errc::bad_response, 38, "description"});
    CHECK(smsgw::imsp::decode(std::string_view("<html>"), r).ec == errc::bad_response);
    // the address as encode() accepts it: printable ASCII, at most 64
    page = "<html> <header></header> <body>0 <br> Login succeed from 1.2\x01 <br> </body> </html>";
    const result ctl = smsgw::imsp::decode(page, r);
    CHECK(ctl == result{errc::bad_character, 60, "ip"});
    const std::string long_ip = "<html><header></header><body>0<br>Login succeed from " + std::string(65, '1') + "<br></body></html>";
    CHECK(smsgw::imsp::decode(long_ip, r) == result{errc::field_too_long, 117, "ip"});
}

TEST_CASE("login: responses encode as the gateway writes them") {
    std::string s;
    REQUIRE(smsgw::encode_append(login_response{return_code::success, "xx.xx.xx.xx", {}}, s));
    CHECK(s == "<html> <header></header> <body>0 <br> Login succeed from xx.xx.xx.xx <br> </body> </html>");
    s.clear();
    REQUIRE(smsgw::encode_append(login_response{return_code::login_failed, {}, "Login failed"}, s));
    CHECK(s == "<html> <header></header> <body>-21 <br> Login failed <br> </body> </html>");
    s.clear();
    REQUIRE(smsgw::encode_append(login_response{return_code{-99}, {}, "New reason"}, s));
    CHECK(s == "<html> <header></header> <body>-99 <br> New reason <br> </body> </html>");
    s.clear();
    const result no_ip = smsgw::encode_append(login_response{return_code::success, {}, {}}, s);
    CHECK(no_ip == result{errc::empty_field, 0, "ip"});
}

TEST_CASE("login: no allocation on any path") {
    char out[256];
    char scratch[64];
    smsgw::test::alloc_counter guard;
    smsgw::writer w(out, sizeof out);
    REQUIRE(smsgw::imsp::encode(login_request{"1xxxx", "p w"}, w));
    login_request back;
    REQUIRE(smsgw::imsp::decode(std::string_view(out, w.size()), back,
                                smsgw::mutable_bytes(reinterpret_cast<smsgw::byte*>(scratch), sizeof scratch)));
    smsgw::writer w2(out, sizeof out);
    REQUIRE(smsgw::imsp::encode(login_response{return_code::success, "1.2.3.4", {}}, w2));
    login_response resp;
    REQUIRE(smsgw::imsp::decode(std::string_view(out, w2.size()), resp));
    CHECK(guard.count() == 0);
    CHECK(back.password == "p w");
    CHECK(resp.ip == "1.2.3.4");
}
