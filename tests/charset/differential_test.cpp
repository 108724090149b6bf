#include "smsgw/charset/convert.hpp"

#include <cstdio>
#include <cstdlib>
#if __has_include(<iconv.h>)
#include <iconv.h>
#endif
#include <sstream>
#include <string>
#include <vector>

#include "charset_test.hpp"
#include "oracle_differences.hpp"

// smsgw::charset against glibc's iconv and Python's codecs over every two-byte sequence, every
// GB18030 four-byte sequence in the ranges and every code point they may map, both directions.
// Where an oracle disagrees with the Standard, the disagreement is counted per kind and
// compared with the checked-in table of oracle_differences.hpp (count, first and last item and
// a hash of them all, with the reason), so that a change on either side is noticed. Set
// SMSGW_PRINT_DIFFERENCES=1 to print the rows this machine finds (and =2 every item).
using namespace charset_test;

namespace {

// An item converted: its output, or refused.
struct verdict {
    bool ok = false;
    std::string out;
    bool operator==(const verdict& o) const { return ok == o.ok && (!ok || out == o.out); }
};

struct items {
    bool decoding = true;
    std::vector<std::string> in;  // decoding: byte sequences; encoding: UTF-8 of one code point
};

items two_byte_sequences(bool four_byte) {
    items it;
    for (unsigned b = 0x80; b <= 0xFF; ++b) it.in.push_back(std::string(1, static_cast<char>(b)));
    for (unsigned lead = 0x81; lead <= 0xFE; ++lead)
        for (unsigned trail = 0x40; trail <= 0xFE; ++trail)
            it.in.push_back(std::string{static_cast<char>(lead), static_cast<char>(trail)});
    if (four_byte) {
        // Pointers of the BMP ranges, the gap's edges, and of U+10000-U+10FFFF every 61st
        // (one formula; index_test checks every one) and plane 2's all.
        auto add = [&](std::uint32_t p) {
            it.in.push_back(std::string{static_cast<char>(p / 12600 + 0x81), static_cast<char>(p % 12600 / 1260 + 0x30),
                                        static_cast<char>(p % 1260 / 10 + 0x81), static_cast<char>(p % 10 + 0x30)});
        };
        for (std::uint32_t p = 0; p <= 39421; ++p) add(p);
        for (std::uint32_t p = 188998; p <= 1237577; ++p)
            if (p <= 189001 || p >= 1237574 || p % 61 == 0 || (p - 189000) >> 16 == 1) add(p);
    }
    return it;
}

// Every code point of the BMP and of plane 2 (where Big5's astral ones are); with `all`, also
// every 61st of the other planes and both ends of each (four-byte GB18030 maps them by one
// formula, which index_test checks for every one).
items code_points(bool all) {
    items it;
    it.decoding = false;
    for (char32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        const char32_t plane = cp >> 16;
        const bool edge = (cp & 0xFFFF) == 0 || (cp & 0xFFFF) == 0xFFFF;
        if (plane == 0 || plane == 2 || (all && (edge || cp % 61 == 0))) it.in.push_back(utf8(cp));
    }
    return it;
}

std::vector<verdict> ours(cs::encoding e, const items& it) {
    std::vector<verdict> v(it.in.size());
    for (std::size_t i = 0; i < it.in.size(); ++i) {
        const converted c = it.decoding ? decode(e, it.in[i]) : encode(e, it.in[i]);
        v[i].ok = c.r.ok();
        if (v[i].ok) v[i].out = c.out;
    }
    return v;
}

std::vector<verdict> glibc(const char* name, const items& it, bool& available) {
    std::vector<verdict> v(it.in.size());
#if !__has_include(<iconv.h>)
    (void)name;
    available = false;
    return v;
#else
    iconv_t cd = it.decoding ? iconv_open("UTF-8", name) : iconv_open(name, "UTF-8");
    available = cd != reinterpret_cast<iconv_t>(-1);
    if (!available) return v;
    char out[64];
    for (std::size_t i = 0; i < it.in.size(); ++i) {
        iconv(cd, nullptr, nullptr, nullptr, nullptr);
        char* in = const_cast<char*>(it.in[i].data());
        std::size_t in_left = it.in[i].size();
        char* o = out;
        std::size_t out_left = sizeof out;
        const std::size_t r = iconv(cd, &in, &in_left, &o, &out_left);
        // Flush: BIG5-HKSCS holds a base letter back until it knows no combining mark follows.
        const std::size_t f = iconv(cd, nullptr, nullptr, &o, &out_left);
        v[i].ok = r != static_cast<std::size_t>(-1) && f != static_cast<std::size_t>(-1) && in_left == 0;
        if (v[i].ok) v[i].out.assign(out, sizeof out - out_left);
    }
    iconv_close(cd);
    return v;
#endif
}

std::string plain_hex(std::string_view s) {
    std::string h = hex(s);
    h.erase(std::remove(h.begin(), h.end(), ' '), h.end());
    return h;
}

char32_t code_point_of(std::string_view s) {
    std::size_t pos = 0;
    char32_t cp = 0;
    smsgw::codec::utf8::next(s, pos, cp);
    return cp;
}

// One Python process for all the jobs of a test.
struct python_jobs {
    std::string input;
    std::vector<std::pair<const items*, std::vector<verdict>*>> jobs;

