"""NewsQuant (CQE, EMNLP 2023): 590 news sentences, 904 quantities; factx against quantulum3, same sentences.

    python bench/newsquant.py

Each sentence is one document (factx reads them as JSON Lines, like a user
would). Gold quantities carry no offsets, so predictions are matched to gold
within a sentence first by value (within 0.1 %), then leftover predictions and
gold quantities are paired in order of appearance (those count as detections
with a wrong value). Measures on matched pairs: value, unit (against `unit` and
`normalized_unit`, words compared, British and American spellings folded), qualifier
(gold `change` ~ > < against figure.mod; quantulum3 reports no qualifier, so it is scored as "none"). This matcher pairs leftovers in order, which
the shared matcher does not: the shared matcher's numbers for factx are printed too (the figures to
compare with other systems, CQE's included).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import FACTX, SHARED, quantulum_parser, save, table

DATA = SHARED / "bench-data" / "newsquant" / "NewsQuant.json"
CURRENCY_WORDS = {"USD": {"$", "dollar", "usd", "us$"}, "EUR": {"euro", "€", "eur"}, "GBP": {"pound", "£", "gbp"},
                  "JPY": {"yen", "¥"}, "INR": {"rupee"}, "CNY": {"yuan", "renminbi"}, "CAD": {"canadian dollar"},
                  "AUD": {"australian dollar"}, "%": {"percent", "percentage", "%", "per cent"}}
MODS = {"~": {"approx"}, ">": {"more_than", "at_least"}, "<": {"less_than", "at_most"}}


def stem(word: str) -> str:
    word = word.lower().strip(" .")
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + repl
    return word


def unit_right(pred: str | None, gold: dict) -> bool:
    golds = {g for g in (gold.get("unit"), gold.get("normalized_unit")) if g and g != "-"}
    if not golds:
        return not pred
    if not pred:
        return False
    words = CURRENCY_WORDS.get(pred, {pred.lower()})
    for g in golds:
        g_low = g.lower()
        if any(w == g_low or stem(w) == stem(g_low) for w in words):
            return True
        if any(stem(w) in {stem(t) for t in re.findall(r"[\w$€£¥%]+", g_low)} for w in words):
            return True
        # a unit named in words ('degrees Fahrenheit', 'kilometres per hour') matches when one of its words is
        # one of the gold's, British and American spellings folded ('kilometres' ~ 'kilometers')
        if unit_words(pred) & unit_words(g):
            return True
    return False


def unit_words(unit: str) -> set[str]:
    return {stem(re.sub(r"tre(s?)\b", r"ter\1", t)) for t in re.findall(r"[a-z]+", unit.lower())} - {"per", "square", "cubic"}


def close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-3 * max(abs(a), abs(b), 1e-9)


def gold_values(gold: dict) -> list[float]:
    """A gold value, or both bounds of a gold range ('252.0-287.0'); either counts as the value."""
    try:
        return [float(gold["value"])]
    except ValueError:
        return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", gold["value"])]


def value_right(pred: dict, gold: dict) -> bool:
    if pred["value"] is None:
        return False
    values = gold_values(gold)
    lows = [pred["value"], pred.get("low", pred["value"])]
    return any(close(v, g) for v in lows if v is not None for g in values)


def match(preds: list[dict], golds: list[dict]) -> list[tuple[dict, dict]]:
    pairs, free_p, free_g = [], list(preds), list(golds)
    for g in golds:
        for p in free_p:
            if value_right(p, g):
                pairs.append((p, g))
                free_p.remove(p)
                free_g.remove(g)
                break
    pairs.extend(zip(free_p, free_g))
    return pairs


def factx_predictions(sentences: list[str]) -> tuple[list[list[dict]], float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sentences.jsonl"
        path.write_text("".join(json.dumps({"id": str(i), "text": s}) + "\n" for i, s in enumerate(sentences)))
        start = time.perf_counter()
        out = subprocess.run(FACTX + ["extract", str(path), "-q", "-f", "jsonl"], check=True, capture_output=True,
                             text=True).stdout
        seconds = time.perf_counter() - start
    per = [[] for _ in sentences]
    for line in out.splitlines():
        r = json.loads(line)
        fig = r["figure"]
        value = fig["value"] if fig["value"] is not None else fig["low"]
        per[int(r["doc"])].append({"value": value, "unit": fig["unit"], "mod": fig["mod"]})
    return per, seconds


def quantulum_predictions(sentences: list[str]) -> tuple[list[list[dict]], float]:
    parser = quantulum_parser()
    start = time.perf_counter()
    per = []
    for s in sentences:
        try:
            found = parser.parse(s)
        except Exception:  # a peer's crash counts as finding nothing
            found = []
        per.append([{"value": q.value, "mod": None,
                     "unit": None if q.unit.name == "dimensionless" else q.unit.name} for q in found])
    return per, time.perf_counter() - start


def score(preds: list[list[dict]], golds: list[list[dict]]) -> dict:
    tp = fp = fn = value_ok = unit_ok = mod_ok = 0
    for p, g in zip(preds, golds):
        pairs = match(p, g)
        tp += len(pairs)
        fp += len(p) - len(pairs)
        fn += len(g) - len(pairs)
        for pred, gold in pairs:
            value_ok += value_right(pred, gold)
            unit_ok += unit_right(pred["unit"], gold)
            mod_ok += (pred["mod"] in MODS[gold["change"]]) if gold["change"] in MODS else pred["mod"] is None
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": precision, "recall": recall,
            "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "value_accuracy": value_ok / tp if tp else 0.0, "unit_accuracy": unit_ok / tp if tp else 0.0,
            "qualifier_accuracy": mod_ok / tp if tp else 0.0, "matched": tp}


SHARED_SCORER = SHARED / "bench-data" / "newsquant" / "score.py"


def shared_matcher() -> dict:
    """factx scored by the shared NewsQuant matcher (the one every system is compared with): its documents,
    factx's records, its JSON summary."""
    with tempfile.TemporaryDirectory() as tmp:
        docs, pred = Path(tmp) / "docs.jsonl", Path(tmp) / "pred.jsonl"
        subprocess.run([sys.executable, str(SHARED_SCORER), "docs", str(docs)], check=True)
        pred.write_text(subprocess.run(FACTX + ["extract", str(docs), "-q", "-f", "jsonl"], check=True,
                                       capture_output=True, text=True).stdout)
        out = subprocess.run([sys.executable, str(SHARED_SCORER), "score", str(pred)], check=True,
                             capture_output=True, text=True).stdout
    return json.loads(out)


def main() -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    sentences = [d["text"] for d in data]
    golds = [d["quantities"] for d in data]
    results, seconds = {}, {}
    for name, run in (("factx", factx_predictions), ("quantulum3", quantulum_predictions)):
        preds, seconds[name] = run(sentences)
        results[name] = score(preds, golds)
    columns = ["precision", "recall", "f1", "value_accuracy", "unit_accuracy", "qualifier_accuracy"]
    table(f"NewsQuant: {len(sentences)} sentences, {sum(map(len, golds))} quantities",
          ["extractor", *columns, "seconds"],
          [[name, *(r[c] for c in columns), seconds[name]] for name, r in results.items()])
    shared = shared_matcher()
    table("NewsQuant, shared matcher (../shared/bench-data/newsquant/score.py)",
          ["extractor", "precision", "recall", "f1", "unit_accuracy"],
          [["factx", shared["precision"], shared["recall"], shared["f1"], shared["unit_accuracy"]]])
    save("newsquant", {"results": results, "seconds": seconds, "shared_matcher": shared})


if __name__ == "__main__":
    sys.exit(main())
