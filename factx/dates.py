"""Time expressions normalised TIMEX3-style against the document date.

spaCy finds the DATE/TIME mentions; their normalisation is hand-written here
because dateparser answers with one datetime (no granularity, no intervals,
no weeks, and it fills a missing year from the wall clock, which the record
contract forbids). The rules below never guess a year: without a document
date a month and day become ``XXXX-MM-DD`` and relative dates ``None``.
Which expression of a sentence is a figure's time is decided in ``factx/when.py``.
"""
from __future__ import annotations

import datetime as dt
import re

from .lexicon import CALENDAR as _CALENDAR, MONTHS

WEEKDAYS: dict[str, int] = _CALENDAR["weekdays"]
SEASONS: dict[str, str] = _CALENDAR["seasons"]
ORDINALS: dict[str, int] = _CALENDAR["quarter_ordinals"]
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_FULL_DATE_RES = [
    re.compile(rf"\b(?P<month>{_MONTH_RE})\.?\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH_RE})\.?,?\s+{_YEAR}\b", re.I),
    re.compile(r"\b(?P<year>1[5-9]\d\d|20\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)\b"),
]
_DATELINE_RE = re.compile(
    rf"^\W{{0,3}}(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?(?:(?P<month>{_MONTH_RE})\.?\s+{_DAY},?\s+{_YEAR}"
    rf"|{_DAY.replace('day>', 'day2>')}\s+(?P<month2>{_MONTH_RE})\.?,?\s+(?P<year2>1[5-9]\d\d|20\d\d))\W{{0,3}}$",
    re.I,
)


def as_date(value, what: str = "a date") -> dt.date | None:
    """None, a date, or a YYYY-MM-DD string as a date; anything else raises ValueError naming ``what``."""
    if value is None or isinstance(value, dt.date):
        return value
    date = parse_iso_date(value) if isinstance(value, str) else None
    if date is None:
        raise ValueError(f"{what} must be YYYY-MM-DD or a datetime.date, got {value!r}")
    return date


