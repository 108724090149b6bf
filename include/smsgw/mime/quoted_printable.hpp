#pragma once

// Quoted-Printable (RFC 2045 §6.7): decoding with soft line breaks and per-line trailing-blank
// stripping, encoding with 76-column lines. Part of smsgw::mime (its only user is MIME).
#include <cstddef>
#include <string_view>

#include "smsgw/codec/ascii.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/span.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/detail/mime_syntax.hpp"
#include "smsgw/mime/options.hpp"

namespace smsgw::mime::quoted_printable {

/// Decoding never grows the text.
constexpr std::size_t decoded_size_max(std::size_t n) noexcept { return n; }

/// Decodes QP text: `=XX` (either case) is a byte, `=` then blanks then a line end (CRLF or LF)
/// is a soft break and vanishes, blanks at the end of a line are transport padding and vanish
/// (rule 3), line ends are kept as they are. A bad escape (`=G0`, `=` at the end) is
/// errc::bad_escape at its offset in strict mode; tolerant mode keeps the `=` literally and
/// records bad_qp_escape (offset + base). Success: offset = bytes written.
inline result decode(std::string_view in, writer& out, mode m = mode::strict, defect_log* log = nullptr,
                     std::size_t base = 0) noexcept {
    const std::size_t before = out.size();
    std::size_t i = 0, start = 0;  // [start, i): literal bytes not written yet
    auto flush = [&](std::size_t end) noexcept { out.write(in.substr(start, end - start)); };
    while (i < in.size()) {
        const char c = in[i];
        if (c == ' ' || c == '\t') {
            std::size_t j = i;
            while (j < in.size() && (in[j] == ' ' || in[j] == '\t')) ++j;
            if (j == in.size() || in[j] == '\n' || (in[j] == '\r' && j + 1 < in.size() && in[j + 1] == '\n')) {
                flush(i);  // trailing blanks of a line: dropped
                start = j;
            }
            i = j;
            continue;
        }
        if (c != '=') {
            ++i;
            continue;
        }
        flush(i);
        std::size_t j = i + 1;
        while (j < in.size() && (in[j] == ' ' || in[j] == '\t')) ++j;
        if (j == in.size() && j > i + 1) {  // `=` and blanks at the very end: a soft break with padding
            start = i = j;
            continue;
        }
        if (j < in.size() && in[j] == '\n') {
            start = i = j + 1;
            continue;
        }
        if (j + 1 < in.size() && in[j] == '\r' && in[j + 1] == '\n') {
            start = i = j + 2;
            continue;
        }
        const unsigned hi = i + 1 < in.size() ? codec::ascii::hex_value(in[i + 1]) : codec::ascii::no_hex;
        const unsigned lo = i + 2 < in.size() ? codec::ascii::hex_value(in[i + 2]) : codec::ascii::no_hex;
        if ((hi | lo) > 0x0F) {
            if (auto r = smsgw::mime::detail::report(m, log, defect_kind::bad_qp_escape, base + i); !r) return r;
            start = i;  // the '=' stays, literally
            ++i;
            continue;
        }
        out.put(static_cast<byte>(hi * 16 + lo));
        start = i = i + 3;
    }
    flush(in.size());
    if (out.overflowed()) return out.finish();
    return result{errc{}, out.size() - before};
}

/// How encode() writes.
struct encode_options {
    std::size_t line_length = 76;  ///< RFC 2045 rule 5: at most 76 characters, the soft-break '=' included
    bool text = true;              ///< line ends in the input (CRLF or LF) become CRLF hard breaks; false: =0D=0A
};

/// Encodes bytes as QP: printable ASCII but '=' as is, blanks as is except before a line end,
/// everything else as =XX (upper case), soft breaks `=` CRLF to keep lines within line_length.
/// Success: offset = bytes written.
inline result encode(bytes in, writer& out, const encode_options& o = {}) noexcept {
    static constexpr char digits[] = "0123456789ABCDEF";
    const std::size_t before = out.size();
    const std::size_t width = o.line_length < 4 ? 4 : o.line_length;
    std::size_t column = 0;
    auto room = [&](std::size_t n) noexcept {  // soft break unless n more characters and a '=' fit
        if (column + n > width - 1) {
            out.write(std::string_view("=\r\n"));
            column = 0;
        }
    };
    for (std::size_t i = 0; i < in.size(); ++i) {
        const byte b = in[i];
        if (o.text && (b == '\n' || (b == '\r' && i + 1 < in.size() && in[i + 1] == '\n'))) {
            if (b == '\r') ++i;
            out.write(std::string_view("\r\n"));
            column = 0;
            continue;
        }
        const bool at_line_end = i + 1 == in.size() || (o.text && (in[i + 1] == '\n' || in[i + 1] == '\r'));
        const bool literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !at_line_end);
        if (literal) {
            // The last character of the input or of a line may use the column the '=' would take.
            if (!(at_line_end && column + 1 <= width)) room(1);
            out.put(b);
            ++column;
        } else {
            if (!(at_line_end && column + 3 <= width)) room(3);
            const char e[3] = {'=', digits[b >> 4], digits[b & 0x0F]};
            out.write(e, 3);
            column += 3;
        }
    }
    if (out.overflowed()) return out.finish();
    return result{errc{}, out.size() - before};
}

}  // namespace smsgw::mime::quoted_printable
