#include "smsgw/cmpp/long_sms.hpp"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "test.hpp"

using smsgw::byte;
using smsgw::errc;
using smsgw::result;
using smsgw::test::bytes_of;
using smsgw::test::string_of;
namespace cmpp = smsgw::cmpp;

namespace {
std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}
// A received segment over `content`, which a temporary can be: it lives until the end of the
// add() call, and the reassembler copies what it keeps.
cmpp::received_segment in(std::string_view source, std::string_view destination, int tp_udhi, int msg_fmt,
                          const std::string& content) {
    return {source, destination, static_cast<std::uint8_t>(tp_udhi), static_cast<std::uint8_t>(msg_fmt),
            smsgw::bytes(std::string_view(content))};
}
cmpp::received_segment in(std::string_view source, std::string_view destination, int tp_udhi, int msg_fmt,
                          smsgw::bytes content) {
    return {source, destination, static_cast<std::uint8_t>(tp_udhi), static_cast<std::uint8_t>(msg_fmt), content};
}

const std::string zhong = "\xE4\xB8\xAD";       // 中 U+4E2D, UTF-16BE 4E 2D
const std::string grin = "\xF0\x9F\x98\x80";    // U+1F600, UTF-16BE D8 3D DE 00

struct split_all {
    std::vector<cmpp::segment> segments;
    std::vector<byte> storage;
    result r;
};
split_all split(std::string_view text, const cmpp::split_options& o) {
    split_all s;
    s.segments.resize(300);
    s.storage.resize(300 * 160);
    std::size_t n = 0;
    s.r = cmpp::split(text, o, s.storage, s.segments, n);
    s.segments.resize(n);
    std::size_t total = 0;
    for (const auto& seg : s.segments) total += seg.msg_content.size();
    CHECK(total == cmpp::splitter(text, o).encoded_size());
    if (s.r) CHECK(s.r.offset == total);
    return s;
}
}  // namespace

TEST_CASE("UCS-2: 70 characters fit one message, without UDH") {
    const std::string text = repeat(zhong, 70);
    const auto s = split(text, {});
    REQUIRE(s.r);
    CHECK(s.r.offset == 140);
    REQUIRE(s.segments.size() == 1);
    const cmpp::segment& seg = s.segments[0];
    CHECK(seg.pk_total == 1);
    CHECK(seg.pk_number == 1);
    CHECK(seg.tp_udhi == 0);
    CHECK(seg.msg_fmt == 8);
    CHECK(seg.text == text);
    CHECK(string_of(seg.msg_content) == repeat(bytes_of({0x4E, 0x2D}), 70));
}

TEST_CASE("UCS-2: 71 characters make 67 + 4 with the 6-byte UDH 05 00 03") {
    const std::string text = repeat(zhong, 71);
    cmpp::split_options o;
    o.reference = 0xA7;
    const auto s = split(text, o);
    REQUIRE(s.r);
    REQUIRE(s.segments.size() == 2);
    CHECK(string_of(s.segments[0].msg_content) == bytes_of({0x05, 0x00, 0x03, 0xA7, 0x02, 0x01}) + repeat(bytes_of({0x4E, 0x2D}), 67));
    CHECK(string_of(s.segments[1].msg_content) == bytes_of({0x05, 0x00, 0x03, 0xA7, 0x02, 0x02}) + repeat(bytes_of({0x4E, 0x2D}), 4));
    CHECK(s.segments[0].msg_content.size() == 140);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(s.segments[i].pk_total == 2);
        CHECK(s.segments[i].pk_number == i + 1);
        CHECK(s.segments[i].tp_udhi == 1);
    }
    CHECK(s.segments[0].text == repeat(zhong, 67));
    CHECK(s.segments[1].text == repeat(zhong, 4));
}

