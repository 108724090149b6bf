#include "smsgw/fivec/send.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "fivec_test.hpp"

using fivec_test::apikey;
using fivec_test::decode_request;
using fivec_test::field_of;
using smsgw::errc;
using smsgw::mode;
using smsgw::result;
namespace fivec = smsgw::fivec;
using fivec::element;
using fivec::file_type;
using fivec::frame_file;
using fivec::frame_kind;
using fivec::frames;

namespace {

smsgw::bytes b(std::string_view s) { return s; }

std::string build(const std::vector<frame_file>& files) {
    std::string s;
    const result r = smsgw::encode_append(fivec::frame_string{files}, s);
    REQUIRE(r);
    CHECK(s.size() == smsgw::encoded_size(fivec::frame_string{files}));
    return s;
}

std::vector<element> read(std::string_view s, mode m = mode::strict) {
    std::vector<element> out;
    const frames f(s, m);
    for (const element& e : f) out.push_back(e);
    CHECK(f.error());
    return out;
}

result refusal(std::string_view s, mode m = mode::strict) {
    const frames f(s, m);
    std::size_t n = 0;
    return f.validate(n);
}

std::string content_of(const element& e) {
    std::string out(smsgw::codec::base64::decoded_size_max(e.data.size()), '\0');
    smsgw::writer w(out.data(), out.size());
    REQUIRE(fivec::decode_content(e, w));
    out.resize(w.size());
    return out;
}

std::string text_of(const element& e, smsgw::charset::encoding enc) {
    std::string scratch(e.data.size(), '\0');
    std::string out(3 * e.data.size(), '\0');
    smsgw::writer w(out.data(), out.size());
    const result r = fivec::decode_text(e, enc, w, smsgw::mutable_bytes(scratch));
    REQUIRE(r);
    out.resize(w.size());
    return out;
}

const std::string three_frames = "1_1.txt,5L2g5aW9;1_2.gif,R0lGODlh;2_1.txt,aGk=;2_3.amr,IyFBTVIK;3_2.jpg,aGk=;3_3.mid,aGk=";

}  // namespace

TEST_CASE("frames: the builder writes §2.3's elements, base64 from the caller's bytes") {
    const std::vector<frame_file> files = {{1, file_type::txt, b("你好")},   {1, file_type::gif, b("GIF89a")},
                                           {2, file_type::txt, b("hi")},     {2, file_type::amr, b("#!AMR\n")},
                                           {3, file_type::jpg, b("hi")},     {3, file_type::mid, b("hi")}};
    CHECK(build(files) == three_frames);
    CHECK(build({{1, file_type::gif, b("GIF89a")}}) == "1_2.gif,R0lGODlh");
    // a frame of its image alone, then the next one's text
    CHECK(build({{1, file_type::gif, b("GIF89a")}, {2, file_type::txt, b("hi")}}) == "1_2.gif,R0lGODlh;2_1.txt,aGk=");
}

TEST_CASE("frames: the parser gives each element, its content decoded on request") {
    const std::vector<element> e = read(three_frames);
    REQUIRE(e.size() == 6);
    CHECK(e[0].frame == 1);
    CHECK(e[0].kind == frame_kind::text);
    CHECK(e[0].type == file_type::txt);
    CHECK(e[0].name == "1_1.txt");
    CHECK(e[0].data == "5L2g5aW9");
    CHECK(e[0].offset == 0);
    CHECK(text_of(e[0], smsgw::charset::encoding::utf8) == "你好");
    CHECK(e[1].kind == frame_kind::image);
    CHECK(e[1].type == file_type::gif);
    CHECK(e[1].offset == 17);
    CHECK(content_of(e[1]) == "GIF89a");
    CHECK(e[3].frame == 2);
    CHECK(e[3].kind == frame_kind::audio);
    CHECK(e[3].type == file_type::amr);
    CHECK(content_of(e[3]) == "#!AMR\n");
    CHECK(e[4].type == file_type::jpg);
    CHECK(e[5].type == file_type::mid);
    // decode(encode(x)) == x
    std::vector<frame_file> again;
    std::vector<std::string> contents;
    for (const element& x : e) contents.push_back(content_of(x));
    for (std::size_t i = 0; i < e.size(); ++i) again.push_back({e[i].frame, e[i].type, b(contents[i])});
    CHECK(build(again) == three_frames);
}

