"""The terminal tables are legible at 80 and at 200 columns: one line a record, nothing wrapped inside a word
or a number (cut with an ellipsis instead), no document column for one document, the same value formatting in
every view."""
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factx.cli import app
from factx.views import format_value

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def table_rows(output: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip("│").split("│")] for line in output.splitlines()
            if line.startswith("│")]


@pytest.mark.parametrize("width", [80, 200])
def test_a_folder_table_fits_the_terminal_one_line_a_record(width, monkeypatch, tmp_path):
    monkeypatch.setenv("COLUMNS", str(width))
    folder = tmp_path / "articles" / "wikinews"
    folder.mkdir(parents=True)
    for article in sorted(SAMPLES.glob("*.txt")):
        (folder / article.name).write_bytes(article.read_bytes())
    records = [json.loads(line) for p in sorted((SAMPLES / "expected").glob("*.jsonl"))
               for line in p.read_text(encoding="utf-8").splitlines()]
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "articles"), "--format", "table", "-q"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert all(len(line) <= width for line in lines)
    rows = table_rows(result.stdout)
    assert len(rows) == len(records)  # one line a record: nothing wrapped onto a second line
    for row, record in zip(rows, records):
        doc, figure, value = row[0], row[1], row[2]
        for cell, whole in ((doc, record["doc"].rsplit("/", 1)[-1]), (figure, record["figure"]["text"]),
                            (value, format_value(record["figure"]))):
            assert cell == whole or cell.endswith("…") and whole.startswith(cell[:-1])


def test_one_document_has_its_name_as_title_and_no_doc_column(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = CliRunner().invoke(app, ["extract", str(SAMPLES / "boeing-orders.txt"), "--format", "table", "-q"])
    lines = result.stdout.splitlines()
    assert lines[0].strip() == str(SAMPLES / "boeing-orders.txt")
    assert re.match(r"┃figure\s+┃ value", lines[2])
    assert table_rows(result.stdout)[0][:3] == ["$11bn", "11 billion", "USD"]


@pytest.mark.parametrize("figure, shown", [
    ({"value": None, "low": 10_000_000, "high": 15_000_000, "mod": None}, "10 million–15 million"),
    ({"value": 1000, "low": 1000, "high": 1000, "mod": "more_than"}, "more than 1,000"),
    ({"value": 300, "low": 300, "high": 300, "mod": "approx"}, "about 300"),
    ({"value": 0.6667, "low": 0.6667, "high": 0.6667, "mod": None}, "0.6667"),
    ({"value": 1234567, "low": 1234567, "high": 1234567, "mod": None}, "1,234,567"),
    ({"value": 2.5e9, "low": 2.5e9, "high": 2.5e9, "mod": "at_least"}, "at least 2.5 billion"),
])
def test_one_value_format_for_every_view(figure, shown):
    assert format_value(figure) == shown
