"""A store validated chunk by chunk (the default) gives the report of the whole graph validated at once.

The seed graph is broken in every article graph and across graphs: violations whose evidence lies
in one article graph, and violations that only show when an article graph and the resolution graph
(or two article graphs) are read together: a count over a node whose triples are split, sh:disjoint
between values in two graphs, sh:class on a node typed in another graph, a target found through a
triple in another graph. The chunk size is small enough that the graph is cut into many chunks.
The chunks are read from the store, or from the copies of the graphs a build keeps when they are
the store's (and not when the store changed after them).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import BuiltStore, run_kg
from test_validate_engines import _inject

import kg.export
import kg.validate as V
from kg.build import RESOLUTION as RESOLUTION_KEY
from kg.iris import Iris
from kg.store import GraphStore, graph_digest

KG = "https://w3id.org/kg/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ORG = "http://www.w3.org/ns/org#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RESOLUTION = "https://w3id.org/kg/id/graph/resolution"
CHUNK = 250  # triples: the seed graph (about 3,900) is cut into many chunks, articles too


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


def _break(seed: GraphStore, path: Path) -> None:
    """The seed graph with the engines test's faults in every graph, and faults across graphs, in a
    new Oxigraph store at ``path``/oxigraph."""
    from pyoxigraph import RdfFormat, Store, parse, serialize

    by_graph: dict[str, list[str]] = {}
    for q in seed.quads():
        line = serialize([q], format=RdfFormat.N_QUADS)
        assert line is not None
        by_graph.setdefault(q.graph_name.value, []).append(line.decode("utf-8").strip())
    shutil.rmtree(path / "oxigraph", ignore_errors=True)
    st = Store(str(path / "oxigraph"))
    for lines in by_graph.values():  # each graph broken on its own: faults in every article graph
        st.extend(parse("\n".join(_inject(sorted(lines))).encode("utf-8") + b"\n", format=RdfFormat.N_QUADS))
    _break_across_graphs(st)
    st.flush()
    del st


@pytest.fixture(scope="module")
def broken_store(seed_store: BuiltStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The broken seed graph alone (no copies of its graphs: the chunks come from the store)."""
    path = tmp_path_factory.mktemp("broken-store")
    _break(GraphStore(seed_store.path, read_only=True), path)
    return path


