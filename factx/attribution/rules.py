"""Cue rules: a reporting verb, 'according to', a report noun, a name and a colon."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..spans import CLAUSE_CLIMB, SENTENCE_CLIMB, entities_in, lemma, verb_above
from .sources import Candidate
from .words import (BARE_CUES, CLAUSE_BOUNDARY_DEPS, COMPLEMENT_DEPS, CONTRAST_MARKS, CUE_NOUNS, CUE_VERBS,
                    DATA_NOUNS, DATA_VERBS, NOMINAL_DEPS, PLAN_CUES, QUALIFIER_HEADS, REPORTED_DEPS, SAMPLE_NOUNS,
                    SPEECH_CUES, SUBJECT_DEPS)


class CueRules:
    """The rules that find a figure's source in its own sentence; ``SENTENCE_RULES`` gives their order."""

    def _governing_cue(self, anchor: Token, quote=None, fragment: bool = False) -> Candidate | None:
        """A reporting verb above the figure, entered through its complement."""
        child, tok = anchor, anchor.head
        found = None
        for _ in range(SENTENCE_CLIMB):
            if tok is child or found is not None and child.dep_ not in ("ccomp", "xcomp"):
                break  # an expectation reaches a statement only as its complement, not across 'while ...'
            if tok.lower_ in CUE_NOUNS and (tok.pos_ == "NOUN" or tok.dep_ in NOMINAL_DEPS) \
                    and child.dep_ in ("acl", "ccomp", "relcl", "appos"):
                source = self._owner_of_noun(tok)
                if source is not None:
                    return source
            elif tok.pos_ in ("VERB", "AUX") and child.dep_ not in SUBJECT_DEPS and found is None \
                    and (data := self._data_subject(tok)) is not None:
                return data  # 'Sunday's NBC News survey gave Trump a one-point lead': the survey reports it
            elif tok.pos_ in ("VERB", "AUX") and lemma(tok) in CUE_VERBS and self._carries(tok, child):
                source = self._subject_source(tok, clause=child.dep_ in REPORTED_DEPS)
                if source is not None and found is None and lemma(tok) in PLAN_CUES:
                    found = source  # an expectation: a statement above it, if any, is the source
                elif source is not None:
                    return source if found is None or lemma(tok) in SPEECH_CUES else found
            child, tok = tok, tok.head
        if found is not None:
            return found
        for tok in anchor.sent:  # '..., economists contend, ...' and 'As the Post observed, ...' frame the sentence
            framing = tok.dep_ == "parataxis" or tok.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
            if framing and lemma(tok) in CUE_VERBS and not self._in_quote(tok.idx) \
                    and anchor not in list(tok.subtree):
                source = self._subject_source(tok)
                if source is not None:
                    return source
        return self._trailing_cue(anchor)

    @staticmethod
    def _carries(verb: Token, child: Token) -> bool:
        """Whether ``child`` is what the reporting ``verb`` reports: its complement, 'put/estimated at X',
        or the subject of a passive with an agent ('80 deaths were reported by the ministry')."""
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in child.children) \
                and any(c.dep_ in SUBJECT_DEPS for c in child.children):
            return False  # 'While Hurun lists his wealth at $6.5 billion, Forbes says ...': Hurun's, not Forbes's
        if child.dep_ in COMPLEMENT_DEPS:
            return True
        if child.dep_ == "prep" and child.lower_ == "at":
            return True
        if child.dep_ in ("prep", "advmod", "quantmod") and child.lower_ in QUALIFIER_HEADS and child.i > verb.i:
            return True  # 'said between 200 and 300 people were killed': the qualifier parsed as the verb's own
        return child.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in verb.children)

    def _trailing_cue(self, anchor: Token) -> Candidate | None:
        """'..., FEC records show.' / '..., the spokesman said.': an attribution closing the sentence."""
        sent = anchor.sent
        tokens = [t for t in sent if not t.is_space]
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if len(tokens) < 3:
            return None
        cue = tokens[-1]
        verb_like = cue.pos_ in ("VERB", "AUX") or cue.tag_ in ("VBZ", "VBP", "VBD") or cue.lower_ in BARE_CUES
        if not verb_like or lemma(cue) not in CUE_VERBS and cue.lower_ not in BARE_CUES:
            return None
        comma = next((t for t in reversed(tokens[:-1]) if t.is_punct), None)
        if comma is None or comma.text not in (",", "\u2014", "\u2013", "-", "--") or comma.i >= cue.i - 1 \
                or cue.i - comma.i > 8 or anchor.i > comma.i:
            return None
        span = self.doc[comma.i + 1:cue.i]
        if span[0].lower_ == "according":
            return None  # '..., according to local media reports.': 'according to' names the source, not 'reports'
        subjects = [c for c in cue.children if c.dep_ in SUBJECT_DEPS]
        if subjects and not all(span.start <= c.i < span.end and c.dep_ == "nsubj" for c in subjects):
            return None  # '..., the day the deal was announced': a clause, not a source
        possessive = next((t for t in span if t.tag_ == "POS" and t.i > span.start), None)
        if possessive is not None:  # 'the center's data show' -> the center
            owner = self.doc[span.start:possessive.i]
            return self._from_span(owner, owner.root, cue.text)
        head = span.root
        if head.lower_ in CUE_NOUNS:
            owner = self._owner_of_noun(head, cue=cue.text)
            if owner is not None:
                return owner
        return self._from_span(span, head, cue.text)

    def _according_to(self, anchor: Token, quote=None, fragment: bool = False) -> Candidate | None:
        """'X said ..., according to Y', 'according to the report, ...': Y, when the phrase frames the figure's
        clause (or a clause conjoined with it, or a short sentence's root); a quoted title after it is the source."""
        sent = anchor.sent
        above = {t.i for t in anchor.ancestors} | {anchor.i}  # 'receives, according to one report, $234 million'
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].lower_ == "to" \
                    and (_conjoined_with(tok.head, above) or tok.head.dep_ == "ROOT" and len(sent) <= 45
                         or _closes_sentence(tok, sent) and _conjoined_with(tok.head.head, above)):
                to = self.doc[tok.i + 1]
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                if pobj is None and tok.i + 2 < sent.end:
                    pobj = self.doc[tok.i + 2]
                if pobj is None:
                    continue
                titled = self._quote_opens_at(to)  # 'according to "Man of the World," a book by ...': a title
                if self._in_quote(pobj.idx) != (self._in_quote(anchor.idx) and not fragment) and not titled:
                    continue
                if pobj.pos_ == "NOUN" and pobj.lower_ in CUE_NOUNS:
                    owner = self._owner_of_noun(pobj, cue="according to")
                    if owner is not None:
                        return owner
                return self._mention(pobj, "according to")
        return None

    def _colon_frame(self, anchor: Token, quote=None, fragment: bool = False) -> Candidate | None:
        """'Bernie Sanders: It is not a radical idea to ask for a $15 minimum wage': a name that opens the
        sentence and a colon attribute what follows to that person or organisation."""
        sent = anchor.sent
        words = [t for t in sent if not t.is_space]
        colon = next((t for t in words[:6] if t.text == ":"), None)
        if colon is None or anchor.i < colon.i or colon.i == words[0].i or not colon.whitespace_:
            return None  # 'AP:Associated Press' is a credit line, not a speaker
        name = self.doc[words[0].i:colon.i]
        ents = [e for e in entities_in(self.doc, name.start, name.end) if e.label_ in ("PERSON", "ORG")]
        if len(ents) != 1 or ents[0].start != name.start or ents[0].end != name.end:
            return None
        return self._from_span(name, name.root, ":")

    def _noun_cue(self, anchor: Token, quote=None, fragment: bool = False) -> Candidate | None:
        """'By his calculations, ...', '... reached 73 percent in the Gallup poll': a report noun in a phrase
        that frames the figure's clause: the phrase hangs on the figure, on a verb above it or on a noun of that
        verb's clause ('have a favorable view ... in a new poll'); a verbless root ('In the survey, 71 percent of
        ... approved ...') frames it too; a phrase in a relative clause frames that clause only."""
        sent = anchor.sent
        above = {t.i for t in anchor.ancestors} | {anchor.i}
        for tok in sent:
            noun = tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.lower_ in DATA_NOUNS  # 'a CNN/ORC Poll'
            if noun and tok.lower_ in CUE_NOUNS | DATA_NOUNS and tok.head.dep_ == "prep" \
                    and tok.head.lower_ in ("by", "in", "under") and tok.dep_ == "pobj":
                holder = tok.head.head
                if holder.i not in above and _clause_verb(holder).i not in above:
                    continue
                owner = self._owner_of_noun(tok)
                if owner is not None:
                    return owner
                if tok.lower_ in SAMPLE_NOUNS:  # '49% to 41%, in the survey': the poll itself reports it
                    return self._from_span(self.doc[tok.left_edge.i:tok.i + 1], tok, tok.text)
        return None

    def _data_subject(self, verb: Token) -> Candidate | None:
        """The poll, survey or study that is the subject of ``verb`` ('The X poll has Trump leading 44.8 percent
        to 43.7 percent', 'A poll from Utah showed ...'): its owner, else the phrase itself."""
        if lemma(verb) not in DATA_VERBS:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ != "NOUN" or subject.lower_ not in DATA_NOUNS:
            return None
        owner = self._owner_of_noun(subject, cue=verb.text)
        if owner is not None:
            return owner
        span = self.doc[subject.left_edge.i:subject.right_edge.i + 1]
        if len(span) > 8 or any(t.dep_ == "relcl" for t in span):
            span = self.doc[subject.left_edge.i:subject.i + 1]
        return self._from_span(span, subject, verb.text)


