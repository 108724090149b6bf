#include "smsgw/mime/encoder.hpp"

#include <string>
#include <vector>

#include "smsgw/mime/message.hpp"
#include "test.hpp"

using namespace smsgw;

namespace {
std::string encode_to_string(const mime::message_spec& spec, result* out = nullptr) {
    std::string s(encoded_size(spec), '\0');
    test::alloc_counter allocs;
    auto r = encode(spec, mutable_bytes(reinterpret_cast<byte*>(s.data()), s.size()));
    CHECK(allocs.count() == 0);
    if (out) *out = r;
    if (!r) return {};
    CHECK(r.offset == s.size());
    return s;
}

std::string decoded(const mime::part& p) {
    std::string buf(p.decoded_size_max(), '\0');
    writer w(buf.data(), buf.size());
    REQUIRE(mime::decode_content(p, w));
    return buf.substr(0, w.size());
}
}  // namespace

TEST_CASE("round trip: every byte value, each transfer encoding, non-ASCII headers and filenames") {
    std::string binary;
    for (int i = 0; i < 3 * 256; ++i) binary += static_cast<char>(i % 256);
    const std::string text = "line one\r\nline two with trailing blank \r\nend";
    std::string qp = "café = 10€\tand a very long line ";
    qp.append(120, 'x').append(" done");
    const std::string subject = "閃光一號 and a long subject 閃光一號閃光一號閃光一號閃光一號閃光一號";
    const mime::field top[] = {{"Subject", subject},
                               {"From", "0000013969"}};
    const mime::field extra[] = {{"X-Note", "附註"}};
    const mime::part_spec parts[] = {
        {"application/octet-stream", binary, mime::transfer_encoding::base64, "閃光.bin", "attachment", "<b1>", extra},
        {"text/plain; charset=utf-8", text, mime::transfer_encoding::seven_bit, "", "attachment", "", {}},
        {"text/plain; charset=utf-8", qp, mime::transfer_encoding::quoted_printable, "a \"q\".txt", "inline", "", {}},
        {"application/empty", {}, mime::transfer_encoding::base64, "", "attachment", "", {}},
    };
    mime::message_spec spec{top, "related", "", parts, mime::rfc_names};
    result er;
    const std::string msg = encode_to_string(spec, &er);
    INFO(er.message() << " " << (er.field ? er.field : ""));
    REQUIRE(er);

    // CRLF only, every line within 78 characters (RFC 5322 §2.1.1), base64 lines of 76.
    std::size_t start = 0;
    while (start < msg.size()) {
        std::size_t nl = msg.find('\n', start);
        REQUIRE(nl != std::string::npos);
        CHECK(msg[nl - 1] == '\r');
        CHECK(nl - 1 - start <= 78);
        start = nl + 1;
    }

    mime::part storage[8];
    mime::message m(storage);
    test::alloc_counter allocs;
    REQUIRE(mime::decode(msg, m));
    CHECK(allocs.count() == 0);
    REQUIRE(m.size() == 5);
    CHECK(m.root().type.is("multipart", "related"));
    CHECK(m.root().type.boundary().substr(0, 2) == "=_");
    char buf[512];
    writer w(buf, sizeof buf);
    REQUIRE(mime::decode_text(m.headers().value("subject"), w));
    CHECK(std::string_view(buf, w.size()) == top[0].value);
    CHECK(m.headers().value("from") == "0000013969");

    CHECK(decoded(m[1]) == binary);
    CHECK(decoded(m[2]) == text);
    CHECK(decoded(m[3]) == qp);
    CHECK(decoded(m[4]).empty());
    writer f(buf, sizeof buf);
    REQUIRE(mime::filename(m[1], f));
    CHECK(std::string_view(buf, f.size()) == "閃光.bin");
    writer f2(buf, sizeof buf);
    REQUIRE(mime::filename(m[3], f2));
    CHECK(std::string_view(buf, f2.size()) == "a \"q\".txt");
    CHECK(m[3].disposition.is("inline"));
    CHECK(mime::normalized_content_id(m[1].content_id) == "b1");
    writer x(buf, sizeof buf);
    REQUIRE(mime::decode_text(m[1].headers.value("x-note"), x));
    CHECK(std::string_view(buf, x.size()) == "附註");
}

TEST_CASE("encode_field: encoded-words split on characters, within 75 columns") {
    std::string value;
    for (int i = 0; i < 40; ++i) value += "號";
    char buf[1024];
    writer w(buf, sizeof buf);
    REQUIRE(mime::encode_field({"Subject", value}, w));
    std::string_view out(buf, w.size());
    CHECK(out.substr(0, 19) == "Subject: =?utf-8?B?");
    std::size_t words = 0;
    for (std::size_t k = 0; (k = out.find("=?utf-8?B?", k)) != std::string_view::npos; ++k) {
        std::size_t e = out.find("?=", k + 10);
        CHECK(e + 2 - k <= 75);
        ++words;
    }
    CHECK(words == 3);
    char dec[256];
    writer d(dec, sizeof dec);
    REQUIRE(mime::decode_text(out.substr(9, out.size() - 11), d));
    CHECK(std::string_view(dec, d.size()) == value);
    // A value that looks like an encoded-word is encoded, so that it reads back as itself.
    writer l(buf, sizeof buf);
    REQUIRE(mime::encode_field({"Subject", "=?x?"}, l));
    CHECK(std::string_view(buf, l.size()) == "Subject: =?utf-8?B?PT94Pw==?=\r\n");
}

TEST_CASE("encoder errors name the field") {
    char buf[256];
    writer w(buf, sizeof buf);
    auto r = mime::encode_field({"Bad Name", "x"}, w);
    CHECK(r.ec == errc::bad_character);
    CHECK(std::string_view(r.field) == "field name");
    r = mime::encode_field({"Subject", "a\r\nBcc: x"}, w);
    CHECK(r.ec == errc::bad_character);
    CHECK(std::string_view(r.field) == "field value");
    r = mime::encode_field({"Subject", "\xff"}, w);
    CHECK(r.ec == errc::invalid_utf8);
    r = mime::encode_field({"", "x"}, w);
    CHECK(r.ec == errc::empty_field);

    const std::string body = "text\r\n--fixed\r\nmore";
    const mime::part_spec parts[] = {{"text/plain", body, mime::transfer_encoding::seven_bit, "", "attachment", "", {}}};
    mime::message_spec spec{{}, "mixed", "fixed", parts, mime::rfc_names};
    result er;
    encode_to_string(spec, &er);
    CHECK(er.ec == errc::boundary_collision);
    CHECK(std::string_view(er.field) == "boundary");
    // The same content with a chosen boundary: picked so it does not occur.
    spec.boundary = "";
    const std::string ok = encode_to_string(spec, &er);
    REQUIRE(er);
    mime::part storage[4];
    mime::message m(storage);
    REQUIRE(mime::decode(ok, m));
    REQUIRE(m.size() == 2);
    CHECK(m[1].body == body);
    const mime::part_spec bad_type[] = {{"text/plain\r\nX: y", body, mime::transfer_encoding::base64, "", "attachment", "", {}}};
    spec.parts = bad_type;
    encode_to_string(spec, &er);
    CHECK(er.ec == errc::bad_character);
}
