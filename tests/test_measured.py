"""What each figure measures and whose it is (what, subject, part_of), and which figures share a claim.

The sentences are written for these rules, not taken from the dev sets or the corpus.
"""
import pytest

from conftest import figure_at, mention_text


def _record(extract, text, figure):
    return figure_at(extract(text, "2025-02-24"), figure)


@pytest.mark.parametrize("text, figure, what, subject", [
    ("Apple holds $214.9 billion offshore, the researchers said.", "$214.9 billion", "holds", "Apple"),
    ("Nike would owe $3.6 billion in taxes.", "$3.6 billion", "owe", "Nike"),
    ("Officials said 4,000 North Korean soldiers were killed.", "4,000", "killed", "North Korean soldiers"),
    ("The company reported a $254 million loss for the quarter.", "$254 million", "loss", "company"),
    ("Ford bought a 72.4 percent stake in the plant.", "72.4 percent", "stake", "Ford"),
    ("Toyota reported a 32% drop in US sales.", "32%", "drop", "US sales"),
    ("Industry-wide car sales dropped 18% last year.", "18%", "dropped", "Industry-wide car sales"),
    ("Its share of the car market rose to 17% in May.", "17%", "share", "share of the car market"),
    ("The unemployment rate rose to 5.2% in March.", "5.2%", "unemployment rate", "unemployment rate"),
    ("The company cut its costs to $118 billion last year.", "$118 billion", "costs", "company"),
    ("The well was about 40 metres deep.", "about 40", "deep", "well"),
    ("The index was up 25 points at noon.", "25", "up", "index"),
    ("The company had revenue of $7.1 billion in 2006.", "$7.1 billion", "revenue", "company"),
    ("A poll showed Clinton leading Trump 43 percent to 41 percent.", "43 percent", "leading", "Clinton"),
    ("A poll showed Clinton leading Trump 43 percent to 41 percent.", "41 percent", "leading", "Trump"),
    ("The survey found 38 percent of independents backed her.", "38 percent", "backed", "independents"),
    ("The hospital treated 12 children on Monday.", "12", "treated", "children"),
    ("A 45-year-old man was arrested on Monday.", "45", "arrested", "man"),
    ("John Smith, 52, was released on Monday.", "52", "released", "John Smith"),
    ("They said it rose 3% in May.", "3%", "rose", None),
    ("The strike lasted for 12 years.", "12", "lasted", None),
])
def test_what_and_subject(extract, text, figure, what, subject):
    record = _record(extract, text, figure)
    assert record["what"] == what
    assert mention_text(text, record["subject"]) == subject


@pytest.mark.parametrize("text, figure, whole", [
    ("Doctors said 20 of those injured were taken to hospital.", "20", "those injured"),
    ("Police said four of them were arrested.", "four", "them"),
    ("Officials said 300 of the soldiers were wounded.", "300", "the soldiers"),
    ("The hospital said 20 people were brought in, of which four are seriously injured.", "four", "20"),
    ("Doctors said 20 of those injured were taken to one hospital and 31 to others.", "31", "those injured"),
    ("Thousands of people marched on Monday.", "Thousands", None),
    ("Millions of dollars were spent.", "Millions", None),
    ("38 percent of voters backed her.", "38 percent", None),
])
def test_part_of(extract, text, figure, whole):
    assert mention_text(text, _record(extract, text, figure)["part_of"]) == whole


@pytest.mark.parametrize("text, a, b, same", [
    # the same thing from two sources: one claim
    ("Officials said 300 soldiers were killed. The ministry said 2,000 soldiers died.", "300", "2,000", True),
    ("Police said more than 1,000 people were arrested, while organisers said 3,000 people were detained.",
     "more than 1,000", "3,000", True),
    ("Officials said on Monday that 300 soldiers were killed. Kyiv said 900 soldiers were killed.", "300", "900",
     True),
    # different subjects
    ("Apple holds $214.9 billion offshore. Nike holds $10.7 billion, the report said.", "$214.9 billion",
     "$10.7 billion", False),
    ("Officials said 300 soldiers were killed. Rebels said 2,000 civilians were killed.", "300", "2,000", False),
    # the two sides of one comparison
    ("A poll showed Clinton leading Trump 43 percent to 41 percent.", "43 percent", "41 percent", False),
    ("The unemployment rate rose to 5.2% from 4.9% a year earlier.", "5.2%", "4.9%", False),
    # part and whole
    ("Officials said more than 50 people were injured. The hospital said 20 of those were injured badly.",
     "more than 50", "20", False),
    # level and change
    ("Its market share rose 2 percent, analysts said. Its market share rose to 17 percent, the firm said.",
     "2 percent", "17 percent", False),
    # different times, or a time of its own against none
    ("Officials said 300 soldiers were killed in 2023. The ministry said 2,000 soldiers were killed in 2024.",
     "300", "2,000", False),
    ("Priorities USA raised $18 million in October, a spokesman said. Priorities USA has raised $175 million, "
     "the group said.", "$18 million", "$175 million", False),
    # two polls are two samples
    ("A Reuters poll found 43 percent of voters backed Clinton. A Fox poll found 47 percent of voters backed "
     "Clinton.", "43 percent", "47 percent", False),
    # amounts of an unknown payer, and counts with no predicate
    ("The deal would pay out $66 million. Another would pay $3.5 million, Band wrote.", "$66 million",
     "$3.5 million", False),
    ("The brigade said there were eight fire engines. A witness saw about two fire engines.", "eight",
     "about two", False),
])
def test_grouping(extract, text, a, b, same):
    records = {r["figure"]["text"]: r for r in extract(text, "2025-02-24")}
    claim_a, claim_b = records[a]["claim"], records[b]["claim"]
    assert (claim_a is not None and claim_a == claim_b) == same
