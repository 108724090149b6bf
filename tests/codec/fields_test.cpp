#include "smsgw/codec/fields.hpp"
#include "smsgw/codec/form_fields.hpp"
#include "smsgw/codec/json_fields.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "test.hpp"

namespace fields = smsgw::codec::fields;
namespace json = smsgw::codec::json;
using smsgw::byte;
using smsgw::bytes;
using smsgw::errc;
using smsgw::mode;
using smsgw::result;
using smsgw::span;

namespace {

enum class channel : unsigned char { sms = 0, mms = 1, push = 2 };

// Each number of `to`: 11 digits starting with 1.
result check_mobile(std::string_view v) noexcept {
    if (v.size() != 11) return smsgw::fail(errc::invalid_length, 0);
    if (v[0] != '1') return smsgw::fail(errc::bad_character, 0);
    return fields::check_value(v, fields::digits("", 11));
}

struct line {
    std::string_view sku;
    std::string_view note;

    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.sku, fields::ascii("itemXsku", 8).keyed("sku"));
        v(m.note, fields::text("note_X", 4).allow_empty().keyed("note"));
    }
};

// A message with a field of every kind and presence.
struct order {
    std::string_view user;              // ascii, required
    std::string_view phone;             // digits
    std::string_view title;             // UTF-8, at most 5 characters
    channel ch = channel::sms;          // code, optional
    std::uint32_t count = 1;            // number 1..100, optional
    std::string_view to;                // list of 1..3 mobiles joined by ';'
    bytes blob;                         // binary, at most 4, if set; base64 in JSON
    std::string_view tag;               // ascii, if set
    std::string_view at;                // date-time, optional
    span<const line> items;             // group

    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.user, fields::ascii("user", 8));
        v(m.phone, fields::digits("phone", 11));
        v(m.title, fields::text("title", 5));
        v(m.ch, fields::code("ch", 2).optional());
        v(m.count, fields::number("count", 100, 1).optional());
        v(m.to, fields::list("to", ';', 1, 3, check_mobile));
        v(m.blob, fields::binary("blob", 4).if_set().in_json_as(fields::json_binary::base64));
        v(m.tag, fields::ascii("tag", 6).if_set());
        v(m.at, fields::date_time("at", smsgw::codec::datetime::shape::yyyy_mm_dd_hh_mm_ss).if_set());
        v.group(m.items, fields::group("items", "lines", 3));
    }
};

static_assert(fields::count<order>() == 10);
static_assert(fields::count<line>() == 2);

const std::array<line, 2> two_lines{{{"A-1", "紅"}, {"B-2", ""}}};
const byte blob_bytes[] = {0x00, 0xFF, 0x7F};

order sample() {
    order o;
    o.user = "alice";
    o.phone = "02123456";
    o.title = "新年快樂!";
    o.ch = channel::mms;
    o.count = 7;
    o.to = "13800138000;13900139000";
    o.blob = bytes(blob_bytes, 3);
    o.at = "2024-02-29 23:59:59";
    o.items = two_lines;
    return o;
}

const std::string_view sample_form =
    "user=alice&phone=02123456&title=%E6%96%B0%E5%B9%B4%E5%BF%AB%E6%A8%82%21&ch=1&count=7"
    "&to=13800138000%3B13900139000&blob=%00%FF%7F&at=2024-02-29+23%3A59%3A59&items=2&item0sku=A-1&note_0=%E7%B4%85&item1sku=B-2&note_1=";

std::string encode_form(const order& o) {
    std::string s;
    smsgw::writer measure;
    if (!fields::encode_form(o, measure) && measure.size() == 0) return "<error>";
    s.resize(measure.size());
    smsgw::writer w(s.data(), s.size());
    const result r = fields::encode_form(o, w);
    return r ? s : "<error>";
}

struct decoded {
    std::vector<byte> scratch;
    std::array<line, 3> storage{};
    order out{};
    result r;
    decoded(std::string_view body, mode m = mode::strict, std::size_t storage_size = 3)
        : scratch(body.size() + 1) {
        r = fields::decode_form(body, out, scratch, m, span<line>(storage.data(), storage_size));
    }
};

result form_error(std::string_view body, mode m = mode::strict) { return decoded(body, m).r; }

