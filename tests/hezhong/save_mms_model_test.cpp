#include "smsgw/hezhong/save_mms_model.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "hezhong_test.hpp"
#include "smsgw/hezhong/audit.hpp"
#include "smsgw/hezhong/variables.hpp"

using smsgw::bytes;
using smsgw::errc;
using smsgw::mode;
using smsgw::result;
using smsgw::span;
using namespace smsgw::hezhong;
using hezhong_test::encoded;
using hezhong_test::text;

namespace {

using decoded_model = hezhong_test::decoded<save_mms_model_request, frame, attachment>;

// §二's request example as printed: brackets that do not balance (two closers too many), a key
// broken by a line ("hex\n    16str"), a value broken by one, and 'l' for '1' in two hex values.
const std::string printed =
    "{\n  \"userid\": \"300000\", \"username\": \"300000\", \"password\": \"123456\", \"subject\":\n  "
    "\"e6b58be8af95e6a8a1e69dbfe6a087e9a298\", \"productid\": \"16891\", \"frames\": [\n    { \"dur\": \"5000\", "
    "\"index\": 0, \"attachments\": [ { \"index\": 1, \"fileName\": \"1.txt\",\n    \"hex16str\": "
    "\"e699aee9809ae98787e4bfale69687e69cace6b58be8af95\" } ] }, { \"dur\":\n    \"5000\", \"index\": 0, "
    "\"attachments\": [ { \"index\": 1, \"fileName\": \"3.txt\", \"hex\n    16str\": "
    "\"e7acace4ba8ce5b8a7efbc8ce699aee9809ae98787e4bfale69687e69cace\n    6b58be8af95\" } ] } ] } ] }\n";

std::string replaced(std::string s, std::string_view from, std::string_view to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
        s.replace(at, from.size(), to);
    }
    return s;
}

// The example with its faults mended one by one.
std::string without_extra_closers(std::string s) { return s.substr(0, s.rfind(" ] } ] }")) + " ] }\n"; }
std::string without_broken_lines(std::string s) {
    return replaced(replaced(std::move(s), "\"hex\n    16str\"", "\"hex16str\""), "e69cace\n    6b58be8af95", "e69cace6b58be8af95");
}
std::string without_letter_l(std::string s) { return replaced(std::move(s), "bfale6", "bfa1e6"); }

}  // namespace

TEST_CASE("SaveMmsModel: the spec's example as printed is refused, each fault at its offset, in both modes") {
    for (mode m : {mode::strict, mode::tolerant}) {
        // The line inside a key is a control character in a JSON string.
        const std::string lines = without_extra_closers(without_letter_l(printed));
        decoded_model d1(lines, m);
        CHECK(d1.r == result{errc::bad_character, lines.find("hex\n") + 3});
        // The 'l' among the hex digits.
        const std::string letters = without_extra_closers(without_broken_lines(printed));
        decoded_model d2(letters, m);
        CHECK(d2.r == result{errc::bad_character, letters.find("bfale6") + 3, "hex16str"});
        // Two closing brackets after the object.
        const std::string closers = without_letter_l(without_broken_lines(printed));
        decoded_model d3(closers, m);
        CHECK(d3.r == result{errc::trailing_bytes, closers.rfind(" ] }") + 1});
        // The whole, as printed: the first fault in the text.
        decoded_model d4(printed, m);
        CHECK(d4.r == result{errc::bad_character, printed.find("bfale6") + 3, "hex16str"});
    }
}

TEST_CASE("SaveMmsModel: the example mended decodes, its subject and texts as UTF-8") {
    const std::string body = without_extra_closers(without_letter_l(without_broken_lines(printed)));
    decoded_model d(body);
    REQUIRE(d.r == result{errc{}, body.size()});
    const save_mms_model_request& r = d.msg;
    CHECK(r.userid == "300000");
    CHECK(r.username == "300000");
    CHECK(r.password == "123456");
    CHECK(r.productid == "16891");
    CHECK(text(r.subject) == "测试模板标题");
    REQUIRE(r.frames.size() == 2);
    CHECK(r.frames[0].dur == "5000");
    CHECK(r.frames[0].index == 0);
    REQUIRE(r.frames[0].attachments.size() == 1);
    CHECK(r.frames[0].attachments[0].index == 1);
    CHECK(r.frames[0].attachments[0].file_name == "1.txt");
    CHECK(text(r.frames[0].attachments[0].hex16str) == "普通采信文本测试");
    REQUIRE(r.frames[1].attachments.size() == 1);
    CHECK(r.frames[1].attachments[0].file_name == "3.txt");
    CHECK(text(r.frames[1].attachments[0].hex16str) == "第二帧，普通采信文本测试");
}

