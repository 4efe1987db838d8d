"""kg's own Turtle and N-Triples writers (kg/export.py) on graphs with awkward terms, no spaCy.

The writers replace pyoxigraph's serializer for speed, so they are held to it: N-Triples must be
the bytes pyoxigraph writes for the same triples, and Turtle must parse back (in pyoxigraph and in
rdflib) to exactly the union of the store's graphs, each triple written once. Both hold whether the
triples come from the store or from the copies of the graphs a build keeps, and a copy the store
does not match is never used.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Triple, parse, serialize
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

import kg.export
from kg.build import RESOLUTION
from kg.errors import InputError
from kg.export import _literal, cached_union, export, prefixed, vocabulary, write_turtle
from kg.iris import Iris
from kg.namespace import KG, NIF, PREFIXES, RDF, XSD
from kg.store import GraphStore, graph_digest

EX = "http://example.org/"
ID = "https://w3id.org/kg/id/"
G1, G2, G3 = NamedNode(f"{ID}graph/article/a1"), NamedNode(f"{ID}graph/article/a2"), NamedNode(f"{ID}graph/resolution")


def typed(value: str, datatype: str) -> Literal:
    return Literal(value, datatype=NamedNode(datatype))


def awkward_quads() -> list[Quad]:
    s, t = NamedNode(f"{ID}statement/a1/1"), NamedNode(f"{ID}entity/jane-doe")
    span = NamedNode(f"{ID}article/a1#char=0,5")
    node = BlankNode("b0")
    objects: list[Any] = [
        Literal('she said "no" \\ and\nleft\ttoday\r'), Literal("é ☃ \U0001f600"), Literal(""),
        Literal("Bagdad", language="de"), Literal("x", language="en-GB"),
        Literal(7), Literal(-3), typed("+12", XSD.integer), typed("007", XSD.integer),
        typed("+", XSD.integer), typed("١٢", XSD.integer), typed("", XSD.integer),
        Literal(True), Literal(False), typed("1", XSD.boolean),
        Literal(1.5), typed("2020-01-03", XSD.date), typed("2020", XSD.gYear),
        typed("a", f"{EX}datatype"), typed('quote "^^<http://www.w3.org/2001/XMLSchema#integer>', f"{EX}dt"),
        typed('x"^^<http://www.w3.org/2001/XMLSchema#date>', XSD.string),
        NamedNode(KG.Statement), NamedNode(KG.Direct), NamedNode(f"{EX}a b".replace(" ", "%20")), node,
    ]
    quads = [Quad(s, NamedNode(f"{EX}p{i}"), o, G1) for i, o in enumerate(objects)]
    quads += [
        Quad(s, NamedNode(RDF.type), NamedNode(KG.Statement), G1),
        Quad(s, NamedNode(KG.speaker), t, G1),
        Quad(s, NamedNode(KG.about), t, G1), Quad(s, NamedNode(KG.about), NamedNode(f"{ID}entity/x"), G1),
        Quad(span, NamedNode(NIF.beginIndex), Literal(0), G1),
        Quad(span, NamedNode(NIF.endIndex), Literal(5), G1),
        Quad(node, NamedNode(f"{EX}unknown#p"), Literal("blank subject"), G1),
        Quad(NamedNode(f"{EX}onto#x-1"), NamedNode(f"{EX}onto#"), NamedNode(f"{ID}y"), G1),
        # the same triples in other graphs: written once
        Quad(t, NamedNode(RDF.type), NamedNode(KG.Actor), G2), Quad(t, NamedNode(RDF.type), NamedNode(KG.Actor), G3),
        Quad(s, NamedNode(KG.speaker), t, G2), Quad(s, NamedNode(KG.speaker), t, G3),
        Quad(t, NamedNode(KG.alias), Literal("Jane"), G2), Quad(t, NamedNode(KG.alias), Literal("J. Doe"), G3),
    ]
    return quads


def build(path: Path, quads: list[Quad]) -> GraphStore:
    store = GraphStore(path, create=True)
    store.bulk_add(quads)
    return store


@pytest.fixture(scope="module")
def awkward(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    yield build(tmp_path_factory.mktemp("awkward") / "store", awkward_quads())


def with_copies(path: Path, quads: list[Quad]) -> GraphStore:
    """A store of ``quads`` with the copies of its graphs and the manifest, as ``kg build`` keeps them.

    The copies hold the quads as the store does: Oxigraph writes "+12"^^xsd:integer as 12, and so
    does kg's mapping (it writes no literal that Oxigraph would rewrite)."""
    store = build(path, quads)
    quads = list(store.quads())
    iris = Iris()
    articles = {}
    for aid in ("a1", "a2"):
        graph = iris.graph(aid)
        lines = [str(q) for q in quads if q.graph_name == NamedNode(graph)]
        articles[aid] = {"graph": graph_digest(lines), "copy": store.save_article_copy(aid, graph, lines)}
    lines = sorted({str(q) for q in quads if q.graph_name == NamedNode(iris.resolution_graph)})
    digest = graph_digest(lines)
    store.save_graph_copy(digest, "h", {"entity x": ("1", lines[:2]), "entity y": ("2", lines[1:])})
    store.save_manifest({"articles": articles, RESOLUTION: digest, "base": iris.base})
    return store


