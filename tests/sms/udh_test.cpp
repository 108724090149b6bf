#include "smsgw/sms/udh.hpp"

#include <string>
#include <vector>

#include "test.hpp"

using smsgw::byte;
using smsgw::errc;
using smsgw::result;
using smsgw::test::bytes_of;
using smsgw::test::string_of;
namespace sms = smsgw::sms;

namespace {
}  // namespace

TEST_CASE("parse_user_data: TP_udhi 0, 1, 0x40 and 0x41 (G6)") {
    const std::string content = bytes_of({5, 0, 3, 9, 2, 1}) + "hello";
    for (int udhi : {1, 0x40, 0x41}) {
        sms::user_data ud;
        REQUIRE(sms::parse_user_data(content, static_cast<std::uint8_t>(udhi), ud));
        CHECK(ud.concatenated);
        CHECK(ud.concat.reference == 9);
        CHECK(ud.concat.total == 2);
        CHECK(ud.concat.number == 1);
        CHECK(ud.concat.offset == 1);
        CHECK(string_of(ud.udh) == content.substr(0, 6));
        CHECK(string_of(ud.text) == "hello");
    }
    sms::user_data ud;
    REQUIRE(sms::parse_user_data(content, 0, ud));
    CHECK_FALSE(ud.concatenated);
    CHECK(ud.udh.empty());
    CHECK(string_of(ud.text) == content);
    const result r = sms::parse_user_data(content, 2, ud);
    CHECK(r == result{errc::out_of_range, 0, "TP_udhi"});
    CHECK(std::string(r.field) == "TP_udhi");
}

TEST_CASE("parse_user_data tolerates other elements beside the concatenation one") {
    // Application port addressing (IEI 05, 4 bytes) then a 16-bit reference concatenation.
    const std::string content = bytes_of({0x0C, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0, 0x08, 0x04, 0xAB, 0xCD, 0x03, 0x02}) + "xy";
    sms::user_data ud;
    REQUIRE(sms::parse_user_data(content, 1, ud));
    CHECK(ud.concatenated);
    CHECK(ud.concat.reference_size == sms::concat_reference::ref16);
    CHECK(ud.concat.reference == 0xABCD);
    CHECK(ud.concat.total == 3);
    CHECK(ud.concat.number == 2);
    CHECK(ud.concat.offset == 7);
    CHECK(string_of(ud.text) == "xy");
    // A UDH without a concatenation element is a message on its own.
    const std::string ported = bytes_of({0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0, 'z'});
    REQUIRE(sms::parse_user_data(ported, 1, ud));
    CHECK_FALSE(ud.concatenated);
    CHECK(string_of(ud.text) == "z");
    // An element of length 0 and a UDH that fills the whole content.
    const std::string udh_only = bytes_of({0x02, 0x70, 0x00});
    REQUIRE(sms::parse_user_data(udh_only, 1, ud));
    CHECK(ud.text.empty());
}

TEST_CASE("every UDH length is checked against UDHL and Msg_Length (G10)") {
    struct bad_case {
        std::string content;
        result expected;
    };
    const bad_case cases[] = {
        {"", {errc::bad_udh, 0}},                                             // TP_udhi 1, nothing
        {bytes_of({0x06, 0, 3, 1, 2, 1}), {errc::bad_udh, 0}},                // UDHL beyond the content
        {bytes_of({0x01, 0x00}), {errc::bad_udh, 1}},                         // an IEI without its length
        {bytes_of({0x05, 0x00, 0x04, 1, 2, 1}), {errc::bad_udh, 2}},          // element overruns UDHL
        {bytes_of({0x06, 0x00, 0x04, 1, 2, 1, 0}), {errc::bad_udh, 2}},       // 8-bit concat of length 4
        {bytes_of({0x06, 0x08, 0x03, 1, 2, 1, 0}), {errc::bad_udh, 2}},       // 16-bit concat of length 3
        {bytes_of({0x05, 0x00, 0x03, 1, 0, 0}), {errc::bad_udh, 4}},          // total 0
        {bytes_of({0x05, 0x00, 0x03, 1, 2, 0}), {errc::bad_udh, 5}},          // number 0
        {bytes_of({0x05, 0x00, 0x03, 1, 2, 3}), {errc::bad_udh, 5}},          // number above total
        {bytes_of({0x06, 0x08, 0x04, 1, 1, 2, 3}), {errc::bad_udh, 6}},       // the same, 16-bit
        {bytes_of({0x0A, 0x00, 0x03, 1, 2, 1, 0x00, 0x03, 1, 2, 2}), {errc::duplicate_field, 6}},
        {bytes_of({0x07, 0x05, 0x04, 0, 0, 0, 0, 0x00}), {errc::bad_udh, 7}},  // trailing lone IEI
    };
    for (const auto& c : cases) {
        sms::user_data ud;
        CHECK(sms::parse_user_data(c.content, 1, ud) == c.expected);
    }
}

