#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/mitake/body.hpp"

// API Authorization: POST token_path with the account, answered by the token every other call
// carries in its authorization header (paths.hpp).
namespace smsgw::mitake {

/// A request for an access token.
struct token_request {
    /// A message in Mitake's body format (mitake/body.hpp).
    static constexpr bool mitake_body = true;

    std::string_view client_id;      ///< clientId: 必要，使用者帳號
    std::string_view client_secret;  ///< clientSecret: 必要，使用者密碼

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.client_id, fields::ascii("clientId", fields::unlimited));
        v(m.client_secret, fields::ascii("clientSecret", fields::unlimited));
    }
};

/// The access token, or an error.
struct token_response {
    /// A message in Mitake's body format (mitake/body.hpp).
    static constexpr bool mitake_body = true;

    std::string_view access_token;  ///< accessToken: 認證token
    std::string_view token_type;    ///< tokenType: token類型: "bearer"
    std::string_view expires_in;    ///< expiresIn: token有效時間 in seconds: digits, sent as a string ("33346") or a number
    std::string_view refresh_token;  ///< refreshToken: 保留欄位: null (empty) or a string
    std::string_view scope;          ///< 保留欄位: null (empty) or a string

    /// In the order of the spec's example.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.access_token, fields::ascii("accessToken", fields::unlimited));
        v(m.token_type, fields::ascii("tokenType", fields::unlimited));
        v(m.expires_in, fields::digits("expiresIn", codec::decimal::max_chars).checked(check_uint64));
        v(m.refresh_token, fields::text("refreshToken").optional().allow_empty().nullable());
        v(m.scope, fields::text("scope").optional().allow_empty().nullable());
    }
};

/// expiresIn as seconds (errors of codec::decimal::parse, offset in the text).
inline result expires_in_seconds(const token_response& t, std::uint64_t& seconds) noexcept {
    return to_uint64(t.expires_in, seconds);
}

/// Decodes the JSON body, strings that need it into `scratch`.
///@{
inline result decode(bytes body, token_request& out, mutable_bytes scratch, decode_options o = {}) noexcept {
    return detail::decode_body(body, out, scratch, o);
}
inline result decode(bytes body, token_response& out, mutable_bytes scratch, decode_options o = {}) noexcept {
    return detail::decode_body(body, out, scratch, o);
}
///@}

}  // namespace smsgw::mitake
