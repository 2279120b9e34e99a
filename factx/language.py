"""Is a text English? factx reads English news only; other languages give junk records ('millones' as a unit).

A cheap test first (English function words are common in any English passage); only a text that fails it
goes to py3langid, a kept language identifier, loaded once per process when first needed.
"""
from __future__ import annotations

import re
from functools import cache

from .resources import load

_FUNCTION_WORDS = frozenset(load("language")["english_function_words"])
_NAMES = load("language")["names"]
_WORD_RE = re.compile(r"[^\W\d_]+")
SAMPLE_CHARS = 3000
_MIN_WORDS = 12  # fewer words say too little about a language: no warning
_ENGLISH_SHARE = 0.12  # English prose has a function word in one word of four or five


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def foreign_language(text: str) -> str | None:
    """The language's name when ``text`` is clearly not English ('Spanish'), else None."""
    words = _WORD_RE.findall(text[:SAMPLE_CHARS].lower())
    if len(words) < _MIN_WORDS:
        return None
    if sum(w in _FUNCTION_WORDS for w in words) >= _ENGLISH_SHARE * len(words):
        return None
    code, probability = _identifier().classify(text[:SAMPLE_CHARS])
    if code == "en" or probability < 0.95:
        return None
    return _NAMES.get(code, code)
