// API Authorization bodies: the first byte picks the token request (even) or response (odd),
// the rest is the body (mitake_fuzz.hpp says what is checked).
#include "mitake_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] % 2 == 0) {
        mitake_fuzz::round_trip<smsgw::mitake::token_request>(body);
    } else {
        mitake_fuzz::round_trip<smsgw::mitake::token_response>(body);
    }
    return 0;
}
