"""`kg build`: articles in, graph out. Streaming, parallel and incremental.

1. List the article files (a missing path or an empty folder is an error before anything is written).
2. An article whose content hash, model and extractor version match the manifest is not parsed
   again: its records come from the cache. The others are parsed by the spaCy model, in worker
   processes when ``jobs > 1``, streamed in batches (memory does not grow with the corpus).
3. Cross-article resolution: after a few changed articles, :func:`kg.incremental.update` regroups only
   the entities and event tellings they reach, from the state the last build kept; otherwise it runs
   over every article's summary (:class:`kg.records.ArticleSummary`; an unchanged article's records are
   not read again). Each article's quads are mapped and written only when its records or the global ids
   of its entities and events changed; a deleted article's graph is dropped; the resolution graph is
   patched node by node. The state changes in one transaction committed just before the manifest is
   saved, and is trusted only when the manifest names its token.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import shutil
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ParamSpec

from kg import EXTRACTOR_VERSION
from kg.errors import InputError, KgError
from kg.iris import Iris
from kg.mapping_version import MAPPING_VERSION
from kg.namespace import DEFAULT_BASE
from kg.records import ArticleRecords, ArticleSummary
from kg.store import MANIFEST, GraphStore, graph_digest, store_path
from kg.text import iter_article_paths, read_article

BATCH_SIZE = 32  # measured: 32 is faster than 128 on the small model and uses a third of the memory
RESOLUTION = "@resolution"  # manifest key of the resolution graph's digest
RESOLUTION_QUADS = "@resolution-quads"  # and of its number of quads
BULK_QUADS = 100_000  # quads held in memory before a bulk load into a fresh store
UPDATE_QUADS = 20_000  # quads of changed graphs written per transaction
INCREMENTAL_MAX = 50  # articles changed (or 5% of the corpus) beyond which resolution starts from scratch


@dataclass
class BuildReport:
    articles: int = 0
    parsed: int = 0
    reused: int = 0
    dropped: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one-line warnings for unreadable articles
    graphs_written: int = 0
    quads: int = 0

    def summary(self) -> str:
        parts = [f"{self.articles} articles", f"{self.parsed} parsed", f"{self.reused} unchanged"]
        if self.dropped:
            parts.append(f"{len(self.dropped)} removed")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        parts.append(f"{self.graphs_written} graphs written, {self.quads} triples in the store")
        return ", ".join(parts)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


SCANNED = "@scanned"  # manifest: when the last build began to look at the files (ns since the epoch)
RACY_NS = 2_000_000_000  # files modified this close to that are read again (clocks of coarse file systems)


def cache_key(sha256: str, model: str) -> str:
    return f"{sha256}:{model}:{EXTRACTOR_VERSION}"


# -- parsing ---------------------------------------------------------------------------------------
_WORKER_NLP: Any = None


def _init_worker(model: str) -> None:
    global _WORKER_NLP
    from kg.nlp import load_model

    _WORKER_NLP = load_model(model)


Parsed = tuple[str, str | None, str]  # path, summary JSON (None after an error), error message


def _parse_batch(nlp: Any, paths: Sequence[str], records_dir: Path) -> list[Parsed]:
    """(path, summary, error message) for each path, parsed with ``nlp.pipe``; the article's records
    are written to ``records_dir`` here, in the parsing process (with several processes, the build's
    own process has less to do while they parse). The summary is made from the records in memory, so
    that the build does not decode them again to make it; it is None after an error."""
    from kg.extract import extract
    from kg.store import save_records
    from kg.text import clean_text

    out: list[Parsed] = []
    articles = []
    for p in paths:
        try:
            articles.append(read_article(p))
        except InputError as exc:
            out.append((p, None, str(exc)))
    for article, doc in zip(articles, nlp.pipe((clean_text(a) for a in articles), batch_size=BATCH_SIZE),
                            strict=True):
        try:
            rec = extract(doc, article)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a corpus build
            out.append((article.path, None, f"{article.path}: extraction failed: {type(exc).__name__}: {exc}"))
            continue
        save_records(records_dir, Path(article.path).stem, rec.to_json())  # (a full disk stops the build)
        out.append((article.path, ArticleSummary.of(rec).to_json(), ""))
    return out


def _worker_batch(paths: Sequence[str], records_dir: Path) -> list[Parsed]:
    return _parse_batch(_WORKER_NLP, paths, records_dir)


class _EarlyWorker:
    """A worker process that starts loading the model when a re-build starts, before the build knows which
    articles changed. Loading takes 2 s; meanwhile the build looks at its files (0.7 s at 10k articles) and
    reads ahead what resolving the changed ones again will read (0.5 s), while the second core would
    otherwise be idle. It parses the articles of an incremental build (one batch); when there are none, or
    many (the pool parses those), it is stopped unused, without waiting for the model."""

    def __init__(self, model: str) -> None:
        import multiprocessing

        ctx = multiprocessing.get_context("fork")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_early_worker_main, args=(child, model), daemon=True)
        self._proc.start()
        child.close()

    STOPPED = "the worker process that parses the articles stopped (out of memory?); run again, or with --jobs 1"

    def send(self, paths: Sequence[str], records_dir: Path) -> None:
        try:
            self._conn.send((list(paths), records_dir))
        except OSError:  # (a broken pipe: it died loading the model)
            raise KgError(self.STOPPED) from None

    def receive(self) -> list[Parsed]:
        try:
            result = self._conn.recv()
        except (EOFError, OSError):
            raise KgError(self.STOPPED) from None
        if isinstance(result, BaseException):
            raise result
        return result

    def close(self) -> None:
        """Stop it at once (a model half loaded is not waited for)."""
        self._conn.close()
        if self._proc.is_alive():
            self._proc.terminate()
        self._proc.join()


def _early_worker_main(conn: Any, model: str) -> None:
    nlp, error = None, None
    try:
        from kg.nlp import load_model

        nlp = load_model(model)
    except Exception as exc:  # noqa: BLE001 - reported to the build, which raises it
        error = exc
    try:
        job = conn.recv()
    except EOFError:  # (the build needed nothing parsed, or stopped)
        return
    paths, records_dir = job
    conn.send(error if error is not None else _parse_batch(nlp, paths, records_dir))


def _batches(paths: Sequence[str], jobs: int) -> list[list[str]]:
    """Batches of :data:`BATCH_SIZE` articles; with several processes the last few are smaller, so that
    at the end no process waits long for another's last batch."""
    out: list[list[str]] = []
    i = 0
    while i < len(paths):
        left = len(paths) - i
        size = BATCH_SIZE if jobs <= 1 or left > 2 * jobs * BATCH_SIZE else max(1, BATCH_SIZE // 4)
        out.append(list(paths[i:i + size]))
        i += size
    return out


def parse_articles(paths: Sequence[str], model: str, jobs: int, records_dir: Path,
                   meanwhile: Callable[[], None] | None = None, early: _EarlyWorker | None = None
                   ) -> Iterator[Parsed]:
    """Yield (path, summary, error) for every path, in order, parsing in ``jobs`` processes; each
    article's records are written to ``records_dir``. ``meanwhile`` runs while the workers load the model
    and parse (with one process: before); ``early`` parses one batch, and is closed either way."""
    batches = _batches(paths, jobs)
    if early is not None:
        if len(batches) != 1:
            early.close()
        else:
            try:
                early.send(batches[0], records_dir)
                if meanwhile:
                    meanwhile()
                result = early.receive()
            finally:
                early.close()
            yield from result
            return
    if not batches:
        return
    if jobs <= 1 or len(batches) == 1:
        from kg.nlp import load_model

        if meanwhile:
            meanwhile()
        nlp = load_model(model)
        for batch in batches:
            yield from _parse_batch(nlp, batch, records_dir)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(batches)), mp_context=ctx,
                             initializer=_init_worker, initargs=(model,)) as pool:
        results = pool.map(_worker_batch, batches, [records_dir] * len(batches))
        if meanwhile:
            meanwhile()
        for result in results:
            yield from result


