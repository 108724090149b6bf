#include "smsgw/cmpp/msg_id.hpp"

#include <string>

#include "test.hpp"

using smsgw::errc;
using smsgw::cmpp::msg_id_parts;

namespace {
// Bits written out by hand, most significant first (table 8.7: bit64..bit1):
// 0001 00010 00011 000100 000101 0000000000001111101001 0000000000000001
constexpr std::uint64_t id_a = 0x110C414003E90001;  // 01-02 03:04:05, gateway 1001 (北京 001001), sequence 1
// 1100 11111 10111 111011 111011 1111111111111111111111 1111111111111111
constexpr std::uint64_t id_b = 0xCFDFBEFFFFFFFFFF;  // 12-31 23:59:59, every gateway and sequence bit set
// 1011 10111 01010 111010 000111 0000010011010011111101 0001001000110100
constexpr std::uint64_t id_c = 0xBBABA1C134FD1234;  // 11-23 10:58:07, gateway 79101 (江西 079101), sequence 0x1234
}  // namespace

TEST_CASE("Msg_Id bit layout matches hand-computed values") {
    const msg_id_parts a{1, 2, 3, 4, 5, 1001, 1};
    const msg_id_parts b{12, 31, 23, 59, 59, 0x3FFFFF, 0xFFFF};
    const msg_id_parts c{11, 23, 10, 58, 7, 79101, 0x1234};
    std::uint64_t id = 0;
    REQUIRE(smsgw::cmpp::pack_msg_id(a, id));
    CHECK(id == id_a);
    REQUIRE(smsgw::cmpp::pack_msg_id(b, id));
    CHECK(id == id_b);
    REQUIRE(smsgw::cmpp::pack_msg_id(c, id));
    CHECK(id == id_c);
    CHECK(smsgw::cmpp::unpack_msg_id(id_a) == a);
    CHECK(smsgw::cmpp::unpack_msg_id(id_b) == b);
    CHECK(smsgw::cmpp::unpack_msg_id(id_c) == c);
    static_assert(smsgw::cmpp::unpack_msg_id(id_a).gateway == 1001, "usable in constant expressions");
}

TEST_CASE("each Msg_Id part occupies exactly its bits") {
    std::uint64_t id = 0;
    msg_id_parts p{1, 1, 0, 0, 0, 0, 0};
    REQUIRE(smsgw::cmpp::pack_msg_id(p, id));
    CHECK(id == ((std::uint64_t{1} << 60) | (std::uint64_t{1} << 55)));
    p.sequence = 1;
    REQUIRE(smsgw::cmpp::pack_msg_id(p, id));
    CHECK((id & 0xFFFF) == 1);
    p.gateway = 1;
    REQUIRE(smsgw::cmpp::pack_msg_id(p, id));
    CHECK(((id >> 16) & 0x3FFFFF) == 1);  // bit17
    p.second = 1;
    REQUIRE(smsgw::cmpp::pack_msg_id(p, id));
    CHECK(((id >> 38) & 0x3F) == 1);  // bit39
    p.minute = 1;
    REQUIRE(smsgw::cmpp::pack_msg_id(p, id));
    CHECK(((id >> 44) & 0x3F) == 1);  // bit45
    p.hour = 1;
    REQUIRE(smsgw::cmpp::pack_msg_id(p, id));
    CHECK(((id >> 50) & 0x1F) == 1);  // bit51
}

TEST_CASE("pack_msg_id refuses parts outside their range and leaves the id alone") {
    const msg_id_parts good{6, 15, 12, 30, 30, 100, 7};
    struct bad_case {
        msg_id_parts p;
        const char* field;
    };
    const bad_case cases[] = {
        {{0, 15, 12, 30, 30, 100, 7}, "month"},   {{13, 15, 12, 30, 30, 100, 7}, "month"},
        {{6, 0, 12, 30, 30, 100, 7}, "day"},      {{6, 32, 12, 30, 30, 100, 7}, "day"},
        {{6, 15, 24, 30, 30, 100, 7}, "hour"},    {{6, 15, 12, 60, 30, 100, 7}, "minute"},
        {{6, 15, 12, 30, 60, 100, 7}, "second"},  {{6, 15, 12, 30, 30, 0x400000, 7}, "gateway"},
    };
    for (const auto& c : cases) {
        std::uint64_t id = 42;
        const auto r = smsgw::cmpp::pack_msg_id(c.p, id);
        CHECK(r.ec == errc::out_of_range);
        CHECK(r.offset == 0);
        CHECK(std::string(r.field) == c.field);
        CHECK(id == 42);
        CHECK(smsgw::cmpp::check_msg_id(c.p).ec == errc::out_of_range);
    }
    CHECK(smsgw::cmpp::check_msg_id(good));
}

