#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsgw/cmpp/header.hpp"
#include "smsgw/cmpp/msg_id.hpp"
#include "smsgw/codec/decimal.hpp"
#include "smsgw/codec/md5.hpp"
#include "smsgw/core/endian.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/fixed_field.hpp"
#include "smsgw/core/span.hpp"

// The CMPP_CONNECT handshake's authenticators (CMPP 2.0 tables 8.4 and 8.5):
//
//   AuthenticatorSource = MD5(Source_Addr + 9 bytes of 0 + shared secret + timestamp)
//   AuthenticatorISMG   = MD5(Status + AuthenticatorSource + shared secret)
//
// timestamp is the MMDDHHMMSS text of CONNECT's Timestamp field, zero-padded to 10 digits
// (January's 0121080510, not 121080510: G2 in the notes). Status is hashed as CONNECT_RESP
// carries it: 1 byte in CMPP 2.0, 4 bytes big-endian in 3.0 (G3), by the connection's version
// (any value whose high nibble is 3 or more counts as 3.0, so a peer's Version byte such as
// 0x31 can be passed as static_cast<cmpp::version>(byte)).
//
// Public stacks disagree when Source_Addr is shorter than its 6 bytes (G1): some hash the
// NUL-padded field as sent, others only the characters. smsgw computes over the field as sent;
// verification accepts the other form when asked. A verification failure is information for
// the caller (the peer may still be usable), reported as auth_mismatch.
namespace smsgw::cmpp {

using codec::md5_digest;

// ---- the Timestamp field ---------------------------------------------------------------------

/// The MMDDHHMMSS of a Timestamp field, as numbers.
struct timestamp_parts {
    std::uint8_t month = 0;   ///< 1..12
    std::uint8_t day = 0;     ///< 1..31
    std::uint8_t hour = 0;    ///< 0..23
    std::uint8_t minute = 0;  ///< 0..59
    std::uint8_t second = 0;  ///< 0..59
};

/// The Timestamp parts of time `t` (local time, as the SP's clock reads; China Standard Time is
/// codec::datetime::from_unix(unix_seconds + 8 * 3600, t)).
constexpr timestamp_parts timestamp_at(const codec::datetime::date_time& t) noexcept {
    return {t.month, t.day, t.hour, t.minute, t.second};
}

/// MMDDHHMMSS as the integer CONNECT carries; out_of_range naming the part outside its range.
constexpr result pack_timestamp(const timestamp_parts& p, std::uint32_t& timestamp) noexcept {
    const result r = detail::check_mmddhhmmss(p.month, p.day, p.hour, p.minute, p.second);
    if (!r) return r;
    timestamp = p.month * 100000000u + p.day * 1000000u + p.hour * 10000u + p.minute * 100u + p.second;
    return {};
}

/// The decimal digit pairs of a Timestamp, as they are (ranges unchecked: a peer's value is
/// shown as it came; pack_timestamp() on the result checks them). A month above 99 cannot be
/// represented and comes out as its value modulo 100; such a value has more than 10 digits.
constexpr timestamp_parts unpack_timestamp(std::uint32_t timestamp) noexcept {
    return {static_cast<std::uint8_t>(timestamp / 100000000u % 100), static_cast<std::uint8_t>(timestamp / 1000000u % 100),
            static_cast<std::uint8_t>(timestamp / 10000u % 100), static_cast<std::uint8_t>(timestamp / 100u % 100),
            static_cast<std::uint8_t>(timestamp % 100)};
}

/// The 10-digit text the authenticator hashes. Every 32-bit value has one.
using timestamp_text = std::array<char, 10>;

/// The Timestamp field as the authenticator hashes it: 10 digits, zero-padded.
constexpr timestamp_text format_timestamp(std::uint32_t timestamp) noexcept {
    const codec::decimal::text d = codec::decimal::format_padded(timestamp, 10);
    timestamp_text t{};
    for (std::size_t i = 0; i < t.size(); ++i) t[i] = d.view()[i];
    return t;
}

/// Reads 10 digits back: invalid_length (offset 0) unless 10 characters, bad_character at the
/// first non-digit, out_of_range (offset 0) above 4294967295.
constexpr result parse_timestamp(std::string_view text, std::uint32_t& timestamp) noexcept {
    if (text.size() != 10) return fail(errc::invalid_length, 0);
    const result r = codec::decimal::parse(text, timestamp);
    return r.ec == errc::out_of_range ? fail(errc::out_of_range, 0, "Timestamp") : r;
}

// ---- authenticators --------------------------------------------------------------------------

/// Which bytes of Source_Addr enter AuthenticatorSource.
enum class source_addr_form : unsigned char {
    field,       ///< the 6-byte field as sent, NUL-padded (gocmpp after its issue 13): the default
    characters,  ///< the characters alone (SMSGate, go-sms-protocol): differs below 6 characters
};

/// AuthenticatorSource for a Source_Addr (its value or its raw field: NUL padding is trimmed
/// first). field_too_long ("Source_Addr") beyond 6 bytes.
inline result authenticator_source(std::string_view source_addr, std::string_view secret, std::uint32_t timestamp,
                                   md5_digest& out, source_addr_form form = source_addr_form::field) noexcept {
    const std::string_view value = trim_fixed(source_addr);
    if (value.size() > 6) return fail(errc::field_too_long, 0, "Source_Addr");
    const byte zeros[6 + 9] = {};
    const timestamp_text ts = format_timestamp(timestamp);
    codec::md5 h;
    h.update(value);
    const std::size_t padding = form == source_addr_form::field ? 6 - value.size() : 0;
    h.update(bytes(zeros, padding + 9));
    h.update(secret);
    h.update(std::string_view(ts.data(), ts.size()));
    out = h.finish();
    return {};
}

/// Bytes of Status in AuthenticatorISMG: 4 from CMPP 3.0 on, else 1.
constexpr std::size_t ismg_status_size(version v) noexcept { return (static_cast<unsigned>(v) >> 4) >= 3 ? 4 : 1; }

namespace detail {
inline result authenticator_ismg(std::uint32_t status, std::size_t status_size, bytes authenticator_source,
                                 std::string_view secret, md5_digest& out) noexcept {
    if (authenticator_source.size() != 16) return fail(errc::invalid_length, 0, "AuthenticatorSource");
    if (status_size == 1 && status > 0xFF) return fail(errc::out_of_range, 0, "Status");
    byte s[4];
    store_be32(s, status);
    codec::md5 h;
    h.update(bytes(s + 4 - status_size, status_size));
    h.update(authenticator_source);
    h.update(secret);
    out = h.finish();
    return {};
}

// Compares without an early exit, so timing says nothing about where digests differ.
inline bool same_digest(bytes received, const md5_digest& expected) noexcept {
    if (received.size() != expected.size()) return false;
    unsigned diff = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) diff |= static_cast<unsigned>(received[i] ^ expected[i]);
    return diff == 0;
}
}  // namespace detail

