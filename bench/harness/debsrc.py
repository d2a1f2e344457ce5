"""Debian source packages for the real-program workloads.

`apt-get source` needs a deb-src entry; if the machine has none for bookworm,
one is added (root only) next to the existing sources. Packages are unpacked
into bench/work/src/ (git-ignored) and never committed.
"""
import os
import subprocess
from pathlib import Path

from .paths import SRC, WORK
from .toolchain import BuildError, run

DEB_SRC_FILE = Path("/etc/apt/sources.list.d/wasm2bin-bench-src.sources")
DEB_SRC = """Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
"""


def _has_deb_src(package):
    r = subprocess.run(["apt-cache", "showsrc", package], capture_output=True, text=True)
    return "Package:" in r.stdout


def ensure_deb_src(package):
    if _has_deb_src(package):
        return
    if os.geteuid() != 0:
        raise BuildError("no deb-src entry for apt-get source (run as root to add one)")
    print(f"bench: adding {DEB_SRC_FILE} and running apt-get update")
    DEB_SRC_FILE.write_text(DEB_SRC)
    subprocess.run(["apt-get", "update", "-q"], check=False)
    if not _has_deb_src(package):
        raise BuildError(f"apt-cache showsrc {package} finds nothing after adding deb-src")


def fetch(package):
    """Unpacked source tree of a Debian source package (with Debian's patches)."""
    SRC.mkdir(parents=True, exist_ok=True)
    existing = sorted(p for p in SRC.glob(f"{package}-*") if p.is_dir())
    if existing:
        return existing[-1]
    ensure_deb_src(package)
    print(f"bench: apt-get source {package}")
    run(["apt-get", "source", "-q", package], cwd=SRC)
    existing = sorted(p for p in SRC.glob(f"{package}-*") if p.is_dir())
    if not existing:
        raise BuildError(f"apt-get source {package} unpacked nothing in {SRC}")
    return existing[-1]


def sqlite_amalgamation():
    """sqlite3.c/sqlite3.h generated from the source tree (needs tclsh)."""
    src = fetch("sqlite3")
    out = WORK / "build/sqlite-amalgamation"
    if (out / "sqlite3.c").exists():
        return out
    out.mkdir(parents=True, exist_ok=True)
    print("bench: generating the sqlite amalgamation")
    run([src / "configure", "--disable-tcl"], cwd=out)
    run(["make", "sqlite3.c"], cwd=out)
    return out
