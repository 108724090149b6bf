#include "smsgw/cmpp/deliver.hpp"

#include <string>

#include "cmpp/pdu_test_util.hpp"
#include "smsgw/cmpp/report.hpp"
#include "test.hpp"

using namespace smsgw;
using cmpp_test::field;
using cmpp_test::unhex;
using cmpp_test::z;

namespace {

// Table 8.11 content: Msg_Id, Stat, Submit_time, Done_time, Dest_terminal_Id (21 or 32), SMSC_sequence.
std::string report(std::size_t dest_width) {
    return unhex("11 22 33 44 55 66 77 88") + "DELIVRD" + "2311231015" + "2311231016" +
           field("13800138000", dest_width) + unhex("00 00 30 39");
}

// Table 8.10 by hand: 85 + 60 = 145 bytes.
const std::string deliver20 = unhex("00 00 00 91  00 00 00 05  00 00 00 09")
    + unhex("01 02 03 04 05 06 07 08")       // Msg_Id
    + field("10690001", 21)                  // Dest_Id
    + field("MCN", 10)                       // Service_Id
    + unhex("00 00 00")                      // TP_pid, TP_udhi, Msg_Fmt
    + field("13800138000", 21)               // Src_terminal_Id
    + unhex("01")                            // Registered_Delivery: a status report
    + unhex("3c") + report(21)               // Msg_Length 60, Msg_Content
    + z(8);                                  // Reserved

// CMPP 3.0.0: 109 + 71 = 180 bytes.
const std::string deliver30 = unhex("00 00 00 b4  00 00 00 05  00 00 00 09")
    + unhex("01 02 03 04 05 06 07 08") + field("10690001", 21) + field("MCN", 10) + unhex("00 00 00")
    + field("13800138000", 32) + unhex("00")  // Src_terminal_Id (32), Src_terminal_type
    + unhex("01")
    + unhex("47") + report(32)               // Msg_Length 71
    + field("LINK", 20);                     // LinkID

cmpp::deliver sample(cmpp::version v, std::string_view content) {
    cmpp::deliver d;
    d.ver = v;
    d.sequence_id = 9;
    d.msg_id = 0x0102030405060708ull;
    d.dest_id = "10690001";
    d.service_id = "MCN";
    d.src_terminal_id = "13800138000";
    d.registered_delivery = 1;
    d.msg_content = content;
    if (v == cmpp::version::v30) d.link_id = "LINK";
    return d;
}

}  // namespace

TEST_CASE("CMPP_DELIVER 2.0 status report, byte for byte, content read by report.hpp") {
    const std::string content = report(21);
    CHECK(deliver20.size() == 145);
    CHECK(cmpp_test::encoded(sample(cmpp::version::v20, content)) == deliver20);
    cmpp::deliver d;
    auto r = cmpp::decode(deliver20, d, cmpp::version::v20);
    REQUIRE(r);
    CHECK(d.msg_id == 0x0102030405060708ull);
    CHECK(d.dest_id == "10690001");
    CHECK(d.src_terminal_id == "13800138000");
    CHECK(d.registered_delivery == 1);
    CHECK(d.msg_content.size() == 60);
    cmpp::status_report sr;
    REQUIRE(cmpp::decode(d.msg_content, sr));
    CHECK(sr.stat == "DELIVRD");
    CHECK(sr.smsc_sequence == 12345);
    CHECK(cmpp_test::encoded(d) == deliver20);
}

TEST_CASE("CMPP_DELIVER 3.0: 32-byte Src_terminal_Id, Src_terminal_type, LinkID, a 71-byte report") {
    const std::string content = report(32);
    CHECK(deliver30.size() == 180);
    CHECK(cmpp_test::encoded(sample(cmpp::version::v30, content)) == deliver30);
    cmpp::deliver d;
    REQUIRE(cmpp::decode(deliver30, d, cmpp::version::v30));
    CHECK(d.src_terminal_id == "13800138000");
    CHECK(d.link_id == "LINK");
    CHECK(d.msg_content.size() == 71);
    CHECK(cmpp_test::encoded(d) == deliver30);
}

