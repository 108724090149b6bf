// CMPP 3.0 (docs/cmpp.md): a SUBMIT from a struct to bytes, and the bytes cut from a stream,
// decoded as whichever PDU they are and read back.
#include <smsgw/cmpp.hpp>

#include <cstdio>

namespace cmpp = smsgw::cmpp;

int main() {
    const unsigned char ucs2_text[] = {0x77, 0xED, 0x4F, 0xE1};  // "短信" (Msg_Fmt 8)
    const std::string_view to[] = {"13800138000"};
    cmpp::submit s;
    s.ver = cmpp::version::v30;
    s.sequence_id = 1;
    s.service_id = "MCN";
    s.msg_fmt = 8;
    s.src_id = "10690001";
    s.dest_terminal_ids = to;  // the caller's array, not copied
    s.msg_content = smsgw::bytes(ucs2_text, sizeof ucs2_text);
    unsigned char buf[4096];
    const smsgw::result r = smsgw::encode(s, buf);  // r.offset bytes, or field_too_long naming the field

    // Receive: cut the stream, decode whichever PDU it is, switch on it.
    const smsgw::bytes received(buf, r.offset);
    const cmpp::frame f = cmpp::next_frame(received, {cmpp::version::v30});
    cmpp::pdu p;
    const smsgw::result d = f.status == cmpp::frame_status::ready
                                ? cmpp::decode(received.first(f.size), p, cmpp::version::v30)
                                : smsgw::fail(smsgw::errc::truncated, 0);
    const cmpp::submit* back = d ? p.get<cmpp::submit>() : nullptr;
    std::printf("%zu bytes, %s\n", r.offset, back != nullptr ? "a SUBMIT" : d.message());
    return back != nullptr && back->sequence_id == 1 && back->dest_terminal_ids.size() == 1 &&
                   back->msg_content.size() == 4
               ? 0
               : 1;
}
