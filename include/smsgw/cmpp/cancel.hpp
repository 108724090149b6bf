#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/cmpp/layout.hpp"

// CMPP_CANCEL and CMPP_CANCEL_RESP (CMPP 2.0 §8.4.6, tables 8.14 and 8.15).
namespace smsgw::cmpp {

/// CMPP_CANCEL (table 8.14).
struct cancel {
    /// The PDU's Command_Id.
    static constexpr command_id command = command_id::cancel;

    /// The CMPP version, which decides the layout.
    version ver = version::v20;
    /// Sequence_Id of the message header.
    std::uint32_t sequence_id = 0;
    std::uint64_t msg_id = 0;  ///< Msg_Id: the message to delete
    bytes trailing;  ///< tolerant decoding: bytes after the body

    /// Lists the body's fields in wire order for cmpp/layout.hpp's visitors.
    template <class V, class Self>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, any_version) {
        v.number(m.msg_id, 8, {"Msg_Id", "msg_id"});
    }
};

/// CMPP_CANCEL_RESP (table 8.15). Success_Id is 1 byte in 2.0 and 4 bytes in 3.0 (G26 in the notes).
struct cancel_resp {
    /// The PDU's Command_Id.
    static constexpr command_id command = command_id::cancel_resp;

    /// The CMPP version, which decides the layout.
    version ver = version::v20;
    /// Sequence_Id of the message header.
    std::uint32_t sequence_id = 0;
    std::uint32_t success_id = 0;  ///< Success_Id: 0 success, 1 failure
    /// Tolerant decoding: the bytes after the body.
    bytes trailing;

    /// Lists the body's fields in wire order for cmpp/layout.hpp's visitors.
    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        v.number(m.success_id, Ver == version::v20 ? 1 : 4, {"Success_Id", "success_id"}, 1);
    }
};

}  // namespace smsgw::cmpp
