"""A store validated chunk by chunk gives the report of the whole graph validated at once.

The seed graph is broken in every article graph and across graphs: violations whose evidence lies
in one article graph, and violations that only show when an article graph and the resolution graph
(or two article graphs) are read together: a count over a node whose triples are split, sh:disjoint
between values in two graphs, sh:class on a node typed in another graph, a target found through a
triple in another graph. The chunk size is small enough that the graph is cut into many chunks,
article graphs batched whole and large graphs cut by subjects.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import BuiltStore
from test_validate_engines import _inject

import kg.validate as V
from kg.store import GraphStore

KG = "https://w3id.org/kg/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ORG = "http://www.w3.org/ns/org#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RESOLUTION = "https://w3id.org/kg/id/graph/resolution"
CHUNK = 600  # triples: the seed graphs hold 520-800 each, so some are batched and some are cut


def _first(st: Any, sparql: str) -> Any:
    rows = list(st.query(sparql, use_default_graph_as_union=True))
    assert rows, f"the seed graph has nothing for the fault: {sparql}"
    return rows[0]


def _break_across_graphs(st: Any) -> None:
    """Faults that a chunk holding one graph alone would miss or invent."""
    from pyoxigraph import Literal, NamedNode, Quad

    def add(s: Any, p: str, o: Any, g: Any) -> None:
        st.add(Quad(s, NamedNode(p), o, g))

    res = NamedNode(RESOLUTION)
    # An entity that speaks in an article loses its type in the resolution graph: sh:class on the
    # statement's kg:speaker (article graph) fails, its kg:memberOf target has no class either.
    row = _first(st, f"SELECT ?e ?t WHERE {{ ?s <{KG}speaker> ?e . ?e <{KG}memberOf> ?o . "
                     f"GRAPH <{RESOLUTION}> {{ ?e a ?t }} }} ORDER BY ?e LIMIT 1")
    st.remove(Quad(row["e"], NamedNode(RDF_TYPE), row["t"], res))
    # An entity named in the resolution graph gets a second name in an article graph: sh:maxCount.
    row = _first(st, f"SELECT ?e ?g WHERE {{ GRAPH ?g {{ ?e <{KG}mention> ?m }} ?e <{SKOS}prefLabel> ?l }} "
                     f"ORDER BY DESC(?e) ?g LIMIT 1")
    add(row["e"], f"{SKOS}prefLabel", Literal("Another Name"), row["g"])
    # An event's agent (resolution graph) becomes its participant in an article graph: sh:disjoint.
    row = _first(st, f"SELECT ?ev ?a ?g WHERE {{ GRAPH <{RESOLUTION}> {{ ?ev <{KG}agent> ?a }} "
                     f"GRAPH ?g {{ ?ev <{KG}trigger> ?t }} }} ORDER BY ?ev ?g LIMIT 1")
    add(row["ev"], f"{KG}participant", row["a"], row["g"])
    # A membership stated in two articles gets a second role in one of them: sh:maxCount.
    row = _first(st, f"SELECT ?m ?g WHERE {{ GRAPH ?g {{ ?m <{ORG}member> ?x }} GRAPH ?h {{ ?m <{ORG}member> ?x }} "
                     f"FILTER(?g != ?h) }} ORDER BY ?m ?g LIMIT 1")
    add(row["m"], f"{ORG}role", NamedNode(f"{KG}PartRole"), row["g"])
    # An entity's mention (one value of many, in one article graph) is a statement: sh:class.
    row = _first(st, f"SELECT ?e ?s ?g WHERE {{ GRAPH ?g {{ ?e <{KG}mention> ?m . ?s a <{KG}Statement> }} }} "
                     f"ORDER BY ?g ?e ?s LIMIT 1")
    add(row["e"], f"{KG}mention", row["s"], row["g"])
    # A mention span loses its type in its article graph: the entity's kg:mention fails sh:class.
    row = _first(st, f"SELECT ?m ?g WHERE {{ ?e <{KG}mention> ?m . GRAPH ?g {{ ?m a <{KG}TextSpan> }} "
                     f"FILTER NOT EXISTS {{ ?st <{KG}contentSpan> ?m }} }} ORDER BY DESC(?m) LIMIT 1")
    st.remove(Quad(row["m"], NamedNode(RDF_TYPE), NamedNode(f"{KG}TextSpan"), row["g"]))
    # An event dated in the resolution graph gets a start date in an article graph: the target of
    # EventDateShape (sh:maxCount 0) and EventIntervalShape (an end date is missing).
    row = _first(st, f"SELECT ?ev ?d ?g WHERE {{ GRAPH <{RESOLUTION}> {{ ?ev <{KG}date> ?d }} "
                     f"GRAPH ?g {{ ?ev <{KG}trigger> ?t }} }} ORDER BY ?ev ?g LIMIT 1")
    add(row["ev"], f"{KG}startDate", row["d"], row["g"])
    # An article gets a second digest in another article's graph: sh:maxCount over two article graphs.
    row = _first(st, f"SELECT ?a ?g WHERE {{ GRAPH ?h {{ ?a <{KG}sha256> ?x }} GRAPH ?g {{ ?b <{KG}sha256> ?y }} "
                     f"FILTER(?g != ?h) }} ORDER BY ?a ?g LIMIT 1")
    add(row["a"], f"{KG}sha256", Literal("f" * 64), row["g"])


@pytest.fixture(scope="module")
def broken_store(seed_store: BuiltStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed graph with the engines test's faults in every graph, and faults across graphs."""
    from pyoxigraph import RdfFormat, Store, parse, serialize

    seed = GraphStore(seed_store.path, read_only=True)
    by_graph: dict[str, list[str]] = {}
    for q in seed.quads():
        line = serialize([q], format=RdfFormat.N_QUADS)
        assert line is not None
        by_graph.setdefault(q.graph_name.value, []).append(line.decode("utf-8").strip())
    path = tmp_path_factory.mktemp("broken-store")
    st = Store(str(path / "oxigraph"))
    for lines in by_graph.values():  # each graph broken on its own: faults in every article graph
        st.extend(parse("\n".join(_inject(sorted(lines))).encode("utf-8") + b"\n", format=RdfFormat.N_QUADS))
    _break_across_graphs(st)
    st.flush()
    del st
    return path


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@pytest.fixture
def chunks(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], list[str]]]:
    """The chunks a validation cuts (graphs, subjects), recorded (jobs=1 runs them in this process)."""
    seen: list[tuple[list[str], list[str]]] = []
    real = V._check_chunk

    def spy(where: Any, engine: str, graphs: list[str], subjects: list[str]) -> Any:
        seen.append((graphs, subjects))
        return real(where, engine, graphs, subjects)

    monkeypatch.setattr(V, "_check_chunk", spy)
    return seen


