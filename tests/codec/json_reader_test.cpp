#include "smsgw/codec/json_reader.hpp"

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "smsgw/codec/json_copy.hpp"
#include "smsgw/codec/json_writer.hpp"
#include "test.hpp"

using smsgw::errc;
namespace json = smsgw::codec::json;

namespace {

constexpr json::read_options tolerant{json::mode::tolerant};

json::value parse_ok(std::string_view text, const json::read_options& o = {}) {
    json::value v;
    const smsgw::result r = json::parse(text, v, o);
    INFO(text << " -> " << r.message() << " at " << r.offset);
    REQUIRE(r.ok());
    CHECK(r.offset == text.size());
    return v;
}

smsgw::result parse_error(std::string_view text, const json::read_options& o = {}) {
    json::value v;
    return json::parse(text, v, o);
}

json::object object_of(const json::value& v) {
    json::object o;
    REQUIRE(v.get(o).ok());
    return o;
}

json::array array_of(const json::value& v) {
    json::array a;
    REQUIRE(v.get(a).ok());
    return a;
}

json::value at(const json::object& o, std::string_view key) {
    json::value v;
    INFO(key);
    REQUIRE(o.find(key, v));
    return v;
}

template <class T>
T read_as(const json::value& v) {
    T out{};
    const smsgw::result r = v.get(out);
    INFO(v.raw() << " -> " << r.message());
    REQUIRE(r.ok());
    return out;
}

std::string text_of(const json::value& v) {
    std::string buf(v.raw().size(), '\0');
    std::string_view s;
    REQUIRE(v.get(s, smsgw::mutable_bytes(buf)).ok());
    return std::string(s);
}

// The canonical compact form of a document (json::copy).
std::string canonical(std::string_view text, const json::read_options& o = {}) {
    const json::value root = parse_ok(text, o);
    std::string scratch(text.size(), '\0');
    std::string out(3 * text.size() + 16, '\0');
    smsgw::writer w{smsgw::mutable_bytes(out)};
    json::writer j(w);
    REQUIRE(json::copy(root, j, smsgw::mutable_bytes(scratch)).ok());
    REQUIRE(j.finish().ok());
    out.resize(w.size());
    return out;
}

std::size_t offset_of(std::string_view text, std::string_view what) {
    const std::size_t at = text.find(what);
    REQUIRE(at != std::string_view::npos);
    return at;
}

// mitake-mms-api.txt, 批次狀態查詢 (queryBatchDR) request and its response as the spec prints it.
constexpr std::string_view query_batch_request = R"({
  "batchID": 304934976469110784
})";
constexpr std::string_view query_batch_response = R"({
  "batchID": 304934976469110800,
  "messages": [
    {
      "msgID": 304934980000714750,
      "statusTime": "20200515181442",
      "status": "0",
      "point": 3
    },
    {
      "msgID": 306379313648275460,
      "statusTime": "20200515181442",
      "status": "1000",
      "point": 3
    }
  ]
})";

// mitake-mms-api.txt, 發送(push) HTTP Response: the first block as printed (trailing commas,
// a bare UUID, a zero-padded number), and the two blocks the page break cut apart, joined.
constexpr std::string_view push_response_head = R"({
  "batchID":11111111-2222-3333-4444-555555555555,
  "messages":[
    {
      "msgID":0000000001,
      "cID":"clientID001",
      "status":"1",
      "statusDesc":"已送達三竹",
      "statusTime":"20200505160000",
      "point":3
    },
)";
const std::string push_response_first_block = std::string(push_response_head) + "  ],\n}";
const std::string push_response_joined = std::string(push_response_head) + R"(
    {
      "msgID":0000000002,
      "cID":"clientID002",
      "status":"1",
      "statusDesc":"已送達三竹",
      "statusTime":"20200505160000",
      "point":3
    }
  ],
  "costPoints":6,
  "accountPoints":9994
})";

}  // namespace

TEST_CASE("json reader: Mitake token request and response") {
    const json::object req = object_of(parse_ok(R"({
  "clientId": "test",
  "clientSecret": "12345"
})"));
    CHECK(text_of(at(req, "clientId")) == "test");
    CHECK(text_of(at(req, "clientSecret")) == "12345");

    const json::object res = object_of(parse_ok(R"({
  "accessToken": "xTV1tbhjz1k67GnC",
  "tokenType": "bearer",
  "expiresIn": "33346",
  "refreshToken": null,
  "scope": null
})"));
    CHECK(text_of(at(res, "accessToken")) == "xTV1tbhjz1k67GnC");
    CHECK(text_of(at(res, "tokenType")) == "bearer");
    CHECK(read_as<std::uint32_t>(at(res, "expiresIn")) == 33346);  // a number in a string
    CHECK(at(res, "refreshToken").is_null());
    CHECK(at(res, "scope").type() == json::kind::null);
}

