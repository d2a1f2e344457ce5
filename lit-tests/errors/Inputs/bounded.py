#!/usr/bin/env python3
"""bounded.py [--exit N] [--timeout S] [--as-mb M] [--max-rss-mb M] -- CMD...

Runs CMD with bounded resources and checks how it ended (lit's shell has no
ulimit or $?). Passes CMD's stdout and stderr through. Fails (exit 1, with a
line on stderr saying why) if CMD
  - does not end within S seconds (default 120; it is killed),
  - exits with a status other than N (default 0), or dies from a signal,
  - had a peak resident set above --max-rss-mb.
--as-mb limits CMD's address space (RLIMIT_AS), so a runaway allocation
fails at once instead of exhausting the machine. Both memory checks are
scaled by 4 (RSS) or skipped (address space) when CMD is built with
AddressSanitizer, whose shadow memory needs terabytes of address space.
"""

import argparse
import mmap
import os
import resource
import signal
import subprocess
import sys
import time


def is_asan(path):
    try:
        with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
            return m.find(b"__asan_init") >= 0
    except (OSError, ValueError):
        return False


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--exit", type=int, default=0)
    p.add_argument("--timeout", type=float, default=120)
    p.add_argument("--as-mb", type=int, default=0)
    p.add_argument("--max-rss-mb", type=int, default=0)
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    args = p.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    asan = is_asan(cmd[0])
    max_rss = args.max_rss_mb * (4 if asan else 1)

    def limit():
        if args.as_mb and not asan:
            n = args.as_mb << 20
            resource.setrlimit(resource.RLIMIT_AS, (n, n))

    start = time.monotonic()
    proc = subprocess.Popen(cmd, preexec_fn=limit)
    status = rusage = None
    while time.monotonic() - start < args.timeout:
        pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(0.01)
    else:
        proc.kill()
        proc.wait()
        sys.stderr.write("bounded: %s did not finish in %g s\n" % (cmd[0], args.timeout))
        return 1
    elapsed = time.monotonic() - start
    rss_mb = rusage.ru_maxrss / 1024
    if os.WIFSIGNALED(status):
        sys.stderr.write("bounded: %s killed by signal %s\n"
                         % (cmd[0], signal.Signals(os.WTERMSIG(status)).name))
        return 1
    code = os.WEXITSTATUS(status)
    if code != args.exit:
        sys.stderr.write("bounded: %s exited with %d, expected %d (%.1f s, %.0f MB)\n"
                         % (cmd[0], code, args.exit, elapsed, rss_mb))
        return 1
    if max_rss and rss_mb > max_rss:
        sys.stderr.write("bounded: %s used %.0f MB, limit %d MB\n" % (cmd[0], rss_mb, max_rss))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
