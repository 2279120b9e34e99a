"""Figures: numbers with their qualifier, scale, currency, range, unit and kind.

Hand-written, because no library reads news figures with exact offsets:
quantulum3 and CQE lose the qualifier/offset detail or need a server. The
scanner is a single linear regular expression over the raw text (offsets are
never shifted); spaCy's parse and entities then decide what is a figure and
what it counts. Word lists live in ``factx/data``.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .lexicon import CUE_VERBS, INDEX_NAME, MEASURES, MONTHS, TIME_UNITS, is_known_place
from .numbers import DENOMINATORS, SCALES, SHORT_SCALES, TENS_WORDS, UNIT_WORDS, parse_number, scale_factor, tidy
from .resources import alternation, load
from .spans import MODIFIER_CLIMB, SUBJECT_CLIMB, entities_in, lemma, planned_windows, text_of, verb_above

_CURRENCIES = load("currencies")
_QUALIFIERS = load("qualifiers")
_UNITS = load("units")
_CUES = load("cues")
# A unit of measure written after the number ('300 Hz', '1520 sq m', 'minus-130 degrees Fahrenheit').
_MEASURE_AFTER_RE = re.compile(r"(?:[^\S\r\n]+)(?P<unit>" + alternation(MEASURES) + r")(?![A-Za-z0-9])")
CHANGE_VERBS = frozenset(_CUES["change_verbs"])

WS = r"[^\S\r\n]"
MAX_DIGITS = 15
# What follows a number that makes it a duration or an age: ' years', '-year', '-year-old', ' year-old'.
_TIME_AFTER_RE = re.compile(rf"(?:{WS}+|-)(?P<unit>{'|'.join(sorted(TIME_UNITS, key=len, reverse=True))})"
                            rf"(?P<old>-old|{WS}+old)?(?![A-Za-z])", re.IGNORECASE)
_UNITS_RE = "|".join(UNIT_WORDS[1:])
_TENS_RE = "|".join(TENS_WORDS)
_ONES_RE = "one|two|three|four|five|six|seven|eight|nine"
_WORD_CARDINAL = (
    rf"(?:(?:{_TENS_RE})(?:-(?:{_ONES_RE}))?|{_UNITS_RE})"
    rf"(?:{WS}hundred(?:{WS}(?:and{WS})?(?:(?:{_TENS_RE})(?:-(?:{_ONES_RE}))?|{_UNITS_RE}))?)?"
)
_DENOMS_RE = "|".join(sorted(DENOMINATORS, key=len, reverse=True))
_FRACTION = (rf"(?:(?:{_UNITS_RE}|one)-(?:{_DENOMS_RE})|(?:a|one){WS}(?:half|third|quarter)(?={WS}of\b)"
             rf"|(?:{_UNITS_RE}|one){WS}(?:{_DENOMS_RE})(?={WS}of\b)"  # 'one fourth of', 'two thirds of'
             rf"|half(?={WS}(?:of|the(?!{WS}+time\b)|a{WS}percent)\b))")  # 'half of voters', 'Half the condos'
# ('half the time' is an idiom)
_DOZEN = rf"(?:half{WS}a{WS}dozen|half-a-dozen|a{WS}dozen|dozen)(?!s)"
# Possessive groups and the look-behind keep the scan linear on endless digit runs ("1,000,000,...").
_DIGITS = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})++(?:\.\d+)?+(?![\d,]\d)|\d++(?:\.\d+)?+|\.\d++)"
# 'hundred million', 'hundred thousand' first: a scale word may be followed by a bigger one
_LONG_SCALE = rf"hundred{WS}+(?:thousand|million|billion|trillion)|thousand{WS}+(?:million|billion)|" + "|".join(SCALES)
_SHORT_SCALE = "|".join(sorted(SHORT_SCALES, key=len, reverse=True))
_PERCENT = rf"(?:{WS}?%|{WS}+(?i:per{WS}?cent(?:age{WS}+points?)?|percentage{WS}+points?|pct)\b|-(?i:percentage-)?points?\b|pc(?![A-Za-z]))"
_CURRENCY_PREFIX = alternation(list(_CURRENCIES["prefix"]) + list(_CURRENCIES["context"]))
_CURRENCY_WORD = alternation(list(_CURRENCIES["word"]) + list(_CURRENCIES["minor"]))
_ATTACHED = alternation(_UNITS["attached"])

FIGURE_RE = re.compile(
    rf"""
    (?P<tilde>~{WS}?)?
    (?P<sign>[-\u2212](?=[$£€¥\d])|(?i:minus)(?:-|{WS})(?=\d))?
    (?:(?P<cur>{_CURRENCY_PREFIX}){WS}?)?
    (?P<num>{_DIGITS}|(?i:{_FRACTION}|{_DOZEN}|{_WORD_CARDINAL}))
    (?:
        (?:{WS}|-)?(?P<scale>(?i:{_LONG_SCALE}))(?![a-z])
      | (?:{WS}(?=(?:bn|mn|mln|mil|tn|trn)\b))?(?P<short>{_SHORT_SCALE})(?![A-Za-z0-9])
    )?
    (?P<suffix>
        {_PERCENT}
      | {WS}+(?P<curword>{_CURRENCY_WORD})\b
      | {WS}+(?P<times>times)\b
      | (?P<attached>{_ATTACHED})(?![A-Za-z])
      | (?P<pence>p)(?![A-Za-z])
    )?
    """,
    re.VERBOSE,
)
QUALIFIER_RE = re.compile(
    r"(?:(?<=[^\w])|^)(?P<q>"
    + alternation([q for qs in _QUALIFIERS.values() for q in qs if q != "~"])
    + rf"){WS}+\Z",
    re.IGNORECASE,
)
_QUALIFIER_MOD = {q.lower(): mod for mod, qs in _QUALIFIERS.items() for q in qs}
# Page furniture; a pasted web page's clutter is kept under the reason it is no figure (data/furniture.json)
WEB_PAGE_CLUTTER = {reason: re.compile(p) for reason, p in load("furniture")["web_page"].items()}
FURNITURE_RE = [re.compile(p) for p in load("furniture")["patterns"]] + list(WEB_PAGE_CLUTTER.values())
_BETWEEN_RE = re.compile(rf"(?:(?<=[^\w])|^)(?P<w>between|from){WS}+\Z", re.IGNORECASE)
_CONNECTOR_RE = re.compile(rf"{WS}*(?:-|\u2013|\u2014|to|or|and|out{WS}+of|in){WS}*\Z|{WS}*(?:-|\u2013){WS}*\Z", re.IGNORECASE)
_YEAR_RE = re.compile(r"1[5-9]\d\d|20\d\d|2100")
_MONTH_BEFORE_RE = re.compile(rf"\b(?:{'|'.join(MONTHS)})\.?,?{WS}+\Z", re.IGNORECASE)
_MONTH_AFTER_RE = re.compile(rf"\A(?:st|nd|rd|th)?,?{WS}+(?:of{WS}+)?(?:{'|'.join(MONTHS)})\b", re.IGNORECASE)
_NAME_LABELS = {"ORG", "PRODUCT", "FAC", "WORK_OF_ART", "LAW", "EVENT"}
_COUNT_NOUN_POS = {"NOUN", "PROPN"}


@dataclass
class Figure:
    """One figure mention, before attribution: offsets into the document text."""

    start: int
    end: int
    low: float | int | None
    high: float | int | None
    is_range: bool = False
    mod: str | None = None
    unit: str | None = None
    kind: str = "other"
    currency: str | None = None
    bare: bool = True
    num_start: int = 0
    num_end: int = 0
    first_end: int = 0
    scaled: bool = False  # written with a scale word ('15 million'): never a date
    vague: bool = False  # a magnitude in words ('tens of thousands'): a range, approx
    tokens: list = field(default_factory=list, repr=False)
    noun: Token | None = field(default=None, repr=False)  # the counted or measured noun, when there is one

    @property
    def value(self):
        return None if self.is_range else self.low


@dataclass
class _Raw:
    """A scanner match before ranges are merged and context is read."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    scale: int
    has_scale: bool
    currency: str | None
    percent: str | None
    attached: str | None
    word: bool
    text: str


