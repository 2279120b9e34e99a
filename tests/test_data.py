"""Every word list in factx/data is read by the code: no list that looks like it matters but does not."""
import json
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "factx"
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in sorted(PACKAGE.rglob("*.py")))
LISTS = [(path.stem, key) for path in sorted((PACKAGE / "data").glob("*.json"))
         for key in json.loads(path.read_text(encoding="utf-8")) if key != "_comment"]


def test_there_are_lists():
    assert len(LISTS) > 30


# Files read whole: every key is itself a value the code uses (qualifiers.json: a mod per key).
WHOLE = {"qualifiers": r"_QUALIFIERS = load\(\"qualifiers\"\)[\s\S]*_QUALIFIERS\.items\(\)"}


@pytest.mark.parametrize("name, key", LISTS, ids=[f"{n}.{k}" for n, k in LISTS])
def test_list_is_read(name, key):
    assert re.search(rf"""load\(["']{name}["']\)""", SOURCE), f"factx/data/{name}.json is never loaded"
    if name in WHOLE:
        assert re.search(WHOLE[name], SOURCE)
        return
    assert re.search(rf"""\[["']{re.escape(key)}["']\]|get\(["']{re.escape(key)}["']""", SOURCE), \
        f"factx/data/{name}.json: '{key}' is never read"
