#include "smsgw/fivec/report.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "fivec_test.hpp"

using fivec_test::apikey;
using fivec_test::decode_request;
using fivec_test::field_of;
using smsgw::errc;
using smsgw::mode;
using smsgw::result;
namespace fivec = smsgw::fivec;
using fivec::report;
using fivec::report_answer;
using fivec::report_form;

namespace {

std::vector<report> reports_of(std::string_view in, mode m = mode::strict) {
    fivec::report_reply r;
    const result d = fivec::decode(in, r, m);
    REQUIRE(d == result{errc{}, in.size()});
    REQUIRE(r.answer == report_answer::reports);
    std::vector<report> out;
    for (const report& x : r.reports) out.push_back(x);
    CHECK(r.reports.error());
    return out;
}

result refusal(std::string_view in, mode m = mode::strict) {
    fivec::report_reply r;
    return fivec::decode(in, r, m);
}

std::string encoded(const std::vector<report>& list) {
    fivec::report_reply r{report_answer::reports, fivec::report_list(smsgw::span<const report>(list.data(), list.size())), {}};
    std::string out;
    REQUIRE(smsgw::encode_append(r, out));
    return out;
}

// §5.1.6's two examples, the second one's time as printed has a space in it
const std::string four = "30911175558600,13811299999,DELIVRD,2013-09-12 09:09:31;30911175558598,13811299999,DELIVRD,2013-09-12 09:09:32;";
const std::string four_printed = "30911175558600,13811299999,DELIVRD,2013-09-12 09:09:31;30911175558598,13811299999,DELIVRD,20 13-09-12 09:09:32;";
const std::string five_printed = "3456,30911175558600,13811299999,DELIVRD,2013-0 9-12 09:09:31;";
// §5.1.5's table, as the records it stands for
const std::string six = "3456,13568864638358,2267476,13919214967,DELIVRD,2012-11-15 18:19:52;"
                        "5121,13572813669546,3921117,13910704663,UNDELIV,2012-11-15 19:39:12;";

}  // namespace

TEST_CASE("report: the fetch request, for every number (§5.1.2) and for one number and a span (§5.1.4)") {
    // §5.1.2's example, joined where the PDF broke it
    const std::string all = "username=test&password_md5=E10ADC3949BA59ABBE56E057F20F883E&apikey=231d1a3dc627ebd0a7cab5b35c397d3e";
    fivec::report_request q;
    REQUIRE(decode_request(all, q));
    CHECK(q.password_md5 == "E10ADC3949BA59ABBE56E057F20F883E");
    CHECK(q.from == 0);
    const auto md5 = fivec::password_md5("123456", smsgw::codec::hex::letter_case::upper);
    CHECK(std::string_view(md5.data(), md5.size()) == q.password_md5);
    const auto lower = fivec::password_md5("123456");
    std::string body;
    REQUIRE(smsgw::encode_append(fivec::report_request{"test", std::string_view(md5.data(), md5.size()), apikey, 0, 0, {}}, body));
    CHECK(body == all);
    body.clear();
    REQUIRE(smsgw::encode_append(fivec::report_request{"test", std::string_view(lower.data(), lower.size()), apikey, 0, 0, {}}, body));
    CHECK(body == "username=test&password_md5=e10adc3949ba59abbe56e057f20f883e&apikey=231d1a3dc627ebd0a7cab5b35c397d3e");
    // §5.1.4's, joined
    const std::string one = all + "&from=1402903139&to=1403017200&mobile=13811299999,18610310066";
    REQUIRE(decode_request(one, q));
    CHECK(q.from == 1402903139u);
    CHECK(q.to == 1403017200u);
    CHECK(q.mobile == "13811299999,18610310066");
    body.clear();
    REQUIRE(smsgw::encode_append(q, body));
    CHECK(body == all + "&from=1402903139&to=1403017200&mobile=13811299999%2C18610310066");
    // as printed, a space before &apikey
    CHECK(decode_request("username=test&password_md5=E10ADC3949BA59ABBE56E057F20F883E &apikey=231d1a3dc627ebd0a7cab5b35c397d3e", q) ==
          result{errc::field_too_long, 14, "password_md5"});
    CHECK(fivec::url(fivec::api::recv_report) == "http://m.5c.com.cn/api/recv/index.php");
}

