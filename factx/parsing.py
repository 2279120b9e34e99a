"""Parse only where figures are: the full spaCy pipeline runs on windows around
sentences that hold a number, the rest of the text is only tokenized.

spaCy's tagger, parser and NER cost ~80 times its tokenizer, and most news
sentences hold no figure. A cheap pass (tokenizer + rule-based sentence
splitter) finds the sentences where the figure scanner matches; each gets a
window of context (sentences before it for attribution and place, after it for
"..., he said."; a whole quotation when it sits in one) and only the windows go
through the pipeline. The pieces are joined back into one Doc over the exact
input text, so offsets and the rules downstream are unchanged. Windows are
also capped in length, which lets arbitrarily long documents through without
hitting ``nlp.max_length``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc

from .attribution import quote_spans
from .figures import FIGURE_RE

CONTEXT_BEFORE = 1
CONTEXT_AFTER = 1
MAX_WINDOW_CHARS = 20_000
_NOT_A_FIGURE_ALONE = {"one", "a", "an"}


@dataclass
class _Plan:
    """How one text is cut: token ranges of the cheap doc, parsed (True) or only tokenized (False)."""

    text: str
    cheap: Doc
    pieces: list[tuple[int, int, bool]]


class SelectiveParser:
    """Turns texts into Docs whose figure-bearing windows carry the full annotation."""

    def __init__(self, nlp: Language, full: bool = False):
        self.nlp = nlp
        self.full = full
        self.splitter = nlp.create_pipe("sentencizer")

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        """Docs in input order; texts are planned, then all their windows parsed in one nlp.pipe stream."""
        plans = [self._plan(text) for text in texts]
        windows = [plan.text[self._char(plan, a):self._char(plan, b)]
                   for plan in plans for a, b, parse in plan.pieces if parse]
        parsed = iter(self.nlp.pipe(windows, batch_size=batch_size))
        for plan in plans:
            parts = []
            for a, b, parse in plan.pieces:
                parts.append(next(parsed) if parse else _skeleton(plan.cheap[a:b].as_doc()))
            if not parts:
                yield plan.cheap
            elif len(parts) == 1 and plan.pieces[0][2]:
                yield parts[0]
            else:
                yield Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor", "user_data"])

    @staticmethod
    def _char(plan: _Plan, token: int) -> int:
        return plan.cheap[token].idx if token < len(plan.cheap) else len(plan.text)

    def _plan(self, text: str) -> _Plan:
        cheap = self.nlp.make_doc(text)
        if not len(cheap):
            return _Plan(text, cheap, [])
        if self.full and len(text) <= MAX_WINDOW_CHARS:
            return _Plan(text, cheap, [(0, len(cheap), True)])
        self.splitter(cheap)
        _line_starts(cheap)
        sents = list(cheap.sents)
        keep = [False] * len(sents)
        quotes = quote_spans(text) if '"' in text or "\u201c" in text else []
        for k, sent in enumerate(sents):
            if not self.full and not _has_figure(text, sent.start_char, sent.end_char):
                continue
            first, last = max(0, k - CONTEXT_BEFORE), min(len(sents) - 1, k + CONTEXT_AFTER)
            for qs, qe in quotes:
                if qs < sent.end_char and sent.start_char < qe:
                    while last + 1 < len(sents) and sents[last].end_char < qe:
                        last += 1
                    last = min(len(sents) - 1, last + 1)
            for j in range(first, last + 1):
                keep[j] = True
        pieces: list[tuple[int, int, bool]] = []
        for sent, parse in zip(sents, keep):
            if pieces and pieces[-1][2] == parse and (
                    not parse or _chars(cheap, pieces[-1][0], sent.end) <= MAX_WINDOW_CHARS):
                pieces[-1] = (pieces[-1][0], sent.end, parse)
            else:
                pieces.append((sent.start, sent.end, parse))
        return _Plan(text, cheap, [p for piece in pieces for p in _split_long(cheap, piece)])


def _skeleton(doc: Doc) -> Doc:
    """Give an unparsed piece a flat tree per sentence, so sentence boundaries survive ``Doc.from_docs``."""
    array = numpy.zeros((len(doc), 2), dtype="int64")
    dep = doc.vocab.strings.add("dep")
    top = doc.vocab.strings.add("ROOT")
    root = 0
    for tok in doc:
        if tok.i == 0 or tok.is_sent_start:
            root = tok.i
        array[tok.i] = (root - tok.i, top if root == tok.i else dep)
    doc.from_array([HEAD, DEP], array.astype("uint64"))
    return doc


def _chars(doc: Doc, start: int, end: int) -> int:
    last = doc[end - 1]
    return last.idx + len(last.text_with_ws) - doc[start].idx


def _split_long(doc: Doc, piece: tuple[int, int, bool]) -> list[tuple[int, int, bool]]:
    """A parsed piece longer than the cap (one endless sentence) is cut at token boundaries."""
    start, end, parse = piece
    if not parse or _chars(doc, start, end) <= MAX_WINDOW_CHARS:
        return [piece]
    out = []
    while start < end:
        stop = start + 1
        while stop < end and _chars(doc, start, stop + 1) <= MAX_WINDOW_CHARS:
            stop += 1
        out.append((start, stop, True))
        start = stop
    return out


def _has_figure(text: str, start: int, end: int) -> bool:
    for m in FIGURE_RE.finditer(text, start, end):
        if m.group(0).strip().lower() not in _NOT_A_FIGURE_ALONE:
            return True
    return False


def _line_starts(doc: Doc) -> None:
    """Line breaks end sentences in the cheap pass too (titles, datelines)."""
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
