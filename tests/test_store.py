"""The store's background bulk loader: everything put is loaded, and a failure reaches the caller
instead of hanging the build or passing unnoticed."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.store import GraphStore


def _chunk(i: int, n: int = 50) -> bytes:
    return "".join(f'<http://e/s{i}_{k}> <http://e/p> "{k}" <http://e/g{i}> .\n' for k in range(n)).encode()


def test_the_loader_loads_every_chunk_put(tmp_path: Path) -> None:
    gs = GraphStore(tmp_path / "s", create=True)
    with gs.bulk_loader() as loader:
        for i in range(20):
            loader.put(_chunk(i))
        loader.put(b"")
    assert len(gs) == 20 * 50
    assert len(gs.graph_names()) == 20


def test_a_failed_load_is_raised_in_the_caller_and_later_puts_do_not_block(tmp_path: Path) -> None:
    gs = GraphStore(tmp_path / "s", create=True)
    with pytest.raises(StoreError, match="write failed"):  # noqa: PT012 - the error may surface at a put or on leaving
        with gs.bulk_loader() as loader:
            loader.put(b"<http://e/s> <http://e/p> not a term .\n")
            for i in range(50):  # more than the queue holds: would block forever if the thread had died
                loader.put(_chunk(i))


def test_an_error_in_the_caller_is_not_masked_and_the_thread_ends(tmp_path: Path) -> None:
    gs = GraphStore(tmp_path / "s", create=True)
    loader = gs.bulk_loader()
    with pytest.raises(KeyError), loader:
        loader.put(_chunk(0))
        raise KeyError("mapping failed")
    assert not loader._thread.is_alive()


def test_updates_refuse_a_quad_of_another_graph_and_write_nothing(tmp_path: Path) -> None:
    gs = GraphStore(tmp_path / "s", create=True)
    ok = '<http://e/s> <http://e/p> "x" <http://e/g>'
    stray = '<http://e/s> <http://e/p> "y" <http://e/other>'
    for write in (lambda: gs.replace_graphs([("http://e/g", [ok, stray])]),
                  lambda: gs.patch_graph("http://e/g", [ok, stray], set()),
                  lambda: gs.patch_graph("http://e/g", [ok], {stray})):
        with pytest.raises(StoreError, match="a quad outside <http://e/g>"):
            write()
    assert len(gs) == 0
    gs.patch_graph("http://e/g", [ok], set())
    assert [str(q) for q in gs.quads()] == [ok]
