#pragma once

// Helpers of the charset tests: conversions into std::string, hex views and the WHATWG index
// files read at test time.
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>

#include "smsgw/charset.hpp"
#include "test.hpp"

namespace charset_test {

namespace cs = smsgw::charset;
using smsgw::errc;
using smsgw::mode;

// The output and the outcome of one conversion into a buffer of the announced worst case.
struct converted {
    std::string out;
    cs::outcome r;
};

inline converted decode(cs::encoding e, std::string_view in, mode m = mode::strict) {
    converted c;
    c.out.assign(cs::max_decoded_size(in.size()), '\0');
    smsgw::writer w(c.out.data(), c.out.size());
    c.r = cs::decode(e, in, w, m);
    c.out.resize(w.size() < c.out.size() ? w.size() : c.out.size());
    return c;
}

inline converted encode(cs::encoding e, std::string_view in, const cs::encode_options& o = {}) {
    converted c;
    c.out.assign(cs::max_encoded_size(e, in.size(), o), '\0');
    smsgw::writer w(c.out.data(), c.out.size());
    c.r = cs::encode(e, in, w, o);
    c.out.resize(w.size() < c.out.size() ? w.size() : c.out.size());
    return c;
}

inline cs::encode_options tolerant(std::string_view substitute = "?") {
    cs::encode_options o;
    o.m = mode::tolerant;
    o.substitute = substitute;
    return o;
}

inline std::string hex(std::string_view s) {
    static const char digits[] = "0123456789abcdef";
    std::string out;
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (!out.empty()) out.push_back(' ');
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0xF]);
    }
    return out;
}

// "xx xx ..." to bytes.
inline std::string bytes(std::string_view h) {
    std::string out;
    for (std::size_t i = 0; i + 1 < h.size(); i += 3)
        out.push_back(static_cast<char>(std::stoi(std::string(h.substr(i, 2)), nullptr, 16)));
    return out;
}

inline std::string utf8(char32_t cp) {
    std::string out(4, '\0');
    smsgw::writer w(out.data(), out.size());
    smsgw::codec::utf8::put(cp, w);
    out.resize(w.size());
    return out;
}

// "" when a == b, else where they first differ with a few bytes of each in hex: what a CHECK
// shows instead of two strings of megabytes.
inline std::string difference(std::string_view a, std::string_view b) {
    if (a == b) return {};
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    const std::size_t from = i < 8 ? 0 : i - 8;
    return "differ at " + std::to_string(i) + " (sizes " + std::to_string(a.size()) + ", " + std::to_string(b.size()) +
           "): " + hex(a.substr(from, 24)) + " | " + hex(b.substr(from, 24));
}

// pointer -> code point of an index file of ../shared/corpora/whatwg-encoding/, empty when
// the folder is not there.
inline std::map<std::uint32_t, char32_t> read_index(const std::string& name) {
    std::map<std::uint32_t, char32_t> index;
    const std::string dir = smsgw::test::shared_dir();
    if (dir.empty()) return index;
    std::ifstream in(dir + "/corpora/whatwg-encoding/" + name);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::uint32_t pointer = 0;
        std::string cp;
        fields >> pointer >> cp;
        index[pointer] = static_cast<char32_t>(std::stoul(cp, nullptr, 16));
    }
    return index;
}

}  // namespace charset_test
