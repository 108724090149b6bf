#include "smsgw/charset/convert.hpp"

#include <map>
#include <string>
#include <vector>

#include "charset_test.hpp"

// Every pointer of every index decodes to its code point, and every Unicode scalar value
// encodes to what the Standard's encoder gives it, computed here from the index files by the
// Standard's algorithms (not from the generated tables). Each direction is one conversion of
// all of it, tolerant (html substitutes on encoding), compared with the expected whole.
using namespace charset_test;

namespace {

bool scalar(char32_t cp) { return cp < 0xD800 || (cp > 0xDFFF && cp <= 0x10FFFF); }

std::string ncr(char32_t cp) { return "&#" + std::to_string(static_cast<unsigned long>(cp)) + ";"; }

std::string two(unsigned lead, unsigned trail) {
    return std::string{static_cast<char>(lead), static_cast<char>(trail)};
}

std::string gb_bytes(std::uint32_t pointer) {
    const unsigned t = pointer % 190;
    return two(pointer / 190 + 0x81, t + (t < 0x3F ? 0x40 : 0x41));
}

std::string big5_bytes(std::uint32_t pointer) {
    const unsigned t = pointer % 157;
    return two(pointer / 157 + 0x81, t + (t < 0x3F ? 0x40 : 0x62));
}

std::string four(std::uint32_t pointer) {
    std::string b(4, '\0');
    b[0] = static_cast<char>(pointer / 12600 + 0x81);
    b[1] = static_cast<char>(pointer % 12600 / 1260 + 0x30);
    b[2] = static_cast<char>(pointer % 1260 / 10 + 0x81);
    b[3] = static_cast<char>(pointer % 10 + 0x30);
    return b;
}

// index gb18030 ranges code point / pointer (Encoding Standard §5), 0 / none for null.
char32_t ranges_code_point(const std::map<std::uint32_t, char32_t>& ranges, std::uint32_t pointer) {
    if ((pointer > 39419 && pointer < 189000) || pointer > 1237575) return 0;
    if (pointer == 7457) return 0xE7C7;
    auto it = std::prev(ranges.upper_bound(pointer));
    return it->second + (pointer - it->first);
}
std::uint32_t ranges_pointer(const std::map<char32_t, std::uint32_t>& by_code_point, char32_t cp) {
    if (cp == 0xE7C7) return 7457;
    if (cp >= 0x10000) return 189000 + (cp - 0x10000);
    auto it = std::prev(by_code_point.upper_bound(cp));
    return it->second + (cp - it->first);
}

const std::string& all_scalars_utf8() {
    static const std::string s = [] {
        std::string all;
        for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp)
            if (scalar(cp)) all += utf8(cp);
        return all;
    }();
    return s;
}

cs::encode_options html() {
    cs::encode_options o = tolerant();
    o.html = true;
    return o;
}

}  // namespace

TEST_CASE("gbk and gb18030 decode every two-byte and four-byte pointer of the index") {
    const auto index = read_index("index-gb18030.txt");
    const auto ranges = read_index("index-gb18030-ranges.txt");
    if (index.empty()) {
        WARN("../shared/corpora/whatwg-encoding not found: index test skipped");
        return;
    }
    REQUIRE(index.size() == 23940);
    std::string in;
    std::string expect;
    for (const auto& [pointer, cp] : index) {
        in += gb_bytes(pointer);
        expect += utf8(cp);
    }
    for (auto e : {cs::encoding::gbk, cs::encoding::gb18030}) {
        const converted d = decode(e, in);
        CHECK(d.r.ok());
        CHECK(difference(d.out, expect) == "");
    }
    // Every four-byte sequence 81 30 81 30 .. FE 39 FE 39: the ranges, U+E7C7 at 7457, and an
    // error for the rest (the whole four bytes consumed).
    in.clear();
    expect.clear();
    std::size_t mapped = 0;
    for (std::uint32_t pointer = 0; pointer < 126 * 12600; ++pointer) {
        in += four(pointer);
        const char32_t cp = ranges_code_point(ranges, pointer);
        expect += utf8(cp != 0 ? cp : 0xFFFD);
        mapped += cp != 0;
    }
    CHECK(mapped == 39420 + 1048576);
    const converted d = decode(cs::encoding::gbk, in, mode::tolerant);
    CHECK(d.r.ok());
    CHECK(d.r.replaced == 126 * 12600 - mapped);
    CHECK(difference(d.out, expect) == "");
    CHECK(decode(cs::encoding::gb18030, four(39420)).r == smsgw::fail(errc::unmappable, 0));
    CHECK(decode(cs::encoding::gb18030, "ab" + four(1237576)).r == smsgw::fail(errc::unmappable, 2));
    CHECK(decode(cs::encoding::gb18030, four(1237575)).out == utf8(0x10FFFF));
}

