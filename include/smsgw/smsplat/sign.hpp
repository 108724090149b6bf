#pragma once

#include <array>
#include <string_view>

#include "smsgw/codec/md5.hpp"
#include "smsgw/smsplat/reply.hpp"
#include "smsgw/smsplat/request.hpp"

// The signed calls, Recharge and UserManage (tables 12.1 and 13.1): an operator's username, a
// password that is md5(username + secretkey + timestamp) in hex, and the timestamp it signs.
namespace smsgw::smsplat {

// The password of a signed call (tables 12.1, 13.1), lower-case hex: §12.5's username 123456,
// secretkey 123456 and timestamp 20130408105900 give 4725ff06026bc3c703736aa9a2a15e50.
inline std::array<char, 32> sign(std::string_view username, std::string_view secretkey,
                                 std::string_view timestamp) noexcept {
    codec::md5 h;
    h.update(username).update(secretkey).update(timestamp);
    return codec::to_hex(h.finish());
}

// Whether `password` is the signature of the other three (hex digits in either case).
inline bool verify(std::string_view password, std::string_view username, std::string_view secretkey,
                   std::string_view timestamp) noexcept {
    const std::array<char, 32> expected = sign(username, secretkey, timestamp);
    if (password.size() != expected.size()) return false;
    unsigned differ = 0;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        differ |= static_cast<unsigned>(codec::ascii::to_lower(password[i]) ^ expected[i]);
    }
    return differ == 0;
}

namespace detail {

// username, password, timestamp and operator, which open both signed calls.
template <class V, class Self>
constexpr void signed_by(V& v, Self& m) {
    v(m.username, fields::ascii("username", fields::unlimited));
    v(m.password, fields::ascii("password", 32).checked(check_md5_hex));
    v(m.timestamp, fields::date_time("timestamp", codec::datetime::shape::yyyymmddhhmmss));
    v(m.operator_, fields::ascii("operator", fields::unlimited));
}

// An account DES-encrypted and in base64 (tables 12.1, 13.1).
inline constexpr fields::spec encrypted(const char* name) noexcept {
    return fields::ascii(name, fields::unlimited).checked(check_base64);
}

}  // namespace detail

}  // namespace smsgw::smsplat
