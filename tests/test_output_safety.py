"""An output never destroys an input, never mixes runs and never guesses what to write (trust issue, points 1-3)."""
import json

import pytest

from factx.cli import app

TEXT = "Police said 12 people were hurt and $5 million was lost on Monday.\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    texts = tmp_path / "texts"
    texts.mkdir()
    for i in range(3):
        (texts / f"a{i}.txt").write_text(TEXT)
    (tmp_path / "notes.txt").write_text(TEXT)
    (tmp_path / "dump.jsonl").write_text(json.dumps({"id": "d1", "text": TEXT}) + "\n")
    return tmp_path


def invoke(runner, *args):
    return runner.invoke(app, [*map(str, args)])


@pytest.mark.parametrize("args, message", [
    (["extract", "notes.txt", "-o", "notes.txt", "--format", "jsonl"],
     "error: --output: 'notes.txt' is the input 'notes.txt'; writing it would destroy that input: choose another "
     "file (see factx extract --help)\n"),
    (["extract", "dump.jsonl", "-o", "dump.jsonl"],
     "error: --output: 'dump.jsonl' is the input 'dump.jsonl'; writing it would destroy that input: choose another "
     "file (see factx extract --help)\n"),
    (["extract", "notes.txt", "-o", "./texts/../notes.txt", "--format", "csv"],
     "error: --output: 'texts/../notes.txt' is the input 'notes.txt'; writing it would destroy that input: choose "
     "another file (see factx extract --help)\n"),
    (["extract", "texts", "-o", "texts/new.txt", "--format", "jsonl"],
     "error: --output: 'texts/new.txt' is one of the files read from the input 'texts'; writing it would destroy "
     "that input: choose another file (see factx extract --help)\n"),
    (["extract", "texts", "-o", "out.jsonl", "--errors", "notes.txt", "notes.txt"],
     "error: --errors: 'notes.txt' is the input 'notes.txt'; writing it would destroy that input: choose another "
     "file (see factx extract --help)\n"),
    (["extract", "texts", "-o", "out.jsonl", "--errors", "out.jsonl"],
     "error: --output: 'out.jsonl' is also the --errors file; give each its own file (see factx extract --help)\n"),
    (["report", "texts", "-o", "texts/a0.html", "--glob", "*.html"],
     "error: --output: 'texts/a0.html' is one of the files read from the input 'texts'; writing it would destroy "
     "that input: choose another file (see factx report --help)\n"),
])
def test_an_output_that_names_an_input_is_refused_before_anything_is_written(runner, folder, args, message):
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    result = invoke(runner, *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()} == before


def test_a_folder_output_outside_the_glob_is_allowed(runner, folder):
    result = invoke(runner, "extract", "texts", "-o", "texts/records.jsonl", "-q")
    assert result.exit_code == 0, result.stderr
    assert len((folder / "texts/records.jsonl").read_text().splitlines()) == 6


def test_dash_output_is_stdout(runner, folder):
    result = invoke(runner, "extract", "notes.txt", "-o", "-", "-q")
    assert result.exit_code == 0
    assert [json.loads(line)["figure"]["text"] for line in result.stdout.splitlines()] == ["12", "$5 million"]
    assert not (folder / "-").exists()


@pytest.mark.parametrize("name, hint", [
    ("x.tsv", "name it .jsonl, .json, .csv, .db or .parquet, or say what to write with --format"),
    ("x.txt", "name it .jsonl, .json, .csv, .db or .parquet, or say what to write with --format"),
    ("x.csv.gz", "compress on the way out instead: factx extract ... | gzip > x.csv.gz"),
])
def test_an_unknown_extension_is_refused_unless_the_format_is_given(runner, folder, name, hint):
    result = invoke(runner, "extract", "notes.txt", "-o", name)
    assert (result.exit_code, result.stderr) == (
        2, f"error: --output: factx does not know what to write into '{name}'; {hint} (see factx extract --help)\n")
    assert not (folder / name).exists()
    assert invoke(runner, "extract", "notes.txt", "-o", "x.tsv", "--format", "csv", "-q").exit_code == 0
    assert (folder / "x.tsv").read_text().startswith("doc,figure_text,")


def test_report_refuses_a_file_that_is_not_html(runner, folder):
    result = invoke(runner, "report", "notes.txt", "-o", "r.csv")
    assert (result.exit_code, result.stderr) == (
        2, "error: --output: the report is an HTML page; name it .html, not 'r.csv' (see factx report --help)\n")
    assert not (folder / "r.csv").exists()


@pytest.mark.parametrize("first, second, said", [
    (["--kind", "money"], [], "was written with --kind money, this run has no --kind"),
    ([], ["--kind", "count"], "was written with no --kind, this run has --kind count"),
    (["--doc-date", "2024-01-02"], ["--doc-date", "2024-01-03"],
     "was written with --doc-date 2024-01-02, this run has --doc-date 2024-01-03"),
    ([], ["--text-key", "body"], "was written with --text-key text, this run has --text-key body"),
])
def test_resume_refuses_other_options_that_shape_records(runner, folder, first, second, said):
    assert invoke(runner, "extract", "texts", "-o", "out.jsonl", "-q", *first).exit_code == 0
    written = (folder / "out.jsonl").read_bytes()
    result = invoke(runner, "extract", "texts", "-o", "out.jsonl", "--resume", *second)
    assert result.exit_code == 2
    assert result.stderr == (f"error: --resume: out.jsonl {said}; resume with the first run's options (or drop "
                             "--resume to start over)\n")
    assert (folder / "out.jsonl").read_bytes() == written


def test_resume_with_the_same_options_skips_what_is_done(runner, folder):
    assert invoke(runner, "extract", "texts", "-o", "out.jsonl", "-q", "--kind", "money").exit_code == 0
    result = invoke(runner, "extract", "texts", "-o", "out.jsonl", "--resume", "--kind", "money")
    assert (result.exit_code, result.stderr) == (0, "0 documents, 0 records, 3 already done\n")


def test_resume_refuses_a_manifest_that_names_no_options(runner, folder):
    assert invoke(runner, "extract", "texts", "-o", "out.jsonl", "-q").exit_code == 0
    manifest = folder / "out.jsonl.manifest"
    manifest.write_bytes(b"".join(manifest.read_bytes().splitlines(keepends=True)[1:]))
    result = invoke(runner, "extract", "texts", "-o", "out.jsonl", "--resume")
    assert (result.exit_code, result.stderr) == (
        2, "error: --resume: out.jsonl.manifest does not say which options wrote out.jsonl (an older factx?); drop "
           "--resume to start over\n")