TEST_CASE("gbk and gb18030 encode every scalar value as the Standard's encoder does") {
    const auto index = read_index("index-gb18030.txt");
    const auto ranges = read_index("index-gb18030-ranges.txt");
    if (index.empty()) {
        WARN("../shared/corpora/whatwg-encoding not found: index test skipped");
        return;
    }
    // index gb18030 pointer: the first pointer of a code point (-1: none), by code point.
    std::vector<std::int32_t> first(0x110000, -1);
    for (const auto& [pointer, cp] : index)
        if (first[cp] < 0) first[cp] = static_cast<std::int32_t>(pointer);
    // The encoder's GB18030-2022 table (§10.2.2 step 5).
    const std::map<char32_t, std::string> pua = {
        {0xE78D, "\xA6\xD9"}, {0xE78E, "\xA6\xDA"}, {0xE78F, "\xA6\xDB"}, {0xE790, "\xA6\xDC"}, {0xE791, "\xA6\xDD"},
        {0xE792, "\xA6\xDE"}, {0xE793, "\xA6\xDF"}, {0xE794, "\xA6\xEC"}, {0xE795, "\xA6\xED"}, {0xE796, "\xA6\xF3"},
        {0xE81E, "\xFE\x59"}, {0xE826, "\xFE\x61"}, {0xE82B, "\xFE\x66"}, {0xE82C, "\xFE\x67"}, {0xE832, "\xFE\x6D"},
        {0xE843, "\xFE\x7E"}, {0xE854, "\xFE\x90"}, {0xE864, "\xFE\xA0"}};
    std::map<char32_t, std::uint32_t> by_code_point;
    for (const auto& [pointer, cp] : ranges) by_code_point.emplace(cp, pointer);
    std::string expect_gb18030;
    std::string expect_gbk;
    for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
        if (!scalar(cp)) continue;
        if (cp == 0xE5E5) {
            expect_gb18030 += ncr(cp);
            expect_gbk += ncr(cp);
            continue;
        }
        std::string b;
        if (auto p = pua.find(cp); p != pua.end()) {
            b = p->second;
        } else if (first[cp] >= 0) {
            b = gb_bytes(static_cast<std::uint32_t>(first[cp]));
        }
        expect_gbk += cp == 0x20AC ? std::string("\x80") : b.empty() ? ncr(cp) : b;
        expect_gb18030 += b.empty() ? four(ranges_pointer(by_code_point, cp)) : b;
    }
    const std::string all = all_scalars_utf8();
    const converted gb = encode(cs::encoding::gb18030, all, html());
    CHECK(gb.r.ok());
    CHECK(gb.r.replaced == 1);
    CHECK(difference(gb.out, expect_gb18030) == "");
    const converted gbk = encode(cs::encoding::gbk, all, html());
    CHECK(gbk.r.ok());
    CHECK(difference(gbk.out, expect_gbk) == "");
    CHECK(encode(cs::encoding::gb18030, "\xEE\x97\xA5").r == smsgw::fail(errc::unmappable, 0));
    CHECK(encode(cs::encoding::gb18030, "\xEE\x97\xA5").r.code_point == 0xE5E5);
    CHECK(hex(encode(cs::encoding::gb18030, "\u3000").out) == "a1 a1");  // not a3 a0
    CHECK(hex(encode(cs::encoding::gb18030, "\u20AC").out) == "a2 e3");
    CHECK(hex(encode(cs::encoding::gbk, "\u20AC").out) == "80");
    CHECK(hex(encode(cs::encoding::gb18030, "\uE7C7").out) == "81 35 f4 37");
    CHECK(hex(encode(cs::encoding::gb18030, "\U00010000").out) == "90 30 81 30");
    CHECK(hex(encode(cs::encoding::gb18030, "\U0010FFFF").out) == "e3 32 9a 35");
    CHECK(hex(decode(cs::encoding::gbk, "\x80").out) == "e2 82 ac");
}