TEST_CASE("json reader: Mitake push request, every field") {
    const std::string_view text = R"({
  "subject": "mms subject",
  "content": "mms content",
  "orderTime": "20200505160000",
  "expireTime": "20200506160000",
  "destinations": [
    {
      "to": "0911111111",
      "cID": "clientID001"
    },
    {
      "to": "0922222222",
      "cID": "clientID002"
    }
  ],
  "attachments": [
    {
      "attachContent": "1a2b3c4d5f=",
      "attachType": "jpg",
      "attachName": "mitake01.jpg"
    },
    {
      "attachContent": "1a2b3c4d5f=",
      "attachType": "jpg",
      "attachName": "mitake02.jpg"
    }
  ]
})";
    const json::object push = object_of(parse_ok(text));
    CHECK(text_of(at(push, "subject")) == "mms subject");
    CHECK(text_of(at(push, "orderTime")) == "20200505160000");
    std::vector<std::string> seen;
    for (const json::value& d : array_of(at(push, "destinations"))) {
        const json::object o = object_of(d);
        seen.push_back(text_of(at(o, "to")) + "/" + text_of(at(o, "cID")));
    }
    CHECK(seen == std::vector<std::string>{"0911111111/clientID001", "0922222222/clientID002"});
    const json::array attachments = array_of(at(push, "attachments"));
    CHECK(attachments.size() == 2);
    for (const json::value& a : attachments) CHECK(text_of(at(object_of(a), "attachType")) == "jpg");
    CHECK(canonical(text) ==
          R"({"subject":"mms subject","content":"mms content","orderTime":"20200505160000","expireTime":"20200506160000",)"
          R"("destinations":[{"to":"0911111111","cID":"clientID001"},{"to":"0922222222","cID":"clientID002"}],)"
          R"("attachments":[{"attachContent":"1a2b3c4d5f=","attachType":"jpg","attachName":"mitake01.jpg"},)"
          R"({"attachContent":"1a2b3c4d5f=","attachType":"jpg","attachName":"mitake02.jpg"}]})");
}

TEST_CASE("json reader: Mitake ids above 2^53 are read exactly") {
    CHECK(read_as<std::uint64_t>(at(object_of(parse_ok(query_batch_request)), "batchID")) == 304934976469110784u);

    const json::object res = object_of(parse_ok(query_batch_response));
    CHECK(read_as<std::uint64_t>(at(res, "batchID")) == 304934976469110800u);
    std::vector<std::uint64_t> ids;
    std::vector<std::string> status;
    for (const json::value& m : array_of(at(res, "messages"))) {
        const json::object o = object_of(m);
        ids.push_back(read_as<std::uint64_t>(at(o, "msgID")));
        status.push_back(text_of(at(o, "status")));
        CHECK(read_as<int>(at(o, "point")) == 3);
        CHECK(read_as<int>(at(o, "status")) >= 0);
    }
    CHECK(ids == std::vector<std::uint64_t>{304934980000714750u, 306379313648275460u});
    CHECK(status == std::vector<std::string>{"0", "1000"});

    // The callback request.
    const json::object cb = object_of(parse_ok(R"({
  "messages": [
    {
      "batchID": 301786034222960645,
      "msgID": 301786034575282175,
      "status": "0",
      "statusTime": "20200828162035",
      "point": 3
    }
  ]
})"));
    const json::object first = object_of(*array_of(at(cb, "messages")).begin());
    CHECK(read_as<std::uint64_t>(at(first, "batchID")) == 301786034222960645u);
    CHECK(read_as<std::uint64_t>(at(first, "msgID")) == 301786034575282175u);
    CHECK(read_as<std::int64_t>(at(first, "msgID")) == 301786034575282175);
}

TEST_CASE("json reader: the Mitake push response as printed needs tolerant mode") {
    const std::string_view text = push_response_first_block;
    // Strict mode stops at the bare UUID.
    CHECK(parse_error(text) == smsgw::fail(errc::bad_number, offset_of(text, "-2222")));

    const json::object res = object_of(parse_ok(text, tolerant));
    const json::value batch = at(res, "batchID");
    CHECK(batch.type() == json::kind::bare);
    CHECK(text_of(batch) == "11111111-2222-3333-4444-555555555555");
    std::uint64_t id = 0;
    CHECK(batch.get(id) == smsgw::fail(errc::wrong_type, batch.offset()));
    const json::array messages = array_of(at(res, "messages"));
    CHECK(messages.size() == 1);
    const json::object m = object_of(*messages.begin());
    CHECK(at(m, "msgID").type() == json::kind::number);
    CHECK(at(m, "msgID").raw() == "0000000001");  // nothing lost
    CHECK(read_as<std::uint64_t>(at(m, "msgID")) == 1);
    CHECK(text_of(at(m, "statusDesc")) == "已送達三竹");
    CHECK(canonical(text, tolerant) ==
          R"({"batchID":"11111111-2222-3333-4444-555555555555","messages":[{"msgID":1,"cID":"clientID001",)"
          R"("status":"1","statusDesc":"已送達三竹","statusTime":"20200505160000","point":3}]})");

    const json::object joined = object_of(parse_ok(push_response_joined, tolerant));
    std::vector<std::uint64_t> ids;
    for (const json::value& v : array_of(at(joined, "messages"))) ids.push_back(read_as<std::uint64_t>(at(object_of(v), "msgID")));
    CHECK(ids == std::vector<std::uint64_t>{1, 2});
    CHECK(read_as<int>(at(joined, "costPoints")) == 6);
    CHECK(read_as<int>(at(joined, "accountPoints")) == 9994);
    CHECK(parse_error(push_response_joined) == smsgw::fail(errc::bad_number, offset_of(push_response_joined, "-2222")));
}

TEST_CASE("json reader: the Mitake querySingleDR response as printed (trailing comma in an object)") {
    const std::string_view text = R"({
  "batchID": 304934976469110800,
  "messages": [
    {
      "msgID": 304934980000714750,
      "statusTime": "20200515181442",
      "status": "0",
      "point": 3
    },
    {
      "msgID": 306379313648275460,
      "statusTime": "20200515181442",
      "status": "2003",
    }
  ]
})";
    CHECK(parse_error(text) == smsgw::fail(errc::expected_key, offset_of(text, "}\n  ]")));
    const json::object res = object_of(parse_ok(text, tolerant));
    std::vector<std::string> status;
    for (const json::value& v : array_of(at(res, "messages"))) status.push_back(text_of(at(object_of(v), "status")));
    CHECK(status == std::vector<std::string>{"0", "2003"});
}

