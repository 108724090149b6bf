#include "smsgw/imsp/get_mime.hpp"

#include <string>
#include <string_view>
#include <vector>

#include "imsp_test.hpp"
#include "smsgw/codec/base64.hpp"

using smsgw::errc;
using smsgw::result;
using smsgw::imsp::get_mime_request;
using smsgw::imsp::get_mime_response;
using smsgw::imsp::mo_packet;

namespace {

// §5.1 as printed: the SMIL's four whole lines (the rest is elided, "以下略"), the text, and the
// JPEG's printed lines (uneven, 65 to 70 columns), of which the last character is dropped to keep
// whole base64 quanta.
constexpr std::string_view smil_lines[] = {
    "PHNtaWw+CiA8aGVhZD4KICA8bGF5b3V0PgogICA8cm9vdC1sYXlvdXQgaGVpZ2h0PSIxMjciIHdp",
    "ZHRoPSIxMTEiLz4KICAgPHJlZ2lvbiBpZD0iSW1hZ2UiIHRvcD0iNTAlIiBsZWZ0PSIwJSIgaGVp",
    "Z2h0PSI1MCUiIHdpZHRoPSIxMDAlIi8+CiAgIDxyZWdpb24gaWQ9IlRleHQiIHRvcD0iMCUiIGxl",
    "ZnQ9IjAlIiBoZWlnaHQ9IjUwJSIgd2lkdGg9IjEwMCUiLz4KICA8L2xheW91dD4KIDwvaGVhZD4K"};
constexpr std::string_view text_line = "6YCZ5piv6ZaD5YWJ5LiA6Jmf";
constexpr std::string_view jpeg_lines[] = {
    "/9j/4QEQRXhpZgAASUkqAAgAAAAGABoBBQABAAAAVgAAABsBBQABAAAAXgAAACgBAwABAA",
    "AAAgAAADIBAgAUAAAAZgAAABMCAwABAAAAAQAAAGmHBAABAAAAegAAAAAAAABIAAA",
    "AAQAAAEgAAAABAAAAMjAwNTowMzowODoxMzo0OTo0NQAIAACQBwAEAAAAMDIxMAOQAgA",
    "UAAAA4AAAAASQAgAUAAAA9AAAAAGRBwAEAAAAAQIDAACgBwAEAAAAMDEwMAGgAwAB",
    "AAAAAQAAAAKgAwABAAAA4AEAAAOgAwABAAAAgAIAAAAAAAAyMDA1OjAzOjA4OjEzOjQ5Oj",
    "Q1ADIwMDU6MDM6MDg6MTM6NDk6NDUA/9sAhAAGBAUFBQQGBQUFBwYGBwkPCgkICAkSDQ4",
    "LDxYTFxcVExUV"};

std::string joined(const std::string_view* lines, std::size_t n, const char* sep) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += std::string(lines[i]) + sep;
    return s;
}

std::string base64_decoded(std::string_view text) {
    std::string out(smsgw::codec::base64::decoded_size_max(text.size()), '\0');
    smsgw::writer w(out.data(), out.size());
    const result r = smsgw::codec::base64::decode(
        text, w, {smsgw::codec::base64::alphabet::standard, smsgw::codec::base64::mode::mime});
    REQUIRE(r);
    out.resize(r.offset);
    return out;
}

std::string wrap76(const std::string& b64) {
    std::string out;
    for (std::size_t i = 0; i < b64.size(); i += 76) out += b64.substr(i, 76) + "\r\n";
    return out;
}

struct spec_contents {
    std::string smil = base64_decoded(joined(smil_lines, 4, ""));
    std::string text = base64_decoded(text_line);
    std::string jpeg = base64_decoded(joined(jpeg_lines, 7, ""));
};

std::string part_head(const char* type, const char* file, const char* id) {
    return std::string("------=_CHT_MMS_BOUNDARY.96625\r\nContent-type: ") + type +
           "\r\nContent-transfer-encoding: base64\r\nContent-disposition: attachment; filename=\"" + file +
           "\"\r\nContent-id: " + id + "\r\n\r\n";
}

