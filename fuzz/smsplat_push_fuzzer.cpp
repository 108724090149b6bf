// Status pushes (chapter 10) as the customer's server decodes them, both modes, encoded again and
// decoded back (smsplat_request.hpp); the status classified whatever it is.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsplat_request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    smsplat_fuzz::round_trip<smsgw::smsplat::push_request>(body);
    const smsplat_fuzz::decoded<smsgw::smsplat::push_request> d(body, smsgw::smsplat::mode::tolerant);
    if (d.r) smsplat_fuzz::check(describe(classify(d.req)).known());
    return 0;
}
