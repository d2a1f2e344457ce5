#!/usr/bin/env python3
"""race.py PROGRAM ROOT [ARGS...]

Runs PROGRAM (granted ROOT/sandbox) while another thread keeps swapping
ROOT/sandbox/swap between a real directory (holding f = "inside") and a
symbolic link to ROOT/outside (holding f = "SECRET"), so that a check of
"swap" and its use race. Passes the program's stdout through, then checks
that ROOT/outside still holds exactly f = "SECRET"; exits nonzero otherwise
or if the program failed."""
import os
import subprocess
import sys
import threading

program, root = sys.argv[1], sys.argv[2]
sandbox = os.path.join(root, "sandbox")
outside = os.path.join(root, "outside")
os.makedirs(os.path.join(sandbox, "realdir"))
os.makedirs(outside)
with open(os.path.join(sandbox, "realdir", "f"), "w") as f:
    f.write("inside")
with open(os.path.join(outside, "f"), "w") as f:
    f.write("SECRET")
os.symlink("../outside", os.path.join(sandbox, "evil-rel"))
os.symlink(outside, os.path.join(sandbox, "evil-abs"))

stop = threading.Event()
swaps = 0


def swapper():
    global swaps
    swap = os.path.join(sandbox, "swap")
    entries = [os.path.join(sandbox, n) for n in ("realdir", "evil-rel", "realdir", "evil-abs")]
    while not stop.is_set():
        for e in entries:
            try:
                os.rename(e, swap)
                os.rename(swap, e)
                swaps += 1
            except OSError:
                pass


t = threading.Thread(target=swapper)
t.start()
try:
    proc = subprocess.run([program] + sys.argv[3:], stdout=subprocess.PIPE, text=True)
finally:
    stop.set()
    t.join()
sys.stdout.write(proc.stdout)
print("swaps: %s" % ("many" if swaps > 100 else "few (%d)" % swaps))
names = sorted(os.listdir(outside))
with open(os.path.join(outside, "f")) as f:
    content = f.read()
if names != ["f"] or content != "SECRET":
    print("OUTSIDE CHANGED: %s %r" % (names, content))
    sys.exit(1)
print("outside untouched")
sys.exit(proc.returncode)