# 'sub-300 sq m', 'sub-7 nanometer': less than the number
_SUB_BEFORE_RE = re.compile(r"(?<![A-Za-z])[Ss]ub-\Z")


def _after_sub(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows 'sub-'."""
    return _SUB_BEFORE_RE.search(text, max(0, start - 5), start) is not None

# A word of letters and digits ending right before a hyphen: the name of a model ('A320' of 'A320-200').
_MODEL_BEFORE_RE = re.compile(r"(?<![\w.,])(?=\w*[A-Za-z])(?=\w*\d)\w+\Z")


# 'plus or minus 3.4 points', '+/-3 points', '±3': a margin, not a negative figure
_MARGIN_BEFORE_RE = re.compile(rf"(?:\bplus{WS}+or{WS}+|\+{WS}*/{WS}*|\u00b1{WS}*)\Z", re.IGNORECASE)


_RATIO_AFTER_RE = re.compile(rf"{WS}+(?:in|out{WS}+of){WS}+", re.IGNORECASE)


def _not_a_sign(text: str, start: int) -> bool:
    """Whether the minus at ``start`` joins, not negates: a margin ('plus or minus 3.4', '+/-3') or the second
    figure of a split written with a dash right after the first ('a 62%-32% divide', '49-41')."""
    return bool(_MARGIN_BEFORE_RE.search(text, max(0, start - 12), start)) or start > 0 and text[start - 1] in "%"


def _scan(text: str, masked: "_Mask", lo: int = 0, hi: int | None = None) -> list[_Raw]:
    """Figure candidates between characters ``lo`` and ``hi``."""
    raws = []
    for m in FIGURE_RE.finditer(text, lo, len(text) if hi is None else hi):
        num_start, num_end = m.span("num")
        start, end = m.start(), m.end()
        if not m.group("num") or masked.overlaps(num_start, num_end):
            continue
        if m.group("sign") and start > 0 and text[start - 1].isalnum():
            start += 1
        if not _stands_alone(text, start, end):
            continue
        nxt = text[end] if end < len(text) else " "
        nxt2 = text[end + 1] if end + 1 < len(text) else " "
        word = not m.group("num")[0].isdecimal() and m.group("num")[0] != "."
        hyphen_measure = None
        percent_suffix = bool(m.group("suffix")) and not (
            m.group("curword") or m.group("times") or m.group("attached") or m.group("pence"))
        if nxt == "-" and nxt2.isalpha() and not percent_suffix:  # '43.4 percent-owned' stays a percent
            unit = _hyphen_unit(text, end)
            if unit is None:
                continue
            if unit in MEASURES.values():
                hyphen_measure = unit  # '185-hp', '130-foot'
        if sum(ch.isdecimal() for ch in m.group("num")) > MAX_DIGITS:
            continue  # an identifier or a run of digits, not a quantity
        value = parse_number(m.group("num"))
        if value is None:
            continue
        short = m.group("short")
        money = _money_of(m, text)
        if money is None:
            continue
        currency, minor = money
        attached = m.group("attached") or hyphen_measure
        if currency and m.group("attached"):
            continue  # '$5m2': a sign and a unit of measure at once, a typo or a code, not a figure
        if short == "m" and not currency and not m.group("suffix") and _MILLION_NOUN.match(text, m.end("short")):
            pass  # '1.2m tons', '3m people': million
        elif short == "mil" and not currency:
            short, end = None, m.end("num")  # 'mil' is a million only as money ('RM5 mil'): '6 mil thick' stays 6
        elif short and not currency and short in ("m", "b", "B"):
            if short == "m" and not m.group("suffix"):
                attached, short = "m", None
                end = m.end("short")
            else:
                continue
        scale_word = m.group("scale") or short
        scale = scale_factor(scale_word)
        sign = -1 if m.group("sign") and start == m.start() and not _not_a_sign(text, start) else 1
        percent = None
        suffix = m.group("suffix") or ""
        if m.group("times"):
            attached = "times"
        elif suffix and not m.group("curword") and not attached and not m.group("pence"):
            low = suffix.lower()
            percent = "percentage points" if "point" in low and ("percent" in low or not low.startswith("-")) else (
                "points" if "point" in low else "%")
        if minor is not None:
            value = round(value * minor[1], 10)
        raws.append(_Raw(start, end, num_start, num_end, sign * value * scale, scale, bool(scale_word), currency,
                         percent, attached, word, text[start:end]))
    return raws


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` is not part of a bigger number or of a name ('A380', 'F-16',
    'COVID-19', a model's variant 'A320-200')."""
    prev = text[start - 1] if start > 0 else " "
    prev2 = text[start - 2] if start > 1 else " "
    nxt = text[end] if end < len(text) else " "
    nxt2 = text[end + 1] if end + 1 < len(text) else " "
    if prev.isalnum() or prev in "._" or (prev == "," and prev2.isdecimal()) or (
            prev == "-" and prev2.isalpha() and not _after_sub(text, start)):
        return False
    if prev == "-" and prev2.isdecimal() and _MODEL_BEFORE_RE.search(text, max(0, start - 24), start - 1):
        return False  # a range's bound has digits only: '1,000-3,000'
    return not (nxt.isalnum() or nxt == "_" or (nxt in ".,:/" and nxt2.isdecimal()))


def _money_of(m: re.Match, text: str) -> tuple[str | None, tuple | None] | None:
    """The currency of a figure match and its minor unit ('17 cents': a hundredth of the currency), or None
    when the sign makes it no figure ('PS5' is a console; 'R18' where no country of the rand is named)."""
    currency = None
    if m.group("cur") == "PS" and not (m.group("scale") or m.group("short") or len(
            re.sub(r"\D", "", m.group("num"))) >= 3 or "." in m.group("num")):
        return None  # 'PS2.7m' and 'PS21,700' are pounds written in ASCII
    if m.group("cur") in _CURRENCY_TABLES["context"]:
        currency = _shared_currency(m.group("cur"), text, "context")
        if currency is None:
            return None
    elif m.group("cur"):
        currency = _CURRENCIES["prefix"].get(m.group("cur"))
    elif m.group("curword"):
        currency = _currency_word(m.group("curword"), text)
    minor_word = "pence" if m.group("pence") else re.sub(r"\s+", " ", m.group("curword") or "")
    minor = _CURRENCIES["minor"].get(minor_word)
    if minor is not None:
        currency = minor[0]
    return currency, minor


# After '1.2m': a plural noun or a unit of measure makes the 'm' a million, not metres ('1.2m tons', '3m people').
_MILLION_NOUN = re.compile(r"[^\S\r\n]+(?:(?!(?:is|was|has|its|this|thus|plus|as|us|yes)\b)[a-z]{2,}s\b|tonnes\b|"
                           r"barrels\b|euros\b|dollars\b|pounds\b|people\b|children\b|men\b|women\b|of\b)")


def _hyphen_unit(text: str, end: int) -> str | None:
    """'130-foot' / '7.5-point' / '30-year': the unit after a hyphen, when it is one."""
    m = re.match(r"-([A-Za-z]+)", text[end:end + 20])
    if m and m.group(1) in MEASURES and m.group(1) not in ("m", "t", "g", "l"):
        return MEASURES[m.group(1)]
    if m and m.group(1).lower() in TIME_UNITS:
        return TIME_UNITS[m.group(1).lower()]
    return None


def measure_after(text: str, fig: "Figure") -> str | None:
    """The unit of measure written after the figure ('300 Hz' -> hertz, '1520 sq m' -> square metres), or None."""
    m = _MEASURE_AFTER_RE.match(text, fig.end, fig.end + 24)
    return MEASURES[re.sub(r"\s+", " ", m.group("unit"))] if m else None


def time_unit_after(text: str, fig: "Figure") -> tuple[str, bool] | None:
    """(unit, is an age) when the figure is a duration or an age: '12 years', 'a 30-year mortgage',
    'a 45-year-old man', '15 year-old students'; None otherwise."""
    return time_unit_at(text, fig.end)


def time_unit_at(text: str, end: int) -> tuple[str, bool] | None:
    """(unit, is an age) when a unit of time follows offset ``end``."""
    m = _TIME_AFTER_RE.match(text, end, end + 24)
    if m is None or m.group("unit").lower() == "second" and text[end] != "-":
        return None  # 'the Oct. 9 second debate': an ordinal, not a unit
    return TIME_UNITS[m.group("unit").lower()], bool(m.group("old"))


def _currency_word(word: str, text: str) -> str | None:
    """The ISO code of a currency word; a word several currencies share ('crowns') takes the country
    the article names first ('Swedish', 'Norway'), else the first code listed for it."""
    key = re.sub(r"\s+", " ", word)
    words = _CURRENCIES["word"]
    code = words.get(key) or words.get(key.lower())
    if code is not None:
        return code
    return _shared_currency(key.lower(), text)


_CURRENCY_TABLES = {"shared": _CURRENCIES["shared"], "context": _CURRENCIES["context"]}


@functools.lru_cache(maxsize=8)
def _shared_currency(word: str, text: str, table: str = "shared") -> str | None:
    """The code whose country words the text names first. From 'shared' (a word several currencies share) the
    first code listed when the text names none; from 'context' (a sign that is a currency only where its
    country is named) None then. Cached per text (a string keeps its hash), so a document full of 'crowns'
    is read once, not once each."""
    shared = _CURRENCY_TABLES[table].get(word)
    if not shared:
        return None
    found = [(m.start(), code) for code, names in shared.items()
             for m in [re.search(r"\b(?:" + "|".join(names) + r")\b", text)] if m]
    return min(found)[1] if found else (next(iter(shared)) if table == "shared" else None)


class _Mask:
    """Character spans that hold no figure, for fast overlap tests (sorted, merged, bisected)."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start


def furniture_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of page furniture, identifiers, clock times and links: never figures."""
    end = len(text) if end is None else end
    spans = []
    for pattern in FURNITURE_RE:
        spans.extend(m.span() for m in pattern.finditer(text, start, end))
    return spans


def scan_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Where figures can be: the parsed windows when the doc was parsed selectively, else everywhere."""
    windows = planned_windows(doc)
    return [(0, len(text_of(doc)))] if windows is None else windows


def find_figures(doc: Doc) -> list[Figure]:
    """Every figure of the document, ordered by offset. The steps, in order: scan the raw text, merge ranges,
    mark durations and ages, add vague magnitudes and multiples, rule out what is no figure (and what a name
    verdict covers), read each figure's qualifier and unit, then the passes over the whole document that
    ``DOCUMENT_PASSES`` lists in their order."""
    text = text_of(doc)
    raws = []
    for start, end in scan_ranges(doc):
        raws.extend(_scan(text, _Mask(furniture_spans(text, start, end)), start, end))
    figures = _merge_ranges(doc, raws)
    for fig in figures:
        _mark_time(doc, text, fig)
    vague = [fig for start, end in scan_ranges(doc) for fig in vague_magnitudes(text, start, end)]
    vague += [fig for start, end in scan_ranges(doc) for fig in multiples(text, start, end)]
    if vague:
        taken = _Mask([(f.start, f.end) for f in figures])
        figures = sorted(figures + [v for v in vague if not taken.overlaps(v.start, v.end)], key=lambda f: f.start)
    verdicts = [None if fig.vague else _exclusion(doc, fig) for fig in figures]
    name_numbers = {_core_text(text, f) for f, v in zip(figures, verdicts) if v == "name"}
    kept = [f for f, v in zip(figures, verdicts)
            if v is None and not (f.bare and not f.is_range and _core_text(text, f) in name_numbers
                                  and not _counts_a_noun(doc, f))]
    for fig in kept:
        _apply_qualifier(text, fig)
        _read_context(doc, fig)
    for document_pass in DOCUMENT_PASSES:
        document_pass(text, kept)
    return kept


_PREPOSITION_BEFORE = re.compile(rf"\b(?:for|in|within|after|over|than|of|about|nearly|almost|just|only|least|"
                                 rf"to|last|past|first|next){WS}+\Z", re.IGNORECASE)
_AGED_BEFORE = re.compile(rf"\b(?:aged?|ages){WS}+\Z", re.IGNORECASE)


# Magnitudes written as words (RECORDS.md: ranges with mod approx): 'tens of thousands' is 10,000 to 100,000.
_MAGNITUDES: dict[str, int] = load("numbers")["magnitude_words"]
VAGUE_RE = re.compile(rf"\b(?:(?P<times>tens|hundreds){WS}+of{WS}+)?(?P<mag>dozens|hundreds|thousands|millions|"
                      rf"billions|trillions)\b(?!{WS}+(?:and|or){WS}+(?:hundreds|thousands))", re.IGNORECASE)


# 'sixfold', 'a 10-fold increase': a multiple, like '2.6 times'
FOLD_RE = re.compile(rf"\b(?P<num>two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|thousand"
                     rf"|\d+(?:\.\d+)?)(?:-|{WS})?fold\b", re.IGNORECASE)


_COPULA_BEFORE_RE = re.compile(r"\b(?:is|was|are|were|be)\s+\Z", re.IGNORECASE)


def multiples(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """'grew more than sixfold', 'a 10-fold rise': a figure of unit 'times' (kind other), as '2.6 times' is."""
    out = []
    for m in FOLD_RE.finditer(text, start, len(text) if end is None else end):
        value = parse_number(m.group("num"))
        if value is None or value < 2 or text[m.end():m.end() + 2].lstrip().startswith(":") \
                or _COPULA_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()):
            continue  # 'The effect was twofold: ...': of two parts, not twice as much
        word = not m.group("num")[0].isdecimal()
        out.append(Figure(m.start(), m.end(), tidy(value), tidy(value), unit="times", kind="other", bare=False,
                          num_start=m.start("num"), num_end=m.end("num"), first_end=m.end(),
                          scaled=not word))  # '10-fold' is never a date, as a figure with a scale word
    return out


def vague_magnitudes(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """'thousands', 'tens of thousands', 'hundreds of millions', 'dozens': ranges with mod approx, from the
    magnitude up to ten times it ('dozens': 12 to 120)."""
    out = []
    for m in VAGUE_RE.finditer(text, start, len(text) if end is None else end):
        unit = _MAGNITUDES[m.group("mag").lower()]
        times = {"tens": 10, "hundreds": 100}.get((m.group("times") or "").lower(), 1)
        low, high = unit * times, unit * times * 10
        out.append(Figure(m.start(), m.end(), low, high, is_range=True, mod="approx", bare=False,
                          num_start=m.start(), num_end=m.end(), first_end=m.end(), scaled=True, vague=True))
    return out


def _mark_time(doc: Doc, text: str, fig: Figure) -> None:
    """A number followed by a unit of time is a duration ('for 12 years', 'a 30-year mortgage') or, with
    'old', an age ('a 45-year-old man'); 'aged 45' and a person's 'Smith, 45,' are ages too: the contract's
    kinds, unit the plural of the time unit."""
    if fig.currency or fig.kind == "percent" or fig.scaled:
        return
    found = time_unit_after(text, fig)
    if found is not None and text[fig.num_start:fig.num_end].lower() == "one" and not _PREPOSITION_BEFORE.search(
            text, max(0, fig.start - 12), fig.start):
        return  # 'One day he left': an idiom; 'for one year' is a duration
    if found is not None:
        fig.unit, age = found
        fig.kind = "age" if age else "duration"
    elif fig.bare and fig.low is not None and 0 < fig.low <= 120 and fig.high <= 120 and fig.low == int(fig.low) \
            and (_AGED_BEFORE.search(text, max(0, fig.start - 8), fig.start)
                 or not fig.is_range and _after_a_name(doc, fig)):
        fig.unit, fig.kind = "years", "age"  # 'aged 18 to 34' too


def _after_a_name(doc: Doc, fig: Figure) -> bool:
    """'Mason Haliburton, 8, of Omaha': a number set off by commas right after a person's name (not in
    parentheses: 'Dak Prescott (4)' is a shirt number)."""
    text = text_of(doc)
    if not re.match(r",", text[fig.end:fig.end + 1]) or not re.search(r",\s*\Z", text[max(0, fig.start - 3):fig.start]):
        return False
    span = _span_tokens(doc, fig.start, fig.end)
    if span is None or span.start < 2:
        return False
    name = doc[span.start - 2]
    if doc[span.start - 1].text != ",":
        return False
    if name.ent_type_ == "PERSON":
        return True
    # 'Maddon, 66, has used ...': a surname the model took for a place, with the number in apposition
    return name.pos_ == "PROPN" and span[-1].dep_ == "appos" and name.ent_type_ in ("GPE", "ORG", "") \
        and not is_known_place(name.text)


def _counts_a_noun(doc: Doc, fig: Figure) -> bool:
    """'12 officers were hurt': the number modifies a plural common noun, so it counts ('the 787 program' names
    a model); a name verdict given to the same number elsewhere ('12 Police Officers Were Hurt', 'the iPhone 12') does not reach it."""
    span = _span_tokens(doc, fig.num_start, fig.num_end)
    if span is None:
        return False
    last = span[-1]
    noun = last.head
    if span.start > 0 and last.doc[span.start - 1].lower_ == "the" and re.fullmatch(r"[1-9]\d\d", last.text):
        return False  # 'the seats the 787 offers': a model number, however the verb after it is tagged
    return last.dep_ == "nummod" and noun.i > last.i and noun.tag_ == "NNS" and noun.text.islower() \
        and not any(t.pos_ == "DET" or t.is_punct for t in last.doc[last.i + 1:noun.i])  # '6 A probe was ...': a counter


def _core_text(text: str, fig: Figure) -> str:
    return text[fig.num_start:fig.num_end]


def _is_bare(raw: _Raw) -> bool:
    return not (raw.currency or raw.percent or raw.attached or raw.has_scale)


def _span_tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


# 'one' before a noun counts it ('one man was killed', 'one solution'); these nouns make idioms instead.
_COUNTED_ONE_RE = re.compile(r"\b[Oo]ne[^\S\r\n]+(?!(?:of|another|day|time|point|way|thing|hand|side|more|or|and|"
                            r"in|on|at|to|by|who|that|which|is|was|has|had|would|will|can|could|should|must|"
                            r"might|may|does|did|says|said)\b)[a-z]{3,}\b")


_NOT_A_FIGURE_ALONE = {"one", "a", "an"}


def may_hold_figure(text: str, start: int, end: int) -> bool:
    """The planner's cheap test of a sentence, on the raw text: can it hold a figure?"""
    if VAGUE_RE.search(text, start, end) or FOLD_RE.search(text, start, end):
        return True
    for m in FIGURE_RE.finditer(text, start, end):
        word = m.group(0).strip().lower()
        alone = word in _NOT_A_FIGURE_ALONE and not (word == "one" and one_may_count(text, m.start(), m.end()))
        if not alone and sum(map(str.isdecimal, m.group(0))) <= MAX_DIGITS:
            return True
    return False


