"""Time expressions normalised against the document date: pure rules, no model."""
import datetime as dt

import pytest

from factx.dates import find_dateline, normalise

REF = dt.date(2008, 12, 13)  # a Saturday


@pytest.mark.parametrize("expr, ref, value", [
    ("February 27", None, "XXXX-02-27"),
    ("February 27", dt.date(2025, 3, 1), "2025-02-27"),
    ("December 1, 2017", None, "2017-12-01"),
    ("27 February 2025", None, "2025-02-27"),
    ("on Oct. 14", dt.date(2016, 10, 27), "2016-10-14"),
    ("as of Sept. 30", dt.date(2016, 10, 27), "2016-09-30"),
    ("through Oct. 19", dt.date(2016, 10, 26), "2016-10-19"),
    ("in October", dt.date(2016, 10, 27), "2016-10"),
    ("this week", REF, "2008-W50"),
    ("Earlier this week", REF, "2008-W50"),
    ("last week", dt.date(2016, 11, 10), "2016-W44"),
    ("this month", REF, "2008-12"),
    ("last month", dt.date(2016, 10, 26), "2016-09"),
    ("this year", REF, "2008"),
    ("last year", REF, "2007"),
    ("early last year", dt.date(2016, 10, 26), "2015"),
    ("in late 2006", REF, "2006"),
    ("In 2012", REF, "2012"),
    ("Friday", dt.date(2007, 9, 8), "2007-09-07"),
    ("On Saturday", dt.date(2007, 7, 9), "2007-07-07"),
    ("yesterday", REF, "2008-12-12"),
    ("today", REF, "2008-12-13"),
    ("between April and June", REF, "2008-04/2008-06"),
    ("between January and February", None, "XXXX-01/XXXX-02"),
    ("since September", dt.date(2008, 11, 18), "2008-09"),
    ("the second quarter", REF, "2008-Q2"),
    ("mid-January", None, "XXXX-01"),
    ("the 1990s", None, "199"),
    ("third-quarter", REF, "2008-Q3"),
    ("two weeks ago", dt.date(1998, 3, 22), "1998-03-08"),
    ("10 days ago", dt.date(1998, 3, 22), "1998-03-12"),
    ("five months ago", dt.date(1998, 3, 31), "1997-10"),
    ("two years ago", dt.date(1998, 4, 24), "1996"),
    ("nineteen ninety-six", None, "1996"),
    ("the year two thousand", None, "2000"),
    ("last May", dt.date(1998, 2, 27), "1997-05"),
    ("June last year", dt.date(1998, 2, 19), "1997-06"),
    ("January this year", dt.date(1998, 2, 19), "1998-01"),
    ("October", dt.date(1998, 1, 8), "1997-10"),
])
def test_normalise(expr, ref, value):
    assert normalise(expr, ref) == value


@pytest.mark.parametrize("expr, ref", [
    ("last year", None), ("this year", None), ("Friday", None), ("a week or so", REF),
    # a day counted in something else is not the paper's day
    ("the 99th day", REF), ("the first day of school", REF), ("the final day", REF),
])
def test_never_guesses(expr, ref):
    """No document date (or a vague span): no value rather than a guessed one."""
    assert normalise(expr, ref) is None


@pytest.mark.parametrize("expr, value", [
    ("now", "PRESENT_REF"), ("currently", "PRESENT_REF"), ("at the moment", "PRESENT_REF"), ("to date", "PRESENT_REF"),
    ("recently", "PAST_REF"), ("in recent months", "PAST_REF"), ("the past few years", "PAST_REF"),
    ("in the past", "PAST_REF"), ("the near future", "FUTURE_REF"), ("soon", "FUTURE_REF"),
    ("coming months", "FUTURE_REF"),
])
def test_reference_values(expr, value):
    """The present, past and future as such: TIMEX3's reference values, with or without a document date."""
    assert normalise(expr, REF) == normalise(expr, None) == value