TEST_CASE("json reader: Hezhong examples") {
    // 三、审核通知 and 二、3. 响应消息: numbers in strings, Chinese text.
    const json::object audit = object_of(parse_ok(
        R"({"username": "300000", "mmsid": "142D2B40270F0001", "status": "1", "message": "通过", "type": "1"})"));
    CHECK(read_as<int>(at(audit, "status")) == 1);
    CHECK(text_of(at(audit, "message")) == "通过");
    const json::object created = object_of(parse_ok(R"({"code": "0", "message": "提交成", "mmsid": "142D2B40270F0001"})"));
    CHECK(read_as<int>(at(created, "code")) == 0);

    // 四、通用发送任务接口, 变量: `cont` is a string holding JSON, which reads in turn.
    const std::string_view send = R"({"userid": "300000", "username": "300000", "password": "123456", "mobile": "1368100000, 1368100002", "sub": "", "cont": "{ \"Text1\": \"张先生, \" }", "mmsid": "142D2B40270F0001"})";
    const json::object req = object_of(parse_ok(send));
    CHECK(text_of(at(req, "sub")).empty());
    const std::string cont = text_of(at(req, "cont"));
    CHECK(cont == R"({ "Text1": "张先生, " })");
    CHECK(text_of(at(object_of(parse_ok(cont)), "Text1")) == "张先生, ");

    // 五、3. 响应消息 with its spacing.
    const json::object res = object_of(parse_ok("{\n  \"taskid\": \"14424380270F0005\",\n  \"code\": \"0\",\n  \"message\": \"提交成功\"\n}"));
    CHECK(text_of(at(res, "taskid")) == "14424380270F0005");
}

