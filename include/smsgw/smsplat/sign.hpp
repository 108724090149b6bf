#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "smsgw/codec/base64.hpp"
#include "smsgw/codec/des.hpp"
#include "smsgw/codec/md5.hpp"
#include "smsgw/smsplat/reply.hpp"
#include "smsgw/smsplat/request.hpp"

// The signed calls, Recharge and UserManage (tables 12.1 and 13.1): an operator's username, a
// password that is md5(username + secretkey + timestamp) in hex, and the timestamp it signs;
// the platform user's account (and ac_password) DES-encrypted with a key agreed offline.
namespace smsgw::smsplat {

/// The password of a signed call (tables 12.1, 13.1), lower-case hex: §12.5's username 123456,
/// secretkey 123456 and timestamp 20130408105900 give 4725ff06026bc3c703736aa9a2a15e50.
inline std::array<char, 32> sign(std::string_view username, std::string_view secretkey,
                                 std::string_view timestamp) noexcept {
    codec::md5 h;
    h.update(username).update(secretkey).update(timestamp);
    return codec::to_hex(h.finish());
}

/// Whether `password` is the signature of the other three (hex digits in either case).
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

/// The longest account or password encrypt_account() takes (bytes; the table sets no limit,
/// the platform's user names are short): its cipher text stays on the stack.
inline constexpr std::size_t max_account_size = 192;

/// An account or ac_password as tables 12.1 and 13.1 want it: base64 of DES/CBC/PKCS5Padding of
/// `plain` under `key` (8 bytes), the IV the key itself unless one is given (what the Java
/// clients of the platform do, `new IvParameterSpec(key)`; only so does §12.5's jishu01 under
/// 12345678 give LW4Zjb8dOww=). The base64 goes into the request's field as it is: the encoder
/// URL-encodes it (`LW4Zjb8dOww%3D`). DES is broken cryptography (a 56-bit key falls to brute
/// force): it is here because the platform requires it, and protects nothing.
/// Success: offset = characters written. Errors: field_too_long (at max_account_size) past the
/// limit; des's bad_key_length and bad_iv_length; buffer_too_small with the size needed.
inline result encrypt_account(bytes key, bytes plain, writer& out, bytes iv = {}) noexcept {
    if (plain.size() > max_account_size) return fail(errc::field_too_long, max_account_size, "account");
    byte cipher[codec::des::padded_size(max_account_size)];
    writer c(mutable_bytes(cipher, sizeof cipher));
    if (result r = codec::des::encrypt_cbc(key, iv.empty() ? key : iv, plain, c); !r) return r;
    return codec::base64::encode(bytes(cipher, c.size()), out);
}

/// The platform's side: the plain account from its base64 field (decoded already from the form).
/// Errors: base64's (bad_character, bad_padding) at their offset, field_too_long past
/// max_account_size of cipher text; des's bad_key_length, bad_iv_length, bad_block_length and
/// bad_cipher_padding (a wrong key, most often); buffer_too_small with the size needed.
inline result decrypt_account(bytes key, std::string_view encrypted, writer& out, bytes iv = {}) noexcept {
    byte cipher[codec::des::padded_size(max_account_size)];
    writer c(mutable_bytes(cipher, sizeof cipher));
    if (result r = codec::base64::decode(encrypted, c); !r) {
        return r.ec == errc::buffer_too_small ? fail(errc::field_too_long, 0, "account") : r;
    }
    return codec::des::decrypt_cbc(key, iv.empty() ? key : iv, bytes(cipher, c.size()), out);
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
