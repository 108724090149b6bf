#include "smsgw/cmpp/submit.hpp"

#include <string>
#include <vector>

#include "cmpp/pdu_test_util.hpp"
#include "test.hpp"

using namespace smsgw;
using cmpp_test::field;
using cmpp_test::unhex;
using cmpp_test::z;

namespace {

const std::string_view one_dest[] = {"13800138000"};
const std::string_view two_dests[] = {"13800138000", "8613900139000"};

cmpp::submit sample20() {
    cmpp::submit s;
    s.sequence_id = 0x12345678;
    s.registered_delivery = 1;
    s.service_id = "MCN2210101";  // fills its 10 bytes: no NUL on the wire (G11)
    s.fee_user_type = 2;
    s.msg_fmt = 8;
    s.msg_src = "901234";
    s.fee_type = "02";
    s.fee_code = "10";
    s.src_id = "10690001";
    s.dest_terminal_ids = one_dest;
    s.msg_content = std::string_view("\x4f\x60\x59\x7d");  // UCS-2 "你好"
    return s;
}

// Table 8.6 by hand: 138 + 21 * 1 + 4 = 163 bytes.
const std::string submit20 = unhex("00 00 00 a3  00 00 00 04  12 34 56 78")  // header
    + z(8)                                   // Msg_Id
    + unhex("01 01 01 00")                   // Pk_total, Pk_number, Registered_Delivery, Msg_level
    + "MCN2210101"                           // Service_Id
    + unhex("02")                            // Fee_UserType
    + z(21)                                  // Fee_terminal_Id
    + unhex("00 00 08")                      // TP_pId, TP_udhi, Msg_Fmt
    + "901234" + "02" + field("10", 6)       // Msg_src, FeeType, FeeCode
    + z(17) + z(17)                          // ValId_Time, At_Time
    + field("10690001", 21)                  // Src_Id
    + unhex("01") + field("13800138000", 21) // DestUsr_tl, Dest_terminal_Id
    + unhex("04 4f 60 59 7d")                // Msg_Length, Msg_Content
    + z(8);                                  // Reserve

cmpp::submit sample30() {
    cmpp::submit s = sample20();
    s.ver = cmpp::version::v30;
    s.fee_user_type = 3;
    s.fee_terminal_id = "13700137000";
    s.fee_terminal_type = 1;
    s.msg_fmt = 0;
    s.dest_terminal_ids = two_dests;
    s.msg_content = std::string_view("hi");
    s.link_id = "0123456789abcdefghij";  // fills its 20 bytes
    return s;
}

// CMPP 3.0.0: 163 + 32 * 2 + 2 = 229 bytes.
const std::string submit30 = unhex("00 00 00 e5  00 00 00 04  12 34 56 78")
    + z(8) + unhex("01 01 01 00") + "MCN2210101"
    + unhex("03")                                // Fee_UserType
    + field("13700137000", 32) + unhex("01")     // Fee_terminal_Id (32), Fee_terminal_type
    + unhex("00 00 00")                          // TP_pId, TP_udhi, Msg_Fmt
    + "901234" + "02" + field("10", 6) + z(17) + z(17) + field("10690001", 21)
    + unhex("02") + field("13800138000", 32) + field("8613900139000", 32)
    + unhex("00")                                // Dest_terminal_type
    + unhex("02") + "hi"
    + "0123456789abcdefghij";                    // LinkID

std::string with_byte(std::string s, std::size_t at, unsigned char value) {
    s[at] = static_cast<char>(value);
    return s;
}

}  // namespace

