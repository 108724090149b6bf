#!/usr/bin/env python3
"""Python's codecs as an oracle for tests/charset/differential_test.cpp.

stdin: one job per line, "<codec> d <hex bytes>" (decode) or "<codec> e <hex code point>"
(encode). stdout: one line per job, "-" when the codec refuses (strict errors), else the hex of
the result: the decoded text as UTF-8, or the encoded bytes.
"""
import sys


def main():
    out = []
    for line in sys.stdin.buffer.read().decode("ascii").splitlines():
        codec, op, arg = line.split(" ", 2)
        try:
            if op == "d":
                out.append(bytes.fromhex(arg).decode(codec).encode("utf-8").hex())
            else:
                out.append(chr(int(arg, 16)).encode(codec).hex())
        except (UnicodeDecodeError, UnicodeEncodeError):
            out.append("-")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