def one_may_count(text: str, start: int, end: int) -> bool:
    """Whether the 'one' at ``start:end`` may be a figure ('for one year', 'one man'): the planner's cheap test,
    before the parse decides (``_counts_one``, ``_mark_time``)."""
    return bool(time_unit_at(text, end) or _COUNTED_ONE_RE.match(text, start))


def _counts_one(doc: Doc, fig: Figure) -> bool:
    """'one man was killed', 'one solution': 'one' modifies the noun after it, which is no idiom ('one day',
    'at one point') and no 'one of'. A pronoun 'one' stays out, as the record contract says."""
    text = text_of(doc)
    if not _COUNTED_ONE_RE.match(text, fig.num_start):
        return False
    span = _span_tokens(doc, fig.num_start, fig.num_end)
    if span is None or span.end >= len(doc):
        return False
    one, noun = span[-1], doc[span.end]
    if not (one.dep_ == "nummod" and one.head.i == noun.i and noun.pos_ == "NOUN"):
        return False
    # 'one official said', 'according to one report': 'one' picks out a source, it counts nothing
    reports = noun.dep_ in ("nsubj", "nsubjpass") and lemma(noun.head) in CUE_VERBS
    according = noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.lower_ == "according"
    return not (reports or according)


def _exclusion(doc: Doc, fig: Figure) -> str | None:
    """Why a scanned figure is not one ('date', 'name', ...), or None when it is one."""
    text = text_of(doc)
    core = text[fig.num_start:fig.num_end] if not fig.is_range else text[fig.num_start:fig.first_end]
    word = not core[:1].isdecimal() and core[:1] != "."
    timed = fig.kind in ("duration", "age")
    ratio = fig.end > fig.num_end and _RATIO_AFTER_RE.match(text, fig.num_end)  # 'one in five', 'one out of 10'
    if fig.bare and word and core.lower() in ("a", "an") or core.lower() == "one" and fig.bare and not timed \
            and not ratio and not _counts_one(doc, fig):
        return "pronoun"
    measured = measure_after(text, fig) is not None
    if fig.bare and not word and _YEAR_RE.fullmatch(core) and not timed and not measured \
            and not _counts_like_a_year(doc, fig):
        return "year"
    if not word and fig.kind not in ("money", "percent"):
        if _MONTH_BEFORE_RE.search(text[max(0, fig.num_start - 12):fig.num_start]) or _MONTH_AFTER_RE.match(
                text[fig.num_end:fig.num_end + 16]):
            return "date"
    if timed:
        return None  # '12 years', 'a 45-year-old': a duration or an age, whatever the model tagged it
    span = _span_tokens(doc, fig.num_start, fig.num_end)
    if span is None:
        return None
    if fig.kind not in ("money", "percent", "measure") and not measured and not fig.scaled \
            and not _NEVER_A_DATE.fullmatch(core) and not (_YEAR_RE.fullmatch(core) and _counts_like_a_year(doc, fig)):
        for ent in entities_in(doc, max(0, span.start - 12), span.end + 12):
            if ent.label_ in ("DATE", "TIME") and ent.start_char < fig.num_end and fig.num_start < ent.end_char:
                if not _counts_noun_outside(span, ent) and not _leads_time_phrase(span, ent):
                    return "date"
    if fig.bare and not fig.is_range and not measured:
        first, last = span[0], span[-1]
        prev = doc[first.i - 1] if first.i > 0 else None
        if prev is not None and prev.is_alpha and prev.text[:1].islower() and any(c.isupper() for c in prev.text[1:]):
            return "name"  # 'iPhone 14', 'eBay 2': a product or brand with its number
        if prev is not None and prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.tag_ != "POS" \
                and prev.ent_type_ not in ("GPE", "NORP", "DATE") and not prev.is_sent_start:
            return "name"
        if prev is not None and prev.lower_ in _ORDINAL_NOUNS and not (last.dep_ == "nummod" and last.head.i > last.i):
            return "ordinal"  # 'game seven', 'round two', 'stage 3': which one, not how many (unlike a name,
            # it says nothing of the same number elsewhere: 'played seven games')
        if prev is not None and prev.lower_ == "the" and re.fullmatch(r"[1-9]\d\d", core) \
                and last.dep_ not in ("nummod", "quantmod"):
            return "name"  # 'than the 787.', 'The 747 took off': a model number used as a noun
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        after = doc[last.i + 2] if last.i + 2 < len(doc) else None
        counts_after = last.dep_ == "nummod" and last.head.pos_ == "NOUN" and last.head.text[:1].islower() \
            and nxt is not None and last.head.i > nxt.i  # '63000 Model 3 sedans': it counts the sedans
        if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and "." not in core \
                and nxt.ent_type_ not in ("NORP", "GPE", "LOC", "PERSON") and not counts_after \
                and not (after is not None and after.pos_ == "NOUN" and after.text[:1].islower()):
            return "name"
        for tok in span:
            if tok.ent_type_ in _NAME_LABELS and _entity_has_words(tok):
                return "name"
    return None