TEST_CASE("big5 decodes every pointer of the index, and refuses the empty ones") {
    const auto index = read_index("index-big5.txt");
    if (index.empty()) {
        WARN("../shared/corpora/whatwg-encoding not found: index test skipped");
        return;
    }
    // Four pointers the index leaves out decode to two code points each (§11.1.1 step 3.3).
    const std::map<std::uint32_t, std::string> specials = {
        {1133, "\u00CA\u0304"}, {1135, "\u00CA\u030C"}, {1164, "\u00EA\u0304"}, {1166, "\u00EA\u030C"}};
    std::string in;
    std::string expect;
    std::size_t astral = 0;
    for (std::uint32_t pointer = 0; pointer < 126 * 157; ++pointer) {
        const std::string b = big5_bytes(pointer);
        in += b;
        const auto it = index.find(pointer);
        if (const auto two = specials.find(pointer); two != specials.end()) {
            expect += two->second;
        } else if (it != index.end()) {
            expect += utf8(it->second);
            astral += it->second > 0xFFFF;
        } else {
            // An ASCII trail byte is read again after the error.
            expect += utf8(0xFFFD);
            if (static_cast<unsigned char>(b[1]) < 0x80) expect += b[1];
        }
    }
    CHECK(astral == 1713);
    const converted d = decode(cs::encoding::big5, in, mode::tolerant);
    CHECK(d.r.ok());
    CHECK(d.r.replaced == 126 * 157 - index.size() - specials.size());
    CHECK(difference(d.out, expect) == "");
    CHECK(hex(decode(cs::encoding::big5, "\x88\x62\x88\x64").out) == "c3 8a cc 84 c3 8a cc 8c");
}

TEST_CASE("big5 encodes every scalar value as the Standard's encoder does") {
    const auto index = read_index("index-big5.txt");
    if (index.empty()) {
        WARN("../shared/corpora/whatwg-encoding not found: index test skipped");
        return;
    }
    // index Big5 pointer: HKSCS's pointers below (0xA1 - 0x81) * 157 left out; the last pointer
    // of six code points, the first of any other.
    std::vector<std::int32_t> pointer_of(0x110000, -1);
    for (const auto& [pointer, cp] : index) {
        if (pointer < (0xA1 - 0x81) * 157) continue;
        const bool last = cp == 0x2550 || cp == 0x255E || cp == 0x2561 || cp == 0x256A || cp == 0x5341 || cp == 0x5345;
        if (last || pointer_of[cp] < 0) pointer_of[cp] = static_cast<std::int32_t>(pointer);
    }
    std::string expect;
    for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
        if (!scalar(cp)) continue;
        expect += pointer_of[cp] >= 0 ? big5_bytes(static_cast<std::uint32_t>(pointer_of[cp])) : ncr(cp);
    }
    const converted e = encode(cs::encoding::big5, all_scalars_utf8(), html());
    CHECK(e.r.ok());
    CHECK(difference(e.out, expect) == "");
    CHECK(hex(encode(cs::encoding::big5, "\u2550\u5341").out) == "f9 f9 a4 51");
    // HKSCS's lead bytes 0x81-0xA0 decode but are never written: U+43F0 (pointer 942, 87 40).
    CHECK(hex(decode(cs::encoding::big5, "\x87\x40").out) == "e4 8f b0");
    CHECK(encode(cs::encoding::big5, "x\u43F0").r == smsgw::fail(errc::unmappable, 1));
}

TEST_CASE("windows-1252 decodes all 256 bytes and encodes what its index holds") {
    const auto index = read_index("index-windows-1252.txt");
    if (index.empty()) {
        WARN("../shared/corpora/whatwg-encoding not found: index test skipped");
        return;
    }
    std::string in;
    std::string expect;
    std::map<char32_t, unsigned> byte_of;
    for (unsigned b = 0; b < 256; ++b) {
        in.push_back(static_cast<char>(b));
        const char32_t cp = b < 0x80 ? b : index.at(b - 0x80);
        expect += utf8(cp);
        byte_of.emplace(cp, b);
    }
    const converted d = decode(cs::encoding::windows_1252, in);
    CHECK(d.r.ok());
    CHECK(difference(d.out, expect) == "");
    std::string encoded;
    for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
        if (!scalar(cp)) continue;
        const auto it = byte_of.find(cp);
        encoded += it != byte_of.end() ? std::string(1, static_cast<char>(it->second)) : ncr(cp);
    }
    const converted e = encode(cs::encoding::windows_1252, all_scalars_utf8(), html());
    CHECK(e.r.ok());
    CHECK(difference(e.out, encoded) == "");
}
