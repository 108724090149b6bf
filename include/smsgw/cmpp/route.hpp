#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/cmpp/layout.hpp"

// Route queries between an ISMG and the GNS (gateway name server): CMPP_MT_ROUTE,
// CMPP_MO_ROUTE and CMPP_GET_ROUTE of CMPP 2.0 §8.6.3-8.6.5 (tables 8.20-8.25), and CMPP
// 3.0.0's layouts (§8.6), where 0x12 becomes CMPP_GET_MT_ROUTE and 0x17 CMPP_GET_MO_ROUTE is
// new. Status fields stay 1 byte in 3.0 ("GNS 部分相关协议不作修改").
namespace smsgw::cmpp {

namespace detail {
// Route_Id, Destination_Id, Gateway_IP, Gateway_port: how every route answer and update starts.
template <class V, class M>
SMSGW_ALWAYS_INLINE constexpr void walk_route_head(V& v, M& m) {
    v.number(m.route_id, 4, {"Route_Id", "route_id"});
    v.text(m.destination_id, 6, {"Destination_Id", "destination_id"});
    v.text(m.gateway_ip, 15, {"Gateway_IP", "gateway_ip"});
    v.number(m.gateway_port, 2, {"Gateway_port", "gateway_port"});
}
}  // namespace detail

/// CMPP_MT_ROUTE (table 8.20): the same in 2.0 and 3.0.
struct mt_route {
    /// The PDU's Command_Id.
    static constexpr command_id command = command_id::mt_route;

    /// The CMPP version, which decides the layout.
    version ver = version::v20;
    /// Sequence_Id of the message header.
    std::uint32_t sequence_id = 0;
    std::string_view source_id;     ///< Source_Id, 6 bytes: source gateway code
    std::string_view terminal_id;   ///< Terminal_Id, 21 bytes: the destination MSISDN
    bytes trailing;      ///< tolerant decoding: bytes after the body

    /// Lists the body's fields in wire order for cmpp/layout.hpp's visitors.
    template <class V, class Self>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, any_version) {
        v.text(m.source_id, 6, {"Source_Id", "source_id"});
        v.text(m.terminal_id, 21, {"Terminal_Id", "terminal_id"});
    }
};

/// CMPP_MT_ROUTE_RESP (table 8.21); 3.0 widens Start_Id and End_Id to 9 bytes and adds User_type and Time_stamp.
struct mt_route_resp {
    /// The PDU's Command_Id.
    static constexpr command_id command = command_id::mt_route_resp;

    /// The CMPP version, which decides the layout.
    version ver = version::v20;
    /// Sequence_Id of the message header.
    std::uint32_t sequence_id = 0;
    /// Route_Id: the route's number at the GNS.
    std::uint32_t route_id = 0;
    std::string_view destination_id;   ///< Destination_Id, 6 bytes
    std::string_view gateway_ip;       ///< Gateway_IP, 15 bytes
    std::uint16_t gateway_port = 0;    ///< Gateway_port: 7890 or 7900
    std::string_view start_id;         ///< Start_Id, 6 (2.0) or 9 (3.0) bytes: first number of the range
    std::string_view end_id;           ///< End_Id, 6 or 9 bytes: last number of the range
    std::string_view area_code;        ///< Area_code, 4 bytes: province code
    std::uint8_t result = 0;           ///< Result: 0 normal, 1 no route, 2 last route (2.0; 3.0 lists no codes)
    std::uint8_t user_type = 0;        ///< User_type (3.0)
    std::string_view time_stamp;       ///< Time_stamp, 14 bytes (3.0): yyyymmddhhmmss
    /// Tolerant decoding: the bytes after the body.
    bytes trailing;

    /// Lists the body's fields in wire order for cmpp/layout.hpp's visitors.
    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        constexpr bool v20 = Ver == version::v20;
        detail::walk_route_head(v, m);
        v.text(m.start_id, v20 ? 6 : 9, {"Start_Id", "start_id"});
        v.text(m.end_id, v20 ? 6 : 9, {"End_Id", "end_id"});
        v.text(m.area_code, 4, {"Area_code", "area_code"});
        v.number(m.result, 1, {"Result", "result"}, v20 ? 2 : any_value);
        if constexpr (v20) {
            v.absent(m.user_type, {"User_type", "user_type"});
            v.absent(m.time_stamp, {"Time_stamp", "time_stamp"});
        } else {
            v.number(m.user_type, 1, {"User_type", "user_type"});
            v.text(m.time_stamp, 14, {"Time_stamp", "time_stamp"});
        }
    }
};

