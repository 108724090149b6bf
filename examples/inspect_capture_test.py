#!/usr/bin/env python3
"""The capture input of `smsgw-inspect cmpp`, on captures this test writes itself.

    inspect_capture_test.py <smsgw-inspect> <examples/samples> <scratch dir>

Each capture is a classic pcap or a pcapng file of synthetic frames carrying TCP segments whose
payloads are the sample PDUs of examples/samples/cmpp: a PDU split over segments, several in
one segment, segments out of order, retransmitted and overlapping, one lost, sequence numbers
wrapping past 2^32, IPv4 and IPv6 (with extension headers), every link type the inspector
reads. The inspector's JSON lines are checked against what each capture was made to hold.
"""
import json
import os
import struct
import subprocess
import sys

INSPECT, SAMPLES, SCRATCH = sys.argv[1], sys.argv[2], sys.argv[3]

# ---- frames -------------------------------------------------------------------------------

SP4, ISMG4 = bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2])
SP6 = bytes.fromhex("20010db8000000000000000000000001")
ISMG6 = bytes.fromhex("20010db8000000000000000000000002")
SYN, ACK, PSH = 0x02, 0x10, 0x08


def tcp(sport, dport, seq, ack, payload=b"", flags=ACK | PSH):
    # RFC 9293 §3.1: ports, sequence, acknowledgment, data offset (5 words), flags, window,
    # checksum (not checked by either reader), urgent pointer.
    return struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, 5 << 4, flags, 65535, 0,
                       0) + payload


def ipv4(src, dst, segment):
    # RFC 791: version 4 and IHL 5, total length, DF, TTL 64, protocol 6 (TCP).
    return struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(segment), 0, 0x4000, 64, 6, 0, src, dst) + segment


def ipv6(src, dst, segment):
    # RFC 8200: a hop-by-hop options header (8 bytes of PadN) and a destination options header
    # (16 bytes) before TCP, so the reader has to walk the chain.
    hop_by_hop = bytes([60, 0, 1, 4, 0, 0, 0, 0])
    destination = bytes([6, 1, 1, 12]) + bytes(12)
    payload = hop_by_hop + destination + segment
    return struct.pack("!IHBB16s16s", 6 << 28, len(payload), 0, 64, src, dst) + payload


def ip_packet(version, from_sp, segment):
    if version == 4:
        return ipv4(*((SP4, ISMG4) if from_sp else (ISMG4, SP4)), segment)
    return ipv6(*((SP6, ISMG6) if from_sp else (ISMG6, SP6)), segment)


# Link layers: (pcap LINKTYPE_*, wrap(ip packet, ip version)).
def ethernet(packet, version):  # with one 802.1Q tag
    return bytes(6) + bytes([2, 0, 0, 0, 0, 1]) + struct.pack("!HHH", 0x8100, 100, 0x0800 if version == 4 else 0x86DD) + packet


def sll(packet, version):  # packet type, ARPHRD, address length, address (8), protocol
    return struct.pack("!HHH8sH", 0, 1, 6, bytes(8), 0x0800 if version == 4 else 0x86DD) + packet


def sll2(packet, version):  # protocol, reserved, interface index, ARPHRD, packet type, address length, address
    return struct.pack("!HHIHBB8s", 0x0800 if version == 4 else 0x86DD, 0, 1, 1, 0, 6, bytes(8)) + packet


def raw(packet, version):
    return packet


def null(packet, version):  # the family in the capturing host's order: little-endian here
    return struct.pack("<I", 2 if version == 4 else 10) + packet


def loop(packet, version):  # network order, BSD's AF_INET6 value
    return struct.pack("!I", 2 if version == 4 else 24) + packet


def ethernet_untagged(packet, version):
    return bytes(6) + bytes([2, 0, 0, 0, 0, 1]) + struct.pack("!H", 0x0800 if version == 4 else 0x86DD) + packet


LINKS = {"ethernet": (1, ethernet), "ethernet-untagged": (1, ethernet_untagged), "sll": (113, sll), "sll2": (276, sll2), "raw": (101, raw), "null": (0, null),
         "loop": (108, loop)}


