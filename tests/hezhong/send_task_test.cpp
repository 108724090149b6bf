#include "smsgw/hezhong/send_mms_task.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "hezhong_test.hpp"
#include "smsgw/hezhong/send_variable_mms_task.hpp"

using smsgw::errc;
using smsgw::mode;
using smsgw::result;
using smsgw::span;
using namespace smsgw::hezhong;
using hezhong_test::encoded;

namespace {

using decoded_task = hezhong_test::decoded<send_mms_task_request>;
using decoded_variable = hezhong_test::decoded<send_variable_mms_task_request>;

// §四's two request examples as printed.
const std::string plain_example =
    "{\"userid\": \"300000\", \"username\": \"300000\", \"password\": \"123456\", \"mobile\": \"1368100000, 1368100002\", "
    "\"sub\": \"\", \"cont\": \"\", \"mmsid\": \"142D2B40270F0001\"}\n";
const std::string variable_example =
    "{\"userid\": \"300000\", \"username\": \"300000\", \"password\": \"123456\", \"mobile\": \"1368100000, 1368100002\", "
    "\"sub\": \"\", \"cont\": \"{ \\\"Text1\\\": \\\"张先生, \\\" }\", \"mmsid\": \"142D2B40270F0001\"}\n";
// §五's request example as printed: a bare array, then a stray quote before the closing brace.
const std::string array_example =
    "{\"userid\":\"300001\",\"username\":\"300001\",\"password\":\"1111\",\n\"mmsid\":\"79BD8D40270F0002\",\"sub\":\"\","
    "\"cont\":[{\"mobile\":\"15201163157\",\n\"param\":{\"Text1\":\"张三1\"}}, {\"mobile\":\"13522249853\",\n"
    "\"param\":{\"Text1\":\"李四2\"}}]\"}\n";

std::string replaced(std::string s, std::string_view from, std::string_view to) {
    const std::size_t at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("SendMmsTask: the examples' \", \" between numbers is refused by strict mode, read by tolerant") {
    for (const std::string* body : {&plain_example, &variable_example}) {
        decoded_task strict(*body);
        CHECK(strict.r == result{errc::bad_character, body->find("\"1368100000, "), "mobile"});
        decoded_task tolerant(*body, mode::tolerant);
        REQUIRE(tolerant.r == result{errc{}, body->size()});
        CHECK(tolerant.msg.mobile == "1368100000, 1368100002");
        CHECK(tolerant.msg.mmsid == "142D2B40270F0001");
        CHECK(tolerant.msg.sub.empty());
    }
    // The encoder is strict: the numbers are written without the blank.
    decoded_task plain(plain_example, mode::tolerant);
    CHECK(plain.msg.cont.empty());
    std::string refused;
    CHECK(smsgw::encode_append(plain.msg, refused) == result{errc::bad_character, 11, "mobile"});
    plain.msg.mobile = "1368100000,1368100002";
    CHECK(encoded(plain.msg) ==
          "{\"userid\":\"300000\",\"username\":\"300000\",\"password\":\"123456\",\"mobile\":\"1368100000,1368100002\","
          "\"mmsid\":\"142D2B40270F0001\",\"sub\":\"\",\"cont\":\"\"}");
}

TEST_CASE("SendMmsTask: cont, an object inside a string, read with its variables and written back") {
    decoded_task d(variable_example, mode::tolerant);
    REQUIRE(d.r);
    const variables& cont = d.msg.cont;
    CHECK(cont.json_text() == "{ \"Text1\": \"张先生, \" }");
    CHECK(cont.size() == 1);
    std::string_view v;
    REQUIRE(cont.find("Text1", v));
    CHECK(v == "张先生, ");
    CHECK(!cont.find("Text2", v));
    CHECK(check_variables("您好 ${Text1}", cont));
    // Written again compactly, the value as it stands.
    d.msg.mobile = "1368100000";
    CHECK(encoded(d.msg).find(",\"cont\":\"{\\\"Text1\\\":\\\"张先生, \\\"}\"}") != std::string::npos);
    // Found by the fuzzer: a trailing comma tolerant mode read inside cont is not written again.
    const std::string comma = "{\"userid\":\"1\",\"username\":\"u\",\"password\":\"p\",\"mobile\":\"1\",\"mmsid\":\"m\","
                              "\"cont\":\"{ \\\"Text1\\\": \\\"a\\\\\\\"b\\\" , }\"}";
    CHECK(decoded_task(comma).r.ec == errc::expected_key);
    decoded_task lenient(comma, mode::tolerant);
    REQUIRE(lenient.r);
    CHECK(encoded(lenient.msg).find(",\"cont\":\"{\\\"Text1\\\":\\\"a\\\\\\\"b\\\"}\"}") != std::string::npos);
}

TEST_CASE("SendMmsTask: cont encoded in one pass, escaped twice, decoded back") {
    const variable vars[] = {{"Text1", "变量 1"}, {"Text2", "a \"quoted\" \\ back\nslash"}};
    send_mms_task_request r;
    r.userid = "300000";
    r.username = "300000";
    r.password = "123456";
    r.mobile = "1368100000,1368100002";
    r.mmsid = "142D2B40270F0001";
    r.cont = variables(vars);
    const std::string body = encoded(r);
    CHECK(body ==
          "{\"userid\":\"300000\",\"username\":\"300000\",\"password\":\"123456\",\"mobile\":\"1368100000,1368100002\","
          "\"mmsid\":\"142D2B40270F0001\",\"sub\":\"\",\"cont\":\"{\\\"Text1\\\":\\\"变量 1\\\",\\\"Text2\\\":"
          "\\\"a \\\\\\\"quoted\\\\\\\" \\\\\\\\ back\\\\u000aslash\\\"}\"}");
    decoded_task d(body);
    REQUIRE(d.r == result{errc{}, body.size()});
    std::string_view v;
    char buf[64];
    REQUIRE(d.msg.cont.find("Text2", v, smsgw::mutable_bytes(reinterpret_cast<smsgw::byte*>(buf), sizeof buf)));
    CHECK(v == vars[1].value);
    REQUIRE(d.msg.cont.find("Text1", v));
    CHECK(v == "变量 1");

    smsgw::test::alloc_counter guard;
    std::vector<smsgw::byte> out(body.size());
    smsgw::writer w(out);
    CHECK(encode(r, w));
    CHECK(guard.count() == 1);  // the vector
}

TEST_CASE("SendMmsTask: errors inside cont carry offsets in the outer text") {
    const std::string base = "{\"userid\":\"1\",\"username\":\"u\",\"password\":\"p\",\"mobile\":\"1\",\"mmsid\":\"m\",\"cont\":";
    // The inner text is not JSON: '}' missing; the offset is where the outer text ends the string.
    const std::string unclosed = base + "\"{\\\"Text1\\\":\\\"x\\\"\"}";
    decoded_task d1(unclosed);
    CHECK(d1.r == result{errc::truncated, unclosed.size() - 2, "cont"});
    // A value that is not a string: at the 1 in the outer text.
    const std::string number = base + "\"{\\\"Text1\\\":1}\"}";
    decoded_task d2(number);
    CHECK(d2.r == result{errc::wrong_type, number.find(":1}") + 1, "cont"});
    // A name that is not TextN.
    const std::string name = base + "\"{\\\"Name\\\":\\\"x\\\"}\"}";
    decoded_task d3(name);
    CHECK(d3.r == result{errc::bad_character, name.find("\\\"Name"), "cont"});
    // Twice the same name: strict refuses, tolerant keeps the first.
    const std::string twice = base + "\"{\\\"Text1\\\":\\\"a\\\",\\\"Text1\\\":\\\"b\\\"}\"}";
    decoded_task d4(twice);
    CHECK(d4.r == result{errc::duplicate_field, twice.rfind("\\\"Text1"), "cont"});
    decoded_task d5(twice, mode::tolerant);
    REQUIRE(d5.r);
    std::string_view v;
    REQUIRE(d5.msg.cont.find("Text1", v));
    CHECK(v == "a");
    // Past the first eight names too, against the first ones and the later ones.
    std::string many = base + "\"{";
    for (int i = 1; i <= 10; ++i) many += (i > 1 ? "," : "") + std::string("\\\"Text") + std::to_string(i) + "\\\":\\\"x\\\"";
    const auto with = [&](const char* extra) { return many + "," + extra + "}\"}"; };
    decoded_task d_many(many + "}\"}");
    CHECK(d_many.r);
    CHECK(d_many.msg.cont.size() == 10);
    const std::string again3 = with("\\\"Text3\\\":\\\"y\\\"");
    decoded_task d_first(again3);
    CHECK(d_first.r == result{errc::duplicate_field, again3.rfind("\\\"Text3"), "cont"});
    const std::string again10 = with("\\\"Text10\\\":\\\"y\\\"");
    decoded_task d_later(again10);
    CHECK(d_later.r == result{errc::duplicate_field, again10.rfind("\\\"Text10"), "cont"});
    // cont not a string.
    decoded_task d6(base + "{}}");
    CHECK(d6.r == result{errc::wrong_type, base.size(), "cont"});
}

TEST_CASE("SendMmsTask: mobile, 1000 numbers and one more; the encoder refuses bad variables") {
    std::string numbers = "13681000000";
    for (int i = 1; i < 1000; ++i) numbers += ",13681000000";
    send_mms_task_request r;
    r.userid = "1";
    r.username = "u";
    r.password = "p";
    r.mmsid = "m";
    r.mobile = numbers;
    CHECK(validate(r));
    const std::string over = numbers + ",13681000000";
    r.mobile = over;
    CHECK(validate(r) == result{errc::too_many, numbers.size() + 1, "mobile"});
    r.mobile = "1368100000,,1";
    CHECK(validate(r).ec == errc::empty_field);
    r.mobile = "1368100000, 1";
    CHECK(validate(r) == result{errc::bad_character, 11, "mobile"});
    CHECK(validate(r, mode::tolerant));
    r.mobile = "1";
    const variable bad_name[] = {{"text1", "x"}};
    r.cont = variables(bad_name);
    CHECK(validate(r) == result{errc::bad_character, 0, "cont"});
    const variable twice[] = {{"Text1", "x"}, {"Text1", "y"}};
    r.cont = variables(twice);
    CHECK(validate(r) == result{errc::duplicate_field, 1, "cont"});
    const variable not_utf8[] = {{"Text1", "\xff"}};
    r.cont = variables(not_utf8);
    CHECK(validate(r) == result{errc::invalid_utf8, 0, "cont"});
    std::string out;
    CHECK(smsgw::encode_append(r, out).ec == errc::invalid_utf8);
}

TEST_CASE("SendVariableMmsTask: the bare array of the example, its stray quote refused in both modes") {
    for (mode m : {mode::strict, mode::tolerant}) {
        decoded_variable d(array_example, m);
        CHECK(d.r == result{errc::expected_comma, array_example.rfind("]\"}") + 1});
    }
    const std::string mended = replaced(array_example, "]\"}", "]}");
    decoded_variable d(mended);
    REQUIRE(d.r == result{errc{}, mended.size()});
    const recipients& cont = d.msg.cont;
    CHECK(cont.form() == cont_form::array);
    REQUIRE(cont.size() == 2);
    std::vector<std::string_view> mobiles;
    for (const recipients::entry& e : cont) {
        mobiles.push_back(e.mobile);
        smsgw::codec::json::value v;
        REQUIRE(e.param.find("Text1", v));
    }
    CHECK(mobiles == std::vector<std::string_view>{"15201163157", "13522249853"});
    // Written back in the form it came in, compactly.
    CHECK(encoded(d.msg) ==
          "{\"userid\":\"300001\",\"username\":\"300001\",\"password\":\"1111\",\"mmsid\":\"79BD8D40270F0002\",\"sub\":\"\","
          "\"cont\":[{\"mobile\":\"15201163157\",\"param\":{\"Text1\":\"张三1\"}},{\"mobile\":\"13522249853\","
          "\"param\":{\"Text1\":\"李四2\"}}]}");
}

TEST_CASE("SendVariableMmsTask: the string form by default, the bare array as an option, both read back") {
    const variable v1[] = {{"Text1", "张三1"}};
    const variable v2[] = {{"Text1", "李四 2"}};
    const recipient to[] = {{"15201163157", v1}, {"13522249853", v2}};
    send_variable_mms_task_request r;
    r.userid = "300001";
    r.username = "300001";
    r.password = "1111";
    r.mmsid = "79BD8D40270F0002";
    r.cont = recipients(to);
    const std::string as_string = encoded(r);
    CHECK(as_string ==
          "{\"userid\":\"300001\",\"username\":\"300001\",\"password\":\"1111\",\"mmsid\":\"79BD8D40270F0002\",\"sub\":\"\","
          "\"cont\":\"[{\\\"mobile\\\":\\\"15201163157\\\",\\\"param\\\":{\\\"Text1\\\":\\\"张三1\\\"}},"
          "{\\\"mobile\\\":\\\"13522249853\\\",\\\"param\\\":{\\\"Text1\\\":\\\"李四 2\\\"}}]\"}");
    r.cont = recipients(to, cont_form::array);
    const std::string as_array = encoded(r);
    CHECK(as_array ==
          "{\"userid\":\"300001\",\"username\":\"300001\",\"password\":\"1111\",\"mmsid\":\"79BD8D40270F0002\",\"sub\":\"\","
          "\"cont\":[{\"mobile\":\"15201163157\",\"param\":{\"Text1\":\"张三1\"}},"
          "{\"mobile\":\"13522249853\",\"param\":{\"Text1\":\"李四 2\"}}]}");
    for (const std::string* body : {&as_string, &as_array}) {
        decoded_variable d(*body);
        REQUIRE(d.r == result{errc{}, body->size()});
        CHECK(d.msg.cont.form() == (body == &as_string ? cont_form::string : cont_form::array));
        REQUIRE(d.msg.cont.size() == 2);
        auto it = d.msg.cont.begin();
        CHECK(it->mobile == "15201163157");
        ++it;
        CHECK(it->mobile == "13522249853");
        CHECK(encoded(d.msg) == *body);
    }
}

TEST_CASE("SendVariableMmsTask: entry errors with offsets in the outer text, 1000 entries and one more") {
    const std::string base = "{\"userid\":\"1\",\"username\":\"u\",\"password\":\"p\",\"mmsid\":\"m\",\"cont\":";
    const std::string two = base + "[{\"mobile\":\"1,2\",\"param\":{}}]}";
    decoded_variable d1(two);
    CHECK(d1.r == result{errc::bad_character, two.find("1,2") + 1, "cont.mobile"});
    // Found by the fuzzer: an escape inside the number was buffer_too_small (no scratch asked).
    const std::string escaped = base + "[{\"mobile\":\"13\\\"2\",\"param\":{}}]}";
    CHECK(decoded_variable(escaped).r == result{errc::bad_character, escaped.find("\"13"), "cont.mobile"});
    const std::string no_param = base + "\"[{\\\"mobile\\\":\\\"1\\\"}]\"}";
    decoded_variable d2(no_param);
    CHECK(d2.r == result{errc::missing_field, no_param.find("{\\\"mobile"), "cont.param"});
    const std::string extra = base + "[{\"mobile\":\"1\",\"param\":{},\"x\":0}]}";
    CHECK(decoded_variable(extra).r == result{errc::unknown_field, extra.find("\"x\""), "cont"});
    CHECK(decoded_variable(extra, mode::tolerant).r);
    CHECK(decoded_variable(base + "\"\"}").r == result{errc::empty_field, base.size(), "cont"});
    CHECK(decoded_variable(base + "[]}").r);
    CHECK(decoded_variable(base.substr(0, base.size() - 8) + "}").r.ec == errc::missing_field);

    std::string many = base + "[";
    for (int i = 0; i < 1000; ++i) many += std::string(i ? "," : "") + "{\"mobile\":\"1\",\"param\":{}}";
    decoded_variable full(many + "]}");
    REQUIRE(full.r);
    CHECK(full.msg.cont.size() == 1000);
    const std::string over = many + ",{\"mobile\":\"1\",\"param\":{}}]}";
    decoded_variable past(over);
    CHECK(past.r == result{errc::too_many, many.size() + 1, "cont"});
}

TEST_CASE("SendVariableMmsTask: tolerant mode reads the first mobile and param of an entry, the ones checked") {
    const std::string body =
        "{\"userid\":\"1\",\"username\":\"u\",\"password\":\"p\",\"mmsid\":\"m\",\"cont\":[{\"mobile\":\"13\","
        "\"param\":{\"Text1\":\"a\"},\"mobile\":\"x y\",\"param\":{\"Text2\":[]}}]}";
    CHECK(decoded_variable(body).r == result{errc::duplicate_field, body.rfind("\"mobile"), "cont"});
    decoded_variable d(body, mode::tolerant);
    REQUIRE(d.r == result{errc{}, body.size()});
    std::vector<std::string_view> mobiles;
    for (const recipients::entry& e : d.msg.cont) {
        mobiles.push_back(e.mobile);
        smsgw::codec::json::value v;
        CHECK(e.param.find("Text1", v));
    }
    CHECK(mobiles == std::vector<std::string_view>{"13"});
}

TEST_CASE("Task responses: the examples, codes as strings, taskid only on success") {
    using decoded_response = hezhong_test::decoded<task_response>;
    const std::string example =
        "{  \n    \"taskid\": \"14424380270F0005\",  \n    \"code\": \"0\",  \n    \"message\": \"提交成功\"  \n}\n";
    decoded_response d(example);
    REQUIRE(d.r == result{errc{}, example.size()});
    CHECK(d.msg.taskid == "14424380270F0005");
    CHECK(d.msg.code_value() == return_code::success);
    CHECK(encoded(d.msg) == "{\"code\":\"0\",\"taskid\":\"14424380270F0005\",\"message\":\"提交成功\"}");
    decoded_response failed("{\"code\":\"-11\",\"message\":\"变量参数有误\"}");
    REQUIRE(failed.r);
    CHECK(failed.msg.code_value() == return_code::bad_variables);
    CHECK(describe(call::send_variable_mms_task, failed.msg.code_value()).chinese == "变量参数有误");
    CHECK(!describe(call::send_mms_task, failed.msg.code_value()).known());
    CHECK(decoded_response("{\"code\":\"0\",\"message\":\"\"}").r.ec == errc::missing_field);
    CHECK(decoded_response("{\"code\":\"x\",\"message\":\"\"}").r.ec == errc::bad_character);
    CHECK(decoded_response("{\"code\":0,\"message\":\"\"}").r.ec == errc::wrong_type);
}
