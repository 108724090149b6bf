#include "smsgw/codec/ascii.hpp"

#include <cctype>
#include <string>

#include "test.hpp"

namespace ascii = smsgw::codec::ascii;

TEST_CASE("ascii: classes agree with the C library's \"C\" locale on every byte") {
    for (int b = 0; b < 256; ++b) {
        const auto c = static_cast<char>(b);
        CAPTURE(b);
        const bool in_ascii = b < 0x80;
        CHECK(ascii::is_digit(c) == (in_ascii && std::isdigit(b) != 0));
        CHECK(ascii::is_alpha(c) == (in_ascii && std::isalpha(b) != 0));
        CHECK(ascii::is_printable(c) == (in_ascii && std::isprint(b) != 0));
        CHECK(ascii::is_blank(c) == (b == ' ' || b == '\t'));
        // isspace() also takes VT; HTML's ASCII whitespace does not.
        CHECK(ascii::is_space(c) == (in_ascii && std::isspace(b) != 0 && b != '\v'));
        CHECK(ascii::is_hex(c) == (in_ascii && std::isxdigit(b) != 0));
        CHECK(ascii::to_lower(c) == (in_ascii ? static_cast<char>(std::tolower(b)) : c));
        CHECK(ascii::to_upper(c) == (in_ascii ? static_cast<char>(std::toupper(b)) : c));
    }
}

TEST_CASE("ascii: the hex digit table") {
    const std::string lower = "0123456789abcdef";
    const std::string upper = "0123456789ABCDEF";
    for (unsigned v = 0; v < 16; ++v) {
        CHECK(ascii::hex_value(lower[v]) == v);
        CHECK(ascii::hex_value(upper[v]) == v);
        CHECK(ascii::hex_digits.value[static_cast<unsigned char>(lower[v])] == v);
    }
    int digits = 0;
    for (int b = 0; b < 256; ++b) {
        const unsigned v = ascii::hex_value(static_cast<char>(b));
        if (v == ascii::no_hex) continue;
        ++digits;
        CHECK(v < 16);
    }
    CHECK(digits == 22);
    for (char c : {'g', 'G', '/', ':', '@', '`', ' ', '\0', '\x80', '\xff'}) {
        CHECK(ascii::hex_value(c) == ascii::no_hex);
        CHECK(!ascii::is_hex(c));
    }
    static_assert(ascii::hex_value('F') == 15 && ascii::hex_value('z') == ascii::no_hex, "constexpr");
}

TEST_CASE("ascii: case-insensitive comparisons") {
    CHECK(ascii::iequals("Content-Type", "content-TYPE"));
    CHECK(ascii::iequals("", ""));
    CHECK(!ascii::iequals("abc", "abcd"));
    CHECK(!ascii::iequals("abc", "abd"));
    CHECK(!ascii::iequals("[", "{"));  // 0x5B and 0x7B differ by the case bit but are no letters
    CHECK(!ascii::iequals("@", "`"));
    CHECK(ascii::iequals("\xc3\xa9", "\xc3\xa9"));
    CHECK(!ascii::iequals("\xc3\xa9", "\xc3\x89"));  // é and É: bytes above 0x7F compare exactly
    CHECK(ascii::istarts_with("Error: 17", "error:"));
    CHECK(ascii::istarts_with("abc", ""));
    CHECK(!ascii::istarts_with("err", "error"));
    CHECK(!ascii::istarts_with("success:1", "error"));
    CHECK(ascii::starts_with("success:1", "success:"));
    CHECK(!ascii::starts_with("Success:1", "success:"));
    CHECK(!ascii::starts_with("su", "success:"));
    CHECK(ascii::starts_with("", ""));
    static_assert(ascii::iequals("BASE64", "base64"), "constexpr");
}

TEST_CASE("ascii: trim") {
    CHECK(ascii::trim("  a b \t\r\n\f") == "a b");
    CHECK(ascii::trim("\v x \v") == "\v x \v");  // VT is no ASCII whitespace
    CHECK(ascii::trim("   ").empty());
    CHECK(ascii::trim("").empty());
    CHECK(ascii::trim("x") == "x");
    const std::string_view s = "  keep  ";
    CHECK(ascii::trim(s).data() == s.data() + 2);  // a view into the input
    CHECK(ascii::trim("--a-b--", [](char c) { return c == '-'; }) == "a-b");
    CHECK(ascii::trim(" \tx\r\n", ascii::is_blank) == "x\r\n");
    static_assert(ascii::trim(" ok ") == "ok", "constexpr");
}

TEST_CASE("ascii: nothing allocates") {
    smsgw::test::alloc_counter guard;
    const bool ok = ascii::iequals("Content-Type", "content-type") && ascii::trim(" a ") == "a" &&
                    ascii::hex_value('a') == 10 && ascii::istarts_with("ABC", "ab");
    CHECK(guard.count() == 0);
    CHECK(ok);
}
