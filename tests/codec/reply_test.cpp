#include "smsgw/codec/prefix_reply.hpp"
#include "smsgw/codec/line_reply.hpp"

#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "smsgw/codec/decimal.hpp"
#include "test.hpp"

namespace lines = smsgw::codec::lines;
namespace prefix = smsgw::codec::prefix;
using smsgw::errc;
using smsgw::fail;
using smsgw::mode;

namespace {

// The shapes the SMS platform module declares (cmpp2-and-http-sms-platform.txt §9.3, §11.3).
constexpr lines::part batch_send_reply[] = {
    {"resptime,respstatus"},
    {"msgid", lines::occurs::optional},  // no second line when respstatus is not 0 (§9.3.1)
};
constexpr lines::part query_balance_reply[] = {
    {"resptime,respstatus"},
    {"product,balance", lines::occurs::zero_or_more},  // one line per product (§11.3)
};
constexpr lines::part one_line_reply[] = {{"resptime,respstatus"}};  // Recharge §12.3, UserManage §13.3
static_assert(lines::well_formed(batch_send_reply));
static_assert(lines::well_formed(query_balance_reply));
static_assert(lines::well_formed(one_line_reply));
constexpr lines::part repeated_first[] = {{"rows", lines::occurs::zero_or_more}, {"tail"}};
static_assert(!lines::well_formed(repeated_first));
constexpr lines::part unnamed[] = {{nullptr}};
static_assert(!lines::well_formed(unnamed));

// The 5C replies' prefixes (5c-mms-api.txt §2.2).
constexpr std::string_view fivec[] = {"success", "error"};

struct seen {
    std::string text;
    std::size_t offset;
    lines::terminator end;
    bool operator==(const seen& o) const { return text == o.text && offset == o.offset && end == o.end; }
};

std::vector<seen> all(const lines::range& r) {
    std::vector<seen> out;
    for (const lines::line& l : r) {
        REQUIRE(l.text.data() == r.input().data() + l.offset);  // a view into the input, at its offset
        out.push_back({std::string(l.text), l.offset, l.end});
    }
    return out;
}
std::vector<seen> all(std::string_view in, lines::blank_lines b = lines::blank_lines::keep) {
    return all(lines::range(in, b));
}
std::vector<std::string> texts(const lines::range& r) {
    std::vector<std::string> out;
    for (const lines::line& l : r) out.emplace_back(l.text);
    return out;
}

using T = lines::terminator;

template <std::size_t N>
smsgw::result read_lines(std::string_view in, const lines::part (&shape)[N], lines::reply<N>& out,
                     mode m = mode::strict, lines::ending e = lines::ending::lf) {
    return lines::decode(in, shape, out, {m, e});
}

smsgw::result decode_prefix(std::string_view in, prefix::reply& out, mode m = mode::strict) {
    return prefix::decode(in, fivec, out, m);
}

std::string write_lines(const std::vector<std::string_view>& ls, lines::ending e = lines::ending::lf) {
    smsgw::writer measure;
    const smsgw::result m = lines::write(ls, measure, e);
    REQUIRE((m.ok() || m.ec == errc::buffer_too_small));  // a measuring writer fits nothing but zero bytes
    REQUIRE(m.offset == measure.size());
    std::string out(measure.size(), '\0');
    smsgw::writer w(out.data(), out.size());
    REQUIRE(lines::write(ls, w, e) == smsgw::result{errc{}, out.size()});
    return out;
}

std::string encode_prefix(const prefix::reply& r) {
    std::string out(smsgw::encoded_size(r), '\0');
    REQUIRE(smsgw::encode(r, smsgw::mutable_bytes(out)) == smsgw::result{errc{}, out.size()});
    return out;
}

}  // namespace

// ---- the line range ----

TEST_CASE("lines: LF, CRLF, lone CR and mixed line ends, offsets into the input") {
    CHECK(all("a\nbc\nd") == std::vector<seen>{{"a", 0, T::lf}, {"bc", 2, T::lf}, {"d", 5, T::none}});
    CHECK(all("a\r\nbc\r\nd") == std::vector<seen>{{"a", 0, T::crlf}, {"bc", 3, T::crlf}, {"d", 7, T::none}});
    CHECK(all("a\rbc\rd") == std::vector<seen>{{"a", 0, T::cr}, {"bc", 2, T::cr}, {"d", 5, T::none}});
    CHECK(all("a\r\nb\nc\rd") ==
          std::vector<seen>{{"a", 0, T::crlf}, {"b", 3, T::lf}, {"c", 5, T::cr}, {"d", 7, T::none}});
    // LF CR is two line ends (the CR alone), CR CR LF is a lone CR then CRLF.
    CHECK(all("a\n\rb") == std::vector<seen>{{"a", 0, T::lf}, {"", 2, T::cr}, {"b", 3, T::none}});
    CHECK(all("a\r\r\nb") == std::vector<seen>{{"a", 0, T::cr}, {"", 2, T::crlf}, {"b", 4, T::none}});
    CHECK(all("one line") == std::vector<seen>{{"one line", 0, T::none}});
    // Other control bytes, NUL and bytes above 0x7F are text.
    CHECK(all(std::string_view("a\0\t\x0b\x0c\xff\n", 7)) == std::vector<seen>{{std::string("a\0\t\x0b\x0c\xff", 6), 0, T::lf}});
}

