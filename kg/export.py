"""`kg export`: the store in a standard RDF format, byte-identical for the same graph.

Turtle and N-Triples carry no named graphs: they get the union of all graphs, each triple once.
TriG, N-Quads and JSON-LD keep each article's named graph.

Turtle and N-Triples are read, when they can be, from the copies of the graphs that ``kg build``
keeps next to the store (``graphs/ID.nt`` and the resolution graph's nodes in ``resolution.sqlite``, see
:class:`kg.store.GraphStore`):
the triples' text, each once, sorted, so two builds of the same input (one full, one incremental)
export the same bytes, in an order that owes nothing to Oxigraph. That is several times faster
than reading a million triples out of the store, and holds the union's lines in memory (about
330 MB at the peak for a million triples). The copies are used only when each one's hash is the
one the manifest names and, together, they hold the store's named graphs and number of quads (a
build stopped before saving its manifest may have left copies the store does not match); else,
and for the other formats, the quads come from the store in the order of Oxigraph's indexes (a
function of the terms alone), again the same bytes for the same graph. (The copies hold the
mapping's text of each term, which is the store's: kg writes no literal that Oxigraph would
rewrite, such as "+12"^^xsd:integer.)

From the store, Turtle and N-Triples are written here rather than by pyoxigraph's serializer, for
speed: reading a term back from Oxigraph's string table costs microseconds, and a CONSTRUCT reads
the subject, the predicate and the object of every triple. The query below reads the predicate as
a small integer instead (an ``IF(sameTerm(...))`` chain over kg's vocabulary, which Oxigraph
evaluates on its internal ids without reading any string), and the writers stream the triples in
the store's order straight to the output, so a million triples never sit in memory as Python
objects. The layout is
pyoxigraph's own (subject blocks, ``;`` and ``,`` lists, ``a``, bare integers and booleans): the
bytes after the ``@prefix`` lines are those pyoxigraph's Turtle writer gave.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable
from itertools import groupby
from pathlib import Path
from typing import IO, Any

from kg.errors import InputError
from kg.namespace import KG, NIF, ORG, PREFIXES, RDF, RDFS, SKOS, XSD, ClosedNamespace

FORMATS = {"turtle": "TURTLE", "ntriples": "N_TRIPLES", "trig": "TRIG", "nquads": "N_QUADS", "jsonld": "JSON_LD"}
WITH_GRAPHS = {"trig", "nquads", "jsonld"}
SUFFIX = {"turtle": ".ttl", "ntriples": ".nt", "trig": ".trig", "nquads": ".nq", "jsonld": ".jsonld"}

# The predicates kg writes most, first: the IF chain stops at the first match.
FREQUENT = [RDF.type, KG.inArticle, NIF.anchorOf, NIF.beginIndex, NIF.endIndex, KG.mention]
VOCABULARY: list[ClosedNamespace] = [KG, RDF, RDFS, XSD, SKOS, NIF, ORG]
CHUNK = 1 << 16  # pieces of text joined and written at once
_XSD = XSD.prefix
_INTEGER = f'"^^<{_XSD}integer>'
_BOOLEANS = {f'"true"^^<{_XSD}boolean>': "true", f'"false"^^<{_XSD}boolean>': "false"}


class _WriteError(Exception):
    """An OSError of the output file, as opposed to one of the store."""


def export(store: Any, fmt: str = "turtle", output: str | os.PathLike[str] | None = None) -> bytes | None:
    """Serialise the store; write to ``output`` atomically if given, else return the bytes."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if output is None:
        buffer = io.BytesIO()
        _serialise(store, fmt, buffer.write)
        return buffer.getvalue()
    path = Path(output)
    tmp = path.with_name(path.name + ".tmp")
    try:
        try:
            out = tmp.open("wb")
        except OSError as exc:
            raise _WriteError(exc) from exc
        try:
            _serialise(store, fmt, _checked(out))
        finally:
            try:
                out.close()
            except OSError as exc:
                raise _WriteError(exc) from exc
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise _WriteError(exc) from exc
    except _WriteError as wrapped:
        tmp.unlink(missing_ok=True)
        error: OSError = wrapped.args[0]
        raise InputError(f"{path}: cannot write: {error.strerror or error}") from error
    except BaseException:  # a failing store or an interrupt: leave nothing half written
        tmp.unlink(missing_ok=True)
        raise
    return None


