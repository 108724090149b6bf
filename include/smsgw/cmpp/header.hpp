#pragma once

#include <cstddef>
#include <cstdint>

#include "smsgw/core/endian.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

// The CMPP message header (CMPP 2.0 §8.2, table 8.3) and the Command_Ids of table 8.34, with
// CMPP 3.0's renaming of 0x12 and its GET_MO_ROUTE. Nothing on the wire says which version a
// connection speaks: the caller knows it (from CONNECT.Version or configuration) and passes it.
namespace smsgw::cmpp {

enum class version : unsigned char {
    v20 = 0x20,  // CMPP 2.0 (2002-04), the seed spec
    v30 = 0x30,  // CMPP 3.0.0 (QB-GF-028-2003): 32-byte terminal ids, 4-byte results, LinkID
};

// Command_Id, table 8.34 (2.0) and 3.0.0 §7.4. An unknown value is still a valid enum value.
enum class command_id : std::uint32_t {
    connect = 0x00000001,
    connect_resp = 0x80000001,
    terminate = 0x00000002,
    terminate_resp = 0x80000002,
    submit = 0x00000004,
    submit_resp = 0x80000004,
    deliver = 0x00000005,
    deliver_resp = 0x80000005,
    query = 0x00000006,
    query_resp = 0x80000006,
    cancel = 0x00000007,
    cancel_resp = 0x80000007,
    active_test = 0x00000008,
    active_test_resp = 0x80000008,
    fwd = 0x00000009,
    fwd_resp = 0x80000009,
    mt_route = 0x00000010,
    mt_route_resp = 0x80000010,
    mo_route = 0x00000011,
    mo_route_resp = 0x80000011,
    get_route = 0x00000012,        // CMPP_GET_ROUTE in 2.0 ...
    get_route_resp = 0x80000012,
    get_mt_route = 0x00000012,     // ... CMPP_GET_MT_ROUTE in 3.0, with another layout
    get_mt_route_resp = 0x80000012,
    mt_route_update = 0x00000013,
    mt_route_update_resp = 0x80000013,
    mo_route_update = 0x00000014,
    mo_route_update_resp = 0x80000014,
    push_mt_route_update = 0x00000015,
    push_mt_route_update_resp = 0x80000015,
    push_mo_route_update = 0x00000016,
    push_mo_route_update_resp = 0x80000016,
    get_mo_route = 0x00000017,     // 3.0 only
    get_mo_route_resp = 0x80000017,
};

// The spec's name of a Command_Id in `v` ("CMPP_SUBMIT"), or nullptr when `v` does not define it.
constexpr const char* command_name(command_id id, version v) noexcept {
    switch (id) {
    case command_id::connect: return "CMPP_CONNECT";
    case command_id::connect_resp: return "CMPP_CONNECT_RESP";
    case command_id::terminate: return "CMPP_TERMINATE";
    case command_id::terminate_resp: return "CMPP_TERMINATE_RESP";
    case command_id::submit: return "CMPP_SUBMIT";
    case command_id::submit_resp: return "CMPP_SUBMIT_RESP";
    case command_id::deliver: return "CMPP_DELIVER";
    case command_id::deliver_resp: return "CMPP_DELIVER_RESP";
    case command_id::query: return "CMPP_QUERY";
    case command_id::query_resp: return "CMPP_QUERY_RESP";
    case command_id::cancel: return "CMPP_CANCEL";
    case command_id::cancel_resp: return "CMPP_CANCEL_RESP";
    case command_id::active_test: return "CMPP_ACTIVE_TEST";
    case command_id::active_test_resp: return "CMPP_ACTIVE_TEST_RESP";
    case command_id::fwd: return "CMPP_FWD";
    case command_id::fwd_resp: return "CMPP_FWD_RESP";
    case command_id::mt_route: return "CMPP_MT_ROUTE";
    case command_id::mt_route_resp: return "CMPP_MT_ROUTE_RESP";
    case command_id::mo_route: return "CMPP_MO_ROUTE";
    case command_id::mo_route_resp: return "CMPP_MO_ROUTE_RESP";
    case command_id::get_route: return v == version::v20 ? "CMPP_GET_ROUTE" : "CMPP_GET_MT_ROUTE";
    case command_id::get_route_resp: return v == version::v20 ? "CMPP_GET_ROUTE_RESP" : "CMPP_GET_MT_ROUTE_RESP";
    case command_id::mt_route_update: return "CMPP_MT_ROUTE_UPDATE";
    case command_id::mt_route_update_resp: return "CMPP_MT_ROUTE_UPDATE_RESP";
    case command_id::mo_route_update: return "CMPP_MO_ROUTE_UPDATE";
    case command_id::mo_route_update_resp: return "CMPP_MO_ROUTE_UPDATE_RESP";
    case command_id::push_mt_route_update: return "CMPP_PUSH_MT_ROUTE_UPDATE";
    case command_id::push_mt_route_update_resp: return "CMPP_PUSH_MT_ROUTE_UPDATE_RESP";
    case command_id::push_mo_route_update: return "CMPP_PUSH_MO_ROUTE_UPDATE";
    case command_id::push_mo_route_update_resp: return "CMPP_PUSH_MO_ROUTE_UPDATE_RESP";
    case command_id::get_mo_route: return v == version::v30 ? "CMPP_GET_MO_ROUTE" : nullptr;
    case command_id::get_mo_route_resp: return v == version::v30 ? "CMPP_GET_MO_ROUTE_RESP" : nullptr;
    }
    return nullptr;
}

constexpr bool is_known(command_id id, version v) noexcept { return command_name(id, v) != nullptr; }

// Responses have bit 31 set; the response to a request has the same Sequence_Id.
constexpr bool is_response(command_id id) noexcept { return (static_cast<std::uint32_t>(id) & 0x80000000u) != 0; }
constexpr command_id response_to(command_id request) noexcept {
    return static_cast<command_id>(static_cast<std::uint32_t>(request) | 0x80000000u);
}

inline constexpr std::size_t header_size = 12;

// The largest legal PDU of each version: 2.0 CMPP_FWD with 99 Dest_Id and Msg_Length 255
// (152 + 21*99 + 255), 3.0 CMPP_SUBMIT with 99 Dest_terminal_Id and Msg_Length 255
// (163 + 32*99 + 255). The framer's default maximum.
constexpr std::uint32_t largest_pdu(version v) noexcept { return v == version::v20 ? 2486 : 3586; }

// Table 8.3.
struct header {
    std::uint32_t total_length = 0;  // header and body
    command_id command{};
    std::uint32_t sequence_id = 0;
};

// Reads the 12 header bytes at the start of `in` (the rest is not looked at).
inline result decode(bytes in, header& out) noexcept {
    if (in.size() < header_size) return fail(errc::truncated, in.size(), "Sequence_Id");
    out.total_length = load_be32(in.data());
    out.command = static_cast<command_id>(load_be32(in.data() + 4));
    out.sequence_id = load_be32(in.data() + 8);
    return {errc{}, header_size};
}

inline result encode(const header& h, writer& out) noexcept {
    out.put_be32(h.total_length);
    out.put_be32(static_cast<std::uint32_t>(h.command));
    out.put_be32(h.sequence_id);
    return out.finish();
}

}  // namespace smsgw::cmpp
