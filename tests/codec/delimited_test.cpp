#include "smsgw/codec/delimited.hpp"

#include <array>
#include <cstring>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "smsgw/core/writer.hpp"
#include "test.hpp"

#if __cplusplus >= 202002L
#include <ranges>
static_assert(std::ranges::input_range<smsgw::codec::delimited::records>);
static_assert(std::ranges::input_range<smsgw::codec::delimited::record>);
#endif

namespace delimited = smsgw::codec::delimited;
using smsgw::errc;
using smsgw::mode;

namespace {

// The lists of the specs, as a module would declare them.
constexpr const char* rpts_names[] = {"mobile", "status", "msg_id", "time", "platform_id"};
constexpr delimited::format rpts = delimited::format{';', ',', 4, 5}.with_names("rpts", rpts_names).with_max_records(500);
constexpr const char* mos_names[] = {"mobile", "ext", "content", "time"};
constexpr delimited::format mos = delimited::format{';', ',', 4, 5}.with_names("mos", mos_names).with_max_records(500);
constexpr delimited::format fivec_reports = delimited::format{';', ',', 4, 6}.with_terminator().with_name("report");
constexpr delimited::format params = delimited::format{';', ','}.with_name("params");
constexpr const char* batch_names[] = {"msisdn", "status", "desc"};
constexpr delimited::format batch = delimited::format{';', ',', 3, 3}
                                        .with_trim(delimited::trimming::space)
                                        .with_rest_in_last()
                                        .with_names("description", batch_names);
constexpr const char* failure_names[] = {"to_address", "fail_reason"};
constexpr delimited::format failures = delimited::format{';', ':', 2, 2}
                                           .with_trim(delimited::trimming::space)
                                           .with_rest_in_last()
                                           .with_names("description", failure_names);
constexpr delimited::format two{';', ',', 2, 2};

static_assert(rpts.valid() && mos.valid() && fivec_reports.valid() && params.valid() && batch.valid());
static_assert(!delimited::format{';', ';'}.valid() && !delimited::format{'\n', ','}.valid());
static_assert(!delimited::format{';', ',', 3, 2}.valid() && !delimited::format{';', ',', 0, 2}.valid());

using rows = std::vector<std::vector<std::string>>;

struct read_back {
    rows fields;
    std::vector<std::size_t> record_offsets;
    std::vector<std::vector<std::size_t>> field_offsets;
    smsgw::result error;
};

// Every record and field of a walk, with the error that ended it; checks on the way that every
// offset points at the bytes it claims to.
read_back read(std::string_view text, const delimited::format& f, std::size_t base = 0) {
    read_back out;
    const delimited::records list(text, f, base);
    for (const delimited::record& r : list) {
        REQUIRE(r.offset() >= base);
        CHECK(text.substr(r.offset() - base, r.text().size()) == r.text());
        out.record_offsets.push_back(r.offset());
        out.fields.emplace_back();
        out.field_offsets.emplace_back();
        std::size_t i = 0;
        for (const delimited::field& fld : r) {
            CHECK(text.substr(fld.offset - base, fld.value.size()) == fld.value);
            CHECK(r[i] == fld.value);
            CHECK(r.at(i).offset == fld.offset);
            out.fields.back().emplace_back(fld.value);
            out.field_offsets.back().push_back(fld.offset);
            ++i;
        }
        CHECK(i == r.size());
    }
    out.error = list.error();
    std::size_t count = 0;
    CHECK(list.validate(count) == (out.error ? smsgw::result{errc{}, text.size()} : out.error));
    CHECK(count == out.fields.size());
    return out;
}

smsgw::result error_of(std::string_view text, const delimited::format& f) { return read(text, f).error; }

std::string encode(const rows& records, const delimited::format& f, smsgw::result* r = nullptr) {
    std::vector<std::vector<std::string_view>> views;
    for (const auto& rec : records) views.emplace_back(rec.begin(), rec.end());
    smsgw::writer measure;
    const smsgw::result m = delimited::encode(views, f, measure);
    std::string out(measure.size(), '\0');
    smsgw::writer w(out.data(), out.size());
    const smsgw::result e = delimited::encode(views, f, w);
    if (r != nullptr) *r = e;
    if (!e) {
        CHECK(m == e);
        return {};
    }
    // A writer without a buffer measures: buffer_too_small with the size, or success when empty.
    CHECK(m == (out.empty() ? e : smsgw::fail(errc::buffer_too_small, out.size())));
    CHECK(e.offset == out.size());
    return out;
}

}  // namespace

