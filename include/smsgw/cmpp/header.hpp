#pragma once

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "smsgw/core/endian.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

/// @file
/// The CMPP message header (CMPP 2.0 §8.2, table 8.3) and the Command_Ids of table 8.34, with
/// CMPP 3.0's renaming of 0x12 and its GET_MO_ROUTE. Nothing on the wire says which version a
/// connection speaks: the caller knows it (from CONNECT.Version or configuration) and passes it.
namespace smsgw::cmpp {

/// A CMPP version: the codec version every PDU struct carries as `ver`, which chooses its
/// layout. Its value is also the Version byte of CMPP_CONNECT for that version.
enum class version : unsigned char {
    v20 = 0x20,  ///< CMPP 2.0 (2002-04), the seed spec
    v30 = 0x30,  ///< CMPP 3.0.0 (QB-GF-028-2003): 32-byte terminal ids, 4-byte results, LinkID
};

/// A version as a type: the third argument of every PDU's `walk`, so that the widths and
/// limits that depend on the version are constants there by the language, not by inlining.
template <version V>
using version_constant = std::integral_constant<version, V>;

/// The third argument of the walk of a PDU whose layout is the same in both versions, in place
/// of a version_constant it converts from: such a walk cannot tell the versions apart, so
/// cmpp::walk() runs it once, with no test of `ver` and no second copy of its code.
struct any_version {
    /// For cmpp::walk().
    constexpr any_version() noexcept = default;
    /// From a version's constant, where a caller walks a PDU in a version it names.
    template <version V>
    constexpr any_version(version_constant<V>) noexcept {}
};

/// Every PDU of CMPP 2.0 (table 8.34) and 3.0.0 (§7.4), once: the struct's name (also its
/// `command_id` enumerator), its Command_Id, its spec name and the versions that define it
/// (`both`, `v20`, `v30`). The `command_id` enum, command_name(), the `pdu` variant and
/// with_pdu_type() are all made from this list; pdu.hpp checks each struct against its entry.
/// 0x12 is CMPP_GET_ROUTE in 2.0 and CMPP_GET_MT_ROUTE, with another layout, in 3.0.
#define SMSGW_CMPP_PDU_LIST(X)                                                              \
    X(connect, 0x00000001, "CMPP_CONNECT", both)                                            \
    X(connect_resp, 0x80000001, "CMPP_CONNECT_RESP", both)                                  \
    X(terminate, 0x00000002, "CMPP_TERMINATE", both)                                        \
    X(terminate_resp, 0x80000002, "CMPP_TERMINATE_RESP", both)                              \
    X(submit, 0x00000004, "CMPP_SUBMIT", both)                                              \
    X(submit_resp, 0x80000004, "CMPP_SUBMIT_RESP", both)                                    \
    X(deliver, 0x00000005, "CMPP_DELIVER", both)                                            \
    X(deliver_resp, 0x80000005, "CMPP_DELIVER_RESP", both)                                  \
    X(query, 0x00000006, "CMPP_QUERY", both)                                                \
    X(query_resp, 0x80000006, "CMPP_QUERY_RESP", both)                                      \
    X(cancel, 0x00000007, "CMPP_CANCEL", both)                                              \
    X(cancel_resp, 0x80000007, "CMPP_CANCEL_RESP", both)                                    \
    X(active_test, 0x00000008, "CMPP_ACTIVE_TEST", both)                                    \
    X(active_test_resp, 0x80000008, "CMPP_ACTIVE_TEST_RESP", both)                          \
    X(fwd, 0x00000009, "CMPP_FWD", both)                                                    \
    X(fwd_resp, 0x80000009, "CMPP_FWD_RESP", both)                                          \
    X(mt_route, 0x00000010, "CMPP_MT_ROUTE", both)                                          \
    X(mt_route_resp, 0x80000010, "CMPP_MT_ROUTE_RESP", both)                                \
    X(mo_route, 0x00000011, "CMPP_MO_ROUTE", both)                                          \
    X(mo_route_resp, 0x80000011, "CMPP_MO_ROUTE_RESP", both)                                \
    X(get_route, 0x00000012, "CMPP_GET_ROUTE", v20)                                         \
    X(get_route_resp, 0x80000012, "CMPP_GET_ROUTE_RESP", v20)                               \
    X(get_mt_route, 0x00000012, "CMPP_GET_MT_ROUTE", v30)                                   \
    X(get_mt_route_resp, 0x80000012, "CMPP_GET_MT_ROUTE_RESP", v30)                         \
    X(mt_route_update, 0x00000013, "CMPP_MT_ROUTE_UPDATE", both)                            \
    X(mt_route_update_resp, 0x80000013, "CMPP_MT_ROUTE_UPDATE_RESP", both)                  \
    X(mo_route_update, 0x00000014, "CMPP_MO_ROUTE_UPDATE", both)                            \
    X(mo_route_update_resp, 0x80000014, "CMPP_MO_ROUTE_UPDATE_RESP", both)                  \
    X(push_mt_route_update, 0x00000015, "CMPP_PUSH_MT_ROUTE_UPDATE", both)                  \
    X(push_mt_route_update_resp, 0x80000015, "CMPP_PUSH_MT_ROUTE_UPDATE_RESP", both)        \
    X(push_mo_route_update, 0x00000016, "CMPP_PUSH_MO_ROUTE_UPDATE", both)                  \
    X(push_mo_route_update_resp, 0x80000016, "CMPP_PUSH_MO_ROUTE_UPDATE_RESP", both)        \
    X(get_mo_route, 0x00000017, "CMPP_GET_MO_ROUTE", v30)                                   \
    X(get_mo_route_resp, 0x80000017, "CMPP_GET_MO_ROUTE_RESP", v30)

/// Command_Id, table 8.34 (2.0) and 3.0.0 §7.4, from SMSGW_CMPP_PDU_LIST. An unknown value is
/// still a valid enum value.
enum class command_id : std::uint32_t {
/// SMSGW_CMPP_PDU_LIST's X for the enum: one enumerator.
#define SMSGW_CMPP_ENUMERATOR(type, id, name, in) type = id,
    SMSGW_CMPP_PDU_LIST(SMSGW_CMPP_ENUMERATOR)
#undef SMSGW_CMPP_ENUMERATOR
};

namespace detail {

/// The versions of an SMSGW_CMPP_PDU_LIST entry, as bits: 1 for 2.0, 2 for 3.0.
struct defined_versions {
    static constexpr unsigned char v20 = 1, v30 = 2, both = 3;
};

constexpr unsigned char version_bit(version v) noexcept { return v == version::v20 ? 1 : 2; }

/// One SMSGW_CMPP_PDU_LIST entry, without its struct.
struct command_entry {
    command_id id;
    const char* name;
    unsigned char versions;
};

/// SMSGW_CMPP_PDU_LIST's X for the table: one command_entry.
#define SMSGW_CMPP_ENTRY(type, id, name, in) {command_id::type, name, defined_versions::in},
inline constexpr command_entry commands[] = {SMSGW_CMPP_PDU_LIST(SMSGW_CMPP_ENTRY)};
#undef SMSGW_CMPP_ENTRY
inline constexpr std::size_t command_count = sizeof commands / sizeof commands[0];

/// Where a Command_Id can sit in the lookup table: bits 0-4 and the response bit; -1 for any
/// other value (no CMPP command has one).
constexpr int command_slot(command_id id) noexcept {
    const auto x = static_cast<std::uint32_t>(id);
    return (x & 0x7FFFFFE0u) != 0 ? -1 : static_cast<int>((x & 0x1Fu) | (x >> 31 << 5));
}

/// For each version, the position in `commands` + 1 of the entry at each slot (0: none).
struct command_table {
    unsigned char at[2][64] = {};
};

constexpr command_table make_command_table() noexcept {
    command_table t{};
    for (std::size_t i = 0; i < command_count; ++i) {
        const int slot = command_slot(commands[i].id);
        if ((commands[i].versions & 1) != 0) t.at[0][slot] = static_cast<unsigned char>(i + 1);
        if ((commands[i].versions & 2) != 0) t.at[1][slot] = static_cast<unsigned char>(i + 1);
    }
    return t;
}
inline constexpr command_table command_positions = make_command_table();

/// The position in SMSGW_CMPP_PDU_LIST of the PDU `id` names in `v`, or command_count when
/// `v` has none.
constexpr std::size_t command_position(command_id id, version v) noexcept {
    const int slot = command_slot(id);
    if (slot < 0) return command_count;
    const unsigned char p = command_positions.at[v == version::v20 ? 0 : 1][slot];
    return p == 0 ? command_count : std::size_t{p} - 1u;
}

}  // namespace detail

/// The spec's name of a Command_Id in `v` ("CMPP_SUBMIT"), or nullptr when `v` does not define it.
constexpr const char* command_name(command_id id, version v) noexcept {
    const std::size_t p = detail::command_position(id, v);
    return p == detail::command_count ? nullptr : detail::commands[p].name;
}

/// Whether `v` defines the Command_Id.
constexpr bool is_known(command_id id, version v) noexcept { return detail::command_position(id, v) != detail::command_count; }

/// Responses have bit 31 set; the response to a request has the same Sequence_Id.
constexpr bool is_response(command_id id) noexcept { return (static_cast<std::uint32_t>(id) & 0x80000000u) != 0; }
/// The Command_Id of the response to `request`.
constexpr command_id response_to(command_id request) noexcept {
    return static_cast<command_id>(static_cast<std::uint32_t>(request) | 0x80000000u);
}

/// Bytes of the message header.
inline constexpr std::size_t header_size = 12;

/// The message header, table 8.3.
struct header {
    std::uint32_t total_length = 0;  ///< header and body
    command_id command{};            ///< Command_Id
    std::uint32_t sequence_id = 0;   ///< Sequence_Id: a response has its request's
};

/// Reads the 12 header bytes at the start of `in` (the rest is not looked at).
inline result decode(bytes in, header& out) noexcept {
    if (in.size() < header_size) return fail(errc::truncated, in.size(), "Sequence_Id");
    out.total_length = load_be32(in.data());
    out.command = static_cast<command_id>(load_be32(in.data() + 4));
    out.sequence_id = load_be32(in.data() + 8);
    return {errc{}, header_size};
}

/// Writes the 12 header bytes.
inline result encode(const header& h, writer& out) noexcept {
    out.put_be32(h.total_length);
    out.put_be32(static_cast<std::uint32_t>(h.command));
    out.put_be32(h.sequence_id);
    return out.finish();
}

}  // namespace smsgw::cmpp
