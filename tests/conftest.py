"""Shared fixtures: the model is loaded once per test session."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factx.inputs import Document
from factx.pipeline import load_model, run

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    return load_model()


@pytest.fixture(scope="session")
def extract(nlp):
    """extract(text, doc_date=None) -> list of record dicts, by the same path as the CLI."""
    def extract_text(text: str, doc_date: str | None = None) -> list[dict]:
        date = dt.date.fromisoformat(doc_date) if doc_date else None
        [(_, result)] = list(run(nlp, [Document("t", text, date)]))
        if isinstance(result, Exception):
            raise result
        return result
    return extract_text


@pytest.fixture
def runner():
    """A Click runner for the CLI, in process."""
    from typer.testing import CliRunner

    return CliRunner()


def write_texts(folder: Path, articles: list[str]) -> Path:
    """A folder of one .txt file per article (a0.txt, a1.txt, ...), each ending with a line break."""
    folder.mkdir()
    for i, text in enumerate(articles):
        (folder / f"a{i}.txt").write_text(text + "\n")
    return folder


def figure_at(records: list[dict], text: str) -> dict:
    """The record whose figure text is ``text`` (fails clearly when absent)."""
    for record in records:
        if record["figure"]["text"] == text:
            return record
    found = [r["figure"]["text"] for r in records]
    raise AssertionError(f"no figure {text!r}; found {found}")


def mention_text(text: str, field: dict | None) -> str | None:
    """A record's mention field (who, subject, part_of...) as its text, once its offsets are checked."""
    if field is None:
        return None
    assert text[field["start"]:field["end"]] == field["text"]
    return field["text"]
