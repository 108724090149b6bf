#include "smsgw/charset/convert.hpp"

#include <string>
#include <vector>

#include "charset_test.hpp"

using namespace charset_test;

namespace {

// One malformed input: the strict refusal, and what tolerant decoding writes.
struct bad_input {
    cs::encoding enc;
    const char* in;        // hex
    errc ec;               // strict
    std::size_t offset;    // strict
    const char* tolerant;  // hex of the UTF-8 written, U+FFFD where the Standard emits an error
};

const bad_input bad_inputs[] = {
    // gb18030 / gbk: a lead byte cut short at every position, bad second, third and fourth bytes
    // (the second to fourth bytes read again), four-byte pointers outside the ranges.
    {cs::encoding::gb18030, "81", errc::truncated, 0, "ef bf bd"},
    {cs::encoding::gb18030, "41 81 30", errc::truncated, 1, "41 ef bf bd"},
    {cs::encoding::gb18030, "81 30 81", errc::truncated, 0, "ef bf bd"},
    {cs::encoding::gb18030, "41 81 20", errc::bad_sequence, 1, "41 ef bf bd 20"},
    {cs::encoding::gb18030, "81 7f", errc::bad_sequence, 0, "ef bf bd 7f"},
    {cs::encoding::gb18030, "81 ff 41", errc::bad_sequence, 0, "ef bf bd 41"},
    {cs::encoding::gb18030, "ff", errc::bad_sequence, 0, "ef bf bd"},
    {cs::encoding::gb18030, "81 30 20", errc::bad_sequence, 0, "ef bf bd 30 20"},
    {cs::encoding::gb18030, "81 30 81 20", errc::bad_sequence, 0, "ef bf bd 30 ef bf bd 20"},
    {cs::encoding::gb18030, "81 30 81 41", errc::bad_sequence, 0, "ef bf bd 30 e4 b8 84"},
    {cs::encoding::gb18030, "81 30 ff 30", errc::bad_sequence, 0, "ef bf bd 30 ef bf bd 30"},
    {cs::encoding::gbk, "84 32 a4 30", errc::unmappable, 0, "ef bf bd"},
    {cs::encoding::gbk, "e3 32 9a 36", errc::unmappable, 0, "ef bf bd"},
    {cs::encoding::gbk, "41 fe 39 fe 39 42", errc::unmappable, 1, "41 ef bf bd 42"},
    // Big5: cut short, bad trails (an ASCII one read again), empty pointers.
    {cs::encoding::big5, "a4", errc::truncated, 0, "ef bf bd"},
    {cs::encoding::big5, "a4 40 a4", errc::truncated, 2, "e4 b8 80 ef bf bd"},
    {cs::encoding::big5, "a4 20", errc::bad_sequence, 0, "ef bf bd 20"},
    {cs::encoding::big5, "a4 80", errc::bad_sequence, 0, "ef bf bd"},
    {cs::encoding::big5, "80 ff", errc::bad_sequence, 0, "ef bf bd ef bf bd"},
    {cs::encoding::big5, "a3 e2", errc::unmappable, 0, "ef bf bd"},
    {cs::encoding::big5, "81 40", errc::unmappable, 0, "ef bf bd 40"},
    // UTF-8: overlongs, surrogates, above U+10FFFF, cut short; one U+FFFD per maximal subpart.
    {cs::encoding::utf8, "c0 80", errc::invalid_utf8, 0, "ef bf bd ef bf bd"},
    {cs::encoding::utf8, "41 e0 80 80", errc::invalid_utf8, 1, "41 ef bf bd ef bf bd ef bf bd"},
    {cs::encoding::utf8, "ed a0 80", errc::invalid_utf8, 0, "ef bf bd ef bf bd ef bf bd"},
    {cs::encoding::utf8, "f4 90 80 80", errc::invalid_utf8, 0, "ef bf bd ef bf bd ef bf bd ef bf bd"},
    {cs::encoding::utf8, "e4 bd", errc::invalid_utf8, 0, "ef bf bd"},
    {cs::encoding::utf8, "e4 bd 41", errc::invalid_utf8, 0, "ef bf bd 41"},
    {cs::encoding::utf8, "f0 9f 98", errc::invalid_utf8, 0, "ef bf bd"},
};

}  // namespace