TEST_CASE("delimited: Hezhong rpts, the spec's example byte for byte") {
    // §七 2: the example as printed, wrapped inside the first record and inside the last time.
    const std::string_view spec = "13000000000,\nUNDELIV,1001,20090422103324;13000000000,DELIVRD,1002,200904220946\n20";
    CHECK(error_of(spec, rpts) == smsgw::fail(errc::bad_character, 12, "status"));
    CHECK(std::string_view(read(spec, rpts).error.field) == "status");
    // Tolerant, a break ending the record: the first record is cut short.
    CHECK(error_of(spec, rpts.with_mode(mode::tolerant)) == smsgw::fail(errc::count_mismatch, 0, "rpts"));
    // Tolerant, breaks kept and trimmed at field edges: both records, the wrapped time as sent.
    const auto kept =
        read(spec, rpts.with_mode(mode::tolerant).with_breaks(delimited::line_breaks::keep).with_trim(delimited::trimming::space));
    CHECK(kept.error);
    CHECK(kept.fields == rows{{"13000000000", "UNDELIV", "1001", "20090422103324"},
                              {"13000000000", "DELIVRD", "1002", "200904220946\n20"}});
    CHECK(kept.record_offsets == std::vector<std::size_t>{0, 41});
    CHECK(kept.field_offsets[0] == std::vector<std::size_t>{0, 13, 21, 26});
    // Unwrapped, it is what strict mode reads, and writes back byte for byte.
    const std::string_view unwrapped = "13000000000,UNDELIV,1001,20090422103324;13000000000,DELIVRD,1002,20090422094620";
    const auto r = read(unwrapped, rpts);
    CHECK(r.error == smsgw::result{errc{}, 0});
    CHECK(r.fields == rows{{"13000000000", "UNDELIV", "1001", "20090422103324"},
                           {"13000000000", "DELIVRD", "1002", "20090422094620"}});
    CHECK(r.record_offsets == std::vector<std::size_t>{0, 40});
    CHECK(encode(r.fields, rpts) == unwrapped);
    // The fifth field the description names (平台流水号) is accepted when present.
    CHECK(read("13000000000,DELIVRD,1002,20090422094620,P77", rpts).fields[0][4] == "P77");
    CHECK(error_of("13000000000,DELIVRD,1002,20090422094620,P77,x", rpts) == smsgw::fail(errc::count_mismatch, 0, "rpts"));
    CHECK(error_of("13000000000,DELIVRD,1002", rpts) == smsgw::fail(errc::count_mismatch, 0, "rpts"));
}

TEST_CASE("delimited: Hezhong mos, the spec's example byte for byte") {
    // §八 2: every record ends with ';', and the printed example breaks the line after the first.
    const std::string_view spec = "13000000000,001,hello,20151221121046;\n13000000000,001,hello2,20151221121046;";
    CHECK(error_of(spec, mos) == smsgw::fail(errc::bad_character, 37, "mobile"));
    const auto t = read(spec, mos.with_mode(mode::tolerant));
    CHECK(t.error);
    CHECK(t.fields == rows{{"13000000000", "001", "hello", "20151221121046"}, {"13000000000", "001", "hello2", "20151221121046"}});
    CHECK(t.record_offsets == std::vector<std::size_t>{0, 38});
    // On one line: strict refuses the trailing ';' unless the format says records are terminated.
    const std::string_view line = "13000000000,001,hello,20151221121046;13000000000,001,hello2,20151221121046;";
    CHECK(error_of(line, mos) == smsgw::fail(errc::empty_field, line.size(), "mos"));
    CHECK(std::string_view(read(line, mos).error.field) == "mos");
    CHECK(read(line, mos.with_terminator()).fields.size() == 2);
    CHECK(encode(t.fields, mos.with_terminator()) == line);
}

TEST_CASE("delimited: 5C report lists, the spec's examples byte for byte") {
    // §5.1.6: MSGID+手机号+状态+报告时间+分隔符, then the same with the extension number first.
    const std::string_view four =
        "30911175558600,13811299999,DELIVRD,2013-09-12 09:09:31;30911175558598,13811299999,DELIVRD,20 13-09-12 09:09:32;";
    const auto r4 = read(four, fivec_reports);
    CHECK(r4.error);
    CHECK(r4.fields == rows{{"30911175558600", "13811299999", "DELIVRD", "2013-09-12 09:09:31"},
                            {"30911175558598", "13811299999", "DELIVRD", "20 13-09-12 09:09:32"}});
    CHECK(r4.record_offsets == std::vector<std::size_t>{0, 55});
    CHECK(encode(r4.fields, fivec_reports) == four);
    const std::string_view five = "3456,30911175558600,13811299999,DELIVRD,2013-0 9-12 09:09:31;";
    const auto r5 = read(five, fivec_reports);
    CHECK(r5.fields == rows{{"3456", "30911175558600", "13811299999", "DELIVRD", "2013-0 9-12 09:09:31"}});
    CHECK(encode(r5.fields, fivec_reports) == five);
    // "如该用户不存在扩展号，则为空": an empty first field is a field.
    CHECK(read(",30911175558600,13811299999,DELIVRD,2013-09-12 09:09:31;", fivec_reports).fields[0][0].empty());
    // Without its last ';', strict says where it ended; tolerant takes it.
    const std::string_view cut = four.substr(0, four.size() - 1);
    CHECK(error_of(cut, fivec_reports) == smsgw::fail(errc::truncated, cut.size(), "report"));
    CHECK(read(cut, fivec_reports.with_mode(mode::tolerant)).fields == r4.fields);
    // The §5.1.5 table's rows, one per line: tolerant mode reads them.
    const std::string_view lines = "3456,13568864638358,2267476,13919214967,DELIVRD,2012-11-15 18:19:52;\r\n"
                                   "5121,13572813669546,3921117,13910704663,UNDELIV,2012-11-15 19:39:12;\r\n";
    CHECK(error_of(lines, fivec_reports) == smsgw::fail(errc::bad_character, 68, "report"));
    const auto rl = read(lines, fivec_reports.with_mode(mode::tolerant));
    CHECK(rl.error);
    CHECK(rl.fields.size() == 2);
    CHECK(rl.record_offsets == std::vector<std::size_t>{0, 70});
    CHECK(rl.fields[1][5] == "2012-11-15 19:39:12");
}