    void add(const char* codec, const items& it, std::vector<verdict>& out) {
        char cp[16];
        for (const std::string& s : it.in) {
            input += codec;
            if (it.decoding) {
                input += " d " + plain_hex(s) + "\n";
            } else {
                std::snprintf(cp, sizeof cp, "%X", static_cast<unsigned>(code_point_of(s)));
                input += std::string(" e ") + cp + "\n";
            }
        }
        out.assign(it.in.size(), verdict{});
        jobs.emplace_back(&it, &out);
    }

    bool run() {
#ifndef SMSGW_PYTHON3
        return false;
#else
        bool ok = false;
        const std::string command = std::string(SMSGW_PYTHON3) + " " + SMSGW_TEST_DIR + "/charset/codecs_oracle.py";
        std::istringstream lines(smsgw::test::run_command(command, input, ok));
        if (!ok) return false;
        std::string line;
        for (auto& [it, out] : jobs) {
            for (std::size_t i = 0; i < it->in.size(); ++i) {
                if (!std::getline(lines, line)) return false;
                (*out)[i].ok = line != "-";
                if ((*out)[i].ok) (*out)[i].out = bytes(spaced(line));
            }
        }
        return true;
#endif
    }

    static std::string spaced(const std::string& h) {
        std::string s;
        for (std::size_t i = 0; i < h.size(); i += 2) s += h.substr(i, 2) + " ";
        return s;
    }
};

std::string label(const items& it, std::size_t i) {
    if (it.decoding) return hex(it.in[i]);
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(code_point_of(it.in[i])));
    return buf;
}

// The disagreements of one oracle, per kind, as rows of the table.
std::vector<oracle_difference> differences(const char* oracle, const char* charset, const items& it,
                                           const std::vector<verdict>& standard, const std::vector<verdict>& other) {
    const char* kinds[] = {"oracle refuses", "Standard refuses", "both map, differently"};
    std::vector<oracle_difference> rows;
    std::vector<std::string> firsts(3), lasts(3);
    std::size_t counts[3] = {};
    std::uint32_t hashes[3] = {2166136261u, 2166136261u, 2166136261u};
    const bool print_all = std::getenv("SMSGW_PRINT_DIFFERENCES") && std::string(std::getenv("SMSGW_PRINT_DIFFERENCES")) == "2";
    for (std::size_t i = 0; i < it.in.size(); ++i) {
        if (standard[i] == other[i]) continue;
        const std::size_t k = !other[i].ok ? 0 : !standard[i].ok ? 1 : 2;
        const std::string l = label(it, i);
        if (counts[k]++ == 0) firsts[k] = l;
        lasts[k] = l;
        const std::string all = l + "|" + standard[i].out + "|" + other[i].out;
        for (char c : all) hashes[k] = (hashes[k] ^ static_cast<unsigned char>(c)) * 16777619u;
        if (print_all)
            std::printf("%s %s %s: %s standard %s oracle %s\n", oracle, charset, kinds[k], l.c_str(),
                        standard[i].ok ? hex(standard[i].out).c_str() : "-", other[i].ok ? hex(other[i].out).c_str() : "-");
    }
    for (std::size_t k = 0; k < 3; ++k) {
        if (counts[k] == 0) continue;
        rows.push_back({oracle, charset, it.decoding ? "decode" : "encode", kinds[k], counts[k], "", "", hashes[k], ""});
        rows.back().first = firsts[k];
        rows.back().last = lasts[k];
    }
    return rows;
}