def _same(chunked: V.Report, whole: V.Report) -> None:
    assert chunked.violations == whole.violations
    assert (chunked.conforms, chunked.triples) == (whole.conforms, whole.triples)
    for fmt in V.REPORT_FORMATS:
        assert V.render(chunked, fmt) == V.render(whole, fmt), fmt


@pytest.mark.parametrize("engine", ["rudof", "pyshacl"])
def test_chunks_report_what_the_whole_graph_reports(engine: str, broken_store: Path,
                                                    chunks: list[tuple[list[str], list[str]]]) -> None:
    store = GraphStore(broken_store, read_only=True)
    whole = V.validate(store=store, engine=engine, chunk_triples=None)
    assert not chunks
    chunked = V.validate(store=store, engine=engine, chunk_triples=CHUNK, jobs=1)
    assert len(chunks) >= 8
    assert any(subjects for _, subjects in chunks) and any(not subjects for _, subjects in chunks)
    assert any(graphs == [RESOLUTION] for graphs, _ in chunks)  # the resolution graph is cut too
    _same(chunked, whole)
    found = {(_local(v.path), _local(v.component).removesuffix("ConstraintComponent")) for v in whole.violations}
    assert {
        ("content", "MinCount"), ("kind", "In"), ("beginIndex", "LessThan"),  # in every article graph
        ("prefLabel", "MinCount"),  # resolution graph
        ("speaker", "Or"), ("", "Or"),  # typed nowhere: the statement's speaker, the role holder
        ("prefLabel", "MaxCount"), ("participant", "Disjoint"), ("role", "MaxCount"), ("sha256", "MaxCount"),
        ("mention", "Class"), ("startDate", "MaxCount"), ("endDate", "MinCount"),
    } <= found, found
    articles = {v.focus for v in whole.violations if _local(v.path) == "content"}
    assert len(articles) == 5  # one per article graph


def test_the_pool_gives_the_same_report(broken_store: Path) -> None:
    store = GraphStore(broken_store, read_only=True)
    _same(V.validate(store=store, chunk_triples=CHUNK, jobs=2), V.validate(store=store, chunk_triples=None))


def test_chunks_without_the_other_graphs_triples_would_differ(broken_store: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: chunks reading only their own triples and types report otherwise."""
    store = GraphStore(broken_store, read_only=True)
    whole = V.validate(store=store, chunk_triples=None)
    monkeypatch.setattr(V, "_whole_predicates", lambda: (RDF_TYPE,))
    assert V.validate(store=store, chunk_triples=CHUNK, jobs=1).violations != whole.violations


def test_the_seed_graph_conforms_in_chunks(seed_store: BuiltStore, chunks: list[tuple[list[str], list[str]]]) -> None:
    store = GraphStore(seed_store.path, read_only=True)
    report = V.validate(store=store, chunk_triples=CHUNK, jobs=1)
    assert report.conforms and len(chunks) >= 8
    assert report.triples == len({(q.subject, q.predicate, q.object) for q in store.quads()})


def test_values_checked_one_at_a_time_are_not_read_whole() -> None:
    """kg:mention (sh:class only) may be split over chunks; a count or a target is read whole."""
    whole = set(V._whole_predicates())
    assert {f"{KG}mention", f"{KG}mentionedIn", f"{KG}nameEvidence", f"{SKOS}altLabel"}.isdisjoint(whole)
    assert {RDF_TYPE, f"{SKOS}prefLabel", f"{KG}memberOf", f"{KG}agent", f"{KG}date", f"{ORG}role"} <= whole


@pytest.mark.parametrize("extra", [
    "<http://example.org/x> <http://example.org/p> <http://example.org/y> .",  # the default graph
    f"<{KG}Actor> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <{KG}Organization> <{RESOLUTION}> .",
    f"_:b <{KG}mention> <http://example.org/y> <{RESOLUTION}> .",  # a blank node cannot be queried
])
def test_graphs_that_cannot_be_cut_are_validated_at_once(extra: str, seed_store: BuiltStore, tmp_path: Path,
                                                         chunks: list[tuple[list[str], list[str]]]) -> None:
    from pyoxigraph import RdfFormat, Store, parse

    seed = GraphStore(seed_store.path, read_only=True)
    st = Store(str(tmp_path / "oxigraph"))
    st.extend(list(seed.quads()))
    st.extend(parse(extra.encode("utf-8") + b"\n", format=RdfFormat.N_QUADS))
    st.flush()
    del st
    store = GraphStore(tmp_path, read_only=True)
    whole = V.validate(store=store, chunk_triples=None)
    _same(V.validate(store=store, chunk_triples=CHUNK, jobs=1), whole)
    if "_:b" not in extra:
        assert V._chunk_problem(store) is not None and not chunks