TEST_CASE("report: the request's limits, and from, to and mobile together") {
    auto check = [](fivec::report_request r, errc ec, std::size_t offset, const char* field) {
        fivec_test::check_error(fivec::validate(r), ec, offset, field);
    };
    const std::string_view md5 = "e10adc3949ba59abbe56e057f20f883e";
    fivec::report_request r{"test", md5, apikey, 0, 0, {}};
    CHECK(fivec::validate(r));
    r.password_md5 = md5.substr(1);
    check(r, errc::invalid_length, 31, "password_md5");
    r.password_md5 = "g10adc3949ba59abbe56e057f20f883e";
    check(r, errc::bad_character, 0, "password_md5");
    r = {"test", md5, apikey, 1402903139, 0, {}};
    check(r, errc::out_of_range, 0, "to");
    r = {"test", md5, apikey, 0, 0, "13811299999"};
    check(r, errc::out_of_range, 0, "from");
    r = {"test", md5, apikey, 999999999, 1403017200, "13811299999"};
    check(r, errc::out_of_range, 0, "from");
    r = {"test", md5, apikey, 1000000000, 9999999999u, "13811299999"};
    CHECK(fivec::validate(r));
    r.to = 10000000000u;
    check(r, errc::out_of_range, 0, "to");
    r = {"test", md5, apikey, 1402903139, 1403017200, ""};
    check(r, errc::empty_field, 0, "mobile");
    r.mobile = "138112999990";
    check(r, errc::field_too_long, 11, "mobile");
    r = {"te", md5, apikey, 0, 0, {}};
    check(r, errc::invalid_length, 2, "username");
    fivec::report_request q;
    CHECK(decode_request("username=test&password_md5=e10adc3949ba59abbe56e057f20f883e&apikey=231d1a3dc627ebd0a7cab5b35c397d3e&from=1402903139",
                         q) == result{errc::missing_field, 115, "to"});
    CHECK(field_of(decode_request("username=test&password_md5=e10adc3949ba59abbe56e057f20f883e&apikey=231d1a3dc627ebd0a7cab5b35c397d3e&from=1402903139",
                                  q)) == "to");
}

TEST_CASE("report: the reply in its 4-, 5- and 6-field forms (§5.1.5, §5.1.6)") {
    std::vector<report> r = reports_of(four);
    REQUIRE(r.size() == 2);
    CHECK(r[0].form == report_form::four);
    CHECK(r[0].msgid == "30911175558600");
    CHECK(r[0].mobile == "13811299999");
    CHECK(r[0].status == "DELIVRD");
    CHECK(r[0].delivered());
    CHECK(r[0].time == "2013-09-12 09:09:31");
    CHECK(r[0].extension.empty());
    CHECK(r[1].offset == 55);
    CHECK(encoded(r) == four);

    r = reports_of(six);
    REQUIRE(r.size() == 2);
    CHECK(r[0].form == report_form::six);
    CHECK(r[0].extension == "3456");
    CHECK(r[0].msgid == "13568864638358");
    CHECK(r[0].id == "2267476");
    CHECK(r[0].mobile == "13919214967");
    CHECK(r[1].status == "UNDELIV");
    CHECK_FALSE(r[1].delivered());
    CHECK(r[1].time == "2012-11-15 19:39:12");
    CHECK(encoded(r) == six);

    const std::string five = "3456,30911175558600,13811299999,DELIVRD,2013-09-12 09:09:31;";
    r = reports_of(five);
    REQUIRE(r.size() == 1);
    CHECK(r[0].form == report_form::five);
    CHECK(r[0].extension == "3456");
    CHECK(r[0].msgid == "30911175558600");
    CHECK(encoded(r) == five);
    // an empty extension is legal (如该用户不存在扩展号，则为空), other status codes are kept
    const std::string empty_ext = ",13568864638358,2267476,13919214967,REJECTD,2012-11-15 18:19:52;,1,2,3,JA:0009,2012-11-15 18:19:53;";
    r = reports_of(empty_ext);
    REQUIRE(r.size() == 2);
    CHECK(r[0].extension.empty());
    CHECK(r[0].status == "REJECTD");
    CHECK(r[1].status == "JA:0009");
    CHECK(encoded(r) == empty_ext);
    // the forms may mix
    CHECK(reports_of(five + four).size() == 3);
}