def write_pcap(path, linktype, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, linktype))
        for t, data in frames:
            f.write(struct.pack("<IIII", t // 1000000, t % 1000000, len(data), len(data)) + data)


def write_pcapng(path, linktype, frames):
    def block(kind, body):
        body += bytes(-len(body) % 4)
        return struct.pack("<II", kind, len(body) + 12) + body + struct.pack("<I", len(body) + 12)

    with open(path, "wb") as f:
        f.write(block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1)))  # section header
        f.write(block(1, struct.pack("<HHI", linktype, 0, 65535)))  # interface, microsecond stamps
        for t, data in frames:
            f.write(block(6, struct.pack("<IIIII", 0, t >> 32, t & 0xFFFFFFFF, len(data), len(data)) + data))


class capture:
    """A conversation between an SP (10.0.0.1:40000) and an ISMG (10.0.0.2:7890), segment by segment."""

    def __init__(self, version=4, sp_isn=1000, ismg_isn=5000, sp_port=40000, ismg_port=7890):
        self.version, self.ports = version, (sp_port, ismg_port)
        self.next = {True: sp_isn, False: ismg_isn}
        self.frames, self.t = [], 1700000000 * 1000000  # microseconds

    def handshake(self):
        for from_sp in (True, False):
            self.raw(from_sp, self.next[from_sp], b"", SYN if from_sp else SYN | ACK)
            self.next[from_sp] += 1

    def raw(self, from_sp, seq, payload, flags=ACK | PSH):
        self.t += 1000
        sport, dport = self.ports if from_sp else self.ports[::-1]
        ack = self.next[not from_sp]  # everything the other side sent so far, lost or not
        self.frames.append((self.t, ip_packet(self.version, from_sp, tcp(sport, dport, seq, ack, payload, flags))))
        return len(self.frames)

    def send(self, from_sp, payload):
        """Sends payload in order; returns (its frame, its sequence number)."""
        seq = self.next[from_sp]
        self.next[from_sp] += len(payload)
        return self.raw(from_sp, seq, payload), seq

    def write(self, name, link="ethernet", pcapng=False):
        linktype, wrap = LINKS[link]
        frames = [(t, wrap(packet, self.version)) for t, packet in self.frames]
        path = os.path.join(SCRATCH, name + (".pcapng" if pcapng else ".pcap"))
        (write_pcapng if pcapng else write_pcap)(path, linktype, frames)
        return path


# ---- PDUs ---------------------------------------------------------------------------------

def sample(name, folder="cmpp"):
    with open(os.path.join(SAMPLES, folder, name + ".bin"), "rb") as f:
        return f.read()


def with_sequence(pdu, sequence_id):
    return pdu[:8] + struct.pack("!I", sequence_id) + pdu[12:]


def segment_of_submit(reference, total, number, text):
    """submit.bin (CMPP 2.0, UCS-2 "你好", Msg_Length at 8 + 4 bytes from the end) as a long
    message's segment: Pk_total and Pk_number (offsets 20, 21), TP_udhi = 1 (offset 57), and a
    Msg_Content of an 8-bit-reference UDH and the text."""
    base = sample("submit")
    content_at = len(base) - 8 - 4
    content = bytes([5, 0, 3, reference, total, number]) + text.encode("utf-16-be")
    pdu = bytearray(base[:content_at - 1] + bytes([len(content)]) + content + base[-8:])
    pdu[20], pdu[21], pdu[57] = total, number, 1
    pdu[0:4] = struct.pack("!I", len(pdu))
    return with_sequence(bytes(pdu), 300 + number + 10 * reference)


# ---- running the inspector ----------------------------------------------------------------

failures = []


def check(what, condition, output=""):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}\n{output[:3000]}", file=sys.stderr)


def inspect(path, *args, fmt="cmpp"):
    run = subprocess.run([INSPECT, fmt, *args, path], capture_output=True, text=True, timeout=10)
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    return run.returncode, lines, run.stdout


def pdus(lines):
    return [line for line in lines if "command" in line]


def the(lines, key):
    found = [line[key] for line in lines if key in line]
    return found


# ---- the captures -------------------------------------------------------------------------

