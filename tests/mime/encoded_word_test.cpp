#include "smsgw/mime/encoded_word.hpp"

#include <string>

#include "test.hpp"

using namespace smsgw;
using mime::text_options;

namespace {
struct decoded_text {
    result r;
    std::string text;
    mime::text_info info;
};

decoded_text decode(std::string_view raw, const text_options& opt = {}, mime::defect_log* log = nullptr) {
    decoded_text d;
    char buf[512];
    writer w(buf, sizeof buf);
    test::alloc_counter allocs;
    d.r = mime::decode_text(raw, w, opt, &d.info, log);
    CHECK(allocs.count() == 0);
    d.text.assign(buf, w.size());
    if (d.r) CHECK(d.r.offset == w.size());
    return d;
}
}  // namespace

TEST_CASE("RFC 2047 §8 examples: blanks between adjacent words vanish") {
    // The examples sit in comments; glued_words decodes a word right after '(' and before ')'.
    struct {
        const char* raw;
        const char* text;
    } cases[] = {
        {"(=?ISO-8859-1?Q?a?=)", "(a)"},
        {"(=?ISO-8859-1?Q?a?= b)", "(a b)"},
        {"(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)"},
        {"(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)", "(ab)"},
        {"(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)", "(ab)"},
        {"(=?ISO-8859-1?Q?a_b?=)", "(a b)"},
        {"(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)", "(a b)"},
    };
    for (auto& c : cases) {
        auto d = decode(c.raw, mime::tolerant_text);
        INFO(c.raw);
        REQUIRE(d.r);
        CHECK(d.text == c.text);
    }
    // Strict: a word must be delimited by blanks (RFC 2047 §5), so "(=?...?=)" stays as it is.
    CHECK(decode("(=?ISO-8859-1?Q?a?=)").text == "(=?ISO-8859-1?Q?a?=)");
    CHECK(decode("=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=").text == "ab");
    CHECK(decode("=?ISO-8859-1?Q?a?= b").text == "a b");
}

TEST_CASE("RFC 2047 §8 header examples") {
    CHECK(decode("=?US-ASCII?Q?Keith_Moore?= <moore@cs.utk.edu>").text == "Keith Moore <moore@cs.utk.edu>");
    CHECK(decode("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>").text == "Keld Jørn Simonsen <keld@dkuug.dk>");
    CHECK(decode("=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>").text == "André Pirard <PIRARD@vm1.ulg.ac.be>");
    auto d = decode("=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?=\r\n"
                    " =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=");
    REQUIRE(d.r);
    CHECK(d.text == "If you can read this you understand the example.");
    CHECK(d.info.words == 2);
    CHECK(d.info.other_charset == "ISO-8859-2");  // not built in: octets as they are, label reported
}

TEST_CASE("IMSP subject and the split-character cases of the notes (§3.2 07, 24, 25, 26)") {
    CHECK(decode("=?utf-8?B?6ZaD5YWJ5LiA6Jmf?=").text == "閃光一號");
    // 07: the first word ends inside 光 and is padded.
    CHECK(decode("=?utf-8?B?6ZaD5Q==?= =?utf-8?B?hYnkuIDomZ8=?=").text == "閃光一號");
    // 24: the same split without padding.
    CHECK(decode("=?utf-8?B?YemWg+U?= =?utf-8?B?hYnkuIDomZ8?=").text == "a閃光一號");
    // 25: Q words split inside a character.
    CHECK(decode("=?utf-8?Q?a=E9=96=83=E5?= =?UTF-8?q?=85=89=E4=B8=80=E8=99=9F?=").text == "a閃光一號");
    // 26: Big5 split after a lead byte: octets joined into one stream, then decoded.
    auto d = decode("=?big5?B?sA==?= =?big5?B?e6X6?=");
    REQUIRE(d.r);
    CHECK(d.text == "閃光");
    CHECK(d.info.other_charset.empty());
    // A charset that is not built in: octets joined, returned raw with the label.
    d = decode("=?x-mac-chinesetrad?B?sA==?= =?x-mac-chinesetrad?B?e6X6?=");
    REQUIRE(d.r);
    CHECK(d.text == "\xb0\x7b\xa5\xfa");
    CHECK(d.info.other_charset == "x-mac-chinesetrad");
    // 11: text around words keeps its blanks, Q underscores are spaces.
    CHECK(decode("Re: =?utf-8?Q?=E9=96=83=E5=85=89_?= =?utf-8?Q?=E4=B8=80=E8=99=9F?= (MMS)").text ==
          "Re: 閃光 一號 (MMS)");
    // 22: an empty word.
    CHECK(decode("=?utf-8?B?" "?=").text.empty());
    // 23: raw UTF-8 passes through (RFC 6532).
    CHECK(decode("閃光 一號").text == "閃光 一號");
}