/// CMPP_MO_ROUTE (table 8.22): the same in 2.0 and 3.0.
struct mo_route {
    /// The PDU's Command_Id.
    static constexpr command_id command = command_id::mo_route;

    /// The CMPP version, which decides the layout.
    version ver = version::v20;
    /// Sequence_Id of the message header.
    std::uint32_t sequence_id = 0;
    std::string_view source_id;        ///< Source_Id, 6 bytes
    std::string_view sp_code;          ///< SP_Code, 21 bytes: the SP's service code
    std::string_view service_id;       ///< Service_Id, 10 bytes
    /// Service_Code: the service the MO route is asked for.
    std::uint32_t service_code = 0;
    /// Tolerant decoding: the bytes after the body.
    bytes trailing;

    /// Lists the body's fields in wire order for cmpp/layout.hpp's visitors.
    template <class V, class Self>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, any_version) {
        v.text(m.source_id, 6, {"Source_Id", "source_id"});
        v.text(m.sp_code, 21, {"SP_Code", "sp_code"});
        v.text(m.service_id, 10, {"Service_Id", "service_id"});
        v.number(m.service_code, 4, {"Service_Code", "service_code"});
    }
};

/// CMPP_MO_ROUTE_RESP (table 8.23; 2.0: SP_Id 21); 3.0: SP_Id 6, then SP_Code 21 and SP_AcessType, and Time_stamp.
struct mo_route_resp {
    /// The PDU's Command_Id.
    static constexpr command_id command = command_id::mo_route_resp;

    /// The CMPP version, which decides the layout.
    version ver = version::v20;
    /// Sequence_Id of the message header.
    std::uint32_t sequence_id = 0;
    /// Route_Id: the route's number at the GNS.
    std::uint32_t route_id = 0;
    std::string_view destination_id;   ///< Destination_Id, 6 bytes
    std::string_view gateway_ip;       ///< Gateway_IP, 15 bytes
    /// Gateway_port: the gateway's TCP port.
    std::uint16_t gateway_port = 0;
    std::string_view sp_id;            ///< SP_Id, 21 (2.0) or 6 (3.0) bytes
    std::string_view sp_code;          ///< SP_Code, 21 bytes (3.0)
    std::uint8_t sp_acess_type = 0;    ///< SP_AcessType (3.0; the spec's spelling)
    /// Start_code: first service code of the range.
    std::uint32_t start_code = 0;
    /// End_code: last service code of the range.
    std::uint32_t end_code = 0;
    std::uint8_t result = 0;           ///< Result: 0 normal, 1 no route, 2 last route (2.0; 3.0 lists no codes)
    std::string_view time_stamp;       ///< Time_stamp, 14 bytes (3.0)
    /// Tolerant decoding: the bytes after the body.
    bytes trailing;

    /// Lists the body's fields in wire order for cmpp/layout.hpp's visitors.
    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        constexpr bool v20 = Ver == version::v20;
        detail::walk_route_head(v, m);
        v.text(m.sp_id, v20 ? 21 : 6, {"SP_Id", "sp_id"});
        if constexpr (v20) {
            v.absent(m.sp_code, {"SP_Code", "sp_code"});
            v.absent(m.sp_acess_type, {"SP_AcessType", "sp_acess_type"});
        } else {
            v.text(m.sp_code, 21, {"SP_Code", "sp_code"});
            v.number(m.sp_acess_type, 1, {"SP_AcessType", "sp_acess_type"});
        }
        v.number(m.start_code, 4, {"Start_code", "start_code"});
        v.number(m.end_code, 4, {"End_code", "end_code"});
        v.number(m.result, 1, {"Result", "result"}, v20 ? 2 : any_value);
        if constexpr (v20) {
            v.absent(m.time_stamp, {"Time_stamp", "time_stamp"});
        } else {
            v.text(m.time_stamp, 14, {"Time_stamp", "time_stamp"});
        }
    }
};