void check_equal(const order& a, const order& b) {
    CHECK(a.user == b.user);
    CHECK(a.phone == b.phone);
    CHECK(a.title == b.title);
    CHECK(a.ch == b.ch);
    CHECK(a.count == b.count);
    CHECK(a.to == b.to);
    CHECK(std::string_view(smsgw::as_chars(a.blob)) == smsgw::as_chars(b.blob));
    CHECK(a.tag == b.tag);
    CHECK(a.at == b.at);
    REQUIRE(a.items.size() == b.items.size());
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        CHECK(a.items[i].sku == b.items[i].sku);
        CHECK(a.items[i].note == b.items[i].note);
    }
}

result invalid(void (*change)(order&)) {
    order o = sample();
    change(o);
    return fields::validate(o);
}

}  // namespace

TEST_CASE("fields: validate names the field and the offset in its value, for every kind") {
    CHECK(fields::validate(sample()) == result{});
    // ascii
    CHECK(invalid([](order& o) { o.user = ""; }) == result{errc::empty_field, 0, "user"});
    CHECK(invalid([](order& o) { o.user = "123456789"; }) == result{errc::field_too_long, 8, "user"});
    CHECK(invalid([](order& o) { o.user = "ab\tc"; }) == result{errc::bad_character, 2, "user"});
    CHECK(std::string_view(invalid([](order& o) { o.user = "ab\tc"; }).field) == "user");
    // digits
    CHECK(invalid([](order& o) { o.phone = "0212x"; }) == result{errc::bad_character, 4, "phone"});
    CHECK(invalid([](order& o) { o.phone = "012345678901"; }) == result{errc::field_too_long, 11, "phone"});
    // UTF-8 text: characters counted, the offset of the first one too many
    CHECK(invalid([](order& o) { o.title = "新年快樂!!"; }) == result{errc::field_too_long, 13, "title"});
    CHECK(invalid([](order& o) { o.title = "ab\xC0\xAF"; }) == result{errc::invalid_utf8, 2, "title"});
    CHECK(invalid([](order& o) { o.title = "abcde"; }) == result{});
    // code and number ranges
    CHECK(invalid([](order& o) { o.ch = static_cast<channel>(3); }) == result{errc::out_of_range, 0, "ch"});
    CHECK(std::string_view(invalid([](order& o) { o.ch = static_cast<channel>(3); }).field) == "ch");
    CHECK(invalid([](order& o) { o.count = 0; }) == result{errc::out_of_range, 0, "count"});
    CHECK(invalid([](order& o) { o.count = 101; }) == result{errc::out_of_range, 0, "count"});
    // list: the item's own check at its offset, too many at the first one past the limit
    CHECK(invalid([](order& o) { o.to = ""; }) == result{errc::empty_field, 0, "to"});
    CHECK(invalid([](order& o) { o.to = "13800138000;23800138000"; }) == result{errc::bad_character, 12, "to"});
    CHECK(invalid([](order& o) { o.to = "13800138000;1380013800x"; }) == result{errc::bad_character, 22, "to"});
    CHECK(invalid([](order& o) { o.to = "13800138000;"; }) == result{errc::invalid_length, 12, "to"});
    CHECK(invalid([](order& o) { o.to = "13800138000;13800138000;13800138000;13800138000"; }) ==
          result{errc::too_many, 36, "to"});
    // binary
    static const byte five[] = {1, 2, 3, 4, 5};
    CHECK(invalid([](order& o) { o.blob = bytes(five, 5); }) == result{errc::field_too_long, 4, "blob"});
    // date-time: a real calendar value, the offset of the field at fault
    CHECK(invalid([](order& o) { o.at = "2023-02-29 00:00:00"; }) == result{errc::out_of_range, 8, "at"});
    CHECK(invalid([](order& o) { o.at = "2024-02-29T23:59:59"; }) == result{errc::bad_character, 10, "at"});
    CHECK(invalid([](order& o) { o.at = "2024-02-29 24:00:00"; }) == result{errc::out_of_range, 11, "at"});
    CHECK(invalid([](order& o) { o.at = "20240229235959"; }) == result{errc::invalid_length, 0, "at"});
    CHECK(std::string_view(invalid([](order& o) { o.at = "2024-13-01 00:00:00"; }).field) == "at");
    // if_set: empty is fine
    CHECK(invalid([](order& o) { o.tag = ""; }) == result{});
    CHECK(invalid([](order& o) { o.tag = "toolong"; }) == result{errc::field_too_long, 6, "tag"});
    // group: each item's fields, and the item count
    CHECK(std::string_view(invalid([](order& o) {
              static const std::array<line, 1> bad{{{"", "x"}}};
              o.items = bad;
          }).field) == "itemXsku");
    CHECK(invalid([](order& o) {
              static const std::array<line, 4> many{};
              o.items = many;
          }) == result{errc::too_many, 0, "items"});
}

