// Charset decoders: the first byte picks the encoding and the mode, the rest is decoded. The
// output never passes the size max_decoded_size() announced (guard bytes stay untouched), a
// measuring writer gives the same size, tolerant output is well-formed UTF-8, a strict refusal
// leaves a prefix that decodes cleanly, and the stream cut anywhere gives the same bytes.
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

constexpr unsigned char guard = 0xA5;

// Decodes into a buffer of exactly the announced worst case followed by guard bytes.
std::vector<unsigned char> decode_checked(cs::encoding e, smsgw::bytes in, smsgw::mode m, cs::outcome& r) {
    const std::size_t bound = cs::max_decoded_size(in.size());
    std::vector<unsigned char> out(bound + 8, guard);
    smsgw::writer w(smsgw::mutable_bytes(out.data(), bound));
    r = cs::decode(e, in, w, m);
    check(w.size() <= bound && r.ec != smsgw::errc::buffer_too_small);
    for (std::size_t i = bound; i < out.size(); ++i) check(out[i] == guard);
    smsgw::writer measure;
    const cs::outcome again = cs::decode(e, in, measure, m);
    // A writer without a buffer only measures: buffer_too_small unless nothing is written.
    const smsgw::errc expect = r.ok() && w.size() != 0 ? smsgw::errc::buffer_too_small : r.ec;
    check(measure.size() == w.size() && again.ec == expect && again.replaced == r.replaced);
    out.resize(w.size());
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto e = static_cast<cs::encoding>(data[0] % 5);
    const smsgw::bytes in(data + 1, size - 1);

    cs::outcome tolerant;
    const std::vector<unsigned char> text = decode_checked(e, in, smsgw::mode::tolerant, tolerant);
    check(tolerant.ok() && tolerant.offset == text.size());
    const std::string_view utf8(reinterpret_cast<const char*>(text.data()), text.size());
    check(smsgw::codec::utf8::validate(utf8).ok());

    cs::outcome strict;
    const std::vector<unsigned char> strict_text = decode_checked(e, in, smsgw::mode::strict, strict);
    if (strict.ok()) {
        check(tolerant.replaced == 0 && strict_text == text);
    } else {
        check(tolerant.replaced > 0 && strict.offset < in.size());
        cs::outcome prefix;
        decode_checked(e, in.first(strict.offset), smsgw::mode::strict, prefix);
        check(prefix.ok());
    }

    // The stream cut at two places the input chooses gives the same output and outcome.
    const std::size_t a = size > 1 ? data[1] % in.size() : 0;
    const std::size_t b = a + (size > 2 ? data[2] % (in.size() - a + 1) : 0);
    for (smsgw::mode m : {smsgw::mode::tolerant, smsgw::mode::strict}) {
        cs::decoder d(e, m);
        std::vector<unsigned char> out(cs::max_decoded_size(in.size()) + 3);
        smsgw::writer w(smsgw::mutable_bytes(out.data(), out.size()));
        cs::outcome r = d.decode(in.first(a), w);
        if (r.ok()) r = d.decode(in.subspan(a, b - a), w);
        if (r.ok()) r = d.decode(in.subspan(b), w);
        if (r.ok()) r = d.finish(w);
        const std::vector<unsigned char>& whole = m == smsgw::mode::tolerant ? text : strict_text;
        const cs::outcome& one = m == smsgw::mode::tolerant ? tolerant : strict;
        check(r.ec == one.ec && w.size() == whole.size() && same(out.data(), whole.data(), whole.size()));
        if (!r.ok()) check(r.offset == one.offset);
    }
    return 0;
}
