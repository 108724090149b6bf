#pragma once

#include <string_view>

#include "smsgw/codec/datetime.hpp"
#include "smsgw/smsplat/codes.hpp"
#include "smsgw/smsplat/request.hpp"

// The status push (chapter 10): the platform calls the customer's pushUrl with one report per
// request, `receiver=admin&pswd=12345&msgid=12345&reportTime=1012241002&mobile=...&status=DELIVRD`
// (§10.3). Decoded by the customer's server, encoded by a test double of the platform.
namespace smsgw::smsplat {

/// A request to send one message.
struct push_request {
    /// The platform call this request is for.
    static constexpr smsplat::call endpoint = call::push;

    std::string_view receiver;    ///< the name the customer configured; may be empty
    std::string_view pswd;        ///< may be empty
    std::string_view msgid;       ///< as send_reply gave it
    std::string_view report_time;  ///< reportTime, YYMMDDhhmm (years 2000-2099)
    std::string_view mobile;      ///< one number
    std::string_view status;      ///< table 10.2 or a gateway's own code, verbatim: classify(status)

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.receiver, fields::ascii("receiver", fields::unlimited).allow_empty());
        v(m.pswd, fields::ascii("pswd", fields::unlimited).allow_empty());
        v(m.msgid, fields::ascii("msgid", 64));
        v(m.report_time, fields::date_time("reportTime", codec::datetime::shape::yymmddhhmm));
        v(m.mobile, fields::digits("mobile", detail::mobile_digits));
        v(m.status, fields::ascii("status", 32));
    }
};

/// The status of a push as table 10.2 reads it (`ERR%3A104` on the wire is `ERR:104` here).
constexpr report_status classify(const push_request& p) noexcept { return classify(p.status); }

}  // namespace smsgw::smsplat
