"""When: the time a figure refers to, picked from the parse of its sentence.

``dates`` turns a time expression into a TIMEX3 value against the document date; this module decides
which expression of the sentence is the figure's: a DATE/TIME mention attached to the figure's predicates
(not to another figure, not a duration, not the time of a comparison's baseline), else a phrase of the
present ('so far', 'to date'), else none. 'The day' is the day the passage just named.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span

from . import dates
from .figures import Figure, FigureIndex
from .records import WhenDict
from .resources import load
from .spans import VERB_CLIMB, entities_in, is_verb, text_of, verb_above

_DURATION_RE = re.compile(
    r"^(?:(?:about|nearly|almost|around|some|more than|over|less than|at least|up to|just|only|the|a|an|"
    r"another|several|few|a few|many|\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|twenty|thirty|forty|fifty|hundreds?|dozens?|thousands?|couple of|a couple of|consecutive|"
    r"straight|successive|full|more|additional|further|long|whole|entire)[\s\u00a0-]++)++"
    r"(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|decades?|centuries|century|quarters?)"
    r"(?:[\s\u00a0-]+old|[\s\u00a0-]+long)?$",
    re.I,
)


def when_of(doc: Doc, sent: Span, mentions: list[Span], fig: Figure, index: FigureIndex,
          source: tuple[int, int] | None, ref: dt.date | None) -> tuple[WhenDict | None, str | None]:
    """The time expression of the figure's clause: a DATE/TIME mention attached to the figure's predicates,
    and the name of the rule that found it and its value (the record's provenance).

    A mention the model ran together with a figure ('from 800 a day earlier') is read without it; a
    mention that hangs on another figure of the sentence is that one's. Clock times the model leaves
    untagged ('at 16:08 UTC') are times of the document's day.
    """
    anchor = fig.tokens[-1]
    above = {t.i for t in anchor.ancestors} | {anchor.i}
    own = {t.i for t in fig.tokens}
    here = index.in_sentence(sent)
    best = None
    for ent in mentions:
        ent = _without_figures(doc, ent, fig, here, source, index.timed)
        if ent is None:
            continue
        if len(ent.text) > 120 or _is_duration(ent.text) or not dates.names_a_time(ent.text):
            continue
        if not _attaches_to(ent, above, index.tokens, own) or _comparison_baseline(doc, ent, anchor) \
                or _baseline_after(text_of(doc), fig, ent):
            continue
        distance = abs(ent.start_char - fig.start)
        if best is None or distance < best[0]:
            best = (distance, ent)
    if best is None:
        present = _present(doc, sent, above)
        return present, (RULE_PRESENT if present else None)
    ent = best[1]
    text, start, end = trim(text_of(doc), ent.start_char, ent.end_char)
    value = dates.with_clock(text, dates.normalise(text, ref, future=_future(ent)), ref)
    rule, pointed = RULE_CLAUSE, None
    if _event_anchored(ent):
        value, rule = None, RULE_EVENT  # 'the day the deal was announced': anchored on an event, not on a date
    elif _THE_DAY.fullmatch(text):
        pointed = _in_passage(doc, sent, ref, "day")
    elif _THE_MONTH.fullmatch(text):
        pointed = _in_passage(doc, sent, ref, "month")
    elif _THE_YEAR.fullmatch(text):
        year = _year_in_sentence(doc, sent, ent, ref)
        if year:
            value, rule = year, RULE_SENTENCE_YEAR
        else:
            pointed = _in_passage(doc, sent, ref, "year")
            if not pointed and ref and text.lower().startswith("the year"):
                value = str(ref.year)  # 'that year' points back; 'the year' is the document's
    if pointed:
        value, rule = pointed, RULE_NAMED_BEFORE
    return WhenDict(text=text, value=value, start=start, end=end), rule


# The rules a figure's time is found by, as its provenance names them.
RULE_CLAUSE = "time of its clause"
RULE_PRESENT = "present-tense word"  # 'now', 'currently', 'to date'
RULE_EVENT = "time of its clause, anchored on an event"  # 'the day the deal was announced': no calendar value
RULE_SENTENCE_YEAR = "time of its clause, year from its sentence"  # 'began the year at 4.9 percent ... this year'
RULE_NAMED_BEFORE = "time of its clause, value named earlier in the paragraph"  # 'that day', 'the same month'


# 'up 56% from $163 million a year earlier', 'wages 3.8 percent higher than a year earlier': what the figure is
# compared with, told after it
_COMPARATOR = re.compile(r"\b(?:from|than|compared[ \u00a0]+(?:with|to)|versus|vs\.?)\b", re.I)
# only a time counted back from another ('a year earlier', 'the previous quarter'): after 'from', a date may open
# an interval ('from 2009 to 2011') or a place's history ('downloaded from the store since 2003')
_BACK_IN_TIME = re.compile(r"\b(?:earlier|ago|before|prior|previous|year-earlier|year-ago)\b", re.I)


def _baseline_after(text: str, fig: Figure, ent: Span) -> bool:
    """A time told after a comparison that follows the figure ('rose 56% from $163 million, a year earlier',
    'higher than a year earlier', 'a 32% drop from a year earlier'): the baseline's time, not the figure's
    (record contract: a comparison's baseline). The baseline's own figure keeps it: it stands after 'from'."""
    between = text[fig.end:ent.start_char]
    return ent.start_char > fig.end and len(between) <= 80 and ";" not in between \
        and bool(_COMPARATOR.search(between)) and bool(_BACK_IN_TIME.search(ent.text.strip()))


def _comparison_baseline(doc: Doc, ent: Span, anchor) -> bool:
    """'its worst fall since 1987', 'the highest level since 1977': a time a superlative is measured against,
    not the time of any figure ('has fallen 40% since the beginning of the year' is one), unless the figure
    is told of that time itself ('the worst since 2004, when seven people were killed')."""
    since = doc[ent.start - 1] if ent.start > 0 else None
    if since is None or since.lower_ != "since" or since.dep_ != "prep" \
            or since.left_edge.i <= anchor.i <= since.right_edge.i:
        return False
    head = since.head
    return head.tag_ in ("JJS", "RBS") or any(c.tag_ in ("JJS", "RBS") and c.dep_ in ("amod", "advmod")
                                              for c in head.children)


# 'the day', 'that day': the day the passage is about, when a sentence before names one ('closed lower on
# Monday. The Dow fell 3% to end the day at 7,114'), else the document's day.
_THE_DAY = re.compile(r"(?i)(?:the|that|this)\s+(?:same\s+)?day")
# 'the month' likewise: the month a sentence before names ('reported February sales ... during the month').
_THE_MONTH = re.compile(r"(?i)(?:the|that|the\s+same)\s+month")
# 'the year' likewise, else the document's year ('the jobless rate began the year at 4.9 percent').
_THE_YEAR = re.compile(r"(?i)(?:the|that|the\s+same)\s+(?:(?:entire|whole|full)\s+)?year")
PASSAGE_SENTENCES = 2
_PRECISION = {"day": (r"\d{4}-\d\d-\d\d", 10), "month": (r"\d{4}-\d\d", 7), "year": (r"\d{4}", 4)}  # value, width


def _in_passage(doc: Doc, sent: Span, ref: dt.date | None, unit: str) -> str | None:
    """The last day (``unit`` "day"), month or year named in the sentences just before ``sent``, in its own
    paragraph only. A month or a year named outright ('February sales') comes before that of a day named
    there ('today')."""
    text = text_of(doc)
    exact, width = _PRECISION[unit]
    current = sent
    for _ in range(PASSAGE_SENTENCES):
        if current.start == 0 or "\n\n" in text[doc[current.start - 1].idx:current.start_char]:
            return None
        current = doc[current.start - 1].sent
        values = [dates.normalise(e.text, ref, future=_future(e)) for e in entities_in(doc, current.start, current.end)
                  if e.label_ == "DATE" and not _THE_DAY.search(e.text)]  # 'the same day' points back too
        named = [v for v in values if v and re.fullmatch(exact, v)] or [
            v[:width] for v in values if v and re.fullmatch(_PRECISION["day"][0], v)]  # a day's month or year
        if named:
            return named[-1]
    return None


def _year_in_sentence(doc: Doc, sent: Span, ent: Span, ref: dt.date | None) -> str | None:
    """The year another time of the sentence names ('So far this year, ... began the year at 4.9 percent')."""
    for other in entities_in(doc, sent.start, sent.end):
        if other.label_ == "DATE" and other.start != ent.start:
            value = dates.normalise(other.text, ref, future=_future(other))
            if value and re.match(r"\d{4}", value):
                return value[:4]
    return None


def _event_anchored(ent: Span) -> bool:
    """'the day the deal was announced', 'the week it opened': a day named by an event (a restrictive clause,
    no comma), which the document date does not give."""
    root = ent.root
    if root.lower_ not in ("day", "week", "night", "morning", "evening", "afternoon", "time", "moment"):
        return False
    doc = root.doc
    return any(c.dep_ in ("relcl", "acl") and c.i > root.i and not any(t.text == "," for t in doc[root.i:c.i])
               for c in root.children)


def _is_duration(text: str) -> bool:
    """'two years', 'several weeks', 'a decade long': a length of time, no point in it. 'the day', 'the
    year' (the one the text is about) and 'three days ago' are points."""
    low = text.lower()
    return bool(_DURATION_RE.match(text)) and "ago" not in low \
        and not re.fullmatch(r"(?:the|this|that)\s+(?:(?:entire|whole|full)\s+)?(?:day|week|month|year|quarter)",
                             low.strip()) \
        and not _COUNTED_PERIOD_RE.fullmatch(low.strip())  # 'the entire year', 'for the nine months': a period


# 'the nine months', 'the first six months', 'the 12 months': the period a figure is counted over (earnings news)
_COUNTED_PERIOD_RE = re.compile(r"(?:the|its)\s+(?:first\s+|latest\s+)?(?:\d{1,2}|two|three|four|five|six|seven|eight|"
                                r"nine|ten|eleven|twelve)\s+months")


def time_mentions(doc: Doc, sent: Span) -> list[Span]:
    """The sentence's DATE/TIME entities, and its clock times that no entity covers."""
    found = [_with_determiner(doc, ent) for ent in entities_in(doc, sent.start, sent.end)
             if ent.label_ in ("DATE", "TIME")]
    text = text_of(doc)
    for m in dates.CLOCK_IN_TEXT_RE.finditer(text, sent.start_char, sent.end_char):
        if any(e.start_char <= m.start() < e.end_char for e in found):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None:
            found.append(span)
    found.sort(key=lambda span: span.start)
    merged: list[Span] = []
    for span in found:  # '3 p.m. on Friday', 'Friday at 2pm': a clock time and its day are one time
        if merged and _JOINS_TIMES.fullmatch(text[merged[-1].end_char:span.start_char]) and (
                dates.CLOCK_IN_TEXT_RE.search(merged[-1].text) or dates.CLOCK_IN_TEXT_RE.search(span.text)):
            merged[-1] = doc[merged[-1].start:span.end]
        else:
            merged.append(span)
    return [span for span in merged if not _AGE_BEFORE.search(text[max(0, span.start_char - 24):span.start_char])
            and not _AN_AGE.search(span.text)]


_TIME_DETERMINERS = frozenset(load("words")["time_determiners"])


def _with_determiner(doc: Doc, ent: Span) -> Span:
    """'disasters this year' where the model tagged only 'year': the word that makes it a point belongs to it."""
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in _TIME_DETERMINERS and before.head.i in range(ent.start, ent.end):
        return doc[ent.start - 1:ent.end]
    return ent


_JOINS_TIMES = re.compile(r"\s*(?:on|at|,)?\s*")
_AN_AGE = re.compile(r"\byears?[\s-]+old\b|\byear-olds?\b", re.I)  # 'those 18 to 35 years old': an age, not a time
_AGE_BEFORE = re.compile(r"\bage[sd]?\b[^.;]*\Z", re.I)  # 'range in age from 20s to 50s': ages, not decades


# What introduces the baseline of a comparison: 'up from 14% a year ago', 'than 800 last year'.
_BASELINE_BEFORE = re.compile(r"\b(?:from|than|compared (?:with|to)|versus|vs\.?)\s+\Z", re.I)


def _without_figures(doc: Doc, ent: Span, fig: Figure, here: list[tuple[int, int]], source: tuple[int, int] | None,
                     timed: frozenset) -> Span | None:
    """The time mention as ``fig``'s, without a figure of its sentence (``here``) or the source it overlaps at
    its start; None when nothing is left, or when it directly follows the baseline figure of a comparison
    ('up from 800 a day earlier': 800's time, not the new level's)."""
    text = text_of(doc)
    for (s, e), is_figure in [(span, True) for span in here] + ([(source, False)] if source else []):
        if s < ent.end_char and ent.start_char < e:
            if (s, e) in timed and (s, e) != (fig.start, fig.end):
                continue  # 'sentenced to 12 years two years ago': a duration that dates the others whole
            if s > ent.start_char or e >= ent.end_char or (s, e) in timed:
                return None
            rest = [t for t in ent if t.idx >= e and not t.is_space]
            if not rest:
                return None
            ent = doc[rest[0].i:ent.end]
        if is_figure and e <= ent.start_char and (s, e) != (fig.start, fig.end) and ent.start_char - e <= 3 \
                and not text[e:ent.start_char].strip() and _BASELINE_BEFORE.search(text[max(0, s - 16):s]):
            return None
    return ent


def _present(doc: Doc, sent: Span, predicates: set[int]) -> WhenDict | None:
    """'now', 'currently', 'to date', 'at the moment' on the figure's predicate: the present, TIMEX3's
    PRESENT_REF (no calendar value pins it down; the record's doc_date says when it was written). spaCy
    does not tag these."""
    text = text_of(doc)
    for m in dates.PRESENT_RE.finditer(text, sent.start_char, sent.end_char):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ in ("advmod", "prep", "npadvmod") and root.head.i in predicates:
            return WhenDict(text=m.group(0), value=dates.normalise(m.group(0), None), start=m.start(), end=m.end())
    return None


def trim(text: str, start: int, end: int) -> tuple[str, int, int]:
    """A mention without the blanks and line breaks spaCy sometimes keeps at its edges."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return text[start:end], start, end


_CLAUSE_EDGES = {"relcl", "acl", "advcl", "ccomp", "conj", "parataxis", "xcomp"}
ATTACH_STEPS = 4  # 'downloaded since its launch in 2003': the time hangs on a noun of the figure's clause


def _attaches_to(ent: Span, tokens: set[int], figures: frozenset[int] = frozenset(),
                 own: set[int] = frozenset()) -> bool:
    """Whether the mention hangs on one of ``tokens`` within ATTACH_STEPS steps, not passing first through a
    token of another figure (in ``figures``, not in ``own``)."""
    tok = ent.root
    crossed = False
    for step in range(ATTACH_STEPS):
        crossed = crossed or tok.dep_ in _CLAUSE_EDGES
        if step >= 3 and crossed:
            return False  # past three steps, only within one clause: 'a company, founded in 1990, employs 4,000'
        if tok.head.i == tok.i:  # the root: a headline's 'World Series 2016: ... in 108 years'
            return tok.i in tokens
        tok = tok.head
        if tok.i in tokens:
            return True
        if tok.i in figures and tok.i not in own:
            return False
    return False


def _future(ent: Span) -> bool | None:
    """The tense of the verb a time expression hangs on: True for 'will re-open on Friday', False for
    a past form ('fell on Friday', 'has risen since May'), None when no verb tells."""
    tok = verb_above(ent.root, VERB_CLIMB)
    if not is_verb(tok):
        return None
    children = {c.lower_ for c in tok.children}
    if children & {"will", "'ll", "shall"} or tok.lower_ == "will":
        return True
    if tok.tag_ in ("VBD", "VBN") or children & {"has", "have", "had", "was", "were"}:
        return False
    return None