TEST_CASE("json reader: the malformed Hezhong examples are refused in both modes, at the fault") {
    // 二、请求实例: the PDF broke "hex16str" and a hex string across lines (a raw line feed in
    // a string), and added two closing brackets too many. Neither is a vendor habit tolerant
    // mode takes: a control character in a string is bad_character in both modes.
    const std::string_view save = R"({
  "userid": "300000", "username": "300000", "password": "123456", "subject":
  "e6b58be8af95e6a8a1e69dbfe6a087e9a298", "productid": "16891", "frames": [
    { "dur": "5000", "index": 0, "attachments": [ { "index": 1, "fileName": "1.txt",
    "hex16str": "e699aee9809ae98787e4bfale69687e69cace6b58be8af95" } ] }, { "dur":
    "5000", "index": 0, "attachments": [ { "index": 1, "fileName": "3.txt", "hex
    16str": "e7acace4ba8ce5b8a7efbc8ce699aee9809ae98787e4bfale69687e69cace
    6b58be8af95" } ] } ] } ] }
)";
    const std::size_t newline_in_key = offset_of(save, "\"hex\n") + 4;
    CHECK(parse_error(save) == smsgw::fail(errc::bad_character, newline_in_key));
    CHECK(parse_error(save, tolerant) == smsgw::fail(errc::bad_character, newline_in_key));

    // 五、请求实例: `cont` opens an array and closes with a stray quote.
    const std::string_view batch = R"({"userid":"300001","username":"300001","password":"1111",
"mmsid":"79BD8D40270F0002","sub":"","cont":[{"mobile":"15201163157",
"param":{"Text1":"张三1"}}, {"mobile":"13522249853",
"param":{"Text1":"李四2"}}]"})";
    const std::size_t stray = offset_of(batch, "]\"}") + 1;
    CHECK(parse_error(batch) == smsgw::fail(errc::expected_comma, stray));
    CHECK(parse_error(batch, tolerant) == smsgw::fail(errc::expected_comma, stray));
}

TEST_CASE("json reader: integers are exact and overflow is detected") {
    const json::array a = array_of(parse_ok(
        "[9007199254740993, 18446744073709551615, 18446744073709551616, -9223372036854775808, "
        "-9223372036854775809, 9223372036854775807, 9223372036854775808, -0, -1, 255, 256, -129, 1.5, 1e3, "
        "304934976469110784]"));
    std::vector<json::value> v(a.begin(), a.end());
    REQUIRE(v.size() == 15);
    CHECK(read_as<std::uint64_t>(v[0]) == 9007199254740993u);  // 2^53 + 1
    CHECK(read_as<std::uint64_t>(v[1]) == std::numeric_limits<std::uint64_t>::max());
    std::uint64_t u = 7;
    std::int64_t i = 7;
    CHECK(v[2].get(u) == smsgw::fail(errc::number_overflow, v[2].offset()));  // 2^64
    CHECK(u == 7);                                                            // untouched on error
    CHECK(v[2].get(i) == smsgw::fail(errc::number_overflow, v[2].offset()));
    CHECK(read_as<std::int64_t>(v[3]) == std::numeric_limits<std::int64_t>::min());
    CHECK(v[3].get(u) == smsgw::fail(errc::number_overflow, v[3].offset()));
    CHECK(v[4].get(i) == smsgw::fail(errc::number_overflow, v[4].offset()));
    CHECK(read_as<std::int64_t>(v[5]) == std::numeric_limits<std::int64_t>::max());
    CHECK(v[6].get(i) == smsgw::fail(errc::number_overflow, v[6].offset()));
    CHECK(read_as<std::uint64_t>(v[6]) == 9223372036854775808u);
    CHECK(read_as<std::uint64_t>(v[7]) == 0);
    CHECK(read_as<int>(v[8]) == -1);
    CHECK(v[8].get(u) == smsgw::fail(errc::number_overflow, v[8].offset()));
    std::uint8_t u8 = 0;
    std::int8_t i8 = 0;
    CHECK(read_as<std::uint8_t>(v[9]) == 255);
    CHECK(v[10].get(u8) == smsgw::fail(errc::number_overflow, v[10].offset()));
    CHECK(v[11].get(i8) == smsgw::fail(errc::number_overflow, v[11].offset()));
    CHECK(read_as<std::int16_t>(v[11]) == -129);
    CHECK(v[12].get(i) == smsgw::fail(errc::wrong_type, v[12].offset()));
    CHECK(v[13].get(i) == smsgw::fail(errc::wrong_type, v[13].offset()));
    CHECK(read_as<double>(v[13]) == 1000.0);
    CHECK(read_as<std::uint64_t>(v[14]) == 304934976469110784u);
    // A double-based parser loses it: the corruption the spec itself shows.
    CHECK(static_cast<std::uint64_t>(read_as<double>(v[14])) == 304934976469110784u);
    CHECK(read_as<double>(v[0]) == 9007199254740992.0);
}

TEST_CASE("json reader: numbers in strings, and what is not a number") {
    const json::array a = array_of(parse_ok(R"(["33346", "-5", "0000000001", "", "12a", "1.5", "\u0031", true, null, {}, [], "-"])"));
    std::vector<json::value> v(a.begin(), a.end());
    int n = 0;
    CHECK(read_as<int>(v[0]) == 33346);
    CHECK(read_as<int>(v[1]) == -5);
    CHECK(read_as<int>(v[2]) == 1);
    CHECK(v[3].get(n) == smsgw::fail(errc::bad_number, v[3].offset()));
    CHECK(v[4].get(n) == smsgw::fail(errc::bad_number, v[4].offset()));
    CHECK(v[5].get(n) == smsgw::fail(errc::wrong_type, v[5].offset()));
    CHECK(read_as<double>(v[5]) == 1.5);
    CHECK(v[6].get(n) == smsgw::fail(errc::wrong_type, v[6].offset()));  // escapes: not a number's text
    for (std::size_t k = 7; k < 11; ++k) CHECK(v[k].get(n) == smsgw::fail(errc::wrong_type, v[k].offset()));
    CHECK(v[11].get(n) == smsgw::fail(errc::bad_number, v[11].offset()));
    double d = 0;
    CHECK(v[4].get(d) == smsgw::fail(errc::bad_number, v[4].offset()));
    CHECK(v[7].get(d) == smsgw::fail(errc::wrong_type, v[7].offset()));
}

TEST_CASE("json reader: doubles on request") {
    const json::array a = array_of(parse_ok("[0.5, -1.25e2, 1E400, -1e400, 1e-400, 123456789012345678901234567890]"));
    std::vector<json::value> v(a.begin(), a.end());
    double d = 0;
    CHECK(read_as<double>(v[0]) == 0.5);
    CHECK(read_as<double>(v[1]) == -125.0);
    CHECK(v[2].get(d) == smsgw::fail(errc::number_overflow, v[2].offset()));
    CHECK(v[3].get(d) == smsgw::fail(errc::number_overflow, v[3].offset()));
    CHECK(v[4].get(d) == smsgw::fail(errc::number_overflow, v[4].offset()));
    CHECK(read_as<double>(v[5]) == 1.2345678901234568e29);
}

TEST_CASE("json reader: escapes and surrogates") {
    const std::string_view text = R"(["\"\\\/\b\f\n\r\t", "\u00e9\u4e2d\uD83D\uDE00", "a\u0000b", "plain"])";
    const json::array a = array_of(parse_ok(text));
    std::vector<json::value> v(a.begin(), a.end());
    CHECK(text_of(v[0]) == "\"\\/\b\f\n\r\t");
    CHECK(text_of(v[1]) == "\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80");
    CHECK(text_of(v[2]) == std::string("a\0b", 3));

    // Without a buffer: a view when there is no escape, else the size needed.
    std::string_view s;
    CHECK(v[3].get(s).ok());
    CHECK(s == "plain");
    CHECK(s.data() == text.data() + offset_of(text, "plain"));
    CHECK(v[1].get(s) == smsgw::fail(errc::buffer_too_small, 9));
    char small[8];
    CHECK(v[1].get(s, smsgw::mutable_bytes(small)) == smsgw::fail(errc::buffer_too_small, 9));
    char enough[9];
    CHECK(v[1].get(s, smsgw::mutable_bytes(enough)).ok());
    CHECK(s == "é中😀");

    // unescape() appends to a writer: offset is the bytes written.
    char buf[32];
    smsgw::writer w(buf, sizeof buf);
    w.write(std::string_view(">"));
    CHECK(v[0].unescape(w) == smsgw::result{errc{}, 8});
    CHECK(std::string_view(buf, w.size()) == ">\"\\/\b\f\n\r\t");
    smsgw::writer measure;
    CHECK(v[1].unescape(measure) == smsgw::fail(errc::buffer_too_small, 9));
    CHECK(v[3].unescape(measure) == smsgw::fail(errc::buffer_too_small, 14));
    CHECK(json::value().exists() == false);
    CHECK(v[3].unescape(w).ok());
    std::int64_t n = 0;
    smsgw::writer w2(buf, sizeof buf);
    CHECK(parse_ok("12").unescape(w2) == smsgw::fail(errc::wrong_type, 0));
    CHECK(parse_ok("12").get(s) == smsgw::fail(errc::wrong_type, 0));
    CHECK(parse_ok("\"x\"").get(n) == smsgw::fail(errc::bad_number, 0));

    // Escaped keys match their decoded names.
    const json::object o = object_of(parse_ok(R"({"\u0063ID": 1, "c\"d": 2, "cIDx": 3})"));
    CHECK(read_as<int>(at(o, "cID")) == 1);
    CHECK(read_as<int>(at(o, "c\"d")) == 2);
    json::value missing;
    CHECK_FALSE(o.find("cI", missing));
    CHECK_FALSE(o.find("cIDxy", missing));
    CHECK_FALSE(o.find("c\\\"d", missing));
    CHECK_FALSE(at(o, "cID").equals("1"));  // a number is no string
}

TEST_CASE("json reader: every error with its offset") {
    struct bad {
        std::string_view text;
        errc ec;
        std::size_t offset;
    };
    const bad cases[] = {
        {"", errc::expected_value, 0},
        {"   ", errc::expected_value, 3},
        {"[", errc::truncated, 1},
        {"[1", errc::truncated, 2},
        {"[1,", errc::truncated, 3},
        {"{\"a\"", errc::truncated, 4},
        {"{\"a\":", errc::truncated, 5},
        {"\"abc", errc::truncated, 4},
        {"\"ab\\", errc::truncated, 4},
        {"\"\\u12", errc::truncated, 5},
        {"tru", errc::truncated, 0},
        {"-", errc::truncated, 1},
        {"1.", errc::truncated, 2},
        {"[,1]", errc::expected_value, 1},
        {"[1,]", errc::expected_value, 3},
        {"[1,,2]", errc::expected_value, 3},
        {"{,}", errc::expected_key, 1},
        {"{\"a\":1,}", errc::expected_key, 7},
        {"{1:2}", errc::expected_key, 1},
        {"{\"a\" 1}", errc::expected_colon, 5},
        {"[1 2]", errc::expected_comma, 3},
        {"{\"a\":1 \"b\":2}", errc::expected_comma, 7},
        {"[1}", errc::expected_comma, 2},
        {"{\"a\":1]", errc::expected_comma, 6},
        {"01", errc::bad_number, 1},
        {"[-01]", errc::bad_number, 3},
        {"1.e3", errc::bad_number, 2},
        {"1e+", errc::truncated, 3},
        {"[1e+]", errc::bad_number, 4},
        {"[-x]", errc::bad_number, 2},
        {"[.5]", errc::expected_value, 1},
        {"[1x]", errc::bad_number, 2},
        {"[truth]", errc::expected_value, 1},
        {"[nul]", errc::expected_value, 1},
        {"'a'", errc::expected_value, 0},
        {"[\x01]", errc::expected_value, 1},
        {"\"a\\qb\"", errc::bad_escape, 2},
        {"\"\\u12G4\"", errc::bad_escape, 1},
        {"\"a\x1f\"", errc::bad_character, 2},
        {"\"\xC3\"", errc::invalid_utf8, 1},
        {"\"\xED\xA0\x80\"", errc::invalid_utf8, 1},
        {"\"\xF4\x90\x80\x80\"", errc::invalid_utf8, 1},
        {"\"\xE0\x80\xAF\"", errc::invalid_utf8, 1},
        {"\"\xFF\"", errc::invalid_utf8, 1},
        {"\"\\uDC00\"", errc::invalid_utf16, 1},
        {"\"ab\\uD800\"", errc::invalid_utf16, 3},
        {"\"\\uD800\\u0041\"", errc::invalid_utf16, 1},
        {"\"\\uD800\\uD800\"", errc::invalid_utf16, 1},
        {"{} x", errc::trailing_bytes, 3},
        {"1 2", errc::trailing_bytes, 2},
        {"\xEF\xBB\xBF{}", errc::expected_value, 0},
    };
    for (const bad& c : cases) {
        INFO(c.text);
        const smsgw::result r = parse_error(c.text);
        CHECK(r.ec == c.ec);
        CHECK(r.offset == c.offset);
    }
}

TEST_CASE("json reader: tolerant mode takes what the vendors send, nothing more") {
    CHECK(canonical("[1,2,]", tolerant) == "[1,2]");
    CHECK(canonical("{\"a\":[],\"b\":{},}", tolerant) == R"({"a":[],"b":{}})");
    CHECK(canonical("[0000000001, -007, 00.5, 0]", tolerant) == "[1,-7,0.5,0]");
    CHECK(canonical("[abc, 1.2.3, tru, nullx, -, 1e, a/b]", tolerant) ==
          R"(["abc","1.2.3","tru","nullx","-","1e","a/b"])");
    const json::array a = array_of(parse_ok("[true, null, 12, x1, \"s\"]", tolerant));
    std::vector<json::kind> kinds;
    for (const json::value& v : a) kinds.push_back(v.type());
    CHECK(kinds == std::vector<json::kind>{json::kind::boolean, json::kind::null, json::kind::number, json::kind::bare,
                                           json::kind::string});
    CHECK(read_as<std::int64_t>(parse_ok("-007", tolerant)) == -7);
    CHECK(read_as<double>(parse_ok("00.5", tolerant)) == 0.5);

    // Still refused: empty elements, a lone comma, unquoted keys, control bytes, bad strings.
    CHECK(parse_error("[1,,2]", tolerant) == smsgw::fail(errc::expected_value, 3));
    CHECK(parse_error("[,]", tolerant) == smsgw::fail(errc::expected_value, 1));
    CHECK(parse_error("{,}", tolerant) == smsgw::fail(errc::expected_key, 1));
    CHECK(parse_error("{a:1}", tolerant) == smsgw::fail(errc::expected_key, 1));
    CHECK(parse_error("[a\x01]", tolerant) == smsgw::fail(errc::expected_comma, 2));
    CHECK(parse_error("[\"\\x\"]", tolerant) == smsgw::fail(errc::bad_escape, 2));
    CHECK(parse_error("[1,]]", tolerant) == smsgw::fail(errc::trailing_bytes, 4));
    // Strict mode is the default.
    CHECK(parse_error("[1,]") == smsgw::fail(errc::expected_value, 3));
}

TEST_CASE("json reader: nesting depth is limited") {
    CHECK(parse_error("[[[1]]]", {json::mode::strict, 3}).ok());
    CHECK(parse_error("[[[[1]]]]", {json::mode::strict, 3}) == smsgw::fail(errc::too_deep, 3));
    CHECK(parse_error("{\"a\":{\"b\":[{}]}}", {json::mode::strict, 3}) == smsgw::fail(errc::too_deep, 11));
    CHECK(parse_error("1", {json::mode::strict, 0}).ok());
    CHECK(parse_error("[]", {json::mode::strict, 0}) == smsgw::fail(errc::too_deep, 0));

    const std::string deep128 = std::string(128, '[') + std::string(128, ']');
    const std::string deep129 = std::string(129, '[') + std::string(129, ']');
    CHECK(parse_error(deep128).ok());
    CHECK(parse_error(deep129) == smsgw::fail(errc::too_deep, 128));
    // The limit can be raised up to max_nesting, never past it.
    const std::string deep1024 = std::string(1024, '[') + std::string(1024, ']');
    const std::string hostile(100000, '[');
    CHECK(parse_error(deep1024, {json::mode::strict, 5000}).ok());
    CHECK(parse_error(hostile, {json::mode::strict, 5000}) == smsgw::fail(errc::too_deep, json::max_nesting));
    CHECK(parse_error(hostile, tolerant) == smsgw::fail(errc::too_deep, 128));
    // Objects and arrays interleaved at depth beyond 64 bits of the stack.
    std::string mixed;
    for (int k = 0; k < 100; ++k) mixed += k % 3 == 0 ? "{\"k\":" : "[";
    mixed += "0";
    for (int k = 99; k >= 0; --k) mixed += k % 3 == 0 ? "}" : "]";
    CHECK(parse_error(mixed).ok());
    std::string wrong = mixed;
    wrong[wrong.size() - 1] = ']';
    CHECK(parse_error(wrong) == smsgw::fail(errc::expected_comma, wrong.size() - 1));
}

TEST_CASE("json reader: objects keep every member in order, raw text and offsets") {
    const std::string_view text = R"( { "a" : 1 , "a" : [ 2 , { } ] , "b" : "x\"y" , "c" : { "d" : null } } )";
    const json::value root = parse_ok(text);
    CHECK(root.offset() == 1);
    CHECK(root.raw() == text.substr(1, text.size() - 2));
    std::vector<std::string> keys, raws;
    for (const auto& [key, value] : object_of(root)) {
        keys.push_back(text_of(key));
        raws.push_back(std::string(value.raw()));
    }
    CHECK(keys == std::vector<std::string>{"a", "a", "b", "c"});
    CHECK(raws == std::vector<std::string>{"1", "[ 2 , { } ]", R"("x\"y")", R"({ "d" : null })"});
    CHECK(read_as<int>(at(object_of(root), "a")) == 1);  // find: the first
    CHECK(object_of(parse_ok("{ }")).empty());
    CHECK(array_of(parse_ok("[ ]")).empty());
    CHECK(array_of(parse_ok("[ ]")).size() == 0);
    CHECK_FALSE(object_of(root).empty());
    json::object none;
    CHECK(none.empty());
    CHECK(json::array().size() == 0);
    json::array arr;
    json::object obj;
    CHECK(root.get(arr) == smsgw::fail(errc::wrong_type, 1));
    CHECK(parse_ok("[]").get(obj) == smsgw::fail(errc::wrong_type, 0));
    bool b = false;
    CHECK(parse_ok("true").get(b).ok());
    CHECK(b);
    CHECK(parse_ok("null").get(b) == smsgw::fail(errc::wrong_type, 0));
    auto it = object_of(root).begin();
    CHECK((it++)->key.equals("a"));
    CHECK(it->value.type() == json::kind::array);
    CHECK(object_of(root).as_value().offset() == 1);
    CHECK(array_of(it->value).as_value().raw() == "[ 2 , { } ]");
    auto ai = array_of(it->value).begin();
    CHECK(read_as<int>(*ai++) == 2);
    CHECK(ai->type() == json::kind::object);
    CHECK(++ai == json::array::iterator());
}