# -- the build -------------------------------------------------------------------------------------
def _sources(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Path]]:
    roots = [Path(p) for p in paths]
    files = list(iter_article_paths(roots))
    return roots, files


def _under(path: str, roots: list[Path]) -> bool:
    p = Path(path).resolve()
    for r in roots:
        r = r.resolve()
        if p == r or r in p.parents:
            return True
    return False


P = ParamSpec("P")


def _clean_up_on_failure(fn: Callable[P, BuildReport]) -> Callable[P, BuildReport]:
    """A failed build releases the store at once and leaves no new, empty store behind.

    The exception's traceback keeps the build's frames, and with them the open store and its
    lock, alive until garbage collection: a second build in the same process would find the store
    locked. And without the clean-up ``kg build unreadable/ --store DIR`` would create ``DIR``, so
    that the next ``kg query`` answered from an empty graph instead of saying nothing was built.
    """

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> BuildReport:
        root = store_path(kwargs.get("store"))  # type: ignore[arg-type]
        created = [p for p in (root, root / "oxigraph", root / "records") if not p.exists()]
        try:
            return fn(*args, **kwargs)
        except BaseException as exc:
            traceback.clear_frames(exc.__traceback__)  # drops the GraphStore: closes the store, frees its lock
            for p in created:  # outermost first: removing the root removes the rest
                shutil.rmtree(p, ignore_errors=True)
            raise

    return wrapper