TEST_CASE("UCS-2 with the 16-bit reference: UDH 06 08 04, 66 characters per segment (G9)") {
    const std::string text = repeat("a", 133);
    cmpp::split_options o;
    o.reference_size = cmpp::concat_reference::ref16;
    o.reference = 0x1234;
    const auto s = split(text, o);
    REQUIRE(s.r);
    REQUIRE(s.segments.size() == 3);
    CHECK(string_of(s.segments[0].msg_content) == bytes_of({0x06, 0x08, 0x04, 0x12, 0x34, 0x03, 0x01}) + repeat(bytes_of({0, 'a'}), 66));
    CHECK(string_of(s.segments[2].msg_content) == bytes_of({0x06, 0x08, 0x04, 0x12, 0x34, 0x03, 0x03}) + bytes_of({0, 'a'}));
    CHECK(s.segments[0].msg_content.size() == 139);
}

TEST_CASE("a surrogate pair is never split across segments (G24)") {
    // 66 characters, then U+1F600 whose two units would be units 67 and 68.
    const std::string text = repeat(zhong, 66) + grin + repeat(zhong, 10);
    const auto s = split(text, {});
    REQUIRE(s.r);
    REQUIRE(s.segments.size() == 2);
    CHECK(s.segments[0].msg_content.size() == 6 + 132);
    CHECK(s.segments[0].text == repeat(zhong, 66));
    CHECK(string_of(s.segments[1].msg_content) ==
          bytes_of({0x05, 0x00, 0x03, 0x00, 0x02, 0x02, 0xD8, 0x3D, 0xDE, 0x00}) + repeat(bytes_of({0x4E, 0x2D}), 10));
    // 35 pairs are 70 units: still one message; 36 are not.
    CHECK(split(repeat(grin, 35), {}).segments.size() == 1);
    const std::string pairs = repeat(grin, 36);
    const auto more = split(pairs, {});
    REQUIRE(more.segments.size() == 2);
    CHECK(more.segments[0].text == repeat(grin, 33));  // 66 units: a 34th pair would need 68
}

TEST_CASE("ASCII (Msg_Fmt 0): 159 bytes single, 153 per segment (152 with a 16-bit reference)") {
    cmpp::split_options o;
    o.msg_fmt = cmpp::msg_fmt_ascii;
    auto s = split(repeat("x", 159), o);
    REQUIRE(s.segments.size() == 1);
    CHECK(s.segments[0].msg_content.size() == 159);
    CHECK(s.segments[0].msg_fmt == 0);
    s = split(repeat("x", 160), o);
    REQUIRE(s.segments.size() == 2);
    CHECK(s.segments[0].msg_content.size() == 159);
    CHECK(string_of(s.segments[1].msg_content) == bytes_of({0x05, 0x00, 0x03, 0x00, 0x02, 0x02}) + "xxxxxxx");
    o.reference_size = cmpp::concat_reference::ref16;
    s = split(repeat("x", 305), o);
    REQUIRE(s.segments.size() == 3);
    CHECK(s.segments[0].text.size() == 152);
    CHECK(s.segments[0].msg_content.size() == 159);
    CHECK(s.segments[2].text.size() == 1);

    const auto bad = split("abc" + zhong, {cmpp::msg_fmt_ascii, cmpp::concat_reference::ref8, 0});
    CHECK(bad.r == result{errc::bad_character, 3});
    const auto late = split(repeat("y", 200) + "\x80", {cmpp::msg_fmt_ascii, cmpp::concat_reference::ref8, 0});
    CHECK(late.r == result{errc::bad_character, 200});
}

TEST_CASE("binary (Msg_Fmt 4): 140 single, 134 per segment, any byte") {
    cmpp::split_options o;
    o.msg_fmt = cmpp::msg_fmt_binary;
    std::string data;
    for (int i = 0; i < 141; ++i) data.push_back(static_cast<char>(0xFF - i));
    auto s = split(std::string_view(data.data(), 140), o);
    REQUIRE(s.segments.size() == 1);
    CHECK(string_of(s.segments[0].msg_content) == data.substr(0, 140));
    s = split(data, o);
    REQUIRE(s.segments.size() == 2);
    CHECK(string_of(s.segments[0].msg_content) == bytes_of({5, 0, 3, 0, 2, 1}) + data.substr(0, 134));
    CHECK(string_of(s.segments[1].msg_content) == bytes_of({5, 0, 3, 0, 2, 2}) + data.substr(134));
    o.reference_size = cmpp::concat_reference::ref16;
    s = split(data, o);
    REQUIRE(s.segments.size() == 2);
    CHECK(s.segments[0].text.size() == 133);
}