TEST_CASE("report: the spec's examples as printed, with the PDF's spaces inside their times") {
    CHECK(refusal(four_printed) == result{errc::invalid_length, 90, "time"});
    CHECK(field_of(refusal(four_printed)) == "time");
    CHECK(refusal(four_printed, mode::tolerant) == result{errc::invalid_length, 90, "time"});
    CHECK(refusal(five_printed) == result{errc::invalid_length, 40, "time"});
}

TEST_CASE("report: no record, an error reply, and what neither is") {
    fivec::report_reply r;
    REQUIRE(fivec::decode(std::string_view("no record"), r));
    CHECK(r.answer == report_answer::no_record);
    REQUIRE(fivec::decode(std::string_view("\xEF\xBB\xBFno record\r\n"), r));
    CHECK(r.answer == report_answer::no_record);
    CHECK(refusal("No Record") == result{errc::bad_response, 0, "prefix"});
    REQUIRE(fivec::decode(std::string_view(" No Record \n"), r, mode::tolerant));
    CHECK(r.answer == report_answer::no_record);
    REQUIRE(fivec::decode(std::string_view("error:APIKEY or password error"), r));
    CHECK(r.answer == report_answer::error);
    CHECK(r.error.is(fivec::error_code::apikey_or_password_error));
    CHECK(refusal("success:1") == result{errc::bad_response, 0, "reports"});
    CHECK(refusal("") == result{errc::bad_response, 0, "prefix"});
    std::string out;
    REQUIRE(smsgw::encode_append(fivec::report_reply{}, out));
    CHECK(out == "no record");
    out.clear();
    REQUIRE(smsgw::encode_append(fivec::report_reply{report_answer::reports, {}, {}}, out));
    CHECK(out == "no record");
    out.clear();
    REQUIRE(smsgw::encode_append(fivec::report_reply{report_answer::error, {}, {false, {}, fivec::error_code::account_is_blocked, {}, {}}}, out));
    CHECK(out == "error:Account is blocked");
}

