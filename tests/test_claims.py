"""Claims and conflicts: figures that measure the same thing, agreeing or not; factx show."""
import json

import pytest
from typer.testing import CliRunner

from factx.claims import conflicts, fold_what, interval, overlap, unit_key
from factx.cli import app


@pytest.mark.parametrize("a, b, agree", [
    (("more_than", 1000, 1000), (None, 3000, 3000), True),
    (("approx", 300, 300), (None, 4000, 4000), False),
    (("approx", 11000, 11000), (None, 12000, 12000), True),
    ((None, 1000, 3000), ("more_than", 1000, 1000), True),
    (("at_most", 100, 100), (None, 150, 150), False),
    (("at_least", 100, 100), ("at_most", 90, 90), False),
    (("less_than", 200, 200), (None, 190, 190), True),
    ((None, 4000, 4000), (None, 4050, 4050), True),
    ((None, 4000, 4000), (None, 4500, 4500), False),
])
def test_ranges_respect_qualifiers(a, b, agree):
    fa = {"mod": a[0], "low": a[1], "high": a[2]}
    fb = {"mod": b[0], "low": b[1], "high": b[2]}
    assert overlap(interval(fa), interval(fb)) == agree


@pytest.mark.parametrize("what, key", [("killed", "killed"), ("died", "killed"), ("deaths", "killed"),
                                       ("injured", "wounded"), ("sent", "deployed"), ("dispatched", "deployed"),
                                       ("injuries", "wounded"), ("bundled", "bundle"), ("buses", "bus"),
                                       ("bus", "bus"), ("rose", "rose"), ("holds", "hold"), ("death toll", "killed"),
                                       (None, None)])
def test_fold_what(what, key):
    assert fold_what(what) == key


@pytest.mark.parametrize("figure, key", [
    ({"kind": "count", "unit": "soldiers"}, "soldier"),
    ({"kind": "count", "unit": "soldier"}, "soldier"),
    ({"kind": "money", "unit": "USD"}, "USD"),
    ({"kind": "percent", "unit": "%"}, "%"),
    # a unit of measure is compared by its dimension: speeds in km/h and in mph meet (their values converted),
    # energy and speed never meet on 'hour'; a unit pint does not read as news does is compared whole
    ({"kind": "measure", "unit": "kilometres per hour"}, "dimension: meter / second"),
    ({"kind": "measure", "unit": "miles per hour"}, "dimension: meter / second"),
    ({"kind": "measure", "unit": "kilowatt hours"}, "dimension: kilogram * meter ** 2 / second ** 2"),
    ({"kind": "measure", "unit": "tons"}, "tons"),
    ({"kind": "duration", "unit": "years"}, "year"),
    ({"kind": "other", "unit": None}, None),
])
def test_unit_key(figure, key):
    assert unit_key(figure) == key


ARTICLE = (
    "Officials in Kyiv said that around 300 soldiers had been killed near Kursk.\n"
    "President Volodymyr Zelenskyy said 4,000 soldiers had been killed near Kursk.\n"
    "The army said more than 1,000 soldiers were sent to Kursk, while the ministry said 3,000 soldiers were sent.\n"
)


@pytest.fixture(scope="module")
def article_records(extract):
    return extract(ARTICLE, "2025-02-24")


def test_claim_ids_in_records(article_records):
    by_text = {r["figure"]["text"]: r["claim"] for r in article_records}
    assert by_text["around 300"] == by_text["4,000"] is not None
    assert by_text["more than 1,000"] == by_text["3,000"] is not None
    assert by_text["around 300"] != by_text["3,000"]


def test_disagreement_and_agreement(article_records):
    found = {c["what"]: c for c in conflicts(article_records)}
    killed = found["killed"]
    assert killed["agree"] is False
    assert [(f["who"], f["figure"]) for f in killed["figures"]] == [
        ("Officials", "around 300"), ("Volodymyr Zelenskyy", "4,000")]
    sent = found["sent"]
    assert sent["agree"] is True
    assert {f["who"] for f in sent["figures"]} == {"The army", "the ministry"}


def test_one_source_listing_values_is_no_conflict(extract):
    records = extract("Shares rose 3.1% in Paris and rose 2.8% in Frankfurt, traders said.", "2025-02-24")
    assert conflicts(records) == []


