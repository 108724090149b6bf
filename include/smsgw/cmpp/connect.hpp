#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "smsgw/cmpp/layout.hpp"

/// @file
/// CMPP_CONNECT and CMPP_CONNECT_RESP (CMPP 2.0 §8.4.1, tables 8.4 and 8.5). The authenticators
/// are MD5 digests: auth.hpp computes and verifies them.
namespace smsgw::cmpp {

/// CMPP_CONNECT, table 8.4: the same layout in 2.0 and 3.0.
struct connect {
    static constexpr command_id command = command_id::connect;  ///< its Command_Id

    /// A CONNECT of CMPP 2.0, its Version byte 0x20.
    constexpr connect() noexcept = default;
    /// A CONNECT of codec version `v`, its Version byte that version's (0x20 or 0x30).
    constexpr explicit connect(version v) noexcept : ver(v), version_byte(static_cast<std::uint8_t>(v)) {}

    version ver = version::v20;  ///< the codec version, which chooses the layout
    std::uint32_t sequence_id = 0;  ///< the header's Sequence_Id
    std::string_view source_addr;                     ///< 6: SP_Id, or the ISMG/GNS code
    std::array<byte, 16> authenticator_source{};      ///< MD5(Source_Addr + 9 NULs + secret + timestamp)
    std::uint8_t version_byte = static_cast<std::uint8_t>(ver);  ///< Version: high nibble major, low nibble minor
    std::uint32_t timestamp = 0;                      ///< MMDDHHMMSS as an integer
    bytes trailing;                                   ///< tolerant decoding: bytes after the body

    /// The body's fields in wire order, to visitor `v` (cmpp/layout.hpp); cmpp::walk() runs it.
    template <class V, class Self>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, any_version) {
        v.text(m.source_addr, 6, {"Source_Addr", "source_addr"});
        v.octets(m.authenticator_source, {"AuthenticatorSource", "authenticator_source"});
        v.number(m.version_byte, 1, {"Version", "version_byte"});
        v.number(m.timestamp, 4, {"Timestamp", "timestamp"});
    }
};

/// CMPP_CONNECT_RESP, table 8.5. Status is 1 byte in 2.0 and 4 bytes in 3.0 (3.0.0 revision item 16); codes.hpp
/// names its values.
struct connect_resp {
    static constexpr command_id command = command_id::connect_resp;  ///< its Command_Id

    /// A CONNECT_RESP of CMPP 2.0, its Version byte 0x20.
    constexpr connect_resp() noexcept = default;
    /// A CONNECT_RESP of codec version `v` (the width of Status), its Version byte that version's.
    constexpr explicit connect_resp(version v) noexcept : ver(v), version_byte(static_cast<std::uint8_t>(v)) {}

    version ver = version::v20;  ///< the codec version, which chooses the layout
    std::uint32_t sequence_id = 0;  ///< the header's Sequence_Id
    std::uint32_t status = 0;                         ///< 0 success
    std::array<byte, 16> authenticator_ismg{};        ///< MD5(Status + AuthenticatorSource + secret); zeros on failure
    std::uint8_t version_byte = static_cast<std::uint8_t>(ver);  ///< Version: the highest the server supports
    bytes trailing;  ///< tolerant decoding: bytes after the body

    /// The body's fields in wire order, to visitor `v` (cmpp/layout.hpp); cmpp::walk() runs it.
    template <class V, class Self, version Ver>
    SMSGW_ALWAYS_INLINE static constexpr void walk(V& v, Self& m, version_constant<Ver>) {
        v.number(m.status, Ver == version::v20 ? 1 : 4, {"Status", "status"});
        v.octets(m.authenticator_ismg, {"AuthenticatorISMG", "authenticator_ismg"});
        v.number(m.version_byte, 1, {"Version", "version_byte"});
    }
};

}  // namespace smsgw::cmpp
