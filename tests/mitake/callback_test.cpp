#include "smsgw/mitake/callback.hpp"

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

TEST_CASE("callback: the spec's example both ways, as Mitake posts it and as the customer reads it") {
    std::vector<smsgw::byte> scratch(mitake_test::callback_request.size());
    std::vector<mitake::callback_message> storage(4);
    mitake::callback_request cb;
    {
        smsgw::test::alloc_counter guard;
        REQUIRE(mitake::decode(mitake_test::callback_request, cb, scratch, storage) ==
                result{errc{}, mitake_test::callback_request.size()});
        CHECK(guard.count() == 0);
    }
    REQUIRE(cb.messages.size() == 2);
    CHECK(cb.messages[0].batch_id == "301786034222960645");
    CHECK(cb.messages[0].msg_id == "301786034575282175");
    CHECK(cb.messages[1].msg_id == "301786034986323969");
    CHECK(cb.messages[1].status_time == "20200828162035");
    CHECK(cb.messages[1].point == 3);
    for (const mitake::callback_message& m : cb.messages) {
        CHECK(m.read_status().outcome() == mitake::outcome::delivered);
        std::uint64_t id = 0;
        REQUIRE(mitake::to_uint64(m.msg_id, id));
        CHECK(id > (std::uint64_t{1} << 53));
    }
    // A test playing Mitake writes the same body.
    std::string out;
    REQUIRE(smsgw::encode_append(cb, out));
    CHECK(out == compact(mitake_test::callback_request));
    CHECK(mitake::callback_ok_status == 200);
}

TEST_CASE("callback: what the customer refuses") {
    std::vector<smsgw::byte> scratch(256);
    std::vector<mitake::callback_message> storage(1);
    mitake::callback_request cb;
    smsgw::codec::fields::path where;
    const mitake::decode_options o{mitake::mode::strict, &where};
    CHECK(mitake::decode(std::string_view("{}"), cb, scratch, storage) == fail(errc::missing_field, 0, "messages"));
    const std::string_view no_msg_id = R"({"messages":[{"batchID":1,"status":"0"}]})";
    result e = mitake::decode(no_msg_id, cb, scratch, storage, o);
    CHECK(e == fail(errc::missing_field, no_msg_id.find("{\"batchID"), "messages[0].msgID"));
    const std::string_view two = R"({"messages":[{"batchID":1,"msgID":2,"status":"0"},{"batchID":1,"msgID":3,"status":"0"}]})";
    e = mitake::decode(two, cb, scratch, storage, o);
    CHECK(e == fail(errc::too_many, two.rfind("{\"batchID"), "messages"));
    const std::string_view status = R"({"messages":[{"batchID":1,"msgID":2,"status":"ok"}]})";
    e = mitake::decode(status, cb, scratch, storage, o);
    CHECK(e == fail(errc::bad_character, status.find("\"ok\""), "messages[0].status"));
    const std::string_view extra = R"({"messages":[{"batchID":1,"msgID":2,"status":"0","smsPoint":1}]})";
    e = mitake::decode(extra, cb, scratch, storage, o);
    CHECK(e == fail(errc::unknown_field, extra.find("\"smsPoint\""), "messages[0]"));
    REQUIRE(mitake::decode(extra, cb, scratch, storage, mitake::mode::tolerant));
    CHECK(cb.messages[0].msg_id == "2");
}
