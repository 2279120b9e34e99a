"""Engines: local `--jobs 2` against `--engine ray` with 2 workers on the shared corpus, same run.

    python bench/engines.py [--times N]

Each run is a fresh process from start to exit (Ray's start-up included, since a
user pays it); the outputs are compared byte for byte.
"""
from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _common import FACTX, save, table, timed, write_corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--times", type=int, default=1, help="the corpus repeated N times")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = write_corpus(corpus, times=args.times)
        local_out, ray_out = Path(tmp) / "local.jsonl", Path(tmp) / "ray.jsonl"
        local = timed(FACTX + ["extract", str(corpus), "-o", str(local_out), "-j", "2", "-q"])
        ray = timed(FACTX + ["extract", str(corpus), "-o", str(ray_out), "--engine", "ray", "--workers", "2", "-q"])
        same = local_out.read_bytes() == ray_out.read_bytes()
    table(f"{n} documents", ["engine", "seconds", "docs/s", "x local"],
          [["local --jobs 2", local, n / local, 1.0], ["ray, 2 workers", ray, n / ray, ray / local]])
    print(f"identical records: {same}; target: Ray's overhead on one machine <= 1.3x local")
    save(f"engines-{args.times}x", {"docs": n, "local_s": local, "ray_s": ray, "overhead": ray / local, "identical": same})


if __name__ == "__main__":
    main()
