#include "smsgw/codec/base64.hpp"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "test.hpp"

#ifdef SMSGW_HAVE_OPENSSL
#include <openssl/evp.h>
#endif

namespace b64 = smsgw::codec::base64;
using smsgw::errc;

namespace {

std::string encode(std::string_view in, const b64::encode_options& o = {}) {
    std::string out(b64::encoded_size(in.size(), o), '\0');
    smsgw::writer w(out.data(), out.size());
    const smsgw::result r = b64::encode(in, w, o);
    REQUIRE(r);
    REQUIRE(r.offset == out.size());
    return out;
}

struct decoded {
    smsgw::result r;
    std::string bytes;
};

// Decodes into a buffer of exactly decoded_size_max(), so that ASan sees any write past it.
decoded decode(std::string_view in, const b64::decode_options& o = {}) {
    std::vector<char> buf(b64::decoded_size_max(in.size()));
    smsgw::writer w(buf.data(), buf.size());
    const smsgw::result r = b64::decode(in, w, o);
    return {r, std::string(buf.data(), r ? r.offset : 0)};
}

std::string random_bytes(std::mt19937& rng, std::size_t n) {
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(rng() & 0xFF);
    return s;
}

const b64::decode_options url_strict{b64::alphabet::url, b64::mode::strict};
const b64::decode_options std_mime{b64::alphabet::standard, b64::mode::mime};

}  // namespace

