"""Mentions: the phrase a rule points at, as a ``Candidate``."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon import INDEX_NAME
from ..spans import entity_at, lemma, text_of
from .sources import Candidate
from .words import (CLAUSE_VERBS, CUE_NOUNS, HEAD_WORDS, MAX_MENTION_TOKENS, SHARE_WORDS, SPEECH_CUES, SUBJECT_DEPS)


class Mentions:
    """The words of a source: a subject, an agent, the owner of a report noun, a phrase's head with what
    belongs to it. Building a mention resolves nothing: its name is resolved once, at the end."""

    def _subject_source(self, verb: Token, clause: bool = True) -> Candidate | None:
        cue = verb.text
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.dep_ == "nsubjpass":
            # '80 deaths were reported by the ministry', 'As reported by Western Journalism, ...': the agent
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is None and subject is not None:
                return None
            if pobj is not None:
                cue, subject = f"{verb.text} by", pobj
        if subject is None and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
            subject = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None and verb.lower_ in CUE_NOUNS:  # 'media reports that ...' parsed as a verb
            return self._owner_of_noun(verb, cue=verb.text)
        if subject is None or subject.lower_ in ("there", "that", "this", "which", "who", "what"):
            return None
        if subject.lower_ in ("i", "we", "you") and not self._in_quote(subject.idx):
            return None
        if subject.lower_ in SHARE_WORDS or subject.like_num:  # 'Nine in 10 say ...': a share answers, no source
            return None  # '51 percent of respondents said ...': a poll's answer, not a source (the poll is)
        if lemma(verb) not in SPEECH_CUES and INDEX_NAME.search(self.doc[subject.left_edge.i:subject.i + 1].text):
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

    def _owner_of_noun(self, noun: Token, cue: str | None = None) -> Candidate | None:
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
            # to the end of the last owner's own words, short of the noun ('University of Texas/Texas Tribune poll')
            last = min(max(t.right_edge.i for t in owners), noun.i - 1)
            span = self.doc[first.left_edge.i:last + 1]
            return self._from_span(span, owners[-1], cue)
        return None

    def _agent_of(self, noun: Token) -> Token | None:
        """'a video posted by QQ.com': the agent of a participle describing the noun."""
        for child in noun.children:
            if child.dep_ == "acl" and child.tag_ == "VBN":
                for grand in child.children:
                    if grand.dep_ == "agent":
                        return next((c for c in grand.children if c.dep_ == "pobj"), None)
        return None

    def _mention(self, head: Token, cue: str) -> Candidate | None:
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
        if last - first >= MAX_MENTION_TOKENS:  # a caption run together with the text: keep the head's own words
            ent = entity_at(self.doc, head.i) if head.ent_iob_ in ("B", "I") else None
            if ent is not None:
                first, last = ent.start, ent.end - 1
            elif head.pos_ == "NOUN" and (head.tag_ == "NNS" or any(c.dep_ in ("det", "poss") for c in head.lefts)):
                # 'A slide from a presentation that ...', 'Officials from the health ministry of ...'
                first, last = min([head.i] + [c.left_edge.i for c in head.lefts if c.dep_ in HEAD_WORDS]), head.i
            else:
                return None  # no name and no description to keep ('Scroll down for video ...'): no source
        while last > first and self.doc[last].is_punct:
            last -= 1
        span = self.doc[first:last + 1]
        return self._from_span(span, head, cue)

    def _from_span(self, span: Span, head: Token, cue: str) -> Candidate:
        """The candidate written as ``span`` (blanks at its edges left out); its name is not resolved here."""
        start, end = span.start_char, span.end_char
        text = text_of(self.doc)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Candidate(text=text[start:end], start=start, end=end, cue=cue, span=span, head=head)