def parse_iso_date(value) -> dt.date | None:
    """'2016-11-08', '2016-11-08T10:00:00Z' -> date; anything else -> None."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# What opens a line that dates the article: a wire dateline's place ('LONDON, ', 'CHATTANOOGA, Tenn., '), or a
# web page's 'Published: ', 'Updated on ', 'Posted '
_DATED_LINE_RE = re.compile(
    r"^\W{0,3}(?:(?P<place>[A-Z][A-Z.'\- ]{1,40}(?:,[ \t]+[A-Z][A-Za-z.]+)?),[ \t]+"
    r"|(?:published|updated|posted|first[ \t]+published|last[ \t]+updated)(?:[ \t]+on)?[ \t]*:?[ \t]*)", re.I)


def find_dateline(text: str, max_lines: int = 6) -> dt.date | None:
    """The document date the text gives on one of its first lines: a date standing alone ('December 13,
    2008'), a wire dateline ('LONDON, March 3, 2024 (Reuters) -') or a page's 'Published: 3 March 2024'."""
    for line in text.splitlines()[:max_lines]:
        line = line.strip()
        m = _DATELINE_RE.match(line)
        if m:
            month = MONTHS[(m.group("month") or m.group("month2")).lower()]
            day = int(m.group("day") or m.group("day2"))
            year = int(m.group("year") or m.group("year2"))
            try:
                return dt.date(year, month, day)
            except ValueError:
                return None
        opener = _DATED_LINE_RE.match(line)
        if opener is not None and (opener.group("place") is None or opener.group("place").split(",")[0].isupper()):
            date = _date_at(line, opener.end())
            if date is not None:
                return date
    return None


def date_in_name(name: str) -> dt.date | None:
    """An ISO date in a file name ('2024-03-03-floods.txt', 'news_20240303.txt' is not read: too ambiguous)."""
    m = re.search(r"(?<!\d)(1[5-9]\d\d|20\d\d)-(0[1-9]|1[0-2])-([0-3]\d)(?!\d)", name.rsplit("/", 1)[-1])
    if m is None:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _date_at(line: str, start: int) -> dt.date | None:
    """A full date (month, day and year, in any order written in English, or ISO) right at ``start``."""
    for pattern in _FULL_DATE_RES:
        m = pattern.match(line, start)
        if m is None:
            continue
        month = m.group("month")
        month = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
        try:
            return dt.date(int(m.group("year")), month, int(m.group("day")))
        except ValueError:
            return None
    return None


def _month_value(year: int | None, month: int) -> str:
    return f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}"


def _day_value(year: int | None, month: int, day: int) -> str | None:
    if not 1 <= day <= 31:
        return None
    if year:
        try:
            dt.date(year, month, day)
        except ValueError:
            return None
        return f"{year:04d}-{month:02d}-{day:02d}"
    return f"XXXX-{month:02d}-{day:02d}"


def _week(date: dt.date) -> str:
    year, week, _ = date.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _shift_month(date: dt.date, months: int) -> tuple[int, int]:
    index = date.year * 12 + date.month - 1 + months
    return index // 12, index % 12 + 1


def _weekday(name: str, ref: dt.date, future: bool | None) -> str:
    target = WEEKDAYS[name]
    if future:
        delta = (target - ref.weekday()) % 7 or 7
        return (ref + dt.timedelta(days=delta)).isoformat()
    delta = (ref.weekday() - target) % 7
    return (ref - dt.timedelta(days=delta)).isoformat()


def _point(expr: str, ref: dt.date | None, future: bool | None) -> str | None:
    """One point in time (no interval): the TIMEX3 value of ``expr`` or None.

    The readers of ``POINT_READERS`` are tried in order; the first that knows the expression's form answers
    (its answer may be None: 'last June' without a document date has no value, and no later reader guesses one).
    """
    low = re.sub(r"\bfinancial\s+(?=quarter|year)", "", expr.lower().strip(" .,"))  # 'the last financial quarter'
    low = re.sub(r"^(?:on|in|at|by|during|since|through|until|till|as of|from|of|the|early|late|mid-?|"
                 r"earlier|later|before|after)\s+", "", low)
    low = re.sub(r"^(?:early|late|mid-?|the)\s*", "", low)
    for reader in POINT_READERS:
        value = reader(low, expr, ref, future)
        if value is not _NOT_MINE:
            return value
    return _relative(low, ref)


_NOT_MINE = object()  # a point reader's answer for an expression of another form


def _full_date(low, expr, ref, future):
    """'March 3, 2024', '3 March 2024', '2024-03-03'."""
    for pattern in _FULL_DATE_RES:
        m = pattern.search(low)
        if m:
            month = m.group("month")
            month = int(month) if month.isdigit() else MONTHS[month.rstrip(".")]
            return _day_value(int(m.group("year")), month, int(m.group("day")))
    return _NOT_MINE


def _month_and_day(low, expr, ref, future):
    """'March 3', '3rd of March': the year from the text, else the nearest to the document date."""
    m = re.search(rf"\b(?P<month>{_MONTH_RE})\.?\s+{_DAY}\b", low) or re.search(
        rf"\b{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH_RE})\b", low)
    if not m:
        return _NOT_MINE
    month = MONTHS[m.group("month")]
    year_m = re.search(_YEAR, low)
    year = int(year_m.group("year")) if year_m else (_nearest_year(ref, month, future) if ref else None)
    return _day_value(year, month, int(m.group("day")))


def _month(low, expr, ref, future):
    """'June 2023', 'last June', 'next March', 'June' (the bare modal 'may' is no month)."""
    m = re.search(rf"\b(?P<month>{_MONTH_RE})\b\.?(?:,?\s+(?:of\s+)?{_YEAR})?", low)
    if not m or m.group("month") == "may" and not m.group("year") and low not in ("may", "last may", "next may"):
        return _NOT_MINE
    month = MONTHS[m.group("month")]
    if m.group("year"):
        return _month_value(int(m.group("year")), month)
    if ref is None:
        return None if re.search(r"\b(?:last|this|next)\b", low) else _month_value(None, month)
    if re.search(r"\blast\s+year\b", low):
        return _month_value(ref.year - 1, month)
    if re.match(r"last\s", low):  # 'last June': the latest June before the document's month
        return _month_value(ref.year if month < ref.month else ref.year - 1, month)
    if re.search(r"\bnext\s+year\b", low):
        return _month_value(ref.year + 1, month)
    if re.match(r"next\s", low):  # 'next March': the first March after the document's month
        return _month_value(ref.year if month > ref.month else ref.year + 1, month)
    if re.search(r"\bthis\s+year\b", low) or re.match(r"this\s", low):
        return _month_value(ref.year, month)
    return _month_value(_nearest_year(ref, month, future), month)


def _units_ago(low, expr, ref, future):
    """'two weeks ago', 'a year earlier' (needs the document date; 'several years ago' has no value)."""
    m = re.search(r"\b(?P<n>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several)"
                  r"\s+(?P<unit>day|week|month|year|decade)s?\s+(?:ago|earlier|before)\b", low)
    if m and ref is not None and m.group("n") != "several":
        return _ago(ref, _count(m.group("n")), m.group("unit"))
    return _NOT_MINE


def _spelled_out_year(low, expr, ref, future):
    """'nineteen ninety-six', 'two thousand and three'."""
    return _spelled_year(low) or _NOT_MINE


def _ordinal_quarter(low, expr, ref, future):
    """'the third quarter', 'last year's fourth quarter', 'Q3' written out: the year from the text, else the
    document's (last year's when that quarter is nearer back than ahead)."""
    m = re.search(r"\b(?P<n>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+quarter", low)
    if not m:
        return _NOT_MINE
    year_m = re.search(_YEAR, low)
    which = re.search(r"\b(?P<which>last|this|next)\s+year(?:'s)?\b", low)
    step = {"last": -1, "next": 1}.get(which.group("which") if which else "", 0)
    year = int(year_m.group("year")) if year_m else (ref.year + step if ref else None)
    n = ORDINALS[m.group("n")]
    if re.search(r"\bquarter\s+of\s+(?:the\s+|its\s+|this\s+)?(?:fiscal|financial)\s+year\b", expr.lower()) and year:
        # 'the first quarter of the financial year': a quarter of the firm's own year, whose calendar months no
        # text says ('the fiscal third quarter' stays the calendar quarter, as TimeBank annotates it)
        return f"FY{year:04d}-Q{n}"
    if year and not year_m and not which and future is not True:  # the year came from the document date
        ahead, since = 3 * (n - 1) + 1 - ref.month, ref.month + 12 - 3 * n  # months to its start, since its end
        if 0 < ahead and since <= ahead:
            year -= 1  # 'in the fourth quarter, sales rose' in a January paper: last year's is nearer
    return f"{year:04d}-Q{n}" if year else f"XXXX-Q{n}"


def _the_quarter(low, expr, ref, future):
    """Earnings news: 'the quarter' is the last one reported, the one before the document's own; 'the
    year-earlier quarter' is that one a year back."""
    m = re.fullmatch(r"(?:(?:in|during|for|of)\s+)?(?:the\s+)?(?P<ago>year-(?:ago|earlier)\s+)?(?:(?:latest|"
                     r"most\s+recent|recent|just-ended|just\s+ended)\s+)?(?:financial\s+)?(?:quarter|period)(?:'s)?",
                     expr.lower().strip(" .,").replace("\u2019", "'"))
    if not (m and ref is not None and (m.group("ago") or "period" not in low)):
        return _NOT_MINE
    quarter = (ref.month - 1) // 3 - 1
    year = ref.year + quarter // 4 - (1 if m.group("ago") else 0)
    return f"{year:04d}-Q{quarter % 4 + 1}"


