"""What a reader carries from sentence to sentence (the record contract's "Passages" section).

A stage of its own, after every figure's own sentence was read (attribution, places, times): it walks a
document's records in order and gives a figure what its own sentence does not say, from the passage it
belongs to. Hand-written: no library models news passages. Per record, in order:
- its own source: a data source (a poll, survey, study, report, data release or pollster, also one named in
  a sentence with no figure) opens a data passage, any other source interrupts it; an organisation that
  reports money or a percentage opens a results passage; 'the figures', 'the organization' name the data
  source the passage is about;
- no source: the data passage's, for a figure later in its paragraph, for a poll's findings in later
  paragraphs (shares, respondents, sample, margin of error: even after an interruption) and for another
  release's next ``DATA_REACH`` paragraphs while no other source speaks; else the results passage's, for a
  figure of the company's results ('Sales rose 8%');
- places: a poll's findings take the state or country its passage named for its sample; a figure with no
  place takes the one an earlier sentence of its paragraph named.
Each carried field names its rule and the sentence it came from in the record's ``provenance``.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from .lexicon import DEMONYMS, RANK_COUNTRY, RANK_REGION, gazetteer
from .records import MentionDict, OriginDict, RecordDict
from .resources import load

_CUES = load("cues")
_DATA_WORDS = frozenset(_CUES["data_nouns"]) | frozenset(load("claims")["sample_nouns"]) | {"results"}
_SAMPLE_WORDS = frozenset(load("claims")["sample_nouns"])
_DESCRIPTION_WORDS = frozenset(load("words")["data_description_words"])
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
    named: dict | None = None  # the last data source named by a name, for 'the poll', 'the figures'
    poll: bool = False  # a poll's findings run on over paragraphs, another data release's stay in its own
    place: tuple[dict, tuple[int, int]] | None = None  # the population's place the poll passage named first


def is_data_source(who: dict, cue: str | None, text: str = "") -> bool:
    """A poll, survey, study, report or data release ('A Gallup survey', 'figures', 'Quinnipiac'), or the owner
    the text names right beside one ('A survey by the Halvorsen Institute', 'Port authority figures show')."""
    return bool(_words_of(who, cue, text) & _DATA_WORDS) or is_poll(who, cue, text)


def is_poll(who: dict, cue: str | None, text: str = "") -> bool:
    """A poll or survey, or a pollster: its findings run on over paragraphs."""
    return bool(_words_of(who, cue, text) & _SAMPLE_WORDS or _POLLSTERS.search(who["name"])
                or _POLLSTERS.search(who["text"]))


_BESIDE = 16  # characters each side of a source's mention where its data noun stands ('A survey by the X')


def _words_of(who: dict, cue: str | None, text: str) -> set[str]:
    """The words of a source's mention, its name, its cue and what stands right beside it in ``text``."""
    beside = text[max(0, who["start"] - _BESIDE):who["start"]] + " " + text[who["end"]:who["end"] + _BESIDE]
    return set(_WORD_RE.findall(f"{who['text']} {who['name']} {cue or ''} {beside}".lower()))


def _unresolved_description(who: dict) -> bool:
    """'the organization', 'the group': a definite description of an organisation that named no one."""
    words = _WORD_RE.findall(who["name"].lower())
    return who["name"] == who["text"] and 2 <= len(words) <= 3 and words[0] in ("the", "this", "that") \
        and words[-1] in _ORG_DESCRIPTIONS


_ORG_DESCRIPTIONS = frozenset(_CUES["org_descriptions"])


def describes_data(who: dict) -> bool:
    """'The figures', 'the survey', 'the same poll': a definite description of a data source, no name."""
    words = _WORD_RE.findall(who["name"].lower())
    return bool(words) and words[-1] in _DATA_WORDS and all(w in _DATA_WORDS or w in _DESCRIPTION_WORDS for w in words)


def reads_as_findings(record: RecordDict) -> bool:
    """A sentence that reports a poll's or data release's findings: shares, respondents, its sample or
    margin of error ('Among independents, 38 percent ...', 'The margin of error is 3 points')."""
    return record["figure"]["kind"] == "percent" or bool(_FINDING_RE.search(record["sentence"]))