TEST_CASE("SaveMmsModel: encoded compactly, hex in lower case, and decoded back; upper-case hex read") {
    const std::string_view hello = "欢迎 ${Text1}";
    const unsigned char gif[] = {'G', 'I', 'F', '8', '9', 'a', 0x00, 0xFF};
    const attachment a1[] = {{1, "1.txt", bytes(hello), {}}, {2, "2.gif", {}, bytes(gif, sizeof gif)}};
    const frame frames[] = {{0, "5000", span<const attachment>(a1)}};
    save_mms_model_request r;
    r.userid = "300000";
    r.username = "300000";
    r.password = "123456";
    r.productid = "16891";
    r.subject = bytes(std::string_view("测试"));
    r.frames = frames;
    const std::string body = encoded(r);
    CHECK(body ==
          "{\"userid\":\"300000\",\"username\":\"300000\",\"password\":\"123456\",\"productid\":\"16891\","
          "\"subject\":\"e6b58be8af95\",\"frames\":[{\"index\":0,\"dur\":\"5000\",\"attachments\":["
          "{\"index\":1,\"fileName\":\"1.txt\",\"hex16str\":\"e6aca2e8bf8e20247b54657874317d\"},"
          "{\"index\":2,\"fileName\":\"2.gif\",\"base64str\":\"R0lGODlhAP8=\"}]}]}");
    decoded_model d(body);
    REQUIRE(d.r == result{errc{}, body.size()});
    CHECK(text(d.msg.subject) == "测试");
    REQUIRE(d.msg.frames.size() == 1);
    REQUIRE(d.msg.frames[0].attachments.size() == 2);
    CHECK(text(d.msg.frames[0].attachments[0].hex16str) == hello);
    CHECK(text(d.msg.frames[0].attachments[1].base64str) == text(bytes(gif, sizeof gif)));
    CHECK(d.msg.frames[0].attachments[1].hex16str.empty());

    const std::string upper = replaced(body, "e6b58be8af95", "E6B58BE8AF95");
    decoded_model u(upper);
    REQUIRE(u.r);
    CHECK(text(u.msg.subject) == "测试");

    // Zero allocation, both ways.
    std::vector<smsgw::byte> out(body.size());
    smsgw::test::alloc_counter guard;
    smsgw::writer w(out);
    CHECK(encode(r, w));
    decoded_model again(std::string_view(reinterpret_cast<const char*>(out.data()), out.size()));
    CHECK(again.r);
    CHECK(guard.count() == 1);  // decoded's own scratch vector, nothing in the codec
}

TEST_CASE("SaveMmsModel: hex16 errors, the exactly-one rule, a missing productid, frames past storage") {
    const std::string head = "{\"userid\":\"1\",\"username\":\"u\",\"password\":\"p\",\"subject\":\"";
    const std::string tail = "\",\"frames\":[]}";
    const auto with_subject = [&](std::string_view hex) { return head + std::string(hex) + tail; };
    decoded_model odd(with_subject("e6b58"));
    CHECK(odd.r == result{errc::odd_length, head.size() + 4, "subject"});
    decoded_model bad(with_subject("e6g5"));
    CHECK(bad.r == result{errc::bad_character, head.size() + 2, "subject"});
    decoded_model not_utf8(with_subject("ff"));
    CHECK(not_utf8.r.ec == errc::invalid_utf8);
    decoded_model empty(with_subject(""));
    CHECK(empty.r.ec == errc::empty_field);
    decoded_model ok(with_subject("41"));
    CHECK(ok.r);
    CHECK(ok.msg.productid.empty());  // China-Telecom-only accounts leave it out

    const std::string frames_head = head + "41\",\"frames\":[{\"dur\":\"1\",\"attachments\":[{\"fileName\":\"a\"";
    decoded_model neither(frames_head + "}]}]}");
    CHECK(neither.r.ec == errc::missing_field);
    CHECK(std::string_view(neither.r.field) == "hex16str");
    decoded_model both(frames_head + ",\"hex16str\":\"41\",\"base64str\":\"QQ==\"}]}]}");
    CHECK(both.r.ec == errc::duplicate_field);
    CHECK(std::string_view(both.r.field) == "hex16str");
    decoded_model bad_dur(head + "41\",\"frames\":[{\"dur\":\"5s\",\"attachments\":[]}]}");
    const std::string dur_body = head + "41\",\"frames\":[{\"dur\":\"5s\",\"attachments\":[]}]}";
    CHECK(bad_dur.r == result{errc::bad_character, dur_body.find("\"5s\""), "dur"});  // at the value
    CHECK(std::string_view(bad_dur.r.field) == "dur");

    std::string many = head + "41\",\"frames\":[";
    for (int i = 0; i < 9; ++i) many += std::string(i ? "," : "") + "{\"dur\":\"1\",\"attachments\":[]}";
    many += "]}";
    decoded_model past(many);  // storage holds 8
    CHECK(past.r.ec == errc::too_many);
    CHECK(std::string_view(past.r.field) == "frames");

    // Found by the fuzzer: tolerant mode's bare token as base64, its error inside the body.
    const std::string bare = frames_head.substr(0, frames_head.size() - 3) + "\"a.gif\",\"base64str\":abcde}]}]}";
    decoded_model token(bare, mode::tolerant);
    CHECK(token.r == result{errc::truncated, bare.find("abcde") + 5, "base64str"});

    // Unknown keys: strict refuses, tolerant skips.
    const std::string extra = with_subject("41").insert(1, "\"x\":1,");
    CHECK(decoded_model(extra).r == result{errc::unknown_field, 1});
    CHECK(decoded_model(extra, mode::tolerant).r);
}

