"""Parse only where figures are: the full spaCy pipeline runs on windows around
sentences that hold a number; the text between windows is kept as inert pieces.

spaCy's tagger, parser and NER cost ~80 times its tokenizer, and most news
sentences hold no figure. A cheap pass over the raw text (a sentence-end
regex, then the figure scanner) finds the sentences that can hold a figure;
each gets a window of context (the sentence before it for attribution and
place, the sentence after it for "..., he said."; a whole quotation when it
sits in one. Leaving the sentence after out made factx 1.38x plain spaCy
instead of 1.27x with every dev-set and NewsQuant field unchanged, but cost
PolNeAR's direct-quotation speakers 0.903 -> 0.892: it stays) and only the windows go through the pipeline. The text between
windows becomes one inert token per gap, and all pieces are joined back into
one Doc over the exact input text, so offsets and the rules downstream are
unchanged. Windows are capped in length, which also lets arbitrarily long
documents through without hitting ``nlp.max_length``.
"""
from __future__ import annotations

import bisect
import re
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .numbers import DENOMINATORS, TENS_WORDS, UNIT_WORDS
from .spans import mark_plan

CONTEXT_BEFORE = 1
CONTEXT_AFTER = 1  # sentences after a figure's own that join its window (see above)
MAX_WINDOW_CHARS = 20_000
MAX_SENTENCE_CHARS = 2_000
_LONG_WORD = re.compile(r"\S{300,}")
# Unicode blanks become plain spaces for the model (one character for one, so offsets do not move):
# the small English pipeline tags and parses "\u00a0" as a token of its own and loses the sentence.
_BLANKS = str.maketrans({ch: " " for ch in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                                           "\u2009\u200a\u202f\u205f\u3000\u200b\ufeff"})
# A sentence ends after . ! ? (and closing quotes or brackets) followed by blanks, or at a line break, or
# before a list item's bullet (' * '); not after a title that stands before a name ('St. Thomas', 'Dr. Smith').
# (Blank runs are entered only at their first character, so a megabyte of spaces stays linear.)
_TITLES = ("St", "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Prof", "Rev",
           "Mt", "Ft", "No", "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")  # and months before a day: 'Oct. 14'
# (and no sentence starts with a lower-case word: 'Texas Eastern Corp. last June' is one sentence)
# (Every alternative tests one character before any lookbehind, so the scan stays as fast as a plain one.)
_SENTENCE_END = re.compile(r"[.!?\u2026]" + "".join(  # one lookbehind per title length (each must be fixed-width)
    rf"(?<!\b(?:{'|'.join(t for t in _TITLES if len(t) == n)})\.)" for n in sorted({len(t) for t in _TITLES}))
                           + r"[\"'\u201d\u2019)\]]*+[^\S\n]++(?![a-z])|(?<![^\S\n])[^\S\n]*+\n\s*+")
_BULLET = " * "  # found by plain substring search, which runs at C speed