TEST_CASE("GB text (Msg_Fmt 15): 140 bytes single, 134 per segment, never inside a character") {
    cmpp::split_options o;
    o.msg_fmt = cmpp::msg_fmt_gb;
    auto s = split(repeat(zhong, 70), o);  // 中 is D6 D0
    REQUIRE(s.segments.size() == 1);
    CHECK(s.segments[0].tp_udhi == 0);
    CHECK(s.segments[0].msg_fmt == 15);
    CHECK(string_of(s.segments[0].msg_content) == repeat("\xD6\xD0", 70));
    s = split(repeat(zhong, 71), o);
    REQUIRE(s.segments.size() == 2);
    CHECK(string_of(s.segments[0].msg_content) == bytes_of({5, 0, 3, 0, 2, 1}) + repeat("\xD6\xD0", 67));
    CHECK(string_of(s.segments[1].msg_content) == bytes_of({5, 0, 3, 0, 2, 2}) + repeat("\xD6\xD0", 4));
    // One ASCII byte first: the 67th character would end at byte 135, so the segment holds 133.
    const std::string ascii_first = "a" + repeat(zhong, 70);  // the segments' text views it
    s = split(ascii_first, o);
    REQUIRE(s.segments.size() == 2);
    CHECK(s.segments[0].msg_content.size() == 6 + 133);
    CHECK(s.segments[0].text == "a" + repeat(zhong, 66));
    // U+1F600 takes GB18030's four bytes 94 39 FC 36; ASCII one.
    s = split(grin + "ok", o);
    REQUIRE(s.segments.size() == 1);
    CHECK(string_of(s.segments[0].msg_content) == "\x94\x39\xFC\x36ok");
    o.reference_size = cmpp::concat_reference::ref16;
    s = split(repeat(zhong, 67), o);
    REQUIRE(s.segments.size() == 1);
    const std::string seventy_one = repeat(zhong, 71);
    s = split(seventy_one, o);
    REQUIRE(s.segments.size() == 2);
    CHECK(s.segments[0].text == repeat(zhong, 66));  // 133 bytes after the 7-byte UDH: 66 characters
    // U+E5E5 is the one code point GB18030 lacks.
    const result r = cmpp::splitter(repeat(zhong, 3) + "\xEE\x97\xA5", o).status();
    CHECK(r == result{errc::unmappable, 9, "Msg_Content"});
}

