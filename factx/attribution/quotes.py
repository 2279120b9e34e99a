"""Quotations and their speakers."""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..spans import entities_in, entity_at, lemma, sentence_before, sentences_between, text_of
from .sources import Candidate
from .words import QUOTE_VERBS


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quotations.

    Curly quotes pair up directly. A straight quote (or two apostrophes, or two
    backticks to open) opens when it follows a space or line start and closes
    when it follows a word or punctuation; an
    opening quote inside an open one ends the first (news style leaves a
    quote open across paragraphs). A blank line closes everything; a quote
    never closed ends with its line.
    """
    spans = []
    opened = None
    for m in re.finditer(r"[\u201c\u201d\"]|''|``|\n[^\S\n]*\n", text):
        ch = m.group(0)
        pos = m.start()
        if ch[0] == "\n":
            if opened is not None:
                spans.append((opened, pos))
            opened = None
            continue
        before = text[pos - 1] if pos > 0 else " "
        straight = ch in ('"', "''")  # two apostrophes: how some archives (the NYT's among them) write a quote mark
        opening = ch in ("\u201c", "``") or (straight and (before.isspace() or before in "([{:\u2014-" or pos == 0))
        if opening:
            if opened is not None:
                spans.append((opened, pos))
            opened = pos
        elif opened is not None:
            spans.append((opened, m.end()))
            opened = None
    if opened is not None:  # never closed: assume it ends with its line
        line_end = text.find("\n", opened)
        spans.append((opened, len(text) if line_end < 0 else line_end))
    return spans


class QuoteSpeakers:
    """Who speaks a quotation: a reporting verb beside it, a name and a colon before it, or the
    quotation just before it when it runs on."""

    def _quote_speaker(self, index: int) -> Candidate | None:
        """The speaker of quotation ``index``; a quote with none of its own runs on from the quote just before it."""
        text = text_of(self.doc)
        chain = [index]
        while True:
            current = chain[-1]
            if current in self._quote_speakers:
                found = self._quote_speakers[current]
                break
            found = self._direct_speaker(self.quotes[current])
            if found is not None or current == 0:
                break
            previous = current - 1
            if text[self.quotes[previous][1]:self.quotes[current][0]].strip():
                break
            chain.append(previous)
        for i in chain:
            self._quote_speakers.setdefault(i, found)
        return found

    def _direct_speaker(self, quote: tuple[int, int]) -> Candidate | None:
        """A reporting verb outside the quotation: in its sentences, the one after it (same paragraph),
        else the sentence before it ('Kerry said ... \n\n"That adds up to 185,000."')."""
        qs, qe = quote
        doc = self.doc
        text = text_of(doc)
        sents = sentences_between(doc, qs, qe)
        after = [s for s in sentences_between(doc, qe, len(text), limit=2) if s.start_char >= qe][:1]
        if after and "\n" in text[qe:after[0].start_char + 1]:
            after = []  # a new paragraph starts another matter
        named = self._colon_speaker(qs)
        if named is not None:
            return named
        previous = sentence_before(doc, qs)
        before = [previous] if previous is not None else []
        for group in (sents, after, before):
            best = None
            for sent in group:
                for tok in sent:
                    if tok.pos_ in ("VERB", "AUX") and lemma(tok) in QUOTE_VERBS and not self._in_quote(tok.idx):
                        source = self._subject_source(tok) or self._inverted_speaker(tok)
                        if source is not None and not self._in_quote(source.start):
                            distance = tok.idx - qe if tok.idx >= qe else qs - tok.idx
                            if best is None or distance < best[0]:
                                best = (distance, source)
            if best is not None:
                return best[1]
        return None

    def _inverted_speaker(self, verb: Token) -> Candidate | None:
        """'“...,” said Skelly, explaining ...': the name right after a reporting verb that follows a closing
        quotation mark, when the parse found no subject (it reads 'Skelly' as an adverb)."""
        text = text_of(self.doc)
        mark = verb.idx - 1
        while mark > 0 and text[mark] in " ,\t":
            mark -= 1
        if not self._in_quote(max(0, mark)):
            return None
        if verb.i + 1 >= len(self.doc):
            return None
        first = self.doc[verb.i + 1]
        ent = entity_at(self.doc, first.i) if first.ent_iob_ == "B" else None
        if ent is not None and ent.label_ in ("PERSON", "ORG"):
            return self._from_span(ent, ent.root, verb.text)
        if not first.is_title or first.pos_ in ("PRON", "DET"):
            return None
        last = first.i  # a run of capitalised words and initials: 'Sen. Robert P. Casey Jr.'
        while last + 1 < len(self.doc) and (self.doc[last + 1].is_title or self.doc[last + 1].text == "."):
            last += 1
        span = self.doc[first.i:last + 1]
        return self._from_span(span, span[-1], verb.text)

    def _colon_speaker(self, qs: int) -> Candidate | None:
        """'Pollsters agree - Carl Bialik: “One of the biggest lessons ...”': a person or organisation named
        right before a colon that opens the quotation speaks it."""
        text = text_of(self.doc)
        colon_at = qs - 1
        while colon_at >= 0 and text[colon_at] in " \t":
            colon_at -= 1
        if colon_at < 0 or text[colon_at] != ":":
            return None
        colon = self.doc.char_span(colon_at, colon_at + 1)
        if colon is None:
            return None
        i = colon.start
        line_start = text.rfind("\n", 0, colon_at) + 1
        ents = [e for e in entities_in(self.doc, max(0, i - 12), i) if e.start_char >= line_start]
        if not ents or ents[-1].end != i or ents[-1].label_ not in ("PERSON", "ORG"):
            return None
        # 'Howard Kurtz, Fox News: "..."' and 'Windsor Mann, editor of ...: "..."': the person, not the outlet
        person = next((e for e in ents if e.label_ == "PERSON"), ents[-1])
        return self._from_span(person, person.root, ":")