def _closes_sentence(according: Token, sent: Span) -> bool:
    """'X raised $2.7 million, while Y raised $6 million, according to Z.': an 'according to' that ends the
    sentence, on a clause joined to the main one, frames the whole sentence."""
    clause = according.head
    if clause.dep_ not in ("advcl", "conj") or clause.head.dep_ != "ROOT":
        return False
    last = max(t.i for t in according.subtree)
    return all(t.is_punct or t.is_space for t in sent.doc[last + 1:sent.end])


def _clause_verb(tok: Token) -> Token:
    """The verb of the clause ``tok`` belongs to ('view' of 'have a favorable view ... in a poll' -> 'have'),
    or the root or clause boundary reached when none is above it."""
    return verb_above(tok, CLAUSE_CLIMB, stop_deps=CLAUSE_BOUNDARY_DEPS)


def _conjoined_with(tok: Token, above: set[int]) -> bool:
    """Whether ``tok`` or a clause it is conjoined with holds the figure ('Trump received 37 percent, Clinton
    had 36 percent and Bloomberg 13 percent, according to the results': one frame for every conjunct)."""
    for _ in range(CLAUSE_CLIMB):
        if tok.i in above:
            return True
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok.i in above or any(c.i in above for c in tok.children if c.dep_ == "conj")
