#include "smsgw/cmpp/connect.hpp"

#include <array>
#include <string>

#include "cmpp/pdu_test_util.hpp"
#include "test.hpp"

using namespace smsgw;
using cmpp_test::unhex;

namespace {
constexpr std::array<byte, 16> digest{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}};

// Table 8.4, laid out by hand: header, Source_Addr 6, AuthenticatorSource 16, Version 1, Timestamp 4.
const std::string connect_bytes = unhex(
    "00 00 00 27  00 00 00 01  00 00 00 01"  // Total_Length 39, CMPP_CONNECT, Sequence_Id 1
    "39 30 31 32 33 34"                      // "901234"
    "00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f"
    "20"                                     // Version 2.0
    "42 f1 2b 50");                          // Timestamp 1123101520 (Nov 23 10:15:20)
}  // namespace

TEST_CASE("CMPP_CONNECT encodes table 8.4 byte for byte, both versions alike") {
    cmpp::connect c;
    c.sequence_id = 1;
    c.source_addr = "901234";
    c.authenticator_source = digest;
    c.version_byte = 0x20;
    c.timestamp = 1123101520;
    CHECK(cmpp_test::encoded(c) == connect_bytes);
    CHECK(encoded_size(c) == 39);

    for (auto v : {cmpp::version::v20, cmpp::version::v30}) {
        cmpp::connect d;
        auto r = cmpp::decode(connect_bytes, d, v);
        REQUIRE(r);
        CHECK(r.offset == 39);
        CHECK(d.sequence_id == 1);
        CHECK(d.source_addr == "901234");
        CHECK(d.authenticator_source == digest);
        CHECK(d.version_byte == 0x20);
        CHECK(d.timestamp == 1123101520);
        CHECK(cmpp_test::encoded(d) == connect_bytes);
    }
}

TEST_CASE("a short Source_Addr is NUL-padded; a long one is refused, never cut") {
    cmpp::connect c;
    c.source_addr = "90001";
    std::string bytes = cmpp_test::encoded(c);
    CHECK(bytes.substr(12, 6) == std::string("90001\0", 6));
    c.source_addr = "9000123";
    byte buf[64];
    auto r = encode(c, buf);
    cmpp_test::check_refused(r, errc::field_too_long, 12, "Source_Addr");
}

TEST_CASE("CMPP_CONNECT_RESP: Status is 1 byte in 2.0, 4 in 3.0") {
    cmpp::connect_resp r20;
    r20.sequence_id = 1;
    r20.status = 3;
    r20.authenticator_ismg = digest;
    r20.version_byte = 0x20;
    const std::string b20 = unhex(
        "00 00 00 1e  80 00 00 01  00 00 00 01"  // 30 bytes
        "03"
        "00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f"
        "20");
    CHECK(cmpp_test::encoded(r20) == b20);

    cmpp::connect_resp r30 = r20;
    r30.ver = cmpp::version::v30;
    r30.status = 0x01020304;
    r30.version_byte = 0x30;
    const std::string b30 = unhex(
        "00 00 00 21  80 00 00 01  00 00 00 01"  // 33 bytes
        "01 02 03 04"
        "00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f"
        "30");
    CHECK(cmpp_test::encoded(r30) == b30);

    cmpp::connect_resp d;
    REQUIRE(cmpp::decode(b30, d, cmpp::version::v30));
    CHECK(d.ver == cmpp::version::v30);
    CHECK(d.status == 0x01020304);
    CHECK(d.version_byte == 0x30);
    REQUIRE(cmpp::decode(b20, d, cmpp::version::v20));
    CHECK(d.status == 3);
    CHECK(d.authenticator_ismg == digest);

    // Each version's bytes read with the other's layout do not fit.
    auto wrong = cmpp::decode(b30, d, cmpp::version::v20);
    CHECK(wrong.ec == errc::trailing_bytes);
    CHECK(wrong.offset == 30);
    wrong = cmpp::decode(b20, d, cmpp::version::v30);
    CHECK(wrong.ec == errc::truncated);
    CHECK(wrong.offset == 30);
    CHECK(std::string_view(wrong.field) == "AuthenticatorISMG");

    // A 3.0 status does not fit 2.0's byte.
    r20.status = 256;
    byte buf[64];
    auto r = encode(r20, buf);
    cmpp_test::check_refused(r, errc::out_of_range, 12, "Status");
}

TEST_CASE("CMPP_CONNECT encode and decode allocate nothing") {
    cmpp::connect c;
    c.source_addr = "901234";
    byte buf[64];
    cmpp::connect d;
    test::alloc_counter guard;
    auto e = encode(c, buf);
    auto r = cmpp::decode(bytes(buf, e.offset), d, cmpp::version::v30);
    CHECK(guard.count() == 0);
    CHECK(e);
    CHECK(r);
}

TEST_CASE("the Version byte follows the codec version it is built with, and stays what the wire says") {
    const cmpp::connect fresh;
    CHECK(fresh.ver == cmpp::version::v20);
    CHECK(fresh.version_byte == 0x20);
    const cmpp::connect c30(cmpp::version::v30);
    CHECK(c30.ver == cmpp::version::v30);
    CHECK(c30.version_byte == 0x30);
    CHECK(cmpp_test::encoded(c30)[34] == '\x30');  // header 12 + Source_Addr 6 + AuthenticatorSource 16

    cmpp::connect_resp r30(cmpp::version::v30);
    CHECK(r30.version_byte == 0x30);
    const std::string resp = cmpp_test::encoded(r30);
    CHECK(resp.size() == 12 + 4 + 16 + 1);  // Status is 4 bytes in 3.0
    CHECK(resp.back() == '\x30');

    // Decoding sets the codec version from the caller and the Version byte from the bytes: a
    // 3.0 connection may well receive a CONNECT that asks for 2.0.
    cmpp::connect d;
    REQUIRE(cmpp::decode(connect_bytes, d, cmpp::version::v30));
    CHECK(d.ver == cmpp::version::v30);
    CHECK(d.version_byte == 0x20);
}
