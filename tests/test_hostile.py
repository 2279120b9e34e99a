"""Hostile and broken input: a clear one-line message naming the input, the rest processed, the truth in the exit code."""
import json
import os
import subprocess
import sys

import pytest

from factx.batch import ResumableOutput
from factx.cli import app
from factx.inputs import Document
from factx.writers import JsonlWriter

GOOD = "Officials said 4,000 soldiers were sent to the front.\n"


def invoke(runner, *args, **kwargs):
    return runner.invoke(app, ["extract", *map(str, args), "-q"], **kwargs)


def values(output: str) -> list:
    return [json.loads(line)["figure"]["value"] for line in output.splitlines()]


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "warning: {p}: empty (no text), no records"),
    ("blank.txt", b" \n\t\r\n  ", "warning: {p}: empty (no text), no records"),
    ("nul.txt", b"abc\x00def" * 10, "error: {p}: binary file (NUL bytes), not text; convert it to plain UTF-8 text first"),
    ("doc.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "error: {p}: a PDF file, not text; extract its text to a UTF-8 .txt file first"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "error: {p}: a PNG file, not text; extract its text to a UTF-8 .txt file first"),
])
def test_bad_files(runner, tmp_path, good, name, data, message):
    bad = tmp_path / name
    bad.write_bytes(data)
    result = runner.invoke(app, ["extract", str(bad), str(good)])
    assert message.format(p=bad) in result.stderr.splitlines()
    assert values(result.stdout) == [4000]
    assert result.exit_code == (0 if message.startswith("warning") else 1)


@pytest.mark.parametrize("encoding, warned", [("cp1252", True), ("latin-1", True), ("utf-8-sig", False),
                                              ("utf-16", False)])
def test_encodings(runner, tmp_path, encoding, warned):
    text = "Caf\u00e9 owners said 300 \u00a3 were lost \u2014 \u201cabout 5%\u201d.\n"
    if encoding == "latin-1":
        text = text.replace("\u2014", "-").replace("\u201c", '"').replace("\u201d", '"')
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    decoded = text
    for record in records:
        fig = record["figure"]
        assert decoded[fig["start"]:fig["end"]] == fig["text"]
    assert "about 5%" in [r["figure"]["text"] for r in records]
    assert ("not valid UTF-8, read as cp1252/Latin-1" in result.stderr) == warned


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_keep_offsets(runner, tmp_path, newline):
    text = f"Markets fall{newline}{newline}Officials said 300 troops left.{newline}About 20% stayed.{newline}"
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    result = runner.invoke(app, ["extract", str(path), "-q"])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["figure"]["text"] for r in records] == ["300", "About 20%"]
    for record in records:
        assert text[record["figure"]["start"]:record["figure"]["end"]] == record["figure"]["text"]


def test_unreadable_dangling_and_looping_files(runner, tmp_path, good):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "ok.txt").write_text(GOOD, encoding="utf-8")
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)  # a folder loop: not followed
    locked = folder / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    result = invoke(runner, folder)
    lines = result.stderr.splitlines()
    assert f"error: {folder / 'dangling.txt'}: dangling symbolic link; check the path" in lines
    assert any(line.startswith(f"error: {folder / 'loop-a.txt'}: cannot read") for line in lines)
    if os.geteuid() != 0:  # root reads anything
        assert f"error: {locked}: permission denied; check the file's read permission" in lines
    assert result.exit_code == 1
    assert values(result.stdout).count(4000) >= 1


def test_file_disappearing_mid_batch(runner, tmp_path, good, monkeypatch):
    gone = tmp_path / "gone.txt"
    gone.write_text(GOOD, encoding="utf-8")
    import factx.inputs as inputs

    real = inputs._read_file

    def vanish(path, name, options):
        if path == gone:
            gone.unlink()
        yield from real(path, name, options)

    monkeypatch.setattr(inputs, "_read_file", vanish)
    result = invoke(runner, gone, good)
    assert result.exit_code == 1
    assert f"error: {gone}: no such file; check the path" in result.stderr
    assert values(result.stdout) == [4000]


def test_folder_of_ten_thousand_files(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_text("Nothing to count." if i % 1000 else GOOD, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "factx", "extract", str(folder), "-j", "1"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line)["doc"] for line in result.stdout.splitlines()]
    assert docs == [str(folder / f"{i:05d}.txt") for i in range(0, 10_000, 1000)]
    assert "10000 documents, 10 records" in result.stderr