TEST_CASE("json reader: skipping a container ignores brackets and escaped quotes in strings") {
    // Every shift of the tricky parts across the 16-byte blocks the skipper reads.
    const std::string_view inner = R"({"a":"]}\"[{","b":["\\",{"c":"\"}"}],"d":"\u005d"})";
    for (std::size_t pad = 0; pad < 40; ++pad) {
        const std::string text = "[" + std::string(pad, ' ') + std::string(inner) + ", 7, \"" + std::string(pad, 'x') + "\\\"]\", [[]]]";
        INFO(text);
        const json::array a = array_of(parse_ok(text));
        std::vector<json::value> v(a.begin(), a.end());
        REQUIRE(v.size() == 4);
        CHECK(v[0].raw() == inner);
        CHECK(read_as<int>(v[1]) == 7);
        CHECK(text_of(v[2]) == std::string(pad, 'x') + "\"]");
        CHECK(v[3].raw() == "[[]]");
        std::vector<std::string> keys;
        for (const json::member& m : object_of(v[0])) keys.push_back(text_of(m.key));
        CHECK(keys == std::vector<std::string>{"a", "b", "d"});
    }
}

TEST_CASE("json reader: JSONTestSuite test_transform") {
    const std::string shared = smsgw::test::shared_dir();
    if (shared.empty()) {
        WARN("JSONTestSuite test_transform skipped: ../shared/corpora/JSONTestSuite is not there");
        return;
    }
    const std::string dir = shared + "/corpora/JSONTestSuite/test_transform/";
    const auto load = [&](const char* name) { return smsgw::test::read_file(dir + name); };
    const auto first = [](const json::value& root) { return *array_of(root).begin(); };
    std::int64_t i = 0;
    std::uint64_t u = 0;
    double d = 0;

    // Numbers are kept as written; their range is the reader's business.
    std::string t = load("number_-9223372036854775808.json");
    CHECK(canonical(t) == "[-9223372036854775808]");
    CHECK(read_as<std::int64_t>(first(parse_ok(t))) == std::numeric_limits<std::int64_t>::min());
    t = load("number_-9223372036854775809.json");
    CHECK(canonical(t) == "[-9223372036854775809]");
    CHECK(first(parse_ok(t)).get(i).ec == errc::number_overflow);
    t = load("number_1.0.json");
    CHECK(canonical(t) == "[1.0]");
    CHECK(first(parse_ok(t)).get(i).ec == errc::wrong_type);
    CHECK(read_as<double>(first(parse_ok(t))) == 1.0);
    t = load("number_1.000000000000000005.json");
    CHECK(canonical(t) == "[1.000000000000000005]");
    CHECK(read_as<double>(first(parse_ok(t))) == 1.0);
    t = load("number_1000000000000000.json");
    CHECK(read_as<std::int64_t>(first(parse_ok(t))) == 1000000000000000);
    t = load("number_10000000000000000999.json");
    CHECK(read_as<std::uint64_t>(first(parse_ok(t))) == 10000000000000000999u);
    CHECK(first(parse_ok(t)).get(i).ec == errc::number_overflow);
    t = load("number_1e-999.json");
    CHECK(canonical(t) == "[1E-999]");
    CHECK(first(parse_ok(t)).get(d).ec == errc::number_overflow);
    t = load("number_1e6.json");
    CHECK(read_as<double>(first(parse_ok(t))) == 1e6);
    CHECK(first(parse_ok(t)).get(u).ec == errc::wrong_type);
    t = load("number_9223372036854775807.json");
    CHECK(read_as<std::int64_t>(first(parse_ok(t))) == std::numeric_limits<std::int64_t>::max());
    t = load("number_9223372036854775808.json");
    CHECK(first(parse_ok(t)).get(i).ec == errc::number_overflow);
    CHECK(read_as<std::uint64_t>(first(parse_ok(t))) == 9223372036854775808u);

    // Keys are compared as bytes: NFC and NFD spellings are two keys, both kept.
    t = load("object_key_nfc_nfd.json");
    CHECK(canonical(t) == t);
    CHECK(read_as<std::string_view>(at(object_of(parse_ok(t)), "\xC3\xA9")) == "NFC");
    CHECK(read_as<std::string_view>(at(object_of(parse_ok(t)), "e\xCC\x81")) == "NFD");
    CHECK(canonical(load("object_key_nfd_nfc.json")) == load("object_key_nfd_nfc.json"));
    // Duplicate keys: every member stays, in order; find() gives the first.
    CHECK(canonical(load("object_same_key_different_values.json")) == R"({"a":1,"a":2})");
    CHECK(canonical(load("object_same_key_same_value.json")) == R"({"a":1,"a":1})");
    t = load("object_same_key_unclear_values.json");
    CHECK(canonical(t) == R"({"a":0,"a":-0})");
    CHECK(read_as<int>(at(object_of(parse_ok(t)), "a")) == 0);

    // Surrogates cannot become UTF-8, escaped or raw (CESU-8): refused where they stand.
    CHECK(parse_error(load("string_1_escaped_invalid_codepoint.json")) == smsgw::fail(errc::invalid_utf16, 2));
    CHECK(parse_error(load("string_2_escaped_invalid_codepoints.json")) == smsgw::fail(errc::invalid_utf16, 2));
    CHECK(parse_error(load("string_3_escaped_invalid_codepoints.json")) == smsgw::fail(errc::invalid_utf16, 2));
    CHECK(parse_error(load("string_1_invalid_codepoint.json")) == smsgw::fail(errc::invalid_utf8, 2));
    CHECK(parse_error(load("string_2_invalid_codepoints.json")) == smsgw::fail(errc::invalid_utf8, 2));
    CHECK(parse_error(load("string_3_invalid_codepoints.json")) == smsgw::fail(errc::invalid_utf8, 2));
    // An escaped NUL is a byte of the string.
    t = load("string_with_escaped_NULL.json");
    CHECK(text_of(first(parse_ok(t))) == std::string("A\0B", 3));
    CHECK(canonical(t) == t);
}

