"""`kg validate`: SHACL validation of the store or of an RDF file, with reports for people and CI.

Exit codes (the CLI's interface): 0 the graph conforms, 1 it has violations, 2 usage or runtime error.

A store is validated in chunks, in worker processes: pyrudof spends 55-90 us per triple on one core
(63 us at 100k triples, 70-98 us at 1M in one piece) and holds about 12 GB for a million triples;
chunks of 50k triples use both cores and about 1 GB each. The chunks are cut so that every focus
node is checked with all the data its shapes read (see :func:`_chunk_problem` for the conditions,
checked on the shapes and the store, and :class:`_Cutter` for the cut); the merged report is the
one validating the whole graph at once gives, which the test suite checks on injected violations.
The chunks are read from the copies of the graphs that ``kg build`` keeps (as ``kg export`` does,
when their hashes and counts are the store's), else from the store.
"""

from __future__ import annotations

import functools
import importlib.util
import itertools
import json
import os
import re
import sys
import tempfile
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from kg.errors import InputError, ValidationError

REPORT_FORMATS = ("text", "turtle", "json", "junit")
ENGINES = ("auto", "rudof", "pyshacl")
FILE_FORMATS = {".ttl": "TURTLE", ".trig": "TRIG", ".nt": "N_TRIPLES", ".nq": "N_QUADS", ".jsonld": "JSON_LD",
                ".json": "JSON_LD", ".rdf": "RDF_XML", ".owl": "RDF_XML", ".n3": "N3"}
SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = f"{RDF}type"
XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
# Triples per chunk. Smaller chunks add more triples from outside (a chunk's neighbourhood) and cost
# a process hop each, larger ones hold more memory per worker:
# `python bench/rudof_validate.py --store DIR --chunks 25000,50000,0` measures it.
CHUNK_TRIPLES = 50_000


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    value: str
    severity: str
    message: str
    shape: str
    component: str = ""  # sh:sourceConstraintComponent, e.g. http://www.w3.org/ns/shacl#MinCountConstraintComponent


@dataclass
class Report:
    conforms: bool
    violations: list[Violation]
    triples: int
    source: str
    engine: str = ""
    report_turtle: str = ""  # the SHACL validation report graph, as Turtle

    @property
    def exit_code(self) -> int:
        return 0 if self.conforms else 1


def shapes_path() -> Any:
    return resources.files("kg") / "shapes" / "kg.ttl"


def shapes_text() -> str:
    return shapes_path().read_text(encoding="utf-8")


def _union_ntriples(quads: Any) -> tuple[bytes, int]:
    """Every triple of every graph once, as N-Triples (SHACL sees the union of the article graphs)."""
    from pyoxigraph import RdfFormat, Triple, serialize

    triples = {Triple(q.subject, q.predicate, q.object) for q in quads}
    data = serialize(triples, format=RdfFormat.N_TRIPLES)
    assert data is not None
    return data, len(triples)