def conversation(version=4, sp_isn=1000):
    """CONNECT split over three segments, SUBMIT and ACTIVE_TEST in one, their responses out of
    order, a retransmission, an overlapping segment, a status report for the SUBMIT's Msg_Id."""
    c = capture(version, sp_isn=sp_isn)
    c.handshake()
    connect = sample("connect")
    c.send(True, connect[:5])
    c.send(True, connect[5:20])
    c.send(True, connect[20:])
    c.send(False, sample("connect-resp"))
    c.send(True, sample("submit") + sample("active-test"))
    resp = sample("submit-resp")
    # The ISMG's next two segments swap places: the second arrives first and is held.
    first_seq = c.next[False]
    c.next[False] += 10
    second = resp[10:] + sample("active-test-resp")
    c.send(False, second)
    c.raw(False, first_seq, resp[:10])
    c.raw(False, first_seq, resp[:10])  # a retransmission
    report, report_seq = sample("deliver"), c.next[False]
    c.next[False] += len(report)
    c.raw(False, report_seq, report[:50])
    c.raw(False, report_seq + 30, report[30:])  # overlaps the first 20 bytes already seen
    c.send(True, sample("deliver-resp"))
    return c


def test_conversation():
    for version in (4, 6):
        # The SP's sequence numbers wrap past 2^32 inside the CONNECT.
        path = conversation(version, sp_isn=0xFFFFFFFF - 8).write(f"conversation-ipv{version}")
        rc, lines, out = inspect(path)
        got = [(p["frame"], p["command"], p["direction"]) for p in pdus(lines)]
        want = [(5, "CMPP_CONNECT", "SP->ISMG"), (6, "CMPP_CONNECT_RESP", "ISMG->SP"), (7, "CMPP_SUBMIT", "SP->ISMG"),
                (7, "CMPP_ACTIVE_TEST", "SP->ISMG"), (9, "CMPP_SUBMIT_RESP", "ISMG->SP"),
                (9, "CMPP_ACTIVE_TEST_RESP", "ISMG->SP"), (12, "CMPP_DELIVER", "ISMG->SP"),
                (13, "CMPP_DELIVER_RESP", "SP->ISMG")]
        check(f"IPv{version}: PDUs, frames and directions", rc == 0 and got == want, out)
        sp, ismg = ("10.0.0.1", "10.0.0.2") if version == 4 else ("[2001:db8::1]", "[2001:db8::2]")
        check(f"IPv{version}: flow", pdus(lines)[0]["flow"] == f"{sp}:40000 -> {ismg}:7890", out)
        byname = {p["command"]: p for p in pdus(lines)}
        check(f"IPv{version}: SUBMIT_RESP answers frame 7 after 2 ms",
              byname["CMPP_SUBMIT_RESP"]["request_frame"] == 7 and byname["CMPP_SUBMIT_RESP"]["rtt_us"] == 2000, out)
        check(f"IPv{version}: CONNECT_RESP answers the CONNECT", byname["CMPP_CONNECT_RESP"]["request_frame"] == 5, out)
        check(f"IPv{version}: the report names its SUBMIT_RESP", byname["CMPP_DELIVER"].get("submit_resp_frame") == 9,
              out)
        check(f"IPv{version}: time", pdus(lines)[0]["time"] == "2023-11-14T22:13:20.005000Z", out)
        summary = the(lines, "summary")[0]
        check(f"IPv{version}: summary", (summary["pdus"], summary["retransmissions"], summary["overlaps"],
                                         summary["out_of_order"], summary["gaps"], summary["answered"],
                                         summary["unanswered"], summary["reports_matched"]) == (8, 1, 1, 1, 0, 4, 0, 1),
              out)


def test_link_types():
    for link in LINKS:
        for version in (4, 6):
            for pcapng in (False, True):
                c = capture(version)
                c.handshake()
                c.send(True, sample("connect"))
                c.send(False, sample("connect-resp"))
                path = c.write(f"link-{link}-ipv{version}", link, pcapng)
                rc, lines, out = inspect(path)
                got = [(p["frame"], p["command"], p["direction"]) for p in pdus(lines)]
                check(f"{link}, IPv{version}, {'pcapng' if pcapng else 'pcap'}",
                      rc == 0 and got == [(3, "CMPP_CONNECT", "SP->ISMG"), (4, "CMPP_CONNECT_RESP", "ISMG->SP")], out)