namespace {
struct pair_list {
    std::string_view v;
    template <class V, class Self>
    static constexpr void walk(V& vis, Self& m) {
        vis(m.v, fields::list("v", ',', 2, 4, nullptr));
    }
};
}  // namespace

TEST_CASE("fields: a list's minimum number of items") {
    CHECK(fields::validate(pair_list{"a"}) == result{errc::count_mismatch, 1, "v"});
    CHECK(fields::validate(pair_list{"a,b"}) == result{});
    CHECK(fields::validate(pair_list{"a,b,c,d,e"}) == result{errc::too_many, 8, "v"});
}

TEST_CASE("fields: a form body in walk order, read back as it was written") {
    CHECK(encode_form(sample()) == sample_form);
    decoded d(sample_form);
    REQUIRE(d.r == result{smsgw::errc{}, sample_form.size()});
    check_equal(d.out, sample());

    // Optional fields are written with their defaults; if_set ones only when set.
    order o = sample();
    o.blob = {};
    o.ch = channel::sms;
    const std::string plain = encode_form(o);
    CHECK(plain.find("&ch=0&") != std::string::npos);
    CHECK(plain.find("blob=") == std::string::npos);
    CHECK(plain.find("tag=") == std::string::npos);

    // Absent optional fields keep the struct's defaults.
    decoded minimal("user=u&phone=1&title=t&to=13800138000&items=0");
    REQUIRE(minimal.r);
    CHECK(minimal.out.ch == channel::sms);
    CHECK(minimal.out.count == 1);
    CHECK(minimal.out.items.empty());

    // A validation error is the encoder's answer, and nothing is claimed from the writer.
    o.user = "";
    char buf[256];
    smsgw::writer w(buf, sizeof buf);
    CHECK(fields::encode_form(o, w) == result{errc::empty_field, 0, "user"});
    CHECK(w.size() == 0);
    // buffer_too_small with the size needed
    smsgw::writer small(buf, 10);
    CHECK(fields::encode_form(sample(), small) == result{errc::buffer_too_small, sample_form.size()});
}

TEST_CASE("fields: form decoding errors name the field and point at its pair") {
    const std::string_view base = "user=u&phone=1&title=t&to=13800138000&items=0";
    // unknown names: strict refuses at the pair, tolerant skips and keeps them in the body
    CHECK(form_error(std::string(base) + "&usr=x") == result{errc::unknown_field, base.size() + 1});
    CHECK(form_error(std::string(base) + "&usr=x", mode::tolerant).ok());
    // no spec field to name: the body names it at the error's offset, as it was sent
    const std::string typo = std::string(base) + "&us%72=x";
    const result unknown = form_error(typo);
    CHECK(unknown == result{errc::unknown_field, base.size() + 1});
    REQUIRE(smsgw::codec::form::fields(typo).at_offset(unknown.offset));
    CHECK(smsgw::codec::form::fields(typo).at_offset(unknown.offset)->name == "us%72");
    // duplicates: strict refuses the second, tolerant keeps the first
    const std::string twice = std::string(base) + "&user=v";
    CHECK(form_error(twice) == result{errc::duplicate_field, base.size() + 1, "user"});
    decoded tolerant(twice, mode::tolerant);
    REQUIRE(tolerant.r);
    CHECK(tolerant.out.user == "u");
    // missing required fields, in walk order, at the body's end
    const result missing = form_error("user=u&title=t&to=13800138000");
    CHECK(missing == result{errc::missing_field, 29, "phone"});
    CHECK(std::string_view(form_error("user=u&phone=1&title=t&to=13800138000").field) == "items");
    // a value that does not parse, and a value that does not validate, at its pair
    const result count = form_error(std::string(base) + "&count=7x");
    CHECK(count == result{errc::bad_character, base.size() + 1, "count"});
    CHECK(form_error(std::string(base) + "&count=101") == result{errc::out_of_range, base.size() + 1, "count"});
    CHECK(form_error(std::string(base) + "&ch=01") == result{errc::field_too_long, base.size() + 1, "ch"});
    CHECK(form_error("phone=1&title=t&to=13800138000&items=0&user=%09") == result{errc::bad_character, 39, "user"});
    // an empty number, at its pair
    CHECK(form_error("user=u&phone=1&title=t&to=13800138000&items=0&count=") == result{errc::empty_field, 46, "count"});
    // escapes and the scratch buffer
    CHECK(form_error("user=%zz") == result{errc::bad_escape, 5});
    std::vector<byte> tiny(3);
    order out;
    CHECK(fields::decode_form(bytes(base), out, tiny, mode::strict, span<line>()) ==
          result{errc::buffer_too_small, base.size()});
}

