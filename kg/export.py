"""`kg export`: the store in a standard RDF format, byte-identical for the same graph.

Quads are sorted before serialisation, so two builds of the same input export the same bytes.
Turtle and N-Triples carry no named graphs: they get the union of all graphs. TriG, N-Quads and
JSON-LD keep each article's named graph.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.namespace import PREFIXES

FORMATS = {"turtle": "TURTLE", "ntriples": "N_TRIPLES", "trig": "TRIG", "nquads": "N_QUADS", "jsonld": "JSON_LD"}
WITH_GRAPHS = {"trig", "nquads", "jsonld"}
SUFFIX = {"turtle": ".ttl", "ntriples": ".nt", "trig": ".trig", "nquads": ".nq", "jsonld": ".jsonld"}


def export(store: Any, fmt: str = "turtle", output: str | os.PathLike[str] | None = None) -> bytes | None:
    """Serialise the store; write to ``output`` atomically if given, else return the bytes."""
    from pyoxigraph import RdfFormat, Triple, serialize

    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    quads = list(store.quads())
    if fmt in WITH_GRAPHS:
        items: list[Any] = sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate),
                                                         str(q.object)))
    else:
        triples = {Triple(q.subject, q.predicate, q.object) for q in quads}
        items = sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    rdf_format = getattr(RdfFormat, FORMATS[fmt])
    prefixes = PREFIXES if fmt in ("turtle", "trig") else None
    data = serialize(items, format=rdf_format, prefixes=prefixes) if prefixes else serialize(items, format=rdf_format)
    assert data is not None  # serialize() returns bytes when given no output
    if output is None:
        return data
    path = Path(output)
    tmp = path.with_name(path.name + ".tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    return None
