"""TimeBank 1.2 + AQUAINT (TempEval-3 cleaned): normalising DATE expressions against the creation time.

    python bench/timebank.py

Every TIMEX3 of type DATE (the creation time itself excluded) is given, with its
document's creation time, to factx's date normaliser and, in the same run, to
dateparser (creation time as RELATIVE_BASE, its answer rendered at the gold
value's granularity, which favours dateparser). Reports exact-value accuracy on
all DATE values and on the calendar ones (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www,
YYYY-Qn, XXXX-...), i.e. without PRESENT_REF/PAST_REF/FUTURE_REF.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import SHARED, save, table  # noqa: E402

from factx.dates import normalise  # noqa: E402

DATA = SHARED / "bench-data" / "timebank"
CALENDAR = re.compile(r"^(?:\d{4}|XXXX)(?:-(?:\d\d|W\d\d|Q\d|SP|SU|FA|WI)(?:-\d\d)?)?$")


def items() -> list[tuple[str, str, dt.date]]:
    """(expression, gold value, creation date) for every DATE TIMEX3 but the creation time."""
    out = []
    for path in sorted((DATA / "TimeBank").glob("*.tml")) + sorted((DATA / "AQUAINT").glob("*.tml")):
        root = ET.parse(path).getroot()
        dct_node = root.find("DCT/TIMEX3")
        dct = dt.date.fromisoformat(dct_node.get("value")[:10])
        for timex in root.iter("TIMEX3"):
            if timex.get("type") != "DATE" or timex.get("functionInDocument") == "CREATION_TIME":
                continue
            text = "".join(timex.itertext()).strip()
            if text:
                out.append((text, timex.get("value"), dct))
    return out


def render(value: dt.datetime | None, gold: str) -> str | None:
    """dateparser's datetime at the granularity of the gold value."""
    if value is None:
        return None
    if re.fullmatch(r"\d{4}-\d\d-\d\d", gold):
        return value.strftime("%Y-%m-%d")
    if re.fullmatch(r"\d{4}-\d\d", gold):
        return value.strftime("%Y-%m")
    if re.fullmatch(r"\d{4}", gold):
        return value.strftime("%Y")
    if re.fullmatch(r"\d{4}-W\d\d", gold):
        year, week, _ = value.isocalendar()
        return f"{year}-W{week:02d}"
    if re.fullmatch(r"\d{4}-Q\d", gold):
        return f"{value.year}-Q{(value.month - 1) // 3 + 1}"
    return value.strftime("%Y-%m-%d")


def main() -> None:
    import dateparser

    data = items()
    results = {"factx": [], "dateparser": []}
    seconds = {}
    start = time.perf_counter()
    for text, gold, dct in data:
        results["factx"].append(normalise(text, dct) == gold)
    seconds["factx"] = time.perf_counter() - start
    start = time.perf_counter()
    for text, gold, dct in data:
        base = dt.datetime.combine(dct, dt.time(12))
        try:
            parsed = dateparser.parse(text, languages=["en"],
                                      settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
        except Exception:  # a peer's crash counts as a wrong answer
            parsed = None
        results["dateparser"].append(render(parsed, gold) == gold)
    seconds["dateparser"] = time.perf_counter() - start
    calendar = [bool(CALENDAR.match(gold)) for _, gold, _ in data]
    rows, summary = [], {"items": len(data), "calendar_items": sum(calendar)}
    for name, right in results.items():
        all_acc = sum(right) / len(right)
        cal_acc = sum(r for r, c in zip(right, calendar) if c) / sum(calendar)
        rows.append([name, all_acc, cal_acc, seconds[name]])
        summary[name] = {"accuracy_all": all_acc, "accuracy_calendar": cal_acc, "seconds": seconds[name]}
    table(f"TimeBank+AQUAINT DATE values: {len(data)} expressions ({sum(calendar)} calendar)",
          ["normaliser", "exact (all)", "exact (calendar)", "seconds"], rows)
    misses = Counter(gold if not CALENDAR.match(gold) else re.sub(r"\d", "9", gold)
                     for (text, gold, dct), ok in zip(data, results["factx"]) if not ok)
    print("factx misses by gold shape:", ", ".join(f"{k} {v}" for k, v in misses.most_common(8)))
    summary["factx_misses_by_shape"] = dict(misses.most_common(20))
    save("timebank", summary)


if __name__ == "__main__":
    main()
