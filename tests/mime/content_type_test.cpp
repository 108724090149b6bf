#include "smsgw/mime/content_type.hpp"

#include <string>

#include "test.hpp"

using namespace smsgw;

namespace {
mime::content_type parse(std::string_view raw, const mime::options& opt = {}) {
    mime::content_type ct;
    REQUIRE(mime::parse_content_type(raw, ct, opt));
    return ct;
}

std::string text_of(const mime::parameters& ps, std::string_view name, mime::parameter_info* info = nullptr,
                    const mime::options& opt = {}) {
    char buf[256];
    writer w(buf, sizeof buf);
    test::alloc_counter allocs;
    auto r = mime::parameter_text(ps, name, w, info, opt);
    CHECK(allocs.count() == 0);
    REQUIRE(r);
    CHECK(r.offset == w.size());
    return std::string(buf, w.size());
}
}  // namespace

TEST_CASE("type, subtype and parameters, any case, comments and folds") {
    auto ct = parse("Multipart/Mixed; boundary=\"----=_CHT_MMS_BOUNDARY.96625\"");
    CHECK(ct.is("multipart", "mixed"));
    CHECK(ct.is_multipart());
    CHECK(ct.type == "Multipart");
    CHECK(ct.full == "Multipart/Mixed");
    CHECK(ct.boundary() == "----=_CHT_MMS_BOUNDARY.96625");
    ct = parse("MULTIPART/MIXED; BOUNDARY=abc");  // notes §3.2 case 13
    CHECK(ct.boundary() == "abc");
    ct = parse("multipart/mixed;\r\n\tboundary=\"b1\" (comment) ; charset = utf-8 ");  // case 14
    CHECK(ct.boundary() == "b1");
    CHECK(ct.params.value("charset") == "utf-8");
    ct = parse("text/plain (a (nested) comment); name=\"a \\\"q\\\" b\"");
    CHECK(ct.params.value("name") == "a \\\"q\\\" b");  // raw keeps the escapes
    CHECK(text_of(ct.params, "name") == "a \"q\" b");
    ct = parse("text/plain;");
    CHECK(ct.params.empty());
    CHECK(ct.full == "text/plain");
    CHECK(mime::content_type{}.full == "text/plain");  // the default of an absent header
    ct = parse("multipart/mixed; boundary=\"b  \"");
    CHECK(ct.boundary() == "b");  // RFC 2046 §5.1.1: no trailing blanks
}

TEST_CASE("RFC 2231 §3 continuations") {
    auto ct = parse("message/external-body; access-type=URL;\r\n"
                    "         URL*0=\"ftp://\";\r\n"
                    "         URL*1=\"cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\"");
    mime::parameter_info info;
    CHECK(text_of(ct.params, "url", &info) == "ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar");
    CHECK(info.extended);
    CHECK(info.sections == 2);
    CHECK(ct.params.value("access-type") == "URL");
}

TEST_CASE("RFC 2231 §4 charset and language, §4.1 combined with continuations") {
    auto ct = parse("application/x-stuff;\r\n    title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A");
    mime::parameter_info info;
    CHECK(text_of(ct.params, "title", &info) == "This is ***fun***");
    CHECK(info.charset == "us-ascii");
    CHECK(info.language == "en-us");
    ct = parse("application/x-stuff;\r\n"
               "    title*0*=us-ascii'en'This%20is%20even%20more%20;\r\n"
               "    title*1*=%2A%2A%2Afun%2A%2A%2A%20;\r\n"
               "    title*2=\"isn't it!\"");
    CHECK(text_of(ct.params, "title", &info) == "This is even more ***fun*** isn't it!");
    CHECK(info.language == "en");
    CHECK(info.sections == 3);
}

TEST_CASE("RFC 2231 edge cases of the notes: order, gaps, literal %, charset once, caps") {
    // Case 18: a UTF-8 character split across sections is joined before decoding.
    auto ct = parse("image/jpeg; name*0*=utf-8''%E9%96%83%E5; name*1*=%85%89.jpg");
    CHECK(text_of(ct.params, "name") == "閃光.jpg");
    // Numeric, not lexicographic order: *10 after *9, *2 before *10.
    std::string many = "text/plain";
    for (int i = 11; i >= 0; --i) many += "; t*" + std::to_string(i) + "=" + std::string(1, static_cast<char>('a' + i));
    ct = parse(many);
    CHECK(text_of(ct.params, "t") == "abcdefghijkl");
    // '%' is literal in a section without '*'.
    ct = parse("text/plain; f*0*=utf-8''%41; f*1=%42");
    CHECK(text_of(ct.params, "f") == "A%42");
    // Latin-1 charset converted to UTF-8.
    ct = parse("text/plain; f*=iso-8859-1''caf%E9");
    CHECK(text_of(ct.params, "f") == "café");
    // Big5 through smsgw::charset; an unknown charset: octets as they are, label reported.
    ct = parse("text/plain; f*=big5''%B0%7B");
    CHECK(text_of(ct.params, "f") == "閃");
    mime::parameter_info info;
    ct = parse("text/plain; f*=x-mac-chinesetrad''%B0%7B");
    CHECK(text_of(ct.params, "f", &info) == "\xb0\x7b");
    CHECK(info.charset == "x-mac-chinesetrad");
    // The RFC 2231 form wins over a plain one.
    ct = parse("text/plain; f=\"plain.txt\"; f*=utf-8''%E9%96%83.txt");
    CHECK(text_of(ct.params, "f") == "閃.txt");

    char buf[64];
    writer w(buf, sizeof buf);
    // A gap: strict refuses at the last section, tolerant stops before the gap.
    ct = parse("text/plain; f*0=a; f*2=c");
    auto r = mime::parameter_text(ct.params, "f", w);
    CHECK(r.ec == errc::missing_field);
    CHECK(r.offset == 19);
    CHECK(text_of(ct.params, "f", nullptr, mime::tolerant_options) == "a");
    // A section twice.
    ct = parse("text/plain; f*0=a; f*0=b");
    CHECK(mime::parameter_text(ct.params, "f", w).ec == errc::duplicate_field);
    CHECK(text_of(ct.params, "f", nullptr, mime::tolerant_options) == "a");
    // Too many sections.
    mime::options capped;
    capped.lim.max_parameter_sections = 2;
    ct = parse("text/plain; f*0=a; f*1=b; f*2=c");
    r = mime::parameter_text(ct.params, "f", w, nullptr, capped);
    CHECK(r.ec == errc::too_many);
    CHECK(r.offset == 26);
    // A bad %XX.
    ct = parse("text/plain; f*=utf-8''%E9%Z6");
    r = mime::parameter_text(ct.params, "f", w);
    CHECK(r.ec == errc::bad_escape);
    CHECK(r.offset == 12);
    // Absent.
    CHECK(mime::parameter_text(ct.params, "g", w).ec == errc::missing_field);
}

