// Reads arbitrary bytes as 5C's batch xmlData in strict and tolerant mode. A document that
// decodes and finishes is decoded whole (title, picture, every number and text); when those
// values are ones the encoder takes, they are encoded again and the encoding must decode in
// strict mode to the same values (decode(encode(x)) == x), with encoded_size() its size.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/fivec/batch.hpp"

namespace fivec = smsgw::fivec;

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

struct values {
    std::string title;
    std::string type;
    std::string picture;
    std::vector<std::string> mobiles;
    std::vector<std::string> texts;
    bool decodes = true;  // title, picture and texts all decode
};

std::string decoded(const smsgw::result& r, const std::string& buf, std::size_t size, bool& ok) {
    if (!r) ok = false;
    return r ? buf.substr(0, size) : std::string();
}

// Every value of a document that decode() and finish() took.
values read(const fivec::batch_document& d) {
    values v;
    std::string buf(d.mms_title.size() + d.mms_picture_content.size(), '\0');
    smsgw::writer t(buf.data(), buf.size());
    v.title = decoded(d.title(t), buf, t.size(), v.decodes);
    smsgw::writer p(buf.data(), buf.size());
    v.picture = decoded(d.picture(p), buf, p.size(), v.decodes);
    v.type = std::string(d.mms_picture_type);
    for (const fivec::batch_entry& e : d.mms_body) {
        std::string tb(e.mms_text_content.size(), '\0');
        smsgw::writer w(tb.data(), tb.size());
        v.texts.push_back(decoded(e.text(w), tb, w.size(), v.decodes));
        v.mobiles.push_back(std::string(e.mms_mobile));
    }
    return v;
}

void round_trip(std::string_view xml, smsgw::mode m) {
    fivec::batch_document d;
    smsgw::result r = fivec::decode(xml, d, m);
    if (r) r = fivec::finish(d);
    check(r.offset <= xml.size());
    if (!r) return;
    check(r.offset == xml.size());
    const values v = read(d);
    check(!v.mobiles.empty());
    if (!v.decodes) return;
    std::vector<fivec::batch_recipient> rs;
    for (std::size_t i = 0; i < v.mobiles.size(); ++i) rs.push_back({v.mobiles[i], v.texts[i]});
    fivec::batch_request_xml b;
    b.mms_title = v.title;
    b.mms_picture_type = v.type;
    b.mms_picture_content = smsgw::bytes(v.picture);
    b.mms_body = {rs.data(), rs.size()};
    if (!fivec::validate(b)) return;
    std::string out(smsgw::encoded_size(b), '\0');
    check(smsgw::encode(b, smsgw::mutable_bytes(out)) == smsgw::result{smsgw::errc{}, out.size()});
    fivec::batch_document again;
    check(fivec::decode(out, again).ok() && fivec::finish(again).ok());
    const values w = read(again);
    check(w.decodes && w.title == v.title && w.type == v.type && w.picture == v.picture);
    check(w.mobiles == v.mobiles && w.texts == v.texts);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    round_trip(xml, smsgw::mode::strict);
    round_trip(xml, smsgw::mode::tolerant);
    return 0;
}
