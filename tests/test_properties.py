"""Invariants on arbitrary text (hypothesis): never crash, offsets exact, records ordered, valid JSON."""
import json

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factx.inputs import Document
from factx.pipeline import records_for

NASTY = ["\u00a0", "\u2009", "\u202f", "\u3000", "\u200b", "\u200d", "\u200e", "\u200f", "\u2013", "\u2014",
         "\u2212", "\ufeff", "\u201c", "\u201d", '"', "'", "\r\n", "\r", "\n", "\t", "\U0001F600",
         "\u0661\u0662\u0663", "\u06f4\u06f5"]
NEWS_BITS = ["between", "and", "about", "more than", "up to", "$", "US$", "€", "£", "%", "percent", "million",
             "bn", "1,000", "3.5", "three", "forty-five", "a dozen", "two-thirds", "said", "according to",
             "the agency", "he", "Kursk", "on Friday", "last year", "February 27", "-", "to", "or", "(", ")", ".",
             ",", "12,000", "soldiers", "killed", "NIS", "Zelenskyy", "2025", "7/8"]

pieces = st.one_of(st.sampled_from(NASTY), st.sampled_from(NEWS_BITS), st.text(max_size=6))
texts = st.lists(pieces, max_size=40).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts)
def test_records_hold_their_invariants(nlp, text):
    records = records_for(Document("p", text, None), nlp(text))
    starts = [r["figure"]["start"] for r in records]
    assert starts == sorted(starts)
    for record in records:
        fig = record["figure"]
        assert text[fig["start"]:fig["end"]] == fig["text"]
        for key in ("who", "when", "where"):
            part = record[key]
            if part is not None:
                assert text[part["start"]:part["end"]] == part["text"]
        assert json.loads(orjson.dumps(record)) == json.loads(json.dumps(record))
