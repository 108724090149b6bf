#include "smsgw/imsp/send_mms.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "imsp_test.hpp"

using smsgw::byte;
using smsgw::errc;
using smsgw::result;
using smsgw::imsp::address_type;
using smsgw::imsp::content;
using smsgw::imsp::failure;
using smsgw::imsp::mode;
using smsgw::imsp::multipart;
using smsgw::imsp::return_code;
using smsgw::imsp::send_mms_request;
using smsgw::imsp::send_mms_response;

namespace {

// A small JPEG: SOI, APP0 "JFIF", bytes of every value, EOI.
std::vector<byte> jpeg() {
    std::vector<byte> j = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00};
    for (int i = 0; i < 256; ++i) j.push_back(static_cast<byte>(i));
    j.push_back(0xFF);
    j.push_back(0xD9);
    return j;
}

const std::string_view smil =
    "<smil><head></head><body><par><text src=\"T0\"/><img src=\"T1\"/><text src=\"T2\"/></par></body></smil>";

// The message of the spec's JSP samples (§5.2 mixed, §5.3 with SMIL).
struct sample {
    std::vector<byte> picture = jpeg();
    std::array<content, 4> parts{{{"T0", "text/plain", std::string_view("此為要傳送的文字內容")},
                                  {"T1", "image/jpeg", picture},
                                  {"T2", "text/plain", std::string_view("上圖為包括一張圖。")},
                                  {"T3", "application/smil", smil}}};
    send_mms_request mixed() const {
        send_mms_request r;
        r.account = "1xxxx";
        r.password = "xxxxxxxx";
        r.from_addr = "0912345678";
        r.to_addr = "0987654321";
        r.subject = "含兩段文字、及一張圖-SMIL";
        r.contents = smsgw::span<const content>(parts.data(), 3);
        return r;
    }
    send_mms_request related() const {
        send_mms_request r = mixed();
        r.message_type = multipart::related;
        r.presentation_id = "T3";
        r.contents = parts;
        return r;
    }
};

struct decoded {
    std::vector<byte> scratch;
    std::array<content, 8> storage{};
    send_mms_request req;
    result r;
    decoded(std::string_view body, mode m = mode::strict) : scratch(body.size()) {
        r = smsgw::imsp::decode(body, req, scratch, storage, m);
    }
};

std::string encoded(const send_mms_request& r) {
    std::string s;
    const result res = smsgw::encode_append(r, s);
    INFO(Catch::StringMaker<result>::convert(res));
    REQUIRE(res);
    return s;
}

std::string hex_percent(const std::vector<byte>& b) {
    static const char digits[] = "0123456789ABCDEF";
    std::string s;
    for (byte c : b) {
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '*' || c == '-' ||
            c == '.' || c == '_') {
            s += static_cast<char>(c);
        } else if (c == ' ') {
            s += '+';
        } else {
            s += '%';
            s += digits[c >> 4];
            s += digits[c & 15];
        }
    }
    return s;
}

}  // namespace

TEST_CASE("send_mms: the body of the spec's JSP sample, byte for byte (§5.2)") {
    // The spec pasted a get_mime URL under send_mms's examples; what send_mms really sends is this POST body.
    const sample s;
    const std::string body = encoded(s.mixed());
    const std::string expect =
        "account=1xxxx&password=xxxxxxxx&cp_id=000&expire_offset=0&from_addr=0912345678&from_addr_type=0"
        "&message_type=0&to_addr=0987654321&to_addr_type=0"
        "&subject=%E5%90%AB%E5%85%A9%E6%AE%B5%E6%96%87%E5%AD%97%E3%80%81%E5%8F%8A%E4%B8%80%E5%BC%B5%E5%9C%96-SMIL"
        "&no_contents=3"
        "&content0id=T0&content0type=text%2Fplain"
        "&content0=%E6%AD%A4%E7%82%BA%E8%A6%81%E5%82%B3%E9%80%81%E7%9A%84%E6%96%87%E5%AD%97%E5%85%A7%E5%AE%B9"
        "&content1id=T1&content1type=image%2Fjpeg&content1=" +
        hex_percent(s.picture) +
        "&content2id=T2&content2type=text%2Fplain"
        "&content2=%E4%B8%8A%E5%9C%96%E7%82%BA%E5%8C%85%E6%8B%AC%E4%B8%80%E5%BC%B5%E5%9C%96%E3%80%82";
    CHECK(body == expect);
    CHECK(smsgw::encoded_size(s.mixed()) == expect.size());
}

