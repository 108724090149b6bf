#include "smsgw/mitake/push.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "mitake/mitake_test.hpp"
#include "test.hpp"

namespace mitake = smsgw::mitake;
namespace fields = smsgw::codec::fields;
using mitake_test::compact;
using smsgw::errc;
using smsgw::fail;
using smsgw::result;

namespace {

std::string field(const result& r) { return r.field != nullptr ? r.field : ""; }

struct request_slots {
    std::vector<smsgw::byte> scratch;
    std::vector<mitake::destination> destinations = std::vector<mitake::destination>(600);
    std::vector<mitake::attachment> attachments = std::vector<mitake::attachment>(4);
    fields::path where;
    mitake::push_request req;
    result decode(std::string_view body, mitake::mode m = mitake::mode::strict) {
        scratch.assign(body.size(), 0);
        return mitake::decode(body, req, scratch, destinations, attachments, {m, &where});
    }
};

struct response_slots {
    std::vector<smsgw::byte> scratch;
    std::vector<mitake::push_message> messages = std::vector<mitake::push_message>(600);
    mitake::push_response resp;
    result decode(std::string_view body, mitake::mode m = mitake::mode::strict) {
        scratch.assign(body.size(), 0);
        return mitake::decode(body, resp, scratch, messages, m);
    }
};

std::string encoded(const mitake::push_request& r) {
    std::string out;
    REQUIRE(smsgw::encode_append(r, out));
    return out;
}

result validate(const mitake::push_request& r, fields::path& where) { return mitake::validate(r, where); }

const mitake::destination two[] = {{"0911111111", "clientID001"}, {"0922222222", "clientID002"}};

// The spec's push request with one of its attachments: every field valid.
mitake::push_request valid(const mitake::attachment* a = nullptr) {
    mitake::push_request r;
    r.subject = "mms subject";
    r.content = "mms content";
    r.destinations = two;
    if (a != nullptr) r.attachments = smsgw::span<const mitake::attachment>(a, 1);
    return r;
}

}  // namespace

TEST_CASE("push request: the spec's example as printed, refused for its attachContent") {
    // "1a2b3c4d5f=" is 11 characters: no base64 of any bytes, in either mode.
    request_slots s;
    const std::size_t at = mitake_test::push_request.find("1a2b3c4d5f=");
    for (const mitake::mode m : {mitake::mode::strict, mitake::mode::tolerant}) {
        const result r = s.decode(mitake_test::push_request, m);
        CHECK(r.ec == errc::bad_padding);
        CHECK(r.offset == at + 11);  // its end: the last quad has 3 characters
        CHECK(field(r) == "attachments[0].attachContent");
    }
}

TEST_CASE("push request: the spec's example with real base64, both ways") {
    std::string body(mitake_test::push_request);
    for (std::size_t at; (at = body.find("1a2b3c4d5f=")) != std::string::npos;) body.replace(at, 11, "1a2b3c4d5f8=");
    request_slots s;
    REQUIRE(s.decode(body) == result{errc{}, body.size()});
    const mitake::push_request& r = s.req;
    CHECK(r.subject == "mms subject");
    CHECK(r.content == "mms content");
    CHECK(r.order_time == "20200505160000");
    CHECK(r.expire_time == "20200506160000");
    REQUIRE(r.destinations.size() == 2);
    CHECK(r.destinations[0].to == "0911111111");
    CHECK(r.destinations[0].c_id == "clientID001");
    CHECK(r.destinations[1].to == "0922222222");
    CHECK(r.destinations[1].c_id == "clientID002");
    REQUIRE(r.attachments.size() == 2);
    CHECK(r.attachments[0].content.size() == 8);  // 12 characters, one '='
    CHECK(r.attachments[0].type == "jpg");
    CHECK(r.attachments[0].name == "mitake01.jpg");
    CHECK(r.attachments[1].name == "mitake02.jpg");
    CHECK(r.project_name.empty());
    CHECK(encoded(r) == compact(body));
}