@pytest.mark.parametrize("expr, ref, value", [
    ("the 1988 second quarter", dt.date(1989, 11, 2), "1988-Q2"),
    ("next year's first quarter", dt.date(1989, 10, 31), "1990-Q1"),
    ("the latest quarter", dt.date(1989, 11, 2), "1989-Q3"),
    ("the year-ago quarter", dt.date(1989, 11, 2), "1988-Q3"),
    ("the quarter", dt.date(2010, 1, 20), "2009-Q4"),
    ("Jan. 2", dt.date(1989, 11, 2), "1990-01-02"),   # two months ahead, across the new year
    ("June 1", dt.date(1989, 11, 2), "1989-06-01"),
    # a quarter with no year: last year's when it ended nearer the document date than this year's begins
    ("in the fourth quarter", dt.date(2011, 1, 27), "2010-Q4"),
    ("the third quarter", dt.date(2011, 1, 27), "2010-Q3"),
    ("the fourth quarter", dt.date(2008, 9, 20), "2008-Q4"),
    ("the second quarter", dt.date(2011, 1, 27), "2011-Q2"),
    ("the first quarter", dt.date(2011, 1, 27), "2011-Q1"),
    # one unit before the document's own, and the night before it
    ("the week before", dt.date(2016, 10, 17), "2016-W41"),
    ("the day before", dt.date(2016, 10, 17), "2016-10-16"),
    ("the month earlier", dt.date(2016, 10, 17), "2016-09"),
    ("last night", dt.date(2016, 11, 9), "2016-11-08"),
    # an interval whose year is written once, at its end
    ("between September and October of 2007", dt.date(2009, 4, 4), "2007-09/2007-10"),
    ("between November and February 2008", dt.date(2009, 4, 4), "2007-11/2008-02"),
    ("from March 3 to March 9, 2010", dt.date(2012, 1, 1), "2010-03-03/2010-03-09"),
    # a fiscal year by its calendar year
    ("this fiscal year", dt.date(2013, 3, 22), "2013"),
    ("the current fiscal year", dt.date(1989, 11, 2), "1989"),
    ("last fiscal year", dt.date(2013, 3, 22), "2012"),
    ("fiscal 1988", dt.date(1989, 11, 2), "1988"),
    ("the past nine days", dt.date(2008, 10, 9), "P9D"),     # a span back from now: a TIMEX3 duration
    ("over the last 3 years", dt.date(2008, 10, 9), "P3Y"),
])
def test_quarters_and_nearby_days(expr, ref, value):
    assert normalise(expr, ref) == value


def test_a_quarter_still_ahead_in_the_future_tense_is_this_years():
    assert normalise("the fourth quarter", dt.date(2011, 1, 27), future=True) == "2011-Q4"


def test_future_weekday():
    assert normalise("Friday", dt.date(2008, 9, 18), future=True) == "2008-09-19"


@pytest.mark.parametrize("future, value", [(True, "1998-12"), (False, "1997-12"), (None, "1997-12")])
def test_tense_picks_the_year_of_a_month(future, value):
    assert normalise("December", dt.date(1998, 3, 4), future=future) == value


@pytest.mark.parametrize("text, date", [
    ("Title\n\nDecember 13, 2008\nBody.", dt.date(2008, 12, 13)),
    ("Title\n\nSeptember 08, 2007\nBody.", dt.date(2007, 9, 8)),
    ("Title\n13 December 2008\n", dt.date(2008, 12, 13)),
    ("Title\nThe rally on December 1, 2017 was large.\n", None),
    ("No date here at all.", None),
])
def test_dateline(text, date):
    assert find_dateline(text) == date


