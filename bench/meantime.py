"""MEANTIME (NewsReader) on 97 Wikinews articles: figure spans, when and where, inside the annotated region.

    python bench/meantime.py

MEANTIME annotates the first sentences of each article (title, dateline, ...):
only figures before `annotated_char_end` are scored. Figures: precision and
recall of factx's figure spans against VALUE mentions (MONEY, QUANTITY,
PERCENT), a match being any overlap; quantulum3's spans scored the same way in
the same run. When: on matched figures whose sentence holds a DATE TIMEX3 other
than the creation time, factx's when.value against that TIMEX3 (the nearest, by
position; a clock time on that day, or an interval bounded by it, counts: see
same_time); a DATE that is a superlative's baseline ('its lowest level since
April 1997') is no figure's time by the record contract and is not offered. Where: on matched figures whose sentence holds LOC mentions, factx's
where overlapping one of them, or overlapping another mention of the same place (same DBpedia entity)
elsewhere in the article: the contract lets a figure take its place from the previous sentence when its own
sentence names it only as "the country", and MEANTIME marks the mention in the figure's sentence.
"""
from __future__ import annotations

import json
import re
import subprocess
import tempfile
import time
from pathlib import Path

from _common import FACTX, SHARED, corpus_rows, quantulum_parser, save, table

GOLD = SHARED / "bench-data" / "meantime" / "derived_gold.jsonl"


# 'its lowest level since April 1997', 'the worst fall since 1987': the time a superlative is measured against
_BASELINE = re.compile(r"\b(?:[a-z]+est|most|least|worst|best)\b[^.;:,]{0,40}\bsince\s+\Z", re.IGNORECASE)


def comparison_baseline(text: str, start: int) -> bool:
    """Whether the DATE at ``start`` is a superlative's baseline: by the record contract it is no figure's time
    (the figures of 'its lowest level since April 1997' have none in their sentence), while MEANTIME, which
    does not tie times to events, offers it as the sentence's nearest DATE."""
    return bool(_BASELINE.search(text, max(0, start - 60), start))


def sentence_of(text: str, offset: int) -> int:
    """MEANTIME's sentence index: the corpus text holds one sentence a non-empty line (title 0, dateline 1)."""
    return sum(1 for line in text[:offset].split("\n")[:-1] if line.strip())


def overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def same_time(predicted: str | None, gold: str) -> bool:
    """factx's value against a MEANTIME DATE value, allowing for two differences of representation, not of
    reading: a clock time on the gold day ('2008-09-17T16:08' for '2008-09-17': MEANTIME types clock times
    TIME, and only DATEs are compared), and an interval whose bound is the gold value ('2008-04/2008-06' for
    'April': MEANTIME writes 'between April and June' as two DATEs)."""
    if predicted is None:
        return False
    return predicted == gold or predicted.startswith(gold + "T") or gold in predicted.split("/")


def same_place(where: dict | None, places: list[dict], mentions: list[dict]) -> bool:
    """factx's where overlaps a LOC mention of the figure's sentence, or a mention of the same entity."""
    if not where:
        return False
    span = (where["start"], where["end"])
    if any(overlap(span, (m["start"], m["end"])) for m in places):
        return True
    entities = {m["dbpedia"] for m in places if m.get("dbpedia")}
    return any(m.get("dbpedia") in entities and overlap(span, (m["start"], m["end"])) for m in mentions
               if m["ent_type"] == "LOC")


def spans_prf(predicted: dict[str, list[tuple[int, int]]], gold: dict[str, list[tuple[int, int]]]) -> dict:
    tp_p = sum(any(overlap(p, g) for g in gold[d]) for d in gold for p in predicted.get(d, []))
    n_p = sum(len(predicted.get(d, [])) for d in gold)
    tp_g = sum(any(overlap(p, g) for p in predicted.get(d, [])) for d in gold for g in gold[d])
    n_g = sum(len(v) for v in gold.values())
    precision = tp_p / n_p if n_p else 0.0
    recall = tp_g / n_g if n_g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "predicted": n_p, "gold": n_g}


def main() -> None:
    gold_rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    texts = {row["id"]: row["text"] for row in corpus_rows()}
    gold_rows = [g for g in gold_rows if g["article_id"] in texts]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "meantime.jsonl"
        path.write_text("".join(json.dumps({"id": g["article_id"], "text": texts[g["article_id"]], "date": g["dct"]})
                                + "\n" for g in gold_rows))
        start = time.perf_counter()
        out = subprocess.run(FACTX + ["extract", str(path), "-q", "-f", "jsonl"], check=True, capture_output=True,
                             text=True).stdout
        factx_seconds = time.perf_counter() - start
    records: dict[str, list[dict]] = {}
    for line in out.splitlines():
        r = json.loads(line)
        records.setdefault(r["doc"], []).append(r)

    gold_spans, factx_spans, quant_spans = {}, {}, {}
    when_right = when_scored = where_right = where_scored = 0
    parser = quantulum_parser()

    quant_seconds = 0.0
    for g in gold_rows:
        doc, end, text = g["article_id"], g["annotated_char_end"], texts[g["article_id"]]
        gold_spans[doc] = [(v["start"], v["end"]) for v in g["values"] if v["end"] <= end]
        recs = [r for r in records.get(doc, []) if r["figure"]["start"] < end]
        factx_spans[doc] = [(r["figure"]["start"], r["figure"]["end"]) for r in recs]
        start = time.perf_counter()
        try:
            found = parser.parse(text[:end])
        except Exception:  # a peer's crash counts as finding nothing
            found = []
        quant_seconds += time.perf_counter() - start
        quant_spans[doc] = [q.span for q in found]
        for r in recs:
            fig = (r["figure"]["start"], r["figure"]["end"])
            if not any(overlap(fig, s) for s in gold_spans[doc]):
                continue
            sentence = sentence_of(text, fig[0])
            dates = [t for t in g["timex3"] if t.get("sentence") == sentence and t["type"] == "DATE"
                     and t["function"] != "CREATION_TIME" and not comparison_baseline(text, t["start"])]
            if dates:
                nearest = min(dates, key=lambda t: abs(t["start"] - fig[0]))
                when_scored += 1
                when_right += bool(r["when"]) and same_time(r["when"]["value"], nearest["value"])
            places = [m for m in g["entity_mentions"] if m.get("sentence") == sentence and m["ent_type"] == "LOC"]
            if places:
                where_scored += 1
                where_right += same_place(r["where"], places, g["entity_mentions"])
    factx = spans_prf(factx_spans, gold_spans)
    quant = spans_prf(quant_spans, gold_spans)
    table(f"MEANTIME: {len(gold_rows)} articles, {factx['gold']} annotated figures",
          ["measure", "factx", "quantulum3"],
          [["figure precision", factx["precision"], quant["precision"]],
           ["figure recall", factx["recall"], quant["recall"]],
           ["figure F1", factx["f1"], quant["f1"]],
           [f"when.value accuracy ({when_scored} figures)", when_right / when_scored if when_scored else 0.0, "-"],
           [f"where accuracy ({where_scored} figures)", where_right / where_scored if where_scored else 0.0, "-"],
           ["seconds", factx_seconds, quant_seconds]])
    save("meantime", {"factx": factx, "quantulum3": quant,
                      "when_accuracy": when_right / when_scored if when_scored else None, "when_scored": when_scored,
                      "where_accuracy": where_right / where_scored if where_scored else None,
                      "where_scored": where_scored, "seconds": {"factx": factx_seconds, "quantulum3": quant_seconds}})


if __name__ == "__main__":
    main()
