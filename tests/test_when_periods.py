"""The period a figure is counted over is its time (record contract, "Passages": "over the first nine months");
a length of time with no period in it is not."""
import pytest

from conftest import figure_at


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
