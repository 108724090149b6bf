#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/decimal.hpp"
#include "smsgw/codec/fields.hpp"
#include "smsgw/hezhong/codes.hpp"
#include "smsgw/hezhong/message.hpp"
#include "smsgw/hezhong/paths.hpp"
#include "smsgw/hezhong/variables.hpp"

// SendMmsTask (§四): a template sent to up to 1000 numbers, with one set of variables for all;
// and the answer both send tasks share (§四.3, §五.3).
namespace smsgw::hezhong {

namespace detail {

inline result check_mobile(std::string_view v) noexcept { return fields::check_value(v, fields::digits("", 20)); }
// The spec's examples write "1368100000, 1368100002": tolerant mode takes blanks before a number.
inline result check_spaced_mobile(std::string_view v) noexcept {
    std::size_t blanks = 0;
    while (blanks < v.size() && codec::ascii::is_blank(v[blanks])) ++blanks;
    const result r = check_mobile(v.substr(blanks));
    return r ? r : fail(r.ec, r.offset + blanks);
}

}  // namespace detail

/// SendMmsTask: a template sent to numbers, with its variables.
struct send_mms_task_request {
    /// Which Hezhong message this is.
    static constexpr message_kind kind = message_kind::send_mms_task;

    /// userid: the user number (用户编号).
    std::string_view userid;
    /// username: the user name (用户名称).
    std::string_view username;
    /// password: the password (密码).
    std::string_view password;
    std::string_view mobile;  ///< numbers joined by ',', at most 1000
    std::string_view mmsid;   ///< the template, from SaveMmsModel
    std::string_view sub;     ///< 扩展, an extension; may be empty
    variables cont;           ///< the template's variables, or none ("")

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        detail::credentials(v, m);
        v(m.mobile, fields::list("mobile", ',', 1, max_mobiles, detail::check_mobile)
                        .tolerating(detail::check_spaced_mobile));
        v(m.mmsid, fields::ascii("mmsid", 64));
        v(m.sub, fields::ascii("sub", fields::unlimited).optional().allow_empty());
        v(m.cont, fields::spec{"cont"}.optional());
    }
};

/// The answer to SendMmsTask and SendVariableMmsTask: `code` a string in both tables ("0",
/// "-10"), kept as sent (code_value() reads it); `taskid` there when the code is "0".
struct task_response {
    /// Which Hezhong message this is.
    static constexpr message_kind kind = message_kind::task_response;

    /// code: the return code as sent.
    std::string_view code;
    /// taskid: the task (required when code is 0).
    std::string_view taskid;
    /// message: the description (描述).
    std::string_view message;

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.code, fields::ascii("code", 20).checked(detail::check_code_text));
        const fields::spec id = fields::ascii("taskid", 64);
        v(m.taskid, m.code == "0" ? id : id.if_set());
        v(m.message, fields::text("message").allow_empty());
    }

    /// The code as a number (0 when it is not one).
    return_code code_value() const noexcept {
        int n = 0;
        codec::decimal::parse(code, n, {codec::decimal::sign::minus});
        return static_cast<return_code>(n);
    }
};

}  // namespace smsgw::hezhong