TEST_CASE("fields: a group's count and items in a form") {
    const std::string_view head = "user=u&phone=1&title=t&to=13800138000&";
    auto body = [&](std::string_view tail) { return std::string(head) + std::string(tail); };
    // items in any order, each field once
    decoded d(body("item1sku=B&note_1=&items=2&note_0=x&item0sku=A"));
    REQUIRE(d.r);
    REQUIRE(d.out.items.size() == 2);
    CHECK(d.out.items[0].sku == "A");
    CHECK(d.out.items[0].note == "x");
    CHECK(d.out.items[1].sku == "B");
    CHECK(d.out.items[1].note.empty());
    // an item field missing, its name in the pattern
    const result missing = form_error(body("items=1&note_0=x"));
    CHECK(missing == result{errc::missing_field, head.size() + 16, "itemXsku"});
    // an item's value checked at its pair
    CHECK(form_error(body("items=1&item0sku=A&note_0=%E5%A4%AA%E9%95%B7%E4%BA%86%21%21")) ==
          result{errc::field_too_long, head.size() + 19, "note_X"});
    // more items than storage: at the item, or at the count
    CHECK(decoded(body("items=1&item3sku=A"), mode::strict, 3).r == result{errc::too_many, head.size() + 8, "items"});
    CHECK(decoded(body("items=4"), mode::strict, 3).r == result{errc::too_many, head.size(), "items"});
    CHECK(std::string_view(decoded(body("items=4"), mode::strict, 3).r.field) == "items");
    // an item past the count: strict refuses it at the item, tolerant ignores it
    CHECK(form_error(body("items=1&item0sku=A&note_0=&item1sku=B")) == result{errc::count_mismatch, head.size() + 27, "items"});
    decoded past(body("items=1&item0sku=A&note_0=&item1sku=B"), mode::tolerant);
    REQUIRE(past.r);
    CHECK(past.out.items.size() == 1);
    // a duplicate item field
    CHECK(form_error(body("items=1&item0sku=A&note_0=&item0sku=B")) == result{errc::duplicate_field, head.size() + 27, "itemXsku"});
    // leading zeros are not an index: an unknown name
    CHECK(form_error(body("items=0&item01sku=A")) == result{errc::unknown_field, head.size() + 8});
    // the count is a number
    CHECK(form_error(body("items=x")) == result{errc::bad_character, head.size(), "items"});
}

TEST_CASE("fields: JSON written from the same list, and bound back") {
    char buf[512];
    smsgw::writer w(buf, sizeof buf);
    const result r = fields::write_json(sample(), w);
    REQUIRE(r);
    const std::string_view text(buf, r.offset);
    CHECK(text ==
          R"({"user":"alice","phone":"02123456","title":"新年快樂!","ch":1,"count":7,"to":"13800138000;13900139000",)"
          R"("blob":"AP9/","at":"2024-02-29 23:59:59","lines":[{"sku":"A-1","note":"紅"},{"sku":"B-2","note":""}]})");

    json::document doc(text);
    json::object obj;
    REQUIRE(doc.root().get(obj));
    std::vector<byte> scratch(text.size());
    smsgw::writer sw(scratch);
    std::array<line, 3> storage{};
    order back;
    REQUIRE(fields::bind_json(obj, back, sw, mode::strict, span<line>(storage)));
    check_equal(back, sample());
}

