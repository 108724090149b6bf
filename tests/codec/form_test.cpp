#include "smsgw/codec/form.hpp"

#include <iterator>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "test.hpp"

namespace form = smsgw::codec::form;
using smsgw::errc;

namespace {

using pair = std::tuple<std::string, std::string, std::size_t>;

std::vector<pair> raw_fields(std::string_view body) {
    std::vector<pair> out;
    for (const form::field& f : form::fields(body)) out.emplace_back(f.name, f.value, f.offset);
    return out;
}

std::string decoded(smsgw::result (*part)(const form::field&, smsgw::writer&), const form::field& f) {
    std::string out(f.name.size() + f.value.size(), '\0');
    smsgw::writer w(out.data(), out.size());
    const smsgw::result r = part(f, w);
    REQUIRE(r);
    out.resize(r.offset);
    return out;
}

std::string build(const std::vector<std::pair<std::string, std::string>>& pairs) {
    smsgw::writer measure;
    form::builder m(measure);
    for (const auto& [name, value] : pairs) m.add(name, value);
    std::string out(measure.size(), '\0');
    smsgw::writer w(out.data(), out.size());
    form::builder b(w);
    for (const auto& [name, value] : pairs) b.add(name, value);
    const smsgw::result r = b.finish();
    REQUIRE(r);
    REQUIRE(r.offset == out.size());
    return out;
}

}  // namespace

TEST_CASE("form: pairs with their offsets, empty pairs skipped") {
    CHECK(raw_fields("a=1&b=2&&c&d=x=y&") ==
          std::vector<pair>{{"a", "1", 0}, {"b", "2", 4}, {"c", "", 9}, {"d", "x=y", 11}});
    CHECK(raw_fields("").empty());
    CHECK(raw_fields("&&&").empty());
    CHECK(raw_fields("=") == std::vector<pair>{{"", "", 0}});
    CHECK(raw_fields("&=v&k=") == std::vector<pair>{{"", "v", 1}, {"k", "", 4}});
    // The IMSP send_mms request shape (imsp-mms-gateway.txt §3.2).
    CHECK(raw_fields("username=test&password=pw%26&dest_num=0912345678") ==
          std::vector<pair>{{"username", "test", 0}, {"password", "pw%26", 14}, {"dest_num", "0912345678", 29}});

    const form::fields f("x=1&y=2&z=3");
    CHECK(std::distance(f.begin(), f.end()) == 3);
    auto it = f.begin();
    const auto first = it++;
    CHECK(first->name == "x");
    CHECK(it->name == "y");
    CHECK((++it)->name == "z");
    CHECK(++it == f.end());
    CHECK(form::fields("").begin() == form::fields("").end());
}

TEST_CASE("form: names and values decode into the caller's buffer") {
    const form::fields f("subject=%E9%96%83%E5%85%89+1&na+me=a%2Bb%3Dc");
    auto it = f.begin();
    CHECK(decoded(form::decode_name, *it) == "subject");
    CHECK(decoded(form::decode_value, *it) == "\xe9\x96\x83\xe5\x85\x89 1");
    ++it;
    CHECK(decoded(form::decode_name, *it) == "na me");
    CHECK(decoded(form::decode_value, *it) == "a+b=c");

    char small[2];
    smsgw::writer w(small, sizeof small);
    CHECK(form::decode_value(*it, w) == smsgw::fail(errc::buffer_too_small, 5));
}

TEST_CASE("form: a bad escape is reported at its offset in the body") {
    const std::string_view body = "ok=1&na%zme=v%4";
    const form::fields f(body);
    auto it = std::next(f.begin());
    smsgw::writer measure;
    CHECK(form::decode_name(*it, measure) == smsgw::fail(errc::bad_escape, 7));
    CHECK(body[7] == '%');
    CHECK(form::decode_value(*it, measure) == smsgw::fail(errc::bad_escape, 13));
    CHECK(body[13] == '%');
    CHECK(f.validate() == smsgw::fail(errc::bad_escape, 7));
    CHECK(form::fields("a=1&b=%").validate() == smsgw::fail(errc::bad_escape, 6));
    CHECK(form::fields("a=1&b=%41").validate() == smsgw::result{errc{}, 9});
    CHECK(form::fields("").validate() == smsgw::result{errc{}, 0});
}

TEST_CASE("form: find by decoded name") {
    const form::fields f("a=1&na+me=2&%61b=3&a=4&c");
    REQUIRE(f.find("a"));
    CHECK(f.find("a")->value == "1");
    CHECK(f.find("a")->offset == 0);
    CHECK(f.find("na me")->value == "2");
    CHECK(f.find("ab")->value == "3");
    CHECK(f.find("c")->value.empty());
    CHECK_FALSE(f.find("na+me"));
    CHECK_FALSE(f.find("b"));
    CHECK_FALSE(f.find(""));
    CHECK_FALSE(f.find("n"));
    CHECK_FALSE(form::fields("a%zz=1").find("a%zz"));
    CHECK_FALSE(form::fields("a%4=1").find("a"));
    CHECK(form::fields("=x").find("")->value == "x");
}

