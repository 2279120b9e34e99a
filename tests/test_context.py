"""When and where: points 7 and 8 of the 1.0 issue."""
import pytest

from conftest import figure_at


@pytest.mark.parametrize("text, doc_date, figure, when_text, when_value", [
    ("On Saturday, Boeing announced 35 new orders.", "2007-07-09", "35", "Saturday", "2007-07-07"),
    ("A Romanian official said Friday the offer was $57 million.", "2007-09-08", "$57 million", "Friday", "2007-09-07"),
    ("Between 1,000 and 3,000 troops were sent to the region between January and February.", None,
     "Between 1,000 and 3,000", "between January and February", "XXXX-01/XXXX-02"),
    ("The RNC received a $2.2 million transfer on Oct. 14.", "2016-10-27", "$2.2 million", "Oct. 14", "2016-10-14"),
    ("The economy contracted by 0.9% between April and June.", "2008-11-18", "0.9%", "between April and June",
     "2008-04/2008-06"),
    ("He donated $6 million last month.", "2016-10-26", "$6 million", "last month", "2016-09"),
    ("The plan to bail out three companies failed this week.", "2008-12-13", "three", "this week", "2008-W50"),
    ("Last year, Pyongyang deployed around 11,000 soldiers.", None, "around 11,000", "Last year", None),
    ("The markets will re-open on Friday with 20 firms listed.", "2008-09-18", "20", "Friday", "2008-09-19"),
    # the present: a time with no calendar value, TIMEX3's PRESENT_REF
    ("The bar now weighs 150g.", "2016-11-08", "150g", "now", "PRESENT_REF"),
    ("The company currently employs 4,000 people.", "2020-01-01", "4,000", "currently", "PRESENT_REF"),
    ("Boeing now has a total of 237 orders on Saturday.", "2007-07-09", "237", "Saturday", "2007-07-07"),
])
def test_when(extract, text, doc_date, figure, when_text, when_value):
    when = figure_at(extract(text, doc_date), figure)["when"]
    assert when is not None
    assert (when["text"], when["value"]) == (when_text, when_value)
    assert text[when["start"]:when["end"]] == when["text"]


@pytest.mark.parametrize("text", [
    "After nearly a month of silence, 300 troops returned.",
    "The company, which was founded in 1990, employs 4,000 people.",
    "Officials said 300 troops returned, and the rest are now at home.",
])
def test_no_when(extract, text):
    records = extract(text, "2020-01-01")
    assert records and all(r["when"] is None for r in records)


def test_dateline_sets_the_document_date(extract):
    text = "Markets fall\n\nSeptember 18, 2008\nShares fell 4% on Tuesday.\n"
    record = figure_at(extract(text), "4%")
    assert record["doc_date"] == "2008-09-18"
    assert record["when"]["value"] == "2008-09-16"


@pytest.mark.parametrize("text, figure, where", [
    ("Between 1,000 and 3,000 troops were sent to Russia's Kursk region.", "Between 1,000 and 3,000", "Kursk"),
    ("North Korea plans to send more than 1,000 troops to Russia.", "more than 1,000", "Russia"),
    ("Last year, Pyongyang deployed around 11,000 soldiers to the Kursk front-line area.", "around 11,000", "Kursk"),
    ("The British FTSE index rose about two percent.", "about two percent", "British"),
    ("The event in Everett, Washington, was attended by 15,000 people.", "15,000", "Everett"),
    ("Toblerone cut the weight of two bars in the UK.", "two", "UK"),
])
def test_where(extract, text, figure, where):
    record = figure_at(extract(text), figure)
    assert record["where"] is not None and record["where"]["text"] == where


def test_where_from_previous_sentence(extract):
    text = ("Troops stationed in Russia have fought in the Kursk region since January. "
            "The agency estimated that around 300 North Korean soldiers had been killed.")
    assert figure_at(extract(text), "around 300")["where"]["text"] == "Kursk"


@pytest.mark.parametrize("text, figure", [
    ("Some 300 North Korean soldiers were killed.", "Some 300"),
    ("Thirty-one Republicans voted for the bill.", "Thirty-one"),
])
def test_not_a_place(extract, text, figure):
    assert figure_at(extract(text), figure)["where"] is None


@pytest.mark.parametrize("text, doc_date, figure, when_text, when_value", [
    # clock times are times of the document's day
    ("The index was down 1.4% at 15:30 GMT.", "2019-05-02", "1.4%", "15:30 GMT", "2019-05-02T15:30"),
    ("The ferry left at 6.45am with 212 passengers on board.", "2019-05-02", "212", "6.45am", "2019-05-02T06:45"),
    ("By 3 p.m. on Friday, 40 homes had been evacuated.", "2019-05-02", "40", "3 p.m. on Friday",
     "2019-04-26T15:00"),
    # the present, as phrases spaCy does not tag
    ("To date, 149 orders have been received.", "2019-05-02", "149", "To date", "PRESENT_REF"),
    ("At the moment, the chain has 6,246 stores.", "2019-05-02", "6,246", "At the moment", "PRESENT_REF"),
    ("So far, 37 people have been rescued.", "2019-05-02", "37", "So far", "PRESENT_REF"),
])
def test_when_clock_and_present(extract, text, doc_date, figure, when_text, when_value):
    when = figure_at(extract(text, doc_date), figure)["when"]
    assert when is not None and (when["text"], when["value"]) == (when_text, when_value)
    assert text[when["start"]:when["end"]] == when["text"]


