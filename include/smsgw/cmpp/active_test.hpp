#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/cmpp/layout.hpp"

// CMPP_ACTIVE_TEST and CMPP_ACTIVE_TEST_RESP (CMPP 2.0 §8.4.7, table 8.16): the link check of
// long connections. The response's Reserved byte is new in 2.0 (revision history item 10);
// 1.2-era peers send a 12-byte response, which strict decoding rejects as truncated.
namespace smsgw::cmpp {

using active_test = header_only<command_id::active_test>;

// Table 8.16.
struct active_test_resp {
    static constexpr command_id command = command_id::active_test_resp;

    std::uint32_t sequence_id = 0;
    std::uint8_t reserved = 0;
    std::string_view trailing;

    template <class V, class Self>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m) {
        v.number(m.reserved, 1, {"Reserved", "reserved"});
    }
};

}  // namespace smsgw::cmpp