// The §5.1 packet, with the JPEG either in 76-column lines (as an encoder writes it) or as printed.
std::string spec_packet(bool jpeg_as_printed) {
    return "Date: 2005/03/08 13:52:53 CST\r\n"
           "To: 44441\r\n"
           "From: 0000013969\r\n"
           "Msgid: 96625\r\n"
           "Subject: =?utf-8?B?6ZaD5YWJ5LiA6Jmf?=\r\n"
           "Content_number: 3\r\n"
           "Mime-version: 1.0\r\n"
           "Content-type: multipart/mixed; boundary=\"----=_CHT_MMS_BOUNDARY.96625\"\r\n"
           "\r\n" +
           part_head("application/smil", "96625_0.smil", "\"<t0>") + joined(smil_lines, 4, "\r\n") + "\r\n" +
           part_head("text/plain", "96625_1.txt", "t1.txt") + std::string(text_line) + "\r\n\r\n" +
           part_head("image/jpeg", "96625_2.jpg", "picture014.jpg") +
           (jpeg_as_printed ? joined(jpeg_lines, 7, "\r\n") : wrap76(joined(jpeg_lines, 7, ""))) + "\r\n" +
           "------=_CHT_MMS_BOUNDARY.96625--\r\n";
}

}  // namespace

TEST_CASE("get_mime: the spec's request (§3.5 examples one and two)") {
    std::string body;
    REQUIRE(smsgw::encode_append(get_mime_request{"1xxxx", "xxxxx"}, body));
    CHECK(body == "account=1xxxx&password=xxxxx");
    CHECK(std::string(smsgw::imsp::base_url) + std::string(smsgw::imsp::path(smsgw::imsp::command::get_mime)) + "?" + body ==
          "https://imsp.emome.net:4443/imsp/mms/servlet/get_mime?account=1xxxx&password=xxxxx");
    char scratch[64];
    get_mime_request back;
    smsgw::test::alloc_counter guard;
    REQUIRE(smsgw::imsp::decode(body, back, smsgw::mutable_bytes(reinterpret_cast<smsgw::byte*>(scratch), sizeof scratch)));
    CHECK(guard.count() == 0);
    CHECK(back.account == "1xxxx");
    CHECK(back.password == "xxxxx");
    CHECK(smsgw::imsp::decode(std::string_view("account=1xxxx&password=xxxxx&message_id=1"), back,
                              smsgw::mutable_bytes(reinterpret_cast<smsgw::byte*>(scratch), sizeof scratch)) ==
          result{errc::unknown_field, 29});
    body.clear();
    CHECK(smsgw::encode_append(get_mime_request{"1xxxx", ""}, body) == result{errc::empty_field, 0, "password"});
}

TEST_CASE("get_mime: 202, nothing waiting (§3.5 example one)") {
    get_mime_response r;
    const std::string_view page = "<html> <header></header> <body>1 <br> No MO message found <br> </body> </html>";
    smsgw::mime::part storage[4];
    REQUIRE(smsgw::imsp::decode(202, page, r, storage) == result{errc{}, page.size()});
    CHECK_FALSE(r.has_packet());
    CHECK(r.reply.code == smsgw::imsp::return_code::no_mo_message);
    CHECK(r.reply.description == "No MO message found");
    CHECK(r.contents().begin() == r.contents().end());  // no packet, no contents (walked, not crashed)
    CHECK(smsgw::imsp::decode(202, std::string_view("Date: x\r\n"), r, storage).ec == errc::bad_response);
    CHECK(smsgw::imsp::decode(500, page, r, storage) == result{errc::out_of_range, 0, "status"});
}

TEST_CASE("get_mime: 200, the §5.1 packet written as the gateway writes it") {
    const spec_contents c;
    CHECK(c.text == "這是閃光一號");
    const smsgw::mime::part_spec parts[] = {
        {"application/smil", c.smil, smsgw::mime::transfer_encoding::base64, "96625_0.smil", "attachment", "\"<t0>", {}},
        {"text/plain", c.text, smsgw::mime::transfer_encoding::base64, "96625_1.txt", "attachment", "t1.txt", {}},
        {"image/jpeg", c.jpeg, smsgw::mime::transfer_encoding::base64, "96625_2.jpg", "attachment", "picture014.jpg", {}}};
    const mo_packet p{"2005/03/08 13:52:53 CST", "44441", "0000013969", "96625", "閃光一號", parts};
    std::string out;
    REQUIRE(smsgw::encode_append(p, out));
    CHECK(out == spec_packet(false));
    out.clear();
    CHECK(smsgw::encode_append(mo_packet{"d", "t", "f", "9x", "s", parts}, out) == result{errc::bad_character, 1, "Msgid"});
}

