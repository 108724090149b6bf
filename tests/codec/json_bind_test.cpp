#include "smsgw/codec/json_bind.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "test.hpp"

using smsgw::errc;
namespace json = smsgw::codec::json;

namespace {

json::value parse_ok(std::string_view text, json::mode m = json::mode::strict) {
    json::value v;
    REQUIRE(json::parse(text, v, {m}).ok());
    return v;
}

// mitake-mms-api.txt, API Authorization response.
struct token_response {
    std::string_view access_token;
    std::string_view token_type;
    std::uint32_t expires_in = 0;
    std::optional<std::string_view> refresh_token;
    std::optional<std::string_view> scope;
};

smsgw::result decode(const json::value& v, token_response& out) {
    return json::bind_fields(v, json::required("accessToken", out.access_token), json::required("tokenType", out.token_type),
                      json::required("expiresIn", out.expires_in), json::optional("refreshToken", out.refresh_token),
                      json::optional("scope", out.scope));
}

// mitake-mms-api.txt, 發送(push) HTTP Response: messages kept as an array, walked later.
struct push_message {
    std::uint64_t msg_id = 0;
    std::string_view c_id;
    int status = -1;
    std::string_view status_desc;
    std::string_view status_time;
    int point = 0;
};

struct push_response {
    json::value batch_id;  // a number or a bare UUID: the raw text is kept
    json::array messages;
    std::optional<int> cost_points;
    std::optional<int> account_points;
    std::optional<int> code;
    std::optional<std::string_view> description;
};

smsgw::result decode(const json::value& v, push_message& out) {
    return json::bind_fields(v, json::required("msgID", out.msg_id), json::optional("cID", out.c_id),
                      json::required("status", out.status), json::optional("statusDesc", out.status_desc),
                      json::optional("statusTime", out.status_time), json::optional("point", out.point));
}

smsgw::result decode(const json::value& v, push_response& out) {
    return json::bind_fields(v, json::optional("batchID", out.batch_id), json::optional("messages", out.messages),
                      json::optional("costPoints", out.cost_points), json::optional("accountPoints", out.account_points),
                      json::optional("code", out.code), json::optional("description", out.description));
}

constexpr std::string_view push_text = R"({
  "batchID":11111111-2222-3333-4444-555555555555,
  "messages":[
    {"msgID":0000000001, "cID":"clientID001", "status":"1", "statusDesc":"已送達三竹", "statusTime":"20200505160000", "point":3},
    {"msgID":304934976469110784, "cID":"clientID002", "status":"1", "statusDesc":"\u5df2\u9001\u9054", "point":3},
  ],
  "costPoints":6,
  "accountPoints":9994,
})";

}  // namespace

TEST_CASE("json bind_fields: the Mitake token response") {
    token_response t;
    const smsgw::result r = decode(parse_ok(R"({
  "accessToken": "xTV1tbhjz1k67GnC",
  "tokenType": "bearer",
  "expiresIn": "33346",
  "refreshToken": null,
  "scope": null
})"),
                                   t);
    REQUIRE(r.ok());
    CHECK(t.access_token == "xTV1tbhjz1k67GnC");
    CHECK(t.token_type == "bearer");
    CHECK(t.expires_in == 33346);
    CHECK_FALSE(t.refresh_token.has_value());
    CHECK_FALSE(t.scope.has_value());

    token_response u;
    REQUIRE(decode(parse_ok(R"({"accessToken":"a","tokenType":"bearer","expiresIn":1,"scope":"all"})"), u).ok());
    CHECK(u.scope == std::optional<std::string_view>("all"));
}

TEST_CASE("json bind_fields: the Mitake push response, tolerant, messages walked lazily") {
    push_response res;
    REQUIRE(decode(parse_ok(push_text, json::mode::tolerant), res).ok());
    CHECK(res.batch_id.raw() == "11111111-2222-3333-4444-555555555555");
    CHECK(res.cost_points == 6);
    CHECK(res.account_points == 9994);
    CHECK_FALSE(res.code.has_value());
    std::vector<push_message> msgs;
    for (const json::value& v : res.messages) {
        push_message m;
        const smsgw::result r = decode(v, m);
        if (r.ec == errc::buffer_too_small) {  // the second statusDesc has escapes: no buffer was given
            CHECK(r.offset == 9);
            CHECK(std::string_view(r.field) == "statusDesc");
            continue;
        }
        REQUIRE(r.ok());
        msgs.push_back(m);
    }
    REQUIRE(msgs.size() == 1);
    CHECK(msgs[0].msg_id == 1);
    CHECK(msgs[0].c_id == "clientID001");
    CHECK(msgs[0].status == 1);
    CHECK(msgs[0].status_desc == "已送達三竹");
    CHECK(msgs[0].point == 3);
}

TEST_CASE("json bind_fields: escaped strings decode into a shared scratch buffer") {
    const json::value root = parse_ok(R"({"a":"x\ty","b":"plain","c":"\u5df2","d":"no"})");
    char buf[16];
    smsgw::writer scratch(buf, sizeof buf);
    std::string_view a, b, c, d;
    REQUIRE(json::bind_fields(root, json::required("a", json::decoded{a, scratch}), json::required("b", json::decoded{b, scratch}),
                       json::optional("c", json::decoded{c, scratch}), json::optional("d", d))
                .ok());
    CHECK(a == "x\ty");
    CHECK(b == "plain");
    CHECK(c == "已");
    CHECK(d == "no");
    CHECK(scratch.size() == 6);  // only the escaped ones took room
    CHECK(a.data() == buf);
    CHECK(c.data() == buf + 3);

    smsgw::writer tiny(buf, 2);
    CHECK(json::bind_fields(root, json::required("a", json::decoded{a, tiny})) == smsgw::fail(errc::buffer_too_small, 3, "a"));
    smsgw::writer w(buf, sizeof buf);
    const smsgw::result r = json::bind_fields(parse_ok(R"({"a":1})"), json::required("a", json::decoded{a, w}));
    CHECK(r == smsgw::fail(errc::wrong_type, 5, "a"));
}

