#include "smsgw/codec/json_writer.hpp"

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/hex.hpp"
#include "smsgw/codec/json_reader.hpp"
#include "test.hpp"

using smsgw::errc;
namespace json = smsgw::codec::json;

namespace {

// The string member `key` of the object `text` (parsed whole), decoded.
std::string string_member(std::string_view text, std::string_view key) {
    json::value root;
    REQUIRE(json::parse(text, root).ok());
    json::object o;
    REQUIRE(root.get(o).ok());
    json::value v;
    REQUIRE(o.find(key, v));
    std::string buf(v.raw().size(), '\0');
    std::string_view s;
    REQUIRE(v.get(s, smsgw::mutable_bytes(buf)).ok());
    return std::string(s);
}

// Runs build on a json::writer over a roomy buffer; returns the text, and the result in r.
template <class F>
std::string write(F&& build, smsgw::result& r) {
    char buf[4096];
    smsgw::writer out(buf, sizeof buf);
    json::writer j(out);
    build(j);
    r = j.finish();
    return std::string(buf, out.size() < sizeof buf ? out.size() : sizeof buf);
}

template <class F>
std::string write_ok(F&& build) {
    smsgw::result r;
    std::string s = write(build, r);
    REQUIRE(r.ok());
    CHECK(r.offset == s.size());
    return s;
}

template <class F>
smsgw::result write_error(F&& build) {
    smsgw::result r;
    write(build, r);
    return r;
}

}  // namespace

TEST_CASE("json writer: objects and arrays are compact, commas inserted") {
    CHECK(write_ok([](json::writer& j) { j.begin_object().end_object(); }) == "{}");
    CHECK(write_ok([](json::writer& j) { j.begin_array().end_array(); }) == "[]");
    CHECK(write_ok([](json::writer& j) {
              j.begin_object()
                  .key("a").number(1)
                  .key("b").begin_array().number(1).string("x").boolean(true).boolean(false).null().end_array()
                  .key("c").begin_object().end_object()
                  .key("d").begin_array().begin_array().end_array().begin_object().end_object().end_array()
                  .end_object();
          }) == R"({"a":1,"b":[1,"x",true,false,null],"c":{},"d":[[],{}]})");
    CHECK(write_ok([](json::writer& j) { j.string("top"); }) == R"("top")");
    CHECK(write_ok([](json::writer& j) { j.number(-7); }) == "-7");
    CHECK(write_ok([](json::writer& j) { j.null(); }) == "null");
}

TEST_CASE("json writer: member picks the value's kind") {
    std::string owned = "own";
    const char* c_string = "cs";
    CHECK(write_ok([&](json::writer& j) {
              j.begin_object()
                  .member("s", std::string_view("v"))
                  .member("lit", "literal")
                  .member("str", owned)
                  .member("cs", c_string)
                  .member("t", true)
                  .member("u", std::uint64_t{18446744073709551615u})
                  .member("i", -3)
                  .member("n", nullptr)
                  .end_object();
          }) == R"({"s":"v","lit":"literal","str":"own","cs":"cs","t":true,"u":18446744073709551615,"i":-3,"n":null})");
}

TEST_CASE("json writer: integers are exact over their whole range") {
    auto num = [](auto v) { return write_ok([v](json::writer& j) { j.number(v); }); };
    CHECK(num(0) == "0");
    CHECK(num(std::numeric_limits<std::int64_t>::min()) == "-9223372036854775808");
    CHECK(num(std::numeric_limits<std::int64_t>::max()) == "9223372036854775807");
    CHECK(num(std::numeric_limits<std::uint64_t>::max()) == "18446744073709551615");
    CHECK(num(std::numeric_limits<std::int8_t>::min()) == "-128");
    CHECK(num(std::numeric_limits<std::uint8_t>::max()) == "255");
    CHECK(num(std::numeric_limits<short>::min()) == "-32768");
    CHECK(num(std::numeric_limits<std::int32_t>::min()) == "-2147483648");
    CHECK(num(std::uint32_t{4294967295u}) == "4294967295");
    CHECK(num(10) == "10");
    CHECK(num(-1) == "-1");
}