TEST_CASE("delimited: HttpVarSM params, the spec's example") {
    // Part II appendix: `params=13641892268,2015-01-01, 成园温泉山庄门票,2,AC20150127`.
    const std::string_view spec = "13641892268,2015-01-01, 成园温泉山庄门票,2,AC20150127";
    const auto r = read(spec, params);
    CHECK(r.fields == rows{{"13641892268", "2015-01-01", " 成园温泉山庄门票", "2", "AC20150127"}});
    CHECK(encode(r.fields, params) == spec);
    const auto trimmed = read(spec, params.with_trim(delimited::trimming::blanks));
    CHECK(trimmed.fields[0][2] == "成园温泉山庄门票");
    CHECK(trimmed.field_offsets[0][2] == 24);
    // Several numbers, one group each; the full-width '，' is not a separator.
    const auto groups = read("13641892268,甲，乙;13800000000,丙", params);
    CHECK(groups.fields == rows{{"13641892268", "甲，乙"}, {"13800000000", "丙"}});
    // A trailing ';' (vendors.md: "trailing `;` ... Chuanglan params").
    CHECK(error_of("13641892268,a;13800000000,b;", params) == smsgw::fail(errc::empty_field, 28, "params"));
    CHECK(read("13641892268,a;13800000000,b;", params.with_mode(mode::tolerant)).fields.size() == 2);
}

TEST_CASE("delimited: IMSP's query_batch and send_mms lists") {
    // §3.4 註2's example description, as the page decoder hands it over.
    const std::string_view desc = "0934444444,7,Message rejected;0937044059,2, \r\nSubmitted to MMSC";
    const auto r = read(desc, batch, 40);
    CHECK(r.error);
    CHECK(r.fields == rows{{"0934444444", "7", "Message rejected"}, {"0937044059", "2", "Submitted to MMSC"}});
    CHECK(r.record_offsets == std::vector<std::size_t>{40, 70});
    CHECK(r.field_offsets[1] == std::vector<std::size_t>{70, 81, 86});
    // The description takes the rest of its entry, commas included; no third field is too few.
    CHECK(read("0934444444,3,Submitting failed, retry", batch).fields[0][2] == "Submitting failed, retry");
    CHECK(error_of("0934444444,7", batch) == smsgw::fail(errc::count_mismatch, 0, "description"));
    // A line break left inside the text is refused in strict mode, kept in tolerant mode.
    const smsgw::result inner = error_of("0934444444,7,Message\nrejected", batch);
    CHECK(inner == smsgw::fail(errc::bad_character, 20, "desc"));
    CHECK(read("0934444444,7,Message\nrejected", batch.with_mode(mode::tolerant).with_breaks(delimited::line_breaks::keep))
              .fields[0][2] == "Message\nrejected");
    // send_mms code 1: `to address:fail reason` after the message id; a reason may hold ':'.
    const auto f = read("0912345678:Invalid number; 0922333444 : Blocked: by user", failures);
    CHECK(f.fields == rows{{"0912345678", "Invalid number"}, {"0922333444", "Blocked: by user"}});
    CHECK(f.field_offsets[1] == std::vector<std::size_t>{27, 40});
    CHECK(encode(r.fields, batch) == "0934444444,7,Message rejected;0937044059,2,Submitted to MMSC");
}

