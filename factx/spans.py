"""Per-document caches of spaCy views that are costly to rebuild.

``doc.ents`` and ``doc.sents`` build new Span objects on every access by
walking all tokens; the rules ask for them per figure, so they are computed
once per document and kept in ``doc.user_data``.
"""
from __future__ import annotations

import bisect
from functools import cache, lru_cache
from importlib import resources

from spacy.tokens import Doc, Span

from .resources import DEFAULT_MODEL


def entities(doc: Doc) -> tuple[Span, ...]:
    cached = doc.user_data.get("factx.ents")
    if cached is None:
        cached = doc.user_data["factx.ents"] = tuple(doc.ents)
    return cached


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity covering token ``i``, or None."""
    index = doc.user_data.get("factx.ent_index")
    if index is None:
        index = {}
        for ent in entities(doc):
            for j in range(ent.start, ent.end):
                index[j] = ent
        doc.user_data["factx.ent_index"] = index
    return index.get(i)


def sentences(doc: Doc) -> tuple[Span, ...]:
    cached = doc.user_data.get("factx.sents")
    if cached is None:
        cached = doc.user_data["factx.sents"] = tuple(doc.sents)
    return cached


def entities_in(doc: Doc, start: int, end: int) -> list[Span]:
    """Entities lying within tokens [start, end) (found by bisection: entities are sorted and disjoint)."""
    ents = entities(doc)
    starts = doc.user_data.get("factx.ent_starts")
    if starts is None:
        starts = doc.user_data["factx.ent_starts"] = [e.start for e in ents]
    out = []
    for i in range(bisect.bisect_left(starts, start), len(ents)):
        if ents[i].start >= end:
            break
        if ents[i].end <= end:
            out.append(ents[i])
    return out


def _sentence_ends(doc: Doc) -> list[int]:
    ends = doc.user_data.get("factx.sent_ends")
    if ends is None:
        ends = doc.user_data["factx.sent_ends"] = [s.end_char for s in sentences(doc)]
    return ends


def sentence_before(doc: Doc, char: int) -> Span | None:
    """The last sentence that ends at or before ``char``."""
    i = bisect.bisect_right(_sentence_ends(doc), char) - 1
    return sentences(doc)[i] if i >= 0 else None


def sentences_between(doc: Doc, start_char: int, end_char: int, limit: int | None = None) -> list[Span]:
    """Sentences overlapping the characters [start_char, end_char) (the first ``limit`` of them)."""
    sents = sentences(doc)
    out = []
    for i in range(bisect.bisect_right(_sentence_ends(doc), start_char), len(sents)):
        if sents[i].start_char >= end_char or limit is not None and len(out) >= limit:
            break
        out.append(sents[i])
    return out


def text_of(doc: Doc) -> str:
    """``doc.text`` joins every token on each access; this keeps the string."""
    cached = doc.user_data.get(TEXT)
    if cached is None:
        cached = doc.user_data[TEXT] = doc.text
    return cached


# What the selective parser leaves on a Doc for the stages after it (every key factx keeps in doc.user_data
# is named in this module).
TEXT = "factx.text"  # the text as given (the Doc's own differs only in blanks)
WINDOWS = "factx.windows"  # the parsed windows, as character ranges: figures are looked for only there
QUOTES = "factx.quotes"  # the quotations found while planning, as character ranges


def mark_plan(doc: Doc, text: str, windows: list[tuple[int, int]], quotes: list[tuple[int, int]] | None) -> None:
    doc.user_data[TEXT] = text
    doc.user_data[WINDOWS] = windows
    if quotes is not None:
        doc.user_data[QUOTES] = quotes


def planned_windows(doc: Doc) -> list[tuple[int, int]] | None:
    """The parsed windows, or None for a Doc parsed whole (by factx's full mode or by another pipeline)."""
    return doc.user_data.get(WINDOWS)


def planned_quotes(doc: Doc) -> list[tuple[int, int]] | None:
    return doc.user_data.get(QUOTES)


_LEMMATIZERS: dict[int, object] = {}


def lemmatize_on_demand(nlp) -> None:
    """Take the lemmatizer out of the pipeline and lemmatize only the tokens the rules ask about.

    The rules need lemmas of a few verbs per sentence; lemmatizing every token
    costs about 6% of the whole parse.
    """
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if getattr(lemmatizer, "mode", None) == "rule":
            _LEMMATIZERS[id(nlp.vocab)] = lemmatizer
            nlp.disable_pipe("lemmatizer")


def lemma(tok) -> str:
    """Lower-case lemma of ``tok``: from the pipeline when it ran, else computed now (and cached)."""
    if tok.lemma:
        return tok.lemma_.lower()
    lemmatizer = _LEMMATIZERS.get(id(tok.vocab))
    if lemmatizer is None:
        return tok.lower_
    cache = _LEMMA_CACHE.setdefault(id(tok.vocab), {})
    key = (tok.lower_, tok.pos_, str(tok.morph))
    found = cache.get(key)
    if found is None:
        found = cache[key] = (lemmatizer.rule_lemmatize(tok) or [tok.lower_])[0].lower()
    return found


_LEMMA_CACHE: dict[int, dict] = {}


@cache
def _word_lemmatizer():
    """spaCy's rule lemmatizer with the English tables the default pipeline ships, for words out of context
    (a record's ``what``); None when that pipeline is not installed."""
    try:
        package = resources.files(DEFAULT_MODEL)
    except ModuleNotFoundError:
        return None
    tables = next((p for p in package.iterdir() if p.is_dir() and (p / "lemmatizer" / "lookups").is_dir()), None)
    if tables is None:
        return None
    from spacy.lang.en import English
    from spacy.lookups import Lookups

    nlp = English()
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    lookups = Lookups().from_disk(tables / "lemmatizer" / "lookups")
    lemmatizer.initialize(lookups=lookups)
    index = lookups.get_table("lemma_index")
    irregular = set(lookups.get_table("lemma_exc")["verb"])
    return nlp.vocab, lemmatizer, {pos: set(index[pos]) for pos in ("noun", "verb")}, irregular


def is_common_word(word: str) -> bool:
    """Whether a lower-case word is an English noun or verb of the lemma tables ('union', 'mobile')."""
    found = _word_lemmatizer()
    return found is not None and (word in found[2]["noun"] or word in found[2]["verb"])


@lru_cache(maxsize=1 << 14)  # bounded: an archive's words and subjects are not
def word_lemma(word: str) -> str:
    """The lemma of one lower-case word without its sentence: 'injuries' -> injury, 'rose' -> rise, 'bus' ->
    bus. A noun reading is tried first, a verb reading first for '-ed' and '-ing' forms and irregular verbs
    ('was', 'held'); a form the tables do not know is no lemma."""
    found = _word_lemmatizer()
    if found is None:
        return word
    vocab, lemmatizer, known, irregular = found
    for pos in (("VERB", "NOUN") if word.endswith(("ed", "ing")) or word in irregular else ("NOUN", "VERB")):
        forms = lemmatizer.rule_lemmatize(Doc(vocab, words=[word], pos=[pos])[0])
        form = forms[0] if forms else word
        if form != word and form in known[pos.lower()]:
            return form
    return word


# How far the rules climb a parse, in arcs from a token up through its heads. A chain ends at the sentence's
# root (its own head); these caps also bound the climb through the long run-together "sentences" of captions
# and lists, and each says what a climb of that length reaches in news sentences.
SENTENCE_CLIMB = 12  # from a figure to the reporting or clause verb at the top of its sentence
CLAUSE_CLIMB = 8  # from a word to its clause's verb, through the conjuncts of that clause
PHRASE_CLIMB = 6  # from a figure's phrase to the verb it is an argument of (prepositions included)
SUBJECT_CLIMB = 5  # from a figure to the verb whose subject it is measured for
MODIFIER_CLIMB = 4  # from a modifier to the noun or verb it modifies, through compounds and adjectives
VERB_CLIMB = 3  # from a verb to the verb it shares a subject or a tense with ('and would owe', 'has risen')


def verb_above(tok, climb: int, *, stop_deps=frozenset(), amod_is_verb: bool = True):
    """The verb whose clause holds ``tok``: the first verb or auxiliary at or above it within ``climb`` arcs.

    The one clause-verb climb the stages share. It stops early at the sentence's root and at a token whose
    dependency is in ``stop_deps`` (a clause boundary such as 'relcl'), and returns the token it reached, which
    is no verb when none was found; ``amod_is_verb=False`` passes over participles used as adjectives ('the
    revised figure').
    """
    for _ in range(climb):
        if tok.pos_ in ("VERB", "AUX") and (amod_is_verb or tok.dep_ != "amod"):
            break
        if tok.head.i == tok.i or tok.dep_ in stop_deps:
            break
        tok = tok.head
    return tok


def is_verb(tok, amod_is_verb: bool = True) -> bool:
    return tok.pos_ in ("VERB", "AUX") and (amod_is_verb or tok.dep_ != "amod")