TEST_CASE("send_mms: a text, a JPEG and a SMIL part encoded and decoded back (§5.3)") {
    const sample s;
    send_mms_request r = s.related();
    r.to_addr = "0987654321,886912345678,+886933444555";
    r.cp_id = "123";
    r.expire_offset = 1440;
    r.from_addr_type = address_type::emome;
    const std::string body = encoded(r);
    CHECK(body.find("&message_type=1&") != std::string::npos);
    CHECK(body.find("&presentation_id=T3&no_contents=4&") != std::string::npos);
    CHECK(body.find("&to_addr=0987654321%2C886912345678%2C%2B886933444555&") != std::string::npos);
    decoded d(body);
    REQUIRE(d.r == result{errc{}, body.size()});
    const send_mms_request& b = d.req;
    CHECK(b.account == r.account);
    CHECK(b.password == r.password);
    CHECK(b.from_addr == r.from_addr);
    CHECK(b.from_addr_type == address_type::emome);
    CHECK(b.to_addr == r.to_addr);
    CHECK(b.to_addr_type == address_type::msisdn);
    CHECK(b.cp_id == "123");
    CHECK(b.subject == r.subject);
    CHECK(b.expire_offset == 1440);
    CHECK(b.message_type == multipart::related);
    CHECK(b.presentation_id == "T3");
    REQUIRE(b.contents.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) {
        INFO(i);
        CHECK(b.contents[i].id == s.parts[i].id);
        CHECK(b.contents[i].type == s.parts[i].type);
        CHECK(std::string_view(reinterpret_cast<const char*>(b.contents[i].data.data()), b.contents[i].data.size()) ==
              std::string_view(reinterpret_cast<const char*>(s.parts[i].data.data()), s.parts[i].data.size()));
    }
    // and again from what was decoded: the same bytes
    CHECK(encoded(b) == body);
}

TEST_CASE("send_mms: decoding fills the spec's defaults and takes any order (§3.2)") {
    const std::string_view body =
        "content0=hi&no_contents=1&content0type=text%2Fplain&subject=%E9%96%83&to_addr=0912345678"
        "&from_addr=0900000000&content0id=a&password=p&account=acc";
    decoded d(body);
    REQUIRE(d.r);
    CHECK(d.req.cp_id == "000");
    CHECK(d.req.expire_offset == 0);
    CHECK(d.req.message_type == multipart::mixed);
    CHECK(d.req.from_addr_type == address_type::msisdn);
    CHECK(d.req.to_addr_type == address_type::msisdn);
    CHECK(d.req.presentation_id.empty());
    CHECK(d.req.subject == "閃");
    REQUIRE(d.req.contents.size() == 1);
    CHECK(d.req.contents[0].id == "a");
    // presentation_id sent empty, as the JSP sample does, is accepted
    decoded e(std::string(body) + "&presentation_id=");
    REQUIRE(e.r);
    CHECK(e.req.presentation_id.empty());
    // an empty content is a content
    decoded f("account=a&password=p&from_addr=0900000000&to_addr=0912345678&subject=s&no_contents=1"
              "&content0id=x&content0type=image%2Fjpeg&content0=");
    REQUIRE(f.r);
    CHECK(f.req.contents[0].data.size() == 0);
    // no content at all
    decoded g("account=a&password=p&from_addr=0900000000&to_addr=0912345678&subject=s&no_contents=0");
    REQUIRE(g.r);
    CHECK(g.req.contents.empty());
}