// Checks the rows found against the table's rows for (oracle, charset, direction).
void compare(const std::vector<oracle_difference>& found, const char* oracle, const char* charset, bool decoding) {
    const char* direction = decoding ? "decode" : "encode";
    std::vector<oracle_difference> expected;
    for (const oracle_difference& d : oracle_differences)
        if (d.oracle == std::string(oracle) && d.charset == std::string(charset) && d.direction == std::string(direction))
            expected.push_back(d);
    if (std::getenv("SMSGW_PRINT_DIFFERENCES")) {
        for (const oracle_difference& d : found)
            std::printf("    {\"%s\", \"%s\", \"%s\", \"%s\", %zu, \"%s\", \"%s\", 0x%08Xu, \"\"},\n", d.oracle, d.charset,
                        d.direction, d.kind, d.count, d.first.c_str(), d.last.c_str(), static_cast<unsigned>(d.hash));
    }
    INFO(oracle << " " << charset << " " << direction);
    CHECK(found.size() == expected.size());
    for (std::size_t i = 0; i < found.size() && i < expected.size(); ++i) {
        INFO(found[i].kind << ": " << found[i].count << " from " << found[i].first << " to " << found[i].last);
        CHECK(found[i].kind == std::string(expected[i].kind));
        CHECK(found[i].count == expected[i].count);
        CHECK(found[i].first == expected[i].first);
        CHECK(found[i].last == expected[i].last);
        CHECK(found[i].hash == expected[i].hash);
    }
}

struct oracle_case {
    const char* name;  // iconv's name, or Python's codec
    bool python;
};

void differential(cs::encoding e, const char* charset, const items& it, std::initializer_list<oracle_case> oracles) {
    const std::vector<verdict> standard = ours(e, it);
    python_jobs py;
    std::vector<std::vector<verdict>> python_results(oracles.size());
    std::size_t k = 0;
    for (const oracle_case& o : oracles) {
        if (o.python) py.add(o.name, it, python_results[k]);
        ++k;
    }
    const bool have_python = py.jobs.empty() || py.run();
    if (!have_python) WARN("python3 not found or failed: Python codecs not compared");
    k = 0;
    for (const oracle_case& o : oracles) {
        const std::string oracle = std::string(o.python ? "python " : "iconv ") + o.name;
        if (o.python) {
            if (have_python) compare(differences(oracle.c_str(), charset, it, standard, python_results[k]), oracle.c_str(), charset, it.decoding);
        } else {
            bool available = false;
            const std::vector<verdict> v = glibc(o.name, it, available);
            if (!available) {
                WARN("iconv has no " << o.name);
            } else {
                const std::vector<oracle_difference> rows = differences(oracle.c_str(), charset, it, standard, v);
                compare(rows, oracle.c_str(), charset, it.decoding);
            }
        }
        ++k;
    }
}

}  // namespace

TEST_CASE("gbk against glibc's GBK and CP936 and Python's gbk") {
    differential(cs::encoding::gbk, "gbk", two_byte_sequences(false), {{"GBK", false}, {"CP936", false}, {"gbk", true}});
    differential(cs::encoding::gbk, "gbk", code_points(false), {{"GBK", false}, {"CP936", false}, {"gbk", true}});
}

TEST_CASE("gb18030 against glibc's and Python's GB18030") {
    differential(cs::encoding::gb18030, "gb18030", two_byte_sequences(true), {{"GB18030", false}, {"gb18030", true}});
    differential(cs::encoding::gb18030, "gb18030", code_points(true), {{"GB18030", false}, {"gb18030", true}});
}

TEST_CASE("big5 against glibc's BIG5, CP950, BIG5-HKSCS and Python's big5, cp950, big5hkscs") {
    const std::initializer_list<oracle_case> oracles = {{"BIG5", false},  {"CP950", false}, {"BIG5-HKSCS", false},
                                                        {"big5", true},   {"cp950", true},  {"big5hkscs", true}};
    differential(cs::encoding::big5, "big5", two_byte_sequences(false), oracles);
    differential(cs::encoding::big5, "big5", code_points(false), oracles);
}

TEST_CASE("windows-1252 against glibc's WINDOWS-1252 and Python's cp1252") {
    items bytes_80_ff;
    for (unsigned b = 0x80; b <= 0xFF; ++b) bytes_80_ff.in.push_back(std::string(1, static_cast<char>(b)));
    items bmp;
    bmp.decoding = false;
    for (char32_t cp = 0x80; cp <= 0xFFFF; ++cp)
        if (cp < 0xD800 || cp > 0xDFFF) bmp.in.push_back(utf8(cp));
    differential(cs::encoding::windows_1252, "windows-1252", bytes_80_ff, {{"WINDOWS-1252", false}, {"cp1252", true}});
    differential(cs::encoding::windows_1252, "windows-1252", bmp, {{"WINDOWS-1252", false}, {"cp1252", true}});
}
