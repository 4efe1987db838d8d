"""`kg build`: the seed build, bad input (one-line error, store unchanged), incremental builds, --base."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from conftest import (
    SEED_IDS,
    SEEDS,
    TINY,
    BuiltStore,
    Kg,
    copy_seeds,
    listing,
    nquads,
    one_line_error,
    run_kg,
    sparql_rows,
    write_articles,
)

GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
ARTICLE_IDS = ("PREFIX kg: <https://w3id.org/kg/ontology#> "
               "SELECT ?id WHERE { ?a a kg:Article ; kg:articleId ?id } ORDER BY ?id")


def graph_names(store: Path) -> list[str]:
    return [r["g"] for r in sparql_rows(store, GRAPHS)]


def article_ids(store: Path) -> list[str]:
    return [r["id"] for r in sparql_rows(store, ARTICLE_IDS)]


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory, kg: Kg, model_loaded_once: None) -> Path:
    """A store built from one tiny article, for "a failed build leaves the store as it was"."""
    folder = write_articles(tmp_path_factory.mktemp("small") / "articles", {"alpha": TINY["alpha"]})
    store = folder.parent / "store"
    result = kg("build", folder, "--store", store, "-j", "1")
    assert result.exit_code == 0, result.stderr
    return store


# -- the seed build -------------------------------------------------------------------------------
def test_seed_build_reports_every_article_parsed(seed_store: BuiltStore) -> None:
    n = len(SEED_IDS)
    assert f"{n} articles, {n} parsed, 0 unchanged, {n + 1} graphs written" in seed_store.build.stderr
    assert article_ids(seed_store.path) == SEED_IDS


def test_seed_build_has_one_named_graph_per_article_plus_resolution(seed_store: BuiltStore) -> None:
    names = graph_names(seed_store.path)
    assert names == sorted([f"https://w3id.org/kg/id/graph/article/{aid}" for aid in SEED_IDS]
                           + ["https://w3id.org/kg/id/graph/resolution"])


def test_second_build_of_the_seeds_parses_nothing_and_writes_nothing(seed_store: BuiltStore, seed_nquads: bytes,
                                                                     kg: Kg) -> None:
    result = kg("build", SEEDS, "--store", seed_store.path, "-j", "1")
    assert result.exit_code == 0, result.stderr
    n = len(SEED_IDS)
    assert f"{n} articles, 0 parsed, {n} unchanged, 0 graphs written" in result.stderr
    assert nquads(seed_store.path) == seed_nquads


# -- bad input: one line naming the file, non-zero exit, nothing written ------------------------------
def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path to build, text the error must contain)."""
    (tmp / "no-articles").mkdir()
    (tmp / "no-articles" / "notes.md").write_text("not an article\n", encoding="utf-8")
    empty = tmp / "empty" / "empty.txt"
    empty.parent.mkdir()
    empty.write_bytes(b"")
    blank = tmp / "blank" / "blank.txt"
    blank.parent.mkdir()
    blank.write_text(" \n\n  \n", encoding="utf-8")
    binary = tmp / "binary" / "image.txt"
    binary.parent.mkdir()
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    return {
        "missing path": (tmp / "does-not-exist", "does-not-exist: no such file or folder"),
        "folder without .txt": (tmp / "no-articles", "no-articles: folder contains no .txt articles"),
        "empty file": (empty.parent, "empty"),
        "blank file": (blank.parent, "blank"),
        "binary file": (binary.parent, "binary"),
    }


BAD = ["missing path", "folder without .txt", "empty file", "blank file", "binary file"]


@pytest.mark.parametrize("case", BAD)
def test_bad_input_fails_with_one_line_and_creates_no_store(case: str, tmp_path: Path, kg: Kg,
                                                            model_loaded_once: None) -> None:
    path, expected = _bad_inputs(tmp_path)[case]
    store = tmp_path / "store"
    result = kg("build", path, "--store", store, "-j", "1")
    assert result.exit_code == 2
    error = one_line_error(result)
    assert str(path) in error and expected in error
    assert "Traceback" not in result.output
    assert listing(store) == [], "a failed first build must not leave an (empty) store behind"
    # ... so the next command still says that nothing was built
    after = kg("query", "entities", "--store", store)
    assert after.exit_code == 2 and "no graph here yet" in one_line_error(after)


