"""A source is a noun phrase that names somebody (trust issue, point 7): never the cue itself, never a photo
credit, and a bare description resolves only to a name that can be it. Both ways."""
import pytest

from conftest import figure_at


def who(extract, text, figure):
    record = figure_at(extract(text), figure)
    return record["who"]["name"] if record["who"] else None


@pytest.mark.parametrize("text, figure, expected", [
    ("The company cut 300 jobs, according to reports.", "300", None),
    ("The company cut 300 jobs, according to unconfirmed reports.", "300", None),
    ("The fire destroyed 30 homes, according to local media reports.", "30", "media"),
    ("Seven people died, according to rail investigators.", "Seven", "rail investigators"),
    ("The plant shed 40 jobs, according to the union.", "40", "the union"),
])
def test_according_to_names_a_source_or_nobody(extract, text, figure, expected):
    assert who(extract, text, figure) == expected


@pytest.mark.parametrize("text, figure, expected", [
    ("Floodwater in the town centre Jane Doe / The Independent said 300 homes were flooded.", "300",
     "Independent"),
    ("A new NBC News/Wall Street Journal poll gave the senator a 4-point lead.", "4-point",
     "NBC News/Wall Street Journal"),
])
def test_a_photo_credit_is_no_source_but_a_poll_of_two_partners_is(extract, text, figure, expected):
    assert who(extract, text, figure) == expected


@pytest.mark.parametrize("text, figure, expected", [
    ("The FBI opened an inquiry on Monday. Police said 12 people were arrested.", "12", "Police"),
    ("The Thames Valley Police opened an inquiry. Police said 12 people were arrested.", "12",
     "Thames Valley Police"),
    ("The Korean National Intelligence Service briefed lawmakers. The agency said 300 soldiers died.", "300",
     "Korean National Intelligence Service"),
])
def test_a_description_resolves_only_to_a_name_that_can_be_it(extract, text, figure, expected):
    assert who(extract, text, figure) == expected