TEST_CASE("CMPP_SUBMIT 2.0 encodes table 8.6 byte for byte and decodes back") {
    CHECK(submit20.size() == 163);
    CHECK(cmpp_test::encoded(sample20()) == submit20);

    cmpp::submit d;
    auto r = cmpp::decode(submit20, d, cmpp::version::v20);
    REQUIRE(r);
    CHECK(r.offset == 163);
    CHECK(d.sequence_id == 0x12345678);
    CHECK(d.registered_delivery == 1);
    CHECK(d.service_id == "MCN2210101");
    CHECK(d.fee_user_type == 2);
    CHECK(d.fee_terminal_id.empty());
    CHECK(d.msg_fmt == 8);
    CHECK(d.msg_src == "901234");
    CHECK(d.fee_type == "02");
    CHECK(d.fee_code == "10");
    CHECK(d.valid_time.empty());
    CHECK(d.src_id == "10690001");
    REQUIRE(d.dest_terminal_ids.size() == 1);
    CHECK(d.dest_terminal_ids[0] == "13800138000");
    CHECK(d.content_chars() == "\x4f\x60\x59\x7d");
    CHECK(d.reserve.empty());
    CHECK(cmpp_test::encoded(d) == submit20);
}

TEST_CASE("CMPP_SUBMIT 3.0: 32-byte terminal ids, their types, LinkID") {
    CHECK(submit30.size() == 229);
    CHECK(cmpp_test::encoded(sample30()) == submit30);

    cmpp::submit d;
    auto r = cmpp::decode(submit30, d, cmpp::version::v30);
    REQUIRE(r);
    CHECK(d.ver == cmpp::version::v30);
    CHECK(d.fee_terminal_id == "13700137000");
    CHECK(d.fee_terminal_type == 1);
    std::vector<std::string_view> ids(d.dest_terminal_ids.begin(), d.dest_terminal_ids.end());
    CHECK(ids == std::vector<std::string_view>{"13800138000", "8613900139000"});
    CHECK(d.content_chars() == "hi");
    CHECK(d.link_id == "0123456789abcdefghij");
    CHECK(cmpp_test::encoded(d) == submit30);

    // The same bytes under the 2.0 layout do not add up.
    CHECK(!cmpp::decode(submit30, d, cmpp::version::v20));
}

TEST_CASE("CMPP_SUBMIT round trip keeps bytes after an embedded NUL and full-width fields") {
    cmpp::submit s = sample20();
    s.service_id = std::string_view("AB\0CD", 5);
    s.src_id = "123456789012345678901";  // 21 of 21
    const std::string_view full[] = {"123456789012345678901"};
    s.dest_terminal_ids = full;
    const std::string bytes = cmpp_test::encoded(s);
    cmpp::submit d;
    REQUIRE(cmpp::decode(bytes, d, cmpp::version::v20));
    CHECK(d.service_id == std::string_view("AB\0CD", 5));
    CHECK(d.src_id == "123456789012345678901");
    CHECK(d.dest_terminal_ids[0] == "123456789012345678901");
    CHECK(cmpp_test::encoded(d) == bytes);
}

TEST_CASE("CMPP_SUBMIT strict validation: each violation with its offset and field") {
    cmpp::submit d;
    // `tolerant`: what tolerant decoding then says; when it accepts, re-encoding gives the same bytes.
    auto expect = [&d](const std::string& bytes, cmpp::version v, errc ec, std::size_t offset, std::string_view name,
                       errc tolerant) {
        auto r = cmpp::decode(bytes, d, v);
        CHECK(r.ec == ec);
        CHECK(r.offset == offset);
        REQUIRE(r.field != nullptr);
        CHECK(r.field == name);
        auto t = cmpp::decode(bytes, d, {v, cmpp::validation::tolerant});
        CHECK(t.ec == tolerant);
        if (t) CHECK(cmpp_test::encoded(d) == bytes);
    };
    const auto v20 = cmpp::version::v20;
    const auto v30 = cmpp::version::v30;
    const errc ok{};
    expect(with_byte(submit20, 22, 3), v20, errc::out_of_range, 22, "Registered_Delivery", ok);
    expect(with_byte(submit30, 22, 2), v30, errc::out_of_range, 22, "Registered_Delivery", ok);  // 3.0 drops 2
    expect(with_byte(submit20, 34, 4), v20, errc::out_of_range, 34, "Fee_UserType", ok);
    expect(with_byte(submit30, 67, 2), v30, errc::out_of_range, 67, "Fee_terminal_type", ok);
    expect(with_byte(submit20, 57, 0x40), v20, errc::out_of_range, 57, "TP_udhi", ok);  // esm_class habit (G6)
    expect(with_byte(submit20, 128, 100), v20, errc::too_many, 128, "DestUsr_tl", errc::count_mismatch);
    expect(with_byte(submit20, 128, 2), v20, errc::count_mismatch, 128, "DestUsr_tl", errc::count_mismatch);
    expect(with_byte(submit30, 205, 2), v30, errc::out_of_range, 205, "Dest_terminal_type", ok);
    // UCS-2 content is at most 140 bytes; tolerant decoding then finds 12 bytes, not 141.
    expect(with_byte(submit20, 150, 141), v20, errc::out_of_range, 150, "Msg_Length", errc::invalid_length);
    expect(with_byte(submit20, 150, 13), v20, errc::invalid_length, 150, "Msg_Length", errc::invalid_length);
    expect(with_byte(submit20, 150, 10), v20, errc::truncated, 163, "Reserve", errc::truncated);
    // DestUsr_tl 0 is within the spec's "fewer than 100".
    cmpp::submit none = sample20();
    none.dest_terminal_ids = {};
    const std::string no_dest = cmpp_test::encoded(none);
    CHECK(no_dest.size() == 142);
    CHECK(cmpp::decode(no_dest, d, v20));
    CHECK(d.dest_terminal_ids.empty());
}

