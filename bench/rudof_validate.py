"""pyrudof's SHACL validation of an RDF file against kg/shapes/kg.ttl, in its own process.

Usage: python bench/rudof_validate.py DATA.nt [--results]. Prints JSON: timings, conformance, the
number of results, and with --results every result as (focus, path, component, shape, severity).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

SHAPES = Path(__file__).resolve().parent.parent / "kg" / "shapes" / "kg.ttl"


def main() -> None:
    import pyrudof

    data = sys.argv[1]
    fmt = pyrudof.RDFFormat.Turtle if data.endswith(".ttl") else pyrudof.RDFFormat.NTriples
    r = pyrudof.Rudof(pyrudof.RudofConfig())
    t0 = time.perf_counter()
    r.read_data(data, format=fmt)
    t1 = time.perf_counter()
    r.read_shacl(str(SHAPES))
    t2 = time.perf_counter()
    report = r.validate_shacl()
    t3 = time.perf_counter()
    entries = list(report)
    out = {"version": pyrudof.__version__, "load_s": t1 - t0, "shapes_s": t2 - t1, "validate_s": t3 - t2,
           "conforms": bool(report.conforms), "results": len(entries)}
    if "--results" in sys.argv:
        out["entries"] = [[str(e.focus_node), str(e.path), str(e.constraint_component), str(e.source_shape),
                           str(e.severity), str(e.message)] for e in entries]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