TEST_CASE("decode_text and encode_text: Msg_Content of each text format to and from UTF-8") {
    auto decode = [](std::uint8_t fmt, std::string_view content, smsgw::mode m = smsgw::mode::strict) {
        char buf[64];
        smsgw::writer w(buf, sizeof buf);
        const result r = cmpp::decode_text(fmt, smsgw::bytes(content), w, m);
        return r ? std::string(buf, w.size()) : "<" + std::string(r.message()) + " at " + std::to_string(r.offset) + ">";
    };
    auto encode = [](std::uint8_t fmt, std::string_view text) {
        char buf[64];
        smsgw::writer w(buf, sizeof buf);
        const result r = cmpp::encode_text(fmt, text, w);
        return r ? std::string(buf, w.size()) : "<" + std::string(r.message()) + " at " + std::to_string(r.offset) + ">";
    };
    const std::string error_at_4 = "<" + std::string(smsgw::error_category_impl::describe(errc::bad_sequence)) + " at 4>";
    CHECK(decode(cmpp::msg_fmt_gb, "\xC4\xE3\xBA\xC3!") == "你好!");
    CHECK(decode(cmpp::msg_fmt_gb, "\x81\x30\x8B\x37\xA2\xE3") == "ÿ€");
    CHECK(decode(cmpp::msg_fmt_gb, "\xC4\xE3\xBA\xC3\x81\x20") == error_at_4);
    CHECK(decode(cmpp::msg_fmt_gb, "\xC4\xE3\xBA\xC3\x81\x20", smsgw::mode::tolerant) == "你好\xEF\xBF\xBD ");
    CHECK(decode(cmpp::msg_fmt_ucs2, "\x4F\x60\x59\x7D") == "你好");
    CHECK(decode(cmpp::msg_fmt_ucs2, std::string_view("\xD8\x3D\xDE\x00", 4)) == grin);
    CHECK(decode(cmpp::msg_fmt_ucs2, std::string_view("\x00" "a\xDC\x00\x00" "b", 6), smsgw::mode::tolerant) ==
          "a\xEF\xBF\xBD" "b");
    CHECK(decode(cmpp::msg_fmt_ucs2, std::string_view("\x00" "a\xD8\x3D\x00", 5), smsgw::mode::tolerant) == "a\xEF\xBF\xBD");
    CHECK(decode(cmpp::msg_fmt_ascii, "hello") == "hello");
    CHECK(decode(cmpp::msg_fmt_ascii, "h\xE9", smsgw::mode::tolerant) == "h\xEF\xBF\xBD");
    CHECK(encode(cmpp::msg_fmt_gb, "你好!") == "\xC4\xE3\xBA\xC3!");
    CHECK(encode(cmpp::msg_fmt_ucs2, "你好") == "\x4F\x60\x59\x7D");
    CHECK(encode(cmpp::msg_fmt_ascii, "hi") == "hi");

    smsgw::writer sink;
    result r = cmpp::decode_text(cmpp::msg_fmt_ascii, smsgw::bytes(std::string_view("h\xE9")), sink);
    CHECK(r == result{errc::bad_character, 1, "Msg_Content"});
    CHECK(cmpp::decode_text(cmpp::msg_fmt_ucs2, smsgw::bytes(std::string_view("\xDC\x00", 2)), sink) == result{errc::invalid_utf16, 0, "Msg_Content"});
    CHECK(cmpp::decode_text(cmpp::msg_fmt_ucs2, smsgw::bytes(std::string_view("\x4F\x60\x59")), sink) == result{errc::truncated, 2, "Msg_Content"});
    CHECK(cmpp::decode_text(cmpp::msg_fmt_gb, smsgw::bytes(std::string_view("ab\xC4")), sink) == result{errc::truncated, 2, "Msg_Content"});
    r = cmpp::decode_text(cmpp::msg_fmt_binary, smsgw::bytes(std::string_view("x")), sink);
    CHECK(r == result{errc::out_of_range, 0, "Msg_Fmt"});
    CHECK(cmpp::encode_text(cmpp::msg_fmt_ascii, "h\xC3\xA9", sink) == result{errc::bad_character, 1, "Msg_Content"});
    CHECK(cmpp::encode_text(cmpp::msg_fmt_gb, "a\xEE\x97\xA5", sink) == result{errc::unmappable, 1, "Msg_Content"});
    CHECK(cmpp::encode_text(cmpp::msg_fmt_ucs2, "a\xC0\xAF", sink).ec == errc::invalid_utf8);
    CHECK(cmpp::encode_text(9, "a", sink).ec == errc::out_of_range);
    CHECK(cmpp::is_text_format(15));
    CHECK_FALSE(cmpp::is_text_format(4));
}

TEST_CASE("an empty text is one empty message") {
    const auto s = split("", {});
    REQUIRE(s.r);
    REQUIRE(s.segments.size() == 1);
    CHECK(s.segments[0].msg_content.empty());
    CHECK(s.segments[0].tp_udhi == 0);
}

TEST_CASE("splitter errors carry their offset") {
    CHECK(cmpp::splitter(repeat(zhong, 80) + "\xE4\xB8", {}).status() == result{errc::invalid_utf8, 240});
    CHECK(cmpp::splitter("ab\xC0\xAF", {}).status() == result{errc::invalid_utf8, 2});
    CHECK(cmpp::splitter(repeat("a", 255 * 67), {}).count() == 255);
    CHECK(cmpp::splitter(repeat("a", 255 * 67 + 1), {}).status() == result{errc::too_many, 255 * 67});
    cmpp::split_options o;
    o.reference = 256;
    result r = cmpp::splitter("x", o).status();
    CHECK(r == result{errc::out_of_range, 0, "reference"});
    o.reference_size = cmpp::concat_reference::ref16;
    CHECK(cmpp::splitter("x", o).status());
    o.msg_fmt = 9;
    r = cmpp::splitter("x", o).status();
    CHECK(r == result{errc::out_of_range, 0, "Msg_Fmt"});
    cmpp::splitter failed("x", o);
    CHECK(failed.count() == 0);
    CHECK(failed.done());
    byte buf[140];
    smsgw::writer w(buf);
    cmpp::segment seg;
    CHECK(failed.next(w, seg).ec == errc::out_of_range);
}

