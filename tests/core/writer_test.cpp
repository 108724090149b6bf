#include "smsgw/core/writer.hpp"

#include <string>

#include "smsgw/core/fixed_field.hpp"
#include "smsgw/core/reader.hpp"
#include "test.hpp"

using smsgw::byte;
using smsgw::errc;

namespace demo {
// A message type as a module defines it, to exercise the generic front ends.
struct ping {
    std::uint32_t sequence_id;
    std::string_view note;
};
inline smsgw::result encode(const ping& p, smsgw::writer& w) {
    w.put_be32(p.sequence_id);
    if (auto r = smsgw::write_fixed(w, p.note, 6, smsgw::pad::nul_right, "note"); !r) return r;
    return w.finish();
}
}  // namespace demo

TEST_CASE("writer writes into the buffer and reports the size") {
    byte buf[16];
    smsgw::writer w(buf);
    w.put(byte{1});
    w.put('A');
    w.write(std::string_view("bc"));
    w.put_be16(0x0203);
    w.put_be32(0x04050607);
    w.fill(0xEE, 2);
    auto r = w.finish();
    REQUIRE(r);
    CHECK(r.offset == 12);
    const byte expect[] = {1, 'A', 'b', 'c', 2, 3, 4, 5, 6, 7, 0xEE, 0xEE};
    CHECK(std::equal(expect, expect + 12, buf));
}

TEST_CASE("writer never writes past its buffer and counts what is needed") {
    byte buf[6] = {0, 0, 0, 0, 0, 0x55};
    smsgw::writer w(smsgw::mutable_bytes(buf, 5));
    w.write(std::string_view("abcd"));
    w.put_be32(0x01020304);  // does not fit: counted, not written
    w.put('z');              // would fit in the hole, but output is already broken: still counted
    CHECK(w.overflowed());
    auto r = w.finish();
    CHECK(r.ec == errc::buffer_too_small);
    CHECK(r.offset == 9);
    CHECK(buf[5] == 0x55);
}

TEST_CASE("writer without a buffer measures") {
    smsgw::writer w;
    w.put_be64(1);
    w.write(std::string_view("xyz"));
    CHECK(w.size() == 11);
    CHECK(w.claim(4) == nullptr);
    CHECK(w.size() == 15);
}

TEST_CASE("patch_be32 rewrites a length known at the end") {
    byte buf[8];
    smsgw::writer w(buf);
    w.put_be32(0);
    w.put_be32(0xAABBCCDD);
    w.patch_be32(0, static_cast<std::uint32_t>(w.size()));
    CHECK(smsgw::load_be32(buf) == 8);
    smsgw::writer small(smsgw::mutable_bytes(buf, 2));
    small.put_be32(0);
    small.patch_be32(0, 7);  // outside the buffer: ignored, never written
    CHECK(small.overflowed());
}

TEST_CASE("generic encode, encoded_size and encode_append") {
    demo::ping p{7, "hi"};
    CHECK(smsgw::encoded_size(p) == 10);

    byte buf[10];
    auto r = smsgw::encode(p, buf);
    REQUIRE(r);
    CHECK(r.offset == 10);
    smsgw::reader rd(smsgw::bytes(buf, 10));
    CHECK(rd.be32() == 7);
    CHECK(rd.take(6) == std::string_view("hi\0\0\0\0", 6));

    byte small[9];
    r = smsgw::encode(p, small);
    CHECK(r.ec == errc::buffer_too_small);
    CHECK(r.offset == 10);

    std::string s = "prefix";
    REQUIRE(smsgw::encode_append(p, s));
    CHECK(s.size() == 16);
    CHECK(s.substr(0, 6) == "prefix");

    demo::ping too_long{1, "1234567"};
    std::string t = "keep";
    r = smsgw::encode_append(too_long, t);
    CHECK(r.ec == errc::field_too_long);
    CHECK(std::string(r.field) == "note");
    CHECK(t == "keep");
}

TEST_CASE("a writer over bytes, chars or a span of bytes") {
    byte b[4];
    char c[4];
    smsgw::writer over_bytes(b, sizeof b);
    smsgw::writer over_chars(c, sizeof c);
    smsgw::writer over_span{smsgw::mutable_bytes(b)};
    over_bytes.write("abcd");
    over_chars.write("ab");
    over_chars.write("cde");  // does not fit: not written, counted
    CHECK(over_bytes.finish() == smsgw::result{errc{}, 4});
    CHECK(std::string_view(c, 2) == "ab");
    CHECK(over_chars.finish() == smsgw::result{errc::buffer_too_small, 5});
    CHECK(over_span.capacity() == 4);
}

TEST_CASE("write_append: a decoder's output appended to a string") {
    std::string s = "<";
    const auto upper = [](std::string_view in) {
        return [in](smsgw::writer& w) {
            for (char c : in) w.put(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
            return w.finish();
        };
    };
    REQUIRE(smsgw::write_append(s, upper("hello")) == smsgw::result{errc{}, 5});
    CHECK(s == "<HELLO");
    const auto refuse = [](smsgw::writer& w) {
        w.write("partial");
        return smsgw::fail(errc::bad_character, 3, "x");
    };
    const smsgw::result r = smsgw::write_append(s, refuse);
    CHECK(r == smsgw::result{errc::bad_character, 3, "x"});
    CHECK(s == "<HELLO");  // kept as it was
}

TEST_CASE("encoding into a caller buffer allocates nothing") {
    demo::ping p{42, "abc"};
    byte buf[32];
    smsgw::test::alloc_counter allocs;
    auto r = smsgw::encode(p, buf);
    auto n = smsgw::encoded_size(p);
    CHECK(allocs.count() == 0);
    CHECK(r);
    CHECK(n == 10);
}