TEST_CASE("CMPP_DELIVER strict validation and tolerant decoding") {
    cmpp::deliver d;
    auto check = [&d](std::string bytes, cmpp::version v, std::size_t at, unsigned char value, errc ec,
                      std::string_view name) {
        bytes[at] = static_cast<char>(value);
        auto r = cmpp::decode(bytes, d, v);
        CHECK(r.ec == ec);
        CHECK(r.offset == at);
        REQUIRE(r.field != nullptr);
        CHECK(r.field == name);
        if (ec == errc::out_of_range) {
            REQUIRE(cmpp::decode(bytes, d, {v, cmpp::validation::tolerant}));
            CHECK(cmpp_test::encoded(d) == bytes);
        }
    };
    check(deliver20, cmpp::version::v20, 75, 2, errc::out_of_range, "Registered_Delivery");  // G5
    check(deliver30, cmpp::version::v30, 87, 2, errc::out_of_range, "Registered_Delivery");
    check(deliver20, cmpp::version::v20, 52, 0x40, errc::out_of_range, "TP_udhi");
    check(deliver30, cmpp::version::v30, 86, 7, errc::out_of_range, "Src_terminal_type");
    check(deliver20, cmpp::version::v20, 76, 70, errc::invalid_length, "Msg_Length");
    // The 2.0 report read with the 3.0 layout runs out of bytes.
    CHECK(!cmpp::decode(deliver20, d, cmpp::version::v30));
}

TEST_CASE("CMPP_DELIVER encoder refuses fields of the other version and long values") {
    byte buf[512];
    cmpp::deliver d = sample(cmpp::version::v20, "hi");
    d.src_terminal_type = 1;
    auto r = encode(d, buf);
    CHECK(r.ec == errc::unknown_field);
    CHECK(r.offset == 75);
    d = sample(cmpp::version::v20, "hi");
    d.src_terminal_id = "1234567890123456789012";
    r = encode(d, buf);
    cmpp_test::check_refused(r, errc::field_too_long, 54, "Src_terminal_Id");
    d.ver = cmpp::version::v30;  // 22 characters fit the 3.0 field
    CHECK(encode(d, buf));
}

TEST_CASE("CMPP_DELIVER_RESP: Result 1 byte in 2.0, 4 in 3.0") {
    cmpp::deliver_resp r;
    r.sequence_id = 9;
    r.msg_id = 0x0102030405060708ull;
    r.result = 3;
    const std::string b20 = unhex("00 00 00 15 80 00 00 05 00 00 00 09 01 02 03 04 05 06 07 08 03");
    CHECK(cmpp_test::encoded(r) == b20);
    r.ver = cmpp::version::v30;
    const std::string b30 = unhex("00 00 00 18 80 00 00 05 00 00 00 09 01 02 03 04 05 06 07 08 00 00 00 03");
    CHECK(cmpp_test::encoded(r) == b30);
    cmpp::deliver_resp d;
    REQUIRE(cmpp::decode(b20, d, cmpp::version::v20));
    CHECK(d.result == 3);
    REQUIRE(cmpp::decode(b30, d, cmpp::version::v30));
    CHECK(d.result == 3);
}

TEST_CASE("CMPP_DELIVER encode and decode allocate nothing") {
    const std::string content = report(21);
    const cmpp::deliver s = sample(cmpp::version::v20, content);
    byte buf[256];
    cmpp::deliver d;
    test::alloc_counter guard;
    auto e = encode(s, buf);
    auto r = cmpp::decode(bytes(buf, e.offset), d, cmpp::version::v20);
    CHECK(guard.count() == 0);
    CHECK(e);
    CHECK(r);
}