TEST_CASE("labels name encodings as encodings.json does, and unknown ones are reported") {
    struct {
        const char* label;
        errc ec;
        cs::encoding enc;
        const char* name;
    } cases[] = {
        {"gb2312", errc{}, cs::encoding::gbk, "GBK"},
        {"  X-GBK\t", errc{}, cs::encoding::gbk, "GBK"},
        {"csGB2312", errc{}, cs::encoding::gbk, "GBK"},
        {"chinese", errc{}, cs::encoding::gbk, "GBK"},
        {"GB18030", errc{}, cs::encoding::gb18030, "gb18030"},
        {"big5-hkscs", errc{}, cs::encoding::big5, "Big5"},
        {"cn-big5", errc{}, cs::encoding::big5, "Big5"},
        {"x-x-big5", errc{}, cs::encoding::big5, "Big5"},
        {"iso-8859-1", errc{}, cs::encoding::windows_1252, "windows-1252"},
        {"US-ASCII", errc{}, cs::encoding::windows_1252, "windows-1252"},
        {"\r\nutf8 ", errc{}, cs::encoding::utf8, "UTF-8"},
        {"shift_jis", errc::unsupported_charset, cs::encoding::utf8, "Shift_JIS"},
        {"euc-kr", errc::unsupported_charset, cs::encoding::utf8, "EUC-KR"},
        {"hz-gb-2312", errc::unsupported_charset, cs::encoding::utf8, "replacement"},
        {"utf-16le", errc::unsupported_charset, cs::encoding::utf8, "UTF-16LE"},
        // Not labels of the Standard: Microsoft's code page names are not in encodings.json.
        {"cp936", errc::unknown_charset, cs::encoding::utf8, ""},
        {"cp950", errc::unknown_charset, cs::encoding::utf8, ""},
        {"big5hkscs", errc::unknown_charset, cs::encoding::utf8, ""},
        {"gb 2312", errc::unknown_charset, cs::encoding::utf8, ""},
        {"", errc::unknown_charset, cs::encoding::utf8, ""},
        {"cseucpkdfmtjapanesexx", errc::unknown_charset, cs::encoding::utf8, ""},
    };
    for (const auto& c : cases) {
        INFO(c.label);
        const cs::label_match m = cs::from_label(c.label);
        CHECK(m.ec == c.ec);
        CHECK(m.name == c.name);
        if (m.ok()) CHECK(m.enc == c.enc);
    }
    static_assert(cs::from_label("GBK").enc == cs::encoding::gbk, "constexpr");
    CHECK(cs::name(cs::encoding::big5) == "Big5");
}

TEST_CASE("malformed input: strict refuses at the sequence's first byte, tolerant writes U+FFFD where the Standard does") {
    for (const auto& c : bad_inputs) {
        const std::string in = bytes(c.in);
        INFO(cs::name(c.enc) << ": " << c.in);
        const converted s = decode(c.enc, in);
        CHECK(s.r == smsgw::fail(c.ec, c.offset));
        const converted t = decode(c.enc, in, mode::tolerant);
        CHECK(t.r.ok());
        CHECK(t.r.offset == t.out.size());
        CHECK(hex(t.out) == c.tolerant);
        if (c.enc == cs::encoding::gb18030) CHECK(decode(cs::encoding::gbk, in, mode::tolerant).out == t.out);
    }
}

TEST_CASE("a sequence cut at every position is truncated at its first byte") {
    const std::string text = bytes("41 81 30 81 30 c9 c1 90 30 81 30 42");  // A U+0080 闪 U+10000 B
    for (std::size_t cut = 0; cut <= text.size(); ++cut) {
        INFO(cut);
        const converted d = decode(cs::encoding::gb18030, text.substr(0, cut));
        const bool inside = (cut >= 2 && cut <= 4) || cut == 6 || (cut >= 8 && cut <= 10);
        const std::size_t start = cut <= 4 ? 1 : cut <= 6 ? 5 : 7;
        CHECK(d.r == (inside ? smsgw::fail(errc::truncated, start) : smsgw::result{errc{}, d.out.size()}));
    }
}

