// caixin_send_batch's xmlData (5c-mms-api.txt §3.3): the document encoded in one pass from the
// caller's values byte for byte, decoded lazily (the head at once, the recipients as they are
// iterated, finish() for the rest), the spec's example as printed in both modes, every limit
// one under and one over, every error with its offset and element, round trips, no allocation.
#include "smsgw/fivec/batch.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "test.hpp"

using smsgw::errc;
namespace fivec = smsgw::fivec;

namespace {

constexpr smsgw::mode tolerant = smsgw::mode::tolerant;

// 5c-mms-api.txt §3.3, the submission example as printed.
constexpr std::string_view spec_example = R"(<?xml version='1.0' encoding='UTF-8' ?>
<mms>
  <mmsTitle>彩信主题(UTF-8->Urlencode 编码)</mmsTitle>
  <mmsPictureType>彩信图片类型(jpg/gif/jpeg/png)</mmsPictureType>
  <mmsPictureContent>UTF-8->彩信图片 BASE64 编码
  </mmsPictureContent> <mmsBody>
    <mmsBodyData>
      <mmsMobile>13811299999</mmsMobile>
      <mmsTextContent>彩信文本内容 UrlEncode 编码</mmsTextContent>
    </mmsBodyData>
    <mmsBodyData>
      <mmsMobile>18610310066</mmsMobile>
      <mmsTextContent>彩信文本内容 UrlEncode 编码
    </mmsTextContent> </mmsBodyData>
  </mmsBody>
</mms>
)";

const fivec::batch_recipient two[] = {{"13811299999", "您好 A&B"}, {"18610310066", "第二条"}};

fivec::batch_request_xml request() {
    fivec::batch_request_xml b;
    b.mms_title = "彩信主题";
    b.mms_picture_type = "jpg";
    b.mms_picture_content = smsgw::bytes(std::string_view("\xFF\xD8\xFF"));
    b.mms_body = two;
    return b;
}

std::string encoded(const fivec::batch_request_xml& b) {
    std::string out;
    const smsgw::result r = smsgw::encode_append(b, out);
    INFO(r.message() << " at " << r.offset);
    REQUIRE(r.ok());
    CHECK(smsgw::encoded_size(b) == out.size());
    return out;
}

fivec::batch_document decoded(std::string_view xml, smsgw::mode m = smsgw::mode::strict) {
    fivec::batch_document d;
    const smsgw::result r = fivec::decode(xml, d, m);
    INFO(r.message() << " at " << r.offset);
    REQUIRE(r.ok());
    return d;
}

smsgw::result decode_error(std::string_view xml, smsgw::mode m = smsgw::mode::strict) {
    fivec::batch_document d;
    if (smsgw::result r = fivec::decode(xml, d, m); !r) return r;
    return fivec::finish(d);
}

std::string text_of(const fivec::batch_entry& e) {
    std::string s(e.mms_text_content.size(), '\0');
    smsgw::writer w(s.data(), s.size());
    REQUIRE(e.text(w).ok());
    s.resize(w.size());
    return s;
}

std::string with(std::string_view doc, std::string_view from, std::string_view to) {
    std::string s(doc);
    const std::size_t at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
    return s;
}

std::size_t at(std::string_view doc, std::string_view what, std::size_t nth = 0) {
    std::size_t p = doc.find(what);
    for (; nth > 0; --nth) p = doc.find(what, p + 1);
    REQUIRE(p != std::string_view::npos);
    return p;
}

}  // namespace

TEST_CASE("fivec batch: encoded in one pass, byte for byte") {
    const std::string xml = encoded(request());
    CHECK(xml == "<?xml version=\"1.0\" encoding=\"UTF-8\"?><mms><mmsTitle>%E5%BD%A9%E4%BF%A1%E4%B8%BB%E9%A2%98</mmsTitle>"
                 "<mmsPictureType>jpg</mmsPictureType><mmsPictureContent>/9j/</mmsPictureContent><mmsBody>"
                 "<mmsBodyData><mmsMobile>13811299999</mmsMobile><mmsTextContent>%E6%82%A8%E5%A5%BD+A%26B</mmsTextContent>"
                 "</mmsBodyData><mmsBodyData><mmsMobile>18610310066</mmsMobile>"
                 "<mmsTextContent>%E7%AC%AC%E4%BA%8C%E6%9D%A1</mmsTextContent></mmsBodyData></mmsBody></mms>");
    std::string small(20, '\0');
    CHECK(smsgw::encode(request(), smsgw::mutable_bytes(small)) == smsgw::result{errc::buffer_too_small, xml.size()});
}

