"""What a reader carries from sentence to sentence: a poll's or data release's source over its passage.

A stage of its own, after every figure's own sentence was read (attribution, places, times): it walks a
document's records in order, holding the passage's current data source, and gives it to a figure whose
sentence names no source when the record contract's "Passages" rules say the figure is that source's
finding. Hand-written: no library models news passages.

Rules, in order (each a named function; the first that speaks decides):
- ``own_source``: a figure whose sentence names a source keeps it; a data source (a poll, survey, study,
  report, data release or pollster) becomes the passage's, any other source interrupts it;
- ``same_paragraph``: a figure later in the paragraph that named the data source takes it ("Another 12
  percent ...");
- ``findings_run_on``: in a later paragraph, a figure whose sentence reads as the source's findings (shares,
  respondents, margin of error, sample) takes it, even after an interruption (a voter's quotation, another
  speaker); anything else (the reporter's background, another matter) ends the passage for that figure.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .records import MentionDict, OriginDict, RecordDict
from .resources import load

_CUES = load("cues")
_DATA_WORDS = frozenset(_CUES["data_nouns"]) | frozenset(load("claims")["sample_nouns"]) | {"results"}
_FINDING_CUES = frozenset(_CUES["finding_cues"])  # 'found', 'shows': what a data source does
_POLLSTERS = re.compile(r"\b(?:%s)\b" % "|".join(re.escape(n) for n in _CUES["pollsters"]))
_FINDING_RE = re.compile(r"(?i)\b(?:%s)\b|%%" % "|".join(re.escape(w) for w in _CUES["finding_words"]))
_WORD_RE = re.compile(r"[a-z]+")


@dataclass
class _Passage:
    """The data source the passage reports, where it was named, and whether another source spoke since."""

    who: dict | None = None
    cue: str | None = None
    paragraph: int = -1
    sentence: tuple[int, int] | None = None
    interrupted: bool = False


def is_data_source(who: dict, cue: str | None) -> bool:
    """A poll, survey, study, report or data release ('A Gallup survey', 'figures', 'Quinnipiac'), or what
    such a source does ('found', 'shows')."""
    words = set(_WORD_RE.findall(f"{who['text']} {who['name']}".lower()))
    cue_words = set(_WORD_RE.findall((cue or "").lower()))
    return bool(words & _DATA_WORDS or cue_words & (_DATA_WORDS | _FINDING_CUES)
                or _POLLSTERS.search(who["name"]) or _POLLSTERS.search(who["text"]))


def reads_as_findings(record: RecordDict) -> bool:
    """A sentence that reports a poll's or data release's findings: shares, respondents, its sample or
    margin of error ('Among independents, 38 percent ...', 'The margin of error is 3 points')."""
    return record["figure"]["kind"] == "percent" or bool(_FINDING_RE.search(record["sentence"]))


def carry_sources(records: list[RecordDict], sentences: list[tuple[int, int]], text: str) -> None:
    """Give each record whose sentence names no source the source its passage carries (in place), and say in
    its provenance which sentence it was carried from. ``sentences`` holds each record's sentence span."""
    passage = _Passage()
    breaks = [m.start() for m in re.finditer(r"\n", text)]
    for record, sentence in zip(records, sentences):
        paragraph = bisect.bisect_left(breaks, record["figure"]["start"])
        if record["who"] is not None:
            _own_source(passage, record, paragraph, sentence)
            continue
        if passage.who is None or passage.sentence == sentence:
            continue
        if _same_paragraph(passage, paragraph) or _findings_run_on(passage, record, paragraph):
            record["who"] = dict(passage.who)
            record["cue"] = passage.cue
            record["provenance"]["who"] = OriginDict(rule="poll passage", carried_from=sentence_mention(text, *passage.sentence))


def sentence_mention(text: str, start: int, end: int) -> MentionDict:
    """A sentence as a mention, without the blanks a sentence span may hold at its edges."""
    words = text[start:end]
    lead = len(words) - len(words.lstrip())
    return MentionDict(text=words.strip(), start=start + lead, end=start + lead + len(words.strip()))


def _own_source(passage: _Passage, record: RecordDict, paragraph: int, sentence: tuple[int, int]) -> None:
    """A figure's own source: a data source opens the passage, any other source interrupts it."""
    if is_data_source(record["who"], record["cue"]):
        passage.who, passage.cue, passage.paragraph, passage.sentence = record["who"], record["cue"], paragraph, sentence
        passage.interrupted = False
    elif passage.who is not None and record["who"]["name"] != passage.who["name"]:
        passage.interrupted = True


def _same_paragraph(passage: _Passage, paragraph: int) -> bool:
    return paragraph == passage.paragraph and not passage.interrupted


def _findings_run_on(passage: _Passage, record: RecordDict, paragraph: int) -> bool:
    return paragraph > passage.paragraph and reads_as_findings(record)
