// Reading captures: libpcap opens the file (classic pcap or pcapng, from memory through
// fmemopen), this file peels the link, IP and TCP headers off each frame.
#include <arpa/inet.h>
#include <cstdio>
#include <cstring>
#include <ctime>

#include "capture.hpp"
#include "smsgw/core/endian.hpp"

#ifdef SMSGW_INSPECT_HAVE_PCAP
#include <pcap/pcap.h>
#endif

namespace inspect {

namespace {

constexpr std::uint32_t pcap_magic_micro = 0xa1b2c3d4;
constexpr std::uint32_t pcap_magic_nano = 0xa1b23c4d;
constexpr std::uint32_t pcapng_section = 0x0a0d0d0a;

std::uint32_t swap32(std::uint32_t v) {
    return (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
}

}  // namespace

bool is_capture(std::string_view input) {
    if (input.size() < 4) return false;
    const std::uint32_t m = smsgw::load_be32(reinterpret_cast<const smsgw::byte*>(input.data()));
    return m == pcapng_section || m == pcap_magic_micro || m == pcap_magic_nano || swap32(m) == pcap_magic_micro ||
           swap32(m) == pcap_magic_nano;
}

std::string format_time(const timestamp& t) {
    const std::time_t s = static_cast<std::time_t>(t.seconds);
    std::tm tm{};
    gmtime_r(&s, &tm);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%06lldZ", tm.tm_year + 1900, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(t.micros));
    return buf;
}

std::int64_t micros_between(const timestamp& earlier, const timestamp& t) {
    return (t.seconds - earlier.seconds) * 1000000 + (t.micros - earlier.micros);
}

std::string to_string(const endpoint& e) { return e.address + ":" + std::to_string(e.port); }

#ifdef SMSGW_INSPECT_HAVE_PCAP

namespace {

using smsgw::byte;
using smsgw::bytes;

constexpr std::uint16_t ethertype_ipv4 = 0x0800;
constexpr std::uint16_t ethertype_ipv6 = 0x86dd;

enum class network { none, ipv4, ipv6 };

struct packet {
    network net = network::none;
    bytes ip;
};

network from_ethertype(std::uint16_t type) {
    if (type == ethertype_ipv4) return network::ipv4;
    if (type == ethertype_ipv6) return network::ipv6;
    return network::none;
}

network from_version(bytes ip) {
    if (ip.empty()) return network::none;
    if ((ip[0] >> 4) == 4) return network::ipv4;
    if ((ip[0] >> 4) == 6) return network::ipv6;
    return network::none;
}

// DLT_NULL's family is in the capturing host's byte order, DLT_LOOP's in network order; the
// values of AF_INET6 differ between systems (Linux 10, the BSDs 24, 28, 30).
network from_family(std::uint32_t family) {
    if (family == 2) return network::ipv4;
    if (family == 10 || family == 24 || family == 28 || family == 30) return network::ipv6;
    return network::none;
}

// The IP packet in a frame of link type `dlt`; false when the link header is cut short.
bool link_payload(int dlt, bytes frame, packet& p, bool& known_link) {
    known_link = true;
    switch (dlt) {
    case DLT_EN10MB: {
        std::size_t at = 12;
        if (frame.size() < at + 2) return false;
        std::uint16_t type = smsgw::load_be16(frame.data() + at);
        while (type == 0x8100 || type == 0x88a8 || type == 0x9100) {  // VLAN tags
            at += 4;
            if (frame.size() < at + 2) return false;
            type = smsgw::load_be16(frame.data() + at);
        }
        p.net = from_ethertype(type);
        p.ip = frame.subspan(at + 2);
        return true;
    }
    case DLT_LINUX_SLL:
        if (frame.size() < 16) return false;
        p.net = from_ethertype(smsgw::load_be16(frame.data() + 14));
        p.ip = frame.subspan(16);
        return true;
#ifdef DLT_LINUX_SLL2
    case DLT_LINUX_SLL2:
        if (frame.size() < 20) return false;
        p.net = from_ethertype(smsgw::load_be16(frame.data()));
        p.ip = frame.subspan(20);
        return true;
#endif
    case DLT_NULL:
    case DLT_LOOP: {
        if (frame.size() < 4) return false;
        const std::uint32_t be = smsgw::load_be32(frame.data());
        p.net = dlt == DLT_LOOP ? from_family(be) : from_family(be < 0x10000 ? be : swap32(be));
        p.ip = frame.subspan(4);
        return true;
    }
    case DLT_RAW:
#ifdef DLT_IPV4
    case DLT_IPV4:
    case DLT_IPV6:
#endif
        p.net = from_version(frame);
        p.ip = frame;
        return true;
    default:
        known_link = false;
        return false;
    }
}

enum class ip_outcome { tcp, other, fragment, malformed };

std::string address_text(int family, const byte* a) {
    char buf[INET6_ADDRSTRLEN];
    inet_ntop(family, a, buf, sizeof buf);
    return family == AF_INET6 ? "[" + std::string(buf) + "]" : std::string(buf);
}

// The TCP segment of an IP packet: addresses into s, the TCP header and payload into tcp.
ip_outcome ip_payload(const packet& p, tcp_segment& s, bytes& tcp) {
    const bytes ip = p.ip;
    if (p.net == network::ipv4) {
        if (ip.size() < 20 || (ip[0] >> 4) != 4) return ip_outcome::malformed;
        const std::size_t header = std::size_t{ip[0] & 0x0fu} * 4;
        std::size_t total = smsgw::load_be16(ip.data() + 2);
        if (total == 0) total = ip.size();  // segmentation offload left it unset
        if (header < 20 || total < header || total > ip.size()) return ip_outcome::malformed;
        const std::uint16_t fragment = smsgw::load_be16(ip.data() + 6);
        if ((fragment & 0x3fff) != 0) return ip_outcome::fragment;  // MF set or an offset
        if (ip[9] != 6) return ip_outcome::other;
        s.source.address = address_text(AF_INET, ip.data() + 12);
        s.destination.address = address_text(AF_INET, ip.data() + 16);
        tcp = ip.subspan(header, total - header);  // without the link's padding
        return ip_outcome::tcp;
    }
    if (p.net == network::ipv6) {
        if (ip.size() < 40 || (ip[0] >> 4) != 6) return ip_outcome::malformed;
        const std::size_t payload = smsgw::load_be16(ip.data() + 4);
        if (40 + payload > ip.size()) return ip_outcome::malformed;
        std::uint8_t next = ip[6];
        std::size_t at = 40;
        const std::size_t end = 40 + payload;
        for (;;) {
            if (next == 6) break;
            if (next == 0 || next == 43 || next == 60 || next == 135 || next == 139 || next == 140) {
                // hop-by-hop, routing, destination options, mobility, HIP, shim6: (length + 1) * 8
                if (at + 2 > end) return ip_outcome::malformed;
                next = ip[at];
                at += (std::size_t{ip[at + 1]} + 1) * 8;
            } else if (next == 44) {  // fragment: 8 bytes
                if (at + 8 > end) return ip_outcome::malformed;
                if ((smsgw::load_be16(ip.data() + at + 2) & 0xfff9) != 0) return ip_outcome::fragment;
                next = ip[at];
                at += 8;
            } else if (next == 51) {  // authentication header: (length + 2) * 4
                if (at + 2 > end) return ip_outcome::malformed;
                next = ip[at];
                at += (std::size_t{ip[at + 1]} + 2) * 4;
            } else {
                return ip_outcome::other;  // ESP, no next header, UDP, ICMPv6 ...
            }
            if (at > end) return ip_outcome::malformed;
        }
        s.source.address = address_text(AF_INET6, ip.data() + 8);
        s.destination.address = address_text(AF_INET6, ip.data() + 24);
        tcp = ip.subspan(at, end - at);
        return ip_outcome::tcp;
    }
    return ip_outcome::other;
}

bool tcp_header(bytes tcp, tcp_segment& s) {
    if (tcp.size() < 20) return false;
    const std::size_t header = std::size_t{tcp[12]} >> 4 << 2;
    if (header < 20 || header > tcp.size()) return false;
    s.source.port = smsgw::load_be16(tcp.data());
    s.destination.port = smsgw::load_be16(tcp.data() + 2);
    s.seq = smsgw::load_be32(tcp.data() + 4);
    s.ack = smsgw::load_be32(tcp.data() + 8);
    const byte flags = tcp[13];
    s.has_ack = (flags & 0x10) != 0;
    s.fin = (flags & 0x01) != 0;
    s.syn = (flags & 0x02) != 0;
    s.rst = (flags & 0x04) != 0;
    s.payload = tcp.subspan(header);
    return true;
}

bool link_supported(int dlt) {
    packet p;
    bool known = false;
    link_payload(dlt, bytes(), p, known);
    return known;
}

}  // namespace

bool read_capture(std::string_view input, const std::function<void(const tcp_segment&)>& on_segment,
                  capture_stats& stats, std::string& error) {
    std::FILE* memory = fmemopen(const_cast<char*>(input.data()), input.size(), "rb");
    if (memory == nullptr) {
        error = "cannot open the capture in memory";
        return false;
    }
    char message[PCAP_ERRBUF_SIZE] = {};
    pcap_t* pcap = pcap_fopen_offline(memory, message);  // owns `memory` from here
    if (pcap == nullptr) {
        std::fclose(memory);
        error = std::string("libpcap: ") + message;
        return false;
    }
    stats.link_type = pcap_datalink(pcap);
    if (!link_supported(stats.link_type)) {
        const char* name = pcap_datalink_val_to_name(stats.link_type);
        error = "link type " + std::to_string(stats.link_type) + " (" + (name != nullptr ? name : "unknown") +
                ") is none of EN10MB, LINUX_SLL, LINUX_SLL2, RAW, IPV4, IPV6, NULL, LOOP";
        pcap_close(pcap);
        return false;
    }
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    int rc;
    while ((rc = pcap_next_ex(pcap, &header, &data)) == 1) {
        ++stats.frames;
        tcp_segment s;
        s.frame = stats.frames;
        s.time = {header->ts.tv_sec, header->ts.tv_usec};
        packet p;
        bool known = false;
        bytes tcp;
        if (!link_payload(stats.link_type, bytes(data, header->caplen), p, known)) {
            ++stats.malformed;
            continue;
        }
        switch (ip_payload(p, s, tcp)) {
        case ip_outcome::other: ++stats.not_tcp; continue;
        case ip_outcome::fragment: ++stats.fragments; continue;
        case ip_outcome::malformed: ++stats.malformed; continue;
        case ip_outcome::tcp: break;
        }
        if (!tcp_header(tcp, s)) {
            ++stats.malformed;
            continue;
        }
        on_segment(s);
    }
    if (rc == PCAP_ERROR) error = std::string("libpcap: ") + pcap_geterr(pcap);
    pcap_close(pcap);
    return rc != PCAP_ERROR;
}

#else

bool read_capture(std::string_view, const std::function<void(const tcp_segment&)>&, capture_stats&,
                  std::string& error) {
    error = "this smsgw-inspect was built without libpcap (Debian libpcap-dev): captures cannot be read";
    return false;
}

#endif

}  // namespace inspect
