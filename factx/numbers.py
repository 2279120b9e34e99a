"""Reading the value of a written number: digits, number words, fractions and scale words.

Spelled-out cardinals go through text2num; this module adds what text2num does
not cover in news text (thousands separators, "a dozen", "two-thirds", short
scales such as "bn" and "m"). Pure functions, no spaCy: easy to test in tables.
"""
from __future__ import annotations

import re
import unicodedata

from text_to_num import text2num

from .resources import load

_NUMBERS = load("numbers")
SCALES: dict[str, int] = _NUMBERS["scales"]
SHORT_SCALES: dict[str, int] = _NUMBERS["short_scales"]
DOZENS: dict[str, int] = _NUMBERS["dozen"]
DENOMINATORS: dict[str, int] = _NUMBERS["fraction_denominators"]
UNIT_WORDS: list[str] = _NUMBERS["units"]
TENS_WORDS: list[str] = _NUMBERS["tens"]
_SMALL = {word: n for n, word in enumerate(UNIT_WORDS)}
_SMALL.update({"a": 1, "an": 1})


def _digits(text: str) -> float | None:
    """'1,026.13' -> 1026.13; Unicode decimal digits (Arabic-Indic...) are read too."""
    cleaned = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)
    cleaned = cleaned.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        return None


def _fraction(text: str) -> float | None:
    """'two-thirds' -> 0.6667, 'a quarter' -> 0.25, 'one-half' -> 0.5, 'half' -> 0.5."""
    words = re.split(r"[\s\-]+", text.lower().strip())
    if len(words) == 1 and words[0] in ("half",):
        return 0.5
    if len(words) != 2 or words[1] not in DENOMINATORS:
        return None
    numerator = _SMALL.get(words[0])
    if numerator is None:
        return None
    return round(numerator / DENOMINATORS[words[1]], 4)


def parse_number(text: str) -> float | None:
    """The value of a number core without its scale word: digits, words, dozens or fractions."""
    text = text.strip()
    if not text:
        return None
    if text[0].isdecimal() or (text[0] == "." and len(text) > 1):
        return _digits(text)
    lowered = re.sub(r"\s+", " ", text.lower())
    if lowered in DOZENS:
        return float(DOZENS[lowered])
    fraction = _fraction(lowered)
    if fraction is not None:
        return fraction
    try:
        return float(text2num(lowered.replace(" and ", " "), "en"))
    except ValueError:
        return None


def scale_factor(word: str | None) -> int:
    """'million' -> 1e6, 'bn' -> 1e9; None or '' -> 1."""
    if not word:
        return 1
    parts = word.lower().split()
    if len(parts) > 1:  # 'hundred million', 'hundred thousand'
        factor = 1
        for part in parts:
            factor *= SCALES.get(part, 1)
        return factor
    return SCALES.get(word.lower()) or SHORT_SCALES.get(word) or SHORT_SCALES.get(word.lower(), 1)


def tidy(value: float | None) -> float | int | None:
    """Integers as ints (4000, not 4000.0), other values rounded to remove float noise."""
    if value is None:
        return None
    rounded = round(value, 6)
    if rounded == int(rounded) and abs(rounded) < 2**53:
        return int(rounded)
    return rounded