TEST_CASE("fivec batch: decoded lazily, the values back as the caller gave them") {
    const std::string xml = encoded(request());
    fivec::batch_document d;
    REQUIRE(fivec::decode(xml, d) == smsgw::result{errc{}, at(xml, "<mmsBody>")});
    CHECK(d.mms_picture_type == "jpg");
    CHECK(d.mms_picture_content == "/9j/");
    char buf[64];
    smsgw::writer t(buf, sizeof buf);
    REQUIRE(d.title(t).ok());
    CHECK(std::string_view(buf, t.size()) == "彩信主题");
    smsgw::writer p(buf, sizeof buf);
    REQUIRE(d.picture(p).ok());
    CHECK(std::string_view(buf, p.size()) == "\xFF\xD8\xFF");
    std::vector<std::string> got;
    for (const fivec::batch_entry& e : d.mms_body) got.push_back(std::string(e.mms_mobile) + ":" + text_of(e));
    CHECK(got == std::vector<std::string>{"13811299999:您好 A&B", "18610310066:第二条"});
    CHECK(d.mms_body.begin()->offset == at(xml, "<mmsBodyData>"));
    CHECK(fivec::finish(d) == smsgw::result{errc{}, xml.size()});
}

TEST_CASE("fivec batch: the spec's example as printed") {
    // Its mmsPictureType is a description, not a type: refused in both modes, at the value.
    const std::size_t type_at = at(spec_example, "彩信图片类型");
    CHECK(decode_error(spec_example) == smsgw::result{errc::out_of_range, type_at, "mmsPictureType"});
    CHECK(decode_error(spec_example, tolerant) == smsgw::result{errc::out_of_range, type_at, "mmsPictureType"});
    CHECK(decode_error(spec_example).field == std::string_view("mmsPictureType"));
    // With a type, the structure reads in both modes; strict keeps the whitespace the example
    // prints before </mmsPictureContent> and </mmsTextContent>, tolerant trims it.
    const std::string typed = with(spec_example, "彩信图片类型(jpg/gif/jpeg/png)", "jpg");
    const fivec::batch_document s = decoded(typed);
    CHECK(s.mms_picture_content == "UTF-8->彩信图片 BASE64 编码\n  ");
    CHECK(fivec::finish(s).ok());
    std::vector<std::string> texts;
    for (const fivec::batch_entry& e : s.mms_body) texts.push_back(std::string(e.mms_text_content));
    CHECK(texts == std::vector<std::string>{"彩信文本内容 UrlEncode 编码", "彩信文本内容 UrlEncode 编码\n    "});
    const fivec::batch_document t = decoded(typed, tolerant);
    CHECK(t.mms_picture_content == "UTF-8->彩信图片 BASE64 编码");
    texts.clear();
    for (const fivec::batch_entry& e : t.mms_body) texts.push_back(std::string(e.mms_text_content));
    CHECK(texts == std::vector<std::string>{"彩信文本内容 UrlEncode 编码", "彩信文本内容 UrlEncode 编码"});
    // The placeholder is no base64.
    char buf[64];
    smsgw::writer w(buf, sizeof buf);
    const smsgw::result pic = s.picture(w);
    CHECK(pic.ec == errc::bad_character);
    CHECK(pic.field == std::string_view("mmsPictureContent"));
}

