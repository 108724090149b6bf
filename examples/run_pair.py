#!/usr/bin/env python3
"""Runs an example pair as one test: a test double (`<name>_gateway`) and its client.

Starts `gateway 0` (any free port on 127.0.0.1), reads the address it prints on its first line,
runs `client <address>` and stops the gateway. Fails when the gateway prints no address, the
client fails or times out, or the gateway died before the client was done.
"""
import subprocess
import sys


def main() -> int:
    gateway, client = sys.argv[1], sys.argv[2]
    extra = sys.argv[3:]
    gw = subprocess.Popen([gateway, "0", *extra], stdout=subprocess.PIPE, text=True)
    try:
        address = gw.stdout.readline().strip()
        if not address:
            print(f"{gateway} printed no address", file=sys.stderr)
            return 1
        try:
            status = subprocess.run([client, address, *extra], timeout=60).returncode
        except subprocess.TimeoutExpired:
            print(f"{client} did not finish in 60 s", file=sys.stderr)
            return 1
        if gw.poll() is not None:
            print(f"{gateway} exited early with {gw.returncode}", file=sys.stderr)
            return 1
        return status
    finally:
        if gw.poll() is None:
            gw.terminate()
            gw.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