def test_cross_document_groups(extract):
    a = extract("Officials said 300 soldiers were killed in Kursk.", "2025-02-24")
    b = extract("The ministry said 2,000 soldiers were killed in Kursk.", "2025-02-25")
    for record in a:
        record["doc"] = "a"
    for record in b:
        record["doc"] = "b"
    [claim] = conflicts(a + b)
    assert claim["agree"] is False
    assert [f["doc"] for f in claim["figures"]] == ["a", "b"]


def test_different_places_or_times_do_not_group(extract):
    records = extract("Officials said 300 soldiers were killed in Kursk. "
                      "The ministry said 2,000 soldiers were killed in Gaza.", "2025-02-24")
    assert conflicts(records) == []
    records = extract("Officials said 300 soldiers were killed in 2023. "
                      "The ministry said 2,000 soldiers were killed in 2024.", "2025-02-24")
    assert conflicts(records) == []


def test_conflicts_command(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["conflicts", str(path), "--doc-date", "2025-02-24", "--format", "jsonl"])
    assert result.exit_code == 0
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(c["what"], c["agree"]) for c in claims] == [("killed", False), ("sent", True)]
    assert "2 claims with several sources or values, 1 disagreeing" in result.stderr
    disagree = CliRunner().invoke(app, ["conflicts", str(path), "--doc-date", "2025-02-24", "--disagree", "-f", "jsonl"])
    assert [json.loads(line)["what"] for line in disagree.stdout.splitlines()] == ["killed"]


def test_show_plain_text_without_colour_codes(tmp_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["show", str(path), "--doc-date", "2025-02-24"])
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert "around 300[1]" in result.stdout and "4,000[2]" in result.stdout
    assert "Volodymyr Zelenskyy" in result.stdout and "4 figures" in result.stdout


def test_show_picks_an_article_from_jsonl(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "text": f"They found {n} boxes."})
                              for i, n in (("a", 10), ("b", 20))) + "\n")
    result = CliRunner().invoke(app, ["show", str(path), "--id", "b"])
    assert result.exit_code == 0 and "20[1]" in result.stdout
    result = CliRunner().invoke(app, ["show", str(path)])
    assert result.exit_code == 2 and "pick one with --id" in result.stderr
    result = CliRunner().invoke(app, ["show", str(path), "--id", "zz"])
    assert result.exit_code == 1 and "no article with id 'zz'" in result.stderr


def _measure(value, unit):
    return {"value": value, "low": value, "high": value, "mod": None, "unit": unit, "kind": "measure"}


@pytest.mark.parametrize("a, b, agree", [
    (_measure(5, "kilometres"), _measure(5000, "metres"), True),     # one length, two units
    (_measure(5, "kilometres"), _measure(9, "miles"), False),
    (_measure(3, "miles"), _measure(4.83, "kilometres"), True),
    (_measure(2, "tonnes"), _measure(2000, "kilograms"), True),
])
def test_measures_are_compared_in_one_unit(a, b, agree):
    assert unit_key(a) == unit_key(b)
    assert overlap(interval(a), interval(b)) is agree


def test_units_pint_reads_otherwise_than_news_stay_apart():
    assert unit_key(_measure(5, "tons")) != unit_key(_measure(5, "tonnes"))   # pint's ton is the US short ton
    assert unit_key(_measure(5, "kilometres")) != unit_key(_measure(5, "kilograms"))


def test_conflicts_see_that_5_km_and_5000_metres_agree(extract):
    records = extract("Officials said the queue of trucks was 5 km long on Friday.\n\n"
                      "Police said the queue of trucks was 5,000 metres long on Friday.", "2025-02-24")
    [claim] = conflicts(records)
    assert claim["agree"] is True and claim["unit"] == "kilometres"
    assert [f["allows"] for f in claim["figures"]] == [[4.9, 5.1], [4900, 5100]]   # each in its own unit


def test_the_generated_dimensions_match_the_installed_pint():
    pint = pytest.importorskip("pint")
    import importlib.util
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("pint_units", root / "tools" / "pint_units.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["pint_units"] = module
    spec.loader.exec_module(module)
    expected = json.loads((root / "factx" / "data" / "units_pint.json").read_text())
    assert module.build() == expected, f"rerun python tools/pint_units.py (pint {pint.__version__})"
