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
# Floors just below what factx reaches on the gold re-read under the record contract's "Passages" rules
# (dev: 15 articles, dev2: 30 more, dev3: 30 more built on polls, wire copy and markets).
FLOORS = {
    "dev": {"figure_f1": 0.99, "value_accuracy": 0.99, "unit_accuracy": 0.99, "who_accuracy": 0.91,
            "when_accuracy": 0.95, "when_value_accuracy": 0.97, "where_accuracy": 0.82, "strict_f1": 0.74},
    "dev2": {"figure_f1": 0.98, "value_accuracy": 0.99, "unit_accuracy": 0.95, "who_accuracy": 0.89,
             "when_accuracy": 0.93, "when_value_accuracy": 0.96, "where_accuracy": 0.77, "strict_f1": 0.61},
    "dev3": {"figure_f1": 0.98, "value_accuracy": 0.99, "unit_accuracy": 0.98, "who_accuracy": 0.85,
             "when_accuracy": 0.92, "when_value_accuracy": 0.83, "where_accuracy": 0.82, "strict_f1": 0.65},
}

pytestmark = pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="shared eval set not present")


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_dev_sets_hold_their_floors(tmp_path, name):
    pred = tmp_path / "pred.jsonl"
    docs = EVAL / name / "docs.jsonl"
    result = CliRunner().invoke(app, ["extract", str(docs), "-o", str(pred), "-q"])
    assert result.exit_code == 0, result.stderr
    scored = subprocess.run([sys.executable, str(EVAL / "score.py"), str(EVAL / name / "gold.jsonl"), str(pred),
                             "--docs", str(docs), "--json"], capture_output=True, text=True, check=True)
    scores = json.loads(scored.stdout)
    assert scores["bad_offsets"] == 0
    below = {k: scores[k] for k, floor in FLOORS[name].items() if scores[k] < floor}
    assert not below, f"{name} below its floor: {below}"


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