TEST_CASE("report: every refusal of a list, strict and tolerant") {
    const std::string rec = "30911175558600,13811299999,DELIVRD,2013-09-12 09:09:31";
    // the last record without its ';'
    CHECK(refusal(rec) == result{errc::truncated, 54, "reports"});
    CHECK(reports_of(rec, mode::tolerant).size() == 1);
    // empty records, line breaks between records
    CHECK(refusal(rec + ";;" + rec + ";") == result{errc::empty_field, 55, "reports"});
    CHECK(refusal(rec + ";\r\n" + rec + ";") == result{errc::bad_character, 55, "reports"});
    CHECK(reports_of(rec + ";\r\n" + rec + ";\r\n", mode::tolerant).size() == 2);
    CHECK(reports_of(rec + ";;" + rec, mode::tolerant).size() == 2);
    // blanks around fields: strict refuses, tolerant trims
    const std::string spaced = "30911175558600, 13811299999 ,DELIVRD,2013-09-12 09:09:31;";
    CHECK(refusal(spaced) == result{errc::bad_character, 15, "mobile"});
    CHECK(field_of(refusal(spaced)) == "mobile");
    CHECK(reports_of(spaced, mode::tolerant)[0].mobile == "13811299999");
    // field counts
    CHECK(refusal("1,2,DELIVRD;") == result{errc::count_mismatch, 0, "reports"});
    CHECK(refusal("1,2,3,4,5,DELIVRD,2013-09-12 09:09:31;") == result{errc::count_mismatch, 0, "reports"});
    // each field's check
    auto field = [](std::string_view in, errc ec, std::size_t offset, const char* name) {
        fivec_test::check_error(refusal(in), ec, offset, name);
    };
    field("3091x,13811299999,DELIVRD,2013-09-12 09:09:31;", errc::bad_character, 4, "msgid");
    field(",13811299999,DELIVRD,2013-09-12 09:09:31;", errc::empty_field, 0, "msgid");
    field("1,1381129999x,DELIVRD,2013-09-12 09:09:31;", errc::bad_character, 12, "mobile");
    field("1,2,,2013-09-12 09:09:31;", errc::empty_field, 4, "status");
    field("1,2,DELIV\xC3\xA9,2013-09-12 09:09:31;", errc::bad_character, 9, "status");
    // a blank in a status is refused, or strict and tolerant (which trims) would read it apart (fuzz)
    field("3456,30911175550,             [&1,2013-09-12 09:09:31;", errc::bad_character, 17, "status");
    CHECK(reports_of("3456,30911175550,             [&1,2013-09-12 09:09:31;", mode::tolerant)[0].status == "[&1");
    field("1,2,DELIVRD,2013-02-30 09:09:31;", errc::out_of_range, 20, "time");
    field("1,2,DELIVRD,2013-09-12T09:09:31;", errc::bad_character, 22, "time");
    field("1x,1,2,DELIVRD,2013-09-12 09:09:31;", errc::bad_character, 1, "extension");
    field("1,2,x,3,DELIVRD,2013-09-12 09:09:31;", errc::bad_character, 4, "id");
    // a record after a good one: the walk gives the first, then stops
    const std::string then_bad = rec + ";x";
    fivec::report_list list(then_bad, mode::strict);
    std::size_t n = 0;
    CHECK(list.validate(n) == result{errc::count_mismatch, 55, "reports"});
    CHECK(n == 1);
}

TEST_CASE("report: the longest records, the calendar's edges, and a good record after one read apart") {
    // every field at its limit: 124 bytes before the ';', past the first 64 and the first 16 * 7
    const std::string d20(20, '9');
    const std::string longest = d20 + "," + d20 + "," + d20 + "," + d20 + ",ABCDEFGHIJKLMNOPQRST,2012-11-15 18:19:52;";
    REQUIRE(longest.size() == 125);
    const std::string two = longest + longest;
    std::vector<report> r = reports_of(two);
    REQUIRE(r.size() == 2);
    CHECK(r[1].offset == 125);
    CHECK(r[1].extension == d20);
    CHECK(r[1].status == "ABCDEFGHIJKLMNOPQRST");
    CHECK(r[1].time == "2012-11-15 18:19:52");
    CHECK(refusal(longest + "9" + longest) == result{errc::field_too_long, 145, "extension"});
    CHECK(refusal("1,2,ABCDEFGHIJKLMNOPQRSTU,2012-11-15 18:19:52;") == result{errc::field_too_long, 24, "status"});
    // leap days, the last second of a day, and what is past them
    CHECK(reports_of("1,2,DELIVRD,2016-02-29 23:59:59;2,3,DELIVRD,2000-02-29 00:00:00;").size() == 2);
    CHECK(refusal("1,2,DELIVRD,2100-02-29 09:09:31;") == result{errc::out_of_range, 20, "time"});
    CHECK(refusal("1,2,DELIVRD,2013-04-31 09:09:31;") == result{errc::out_of_range, 20, "time"});
    CHECK(refusal("1,2,DELIVRD,2013-13-01 09:09:31;") == result{errc::out_of_range, 17, "time"});
    CHECK(refusal("1,2,DELIVRD,2013-12-00 09:09:31;") == result{errc::out_of_range, 20, "time"});
    CHECK(refusal("1,2,DELIVRD,2013-12-01 24:00:00;") == result{errc::out_of_range, 23, "time"});
    CHECK(refusal("1,2,DELIVRD,2013-12-01 23:60:00;") == result{errc::out_of_range, 26, "time"});
    CHECK(refusal("1,2,DELIVRD,2013-12-01 23:00:60;") == result{errc::out_of_range, 29, "time"});
    // tolerant: the records after a trimmed one and after line breaks read as the first
    const std::string rec = "30911175558600,13811299999,DELIVRD,2013-09-12 09:09:31;";
    const std::string apart = "\r\n3456, 1,2 ,3,DELIVRD,2013-09-12 09:09:31;" + rec + "\n\n" + rec + "\r\n";
    r = reports_of(apart, mode::tolerant);
    REQUIRE(r.size() == 3);
    CHECK(r[0].offset == 2);
    CHECK(r[0].msgid == "1");
    CHECK(r[1].offset == 43);
    CHECK(r[2].offset == 43 + rec.size() + 2);
    CHECK(r[2].msgid == "30911175558600");
}