@_clean_up_on_failure
def build(
    paths: Sequence[str | os.PathLike[str]],
    *,
    store: str | os.PathLike[str] | None = None,
    base: str = DEFAULT_BASE,
    model: str | None = None,
    jobs: int | None = None,
    strict: bool = False,
    progress: Callable[[int, int], None] | None = None,
    warn: Callable[[str], None] | None = None,
    overrides: str | os.PathLike[str] | None = None,
) -> BuildReport:
    """Build (or bring up to date) the graph in ``store`` from the articles under ``paths``.

    ``progress(done, total)`` is called once per article read from the cache or parsed.
    ``overrides`` is a TOML file of names that are (or are not) the same entity; see
    :class:`kg.resolve.Overrides`.
    """
    from kg.nlp import model_name

    chosen_model = model_name(model)
    jobs = jobs or default_jobs()
    # a re-build (a store with a manifest) with a second core: the model starts loading at once
    early = _EarlyWorker(chosen_model) if jobs > 1 and sys.platform == "linux" \
        and (store_path(store) / MANIFEST).is_file() else None
    try:
        return _build(paths, store, base, chosen_model, jobs, strict, progress, warn, overrides, early)
    finally:
        if early is not None:
            early.close()


def _build(paths: Sequence[str | os.PathLike[str]], store: str | os.PathLike[str] | None, base: str,
           chosen_model: str, jobs: int, strict: bool, progress: Callable[[int, int], None] | None,
           warn: Callable[[str], None] | None, overrides: str | os.PathLike[str] | None,
           early: _EarlyWorker | None) -> BuildReport:
    from kg.resolve import Overrides

    ov = Overrides.load(Path(overrides)) if overrides else Overrides()
    ov_key = hashlib.sha256(repr((ov.same, ov.not_same)).encode()).hexdigest()[:16]

    iris = Iris(base)
    roots, files = _sources(paths)
    by_id: dict[str, Path] = {}
    for f in files:
        if f.stem in by_id and by_id[f.stem].resolve() != f.resolve():
            raise InputError(f"{f}: article id {f.stem!r} is also the id of {by_id[f.stem]}; rename one")
        by_id[f.stem] = f
    report = BuildReport()
    gs = GraphStore(store, create=True)
    manifest = gs.manifest()
    known: dict[str, dict[str, Any]] = manifest.setdefault("articles", {})
    full_rebuild = manifest.get("base") != iris.base

    todo: list[str] = []
    current: dict[str, dict[str, Any]] = {}
    # A file is read and hashed unless its path, size and modification time are those the last build saw
    # and it was modified well before that build looked (else a same-size edit in the same clock tick could
    # pass; as with git, content put back with its old size and time is not seen: touch the file).
    trusted = manifest.get(SCANNED, 0) - RACY_NS
    manifest[SCANNED] = time.time_ns()
    for aid, f in sorted(by_id.items()):
        old = known.get(aid)
        try:
            st = f.stat()
            stat = [st.st_size, st.st_mtime_ns]
            if old and "key" in old and old.get("stat") == stat and old.get("path") == str(f) \
                    and st.st_mtime_ns < trusted:
                sha = old["key"].split(":", 1)[0]
            else:
                sha = hashlib.sha256(f.read_bytes()).hexdigest()
        except OSError as exc:
            _skip(report, strict, warn, f"{f}: cannot read: {exc.strerror or exc}")
            continue
        entry = {"path": str(f), "key": cache_key(sha, chosen_model), "stat": stat}
        if old and old.get("key") == entry["key"] and gs.records_file(aid).exists():
            report.reused += 1
            current[aid] = {**old, **entry}
            if progress:
                progress(1, len(by_id))
        else:
            todo.append(str(f))
            current[aid] = entry

    # Parsing overwrites these articles' cached records before the manifest is saved: if the build
    # fails half way, the manifest must no longer vouch for them (a reverted file would match its old
    # key and be mapped from the new file's records).
    outdated = [aid for aid in (Path(t).stem for t in todo) if "key" in known.get(aid, {})]
    if outdated:
        for aid in outdated:
            del known[aid]["key"]
        gs.save_manifest(manifest)

    parsed_ok: set[str] = set()
    summaries: dict[str, tuple[str, str]] = {}  # the parsed articles' (key, summary JSON)
    gs.records_dir.mkdir(exist_ok=True)
    # A few changed articles: while a worker loads the model and parses them, read ahead what resolving them
    # again reads first (the model takes 2 s to load; reading the groups of a 10k archive's countries, 0.5 s).
    read_ahead = None
    if not full_rebuild and manifest.get(RESOLUTION) and 0 < len(todo) <= INCREMENTAL_MAX:
        def read_ahead() -> None:
            with _no_cyclic_gc():
                gs.resolution_state().prefetch(Path(t).stem for t in todo)
    for path, summary, error in parse_articles(todo, chosen_model, jobs, gs.records_dir, read_ahead, early):
        aid = Path(path).stem
        if progress:
            progress(1, len(by_id))
        if summary is None:
            _skip(report, strict, warn, error)
            current.pop(aid, None)
            continue
        summaries[aid] = (current[aid]["key"], summary)
        parsed_ok.add(aid)
        report.parsed += 1
    if not any(aid in current for aid in by_id):
        raise InputError(f"{', '.join(map(str, paths))}: no readable article")

    # Articles built before from these folders whose files are gone (or now unreadable) leave the graph.
    for aid, old in sorted(known.items()):
        if aid not in current and _under(old["path"], roots):
            report.dropped.append(aid)
    for aid, old in known.items():
        if aid not in current and aid not in report.dropped:
            current[aid] = old  # articles from other folders stay as they are

    if not parsed_ok and not report.dropped and not full_rebuild and manifest.get(RESOLUTION) \
            and manifest.get("overrides") == ov_key:
        report.articles = len(current)
        report.quads = _quad_count(gs, manifest, current)
        return report  # nothing changed

    fresh = _write_graphs(gs, iris, current, report, full_rebuild, manifest, ov, summaries)
    manifest["articles"] = current
    manifest["overrides"] = ov_key
    manifest["base"] = iris.base
    gs.save_manifest(manifest)
    gs.flush()
    if fresh:  # a bulk load leaves many overlapping files: compact them once (after the manifest: the graph is
        gs.optimize()  # complete, and an interrupted compaction loses nothing)
    report.articles = len(current)
    report.quads = _quad_count(gs, manifest, current)
    return report


