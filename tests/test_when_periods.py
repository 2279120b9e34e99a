"""The period a figure is counted over is its time (record contract, "Passages": "over the first nine months");
a length of time with no period in it is not."""
import datetime as dt

import pytest

from conftest import figure_at
from factx.dates import normalise


@pytest.mark.parametrize("text, figure, when, value", [
    ("For the nine months, net income rose 5% to $300 million.", "$300 million", "the nine months",
     "1989-01/1989-09"),
    ("In the first six months, sales were $2 billion.", "$2 billion", "the first six months", "1989-01/1989-06"),
    ("The poll of 1,000 voters was taken March 3-6.", "1,000", "March 3-6", "1989-03-03/1989-03-06"),
])
def test_the_period_counted_over_is_the_figure_s_time(extract, text, figure, when, value):
    record = figure_at(extract(text, "1989-10-20"), figure)
    assert (record["when"]["text"], record["when"]["value"]) == (when, value)


@pytest.mark.parametrize("text, figure", [
    ("He served nine months in prison and paid $5,000.", "$5,000"),
    ("The plant will take two years to build and cost $40 million.", "$40 million"),
])
def test_a_length_of_time_is_no_figure_s_time(extract, text, figure):
    assert figure_at(extract(text, "1989-10-20"), figure)["when"] is None


@pytest.mark.parametrize("text, figure, when", [
    # what a figure is compared with, told after it, is the baseline's time, not the figure's
    ("Wages were 3.8 percent higher than a year earlier.", "3.8 percent", None),
    ("Toyota reported a 32% drop in sales from a year earlier.", "32%", None),
    ("For the nine months, net was up 56% from $163 million a year earlier.", "56%", "the nine months"),
    ("For the nine months, net was up 56% from $163 million a year earlier.", "$163 million", "a year earlier"),
    ("It will receive six aircraft from 2009 to 2011.", "six", "2009"),    # an interval opens: no baseline
    # a time before the comparison stays the figure's
    ("A year earlier, net had fallen 12% from the quarter before.", "12%", "A year earlier"),
    # an age is no time
    ("A survey of those 18 to 35 years old shows a 62% majority.", "62%", None),
])
def test_a_comparison_s_baseline_time_and_an_age_are_not_the_figure_s_time(extract, text, figure, when):
    record = figure_at(extract(text, "1989-10-20"), figure)
    assert (record["when"] or {}).get("text") == when


@pytest.mark.parametrize("expr, value", [
    ("the first quarter of the financial year", "FY2007-Q1"),
    ("the second quarter of its fiscal year", "FY2007-Q2"),
    ("the fiscal third quarter", "2006-Q3"),      # a fiscal quarter by number alone: the calendar one, as TimeBank
    ("the third quarter", "2006-Q3"),              # a calendar quarter stays one
])
def test_a_fiscal_quarter_is_a_quarter_of_the_firm_s_year(expr, value):
    assert normalise(expr, dt.date(2007, 1, 18)) == value