def _file_ntriples(path: Path) -> tuple[bytes, int]:
    from pyoxigraph import RdfFormat, Store

    name = FILE_FORMATS.get(path.suffix.lower())
    if name is None:
        raise InputError(f"{path}: unknown RDF file type; use one of {', '.join(sorted(FILE_FORMATS))}")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        # Through an in-memory store, as the graphs kg builds: literals get their canonical datatype
        # (xsd:nonNegativeInteger "5" is stored as xsd:integer 5), which both engines compare alike.
        mem = Store()
        mem.load(path=str(path), format=getattr(RdfFormat, name))
        return _union_ntriples(iter(mem))
    except (SyntaxError, ValueError, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{path}: cannot parse as {name.lower().replace('_', '-')}: {first}") from exc


def validate(*, store: Any = None, file: str | Path | None = None, engine: str = "auto",
             chunk_triples: int | None = None, jobs: int | None = None) -> Report:
    """Validate ``file`` if given, else the store, against the shapes shipped with kg.

    ``engine``: ``rudof`` (pyrudof, a Rust SHACL validator: about 15x faster than pyshacl on large
    graphs), ``pyshacl`` (the reference implementation), or ``auto`` (rudof when installed).
    Both report the same focus nodes and paths; the test suite checks it on injected violations.

    A store is validated in chunks of about ``chunk_triples`` triples (default :data:`CHUNK_TRIPLES`),
    ``jobs`` at a time in worker processes (default: one per CPU, at most 2; ``1`` runs them in this
    process), with the report of the whole graph at once; ``chunk_triples=0`` validates the whole
    graph at once, as a file is, and so is a store whose shapes or data cannot be cut
    (:func:`_chunk_problem`). The workers are spawned, not forked: a script that calls this with
    ``jobs`` > 1 needs the usual ``if __name__ == "__main__":`` guard of multiprocessing.

    The chunks are read from the graph copies of the last ``kg build`` when their hashes, the store's
    graph names and its number of quads agree with them (:func:`kg.export.cached_union`); a store
    edited since by other tools, with the same count, should be validated with ``chunk_triples=0``.
    """
    if engine not in ENGINES:
        raise ValidationError(f"unknown engine {engine!r}; one of {', '.join(ENGINES)}")
    if engine == "auto":
        engine = "rudof" if importlib.util.find_spec("pyrudof") else "pyshacl"
    size = CHUNK_TRIPLES if chunk_triples is None else chunk_triples
    if file is None and size > 0 and _chunk_problem(store) is None:
        chunked = _validate_chunked(store, engine, size, jobs or min(2, os.cpu_count() or 1))
        if chunked is not None:
            return chunked
    if file is not None:
        data, count = _file_ntriples(Path(file))
        source = str(file)
    else:
        data, count = _union_ntriples(store.quads())
        source = str(store.path)
    checked = _check(engine, data, source)
    return _report(engine, [checked], count, source)


# -- one validation run ------------------------------------------------------------------------------
@dataclass
class _Checked:
    """What one engine run (on the whole graph, or on one chunk) found."""

    violations: list[Violation]
    records: list[tuple[tuple[str, ...], tuple[str, ...]]]  # the report's results: sort key, N-Triples lines


def _check(engine: str, data: bytes, source: str) -> _Checked:
    """Run ``engine`` on N-Triples ``data``."""
    run = _validate_rudof if engine == "rudof" else _validate_pyshacl
    _, violations, turtle = run(data, source)
    return _Checked(violations, _report_records(turtle))


def _report(engine: str, parts: list[_Checked], triples: int, source: str) -> Report:
    violations = sorted({v for part in parts for v in part.violations},
                        key=lambda v: (v.focus, v.path, v.component, v.message, v.value, v.severity, v.shape))
    # pyshacl runs with allow_warnings: only sh:Violation results make a graph fail; rudof fails on any.
    conforms = all(v.severity != "Violation" for v in violations) if engine == "pyshacl" else not violations
    records = sorted({r for part in parts for r in part.records})  # a result found by two chunks is one
    return Report(conforms, violations, triples, source, engine, _report_turtle(conforms, records))


def _validate_pyshacl(data: bytes, source: str) -> tuple[bool, list[Violation], str]:
    import pyshacl
    from rdflib import BNode, Graph
    from rdflib.namespace import SH as RSH

    graph = Graph().parse(data=data.decode("utf-8"), format="nt")
    shapes = Graph().parse(data=shapes_text(), format="turtle")
    try:
        conforms, report_graph, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none",
                                                     advanced=True, allow_warnings=True)
    except Exception as exc:  # pragma: no cover - pyshacl internal failure
        raise ValidationError(f"{source}: validation failed: {exc}") from exc
    out = []
    for r in report_graph.subjects(RSH.resultSeverity, None):
        def one(p: Any, node: Any = r) -> str:
            v = report_graph.value(node, p)
            return "" if v is None else f"_:{v}" if isinstance(v, BNode) else str(v)

        path, message = one(RSH.resultPath), one(RSH.resultMessage)
        out.append(Violation(focus=one(RSH.focusNode), path=path, value=one(RSH.value),
                             severity=one(RSH.resultSeverity).rsplit("#", 1)[-1], message=message,
                             shape=_shape_name(one(RSH.sourceShape), path, message),
                             component=one(RSH.sourceConstraintComponent)))
    return bool(conforms), out, str(report_graph.serialize(format="turtle"))


