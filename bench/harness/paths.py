"""Where things are: the repository, bench/ and its git-ignored work dir."""
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "bench"
WORK = BENCH / "work"          # git-ignored: sources, builds, results
SRC = WORK / "src"             # Debian source packages (apt-get source)
BUILD = WORK / "build"         # one directory per program
RESULTS = WORK / "results"
