// RFC 2047 text: decode_text() in strict, tolerant and glued-word modes on arbitrary bytes,
// first measuring, then into an exact-size heap buffer and a buffer one byte short.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "smsgw/mime/encoded_word.hpp"

namespace {
void check(bool ok) {
    if (!ok) std::abort();
}

void run(std::string_view in, const smsgw::mime::text_options& opt) {
    smsgw::writer measure;
    const smsgw::result m = smsgw::mime::decode_text(in, measure, opt);
    if (!m.ok() && m.ec != smsgw::errc::buffer_too_small) {
        check(opt.m == smsgw::mime::mode::strict && m.offset <= in.size());
        return;
    }
    const std::size_t need = measure.size();
    check(need <= in.size() * 3 + 3);  // a Latin-1 byte is at most 3 UTF-8 bytes (the euro sign)
    auto buf = std::make_unique<unsigned char[]>(need + 1);
    smsgw::writer w(smsgw::mutable_bytes(buf.get(), need));
    smsgw::mime::text_info info;
    smsgw::mime::defect_log log;
    const smsgw::result r = smsgw::mime::decode_text(in, w, opt, &info, &log);
    if (r) {
        check(r.offset == need);
        if (need > 0) {
            smsgw::writer small(smsgw::mutable_bytes(buf.get(), need - 1));
            const smsgw::result s = smsgw::mime::decode_text(in, small, opt);
            check(s.ec == smsgw::errc::buffer_too_small && s.offset == need);
        }
    } else {
        // Only the UTF-8 check of a run, which needs the output, can fail after measuring.
        check(opt.m == smsgw::mime::mode::strict && r.ec == smsgw::errc::invalid_utf8 && r.offset < in.size());
    }
    smsgw::mime::encoded_word word;
    if (smsgw::mime::parse_encoded_word(in, word)) {
        check(word.size <= in.size() && word.size >= 7);
        smsgw::writer octets;
        const smsgw::result o = smsgw::mime::decode_word_octets(word, octets);
        check(o.ok() || o.ec == smsgw::errc::buffer_too_small || o.ec == smsgw::errc::bad_encoded_word);
    }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    run(in, smsgw::mime::text_options{});
    run(in, smsgw::mime::text_options{smsgw::mime::mode::tolerant, false});
    run(in, smsgw::mime::tolerant_text);
    return 0;
}