def carry_sources(records: list[RecordDict], sentences: list[tuple[int, int]], text: str) -> None:
    """Give each record whose sentence names no source the source its passage carries (in place), and say in
    its provenance which sentence it was carried from. ``sentences`` holds each record's sentence span."""
    passage, results = _Passage(), None
    place: tuple[dict, tuple[int, int], int] | None = None  # the paragraph's last place, its sentence, paragraph
    breaks = [m.start() for m in re.finditer(r"\n+", text)]  # a run of line breaks is one paragraph break
    polls = _named_polls(text, records, sentences)
    main = None  # the article's poll: the first one a figure's own sentence names
    for record, sentence in zip(records, sentences):
        while polls and polls[0][0][0] < sentence[0]:
            (start, end), who = polls.pop(0)
            _opens(passage, who, "poll", bisect.bisect_left(breaks, start), (start, end), True)
        paragraph = bisect.bisect_left(breaks, record["figure"]["start"])
        if main is not None and passage.poll and passage.who["name"] != main[0]["name"] and paragraph > passage.paragraph:
            # another poll cited in passing ('In April, a Reuters/Ipsos poll found ...') holds its own paragraph;
            # the findings after it are the article's poll's again
            _opens(passage, main[0], main[1], main[2], main[3], True)
        if record["who"] is not None:
            _own_source(passage, record, paragraph, sentence, text)
            if main is None and passage.poll and passage.sentence == sentence and _one_poll(passage.who):
                main = (passage.who, passage.cue, passage.paragraph, passage.sentence)
            results = _results_opened(results, record, sentence, text)
        elif passage.who is not None and passage.sentence != sentence and (
                _same_paragraph(passage, paragraph) or _findings_run_on(passage, record, paragraph)):
            _carry(record, passage.who, passage.cue, "poll passage" if passage.poll else "data passage",
                   sentence_mention(text, *passage.sentence))
        elif results is not None and results.sentence != sentence and _reports_results(record, results.who):
            _carry(record, results.who, results.cue, "results passage", sentence_mention(text, *results.sentence))
        if passage.poll and record["who"] is not None and passage.who is not None \
                and record["who"]["name"] == passage.who["name"]:
            _poll_place(passage, record, sentence, text)
        place = _paragraph_place(record, sentence, paragraph, place, text)
        _index_place(record, sentence, text)
        _exchange_place(record, sentence, text)


def _poll_place(passage: _Passage, record: RecordDict, sentence: tuple[int, int], text: str) -> None:
    """A poll's findings are about the population it asked: the state or country its passage names first
    ('registered voters in Pennsylvania', 'a national poll of Americans'), else the one the document's polls
    are named for (``polled_population``: 'the Texas poll', 'a national poll'), is the place of its later findings
    that name none."""
    where = record["where"]
    if where is not None:
        if passage.place is None and record["provenance"]["where"]["carried_from"] is None and _names_a_population(where):
            passage.place = (where, sentence)
        return
    if passage.place is None:
        passage.place = polled_population(text)  # read only for an article with a poll's findings
    if passage.place is not None:
        record["where"] = dict(passage.place[0])
        record["provenance"]["where"] = OriginDict(rule="poll passage", carried_from=sentence_mention(text, *passage.place[1]))


_PLACED_POLL_RE = re.compile(r"\b(?P<place>(?:[A-Z][a-z]+[ \u00a0])?[A-Z][a-z]+|U\.S\.)[ \u00a0]+(?:[A-Z][\w.'&/-]*[ \u00a0]+)?"
                             r"(?:[Pp]oll|[Ss]urvey)\b")
# a poll of one state's people: 'a new statewide poll', 'surveying 1,737 registered voters in the state'
_STATE_POLL_RE = re.compile(r"(?i)\bstatewide\b[^.\n]{0,60}?\b(?:poll|survey)\b|\b(?:poll|survey|surveying)\b[^.\n]{0,120}?"
                            r"\b(?:voters|adults|residents|likely[ \u00a0]voters)[ \u00a0]in[ \u00a0]the[ \u00a0]state\b")