TEST_CASE("lazy splitting: one segment per call, buffer_too_small when it does not fit") {
    const std::string text = repeat(zhong, 100);
    cmpp::splitter parts(text, {});
    REQUIRE(parts.status());
    REQUIRE(parts.count() == 2);
    byte small[100];
    smsgw::writer w(small);
    cmpp::segment seg;
    CHECK(parts.next(w, seg) == result{errc::buffer_too_small, 140});
    CHECK(seg.msg_content.empty());
    CHECK(parts.encoded_size() == 140 + 6 + 66);
    byte buf[140];
    smsgw::writer w1(buf);
    REQUIRE(parts.next(w1, seg));  // the same segment again
    CHECK(seg.pk_number == 1);
    CHECK(seg.msg_content.size() == 140);
    smsgw::writer w2(buf);
    REQUIRE(parts.next(w2, seg));
    CHECK(seg.pk_number == 2);
    CHECK(seg.msg_content.size() == 6 + 66);
    CHECK(parts.done());
    smsgw::writer w3(buf);
    CHECK(parts.next(w3, seg) == result{errc::too_many, text.size()});

    std::vector<cmpp::segment> few(1);
    std::vector<byte> storage(1000);
    std::size_t n = 99;
    CHECK(cmpp::split(text, {}, storage, few, n) == result{errc::too_many, 2});
    CHECK(n == 0);
    std::vector<cmpp::segment> enough(2);
    storage.resize(150);
    CHECK(cmpp::split(text, {}, storage, enough, n) == result{errc::buffer_too_small, 140 + 72});
    CHECK(n == 0);
}

// ---- reassembly -----------------------------------------------------------------------------

namespace {
struct fixture {
    cmpp::reassembly_slot slots[4];
    byte pool[4096];
    cmpp::reassembler r{slots, pool};
};
}  // namespace

TEST_CASE("segments reassemble in shuffled order, from the UDH alone") {
    std::string text;
    for (int i = 0; i < 300; ++i) text += i % 3 == 0 ? zhong : i % 3 == 1 ? std::string("k") : grin;
    cmpp::split_options o;
    o.reference = 77;
    auto s = split(text, o);
    REQUIRE(s.r);
    REQUIRE(s.segments.size() > 4);
    std::mt19937 rng(20261123);
    for (int round = 0; round < 5; ++round) {
        std::shuffle(s.segments.begin(), s.segments.end(), rng);
        fixture f;
        cmpp::reassembly_status st;
        for (std::size_t i = 0; i < s.segments.size(); ++i) {
            const auto& seg = s.segments[i];
            // Pk_total/Pk_number are not consulted (G7): pass them wrong on purpose.
            REQUIRE(f.r.add(in("13800138000", "10658888", seg.tp_udhi, seg.msg_fmt, seg.msg_content), i, st));
            CHECK(st.what == (i + 1 == s.segments.size() ? cmpp::reassembly_status::state::complete
                                                          : cmpp::reassembly_status::state::waiting));
        }
        CHECK(f.r.slot(st.slot).source() == "13800138000");
        CHECK(f.r.slot(st.slot).destination() == "10658888");
        CHECK(f.r.slot(st.slot).reference() == 77);
        CHECK(f.r.slot(st.slot).msg_fmt() == 8);
        std::vector<byte> out(40000);
        smsgw::writer w{smsgw::mutable_bytes(out)};
        const result t = f.r.take(st.slot, w);
        REQUIRE(t);
        std::vector<byte> utf8(40000);
        smsgw::writer back{smsgw::mutable_bytes(utf8)};
        REQUIRE(smsgw::codec::utf8::from_utf16be(smsgw::bytes(out.data(), t.offset), back));
        CHECK(std::string(reinterpret_cast<const char*>(utf8.data()), back.size()) == text);
        CHECK(f.r.pool_used() == 0);
        CHECK_FALSE(f.r.slot(st.slot).in_use());
    }
}

