#include "smsgw/cmpp/report.hpp"

#include <string>

#include "test.hpp"

using smsgw::errc;
using smsgw::result;
using smsgw::test::bytes_of;
namespace cmpp = smsgw::cmpp;

namespace {
std::string padded(std::string s, std::size_t n) {
    s.resize(n, '\0');
    return s;
}

// Table 8.11, byte by byte: Msg_Id, Stat 7, Submit_time 10, Done_time 10, Dest_terminal_Id 21, SMSC_sequence 4.
const std::string report60 = bytes_of({0x11, 0x0C, 0x41, 0x40, 0x03, 0xE9, 0x00, 0x01}) + "DELIVRD" + "2311231058" +
                             "2311231059" + padded("8613800138000", 21) + bytes_of({0x00, 0x00, 0x01, 0x02});
// CMPP 3.0.0 layout: Dest_terminal_Id 32, here filled to its last byte (G11).
const std::string report71 = bytes_of({0xBB, 0xAB, 0xA1, 0xC1, 0x34, 0xFD, 0x12, 0x34}) + "MA:0054" + "2311231058" +
                             "2311231100" + "12345678901234567890123456789012" + bytes_of({0x80, 0x00, 0x00, 0x01});

std::string encoded(const cmpp::status_report& r) {
    std::string out;
    REQUIRE(smsgw::encode_append(r, out));
    return out;
}
}  // namespace

TEST_CASE("a 60-byte status report decodes field by field and re-encodes byte for byte") {
    REQUIRE(report60.size() == 60);
    cmpp::status_report r;
    const result d = decode(smsgw::bytes(report60), r);
    REQUIRE(d);
    CHECK(d.offset == 60);
    CHECK(r.layout == cmpp::report_layout::bytes60);
    CHECK(r.msg_id == 0x110C414003E90001);
    CHECK(r.stat == "DELIVRD");
    CHECK(r.submit_time == "2311231058");
    CHECK(r.done_time == "2311231059");
    CHECK(r.dest_terminal_id == "8613800138000");
    CHECK(r.smsc_sequence == 0x102);
    CHECK(encoded(r) == report60);
    CHECK(smsgw::encoded_size(r) == 60);
}

TEST_CASE("a 71-byte status report (CMPP 3.0.0, 32-byte Dest_terminal_Id)") {
    REQUIRE(report71.size() == 71);
    cmpp::status_report r;
    REQUIRE(decode(smsgw::bytes(report71), r));
    CHECK(r.layout == cmpp::report_layout::bytes71);
    CHECK(r.dest_terminal_id == "12345678901234567890123456789012");
    CHECK(r.smsc_sequence == 0x80000001);
    CHECK(r.stat == "MA:0054");
    CHECK(encoded(r) == report71);
    CHECK(cmpp::report_size(r.layout) == 71);
    CHECK(cmpp::dest_terminal_id_size(r.layout) == 32);
}

TEST_CASE("bytes after a NUL inside a field survive the round trip (G12)") {
    std::string in = report60;
    in[8 + 2] = '\0';  // Stat "DE\0IVRD"
    cmpp::status_report r;
    REQUIRE(decode(smsgw::bytes(in), r));
    CHECK(r.stat == std::string_view("DE\0IVRD", 7));
    CHECK(encoded(r) == in);
}

TEST_CASE("the content size picks the layout; other sizes are errors with offsets (G4)") {
    cmpp::status_report r;
    CHECK(decode(smsgw::bytes(report60.substr(0, 59)), r) == result{errc::truncated, 59});
    CHECK(decode(smsgw::bytes(std::string_view()), r) == result{errc::truncated, 0});
    CHECK(decode(smsgw::bytes(report60 + "12345"), r) == result{errc::invalid_length, 60});
    CHECK(decode(smsgw::bytes(report71.substr(0, 70)), r) == result{errc::invalid_length, 60});
    CHECK(decode(smsgw::bytes(report71 + "x"), r) == result{errc::trailing_bytes, 71});
}