TEST_CASE("send_mms: to_addr forms and limits (§3.2 註3, 註4, revision 1.1)") {
    sample s;
    auto try_to = [&](std::string_view to, address_type type = address_type::msisdn) {
        send_mms_request r = s.mixed();
        r.to_addr = to;
        r.to_addr_type = type;
        std::string out;
        return smsgw::encode_append(r, out);
    };
    CHECK(try_to("0912345678"));
    CHECK(try_to("886912345678"));
    CHECK(try_to("+886912345678"));
    CHECK(try_to("12345", address_type::emome));
    CHECK(try_to("12345678901234567890123456789012345", address_type::emome));
    CHECK(try_to("123456789012345678901234567890123456", address_type::emome) == result{errc::field_too_long, 35, "to_addr"});
    CHECK(try_to("0912345678,12345") == result{errc::bad_character, 11, "to_addr"});
    CHECK(try_to("+12345") == result{errc::bad_character, 0, "to_addr"});
    CHECK(try_to("09123+5678") == result{errc::bad_character, 5, "to_addr"});
    CHECK(try_to("+0912345678") == result{errc::bad_character, 0, "to_addr"});
    CHECK(try_to("0912345678,") == result{errc::empty_field, 11, "to_addr"});
    CHECK(try_to(",0912345678") == result{errc::empty_field, 0, "to_addr"});
    CHECK(try_to("0912345678 ") == result{errc::bad_character, 10, "to_addr"});
    CHECK(try_to("") == result{errc::empty_field, 0, "to_addr"});
    CHECK(try_to("+", address_type::emome) == result{errc::bad_character, 0, "to_addr"});
    std::string twenty = "0900000000";
    for (int i = 1; i < 20; ++i) twenty += ",0900000000";
    CHECK(try_to(twenty));
    const result over = try_to(twenty + ",0911111111");
    CHECK(over == result{errc::too_many, 220, "to_addr"});
    // §3.2 註4: one emome code only
    CHECK(try_to("12345,67890", address_type::emome) == result{errc::too_many, 6, "to_addr"});
}

