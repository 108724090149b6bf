#include "smsgw/cmpp/query.hpp"

#include <string>

#include "cmpp/pdu_test_util.hpp"
#include "test.hpp"

using namespace smsgw;
using cmpp_test::field;
using cmpp_test::unhex;
using cmpp_test::z;

namespace {
// Table 8.8: 12 + 8 + 1 + 10 + 8 = 39 bytes.
const std::string query_bytes = unhex("00 00 00 27  00 00 00 06  00 00 00 03") + "20231123" + unhex("01") +
                                field("MCN", 10) + z(8);
// Table 8.9: 12 + 19 + 8 * 4 = 63 bytes.
const std::string query_resp_bytes = unhex("00 00 00 3f  80 00 00 06  00 00 00 03") + "20231123" + unhex("01") +
                                     field("MCN", 10) +
                                     unhex("00 00 00 01  00 00 00 02  00 00 00 03  00 00 00 04"
                                           "00 00 00 05  00 00 00 06  00 00 00 07  ff ff ff ff");
}  // namespace

TEST_CASE("CMPP_QUERY and CMPP_QUERY_RESP, tables 8.8 and 8.9, the same in both versions") {
    cmpp::query q;
    q.sequence_id = 3;
    q.time = "20231123";
    q.query_type = 1;
    q.query_code = "MCN";
    CHECK(cmpp_test::encoded(q) == query_bytes);

    cmpp::query_resp a;
    a.sequence_id = 3;
    a.time = "20231123";
    a.query_type = 1;
    a.query_code = "MCN";
    a.mt_tlmsg = 1;
    a.mt_tlusr = 2;
    a.mt_scs = 3;
    a.mt_wt = 4;
    a.mt_fl = 5;
    a.mo_scs = 6;
    a.mo_wt = 7;
    a.mo_fl = 0xFFFFFFFF;
    CHECK(cmpp_test::encoded(a) == query_resp_bytes);

    for (auto v : {cmpp::version::v20, cmpp::version::v30}) {
        cmpp::query dq;
        REQUIRE(cmpp::decode(query_bytes, dq, v));
        CHECK(dq.time == "20231123");
        CHECK(dq.query_code == "MCN");
        CHECK(cmpp_test::encoded(dq) == query_bytes);
        cmpp::query_resp da;
        REQUIRE(cmpp::decode(query_resp_bytes, da, v));
        CHECK(da.mt_wt == 4);
        CHECK(da.mo_fl == 0xFFFFFFFF);
        CHECK(cmpp_test::encoded(da) == query_resp_bytes);
    }
}

TEST_CASE("CMPP_QUERY: Query_Type is 0 or 1; values do not fit wider than their fields") {
    std::string bad = query_bytes;
    bad[20] = 2;
    cmpp::query d;
    auto r = cmpp::decode(bad, d, cmpp::version::v20);
    cmpp_test::check_refused(r, errc::out_of_range, 20, "Query_Type");
    REQUIRE(cmpp::decode(bad, d, {cmpp::version::v20, cmpp::validation::tolerant}));
    CHECK(d.query_type == 2);
    CHECK(cmpp_test::encoded(d) == bad);

    cmpp::query q;
    q.time = "202311231";
    byte buf[64];
    r = encode(q, buf);
    cmpp_test::check_refused(r, errc::field_too_long, 12, "Time");

    cmpp::query_resp resp;
    REQUIRE(cmpp::decode(query_resp_bytes, resp, cmpp::version::v20));
    test::alloc_counter guard;
    auto e = encode(resp, buf);
    auto again = cmpp::decode(query_resp_bytes, resp, cmpp::version::v30);
    CHECK(guard.count() == 0);
    CHECK(e);
    CHECK(again);
}
