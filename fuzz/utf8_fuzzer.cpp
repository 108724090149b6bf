// UTF-8 validation against a reference decoder written another way (leading-one count, then
// range checks on the assembled value), and round trips UTF-8 -> UTF-16BE -> UTF-8.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include "smsgw/codec/utf8.hpp"

namespace utf8 = smsgw::codec::utf8;

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

// Decodes the sequence at s[i]: its length, or 0 when ill-formed (RFC 3629 §3: no overlongs,
// no surrogates, nothing above U+10FFFF).
std::size_t reference_decode(std::string_view s, std::size_t i, char32_t& cp) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    while (len < 8 && (lead & (0x80u >> len)) != 0) ++len;
    if (len == 0) {
        cp = lead;
        return 1;
    }
    if (len < 2 || len > 4 || i + len > s.size()) return 0;
    char32_t v = lead & (0x7Fu >> len);
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b >> 6) != 2) return 0;
        v = (v << 6) | (b & 0x3Fu);
    }
    const char32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < min[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    cp = v;
    return len;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view s(reinterpret_cast<const char*>(data), size);

    // The reference's verdict: the code points and where the first bad sequence starts.
    std::vector<char32_t> cps;
    std::size_t bad = size;
    for (std::size_t i = 0; i < size;) {
        char32_t cp = 0;
        const std::size_t n = reference_decode(s, i, cp);
        if (n == 0) {
            bad = i;
            break;
        }
        cps.push_back(cp);
        i += n;
    }

    const smsgw::result v = utf8::validate(s);
    if (bad == size) {
        check(v.ok() && v.offset == size);
    } else {
        check(v.ec == smsgw::errc::invalid_utf8 && v.offset == bad);
        check(utf8::validate(s.substr(0, bad)).ok());
    }

    std::size_t chars = 0;
    const smsgw::result c = utf8::count(s, chars);
    check(c.ec == v.ec && c.offset == v.offset && chars == cps.size());

    // next() yields the same code points and stops where validate() does.
    std::size_t pos = 0;
    for (char32_t expect : cps) {
        char32_t cp = 0;
        check(utf8::next(s, pos, cp).ok() && cp == expect);
    }
    if (bad != size) {
        char32_t cp = 0;
        const smsgw::result r = utf8::next(s, pos, cp);
        check(r.ec == smsgw::errc::invalid_utf8 && pos == bad);
    }

    // fit() never exceeds the budget, and on valid text keeps whole characters.
    for (std::size_t budget : {std::size_t{0}, size / 3, size / 2, size != 0 ? size - 1 : 0, size + 1}) {
        const std::size_t n = utf8::fit(s, budget);
        check(n <= budget && n <= size);
        if (bad == size) check(utf8::validate(s.substr(0, n)).ok() && (n == size || budget - n < 4));
    }

    if (bad == size) {
        // put() re-encodes every code point to the same bytes.
        std::vector<unsigned char> again(size + 1);
        smsgw::writer w(smsgw::mutable_bytes(again.data(), again.size()));
        for (char32_t cp : cps) utf8::put(cp, w);
        check(w.size() == size && std::memcmp(again.data(), data, size) == 0);

        // UTF-8 -> UTF-16BE into an exact buffer -> UTF-8 again.
        const std::size_t n16 = utf8::utf16_size(s);
        std::vector<unsigned char> u16(n16 + 1, 0xAA);
        smsgw::writer w16(smsgw::mutable_bytes(u16.data(), n16));
        const smsgw::result r16 = utf8::to_utf16be(s, w16);
        check(r16.ok() && r16.offset == n16 && u16[n16] == 0xAA);
        std::vector<unsigned char> back(size + 1);
        smsgw::writer w8(smsgw::mutable_bytes(back.data(), size));
        const smsgw::result r8 = utf8::from_utf16be(smsgw::bytes(u16.data(), n16), w8);
        check(r8.ok() && r8.offset == size && std::memcmp(back.data(), data, size) == 0);
    } else {
        smsgw::writer measure;
        check(utf8::to_utf16be(s, measure).offset == bad);
    }

    // The input read as UTF-16BE: refused at a surrogate or odd byte, or it converts to valid
    // UTF-8 that converts back to the same bytes.
    smsgw::writer measure;
    const smsgw::result m = utf8::from_utf16be(smsgw::bytes(data, size), measure);
    if (m.ec == smsgw::errc::buffer_too_small || m.ok()) {
        std::vector<unsigned char> text(measure.size() + 1);
        smsgw::writer w(smsgw::mutable_bytes(text.data(), measure.size()));
        check(utf8::from_utf16be(smsgw::bytes(data, size), w).ok());
        const std::string_view t(reinterpret_cast<const char*>(text.data()), measure.size());
        check(utf8::validate(t).ok() && utf8::utf16_size(t) == size);
        std::vector<unsigned char> round(size + 1);
        smsgw::writer wr(smsgw::mutable_bytes(round.data(), size));
        check(utf8::to_utf16be(t, wr).ok() && std::memcmp(round.data(), data, size) == 0);
    } else {
        check(m.ec == smsgw::errc::invalid_utf16 || m.ec == smsgw::errc::truncated);
        check(m.offset < size);
    }
    return 0;
}
