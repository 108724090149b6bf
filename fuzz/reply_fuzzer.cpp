// Line and prefix replies: the line range's invariants on arbitrary bytes (every byte is a line's
// text, a line end, the BOM or a trailing line end), the shape decoder in both modes and for each
// documented line end (what strict accepts, tolerant accepts the same way, and it comes back
// through the builder), the prefix decoder against two lists, and the builders on lines cut from
// the input at NUL bytes (a refusal is at the byte it names).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/codec/line_reply.hpp"
#include "smsgw/codec/prefix_reply.hpp"

namespace {

namespace lines = smsgw::codec::lines;
namespace prefix = smsgw::codec::prefix;
using smsgw::errc;
using smsgw::mode;

void check(bool ok) {
    if (!ok) std::abort();
}

bool is_break(char c) { return c == '\n' || c == '\r'; }

std::size_t end_size(lines::terminator t) {
    switch (t) {
    case lines::terminator::none: return 0;
    case lines::terminator::crlf: return 2;
    default: return 1;
    }
}

std::vector<lines::line> walk(std::string_view in, lines::blank_lines b) {
    const lines::range r(in, b);
    std::vector<lines::line> out;
    std::size_t at = r.content_begin();  // where the next line may start
    for (const lines::line& l : r) {
        check(l.text.data() == in.data() + l.offset && l.offset + l.text.size() <= in.size());
        check(l.offset >= at && l.offset < r.content_end());
        for (std::size_t k = at; k < l.offset; ++k) check(is_break(in[k]));  // only skipped blank lines between
        for (char c : l.text) check(!is_break(c));
        const std::size_t e = l.offset + l.text.size();
        switch (l.end) {
        case lines::terminator::none: check(e == in.size()); break;
        case lines::terminator::lf: check(in[e] == '\n'); break;
        case lines::terminator::crlf: check(in[e] == '\r' && in[e + 1] == '\n'); break;
        case lines::terminator::cr: check(in[e] == '\r' && (e + 1 == in.size() || in[e + 1] != '\n')); break;
        }
        if (b == lines::blank_lines::skip) check(!l.text.empty());
        at = e + end_size(l.end);
        out.push_back(l);
    }
    for (std::size_t k = at; k < in.size(); ++k) check(is_break(in[k]));
    check(r.empty() == out.empty());
    return out;
}

void range_invariants(std::string_view in) {
    const std::vector<lines::line> kept = walk(in, lines::blank_lines::keep);
    const std::vector<lines::line> skipped = walk(in, lines::blank_lines::skip);
    std::size_t j = 0;
    for (const lines::line& l : kept) {
        if (l.text.empty()) continue;
        check(j < skipped.size() && skipped[j].offset == l.offset && skipped[j].text == l.text && skipped[j].end == l.end);
        ++j;
    }
    check(j == skipped.size());
}

constexpr lines::part batch_send[] = {{"resptime,respstatus"}, {"msgid", lines::occurs::optional}};
constexpr lines::part query_balance[] = {{"resptime,respstatus"}, {"product,balance", lines::occurs::zero_or_more}};
constexpr lines::part at_least_two[] = {{"head"}, {"rows", lines::occurs::one_or_more}};

template <std::size_t N>
std::vector<std::string_view> texts_of(const lines::reply<N>& r) {
    std::vector<std::string_view> out;
    for (const lines::part_lines& p : r.parts) {
        std::size_t n = 0;
        for (const lines::line& l : p.all) {
            check(n != 0 || (l.offset == p.first.offset && l.text == p.first.text));
            out.push_back(l.text);
            ++n;
        }
        check(n == p.count);
    }
    return out;
}

template <std::size_t N>
void shape(std::string_view in, const lines::part (&s)[N]) {
    for (auto e : {lines::ending::lf, lines::ending::crlf, lines::ending::any}) {
        lines::reply<N> strict;
        const smsgw::result rs = lines::decode(in, s, strict, {mode::strict, e});
        lines::reply<N> tolerant;
        const smsgw::result rt = lines::decode(in, s, tolerant, {mode::tolerant, e});
        for (const smsgw::result& r : {rs, rt}) {
            check(r.offset <= in.size());
            if (r.ok()) check(r.offset == in.size());
            if (r.ec == errc::missing_field) check(r.offset == in.size() && r.field != nullptr);
        }
        check(rt.ok() || rt.ec == errc::missing_field);
        if (!rs.ok()) {
            check(rs.ec == errc::missing_field || rs.ec == errc::trailing_bytes || rs.ec == errc::empty_field ||
                  rs.ec == errc::bad_character || rs.ec == errc::bare_line_feed);
            if (rs.ec == errc::bad_character) check(in[rs.offset] == '\r');
            if (rs.ec == errc::bare_line_feed) check(in[rs.offset] == '\n' && e == lines::ending::crlf);
            if (rs.ec == errc::empty_field) check(is_break(in[rs.offset]));
            continue;
        }
        // What strict accepts, tolerant accepts the same way.
        check(rt.ok());
        const std::vector<std::string_view> got = texts_of(strict);
        check(got == texts_of(tolerant));
        check(strict.extra.empty() && tolerant.extra.empty());
        // Round trip: the builder writes what decodes to the same lines.
        const lines::ending w = e == lines::ending::any ? lines::ending::lf : e;
        if (!got.empty() && got[0].substr(0, 3) == lines::utf8_bom) {
            // A first line that begins with a second BOM would lose it when read back: refused.
            smsgw::writer measure;
            check(lines::write(got, measure, w) == smsgw::fail(errc::bad_character, 0));
            continue;
        }
        smsgw::writer measure;
        lines::write(got, measure, w);
        std::string text(measure.size(), '\0');
        smsgw::writer out(text.data(), text.size());
        check(lines::write(got, out, w) == smsgw::result{errc{}, text.size()});
        lines::reply<N> again;
        check(lines::decode(text, s, again, {mode::strict, e}) == smsgw::result{errc{}, text.size()});
        check(texts_of(again) == got);
        for (std::size_t k = 0; k < N; ++k) check(again.parts[k].count == strict.parts[k].count);
    }
}

void prefixes(std::string_view in, smsgw::span<const std::string_view> list) {
    prefix::reply strict;
    const smsgw::result rs = prefix::decode(in, list, strict, mode::strict);
    prefix::reply tolerant;
    const smsgw::result rt = prefix::decode(in, list, tolerant, mode::tolerant);
    for (const smsgw::result& r : {rs, rt}) {
        check(r.offset <= in.size());
        check(r.ok() ? r.offset == in.size() : r.ec == errc::bad_response || r.ec == errc::trailing_bytes);
    }
    if (rs.ec == errc::trailing_bytes) check(is_break(in[rs.offset]));
    check(rt.ec != errc::trailing_bytes);
    if (rt.ok()) {
        check(tolerant.which < list.size());
        check(smsgw::codec::ascii::iequals(tolerant.prefix, list[tolerant.which]));
        check(tolerant.text.data() == in.data() + tolerant.text_offset);
        check(in[tolerant.text_offset - 1] == ':');
    }
    if (!rs.ok()) return;
    check(rt.ok() && tolerant.which == strict.which && tolerant.text_offset == strict.text_offset &&
          tolerant.text == strict.text && tolerant.prefix.data() == strict.prefix.data());
    for (char c : strict.text) check(!is_break(c));
    // Round trip: written with the lower-case prefix, read back the same.
    const std::size_t n = smsgw::encoded_size(strict);
    std::string text(n, '\0');
    check(smsgw::encode(strict, smsgw::mutable_bytes(text)) == smsgw::result{errc{}, n});
    for (std::size_t k = 0; k < strict.prefix.size(); ++k) {
        check(text[k] == smsgw::codec::ascii::to_lower(strict.prefix[k]));
    }
    prefix::reply again;
    check(prefix::decode(text, list, again, mode::strict) == smsgw::result{errc{}, n});
    check(again.which == strict.which && again.text == strict.text);
}

// The input cut at NUL bytes into lines for the builder: it refuses exactly at the first CR or
// LF inside a line, at an empty line, or at a first line beginning with a BOM; what it writes
// decodes back to the same lines.
void builder(std::string_view in) {
    std::vector<std::string_view> ls;
    for (std::size_t from = 0;;) {
        const std::size_t nul = in.find('\0', from);
        ls.push_back(in.substr(from, nul == std::string_view::npos ? std::string_view::npos : nul - from));
        if (nul == std::string_view::npos) break;
        from = nul + 1;
    }
    for (auto e : {lines::ending::lf, lines::ending::crlf}) {
        const std::size_t sep = e == lines::ending::crlf ? 2 : 1;
        smsgw::result expected{};
        std::size_t at = 0;
        for (std::size_t k = 0; k < ls.size() && expected.ok(); ++k) {
            if (k != 0) at += sep;
            for (std::size_t i = 0; i < ls[k].size(); ++i) {
                if (is_break(ls[k][i])) {
                    expected = smsgw::fail(errc::bad_character, at + i);
                    break;
                }
            }
            if (!expected.ok()) break;
            if (ls[k].empty()) expected = smsgw::fail(errc::empty_field, at);
            else if (k == 0 && ls[k].substr(0, 3) == lines::utf8_bom) expected = smsgw::fail(errc::bad_character, 0);
            at += ls[k].size();
        }
        std::string text(in.size() * 2 + 2, '\0');
        smsgw::writer w(text.data(), text.size());
        const smsgw::result r = lines::write(ls, w, e);
        if (!expected.ok()) {
            check(r == expected);
            continue;
        }
        check(r == smsgw::result{errc{}, at});
        text.resize(at);
        const std::vector<lines::line> back = walk(text, lines::blank_lines::keep);
        check(back.size() == ls.size());
        for (std::size_t k = 0; k < back.size(); ++k) check(back[k].text == ls[k]);
    }
}

constexpr std::string_view fivec[] = {"success", "error"};
constexpr std::string_view nested[] = {"err", "error", "errors", "E"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    range_invariants(in);
    shape(in, batch_send);
    shape(in, query_balance);
    shape(in, at_least_two);
    prefixes(in, fivec);
    prefixes(in, nested);
    builder(in);
    return 0;
}
