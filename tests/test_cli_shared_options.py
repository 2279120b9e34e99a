"""The commands that read inputs share one set of input, engine and output options (the CLI issue, point 2):
conflicts writes -o and reports progress, report takes --kind, -q, --errors, --progress and --engine, show
takes several inputs."""
import json

import pytest

from factx.cli import app

KURSK = ("The ministry said 300 soldiers were killed in Kursk on Friday.\n\n"
         "Officials in Kyiv said 4,000 soldiers were killed in Kursk on Friday.\n\n"
         "The ministry said the repairs cost $5 million.")


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "kursk.txt"
    path.write_text(KURSK)
    return path


def test_conflicts_writes_its_claims_to_a_file(runner, article, tmp_path):
    out = tmp_path / "claims.jsonl"
    result = runner.invoke(app, ["conflicts", str(article), "--doc-date", "2025-02-24", "-o", str(out), "-q"])
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    [claim] = [json.loads(line) for line in out.read_text().splitlines()]
    assert claim["agree"] is False and [f["figure"] for f in claim["figures"]] == ["300", "4,000"]
    csv_out = tmp_path / "claims.csv"
    assert runner.invoke(app, ["conflicts", str(article), "-o", str(csv_out), "-q"]).exit_code == 0
    assert csv_out.read_text().splitlines()[0].startswith("claim,what,")


def test_conflicts_refuses_an_output_that_is_an_input_or_a_table_file(runner, article, tmp_path):
    before = article.read_text()
    result = runner.invoke(app, ["conflicts", str(article), "-o", str(article)])
    assert result.exit_code == 2 and article.read_text() == before
    result = runner.invoke(app, ["conflicts", str(article), "-o", str(tmp_path / "claims.txt")])
    assert result.exit_code == 2 and "--format" in result.stderr


def test_conflicts_keeps_only_the_kinds_asked_for_and_reports_its_counts(runner, article):
    result = runner.invoke(app, ["conflicts", str(article), "--kind", "money", "-f", "jsonl"])
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr.strip() == "1 document, 1 record, 0 claims with several sources or values, 0 disagreeing"


def test_conflicts_and_report_log_a_bad_input_and_go_on(runner, article, tmp_path):
    errors = tmp_path / "errors.jsonl"
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["conflicts", str(article), str(missing), "--errors", str(errors), "-f", "jsonl"])
    assert result.exit_code == 1
    assert [json.loads(line)["input"] for line in errors.read_text().splitlines()] == [str(missing)]
    page = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(article), str(missing), "-o", str(page), "--errors", str(errors), "-q"])
    assert result.exit_code == 1 and page.exists()
    assert result.stderr.count("\n") == 1 and str(missing) in result.stderr   # -q: the error line only
    assert len(errors.read_text().splitlines()) == 1


def test_report_takes_kind_and_quiet(runner, article, tmp_path):
    page = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(article), "-o", str(page), "--kind", "money", "-q"])
    assert result.exit_code == 0 and result.stderr == ""
    html = page.read_text()
    assert '"$5 million"' in html and '"4,000"' not in html


@pytest.mark.parametrize("command", ["conflicts", "report"])
def test_ray_options_need_the_ray_engine(runner, article, command):
    result = runner.invoke(app, [command, str(article), "--workers", "2"])
    assert result.exit_code == 2 and "only with --engine ray" in result.stderr


def test_show_takes_several_inputs(runner, article, tmp_path):
    other = tmp_path / "other.txt"
    other.write_text("Officials said 12 homes burned.")
    result = runner.invoke(app, ["show", str(article), str(other)], env={"NO_COLOR": "1", "COLUMNS": "100"})
    assert result.exit_code == 0
    assert "kursk.txt" in result.stdout and "other.txt" in result.stdout and "3 figures" in result.stdout
    assert "1 figure " in result.stdout and "1 figures" not in result.stdout
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["show", str(other), str(missing)], env={"NO_COLOR": "1"})
    assert result.exit_code == 1 and "other.txt" in result.stdout and str(missing) in result.stderr
