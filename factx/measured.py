"""What a figure measures and whose it is: the record's ``what`` and ``subject``, read from the parse.

``what`` names the measured thing in its shortest form: the noun a figure qualifies ('a $254 million
loss' -> loss, 'a 7.5-point lead' -> lead), the noun an 'of' hangs on ('growth of 28%'), the adjective a
measure extends ('40 metres deep'), the subject of a level ('its share rose to 17%' -> share, 'revenue
made up $7.1 billion' -> revenue), else the predicate ('300 killed', 'sales dropped 42%' -> dropped).
A change verb with the figure as its amount stays the verb, so a change and a level never fold together.

``subject`` is the entity or group the figure measures: the counted noun phrase ('4,000 North Korean
soldiers'), the group after 'of' ('38 percent of independents'), the possessor or 'in' phrase of the
measured noun ('a 32% drop in US sales'), the candidate of 'X leads Y A to B', else the subject of the
figure's verb ('Apple holds $214.9 billion'). Pronouns give no subject: a wrong subject would group
figures about different things.

No library reads these roles off a dependency parse for quantities, so the walk is written here; the word
lists it uses are data (factx/data/measured.json).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .figures import Figure
from .lexicon import CUE_VERBS, MEASURES
from .resources import load
from .spans import CLAUSE_CLIMB, PHRASE_CLIMB, VERB_CLIMB, entity_at, lemma

_WORDS = load("measured")
CHANGE_LEMMAS = frozenset(_WORDS["change_lemmas"])  # lemmas: 'rose 3%' is a change, 'rose to 17%' a level
LEVEL_VERBS = frozenset(_WORDS["level_verbs"])  # lemmas that only link a subject to its amount
LIGHT_NOUNS = frozenset(_WORDS["light_nouns"])  # 'a total of 677', 'a list of 789': no measured thing
LEAD_VERBS = frozenset(_WORDS["lead_verbs"])  # 'Clinton leads Trump 43 to 41'
GRADE_WORDS = frozenset(_WORDS["grade_words"])  # 'up 25 points', '40 metres deep', 'worth $5 million'
CHANGE_NOUNS = frozenset(_WORDS["change_nouns"])  # 'a 32% drop in US sales': the 'in' phrase is the subject
_PRONOUNS = frozenset(_WORDS["pronouns"])
_CLIMB_DEPS = {"dobj", "attr", "pobj", "prep", "npadvmod", "acomp", "oprd", "advmod", "quantmod", "nummod",
               "appos", "conj", "pcomp", "agent"}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "nummod", "quantmod", "npadvmod"}
_PHRASE_LEFT = {"compound", "amod", "nmod", "poss", "det", "nummod", "quantmod", "case", "advmod", "punct"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_RELATIVES = frozenset(load("words")["relative_pronouns"])


@dataclass(frozen=True)
class Reading:
    what: str | None
    subject: tuple[int, int] | None  # character offsets into the document text
    part_of: tuple[int, int] | None = None  # the whole a part belongs to: '20 of those injured' -> 'those injured'


def _head_of(fig: Figure) -> Token:
    """The token standing for the whole figure phrase: its counted noun when the figure hangs on it."""
    inside = {t.i for t in fig.tokens}
    root = next((t for t in fig.tokens if t.head.i not in inside or t.head.i == t.i), fig.tokens[-1])
    if fig.noun is not None and root.head.i == fig.noun.i:
        return fig.noun
    return root


_PERCENT_WORDS = frozenset(load("words")["percent_words"])


def _is_unit(fig: Figure, tok: Token) -> bool:
    return tok.text in MEASURES or tok.lower_ in MEASURES or (fig.unit is not None and tok.text == fig.unit) or (
        fig.kind == "percent" and tok.lower_ in _PERCENT_WORDS)


def _name(tok: Token, skip: set[int] = frozenset()) -> str:
    """A measured noun with the noun compounded to it: 'job approval', 'unemployment rate'."""
    words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and c.i == tok.i - 1
             and c.i not in skip and not c.like_num]
    return " ".join([w.lower_ for w in words] + [tok.lower_])


def _measured_noun(fig: Figure, head: Token) -> Token | None:
    """The noun the figure qualifies ('a 72.4 percent stake') or that its 'of' hangs on ('growth of 28%')."""
    if fig.kind in ("money", "percent") and fig.noun is not None and head.i == fig.noun.i \
            and not _is_unit(fig, head) and head.pos_ == "NOUN":
        return head  # 'a $254 million loss', 'a 72.4 percent stake'
    if fig.kind in ("money", "percent") and head.dep_ in _MODIFIER_DEPS and head.head.pos_ == "NOUN" \
            and head.head.i > head.i and not _is_unit(fig, head.head):
        return head.head  # a measure's noun is what it measures ('a 130-foot chute'), not what is measured
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        noun = head.head.head
        if noun.pos_ in ("NOUN", "PROPN") and not noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") \
                and lemma(noun) not in LIGHT_NOUNS and not _is_unit(fig, noun):
            return noun
    return None


def _governor(head: Token) -> tuple[Token | None, list[Token]]:
    """The verb above the figure phrase, and the path walked to it (prepositions included)."""
    path, tok = [], head
    for _ in range(PHRASE_CLIMB):
        if tok.dep_ not in _CLIMB_DEPS or tok.head.i == tok.i:
            return None, path
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok, path
        path.append(tok)
    return None, path


def _subject_of(verb: Token, relative: bool = True) -> Token | None:
    """The verb's subject, or (for a verb that shares it: 'and would owe', 'helping raise') the one above."""
    tok = verb
    for _ in range(VERB_CLIMB):
        subject = next((c for c in tok.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None and subject.lower_ in _RELATIVES and tok.dep_ == "relcl":
            return tok.head if relative else None  # 'contracts that would pay out $66 million'
        if subject is not None:
            return subject
        if tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
            return tok.head
        if tok.dep_ not in ("conj", "xcomp") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _phrase(tok: Token, skip: set[int]) -> tuple[int, int] | None:
    """The noun phrase of ``tok`` without figures, determiners or possessive pronouns, with one 'of' phrase
    after it ('sales of automobiles'); a named entity whole; None for a pronoun."""
    if _is_pronoun(tok):
        return None
    doc = tok.doc
    ent = entity_at(doc, tok.i) if tok.ent_type_ in _NAMED else None
    if ent is not None and not any(t.i in skip for t in ent):
        return (ent.start_char, ent.end_char)
    left = tok
    for child in reversed(list(tok.lefts)):
        if child.dep_ not in _PHRASE_LEFT or child.right_edge.i != left.i - 1:
            break
        left = child.left_edge
    while left.i < tok.i and (left.dep_ in ("det", "punct", "case", "advmod", "predet") or _is_pronoun(left)
                              or left.i in skip or left.like_num or left.is_punct or left.is_space):
        left = doc[left.i + 1]
    right = tok
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == tok.i + 1), None)
    if of is not None:
        obj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if obj is not None and not any(t.i in skip for t in obj.subtree) and obj.right_edge.i - tok.i <= 8:
            right = obj.right_edge
    return (left.idx, right.idx + len(right.text))