TEST_CASE("CMPP_SUBMIT Msg_Length limits of table 8.6: < 160 for ASCII, <= 140 otherwise") {
    const std::string text(160, 'a');
    cmpp::submit s = sample20();
    s.msg_fmt = 0;
    cmpp::submit d;
    auto check = [&](std::uint8_t fmt, std::size_t length, errc ec) {
        s.msg_fmt = fmt;
        s.msg_content = std::string_view(text).substr(0, length);
        const std::string bytes = cmpp_test::encoded(s);
        auto r = cmpp::decode(bytes, d, cmpp::version::v20);
        CHECK(r.ec == ec);
        if (!r) {
            CHECK(r.offset == 150);
            CHECK(cmpp::decode(bytes, d, {cmpp::version::v20, cmpp::validation::tolerant}));
        }
    };
    check(0, 159, errc{});
    check(0, 160, errc::out_of_range);
    check(4, 140, errc{});
    check(4, 141, errc::out_of_range);
    check(15, 141, errc::out_of_range);
}

TEST_CASE("CMPP_SUBMIT header errors") {
    cmpp::submit d;
    auto r = cmpp::decode(std::string_view(submit20).substr(0, 11), d, cmpp::version::v20);
    CHECK(r.ec == errc::truncated);
    CHECK(r.offset == 11);
    r = cmpp::decode(std::string_view(submit20).substr(0, 100), d, cmpp::version::v20);
    CHECK(r.ec == errc::truncated);
    CHECK(r.offset == 100);
    const std::string tiny = with_byte(submit20, 3, 11);
    r = cmpp::decode(tiny, d, cmpp::version::v20);
    CHECK(r.ec == errc::bad_total_length);
    CHECK(r.offset == 0);
    const std::string deliver = with_byte(submit20, 7, 5);
    r = cmpp::decode(deliver, d, cmpp::version::v20);
    CHECK(r.ec == errc::wrong_type);
    CHECK(r.offset == 4);
    // Total_Length shorter than the body: the PDU ends inside Reserve.
    std::string shorter = with_byte(submit20, 3, 160);
    r = cmpp::decode(shorter, d, cmpp::version::v20);
    CHECK(r.ec == errc::truncated);
    CHECK(r.offset == 160);
    CHECK(r.field == std::string_view("Reserve"));
    // More input than Total_Length: the rest is the next PDU's.
    const std::string two = submit20 + submit20;
    r = cmpp::decode(two, d, cmpp::version::v20);
    CHECK(r);
    CHECK(r.offset == 163);
}