TEST_CASE("lines: the range agrees with a byte-by-byte split, line ends at every place of a word") {
    // The control bytes around CR (0x09-0x0E) and bytes above 0x7F are what the eight-byte scan
    // must tell from a line end.
    const std::string_view alphabet("ab\t\x0b\x0c\x0e\x80\xff\r\n", 10);
    std::mt19937 rng(5);
    for (int round = 0; round < 2000; ++round) {
        std::string in(rng() % 40, '\0');
        // Odd rounds: any byte of the alphabet; even rounds: no line end but one, anywhere.
        const std::size_t letters = round % 2 ? alphabet.size() : alphabet.size() - 2;
        for (char& c : in) c = alphabet[rng() % letters];
        if (round % 2 == 0 && !in.empty()) in[rng() % in.size()] = rng() % 2 ? '\r' : '\n';
        // The oracle: split at every CR, LF or CRLF, drop the trailing blank lines.
        std::vector<seen> expected;
        std::size_t from = 0;
        while (from < in.size()) {
            std::size_t e = from;
            while (e < in.size() && in[e] != '\r' && in[e] != '\n') ++e;
            T t = T::none;
            std::size_t next = e;
            if (e < in.size()) {
                const bool crlf = in[e] == '\r' && e + 1 < in.size() && in[e + 1] == '\n';
                t = crlf ? T::crlf : in[e] == '\n' ? T::lf : T::cr;
                next = e + (crlf ? 2 : 1);
            }
            expected.push_back({in.substr(from, e - from), from, t});
            from = next;
        }
        while (!expected.empty() && expected.back().text.empty()) expected.pop_back();
        CAPTURE(in);
        REQUIRE(all(in) == expected);
    }
}

TEST_CASE("lines: a leading BOM is skipped, trailing blank lines are not lines") {
    CHECK(all("\xEF\xBB\xBF" "20130303180000,0\n") == std::vector<seen>{{"20130303180000,0", 3, T::lf}});
    CHECK(all("a\n\n\n") == std::vector<seen>{{"a", 0, T::lf}});
    CHECK(all("a\r\n\r\n\r\n") == std::vector<seen>{{"a", 0, T::crlf}});
    CHECK(all("a\r\r\n\n\r") == std::vector<seen>{{"a", 0, T::cr}});
    // Only the first BOM is skipped: a second one is text. A BOM later on is text too.
    CHECK(all("\xEF\xBB\xBF\xEF\xBB\xBFx") == std::vector<seen>{{"\xEF\xBB\xBFx", 3, T::none}});
    CHECK(all("x\n\xEF\xBB\xBFy") == std::vector<seen>{{"x", 0, T::lf}, {"\xEF\xBB\xBFy", 2, T::none}});
    // Half a BOM is text.
    CHECK(all("\xEF\xBBx") == std::vector<seen>{{"\xEF\xBBx", 0, T::none}});
    for (std::string_view nothing : {"", "\xEF\xBB\xBF", "\n", "\r\n\r\n", "\xEF\xBB\xBF\r", "\r"}) {
        CAPTURE(nothing);
        CHECK(lines::range(nothing).empty());
        CHECK(all(nothing).empty());
        CHECK(all(nothing, lines::blank_lines::skip).empty());
    }
    CHECK_FALSE(lines::range("\n\nx").empty());
}

TEST_CASE("lines: blank lines in the middle are kept or skipped") {
    const std::string_view in = "\n\na\n\r\nb\r\r\n";
    CHECK(all(in) == std::vector<seen>{{"", 0, T::lf}, {"", 1, T::lf}, {"a", 2, T::lf}, {"", 4, T::crlf}, {"b", 6, T::cr}});
    CHECK(all(in, lines::blank_lines::skip) == std::vector<seen>{{"a", 2, T::lf}, {"b", 6, T::cr}});
    // Whitespace is not blank: a line of spaces is a line.
    CHECK(all("a\n \nb", lines::blank_lines::skip) == std::vector<seen>{{"a", 0, T::lf}, {" ", 2, T::lf}, {"b", 4, T::none}});
}

TEST_CASE("lines: the iterator is a forward iterator") {
    auto count = [](std::string_view in, lines::blank_lines b = lines::blank_lines::keep) {
        const lines::range r(in, b);
        return std::distance(r.begin(), r.end());
    };
    CHECK(count("a\r\nb\rc\n\n\r\n") == 3);
    CHECK(count("\xEF\xBB\xBF\n\nx\n\ny") == 5);
    CHECK(count("\xEF\xBB\xBF\n\nx\n\ny", lines::blank_lines::skip) == 2);
    CHECK(count("\r\n\r\n") == 0);
    const lines::range r("x\ny\nz");
    auto it = r.begin();
    auto copy = it++;
    CHECK(copy->text == "x");
    CHECK(it->text == "y");
    CHECK((*++it).text == "z");
    CHECK(++it == r.end());
    CHECK(copy != r.end());
    CHECK(std::distance(r.begin(), r.end()) == 3);
}