_NATIONAL_POLL_RE = re.compile(r"(?i)\b(?:national|nationwide|nationally[ \u00a0]representative)\b[^.\n]{0,60}?\b(?:poll|survey)\b")
# a capitalised word, or two ('United States'), at every start: overlapping, so 'In American' still counts 'American'
_COUNTRY_WORDS_RE = re.compile(r"(?=\b(U\.S\.|U\.K\.|[A-Z]{2,3}\b|[A-Z][a-z]+[ \u00a0][A-Z][a-z]+\b|[A-Z][a-z]+\b))")


@functools.lru_cache(maxsize=8)
def polled_population(text: str) -> tuple[dict, tuple[int, int]] | None:
    """The one state or country a document's polls are named for ('Cruz and Trump tied in Texas poll', 'a
    Pennsylvania survey'), else, for a 'statewide poll' or one of 'voters in the state', the state the
    document names most, for a 'national poll', the country it names most (by its name or its people:
    'Americans'); with its sentence. None when the polls are named for different places or none;
    'national polls' (polling at large, not the article's poll) names no population."""
    places = {}
    for m in _PLACED_POLL_RE.finditer(text):
        known = gazetteer().get(m.group("place").lower())
        if known is not None and known[0] in (RANK_REGION, RANK_COUNTRY):
            places.setdefault(known[1] if known[0] == RANK_COUNTRY else m.group("place"), (m.start("place"), m.group("place")))
    if len(places) == 1:
        (start, name), = places.values()
        return _where(name, "GPE", start), _sentence_around(text, start)
    if places:
        return None
    countries, regions = place_mentions(text)
    named = regions if _STATE_POLL_RE.search(text) and regions else countries if _NATIONAL_POLL_RE.search(text) else {}
    if not named:
        return None
    first = named[max(named, key=lambda key: len(named[key]))][0]  # the one the article names most
    return first, _sentence_around(text, first["start"])


@functools.lru_cache(maxsize=8)
def place_mentions(text: str) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    """Every mention of each country (by its code; by its name, an alias or its people: 'Americans',
    'U.S.') and of each state or region (by its name: 'Pennsylvania', 'New South Wales'), in text order."""
    countries: dict[str, list[dict]] = {}
    regions: dict[str, list[dict]] = {}
    for m in _COUNTRY_WORDS_RE.finditer(text):
        word = m.group(1)
        if " " in word and gazetteer().get(word.lower()) is None:
            word = word.split()[0]  # 'United States' stays two words; 'In American' is 'In' here
        known = gazetteer().get(word.lower())
        code = DEMONYMS.get(word) or (known[1] if known is not None and known[0] == RANK_COUNTRY else None)
        if code:
            label = "GPE" if known is not None and known[0] == RANK_COUNTRY else "NORP"
            countries.setdefault(code, []).append(_where(word, label, m.start(1), code))
        elif known is not None and known[0] == RANK_REGION:
            regions.setdefault(word, []).append(_where(word, "GPE", m.start(1), known[1]))
    return countries, regions


_INDEX_COUNTRIES: dict[str, str] = load("places")["index_countries"]
_INDEX_RE = re.compile(r"\b(?:%s)(?![\w&])" % "|".join(re.escape(n) for n in sorted(_INDEX_COUNTRIES, key=len, reverse=True)))
_INDEX_UNITS = (None, "points", "%", "percentage points")


def _index_place(record: RecordDict, sentence: tuple[int, int], text: str) -> None:
    """A stock index's level or move ('The Dow Jones was down 2.62%') with no place of its own, or only one
    carried from another sentence, is about the index's market: the country the article names for its market
    ('U.S. stocks', 'markets in the United States'). None when the article names no market of that country."""
    if record["where"] is not None and record["provenance"]["where"]["carried_from"] is None:
        return
    if record["figure"]["unit"] not in _INDEX_UNITS:
        return
    named = [m for m in _INDEX_RE.finditer(text, sentence[0], record["figure"]["start"])]
    if not named:
        return
    country = _INDEX_COUNTRIES[named[-1].group(0)]
    mention = next((m for m in place_mentions(text)[0].get(country, []) if _names_a_market(m, text)), None)
    if mention is None:
        if record["where"] is not None and record["where"].get("country") not in (None, country):
            # 'U.S. stocks slid. The Dax lost 1.75%.': another country's place is not the Dax's
            record["where"] = None
            record["provenance"]["where"] = OriginDict(rule=None, carried_from=None)
        return
    record["where"] = dict(mention)
    record["provenance"]["where"] = OriginDict(rule="index's country",
                                               carried_from=sentence_mention(text, *_sentence_around(text, mention["start"])))


