#!/usr/bin/env python3
"""A real CMPP 3.0 session captured on the loopback interface, decoded by smsgw-inspect and by
Wireshark's CMPP dissector (tshark), field by field.

    inspect_loopback_capture.py <cmpp_gateway> <cmpp_client> <smsgw-inspect> <scratch dir>

Runs the Asio pair (examples/cmpp_gateway.cpp, cmpp_client.cpp; the session example/cmpp_tcp
checks) on a free 127.0.0.1 port under `tcpdump -i lo`, then checks that smsgw-inspect decodes
the whole session (every PDU, every response matched, every status report matched to its
SUBMIT_RESP, both long messages reassembled to the texts the programs printed) and that every
field tshark decodes has the value smsgw-inspect prints for the same PDU of the same frame.
It does so twice: with the gateway writing in chunks of 1 to 7 bytes (so that PDUs are split
across segments and reassembled), and writing whole PDUs, so that tshark, which only finds a
PDU at the start of a segment, decodes the gateway's status reports and MO messages too.
Exits 77 (skipped) when tcpdump or tshark is missing or may not capture, or when smsgw-inspect
was built without libpcap.
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

GATEWAY, CLIENT, INSPECT, SCRATCH = sys.argv[1:5]
SKIP = 77


def skip(why):
    print(f"skipped: {why}")
    sys.exit(SKIP)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def capture_session(path, port, chunk):
    """The pair's session under tcpdump, the gateway writing at most `chunk` bytes at a time (0:
    whole PDUs): the client's standard output and the number of packets the kernel dropped before
    tcpdump took them."""
    # --immediate-mode: each packet as it comes, not in blocks of up to a second (which a stop
    # would lose), in a buffer of 32 MiB so that none is dropped on a busy machine; -U: each
    # written as it is taken.
    command = ["tcpdump", "-i", "lo", "-n", "--immediate-mode", "-B", "32768", "-U", "-w", path]
    if os.geteuid() == 0:
        command += ["-Z", "root"]  # else it writes as user tcpdump, which may not write here
    dump = subprocess.Popen(command + [f"tcp port {port}"], stderr=subprocess.PIPE, text=True)
    try:
        line = dump.stderr.readline()
        if "listening on" not in line:
            skip(f"tcpdump cannot capture on lo: {line.strip() or 'exit ' + str(dump.wait())}")
        gateway = subprocess.Popen([GATEWAY, "--cmpp", "3.0", "--sessions", "1", "--port", str(port),
                                    "--chunk", str(chunk)],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        client = subprocess.run([CLIENT, "--cmpp", "3.0"], stdin=gateway.stdout, capture_output=True, text=True,
                                timeout=20)
        gateway.stdout.close()
        if gateway.wait(timeout=10) != 0 or client.returncode != 0:
            print(f"the session failed: gateway {gateway.returncode}, client {client.returncode}\n{client.stdout}",
                  file=sys.stderr)
            sys.exit(1)
        # tcpdump may still be writing what it was given: wait until the file stops growing.
        size, still = -1, 0
        for _ in range(50):
            time.sleep(0.1)
            now = os.path.getsize(path)
            still = still + 1 if now == size else 0
            size = now
            if still == 5:
                break
    finally:
        dump.send_signal(signal.SIGINT)
        dump.wait(timeout=10)
    dropped = re.search(r"(\d+) packets? dropped by kernel", dump.stderr.read())
    return client.stdout, int(dropped.group(1)) if dropped else 0


def tshark_pdus(path, port):
    """{frame: [({field: (show, showname)}, {report field: (show, showname)})]}, one pair per CMPP
    PDU Wireshark decoded: the PDU's own fields (the first of each name), and those of the status
    report a DELIVER carries in Msg_Content (Wireshark names some of them as the PDU's own, such
    as cmpp.Dest_terminal_Id and cmpp.Msg_Id)."""
    run = subprocess.run(["tshark", "-r", path, "-d", f"tcp.port=={port},cmpp", "-Y", "cmpp", "-T", "pdml"],
                         capture_output=True, text=True, timeout=30)
    frames = {}
    for packet in ET.fromstring(run.stdout).iter("packet"):
        number = int(next(f for f in packet.iter("field") if f.get("name") == "num").get("show"))
        for proto in packet.iter("proto"):
            if proto.get("name") != "cmpp":
                continue
            fields, report = {}, {}
            for f in proto.findall("field"):
                if f.get("name") == "cmpp.deliver.Report":
                    for r in f.findall("field"):
                        report.setdefault(r.get("name"), (r.get("show"), r.get("showname")))
                else:
                    fields.setdefault(f.get("name"), (f.get("show"), f.get("showname")))
            frames.setdefault(number, []).append((fields, report))
    return frames


def number(show):
    if show in ("True", "False"):
        return int(show == "True")
    return int(show, 16) if show.startswith("0x") else int(show)


def connect_time(value):  # MMDDHHMMSS as Wireshark shows it
    t = f"{value:010d}"
    return f"{t[0:2]}/{t[2:4]} {t[4:6]}:{t[6:8]}:{t[8:10]}"


# Wireshark's field: (smsgw-inspect's key, how Wireshark's value is read, how ours is shown).
FIELDS = {
    "cmpp.Total_Length": ("total_length", number, int),
    "cmpp.Command_Id": ("command", lambda show, name: re.match(r"Command Id: (\w+) \(", name).group(1), str),
    "cmpp.Sequence_Id": ("sequence_id", number, int),
    "cmpp.Msg_Id": ("msg_id", number, int),
    "cmpp.Version": ("version_byte", str, lambda v: f"{v >> 4:02d}.{v & 15:02d}"),
    "cmpp.connect.Source_Addr": ("source_addr", str, str),
    "cmpp.connect.Timestamp": ("timestamp", str, connect_time),
    "cmpp.connect_resp.Status": ("status", number, int),
    "cmpp.submit.Pk_total": ("pk_total", number, int),
    "cmpp.submit.Pk_number": ("pk_number", number, int),
    "cmpp.submit.Registered_Delivery": ("registered_delivery", number, int),
    "cmpp.submit.Msg_level": ("msg_level", number, int),
    "cmpp.Servicd_Id": ("service_id", str, str),
    "cmpp.submit.Fee_UserType": ("fee_user_type", number, int),
    "cmpp.submit.Fee_terminal_Id": ("fee_terminal_id", str, str),
    "cmpp.TP_pId": ("tp_pid", number, int),
    "cmpp.TP_udhi": ("tp_udhi", number, int),
    "cmpp.Msg_Fmt": ("msg_fmt", number, int),
    "cmpp.submit.Msg_src": ("msg_src", str, str),
    "cmpp.submit.FeeType": ("fee_type", str, str),
    "cmpp.submit.FeeCode": ("fee_code", str, str),
    "cmpp.submit.Valld_Time": ("valid_time", str, str),
    "cmpp.submit.At_time": ("at_time", str, str),
    "cmpp.submit.Src_Id": ("src_id", str, str),
    "cmpp.submit.DestUsr_tl": ("dest_usr_tl", number, int),
    "cmpp.Dest_terminal_Id": ("dest_terminal_id", str, lambda ids: ids[0]),
    "cmpp.Msg_Length": ("msg_length", number, int),
    "cmpp.LinkID": ("link_id", str, str),
    "cmpp.submit_resp.Result": ("result", number, int),
    "cmpp.deliver_resp.Result": ("result", number, int),
    "cmpp.deliver.Dest_Id": ("dest_id", str, str),
    "cmpp.deliver.Src_terminal_Id": ("src_terminal_id", str, str),
}

# The same for the fields of a DELIVER's status report, which smsgw-inspect prints in status_report.
REPORT_FIELDS = {
    "cmpp.Msg_Id": ("msg_id", number, int),
    "cmpp.deliver.Report.Status": ("stat", str, str),
    "cmpp.deliver.Report.Submit_time": ("submit_time", str, str),
    "cmpp.deliver.Report.Done_time": ("done_time", str, str),
    "cmpp.Dest_terminal_Id": ("dest_terminal_id", str, str),
    "cmpp.Report.SMSC_sequence": ("smsc_sequence", number, int),
}


def compare(theirs, ours, problems):
    """Compares every field tshark decoded with smsgw-inspect's value for the same PDU; the
    number of fields compared, and of those from status reports."""
    compared = from_reports = 0

    def check(frame, table, wireshark, inspect):
        nonlocal compared
        for name, (show, showname) in wireshark.items():
            if name not in table:
                continue
            key, read, shown = table[name]
            theirs_value = read(show, showname) if name == "cmpp.Command_Id" else read(show)
            if key not in inspect or shown(inspect[key]) != theirs_value:
                problems.append(f"frame {frame}, {name}: tshark {theirs_value!r}, smsgw-inspect {inspect.get(key)!r}")
            compared += 1

    for frame, pdus in sorted(theirs.items()):
        mine = ours.get(frame, [])
        if len(mine) != len(pdus):
            problems.append(f"frame {frame}: tshark decodes {len(pdus)} PDUs, smsgw-inspect {len(mine)}")
            continue
        for (wireshark, report), inspect in zip(pdus, mine):
            check(frame, FIELDS, wireshark, inspect)
            if report:
                before = compared
                check(frame, REPORT_FIELDS, report, inspect.get("status_report", {}))
                from_reports += compared - before
    return compared, from_reports


def check_session(path, chunk):
    """Captures a session with the gateway writing at most `chunk` bytes at a time and checks it;
    (problems, what was compared)."""
    port = free_port()
    client, dropped = capture_session(path, port, chunk)
    if dropped:  # the machine was too busy for tcpdump: once more, on another port
        port = free_port()
        client, dropped = capture_session(path, port, chunk)
        if dropped:
            skip(f"tcpdump lost {dropped} packets twice: the capture would not be the session")

    run = subprocess.run([INSPECT, "cmpp3", "--reassemble", "--port", str(port), path], capture_output=True, text=True,
                         timeout=30)
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    if "without libpcap" in lines[-1].get("error", ""):
        skip("smsgw-inspect was built without libpcap")
    ours = {}
    for line in lines:
        if "command" in line:
            ours.setdefault(line["frame"], []).append(line)
    problems = []
    summary = next(line["summary"] for line in lines if "summary" in line)
    submits = int(re.search(r"(\d+) SUBMITs for", client).group(1))
    reports = int(re.search(r"(\d+) status reports matched", client).group(1))
    count = lambda name: sum(1 for pdus in ours.values() for p in pdus if p["command"] == name)
    if run.returncode != 0 or summary["gaps"] or summary["errors"] or summary["unanswered"] or \
            summary["orphan_responses"] or summary["reports_matched"] != reports or count("CMPP_SUBMIT") != submits:
        problems.append(f"the session as smsgw-inspect saw it (exit {run.returncode}): {summary}")
    if any(p["direction"] != ("SP->ISMG" if p["flow"].endswith(f":{port}") else "ISMG->SP")
           for pdus in ours.values() for p in pdus):
        problems.append("a PDU's direction is not that of its flow")
    texts = {line["long_message"]["text"] for line in lines if "long_message" in line}
    for label in ("MT to 13800138000 in 3 segments: ", "MO from 13900139000 in 3 segments: "):
        sent = re.search(re.escape(label) + "(.*)", client).group(1)
        if sent not in texts:
            problems.append(f"not reassembled: {label}{sent}")

    theirs = tshark_pdus(path, port)
    compared, from_reports = compare(theirs, ours, problems)
    decoded_by_tshark = sum(len(p) for p in theirs.values())
    how = f"in chunks of 1 to {chunk} bytes" if chunk else "in whole PDUs"
    print(f"gateway writing {how}: {summary['pdus']} PDUs in {summary['frames']} frames decoded by smsgw-inspect; "
          f"tshark decodes the {decoded_by_tshark} that begin a TCP segment (its CMPP dissector looks for a PDU "
          f"there only); {compared} of their fields compared, {from_reports} of them in status reports")
    return problems, compared, from_reports


def main():
    for tool in ("tcpdump", "tshark"):
        if shutil.which(tool) is None:
            skip(f"{tool} not installed (Debian {tool})")
    problems, compared, _ = check_session(os.path.join(SCRATCH, "cmpp3-loopback.pcap"), 7)
    whole_problems, whole_compared, from_reports = check_session(os.path.join(SCRATCH, "cmpp3-loopback-whole.pcap"), 0)
    problems += whole_problems
    if compared == 0 or whole_compared == 0 or from_reports == 0:
        problems.append("tshark decoded too little to compare: no field, or no status report, of a session")
    for p in problems:
        print(f"FAIL: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
