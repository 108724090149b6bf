#pragma once

#include <cstddef>
#include <string_view>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/codec/line_reply.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"

/// One-line answers `<prefix>:<text>`, as 5C gives them (5c-mms-api.txt §2.2, §3.2, §4.2:
/// `success:msgid`, `error:Missing apikey`). The prefix is one of a list the caller declares,
///   inline constexpr std::string_view replies[] = {"success", "error"};
/// matched ASCII-case-insensitively in both modes, since the spec's own table writes `Error:`
/// beside `error:` (§2.2 `Error:Missing message title`); the text after the FIRST colon is kept
/// verbatim, so `error:Black keywords is:<word>` keeps its second colon (vendors.md pitfall 6).
/// As for line replies, one leading UTF-8 BOM is skipped and the line ends at the end of the
/// input are ignored in both modes. Strict mode wants the prefix at the start and the colon right
/// after it, and one line; tolerant mode also takes whitespace and line breaks before the prefix,
/// blanks between it and the colon, and line breaks inside the text (kept in it, nothing is lost).
namespace smsgw::codec::prefix {

/// Strict or tolerant reading.
using mode = smsgw::mode;

/// A reply split at its prefix.
struct reply {
    std::string_view prefix;      ///< as in the input (`Error`); the encoder writes it in lower case unless told otherwise
    std::string_view text;        ///< everything after the first ':', verbatim
    std::size_t which = 0;        ///< index of the matching prefix in the caller's list
    std::size_t text_offset = 0;  ///< of text in the input
};

/// Decodes `in` against the `accepted` prefixes (without their colon; the first that matches
/// wins). Success: offset = in.size(). Errors:
///   bad_response (field "prefix") at the offset where the prefix was looked for (0, or 3 after a
///     BOM; tolerant: after the leading whitespace) when no accepted prefix followed by ':' is
///     there: `100`, `no record`, `ok:1`, `error` alone, an empty input;
///   trailing_bytes (strict only) at the first CR or LF inside the text: the reply is one line.
/// `out` is written only on success.
inline result decode(bytes in, span<const std::string_view> accepted, reply& out, mode m = mode::strict) noexcept {
    const std::string_view s = as_chars(in);
    const bool tolerant = m == mode::tolerant;
    std::size_t pos = lines::detail::content_begin(s);
    const std::size_t end = lines::detail::content_end(s, pos);
    if (tolerant) {
        while (pos < end && ascii::is_space(s[pos])) ++pos;
    }
    const std::string_view body = s.substr(pos, end - pos);
    for (std::size_t i = 0; i < accepted.size(); ++i) {
        const std::string_view p = accepted[i];
        if (!ascii::istarts_with(body, p)) continue;
        std::size_t colon = p.size();
        if (tolerant) {
            while (colon < body.size() && ascii::is_blank(body[colon])) ++colon;
        }
        if (colon >= body.size() || body[colon] != ':') continue;
        const std::string_view text = body.substr(colon + 1);
        if (!tolerant) {
            for (std::size_t j = 0; j < text.size(); ++j) {
                if (lines::detail::is_break(text[j])) return fail(errc::trailing_bytes, pos + colon + 1 + j, "text");
            }
        }
        out = reply{body.substr(0, p.size()), text, i, pos + colon + 1};
        return {errc{}, s.size()};
    }
    return fail(errc::bad_response, pos, "prefix");
}

/// How encode() writes the prefix's letters.
enum class prefix_case : unsigned char {
    lower,     ///< in lower case, the canonical spelling (`Error` -> `error`)
    as_given,  ///< as r.prefix has them (a reply written back as it was received)
};

/// Writes `r.prefix` (in lower case unless told otherwise), ':' and `r.text` (`r.which` is not written). Success: offset
/// = the writer's size, or buffer_too_small with the size needed. A reply that would not read back
/// as it is is refused before anything is written, offsets in this encoding:
///   empty_field (0, "prefix") for an empty prefix;
///   bad_character ("prefix") at a prefix byte that is not printable ASCII, or is SP or ':';
///   bad_character ("text") at a CR or LF in the text.
inline result encode(const reply& r, smsgw::writer& out, prefix_case letters = prefix_case::lower) noexcept {
    if (r.prefix.empty()) return fail(errc::empty_field, 0, "prefix");
    for (std::size_t i = 0; i < r.prefix.size(); ++i) {
        const char c = r.prefix[i];
        if (!ascii::is_printable(c) || c == ' ' || c == ':') return fail(errc::bad_character, i, "prefix");
    }
    for (std::size_t i = 0; i < r.text.size(); ++i) {
        if (lines::detail::is_break(r.text[i])) return fail(errc::bad_character, r.prefix.size() + 1 + i, "text");
    }
    for (char c : r.prefix) out.put(letters == prefix_case::lower ? ascii::to_lower(c) : c);
    out.put(':');
    out.write(r.text);
    return out.finish();
}

}  // namespace smsgw::codec::prefix
