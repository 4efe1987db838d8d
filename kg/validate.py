"""`kg validate`: SHACL validation of the store or of an RDF file, with reports for people and CI.

Exit codes (the CLI's interface): 0 the graph conforms, 1 it has violations, 2 usage or runtime error.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from kg.errors import InputError, ValidationError

REPORT_FORMATS = ("text", "turtle", "json", "junit")
FILE_FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld",
                ".json": "json-ld", ".rdf": "xml", ".owl": "xml", ".n3": "n3"}


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    value: str
    severity: str
    message: str
    shape: str


@dataclass
class Report:
    conforms: bool
    violations: list[Violation]
    triples: int
    source: str
    report_graph: Any = None  # rdflib Graph of the SHACL validation report

    @property
    def exit_code(self) -> int:
        return 0 if self.conforms else 1


def shapes_text() -> str:
    return (resources.files("kg") / "shapes" / "kg.ttl").read_text(encoding="utf-8")


def _store_graph(store: Any) -> Any:
    """The union of every graph of a :class:`kg.store.GraphStore`, as an rdflib Graph."""
    from pyoxigraph import RdfFormat
    from rdflib import Graph

    triples = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    g = Graph()
    g.parse(data=triples.serialize(format=RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    return g


def _file_graph(path: Path) -> Any:
    from rdflib import Dataset, Graph

    fmt = FILE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown RDF file type; use one of {', '.join(sorted(FILE_FORMATS))}")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        if fmt in ("trig", "nquads", "json-ld"):
            ds = Dataset()
            ds.parse(path, format=fmt)
            g = Graph()
            for s, p, o, _ in ds.quads((None, None, None, None)):
                g.add((s, p, o))
            return g
        g = Graph()
        g.parse(path, format=fmt)
        return g
    except Exception as exc:  # rdflib raises many unrelated types for bad syntax
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{path}: cannot parse as {fmt}: {first}") from exc


def validate(*, store: Any = None, file: str | Path | None = None) -> Report:
    """Validate ``file`` if given, else the store, against the shapes shipped with kg."""
    import pyshacl
    from rdflib import Graph
    from rdflib.namespace import SH

    if file is not None:
        data = _file_graph(Path(file))
        source = str(file)
    else:
        data = _store_graph(store)
        source = str(store.path)
    shapes = Graph().parse(data=shapes_text(), format="turtle")
    try:
        conforms, report_graph, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none",
                                                     advanced=True, allow_warnings=True)
    except Exception as exc:  # pragma: no cover - pyshacl internal failure
        raise ValidationError(f"{source}: validation failed: {exc}") from exc
    violations = []
    for r in report_graph.subjects(SH.resultSeverity, None):
        def one(p: Any, node: Any = r) -> str:
            v = report_graph.value(node, p)
            return "" if v is None else str(v)
        violations.append(Violation(
            focus=one(SH.focusNode), path=one(SH.resultPath), value=one(SH.value),
            severity=one(SH.resultSeverity).rsplit("#", 1)[-1], message=one(SH.resultMessage),
            shape=one(SH.sourceShape)))
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return Report(bool(conforms), violations, len(data), source, report_graph)


def render(report: Report, fmt: str) -> str:
    if fmt == "text":
        return render_text(report)
    if fmt == "json":
        return json.dumps({"conforms": report.conforms, "source": report.source, "triples": report.triples,
                           "violations": [asdict(v) for v in report.violations]}, indent=2) + "\n"
    if fmt == "turtle":
        return str(report.report_graph.serialize(format="turtle"))
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