def _quad_count(gs: GraphStore, manifest: dict[str, Any], current: dict[str, dict[str, Any]]) -> int:
    """The store's quads, from the counts the manifest keeps of each graph it wrote: counting the store
    itself reads all of it (3 s at 10M quads, more than an unchanged re-build's other work). A store
    written before kg kept the counts is counted."""
    counts = [entry.get("quads") for entry in current.values()] + [manifest.get(RESOLUTION_QUADS)]
    return sum(counts) if all(isinstance(c, int) for c in counts) else len(gs)  # type: ignore[arg-type]


def _skip(report: BuildReport, strict: bool, warn: Callable[[str], None] | None, message: str) -> None:
    if strict:
        raise InputError(message)
    report.skipped.append(message)
    if warn:
        warn(message)


def _load(gs: GraphStore, aid: str) -> ArticleRecords:
    data = gs.load_records(aid)
    if data is None:
        raise KgError(f"{gs.records_file(aid)}: records cache missing; rebuild with a fresh --store")
    return ArticleRecords.from_json(data)


def _mapping_inputs(res: Any) -> dict[str, list[tuple[str, str, str]]]:
    """Per article, the global slugs of its entities and events, sorted."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for kind, table in (("e", res.entity_of), ("v", res.event_of)):
        for (aid, key), slug in table.items():
            out.setdefault(aid, []).append((kind, key, slug))
    for rows in out.values():
        rows.sort()
    return out


def _summaries(gs: GraphStore, ids: list[str], current: dict[str, dict[str, Any]],
               parsed: dict[str, tuple[str, str]]) -> list[ArticleSummary]:
    """Every article's summary: the ``parsed`` articles' new ones, the others' from the state when its key is
    the article's current one, else made again from its records. The state keeps them, in the build's
    transaction: an entry vouches only for the records of its key, so a build interrupted at any point
    leaves nothing a later build would trust wrongly."""
    state = gs.resolution_state()
    cache = state.summaries()
    cache.update(parsed)
    out = []
    dirty: dict[str, tuple[str, str] | None] = {aid: None for aid in set(cache) - set(ids)}
    dirty.update(parsed)
    for aid in ids:
        entry = cache.get(aid)
        summary = None
        if entry is not None and entry[0] == current[aid]["key"]:
            try:
                summary = ArticleSummary.from_json(entry[1])
            except (ValueError, KeyError, TypeError):  # a damaged entry: made again below
                summary = None
        if summary is None:
            summary = ArticleSummary.of(_load(gs, aid))
            dirty[aid] = (current[aid]["key"], summary.to_json())
        out.append(summary)
    state.put_summaries(dirty)
    return out


def _incremental_changes(gs: GraphStore, current: dict[str, dict[str, Any]], report: BuildReport,
                         manifest: dict[str, Any], overrides: Any, header: str,
                         parsed: dict[str, tuple[str, str]]) -> dict[str, ArticleSummary | None] | None:
    """The articles to resolve again, when the state can be brought up to date with them alone: it is the one
    the manifest names, made under the same mapping, no overrides are in play, and few articles changed
    (regrouping what many articles reach costs more than resolving everything). Else None."""
    state = gs.resolution_state()
    token = state.token()
    if not token or manifest.get(RESOLUTION) != token or state.meta("header") != header \
            or overrides.same or overrides.not_same:
        return None
    changes: dict[str, ArticleSummary | None] = {aid: None for aid in report.dropped}
    for aid, (_, text) in parsed.items():
        changes[aid] = ArticleSummary.from_json(text)
    if len(changes) > max(INCREMENTAL_MAX, len(current) // 20):
        return None
    return changes


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Run a block without the cycle collector. An update builds hundreds of thousands of small objects (the
    members of the groups it regroups) next to the build's own: each collection the allocations trigger
    walks them all, and took half the time of reading them (1.2 s of 1.6 at 10k articles). An update and
    its writes make no cycles to collect; reference counting frees what they build as usual. (Not for a
    full resolution, whose memory the benchmark bounds.)"""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _write_graphs(gs: GraphStore, iris: Iris, current: dict[str, dict[str, Any]], report: BuildReport,
                  full_rebuild: bool, manifest: dict[str, Any], overrides: Any,
                  parsed: dict[str, tuple[str, str]]) -> bool:
    """Resolve, map and write what changed; True when the store was empty and loaded in bulk."""
    from kg.incremental import full, rules_digest, update

    ids = sorted(current)
    types = _event_type_iris()
    # What the state and the resolution graph were made under: the mapping, the base, the event types, the
    # overrides and the rules themselves; any other makes the next build resolve everything again.
    header = hashlib.sha256(repr((MAPPING_VERSION, iris.base, sorted(types.items()), overrides.same,
                                  overrides.not_same, rules_digest())).encode()).hexdigest()[:16]
    state = gs.resolution_state()
    changes = None if full_rebuild else _incremental_changes(gs, current, report, manifest, overrides, header, parsed)
    state.begin()
    try:
        delta = None
        if changes is not None:
            state.put_summaries({aid: parsed.get(aid) for aid in changes})
            with _no_cyclic_gc():
                delta = update(state, changes)
            if delta is None:  # (a feature became common: every score changes)
                state.rollback()
                state.begin()
        res = None if delta is not None else full(state, _summaries(gs, ids, current, parsed), overrides)
        # The graphs are written before the state commits: until the manifest names the new state, it must
        # not vouch for the old one either (a build stopped in between would leave a resolution graph that
        # the old state does not describe). The next build then resolves everything and diffs the store.
        if manifest.pop(RESOLUTION, None) is not None:
            gs.save_manifest(manifest)
        with _no_cyclic_gc() if delta is not None else contextlib.nullcontext():
            fresh = _write(gs, iris, current, report, full_rebuild, manifest, res, delta, types)
        state.set_meta("header", header)
        token = state.commit()
    except BaseException:  # (a stop at the commit too: no transaction left holding the file's lock)
        state.rollback()
        raise
    manifest[RESOLUTION] = token
    manifest[RESOLUTION_QUADS] = state.lines_count()
    return fresh