@pytest.fixture
def from_the_store_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any export that reads the triples from the store rather than from the copies."""
    def refuse(store: Any) -> Any:
        raise AssertionError("the triples were read from the store")

    monkeypatch.setattr(kg.export, "_union_triples", refuse)


def union(store: GraphStore) -> set[Triple]:
    """The triples of all graphs, as the store holds them (Oxigraph keeps "+12"^^xsd:integer as 12)."""
    return {q.triple for q in store.quads()}


def as_rdflib(triples: set[Triple]) -> Graph:
    return Graph().parse(data=serialize(triples, format=RdfFormat.N_TRIPLES), format="nt")


def test_turtle_parses_back_to_the_union_each_triple_once(awkward: GraphStore) -> None:
    data = export(awkward, "turtle")
    assert data is not None
    written = [q.triple for q in parse(data, format=RdfFormat.TURTLE)]
    assert set(written) == union(awkward)
    assert len(written) < len(awkward_quads())
    assert len(written) == len(set(written)), "a triple held by several graphs must be written once"


def test_turtle_parses_back_in_rdflib(awkward: GraphStore) -> None:
    data = export(awkward, "turtle")
    assert data is not None
    expected, actual = as_rdflib(union(awkward)), Graph().parse(data=data, format="turtle")
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        pytest.fail(f"graphs differ:\n- {sorted(only_expected)[:10]}\n+ {sorted(only_actual)[:10]}")


def test_turtle_uses_short_forms(awkward: GraphStore) -> None:
    data = export(awkward, "turtle")
    assert data is not None
    text = data.decode("utf-8")
    assert text.startswith("@prefix kg: <https://w3id.org/kg/ontology#> .\n")
    assert f"<{ID}statement/a1/1> " in text
    for short in ("\ta kg:Statement ;", " kg:speaker <", f"<{EX}p5> 7 ;", " -3 ;", " true ;",
                  " false ;", '"2020-01-03"^^xsd:date', " kg:Direct ;", " nif:beginIndex 0 ;"):
        assert short in text, short
    for long in (f"<{RDF.type}>", f"<{KG.speaker}>", f"<{KG.Statement}>", '"2020-01-03"^^<'):
        assert long not in text, long


def test_turtle_groups_consecutive_triples_by_subject_and_predicate() -> None:
    s, t, o = NamedNode(f"{ID}s"), BlankNode("t"), NamedNode(f"{ID}o")
    code = {term: Literal(i) for i, term in enumerate(vocabulary())}  # predicates as the query gives them
    triples = [(s, code[RDF.type], NamedNode(KG.Actor)), (s, code[RDF.type], NamedNode(f"{EX}C")),
               (s, NamedNode(f"{EX}p"), Literal("x")), (s, NamedNode(f"{EX}p"), Literal("x")),
               (s, code[KG.alias], Literal("a")), (t, code[KG.alias], o), (s, code[KG.alias], Literal(1))]
    chunks: list[bytes] = []
    write_turtle(triples, chunks.append)
    body = b"".join(chunks).decode("utf-8").split(" .\n", len(PREFIXES))[-1]
    assert body == (f'<{ID}s> a kg:Actor , <{EX}C> ;\n\t<{EX}p> "x" ;\n\tkg:alias "a" .\n'
                    f"_:t kg:alias <{ID}o> .\n"
                    f"<{ID}s> kg:alias 1 .\n")


def test_ntriples_are_the_bytes_pyoxigraph_writes(awkward: GraphStore) -> None:
    """kg writes N-Triples itself; pyoxigraph's serializer of the same query is the reference."""
    reference = serialize(awkward.query("CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"),
                          format=RdfFormat.N_TRIPLES)
    assert export(awkward, "ntriples") == reference


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "nquads"])
def test_the_same_triples_added_in_another_order_give_the_same_bytes(fmt: str, awkward: GraphStore,
                                                                     tmp_path: Path) -> None:
    other = build(tmp_path / "other", list(reversed(awkward_quads())))
    assert export(other, fmt) == export(awkward, fmt)