# 'Of 2,140 ballots, 1372 went ...': a part of a counted whole just named
_PARTITIVE_BEFORE_RE = re.compile(rf"\b[Oo]f{WS}+[\d,.]+{WS}+[a-z]+,{WS}*\Z")
# Words before a number that make it a year: 'in 1998', 'since 2004', 'the 2020 elections', 'AD 1500'
_YEAR_CONTEXT_BEFORE = frozenset(load("words")["year_context_before"])


def _counts_like_a_year(doc: Doc, fig: Figure) -> bool:
    """Whether a number in the year range (1500-2100) is a count: it counts the plural noun after it ('1500
    people were counted', 'has 1800 members') with no year's word before it, or it is a part of the whole the
    sentence just counted ('Of 2,140 ballots, 1372 went to the mayor')."""
    text = text_of(doc)
    if _PARTITIVE_BEFORE_RE.search(text, max(0, fig.num_start - 40), fig.num_start):
        return True
    span = _span_tokens(doc, fig.num_start, fig.num_end)
    if span is None:
        return False
    last = span[-1]
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and (prev.lower_ in _YEAR_CONTEXT_BEFORE or prev.tag_ == "POS"):
        return False
    noun = last.head
    return last.dep_ == "nummod" and noun.i == last.i + 1 and noun.tag_ == "NNS" and noun.text.islower() \
        and noun.lower_ not in TIME_UNITS


