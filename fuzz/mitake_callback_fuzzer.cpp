// Callback bodies, as the customer's server reads what Mitake posts (mitake_fuzz.hpp says
// what is checked).
#include "mitake_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    mitake_fuzz::round_trip<smsgw::mitake::callback_request>(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
