"""Batch runs: worker processes, ordered results, resumable output.

- ``process`` yields one ``Outcome`` per document in input order, from this
  process (``jobs=1``) or from worker processes that each load the model once.
  A worker that dies takes only its documents with it: they are retried one by
  one in a fresh pool, and a document that kills a worker again is reported.
- ``ResumableOutput`` appends records per document and, once they are flushed,
  a line to a sidecar manifest (document id, content hash, byte offset). A
  resumed run cuts the output back to the last complete document and skips
  the documents the manifest lists: none lost, none doubled.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
from collections import Counter, deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import IO, Iterable, Iterator, NamedTuple

import orjson

from .errors import FactxError, InputError
from .inputs import Document

CHUNK = 8
# True in factx's own command-line process (set by the CLI): the model may be frozen out of the garbage
# collector there; a host application that imports factx keeps its collector as it is.
OWN_PROCESS = False


@dataclass(frozen=True)
class Outcome:
    """One document's records, or why it failed; or (``document`` None) an input that could not be read."""

    document: Document | None
    records: list[dict] | None
    error: str | None = None
    problem: InputError | None = None  # the read error: input name, line, kind


def outcome_of(document: Document, result: list[dict] | Exception) -> Outcome:
    from .language import foreign_language

    language = foreign_language(document.text)
    if language is not None:  # told once per document, with the records it still gives
        note = f"looks like {language}, not English: factx reads English news, so its records may be wrong"
        document = replace(document, warning=f"{document.warning}; {note}" if document.warning else note)
    if isinstance(result, Exception):
        return Outcome(document, None, f"{type(result).__name__}: {result}")
    return Outcome(document, result)


def process(documents: Iterable[Document], model: str, jobs: int = 1) -> Iterator[Outcome]:
    """Outcomes in input order. With ``jobs > 1`` and more than a few documents, worker processes do the work."""
    documents = iter(documents)
    if jobs > 1:
        head = list(islice(documents, jobs * CHUNK))
        if len(head) < jobs * CHUNK:  # a handful of documents: starting workers would cost more than it saves
            documents = iter(head)
        else:
            yield from _parallel(_chain(head, documents), model, jobs)
            return
    from .pipeline import load_model, run

    nlp = load_model(model, freeze=OWN_PROCESS)
    for document, result in run(nlp, documents):
        yield outcome_of(document, result)


def _chain(head: list, rest: Iterator) -> Iterator:
    yield from head
    yield from rest


_WORKER_NLP = None


