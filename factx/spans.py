"""Per-document caches of spaCy views that are costly to rebuild.

``doc.ents`` and ``doc.sents`` build new Span objects on every access by
walking all tokens; the rules ask for them per figure, so they are computed
once per document and kept in ``doc.user_data``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span


def entities(doc: Doc) -> tuple[Span, ...]:
    cached = doc.user_data.get("factx.ents")
    if cached is None:
        cached = doc.user_data["factx.ents"] = tuple(doc.ents)
    return cached


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity covering token ``i``, or None."""
    index = doc.user_data.get("factx.ent_index")
    if index is None:
        index = {}
        for ent in entities(doc):
            for j in range(ent.start, ent.end):
                index[j] = ent
        doc.user_data["factx.ent_index"] = index
    return index.get(i)


def sentences(doc: Doc) -> tuple[Span, ...]:
    cached = doc.user_data.get("factx.sents")
    if cached is None:
        cached = doc.user_data["factx.sents"] = tuple(doc.sents)
    return cached


def entities_in(doc: Doc, start: int, end: int) -> list[Span]:
    """Entities lying within tokens [start, end)."""
    return [e for e in entities(doc) if start <= e.start and e.end <= end]


def text_of(doc: Doc) -> str:
    """``doc.text`` joins every token on each access; this keeps the string."""
    cached = doc.user_data.get("factx.text")
    if cached is None:
        cached = doc.user_data["factx.text"] = doc.text
    return cached