_RUDOF_MESSAGE = re.compile(r'"((?:[^"\\]|\\.)*)"@en\s*$')


def _validate_rudof(data: bytes, source: str) -> tuple[bool, list[Violation], str]:
    import pyrudof

    with tempfile.TemporaryDirectory(prefix="kg-validate-") as tmp:
        nt = Path(tmp) / "data.nt"
        nt.write_bytes(data)
        r = pyrudof.Rudof(pyrudof.RudofConfig())
        try:
            r.read_data(str(nt), format=pyrudof.RDFFormat.NTriples)
            r.read_shacl(str(shapes_path()), format=pyrudof.ShaclFormat.Turtle)
            rep = r.validate_shacl()
            turtle = r.serialize_shacl_validation_results(format=pyrudof.ResultShaclValidationFormat.Turtle)
        except pyrudof.RudofError as exc:  # pragma: no cover - rudof internal failure
            raise ValidationError(f"{source}: validation failed: {exc}") from exc
    by_path = _messages_by_path()
    out = []
    for v in rep.violations:
        message = str(v.message or "")
        m = _RUDOF_MESSAGE.search(message)
        path = _term(v.path)
        if m:
            message = m.group(1).replace('\\"', '"')
        elif len(by_path.get(path, ())) == 1:  # rudof leaves out sh:message on some components (sh:or)
            message = next(iter(by_path[path]))
        out.append(Violation(focus=_term(v.focus_node), path=path, value=_term(v.value),
                             severity=str(v.severity).rsplit("#", 1)[-1].rsplit(".", 1)[-1],
                             message=message, shape=_shape_name(_term(v.source_shape), path, message),
                             component=_term(v.constraint_component)))
    return bool(rep.conforms), out, str(turtle)


@functools.lru_cache(maxsize=1)
def _shapes_store() -> Any:
    from pyoxigraph import RdfFormat, Store

    st = Store()
    st.load(shapes_text().encode("utf-8"), format=RdfFormat.TURTLE)
    return st


@functools.lru_cache(maxsize=1)
def _messages_by_path() -> dict[str, set[str]]:
    """sh:message of the property shapes, by sh:path, read from the shapes file."""
    out: dict[str, set[str]] = {}
    rows = _shapes_store().query(f"SELECT ?p ?m WHERE {{ ?s <{SH}path> ?p ; <{SH}message> ?m . FILTER(isIRI(?p)) }}")
    for sol in rows:
        out.setdefault(sol["p"].value, set()).add(sol["m"].value)
    return out


@functools.lru_cache(maxsize=1)
def _node_shape_of_property() -> dict[tuple[str, str], str]:
    """(sh:path, sh:message) of each property shape -> the node shape it belongs to."""
    rows = _shapes_store().query(f"SELECT ?n ?p ?m WHERE {{ ?n <{SH}property> ?s . ?s <{SH}path> ?p ; "
                                 f"<{SH}message> ?m . FILTER(isIRI(?n) && isIRI(?p)) }}")
    return {(sol["p"].value, sol["m"].value): sol["n"].value for sol in rows}


def _shape_name(shape: str, path: str, message: str) -> str:
    """The property shapes are blank nodes, whose labels change from run to run: name the node shape
    they belong to instead, so that a report (and a JUnit test case name) is the same every time."""
    if not shape.startswith("_:"):
        return shape
    return _node_shape_of_property().get((path, message), "")