def _init_worker(model: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    _die_with_parent()
    global _WORKER_NLP
    from .pipeline import load_model

    _WORKER_NLP = load_model(model, freeze=True)


def _die_with_parent() -> None:
    """On Linux, a worker whose parent was killed (kill -9) ends too instead of finishing its chunk alone."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _work(chunk: list[Document]) -> list[Outcome]:
    from .pipeline import run

    return [outcome_of(document, result) for document, result in run(_WORKER_NLP, chunk)]


class _Pool:
    """A process pool that can be replaced when a worker dies."""

    def __init__(self, model: str, jobs: int):
        self.model, self.jobs = model, jobs
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(self.model,))

    def submit(self, chunk: list[Document]) -> Future:
        try:
            return self.executor.submit(_work, chunk)
        except BrokenProcessPool:
            self.renew()
            return self.executor.submit(_work, chunk)

    def renew(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new()

    def close(self, cancel: bool = False) -> None:
        if cancel:
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.terminate()
        self.executor.shutdown(wait=not cancel, cancel_futures=cancel)


def _parallel(documents: Iterator[Document], model: str, jobs: int) -> Iterator[Outcome]:
    pool = _Pool(model, jobs)
    inflight: deque[tuple[list[Document], Future]] = deque()
    finished = False
    try:
        while True:
            while not finished and len(inflight) < 2 * jobs:
                chunk = list(islice(documents, CHUNK))
                if not chunk:
                    finished = True
                    break
                inflight.append((chunk, pool.submit(chunk)))
            if not inflight:
                break
            chunk, future = inflight.popleft()
            try:
                yield from future.result()
            except BrokenProcessPool:
                pending = [chunk] + [c for c, _ in inflight]
                inflight.clear()
                pool.renew()
                for document in (d for c in pending for d in c):
                    yield _alone(pool, document)
        pool.close()
    except BaseException:
        pool.close(cancel=True)
        raise


def _alone(pool: _Pool, document: Document) -> Outcome:
    """One document in its own task, after a worker died: if it kills a worker again, it is the culprit."""
    try:
        [outcome] = pool.submit([document]).result()
        return outcome
    except BrokenProcessPool:
        pool.renew()
        return Outcome(document, None, "the worker process died on this document (out of memory, or a crash in spaCy)")


def content_key(document: Document) -> tuple[str, str]:
    return document.id, hashlib.blake2b(document.text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class ResumeMismatch(FactxError):
    """A resumed run names a document differently from the run that wrote the output."""


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class _Entry(NamedTuple):
    """One manifest line: a document's id and content hash, the byte range of its records and their hash."""

    id: str
    content: str
    start: int
    end: int
    records: str


def _manifest_entry(line: bytes) -> _Entry | None:
    """The entry of a whole manifest line, or None for a torn line or one of an older factx."""
    if not line.endswith(b"\n"):
        return None
    try:
        entry = orjson.loads(line)
        start, end = int(entry["start"]), int(entry["end"])
        return _Entry(entry["id"], entry["hash"], start, end, entry["records"]) if end >= start else None
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        return None


def _read_range(handle: IO[bytes], start: int, end: int) -> bytes:
    handle.seek(start)
    return handle.read(end - start)


class ResumeState:
    """What a resumed output already holds: ``done`` counts the (id, content hash) of its complete documents,
    ``by_hash`` the id the first run gave each text. Shared by JSON Lines (ResumableOutput) and SQLite."""

    path: Path
    done: Counter
    by_hash: dict[str, str]
    skipped: int

    def should_skip(self, document: Document) -> bool:
        """True when the output already holds the document's records (each listed document is skipped once).

        Raises ResumeMismatch when the output holds this very text under another id: the run was started
        from another folder or with other inputs, and going on would write its records a second time.
        """
        key = content_key(document)
        if self.done[key] > 0:
            self.done[key] -= 1
            self.skipped += 1
            return True
        first_id = self.by_hash.get(key[1])
        if first_id is not None and first_id != key[0] and self.done[(first_id, key[1])] > 0:
            raise ResumeMismatch(
                f"--resume: {self.path} holds this document as '{first_id}', this run names it '{key[0]}'; "
                "resume from the folder and with the inputs of the first run (or drop --resume to start over)")
        return False

    def check_settings(self, written) -> None:
        """Refuse to resume an output written with options that shape records differently (another --kind,
        --doc-date, model, key option or factx version): its records would mix with this run's."""
        for key in sorted(set(written) | set(self.settings)):
            if written.get(key) != self.settings.get(key):
                raise ResumeMismatch(
                    f"--resume: {self.path} was written with {_setting(key, written.get(key))}, this run has "
                    f"{_setting(key, self.settings.get(key))}; resume with the first run's options (or drop "
                    "--resume to start over)")


class ResumableOutput(ResumeState):
    """An output file written per document, with a manifest of the documents whose records are complete.

    Each manifest line holds a document's id and content hash, and the byte range of its records in the
    output with their hash. A resumed run trusts only what the output proves: it walks the manifest in
    order and stops at the first document whose bytes are missing or differ (a file cut short, restored
    from an older copy, edited), cuts the output there and extracts the rest again. It never writes a byte
    that is not a record.
    """

    def __init__(self, path: Path, resume: bool, settings: dict | None = None):
        self.path = Path(path)
        self.manifest_path = self.path.with_name(self.path.name + ".manifest")
        self.done: Counter = Counter()
        self.by_hash: dict[str, str] = {}  # content hash -> the id the first run gave it
        self.lost = 0  # manifest entries the output no longer proves
        self.settings = settings or {}
        mode = "wb"
        if resume and self.path.exists():
            self._check_settings()
            self.done, end = self._read_manifest()
            with open(self.path, "r+b") as fh:
                fh.truncate(end)
            mode = "ab"
        elif resume:
            self.manifest_path.unlink(missing_ok=True)
        self.stream: IO[bytes] = open(self.path, mode)
        self.committed_end = self.stream.seek(0, os.SEEK_END)
        self.manifest: IO[bytes] = open(self.manifest_path, "ab" if mode == "ab" else "wb")
        if mode == "wb":
            self.manifest.write(orjson.dumps({"settings": self.settings}, option=orjson.OPT_SORT_KEYS) + b"\n")
            self.manifest.flush()
        self.skipped = 0

    def _check_settings(self) -> None:
        """The manifest's settings line against this run's (a manifest with none is refused)."""
        try:
            with open(self.manifest_path, "rb") as fh:
                first = fh.readline()
        except FileNotFoundError:
            return  # nothing proven: every document is extracted again
        try:
            written = orjson.loads(first).get("settings") if first.endswith(b"\n") else None
        except (orjson.JSONDecodeError, AttributeError):
            written = None
        if not isinstance(written, dict):
            raise ResumeMismatch(f"--resume: {self.manifest_path.name} does not say which options wrote "
                                 f"{self.path} (an older factx?); drop --resume to start over")
        self.check_settings(written)

    def _read_manifest(self) -> tuple[Counter, int]:
        """The documents the output proves complete, and where their records end."""
        done: Counter = Counter()
        end = valid = 0
        try:
            data = self.manifest_path.read_bytes()
        except FileNotFoundError:
            return done, 0
        lines = data.splitlines(keepends=True)
        header, lines = lines[:1], lines[1:]  # the settings line, checked already
        valid = len(header[0]) if header else 0
        with open(self.path, "rb") as output:
            for number, line in enumerate(lines):
                entry = _manifest_entry(line)
                if entry is None or entry.start != end or \
                        _digest(_read_range(output, entry.start, entry.end)) != entry.records:
                    self.lost = len(lines) - number
                    break
                end = entry.end
                done[(entry.id, entry.content)] += 1
                self.by_hash.setdefault(entry.content, entry.id)
                valid += len(line)
        with open(self.manifest_path, "r+b") as fh:
            fh.truncate(valid)
        return done, end

    def rollback(self) -> None:
        """After a failed write (disk full): cut the output back to the last complete document, no torn line."""
        try:
            self.stream.flush()
        except OSError:
            pass
        try:
            with open(self.path, "r+b") as fh:
                fh.truncate(self.committed_end)
        except OSError:
            pass

    def committed(self, document: Document, records: bytes) -> None:
        """Record that the document's records (``records``: their bytes as written) are flushed to the output."""
        self.stream.flush()
        doc_id, digest = content_key(document)
        start, self.committed_end = self.committed_end, self.stream.tell()
        self.manifest.write(orjson.dumps({"id": doc_id, "hash": digest, "start": start, "end": self.committed_end,
                                          "records": _digest(records)}) + b"\n")
        self.manifest.flush()

    def close(self) -> None:
        for handle in (self.stream, self.manifest):
            try:
                handle.close()
            except OSError:
                pass


_SETTING_NAMES = {"kinds": "--kind", "doc_date": "--doc-date", "model": "--model", "model_version": "model version",
                  "text_key": "--text-key", "id_key": "--id-key", "date_key": "--date-key",
                  "factx": "factx version"}


def _setting(key: str, value) -> str:
    """'--kind money', 'no --doc-date', 'factx version 1.0.0': one setting as a person reads it."""
    name = _SETTING_NAMES.get(key, key)
    if value is None or value == []:
        return f"no {name}"
    return f"{name} {' '.join(value) if isinstance(value, list) else value}"


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1