TEST_CASE("base64: RFC 4648 §10 test vectors") {
    const std::pair<const char*, const char*> vectors[] = {
        {"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},        {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
    };
    for (const auto& [plain, text] : vectors) {
        CAPTURE(plain);
        CHECK(encode(plain) == text);
        const decoded d = decode(text);
        REQUIRE(d.r);
        CHECK(d.bytes == plain);
        CHECK(decode(text, std_mime).bytes == plain);
    }
}

TEST_CASE("base64: url alphabet, padding optional, RFC 4648 §5") {
    const std::string in("\xfb\xff\xbf", 3);
    CHECK(encode(in) == "+/+/");
    CHECK(encode(in, {b64::alphabet::url}) == "-_-_");
    const std::string two("\xfb\xf0", 2);
    CHECK(encode(two, {b64::alphabet::url, false}) == "-_A");
    CHECK(encode(two, {b64::alphabet::url, true}) == "-_A=");
    CHECK(decode("-_A", url_strict).bytes == two);
    CHECK(decode("-_A=", url_strict).bytes == two);
    CHECK(encode("f", {b64::alphabet::standard, false}) == "Zg");
    // Each alphabet refuses the other's two characters.
    CHECK(decode("-_-_").r == smsgw::fail(errc::bad_character, 0));
    CHECK(decode("+/+/", url_strict).r == smsgw::fail(errc::bad_character, 0));
}

TEST_CASE("base64: encoded_size and decoded_size_max") {
    CHECK(b64::encoded_size(0) == 0);
    CHECK(b64::encoded_size(1) == 4);
    CHECK(b64::encoded_size(3) == 4);
    CHECK(b64::encoded_size(4) == 8);
    CHECK(b64::encoded_size(4, {b64::alphabet::url, false}) == 6);
    CHECK(b64::encoded_size(5, {b64::alphabet::url, false}) == 7);
    CHECK(b64::encoded_size(57, {b64::alphabet::standard, true, 76}) == 76);
    CHECK(b64::encoded_size(58, {b64::alphabet::standard, true, 76}) == 82);
    CHECK(b64::encoded_size(114, {b64::alphabet::standard, true, 76}) == 154);
    static_assert(b64::decoded_size_max(4) == 3);
    static_assert(b64::decoded_size_max(7) == 5);
    static_assert(b64::decoded_size_max(6) == 4);
    static_assert(b64::decoded_size_max(5) == 3);
    std::mt19937 rng(7);
    for (std::size_t n = 0; n < 200; ++n) {
        for (bool pad : {true, false}) {
            for (std::size_t line : {std::size_t{0}, std::size_t{4}, std::size_t{10}, std::size_t{76}}) {
                const b64::encode_options o{b64::alphabet::standard, pad, line};
                const std::string text = encode(random_bytes(rng, n), o);
                CHECK(text.size() == b64::encoded_size(n, o));
                CHECK(b64::decoded_size_max(text.size()) >= n);
            }
        }
    }
}

TEST_CASE("base64: RFC 2045 line wrapping, CRLF between lines") {
    std::mt19937 rng(1);
    const std::size_t sizes[] = {0, 1, 2, 3, 56, 57, 58, 113, 114, 115, 200};
    const std::size_t lines[] = {4, 7, 10, 76};
    for (std::size_t n : sizes) {
        const std::string data = random_bytes(rng, n);
        const std::string one_line = encode(data);
        for (std::size_t line : lines) {
            CAPTURE(n, line);
            // Cut at every CRLF: full lines, then a last one no longer, joining to the unwrapped text.
            const std::string text = encode(data, {b64::alphabet::standard, true, line});
            std::string joined;
            std::size_t start = 0;
            for (std::size_t crlf; (crlf = text.find("\r\n", start)) != std::string::npos; start = crlf + 2) {
                CHECK(crlf - start == line);
                joined += text.substr(start, crlf - start);
            }
            CHECK(text.size() - start <= line);
            CHECK((text.size() == start) == (n == 0));  // never a CRLF at the end
            joined += text.substr(start);
            CHECK(joined == one_line);
            const decoded d = decode(text, std_mime);
            REQUIRE(d.r);
            CHECK(d.bytes == data);
            if (one_line.size() > line) CHECK(decode(text).r == smsgw::fail(errc::bad_character, line));
        }
    }
    // 57 bytes make exactly one 76-character line: no line break at all.
    CHECK(encode(std::string(57, 'x'), {b64::alphabet::standard, true, 76}).find('\r') == std::string::npos);
}

TEST_CASE("base64: strict errors with their offsets") {
    struct bad {
        const char* text;
        b64::decode_options o;
        errc ec;
        std::size_t offset;
    };
    const bad cases[] = {
        {"Zm9v!mFy", {}, errc::bad_character, 4},
        {"Zm9vYmF\x80", {}, errc::bad_character, 7},
        {"Zm9v YmFy", {}, errc::bad_character, 4},
        {"Zm9vYmFy\r\n", {}, errc::bad_character, 8},
        {"Zg", {}, errc::bad_padding, 2},             // standard alphabet: padding required
        {"Zm8", {}, errc::bad_padding, 3},
        {"Zg=", {}, errc::bad_padding, 3},            // one '=' short
        {"Zg=", url_strict, errc::bad_padding, 3},    // url: optional, but complete when present
        {"Zm9=v", {}, errc::bad_padding, 4},          // data after padding
        {"Zg===", {}, errc::bad_padding, 4},
        {"Zg==Zg==", {}, errc::bad_padding, 4},       // concatenated encodings
        {"=Zg=", {}, errc::bad_padding, 0},           // padding in place of data
        {"Z===", {}, errc::bad_padding, 1},
        {"Zm9vY===", {}, errc::bad_padding, 5},
        {"Zh==", {}, errc::bad_padding, 1},           // unused bits set: RFC 4648 §3.5
        {"Zm9=", {}, errc::bad_padding, 2},
        {"Zh", url_strict, errc::bad_padding, 1},
        {"Z", {}, errc::truncated, 1},
        {"Zm9vY", {}, errc::truncated, 5},
        {"Zm9vY", url_strict, errc::truncated, 5},
        {"Zg==\n", {}, errc::bad_padding, 4},
    };
    for (const bad& c : cases) {
        CAPTURE(c.text);
        const decoded d = decode(c.text, c.o);
        CHECK(d.r.ec == c.ec);
        CHECK(d.r.offset == c.offset);
        CHECK(d.r.message() != nullptr);
    }
}

TEST_CASE("base64: mime mode skips whitespace, keeps the other rules") {
    // Uneven line lengths as in the IMSP get_mime sample (70, 66, ... characters), trailing spaces.
    std::mt19937 rng(3);
    const std::string data = random_bytes(rng, 300);
    const std::string text = encode(data);
    std::string broken;
    std::size_t at = 0;
    const std::size_t lengths[] = {70, 66, 68, 73, 5, 1, 3};
    for (std::size_t len : lengths) {
        broken += text.substr(at, len) + (len % 2 == 0 ? " \r\n" : "\t\n");
        at += len;
    }
    broken += text.substr(at) + "\r\n";
    const decoded d = decode(broken, std_mime);
    REQUIRE(d.r);
    CHECK(d.bytes == data);

    CHECK(decode(" Zg = = \r\n", std_mime).bytes == "f");
    CHECK(decode("Zg", std_mime).bytes == "f");        // padding optional
    CHECK(decode("Zh==", std_mime).bytes == "f");      // unused bits tolerated
    CHECK(decode("\r\n\r\n", std_mime).r == smsgw::result{errc{}, 0});
    CHECK(decode("Zm9v\r\nYm*Fy", std_mime).r == smsgw::fail(errc::bad_character, 8));
    CHECK(decode("Zg==\r\nZg==", std_mime).r == smsgw::fail(errc::bad_padding, 6));
    CHECK(decode("Zg= x", std_mime).r == smsgw::fail(errc::bad_padding, 4));
    CHECK(decode("Zg=\r\n", std_mime).r == smsgw::fail(errc::bad_padding, 5));
    CHECK(decode("Zm9vY \n", std_mime).r == smsgw::fail(errc::truncated, 7));
}

TEST_CASE("base64: round trips over random data, every alphabet and option") {
    std::mt19937 rng(42);
    for (std::size_t n = 0; n < 300; ++n) {
        const std::string data = random_bytes(rng, n);
        for (auto abc : {b64::alphabet::standard, b64::alphabet::url}) {
            for (bool pad : {true, false}) {
                for (std::size_t line : {std::size_t{0}, std::size_t{76}, std::size_t{9}}) {
                    const std::string text = encode(data, {abc, pad, line});
                    const b64::mode m = line == 0 ? b64::mode::strict : b64::mode::mime;
                    if (!pad && abc == b64::alphabet::standard && m == b64::mode::strict) {
                        if (n % 3 != 0) CHECK(decode(text, {abc, m}).r.ec == errc::bad_padding);
                        continue;
                    }
                    const decoded d = decode(text, {abc, m});
                    REQUIRE(d.r);
                    CHECK(d.bytes == data);
                    std::string in_place = text;
                    const smsgw::result r = b64::decode_in_place(in_place, {abc, m});
                    REQUIRE(r);
                    CHECK(in_place.substr(0, r.offset) == data);
                }
            }
        }
    }
}

TEST_CASE("base64: encode gives the characters of RFC 4648 §4, six bits at a time, to the last byte") {
    // The input in a buffer of its exact size, so that ASan sees a read past its end (encode
    // reads 8 bytes at a time where they are there).
    std::mt19937 rng(3);
    for (std::size_t n = 0; n < 200; ++n) {
        const std::string data = random_bytes(rng, n);
        const std::vector<unsigned char> exact(data.begin(), data.end());
        for (auto abc : {b64::alphabet::standard, b64::alphabet::url}) {
            const char* chars = abc == b64::alphabet::url
                                    ? "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                                    : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            std::string expected;
            std::uint32_t bits = 0;
            int held = 0;
            for (const unsigned char c : exact) {
                bits = (bits << 8) | c;
                for (held += 8; held >= 6; held -= 6) expected += chars[(bits >> (held - 6)) & 0x3F];
            }
            if (held != 0) expected += chars[(bits << (6 - held)) & 0x3F];
            for (std::size_t line : {std::size_t{0}, std::size_t{8}, std::size_t{12}, std::size_t{76}}) {
                CAPTURE(n, line);
                std::string text(b64::encoded_size(n, {abc, false, line}), '\0');
                smsgw::writer w(text.data(), text.size());
                REQUIRE(b64::encode(smsgw::bytes(exact.data(), n), w, {abc, false, line}));
                text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
                text.erase(std::remove(text.begin(), text.end(), '\n'), text.end());
                CHECK(text == expected);
            }
        }
    }
}

TEST_CASE("base64: a short buffer is never overrun and the size needed is reported") {
    const std::string text = encode("foobar and more bytes");
    for (std::size_t cap = 0; cap < 21; ++cap) {
        std::vector<char> buf(cap + 1, '#');
        smsgw::writer w(buf.data(), cap);
        const smsgw::result r = b64::decode(text, w);
        CHECK(r == smsgw::fail(errc::buffer_too_small, 21));
        CHECK(buf[cap] == '#');
    }
    // Invalid input beyond what fits is still found.
    char small[3];
    smsgw::writer w(small, sizeof small);
    CHECK(b64::decode("Zm9vYmFyYm!6", w) == smsgw::fail(errc::bad_character, 10));
    smsgw::writer w2(small, sizeof small);
    CHECK(b64::encode(std::string_view("abcd"), w2) == smsgw::fail(errc::buffer_too_small, 8));
    smsgw::writer measure;
    CHECK(b64::decode("Zm9vYmFy", measure) == smsgw::fail(errc::buffer_too_small, 6));
    // A writer that already overflowed stays refused, even for empty input.
    CHECK(b64::decode("", measure) == smsgw::fail(errc::buffer_too_small, 6));
    // Output appended after what the writer already holds.
    char buf[8];
    smsgw::writer w3(buf, sizeof buf);
    w3.write(std::string_view("ab"));
    CHECK(b64::decode("Zm9vYmFy", w3) == smsgw::result{errc{}, 6});
    CHECK(std::string_view(buf, 8) == "abfoobar");
}

TEST_CASE("base64: the bytes decoded before an error stay in the writer") {
    char buf[16];
    smsgw::writer w(buf, sizeof buf);
    CHECK(b64::decode("Zm9vYm!y", w) == smsgw::fail(errc::bad_character, 6));
    CHECK(w.size() == 3);
    CHECK(std::string_view(buf, 3) == "foo");
}

TEST_CASE("base64: encode and decode allocate nothing") {
    std::mt19937 rng(5);
    const std::string data = random_bytes(rng, 1000);
    std::string text(b64::encoded_size(data.size(), {b64::alphabet::url, true, 76}), '\0');
    std::string back(data.size(), '\0');
    smsgw::test::alloc_counter guard;
    smsgw::writer w(text.data(), text.size());
    const bool encoded = b64::encode(data, w, {b64::alphabet::url, true, 76}).ok();
    smsgw::writer w2(back.data(), back.size());
    const bool decoded_ok = b64::decode(text, w2, {b64::alphabet::url, b64::mode::mime}).ok();
    const bool in_place = b64::decode_in_place(text, {b64::alphabet::url, b64::mode::mime}).ok();
    smsgw::writer w3;
    const bool failed = !b64::decode("Zm9v!", w3);
    CHECK(guard.count() == 0);
    CHECK(encoded);
    CHECK(decoded_ok);
    CHECK(in_place);
    CHECK(failed);
    CHECK(back == data);
}

#ifdef SMSGW_HAVE_OPENSSL
TEST_CASE("base64: same bytes as OpenSSL's EVP_EncodeBlock / EVP_DecodeBlock") {
    std::mt19937 rng(11);
    for (std::size_t n = 0; n < 500; n += 1 + n / 10) {
        const std::string data = random_bytes(rng, n);
        std::string theirs(4 * ((n + 2) / 3) + 1, '\0');
        const int len = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(theirs.data()),
                                        reinterpret_cast<const unsigned char*>(data.data()), static_cast<int>(n));
        theirs.resize(static_cast<std::size_t>(len));
        CHECK(encode(data) == theirs);
        std::string back(theirs.size(), '\0');
        const int got = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(back.data()),
                                        reinterpret_cast<const unsigned char*>(theirs.data()), len);
        REQUIRE(got >= 0);
        // EVP_DecodeBlock keeps a zero byte per '=': drop them to compare.
        const std::size_t pads = static_cast<std::size_t>(std::count(theirs.begin(), theirs.end(), '='));
        back.resize(static_cast<std::size_t>(got) - pads);
        CHECK(decode(theirs).bytes == back);
        CHECK(back == data);
    }
}
#else
TEST_CASE("base64: OpenSSL comparison") { WARN("OpenSSL not installed: differential test skipped"); }
#endif

