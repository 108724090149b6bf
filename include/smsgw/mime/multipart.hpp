#pragma once

// Multipart delimiter lines (RFC 2046 §5.1.1): where one part ends and the next begins.
#include <cstddef>
#include <string_view>

#include "smsgw/detail/mime_syntax.hpp"

namespace smsgw::mime {

/// A boundary delimiter line found in a body.
struct delimiter {
    std::size_t begin = 0;  ///< the line end before the delimiter (it belongs to the delimiter), or the line start
    std::size_t line = 0;   ///< the "--" that starts the delimiter line
    std::size_t after = 0;  ///< past the delimiter line and its line end
    bool close = false;     ///< `--boundary--`
};

/// Finds the first delimiter line for `boundary` in `body` at or after `from`. A delimiter is
/// recognised only at the start of a line (or of `body`), as `--` boundary, then `--` for the
/// close delimiter, then blanks (transport padding), then CRLF, LF or the end of `body`: so
/// `--foo_bar` is not a delimiter of `foo` and `x--foo` is body text (notes §8.2).
inline bool find_delimiter(std::string_view body, std::string_view boundary, std::size_t from, delimiter& d) noexcept {
    using namespace smsgw::detail::mime;
    if (boundary.empty()) return false;
    std::size_t k = from + 2;
    while ((k = find(body, boundary, k)) != std::string_view::npos) {
        const std::size_t line = k - 2;
        const std::size_t next = k + 1;
        if (body[line] != '-' || body[line + 1] != '-' || (line != 0 && body[line - 1] != '\n') || line < from) {
            k = next;
            continue;
        }
        std::size_t i = k + boundary.size();
        bool close = false;
        if (i + 1 < body.size() && body[i] == '-' && body[i + 1] == '-') {
            close = true;
            i += 2;
        }
        while (i < body.size() && is_wsp(body[i])) ++i;
        std::size_t eol = eol_length(body, i);
        if (eol == 0 && i != body.size()) {
            k = next;
            continue;
        }
        std::size_t begin = line;
        if (begin > from && body[begin - 1] == '\n') --begin;
        if (begin > from && begin < line && body[begin - 1] == '\r') --begin;
        d = delimiter{begin, line, i + eol, close};
        return true;
    }
    return false;
}

}  // namespace smsgw::mime