TEST_CASE("json writer: RFC 8259 §7 escaping") {
    auto str = [](std::string_view s) { return write_ok([s](json::writer& j) { j.string(s); }); };
    CHECK(str("") == R"("")");
    CHECK(str(R"(a"b\c/d)") == R"("a\"b\\c/d")");
    CHECK(str("\b\f\n\r\t") == R"("\b\f\n\r\t")");
    CHECK(str(std::string_view("\0\x01\x1f", 3)) == R"("\u0000\u0001\u001f")");
    CHECK(str("\x7f") == "\"\x7f\"");
    CHECK(str("\xe4\xbd\xa0\xe5\xa5\xbd \xf0\x9f\x98\x80") == "\"\xe4\xbd\xa0\xe5\xa5\xbd \xf0\x9f\x98\x80\"");
    CHECK(str("x\x0by") == R"("x\u000by")");
    // Every control character below U+0020, one by one.
    const char* expect[32] = {"\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
                              "\\b",     "\\t",     "\\n",     "\\u000b", "\\f",     "\\r",     "\\u000e", "\\u000f",
                              "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
                              "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f"};
    for (int c = 0; c < 32; ++c) {
        const char ch = static_cast<char>(c);
        CHECK(str(std::string_view(&ch, 1)) == "\"" + std::string(expect[c]) + "\"");
    }
    CHECK(write_ok([](json::writer& j) { j.begin_object().key("k\"\n").string("v").end_object(); }) ==
          R"({"k\"\n":"v"})");
}

TEST_CASE("json writer: special bytes are found at every position of a long run") {
    // The writer skips 8 plain bytes at a time; each special byte must be seen wherever it falls.
    struct special {
        std::string_view raw;
        std::string_view escaped;
    };
    const special cases[] = {{"\"", "\\\""}, {"\\", "\\\\"}, {"\n", "\\n"}, {"\x01", "\\u0001"},
                             {"\x1f", "\\u001f"}, {"\x7f", "\x7f"}, {" ", " "}, {"\xc3\xa9", "\xc3\xa9"}};
    for (const auto& c : cases) {
        for (std::size_t at = 0; at <= 24; ++at) {
            const std::string text = std::string(at, 'a') + std::string(c.raw) + std::string(24 - at, 'b');
            const std::string expect = "\"" + std::string(at, 'a') + std::string(c.escaped) + std::string(24 - at, 'b') + "\"";
            CHECK(write_ok([&](json::writer& j) { j.string(text); }) == expect);
        }
    }
    for (std::size_t at = 0; at <= 24; ++at) {
        const std::string text = std::string(at, 'a') + "\xe4\xbd" + std::string(24 - at, 'b');
        CHECK(write_error([&](json::writer& j) { j.string(text); }) == smsgw::fail(errc::invalid_utf8, at));
    }
}

TEST_CASE("json writer: invalid UTF-8 is an error at its offset, never replaced") {
    auto bad = [](std::string_view s) { return write_error([s](json::writer& j) { j.string(s); }); };
    CHECK(bad("ab\xff") == smsgw::fail(errc::invalid_utf8, 2));
    CHECK(bad("\xc0\xaf") == smsgw::fail(errc::invalid_utf8, 0));
    CHECK(bad("ok\xed\xa0\x80") == smsgw::fail(errc::invalid_utf8, 2));
    CHECK(bad("\xe4\xbd") == smsgw::fail(errc::invalid_utf8, 0));
    CHECK(bad("a\"\n\xf4\x90\x80\x80") == smsgw::fail(errc::invalid_utf8, 3));
    CHECK(write_error([](json::writer& j) { j.begin_object().key("\x80").string("v").end_object(); }) ==
          smsgw::fail(errc::invalid_utf8, 0));
    // The error sticks: what follows changes nothing.
    CHECK(write_error([](json::writer& j) { j.begin_array().string("\xfe").string("fine").end_array(); }) ==
          smsgw::fail(errc::invalid_utf8, 0));
}

