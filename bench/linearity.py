"""Linear time: extraction time at 1x, 4x and 16x input size, for ordinary news and for hostile text.

    python bench/linearity.py

Each row times factx's extraction (model already loaded) on a text and on the
same text repeated 4 and 16 times; the ratios should stay near 4 and 16
(a ratio growing faster than the size means super-linear work).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import corpus_rows, save, table  # noqa: E402

from factx.inputs import Document  # noqa: E402
from factx.pipeline import load_model, run  # noqa: E402

HOSTILE = {
    "digits": "1" * 20_000,
    "thousands separators": "1,000," * 4_000,
    "between between": "between " * 4_000,
    "one long line": "The talks on 5 ships went on and on " * 800,
    "nested quotes": "\u201c" * 2_000 + "He said 5 \u201c\u201d" + "\u201d" * 2_000,
    "blanks": " " * 20_000 + "5 cats\n",
    "dots": "a." * 10_000,
}


def seconds(nlp, text: str) -> float:
    start = time.perf_counter()
    [(_, result)] = list(run(nlp, [Document("t", text)]))
    if isinstance(result, Exception):
        raise result
    return time.perf_counter() - start


def main() -> None:
    nlp = load_model()
    news = "\n".join(row["text"] for row in corpus_rows()[:20])
    cases = {"news (20 articles)": news, **HOSTILE}
    rows, summary = [], {}
    for name, text in cases.items():
        seconds(nlp, text[:1000])  # warm-up
        t1, t4, t16 = (seconds(nlp, text * k) for k in (1, 4, 16))
        rows.append([name, len(text), t1, t4 / t1, t16 / t1])
        summary[name] = {"chars": len(text), "seconds_1x": t1, "ratio_4x": t4 / t1, "ratio_16x": t16 / t1}
    table("extraction time vs input size", ["text", "chars (1x)", "seconds 1x", "4x / 1x", "16x / 1x"], rows)
    print("linear: 4x/1x near 4 and 16x/1x near 16 (well below 16x16 = 256 for quadratic work)")
    save("linearity", summary)


if __name__ == "__main__":
    main()
