#include "smsgw/mime/message.hpp"

#include <string>

#include "test.hpp"

using namespace smsgw;

namespace {
struct parsed {
    mime::part storage[16];
    mime::message msg{storage};
    result r;
};

// Parses with a counter around it: the parse itself never allocates. The views in p point
// into `in`, which must outlive p.
void parse(parsed& p, const std::string& in, const mime::options& opt = {}) {
    test::alloc_counter allocs;
    p.r = mime::decode(in, p.msg, opt);
    CHECK(allocs.count() == 0);
}

std::string content(const mime::part& p, mime::mode m = mime::mode::strict) {
    std::string buf(p.decoded_size_max(), '\0');
    writer w(buf.data(), buf.size());
    auto r = mime::decode_content(p, w, m);
    REQUIRE(r);
    return buf.substr(0, w.size());
}

std::string mixed(std::string_view boundary_param, std::string_view body) {
    return "Content-Type: multipart/mixed; boundary=" + std::string(boundary_param) + "\r\n\r\n" + std::string(body);
}
}  // namespace

TEST_CASE("the line end before a delimiter belongs to it; preamble and epilogue kept (case 17)") {
    parsed p;
    const std::string in = mixed("b", "pre\r\n--b\r\n\r\none\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\ntwo\r\n--b--\r\nepi\r\n");
    parse(p, in);
    REQUIRE(p.r);
    REQUIRE(p.msg.size() == 3);
    CHECK(p.msg.root().preamble == "pre");
    CHECK(p.msg.root().epilogue == "epi\r\n");
    CHECK(p.msg.root().closed);
    CHECK(p.msg[1].body == "one\r\n");
    CHECK(p.msg[1].type.is("text", "plain"));  // RFC 2045 §5.2 default
    CHECK(p.msg[2].body == "two");
    CHECK(p.msg[2].type.is("text", "html"));
    CHECK(p.msg[1].parent == 0);
    CHECK(p.msg[2].offset == in.find("Content-Type: text/html"));
    CHECK(p.msg[2].body_offset == in.find("two"));
    std::size_t n = 0;
    for (std::size_t i : p.msg.children(0)) n += i;
    CHECK(n == 3);
}

TEST_CASE("a delimiter only at line start, never as a prefix of a longer token (mailparse #100)") {
    parsed p;
    const std::string in = mixed("foo", "--foo\r\n\r\nx--foo\r\n--foo_bar\r\n--foobar\r\n----foo\r\n--foo \t\r\n\r\ny\r\n--foo--");
    parse(p, in);
    REQUIRE(p.r);
    REQUIRE(p.msg.size() == 3);
    CHECK(p.msg[1].body == "x--foo\r\n--foo_bar\r\n--foobar\r\n----foo");
    CHECK(p.msg[2].body == "y");  // transport padding after the delimiter (case 16)
}

TEST_CASE("missing close delimiter (case 02) and a truncated packet (case 03)") {
    const std::string in = mixed("b", "--b\r\n\r\none\r\n--b\r\nContent-Transfer-Encoding: base64\r\n\r\nYWJj\r\nZGVm");
    parsed p;
    parse(p, in);
    CHECK(p.r.ec == errc::missing_close_delimiter);
    CHECK(p.r.offset == in.size());
    parsed t;
    parse(t, in, mime::tolerant_options);
    REQUIRE(t.r);
    REQUIRE(t.msg.size() == 3);
    CHECK_FALSE(t.msg.root().closed);
    CHECK(content(t.msg[2]) == "abcdef");
    REQUIRE(t.msg.defects().size() == 1);
    CHECK(t.msg.defects()[0].kind == mime::defect_kind::missing_close_delimiter);
    CHECK(t.msg.defects()[0].offset == in.size());
}

TEST_CASE("missing start delimiter: the whole body is preamble") {
    const std::string in = mixed("b", "no delimiter here\r\n-b\r\n");
    parsed p;
    parse(p, in);
    CHECK(p.r.ec == errc::missing_start_delimiter);
    CHECK(p.r.offset == in.find("no delimiter"));
    parsed t;
    parse(t, in, mime::tolerant_options);
    REQUIRE(t.r);
    CHECK(t.msg.size() == 1);
    CHECK(t.msg.root().preamble == "no delimiter here\r\n-b\r\n");
    CHECK(t.msg.defects().has(mime::defect_kind::missing_start_delimiter));
    CHECK_FALSE(t.msg.is_leaf(0));
    CHECK(t.msg.leaf_count() == 0);
}

TEST_CASE("multipart without boundary") {
    const std::string in = "Content-Type: multipart/mixed\r\n\r\n--b\r\n\r\nx\r\n--b--\r\n";
    parsed p;
    parse(p, in);
    CHECK(p.r.ec == errc::missing_boundary);
    CHECK(p.r.offset == 14);
    parsed t;
    parse(t, in, mime::tolerant_options);
    REQUIRE(t.r);
    CHECK(t.msg.size() == 1);
    CHECK(t.msg.defects().has(mime::defect_kind::missing_boundary));
}