@pytest.mark.parametrize(("text", "expected"), [
    (f'"42"^^<{XSD.integer}>', "42"),
    (f'"-42"^^<{XSD.integer}>', "-42"),
    (f'"+042"^^<{XSD.integer}>', "+042"),
    (f'"+"^^<{XSD.integer}>', f'"+"^^<{XSD.integer}>'),  # not a Turtle integer: stays typed
    (f'""^^<{XSD.integer}>', f'""^^<{XSD.integer}>'),
    (f'"4.2"^^<{XSD.integer}>', f'"4.2"^^<{XSD.integer}>'),
    (f'"١٢"^^<{XSD.integer}>', f'"١٢"^^<{XSD.integer}>'),  # digits, but not ASCII ones
    (f'"true"^^<{XSD.boolean}>', "true"),
    (f'"false"^^<{XSD.boolean}>', "false"),
    (f'"1"^^<{XSD.boolean}>', '"1"^^xsd:boolean'),
    (f'"2020-01-03"^^<{XSD.date}>', '"2020-01-03"^^xsd:date'),
    (f'"x"^^<{EX}dt>', f'"x"^^<{EX}dt>'),
    (f'"a\\"^^<{XSD.date}>"^^<{EX}dt>', f'"a\\"^^<{XSD.date}>"^^<{EX}dt>'),  # the lexical form is no datatype
    (f'"a\\"^^<{EX}dt>"^^<{XSD.date}>', f'"a\\"^^<{EX}dt>"^^xsd:date'),
])
def test_literal_short_forms(text: str, expected: str) -> None:
    assert _literal(text) == expected


@pytest.mark.parametrize(("iri", "expected"), [
    (KG.Statement, "kg:Statement"),
    (RDF.type, "rdf:type"),
    (f"{KG.prefix}a-b_c", "kg:a-b_c"),
    (KG.prefix, f"<{KG.prefix}>"),  # an empty local name is legal Turtle, but kept whole for clarity
    (f"{KG.prefix}1st", f"<{KG.prefix}1st>"),
    (f"{KG.prefix}a.b", f"<{KG.prefix}a.b>"),
    (f"{KG.prefix}é", f"<{KG.prefix}é>"),
    (f"{EX}x", f"<{EX}x>"),
])
def test_prefixed_names(iri: str, expected: str) -> None:
    assert prefixed(iri) == expected


