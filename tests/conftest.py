"""Shared fixtures: an in-process ``kg`` runner, the seed graph built once per session, tiny articles.

Every CLI test runs ``kg`` in-process with click's CliRunner (no subprocess) and checks the exit
code and the message. Exceptions are not caught by the runner: a traceback where a one-line
message was due fails the test instead of hiding in ``result.exception``.
"""

from __future__ import annotations

import functools
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import cli

ROOT = Path(__file__).parent.parent
SEEDS = ROOT / "seeds"
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))

# Two short articles with a named speaker each, for build edge cases that need a real parse.
TINY = {
    "alpha": "Officials met in Baghdad on Monday.\n"
             "“The talks were useful,” John Kirby, the Pentagon spokesman, told reporters on Monday.\n",
    "beta": "Iraqi lawmakers approved a bill on Tuesday.\n"
            "“Foreign forces must leave Iraq,” said Karim Aliwi, a lawmaker of the Fatah Alliance.\n",
}

Kg = Callable[..., Result]


def run_kg(*args: str | Path) -> Result:
    """Run ``kg ARGS`` in-process; stdout and stderr are kept apart (``result.stdout``/``stderr``)."""
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def one_line_error(result: Result) -> str:
    """The error message of a failed command, asserted to be exactly one ``Error: ...`` line."""
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("Error:")]
    assert len(lines) == 1, f"expected one 'Error:' line on stderr, got:\n{result.stderr}"
    return lines[0]


@pytest.fixture(scope="session")
def kg() -> Kg:
    return run_kg


@pytest.fixture(scope="session")
def model_loaded_once() -> Iterator[None]:
    """Builds in one session share one loaded spaCy pipeline (~2 s per load otherwise).

    The model is the same; only the repeated loading is saved. kg.build imports ``load_model``
    at call time, so patching the module attribute reaches every build.
    """
    import kg.nlp

    mp = pytest.MonkeyPatch()
    mp.setattr(kg.nlp, "load_model", functools.lru_cache(maxsize=None)(kg.nlp.load_model))
    yield
    mp.undo()


@dataclass(frozen=True)
class BuiltStore:
    path: Path
    build: Result  # the result of the `kg build` that made it


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory, model_loaded_once: None) -> BuiltStore:
    """The five seed articles built once per session. Tests must not write to it."""
    store = tmp_path_factory.mktemp("seed") / "store"
    result = run_kg("build", SEEDS, "--store", store, "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    return BuiltStore(store, result)


@pytest.fixture(scope="session")
def seed_nquads(seed_store: BuiltStore) -> bytes:
    result = run_kg("export", "--format", "nquads", "--store", seed_store.path)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def write_articles(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def tiny_folder(tmp_path: Path) -> Path:
    return write_articles(tmp_path / "articles", TINY)


def nquads(store: Path) -> bytes:
    result = run_kg("export", "--format", "nquads", "--store", store)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def listing(path: Path) -> list[str]:
    """Every file and folder under ``path`` (relative), for "nothing was written" checks."""
    if not path.exists():
        return []
    return sorted(str(p.relative_to(path)) for p in path.rglob("*"))


def sparql_rows(store: Path, sparql: str) -> list[dict[str, str]]:
    """Run a read-only query through ``kg query --sparql --format json``; rows as {var: value}."""
    result = run_kg("query", "--sparql", sparql, "--format", "json", "--store", store)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def copy_seeds(dest: Path, ids: list[str] | None = None) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for aid in ids or SEED_IDS:
        shutil.copy(SEEDS / f"{aid}.txt", dest / f"{aid}.txt")
    return dest
