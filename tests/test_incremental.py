"""Incremental builds read what resolution needs from caches (the resolution state, kg.incremental) and must
still give, byte for byte, the graph of a full build, whatever state an earlier build left them in."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SEED_IDS, BuiltStore, copy_seeds, nquads, run_kg

from kg.store import GraphStore


class _Stop(Exception):
    pass


def _build_stopped_at(monkeypatch: pytest.MonkeyPatch, method: str, folder: Path, store: Path) -> None:
    """Run a build that dies (as on Ctrl-C or a crash) when it reaches ``GraphStore.<method>``."""

    def stop(*args: object, **kwargs: object) -> None:
        raise _Stop

    with monkeypatch.context() as m:
        m.setattr(GraphStore, method, stop)
        with pytest.raises(_Stop):
            run_kg("build", folder, "--store", store, "--jobs", "1")

def test_the_summary_made_at_parse_time_is_the_one_made_from_the_cached_records(seed_store: BuiltStore) -> None:
    """A parsed article's summary is made from its records in memory; a later build that lacks it makes
    it from the records file. Both must be the same, or resolution would depend on which build ran."""
    from kg.records import ArticleRecords, ArticleSummary

    gs = GraphStore(seed_store.path, read_only=True)
    cached = gs.summaries()
    assert sorted(cached) == SEED_IDS
    for aid in SEED_IDS:
        data = gs.load_records(aid)
        assert data is not None
        from_file = ArticleSummary.of(ArticleRecords.from_json(data))
        assert cached[aid][1] == from_file.to_json()
        assert ArticleSummary.from_json(cached[aid][1]) == from_file
        assert from_file.entities  # a summary with something in it


def test_stale_summaries_are_not_trusted(tmp_path: Path, seed_store: BuiltStore, model_loaded_once: None) -> None:
    folder = copy_seeds(tmp_path / "articles", SEED_IDS[:3])
    store = tmp_path / "store"
    assert run_kg("build", folder, "--store", store, "--jobs", "1").exit_code == 0
    gs = GraphStore(store)
    cached = gs.summaries()
    assert sorted(cached) == SEED_IDS[:3]
    # A summary left by a build of other content (another key) names someone the article does not.
    key, text = cached[SEED_IDS[0]]
    summary = json.loads(text)
    for ent in summary["entities"]:
        ent["name"] = "Nobody Atall"
    cached[SEED_IDS[0]] = ("0" * 64 + key[64:], json.dumps(summary))
    # and one whose text is damaged (a disk error): made again from the records, not trusted
    cached[SEED_IDS[1]] = (cached[SEED_IDS[1]][0], cached[SEED_IDS[1]][1][:40])
    gs.save_summaries(cached)
    # and a state the manifest does not name (a build stopped after it): resolution starts again from the
    # summaries, which must then be checked
    gs.resolution_state().set_meta("token", "another build's")
    del gs

    copy_seeds(folder)  # the other two arrive: resolution runs again over all five
    assert run_kg("build", folder, "--store", store, "--jobs", "1").exit_code == 0
    assert b"Nobody Atall" not in nquads(store)
    assert nquads(store) == nquads(seed_store.path)
    keys = json.loads((store / "manifest.json").read_text(encoding="utf-8"))["articles"]
    cached = GraphStore(store, read_only=True).summaries()
    assert {aid: e[0] for aid, e in cached.items()} == {aid: e["key"] for aid, e in keys.items()}


def test_a_build_stopped_while_writing_the_resolution_graph_is_completed_by_the_next(
        tmp_path: Path, seed_store: BuiltStore, model_loaded_once: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The state is changed in a transaction that ends after the graphs are written: a build stopped in
    between leaves the state of the build before, which the manifest no longer names (the resolution
    graph may already be half new), and the next build resolves everything and diffs the store."""
    folder = copy_seeds(tmp_path / "articles", SEED_IDS[:3])
    store = tmp_path / "store"
    assert run_kg("build", folder, "--store", store, "--jobs", "1").exit_code == 0
    before = nquads(store)
    token = json.loads((store / "manifest.json").read_text())["@resolution"]
    copy = GraphStore(store).graph_copy(token)
    assert copy is not None

    copy_seeds(folder)
    _build_stopped_at(monkeypatch, "change_graph", folder, store)
    # the article graphs of the new articles may be in; the state is the old one, and no longer trusted
    assert "@resolution" not in json.loads((store / "manifest.json").read_text())
    assert GraphStore(store).graph_copy(token) == copy
    assert nquads(store) != before

    assert run_kg("build", folder, "--store", store, "--jobs", "1").exit_code == 0
    assert nquads(store) == nquads(seed_store.path)


