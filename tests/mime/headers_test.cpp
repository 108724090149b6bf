#include "smsgw/mime/headers.hpp"

#include <string>
#include <vector>

#include "test.hpp"

using namespace smsgw;

TEST_CASE("fields as views, folds kept in place, lookup without case") {
    const std::string_view in =
        "Date: 2005/03/08 13:52:53 CST\r\n"
        "Content_number: 3\r\n"
        "Subject: =?utf-8?B?6ZaD?=\r\n =?utf-8?B?5YWJ?=\r\n"
        "Content-type: multipart/mixed;\r\n\tboundary=\"b\"\r\n"
        "\r\n"
        "body";
    mime::header_block h;
    test::alloc_counter allocs;
    auto r = mime::parse_headers(in, h);
    REQUIRE(r);
    CHECK(r.offset == in.size() - 4);
    CHECK(h.value("content_NUMBER") == "3");
    CHECK(h.value("SUBJECT") == "=?utf-8?B?6ZaD?=\r\n =?utf-8?B?5YWJ?=");
    CHECK(h.value("content-type") == "multipart/mixed;\r\n\tboundary=\"b\"");
    CHECK(h.count("date") == 1);
    CHECK_FALSE(h.find("To").has_value());
    CHECK(h.value("To").empty());
    std::size_t n = 0;
    for (const auto& f : h) {
        if (n == 1) CHECK(f.offset == 31);
        ++n;
    }
    CHECK(n == 4);
    CHECK(allocs.count() == 0);
    char buf[64];
    writer w(buf, sizeof buf);
    auto u = mime::unfold(h.value("content-type"), w);
    REQUIRE(u);
    CHECK(std::string_view(buf, u.offset) == "multipart/mixed;\tboundary=\"b\"");
}

TEST_CASE("a block without a blank line runs to the end; an empty block") {
    mime::header_block h;
    auto r = mime::parse_headers("To: 44441\r\nFrom: 1", h);
    REQUIRE(r);
    CHECK(r.offset == 18);
    CHECK(h.value("from") == "1");
    r = mime::parse_headers("\r\nbody", h);
    REQUIRE(r);
    CHECK(r.offset == 2);
    CHECK(h.empty());
}

TEST_CASE("strict errors with offsets") {
    mime::header_block h;
    auto r = mime::parse_headers("To: 1\nFrom: 2\r\n\r\n", h);
    CHECK(r.ec == errc::bare_line_feed);
    CHECK(r.offset == 5);
    r = mime::parse_headers("To: 1\r\nnot a header\r\n\r\n", h, {}, nullptr, 10);
    CHECK(r.ec == errc::bad_header);
    CHECK(r.offset == 20);  // the blank after "not"
    r = mime::parse_headers(": x\r\n\r\n", h);
    CHECK(r.ec == errc::bad_header);
    CHECK(r.offset == 0);
    r = mime::parse_headers(" folded\r\nTo: 1\r\n\r\n", h);
    CHECK(r.ec == errc::bad_header);
    CHECK(r.offset == 0);
    r = mime::parse_headers("Subject : x\r\n\r\n", h);
    CHECK(r.ec == errc::bad_header);
    CHECK(r.offset == 7);
    mime::options capped;
    capped.lim.max_headers = 2;
    r = mime::parse_headers("A: 1\r\nB: 2\r\nC: 3\r\n\r\n", h, capped);
    CHECK(r.ec == errc::too_many);
    CHECK(r.offset == 12);
}

TEST_CASE("tolerant: LF line ends, blanks before the colon, a non-field line ends the block") {
    mime::header_block h;
    mime::defect_log log;
    auto r = mime::parse_headers("To: 1\nSubject : x\n folded\n\nbody", h, mime::tolerant_options, &log);
    REQUIRE(r);
    CHECK(r.offset == 27);
    CHECK(h.value("subject") == "x\n folded");
    CHECK(log.empty());
    r = mime::parse_headers("To: 1\r\nnot a header\r\nmore\r\n", h, mime::tolerant_options, &log);
    REQUIRE(r);
    CHECK(r.offset == 7);  // RFC 7103 §7.2: the body starts at the stray line
    CHECK(h.count("to") == 1);
    REQUIRE(log.size() == 1);
    CHECK(log[0].kind == mime::defect_kind::missing_header_separator);
    CHECK(log[0].offset == 7);
    log.clear();
    r = mime::parse_headers(" lead\r\nTo: 1\r\n\r\n", h, mime::tolerant_options, &log);
    REQUIRE(r);
    CHECK(h.value("to") == "1");
    CHECK(log.has(mime::defect_kind::continuation_first));
    std::vector<std::string_view> names;
    for (const auto& f : h) names.push_back(f.name);
    CHECK(names == std::vector<std::string_view>{"To"});
}
