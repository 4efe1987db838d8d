"""The command line as an interface: help, README, version, `queries`, `stats`, `show`, a missing store."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from conftest import ROOT, SEED_IDS, BuiltStore, Kg, listing, one_line_error

from kg import __version__
from kg.cli import cli
from kg.queries import stored_queries

COMMANDS = sorted(cli.commands)


def test_the_cli_has_the_documented_commands() -> None:
    assert {"build", "validate", "query", "queries", "export", "stats", "eval"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_that_ends_with_an_example(name: str, kg: Kg) -> None:
    command = cli.commands[name]
    assert command.help, f"kg {name} has no help"
    last_paragraph = command.help.strip().split("\n\n")[-1]
    assert "Example" in last_paragraph, f"the help of kg {name} does not end with an example"
    result = kg(name, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout and f"kg {name}" in result.stdout


def test_the_group_help_lists_every_command_and_ends_with_an_example(kg: Kg) -> None:
    result = kg("--help")
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.stdout
    assert "Example" in (cli.help or "").strip().split("\n\n")[-1]


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_appears_in_the_readme(name: str) -> None:
    readme = ROOT / "README.md"
    assert readme.is_file(), "README.md is missing"
    text = readme.read_text(encoding="utf-8")
    assert f"kg {name}" in text, f"README.md never shows `kg {name}`"


def test_version(kg: Kg) -> None:
    result = kg("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"kg, version {__version__}"


def test_an_unknown_command_is_a_usage_error(kg: Kg) -> None:
    result = kg("bulid")
    assert result.exit_code == 2
    assert "No such command 'bulid'" in result.stderr


# -- kg queries -----------------------------------------------------------------------------------
def test_queries_lists_every_stored_query_with_its_parameters(kg: Kg) -> None:
    result = kg("queries")
    assert result.exit_code == 0
    out = click.unstyle(result.stdout)
    for q in stored_queries():
        assert f"{q.name}  {q.summary}" in out
        for p in q.params:
            assert f"--param {p.name}=VALUE  ({p.type})" in out
            assert f"e.g. {p.name}={p.example}" in out
        for example in q.examples:
            assert f"$ {example}" in out


# -- kg stats -------------------------------------------------------------------------------------
def test_stats_counts_classes_and_articles(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("stats", "--store", seed_store.path)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    counts = {ln.split()[0]: int(ln.split()[1]) for ln in lines
              if len(ln.split()) == 2 and ln.split()[1].isdigit()}
    assert counts["Article"] == len(SEED_IDS)
    assert counts["Statement"] > 0 and counts["Actor"] > 0 and counts["Organization"] > 0
    assert any(ln.endswith(" triples") and int(ln.split()[0]) > 0 for ln in lines)
    header = next(ln for ln in lines if ln.startswith("article"))
    assert header.split() == ["article", "published", "statements", "attributed", "entities", "events"]
    for aid in SEED_IDS:
        assert any(ln.startswith(aid) for ln in lines), f"no stats row for {aid}"
    published = next(ln for ln in lines if ln.startswith("001_"))
    assert "2021-12-12T21:22" in published
    assert lines[-1] == f"({len(SEED_IDS)} rows)"


# -- kg show --------------------------------------------------------------------------------------
def test_show_an_entity_by_alias(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("show", "Kirby", "--store", seed_store.path)
    assert result.exit_code == 0, result.stderr
    assert "John Kirby" in result.stdout


def test_show_explains_a_merge_and_lists_roles_and_statements(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("show", "PMF", "--store", seed_store.path)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Popular Mobilization Units  (Organization)")
    assert "also: " in out and "PMF" in out and "Hashd al-Sha’abi" in out
    assert "why these names are one node:" in out
    assert "'PMF': parenthesis in 004_0f3c713809c3be0a" in out  # the text that names the alias
    assert "head-noun-variant; same role" in out  # the evidence that merged PMF into the PMU
    assert "has partOf: Asa’ib Ahl al-Haq" in out
    assert "statements about it" in out


def test_show_lists_what_a_person_said(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("show", "al-Rubaei", "--store", seed_store.path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Mahmoud al-Rubaie  (Actor)")
    assert "spokespersonOf Asa’ib Ahl al-Haq" in result.stdout
    assert "said (" in result.stdout and "[002_e7cc4504bc5c9169]" in result.stdout


def test_show_an_unknown_entity(seed_store: BuiltStore, kg: Kg) -> None:
    result = kg("show", "Nobody Atall", "--store", seed_store.path)
    assert result.exit_code == 2
    assert "no entity named 'Nobody Atall'" in one_line_error(result)


# -- a store that does not exist yet ------------------------------------------------------------------
READERS = [
    ("query", "entities"),
    ("query", "--sparql", "ASK { ?s ?p ?o }"),
    ("export",),
    ("stats",),
    ("validate",),
    ("eval", str(ROOT / "eval" / "seeds.json")),
    ("show", "Kirby"),
]


@pytest.mark.parametrize("args", READERS, ids=lambda a: " ".join(a[:2]))
def test_reading_a_store_that_does_not_exist(args: tuple[str, ...], tmp_path: Path, kg: Kg) -> None:
    store = tmp_path / "nothing-here"
    result = kg(*args, "--store", store)
    assert result.exit_code == 2
    error = one_line_error(result)
    assert f"{store}: no graph here yet" in error and "kg build" in error
    assert listing(store) == [] and not store.exists(), "a read must not create the store"


def test_the_store_can_come_from_kg_store(seed_store: BuiltStore, monkeypatch: pytest.MonkeyPatch, kg: Kg) -> None:
    monkeypatch.setenv("KG_STORE", str(seed_store.path))
    result = kg("query", "--sparql", "ASK { ?s a <https://w3id.org/kg/ontology#Article> }")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "yes\n"
