#include "smsgw/cmpp/fwd.hpp"

#include <string>

#include "cmpp/pdu_test_util.hpp"
#include "smsgw/cmpp/report.hpp"
#include "test.hpp"

using namespace smsgw;
using cmpp_test::field;
using cmpp_test::unhex;
using cmpp_test::z;

namespace {

const std::string_view dest[] = {"13800138000"};

// Table 8.35: the MO status report an ISMG forwards with Msg_Fwd_Type 3 (60 bytes).
const std::string mo_report = unhex("01 02 03 04 05 06 07 08") + "DELIVRD" + "2311231015" + "2311231016" +
                              field("1069", 21) + z(4);

// Table 8.17 by hand: 152 + 21 + 60 = 233 bytes.
const std::string fwd20 = unhex("00 00 00 e9  00 00 00 09  00 00 00 05")
    + "001001"                               // Source_Id "1001", right-aligned, '0'-padded (table 8.17)
    + "079101"                               // Destination_Id
    + unhex("01 03")                         // NodesCount, Msg_Fwd_Type 3 (MO report)
    + unhex("01 02 03 04 05 06 07 08")       // Msg_Id
    + unhex("01 01 00 00")                   // Pk_total, Pk_number, Registered_Delivery, Msg_level
    + field("MCN", 10) + unhex("00")         // Service_Id, Fee_UserType
    + z(21)                                  // Fee_terminal_Id
    + unhex("00 00 00")                      // TP_pid, TP_udhi, Msg_Fmt
    + "901234" + "01" + z(6) + z(17) + z(17) // Msg_src, FeeType, FeeCode, Valid_Time, At_Time
    + z(21)                                  // Src_Id
    + unhex("01") + field("13800138000", 21) // DestUsr_tl, Dest_Id
    + unhex("3c") + mo_report                // Msg_Length 60
    + z(8);                                  // Reserve

// CMPP 3.0.0: 264 + 21 + 2 = 287 bytes.
const std::string fwd30 = unhex("00 00 01 1f  00 00 00 09  00 00 00 05")
    + "001001" + "079101" + unhex("01 00") + unhex("01 02 03 04 05 06 07 08") + unhex("01 01 01 00")
    + field("MCN", 10) + unhex("00")
    + z(21) + field("P1", 32) + unhex("01")  // Fee_terminal_Id, Fee_terminal_Pseudo, Fee_terminal_UserType
    + unhex("00 00 00") + "901234" + "02" + field("5", 6) + z(17) + z(17)
    + field("10690001", 21) + field("P2", 32) + unhex("01 01")  // Src_Id, Src_Pseudo, Src_UserType, Src_type
    + unhex("01") + field("13800138000", 21)                    // DestUsr_tl (must be 1), Dest_Id
    + field("P3", 32) + unhex("01")                             // Dest_Pseudo, Dest_UserType
    + unhex("02") + "hi"
    + field("LINK", 20);                                        // LinkID

cmpp::fwd sample20() {
    cmpp::fwd f;
    f.sequence_id = 5;
    f.source_id = "1001";
    f.destination_id = "079101";
    f.nodes_count = 1;
    f.msg_fwd_type = 3;
    f.msg_id = 0x0102030405060708ull;
    f.service_id = "MCN";
    f.msg_src = "901234";
    f.fee_type = "01";
    f.dest_ids = dest;
    f.msg_content = mo_report;
    return f;
}

cmpp::fwd sample30() {
    cmpp::fwd f = sample20();
    f.ver = cmpp::version::v30;
    f.msg_fwd_type = 0;
    f.registered_delivery = 1;
    f.fee_terminal_pseudo = "P1";
    f.fee_terminal_user_type = 1;
    f.fee_type = "02";
    f.fee_code = "5";
    f.src_id = "10690001";
    f.src_pseudo = "P2";
    f.src_user_type = 1;
    f.src_type = 1;
    f.dest_pseudo = "P3";
    f.dest_user_type = 1;
    f.msg_content = std::string_view("hi");
    f.link_id = "LINK";
    return f;
}

}  // namespace

TEST_CASE("CMPP_FWD 2.0 carrying an MO status report, byte for byte") {
    CHECK(fwd20.size() == 233);
    CHECK(cmpp_test::encoded(sample20()) == fwd20);
    cmpp::fwd d;
    REQUIRE(cmpp::decode(fwd20, d, cmpp::version::v20));
    CHECK(d.source_id == "1001");  // the '0' padding trimmed, as table 8.1 pads
    CHECK(d.destination_id == "79101");
    CHECK(d.msg_fwd_type == 3);
    REQUIRE(d.dest_ids.size() == 1);
    CHECK(d.dest_ids[0] == "13800138000");
    cmpp::mo_status_report mo;
    REQUIRE(cmpp::decode(d.msg_content, mo));
    CHECK(mo.stat == "DELIVRD");
    CHECK(mo.dest_id == "1069");
    CHECK(cmpp_test::encoded(d) == fwd20);
}

