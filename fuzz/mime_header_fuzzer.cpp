// MIME header blocks: parse_headers() in both modes on arbitrary bytes, every field iterated,
// looked up and unfolded into an exact-size heap buffer (ASan sees any write past it).
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "smsgw/mime/headers.hpp"

namespace {
void check(bool ok) {
    if (!ok) std::abort();
}

bool inside(std::string_view part, std::string_view whole) {
    return part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size();
}

void run(std::string_view in, const smsgw::mime::options& opt) {
    smsgw::mime::header_block h;
    smsgw::mime::defect_log log;
    const smsgw::result r = smsgw::mime::parse_headers(in, h, opt, &log);
    if (!r) {
        check(opt.m == smsgw::mime::mode::strict && r.offset <= in.size());
        return;
    }
    check(r.offset <= in.size());
    check(h.text().size() <= r.offset);
    std::size_t n = 0;
    for (const smsgw::mime::header_field& f : h) {
        check(inside(f.name, in) && inside(f.value, in) && !f.name.empty());
        check(f.offset == static_cast<std::size_t>(f.name.data() - in.data()));
        check(h.find(f.name).has_value());
        auto buf = std::make_unique<unsigned char[]>(f.value.size() + 1);
        smsgw::writer w(smsgw::mutable_bytes(buf.get(), f.value.size()));
        const smsgw::result u = smsgw::mime::unfold(f.value, w);
        check(u.ok() && u.offset <= f.value.size());
        if (++n > opt.lim.max_headers + in.size()) std::abort();
    }
    check(h.count("Content-Type") <= n);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    run(in, smsgw::mime::strict_options);
    run(in, smsgw::mime::tolerant_options);
    return 0;
}
