"""The command line: every input kind, format and exit code, with exact output."""
import csv
import io
import json

import jsonschema
import pytest

from factx import __version__
from factx.cli import app

TEXT = "The ministry said on Friday that 300 soldiers were killed in Kursk.\n"
RECORD = {
    "doc": "-",
    "figure": {"text": "300", "start": 33, "end": 36, "value": 300, "low": 300, "high": 300, "mod": None,
               "unit": "soldiers", "kind": "count"},
    "what": "killed",
    "subject": {"text": "soldiers", "start": 37, "end": 45},
    "part_of": None,
    "who": {"text": "The ministry", "name": "The ministry", "label": "ORG", "start": 0, "end": 12},
    "cue": "said",
    "when": {"text": "Friday", "value": "2025-02-28", "start": 21, "end": 27},
    "where": {"text": "Kursk", "label": "GPE", "start": 61, "end": 66, "country": "RU"},
    "sentence": "The ministry said on Friday that 300 soldiers were killed in Kursk.",
    "doc_date": "2025-03-01",
    "claim": None,
    "provenance": {"who": {"rule": "reporting verb", "carried_from": None},
                   "when": {"rule": "time of its clause", "carried_from": None},
                   "where": {"rule": "own sentence", "carried_from": None}},
}


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"factx {__version__}\n")


def test_stdin_exact_record(runner):
    result = runner.invoke(app, ["extract", "-", "--doc-date", "2025-03-01", "-q"], input=TEXT)
    assert result.exit_code == 0
    assert result.stdout == json.dumps(RECORD, separators=(",", ":"), ensure_ascii=False) + "\n"
    assert result.stderr == ""


def test_summary_on_stderr(runner):
    result = runner.invoke(app, ["extract", "-", "--doc-date", "2025-03-01"], input=TEXT)
    assert result.exit_code == 0
    assert result.stderr == "1 document, 1 record\n"


def test_text_file_named_as_given(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["extract", "a.txt", "--doc-date", "2025-03-01", "-q"])
    assert result.exit_code == 0
    assert [r["doc"] for r in lines(result.stdout)] == ["a.txt"]


def test_folder_recursive_sorted_with_glob(runner, tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("They found 20 boxes.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("They found 10 boxes.", encoding="utf-8")
    (tmp_path / "b" / "3.md").write_text("They found 30 boxes.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "-q"])
    assert [(r["doc"], r["figure"]["value"]) for r in lines(result.stdout)] == [
        (str(tmp_path / "1.txt"), 10), (str(tmp_path / "b" / "2.txt"), 20)]
    result = runner.invoke(app, ["extract", str(tmp_path), "--glob", "*.md", "-q"])
    assert [r["figure"]["value"] for r in lines(result.stdout)] == [30]


def test_jsonl_with_renamed_keys_and_dates(runner, tmp_path):
    path = tmp_path / "in.jsonl"
    rows = [{"key": "x1", "body": "Police said on Friday that 12 people died.", "published": "2016-11-08"},
            {"key": "x2", "body": "Nothing to count here.", "published": None}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--id-key", "key", "--text-key", "body",
                                 "--date-key", "published", "-q"])
    assert result.exit_code == 0
    [record] = lines(result.stdout)
    assert (record["doc"], record["doc_date"], record["when"]["value"]) == ("x1", "2016-11-08", "2016-11-04")


def test_doc_date_overrides(runner, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "He said 5 ships sank last year.", "date": "2010-01-01"}) + "\n")
    result = runner.invoke(app, ["extract", str(path), "--doc-date", "2020-06-01", "-q"])
    assert lines(result.stdout)[0]["when"]["value"] == "2019"


def test_bad_inputs_are_reported_and_the_rest_processed(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("They found 10 boxes.", encoding="utf-8")
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": "ok", "text": "They found 7 boxes."}\n{not json}\n[1, 2]\n{"id": "nt"}\n',
                     encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["extract", str(missing), str(good), str(jsonl), "-q"])
    assert result.exit_code == 1
    assert [r["figure"]["value"] for r in lines(result.stdout)] == [10, 7]
    errors = result.stderr.splitlines()
    assert errors == [
        f"error: {missing}: no such file; check the path",
        f"error: {jsonl}:2: not valid JSON (unexpected character, expected a string key: line 1 column 2 (char 1)); "
        "fix or remove the line",
        f'error: {jsonl}:3: not a JSON object; each line must be {{"id": ..., "text": ...}}',
        f"error: {jsonl}:4: field 'text' is missing; use --text-key to name the text field",
    ]