def _fiscal_year(low, expr, ref, future):
    """A fiscal year by its calendar year, as TimeBank annotates it ('fiscal 1990', 'last fiscal year')."""
    m = re.fullmatch(rf"(?:(?P<which>this|last|next|current|previous)\s+)?fiscal(?:\s+year)?(?:\s+{_YEAR})?", low)
    if not (m and (m.group("year") or m.group("which") and ref)):
        return _NOT_MINE
    step = {"last": -1, "previous": -1, "next": 1}.get(m.group("which") or "", 0)
    return f"{int(m.group('year')) if m.group('year') else ref.year + step:04d}"


def _year_end(low, expr, ref, future):
    """'by year end', "at year's end": the year's last month (last year's in a paper of January or February,
    which reports the year just ended)."""
    m = re.fullmatch(rf"(?:the\s+)?(?:end\s+of\s+(?:the\s+)?year|year(?:'s|\u2019s)?[\s-]end)(?:\s+{_YEAR})?", low)
    if not (m and (m.group("year") or ref)):
        return _NOT_MINE
    year = int(m.group("year")) if m.group("year") else ref.year - (1 if ref.month <= 2 and not future else 0)
    return f"{year:04d}-12"


def _season(low, expr, ref, future):
    """'summer 2023', 'this winter' (the document's year)."""
    m = re.search(rf"\b(?P<season>{'|'.join(SEASONS)})(?:\s+(?:of\s+)?{_YEAR})?\b", low)
    if not (m and (m.group("year") or ref)):
        return _NOT_MINE
    year = int(m.group("year")) if m.group("year") else ref.year
    return f"{year:04d}-{SEASONS[m.group('season')]}"


