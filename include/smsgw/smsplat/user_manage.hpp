#pragma once

#include <cstddef>
#include <string_view>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/datetime.hpp"
#include "smsgw/codec/decimal.hpp"
#include "smsgw/codec/line_reply.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/smsplat/codes.hpp"
#include "smsgw/smsplat/recharge.hpp"
#include "smsgw/smsplat/reply.hpp"
#include "smsgw/smsplat/request.hpp"
#include "smsgw/smsplat/sign.hpp"

// UserManage (chapter 13): opens, changes or deletes a platform account, signed by an operator.
namespace smsgw::smsplat {

/// The action parameter.
enum class user_action : unsigned char { add = 0, remove = 1 };  // action: 0 增加 (add or change), 1 删除
/// The type parameter.
enum class user_type : unsigned char { normal = 1, agent = 2 };  // type: 1 普通用户, 2 代理商
/// The 0/1 parameters.
enum class flag : unsigned char { no = 0, yes = 1 };              // the 0/1 parameters

namespace detail {

// send_hour: `start,end`, hours from 0 to 24 (table 13.1: `8,21`).
inline result check_send_hour(std::string_view v) noexcept {
    const std::size_t comma = v.find(',');
    if (comma == std::string_view::npos) return fail(errc::count_mismatch, v.size());
    for (std::size_t from : {std::size_t{0}, comma + 1}) {
        const std::string_view hour = v.substr(from, from == 0 ? comma : std::string_view::npos);
        unsigned h = 0;
        if (result r = codec::decimal::parse(hour, h, {codec::decimal::sign::none, true, 2}); !r) {
            return fail(r.ec, from + r.offset);
        }
        if (h > 24) return fail(errc::out_of_range, from);
    }
    return {};
}

// send_type: letters of H B W V P (table 13.1), each at most once (`BW`, `HBV`).
inline result check_send_type(std::string_view v) noexcept {
    constexpr std::string_view letters = "HBWVP";
    unsigned seen = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::size_t k = letters.find(v[i]);
        if (k == std::string_view::npos) return fail(errc::bad_character, i);
        if ((seen >> k & 1u) != 0) return fail(errc::duplicate_field, i);
        seen |= 1u << k;
    }
    return {};
}

// expired_date: yyyyMMdd, a real date.
inline result check_date(std::string_view v) noexcept {
    if (v.size() != 8) return fail(errc::invalid_length, 0);
    char text[14] = {};
    for (std::size_t i = 0; i < 8; ++i) text[i] = v[i];
    for (std::size_t i = 8; i < sizeof text; ++i) text[i] = '0';
    codec::datetime::date_time t;
    const result r = codec::datetime::parse(std::string_view(text, sizeof text), codec::datetime::shape::yyyymmddhhmmss, t);
    return r ? result{} : fail(r.ec, r.offset);
}

inline constexpr fields::spec product_list = fields::list("product_list", ',', 1, fields::unlimited, check_product_id);

}  // namespace detail

/// Table 13.1, the 25 parameters. "新增和修改用户时, 用户信息字段都需要。删除用户时只需要
/// account 字段": adding (or changing) wants every one, deleting only username, password,
/// timestamp, operator, action and account, the others written when set. extno, signature,
/// product_list and the two bound addresses may be empty when adding (nothing bound).
struct user_manage_request {
    /// The platform call this request is for.
    static constexpr smsplat::call endpoint = call::user_manage;