// ---- shapes ----

TEST_CASE("lines: HttpBatchSendSM reply (§9.3.2), the msgid reached by meaning") {
    // 提交成功, byte for byte as §9.3.2 prints it.
    const std::string_view ok = "20110725160412,0\n1234567890100";
    lines::reply<2> r;
    REQUIRE(read_lines(ok, batch_send_reply, r) == smsgw::result{errc{}, ok.size()});
    const lines::part_lines* head = r.find("resptime,respstatus");
    const lines::part_lines* msgid = r.find("msgid");
    REQUIRE(head != nullptr);
    REQUIRE(msgid != nullptr);
    CHECK(r.find("msg_id") == nullptr);
    CHECK(head == &r[0]);
    CHECK(head->text() == "20110725160412,0");
    CHECK(head->first.offset == 0);
    CHECK(msgid->present());
    CHECK(msgid->text() == "1234567890100");
    CHECK(msgid->first.offset == 17);
    CHECK(msgid->first.end == T::none);
    CHECK(lines::range(ok).begin()->text == head->text());

    // The head line's two fields, read with the shared decimal reader.
    const std::string_view h = head->text();
    const std::size_t comma = h.find(',');
    std::uint64_t resptime = 0;
    int respstatus = -1;
    CHECK(smsgw::codec::decimal::parse(h.substr(0, comma), resptime));
    CHECK(smsgw::codec::decimal::parse(h.substr(comma + 1), respstatus));
    CHECK(resptime == 20110725160412u);
    CHECK(respstatus == 0);

    // 提交失败, as printed (with the space after the comma): no msgid line, in both modes.
    const std::string_view failed = "20110725160412, 101";
    for (mode m : {mode::strict, mode::tolerant}) {
        lines::reply<2> f;
        REQUIRE(read_lines(failed, batch_send_reply, f, m) == smsgw::result{errc{}, failed.size()});
        CHECK(f.find("resptime,respstatus")->text() == "20110725160412, 101");
        CHECK_FALSE(f.find("msgid")->present());
        CHECK(f.find("msgid")->text().empty());
        CHECK(f.find("msgid")->first.offset == failed.size());
        CHECK(f.find("msgid")->all.begin() == f.find("msgid")->all.end());
        CHECK(f.extra.empty());
    }

    // A trailing line end, a BOM and CRLF as servers send them.
    lines::reply<2> t;
    REQUIRE(read_lines("\xEF\xBB\xBF" "20110725160412,0\r\n1234567890100\r\n\r\n", batch_send_reply, t, mode::tolerant));
    CHECK(t[0].text() == "20110725160412,0");
    CHECK(t[0].first.offset == 3);
    CHECK(t[1].text() == "1234567890100");
    CHECK(t[1].first.offset == 21);
    CHECK(read_lines("20110725160412,0\r\n1234567890100", batch_send_reply, t) == fail(errc::bad_character, 16, "resptime,respstatus"));
    CHECK(read_lines("20110725160412,0\r\n1234567890100", batch_send_reply, t, mode::strict, lines::ending::crlf));
}

TEST_CASE("lines: QueryBalance reply (§11.3), every product line") {
    // §11.3 prints the reply with a blank line between its lines: strict mode refuses the
    // first blank line, tolerant mode reads the three lines.
    const std::string_view printed = "20130303180000,0\n\n1234567,1000\n\n1234531,2000";
    lines::reply<2> r;
    CHECK(read_lines(printed, query_balance_reply, r) == fail(errc::empty_field, 17, "product,balance"));
    REQUIRE(read_lines(printed, query_balance_reply, r, mode::tolerant) == smsgw::result{errc{}, printed.size()});
    CHECK(r[0].text() == "20130303180000,0");
    const lines::part_lines* products = r.find("product,balance");
    REQUIRE(products != nullptr);
    CHECK(products->count == 2);
    CHECK(texts(products->all) == std::vector<std::string>{"1234567,1000", "1234531,2000"});
    CHECK(all(products->all) == std::vector<seen>{{"1234567,1000", 18, T::lf}, {"1234531,2000", 32, T::none}});

    // Without the blank lines, strict.
    const std::string_view plain = "20130303180000,0\n1234567,1000\n1234531,2000\n";
    REQUIRE(read_lines(plain, query_balance_reply, r) == smsgw::result{errc{}, plain.size()});
    CHECK(texts(r[1].all) == std::vector<std::string>{"1234567,1000", "1234531,2000"});
    CHECK(r[1].first.offset == 17);

    // A failure (103 查询过快) has no product line: zero of them.
    REQUIRE(read_lines("20130303180000,103", query_balance_reply, r));
    CHECK(r[1].count == 0);
    CHECK(texts(r[1].all).empty());

    // A thousand products.
    std::string many = "20130303180000,0";
    for (int i = 0; i < 1000; ++i) {
        many += '\n';  // (not "\n" + std::to_string(): g++ 12 warns on it, a known false stringop-overflow)
        many += std::to_string(1000000 + i);
        many += ',';
        many += std::to_string(i);
    }
    REQUIRE(read_lines(many, query_balance_reply, r));
    CHECK(r[1].count == 1000);
    std::size_t n = 0;
    for (const lines::line& l : r[1].all) {
        CHECK(l.text == std::to_string(1000000 + n) + "," + std::to_string(n));
        ++n;
    }
    CHECK(n == 1000);
}

