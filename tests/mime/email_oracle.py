# Oracle for tests/mime/python_diff_test.cpp: parses each length-prefixed message on stdin with
# Python's email package (policy.default) and prints, per message, the decoded Subject and,
# per leaf part, its content type, filename and decoded payload in hex.
import email
import email.policy
import sys

data = sys.stdin.buffer.read()
pos = 0
out = []
while pos < len(data):
    nl = data.index(b"\n", pos)
    n = int(data[pos:nl])
    raw = data[nl + 1 : nl + 1 + n]
    pos = nl + 1 + n
    m = email.message_from_bytes(raw, policy=email.policy.default)
    out.append("subject\t" + str(m["subject"] or ""))
    for part in m.walk():
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True) or b""
        out.append("\t".join([part.get_content_type(), part.get_filename() or "", payload.hex()]))
    out.append("end")
sys.stdout.buffer.write(("\n".join(out) + "\n").encode("utf-8"))