TEST_CASE("CMPP_FWD 3.0 with the pseudo-terminal fields and LinkID") {
    CHECK(fwd30.size() == 287);
    CHECK(cmpp_test::encoded(sample30()) == fwd30);
    cmpp::fwd d;
    REQUIRE(cmpp::decode(fwd30, d, cmpp::version::v30));
    CHECK(d.fee_terminal_pseudo == "P1");
    CHECK(d.fee_terminal_user_type == 1);
    CHECK(d.src_pseudo == "P2");
    CHECK(d.src_type == 1);
    CHECK(d.dest_pseudo == "P3");
    CHECK(d.link_id == "LINK");
    CHECK(cmpp_test::encoded(d) == fwd30);
}

TEST_CASE("CMPP_FWD strict validation") {
    cmpp::fwd d;
    auto check = [&d](std::string bytes, cmpp::version v, std::size_t at, unsigned char value, errc ec,
                      std::string_view name) {
        bytes[at] = static_cast<char>(value);
        auto r = cmpp::decode(bytes, d, v);
        CHECK(r.ec == ec);
        CHECK(r.offset == at);
        REQUIRE(r.field != nullptr);
        CHECK(r.field == name);
    };
    check(fwd20, cmpp::version::v20, 25, 4, errc::out_of_range, "Msg_Fwd_Type");
    check(fwd20, cmpp::version::v20, 36, 3, errc::out_of_range, "Registered_Delivery");
    check(fwd20, cmpp::version::v20, 48, 4, errc::out_of_range, "Fee_UserType");
    check(fwd20, cmpp::version::v20, 142, 100, errc::too_many, "DestUsr_tl");
    check(fwd30, cmpp::version::v30, 209, 2, errc::too_many, "DestUsr_tl");  // 3.0: exactly one
    check(fwd30, cmpp::version::v30, 209, 0, errc::out_of_range, "DestUsr_tl");
    check(fwd30, cmpp::version::v30, 104, 2, errc::out_of_range, "TP_udhi");
    // 3.0's user-type bytes are 0 or 1.
    check(fwd30, cmpp::version::v30, 102, 2, errc::out_of_range, "Fee_terminal_UserType");
    check(fwd30, cmpp::version::v30, 207, 2, errc::out_of_range, "Src_UserType");
    check(fwd30, cmpp::version::v30, 208, 2, errc::out_of_range, "Src_type");
    check(fwd30, cmpp::version::v30, 263, 2, errc::out_of_range, "Dest_UserType");
    for (std::size_t at : {102u, 207u, 208u, 263u}) {
        std::string bytes = fwd30;
        bytes[at] = 2;
        REQUIRE(cmpp::decode(bytes, d, {cmpp::version::v30, cmpp::validation::tolerant}));
        CHECK(cmpp_test::encoded(d) == bytes);
    }
    // Tolerant: a 3.0 FWD with no Dest_Id decodes and re-encodes as it came.
    cmpp::fwd none = sample30();
    none.dest_ids = {};
    const std::string bytes = cmpp_test::encoded(none);
    CHECK(cmpp::decode(bytes, d, cmpp::version::v30).ec == errc::out_of_range);
    REQUIRE(cmpp::decode(bytes, d, {cmpp::version::v30, cmpp::validation::tolerant}));
    CHECK(cmpp_test::encoded(d) == bytes);
}

TEST_CASE("CMPP_FWD encoder: zero-padded gateway codes, refused 3.0 fields in 2.0") {
    byte buf[600];
    cmpp::fwd f = sample20();
    f.source_id = "1234567";
    auto r = encode(f, buf);
    cmpp_test::check_refused(r, errc::field_too_long, 12, "Source_Id");
    f = sample20();
    f.src_pseudo = "x";
    r = encode(f, buf);
    cmpp_test::check_refused(r, errc::unknown_field, 142, "Src_Pseudo");
}

TEST_CASE("CMPP_FWD_RESP: Result 1 byte in 2.0, 4 in 3.0") {
    cmpp::fwd_resp r;
    r.sequence_id = 5;
    r.msg_id = 1;
    r.pk_total = 2;
    r.pk_number = 1;
    r.result = 9;
    const std::string b20 = unhex("00 00 00 17 80 00 00 09 00 00 00 05 00 00 00 00 00 00 00 01 02 01 09");
    CHECK(cmpp_test::encoded(r) == b20);
    r.ver = cmpp::version::v30;
    const std::string b30 = unhex("00 00 00 1a 80 00 00 09 00 00 00 05 00 00 00 00 00 00 00 01 02 01 00 00 00 09");
    CHECK(cmpp_test::encoded(r) == b30);
    cmpp::fwd_resp d;
    REQUIRE(cmpp::decode(b30, d, cmpp::version::v30));
    CHECK(d.result == 9);
    CHECK(d.pk_total == 2);
}

TEST_CASE("CMPP_FWD encode and decode allocate nothing") {
    const cmpp::fwd f = sample30();
    byte buf[600];
    cmpp::fwd d;
    test::alloc_counter guard;
    auto e = encode(f, buf);
    auto r = cmpp::decode(bytes(buf, e.offset), d, cmpp::version::v30);
    CHECK(guard.count() == 0);
    CHECK(e);
    CHECK(r);
}