TEST_CASE("encoded-words in a quoted filename are decoded in tolerant mode (notes §3.2 case 19)") {
    auto ct = parse("image/jpeg; name=\"=?utf-8?B?6ZaD5YWJ?=.jpg\"");
    CHECK(text_of(ct.params, "name") == "=?utf-8?B?6ZaD5YWJ?=.jpg");
    CHECK(text_of(ct.params, "name", nullptr, mime::tolerant_options) == "閃光.jpg");
}

TEST_CASE("malformed values: strict errors with offsets, tolerant defects") {
    mime::content_type ct;
    auto r = mime::parse_content_type("text", ct);
    CHECK(r.ec == errc::bad_character);
    CHECK(r.offset == 4);
    r = mime::parse_content_type("text/plain; name=\"abc", ct, {}, nullptr, 100);
    CHECK(r.ec == errc::unterminated_quote);
    CHECK(r.offset == 117);
    r = mime::parse_content_type("multipart/mixed; boundary=----=_CHT", ct);  // case 20, strict
    CHECK(r.ec == errc::bad_character);
    CHECK(r.offset == 30);
    r = mime::parse_content_type("text/plain; =x", ct);
    CHECK(r.ec == errc::bad_character);

    mime::defect_log log;
    REQUIRE(mime::parse_content_type("multipart/mixed; boundary=----=_CHT_MMS_BOUNDARY.96625", ct,
                                     mime::tolerant_options, &log));
    CHECK(ct.boundary() == "----=_CHT_MMS_BOUNDARY.96625");
    CHECK(log.empty());
    REQUIRE(mime::parse_content_type("garbage; charset=utf-8", ct, mime::tolerant_options, &log));
    CHECK(ct.is("text", "plain"));
    CHECK(ct.params.value("charset") == "utf-8");
    REQUIRE(log.size() == 1);
    CHECK(log[0].kind == mime::defect_kind::bad_content_type);
    log.clear();
    REQUIRE(mime::parse_content_type("text/plain; bad; name=\"x", ct, mime::tolerant_options, &log));
    CHECK(ct.params.value("name") == "x");
    REQUIRE(log.size() == 2);
    CHECK(log[0].kind == mime::defect_kind::bad_parameter);
    CHECK(log[1].kind == mime::defect_kind::unterminated_quote);
    CHECK(log[1].offset == 22);
}

TEST_CASE("Content-Disposition (RFC 2183)") {
    mime::content_disposition cd;
    REQUIRE(mime::parse_content_disposition("attachment; filename=\"96625_2.jpg\"", cd));
    CHECK(cd.is("ATTACHMENT"));
    CHECK(text_of(cd.params, "filename") == "96625_2.jpg");
    auto r = mime::parse_content_disposition("; filename=x", cd);
    CHECK(r.ec == errc::bad_character);
    CHECK(r.offset == 0);
}

TEST_CASE("parameters iterate lazily with their RFC 2231 parts and offsets") {
    auto ct = parse("text/plain; a=1; b*0*=utf-8''x; b*1=\"y\"", mime::options{});
    std::string seen;
    for (const mime::parameter& p : ct.params)
        seen += std::string(p.base_name) + ":" + std::to_string(p.section) + (p.extended ? "*" : "") + "@" +
                std::to_string(p.offset) + " ";
    CHECK(seen == "a:-1@12 b:0*@17 b:1@32 ");
}

TEST_CASE("section numbers of more than 6 digits are not RFC 2231 (fuzz regression: int overflow)") {
    auto ct = parse("text/plain; f*99999999999=x; g*0123=y; h*1a=z");
    char buf[16];
    writer w(buf, sizeof buf);
    CHECK(mime::parameter_text(ct.params, "f", w).ec == errc::missing_field);
    CHECK(ct.params.value("f*99999999999") == "x");
    auto p = ct.params.find("g*0123");
    REQUIRE(p);
    CHECK(p->section == -1);
    CHECK(p->base_name == "g*0123");
    CHECK(ct.params.find("h*1a")->section == -1);
}

TEST_CASE("an unterminated comment ending in a backslash (fuzz regression: read past the value)") {
    mime::content_type ct;
    mime::defect_log log;
    auto r = mime::parse_content_type("text/plain (comment; name=\"a \\", ct, mime::tolerant_options, &log);
    REQUIRE(r);
    CHECK(ct.is("text", "plain"));
    CHECK(ct.params.empty());  // all of it is the comment
    r = mime::parse_content_type("text/plain (x\\", ct);
    REQUIRE(r);
    CHECK(r.offset == 14);
}