TEST_CASE("push request: subject, 40 characters of ASCII or 15 of anything else") {
    fields::path where;
    mitake::push_request r = valid();
    const std::string ascii40 = "Sale: 50% off, today only! See you soon.";
    REQUIRE(ascii40.size() == 40);
    r.subject = ascii40;
    CHECK(validate(r, where));
    const std::string ascii41 = ascii40 + "!";
    r.subject = ascii41;
    result e = validate(r, where);
    CHECK(e == fail(errc::field_too_long, 40, "subject"));
    CHECK(field(e) == "subject");
    const std::string zh15 = "三竹資訊MMS主旨測試abc!";  // 15 characters, one of them not ASCII
    r.subject = zh15;
    CHECK(validate(r, where));
    const std::string zh16 = zh15 + "x";
    r.subject = zh16;
    CHECK(validate(r, where) == fail(errc::field_too_long, zh15.size(), "subject"));
    r.subject = "";
    CHECK(validate(r, where) == fail(errc::empty_field, 0, "subject"));
    request_slots s;
    const result d = s.decode(R"({"destinations":[{"to":"0911111111"}]})");
    CHECK(d == fail(errc::missing_field, 0, "subject"));
    CHECK(field(d) == "subject");
}

TEST_CASE("push request: destinations, at most 500, cID at most 36 and unique, by path") {
    std::vector<mitake::destination> many(501, {"0911111111", ""});
    mitake::push_request r = valid();
    fields::path where;
    r.destinations = smsgw::span<const mitake::destination>(many.data(), 500);
    CHECK(validate(r, where));
    r.destinations = many;
    result e = validate(r, where);
    CHECK(e == fail(errc::too_many, 0, "destinations"));
    CHECK(field(e) == "destinations");

    std::vector<mitake::destination> d = {{"0911111111", "a"}, {"0911111112", "b"}, {"0911111113", "c"},
                                          {"0911111114", std::string_view("123456789012345678901234567890123456")}};
    r.destinations = d;
    CHECK(validate(r, where));
    const std::string c37(37, 'x');
    d[3].c_id = c37;
    e = validate(r, where);
    CHECK(e == fail(errc::field_too_long, 36, "destinations[3].cID"));
    CHECK(field(e) == "destinations[3].cID");
    d[3].c_id = "b";
    e = validate(r, where);
    CHECK(e == fail(errc::duplicate_field, 0, "destinations[3].cID"));
    CHECK(field(e) == "destinations[3].cID");
    CHECK(field(mitake::validate(r)) == "cID");  // without a path, the key alone
    d[3] = {"+886911111111", ""};
    CHECK(validate(r, where));
    d[3].to = "09-1111";
    e = validate(r, where);
    CHECK(e == fail(errc::bad_character, 2, "destinations[3].to"));
    CHECK(field(e) == "destinations[3].to");
    d[3].to = "";
    CHECK(field(validate(r, where)) == "destinations[3].to");
    r.destinations = {};
    CHECK(validate(r, where) == fail(errc::empty_field, 0, "destinations"));

    // Decoding: the same checks at their offsets in the body.
    request_slots s;
    std::string body = R"({"subject":"s","destinations":[{"to":"0911111111","cID":"a"},{"to":"0922222222","cID":"a"}]})";
    e = s.decode(body);
    CHECK(e == fail(errc::duplicate_field, body.rfind("\"a\"") + 1, "destinations[1].cID"));
    CHECK(field(e) == "destinations[1].cID");
    body = R"({"subject":"s","destinations":[{"to":"0911111111"},{"to":"0922222222","cID":")" + c37 + "\"}]}";
    e = s.decode(body);
    CHECK(e == fail(errc::field_too_long, body.find(c37) - 1, "destinations[1].cID"));
    CHECK(field(e) == "destinations[1].cID");
    body = R"({"subject":"s","destinations":[)";
    for (int i = 0; i < 501; ++i) body += std::string(i ? "," : "") + R"({"to":"0911111111"})";
    body += "]}";
    e = s.decode(body);
    CHECK(e.ec == errc::too_many);
    CHECK(e.offset == body.rfind("{\"to\""));
    e = s.decode(R"({"subject":"s","destinations":[]})");
    CHECK(e == fail(errc::empty_field, 0, "destinations"));
    CHECK(field(e) == "destinations");
}

