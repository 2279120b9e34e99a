"""Document facts: quotations, entities, aliases and surnames, read once per document."""
from __future__ import annotations

import bisect
import re
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..spans import entities, planned_quotes, text_of
from .quotes import quote_spans
from .sources import Candidate, strip_det
from .words import (CONNECTORS, DEFINED_ACRONYM, FULL_NAME, TITLES)


class DocumentFacts:
    """What the whole document says once, for every figure: its quotations, named entities, acronyms and
    surnames."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self._quote_speakers: dict[int, Candidate | None] = {}

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        found = planned_quotes(self.doc)
        return found if found is not None else quote_spans(text_of(self.doc))

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [s for s, _ in self.quotes]

    def _quote_at(self, offset: int) -> int | None:
        """Index of the quotation holding ``offset`` (quotations never overlap), or None."""
        i = bisect.bisect_right(self._quote_starts, offset) - 1
        return i if i >= 0 and offset < self.quotes[i][1] else None

    def _in_quote(self, offset: int) -> bool:
        return self._quote_at(offset) is not None

    def _quote_opens_at(self, tok: Token) -> bool:
        """Whether a quotation opens right after ``tok`` ('according to "Man of the World"')."""
        end = tok.idx + len(tok.text)
        index = self._quote_at(end + len(tok.whitespace_) + 1)
        return index is not None and self.quotes[index][0] >= end \
            and not text_of(self.doc)[end:self.quotes[index][0]].strip()

    @cached_property
    def entities(self) -> list[Span]:
        return [e for e in entities(self.doc) if e.label_ in ("PERSON", "ORG", "GPE", "NORP")]

    @cached_property
    def _entity_ends(self) -> list[int]:
        return [e.end_char for e in self.entities]

    @cached_property
    def aliases(self) -> dict[str, str]:
        """Acronyms and surnames -> the full name the document introduced.

        Entities come from the parsed windows only, so the raw text is read too:
        "Korean National Intelligence Service (NIS)" and "Sebastian Vladescu" may
        sit in a sentence without figures, far from where "NIS" or "Vladescu" speak.
        """
        aliases: dict[str, str] = {}
        text = text_of(self.doc)
        for m in DEFINED_ACRONYM.finditer(text):
            long_form = strip_det(" ".join(m.group("name").split()))
            words = [w for w in long_form.split() if w.lower() not in CONNECTORS]
            if "".join(w[0] for w in words).endswith(m.group("acronym").replace(".", "")):
                aliases.setdefault(m.group("acronym"), long_form)
        orgs = [e for e in self.entities if e.label_ == "ORG" and len(e) > 1]
        for ent in orgs:
            words = [w for w in re.findall(r"[A-Za-z]+", strip_det(ent.text)) if w.lower() not in CONNECTORS]
            initials = "".join(w[0] for w in words if w[0].isupper())
            for k in range(2, len(initials) + 1):
                aliases.setdefault(initials[-k:], strip_det(ent.text))
        for ent in self.entities:
            if ent.label_ == "PERSON" and len(ent) > 1:
                for part in (ent[-1].text, ent[0].text):
                    aliases.setdefault(part, ent.text)
        return aliases

    @cached_property
    def surnames(self) -> dict[str, str]:
        """Surname (or first name) -> a full name written in the raw text, for people only."""
        found: dict[str, str] = {}
        for m in FULL_NAME.finditer(text_of(self.doc)):
            parts = m.group(0).split()
            for part in (parts[-1], parts[0]):
                found.setdefault(part, " ".join(parts))
        return found

    def resolve_person(self, mention: str) -> str:
        bare = strip_det(TITLES.sub("", mention.strip()))
        resolved = self.resolve_name(mention)
        return resolved if resolved != bare else self.surnames.get(bare, bare)

    def resolve_name(self, mention: str) -> str:
        bare = strip_det(TITLES.sub("", mention.strip()))
        key = bare.replace("'s", "").replace("\u2019s", "").strip()
        return self.aliases.get(key) or self.aliases.get(key.replace(".", "")) or bare
