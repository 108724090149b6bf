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

enum class transfer_encoding : unsigned char {
    seven_bit,         // also the default when the field is absent (RFC 2045 §6.1)
    eight_bit,
    binary,
    quoted_printable,
    base64,
    unknown,           // any other token (x-uuencode ...): the body is handed back as it is
};

// The encoding a raw Content-Transfer-Encoding value names (blanks around it ignored, any case).
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

// The most bytes decode_body() can write for a raw body of n bytes.
constexpr std::size_t decoded_size_max(transfer_encoding e, std::size_t n) noexcept {
    return e == transfer_encoding::base64 ? codec::base64::decoded_size_max(n) : n;
}

namespace detail {
// Tolerant base64 for bodies the codec refused (notes §3.1, §8.4): bytes outside the alphabet
// are skipped and recorded, decoding goes on after '=' padding inside the text, a lone trailing
// sextet or non-zero trailing bits are dropped and recorded.
inline void forgiving_base64(std::string_view in, writer& out, defect_log* log, std::size_t base) noexcept {
    const auto& t = codec::base64::detail::standard_table;
    unsigned q[4] = {};
    unsigned have = 0;
    bool bad_logged = false, pad_logged = false;
    for (std::size_t i = 0; i < in.size(); ++i) {
        const auto c = static_cast<unsigned char>(in[i]);
        const unsigned char v = t.value[c];
        if (v == codec::base64::detail::no_value) {
            if (c == '=') {
                std::size_t j = i;
                while (j < in.size() && (in[j] == '=' || codec::base64::detail::is_space(static_cast<unsigned char>(in[j])))) ++j;
                if (have >= 2) {  // a padded quantum: emit it
                    out.put(static_cast<byte>((q[0] << 2) | (q[1] >> 4)));
                    if (have == 3) out.put(static_cast<byte>(((q[1] & 0x0F) << 4) | (q[2] >> 2)));
                    have = 0;
                }
                if (j < in.size() && !pad_logged && log) {
                    log->add(defect_kind::base64_padding_inside, base + i);
                    pad_logged = true;
                }
                i = j - 1;
            } else if (!codec::base64::detail::is_space(c) && !bad_logged) {
                if (log) log->add(defect_kind::bad_base64, base + i);
                bad_logged = true;
            }
            continue;
        }
        q[have++] = v;
        if (have == 4) {
            out.put(static_cast<byte>((q[0] << 2) | (q[1] >> 4)));
            out.put(static_cast<byte>(((q[1] & 0x0F) << 4) | (q[2] >> 2)));
            out.put(static_cast<byte>(((q[2] & 0x03) << 6) | q[3]));
            have = 0;
        }
    }
    if (have == 1 && log) log->add(defect_kind::base64_trailing_bits, base + in.size());
    if (have >= 2) {
        out.put(static_cast<byte>((q[0] << 2) | (q[1] >> 4)));
        if (have == 3) out.put(static_cast<byte>(((q[1] & 0x0F) << 4) | (q[2] >> 2)));
    }
}
}  // namespace detail

// Decodes a raw body. base64 uses the codec's MIME mode (lines of any length, blanks and line
// ends skipped, padding optional); in strict mode its errors (bad_character, bad_padding for '='
// inside the text, truncated for a lone trailing character) come back with the offset in `raw`
// plus `base`; tolerant mode decodes what it can (detail::forgiving_base64) and records defects.
// quoted-printable: see quoted_printable::decode. 7bit, 8bit, binary and unknown encodings are
// copied. Success: offset = bytes written.
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
    result r = codec::base64::decode(raw, attempt, {codec::base64::alphabet::standard, codec::base64::mode::mime});
    if (!r && r.ec != errc::buffer_too_small) {
        if (m == mode::strict) return fail(r.ec, base + r.offset);
        attempt = has_room ? writer(mutable_bytes(out.buffer() + out.size(), out.capacity() - out.size())) : writer();
        detail::forgiving_base64(raw, attempt, log, base);
    }
    out.claim(attempt.size());
    if (out.overflowed()) return out.finish();
    return result{errc{}, attempt.size()};
}

}  // namespace smsgw::mime
