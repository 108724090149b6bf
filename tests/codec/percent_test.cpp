#include "smsgw/codec/percent.hpp"

#include <random>
#include <string>
#include <vector>

#include "test.hpp"

namespace percent = smsgw::codec::percent;
using percent::style;
using smsgw::errc;

namespace {

std::string encode(std::string_view in, style st) {
    std::string out(percent::encoded_size(in, st), '\0');
    smsgw::writer w(out.data(), out.size());
    const smsgw::result r = percent::encode(in, w, st);
    REQUIRE(r);
    REQUIRE(r.offset == out.size());
    return out;
}

struct decoded {
    smsgw::result r;
    std::string bytes;
};

decoded decode(std::string_view in, style st) {
    std::vector<char> buf(in.size());
    smsgw::writer w(buf.data(), buf.size());
    const smsgw::result r = percent::decode(in, w, st);
    return {r, std::string(buf.data(), r ? r.offset : 0)};
}

std::string random_bytes(std::mt19937& rng, std::size_t n) {
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(rng() & 0xFF);
    return s;
}

// The expected encoding of one byte, written out from the two definitions independently of the
// encoder's table.
std::string expected(unsigned char c, style st) {
    static const char unreserved_component[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";  // RFC 3986 §2.3
    static const char kept_form[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-._";  // WHATWG urlencoded set
    const std::string_view kept = st == style::component ? unreserved_component : kept_form;
    if (c != 0 && kept.find(static_cast<char>(c)) != std::string_view::npos) return std::string(1, static_cast<char>(c));
    if (st == style::form && c == ' ') return "+";
    const char* digits = "0123456789ABCDEF";
    return std::string{'%', digits[c >> 4], digits[c & 15]};
}

}  // namespace

TEST_CASE("percent: both styles on every byte value") {
    for (int b = 0; b < 256; ++b) {
        const std::string one(1, static_cast<char>(b));
        for (style st : {style::component, style::form}) {
            CAPTURE(b, static_cast<int>(st));
            CHECK(encode(one, st) == expected(static_cast<unsigned char>(b), st));
            CHECK(decode(encode(one, st), st).bytes == one);
        }
    }
}

TEST_CASE("percent: examples") {
    const std::string_view text = "a b&c=d/\xc3\xa9~*+\x07";
    CHECK(encode(text, style::form) == "a+b%26c%3Dd%2F%C3%A9%7E*%2B%07");
    CHECK(encode(text, style::component) == "a%20b%26c%3Dd%2F%C3%A9~%2A%2B%07");
    CHECK(decode("a+b%20c", style::form).bytes == "a b c");
    CHECK(decode("a+b%20c", style::component).bytes == "a+b c");
    CHECK(decode("%c3%A9", style::form).bytes == "\xc3\xa9");   // either case of digit
    CHECK(decode("a b~*", style::form).bytes == "a b~*");       // other bytes taken as they are
    CHECK(decode("", style::form).r == smsgw::result{errc{}, 0});
    CHECK(percent::encoded_size(std::string_view("a b\xff"), style::form) == 6);
}

TEST_CASE("percent: malformed escapes are refused at the '%'") {
    for (style st : {style::component, style::form}) {
        CHECK(decode("%7", st).r == smsgw::fail(errc::bad_escape, 0));
        CHECK(decode("ab%", st).r == smsgw::fail(errc::bad_escape, 2));
        CHECK(decode("a%zz", st).r == smsgw::fail(errc::bad_escape, 1));
        CHECK(decode("a%2", st).r == smsgw::fail(errc::bad_escape, 1));
        CHECK(decode("%20%g0", st).r == smsgw::fail(errc::bad_escape, 3));
        CHECK(decode("%0z", st).r == smsgw::fail(errc::bad_escape, 0));
        CHECK(decode("%%41", st).r == smsgw::fail(errc::bad_escape, 0));
        CHECK(decode("x+%+1", st).r == smsgw::fail(errc::bad_escape, 2));
    }
}

TEST_CASE("percent: escapes at every place of the 64-byte blocks of the fast path") {
    for (std::size_t k = 0; k < 140; ++k) {
        CAPTURE(k);
        const std::string before(k, 'a');
        const std::string after(100, 'b');
        for (style st : {style::component, style::form}) {
            CHECK(decode(before + "%41+" + after, st).bytes == before + "A" + (st == style::form ? " " : "+") + after);
            CHECK(decode(before + "%4z" + after, st).r == smsgw::fail(errc::bad_escape, k));
            CHECK(decode(before + "%%41" + after, st).r == smsgw::fail(errc::bad_escape, k));
            // The same with a buffer too small for the output: found all the same.
            char small[70];
            smsgw::writer w(small, sizeof small);
            CHECK(percent::decode(before + "%z1" + after, w, st) == smsgw::fail(errc::bad_escape, k));
        }
    }
}

TEST_CASE("percent: short buffers, appending, partial output, in place") {
    const std::string_view data = "\x01\x02 z";
    for (std::size_t cap = 0; cap < 8; ++cap) {
        std::vector<char> buf(cap + 1, '#');
        smsgw::writer w(buf.data(), cap);
        CHECK(percent::encode(data, w, style::form) == smsgw::fail(errc::buffer_too_small, 8));
        CHECK(buf[cap] == '#');
        if (cap < 4) {
            smsgw::writer w2(buf.data(), cap);
            CHECK(percent::decode("%01%02+z", w2, style::form) == smsgw::fail(errc::buffer_too_small, 4));
            CHECK(buf[cap] == '#');
        }
    }
    char one[1];
    smsgw::writer small(one, 1);
    CHECK(percent::decode("abc%zz", small, style::form) == smsgw::fail(errc::bad_escape, 3));

    char buf[8];
    smsgw::writer w(buf, sizeof buf);
    w.write(std::string_view("x"));
    CHECK(percent::decode("a+", w, style::form) == smsgw::result{errc{}, 2});
    CHECK(percent::decode("%41%4", w, style::form) == smsgw::fail(errc::bad_escape, 3));
    CHECK(std::string_view(buf, w.size()) == "xa A");

    std::string text = "%E9%96%83+x";
    const smsgw::result r = percent::decode_in_place(text, style::form);
    REQUIRE(r);
    CHECK(text.substr(0, r.offset) == "\xe9\x96\x83 x");
}

TEST_CASE("percent: round trips over random binary, no allocation") {
    std::mt19937 rng(21);
    for (std::size_t n = 0; n < 400; n += 7) {
        const std::string data = random_bytes(rng, n);
        for (style st : {style::component, style::form}) {
            const std::string text = encode(data, st);
            CHECK(decode(text, st).bytes == data);
            std::string in_place = text;
            const smsgw::result r = percent::decode_in_place(in_place, st);
            REQUIRE(r);
            CHECK(in_place.substr(0, r.offset) == data);
        }
    }
    const std::string data = random_bytes(rng, 5000);
    std::string text(3 * data.size(), '\0');
    std::string back(data.size(), '\0');
    smsgw::test::alloc_counter guard;
    const std::size_t size = percent::encoded_size(data, style::form);
    smsgw::writer w(text.data(), text.size());
    const bool encoded = percent::encode(data, w, style::form).ok();
    smsgw::writer w2(back.data(), back.size());
    const bool decoded_ok = percent::decode(std::string_view(text.data(), size), w2, style::form).ok();
    smsgw::writer measure;
    const bool refused = !percent::decode("%z", measure, style::component);
    const smsgw::result in_place = percent::decode_in_place(smsgw::mutable_bytes(reinterpret_cast<smsgw::byte*>(text.data()), size), style::form);
    CHECK(guard.count() == 0);
    CHECK(encoded);
    CHECK(decoded_ok);
    CHECK(refused);
    CHECK(in_place == smsgw::result{errc{}, data.size()});
    CHECK(text.substr(0, data.size()) == data);
    CHECK(back == data);
}

#ifdef SMSGW_PYTHON3
TEST_CASE("percent: form style agrees with Python's urllib.parse") {
    // One record per line, in hex; Python answers quote_plus() of each, and unquote_plus() of
    // our encoding back in hex. quote_plus keeps '~' (RFC 3986) where forms send %7E, and needs
    // safe='*' for the WHATWG set.
    std::mt19937 rng(77);
    std::vector<std::string> records;
    records.push_back(std::string("\x00\x20 ~*-._+&=%/?#\x7f\x80\xff", 17));
    for (std::size_t n = 0; n < 120; ++n) records.push_back(random_bytes(rng, n * 5));
    std::string input;
    for (const std::string& r : records) {
        input += smsgw::test::hex(r);
        input += ' ';
        input += encode(r, style::form);
        input += '\n';
    }
    const std::string script =
        "import sys, urllib.parse as u\n"
        "for line in sys.stdin.read().split('\\n')[:-1]:\n"
        "    h, ours = line.split(' ')\n"
        "    data = bytes.fromhex(h)\n"
        "    print(u.quote_plus(data, safe='*').replace('~', '%7E'), u.unquote_to_bytes(ours.replace('+', ' ')).hex())\n";
    bool ok = false;
    const std::string out = smsgw::test::run_command(std::string(SMSGW_PYTHON3) + " -c \"" + script + "\"", input, ok);
    REQUIRE(ok);
    std::size_t line_start = 0;
    for (const std::string& r : records) {
        const std::size_t nl = out.find('\n', line_start);
        REQUIRE(nl != std::string::npos);
        const std::string line = out.substr(line_start, nl - line_start);
        line_start = nl + 1;
        const std::size_t space = line.find(' ');
        REQUIRE(space != std::string::npos);
        CHECK(line.substr(0, space) == encode(r, style::form));
        CHECK(line.substr(space + 1) == smsgw::test::hex(r));
    }
}
#else
TEST_CASE("percent: Python comparison") { WARN("python3 not found: differential test skipped"); }
#endif
