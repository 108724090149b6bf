// The platform's requests as its server decodes them: the first byte picks HttpBatchSendSM,
// HttpVarSM, QueryBalance, Recharge or UserManage, the rest is the body (smsplat_request.hpp
// checks each). A HttpVarSM that decodes has params of exactly one value per placeholder; the
// encrypted account of a Recharge or UserManage that decodes either decrypts, and then encrypts
// back to the same text, or is refused. The word-at-a-time check of a mobile list says what the
// item-by-item check of fields::list says, error and offset alike.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "smsplat_request.hpp"

namespace {

namespace smsplat = smsgw::smsplat;

void check_params(std::string_view body) {
    const smsplat_fuzz::decoded<smsplat::var_sm_request> d(body, smsplat::mode::strict);
    if (!d.r) return;
    const smsgw::codec::delimited::records list = smsplat::params(d.req);
    for (const smsgw::codec::delimited::record& rec : list) {
        smsplat_fuzz::check(rec.size() == smsplat::placeholders(d.req.msg) + 1);
    }
    smsplat_fuzz::check(list.error().ok());
}

void check_mobile_list(std::string_view v) {
    constexpr auto items = smsgw::codec::fields::list("", ',', 1, smsplat::max_mobiles, smsplat::detail::check_mobile);
    const smsgw::result fast = smsplat::detail::check_mobiles(v);
    const smsgw::result slow = smsgw::codec::fields::check_value(v, items);
    smsplat_fuzz::check(fast == slow);
}

// The platform's side of an encrypted field, under the spec's key.
void check_account(std::string_view encrypted) {
    char plain[smsplat::max_account_size + 8];
    smsgw::writer w(plain, sizeof plain);
    const smsgw::result r = smsplat::decrypt_account(std::string_view("12345678"), encrypted, w);
    if (!r) return;
    char again[512];
    smsgw::writer e(again, sizeof again);
    smsplat_fuzz::check(smsplat::encrypt_account(std::string_view("12345678"), std::string_view(plain, r.offset), e).ok());
    smsplat_fuzz::check(std::string_view(again, e.size()) == encrypted);
}

template <class Request>
void check_accounts(std::string_view body) {
    const smsplat_fuzz::decoded<Request> d(body, smsplat::mode::tolerant);
    if (!d.r) return;
    check_account(d.req.account);
    if constexpr (std::is_same_v<Request, smsplat::user_manage_request>) {
        if (!d.req.ac_password.empty()) check_account(d.req.ac_password);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 5) {
    case 0:
        smsplat_fuzz::round_trip<smsplat::batch_send_request>(body);
        check_mobile_list(body);
        break;
    case 1:
        smsplat_fuzz::round_trip<smsplat::var_sm_request>(body);
        check_params(body);
        break;
    case 2: smsplat_fuzz::round_trip<smsplat::query_balance_request>(body); break;
    case 3:
        smsplat_fuzz::round_trip<smsplat::recharge_request>(body);
        check_accounts<smsplat::recharge_request>(body);
        break;
    default:
        smsplat_fuzz::round_trip<smsplat::user_manage_request>(body);
        check_accounts<smsplat::user_manage_request>(body);
        break;
    }
    return 0;
}