TEST_CASE("base64: forgiving mode skips what mime mode refuses and says where") {
    const b64::decode_options forgiving{b64::alphabet::standard, b64::mode::forgiving};
    b64::repairs fixed;
    const b64::decode_options reporting{b64::alphabet::standard, b64::mode::forgiving, &fixed};

    // What mime mode accepts decodes the same, with nothing to report.
    for (const char* text : {"", "Zm9vYmFy", "Zm9v\r\nYmE=", " Zm 9v Yg ", "Zm9=", "Zm8"}) {
        CAPTURE(text);
        const decoded m = decode(text, std_mime);
        REQUIRE(m.r);
        const decoded f = decode(text, reporting);
        CHECK(f.r == m.r);
        CHECK(f.bytes == m.bytes);
        CHECK(fixed.bad_character == b64::repairs::none);
        CHECK(fixed.inner_padding == b64::repairs::none);
        CHECK(fixed.truncated == b64::repairs::none);
    }

    // Bytes outside the alphabet are skipped; the first is reported.
    decoded d = decode("Zm*9v!YmFy", reporting);
    CHECK(d.r == smsgw::result{errc{}, 6});
    CHECK(d.bytes == "foobar");
    CHECK(fixed.bad_character == 2);
    CHECK(fixed.inner_padding == b64::repairs::none);
    // '=' inside the text ends the quantum in hand, and decoding goes on after its run.
    d = decode("Zm8=\r\n=YmFy", reporting);
    CHECK(d.bytes == "fobar");
    CHECK(fixed.inner_padding == 3);
    d = decode("Zg==Zg==", reporting);
    CHECK(d.bytes == "ff");
    CHECK(fixed.inner_padding == 2);
    d = decode("Zm9v====", reporting);  // padding at the end only: nothing to report
    CHECK(d.bytes == "foo");
    CHECK(fixed.inner_padding == b64::repairs::none);
    // A lone sextet before '=' carries over into the next quantum.
    d = decode("Z=m9v", reporting);
    CHECK(d.bytes == "foo");  // Z + m9v
    CHECK(fixed.inner_padding == 1);
    CHECK(fixed.truncated == b64::repairs::none);
    // A lone last character is dropped and reported at the end, like mime mode's truncated.
    d = decode("Zm9vY", reporting);
    CHECK(d.r == smsgw::result{errc{}, 3});
    CHECK(d.bytes == "foo");
    CHECK(fixed.truncated == 5);
    // Garbage only.
    d = decode("*!?", reporting);
    CHECK(d.r == smsgw::result{errc{}, 0});
    CHECK(fixed.bad_character == 0);
    // The report is optional, and the whole input is still read when the output does not fit.
    char small[2];
    smsgw::writer w(small, sizeof small);
    CHECK(b64::decode("Zm*9vYmFy", w, forgiving) == smsgw::result{errc::buffer_too_small, 6});
    CHECK(std::string_view(small, 2) == "fo");
}