class SelectiveParser:
    """Turns texts into Docs whose figure-bearing windows carry the full annotation."""

    def __init__(self, nlp: Language, full: bool = False, *, holds_figure: Callable[[str, int, int], bool],
                 find_quotes: Callable[[str], list[tuple[int, int]]]):
        """``holds_figure(text, start, end)`` is the figure scanner's cheap test of a sentence and
        ``find_quotes(text)`` the quotation finder; the stages that own them pass them in."""
        self.nlp = nlp
        self.full = full
        self.holds_figure = holds_figure
        self.find_quotes = find_quotes

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        """Docs in input order; every text is planned, then all windows parsed in one nlp.pipe stream."""
        plans = [(text, *self.plan(text)) for text in texts]
        windows = [text[a:b].translate(_BLANKS) for text, pieces, _ in plans for a, b, parse in pieces if parse]
        parsed = iter(self.nlp.pipe(windows, batch_size=batch_size))
        for text, pieces, found in plans:
            parts = [next(parsed) if parse else self._inert(text[a:b]) for a, b, parse in pieces]
            if not parts:
                doc = self.nlp.make_doc(text)
            elif len(parts) == 1:
                doc = parts[0]
            else:
                doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor", "user_data"])
            # found while planning: attribution need not look for quotations again
            mark_plan(doc, text, [(a, b) for a, b, parse in pieces if parse], found)
            yield doc

    def _inert(self, text: str) -> Doc:
        """Text without figures, as one token that is its own sentence: nothing to tag or parse there."""
        return Doc(self.nlp.vocab, words=[text], spaces=[False], heads=[0], deps=["ROOT"])

    def plan(self, text: str) -> tuple[list[tuple[int, int, bool]], list[tuple[int, int]] | None]:
        """Character ranges covering ``text`` in order, each to be parsed (True) or kept inert (False),
        and the quotations found on the way (None when not looked for)."""
        quotes = None
        if not text:
            return [], quotes
        sents, cuts = _bounded(sentence_spans(text), text)
        sent_starts = [start for start, _ in sents]
        if self.full:
            keep = [True] * len(sents)
        else:
            keep = [False] * len(sents)
            quotes = self.find_quotes(text)
            quote_starts = [q[0] for q in quotes]
            numbers = number_positions(text)
            for k, (start, end) in enumerate(sents):
                if numbers is not None:
                    i = bisect.bisect_left(numbers, start)
                    if i == len(numbers) or numbers[i] >= end:
                        continue
                if not self.holds_figure(text, start, end):
                    continue
                first, last = max(0, k - CONTEXT_BEFORE), min(len(sents) - 1, k + CONTEXT_AFTER)
                i = bisect.bisect_left(quote_starts, end) - 1  # the last quotation opening before the sentence ends
                if i >= 0 and quotes[i][1] > start:  # inside a quotation: take all of it, with the sentences
                    while last + 1 < len(sents) and sents[last][1] < quotes[i][1]:  # around it (the speaker)
                        last += 1
                    last = min(len(sents) - 1, last + 1)
                    opening = bisect.bisect_right(sent_starts, quotes[i][0]) - 1
                    first = max(0, min(first, opening - 1))
                for j in range(first, last + 1):
                    keep[j] = True
        pieces: list[tuple[int, int, bool]] = []
        for (start, end), parse in zip(sents, keep):
            if pieces and pieces[-1][2] == parse and (not parse or end - pieces[-1][0] <= MAX_WINDOW_CHARS) \
                    and start not in cuts:
                pieces[-1] = (pieces[-1][0], end, parse)
            else:
                pieces.append((start, end, parse))
        return [p for piece in pieces for long in _split_long(text, piece) for p in _isolate_long_words(text, long)], quotes


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Rough sentences as character ranges that cover the whole text; each ends with its trailing blanks."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    at = text.find(_BULLET)
    if at >= 0:
        bullets = []
        while at >= 0:
            bullets.append(at + 1)  # the bullet starts the next sentence
            at = text.find(_BULLET, at + 1)
        ends = sorted(set(ends).union(bullets))
    spans = []
    start = 0
    for end in ends:
        if end > start:
            spans.append((start, end))
            start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _bounded(sents: list[tuple[int, int]], text: str) -> tuple[list[tuple[int, int]], set[int]]:
    """Sentences longer than MAX_SENTENCE_CHARS (text without sentence ends) cut at blanks; the cut points
    also end windows, so each piece is parsed on its own and no 'sentence' grows without bound (the
    rules look at a figure's whole sentence, which would make endless ones quadratic)."""
    out, cuts = [], set()
    for start, end in sents:
        while end - start > MAX_SENTENCE_CHARS:
            limit = start + MAX_SENTENCE_CHARS
            cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, limit)
            cut = cut + 1 if cut > start else limit
            out.append((start, cut))
            cuts.add(cut)
            start = cut
        out.append((start, end))
    return out, cuts


def _split_long(text: str, piece: tuple[int, int, bool]) -> list[tuple[int, int, bool]]:
    """A window longer than the cap (one endless sentence) is cut at blanks (or anywhere, if it has none)."""
    start, end, parse = piece
    if not parse or end - start <= MAX_WINDOW_CHARS:
        return [piece]
    out = []
    while end - start > MAX_WINDOW_CHARS:
        limit = start + MAX_WINDOW_CHARS
        cut = max(text.rfind(" ", start + MAX_WINDOW_CHARS // 2, limit), text.rfind("\n", start + MAX_WINDOW_CHARS // 2, limit))
        cut = cut + 1 if cut > start else limit
        out.append((start, cut, True))
        start = cut
    out.append((start, end, True))
    return out


def _isolate_long_words(text: str, piece: tuple[int, int, bool]) -> list[tuple[int, int, bool]]:
    """A run of hundreds of characters without a blank (a digit string, a data blob) is no word: spaCy's
    tokenizer takes quadratic time on it, so it becomes an inert piece of its own."""
    start, end, parse = piece
    if not parse:
        return [piece]
    out = []
    for m in _LONG_WORD.finditer(text, start, end):
        if m.start() > start:
            out.append((start, m.start(), True))
        out.append((m.start(), m.end(), False))
        start = m.end()
    if start < end:
        out.append((start, end, True))
    return out


_DIGIT = re.compile(r"\d")
# Every figure holds a digit or one of these words (the scanner's number words, case-insensitive).
_NUMBER_WORDS = sorted(set(UNIT_WORDS[1:]) | set(TENS_WORDS) | set(DENOMINATORS) | {"half", "dozen", "hundred", "thousand",
                                                                                     "million", "billion", "trillion"})


def number_positions(text: str) -> list[int] | None:
    """Sorted offsets where a figure could begin its number: each digit, and each number word found as a
    substring ('one' in 'someone' too: a false hit only costs the exact scan). Sentences without any are not
    scanned at all: the figure regex tries every position, plain substring search runs at C speed.
    None when the text cannot be searched that way (every sentence is then scanned)."""
    found = [m.start() for m in _DIGIT.finditer(text)]
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer: offsets would drift
        return None
    for word in _NUMBER_WORDS:
        at = lowered.find(word)
        while at >= 0:
            found.append(at)
            at = lowered.find(word, at + 1)
    found.sort()
    return found
