"""pyrudof's SHACL validation of an RDF file against kg/shapes/kg.ttl, in its own process.

Usage: python bench/rudof_validate.py DATA.nt [--results]. Prints JSON: timings, conformance, the
number of results, and with --results every result as (focus, path, component, shape, severity).

   or: python bench/rudof_validate.py --store DIR --chunks 25000,50000,0 [--jobs 2] [--repeat 3]
validates a kg store with `kg.validate.validate` at each chunk size (0: the whole graph at once),
the sizes interleaved over the repeats, and prints JSON lines: chunk size, seconds, triples, conformance,
and the number of chunks with the triples they hold in all (a chunk adds what its shapes read around it).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

SHAPES = Path(__file__).resolve().parent.parent / "kg" / "shapes" / "kg.ttl"


def chunks() -> None:
    import kg.validate as V
    from kg.store import GraphStore

    args = sys.argv
    store = GraphStore(args[args.index("--store") + 1], read_only=True)
    sizes = [int(x) for x in args[args.index("--chunks") + 1].split(",")]
    jobs = int(args[args.index("--jobs") + 1]) if "--jobs" in args else 2
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 1
    held: list[int] = []
    data = V._Cutter.data

    def counted(self: V._Cutter, nodes: list[str]) -> bytes:
        out = data(self, nodes)
        held.append(out.count(b"\n"))
        return out

    V._Cutter.data = counted  # type: ignore[method-assign]
    for r in range(repeat):
        for size in sizes:
            held.clear()
            t0 = time.perf_counter()
            report = V.validate(store=store, chunk_triples=size, jobs=jobs)
            seconds = time.perf_counter() - t0
            print(json.dumps({"chunk": size, "jobs": jobs, "run": r, "seconds": round(seconds, 2),
                              "triples": report.triples, "conforms": report.conforms,
                              "chunks": len(held), "held": sum(held)}), flush=True)


def main() -> None:
    import pyrudof

    if "--chunks" in sys.argv:
        chunks()
        return

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