TEST_CASE("nested multiparts: inner boundary prefixed by the outer one (case 21), outer line closes inner") {
    const std::string in = mixed("\"out\"",
                                 "--out\r\nContent-Type: multipart/related; boundary=\"inner-out\"\r\n\r\n"
                                 "--inner-out\r\n\r\na\r\n--inner-out\r\n\r\nb\r\n--inner-out--\r\n"
                                 "--out\r\n\r\nc\r\n--out--\r\n");
    parsed p;
    parse(p, in);
    REQUIRE(p.r);
    REQUIRE(p.msg.size() == 5);
    CHECK(p.msg[1].type.is("multipart", "related"));
    CHECK(p.msg[1].end == 4);
    CHECK(p.msg[2].body == "a");
    CHECK(p.msg[3].body == "b");
    CHECK(p.msg[3].depth == 2);
    CHECK(p.msg[4].body == "c");
    CHECK(p.msg[4].parent == 0);
    CHECK(p.msg.leaf_count() == 3);

    // Dovecot 008/009, Python msg_38: the inner multipart never closes; the outer delimiter ends it.
    const std::string open_inner = mixed("out",
                                         "--out\r\nContent-Type: multipart/mixed; boundary=in\r\n\r\n"
                                         "--in\r\n\r\na\r\n--out\r\n\r\nc\r\n--out--\r\n");
    parsed q;
    parse(q, open_inner, mime::tolerant_options);
    REQUIRE(q.r);
    REQUIRE(q.msg.size() == 4);
    CHECK(q.msg[2].body == "a");
    CHECK(q.msg[3].body == "c");
    CHECK(q.msg[3].parent == 0);
    CHECK(q.msg.defects().has(mime::defect_kind::missing_close_delimiter));
}

TEST_CASE("LF-only packets in tolerant mode (case 01); strict wants CRLF") {
    const std::string in = "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Transfer-Encoding: base64\n\nYWJj\n--b--\n";
    parsed p;
    parse(p, in);
    CHECK(p.r.ec == errc::bare_line_feed);
    CHECK(p.r.offset == 41);
    parsed t;
    parse(t, in, mime::tolerant_options);
    REQUIRE(t.r);
    REQUIRE(t.msg.size() == 2);
    CHECK(content(t.msg[1]) == "abc");
    CHECK(t.msg.defects().empty());
}

TEST_CASE("unquoted boundary with '=' (case 20) and a folded boundary parameter (case 14)") {
    const std::string body = "------=_CHT\r\n\r\nx\r\n------=_CHT--\r\n";
    parsed t;
    const std::string unquoted = mixed("----=_CHT", body);
    parse(t, unquoted, mime::tolerant_options);
    REQUIRE(t.r);
    CHECK(t.msg.size() == 2);
    parsed s;
    parse(s, unquoted);
    CHECK(s.r.ec == errc::bad_character);
    parsed f;
    const std::string folded = "Content-Type: multipart/mixed;\r\n\tboundary=\"----=_CHT\"\r\n\r\n" + body;
    parse(f, folded);
    REQUIRE(f.r);
    CHECK(f.msg.size() == 2);
}

TEST_CASE("duplicate Content-Type: strict refuses, tolerant takes the first, or the multipart one") {
    const std::string in = "Content-Type: text/plain\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nx\r\n--b--\r\n";
    parsed p;
    parse(p, in);
    CHECK(p.r.ec == errc::duplicate_field);
    CHECK(p.r.offset == 26);
    parsed t;
    parse(t, in, mime::tolerant_options);
    REQUIRE(t.r);
    CHECK(t.msg.root().type.is_multipart());
    CHECK(t.msg.size() == 2);
    CHECK(t.msg.defects().has(mime::defect_kind::duplicate_content_type));
}

TEST_CASE("nesting bombs stop at the depth limit; storage bounds the parts") {
    std::string in;
    for (int i = 0; i < 100; ++i) in += "Content-Type: multipart/mixed; boundary=b" + std::to_string(i) + "\r\n\r\n--b" + std::to_string(i) + "\r\n";
    for (int i = 99; i >= 0; --i) in += "\r\n--b" + std::to_string(i) + "--";
    mime::options lim = mime::tolerant_options;
    lim.lim.max_depth = 5;
    parsed t;
    parse(t, in, lim);
    REQUIRE(t.r);
    CHECK(t.msg.size() == 6);
    CHECK(t.msg.defects().has(mime::defect_kind::nesting_too_deep));
    parsed s;
    parse(s, in, mime::options{mime::mode::strict, lim.lim});
    CHECK(s.r.ec == errc::too_deep);

    std::string many = "Content-Type: multipart/mixed; boundary=b\r\n\r\n";
    for (int i = 0; i < 40; ++i) many += "--b\r\n\r\npart\r\n";
    many += "--b--\r\n";
    parsed m;
    parse(m, many, mime::tolerant_options);
    REQUIRE(m.r);
    CHECK(m.msg.size() == 16);
    CHECK(m.msg.defects().has(mime::defect_kind::too_many_parts));
    parsed ms;
    parse(ms, many);
    CHECK(ms.r.ec == errc::too_many);
    mime::message none(span<mime::part>{});
    CHECK(mime::decode(std::string_view("x"), none).ec == errc::buffer_too_small);
}