TEST_CASE("fivec batch: the encoder's checks, one under and one over") {
    fivec::batch_request_xml b = request();
    const std::string forty(40, 'x');
    b.mms_title = forty;
    CHECK(smsgw::encoded_size(b) > 0);
    CHECK(fivec::validate(b).ok());
    const std::string forty_one = "彩" + std::string(40, 'x');
    b.mms_title = forty_one;
    CHECK(fivec::validate(b) == smsgw::result{errc::field_too_long, 42, "mmsTitle"});
    CHECK(fivec::validate(b).field == std::string_view("mmsTitle"));
    b.mms_title = "";
    CHECK(fivec::validate(b) == smsgw::result{errc::empty_field, 0, "mmsTitle"});
    b.mms_title = "a\xC0";
    CHECK(fivec::validate(b) == smsgw::result{errc::invalid_utf8, 1, "mmsTitle"});
    b = request();
    for (std::string_view type : {"jpg", "gif", "jpeg", "png"}) {
        b.mms_picture_type = type;
        CHECK(fivec::validate(b).ok());
    }
    for (std::string_view type : {"JPG", "bmp", ""}) {
        b.mms_picture_type = type;
        CHECK(fivec::validate(b) == smsgw::result{errc::out_of_range, 0, "mmsPictureType"});
    }
    b = request();
    b.mms_body = {};
    CHECK(fivec::validate(b) == smsgw::result{errc::missing_field, 0, "mmsBodyData"});
    fivec::batch_recipient one[] = {{"12345678901", "x"}};
    b.mms_body = one;
    CHECK(fivec::validate(b).ok());
    one[0].mms_mobile = "123456789012";
    CHECK(fivec::validate(b) == smsgw::result{errc::field_too_long, 11, "mmsMobile"});
    one[0].mms_mobile = "1381129999a";
    CHECK(fivec::validate(b) == smsgw::result{errc::bad_character, 10, "mmsMobile"});
    one[0].mms_mobile = "";
    CHECK(fivec::validate(b) == smsgw::result{errc::empty_field, 0, "mmsMobile"});
    one[0] = {"13811299999", "ok\xFF"};
    CHECK(fivec::validate(b) == smsgw::result{errc::invalid_utf8, 2, "mmsTextContent"});
    CHECK(fivec::validate(b).field == std::string_view("mmsTextContent"));
    std::string out(4096, '\0');
    CHECK(smsgw::encode(b, smsgw::mutable_bytes(out)) == smsgw::result{errc::invalid_utf8, 2, "mmsTextContent"});
}

