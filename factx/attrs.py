"""The attribute ruler's matches found by lookup instead of by spaCy's Matcher.

The English pipeline's attribute_ruler maps each fine tag to its coarse part
of speech and morphology (a tag map of ~60 one-token patterns) plus ~120
exceptions keyed on a word ("ai n't", "gon na", "'s" as a verb). spaCy runs
them through its general Matcher, which tries every pattern at every token:
about 14 % of a factx run went there. The patterns are all of one simple
shape, so each token only needs the few patterns indexed under its word or
its tag. This file is hand-written because no library compiles Matcher
patterns into lookups; it keeps spaCy's own component and its
``set_annotations``, and only replaces how matches are found, returning the
same list in the same order. A pipeline whose patterns use anything else
(operators, other attributes) keeps spaCy's Matcher untouched.
"""
from __future__ import annotations

import re
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

# The token attributes a pattern may test, as columns of Doc.to_array (string attributes come as hashes).
_COLUMNS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_Test = Callable[[list, int], bool]


def _test(column: int, spec, strings) -> _Test | None:
    """One attribute test of a pattern token, or None when its form is not one this file handles."""
    if _COLUMNS[column] == "IS_SPACE":
        if not isinstance(spec, bool):
            return None
        return lambda row, i: bool(row[i]) == spec
    if isinstance(spec, str):
        wanted = strings[spec]
        return lambda row, i: row[i] == wanted
    if isinstance(spec, dict) and len(spec) == 1:
        (op, arg), = spec.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list):
            values = frozenset(strings[a] for a in arg)
            return (lambda row, i: row[i] in values) if op == "IN" else (lambda row, i: row[i] not in values)
        if op == "REGEX" and isinstance(arg, str):
            found, memo = re.compile(arg).search, {}  # memo: string hash -> whether it matches

            def test(row, i):
                hit = memo.get(row[i])
                if hit is None:
                    hit = memo[row[i]] = bool(found(strings[row[i]]))
                return hit
            return test
    return None


class _Pattern:
    __slots__ = ("order", "key", "length", "tests")

    def __init__(self, order: int, key: int, tests: list[tuple[int, int, _Test]]):
        self.order, self.key, self.length = order, key, 1 + max(k for k, _, _ in tests)
        self.tests = tests  # (token offset, column, test)

    def match_at(self, columns: list[list], i: int, n: int) -> bool:
        if i + self.length > n:
            return False
        return all(test(columns[col], i + k) for k, col, test in self.tests)

    def indexed(self, spec) -> "_Pattern":
        """The pattern as tried from an index on its first token's ``spec``: a lone test equal to the index key
        is already met."""
        if isinstance(spec, str) and len(self.tests) == 1:
            return _Sure(self.order, self.key, self.tests)
        return self


class _Sure(_Pattern):
    __slots__ = ()

    def match_at(self, columns: list[list], i: int, n: int) -> bool:
        return True


class LookupMatches:
    """``match(doc)`` with AttributeRuler.match's result, found through indexes on the first token."""

    def __init__(self, by_lower: dict, by_tag: dict, by_dep: dict, spaces: list[_Pattern], others: list[_Pattern]):
        self.by_lower, self.by_tag, self.by_dep, self.spaces, self.others = by_lower, by_tag, by_dep, spaces, others

    @classmethod
    def compile(cls, ruler) -> "LookupMatches | None":
        strings = ruler.vocab.strings
        by_lower: dict[int, list[_Pattern]] = {}
        by_tag: dict[int, list[_Pattern]] = {}
        by_dep: dict[int, list[_Pattern]] = {}
        spaces: list[_Pattern] = []
        others: list[_Pattern] = []
        for order, entry in enumerate(ruler.patterns):
            key = strings[str(order)]
            for pattern in entry["patterns"]:
                if not isinstance(pattern, list) or not pattern:
                    return None
                tests = []
                for k, token_spec in enumerate(pattern):
                    if not token_spec:
                        return None
                    for attr, spec in token_spec.items():
                        column = _COLUMNS.index(attr) if attr in _COLUMNS else None
                        test = _test(column, spec, strings) if column is not None else None
                        if test is None:
                            return None  # an operator or an attribute this file does not read: keep the Matcher
                        tests.append((k, column, test))
                compiled = _Pattern(order, key, tests)
                # indexed under one value its first token must have: only those patterns are tried at a token
                for attr, index in (("LOWER", by_lower), ("TAG", by_tag), ("DEP", by_dep)):
                    spec = pattern[0].get(attr)
                    if isinstance(spec, str) or isinstance(spec, dict) and list(spec) == ["IN"]:
                        for value in [spec] if isinstance(spec, str) else spec["IN"]:
                            index.setdefault(strings[value], []).append(compiled.indexed(spec))
                        break
                else:
                    (spaces if pattern[0].get("IS_SPACE") is True else others).append(compiled)
        return cls(by_lower, by_tag, by_dep, spaces, others)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        n = len(doc)
        if not n:
            return []
        columns = doc.to_array(list(_COLUMNS)).T.tolist()
        lowers, tags, deps, is_space = columns
        by_lower, by_tag, by_dep, spaces, others = self.by_lower, self.by_tag, self.by_dep, self.spaces, self.others
        empty = ()
        found = set()
        for i, lower, tag, dep, space in zip(range(n), lowers, tags, deps, is_space):
            for group in (by_lower.get(lower, empty), by_tag.get(tag, empty), by_dep.get(dep, empty),
                          spaces if space else empty, others):
                for pattern in group:
                    if pattern.match_at(columns, i, n):
                        found.add((pattern.order, pattern.key, i, i + pattern.length))
        return sorted(found)


def match_by_lookup(nlp: Language) -> bool:
    """Give the pipeline's attribute_ruler lookup matching when its patterns allow; True when done."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if not callable(getattr(ruler, "set_annotations", None)) or not hasattr(ruler, "patterns"):
        return False
    lookup = LookupMatches.compile(ruler)
    if lookup is None:
        return False
    ruler.match = lookup
    return True