def _term(value: Any) -> str:
    """rudof prints terms in Turtle-ish syntax; keep IRIs bare and literals as their lexical form."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith("<") and text.endswith(">"):
        return text[1:-1]
    m = re.match(r'^"((?:[^"\\]|\\.)*)"', text)
    return m.group(1) if m else text


# -- the SHACL report graph --------------------------------------------------------------------------
def _report_records(turtle: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Each sh:result of a report (with what hangs from it: sh:detail, ...) as N-Triples lines whose
    blank nodes are labelled from the result's content.

    The engines' own labels depend on the order they found the results in; these do not, so the
    report of a chunked validation is the same graph, written the same way, as the one-shot report."""
    from pyoxigraph import BlankNode, RdfFormat, parse

    by_subject: dict[Any, list[Any]] = {}
    results = []
    for t in parse(turtle.encode("utf-8"), format=RdfFormat.TURTLE):
        by_subject.setdefault(t.subject, []).append(t)
        if t.predicate.value == f"{SH}result":
            results.append(t.object)
    out = []
    for r in results:
        props = {t.predicate.value: t.object for t in by_subject.get(r, ())}
        labels: dict[Any, str] = {r: "_:b0"}
        lines: list[str] = []
        todo = [r]
        while todo:
            node = todo.pop(0)
            for t in sorted(by_subject.get(node, ()), key=lambda t: (str(t.predicate), "" if isinstance(
                    t.object, BlankNode) else str(t.object), _shape_key(t.object, by_subject))):
                obj = t.object
                if isinstance(obj, BlankNode):
                    if obj not in labels:
                        labels[obj] = f"_:b{len(labels)}"
                        if t.predicate.value != f"{SH}sourceShape":  # pyshacl copies (parts of) the shape
                            todo.append(obj)
                    text = labels[obj]
                else:
                    text = str(obj)
                lines.append(f"{labels[node]} {t.predicate} {text} .")
        key = tuple(str(props.get(f"{SH}{p}", "")) for p in
                    ("focusNode", "resultPath", "sourceConstraintComponent", "value", "resultSeverity"))
        out.append((key, tuple(lines)))
    return out


def _shape_key(node: Any, by_subject: dict[Any, list[Any]]) -> str:
    """Orders blank objects of one predicate (sh:detail results) by what they say, not by their labels."""
    return " ".join(sorted(f"{t.predicate} {t.object}" for t in by_subject.get(node, ())
                           if t.object.__class__.__name__ != "BlankNode"))


