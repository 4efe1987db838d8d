"""Where a stored query's time goes: the parts of its WHERE clause added one at a time.

    python bench/query_parts.py STORE NAME [NAME ...]

STORE is a kg store (``.kg``, or the benchmark's ``graphs/g1000000-*/store``). For each query, the
WHERE clause's first k top-level parts are timed as ``SELECT (COUNT(*) AS ?n)``, for k = 1, 2, ...: each
line is what adding that part costs, the engine's work alone (no rows handed to Python). Then the whole
query is timed with its rows counted (its projection, DISTINCT, ORDER BY and the rows' hand-over), then
with every value of every row read (what ``kg query`` pays to print them). Medians of three runs, on a
store opened read-only. The stored queries are formatted with one top-level part per line at two
spaces of indentation; that is how they are split here.

Last, the engine's floor for that answer: the query's rows are written to a temporary store, one
triple per bound cell (and one for the row's position), and read back in order by a query of the
fastest form above (one sub-select per column, joined by hash). No layout of the graph can answer
with less than that: it is the cost of handing over the rows themselves. (A layout could pack a row
into one literal; that is no longer a graph other tools can read.)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def parts(text: str) -> tuple[str, str, list[str], str]:
    """(prologue, SELECT line, top-level parts of WHERE, what follows the WHERE's closing brace)."""
    lines = text.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.rstrip().endswith("WHERE {") and not ln.startswith(" "))
    end = max(i for i, ln in enumerate(lines) if ln.startswith("}"))
    prologue = "\n".join(ln for ln in lines[:start] if ln.startswith("PREFIX"))
    out: list[list[str]] = []
    for ln in lines[start + 1:end]:
        if ln.startswith("  ") and not ln.startswith("   ") and ln.strip():
            out.append([ln])
        elif out:
            out[-1].append(ln)
    return prologue, lines[start], ["\n".join(p) for p in out], "\n".join(lines[end + 1:])


def timed(gs: Any, text: str, read_values: bool = False) -> tuple[float, int]:
    times, n = [], 0
    for _ in range(3):
        t0 = time.perf_counter()
        rows = gs.query(text)
        n = sum(1 for row in rows if not read_values or list(row) is not None)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), n


def floor(rows: list[tuple[Any, ...]], columns: list[str]) -> tuple[float, int]:
    """Time reading ``rows`` back, in order, from a store that holds exactly them (see the module doc)."""
    import tempfile

    import pyoxigraph as ox

    col = {c: ox.NamedNode(f"urn:kg-bench:col:{c}") for c in [*columns, "_position"]}
    graph = ox.NamedNode("urn:kg-bench:rows")
    quads = []
    for i, row in enumerate(rows):
        subject = ox.NamedNode(f"urn:kg-bench:row:{i}")
        quads.append(ox.Quad(subject, col["_position"], ox.Literal(i), graph))
        quads.extend(ox.Quad(subject, col[c], v, graph) for c, v in zip(columns, row, strict=True) if v is not None)
    with tempfile.TemporaryDirectory(prefix="kg-floor-") as tmp:
        db = ox.Store(tmp)
        db.bulk_extend(quads)
        db.optimize()
        del db
        reader = ox.Store.read_only(tmp)

        class Store:  # timed()'s interface, as kg.store.GraphStore.query
            @staticmethod
            def query(text: str) -> Any:
                return reader.query(text, use_default_graph_as_union=True)

        parts_ = "\n".join(f"  OPTIONAL {{ SELECT ?row ?{c} WHERE {{ ?row <{col[c].value}> ?{c} }} }}"
                           for c in columns)
        text = (f"SELECT {' '.join('?' + c for c in columns)} WHERE {{\n"
                f"  {{ SELECT ?row ?i WHERE {{ ?row <{col['_position'].value}> ?i }} }}\n{parts_}\n}} ORDER BY ?i")
        return timed(Store, text, read_values=True)


def profile(store: Any, name: str) -> list[str]:
    """The lines that show where stored query ``name``'s time goes on ``store`` (a read-only GraphStore):
    one per part of its WHERE clause, then the whole query and the floor (see the module doc)."""
    from kg.queries import find_query

    q = find_query(name)
    prologue, _select, body, _tail = parts(q.text)
    out = [f"{name}: {len(body)} parts"]
    before = 0.0
    for k in range(1, len(body) + 1):
        t, n = timed(store, f"{prologue}\nSELECT (COUNT(*) AS ?n) WHERE {{\n" + "\n".join(body[:k]) + "\n}")
        out.append(f"  {t - before:+7.3f} s  {body[k - 1].strip().splitlines()[0][:90]}")
        before = t
    out.append(f"  {before:7.3f} s  the WHERE clause, counted")
    t, n = timed(store, q.text)
    out.append(f"  {t:7.3f} s  the whole query, {n:,} rows counted")
    t, n = timed(store, q.text, read_values=True)
    out.append(f"  {t:7.3f} s  the whole query, every value of its {n:,} rows read")
    results = store.query(q.text)
    columns = [v.value for v in results.variables]
    t, n = floor([tuple(r) for r in results], columns)
    out.append(f"  {t:7.3f} s  the floor: the same {n:,} rows of {len(columns)} columns, read in order from a store "
               "that holds only them")
    return out


def main(argv: list[str]) -> int:
    from kg.store import GraphStore

    if len(argv) < 2:
        print(__doc__)
        return 2
    store = GraphStore(argv[0], read_only=True)
    for name in argv[1:]:
        print("\n".join(profile(store, name)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
