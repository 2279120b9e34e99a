"""SQLite and Parquet outputs, read back with the standard tools (sqlite3, pyarrow) and compared with the
JSON Lines records; SQLite resumes like JSON Lines (the data issue, point 1)."""
import json
import sqlite3

import pytest

from conftest import write_texts

from factx.cli import app

ARTICLES = [
    "The ministry said 300 soldiers were killed in Kursk on Friday.",
    "Sales rose 5% to $3 billion in March, the company said.",
    "About 5,000 people marched in Lyon on Saturday, police said. Between 1,000 and 3,000 homes burned.",
    "No figure in this one.",
]


@pytest.fixture
def texts(tmp_path):
    return write_texts(tmp_path / "texts", ARTICLES)


def jsonl(runner, *args) -> list[dict]:
    result = runner.invoke(app, ["extract", *map(str, args), "-f", "jsonl", "-q", "-j", "1"])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_sqlite_holds_the_records_with_flat_columns_and_the_whole_record(runner, texts, tmp_path):
    db = tmp_path / "figures.db"
    result = runner.invoke(app, ["extract", str(texts), "-o", str(db), "-q", "-j", "1"])
    assert result.exit_code == 0 and result.stdout == ""
    expected = jsonl(runner, texts)
    con = sqlite3.connect(db)
    rows = con.execute("SELECT doc, figure_text, figure_value, figure_start, who_name, record FROM records "
                       "ORDER BY rowid").fetchall()
    assert len(rows) == len(expected) == 5
    assert [json.loads(r[5]) for r in rows] == expected
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        (e["doc"], e["figure"]["text"], e["figure"]["value"], e["figure"]["start"], (e["who"] or {}).get("name"))
        for e in expected]
    types = dict(con.execute("SELECT typeof(figure_low), typeof(figure_start) FROM records LIMIT 1").fetchall())
    assert types == {"real": "integer"}
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"records_doc", "records_figure_kind", "records_who_name", "records_where_text"} <= indexes
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == len(ARTICLES)


def test_sqlite_resumes_a_run_cut_short_to_the_records_of_a_whole_run(runner, texts, tmp_path):
    whole, cut = tmp_path / "whole.db", tmp_path / "cut.db"
    assert runner.invoke(app, ["extract", str(texts), "-o", str(whole), "-q", "-j", "1"]).exit_code == 0
    assert runner.invoke(app, ["extract", str(texts), "-o", str(cut), "-q", "-j", "1"]).exit_code == 0
    con = sqlite3.connect(cut)  # a run that stopped before its last documents were committed
    last = [r[0] for r in con.execute("SELECT id FROM documents ORDER BY seq DESC LIMIT 2")]
    con.executemany("DELETE FROM records WHERE doc = ?", [(d,) for d in last])
    con.executemany("DELETE FROM documents WHERE id = ?", [(d,) for d in last])
    con.commit()
    con.close()
    result = runner.invoke(app, ["extract", str(texts), "-o", str(cut), "--resume", "-j", "1"])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == "2 documents, 2 records, 2 already done"
    read = lambda path: [r[0] for r in sqlite3.connect(path).execute("SELECT record FROM records ORDER BY rowid")]
    assert read(cut) == read(whole)


def test_sqlite_resume_with_other_options_is_refused(runner, texts, tmp_path):
    db = tmp_path / "figures.db"
    assert runner.invoke(app, ["extract", str(texts), "-o", str(db), "-q", "-j", "1"]).exit_code == 0
    result = runner.invoke(app, ["extract", str(texts), "-o", str(db), "--resume", "--kind", "money"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: --resume: {db} was written with no --kind, this run has --kind money")
    not_db = tmp_path / "notes.db"
    not_db.write_text("not a database at all, just words\n" * 20)
    result = runner.invoke(app, ["extract", str(texts), "-o", str(not_db), "--resume"])
    assert result.exit_code == 2 and "not a factx database" in result.stderr and result.stderr.count("\n") == 1


def test_parquet_holds_the_records_as_arrow_structs(runner, texts, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "figures.parquet"
    assert runner.invoke(app, ["extract", str(texts), "-o", str(out), "-q", "-j", "1"]).exit_code == 0
    table = pq.read_table(out)
    expected = jsonl(runner, texts)
    assert table.num_rows == len(expected)
    assert str(table.schema.field("figure").type).startswith("struct<text: string, start: int64")
    rows = table.to_pylist()
    assert [(r["doc"], r["figure"]["text"], r["figure"]["low"], r["figure"]["high"], (r["who"] or {}).get("name"),
             r["provenance"]["who"]["rule"]) for r in rows] == [
        (e["doc"], e["figure"]["text"], e["figure"]["low"], e["figure"]["high"], (e["who"] or {}).get("name"),
         e["provenance"]["who"]["rule"]) for e in expected]


def test_parquet_without_pyarrow_is_one_line_naming_the_extra(runner, texts, tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name, *a))
    result = runner.invoke(app, ["extract", str(texts), "-o", str(tmp_path / "f.parquet")])
    assert result.exit_code == 2
    assert result.stderr == "error: Parquet output needs pyarrow: pip install 'factx[parquet]'\n"
    assert not (tmp_path / "f.parquet").exists()


def test_database_formats_need_a_file(runner, texts):
    result = runner.invoke(app, ["extract", str(texts), "--format", "sqlite"])
    assert result.exit_code == 2 and "add -o FILE.db" in result.stderr