TEST_CASE("json writer: misuse is reported with the output offset") {
    CHECK(write_error([](json::writer& j) { j.begin_object().string("v"); }) == smsgw::fail(errc::expected_key, 1));
    CHECK(write_error([](json::writer& j) { j.begin_object().key("a").number(1).number(2); }) ==
          smsgw::fail(errc::expected_key, 6));
    CHECK(write_error([](json::writer& j) { j.key("a"); }) == smsgw::fail(errc::expected_value, 0));
    CHECK(write_error([](json::writer& j) { j.begin_array().key("a"); }) == smsgw::fail(errc::expected_value, 1));
    CHECK(write_error([](json::writer& j) { j.begin_object().key("a").key("b"); }) ==
          smsgw::fail(errc::expected_value, 5));
    CHECK(write_error([](json::writer& j) { j.begin_object().key("a").end_object(); }) ==
          smsgw::fail(errc::expected_value, 5));
    CHECK(write_error([](json::writer& j) { j.begin_object().end_array(); }) == smsgw::fail(errc::unbalanced, 1));
    CHECK(write_error([](json::writer& j) { j.begin_array().end_object(); }) == smsgw::fail(errc::unbalanced, 1));
    CHECK(write_error([](json::writer& j) { j.end_object(); }) == smsgw::fail(errc::unbalanced, 0));
    CHECK(write_error([](json::writer& j) { j.begin_array().end_array().end_array(); }) ==
          smsgw::fail(errc::unbalanced, 2));
    CHECK(write_error([](json::writer& j) { j.number(1).number(2); }) == smsgw::fail(errc::trailing_bytes, 1));
    CHECK(write_error([](json::writer& j) { j.begin_array().begin_object(); }) == smsgw::fail(errc::truncated, 2));
    CHECK(write_error([](json::writer&) {}) == smsgw::fail(errc::expected_value, 0));
}

TEST_CASE("json writer: a string member is key() then string(), whichever way it is written") {
    // Plain key and value of every short length (the one-word check and the overlapping copies),
    // then the same written as key() and string().
    for (std::size_t n = 0; n <= 20; ++n) {
        const std::string v(n, 'v');
        const std::string k(n + 1, 'k');
        const auto by_member = [&](json::writer& j) { j.begin_object().member(k, v).member("b", v).end_object(); };
        const auto by_calls = [&](json::writer& j) {
            j.begin_object().key(k).string(v).key("b").string(v).end_object();
        };
        CHECK(write_ok(by_member) == write_ok(by_calls));
    }
    // A byte that needs a look at each place of a short key or value: escaped as string() does.
    for (std::size_t at = 0; at < 7; ++at) {
        std::string v = "abcdefg";
        v[at] = '"';
        CHECK(string_member(write_ok([&](json::writer& j) { j.begin_object().member("k", v).end_object(); }), "k") == v);
        CHECK(write_ok([&](json::writer& j) { j.begin_object().member(v, "x").end_object(); }) ==
              write_ok([&](json::writer& j) { j.begin_object().key(v).string("x").end_object(); }));
    }
    // Its errors are those of key() and string().
    CHECK(write_error([](json::writer& j) { j.begin_object().member("k", "ab\xff"); }) ==
          smsgw::fail(errc::invalid_utf8, 2));
    CHECK(write_error([](json::writer& j) { j.begin_object().member("\x80", "v"); }) ==
          smsgw::fail(errc::invalid_utf8, 0));
    CHECK(write_error([](json::writer& j) { j.member("k", "v"); }) == smsgw::fail(errc::expected_value, 0));
    CHECK(write_error([](json::writer& j) { j.begin_array().member("k", "v"); }) ==
          smsgw::fail(errc::expected_value, 1));
    CHECK(write_error([](json::writer& j) { j.begin_object().key("a").member("k", "v"); }) ==
          smsgw::fail(errc::expected_value, 5));
}

TEST_CASE("json writer: nesting is limited to max_depth") {
    smsgw::result r;
    std::string s = write(
        [](json::writer& j) {
            for (int i = 0; i < json::writer::max_depth; ++i) j.begin_array();
            CHECK(j.depth() == json::writer::max_depth);
            for (int i = 0; i < json::writer::max_depth; ++i) j.end_array();
        },
        r);
    CHECK(r.ok());
    CHECK(s == std::string(64, '[') + std::string(64, ']'));
    CHECK(write_error([](json::writer& j) {
              for (int i = 0; i <= json::writer::max_depth; ++i) j.begin_array();
          }) == smsgw::fail(errc::too_deep, 64));
    // Deep objects and arrays alternate correctly: the kind of each level is remembered.
    std::string expect;
    for (int i = 0; i < 32; ++i) expect += R"({"k":[)";
    for (int i = 0; i < 32; ++i) expect += (i == 0 ? "" : ",") + std::to_string(i) + "]}";
    CHECK(write_ok([](json::writer& j) {
              for (int i = 0; i < 32; ++i) j.begin_object().key("k").begin_array();
              for (int i = 0; i < 32; ++i) j.number(i).end_array().end_object();
          }) == expect);
}

