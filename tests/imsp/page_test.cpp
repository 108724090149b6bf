#include "smsgw/imsp/page.hpp"

#include <string>
#include <string_view>

#include "imsp_test.hpp"

using smsgw::errc;
using smsgw::imsp::page;
using smsgw::imsp::return_code;

namespace {
page decoded(std::string_view in) {
    page p;
    const smsgw::result r = smsgw::imsp::decode(in, p);
    INFO(in);
    REQUIRE(r);
    CHECK(r.offset == in.size());
    return p;
}

smsgw::result decode_error(std::string_view in) {
    page p{return_code{7}, "untouched"};
    const smsgw::result r = smsgw::imsp::decode(in, p);
    CHECK_FALSE(r);
    CHECK(p.description == "untouched");
    return r;
}
}  // namespace

TEST_CASE("page: every example page of the spec") {
    // §3.1 examples one and two
    page p = decoded("<html> <header></header> <body>0 <br> Login succeed from xx.xx.xx.xx <br> </body> </html>");
    CHECK(p.code == return_code::success);
    CHECK(p.description == "Login succeed from xx.xx.xx.xx");
    p = decoded("<html> <header></header> <body>-21 <br> Login failed <br> </body> </html>");
    CHECK(p.code == return_code::login_failed);
    CHECK(p.description == "Login failed");
    // §3.3, §3.4, §3.5 examples
    p = decoded("<html> <header></header> <body>1 <br> No MO message found <br> </body> </html>");
    CHECK(static_cast<int>(p.code) == 1);
    CHECK(p.description == "No MO message found");
    // §3.4 註2, with the line break the spec shows inside the description
    p = decoded("<html><header></header><body>2<br>0934444444,7,Message rejected;0937044059,2, \r\n"
                "Submitted to MMSC <br> </body></html>");
    CHECK(static_cast<int>(p.code) == 2);
    CHECK(p.description == "0934444444,7,Message rejected;0937044059,2, \r\nSubmitted to MMSC");
    // §3.6: success page, examples 1 and 2
    p = decoded("<html><header></header> <body> 0 <br> Successful <br> </body> </html>");
    CHECK(p.code == return_code::success);
    CHECK(p.description == "Successful");
    p = decoded("<html> <header></header> <body>0 <br> Successful <br> </body> </html>");
    CHECK(p.description == "Successful");
    p = decoded("<html> <header></header> <body>-34 <br> Failed to change password <br></body> </html>");
    CHECK(p.code == return_code::change_password_failed);
    CHECK(p.description == "Failed to change password");
    // §3 template, with the line break before </html> as the spec prints it
    p = decoded("<html> <header></header> <body> -19 <br> System error (disk) <br> </body> \r\n</html>");
    CHECK(p.code == return_code::unknown_error);
    CHECK(p.description == "System error (disk)");
}

TEST_CASE("page: whitespace, line breaks and letter case around the tags are free") {
    page p = decoded("\r\n  <HTML>\n<Header>\t</HEADER>\r\n<BODY>\n-31\n<BR>\nMessage not found\n<Br/>\n</Body>\n</Html>\r\n");
    CHECK(p.code == return_code::message_not_found);
    CHECK(p.description == "Message not found");
    p = decoded("<html><header></header><body>0<br>12345<br></body></html>");
    CHECK(p.description == "12345");
    p = decoded("< html ><header></header><body>0< br >< BR />< / body ></html>");
    CHECK(p.code == return_code::success);
    CHECK(p.description.empty());
    // a <br> inside the description stays there: the description ends at the last one
    p = decoded("<html><header></header><body>1<br>123<br>0912345678:denied<br></body></html>");
    CHECK(p.description == "123<br>0912345678:denied");
}

TEST_CASE("page: unknown codes are kept as numbers") {
    page p = decoded("<html><header></header><body>-99 <br> Something new <br></body></html>");
    CHECK(static_cast<int>(p.code) == -99);
    p = decoded("<html><header></header><body>2147483647<br>x<br></body></html>");
    CHECK(static_cast<int>(p.code) == 2147483647);
    p = decoded("<html><header></header><body>-2147483648<br>x<br></body></html>");
    CHECK(static_cast<int>(p.code) == -2147483647 - 1);
}

