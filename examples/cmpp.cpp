// CMPP 3.0 (docs/cmpp.md), both ends in one program: an SP logs in to an ISMG with the MD5
// authenticators, sends a long message split into UCS-2 segments with a status report
// requested, matches each SUBMIT_RESP by Sequence_Id and the report by Msg_Id, and puts back
// together an MO message whose segments arrive last first. Every PDU crosses as bytes, cut
// from the stream by the framer and decoded as whichever PDU it is.
#include <smsgw/cmpp.hpp>

#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace cmpp = smsgw::cmpp;

namespace {

const cmpp::version ver = cmpp::version::v30;

// The PDU that `wire` holds, cut by the framer and decoded into `p`, whose views point into
// `wire`; nullptr (and why) when it is not a T.
// [snippet:cmpp-receive]
template <class T>
const T* receive(const std::string& wire, cmpp::pdu& p) {
    const smsgw::bytes received(wire);
    const cmpp::frame f = cmpp::next_frame(received, {ver});
    const smsgw::result d = f.status == cmpp::frame_status::ready ? cmpp::decode(received.first(f.size), p, ver)
                                                                  : smsgw::fail(smsgw::errc::truncated, 0);
    if (!d) std::printf("refused: %s at byte %zu\n", d.message(), d.offset);
    return d ? p.get<T>() : nullptr;
}
// [/snippet]

template <class T>
std::string wire_of(const T& msg) {
    std::string out;
    smsgw::encode_append(msg, out);
    return out;
}

}  // namespace

