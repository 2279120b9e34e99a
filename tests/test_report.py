"""factx report in a real browser (Debian's chromium, driven by selenium): figures highlighted, filters,
jumps to a figure, and article text that never runs as code."""
import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factx.cli import app

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")
selenium = pytest.importorskip("selenium", reason="selenium is in the test extra")
pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="Debian's chromium and chromium-driver are not installed (make test installs them)")

HOSTILE = ('Police said <script>window.pwned = 1</script> 12 people were hurt. '
           'A <img src=x onerror="window.pwned = 2"> sign said 40 cars burned. </textarea></script>'
           '<script>window.pwned = 3</script> Officials said 300 soldiers were killed.')


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    hostile = tmp / "hostile.jsonl"
    hostile.write_text(json.dumps({"id": "hostile <b>1</b>", "text": HOSTILE, "date": "2025-02-24"}) + "\n")
    out = tmp / "report.html"
    samples = sorted(str(p) for p in (ROOT / "samples").glob("*.txt"))
    result = CliRunner().invoke(app, ["report", *samples, str(hostile), "-o", str(out), "-j", "1"])
    assert result.exit_code == 0, result.stderr
    extracted = CliRunner().invoke(app, ["extract", *samples, str(hostile), "-f", "jsonl", "-q", "-j", "1"])
    return out, len(extracted.stdout.splitlines())


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,900"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def _open(browser, path):
    browser.get(path.as_uri())
    assert browser.execute_script("return document.body.dataset.ready") == "true"


def test_page_is_self_contained(page):
    html = page[0].read_text(encoding="utf-8")
    assert "http://" not in html.replace("http://www.w3.org", "") and "https://" not in html
    assert html.count("<script") == 2  # the data block and the page's own script
    data = html[html.index('id="factx-data">'):]
    data = data[:data.index("</script>")]
    assert "<" not in data.removeprefix('id="factx-data">') and "pwned" in data  # article text only as escaped data