TEST_CASE("page: what is not the documented shape is refused where it goes wrong") {
    using R = smsgw::result;
    CHECK(decode_error("") == R{errc::bad_response, 0, "<html>"});
    CHECK(decode_error("0 <br> ok <br>") == R{errc::bad_response, 0, "<html>"});
    CHECK(decode_error("<html><body>0<br>x<br></body></html>") == R{errc::bad_response, 6, "<header>"});
    CHECK(decode_error("<html><header><body>0<br>x<br></body></html>") == R{errc::bad_response, 14, "</header>"});
    CHECK(decode_error("<html><header></header>0<br>x<br></body></html>") == R{errc::bad_response, 23, "<body>"});
    CHECK(decode_error("<html><header></header><body>0<br>x<br></body>") == R{errc::bad_response, 39, "</html>"});
    CHECK(decode_error("<html><header></header><body>0<br>x<br></body></html>junk") == R{errc::bad_response, 57, "</html>"});
    CHECK(decode_error("<html><header></header><body>0<br>x<br></html>") == R{errc::bad_response, 35, "</body>"});
    CHECK(decode_error("<html><header></header><body>0<br>x</body></html>") == R{errc::bad_response, 35, "<br>"});
    // one <br> only: no description
    CHECK(decode_error("<html><header></header><body>0<br></body></html>") == R{errc::bad_response, 30, "<br>"});
    CHECK(decode_error("<html><header></header><body>0 x<br>y<br></body></html>") == R{errc::bad_response, 31, "<br>"});
    // the code
    CHECK(decode_error("<html><header></header><body><br>x<br></body></html>") == R{errc::bad_response, 29, "return_code"});
    CHECK(decode_error("<html><header></header><body>-<br>x<br></body></html>") == R{errc::bad_response, 29, "return_code"});
    CHECK(decode_error("<html><header></header><body>1a<br>x<br></body></html>") == R{errc::bad_character, 30, "return_code"});
    CHECK(decode_error("<html><header></header><body>-1-<br>x<br></body></html>") == R{errc::bad_character, 31, "return_code"});
    CHECK(decode_error("<html><header></header><body>2147483648<br>x<br></body></html>") == R{errc::out_of_range, 29, "return_code"});
    CHECK(decode_error("<html><header></header><body>12345678901<br>x<br></body></html>") == R{errc::out_of_range, 29, "return_code"});
    CHECK(decode_error("<html><header></header><body>-2147483649<br>x<br></body></html>") == R{errc::out_of_range, 29, "return_code"});
    const smsgw::result r = decode_error("<html><header></header><body>x<br>y<br></body></html>");
    CHECK(r.field == std::string_view("return_code"));
    CHECK(decode_error("<html><header></header><body>0<br>x<br></body></html").ec == errc::bad_response);
    CHECK(decode_error("<html><header></header><body>0<br>x<br></body>html>").ec == errc::bad_response);
    CHECK(decode_error("<html").ec == errc::bad_response);
}

TEST_CASE("page: encoded the way the gateway writes it") {
    char buf[128];
    smsgw::writer w(buf, sizeof buf);
    const smsgw::result r = smsgw::imsp::encode(page{return_code::login_failed, "Login failed"}, w);
    REQUIRE(r);
    CHECK(std::string_view(buf, r.offset) == "<html> <header></header> <body>-21 <br> Login failed <br> </body> </html>");
    std::string s;
    REQUIRE(smsgw::encode_append(page{return_code{-2147483647 - 1}, "min"}, s));
    CHECK(s == "<html> <header></header> <body>-2147483648 <br> min <br> </body> </html>");
    page back;
    REQUIRE(smsgw::imsp::decode(s, back));
    CHECK(static_cast<int>(back.code) == -2147483647 - 1);
    CHECK(smsgw::encoded_size(page{return_code::success, "x"}) == 60);
    // too small a buffer: the size it needs
    smsgw::writer small(buf, 10);
    CHECK(smsgw::imsp::encode(page{return_code::success, "x"}, small) == smsgw::result{errc::buffer_too_small, 60});
    // whitespace at either end of a description would not come back
    smsgw::writer w2(buf, sizeof buf);
    CHECK(smsgw::imsp::encode(page{return_code::success, " x"}, w2) == smsgw::result{errc::bad_character, 0, "description"});
    CHECK(smsgw::imsp::encode(page{return_code::success, "x\n"}, w2).field == std::string_view("description"));
}

TEST_CASE("page: decoding and encoding never allocate") {
    const std::string_view in = "<html> <header></header> <body>0 <br> Login succeed from 1.2.3.4 <br> </body> </html>";
    char buf[128];
    smsgw::test::alloc_counter guard;
    page p;
    REQUIRE(smsgw::imsp::decode(in, p));
    smsgw::writer w(buf, sizeof buf);
    REQUIRE(smsgw::imsp::encode(p, w));
    CHECK(guard.count() == 0);
    CHECK(std::string_view(buf, w.size()) == in);
}