def _year(low, expr, ref, future):
    """'2023', 'the 1990s' (a decade: '199')."""
    m = re.search(rf"\b{_YEAR}s?\b", low)
    if not m:
        return _NOT_MINE
    if low.endswith("s") and re.search(r"\d0s$", low):
        return m.group("year")[:3]
    return m.group("year")


def _weekday_name(low, expr, ref, future):
    """'Tuesday', 'last Friday', 'next Monday': a day of the document's week (none without its date)."""
    for name in WEEKDAYS:
        if re.search(rf"\b{name}\b", low):
            if ref is None:
                return None
            if "next" in low:
                return _weekday(name, ref, True)
            if "last" in low and ref.weekday() != WEEKDAYS[name]:
                return _weekday(name, ref - dt.timedelta(days=1), False)
            return _weekday(name, ref, future)
    return _NOT_MINE


# The forms of a point in time, most specific first; anything else is read relative to the document date
# ('today', 'the day before').
POINT_READERS = (_full_date, _month_and_day, _month, _units_ago, _spelled_out_year, _ordinal_quarter, _the_quarter,
                 _fiscal_year, _year_end, _season, _year, _weekday_name)


def _nearest_year(ref: dt.date, month: int, future: bool | None) -> int:
    """The year of a bare month name: the coming one if the text speaks of the future, the past one if
    of the past; with no tense to go by, news mostly reports the past: this year up to two months
    ahead of the document date, else last year."""
    if future is True:
        return ref.year if month >= ref.month else ref.year + 1
    if future is False:
        return ref.year if month <= ref.month else ref.year - 1
    ahead = (month - ref.month) % 12
    if 0 < ahead <= 2:  # up to two months ahead, across a new year too ('Jan. 2' in a November article)
        return ref.year if month > ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


