"""Who and cue: the source a figure is attributed to, resolved to a name.

Hand-written on spaCy's parse: textacy's quotation extractor covers direct
quotes only and resolves nothing. Rules, in order:
1. a figure inside a quotation belongs to the quote's speaker;
2. a reporting verb ("said", "estimated", "show") whose complement holds the
   figure gives its subject (or its passive agent, "reported by X");
3. "according to X" anywhere in the sentence gives X;
4. a report noun ("X's estimate", "media reports that", "a tally by X").
Mentions are then resolved: acronyms to their long form ("NIS" -> "Korean
National Intelligence Service"), surnames to full names, pronouns and
descriptions ("he", "the agency") to the last fitting named entity."""
from __future__ import annotations

from spacy.tokens import Token

from ..spans import text_of
from .facts import DocumentFacts
from .mentions import Mentions
from .names import Names
from .quotes import QuoteSpeakers, quote_spans
from .rules import CueRules
from .sources import Candidate, Source, named, plausible


class Attributor(DocumentFacts, Mentions, Names, CueRules, QuoteSpeakers):
    """Attribution for every figure of one parsed document."""

    # The rules a figure's own sentence is read with, in order; the first that finds a source decides, and its
    # name is kept on the result (the record's provenance). A new rule: one method, one entry here, one table row.
    SENTENCE_RULES = (("reporting verb", "_governing_cue"), ("according to", "_according_to"),
                      ("report noun", "_noun_cue"), ("name and colon", "_colon_frame"))

    def source_of(self, tokens: list[Token], start: int) -> Source | None:
        """The source of the figure whose tokens are ``tokens``, its ``rule`` naming the rule that found it."""
        return plausible(self.resolve(self._source_of(tokens, start)))

    def _source_of(self, tokens: list[Token], start: int) -> Candidate | None:
        if not tokens:
            return None
        index = self._quote_at(start)
        quote = self.quotes[index] if index is not None else None
        anchor = tokens[-1]
        if quote is not None:
            speaker = self._quote_speaker(index)
            if speaker is not None and speaker.start < anchor.sent.start_char \
                    and text_of(self.doc)[anchor.sent.start_char:quote[0]].strip(" \t\n\"'`\u201c\u2018("):
                # a phrase quoted inside the reporter's own sentence ('According to the complaint, they ran a
                # "massive eight-year scheme"'): that sentence's source, if it names one, not the last speaker
                return self._sentence_source(anchor, quote, fragment=True) or named(speaker, "quotation speaker")
            if speaker is not None:
                return named(speaker, "quotation speaker")
        return self._sentence_source(anchor, quote)

    def _sentence_source(self, anchor: Token, quote: tuple[int, int] | None,
                         fragment: bool = False) -> Candidate | None:
        """The source the figure's own sentence gives it, by the first of ``SENTENCE_RULES`` that finds one. A
        ``fragment`` quoted in the sentence is the sentence's own words for it."""
        for rule, method in self.SENTENCE_RULES:
            found = getattr(self, method)(anchor, quote, fragment)
            if found is not None:
                return named(found, rule)
        return None


__all__ = ["Attributor", "Candidate", "Source", "quote_spans"]