def test_lost_segment():
    """The ISMG's segment with the SUBMIT_RESP and the start of an ACTIVE_TEST_RESP never made it
    into the capture: once the SP acknowledges past it, the gap is reported where it is, the rest
    of that ACTIVE_TEST_RESP skipped and the stream picks up again at the next header."""
    c = capture()
    c.handshake()
    c.send(True, sample("submit") + sample("active-test"))
    lost = sample("submit-resp") + sample("active-test-resp")[:6]
    gap_seq = c.next[False]
    c.next[False] += len(lost)
    frame_after, _ = c.send(False, sample("active-test-resp")[6:] + with_sequence(sample("active-test"), 7))
    c.send(True, with_sequence(sample("active-test-resp"), 7))
    rc, lines, out = inspect(c.write("lost-segment"))
    gap = the(lines, "gap")
    check("lost segment: reported", rc == 1 and len(gap) == 1 and gap[0]["missing"] == len(lost) and
          gap[0]["seq"] == gap_seq and gap[0]["stream_offset"] == 0 and gap[0]["frame"] == frame_after, out)
    resync = the(lines, "resync")
    check("lost segment: re-synchronised at the next header",
          len(resync) == 1 and resync[0]["skipped"] == 7 and resync[0]["stream_offset"] == len(lost) + 7, out)
    check("lost segment: the PDUs around it", [p["command"] for p in pdus(lines)] ==
          ["CMPP_SUBMIT", "CMPP_ACTIVE_TEST", "CMPP_ACTIVE_TEST", "CMPP_ACTIVE_TEST_RESP"], out)
    unanswered = the(lines, "unanswered_request")
    check("lost segment: the SUBMIT and the first ACTIVE_TEST unanswered",
          [(u["command"], u["frame"]) for u in unanswered] == [("CMPP_SUBMIT", 3), ("CMPP_ACTIVE_TEST", 3)], out)
    summary = the(lines, "summary")[0]
    check("lost segment: summary", (summary["gaps"], summary["resyncs"], summary["unanswered"]) == (1, 1, 2), out)


def test_direction_from_port():
    """No handshake and no CONNECT: the capture starts inside a PDU, the inspector skips to the
    next plausible header, and the direction comes from --port."""
    c = capture(sp_port=40000, ismg_port=9000)
    c.send(True, sample("submit")[40:] + sample("active-test"))
    c.send(False, sample("active-test-resp"))
    c.send(False, with_sequence(sample("deliver-resp"), 77))
    path = c.write("mid-stream")
    rc, lines, out = inspect(path, "--port", "9000")
    check("--port: directions", [(p["command"], p["direction"]) for p in pdus(lines)] ==
          [("CMPP_ACTIVE_TEST", "SP->ISMG"), ("CMPP_ACTIVE_TEST_RESP", "ISMG->SP"), ("CMPP_DELIVER_RESP", "ISMG->SP")],
          out)
    check("--port: the start skipped", [r["skipped"] for r in the(lines, "resync")] == [len(sample("submit")) - 40], out)
    check("--port: an orphan response", [(o["command"], o["sequence_id"]) for o in the(lines, "orphan_response")] ==
          [("CMPP_DELIVER_RESP", 77)], out)
    rc, lines, out = inspect(path)
    check("default port 7890: direction unknown", {p["direction"] for p in pdus(lines)} == {"unknown"}, out)
    rc, lines, out = inspect(path, "--port", "x")
    check("--port x: a usage error", rc == 2, out)


