"""The stored queries are rewritten for speed; they must still answer what the plain queries answer.

``tests/query_reference/NAME.rq`` is the straightforward formulation each rewritten stored query
replaced (one basic graph pattern with OPTIONALs, GROUP BY, ORDER BY on the display columns). The
rewrites read each property in a sub-select so that Oxigraph joins by hash, aggregate before
joining, and sort on 15-character pieces of long strings; none of that may change an answer. On
the seed graph and on a synthetic graph of kg's exact shape (``bench/graphs.py``: a few dozen
generated articles with repeated quotes, memberships, events, dates), every rewritten query must
return the same rows, in the same order of its ORDER BY keys, as its reference.

Compared as sets: the items of a GROUP_CONCAT cell (their order is the engine's choice), and rows
whose ORDER BY keys tie. repeated-statements' quote and speaker are SAMPLEs, so they are checked to
be one of the candidates the reference lists.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, BuiltStore

from kg.queries import find_query, run_query
from kg.store import GraphStore

REFERENCE = ROOT / "tests" / "query_reference"

# ORDER BY keys (projected ones) and GROUP_CONCAT columns of each rewritten query
ORDER_KEYS = {
    "who-said-what": ["article"],
    "entities": ["type", "name"],
    "roles": ["member", "role", "organization"],
    "timeline": ["date", "label"],
}
CONCAT = {
    "who-said-what": ["about"],
    "entities": ["aliases"],
    "roles": ["title", "articles"],
    "timeline": ["agents", "participants", "articles"],
}
Row = tuple[Any, ...]


@pytest.fixture(scope="session")
def synthetic_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 20,000 quads from the benchmark's generator, mapped by kg.mapping itself."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from graphs import build_graph
    finally:
        sys.path.remove(str(ROOT / "bench"))
    info = build_graph(20_000, tmp_path_factory.mktemp("graphs"), log=lambda _msg: None)
    return Path(info["store"])


def _select(store: Path, text: str) -> tuple[list[str], list[Row]]:
    gs = GraphStore(store, read_only=True)
    results = gs.query(text)
    names = [v.value for v in results.variables]
    return names, [tuple(sol) for sol in results]


def _stored(store: Path, name: str) -> tuple[list[str], list[Row]]:
    gs = GraphStore(store, read_only=True)
    results = run_query(gs, find_query(name))
    return [v.value for v in results.variables], [tuple(sol) for sol in results]


def _normal(names: list[str], rows: list[Row], concat: list[str]) -> list[Row]:
    out = []
    for row in rows:
        cells: list[Any] = []
        for name, term in zip(names, row, strict=True):
            if term is None:
                cells.append(None)
            elif name in concat:
                cells.append(tuple(sorted(term.value.split("; "))))
            else:
                cells.append(str(term))
        out.append(tuple(cells))
    return out


def _graphs(seed_store: BuiltStore, synthetic_store: Path) -> Iterator[tuple[str, Path]]:
    yield "seed", seed_store.path
    yield "synthetic", synthetic_store


@pytest.mark.parametrize("name", sorted(ORDER_KEYS))
def test_a_rewritten_query_answers_what_its_reference_answers(name: str, seed_store: BuiltStore,
                                                              synthetic_store: Path) -> None:
    for graph, store in _graphs(seed_store, synthetic_store):
        ref_names, ref_rows = _select(store, (REFERENCE / f"{name}.rq").read_text(encoding="utf-8"))
        names, rows = _stored(store, name)
        assert names == ref_names, graph
        assert rows, f"{name} returned no rows on the {graph} graph: nothing was compared"
        got, want = _normal(names, rows, CONCAT[name]), _normal(ref_names, ref_rows, CONCAT[name])
        missing, extra = Counter(want) - Counter(got), Counter(got) - Counter(want)
        assert not missing and not extra, f"{graph}: missing {list(missing)[:3]}, extra {list(extra)[:3]}"
        keys = [names.index(k) for k in ORDER_KEYS[name]]
        assert [tuple(r[i] for i in keys) for r in got] == [tuple(r[i] for i in keys) for r in want], \
            f"{graph}: rows not in the reference's order"


def test_repeated_statements_answers_what_its_reference_answers(seed_store: BuiltStore,
                                                                synthetic_store: Path) -> None:
    for graph, store in _graphs(seed_store, synthetic_store):
        _, ref = _select(store, (REFERENCE / "repeated-statements.rq").read_text(encoding="utf-8"))
        names, rows = _stored(store, "repeated-statements")
        assert names == ["quote", "speaker", "count", "articles"]
        assert len(rows) == len(ref) and rows, graph
        groups = [(q.value.split("\x1f"), s.value.split("\x1f"), int(c.value), frozenset(a.value.split("; ")))
                  for q, s, c, a in ref]
        for quote, speaker, count, articles in rows:
            # SAMPLE skips statements without a speaker: none only when no statement has one
            match = [g for g in groups
                     if g[2] == int(count.value) and g[3] == frozenset(articles.value.split("; "))
                     and quote.value in g[0]
                     and (speaker.value in g[1] if speaker is not None else g[1] == [""])]
            assert match, f"{graph}: no reference group for {quote.value!r} ({articles.value})"
            groups.remove(match[0])
        order = [(-int(c.value), q.value) for q, _, c, _ in rows]
        assert order == sorted(order), f"{graph}: not ordered by count (descending), then quote"
        assert any(int(c.value) > 1 for _, _, c, _ in rows) or graph == "seed", \
            f"{graph}: no repeated statement, the test compares nothing interesting"


def test_the_reference_queries_are_the_rewritten_ones() -> None:
    """Every reference belongs to a stored query, so a renamed query cannot leave its check behind."""
    stored = {p.stem for p in (ROOT / "kg" / "queries").glob("*.rq")}
    refs = {p.stem for p in REFERENCE.glob("*.rq")}
    assert refs == set(ORDER_KEYS) | {"repeated-statements"}
    assert refs <= stored
