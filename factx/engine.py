"""The run: one path from inputs to outcomes that every command and the Python API take.

- ``run(inputs, ...)`` yields one ``Outcome`` per input problem and per document, in input order: a
  document's records, or why it (or an input) failed. The local engine (this process or worker
  processes) and the Ray engine give the same outcomes.
- ``Extraction`` is ``factx extract``: a run written to a sink (stdout, a file, a resumable JSON Lines
  file with its manifest), with an error log and counts. It reports through a ``Reporter`` and raises
  typed errors; the CLI only renders them.
- ``extract_many(items)`` is the notebook's batch: records of many texts on the same path.
"""
from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, Protocol

import orjson

from .batch import Outcome, ResumableOutput, ResumeMismatch, default_jobs, process
from .databases import DATABASE_SUFFIXES
from .errors import FactxError, InputError
from .inputs import Document, InputOptions, iter_documents
from .resources import DEFAULT_MODEL

__all__ = ["Outcome", "run", "run_documents", "Extraction", "Reporter", "Counts", "Interrupted", "WriteFailed", "ResumeMismatch",
           "extract_many"]


def run(inputs: list[str], *, model: str = DEFAULT_MODEL, jobs: int = 0, engine: str = "local",
        options: InputOptions | None = None, resume: ResumableOutput | None = None, kinds: set[str] | None = None,
        address: str | None = None, workers: int = 0) -> Iterator[Outcome]:
    """Outcomes of every input, in input order.

    An input that cannot be read gives an outcome with ``problem`` set (reported as soon as the reader
    meets it); a document gives its records, or ``error`` when extraction failed. With ``resume``, the
    documents its manifest lists are skipped. ``kinds`` keeps only figures of those kinds.
    """
    options = options or InputOptions()
    jobs = jobs or default_jobs()
    met: deque[Outcome] = deque()  # read problems, reported before the next document's outcome

    def admit(item: Document | InputError) -> bool:
        if isinstance(item, InputError):
            met.append(Outcome(None, None, str(item), item))
            return False
        return resume is None or not resume.should_skip(item)

    if engine == "ray":
        from . import ray_engine

        actors = workers or (0 if address else jobs)  # 0: as many as the cluster has CPUs
        stream = ray_engine.process_inputs(inputs, options, model, actors, address, admit,
                                           resume.done if resume is not None else None)
    else:
        stream = run_documents((item for item in iter_documents(inputs, options) if admit(item)), model=model,
                               jobs=jobs)
    try:
        for outcome in stream:
            while met:
                yield met.popleft()
            if kinds is not None and outcome.records is not None:
                outcome = replace(outcome, records=[r for r in outcome.records if r["figure"]["kind"] in kinds])
            yield outcome
        while met:
            yield met.popleft()
    finally:
        stream.close()  # the engine stops its workers (or its Ray) now, not at interpreter exit


def run_documents(documents: Iterable[Document], *, model: str = DEFAULT_MODEL, jobs: int = 1) -> Iterator[Outcome]:
    """Outcomes of documents already read, in input order (``jobs`` worker processes when > 1)."""
    return process(documents, model, jobs)


class Reporter(Protocol):
    """What a run tells the person watching: problems, warnings, progress."""

    def error(self, message: str) -> None: ...

    def warning(self, message: str) -> None: ...

    def advance(self, records: int) -> None: ...


@dataclass
class Counts:
    documents: int = 0
    records: int = 0
    failed: int = 0
    skipped: int = 0  # already complete in a resumed output
    undated: int = 0  # documents with no date whose relative times stayed unresolved


def unresolved_times(records: list[dict]) -> bool:
    """Whether a document without a date has times it could not resolve ('on Friday' -> null, 'March 3' ->
    XXXX-03-03): a date would have resolved them."""
    return any(r["doc_date"] is None and r["when"] is not None
               and (r["when"]["value"] is None or r["when"]["value"].startswith("XXXX")) for r in records)


class Interrupted(FactxError):
    """Ctrl-C: what was written stays complete."""


class WriteFailed(FactxError):
    """The output could not be written (disk full, a closed file)."""


