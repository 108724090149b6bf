// Whole MIME messages: decode() in both modes on arbitrary bytes with a small part storage
// and depth limit; every part's tree links and views checked, its content, its text in UTF-8
// (from its charset), filename and Subject decoded into exact-size heap buffers. Then the
// input as a part's content is encoded and read back in each transfer encoding: the bytes
// must survive.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>

#include "smsgw/mime.hpp"

namespace {
void check(bool ok) {
    if (!ok) std::abort();
}

bool inside(std::string_view part, std::string_view whole) {
    return part.empty() || (part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size());
}

void parse(std::string_view in, smsgw::mime::options opt) {
    opt.lim.max_depth = 8;
    smsgw::mime::part storage[24];
    smsgw::mime::message msg(storage);
    const smsgw::result r = smsgw::mime::decode(in, msg, opt);
    if (!r) {
        check(opt.m == smsgw::mime::mode::strict && r.offset <= in.size());
        return;
    }
    check(msg.size() >= 1 && msg.size() <= 24);
    for (std::size_t i = 0; i < msg.size(); ++i) {
        const smsgw::mime::part& p = msg[i];
        check(inside(p.body, in) && inside(p.headers.text(), in) && inside(p.preamble, in) && inside(p.epilogue, in));
        check(p.end > i && p.end <= msg.size() && p.depth <= 8);
        check(i == 0 ? p.parent == smsgw::mime::part::none : p.parent < i && msg[p.parent].end >= p.end);
        const std::size_t max = p.decoded_size_max();
        auto buf = std::make_unique<unsigned char[]>(max + 1);
        smsgw::writer w(smsgw::mutable_bytes(buf.get(), max));
        const smsgw::result c = smsgw::mime::decode_content(p, w, opt.m);
        check(!c || c.offset <= max);
        // Its text in UTF-8 (GBK, Big5...): measured, then written into exactly that much.
        smsgw::writer measure;
        const smsgw::result tm = smsgw::mime::decode_text_content(p, measure, smsgw::mutable_bytes(buf.get(), max), opt.m);
        if (tm.ok() || tm.ec == smsgw::errc::buffer_too_small) {
            const std::size_t need = measure.size();
            check(need <= 3 * max);
            auto text = std::make_unique<unsigned char[]>(need + 1);
            smsgw::writer tw(smsgw::mutable_bytes(text.get(), need));
            const smsgw::result t = smsgw::mime::decode_text_content(p, tw, smsgw::mutable_bytes(buf.get(), max), opt.m);
            check(t.ok() && t.offset == need);
        }
        smsgw::writer name;
        smsgw::mime::filename(p, name, opt);
    }
    smsgw::writer subject;
    smsgw::mime::decode_text(msg.headers().value("subject"), subject, smsgw::mime::tolerant_text);
}

void round_trip(std::string_view content, smsgw::mime::transfer_encoding e) {
    const smsgw::mime::part_spec parts[] = {{"application/octet-stream", content, e, "f", "attachment", "", {}}};
    const smsgw::mime::message_spec spec{{}, "mixed", "", parts, smsgw::mime::rfc_names};
    const std::size_t size = smsgw::encoded_size(spec);
    auto buf = std::make_unique<unsigned char[]>(size);
    const smsgw::result r = smsgw::encode(spec, smsgw::mutable_bytes(buf.get(), size));
    if (!r) {
        check(r.ec == smsgw::errc::boundary_collision);
        return;
    }
    check(r.offset == size);
    const std::string_view text(reinterpret_cast<const char*>(buf.get()), size);
    smsgw::mime::part storage[4];
    smsgw::mime::message msg(storage);
    check(smsgw::mime::decode(text, msg).ok() && msg.size() == 2);
    auto out = std::make_unique<unsigned char[]>(msg[1].decoded_size_max() + 1);
    smsgw::writer w(smsgw::mutable_bytes(out.get(), msg[1].decoded_size_max()));
    const smsgw::result d = smsgw::mime::decode_content(msg[1], w);
    check(d.ok());
    // QP in text mode turns a lone LF or CR LF into CRLF; compare only inputs without CR/LF there.
    const bool text_ends = e == smsgw::mime::transfer_encoding::quoted_printable &&
                           content.find_first_of("\r\n") != std::string_view::npos;
    if (!text_ends) check(d.offset == content.size() && std::memcmp(out.get(), content.data(), content.size()) == 0);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    parse(in, smsgw::mime::strict_options);
    parse(in, smsgw::mime::tolerant_options);
    round_trip(in, smsgw::mime::transfer_encoding::base64);
    round_trip(in, smsgw::mime::transfer_encoding::quoted_printable);
    round_trip(in, smsgw::mime::transfer_encoding::binary);
    return 0;
}