def _checked(out: IO[bytes]) -> Callable[[bytes], object]:
    def write(data: bytes) -> object:
        try:
            return out.write(data)
        except OSError as exc:
            raise _WriteError(exc) from exc

    return write


def _serialise(store: Any, fmt: str, write: Callable[[bytes], object]) -> None:
    if fmt in ("turtle", "ntriples"):
        lines = cached_union(store)
        if lines is None:
            triples: Iterable[Any] = _union_triples(store)
        elif fmt == "ntriples":
            _write_lines(lines, write)
            return
        else:
            triples = (line[:-2].split(" ", 2) for line in lines)  # the line without its " ."
        (write_turtle if fmt == "turtle" else write_ntriples)(triples, write)
        return
    from pyoxigraph import RdfFormat, serialize

    rdf_format = getattr(RdfFormat, FORMATS[fmt])
    # Oxigraph yields quads in the order of its indexes, which depends on the terms only, never on
    # the order they were written in: the same graph gives the same bytes without sorting in Python.
    if fmt == "trig":
        data = serialize(store.quads(), format=rdf_format, prefixes=PREFIXES)
    else:
        data = serialize(store.quads(), format=rdf_format)
    assert data is not None  # serialize() returns bytes when given no output
    write(data)


# -- the build's copies ---------------------------------------------------------------------------------
def cached_union(store: Any) -> list[str] | None:
    """The union's triples as N-Triples lines, sorted (a triple held by several graphs comes once per
    graph: the writers skip a line equal to the one before it), read from the copies of the graphs
    the build kept; None when a copy is missing, is not the one the manifest names, or the copies do
    not hold the store's graphs and number of quads.

    Each graph's lines are sorted on their own, then all of them at once: Python's sort merges the
    sorted runs, several times faster than sorting a million scattered strings."""
    from kg.build import RESOLUTION
    from kg.iris import Iris
    from kg.store import GraphStore

    if not isinstance(store, GraphStore):
        return None
    manifest = store.manifest()
    base, resolution = manifest.get("base"), manifest.get(RESOLUTION)
    if not isinstance(base, str) or not isinstance(resolution, str):
        return None
    iris = Iris(base)
    union: list[str] = []
    graphs: set[str] = set()
    quads = 0

    def add(graph: str, triples: set[str]) -> None:
        nonlocal quads
        if triples:
            graphs.add(graph)
        quads += len(triples)
        union.extend(sorted(triples))

    for aid, entry in sorted(manifest.get("articles", {}).items()):
        sha256 = entry.get("copy")
        text = store.article_copy(aid, sha256) if isinstance(sha256, str) else None
        if text is None:
            return None
        triples = set(text.split("\n"))  # not splitlines(): a literal may hold a raw U+2028
        triples.discard("")
        add(iris.graph(aid), triples)
    copy = store.graph_copy(resolution)
    if copy is None:
        return None
    cut = len(iris.resolution_graph) + 3  # " <graph>"
    add(iris.resolution_graph, {line[:-cut] + " ." for _, lines in copy[1].values() for line in lines})
    if quads != len(store) or graphs != set(store.graph_names()):
        return None
    union.sort()
    return union


def _write_lines(lines: list[str], write: Callable[[bytes], object]) -> None:
    distinct = [line for line, _ in groupby(lines)]
    for i in range(0, len(distinct), CHUNK):
        write("\n".join(distinct[i:i + CHUNK]).encode() + b"\n")


# -- Turtle -------------------------------------------------------------------------------------------
def vocabulary() -> list[str]:
    """kg's terms, the most frequent predicates first: the order of the predicate codes."""
    terms = [term for namespace in VOCABULARY for term in namespace.terms()]
    return FREQUENT + [term for term in terms if term not in FREQUENT]


