// Reads arbitrary bytes as JSON in strict and tolerant mode. What parses is re-written in
// canonical form (json::copy), which must parse in strict mode and hold the same tokens;
// every number is read as every integer type and as a double on the way. A json::document
// walked whole, walked in part or not at all must come to what parse() says, error and offset.
// Every kernel of the reader (portable, swar, sse2) must say the same of the text as well.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "smsgw/codec/json_copy.hpp"
#include "smsgw/codec/json_reader.hpp"
#include "smsgw/codec/json_writer.hpp"
#include "json_kernels.hpp"

namespace json = smsgw::codec::json;

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

std::string decoded(const json::value& v) {
    std::string s(v.raw().size(), '\0');
    std::string_view out;
    check(v.get(out, smsgw::mutable_bytes(s)).ok());
    return std::string(out);
}

std::string number_text(const json::value& v) {
    std::string buf(v.raw().size(), '\0');
    std::string_view n;
    check(json::canonical_number(v.raw(), smsgw::mutable_bytes(buf), n).ok());
    return std::string(n);
}

void read_numbers(const json::value& v) {
    std::uint64_t u = 0;
    std::int64_t i = 0;
    std::uint8_t u8 = 0;
    int n = 0;
    double d = 0;
    const smsgw::result ru = v.get(u), ri = v.get(i);
    v.get(u8);
    v.get(n);
    v.get(d);
    if (ru && ri) check(static_cast<std::uint64_t>(i) == u);
}

// Whether `a` (as first read) and `b` (its canonical copy) hold the same tokens.
void same(const json::value& a, const json::value& b) {
    const json::kind ka = a.type();
    const json::kind kb = b.type();
    switch (ka) {
    case json::kind::null:
    case json::kind::boolean:
        check(kb == ka && a.raw() == b.raw());
        break;
    case json::kind::number: {
        check(kb == ka && number_text(a) == b.raw());
        read_numbers(a);
        std::int64_t ia = 0, ib = 0;
        std::uint64_t ua = 0, ub = 0;
        check(a.get(ia).ec == b.get(ib).ec && ia == ib);
        check(a.get(ua).ec == b.get(ub).ec && ua == ub);
        break;
    }
    case json::kind::string:
        read_numbers(a);
        [[fallthrough]];
    case json::kind::bare:
        check(kb == json::kind::string && decoded(a) == decoded(b));
        break;
    case json::kind::array: {
        json::array x, y;
        check(a.get(x).ok() && b.get(y).ok());
        auto i = x.begin(), j = y.begin();
        for (; i != x.end() && j != y.end(); ++i, ++j) same(*i, *j);
        check(i == x.end() && j == y.end());
        break;
    }
    case json::kind::object: {
        json::object x, y;
        check(a.get(x).ok() && b.get(y).ok());
        auto i = x.begin(), j = y.begin();
        for (; i != x.end() && j != y.end(); ++i, ++j) {
            check(decoded(i->key) == decoded(j->key));
            check(i->key_is(decoded(j->key)));
            same(i->value, j->value);
        }
        check(i == x.end() && j == y.end());
        break;
    }
    }
}

// Reads every value the generic way; `budget` members and elements at most when partial.
void walk(const json::value& v, std::size_t& budget) {
    if (budget == 0) return;
    --budget;
    json::object o;
    json::array a;
    if (v.type() == json::kind::object && v.get(o).ok()) {
        for (const json::member& m : o) {
            read_numbers(m.value);
            walk(m.value, budget);
        }
    } else if (v.type() == json::kind::array && v.get(a).ok()) {
        for (const json::value& e : a) walk(e, budget);
    } else {
        read_numbers(v);
        v.raw();
    }
}

void same_as_parse(std::string_view text, json::mode m, const smsgw::result& parsed) {
    for (std::size_t budget : {std::size_t{0}, std::size_t{3}, ~std::size_t{0}}) {
        json::document doc(text, {m, 64});
        walk(doc.root(), budget);
        check(doc.finish() == parsed);
    }
}

void round_trip(std::string_view text, json::mode m) {
    json::value root;
    const smsgw::result r = json::parse(text, root, {m, 64});
    same_as_parse(text, m, r);
    if (!r) {
        check(r.offset <= text.size());
        return;
    }
    check(r.offset == text.size());
    std::string scratch(text.size(), '\0');
    smsgw::writer measure;
    json::writer jm(measure);
    check(json::copy(root, jm, smsgw::mutable_bytes(scratch)).ok());
    std::string out(measure.size(), '\0');
    smsgw::writer w{smsgw::mutable_bytes(out)};
    json::writer j(w);
    check(json::copy(root, j, smsgw::mutable_bytes(scratch)).ok());
    check(j.finish().ok() && w.size() == out.size());
    json::value again;
    check(json::parse(out, again).ok());
    same(root, again);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    json::value root;
    const bool strict_ok = json::parse(text, root, {json::mode::strict, 64}).ok();
    const bool tolerant_ok = json::parse(text, root, {json::mode::tolerant, 64}).ok();
    check(!strict_ok || tolerant_ok);
    check(json_kernels::mismatch(text, false, 128).empty());
    check(json_kernels::mismatch(text, true, 128).empty());
    round_trip(text, json::mode::strict);
    round_trip(text, json::mode::tolerant);
    return 0;
}