TEST_CASE("lines: Recharge (§12.3) and UserManage (§13.3) one-line replies") {
    lines::reply<1> r;
    for (std::string_view in : {"20130303180000,0", "20130303180000,305, 密码格式错误"}) {
        CAPTURE(in);
        REQUIRE(read_lines(in, one_line_reply, r) == smsgw::result{errc{}, in.size()});
        CHECK(r[0].text() == in);
    }
    CHECK(read_lines("20130303180000,0\n1", one_line_reply, r) == fail(errc::trailing_bytes, 17));
}

TEST_CASE("lines: the replies above are the spec's bytes") {
    const std::string spec = smsgw::test::shared_dir().empty()
                                 ? std::string()
                                 : smsgw::test::read_file(smsgw::test::shared_dir() + "/spec/cmpp2-and-http-sms-platform.txt");
    if (spec.empty()) {
        WARN("../shared/spec/cmpp2-and-http-sms-platform.txt not found: the examples are not checked against it");
        return;
    }
    for (std::string_view example : {"\n20110725160412,0\n1234567890100\n",            // §9.3.2 提交成功
                                     "\n20110725160412, 101\n",                         // §9.3.2 提交失败
                                     "\n20130303180000,0\n\n1234567,1000\n\n1234531,2000\n",  // §11.3
                                     "\n20130303180000,305, 密码格式错误\n",              // §13.3
                                     "\n20130303180000,0\n"}) {                         // §12.3, §13.3
        CAPTURE(example);
        CHECK(spec.find(example) != std::string::npos);
    }
}

TEST_CASE("lines: shape errors with their offsets, in both modes") {
    lines::reply<2> r;
    lines::reply<1> one;
    // missing_field at the end of the input, both modes.
    for (mode m : {mode::strict, mode::tolerant}) {
        CHECK(read_lines("", batch_send_reply, r, m) == fail(errc::missing_field, 0, "resptime,respstatus"));
        CHECK(read_lines("\xEF\xBB\xBF\r\n", batch_send_reply, r, m) == fail(errc::missing_field, 5, "resptime,respstatus"));
        CHECK(read_lines("\n\n\n", one_line_reply, one, m) == fail(errc::missing_field, 3, "resptime,respstatus"));
    }
    CHECK(read_lines("", batch_send_reply, r).field == std::string_view("resptime,respstatus"));
    constexpr lines::part two[] = {{"first"}, {"second"}};
    lines::reply<2> t;
    CHECK(read_lines("a\n", two, t) == fail(errc::missing_field, 2, "second"));
    CHECK(read_lines("a\n", two, t).field == std::string_view("second"));
    constexpr lines::part rows[] = {{"head"}, {"rows", lines::occurs::one_or_more}};
    CHECK(read_lines("a", rows, t) == fail(errc::missing_field, 1, "rows"));
    CHECK(read_lines("a\nb\nc", rows, t));
    CHECK(t[1].count == 2);

    // A line past the shape: trailing_bytes at its start (strict); kept apart (tolerant).
    const std::string_view three = "20110725160412,0\n1234567890100\nextra\nmore";
    CHECK(read_lines(three, batch_send_reply, r) == fail(errc::trailing_bytes, 31));
    REQUIRE(read_lines(three, batch_send_reply, r, mode::tolerant) == smsgw::result{errc{}, three.size()});
    CHECK(r[1].text() == "1234567890100");
    CHECK(texts(r.extra) == std::vector<std::string>{"extra", "more"});
    CHECK(r.extra.content_begin() == 31);

    // A blank line in the middle: empty_field where a part would take it, trailing_bytes past
    // the shape (strict); skipped (tolerant).
    CHECK(read_lines("20110725160412,0\n\n1234567890100", batch_send_reply, r) == fail(errc::empty_field, 17, "msgid"));
    CHECK(read_lines("20110725160412,0\n\n1234567890100", batch_send_reply, r).field == std::string_view("msgid"));
    CHECK(read_lines("\n20110725160412,0", batch_send_reply, r) == fail(errc::empty_field, 0, "resptime,respstatus"));
    CHECK(read_lines("\xEF\xBB\xBF\r\n20110725160412,0", batch_send_reply, r) == fail(errc::empty_field, 3, "resptime,respstatus"));
    CHECK(read_lines("a\nb\n\nc", batch_send_reply, r) == fail(errc::trailing_bytes, 4));
    CHECK(read_lines("a\n\nb", one_line_reply, one) == fail(errc::trailing_bytes, 2));
    REQUIRE(read_lines("\n\n20110725160412,0\n\n\n1234567890100\n", batch_send_reply, r, mode::tolerant));
    CHECK(r[0].text() == "20110725160412,0");
    CHECK(r[0].first.offset == 2);
    CHECK(r[1].text() == "1234567890100");
    CHECK(r[1].first.offset == 21);
    CHECK(r.extra.empty());

    // Line ends other than the documented one (strict); any of them (tolerant).
    CHECK(read_lines("a\r\nb", batch_send_reply, r) == fail(errc::bad_character, 1, "resptime,respstatus"));
    CHECK(read_lines("a\rb", batch_send_reply, r) == fail(errc::bad_character, 1, "resptime,respstatus"));
    CHECK(read_lines("a\nb\r\n", batch_send_reply, r) == fail(errc::bad_character, 3, "msgid"));
    CHECK(read_lines("a\nb\r", batch_send_reply, r) == fail(errc::bad_character, 3, "msgid"));
    CHECK(read_lines("a\nb\n\r\n", batch_send_reply, r));  // the trailing blank line is not looked at
    const auto crlf = lines::ending::crlf;
    CHECK(read_lines("a\nb", batch_send_reply, r, mode::strict, crlf) == fail(errc::bare_line_feed, 1, "resptime,respstatus"));
    CHECK(read_lines("a\rb", batch_send_reply, r, mode::strict, crlf) == fail(errc::bad_character, 1, "resptime,respstatus"));
    CHECK(read_lines("a\r\nb\n", batch_send_reply, r, mode::strict, crlf) == fail(errc::bare_line_feed, 4, "msgid"));
    CHECK(read_lines("a\r\nb\r\n", batch_send_reply, r, mode::strict, crlf));
    for (std::string_view in : {"a\r\nb", "a\rb", "a\nb", "a\r\nb\n"}) {
        CAPTURE(in);
        CHECK(read_lines(in, batch_send_reply, r, mode::strict, lines::ending::any));
        for (auto e : {lines::ending::lf, crlf, lines::ending::any}) {
            REQUIRE(read_lines(in, batch_send_reply, r, mode::tolerant, e));
            CHECK(r[0].text() == "a");
            CHECK(r[1].text() == "b");
        }
    }
    // The first fault in the input wins.
    CHECK(read_lines("a\r\n\nb\nc", batch_send_reply, r) == fail(errc::bad_character, 1, "resptime,respstatus"));
    CHECK(read_lines("a\n\r\nb", batch_send_reply, r) == fail(errc::empty_field, 2, "msgid"));

    // `out` is untouched by a failure.
    lines::reply<2> kept;
    REQUIRE(read_lines("x\ny", batch_send_reply, kept));
    CHECK_FALSE(read_lines("a\nb\nc", batch_send_reply, kept));
    CHECK(kept[0].text() == "x");
    CHECK(kept[1].text() == "y");
}