@pytest.mark.parametrize("expr, ref, value", [
    # ranges of days and from-to spans are intervals, not their first day
    ("March 3-6", dt.date(2016, 3, 9), "2016-03-03/2016-03-06"),
    ("from May 28-June 2", dt.date(2016, 6, 5), "2016-05-28/2016-06-02"),
    ("Sept. 9 to Oct. 2", dt.date(2014, 10, 8), "2014-09-09/2014-10-02"),
    ("Monday through Thursday", dt.date(2014, 1, 17), "2014-01-13/2014-01-16"),
    ("from Jan. 9 to Thursday", dt.date(2014, 1, 17), "2014-01-09/2014-01-16"),
    ("2011 to 2012", dt.date(2013, 1, 1), "2011/2012"),
    ("June 2-4, 2009", dt.date(2012, 1, 1), "2009-06-02/2009-06-04"),
    # the months counted so far this year, and whole months back from the paper's
    ("the first nine months", dt.date(2004, 10, 28), "2004-01/2004-09"),
    ("in the six months", dt.date(2004, 7, 20), "2004-01/2004-06"),
    ("the first nine months", dt.date(2005, 2, 1), "2004-01/2004-09"),  # a February paper: last year's
    ("the first eight months of 2001", dt.date(2003, 1, 1), "2001-01/2001-08"),
    ("the last two months", dt.date(2010, 5, 12), "2010-03/2010-04"),
    # the year's end, the latest quarter, 'last June' and 'next March' nearest the paper
    ("by year end", dt.date(2004, 10, 28), "2004-12"),
    ("at the end of the year", dt.date(2004, 10, 28), "2004-12"),
    ("the latest quarter's", dt.date(2004, 10, 28), "2004-Q3"),
    ("the last financial quarter", dt.date(2010, 10, 25), "2010-Q3"),
    ("last June", dt.date(2004, 10, 28), "2004-06"),
    ("last November", dt.date(2004, 10, 28), "2003-11"),
    ("next March", dt.date(2004, 10, 28), "2005-03"),
    ("next November", dt.date(2004, 10, 28), "2004-11"),
])
def test_intervals_and_periods_of_news(expr, ref, value):
    assert normalise(expr, ref) == value


@pytest.mark.parametrize("expr, ref, value", [
    ("March 3", dt.date(2016, 3, 9), "2016-03-03"),        # one day stays a day
    ("the past nine days", dt.date(2008, 10, 9), "P9D"),   # days and years back stay durations
    ("nine months", dt.date(2004, 10, 28), None),            # a length with no 'the' or 'first'
    ("March 9 to March 3", dt.date(2014, 3, 17), None),  # its ends in the wrong order: no guess
    ("from 6 to 9", dt.date(2004, 10, 28), None),           # numbers, not times
])
def test_interval_rules_leave_other_forms_alone(expr, ref, value):
    assert normalise(expr, ref) == value


@pytest.mark.parametrize("expr, ref, value", [
    ("the quarter ended Sept. 30", dt.date(1989, 10, 20), "1989-Q3"),
    ("the quarter ending June 30, 2004", dt.date(2004, 8, 1), "2004-Q2"),
    ("the last three months of 2015", dt.date(2016, 1, 5), "2015-10/2015-12"),
    ("during the first two months of 2014", dt.date(2016, 1, 5), "2014-01/2014-02"),
    ("at year's end", dt.date(2016, 1, 5), "2015-12"),       # a January paper reports the year just ended
])
def test_quarters_by_their_end_and_months_of_a_year(expr, ref, value):
    assert normalise(expr, ref) == value


@pytest.mark.parametrize("expr, value", [
    ("the year-earlier period", "1988-Q3"),  # earnings news: the quarter a year back, as TimeBank annotates it
    ("the year-earlier nine months", "1988-01/1988-09"),
    ("Year-earlier", "1988"),
    ("the year-ago quarter", "1988-Q3"),   # a quarter keeps its quarter
])
def test_year_earlier_spans(expr, value):
    assert normalise(expr, dt.date(1989, 10, 20)) == value