TEST_CASE("get_mime: 200, the §5.1 packet decoded: fields, subject, parts") {
    const spec_contents c;
    for (bool printed : {false, true}) {
        INFO(printed);
        const std::string packet = spec_packet(printed);
        smsgw::mime::part storage[8];
        get_mime_response r;
        smsgw::test::alloc_counter guard;
        REQUIRE(smsgw::imsp::decode(200, packet, r, storage) == result{errc{}, packet.size()});
        REQUIRE(r.has_packet());
        CHECK(r.date == "2005/03/08 13:52:53 CST");
        CHECK(r.to == "44441");
        CHECK(r.from == "0000013969");
        CHECK(r.msgid == "96625");
        CHECK(r.content_number == 3);
        char subject[32];
        smsgw::writer sw(subject, sizeof subject);
        REQUIRE(smsgw::imsp::decode_subject(r, sw));
        CHECK(std::string_view(subject, sw.size()) == "閃光一號");
        const char* types[] = {"smil", "plain", "jpeg"};
        const char* ids[] = {"\"<t0>", "t1.txt", "picture014.jpg"};
        const char* files[] = {"96625_0.smil", "96625_1.txt", "96625_2.jpg"};
        const std::string* contents[] = {&c.smil, &c.text, &c.jpeg};
        std::size_t k = 0;
        for (const smsgw::mime::part& part : r.contents()) {
            REQUIRE(k < 3);
            CHECK(part.type.subtype == types[k]);
            CHECK(part.content_id == ids[k]);
            char name[32];
            smsgw::writer nw(name, sizeof name);
            REQUIRE(smsgw::mime::filename(part, nw));
            CHECK(std::string_view(name, nw.size()) == files[k]);
            char content[512];
            smsgw::writer cw(content, sizeof content);
            REQUIRE(smsgw::mime::decode_content(part, cw));
            CHECK(std::string_view(content, cw.size()) == *contents[k]);
            ++k;
        }
        CHECK(k == 3);
        CHECK(guard.count() == 0);
    }
}

TEST_CASE("get_mime: 200, packets that are not what §5.1 describes") {
    const std::string packet = spec_packet(false);
    smsgw::mime::part storage[8];
    get_mime_response r;
    auto with = [&](std::string_view from, std::string_view to) {
        std::string p = packet;
        p.replace(p.find(from), from.size(), to);
        return p;
    };
    auto error = [&](const std::string& p) {
        r.msgid = "keep";
        const result res = smsgw::imsp::decode(200, p, r, storage);
        CHECK(r.msgid == "keep");
        return res;
    };
    const result count = error(with("Content_number: 3", "Content_number: 4"));
    CHECK(count == result{errc::count_mismatch, 113, "Content_number"});
    CHECK(error(with("Content_number: 3", "Content_number: x")) == result{errc::bad_character, 113, "Content_number"});
    const result missing = error(with("Msgid: 96625\r\n", ""));
    CHECK(missing.ec == errc::missing_field);
    CHECK(std::string_view(missing.field) == "Msgid");
    CHECK(error(with("Msgid: 96625", "Msgid: 96-25")) == result{errc::bad_character, 60, "Msgid"});
    CHECK(std::string_view(error(with("Date: 2005/03/08 13:52:53 CST\r\n", "")).field) == "Date");
    CHECK(std::string_view(error(with("Subject: =?utf-8?B?6ZaD5YWJ5LiA6Jmf?=\r\n", "")).field) == "Subject");
    const std::string single = "Date: d\r\nTo: t\r\nFrom: f\r\nMsgid: 1\r\nSubject: s\r\nContent_number: 0\r\n\r\nhello";
    CHECK(error(single) == result{errc::bad_response, 0, "Content-type"});
    // the MIME module's own errors come through, strict by default
    CHECK(error(with("------=_CHT_MMS_BOUNDARY.96625--\r\n", "")).ec == errc::missing_close_delimiter);
    // too little storage for the parts: the count no longer matches
    smsgw::mime::part small[2];
    CHECK(smsgw::imsp::decode(200, packet, r, small).ec == errc::too_many);
}