TEST_CASE("frames: a text element in GBK when encode=gbk, through smsgw::charset") {
    const std::vector<element> e = read("1_1.txt,xOO6ww==");
    REQUIRE(e.size() == 1);
    CHECK(text_of(e[0], smsgw::charset::encoding::gbk) == "你好");
    // the same bytes are not UTF-8
    std::string scratch(16, '\0'), out(64, '\0');
    smsgw::writer w(out.data(), out.size());
    CHECK(fivec::decode_text(e[0], smsgw::charset::encoding::utf8, w, smsgw::mutable_bytes(scratch)).ec == errc::invalid_utf8);
    smsgw::writer tw(out.data(), out.size());
    CHECK(fivec::decode_text(e[0], smsgw::charset::encoding::utf8, tw, smsgw::mutable_bytes(scratch), mode::tolerant));
    CHECK(std::string_view(out.data(), tw.size()) == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // C4, E3 BA, C3: WHATWG's maximal subparts
    // an image is not text; a scratch buffer too small says what it needs
    const std::vector<element> img = read("1_2.gif,R0lGODlh");
    CHECK(fivec::decode_text(img[0], smsgw::charset::encoding::utf8, w, smsgw::mutable_bytes(scratch)) ==
          result{errc::wrong_type, 0, "kind"});
    std::string tiny(3, '\0');
    CHECK(fivec::decode_text(e[0], smsgw::charset::encoding::gbk, w, smsgw::mutable_bytes(tiny)) ==
          result{errc::buffer_too_small, 6});
    // strict base64 when decoded: padding missing, unused bits set
    const std::vector<element> bad = read("1_1.txt,aGk");
    std::string o(8, '\0');
    smsgw::writer bw(o.data(), o.size());
    CHECK(fivec::decode_content(bad[0], bw).ec == errc::bad_padding);
}

TEST_CASE("frames: real senders' leading ';', trailing ';' and glued frames, refused strict, read tolerant") {
    // leading ';'
    CHECK(refusal(";1_1.txt,aGk=") == result{errc::empty_field, 0, "element"});
    CHECK(field_of(refusal(";1_1.txt,aGk=")) == "element");
    REQUIRE(read(";1_1.txt,aGk=", mode::tolerant).size() == 1);
    CHECK(read(";1_1.txt,aGk=", mode::tolerant)[0].offset == 1);
    // trailing ';', at the string's end
    CHECK(refusal("1_1.txt,aGk=;") == result{errc::empty_field, 13, "element"});
    CHECK(read("1_1.txt,aGk=;", mode::tolerant).size() == 1);
    // empty elements in the middle
    CHECK(refusal("1_1.txt,aGk=;;1_2.gif,R0lGODlh") == result{errc::empty_field, 13, "element"});
    CHECK(read(";;1_1.txt,aGk=;;1_2.gif,R0lGODlh;;", mode::tolerant).size() == 2);
    // glued: text and image of a frame with no ';' between them, after whole quads
    const std::string glued = "1_1.txt,5L2g5aW91_2.gif,R0lGODlh";
    CHECK(refusal(glued) == result{errc::bad_character, 16, "element"});
    CHECK(field_of(refusal(glued)) == "element");
    std::vector<element> g = read(glued, mode::tolerant);
    REQUIRE(g.size() == 2);
    CHECK(g[0].data == "5L2g5aW9");
    CHECK(g[1].name == "1_2.gif");
    CHECK(g[1].offset == 16);
    CHECK(content_of(g[1]) == "GIF89a");
    // after padding, and with a two-digit frame number
    g = read("1_1.txt,aGk=1_2.gif,R0lGODlh", mode::tolerant);
    REQUIRE(g.size() == 2);
    CHECK(g[0].data == "aGk=");
    std::string ten;
    for (int i = 1; i <= 9; ++i) ten += std::to_string(i) + "_1.txt,aGk=;";
    g = read(ten + "10_1.txt,aGk=10_2.gif,R0lGODlh", mode::tolerant);
    REQUIRE(g.size() == 11);
    CHECK(g[10].frame == 10);
    CHECK(g[10].kind == frame_kind::image);
    // all three at once
    CHECK(read(";1_1.txt,5L2g5aW91_2.gif,R0lGODlh;2_1.txt,aGk=;", mode::tolerant).size() == 3);
    // a '_' that no frame number precedes is not glue
    CHECK(refusal("1_1.txt,aGk_2.gif,R0lGODlh", mode::tolerant) == result{errc::bad_character, 11, "data"});
    // nothing at all is refused in both modes
    CHECK(refusal("") == result{errc::empty_field, 0, "element"});
    CHECK(refusal(";;", mode::tolerant) == result{errc::empty_field, 0, "element"});
}

TEST_CASE("frames: every error of a name, the order and the data, with its offset") {
    auto check = [](std::string_view s, errc ec, std::size_t offset, const char* field) {
        for (mode m : {mode::strict, mode::tolerant}) {
            fivec_test::check_error(refusal(s, m), ec, offset, field);
        }
    };
    check("x_1.txt,aGk=", errc::bad_character, 0, "frame");
    check("0_1.txt,aGk=", errc::out_of_range, 0, "frame");
    check("1234567_1.txt,aGk=", errc::out_of_range, 0, "frame");
    check("1-1.txt,aGk=", errc::bad_character, 1, "name");
    check("1_4.txt,aGk=", errc::out_of_range, 2, "kind");
    check("1_x.txt,aGk=", errc::bad_character, 2, "kind");
    check("1_1txt,aGk=", errc::bad_character, 3, "name");
    check("1_1.gif,aGk=", errc::out_of_range, 4, "ext");   // an image type for a text kind
    check("1_2.png,aGk=", errc::out_of_range, 4, "ext");   // §2.3: gif and jpg only
    check("1_2.jpeg,aGk=", errc::out_of_range, 4, "ext");
    check("1_2.GIF,aGk=", errc::out_of_range, 4, "ext");
    check("1_1.txt", errc::bad_character, 7, "name");
    check("1_1.txt;", errc::bad_character, 7, "name");
    check("1_1.txt,a!Gk", errc::bad_character, 9, "data");
    check("1_1.txt,aGk= ", errc::bad_character, 12, "data");
    // order: frame 1 first; kinds rising within a frame; no frame skipped or repeated back
    check("2_1.txt,aGk=", errc::out_of_range, 0, "frame");
    check("1_2.gif,aGk=;1_1.txt,aGk=", errc::out_of_range, 13, "frame");
    check("1_1.txt,aGk=;1_1.txt,aGk=", errc::out_of_range, 13, "frame");
    check("1_1.txt,aGk=;3_1.txt,aGk=", errc::out_of_range, 13, "frame");
    check("1_1.txt,aGk=;2_1.txt,aGk=;1_3.mid,aGk=", errc::out_of_range, 26, "frame");
    // an element without data: strict refuses, tolerant keeps it empty
    CHECK(refusal("1_1.txt,") == result{errc::empty_field, 8, "data"});
    const std::vector<element> e = read("1_1.txt,;1_2.gif,R0lGODlh", mode::tolerant);
    REQUIRE(e.size() == 2);
    CHECK(e[0].data.empty());
    // the elements before an error were given already; the walk stops there
    const frames f("1_1.txt,aGk=;1_2.gif,!");
    std::size_t n = 0;
    for (const element& x : f) {
        (void)x;
        ++n;
    }
    CHECK(n == 1);
    CHECK(f.error() == result{errc::bad_character, 21, "data"});
}

TEST_CASE("frames: the builder refuses what would not read back") {
    std::string s;
    const auto refused = [&s](const std::vector<frame_file>& files) {
        s.clear();
        return smsgw::encode_append(fivec::frame_string{files}, s);
    };
    CHECK(refused({}) == result{errc::empty_field, 0, "element"});
    CHECK(refused({{2, file_type::txt, b("x")}}) == result{errc::out_of_range, 0, "frame"});
    CHECK(refused({{1, file_type::gif, b("x")}, {1, file_type::txt, b("x")}}) == result{errc::out_of_range, 1, "frame"});
    CHECK(refused({{1, file_type::gif, b("x")}, {1, file_type::jpg, b("x")}}) == result{errc::out_of_range, 1, "frame"});
    CHECK(refused({{1, file_type::txt, b("x")}, {3, file_type::txt, b("x")}}) == result{errc::out_of_range, 1, "frame"});
    CHECK(refused({{1, file_type::txt, b("")}}) == result{errc::empty_field, 0, "data"});
    CHECK(s.empty());
    // buffer_too_small with the size needed
    const std::vector<frame_file> one = {{1, file_type::txt, b("hi")}};
    char small[4];
    CHECK(smsgw::encode(fivec::frame_string{one}, smsgw::mutable_bytes(small)) == result{errc::buffer_too_small, 12});
}

TEST_CASE("frames: building and reading allocate nothing") {
    const std::vector<frame_file> files = {{1, file_type::txt, b("你好")}, {1, file_type::gif, b("GIF89a")}};
    char out[64];
    std::string scratch(16, '\0'), text(64, '\0');
    smsgw::test::alloc_counter guard;
    smsgw::writer w(out, sizeof out);
    REQUIRE(encode(fivec::frame_string{files}, w));
    const frames f(std::string_view(out, w.size()), mode::tolerant);
    std::size_t n = 0;
    for (const element& e : f) {
        smsgw::writer tw(text.data(), text.size());
        if (e.kind == frame_kind::text) CHECK(fivec::decode_text(e, smsgw::charset::encoding::utf8, tw, smsgw::mutable_bytes(scratch)));
        ++n;
    }
    CHECK(n == 2);
    CHECK(guard.count() == 0);
}

namespace {
fivec::caixin_send_request sample() {
    return {apikey, "test", "test", "13811299999,18610310066", "标题", "1_1.txt,5L2g5aW9", ""};
}
}  // namespace

TEST_CASE("caixin_send: the body, its title URL-encoded before the form encoding (twice on the wire)") {
    std::string body;
    REQUIRE(smsgw::encode_append(sample(), body));
    CHECK(body == "apikey=231d1a3dc627ebd0a7cab5b35c397d3e&username=test&password=test"
                  "&mobile=13811299999%2C18610310066&title=%25E6%25A0%2587%25E9%25A2%2598&content=1_1.txt%2C5L2g5aW9");
    fivec::caixin_send_request back;
    REQUIRE(decode_request(body, back) == result{errc{}, body.size()});
    CHECK(back.title == "标题");  // the original, not its URL encoding
    CHECK(back.mobile == "13811299999,18610310066");
    CHECK(back.content == "1_1.txt,5L2g5aW9");
    CHECK(back.encode.empty());
    CHECK(fivec::text_encoding(back) == smsgw::charset::encoding::utf8);
    // a space becomes '+', then %2B; '+' itself %2B, then %252B
    fivec::caixin_send_request r = sample();
    r.title = "a b+c";
    r.encode = "utf-8";
    body.clear();
    REQUIRE(smsgw::encode_append(r, body));
    CHECK(body.find("&title=a%2Bb%252Bc&") != std::string::npos);
    CHECK(body.substr(body.size() - 13) == "&encode=utf-8");
    REQUIRE(decode_request(body, back));
    CHECK(back.title == "a b+c");
    // a title of more than one buffer's worth of bytes
    std::string long_title;
    for (int i = 0; i < 40; ++i) long_title += "标";
    r.title = long_title;
    body.clear();
    REQUIRE(smsgw::encode_append(r, body));
    REQUIRE(decode_request(body, back));
    CHECK(back.title == long_title);
}

TEST_CASE("caixin_send: the spec's example URL as printed (§2.2 示例), `tittle` read in tolerant mode") {
    const std::string printed = "apikey=231d1a3dc627ebd0a7cab5b35c397d3e&username=test&password=test&mobile=13811299999"
                                "&tittle=Urlencode 标题&content=BASE64 编码组合内容";
    fivec::caixin_send_request r;
    CHECK(decode_request(printed, r) == result{errc::unknown_field, 87});
    // tolerant: the title is read, then the content, a placeholder, is no frame string
    const result t = decode_request(printed, r, mode::tolerant);
    CHECK(t == result{errc::bad_character, 111, "content"});  // the content's pair
    CHECK(field_of(t) == "content");
    // with a content that is one
    const std::string real = "apikey=231d1a3dc627ebd0a7cab5b35c397d3e&username=test&password=test&mobile=13811299999"
                             "&tittle=Urlencode%2520%25E6%25A0%2587%25E9%25A2%2598&content=1_1.txt%2CaGk%3D";
    CHECK(decode_request(real, r) == result{errc::unknown_field, 87});
    REQUIRE(decode_request(real, r, mode::tolerant));
    CHECK(r.title == "Urlencode 标题");
    // title and tittle both: the first counts
    REQUIRE(decode_request(real + "&title=x", r, mode::tolerant));
    CHECK(r.title == "Urlencode 标题");
}

TEST_CASE("caixin_send: the content as a frame string, in the decoder's mode") {
    fivec::caixin_send_request r = sample();
    r.content = ";1_1.txt,aGk=;";
    std::string body;
    const result e = smsgw::encode_append(r, body);
    CHECK(e == result{errc::empty_field, 0, "content"});
    CHECK(field_of(e) == "content");
    CHECK(fivec::validate(r) == e);
    const std::string sent = "apikey=231d1a3dc627ebd0a7cab5b35c397d3e&username=test&password=test&mobile=13811299999"
                             "&title=t&content=%3B1_1.txt%2C5L2g5aW91_2.gif%2CR0lGODlh%3B";
    fivec::caixin_send_request back;
    const result strict = decode_request(sent, back);
    CHECK(strict == result{errc::empty_field, 95, "content"});
    CHECK(field_of(strict) == "content");
    REQUIRE(decode_request(sent, back, mode::tolerant));
    std::size_t n = 0;
    CHECK(frames(back.content, mode::tolerant).validate(n));
    CHECK(n == 2);
}

TEST_CASE("caixin_send: every limit one under and one over, naming the field") {
    auto check = [](fivec::caixin_send_request r, errc ec, std::size_t offset, const char* field) {
        const result got = fivec::validate(r);
        fivec_test::check_error(got, ec, offset, field);
        std::string body;
        CHECK(smsgw::encode_append(r, body) == got);
        CHECK(body.empty());
    };
    fivec::caixin_send_request r = sample();
    CHECK(fivec::validate(r));
    r.apikey = apikey.substr(1);
    check(r, errc::invalid_length, 31, "apikey");
    const std::string long_key = std::string(apikey) + "0";
    r.apikey = long_key;
    check(r, errc::field_too_long, 32, "apikey");
    r = sample();
    r.username = "ab";
    check(r, errc::invalid_length, 2, "username");
    r.username = "abc";
    CHECK(fivec::validate(r));
    r.username = "abcdefghijklmno";
    CHECK(fivec::validate(r));
    r.username = "abcdefghijklmnop";
    check(r, errc::field_too_long, 15, "username");
    r = sample();
    r.password = "";
    check(r, errc::empty_field, 0, "password");
    r.password = "p\xC3\xA9p";
    check(r, errc::bad_character, 1, "password");
    r = sample();
    r.mobile = "13811299999,138112999990";
    check(r, errc::field_too_long, 23, "mobile");
    r.mobile = "13811299999,";
    check(r, errc::empty_field, 12, "mobile");
    r.mobile = "1381129999x";
    check(r, errc::bad_character, 10, "mobile");
    r = sample();
    std::string title;
    for (int i = 0; i < 40; ++i) title += "标";
    r.title = title;
    CHECK(fivec::validate(r));
    title += "x";
    r.title = title;
    check(r, errc::field_too_long, 120, "title");
    r.title = "";
    check(r, errc::empty_field, 0, "title");
    r.title = "\xE6\xA0";
    check(r, errc::invalid_utf8, 0, "title");
    r = sample();
    std::string content = "1_2.gif,";
    content.append(fivec::caixin_send_request::max_content - content.size(), 'A');
    r.content = content;
    CHECK(fivec::validate(r));
    content += "A";
    r.content = content;
    check(r, errc::field_too_long, 51200, "content");
    r = sample();
    for (std::string_view e : {"utf8", "utf-8", "UTF-8", "gbk"}) {
        r.encode = e;
        if (e != "gbk") CHECK(fivec::validate(r));
    }
    r.encode = "GBK";
    check(r, errc::out_of_range, 0, "encode");
    r.encode = "utf16";
    check(r, errc::out_of_range, 0, "encode");
}

TEST_CASE("caixin_send: encode=gbk, a GBK title and text frames") {
    fivec::caixin_send_request r = sample();
    r.encode = "gbk";
    r.title = "\xB1\xEA\xCC\xE2";  // 标题 in GBK
    r.content = "1_1.txt,xOO6ww==";
    std::string body;
    REQUIRE(smsgw::encode_append(r, body));
    CHECK(body.find("&title=%25B1%25EA%25CC%25E2&") != std::string::npos);
    fivec::caixin_send_request back;
    REQUIRE(decode_request(body, back));
    CHECK(back.title == r.title);
    CHECK(fivec::text_encoding(back) == smsgw::charset::encoding::gbk);
    const std::vector<element> e = read(back.content);
    CHECK(text_of(e[0], fivec::text_encoding(back)) == "你好");
    std::string title;
    REQUIRE(smsgw::write_append(title, [&](smsgw::writer& w) { return fivec::decode_title(back, w); }));
    CHECK(title == "标题");
    back.encode = "utf8";  // the same bytes read as UTF-8 are not UTF-8
    char out[16];
    smsgw::writer w(out, sizeof out);
    CHECK(fivec::decode_title(back, w).ec == errc::invalid_utf8);
    // not GBK: a lead byte without its trail byte
    r.title = "\xB1";
    const result bad = fivec::validate(r);
    CHECK(bad.ec == errc::truncated);
    CHECK(field_of(bad) == "title");
    // 80 bytes at most
    std::string eighty(80, '\x41');
    r.title = eighty;
    CHECK(fivec::validate(r));
    eighty += "A";
    r.title = eighty;
    CHECK(fivec::validate(r) == result{errc::field_too_long, 80, "title"});
}

TEST_CASE("caixin_send: decoding checks, both modes, and allocates nothing") {
    fivec::caixin_send_request r;
    const std::string head = "apikey=231d1a3dc627ebd0a7cab5b35c397d3e&username=test&password=test&mobile=13811299999";
    CHECK(decode_request(head + "&content=1_1.txt%2CaGk%3D", r) == result{errc::missing_field, 111, "title"});
    CHECK(field_of(decode_request(head + "&content=1_1.txt%2CaGk%3D", r)) == "title");
    CHECK(decode_request(head + "&title=%25E6%25A&content=1_1.txt%2CaGk%3D", r) == result{errc::bad_escape, 87, "title"});
    CHECK(decode_request(head + "&title=t&title=u&content=1_1.txt%2CaGk%3D", r) == result{errc::duplicate_field, 95, "title"});
    REQUIRE(decode_request(head + "&title=t&title=u&content=1_1.txt%2CaGk%3D&sid=1", r, mode::tolerant));
    CHECK(r.title == "t");
    std::string body;
    REQUIRE(smsgw::encode_append(sample(), body));
    char out[512];
    char scratch[512];
    smsgw::test::alloc_counter guard;
    smsgw::writer w(out, sizeof out);
    REQUIRE(encode(sample(), w));
    REQUIRE(fivec::decode(body, r, smsgw::mutable_bytes(scratch)));
    CHECK(guard.count() == 0);
    CHECK(std::string_view(out, w.size()) == body);
}
