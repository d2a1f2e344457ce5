#!/usr/bin/env python3
"""expect-exit.py CODE COMMAND [ARGS...]

Runs COMMAND, passes its stdout and stderr through, and succeeds only if it
exits with status CODE (used by lit tests, whose shell has no $?)."""
import subprocess
import sys

want = int(sys.argv[1])
proc = subprocess.run(sys.argv[2:])
if proc.returncode != want:
    sys.stderr.write("expect-exit: %s exited with %d, expected %d\n"
                     % (sys.argv[2], proc.returncode, want))
    sys.exit(1)
