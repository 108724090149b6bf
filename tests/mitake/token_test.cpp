#include "smsgw/mitake/token.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "mitake/mitake_test.hpp"
#include "test.hpp"

namespace mitake = smsgw::mitake;
using mitake_test::compact;
using smsgw::errc;
using smsgw::fail;
using smsgw::result;

namespace {

template <class T>
result decode(std::string_view body, T& out, mitake::decode_options o = {}) {
    std::vector<smsgw::byte> scratch(body.size());
    return mitake::decode(body, out, scratch, o);
}

std::string field(const result& r) { return r.field != nullptr ? r.field : ""; }

}  // namespace

TEST_CASE("token request: the spec's example both ways") {
    mitake::token_request r;
    REQUIRE(decode(mitake_test::token_request, r) == result{errc{}, mitake_test::token_request.size()});
    CHECK(r.client_id == "test");
    CHECK(r.client_secret == "12345");
    std::string out;
    REQUIRE(smsgw::encode_append(r, out));
    CHECK(out == compact(mitake_test::token_request));
    CHECK(smsgw::encoded_size(r) == out.size());
}

TEST_CASE("token request: both fields required, printable ASCII") {
    mitake::token_request r;
    result e = decode(R"({"clientId":"test"})", r);
    CHECK(e == fail(errc::missing_field, 0, "clientSecret"));
    CHECK(field(e) == "clientSecret");
    e = decode(R"({"clientId":"","clientSecret":"x"})", r);
    CHECK(e == fail(errc::empty_field, 12, "clientId"));
    CHECK(field(e) == "clientId");
    e = decode(R"({"clientId":"t\u00e9st","clientSecret":"x"})", r);
    CHECK(e == fail(errc::bad_character, 12, "clientId"));
    std::string out;
    CHECK(smsgw::encode_append(mitake::token_request{"a", "b\tc"}, out) == fail(errc::bad_character, 1, "clientSecret"));
}

TEST_CASE("token response: the spec's example both ways, expiresIn as a number and as text") {
    mitake::token_response t;
    REQUIRE(decode(mitake_test::token_response, t));
    CHECK(t.access_token == "xTV1tbhjz1k67GnC");
    CHECK(t.token_type == "bearer");
    CHECK(t.expires_in == "33346");
    CHECK(t.refresh_token.empty());
    CHECK(t.scope.empty());
    std::uint64_t seconds = 0;
    REQUIRE(mitake::expires_in_seconds(t, seconds));
    CHECK(seconds == 33346);
    std::string out;
    REQUIRE(smsgw::encode_append(t, out));
    CHECK(out == compact(mitake_test::token_response));  // null written back as null

    // Unquoted, as a JSON number: the same value, its text kept.
    mitake::token_response n;
    REQUIRE(decode(R"({"accessToken":"a","tokenType":"bearer","expiresIn":33346,"refreshToken":"r","scope":"s"})", n));
    CHECK(n.expires_in == "33346");
    CHECK(n.refresh_token == "r");
    CHECK(n.scope == "s");
    // A fraction or a sign is no number of seconds.
    const std::string_view negative = R"({"accessToken":"a","tokenType":"bearer","expiresIn":-1})";
    result e = decode(negative, n);
    CHECK(e == fail(errc::bad_character, negative.find("-1"), "expiresIn"));
    CHECK(field(e) == "expiresIn");
    e = decode(R"({"accessToken":"a","tokenType":"bearer","expiresIn":"18446744073709551616"})", n);
    CHECK(e.ec == errc::out_of_range);
    REQUIRE(decode(R"({"accessToken":"a","tokenType":"bearer","expiresIn":"18446744073709551615"})", n));
    REQUIRE(mitake::expires_in_seconds(n, seconds));
    CHECK(seconds == 18446744073709551615u);
}

TEST_CASE("token response: unknown members refused in strict mode, skipped and reachable in tolerant") {
    const std::string_view body = R"({"accessToken":"a","tokenType":"bearer","expiresIn":"1","issued":"now"})";
    mitake::token_response t;
    CHECK(decode(body, t) == fail(errc::unknown_field, body.find("\"issued\"")));
    REQUIRE(decode(body, t, mitake::mode::tolerant));
    CHECK(t.expires_in == "1");
    smsgw::codec::json::value root;
    REQUIRE(smsgw::codec::json::parse(body, root));
    smsgw::codec::json::object obj;
    REQUIRE(root.get(obj));
    std::vector<std::string> unknown;
    for (const smsgw::codec::json::member& m : obj) {
        std::string_view key;
        REQUIRE(m.key.get(key));
        if (!smsgw::codec::fields::names<mitake::token_response>(m)) unknown.emplace_back(key);
    }
    CHECK(unknown == std::vector<std::string>{"issued"});

    const std::string_view twice = R"({"accessToken":"a","tokenType":"bearer","expiresIn":"1","expiresIn":"2"})";
    CHECK(decode(twice, t) == fail(errc::duplicate_field, twice.rfind("\"expiresIn\""), "expiresIn"));
    REQUIRE(decode(twice, t, mitake::mode::tolerant));
    CHECK(t.expires_in == "1");
}

TEST_CASE("token: decoding allocates nothing") {
    std::vector<smsgw::byte> scratch(mitake_test::token_response.size());
    char buffer[256];
    smsgw::test::alloc_counter guard;
    mitake::token_response t;
    REQUIRE(mitake::decode(mitake_test::token_response, t, scratch));
    smsgw::writer w(buffer, sizeof buffer);
    REQUIRE(mitake::encode(t, w));
    CHECK(guard.count() == 0);
}

TEST_CASE("samples: the spec's examples are its text byte for byte") {
    const std::string spec = smsgw::test::read_file(smsgw::test::shared_dir() + "/spec/mitake-mms-api.txt");
    if (spec.empty()) {
        WARN("../shared/spec/mitake-mms-api.txt not found: the samples not compared with it");
        return;
    }
    for (const std::string* example :
         {&mitake_test::token_request, &mitake_test::token_response, &mitake_test::push_request,
          &mitake_test::push_response_page1, &mitake_test::push_response_page2, &mitake_test::query_batch_request,
          &mitake_test::query_batch_response, &mitake_test::query_single_request,
          &mitake_test::query_single_response_page1, &mitake_test::query_single_response_page2,
          &mitake_test::callback_request}) {
        CHECK(spec.find("```\n" + *example + "```") != std::string::npos);
    }
}
