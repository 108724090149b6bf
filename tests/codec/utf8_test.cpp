#include "smsgw/codec/utf8.hpp"

#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "test.hpp"

using smsgw::errc;
namespace utf8 = smsgw::codec::utf8;
using smsgw::test::hex;
using smsgw::test::unhex;

namespace {

std::string utf16(std::string_view in, smsgw::result& r) {
    std::string out(in.size() * 2 + 4, '\0');
    smsgw::writer w(out.data(), out.size());
    r = utf8::to_utf16be(in, w);
    out.resize(w.size() < out.size() ? w.size() : out.size());
    return out;
}

std::string from16(std::string_view in, smsgw::result& r) {
    std::string out(in.size() * 2 + 4, '\0');
    smsgw::writer w(out.data(), out.size());
    r = utf8::from_utf16be(in, w);
    out.resize(w.size() < out.size() ? w.size() : out.size());
    return out;
}

struct bad_case {
    const char* what;
    const char* hex;     // bytes, "xx xx ..."
    std::size_t offset;  // where validate() says the ill-formed sequence starts
};

// Markus Kuhn's UTF-8 decoder capability and stress test, sections 2-5, judged by Unicode 15
// table 3-7 (well-formed byte sequences). The offset is that of the sequence's first byte,
// so the bytes before it are the longest valid prefix.
const bad_case kuhn_bad[] = {
    // 2.1/2.2 five- and six-byte forms, and the last four-byte form above U+10FFFF
    {"2.1.5 first 5-byte sequence", "f8 88 80 80 80", 0},
    {"2.1.6 first 6-byte sequence", "fc 84 80 80 80 80", 0},
    {"2.2.4 last 4-byte sequence U+1FFFFF", "f7 bf bf bf", 0},
    {"2.2.5 last 5-byte sequence", "fb bf bf bf bf", 0},
    {"2.2.6 last 6-byte sequence", "fd bf bf bf bf bf", 0},
    {"2.3.5 U+110000", "f4 90 80 80", 0},
    // 3.1 unexpected continuation bytes
    {"3.1.1 first continuation byte", "80", 0},
    {"3.1.2 last continuation byte", "bf", 0},
    {"3.1.3 two continuation bytes", "80 bf", 0},
    {"3.1.x continuation after a character", "41 c3 a9 80", 3},
    // 3.2 lonely start characters followed by a space
    {"3.2.1 2-byte start, space", "c3 20", 0},
    {"3.2.2 3-byte start, space", "e0 20", 0},
    {"3.2.3 4-byte start, space", "f0 20", 0},
    {"3.2.4 5-byte start, space", "f8 20", 0},
    {"3.2.5 6-byte start, space", "fc 20", 0},
    {"3.2.x 3-byte start, valid second, space", "e4 bd 20", 0},
    // 3.3 sequences with the last continuation byte missing, at the end of the input
    {"3.3.1 2-byte cut", "c0", 0},
    {"3.3.2 3-byte cut", "e0 80", 0},
    {"3.3.3 4-byte cut", "f0 80 80", 0},
    {"3.3.6 U+07FF cut", "df", 0},
    {"3.3.7 U+FFFF cut", "ef bf", 0},
    {"3.3.8 U+10FFFF cut", "f4 8f bf", 0},
    {"3.3.x valid 3-byte cut after text", "61 62 e4 bd", 2},
    {"3.3.x valid 4-byte cut", "f0 9f 98", 0},
    // 3.4 concatenation of the cut sequences: the first one is reported
    {"3.4 concatenated cut sequences", "c0 e0 80 f0 80 80 df ef bf f7 bf bf", 0},
    // 3.5 bytes that never occur
    {"3.5.1 fe", "fe", 0},
    {"3.5.2 ff", "ff", 0},
    {"3.5.3 fe fe ff ff", "fe fe ff ff", 0},
    // 4.1 overlong slash, 4.2 maximum overlongs, 4.3 overlong NUL
    {"4.1.1 overlong / (2 bytes)", "c0 af", 0},
    {"4.1.2 overlong / (3 bytes)", "e0 80 af", 0},
    {"4.1.3 overlong / (4 bytes)", "f0 80 80 af", 0},
    {"4.1.4 overlong / (5 bytes)", "f8 80 80 80 af", 0},
    {"4.2.1 maximum 2-byte overlong", "c1 bf", 0},
    {"4.2.2 maximum 3-byte overlong", "e0 9f bf", 0},
    {"4.2.3 maximum 4-byte overlong", "f0 8f bf bf", 0},
    {"4.3.1 overlong NUL (2 bytes)", "c0 80", 0},
    {"4.3.2 overlong NUL (3 bytes)", "e0 80 80", 0},
    {"4.3.3 overlong NUL (4 bytes)", "f0 80 80 80", 0},
    {"4.x overlong after text", "6f 6b 20 c1 81", 3},
    // 5.1 single surrogates, 5.2 paired surrogates (CESU-8)
    {"5.1.1 U+D800", "ed a0 80", 0},
    {"5.1.2 U+DB7F", "ed ad bf", 0},
    {"5.1.3 U+DB80", "ed ae 80", 0},
    {"5.1.4 U+DBFF", "ed af bf", 0},
    {"5.1.5 U+DC00", "ed b0 80", 0},
    {"5.1.6 U+DF80", "ed be 80", 0},
    {"5.1.7 U+DFFF", "ed bf bf", 0},
    {"5.2.1 U+D800 U+DC00", "ed a0 80 ed b0 80", 0},
    {"5.2.8 U+DBFF U+DFFF", "ed af bf ed bf bf", 0},
    {"5.x surrogate after a 4-byte character", "f0 9f 98 80 ed b2 80", 4},
};

struct good_case {
    const char* what;
    const char* hex;
    char32_t cp;
};

// Kuhn sections 1 and 2: boundaries that are well-formed, each one code point.
const good_case kuhn_good[] = {
    {"2.1.1 U+0000", "00", 0x0},
    {"2.1.2 U+0080", "c2 80", 0x80},
    {"2.1.3 U+0800", "e0 a0 80", 0x800},
    {"2.1.4 U+10000", "f0 90 80 80", 0x10000},
    {"2.2.1 U+007F", "7f", 0x7F},
    {"2.2.2 U+07FF", "df bf", 0x7FF},
    {"2.2.3 U+FFFF", "ef bf bf", 0xFFFF},
    {"2.3.1 U+D7FF", "ed 9f bf", 0xD7FF},
    {"2.3.2 U+E000", "ee 80 80", 0xE000},
    {"2.3.3 U+FFFD", "ef bf bd", 0xFFFD},
    {"2.3.4 U+10FFFF", "f4 8f bf bf", 0x10FFFF},
    // 5.3: noncharacters are well-formed scalar values (Unicode corrigendum #9)
    {"5.3.1 U+FFFE", "ef bf be", 0xFFFE},
    {"5.3.x U+FDD0", "ef b7 90", 0xFDD0},
};

}  // namespace