_NUMBER_WORDS: dict[str, int] = _CALENDAR["small_counts"]


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _ago(ref: dt.date, n: int, unit: str) -> str:
    """'two weeks ago' -> a day; 'five months ago' -> a month; 'two years ago' -> a year."""
    if unit == "day":
        return (ref - dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return (ref - dt.timedelta(weeks=n)).isoformat()
    if unit == "month":
        year, month = _shift_month(ref, -n)
        return f"{year:04d}-{month:02d}"
    if unit == "decade":
        return str((ref.year - 10 * n) // 10)
    return str(ref.year - n)


_SPELLED_TENS: dict[str, int] = _CALENDAR["spelled_tens"]
_SPELLED_ONES: dict[str, int] = _CALENDAR["spelled_ones"]


def _spelled_year(low: str) -> str | None:
    """'nineteen ninety-six' -> 1996, 'two thousand' -> 2000, 'two thousand and three' -> 2003."""
    m = re.search(r"\b(?P<century>eighteen|nineteen|twenty)[\s-]+(?P<tens>[a-z]+)(?:-(?P<ones>[a-z]+))?\b", low)
    if m and m.group("tens") in _SPELLED_TENS and (m.group("ones") is None or m.group("ones") in _SPELLED_ONES):
        year = _SPELLED_TENS[m.group("century")] * 100 + _SPELLED_TENS[m.group("tens")]
        return str(year + (_SPELLED_ONES.get(m.group("ones"), 0) if m.group("ones") else 0))
    m = re.search(r"\btwo thousand(?:\s+(?:and\s+)?(?P<ones>[a-z]+))?\b", low)
    if m and (m.group("ones") is None or m.group("ones") in _SPELLED_ONES or m.group("ones") in _SPELLED_TENS):
        extra = _SPELLED_ONES.get(m.group("ones") or "", 0) or _SPELLED_TENS.get(m.group("ones") or "", 0)
        return str(2000 + extra)
    return None


_RELATIVE_DAYS: dict[str, int] = _CALENDAR["relative_days"]
_ORDINAL_DAY = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                          r"tenth|last|final|opening|closing)\s+day\b")
# 'the week before', 'the month earlier': one unit before the document's own
_UNIT_BEFORE = re.compile(r"(?:the\s+)?(?P<unit>day|week|month|year)\s+(?:before|earlier|prior)")
_UNIT_RE = r"(?P<unit>week|month|year|quarter|decade)"


def _relative(low: str, ref: dt.date | None) -> str | None:
    if ref is None:
        return None
    before = _UNIT_BEFORE.fullmatch(low)
    if before:
        unit = before.group("unit")
        if unit == "day":
            return (ref - dt.timedelta(days=1)).isoformat()
        return _relative(f"last {unit}", ref)
    if _ORDINAL_DAY.search(low):
        return None  # 'the 99th day', 'the first day of school': a day of something else, not the paper's
    for phrase, days in _RELATIVE_DAYS.items():
        if low == phrase or low.endswith(" " + phrase) or low.startswith(phrase + " "):
            return (ref + dt.timedelta(days=days)).isoformat()
    m = re.search(rf"\b(?P<which>this|last|next|past|previous|coming|current)\s+{_UNIT_RE}\b", low)
    if m is None:
        m = re.search(rf"\b(?P<which>)(?:of\s+)?the\s+{_UNIT_RE}\b", low) if low.startswith(("beginning", "end", "start")) else None
    if m is None:
        return None
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m.group("which"), 0)
    unit = m.group("unit")
    if unit == "week":
        return _week(ref + dt.timedelta(weeks=step))
    if unit == "month":
        year, month = _shift_month(ref, step)
        return f"{year:04d}-{month:02d}"
    if unit == "quarter":
        quarter = (ref.month - 1) // 3 + step
        year = ref.year + quarter // 4
        return f"{year:04d}-Q{quarter % 4 + 1}"
    if unit == "decade":
        return str(ref.year // 10 + step)[:3]
    return str(ref.year + step)


# The present as a phrase ('to date', 'at the moment'): in running text it dates the figure's predicate.
_PRESENT_PHRASES = r"now|currently|at\s+present|at\s+the\s+moment|to\s+date|so\s+far|as\s+yet|for\s+now|presently"
PRESENT_RE = re.compile(rf"\b(?:{_PRESENT_PHRASES})\b", re.I)
# TIMEX3's reference values: the present, the past and the future as such, with no calendar value.
_REFERENCES = [
    ("PRESENT_REF", re.compile(rf"(?:right\s+)?(?:{_PRESENT_PHRASES})|current|these\s+days|nowadays|already|"
                               r"this\s+(?:crucial\s+)?moment")),
    ("PAST_REF", re.compile(r"(?:more\s+|until\s+|only\s+)?recent(?:ly)?|lately|previously|formerly|once|earlier|"
                            r"(?:in\s+)?the\s+past|(?:in\s+)?(?:recent|past)\s+(?:years|months|weeks|days|decades)|"
                            r"recent\s+weeks\s+and\s+months|the\s+(?:last|past)\s+(?:few|several)\s+"
                            r"(?:years|months|weeks|days|decades|quarters)|several\s+years\s+ago|years\s+ago")),
    ("FUTURE_REF", re.compile(r"(?:in\s+)?the\s+(?:near\s+|distant\s+)?future|future|soon|eventually|one\s+day|"
                              r"(?:in\s+)?the\s+(?:near|short|long)\s+term|(?:in\s+)?(?:the\s+)?coming\s+"
                              r"(?:years|months|weeks|days|quarters)|future\s+(?:years|quarters|months)|"
                              r"a\s+later\s+date|as\s+soon\s+as\s+possible")),
]


def _reference(low: str) -> str | None:
    """PRESENT_REF, PAST_REF or FUTURE_REF for the whole expression ('now', 'recently', 'the future')."""
    low = low.strip(" .,")
    bare = re.sub(r"^(?:on|in|at|by|during|until|for|of)\s+", "", low)
    for value, pattern in _REFERENCES:
        if pattern.fullmatch(low) or pattern.fullmatch(bare):
            return value
    return None


_INTERVAL_RE = re.compile(r"^(?:between|from)\s+(?P<a>.+?)\s+(?:and|to|until|through|-)\s+(?P<b>.+)$", re.I)
_VAGUE = re.compile(r"\b(?:recent|recently|now|currently|soon|past few|coming|these days|so far|lately|once)\b", re.I)


# 'March 17-20', 'March 30-April 4', 'Feb. 11-15, 2016': a range of days, written with one month name or two
_DAY_RANGE_RE = re.compile(rf"^(?:(?:from|between|on)\s+)?(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
                           rf"\s*(?:-|\u2013|to|through)\s*(?:(?P<m2>{_MONTH_RE})\.?\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?"
                           rf"(?:,?\s+(?P<year>1[5-9]\d\d|20\d\d))?$", re.I)
# 'the first nine months', 'the nine months', 'the first 10 months of the year', 'the first nine months of 1997'
_MONTHS_SO_FAR_RE = re.compile(r"^(?:(?:in|for|during|over)\s+)?(?:the\s+(?:(?:first|latest)\s+)?|first\s+)(?P<n>\d{1,2}|two|three|"
                               r"four|five|six|seven|eight|nine|ten|eleven)\s+months(?:\s+of\s+(?:the\s+year|"
                               r"(?P<year>1[5-9]\d\d|20\d\d)))?$", re.I)
# Without a preposition, only these join two ends of an interval ('Oct. 30 to Nov. 8', 'Thursday through Monday')
_BARE_INTERVAL_RE = re.compile(r"^(?P<a>.+?)\s+(?:to|through|until|thru)\s+(?P<b>.+)$", re.I)


_YEAR_EARLIER_RE = re.compile(r"(?:(?:in|for|during)\s+)?(?:the\s+)?year-(?:earlier|ago)(?:\s+(?P<n>\d{1,2}|two|three|four|"
                              r"five|six|seven|eight|nine|ten|eleven)\s+months)?")


def _day_range(m: re.Match, ref: dt.date | None, future: bool | None) -> str | None:
    year = int(m.group("year")) if m.group("year") else None
    first = _point(f"{m.group('m1')} {m.group('d1')}" + (f", {year}" if year else ""), ref, future)
    second = _point(f"{m.group('m2') or m.group('m1')} {m.group('d2')}" + (f", {year}" if year else ""), ref, future)
    if first is None or second is None or second < first:
        return None
    return f"{first}/{second}"


def _months_so_far(m: re.Match, ref: dt.date | None) -> str | None:
    """'the first nine months' of the document's year (of last year when the paper is not that far into it)."""
    n = _count(m.group("n").lower())
    if not 1 < n < 12:
        return None
    if m.group("year"):
        year = int(m.group("year"))
    elif ref is not None:
        year = ref.year if ref.month > n else ref.year - 1
    else:
        return None
    return f"{year:04d}-01/{year:04d}-{n:02d}"


def _months_back(n: int, ref: dt.date) -> str:
    """'the last three months' in a February 1998 paper: 1997-11/1998-01, the whole months before its own."""
    first, last = _shift_month(ref, -n), _shift_month(ref, -1)
    return f"{first[0]:04d}-{first[1]:02d}/{last[0]:04d}-{last[1]:02d}"


def _period(expr: str, ref: dt.date | None) -> str | None:
    """A quarter by the day it ended ('the quarter ended Sept. 30'), months of a named year ('the last three
    months of 2015'); None for anything else."""
    low = expr.lower().strip(" .,")
    m = re.search(r"\bquarter\s+(?:ended|ending|that\s+ended)\s+(?P<date>.+)$", low)
    if m:  # 'the quarter ended Sept. 30': the quarter that date closes
        day = _point(m.group("date"), ref, False)
        if day and re.fullmatch(r"\d{4}-\d\d-\d\d", day):
            return f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}"
    m = re.fullmatch(rf"(?:(?:in|during|for|over)\s+)?(?:the\s+)?(?P<which>first|last)\s+(?P<n>\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten|eleven)"
                     rf"\s+months\s+of\s+{_YEAR}", low)
    if m:  # 'the last three months of 2015'
        n, year = _count(m.group("n")), int(m.group("year"))
        first, last = (1, n) if m.group("which") == "first" else (13 - n, 12)
        return f"{year:04d}-{first:02d}/{year:04d}-{last:02d}" if n < 12 else str(year)
    return None


