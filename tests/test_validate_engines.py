"""The fast validator (pyrudof) and the reference one (pyshacl) report the same violations."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import BuiltStore, run_kg

from kg.validate import validate

KG = "https://w3id.org/kg/ontology#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"


def _inject(lines: list[str]) -> list[str]:
    """Break the seed graph in several independent ways."""
    out = []
    dropped_content = swapped_kind = bad_offset = dropped_label = False
    for line in lines:
        if not dropped_content and f"<{KG}content>" in line:
            dropped_content = True  # a Statement without content
            continue
        if not swapped_kind and f"<{KG}kind>" in line:
            swapped_kind = True  # a kind outside the closed list
            line = line.replace(f"<{KG}Direct>", f"<{KG}Shouted>").replace(f"<{KG}Indirect>", f"<{KG}Shouted>")
        if not bad_offset and f"<{NIF}beginIndex>" in line:
            bad_offset = True  # begin after end
            line = re.sub(r'"\d+"\^\^', '"999999"^^', line)
        if not dropped_label and "<http://www.w3.org/2004/02/skos/core#prefLabel>" in line:
            dropped_label = True  # an entity without a name
            continue
        out.append(line)
    return out


@pytest.fixture(scope="module")
def broken(seed_store: BuiltStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    result = run_kg("export", "--format", "ntriples", "--store", seed_store.path)
    assert result.exit_code == 0, result.stderr
    path = tmp_path_factory.mktemp("broken") / "broken.nt"
    path.write_text("\n".join(_inject(result.stdout.splitlines())) + "\n", encoding="utf-8")
    return path


def _pairs(report) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(v.focus, v.path) for v in report.violations}


def test_engines_agree_on_injected_violations(broken: Path) -> None:
    fast, reference = validate(file=broken, engine="rudof"), validate(file=broken, engine="pyshacl")
    assert not fast.conforms and not reference.conforms
    assert _pairs(fast) == _pairs(reference)
    paths = {p for _, p in _pairs(reference)}
    assert {f"{KG}content", f"{KG}kind", f"{NIF}beginIndex", "http://www.w3.org/2004/02/skos/core#prefLabel"} <= paths


def test_engines_agree_that_the_seed_graph_conforms(seed_store: BuiltStore) -> None:
    from kg.store import GraphStore

    store = GraphStore(seed_store.path, read_only=True)
    assert validate(store=store, engine="rudof").conforms
    assert validate(store=store, engine="pyshacl").conforms


def test_rudof_reports_the_shapes_messages(broken: Path) -> None:
    report = validate(file=broken, engine="rudof")
    content = [v for v in report.violations if v.path == f"{KG}content"]
    assert content and all("content" in v.message for v in content)
