#include "smsgw/imsp/get_mime.hpp"

#include <string>
#include <string_view>

#include "imsp_test.hpp"

using smsgw::errc;
using smsgw::result;
using smsgw::imsp::get_mime_request;

TEST_CASE("get_mime: the spec's request (§3.5 examples one and two)") {
    std::string body;
    REQUIRE(smsgw::encode_append(get_mime_request{"1xxxx", "xxxxx"}, body));
    CHECK(body == "account=1xxxx&password=xxxxx");
    CHECK(std::string(smsgw::imsp::base_url) + std::string(smsgw::imsp::path(smsgw::imsp::command::get_mime)) + "?" + body ==
          "https://imsp.emome.net:4443/imsp/mms/servlet/get_mime?account=1xxxx&password=xxxxx");
    char scratch[64];
    get_mime_request back;
    smsgw::test::alloc_counter guard;
    REQUIRE(smsgw::imsp::decode(body, back, smsgw::mutable_bytes(reinterpret_cast<smsgw::byte*>(scratch), sizeof scratch)));
    CHECK(guard.count() == 0);
    CHECK(back.account == "1xxxx");
    CHECK(back.password == "xxxxx");
    CHECK(smsgw::imsp::decode(std::string_view("account=1xxxx&password=xxxxx&message_id=1"), back,
                              smsgw::mutable_bytes(reinterpret_cast<smsgw::byte*>(scratch), sizeof scratch)) ==
          result{errc::unknown_field, 29});
    body.clear();
    CHECK(smsgw::encode_append(get_mime_request{"1xxxx", ""}, body) == result{errc::empty_field, 0});
}
