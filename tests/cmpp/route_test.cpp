#include "smsgw/cmpp/route.hpp"
#include "smsgw/cmpp/route_update.hpp"

#include <string>

#include "cmpp/pdu_test_util.hpp"
#include "test.hpp"

using namespace smsgw;
using cmpp_test::field;
using cmpp_test::unhex;
using cmpp_test::z;

namespace {

constexpr auto v20 = cmpp::version::v20;
constexpr auto v30 = cmpp::version::v30;

// Encodes `msg`, compares with `expected`, decodes `expected` in `v` and re-encodes it.
template <class T>
void same_bytes(const T& msg, const std::string& expected, cmpp::version v) {
    CHECK(cmpp_test::encoded(msg) == expected);
    T back;
    auto r = cmpp::decode(expected, back, v);
    REQUIRE(r);
    CHECK(r.offset == expected.size());
    CHECK(cmpp_test::encoded(back) == expected);
}

const std::string gateway = field("079101", 6) + field("10.1.2.3", 15);  // Destination_Id, Gateway_IP

}  // namespace

TEST_CASE("CMPP_MT_ROUTE and its response: table 8.21 in 2.0, 9-byte ranges and more in 3.0") {
    cmpp::mt_route q;
    q.sequence_id = 1;
    q.source_id = "001001";
    q.terminal_id = "13800138000";
    same_bytes(q, unhex("00 00 00 27 00 00 00 10 00 00 00 01") + "001001" + field("13800138000", 21), v20);

    cmpp::mt_route_resp r;
    r.sequence_id = 1;
    r.route_id = 7;
    r.destination_id = "079101";
    r.gateway_ip = "10.1.2.3";
    r.gateway_port = 7890;
    r.start_id = "138000";
    r.end_id = "138999";
    r.area_code = "0791";
    r.result = 2;
    same_bytes(r,
               unhex("00 00 00 38 80 00 00 10 00 00 00 01 00 00 00 07") + gateway + unhex("1e d2") + "138000" +
                   "138999" + "0791" + unhex("02"),
               v20);
    r.ver = v30;
    r.start_id = "138000000";
    r.end_id = "138999999";
    r.result = 0;
    r.user_type = 1;
    r.time_stamp = "20231123101520";
    same_bytes(r,
               unhex("00 00 00 4d 80 00 00 10 00 00 00 01 00 00 00 07") + gateway + unhex("1e d2") + "138000000" +
                   "138999999" + "0791" + unhex("00 01") + "20231123101520",
               v30);
    // 9-digit ranges do not fit 2.0's 6 bytes.
    r.ver = v20;
    r.user_type = 0;
    r.time_stamp = {};
    byte buf[128];
    auto e = encode(r, buf);
    CHECK(e.ec == errc::field_too_long);
    CHECK(e.offset == 39);
    CHECK(std::string_view(e.field) == "Start_Id");
}

TEST_CASE("CMPP_MO_ROUTE and its response: SP_Id 21 bytes in 2.0, 6 with SP_Code and SP_AcessType in 3.0") {
    cmpp::mo_route q;
    q.sequence_id = 2;
    q.source_id = "001001";
    q.sp_code = "1069";
    q.service_id = "TPCQ";
    q.service_code = 1000;
    same_bytes(q,
               unhex("00 00 00 35 00 00 00 11 00 00 00 02") + "001001" + field("1069", 21) + field("TPCQ", 10) +
                   unhex("00 00 03 e8"),
               v30);

    cmpp::mo_route_resp r;
    r.sequence_id = 2;
    r.route_id = 1;
    r.destination_id = "079101";
    r.gateway_ip = "10.1.2.3";
    r.gateway_port = 7900;
    r.sp_id = "901234";
    r.start_code = 1000;
    r.end_code = 2000;
    same_bytes(r,
               unhex("00 00 00 45 80 00 00 11 00 00 00 02 00 00 00 01") + gateway + unhex("1e dc") +
                   field("901234", 21) + unhex("00 00 03 e8 00 00 07 d0 00"),
               v20);
    r.ver = v30;
    r.sp_code = "1069";
    r.sp_acess_type = 1;
    r.result = 1;
    r.time_stamp = "20231123101520";
    same_bytes(r,
               unhex("00 00 00 5a 80 00 00 11 00 00 00 02 00 00 00 01") + gateway + unhex("1e dc") + "901234" +
                   field("1069", 21) + unhex("01 00 00 03 e8 00 00 07 d0 01") + "20231123101520",
               v30);
}

