"""The per-document index that makes extraction fast changes nothing that extraction returns."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.docindex import index_of
from kg.extract.entities import extract_entities
from kg.extract.roles import extract_relations
from kg.extract.statements import extract_statements
from kg.records import Article

pytestmark = pytest.mark.model

TEXT = """Rebels seize town as talks stall

The spokesman for the political bureau of the Workers Movement, Rafael Duarte, said on Monday that
the talks had failed. "We will not return to the table until the army leaves," he said, "and we
mean it."

Maria Lopez, a member of the Green Alliance, told Reuters news agency that the vote was rigged.
"The count was a farce from start to finish," she said. According to a statement from the Interior
Ministry, the ministry will review the results.

Kenyan President William Ruto signed the bill. A Gatwick spokesperson said flights were delayed.
"""


@pytest.fixture(scope="module")
def nlp(model_loaded_once: None):  # type: ignore[no-untyped-def]
    import kg.nlp

    return kg.nlp.load_model()


def test_the_index_agrees_with_spacy(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    ix = index_of(doc)
    assert index_of(doc) is ix  # built once per document
    assert ix.text == doc.text
    assert [t.i for t in ix.tokens] == list(range(len(doc)))
    assert ix.idx == [t.idx for t in doc]
    assert ix.ends == [t.idx + len(t.text) for t in doc]
    assert [(e.start, e.end, e.label_) for e in ix.ents] == [(e.start, e.end, e.label_) for e in doc.ents]
    sents = list(doc.sents)
    assert [(s.start, s.end) for s in ix.sents] == [(s.start, s.end) for s in sents]
    for t in doc:
        assert ix.sent_of[t.i] == t.sent.start
        assert ix.sent_number(t.i) == [s.start for s in sents].index(t.sent.start)
    for pos in range(len(TEXT) + 1):
        k = ix.token_at_or_after(pos)
        assert all(t.idx < pos for t in doc[:k]) and all(t.idx >= pos for t in doc[k:])


def test_a_new_document_gets_a_new_index(nlp) -> None:  # type: ignore[no-untyped-def]
    first, second = nlp(TEXT), nlp("Ana Silva resigned.")
    assert index_of(first).text == TEXT
    assert index_of(second).text == "Ana Silva resigned."
    assert index_of(first).text == TEXT


def test_relations_reuse_the_statements_unchanged(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(TEXT)
    article = Article("t", "t.txt", TEXT, "0")
    entities = extract_entities(doc, article)
    statements = extract_statements(doc, article, entities)
    assert extract_relations(doc, article, entities, statements) == extract_relations(doc, article, entities)


def test_extraction_is_the_same_on_a_fresh_and_a_reused_parse(nlp) -> None:  # type: ignore[no-untyped-def]
    article = Article("t", "t.txt", TEXT, "0")
    doc = nlp(TEXT)
    once = extract(doc, article).to_json()
    assert extract(doc, article).to_json() == once  # the cached index of the same parse
    index_of(nlp("Something else entirely."))  # another document takes the cache
    assert extract(nlp(TEXT), article).to_json() == once