TEST_CASE("delimited: empty, leading and trailing records") {
    CHECK(read("", two).fields.empty());
    CHECK(error_of("", two) == smsgw::result{});
    CHECK(error_of(";a,b", two) == smsgw::fail(errc::empty_field, 0));
    CHECK(error_of("a,b;;c,d", two) == smsgw::fail(errc::empty_field, 4));
    CHECK(error_of("a,b;", two) == smsgw::fail(errc::empty_field, 4));
    CHECK(error_of(";", two) == smsgw::fail(errc::empty_field, 0));
    CHECK(error_of("a,b;;", two.with_terminator()) == smsgw::fail(errc::empty_field, 4));
    // Blanks alone are a record's only field unless trimmed away.
    CHECK(error_of("a,b; ;c,d", two) == smsgw::fail(errc::count_mismatch, 4));
    CHECK(error_of("a,b; ;c,d", two.with_trim(delimited::trimming::blanks)) == smsgw::fail(errc::empty_field, 4));
    CHECK(read(" ", delimited::format{';', ','}).fields == rows{{" "}});
    // Two empty fields are a record, not an empty one.
    CHECK(read(",", two).fields == rows{{"", ""}});
    CHECK(read(" ", delimited::format{';', ' ', 2, 2}.with_trim(delimited::trimming::space)).fields == rows{{"", ""}});

    const auto tolerant = two.with_mode(mode::tolerant);
    const auto t = read(";;a,b;;c,d;", tolerant);
    CHECK(t.error);
    CHECK(t.fields == rows{{"a", "b"}, {"c", "d"}});
    CHECK(t.record_offsets == std::vector<std::size_t>{2, 7});
    CHECK(read(";;;", tolerant).fields.empty());
    CHECK(error_of(";;;", tolerant) == smsgw::result{});
    CHECK(read("a,b; \t;c,d", tolerant.with_trim(delimited::trimming::blanks)).fields.size() == 2);
}

TEST_CASE("delimited: field counts") {
    const delimited::format f{';', ',', 2, 3};
    CHECK(read("a,b;c,d,e", f).fields == rows{{"a", "b"}, {"c", "d", "e"}});
    CHECK(error_of("a,b;c", f) == smsgw::fail(errc::count_mismatch, 4));
    CHECK(error_of("a,b;c,d,e,f", f) == smsgw::fail(errc::count_mismatch, 4));
    CHECK(error_of("a,b;c,d,e,f", f.with_mode(mode::tolerant)) == smsgw::fail(errc::count_mismatch, 4));
    CHECK(std::string_view(read("a,b;c", f.with_name("list")).error.field) == "list");
    CHECK(read("a,b,,", delimited::format{';', ',', 4, 4}).fields == rows{{"a", "b", "", ""}});
    // Any number of fields by default; with rest_in_last the last one holds the others.
    CHECK(read("1,2,3,4,5,6,7,8,9,10", delimited::format{';', ','}).fields[0].size() == 10);
    CHECK(read("a,b,c,d", delimited::format{';', ',', 1, 2}.with_rest_in_last()).fields == rows{{"a", "b,c,d"}});
    // Records before the error were yielded; the error stays after the loop, found again alike.
    const delimited::records list("a,b;c,d;e", two);
    std::size_t seen = 0;
    for (const delimited::record& r : list) seen += r.size();
    CHECK(seen == 4);
    CHECK(list.error() == smsgw::fail(errc::count_mismatch, 8));
    auto it = list.begin();
    ++it;
    ++it;
    CHECK(it == list.end());
    CHECK(it.error() == smsgw::fail(errc::count_mismatch, 8));
    std::size_t count = 9;
    CHECK(list.validate(count) == smsgw::fail(errc::count_mismatch, 8));
    CHECK(count == 2);
}

TEST_CASE("delimited: at most max_records") {
    const auto f = two.with_max_records(2);
    CHECK(read("a,b;c,d", f).fields.size() == 2);
    CHECK(error_of("a,b;c,d;e,f", f) == smsgw::fail(errc::too_many, 8));
    CHECK(error_of("a,b;c,d;;;", f.with_mode(mode::tolerant)) == smsgw::result{});
    std::string many;
    for (int i = 0; i < 501; ++i) many += (i ? ";" : "") + std::string("13000000000,DELIVRD,1002,20090422094620");
    CHECK(error_of(many, rpts) == smsgw::fail(errc::too_many, 500 * 40, "rpts"));
    CHECK(read(many.substr(0, 500 * 40 - 1), rpts).fields.size() == 500);
}

