"""Claims: records that measure the same thing, and whether their figures agree.

Two records belong to one claim when they measure the same thing of the same subject: the same ``what``
(folded through spaCy's lemmas and a synonym list kept as data: 'killed', 'died', 'deaths' fold together,
'rose' and 'holds' do not), the same subject ('Apple' and 'Nike' holding money are two claims), a
compatible unit, and places and times that can be the same (a figure with a time of its own and one
without are not paired). A part ('20 of those injured') joins no claim: it is linked to its whole by
``part_of``. Two figures of one sentence from one source ('Clinton leads Trump 43 to 41', 'rose 166.5 and
93.3% respectively') are a comparison or a list, never one claim. Grouping is greedy in record order, so
the same records always give the same claims. Two figures disagree when the ranges their values allow do
not overlap ("more than 1,000" allows 3,000; "around 300" does not allow 4,000).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .resources import load
from .spans import word_lemma

_FOLD = {form: key for key, forms in load("claims")["synonyms"].items() for form in forms}
_SUBJECT_STOP = frozenset(load("claims")["subject_stop_words"])
_SAMPLE = re.compile(r"\b(?:%s)\b" % "|".join(load("claims")["sample_nouns"]), re.I)
APPROX_TOLERANCE = 0.2  # "around 300" allows 240..360
EXACT_TOLERANCE = 0.02  # reported figures are rounded: "4,000" allows 3,920..4,080
NEARLY_TOLERANCE = 0.2  # "nearly 200" allows 160..200
INF = float("inf")
CLAIMS_TRIED = 16
# Amounts and measures of an unknown thing are too loose to pair ('would pay out $66 million', 'agreed to
# pay $3.5 million'); counts and shares without a subject still pair within one article.
# Units of measure by dimension (generated from pint by tools/pint_units.py): '5 km' and '5,000 metres' meet
_DIMENSIONS: dict[str, list] = load("units_pint")["units"]
_NEED_SUBJECT = {"money", "measure", "duration", "age", "other"}
_WORD = re.compile(r"[a-z0-9][a-z0-9.&'-]*")


@lru_cache(maxsize=1 << 14)  # bounded: an archive's words and subjects are not
def fold_what(what: str | None) -> str | None:
    """The claim key of a ``what``: its synonym group, else the lemma of its last word."""
    if not what:
        return None
    phrase = what.lower()
    if phrase in _FOLD:
        return _FOLD[phrase]
    word = phrase.split()[-1]
    if word in _FOLD:
        return _FOLD[word]
    lemma = word_lemma(word)
    return _FOLD.get(lemma, lemma)


def unit_key(figure: dict) -> str | None:
    """What two figures must share to be compared: a code, '%' or a unit of measure as it is (measures are
    already written one way: 'kilometres per hour' and 'miles per hour' must not meet on 'hour'), else the
    counted noun's lemma ('soldiers' and 'soldier' are one)."""
    unit = figure.get("unit")
    if figure.get("kind") == "measure" and unit in _DIMENSIONS:
        return "dimension: " + _DIMENSIONS[unit][0]  # compared in base units: 5 km and 5,000 metres agree
    if figure.get("kind") in ("money", "percent", "measure") or not unit:
        return unit
    return word_lemma(unit.lower().split()[-1])


@lru_cache(maxsize=1 << 14)  # bounded: an archive's words and subjects are not
def _subject_words(text: str) -> frozenset[str]:
    return frozenset(word_lemma(w) for w in _WORD.findall(text.lower().replace("\u2019", "'").replace("'s", ""))
                     if w not in _SUBJECT_STOP)


def subject_key(record: dict) -> frozenset[str] | None:
    """The subject's content words, lemmatised: 'North Korean soldiers' and 'North Korean soldier' match."""
    subject = record.get("subject")
    return _subject_words(subject["text"]) or None if subject else None


