#include "smsgw/core/span.hpp"

#include <array>
#include <string>
#include <vector>

#include "test.hpp"

using smsgw::byte;
using smsgw::bytes;
using smsgw::mutable_bytes;

TEST_CASE("bytes view text and binary alike") {
    std::string_view sv = "abc";
    bytes a = sv;
    CHECK(a.size() == 3);
    CHECK(a[0] == 'a');
    CHECK(smsgw::as_chars(a) == "abc");

    std::string s = "hello";
    bytes b = s;
    CHECK(b.data() == reinterpret_cast<const byte*>(s.data()));

    std::vector<byte> v{1, 2, 3, 4};
    bytes c = v;
    CHECK(c.size() == 4);
    CHECK(c[3] == 4);

    char arr[] = {'x', 'y'};
    bytes d = arr;
    CHECK(d.size() == 2);
    // A string literal is text, not an array of data: it converts through string_view only.
    static_assert(!std::is_convertible_v<const char(&)[4], bytes>);
    bytes lit = std::string_view("abc");
    CHECK(lit.size() == 3);

    std::array<byte, 3> std_arr{{7, 8, 9}};
    bytes e = std_arr;
    CHECK(e[2] == 9);
}

TEST_CASE("mutable_bytes wraps caller buffers of char or unsigned char") {
    char cbuf[5] = {};
    mutable_bytes a = cbuf;
    a[0] = 'Z';
    CHECK(cbuf[0] == 'Z');

    std::vector<char> v(3);
    mutable_bytes b = v;
    CHECK(b.size() == 3);

    byte ubuf[4] = {};
    mutable_bytes c(ubuf, 2);
    CHECK(c.size() == 2);

    bytes ro = c;  // mutable converts to read-only, never the other way
    CHECK(ro.data() == ubuf);
    static_assert(!std::is_convertible_v<bytes, mutable_bytes>);
    static_assert(!std::is_convertible_v<const std::string&, mutable_bytes>);
}

TEST_CASE("first and subspan clamp to the view") {
    std::string_view sv = "0123456789";
    bytes b = sv;
    CHECK(smsgw::as_chars(b.first(3)) == "012");
    CHECK(smsgw::as_chars(b.first(30)) == sv);
    CHECK(smsgw::as_chars(b.subspan(7)) == "789");
    CHECK(smsgw::as_chars(b.subspan(2, 3)) == "234");
    CHECK(b.subspan(11).empty());
    CHECK(bytes().empty());
}

TEST_CASE("a temporary container is refused; lvalues and views are taken") {
    static_assert(!std::is_constructible_v<bytes, std::vector<unsigned char>&&>, "its views would dangle");
    static_assert(!std::is_constructible_v<bytes, std::array<char, 4>&&>, "its views would dangle");
    static_assert(!std::is_convertible_v<std::vector<char>, bytes>, "not even implicitly");
    static_assert(std::is_constructible_v<bytes, std::vector<unsigned char>&>, "a named container");
    static_assert(std::is_constructible_v<bytes, const std::string&>, "a named string");
    static_assert(std::is_constructible_v<bytes, std::string_view>, "a view owns nothing");
    static_assert(std::is_constructible_v<bytes, bytes&&>, "a span is a view");
    std::vector<unsigned char> v{1, 2, 3};
    CHECK(bytes(v).size() == 3);
}