def test_patching_from_the_copy_or_from_the_store_gives_the_same_graph(tmp_path: Path) -> None:
    from pyoxigraph import Literal, NamedNode, Quad

    g = "http://example.org/g"

    def lines(*objects: str) -> list[str]:
        return sorted(str(Quad(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"), Literal(o),
                               NamedNode(g))) for o in objects)

    # raw U+2028 and U+0085 stay raw in N-Triples: the copy must not take them for line ends
    old, new = lines("a", "b \"quoted\"\nline", "c\u2028c\x85c"), lines("a", "c\u2028c\x85c", "d")
    results = []
    for how in ("store", "copy", "nodes"):
        gs = GraphStore(tmp_path / how, create=True)
        gs.patch_graph(g, old)
        gs.save_graph_copy("d1", "h", {"entity x": ("1", old[:2]), "entity y": ("2", old[1:])})
        copy = gs.graph_copy("d1")
        assert copy == ("h", {"entity x": ("1", old[:2]), "entity y": ("2", old[1:])})
        assert gs.graph_copy("d2") is None
        if how == "nodes":  # node y lets go of a line node x holds too, and takes one x has: neither changes
            state = gs.resolution_state()
            state.begin()
            gone, added = state.put_nodes({"entity y": ("3", [old[0], old[2], new[2]])})
            state.commit("d2")
            assert (gone, added) == ([], [new[2]])
            assert gs.change_graph(g, gone, added) == 1
            assert state.lines_count() == 4
        else:
            before = {line for _, node_lines in copy[1].values() for line in node_lines} if how == "copy" else None
            assert gs.patch_graph(g, new, before) == 2  # one gone, one added
        results.append(sorted(map(str, gs.quads())))
    assert results[0] == results[1] == new
    assert results[2] == sorted({*old, new[2]})


def test_an_entity_renamed_by_a_new_article_is_remapped_from_the_copy(
        tmp_path: Path, seed_store: BuiltStore, model_loaded_once: None) -> None:
    """Articles arriving one by one: each build maps again only the resolution nodes that changed and
    takes the others from the copy; the graph is still the full build's."""
    folder = copy_seeds(tmp_path / "articles", SEED_IDS[:1])
    store = tmp_path / "store"
    assert run_kg("build", folder, "--store", store, "--jobs", "1").exit_code == 0
    for aid in SEED_IDS[1:]:
        copy_seeds(folder, [aid])
        assert run_kg("build", folder, "--store", store, "--jobs", "1").exit_code == 0
        manifest = json.loads((store / "manifest.json").read_text(encoding="utf-8"))
        assert GraphStore(store).graph_copy(manifest["@resolution"]) is not None
    assert nquads(store) == nquads(seed_store.path)


# -- the copies of the article graphs that `kg export` reads -----------------------------------------
def _union(store: Path) -> set[object]:
    gs = GraphStore(store, read_only=True)
    return {q.triple for q in gs.quads()}


def _turtle(store: Path) -> bytes:
    result = run_kg("export", "--format", "turtle", "--store", store)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