TEST_CASE("utf8: Kuhn's well-formed boundaries decode to their code point") {
    for (const auto& c : kuhn_good) {
        INFO(c.what);
        const std::string s = unhex(c.hex);
        CHECK(utf8::validate(s) == smsgw::result{errc{}, s.size()});
        std::size_t pos = 0;
        char32_t cp = 0;
        CHECK(utf8::next(s, pos, cp) == smsgw::result{errc{}, s.size()});
        CHECK(pos == s.size());
        CHECK(cp == c.cp);
        std::size_t chars = 9;
        CHECK(utf8::count(s, chars).ok());
        CHECK(chars == 1);
        char buf[4];
        smsgw::writer w(buf, sizeof buf);
        utf8::put(c.cp, w);
        CHECK(std::string(buf, w.size()) == s);
    }
    const std::string kosme = "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5";  // 1: κόσμε
    std::size_t chars = 0;
    CHECK(utf8::validate(kosme).ok());
    CHECK(utf8::count(kosme, chars).ok());
    CHECK(chars == 5);
}

TEST_CASE("utf8: Kuhn's malformed sequences are refused at the sequence's first byte") {
    for (const auto& c : kuhn_bad) {
        INFO(c.what);
        const std::string s = unhex(c.hex);
        CHECK(utf8::validate(s) == smsgw::fail(errc::invalid_utf8, c.offset));
        CHECK(utf8::validate(s.substr(0, c.offset)).ok());
        std::size_t chars = 0;
        CHECK(utf8::count(s, chars) == smsgw::fail(errc::invalid_utf8, c.offset));
        smsgw::result r;
        utf16(s, r);
        CHECK(r == smsgw::fail(errc::invalid_utf8, c.offset));
        // Behind a long ASCII run (the 8-byte fast path), the offset moves with it.
        const std::string padded = std::string(21, 'x') + s;
        CHECK(utf8::validate(padded) == smsgw::fail(errc::invalid_utf8, 21 + c.offset));
    }
}