TEST_CASE("delimited: line breaks, strict") {
    // LF, CRLF and lone CR inside a record, after a separator, at the end: the first break byte.
    const std::pair<std::string_view, std::size_t> at[] = {
        {"a,b\nc,d", 3}, {"a,b\r\nc,d", 3}, {"a,b\rc,d", 3}, {"a\r,b", 1},
        {"a,b;\nc,d", 4}, {"a,b;c,d\n", 7}, {"a,b;c,d\r\n", 7},
    };
    for (const auto& [text, offset] : at) {
        CAPTURE(text);
        CHECK(error_of(text, two) == smsgw::fail(errc::bad_character, offset));
    }
    CHECK(read("a,b;c,d\n", two, 100).error == smsgw::fail(errc::bad_character, 107));
    // A break splitting a record is reported before the count it spoils.
    CHECK(error_of("a\n,b,c", two) == smsgw::fail(errc::bad_character, 1));
    // trimming::space makes breaks at a field's edges blanks; one inside a field stays an error.
    const auto sp = two.with_trim(delimited::trimming::space);
    CHECK(read("a, \r\nb;\nc,d", sp).fields == rows{{"a", "b"}, {"c", "d"}});
    CHECK(error_of("a,b\r\nc", sp) == smsgw::fail(errc::bad_character, 3));
    CHECK(error_of("a,b;\r\n", sp) == smsgw::fail(errc::empty_field, 4));
    // trimming::blanks does not trim them.
    CHECK(error_of("a, \nb", two.with_trim(delimited::trimming::blanks)) == smsgw::fail(errc::bad_character, 3));
}

TEST_CASE("delimited: line breaks, tolerant") {
    const auto sep = two.with_mode(mode::tolerant);
    for (std::string_view eol : {"\n", "\r\n", "\r"}) {
        CAPTURE(eol);
        const std::string text = "a,b" + std::string(eol) + "c,d;e,f" + std::string(eol);
        const auto r = read(text, sep);
        CHECK(r.error);
        CHECK(r.fields == rows{{"a", "b"}, {"c", "d"}, {"e", "f"}});
        CHECK(r.record_offsets == std::vector<std::size_t>{0, 3 + eol.size(), 7 + eol.size()});
        // Blank lines before, between and after, and `;` followed by a break.
        const std::string blank = std::string(eol) + std::string(eol) + "a,b;" + std::string(eol) + std::string(eol) + "c,d;" +
                                  std::string(eol);
        CHECK(read(blank, sep).fields == rows{{"a", "b"}, {"c", "d"}});
        CHECK(read(blank, sep).record_offsets[0] == 2 * eol.size());
    }
    // "\n\r" is two breaks, an empty line between.
    CHECK(read("a,b\n\rc,d", sep).record_offsets == std::vector<std::size_t>{0, 5});
    const auto keep = sep.with_breaks(delimited::line_breaks::keep);
    CHECK(read("a,b\nc", keep).fields == rows{{"a", "b\nc"}});
    CHECK(read("a,b;\r\n", keep).fields == rows{{"a", "b"}});  // a record of breaks alone is empty
    CHECK(read("a,\r\nb", keep.with_trim(delimited::trimming::space)).fields == rows{{"a", "b"}});
    const auto refuse = sep.with_breaks(delimited::line_breaks::refuse);
    CHECK(error_of("a,b\nc", refuse) == smsgw::fail(errc::bad_character, 3));
    CHECK(read(";a,b;\r\n;", refuse).fields == rows{{"a", "b"}});
    // The mode that reads a list is the only difference: the same format in both.
    CHECK(error_of("a,b\nc,d", sep.with_mode(mode::strict)) == smsgw::fail(errc::bad_character, 3));
}

TEST_CASE("delimited: long records, a separator or a break at every position") {
    // Records longer than the reader's 16-byte steps, so that every position of a block is tried.
    std::string base(50, 'x');
    for (std::size_t k = 2; k < base.size(); k += 7) base[k] = ',';  // 8 fields
    const delimited::format any{';', ','};
    CHECK(read(base, any).fields[0].size() == 8);
    for (std::size_t k = 0; k < base.size(); ++k) {
        CAPTURE(k);
        std::string text = base;
        text[k] = '\n';
        CHECK(error_of(text, any) == smsgw::fail(errc::bad_character, k));
        const auto t = read(text, any.with_mode(mode::tolerant));
        CHECK(t.error);
        std::vector<std::size_t> starts;
        if (k != 0) starts.push_back(0);
        if (k + 1 != text.size()) starts.push_back(k + 1);
        CHECK(t.record_offsets == starts);
        text[k] = ';';
        CHECK(read(text, any.with_mode(mode::tolerant)).record_offsets == starts);
        CHECK(error_of(text, any).ec == (k == 0 || k + 1 == text.size() ? errc::empty_field : errc{}));
        // The field count of a long record: more than four fields is one too many.
        const smsgw::result counted = error_of(base.substr(0, k + 1), delimited::format{';', ',', 1, 4});
        CHECK(counted.ec == (k >= 3 * 7 + 2 ? errc::count_mismatch : errc{}));  // the fourth comma is at 23
    }
    // rest_in_last keeps counting at its limit, whatever the block the separators fall in.
    const auto rest = read(base, delimited::format{';', ',', 1, 3}.with_rest_in_last());
    CHECK(rest.fields[0].size() == 3);
    CHECK(rest.fields[0][2] == base.substr(10));
}

