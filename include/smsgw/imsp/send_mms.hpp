#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsgw/imsp/list.hpp"
#include "smsgw/imsp/page.hpp"
#include "smsgw/imsp/request.hpp"

// send_mms (§3.2): one MMS to up to 20 numbers, its contents carried in the form body.
namespace smsgw::imsp {

/// message_type (§3.2 註8).
enum class multipart : unsigned char {
    mixed = 0,    ///< multipart/mixed
    related = 1,  ///< multipart/related, with a SMIL presentation
};

namespace detail {
constexpr bool is_text_type(std::string_view type) noexcept { return codec::ascii::istarts_with(type, "text/"); }
}  // namespace detail

/// One content of the message: content<X>id, content<X>type, content<X> (§3.2 註11-13).
struct content {
    std::string_view id;    ///< ASCII, at most 100; SMIL refers to the content by it
    std::string_view type;  ///< ASCII, at most 50: "text/plain", "image/jpeg", "application/smil"
    bytes data;             ///< text/* as UTF-8; anything else (JPEG, AMR, MIDI) byte for byte

    /// Lists every field once, in spec order, for codec/fields.hpp's visitors.
    template <class V, class Self>
    static constexpr void walk(V& v, Self& c) {
        v(c.id, fields::ascii("contentXid", 100).keyed("id"));
        v(c.type, fields::ascii("contentXtype", 50).keyed("type"));
        const fields::spec data = detail::is_text_type(c.type) ? fields::text("contentX") : fields::binary("contentX");
        v(c.data, data.allow_empty().keyed("content"));
    }
};

/// validate(), encode() and the decode() without storage come from request.hpp.
struct send_mms_request {
    /// The IMSP command this request is for.
    static constexpr imsp::command command = imsp::command::send_mms;

    std::string_view account;   ///< ASCII, at most 10
    std::string_view password;  ///< ASCII, at most 10
    std::string_view from_addr;  ///< digits, at most 35 (§3.2 註1: the number billed)
    /// What kind of address the sender is.
    address_type from_addr_type = address_type::msisdn;
    std::string_view to_addr;   ///< 1 to 20 numbers joined by ',': 09..., 886... or +886...; one if emome
    /// What kind of address the recipients are.
    address_type to_addr_type = address_type::msisdn;
    std::string_view cp_id = "000";  ///< 1 to 3 digits: the content provider sent for, 000 if none
    std::string_view subject;        ///< UTF-8, not empty, at most 40 characters
    std::uint32_t expire_offset = 0;  ///< minutes from arrival; 0: the MMSC's default
    /// The multipart subtype of the message.
    multipart message_type = multipart::mixed;
    std::string_view presentation_id;  ///< ASCII, at most 100: the SMIL content's id; empty: not sent
    span<const content> contents;      ///< sent as no_contents and content0... in order