TEST_CASE("form: the pair at an offset, as a decoder's error gives it") {
    const form::fields f("a=1&&na+me=2&c");
    REQUIRE(f.at_offset(5));
    CHECK(f.at_offset(5)->name == "na+me");  // as the body wrote it
    CHECK(f.at_offset(5)->value == "2");
    CHECK(f.at_offset(0)->name == "a");
    CHECK(f.at_offset(13)->name == "c");
    CHECK_FALSE(f.at_offset(1));   // inside a pair
    CHECK_FALSE(f.at_offset(4));   // an empty pair is no pair
    CHECK_FALSE(f.at_offset(14));  // past the end
}

TEST_CASE("form: builder encodes both sides, '&' between pairs") {
    const std::string bin("\x00\xff\x20*~", 5);
    CHECK(build({{"username", "test"}, {"subject", "\xe9\x96\x83 1"}, {"bin", bin}, {"a&b", "c=d"}}) ==
          "username=test&subject=%E9%96%83+1&bin=%00%FF+*%7E&a%26b=c%3Dd");
    CHECK(build({}).empty());
    CHECK(build({{"", ""}}) == "=");

    char buf[10];
    smsgw::writer w(buf, sizeof buf);
    form::builder b(w);
    b.add("name", "value").add("x", "y z");
    CHECK(b.finish() == smsgw::fail(errc::buffer_too_small, 16));

    char exact[16];
    smsgw::writer w2(exact, sizeof exact);
    CHECK(form::builder(w2).add("name", "value").add("x", "y z").finish() == smsgw::result{errc{}, 16});
    CHECK(std::string_view(exact, 16) == "name=value&x=y+z");
}

TEST_CASE("form: built bodies parse back, random binary values") {
    std::mt19937 rng(13);
    std::vector<std::pair<std::string, std::string>> pairs;
    for (int k = 0; k < 40; ++k) {
        std::string name(static_cast<std::size_t>(rng() % 6), '\0');
        std::string value(static_cast<std::size_t>(rng() % 60), '\0');
        for (char& c : name) c = static_cast<char>(rng() & 0xFF);
        for (char& c : value) c = static_cast<char>(rng() & 0xFF);
        pairs.emplace_back(name, value);
    }
    const std::string body = build(pairs);
    const form::fields f(body);
    REQUIRE(f.validate());
    std::size_t k = 0;
    for (const form::field& field : f) {
        REQUIRE(k < pairs.size());
        CHECK(decoded(form::decode_name, field) == pairs[k].first);
        CHECK(decoded(form::decode_value, field) == pairs[k].second);
        ++k;
    }
    CHECK(k == pairs.size());
}

TEST_CASE("form: iteration, lookup, decoding and building allocate nothing") {
    const std::string body = "username=test&password=p%40ss&subject=%E9%96%83&dest=0912345678";
    char out[64];
    char built[128];
    smsgw::test::alloc_counter guard;
    const form::fields f(body);
    std::size_t count = 0;
    for (const form::field& field : f) count += field.name.size();
    const auto found = f.find("password");
    smsgw::writer w(out, sizeof out);
    const bool value_ok = found && form::decode_value(*found, w).ok();
    const bool valid = f.validate().ok();
    smsgw::writer w2(built, sizeof built);
    const bool built_ok = form::builder(w2).add("a b", "\xe9\x96\x83").add("c", body).finish().ok();
    CHECK(guard.count() == 0);
    CHECK(count == 8 + 8 + 7 + 4);
    CHECK(value_ok);
    CHECK(std::string_view(out, w.size()) == "p@ss");
    CHECK(valid);
    CHECK(built_ok);
}

#ifdef SMSGW_PYTHON3
TEST_CASE("form: pairs agree with Python's urllib.parse.parse_qsl") {
    // Random bodies over a small alphabet that makes empty pairs, repeated '=', '+' and escapes
    // likely; the ones our decoder accepts must split and decode as parse_qsl() does them.
    std::mt19937 rng(5);
    const char alphabet[] = "xy=&&+%4120";
    std::vector<std::string> bodies;
    std::string input;
    while (bodies.size() < 300) {
        std::string body(static_cast<std::size_t>(rng() % 24), '\0');
        for (char& c : body) c = alphabet[rng() % (sizeof alphabet - 1)];
        if (!form::fields(body).validate()) continue;
        bodies.push_back(body);
        input += body + "\n";
    }
    const std::string script =
        "import sys, urllib.parse as u\n"
        "for body in sys.stdin.read().split('\\n')[:-1]:\n"
        "    print('|'.join(n + '=' + v for n, v in u.parse_qsl(body, keep_blank_values=True, encoding='latin-1')))\n";
    bool ok = false;
    const std::string out = smsgw::test::run_command(std::string(SMSGW_PYTHON3) + " -c \"" + script + "\"", input, ok);
    REQUIRE(ok);
    std::size_t line_start = 0;
    for (const std::string& body : bodies) {
        const std::size_t nl = out.find('\n', line_start);
        REQUIRE(nl != std::string::npos);
        const std::string theirs = out.substr(line_start, nl - line_start);
        line_start = nl + 1;
        std::string ours;
        for (const form::field& f : form::fields(body)) {
            if (!ours.empty()) ours += '|';
            ours += decoded(form::decode_name, f) + "=" + decoded(form::decode_value, f);
        }
        CAPTURE(body);
        CHECK(ours == theirs);
    }
}
#else
TEST_CASE("form: Python comparison") { WARN("python3 not found: differential test skipped"); }
#endif
