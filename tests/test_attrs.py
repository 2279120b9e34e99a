"""The attribute ruler's lookup matching must find exactly what spaCy's Matcher finds."""
from __future__ import annotations

import pytest
from spacy.pipeline import AttributeRuler

from factx.attrs import LookupMatches, match_by_lookup

SENTENCES = [
    "The company said on Tuesday that it would cut 4,000 jobs.",
    "He ain't gonna pay $5 million, y'all know that.",
    "There is a 30% chance; there were 12 of them and there 's more.",
    "Nothin' changed.   Two  spaces\n\n and a blank line.",
    "I'm gonna wanna see it: they've been told she'd go, wouldn't she?",
    "Was it 3 or 4? Let's see what's left -- 'tis the season.",
    "",
    " ",
]


@pytest.fixture(scope="module")
def tagged(nlp):
    """The model's pipeline up to the attribute ruler, and its ruler with spaCy's own Matcher."""
    names = nlp.pipe_names[: nlp.pipe_names.index("attribute_ruler")]
    ruler = nlp.get_pipe("attribute_ruler")
    return names, ruler


@pytest.mark.parametrize("text", SENTENCES)
def test_same_matches_as_the_matcher(nlp, tagged, text):
    names, ruler = tagged
    doc = nlp.make_doc(text)
    for name in names:
        doc = nlp.get_pipe(name)(doc)
    spacy_matches = sorted({(int(nlp.vocab.strings[m]), m, s, e) for m, s, e in
                            ruler.matcher(doc, allow_missing=True, as_spans=False)})
    assert LookupMatches.compile(ruler)(doc) == spacy_matches


def test_the_loaded_model_uses_the_lookup(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler").match, LookupMatches)


def test_patterns_it_does_not_read_keep_the_matcher(nlp):
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "new"}, {"IS_TITLE": True, "OP": "+"}]], {"POS": "PROPN"})
    assert LookupMatches.compile(ruler) is None
    before = ruler.match
    nlp_like = type("P", (), {"pipe_names": ["attribute_ruler"], "get_pipe": lambda self, name: ruler})()
    assert match_by_lookup(nlp_like) is False
    assert ruler.match == before


def test_every_token_gets_its_part_of_speech(nlp):
    doc = nlp("He ain't gonna pay $5 million.")
    assert [t.pos_ for t in doc] == ["PRON", "AUX", "PART", "VERB", "PART", "VERB", "SYM", "NUM", "NUM", "PUNCT"]
