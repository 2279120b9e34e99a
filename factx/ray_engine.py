"""``--engine ray``: the same extraction on a Ray cluster (optional extra ``factx[ray]``).

The driver only lists the inputs (paths; standard input is the one thing it
reads). Ray Data does the rest as one streaming dataset:

    sources --map_batches(read)--> documents in small blocks --map_batches(_Extractor, actors)--> rows

Reading runs in Ray tasks on the cluster's nodes with factx's own input layer,
so decoding, ids and bad-input messages are those of the local engine; a file
that cannot be read becomes an error row, never a failed job. Each actor loads
the spaCy pipeline once in ``__init__`` (the ``nlp`` object is never pickled)
and runs the very function the local engine runs. The dataset keeps input
order, so the driver writes records in the order the local engine does and
memory stays bounded by Ray's streaming, whatever the number of documents.
"""
from __future__ import annotations

import dataclasses
import importlib
import logging
import os
import socket
import sys
import threading
from collections import Counter
from typing import Callable, Iterator

import orjson

from .batch import Outcome, content_key, outcome_of, process
from .dates import parse_iso_date
from .errors import FactxError, InputError
from .inputs import Document, InputOptions, Source, iter_sources, read_source

BATCH = 8  # documents per map_batches call (the local engine's batch)
BLOCK_BYTES = 64 * 1024  # Ray Data block size: a few documents, so every actor gets work
TASK_RETRIES = 3  # attempts of a batch after its actor died
READS_PER_WORKER = 4  # read tasks per actor over the sources (a JSON Lines file is read by one task)
PUMP_ROWS, PUMP_CHUNKS = 64, 8  # with Ray Client: rows per pulled chunk, chunks waiting on the cluster


class RayNotInstalled(FactxError):
    """The ray extra is missing."""


class RayJobFailed(FactxError):
    """Ray itself failed (no cluster at the address, a lost node): the documents not yet written are not done."""


COLUMNS = ("id", "text", "date", "warning", "title", "failure")  # a document row; ``failure`` set for a read error


def _read(sources: dict, options: dict) -> Iterator[dict]:
    """A Ray task: the documents of a block of sources (or the errors standing in for them), a few at a time."""
    options = InputOptions(**{**options, "doc_date": parse_iso_date(options["doc_date"])
                              if options["doc_date"] else None})
    batch: list[tuple] = []
    for name, kind, data, error, seen in zip(sources["name"], sources["kind"], sources["data"], sources["error"],
                                             sources["seen"]):
        source = Source(str(name), str(kind), bytes(data) if kind == "stdin" else None, str(error) or None)
        for item in read_source(source, options):
            if isinstance(item, InputError):
                detail = item.detail
                if seen and not os.path.exists(source.name):
                    detail += (f" (read on Ray node {socket.gethostname()}; factx saw it when listing the inputs: "
                               "they must be on a filesystem every node mounts)")
                failure = {"name": item.name, "detail": detail, "kind": item.kind, "line": item.line}
                batch.append(("", "", "", "", "", orjson.dumps(failure).decode()))
            else:
                batch.append((item.id, item.text, item.date.isoformat() if item.date else "", item.warning or "",
                              item.title or "", ""))
            if len(batch) == BATCH:
                yield dict(zip(COLUMNS, map(list, zip(*batch))))
                batch = []
    if batch:
        yield dict(zip(COLUMNS, map(list, zip(*batch))))


class _Extractor:
    """A Ray Data actor: the model is loaded once per actor, in the actor."""

    def __init__(self, model: str, done: frozenset = frozenset()):
        from .pipeline import load_model

        self.nlp = load_model(model, freeze=True)
        self.done = done  # (id, hash) of documents already in a resumed output: not extracted again

    def __call__(self, batch: dict) -> dict:
        from .pipeline import run

        rows = [dict(zip(COLUMNS, values)) for values in zip(*(batch[c] for c in COLUMNS))]
        records, errors, skipped = [""] * len(rows), [""] * len(rows), [False] * len(rows)
        todo = []
        for n, row in enumerate(rows):
            if row["failure"]:
                continue
            document = _document(row)
            if content_key(document) in self.done:
                skipped[n] = True
            else:
                todo.append((n, document))
        for (n, _), (document, result) in zip(todo, run(self.nlp, [d for _, d in todo])):
            outcome = outcome_of(document, result)
            if outcome.error is not None:
                errors[n] = outcome.error
            else:
                records[n] = orjson.dumps(outcome.records).decode()
        return {**{c: list(batch[c]) for c in COLUMNS}, "records": records, "error": errors, "skipped": skipped}


