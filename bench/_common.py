"""Shared helpers for the benchmark scripts (not tests): corpus, timing, tables, summaries."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
# bench/profile.py is named as the issue asks, which is also the standard library's 'profile' (imported by
# spaCy through cProfile): once these helpers are in, this folder leaves the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "articles.jsonl"
OUT = ROOT / "bench" / "out"
BIN = Path(sys.executable).parent
FACTX = [str(BIN / "factx")] if (BIN / "factx").exists() else [sys.executable, "-m", "factx"]
console = Console(width=150)


def corpus_rows() -> list[dict]:
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} not found: the benchmarks read the shared corpus beside this repository")
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_corpus(path: Path, min_docs: int = 0, times: int = 1) -> int:
    """The corpus repeated ``times`` times (or until ``min_docs``), each copy with fresh ids."""
    rows = corpus_rows()
    copies = max(times, -(-min_docs // len(rows)) if min_docs else 1)
    with path.open("w", encoding="utf-8") as fh:
        for copy in range(copies):
            for row in rows:
                fh.write(json.dumps({"id": f"{row['id']}#{copy}", "text": row["text"], "date": row.get("date")}) + "\n")
    return copies * len(rows)


def words(path: Path) -> int:
    return sum(len(json.loads(line)["text"].split()) for line in path.read_text(encoding="utf-8").splitlines())


def timed(cmd: list[str], **kwargs) -> float:
    """Seconds ``cmd`` takes, run from the repository root (not bench/, whose profile.py would stand in for
    the standard library's profile module in a 'python -c' there)."""
    kwargs.setdefault("cwd", ROOT)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, **kwargs)
    return time.perf_counter() - start


def median_time(cmd: list[str], runs: int) -> float:
    return statistics.median(timed(cmd, stdout=subprocess.DEVNULL) for _ in range(runs))


def table(title: str, columns: list[str], rows: list[list]) -> None:
    t = Table(title=title)
    for column in columns:
        t.add_column(column, justify="right" if column != columns[0] else "left")
    for row in rows:
        t.add_row(*[f"{v:,.2f}" if isinstance(v, float) else str(v) for v in row])
    console.print(t)


def save(name: str, summary: dict) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    console.print(f"summary written to {OUT / (name + '.json')}")


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def quantulum_parser():
    """quantulum3's parser, without its optional scikit-learn classifier: the pickled model it ships
    does not load with current scikit-learn (pulled in by textacy), and failing on every ambiguous
    unit would be unfair to it. Its rule-based disambiguation is what a plain install uses."""
    import warnings

    warnings.filterwarnings("ignore", module="quantulum3")
    from quantulum3 import classifier, parser

    classifier.USE_CLF = False
    return parser
