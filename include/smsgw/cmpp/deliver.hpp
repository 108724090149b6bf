#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/cmpp/layout.hpp"

/// @file
/// CMPP_DELIVER and CMPP_DELIVER_RESP (CMPP 2.0 §8.4.5, tables 8.10 and 8.13; CMPP 3.0.0 items
/// 6, 7, 16). 3.0 widens Src_terminal_Id to 32 bytes, adds Src_terminal_type and replaces
/// Reserved with LinkID. With Registered_Delivery 1 the Msg_Content is a status report of
/// table 8.11 (60 or 71 bytes): report.hpp decodes it.
namespace smsgw::cmpp {

/// CMPP_DELIVER, table 8.10: 2.0 is 85 + Msg_Length bytes, 3.0 109 + Msg_Length.
struct deliver {
    static constexpr command_id command = command_id::deliver;  ///< its Command_Id

    version ver = version::v20;  ///< the codec version, which chooses the layout
    std::uint32_t sequence_id = 0;  ///< the header's Sequence_Id
    std::uint64_t msg_id = 0;  ///< Msg_Id (msg_id.hpp splits it)
    std::string_view dest_id;               ///< 21: the SP's service code the user sent to
    std::string_view service_id;            ///< 10
    std::uint8_t tp_pid = 0;  ///< TP_pid, GSM 03.40 §9.2.3.9
    std::uint8_t tp_udhi = 0;  ///< TP_udhi: 1 when Msg_Content starts with a UDH (sms/udh.hpp)
    std::uint8_t msg_fmt = 0;  ///< Msg_Fmt: 0 ASCII, 4 binary, 8 UCS-2, 15 GB text (text.hpp)
    std::string_view src_terminal_id;       ///< 21 (2.0) or 32 (3.0): the user (for a report: SUBMIT's destination)
    std::uint8_t src_terminal_type = 0;     ///< 3.0: 0 real number, 1 pseudo-code
    std::uint8_t registered_delivery = 0;   ///< 1: Msg_Content is a status report
    bytes msg_content;                      ///< Msg_Length is its size
    std::string_view reserved;              ///< 8 (2.0)
    std::string_view link_id;               ///< 20 (3.0)
    bytes trailing;                         ///< tolerant decoding: bytes after the body

    /// Msg_Content as chars, for ASCII content or to compare it with a string.
    std::string_view content_chars() const noexcept { return as_chars(msg_content); }

    /// The body's fields in wire order, to visitor `v` (cmpp/layout.hpp); cmpp::walk() runs it.
    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        constexpr bool v20 = Ver == version::v20;
        v.number(m.msg_id, 8, {"Msg_Id", "msg_id"});
        v.text(m.dest_id, 21, {"Dest_Id", "dest_id"});
        v.text(m.service_id, 10, {"Service_Id", "service_id"});
        v.number(m.tp_pid, 1, {"TP_pid", "tp_pid"});
        v.number(m.tp_udhi, 1, {"TP_udhi", "tp_udhi"}, 1);
        v.number(m.msg_fmt, 1, {"Msg_Fmt", "msg_fmt"});
        v.text(m.src_terminal_id, v20 ? 21 : 32, {"Src_terminal_Id", "src_terminal_id"});
        if constexpr (v20) {
            v.absent(m.src_terminal_type, {"Src_terminal_type", "src_terminal_type"});
        } else {
            v.number(m.src_terminal_type, 1, {"Src_terminal_type", "src_terminal_type"}, 1);
        }
        v.number(m.registered_delivery, 1, {"Registered_Delivery", "registered_delivery"}, 1);
        v.content(m.msg_content, msg_length_limit(m.msg_fmt), {"Msg_Length", "msg_length"}, {"Msg_Content", "msg_content"});
        if constexpr (v20) {
            v.text(m.reserved, 8, {"Reserved", "reserved"});
            v.absent(m.link_id, {"LinkID", "link_id"});
        } else {
            v.absent(m.reserved, {"Reserved", "reserved"});
            v.text(m.link_id, 20, {"LinkID", "link_id"});
        }
    }
};

/// CMPP_DELIVER_RESP, table 8.13. Result is 1 byte in 2.0 and 4 bytes in 3.0.
struct deliver_resp {
    static constexpr command_id command = command_id::deliver_resp;  ///< its Command_Id

    version ver = version::v20;  ///< the codec version, which chooses the layout
    std::uint32_t sequence_id = 0;  ///< the header's Sequence_Id
    std::uint64_t msg_id = 0;   ///< the DELIVER's Msg_Id
    std::uint32_t result = 0;   ///< 0 success
    bytes trailing;  ///< tolerant decoding: bytes after the body

    /// The body's fields in wire order, to visitor `v` (cmpp/layout.hpp); cmpp::walk() runs it.
    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        v.number(m.msg_id, 8, {"Msg_Id", "msg_id"});
        v.number(m.result, Ver == version::v20 ? 1 : 4, {"Result", "result"});
    }
};

}  // namespace smsgw::cmpp