TEST_CASE("unpacking never fails, even on ASCII in Msg_Id (G14)") {
    // "31949790" as sent by a peer that fills Msg_Id with text.
    const auto p = smsgw::cmpp::unpack_msg_id(0x3331393439373930);
    CHECK(p.month == 3);
    CHECK(p.sequence == 0x3930);
    CHECK(smsgw::cmpp::check_msg_id(p));  // it even looks plausible; the id is a number first
    const auto q = smsgw::cmpp::unpack_msg_id(~std::uint64_t{0});
    CHECK(q.month == 15);
    CHECK(smsgw::cmpp::check_msg_id(q).ec == errc::out_of_range);
}

TEST_CASE("22-digit text form round-trips") {
    char buf[22];
    smsgw::writer w(buf, sizeof buf);
    REQUIRE(smsgw::cmpp::format_msg_id(smsgw::cmpp::unpack_msg_id(id_c), w));
    CHECK(std::string_view(buf, 22) == "1123105807007910104660");
    msg_id_parts back;
    auto r = smsgw::cmpp::parse_msg_id_text(std::string_view(buf, 22), back);
    REQUIRE(r);
    CHECK(r.offset == 22);
    CHECK(back == smsgw::cmpp::unpack_msg_id(id_c));

    smsgw::writer all_ones(buf, sizeof buf);
    REQUIRE(smsgw::cmpp::format_msg_id(smsgw::cmpp::unpack_msg_id(~std::uint64_t{0}), all_ones));
    CHECK(std::string_view(buf, 22) == "1531316363419430365535");

    smsgw::writer small(buf, 10);
    r = smsgw::cmpp::format_msg_id(back, small);
    CHECK(r.ec == errc::buffer_too_small);
    CHECK(r.offset == 22);
}

TEST_CASE("22-digit text errors carry their offset") {
    msg_id_parts p;
    CHECK(smsgw::cmpp::parse_msg_id_text("112310580700791010466", p) == smsgw::result{errc::invalid_length, 0});
    CHECK(smsgw::cmpp::parse_msg_id_text("11231058070079101046600", p) == smsgw::result{errc::invalid_length, 0});
    CHECK(smsgw::cmpp::parse_msg_id_text("1123105807007910x04660", p) == smsgw::result{errc::bad_character, 16});
    auto r = smsgw::cmpp::parse_msg_id_text("1623105807007910104660", p);
    CHECK(r == smsgw::result{errc::out_of_range, 0, "month"});
    r = smsgw::cmpp::parse_msg_id_text("1123105807419430465535", p);
    CHECK(r == smsgw::result{errc::out_of_range, 10, "gateway"});
    r = smsgw::cmpp::parse_msg_id_text("1123105807007910165536", p);
    CHECK(r == smsgw::result{errc::out_of_range, 17, "sequence"});
}

TEST_CASE("Msg_Id helpers allocate nothing") {
    smsgw::test::alloc_counter guard;
    std::uint64_t id = 0;
    char buf[22];
    smsgw::writer w(buf, sizeof buf);
    msg_id_parts p;
    const bool ok = smsgw::cmpp::pack_msg_id({1, 2, 3, 4, 5, 6, 7}, id) &&
                    smsgw::cmpp::format_msg_id(smsgw::cmpp::unpack_msg_id(id), w) &&
                    smsgw::cmpp::parse_msg_id_text(std::string_view(buf, 22), p);
    CHECK(guard.count() == 0);
    CHECK(ok);
}