TEST_CASE("report: the encoder checks each field and the separators") {
    std::vector<report> r = {{report_form::four, {}, "1", {}, "13811299999", "DELIVRD", "2013-09-12 09:09:31"}};
    CHECK(encoded(r) == "1,13811299999,DELIVRD,2013-09-12 09:09:31;");
    auto refused = [](const std::vector<report>& list) {
        fivec::report_reply rep{report_answer::reports, fivec::report_list(smsgw::span<const report>(list.data(), list.size())), {}};
        std::string out;
        const result e = smsgw::encode_append(rep, out);
        CHECK(out.empty());
        return e;
    };
    r.push_back({report_form::four, {}, "2", {}, "13811299999", "DELIVRD", "2013-09-12 9:09:31"});
    CHECK(refused(r) == result{errc::invalid_length, 1, "time"});
    CHECK(field_of(refused(r)) == "time");
    r[1].time = "2013-09-12 09:09:31";
    r[1].status = "A;B";
    CHECK(refused(r) == result{errc::bad_character, 1, "reports"});
    r[1].status = "A,B";
    CHECK(refused(r) == result{errc::bad_character, 1, "reports"});
    r[1].status = "DELIVRD";
    r[1].form = static_cast<report_form>(7);
    CHECK(refused(r) == result{errc::out_of_range, 1, "record"});
    r[1].form = report_form::six;
    CHECK(refused(r) == result{errc::empty_field, 1, "id"});  // its id
    CHECK(field_of(refused(r)) == "id");
    fivec::report_reply bad{report_answer::error, {}, {true, "1", {}, {}, {}}};
    std::string out;
    CHECK(smsgw::encode_append(bad, out) == result{errc::bad_response, 0, "reports"});
}

TEST_CASE("report: decoding 500 records and writing them allocates nothing") {
    std::string in;
    for (int i = 0; i < 500; ++i) in += "3456,30911175558600,13811299999,DELIVRD,2013-09-12 09:09:31;";
    report storage[500];
    std::string out(in.size(), '\0');
    smsgw::test::alloc_counter guard;
    fivec::report_reply r;
    REQUIRE(fivec::decode(in, r));
    std::size_t n = 0;
    for (const report& x : r.reports) storage[n++] = x;
    const fivec::report_reply again{report_answer::reports, fivec::report_list(smsgw::span<const report>(storage, n)), {}};
    smsgw::writer w(out.data(), out.size());
    REQUIRE(encode(again, w));
    CHECK(guard.count() == 0);
    CHECK(n == 500);
    CHECK(out == in);
}
