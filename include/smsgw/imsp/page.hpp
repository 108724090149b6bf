#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/decimal.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/imsp/codes.hpp"

// The HTML page every IMSP answer is (§3):
//   <html> <header></header> <body> {return code} <br> {description} <br> </body> </html>
namespace smsgw::imsp {

/// A failure page of the gateway: its return code and text.
struct page {
    /// The gateway's return code.
    return_code code{};
    std::string_view description;  ///< between the first and the last `<br>`, whitespace trimmed
};

namespace detail {

using codec::ascii::is_space;
using codec::ascii::trim;

// Whether the inside of a tag, `<` and `>` excluded, is `name` ("/body", "br"): any case, with
// whitespace around, and for br also the XHTML "br/".
constexpr bool tag_is(std::string_view inside, std::string_view name) noexcept {
    inside = trim(inside);
    if (name == "br" && !inside.empty() && inside.back() == '/') inside = trim(inside.substr(0, inside.size() - 1));
    if (!name.empty() && name.front() == '/' && !inside.empty() && inside.front() == '/') {
        inside = trim(inside.substr(1));
        name.remove_prefix(1);
    } else if (!name.empty() && name.front() == '/') {
        return false;
    }
    return codec::ascii::iequals(inside, name);
}

// Skips whitespace from `pos`, then expects the tag `name`; advances past it.
inline bool expect_tag(std::string_view s, std::size_t& pos, std::string_view name) noexcept {
    while (pos < s.size() && is_space(s[pos])) ++pos;
    if (pos >= s.size() || s[pos] != '<') return false;
    const std::size_t close = s.find('>', pos);
    if (close == std::string_view::npos || !tag_is(s.substr(pos + 1, close - pos - 1), name)) return false;
    pos = close + 1;
    return true;
}

// The same backwards: skips whitespace before `end`, expects the tag `name` to end there;
// moves `end` to the '<' of the tag that ends there, whichever it is.
inline bool expect_tag_before(std::string_view s, std::size_t& end, std::string_view name) noexcept {
    while (end > 0 && is_space(s[end - 1])) --end;
    if (end == 0 || s[end - 1] != '>') return false;
    const std::size_t open = s.rfind('<', end - 1);
    if (open == std::string_view::npos) return false;
    const bool found = tag_is(s.substr(open + 1, end - 2 - open), name);
    end = open;
    return found;
}

// A return code: an optional '-' and up to 10 digits, within int. Errors at `at`, the code's
// offset: bad_response when there is no digit, bad_character at a byte that is not one,
// out_of_range past 10 digits or outside int.
inline result parse_code(std::string_view s, std::size_t at, return_code& out) noexcept {
    const std::size_t sign = !s.empty() && s[0] == '-' ? 1 : 0;
    if (s.size() == sign) return fail(errc::bad_response, at, "return_code");
    std::int32_t n = 0;
    const result r = codec::decimal::parse(s, n, {codec::decimal::sign::minus, true, 10});
    if (r.ec == errc::bad_character) return fail(r.ec, at + r.offset, "return_code");
    if (!r) return fail(errc::out_of_range, at, "return_code");
    out = static_cast<return_code>(n);
    return {};
}

inline void put_code(writer& w, return_code code) noexcept { codec::decimal::write(w, static_cast<int>(code)); }

// The page around a description the caller writes between the two (for typed responses).
inline void open_page(writer& w, return_code code) noexcept {
    w.write(std::string_view("<html> <header></header> <body>"));
    put_code(w, code);
    w.write(std::string_view(" <br> "));
}
inline result close_page(writer& w) noexcept {
    w.write(std::string_view(" <br> </body> </html>"));
    return w.finish();
}

// Offset of `part`, a view into `in`, in `in`.
inline std::size_t offset_in(bytes in, std::string_view part) noexcept {
    return static_cast<std::size_t>(part.data() - as_chars(in).data());
}

}  // namespace detail

/// Decodes a response page. The spec's own examples differ in spacing (`<body>0 <br>`,
/// `<body> 0 <br>`, `<html><header></header>`) and a description may break across lines
/// (§3.4 註2), so whitespace and line breaks around the tags and the letter case of tag names
/// are free; the tags themselves, their order and the code's digits are checked. The code ends
/// at the first `<br>`, the description at the last one, so a `<br>` inside it is kept.
/// Success: offset = bytes consumed (the whole input); errors: bad_response at the tag that is
/// missing, bad_character / out_of_range at the code.
inline result decode(bytes in, page& out) noexcept {
    const std::string_view s = as_chars(in);
    std::size_t pos = 0;
    if (!detail::expect_tag(s, pos, "html")) return fail(errc::bad_response, pos, "<html>");
    if (!detail::expect_tag(s, pos, "header")) return fail(errc::bad_response, pos, "<header>");
    if (!detail::expect_tag(s, pos, "/header")) return fail(errc::bad_response, pos, "</header>");
    if (!detail::expect_tag(s, pos, "body")) return fail(errc::bad_response, pos, "<body>");
    std::size_t end = s.size();
    if (!detail::expect_tag_before(s, end, "/html") || end < pos) return fail(errc::bad_response, end, "</html>");
    if (!detail::expect_tag_before(s, end, "/body") || end < pos) return fail(errc::bad_response, end, "</body>");
    if (!detail::expect_tag_before(s, end, "br") || end < pos) return fail(errc::bad_response, end, "<br>");
    // The code runs to the first <br>.
    while (pos < end && detail::is_space(s[pos])) ++pos;
    std::size_t code_end = pos;
    while (code_end < end && s[code_end] != '<' && !detail::is_space(s[code_end])) ++code_end;
    page p;
    if (result r = detail::parse_code(s.substr(pos, code_end - pos), pos, p.code); !r) return r;
    std::size_t desc = code_end;
    if (!detail::expect_tag(s.substr(0, end), desc, "br")) {
        return fail(errc::bad_response, desc, "<br>");
    }
    p.description = detail::trim(s.substr(desc, end - desc));
    out = p;
    return {errc{}, s.size()};
}

/// Writes the page as the gateway does (§3.1 examples):
/// `<html> <header></header> <body>0 <br> Login succeed from 10.0.0.1 <br> </body> </html>`.
/// A description with whitespace at either end would not come back as it was: refused.
inline result encode(const page& p, writer& out) noexcept {
    if (detail::trim(p.description).size() != p.description.size()) {
        return fail(errc::bad_character, 0, "description");
    }
    detail::open_page(out, p.code);
    out.write(p.description);
    return detail::close_page(out);
}

}  // namespace smsgw::imsp