def _document(row: dict) -> Document:
    date = str(row["date"])
    return Document(str(row["id"]), str(row["text"]), parse_iso_date(date) if date else None,
                    str(row["warning"]) or None, str(row["title"]) or None)


def _ray():
    try:
        import ray
    except ImportError as exc:
        raise RayNotInstalled(
            "--engine ray needs the ray extra: pip install 'factx[ray]' (or use the local engine)") from exc
    return ray


def check() -> None:
    """Fail fast with the install hint when Ray is missing."""
    _ray()


def process_inputs(inputs: list[str], options: InputOptions, model: str, workers: int, address: str | None = None,
                   admit: Callable[[Document | InputError], bool] = lambda item: not isinstance(item, InputError),
                   done: Counter | None = None) -> Iterator[Outcome]:
    """Outcomes in input order, read and computed by Ray (a local Ray with ``workers`` CPUs unless ``address``;
    with an address, ``workers=0`` means an actor per CPU of the cluster).

    ``admit`` sees every document and read error in input order, as the local engine's reader does: it
    reports errors and warnings and says whether a document is to be extracted (``--resume`` skips some).
    ``done`` holds the (id, hash) keys a resumed output already has; actors do not extract those again.
    """
    ray = _ray()
    sources = list(iter_sources(inputs, options))
    if not sources:
        return
    quiet = _RayQuiet()
    started_here = False
    with quiet:  # until Ray is stopped: its last messages come as it shuts down
        try:
            started_here = _start(ray, workers, address)
            workers = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))  # 0: the whole cluster
            yield from _run(ray, sources, options, model, workers, admit, done or Counter(), quiet.release)
        except ray.exceptions.RayError as exc:
            raise _failed(exc) from exc
        finally:
            if started_here:
                _stop(ray)


def _failed(exc: Exception) -> RayJobFailed:
    reason = (str(exc).strip().splitlines() or [""])[0]
    return RayJobFailed(f"the Ray job failed ({type(exc).__name__}: {reason}); "
                        "the records written so far are complete, rerun with -o FILE --resume")


class _RayQuiet:
    """Keep Ray's own output off factx's streams (it stays in Ray's session logs, /tmp/ray/session_latest/logs).

    Ray's Python side prints cluster warnings and its workers' deaths ('(raylet) A worker died ...') to
    ``sys.stdout``, where factx's records go: while Ray runs, ``sys.stdout`` is a null sink (the CLI holds the
    real stdout; factx reports a dead worker in its own words). Ray's C++ core logs its start-up chatter
    straight to file descriptor 2: until the first document comes back, fd 2 goes to /dev/null. From then on
    stderr is open again, for factx's messages about the documents. Exceptions of Ray's own threads (an
    actor gone, while factx isolates the document that killed it) are dropped, not printed as tracebacks.
    """

    def __enter__(self):
        self.stdout = sys.stdout
        self.null = open(os.devnull, "w")
        sys.stdout = self.null
        self.excepthook = threading.excepthook
        threading.excepthook = lambda args: None
        sys.stderr.flush()
        self.saved_fd = os.dup(2)
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)
        os.close(null)
        return self

    def release(self) -> None:
        if self.saved_fd is not None:
            os.dup2(self.saved_fd, 2)
            os.close(self.saved_fd)
            self.saved_fd = None

    def __exit__(self, *exc) -> None:
        self.release()
        sys.stdout = self.stdout
        threading.excepthook = self.excepthook
        self.null.close()


def _run(ray, sources: list[Source], options: InputOptions, model: str, workers: int,
         admit: Callable, done: Counter, first: Callable[[], None]) -> Iterator[Outcome]:
    job = {
        "sources": [{"name": s.name, "kind": s.kind, "data": s.data or b"", "error": s.error or "",
                     "seen": s.kind != "stdin" and os.path.exists(s.name)} for s in sources],
        "options": dataclasses.asdict(options) | {"doc_date": options.doc_date.isoformat() if options.doc_date
                                                  else ""},
        "model": model, "workers": workers, "done": frozenset(key for key, count in done.items() if count > 0),
    }
    rows = _pulled(ray, job) if ray.util.client.ray.is_connected() else _rows(ray, job)
    consumed = 0  # rows (documents and read errors) back so far, in input order
    try:
        for row in rows:
            first()
            consumed += 1
            if row["failure"]:
                failure = orjson.loads(row["failure"])
                admit(InputError(failure["name"], failure["detail"], kind=failure["kind"], line=failure["line"]))
                continue
            document = _document(row)
            if not admit(document):
                continue
            if row["skipped"]:  # in the resumed output as often as the manifest says, and once more here
                yield from process([document], model)
            elif row["error"]:
                yield Outcome(document, None, str(row["error"]))
            else:
                yield Outcome(document, orjson.loads(row["records"]))
    except (ray.exceptions.RayError, RayJobFailed) as exc:
        # The dataset gave up: a batch killed its actor on every retry (a poison document: one that exhausts
        # memory or crashes the process). The documents not yet back are isolated instead of failing the job.
        first()
        yield from _isolate(ray, sources, options, model, consumed, admit, exc)


