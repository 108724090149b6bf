#include "smsgw/codec/hex.hpp"

#include <random>
#include <string>
#include <vector>

#include "test.hpp"

namespace hex = smsgw::codec::hex;
using smsgw::errc;

namespace {

std::string encode(std::string_view in, hex::letter_case lc = hex::letter_case::lower) {
    std::string out(hex::encoded_size(in.size()), '\0');
    smsgw::writer w(out.data(), out.size());
    const smsgw::result r = hex::encode(in, w, lc);
    REQUIRE(r);
    REQUIRE(r.offset == out.size());
    return out;
}

struct decoded {
    smsgw::result r;
    std::string bytes;
};

decoded decode(std::string_view in) {
    std::vector<char> buf(hex::decoded_size(in.size()));
    smsgw::writer w(buf.data(), buf.size());
    const smsgw::result r = hex::decode(in, w);
    return {r, std::string(buf.data(), r ? r.offset : 0)};
}

}  // namespace

TEST_CASE("hex: RFC 4648 §10 base16 vectors") {
    const std::pair<const char*, const char*> vectors[] = {
        {"", ""},         {"f", "66"},           {"fo", "666F"},          {"foo", "666F6F"},
        {"foob", "666F6F62"}, {"fooba", "666F6F6261"}, {"foobar", "666F6F626172"},
    };
    for (const auto& [plain, text] : vectors) {
        CAPTURE(plain);
        CHECK(encode(plain, hex::letter_case::upper) == text);
        std::string lower = text;
        for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c);
        CHECK(encode(plain) == lower);
        CHECK(decode(text).bytes == plain);
        CHECK(decode(lower).bytes == plain);
    }
}

TEST_CASE("hex: every byte value, mixed case decodes") {
    std::string all;
    for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
    const std::string text = encode(all);
    CHECK(text.substr(0, 6) == "000102");
    CHECK(text.substr(text.size() - 4) == "feff");
    CHECK(decode(text).bytes == all);
    CHECK(decode("aBcDeF").bytes == "\xab\xcd\xef");
}

TEST_CASE("hex: errors with their offsets") {
    CHECK(decode("g0").r == smsgw::fail(errc::bad_character, 0));
    CHECK(decode("0g").r == smsgw::fail(errc::bad_character, 1));
    CHECK(decode("00 1").r == smsgw::fail(errc::bad_character, 2));
    CHECK(decode("0x12").r == smsgw::fail(errc::bad_character, 1));
    CHECK(decode("abc").r == smsgw::fail(errc::odd_length, 2));
    CHECK(decode("a").r == smsgw::fail(errc::odd_length, 0));
    CHECK(decode("abz").r == smsgw::fail(errc::bad_character, 2));
    CHECK(decode("zbc").r == smsgw::fail(errc::bad_character, 0));  // the first fault wins
    CHECK(decode(std::string_view("00\0", 4)).r == smsgw::fail(errc::bad_character, 2));
    CHECK(decode("ab\n").r == smsgw::fail(errc::bad_character, 2));
}

TEST_CASE("hex: short buffers, appending, partial output, in place") {
    for (std::size_t cap = 0; cap < 3; ++cap) {
        std::vector<char> buf(cap + 1, '#');
        smsgw::writer w(buf.data(), cap);
        CHECK(hex::decode("616263", w) == smsgw::fail(errc::buffer_too_small, 3));
        CHECK(buf[cap] == '#');
        smsgw::writer w2(buf.data(), cap);
        CHECK(hex::encode(std::string_view("ab"), w2) == smsgw::fail(errc::buffer_too_small, 4));
        CHECK(buf[cap] == '#');
    }
    char one[1];
    smsgw::writer small(one, 1);
    CHECK(hex::decode("6162zz", small) == smsgw::fail(errc::bad_character, 4));

    char buf[8];
    smsgw::writer w(buf, sizeof buf);
    w.write(std::string_view("x"));
    CHECK(hex::decode("6162", w) == smsgw::result{errc{}, 2});
    CHECK(hex::decode("63!!", w) == smsgw::fail(errc::bad_character, 2));
    CHECK(w.size() == 4);
    CHECK(std::string_view(buf, 4) == "xabc");

    std::string text = "48656c6c6f";
    const smsgw::result r = hex::decode_in_place(text);
    REQUIRE(r);
    CHECK(text.substr(0, r.offset) == "Hello");
}

TEST_CASE("hex: round trips and no allocation") {
    std::mt19937 rng(9);
    std::string data(777, '\0');
    for (char& c : data) c = static_cast<char>(rng() & 0xFF);
    std::string text(2 * data.size(), '\0');
    std::string back(data.size(), '\0');
    smsgw::test::alloc_counter guard;
    smsgw::writer w(text.data(), text.size());
    const bool encoded = hex::encode(data, w, hex::letter_case::upper).ok();
    smsgw::writer w2(back.data(), back.size());
    const bool decoded_ok = hex::decode(text, w2).ok();
    const bool in_place = hex::decode_in_place(text).ok();
    smsgw::writer w3;
    const bool refused = !hex::decode("abc", w3);
    CHECK(guard.count() == 0);
    CHECK(encoded);
    CHECK(decoded_ok);
    CHECK(in_place);
    CHECK(refused);
    CHECK(back == data);
    CHECK(text.substr(0, data.size()) == data);
}
