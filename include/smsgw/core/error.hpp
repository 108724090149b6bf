#pragma once

#include <cstddef>
#include <string>
#include <system_error>

namespace smsgw {

/// Every error any smsgw codec reports. Zero is success, as for std::error_code.
/// Values are grouped by where they arise; a module appends to its own group.
enum class errc : int {
    // output
    buffer_too_small = 1,  // the caller's buffer is smaller than the encoding; result.offset is the size needed

    // input shape
    truncated,         // input ended inside a value
    trailing_bytes,    // bytes left after a complete value where none may be
    invalid_length,    // a length field disagrees with the bytes present
    field_too_long,    // a value does not fit its fixed-width or bounded field (never cut silently)
    out_of_range,      // a number or enum outside the range the spec allows
    count_mismatch,    // a declared count differs from the items present
    too_many,          // more items than the spec or a configured limit allows
    empty_field,       // a field the spec requires non-empty is empty
    missing_field,     // a required field or key is absent
    duplicate_field,   // a field or key that may occur once occurs twice
    unknown_field,     // a field or key the spec does not define (strict mode)
    too_deep,          // nesting deeper than the configured limit

    // text and encodings
    bad_character,     // a byte outside the allowed alphabet (digits, base64, hex, token...)
    bad_padding,       // base64 '=' padding missing, misplaced or with non-zero bits
    odd_length,        // hex text of odd length
    bad_escape,        // malformed escape: %zz, %7, \q, =G0, bad \u
    invalid_utf8,      // overlong, surrogate, truncated or out-of-range UTF-8
    invalid_utf16,     // lone or reversed surrogate in UTF-16/UCS-2

    // JSON
    expected_value,    // a JSON value was expected here
    expected_colon,    // ':' expected after an object key
    expected_comma,    // ',' or the closing bracket expected
    expected_key,      // a string key expected
    bad_number,        // a number that is not RFC 8259 grammar
    number_overflow,   // a number outside the requested integer type
    wrong_type,        // the value is of another kind than the one asked for
    unbalanced,        // a JSON writer close without its matching open

    // MIME
    bad_header,            // a header line without a colon, or an empty field name
    unterminated_quote,    // a quoted string without its closing quote
    bad_encoded_word,      // an RFC 2047 encoded-word that does not parse
    missing_boundary,      // multipart without a boundary parameter
    missing_start_delimiter,
    missing_close_delimiter,
    bare_line_feed,        // a line ended by LF alone where CRLF is required (strict mode)
    boundary_collision,    // a multipart boundary that occurs inside one of the parts (encoder)

    // binary protocols (CMPP)
    unknown_command,   // a Command_Id the chosen version does not define
    bad_total_length,  // Total_Length below the header size or above the configured maximum
    bad_udh,           // a User Data Header whose lengths disagree with the message
    duplicate_segment, // a long-message segment received twice
    storage_full,      // the caller-provided reassembly storage is full
    auth_mismatch,     // an authenticator that does not verify
    missing_segment,   // a long message asked for while segments are missing; offset is the first missing Pk number

    // vendor HTTP APIs
    bad_response,      // a response page or reply string that does not have the documented shape

    // charsets
    bad_sequence,         // bytes that form no sequence of the charset: a bad lead or trail byte
    unmappable,           // no mapping: well-formed bytes the charset's index maps to nothing, or a code point the target charset lacks
    unknown_charset,      // a label that names no encoding of the WHATWG Encoding Standard
    unsupported_charset,  // a label of an encoding the Standard defines but smsgw does not convert (Shift_JIS, EUC-KR...)

    // XML
    bad_name,             // a tag, attribute or PI target that is not an XML Name (XML 1.0 §2.3)
    mismatched_tag,       // an end tag whose name is not the open element's
    bad_reference,        // '&' that starts no reference to a predefined entity or an allowed character
    bad_attribute,        // an attribute without whitespace before it, '=' or a quoted value
    bad_comment,          // '--' inside a comment, or a comment ending in '-'
    outside_root,         // text, CDATA, a second element or an end tag outside the root element
    missing_root,         // a document without a root element
    bad_declaration,      // a malformed or misplaced XML declaration or DOCTYPE, or a PI target 'xml'
    doctype_refused,      // a DOCTYPE with an internal subset (entity declarations): never expanded
    too_many_attributes,  // more attributes on one element than the configured limit
    name_too_long,        // a name longer than the configured limit
    // ciphers (DES)
    bad_key_length,      // a DES key that is not 8 bytes
    bad_iv_length,       // a CBC initialisation vector that is not 8 bytes
    bad_block_length,    // cipher text that is empty or not a whole number of 8-byte blocks
    bad_cipher_padding,  // PKCS#5 padding that does not check out after decryption (wrong key or damaged text)
};

/// The std::error_category of errc.
class error_category_impl final : public std::error_category {
public:
    /// "smsgw".
    const char* name() const noexcept override { return "smsgw"; }
    /// The text of errc `ev`.
    std::string message(int ev) const override { return describe(static_cast<errc>(ev)); }

