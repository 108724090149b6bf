#pragma once

#include <cstddef>
#include <string_view>

#include "smsgw/charset/convert.hpp"
#include "smsgw/codec/form.hpp"
#include "smsgw/fivec/frames.hpp"
#include "smsgw/fivec/request.hpp"

// caixin_send (§2.1): one MMS of frames (frames.hpp) to any numbers, as a form body POSTed to
// url(api::caixin_send), answered by a reply (reply.hpp).
namespace smsgw::fivec {

namespace detail {

// `encode` as real clients send it (vendors.md pitfall 4): utf8, utf-8, UTF-8 or gbk. 5C
// answers anything else with error:Unrecognized encoding.
inline constexpr std::string_view encode_values[] = {"utf8", "utf-8", "UTF-8", "gbk"};

inline result check_encode(std::string_view v) noexcept {
    for (std::string_view known : encode_values) {
        if (v == known) return {};
    }
    return fail(errc::out_of_range, 0);
}

// A GBK title: well-formed GBK (the charset's strict decoder), its errors at their offset.
inline result check_gbk(std::string_view v) noexcept {
    writer measure;  // counts only: a whole input it did not refuse is well-formed
    const result r = charset::decode(charset::encoding::gbk, v, measure);
    return r.ec == errc::buffer_too_small ? result{} : r;
}

inline result check_mobile(std::string_view v) noexcept { return fields::check_value(v, fields::digits("", 11)); }

}  // namespace detail

/// §2.1 caixin_send. The title is URL-encoded before the form encoding, as §2.1 asks
/// ("urlencode 后提交"): it travels encoded twice (`标题` as %25E6%25A0%2587%25E9%25A2%2598) and
/// the member holds it plain. validate(), encode() and decode() check the content as a frame
/// string as well (frames.hpp), in the decoder's mode.
struct caixin_send_request {
    /// The 5C API this request is for.
    static constexpr fivec::api call = api::caixin_send;

    std::string_view apikey;    ///< 32 characters
    std::string_view username;  ///< 3 to 15
    std::string_view password;  ///< 3 to 15
    std::string_view mobile;    ///< numbers of at most 11 digits joined by ','; no limit on how many
    std::string_view title;     ///< 1 to 40 characters of UTF-8; GBK (at most 80 bytes) when encode is gbk
    std::string_view content;   ///< the frame string (frame_string builds it), at most 50 KB as sent
    std::string_view encode;    ///< utf8, utf-8, UTF-8 or gbk; empty: not sent (UTF-8, §2 数据编码)

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        detail::credentials(v, m);
        v(m.mobile, fields::list("mobile", ',', 1, fields::unlimited, detail::check_mobile));
        // The spec's own example URL spells it `tittle` (§2.2 示例): tolerant decoding reads that.
        const fields::spec title = m.encode == "gbk" ? fields::binary("title", 80).checked(detail::check_gbk)
                                                     : fields::text("title", 40);
        v(m.title, title.url_encoded_twice().tolerant_alias("tittle"));
        v(m.content, fields::ascii("content", max_content));
        v(m.encode, fields::ascii("encode", 5).if_set().checked(detail::check_encode));
    }

    static constexpr std::size_t max_content = 50 * 1024;  ///< §2.1 50KB
};

/// The charset of the request's text: GBK for encode=gbk, UTF-8 otherwise.
constexpr charset::encoding text_encoding(const caixin_send_request& r) noexcept {
    return r.encode == "gbk" ? charset::encoding::gbk : charset::encoding::utf8;
}

/// The request's title as UTF-8, into out: its bytes read in text_encoding(r), with
/// charset::decode()'s errors and offsets (a title decode() accepted in strict mode converts).
inline charset::outcome decode_title(const caixin_send_request& r, writer& out, mode m = mode::strict) noexcept {
    return charset::decode(text_encoding(r), r.title, out, m);
}

namespace detail {
inline result check_content(std::string_view content, mode m) noexcept {
    result r = frames(content, m).validate();
    if (!r) r.field = "content";
    return r;
}
}  // namespace detail

/// The field list's checks, then the content as a strict frame string (frames' errors, offset in
/// the content, result.field "content").
inline result validate(const caixin_send_request& r) noexcept {
    if (result v = fields::validate(r); !v) return v;
    return detail::check_content(r.content, mode::strict);
}

/// Validates, then writes the form body.
inline result encode(const caixin_send_request& r, writer& out) noexcept {
    if (result v = validate(r); !v) return v;
    return fields::encode_form(r, out);
}

/// As request.hpp's decode(), the title decoded twice, then the content read as a frame string
/// in mode `m`: its error at the offset of the content's pair in the body ("content").
inline result decode(bytes body, caixin_send_request& out, mutable_bytes scratch, mode m = mode::strict) noexcept {
    caixin_send_request r;
    if (result d = fields::decode_form(body, r, scratch, m); !d) return d;
    if (result c = detail::check_content(r.content, m); !c) {
        const auto f = codec::form::fields(as_chars(body)).find("content");
        return fail(c.ec, f ? f->offset : 0, "content");
    }
    out = r;
    return {errc{}, body.size()};
}

}  // namespace smsgw::fivec
