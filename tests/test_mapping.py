"""kg.mapping writes N-Quads text itself instead of making pyoxigraph objects: the text must be
exactly what pyoxigraph would write, because digests, copies and exports are compared byte for byte
with graphs that went through the store."""

from __future__ import annotations

import sys

import pyoxigraph
import pytest
from conftest import ROOT
from pyoxigraph import Literal, NamedNode

from kg.iris import Iris
from kg.mapping import article_lines, literal, quads, resolution_lines
from kg.namespace import XSD


@pytest.mark.parametrize("datatype", [None, XSD.string, XSD.integer, XSD.date])
def test_literal_escapes_every_code_point_as_pyoxigraph_does(datatype: str | None) -> None:
    dt = NamedNode(datatype) if datatype else None
    for block in range(0, 0x110000, 0x400):
        text = "".join(chr(c) for c in range(block, block + 0x400) if not 0xD800 <= c <= 0xDFFF)
        if text:
            assert literal(text, datatype) == str(Literal(text, datatype=dt)), hex(block)


@pytest.mark.parametrize("text", ['a "quoted" \\ back\\slash', "tab\there\r\nnew line", "\x00\x1f\x7f\x85\u2028",
                                  "Sadr’s “words”", ""])
def test_literal_round_trips_through_the_parser(text: str) -> None:
    nt = f"<http://e/s> <http://e/p> {literal(text)} .\n".encode()
    [triple] = list(pyoxigraph.parse(nt, format=pyoxigraph.RdfFormat.N_TRIPLES))
    assert triple.object == Literal(text)


def test_mapped_lines_are_pyoxigraphs_own_text_for_a_generated_corpus() -> None:
    """Statements, quotes with every kind of punctuation, memberships, events with dates and
    intervals, merge evidence: each line parses, and prints back as itself."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from corpus import generate
        from graphs import LinearResolver, to_records
    finally:
        sys.path.remove(str(ROOT / "bench"))
    from kg.extract.event_types import event_type_iris

    iris = Iris()
    resolver = LinearResolver()
    lines: list[str] = []
    for i in range(30):
        rec = to_records(generate(11, i))
        resolver.add(rec)
        one = article_lines(rec, resolver.res, iris)
        assert one == sorted(set(one))
        lines += one
    resolver.finish()
    lines += resolution_lines(resolver.res, iris, event_type_iris())
    parsed = quads(lines)
    assert [str(q) for q in parsed] == lines
    kinds = {type(q.object).__name__ for q in parsed}
    assert kinds == {"NamedNode", "Literal"}
    datatypes = {q.object.datatype.value for q in parsed if isinstance(q.object, Literal)}
    assert {XSD.string, XSD.integer, XSD.boolean} <= datatypes


def test_a_split_quote_is_mapped_as_its_words_over_its_whole_span() -> None:
    from kg.iris import content_key
    from kg.records import Article, ArticleRecords, Span, Statement
    from kg.resolve import Resolution

    text = "“We played well,” Rivero said, “and we deserved it.”"
    said = "We played well ... and we deserved it."
    st = Statement(Span(1, 50, text[1:50]), "direct", None, words=said)
    rec = ArticleRecords(Article("a1", "a1.txt", text, "0" * 64), statements=(st,))
    parsed = quads(article_lines(rec, Resolution(), Iris()))
    content = [q.object.value for q in parsed if q.predicate.value.endswith("#content")]
    digest = [q.object.value for q in parsed if q.predicate.value.endswith("#contentDigest")]
    assert content == [said] and digest == [content_key(said)]
    spans = [q.object.value for q in parsed if q.predicate.value.endswith("#contentSpan")]
    assert [s.rsplit("#", 1)[1] for s in spans] == ["char=1,50"]  # the span still runs over both parts
