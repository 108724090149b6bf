#include "smsgw/mime/body.hpp"

#include <string>

#include "test.hpp"

using namespace smsgw;
using mime::transfer_encoding;

namespace {
struct out_t {
    result r;
    std::string bytes;
};
out_t decode(std::string_view raw, transfer_encoding e, mime::mode m = mime::mode::strict, mime::defect_log* log = nullptr) {
    out_t o;
    std::string buf(mime::decoded_size_max(e, raw.size()), '\0');
    writer w(buf.data(), buf.size());
    test::alloc_counter allocs;
    o.r = mime::decode_body(raw, e, w, m, log, 1000);
    CHECK(allocs.count() == 0);
    o.bytes = buf.substr(0, w.size());
    if (o.r) CHECK(o.r.offset == w.size());
    return o;
}
}  // namespace

TEST_CASE("transfer encodings by name") {
    CHECK(mime::classify_transfer_encoding(" BASE64 ") == transfer_encoding::base64);
    CHECK(mime::classify_transfer_encoding("Quoted-Printable") == transfer_encoding::quoted_printable);
    CHECK(mime::classify_transfer_encoding("") == transfer_encoding::seven_bit);
    CHECK(mime::classify_transfer_encoding("8bit") == transfer_encoding::eight_bit);
    CHECK(mime::classify_transfer_encoding("binary") == transfer_encoding::binary);
    CHECK(mime::classify_transfer_encoding("x-uuencode") == transfer_encoding::unknown);
    CHECK(std::string_view(mime::name(transfer_encoding::quoted_printable)) == "quoted-printable");
}

TEST_CASE("base64 bodies: lines of any length, blanks (notes §3.2 case 04)") {
    auto o = decode("6YCZ5piv\r\n6ZaD5Y WJ5LiA\t6Jmf \r\n", transfer_encoding::base64);
    REQUIRE(o.r);
    CHECK(o.bytes == "這是閃光一號");
    o = decode("6YCZ5piv6ZaD5YWJ5LiA6Jm", transfer_encoding::base64);  // padding left out
    REQUIRE(o.r);
}

TEST_CASE("base64 garbage: strict error at its offset, tolerant skips and records") {
    // Case 05: '*' inside the text (enmime's malformed-base64-attach: PGh0*bWw+Cg==).
    auto o = decode("PGh0*bWw+Cg==", transfer_encoding::base64);
    CHECK(o.r.ec == errc::bad_character);
    CHECK(o.r.offset == 1004);
    mime::defect_log log;
    o = decode("PGh0*bWw+Cg==", transfer_encoding::base64, mime::mode::tolerant, &log);
    REQUIRE(o.r);
    CHECK(o.bytes == "<html>\n");
    REQUIRE(log.size() == 1);
    CHECK(log[0].kind == mime::defect_kind::bad_base64);
    CHECK(log[0].offset == 1004);
    // Case 06: padding inside the text. Strict stops; tolerant goes on (MimeKit, mimetic), recorded.
    o = decode("6YCZ5g==\r\n5piv", transfer_encoding::base64);
    CHECK(o.r.ec == errc::bad_padding);
    log.clear();
    o = decode("6YCZ5g==\r\n5piv", transfer_encoding::base64, mime::mode::tolerant, &log);
    REQUIRE(o.r);
    CHECK(o.bytes == "\xe9\x80\x99\xe6\xe6\x98\xaf");
    CHECK(log.has(mime::defect_kind::base64_padding_inside));
    // A lone trailing character (bpo-27397): dropped and recorded.
    o = decode("YWJj\r\nZ", transfer_encoding::base64);
    CHECK(o.r.ec == errc::truncated);
    CHECK(o.r.offset == 1007);
    log.clear();
    o = decode("YWJj\r\nZ", transfer_encoding::base64, mime::mode::tolerant, &log);
    REQUIRE(o.r);
    CHECK(o.bytes == "abc");
    REQUIRE(log.size() == 1);
    CHECK(log[0].kind == mime::defect_kind::base64_trailing_bits);
}

TEST_CASE("quoted-printable: soft breaks, either case hex, transport padding, bad escapes") {
    auto o = decode("caf=C3=a9 =\r\nau=\nlait  \r\nx=  \r\ny", transfer_encoding::quoted_printable);
    REQUIRE(o.r);
    CHECK(o.bytes == "café aulait\r\nxy");
    o = decode("a=0D=0A\r\nb", transfer_encoding::quoted_printable);
    REQUIRE(o.r);
    CHECK(o.bytes == "a\r\n\r\nb");
    o = decode("1+1=G0", transfer_encoding::quoted_printable);
    CHECK(o.r.ec == errc::bad_escape);
    CHECK(o.r.offset == 1003);
    mime::defect_log log;
    o = decode("1+1=G0 and =", transfer_encoding::quoted_printable, mime::mode::tolerant, &log);
    REQUIRE(o.r);
    CHECK(o.bytes == "1+1=G0 and =");
    REQUIRE(log.size() == 2);
    CHECK(log[0].offset == 1003);
    CHECK(log[1].offset == 1011);
}

TEST_CASE("quoted-printable encode: 76 columns, trailing blanks, round trip") {
    std::string in(200, 'a');
    in[10] = '=';
    in[100] = '\xe9';
    in += " \r\nnext\tline\t";
    std::string enc(mime::quoted_printable::decoded_size_max(in.size()) * 3 + 64, '\0');
    writer w(enc.data(), enc.size());
    auto r = mime::quoted_printable::encode(in, w);
    REQUIRE(r);
    enc.resize(r.offset);
    std::size_t start = 0;
    while (start < enc.size()) {
        std::size_t nl = enc.find("\r\n", start);
        if (nl == std::string::npos) nl = enc.size();
        CHECK(nl - start <= 76);
        start = nl + 2;
    }
    CHECK(enc.find("=3D") != std::string::npos);
    CHECK(enc.find("=E9") != std::string::npos);
    CHECK(enc.find("=20\r\nnext") != std::string::npos);
    CHECK(enc.substr(enc.size() - 3) == "=09");
    auto o = decode(enc, transfer_encoding::quoted_printable);
    REQUIRE(o.r);
    CHECK(o.bytes == in);
}

TEST_CASE("7bit, 8bit, binary and unknown are copied; buffer_too_small gives the size") {
    auto o = decode("as is\r\n", transfer_encoding::binary);
    REQUIRE(o.r);
    CHECK(o.bytes == "as is\r\n");
    char small[2];
    writer w(small, sizeof small);
    auto r = mime::decode_body("YWJj", transfer_encoding::base64, w);
    CHECK(r.ec == errc::buffer_too_small);
    CHECK(r.offset == 3);
    writer measure;
    r = mime::decode_body("PGh0*bWw+Cg==", transfer_encoding::base64, measure, mime::mode::tolerant);
    CHECK(r.ec == errc::buffer_too_small);
    CHECK(r.offset == 7);
}