TEST_CASE("words glued to text are decoded only on request (notes §3.2 case 12)") {
    CHECK(decode("[MMS]=?utf-8?B?6ZaD5YWJ?=").text == "[MMS]=?utf-8?B?6ZaD5YWJ?=");
    CHECK(decode("[MMS]=?utf-8?B?6ZaD5YWJ?=", mime::tolerant_text).text == "[MMS]閃光");
    CHECK(decode("a=?utf-8?Q?b?=c", mime::tolerant_text).text == "abc");
}

TEST_CASE("language suffix, case of B/Q and charset, folds in plain text") {
    CHECK(decode("=?utf-8*zh-TW?b?6ZaD?=").text == "閃");
    CHECK(decode("=?UTF8?Q?=e9=96=83?=").text == "閃");
    CHECK(decode("plain\r\n text").text == "plain text");
    CHECK(decode("=?utf-8?Q?x?=  trailing  ").text == "x  trailing  ");
}

TEST_CASE("malformed words: strict error with offset, tolerant kept literally") {
    auto d = decode("ok =?utf-8?B?6Z*D?= end");
    CHECK(d.r.ec == errc::bad_encoded_word);
    CHECK(d.r.offset == 3);
    mime::defect_log log;
    d = decode("ok =?utf-8?B?6Z*D?= end", {mime::mode::tolerant, false}, &log);
    REQUIRE(d.r);
    CHECK(d.text == "ok =?utf-8?B?6Z*D?= end");
    REQUIRE(log.size() == 1);
    CHECK(log[0].kind == mime::defect_kind::bad_encoded_word);
    CHECK(log[0].offset == 3);
    d = decode("=?utf-8?Q?=ZZ?=");
    CHECK(d.r.ec == errc::bad_encoded_word);
    // Not encoded-words at all (no charset, unknown encoding, unterminated): plain text.
    CHECK(decode("=??B?YQ==?=").text == "=??B?YQ==?=");
    CHECK(decode("=?utf-8?X?YQ==?=").text == "=?utf-8?X?YQ==?=");
    CHECK(decode("=?utf-8?B?YQ==").text == "=?utf-8?B?YQ==");
    // A run of UTF-8 words that is not UTF-8.
    d = decode("x =?utf-8?B?/w==?=");
    CHECK(d.r.ec == errc::invalid_utf8);
    CHECK(d.r.offset == 2);
    log.clear();
    d = decode("x =?utf-8?B?/w==?=", {mime::mode::tolerant, false}, &log);
    REQUIRE(d.r);
    CHECK(d.text == "x \xff");
    CHECK(log.has(mime::defect_kind::bad_encoded_word));
}

TEST_CASE("decoded line breaks are kept and reported") {
    auto d = decode("=?utf-8?Q?a=0D=0Ab?=");
    REQUIRE(d.r);
    CHECK(d.text == "a\r\nb");
    CHECK(d.info.line_break);
}

TEST_CASE("decode_text: buffer_too_small with the size needed; measuring writer") {
    char small[4];
    writer w(small, sizeof small);
    auto r = mime::decode_text("=?utf-8?B?6ZaD5YWJ5LiA6Jmf?=", w);
    CHECK(r.ec == errc::buffer_too_small);
    CHECK(r.offset == 12);
    writer measure;
    r = mime::decode_text("a =?iso-8859-1?q?=E9?=", measure);
    CHECK(r.ec == errc::buffer_too_small);
    CHECK(r.offset == 4);
}

TEST_CASE("parse_encoded_word and decode_word_octets") {
    mime::encoded_word w;
    REQUIRE(mime::parse_encoded_word("=?gb2312?B?ycG54tK7usU=?= tail", w));
    CHECK(w.charset == "gb2312");
    CHECK(w.encoding == mime::word_encoding::b);
    CHECK(w.size == 25);
    char buf[16];
    writer out(buf, sizeof buf);
    auto r = mime::decode_word_octets(w, out);
    REQUIRE(r);
    CHECK(std::string_view(buf, r.offset) == "\xc9\xc1\xb9\xe2\xd2\xbb\xba\xc5");
    CHECK_FALSE(mime::parse_encoded_word("=?utf-8?B?a b?=", w));
    CHECK_FALSE(mime::parse_encoded_word("=?utf-8?B?", w));
}

TEST_CASE("raw 8-bit text that is not UTF-8 is kept and recorded in tolerant mode") {
    mime::defect_log log;
    auto d = decode("caf\xe9 =?utf-8?Q?ok?=", {mime::mode::tolerant, false}, &log);
    REQUIRE(d.r);
    CHECK(d.text == "caf\xe9 ok");
    REQUIRE(log.size() == 1);
    CHECK(log[0].kind == mime::defect_kind::unencoded_8bit_header);
    CHECK(log[0].offset == 3);
    log.clear();
    d = decode("閃光 =?utf-8?Q?ok?=", {mime::mode::tolerant, false}, &log);  // RFC 6532 UTF-8: no defect
    CHECK(log.empty());
    CHECK(decode("caf\xe9").text == "caf\xe9");  // strict: kept as it is
}