TEST_CASE("application port addressing, 8- and 16-bit (GSM 03.40 9.2.3.24.3 and .4)") {
    sms::user_data ud;
    // IEI 05: destination 0x0B84 (WAP push), originator 0x23F0.
    const std::string wide = bytes_of({0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0, 'z'});
    REQUIRE(sms::parse_user_data(wide, 1, ud));
    CHECK(ud.addressed);
    CHECK(ud.ports.wide);
    CHECK(ud.ports.destination == 0x0B84);
    CHECK(ud.ports.source == 0x23F0);
    CHECK(ud.ports.offset == 1);
    // IEI 04, after a concatenation element.
    const std::string narrow = bytes_of({0x09, 0x00, 0x03, 7, 2, 2, 0x04, 0x02, 0xF5, 0x10, 'q'});
    REQUIRE(sms::parse_user_data(narrow, 1, ud));
    CHECK(ud.concatenated);
    CHECK(ud.concat.reference_size == sms::concat_reference::ref8);
    CHECK(ud.concat.reference == 7);
    CHECK(ud.addressed);
    CHECK_FALSE(ud.ports.wide);
    CHECK(ud.ports.destination == 0xF5);
    CHECK(ud.ports.source == 0x10);
    CHECK(ud.ports.offset == 6);
    CHECK(string_of(ud.text) == "q");
}

TEST_CASE("malformed port elements: their exact length, one of them") {
    struct bad_case {
        std::string content;
        result expected;
    };
    const bad_case cases[] = {
        {bytes_of({0x05, 0x05, 0x03, 1, 2, 3}), {errc::bad_udh, 2}},                       // 16-bit ports of length 3
        {bytes_of({0x05, 0x04, 0x03, 1, 2, 3}), {errc::bad_udh, 2}},                       // 8-bit ports of length 3
        {bytes_of({0x08, 0x04, 0x02, 1, 2, 0x05, 0x04, 1, 2}), {errc::bad_udh, 6}},        // overruns UDHL
        {bytes_of({0x0A, 0x04, 0x02, 1, 2, 0x05, 0x04, 1, 2, 3, 4}), {errc::duplicate_field, 5}},
    };
    for (const auto& c : cases) {
        sms::user_data ud;
        CHECK(sms::parse_user_data(c.content, 1, ud) == c.expected);
        CHECK_FALSE(ud.addressed);
    }
}

TEST_CASE("read_elements hands over every element, unknown ones included, with its offset") {
    // Special SMS message indication (IEI 01), a 16-bit reference, an element of length 0.
    const std::string content = bytes_of({0x0C, 0x01, 0x02, 0x01, 0x05, 0x08, 0x04, 0x12, 0x34, 2, 1, 0x70, 0x00, 'x'});
    std::vector<std::pair<int, std::string>> seen;
    std::vector<std::size_t> offsets;
    const result r = sms::read_elements(content, [&](const sms::information_element& e) {
        seen.emplace_back(e.id, string_of(e.data));
        offsets.push_back(e.offset);
        return result{};
    });
    CHECK(r == result{errc{}, 13});
    REQUIRE(seen.size() == 3);
    CHECK(seen[0] == std::make_pair(0x01, bytes_of({0x01, 0x05})));
    CHECK(seen[1] == std::make_pair(0x08, bytes_of({0x12, 0x34, 2, 1})));
    CHECK(seen[2] == std::make_pair(0x70, std::string()));
    CHECK(offsets == std::vector<std::size_t>{1, 5, 11});
    // The callback's error stops the walk and is the answer.
    std::size_t calls = 0;
    const result stopped = sms::read_elements(content, [&](const sms::information_element& e) {
        ++calls;
        return e.id == 0x08 ? smsgw::fail(errc::unknown_field, e.offset) : result{};
    });
    CHECK(stopped == result{errc::unknown_field, 5});
    CHECK(calls == 2);
}

TEST_CASE("write_concat_udh writes the 6- and 7-byte headers parse_user_data reads back") {
    byte buf[8];
    smsgw::writer w(buf);
    sms::write_concat_udh(w, sms::concat_reference::ref8, 0x1A7, 3, 2);
    REQUIRE(w.finish());
    CHECK(string_of(smsgw::bytes(buf, w.size())) == bytes_of({0x05, 0x00, 0x03, 0xA7, 3, 2}));
    CHECK(w.size() == sms::concat_udh_size(sms::concat_reference::ref8));
    smsgw::writer w16(buf);
    sms::write_concat_udh(w16, sms::concat_reference::ref16, 0x1234, 3, 3);
    REQUIRE(w16.finish());
    CHECK(string_of(smsgw::bytes(buf, w16.size())) == bytes_of({0x06, 0x08, 0x04, 0x12, 0x34, 3, 3}));
    CHECK(w16.size() == sms::concat_udh_size(sms::concat_reference::ref16));
    sms::user_data ud;
    REQUIRE(sms::parse_user_data(smsgw::bytes(buf, w16.size()), 1, ud));
    CHECK(ud.concat.reference == 0x1234);
    CHECK(ud.concat.number == 3);
    smsgw::writer small(buf, 5);
    sms::write_concat_udh(small, sms::concat_reference::ref8, 1, 2, 1);
    CHECK(small.finish() == result{errc::buffer_too_small, 6});
}
