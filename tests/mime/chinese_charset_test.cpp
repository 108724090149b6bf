#include "smsgw/mime.hpp"

#include <string>

#include "test.hpp"

// MIME text in GBK, GB18030 and Big5 decoded to UTF-8 through smsgw::charset: encoded-words,
// RFC 2231 parameters and charset= bodies, as get_mime packets and Chinese mail carry them.
using namespace smsgw;

namespace {
struct text_out {
    result r;
    std::string text;
    mime::text_info info;
};

text_out decode_text(std::string_view raw, const mime::text_options& opt = {}, mime::defect_log* log = nullptr) {
    text_out d;
    char buf[256];
    writer w(buf, sizeof buf);
    test::alloc_counter allocs;
    d.r = mime::decode_text(raw, w, opt, &d.info, log);
    CHECK(allocs.count() == 0);
    d.text.assign(buf, w.size());
    writer measure;  // the size without a buffer agrees
    const result m = mime::decode_text(raw, measure, opt);
    if (d.r) CHECK((m.ec == errc::buffer_too_small && measure.size() == w.size()));
    return d;
}

std::string param_text(std::string_view content_type, std::string_view name, result* r_out = nullptr,
                       const mime::options& opt = {}) {
    mime::content_type ct;
    REQUIRE(mime::parse_content_type(content_type, ct, opt));
    char buf[128];
    writer w(buf, sizeof buf);
    const result r = mime::parameter_text(ct.params, name, w, nullptr, opt);
    if (r_out) *r_out = r;
    return r ? std::string(buf, w.size()) : std::string();
}
}  // namespace

TEST_CASE("labels: every WHATWG label of the Chinese encodings, any case, RFC names first") {
    CHECK(mime::classify_charset("GB2312") == mime::charset::gbk);
    CHECK(mime::classify_charset("gbk") == mime::charset::gbk);
    CHECK(mime::classify_charset("cp936") == mime::charset::gbk);  // mail's names the Standard lacks
    CHECK(mime::classify_charset("CP950") == mime::charset::big5);
    CHECK(mime::classify_charset("big5hkscs") == mime::charset::big5);
    CHECK(mime::classify_charset("x-gbk") == mime::charset::gbk);
    CHECK(mime::classify_charset("csGB2312") == mime::charset::gbk);
    CHECK(mime::classify_charset("GB18030") == mime::charset::gb18030);
    CHECK(mime::classify_charset("Big5") == mime::charset::big5);
    CHECK(mime::classify_charset("big5-hkscs") == mime::charset::big5);
    CHECK(mime::classify_charset("cn-big5") == mime::charset::big5);
    CHECK(mime::classify_charset("x-x-big5") == mime::charset::big5);
    CHECK(mime::classify_charset("unicode-1-1-utf-8") == mime::charset::utf8);
    CHECK(mime::classify_charset("windows-1252") == mime::charset::latin1);
    CHECK(mime::classify_charset("l1") == mime::charset::latin1);
    CHECK(mime::classify_charset("US-ASCII") == mime::charset::us_ascii);  // not WHATWG's windows-1252
    CHECK(mime::classify_charset("shift_jis") == mime::charset::other);    // a WHATWG encoding smsgw lacks
    CHECK(mime::classify_charset("x-unknown") == mime::charset::other);
    CHECK(mime::is_multibyte(mime::charset::big5));
    CHECK_FALSE(mime::is_multibyte(mime::charset::latin1));
}

TEST_CASE("encoded-words in gb2312, gbk, gb18030 and big5 decode to UTF-8") {
    CHECK(decode_text("=?gb2312?B?vPLM5dbQzsQ=?=").text == "简体中文");
    CHECK(decode_text("=?GBK?Q?=C4=E3=BA=C3?=").text == "你好");
    CHECK(decode_text("=?gb18030?B?xOO6ww==?=").text == "你好");
    CHECK(decode_text("=?big5?B?wWPF6aSkpOU=?=").text == "繁體中文");
    const text_out mixed = decode_text("[MMS] =?big5?B?p0Gmbg==?= and =?utf-8?B?5L2g5aW9?=");
    CHECK(mixed.text == "[MMS] 你好 and 你好");
    CHECK(mixed.info.words == 2);
    CHECK(mixed.info.other_charset.empty());  // both built in
}

TEST_CASE("a character cut between two encoded-words of one run joins up") {
    // C4 | E3 BA C3: the lead byte of 你 ends the first word.
    CHECK(decode_text("=?gbk?B?xA==?= =?gbk?B?47rD?=").text == "你好");
    // Big5 A7 | 41 A6 6E, and a Q word after a B word of the same charset.
    CHECK(decode_text("=?big5?Q?=A7?=\r\n =?BIG5?B?QaZu?=").text == "你好");
    // A different charset closes the run: the lone lead byte is an error there.
    const text_out cut = decode_text("=?gbk?B?xA==?= =?big5?B?p0E=?=");
    CHECK(cut.r == result{errc::truncated, 0});
}