    /// The text of `e`.
    static const char* describe(errc e) noexcept {
        switch (e) {
        case errc::buffer_too_small: return "output buffer too small";
        case errc::truncated: return "input truncated";
        case errc::trailing_bytes: return "trailing bytes after the value";
        case errc::invalid_length: return "length field disagrees with the data";
        case errc::field_too_long: return "value too long for its field";
        case errc::out_of_range: return "value out of range";
        case errc::count_mismatch: return "declared count differs from the items present";
        case errc::too_many: return "too many items";
        case errc::empty_field: return "required field is empty";
        case errc::missing_field: return "required field missing";
        case errc::duplicate_field: return "field occurs twice";
        case errc::unknown_field: return "unknown field";
        case errc::too_deep: return "nesting too deep";
        case errc::bad_character: return "character not allowed here";
        case errc::bad_padding: return "bad base64 padding";
        case errc::odd_length: return "odd number of hex digits";
        case errc::bad_escape: return "malformed escape sequence";
        case errc::invalid_utf8: return "invalid UTF-8";
        case errc::invalid_utf16: return "invalid UTF-16";
        case errc::expected_value: return "expected a value";
        case errc::expected_colon: return "expected ':'";
        case errc::expected_comma: return "expected ',' or a closing bracket";
        case errc::expected_key: return "expected a string key";
        case errc::bad_number: return "malformed number";
        case errc::number_overflow: return "number does not fit the requested type";
        case errc::wrong_type: return "value is of another type";
        case errc::unbalanced: return "close without a matching open";
        case errc::bad_header: return "malformed header line";
        case errc::unterminated_quote: return "unterminated quoted string";
        case errc::bad_encoded_word: return "malformed encoded-word";
        case errc::missing_boundary: return "multipart without boundary";
        case errc::missing_start_delimiter: return "multipart without start delimiter";
        case errc::missing_close_delimiter: return "multipart without close delimiter";
        case errc::bare_line_feed: return "line ended by LF without CR";
        case errc::boundary_collision: return "multipart boundary occurs inside a part";
        case errc::unknown_command: return "unknown Command_Id";
        case errc::bad_total_length: return "Total_Length out of bounds";
        case errc::bad_udh: return "malformed User Data Header";
        case errc::duplicate_segment: return "segment received twice";
        case errc::storage_full: return "reassembly storage full";
        case errc::auth_mismatch: return "authenticator does not verify";
        case errc::missing_segment: return "long message has missing segments";
        case errc::bad_response: return "response does not have the documented shape";
        case errc::bad_sequence: return "byte sequence not valid in the charset";
        case errc::unmappable: return "character has no mapping in the other charset";
        case errc::unknown_charset: return "unknown charset label";
        case errc::unsupported_charset: return "charset known to the Encoding Standard but not supported";
        case errc::bad_name: return "not an XML name";
        case errc::mismatched_tag: return "end tag does not match the open element";
        case errc::bad_reference: return "malformed or unknown entity or character reference";
        case errc::bad_attribute: return "malformed attribute";
        case errc::bad_comment: return "'--' inside a comment";
        case errc::outside_root: return "content outside the root element";
        case errc::missing_root: return "document has no root element";
        case errc::bad_declaration: return "malformed or misplaced XML or DOCTYPE declaration";
        case errc::doctype_refused: return "DOCTYPE with an internal subset refused";
        case errc::too_many_attributes: return "too many attributes";
        case errc::name_too_long: return "name too long";
        case errc::bad_key_length: return "cipher key of the wrong length";
        case errc::bad_iv_length: return "initialisation vector of the wrong length";
        case errc::bad_block_length: return "cipher text not a whole number of blocks";
        case errc::bad_cipher_padding: return "bad padding after decryption";
        }
        return static_cast<int>(e) == 0 ? "success" : "unknown smsgw error";
    }
};

/// The one instance of the category.
inline const std::error_category& error_category() noexcept {
    static const error_category_impl instance;
    return instance;
}

/// `e` as a std::error_code of that category.
inline std::error_code make_error_code(errc e) noexcept {
    return {static_cast<int>(e), error_category()};
}

/// What a decode or encode step reports. On success `offset` is the number of bytes
/// consumed (decode) or written (encode); on error it is the byte offset where the input
/// went wrong; with buffer_too_small it is the size the output needs.
struct result {
    /// What went wrong; zero is success.
    errc ec{};
    /// Success: the bytes consumed or written; error: the offset of the byte at fault.
    std::size_t offset = 0;
    const char* field = nullptr;  ///< spec name of the field at fault, where there is one

    /// Whether ec is success.
    constexpr bool ok() const noexcept { return ec == errc{}; }
    /// ok().
    constexpr explicit operator bool() const noexcept { return ok(); }
    /// ec as a std::error_code.
    std::error_code error() const noexcept { return make_error_code(ec); }
    /// The text of ec.
    const char* message() const noexcept { return error_category_impl::describe(ec); }
};

/// Equal when the code, the offset and the field are: the fields both null, or both naming the
/// same spec field (compared by their text, so that two copies of a name in different headers
/// or translation units are equal).
constexpr bool operator==(const result& a, const result& b) noexcept {
    if (a.ec != b.ec || a.offset != b.offset) return false;
    if (a.field == nullptr || b.field == nullptr) return a.field == b.field;
    const char* x = a.field;
    const char* y = b.field;
    while (*x != '\0' && *x == *y) {
        ++x;
        ++y;
    }
    return *x == *y;
}
/// The negation of operator==.
constexpr bool operator!=(const result& a, const result& b) noexcept { return !(a == b); }

/// The result of an error: its code, offset and spec field.
constexpr result fail(errc ec, std::size_t offset, const char* field = nullptr) noexcept {
    return result{ec, offset, field};
}

}  // namespace smsgw

namespace std {
template <>
struct is_error_code_enum<smsgw::errc> : true_type {};
}  // namespace std