@dataclass
class Extraction:
    """``factx extract``: every input's records written to ``sink``, problems to ``errors``.

    ``output`` (a path) with JSON Lines gets a manifest and can be resumed. ``writer`` takes a binary
    stream and has ``write(records) -> bytes`` and ``close()`` (see ``factx.writers``).
    """

    inputs: list[str]
    writer_for: Callable[[IO[bytes]], object]
    output: Path | None = None
    resumable: bool = False
    resume: bool = False
    errors: Path | None = None
    model: str = DEFAULT_MODEL
    jobs: int = 0
    engine: str = "local"
    options: InputOptions = field(default_factory=InputOptions)
    kinds: set[str] | None = None
    address: str | None = None
    workers: int = 0
    stdout: IO[bytes] | None = None
    keep: list | None = None  # when a list, every extracted (document, records) is also kept in it

    def open(self) -> "Extraction":
        """Open the output and the error log (an OSError names the file that cannot be written)."""
        kind = ResumableOutput
        if self.output is not None and self.output.suffix.lower() in DATABASE_SUFFIXES:
            from .databases import DatabaseOutput as kind
        self.output_state = kind(self.output, self.resume, self.settings()) if self.resumable else None
        if self.output_state is not None:
            self.sink = self.output_state.stream
        else:
            self.sink = open(self.output, "wb") if self.output is not None else self.stdout
        self.error_log = open(self.errors, "ab" if self.resume else "wb") if self.errors is not None else None
        return self

    def settings(self) -> dict:
        """The options that shape records, kept in the manifest: a resume with other ones is refused."""
        from . import __version__
        from .pipeline import model_version

        options = self.options
        return {"kinds": sorted(self.kinds) if self.kinds else None,
                "doc_date": options.doc_date.isoformat() if options.doc_date else None,
                "model": self.model, "model_version": model_version(self.model), "text_key": options.text_key,
                "id_key": options.id_key, "date_key": options.date_key, "factx": __version__}

    @property
    def lost(self) -> int:
        """Documents a resumed output listed but no longer holds whole (they are extracted again)."""
        return self.output_state.lost if self.output_state is not None else 0

    def execute(self, reporter: Reporter, quiet: bool = False) -> Counts:
        """Run and write; ``self.counts`` holds the counts so far even when this raises."""
        counts = self.counts = Counts()
        writer = self.writer_for(self.sink)
        resumable = self.output_state

        def log_error(message: str, **fields) -> None:
            counts.failed += 1
            reporter.error(message)
            if self.error_log is not None:
                self.error_log.write(orjson.dumps({**fields, "message": message}) + b"\n")
                self.error_log.flush()

        stream = run(self.inputs, model=self.model, jobs=self.jobs, engine=self.engine, options=self.options,
                     resume=resumable, kinds=self.kinds, address=self.address, workers=self.workers)
        try:
            for outcome in stream:
                if outcome.problem is not None:
                    problem = outcome.problem
                    log_error(outcome.error, id=None, input=problem.name, line=problem.line, kind=problem.kind)
                    continue
                document = outcome.document
                if document.warning and not quiet:
                    reporter.warning(f"{document.id}: {document.warning}")
                if outcome.error is not None:
                    log_error(f"{document.id}: extraction failed ({outcome.error}); please report this with the "
                              "input", id=document.id, input=None, line=None, kind="extraction")
                else:
                    written = writer.write(outcome.records)
                    if self.keep is not None:
                        self.keep.append((document, outcome.records))
                    if resumable is not None:
                        resumable.committed(document, written)
                    counts.documents += 1
                    counts.records += len(outcome.records)
                    counts.undated += unresolved_times(outcome.records)
                reporter.advance(len(outcome.records or ()))
            writer.close()
        except ResumeMismatch:  # nothing of this document was written: the output stays as it was
            _close_quietly(writer)
            raise
        except FactxError as exc:  # the engine itself failed (Ray lost its cluster): what was written stays
            _close_quietly(writer)
            log_error(str(exc), id=None, input=None, line=None, kind="engine")
        except KeyboardInterrupt:
            _close_quietly(writer)
            raise Interrupted("interrupted") from None
        except BrokenPipeError:
            raise
        except OSError as exc:
            if resumable is not None:
                resumable.rollback()
            raise WriteFailed(f"{self.output or 'stdout'}: write failed ({exc.strerror or exc}); free some space "
                              "or choose another -o" + ("; then rerun with --resume" if resumable else "")) from exc
        finally:
            stream.close()
            self.close()
        counts.skipped = resumable.skipped if resumable is not None else 0
        return counts

    def close(self) -> None:
        if self.output_state is not None:
            self.output_state.close()
        elif self.output is not None:
            _close_quietly(self.sink)
        if self.error_log is not None:
            _close_quietly(self.error_log)
            self.error_log = None


def _close_quietly(closable) -> None:
    """Close a writer or file on the way out of a failure, where a second error would only hide the first."""
    try:
        closable.close()
    except OSError:
        pass


def extract_many(items: Iterable[str | dict], *, jobs: int = 1, model: str | None = None,
                 doc_date: str | dt.date | None = None) -> list[list]:
    """Records (``factx.Record``) of many texts, one list per item in input order, on the path ``factx
    extract`` takes (``jobs`` worker processes when > 1).

    An item is a text, or a dict with ``text`` and optionally ``id`` and ``date`` (YYYY-MM-DD); ids
    default to the item's position. ``doc_date`` is the date of items that give none. A document that
    fails raises FactxError naming it.
    """
    from .dates import as_date
    from .records import Record

    default = as_date(doc_date, "doc_date")
    documents = []
    for n, item in enumerate(items):
        if isinstance(item, str):
            documents.append(Document(str(n), item, default))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            date = as_date(item.get("date"), f"item {n}: date") if item.get("date") is not None else default
            documents.append(Document(str(item.get("id", n)), item["text"], date))
        else:
            raise TypeError(f"item {n}: expected a str or a dict with a 'text' string, got {type(item).__name__}")
    out = []
    for outcome in run_documents(documents, model=model or DEFAULT_MODEL, jobs=jobs):
        if outcome.error is not None:
            raise FactxError(f"{outcome.document.id}: extraction failed ({outcome.error})")
        out.append([Record.model_validate(r) for r in outcome.records])
    return out
