// caixin_send frame strings (§2.3), read in both modes. What reads strictly reads the same
// tolerantly; every element views the input; each element whose base64 decodes is built again
// from its bytes, and that string reads strictly to the same frames, types and bytes
// (decode(encode(x)) == x), text elements converted from GBK and UTF-8 without a crash.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/fivec/frames.hpp"

namespace {

namespace fivec = smsgw::fivec;

void check(bool ok) {
    if (!ok) std::abort();
}

std::vector<fivec::element> walk(std::string_view s, smsgw::mode m, smsgw::result& r) {
    std::vector<fivec::element> out;
    const fivec::frames f(s, m);
    for (const fivec::element& e : f) {
        check(e.offset < s.size() && e.name.data() == s.data() + e.offset);
        check(e.data.data() >= s.data() && e.data.data() + e.data.size() <= s.data() + s.size());
        out.push_back(e);
    }
    r = f.error();
    check(r.ok() || r.offset <= s.size());
    return out;
}

bool same(const fivec::element& a, const fivec::element& b) {
    return a.frame == b.frame && a.kind == b.kind && a.type == b.type && a.name == b.name && a.data == b.data &&
           a.offset == b.offset;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view s(reinterpret_cast<const char*>(data), size);
    smsgw::result strict_r, tolerant_r;
    const std::vector<fivec::element> strict = walk(s, smsgw::mode::strict, strict_r);
    const std::vector<fivec::element> tolerant = walk(s, smsgw::mode::tolerant, tolerant_r);
    if (strict_r) {
        check(tolerant_r.ok() && strict.size() == tolerant.size());
        for (std::size_t i = 0; i < strict.size(); ++i) check(same(strict[i], tolerant[i]));
    }
    if (!tolerant_r) return 0;
    std::vector<std::string> contents;
    for (const fivec::element& e : tolerant) {
        std::string bytes(smsgw::codec::base64::decoded_size_max(e.data.size()), '\0');
        smsgw::writer w(bytes.data(), bytes.size());
        if (!fivec::decode_content(e, w) || w.size() == 0) return 0;
        bytes.resize(w.size());
        contents.push_back(bytes);
        if (e.kind == fivec::frame_kind::text) {
            std::string scratch(e.data.size(), '\0');
            for (smsgw::charset::encoding enc : {smsgw::charset::encoding::utf8, smsgw::charset::encoding::gbk}) {
                std::string text(3 * bytes.size(), '\0');
                smsgw::writer tw(text.data(), text.size());
                const smsgw::result t = fivec::decode_text(e, enc, tw, smsgw::mutable_bytes(scratch), smsgw::mode::tolerant);
                check(t.ok());
            }
        }
    }
    std::vector<fivec::frame_file> files;
    for (std::size_t i = 0; i < tolerant.size(); ++i) files.push_back({tolerant[i].frame, tolerant[i].type, contents[i]});
    std::string built;
    check(smsgw::encode_append(fivec::frame_string{files}, built).ok());
    smsgw::result again_r;
    const std::vector<fivec::element> again = walk(built, smsgw::mode::strict, again_r);
    check(again_r.ok() && again.size() == files.size());
    for (std::size_t i = 0; i < again.size(); ++i) {
        check(again[i].frame == files[i].frame && again[i].type == files[i].type);
        std::string bytes(smsgw::codec::base64::decoded_size_max(again[i].data.size()), '\0');
        smsgw::writer w(bytes.data(), bytes.size());
        check(fivec::decode_content(again[i], w).ok());
        check(std::string_view(bytes.data(), w.size()) == contents[i]);
    }
    return 0;
}
