#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/cmpp/layout.hpp"

// CMPP_QUERY and CMPP_QUERY_RESP (CMPP 2.0 §8.4.4, tables 8.8 and 8.9): an SP's traffic
// statistics for one day. The same in 2.0 and 3.0.
namespace smsgw::cmpp {

/// CMPP_QUERY (table 8.8).
struct query {
    /// The PDU's Command_Id.
    static constexpr command_id command = command_id::query;

    /// The CMPP version, which decides the layout.
    version ver = version::v20;
    /// Sequence_Id of the message header.
    std::uint32_t sequence_id = 0;
    std::string_view time;         ///< Time, 8 bytes: YYYYMMDD
    std::uint8_t query_type = 0;   ///< Query_Type: 0 totals, 1 by Service_Id
    std::string_view query_code;   ///< Query_Code, 10 bytes: the Service_Id when Query_Type is 1
    std::string_view reserve;      ///< Reserve, 8 bytes
    bytes trailing;     ///< tolerant decoding: bytes after the body

    /// Lists the body's fields in wire order for cmpp/layout.hpp's visitors.
    template <class V, class Self>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, any_version) {
        v.text(m.time, 8, {"Time", "time"});
        v.number(m.query_type, 1, {"Query_Type", "query_type"}, 1);
        v.text(m.query_code, 10, {"Query_Code", "query_code"});
        v.text(m.reserve, 8, {"Reserve", "reserve"});
    }
};

/// CMPP_QUERY_RESP (table 8.9).
struct query_resp {
    /// The PDU's Command_Id.
    static constexpr command_id command = command_id::query_resp;

    /// The CMPP version, which decides the layout.
    version ver = version::v20;
    /// Sequence_Id of the message header.
    std::uint32_t sequence_id = 0;
    std::string_view time;         ///< Time, 8 bytes: YYYYMMDD
    /// Query_Type: 0 totals, 1 by Service_Id.
    std::uint8_t query_type = 0;
    std::string_view query_code;   ///< Query_Code, 10 bytes
    std::uint32_t mt_tlmsg = 0;    ///< MT_TLMsg: messages received from the SP
    std::uint32_t mt_tlusr = 0;    ///< MT_Tlusr: users received from the SP
    std::uint32_t mt_scs = 0;      ///< MT_Scs: forwarded
    std::uint32_t mt_wt = 0;       ///< MT_WT: waiting to be forwarded
    std::uint32_t mt_fl = 0;       ///< MT_FL: failed to forward
    std::uint32_t mo_scs = 0;      ///< MO_Scs: delivered to the SP
    std::uint32_t mo_wt = 0;       ///< MO_WT: waiting for the SP
    std::uint32_t mo_fl = 0;       ///< MO_FL: failed to reach the SP
    /// Tolerant decoding: the bytes after the body.
    bytes trailing;

    /// Lists the body's fields in wire order for cmpp/layout.hpp's visitors.
    template <class V, class Self>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, any_version) {
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
