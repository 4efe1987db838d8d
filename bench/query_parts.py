"""Where a stored query's time goes: each top-level part of its WHERE clause timed on its own.

    python bench/query_parts.py STORE NAME [NAME ...]

STORE is a kg store (``.kg``, or the benchmark's ``graphs/g1000000-*/store``). For each query, the first
part (the pattern every row starts from) is timed alone, then with each other part added in turn, as
``SELECT (COUNT(*) AS ?n)``: the engine's work without the cost of handing rows to Python. Then the
whole query is timed with its rows counted, then with every value of every row read (what ``kg query``
pays to print them). Medians of three runs. A part that needs another one (a join key it does not bind
itself) counts a cross product: read those figures as an upper bound. The stored queries are formatted
with one top-level part per line at two spaces of indentation; that is how they are split here.
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


def main(argv: list[str]) -> int:
    from kg.queries import find_query
    from kg.store import GraphStore

    if len(argv) < 2:
        print(__doc__)
        return 2
    store = GraphStore(argv[0], read_only=True)
    for name in argv[1:]:
        q = find_query(name)
        prologue, _select, body, _tail = parts(q.text)
        print(f"{name}: {len(body)} parts")
        first = body[0]
        base, n = timed(store, f"{prologue}\nSELECT (COUNT(*) AS ?n) WHERE {{\n{first}\n}}")
        print(f"  {base:7.3f} s  {first.strip().splitlines()[0][:90]}")
        for p in body[1:]:
            t, _ = timed(store, f"{prologue}\nSELECT (COUNT(*) AS ?n) WHERE {{\n{first}\n{p}\n}}")
            print(f"  {t - base:+7.3f} s  {p.strip().splitlines()[0][:90]}")
        t, n = timed(store, q.text)
        print(f"  {t:7.3f} s  the whole query, {n:,} rows counted")
        t, n = timed(store, q.text, read_values=True)
        print(f"  {t:7.3f} s  the whole query, every value of its {n:,} rows read")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