TEST_CASE("fields: JSON binding errors") {
    auto bind = [](std::string_view text, mode m = mode::strict, order* out = nullptr) {
        json::document doc(text, {m});
        json::object obj;
        if (result r = doc.root().get(obj); !r) return r;
        static std::vector<byte> scratch(1024);
        smsgw::writer sw(scratch);
        std::array<line, 1> storage{};
        order local;
        return fields::bind_json(obj, out != nullptr ? *out : local, sw, m, span<line>(storage));
    };
    const std::string_view ok = R"({"user":"u","phone":"1","title":"t","to":"13800138000","lines":[]})";
    CHECK(bind(ok));
    // numbers from strings as well as numbers; null for an absent optional field
    order o;
    REQUIRE(bind(R"({"user":"u","phone":"1","title":"t","to":"13800138000","lines":[],"count":"42","ch":null})",
                 mode::strict, &o));
    CHECK(o.count == 42);
    CHECK(o.ch == channel::sms);
    // escapes decoded into the scratch buffer
    REQUIRE(bind(R"({"user":"\u0041b","phone":"1","title":"t","to":"13800138000","lines":[]})", mode::strict, &o));
    CHECK(o.user == "Ab");
    // unknown and duplicate keys
    const std::string unknown = std::string(ok.substr(0, ok.size() - 1)) + R"(,"x":1})";
    CHECK(bind(unknown) == result{errc::unknown_field, ok.size()});
    CHECK(bind(unknown, mode::tolerant).ok());
    // the key refused, as the text wrote it, at the error's offset
    const std::string odd = std::string(ok.substr(0, ok.size() - 1)) + R"(,"x\"y":1})";
    const result refused = bind(odd);
    CHECK(refused == result{errc::unknown_field, ok.size()});
    CHECK(json::key_at(odd, refused.offset) == R"(x\"y)");
    CHECK(json::key_at(odd, refused.offset + 1).empty());  // no key starts there
    CHECK(json::key_at(R"({"cut)", 1).empty());             // no closing quote
    CHECK(json::key_at(odd, odd.size()).empty());
    const std::string dup = std::string(ok.substr(0, ok.size() - 1)) + R"(,"user":"v"})";
    CHECK(bind(dup) == result{errc::duplicate_field, ok.size(), "user"});
    REQUIRE(bind(dup, mode::tolerant, &o));
    CHECK(o.user == "u");
    // missing, wrong type, a bad value, too many items
    const result missing = bind(R"({"user":"u","title":"t","to":"13800138000","lines":[]})");
    CHECK(missing == result{errc::missing_field, 0, "phone"});
    CHECK(bind(R"({"user":1,"phone":"1","title":"t","to":"13800138000","lines":[]})").ec == errc::wrong_type);
    CHECK(bind(R"({"user":"u","phone":"1","title":"t","to":"13800138000","lines":[],"count":"9x"})") ==
          result{errc::bad_number, 74, "count"});
    CHECK(bind(R"({"user":"u","phone":"1","title":"t","to":"13800138000","lines":[],"blob":"!!!!"})").ec ==
          errc::bad_character);
    CHECK(bind(R"({"user":"u","phone":"1","title":"t","to":"1","lines":[]})") == result{errc::invalid_length, 41, "to"});
    const char* two = R"({"user":"u","phone":"1","title":"t","to":"13800138000","lines":[{"sku":"a","note":""},{"sku":"b","note":""}]})";
    CHECK(bind(two).ec == errc::too_many);
    CHECK(std::string_view(bind(R"({"user":"u","phone":"1","title":"t","to":"13800138000","lines":[{}]})").field) ==
          "sku");
}

namespace {

// The JSON-only options: ids as number tokens, null for empty, a group of values, two groups.
struct tag_value {
    std::string_view v;
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.v, fields::digits("tags", 4).as_json_number());
    }
};

struct batch {
    std::string_view id;     // digits as a JSON number, exact beyond 2^53
    std::string_view note;   // null when empty
    span<const tag_value> tags;
    span<const line> items;  // written only when it has items

    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.id, fields::digits("id", 20).as_json_number());
        v(m.note, fields::text("note").optional().allow_empty().nullable());
        v.group(m.tags, fields::group("tags", "tags", 3).of_values());
        v.group(m.items, fields::group("items", "items").if_set());
    }
};

}  // namespace

