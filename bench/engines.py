"""Engines: local `--jobs 2` against `--engine ray` with 2 workers on the shared corpus, same machine.

    python bench/engines.py [--times N] [--runs R]

Three ways to run, each a fresh factx process from start to exit, R times (median kept):
- local --jobs 2;
- ray, cold: factx starts a private local Ray and stops it (Ray's start-up and shutdown included);
- ray, attached: a local Ray already running (`ray start --head`, warmed by one job, as a cluster in use
  is); factx attaches with `--address auto` and still starts its own actors, loading the model in each.
Outputs are compared byte for byte with the local engine's.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import tempfile
from pathlib import Path

from _common import BIN, FACTX, save, table, timed, write_corpus

WORKERS = 2
LOCAL, COLD, ATTACHED = "local --jobs 2", "ray, cold (own local Ray)", "ray, attached (--address auto)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--times", type=int, default=1, help="the corpus repeated N times")
    ap.add_argument("--runs", type=int, default=1, help="runs of each engine (median kept)")
    args = ap.parse_args()
    ray_cli = str(BIN / "ray")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = write_corpus(corpus, times=args.times)
        base = FACTX + ["extract", str(corpus), "-q"]
        ray = ["--engine", "ray", "--workers", str(WORKERS)]
        engines = {LOCAL: ["-j", str(WORKERS)], COLD: ray, ATTACHED: ray + ["--address", "auto"]}
        times: dict[str, list[float]] = {name: [] for name in engines}
        outputs: dict[str, bytes] = {}

        def run(name: str) -> None:
            out = Path(tmp) / "out.jsonl"
            times[name].append(timed(base + engines[name] + ["-o", str(out)]))
            outputs.setdefault(name, out.read_bytes())

        for _ in range(args.runs):
            run(LOCAL)
            run(COLD)
        # The attached runs share one local Ray, started here and warmed by one untimed job (Ray Data keeps
        # a few helper actors per cluster): the state of a cluster users already run.
        subprocess.run([ray_cli, "start", "--head", f"--num-cpus={WORKERS}", "--include-dashboard=false",
                        "--disable-usage-stats"], check=True, capture_output=True)
        try:
            subprocess.run(base + engines[ATTACHED], check=True, stdout=subprocess.DEVNULL)
            for _ in range(args.runs):
                run(ATTACHED)
        finally:
            subprocess.run([ray_cli, "stop"], check=True, capture_output=True)
        same = len(set(outputs.values())) == 1
    seconds = {name: statistics.median(values) for name, values in times.items()}
    local = seconds[LOCAL]
    table(f"{n} documents, {WORKERS} workers, median of {args.runs}", ["engine", "seconds", "docs/s", "x local"],
          [[name, s, n / s, s / local] for name, s in seconds.items()])
    print(f"identical records: {same}; target: Ray's overhead on one machine <= 1.3x local")
    save(f"engines-{args.times}x", {"docs": n, "runs": args.runs, "seconds": seconds,
                                    "overhead": {name: s / local for name, s in seconds.items()}, "identical": same})


if __name__ == "__main__":
    main()