TEST_CASE("the encoder refuses what does not fit, naming the field") {
    cmpp::status_report r;
    REQUIRE(decode(smsgw::bytes(report60), r));
    std::string out;

    cmpp::status_report bad = r;
    bad.stat = "DELIVERED";
    result e = smsgw::encode_append(bad, out);
    CHECK(e == result{errc::field_too_long, 8, "Stat"});

    bad = r;
    bad.submit_time = "231123105800";
    e = smsgw::encode_append(bad, out);
    CHECK(e == result{errc::field_too_long, 15, "Submit_time"});

    bad = r;
    bad.done_time = "23112310590";
    e = smsgw::encode_append(bad, out);
    CHECK(e == result{errc::field_too_long, 25, "Done_time"});

    bad = r;
    bad.dest_terminal_id = "1234567890123456789012";  // 22 > 21 in the 60-byte layout
    e = smsgw::encode_append(bad, out);
    CHECK(e == result{errc::field_too_long, 35, "Dest_terminal_Id"});
    bad.layout = cmpp::report_layout::bytes71;
    CHECK(smsgw::encode_append(bad, out));
    CHECK(out.size() == 71);

    CHECK(out.size() == 71);  // nothing appended by the failures
    smsgw::byte small[59];
    CHECK(smsgw::encode(r, smsgw::mutable_bytes(small)) == result{errc::buffer_too_small, 60});
}

TEST_CASE("every Stat of table 8.12 and of CMPP 3.0's family") {
    struct word_case {
        std::string_view text;
        cmpp::stat kind;
    };
    const word_case words[] = {
        {"DELIVRD", cmpp::stat::delivrd}, {"EXPIRED", cmpp::stat::expired}, {"DELETED", cmpp::stat::deleted},
        {"UNDELIV", cmpp::stat::undeliv}, {"ACCEPTD", cmpp::stat::acceptd}, {"UNKNOWN", cmpp::stat::unknown},
        {"REJECTD", cmpp::stat::rejectd},
    };
    for (const auto& w : words) {
        const cmpp::stat_info s = cmpp::parse_stat(w.text);
        CHECK(s.kind == w.kind);
        CHECK(s.code.empty());
        CHECK(cmpp::stat_text(w.kind) == w.text);
    }
    const word_case family[] = {
        {"MA", cmpp::stat::ma}, {"MB", cmpp::stat::mb}, {"MC", cmpp::stat::mc}, {"CA", cmpp::stat::ca},
        {"CB", cmpp::stat::cb}, {"DA", cmpp::stat::da}, {"DB", cmpp::stat::db}, {"SA", cmpp::stat::sa},
        {"SB", cmpp::stat::sb}, {"IA", cmpp::stat::ia}, {"IB", cmpp::stat::ib}, {"IC", cmpp::stat::ic},
    };
    for (const auto& f : family) {
        const std::string value = std::string(f.text) + ":0013";
        const cmpp::stat_info s = cmpp::parse_stat(value);
        CHECK(s.kind == f.kind);
        CHECK(s.code == "0013");
        CHECK(cmpp::stat_text(f.kind) == f.text);
    }
    CHECK(cmpp::parse_stat("MA:1").code == "1");
    // Outside both lists: kept verbatim by the report, classified as other.
    for (std::string_view other : {"AF:4", "", "delivrd", "DELIVR", "MA:", "MA:12345", "XX:0001", "MA-0001", "DELIVRDX"}) {
        const cmpp::stat_info s = cmpp::parse_stat(other);
        CHECK(s.kind == cmpp::stat::other);
        CHECK(s.code.empty());
    }
    CHECK(cmpp::stat_text(cmpp::stat::other).empty());

    std::string in = report60;
    in.replace(8, 7, padded("AF:4", 7));
    cmpp::status_report r;
    REQUIRE(decode(smsgw::bytes(in), r));
    CHECK(r.stat == "AF:4");
    CHECK(cmpp::parse_stat(r.stat).kind == cmpp::stat::other);
    CHECK(encoded(r) == in);
}

TEST_CASE("report times are text, parsed on request") {
    cmpp::report_time t;
    result r = cmpp::parse_report_time("2311231058", t);
    REQUIRE(r);
    CHECK(r.offset == 10);
    CHECK(t.year == 23);
    CHECK(t.month == 11);
    CHECK(t.day == 23);
    CHECK(t.hour == 10);
    CHECK(t.minute == 58);
    REQUIRE(cmpp::parse_report_time("0001010000", t));  // placeholder seen in the wild (G13)
    CHECK(t.year == 0);
    CHECK(t.month == 1);

    CHECK(cmpp::parse_report_time("231123105", t) == result{errc::invalid_length, 0});
    CHECK(cmpp::parse_report_time("231123105800", t) == result{errc::invalid_length, 0});
    CHECK(cmpp::parse_report_time("23a1231058", t) == result{errc::bad_character, 2});
    CHECK(cmpp::parse_report_time("231123105 ", t) == result{errc::bad_character, 9});
    struct range_case {
        std::string_view text;
        std::size_t offset;
        const char* field;
    };
    const range_case ranges[] = {
        {"2300231058", 2, "month"}, {"2313231058", 2, "month"}, {"2311001058", 4, "day"},
        {"2311321058", 4, "day"},   {"2311232458", 6, "hour"},  {"2311231060", 8, "minute"},
    };
    for (const auto& c : ranges) {
        r = cmpp::parse_report_time(c.text, t);
        CHECK(r == result{errc::out_of_range, c.offset, c.field});
    }

    char buf[10];
    smsgw::writer w(buf, sizeof buf);
    REQUIRE(cmpp::format_report_time({9, 1, 2, 3, 4}, w));
    CHECK(std::string_view(buf, 10) == "0901020304");
    smsgw::writer w2(buf, sizeof buf);
    r = cmpp::format_report_time({9, 13, 2, 3, 4}, w2);
    CHECK(r == result{errc::out_of_range, 0, "month"});
    smsgw::writer w3(buf, 5);
    CHECK(cmpp::format_report_time({99, 12, 31, 23, 59}, w3) == result{errc::buffer_too_small, 10});
}

