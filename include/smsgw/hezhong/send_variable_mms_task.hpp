#pragma once

#include <string_view>

#include "smsgw/codec/fields.hpp"
#include "smsgw/hezhong/message.hpp"
#include "smsgw/hezhong/variables.hpp"

// SendVariableMmsTask (§五): a template sent to numbers each with variables of its own. The
// answer is send_mms_task.hpp's task_response.
namespace smsgw::hezhong {

/// SendVariableMmsTask: a template sent with each recipient's own values.
struct send_variable_mms_task_request {
    /// Which Hezhong message this is.
    static constexpr message_kind kind = message_kind::send_variable_mms_task;

    /// userid: the user number (用户编号).
    std::string_view userid;
    /// username: the user name (用户名称).
    std::string_view username;
    /// password: the password (密码).
    std::string_view password;
    /// mmsid: the template's number (模板编号).
    std::string_view mmsid;
    std::string_view sub;  ///< may be empty
    recipients cont;       ///< [{mobile, param}], a string holding the array unless cont_form::array

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        detail::credentials(v, m);
        v(m.mmsid, fields::ascii("mmsid", 64));
        v(m.sub, fields::ascii("sub", fields::unlimited).optional().allow_empty());
        v(m.cont, fields::spec{"cont"});
    }
};

}  // namespace smsgw::hezhong