def test_empty_input_is_a_warning_not_a_failure(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(empty)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == f"warning: {empty}: empty (no text), no records"


@pytest.mark.parametrize("args, message", [
    (["extract", "-", "--doc-date", "27/02/2025"], "'27/02/2025' is not a date"),
    (["extract", "-", "--format", "xml"], "xml"),
    (["extract"], "missing INPUT..."),
    (["extract", "-", "--model", "no_such_pipeline_xyz"], "pip install"),
])
def test_usage_errors_exit_2(runner, args, message):
    result = runner.invoke(app, args, input=TEXT)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_json_format_is_one_array(runner):
    result = runner.invoke(app, ["extract", "-", "--format", "json", "--doc-date", "2025-03-01", "-q"], input=TEXT)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [RECORD]


def test_json_format_empty_array(runner):
    result = runner.invoke(app, ["extract", "-", "--format", "json", "-q"], input="No numbers.")
    assert json.loads(result.stdout) == []


def test_csv_format_flattens(runner):
    result = runner.invoke(app, ["extract", "-", "--format", "csv", "--doc-date", "2025-03-01", "-q"], input=TEXT)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1
    row = rows[0]
    assert (row["figure_value"], row["figure_unit"], row["who_name"], row["when_value"], row["where_text"],
            row["figure_mod"]) == ("300", "soldiers", "The ministry", "2025-02-28", "Kursk", "")


def test_table_format(runner):
    result = runner.invoke(app, ["extract", "-", "--format", "table", "-q"], input=TEXT)
    assert result.exit_code == 0
    assert "soldiers" in result.stdout and "ministry" in result.stdout
    assert "record" not in result.stdout  # the count is said once, by the summary on stderr


def test_table_count_said_once(runner):
    result = runner.invoke(app, ["extract", "-", "--format", "table", "--doc-date", "2025-03-01"], input=TEXT)
    assert (result.stdout + result.stderr).count("record") == 1
    assert result.stderr == "1 document, 1 record\n"


def test_output_file(runner, tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", "-", "-o", str(out), "--doc-date", "2025-03-01", "-q"], input=TEXT)
    assert (result.exit_code, result.stdout) == (0, "")
    assert lines(out.read_text(encoding="utf-8")) == [RECORD]


def test_output_file_unwritable(runner, tmp_path):
    result = runner.invoke(app, ["extract", "-", "-o", str(tmp_path / "no" / "such" / "dir.jsonl")], input=TEXT)
    assert result.exit_code == 1
    assert "cannot write" in result.stderr


def test_schema_validates_output(runner):
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(RECORD, schema)
    assert set(schema["required"]) >= {"doc", "figure", "what", "who", "cue", "when", "where", "sentence"}


def test_same_input_same_bytes(runner):
    first = runner.invoke(app, ["extract", "-", "-q"], input=TEXT * 3)
    second = runner.invoke(app, ["extract", "-", "-q"], input=TEXT * 3)
    assert first.stdout == second.stdout and first.stdout


def test_messages_keep_brackets(runner, tmp_path):
    missing = tmp_path / "report[2025].txt"
    result = runner.invoke(app, ["extract", str(missing)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"error: {missing}: no such file; check the path"


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_show_writes_records_as_extract_does(runner, tmp_path, fmt):
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    shown = runner.invoke(app, ["show", str(path), "--doc-date", "2025-03-01", "--format", fmt])
    extracted = runner.invoke(app, ["extract", str(path), "--doc-date", "2025-03-01", "--format", fmt, "-q"])
    assert shown.exit_code == extracted.exit_code == 0
    assert shown.stdout == extracted.stdout


def test_report_writes_report_html_here_by_default(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = runner.invoke(app, ["report", "a.txt", "--doc-date", "2025-03-01", "-j", "1"])
    assert result.exit_code == 0
    page = tmp_path / "report.html"
    assert page.exists() and "factx-data" in page.read_text(encoding="utf-8")
    assert result.stderr == f"1 document, 1 record; wrote {page} ({page.stat().st_size / 1e6:.1f} MB)\n"