/// Table 8.24 (2.0 CMPP_GET_ROUTE) and CMPP 3.0.0 §8.6 (CMPP_GET_MT_ROUTE, 0x12, and
/// CMPP_GET_MO_ROUTE, 0x17): the same fields, Route_type 2 bytes in 2.0 and 4 in 3.0. Each
/// exists in one version only: 0x12 is GET_ROUTE in 2.0 and GET_MT_ROUTE in 3.0.
template <command_id Id, version Only>
struct basic_get_route {
    /// The PDU's Command_Id.
    static constexpr command_id command = Id;
    /// The one CMPP version that has this PDU.
    static constexpr version only_in = Only;

    version ver = Only;  ///< the one version that has it
    /// Sequence_Id of the message header.
    std::uint32_t sequence_id = 0;
    std::string_view source_id;         ///< Source_Id, 6 bytes
    std::string_view route_type;        ///< Route_type, 2 (2.0: "MO" or "MT") or 4 (3.0) bytes
    std::int32_t last_route_id = -1;    ///< Last_route_Id: the last Route_Id received; -1 the first time
    bytes trailing;          ///< tolerant decoding: bytes after the body

    /// Lists the body's fields in wire order for cmpp/layout.hpp's visitors.
    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        v.text(m.source_id, 6, {"Source_Id", "source_id"});
        v.text(m.route_type, Only == version::v20 ? 2 : 4, {"Route_type", "route_type"});
        v.number(m.last_route_id, 4, {"Last_route_Id", "last_route_id"});
    }
};

/// CMPP_GET_ROUTE (2.0).
using get_route = basic_get_route<command_id::get_route, version::v20>;
/// CMPP_GET_MT_ROUTE (3.0).
using get_mt_route = basic_get_route<command_id::get_mt_route, version::v30>;
/// CMPP_GET_MO_ROUTE (3.0).
using get_mo_route = basic_get_route<command_id::get_mo_route, version::v30>;

/// CMPP_GET_ROUTE_RESP (table 8.25), 2.0 only.
struct get_route_resp {
    /// The PDU's Command_Id.
    static constexpr command_id command = command_id::get_route_resp;
    /// The one CMPP version that has this PDU.
    static constexpr version only_in = version::v20;

    version ver = version::v20;  ///< the one version that has it
    /// Sequence_Id of the message header.
    std::uint32_t sequence_id = 0;
    /// Route_Id: the route's number at the GNS.
    std::uint32_t route_id = 0;
    std::string_view destination_id;   ///< Destination_Id, 6 bytes
    std::string_view gateway_ip;       ///< Gateway_IP, 15 bytes
    /// Gateway_port: the gateway's TCP port.
    std::uint16_t gateway_port = 0;
    std::string_view sp_code;          ///< SP_Code, 21 bytes: empty for MT routes
    std::string_view service_id;       ///< Service_Id, 10 bytes
    std::uint32_t start_code = 0;      ///< Start_code: MO: first service code; MT: first number of the range
    std::uint32_t end_code = 0;        ///< End_code: MO: last service code; MT: last number of the range
    std::string_view area_code;        ///< Area_code, 4 bytes: empty for MO routes
    std::uint8_t result = 0;           ///< Result: 0 normal, 1 no route, 2 last route
    /// Tolerant decoding: the bytes after the body.
    bytes trailing;

    /// Lists the body's fields in wire order for cmpp/layout.hpp's visitors.
    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        detail::walk_route_head(v, m);
        v.text(m.sp_code, 21, {"SP_Code", "sp_code"});
        v.text(m.service_id, 10, {"Service_Id", "service_id"});
        v.number(m.start_code, 4, {"Start_code", "start_code"});
        v.number(m.end_code, 4, {"End_code", "end_code"});
        v.text(m.area_code, 4, {"Area_code", "area_code"});
        v.number(m.result, 1, {"Result", "result"}, 2);
    }
};

/// CMPP 3.0.0 §8.6: CMPP_GET_MT_ROUTE_RESP, 3.0 only.
struct get_mt_route_resp {
    /// The PDU's Command_Id.
    static constexpr command_id command = command_id::get_mt_route_resp;
    /// The one CMPP version that has this PDU.
    static constexpr version only_in = version::v30;