TEST_CASE("utf8: next walks code points and stops at the bad one") {
    const std::string s = "a\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80\xc0\xaf";
    std::size_t pos = 0;
    char32_t cp = 0;
    const char32_t expect[] = {U'a', 0xE9, 0x4E2D, 0x1F600};
    const std::size_t ends[] = {1, 3, 6, 10};
    for (int i = 0; i < 4; ++i) {
        REQUIRE(utf8::next(s, pos, cp) == smsgw::result{errc{}, ends[i]});
        CHECK(cp == expect[i]);
        CHECK(pos == ends[i]);
    }
    CHECK(utf8::next(s, pos, cp) == smsgw::fail(errc::invalid_utf8, 10));
    CHECK(pos == 10);
    pos = s.size();
    CHECK(utf8::next(s, pos, cp) == smsgw::fail(errc::truncated, s.size()));
}

TEST_CASE("utf8: count counts characters, and those before an error") {
    std::size_t chars = 0;
    CHECK(utf8::count("", chars) == smsgw::result{errc{}, 0});
    CHECK(chars == 0);
    CHECK(utf8::count("\xe4\xbd\xa0\xe5\xa5\xbd, Mitake", chars).ok());
    CHECK(chars == 10);
    CHECK(utf8::count("ab\xe4\xbd\xa0\xff", chars) == smsgw::fail(errc::invalid_utf8, 5));
    CHECK(chars == 3);
}

TEST_CASE("utf8: fit cuts at a byte budget without splitting a character") {
    const std::string s = "a\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80z";  // a é 中 😀 z: boundaries 0 1 3 6 10 11
    const std::size_t expect[] = {0, 1, 1, 3, 3, 3, 6, 6, 6, 6, 10, 11, 11, 11};
    for (std::size_t max = 0; max < sizeof expect / sizeof expect[0]; ++max) {
        INFO(max);
        CHECK(utf8::fit(s, max) == expect[max]);
        CHECK(utf8::validate(s.substr(0, utf8::fit(s, max))).ok());
    }
    CHECK(utf8::fit("", 5) == 0);
    static_assert(utf8::fit("abc", 2) == 2);
}

TEST_CASE("utf8: put writes scalars and replaces what is not one") {
    auto put = [](char32_t cp) {
        char buf[8];
        smsgw::writer w(buf, sizeof buf);
        utf8::put(cp, w);
        return hex(std::string_view(buf, w.size()));
    };
    CHECK(put(U'A') == "41");
    CHECK(put(0x7FF) == "dfbf");
    CHECK(put(0x800) == "e0a080");
    CHECK(put(0x10FFFF) == "f48fbfbf");
    CHECK(put(0xD800) == "efbfbd");
    CHECK(put(0xDFFF) == "efbfbd");
    CHECK(put(0x110000) == "efbfbd");
    // A short buffer is never overrun; the size is counted.
    char small[2] = {'.', '.'};
    smsgw::writer w(small, 1);
    utf8::put(0x4E2D, w);
    CHECK(w.size() == 3);
    CHECK(small[0] == '.');
}