TEST_CASE("push request: attachments, their types, names and the 300 KB budget") {
    const std::vector<smsgw::byte> image(3, 0x42);
    mitake::attachment a{image, "png", "a.png"};
    mitake::push_request r = valid(&a);
    fields::path where;
    CHECK(validate(r, where));
    for (const char* t : {"jpg", "jpeg", "png", "gif", "mp3"}) {
        a.type = t;
        CHECK(validate(r, where));
    }
    for (const char* t : {"bmp", "JPG", "", "jpeg2"}) {
        a.type = t;
        INFO(t);
        CHECK(field(validate(r, where)) == "attachments[0].attachType");
    }
    a.type = "gif";
    const std::string name50 = std::string(46, 'n') + ".gif";
    a.name = name50;
    CHECK(validate(r, where));
    const std::string name51 = "附" + name50;  // 51 characters
    a.name = name51;
    result e = validate(r, where);
    CHECK(e == fail(errc::field_too_long, name51.size() - 1, "attachments[0].attachName"));
    CHECK(field(e) == "attachments[0].attachName");
    a.name = "a.gif";
    a.content = {};
    e = validate(r, where);
    CHECK(e == fail(errc::empty_field, 0, "attachments[0].attachContent"));
    CHECK(field(e) == "attachments[0].attachContent");

    // subject (11) + content + base64 (307176 characters): 307200 bytes at most.
    std::vector<smsgw::byte> big(307176 / 4 * 3);
    a.content = big;
    r.content = "mms content!!";  // 13: 307200
    CHECK(validate(r, where));
    r.content = "mms content!!!";  // 14: 307201
    e = validate(r, where);
    CHECK(e == fail(errc::field_too_long, mitake::max_message_size - 25, "attachments[0].attachContent"));
    CHECK(field(e) == "attachments[0].attachContent");
    r.content = "mms content!";  // 12: 307199
    CHECK(validate(r, where));

    request_slots s;
    const std::string_view missing = R"({"subject":"s","destinations":[{"to":"0911111111"}],"attachments":[{"attachContent":"QkJC","attachName":"a.png"}]})";
    e = s.decode(missing);
    CHECK(e.ec == errc::missing_field);
    CHECK(e.offset == missing.find("{\"attachContent"));
    CHECK(field(e) == "attachments[0].attachType");
}

TEST_CASE("push request: orderTime, expireTime and projectName") {
    mitake::push_request r = valid();
    fields::path where;
    r.order_time = "20240229235959";
    r.expire_time = "20240301000000";
    CHECK(validate(r, where));
    r.order_time = "20230229120000";
    result e = validate(r, where);
    CHECK(e.ec == errc::out_of_range);
    CHECK(field(e) == "orderTime");
    r.order_time = "2024022923595";
    CHECK(validate(r, where) == fail(errc::invalid_length, 0, "orderTime"));
    r.order_time = "";
    r.expire_time = "20240301240000";
    CHECK(field(validate(r, where)) == "expireTime");
    r.expire_time = "";
    const std::string p36 = "專案" + std::string(34, 'p');
    r.project_name = p36;
    CHECK(validate(r, where));
    const std::string p37 = p36 + "p";
    r.project_name = p37;
    CHECK(validate(r, where) == fail(errc::field_too_long, p36.size(), "projectName"));
    CHECK(encoded(valid()) ==
          R"({"subject":"mms subject","content":"mms content","destinations":[{"to":"0911111111","cID":"clientID001"},{"to":"0922222222","cID":"clientID002"}]})");
}

TEST_CASE("push request: split into pushes of at most 500 destinations") {
    std::vector<mitake::destination> all(1201, {"0911111111", ""});
    const mitake::push_request base = valid();
    mitake::push_request out[3];
    CHECK(mitake::push_count(0) == 0);
    CHECK(mitake::push_count(500) == 1);
    CHECK(mitake::push_count(501) == 2);
    CHECK(mitake::split(base, all, smsgw::span<mitake::push_request>(out, 2)) == fail(errc::buffer_too_small, 3));
    REQUIRE(mitake::split(base, all, out) == result{errc{}, 3});
    CHECK(out[0].destinations.size() == 500);
    CHECK(out[1].destinations.size() == 500);
    CHECK(out[2].destinations.size() == 201);
    CHECK(out[1].destinations.data() == all.data() + 500);
    CHECK(out[2].subject == "mms subject");
    for (const mitake::push_request& p : out) CHECK(mitake::validate(p));
}

