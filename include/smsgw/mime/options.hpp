#pragma once

// How the MIME decoders treat malformed input: strict mode stops at the first error, tolerant
// mode records a defect with its offset and goes on, as GMime's warnings and Python's
// `email.errors` defects do. Limits bound the work hostile input can cause.
#include <array>
#include <cstddef>

#include "smsgw/core/error.hpp"
#include "smsgw/core/mode.hpp"

namespace smsgw::mime {

/// Strict: the first error returned with its offset; CRLF line ends only. Tolerant: defects
/// recorded, LF-only line ends accepted, what can be read is read.
using mode = smsgw::mode;

/// Nesting is walked recursively, so max_depth is also capped at max_depth_cap.
inline constexpr std::size_t max_depth_cap = 64;

/// Limits on what a message may hold.
struct limits {
    std::size_t max_depth = 32;               ///< multipart / message nesting (rspamd uses 32)
    std::size_t max_headers = 256;            ///< fields in one header block
    std::size_t max_parameter_sections = 64;  ///< RFC 2231 `name*N` sections of one parameter
};

/// How a message is decoded.
struct options {
    /// Strict or tolerant.
    mode m = mode::strict;
    /// The limits.
    limits lim{};
};

/// Strict, and tolerant, with the default limits.
///@{
inline constexpr options strict_options{mode::strict, limits{}};
inline constexpr options tolerant_options{mode::tolerant, limits{}};
///@}

/// What tolerant decoding accepted that strict decoding refuses.
enum class defect_kind : unsigned char {
    missing_header_separator,  ///< header block ended by a line that is not a field (RFC 7103 §7.2)
    continuation_first,        ///< the first header line starts with whitespace: skipped
    too_many_headers,          ///< more fields than limits::max_headers
    duplicate_content_type,    ///< a second Content-Type: the first is used (a multipart one in tolerant mode)
    missing_boundary,          ///< multipart without a boundary parameter: read as a single part
    missing_start_delimiter,   ///< no delimiter line: the whole body is preamble
    missing_close_delimiter,   ///< body ended without `--boundary--` (also a truncated packet)
    nesting_too_deep,          ///< beyond limits::max_depth: the part is left unparsed
    too_many_parts,            ///< more parts than the storage given to message holds
    bad_content_type,          ///< a Content-Type without type/subtype: read as text/plain (RFC 2045 §5.2)
    unterminated_quote,        ///< quoted string without closing quote: value runs to the end
    bad_parameter,             ///< a parameter that does not parse: skipped
    bad_base64,                ///< a byte outside the base64 alphabet: skipped
    base64_trailing_bits,      ///< a lone trailing sextet or non-zero padding bits: dropped
    base64_padding_inside,     ///< '=' padding before the end: decoding goes on after it
    bad_qp_escape,             ///< `=` not followed by two hex digits or a line end: kept literally
    bad_encoded_word,          ///< an encoded-word whose text does not decode: kept literally
    unencoded_8bit_header,     ///< raw 8-bit bytes in a header value (RFC 6532 when valid UTF-8)
};

/// The text of a defect kind.
constexpr const char* describe(defect_kind k) noexcept {
    switch (k) {
    case defect_kind::missing_header_separator: return "missing_header_separator";
    case defect_kind::continuation_first: return "continuation_first";
    case defect_kind::too_many_headers: return "too_many_headers";
    case defect_kind::duplicate_content_type: return "duplicate_content_type";
    case defect_kind::missing_boundary: return "missing_boundary";
    case defect_kind::missing_start_delimiter: return "missing_start_delimiter";
    case defect_kind::missing_close_delimiter: return "missing_close_delimiter";
    case defect_kind::nesting_too_deep: return "nesting_too_deep";
    case defect_kind::too_many_parts: return "too_many_parts";
    case defect_kind::bad_content_type: return "bad_content_type";
    case defect_kind::unterminated_quote: return "unterminated_quote";
    case defect_kind::bad_parameter: return "bad_parameter";
    case defect_kind::bad_base64: return "bad_base64";
    case defect_kind::base64_trailing_bits: return "base64_trailing_bits";
    case defect_kind::base64_padding_inside: return "base64_padding_inside";
    case defect_kind::bad_qp_escape: return "bad_qp_escape";
    case defect_kind::bad_encoded_word: return "bad_encoded_word";
    case defect_kind::unencoded_8bit_header: return "unencoded_8bit_header";
    }
    return "unknown";
}

/// The error strict mode returns for what tolerant mode records as this defect.
constexpr errc to_errc(defect_kind k) noexcept {
    switch (k) {
    case defect_kind::missing_header_separator: return errc::bad_header;
    case defect_kind::continuation_first: return errc::bad_header;
    case defect_kind::too_many_headers: return errc::too_many;
    case defect_kind::duplicate_content_type: return errc::duplicate_field;
    case defect_kind::missing_boundary: return errc::missing_boundary;
    case defect_kind::missing_start_delimiter: return errc::missing_start_delimiter;
    case defect_kind::missing_close_delimiter: return errc::missing_close_delimiter;
    case defect_kind::nesting_too_deep: return errc::too_deep;
    case defect_kind::too_many_parts: return errc::too_many;
    case defect_kind::bad_content_type: return errc::bad_character;
    case defect_kind::unterminated_quote: return errc::unterminated_quote;
    case defect_kind::bad_parameter: return errc::bad_character;
    case defect_kind::bad_base64: return errc::bad_character;
    case defect_kind::base64_trailing_bits: return errc::bad_padding;
    case defect_kind::base64_padding_inside: return errc::bad_padding;
    case defect_kind::bad_qp_escape: return errc::bad_escape;
    case defect_kind::bad_encoded_word: return errc::bad_encoded_word;
    case defect_kind::unencoded_8bit_header: return errc::bad_character;
    }
    return errc::bad_header;
}

/// One departure from the RFCs that tolerant decoding accepted.
struct defect {
    /// What it was.
    defect_kind kind;
    std::size_t offset;  ///< in the input given to the decoder
};

/// The first `capacity` defects with their offsets, and how many there were in all.
class defect_log {
public:
    /// How many defects are kept.
    static constexpr std::size_t capacity = 16;