    /// username: the account making the call (agreed offline).
    std::string_view username;
    std::string_view password;  ///< sign(username, secretkey, timestamp)
    std::string_view timestamp;  ///< yyyyMMddHHmmss
    std::string_view operator_;  ///< `operator`
    /// action: 0 adds (or changes) the user, 1 deletes it.
    user_action action = user_action::add;
    std::string_view account;      ///< encrypted as Recharge's account
    std::string_view ac_password;  ///< the new user's password, encrypted the same way
    user_type type{};              ///< 1 or 2: no default
    std::string_view true_name;    ///< the company's name, UTF-8
    /// contact_mobile: the contact's number.
    std::string_view contact_mobile;
    std::string_view send_hour;    ///< `start,end`: `8,21`
    /// need_audit: whether messages need review (是否需要审核).
    flag need_audit = flag::no;
    std::string_view send_type;    ///< letters of HBWVP
    /// need_reportmo: whether status reports and MO messages are wanted.
    flag need_reportmo = flag::no;
    std::string_view extno;        ///< digits, at most 6
    std::string_view signature;    ///< UTF-8
    /// fee_back: whether credit is returned automatically (是否自动返回额度).
    flag fee_back = flag::no;
    /// force_signature: whether the user's own signature is checked.
    flag force_signature = flag::no;
    flag anti_phshing = flag::no;  ///< the spec's spelling
    /// self_subscribe: whether the user may subscribe by itself (是否可以自订购).
    flag self_subscribe = flag::no;
    std::string_view product_list;  ///< product ids joined by ','
    /// web_client_ip: the address web logins are bound to.
    std::string_view web_client_ip;
    /// http_client_ip: the address interface calls are bound to.
    std::string_view http_client_ip;
    /// sms_check: whether logins need an SMS verification code.
    flag sms_check = flag::no;
    std::string_view expired_date;  ///< yyyyMMdd

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        const bool adding = m.action == user_action::add;
        const auto info = [adding](fields::spec s) constexpr noexcept { return adding ? s : s.if_set(); };
        const auto maybe_empty = [adding](fields::spec s) constexpr noexcept {
            return adding ? s.allow_empty() : s.if_set();
        };
        detail::signed_by(v, m);
        v(m.action, fields::code("action", 1));
        v(m.account, detail::encrypted("account"));
        v(m.ac_password, info(detail::encrypted("ac_password")));
        v(m.type, info(fields::code("type", 2, 1)));
        v(m.true_name, info(fields::text("true_name")));
        v(m.contact_mobile, info(fields::ascii("contact_mobile", 20)));
        v(m.send_hour, info(fields::ascii("send_hour", 5).checked(detail::check_send_hour)));
        v(m.need_audit, info(fields::code("need_audit", 1)));
        v(m.send_type, info(fields::ascii("send_type", 5).checked(detail::check_send_type)));
        v(m.need_reportmo, info(fields::code("need_reportmo", 1)));
        v(m.extno, maybe_empty(fields::digits("extno", 6)));
        v(m.signature, maybe_empty(fields::text("signature")));
        v(m.fee_back, info(fields::code("fee_back", 1)));
        v(m.force_signature, info(fields::code("force_signature", 1)));
        v(m.anti_phshing, info(fields::code("anti_phshing", 1)));
        v(m.self_subscribe, info(fields::code("self_subscribe", 1)));
        v(m.product_list, maybe_empty(detail::product_list));
        v(m.web_client_ip, maybe_empty(fields::ascii("web_client_ip", fields::unlimited)));
        v(m.http_client_ip, maybe_empty(fields::ascii("http_client_ip", fields::unlimited)));
        v(m.sms_check, info(fields::code("sms_check", 1)));
        v(m.expired_date, info(fields::ascii("expired_date", 8).checked(detail::check_date)));
    }
};

/// §13.3: `resptime,status` and, when the status is not 0, `,description` (UTF-8).
struct user_manage_reply {
    /// resptime: when the platform answered.
    std::string_view resptime;
    /// The status the platform answered.
    user_manage_status status{};
    /// description: the platform's text.
    std::string_view description;
};

/// Strict: the description exactly when the status is not 0 (missing_field "description" at the
/// line's end, or trailing_bytes where it starts), valid UTF-8, the blanks around it dropped
/// (§13.3 prints ` 密码格式错误`); LF line ends. Tolerant: blanks around the time and the status
/// dropped too, a description or none with any status, any line end, lines after the first
/// ignored.
inline result decode(bytes in, user_manage_reply& out, mode m = mode::strict) noexcept {
    codec::lines::reply<1> lines;
    if (result r = codec::lines::decode(in, detail::status_only_shape, lines, {m}); !r) return r;
    const codec::lines::line& l = lines[0].first;
    detail::status_line s;
    if (result r = detail::read_status_line(l, m, true, s); !r) return r;
    const auto status = static_cast<user_manage_status>(s.status);
    const std::size_t at = s.description_at;
    if (m == mode::strict) {
        if (status == user_manage_status::success && s.has_description) {
            return fail(errc::trailing_bytes, at, "description");
        }
        if (status != user_manage_status::success && !s.has_description) {
            return fail(errc::missing_field, l.offset + l.text.size(), "description");
        }
        if (result r = codec::utf8::validate(s.description); !r) return fail(r.ec, at + r.offset, "description");
    }
    out = user_manage_reply{s.resptime, status, s.description};
    return {errc{}, in.size()};
}

/// The platform's side: a description only with a status other than 0 (trailing_bytes) and
/// one there (missing_field), UTF-8 without a line break nor a blank at either end, which the
/// reader would drop (bad_character at it).
inline result encode(const user_manage_reply& r, writer& out) noexcept {
    const bool success = r.status == user_manage_status::success;
    const std::string_view d = r.description;
    if (success && !d.empty()) return fail(errc::trailing_bytes, 0, "description");
    if (!success && d.empty()) return fail(errc::missing_field, 0, "description");
    if (result v = codec::utf8::validate(d); !v) return fail(v.ec, v.offset, "description");
    if (!d.empty() && (codec::ascii::is_blank(d.front()) || codec::ascii::is_blank(d.back()))) {
        return fail(errc::bad_character, codec::ascii::is_blank(d.front()) ? 0 : d.size() - 1, "description");
    }
    codec::lines::builder b(out);
    if (result v = detail::write_status_line(b, r.resptime, static_cast<unsigned>(r.status), r.description); !v) return v;
    return b.finish();
}

}  // namespace smsgw::smsplat
