#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/cmpp/id_list.hpp"
#include "smsgw/cmpp/layout.hpp"

/// @file
/// CMPP_SUBMIT and CMPP_SUBMIT_RESP (CMPP 2.0 §8.4.3, tables 8.6 and 8.7; CMPP 3.0.0 items 1-5,
/// 16, 17). The 3.0 layout widens Fee_terminal_Id and Dest_terminal_Id to 32 bytes, adds
/// Fee_terminal_type and Dest_terminal_type, and replaces Reserve with LinkID:
///   2.0: 138 + 21 * DestUsr_tl + Msg_Length bytes;  3.0: 163 + 32 * DestUsr_tl + Msg_Length.
namespace smsgw::cmpp {

/// CMPP_SUBMIT, table 8.6: a message from the SP.
struct submit {
    static constexpr command_id command = command_id::submit;  ///< its Command_Id

    version ver = version::v20;  ///< the codec version, which chooses the layout
    std::uint32_t sequence_id = 0;  ///< the header's Sequence_Id
    std::uint64_t msg_id = 0;               ///< the SP sends 0; the ISMG fills it in
    std::uint8_t pk_total = 1;              ///< parts of a long message, from 1
    std::uint8_t pk_number = 1;             ///< this part's number, from 1
    std::uint8_t registered_delivery = 0;   ///< 0 no report, 1 report, 2 SMC bill only (2.0)
    std::uint8_t msg_level = 0;  ///< Msg_level, the message's priority
    std::string_view service_id;            ///< 10
    std::uint8_t fee_user_type = 0;         ///< 0 destination, 1 source, 2 SP, 3 see Fee_terminal_Id
    std::string_view fee_terminal_id;       ///< 21 (2.0) or 32 (3.0)
    std::uint8_t fee_terminal_type = 0;     ///< 3.0: 0 real number, 1 pseudo-code
    std::uint8_t tp_pid = 0;                ///< GSM 03.40 §9.2.3.9
    std::uint8_t tp_udhi = 0;               ///< GSM 03.40 §9.2.3.23: 1 when Msg_Content starts with a UDH
    std::uint8_t msg_fmt = 0;               ///< 0 ASCII, 3 SIM write, 4 binary, 8 UCS-2, 15 GB text
    std::string_view msg_src;               ///< 6: SP_Id
    std::string_view fee_type;              ///< 2: "01".."05" (3.0: "01".."03")
    std::string_view fee_code;              ///< 6: fee in fen
    std::string_view valid_time;            ///< 17: SMPP 3.3 time (ValId_Time)
    std::string_view at_time;               ///< 17: SMPP 3.3 time
    std::string_view src_id;                ///< 21: the SP's service code, shown as the caller
    id_list dest_terminal_ids;              ///< DestUsr_tl ids of 21 (2.0) or 32 (3.0) bytes, fewer than 100
    std::uint8_t dest_terminal_type = 0;    ///< 3.0: 0 real number, 1 pseudo-code
    bytes msg_content;                      ///< Msg_Length is its size
    std::string_view reserve;               ///< 8 (2.0)
    std::string_view link_id;               ///< 20 (3.0): LinkID
    bytes trailing;                         ///< tolerant decoding: bytes after the body

    /// Msg_Content as chars, for ASCII content or to compare it with a string.
    std::string_view content_chars() const noexcept { return as_chars(msg_content); }

    /// The body's fields in wire order, to visitor `v` (cmpp/layout.hpp); cmpp::walk() runs it.
    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        constexpr bool v20 = Ver == version::v20;
        const std::size_t terminal = v20 ? 21 : 32;
        v.number(m.msg_id, 8, {"Msg_Id", "msg_id"});
        v.number(m.pk_total, 1, {"Pk_total", "pk_total"});
        v.number(m.pk_number, 1, {"Pk_number", "pk_number"});
        v.number(m.registered_delivery, 1, {"Registered_Delivery", "registered_delivery"}, v20 ? 2 : 1);
        v.number(m.msg_level, 1, {"Msg_level", "msg_level"});
        v.text(m.service_id, 10, {"Service_Id", "service_id"});
        v.number(m.fee_user_type, 1, {"Fee_UserType", "fee_user_type"}, 3);
        v.text(m.fee_terminal_id, terminal, {"Fee_terminal_Id", "fee_terminal_id"});
        if constexpr (v20) {
            v.absent(m.fee_terminal_type, {"Fee_terminal_type", "fee_terminal_type"});
        } else {
            v.number(m.fee_terminal_type, 1, {"Fee_terminal_type", "fee_terminal_type"}, 1);
        }
        v.number(m.tp_pid, 1, {"TP_pId", "tp_pid"});
        v.number(m.tp_udhi, 1, {"TP_udhi", "tp_udhi"}, 1);
        v.number(m.msg_fmt, 1, {"Msg_Fmt", "msg_fmt"});
        v.text(m.msg_src, 6, {"Msg_src", "msg_src"});
        v.text(m.fee_type, 2, {"FeeType", "fee_type"});
        v.text(m.fee_code, 6, {"FeeCode", "fee_code"});
        v.text(m.valid_time, 17, {"ValId_Time", "valid_time"});
        v.text(m.at_time, 17, {"At_Time", "at_time"});
        v.text(m.src_id, 21, {"Src_Id", "src_id"});
        v.ids(m.dest_terminal_ids, terminal, {"DestUsr_tl", "dest_usr_tl"}, {"Dest_terminal_Id", "dest_terminal_id"}, 0, 99);
        if constexpr (v20) {
            v.absent(m.dest_terminal_type, {"Dest_terminal_type", "dest_terminal_type"});
        } else {
            v.number(m.dest_terminal_type, 1, {"Dest_terminal_type", "dest_terminal_type"}, 1);
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

/// CMPP_SUBMIT_RESP, table 8.7. Result is 1 byte in 2.0 and 4 bytes in 3.0 (3.0.0 item 16); codes.hpp names it.
struct submit_resp {
    static constexpr command_id command = command_id::submit_resp;  ///< its Command_Id

    version ver = version::v20;  ///< the codec version, which chooses the layout
    std::uint32_t sequence_id = 0;  ///< the header's Sequence_Id
    std::uint64_t msg_id = 0;   ///< msg_id.hpp splits it
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
