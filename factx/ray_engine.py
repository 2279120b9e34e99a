"""``--engine ray``: the same extraction on a Ray cluster (optional extra ``factx[ray]``).

Documents are read by factx's own input layer (so decoding, bad-input messages
and ids are those of the local engine), sent to Ray Data in blocks, and
processed by ``map_batches`` with a callable class: each actor loads the spaCy
pipeline once in ``__init__`` (the ``nlp`` object is never pickled) and runs
the very function the local engine runs. Each block's results are put back in
input order before they are yielded, so records are identical whatever the
engine, and memory stays bounded by the block size.
"""
from __future__ import annotations

import datetime as dt
import logging
from itertools import islice
from typing import Iterable, Iterator

import orjson

from .batch import Outcome, _outcome
from .errors import FactxError
from .inputs import Document

BLOCK = 20_000  # documents handed to Ray at a time: bounds driver memory; actors start again per block
BATCH = 8  # documents per map_batches call (the local engine's batch)


class RayNotInstalled(FactxError):
    """The ray extra is missing."""


class _Extractor:
    """A Ray Data actor: the model is loaded once per actor, in the actor."""

    def __init__(self, model: str):
        from .pipeline import load_model

        self.nlp = load_model(model)

    def __call__(self, batch: dict) -> dict:
        from .pipeline import run

        documents = [Document(str(i), t, dt.date.fromisoformat(d) if d else None)
                     for i, t, d in zip(batch["id"], batch["text"], batch["date"])]
        results = [_outcome(doc, result) for doc, result in run(self.nlp, documents)]
        return {
            "index": list(batch["index"]),
            "records": [orjson.dumps(o.records).decode() if o.records is not None else "" for o in results],
            "error": [o.error or "" for o in results],
        }


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


def process(documents: Iterable[Document], model: str, workers: int, address: str | None = None) -> Iterator[Outcome]:
    """Outcomes in input order, computed by ``workers`` Ray actors (a local Ray unless ``address`` is given)."""
    ray = _ray()
    started_here = not ray.is_initialized()
    if started_here:
        if address:
            ray.init(address=address, logging_level="ERROR", log_to_driver=False)
        else:
            ray.init(num_cpus=workers, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    for name in ("ray", "ray.data"):  # stderr is for factx's own messages
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        documents = iter(documents)
        offset = 0
        while True:
            block = list(islice(documents, BLOCK))
            if not block:
                break
            rows = [{"index": offset + n, "id": d.id, "text": d.text, "date": d.date.isoformat() if d.date else ""}
                    for n, d in enumerate(block)]
            blocks = max(1, min(len(rows) // BATCH, workers * 8))  # enough blocks to keep every actor busy
            dataset = ray.data.from_items(rows, override_num_blocks=blocks).map_batches(
                _Extractor, fn_constructor_kwargs={"model": model}, batch_size=BATCH,
                compute=ray.data.ActorPoolStrategy(size=workers), num_cpus=1, batch_format="numpy")
            done = {int(row["index"]): row for row in dataset.iter_rows()}
            for n, document in enumerate(block):
                row = done.get(offset + n)
                if row is None:
                    yield Outcome(document, None, "the Ray job lost this document")
                elif row["error"]:
                    yield Outcome(document, None, str(row["error"]))
                else:
                    yield Outcome(document, orjson.loads(row["records"]))
            offset += len(block)
    finally:
        if started_here:
            ray.shutdown()
