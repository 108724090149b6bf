#pragma once

// Captures in smsgw-inspect: `smsgw-inspect cmpp capture.pcap` reads a pcap or pcapng file
// (capture.cpp, with libpcap), puts each TCP direction back together (tcp_stream.hpp) and
// decodes the CMPP PDUs in it (cmpp_capture.cpp), with the conversation checks at the end.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "inspect.hpp"
#include "smsgw/cmpp.hpp"

namespace inspect {

// ---- capture.cpp: frames to TCP segments ----------------------------------------------------

// True when the input starts like a pcap or pcapng file (its magic number).
bool is_capture(std::string_view input);

struct timestamp {
    std::int64_t seconds = 0;
    std::int64_t micros = 0;
};

// "2026-12-02T14:26:30.123456Z"
std::string format_time(const timestamp& t);
// t - earlier in microseconds.
std::int64_t micros_between(const timestamp& earlier, const timestamp& t);

// One endpoint: the address as printed ("10.0.0.1", "[::1]") and the port.
struct endpoint {
    std::string address;
    std::uint16_t port = 0;
    bool operator<(const endpoint& o) const { return address != o.address ? address < o.address : port < o.port; }
    bool operator==(const endpoint& o) const { return address == o.address && port == o.port; }
};

std::string to_string(const endpoint& e);  // "10.0.0.1:7890"

struct tcp_segment {
    std::uint64_t frame = 0;  // 1 for the first frame of the file
    timestamp time;
    endpoint source;
    endpoint destination;
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;  // when has_ack
    bool has_ack = false;
    bool syn = false;
    bool fin = false;
    bool rst = false;
    smsgw::bytes payload;  // valid during the callback only
};

// What read_capture() saw besides the TCP segments it handed over.
struct capture_stats {
    std::uint64_t frames = 0;
    std::uint64_t not_tcp = 0;    // other link, network or transport protocols
    std::uint64_t fragments = 0;  // IP fragments, not reassembled
    std::uint64_t malformed = 0;  // headers cut short or inconsistent
    int link_type = -1;           // DLT_* of the file
};

// Reads every frame of a pcap or pcapng file held in `input` and calls on_segment for each TCP
// segment over IPv4 or IPv6 (extension headers skipped) on an Ethernet (VLAN tags skipped),
// Linux cooked (SLL, SLL2), raw IP or loopback (DLT_NULL, DLT_LOOP) link. False, with `error`
// set, when the file cannot be read (or this build has no libpcap) or its link type is none of those.
bool read_capture(std::string_view input, const std::function<void(const tcp_segment&)>& on_segment,
                  capture_stats& stats, std::string& error);

// ---- cmpp.cpp and cmpp_udh.cpp: what a PDU prints -------------------------------------------

// Every member of a decoded PDU (command, total_length, sequence_id, its fields, the UDH and text).
void print_cmpp_pdu(smsgw::codec::json::writer& j, const smsgw::cmpp::pdu& p, smsgw::cmpp::version v,
                    std::size_t total_length);

// `udh`: the UDH of a Msg_Content that TP_udhi says has one, parsed (UDHL, the concatenation
// element, the other elements as IEI and hex), or `udh_error` when it does not parse.
void udh_member(smsgw::codec::json::writer& j, std::uint8_t tp_udhi, smsgw::bytes content);

// The Msg_Content of a PDU that carries one (SUBMIT, DELIVER, FWD), the one place it is read.
template <class T>
smsgw::bytes content_bytes(const T& m) {
    return smsgw::bytes(m.msg_content);
}

// ---- cmpp_capture.cpp ------------------------------------------------------------------------

// The `cmpp`/`cmpp3` format on a capture: arguments [--tolerant] [--port N] [--reassemble].
int run_cmpp_capture(smsgw::cmpp::version v, const args& a, std::string_view input, std::string& out);

}  // namespace inspect