    /// Records a defect.
    constexpr void add(defect_kind k, std::size_t offset) noexcept {
        if (count_ < capacity) items_[count_] = defect{k, offset};
        ++count_;
    }
    /// Forgets them all.
    constexpr void clear() noexcept { count_ = 0; }
    /// Defects recorded (at most capacity); total() counts the ones that did not fit too.
    constexpr std::size_t size() const noexcept { return count_ < capacity ? count_ : capacity; }
    /// All defects, kept or not.
    constexpr std::size_t total() const noexcept { return count_; }
    /// Whether there is none.
    constexpr bool empty() const noexcept { return count_ == 0; }
    /// The first item.
    constexpr const defect* begin() const noexcept { return items_.data(); }
    /// Past the last item.
    constexpr const defect* end() const noexcept { return items_.data() + size(); }
    /// Defect i.
    constexpr const defect& operator[](std::size_t i) const noexcept { return items_[i]; }
    /// Whether a defect of kind k was recorded.
    constexpr bool has(defect_kind k) const noexcept {
        for (const defect& d : *this)
            if (d.kind == k) return true;
        return false;
    }

private:
    std::array<defect, capacity> items_{};
    std::size_t count_ = 0;
};

namespace detail {
// Strict mode: the defect becomes the error. Tolerant mode: it is logged (when there is a log)
// and decoding goes on.
constexpr result report(mode m, defect_log* log, defect_kind k, std::size_t offset) noexcept {
    if (m == mode::strict) return fail(to_errc(k), offset);
    if (log) log->add(k, offset);
    return {};
}
}  // namespace detail

}  // namespace smsgw::mime