TEST_CASE("message/rfc822 parts are parsed as embedded messages") {
    const std::string in = mixed("b", "--b\r\nContent-Type: message/rfc822\r\n\r\nSubject: inner\r\n\r\nhello\r\n--b--\r\n");
    parsed p;
    parse(p, in);
    REQUIRE(p.r);
    REQUIRE(p.msg.size() == 3);
    CHECK(p.msg[2].headers.value("subject") == "inner");
    CHECK(p.msg[2].body == "hello");
    CHECK(p.msg[2].parent == 1);
    CHECK(p.msg.is_leaf(2));
    CHECK_FALSE(p.msg.is_leaf(1));
}

TEST_CASE("filenames and content ids through the message view") {
    const std::string in = mixed("b",
                                 "--b\r\nContent-Type: image/jpeg; name=\"old.jpg\"\r\nContent-ID: <x@y>\r\n\r\n\r\n"
                                 "--b\r\nContent-Disposition: attachment; filename*=utf-8''%E9%96%83.jpg\r\n\r\n\r\n--b--\r\n");
    parsed p;
    parse(p, in);
    REQUIRE(p.r);
    char buf[32];
    writer w(buf, sizeof buf);
    REQUIRE(mime::filename(p.msg[1], w));
    CHECK(std::string_view(buf, w.size()) == "old.jpg");
    CHECK(mime::normalized_content_id(p.msg[1].content_id) == "x@y");
    writer w2(buf, sizeof buf);
    REQUIRE(mime::filename(p.msg[2], w2));
    CHECK(std::string_view(buf, w2.size()) == "閃.jpg");
    CHECK(p.msg[2].disposition.is("attachment"));
    CHECK(p.msg[2].body.empty());
}

TEST_CASE("every truncation of a packet parses in tolerant mode, the parts seen so far usable (GMime #78)") {
    const std::string full = mixed("\"----=_CHT_MMS_BOUNDARY.96625\"",
                                   "------=_CHT_MMS_BOUNDARY.96625\r\nContent-Type: text/plain\r\n"
                                   "Content-Transfer-Encoding: base64\r\n\r\n6YCZ5piv6ZaD5YWJ5LiA6Jmf\r\n\r\n"
                                   "------=_CHT_MMS_BOUNDARY.96625\r\nContent-Type: image/jpeg\r\n"
                                   "Content-Transfer-Encoding: base64\r\n\r\n/9j/4QEQRXhpZgAASUkqAAgAAAAG\r\n\r\n"
                                   "------=_CHT_MMS_BOUNDARY.96625--\r\n");
    std::size_t strict_ok = 0;
    for (std::size_t n = 0; n <= full.size(); ++n) {
        const std::string cut = full.substr(0, n);
        INFO("cut at " << n);
        parsed t;
        parse(t, cut, mime::tolerant_options);
        REQUIRE(t.r);
        CHECK(t.msg.size() <= 4);  // a final open delimiter at the end starts an empty part
        for (std::size_t i = 0; i < t.msg.size(); ++i)
            if (t.msg.is_leaf(i)) CHECK(content(t.msg[i], mime::mode::tolerant).size() <= n);
        if (n < full.size() - 2) CHECK_FALSE(t.msg.root().closed);
        parsed s;
        parse(s, cut);
        if (s.r) strict_ok += n == 0 || n == full.size() - 2 || n == full.size() ? 1u : 100u;
    }
    // Strict accepts only the whole packet, the packet without its final CRLF, and the empty
    // input (no fields, an empty text/plain body).
    CHECK(strict_ok == 3);
}

TEST_CASE("decode_content follows the mode the message was decoded in, unless told otherwise") {
    // "aGk=" plus a lone trailing character: strict refuses it (truncated), tolerant drops it.
    const std::string in = "Content-Transfer-Encoding: base64\r\n\r\naGk=Q\r\n";
    char buf[16];
    parsed strict;
    parse(strict, in);
    REQUIRE(strict.r);
    CHECK(strict.msg[0].decoded_in == mime::mode::strict);
    writer w(buf, sizeof buf);
    CHECK(mime::decode_content(strict.msg[0], w).ec != errc{});
    parsed tolerant;
    parse(tolerant, in, mime::tolerant_options);
    REQUIRE(tolerant.r);
    CHECK(tolerant.msg[0].decoded_in == mime::mode::tolerant);
    writer t(buf, sizeof buf);
    REQUIRE(mime::decode_content(tolerant.msg[0], t));
    CHECK(std::string_view(buf, t.size()) == "hi");
    writer s(buf, sizeof buf);
    CHECK(mime::decode_content(tolerant.msg[0], s, mime::mode::strict).ec != errc{});  // told otherwise
}