TEST_CASE("json reader: reading allocates nothing") {
    const std::string_view text = query_batch_response;
    char scratch[64];
    smsgw::test::alloc_counter guard;
    std::uint64_t sum = 0;
    for (const json::read_options& o : {json::read_options{}, tolerant}) {
        json::value root;
        REQUIRE(json::parse(text, root, o).ok());
        json::object obj;
        REQUIRE(root.get(obj).ok());
        for (const json::member& m : obj) {
            json::array msgs;
            if (!m.key_is("messages") || !m.value.get(msgs)) continue;
            for (const json::value& v : msgs) {
                json::object mo;
                REQUIRE(v.get(mo).ok());
                for (const auto& [key, value] : mo) {
                    std::uint64_t id = 0;
                    std::string_view s;
                    double d = 0;
                    if (key.equals("msgID") && value.get(id)) sum += id;
                    if (value.get(s, smsgw::mutable_bytes(scratch))) sum += s.size();
                    if (value.get(d)) sum += 1;
                    sum += value.raw().size();
                }
            }
        }
        json::value v;
        REQUIRE(obj.find("batchID", v));
        REQUIRE(parse_error(push_response_joined, tolerant).ok());
        REQUIRE_FALSE(parse_error("[\"\\uD800\"]").ok());
        json::value esc;
        REQUIRE(json::parse(R"("\u00e9\n")", esc).ok());
        smsgw::writer w(scratch, sizeof scratch);
        REQUIRE(esc.unescape(w).ok());
    }
    CHECK(guard.count() == 0);
    CHECK(sum != 0);
}