def test_an_incremental_build_exports_from_its_copies_the_bytes_of_a_full_build(
        tmp_path: Path, seed_store: BuiltStore, model_loaded_once: None) -> None:
    import pyoxigraph

    from kg.export import cached_union

    folder = copy_seeds(tmp_path / "articles", SEED_IDS[:3])
    store = tmp_path / "store"
    assert run_kg("build", folder, "--store", store, "--jobs", "1").exit_code == 0
    copy_seeds(folder)
    assert run_kg("build", folder, "--store", store, "--jobs", "1").exit_code == 0
    for built in (store, seed_store.path):
        lines = cached_union(GraphStore(built, read_only=True))
        assert lines is not None, f"{built}: the export would not read the copies"
        assert lines == sorted(lines)
    assert _turtle(store) == _turtle(seed_store.path)
    parsed = {q.triple for q in pyoxigraph.parse(_turtle(store), format=pyoxigraph.RdfFormat.TURTLE)}
    assert parsed == _union(store)

    # A deleted article takes its copy away with its graph; the export still reads the copies.
    gone = SEED_IDS[0]
    assert GraphStore(store, read_only=True).article_copy_file(gone).exists()
    (folder / f"{gone}.txt").unlink()
    assert run_kg("build", folder, "--store", store, "--jobs", "1").exit_code == 0
    gs = GraphStore(store, read_only=True)
    assert not gs.article_copy_file(gone).exists()
    assert sorted(p.stem for p in (store / "graphs").iterdir()) == SEED_IDS[1:]
    assert cached_union(gs) is not None
    del gs
    parsed = {q.triple for q in pyoxigraph.parse(_turtle(store), format=pyoxigraph.RdfFormat.TURTLE)}
    assert parsed == _union(store)