def _union_triples(store: Any) -> Iterable[Any]:
    """(subject, predicate, object) of the union graph, each once; the predicate is the position
    of a known term in ``vocabulary()`` (an integer Literal) or the term itself."""
    code = "?p"
    for i, term in reversed(list(enumerate(vocabulary()))):
        code = f"IF(sameTerm(?p, <{term}>), {i}, {code})"
    return store.query(
        f"SELECT ?s ?code ?o WHERE {{ {{ SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o }} }} BIND({code} AS ?code) }}"
    )


def prefixed(iri: str) -> str:
    """``prefix:local`` when a prefix of ``PREFIXES`` applies and the local name needs no escaping."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            local = iri[len(namespace):]
            if local[:1].isascii() and local[:1].isalpha() and local.replace("_", "a").replace("-", "a").isalnum() \
                    and local.isascii():
                return f"{prefix}:{local}"
    return f"<{iri}>"


def _literal(text: str) -> str:
    """A literal in N-Triples syntax (as ``str()`` of a pyoxigraph term) in Turtle's short forms."""
    if text.endswith(_INTEGER):
        lexical = text[1:-len(_INTEGER)]
        digits = lexical[1:] if lexical[:1] in ("+", "-") else lexical
        if digits.isascii() and digits.isdigit():
            return lexical
        return text
    short = _BOOLEANS.get(text)
    if short is not None:
        return short
    end = text.rfind('"^^<')  # the lexical form escapes its quotes, so the last one closes it
    if end > 0 and text.startswith(_XSD, end + 4):
        local = text[end + 4 + len(_XSD):-1]
        if local.isascii() and local.isalnum():
            return f"{text[:end + 1]}^^xsd:{local}"
    return text


def write_turtle(triples: Iterable[Any], write: Callable[[bytes], object]) -> None:
    """Write Turtle for ``triples`` (subject, predicate code or term, object: pyoxigraph terms, or
    their N-Triples text), grouped by subject and predicate as they come; a triple equal to the one
    before it is written once."""
    from pyoxigraph import Literal

    terms = vocabulary()
    predicate_text: dict[Any, str] = {Literal(i): "a" if term == RDF.type else prefixed(term)
                                      for i, term in enumerate(terms)}
    iri_text = {f"<{term}>": prefixed(term) for term in terms}
    predicate_text.update((f"<{term}>", predicate_text[Literal(i)]) for i, term in enumerate(terms))
    write("".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in PREFIXES.items()).encode())

    parts: list[str] = []
    add = parts.append
    known_predicate = predicate_text.get
    known_iri = iri_text.get
    subject = predicate = obj = None
    for s, p, o in triples:
        if s == subject:
            if p == predicate:
                if o == obj:
                    continue
                add(" , ")
            else:
                add(" ;\n\t")
                add(known_predicate(p) or _predicate(p))
                add(" ")
                predicate = p
        else:
            if subject is not None:
                add(" .\n")
                if len(parts) > CHUNK:
                    write("".join(parts).encode())
                    parts.clear()
            add(str(s))
            add(" ")
            add(known_predicate(p) or _predicate(p))
            add(" ")
            subject, predicate = s, p
        obj = o
        text = str(o)
        first = text[0]
        if first == "<":
            add(known_iri(text, text))
        elif first == '"' and text[-1] == ">":
            add(_literal(text))
        else:
            add(text)
    if subject is not None:
        add(" .\n")
    write("".join(parts).encode())


def _predicate(p: Any) -> str:
    return prefixed(p[1:-1] if isinstance(p, str) else p.value)


def write_ntriples(triples: Iterable[Any], write: Callable[[bytes], object]) -> None:
    """Write N-Triples for ``triples`` (subject, predicate code or term, object), as they come."""
    from pyoxigraph import Literal

    predicate_text = {Literal(i): f" <{term}> " for i, term in enumerate(vocabulary())}
    known_predicate = predicate_text.get
    lines: list[str] = []
    add = lines.append
    for s, p, o in triples:
        add(f"{s}{known_predicate(p) or f' {p} '}{o} .\n")
        if len(lines) > CHUNK:
            write("".join(lines).encode())
            lines.clear()
    write("".join(lines).encode())
