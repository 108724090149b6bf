#pragma once

#include <cstddef>
#include <string_view>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/prefix_reply.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

// The one-line answers of caixin_send and caixin_send_batch (§2.2, §3.2), and the error
// answers of the balance query (§4.2) and the report fetch (§5.1.6): `success:<msgid>` or
// `error:<text>`, read with codec/prefix_reply.hpp: the prefix in any letter case (the spec's
// own table writes `Error:Missing message title`), a leading UTF-8 BOM skipped, the text after
// the first colon kept verbatim (`error:Black keywords is:<word>`, vendors.md pitfall 6).
namespace smsgw::fivec {

/// The error strings of §2.2 and §3.2. Any other text (`Black keywords is:<word>`, `Throughput
/// Rate Exceeded`, the spec's own `error:msgid`) is `other`, its text kept in reply::text.
enum class error_code : unsigned char {
    other = 0,
    missing_apikey,
    missing_password,
    missing_message_title,
    missing_recipient,
    account_is_blocked,
    unrecognized_encoding,
    apikey_or_password_error,
    unauthorized_ip_address,
    account_balance_is_insufficient,
    mms_body_too_long,
};

/// A code's words: `text` as 5C writes it after `error:`, `chinese` the spec's 状态 column.
struct error_text {
    /// The text as sent.
    std::string_view text;
    /// The platform's Chinese text.
    std::string_view chinese;
    /// Whether the code has a text.
    constexpr bool known() const noexcept { return !text.empty(); }
};

/// The text of code c.
constexpr error_text describe(error_code c) noexcept {
    switch (c) {
    case error_code::other: break;
    case error_code::missing_apikey: return {"Missing apikey", "APIKEY 为空"};
    case error_code::missing_password: return {"Missing password", "密码为空"};
    case error_code::missing_message_title: return {"Missing message title", "彩信标题为空"};
    case error_code::missing_recipient: return {"Missing recipient", "号码为空"};
    case error_code::account_is_blocked: return {"Account is blocked", "帐号被禁用"};
    case error_code::unrecognized_encoding: return {"Unrecognized encoding", "编码未能识别"};
    case error_code::apikey_or_password_error: return {"APIKEY or password error", "APIKEY 或密码错误"};
    case error_code::unauthorized_ip_address: return {"Unauthorized IP address", "未授权 IP 地址"};
    case error_code::account_balance_is_insufficient: return {"Account balance is insufficient", "余额不足"};
    case error_code::mms_body_too_long: return {"MMS body too long.", "彩信文件过大"};
    }
    return {};
}

/// The code whose text `t` is, exactly as the spec writes it (tolerant: ASCII case aside,
/// blanks around it and a missing or added final '.' aside), or `other`.
constexpr error_code error_of(std::string_view t, mode m = mode::strict) noexcept {
    if (m == mode::tolerant) {
        t = codec::ascii::trim(t, codec::ascii::is_blank);
        if (!t.empty() && t.back() == '.') t.remove_suffix(1);
    }
    for (unsigned i = 1; i <= static_cast<unsigned>(error_code::mms_body_too_long); ++i) {
        const auto c = static_cast<error_code>(i);
        std::string_view known = describe(c).text;
        if (m == mode::strict) {
            if (t == known) return c;
            continue;
        }
        if (known.back() == '.') known.remove_suffix(1);
        if (codec::ascii::iequals(t, known)) return c;
    }
    return error_code::other;
}

namespace detail {
inline constexpr std::string_view reply_prefixes[] = {"success", "error"};

// A msgid as 5C gives it: digits (14 of them in its reports, vendors.md pitfall 3), kept as text.
inline result check_msgid(std::string_view id) noexcept {
    if (id.empty()) return fail(errc::empty_field, 0, "msgid");
    for (std::size_t i = 0; i < id.size(); ++i) {
        if (!codec::ascii::is_digit(id[i])) return fail(errc::bad_character, i, "msgid");
    }
    return {};
}
}  // namespace detail

/// `success:<msgid>` or `error:<text>`.
struct reply {
    /// Whether the reply reports success.
    bool success = false;
    std::string_view msgid;         ///< success: digits, as sent
    error_code code = error_code::other;  ///< error: the spec's string the text is, or other
    std::string_view text;          ///< error: everything after the first ':', verbatim
    std::string_view prefix;        ///< as sent (`Error`); written back so when it is the reply's, else `success` or `error`

    /// Whether the reply is the error c.
    constexpr bool is(error_code c) const noexcept { return !success && code == c; }
};

/// Errors, offsets in `in`: those of codec::prefix::decode (bad_response "prefix" when neither
/// prefix with its colon is there: `100`, `no record`; trailing_bytes "text" at a line break
/// inside the text, strict mode); on success, a msgid that is not digits is empty_field or
/// bad_character ("msgid") in strict mode, kept as sent in tolerant mode. `out` is written only
/// on success.
inline result decode(bytes in, reply& out, mode m = mode::strict) noexcept {
    codec::prefix::reply p;
    if (result r = codec::prefix::decode(in, detail::reply_prefixes, p, m); !r) return r;
    reply rep;
    rep.prefix = p.prefix;
    if (p.which == 0) {
        rep.success = true;
        rep.msgid = p.text;
        if (m == mode::strict) {
            if (result r = detail::check_msgid(p.text); !r) return fail(r.ec, p.text_offset + r.offset, r.field);
        }
    } else {
        rep.text = p.text;
        rep.code = error_of(p.text, m);
    }
    out = rep;
    return {errc{}, in.size()};
}

/// `success:<msgid>`, or `error:<text>` with text, or when text is empty the spec's string of
/// code; the prefix as r.prefix has it when that is the reply's in any letter case (`Error`, as
/// decoded), else in lower case. Refused before anything is written: a msgid that is not digits
/// (empty_field or bad_character, "msgid", offset in it), an error without text or code
/// (empty_field "text"), a line break in the text (bad_character "text").
inline result encode(const reply& r, writer& out) noexcept {
    const std::string_view prefix = detail::reply_prefixes[r.success ? 0 : 1];
    const std::string_view spelled = codec::ascii::iequals(r.prefix, prefix) ? r.prefix : prefix;
    if (r.success) {
        if (result v = detail::check_msgid(r.msgid); !v) return v;
        return codec::prefix::encode({spelled, r.msgid}, out, codec::prefix::prefix_case::as_given);
    }
    const std::string_view text = r.text.empty() ? describe(r.code).text : r.text;
    if (text.empty()) return fail(errc::empty_field, 6, "text");
    return codec::prefix::encode({spelled, text}, out, codec::prefix::prefix_case::as_given);
}

}  // namespace smsgw::fivec
