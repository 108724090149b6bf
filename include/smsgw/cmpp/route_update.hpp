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

// Tables 8.26 (CMPP_MT_ROUTE_UPDATE, ISMG to GNS) and 8.30 (CMPP_PUSH_MT_ROUTE_UPDATE, GNS to
// ISMG): the same body; 3.0 widens Start_Id/End_Id to 9 bytes, adds User_type, and appends
// Time_stamp to the push.
template <command_id Id>
struct basic_mt_route_update {
    static constexpr command_id command = Id;
    static constexpr bool push = Id == command_id::push_mt_route_update;

    version ver = version::v20;
    std::uint32_t sequence_id = 0;
    std::uint8_t update_type = 0;      // 0 add, 1 delete, 2 update
    std::uint32_t route_id = 0;        // 0 when adding
    std::string_view destination_id;   // 6
    std::string_view gateway_ip;       // 15
    std::uint16_t gateway_port = 0;
    std::string_view start_id;         // 6 (2.0) or 9 (3.0)
    std::string_view end_id;           // 6 or 9
    std::string_view area_code;        // 4
    std::uint8_t user_type = 0;        // 3.0
    std::string_view time_stamp;       // 14: 3.0 pushes only (yyyymmddhhmmss)
    bytes trailing;                    // tolerant decoding: bytes after the body

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

using mt_route_update = basic_mt_route_update<command_id::mt_route_update>;
using push_mt_route_update = basic_mt_route_update<command_id::push_mt_route_update>;

// Tables 8.28 (CMPP_MO_ROUTE_UPDATE) and 8.32 (CMPP_PUSH_MO_ROUTE_UPDATE): the same body; 3.0
// puts SP_Id before SP_Code and SP_AcessType after it, and appends Time_stamp to the push.
template <command_id Id>
struct basic_mo_route_update {
    static constexpr command_id command = Id;
    static constexpr bool push = Id == command_id::push_mo_route_update;

    version ver = version::v20;
    std::uint32_t sequence_id = 0;
    std::uint8_t update_type = 0;      // 0 add, 1 delete, 2 update
    std::uint32_t route_id = 0;        // 0 when adding
    std::string_view destination_id;   // 6
    std::string_view gateway_ip;       // 15
    std::uint16_t gateway_port = 0;
    std::string_view sp_id;            // 6 (3.0)
    std::string_view sp_code;          // 21
    std::uint8_t sp_acess_type = 0;    // 3.0 (the spec's spelling)
    std::string_view service_id;       // 10
    std::uint32_t start_code = 0;
    std::uint32_t end_code = 0;
    std::string_view time_stamp;       // 14: 3.0 pushes only
    bytes trailing;

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

using mo_route_update = basic_mo_route_update<command_id::mo_route_update>;
using push_mo_route_update = basic_mo_route_update<command_id::push_mo_route_update>;

// Tables 8.27 and 8.29: the GNS's answer to an update; 3.0 adds Route_Id and Time_stamp.
template <command_id Id>
struct basic_route_update_resp {
    static constexpr command_id command = Id;

    version ver = version::v20;
    std::uint32_t sequence_id = 0;
    std::uint8_t result = 0;           // 0 valid, awaiting confirmation; 1 invalid
    std::uint32_t route_id = 0;        // 3.0
    std::string_view time_stamp;       // 14 (3.0)
    bytes trailing;

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

using mt_route_update_resp = basic_route_update_resp<command_id::mt_route_update_resp>;
using mo_route_update_resp = basic_route_update_resp<command_id::mo_route_update_resp>;

// Tables 8.31 and 8.33: the ISMG's answer to a push, the same in 2.0 and 3.0.
template <command_id Id>
struct basic_push_resp {
    static constexpr command_id command = Id;

    version ver = version::v20;
    std::uint32_t sequence_id = 0;
    std::uint8_t result = 0;           // 0 changed, 1 failed
    bytes trailing;

    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        v.number(m.result, 1, {"Result", "result"}, 1);
    }
};

using push_mt_route_update_resp = basic_push_resp<command_id::push_mt_route_update_resp>;
using push_mo_route_update_resp = basic_push_resp<command_id::push_mo_route_update_resp>;

}  // namespace smsgw::cmpp
