#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsgw/codec/form.hpp"
#include "smsgw/codec/utf8.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

// What every IMSP request shares: the form body (§4.2: parameter names lower case and
// case-sensitive, values x-www-form-urlencoded), the value checks of the §3 tables, and the
// decoding of a body back into a request, so that a gateway can be written with this module too.
namespace smsgw::imsp {

// from_addr_type, to_addr_type, to_address_type (§3.2 註2, 註4; §3.3 註2).
enum class address_type : unsigned char {
    msisdn = 0,  // a mobile number
    emome = 1,   // an emome code, which the gateway maps to a number
};

// How a request body is decoded. Both modes check every value as the encoder does.
// Strict: a name the command does not define, or one given twice, is an error at its offset.
// Tolerant: unknown names are skipped; of a name given twice the first counts, as a servlet's
// getParameter() does.
using mode = smsgw::mode;

namespace detail {

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// "ASCII 字串" of the tables: printable ASCII, at most `max` bytes, non-empty when required.
inline result check_ascii(std::string_view v, std::size_t max, bool required, const char* field) noexcept {
    if (v.empty()) return required ? fail(errc::empty_field, 0, field) : result{};
    if (v.size() > max) return fail(errc::field_too_long, max, field);
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] < 0x20 || v[i] > 0x7E) return fail(errc::bad_character, i, field);
    }
    return {};
}

// "[0~9]數字串": 1 to `max` digits.
inline result check_digits(std::string_view v, std::size_t max, const char* field) noexcept {
    if (v.empty()) return fail(errc::empty_field, 0, field);
    if (v.size() > max) return fail(errc::field_too_long, max, field);
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!is_digit(v[i])) return fail(errc::bad_character, i, field);
    }
    return {};
}

constexpr bool starts_with(std::string_view s, std::string_view prefix) noexcept {
    return s.substr(0, prefix.size()) == prefix;
}

// One destination number (§3.2 註3): an emome code is digits; a mobile number is written
// 09..., 886... or +886... (the '+' counts in the 35 characters).
inline result check_number(std::string_view v, address_type type, const char* field) noexcept {
    const std::size_t plus = type == address_type::msisdn && starts_with(v, "+") ? 1 : 0;
    if (v.size() > 35) return fail(errc::field_too_long, 35, field);
    if (result r = check_digits(v.substr(plus), 35, field); !r) return fail(r.ec, r.offset + plus, field);
    if (type == address_type::msisdn && !starts_with(v, "09") && !starts_with(v, "886") && !starts_with(v, "+886")) {
        return fail(errc::bad_character, 0, field);
    }
    return {};
}

inline result check_type(address_type t, const char* field) noexcept {
    return static_cast<unsigned>(t) <= 1 ? result{} : fail(errc::out_of_range, 0, field);
}

// A number field of the body: digits, within 32 bits.
inline result parse_u32(std::string_view v, std::uint32_t& out, const char* field) noexcept {
    if (result r = check_digits(v, 10, field); !r) return r;
    std::uint64_t n = 0;
    for (char c : v) n = n * 10 + static_cast<unsigned>(c - '0');
    if (n > 0xFFFFFFFFu) return fail(errc::out_of_range, 0, field);
    out = static_cast<std::uint32_t>(n);
    return {};
}

// A "0 或 1" field.
template <class Enum>
result parse_flag(std::string_view v, Enum& out, const char* field) noexcept {
    if (v.size() != 1) return fail(v.empty() ? errc::empty_field : errc::field_too_long, v.empty() ? 0 : 1, field);
    if (v[0] != '0' && v[0] != '1') return fail(errc::out_of_range, 0, field);
    out = static_cast<Enum>(v[0] - '0');
    return {};
}

