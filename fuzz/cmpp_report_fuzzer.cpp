// CMPP status report contents (DELIVER table 8.11, FWD MO report tables 8.18/8.35): whatever
// decodes re-encodes to the same bytes, into an exact-size heap buffer so that ASan sees any
// write past it; Stat and the times classify or parse without crashing, and what parses
// formats back to the same text.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>

#include "smsgw/cmpp/report.hpp"

namespace {

namespace cmpp = smsgw::cmpp;

void check(bool ok) {
    if (!ok) std::abort();
}

template <class Report>
void round_trip(smsgw::bytes in, const Report& r) {
    check(smsgw::encoded_size(r) == in.size());
    auto out = std::make_unique<unsigned char[]>(in.size());
    const smsgw::result e = smsgw::encode(r, smsgw::mutable_bytes(out.get(), in.size()));
    check(e && e.offset == in.size());
    check(std::memcmp(out.get(), in.data(), in.size()) == 0);
    if (in.size() != 0) {
        check(smsgw::encode(r, smsgw::mutable_bytes(out.get(), in.size() - 1)) ==
              smsgw::fail(smsgw::errc::buffer_too_small, in.size()));
    }
}

void check_stat(std::string_view stat) {
    const cmpp::stat_info s = cmpp::parse_stat(stat);
    if (s.kind == cmpp::stat::other) {
        check(s.code.empty());
    } else if (s.code.empty()) {
        check(stat == cmpp::stat_text(s.kind));
    } else {
        check(stat.substr(0, 2) == cmpp::stat_text(s.kind) && stat[2] == ':' && stat.substr(3) == s.code);
    }
}

void check_time(std::string_view text) {
    cmpp::report_time t;
    const smsgw::result r = cmpp::parse_report_time(text, t);
    if (!r) {
        check(r.offset < 10);
        return;
    }
    char buf[10];
    smsgw::writer w(buf, sizeof buf);
    check(cmpp::format_report_time(t, w) && std::string_view(buf, 10) == text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const smsgw::bytes in(data, size);

    cmpp::status_report report;
    smsgw::result r = decode(in, report);
    if (r) {
        check(r.offset == size && (size == 60 || size == 71));
        round_trip(in, report);
        check_stat(report.stat);
        check_time(report.submit_time);
        check_time(report.done_time);
    } else {
        check(size != 60 && size != 71 && r.offset <= size);
    }

    cmpp::mo_status_report mo;
    r = decode(in, mo);
    if (r) {
        check(size == 60 && r.offset == 60);
        round_trip(in, mo);
        check_stat(mo.stat);
        check_time(mo.cmpp_deliver_time);
        check_time(mo.cmpp_deliver_resp_time);
    } else {
        check(size != 60 && r.offset <= size);
    }
    return 0;
}