# 'closed at $44.875 in New York Stock Exchange trading', 'fell 75 cents to $52.25 on the Big Board'
_EXCHANGE_RE = re.compile(r"\b(?:[Ii]n|[Oo]n)[ \u00a0](?:the[ \u00a0])?(?P<x>(?:[A-Z][\w.&'-]*[ \u00a0]){0,4}(?:Stock[ \u00a0]Exchange|"
                          r"Exchange)|Big[ \u00a0]Board|NYSE|Amex|Nasdaq)(?:[ \u00a0]composite)?(?:[ \u00a0](?:trading|"
                          r"Stock[ \u00a0]Market))?\b")


def _exchange_place(record: RecordDict, sentence: tuple[int, int], text: str) -> None:
    """A share price the sentence quotes on an exchange ('in New York Stock Exchange trading', 'on the Big
    Board') is a price of that market: the exchange is where it is, unless the sentence names a place."""
    if record["figure"]["kind"] != "money" or (record["where"] is not None
                                               and record["provenance"]["where"]["carried_from"] is None):
        return
    m = next((m for m in _EXCHANGE_RE.finditer(text, sentence[0], sentence[1])
              if m.group("x") != "Nasdaq" or (m.group(0).endswith("trading"))), None)
    if m is None:
        return
    known = gazetteer().get("new york") if "New York" in m.group("x") else None
    record["where"] = {"text": m.group("x"), "label": "ORG", "start": m.start("x"), "end": m.end("x"),
                       "country": known[1] if known else None}
    record["provenance"]["where"] = OriginDict(rule="stock exchange", carried_from=None)


_MARKET_AFTER_RE = re.compile(r"[ \u00a0](?:stock|stocks|shares|equities|markets?|exchanges?|ind(?:ex|exes|ices))\b", re.I)
_MARKET_BEFORE_RE = re.compile(r"\b(?:stocks?|shares|equities|markets?|exchanges?|ind(?:ex|exes|ices))\b[^.\n]{0,60}"
                               r"\b(?:in|on)[ \u00a0](?:the[ \u00a0])?\Z", re.I)


def _names_a_market(mention: dict, text: str) -> bool:
    """Whether a country's mention names its stock market: 'U.S. stocks', 'American stock exchanges', 'stock
    markets ..., particularly those in the United States' (not 'the US economy', 'US bank chief')."""
    return bool(_MARKET_AFTER_RE.match(text, mention["end"]) or
                _MARKET_BEFORE_RE.search(text[max(0, mention["start"] - 90):mention["start"]]))


def _where(name: str, label: str, start: int, country: str | None = None) -> dict:
    if country is None:
        known = gazetteer().get(name.lower())
        country = known[1] if known else None
    return {"text": name, "label": label, "start": start, "end": start + len(name), "country": country}


def _names_a_population(where: dict) -> bool:
    """A state or a country (or its people: 'Americans'), the places a poll's sample is drawn from."""
    if where["label"] == "NORP":
        return True
    known = gazetteer().get(where["text"].lower().removeprefix("the ").strip(" ."))
    return known is not None and known[0] in (RANK_REGION, RANK_COUNTRY)


def _paragraph_place(record: RecordDict, sentence: tuple[int, int], paragraph: int, place, text: str):
    """A figure whose sentence names no place takes the place an earlier sentence of its paragraph named for its
    figures (record contract, Passages: 'an earlier sentence of the same paragraph'); returns the place the
    paragraph holds after this record."""
    if record["where"] is not None:
        own = record["provenance"]["where"]["carried_from"] is None
        return (record["where"], sentence, paragraph) if own else place
    if place is not None and place[2] == paragraph and place[1] != sentence:
        record["where"] = dict(place[0])
        record["provenance"]["where"] = OriginDict(rule="paragraph place", carried_from=sentence_mention(text, *place[1]))
    return place if place is not None and place[2] == paragraph else None


