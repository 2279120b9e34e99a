"""Figures that are plainly there are kept (trust issue, points 4-6): counts in the year range, numbers a
title-case headline repeats, tolls. Each rule both ways: what must change and what must not."""
import pytest


def figures(extract, text):
    return [(r["figure"]["text"], r["figure"]["kind"], r["figure"]["unit"]) for r in extract(text)]


@pytest.mark.parametrize("text, expected", [
    ("Officials said 1500 people were counted.", [("1500", "count", "people")]),
    ("The club now has 1800 members.", [("1800", "count", "members")]),
    ("By 2030 the city wants 1900 buses.", [("1900", "count", "buses")]),
    ("Of 2,140 ballots, 1372 went to the mayor.", [("2,140", "count", "ballots"), ("1372", "count", "ballots")]),
    ("Some 2000 troops were sent to the border.", [("Some 2000", "count", "troops")]),
])
def test_a_number_in_the_year_range_that_counts_a_noun_is_a_count(extract, text, expected):
    assert figures(extract, text) == expected


@pytest.mark.parametrize("text", [
    "The plant closed in 1998.",
    "Since 2004, the town has changed.",
    "2020 was a hard year for the firm.",
    "The 2020 elections were close.",
    "He was born in 1950 and moved in 1972.",
    "The law of 1832 still stands.",
])
def test_a_year_stays_a_year(extract, text):
    assert figures(extract, text) == []


def test_a_name_verdict_in_a_headline_does_not_remove_the_count_elsewhere(extract):
    text = "12 Police Officers Were Hurt\n\nPolice said 12 officers were hurt on Friday.\n"
    assert ("12", "count", "officers") in figures(extract, text)


def test_a_title_case_headline_count_of_casualties_counts_people(extract):
    assert figures(extract, "Six Hurt As Storm Hits Coastal Towns\n") == [("Six", "count", "people")]


@pytest.mark.parametrize("text", [
    "The iPhone 12 went on sale. Apple sold the iPhone 12 in 30 countries.",
    "Her fans wept Getty Images 6 Clinton was investigated by the FBI EPA 6 A probe was launched into her aide.",
])
def test_a_name_still_spreads_to_mentions_that_count_nothing(extract, text):
    assert not any(f[0] in ("12", "6") for f in figures(extract, text))


@pytest.mark.parametrize("text, figure", [
    ("Five dead after tram overturns\n", "Five"),
    ("At least 7 killed in motorway crash.", "At least 7"),
    ("The toll rose to 41 on Sunday, officials said.", "41"),
    ("The death toll climbed to 12.", "12"),
    ("Nine injured as bus overturns\n", "Nine"),
    ("Two dead, 30 missing after the flood.", "30"),
])
def test_a_toll_counts_people(extract, text, figure):
    assert (figure, "count", "people") in figures(extract, text)


@pytest.mark.parametrize("text, expected", [
    ("The index rose to 41 on Sunday.", ("41", "people")),
    ("Two fatalities and 30 hurt were reported.", ("Two", "fatalities")),
    ("Rescuers found 12 survivors.", ("12", "survivors")),
])
def test_a_toll_rule_leaves_other_figures_alone(extract, text, expected):
    found = {f[0]: f[2] for f in figures(extract, text)}
    if expected[1] == "people":
        assert found.get(expected[0]) != "people"
    else:
        assert found[expected[0]] == expected[1]