TEST_CASE("CMPP_SUBMIT trailing bytes inside Total_Length: strict error, tolerant kept") {
    std::string longer = submit20 + "xyz";
    longer[3] = static_cast<char>(166);
    cmpp::submit d;
    auto r = cmpp::decode(longer, d, cmpp::version::v20);
    CHECK(r.ec == errc::trailing_bytes);
    CHECK(r.offset == 163);
    r = cmpp::decode(longer, d, {cmpp::version::v20, cmpp::validation::tolerant});
    REQUIRE(r);
    CHECK(r.offset == 166);
    CHECK(as_chars(d.trailing) == "xyz");
    CHECK(cmpp_test::encoded(d) == longer);
}

TEST_CASE("CMPP_SUBMIT encoder refuses what does not fit, naming the field") {
    byte buf[4096];
    auto refuse = [&buf](const cmpp::submit& s, errc ec, std::size_t offset, std::string_view name) {
        auto r = encode(s, buf);
        CHECK(r.ec == ec);
        CHECK(r.offset == offset);
        REQUIRE(r.field != nullptr);
        CHECK(r.field == name);
    };
    cmpp::submit s = sample20();
    s.service_id = "MCN22101012";
    refuse(s, errc::field_too_long, 24, "Service_Id");
    s = sample20();
    s.fee_terminal_id = std::string(22, '1');
    refuse(s, errc::field_too_long, 35, "Fee_terminal_Id");
    s = sample30();
    const std::string long_id(33, '1');
    const std::string_view bad_ids[] = {"13800138000", long_id};
    s.dest_terminal_ids = bad_ids;
    refuse(s, errc::field_too_long, 173, "Dest_terminal_Id");
    s = sample20();
    std::vector<std::string_view> many(256, "1");
    s.dest_terminal_ids = many;
    refuse(s, errc::too_many, 128, "DestUsr_tl");
    s = sample20();
    const std::string big(256, 'x');
    s.msg_content = big;
    refuse(s, errc::field_too_long, 151, "Msg_Content");
    s = sample20();
    s.link_id = "x";
    refuse(s, errc::unknown_field, 163, "LinkID");  // 2.0 has no LinkID: refused, not dropped
    s = sample20();
    s.fee_terminal_type = 1;
    refuse(s, errc::unknown_field, 56, "Fee_terminal_type");
    s = sample20();
    s.dest_terminal_type = 1;
    refuse(s, errc::unknown_field, 150, "Dest_terminal_type");
    s = sample30();
    s.reserve = "x";
    refuse(s, errc::unknown_field, 209, "Reserve");

    byte small[100];
    auto r = encode(sample20(), small);
    CHECK(r.ec == errc::buffer_too_small);
    CHECK(r.offset == 163);
    CHECK(encoded_size(sample30()) == 229);
}

TEST_CASE("CMPP_SUBMIT_RESP: Result 1 byte in 2.0, 4 in 3.0") {
    cmpp::submit_resp r;
    r.sequence_id = 7;
    r.msg_id = 0x0123456789abcdefull;
    r.result = 8;
    CHECK(cmpp_test::encoded(r) == unhex("00 00 00 15 80 00 00 04 00 00 00 07 01 23 45 67 89 ab cd ef 08"));
    r.ver = cmpp::version::v30;
    r.result = 13;
    const std::string b30 = unhex("00 00 00 18 80 00 00 04 00 00 00 07 01 23 45 67 89 ab cd ef 00 00 00 0d");
    CHECK(cmpp_test::encoded(r) == b30);
    cmpp::submit_resp d;
    REQUIRE(cmpp::decode(b30, d, cmpp::version::v30));
    CHECK(d.msg_id == 0x0123456789abcdefull);
    CHECK(d.result == 13);
    CHECK(cmpp::decode(b30, d, cmpp::version::v20).ec == errc::trailing_bytes);
}

TEST_CASE("CMPP_SUBMIT encode and decode allocate nothing") {
    byte buf[512];
    cmpp::submit d;
    const cmpp::submit s = sample30();
    test::alloc_counter guard;
    auto e = encode(s, buf);
    auto r = cmpp::decode(bytes(buf, e.offset), d, cmpp::version::v30);
    std::size_t n = 0;
    for (std::string_view id : d.dest_terminal_ids) n += id.size();
    CHECK(guard.count() == 0);
    CHECK(e);
    CHECK(r);
    CHECK(n == 24);
}