TEST_CASE("GB text split, shuffled and reassembled reads back as the UTF-8 it came from") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += i % 4 == 0 ? grin : i % 4 == 1 ? std::string("k") : zhong;
    cmpp::split_options o;
    o.msg_fmt = cmpp::msg_fmt_gb;
    o.reference = 9;
    auto s = split(text, o);
    REQUIRE(s.r);
    REQUIRE(s.segments.size() > 3);
    std::mt19937 rng(20261202);
    std::shuffle(s.segments.begin(), s.segments.end(), rng);
    fixture f;
    cmpp::reassembly_status st;
    for (std::size_t i = 0; i < s.segments.size(); ++i) {
        const auto& seg = s.segments[i];
        REQUIRE(f.r.add(in("13800138000", "10658888", seg.tp_udhi, seg.msg_fmt, seg.msg_content), i, st));
    }
    REQUIRE(st.what == cmpp::reassembly_status::state::complete);
    CHECK(f.r.slot(st.slot).msg_fmt() == cmpp::msg_fmt_gb);
    std::vector<byte> gb(40000);
    smsgw::writer w{smsgw::mutable_bytes(gb)};
    const result t = f.r.take(st.slot, w);
    REQUIRE(t);
    std::vector<byte> utf8(40000);
    smsgw::writer back{smsgw::mutable_bytes(utf8)};
    REQUIRE(cmpp::decode_text(cmpp::msg_fmt_gb, smsgw::bytes(gb.data(), t.offset), back));
    CHECK(std::string(reinterpret_cast<const char*>(utf8.data()), back.size()) == text);
}

TEST_CASE("same reference, different totals or parties: separate messages (G8)") {
    fixture f;
    cmpp::reassembly_status a;
    cmpp::reassembly_status b;
    cmpp::reassembly_status c;
    cmpp::reassembly_status d;
    REQUIRE(f.r.add(in("A", "D", 1, 0, bytes_of({5, 0, 3, 5, 2, 1}) + "a1"), 0, a));
    REQUIRE(f.r.add(in("A", "D", 1, 0, bytes_of({5, 0, 3, 5, 3, 1}) + "b1"), 0, b));
    REQUIRE(f.r.add(in("B", "D", 1, 0, bytes_of({5, 0, 3, 5, 2, 1}) + "c1"), 0, c));
    REQUIRE(f.r.add(in("A", "D", 1, 0, bytes_of({6, 8, 4, 0, 5, 2, 1}) + "d1"), 0, d));
    CHECK(a.slot != b.slot);
    CHECK(a.slot != c.slot);
    CHECK(a.slot != d.slot);
    REQUIRE(f.r.add(in("A", "D", 1, 0, bytes_of({5, 0, 3, 5, 2, 2}) + "a2"), 0, a));
    CHECK(a.what == cmpp::reassembly_status::state::complete);
    char buf[8];
    smsgw::writer w(buf, sizeof buf);
    REQUIRE(f.r.take(a.slot, w));
    CHECK(std::string_view(buf, w.size()) == "a1a2");
    CHECK(f.r.slot(b.slot).received() == 1);
    CHECK(f.r.slot(b.slot).total() == 3);
    CHECK(f.r.pool_used() == 3 * (5 + 2));
}

TEST_CASE("duplicates are errors at the segment number's offset; the first copy stays") {
    fixture f;
    cmpp::reassembly_status st;
    REQUIRE(f.r.add(in("A", "D", 1, 8, bytes_of({5, 0, 3, 1, 2, 2}) + "xx"), 0, st));
    CHECK(f.r.add(in("A", "D", 1, 8, bytes_of({5, 0, 3, 1, 2, 2}) + "yy"), 0, st) == result{errc::duplicate_segment, 5});
    REQUIRE(f.r.add(in("A", "D", 1, 8, bytes_of({6, 8, 4, 1, 1, 2, 1}) + "zz"), 0, st));
    CHECK(f.r.add(in("A", "D", 0x40, 8, bytes_of({6, 8, 4, 1, 1, 2, 1}) + "zz"), 0, st) == result{errc::duplicate_segment, 6});
    // With another element first, the offset follows the concatenation element.
    REQUIRE(f.r.add(in("A", "D", 1, 8, bytes_of({9, 0x70, 2, 0, 0, 0, 3, 1, 3, 1}) + "p"), 0, st));
    CHECK(f.r.add(in("A", "D", 1, 8, bytes_of({9, 0x70, 2, 0, 0, 0, 3, 1, 3, 1}) + "p"), 0, st) ==
          result{errc::duplicate_segment, 9});
}