@pytest.mark.parametrize("case", BAD)
def test_bad_input_leaves_an_existing_store_unchanged(case: str, tmp_path: Path, small_store: Path, kg: Kg) -> None:
    before = nquads(small_store)
    path, expected = _bad_inputs(tmp_path)[case]
    result = kg("build", path, "--store", small_store, "-j", "1")
    assert result.exit_code == 2
    assert expected in one_line_error(result)
    assert nquads(small_store) == before


def test_empty_and_binary_files_are_named_in_warnings(tmp_path: Path, kg: Kg, model_loaded_once: None) -> None:
    path, _ = _bad_inputs(tmp_path)["binary file"]
    result = kg("build", path, "--store", tmp_path / "store", "-j", "1")
    assert f"warning: {path / 'image.txt'}: binary file, not a UTF-8 text article" in result.stderr


def _with_latin1(folder: Path) -> Path:
    write_articles(folder, {"alpha": TINY["alpha"]})
    (folder / "latin.txt").write_bytes("Caf\u00e9 owners said business was slow.\n".encode("latin-1"))
    return folder / "latin.txt"


def test_non_utf8_article_is_skipped_with_a_warning_and_the_rest_built(tmp_path: Path, kg: Kg,
                                                                       model_loaded_once: None) -> None:
    bad = _with_latin1(tmp_path / "articles")
    store = tmp_path / "store"
    result = kg("build", bad.parent, "--store", store, "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert f"warning: {bad}: not valid UTF-8 (byte 3)" in result.stderr
    assert "1 articles, 1 parsed, 0 unchanged, 1 skipped" in result.stderr
    assert article_ids(store) == ["alpha"]


def test_strict_build_fails_on_non_utf8_and_creates_no_store(tmp_path: Path, kg: Kg, model_loaded_once: None) -> None:
    bad = _with_latin1(tmp_path / "articles")
    store = tmp_path / "store"
    result = kg("build", bad.parent, "--store", store, "--strict", "-j", "1")
    assert result.exit_code == 2
    assert one_line_error(result) == f"Error: {bad}: not valid UTF-8 (byte 3)"
    assert listing(store) == []


def test_strict_build_fails_on_non_utf8_and_leaves_the_store_unchanged(tmp_path: Path, small_store: Path,
                                                                       kg: Kg) -> None:
    before = nquads(small_store)
    bad = _with_latin1(tmp_path / "other")
    result = kg("build", bad.parent, "--store", small_store, "--strict", "-j", "1")
    assert result.exit_code == 2
    assert str(bad) in one_line_error(result)
    assert nquads(small_store) == before


def test_two_articles_with_the_same_id_are_refused(tmp_path: Path, kg: Kg) -> None:
    one = write_articles(tmp_path / "one", {"same": TINY["alpha"]})
    two = write_articles(tmp_path / "two", {"same": TINY["beta"]})
    store = tmp_path / "store"
    result = kg("build", one, two, "--store", store)
    assert result.exit_code == 2
    error = one_line_error(result)
    assert "article id 'same'" in error and str(two / "same.txt") in error
    assert listing(store) == []


def test_build_needs_a_path(kg: Kg) -> None:
    result = kg("build")
    assert result.exit_code == 2
    assert "Missing argument 'PATHS...'" in result.stderr


# -- incremental builds ------------------------------------------------------------------------------
def test_incremental_build_reparses_only_what_changed_and_drops_deleted_articles(
        tmp_path: Path, kg: Kg, model_loaded_once: None) -> None:
    first, second = SEED_IDS[:2]
    folder = copy_seeds(tmp_path / "articles", [first, second])
    store = tmp_path / "store"

    result = kg("build", folder, "--store", store, "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert "2 articles, 2 parsed, 0 unchanged, 3 graphs written" in result.stderr
    built = nquads(store)

    result = kg("build", folder, "--store", store, "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert "2 articles, 0 parsed, 2 unchanged, 0 graphs written" in result.stderr
    assert nquads(store) == built

    changed = folder / f"{second}.txt"
    changed.write_text(changed.read_text(encoding="utf-8")
                       + "“We will stay as long as we are needed,” Lloyd Austin said on Friday.\n", encoding="utf-8")
    result = kg("build", folder, "--store", store, "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert "2 articles, 1 parsed, 1 unchanged" in result.stderr
    quotes = sparql_rows(store, "PREFIX kg: <https://w3id.org/kg/ontology#> "
                                "SELECT ?q WHERE { ?s kg:content ?q }")
    assert any("as long as we are needed" in r["q"] for r in quotes)

    (folder / f"{first}.txt").unlink()
    result = kg("build", folder, "--store", store, "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert "1 articles, 0 parsed, 1 unchanged, 1 removed" in result.stderr
    assert f"https://w3id.org/kg/id/graph/article/{first}" not in graph_names(store)
    assert f"https://w3id.org/kg/id/graph/article/{second}" in graph_names(store)
    assert article_ids(store) == [second]
    stats = kg("stats", "--store", store)
    assert stats.exit_code == 0 and first not in stats.stdout and second in stats.stdout


def test_base_changes_every_instance_iri(tiny_folder: Path, tmp_path: Path, kg: Kg, model_loaded_once: None) -> None:
    store = tmp_path / "store"
    result = kg("build", tiny_folder, "--store", store, "--base", "http://example.org/x/", "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert graph_names(store) == ["http://example.org/x/graph/article/alpha", "http://example.org/x/graph/article/beta",
                                  "http://example.org/x/graph/resolution"]
    data = nquads(store).decode("utf-8")
    assert "<http://example.org/x/article/alpha>" in data
    assert "https://w3id.org/kg/id/" not in data

    # Back to the default base: nothing is parsed again, but every graph is rewritten.
    result = kg("build", tiny_folder, "--store", store, "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert "2 articles, 0 parsed, 2 unchanged, 3 graphs written" in result.stderr
    data = nquads(store).decode("utf-8")
    assert "http://example.org/x/" not in data
    assert "<https://w3id.org/kg/id/article/alpha>" in data


def test_base_must_be_an_absolute_iri(tiny_folder: Path, tmp_path: Path, kg: Kg) -> None:
    store = tmp_path / "store"
    result = kg("build", tiny_folder, "--store", store, "--base", "not-an-iri")
    assert result.exit_code == 2
    assert "--base 'not-an-iri': not an absolute IRI" in one_line_error(result)
    assert listing(store) == []


@pytest.mark.parametrize("base", ["http://example.org/a b/", "http://example.org/<x>/", "http://example.org/a\nb/"])
def test_a_base_that_is_no_iri_is_refused_before_anything_is_written(base: str, tiny_folder: Path, tmp_path: Path,
                                                                     kg: Kg) -> None:
    """Mapping writes IRIs into N-Quads text unchecked: a base with a space or a bracket must be refused
    up front, not at the store's parser half way through a build (or pasted into SPARQL Update text)."""
    store = tmp_path / "store"
    result = kg("build", tiny_folder, "--store", store, "--base", base)
    assert result.exit_code == 2
    assert "not a valid IRI" in one_line_error(result)
    assert listing(store) == []


def test_a_failed_build_does_not_leave_the_records_cache_vouching_for_new_records(
        tmp_path: Path, kg: Kg, model_loaded_once: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Records are cached as articles are parsed, before a later batch can fail a --strict build."""
    from kg import build as build_module

    monkeypatch.setattr(build_module, "BATCH_SIZE", 1)  # one article per batch: alpha is cached before zz fails
    folder = write_articles(tmp_path / "articles", {"alpha": TINY["alpha"]})
    store = tmp_path / "store"
    assert kg("build", folder, "--store", store, "-j", "1").exit_code == 0

    write_articles(folder, {"alpha": "“We leave now,” Lloyd Austin said on Friday.\n"})
    (folder / "zz.txt").write_bytes("Caf\u00e9.\n".encode("latin-1"))
    assert kg("build", folder, "--store", store, "--strict", "-j", "1").exit_code == 2

    (folder / "zz.txt").unlink()
    write_articles(folder, {"alpha": TINY["alpha"], "beta": TINY["beta"]})  # alpha as first built, and a new one
    result = kg("build", folder, "--store", store, "-j", "1")
    assert result.exit_code == 0, result.stderr
    quotes = " ".join(r["q"] for r in sparql_rows(store, "PREFIX kg: <https://w3id.org/kg/ontology#> "
                                                         "SELECT ?q WHERE { ?s kg:content ?q }"))
    assert "We leave now" not in quotes
    assert "The talks were useful" in quotes


def test_an_incremental_build_exports_the_same_bytes_as_a_full_one(
        tmp_path: Path, seed_store: BuiltStore, model_loaded_once: None) -> None:
    """Export order comes from the store's indexes, not from the order graphs were written in."""
    folder = copy_seeds(tmp_path / "articles", SEED_IDS[:3])
    store = tmp_path / "store"
    assert run_kg("build", folder, "--store", store, "--jobs", "1").exit_code == 0
    copy_seeds(folder)  # the other two arrive later
    assert run_kg("build", folder, "--store", store, "--jobs", "1").exit_code == 0
    for fmt in ("turtle", "nquads"):
        incremental = run_kg("export", "--format", fmt, "--store", store)
        full = run_kg("export", "--format", fmt, "--store", seed_store.path)
        assert incremental.stdout_bytes == full.stdout_bytes, fmt


def test_a_build_parsed_by_worker_processes_is_the_build_of_one_process(
        tmp_path: Path, seed_store: BuiltStore, model_loaded_once: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """With --jobs 2 the articles are parsed by worker processes, which write their records: the same
    quads, copies and manifest as the one-process build."""
    import json

    from kg import build as build_module

    monkeypatch.setattr(build_module, "BATCH_SIZE", 4)  # five seeds: five batches of one, in two processes
    assert len(build_module._batches(SEED_IDS, 2)) == 5
    store = tmp_path / "store"
    result = run_kg("build", SEEDS, "--store", store, "--jobs", "2")
    assert result.exit_code == 0, result.stderr
    assert nquads(store) == nquads(seed_store.path)
    ours = json.loads((store / "manifest.json").read_text(encoding="utf-8"))["articles"]
    theirs = json.loads((seed_store.path / "manifest.json").read_text(encoding="utf-8"))["articles"]
    keep = ("graph", "copy", "sig", "key")
    assert {a: {k: e[k] for k in keep} for a, e in ours.items()} == \
        {a: {k: e[k] for k in keep} for a, e in theirs.items()}
    assert listing(store / "graphs") == listing(seed_store.path / "graphs")
    for aid in SEED_IDS:
        assert (store / "graphs" / f"{aid}.nt").read_bytes() == (seed_store.path / "graphs" / f"{aid}.nt").read_bytes()
    for fmt in ("turtle", "ntriples"):  # the export from the copies, trusted on both
        assert run_kg("export", "--format", fmt, "--store", store).stdout_bytes == \
            run_kg("export", "--format", fmt, "--store", seed_store.path).stdout_bytes


def test_batches_are_smaller_at_the_end_with_several_processes() -> None:
    from kg.build import BATCH_SIZE, _batches

    paths = [f"a{i:04d}" for i in range(1000)]
    two = _batches(paths, 2)
    assert [p for b in two for p in b] == paths
    sizes = [len(b) for b in two]
    small = sizes.index(BATCH_SIZE // 4)
    assert set(sizes[:small]) == {BATCH_SIZE} and set(sizes[small:]) == {BATCH_SIZE // 4}
    assert 2 * BATCH_SIZE < sum(sizes[small:]) <= 4 * BATCH_SIZE  # the last articles, for two processes
    one = _batches(paths, 1)
    assert [p for b in one for p in b] == paths and {len(b) for b in one[:-1]} == {BATCH_SIZE}
    assert _batches([], 2) == []


def test_records_that_cannot_be_written_stop_the_build_with_one_line(
        tmp_path: Path, kg: Kg, model_loaded_once: None) -> None:
    folder = write_articles(tmp_path / "articles", {"alpha": TINY["alpha"]})
    store = tmp_path / "store"
    (store / "records").mkdir(parents=True)
    (store / "records" / "alpha.json.tmp").mkdir()  # where the records are written first
    result = kg("build", folder, "--store", store, "-j", "1")
    assert result.exit_code == 2
    message = one_line_error(result)
    assert "alpha.json" in message and "cannot write" in message


def test_a_store_loaded_in_bulk_is_compacted_once_and_an_update_is_not(
        tmp_path: Path, kg: Kg, model_loaded_once: None, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.store import GraphStore

    calls: list[Path] = []
    original = GraphStore.optimize

    def spy(self: GraphStore) -> None:
        calls.append(self.path)
        original(self)

    monkeypatch.setattr(GraphStore, "optimize", spy)
    folder = copy_seeds(tmp_path / "articles", SEED_IDS[:1])
    store = tmp_path / "store"
    assert kg("build", folder, "--store", store, "-j", "1").exit_code == 0
    assert len(calls) == 1
    built = nquads(store)
    assert kg("build", folder, "--store", store, "-j", "1").exit_code == 0  # nothing changed
    article = next(folder.glob("*.txt"))
    article.write_text(article.read_text(encoding="utf-8") + "Officials said the talks would resume.\n",
                       encoding="utf-8")
    assert kg("build", folder, "--store", store, "-j", "1").exit_code == 0  # an update, not a bulk load
    assert len(calls) == 1 and nquads(store) != built


def _reads_of(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[str]:
    """The article files under ``folder`` whose bytes are read (hashed) from now on."""
    reads: list[str] = []
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.parent == folder:
            reads.append(self.name)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return reads


def test_files_the_last_build_saw_unchanged_are_not_read_again(
        tmp_path: Path, kg: Kg, model_loaded_once: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unchanged re-build of a large archive was mostly hashing files: one whose size and modification time
    are those the last build saw is taken as unchanged. An edit changes the time, and is seen even when the
    size stays the same."""
    first, second = SEED_IDS[:2]
    folder = copy_seeds(tmp_path / "articles", [first, second])
    an_hour_ago = time.time_ns() - 3600 * 10**9
    for f in folder.iterdir():
        os.utime(f, ns=(an_hour_ago, an_hour_ago))
    store = tmp_path / "store"
    assert kg("build", folder, "--store", store, "-j", "1").exit_code == 0
    reads = _reads_of(monkeypatch, folder)
    result = kg("build", folder, "--store", store, "-j", "1")
    assert "2 articles, 0 parsed, 2 unchanged, 0 graphs written" in result.stderr
    assert reads == []

    changed = folder / f"{second}.txt"
    text = changed.read_text(encoding="utf-8")
    changed.write_text(text.replace("said", "SAID", 1), encoding="utf-8")  # (the same size)
    os.utime(changed, ns=(an_hour_ago + 10**9, an_hour_ago + 10**9))
    result = kg("build", folder, "--store", store, "-j", "1")
    assert "2 articles, 1 parsed, 1 unchanged" in result.stderr
    assert reads.count(f"{second}.txt") >= 1 and f"{first}.txt" not in reads


def test_a_same_size_edit_in_the_same_clock_tick_as_the_last_build_is_seen(
        tmp_path: Path, kg: Kg, model_loaded_once: None) -> None:
    """A file written just before a build, then edited to the same size with the same modification time (a
    coarse file-system clock): its time is too close to that build's for the size and time to vouch for it."""
    first, second = SEED_IDS[:2]
    folder = copy_seeds(tmp_path / "articles", [first, second])
    store = tmp_path / "store"
    assert kg("build", folder, "--store", store, "-j", "1").exit_code == 0
    changed = folder / f"{second}.txt"
    st = changed.stat()
    changed.write_text(changed.read_text(encoding="utf-8").replace("said", "SAID", 1), encoding="utf-8")
    os.utime(changed, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert changed.stat().st_size == st.st_size
    result = kg("build", folder, "--store", store, "-j", "1")
    assert "2 articles, 1 parsed, 1 unchanged" in result.stderr


def test_a_changed_article_parsed_by_a_worker_while_the_state_is_read_ahead_builds_the_same_graph(
        tmp_path: Path, model_loaded_once: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """With --jobs 2, one changed article is parsed by a worker process while the build reads ahead the groups
    its entities were in; the graph is the one a build in one process makes of the same change."""
    from kg.incremental import State

    stores = {}
    for jobs in ("1", "2"):
        folder = copy_seeds(tmp_path / f"articles-{jobs}", SEED_IDS[:3])
        store = stores[jobs] = tmp_path / f"store-{jobs}"
        assert run_kg("build", folder, "--store", store, "-j", jobs).exit_code == 0
        changed = folder / f"{SEED_IDS[1]}.txt"
        changed.write_text(changed.read_text(encoding="utf-8") + "\nLater, Lloyd Austin met Hassan Nasrallah.\n",
                           encoding="utf-8")
        read_ahead: list[list[str]] = []

        def prefetch(self: State, aids: Iterable[str], seen: list[list[str]] = read_ahead,
                     real: Any = State.prefetch) -> None:
            seen.append(list(aids))
            real(self, seen[-1])

        monkeypatch.setattr(State, "prefetch", prefetch)
        result = run_kg("build", folder, "--store", store, "-j", jobs)
        assert "3 articles, 1 parsed, 2 unchanged" in result.stderr
        assert read_ahead == [[SEED_IDS[1]]]
        monkeypatch.undo()
    assert nquads(stores["1"]) == nquads(stores["2"])


def test_an_early_worker_not_needed_is_stopped_without_waiting_for_the_model(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A re-build starts loading the model in a worker before it knows whether anything changed: when
    nothing did, the worker is stopped at once, whatever the model is doing."""
    import threading

    import kg.nlp
    from kg.build import _EarlyWorker

    monkeypatch.setattr(kg.nlp, "load_model", lambda name: threading.Event().wait())  # (never returns)
    worker = _EarlyWorker("any")
    worker.close()
    assert not worker._proc.is_alive() and worker._proc.exitcode is not None


def test_an_early_worker_that_cannot_load_the_model_reports_why(monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path) -> None:
    import kg.nlp
    from kg.build import _EarlyWorker
    from kg.errors import ModelError

    def broken(name: str) -> None:
        raise ModelError(f"cannot load spaCy model {name!r}: no such package")

    monkeypatch.setattr(kg.nlp, "load_model", broken)
    worker = _EarlyWorker("en_missing")
    try:
        worker.send(["a.txt"], tmp_path)
        with pytest.raises(ModelError, match="en_missing"):
            worker.receive()
    finally:
        worker.close()


def test_an_early_worker_that_dies_is_a_one_line_error(tmp_path: Path) -> None:
    from kg.build import _EarlyWorker
    from kg.errors import KgError

    worker = _EarlyWorker("any")
    worker._proc.kill()  # (as the kernel does when memory runs out)
    worker._proc.join()
    try:
        with pytest.raises(KgError, match="worker process .* stopped"):
            worker.send(["a.txt"], tmp_path)
            worker.receive()
    finally:
        worker.close()