TEST_CASE("fivec batch: what the decoder refuses, at its offset, and what tolerant mode reads") {
    const std::string xml = encoded(request());
    // Order of the head (strict), unknown and missing elements.
    const std::string swapped = with(with(xml, "<mmsPictureType>jpg</mmsPictureType>", ""), "<mmsBody>",
                                     "<mmsPictureType>jpg</mmsPictureType><mmsBody>");
    CHECK(decode_error(swapped) == smsgw::result{errc::unknown_field, at(swapped, "<mmsPictureContent>"), "mmsPictureContent"});
    CHECK(decode_error(swapped, tolerant).ok());
    const std::string extra = with(xml, "<mmsBody>", "<mmsNote>n</mmsNote><mmsBody>");
    CHECK(decode_error(extra) == smsgw::result{errc::unknown_field, at(extra, "<mmsNote>")});
    CHECK(decode_error(extra, tolerant).ok());
    const std::string extra_entry = with(xml, "</mmsBodyData>", "<x/></mmsBodyData>");
    CHECK(decode_error(extra_entry) == smsgw::result{errc::unknown_field, at(extra_entry, "<x/>")});
    CHECK(decode_error(extra_entry, tolerant).ok());
    const std::string after = with(xml, "</mms>", "<x/></mms>");
    CHECK(decode_error(after) == smsgw::result{errc::unknown_field, at(after, "<x/>")});
    CHECK(decode_error(after, tolerant).ok());
    const std::string in_body = with(xml, "<mmsBody>", "<mmsBody><x/>");
    CHECK(decode_error(in_body) == smsgw::result{errc::unknown_field, at(in_body, "<x/>")});
    CHECK(decode_error(in_body, tolerant).ok());
    const std::string no_title = with(xml, "<mmsTitle>%E5%BD%A9%E4%BF%A1%E4%B8%BB%E9%A2%98</mmsTitle>", "");
    CHECK(decode_error(no_title) == smsgw::result{errc::unknown_field, at(no_title, "<mmsPictureType>"), "mmsPictureType"});
    CHECK(decode_error(no_title, tolerant) == smsgw::result{errc::missing_field, at(no_title, "<mmsBody>"), "mmsTitle"});
    const std::string no_body = with(xml, xml.substr(at(xml, "<mmsBody>"), at(xml, "</mms>") - at(xml, "<mmsBody>")), "");
    CHECK(decode_error(no_body) == smsgw::result{errc::missing_field, at(no_body, "</mms>"), "mmsBody"});
    const std::string empty_body = with(xml, xml.substr(at(xml, "<mmsBodyData>"), at(xml, "</mmsBody>") - at(xml, "<mmsBodyData>")), "");
    CHECK(decode_error(empty_body) == smsgw::result{errc::missing_field, at(empty_body, "</mmsBody>"), "mmsBodyData"});
    const std::string twice = with(xml, "<mmsPictureType>", "<mmsTitle>x</mmsTitle><mmsPictureType>");
    CHECK(decode_error(twice, tolerant) == smsgw::result{errc::duplicate_field, at(twice, "<mmsTitle>", 1), "mmsTitle"});
    const std::string no_text = with(xml, "<mmsTextContent>%E7%AC%AC%E4%BA%8C%E6%9D%A1</mmsTextContent>", "");
    CHECK(decode_error(no_text) == smsgw::result{errc::missing_field, at(no_text, "<mmsBodyData>", 1), "mmsTextContent"});
    const std::string text_first = with(with(xml, "<mmsMobile>13811299999</mmsMobile>", ""), "</mmsTextContent></mmsBodyData>",
                                        "</mmsTextContent><mmsMobile>13811299999</mmsMobile></mmsBodyData>");
    CHECK(decode_error(text_first) == smsgw::result{errc::unknown_field, at(text_first, "<mmsTextContent>"), "mmsTextContent"});
    CHECK(decode_error(text_first, tolerant).ok());
    const std::string two_mobiles = with(xml, "</mmsMobile>", "</mmsMobile><mmsMobile>1</mmsMobile>");
    CHECK(decode_error(two_mobiles) == smsgw::result{errc::duplicate_field, at(two_mobiles, "<mmsMobile>1<"), "mmsMobile"});
    CHECK(decode_error("<other/>") == smsgw::result{errc::unknown_field, 0, "mms"});
    CHECK(decode_error("") == smsgw::result{errc::missing_root, 0});
    // Values: the picture type, numbers, escapes and elements inside a value.
    const std::string upper = with(xml, ">jpg<", ">JPG<");
    CHECK(decode_error(upper) == smsgw::result{errc::out_of_range, at(upper, "JPG"), "mmsPictureType"});
    CHECK(decode_error(upper, tolerant).ok());
    const std::string eleven = with(xml, "13811299999", "12345678901");
    CHECK(decode_error(eleven).ok());
    const std::string twelve = with(xml, "13811299999", "123456789012");
    CHECK(decode_error(twelve) == smsgw::result{errc::field_too_long, at(twelve, "123456789012") + 11, "mmsMobile"});
    const std::string letter = with(xml, "13811299999", "1381129999x");
    CHECK(decode_error(letter) == smsgw::result{errc::bad_character, at(letter, "x<"), "mmsMobile"});
    const std::string empty = with(xml, "<mmsMobile>13811299999</mmsMobile>", "<mmsMobile/>");
    CHECK(decode_error(empty) == smsgw::result{errc::empty_field, at(empty, "<mmsMobile/>"), "mmsMobile"});
    const std::string no_mobile = with(xml, "<mmsMobile>13811299999</mmsMobile>", "<mmsMobile></mmsMobile>");
    CHECK(decode_error(no_mobile) == smsgw::result{errc::empty_field, at(no_mobile, "</mmsMobile>"), "mmsMobile"});
    // The fuzz target's find: an empty value has no address of its own, the end tag's is taken.
    const std::string no_type = with(xml, ">jpg<", "><");
    CHECK(decode_error(no_type) == smsgw::result{errc::out_of_range, at(no_type, "</mmsPictureType>"), "mmsPictureType"});
    CHECK(decode_error(no_type, tolerant) == smsgw::result{errc::out_of_range, at(no_type, "</mmsPictureType>"), "mmsPictureType"});
    const std::string entity = with(xml, ">jpg<", ">&#x6A;pg<");
    CHECK(decode_error(entity) == smsgw::result{errc::bad_character, at(entity, "&#x6A;"), "mmsPictureType"});
    const std::string nested = with(xml, ">jpg<", "><b>jpg</b><");
    CHECK(decode_error(nested) == smsgw::result{errc::wrong_type, at(nested, "<b>"), "mmsPictureType"});
    const std::string cdata = with(xml, ">jpg<", "><![CDATA[jpg]]><");
    CHECK(decode_error(cdata).ok());
    // The XML reader's errors, the body's found only when it is read.
    const std::string broken_body = with(xml, "</mmsBodyData></mmsBody>", "</mmsBody>");
    fivec::batch_document d;
    REQUIRE(fivec::decode(broken_body, d).ok());
    CHECK(fivec::finish(d) == smsgw::result{errc::mismatched_tag, at(broken_body, "mmsBody></mms>")});
    CHECK(decode_error(with(xml, "<mmsTitle>", "<mmsTitle a='1' a='2'>")).ec == errc::duplicate_field);
    const std::string trailing = xml + "<x/>";
    CHECK(decode_error(trailing) == smsgw::result{errc::outside_root, xml.size()});
    // URL-decoding on request.
    const std::string bad_escape = with(xml, "%E5%BD%A9", "%E5%BD%G9");
    const fivec::batch_document bad = decoded(bad_escape);
    char buf[64];
    smsgw::writer w(buf, sizeof buf);
    CHECK(bad.title(w) == smsgw::result{errc::bad_escape, 6, "mmsTitle"});
}

