"""The README's Accuracy and Speed tables, from the summaries the benchmark scripts wrote to bench/out/.

    python bench/report.py      # prints Markdown; paste it over the README's tables
"""
from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"


def load(name: str) -> dict | None:
    path = OUT / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def f2(x) -> str:
    return f"{x:.2f}" if isinstance(x, (int, float)) else str(x)


def main() -> None:
    nq = load("newsquant")
    if nq:
        print("NewsQuant (590 sentences, 904 quantities; `bench/newsquant.py`)\n")
        print("| measure | factx | quantulum3 |\n| --- | --- | --- |")
        for key, label in (("precision", "figure precision"), ("recall", "figure recall"), ("f1", "figure F1"),
                           ("value_accuracy", "value accuracy"), ("unit_accuracy", "unit accuracy"),
                           ("qualifier_accuracy", "qualifier accuracy")):
            print(f"| {label} | {f2(nq['results']['factx'][key])} | {f2(nq['results']['quantulum3'][key])} |")
        print()
        shared = nq.get("shared_matcher")
        if shared:
            print("The shared NewsQuant matcher (`../shared/bench-data/newsquant/score.py`, the one every system is "
                  "compared with) scores factx at precision "
                  f"{f2(shared['precision'])}, recall {f2(shared['recall'])}, F1 {f2(shared['f1'])}, unit accuracy "
                  f"{f2(shared['unit_accuracy'])} (CQE, by the same matcher: 0.95, 0.91, 0.93, 0.90). The table above is `bench/newsquant.py`'s own matcher, which also pairs leftover predictions and gold quantities in order of appearance (detections with a wrong value); the shared matcher counts a figure only when its value agrees.\n")
    mt = load("meantime")
    if mt:
        print("MEANTIME (97 Wikinews articles, annotated region; `bench/meantime.py`)\n")
        print("| measure | factx | quantulum3 |\n| --- | --- | --- |")
        for key, label in (("precision", "figure precision"), ("recall", "figure recall"), ("f1", "figure F1")):
            print(f"| {label} | {f2(mt['factx'][key])} | {f2(mt['quantulum3'][key])} |")
        print(f"| when.value accuracy ({mt['when_scored']} figures) | {f2(mt['when_accuracy'])} | - |")
        print(f"| where accuracy ({mt['where_scored']} figures) | {f2(mt['where_accuracy'])} | - |\n")
    pn = load("polnear")
    if pn:
        print(f"PolNeAR training split ({pn['articles']} articles; `bench/polnear.py`)\n")
        print("| measure | factx | textacy |\n| --- | --- | --- |")
        print(f"| who accuracy, {pn['figures_in_content']} figures inside attributed content | "
              f"{f2(pn['who_accuracy'])} | - |")
        print(f"| coverage: attributions holding a figure that factx attributed | {f2(pn['coverage'])} | - |")
        print(f"| who accuracy, {pn['quote_figures']} figures inside direct quotations | "
              f"{f2(pn['quote_who_accuracy_factx'])} | {f2(pn['quote_who_accuracy_textacy'])} |\n")
    tb = load("timebank")
    if tb:
        print(f"TimeBank + AQUAINT ({tb['items']} DATE expressions; `bench/timebank.py`)\n")
        print("| exact TIMEX3 value | factx | dateparser |\n| --- | --- | --- |")
        print(f"| all DATE values | {f2(tb['factx']['accuracy_all'])} | {f2(tb['dateparser']['accuracy_all'])} |")
        print(f"| calendar values ({tb['calendar_items']}) | {f2(tb['factx']['accuracy_calendar'])} | "
              f"{f2(tb['dateparser']['accuracy_calendar'])} |\n")
    tp, mem, st = load("throughput"), load("memory"), load("startup")
    engines = [load(f"engines-{k}x") for k in (1, 4)]
    if tp:
        s = tp["seconds"]
        print(f"Throughput ({tp['docs']} documents, {tp['words']:,} words; `bench/throughput.py`)\n")
        print("| run | seconds | docs/s | x spaCy |\n| --- | --- | --- | --- |")
        base = s[tp["baseline"]]
        for name, sec in s.items():
            print(f"| {name} | {sec:.0f} | {tp['docs'] / sec:.1f} | {base / sec:.2f} |")
        r = tp["ratios"]
        print(f"\nx spaCy is against the fastest plain run ({tp['baseline'].removeprefix('spaCy nlp.pipe, ')}). "
              f"`--jobs 1` / fastest spaCy: {r['jobs1_vs_spacy']:.2f}x (target 2.0); `--jobs 2` / `--jobs 1`: "
              f"{r['jobs2_vs_jobs1']:.2f}x; `--jobs 2` / spaCy `n_process=2`: {r['jobs2_vs_spacy_n_process2']:.2f}x; "
              f"outputs identical: {tp['identical']}\n")
    prof = load("profile")
    if prof:
        for label, run in prof["runs"].items():
            print(f"Where a `--jobs 1` run spends its time ({label}; {run['docs']} documents, {run['tokens']:,} "
                  f"tokens, {run['seconds']:.1f} s without model loading; `bench/profile.py`)\n")
            print("| stage | seconds | share | tokens seen |\n| --- | --- | --- | --- |")
            for stage, sec in sorted(run["stages"].items(), key=lambda kv: -kv[1]):
                key = stage.removeprefix("spaCy: ") if stage.startswith("spaCy: ") else (
                    "tokenizer" if stage == "tokenizing" else "")
                seen = f"{100 * run['tokens_seen'][key]:.0f} %" if key in run["tokens_seen"] else ""
                print(f"| {stage} | {sec:.2f} | {100 * sec / run['seconds']:.0f} % | {seen} |")
            print()
    rp = load("report_page")
    if rp:
        c, b = rp["corpus"], rp["big"]
        print(f"`factx report` (`bench/report_page.py`, headless chromium): the corpus page ({c['articles']} articles, "
              f"{c['records']:,} records, the same count as `factx extract`) is {c['bytes'] / 1e6:.1f} MB, built in "
              f"{c['build_seconds']:.1f} s and open in {c['open_seconds']:.2f} s; a page for {b['articles']:,} articles "
              f"({b['records']:,} records) is {b['bytes'] / 1e6:.0f} MB and opens in {b['open_seconds']:.1f} s, "
              f"and a filter redraws its table in {b['filter_seconds'] * 1000:.0f} ms.\n")
    if mem:
        print(f"Peak memory (`bench/memory.py`): {mem['1x']['peak_rss_mb']:.0f} MB on the corpus, "
              f"{mem['10x']['peak_rss_mb']:.0f} MB on 10x the corpus ({mem['growth_percent']:+.1f} %).\n")
    if st:
        print(f"Cold start (`bench/startup.py`): {st['factx_s']:.2f} s for `factx extract` on a short article, "
              f"{st['ratio']:.2f}x loading the model alone ({st['model_load_s']:.2f} s).\n")
    for en in filter(None, engines):
        if "seconds" not in en:
            continue  # a summary from before the attached run was measured
        print(f"Engines on {en['docs']} documents, 2 workers, median of {en['runs']} (`bench/engines.py`; "
              f"identical records: {en['identical']})\n")
        print("| engine | seconds | x local |\n| --- | --- | --- |")
        for name, sec in en["seconds"].items():
            print(f"| {name} | {sec:.1f} | {en['overhead'][name]:.2f} |")
        print()

if __name__ == "__main__":
    main()
