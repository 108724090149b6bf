#include "smsgw/smsplat/push.hpp"

#include <string>
#include <string_view>

#include "smsplat_test.hpp"

using smsgw::errc;
using smsgw::mode;
using smsgw::result;
using smsplat_test::decode_request;
using smsplat_test::encoded;
using smsplat_test::expect;
namespace smsplat = smsgw::smsplat;
using smsplat::push_request;
using smsplat::report_status;

namespace {
constexpr std::string_view spec_push =  // §10.3, after pushUrl?
    "receiver=admin&pswd=12345&msgid=12345&reportTime=1012241002&mobile=18916626442&status=DELIVRD";
}  // namespace

TEST_CASE("push: the spec's example (§10.3) both ways") {
    push_request p;
    REQUIRE(decode_request(spec_push, p) == result{errc{}, spec_push.size()});
    CHECK(p.receiver == "admin");
    CHECK(p.pswd == "12345");
    CHECK(p.msgid == "12345");
    CHECK(p.report_time == "1012241002");
    CHECK(p.mobile == "18916626442");
    CHECK(p.status == "DELIVRD");
    CHECK(classify(p) == report_status::delivrd);
    CHECK(encoded(p) == spec_push);
    CHECK(smsplat::name(smsplat::call::push) == "push");
}

TEST_CASE("push: receiver and pswd may be empty, not absent") {
    push_request p;
    const std::string_view empty = "receiver=&pswd=&msgid=1&reportTime=1012241002&mobile=18916626442&status=DELIVRD";
    REQUIRE(decode_request(empty, p));
    CHECK(p.receiver.empty());
    CHECK(p.pswd.empty());
    CHECK(encoded(p) == empty);
    expect(decode_request("pswd=&msgid=1&reportTime=1012241002&mobile=18916626442&status=DELIVRD", p),
           errc::missing_field, 69, "receiver");
}

TEST_CASE("push: every status of table 10.2, ERR:104 percent-encoded as real pushes send it, others verbatim") {
    push_request p;
    const std::string head = "receiver=a&pswd=b&msgid=1234567890100&reportTime=1012241002&mobile=18916626442&status=";
    REQUIRE(decode_request(head + "ERR%3A104", p));
    CHECK(p.status == "ERR:104");
    CHECK(classify(p) == report_status::err_104);
    CHECK(describe(classify(p)).chinese == "系统忙");
    CHECK(encoded(p) == head + "ERR%3A104");
    REQUIRE(decode_request(head + "ERR:104", p));
    CHECK(classify(p) == report_status::err_104);
    const std::pair<std::string_view, report_status> table[] = {
        {"DELIVRD", report_status::delivrd}, {"EXPIRED", report_status::expired}, {"UNDELIV", report_status::undeliv},
        {"UNKNOWN", report_status::unknown}, {"REJECTD", report_status::rejectd}, {"DTBLACK", report_status::dtblack},
        {"REJECT", report_status::reject},   {"MBBLACK", report_status::other},   {"JA:0009", report_status::other},
        {"SM11", report_status::other},      {"delivrd", report_status::other}};
    for (const auto& [text, status] : table) {
        REQUIRE(decode_request(head + std::string(text), p));
        CHECK(p.status == text);
        CHECK(classify(p) == status);
        CHECK(describe(status).known());
    }
}

TEST_CASE("push: every limit and error, at the parameter's offset") {
    push_request p{"a", "b", "1", "1012241002", "18916626442", "DELIVRD"};
    CHECK(smsplat::validate(p));
    p.report_time = "101224100";
    expect(smsplat::validate(p), errc::invalid_length, 0, "reportTime");
    p.report_time = "1013241002";
    expect(smsplat::validate(p), errc::out_of_range, 2, "reportTime");
    p.report_time = "1012242400";
    expect(smsplat::validate(p), errc::out_of_range, 6, "reportTime");
    p.report_time = "1002291002";  // 2010 has no 29 February
    expect(smsplat::validate(p), errc::out_of_range, 4, "reportTime");
    p.report_time = "1202291002";
    CHECK(smsplat::validate(p));
    p.mobile = "123456789012345";
    CHECK(smsplat::validate(p));
    p.mobile = "1234567890123456";
    expect(smsplat::validate(p), errc::field_too_long, 15, "mobile");
    p.mobile = "18916626442,1";
    expect(smsplat::validate(p), errc::bad_character, 11, "mobile");
    p.mobile = "18916626442";
    const std::string status32(32, 'S');
    p.status = status32;
    CHECK(smsplat::validate(p));
    const std::string status33(33, 'S');
    p.status = status33;
    expect(smsplat::validate(p), errc::field_too_long, 32, "status");
    p.status = "";
    expect(smsplat::validate(p), errc::empty_field, 0, "status");
    p.status = "DELIVRD";
    const std::string id64(64, '7');
    p.msgid = id64;
    CHECK(smsplat::validate(p));
    const std::string id65(65, '7');
    p.msgid = id65;
    expect(smsplat::validate(p), errc::field_too_long, 64, "msgid");

    // decoding: the error at its pair; report_time is named as the wire names it
    expect(decode_request("receiver=a&pswd=b&msgid=1&reportTime=10122410&mobile=18916626442&status=DELIVRD", p),
           errc::invalid_length, 26, "reportTime");
    expect(decode_request(std::string(spec_push) + "&notifyTime=20101224100211", p), errc::unknown_field,
           spec_push.size() + 1, "-");
    REQUIRE(decode_request(std::string(spec_push) + "&notifyTime=20101224100211", p, mode::tolerant));
    CHECK(p.status == "DELIVRD");
    expect(decode_request(std::string(spec_push) + "&status=UNDELIV", p), errc::duplicate_field, spec_push.size() + 1,
           "status");
    REQUIRE(decode_request(std::string(spec_push) + "&status=UNDELIV", p, mode::tolerant));
    CHECK(p.status == "DELIVRD");
}

TEST_CASE("push: decoding and encoding allocate nothing") {
    smsgw::byte scratch[128];
    char out[128];
    push_request p;
    smsgw::test::alloc_counter guard;
    REQUIRE(smsplat::decode(spec_push, p, scratch));
    smsgw::writer w(out, sizeof out);
    REQUIRE(smsplat::encode(p, w));
    CHECK(guard.count() == 0);
    CHECK(std::string_view(out, w.size()) == spec_push);
}
