#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/cmpp/layout.hpp"
#include "smsgw/cmpp/route.hpp"

// Route updates between an ISMG and the GNS: CMPP_MT_ROUTE_UPDATE and CMPP_MO_ROUTE_UPDATE
// (ISMG to GNS, CMPP 2.0 §8.6.6-8.6.7, tables 8.26-8.29) and CMPP_PUSH_MT_ROUTE_UPDATE and
// CMPP_PUSH_MO_ROUTE_UPDATE (GNS to ISMG, §8.6.8-8.6.9, tables 8.30-8.33), with CMPP 3.0.0's
// layouts (§8.6): 9-byte Start_Id/End_Id and User_type for MT routes, SP_Id, SP_AcessType for
// MO routes, a Time_stamp on pushes, Route_Id and Time_stamp in the update responses.
namespace smsgw::cmpp {

/// Tables 8.26 (CMPP_MT_ROUTE_UPDATE, ISMG to GNS) and 8.30 (CMPP_PUSH_MT_ROUTE_UPDATE, GNS to
/// ISMG): the same body; 3.0 widens Start_Id/End_Id to 9 bytes, adds User_type, and appends
/// Time_stamp to the push.
template <command_id Id>
struct basic_mt_route_update {
    /// The PDU's Command_Id.
    static constexpr command_id command = Id;
    /// True for the GNS's push, false for the ISMG's update.
    static constexpr bool push = Id == command_id::push_mt_route_update;

    /// The CMPP version, which decides the layout.
    version ver = version::v20;
    /// Sequence_Id of the message header.
    std::uint32_t sequence_id = 0;
    std::uint8_t update_type = 0;      ///< Update_type: 0 add, 1 delete, 2 update
    std::uint32_t route_id = 0;        ///< Route_Id: 0 when adding
    std::string_view destination_id;   ///< Destination_Id, 6 bytes
    std::string_view gateway_ip;       ///< Gateway_IP, 15 bytes
    /// Gateway_port: the gateway's TCP port.
    std::uint16_t gateway_port = 0;
    std::string_view start_id;         ///< Start_Id, 6 (2.0) or 9 (3.0) bytes
    std::string_view end_id;           ///< End_Id, 6 or 9 bytes
    std::string_view area_code;        ///< Area_code, 4 bytes
    std::uint8_t user_type = 0;        ///< User_type (3.0)
    std::string_view time_stamp;       ///< Time_stamp, 14 bytes: 3.0 pushes only (yyyymmddhhmmss)
    bytes trailing;         ///< tolerant decoding: bytes after the body

    /// Lists the body's fields in wire order for cmpp/layout.hpp's visitors.
    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        constexpr bool v20 = Ver == version::v20;
        v.number(m.update_type, 1, {"Update_type", "update_type"}, 2);
        detail::walk_route_head(v, m);
        v.text(m.start_id, v20 ? 6 : 9, {"Start_Id", "start_id"});
        v.text(m.end_id, v20 ? 6 : 9, {"End_Id", "end_id"});
        v.text(m.area_code, 4, {"Area_code", "area_code"});
        if constexpr (v20) {
            v.absent(m.user_type, {"User_type", "user_type"});
        } else {
            v.number(m.user_type, 1, {"User_type", "user_type"});
        }
        if (push && !v20) {
            v.text(m.time_stamp, 14, {"Time_stamp", "time_stamp"});
        } else {
            v.absent(m.time_stamp, {"Time_stamp", "time_stamp"});
        }
    }
};

/// CMPP_MT_ROUTE_UPDATE, ISMG to GNS.
using mt_route_update = basic_mt_route_update<command_id::mt_route_update>;
/// CMPP_PUSH_MT_ROUTE_UPDATE, GNS to ISMG.
using push_mt_route_update = basic_mt_route_update<command_id::push_mt_route_update>;

/// Tables 8.28 (CMPP_MO_ROUTE_UPDATE) and 8.32 (CMPP_PUSH_MO_ROUTE_UPDATE): the same body; 3.0
/// puts SP_Id before SP_Code and SP_AcessType after it, and appends Time_stamp to the push.
template <command_id Id>
struct basic_mo_route_update {
    /// The PDU's Command_Id.
    static constexpr command_id command = Id;
    /// True for the GNS's push, false for the ISMG's update.
    static constexpr bool push = Id == command_id::push_mo_route_update;

