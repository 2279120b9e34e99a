"""A source is a noun phrase that names somebody (trust issue, point 7): never the cue itself, never a photo
credit, and a bare description resolves only to a name that can be it. Both ways."""
import pytest

from conftest import figure_at


def who(extract, text, figure):
    record = figure_at(extract(text), figure)
    return record["who"]["name"] if record["who"] else None


@pytest.mark.parametrize("text, figure, expected", [
    # 'according to' names a source, or nobody when it names only the cue
    ("The company cut 300 jobs, according to reports.", "300", None),
    ("The company cut 300 jobs, according to unconfirmed reports.", "300", None),
    ("The fire destroyed 30 homes, according to local media reports.", "30", "media"),
    ("Seven people died, according to rail investigators.", "Seven", "rail investigators"),
    ("The plant shed 40 jobs, according to the union.", "40", "the union"),
    # a photo credit is no source; a poll of two partners is
    ("Floodwater in the town centre Jane Doe / The Independent said 300 homes were flooded.", "300",
     "Independent"),
    ("A new NBC News/Wall Street Journal poll gave the senator a 4-point lead.", "4-point",
     "NBC News/Wall Street Journal"),
    # a description resolves only to a name that can be it
    ("The FBI opened an inquiry on Monday. Police said 12 people were arrested.", "12", "Police"),
    ("The Thames Valley Police opened an inquiry. Police said 12 people were arrested.", "12",
     "Thames Valley Police"),
    ("The Korean National Intelligence Service briefed lawmakers. The agency said 300 soldiers died.", "300",
     "Korean National Intelligence Service"),
])
def test_a_source_names_somebody(extract, text, figure, expected):
    assert who(extract, text, figure) == expected
