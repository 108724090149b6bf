#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/cmpp/layout.hpp"

// CMPP_QUERY and CMPP_QUERY_RESP (CMPP 2.0 §8.4.4, tables 8.8 and 8.9): an SP's traffic
// statistics for one day. The same in 2.0 and 3.0.
namespace smsgw::cmpp {

// Table 8.8.
struct query {
    static constexpr command_id command = command_id::query;

    version ver = version::v20;
    std::uint32_t sequence_id = 0;
    std::string_view time;         // 8: YYYYMMDD
    std::uint8_t query_type = 0;   // 0 totals, 1 by Service_Id
    std::string_view query_code;   // 10: the Service_Id when Query_Type is 1
    std::string_view reserve;      // 8
    bytes trailing;                // tolerant decoding: bytes after the body

    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        v.text(m.time, 8, {"Time", "time"});
        v.number(m.query_type, 1, {"Query_Type", "query_type"}, 1);
        v.text(m.query_code, 10, {"Query_Code", "query_code"});
        v.text(m.reserve, 8, {"Reserve", "reserve"});
    }
};

// Table 8.9.
struct query_resp {
    static constexpr command_id command = command_id::query_resp;

    version ver = version::v20;
    std::uint32_t sequence_id = 0;
    std::string_view time;         // 8: YYYYMMDD
    std::uint8_t query_type = 0;
    std::string_view query_code;   // 10
    std::uint32_t mt_tlmsg = 0;    // messages received from the SP
    std::uint32_t mt_tlusr = 0;    // users received from the SP
    std::uint32_t mt_scs = 0;      // forwarded
    std::uint32_t mt_wt = 0;       // waiting to be forwarded
    std::uint32_t mt_fl = 0;       // failed to forward
    std::uint32_t mo_scs = 0;      // delivered to the SP
    std::uint32_t mo_wt = 0;       // waiting for the SP
    std::uint32_t mo_fl = 0;       // failed to reach the SP
    bytes trailing;

    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        v.text(m.time, 8, {"Time", "time"});
        v.number(m.query_type, 1, {"Query_Type", "query_type"}, 1);
        v.text(m.query_code, 10, {"Query_Code", "query_code"});
        v.number(m.mt_tlmsg, 4, {"MT_TLMsg", "mt_tlmsg"});
        v.number(m.mt_tlusr, 4, {"MT_Tlusr", "mt_tlusr"});
        v.number(m.mt_scs, 4, {"MT_Scs", "mt_scs"});
        v.number(m.mt_wt, 4, {"MT_WT", "mt_wt"});
        v.number(m.mt_fl, 4, {"MT_FL", "mt_fl"});
        v.number(m.mo_scs, 4, {"MO_Scs", "mo_scs"});
        v.number(m.mo_wt, 4, {"MO_WT", "mo_wt"});
        v.number(m.mo_fl, 4, {"MO_FL", "mo_fl"});
    }
};

}  // namespace smsgw::cmpp