TEST_CASE("CMPP_GET_ROUTE (2.0) and CMPP_GET_MT_ROUTE / CMPP_GET_MO_ROUTE (3.0)") {
    cmpp::get_route g;
    g.sequence_id = 3;
    g.source_id = "001001";
    g.route_type = "MO";
    same_bytes(g, unhex("00 00 00 18 00 00 00 12 00 00 00 03") + "001001" + "MO" + unhex("ff ff ff ff"), v20);
    cmpp::get_mt_route mt;
    mt.sequence_id = 3;
    mt.source_id = "001001";
    mt.route_type = "MT";
    mt.last_route_id = 41;
    same_bytes(mt, unhex("00 00 00 1a 00 00 00 12 00 00 00 03") + "001001" + field("MT", 4) + unhex("00 00 00 29"),
               v30);

    cmpp::get_route_resp r;
    r.sequence_id = 3;
    r.route_id = 1;
    r.destination_id = "079101";
    r.gateway_ip = "10.1.2.3";
    r.gateway_port = 7890;
    r.service_id = "TPCQ";
    r.start_code = 1000;
    r.end_code = 2000;
    r.result = 2;
    same_bytes(r,
               unhex("00 00 00 53 80 00 00 12 00 00 00 03 00 00 00 01") + gateway + unhex("1e d2") + z(21) +
                   field("TPCQ", 10) + unhex("00 00 03 e8 00 00 07 d0") + z(4) + unhex("02"),
               v20);

    cmpp::get_mt_route_resp mr;
    mr.sequence_id = 3;
    mr.route_id = 1;
    mr.destination_id = "079101";
    mr.gateway_ip = "10.1.2.3";
    mr.gateway_port = 7890;
    mr.start_id = "138000000";
    mr.end_id = "138999999";
    mr.area_code = "0791";
    mr.user_type = 1;
    mr.route_total = 10;
    mr.route_number = 2;
    mr.time_stamp = "20231123101520";
    same_bytes(mr,
               unhex("00 00 00 55 80 00 00 12 00 00 00 03 00 00 00 01") + gateway + unhex("1e d2") + "138000000" +
                   "138999999" + "0791" + unhex("00 01 00 00 00 0a 00 00 00 02") + "20231123101520",
               v30);

    cmpp::get_mo_route_resp orr;
    orr.sequence_id = 3;
    orr.route_id = 1;
    orr.destination_id = "079101";
    orr.gateway_ip = "10.1.2.3";
    orr.gateway_port = 7900;
    orr.sp_id = "901234";
    orr.sp_code = "1069";
    orr.sp_acess_type = 1;
    orr.service_id = "TPCQ";
    orr.start_code = 1000;
    orr.end_code = 2000;
    orr.result = 9;
    orr.route_total = 1;
    orr.route_number = 1;
    orr.time_stamp = "20231123101520";
    same_bytes(orr,
               unhex("00 00 00 6c 80 00 00 17 00 00 00 03 00 00 00 01") + gateway + unhex("1e dc") + "901234" +
                   field("1069", 21) + unhex("01") + field("TPCQ", 10) +
                   unhex("00 00 03 e8 00 00 07 d0 09 00 00 00 01 00 00 00 01") + "20231123101520",
               v30);
}

// A Result the spec does not restrict decodes strictly and comes back as it was.
template <class T>
void any_result(cmpp::version v, decltype(T::result) result) {
    T msg{};
    msg.ver = v;
    msg.result = result;
    const std::string bytes = cmpp_test::encoded(msg);
    T back;
    REQUIRE(cmpp::decode(bytes, back, v));
    CHECK(back.result == result);
}

// Strict decoding refuses a Result code outside the PDU's table, at its offset; tolerant keeps
// it and encodes it back.
template <class T>
void result_range(cmpp::version v, std::size_t at, unsigned char refused, unsigned char accepted) {
    T msg{};
    msg.ver = v;
    std::string bytes = cmpp_test::encoded(msg);
    REQUIRE(at < bytes.size());
    INFO(cmpp::command_name(T::command, v) << " Result " << int(refused));
    T back;
    bytes[at] = static_cast<char>(accepted);
    REQUIRE(cmpp::decode(bytes, back, v));
    CHECK(back.result == accepted);
    bytes[at] = static_cast<char>(refused);
    auto r = cmpp::decode(bytes, back, v);
    cmpp_test::check_refused(r, errc::out_of_range, at, "Result");
    REQUIRE(cmpp::decode(bytes, back, {v, cmpp::validation::tolerant}));
    CHECK(back.result == refused);
    CHECK(cmpp_test::encoded(back) == bytes);
}