ISOLATION_WINDOW = 64  # documents read again and extracted at a time once the dataset gave up


def _isolate(ray, sources: list[Source], options: InputOptions, model: str, consumed: int, admit: Callable,
             cause: Exception) -> Iterator[Outcome]:
    """The documents after the first ``consumed`` rows, read again by the driver and extracted in Ray tasks of
    ``BATCH`` documents; a batch whose worker dies is split in halves until the document that kills it is
    found, and that one is a failed document (its error names the cause) while every other goes on."""
    extract = ray.remote(num_cpus=1, max_retries=0)(_extract_task)
    items = (item for source in sources for item in read_source(source, options))
    pending: list[Document] = []
    for n, item in enumerate(items):
        if n < consumed:
            continue
        if isinstance(item, InputError):
            yield from _extracted(ray, extract, model, pending, cause)
            pending = []
            admit(item)
        elif admit(item):
            pending.append(item)
            if len(pending) >= ISOLATION_WINDOW:
                yield from _extracted(ray, extract, model, pending, cause)
                pending = []
    yield from _extracted(ray, extract, model, pending, cause)


def _extracted(ray, extract, model: str, documents: list[Document], cause: Exception) -> Iterator[Outcome]:
    """Outcomes of ``documents`` in order: batches run in parallel, a batch that crashed its worker is split."""
    batches = [documents[i:i + BATCH] for i in range(0, len(documents), BATCH)]
    futures = [extract.remote(model, [_row_of(d) for d in batch]) for batch in batches]
    for batch, future in zip(batches, futures):
        yield from _settled(ray, extract, model, batch, future, cause)


def _settled(ray, extract, model: str, batch: list[Document], future, cause: Exception) -> Iterator[Outcome]:
    try:
        results = ray.get(future)
    except ray.exceptions.RayError as exc:
        if len(batch) == 1:
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            yield Outcome(batch[0], None, f"the Ray worker died on this document, every try ({type(exc).__name__}: "
                                          f"{reason[:200]}); the other documents went on")
            return
        half = len(batch) // 2
        for part in (batch[:half], batch[half:]):
            yield from _settled(ray, extract, model, part, extract.remote(model, [_row_of(d) for d in part]), cause)
        return
    for document, (records, error) in zip(batch, results):
        yield Outcome(document, None, error) if error else Outcome(document, orjson.loads(records))


def _row_of(document: Document) -> tuple:
    return (document.id, document.text, document.date.isoformat() if document.date else "", document.warning or "",
            document.title or "")


_TASK_NLP: dict = {}  # the model, loaded once per Ray worker process


def _extract_task(model: str, rows: list[tuple]) -> list[tuple[str | None, str | None]]:
    """A Ray task: (records as JSON, error) of each document, with the model the worker loaded once."""
    from .pipeline import load_model, run

    if model not in _TASK_NLP:
        _TASK_NLP[model] = load_model(model, freeze=True)
    documents = [Document(i, t, parse_iso_date(d) if d else None, w or None, title or None)
                 for i, t, d, w, title in rows]
    out = []
    for document, result in run(_TASK_NLP[model], documents):
        outcome = outcome_of(document, result)
        out.append((orjson.dumps(outcome.records).decode(), None) if outcome.error is None else (None, outcome.error))
    return out


def _rows(ray, job: dict) -> Iterator[dict]:
    """The job's result rows in input order, from the Ray Data dataset that reads and extracts."""
    _configure(ray)
    workers, sources = job["workers"], job["sources"]
    dataset = (
        ray.data.from_items(sources, override_num_blocks=min(len(sources), workers * READS_PER_WORKER))
        # Reading is light: it takes no CPU of its own (an actor holds each one), and as many readers run at
        # a time as there are actors, each streaming its documents out a few at a time.
        .map_batches(_read, fn_kwargs={"options": job["options"]}, batch_size=None, num_cpus=0,
                     concurrency=workers, batch_format="numpy")
        .map_batches(_Extractor, fn_constructor_kwargs={"model": job["model"], "done": job["done"]},
                     batch_size=BATCH, compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1,
                     batch_format="numpy",
                     # An actor that dies (a node lost, memory) restarts and its batch is retried, but not
                     # forever: a document that kills every actor fails the job (with its message) instead
                     # of looping, and --resume goes on from the last complete record.
                     max_task_retries=TASK_RETRIES)
    )
    for row in dataset.iter_rows():
        yield dict(row)


