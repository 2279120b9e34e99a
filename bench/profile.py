"""Where a factx run spends its time, by stage, and how many tokens go through each pipeline component.

    python bench/profile.py [--times 2]

One process, ``--jobs 1``, the shared corpus repeated ``--times`` times. Each stage is timed by
wrapping the function that does it (wall time, so a stage that calls another is shown without it);
model loading is left out. Token shares compare the tokens each spaCy component sees with the tokens of
the whole text (what plain ``nlp.pipe`` would run every component on).
"""
from __future__ import annotations

import argparse
import io
import json
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

from _common import save, table, write_corpus  # (which also takes this folder off the import path)

SECONDS: dict[str, float] = defaultdict(float)
TOKENS: dict[str, int] = defaultdict(int)
_STACK: list[list[float]] = []  # per active stage: [start, time spent in stages it called]


@contextmanager
def stage(name: str):
    """Adds the time spent inside to SECONDS[name], less the time of timed stages entered meanwhile."""
    _STACK.append([time.perf_counter(), 0.0])
    try:
        yield
    finally:
        start, inner = _STACK.pop()
        spent = time.perf_counter() - start
        SECONDS[name] += spent - inner
        if _STACK:
            _STACK[-1][1] += spent


def timed(name: str, fn):
    """``fn`` with its own time (not its timed callees') added to SECONDS[name]."""
    def wrapper(*args, **kwargs):
        with stage(name):
            return fn(*args, **kwargs)
    return wrapper


def timed_iter(name: str, fn):
    """A generator function timed while it runs between yields."""
    def wrapper(*args, **kwargs):
        gen = fn(*args, **kwargs)
        while True:
            with stage(name):
                item = next(gen, StopIteration)
            if item is StopIteration:
                return
            yield item
    return wrapper


def instrument(nlp) -> None:
    from factx import attribution, claims, figures, inputs, measured, parsing, pipeline, places, when, writers

    # spaCy's components are compiled classes whose methods cannot be replaced: wrap them in the pipeline's
    # own list instead (a benchmark may touch that private list; factx does not).
    nlp._components[:] = [(name, _Component(name, component)) for name, component in nlp._components]
    tokenizer = nlp.tokenizer
    nlp.tokenizer = _Tokenizer(tokenizer)
    parsing.SelectiveParser.plan = timed("planning windows", parsing.SelectiveParser.plan)
    parsing.SelectiveParser._inert = timed("joining pieces", parsing.SelectiveParser._inert)
    parsing.Doc = _joining(parsing.Doc)
    parsing.mark_plan = timed("joining pieces", parsing.mark_plan)
    pipeline.find_figures = timed("figure rules", figures.find_figures)
    pipeline.Attributor = _timed_class("attribution", attribution.Attributor)
    pipeline.place_mentions = timed("places", places.place_mentions)
    pipeline.where_of = timed("places", places.where_of)
    pipeline.time_mentions = timed("dates (when)", when.time_mentions)
    pipeline.when_of = timed("dates (when)", when.when_of)
    pipeline.measured.read = timed("what / subject", measured.read)
    pipeline.assign_claims = timed("claims", claims.assign_claims)
    inputs.iter_documents = timed_iter("reading", inputs.iter_documents)
    writers.JsonlWriter.write = timed("writing", writers.JsonlWriter.write)


class _Tokenizer:
    """The pipeline's tokenizer, timed and counting the tokens it makes (every token any component sees)."""

    def __init__(self, inner):
        self.inner = inner
        self.call = timed("tokenizing", inner.__call__)

    def __call__(self, text):
        doc = self.call(text)
        TOKENS["tokenizer"] += len(doc)
        return doc

    def pipe(self, texts, **kwargs):
        for text in texts:
            yield self(text)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def _joining(doc_class):
    """spaCy's Doc (a compiled class) behind a stand-in whose from_docs is timed."""
    class Joined:
        from_docs = staticmethod(timed("joining pieces", doc_class.from_docs))

        def __new__(cls, *args, **kwargs):
            return doc_class(*args, **kwargs)
    return Joined


class _Component:
    def __init__(self, name, inner):
        self.inner = inner
        self.pipe_timed = timed_iter(f"spaCy: {name}", _counting(name, getattr(inner, "pipe", None) or
                                                                 (lambda docs, **kw: map(inner, docs))))
        self.call = timed(f"spaCy: {name}", inner)

    def __call__(self, doc):
        return self.call(doc)

    def pipe(self, docs, **kwargs):
        return self.pipe_timed(docs, **kwargs)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def _counting(name, pipe):
    def counted(docs, **kwargs):
        def counting(stream):
            for doc in stream:
                TOKENS[name] += len(doc)
                yield doc
        return pipe(counting(docs), **kwargs)
    return counted


def _timed_class(name, cls):
    for attr in ("__init__", "source_of"):
        setattr(cls, attr, timed(name, getattr(cls, attr)))
    return cls


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--times", type=int, default=2)
    ap.add_argument("--label", default="now", help="name of this profile in bench/out/profile.json")
    args = ap.parse_args()
    from factx.inputs import InputOptions
    from factx.pipeline import load_model, run
    from factx.writers import JsonlWriter

    nlp = load_model()
    instrument(nlp)
    from factx import inputs

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        n = write_corpus(corpus, times=args.times)
        full_tokens = sum(len(nlp.tokenizer.inner(json.loads(line)["text"]))
                          for line in corpus.read_text(encoding="utf-8").splitlines())
        SECONDS.clear()
        TOKENS.clear()
        sink = JsonlWriter(io.BytesIO())
        start = time.perf_counter()
        documents = (d for d in inputs.iter_documents([str(corpus)], InputOptions()) if not isinstance(d, Exception))
        for _, result in run(nlp, documents):
            sink.write(result)
        total = time.perf_counter() - start
    accounted = sum(SECONDS.values())
    SECONDS["other (batching, records, Python glue)"] = total - accounted
    rows = [[stage, s, 100 * s / total, f"{100 * TOKENS[_component(stage)] / full_tokens:.0f} %"
             if _component(stage) in TOKENS else ""] for stage, s in sorted(SECONDS.items(), key=lambda kv: -kv[1])]
    table(f"factx --jobs 1 on {n} documents ({full_tokens:,} tokens), {total:.1f} s",
          ["stage", "seconds", "% of run", "tokens seen"], rows)
    out = Path(__file__).resolve().parent / "out" / "profile.json"
    previous = json.loads(out.read_text()) if out.exists() else {}
    previous = previous if isinstance(previous, dict) and "runs" in previous else {"runs": {}}
    previous["runs"][args.label] = {"docs": n, "tokens": full_tokens, "seconds": total, "stages": dict(SECONDS),
                                    "tokens_seen": {k: v / full_tokens for k, v in TOKENS.items()}}
    save("profile", previous)


def _component(stage: str) -> str:
    return stage.removeprefix("spaCy: ") if stage.startswith("spaCy: ") else ("tokenizer" if stage == "tokenizing"
                                                                               else "")


if __name__ == "__main__":
    main()