/// AuthenticatorISMG from CONNECT_RESP's Status and the AuthenticatorSource of the CONNECT it
/// answers (16 bytes, else invalid_length). In CMPP 2.0 a Status above 255 is out_of_range.
inline result authenticator_ismg(std::uint32_t status, bytes authenticator_source, std::string_view secret, version v,
                                 md5_digest& out) noexcept {
    return detail::authenticator_ismg(status, ismg_status_size(v), authenticator_source, secret, out);
}

/// The variants a verifier may accept besides the one the spec defines.
struct auth_tolerance {
    bool other_source_addr_form = false;  ///< also the other source_addr_form (G1)
    bool other_status_size = false;       ///< also Status hashed in the other width (G3)
};

/// Success when `received` (CONNECT's AuthenticatorSource) matches; auth_mismatch (offset 0,
/// "AuthenticatorSource") otherwise, or the error authenticator_source() gives.
inline result verify_authenticator_source(bytes received, std::string_view source_addr, std::string_view secret,
                                          std::uint32_t timestamp, const auth_tolerance& tolerance = {}) noexcept {
    md5_digest expected;
    result r = authenticator_source(source_addr, secret, timestamp, expected, source_addr_form::field);
    if (!r) return r;
    if (detail::same_digest(received, expected)) return {};
    if (tolerance.other_source_addr_form) {
        authenticator_source(source_addr, secret, timestamp, expected, source_addr_form::characters);
        if (detail::same_digest(received, expected)) return {};
    }
    return fail(errc::auth_mismatch, 0, "AuthenticatorSource");
}

/// Success when `received` (CONNECT_RESP's AuthenticatorISMG) matches; auth_mismatch (offset 0,
/// "AuthenticatorISMG") otherwise, or the error authenticator_ismg() gives. A failed login's
/// response carries an empty authenticator ("认证出错时，此项为空"), which never matches.
inline result verify_authenticator_ismg(bytes received, std::uint32_t status, bytes authenticator_source,
                                        std::string_view secret, version v,
                                        const auth_tolerance& tolerance = {}) noexcept {
    md5_digest expected;
    const std::size_t size = ismg_status_size(v);
    result r = detail::authenticator_ismg(status, size, authenticator_source, secret, expected);
    if (!r) return r;
    if (detail::same_digest(received, expected)) return {};
    if (tolerance.other_status_size &&
        detail::authenticator_ismg(status, size == 1 ? 4 : 1, authenticator_source, secret, expected) &&
        detail::same_digest(received, expected))
        return {};
    return fail(errc::auth_mismatch, 0, "AuthenticatorISMG");
}

}  // namespace smsgw::cmpp