TEST_CASE("gaps: take reports the first missing segment, or writes what is there on request") {
    fixture f;
    cmpp::reassembly_status st;
    REQUIRE(f.r.add(in("A", "D", 1, 0, bytes_of({5, 0, 3, 1, 4, 1}) + "one "), 10, st));
    REQUIRE(f.r.add(in("A", "D", 1, 0, bytes_of({5, 0, 3, 1, 4, 4}) + "four"), 11, st));
    CHECK(st.what == cmpp::reassembly_status::state::waiting);
    const cmpp::reassembly_slot& slot = f.r.slot(st.slot);
    CHECK(slot.first_missing() == 2);
    CHECK(slot.has(1));
    CHECK_FALSE(slot.has(3));
    CHECK(slot.text_size() == 8);
    CHECK(slot.first_seen() == 10);
    char buf[16];
    smsgw::writer w(buf, sizeof buf);
    CHECK(f.r.take(st.slot, w) == result{errc::missing_segment, 2});
    CHECK(slot.in_use());
    REQUIRE(f.r.add(in("A", "D", 1, 0, bytes_of({5, 0, 3, 1, 4, 2}) + "two "), 12, st));
    CHECK(f.r.take(st.slot, w) == result{errc::missing_segment, 3});
    smsgw::writer tiny(buf, 4);
    CHECK(f.r.take(st.slot, tiny, true) == result{errc::buffer_too_small, 12});
    CHECK(slot.in_use());
    REQUIRE(f.r.take(st.slot, w, true));
    CHECK(std::string_view(buf, w.size()) == "one two four");
    CHECK_FALSE(slot.in_use());
    CHECK(f.r.take(st.slot, w) == result{errc::out_of_range, 0, "slot"});
    CHECK(f.r.take(99, w).ec == errc::out_of_range);
}

TEST_CASE("expire hands over and drops messages first seen before a time") {
    fixture f;
    cmpp::reassembly_status old_one;
    cmpp::reassembly_status new_one;
    REQUIRE(f.r.add(in("A", "D", 1, 0, bytes_of({5, 0, 3, 1, 2, 1}) + "old"), 100, old_one));
    REQUIRE(f.r.add(in("B", "D", 1, 0, bytes_of({5, 0, 3, 1, 2, 1}) + "new"), 200, new_one));
    std::vector<std::size_t> seen;
    std::string partial;
    const std::size_t n = f.r.expire(150, [&](std::size_t slot) {
        seen.push_back(slot);
        char buf[8];
        smsgw::writer w(buf, sizeof buf);
        if (f.r.take(slot, w, true)) partial.assign(buf, w.size());
    });
    CHECK(n == 1);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0] == old_one.slot);
    CHECK(partial == "old");
    CHECK(f.r.slot(new_one.slot).in_use());
    CHECK(f.r.pool_used() == 5 + 3);
    CHECK(f.r.expire(150, [](std::size_t) {}) == 0);
    f.r.drop(new_one.slot);
    CHECK(f.r.pool_used() == 0);
}

