#include "smsgw/cmpp/active_test.hpp"
#include "smsgw/cmpp/cancel.hpp"
#include "smsgw/cmpp/framing.hpp"
#include "smsgw/cmpp/pdu.hpp"
#include "smsgw/cmpp/terminate.hpp"

#include <string>

#include "cmpp/pdu_test_util.hpp"
#include "test.hpp"

using namespace smsgw;
using cmpp_test::unhex;

TEST_CASE("CMPP_TERMINATE, CMPP_ACTIVE_TEST: headers without a body") {
    cmpp::terminate t;
    t.sequence_id = 0x01020304;
    const std::string tb = unhex("00 00 00 0c 00 00 00 02 01 02 03 04");
    CHECK(cmpp_test::encoded(t) == tb);
    cmpp::terminate_resp tr;
    tr.sequence_id = 0x01020304;
    CHECK(cmpp_test::encoded(tr) == unhex("00 00 00 0c 80 00 00 02 01 02 03 04"));
    cmpp::active_test a;
    a.sequence_id = 1;
    const std::string ab = unhex("00 00 00 0c 00 00 00 08 00 00 00 01");
    CHECK(cmpp_test::encoded(a) == ab);

    cmpp::terminate dt;
    REQUIRE(cmpp::decode(tb, dt, cmpp::version::v20));
    CHECK(dt.sequence_id == 0x01020304);
    cmpp::active_test da;
    REQUIRE(cmpp::decode(ab, da, cmpp::version::v30));
    // A terminate is not an active test.
    auto r = cmpp::decode(tb, da, cmpp::version::v20);
    CHECK(r.ec == errc::wrong_type);
    CHECK(r.offset == 4);
    // A body where none belongs: strict refuses, tolerant keeps it.
    const std::string padded = unhex("00 00 00 0e 00 00 00 08 00 00 00 01 ab cd");
    r = cmpp::decode(padded, da, cmpp::version::v20);
    CHECK(r.ec == errc::trailing_bytes);
    CHECK(r.offset == 12);
    REQUIRE(cmpp::decode(padded, da, {cmpp::version::v20, cmpp::validation::tolerant}));
    CHECK(as_chars(da.trailing) == "\xab\xcd");
    CHECK(cmpp_test::encoded(da) == padded);
}

TEST_CASE("CMPP_ACTIVE_TEST_RESP carries table 8.16's Reserved byte") {
    cmpp::active_test_resp a;
    a.sequence_id = 1;
    const std::string bytes = unhex("00 00 00 0d 80 00 00 08 00 00 00 01 00");
    CHECK(cmpp_test::encoded(a) == bytes);
    cmpp::active_test_resp d;
    REQUIRE(cmpp::decode(bytes, d, cmpp::version::v20));
    // A 1.2-era 12-byte response lacks it.
    const std::string old_style = unhex("00 00 00 0c 80 00 00 08 00 00 00 01");
    auto r = cmpp::decode(old_style, d, cmpp::version::v20);
    cmpp_test::check_refused(r, errc::truncated, 12, "Reserved");
}

TEST_CASE("a 12-byte CMPP_ACTIVE_TEST_RESP (CMPP 1.2, G27): tolerant accepts it and encodes it back as it was") {
    const std::string old_style = unhex("00 00 00 0c 80 00 00 08 00 00 00 07");
    const cmpp::decode_options tolerant{cmpp::version::v20, cmpp::validation::tolerant};
    cmpp::active_test_resp d;
    d.reserved = 9;  // left from an earlier decode: cleared
    auto r = cmpp::decode(old_style, d, tolerant);
    REQUIRE(r);
    CHECK(r.offset == 12);
    CHECK(d.sequence_id == 7);
    CHECK(d.without_reserved);
    CHECK(d.reserved == 0);
    CHECK(d.trailing.empty());
    CHECK(cmpp_test::encoded(d) == old_style);

    // Strict decoding of the same bytes: its own error, at the end, naming the missing field.
    r = cmpp::decode(old_style, d, cmpp::version::v30);
    cmpp_test::check_refused(r, errc::truncated, 12, "Reserved");

    // A 13-byte response decoded tolerantly has its Reserved byte, and a byte more is trailing.
    const std::string current = unhex("00 00 00 0d 80 00 00 08 00 00 00 07 05");
    REQUIRE(cmpp::decode(current, d, tolerant));
    CHECK(!d.without_reserved);
    CHECK(d.reserved == 5);
    CHECK(cmpp_test::encoded(d) == current);

    // Without a Reserved byte there is no Reserved value to send: refused, not dropped.
    cmpp::active_test_resp e;
    e.without_reserved = true;
    e.reserved = 1;
    byte buf[16];
    r = encode(e, buf);
    cmpp_test::check_refused(r, errc::unknown_field, 12, "Reserved");

    // The any-PDU decoder and the framer follow the same rule.
    cmpp::pdu any;
    CHECK(!cmpp::decode(old_style, any, cmpp::version::v20));
    REQUIRE(cmpp::decode(old_style, any, tolerant));
    REQUIRE(any.get<cmpp::active_test_resp>() != nullptr);
    CHECK(any.get<cmpp::active_test_resp>()->without_reserved);
    CHECK(cmpp_test::encoded(any) == old_style);
    cmpp::frame_options framing;
    CHECK(cmpp::next_frame(old_style, framing).status == cmpp::frame_status::invalid);
    framing.checks = cmpp::validation::tolerant;
    auto f = cmpp::next_frame(old_style, framing);
    CHECK(f.status == cmpp::frame_status::ready);
    CHECK(f.size == 12);

    test::alloc_counter guard;
    auto back = cmpp::decode(old_style, d, tolerant);
    auto again = encode(d, buf);
    CHECK(guard.count() == 0);
    CHECK(back);
    CHECK(again.offset == 12);
}

TEST_CASE("CMPP_CANCEL and CMPP_CANCEL_RESP: Success_Id 1 byte in 2.0, 4 in 3.0") {
    cmpp::cancel c;
    c.sequence_id = 2;
    c.msg_id = 0x8877665544332211ull;
    const std::string cb = unhex("00 00 00 14 00 00 00 07 00 00 00 02 88 77 66 55 44 33 22 11");
    CHECK(cmpp_test::encoded(c) == cb);
    cmpp::cancel dc;
    REQUIRE(cmpp::decode(cb, dc, cmpp::version::v30));
    CHECK(dc.msg_id == 0x8877665544332211ull);

    cmpp::cancel_resp r;
    r.sequence_id = 2;
    r.success_id = 1;
    const std::string b20 = unhex("00 00 00 0d 80 00 00 07 00 00 00 02 01");
    const std::string b30 = unhex("00 00 00 10 80 00 00 07 00 00 00 02 00 00 00 01");
    CHECK(cmpp_test::encoded(r) == b20);
    r.ver = cmpp::version::v30;
    CHECK(cmpp_test::encoded(r) == b30);
    cmpp::cancel_resp d;
    REQUIRE(cmpp::decode(b30, d, cmpp::version::v30));
    CHECK(d.success_id == 1);
    std::string two = b20;
    two[12] = 2;
    auto res = cmpp::decode(two, d, cmpp::version::v20);
    CHECK(res.ec == errc::out_of_range);
    CHECK(res.offset == 12);
    CHECK(std::string_view(res.field) == "Success_Id");

    byte buf[32];
    test::alloc_counter guard;
    auto e = encode(c, buf);
    auto back = cmpp::decode(bytes(buf, e.offset), dc, cmpp::version::v20);
    CHECK(guard.count() == 0);
    CHECK(back);
}
