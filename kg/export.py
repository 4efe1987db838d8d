"""`kg export`: the store in a standard RDF format, byte-identical for the same graph.

Quads come in the order of Oxigraph's indexes (a function of the terms alone), so two builds of
the same input export the same bytes.
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
    from pyoxigraph import RdfFormat, serialize

    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    rdf_format = getattr(RdfFormat, FORMATS[fmt])
    prefixes = PREFIXES if fmt in ("turtle", "trig") else None
    # Oxigraph yields quads in the order of its indexes, which depends on the terms only, never on
    # the order they were written in: the same graph gives the same bytes without sorting in Python
    # (sorting a million quads by their text took longer than the serialisation itself).
    if fmt in WITH_GRAPHS:
        items: Any = store.quads()
    else:  # Turtle and N-Triples have no named graphs: the union, each triple once
        items = store.query("CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
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
