"""Names: resolving a candidate to the name it stands for."""
from __future__ import annotations

import bisect

from spacy.tokens import Span, Token

from ..spans import entities_in, entity_at, lemma
from .sources import Candidate, Source, strip_det
from .words import (CUE_VERBS, DATA_NOUNS, DESCRIPTION_REACH, ORG_WORDS, PERSON_PRONOUNS, PERSON_WORDS, SUBJECT_DEPS,
                    THING_PRONOUNS)


EARLIER_OWNER_SENTENCES = 2  # 'the same poll' names a poll of its own sentence or of the two before it
SPEAKER_SENTENCES = 4  # 'the man also said' looks back over this many sentences for the person who spoke


class Names:
    """A candidate's full name, resolved once: an entity, an appositive, a pronoun or a description
    ('the agency', 'he') to the last fitting name, a surname to the full name, 'the poll' to its owner."""

    def resolve(self, candidate: Candidate | None) -> Source | None:
        """The source a candidate names: its words as written, its resolved name and the entity label."""
        if candidate is None:
            return None
        name, label = self._name_for(candidate.span, candidate.head)
        name = candidate.text if name.strip() == candidate.span.text.strip() else " ".join(name.split())
        return Source(text=candidate.text, name=name, label=label, start=candidate.start, end=candidate.end,
                      cue=candidate.cue, rule=candidate.rule)

    def _name_for(self, span: Span, head: Token) -> tuple[str, str | None]:
        low = head.lower_
        if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and head.ent_iob_ in ("B", "I"):
            ent = entity_at(self.doc, head.i)
            before = entity_at(self.doc, ent.start - 1) if ent is not None and ent.start > 0 else None
            if before is not None and before.label_ == ent.label_ == "ORG" and before.end == ent.start:
                ent = Span(self.doc, before.start, ent.end, label="ORG")  # 'Chrysler' + 'LLC' tagged apart: one
            if ent is not None:
                if ent.label_ == "NORP" and len(span) > len(ent):
                    return span.text, "NORP"
                if ent.label_ == "PERSON":
                    return self.resolve_person(ent.text), "PERSON"
                return self.resolve_name(ent.text), ent.label_
        for child in head.children:
            if child.dep_ == "appos":
                ent = entity_at(self.doc, child.i)
                if ent is not None and ent.label_ in ("PERSON", "ORG"):
                    return self.resolve_name(ent.text), ent.label_
        if head.pos_ == "PRON" or (low in ("its", "his", "her", "their")):
            if low in PERSON_PRONOUNS:
                found = self._last_entity(head.idx, ("PERSON",))
            elif low in ("it", "its"):
                found = self._last_entity(head.idx, ("ORG", "GPE"))
            else:
                found = self._last_entity(head.idx, ("ORG", "GPE", "NORP")) if low in THING_PRONOUNS else None
            if found is not None:
                return found
            return span.text, None
        if head.pos_ == "PROPN" and head.ent_type_ == "":
            resolved = self.resolve_person(span.text)
            return resolved, "PERSON" if resolved != strip_det(span.text) else None
        content = [t for t in span if not t.is_punct and t.pos_ not in ("DET",)]
        definite = any(t.lower_ in ("the", "this", "that") or t.dep_ == "poss" for t in span)
        described = len(content) == 1 or definite and len(content) <= 3 and all(
            t.pos_ in ("NOUN", "ADJ") and not t.ent_type_ for t in content)  # 'The computer maker', 'the retailer'
        owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
        if low in ORG_WORDS and owner is not None and len(content) == 2:
            person = self._last_entity(owner.idx, ("PERSON",))  # 'his campaign' -> 'Bernie Sanders campaign'
            if person is not None:
                return f"{person[0]} {head.text}", "ORG"
        if low in ORG_WORDS and described:
            # 'The agency' points back to the last fitting subject; bare 'Police said' names police, never the
            # FBI of the sentence before (it resolves only to a name that holds the word: 'Thames Valley Police')
            found = self._last_entity(head.idx, ("ORG",), word=low, near=definite)
            if found is not None:
                return found
        if low in PERSON_WORDS and len(content) == 1:
            found = self._last_person_speaker(head) or self._last_entity(head.idx, ("PERSON",))
            if found is not None:
                return found
        ents = [e for e in entities_in(self.doc, span.start, span.end)
                if e.label_ in ("PERSON", "ORG") and e.root.dep_ != "poss"]
        if ents:
            return self.resolve_name(ents[-1].text), ents[-1].label_
        if low in DATA_NOUNS and any(t.lower_ in ("the", "that", "this") for t in span):
            found = self._earlier_owner(head)  # 'the same poll' -> the Rasmussen Reports poll named just before
            if found is not None:
                return found
        label = "PERSON" if low in PERSON_WORDS else ("ORG" if low in ORG_WORDS else None)
        return span.text, label

    def _earlier_owner(self, head: Token) -> tuple[str, str | None] | None:
        """The owner of the last poll, survey or report of the same kind named in this sentence or the two
        before it, for a definite description of it ('the poll', 'the same survey')."""
        sent = head.sent
        first = sent.start
        for _ in range(EARLIER_OWNER_SENTENCES):
            if first > 0:
                first = self.doc[first - 1].sent.start
        for i in range(head.i - 1, first - 1, -1):
            tok = self.doc[i]
            if tok.pos_ == "NOUN" and lemma(tok) == lemma(head):
                owner = self.resolve(self._owner_of_noun(tok))
                if owner is not None:
                    return owner.name, owner.label
        return None

    def _last_entity(self, before: int, labels: tuple[str, ...], word: str | None = None,
                     near: bool = True) -> tuple[str, str] | None:
        """The last named entity of ``labels`` before offset ``before``: one whose name holds
        ``word`` ('the center' -> 'Center for Responsive Politics') first, then (when ``near``) a subject of the
        last few sentences."""
        earlier = self.entities[:bisect.bisect_right(self._entity_ends, before)]
        named = fallback = None
        for ent in reversed(earlier):  # nearest first; stops at the first fit
            if ent.label_ not in labels:
                continue
            if word:
                if word in ent.text.lower().split():
                    named = ent
                    break
                continue
            if ent.root.dep_ in SUBJECT_DEPS or ent.root.head.dep_ in SUBJECT_DEPS:
                named = ent
                break
            fallback = fallback or ent
        if word and named is None and near:  # a description: else a subject of the last few sentences
            named = next((e for e in reversed(earlier) if e.label_ in labels and before - e.end_char <= DESCRIPTION_REACH
                          and (e.root.dep_ in SUBJECT_DEPS or e.root.head.dep_ in SUBJECT_DEPS)), None)
        pick = named or fallback
        if pick is None:
            return None
        return self.resolve_name(pick.text), pick.label_

    def _last_person_speaker(self, head: Token) -> tuple[str, str] | None:
        """'The man also said': the person who spoke last in the sentences before (named or described)."""
        sent = head.sent
        for _ in range(SPEAKER_SENTENCES):
            if sent.start == 0:
                return None
            sent = self.doc[sent.start - 1].sent
            for tok in reversed(list(sent)):
                if tok.pos_ not in ("VERB", "AUX") or lemma(tok) not in CUE_VERBS or self._in_quote(tok.idx):
                    continue
                subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subject is None or subject.pos_ == "PRON":
                    continue
                described = [t for t in subject.subtree if t.pos_ not in ("DET", "PUNCT")]
                if subject.lower_ in PERSON_WORDS and len(described) == 1:
                    continue  # another bare 'the man': keep looking for who he is
                if subject.ent_type_ == "PERSON" or subject.lower_ in PERSON_WORDS:
                    source = self.resolve(self._mention(subject, tok.text))
                    return source.name, "PERSON"
        return None
