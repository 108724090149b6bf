#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/cmpp/id_list.hpp"
#include "smsgw/cmpp/layout.hpp"

/// @file
/// CMPP_FWD and CMPP_FWD_RESP (CMPP 2.0 §8.5.4, tables 8.17 and 8.19; CMPP 3.0.0 §8.5.4): one
/// ISMG forwarding an MT, an MO or a status report to another. 3.0 adds the pseudo-terminal
/// fields (Fee_terminal_Pseudo, Src_Pseudo, Dest_Pseudo and their user types), requires
/// DestUsr_tl 1 and replaces Reserve with LinkID. Its user-type bytes (Fee_terminal_UserType,
/// Src_UserType, Src_type, Dest_UserType) are 0 or 1, which strict decoding checks:
///   2.0: 152 + 21 * DestUsr_tl + Msg_Length bytes;  3.0: 264 + 21 * DestUsr_tl + Msg_Length.
/// With Msg_Fwd_Type 3 the Msg_Content is an MO status report (table 8.35, report.hpp).
namespace smsgw::cmpp {

/// CMPP_FWD, table 8.17: a message forwarded from one ISMG to another.
struct fwd {
    static constexpr command_id command = command_id::fwd;  ///< its Command_Id

    version ver = version::v20;  ///< the codec version, which chooses the layout
    std::uint32_t sequence_id = 0;  ///< the header's Sequence_Id
    std::string_view source_id;                 ///< 6: source ISMG code, right-aligned, '0'-padded on the left
    std::string_view destination_id;            ///< 6: destination ISMG code, likewise
    std::uint8_t nodes_count = 0;               ///< gateways passed
    std::uint8_t msg_fwd_type = 0;              ///< 0 MT, 1 MO, 2 MT report, 3 MO report
    std::uint64_t msg_id = 0;  ///< Msg_Id (msg_id.hpp splits it)
    std::uint8_t pk_total = 1;  ///< Pk_total: segments of the message, from 1
    std::uint8_t pk_number = 1;  ///< Pk_number: this segment, from 1
    std::uint8_t registered_delivery = 0;       ///< 0, 1, 2 (SMC bill)
    std::uint8_t msg_level = 0;  ///< Msg_level, the message's priority
    std::string_view service_id;                ///< 10
    std::uint8_t fee_user_type = 0;             ///< 0..3 as in SUBMIT
    std::string_view fee_terminal_id;           ///< 21
    std::string_view fee_terminal_pseudo;       ///< 32 (3.0)
    std::uint8_t fee_terminal_user_type = 0;    ///< 3.0: 0 全球通 (GoTone), 1 神州行 (Shenzhouxing)
    std::uint8_t tp_pid = 0;  ///< TP_pid, GSM 03.40 §9.2.3.9
    std::uint8_t tp_udhi = 0;  ///< TP_udhi: 1 when Msg_Content starts with a UDH (sms/udh.hpp)
    std::uint8_t msg_fmt = 0;  ///< Msg_Fmt: 0 ASCII, 4 binary, 8 UCS-2, 15 GB text (text.hpp)
    std::string_view msg_src;                   ///< 6: SP_Id
    std::string_view fee_type;                  ///< 2
    std::string_view fee_code;                  ///< 6
    std::string_view valid_time;                ///< 17
    std::string_view at_time;                   ///< 17
    std::string_view src_id;                    ///< 21
    std::string_view src_pseudo;                ///< 32 (3.0)
    std::uint8_t src_user_type = 0;             ///< 3.0: 0 or 1, as Fee_terminal_UserType
    std::uint8_t src_type = 0;                  ///< 3.0: 0 or 1
    id_list dest_ids;                           ///< DestUsr_tl ids of 21 bytes (Dest_Id)
    std::string_view dest_pseudo;               ///< 32 (3.0)
    std::uint8_t dest_user_type = 0;            ///< 3.0: 0 or 1, as Fee_terminal_UserType
    bytes msg_content;                          ///< Msg_Length is its size
    std::string_view reserve;                   ///< 8 (2.0)
    std::string_view link_id;                   ///< 20 (3.0)
    bytes trailing;                             ///< tolerant decoding: bytes after the body

    /// Msg_Content as chars, for ASCII content or to compare it with a string.
    std::string_view content_chars() const noexcept { return as_chars(msg_content); }

