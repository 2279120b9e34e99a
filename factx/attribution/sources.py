"""A source as a rule finds it (``Candidate``) and as a record holds it (``Source``), and the last checks
that it names somebody."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ..records import WhoDict
from .words import DATA_NOUNS


@dataclass(frozen=True)
class Candidate:
    """A source as a rule found it: its words (``text``, offsets), its cue and the rule's name, and the span
    and head its name is resolved from, once, at the end (``Attributor.resolve``)."""

    text: str
    start: int
    end: int
    cue: str
    span: Span
    head: Token
    rule: str = ""  # which rule found it: shown in the record's provenance


@dataclass(frozen=True)
class Source:
    text: str
    name: str
    label: str | None
    start: int
    end: int
    cue: str
    rule: str = ""  # which rule found it: shown in the record's provenance

    def as_record(self) -> WhoDict:
        return WhoDict(text=self.text, name=self.name, label=self.label, start=self.start, end=self.end)


def named(source: Candidate | None, rule: str) -> Candidate | None:
    """``source`` with the name of the rule that found it (the first rule to name it keeps it)."""
    if source is None or source.rule:
        return source
    return replace(source, rule=rule)


# 'Jane Doe / The Independent', 'John Smith/Getty Images': a photo credit (a person's name, a slash, an outlet),
# unlike a poll's partners ('NBC News/Wall Street Journal', 'Reuters/Ipsos')
_CREDIT_RE = re.compile(r"\b[A-Z][a-z]+(?:[ \u00a0][A-Z]\.)?[ \u00a0][A-Z][a-z'-]+(?:[ \u00a0]/[ \u00a0](?:The[ \u00a0])?[A-Z]"
                        r"|[ \u00a0]?/[ \u00a0]?(?:Getty|AFP|AP\b|Reuters|EPA|PA\b|Alamy|Shutterstock|Bloomberg[ \u00a0]via))")
# 'according to reports', 'according to unconfirmed reports': the cue alone names nobody (as 'reportedly')
_NOBODY_RE = re.compile(r"(?i)^(?:according(?:\s+to)?\b.*|(?:(?:some|other|recent|earlier|unconfirmed|unnamed|"
                        r"several|many)\s+)*(?:reports|sources|reported|reportedly))$")


def plausible(source: Source | None) -> Source | None:
    """A source is a noun phrase that is not itself a cue ('according to reports' names nobody) and not a
    photo credit; a name that reads as a credit falls back to the words written."""
    if source is None:
        return None
    if _NOBODY_RE.match(source.text.strip()):
        return None
    credit = _CREDIT_RE.search(source.name)
    if credit is not None and not any(w in DATA_NOUNS for w in source.name.lower().split()):
        if _CREDIT_RE.search(source.text):
            return None
        return replace(source, name=source.text)
    return source


def strip_det(text: str) -> str:
    return re.sub(r"^(?:the|The|THE)\s+", "", text.strip())
