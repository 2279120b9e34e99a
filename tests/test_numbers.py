"""Reading number values: pure rules, no model."""
import pytest

from factx.numbers import parse_number, scale_factor, tidy


@pytest.mark.parametrize("text, value", [
    ("1,000", 1000), ("11,489.30", 11489.30), ("0.9", 0.9), (".5", 0.5), ("2020.90", 2020.9),
    ("three", 3), ("Three", 3), ("forty-five", 45), ("twelve", 12), ("two hundred", 200),
    ("a dozen", 12), ("dozen", 12), ("half a dozen", 6),
    ("two-thirds", 0.6667), ("one-half", 0.5), ("a quarter", 0.25), ("three-quarters", 0.75), ("half", 0.5),
    ("\u0661\u0662", 12),  # Arabic-Indic digits
])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "dozens", "many", "x1"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("word, factor", [
    ("thousand", 1_000), ("million", 1_000_000), ("Billion", 1_000_000_000), ("trillion", 10**12),
    ("bn", 10**9), ("m", 10**6), ("k", 1_000), ("tn", 10**12), ("M", 10**6), (None, 1), ("", 1),
])
def test_scale_factor(word, factor):
    assert scale_factor(word) == factor


@pytest.mark.parametrize("value, expected", [(4000.0, 4000), (0.1 + 0.2, 0.3), (None, None), (2.5, 2.5)])
def test_tidy(value, expected):
    assert tidy(value) == expected
    if isinstance(expected, int):
        assert isinstance(tidy(value), int)
