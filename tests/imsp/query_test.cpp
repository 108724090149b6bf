#include "smsgw/imsp/query.hpp"

#include <string>
#include <string_view>

#include "imsp_test.hpp"

using smsgw::errc;
using imsp_test::decode_request;
using smsgw::result;
using smsgw::imsp::address_type;
using smsgw::imsp::message_state;
using smsgw::imsp::query_request;
using smsgw::imsp::query_response;
using smsgw::imsp::return_code;

TEST_CASE("query: the request (§3.3; the spec's examples show get_mime's URL, query sends this)") {
    std::string body;
    REQUIRE(smsgw::encode_append(query_request{"1xxxx", "xxxxx", "96625", address_type::msisdn, "0937044059"}, body));
    CHECK(body == "account=1xxxx&password=xxxxx&message_id=96625&to_address_type=0&to_address=0937044059");
    query_request back;
    REQUIRE(decode_request(body, back) == result{errc{}, body.size()});
    CHECK(back.account == "1xxxx");
    CHECK(back.password == "xxxxx");
    CHECK(back.message_id == "96625");
    CHECK(back.to_address_type == address_type::msisdn);
    CHECK(back.to_address == "0937044059");
    // to_address_type absent: 0 (§3.3 註2)
    back.to_address_type = address_type::emome;
    REQUIRE(decode_request("account=a&password=b&message_id=1&to_address=%2B886937044059", back));
    CHECK(back.to_address_type == address_type::msisdn);
    CHECK(back.to_address == "+886937044059");
    REQUIRE(decode_request("account=a&password=b&message_id=1&to_address_type=1&to_address=0003001234", back));
    CHECK(back.to_address_type == address_type::emome);
}

TEST_CASE("query: every validation error") {
    auto error = [](query_request r) {
        std::string s;
        const result res = smsgw::encode_append(r, s);
        CHECK(s.empty());
        return res;
    };
    const query_request ok{"a", "b", "1", address_type::msisdn, "0912345678"};
    CHECK(error({"", "b", "1", address_type::msisdn, "0912345678"}).field == std::string_view("account"));
    CHECK(error({"a", "b", "", address_type::msisdn, "0912345678"}) == result{errc::empty_field, 0, "message_id"});
    CHECK(error({"a", "b", "12345678901", address_type::msisdn, "0912345678"}) == result{errc::field_too_long, 10, "message_id"});
    CHECK(error({"a", "b", "1x", address_type::msisdn, "0912345678"}) == result{errc::bad_character, 1, "message_id"});
    CHECK(error({"a", "b", "1", static_cast<address_type>(3), "0912345678"}) == result{errc::out_of_range, 0, "to_address_type"});
    CHECK(error({"a", "b", "1", address_type::msisdn, ""}) == result{errc::empty_field, 0, "to_address"});
    CHECK(error({"a", "b", "1", address_type::msisdn, "0912345678,0912345678"}) == result{errc::bad_character, 10, "to_address"});
    CHECK(error({"a", "b", "1", address_type::msisdn, "12345"}) == result{errc::bad_character, 0, "to_address"});
    CHECK(error({"a", "b", "1", address_type::msisdn, "12345"}).field == std::string_view("to_address"));
    std::string s;
    CHECK(smsgw::encode_append(ok, s));
    query_request r;
    CHECK(decode_request("account=a&password=b&message_id=1&to_address=0912&to_address_type=2", r) ==
          result{errc::out_of_range, 50, "to_address_type"});
    CHECK(decode_request("account=a&password=b&message_id=x&to_address=0912", r) == result{errc::bad_character, 21, "message_id"});
    CHECK(decode_request("account=a&password=b&to_address=0912", r) == result{errc::missing_field, 36, "message_id"});
    CHECK(decode_request("account=a&password=b&message_id=1&to_address=0912&to_addr=1", r) ==
          result{errc::unknown_field, 50});
}

TEST_CASE("query: every state as a response (§3.3)") {
    for (int code = 0; code <= 8; ++code) {
        INFO(code);
        std::string s;
        REQUIRE(smsgw::encode_append(query_response{return_code{code}, smsgw::imsp::describe(static_cast<message_state>(code)).english}, s));
        query_response r;
        REQUIRE(smsgw::imsp::decode(s, r) == result{errc{}, s.size()});
        REQUIRE(r.has_state());
        CHECK(r.state() == static_cast<message_state>(code));
        CHECK(r.description == smsgw::imsp::describe(static_cast<message_state>(code)).english);
    }
    query_response r;
    REQUIRE(smsgw::imsp::decode(std::string_view("<html> <header></header> <body>5 <br> Message delivered <br> </body> </html>"), r));
    CHECK(r.state() == message_state::delivered);
    CHECK(group(r.state()) == smsgw::imsp::state_group::success);
    REQUIRE(smsgw::imsp::decode(std::string_view("<html> <header></header> <body>-31 <br> Message not found <br> </body> </html>"), r));
    CHECK(r.code == return_code::message_not_found);
    CHECK_FALSE(r.has_state());
    // a state the spec does not know stays a number
    REQUIRE(smsgw::imsp::decode(std::string_view("<html><header></header><body>12<br>Later state<br></body></html>"), r));
    CHECK(static_cast<int>(r.state()) == 12);
    CHECK(group(r.state()) == smsgw::imsp::state_group::unknown);
    std::string s;
    REQUIRE(smsgw::encode_append(query_response{return_code::message_not_found, "Message not found"}, s));
    CHECK(s == "<html> <header></header> <body>-31 <br> Message not found <br> </body> </html>");
    CHECK(smsgw::imsp::decode(std::string_view("<html><header></header><body>2<br></body></html>"), r).ec == errc::bad_response);
}

TEST_CASE("query: no allocation on any path") {
    char out[256];
    char scratch[256];
    smsgw::test::alloc_counter guard;
    smsgw::writer w(out, sizeof out);
    REQUIRE(smsgw::imsp::encode(query_request{"a", "b", "1", address_type::msisdn, "0912345678"}, w));
    query_request back;
    REQUIRE(smsgw::imsp::decode(std::string_view(out, w.size()), back,
                                smsgw::mutable_bytes(reinterpret_cast<smsgw::byte*>(scratch), sizeof scratch)));
    smsgw::writer w2(out, sizeof out);
    REQUIRE(smsgw::imsp::encode(query_response{return_code{5}, {}}, w2));
    query_response r;
    REQUIRE(smsgw::imsp::decode(std::string_view(out, w2.size()), r));
    CHECK(guard.count() == 0);
}