def _report_turtle(conforms: bool, records: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> str:
    from pyoxigraph import RdfFormat, parse, serialize

    lines = [f"_:report <{RDF_TYPE}> <{SH}ValidationReport> .",
             f'_:report <{SH}conforms> "{str(conforms).lower()}"^^<{XSD_BOOLEAN}> .']
    for i, (_, body) in enumerate(records):
        lines.append(f"_:report <{SH}result> _:r{i}b0 .")
        lines.extend(re.sub(r"(?<![\w\"])_:b(\d+)", rf"_:r{i}b\1", ln) for ln in body)
    triples = parse("\n".join(lines).encode("utf-8") + b"\n", format=RdfFormat.N_TRIPLES)
    text = serialize(triples, format=RdfFormat.TURTLE, prefixes={"sh": SH})
    return text.decode("utf-8") if text else ""


# -- chunks ------------------------------------------------------------------------------------------
# SHACL parameters whose checks read only the focus node's own triples (its values along predicate
# paths, its types) and, for sh:class on a value, that value's rdf:type triples. Shapes made of these
# can be checked on any part of the graph that holds all the triples of their focus nodes and the
# types of those nodes' values. Targets must be found from the focus node's own triples too.
_LOCAL_PARAMETERS = {f"{SH}{name}" for name in (
    "targetClass targetSubjectsOf property path name description message severity deactivated order group "
    "defaultValue minCount maxCount datatype nodeKind minLength maxLength pattern flags languageIn uniqueLang "
    "class in hasValue or xone and not equals disjoint lessThan lessThanOrEquals minInclusive maxInclusive "
    "minExclusive maxExclusive closed ignoredProperties").split()}


@functools.lru_cache(maxsize=1)
def _shapes_chunk_problem() -> str | None:
    """Why the shapes cannot be checked chunk by chunk, or None when they can."""
    st = _shapes_store()
    rows = st.query(f'SELECT DISTINCT ?p WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?p), "{SH}")) }}')
    used = {sol["p"].value for sol in rows}
    if used - _LOCAL_PARAMETERS:
        return f"the shapes use {', '.join(sorted(used - _LOCAL_PARAMETERS))}"
    if st.query(f"ASK {{ ?s <{SH}path> ?p FILTER(!isIRI(?p)) }}"):
        return "a property shape has a path other than a predicate"
    # A shape inside sh:or/sh:xone/sh:and/sh:not may be checked on a value node: it must not read
    # that node's triples (sh:path, sh:property), only its type or the value itself.
    lists = f"(<{SH}or>|<{SH}xone>|<{SH}and>)/<{RDF}rest>*/<{RDF}first>|<{SH}not>"
    if st.query(f"ASK {{ ?x {lists} ?m . ?m <{SH}path>|<{SH}property>|<{SH}closed> ?y }}"):
        return "a shape inside sh:or, sh:xone, sh:and or sh:not reads a value's triples"
    return None


def _chunk_problem(store: Any) -> str | None:
    """Why this store cannot be validated chunk by chunk (the whole graph is then checked at once)."""
    from pyoxigraph import DefaultGraph

    problem = _shapes_chunk_problem()
    if problem:
        return problem
    first = next(iter(store.quads()), None)  # Oxigraph lists the default graph's quads first
    if first is not None and isinstance(first.graph_name, DefaultGraph):
        return "the default graph holds triples (kg writes named graphs only)"
    if store.query("ASK { ?c <http://www.w3.org/2000/01/rdf-schema#subClassOf> ?d }"):
        return "the data holds rdfs:subClassOf triples, which sh:class and sh:targetClass follow"
    return None


_VALUEWISE = {f"{SH}{name}" for name in (
    "path name description message severity deactivated order group defaultValue class datatype nodeKind in "
    "pattern flags minLength maxLength minInclusive maxInclusive minExclusive maxExclusive languageIn "
    "or xone and not").split()}


@functools.lru_cache(maxsize=1)
def _whole_predicates() -> tuple[str, ...]:
    """Predicates whose triples a chunk holds in full for every node in it: rdf:type (targets and
    sh:class), the predicates of sh:targetSubjectsOf, those compared by sh:disjoint and its kind, and
    those under a constraint on all values at once (sh:minCount, sh:maxCount, sh:hasValue, ...).

    The triples of any other predicate are checked one value at a time (sh:class, sh:datatype, ...):
    a chunk may hold some of a node's values for them, and reports exactly those values' results."""
    st = _shapes_store()
    whole = {RDF_TYPE}
    for q in (f"SELECT ?p WHERE {{ ?s <{SH}targetSubjectsOf> ?p }}",
              f"SELECT ?p WHERE {{ ?s <{SH}disjoint>|<{SH}equals>|<{SH}lessThan>|<{SH}lessThanOrEquals> ?p }}",
              f'SELECT ?p WHERE {{ ?s <{SH}path> ?p ; ?param ?x . FILTER(STRSTARTS(STR(?param), "{SH}")) '
              f'FILTER(?param NOT IN ({", ".join(f"<{v}>" for v in sorted(_VALUEWISE))})) }}'):
        whole.update(sol["p"].value for sol in st.query(q))
    return tuple(sorted(whole))


class _Uncuttable(Exception):
    """The graph holds a blank node, whose label a chunk's report would not keep: validate it all at once."""


def _union_lines(store: Any) -> list[str]:
    """The union graph's triples, each once, as sorted N-Triples lines (``s p o .``): from the copies of
    the graphs that ``kg build`` keeps, when :func:`kg.export.cached_union` trusts them (their hashes,
    graph names and number of quads are the store's: about 2 s at 1M triples), else from the store
    (about 20 s)."""
    from kg.export import cached_union

    lines = cached_union(store)
    if lines is None:
        return sorted({f"{q.subject} {q.predicate} {q.object} ." for q in store.quads()})
    return [line for line, _ in itertools.groupby(lines)]


class _Cutter:
    """Cuts the union graph's lines into chunks that each report exactly the results of the whole graph
    about what they hold.

    Every triple is in one chunk, its *own* part: a triple of a whole predicate (:func:`_whole_predicates`)
    or with a literal object goes with its subject, a triple of another predicate (checked one value
    at a time) with its object when that is a subject too (an entity's ``kg:mention`` of a span goes
    with the span). Then each chunk adds, from the whole graph, every triple of a whole predicate about
    every node it names (subjects and objects, not classes), again for the nodes those name, until
    none is new. So a node is a target in a chunk exactly when it is one in the whole graph, its counts,
    comparisons and types are those of the whole graph, and each value the chunk holds is checked as
    the whole graph checks it: the report is the union of the chunks' reports.

    Which subjects go together only decides how much each chunk adds: nodes are taken in the order
    of the article they are ``kg:inArticle`` (a span, a statement, an event, its evidence next to
    their article), so a chunk names few nodes outside itself."""

    def __init__(self, lines: list[str]) -> None:
        from kg.namespace import KG

        rdf_type, in_article = f"<{RDF_TYPE}>", f"<{KG.inArticle}>"
        whole = {f"<{p}>" for p in _whole_predicates()}
        self.lines = lines
        self.subjects: list[str] = []  # per line
        self.refs: list[str] = []  # per line: the node its object is, or "" (a literal, a class)
        self.whole: dict[str, list[int]] = {}  # node -> its lines of whole predicates
        self.own: dict[str, list[int]] = {}  # node -> the lines that go with it
        self.article: dict[str, str] = {}
        intern = sys.intern
        by_value: list[int] = []
        for i, line in enumerate(lines):
            s, p, rest = line.split(" ", 2)
            if s[0] == "_" or rest[0] == "_":
                raise _Uncuttable
            s = intern(s)
            ref = intern(rest[:-2]) if rest[0] == "<" and p != rdf_type else ""
            self.subjects.append(s)
            self.refs.append(ref)
            if p in whole:
                self.whole.setdefault(s, []).append(i)
                self.own.setdefault(s, []).append(i)
                if p == in_article:
                    self.article.setdefault(s, ref)
            elif ref:
                by_value.append(i)
            else:
                self.own.setdefault(s, []).append(i)
        subjects = set(self.subjects)
        for i in by_value:
            ref = self.refs[i]
            self.own.setdefault(ref if ref in subjects else self.subjects[i], []).append(i)

    def plan(self, size: int) -> list[list[str]]:
        """The nodes of chunks of about ``size`` own triples (a node's own triples are never split)."""
        article = self.article
        plans: list[list[str]] = [[]]
        count, group = 0, None
        for node in sorted(self.own, key=lambda n: (article.get(n, n), n)):
            key = article.get(node, node)
            if count >= size and (key != group or count >= 2 * size):
                plans.append([])
                count = 0
            plans[-1].append(node)
            count += len(self.own[node])
            group = key
        return [p for p in plans if p]

    def data(self, nodes: list[str]) -> bytes:
        """N-Triples of the chunk of ``nodes``: their own triples and what the shapes read around them."""
        subjects, refs, whole = self.subjects, self.refs, self.whole
        own = sorted(i for n in nodes for i in self.own[n])
        seen = set(nodes)  # their triples of whole predicates are among their own
        todo = ({subjects[i] for i in own} | {refs[i] for i in own}) - seen
        todo.discard("")
        extra: list[int] = []
        while todo:
            seen |= todo
            found = [i for n in todo for i in whole.get(n, ())]
            extra += found
            todo = {refs[i] for i in found} - seen
            todo.discard("")
        lines = self.lines
        return ("\n".join([lines[i] for i in own] + [lines[i] for i in sorted(extra)]) + "\n").encode("utf-8")


def _validate_chunked(store: Any, engine: str, chunk: int, jobs: int) -> Report | None:
    """Validate the store in chunks (see :class:`_Cutter`), ``jobs`` at a time in worker processes;
    None when it cannot be cut (then: all at once)."""
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    lines = _union_lines(store)
    try:
        cutter = _Cutter(lines)
    except _Uncuttable:
        return None
    source = str(store.path)
    plans = cutter.plan(chunk)
    if jobs <= 1 or len(plans) <= 1:
        parts = [_check_chunk(engine, cutter.data(nodes), source) for nodes in plans]
        return _report(engine, parts, len(lines), source)
    import multiprocessing

    # Not fork: the Rust libraries' threads (Oxigraph's RocksDB, rudof) may hold locks that a forked
    # child would wait on for ever. At most two chunks per worker wait in memory.
    parts = []
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: set[Future[_Checked]] = set()
        try:
            for nodes in plans:
                if len(pending) >= 2 * jobs:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    parts += [f.result() for f in done]
                pending.add(pool.submit(_check_chunk, engine, cutter.data(nodes), source))
            parts += [f.result() for f in pending]
        except BaseException:
            pool.shutdown(cancel_futures=True)
            raise
    return _report(engine, parts, len(lines), source)


def _check_chunk(engine: str, data: bytes, source: str) -> _Checked:
    """One chunk (N-Triples), in a worker process."""
    return _check(engine, data, source)


def render(report: Report, fmt: str) -> str:
    if fmt == "text":
        return render_text(report)
    if fmt == "json":
        return json.dumps({"conforms": report.conforms, "source": report.source, "triples": report.triples,
                           "engine": report.engine,
                           "violations": [asdict(v) for v in report.violations]}, indent=2) + "\n"
    if fmt == "turtle":
        return report.report_turtle
    if fmt == "junit":
        return render_junit(report)
    raise ValidationError(f"unknown report format {fmt!r}; one of {', '.join(REPORT_FORMATS)}")


def _short(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            tail = iri.rsplit(sep, 1)[-1]
            if tail:
                return tail
    return iri


def render_text(report: Report) -> str:
    if report.conforms:
        return f"{report.source}: conforms ({report.triples} triples checked)\n"
    lines = [f"{report.source}: {len(report.violations)} violation(s) in {report.triples} triples"]
    for v in report.violations:
        where = f"{v.focus}" + (f" {_short(v.path)}" if v.path else "")
        lines.append(f"  {v.severity}: {where}: {v.message}" + (f" (value: {v.value})" if v.value else ""))
    return "\n".join(lines) + "\n"


def render_junit(report: Report) -> str:
    """JUnit XML: one test case per violated shape/focus pair, or one passing case."""
    name = quoteattr(f"kg validate {report.source}")
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<testsuites><testsuite name={name} tests="{max(1, len(report.violations))}" '
           f'failures="{len(report.violations)}">']
    if report.conforms:
        out.append(f'<testcase classname="kg.shacl" name={quoteattr("graph conforms")}/>')
    for v in report.violations:
        case = quoteattr(f"{_short(v.shape) or 'shape'} {v.focus} {_short(v.path)}")
        out.append(f'<testcase classname="kg.shacl" name={case}>'
                   f'<failure message={quoteattr(v.message)} type={quoteattr(v.severity)}>'
                   f"{_xml_text(v.focus)} {_xml_text(v.path)} {_xml_text(v.value)}</failure></testcase>")
    out.append("</testsuite></testsuites>")
    return "\n".join(out) + "\n"


def _xml_text(s: str) -> str:
    from xml.sax.saxutils import escape

    return escape(s)
