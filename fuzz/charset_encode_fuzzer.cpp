// Charset encoders: the first byte picks the encoding, the rest is the UTF-8 text. Valid text
// that strict encoding accepts decodes back to itself (but for the 18 PUA code points the
// gb18030 encoder writes as two bytes that decode to other code points); no encoding writes
// past max_encoded_size(); tolerant encoding always succeeds and its output decodes; a refusal
// points at a code point the encoding lacks or at ill-formed UTF-8; the stream cut anywhere
// gives the same bytes.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include "smsgw/charset.hpp"

namespace cs = smsgw::charset;

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

// memcmp for n bytes, where an empty vector's data() may be null.
bool same(const void* a, const void* b, std::size_t n) { return n == 0 || std::memcmp(a, b, n) == 0; }

constexpr unsigned char guard = 0x5A;

std::vector<unsigned char> encode_checked(cs::encoding e, std::string_view in, const cs::encode_options& o,
                                          cs::outcome& r) {
    const std::size_t bound = cs::max_encoded_size(e, in.size(), o);
    std::vector<unsigned char> out(bound + 8, guard);
    smsgw::writer w(smsgw::mutable_bytes(out.data(), bound));
    r = cs::encode(e, in, w, o);
    check(w.size() <= bound && r.ec != smsgw::errc::buffer_too_small);
    for (std::size_t i = bound; i < out.size(); ++i) check(out[i] == guard);
    check(cs::encoded_size(e, in, o) == w.size());
    out.resize(w.size());
    return out;
}

// The GB18030-2022 code points the gb18030 and gbk encoders write as bytes of others.
bool one_way(char32_t cp) {
    return (cp >= 0xE78D && cp <= 0xE796) || cp == 0xE81E || cp == 0xE826 || cp == 0xE82B || cp == 0xE82C ||
           cp == 0xE832 || cp == 0xE843 || cp == 0xE854 || cp == 0xE864;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto e = static_cast<cs::encoding>(data[0] % 5);
    const std::string_view in(reinterpret_cast<const char*>(data + 1), size - 1);
    const bool valid = smsgw::codec::utf8::validate(in).ok();

    cs::outcome strict;
    const std::vector<unsigned char> bytes = encode_checked(e, in, {}, strict);
    if (strict.ok()) {
        check(valid);
        bool round_trips = true;
        std::size_t pos = 0;
        char32_t cp = 0;
        while (pos < in.size() && smsgw::codec::utf8::next(in, pos, cp).ok()) round_trips = round_trips && !one_way(cp);
        // decode(encode(x)) == x
        std::vector<unsigned char> back(cs::max_decoded_size(bytes.size()));
        smsgw::writer w(smsgw::mutable_bytes(back.data(), back.size()));
        const cs::outcome d = cs::decode(e, smsgw::bytes(bytes.data(), bytes.size()), w);
        check(d.ok());
        if (round_trips) check(w.size() == in.size() && same(back.data(), in.data(), in.size()));
    } else {
        check(strict.offset < in.size());
        check(strict.ec == (valid ? smsgw::errc::unmappable : strict.ec));
        check(strict.ec == smsgw::errc::unmappable || strict.ec == smsgw::errc::invalid_utf8);
        if (strict.ec == smsgw::errc::unmappable) {
            std::size_t pos = strict.offset;
            char32_t cp = 0;
            check(smsgw::codec::utf8::next(in, pos, cp).ok() && cp == strict.code_point);
        }
    }

    cs::encode_options tolerant;
    tolerant.m = smsgw::mode::tolerant;
    tolerant.substitute = size > 1 && data[1] % 2 ? "?" : "<unmappable>";
    tolerant.html = size > 1 && data[1] % 3 == 0;
    cs::outcome t;
    const std::vector<unsigned char> tolerant_bytes = encode_checked(e, in, tolerant, t);
    check(t.ok() && (t.replaced == 0) == strict.ok());
    {
        smsgw::writer measure;
        const cs::outcome d = cs::decode(e, smsgw::bytes(tolerant_bytes.data(), tolerant_bytes.size()), measure);
        check(d.ok() || d.ec == smsgw::errc::buffer_too_small);
    }

    // The stream cut at a place the input chooses.
    const std::size_t a = size > 2 ? data[2] % (in.size() + 1) : 0;
    cs::encoder en(e, tolerant);
    std::vector<unsigned char> out(cs::max_encoded_size(e, in.size(), tolerant) + 16);
    smsgw::writer w(smsgw::mutable_bytes(out.data(), out.size()));
    check(en.encode(in.substr(0, a), w).ok() && en.encode(in.substr(a), w).ok() && en.finish(w).ok());
    check(w.size() == tolerant_bytes.size() && same(out.data(), tolerant_bytes.data(), w.size()));
    return 0;
}