TEST_CASE("route answers: strict decoding checks Result against the spec's codes") {
    result_range<cmpp::mt_route_resp>(v20, 55, 3, 2);    // table 8.21: 0, 1, 2
    result_range<cmpp::mo_route_resp>(v20, 68, 3, 2);    // table 8.23
    result_range<cmpp::get_route_resp>(v20, 82, 3, 2);   // table 8.25
    result_range<cmpp::get_mo_route_resp>(v30, 85, 4, 9);  // 3.0.0 §8.6: 0-3 and 9
    result_range<cmpp::get_mo_route_resp>(v30, 85, 10, 3);
    result_range<cmpp::mt_route_update_resp>(v20, 12, 2, 1);       // table 8.27
    result_range<cmpp::mo_route_update_resp>(v30, 12, 2, 1);       // table 8.29
    result_range<cmpp::push_mt_route_update_resp>(v20, 12, 2, 1);  // table 8.31
    result_range<cmpp::push_mo_route_update_resp>(v30, 12, 2, 1);  // table 8.33

    // CMPP 3.0's MT and MO route answers list no codes: any Result decodes.
    any_result<cmpp::mt_route_resp>(v30, 200);
    any_result<cmpp::mo_route_resp>(v30, 200);
}

TEST_CASE("route updates and pushes, both versions") {
    cmpp::mt_route_update u;
    u.sequence_id = 4;
    u.update_type = 2;
    u.route_id = 7;
    u.destination_id = "079101";
    u.gateway_ip = "10.1.2.3";
    u.gateway_port = 7890;
    u.start_id = "138000";
    u.end_id = "138999";
    u.area_code = "0791";
    const std::string u20 = unhex("00 00 00 38 00 00 00 13 00 00 00 04 02 00 00 00 07") + gateway + unhex("1e d2") +
                            "138000" + "138999" + "0791";
    same_bytes(u, u20, v20);
    std::string bad = u20;
    bad[12] = 3;
    cmpp::mt_route_update d;
    auto r = cmpp::decode(bad, d, v20);
    cmpp_test::check_refused(r, errc::out_of_range, 12, "Update_type");

    u.ver = v30;
    u.start_id = "138000000";
    u.end_id = "138999999";
    u.user_type = 1;
    same_bytes(u,
               unhex("00 00 00 3f 00 00 00 13 00 00 00 04 02 00 00 00 07") + gateway + unhex("1e d2") + "138000000" +
                   "138999999" + "0791" + unhex("01"),
               v30);
    // Only the 3.0 push carries Time_stamp.
    u.time_stamp = "20231123101520";
    byte buf[128];
    auto e = encode(u, buf);
    CHECK(e.ec == errc::unknown_field);
    CHECK(std::string_view(e.field) == "Time_stamp");

    cmpp::push_mo_route_update p;
    p.ver = v30;
    p.sequence_id = 5;
    p.route_id = 8;
    p.destination_id = "079101";
    p.gateway_ip = "10.1.2.3";
    p.gateway_port = 7900;
    p.sp_id = "901234";
    p.sp_code = "1069";
    p.service_id = "TPCQ";
    p.start_code = 1000;
    p.end_code = 2000;
    p.time_stamp = "20231123101520";
    same_bytes(p,
               unhex("00 00 00 64 00 00 00 16 00 00 00 05 00 00 00 00 08") + gateway + unhex("1e dc") + "901234" +
                   field("1069", 21) + unhex("00") + field("TPCQ", 10) + unhex("00 00 03 e8 00 00 07 d0") +
                   "20231123101520",
               v30);
    p.ver = v20;
    p.sp_id = {};
    p.time_stamp = {};
    same_bytes(p,
               unhex("00 00 00 4f 00 00 00 16 00 00 00 05 00 00 00 00 08") + gateway + unhex("1e dc") +
                   field("1069", 21) + field("TPCQ", 10) + unhex("00 00 03 e8 00 00 07 d0"),
               v20);

    cmpp::mt_route_update_resp ur;
    ur.sequence_id = 4;
    ur.result = 1;
    same_bytes(ur, unhex("00 00 00 0d 80 00 00 13 00 00 00 04 01"), v20);
    ur.ver = v30;
    ur.route_id = 7;
    ur.time_stamp = "20231123101520";
    same_bytes(ur, unhex("00 00 00 1f 80 00 00 13 00 00 00 04 01 00 00 00 07") + "20231123101520", v30);

    cmpp::push_mt_route_update_resp pr;
    pr.sequence_id = 5;
    pr.result = 1;
    same_bytes(pr, unhex("00 00 00 0d 80 00 00 15 00 00 00 05 01"), v30);
}

TEST_CASE("route PDUs encode and decode without allocating") {
    cmpp::get_mo_route_resp r;
    r.time_stamp = "20231123101520";
    byte buf[128];
    cmpp::get_mo_route_resp d;
    test::alloc_counter guard;
    auto e = encode(r, buf);
    auto back = cmpp::decode(bytes(buf, e.offset), d, v30);
    CHECK(guard.count() == 0);
    CHECK(back);
    CHECK(d.time_stamp == "20231123101520");
}
