"""Batch runs: parallel output equals serial output, resume after a kill, errors file, progress, long texts."""
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factx.cli import app
from factx.inputs import Document
from factx.pipeline import load_model, run

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FACTX = [sys.executable, "-m", "factx"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A JSON Lines corpus of 48 documents made from the bundled Wikinews samples."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    path = tmp_path_factory.mktemp("corpus") / "docs.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(48):
            text = texts[i % len(texts)].replace("the", "the" if i % 2 else "The", 1)
            fh.write(json.dumps({"id": f"doc-{i:03d}", "text": text}) + "\n")
    return path


def extract(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(FACTX + ["extract", *map(str, args)], capture_output=True, timeout=600, **kwargs)


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("serial") / "out.jsonl"
    result = extract(corpus, "-o", out, "-j", "1", "-q")
    assert result.returncode == 0, result.stderr
    return out.read_bytes()


def test_two_jobs_give_the_same_bytes(corpus, serial, tmp_path):
    out = tmp_path / "out.jsonl"
    result = extract(corpus, "-o", out, "-j", "2", "-q")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == serial


def started(corpus: Path, out: Path, jobs: int, documents_done: int, stderr) -> subprocess.Popen:
    """A factx run writing ``out``, once its manifest lists ``documents_done`` complete documents."""
    manifest = Path(str(out) + ".manifest")
    proc = subprocess.Popen(FACTX + ["extract", str(corpus), "-o", str(out), "-j", str(jobs), "-q"], stderr=stderr)
    deadline = time.time() + 120
    while time.time() < deadline and (not manifest.exists() or manifest.read_bytes().count(b"\n") < documents_done):
        time.sleep(0.05)
    return proc


def test_killed_then_resumed_equals_uninterrupted(corpus, serial, tmp_path):
    out = tmp_path / "out.jsonl"
    proc = started(corpus, out, jobs=1, documents_done=6, stderr=subprocess.DEVNULL)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = out.read_bytes()
    assert 0 < len(partial) < len(serial)
    result = extract(corpus, "-o", out, "-j", "1", "--resume")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == serial
    assert b"already done" in result.stderr


def test_ctrl_c_exits_130_and_resumes(corpus, serial, tmp_path):
    """On a corpus long enough that the interrupt always lands mid-run."""
    long = tmp_path / "long.jsonl"
    lines = corpus.read_text(encoding="utf-8").splitlines()
    long.write_text("".join(line.replace('"doc-', f'"copy{n}-doc-') + "\n" for n in range(3) for line in lines),
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = started(long, out, jobs=2, documents_done=2, stderr=subprocess.PIPE)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert b"rerun with --resume" in stderr
    assert b"Traceback" not in stderr
    assert 0 < out.read_bytes().count(b"\n")
    result = extract(long, "-o", out, "--resume", "-q")
    assert result.returncode == 0
    # the uninterrupted output: the serial run's records, once per copy (ids are the only difference)
    assert out.read_bytes() == b"".join(serial.replace(b'"doc":"doc-', f'"doc":"copy{n}-doc-'.encode())
                                        for n in range(3))


def test_resume_needs_a_jsonl_file(tmp_path):
    result = CliRunner().invoke(app, ["extract", "-", "--resume"], input="5 cats.")
    assert result.exit_code == 2
    assert "--resume needs -o FILE" in result.stderr


def test_errors_file_and_exit_code(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("They found 10 boxes.", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": "a", "text": "7 boxes."}\n{oops\n', encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(binary), str(good), str(jsonl), "-o", str(out),
                                      "--errors", str(errors), "-q"])
    assert result.exit_code == 1
    assert [json.loads(line)["figure"]["value"] for line in out.read_text().splitlines()] == [10, 7]
    logged = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [(e["input"], e["line"], e["kind"]) for e in logged] == [(str(binary), None, "binary"),
                                                                   (str(jsonl), 2, "json")]
    assert all(e["message"] for e in logged)


def test_no_progress_when_piped(corpus):
    result = extract(corpus, "-j", "1")
    assert result.returncode == 0
    assert result.stderr.decode().strip().splitlines() == [f"48 documents, {len(result.stdout.splitlines())} records"]


def test_progress_when_asked(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("They found 10 boxes.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--progress"])
    assert result.exit_code == 0
    assert "extracting" in result.stderr and "1/1" in result.stderr


def test_five_megabyte_document_keeps_offsets():
    """Past spaCy's max_length, cut into pieces; offsets still point into the whole text."""
    nlp = load_model()
    prose = "The committee met again to discuss the report and its findings with the public.\n" * 400
    figure = "Officials said 4,000 soldiers were sent to the front.\n"
    block = prose + figure
    text = block * (5_000_000 // len(block) + 1)
    [(_, records)] = list(run(nlp, [Document("big", text)]))
    assert not isinstance(records, Exception)
    assert len(records) == text.count(figure)
    assert all(text[r["figure"]["start"]:r["figure"]["end"]] == "4,000" for r in records)
    assert all(r["who"]["name"] == "Officials" for r in records)
    starts = [r["figure"]["start"] for r in records]
    assert starts == sorted(starts) and starts[-1] > 4_900_000
