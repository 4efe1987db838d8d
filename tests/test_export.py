"""`kg export`: byte-identical across builds, standard formats that parse back, ``-o FILE``."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest
from conftest import SEED_IDS, BuiltStore, Kg, copy_seeds, one_line_error
from rdflib import Dataset, Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

FORMATS = ["turtle", "ntriples", "trig", "nquads", "jsonld"]
RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}
OXIGRAPH_FORMAT = {"turtle": pyoxigraph.RdfFormat.TURTLE, "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
                   "trig": pyoxigraph.RdfFormat.TRIG, "nquads": pyoxigraph.RdfFormat.N_QUADS,
                   "jsonld": pyoxigraph.RdfFormat.JSON_LD}
GRAPHS = len(SEED_IDS) + 1  # one per article and the resolution graph


def export(kg: Kg, store: Path, fmt: str) -> bytes:
    result = kg("export", "--format", fmt, "--store", store)
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes, f"empty {fmt} export"
    return result.stdout_bytes


@pytest.fixture(scope="module")
def second_seed_store(tmp_path_factory: pytest.TempPathFactory, kg: Kg, model_loaded_once: None) -> Path:
    """The seeds built again, from a copy in another folder, into another store."""
    folder = copy_seeds(tmp_path_factory.mktemp("seeds-again") / "seeds")
    store = folder.parent / "store"
    result = kg("build", folder, "--store", store, "-j", "1")
    assert result.exit_code == 0, result.stderr
    return store


def assert_same_graph(expected: Graph, actual: Graph) -> None:
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        lines = [f"- {t}" for t in sorted(only_expected)[:20]] + [f"+ {t}" for t in sorted(only_actual)[:20]]
        pytest.fail("graphs differ:\n" + "\n".join(lines))


# -- determinism ------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["turtle", "nquads"])
def test_two_builds_of_the_seeds_export_the_same_bytes(fmt: str, seed_store: BuiltStore, second_seed_store: Path,
                                                       kg: Kg) -> None:
    first = export(kg, seed_store.path, fmt)
    second = export(kg, second_seed_store, fmt)
    if first != second:
        assert_same_graph(Graph().parse(data=first, format=RDFLIB_FORMAT[fmt]),
                          Graph().parse(data=second, format=RDFLIB_FORMAT[fmt]))
        pytest.fail(f"the two {fmt} exports are the same graph but not the same bytes")


def test_the_two_turtle_exports_are_isomorphic(seed_store: BuiltStore, second_seed_store: Path, kg: Kg) -> None:
    first = Graph().parse(data=export(kg, seed_store.path, "turtle"), format="turtle")
    second = Graph().parse(data=export(kg, second_seed_store, "turtle"), format="turtle")
    assert len(first) > 0
    assert_same_graph(first, second)


def test_exporting_twice_gives_the_same_bytes(seed_store: BuiltStore, kg: Kg) -> None:
    assert export(kg, seed_store.path, "trig") == export(kg, seed_store.path, "trig")


# -- every format parses back ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def triple_count(seed_store: BuiltStore, kg: Kg) -> int:
    data = export(kg, seed_store.path, "ntriples")
    return len({line for line in data.decode("utf-8").splitlines() if line.strip()})


@pytest.mark.filterwarnings("ignore:.*(ConjunctiveGraph|default_context).*:DeprecationWarning")
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_parses_back_in_rdflib(fmt: str, seed_store: BuiltStore, triple_count: int, kg: Kg) -> None:
    data = export(kg, seed_store.path, fmt)
    if fmt in ("trig", "nquads", "jsonld"):
        ds = Dataset()
        ds.parse(data=data, format=RDFLIB_FORMAT[fmt])
        names = {str(g) for _, _, _, g in ds.quads((None, None, None, None)) if g is not None}
        assert len(names) == GRAPHS
        assert len({(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}) == triple_count
    else:
        g = Graph().parse(data=data, format=RDFLIB_FORMAT[fmt])
        assert len(g) == triple_count


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_parses_back_in_pyoxigraph(fmt: str, seed_store: BuiltStore, triple_count: int, kg: Kg) -> None:
    quads = list(pyoxigraph.parse(export(kg, seed_store.path, fmt), format=OXIGRAPH_FORMAT[fmt]))
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == triple_count
    if fmt in ("trig", "nquads", "jsonld"):
        assert len({q.graph_name for q in quads}) == GRAPHS


def test_jsonld_is_json(seed_store: BuiltStore, kg: Kg) -> None:
    data = json.loads(export(kg, seed_store.path, "jsonld"))
    assert isinstance(data, list) and len(data) == GRAPHS
    assert all("@id" in g and "@graph" in g for g in data)


def test_turtle_uses_the_kg_prefixes(seed_store: BuiltStore, kg: Kg) -> None:
    text = export(kg, seed_store.path, "turtle").decode("utf-8")
    assert "@prefix kg: <https://w3id.org/kg/ontology#> ." in text
    assert "kg:Statement" in text


# -- -o FILE ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["turtle", "nquads"])
def test_output_file(fmt: str, seed_store: BuiltStore, tmp_path: Path, kg: Kg) -> None:
    out = tmp_path / f"graph.{fmt}"
    result = kg("export", "--format", fmt, "-o", out, "--store", seed_store.path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert out.read_bytes() == export(kg, seed_store.path, fmt)
    assert [p.name for p in tmp_path.iterdir()] == [out.name], "no temporary file may be left behind"


def test_output_file_in_a_missing_folder(seed_store: BuiltStore, tmp_path: Path, kg: Kg) -> None:
    out = tmp_path / "no-such-dir" / "graph.ttl"
    result = kg("export", "-o", out, "--store", seed_store.path)
    assert result.exit_code == 2
    assert one_line_error(result).startswith(f"Error: {out}: cannot write")


def test_an_unknown_format_is_a_usage_error(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("export", "--format", "rdfxml", "--store", seed_store.path)
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.stderr