def _write(gs: GraphStore, iris: Iris, current: dict[str, dict[str, Any]], report: BuildReport,
           full_rebuild: bool, manifest: dict[str, Any], res: Any, delta: Any, types: dict[str, str]) -> bool:
    """Map and write the article graphs whose records or ids changed, and the resolution graph's changed nodes:
    all of them after a full resolution (``res``), those an incremental one names (``delta``)."""
    from kg.mapping import article_lines

    state = gs.resolution_state()
    if full_rebuild:  # (another base: every IRI changes)
        gs.clear()
    # An empty store has no previous graph to protect: load it in bulk, without a transaction per
    # graph (several times faster). Until the manifest is saved at the end, a next build sees a
    # fresh store and starts again from an empty one.
    fresh = full_rebuild and len(gs) == 0
    bulk: list[str] = []  # N-Quads text for a fresh store
    bulk_quads = 0
    pending: list[tuple[str, list[str]]] = []  # changed graphs, written a batch per transaction
    pending_quads = 0
    if res is not None:
        inputs = _mapping_inputs(res)
        to_map = sorted(current)
    else:
        to_map = sorted(aid for aid in delta.articles if aid in current)
    for aid in report.dropped:  # (before the loader starts: no update while Oxigraph bulk-loads)
        gs.drop_graph(iris.graph(aid))
        gs.drop_article_copy(aid)
        gs.drop_records(aid)
    # A fresh store is loaded on a background thread while the next articles are mapped.
    with gs.bulk_loader() if fresh else contextlib.nullcontext() as loader:
        for aid in to_map:
            # An article's graph depends on its records and on the global ids resolution gave its entities
            # and events: when neither changed, it is not mapped again.
            ids_of = res if res is not None else state.article_ids(aid)
            rows = inputs.get(aid) if res is not None else _mapping_inputs(ids_of).get(aid)
            sig = hashlib.sha256(repr((MAPPING_VERSION, current[aid]["key"], rows)).encode()).hexdigest()
            # (A store built before kg kept a copy of each article graph gets the copies this way.)
            if not full_rebuild and current[aid].get("sig") == sig and "graph" in current[aid] \
                    and "copy" in current[aid] and gs.article_copy_file(aid).exists():
                continue
            lines = article_lines(_load(gs, aid), ids_of, iris)
            digest = graph_digest(lines)
            current[aid]["quads"] = len(lines)  # distinct lines, each one quad
            # The copy `kg export` reads instead of the store; trusted only once the manifest names its hash.
            current[aid]["copy"] = gs.save_article_copy(aid, iris.graph(aid), lines)
            if fresh:
                bulk.append("".join(f"{line} .\n" for line in lines))
                bulk_quads += len(lines)
                report.graphs_written += 1
            elif full_rebuild or current[aid].get("graph") != digest:
                pending.append((iris.graph(aid), lines))
                pending_quads += len(lines)
                report.graphs_written += 1
            current[aid]["graph"] = digest
            if bulk_quads >= BULK_QUADS:
                assert loader is not None
                loader.put("".join(bulk).encode("utf-8"))
                bulk, bulk_quads = [], 0
            if pending_quads >= UPDATE_QUADS:
                gs.replace_graphs(pending)
                pending, pending_quads = [], 0
            current[aid]["sig"] = sig
        gs.replace_graphs(pending)
        # The resolution graph is mapped node by node (an entity's names, and its name evidence article by
        # article), and written as the difference the changed nodes make.
        if res is not None:
            known: dict[str, str] = {}
            tables: Any = (("entity", res.entities), ("event", res.events))
        else:
            tables = (("entity", delta.entities), ("event", delta.events))
            known = state.node_hashes([f"{kind} {slug}" for kind, table in tables for slug in table],
                                      [f"evidence {slug} " for slug in delta.entities])
        nodes: dict[str, tuple[str, list[str]] | None] = {}
        known_of: dict[tuple[str, str], list[str]] = {}  # (kind, slug) → the keys of its parts
        for key in known:
            kind, slug = key.split(" ", 2)[:2]
            known_of.setdefault(("entity" if kind == "evidence" else kind, slug), []).append(key)
        for kind, table in tables:
            for slug, node in table.items():
                parts = _node_parts(kind, slug, node, iris, types)
                for key in known_of.get((kind, slug), ()):
                    if key not in parts:
                        nodes[key] = None  # (a node gone, or an article's evidence for it)
                for key, (h, map_part) in parts.items():
                    if res is not None or known.get(key) != h:
                        nodes[key] = (h, map_part())
        if res is not None:
            state.save_all_nodes({k: v for k, v in nodes.items() if v is not None})
            lines = sorted({line for v in nodes.values() if v is not None for line in v[1]})
            if fresh:
                assert loader is not None
                loader.put("".join(bulk).encode("utf-8"))
                for i in range(0, len(lines), BULK_QUADS):  # a large graph: in pieces, not one more copy of it
                    loader.put("".join(f"{line} .\n" for line in lines[i:i + BULK_QUADS]).encode("utf-8"))
                report.graphs_written += 1
            elif gs.patch_graph(iris.resolution_graph, lines):
                report.graphs_written += 1
        else:
            gone, added = state.put_nodes(nodes)
            if gs.change_graph(iris.resolution_graph, gone, added):
                report.graphs_written += 1
    return fresh


