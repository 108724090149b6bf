// queryBatchDR and querySingleDR bodies: the first byte picks the queryBatchDR request (0 mod
// 3), the querySingleDR request (1) or the response both share (2); the rest is the body
// (mitake_fuzz.hpp says what is checked).
#include "mitake_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 3) {
    case 0: mitake_fuzz::round_trip<smsgw::mitake::query_batch_request>(body); break;
    case 1: mitake_fuzz::round_trip<smsgw::mitake::query_single_request>(body); break;
    default: mitake_fuzz::round_trip<smsgw::mitake::query_response>(body); break;
    }
    return 0;
}