TEST_CASE("encoding: ill-formed UTF-8 and unmappable code points with their offsets") {
    CHECK(encode(cs::encoding::gbk, "ab\xC0\x80").r == smsgw::fail(errc::invalid_utf8, 2));
    CHECK(encode(cs::encoding::big5, "\xED\xA0\x80").r == smsgw::fail(errc::invalid_utf8, 0));
    CHECK(encode(cs::encoding::gb18030, "\xE4\xB8").r == smsgw::fail(errc::invalid_utf8, 0));
    CHECK(encode(cs::encoding::utf8, "x\xF4\x90\x80\x80").r == smsgw::fail(errc::invalid_utf8, 1));

    const converted u = encode(cs::encoding::gbk, "\u4E2D\u0080");
    CHECK(u.r == smsgw::fail(errc::unmappable, 3));
    CHECK(u.r.code_point == 0x80);
    CHECK(hex(u.out) == "d6 d0");  // what came before the refusal is written
    const converted e = encode(cs::encoding::big5, "a\U0001F600");
    CHECK(e.r == smsgw::fail(errc::unmappable, 1));
    CHECK(e.r.code_point == 0x1F600);
    CHECK(encode(cs::encoding::windows_1252, "\u4E2D").r.code_point == 0x4E2D);

    // Tolerant: the substitute, or &#N;, per unmappable code point; ill-formed UTF-8 reads as
    // U+FFFD per maximal subpart, which gb18030 and UTF-8 encode and the others substitute.
    const converted t = encode(cs::encoding::gbk, "a\u0080b\xE4\xB8", tolerant("[?]"));
    CHECK(t.out == "a[?]b[?]");
    CHECK(t.r.replaced == 2);
    cs::encode_options html = tolerant();
    html.html = true;
    CHECK(encode(cs::encoding::big5, "\U0001F600\u00E9", html).out == "&#128512;&#233;");
    CHECK(hex(encode(cs::encoding::gb18030, "\xC0\x80", tolerant()).out) == "84 31 a4 37 84 31 a4 37");
    CHECK(hex(encode(cs::encoding::utf8, "\xE4\xB8", tolerant()).out) == "ef bf bd");
    CHECK(encode(cs::encoding::windows_1252, "\u20AC\u00FF\u0081", tolerant()).out == "\x80\xFF\x81");
}

TEST_CASE("the sample strings of the MIME notes") {
    CHECK(hex(encode(cs::encoding::big5, "閃光一號").out) == "b0 7b a5 fa a4 40 b8 b9");
    CHECK(hex(encode(cs::encoding::gbk, "閃光一號").out) == "e9 57 b9 e2 d2 bb cc 96");
    CHECK(hex(encode(cs::encoding::gbk, "闪光一号").out) == "c9 c1 b9 e2 d2 bb ba c5");
    CHECK(decode(cs::encoding::big5, bytes("b0 7b a5 fa a4 40 b8 b9")).out == "閃光一號");
    CHECK(decode(cs::encoding::gbk, bytes("e9 57 b9 e2 d2 bb cc 96")).out == "閃光一號");
}

TEST_CASE("sizes: the announced worst case holds, a measuring writer gives the exact size") {
    const std::string samples[] = {bytes("80 ff 81 30 81 20 a4"), "plain ascii", bytes("c9 c1 90 30 81 30 88 62"),
                                   std::string(64, '\xff')};
    for (auto e : {cs::encoding::utf8, cs::encoding::gbk, cs::encoding::gb18030, cs::encoding::big5,
                   cs::encoding::windows_1252}) {
        for (const std::string& s : samples) {
            const converted d = decode(e, s, mode::tolerant);
            CHECK(d.out.size() <= cs::max_decoded_size(s.size()));
            CHECK(cs::decoded_size(e, s, mode::tolerant) == d.out.size());
            for (const auto& o : {tolerant(), tolerant("<unmappable>")}) {
                const converted n = encode(e, s, o);
                CHECK(n.out.size() <= cs::max_encoded_size(e, s.size(), o));
                CHECK(cs::encoded_size(e, s, o) == n.out.size());
            }
        }
    }
    // Every byte in error: 3 bytes each, the bound exactly.
    CHECK(decode(cs::encoding::big5, std::string(10, '\x80'), mode::tolerant).out.size() == 30);
    CHECK(encode(cs::encoding::gb18030, std::string(5, '\xff'), tolerant()).out.size() ==
          cs::max_encoded_size(cs::encoding::gb18030, 5, tolerant()));
    static_assert(cs::max_decoded_size(4) == 12, "constexpr");
    static_assert(cs::max_encoded_size(cs::encoding::gbk, 10) == 10, "constexpr");
}