TEST_CASE("delimited: fields, offsets and names") {
    const delimited::records list("x,yy, zzz;1,2,3", delimited::format{';', ',', 3, 3}.with_trim(delimited::trimming::blanks));
    auto it = list.begin();
    REQUIRE(it != list.end());
    const delimited::record first = *it;
    CHECK(first.offset() == 0);
    CHECK(first.text() == "x,yy, zzz");
    CHECK(first.size() == 3);
    CHECK(first[2] == "zzz");
    CHECK(first.at(2).offset == 6);
    CHECK(first.at(3).value.empty());
    CHECK(first.at(3).offset == 9);
    CHECK(first.at(3).value.data() == first.text().data() + 9);
    CHECK(first[0].data() == list.text().data());  // a view of the input, no copy
    ++it;
    CHECK(it->offset() == 10);
    CHECK(it->at(1).offset == 12);
    CHECK(++it == list.end());
    CHECK(delimited::record().size() == 0);
    CHECK(delimited::record().begin() == delimited::record().end());
    CHECK(delimited::records().begin() == delimited::records().end());

    // Field errors name the field; without names, the list.
    const smsgw::result bad = error_of("13000000000,DELIVRD,1002\n,20090422094620", rpts);
    CHECK(bad == smsgw::fail(errc::bad_character, 24, "msg_id"));
    CHECK(error_of("a,b\n", two).field == nullptr);
    CHECK(std::string_view(rpts.field_name(4)) == "platform_id");
    CHECK(std::string_view(rpts.field_name(5)) == "rpts");

    // A format that cannot be read is refused at the start.
    CHECK(error_of("a;b", delimited::format{';', ';'}) == smsgw::fail(errc::out_of_range, 0));
    CHECK(read("a;b", delimited::format{'\r', ','}, 7).error == smsgw::fail(errc::out_of_range, 7));
}

TEST_CASE("delimited: the encoder refuses what would not read back") {
    std::array<char, 64> buf;
    auto refused = [&](const rows& records, const delimited::format& f) {
        buf.fill('#');
        std::vector<std::vector<std::string_view>> views;
        for (const auto& rec : records) views.emplace_back(rec.begin(), rec.end());
        smsgw::writer w(buf.data(), buf.size());
        const smsgw::result r = delimited::encode(views, f, w);
        CHECK(w.size() == 0);  // nothing written, not even the records before the bad one
        CHECK(buf[0] == '#');
        return r;
    };
    CHECK(refused({{"a", "b"}, {"c;d", "e"}}, two) == smsgw::fail(errc::bad_character, 1));
    CHECK(refused({{"a", "b,c"}}, two) == smsgw::fail(errc::bad_character, 1));
    CHECK(refused({{"a", "b\nc"}}, two) == smsgw::fail(errc::bad_character, 1));
    CHECK(refused({{"a\r", "b"}}, two) == smsgw::fail(errc::bad_character, 1));
    const smsgw::result named = refused({{"13000000000", "DELIV;RD", "1", "2"}}, rpts);
    CHECK(named == smsgw::fail(errc::bad_character, 5, "status"));
    // Blanks the reader would trim.
    const auto bl = two.with_trim(delimited::trimming::blanks);
    CHECK(refused({{" a", "b"}}, bl) == smsgw::fail(errc::bad_character, 0));
    CHECK(refused({{"a", "b \t"}}, bl) == smsgw::fail(errc::bad_character, 1));
    CHECK(refused({{"a", " "}}, bl) == smsgw::fail(errc::bad_character, 0));
    CHECK(encode({{"a b", "\fb"}}, bl) == "a b,\fb");
    CHECK(refused({{"a", "\fb"}}, two.with_trim(delimited::trimming::space)) == smsgw::fail(errc::bad_character, 0));
    // Record errors carry the record's index.
    CHECK(refused({{"a", "b"}, {"c"}}, two) == smsgw::fail(errc::count_mismatch, 1));
    CHECK(refused({{"a", "b"}, {"c", "d", "e"}}, two) == smsgw::fail(errc::count_mismatch, 1));
    CHECK(refused({{"a"}, {}}, params) == smsgw::fail(errc::count_mismatch, 1, "params"));
    CHECK(refused({{"a"}, {""}}, params) == smsgw::fail(errc::empty_field, 1, "params"));
    CHECK(refused({{"a", "b"}, {"c", "d"}, {"e", "f"}}, two.with_max_records(2)) == smsgw::fail(errc::too_many, 2));
    CHECK(refused({{"a"}}, delimited::format{',', ','}) == smsgw::fail(errc::out_of_range, 0));
    // rest_in_last: the field separator is allowed in the last field only.
    CHECK(encode({{"0934444444", "7", "Rejected, retry"}}, batch) == "0934444444,7,Rejected, retry");
    CHECK(refused({{"0934444444", "7,1", "x"}}, batch) == smsgw::fail(errc::bad_character, 1, "status"));
    CHECK(refused({{"a,b"}}, delimited::format{';', ',', 1, 2}.with_rest_in_last()) == smsgw::fail(errc::bad_character, 1));
    CHECK(encode({{"", ""}}, two) == ",");
    CHECK(encode({}, two).empty());
}

