#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsgw/codec/base64.hpp"
#include "smsgw/mitake/body.hpp"
#include "smsgw/mitake/codes.hpp"

// 發送(push): POST message_path with actionType push. One MMS to up to 500 numbers.
namespace smsgw::mitake {

inline constexpr std::size_t max_destinations = 500;        ///< destinations: 最大限制500個門號
inline constexpr std::size_t max_message_size = 300 * 1024;  ///< subject + content + attachContent: 300KB

namespace detail {

// A phone number: digits, optionally after one '+' (the spec gives no shape; 附件二 2009-2011
// say Mitake checks it), at most 20 characters.
inline result check_phone(std::string_view v) noexcept {
    const std::size_t plus = !v.empty() && v[0] == '+' ? 1 : 0;
    if (result r = fields::check_value(v.substr(plus), fields::digits("", 20)); !r) return fail(r.ec, r.offset + plus);
    return {};
}

// attachType: 支援jpg/jpeg/png/gif/mp3, as the spec spells them.
inline result check_attach_type(std::string_view v) noexcept {
    for (const std::string_view t : {"jpg", "jpeg", "png", "gif", "mp3"}) {
        if (v == t) return {};
    }
    return fail(errc::out_of_range, 0);
}

// 純英數: every character printable ASCII (letters, digits, and the punctuation and space of a
// one-byte charset); a subject with any other character (中英文) has the lower limit.
constexpr bool is_plain_ascii(std::string_view s) noexcept {
    for (const char c : s) {
        if (!codec::ascii::is_printable(c)) return false;
    }
    return true;
}

constexpr fields::spec non_empty(fields::spec s) noexcept {
    s.min = 1;
    return s;
}

}  // namespace detail

/// destinations欄位說明
struct destination {
    std::string_view to;    ///< 行動電話
    std::string_view c_id;  ///< cID: 客戶端ID: at most 36, unique within the request; empty: not sent

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.to, fields::ascii("to", 20).checked(detail::check_phone));
        v(m.c_id, fields::ascii("cID", 36).if_set());
    }
};

/// attachments欄位說明: all three required.
struct attachment {
    bytes content;          ///< attachContent: the file's bytes, base64 on the wire
    std::string_view type;  ///< attachType: jpg, jpeg, png, gif or mp3
    std::string_view name;  ///< attachName: at most 50 characters

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        const fields::spec content = fields::binary("attachContent", max_message_size / 4 * 3);
        v(m.content, detail::non_empty(content).in_json_as(fields::json_binary::base64));
        v(m.type, fields::ascii("attachType", 4).checked(detail::check_attach_type));
        v(m.name, fields::text("attachName", 50));
    }
};

/// A request to send messages.
struct push_request {
    /// A message in Mitake's body format (mitake/body.hpp).
    static constexpr bool mitake_body = true;

    std::string_view subject;      ///< 必要: 40 characters of ASCII, 15 as soon as one is not
    std::string_view content;      ///< empty: not sent
    std::string_view order_time;   ///< orderTime: 預約時間 YYYYMMDDHHmmss; empty: now
    std::string_view expire_time;  ///< expireTime: 有效時間 YYYYMMDDHHmmss; empty: Mitake's default
    span<const destination> destinations;  ///< 1 to 500
    span<const attachment> attachments;    ///< empty: not sent
    std::string_view project_name;         ///< projectName: 專案名稱, at most 36 characters; empty: not sent

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.subject, fields::text("subject", detail::is_plain_ascii(m.subject) ? 40 : 15));
        v(m.content, fields::text("content").if_set());
        v(m.order_time, fields::date_time("orderTime", codec::datetime::shape::yyyymmddhhmmss).if_set());
        v(m.expire_time, fields::date_time("expireTime", codec::datetime::shape::yyyymmddhhmmss).if_set());
        v.group(m.destinations, fields::group("destinations", "destinations", max_destinations));
        v.group(m.attachments, fields::group("attachments", "attachments").if_set());
        v(m.project_name, fields::text("projectName", 36).if_set());
    }
};

namespace detail {

// A hash of a cID from its first and last 8 (or 4) bytes and its length: a word at a time
// where a byte loop (FNV-1a) was a fifth of encoding 500 destinations beside their writing.
inline std::uint32_t cid_hash(std::string_view c) noexcept {
    const std::size_t n = c.size();
    std::uint64_t a = n;
    std::uint64_t b = 0;
    if (n >= 8) {
        a ^= fields::detail::load8(c.data());
        b = fields::detail::load8(c.data() + n - 8);
    } else if (n >= 4) {
        a ^= fields::detail::load4(c.data());
        b = fields::detail::load4(c.data() + n - 4);
    } else {
        for (const char ch : c) b = b << 8 | static_cast<unsigned char>(ch);
    }
    std::uint64_t h = a ^ (b * 0xC2B2AE3D27D4EB4Fu);  // then MurmurHash3's fmix64, so that every bit moves the low ones
    h = (h ^ h >> 33) * 0xFF51AFD7ED558CCDu;
    h = (h ^ h >> 33) * 0xC4CEB9FE1A85EC53u;
    return static_cast<std::uint32_t>(h ^ h >> 33);
}

// The cross-field rules of push: destinations not empty; every cID different (duplicate_field
// at the second, as 附件二 2018 cID重複); the 300 KB budget, which counts subject and content
// as UTF-8 and each attachContent as the base64 text that travels (field_too_long at the
// attachment that crosses it, offset where the limit falls in its base64 text).
inline result cross_check(const push_request& m, const place& p) noexcept {
    if (m.destinations.empty()) return fail(errc::empty_field, p.at({}, 0), "destinations");
    // An open-addressing set of the cIDs seen, by index (2 slots per possible destination).
    constexpr std::size_t slots = 2 * max_destinations + 24;
    std::uint16_t seen[slots] = {};
    for (std::size_t i = 0; i < m.destinations.size(); ++i) {
        const std::string_view c = m.destinations[i].c_id;
        if (c.empty()) continue;
        for (std::size_t s = cid_hash(c) % slots;; s = (s + 1) % slots) {
            if (seen[s] == 0) {
                seen[s] = static_cast<std::uint16_t>(i + 1);
                break;
            }
            if (m.destinations[seen[s] - 1].c_id == c) {
                return fail(errc::duplicate_field, p.at(c, 0), p.name("destinations", i, "cID"));
            }
        }
    }
    std::size_t n = m.subject.size() + m.content.size();
    for (std::size_t i = 0; i < m.attachments.size(); ++i) {
        const std::size_t size = codec::base64::encoded_size(m.attachments[i].content.size());
        if (n + size > max_message_size) {
            const std::size_t within = n > max_message_size ? 0 : max_message_size - n;
            return fail(errc::field_too_long, p.at(as_chars(m.attachments[i].content), within),
                        p.name("attachments", i, "attachContent"));
        }
        n += size;
    }
    return n > max_message_size ? fail(errc::field_too_long, p.at(m.content, 0), "content") : result{};
}

}  // namespace detail

