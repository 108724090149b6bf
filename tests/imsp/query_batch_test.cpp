#include "smsgw/imsp/query_batch.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "imsp_test.hpp"

using smsgw::errc;
using smsgw::result;
using smsgw::imsp::batch_entry;
using smsgw::imsp::message_state;
using smsgw::imsp::query_batch_request;
using smsgw::imsp::query_batch_response;
using smsgw::imsp::return_code;

TEST_CASE("query_batch: the request (§3.4; the spec's examples show get_mime's URL, query_batch sends this)") {
    std::string body;
    REQUIRE(smsgw::encode_append(query_batch_request{"1xxxx", "xxxxx", "96625"}, body));
    CHECK(body == "account=1xxxx&password=xxxxx&message_id=96625");
    char scratch[64];
    query_batch_request back;
    REQUIRE(smsgw::imsp::decode(body, back, smsgw::mutable_bytes(reinterpret_cast<smsgw::byte*>(scratch), sizeof scratch)));
    CHECK(back.account == "1xxxx");
    CHECK(back.message_id == "96625");
    CHECK(smsgw::imsp::decode(std::string_view("account=a&password=b"), back,
                              smsgw::mutable_bytes(reinterpret_cast<smsgw::byte*>(scratch), sizeof scratch)) ==
          result{errc::missing_field, 20, "message_id"});
    CHECK(smsgw::imsp::decode(std::string_view("account=a&password=b&message_id=1&to_address=1"), back,
                              smsgw::mutable_bytes(reinterpret_cast<smsgw::byte*>(scratch), sizeof scratch)) ==
          result{errc::unknown_field, 34});
    body.clear();
    CHECK(smsgw::encode_append(query_batch_request{"a", "b", "1.5"}, body) == result{errc::bad_character, 1, "message_id"});
}

TEST_CASE("query_batch: the spec's answer with two entries (§3.4 註2)") {
    const std::string_view page =
        "<html><header></header><body>2<br>0934444444,7,Message rejected;0937044059,2, \r\nSubmitted to MMSC <br> </body></html>";
    query_batch_response r;
    REQUIRE(smsgw::imsp::decode(page, r) == result{errc{}, page.size()});
    CHECK(static_cast<int>(r.code) == 2);
    std::vector<batch_entry> got(r.entries.begin(), r.entries.end());
    REQUIRE(got.size() == 2);
    CHECK(got[0].msisdn == "0934444444");
    CHECK(got[0].status == message_state::rejected);
    CHECK(got[0].desc == "Message rejected");
    CHECK(got[1].msisdn == "0937044059");
    CHECK(got[1].status == message_state::submitted);
    CHECK(got[1].desc == "Submitted to MMSC");
    CHECK(r.entries.size() == 2);
}

TEST_CASE("query_batch: other answers (§3.4)") {
    query_batch_response r;
    REQUIRE(smsgw::imsp::decode(std::string_view("<html> <header></header> <body>-31 <br> Message not found <br> </body> </html>"), r));
    CHECK(r.code == return_code::message_not_found);
    CHECK(r.entries.empty());
    // one entry, a trailing ';', a state the spec does not define, an empty desc
    REQUIRE(smsgw::imsp::decode(std::string_view("<html><header></header><body>1<br>+886912345678,11,;<br></body></html>"), r));
    REQUIRE(r.entries.size() == 1);
    CHECK(r.entries.begin()->msisdn == "+886912345678");
    CHECK(static_cast<int>(r.entries.begin()->status) == 11);
    CHECK(r.entries.begin()->desc.empty());
    // a desc with commas keeps them
    REQUIRE(smsgw::imsp::decode(std::string_view("<html><header></header><body>1<br>0912,8,odd, really<br></body></html>"), r));
    CHECK(r.entries.begin()->desc == "odd, really");
}