TEST_CASE("delimited: encoding sizes, buffers and the record writer") {
    const std::array<std::array<std::string_view, 4>, 2> reports{{{"13000000000", "UNDELIV", "1001", "20090422103324"},
                                                                  {"13000000000", "DELIVRD", "1002", "20090422094620"}}};
    smsgw::writer measure;
    CHECK(delimited::encode(reports, rpts, measure) == smsgw::fail(errc::buffer_too_small, 79));
    CHECK(measure.size() == 79);
    std::array<char, 79> exact;
    smsgw::writer w(exact.data(), exact.size());
    CHECK(delimited::encode(reports, rpts, w) == smsgw::result{errc{}, 79});
    CHECK(std::string_view(exact.data(), exact.size()) ==
          "13000000000,UNDELIV,1001,20090422103324;13000000000,DELIVRD,1002,20090422094620");
    smsgw::writer small(exact.data(), 78);
    CHECK(delimited::encode(reports, rpts, small) == smsgw::fail(errc::buffer_too_small, 79));

    // The caller's structs, each seen as its fields.
    struct report {
        std::string_view mobile, status, msg_id, time;
    };
    const report mine[] = {{"13000000000", "DELIVRD", "1002", "20090422094620"}};
    std::array<char, 128> buf;
    smsgw::writer wp(buf.data(), buf.size());
    const auto fields_of = [](const report& r) { return std::array<std::string_view, 4>{r.mobile, r.status, r.msg_id, r.time}; };
    CHECK(delimited::encode(mine, fields_of, mos.with_terminator(), wp) == smsgw::result{errc{}, 40});
    CHECK(std::string_view(buf.data(), 40) == "13000000000,DELIVRD,1002,20090422094620;");
    const report bad[] = {{"13000000000", "DELIVRD", "1002", "2009,0422"}};
    smsgw::writer wb(buf.data(), buf.size());
    CHECK(delimited::encode(bad, fields_of, mos, wb) == smsgw::fail(errc::bad_character, 4, "time"));

    // One record at a time: a refused record writes nothing, the others stay.
    smsgw::writer wl(buf.data(), buf.size());
    delimited::list_writer lw(fivec_reports, wl);
    CHECK(lw.add({"1", "13811299999", "DELIVRD", "2013-09-12 09:09:31"}));
    CHECK(lw.add({"2", "13811299999", "DELIVRD"}) == smsgw::fail(errc::count_mismatch, 1, "report"));
    CHECK(lw.add({"2", "13811299999", "DELI;VRD", "t"}) == smsgw::fail(errc::bad_character, 4, "report"));
    const std::vector<std::string_view> second{"2", "13811299999", "UNDELIV", "t"};
    CHECK(lw.add(second));
    CHECK(lw.count() == 2);
    CHECK(lw.finish() == smsgw::result{errc{}, 66});
    CHECK(std::string_view(buf.data(), 66) == "1,13811299999,DELIVRD,2013-09-12 09:09:31;2,13811299999,UNDELIV,t;");

    // A decoded list written back in its own format, through the generic front ends.
    const delimited::records list("a,b;c,d", two);
    CHECK(smsgw::encoded_size(list) == 7);
    std::string appended = ">";
    CHECK(smsgw::encode_append(list, appended));
    CHECK(appended == ">a,b;c,d");
    const delimited::records broken("a,b;c", two);
    CHECK(smsgw::encode_append(broken, appended) == smsgw::fail(errc::count_mismatch, 4));
    CHECK(appended == ">a,b;c,d");
}

TEST_CASE("delimited: random round trips") {
    std::mt19937 rng(7);
    const char alphabet[] = "ab ,;:\t\r\n\f01";
    const delimited::format formats[] = {
        two,
        delimited::format{';', ',', 1, 4},
        delimited::format{';', ',', 1, 4}.with_trim(delimited::trimming::blanks),
        delimited::format{';', ',', 2, 3}.with_trim(delimited::trimming::space).with_rest_in_last(),
        delimited::format{':', ' ', 1, 3}.with_terminator(),
        failures,
    };
    for (int round = 0; round < 3000; ++round) {
        const delimited::format& f = formats[rng() % std::size(formats)];
        rows records(rng() % 5);
        for (auto& rec : records) {
            rec.resize(f.min_fields + rng() % 3);
            for (auto& fld : rec) {
                const std::size_t n = rng() % (round % 2 == 0 ? 4 : 24);  // long ones cross 16-byte blocks
                for (std::size_t k = 0; k < n; ++k) fld += alphabet[rng() % (sizeof alphabet - 1)];
            }
        }
        smsgw::result r;
        const std::string text = encode(records, f, &r);
        if (!r) continue;  // refused: the property is about what was written
        const auto back = read(text, f);
        CAPTURE(round, text);
        CHECK(back.error);
        CHECK(back.fields == records);
    }
}

