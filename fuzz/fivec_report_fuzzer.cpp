// Status report replies (§5.1.5, §5.1.6): `no record`, records in the 4-, 5- and 6-field forms,
// or an error reply, read in both modes. What reads strictly reads the same tolerantly; the
// reports read are written again and read back strictly to the same reports. The input as a
// list reads, in either mode, as codec::delimited's records each read by read_report() do (the
// same reports and the same error): the walk's fast path changes nothing.
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

// The walk of `s` as a list beside delimited's records of it, each read by read_report().
void same_as_delimited(std::string_view s, smsgw::mode m) {
    const fivec::report_list list(s, m, 3);
    const smsgw::codec::delimited::records records(s, fivec::detail::report_format(m), 3);
    auto it = list.begin();
    smsgw::result want{};
    for (const smsgw::codec::delimited::record& rec : records) {
        fivec::detail::split_report split;
        smsgw::codec::delimited::detail::split(rec, split);
        fivec::report r;
        want = fivec::detail::read_report(split, r);
        if (!want) break;
        check(it != list.end() && same(*it, r) && it->offset == r.offset);
        ++it;
    }
    if (want) want = records.error();
    check(it == list.end());
    const smsgw::result got = list.error();
    check(got.ec == want.ec && got.offset == want.offset && (got.field == nullptr) == (want.field == nullptr));
    check(got.field == nullptr || std::string_view(got.field) == want.field);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view s(reinterpret_cast<const char*>(data), size);
    same_as_delimited(s, smsgw::mode::strict);
    same_as_delimited(s, smsgw::mode::tolerant);
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
