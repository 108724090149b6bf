// The one-line answers of 5C (§2.2, §3.2, §4.2): success:/error: replies and the balance reply,
// read in both modes. What reads strictly reads the same tolerantly; what reads and can be
// written again reads back strictly to the same reply (decode(encode(x)) == x).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "smsgw/fivec/balance.hpp"
#include "smsgw/fivec/reply.hpp"

namespace {

namespace fivec = smsgw::fivec;

void check(bool ok) {
    if (!ok) std::abort();
}

void replies(std::string_view s) {
    fivec::reply strict, tolerant;
    const smsgw::result rs = fivec::decode(s, strict, smsgw::mode::strict);
    const smsgw::result rt = fivec::decode(s, tolerant, smsgw::mode::tolerant);
    if (rs) {
        check(rs.offset == s.size() && rt.ok());
        check(strict.success == tolerant.success && strict.msgid == tolerant.msgid && strict.text == tolerant.text);
    }
    if (!rt) {
        check(rt.offset <= s.size());
        return;
    }
    std::string out;
    if (!smsgw::encode_append(tolerant, out)) return;
    fivec::reply back;
    check(fivec::decode(out, back, smsgw::mode::strict).ok());
    check(back.success == tolerant.success && back.msgid == tolerant.msgid);
    // an error written from its code alone reads back as that code's text
    check(tolerant.success || back.text == (tolerant.text.empty() ? fivec::describe(tolerant.code).text : tolerant.text));
    std::string twice;
    check(smsgw::encode_append(back, twice).ok() && twice == out);
}

void balances(std::string_view s) {
    fivec::balance_reply strict, tolerant;
    const smsgw::result rs = fivec::decode(s, strict, smsgw::mode::strict);
    const smsgw::result rt = fivec::decode(s, tolerant, smsgw::mode::tolerant);
    if (rs) check(rt.ok() && strict.ok == tolerant.ok && strict.balance == tolerant.balance);
    if (!rt) return;
    std::string out;
    if (!smsgw::encode_append(tolerant, out)) return;
    fivec::balance_reply back;
    check(fivec::decode(out, back, smsgw::mode::strict).ok());
    check(back.ok == tolerant.ok && back.balance == tolerant.balance && back.error.text == tolerant.error.text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view s(reinterpret_cast<const char*>(data), size);
    replies(s);
    balances(s);
    return 0;
}