TEST_CASE("storage limits: slots and pool, nothing half-stored") {
    cmpp::reassembly_slot one[1];
    byte pool[20];
    cmpp::reassembler r(one, pool);
    cmpp::reassembly_status st;
    REQUIRE(r.add(in("A", "D", 1, 0, bytes_of({5, 0, 3, 1, 2, 1}) + "12345"), 0, st));
    CHECK(r.add(in("B", "D", 1, 0, bytes_of({5, 0, 3, 1, 2, 1}) + "x"), 0, st) == result{errc::storage_full, 0});
    CHECK(r.add(in("A", "D", 1, 0, bytes_of({5, 0, 3, 1, 2, 2}) + "123456789"), 0, st) == result{errc::storage_full, 0});
    CHECK(r.pool_used() == 10);
    CHECK(r.slot(0).received() == 1);
    REQUIRE(r.add(in("A", "D", 1, 0, bytes_of({5, 0, 3, 1, 2, 2}) + "12345"), 0, st));
    CHECK(st.what == cmpp::reassembly_status::state::complete);
    CHECK(r.pool_used() == 20);

    cmpp::reassembly_slot none[1];
    byte no_pool[4];
    cmpp::reassembler tight(none, no_pool);
    CHECK(tight.add(in("A", "D", 1, 0, bytes_of({5, 0, 3, 1, 2, 1})), 0, st) == result{errc::storage_full, 0});
    CHECK_FALSE(tight.slot(0).in_use());
}

TEST_CASE("single messages pass through; a total of 1 completes at once; keys are bounded") {
    fixture f;
    cmpp::reassembly_status st;
    REQUIRE(f.r.add(in("A", "D", 0, 8, std::string_view("plain")), 0, st));
    CHECK(st.what == cmpp::reassembly_status::state::single);
    CHECK(string_of(st.text) == "plain");
    const std::string ported = bytes_of({6, 5, 4, 0, 1, 0, 2}) + "ported";  // st.text views it
    REQUIRE(f.r.add(in("A", "D", 1, 8, ported), 0, st));
    CHECK(st.what == cmpp::reassembly_status::state::single);
    CHECK(string_of(st.text) == "ported");
    CHECK(st.text.data() == reinterpret_cast<const byte*>(ported.data()) + 7);
    CHECK(f.r.pool_used() == 0);
    REQUIRE(f.r.add(in("A", "D", 1, 8, bytes_of({5, 0, 3, 1, 1, 1}) + "solo"), 0, st));
    CHECK(st.what == cmpp::reassembly_status::state::complete);
    const std::string long_id(33, '1');
    result r = f.r.add(in(long_id, "D", 1, 8, bytes_of({5, 0, 3, 2, 2, 1})), 0, st);
    CHECK(r == result{errc::field_too_long, 0, "source"});
    r = f.r.add(in("A", long_id, 1, 8, bytes_of({5, 0, 3, 2, 2, 1})), 0, st);
    CHECK(std::string(r.field) == "destination");
    CHECK(f.r.add(in(std::string(32, '1'), std::string(32, '2'), 1, 8, bytes_of({5, 0, 3, 2, 2, 1})), 0, st));
    CHECK(f.r.add(in("A", "D", 1, 8, bytes_of({5, 0, 3, 1, 2, 0})), 0, st) == result{errc::bad_udh, 5});
    CHECK(f.r.add(in("A", "D", 3, 8, std::string_view("x")), 0, st).ec == errc::out_of_range);
}

TEST_CASE("splitting and reassembly allocate nothing") {
    const std::string text = repeat(zhong, 200);
    cmpp::segment segs[4];
    byte storage[4 * 140];
    cmpp::reassembly_slot slots[2];
    byte pool[1024];
    byte out[600];
    smsgw::test::alloc_counter guard;
    std::size_t n = 0;
    bool ok = cmpp::split(text, {}, storage, segs, n) && n == 3;
    cmpp::reassembler r(slots, pool);
    cmpp::reassembly_status st;
    for (std::size_t i = n; i-- > 0;) ok = ok && r.add(in("A", "D", segs[i].tp_udhi, 8, segs[i].msg_content), 0, st);
    smsgw::writer w(out);
    ok = ok && st.what == cmpp::reassembly_status::state::complete && r.take(st.slot, w) && w.size() == 400;
    cmpp::splitter lazy(text, {cmpp::msg_fmt_ucs2, cmpp::concat_reference::ref16, 300});
    while (ok && !lazy.done()) {
        smsgw::writer one(storage);
        cmpp::segment seg;
        ok = static_cast<bool>(lazy.next(one, seg));
    }
    CHECK(guard.count() == 0);
    CHECK(ok);
}
