"""The attribution stage's word lists, read once from ``factx/data/cues.json`` (and the poll nouns of
``claims.json``); the dependency labels its rules walk."""
from __future__ import annotations

import re

from ..lexicon import CUE_VERBS
from ..resources import load

CUES = load("cues")
CUE_NOUNS = frozenset(CUES["nouns"])
SHARE_WORDS = frozenset(CUES["share_words"])  # '51 percent of respondents said': no source
MAX_MENTION_TOKENS = 16  # longer, a source is text run together (captions, lists), not a name
HEAD_WORDS = {"det", "compound", "amod", "poss", "nummod", "nmod"}
CLAUSE_VERBS = frozenset(CUES["clause_verbs"])
NOMINAL_DEPS = {"dobj", "nsubj", "nsubjpass", "pobj", "attr", "conj", "appos", "compound"}
BARE_CUES = frozenset(CUES["bare_cues"])
# Words that open a qualified figure ('between 200 and 300', 'about 50', 'over 1,000'); the parser sometimes
# hangs them on the reporting verb instead of on the figure.
QUALIFIER_HEADS = frozenset(CUES["qualifier_heads"])
# A stated expectation inside a statement ('Gallois said the company expects to cut 4,300 jobs') is the
# speaker's figure: the plan verb's subject is what the statement is about, not who reports it.
PLAN_CUES = frozenset(CUES["plan_verbs"])
SPEECH_CUES = frozenset(CUES["speech_verbs"])
QUOTE_VERBS = CUE_VERBS | frozenset(CUES["quote_verbs"])  # a quotation's speaker: '“...,” Trump asked'
# Sources that are data rather than people: what they show, give or have is reported by them.
DATA_NOUNS = frozenset(CUES["data_nouns"])
DATA_VERBS = frozenset(CUES["data_verbs"])
SAMPLE_NOUNS = frozenset(load("claims")["sample_nouns"])  # polls and surveys
CLAUSE_DEPS = {"ccomp", "parataxis", "advcl", "conj", "xcomp"}
REPORTED_DEPS = {"ccomp", "parataxis"}  # what a clause verb reports ("found that ..."), not "maintained ..., helping"
CONTRAST_MARKS = frozenset(load("words")["contrast_marks"])
CLAUSE_BOUNDARY_DEPS = {"relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis", "appos"}
PERSON_WORDS = frozenset(CUES["person_descriptions"])
ORG_WORDS = frozenset(CUES["org_descriptions"])
COMPLEMENT_DEPS = {"ccomp", "xcomp", "dobj", "parataxis", "advcl", "attr", "oprd", "conj", "dep", "acomp"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
TITLES = re.compile(rf"^(?:{'|'.join(CUES['titles'])})\.?\s+", re.I)
PERSON_PRONOUNS = frozenset(CUES["person_pronouns"])
THING_PRONOUNS = frozenset(CUES["thing_pronouns"])
DESCRIPTION_REACH = 600  # characters back (about three sentences) where "the agency" may find its name
DEFINED_ACRONYM = re.compile(
    r"(?P<name>(?:[A-Z][\w&.'-]*[ \u00a0]+(?:(?:of|for|and|the|on|de)[ \u00a0]+)?){1,8}[A-Z][\w&.'-]*)"
    r"[ \u00a0]*\([ \u00a0]*(?P<acronym>[A-Z][A-Za-z.&]{1,9})[ \u00a0]*\)")
# Two or three capitalised words after a lower-case word or a comma: a person's full name, probably.
FULL_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+(?:[ \u00a0][A-Z]\.)?(?:[ \u00a0][A-Z][a-z]+){1,2}(?=[ ,.])")
CONNECTORS = frozenset(load("words")["name_connectors"])
