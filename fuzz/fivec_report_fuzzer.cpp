// Status report replies (§5.1.5, §5.1.6): `no record`, records in the 4-, 5- and 6-field forms,
// or an error reply, read in both modes. What reads strictly reads the same tolerantly; the
// reports read are written again and read back strictly to the same reports.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/fivec/report.hpp"

namespace {

namespace fivec = smsgw::fivec;

void check(bool ok) {
    if (!ok) std::abort();
}

bool same(const fivec::report& a, const fivec::report& b) {
    return a.form == b.form && a.extension == b.extension && a.msgid == b.msgid && a.id == b.id &&
           a.mobile == b.mobile && a.status == b.status && a.time == b.time;
}

std::vector<fivec::report> all(const fivec::report_reply& r) {
    std::vector<fivec::report> out;
    for (const fivec::report& x : r.reports) out.push_back(x);
    check(r.reports.error().ok());
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view s(reinterpret_cast<const char*>(data), size);
    fivec::report_reply strict, tolerant;
    const smsgw::result rs = fivec::decode(s, strict, smsgw::mode::strict);
    const smsgw::result rt = fivec::decode(s, tolerant, smsgw::mode::tolerant);
    if (!rs) check(rs.offset <= s.size());
    const std::vector<fivec::report> got = rt ? all(tolerant) : std::vector<fivec::report>{};
    if (rs) {
        check(rt.ok() && strict.answer == tolerant.answer);
        const std::vector<fivec::report> st = all(strict);
        check(st.size() == got.size());
        for (std::size_t i = 0; i < st.size(); ++i) check(same(st[i], got[i]) && st[i].offset == got[i].offset);
    }
    if (!rt) return 0;
    fivec::report_reply again = tolerant;
    again.reports = fivec::report_list(smsgw::span<const fivec::report>(got.data(), got.size()));
    std::string out;
    if (!smsgw::encode_append(again, out)) {
        check(tolerant.answer == fivec::report_answer::error);  // a text a reply cannot carry
        return 0;
    }
    fivec::report_reply back;
    check(fivec::decode(out, back, smsgw::mode::strict).ok());
    check(back.answer == tolerant.answer);
    const std::vector<fivec::report> b = all(back);
    check(b.size() == got.size());
    for (std::size_t i = 0; i < b.size(); ++i) check(same(b[i], got[i]));
    return 0;
}