TEST_CASE("utf8: to UTF-16BE (CMPP Msg_Fmt 8) and back") {
    smsgw::result r;
    // 你好 U+4F60 U+597D, then 😀 U+1F600 as the surrogate pair D83D DE00.
    const std::string text = "\xe4\xbd\xa0\xe5\xa5\xbd!\xf0\x9f\x98\x80";
    const std::string ucs2 = utf16(text, r);
    CHECK(r == smsgw::result{errc{}, 10});
    CHECK(hex(ucs2) == "4f60597d0021d83dde00");
    CHECK(utf8::utf16_size(text) == 10);
    CHECK(from16(ucs2, r) == text);
    CHECK(r == smsgw::result{errc{}, text.size()});
    CHECK(utf16("", r).empty());
    CHECK(r.ok());
    CHECK(hex(utf16(std::string_view("\0\x7f\xc2\x80", 4), r)) == "0000007f0080");
    CHECK(hex(utf16("\xf4\x8f\xbf\xbf", r)) == "dbffdfff");
    CHECK(from16(unhex("db ff df ff"), r) == "\xf4\x8f\xbf\xbf");
}

TEST_CASE("utf8: from UTF-16BE refuses lone surrogates and odd lengths at their offset") {
    smsgw::result r;
    from16(unhex("00 61 dc 00 00 62"), r);
    CHECK(r == smsgw::fail(errc::invalid_utf16, 2));  // low surrogate first
    from16(unhex("00 61 d8 3d"), r);
    CHECK(r == smsgw::fail(errc::invalid_utf16, 2));  // high surrogate at the end
    from16(unhex("d8 3d 00 61"), r);
    CHECK(r == smsgw::fail(errc::invalid_utf16, 0));  // high surrogate, then not a low one
    from16(unhex("d8 3d d8 3d de 00"), r);
    CHECK(r == smsgw::fail(errc::invalid_utf16, 0));  // two highs
    from16(unhex("de 00 d8 3d"), r);
    CHECK(r == smsgw::fail(errc::invalid_utf16, 0));  // reversed pair
    from16(unhex("00 61 00"), r);
    CHECK(r == smsgw::fail(errc::truncated, 2));  // odd final byte
    from16(unhex("d8 3d de"), r);
    CHECK(r == smsgw::fail(errc::truncated, 2));  // pair cut inside its low half
    from16(unhex("4f"), r);
    CHECK(r == smsgw::fail(errc::truncated, 0));
}

TEST_CASE("utf8: conversions report the size a short buffer needs") {
    char buf[4] = {'.', '.', '.', '.'};
    smsgw::writer w(buf, 3);
    CHECK(utf8::to_utf16be("\xe4\xbd\xa0\xe5\xa5\xbd", w) == smsgw::fail(errc::buffer_too_small, 4));
    CHECK(buf[3] == '.');
    smsgw::writer measure;
    const std::string ucs2 = unhex("4f 60 d8 3d de 00");
    CHECK(utf8::from_utf16be(ucs2, measure) == smsgw::fail(errc::buffer_too_small, 7));
}