    /// In the order of the spec's own sample body (§5.2).
    template <class V, class Self>
    static constexpr void walk(V& v, Self& m) {
        const bool emome = m.to_addr_type == address_type::emome;
        detail::credentials(v, m, 10);
        v(m.cp_id, fields::digits("cp_id", 3).optional());
        v(m.expire_offset, fields::number("expire_offset", 0xFFFFFFFFu).optional());
        v(m.from_addr, fields::digits("from_addr", 35));
        v(m.from_addr_type, fields::code("from_addr_type", 1).optional());
        v(m.message_type, fields::code("message_type", 1).optional());
        // At most max_to_addrs numbers (-7), one only for an emome code.
        v(m.to_addr, fields::list("to_addr", ',', 1, emome ? 1 : max_to_addrs, detail::check_number(m.to_addr_type)));
        v(m.to_addr_type, fields::code("to_addr_type", 1).optional());
        v(m.subject, fields::text("subject", 40));
        v(m.presentation_id, fields::ascii("presentation_id", 100).if_set());
        v.group(m.contents, fields::group("no_contents", "contents"));
    }
};

/// Decodes a send_mms body as the gateway would, with the checks of validate(). Values are
/// decoded into `scratch` (at least the body's size); the contents go to `storage`, and
/// out.contents views its first no_contents entries. Errors carry the offset of the parameter
/// at fault in the body: unknown_field / duplicate_field (strict), missing_field at the body's
/// end, too_many when no_contents exceeds storage, count_mismatch for a content beyond no_contents.
inline result decode(bytes body, send_mms_request& out, mutable_bytes scratch, span<content> storage,
                     mode m = mode::strict) noexcept {
    return fields::decode_form(body, out, scratch, m, storage);
}

/// A number send_mms could not send to, and why (code 1).
struct failure {
    /// The recipient the gateway refused.
    std::string_view to_address;
    /// Why.
    std::string_view reason;
};

namespace detail {
constexpr bool is_separator(char c) noexcept { return c == ';' || c == ',' || is_space(c); }

// Code 1's `{message id} {to address:fail reason}...` (§3.2): the spec does not fix the
// separators; entries are read up to ';' (a reason may hold spaces and commas), and the id
// may be followed by whitespace, ',' or ';'. Written as `id;to:reason;to:reason`.
struct failure_format {
    static bool next(std::string_view text, std::size_t& pos, failure& out) noexcept {
        while (pos < text.size() && is_separator(text[pos])) ++pos;
        if (pos >= text.size()) return false;
        std::size_t end = text.find(';', pos);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view entry = text.substr(pos, end - pos);
        const std::size_t colon = entry.find(':');
        out.to_address = trim(entry.substr(0, colon));
        out.reason = colon == std::string_view::npos ? std::string_view() : trim(entry.substr(colon + 1));
        pos = end;
        return true;
    }
};
}  // namespace detail

/// The failed recipients of a send_mms answer.
using failure_list = text_list<failure, detail::failure_format>;

/// 0 {message id}; 1 {message id} and the numbers that failed; -5 to -10, -41; and the codes
/// of every command.
struct send_mms_response {
    /// The gateway's return code.
    return_code code{};
    std::string_view message_id;   ///< codes 0 and 1: digits, what query needs
    failure_list failures;         ///< code 1: the numbers not sent to; the others got message_id
    std::string_view description;  ///< the page's description as sent
};

/// Decodes the answer page (errors as decode(bytes, page&)).
inline result decode(bytes in, send_mms_response& out) noexcept {
    page p;
    if (result r = decode(in, p); !r) return r;
    send_mms_response resp{p.code, {}, {}, p.description};
    if (p.code == return_code::success || p.code == return_code::partial_failure) {
        const std::string_view d = p.description;
        std::size_t n = 0;
        while (n < d.size() && codec::ascii::is_digit(d[n])) ++n;
        const std::size_t at = detail::offset_in(in, d);
        if (n == 0) return fail(errc::bad_response, at, "message_id");
        if (n > 10) return fail(errc::field_too_long, at + 10, "message_id");  // query's limit (§3.3)
        if (p.code == return_code::success && n != d.size()) return fail(errc::bad_character, at + n, "message_id");
        resp.message_id = d.substr(0, n);
        if (p.code == return_code::partial_failure) {
            if (n == d.size() || !detail::is_separator(d[n])) return fail(errc::bad_response, at + n, "to_address");
            const std::string_view rest = d.substr(n);
            std::size_t pos = 0;
            failure f;
            std::size_t count = 0;
            for (;;) {
                while (pos < rest.size() && detail::is_separator(rest[pos])) ++pos;
                const std::size_t start = at + n + pos;
                if (!detail::failure_format::next(rest, pos, f)) break;
                if (f.to_address.empty()) return fail(errc::empty_field, start, "to_address");
                if (f.reason.data() == nullptr) return fail(errc::bad_response, start, "fail_reason");
                ++count;
            }
            if (count == 0) return fail(errc::bad_response, at + n, "to_address");
            resp.failures = failure_list::from_text(rest);
        }
    }
    out = resp;
    return {errc{}, in.size()};
}

/// Codes 0 and 1 write message_id (and the failures); any other code its description as given
/// (describe(command::send_mms, code) has the spec's text).
inline result encode(const send_mms_response& r, writer& out) noexcept {
    if (r.code != return_code::success && r.code != return_code::partial_failure) {
        return encode(page{r.code, r.description}, out);
    }
    if (result v = fields::check_value(r.message_id, fields::digits("message_id", 10)); !v) return v;
    if (r.code == return_code::partial_failure) {
        if (r.failures.empty()) return fail(errc::empty_field, 0, "to_address");
        for (const failure& f : r.failures) {
            if (f.to_address.empty() || f.to_address.find_first_of(";:") != std::string_view::npos ||
                detail::trim(f.to_address).size() != f.to_address.size()) {
                return fail(errc::bad_character, 0, "to_address");
            }
            if (f.reason.find(';') != std::string_view::npos || detail::trim(f.reason).size() != f.reason.size()) {
                return fail(errc::bad_character, 0, "fail_reason");
            }
        }
    }
    detail::open_page(out, r.code);
    out.write(r.message_id);
    if (r.code == return_code::partial_failure) {
        for (const failure& f : r.failures) {
            out.put(';');
            out.write(f.to_address);
            out.put(':');
            out.write(f.reason);
        }
    }
    return detail::close_page(out);
}

}  // namespace smsgw::imsp