def normalise(expr: str, ref: dt.date | None, *, future: bool | None = None) -> str | None:
    """TIMEX3 value of a time expression, against the document date ``ref`` (or None)."""
    expr = re.sub(r"\s+", " ", expr.strip())
    if len(expr) > 80:
        return None  # no time expression is that long: not worth the risk of a slow match
    m = _DAY_RANGE_RE.match(expr.strip(" .,"))
    if m:
        return _day_range(m, ref, future)
    m = _MONTHS_SO_FAR_RE.match(expr.strip(" .,"))
    if m:
        return _months_so_far(m, ref)
    period = _period(expr, ref)
    if period is not None:
        return period
    m = _YEAR_EARLIER_RE.fullmatch(expr.strip(" .,").lower())
    if m and ref is not None:  # 'Year-earlier', 'the year-earlier nine months': the same span a year back
        if m.group("n"):
            year = ref.year - 1
            return f"{year:04d}-01/{year:04d}-{_count(m.group('n')):02d}"
        return str(ref.year - 1)
    m = _INTERVAL_RE.match(expr) or _BARE_INTERVAL_RE.match(expr)
    if m:
        a = _point(m.group("a"), ref, future)
        b = _point(m.group("b"), ref, future)
        if a and b:
            a_years, b_years = re.search(_YEAR, m.group("a")), re.search(_YEAR, m.group("b"))
            if re.fullmatch(r"(?:XXXX|\d{4})-\d\d(?:-\d\d)?", a) and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", b) \
                    and not a_years and (b_years or a.startswith("XXXX")):
                # 'between September and October of 2007': the year written once holds for both ends
                year = int(b[:4]) - (1 if a[5:7] > b[5:7] else 0)
                a = f"{year:04d}{a[4:]}"
            return f"{a}/{b}" if not (a[:4].isdigit() and b[:4].isdigit() and b < a) else None
    low = expr.lower()
    reference = _reference(low)
    if reference is not None:
        return reference
    span = re.fullmatch(r"(?:(?:over|in|during|for|within)\s+)?(?:the\s+)?(?:last|past|next|coming|previous)\s+"
                        r"(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                        r"(?P<unit>day|week|month|year|decade)s?", low.strip(" .,"))
    if span and span.group("unit") == "month" and ref is not None and re.search(r"\b(?:last|past|previous)\b", low):
        return _months_back(_count(span.group("n")), ref)
    if span:  # 'the past nine days': a duration, TIMEX3 P9D
        unit = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE"}[span.group("unit")]
        return f"P{_count(span.group('n'))}{unit}"
    if re.search(r"\b(?:last|past|next|coming|previous)\s+(?:\d+|two|three|four|five|six|several|few)\b", low):
        return None
    value = _point(expr, ref, future)
    if value is None and _VAGUE.search(expr):
        return None
    return value


# DATE/TIME mentions that name no time the figure refers to: frequencies ('annually', 'a year'), bare units
# ('for hours'), ages ('aged 20 to 50'), 'year-on-year' comparisons.
_NOT_A_TIME = re.compile(
    r"^(?:for\s+)?(?:annual(?:ly)?|daily|weekly|monthly|yearly|quarterly|hourly|nightly|biannual(?:ly)?|"
    r"(?:each|every|per|a)\s+(?:day|week|month|quarter|year)|(?:hours|days|weeks|months|years|decades|minutes)|"
    r"year[- ](?:on[- ]|over[- ]|to[- ])?year|ages?\b.*|aged\b.*|\d{1,3})$", re.I)  # a bare '8': 'Mason, 8, of Omaha'


def names_a_time(expr: str) -> bool:
    """False for DATE/TIME mentions that are frequencies, bare units, ages, bare small numbers or year-on-year
    comparisons."""
    return not _NOT_A_TIME.match(re.sub(r"\s+", " ", expr.strip(" .,")))


# A clock time in running text, a time of the document's day: hours and minutes with a colon, or with am/pm
# ('at 16:08 UTC', '6.13am', '2 p.m.'). A bare '3.50' is a price, not a time.
CLOCK_IN_TEXT_RE = re.compile(
    r"(?<![\d.:,$£€])(?P<h>[01]?\d|2[0-3])(?::(?P<m>[0-5]\d)(?:\s*(?P<ampm>[ap])\.?m\b\.?)?"
    r"|(?:[.:](?P<m2>[0-5]\d))?\s*(?P<ampm2>[ap])\.?m\b\.?)"
    r"(?:\s*(?:GMT|UTC|BST|EST|EDT|CST|CDT|PST|PDT|CET|CEST)\b)?(?![\d:])", re.I)


def clock_value(expr: str, ref: dt.date | None) -> str | None:
    """'16:08 UTC' on 2008-09-17 -> '2008-09-17T16:08'; '2pm' -> 'T14:00'; None when ``expr`` holds no clock
    time. Without a document date the day is XXXX-XX-XX."""
    m = CLOCK_IN_TEXT_RE.search(expr)
    if m is None:
        return None
    hour, minute = int(m.group("h")), int(m.group("m") or m.group("m2") or 0)
    ampm = (m.group("ampm") or m.group("ampm2") or "").lower()
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    day = ref.isoformat() if ref else "XXXX-XX-XX"
    return f"{day}T{hour:02d}:{minute:02d}"


def with_clock(expr: str, value: str | None, ref: dt.date | None) -> str | None:
    """A time expression's value with its clock time: 'Friday at 2pm' -> 2025-02-28T14:00; a bare clock time
    is a time of the document's day; a value that is not a day stays as it is."""
    if not CLOCK_IN_TEXT_RE.search(expr):
        return value
    if value is None:
        return clock_value(expr, ref)
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        clock = clock_value(expr, dt.date.fromisoformat(value))
        return clock or value
    return value
