#include "smsgw/core/reader.hpp"

#include "smsgw/core/endian.hpp"
#include "smsgw/core/fixed_field.hpp"
#include "test.hpp"

using smsgw::errc;

TEST_CASE("big-endian loads and stores") {
    smsgw::byte b[8];
    smsgw::store_be64(b, 0x0102030405060708ull);
    CHECK(b[0] == 1);
    CHECK(b[7] == 8);
    CHECK(smsgw::load_be64(b) == 0x0102030405060708ull);
    CHECK(smsgw::load_be32(b + 4) == 0x05060708u);
    CHECK(smsgw::load_be16(b + 6) == 0x0708);
    static_assert(smsgw::load_be16(std::array<smsgw::byte, 2>{{0xAB, 0xCD}}.data()) == 0xABCD);
}

TEST_CASE("reader reads a fixed layout") {
    const smsgw::byte in[] = {0, 0, 0, 0x1A, 0x80, 0, 0, 4, 'a', 'b', 0, 0, 0xFF};
    smsgw::reader r(in);
    CHECK(r.be32() == 0x1A);
    CHECK(r.be32() == 0x80000004u);
    CHECK(r.take(4) == std::string_view("ab\0\0", 4));
    CHECK(r.remaining() == 1);
    CHECK(r.u8() == 0xFF);
    CHECK(r.ok());
    CHECK(r.status().offset == 13);
}

TEST_CASE("a short read is a sticky truncated error at the end of input") {
    const smsgw::byte in[] = {1, 2, 3};
    smsgw::reader r(in);
    CHECK(r.be16() == 0x0102);
    CHECK(r.be32() == 0);  // only one byte left
    CHECK(!r.ok());
    CHECK(r.u8() == 0);    // sticky: nothing more is read
    CHECK(r.take(0).empty());
    auto s = r.status();
    CHECK(s.ec == errc::truncated);
    CHECK(s.offset == 3);
}

TEST_CASE("the first recorded error wins") {
    smsgw::reader r(std::string_view("abcd"));
    r.fail(errc::out_of_range, 1);
    r.fail(errc::bad_character, 2);
    CHECK(r.status().ec == errc::out_of_range);
    CHECK(r.status().offset == 1);
    CHECK(r.take(1).empty());
}

TEST_CASE("fixed fields: trimmed on read, padded on write, refused when too long") {
    using smsgw::pad;
    CHECK(smsgw::trim_fixed(std::string_view("901234\0\0\0\0", 10)) == "901234");
    CHECK(smsgw::trim_fixed(std::string_view("1234567890", 10)) == "1234567890");
    CHECK(smsgw::trim_fixed(std::string_view("ab\0cd\0", 6)) == std::string_view("ab\0cd", 5));
    CHECK(smsgw::trim_fixed(std::string_view("\0\0", 2)).empty());
    CHECK(smsgw::trim_fixed("001001", pad::zero_left) == "1001");
    CHECK(smsgw::trim_fixed("000000", pad::zero_left).empty());

    char buf[10];
    smsgw::writer w(buf, sizeof buf);
    REQUIRE(smsgw::write_fixed(w, "ab", 4));
    REQUIRE(smsgw::write_fixed(w, "1001", 6, pad::zero_left));
    CHECK(std::string_view(buf, 10) == std::string_view("ab\0\0" "001001", 10));

    smsgw::writer w2(buf, sizeof buf);
    auto r = smsgw::write_fixed(w2, "12345", 4, pad::nul_right, "src_id");
    CHECK(r.ec == errc::field_too_long);
    CHECK(std::string(r.field) == "src_id");
    CHECK(w2.size() == 0);
}

TEST_CASE("trim then pad gives back the raw field, whatever it held") {
    using smsgw::pad;
    const std::string_view raws[] = {std::string_view("ab\0cd\0\0", 7), "abcdefg", std::string_view("\0\0\0\0\0\0\0", 7),
                                     std::string_view("a\0\0\0\0\0b", 7)};
    for (auto raw : raws) {
        char buf[7];
        smsgw::writer w(buf, 7);
        REQUIRE(smsgw::write_fixed(w, smsgw::trim_fixed(raw), 7));
        CHECK(std::string_view(buf, 7) == raw);
    }
    const std::string_view zero_raws[] = {"000000", "012345", "100000", "000010"};
    for (auto raw : zero_raws) {
        char buf[6];
        smsgw::writer w(buf, 6);
        REQUIRE(smsgw::write_fixed(w, smsgw::trim_fixed(raw, pad::zero_left), 6, pad::zero_left));
        CHECK(std::string_view(buf, 6) == raw);
    }
}
