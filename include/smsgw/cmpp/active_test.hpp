#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/cmpp/layout.hpp"

// CMPP_ACTIVE_TEST and CMPP_ACTIVE_TEST_RESP (CMPP 2.0 §8.4.7, table 8.16): the link check of
// long connections. The response's Reserved byte is new in 2.0 (revision history item 10);
// 1.2-era peers send a 12-byte response (gotcha G27): strict decoding rejects it as truncated
// (field Reserved), tolerant decoding accepts it with `without_reserved` set, and encoding
// that gives the same 12 bytes back.
namespace smsgw::cmpp {

using active_test = header_only<command_id::active_test>;

// Table 8.16.
struct active_test_resp {
    static constexpr command_id command = command_id::active_test_resp;

    version ver = version::v20;
    std::uint32_t sequence_id = 0;
    std::uint8_t reserved = 0;
    bool without_reserved = false;  // the 12-byte response of CMPP 1.2 (tolerant decoding), encoded as such
    bytes trailing;

    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        v.may_end(m.without_reserved, {"Reserved", "without_reserved"});
        if (m.without_reserved) {
            v.absent(m.reserved, {"Reserved", "reserved"});
        } else {
            v.number(m.reserved, 1, {"Reserved", "reserved"});
        }
    }
};

}  // namespace smsgw::cmpp