    version ver = version::v30;  ///< the one version that has it
    /// Sequence_Id of the message header.
    std::uint32_t sequence_id = 0;
    /// Route_Id: the route's number at the GNS.
    std::uint32_t route_id = 0;
    std::string_view destination_id;   ///< Destination_Id, 6 bytes
    std::string_view gateway_ip;       ///< Gateway_IP, 15 bytes
    /// Gateway_port: the gateway's TCP port.
    std::uint16_t gateway_port = 0;
    std::string_view start_id;         ///< Start_Id, 9 bytes
    std::string_view end_id;           ///< End_Id, 9 bytes
    std::string_view area_code;        ///< Area_code, 4 bytes
    std::uint8_t result = 0;           ///< Result: the notes list no codes for it: unchecked
    /// User_type (1 byte).
    std::uint8_t user_type = 0;
    /// Route_total, 4 bytes (3.0).
    std::uint32_t route_total = 0;
    /// Route_number, 4 bytes (3.0).
    std::uint32_t route_number = 0;
    std::string_view time_stamp;       ///< Time_stamp, 14 bytes: yyyymmddhhmmss
    /// Tolerant decoding: the bytes after the body.
    bytes trailing;

    /// Lists the body's fields in wire order for cmpp/layout.hpp's visitors.
    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        detail::walk_route_head(v, m);
        v.text(m.start_id, 9, {"Start_Id", "start_id"});
        v.text(m.end_id, 9, {"End_Id", "end_id"});
        v.text(m.area_code, 4, {"Area_code", "area_code"});
        v.number(m.result, 1, {"Result", "result"});
        v.number(m.user_type, 1, {"User_type", "user_type"});
        v.number(m.route_total, 4, {"Route_total", "route_total"});
        v.number(m.route_number, 4, {"Route_number", "route_number"});
        v.text(m.time_stamp, 14, {"Time_stamp", "time_stamp"});
    }
};

/// CMPP 3.0.0 §8.6: CMPP_GET_MO_ROUTE_RESP, 3.0 only. Result: 0 ok, 1 no route, 2 bad source
/// gateway, 3 bad route type, 9 busy (codes.hpp: get_mo_route_result); strict decoding refuses
/// the others.
struct get_mo_route_resp {
    /// The PDU's Command_Id.
    static constexpr command_id command = command_id::get_mo_route_resp;
    /// The one CMPP version that has this PDU.
    static constexpr version only_in = version::v30;

    version ver = version::v30;  ///< the one version that has it
    /// Sequence_Id of the message header.
    std::uint32_t sequence_id = 0;
    /// Route_Id: the route's number at the GNS.
    std::uint32_t route_id = 0;
    std::string_view destination_id;   ///< Destination_Id, 6 bytes
    std::string_view gateway_ip;       ///< Gateway_IP, 15 bytes
    /// Gateway_port: the gateway's TCP port.
    std::uint16_t gateway_port = 0;
    std::string_view sp_id;            ///< SP_Id, 6 bytes
    std::string_view sp_code;          ///< SP_Code, 21 bytes
    /// SP_AcessType (the spec's spelling).
    std::uint8_t sp_acess_type = 0;
    std::string_view service_id;       ///< Service_Id, 10 bytes
    /// Start_code: first service code of the range.
    std::uint32_t start_code = 0;
    /// End_code: last service code of the range.
    std::uint32_t end_code = 0;
    /// Result (1 byte).
    std::uint8_t result = 0;
    /// Route_total, 4 bytes (3.0).
    std::uint32_t route_total = 0;
    /// Route_number, 4 bytes (3.0).
    std::uint32_t route_number = 0;
    std::string_view time_stamp;       ///< Time_stamp, 14 bytes
    /// Tolerant decoding: the bytes after the body.
    bytes trailing;

    /// Lists the body's fields in wire order for cmpp/layout.hpp's visitors.
    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        detail::walk_route_head(v, m);
        v.text(m.sp_id, 6, {"SP_Id", "sp_id"});
        v.text(m.sp_code, 21, {"SP_Code", "sp_code"});
        v.number(m.sp_acess_type, 1, {"SP_AcessType", "sp_acess_type"});
        v.text(m.service_id, 10, {"Service_Id", "service_id"});
        v.number(m.start_code, 4, {"Start_code", "start_code"});
        v.number(m.end_code, 4, {"End_code", "end_code"});
        v.number(m.result, 1, {"Result", "result"}, codes(0, 1, 2, 3, 9));
        v.number(m.route_total, 4, {"Route_total", "route_total"});
        v.number(m.route_number, 4, {"Route_number", "route_number"});
        v.text(m.time_stamp, 14, {"Time_stamp", "time_stamp"});
    }
};

}  // namespace smsgw::cmpp