TEST_CASE("fields: JSON numbers kept as text, null, groups of values, two groups, error paths") {
    const tag_value tags[] = {{"1"}, {"0042"}};
    const line items[] = {{"A-1", "x"}};
    batch b{"304934976469110784", "", tags, items};
    std::string text(256, '\0');
    smsgw::writer w(text.data(), text.size());
    const result wr = fields::write_json(b, w);
    REQUIRE(wr);
    text.resize(wr.offset);
    // A leading zero is no JSON number: that one is written as a string.
    CHECK(text == R"({"id":304934976469110784,"note":null,"tags":[1,"0042"],"items":[{"sku":"A-1","note":"x"}]})");

    auto bind = [](std::string_view t, batch& out, fields::path* where = nullptr) {
        json::document doc(t);
        json::object obj;
        if (result r = doc.root().get(obj); !r) return r;
        static std::vector<byte> scratch(256);
        smsgw::writer sw(scratch);
        static std::array<tag_value, 3> tag_slots{};
        static std::array<line, 2> line_slots{};
        const result r = where != nullptr
                             ? fields::bind_json(obj, out, sw, mode::strict, *where, span<tag_value>(tag_slots),
                                                 span<line>(line_slots))
                             : fields::bind_json(obj, out, sw, mode::strict, span<tag_value>(tag_slots),
                                                 span<line>(line_slots));
        return doc.finish(r);
    };
    batch back;
    REQUIRE(bind(text, back));
    CHECK(back.id == "304934976469110784");
    CHECK(back.note.empty());
    REQUIRE(back.tags.size() == 2);
    CHECK(back.tags[1].v == "0042");
    REQUIRE(back.items.size() == 1);
    CHECK(back.items[0].sku == "A-1");
    REQUIRE(bind(R"({"id":"7","note":"n","tags":[]})", back));
    CHECK(back.id == "7");
    CHECK(back.items.empty());
    std::string again(64, '\0');
    smsgw::writer w2(again.data(), again.size());
    again.resize(fields::write_json(back, w2).offset);
    CHECK(again == R"({"id":7,"note":"n","tags":[]})");

    fields::path where;
    const std::string_view bad_tag = R"({"id":1,"tags":[1,-2]})";
    result e = bind(bad_tag, back, &where);
    CHECK(e == smsgw::fail(errc::bad_character, bad_tag.find("-2"), "tags[1]"));
    const std::string_view bad_sku = R"({"id":1,"tags":[],"items":[{"sku":"A","note":""},{"sku":"123456789","note":""}]})";
    e = bind(bad_sku, back, &where);
    CHECK(e == smsgw::fail(errc::field_too_long, bad_sku.find("\"123456789"), "items[1].sku"));
    e = bind(bad_sku, back);
    CHECK(std::string(e.field) == "sku");
    CHECK(bind(R"({"id":1,"tags":[1,2,3,4]})", back).ec == errc::too_many);
    CHECK(bind(R"({"id":1.5,"tags":[]})", back).ec == errc::bad_character);

    const line too_long[] = {{"A-1", "x"}, {"B-2", "12345"}};
    b.items = too_long;
    e = fields::validate(b, where);
    CHECK(e == smsgw::fail(errc::field_too_long, 4, "items[1].note_X"));
    CHECK(std::string(e.field) == "items[1].note_X");  // validate() names the spec's name
    where.set("a_group_name_long_enough_to_fill_the_whole_buffer_of_the_path", 1234567890123,
              "and_a_field_name_that_does_not_fit_in_it_anymore_at_all");
    CHECK(std::string(where.text).size() == sizeof where.text - 1);

    json::value root;
    REQUIRE(json::parse(R"({"id":1,"extra":2,"items":[]})", root));
    json::object obj;
    REQUIRE(root.get(obj));
    std::vector<bool> named;
    for (const json::member& m : obj) named.push_back(fields::names<batch>(m));
    CHECK(named == std::vector<bool>{true, false, true});
}

TEST_CASE("fields: encoding, decoding and JSON allocate nothing") {
    const order o = sample();
    char buf[512];
    std::vector<byte> scratch(sample_form.size());
    std::array<line, 3> storage{};
    order back;
    smsgw::test::alloc_counter guard;
    smsgw::writer w(buf, sizeof buf);
    REQUIRE(fields::encode_form(o, w));
    REQUIRE(fields::decode_form(bytes(sample_form), back, scratch, mode::strict, span<line>(storage)));
    smsgw::writer jw(buf, sizeof buf);
    REQUIRE(fields::write_json(o, jw));
    CHECK(guard.count() == 0);
}
