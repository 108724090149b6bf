#include "smsgw/mitake/query.hpp"

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

template <class T>
std::string encoded(const T& r) {
    std::string out;
    REQUIRE(smsgw::encode_append(r, out));
    return out;
}

struct slots {
    std::vector<smsgw::byte> scratch;
    std::vector<mitake::report> reports = std::vector<mitake::report>(8);
    std::vector<mitake::msg_id> ids = std::vector<mitake::msg_id>(8);
    fields::path where;
    mitake::query_batch_request batch;
    mitake::query_single_request single;
    mitake::query_response resp;

    result decode(std::string_view body, mitake::query_batch_request&, mitake::mode m = mitake::mode::strict) {
        scratch.assign(body.size(), 0);
        return mitake::decode(body, batch, scratch, m);
    }
    result decode(std::string_view body, mitake::query_single_request&, mitake::mode m = mitake::mode::strict) {
        scratch.assign(body.size(), 0);
        return mitake::decode(body, single, scratch, ids, {m, &where});
    }
    result decode(std::string_view body, mitake::query_response&, mitake::mode m = mitake::mode::strict) {
        scratch.assign(body.size(), 0);
        return mitake::decode(body, resp, scratch, reports, {m, &where});
    }
};

}  // namespace

TEST_CASE("queryBatchDR request: the spec's example both ways, the id exact") {
    slots s;
    REQUIRE(s.decode(mitake_test::query_batch_request, s.batch));
    CHECK(s.batch.batch_id == "304934976469110784");
    std::uint64_t id = 0;
    REQUIRE(mitake::to_uint64(s.batch.batch_id, id));
    CHECK(id == 304934976469110784u);
    // The spec's response says 304934976469110800: the same double, a different batch.
    CHECK(static_cast<double>(id) == static_cast<double>(304934976469110800u));
    CHECK(id != 304934976469110800u);
    CHECK(encoded(s.batch) == compact(mitake_test::query_batch_request));
    // As a string, the same id; written back as a number.
    REQUIRE(s.decode(R"({"batchID":"304934976469110784"})", s.batch));
    CHECK(s.batch.batch_id == "304934976469110784");
    CHECK(encoded(s.batch) == compact(mitake_test::query_batch_request));

    CHECK(s.decode("{}", s.batch) == fail(errc::missing_field, 0, "batchID"));
    CHECK(s.decode(R"({"batchID":1.5})", s.batch).ec == errc::bad_character);
    CHECK(s.decode(R"({"batchID":1e3})", s.batch).ec == errc::bad_character);
    CHECK(s.decode(R"({"batchID":""})", s.batch).ec == errc::empty_field);
    CHECK(s.decode(R"({"batchID":true})", s.batch).ec == errc::wrong_type);
    CHECK(s.decode(R"({"batchID":"18446744073709551616"})", s.batch).ec == errc::out_of_range);
    REQUIRE(s.decode(R"({"batchID":18446744073709551615})", s.batch));
    const std::string_view padded = R"({"batchID":0304934976469110784})";
    CHECK(s.decode(padded, s.batch) == fail(errc::bad_number, 12));
    REQUIRE(s.decode(padded, s.batch, mitake::mode::tolerant));
    CHECK(s.batch.batch_id == "0304934976469110784");
    CHECK(encoded(s.batch) == R"({"batchID":"0304934976469110784"})");
}

TEST_CASE("queryBatchDR response: the spec's example both ways") {
    slots s;
    REQUIRE(s.decode(mitake_test::query_batch_response, s.resp));
    const mitake::query_response& r = s.resp;
    CHECK(r.batch_id == "304934976469110800");
    REQUIRE(r.messages.size() == 2);
    CHECK(r.messages[0].msg_id == "304934980000714750");
    CHECK(r.messages[0].status_time == "20200515181442");
    CHECK(r.messages[0].read_status().outcome() == mitake::outcome::delivered);
    CHECK(r.messages[0].point == 3);
    CHECK(r.messages[1].msg_id == "306379313648275460");
    CHECK(r.messages[1].read_status().as_status() == mitake::status::scheduled);
    CHECK_FALSE(r.messages[1].read_status().is_final());
    CHECK(encoded(r) == compact(mitake_test::query_batch_response));
    smsgw::test::alloc_counter guard;
    REQUIRE(mitake::decode(mitake_test::query_batch_response, s.resp, s.scratch, s.reports));
    CHECK(guard.count() == 0);
}