TEST_CASE("send_mms: every validation error before anything is written") {
    sample s;
    const std::string_view long_ascii(
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901");
    const byte bad_utf8[] = {'o', 'k', 0xC3};
    struct row {
        const char* name;
        void (*edit)(send_mms_request&, const content*&);
        errc ec;
        std::size_t offset;
        const char* field;
    };
    static content bad_parts[1];
    const row rows[] = {
        {"account", [](send_mms_request& r, const content*&) { r.account = ""; }, errc::empty_field, 0, "account"},
        {"password", [](send_mms_request& r, const content*&) { r.password = "12345678901"; }, errc::field_too_long, 10, "password"},
        {"from_addr empty", [](send_mms_request& r, const content*&) { r.from_addr = ""; }, errc::empty_field, 0, "from_addr"},
        {"from_addr digits", [](send_mms_request& r, const content*&) { r.from_addr = "09x"; }, errc::bad_character, 2, "from_addr"},
        {"from_addr length", [](send_mms_request& r, const content*&) { r.from_addr = "123456789012345678901234567890123456"; },
         errc::field_too_long, 35, "from_addr"},
        {"from_addr_type", [](send_mms_request& r, const content*&) { r.from_addr_type = static_cast<address_type>(2); },
         errc::out_of_range, 0, "from_addr_type"},
        {"to_addr_type", [](send_mms_request& r, const content*&) { r.to_addr_type = static_cast<address_type>(7); },
         errc::out_of_range, 0, "to_addr_type"},
        {"cp_id length", [](send_mms_request& r, const content*&) { r.cp_id = "0000"; }, errc::field_too_long, 3, "cp_id"},
        {"cp_id digits", [](send_mms_request& r, const content*&) { r.cp_id = "xxx"; }, errc::bad_character, 0, "cp_id"},
        {"cp_id empty", [](send_mms_request& r, const content*&) { r.cp_id = ""; }, errc::empty_field, 0, "cp_id"},
        {"subject empty", [](send_mms_request& r, const content*&) { r.subject = ""; }, errc::empty_field, 0, "subject"},
        {"subject UTF-8", [](send_mms_request& r, const content*&) { r.subject = "ab\xFF"; }, errc::invalid_utf8, 2, "subject"},
        {"subject 41 characters",
         [](send_mms_request& r, const content*&) { r.subject = "閃光一號閃光一號閃光一號閃光一號閃光一號閃光一號閃光一號閃光一號閃光一號閃光一號x"; },
         errc::field_too_long, 120, "subject"},
        {"message_type", [](send_mms_request& r, const content*&) { r.message_type = static_cast<multipart>(2); },
         errc::out_of_range, 0, "message_type"},
        {"presentation_id", [](send_mms_request& r, const content*&) { r.presentation_id = "<0000>\n"; },
         errc::bad_character, 6, "presentation_id"},
        {"content id empty", [](send_mms_request& r, const content*&) {
             bad_parts[0] = {"", "text/plain", std::string_view("x")};
             r.contents = bad_parts;
         }, errc::empty_field, 0, "contentXid"},
        {"content id length", [](send_mms_request& r, const content*&) {
             bad_parts[0] = {"12345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901",
                             "text/plain", std::string_view("x")};
             r.contents = bad_parts;
         }, errc::field_too_long, 100, "contentXid"},
        {"content type empty", [](send_mms_request& r, const content*&) {
             bad_parts[0] = {"a", "", std::string_view("x")};
             r.contents = bad_parts;
         }, errc::empty_field, 0, "contentXtype"},
        {"content type length", [](send_mms_request& r, const content*&) {
             bad_parts[0] = {"a", "application/vnd.example.a-very-long-media-type-name+x", std::string_view("x")};
             r.contents = bad_parts;
         }, errc::field_too_long, 50, "contentXtype"},
    };
    for (const row& w : rows) {
        INFO(w.name);
        send_mms_request r = s.mixed();
        const content* unused = nullptr;
        w.edit(r, unused);
        std::string out;
        const result got = smsgw::encode_append(r, out);
        CHECK(got == result{w.ec, w.offset, w.field});
        CHECK(out.empty());
    }
    CHECK(long_ascii.size() == 101);
    // text/* contents must be UTF-8; others are bytes
    content parts[2] = {{"a", "image/jpeg", bad_utf8}, {"b", "Text/Plain; charset=utf-8", bad_utf8}};
    send_mms_request r = s.mixed();
    r.contents = smsgw::span<const content>(parts, 1);
    std::string out;
    CHECK(smsgw::encode_append(r, out));
    r.contents = parts;
    out.clear();
    const result got = smsgw::encode_append(r, out);
    CHECK(got == result{errc::invalid_utf8, 2, "contentX"});
    // 40 characters of subject are fine, however many bytes
    r = s.mixed();
    r.subject = "閃光一號閃光一號閃光一號閃光一號閃光一號閃光一號閃光一號閃光一號閃光一號閃光一號";
    out.clear();
    CHECK(smsgw::encode_append(r, out));
}

TEST_CASE("send_mms: decoding refuses what the gateway answers -2 (or -7, -1) to, at the parameter") {
    const std::string base = "account=a&password=p&from_addr=0900000000&to_addr=0912345678&subject=s";
    auto error = [&](const std::string& tail, mode m = mode::strict) {
        decoded d(base + tail, m);
        CHECK(d.req.account.empty());  // untouched
        return d.r;
    };
    const std::string one = "&no_contents=1&content0id=a&content0type=text%2Fplain&content0=x";
    CHECK(error(one + "&content1id=b") == result{errc::count_mismatch, 135, "no_contents"});
    CHECK(error("&no_contents=2&content0id=a&content0type=text%2Fplain&content0=x") ==
          result{errc::missing_field, 134, "contentXid"});
    const result missing_type = error("&no_contents=1&content0id=a&content0=x");
    CHECK(missing_type == result{errc::missing_field, 108, "contentXtype"});
    CHECK(std::string_view(error("&no_contents=1&content0id=a&content0type=b").field) == "contentX");
    CHECK(std::string_view(error("&no_contents=1&content0=a&content0type=b").field) == "contentXid");
    CHECK(error("&content0id=a&content0type=text%2Fplain&content0=x") == result{errc::missing_field, 120, "no_contents"});
    CHECK(error(one + "&content0id=b") == result{errc::duplicate_field, 135, "contentXid"});
    CHECK(error(one + "&content0=b") == result{errc::duplicate_field, 135, "contentX"});
    CHECK(error(one + "&content0type=b") == result{errc::duplicate_field, 135, "contentXtype"});
    CHECK(error(one + "&subject=t") == result{errc::duplicate_field, 135, "subject"});
    CHECK(error(one + "&content01id=b") == result{errc::unknown_field, 135});
    CHECK(error(one + "&contentid=b") == result{errc::unknown_field, 135});
    CHECK(error(one + "&content0name=b") == result{errc::unknown_field, 135});
    CHECK(error(one + "&content9999999id=b") == result{errc::unknown_field, 135});
    CHECK(error(one + "&eaif_packet=b") == result{errc::unknown_field, 135});
    CHECK(error(one + "&Subject=b") == result{errc::unknown_field, 135});
    // more contents than the caller's storage (8)
    CHECK(error(one + "&content8id=b") == result{errc::too_many, 135, "no_contents"});
    CHECK(error("&no_contents=9") == result{errc::too_many, 71, "no_contents"});
    CHECK(error("&no_contents=x") == result{errc::bad_character, 71, "no_contents"});
    CHECK(error("&no_contents=99999999999") == result{errc::field_too_long, 71, "no_contents"});
    CHECK(error("&no_contents=4294967296") == result{errc::out_of_range, 71, "no_contents"});
    // typed parameters
    CHECK(error(one + "&from_addr_type=2") == result{errc::out_of_range, 135, "from_addr_type"});
    CHECK(error(one + "&to_addr_type=") == result{errc::empty_field, 135, "to_addr_type"});
    CHECK(error(one + "&message_type=01") == result{errc::field_too_long, 135, "message_type"});
    CHECK(error(one + "&expire_offset=-1") == result{errc::bad_character, 135, "expire_offset"});
    CHECK(error(one + "&expire_offset=4294967296") == result{errc::out_of_range, 135, "expire_offset"});
    CHECK(error(one + "&cp_id=1234") == result{errc::field_too_long, 135, "cp_id"});
    CHECK(error(one + "&presentation_id=%00") == result{errc::bad_character, 135, "presentation_id"});
    // values checked as encode() checks them, at the parameter
    CHECK(error("&no_contents=1&content0id=a&content0type=text%2Fplain&content0=%FF") == result{errc::invalid_utf8, 124, "contentX"});
    CHECK(error("&no_contents=1&content0id=&content0type=text%2Fplain&content0=x") == result{errc::empty_field, 85, "contentXid"});
    CHECK(error("&no_contents=1&content0id=a&content0type=&content0=x") == result{errc::empty_field, 98, "contentXtype"});
    decoded to("account=a&password=p&from_addr=0900000000&to_addr=0912345678%2C0800&subject=s" + one);
    CHECK(to.r == result{errc::bad_character, 42, "to_addr"});
    decoded emome("account=a&password=p&from_addr=0900000000&to_addr=1%2C2&to_addr_type=1&subject=s" + one);
    CHECK(emome.r == result{errc::too_many, 42, "to_addr"});
    decoded escape("account=a&password=p&from_addr=0900000000&to_addr=0912345678&subject=%E9%9" + one);
    CHECK(escape.r == result{errc::bad_escape, 72});
    // tolerant: unknown names skipped, the first of two kept, every value still checked
    decoded t(base + one + "&content0id=b&eaif_packet=x&Subject=y&content1type=z", mode::tolerant);
    REQUIRE(t.r);
    CHECK(t.req.contents.size() == 1);
    CHECK(t.req.contents[0].id == "a");
    CHECK(error(one + "&cp_id=x", mode::tolerant) == result{errc::bad_character, 135, "cp_id"});
}

TEST_CASE("send_mms: a scratch buffer shorter than the body") {
    std::array<content, 2> storage{};
    send_mms_request r;
    byte scratch[8];
    CHECK(smsgw::imsp::decode(std::string_view("account=a&password=p"), r, scratch, storage) ==
          result{errc::buffer_too_small, 20});
}

TEST_CASE("send_mms: responses (§3.2)") {
    send_mms_response r;
    std::string_view page = "<html> <header></header> <body>0 <br> 96625 <br> </body> </html>";
    REQUIRE(smsgw::imsp::decode(page, r) == result{errc{}, page.size()});
    CHECK(r.code == return_code::success);
    CHECK(r.message_id == "96625");
    CHECK(r.failures.empty());
    page = "<html> <header></header> <body>1 <br> 96626;0912000111:Permission Denied;+886922333444:not a PLMN address <br> </body> </html>";
    REQUIRE(smsgw::imsp::decode(page, r));
    CHECK(r.code == return_code::partial_failure);
    CHECK(r.message_id == "96626");
    REQUIRE(r.failures.size() == 2);
    auto it = r.failures.begin();
    CHECK(it->to_address == "0912000111");
    CHECK(it->reason == "Permission Denied");
    ++it;
    CHECK(it->to_address == "+886922333444");
    CHECK(it->reason == "not a PLMN address");
    CHECK(++it == r.failures.end());
    // separators the spec leaves open: whitespace or a comma after the id, a <br>
    page = "<html><header></header><body>1<br>77 0912000111:x, y<br></body></html>";
    REQUIRE(smsgw::imsp::decode(page, r));
    REQUIRE(r.failures.size() == 1);
    CHECK(r.failures.begin()->reason == "x, y");
    for (int code : {-5, -6, -7, -8, -9, -10, -41, -1, -2, -3, -4, -19}) {
        INFO(code);
        std::string s;
        REQUIRE(smsgw::encode_append(send_mms_response{return_code{code}, {}, {}, smsgw::imsp::describe(smsgw::imsp::command::send_mms, return_code{code}).english}, s));
        REQUIRE(smsgw::imsp::decode(s, r));
        CHECK(r.code == return_code{code});
        CHECK(r.message_id.empty());
        CHECK(r.description == smsgw::imsp::describe(smsgw::imsp::command::send_mms, return_code{code}).english);
    }
}

TEST_CASE("send_mms: responses that do not have the documented shape") {
    send_mms_response r;
    auto error = [&](std::string_view page) {
        r = send_mms_response{return_code{5}, "keep", {}, {}};
        const result res = smsgw::imsp::decode(page, r);
        CHECK(r.message_id == "keep");
        return res;
    };
    CHECK(error("<html><header></header><body>0<br>abc<br></body></html>") == result{errc::bad_response, 34, "message_id"});
    CHECK(error("<html><header></header><body>0<br>12a<br></body></html>") == result{errc::bad_character, 36, "message_id"});
    CHECK(error("<html><header></header><body>0<br>12345678901<br></body></html>") == result{errc::field_too_long, 44, "message_id"});
    CHECK(error("<html><header></header><body>1<br>12<br></body></html>") == result{errc::bad_response, 36, "to_address"});
    CHECK(error("<html><header></header><body>1<br>12:x<br></body></html>") == result{errc::bad_response, 36, "to_address"});
    CHECK(error("<html><header></header><body>1<br>12;;<br></body></html>") == result{errc::bad_response, 36, "to_address"});
    CHECK(error("<html><header></header><body>1<br>12;0912<br></body></html>") == result{errc::bad_response, 37, "fail_reason"});
    CHECK(error("<html><header></header><body>1<br>12;:x<br></body></html>") == result{errc::empty_field, 37, "to_address"});
}

TEST_CASE("send_mms: responses encode from the caller's array") {
    const failure failed[] = {{"0912000111", "Permission Denied"}, {"0922000222", "not PLMN"}};
    std::string s;
    REQUIRE(smsgw::encode_append(send_mms_response{return_code::partial_failure, "123", failed, {}}, s));
    CHECK(s == "<html> <header></header> <body>1 <br> 123;0912000111:Permission Denied;0922000222:not PLMN <br> </body> </html>");
    send_mms_response back;
    REQUIRE(smsgw::imsp::decode(s, back));
    CHECK(back.failures.size() == 2);
    CHECK(back.failures.text() == ";0912000111:Permission Denied;0922000222:not PLMN");
    s.clear();
    REQUIRE(smsgw::encode_append(send_mms_response{return_code::success, "96625", {}, {}}, s));
    CHECK(s == "<html> <header></header> <body>0 <br> 96625 <br> </body> </html>");
    auto error = [&](const send_mms_response& r) {
        s.clear();
        const result res = smsgw::encode_append(r, s);
        CHECK(s.empty());
        return res;
    };
    CHECK(error({return_code::success, "", {}, {}}) == result{errc::empty_field, 0, "message_id"});
    CHECK(error({return_code::success, "12345678901", {}, {}}) == result{errc::field_too_long, 10, "message_id"});
    CHECK(error({return_code::partial_failure, "1", {}, {}}) == result{errc::empty_field, 0, "to_address"});
    const failure bad_to[] = {{"09;1", "x"}};
    CHECK(error({return_code::partial_failure, "1", bad_to, {}}).field == std::string_view("to_address"));
    const failure bad_reason[] = {{"0912", "a;b"}};
    CHECK(error({return_code::partial_failure, "1", bad_reason, {}}).field == std::string_view("fail_reason"));
    const failure spaced[] = {{"0912", "x "}};
    CHECK(error({return_code::partial_failure, "1", spaced, {}}) == result{errc::bad_character, 0, "fail_reason"});
}

TEST_CASE("send_mms: no allocation on any path") {
    const sample s;
    const send_mms_request r = s.related();
    std::vector<char> out(smsgw::encoded_size(r));
    std::vector<byte> scratch(out.size());
    std::array<content, 4> storage{};
    char page[256];
    const failure failed[] = {{"0912000111", "Permission Denied"}};
    smsgw::test::alloc_counter guard;
    smsgw::writer w(out.data(), out.size());
    REQUIRE(smsgw::imsp::encode(r, w));
    send_mms_request back;
    REQUIRE(smsgw::imsp::decode(std::string_view(out.data(), out.size()), back, scratch, storage));
    smsgw::writer pw(page, sizeof page);
    REQUIRE(smsgw::imsp::encode(send_mms_response{return_code::partial_failure, "42", failed, {}}, pw));
    send_mms_response resp;
    REQUIRE(smsgw::imsp::decode(std::string_view(page, pw.size()), resp));
    std::size_t n = 0;
    for (const failure& f : resp.failures) n += f.to_address.size();
    CHECK(guard.count() == 0);
    CHECK(n == 10);
    CHECK(back.contents.size() == 4);
}

#ifdef SMSGW_PYTHON3
TEST_CASE("send_mms: Python's urllib reads the body as we do") {
    const sample s;
    const std::string body = encoded(s.related());
    bool ok = false;
    const std::string out = smsgw::test::run_command(
        std::string(SMSGW_PYTHON3) +
            " -c \"import sys,urllib.parse as u;"
            "[print(k, v.encode('latin-1').hex()) for k,v in u.parse_qsl(sys.stdin.read(), keep_blank_values=True, encoding='latin-1', errors='strict')]\"",
        body, ok);
    REQUIRE(ok);
    std::string expect;
    const decoded d(body);
    REQUIRE(d.r);
    auto line = [&](std::string_view name, smsgw::bytes value) {
        expect += std::string(name) + ' ' + smsgw::test::hex(value) + '\n';
    };
    line("account", std::string_view("1xxxx"));
    line("password", std::string_view("xxxxxxxx"));
    line("cp_id", std::string_view("000"));
    line("expire_offset", std::string_view("0"));
    line("from_addr", std::string_view("0912345678"));
    line("from_addr_type", std::string_view("0"));
    line("message_type", std::string_view("1"));
    line("to_addr", std::string_view("0987654321"));
    line("to_addr_type", std::string_view("0"));
    line("subject", d.req.subject);
    line("presentation_id", std::string_view("T3"));
    line("no_contents", std::string_view("4"));
    for (std::size_t i = 0; i < 4; ++i) {
        const std::string n = "content" + std::to_string(i);
        line(n + "id", s.parts[i].id);
        line(n + "type", s.parts[i].type);
        line(n, s.parts[i].data);
    }
    CHECK(out == expect);
}
#endif