# -- atomic output ------------------------------------------------------------------------------------
class FailingStore:
    """A store whose results break off after a few triples, as a store read error would."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def query(self, sparql: str) -> Iterator[Any]:
        for i, row in enumerate(self.store.query(sparql)):
            if i == 3:
                raise OSError("store read failed")
            yield row

    def quads(self) -> Iterator[Any]:
        return self.store.quads()


@pytest.mark.parametrize("fmt", ["turtle", "ntriples"])
def test_a_failing_store_leaves_the_output_as_it_was(fmt: str, awkward: GraphStore, tmp_path: Path) -> None:
    out = tmp_path / "graph.out"
    out.write_bytes(b"previous export")
    with pytest.raises(OSError, match="store read failed"):
        export(FailingStore(awkward), fmt, out)
    assert out.read_bytes() == b"previous export"
    assert [p.name for p in tmp_path.iterdir()] == [out.name], "no temporary file may be left behind"


def test_an_unwritable_output_is_an_input_error(awkward: GraphStore, tmp_path: Path) -> None:
    (tmp_path / "graph.ttl").mkdir()  # os.replace cannot put a file over a folder
    with pytest.raises(InputError, match="graph.ttl: cannot write"):
        export(awkward, "turtle", tmp_path / "graph.ttl")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


def test_the_file_holds_the_same_bytes_as_the_return_value(awkward: GraphStore, tmp_path: Path) -> None:
    out = tmp_path / "graph.ttl"
    assert export(awkward, "turtle", out) is None
    assert out.read_bytes() == export(awkward, "turtle")


# -- from the build's copies of the graphs ------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["turtle", "ntriples"])
def test_the_copies_give_the_union_each_triple_once_sorted(fmt: str, tmp_path: Path,
                                                           from_the_store_only: None) -> None:
    store = with_copies(tmp_path / "store", awkward_quads())
    data = export(store, fmt)
    assert data is not None
    written = [q.triple for q in parse(data, format=RdfFormat.TURTLE if fmt == "turtle" else RdfFormat.N_TRIPLES)]
    assert set(written) == union(store)
    assert len(written) == len(set(written)), "a triple held by several graphs must be written once"
    if fmt == "ntriples":
        lines = data.decode("utf-8").split("\n")[:-1]
        assert lines == sorted(lines)


@pytest.mark.parametrize("fmt", ["turtle", "ntriples"])
def test_the_copies_and_the_store_give_the_same_triples(fmt: str, awkward: GraphStore, tmp_path: Path) -> None:
    with_copies_ = export(with_copies(tmp_path / "store", awkward_quads()), fmt)
    from_store = export(awkward, fmt)
    assert with_copies_ is not None and from_store is not None
    rdf_format = RdfFormat.TURTLE if fmt == "turtle" else RdfFormat.N_TRIPLES
    assert {q.triple for q in parse(with_copies_, format=rdf_format)} == \
        {q.triple for q in parse(from_store, format=rdf_format)}


def test_turtle_from_the_copies_in_rdflib(tmp_path: Path, from_the_store_only: None) -> None:
    store = with_copies(tmp_path / "store", awkward_quads())
    data = export(store, "turtle")
    assert data is not None
    expected, actual = as_rdflib(union(store)), Graph().parse(data=data, format="turtle")
    assert isomorphic(expected, actual)


def _add_a_quad(store: GraphStore) -> None:
    store.bulk_add([Quad(NamedNode(f"{EX}new"), NamedNode(f"{EX}p"), Literal("new"), G1)])


def _move_a_graph(store: GraphStore) -> None:  # as many quads as before, in a graph the copies do not know
    moved = [Quad(q.subject, q.predicate, q.object, NamedNode(f"{ID}graph/article/a9"))
             for q in store.quads() if q.graph_name == G2]
    store.drop_graph(G2.value)
    store.bulk_add(moved)


def _edit_a_copy(store: GraphStore) -> None:
    path = store.article_copy_file("a2")
    path.write_bytes(path.read_bytes().replace(b"Jane", b"Joan"))


def _cut_a_copy(store: GraphStore) -> None:  # as a build stopped while writing it in place leaves it
    path = store.article_copy_file("a2")
    data = path.read_bytes()
    path.write_bytes(data[:data.index(b"\n") + 1])


def _lose_a_copy(store: GraphStore) -> None:
    store.article_copy_file("a1").unlink()


def _lose_the_resolution_copy(store: GraphStore) -> None:
    state = store.resolution_state()
    state.close()
    state.path.unlink()
    del store.__dict__["_state"]


def _a_manifest_of_another_build(store: GraphStore) -> None:
    manifest = store.manifest()
    manifest[RESOLUTION] = "0" * 64
    store.save_manifest(manifest)


@pytest.mark.parametrize("spoil", [_add_a_quad, _move_a_graph, _edit_a_copy, _cut_a_copy, _lose_a_copy,
                                   _lose_the_resolution_copy, _a_manifest_of_another_build])
def test_copies_that_do_not_describe_the_store_are_not_used(spoil: Callable[[GraphStore], None],
                                                            tmp_path: Path) -> None:
    store = with_copies(tmp_path / "store", awkward_quads())
    assert cached_union(store) is not None
    spoil(store)
    assert cached_union(store) is None
    for fmt, rdf_format in (("turtle", RdfFormat.TURTLE), ("ntriples", RdfFormat.N_TRIPLES)):
        data = export(store, fmt)
        assert data is not None
        assert {q.triple for q in parse(data, format=rdf_format)} == union(store), fmt