def interval(figure: dict, base_units: bool = True) -> tuple[float, float]:
    """The values a figure allows, given its qualifier; a measure pint knows in base units (metres for km),
    unless ``base_units`` is False."""
    low, high = figure["low"], figure["high"]
    mod = figure.get("mod")
    if low is None or high is None:
        return (-INF, INF)
    if base_units and figure.get("kind") == "measure" and figure.get("unit") in _DIMENSIONS:
        factor = _DIMENSIONS[figure["unit"]][1]
        low, high = low * factor, high * factor
    if mod == "approx":
        return (low * (1 - APPROX_TOLERANCE), high * (1 + APPROX_TOLERANCE))
    if mod == "less_than":
        return (low * (1 - NEARLY_TOLERANCE), high)
    if mod == "at_most":
        return (0.0, high)
    if mod in ("more_than", "at_least"):
        return (low, INF)
    return (low * (1 - EXACT_TOLERANCE), high * (1 + EXACT_TOLERANCE))


def allows(figure: dict) -> list[float | None]:
    """The range a figure allows, which decides 'agree' ('around 300' allows [240, 360]; 'more than 1,000'
    allows [1000, null]: no upper bound), rounded for people."""
    return [None if abs(v) == INF else round(v, 6) for v in interval(figure, base_units=False)]


def overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _place_compatible(a: dict | None, b: dict | None) -> bool:
    if a is None or b is None:
        return True
    if a.get("country") and b.get("country") and a["country"] == b["country"]:
        return True
    ta, tb = a["text"].lower(), b["text"].lower()
    return ta in tb or tb in ta


def _time_of(record: dict) -> str | None:
    """The time a record's figure refers to: its own time expression, else its article's month."""
    when = record.get("when")
    if when and when.get("value"):
        return when["value"].split("/")[0]
    return record["doc_date"][:7] if record.get("doc_date") else None


def _time_compatible(a: dict, b: dict) -> bool:
    va, vb = _time_of(a), _time_of(b)
    if va is None or vb is None:
        return True
    return va.startswith(vb) or vb.startswith(va) or "X" in va or "X" in vb


def _time_given(record: dict) -> bool:
    """Whether the figure has a time of its own: the article's own day ('officials said on Monday', in
    Monday's paper) is the time of the report, not of the figure."""
    when = record.get("when")
    return bool(when and when.get("value")) and when["value"] != record.get("doc_date")


def compatible(a: dict, b: dict) -> bool:
    """Whether two records can measure the same thing.

    Subjects must be equal; both unknown will do only for counts and shares within one article. Two
    polls or surveys are two samples: their figures differ without contradicting each other. A time of one's own
    against none is no match ('raised $18 million in the first weeks of October', 'has raised $175 million
    in all'). Two figures of one sentence and one source are a comparison or a list, not one claim. Across
    articles only counts at a named place qualify: a percentage or an amount says nothing of what moved
    ('shares fell 3%' in two articles are rarely the same shares), and a count with no place is too loose.
    """
    across = a["doc"] != b["doc"]
    if across and not (a["figure"]["kind"] == b["figure"]["kind"] == "count" and a.get("where") and b.get("where")):
        return False
    if not across and a["sentence"] == b["sentence"] and source_name(a) == source_name(b):
        return False
    if source_name(a) != source_name(b) and _SAMPLE.search(a["sentence"]) and _SAMPLE.search(b["sentence"]):
        return False  # two polls or surveys: two samples, each its own estimate
    subject = subject_key(a)
    if subject != subject_key(b) or (subject is None and (across or a["figure"]["kind"] in _NEED_SUBJECT)):
        return False
    if _time_given(a) != _time_given(b):
        return False
    return _place_compatible(a.get("where"), b.get("where")) and _time_compatible(a, b)


@dataclass
class Claim:
    key: tuple[str, str | None]
    members: list[int] = field(default_factory=list)


