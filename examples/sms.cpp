// The GSM 03.40 User Data Header (docs/sms.md): a segment's UDH written before its text, then
// the user data read back into the UDH's elements and the text after it, as any SMS protocol
// (CMPP's TP_udhi, SMPP's esm_class) carries it.
#include <cstdio>

// [snippet:sms-udh]
#include <smsgw/sms.hpp>
namespace sms = smsgw::sms;

// Segment 2 of 3 of message 0x1234 (16-bit reference), then its text.
smsgw::result write_segment(smsgw::bytes text, smsgw::mutable_bytes buffer) {
    smsgw::writer out(buffer);
    sms::write_concat_udh(out, sms::concat_reference::ref16, 0x1234, 3, 2);  // 7 bytes
    out.write(text.data(), text.size());
    return out.finish();  // buffer_too_small: offset = size needed
}

// Which segment of which message a user data is, and its text.
smsgw::result read_segment(smsgw::bytes user_data, sms::user_data& ud) {
    smsgw::result r = sms::parse_user_data(user_data, 1, ud);  // 1: TP_udhi set
    if (!r) std::printf("bad UDH: %s at byte %zu\n", r.message(), r.offset);  // bad_udh, duplicate_field
    return r;
}
// [/snippet]

int main() {
    unsigned char buffer[140];
    const smsgw::result w = write_segment(std::string_view("hello"), buffer);
    sms::user_data ud;
    const smsgw::result r = read_segment(smsgw::bytes(buffer, w.offset), ud);
    std::printf("message %04x: segment %u of %u, %zu bytes of text\n", ud.concat.reference, ud.concat.number,
                ud.concat.total, ud.text.size());
    const unsigned char cut[] = {0x06, 0x08, 0x04, 0x12};  // UDHL says 6, 3 bytes follow
    sms::user_data bad;
    const smsgw::result e = read_segment(cut, bad);
    return w && w.offset == 12 && r && ud.concatenated && ud.concat.reference == 0x1234 && ud.concat.number == 2 &&
                   ud.concat.total == 3 && ud.text.size() == 5 && e.ec == smsgw::errc::bad_udh && e.offset == 0
               ? 0
               : 1;
}