// ---- prefix replies ----

TEST_CASE("prefix: 5C send replies (§2.2, §3.2) byte for byte, both cases of the prefix") {
    // As §2.2 and §3.2 print them; the text is what follows the first colon, the prefix
    // "success" or "error" by the first letter.
    const std::string_view examples[] = {
        "success:msgid", "error:msgid", "error:Missing apikey", "error:Missing password",
        "Error:Missing message title", "error:Missing recipient", "error:Account is blocked",
        "error:Unrecognized encoding", "error:APIKEY or password error", "error:Unauthorized IP address",
        "error:Account balance is insufficient", "Error:MMS body too long.",
    };
    const std::string spec = smsgw::test::shared_dir().empty()
                                 ? std::string()
                                 : smsgw::test::read_file(smsgw::test::shared_dir() + "/spec/5c-mms-api.txt");
    if (spec.empty()) WARN("../shared/spec/5c-mms-api.txt not found: the examples are not checked against it");
    for (std::string_view in : examples) {
        CAPTURE(in);
        if (!spec.empty()) CHECK(spec.find(std::string(in) + "\n") != std::string::npos);
        const std::size_t which = in[0] == 's' ? 0 : 1;
        const std::size_t colon = in.find(':');
        for (mode m : {mode::strict, mode::tolerant}) {
            prefix::reply r;
            REQUIRE(decode_prefix(in, r, m) == smsgw::result{errc{}, in.size()});
            CHECK(r.which == which);
            CHECK(r.prefix == in.substr(0, colon));
            CHECK(r.prefix.size() == fivec[which].size());
            CHECK(r.text == in.substr(colon + 1));
            CHECK(r.text_offset == colon + 1);
            CHECK(r.text.data() == in.data() + r.text_offset);
        }
    }
}

TEST_CASE("prefix: the text after the first colon is verbatim") {
    prefix::reply r;
    const std::string_view black = "error:Black keywords is:<word>";
    REQUIRE(decode_prefix(black, r));
    CHECK(r.which == 1);
    CHECK(r.text == "Black keywords is:<word>");
    REQUIRE(decode_prefix("error:Black keywords is:代开发票", r));
    CHECK(r.text == "Black keywords is:代开发票");
    REQUIRE(decode_prefix("success::", r));
    CHECK(r.text == ":");
    REQUIRE(decode_prefix("success:", r));
    CHECK(r.text.empty());
    CHECK(r.text_offset == 8);
    REQUIRE(decode_prefix("error: Missing apikey \t", r));
    CHECK(r.text == " Missing apikey \t");
    REQUIRE(decode_prefix("success:30911175558600", r));
    CHECK(r.text == "30911175558600");
}