def group(records: list[dict]) -> list[Claim]:
    """Claims with two or more records, in order of their first record.

    A record joins the most recent claim of its key whose every record it is compatible with (only the
    last few claims of a key are tried, which keeps grouping linear in the records). Parts join none.
    """
    claims: list[Claim] = []
    by_key: dict[tuple, list[Claim]] = {}
    for i, record in enumerate(records):
        what = fold_what(record.get("what"))
        key = (what, unit_key(record["figure"]))
        if what is None or what == key[1] or record.get("part_of"):
            continue  # no predicate ('eight fire engines' says nothing of what they did), or a part
        candidates = by_key.setdefault(key, [])
        for claim in reversed(candidates[-CLAIMS_TRIED:]):
            if all(compatible(record, records[j]) for j in claim.members):
                claim.members.append(i)
                break
        else:
            claim = Claim(key, [i])
            candidates.append(claim)
            claims.append(claim)
    return [c for c in claims if len(c.members) > 1]


def assign_claims(records: list[dict], prefix: str = "c") -> None:
    """Give every record a ``claim`` id shared with the records measuring the same thing (None when alone)."""
    for record in records:
        record["claim"] = None
    for n, claim in enumerate(group(records), 1):
        for i in claim.members:
            records[i]["claim"] = f"{prefix}{n}"


def source_name(record: dict) -> str | None:
    who = record.get("who")
    return (who.get("name") or who.get("text")) if who else None


def conflicts(records: list[dict]) -> list[dict]:
    """One entry per claim with two or more distinct sources (or, across articles, values): its figures and
    whether they agree.

    A claim within one article keeps the id its records carry in ``factx extract`` and ``factx show``
    ('c3'); a claim across articles gets an 'x' id, and each of its figures still shows its article's id.
    """
    within: dict[tuple[str, str], list[dict]] = {}
    for record in records:
        if record.get("claim"):
            within.setdefault((record["doc"], record["claim"]), []).append(record)
    entries = [_entry(claim_id, members, unit_key(members[0]["figure"]))
               for (_, claim_id), members in within.items()]
    across = [claim for claim in group(records) if len({records[i]["doc"] for i in claim.members}) > 1]
    entries.extend(_entry(f"x{n}", [records[i] for i in claim.members], claim.key[1])
                   for n, claim in enumerate(across, 1))
    return [e for e in entries if e is not None]


def _entry(claim_id: str, members: list[dict], unit: str | None) -> dict | None:
    sources = {source_name(r) for r in members}
    values = {(r["figure"]["low"], r["figure"]["high"], r["figure"]["mod"]) for r in members}
    documents = {r["doc"] for r in members}
    # One source giving several values in one article is a list ("rose 3.1% in Paris, 2.8% in Frankfurt"),
    # not a disagreement: several values count only across articles.
    if len(sources) < 2 and not (len(documents) > 1 and len(values) > 1):
        return None
    ranges = [interval(r["figure"]) for r in members]
    first = members[0]
    if unit is not None and unit.startswith("dimension: "):
        unit = first["figure"]["unit"]  # people read the unit as the first figure writes it
    when = next((r["when"] for r in members if r.get("when")), None)
    where = next((r["where"]["text"] for r in members if r.get("where")), None)
    subject = first["subject"]["text"] if first.get("subject") else None
    return {
        "claim": claim_id,
        "what": first["what"],
        "subject": subject,
        "unit": unit,
        "where": where,
        "when": when["text"] if when else None,
        "when_value": when["value"] if when else None,
        "agree": all(overlap(a, b) for i, a in enumerate(ranges) for b in ranges[i + 1:]),
        # why these figures were grouped: what they share (null: none of them says)
        "grouped_by": {"subject": subject, "what": fold_what(first["what"]), "unit": unit,
                       "when": when["value"] if when else None, "where": where},
        "figures": [{
            "doc": r["doc"], "claim": r.get("claim"), "who": source_name(r), "figure": r["figure"]["text"],
            "subject": r["subject"]["text"] if r.get("subject") else None, "what": r["what"],
            "low": r["figure"]["low"], "high": r["figure"]["high"], "mod": r["figure"]["mod"],
            "allows": allows(r["figure"]), "start": r["figure"]["start"], "end": r["figure"]["end"], "sentence": r["sentence"],
        } for r in members],
        "doc": first["doc"],
    }
