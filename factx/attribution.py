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
descriptions ("he", "the agency") to the last fitting named entity.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from .lexicon import INDEX_NAME
from .records import WhoDict
from .resources import load
from .spans import (entities, entities_in, entity_at, lemma, planned_quotes, sentence_before, sentences_between,
                    text_of)

_CUES = load("cues")
CUE_VERBS = frozenset(_CUES["verbs"])
CUE_NOUNS = frozenset(_CUES["nouns"])
_SHARE_WORDS = frozenset(_CUES["share_words"])  # '51 percent of respondents said': no source
_MAX_MENTION_TOKENS = 16  # longer, a source is text run together (captions, lists), not a name
_HEAD_WORDS = {"det", "compound", "amod", "poss", "nummod", "nmod"}
CLAUSE_VERBS = frozenset(_CUES["clause_verbs"])
_NOMINAL_DEPS = {"dobj", "nsubj", "nsubjpass", "pobj", "attr", "conj", "appos", "compound"}
_BARE_CUES = frozenset(_CUES["bare_cues"])
# Words that open a qualified figure ('between 200 and 300', 'about 50', 'over 1,000'); the parser sometimes
# hangs them on the reporting verb instead of on the figure.
_QUALIFIER_HEADS = frozenset(_CUES["qualifier_heads"])
# A stated expectation inside a statement ('Gallois said the company expects to cut 4,300 jobs') is the
# speaker's figure: the plan verb's subject is what the statement is about, not who reports it.
_PLAN_CUES = frozenset(_CUES["plan_verbs"])
_SPEECH_CUES = frozenset(_CUES["speech_verbs"])
_QUOTE_VERBS = CUE_VERBS | frozenset(_CUES["quote_verbs"])  # a quotation's speaker: '“...,” Trump asked'
# Sources that are data rather than people: what they show, give or have is reported by them.
_DATA_NOUNS = frozenset(_CUES["data_nouns"])
_DATA_VERBS = frozenset(_CUES["data_verbs"])
_SAMPLE_NOUNS = frozenset(load("claims")["sample_nouns"])  # polls and surveys
_CLAUSE_DEPS = {"ccomp", "parataxis", "advcl", "conj", "xcomp"}
_REPORTED_DEPS = {"ccomp", "parataxis"}  # what a clause verb reports ("found that ..."), not "maintained ..., helping"
_CONTRAST_MARKS = {"while", "whereas", "although", "though", "whilst"}
_CLAUSE_BOUNDARY_DEPS = {"relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis", "appos"}
PERSON_WORDS = frozenset(_CUES["person_descriptions"])
ORG_WORDS = frozenset(_CUES["org_descriptions"])
_COMPLEMENT_DEPS = {"ccomp", "xcomp", "dobj", "parataxis", "advcl", "attr", "oprd", "conj", "dep", "acomp"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_TITLES = re.compile(rf"^(?:{'|'.join(_CUES['titles'])})\.?\s+", re.I)
_PERSON_PRONOUNS = frozenset(_CUES["person_pronouns"])
_THING_PRONOUNS = frozenset(_CUES["thing_pronouns"])
DESCRIPTION_REACH = 600  # characters back (about three sentences) where "the agency" may find its name
_DEFINED_ACRONYM = re.compile(
    r"(?P<name>(?:[A-Z][\w&.'-]*[ \u00a0]+(?:(?:of|for|and|the|on|de)[ \u00a0]+)?){1,8}[A-Z][\w&.'-]*)"
    r"[ \u00a0]*\([ \u00a0]*(?P<acronym>[A-Z][A-Za-z.&]{1,9})[ \u00a0]*\)")
# Two or three capitalised words after a lower-case word or a comma: a person's full name, probably.
_FULL_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+(?:[ \u00a0][A-Z]\.)?(?:[ \u00a0][A-Z][a-z]+){1,2}(?=[ ,.])")
_CONNECTORS = {"of", "for", "the", "and", "&", "on", "in", "de"}


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


class Attributor:
    """Attribution for every figure of one parsed document."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self._quote_speakers: dict[int, Source | None] = {}

    # -- document-wide facts -------------------------------------------------
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
        for m in _DEFINED_ACRONYM.finditer(text):
            long_form = _strip_det(" ".join(m.group("name").split()))
            words = [w for w in long_form.split() if w.lower() not in _CONNECTORS]
            if "".join(w[0] for w in words).endswith(m.group("acronym").replace(".", "")):
                aliases.setdefault(m.group("acronym"), long_form)
        orgs = [e for e in self.entities if e.label_ == "ORG" and len(e) > 1]
        for ent in orgs:
            words = [w for w in re.findall(r"[A-Za-z]+", _strip_det(ent.text)) if w.lower() not in _CONNECTORS]
            initials = "".join(w[0] for w in words if w[0].isupper())
            for k in range(2, len(initials) + 1):
                aliases.setdefault(initials[-k:], _strip_det(ent.text))
        for ent in self.entities:
            if ent.label_ == "PERSON" and len(ent) > 1:
                for part in (ent[-1].text, ent[0].text):
                    aliases.setdefault(part, ent.text)
        return aliases

    @cached_property
    def surnames(self) -> dict[str, str]:
        """Surname (or first name) -> a full name written in the raw text, for people only."""
        found: dict[str, str] = {}
        for m in _FULL_NAME.finditer(text_of(self.doc)):
            parts = m.group(0).split()
            for part in (parts[-1], parts[0]):
                found.setdefault(part, " ".join(parts))
        return found

    def resolve_person(self, mention: str) -> str:
        bare = _strip_det(_TITLES.sub("", mention.strip()))
        resolved = self.resolve_name(mention)
        return resolved if resolved != bare else self.surnames.get(bare, bare)

    def resolve_name(self, mention: str) -> str:
        bare = _strip_det(_TITLES.sub("", mention.strip()))
        key = bare.replace("'s", "").replace("\u2019s", "").strip()
        return self.aliases.get(key) or self.aliases.get(key.replace(".", "")) or bare

    # -- per figure ----------------------------------------------------------
    def source_of(self, tokens: list[Token], start: int) -> Source | None:
        """The source of the figure whose tokens are ``tokens``, its ``rule`` naming the rule that found it."""
        return _plausible(self._source_of(tokens, start))

    def _source_of(self, tokens: list[Token], start: int) -> Source | None:
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
                return self._sentence_source(anchor, quote, fragment=True) or _named(speaker, "quotation speaker")
            if speaker is not None:
                return _named(speaker, "quotation speaker")
        return self._sentence_source(anchor, quote)

    def _sentence_source(self, anchor: Token, quote: tuple[int, int] | None, fragment: bool = False) -> Source | None:
        """The source the figure's own sentence gives it: a reporting verb above it, 'according to', a report
        noun, a name and a colon. A ``fragment`` quoted in the sentence is the sentence's own words for it."""
        sent = anchor.sent
        cue = self._governing_cue(anchor, quote)
        if cue is not None:
            return _named(cue, "reporting verb")
        found = self._according_to(sent, anchor, fragment)
        if found is not None:
            return _named(found, "according to")
        found = self._noun_cue(sent, anchor)
        if found is not None:
            return _named(found, "report noun")
        return _named(self._colon_frame(sent, anchor), "name and colon")

    def _governing_cue(self, anchor: Token, quote) -> Source | None:
        """A reporting verb above the figure, entered through its complement."""
        child, tok = anchor, anchor.head
        found = None
        for _ in range(12):
            if tok is child or found is not None and child.dep_ not in ("ccomp", "xcomp"):
                break  # an expectation reaches a statement only as its complement, not across 'while ...'
            if tok.lower_ in CUE_NOUNS and (tok.pos_ == "NOUN" or tok.dep_ in _NOMINAL_DEPS) \
                    and child.dep_ in ("acl", "ccomp", "relcl", "appos"):
                source = self._owner_of_noun(tok)
                if source is not None:
                    return source
            elif tok.pos_ in ("VERB", "AUX") and child.dep_ not in _SUBJECT_DEPS and found is None \
                    and (data := self._data_subject(tok)) is not None:
                return data  # 'Sunday's NBC News survey gave Trump a one-point lead': the survey reports it
            elif tok.pos_ in ("VERB", "AUX") and lemma(tok) in CUE_VERBS and self._carries(tok, child):
                source = self._subject_source(tok, clause=child.dep_ in _REPORTED_DEPS)
                if source is not None and found is None and lemma(tok) in _PLAN_CUES:
                    found = source  # an expectation: a statement above it, if any, is the source
                elif source is not None:
                    return source if found is None or lemma(tok) in _SPEECH_CUES else found
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
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in child.children) \
                and any(c.dep_ in _SUBJECT_DEPS for c in child.children):
            return False  # 'While Hurun lists his wealth at $6.5 billion, Forbes says ...': Hurun's, not Forbes's
        if child.dep_ in _COMPLEMENT_DEPS:
            return True
        if child.dep_ == "prep" and child.lower_ == "at":
            return True
        if child.dep_ in ("prep", "advmod", "quantmod") and child.lower_ in _QUALIFIER_HEADS and child.i > verb.i:
            return True  # 'said between 200 and 300 people were killed': the qualifier parsed as the verb's own
        return child.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in verb.children)

    def _trailing_cue(self, anchor: Token) -> Source | None:
        """'..., FEC records show.' / '..., the spokesman said.': an attribution closing the sentence."""
        sent = anchor.sent
        tokens = [t for t in sent if not t.is_space]
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if len(tokens) < 3:
            return None
        cue = tokens[-1]
        verb_like = cue.pos_ in ("VERB", "AUX") or cue.tag_ in ("VBZ", "VBP", "VBD") or cue.lower_ in _BARE_CUES
        if not verb_like or lemma(cue) not in CUE_VERBS and cue.lower_ not in _BARE_CUES:
            return None
        comma = next((t for t in reversed(tokens[:-1]) if t.is_punct), None)
        if comma is None or comma.text not in (",", "\u2014", "\u2013", "-", "--") or comma.i >= cue.i - 1 \
                or cue.i - comma.i > 8 or anchor.i > comma.i:
            return None
        span = self.doc[comma.i + 1:cue.i]
        if span[0].lower_ == "according":
            return None  # '..., according to local media reports.': 'according to' names the source, not 'reports'
        subjects = [c for c in cue.children if c.dep_ in _SUBJECT_DEPS]
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

    def _agent_of(self, noun: Token) -> Token | None:
        """'a video posted by QQ.com': the agent of a participle describing the noun."""
        for child in noun.children:
            if child.dep_ == "acl" and child.tag_ == "VBN":
                for grand in child.children:
                    if grand.dep_ == "agent":
                        return next((c for c in grand.children if c.dep_ == "pobj"), None)
        return None

    def _in_quote(self, offset: int) -> bool:
        return self._quote_at(offset) is not None

    def _quote_opens_at(self, tok: Token) -> bool:
        """Whether a quotation opens right after ``tok`` ('according to "Man of the World"')."""
        end = tok.idx + len(tok.text)
        index = self._quote_at(end + len(tok.whitespace_) + 1)
        return index is not None and self.quotes[index][0] >= end \
            and not text_of(self.doc)[end:self.quotes[index][0]].strip()

    def _subject_source(self, verb: Token, clause: bool = True) -> Source | None:
        cue = verb.text
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is None or subject.dep_ == "nsubjpass":
            # '80 deaths were reported by the ministry', 'As reported by Western Journalism, ...': the agent
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is None and subject is not None:
                return None
            if pobj is not None:
                cue, subject = f"{verb.text} by", pobj
        if subject is None and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
            subject = next((c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is None and verb.lower_ in CUE_NOUNS:  # 'media reports that ...' parsed as a verb
            return self._owner_of_noun(verb, cue=verb.text)
        if subject is None or subject.lower_ in ("there", "that", "this", "which", "who", "what"):
            return None
        if subject.lower_ in ("i", "we", "you") and not self._in_quote(subject.idx):
            return None
        if subject.lower_ in _SHARE_WORDS:
            return None  # '51 percent of respondents said ...': a poll's answer, not a source (the poll is)
        if lemma(verb) not in _SPEECH_CUES and INDEX_NAME.search(self.doc[subject.left_edge.i:subject.i + 1].text):
            return None  # 'The Dow posted a gain of 39 points': a market index moves, it reports nothing
        if subject.pos_ == "NOUN" and subject.lower_ in CUE_NOUNS:
            owner = self._owner_of_noun(subject, cue=cue)
            if owner is not None:
                return owner
        agent = self._agent_of(subject)
        if agent is not None:
            return self._mention(agent, cue)
        if not clause and lemma(verb) in CLAUSE_VERBS and subject.lower_ not in CUE_NOUNS:
            return None  # 'police found 600,000 emails': finding things is no attribution
        return self._mention(subject, cue)

    def _owner_of_noun(self, noun: Token, cue: str | None = None) -> Source | None:
        """'X's estimate', 'South Korean media reports', 'a tally by X', 'FEC records'."""
        cue = cue or noun.text
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("PROPN", "NOUN") and pobj.lower_ not in CUE_NOUNS:
                    return self._mention(pobj, cue)
        owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i
                  and (c.pos_ in ("PROPN", "NOUN", "PRON") or c.ent_type_)
                  and c.ent_type_ not in ("DATE", "TIME")]  # "Sunday's survey": a time, not an owner
        if owners:
            first = min(owners, key=lambda t: t.left_edge.i)
            last = max(owners, key=lambda t: t.i)
            span = self.doc[first.left_edge.i:last.i + 1]
            return self._from_span(span, owners[-1], cue)
        return None

    def _according_to(self, sent: Span, anchor: Token, fragment: bool = False) -> Source | None:
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

    def _colon_frame(self, sent: Span, anchor: Token) -> Source | None:
        """'Bernie Sanders: It is not a radical idea to ask for a $15 minimum wage': a name that opens the
        sentence and a colon attribute what follows to that person or organisation."""
        words = [t for t in sent if not t.is_space]
        colon = next((t for t in words[:6] if t.text == ":"), None)
        if colon is None or anchor.i < colon.i or colon.i == words[0].i or not colon.whitespace_:
            return None  # 'AP:Associated Press' is a credit line, not a speaker
        name = self.doc[words[0].i:colon.i]
        ents = [e for e in entities_in(self.doc, name.start, name.end) if e.label_ in ("PERSON", "ORG")]
        if len(ents) != 1 or ents[0].start != name.start or ents[0].end != name.end:
            return None
        return self._from_span(name, name.root, ":")

    def _noun_cue(self, sent: Span, anchor: Token) -> Source | None:
        """'By his calculations, ...', '... reached 73 percent in the Gallup poll': a report noun in a phrase
        that frames the figure's clause: the phrase hangs on the figure, on a verb above it or on a noun of that
        verb's clause ('have a favorable view ... in a new poll'); a verbless root ('In the survey, 71 percent of
        ... approved ...') frames it too; a phrase in a relative clause frames that clause only."""
        above = {t.i for t in anchor.ancestors} | {anchor.i}
        for tok in sent:
            noun = tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and tok.lower_ in _DATA_NOUNS  # 'a CNN/ORC Poll'
            if noun and tok.lower_ in CUE_NOUNS | _DATA_NOUNS and tok.head.dep_ == "prep" \
                    and tok.head.lower_ in ("by", "in", "under") and tok.dep_ == "pobj":
                holder = tok.head.head
                if holder.i not in above and _clause_verb(holder).i not in above:
                    continue
                owner = self._owner_of_noun(tok)
                if owner is not None:
                    return owner
                if tok.lower_ in _SAMPLE_NOUNS:  # '49% to 41%, in the survey': the poll itself reports it
                    return self._from_span(self.doc[tok.left_edge.i:tok.i + 1], tok, tok.text)
        return None

    def _data_subject(self, verb: Token) -> Source | None:
        """The poll, survey or study that is the subject of ``verb`` ('The X poll has Trump leading 44.8 percent
        to 43.7 percent', 'A poll from Utah showed ...'): its owner, else the phrase itself."""
        if lemma(verb) not in _DATA_VERBS:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ != "NOUN" or subject.lower_ not in _DATA_NOUNS:
            return None
        owner = self._owner_of_noun(subject, cue=verb.text)
        if owner is not None:
            return owner
        span = self.doc[subject.left_edge.i:subject.right_edge.i + 1]
        if len(span) > 8 or any(t.dep_ == "relcl" for t in span):
            span = self.doc[subject.left_edge.i:subject.i + 1]
        return self._from_span(span, subject, verb.text)

    def _mention(self, head: Token, cue: str) -> Source | None:
        """The mention headed by ``head``: its words (without clauses) and the resolved name."""
        keep = [head]
        for child in head.children:
            if child.dep_ in ("relcl", "acl", "appos", "punct", "cc", "advmod") and child.i > head.i:
                continue
            if child.dep_ == "prep" and child.lower_ not in ("of", "for", "to", "at", "from"):
                continue
            if child.dep_ == "conj" and child.i > head.i:
                keep.extend(child.subtree)
                continue
            keep.extend(child.subtree)
        keep.extend(c for c in head.children if c.dep_ == "cc" and any(k.i > c.i for k in keep))
        first, last = min(t.i for t in keep), max(t.i for t in keep)
        if last - first >= _MAX_MENTION_TOKENS:  # a caption run together with the text: keep the head's own words
            ent = entity_at(self.doc, head.i) if head.ent_iob_ in ("B", "I") else None
            if ent is not None:
                first, last = ent.start, ent.end - 1
            elif head.pos_ == "NOUN" and (head.tag_ == "NNS" or any(c.dep_ in ("det", "poss") for c in head.lefts)):
                # 'A slide from a presentation that ...', 'Officials from the health ministry of ...'
                first, last = min([head.i] + [c.left_edge.i for c in head.lefts if c.dep_ in _HEAD_WORDS]), head.i
            else:
                return None  # no name and no description to keep ('Scroll down for video ...'): no source
        while last > first and self.doc[last].is_punct:
            last -= 1
        span = self.doc[first:last + 1]
        return self._from_span(span, head, cue)

    def _from_span(self, span: Span, head: Token, cue: str) -> Source:
        start, end = span.start_char, span.end_char
        text = text_of(self.doc)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        name, label = self._name_for(span, head)
        written = text[start:end]
        name = written if name.strip() == span.text.strip() else " ".join(name.split())
        return Source(text=written, name=name, label=label, start=start, end=end, cue=cue)

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
            if low in _PERSON_PRONOUNS:
                found = self._last_entity(head.idx, ("PERSON",))
            elif low in ("it", "its"):
                found = self._last_entity(head.idx, ("ORG", "GPE"))
            else:
                found = self._last_entity(head.idx, ("ORG", "GPE", "NORP")) if low in _THING_PRONOUNS else None
            if found is not None:
                return found
            return span.text, None
        if head.pos_ == "PROPN" and head.ent_type_ == "":
            resolved = self.resolve_person(span.text)
            return resolved, "PERSON" if resolved != _strip_det(span.text) else None
        content = [t for t in span if not t.is_punct and t.pos_ not in ("DET",)]
        definite = any(t.lower_ in ("the", "this", "that") or t.dep_ == "poss" for t in span)
        described = len(content) == 1 or definite and len(content) <= 3 and all(
            t.pos_ in ("NOUN", "ADJ") and not t.ent_type_ for t in content)  # 'The computer maker', 'the retailer'
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
        if low in _DATA_NOUNS and any(t.lower_ in ("the", "that", "this") for t in span):
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
        for _ in range(2):
            if first > 0:
                first = self.doc[first - 1].sent.start
        for i in range(head.i - 1, first - 1, -1):
            tok = self.doc[i]
            if tok.pos_ == "NOUN" and lemma(tok) == lemma(head):
                owner = self._owner_of_noun(tok)
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
            if ent.root.dep_ in _SUBJECT_DEPS or ent.root.head.dep_ in _SUBJECT_DEPS:
                named = ent
                break
            fallback = fallback or ent
        if word and named is None and near:  # a description: else a subject of the last few sentences
            named = next((e for e in reversed(earlier) if e.label_ in labels and before - e.end_char <= DESCRIPTION_REACH
                          and (e.root.dep_ in _SUBJECT_DEPS or e.root.head.dep_ in _SUBJECT_DEPS)), None)
        pick = named or fallback
        if pick is None:
            return None
        return self.resolve_name(pick.text), pick.label_

    def _last_person_speaker(self, head: Token) -> tuple[str, str] | None:
        """'The man also said': the person who spoke last in the sentences before (named or described)."""
        sent = head.sent
        for _ in range(4):
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
                    source = self._mention(subject, tok.text)
                    return source.name, "PERSON"
        return None

    def _quote_speaker(self, index: int) -> Source | None:
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

    def _direct_speaker(self, quote: tuple[int, int]) -> Source | None:
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
                    if tok.pos_ in ("VERB", "AUX") and lemma(tok) in _QUOTE_VERBS and not self._in_quote(tok.idx):
                        source = self._subject_source(tok) or self._inverted_speaker(tok)
                        if source is not None and not self._in_quote(source.start):
                            distance = tok.idx - qe if tok.idx >= qe else qs - tok.idx
                            if best is None or distance < best[0]:
                                best = (distance, source)
            if best is not None:
                return best[1]
        return None

    def _inverted_speaker(self, verb: Token) -> Source | None:
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

    def _colon_speaker(self, qs: int) -> Source | None:
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


# 'Jane Doe / The Independent', 'John Smith/Getty Images': a photo credit (a person's name, a slash, an outlet),
# unlike a poll's partners ('NBC News/Wall Street Journal', 'Reuters/Ipsos')
_CREDIT_RE = re.compile(r"\b[A-Z][a-z]+(?:[ \u00a0][A-Z]\.)?[ \u00a0][A-Z][a-z'-]+(?:[ \u00a0]/[ \u00a0](?:The[ \u00a0])?[A-Z]"
                        r"|[ \u00a0]?/[ \u00a0]?(?:Getty|AFP|AP\b|Reuters|EPA|PA\b|Alamy|Shutterstock|Bloomberg[ \u00a0]via))")
# 'according to reports', 'according to unconfirmed reports': the cue alone names nobody (as 'reportedly')
_NOBODY_RE = re.compile(r"(?i)^(?:according(?:\s+to)?\b.*|(?:(?:some|other|recent|earlier|unconfirmed|unnamed|"
                        r"several|many)\s+)*(?:reports|sources|reported|reportedly))$")


def _named(source: Source | None, rule: str) -> Source | None:
    """``source`` with the name of the rule that found it (the first rule to name it keeps it)."""
    if source is None or source.rule:
        return source
    return replace(source, rule=rule)


def _plausible(source: Source | None) -> Source | None:
    """A source is a noun phrase that is not itself a cue ('according to reports' names nobody) and not a
    photo credit; a name that reads as a credit falls back to the words written."""
    if source is None:
        return None
    if _NOBODY_RE.match(source.text.strip()):
        return None
    credit = _CREDIT_RE.search(source.name)
    if credit is not None and not any(w in _DATA_NOUNS for w in source.name.lower().split()):
        if _CREDIT_RE.search(source.text):
            return None
        return replace(source, name=source.text)
    return source


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
    or the root when none is above it."""
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i or tok.dep_ in _CLAUSE_BOUNDARY_DEPS:
            break
        tok = tok.head
    return tok


def _conjoined_with(tok: Token, above: set[int]) -> bool:
    """Whether ``tok`` or a clause it is conjoined with holds the figure ('Trump received 37 percent, Clinton
    had 36 percent and Bloomberg 13 percent, according to the results': one frame for every conjunct)."""
    for _ in range(8):
        if tok.i in above:
            return True
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok.i in above or any(c.i in above for c in tok.children if c.dep_ == "conj")


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


def _strip_det(text: str) -> str:
    return re.sub(r"^(?:the|The|THE)\s+", "", text.strip())