// next_split() is next() and split() on the records it takes, and leaves the rest to them
// untouched: a cursor trying it first, as Hezhong's lists do, reads every record, offset and error
// that a cursor calling next() alone reads, on random lists with records long enough to cross its
// 64- and 16-byte blocks.
TEST_CASE("delimited: next_split reads what next() and split() read") {
    constexpr std::size_t N = 6;
    struct walked {
        std::vector<std::vector<std::pair<std::string_view, std::size_t>>> fields;
        std::vector<std::size_t> bounds;  // offset and end of each record
        std::vector<std::size_t> positions;
        std::size_t taken = 0;  // records next_split() read
        smsgw::result error;
    };
    const auto walk = [](std::string_view text, const delimited::format& f, bool fast) {
        walked w;
        smsgw::result sink;
        delimited::detail::record_cursor c(text, &f, 10, &sink);
        delimited::detail::split_record<N> out;
        for (;;) {
            if (fast && c.next_split(out, f)) {
                ++w.taken;
            } else {
                delimited::record r;
                if (!c.next(r)) break;
                delimited::detail::split(r, out);
            }
            auto& rec = w.fields.emplace_back();
            for (std::size_t i = 0; i < out.count; ++i) rec.emplace_back(out.fields[i].value, out.fields[i].offset);
            w.bounds.push_back(out.offset);
            w.bounds.push_back(out.end);
            w.positions.push_back(c.position());
        }
        w.error = c.error();
        return w;
    };
    std::mt19937 rng(11);
    const char alphabet[] = "xxxxxxxx0123 ,,;\r\n\t";
    const delimited::format formats[] = {
        rpts,
        rpts.with_mode(mode::tolerant),
        fivec_reports,
        fivec_reports.with_mode(mode::tolerant),
        delimited::format{';', ',', 1, 6}.with_trim(delimited::trimming::blanks),
        delimited::format{';', ',', 2, 4}.with_max_records(3).with_mode(mode::tolerant),
        batch,
    };
    std::size_t taken = 0;
    for (int round = 0; round < 4000; ++round) {
        const delimited::format& f = formats[static_cast<std::size_t>(round) % std::size(formats)];
        std::string text;
        const std::size_t records = rng() % 6;
        for (std::size_t r = 0; r < records; ++r) {
            const std::size_t fields = 1 + rng() % 6;
            for (std::size_t k = 0; k < fields; ++k) {
                const std::size_t n = rng() % (round % 3 == 0 ? 40 : 8);
                for (std::size_t i = 0; i < n; ++i) text += alphabet[rng() % (sizeof alphabet - 1)];
                if (k + 1 < fields) text += ',';
            }
            if (r + 1 < records || rng() % 2 == 0) text += ';';
        }
        CAPTURE(round, text);
        const walked fast = walk(text, f, true);
        const walked plain = walk(text, f, false);
        CHECK(fast.fields == plain.fields);
        CHECK(fast.bounds == plain.bounds);
        CHECK(fast.positions == plain.positions);
        CHECK(fast.error == plain.error);
        taken += fast.taken;
    }
    CHECK(taken > 250);  // the fast path took hundreds of the records (507 with this seed), not none
}

TEST_CASE("delimited: no allocation on any path") {
    const std::string text = "13000000000,UNDELIV,1001,20090422103324;13000000000,DELIVRD,1002,20090422094620;x";
    std::array<char, 128> buf;
    const std::array<std::array<std::string_view, 4>, 1> one{{{"13000000000", "DELIVRD", "1002", "20090422094620"}}};
    smsgw::test::alloc_counter guard;
    const delimited::records list(text, rpts);
    std::size_t bytes = 0;
    for (const delimited::record& r : list) {
        for (const delimited::field& f : r) bytes += f.value.size();
        bytes += r[3].size() + r.at(0).offset;
    }
    std::size_t count = 0;
    const smsgw::result v = list.validate(count);
    smsgw::writer w(buf.data(), buf.size());
    const smsgw::result e = delimited::encode(one, rpts, w);
    smsgw::writer measure;
    const smsgw::result m = delimited::encode(delimited::records(std::string_view(text).substr(0, 79), rpts), measure);
    delimited::list_writer lw(rpts, w);
    const smsgw::result a = lw.add({"1", "2", "3", "4"});
    CHECK(guard.count() == 0);
    CHECK(bytes == 2 * 36 + 2 * 14 + 40);
    CHECK(v == smsgw::fail(errc::count_mismatch, 80, "rpts"));
    CHECK(count == 2);
    CHECK(e == smsgw::result{errc{}, 39});
    CHECK(m == smsgw::fail(errc::buffer_too_small, 79));
    CHECK(a);
}