// A number as decimal text, for the encoder.
struct decimal {
    char text[10];
    unsigned char size = 0;
    explicit decimal(std::uint32_t v) noexcept {
        char tmp[10];
        unsigned char n = 0;
        do {
            tmp[n++] = static_cast<char>('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (unsigned char i = 0; i < n; ++i) text[i] = tmp[n - 1 - i];
        size = n;
    }
    std::string_view view() const noexcept { return {text, size}; }
};

// One parameter a command defines, as decoding found it.
struct slot {
    const char* name;
    bool required = false;
    std::string_view value{};
    std::size_t offset = 0;  // of the name in the body
    bool seen = false;
};

// The slot of the named parameter (one of the command's own).
template <std::size_t N>
const slot& find_slot(const slot (&slots)[N], std::string_view name) noexcept {
    for (const slot& s : slots) {
        if (name == s.name) return s;
    }
    return slots[0];
}

// The offset of the named parameter in the body, or the body's end when it was not there
// (an error about a missing or defaulted value points past the last byte).
template <std::size_t N>
std::size_t offset_of(const slot (&slots)[N], const char* field, std::size_t end) noexcept {
    for (const slot& s : slots) {
        if (field != nullptr && std::string_view(s.name) == field) return s.seen ? s.offset : end;
    }
    return end;
}

// An error of a value check, moved to where the value's parameter starts in the body.
template <std::size_t N>
result at_field(result r, const slot (&slots)[N], std::size_t end) noexcept {
    if (r) return r;
    return fail(r.ec, offset_of(slots, r.field, end), r.field);
}

// Decodes every pair of `body`: names into a small buffer, values one after the other into
// `scratch`, which must be at least as large as the body (a decoded value is never longer).
// Names found in `slots` fill them (a required one missing: missing_field at the body's end);
// any other goes to `other(name, value, offset)`, which
// returns unknown_field when it does not know the name either.
template <std::size_t N, class Other>
result collect(bytes body, mutable_bytes scratch, slot (&slots)[N], mode m, Other&& other) noexcept {
    if (scratch.size() < body.size()) return fail(errc::buffer_too_small, body.size());
    writer values(scratch);
    for (const codec::form::field& f : codec::form::fields(as_chars(body))) {
        char name_buf[24];
        writer name_out(name_buf, sizeof name_buf);
        if (result r = codec::form::decode_name(f, name_out); !r && r.ec != errc::buffer_too_small) return r;
        const std::string_view name =
            name_out.overflowed() ? std::string_view() : std::string_view(name_buf, name_out.size());
        const std::size_t start = values.size();
        if (result r = codec::form::decode_value(f, values); !r) return r;
        const std::string_view value(reinterpret_cast<const char*>(scratch.data()) + start, values.size() - start);
        slot* hit = nullptr;
        for (slot& s : slots) {
            if (!name.empty() && name == s.name) hit = &s;
        }
        if (hit != nullptr) {
            if (hit->seen) {
                if (m == mode::strict) return fail(errc::duplicate_field, f.offset, hit->name);
                continue;
            }
            *hit = slot{hit->name, hit->required, value, f.offset, true};
            continue;
        }
        const result r = other(name, value, f.offset);
        if (r.ec == errc::unknown_field && m == mode::tolerant) continue;
        if (!r) return r;
    }
    for (const slot& s : slots) {
        if (s.required && !s.seen) return fail(errc::missing_field, body.size(), s.name);
    }
    return {errc{}, body.size()};
}

// For commands without parameters beyond their table.
struct no_other {
    result operator()(std::string_view, std::string_view, std::size_t at) const noexcept {
        return fail(errc::unknown_field, at);
    }
};

// The account and password every command carries: 10 characters, 8 for change_passwd (§3.6).
inline result check_credentials(std::string_view account, std::string_view password, std::size_t max) noexcept {
    if (result r = check_ascii(account, max, true, "account"); !r) return r;
    return check_ascii(password, max, true, "password");
}

// The requests that carry nothing else (login, get_mime): `account=...&password=...`.
template <class Request>
result encode_credentials(const Request& r, writer& out) noexcept {
    if (result v = check_credentials(r.account, r.password, 10); !v) return v;
    codec::form::builder(out).add("account", r.account).add("password", r.password);
    return out.finish();
}

template <class Request>
result decode_credentials(bytes body, Request& out, mutable_bytes scratch, mode m) noexcept {
    slot slots[] = {{"account", true}, {"password", true}};
    if (result r = collect(body, scratch, slots, m, no_other{}); !r) return r;
    if (result r = at_field(check_credentials(slots[0].value, slots[1].value, 10), slots, body.size()); !r) return r;
    out = Request{slots[0].value, slots[1].value};
    return {errc{}, body.size()};
}

}  // namespace detail
}  // namespace smsgw::imsp