def test_jsonl_problems(runner, tmp_path):
    path = tmp_path / "in.jsonl"
    big = "Officials said 4,000 soldiers were sent. " + "The talks went on. " * 2_700_000
    lines = [
        json.dumps({"id": "a", "text": GOOD}),
        "{broken",
        "[1, 2, 3]",
        json.dumps({"id": "b", "text": 42}),
        json.dumps({"id": "c"}),
        json.dumps({"id": "a", "text": "They counted 7 ships."}),
        json.dumps({"id": "big", "text": big}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 50_000_000
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith(("error", "warning"))]
    assert errors[0].startswith(f"error: {path}:2: not valid JSON")
    assert errors[1].startswith(f"error: {path}:3: not a JSON object")
    assert errors[2] == f"error: {path}:4: field 'text' is not a string (int); use --text-key to name the text field"
    assert errors[3] == f"error: {path}:5: field 'text' is missing; use --text-key to name the text field"
    assert errors[4] == "warning: a: duplicate id 'a' (line 6); its records share that id"
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc"], r["figure"]["value"]) for r in records] == [("a", 4000), ("a", 7), ("big", 4000)]


@pytest.mark.parametrize("text", [
    "1" * 1_000_000,
    "1,000," * 200_000,
    "between " * 100_000,
    "The " + "x" * 2_000_000 + " 5 cats",
    "\u201c" * 5000 + "He said 5 \u201c\u201d" + "\u201d" * 5000,
    " " * 1_000_000 + "5 cats\n",
    "a." * 500_000,
])
def test_text_made_to_hurt(extract, text):
    for record in extract(text):
        fig = record["figure"]
        assert text[fig["start"]:fig["end"]] == fig["text"]
        assert fig["value"] is None or abs(fig["value"]) < 1e16


def test_unicode_classes(extract):
    text = ("Officials\u00a0said\u2009300\u202fsoldiers\u200b died \u2014 \u200fabout\u200e 5% \U0001F600; "
            "\u0627\u0644\u0639\u062f\u062f \u0663\u0660\u0660 people; 10\u201320 tanks.")
    records = extract(text)
    assert {r["figure"]["text"] for r in records} >= {"300", "about\u200e 5%", "\u0663\u0660\u0660"} or records
    for record in records:
        assert text[record["figure"]["start"]:record["figure"]["end"]] == record["figure"]["text"]
    assert any(r["figure"]["value"] == 300 for r in records)


def test_broken_pipe_is_quiet(tmp_path):
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": GOOD * 3}) + "\n" for i in range(200)))
    result = subprocess.run(f"{sys.executable} -m factx extract {path} -j 1 | head -1", shell=True,
                            capture_output=True, text=True, timeout=300)
    assert len(result.stdout.splitlines()) == 1
    assert "Traceback" not in result.stderr and "Error" not in result.stderr


def test_full_disk_reports_and_exits_nonzero(runner):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    result = runner.invoke(app, ["extract", "-", "--format", "json", "-o", "/dev/full"], input=GOOD)
    assert result.exit_code == 1
    assert "write failed (No space left on device)" in result.stderr


def test_full_disk_leaves_no_torn_line(tmp_path):
    out = tmp_path / "out.jsonl"
    resumable = ResumableOutput(out, resume=False)
    writer = JsonlWriter(resumable.stream)
    first = Document("one", GOOD)
    resumable.committed(first, writer.write([{"doc": "one", "n": 1}]))
    resumable.stream.write(b'{"doc": "two", "n": 2, "torn')  # what a partial write leaves behind
    resumable.rollback()
    resumable.close()
    assert out.read_bytes() == b'{"doc":"one","n":1}\n'


def test_permission_denied(runner, tmp_path, good, monkeypatch):
    """Root reads any file, so the refusal is simulated where the file is read."""
    from pathlib import Path

    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    real = Path.read_bytes

    def refuse(self):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = invoke(runner, locked, good)
    assert result.exit_code == 1
    assert f"error: {locked}: permission denied; check the file's read permission" in result.stderr
    assert values(result.stdout) == [4000]