def _is_pronoun(tok: Token) -> bool:
    return tok.pos_ == "PRON" or (tok.lower_ in _PRONOUNS and tok.pos_ != "PROPN")  # 'us', not 'US'


_NAMED = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}


def _lead_subject(head: Token, skip: set[int]) -> tuple[int, int] | None | bool:
    """'Clinton leading Trump 43 percent to 41 percent': 43 is Clinton's, 41 Trump's. False when the figure
    is not one side of such a comparison."""
    verb, _ = _governor(head)
    if verb is None or lemma(verb) not in LEAD_VERBS:
        return False
    if head.dep_ == "pobj" and head.head.lower_ == "to":
        rival = _rival(verb, skip)
        return _phrase(rival, skip) if rival is not None else None
    if not any(c.lower_ == "to" and c.dep_ == "prep" and any(o.i in skip for o in c.children)
               for c in list(verb.children) + list(head.children)):
        return False
    subject = _subject_of(verb)
    return _phrase(subject, skip) if subject is not None else None


def _rival(verb: Token, skip: set[int]) -> Token | None:
    """The one led: the verb's object, or a name the parse hung on the first figure ('leading Trump 43 percent')."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.i not in skip and not child.like_num:
            return child
        if child.dep_ == "dobj":
            return next((t for t in child.subtree if t.pos_ == "PROPN" and t.i not in skip), None)
    return None


def read(fig: Figure, others: set[int], before: Figure | None = None) -> Reading:
    """``what``, ``subject`` and ``part_of`` of one figure; ``others`` holds the token indices of every figure,
    ``before`` is the figure before it in the document."""
    if not fig.tokens:
        return Reading(None, None)
    head = _head_of(fig)
    verb, path = _governor(head)
    measured = _measured_noun(fig, head)
    lead = _lead_subject(head, others)
    subject = lead if lead is not False else _own_subject(fig, head, measured, verb, others)
    what = _what(fig, head, measured, verb, path)
    return Reading(what, subject, _whole(fig, head, others, before))


_PARTITIVE_DETS = frozenset(load("words")["partitive_determiners"])


def _whole(fig: Figure, head: Token, others: set[int], before: Figure | None) -> tuple[int, int] | None:
    """The whole a figure is a part of: '20 of those injured', 'two of the five', 'four of them'; 'of which four'
    (the figure before it in the sentence). A quantity of something ('thousands of people') is no part."""
    if fig.kind not in ("count", "money", "other"):
        return None
    doc = head.doc
    first = fig.tokens[0]
    if first.i >= 2 and doc[first.i - 1].lower_ in ("which", "whom") and doc[first.i - 2].lower_ == "of" \
            and before is not None and before.tokens and before.tokens[0].sent == first.sent:
        return (before.start, before.end)
    if head.dep_ == "conj":
        # '20 of those injured were taken to one hospital and 31 to others': 31 is a part of the same whole
        verb = next((t for t in list(head.ancestors)[:4] if t.pos_ in ("VERB", "AUX")), None)
        part = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i in others), None) \
            if verb is not None else None
        return _partitive(part) if part is not None else None
    return _partitive(head)


def _partitive(head: Token) -> tuple[int, int] | None:
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None:
        return None
    partitive = obj.lower_ in _PARTITIVE_DETS or any(
        c.dep_ in ("det", "poss") and c.lower_ in _PARTITIVE_DETS for c in obj.lefts)
    if not partitive:
        return None
    end = obj
    for child in obj.rights:  # 'those injured', 'the 5'
        if child.dep_ in ("acl", "amod", "compound") and child.i == end.i + 1:
            end = child
    start = obj.left_edge
    return (start.idx, end.idx + len(end.text))


def _own_subject(fig: Figure, head: Token, measured: Token | None, verb: Token | None,
                 skip: set[int]) -> tuple[int, int] | None:
    if fig.kind == "duration":
        return None  # a stretch of time belongs to no one
    if fig.kind == "count" and fig.noun is not None:
        return _phrase(fig.noun, skip)
    if fig.kind == "measure" and head.dep_ in _MODIFIER_DEPS and head.head.pos_ == "NOUN" \
            and head.head.i > head.i:
        return _phrase(head.head, skip)  # 'a 130-foot chute', 'the 400g bars'
    if fig.kind == "age":
        if head.dep_ == "appos":
            return _phrase(head.head, skip)  # 'Smith, 45,'
        path = list(head.ancestors)[:3]
        person = next((t for t in path if t.pos_ in ("NOUN", "PROPN") and t.i not in skip and t.i > head.i
                       and t.dep_ != "npadvmod"), None)
        if person is None:
            return None
        age = {t.i for a in path if a.i < person.i for t in a.subtree}  # 'a 42-year-old man' -> man
        return _phrase(person, skip | age)
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        obj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if obj is not None:
            return _phrase(obj, skip)
    if measured is not None:
        owner = next((c for c in measured.children if c.dep_ == "poss"), None)
        if owner is not None and not _is_pronoun(owner):
            return _phrase(owner, skip)
        inside = next((c for c in measured.children if c.dep_ == "prep" and c.lower_ == "in"), None)
        obj = next((c for c in inside.children if c.dep_ == "pobj"), None) if inside is not None else None
        if obj is not None and lemma(measured) in CHANGE_NOUNS:
            return _phrase(obj, skip)
    if head.dep_ == "pobj" and head.head.lower_ == "with" and head.head.head.pos_ in ("PROPN", "NOUN"):
        return _phrase(head.head.head, skip)  # 'shows Clinton with 42 percent'
    if verb is None:
        return None
    subject = _subject_of(verb)
    return _phrase(subject, skip) if subject is not None and subject.i not in skip else None



def _what(fig: Figure, head: Token, measured: Token | None, verb: Token | None, path: list[Token]) -> str | None:
    doc = head.doc
    last = fig.tokens[-1]
    i = last.i + 1
    while i < len(doc) and (doc[i].lower_ in _FILLERS or doc[i].is_space):
        i += 1
    if fig.noun is None and i < len(doc) and (doc[i].tag_ in ("VBN", "VBD") or
                                              doc[i].pos_ == "ADJ" and doc[i].lower_.endswith("ed")):
        return doc[i].lower_  # '2,700 more wounded', '12,000 deployed'
    if measured is not None:
        return _name(measured, {t.i for t in fig.tokens})
    if head.dep_ == "npadvmod" and head.head.lower_ in GRADE_WORDS:
        return head.head.lower_  # '40 metres deep', 'up 1.9%', 'worth $5.62 billion'
    if verb is not None:
        verb_lemma = lemma(verb)
        level = any(t.dep_ == "prep" and t.lower_ in ("to", "from", "at") for t in path) or verb_lemma in LEVEL_VERBS
        if level and (verb_lemma in CHANGE_LEMMAS or verb_lemma in LEVEL_VERBS):
            own = {t.i for t in fig.tokens} | {head.i}
            changed = next((c for c in verb.children if c.dep_ == "dobj" and c not in path and c.i not in own),
                           None) if fig.kind != "measure" else None
            changed = changed if changed is not None else _subject_of(verb, relative=False)
            if changed is not None and changed.pos_ == "NOUN" and lemma(changed) not in LIGHT_NOUNS \
                    and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in changed.lefts):
                return _name(changed)  # 'its share rose to 17%', 'revenue made up $7.1 billion', 'cut its costs to'
                # (a named index keeps its verb: 'the Nasdaq fell to 2138.14')
        if verb_lemma in LEVEL_VERBS and fig.kind == "count" and fig.noun is not None:
            return fig.noun.lower_  # 'bringing the total to 677 orders', 'had 47 customers'
    return _predicate(fig)


_FILLERS = frozenset(load("words")["figure_fillers"])


def _predicate(fig: Figure) -> str | None:
    """The first verb above the counted noun (or above the figure) that is not a verb of saying."""
    counted = fig.noun
    tok = counted if counted is not None else fig.tokens[-1]
    for _ in range(CLAUSE_CLIMB):
        if tok.pos_ == "VERB" and lemma(tok) not in CUE_VERBS:
            return tok.lower_
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return counted.lower_ if counted is not None and fig.kind == "count" else None
