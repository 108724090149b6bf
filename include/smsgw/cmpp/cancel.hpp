#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/cmpp/layout.hpp"

// CMPP_CANCEL and CMPP_CANCEL_RESP (CMPP 2.0 §8.4.6, tables 8.14 and 8.15).
namespace smsgw::cmpp {

// Table 8.14.
struct cancel {
    static constexpr command_id command = command_id::cancel;

    version ver = version::v20;
    std::uint32_t sequence_id = 0;
    std::uint64_t msg_id = 0;  // the message to delete
    bytes trailing;             // tolerant decoding: bytes after the body

    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        v.number(m.msg_id, 8, {"Msg_Id", "msg_id"});
    }
};

// Table 8.15. Success_Id is 1 byte in 2.0 and 4 bytes in 3.0 (G26 in the notes).
struct cancel_resp {
    static constexpr command_id command = command_id::cancel_resp;

    version ver = version::v20;
    std::uint32_t sequence_id = 0;
    std::uint32_t success_id = 0;  // 0 success, 1 failure
    bytes trailing;

    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        v.number(m.success_id, Ver == version::v20 ? 1 : 4, {"Success_Id", "success_id"}, 1);
    }
};

}  // namespace smsgw::cmpp
