#pragma once

#include <cstdint>

#include "smsgw/core/span.hpp"

namespace smsgw {

/// Network byte order (big-endian) loads and stores, as every CMPP integer is sent (CMPP 2.0 §8.1).
///@{
constexpr std::uint16_t load_be16(const byte* p) noexcept {
    return static_cast<std::uint16_t>((p[0] << 8) | p[1]);
}
constexpr std::uint32_t load_be32(const byte* p) noexcept {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}
constexpr std::uint64_t load_be64(const byte* p) noexcept {
    return (std::uint64_t{load_be32(p)} << 32) | load_be32(p + 4);
}
constexpr void store_be16(byte* p, std::uint16_t v) noexcept {
    p[0] = static_cast<byte>(v >> 8);
    p[1] = static_cast<byte>(v);
}
constexpr void store_be32(byte* p, std::uint32_t v) noexcept {
    p[0] = static_cast<byte>(v >> 24);
    p[1] = static_cast<byte>(v >> 16);
    p[2] = static_cast<byte>(v >> 8);
    p[3] = static_cast<byte>(v);
}
constexpr void store_be64(byte* p, std::uint64_t v) noexcept {
    store_be32(p, static_cast<std::uint32_t>(v >> 32));
    store_be32(p + 4, static_cast<std::uint32_t>(v));
}
///@}

}  // namespace smsgw
