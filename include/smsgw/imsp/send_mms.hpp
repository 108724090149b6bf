#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsgw/imsp/list.hpp"
#include "smsgw/imsp/page.hpp"
#include "smsgw/imsp/request.hpp"

// send_mms (§3.2): one MMS to up to 20 numbers, its contents carried in the form body.
namespace smsgw::imsp {

// message_type (§3.2 註8).
enum class multipart : unsigned char {
    mixed = 0,    // multipart/mixed
    related = 1,  // multipart/related, with a SMIL presentation
};

// One content of the message: content<X>id, content<X>type, content<X> (§3.2 註11-13).
struct content {
    std::string_view id;    // ASCII, at most 100; SMIL refers to the content by it
    std::string_view type;  // ASCII, at most 50: "text/plain", "image/jpeg", "application/smil"
    bytes data;             // text/* as UTF-8; anything else (JPEG, AMR, MIDI) byte for byte
};

struct send_mms_request {
    std::string_view account;   // ASCII, at most 10
    std::string_view password;  // ASCII, at most 10
    std::string_view from_addr;  // digits, at most 35 (§3.2 註1: the number billed)
    address_type from_addr_type = address_type::msisdn;
    std::string_view to_addr;   // 1 to 20 numbers joined by ',': 09..., 886... or +886...; one if emome
    address_type to_addr_type = address_type::msisdn;
    std::string_view cp_id = "000";  // 1 to 3 digits: the content provider sent for, 000 if none
    std::string_view subject;        // UTF-8, not empty, at most 40 characters
    std::uint32_t expire_offset = 0;  // minutes from arrival; 0: the MMSC's default
    multipart message_type = multipart::mixed;
    std::string_view presentation_id;  // ASCII, at most 100: the SMIL content's id; empty: not sent
    span<const content> contents;      // sent as no_contents and content0... in order
};

namespace detail {

// to_addr: every number checked, at most max_to_addrs of them (-7), one only for emome codes.
inline result check_to_addr(std::string_view list, address_type type) noexcept {
    if (list.empty()) return fail(errc::empty_field, 0, "to_addr");
    std::size_t count = 0;
    std::size_t start = 0;
    for (;;) {
        std::size_t comma = list.find(',', start);
        if (comma == std::string_view::npos) comma = list.size();
        if (++count > (type == address_type::emome ? 1 : max_to_addrs)) return fail(errc::too_many, start, "to_addr");
        if (result r = check_number(list.substr(start, comma - start), type, "to_addr"); !r) {
            return fail(r.ec, start + r.offset, "to_addr");
        }
        if (comma == list.size()) return {};
        start = comma + 1;
    }
}

constexpr bool is_text_type(std::string_view type) noexcept {
    if (type.size() < 5) return false;
    for (std::size_t i = 0; i < 5; ++i) {
        if (lower(type[i]) != "text/"[i]) return false;
    }
    return true;
}

inline result check_content(const content& c) noexcept {
    if (result r = check_ascii(c.id, 100, true, "contentXid"); !r) return r;
    if (result r = check_ascii(c.type, 50, true, "contentXtype"); !r) return r;
    if (is_text_type(c.type)) {
        if (result r = codec::utf8::validate(as_chars(c.data)); !r) return fail(r.ec, r.offset, "contentX");
    }
    return {};
}

inline result check_subject(std::string_view subject) noexcept {
    if (subject.empty()) return fail(errc::empty_field, 0, "subject");
    std::size_t chars = 0;
    if (result r = codec::utf8::count(subject, chars); !r) return fail(r.ec, r.offset, "subject");
    if (chars > 40) {
        std::size_t at = 0;  // of the 41st character
        char32_t cp = 0;
        for (int i = 0; i < 40; ++i) codec::utf8::next(subject, at, cp);
        return fail(errc::field_too_long, at, "subject");
    }
    return {};
}

}  // namespace detail

// Every check of the §3.2 table, before anything is written. The offset is in the value at fault.
inline result validate(const send_mms_request& r) noexcept {
    if (result v = detail::check_credentials(r.account, r.password, 10); !v) return v;
    if (result v = detail::check_digits(r.from_addr, 35, "from_addr"); !v) return v;
    if (result v = detail::check_type(r.from_addr_type, "from_addr_type"); !v) return v;
    if (result v = detail::check_type(r.to_addr_type, "to_addr_type"); !v) return v;
    if (result v = detail::check_to_addr(r.to_addr, r.to_addr_type); !v) return v;
    if (result v = detail::check_digits(r.cp_id, 3, "cp_id"); !v) return v;
    if (result v = detail::check_subject(r.subject); !v) return v;
    if (static_cast<unsigned>(r.message_type) > 1) return fail(errc::out_of_range, 0, "message_type");
    if (result v = detail::check_ascii(r.presentation_id, 100, false, "presentation_id"); !v) return v;
    for (const content& c : r.contents) {
        if (result v = detail::check_content(c); !v) return v;
    }
    return {};
}

namespace detail {
// "content7", "content7id", "content7type", from a buffer on the stack.
struct content_name {
    char text[32];
    std::size_t size = 0;
    content_name(std::size_t index, std::string_view suffix) noexcept {
        const decimal d(static_cast<std::uint32_t>(index));
        const std::string_view parts[] = {"content", d.view(), suffix};
        for (std::string_view p : parts) {
            for (char c : p) text[size++] = c;
        }
    }
    std::string_view view() const noexcept { return {text, size}; }
};
}  // namespace detail

// The body in the order of the spec's own sample (§5.2): account, password, cp_id,
// expire_offset, from_addr, from_addr_type, message_type, to_addr, to_addr_type, subject,
// presentation_id (only when set), no_contents, then content<X>id, content<X>type, content<X>.
inline result encode(const send_mms_request& r, writer& out) noexcept {
    if (result v = validate(r); !v) return v;
    const char flag[2][2] = {"0", "1"};
    codec::form::builder b(out);
    b.add("account", r.account).add("password", r.password).add("cp_id", r.cp_id);
    b.add("expire_offset", detail::decimal(r.expire_offset).view());
    b.add("from_addr", r.from_addr).add("from_addr_type", flag[static_cast<unsigned>(r.from_addr_type)]);
    b.add("message_type", flag[static_cast<unsigned>(r.message_type)]);
    b.add("to_addr", r.to_addr).add("to_addr_type", flag[static_cast<unsigned>(r.to_addr_type)]);
    b.add("subject", r.subject);
    if (!r.presentation_id.empty()) b.add("presentation_id", r.presentation_id);
    b.add("no_contents", detail::decimal(static_cast<std::uint32_t>(r.contents.size())).view());
    for (std::size_t i = 0; i < r.contents.size(); ++i) {
        b.add(detail::content_name(i, "id").view(), r.contents[i].id);
        b.add(detail::content_name(i, "type").view(), r.contents[i].type);
        b.add(detail::content_name(i, "").view(), r.contents[i].data);
    }
    return out.finish();
}

namespace detail {
// The index and the part of a content<X>... name; false for any other name. X is written
// without leading zeros, as the spec's content0id ... content(n-1)id.
inline bool parse_content_name(std::string_view name, std::size_t& index, std::string_view& suffix) noexcept {
    if (!starts_with(name, "content")) return false;
    std::size_t i = 7;
    std::size_t n = 0;
    const std::size_t first = i;
    while (i < name.size() && is_digit(name[i]) && i - first < 6) n = n * 10 + static_cast<std::size_t>(name[i++] - '0');
    if (i == first || (name[first] == '0' && i - first > 1)) return false;
    suffix = name.substr(i);
    if (suffix != "" && suffix != "id" && suffix != "type") return false;
    index = n;
    return true;
}
}  // namespace detail

// Decodes a send_mms body as the gateway would, with the checks of validate(). Values are
// decoded into `scratch` (at least the body's size); the contents go to `storage`, and
// out.contents views its first no_contents entries. Errors carry the offset of the parameter
// at fault in the body: unknown_field / duplicate_field (strict), missing_field at the body's
// end, too_many when no_contents exceeds storage, count_mismatch for a content beyond no_contents.
inline result decode(bytes body, send_mms_request& out, mutable_bytes scratch, span<content> storage,
                     mode m = mode::strict) noexcept {
    detail::slot slots[] = {{"account", true},       {"password", true},     {"from_addr", true},
                            {"from_addr_type"},      {"to_addr", true},      {"to_addr_type"},
                            {"cp_id"},               {"subject", true},      {"expire_offset"},
                            {"message_type"},        {"presentation_id"},    {"no_contents", true}};
    for (content& c : storage) c = content{};
    std::size_t highest = 0;         // 1 + the highest content index seen
    std::size_t highest_offset = 0;  // where it was
    auto on_content = [&](std::string_view name, std::string_view value, std::size_t at) noexcept -> result {
        std::size_t index = 0;
        std::string_view suffix;
        if (!detail::parse_content_name(name, index, suffix)) return fail(errc::unknown_field, at);
        if (index >= storage.size()) return fail(errc::too_many, at, "no_contents");
        content& c = storage[index];
        const bool is_id = suffix == "id";
        const bool is_type = suffix == "type";
        const bool seen = is_id ? c.id.data() != nullptr : is_type ? c.type.data() != nullptr : c.data.data() != nullptr;
        if (seen) {
            if (m == mode::tolerant) return {};
            return fail(errc::duplicate_field, at, is_id ? "contentXid" : is_type ? "contentXtype" : "contentX");
        }
        if (is_id) {
            c.id = value;
        } else if (is_type) {
            c.type = value;
        } else {
            c.data = bytes(value);
        }
        if (m == mode::strict && index + 1 > highest) {  // the servlet never reads past no_contents
            highest = index + 1;
            highest_offset = at;
        }
        return {};
    };
    if (result r = detail::collect(body, scratch, slots, m, on_content); !r) return r;
    const std::size_t end = body.size();
    auto get = [&](std::string_view name) -> const detail::slot& { return detail::find_slot(slots, name); };
    // A typed parameter: parsed when present, the spec's default otherwise.
    auto parse = [&](const char* name, auto&& parser, auto& target) noexcept -> result {
        const detail::slot& s = get(name);
        if (!s.seen) return {};
        return detail::at_field(parser(s.value, target, name), slots, end);
    };
    auto flag = [](std::string_view v, auto& target, const char* name) noexcept { return detail::parse_flag(v, target, name); };

    send_mms_request req;
    req.account = get("account").value;
    req.password = get("password").value;
    req.from_addr = get("from_addr").value;
    req.to_addr = get("to_addr").value;
    req.subject = get("subject").value;
    req.presentation_id = get("presentation_id").value;
    if (get("cp_id").seen) req.cp_id = get("cp_id").value;
    if (result r = parse("from_addr_type", flag, req.from_addr_type); !r) return r;
    if (result r = parse("to_addr_type", flag, req.to_addr_type); !r) return r;
    if (result r = parse("message_type", flag, req.message_type); !r) return r;
    if (result r = parse("expire_offset", detail::parse_u32, req.expire_offset); !r) return r;
    std::uint32_t count = 0;
    if (result r = parse("no_contents", detail::parse_u32, count); !r) return r;
    if (count > storage.size()) return fail(errc::too_many, get("no_contents").offset, "no_contents");
    if (highest > count) return fail(errc::count_mismatch, highest_offset, "no_contents");
    req.contents = span<const content>(storage.data(), count);
    // Each content complete and valid; an error points at the parameter at fault.
    for (std::size_t i = 0; i < count; ++i) {
        const content& c = storage[i];
        if (c.id.data() == nullptr) return fail(errc::missing_field, end, "contentXid");
        if (c.type.data() == nullptr) return fail(errc::missing_field, end, "contentXtype");
        if (c.data.data() == nullptr) return fail(errc::missing_field, end, "contentX");
        if (result r = detail::check_content(c); !r) {
            const std::string_view field = r.field;
            const std::string_view suffix = field == "contentXid" ? "id" : field == "contentXtype" ? "type" : "";
            const auto f = codec::form::fields(as_chars(body)).find(detail::content_name(i, suffix).view());
            return fail(r.ec, f ? f->offset : end, r.field);
        }
    }
    if (result r = detail::at_field(validate(req), slots, end); !r) return r;
    out = req;
    return {errc{}, body.size()};
}

// A number send_mms could not send to, and why (code 1).
struct failure {
    std::string_view to_address;
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

using failure_list = text_list<failure, detail::failure_format>;

// 0 {message id}; 1 {message id} and the numbers that failed; -5 to -10, -41; and the codes
// of every command.
struct send_mms_response {
    return_code code{};
    std::string_view message_id;   // codes 0 and 1: digits, what query needs
    failure_list failures;         // code 1: the numbers not sent to; the others got message_id
    std::string_view description;  // the page's description as sent
};

inline result decode(bytes in, send_mms_response& out) noexcept {
    page p;
    if (result r = decode(in, p); !r) return r;
    send_mms_response resp{p.code, {}, {}, p.description};
    if (p.code == return_code::success || p.code == return_code::partial_failure) {
        const std::string_view d = p.description;
        std::size_t n = 0;
        while (n < d.size() && detail::is_digit(d[n])) ++n;
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

// Codes 0 and 1 write message_id (and the failures); any other code its description as given
// (describe(command::send_mms, code) has the spec's text).
inline result encode(const send_mms_response& r, writer& out) noexcept {
    if (r.code != return_code::success && r.code != return_code::partial_failure) {
        return encode(page{r.code, r.description}, out);
    }
    if (result v = detail::check_digits(r.message_id, 10, "message_id"); !v) return v;
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
