"""Every input kind becomes a ``Document``: text files, folders, stdin and JSON Lines.

Text is decoded exactly once and never normalised, so offsets point into the
text as read. A bad input becomes an ``InputError`` in the stream (never an
exception that stops the batch), so the caller reports it and goes on.
"""
from __future__ import annotations

import codecs
import datetime as dt
import fnmatch
import io
import os
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Iterator

import orjson

from .dates import parse_iso_date
from .errors import InputError

JSONL_SUFFIXES = (".jsonl", ".ndjson")
_MAGIC = ((b"%PDF-", "PDF"), (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF8", "GIF"),
          (b"PK\x03\x04", "ZIP (docx, xlsx, epub...)"), (b"\x1f\x8b", "gzip"), (b"\x7fELF", "program (ELF)"))


@dataclass(frozen=True)
class Document:
    """One input: its name (path, '-' or JSON Lines id), its text exactly as read, its date if known."""

    id: str
    text: str
    date: dt.date | None = None
    warning: str | None = None
    title: str | None = None  # a JSON Lines 'title' field: the report names the article by it


@dataclass(frozen=True)
class InputOptions:
    glob: str = "*.txt"
    text_key: str = "text"
    id_key: str = "id"
    date_key: str = "date"
    doc_date: dt.date | None = None


def decode(data: bytes, name: str) -> tuple[str, str | None]:
    """Bytes -> (text, warning). UTF-8 (BOM dropped), UTF-16 with BOM, else cp1252/Latin-1 with a warning."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            raise InputError(name, f"invalid UTF-16 ({exc.reason}); re-save the file as UTF-8", kind="decode") from exc
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(name, f"a {kind} file, not text; extract its text to a UTF-8 .txt file first",
                             kind="binary")
    if b"\x00" in data[:8192]:
        raise InputError(name, "binary file (NUL bytes), not text; convert it to plain UTF-8 text first", kind="binary")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text, "not valid UTF-8, read as cp1252/Latin-1; re-save as UTF-8 if characters look wrong"


@dataclass(frozen=True)
class Source:
    """One thing to read: a text file, a JSON Lines file, or standard input (its bytes read up front)."""

    name: str
    kind: str  # "text", "jsonl", "stdin", or "error" (a folder with nothing to read: ``error`` says why)
    data: bytes | None = None
    error: str | None = None


def iter_sources(inputs: list[str], options: InputOptions) -> Iterator[Source]:
    """The inputs as sources, in input order (folders walked, sorted): paths only, nothing read but stdin."""
    for given in inputs:
        if given == "-":
            yield _stdin()
        elif Path(given).is_dir():
            paths = _walk(Path(given), options)
            if not paths:
                yield Source(given, "error", error=_nothing_matches(Path(given), options.glob))
            for path in paths:
                yield Source(path, "jsonl" if path.endswith(JSONL_SUFFIXES) else "text")
        else:
            yield Source(given, "jsonl" if given.endswith(JSONL_SUFFIXES) else "text")


def read_source(source: Source, options: InputOptions) -> Iterator[Document | InputError]:
    """A source's documents (a JSON Lines file holds many), or the errors that stand in for them."""
    if source.kind == "error":
        yield InputError(source.name, source.error or "cannot read", kind="folder")
    elif source.kind == "stdin":
        if source.data is None:
            yield InputError(source.name, f"cannot read standard input: {source.error}")
        elif _looks_like_jsonl(source.data, options):
            yield from _noted(read_jsonl(io.BytesIO(source.data), source.name, options),
                              "standard input read as JSON Lines (every line is a JSON object)")
        else:
            yield from _document(source.data, source.name, options)
    elif source.kind == "jsonl":
        yield from _read_jsonl_path(Path(source.name), source.name, options)
    else:
        yield from _read_file(Path(source.name), source.name, options)


def _looks_like_jsonl(data: bytes, options: InputOptions) -> bool:
    """Standard input whose every non-blank line is a JSON object, one of them with the text field: JSON Lines
    piped in ('cat dump.jsonl | factx extract -'), not an article."""
    lines = [line for line in data.splitlines() if line.strip()]
    if not lines or not lines[0].lstrip().startswith(b"{"):
        return False
    rows = []
    for line in lines:
        try:
            rows.append(orjson.loads(line))
        except orjson.JSONDecodeError:
            return False
    return all(isinstance(row, dict) for row in rows) and any(options.text_key in row for row in rows)


def _noted(items: Iterator[Document | InputError], note: str) -> Iterator[Document | InputError]:
    """The items, the first document carrying ``note`` (with its own warning, if any) so the run says it."""
    first = True
    for item in items:
        if first and isinstance(item, Document):
            item = replace(item, warning=f"{note}; {item.warning}" if item.warning else note)
            first = False
        yield item


def iter_documents(inputs: list[str], options: InputOptions) -> Iterator[Document | InputError]:
    for source in iter_sources(inputs, options):
        yield from read_source(source, options)


def _stdin() -> Source:
    try:
        return Source("-", "stdin", sys.stdin.buffer.read())
    except OSError as exc:
        return Source("-", "stdin", error=str(exc.strerror or exc))


# An HTML page rather than article text: markup in its first few thousand characters
_HTML_RE = re.compile(r"<(?:!DOCTYPE\s+html|html|head|body|div|p|script|style|meta|span|a\s+href|table|li)\b[^>]*>",
                      re.IGNORECASE)
_HTML_HINT = ("an HTML page, not article text; save the article's text first (trafilatura does it: "
              "trafilatura -i page.html > page.txt) and extract that")


def is_html(text: str) -> bool:
    """Whether ``text`` is markup (a doctype, or five tags or more in its first 5,000 characters)."""
    head = text[:5000]
    return head.lstrip()[:15].lower().startswith(("<!doctype html", "<html")) or len(_HTML_RE.findall(head)) >= 5


def _document(data: bytes, name: str, options: InputOptions) -> Iterator[Document | InputError]:
    try:
        text, warning = decode(data, name)
    except InputError as exc:
        yield exc
        return
    if is_html(text):
        yield InputError(name, _HTML_HINT, kind="html")
        return
    if not text.strip():
        warning = "empty (no text), no records"
    yield Document(name, text, options.doc_date, warning)


def _read_file(path: Path, name: str, options: InputOptions) -> Iterator[Document | InputError]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield _unreadable(path, name, exc)
        return
    yield from _document(data, name, options)


def _unreadable(path: Path, name: str, exc: OSError) -> InputError:
    """The one-line message for a file that cannot be opened or read."""
    if isinstance(exc, FileNotFoundError):
        reason = "dangling symbolic link" if path.is_symlink() else "no such file"
        return InputError(name, f"{reason}; check the path")
    if isinstance(exc, PermissionError):
        return InputError(name, "permission denied; check the file's read permission")
    if isinstance(exc, IsADirectoryError):
        return InputError(name, "is a directory; give the folder itself as INPUT to read the files in it")
    return InputError(name, f"cannot read ({exc.strerror or exc}); check the file")


def _nothing_matches(root: Path, glob: str) -> str:
    """What to say of a folder where the glob matches no file: what it does hold, and the option to use."""
    others = sorted(name for _, _, names in os.walk(root) for name in names)
    if not others:
        return "empty folder, nothing to read"
    suffixes = sorted({Path(name).suffix for name in others if Path(name).suffix})
    hint = f"; choose files with --glob, e.g. --glob '*{suffixes[0]}'" if suffixes else "; choose files with --glob"
    return f"no file matches --glob '{glob}' in this folder ({len(others)} other file{'s' if len(others) != 1 else ''}){hint}"


def _walk(root: Path, options: InputOptions) -> list[str]:
    """Files under ``root`` matching the glob, recursively, in sorted order; symlinked folders not followed."""
    found = []
    for folder, dirnames, filenames in os.walk(root, followlinks=False, onerror=None):
        dirnames.sort()
        for filename in filenames:
            if fnmatch.fnmatch(filename, options.glob):
                found.append(os.path.join(folder, filename))
    return sorted(found, key=lambda p: Path(p).relative_to(root).parts)


def _read_jsonl_path(path: Path, name: str, options: InputOptions) -> Iterator[Document | InputError]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield _unreadable(path, name, exc)
        return
    with handle:
        yield from read_jsonl(handle, name, options)


def read_jsonl(handle: BinaryIO, name: str, options: InputOptions) -> Iterator[Document | InputError]:
    """One article a line: {"id", "text", "date"} (keys renamed by the options)."""
    seen: set[str] = set()
    for number, raw in enumerate(handle, 1):
        if not raw.strip():
            continue
        try:
            row = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            yield InputError(name, f"not valid JSON ({exc}); fix or remove the line", kind="json", line=number)
            continue
        if not isinstance(row, dict):
            yield InputError(name, f"not a JSON object; each line must be {{\"{options.id_key}\": ..., "
                                   f"\"{options.text_key}\": ...}}", kind="json", line=number)
            continue
        text = row.get(options.text_key)
        if not isinstance(text, str):
            problem = "missing" if text is None else f"not a string ({type(text).__name__})"
            yield InputError(name, f"field '{options.text_key}' is {problem}; use --text-key to name the text field",
                             kind="json", line=number)
            continue
        doc_id = row.get(options.id_key)
        doc_id = f"{name}:{number}" if doc_id is None else str(doc_id)
        if is_html(text):
            yield InputError(name, f"'{doc_id}' is {_HTML_HINT}", kind="html", line=number)
            continue
        warning = None
        if doc_id in seen:
            warning = f"duplicate id '{doc_id}' (line {number}); its records share that id"
        seen.add(doc_id)
        date = options.doc_date or parse_iso_date(row.get(options.date_key))
        if not text.strip() and warning is None:
            warning = "empty text, no records"
        title = row.get("title")
        yield Document(doc_id, text, date, warning, title.strip() or None if isinstance(title, str) else None)


def count_documents(inputs: list[str], options: InputOptions) -> int | None:
    """How many documents the inputs hold, for a progress bar (None when unknown: stdin)."""
    total = 0
    for given in inputs:
        if given == "-":
            return None
        path = Path(given)
        try:
            if path.is_dir():
                for folder, dirnames, filenames in os.walk(path, followlinks=False):
                    for filename in filenames:
                        if fnmatch.fnmatch(filename, options.glob):
                            total += _count_lines(Path(folder, filename)) if filename.endswith(JSONL_SUFFIXES) else 1
            elif given.endswith(JSONL_SUFFIXES):
                total += _count_lines(path)
            else:
                total += 1
        except OSError:
            total += 1
    return total


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            count += block.count(b"\n")
    return count


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b) or a.resolve() == b.resolve()
    except OSError:
        return False


def input_named_by(output: Path, inputs: list[str], options: InputOptions) -> str | None:
    """The input ``output`` would overwrite: one of the files given, or a file a folder input would read
    (under it and matching --glob); None when writing ``output`` destroys no input."""
    target = output.resolve()
    for given in inputs:
        if given == "-":
            continue
        path = Path(given)
        if path.is_dir():
            root = path.resolve()
            if target.is_relative_to(root) and fnmatch.fnmatch(target.name, options.glob):
                return given
        elif _same_file(path, output):
            return given
    return None
