"""Per-document caches of spaCy views that are costly to rebuild.

``doc.ents`` and ``doc.sents`` build new Span objects on every access by
walking all tokens; the rules ask for them per figure, so they are computed
once per document and kept in ``doc.user_data``.
"""
from __future__ import annotations

import bisect

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
    """Entities lying within tokens [start, end) (found by bisection: entities are sorted and disjoint)."""
    ents = entities(doc)
    starts = doc.user_data.get("factx.ent_starts")
    if starts is None:
        starts = doc.user_data["factx.ent_starts"] = [e.start for e in ents]
    out = []
    for i in range(bisect.bisect_left(starts, start), len(ents)):
        if ents[i].start >= end:
            break
        if ents[i].end <= end:
            out.append(ents[i])
    return out


def _sentence_ends(doc: Doc) -> list[int]:
    ends = doc.user_data.get("factx.sent_ends")
    if ends is None:
        ends = doc.user_data["factx.sent_ends"] = [s.end_char for s in sentences(doc)]
    return ends


def sentence_before(doc: Doc, char: int) -> Span | None:
    """The last sentence that ends at or before ``char``."""
    i = bisect.bisect_right(_sentence_ends(doc), char) - 1
    return sentences(doc)[i] if i >= 0 else None


def sentences_between(doc: Doc, start_char: int, end_char: int, limit: int | None = None) -> list[Span]:
    """Sentences overlapping the characters [start_char, end_char) (the first ``limit`` of them)."""
    sents = sentences(doc)
    out = []
    for i in range(bisect.bisect_right(_sentence_ends(doc), start_char), len(sents)):
        if sents[i].start_char >= end_char or limit is not None and len(out) >= limit:
            break
        out.append(sents[i])
    return out


def text_of(doc: Doc) -> str:
    """``doc.text`` joins every token on each access; this keeps the string."""
    cached = doc.user_data.get("factx.text")
    if cached is None:
        cached = doc.user_data["factx.text"] = doc.text
    return cached


_LEMMATIZERS: dict[int, object] = {}


def lemmatize_on_demand(nlp) -> None:
    """Take the lemmatizer out of the pipeline and lemmatize only the tokens the rules ask about.

    The rules need lemmas of a few verbs per sentence; lemmatizing every token
    costs about 6% of the whole parse.
    """
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) == "rule":
            _LEMMATIZERS[id(nlp.vocab)] = lemmatizer
            nlp.disable_pipe("lemmatizer")


def lemma(tok) -> str:
    """Lower-case lemma of ``tok``: from the pipeline when it ran, else computed now (and cached)."""
    if tok.lemma:
        return tok.lemma_.lower()
    lemmatizer = _LEMMATIZERS.get(id(tok.vocab))
    if lemmatizer is None:
        return tok.lower_
    cache = _LEMMA_CACHE.setdefault(id(tok.vocab), {})
    key = (tok.lower_, tok.pos_, str(tok.morph))
    found = cache.get(key)
    if found is None:
        found = cache[key] = (lemmatizer.rule_lemmatize(tok) or [tok.lower_])[0].lower()
    return found


_LEMMA_CACHE: dict[int, dict] = {}