TEST_CASE("prefix: case-insensitive match, the prefix as it came and which one matched") {
    prefix::reply r;
    for (std::string_view in : {"SUCCESS:1", "Success:1", "sUcCeSs:1"}) {
        REQUIRE(decode_prefix(in, r));
        CHECK(r.which == 0);
        CHECK(r.prefix == in.substr(0, 7));
        CHECK(r.text == "1");
    }
    REQUIRE(decode_prefix("ERROR:x", r));
    CHECK(r.which == 1);
    CHECK(r.prefix == "ERROR");
    // Longer prefixes sharing a start: the colon decides, whatever the order of the list.
    constexpr std::string_view list[] = {"err", "error", "errors"};
    REQUIRE(prefix::decode(std::string_view("Errors:x"), list, r));
    CHECK(r.which == 2);
    REQUIRE(prefix::decode(std::string_view("err:x"), list, r));
    CHECK(r.which == 0);
    // Only ASCII letters fold.
    constexpr std::string_view accented[] = {"é"};
    CHECK(prefix::decode(std::string_view("É:x"), accented, r) == fail(errc::bad_response, 0, "prefix"));
    CHECK(prefix::decode(std::string_view("é:x"), accented, r));
}

TEST_CASE("prefix: BOM, line ends and whitespace per mode") {
    prefix::reply r;
    for (mode m : {mode::strict, mode::tolerant}) {
        REQUIRE(decode_prefix("\xEF\xBB\xBFsuccess:123\r\n\r\n", r, m) == smsgw::result{errc{}, 18});
        CHECK(r.text == "123");
        CHECK(r.text_offset == 11);
        REQUIRE(decode_prefix("error:x\n", r, m));
        CHECK(r.text == "x");
        REQUIRE(decode_prefix("error:x\r", r, m));
        CHECK(r.text == "x");
        REQUIRE(decode_prefix("error:\n\n", r, m));
        CHECK(r.text.empty());
    }
    // Strict: the prefix at the start, the colon right after it, one line.
    CHECK(decode_prefix(" error:x", r) == fail(errc::bad_response, 0, "prefix"));
    CHECK(decode_prefix("\r\nerror:x", r) == fail(errc::bad_response, 0, "prefix"));
    CHECK(decode_prefix("error :x", r) == fail(errc::bad_response, 0, "prefix"));
    CHECK(decode_prefix("\xEF\xBB\xBF error:x", r) == fail(errc::bad_response, 3, "prefix"));
    CHECK(decode_prefix("success:1\nsuccess:2", r) == fail(errc::trailing_bytes, 9, "text"));
    CHECK(decode_prefix("error:a\rb\n", r) == fail(errc::trailing_bytes, 7, "text"));
    CHECK(decode_prefix("error:a\r\nb", r) == fail(errc::trailing_bytes, 7, "text"));
    // Tolerant: whitespace and line breaks before, blanks before the colon, lines kept in the text.
    REQUIRE(decode_prefix("\xEF\xBB\xBF\r\n \t Error \t:Missing apikey\n", r, mode::tolerant));
    CHECK(r.prefix == "Error");
    CHECK(r.text == "Missing apikey");
    CHECK(r.text_offset == 16);
    REQUIRE(decode_prefix("success:1\nsuccess:2\n", r, mode::tolerant));
    CHECK(r.text == "1\nsuccess:2");
    // Not a line break before the colon, even tolerant.
    CHECK(decode_prefix("error\n:x", r, mode::tolerant) == fail(errc::bad_response, 0, "prefix"));
}

TEST_CASE("prefix: answers with no known prefix") {
    prefix::reply r;
    r.text = "kept";
    for (mode m : {mode::strict, mode::tolerant}) {
        // 5C's balance (§4.2 返回结果: 100) and report list (§5.1.5 no record) are not prefix replies.
        for (std::string_view in : {"100", "no record", "", "\r\n", "ok:1", "error", "success", "errors:x", "succes:x",
                                    ":x", "<html>gateway</html>"}) {
            CAPTURE(in);
            CHECK(decode_prefix(in, r, m) == fail(errc::bad_response, 0, "prefix"));
        }
        CHECK(decode_prefix("\xEF\xBB\xBF" "100", r, m) == fail(errc::bad_response, 3, "prefix"));
    }
    CHECK(decode_prefix("  100", r, mode::tolerant) == fail(errc::bad_response, 2, "prefix"));
    CHECK(decode_prefix("\n\n", r, mode::tolerant) == fail(errc::bad_response, 0, "prefix"));
    CHECK(decode_prefix("x", r).field == std::string_view("prefix"));
    CHECK(prefix::decode(std::string_view("success:1"), smsgw::span<const std::string_view>(), r) ==
          fail(errc::bad_response, 0, "prefix"));
    CHECK(r.text == "kept");  // untouched by a failure
}

// ---- writing ----