    /// The body's fields in wire order, to visitor `v` (cmpp/layout.hpp); cmpp::walk() runs it.
    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        constexpr bool v20 = Ver == version::v20;
        v.text(m.source_id, 6, {"Source_Id", "source_id"}, pad::zero_left);
        v.text(m.destination_id, 6, {"Destination_Id", "destination_id"}, pad::zero_left);
        v.number(m.nodes_count, 1, {"NodesCount", "nodes_count"});
        v.number(m.msg_fwd_type, 1, {"Msg_Fwd_Type", "msg_fwd_type"}, 3);
        v.number(m.msg_id, 8, {"Msg_Id", "msg_id"});
        v.number(m.pk_total, 1, {"Pk_total", "pk_total"});
        v.number(m.pk_number, 1, {"Pk_number", "pk_number"});
        v.number(m.registered_delivery, 1, {"Registered_Delivery", "registered_delivery"}, 2);
        v.number(m.msg_level, 1, {"Msg_level", "msg_level"});
        v.text(m.service_id, 10, {"Service_Id", "service_id"});
        v.number(m.fee_user_type, 1, {"Fee_UserType", "fee_user_type"}, 3);
        v.text(m.fee_terminal_id, 21, {"Fee_terminal_Id", "fee_terminal_id"});
        if constexpr (v20) {
            v.absent(m.fee_terminal_pseudo, {"Fee_terminal_Pseudo", "fee_terminal_pseudo"});
            v.absent(m.fee_terminal_user_type, {"Fee_terminal_UserType", "fee_terminal_user_type"});
        } else {
            v.text(m.fee_terminal_pseudo, 32, {"Fee_terminal_Pseudo", "fee_terminal_pseudo"});
            v.number(m.fee_terminal_user_type, 1, {"Fee_terminal_UserType", "fee_terminal_user_type"}, 1);
        }
        v.number(m.tp_pid, 1, {"TP_pid", "tp_pid"});
        v.number(m.tp_udhi, 1, {"TP_udhi", "tp_udhi"}, 1);
        v.number(m.msg_fmt, 1, {"Msg_Fmt", "msg_fmt"});
        v.text(m.msg_src, 6, {"Msg_src", "msg_src"});
        v.text(m.fee_type, 2, {"FeeType", "fee_type"});
        v.text(m.fee_code, 6, {"FeeCode", "fee_code"});
        v.text(m.valid_time, 17, {"Valid_Time", "valid_time"});
        v.text(m.at_time, 17, {"At_Time", "at_time"});
        v.text(m.src_id, 21, {"Src_Id", "src_id"});
        if constexpr (v20) {
            v.absent(m.src_pseudo, {"Src_Pseudo", "src_pseudo"});
            v.absent(m.src_user_type, {"Src_UserType", "src_user_type"});
            v.absent(m.src_type, {"Src_type", "src_type"});
        } else {
            v.text(m.src_pseudo, 32, {"Src_Pseudo", "src_pseudo"});
            v.number(m.src_user_type, 1, {"Src_UserType", "src_user_type"}, 1);
            v.number(m.src_type, 1, {"Src_type", "src_type"}, 1);
        }
        v.ids(m.dest_ids, 21, {"DestUsr_tl", "dest_usr_tl"}, {"Dest_Id", "dest_id"}, v20 ? 0 : 1, v20 ? 99 : 1);
        if constexpr (v20) {
            v.absent(m.dest_pseudo, {"Dest_Pseudo", "dest_pseudo"});
            v.absent(m.dest_user_type, {"Dest_UserType", "dest_user_type"});
        } else {
            v.text(m.dest_pseudo, 32, {"Dest_Pseudo", "dest_pseudo"});
            v.number(m.dest_user_type, 1, {"Dest_UserType", "dest_user_type"}, 1);
        }
        v.content(m.msg_content, msg_length_limit(m.msg_fmt), {"Msg_Length", "msg_length"}, {"Msg_Content", "msg_content"});
        if constexpr (v20) {
            v.text(m.reserve, 8, {"Reserve", "reserve"});
            v.absent(m.link_id, {"LinkID", "link_id"});
        } else {
            v.absent(m.reserve, {"Reserve", "reserve"});
            v.text(m.link_id, 20, {"LinkID", "link_id"});
        }
    }
};

/// CMPP_FWD_RESP, table 8.19. Result is 1 byte in 2.0 and 4 bytes in 3.0; 9 means "this SP should not be sent
/// to this ISMG".
struct fwd_resp {
    static constexpr command_id command = command_id::fwd_resp;  ///< its Command_Id

    version ver = version::v20;  ///< the codec version, which chooses the layout
    std::uint32_t sequence_id = 0;  ///< the header's Sequence_Id
    std::uint64_t msg_id = 0;  ///< Msg_Id (msg_id.hpp splits it)
    std::uint8_t pk_total = 1;  ///< Pk_total: segments of the message, from 1
    std::uint8_t pk_number = 1;  ///< Pk_number: this segment, from 1
    std::uint32_t result = 0;  ///< Result: 0 success (codes.hpp)
    bytes trailing;  ///< tolerant decoding: bytes after the body

    /// The body's fields in wire order, to visitor `v` (cmpp/layout.hpp); cmpp::walk() runs it.
    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        v.number(m.msg_id, 8, {"Msg_Id", "msg_id"});
        v.number(m.pk_total, 1, {"Pk_total", "pk_total"});
        v.number(m.pk_number, 1, {"Pk_number", "pk_number"});
        v.number(m.result, Ver == version::v20 ? 1 : 4, {"Result", "result"});
    }
};

}  // namespace smsgw::cmpp
