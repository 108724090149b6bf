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

/// CMPP_ACTIVE_TEST (§8.4.3): a header without a body.
using active_test = header_only<command_id::active_test>;

/// CMPP_ACTIVE_TEST_RESP (table 8.16).
struct active_test_resp {
    /// The PDU's Command_Id.
    static constexpr command_id command = command_id::active_test_resp;

    /// The CMPP version, which decides the layout.
    version ver = version::v20;
    /// Sequence_Id of the message header.
    std::uint32_t sequence_id = 0;
    /// Reserved (1 byte, table 8.16).
    std::uint8_t reserved = 0;
    bool without_reserved = false;  ///< the 12-byte response of CMPP 1.2 (tolerant decoding), encoded as such
    /// Tolerant decoding: the bytes after the body.
    bytes trailing;

    /// Lists the body's fields in wire order for cmpp/layout.hpp's visitors.
    template <class V, class Self>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, any_version) {
        v.may_end(m.without_reserved, {"Reserved", "without_reserved"});
        if (m.without_reserved) {
            v.absent(m.reserved, {"Reserved", "reserved"});
        } else {
            v.number(m.reserved, 1, {"Reserved", "reserved"});
        }
    }
};

}  // namespace smsgw::cmpp
