#include "smsgw/codec/json_reader.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "smsgw/codec/json_bind.hpp"
#include "test.hpp"

// json::document: the text checked by the walk that reads it, then by finish() for what the
// walk left aside. Whatever the walk, finish() must say exactly what parse() says of the text.
using smsgw::errc;
namespace json = smsgw::codec::json;

namespace {

constexpr json::read_options tolerant{json::mode::tolerant};

// Reads every value of v the generic way: members and elements iterated, scalars' text taken.
void walk_all(const json::value& v) {
    json::object o;
    json::array a;
    if (v.type() == json::kind::object && v.get(o).ok()) {
        for (const json::member& m : o) walk_all(m.value);
    } else if (v.type() == json::kind::array && v.get(a).ok()) {
        for (const json::value& e : a) walk_all(e);
    } else {
        v.raw();
    }
}

smsgw::result parsed(std::string_view text, const json::read_options& o = {}) {
    json::value root;
    return json::parse(text, root, o);
}

smsgw::result walked(std::string_view text, const json::read_options& o = {}) {
    json::document doc(text, o);
    walk_all(doc.root());
    return doc.finish();
}

// Only the first member or element read, the rest left to finish().
smsgw::result glanced(std::string_view text, const json::read_options& o = {}) {
    json::document doc(text, o);
    json::object obj;
    json::array arr;
    const json::value root = doc.root();
    if (root.type() == json::kind::object && root.get(obj).ok()) {
        if (auto it = obj.begin(); it != obj.end()) it->value.raw();
    } else if (root.type() == json::kind::array && root.get(arr).ok()) {
        if (auto it = arr.begin(); it != arr.end()) it->raw();
    }
    return doc.finish();
}

void same_as_parse(std::string_view text, const json::read_options& o = {}) {
    const smsgw::result p = parsed(text, o);
    INFO(text << " -> " << p.message() << " at " << p.offset);
    CHECK(walked(text, o) == p);
    CHECK(glanced(text, o) == p);
    json::document untouched(text, o);
    CHECK(untouched.finish() == p);
}

struct token_response {
    std::string_view access_token;
    std::uint64_t expires_in = 0;
};

smsgw::result bind_token(const json::value& v, token_response& out) {
    return json::bind_fields(v, json::required("accessToken", out.access_token),
                             json::required("expiresIn", out.expires_in));
}

}  // namespace

