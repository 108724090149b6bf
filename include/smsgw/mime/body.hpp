#pragma once

// Content-Transfer-Encoding (RFC 2045 §6): which one a part uses, how large its decoding can
// be, and the decoding itself into a caller buffer.
#include <cstddef>
#include <string_view>

#include "smsgw/codec/base64.hpp"
#include "smsgw/core/error.hpp"
#include "smsgw/core/writer.hpp"
#include "smsgw/detail/mime_syntax.hpp"
#include "smsgw/mime/options.hpp"
#include "smsgw/mime/quoted_printable.hpp"

namespace smsgw::mime {

/// Content-Transfer-Encoding (RFC 2045 §6.1).
enum class transfer_encoding : unsigned char {
    seven_bit,         ///< also the default when the field is absent (RFC 2045 §6.1)
    eight_bit,
    binary,
    quoted_printable,
    base64,
    unknown,           ///< any other token (x-uuencode ...): the body is handed back as it is
};

/// The encoding a raw Content-Transfer-Encoding value names (blanks around it ignored, any case).
constexpr transfer_encoding classify_transfer_encoding(std::string_view raw) noexcept {
    using smsgw::detail::mime::iequals;
    std::string_view v = smsgw::detail::mime::trim_wsp(raw);
    if (v.empty() || iequals(v, "7bit")) return transfer_encoding::seven_bit;
    if (iequals(v, "base64")) return transfer_encoding::base64;
    if (iequals(v, "quoted-printable")) return transfer_encoding::quoted_printable;
    if (iequals(v, "8bit")) return transfer_encoding::eight_bit;
    if (iequals(v, "binary")) return transfer_encoding::binary;
    return transfer_encoding::unknown;
}

/// The encoding's name, as written.
constexpr const char* name(transfer_encoding e) noexcept {
    switch (e) {
    case transfer_encoding::seven_bit: return "7bit";
    case transfer_encoding::eight_bit: return "8bit";
    case transfer_encoding::binary: return "binary";
    case transfer_encoding::quoted_printable: return "quoted-printable";
    case transfer_encoding::base64: return "base64";
    case transfer_encoding::unknown: break;
    }
    return "unknown";
}

/// The most bytes decode_body() can write for a raw body of n bytes.
constexpr std::size_t decoded_size_max(transfer_encoding e, std::size_t n) noexcept {
    return e == transfer_encoding::base64 ? codec::base64::decoded_size_max(n) : n;
}

/// Decodes a raw body. base64 uses the codec's MIME mode (lines of any length, blanks and line
/// ends skipped, padding optional); in strict mode its errors (bad_character, bad_padding for '='
/// inside the text, truncated for a lone trailing character) come back with the offset in `raw`
/// plus `base`. Tolerant mode decodes what it can, in the codec's forgiving mode (notes §3.1,
/// §8.4): bytes outside the alphabet are skipped (bad_base64 at the first), decoding goes on
/// after '=' padding inside the text (base64_padding_inside at the first), a lone trailing
/// sextet is dropped (base64_trailing_bits at the end); non-zero trailing bits are ignored.
/// quoted-printable: see quoted_printable::decode. 7bit, 8bit, binary and unknown encodings are
/// copied. Success: offset = bytes written.
inline result decode_body(std::string_view raw, transfer_encoding e, writer& out, mode m = mode::strict,
                          defect_log* log = nullptr, std::size_t base = 0) noexcept {
    if (e == transfer_encoding::quoted_printable) return quoted_printable::decode(raw, out, m, log, base);
    if (e != transfer_encoding::base64) {
        const std::size_t before = out.size();
        out.write(raw);
        if (out.overflowed()) return out.finish();
        return result{errc{}, out.size() - before};
    }
    // Decode into the rest of the caller's buffer so that a refused attempt leaves no trace.
    const bool has_room = !out.overflowed() && out.buffer() != nullptr;
    writer attempt = has_room ? writer(mutable_bytes(out.buffer() + out.size(), out.capacity() - out.size())) : writer();
    namespace b64 = codec::base64;
    b64::repairs fixed;
    const b64::mode how = m == mode::strict ? b64::mode::mime : b64::mode::forgiving;
    const result r = b64::decode(raw, attempt, {b64::alphabet::standard, how, &fixed});
    if (!r && r.ec != errc::buffer_too_small) return fail(r.ec, base + r.offset);
    if (log) {  // in the order they occur
        const auto add = [&](defect_kind k, std::size_t at) noexcept {
            if (at != b64::repairs::none) log->add(k, base + at);
        };
        const bool bad_first = fixed.bad_character < fixed.inner_padding;
        add(bad_first ? defect_kind::bad_base64 : defect_kind::base64_padding_inside,
            bad_first ? fixed.bad_character : fixed.inner_padding);
        add(bad_first ? defect_kind::base64_padding_inside : defect_kind::bad_base64,
            bad_first ? fixed.inner_padding : fixed.bad_character);
        add(defect_kind::base64_trailing_bits, fixed.truncated);
    }
    out.claim(attempt.size());
    if (out.overflowed()) return out.finish();
    return result{errc{}, attempt.size()};
}

}  // namespace smsgw::mime
