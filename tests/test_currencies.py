"""Currencies come from CLDR (through Babel, generated into factx/data/currencies_cldr.json) with the news
spellings CLDR lacks kept by hand (the data issue, point 2)."""
import json
from pathlib import Path

import pytest

from conftest import figure_at

DATA = Path(__file__).resolve().parent.parent / "factx" / "data"
HAND = json.loads((DATA / "currencies.json").read_text(encoding="utf-8"))
CLDR = json.loads((DATA / "currencies_cldr.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text, figure, value, unit", [
    ("The fare rose nine Australian cents.", "nine Australian cents", 0.09, "AUD"),
    ("Profit was dlrs 4.5 million.", "dlrs 4.5 million", 4_500_000, "USD"),
    ("Profit was 4.5 mln dlrs.", "4.5 mln dlrs", 4_500_000, "USD"),
    ("Fees were 20,000 Ugandan shillings.", "20,000 Ugandan shillings", 20_000, "UGX"),
    ("The fine was 12 Canadian cents.", "12 Canadian cents", 0.12, "CAD"),
    ("It sold for 5 million Danish kroner.", "5 million Danish kroner", 5_000_000, "DKK"),
    ("The plant cost RM5 million.", "RM5 million", 5_000_000, "MYR"),
    ("Exports reached Rp 20 billion.", "Rp 20 billion", 20_000_000_000, "IDR"),
    ("A ticket is Ksh 300.", "Ksh 300", 300, "KES"),
    ("Farmers paid FCFA 5,000.", "FCFA 5,000", 5_000, "XAF"),
    ("Bread costs 40 Ghanaian cedis.", "40 Ghanaian cedis", 40, "GHS"),
])
def test_currency_forms_of_the_news(extract, text, figure, value, unit):
    record = figure_at(extract(text), figure)
    assert (record["figure"]["value"], record["figure"]["unit"], record["figure"]["kind"]) == (value, unit, "money")


@pytest.mark.parametrize("text", ["Le 5 mars, the city voted.", "Route KM 5 closed.", "Read den 5 pages."])
def test_signs_that_are_words_or_units_are_no_currency(extract, text):
    assert all(r["figure"]["kind"] != "money" for r in extract(text))


NEVER_BY_HAND = sorted({code for code in CLDR["names"].values()} - set(HAND["word"].values())
                       - set(HAND["prefix"].values()))


def test_cldr_brings_currencies_the_hand_list_never_had():
    assert len(NEVER_BY_HAND) >= 100


@pytest.mark.parametrize("code", ["AOA", "BDT", "BWP", "ETB", "GHS", "GEL", "JMD", "JOD", "KZT", "MAD", "MMK",
                                  "MNT", "MUR", "MWK", "OMR", "PEN", "QAR", "RSD", "RWF", "TND", "TZS", "UGX",
                                  "UYU", "ZMW"])
def test_a_currency_named_in_english_is_its_code(extract, code):
    assert code in NEVER_BY_HAND
    name = next(n for n, c in CLDR["names"].items() if c == code and n.endswith("s"))
    record = figure_at(extract(f"The fee rose to 300 {name} last year."), f"300 {name}")
    assert record["figure"]["unit"] == code


def test_the_generated_table_matches_the_installed_babel():
    babel = pytest.importorskip("babel")
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location("cldr_currencies", DATA.parent.parent / "tools" / "cldr_currencies.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["cldr_currencies"] = module
    spec.loader.exec_module(module)
    assert module.build() == CLDR, f"rerun python tools/cldr_currencies.py (Babel {babel.__version__})"