TEST_CASE("SaveMmsModel response: code as a string (the example) and as a number (the table)") {
    using decoded_response = hezhong_test::decoded<save_mms_model_response>;
    const std::string example = "{\"code\": \"0\", \"message\": \"提交成\", \"mmsid\": \"142D2B40270F0001\"}\n";
    decoded_response d(example);
    REQUIRE(d.r == result{errc{}, example.size()});
    CHECK(d.msg.code == return_code::success);
    CHECK(d.msg.message == "提交成");
    CHECK(d.msg.mmsid == "142D2B40270F0001");
    CHECK(encoded(d.msg) == "{\"code\":0,\"message\":\"提交成\",\"mmsid\":\"142D2B40270F0001\"}");

    decoded_response failed("{\"code\":-6,\"message\":\"彩信模版错误\"}");
    REQUIRE(failed.r);
    CHECK(failed.msg.code == return_code::template_error);
    CHECK(encoded(failed.msg) == "{\"code\":-6,\"message\":\"彩信模版错误\"}");
    decoded_response unknown("{\"code\":\"-77\",\"message\":\"\"}");
    REQUIRE(unknown.r);
    CHECK(static_cast<int>(unknown.msg.code) == -77);
    CHECK(!describe(call::save_mms_model, unknown.msg.code).known());
    decoded_response no_id("{\"code\":0,\"message\":\"ok\"}");
    CHECK(no_id.r.ec == errc::missing_field);
    CHECK(std::string_view(no_id.r.field) == "mmsid");
}

TEST_CASE("Audit notification: the example, its enums, unknown values kept") {
    using decoded_audit = hezhong_test::decoded<audit_notification>;
    const std::string example =
        "{\"username\": \"300000\", \"mmsid\": \"142D2B40270F0001\", \"status\": \"1\", \"message\": \"通过\", \"type\": \"1\"}\n";
    decoded_audit d(example);
    REQUIRE(d.r == result{errc{}, example.size()});
    CHECK(d.msg.status_code() == audit_status::passed);
    CHECK(d.msg.carrier_code() == carrier::china_mobile);
    CHECK(describe(d.msg.carrier_code()).chinese == "移动");
    CHECK(encoded(d.msg) == "{\"username\":\"300000\",\"mmsid\":\"142D2B40270F0001\",\"status\":\"1\",\"message\":\"通过\",\"type\":\"1\"}");
    decoded_audit other("{\"username\":\"u\",\"mmsid\":\"m\",\"status\":\"2\",\"message\":\"\",\"type\":\"4\"}");
    REQUIRE(other.r);
    CHECK(other.msg.status_code() == audit_status::refused);
    CHECK(static_cast<int>(other.msg.carrier_code()) == 4);
    CHECK(!describe(other.msg.carrier_code()).known());
    // A string of digits is read from a number token too, as numbers are from strings (vendors send both).
    decoded_audit number("{\"username\":\"u\",\"mmsid\":\"m\",\"status\":1,\"message\":\"\",\"type\":\"1\"}");
    REQUIRE(number.r);
    CHECK(number.msg.status_code() == audit_status::passed);
    decoded_audit text("{\"username\":\"u\",\"mmsid\":\"m\",\"status\":true,\"message\":\"\",\"type\":\"1\"}");
    CHECK(text.r.ec == errc::wrong_type);
}

TEST_CASE("Template variables: listed in order, case-sensitive, checked against a map") {
    const std::string_view t = "尊敬的${Text1}，您在${Text2}的预订 ${text3} ${Text} ${Text01} ${Text1}";
    std::vector<std::string_view> names;
    std::vector<std::size_t> at;
    for (const template_variables::placeholder& p : template_variables(t)) {
        names.push_back(p.name);
        at.push_back(p.offset);
    }
    CHECK(names == std::vector<std::string_view>{"Text1", "Text2", "Text1"});
    CHECK(at[0] == t.find("${Text1}"));
    const variable good[] = {{"Text1", "张先生"}, {"Text2", "宴会厅"}};
    CHECK(check_variables(t, variables(good)));
    const variable missing[] = {{"Text1", "张先生"}};
    CHECK(check_variables(t, variables(missing)) == result{errc::missing_field, t.find("${Text2}"), "cont"});
    const variable extra[] = {{"Text1", "a"}, {"Text2", "b"}, {"Text3", "c"}};
    CHECK(check_variables(t, variables(extra)) == result{errc::unknown_field, 2, "cont"});
}
