"""Golden files: the bundled samples still give exactly their expected records."""
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factx.cli import app

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
ARTICLES = sorted(SAMPLES.glob("*.txt"))


@pytest.mark.parametrize("article", ARTICLES, ids=[a.stem for a in ARTICLES])
def test_sample_matches_golden(article, monkeypatch):
    monkeypatch.chdir(SAMPLES.parent)
    relative = article.relative_to(SAMPLES.parent).as_posix()
    result = CliRunner().invoke(app, ["extract", relative, "--format", "jsonl", "--quiet"])
    assert result.exit_code == 0, result.stderr
    expected = (SAMPLES / "expected" / f"{article.stem}.jsonl").read_text(encoding="utf-8")
    assert result.stdout == expected, (
        "records changed: if the change is intended, regenerate with\n"
        f"  factx extract {relative} --format jsonl -q > samples/expected/{article.stem}.jsonl")


def test_there_are_samples():
    assert len(ARTICLES) >= 3