/// Decodes a push body as Mitake's server would: destinations and attachments into the caller's
/// storage, strings with escapes and the attachments' bytes into `scratch` (the body's size is
/// enough). Errors at their offset in the body, named (by path with o.where).
inline result decode(bytes body, push_request& out, mutable_bytes scratch, span<destination> destinations,
                     span<attachment> attachments, decode_options o = {}) noexcept {
    return detail::decode_body(body, out, scratch, o, destinations, attachments);
}

/// The pushes a destination list needs: at most 500 each.
constexpr std::size_t push_count(std::size_t destinations) noexcept {
    return (destinations + max_destinations - 1) / max_destinations;
}

/// Splits `all` into pushes of at most 500 destinations in `out`, each a copy of `base` with its
/// share (views into `all`, nothing copied). Success: offset = the pushes written;
/// buffer_too_small with offset = push_count(all.size()) when `out` is shorter.
inline result split(const push_request& base, span<const destination> all, span<push_request> out) noexcept {
    const std::size_t n = push_count(all.size());
    if (out.size() < n) return fail(errc::buffer_too_small, n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t first = i * max_destinations;
        const std::size_t count = all.size() - first < max_destinations ? all.size() - first : max_destinations;
        out[i] = base;
        out[i].destinations = span<const destination>(all.data() + first, count);
    }
    return {errc{}, n};
}

/// messages欄位說明: one per destination.
struct push_message {
    std::string_view msg_id;       ///< msgID: 簡訊序號, uint64 as text
    std::string_view c_id;         ///< cID: 客戶端ID; empty when the request had none
    std::string_view status;       ///< 附件三, or 附件二 when this message failed: read_status()
    std::string_view status_desc;  ///< statusDesc: its text, as Mitake words it
    std::string_view status_time;  ///< statusTime: 三竹接收時間 yyyyMMddHHmmss
    std::uint32_t point = 0;       ///< 此筆點數

    /// The status as a code.
    mitake::message_status read_status() const noexcept { return mitake::read_status(status); }

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.msg_id, id("msgID"));
        v(m.c_id, fields::ascii("cID", 36).if_set());
        v(m.status, fields::digits("status", 5));
        v(m.status_desc, fields::text("statusDesc").if_set());
        v(m.status_time, fields::date_time("statusTime", codec::datetime::shape::yyyymmddhhmmss).if_set());
        v(m.point, fields::number("point", 0xFFFFFFFFu).if_set());
    }
};

namespace detail {
// A push response's batchID: a uint64 since 1.06; the spec's own example still shows the
// UUID of before (11111111-2222-3333-4444-555555555555), kept as its text.
inline result check_batch_id(std::string_view v) noexcept {
    if (v.size() != 36 || v[8] != '-' || v[13] != '-' || v[18] != '-' || v[23] != '-') {
        std::uint64_t n = 0;
        return to_uint64(v, n);
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] != '-' && !codec::ascii::is_hex(v[i])) return fail(errc::bad_character, i);
    }
    return {};
}
}  // namespace detail

/// The answer to a push: batchID and the messages, or code and description when the whole
/// batch failed (附件一).
struct push_response {
    /// A message in Mitake's body format (mitake/body.hpp).
    static constexpr bool mitake_body = true;

    std::string_view batch_id;  ///< batchID: 本批批號, uint64 as text (or the UUID of before 1.06)
    /// One answer per message sent.
    span<const push_message> messages;
    std::uint64_t cost_points = 0;     ///< costPoints: 本次發送扣除點數
    std::uint64_t account_points = 0;  ///< accountPoints: 剩餘點數
    batch_error code{};                ///< 附件一; 0: none
    std::string_view description;      ///< 整批錯誤說明

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        v(m.batch_id, fields::ascii("batchID", 36).checked(detail::check_batch_id).as_json_number().if_set());
        v.group(m.messages, fields::group("messages", "messages").if_set());
        v(m.cost_points, fields::number("costPoints").if_set());
        v(m.account_points, fields::number("accountPoints").if_set());
        v(m.code, fields::code("code", 0xFFFFu).if_set());
        v(m.description, fields::text("description").if_set());
    }
};

/// Decodes the JSON body: strings that need it into `scratch`, the answers into `messages`.
inline result decode(bytes body, push_response& out, mutable_bytes scratch, span<push_message> messages,
                     decode_options o = {}) noexcept {
    return detail::decode_body(body, out, scratch, o, messages);
}

}  // namespace smsgw::mitake
