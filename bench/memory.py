"""Peak memory: factx --jobs 1 over 1x and 10x the shared corpus (peak RSS of the process).

    python bench/memory.py [--times 10]
"""
from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from _common import FACTX, save, table, write_corpus


def peak_rss_mb(cmd: list[str]) -> float:
    """Peak RSS of one child process, in MB (each measurement in a fresh wrapper so maxima do not mix)."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run(["python3", "-c", probe, *cmd], check=True, capture_output=True, text=True).stdout
    return int(out.strip().splitlines()[-1]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--times", type=int, default=10)
    args = ap.parse_args()
    rows, summary = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for times in (1, args.times):
            corpus = Path(tmp) / f"corpus{times}.jsonl"
            n = write_corpus(corpus, times=times)
            mb = peak_rss_mb(FACTX + ["extract", str(corpus), "-o", str(Path(tmp) / "out.jsonl"), "-j", "1", "-q"])
            rows.append([f"{times}x corpus", n, mb])
            summary[f"{times}x"] = {"docs": n, "peak_rss_mb": mb}
    growth = summary[f"{args.times}x"]["peak_rss_mb"] / summary["1x"]["peak_rss_mb"] - 1
    rows.append([f"growth {args.times}x vs 1x", "", growth * 100])
    table("peak RSS per process (MB; growth in %)", ["input", "documents", "value"], rows)
    print("targets: peak RSS <= 400 MB; growth at 10x <= 10 %")
    summary["growth_percent"] = growth * 100
    save("memory", summary)


if __name__ == "__main__":
    main()
