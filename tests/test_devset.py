"""Accuracy on the hand-checked dev set, scored by the shared scorer (skipped where ../shared is absent).

A regression guard for the release targets, not a tuning loop: the same rules
are measured on articles that are not here.
"""
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import SHARED
from factx.cli import app

EVAL = SHARED / "eval"
TARGETS = {"figure_f1": 0.90, "value_accuracy": 0.95, "unit_accuracy": 0.85, "who_accuracy": 0.80,
           "when_accuracy": 0.80, "where_accuracy": 0.75, "strict_f1": 0.50}

pytestmark = pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="shared eval set not present")


def test_dev_set_meets_release_targets(tmp_path):
    pred = tmp_path / "pred.jsonl"
    result = CliRunner().invoke(app, ["extract", str(EVAL / "dev" / "docs.jsonl"), "-o", str(pred), "-q"])
    assert result.exit_code == 0, result.stderr
    scored = subprocess.run([sys.executable, str(EVAL / "score.py"), str(EVAL / "dev" / "gold.jsonl"), str(pred),
                             "--docs", str(EVAL / "dev" / "docs.jsonl"), "--json"],
                            capture_output=True, text=True, check=True)
    scores = json.loads(scored.stdout)
    assert scores["bad_offsets"] == 0
    below = {k: scores[k] for k, target in TARGETS.items() if scores[k] < target}
    assert not below, f"below target: {below}"


CORPUS = SHARED / "corpus" / "articles.jsonl"


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_corpus_runs_clean_and_validates(tmp_path):
    import jsonschema

    from factx.records import json_schema

    out = tmp_path / "corpus.jsonl"
    result = CliRunner().invoke(app, ["extract", str(CORPUS), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.stderr
    validator = jsonschema.Draft202012Validator(json_schema())
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len({r["doc"] for r in rows}) > 200
    for row in rows:
        validator.validate(row)