TEST_CASE("lines: writing, LF or CRLF between lines, sizes measured") {
    CHECK(write_lines({"20110725160412,0", "1234567890100"}) == "20110725160412,0\n1234567890100");
    CHECK(write_lines({"20110725160412,0", "1234567890100"}, lines::ending::crlf) == "20110725160412,0\r\n1234567890100");
    CHECK(write_lines({"20110725160412,0", "1234567890100"}, lines::ending::any) == "20110725160412,0\n1234567890100");
    CHECK(write_lines({"20130303180000,0"}) == "20130303180000,0");
    CHECK(write_lines({}).empty());

    // A head line from its pieces, as a simulator writes it.
    char buf[64];
    smsgw::writer w(buf, sizeof buf);
    const auto status = smsgw::codec::decimal::format(101);
    const smsgw::result r = lines::builder(w).line({"20110725160412", ",", status.view()}).finish();
    REQUIRE(r == smsgw::result{errc{}, 18});
    CHECK(std::string_view(buf, r.offset) == "20110725160412,101");

    // Appending after bytes already in the writer: the size is the writer's.
    smsgw::writer w2(buf, sizeof buf);
    w2.write(std::string_view("HTTP body: "));
    REQUIRE(lines::builder(w2, lines::ending::crlf).line("a").line("b").finish() == smsgw::result{errc{}, 15});
    CHECK(std::string_view(buf, 15) == "HTTP body: a\r\nb");

    // Too small a buffer: buffer_too_small with the size needed, nothing past the buffer.
    char small[8] = {'#', '#', '#', '#', '#', '#', '#', '#'};
    smsgw::writer ws(small, 5);
    CHECK(lines::builder(ws).line("abc").line("def").finish() == fail(errc::buffer_too_small, 7));
    CHECK(small[5] == '#');
    smsgw::writer measure;
    CHECK(lines::builder(measure).line("abc").line({"d", "", "ef"}).finish() == fail(errc::buffer_too_small, 7));
    CHECK(measure.size() == 7);
}

TEST_CASE("lines: writing refuses what would not read back") {
    auto refusal = [](std::initializer_list<std::string_view> ls, lines::ending e = lines::ending::lf) {
        std::vector<std::string_view> v(ls);
        char buf[32];
        smsgw::writer w(buf, sizeof buf);
        return lines::write(v, w, e);
    };
    CHECK(refusal({"a\nb"}) == fail(errc::bad_character, 1));
    CHECK(refusal({"a", "b\nc"}) == fail(errc::bad_character, 3));
    CHECK(refusal({"a", "bc\r"}) == fail(errc::bad_character, 4));
    CHECK(refusal({"a", "b\rc"}, lines::ending::crlf) == fail(errc::bad_character, 4));
    CHECK(refusal({"\n"}) == fail(errc::bad_character, 0));
    CHECK(refusal({""}) == fail(errc::empty_field, 0));
    CHECK(refusal({"a", ""}) == fail(errc::empty_field, 2));
    CHECK(refusal({"a", "", "b"}, lines::ending::crlf) == fail(errc::empty_field, 3));
    CHECK(refusal({"\xEF\xBB\xBFx"}) == fail(errc::bad_character, 0));
    CHECK(refusal({"x", "\xEF\xBB\xBFy"}));  // only a first line loses its BOM when read
    CHECK(refusal({"\xEF\xBBx"}));
    // Pieces: the offset counts across them; a BOM split across pieces is found.
    char buf[32];
    smsgw::writer w(buf, sizeof buf);
    CHECK(lines::builder(w).line("ab").line({"12", "3\n"}).finish() == fail(errc::bad_character, 6));
    smsgw::writer w1(buf, sizeof buf);
    CHECK(lines::builder(w1).line({"\xEF", "\xBB\xBF", "x"}).finish() == fail(errc::bad_character, 0));
    smsgw::writer w2(buf, sizeof buf);
    CHECK(lines::builder(w2).line({"", ""}).finish() == fail(errc::empty_field, 0));
    // After a refusal nothing more is written.
    smsgw::writer w3(buf, sizeof buf);
    lines::builder b(w3);
    b.line("ok").line("bad\n").line("more");
    CHECK(b.finish() == fail(errc::bad_character, 6));
    CHECK(w3.size() == 2);
    CHECK(std::string_view(buf, 2) == "ok");
}