TEST_CASE("json writer: a short buffer reports the size needed and is not overrun") {
    char buf[8] = {'.', '.', '.', '.', '.', '.', '.', '.'};
    smsgw::writer out(buf, 6);
    json::writer j(out);
    j.begin_object().member("key", "value").end_object();
    CHECK(j.finish() == smsgw::fail(errc::buffer_too_small, 15));
    CHECK(buf[6] == '.');
    CHECK(buf[7] == '.');

    smsgw::writer measure;
    json::writer m(measure);
    m.begin_object().member("key", "value").end_object();
    CHECK(m.finish() == smsgw::fail(errc::buffer_too_small, 15));
    CHECK(measure.size() == 15);
}

TEST_CASE("json writer: raw values are copied as they are") {
    CHECK(write_ok([](json::writer& j) { j.begin_array().raw("1.5e3").raw(R"({"x":[]})").end_array(); }) ==
          R"([1.5e3,{"x":[]}])");
}

TEST_CASE("json writer: writing allocates nothing") {
    char buf[512];
    smsgw::test::alloc_counter guard;
    smsgw::writer out(buf, sizeof buf);
    json::writer j(out);
    j.begin_object()
        .member("msg_id", std::uint64_t{1234567890123})
        .member("text", "\xe4\xbd\xa0\xe5\xa5\xbd\n\"")
        .key("list").begin_array().number(-1).boolean(false).null().end_array()
        .end_object();
    CHECK(j.finish().ok());
    json::writer bad(out);
    bad.string("\xff");
    CHECK(bad.finish().ec == errc::invalid_utf8);
    CHECK(guard.count() == 0);
}

#ifdef SMSGW_PYTHON3
TEST_CASE("json writer: Python's json module reads it and writes it back the same") {
    std::mt19937 rng(2026);
    // Strings of valid UTF-8 mixing controls, quotes, backslashes, ASCII and 2-, 3-, 4-byte characters.
    const std::string_view pieces[] = {"\"", "\\", "/", "\x7f", "a", "Z", " ", "\xc2\xa0", "\xdf\xbf",
                                       "\xe4\xb8\xad", "\xef\xbf\xbf", "\xe2\x80\xa8", "\xf0\x9f\x98\x80",
                                       "\xf4\x8f\xbf\xbf", "\t", "\n", "\r", "\b", "\f"};
    std::string text;
    for (int round = 0; round < 50; ++round) {
        std::string strings[20];
        for (auto& s : strings) {
            const int n = static_cast<int>(rng() % 40);
            for (int i = 0; i < n; ++i) {
                if (rng() % 4 == 0) {
                    s.push_back(static_cast<char>(rng() % 32));
                } else {
                    s += pieces[rng() % (sizeof pieces / sizeof pieces[0])];
                }
            }
        }
        std::string buf(1 << 16, '\0');
        smsgw::writer out(buf.data(), buf.size());
        json::writer j(out);
        j.begin_object();
        for (int i = 0; i < 20; ++i) {
            j.key(strings[(i + 1) % 20] + std::to_string(i));
            if (i % 3 == 0) {
                j.begin_array().string(strings[i]).number(static_cast<std::int64_t>(rng() << 31 ^ rng())).end_array();
            } else if (i % 3 == 1) {
                j.number(std::numeric_limits<std::uint64_t>::max() - rng());
            } else {
                j.string(strings[i]);
            }
        }
        j.end_object();
        auto r = j.finish();
        REQUIRE(r.ok());
        buf.resize(r.offset);
        text += buf;
        text += '\n';
    }
    bool ok = false;
    std::string back = smsgw::test::run_command(
        std::string(SMSGW_PYTHON3) +
            " -c \"import json,sys\n"
            "for line in sys.stdin.buffer.read().decode('utf-8').split('\\n')[:-1]:\n"
            "    sys.stdout.buffer.write((json.dumps(json.loads(line), ensure_ascii=False, separators=(',', ':')) + "
            "'\\n').encode('utf-8'))\"",
        text, ok);
    REQUIRE(ok);
    CHECK(back == text);
}
#endif