def test_a_build_stopped_before_its_manifest_exports_from_the_store(
        tmp_path: Path, model_loaded_once: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """New copies and graphs written, the manifest still the previous build's: the export must not
    trust the copies, and reads the store."""
    import pyoxigraph

    from kg.export import cached_union

    folder = copy_seeds(tmp_path / "articles", SEED_IDS[:3])
    store = tmp_path / "store"
    assert run_kg("build", folder, "--store", store, "--jobs", "1").exit_code == 0

    copy_seeds(folder)
    save = GraphStore.save_manifest

    def stop_at_the_last(self: GraphStore, manifest: dict[str, object]) -> None:
        if "@resolution" in manifest:  # (the one that ends the build; the earlier one withdraws the state)
            raise _Stop
        save(self, manifest)

    with monkeypatch.context() as m:
        m.setattr(GraphStore, "save_manifest", stop_at_the_last)
        with pytest.raises(_Stop):
            run_kg("build", folder, "--store", store, "--jobs", "1")
    gs = GraphStore(store, read_only=True)
    assert len(list((store / "graphs").iterdir())) == len(SEED_IDS)
    assert cached_union(gs) is None
    del gs
    parsed = {q.triple for q in pyoxigraph.parse(_turtle(store), format=pyoxigraph.RdfFormat.TURTLE)}
    assert parsed == _union(store)


def test_records_json_is_dataclasses_asdict_json_and_round_trips(seed_store: BuiltStore) -> None:
    """Records are written by a hand-made asdict (no deep copies): the same JSON as the library's, and
    reading a records file and writing it again gives the same bytes."""
    import dataclasses

    from kg.records import ArticleRecords, ArticleSummary

    gs = GraphStore(seed_store.path, read_only=True)
    for aid in SEED_IDS:
        data = gs.load_records(aid)
        assert data is not None
        rec = ArticleRecords.from_json(data)
        assert rec.to_json() == data
        assert data == json.dumps(dataclasses.asdict(rec), ensure_ascii=False, sort_keys=True)
        summary = ArticleSummary.of(rec)
        assert summary.to_dict() == json.loads(json.dumps(dataclasses.asdict(summary)))


def _reported_quads(result: object) -> int:
    import re

    out = result.stdout + result.stderr  # type: ignore[attr-defined]
    found = re.findall(r"(\d+) triples in the store", out)
    assert found, out
    return int(found[-1])


def test_the_reported_quad_count_is_the_stores_after_every_kind_of_build(
        tmp_path: Path, model_loaded_once: None) -> None:
    """The count comes from the manifest's per-graph counts, not from reading the store: it must still
    be the store's own count after a full, a changed, an added, a deleted and an unchanged build, and a
    manifest written before the counts existed falls back to counting the store."""
    folder = copy_seeds(tmp_path / "articles", SEED_IDS[:3])
    store = tmp_path / "store"

    def build_and_check() -> None:
        result = run_kg("build", folder, "--store", store, "--jobs", "1")
        assert result.exit_code == 0, result.stderr
        assert _reported_quads(result) == len(GraphStore(store, read_only=True))

    build_and_check()
    first = folder / f"{SEED_IDS[0]}.txt"
    first.write_text(first.read_text(encoding="utf-8") + "\nThe mayor, Ana Ruiz, said the bridge would reopen.\n",
                     encoding="utf-8")
    build_and_check()  # changed
    copy_seeds(folder, [SEED_IDS[3]])
    build_and_check()  # added
    (folder / f"{SEED_IDS[1]}.txt").unlink()
    build_and_check()  # deleted
    build_and_check()  # unchanged

    manifest_file = store / "manifest.json"
    manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    for entry in manifest["articles"].values():
        del entry["quads"]
    manifest_file.write_text(json.dumps(manifest), encoding="utf-8")
    build_and_check()  # unchanged, counted from the store


def test_dropping_an_overrides_file_resolves_everything_again(
        tmp_path: Path, seed_store: BuiltStore, model_loaded_once: None) -> None:
    """The resolution state a build keeps is the overrides' result: the next build without them must not
    update it article by article (no article changed), but resolve everything again."""
    folder = copy_seeds(tmp_path / "articles")
    store = tmp_path / "store"
    overrides = tmp_path / "overrides.toml"
    overrides.write_text('[[same]]\nnames = ["Pentagon", "Fatah Alliance"]\n', encoding="utf-8")
    assert run_kg("build", folder, "--store", store, "--jobs", "1", "--overrides", overrides).exit_code == 0
    assert nquads(store) != nquads(seed_store.path)
    assert run_kg("build", folder, "--store", store, "--jobs", "1").exit_code == 0
    assert nquads(store) == nquads(seed_store.path)


def test_a_build_stopped_as_its_state_commits_is_repaired_by_the_next(
        tmp_path: Path, seed_store: BuiltStore, model_loaded_once: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Graphs written, the state's transaction not committed (Ctrl-C, a locked database): the resolution
    graph holds the stopped build's quads, which the old state does not describe. The next build (the
    edit reverted) must not patch the graph from that state, and gives the full build's graph."""
    from kg.incremental import State

    folder = copy_seeds(tmp_path / "articles")
    store = tmp_path / "store"
    assert run_kg("build", folder, "--store", store, "--jobs", "1").exit_code == 0
    first = folder / f"{SEED_IDS[0]}.txt"
    text = first.read_text(encoding="utf-8")
    first.write_text(text + "\nJohn Kirby, also known as Johnny Kirby, spoke to Reuters on Monday.\n", encoding="utf-8")
    commit = State.commit

    def stop(self: State, token: str | None = None) -> str:
        if self.db.in_transaction:
            raise _Stop
        return commit(self, token)

    with monkeypatch.context() as m:
        m.setattr(State, "commit", stop)
        with pytest.raises(_Stop):
            run_kg("build", folder, "--store", store, "--jobs", "1")
    first.write_text(text, encoding="utf-8")
    assert run_kg("build", folder, "--store", store, "--jobs", "1").exit_code == 0
    assert nquads(store) == nquads(seed_store.path)
