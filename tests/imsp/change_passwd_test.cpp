#include "smsgw/imsp/change_passwd.hpp"

#include <string>
#include <string_view>

#include "imsp_test.hpp"

using smsgw::errc;
using imsp_test::decode_request;
using smsgw::result;
using smsgw::imsp::change_passwd_request;
using smsgw::imsp::change_passwd_response;
using smsgw::imsp::return_code;

TEST_CASE("change_passwd: the spec's requests (§3.6 examples 1 and 2)") {
    std::string body;
    REQUIRE(smsgw::encode_append(change_passwd_request{"1xxxx", "xxxxx", "xxxxx"}, body));
    CHECK(body == "account=1xxxx&password=xxxxx&newcode=xxxxx");
    body.clear();
    REQUIRE(smsgw::encode_append(change_passwd_request{"1xxxx", "xxxxx", "123456"}, body));
    CHECK(body == "account=1xxxx&password=xxxxx&newcode=123456");
    change_passwd_request back;
    REQUIRE(decode_request(body, back) == result{errc{}, body.size()});
    CHECK(back.newcode == "123456");
    body.clear();
    REQUIRE(smsgw::encode_append(change_passwd_request{"12345678", "12345678", "Ab1!Ab1!Ab1!Ab1!Ab1!"}, body));
    CHECK(body == "account=12345678&password=12345678&newcode=Ab1%21Ab1%21Ab1%21Ab1%21Ab1%21");
    REQUIRE(decode_request(body, back));
    CHECK(back.newcode == "Ab1!Ab1!Ab1!Ab1!Ab1!");
}

TEST_CASE("change_passwd: account and password at most 8, newcode at most 20 (§3.6)") {
    auto error = [](change_passwd_request r) {
        std::string s;
        const result res = smsgw::encode_append(r, s);
        CHECK(s.empty());
        return res;
    };
    CHECK(error({"123456789", "x", "y"}) == result{errc::field_too_long, 8, "account"});
    CHECK(error({"x", "123456789", "y"}).field == std::string_view("password"));
    CHECK(error({"x", "y", "123456789012345678901"}) == result{errc::field_too_long, 20, "newcode"});
    CHECK(error({"x", "y", ""}) == result{errc::empty_field, 0, "newcode"});
    CHECK(error({"x", "y", "new\x7F"}) == result{errc::bad_character, 3, "newcode"});
    change_passwd_request r;
    CHECK(decode_request("account=123456789&password=x&newcode=y", r) == result{errc::field_too_long, 0, "account"});
    CHECK(decode_request("account=1&password=x", r) == result{errc::missing_field, 20, "newcode"});
    CHECK(decode_request("account=1&password=x&newcode=y&newcode=z", r) == result{errc::duplicate_field, 31, "newcode"});
}

TEST_CASE("change_passwd: responses (§3.6)") {
    change_passwd_response r;
    std::string_view page = "<html><header></header> <body> 0 <br> Successful <br> </body> </html>";
    REQUIRE(smsgw::imsp::decode(page, r) == result{errc{}, page.size()});
    CHECK(r.code == return_code::success);
    CHECK(r.description == "Successful");
    page = "<html> <header></header> <body>-34 <br> Failed to change password <br></body> </html>";
    REQUIRE(smsgw::imsp::decode(page, r));
    CHECK(r.code == return_code::change_password_failed);
    page = "<html> <header></header> <body>-19 <br> System error (LDAP timeout) <br> </body> </html>";
    REQUIRE(smsgw::imsp::decode(page, r));
    CHECK(r.code == return_code::unknown_error);
    CHECK(r.description == "System error (LDAP timeout)");
    for (int code : {0, -19, -21, -22, -23, -33, -34}) {
        INFO(code);
        std::string s;
        REQUIRE(smsgw::encode_append(change_passwd_response{return_code{code}, smsgw::imsp::describe(smsgw::imsp::command::change_passwd, return_code{code}).english}, s));
        REQUIRE(smsgw::imsp::decode(s, r));
        CHECK(r.code == return_code{code});
        CHECK(r.description == smsgw::imsp::describe(smsgw::imsp::command::change_passwd, return_code{code}).english);
    }
    std::string s;
    REQUIRE(smsgw::encode_append(change_passwd_response{return_code::success, "Successful"}, s));
    CHECK(s == "<html> <header></header> <body>0 <br> Successful <br> </body> </html>");
}

TEST_CASE("change_passwd: no allocation on any path") {
    char out[256];
    char scratch[256];
    smsgw::test::alloc_counter guard;
    smsgw::writer w(out, sizeof out);
    REQUIRE(smsgw::imsp::encode(change_passwd_request{"a", "b", "c"}, w));
    change_passwd_request back;
    REQUIRE(smsgw::imsp::decode(std::string_view(out, w.size()), back,
                                smsgw::mutable_bytes(reinterpret_cast<smsgw::byte*>(scratch), sizeof scratch)));
    smsgw::writer w2(out, sizeof out);
    REQUIRE(smsgw::imsp::encode(change_passwd_response{return_code::https_only, "use https only"}, w2));
    change_passwd_response r;
    REQUIRE(smsgw::imsp::decode(std::string_view(out, w2.size()), r));
    CHECK(guard.count() == 0);
    CHECK(r.description == "use https only");
}

TEST_CASE("change_passwd: an empty description stays empty both ways (fuzzer regression)") {
    const std::string_view page = "<html> <header></header> <body>-34 <br>  <br></body> </html>";
    change_passwd_response r;
    REQUIRE(smsgw::imsp::decode(page, r));
    CHECK(r.code == return_code::change_password_failed);
    CHECK(r.description.empty());
    std::string s;
    REQUIRE(smsgw::encode_append(r, s));
    CHECK(s == "<html> <header></header> <body>-34 <br>  <br> </body> </html>");
    change_passwd_response back;
    REQUIRE(smsgw::imsp::decode(s, back));
    CHECK(back.description.empty());
}
