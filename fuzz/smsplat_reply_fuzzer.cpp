// The platform's answers as a client reads them: the first byte picks the reply of
// HttpBatchSendSM, QueryBalance, Recharge or UserManage, the rest is the answer. What strict
// mode accepts, tolerant mode accepts the same; what tolerant mode accepts and the encoder takes
// is encoded, and that encoding decodes strictly to the same reply.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "smsgw/smsplat.hpp"

namespace {

namespace smsplat = smsgw::smsplat;
using smsgw::mode;

void check(bool ok) {
    if (!ok) std::abort();
}

bool same(const smsplat::send_reply& a, const smsplat::send_reply& b) {
    return a.resptime == b.resptime && a.respstatus == b.respstatus && a.msgid == b.msgid;
}
bool same(const smsplat::recharge_reply& a, const smsplat::recharge_reply& b) {
    return a.resptime == b.resptime && a.status == b.status;
}
bool same(const smsplat::user_manage_reply& a, const smsplat::user_manage_reply& b) {
    return a.resptime == b.resptime && a.status == b.status && a.description == b.description;
}

std::vector<smsplat::product_balance> products(const smsplat::query_balance_reply& r) {
    std::vector<smsplat::product_balance> all;
    for (const smsplat::product_balance& p : r.products) all.push_back(p);
    check(all.size() == r.products.size());
    return all;
}
bool same(const smsplat::query_balance_reply& a, const smsplat::query_balance_reply& b) {
    const auto pa = products(a);
    const auto pb = products(b);
    if (a.resptime != b.resptime || a.status != b.status || pa.size() != pb.size()) return false;
    for (std::size_t k = 0; k < pa.size(); ++k) {
        if (pa[k].productid != pb[k].productid || pa[k].balance != pb[k].balance) return false;
    }
    return true;
}

template <class Reply>
smsgw::result encode_reply(const Reply& r, std::string& out) {
    return smsgw::encode_append(r, out);
}
smsgw::result encode_reply(const smsplat::query_balance_reply& r, std::string& out) {
    const auto all = products(r);
    smsgw::writer measure;
    const smsgw::span<const smsplat::product_balance> list(all.data(), all.size());
    if (smsgw::result e = smsplat::encode(r.resptime, r.status, list, measure); !e && e.ec != smsgw::errc::buffer_too_small) {
        return e;
    }
    out.resize(measure.size());
    smsgw::writer w(out.data(), out.size());
    return smsplat::encode(r.resptime, r.status, list, w);
}

template <class Reply>
void round_trip(std::string_view in) {
    Reply strict, tolerant;
    const smsgw::result rs = smsplat::decode(in, strict, mode::strict);
    const smsgw::result rt = smsplat::decode(in, tolerant, mode::tolerant);
    for (const smsgw::result& r : {rs, rt}) check(r ? r.offset == in.size() : r.offset <= in.size());
    if (rs) check(rt.ok() && same(strict, tolerant));
    if (!rt) return;
    std::string again;
    if (!encode_reply(tolerant, again)) return;  // tolerant mode took what the encoder refuses
    Reply back;
    check(smsplat::decode(again, back, mode::strict).ok() && same(back, tolerant));
    if (rs) {
        std::string twice;
        check(encode_reply(back, twice).ok() && twice == again);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 4) {
    case 0: round_trip<smsplat::send_reply>(in); break;
    case 1: round_trip<smsplat::query_balance_reply>(in); break;
    case 2: round_trip<smsplat::recharge_reply>(in); break;
    default: round_trip<smsplat::user_manage_reply>(in); break;
    }
    return 0;
}