#ifdef SMSGW_PYTHON3
namespace {

// A random document as Python's json.dumps would write it in some style, NUL-separated from
// its compact canonical form: the script Python runs.
constexpr const char* python_writer = R"PY(
import json, random, sys
r = random.Random(20251123)
def text():
    pools = [(0x20, 0x7e), (0, 0x1f), (0x80, 0x7ff), (0x800, 0xd7ff), (0xe000, 0xfffd), (0x10000, 0x10ffff)]
    return ''.join(chr(r.randint(*r.choice(pools))) for _ in range(r.randint(0, 12)))
def val(d):
    k = r.randint(0, 9 if d < 4 else 5)
    if k == 0: return None
    if k == 1: return r.random() < 0.5
    if k == 2: return r.choice([0, -1, 2**53 + 1, 2**63 - 1, -2**63, 2**64 - 1, 304934976469110784, r.randint(-10**12, 10**12)])
    if k == 3: return r.choice([0.5, -1e-7, 1.5e300, 3.141592653589793, r.uniform(-1e6, 1e6)])
    if k in (4, 5): return text()
    if k in (6, 7): return [val(d + 1) for _ in range(r.randint(0, 5))]
    return {text(): val(d + 1) for _ in range(r.randint(0, 5))}
out = sys.stdout.buffer
for n in range(300):
    v = val(0)
    style = dict(ensure_ascii=n % 2 == 0, indent=(None, 2, '\t')[n % 3])
    out.write(json.dumps(v, **style).encode('utf-8') + b'\0')
    out.write(json.dumps(v, ensure_ascii=False, separators=(',', ':')).encode('utf-8') + b'\0')
)PY";