TEST_CASE("push request: 500 destinations and a 200 KB attachment encode without allocating") {
    std::vector<std::string> ids(500);
    std::vector<mitake::destination> d(500);
    for (std::size_t i = 0; i < d.size(); ++i) {
        ids[i] = "c" + std::to_string(i);
        d[i] = {"0911111111", ids[i]};
    }
    std::vector<smsgw::byte> image(200 * 1024);
    for (std::size_t i = 0; i < image.size(); ++i) image[i] = static_cast<smsgw::byte>(i * 7);
    const mitake::attachment a{image, "jpg", "photo.jpg"};
    mitake::push_request r = valid(&a);
    r.destinations = d;
    std::vector<char> buffer(smsgw::encoded_size(r));
    {
        smsgw::test::alloc_counter guard;
        smsgw::writer w(buffer.data(), buffer.size());
        REQUIRE(mitake::encode(r, w) == result{errc{}, buffer.size()});
        CHECK(guard.count() == 0);
    }
    request_slots s;
    const std::string body(buffer.begin(), buffer.end());
    s.scratch.assign(body.size(), 0);
    smsgw::test::alloc_counter guard;
    REQUIRE(mitake::decode(body, s.req, s.scratch, s.destinations, s.attachments));
    CHECK(guard.count() == 0);
    CHECK(s.req.destinations.size() == 500);
    CHECK(s.req.destinations[499].c_id == "c499");
    CHECK(std::vector<smsgw::byte>(s.req.attachments[0].content.begin(), s.req.attachments[0].content.end()) == image);
    CHECK(encoded(s.req) == body);
}

TEST_CASE("push response: the spec's first block as printed") {
    response_slots s;
    const std::string_view page = mitake_test::push_response_page1;
    // Strict: the bare UUID is no JSON number.
    CHECK(s.decode(page) == fail(errc::bad_number, page.find("-2222")));
    REQUIRE(s.decode(page, mitake::mode::tolerant) == result{errc{}, page.size()});
    const mitake::push_response& r = s.resp;
    CHECK(r.batch_id == "11111111-2222-3333-4444-555555555555");
    REQUIRE(r.messages.size() == 1);
    const mitake::push_message& m = r.messages[0];
    CHECK(m.msg_id == "0000000001");
    std::uint64_t id = 0;
    REQUIRE(mitake::to_uint64(m.msg_id, id));
    CHECK(id == 1);
    CHECK(m.c_id == "clientID001");
    CHECK(m.status == "1");
    CHECK(m.read_status().as_status() == mitake::status::accepted);
    CHECK(m.read_status().outcome() == mitake::outcome::pending);
    CHECK(m.status_desc == "已送達三竹");
    CHECK(m.status_time == "20200505160000");
    CHECK(m.point == 3);
    CHECK(r.cost_points == 0);
    // Written back as JSON: the UUID as a string, the zero-padded id as a string (no JSON number
    // starts with 0), so that a strict reader takes it.
    std::string out;
    REQUIRE(smsgw::encode_append(r, out));
    CHECK(out == R"({"batchID":"11111111-2222-3333-4444-555555555555","messages":[{"msgID":"0000000001","cID":"clientID001","status":"1","statusDesc":"已送達三竹","statusTime":"20200505160000","point":3}]})");
    response_slots back;
    REQUIRE(back.decode(out));
    CHECK(back.resp.batch_id == r.batch_id);
}

TEST_CASE("push response: each malformation of the spec, refused strictly at its offset") {
    response_slots s;
    const std::string_view trailing_array = R"({"batchID":1,"messages":[{"msgID":1,"status":"1"},]})";
    CHECK(s.decode(trailing_array) == fail(errc::expected_value, trailing_array.find("]")));
    REQUIRE(s.decode(trailing_array, mitake::mode::tolerant));
    CHECK(s.resp.messages.size() == 1);
    const std::string_view trailing_object = R"({"batchID":1,"costPoints":6,})";
    CHECK(s.decode(trailing_object) == fail(errc::expected_key, trailing_object.size() - 1));
    REQUIRE(s.decode(trailing_object, mitake::mode::tolerant));
    CHECK(s.resp.cost_points == 6);
    const std::string_view zero_padded = R"({"batchID":1,"messages":[{"msgID":0000000002,"status":"1"}]})";
    CHECK(s.decode(zero_padded).offset == zero_padded.find("0000000002") + 1);
    REQUIRE(s.decode(zero_padded, mitake::mode::tolerant));
    CHECK(s.resp.messages[0].msg_id == "0000000002");
    // A batchID that is neither a uint64 nor a UUID.
    const std::string_view other = R"({"batchID":"1111-2222"})";
    result e = s.decode(other, mitake::mode::tolerant);
    CHECK(e == fail(errc::bad_character, other.find("\"1111"), "batchID"));  // the value at fault
    CHECK(field(e) == "batchID");
}