TEST_CASE("json writer: strings streamed from binary and from JSON text") {
    const unsigned char bin[] = {0x00, 0xFF, 0x10, 0x80, 0x7F};
    char buf[256];
    smsgw::writer out(buf, sizeof buf);
    json::writer j(out);
    j.begin_object()
        .key("attachContent").base64_string(bin)
        .key("url").base64_string(bin, smsgw::codec::base64::alphabet::url, false)
        .key("hex16str").hex_string(bin)
        .key("HEX").hex_string(bin, smsgw::codec::hex::letter_case::upper)
        .key("empty").base64_string(smsgw::bytes())
        .key("cont").json_string(R"({ "Text1": "张先生, ", "t": "a\tb" })")
        .key("list").begin_array().hex_string(std::string_view("ab")).base64_string(std::string_view("ab")).end_array()
        .end_object();
    const smsgw::result r = j.finish();
    REQUIRE(r.ok());
    const std::string_view text(buf, out.size());
    CHECK(text == R"({"attachContent":"AP8QgH8=","url":"AP8QgH8","hex16str":"00ff10807f","HEX":"00FF10807F","empty":"",)"
                  R"("cont":"{ \"Text1\": \"张先生, \", \"t\": \"a\\tb\" }","list":["6162","YWI="]})");
    // What was written reads back to the same bytes.
    char back[16];
    smsgw::writer bw(back, sizeof back);
    REQUIRE(smsgw::codec::base64::decode(string_member(text, "attachContent"), bw).ok());
    CHECK(std::string_view(back, bw.size()) == std::string_view(reinterpret_cast<const char*>(bin), sizeof bin));
    CHECK(string_member(string_member(text, "cont"), "t") == "a\tb");
}

TEST_CASE("json writer: streamed strings measure up front and report their errors") {
    std::vector<unsigned char> attachment(100 * 1024);
    for (std::size_t k = 0; k < attachment.size(); ++k) attachment[k] = static_cast<unsigned char>(k * 7);
    const auto build = [&](json::writer& j) {
        j.begin_object().member("attachName", "a.jpg").key("attachContent").base64_string(attachment);
        j.key("hex").hex_string(attachment).end_object();
    };
    smsgw::writer measure;
    json::writer jm(measure);
    build(jm);
    const std::size_t need = std::string_view(R"({"attachName":"a.jpg","attachContent":"",)").size() +
                             std::string_view(R"("hex":""})").size() +
                             smsgw::codec::base64::encoded_size(attachment.size()) + 2 * attachment.size();
    CHECK(jm.finish() == smsgw::fail(errc::buffer_too_small, need));
    std::vector<char> buf(need);
    smsgw::test::alloc_counter guard;
    smsgw::writer again;
    json::writer ja(again);
    build(ja);
    CHECK(again.size() == need);
    smsgw::writer out(buf.data(), buf.size());
    json::writer j(out);
    build(j);
    CHECK(j.finish() == smsgw::result{errc{}, need});
    CHECK(guard.count() == 0);
    // One byte short: the size needed, nothing written past the end.
    std::vector<char> short_buf(need - 1);
    smsgw::writer so(short_buf.data(), short_buf.size());
    json::writer js(so);
    build(js);
    CHECK(js.finish() == smsgw::fail(errc::buffer_too_small, need));

    // json_string refuses text that is not one JSON document, at its offset in that text.
    char small[64];
    smsgw::writer o2(small, sizeof small);
    json::writer j2(o2);
    j2.begin_array().json_string("{\"a\":1,}").end_array();
    CHECK(j2.finish() == smsgw::fail(errc::expected_key, 7));
    smsgw::writer o3(small, sizeof small);
    json::writer j3(o3);
    j3.begin_array().json_string("\"\xC3\"");
    CHECK(j3.finish() == smsgw::fail(errc::invalid_utf8, 1));
    // A streamed string where a key is expected is misuse like any other value.
    smsgw::writer o4(small, sizeof small);
    json::writer j4(o4);
    j4.begin_object().hex_string(std::string_view("x"));
    CHECK(j4.finish().ec == errc::expected_key);
}
