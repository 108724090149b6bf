// Content-Type / Content-Disposition values and their parameters (RFC 2045, 2183, 2231):
// parsed in both modes, every parameter iterated, every name's value assembled into an
// exact-size heap buffer, with a small section cap so that the limit is exercised.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "smsgw/mime/content_type.hpp"

namespace {
void check(bool ok) {
    if (!ok) std::abort();
}

void values(const smsgw::mime::parameters& ps, const smsgw::mime::options& opt) {
    std::size_t n = 0;
    for (const smsgw::mime::parameter& p : ps) {
        if (++n > 16) break;
        for (int text = 0; text < 2; ++text) {
            smsgw::writer measure;
            smsgw::mime::parameter_info info;
            const smsgw::result m = text ? smsgw::mime::parameter_text(ps, p.base_name, measure, &info, opt)
                                         : smsgw::mime::parameter_value(ps, p.base_name, measure, &info, opt);
            if (!m.ok() && m.ec != smsgw::errc::buffer_too_small) continue;
            const std::size_t need = measure.size();
            auto buf = std::make_unique<unsigned char[]>(need + 1);
            smsgw::writer w(smsgw::mutable_bytes(buf.get(), need));
            const smsgw::result r = text ? smsgw::mime::parameter_text(ps, p.base_name, w, &info, opt)
                                         : smsgw::mime::parameter_value(ps, p.base_name, w, &info, opt);
            check(!r || r.offset == need);
            check(r || r.ec == smsgw::errc::invalid_utf8);
        }
    }
}

void run(std::string_view in, smsgw::mime::options opt) {
    opt.lim.max_parameter_sections = 8;
    smsgw::mime::content_type ct;
    smsgw::mime::defect_log log;
    const smsgw::result r = smsgw::mime::parse_content_type(in, ct, opt, &log);
    if (r) {
        check(r.offset == in.size());
        values(ct.params, opt);
        check(ct.boundary().size() <= in.size());
    } else {
        check(opt.m == smsgw::mime::mode::strict && r.offset <= in.size());
    }
    smsgw::mime::content_disposition cd;
    if (smsgw::mime::parse_content_disposition(in, cd, opt, &log)) values(cd.params, opt);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    run(in, smsgw::mime::strict_options);
    run(in, smsgw::mime::tolerant_options);
    return 0;
}