TEST_CASE("a buffer too small is reported with the size needed, and nothing written past it") {
    const std::string in = bytes("c9 c1 b9 e2");
    std::string out(5, '#');
    smsgw::writer w(out.data(), 4);
    const cs::outcome r = cs::decode(cs::encoding::gbk, in, w);
    CHECK(r == smsgw::fail(errc::buffer_too_small, 6));
    CHECK(out[4] == '#');
    // A strict error wins over the overflow.
    smsgw::writer small(out.data(), 1);
    const std::string bad = in + "\xff";
    CHECK(cs::decode(cs::encoding::gbk, bad, small) == smsgw::fail(errc::bad_sequence, 4));
}

TEST_CASE("decoding and encoding allocate nothing") {
    const std::string gb = bytes("c9 c1 b9 e2 81 30 81 30 80 ff 41");
    const std::string text = "閃光 \U00020021 a\xff";
    std::vector<char> buf(256);
    smsgw::test::alloc_counter guard;
    for (auto e : {cs::encoding::utf8, cs::encoding::gbk, cs::encoding::gb18030, cs::encoding::big5,
                   cs::encoding::windows_1252}) {
        smsgw::writer w(buf.data(), buf.size());
        cs::decode(e, gb, w, mode::tolerant);
        smsgw::writer w2(buf.data(), buf.size());
        cs::encode(e, text, w2, tolerant());
        cs::from_label("big5");
    }
    CHECK(guard.count() == 0);
}

TEST_CASE("every buffer size: the bytes that fit are the output's, nothing is written past the buffer") {
    const std::string gb = bytes("41 c9 c1 b9 e2 20 81 30 81 30 d2 bb ba c5 80 ff 90 30 81 30") + std::string(40, 'a') +
                           bytes("c9 c1 b9 e2 c9 c1 b9 e2 c9 c1 b9 e2 c9 c1 b9 e2 c9 c1 b9 e2 c9 c1");
    const std::string text = decode(cs::encoding::gb18030, gb, mode::tolerant).out;
    for (auto e : {cs::encoding::gb18030, cs::encoding::gbk, cs::encoding::big5}) {
        const converted whole = decode(e, gb, mode::tolerant);
        const converted back = encode(e, text, tolerant());
        for (std::size_t cap = 0; cap <= whole.out.size() + 1; ++cap) {
            INFO(cs::name(e) << " decode into " << cap);
            std::string buf(cap + 8, '#');
            smsgw::writer w(buf.data(), cap);
            const cs::outcome r = cs::decode(e, gb, w, mode::tolerant);
            CHECK(r.offset == whole.out.size());
            CHECK(r.ec == (cap < whole.out.size() ? errc::buffer_too_small : errc{}));
            CHECK(buf.substr(cap) == std::string(8, '#'));
        }
        for (std::size_t cap = 0; cap <= back.out.size() + 1; ++cap) {
            INFO(cs::name(e) << " encode into " << cap);
            std::string buf(cap + 8, '#');
            smsgw::writer w(buf.data(), cap);
            const cs::outcome r = cs::encode(e, text, w, tolerant());
            CHECK(r.offset == back.out.size());
            CHECK(buf.substr(cap) == std::string(8, '#'));
            if (cap >= back.out.size()) CHECK(buf.substr(0, back.out.size()) == back.out);
        }
    }
}