def _leads_time_phrase(span: Span, ent: Span) -> bool:
    """'from 800 a day earlier': the model put a figure in front of a time phrase that begins with an
    article; the number is the figure, the phrase after it the time."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    return span.start == ent.start and nxt is not None and nxt.i < ent.end and nxt.lower_ in _TIME_PHRASE_OPENERS


_TIME_PHRASE_OPENERS = frozenset(load("words")["time_phrase_openers"])
# '11,188.23', '2,500': a number grouped in thousands, or with two or more decimals, is no calendar date.
# Never a date, whatever the model tagged: thousands separators, two decimals, five or more digits, or four
# that cannot be a year ('fell 0.4 per cent to 13176', 'down 0.1 per cent at 5884')
# Nouns a number after them names one of a series ('game seven', 'round two', 'chapter 11')
_ORDINAL_NOUNS = frozenset(load("words")["series_nouns"])
_NEVER_A_DATE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d{2,}|\d{5,}(?:\.\d+)?|[3-9]\d{3}(?:\.\d+)?")


def _counts_noun_outside(span: Span, ent: Span) -> bool:
    """True when a number inside a DATE entity still counts a noun that is no time unit."""
    head = span[-1].head
    return head.pos_ == "NOUN" and not (ent.start <= head.i < ent.end)


def _entity_has_words(tok: Token) -> bool:
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    ent_tokens = doc[start:end]
    return any(t.is_alpha and t.text[:1].isupper() and not t.like_num and t.lower_ not in MONTHS for t in ent_tokens)


def _bounds_one_noun(doc: Doc, a: _Raw, b: _Raw) -> bool:
    """'25,000 to 30,000 positions should be cut': the first number modifies the second, which counts the
    noun after it; a range, even under a change verb (unlike 'rose 15,000 to 444,000')."""
    first, second = _span_tokens(doc, a.num_start, a.num_end), _span_tokens(doc, b.num_start, b.num_end)
    if first is None or second is None:
        return False
    return first[-1].dep_ == "quantmod" and first[-1].head.i in {t.i for t in second} \
        and second[-1].head.pos_ == "NOUN" and second[-1].head.i > second[-1].i


def _change_governed(doc: Doc, start: int) -> bool:
    """True when a change verb ('increase', 'fell') governs the figure starting at ``start``."""
    span = _span_tokens(doc, start, start + 1)
    if span is None:
        return False
    tok = span[0]
    for _ in range(MODIFIER_CLIMB):
        if lemma(tok) in CHANGE_VERBS:
            return True
        if tok.head.i == tok.i:
            break
        tok = tok.head
    sent = span[0].sent
    return any(lemma(t) in CHANGE_VERBS and t.pos_ == "VERB" and t.i < span[0].i for t in sent)


def _merge_ranges(doc: Doc, raws: list[_Raw]) -> list[Figure]:
    text = text_of(doc)
    figures: list[Figure] = []
    i = 0
    while i < len(raws):
        a = raws[i]
        b = raws[i + 1] if i + 1 < len(raws) else None
        merged = None
        if b is not None:
            gap = text[a.end:b.start]
            if len(gap) <= 12 and _CONNECTOR_RE.fullmatch(gap):
                merged = _range(doc, a, b, gap)
        if merged == "score":
            i += 2
            continue
        if merged is not None:
            figures.append(merged)
            i += 2
            continue
        figures.append(_single(a))
        i += 1
    return figures


def _kind_and_unit(currency: str | None, percent: str | None, attached: str | None) -> tuple[str, str | None]:
    """A scanned figure's kind and unit from what the scanner found on it, the one place both are decided
    (a single figure's and a range's alike): a currency is money, '%' or percentage points a percent, points
    or an attached unit a measure, 'times' a multiple (kind other)."""
    unit = percent or (MEASURES.get(attached) if attached else None)
    if currency:
        return "money", unit
    if percent in ("%", "percentage points"):
        return "percent", unit
    if attached == "times":
        return "other", unit
    return ("measure" if attached or percent == "points" else "other"), unit


def _single(raw: _Raw) -> Figure:
    value = tidy(raw.value)
    kind, unit = _kind_and_unit(raw.currency, raw.percent, raw.attached)
    return Figure(raw.start, raw.end, value, value, currency=raw.currency, bare=_is_bare(raw),
                  num_start=raw.num_start, num_end=raw.num_end, scaled=raw.has_scale, unit=unit, kind=kind)


def _range(doc: Doc, a: _Raw, b: _Raw, gap: str) -> Figure | str | None:
    """Merge 'between A and B', 'A-B', 'A to B', 'A or B', 'from A to B', 'A out of B'."""
    text = text_of(doc)
    connector = gap.strip().lower()
    lead = _BETWEEN_RE.search(text[max(0, a.start - 10):a.start])
    lead_word = lead.group("w").lower() if lead else None
    if connector == "in" and not (2 <= b.value <= 1000 and float(b.value).is_integer() and 0 < a.value < b.value
                                  and not measure_after(text, _single(b)) and not time_unit_at(text, b.end)):
        return None  # 'four in 10' is a share; '3 in 2010', '5 in 10 minutes' are not
    if connector.startswith("out") or connector == "in":
        if _is_bare(a) and _is_bare(b) and b.value:
            fig = _single(a)
            fig.end = b.end
            fig.low = fig.high = tidy(round(a.value / b.value, 4))
            fig.kind = "other"
            return fig
        return None
    if connector == "and" and lead_word != "between":
        return None
    if connector in ("-", "\u2013") and _is_bare(a) and _is_bare(b) and a.value >= b.value:
        return "score"  # 'ended 2-2', 'won 3-1': a score, not a range
    if connector in ("to", "-", "\u2013", "\u2014") and _change_governed(doc, a.start) \
            and not _bounds_one_noun(doc, a, b):
        return None
    if not _is_bare(a) and _is_bare(b) and not b.word:
        return None  # 'gained 0.7 percent to 6,327.80': a change and a level; a range writes its unit last or twice
    if connector == "or" and not (_is_bare(a) and not b.currency and a.word == b.word):
        return None
    low_value, high_value = a.value, b.value
    if not a.has_scale and b.has_scale and low_value * b.scale <= high_value:
        low_value *= b.scale
    if low_value >= high_value:
        return "score" if connector in ("-", "\u2013") and _is_bare(a) and _is_bare(b) else None
    currency = a.currency or b.currency
    percent = a.percent or b.percent
    attached = a.attached or b.attached
    start = a.start - len(lead.group(0)) if lead_word in ("between", "from") and lead else a.start
    if lead_word == "from" and _change_governed(doc, a.start):
        return None
    kind, unit = _kind_and_unit(currency, percent, attached)
    return Figure(start, b.end, tidy(low_value), tidy(high_value), is_range=True, currency=currency,
                  bare=not (currency or percent or attached), num_start=a.num_start, num_end=b.num_end,
                  first_end=a.num_end, scaled=a.has_scale or b.has_scale, unit=unit, kind=kind)


def _apply_qualifier(text: str, fig: Figure) -> None:
    window = text[max(0, fig.start - 24):fig.start]
    m = QUALIFIER_RE.search(window)
    if text[fig.start] == "~":
        fig.mod = "approx"
    if _after_sub(text, fig.start):
        fig.mod = "less_than"  # 'sub-300 sq m office space'
        fig.start -= 4
    if m:
        phrase = re.sub(r"\s+", " ", m.group("q").lower())
        fig.mod = _QUALIFIER_MOD.get(phrase, fig.mod)
        fig.start -= len(m.group(0))


def _read_context(doc: Doc, fig: Figure) -> None:
    """Fill unit and kind from the words around the figure."""
    span = _span_tokens(doc, fig.start, fig.end)
    fig.tokens = list(span) if span is not None else []
    fig.noun = noun = counted_noun(doc, fig)
    if fig.currency:
        fig.unit, fig.kind = fig.currency, "money"
        return
    if fig.kind in ("duration", "age") or fig.unit:
        return
    unit = measure_after(text_of(doc), fig)
    if unit is not None:  # '300 Hz', '1520 sq m': the unit as written beats the parse's noun
        fig.unit, fig.kind = unit, "measure"
        return
    if noun is None:
        return
    code = _currency_word(noun.text, text_of(doc)) if fig.vague else None
    if code is not None:  # 'hundreds of millions of dollars'
        fig.unit, fig.kind = code, "money"
        return
    noun = _attributive_noun(doc, fig, noun) or noun
    word = noun.text
    if word in MEASURES or word.lower() in MEASURES:
        fig.unit = MEASURES.get(word) or MEASURES[word.lower()]
        fig.kind = "other" if fig.unit == "times" else "measure"
    else:
        fig.unit = word
        fig.kind = "count"


def counted_noun(doc: Doc, fig: Figure) -> Token | None:
    """The noun the figure counts or measures: '4,000 North Korean soldiers' -> soldiers."""
    if not fig.tokens:
        return None
    inside = {t.i for t in fig.tokens}
    for tok in reversed(fig.tokens):
        head = tok.head
        if head.i not in inside and head.i > tok.i and head.pos_ in _COUNT_NOUN_POS and head.i - tok.i <= 6 \
                and not head.ent_type_ in ("DATE", "TIME") and head.text[:1].islower():
            return head
    last = fig.tokens[-1]
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is None or nxt.ent_type_ in ("DATE", "TIME"):
        return None
    if nxt.pos_ == "NOUN" or nxt.text in MEASURES or nxt.tag_ in ("NNS", "NNPS"):
        return nxt
    after = doc[nxt.i + 1] if nxt.i + 1 < len(doc) else None
    if nxt.tag_ in ("JJ", "VBN") and after is not None and after.tag_ == "NNS" and after.text[:1].islower():
        return after  # '149 confirmed orders' with the participle parsed as a verb
    if nxt.lower_ == "of":
        objects = [c for c in nxt.children if c.dep_ == "pobj" and c.pos_ == "NOUN" and c.i - nxt.i <= 4]
        return objects[0] if objects else None
    return None


def _attributive_noun(doc: Doc, fig: Figure, head: Token) -> Token | None:
    """'a 3 cylinder engine', 'the 12 page document': a number above one cannot count a singular noun; the
    singular noun between them, which English leaves unpluralised before another noun, is what it counts.
    ('300 store locations' counts locations: the head is plural; so is 'innings', whatever its tag.)"""
    if head.tag_ != "NN" or lemma(head) != head.lower_ or head.lower_.endswith("s"):
        return None
    if fig.is_range or fig.low is None or fig.low <= 1:
        return None
    nxt = doc[fig.tokens[-1].i + 1] if fig.tokens[-1].i + 1 < len(doc) else None
    if nxt is not None and nxt.tag_ == "NN" and nxt.dep_ == "compound" and nxt.head.i == head.i:
        return nxt
    return None


_COORDINATED = re.compile(rf"{WS}*(?:,{WS}*)?(?:and|or|,){WS}+\Z")


def _share_percent(text: str, figures: list[Figure]) -> None:
    """'rose 166.5 and 93.3% respectively': a bare number coordinated with a percentage is one too."""
    for fig, nxt in zip(figures, figures[1:]):
        if fig.bare and not fig.is_range and fig.kind != "percent" and nxt.kind == "percent" \
                and nxt.unit == "%" and nxt.start - fig.end <= 8 and _COORDINATED.match(text[fig.end:nxt.start]) \
                and not fig.scaled and fig.mod is None:
            fig.unit, fig.kind = "%", "percent"


_TO_NEXT = re.compile(rf"{WS}*(?:to|-|\u2013){WS}*\Z", re.IGNORECASE)


def _share_change_unit(text: str, figures: list[Figure]) -> None:
    """'from 13.5 to 14.0 mm', 'from 4.8 to 4.7 percent', '0 to 62 mph': a change or a span written with its
    unit once, after the second number (not merged into a range when a change verb governs it): the first
    number is in the same unit."""
    for fig, nxt in zip(figures, figures[1:]):
        if not (fig.bare and not fig.is_range and fig.unit is None and fig.kind == "other" and fig.mod is None
                and nxt.unit and nxt.kind in ("measure", "percent", "count") and not fig.scaled
                and _TO_NEXT.fullmatch(text[fig.end:nxt.start])):
            continue
        after_from = _BETWEEN_RE.search(text[max(0, fig.start - 10):fig.start])
        if nxt.kind == "count" and not (after_from and after_from.group("w").lower() == "from"):
            continue  # '5 to 10 people' merges as a range; a count shares its noun only in 'from A to B'
        fig.unit, fig.kind = nxt.unit, nxt.kind


# Verbs that say a figure was passed: 'topped 65 percent', 'sales will exceed 700'.
_PASSING_VERBS = frozenset(_CUES["passing_verbs"])


def _verb_qualifiers(text: str, figures: list[Figure]) -> None:
    for fig in figures:
        _verb_qualifier(fig)


def _verb_qualifier(fig: Figure) -> None:
    """A figure with no qualifier of its own that a passing verb takes as object is more_than it."""
    if fig.mod is not None or not fig.tokens:
        return
    head = fig.tokens[-1]
    if fig.noun is not None and head.head.i == fig.noun.i:
        head = fig.noun
    if head.dep_ == "dobj" and head.head.pos_ == "VERB" and lemma(head.head) in _PASSING_VERBS:
        fig.mod = "more_than"


def _fill_elided_units(text: str, figures: list[Figure]) -> None:
    """'4,000 soldiers, out of 12,000 deployed': the second figure counts soldiers too."""
    for i, fig in enumerate(figures):
        if fig.unit is not None or fig.kind != "other" or not fig.tokens or (
                fig.low is not None and 0 < abs(fig.low) < 1):
            continue
        sent = fig.tokens[0].sent
        for prev in reversed(figures[:i]):
            if not prev.tokens or prev.tokens[0].sent != sent:
                break
            if prev.unit and prev.kind in ("count", "measure"):
                fig.unit, fig.kind = prev.unit, prev.kind
                break


_CASUALTY_WORDS = frozenset(_UNITS["casualty_words"])


def _casualty_counts(text: str, figures: list[Figure]) -> None:
    """A toll is a count of people: 'Five dead after ...', 'At least 7 killed', 'The toll rose to 41'. A bare
    figure with no unit counts people when a casualty word follows it, governs it, or is its clause's subject."""
    for fig in figures:
        if fig.kind == "count" and fig.unit and fig.unit.lower() in _CASUALTY_WORDS and not fig.unit.endswith("s"):
            fig.unit = "people"  # 'Six Hurt As Storm Hits', 'five dead': the parse took the participle for the noun
            continue
        if fig.unit is not None or fig.kind != "other" or not fig.tokens or fig.vague or (
                fig.low is not None and 0 < abs(fig.low) < 1):
            continue
        last = fig.tokens[-1]
        doc = last.doc
        nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
        subject = _clause_subject(fig)
        words = [t for t in (nxt, last.head, subject) if t is not None]
        if any(t.lower_ in _CASUALTY_WORDS for t in words):
            fig.unit, fig.kind = "people", "count"