class _Pump:
    """With Ray Client (``ray://``) Ray Data cannot stream results to the client, so this actor runs the
    dataset on the cluster and the client pulls its rows in chunks; a bounded queue keeps it in step."""

    def __init__(self, job: dict):
        import queue

        self.queue: queue.Queue = queue.Queue(maxsize=PUMP_CHUNKS)
        threading.Thread(target=self._fill, args=(job,), daemon=True).start()

    def _fill(self, job: dict) -> None:
        import ray

        try:
            chunk = []
            for row in _rows(ray, job):
                chunk.append(row)
                if len(chunk) == PUMP_ROWS:
                    self.queue.put(chunk)
                    chunk = []
            self.queue.put(chunk)
            self.queue.put(None)
        except Exception as exc:  # noqa: BLE001 - handed to the client, which raises it
            self.queue.put(exc)

    def next(self):
        return self.queue.get()


def _pulled(ray, job: dict) -> Iterator[dict]:
    pump = ray.remote(num_cpus=0)(_Pump).remote(job)
    try:
        while (chunk := ray.get(pump.next.remote())) is not None:
            if isinstance(chunk, Exception):  # the job failed on the cluster
                raise _failed(chunk)
            yield from chunk
    finally:
        ray.kill(pump)


def _configure(ray) -> None:
    """Ray Data's settings for this job, in the process that runs the dataset."""
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    context.execution_options.preserve_order = True  # records in input order, as the local engine writes them
    # Small blocks, so that the documents of one JSON Lines file (one read task) spread over all the actors.
    # (A repartition step would do it too, but it needs a CPU of its own: with every CPU held by an actor
    # it would never run.)
    context.target_max_block_size = BLOCK_BYTES
    for name in ("ray", "ray.data"):  # stderr is for factx's own messages (a failed job is one of them)
        logging.getLogger(name).setLevel(logging.CRITICAL)


def _start(ray, workers: int, address: str | None) -> bool:
    """Attach to ``address`` or start a local Ray; True when this call started it (and must stop it)."""
    # Ray Data takes most of a second to import: do it while Ray's processes start, which is mostly waiting.
    importer = threading.Thread(target=importlib.import_module, args=("ray.data",), daemon=True)
    importer.start()
    if ray.is_initialized():
        started_here = False
    elif address:
        try:
            _answers(address)
            ray.init(address=address, logging_level="ERROR", log_to_driver=False)
        except Exception as exc:  # noqa: BLE001 - Ray raises many kinds here; each ends up as one line
            reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            hint = ("start one on this node with `ray start --head`, or give its address" if address == "auto"
                    else "check the address; if the cluster uses token authentication, set RAY_AUTH_MODE=token"
                    if address.startswith("ray://") else "check the address")
            raise RayJobFailed(f"cannot attach to the Ray cluster at {address} ({reason}); {hint}") from exc
        started_here = True
    else:
        # "local": a Ray of its own even when another runs on this machine (which --address auto would join)
        ray.init(address="local", num_cpus=workers, include_dashboard=False, logging_level="ERROR",
                 log_to_driver=False)
        started_here = True
    importer.join()
    return started_here


def _answers(address: str, timeout: float = 10.0) -> None:
    """Raise ConnectionError unless something listens at a ``host:port`` address (Ray itself would retry
    an unreachable address for minutes); ``auto`` and other forms are left to Ray."""
    host, sep, port = address.removeprefix("ray://").rpartition(":")
    if not sep or not port.isdigit():
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as exc:
        raise ConnectionError(f"nothing answers at {host}:{port}: {exc.strerror or exc}") from exc


def _stop(ray) -> None:
    """Stop the local Ray started here. Ray gives each of its processes a second to exit on SIGTERM, and its
    autoscaler monitor always takes all of it; a one-node Ray has nothing to autoscale, so the monitor is
    killed first (through Ray's private node handle; if that ever moves, shutdown merely takes longer)."""
    try:
        from ray._private import ray_constants, worker

        for info in worker._global_node.all_processes.get(ray_constants.PROCESS_TYPE_MONITOR, []):
            info.process.kill()
            info.process.wait(timeout=1)
    except Exception:  # noqa: BLE001 - an optimisation only
        pass
    ray.shutdown()