TEST_CASE("utf8: round trips of random scalars through UTF-16BE") {
    std::mt19937 rng(1321);
    for (int round = 0; round < 200; ++round) {
        std::string text;
        {
            std::string buf(4 * 64, '\0');
            smsgw::writer w(buf.data(), buf.size());
            const int n = static_cast<int>(rng() % 64);
            for (int i = 0; i < n; ++i) {
                char32_t cp;
                switch (rng() % 4) {
                case 0: cp = static_cast<char32_t>(rng() % 0x80); break;
                case 1: cp = static_cast<char32_t>(0x80 + rng() % 0x780); break;
                case 2: cp = static_cast<char32_t>(0x800 + rng() % 0xF800); break;
                default: cp = static_cast<char32_t>(0x10000 + rng() % 0x100000); break;
                }
                if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xE000;
                utf8::put(cp, w);
            }
            REQUIRE(w.finish().ok());
            text.assign(buf.data(), w.size());
        }
        REQUIRE(utf8::validate(text).ok());
        smsgw::result r;
        const std::string ucs2 = utf16(text, r);
        REQUIRE(r.ok());
        CHECK(ucs2.size() == utf8::utf16_size(text));
        CHECK(from16(ucs2, r) == text);
        CHECK(r.ok());
    }
}

TEST_CASE("utf8: nothing allocates") {
    const std::string text = "\xe4\xbd\xa0\xe5\xa5\xbd, smsgw \xf0\x9f\x98\x80 and a long ASCII tail";
    char buf[256];
    smsgw::test::alloc_counter guard;
    std::size_t pos = 0, chars = 0;
    char32_t cp;
    CHECK(utf8::validate(text).ok());
    CHECK(utf8::next(text, pos, cp).ok());
    CHECK(utf8::count(text, chars).ok());
    CHECK(utf8::fit(text, 5) == 3);
    smsgw::writer w(buf, sizeof buf);
    CHECK(utf8::to_utf16be(text, w).ok());
    smsgw::writer back(buf + w.size(), sizeof buf - w.size());
    CHECK(utf8::from_utf16be(smsgw::bytes(reinterpret_cast<const smsgw::byte*>(buf), w.size()), back).ok());
    utf8::put(0x1F600, back);
    CHECK(utf8::validate("\xc0\xaf").ec == errc::invalid_utf8);
    CHECK(guard.count() == 0);
}

#ifdef SMSGW_PYTHON3
TEST_CASE("utf8: validation, counts and UTF-16BE agree with Python's codecs on random bytes") {
    std::mt19937 rng(3629);
    // Bytes biased towards UTF-8's structure: leads, continuations, and the edges of table 3-7.
    const unsigned char pool[] = {0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2,
                                  0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff};
    std::vector<std::string> inputs;
    std::string lines;
    for (int i = 0; i < 2000; ++i) {
        std::string s;
        const int n = static_cast<int>(rng() % 12);
        for (int j = 0; j < n; ++j) s.push_back(static_cast<char>(pool[rng() % sizeof pool]));
        inputs.push_back(s);
        lines += hex(s) + "\n";
    }
    bool ok = false;
    const std::string out = smsgw::test::run_command(
        std::string(SMSGW_PYTHON3) +
            " -c \"import sys\n"
            "for h in sys.stdin.read().split('\\n')[:-1]:\n"
            "    b = bytes.fromhex(h)\n"
            "    try:\n"
            "        t = b.decode('utf-8')\n"
            "        print('ok', len(t), t.encode('utf-16-be').hex())\n"
            "    except UnicodeDecodeError as e:\n"
            "        print('bad', e.start)\"",
        lines, ok);
    REQUIRE(ok);
    std::istringstream answers(out);
    std::size_t bad = 0;
    for (const std::string& s : inputs) {
        INFO(hex(s));
        std::string verdict;
        answers >> verdict;
        if (verdict == "ok") {
            std::size_t length = 0;
            answers >> length;
            std::string expected;
            if (length != 0) answers >> expected;
            std::size_t chars = 0;
            CHECK(utf8::count(s, chars).ok());
            CHECK(chars == length);
            smsgw::result r;
            CHECK(hex(utf16(s, r)) == expected);
        } else {
            REQUIRE(verdict == "bad");
            std::size_t start = 0;
            answers >> start;
            CHECK(utf8::validate(s) == smsgw::fail(errc::invalid_utf8, start));
            ++bad;
        }
    }
    CHECK(bad > 100);
    CHECK(bad < inputs.size());
}
#endif