constexpr const char* python_reader = R"PY(
import json, sys
docs = sys.stdin.buffer.read().split(b'\0')[:-1]
for d in docs:
    sys.stdout.buffer.write(json.dumps(json.loads(d), ensure_ascii=False, separators=(',', ':')).encode('utf-8') + b'\0')
)PY";

std::vector<std::string> split_nul(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t k = 0; k < s.size(); ++k) {
        if (s[k] == '\0') {
            out.push_back(s.substr(start, k - start));
            start = k + 1;
        }
    }
    return out;
}

void random_value(std::mt19937_64& rng, json::writer& j, int depth) {
    const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
    const auto text = [&] {
        std::string s;
        for (int k = pick(10); k > 0; --k) {
            const std::uint32_t ranges[][2] = {{0x20, 0x7E}, {0, 0x1F}, {0x80, 0x7FF}, {0x800, 0xD7FF}, {0xE000, 0xFFFD}, {0x10000, 0x10FFFF}};
            const auto& rg = ranges[pick(6)];
            const std::uint32_t cp = rg[0] + static_cast<std::uint32_t>(rng() % (rg[1] - rg[0] + 1));
            char b[4];
            smsgw::writer w(b, 4);
            smsgw::codec::utf8::put(cp, w);
            s.append(b, w.size());
        }
        return s;
    };
    switch (pick(depth < 4 ? 8 : 5)) {
    case 0: j.null(); break;
    case 1: j.boolean(pick(2) == 0); break;
    case 2: j.number(static_cast<std::int64_t>(rng())); break;
    case 3: j.number(rng()); break;
    case 4: j.string(text()); break;
    case 5: {
        j.begin_array();
        for (int k = pick(5); k > 0; --k) random_value(rng, j, depth + 1);
        j.end_array();
        break;
    }
    default: {
        j.begin_object();
        // Python keeps one member per key: distinct keys make the comparison exact.
        for (int k = pick(5); k > 0; --k) {
            j.key(text() + std::to_string(k));
            random_value(rng, j, depth + 1);
        }
        j.end_object();
        break;
    }
    }
}

}  // namespace

TEST_CASE("json reader: differential against Python's json, both ways") {
    bool ok = false;
    const std::string generated = smsgw::test::run_command(std::string(SMSGW_PYTHON3) + " -c \"" + python_writer + "\"", "", ok);
    if (!ok) {
        WARN("Python differential skipped: " << SMSGW_PYTHON3 << " did not run");
        return;
    }
    // Python writes (ASCII-escaped or not, indented or not); smsgw reads to the same canonical text.
    const std::vector<std::string> pairs = split_nul(generated);
    REQUIRE(pairs.size() == 600);
    for (std::size_t k = 0; k < pairs.size(); k += 2) {
        INFO(pairs[k]);
        CHECK(canonical(pairs[k]) == pairs[k + 1]);
    }

    // smsgw writes random documents; Python reads them and writes back the same text, and so does smsgw.
    std::mt19937_64 rng(5);
    std::string batch;
    std::vector<std::string> docs;
    for (int n = 0; n < 300; ++n) {
        std::string doc(1 << 16, '\0');
        smsgw::writer w(doc.data(), doc.size());
        json::writer j(w);
        j.begin_array();
        random_value(rng, j, 0);
        j.end_array();
        REQUIRE(j.finish().ok());
        doc.resize(w.size());
        docs.push_back(doc);
        batch += doc;
        batch += '\0';
    }
    const std::string back = smsgw::test::run_command(std::string(SMSGW_PYTHON3) + " -c \"" + python_reader + "\"", batch, ok);
    REQUIRE(ok);
    const std::vector<std::string> echoed = split_nul(back);
    REQUIRE(echoed.size() == docs.size());
    for (std::size_t k = 0; k < docs.size(); ++k) {
        INFO(docs[k]);
        CHECK(echoed[k] == docs[k]);
        CHECK(canonical(docs[k]) == docs[k]);
    }
}
#else
TEST_CASE("json reader: differential against Python's json, both ways") {
    WARN("Python differential skipped: no python3 found at configure time");
}
#endif