def _clause_subject(fig: Figure) -> Token | None:
    """The subject of the verb (or root) the figure hangs on, within five steps up; a participle with none of
    its own ('rose 2%, closing at 4,851') takes the subject of the verb it depends on."""
    tok = verb_above(fig.tokens[-1], SUBJECT_CLIMB)
    subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and tok.tag_ in ("VBG", "VBN") and tok.dep_ in ("advcl", "xcomp", "conj"):
        subject = next((c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject




def _index_points(text: str, figures: list[Figure]) -> None:
    """A figure with no unit, or a 'mark'/'level' for its noun, whose clause is about a stock index counts
    points of that index."""
    for fig in figures:
        if fig.kind not in ("other", "count") or not fig.tokens or fig.unit not in (None, "mark", "level", "levels"):
            continue
        subject = _clause_subject(fig)
        if subject is None or subject.left_edge.i <= fig.tokens[0].i <= subject.right_edge.i:
            continue  # 'Two of the major indices saw falls': the figure counts the indices
        if INDEX_NAME.search(subject.doc[subject.left_edge.i:subject.right_edge.i + 1].text):
            fig.unit, fig.kind = "points", "measure"


_NUMBER_NOUNS = frozenset(_UNITS["number_nouns"])


def _number_of(text: str, figures: list[Figure]) -> None:
    """'The number of people claiming benefits rose 15,000 to 444,000': a bare figure whose clause is about
    'the number of X' counts X."""
    for fig in figures:
        if fig.kind != "other" or fig.unit is not None or not fig.tokens or fig.is_range:
            continue
        subject = _clause_subject(fig)
        if subject is None or subject.lower_ not in _NUMBER_NOUNS:
            continue
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if counted is not None and counted.tag_ == "NNS" and counted.text[:1].islower():
            fig.unit, fig.kind = counted.text, "count"


@dataclass(frozen=True)
class FigureIndex:
    """Where a document's figures are, so that one figure's words are not read as another's."""

    spans: list[tuple[int, int]]  # in text order
    starts: list[int]
    tokens: frozenset[int]
    timed: frozenset[tuple[int, int]]  # durations and ages: they date other figures whole

    @classmethod
    def of(cls, figures: list[Figure]) -> "FigureIndex":
        spans = [(f.start, f.end) for f in figures]
        return cls(spans, [s for s, _ in spans], frozenset(t.i for f in figures for t in f.tokens),
                   frozenset((f.start, f.end) for f in figures if f.kind in ("duration", "age")))

    def in_sentence(self, sent: Span) -> list[tuple[int, int]]:
        return self.spans[bisect.bisect_left(self.starts, sent.start_char):bisect.bisect_left(self.starts,
                                                                                                 sent.end_char)]


# The passes over a document's kept figures, in the order they run: each may read what the ones before it set
# (a share's percent before a change's unit, a borrowed unit before a toll's, units before index points).
DOCUMENT_PASSES = (_share_percent, _share_change_unit, _fill_elided_units, _casualty_counts, _index_points,
                   _number_of, _verb_qualifiers)