TEST_CASE("json document: a walk, a partial walk and no walk say what parse() says") {
    for (const char* text : {
             R"({"a":1,"b":[true,false,null],"c":{"d":"e\u00e9"}})", "  [1, 2.5e3, -0, \"x\"]  ", "\"only\"", "12",
             "", "   ", "{", "[", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,", "[1,]", "{\"a\":1,}", "[1 2]",
             "{\"a\" 1}", "{1:2}", "[01]", "[1.]", "[-]", "[tru]", "[nul", "{\"a\":\"\x01\"}", "[\"\\x\"]",
             "[\"\\ud800\"]", "[\"\xC0\x80\"]", "{} x", "[] []", "[1,,2]", "{\"a\":}", "[{\"a\":[{\"b\":[1,}]}]}",
             "{\"a\":1} ", "{\"a\":{\"b\":{\"c\":[1,[2,[3,{\"d\":\"e\"}]]]}}}",
         }) {
        same_as_parse(text);
        same_as_parse(text, tolerant);
    }
}

TEST_CASE("json document: JSONTestSuite test_parsing, walked, in both modes") {
    const std::string shared = smsgw::test::shared_dir();
    if (shared.empty()) {
        WARN("JSONTestSuite skipped: ../shared/corpora/JSONTestSuite is not there");
        return;
    }
    std::size_t count = 0;
    for (const auto& path : smsgw::test::files_in(shared + "/corpora/JSONTestSuite/test_parsing")) {
        const std::string text = smsgw::test::read_file(path);
        INFO(std::filesystem::path(path).filename().string());
        same_as_parse(text);
        same_as_parse(text, tolerant);
        ++count;
    }
    CHECK(count >= 318);
}

TEST_CASE("json document: binding and checking in one pass") {
    const std::string text = R"({"accessToken": "abc", "expiresIn": "33346", "extra": [1, {"x": null}]})";
    json::document doc(text);
    token_response t;
    const smsgw::result r = bind_token(doc.root(), t);
    CHECK(r.ok());
    CHECK(doc.finish(r) == smsgw::result{errc{}, text.size()});
    CHECK(t.access_token == "abc");
    CHECK(t.expires_in == 33346);
}

TEST_CASE("json document: a syntax error wins over what the binding says") {
    // The walk stops at the bad member: the binding would say accessToken is missing, but the
    // error is the text's.
    const std::string text = R"({"expiresIn": 1, "x": [1 2], "accessToken": "abc"})";
    const std::size_t at = text.find("2]");
    json::document doc(text);
    token_response t;
    const smsgw::result r = bind_token(doc.root(), t);
    CHECK(r == smsgw::fail(errc::expected_comma, at));
    CHECK(doc.error() == smsgw::fail(errc::expected_comma, at));
    CHECK(doc.finish(r) == smsgw::fail(errc::expected_comma, at));
    CHECK(doc.finish(smsgw::fail(errc::missing_field, 0)) == smsgw::fail(errc::expected_comma, at));

    // A value the binding read itself: its error comes back from the binding, and from finish().
    const std::string bad_string = "{\"accessToken\": \"a\x01\", \"expiresIn\": 1}";
    json::document doc2(bad_string);
    const smsgw::result r2 = bind_token(doc2.root(), t);
    CHECK(r2.ec == errc::bad_character);
    CHECK(r2.offset == bad_string.find('\x01'));
    CHECK(doc2.finish(r2).ec == errc::bad_character);
}

TEST_CASE("json document: the walk's own verdict when the text is fine") {
    const std::string text = R"({"accessToken": 5, "expiresIn": 1})";
    json::document doc(text);
    token_response t;
    const smsgw::result r = bind_token(doc.root(), t);
    CHECK(r.ec == errc::wrong_type);
    CHECK(r.field != nullptr);
    CHECK(doc.finish(r) == r);
    CHECK(doc.error().ok());
}

TEST_CASE("json document: what the walk leaves aside is checked by finish()") {
    // The binding stops reading nothing: the unknown key's value is stepped over and checked.
    const std::string text = R"({"accessToken": "a", "expiresIn": 1, "rest": [1, {"a": tru}]})";
    json::document doc(text);
    token_response t;
    CHECK(bind_token(doc.root(), t) == smsgw::fail(errc::expected_value, text.find("tru")));
    // A value kept for later (json::value) is stepped over by the walk, and checked as it is.
    const std::string kept = R"({"list": [1, 2, x], "n": 1})";
    json::document doc2(kept);
    json::value list;
    const smsgw::result r = json::bind_fields(doc2.root(), json::required("list", list));
    CHECK(r == smsgw::fail(errc::expected_value, kept.find('x')));
    // Trailing bytes after a complete walk.
    const std::string trailing = R"({"accessToken": "a", "expiresIn": 1} {})";
    json::document doc3(trailing);
    CHECK(bind_token(doc3.root(), t).ok());
    CHECK(doc3.finish() == smsgw::fail(errc::trailing_bytes, trailing.rfind('{')));
}

TEST_CASE("json document: values kept from the walk read later, before finish()") {
    const std::string text = R"({"messages": [{"msgID": 304934976469110784}, {"msgID": 2}], "code": "0"})";
    json::document doc(text);
    json::array messages;
    int code = -1;
    REQUIRE(json::bind_fields(doc.root(), json::required("messages", messages), json::required("code", code)).ok());
    CHECK(code == 0);
    std::vector<std::uint64_t> ids;
    for (const json::value& m : messages) {
        std::uint64_t id = 0;
        REQUIRE(json::bind_fields(m, json::required("msgID", id)).ok());
        ids.push_back(id);
    }
    CHECK(ids == std::vector<std::uint64_t>{304934976469110784u, 2});
    CHECK(doc.finish().ok());
}

TEST_CASE("json document: depth is limited where the walk goes and where it steps over") {
    const json::read_options shallow{json::mode::strict, 2};
    const std::string text = R"({"a": {"b": {"c": 1}}, "d": 2})";
    {
        json::document doc(text, shallow);
        json::object a, b, c;
        REQUIRE(doc.root().get(a).ok());
        json::value va, vb;
        REQUIRE(a.find("a", va));
        REQUIRE(va.get(b).ok());
        REQUIRE(b.find("b", vb));
        CHECK(vb.get(c) == smsgw::fail(errc::too_deep, text.find("{\"c\"")));
        CHECK(doc.finish() == smsgw::fail(errc::too_deep, text.find("{\"c\"")));
    }
    {
        json::document doc(text, shallow);
        CHECK(doc.finish() == smsgw::fail(errc::too_deep, text.find("{\"c\"")));
    }
    CHECK(parsed(text, shallow) == smsgw::fail(errc::too_deep, text.find("{\"c\"")));
    json::document deep_enough(text, {json::mode::strict, 3});
    CHECK(deep_enough.finish().ok());
}

TEST_CASE("json document: blank text, scalar roots, tolerant mode") {
    json::document blank(" \n");
    CHECK_FALSE(blank.root().exists());
    CHECK(blank.root().is_null());
    CHECK(blank.finish() == smsgw::fail(errc::expected_value, 2));

    const std::string number = " 304934976469110784 ";
    json::document n(number);
    std::uint64_t u = 0;
    CHECK(n.root().get(u).ok());
    CHECK(u == 304934976469110784u);
    CHECK(n.finish() == smsgw::result{errc{}, number.size()});

    // mitake-mms-api.txt, push response: a bare id, a zero-padded number, a trailing comma.
    const std::string mitake = "{\"batchID\": 11111111-2222-3333-4444-555555555555, \"n\": 0000000001, \"l\": [1,],}";
    json::document strict(mitake);
    json::value batch;
    CHECK(json::bind_fields(strict.root(), json::required("batchID", batch)).ec == errc::bad_number);
    json::document loose(mitake, tolerant);
    std::string_view id;
    int one = 0;
    json::array l;
    REQUIRE(json::bind_fields(loose.root(), json::required("batchID", id), json::required("n", one),
                              json::required("l", l))
                .ok());
    CHECK(id == "11111111-2222-3333-4444-555555555555");
    CHECK(one == 1);
    CHECK(l.size() == 1);
    CHECK(loose.finish().ok());
}

TEST_CASE("json document: no allocation") {
    const std::string text = R"({"accessToken": "abc", "expiresIn": 7, "more": [1, "\u00e9\n", {"x": [null]}]})";
    smsgw::test::alloc_counter guard;
    json::document doc(text);
    token_response t;
    const smsgw::result r = bind_token(doc.root(), t);
    const bool ok = doc.finish(r).ok();
    CHECK(guard.count() == 0);
    CHECK(ok);
    CHECK(t.expires_in == 7);
}

TEST_CASE("json document: keys of every length match only themselves") {
    for (std::size_t n = 0; n <= 40; ++n) {
        std::string key;
        for (std::size_t i = 0; i < n; ++i) key.push_back(static_cast<char>('a' + i % 26));
        const std::string text = "{\"" + key + "\": 1}";
        json::document doc(text);
        json::object o;
        REQUIRE(doc.root().get(o).ok());
        const json::object::iterator it = o.begin();  // the member lives in the iterator
        REQUIRE(it != o.end());
        const json::member& m = *it;
        INFO("length " << n);
        CHECK(m.key_is(key));
        CHECK_FALSE(m.key_is(key + "x"));
        if (n != 0) CHECK_FALSE(m.key_is(key.substr(0, n - 1)));
        for (std::size_t i = 0; i < n; ++i) {
            std::string other = key;
            other[i] = 'Z';
            CHECK_FALSE(m.key_is(other));
        }
        int one = 0;
        CHECK(json::bind_fields(o, json::required(key.c_str(), one)).ok());
        CHECK(one == 1);
        CHECK(doc.finish().ok());
    }
}

TEST_CASE("json document: a layout that repeats, and every way of breaking the repetition") {
    // A member or element separated from the last one as the one before was (",\n    ") is
    // stepped to in one comparison; each variant below breaks that at one place, and the
    // document must still say what parse() says, in both modes, read or not.
    const std::string item = "{\"id\": 1, \"name\": \"x\"}";
    for (const std::string& indent : {std::string(), std::string(" "), std::string("\n"), std::string("\n  "), std::string("\n      "), std::string("\n       "), std::string("\n        "), std::string("\t"), std::string("\r\n   ")}) {
        const std::string sep = "," + indent;
        std::string text = "[" + indent + item;
        for (int i = 0; i < 4; ++i) text += sep + item;
        text += indent + "]";
        INFO("indent of " << indent.size() << " bytes");
        same_as_parse(text);
        same_as_parse(text, tolerant);
        for (const char* change : {"  ", " ,", ",\x01", ",", "\t", ",]", ",}", ", ", ",\n\n\n\n\n\n\n\n\n", "x"}) {
            for (std::size_t at = text.find(sep); at != std::string::npos; at = text.find(sep, at + 1)) {
                std::string broken = text;
                broken.replace(at, std::min<std::size_t>(sep.size(), 2), change);
                same_as_parse(broken);
                same_as_parse(broken, tolerant);
            }
        }
        // The repetition running into the text's end: fewer than a word's bytes left.
        for (std::size_t cut = text.size() - 12; cut <= text.size(); ++cut) {
            same_as_parse(text.substr(0, cut));
            same_as_parse(text.substr(0, cut), tolerant);
        }
        json::document doc(text);
        json::array a;
        REQUIRE(doc.root().get(a).ok());
        std::size_t n = 0;
        for (const json::value& v : a) {
            int id = 0;
            std::string_view name;
            REQUIRE(json::bind_fields(v, json::required("id", id), json::required("name", name)).ok());
            CHECK(id == 1);
            CHECK(name == "x");
            ++n;
        }
        CHECK(n == 5);
        CHECK(doc.finish().ok());
    }
    // Tolerant mode: a trailing comma after a repeated separator closes the container.
    const std::string trailing = "[\n  1,\n  2,\n  3,\n]";
    json::document loose(trailing, tolerant);
    json::array a;
    REQUIRE(loose.root().get(a).ok());
    CHECK(a.size() == 3);
    CHECK(loose.finish().ok());
    CHECK(parsed(trailing) == smsgw::fail(errc::expected_value, trailing.size() - 1));
}

TEST_CASE("json document: integers from strings, read at once or the general way alike") {
    struct expect {
        const char* text;
        errc ec;
        std::int64_t value;
    };
    for (const expect& e : {
             expect{"\"0\"", errc{}, 0}, expect{"\"007\"", errc{}, 7}, expect{"\"-5\"", errc{}, -5},
             expect{"\"33346\"", errc{}, 33346}, expect{"\"9223372036854775807\"", errc{}, INT64_MAX},
             expect{"\"-9223372036854775808\"", errc{}, INT64_MIN},
             expect{"\"9223372036854775808\"", errc::number_overflow, 0},
             expect{"\"12345678901234567890\"", errc::number_overflow, 0},
             expect{"\"00000000000000000001\"", errc{}, 1}, expect{"\"\"", errc::bad_number, 0},
             expect{"\"-\"", errc::bad_number, 0}, expect{"\"1 \"", errc::bad_number, 0},
             expect{"\"1.5\"", errc::wrong_type, 0}, expect{"\"1e3\"", errc::wrong_type, 0},
             expect{"\"\\u0031\"", errc::wrong_type, 0}, expect{"\"1", errc::truncated, 0},
             expect{"\"12345678", errc::truncated, 0}, expect{"\"1\x01\"", errc::bad_character, 0},
         }) {
        INFO(e.text);
        const std::string text = std::string("{\"n\": ") + e.text + "}";
        json::document doc(text);
        std::int64_t got = 0;
        const smsgw::result r = json::bind_fields(doc.root(), json::required("n", got));
        CHECK(r.ec == e.ec);
        if (r.ok()) CHECK(got == e.value);
        // A value of parse() takes the same road to the same answer.
        json::value root;
        if (json::parse(text, root).ok()) {
            std::int64_t again = 0;
            CHECK(json::bind_fields(root, json::required("n", again)).ec == e.ec);
            CHECK(again == got);
        }
        same_as_parse(text);
    }
    // The string read as a number is known as a string after: its text, its raw form.
    const std::string text = R"({"code": "0042", "next": 1})";
    json::document doc(text);
    json::object o;
    REQUIRE(doc.root().get(o).ok());
    const json::object::iterator it = o.begin();
    int code = 0;
    REQUIRE(it->value.get(code).ok());
    CHECK(code == 42);
    std::string_view s;
    CHECK(it->value.get(s).ok());
    CHECK(s == "0042");
    CHECK(it->value.raw() == "\"0042\"");
    CHECK(doc.finish().ok());
}

TEST_CASE("json document: short strings beyond ASCII are checked as UTF-8 in the first look") {
    // Strings that end within sixteen bytes take the inline path; each is refused where RFC 3629
    // refuses it, with the offset of its first bad byte, and as parse() refuses it.
    struct expect {
        std::string content;
        errc ec;
        std::size_t at;  // in the content
    };
    const std::string ok = "\xE5\xB7\xB2\xE9\x80\x81\xE9\x81\x94";  // 已送達
    for (const expect& e : {
             expect{ok, errc{}, 0}, expect{"a" + ok, errc{}, 0}, expect{ok + "b", errc{}, 0},
             expect{"\xC3\xA9", errc{}, 0}, expect{"\xF0\x9F\x98\x80", errc{}, 0}, expect{"\xEF\xBF\xBF", errc{}, 0},
             expect{"\xE0\xA0\x80", errc{}, 0}, expect{"\xED\x9F\xBF", errc{}, 0},
             expect{"abcdefghijklm" + ok.substr(0, 3), errc{}, 0}, expect{"abcdefghijklmn" + ok.substr(0, 3), errc{}, 0},
             expect{"\xE0\x80\x80", errc::invalid_utf8, 0},      // overlong
             expect{"abc\xE0\x9F\xBF", errc::invalid_utf8, 3},   // overlong
             expect{"\xED\xA0\x80", errc::invalid_utf8, 0},      // surrogate
             expect{"abc\xED\xBF\xBF", errc::invalid_utf8, 3},   // surrogate
             expect{"\xE5\xB7", errc::invalid_utf8, 0},          // cut by the closing quote
             expect{"\xE5\xB7\x41", errc::invalid_utf8, 0},      // not a continuation
             expect{"\xE5\x41\xB2", errc::invalid_utf8, 0}, expect{"\xC0\x80", errc::invalid_utf8, 0},
             expect{"\x80", errc::invalid_utf8, 0}, expect{"\xFF", errc::invalid_utf8, 0},
             expect{"\xF4\x90\x80\x80", errc::invalid_utf8, 0}, expect{ok + "\xE5", errc::invalid_utf8, 9},
             expect{"\xE5\xB7\xB2\x01", errc::bad_character, 3},
         }) {
        INFO(e.content.size() << " bytes at " << e.at);
        const std::string text = "{\"s\": \"" + e.content + "\", \"t\": 1}";
        same_as_parse(text);
        same_as_parse(text, tolerant);
        json::document doc(text);
        std::string_view s;
        const smsgw::result r = json::bind_fields(doc.root(), json::required("s", s));
        CHECK(r.ec == e.ec);
        if (r.ok()) {
            CHECK(s == e.content);
        } else {
            CHECK(r.offset == 7 + e.at);
        }
    }
}

TEST_CASE("json document: a syntax error that ends an object's or array's loop reaches the loop") {
    struct bad_case {
        const char* text;
        errc ec;
        std::size_t offset;
    };
    // Each error where the loop itself meets it: the punctuation between members, a key, or a
    // member stepped over without being read.
    const bad_case objects[] = {
        {R"({"a": 1 "b": 2})", errc::expected_comma, 8},   {R"({"a": 1, 2: 3})", errc::expected_key, 9},
        {R"({"a" 1})", errc::expected_colon, 5},           {R"({"a": 1, "b)", errc::truncated, 11},
        {R"({"a": [1, 2x], "b": 2})", errc::bad_number, 11}, {R"({"a": "\q", "b": 2})", errc::bad_escape, 7},
        {"{\"a\": 1, \"\xC3\": 2}", errc::invalid_utf8, 10}, {R"({"a": 1,})", errc::expected_key, 8},
    };
    for (const bad_case& c : objects) {
        INFO(c.text);
        json::document doc(c.text);
        json::object obj;
        REQUIRE(doc.root().get(obj).ok());
        std::size_t seen = 0;
        for (const json::member& m : obj) seen += m.key.exists();
        CHECK(seen <= 1);
        CHECK(obj.error() == smsgw::fail(c.ec, c.offset));
        CHECK(doc.finish() == obj.error());
        CHECK(parsed(c.text) == obj.error());
    }
    const bad_case arrays[] = {
        {"[1 2]", errc::expected_comma, 3},           {"[1, {\"a\" 2}, 3]", errc::expected_colon, 9},
        {"[1, ", errc::truncated, 4},                 {"[1, ]", errc::expected_value, 4},
        {"[\"a\", tru, 3]", errc::expected_value, 6}, {"[1, [2, [3, 01]]]", errc::bad_number, 13},
    };
    for (const bad_case& c : arrays) {
        INFO(c.text);
        json::document doc(c.text);
        json::array list;
        REQUIRE(doc.root().get(list).ok());
        for (const json::value& v : list) v.type();
        CHECK(list.error() == smsgw::fail(c.ec, c.offset));
        CHECK(doc.finish() == list.error());
        CHECK(parsed(c.text) == list.error());
    }
    // A loop that ends at its closing bracket has no error to tell, nor has a value of parse(),
    // which is checked before it is walked; an error in a member the loop reads is get()'s, and
    // the document's from then on.
    json::document fine(R"({"a": [1, 2], "b": {"c": "x"}})");
    json::object obj;
    REQUIRE(fine.root().get(obj).ok());
    for (const json::member& m : obj) CHECK(m.key.exists());
    CHECK(obj.error().ok());
    CHECK(fine.finish().ok());
    json::document inner(R"({"a": "\x", "b": 1})");
    REQUIRE(inner.root().get(obj).ok());
    std::string_view s;
    CHECK(obj.error().ok());
    CHECK(obj.begin()->value.get(s) == smsgw::fail(errc::bad_escape, 7));
    CHECK(obj.error() == smsgw::fail(errc::bad_escape, 7));
    CHECK(inner.finish() == obj.error());
    json::value root;
    REQUIRE(json::parse("[1, [2], {}]", root).ok());
    json::array list;
    REQUIRE(root.get(list).ok());
    CHECK(list.size() == 3);
    CHECK(list.error().ok());
}