TEST_CASE("push response: the second block alone is a fragment; both blocks as meant") {
    response_slots s;
    const std::string_view page2 = mitake_test::push_response_page2;
    CHECK(s.decode(page2).ec != errc{});
    CHECK(s.decode(page2, mitake::mode::tolerant) == fail(errc::trailing_bytes, page2.find("]")));
    // The page break cut the messages array after its first message: joined, as the sender meant.
    const std::string_view page1 = mitake_test::push_response_page1;
    const std::string joined = std::string(page1.substr(0, page1.find("  ],"))) + std::string(page2.substr(1));
    REQUIRE(s.decode(joined, mitake::mode::tolerant) == result{errc{}, joined.size()});
    REQUIRE(s.resp.messages.size() == 2);
    CHECK(s.resp.messages[1].msg_id == "0000000002");
    CHECK(s.resp.messages[1].c_id == "clientID002");
    CHECK(s.resp.cost_points == 6);
    CHECK(s.resp.account_points == 9994);
}

TEST_CASE("push response: a failed message (附件二), a failed batch (附件一), ids beyond 2^53") {
    response_slots s;
    const std::string_view partial = R"({"batchID":304934976469110784,"messages":[)"
                                     R"({"msgID":"18446744073709551615","cID":"a","status":"0","point":3},)"
                                     R"({"msgID":18446744073709551614,"cID":"a","status":"2018","statusDesc":"cID重複"}]})";
    REQUIRE(s.decode(partial));
    CHECK(s.resp.batch_id == "304934976469110784");
    std::uint64_t id = 0;
    REQUIRE(mitake::to_uint64(s.resp.messages[0].msg_id, id));
    CHECK(id == 18446744073709551615u);
    REQUIRE(mitake::to_uint64(s.resp.messages[1].msg_id, id));
    CHECK(id == 18446744073709551614u);
    const mitake::message_status st = s.resp.messages[1].read_status();
    CHECK(st.in == mitake::message_status::table::error);
    CHECK(st.as_error() == mitake::message_error::duplicate_c_id);
    CHECK(st.describe().chinese == s.resp.messages[1].status_desc);
    std::string out;
    REQUIRE(smsgw::encode_append(s.resp, out));
    CHECK(out == R"({"batchID":304934976469110784,"messages":[{"msgID":18446744073709551615,"cID":"a","status":"0","point":3},)"
                 R"({"msgID":18446744073709551614,"cID":"a","status":"2018","statusDesc":"cID重複"}]})");
    const std::string_view overflow = R"({"batchID":18446744073709551616})";
    result e = s.decode(overflow);
    CHECK(e.ec == errc::out_of_range);
    CHECK(field(e) == "batchID");

    const std::string_view failed = R"({"code":"2003","description":"訊息附件總和大小超過上限"})";
    REQUIRE(s.decode(failed));
    CHECK(s.resp.code == mitake::batch_error::attachments_too_large);
    CHECK(mitake::describe(s.resp.code).chinese == s.resp.description);
    CHECK(s.resp.batch_id.empty());
    CHECK(s.resp.messages.empty());
    out.clear();
    REQUIRE(smsgw::encode_append(s.resp, out));
    CHECK(out == R"({"code":2003,"description":"訊息附件總和大小超過上限"})");
    REQUIRE(s.decode(R"({"code":4242})"));
    CHECK(static_cast<int>(s.resp.code) == 4242);  // unknown: its number kept
    CHECK_FALSE(mitake::describe(s.resp.code).known());
}