TEST_CASE("prefix: writing with the canonical lower-case prefix") {
    CHECK(encode_prefix({"success", "30911175558600"}) == "success:30911175558600");
    CHECK(encode_prefix({"Error", "Missing message title"}) == "error:Missing message title");
    CHECK(encode_prefix({"ERROR", "Black keywords is:<word>"}) == "error:Black keywords is:<word>");
    CHECK(encode_prefix({"success", ""}) == "success:");
    CHECK(smsgw::encoded_size(prefix::reply{"error", "Missing apikey"}) == 20);
    std::string appended = "> ";
    REQUIRE(smsgw::encode_append(prefix::reply{"Success", "1"}, appended));
    CHECK(appended == "> success:1");
    // or as given, a reply written back as it was received
    std::string given;
    REQUIRE(smsgw::write_append(given, [](smsgw::writer& w) { return prefix::encode({"Error", "x"}, w, prefix::prefix_case::as_given); }));
    CHECK(given == "Error:x");

    char small[6] = {'#', '#', '#', '#', '#', '#'};
    smsgw::writer ws(small, 4);
    CHECK(prefix::encode({"error", "x"}, ws) == fail(errc::buffer_too_small, 7));
    CHECK(small[4] == '#');

    smsgw::writer m;
    CHECK(prefix::encode({"", "x"}, m) == fail(errc::empty_field, 0, "prefix"));
    CHECK(prefix::encode({"suc cess", "x"}, m) == fail(errc::bad_character, 3, "prefix"));
    CHECK(prefix::encode({"a:b", "x"}, m) == fail(errc::bad_character, 1, "prefix"));
    CHECK(prefix::encode({"\xEF\xBB\xBFsuccess", "x"}, m) == fail(errc::bad_character, 0, "prefix"));
    CHECK(prefix::encode({"ok\t", "x"}, m) == fail(errc::bad_character, 2, "prefix"));
    CHECK(prefix::encode({"success", "1\r\n"}, m) == fail(errc::bad_character, 9, "text"));
    CHECK(prefix::encode({"error", "a\nb"}, m) == fail(errc::bad_character, 7, "text"));
    CHECK(prefix::encode({"error", "a\nb"}, m).field == std::string_view("text"));
    CHECK(m.size() == 0);  // refused before anything is written
}

// ---- round trips ----

TEST_CASE("round trips: decode(encode(x)) == x") {
    std::mt19937 rng(11);
    const std::string alphabet = "0123456789,abcXYZ :\t\x01\xff\xe4\xb8\x80";
    for (int round = 0; round < 300; ++round) {
        std::vector<std::string> ls(1 + rng() % 6);
        for (std::string& l : ls) {
            l.resize(1 + rng() % 12);
            for (char& c : l) c = alphabet[rng() % alphabet.size()];
        }
        const std::vector<std::string_view> views(ls.begin(), ls.end());
        for (auto e : {lines::ending::lf, lines::ending::crlf}) {
            const std::string text = write_lines(views, e);
            lines::reply<2> r;
            REQUIRE(read_lines(text, query_balance_reply, r, mode::strict, e));
            std::vector<std::string> back{std::string(r[0].text())};
            for (const std::string& t : texts(r[1].all)) back.push_back(t);
            CHECK(back == ls);
            CHECK(r[1].count == ls.size() - 1);
        }
        prefix::reply p{round % 2 ? "ERROR" : "Success", ls[0]};
        const std::string encoded = encode_prefix(p);
        prefix::reply q;
        REQUIRE(decode_prefix(encoded, q));
        CHECK(q.which == static_cast<std::size_t>(round % 2 ? 1 : 0));
        CHECK(q.prefix == fivec[q.which]);
        CHECK(q.text == p.text);
    }
    // The spec's replies come back byte for byte (the prefix in lower case).
    prefix::reply p;
    REQUIRE(decode_prefix("Error:MMS body too long.", p));
    CHECK(encode_prefix(p) == "error:MMS body too long.");
    lines::reply<2> r;
    const std::string_view ok = "20110725160412,0\n1234567890100";
    REQUIRE(read_lines(ok, batch_send_reply, r));
    CHECK(write_lines({r[0].text(), r[1].text()}) == ok);
}

TEST_CASE("no allocation on the decode and encode paths") {
    std::string many = "\xEF\xBB\xBF" "20130303180000,0";
    for (int i = 0; i < 200; ++i) many += "\r\n1234567,1000";
    many += "\r\n\r\n";
    const std::string_view batch = "20110725160412,0\n1234567890100";
    char buf[64];
    smsgw::test::alloc_counter guard;
    lines::reply<2> q;
    const bool balance_ok = lines::decode(many, query_balance_reply, q, {mode::tolerant}).ok();
    std::size_t product_lines = 0;
    for (const lines::line& l : q[1].all) product_lines += l.text == "1234567,1000" ? 1u : 0u;
    std::size_t range_lines = 0;
    for (const lines::line& l : lines::range(many)) range_lines += l.text.empty() ? 0u : 1u;
    lines::reply<2> b;
    const bool batch_ok = lines::decode(batch, batch_send_reply, b).ok();
    const bool refused = !lines::decode(many, query_balance_reply, q, {mode::strict});
    prefix::reply p;
    const bool prefix_ok = prefix::decode(std::string_view("Error:Black keywords is:x"), fivec, p).ok();
    smsgw::writer w(buf, sizeof buf);
    const bool written = lines::builder(w).line(b[0].text()).line(b[1].text()).finish().ok();
    smsgw::writer measure;
    const std::size_t prefix_size = (prefix::encode(p, measure), measure.size());
    CHECK(guard.count() == 0);
    CHECK(balance_ok);
    CHECK(product_lines == 200);
    CHECK(range_lines == 201);
    CHECK(batch_ok);
    CHECK(refused);
    CHECK(prefix_ok);
    CHECK(written);
    CHECK(std::string_view(buf, w.size()) == batch);
    CHECK(prefix_size == 25);
}
