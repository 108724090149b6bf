#pragma once

#include <cstdint>
#include <string_view>

#include "smsgw/codec/fields.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/hezhong/codes.hpp"
#include "smsgw/hezhong/message.hpp"

// SaveMmsModel (§二): a video MMS template, its title and its frames of files.
namespace smsgw::hezhong {

namespace detail {

inline result both_files(std::string_view) noexcept { return fail(errc::duplicate_field, 0); }

// "HEX16" (Java's Hex.encodeHexString(str.getBytes("UTF-8"))): written in lower case, read in
// either; odd_length and bad_character at their offset.
constexpr fields::spec hex16(const char* name) noexcept {
    return fields::spec{name, fields::kind::binary, fields::presence::required, 1, fields::unlimited}.in_json_as(
        fields::json_binary::hex);
}

}  // namespace detail

/// One file of a frame (attachments 描述): exactly one of hex16str and base64str.
struct attachment {
    std::uint32_t index = 0;     ///< 顺序, optional (written as 0 when not set)
    std::string_view file_name;  ///< fileName, "1.txt"
    bytes hex16str;              ///< the file's bytes, travelling as hex (the spec recommends it)
    bytes base64str;             ///< or as base64; the spec calls that text GBK

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.index, fields::number("index", INT32_MAX).optional());
        v(m.file_name, fields::text("fileName"));
        // Exactly one of the two: hex16str is missing_field when neither is there and
        // duplicate_field (offset 0) beside a base64str.
        v(m.hex16str, m.base64str.empty() ? detail::hex16("hex16str")
                                          : detail::hex16("hex16str").if_set().checked(detail::both_files));
        v(m.base64str, fields::binary("base64str").in_json_as(fields::json_binary::base64).if_set());
    }
};

/// One frame (frames 描述): how long it plays and its files.
struct frame {
    std::uint32_t index = 0;  ///< 播放顺序, optional (written as 0 when not set)
    std::string_view dur;     ///< milliseconds, as a string of digits
    /// The frame's files.
    span<const attachment> attachments;

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.index, fields::number("index", INT32_MAX).optional());
        v(m.dur, fields::digits("dur", 10));
        v.group(m.attachments, fields::group("attachments", "attachments"));
    }
};

/// SaveMmsModel: a template to store and have reviewed.
struct save_mms_model_request {
    /// Which Hezhong message this is.
    static constexpr message_kind kind = message_kind::save_mms_model;

    /// userid: the user number (用户编号).
    std::string_view userid;
    /// username: the user name (用户名称).
    std::string_view username;
    /// password: the password (密码).
    std::string_view password;
    std::string_view productid;  ///< 产品 ID; may be left out by China-Telecom-only accounts
    bytes subject;               ///< the title as UTF-8, travelling as HEX16
    /// The template's frames.
    span<const frame> frames;

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        detail::credentials(v, m);
        v(m.productid, fields::ascii("productid", fields::unlimited).if_set());
        v(m.subject, detail::hex16("subject").checked(detail::check_utf8));
        v.group(m.frames, fields::group("frames", "frames"));
    }
};

/// The answer (§二.3): `code` a number in the table, a string ("0") in the example; both read,
/// a number written. `mmsid`, the template's id, is there when the code is 0.
struct save_mms_model_response {
    /// Which Hezhong message this is.
    static constexpr message_kind kind = message_kind::save_mms_model_response;

    /// code: the return code.
    return_code code = return_code::success;
    /// message: the description (描述).
    std::string_view message;
    /// mmsid: the stored template (required when code is 0).
    std::string_view mmsid;

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.code, fields::code("code", fields::unlimited));
        v(m.message, fields::text("message").allow_empty());
        const fields::spec id = fields::ascii("mmsid", 64);
        v(m.mmsid, m.code == return_code::success ? id : id.if_set());
    }
};

}  // namespace smsgw::hezhong