TEST_CASE("querySingleDR request: the spec's example both ways, msgIDs by path") {
    slots s;
    REQUIRE(s.decode(mitake_test::query_single_request, s.single));
    REQUIRE(s.single.msg_ids.size() == 2);
    CHECK(s.single.msg_ids[0].value == "304934980000714750");
    CHECK(s.single.msg_ids[1].value == "306379313648275460");
    CHECK(encoded(s.single) == compact(mitake_test::query_single_request));

    const std::string_view bad = R"({"batchID":1,"msgIDs":[1,"2",-3]})";
    result e = s.decode(bad, s.single);
    CHECK(e == fail(errc::bad_character, bad.find("-3"), "msgIDs[2]"));
    CHECK(field(e) == "msgIDs[2]");
    e = s.decode(R"({"batchID":1,"msgIDs":[]})", s.single);
    CHECK(e == fail(errc::empty_field, 0, "msgIDs"));
    CHECK(field(e) == "msgIDs");
    CHECK(field(s.decode(R"({"batchID":1})", s.single)) == "msgIDs");
    e = s.decode(R"({"batchID":1,"msgIDs":[1,2,3,4,5,6,7,8,9]})", s.single);
    CHECK(e.ec == errc::too_many);
    const mitake::msg_id ids[] = {{"1"}, {"x"}};
    mitake::query_single_request q{"1", ids};
    fields::path where;
    e = mitake::validate(q, where);
    CHECK(e == fail(errc::bad_character, 0, "msgIDs[1]"));
    CHECK(field(e) == "msgIDs[1]");
}

TEST_CASE("querySingleDR response: the spec's blocks as printed, and as meant") {
    slots s;
    const std::string_view page1 = mitake_test::query_single_response_page1;
    const std::size_t comma = page1.find("\"2003\",") + 6;
    CHECK(s.decode(page1, s.resp) == fail(errc::expected_key, page1.find('}', comma)));
    REQUIRE(s.decode(page1, s.resp, mitake::mode::tolerant));
    REQUIRE(s.resp.messages.size() == 2);
    CHECK(s.resp.messages[1].read_status().as_status() == mitake::status::expired);
    CHECK(s.resp.messages[1].read_status().is_final());
    CHECK(s.resp.messages[1].point == 0);  // cut off by the page break
    const std::string_view page2 = mitake_test::query_single_response_page2;
    CHECK(s.decode(page2, s.resp).ec != errc{});
    CHECK(s.decode(page2, s.resp, mitake::mode::tolerant).ec != errc{});
    // The second block is the end of the first message object: joined, strict JSON.
    const std::string joined = std::string(page1.substr(0, comma + 1)) + "\n" + std::string(page2);
    REQUIRE(s.decode(joined, s.resp));
    CHECK(s.resp.messages[1].point == 3);
    CHECK(encoded(s.resp) == compact(joined));
}

TEST_CASE("query responses: a failed query (附件一)") {
    slots s;
    REQUIRE(s.decode(R"({"code":4001,"description":"請輸入批號"})", s.resp));
    CHECK(s.resp.code == mitake::batch_error::missing_batch_id);
    CHECK(mitake::describe(s.resp.code).chinese == s.resp.description);
    CHECK(encoded(s.resp) == R"({"code":4001,"description":"請輸入批號"})");
    const std::string_view bad = R"({"batchID":1,"messages":[{"msgID":1,"status":"0","statusTime":"20200515246000"}]})";
    const result e = s.decode(bad, s.resp);
    CHECK(e.ec == errc::out_of_range);
    CHECK(field(e) == "messages[0].statusTime");
}