    /// The CMPP version, which decides the layout.
    version ver = version::v20;
    /// Sequence_Id of the message header.
    std::uint32_t sequence_id = 0;
    std::uint8_t update_type = 0;      ///< Update_type: 0 add, 1 delete, 2 update
    std::uint32_t route_id = 0;        ///< Route_Id: 0 when adding
    std::string_view destination_id;   ///< Destination_Id, 6 bytes
    std::string_view gateway_ip;       ///< Gateway_IP, 15 bytes
    /// Gateway_port: the gateway's TCP port.
    std::uint16_t gateway_port = 0;
    std::string_view sp_id;            ///< SP_Id, 6 bytes (3.0)
    std::string_view sp_code;          ///< SP_Code, 21 bytes
    std::uint8_t sp_acess_type = 0;    ///< SP_AcessType (3.0; the spec's spelling)
    std::string_view service_id;       ///< Service_Id, 10 bytes
    /// Start_code: first service code of the range.
    std::uint32_t start_code = 0;
    /// End_code: last service code of the range.
    std::uint32_t end_code = 0;
    std::string_view time_stamp;       ///< Time_stamp, 14 bytes: 3.0 pushes only
    /// Tolerant decoding: the bytes after the body.
    bytes trailing;

    /// Lists the body's fields in wire order for cmpp/layout.hpp's visitors.
    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        constexpr bool v20 = Ver == version::v20;
        v.number(m.update_type, 1, {"Update_type", "update_type"}, 2);
        detail::walk_route_head(v, m);
        if constexpr (v20) {
            v.absent(m.sp_id, {"SP_Id", "sp_id"});
            v.text(m.sp_code, 21, {"SP_Code", "sp_code"});
            v.absent(m.sp_acess_type, {"SP_AcessType", "sp_acess_type"});
        } else {
            v.text(m.sp_id, 6, {"SP_Id", "sp_id"});
            v.text(m.sp_code, 21, {"SP_Code", "sp_code"});
            v.number(m.sp_acess_type, 1, {"SP_AcessType", "sp_acess_type"});
        }
        v.text(m.service_id, 10, {"Service_Id", "service_id"});
        v.number(m.start_code, 4, {"Start_code", "start_code"});
        v.number(m.end_code, 4, {"End_code", "end_code"});
        if (push && !v20) {
            v.text(m.time_stamp, 14, {"Time_stamp", "time_stamp"});
        } else {
            v.absent(m.time_stamp, {"Time_stamp", "time_stamp"});
        }
    }
};

/// CMPP_MO_ROUTE_UPDATE, ISMG to GNS.
using mo_route_update = basic_mo_route_update<command_id::mo_route_update>;
/// CMPP_PUSH_MO_ROUTE_UPDATE, GNS to ISMG.
using push_mo_route_update = basic_mo_route_update<command_id::push_mo_route_update>;

/// Tables 8.27 and 8.29: the GNS's answer to an update; 3.0 adds Route_Id and Time_stamp.
template <command_id Id>
struct basic_route_update_resp {
    /// The PDU's Command_Id.
    static constexpr command_id command = Id;

    /// The CMPP version, which decides the layout.
    version ver = version::v20;
    /// Sequence_Id of the message header.
    std::uint32_t sequence_id = 0;
    std::uint8_t result = 0;           ///< Result: 0 valid, awaiting confirmation; 1 invalid
    std::uint32_t route_id = 0;        ///< Route_Id (3.0)
    std::string_view time_stamp;       ///< Time_stamp, 14 bytes (3.0)
    /// Tolerant decoding: the bytes after the body.
    bytes trailing;

    /// Lists the body's fields in wire order for cmpp/layout.hpp's visitors.
    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        v.number(m.result, 1, {"Result", "result"}, 1);
        if constexpr (Ver == version::v20) {
            v.absent(m.route_id, {"Route_Id", "route_id"});
            v.absent(m.time_stamp, {"Time_stamp", "time_stamp"});
        } else {
            v.number(m.route_id, 4, {"Route_Id", "route_id"});
            v.text(m.time_stamp, 14, {"Time_stamp", "time_stamp"});
        }
    }
};

/// CMPP_MT_ROUTE_UPDATE_RESP.
using mt_route_update_resp = basic_route_update_resp<command_id::mt_route_update_resp>;
/// CMPP_MO_ROUTE_UPDATE_RESP.
using mo_route_update_resp = basic_route_update_resp<command_id::mo_route_update_resp>;

/// Tables 8.31 and 8.33: the ISMG's answer to a push, the same in 2.0 and 3.0.
template <command_id Id>
struct basic_push_resp {
    /// The PDU's Command_Id.
    static constexpr command_id command = Id;

    /// The CMPP version, which decides the layout.
    version ver = version::v20;
    /// Sequence_Id of the message header.
    std::uint32_t sequence_id = 0;
    std::uint8_t result = 0;           ///< Result: 0 changed, 1 failed
    /// Tolerant decoding: the bytes after the body.
    bytes trailing;

    /// Lists the body's fields in wire order for cmpp/layout.hpp's visitors.
    template <class V, class Self>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, any_version) {
        v.number(m.result, 1, {"Result", "result"}, 1);
    }
};

/// CMPP_PUSH_MT_ROUTE_UPDATE_RESP.
using push_mt_route_update_resp = basic_push_resp<command_id::push_mt_route_update_resp>;
/// CMPP_PUSH_MO_ROUTE_UPDATE_RESP.
using push_mo_route_update_resp = basic_push_resp<command_id::push_mo_route_update_resp>;

}  // namespace smsgw::cmpp