@pytest.fixture(scope="module")
def broken_with_copies(seed_store: BuiltStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The broken seed graph with copies of its graphs and a manifest naming them, as a build keeps."""
    path = tmp_path_factory.mktemp("broken-copies")
    _break(GraphStore(seed_store.path, read_only=True), path)
    store = GraphStore(path)
    iris = Iris(GraphStore(seed_store.path, read_only=True).manifest()["base"])
    by_graph: dict[str, list[str]] = {}
    for q in store.quads():
        by_graph.setdefault(q.graph_name.value, []).append(str(q))
    articles = {}
    for graph, lines in by_graph.items():
        aid = iris.article_id_of_graph(graph)
        if aid is not None:
            articles[aid] = {"copy": store.save_article_copy(aid, graph, lines)}
    digest = graph_digest(sorted(by_graph[iris.resolution_graph]))
    store.save_graph_copy(digest, "h", {"all": ("1", sorted(by_graph[iris.resolution_graph]))})
    store.save_manifest({"articles": articles, RESOLUTION_KEY: digest, "base": iris.base})
    return path


@pytest.fixture(scope="module")
def broken_after_copies(seed_store: BuiltStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed store, copies and manifest included, whose graph was then broken: stale copies."""
    path = tmp_path_factory.mktemp("broken-stale") / "store"
    shutil.copytree(seed_store.path, path)
    _break(GraphStore(seed_store.path, read_only=True), path)
    return path


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@pytest.fixture
def chunks(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """The chunks a validation cuts (their N-Triples), recorded in this process."""
    seen: list[bytes] = []
    real = V._Cutter.data

    def spy(self: V._Cutter, nodes: list[str]) -> bytes:
        data = real(self, nodes)
        seen.append(data)
        return data

    monkeypatch.setattr(V._Cutter, "data", spy)
    return seen


@pytest.fixture
def copies_read(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each validation found copies of the graphs it could trust."""
    seen: list[bool] = []
    real = kg.export.cached_union

    def spy(store: Any) -> Any:
        lines = real(store)
        seen.append(lines is not None)
        return lines

    monkeypatch.setattr(kg.export, "cached_union", spy)
    return seen


def _same(chunked: V.Report, whole: V.Report) -> None:
    assert chunked.violations == whole.violations
    assert (chunked.conforms, chunked.triples) == (whole.conforms, whole.triples)
    for fmt in V.REPORT_FORMATS:
        assert V.render(chunked, fmt) == V.render(whole, fmt), fmt


def _faults_across_graphs(report: V.Report) -> None:
    found = {(_local(v.path), _local(v.component).removesuffix("ConstraintComponent")) for v in report.violations}
    assert {
        ("content", "MinCount"), ("kind", "In"), ("beginIndex", "LessThan"),  # in every article graph
        ("prefLabel", "MinCount"),  # resolution graph
        ("speaker", "Or"), ("", "Or"),  # typed nowhere: the statement's speaker, the role holder
        ("prefLabel", "MaxCount"), ("participant", "Disjoint"), ("role", "MaxCount"), ("sha256", "MaxCount"),
        ("mention", "Class"), ("startDate", "MaxCount"), ("endDate", "MinCount"),
    } <= found, found
    articles = {v.focus for v in report.violations if _local(v.path) == "content"}
    assert len(articles) == 5  # one per article graph


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")[:-1]  # N-Triples escapes a line break in a literal


@pytest.mark.parametrize("engine", ["rudof", "pyshacl"])
def test_chunks_report_what_the_whole_graph_reports(engine: str, broken_store: Path, chunks: list[bytes],
                                                    copies_read: list[bool]) -> None:
    store = GraphStore(broken_store, read_only=True)
    whole = V.validate(store=store, engine=engine, chunk_triples=0)
    assert not chunks
    chunked = V.validate(store=store, engine=engine, chunk_triples=CHUNK, jobs=1)
    assert copies_read == [False]  # no copies: the chunks come from the store
    assert len(chunks) >= 6
    union = {f"{q.subject} {q.predicate} {q.object} .".encode() for q in store.quads()}
    held = [set(_lines(data)) for data in chunks]
    assert set().union(*held) == union  # every triple is checked somewhere
    assert sum(map(len, held)) > len(union)  # and some are read by several chunks (what the shapes read)
    # Each chunk holds every triple of a whole predicate about every node it names.
    read_whole = {f"<{p}>".encode() for p in V._whole_predicates()}
    about: dict[bytes, set[bytes]] = {}
    for line in union:
        s, p, _ = line.split(b" ", 2)
        if p in read_whole:
            about.setdefault(s, set()).add(line)
    for lines in held:
        named = set()
        for line in lines:
            s, p, o = line.split(b" ", 2)
            named.add(s)
            if p != f"<{RDF_TYPE}>".encode() and o.startswith(b"<"):
                named.add(o[:-2])
        assert all(about.get(n, set()) <= lines for n in named)
    _same(chunked, whole)
    _faults_across_graphs(whole)


def test_by_default_the_copies_are_read_in_chunks_and_report_what_the_whole_graph_reports(
        broken_with_copies: Path, chunks: list[bytes], copies_read: list[bool],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`kg validate` as it runs: chunks (in two worker processes) read from the copies of the graphs."""
    store = GraphStore(broken_with_copies, read_only=True)
    whole = V.validate(store=store, chunk_triples=0)
    _faults_across_graphs(whole)
    monkeypatch.setattr(V, "CHUNK_TRIPLES", CHUNK)
    for fmt in V.REPORT_FORMATS:
        result = run_kg("validate", "--store", broken_with_copies, "--format", fmt)
        assert result.exit_code == 1, result.stderr
        assert result.stdout == V.render(whole, fmt), fmt
    assert copies_read == [True] * len(V.REPORT_FORMATS)
    assert len(chunks) >= 6 * len(V.REPORT_FORMATS)


def test_copies_older_than_the_store_are_not_read(broken_after_copies: Path, copies_read: list[bool]) -> None:
    store = GraphStore(broken_after_copies, read_only=True)
    whole = V.validate(store=store, chunk_triples=0)
    assert not whole.conforms
    _same(V.validate(store=store, chunk_triples=CHUNK, jobs=1), whole)
    assert copies_read == [False]


def test_chunks_without_what_the_shapes_read_around_them_would_differ(broken_store: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks above can fail: chunks that read only the types around them report otherwise."""
    store = GraphStore(broken_store, read_only=True)
    whole = V.validate(store=store, chunk_triples=0)
    monkeypatch.setattr(V, "_whole_predicates", lambda: (RDF_TYPE,))
    assert V.validate(store=store, chunk_triples=CHUNK, jobs=1).violations != whole.violations


def test_the_seed_graph_conforms_in_chunks(seed_store: BuiltStore, chunks: list[bytes],
                                           copies_read: list[bool]) -> None:
    store = GraphStore(seed_store.path, read_only=True)
    report = V.validate(store=store, chunk_triples=CHUNK, jobs=1)
    assert report.conforms and len(chunks) >= 6 and copies_read == [True]
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
                                                         chunks: list[bytes]) -> None:
    from pyoxigraph import RdfFormat, Store, parse

    seed = GraphStore(seed_store.path, read_only=True)
    st = Store(str(tmp_path / "oxigraph"))
    st.extend(list(seed.quads()))
    st.extend(parse(extra.encode("utf-8") + b"\n", format=RdfFormat.N_QUADS))
    st.flush()
    del st
    store = GraphStore(tmp_path, read_only=True)
    whole = V.validate(store=store, chunk_triples=0)
    _same(V.validate(store=store, chunk_triples=CHUNK, jobs=1), whole)
    assert not chunks
    if "_:b" not in extra:
        assert V._chunk_problem(store) is not None