TEST_CASE("query_batch: entries are checked and counted against the code") {
    query_batch_response r;
    auto error = [&](std::string_view description, int code = 2) {
        const std::string page = "<html><header></header><body>" + std::to_string(code) + "<br>" + std::string(description) +
                                 "<br></body></html>";
        r = query_batch_response{return_code{77}, {}, {}};
        const result res = smsgw::imsp::decode(page, r);
        CHECK(static_cast<int>(r.code) == 77);
        return res;
    };
    CHECK(error("0934444444,7,Message rejected") == result{errc::count_mismatch, 34, "return_code"});
    CHECK(error("0934444444,7,a;0937044059,2,b;0912,1,c") == result{errc::count_mismatch, 34, "return_code"});
    CHECK(error("") == result{errc::count_mismatch, 34, "return_code"});
    CHECK(error("0934444444,7,a;0937044059", 2) == result{errc::bad_response, 49, "status"});
    CHECK(error("0934444444;0937044059,2,b", 2) == result{errc::bad_response, 34, "status"});
    CHECK(error("09344x4444,7,a;0937044059,2,b") == result{errc::bad_character, 39, "msisdn"});
    CHECK(error(",7,a;0937044059,2,b").field == std::string_view("msisdn"));
    CHECK(error("0934444444,x,a;0937044059,2,b") == result{errc::bad_character, 45, "status"});
    CHECK(error("0934444444,-1,a;0937044059,2,b") == result{errc::bad_character, 45, "status"});
    CHECK(error("0934444444,,a;0937044059,2,b") == result{errc::bad_response, 45, "status"});
    CHECK(error("0934444444,99999999999,a;0937044059,2,b") == result{errc::out_of_range, 45, "status"});
}

TEST_CASE("query_batch: answers encode from the caller's array") {
    const batch_entry entries[] = {{"0934444444", message_state::rejected, "Message rejected"},
                                   {"0937044059", message_state::submitted, "Submitted to MMSC"}};
    std::string s;
    REQUIRE(smsgw::encode_append(query_batch_response{return_code{2}, entries, {}}, s));
    CHECK(s == "<html> <header></header> <body>2 <br> 0934444444,7,Message rejected;0937044059,2,Submitted to MMSC <br> </body> </html>");
    query_batch_response back;
    REQUIRE(smsgw::imsp::decode(s, back));
    CHECK(back.entries.size() == 2);
    s.clear();
    REQUIRE(smsgw::encode_append(query_batch_response{return_code::message_not_found, {}, "Message not found"}, s));
    CHECK(s == "<html> <header></header> <body>-31 <br> Message not found <br> </body> </html>");
    auto error = [&](const query_batch_response& r) {
        s.clear();
        const result res = smsgw::encode_append(r, s);
        CHECK(s.empty());
        return res;
    };
    CHECK(error({return_code{3}, entries, {}}) == result{errc::count_mismatch, 0, "return_code"});
    const batch_entry bad_msisdn[] = {{"09,1", message_state::submitted, ""}};
    CHECK(error({return_code{1}, bad_msisdn, {}}).field == std::string_view("msisdn"));
    const batch_entry bad_status[] = {{"0912", static_cast<message_state>(-1), ""}};
    CHECK(error({return_code{1}, bad_status, {}}) == result{errc::out_of_range, 0, "status"});
    const batch_entry bad_desc[] = {{"0912", message_state::submitted, "a;b"}};
    CHECK(error({return_code{1}, bad_desc, {}}).field == std::string_view("desc"));
}

TEST_CASE("query_batch: 20 entries decoded lazily without allocating") {
    std::string description;
    for (int i = 0; i < 20; ++i) {
        if (i) description += ';';
        description += "09370440" + std::to_string(10 + i) + "," + std::to_string(i % 9) + ", state " + std::to_string(i);
    }
    const std::string page = "<html><header></header><body>20<br>" + description + "<br></body></html>";
    smsgw::test::alloc_counter guard;
    query_batch_response r;
    REQUIRE(smsgw::imsp::decode(page, r));
    std::size_t n = 0;
    int states = 0;
    for (const batch_entry& e : r.entries) {
        ++n;
        states += static_cast<int>(e.status);
    }
    char out[1024];
    smsgw::writer w(out, sizeof out);
    REQUIRE(smsgw::imsp::encode(r, w));
    CHECK(guard.count() == 0);
    CHECK(n == 20);
    CHECK(states == 0 + 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 0 + 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 0 + 1);
    query_batch_response again;
    REQUIRE(smsgw::imsp::decode(std::string_view(out, w.size()), again));
    CHECK(again.entries.size() == 20);
}