int main() {
    const std::string_view sp_id = "901234";
    const std::string_view secret = "s3cret";
    cmpp::sequence_generator sequence;

    // [snippet:cmpp-connect]
    // CONNECT: AuthenticatorSource is MD5(Source_Addr, 9 NULs, secret, Timestamp).
    cmpp::connect c(ver);  // Version byte 0x30, from the codec version
    c.sequence_id = sequence.next();
    c.source_addr = sp_id;
    cmpp::pack_timestamp({12, 2, 14, 30, 0}, c.timestamp);  // MMDDHHMMSS: 12-02 14:30:00
    cmpp::authenticator_source(c.source_addr, secret, c.timestamp, c.authenticator_source);

    // The ISMG checks it and answers with AuthenticatorISMG = MD5(Status, AuthenticatorSource, secret).
    cmpp::pdu p;
    const std::string hello = wire_of(c);  // decoded PDUs are views into the bytes: keep them
    const cmpp::connect* login = receive<cmpp::connect>(hello, p);
    if (login == nullptr || !cmpp::verify_authenticator_source(login->authenticator_source, login->source_addr, secret,
                                                               login->timestamp)) {
        return 1;
    }
    cmpp::connect_resp accepted(ver);
    accepted.sequence_id = login->sequence_id;
    cmpp::authenticator_ismg(0, login->authenticator_source, secret, ver, accepted.authenticator_ismg);
    const std::string welcome = wire_of(accepted);
    const cmpp::connect_resp* answer = receive<cmpp::connect_resp>(welcome, p);
    if (answer == nullptr || answer->status != 0 ||
        !cmpp::verify_authenticator_ismg(answer->authenticator_ismg, answer->status, c.authenticator_source, secret, ver)) {
        return 1;
    }
    std::printf("logged in, Version 0x%02x\n", answer->version_byte);
    // [/snippet]

    // [snippet:cmpp-submit]
    // A 100-character message: two UCS-2 segments behind a UDH, one SUBMIT each.
    std::string text;
    for (int i = 0; i < 100; ++i) text += "\xE7\x9F\xAD";  // 短
    cmpp::splitter parts(text, {cmpp::msg_fmt_ucs2, cmpp::concat_reference::ref8, 0x2A});
    if (!parts.status()) return 1;
    const std::string_view to[] = {"13800138000"};
    std::map<std::uint32_t, int> awaiting;          // Sequence_Id -> segment number
    std::map<std::uint64_t, int> reported;          // Msg_Id -> segment number
    while (!parts.done()) {
        unsigned char content[140];
        smsgw::writer w(content);
        cmpp::segment seg;
        if (!parts.next(w, seg)) return 1;
        cmpp::submit s;
        s.ver = ver;
        s.sequence_id = sequence.next();
        s.pk_total = seg.pk_total;
        s.pk_number = seg.pk_number;
        s.registered_delivery = 1;  // ask for a status report
        s.service_id = "MCN";
        s.tp_udhi = seg.tp_udhi;
        s.msg_fmt = seg.msg_fmt;
        s.src_id = "10690001";
        s.dest_terminal_ids = to;       // the caller's array, not copied
        s.msg_content = seg.msg_content;  // UDH and UCS-2 text, bytes as they go on the wire
        unsigned char buf[4096];
        const smsgw::result r = smsgw::encode(s, buf);  // r.offset bytes, or field_too_long naming the field
    // [/snippet]
        if (!r) return 1;
        awaiting[s.sequence_id] = seg.pk_number;

        // The ISMG answers with the Msg_Id it gives the segment.
        const std::string sent(reinterpret_cast<const char*>(buf), r.offset);
        const cmpp::submit* got = receive<cmpp::submit>(sent, p);
        if (got == nullptr) return 1;
        cmpp::submit_resp resp;
        resp.ver = ver;
        resp.sequence_id = got->sequence_id;
        cmpp::pack_msg_id({12, 2, 14, 30, 1, 0x1234, static_cast<std::uint16_t>(got->sequence_id)}, resp.msg_id);
        const std::string answered = wire_of(resp);
        const cmpp::submit_resp* ack = receive<cmpp::submit_resp>(answered, p);
        if (ack == nullptr || awaiting.count(ack->sequence_id) == 0) return 1;
        reported[ack->msg_id] = awaiting[ack->sequence_id];
        awaiting.erase(ack->sequence_id);
    }
    std::printf("%zu segments submitted\n", reported.size());

    // A status report: a DELIVER with Registered_Delivery 1, its Msg_Content table 8.11's.
    cmpp::status_report report;
    report.msg_id = reported.begin()->first;
    report.stat = "DELIVRD";
    report.submit_time = "2612021430";
    report.done_time = "2612021431";
    report.dest_terminal_id = "13800138000";
    report.layout = cmpp::report_layout::bytes71;  // 3.0.0's 32-byte Dest_terminal_Id
    unsigned char report_bytes[71];
    smsgw::writer rw(report_bytes);
    if (!cmpp::encode(report, rw)) return 1;
    cmpp::deliver d;
    d.ver = ver;
    d.sequence_id = 7;
    d.dest_id = "10690001";
    d.src_terminal_id = "13800138000";
    d.registered_delivery = 1;
    d.msg_content = smsgw::bytes(report_bytes, rw.size());
    const std::string report_pdu = wire_of(d);
    // [snippet:cmpp-report]
    const cmpp::deliver* delivered = receive<cmpp::deliver>(report_pdu, p);
    cmpp::status_report back;
    if (delivered == nullptr || !cmpp::decode(delivered->msg_content, back) || reported.count(back.msg_id) == 0) return 1;
    std::printf("segment %d: %.*s\n", reported[back.msg_id], int(back.stat.size()), back.stat.data());
    // [/snippet]

    // An MO message in three segments, delivered last first, put back together from the UDH.
    std::string mo_text;
    for (int i = 0; i < 150; ++i) mo_text += "\xE4\xBF\xA1";  // 信
    std::vector<cmpp::segment> mo(3);
    std::vector<unsigned char> mo_storage(3 * 140);
    std::size_t mo_count = 0;
    if (!cmpp::split(mo_text, {cmpp::msg_fmt_ucs2, cmpp::concat_reference::ref8, 0x07}, mo_storage, mo, mo_count)) return 1;
    // [snippet:cmpp-reassemble]
    cmpp::reassembly_slot slots[4];
    unsigned char pool[1024];
    cmpp::reassembler segments(slots, pool);
    std::string whole;
    for (std::size_t i = mo_count; i-- > 0;) {
        cmpp::deliver m;
        m.ver = ver;
        m.sequence_id = sequence.next();
        m.dest_id = "10690001";
        m.src_terminal_id = "13900139000";
        m.tp_udhi = mo[i].tp_udhi;
        m.msg_fmt = mo[i].msg_fmt;
        m.msg_content = mo[i].msg_content;
        const std::string sent = wire_of(m);
        const cmpp::deliver* in = receive<cmpp::deliver>(sent, p);
        cmpp::reassembly_status st;
        if (in == nullptr ||
            !segments.add({in->src_terminal_id, in->dest_id, in->tp_udhi, in->msg_fmt, in->msg_content}, 0, st)) {
            return 1;
        }
        if (st.what == cmpp::reassembly_status::state::complete) {
            std::string ucs2(segments.slot(st.slot).text_size(), '\0');
            smsgw::writer uw(ucs2.data(), ucs2.size());
            if (!segments.take(st.slot, uw)) return 1;
            whole.resize(ucs2.size() / 2 * 3);  // a UTF-16 unit is at most 3 bytes of UTF-8
            smsgw::writer tw(whole.data(), whole.size());
            if (!cmpp::decode_text(cmpp::msg_fmt_ucs2, smsgw::bytes(ucs2), tw)) return 1;
            whole.resize(tw.size());
    // [/snippet]
        }
    }
    std::printf("MO of %zu segments: %s\n", mo_count, whole == mo_text ? "whole" : "damaged");
    return whole == mo_text ? 0 : 1;
}