def test_long_messages():
    """A three-segment message whose segments arrive 3, 1, 2, and one of another reference that
    lacks its second segment."""
    c = capture()
    c.handshake()
    parts = ["长短信的第一段", "第二段", "第三段"]
    for number in (3, 1):
        c.send(True, segment_of_submit(42, 3, number, parts[number - 1]))
    c.send(True, segment_of_submit(7, 2, 1, "不完整"))
    last_frame, _ = c.send(True, segment_of_submit(42, 3, 2, parts[1]))
    path = c.write("long-message")
    rc, lines, out = inspect(path, "--reassemble")
    first = pdus(lines)[0]
    check("UDH parsed", first["udh"] == {"udhl": 5, "concatenation": {"reference_bits": 8, "reference": 42,
                                                                       "total": 3, "number": 3},
                                         "elements": [{"iei": 0, "data": "2a0303"}]} and first["msg_text"] == "第三段",
          out)
    whole = the(lines, "long_message")
    check("--reassemble: the whole text when the last segment arrives",
          len(whole) == 1 and whole[0]["text"] == "".join(parts) and whole[0]["frames"] == [3, 4, 6] and
          lines.index({"long_message": whole[0]}) == lines.index(pdus(lines)[3]) + 1 and
          pdus(lines)[3]["frame"] == last_frame, out)
    incomplete = the(lines, "incomplete_long_message")
    check("--reassemble: the incomplete one listed", len(incomplete) == 1 and incomplete[0]["reference"] == 7 and
          incomplete[0]["received"] == 1 and incomplete[0]["first_missing"] == 2 and incomplete[0]["frames"] == [5],
          out)
    rc, lines, out = inspect(path)
    check("without --reassemble: segments only", not the(lines, "long_message") and len(pdus(lines)) == 4, out)
    # The same segments as a byte stream: the PDUs are counted instead of frames.
    stream = os.path.join(SCRATCH, "long-message.bin")
    with open(stream, "wb") as f:
        for number, reference, total, text in ((3, 42, 3, parts[2]), (1, 7, 2, "不完整"), (3, 42, 3, parts[2]),
                                               (1, 42, 3, parts[0]), (2, 42, 3, parts[1])):
            f.write(segment_of_submit(reference, total, number, text))
    rc, lines, out = inspect(stream, "--reassemble")
    whole = the(lines, "long_message")
    check("a stream, --reassemble", rc == 0 and len(whole) == 1 and whole[0]["text"] == "".join(parts) and
          whole[0]["pdus"] == [1, 4, 5] and pdus(lines)[2]["reassembly_error"] == "segment received twice" and
          [(m["reference"], m["pdus"]) for m in the(lines, "incomplete_long_message")] == [(7, [2])], out)


def test_ports_used_again():
    """Two sessions between the same ports, one after the other: two connections, each with its
    own sequence numbers and Sequence_Ids."""
    c = capture()
    c.handshake()
    c.send(True, sample("connect"))
    c.send(False, sample("connect-resp"))
    c.next = {True: 900000, False: 7000000}
    c.handshake()
    c.send(True, sample("connect"))
    c.send(False, sample("connect-resp"))
    rc, lines, out = inspect(c.write("ports-used-again"))
    summary = the(lines, "summary")[0]
    check("ports used again", rc == 0 and summary["connections"] == 2 and summary["answered"] == 2 and
          [p.get("request_frame") for p in pdus(lines)] == [None, 3, None, 7], out)


def test_cmpp3():
    c = capture(6)
    c.handshake()
    c.send(True, sample("connect", "cmpp3") + sample("submit", "cmpp3")[:100])
    c.send(True, sample("submit", "cmpp3")[100:])
    c.send(False, sample("connect-resp", "cmpp3") + sample("submit-resp", "cmpp3"))
    rc, lines, out = inspect(c.write("cmpp3", "sll2", pcapng=True), fmt="cmpp3")
    check("cmpp3", rc == 0 and [p["command"] for p in pdus(lines)] ==
          ["CMPP_CONNECT", "CMPP_SUBMIT", "CMPP_CONNECT_RESP", "CMPP_SUBMIT_RESP"] and
          pdus(lines)[1]["frame"] == 4, out)


def test_unsupported_link():
    c = capture()
    c.send(True, sample("active-test"))
    path = os.path.join(SCRATCH, "unsupported.pcap")
    write_pcap(path, 147, c.frames)  # LINKTYPE_USER0
    rc, lines, out = inspect(path)
    check("unsupported link type", rc == 1 and "link type 147" in lines[-1]["error"], out)


def main():
    rc, lines, out = inspect(conversation().write("probe"))
    if rc == 1 and lines and "without libpcap" in lines[-1].get("error", ""):
        print("skipped: smsgw-inspect was built without libpcap")
        return 0
    test_conversation()
    test_link_types()
    test_lost_segment()
    test_direction_from_port()
    test_long_messages()
    test_ports_used_again()
    test_cmpp3()
    test_unsupported_link()
    if failures:
        print(f"{len(failures)} checks failed", file=sys.stderr)
        return 1
    print("every capture decoded as made")
    return 0


if __name__ == "__main__":
    sys.exit(main())