def _node_parts(kind: str, slug: str, node: Any, iris: Iris,
                types: dict[str, str]) -> dict[str, tuple[str, Callable[[], list[str]]]]:
    """The parts of a resolution node as the state keeps them: key → (hash of what they are mapped from, a
    function that maps them). An entity is its names and, one part per article, its name evidence."""
    from kg.mapping import entity_lines, resolution_lines
    from kg.resolve import Resolution

    def digest(value: Any) -> str:
        return hashlib.sha256(repr(value).encode()).hexdigest()[:16]

    if node is None:
        return {}
    if kind == "event":
        return {f"event {slug}": (digest(node), lambda: resolution_lines(Resolution(events={slug: node}), iris, types))}
    parts: dict[str, tuple[str, Callable[[], list[str]]]] = {
        f"entity {slug}": (digest((slug, node.type, node.name, node.aliases)), lambda: entity_lines(node, iris))}
    by_article: dict[str, list[Any]] = {}
    for ev in node.evidence:
        by_article.setdefault(ev.article, []).append(ev)
    for aid, evidence in by_article.items():
        parts[f"evidence {slug} {aid}"] = (digest((slug, evidence)),
                                           functools.partial(entity_lines, node, iris, evidence))
    return parts


def _event_type_iris() -> dict[str, str]:
    from kg.extract.event_types import event_type_iris

    return event_type_iris()