// Tables 8.18 and 8.35: Msg_Id, Stat 7, CMPP_DELIVER_time 10, CMPP_DELIVER_RESP_time 10, Dest_Id 21, Reserved 4.
TEST_CASE("the FWD MO report decodes and re-encodes byte for byte") {
    const std::string mo = bytes_of({0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x30, 0x39}) + "REJECTD" + "2311231058" +
                           "2311231058" + padded("10658888", 21) + bytes_of({0x01, 0x00, 0x00, 0x00});
    REQUIRE(mo.size() == 60);
    cmpp::mo_status_report r;
    const result d = decode(smsgw::bytes(mo), r);
    REQUIRE(d);
    CHECK(d.offset == 60);
    CHECK(r.msg_id == 12345);
    CHECK(cmpp::parse_stat(r.stat).kind == cmpp::stat::rejectd);
    CHECK(r.cmpp_deliver_time == "2311231058");
    CHECK(r.cmpp_deliver_resp_time == "2311231058");
    CHECK(r.dest_id == "10658888");
    CHECK(r.reserved == std::string_view("\x01", 1));
    std::string out;
    REQUIRE(smsgw::encode_append(r, out));
    CHECK(out == mo);

    CHECK(decode(smsgw::bytes(mo.substr(0, 59)), r) == result{errc::truncated, 59});
    CHECK(decode(smsgw::bytes(mo.substr(0, 8)), r) == result{errc::truncated, 8});
    CHECK(decode(smsgw::bytes(mo + std::string(1, '\0')), r) == result{errc::trailing_bytes, 60});

    REQUIRE(decode(smsgw::bytes(mo), r));
    cmpp::mo_status_report bad = r;
    bad.stat = "SB:00001";
    result e = smsgw::encode_append(bad, out);
    CHECK(e == result{errc::field_too_long, 8, "Stat"});
    bad = r;
    bad.cmpp_deliver_time = "23112310580";
    CHECK(std::string(smsgw::encode_append(bad, out).field) == "CMPP_DELIVER_time");
    bad = r;
    bad.cmpp_deliver_resp_time = "23112310580";
    e = smsgw::encode_append(bad, out);
    CHECK(e == result{errc::field_too_long, 25, "CMPP_DELIVER_RESP_time"});
    bad = r;
    bad.dest_id = "1234567890123456789012";
    e = smsgw::encode_append(bad, out);
    CHECK(e == result{errc::field_too_long, 35, "Dest_Id"});
    bad = r;
    bad.reserved = "12345";
    e = smsgw::encode_append(bad, out);
    CHECK(e == result{errc::field_too_long, 56, "Reserved"});
    CHECK(out == mo);
}

TEST_CASE("reports decode and encode without allocating") {
    smsgw::byte buf[71];
    cmpp::status_report r;
    cmpp::mo_status_report m;
    cmpp::report_time t;
    smsgw::test::alloc_counter guard;
    const bool ok = decode(smsgw::bytes(report71), r) && smsgw::encode(r, smsgw::mutable_bytes(buf)) &&
                    decode(smsgw::bytes(report60), r) && smsgw::encode(r, smsgw::mutable_bytes(buf)) &&
                    decode(smsgw::bytes(buf, 60), m) && smsgw::encode(m, smsgw::mutable_bytes(buf)) &&
                    cmpp::parse_report_time(r.submit_time, t) && cmpp::parse_stat(r.stat).kind == cmpp::stat::delivrd;
    CHECK(guard.count() == 0);
    CHECK(ok);
}