def _carry(record: RecordDict, who: dict, cue: str | None, rule: str, origin: MentionDict) -> None:
    record["who"] = dict(who)
    record["cue"] = cue
    record["provenance"]["who"] = OriginDict(rule=rule, carried_from=origin)


@dataclass(frozen=True)
class _Results:
    """A company that reports its results ('Norton Co. said net income rose 5% to $43 million'): the later
    figures of its results are its own, until another source speaks."""

    who: dict
    cue: str | None
    sentence: tuple[int, int]


def _results_opened(results: _Results | None, record: RecordDict, sentence: tuple[int, int],
                    text: str) -> _Results | None:
    """The results passage after a record with a source of its own: opened by an organisation reporting money
    or a percentage, ended by any other source."""
    who = record["who"]
    if who["label"] == "ORG" and record["figure"]["kind"] in _RESULT_KINDS and not is_data_source(who, record["cue"], text):
        return _Results(who, record["cue"], sentence) if results is None or results.who["name"] != who["name"] else results
    return results if results is not None and who["name"] == results.who["name"] else None


def _reports_results(record: RecordDict, who: dict) -> bool:
    """A figure of the company's results: money or a percentage whose subject is a results noun ('Sales rose 8%',
    'Net for the nine months was $254 million') or the company itself ('Norton had net of $81.2 million')."""
    subject = record["subject"]
    if record["figure"]["kind"] not in _RESULT_KINDS or subject is None:
        return False
    words = _WORD_RE.findall(subject["text"].lower())
    own = set(_WORD_RE.findall(who["name"].lower()))
    return bool(words) and (words[-1] in _RESULT_NOUNS or all(w in own for w in words))


_RESULT_KINDS = ("money", "percent")
_RESULT_NOUNS = frozenset(load("words")["result_nouns"])


# 'The Monmouth poll also suggests ...', 'A new AP-GfK survey': a poll named by its owner in a sentence that
# holds no figure of its own source (the passage turns to it all the same)
_NAMED_POLL_RE = re.compile(r"(?P<owner>(?:[A-Z][\w.'&/-]*(?:[ \u00a0](?:of|for|and|the|de))?[ \u00a0-]){0,5}"
                            r"[A-Z][\w.'&/-]*)[ \u00a0]+"
                            r"(?P<noun>[Pp]oll|[Ss]urvey|[Pp]olling|[Tt]racking[ \u00a0][Pp]oll)\b")
_NOT_OWNERS = frozenset(load("words")["not_poll_owners"])


def _named_polls(text: str, records: list[RecordDict], sentences: list[tuple[int, int]]) -> list:
    """((sentence start, end), who) of each poll named by its owner in a sentence that has no record with a
    source of its own, in text order."""
    sourced = [span for record, span in zip(records, sentences) if record["who"] is not None]
    found = []
    for m in _NAMED_POLL_RE.finditer(text):
        words = m.group("owner").split()
        while words and words[0] in _NOT_OWNERS:
            words.pop(0)
        if not words or any(start <= m.start() < end for start, end in sourced):
            continue
        owner = " ".join(words)
        start = m.end() - len(m.group("noun")) - 1 - len(owner)
        who = {"text": text[start:m.end()], "name": text[start:m.end()], "label": "ORG", "start": start,
               "end": m.end()}
        found.append((_sentence_around(text, m.start()), who))
    return found


def _sentence_around(text: str, offset: int) -> tuple[int, int]:
    """The sentence holding ``offset``, by its stops and line breaks (no parse: the sentence may hold no figure)."""
    start = max(text.rfind("\n", 0, offset), *(text.rfind(stop, 0, offset) for stop in (". ", "? ", "! "))) + 1
    ends = [i for i in (text.find(stop, offset) for stop in (". ", "\n", "? ", "! ")) if i >= 0]
    return start, (min(ends) + 1 if ends else len(text))


