"""factx report on real batches: how long it takes, how big the page is, how fast it opens in a browser.

    python bench/report_page.py [--articles 10000]

1. ``factx report`` on the shared corpus (243 articles): seconds, page size, records on the page against
   ``factx extract``'s, and the time the page takes to open in headless chromium (navigation start to the
   page's script having built the table).
2. A page for ``--articles`` articles (the corpus's articles and records copied under new ids, built with
   the same code): its size and opening time, and the time a filter takes to redraw the table.
Needs Debian's chromium and chromium-driver and selenium (the test extra).
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from _common import CORPUS, FACTX, ROOT, save, table, timed


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)


def open_seconds(driver, page: Path) -> tuple[float, int]:
    """Seconds from navigation start until the page is built, and the record count it shows."""
    driver.get("about:blank")
    driver.get(page.as_uri())
    built = float(driver.execute_script("return document.body.dataset.readyMs"))  # set by the page's script
    shown = driver.execute_script("return DATA.records.length")
    return built / 1000, shown


def filter_seconds(driver) -> float:
    return driver.execute_script(
        "const s = performance.now(); document.getElementById('f-kind').value = 'money'; refresh();"
        "return (performance.now() - s) / 1000")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    args = ap.parse_args()
    from factx.claims import conflicts
    from factx.report import build

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "corpus.html"
        build_seconds = timed(FACTX + ["report", str(CORPUS), "-o", str(page)], stderr=subprocess.DEVNULL)
        records = subprocess.run(FACTX + ["extract", str(CORPUS), "-q", "-f", "jsonl"], check=True,
                                 capture_output=True, cwd=ROOT).stdout.decode().splitlines()
        driver = browser()
        try:
            corpus_open, shown = open_seconds(driver, page)
            corpus_filter = filter_seconds(driver)
            rows = [json.loads(line) for line in records]
            articles = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
            copies = -(-args.articles // len(articles))
            big_articles, big_records = [], []
            for n in range(copies):
                for a in articles:
                    big_articles.append({"id": f"{a['id']}#{n}", "text": a["text"], "date": a.get("date")})
                for r in rows:
                    big_records.append(dict(r, doc=f"{r['doc']}#{n}"))
            big_articles = big_articles[:args.articles]
            kept = {a["id"] for a in big_articles}
            big_records = [r for r in big_records if r["doc"] in kept]
            start = time.perf_counter()
            big = Path(tmp) / "big.html"
            big.write_text(build(big_articles, big_records, conflicts(big_records)), encoding="utf-8")
            big_build = time.perf_counter() - start
            big_open, big_shown = open_seconds(driver, big)
            big_filter = filter_seconds(driver)
        finally:
            driver.quit()
        sizes = {"corpus": page.stat().st_size, "big": big.stat().st_size}
    table("factx report", ["page", "articles", "records", "MB", "build s", "open s", "filter s"], [
        ["corpus (factx report)", len(articles), shown, sizes["corpus"] / 1e6, build_seconds, corpus_open,
         corpus_filter],
        [f"{len(big_articles)} articles (built in-process)", len(big_articles), big_shown, sizes["big"] / 1e6,
         big_build, big_open, big_filter]])
    print(f"records on the corpus page equal factx extract's: {shown == len(records)} ({shown} / {len(records)})")
    save("report_page", {"corpus": {"articles": len(articles), "records": shown, "extract_records": len(records),
                                    "bytes": sizes["corpus"], "build_seconds": build_seconds,
                                    "open_seconds": corpus_open, "filter_seconds": corpus_filter},
                         "big": {"articles": len(big_articles), "records": big_shown, "bytes": sizes["big"],
                                 "build_seconds": big_build, "open_seconds": big_open,
                                 "filter_seconds": big_filter}})


if __name__ == "__main__":
    main()