@pytest.mark.parametrize("text, figure", [
    # frequencies, bare units, ages and comparisons are no time of the figure
    ("About 10,000 visas are awarded annually.", "About 10,000"),
    ("More than 100 workers battled for hours to free them.", "More than 100"),
    ("The five victims range in age from 20s to 50s.", "five"),
    ("Sales fell 34% year-on-year.", "34%"),
    # a price is not a clock time
    ("Shares closed at 3.50 after a 12% fall.", "12%"),
    # an age between commas is not a time, though the model may tag it a date
    ("Lena Ortiz, 8, of Tucson brought buttons from five rallies.", "five"),
    ("Victims included Adam Reyes, 62, and Paul Dunn, 52, both of Leeds.", "52"),
    # the time a superlative is measured against is no figure's time
    ("The Dow had its worst fall since 1987, a drop of 9% or 998.50 points.", "9%"),
    ("The index lost 3.5% to 743.33, its lowest level since April 1997.", "743.33"),
])
def test_not_a_time(extract, text, figure):
    assert figure_at(extract(text, "2019-05-02"), figure)["when"] is None


@pytest.mark.parametrize("text, figure, when_text, when_value", [
    ("The index fell 3.4% to end the day at 7,114.", "3.4%", "the day", "2009-02-24"),
    ("The index rose 48 points to finish the day at 5,210.", "48", "the day", "2009-02-24"),
    # ... and 'the entire year' is the year the sentence names
    ("It lost $4.8 billion in the fourth quarter of 2008 and $8.6 billion for the entire year.", "$8.6 billion",
     "the entire year", "2008"),
    # ... and a superlative's baseline still times what is told of it
    ("It is the worst crash since 2004, when seven people were killed.", "seven", "2004", "2004"),
])
def test_the_day_is_a_point(extract, text, figure, when_text, when_value):
    when = figure_at(extract(text, "2009-02-24"), figure)["when"]
    assert (when["text"], when["value"]) == (when_text, when_value)


def test_a_length_of_days_is_no_point(extract):
    assert figure_at(extract("Rescuers worked for three days to free 12 miners.", "2009-02-24"), "12")["when"] is None


def test_a_day_named_by_an_event_has_no_calendar_value(extract):
    text = "Shares fell 2.5 percent the day the deal was announced."
    when = figure_at(extract(text, "2007-06-09"), "2.5 percent")["when"]
    assert when["text"] == "the day" and when["value"] is None


@pytest.mark.parametrize("text, doc_date, figure, when_text, when_value", [
    # 'the day' is the day the passage named just before
    ("Stocks rose on Friday, a fourth week of gains.\nThe Dow gained 39 points, ending the day at 8,017.",
     "2009-04-04", "39", "the day", "2009-04-03"),
    # 'the month' is the month the passage named just before, before the month of a day it named
    ("Carmakers reported March sales on Thursday.\nHonda's sales fell 6.1% as a strike hit output during the month.",
     "2011-04-07", "6.1%", "the month", "2011-03"),
    ("The index peaked on May 14.\nIt lost 4% during the month.", "2012-06-02", "4%", "the month", "2012-05"),
    # 'the year': another year of the sentence, else the one the passage named, else the document's
    ("So far this year sales are up, and the chain began the year with 40 stores.", "2016-10-08", "40", "the year",
     "2016"),
    ("Sales grew in 2009.\nThe firm ended the year with a loss of $5 million.", "2011-02-01", "$5 million",
     "the year", "2009"),
    ("Jobless claims fell, and the rate began the year at 4.9 percent.", "2016-10-08", "4.9 percent", "the year",
     "2016"),
    # a determiner the model left out of the time
    ("Accidents included two major disasters this year.", "2007-12-20", "two", "this year", "2007"),
    # a time four steps up, within one clause
    ("More than 4 billion songs were downloaded since its launch in 2003.", "2008-04-09", "More than 4 billion",
     "2003", "2003"),
])
def test_when_in_the_passage(extract, text, doc_date, figure, when_text, when_value):
    when = figure_at(extract(text, doc_date), figure)["when"]
    assert (when["text"], when["value"]) == (when_text, when_value)


def test_that_year_with_no_year_before_has_no_value(extract):
    when = figure_at(extract("The dinner drew 2,600 guests that year.", "2016-11-10"), "2,600")["when"]
    assert when["text"] == "that year" and when["value"] is None


def test_the_month_with_no_month_before_has_no_value(extract):
    assert figure_at(extract("Sales fell 4% during the month.", "2010-03-03"), "4%")["when"]["value"] is None


def test_the_day_does_not_reach_into_another_paragraph(extract):
    text = "Stocks rose on Friday.\n\nThe Dow gained 39 points, ending the day at 8,017."
    assert figure_at(extract(text, "2009-04-04"), "39")["when"]["value"] == "2009-04-04"