def _opens(passage: _Passage, who: dict, cue: str | None, paragraph: int, sentence: tuple[int, int],
           poll: bool) -> None:
    """A data source opens the passage; a description of one ('the poll') names the last one named."""
    if describes_data(who) and passage.named is not None:
        who = dict(who, name=passage.named["name"], label=passage.named["label"])
    elif not describes_data(who):
        passage.named = who
    if passage.who is None or who["name"] != passage.who["name"]:
        passage.place = None
    passage.who, passage.cue, passage.paragraph, passage.sentence = who, cue, paragraph, sentence
    passage.interrupted, passage.poll = False, poll


def sentence_mention(text: str, start: int, end: int) -> MentionDict:
    """A sentence as a mention, without the blanks a sentence span may hold at its edges."""
    words = text[start:end]
    lead = len(words) - len(words.lstrip())
    return MentionDict(text=words.strip(), start=start + lead, end=start + lead + len(words.strip()))


def _own_source(passage: _Passage, record: RecordDict, paragraph: int, sentence: tuple[int, int], text: str) -> None:
    """A figure's own source: a data source opens the passage, any other source interrupts it. A description of
    a data source ('The figures showed ...') names the source the passage is about; the poll's respondents
    ('supporters of Hillary Clinton say ...') give its answers."""
    if passage.poll and passage.who is not None and passage.sentence != sentence and _respondents(record["who"]) \
            and reads_as_findings(record) and (_same_paragraph(passage, paragraph) or paragraph > passage.paragraph):
        _carry(record, passage.who, passage.cue, "poll passage", sentence_mention(text, *passage.sentence))
        return
    if passage.named is not None and (describes_data(record["who"]) or _unresolved_description(record["who"])):
        # 'The figures showed', 'the organization said': the data source the passage is about
        record["who"] = dict(record["who"], name=passage.named["name"], label=passage.named["label"])
        record["provenance"]["who"]["rule"] += ", name resolved"
    if is_data_source(record["who"], record["cue"], text):
        _opens(passage, record["who"], record["cue"], paragraph, sentence, is_poll(record["who"], record["cue"], text))
    elif passage.who is not None and record["who"]["name"] != passage.who["name"]:
        passage.interrupted = True


def _one_poll(who: dict) -> bool:
    """A poll named by its owner ('A new USA TODAY/Rock the Vote survey'), not polling at large ('three recent
    polls') or a bare description."""
    words = _WORD_RE.findall(f"{who['text']} {who['name']}".lower())
    named = any(word[:1].isupper() for word in who["name"].split()[1:] + who["name"].split()[:1] if word.lower() not in
                ("the", "a", "an", "this", "that", "new", "latest"))
    return named and not describes_data(who) and not any(w in ("polls", "surveys", "polling") for w in words)


_RESPONDENTS = frozenset(_CUES["respondent_words"])


def _respondents(who: dict) -> bool:
    """'supporters of Democrat Hillary Clinton', 'independents', 'the public overall': a group a poll asked, no
    person or organisation of its own (its first word after a determiner says so)."""
    words = _WORD_RE.findall(who["text"].lower())
    while words and words[0] in ("the", "a", "an", "these", "all"):
        words.pop(0)
    return bool(words) and words[0] in _RESPONDENTS


def _same_paragraph(passage: _Passage, paragraph: int) -> bool:
    return paragraph == passage.paragraph and not passage.interrupted


def _findings_run_on(passage: _Passage, record: RecordDict, paragraph: int) -> bool:
    """A poll's findings run on over later paragraphs that read as findings, even after an interruption;
    another data release's over the next paragraphs while no other source speaks ('..., FEC records show.
    ¶ Trump Victory also sent $341,560 ...'), as far as ``DATA_REACH`` paragraphs: with no test for the
    reporter's own background, a release's passage is kept short."""
    if paragraph <= passage.paragraph:
        return False
    if passage.poll:
        return reads_as_findings(record)
    return not passage.interrupted and paragraph - passage.paragraph <= DATA_REACH


DATA_REACH = 2  # paragraphs after a data release's own that may still report it
