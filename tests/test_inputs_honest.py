"""Input that is not what it seems is said so (trust issue, points 8-11): JSON Lines piped in, dates written the
usual ways, HTML, other languages, and the clutter of a pasted web page."""
import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from factx.cli import app
from factx.dates import date_in_name, find_dateline
from factx.language import foreign_language


def run(*args, stdin=None):
    return CliRunner().invoke(app, ["extract", *map(str, args)], input=stdin)


def test_json_lines_on_stdin_are_read_as_articles_and_the_run_says_so():
    lines = [{"id": "a1", "text": "Police said 12 people were hurt.", "date": "2025-02-27"},
             {"id": "a2", "text": "Officials said 3,000 homes lost power."}]
    result = run("-", "--format", "jsonl", stdin="".join(json.dumps(line) + "\n" for line in lines))
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc"], r["figure"]["text"], r["doc_date"]) for r in rows] == [
        ("a1", "12", "2025-02-27"), ("a2", "3,000", None)]
    assert result.stderr.startswith(
        "warning: a1: standard input read as JSON Lines (every line is a JSON object)\n")


@pytest.mark.parametrize("text", [
    '{"a": 1} is not an article, but 12 people said so.\n',
    '{"id": "x"}\nPolice said 12 people were hurt.\n',
])
def test_text_that_only_starts_like_json_stays_text(text):
    result = run("-", "--format", "jsonl", stdin=text)
    assert {json.loads(line)["doc"] for line in result.stdout.splitlines()} == {"-"}


@pytest.mark.parametrize("text, date", [
    ("LONDON, March 3, 2024 (Reuters) - Prices rose 4 percent.", dt.date(2024, 3, 3)),
    ("CHATTANOOGA, Tenn., Jan. 5, 2019 - Police said 4 people died.", dt.date(2019, 1, 5)),
    ("Flood warning\nPublished: 3 March 2024\nThe river rose 2 metres.", dt.date(2024, 3, 3)),
    ("Updated on 2024-03-05 10:00\nThe river rose 2 metres.", dt.date(2024, 3, 5)),
    ("December 13, 2008\nShares fell 3%.", dt.date(2008, 12, 13)),
    ("The plan, March 3, 2024, was dropped.", None),
    ("Paris, March 3, 2024 was the day it rained.", None),
])
def test_the_common_datelines_date_the_document(text, date):
    assert find_dateline(text) == date


@pytest.mark.parametrize("name, date", [
    ("archive/2024-03-03-floods.txt", dt.date(2024, 3, 3)),
    ("2024-03-03/floods.txt", None),
    ("floods-2024-13-03.txt", None),
    ("floods.txt", None),
])
def test_an_iso_date_in_the_file_name_dates_it(name, date):
    assert date_in_name(name) == date


def test_unresolved_relative_dates_are_warned_once_with_the_fix(tmp_path):
    for i in range(2):
        (tmp_path / f"a{i}.txt").write_text("Police said on Friday that 12 people were hurt.\n")
    (tmp_path / "2024-03-08-b.txt").write_text("Police said on Friday that 12 people were hurt.\n")
    result = run(tmp_path, "--format", "jsonl")
    assert [json.loads(line)["when"]["value"] for line in result.stdout.splitlines()] == [
        "2024-03-08", None, None]
    assert result.stderr == (
        "3 documents, 3 records\n"
        "warning: 2 documents had no date, so times such as 'on Friday' or 'March 3' stayed unresolved (null or "
        "XXXX-); give --doc-date YYYY-MM-DD, a date field in JSON Lines (--date-key), or a dateline in the text\n")


def test_html_is_refused_with_the_hint_and_the_rest_goes_on(tmp_path):
    (tmp_path / "page.txt").write_text("<!DOCTYPE html><html><body><p>12 hurt</p><script>var x = 12345;</script>"
                                       "</body></html>\n")
    (tmp_path / "story.txt").write_text("Police said 12 people were hurt.\n")
    result = run(tmp_path, "--format", "jsonl")
    assert result.exit_code == 1
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == [str(tmp_path / "story.txt")]
    assert result.stderr.splitlines()[0] == (
        f"error: {tmp_path / 'page.txt'}: an HTML page, not article text; save the article's text first (trafilatura "
        "does it: trafilatura -i page.html > page.txt) and extract that")


@pytest.mark.parametrize("text, language", [
    ("El gobierno dijo el viernes que 300 millones de personas fueron afectadas por la crisis económica en "
     "el país, según el ministerio.", "Spanish"),
    ("Die Regierung sagte am Freitag, dass 300 Menschen von der Krise betroffen waren, wie das Ministerium "
     "mitteilte.", "German"),
    ("The government said on Friday that 300 million people were hit by the economic crisis in the country, "
     "according to the ministry.", None),
    ("Sales rose 5% to $3 billion.", None),  # too short to tell
    ("BREAKING: Apple, Google, Microsoft, Amazon shares jump; Nasdaq up 2%; Dow up 1.5%; S&P 500 up 1.8%; "
     "Tesla, Nvidia lead gains; oil, gold steady; bitcoin slips", None),  # English headlines without function words
])
def test_a_text_in_another_language_is_named(text, language):
    assert foreign_language(text) == language


def test_a_text_in_another_language_is_warned_in_one_line(tmp_path):
    (tmp_path / "es.txt").write_text("El gobierno dijo el viernes que 300 millones de personas fueron afectadas "
                                     "por la crisis económica en el país, según el ministerio.\n")
    result = run(tmp_path / "es.txt", "--format", "jsonl")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        f"warning: {tmp_path / 'es.txt'}: looks like Spanish, not English: factx reads English news, so its "
        "records may be wrong")


@pytest.mark.parametrize("clutter", [
    "Subscribe for $1 a week", "Accept all 24 partners", "Updated 2 hours ago", "1.2K shares", "348 comments",
    "Top 10 stories", "1,245,000 followers", "1/19", "Manage our 140 partners", "Posted: 35 mins ago",
])
def test_web_page_clutter_is_no_figure(extract, clutter):
    text = f"Police said 12 people were hurt.\n\n{clutter}\n\nThe council said 30 homes flooded.\n"
    assert [r["figure"]["text"] for r in extract(text)] == ["12", "30"]


@pytest.mark.parametrize("text, figure", [
    ("Police said 348 people were arrested.", "348"),
    ("The account has 1,245,000 followers on Twitter, the company said.", "1,245,000"),
    ("Its top 10 stores sold $1 million of goods.", "10"),
    ("Subscriptions rose to $5 a month, the paper said.", "$5"),
    ("He died 2 hours after the attack, police said.", "2"),
])
def test_the_same_words_in_a_sentence_stay_figures(extract, text, figure):
    assert figure in [r["figure"]["text"] for r in extract(text)]