def test_table_holds_every_record_and_a_filter_narrows_it(browser, page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    path, count = page
    _open(browser, path)
    assert browser.find_element(By.ID, "count").text == f"{count} of {count} records"
    Select(browser.find_element(By.ID, "f-kind")).select_by_value("money")
    shown = browser.find_elements(By.CSS_SELECTOR, "#table tbody tr")
    assert 0 < len(shown) < count
    assert all("k-money" in row.get_attribute("class") for row in shown)
    assert browser.find_element(By.ID, "count").text.startswith(f"{len(shown)} of {count} records")
    source = browser.find_element(By.ID, "f-who")
    source.send_keys("no such source anywhere")
    browser.execute_script("refresh()")
    assert browser.find_element(By.ID, "count").text == f"0 of {count} records"


def test_a_click_reaches_the_figure_highlighted_in_its_article(browser, page):
    from selenium.webdriver.common.by import By

    _open(browser, page[0])
    row = browser.find_element(By.CSS_SELECTOR, "#table tbody tr")
    record = row.get_attribute("data-record")
    row.click()
    assert browser.find_element(By.ID, "articles").is_displayed()
    focused = browser.switch_to.active_element
    assert focused.get_attribute("id") == f"fig-{record}"
    assert "selected" in focused.get_attribute("class")
    marks = browser.find_elements(By.CSS_SELECTOR, "#article mark.fig")
    assert marks and all("k-" in m.get_attribute("class") for m in marks)
    assert browser.find_element(By.ID, "detail").text.startswith(focused.text.split("\n")[0][:3]) or \
        "figure" in browser.find_element(By.ID, "detail").text


def test_article_text_shows_and_runs_nothing(browser, page):
    from selenium.webdriver.common.by import By

    _open(browser, page[0])
    browser.find_element(By.ID, "tab-articles").click()
    item = next(li for li in browser.find_elements(By.CSS_SELECTOR, "#doclist li") if li.text.startswith("hostile"))
    item.click()
    shown = browser.execute_script(
        "const c = document.getElementById('article').cloneNode(true);"
        "c.querySelectorAll('sup, h2').forEach(e => e.remove()); return c.textContent")
    assert shown == HOSTILE  # every character shown as written
    assert "hostile <b>1</b>" in browser.find_element(By.CSS_SELECTOR, "#article h2").text
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    assert not browser.find_elements(By.CSS_SELECTOR, "#article img, #article script, #article b")
    assert "300" in [m.text[:3] for m in browser.find_elements(By.CSS_SELECTOR, "#article mark.fig")]


def test_capture(browser, page):
    """The README's screenshot: the article view with a figure selected (written when missing or asked for)."""
    from selenium.webdriver.common.by import By

    _open(browser, page[0])
    browser.find_element(By.ID, "tab-articles").click()
    next(li for li in browser.find_elements(By.CSS_SELECTOR, "#doclist li") if "boeing" in li.text).click()
    browser.find_elements(By.CSS_SELECTOR, "#article mark.fig")[3].click()
    capture = ROOT / "samples" / "captures" / "report.png"
    if os.environ.get("FACTX_CAPTURES") or not capture.exists():
        assert browser.save_screenshot(str(capture))
    assert capture.stat().st_size > 10_000


REVIEW = [
    {"id": "a1", "title": "Kursk losses", "date": "2025-02-24",
     "text": "The ministry said around 300 soldiers were killed in Kursk on Friday. Between 1,000 and 3,000 homes "
             "burned."},
    {"id": "a2", "text": "Officials in Kyiv said more than 4,000 soldiers were killed in Kursk on Friday.",
     "date": "2025-02-24"},
]


@pytest.fixture(scope="module")
def review_page(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("review")
    source = tmp / "review.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in REVIEW))
    out = tmp / "review.html"
    assert CliRunner().invoke(app, ["report", str(source), "-o", str(out), "-j", "1", "-q"]).exit_code == 0
    return out


def test_records_show_the_figure_as_written_and_its_value_or_bounds(browser, review_page):
    from selenium.webdriver.common.by import By

    _open(browser, review_page)
    cells = {row.find_elements(By.TAG_NAME, "td")[1].text: row.find_elements(By.TAG_NAME, "td")[2].text
             for row in browser.find_elements(By.CSS_SELECTOR, "#table tbody tr")}
    assert cells == {"around 300": "about 300", "Between 1,000 and 3,000": "1,000\u20133,000",
                     "more than 4,000": "more than 4,000"}
    assert browser.find_element(By.ID, "stats").text.startswith("2 articles \u00b7 3 records \u00b7 1 disagreement \u00b7")


def test_articles_are_named_by_their_title(browser, review_page):
    from selenium.webdriver.common.by import By

    _open(browser, review_page)
    names = [li.get_attribute("textContent") for li in browser.find_elements(By.CSS_SELECTOR, "#doclist li")]
    assert names == ["Kursk losses (a1) (2)", "a2 (1)"]


def test_disagreements_show_the_range_each_figure_allows(browser, review_page):
    from selenium.webdriver.common.by import By

    _open(browser, review_page)
    browser.find_element(By.ID, "tab-claims").click()
    box = browser.find_element(By.ID, "claims")
    assert box.find_element(By.TAG_NAME, "p").text.startswith("1 claim whose sources disagree, 0 where they agree.")
    rows = [[td.text for td in tr.find_elements(By.TAG_NAME, "td")[2:5]]
            for tr in box.find_elements(By.CSS_SELECTOR, "tbody tr")]
    assert rows == [["around 300", "about 300", "240\u2013360"], ["more than 4,000", "more than 4,000", "4,000 or more"]]


def test_the_filtered_table_downloads_as_csv(browser, review_page):
    import csv
    import io
    from urllib.parse import unquote

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _open(browser, review_page)
    Select(browser.find_element(By.ID, "f-kind")).select_by_value("count")
    browser.find_element(By.ID, "f-text").send_keys("homes")
    browser.execute_script("refresh()")
    link = browser.find_element(By.ID, "csv")
    assert link.get_attribute("download") == "factx-records.csv"
    href = link.get_attribute("href")
    assert href.startswith("data:text/csv;charset=utf-8,")
    rows = list(csv.DictReader(io.StringIO(unquote(href.split(",", 1)[1]))))
    assert [(r["doc"], r["figure"], r["value"], r["low"], r["high"]) for r in rows] == [
        ("a1", "Between 1,000 and 3,000", "1,000\u20133,000", "1000", "3000")]