TEST_CASE("json bind_fields: errors name the key") {
    token_response t;
    smsgw::result r = decode(parse_ok(R"( {"accessToken":"a","tokenType":"bearer"})"), t);
    CHECK(r == smsgw::fail(errc::missing_field, 1, "expiresIn"));

    const std::string_view dup = R"({"accessToken":"a","tokenType":"b","expiresIn":1,"tokenType":"c"})";
    r = decode(parse_ok(dup), t);
    CHECK(r == smsgw::fail(errc::duplicate_field, dup.rfind("\"tokenType\""), "tokenType"));

    const std::string_view wrong = R"({"accessToken":"a","tokenType":"b","expiresIn":99999999999})";
    r = decode(parse_ok(wrong), t);
    CHECK(r == smsgw::fail(errc::number_overflow, wrong.find("999"), "expiresIn"));

    r = decode(parse_ok(R"({"accessToken":null,"tokenType":"b","expiresIn":1})"), t);
    CHECK(r == smsgw::fail(errc::wrong_type, 15, "accessToken"));

    r = decode(parse_ok("[]"), t);
    CHECK(r == smsgw::fail(errc::wrong_type, 0));
    CHECK(r.field == nullptr);
}

TEST_CASE("json bind_fields: unknown keys stay reachable") {
    const std::string_view text = R"({"known":1,"extra":[1,2],"more":"x","\u006bnown2":true})";
    const json::value root = parse_ok(text);
    int known = 0;
    bool known2 = false;
    std::vector<std::string> unknown;
    REQUIRE(json::bind_fields(root, json::required("known", known), json::others([&](const json::member& m) {
                           std::string_view k;
                           REQUIRE(m.key.get(k).ok());
                           unknown.push_back(std::string(k) + "=" + std::string(m.value.raw()));
                           return smsgw::result{};
                       }),
                       json::optional("known2", known2))
                .ok());
    CHECK(known == 1);
    CHECK(known2);
    CHECK(unknown == std::vector<std::string>{"extra=[1,2]", "more=\"x\""});

    // Ignored without others(), refused with refuse_others(), and a handler's error stops the walk.
    CHECK(json::bind_fields(root, json::required("known", known)).ok());
    CHECK(json::bind_fields(root, json::required("known", known), json::refuse_others()) ==
          smsgw::fail(errc::unknown_field, text.find("\"extra\"")));
    CHECK(json::bind_fields(root, json::others([](const json::member& m) {
                         return m.key.equals("more") ? smsgw::fail(errc::bad_response, m.value.offset()) : smsgw::result{};
                     })) == smsgw::fail(errc::bad_response, text.find("\"x\"")));
}

TEST_CASE("json bind_fields: nested objects and lists through callables") {
    const std::string_view text = R"({"messages":[{"msgID":1,"status":"0"},{"msgID":2,"status":"1000"}],"batchID":304934976469110784})";
    std::uint64_t batch = 0;
    std::uint64_t ids = 0;
    int statuses = 0;
    const auto each_message = [&](const json::value& v) {
        json::array a;
        if (smsgw::result r = v.get(a); !r) return r;
        for (const json::value& m : a) {
            std::uint64_t id = 0;
            int status = 0;
            if (smsgw::result r = json::bind_fields(m, json::required("msgID", id), json::required("status", status)); !r) return r;
            ids += id;
            statuses += status;
        }
        return smsgw::result{};
    };
    REQUIRE(json::bind_fields(parse_ok(text), json::required_with("messages", each_message), json::required("batchID", batch)).ok());
    CHECK(batch == 304934976469110784u);
    CHECK(ids == 3);
    CHECK(statuses == 1000);
    const smsgw::result r = json::bind_fields(parse_ok(R"({"messages":[{"msgID":1}]})"), json::optional_with("messages", each_message));
    CHECK(r == smsgw::fail(errc::missing_field, 13, "status"));
    CHECK(json::bind_fields(parse_ok("{}"), json::required_with("messages", each_message)).ec == errc::missing_field);
    CHECK(json::bind_fields(parse_ok("{}"), json::optional_with("messages", each_message)).ok());
}

TEST_CASE("json bind_fields: binding allocates nothing") {
    json::value root;
    REQUIRE(json::parse(push_text, root, {json::mode::tolerant}).ok());
    char buf[64];
    smsgw::test::alloc_counter guard;
    push_response res;
    const smsgw::result r1 = decode(root, res);
    std::size_t count = 0;
    for (const json::value& v : res.messages) {
        smsgw::writer scratch(buf, sizeof buf);
        push_message m;
        json::bind_fields(v, json::required("msgID", m.msg_id), json::optional("statusDesc", json::decoded{m.status_desc, scratch}),
                   json::others([&](const json::member&) {
                       ++count;
                       return smsgw::result{};
                   }));
    }
    CHECK(guard.count() == 0);
    CHECK(r1.ok());
    CHECK(count == 7);  // cID, status, statusTime, point; cID, status, point
}