TEST_CASE("fivec batch: 1000 recipients round trip, without allocating") {
    std::vector<std::string> mobiles, texts;
    for (int i = 0; i < 1000; ++i) {
        mobiles.push_back(std::to_string(13800000000 + i));
        texts.push_back("第 " + std::to_string(i) + " 条 & <短信>");
    }
    std::vector<fivec::batch_recipient> rs;
    for (int i = 0; i < 1000; ++i) rs.push_back({mobiles[static_cast<std::size_t>(i)], texts[static_cast<std::size_t>(i)]});
    fivec::batch_request_xml b = request();
    b.mms_body = rs;
    const std::size_t size = smsgw::encoded_size(b);
    std::string xml(size, '\0');
    char text[128];
    std::size_t n = 0, same = 0;
    smsgw::test::alloc_counter guard;
    REQUIRE(smsgw::encode(b, smsgw::mutable_bytes(xml)) == smsgw::result{errc{}, size});
    fivec::batch_document d;
    REQUIRE(fivec::decode(xml, d).ok());
    for (const fivec::batch_entry& e : d.mms_body) {
        smsgw::writer w(text, sizeof text);
        REQUIRE(e.text(w).ok());
        if (e.mms_mobile == rs[n].mms_mobile && std::string_view(text, w.size()) == rs[n].mms_text_content) ++same;
        ++n;
    }
    CHECK(fivec::finish(d).ok());
    CHECK(guard.count() == 0);
    CHECK(n == 1000);
    CHECK(same == 1000);
}

TEST_CASE("fivec batch: the caixin_send_batch form carries the document, encoded once more") {
    const std::size_t size = smsgw::encoded_size(request());
    std::string xml(size, '\0');
    REQUIRE(smsgw::encode(request(), smsgw::mutable_bytes(xml)));
    fivec::caixin_send_batch_request req{"0123456789abcdef0123456789abcdef", "user01", "secret", xml};
    std::string body;
    REQUIRE(smsgw::encode_append(req, body));
    CHECK(body.rfind("apikey=0123456789abcdef0123456789abcdef&username=user01&password=secret&xmlData=", 0) == 0);
    CHECK(body.find("%253Cmms%253E") != std::string::npos);  // '<' URL-encoded, then form-encoded
    std::vector<unsigned char> scratch(body.size());
    fivec::caixin_send_batch_request got;
    REQUIRE(fivec::decode(body, got, scratch));
    CHECK(got.xml_data == xml);
    fivec::batch_document d;
    REQUIRE(fivec::decode(got.xml_data, d).ok());
    char title[64];
    smsgw::writer t(title, sizeof title);
    REQUIRE(d.title(t).ok());
    CHECK(std::string_view(title, t.size()) == request().mms_title);
    req.apikey = "short";
    CHECK(std::string(smsgw::encode_append(req, body).field) == "apikey");
}
