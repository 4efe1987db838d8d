"""The quality bars of the project's issues, on the seed articles and their hand annotation.

These fail when a change lowers extraction quality on the seeds below the agreed bars. They do not
prove quality on unseen news (the extractor's own tests use sentences from other kinds of news).
"""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, BuiltStore

from kg.evaluate import evaluate, load_gold, predicted_statements
from kg.store import GraphStore

GOLD = ROOT / "eval" / "seeds.json"


@pytest.fixture(scope="module")
def store(seed_store: BuiltStore) -> GraphStore:
    return GraphStore(seed_store.path, read_only=True)


def test_statement_bars(store: GraphStore) -> None:
    scores = evaluate(load_gold(GOLD), predicted_statements(store)).scores
    assert scores["all"].f1 >= 0.92, scores["all"]
    assert scores["direct"].f1 >= 0.95, scores["direct"]
    assert scores["indirect+mixed"].f1 >= 0.85, scores["indirect+mixed"]
    assert scores["all"].p >= 0.95, scores["all"]


def _rows(store: GraphStore, name: str, variables: list[str]) -> list[dict[str, str]]:
    from kg.queries import find_query, run_query

    return [{v: ("" if sol[v] is None else str(sol[v].value)) for v in variables}
            for sol in run_query(store, find_query(name))]


def test_every_annotated_person_and_organization_is_one_node_of_the_right_type(store: GraphStore) -> None:
    from kg.evaluate import name_tokens

    def same(a: str, b: str) -> bool:
        return name_tokens(a) == name_tokens(b)

    nodes: dict[str, tuple[str, set[str]]] = {}
    for r in _rows(store, "entities", ["entity", "type", "name", "aliases"]):
        names = {r["name"], *(a.strip() for a in r.get("aliases", "").split(";") if a.strip())}
        nodes[r["entity"]] = (r["type"], names)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    want = {"Person": "Actor", "Organization": "Organization"}
    aliases = found_aliases = 0
    for e in gold["entities"]:
        if e["type"] not in want:
            continue
        names = [e["name"], *e["aliases"]]
        hits = [k for k, (_, ns) in nodes.items() if any(same(a, b) for a in names for b in ns)]
        assert len(hits) == 1, (e["name"], hits)
        etype, ns = nodes[hits[0]]
        assert etype == want[e["type"]], (e["name"], etype)
        aliases += len(e["aliases"])
        found_aliases += sum(any(same(a, b) for b in ns) for a in e["aliases"])
    assert found_aliases >= 0.9 * aliases


def test_role_bars(store: GraphStore) -> None:
    from kg.evaluate import name_tokens

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    names = {e["id"]: [e["name"], *e["aliases"]] for e in gold["entities"]}
    want = {(x["subject"], x["relation"], x["object"]) for x in gold["relations"]}
    cols = ["member", "role", "organization"]
    got = {(r["member"], r["role"], r["organization"]) for r in _rows(store, "roles", cols)}

    def hit(g: tuple[str, str, str], p: tuple[str, str, str]) -> bool:
        return g[1] == p[1] and any(name_tokens(a) == name_tokens(p[0]) for a in names[g[0]]) \
            and any(name_tokens(a) == name_tokens(p[2]) for a in names[g[2]])

    precision = sum(any(hit(g, p) for g in want) for p in got) / len(got)
    recall = sum(any(hit(g, p) for p in got) for g in want) / len(want)
    assert precision >= 0.9 and recall >= 0.85, (precision, recall)