TEST_CASE("malformed GBK and Big5 in words: strict stops at the word, tolerant writes U+FFFD") {
    // 0x81 0x20: a lead byte whose trail is ASCII; the Standard re-reads the space.
    const text_out strict = decode_text("ok =?gbk?Q?=81_?= x");
    CHECK(strict.r == result{errc::bad_sequence, 3});
    mime::defect_log log;
    const text_out tolerant = decode_text("ok =?gbk?Q?=81_?= x", mime::tolerant_text, &log);
    REQUIRE(tolerant.r);
    CHECK(tolerant.text == "ok \xEF\xBF\xBD  x");
    REQUIRE(log.size() == 1);
    CHECK(log.begin()->kind == mime::defect_kind::bad_encoded_word);
    CHECK(log.begin()->offset == 3);
    // A run that ends inside a sequence: truncated at the run's first word, or one U+FFFD.
    CHECK(decode_text("a =?big5?B?pw==?=").r == result{errc::truncated, 2});
    CHECK(decode_text("a =?big5?B?pw==?=", mime::tolerant_text).text == "a \xEF\xBF\xBD");
}

TEST_CASE("an unknown charset still comes back as its octets with its label") {
    const text_out d = decode_text("=?x-unknown?B?xOO6ww==?=");
    REQUIRE(d.r);
    CHECK(d.text == "\xC4\xE3\xBA\xC3");
    CHECK(d.info.other_charset == "x-unknown");
}

TEST_CASE("RFC 2231 parameters in GBK and Big5, a character split across sections") {
    CHECK(param_text("application/octet-stream; name*=gbk''%C4%E3%BA%C3.txt", "name") == "你好.txt");
    CHECK(param_text("image/jpeg; name*=big5'zh-tw'%A7A%A6n.jpg", "name") == "你好.jpg");
    CHECK(param_text("text/plain; name*0*=gb2312''%C4; name*1*=%E3%BA%C3", "name") == "你好");
    result r;
    CHECK(param_text("text/plain; name*=gbk''%81%20", "name", &r).empty());
    CHECK(r.ec == errc::bad_sequence);
    mime::options tolerant;
    tolerant.m = mode::tolerant;
    CHECK(param_text("text/plain; name*=gbk''a%81", "name", nullptr, tolerant) == "a\xEF\xBF\xBD");
}

TEST_CASE("charset= bodies: decode_text_content gives UTF-8") {
    const std::string_view packet =
        "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
        "--b\r\nContent-Type: text/plain; charset=big5\r\nContent-Transfer-Encoding: base64\r\n\r\np0Gmbg0K\r\n"
        "--b\r\nContent-Type: text/plain; charset=\"GB2312\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        "=BC=F2=CC=E5\r\n"
        "--b\r\nContent-Type: text/plain; charset=x-mac-chinesetrad\r\n\r\n\xC4\xE3\r\n"
        "--b\r\nContent-Type: text/plain; charset=gbk\r\n\r\nbad \x81\x20!\r\n"
        "--b--\r\n";
    mime::part storage[8];
    mime::message msg(storage);
    REQUIRE(mime::decode(packet, msg));
    REQUIRE(msg.size() == 5);
    byte scratch[64];
    auto text = [&](std::size_t i, mode m, result* r_out = nullptr) {
        char buf[64];
        writer w(buf, sizeof buf);
        test::alloc_counter allocs;
        const result r = mime::decode_text_content(msg[i], w, scratch, m);
        CHECK(allocs.count() == 0);
        if (r_out) *r_out = r;
        return r ? std::string(buf, w.size()) : std::string("<error>");
    };
    CHECK(mime::charset_of(msg[1]).cs == mime::charset::big5);
    CHECK(text(1, mode::strict) == "你好\r\n");
    CHECK(mime::charset_of(msg[2]).label == "GB2312");
    CHECK(text(2, mode::strict) == "简体");
    CHECK(mime::charset_of(msg[3]).cs == mime::charset::other);
    CHECK(mime::charset_of(msg[3]).label == "x-mac-chinesetrad");
    CHECK(text(3, mode::strict) == "\xC4\xE3");  // octets as they are
    result r;
    CHECK(text(4, mode::strict, &r) == "<error>");
    CHECK(r == result{errc::bad_sequence, 4});  // offset in the decoded content
    CHECK(text(4, mode::tolerant) == "bad \xEF\xBF\xBD !");
    byte tiny[2];
    writer out;
    CHECK(mime::decode_text_content(msg[1], out, tiny) == result{errc::buffer_too_small, msg[1].decoded_size_max()});
}
