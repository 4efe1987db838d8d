"""`kg query`: stored queries are documents, parameters are bound by the engine, the store is read-only."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import ROOT, BuiltStore, Kg, one_line_error

from kg.queries import format_results, parse_header, stored_queries

QUERY_FILES = sorted((ROOT / "kg" / "queries").glob("*.rq"))
WHO_SAID_WHAT_VARS = ["speaker", "quote", "kind", "about", "medium", "date", "article"]


def run_json(kg: Kg, store: Path, *args: str) -> dict:
    result = kg("query", *args, "--format", "json", "--store", store)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def count_triples(kg: Kg, store: Path) -> int:
    data = run_json(kg, store, "--sparql", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    return int(data["results"]["bindings"][0]["n"]["value"])


# -- headers ----------------------------------------------------------------------------------------
def test_the_stored_queries_are_the_query_files() -> None:
    assert QUERY_FILES, "no queries/*.rq shipped"
    assert [q.name for q in stored_queries()] == [p.stem for p in QUERY_FILES]
    assert {"entities", "who-said-what", "statements-by", "statements-about", "repeated-statements", "roles",
            "timeline", "events-involving"} <= {p.stem for p in QUERY_FILES}
    assert (ROOT / "queries").resolve() == (ROOT / "kg" / "queries").resolve()


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_every_header_documents_the_query(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    q = parse_header(text, str(path))
    assert q.name == path.stem
    assert q.summary.strip() and len(q.summary.splitlines()) == 1
    assert q.examples, f"{path.name}: no '# example:' line"
    for example in q.examples:
        assert example.startswith(f"kg query {q.name}"), example
    for p in q.params:
        assert p.type in ("string", "iri", "integer", "date")
        assert p.example and p.doc.strip()
        assert f"?{p.name}" in text, f"{path.name}: parameter {p.name} is not used in the query"
        assert any(f"--param {p.name}=" in ex for ex in q.examples), f"{path.name}: no example binds {p.name}"


# -- every stored query on the seed graph -------------------------------------------------------------
def _cases() -> list:
    cases = []
    for q in stored_queries():
        params = tuple(f"{p.name}={p.example}" for p in q.params)
        cases.append(pytest.param(q.name, params, id=q.name))
    cases.append(pytest.param("statements-by", ("speaker=Kirby",), id="statements-by-Kirby"))
    cases.append(pytest.param("statements-about", ("entity=Iraq",), id="statements-about-Iraq"))
    return cases


@pytest.mark.parametrize(("name", "params"), _cases())
def test_every_stored_query_returns_rows_on_the_seed_graph(name: str, params: tuple[str, ...],
                                                           seed_store: BuiltStore, kg: Kg) -> None:
    args = [a for p in params for a in ("--param", p)]
    data = run_json(kg, seed_store.path, name, *args)
    assert data["head"]["vars"]
    assert data["results"]["bindings"], f"kg query {name} {' '.join(args)} returned no rows"


def test_statements_by_kirby_are_kirbys(seed_store: BuiltStore, kg: Kg) -> None:
    rows = run_json(kg, seed_store.path, "statements-by", "--param", "speaker=Kirby")["results"]["bindings"]
    assert rows and {r["name"]["value"] for r in rows} == {"John Kirby"}


# -- output formats ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def who_said_what(seed_store: BuiltStore, kg: Kg) -> dict:
    return run_json(kg, seed_store.path, "who-said-what")


def test_who_said_what_is_sparql_results_json(who_said_what: dict) -> None:
    assert who_said_what["head"]["vars"][:7] == WHO_SAID_WHAT_VARS
    rows = who_said_what["results"]["bindings"]
    assert rows
    for row in rows:
        assert row["quote"]["type"] == "literal" and row["quote"]["value"]
        assert row["kind"]["value"] in ("direct", "indirect", "mixed")
        assert row["article"]["value"].startswith("00")
    assert any(row["speaker"]["value"] == "John Kirby" for row in rows)


def test_who_said_what_as_csv(seed_store: BuiltStore, who_said_what: dict, kg: Kg) -> None:
    result = kg("query", "who-said-what", "--format", "csv", "--store", seed_store.path)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:7] == WHO_SAID_WHAT_VARS
    assert len(rows) - 1 == len(who_said_what["results"]["bindings"])


def test_who_said_what_as_tsv(seed_store: BuiltStore, who_said_what: dict, kg: Kg) -> None:
    result = kg("query", "who-said-what", "--format", "tsv", "--store", seed_store.path)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.rstrip("\n").split("\n")
    assert lines[0].split("\t")[:7] == [f"?{v}" for v in WHO_SAID_WHAT_VARS]
    assert len(lines) - 1 == len(who_said_what["results"]["bindings"])


def test_who_said_what_as_a_table_ends_with_the_row_count(seed_store: BuiltStore, who_said_what: dict,
                                                          kg: Kg) -> None:
    result = kg("query", "who-said-what", "--store", seed_store.path)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["speaker", "quote", "kind"]
    n = len(who_said_what["results"]["bindings"])
    assert lines[-1] == f"({n} rows)"
    assert len(lines) == n + 3  # header, rule, rows, count


def test_table_cells_are_clipped_to_max_width(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("query", "who-said-what", "--max-width", "20", "--store", seed_store.path)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    widths = [len(rule) for rule in lines[1].split("  ")]
    assert max(widths) == 20
    assert any("…" in row for row in lines[2:-1])


def test_an_ask_query_answers_yes_or_no(seed_store: BuiltStore, kg: Kg) -> None:
    yes = kg("query", "--sparql", "ASK { ?s a <https://w3id.org/kg/ontology#Statement> }", "--store", seed_store.path)
    no = kg("query", "--sparql", "ASK { ?s a <http://example.org/Nothing> }", "--store", seed_store.path)
    assert (yes.exit_code, yes.stdout, no.exit_code, no.stdout) == (0, "yes\n", 0, "no\n")


def test_a_query_file(seed_store: BuiltStore, tmp_path: Path, kg: Kg) -> None:
    rq = tmp_path / "count.rq"
    rq.write_text("# just a comment\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n", encoding="utf-8")
    data = run_json(kg, seed_store.path, str(rq))
    assert int(data["results"]["bindings"][0]["n"]["value"]) > 0


# -- parameters are bound by the engine -------------------------------------------------------------
@pytest.mark.parametrize("value", ['Kirby" } #', '" ) ) } UNION { ?statement ?p ?quote } #', "Kirby' }} #", "{}"])
def test_a_parameter_value_cannot_change_the_query(value: str, seed_store: BuiltStore, kg: Kg) -> None:
    data = run_json(kg, seed_store.path, "statements-by", "--param", f"speaker={value}")
    assert data["results"]["bindings"] == []


def test_a_parameter_value_is_matched_as_words(seed_store: BuiltStore, kg: Kg) -> None:
    whole = run_json(kg, seed_store.path, "statements-by", "--param", "speaker=KIRBY")["results"]["bindings"]
    part = run_json(kg, seed_store.path, "statements-by", "--param", "speaker=Kir")["results"]["bindings"]
    assert whole and part == []


# -- errors -----------------------------------------------------------------------------------------
def test_a_malformed_query_names_line_and_column(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("query", "--sparql", "SELECT ?s\nWHERE { ?s ?p }", "--store", seed_store.path)
    assert result.exit_code == 2
    error = one_line_error(result)
    assert error.startswith("Error: --sparql: syntax error at line 2, column ")


def test_a_malformed_query_file_is_named(seed_store: BuiltStore, tmp_path: Path, kg: Kg) -> None:
    rq = tmp_path / "broken.rq"
    rq.write_text("SELECT * WHERE {\n  ?s ?p\n", encoding="utf-8")
    result = kg("query", str(rq), "--store", seed_store.path)
    assert result.exit_code == 2
    assert one_line_error(result).startswith(f"Error: {rq}: syntax error at line ")


def test_an_unknown_query_suggests_the_closest_names(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("query", "who-said-wat", "--store", seed_store.path)
    assert result.exit_code == 2
    assert one_line_error(result) == "Error: unknown query 'who-said-wat'; did you mean who-said-what?"


def test_an_unknown_query_far_from_every_name_lists_them(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("query", "zzzz", "--store", seed_store.path)
    assert result.exit_code == 2
    error = one_line_error(result)
    assert "unknown query 'zzzz'" in error
    assert all(q.name in error for q in stored_queries())


def test_a_missing_query_file(seed_store: BuiltStore, tmp_path: Path, kg: Kg) -> None:
    result = kg("query", str(tmp_path / "nope.rq"), "--store", seed_store.path)
    assert result.exit_code == 2
    assert one_line_error(result).startswith(f"Error: {tmp_path / 'nope.rq'}: cannot read query file")


def test_a_missing_parameter(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("query", "statements-by", "--store", seed_store.path)
    assert result.exit_code == 2
    assert one_line_error(result) == ("Error: queries/statements-by.rq: missing parameter; "
                                      "pass --param speaker=VALUE (e.g. speaker=Kirby)")


def test_an_unknown_parameter(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("query", "statements-by", "-p", "speaker=Kirby", "-p", "spaeker=x", "--store", seed_store.path)
    assert result.exit_code == 2
    assert one_line_error(result) == ("Error: queries/statements-by.rq: unknown parameter 'spaeker'; "
                                      "parameters: speaker")


def test_a_parameter_without_a_value(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("query", "statements-by", "-p", "speaker", "--store", seed_store.path)
    assert result.exit_code == 2
    assert "--param 'speaker': expected KEY=VALUE" in one_line_error(result)


@pytest.mark.parametrize("args", [(), ("who-said-what", "--sparql", "ASK {}")], ids=["neither", "both"])
def test_a_query_name_or_sparql_exactly_one(args: tuple[str, ...], seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("query", *args, "--store", seed_store.path)
    assert result.exit_code == 2
    assert "exactly one" in result.stderr


UPDATES = [
    "INSERT DATA { <http://example.org/s> <http://example.org/p> <http://example.org/o> }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://example.org/>\nINSERT DATA { ex:s ex:p ex:o }",
    "PREFIX ex: <http://example.org/> PREFIX kg: <https://w3id.org/kg/ontology#> DELETE WHERE { ?s a kg:Statement }",
    "BASE <http://example.org/>\n# a comment\ndelete where { ?s ?p ?o }",
    "CLEAR ALL",
    "DROP GRAPH <https://w3id.org/kg/id/graph/resolution>",
]


@pytest.mark.parametrize("sparql", UPDATES)
def test_sparql_update_is_refused(sparql: str, seed_store: BuiltStore, kg: Kg) -> None:
    before = count_triples(kg, seed_store.path)
    result = kg("query", "--sparql", sparql, "--store", seed_store.path)
    assert result.exit_code == 2
    assert one_line_error(result) == "Error: --sparql: refused: SPARQL Update; kg query is read-only"
    assert count_triples(kg, seed_store.path) == before


def test_sparql_update_in_a_query_file_is_refused(seed_store: BuiltStore, tmp_path: Path, kg: Kg) -> None:
    rq = tmp_path / "wipe.rq"
    rq.write_text("# wipe everything\nDELETE WHERE { ?s ?p ?o }\n", encoding="utf-8")
    before = count_triples(kg, seed_store.path)
    result = kg("query", str(rq), "--store", seed_store.path)
    assert result.exit_code == 2
    assert one_line_error(result) == f"Error: {rq}: refused: SPARQL Update; kg query is read-only"
    assert count_triples(kg, seed_store.path) == before


def test_the_table_puts_each_value_under_its_column() -> None:
    """Cells are taken in the order of the variables, an unbound one as an empty cell."""
    from pyoxigraph import Store

    results = Store().query('SELECT ?a ?b ?c WHERE { VALUES (?a ?b ?c) { ("x" UNDEF "zz") ("xx" "y" UNDEF) } }')
    header, _, first, second, count = format_results(results, "table").splitlines()
    assert first.startswith("x ") and first.index("zz") == header.index("c")
    assert second.index("y") == header.index("b") and second.rstrip().endswith("y")
    assert count == "(2 rows)"
