"""Incremental cross-article resolution: after a few articles change, redo resolution only where they reach.

A full resolution (:func:`kg.resolve.resolve_summaries`) leaves a :class:`State` in the store (one SQLite
file): every article-local entity as resolution read it, with the group it joined; every event telling,
with the connected part of the scored pairs it belongs to (the pairs themselves, sorted); every node's
slug; the resolution graph's lines, node by node. When articles change, are added or deleted,
:func:`update` regroups only the groups and parts they touch, and says which nodes and which articles'
entity and event ids changed, so that the build maps and writes only those.

The result is exactly a full resolution's (``tests/test_incremental_resolution.py`` compares the two over
random sequences of changes). It rests on two facts, stated where the rules are: every entity rule joins
two entities on what the two alone say, so groups are connected components and a union of components is
grouped alone the same way (:func:`kg.resolve.cluster_entities`); event groups are made by a greedy pass
that follows pairs only, so a connected part of the pairs is grouped alone the same way
(:func:`kg.event_merge.greedy`). What breaks either makes :func:`update` answer None and the build
resolve everything: an overrides file (``not-same`` reads whole groups), or an event feature becoming
common or no longer common (:data:`kg.event_merge.COMMON`: that changes scores across the corpus).

The state is a cache: the manifest names the token of the state it goes with, and a state with another
token (a build stopped between the two) is not used.
"""

from __future__ import annotations

import hashlib
import heapq
import marshal
import pickle
import sqlite3
import uuid
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg import event_merge
from kg.event_merge import (
    _candidate_pairs,
    _Cluster,
    _consistent,
    _Item,
    _score,
    _times_allow,
    _words,
    article_items,
    event_base,
    event_nodes,
    loose_key,
    slug_base,
)
from kg.iris import slugify
from kg.records import ArticleSummary, Event
from kg.resolve import (
    GlobalEntity,
    GlobalEvent,
    LocalRef,
    MergeEvidence,
    Overrides,
    Resolution,
    Trace,
    _first_and_other,
    _is_full_name,
    _Local,
    _name_skeleton,
    _type_family,
    _without_head,
    assign_slugs,
    cluster_entities,
    entity_node,
    own_evidence,
    resolve_summaries,
)

STATE_VERSION = "8"  # bump when what the state holds (kg.records.ArticleSummary too), or how it is read, changes
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS summary(aid TEXT PRIMARY KEY, key TEXT, json TEXT);
CREATE TABLE IF NOT EXISTS ent(aid TEXT, key TEXT, root TEXT, data BLOB, PRIMARY KEY(aid, key));
CREATE INDEX IF NOT EXISTS ent_root ON ent(root);
CREATE TABLE IF NOT EXISTS blk(block TEXT, aid TEXT, key TEXT);
CREATE INDEX IF NOT EXISTS blk_block ON blk(block);
CREATE INDEX IF NOT EXISTS blk_aid ON blk(aid);
CREATE TABLE IF NOT EXISTS egroup(root TEXT PRIMARY KEY, base TEXT, slug TEXT, loose TEXT) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS egroup_base ON egroup(base);
CREATE TABLE IF NOT EXISTS enode(root TEXT PRIMARY KEY, node BLOB);
CREATE TABLE IF NOT EXISTS item(aid TEXT, pos INTEGER, ekey TEXT, part TEXT, slug TEXT, data BLOB,
                                PRIMARY KEY(aid, pos));
CREATE INDEX IF NOT EXISTS item_part ON item(part);
CREATE TABLE IF NOT EXISTS feat(f TEXT, aid TEXT, pos INTEGER);
CREATE INDEX IF NOT EXISTS feat_f ON feat(f);
CREATE INDEX IF NOT EXISTS feat_aid ON feat(aid);
CREATE TABLE IF NOT EXISTS iref(aid TEXT, ekey TEXT, pos INTEGER);
CREATE INDEX IF NOT EXISTS iref_ref ON iref(aid, ekey);
CREATE TABLE IF NOT EXISTS part(part TEXT PRIMARY KEY, pairs BLOB);
CREATE TABLE IF NOT EXISTS vgroup(first TEXT PRIMARY KEY, base TEXT, slug TEXT) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS vgroup_base ON vgroup(base);
CREATE INDEX IF NOT EXISTS vgroup_slug ON vgroup(slug);
CREATE TABLE IF NOT EXISTS vnode(first TEXT PRIMARY KEY, node BLOB);
CREATE TABLE IF NOT EXISTS common(f TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rnode(node TEXT PRIMARY KEY, hash TEXT, lines TEXT);
CREATE TABLE IF NOT EXISTS rline(h BLOB PRIMARY KEY, n INTEGER) WITHOUT ROWID;
"""
# (Tables whose rows hold blobs keep a rowid: a WITHOUT ROWID table stores whole rows in its index, and
# looking up a group's slug next to a megabyte node took 100 times longer.)
TABLES = ("summary", "ent", "blk", "egroup", "enode", "item", "feat", "iref", "part", "vgroup", "vnode", "common",
          "rnode", "rline")
Ord = tuple[str, int]  # an event telling's place: (article id, position among the article's events)


def rules_digest() -> str:
    """A digest of the code and data resolution runs on: a state made by other rules (kg upgraded, a rule
    edited) is not brought up to date, it is made again."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for rel in ("resolve.py", "event_merge.py", "incremental.py", "iris.py", "data/org_heads.txt"):
        h.update(rel.encode() + b"\0" + (root / rel).read_bytes())
    return h.hexdigest()[:16]


def _dump(obj: Any) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def _entity_blob(loc: _Local, own: list[MergeEvidence]) -> bytes:
    """A local entity as resolution reads it, in plain containers (``marshal``: read back in a third less time
    than a pickle of the dataclasses, and an update reads tens of thousands)."""
    return marshal.dumps((loc.type, loc.name, loc.names, loc.keys, loc.titles, tuple(loc.links), loc.said, loc.weight,
                          [(e.name, e.rule, e.article, (e.span.start, e.span.end, e.span.text) if e.span else None)
                           for e in own]))


def _entity_of_blob(data: bytes) -> tuple[_Local, list[MergeEvidence]]:
    from kg.records import Span

    etype, name, names, keys, titles, links, said, weight, own = marshal.loads(data)  # noqa: S302 (our own cache)
    return (_Local(etype, name, names, keys, titles, set(links), said, weight),
            [MergeEvidence(n, r, a, Span(*sp) if sp else None) for n, r, a, sp in own])


def _load(data: bytes) -> Any:
    return pickle.loads(data)  # noqa: S301 (the store's own cache, written by this module)


def _ref_text(ref: tuple[str, Any]) -> str:
    return f"{ref[0]}\t{ref[1]}"


def _text_ref(text: str) -> LocalRef:
    aid, _, key = text.partition("\t")
    return (aid, key)


def _line_hash(line: str) -> bytes:
    return hashlib.blake2b(line.encode("utf-8"), digest_size=16).digest()


def _feature(etype: str, kind: str, value: str) -> str:
    return f"{etype}\x1f{kind}\x1f{value}"


def blocks(ref: LocalRef, loc: _Local) -> set[str]:
    """Keys under which an entity can meet another across articles (see the rules of :mod:`kg.resolve`):
    its full names (same-name), their consonant skeletons (spelling variants), organization names
    without their head noun, a person's first name with each other name (shorter names)."""
    out = set()
    for k in loc.keys:
        if _is_full_name(k, loc.type):
            out.add(f"n\x1f{_type_family(loc.type)}\x1f{k}")
        if len(k.split()) > 1:
            if loc.type == "Actor":
                out.add(f"s\x1f{_name_skeleton(k)}")
                out.update(f"f\x1f{b}" for b in _first_and_other(k))
            elif loc.type == "Organization":
                out.update(f"h\x1f{b}" for b in _without_head(k))
    return out


def _features(it: _Item) -> set[str]:
    """An event telling's features: what :func:`kg.event_merge.common_features` counts (participant or
    place "p", agent "a", label word "w"), and its time ("t"; "T" too when it has no argument)."""
    etype = it.event.type
    out = {_feature(etype, "p", k) for k in it.located}
    out.update(_feature(etype, "a", k) for k in it.agents)
    out.update(_feature(etype, "w", w) for w in it.words)
    if it.timed:
        when = f"{it.when[0]}/{it.when[1]}"
        out.add(_feature(etype, "t", when))
        if not it.args:
            out.add(_feature(etype, "T", when))
    return out


def _counted(features: Iterable[str]) -> Iterator[str]:
    return (f for f in features if f.split("\x1f", 2)[1] in "paw")


@dataclass
class Delta:
    """What an update changed: nodes to map again (or drop), and the articles whose ids changed."""

    entities: dict[str, GlobalEntity | None] = field(default_factory=dict)  # slug → node, None: gone
    events: dict[str, GlobalEvent | None] = field(default_factory=dict)
    articles: set[str] = field(default_factory=set)


_Members = dict[str, list[tuple[str, str, _Local, list[MergeEvidence]]]]  # group → (aid, key, entity, own evidence)


class State:
    """The SQLite file that keeps resolution between builds (see the module doc)."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        from kg.errors import StoreError

        self.path = Path(path)
        self.read_only = read_only
        self._ahead: _Members | None = None  # (see prefetch)
        try:
            if read_only:
                self.db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
            else:
                self.db = sqlite3.connect(self.path, isolation_level=None)
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.executescript(SCHEMA)
                if self.meta("version") not in (None, STATE_VERSION):  # another kg's: start again
                    self.db.executescript("".join(f"DROP TABLE {t};" for t in (*TABLES, "meta")))
                    self.db.executescript(SCHEMA)
            self.db.execute("PRAGMA cache_size=-65536")  # 64 MB
            self.db.execute("PRAGMA temp_store=MEMORY")
        except sqlite3.Error as exc:
            if read_only:  # a store built before the state: nothing cached, and nothing may be written
                self.db = sqlite3.connect(":memory:", isolation_level=None)
                self.db.executescript(SCHEMA)
                self.db.execute("PRAGMA query_only = ON")
                return
            raise StoreError(f"{self.path}: cannot open the resolution state: {exc}") from exc

    def close(self) -> None:
        self.db.close()

    def prefetch(self, aids: Iterable[str]) -> None:
        """Read ahead what :func:`update` will read first for a change to these articles: the members of the
        groups their entities are in. A build calls this while its worker parses them (the model's loading
        takes as long); ``update`` takes the members from here and reads only the groups that are new to it.
        What was read ahead is forgotten when a transaction ends: it describes the state as it was."""
        wanted = sorted(set(aids))
        self._set("t_paid", ((a,) for a in wanted))
        self._set("t_proot", ((r,) for (r,) in self.db.execute(
            "SELECT DISTINCT e.root FROM t_paid CROSS JOIN ent e ON e.aid = t_paid.c0")))
        members: _Members = {}
        for aid, key, root, data in self.db.execute("SELECT aid, key, root, data FROM ent WHERE root IN t_proot"):
            members.setdefault(root, []).append((aid, key, *_entity_of_blob(data)))
        self._ahead = members

    def meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT v FROM meta WHERE k=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def token(self) -> str | None:
        return self.meta("token") if self.meta("version") == STATE_VERSION else None

    def begin(self) -> None:
        self.db.execute("BEGIN")

    def take_prefetched(self) -> _Members:
        """The members of groups :meth:`prefetch` read, by group (once)."""
        got, self._ahead = self._ahead, None
        return got or {}

    def commit(self, token: str | None = None) -> str:
        """Ends the transaction under a new token (or ``token``), which the manifest then names."""
        token = token or uuid.uuid4().hex
        self.set_meta("token", token)
        self.set_meta("version", STATE_VERSION)
        self.db.execute("COMMIT")
        self._ahead = None
        return token

    def rollback(self) -> None:
        self._ahead = None
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    # -- summaries: what resolution reads of each article --------------------------------------------
    def summaries(self) -> dict[str, tuple[str, str]]:
        return {aid: (key, text) for aid, key, text in self.db.execute("SELECT aid, key, json FROM summary")}

    def put_summaries(self, rows: Mapping[str, tuple[str, str] | None]) -> None:
        for aid, value in sorted(rows.items()):
            if value is None:
                self.db.execute("DELETE FROM summary WHERE aid=?", (aid,))
            else:
                self.db.execute("INSERT OR REPLACE INTO summary VALUES (?, ?, ?)", (aid, *value))

    # -- the resolution graph, node by node --------------------------------------------------------
    def nodes(self) -> dict[str, tuple[str, list[str]]]:
        return {node: (h, lines.split("\n") if lines else [])
                for node, h, lines in self.db.execute("SELECT node, hash, lines FROM rnode")}

    def node_hashes(self, keys: Iterable[str], prefixes: Iterable[str] = ()) -> dict[str, str]:
        """The hashes of these nodes, and of every node whose key starts with one of ``prefixes``."""
        self._set("t_node", ((k,) for k in keys))
        out = dict(self.db.execute("SELECT r.node, r.hash FROM t_node CROSS JOIN rnode r ON r.node = t_node.c0"))
        for p in prefixes:  # (every key that starts with p: from p up to p with its last character's successor)
            end = p[:-1] + chr(ord(p[-1]) + 1)
            out.update(self.db.execute("SELECT node, hash FROM rnode WHERE node >= ? AND node < ?", (p, end)))
        return out

    def lines_count(self) -> int:
        return int(self.meta("lines") or 0)

    def put_nodes(self, nodes: Mapping[str, tuple[str, list[str]] | None]) -> tuple[list[str], list[str]]:
        """Replace these nodes' lines (None: drop the node); returns the graph's lines that are gone and the
        new ones (a line two nodes share stays while one of them holds it)."""
        gone: list[str] = []
        added: list[str] = []
        count = self.lines_count()
        for node, value in sorted(nodes.items()):
            row = self.db.execute("SELECT lines FROM rnode WHERE node=?", (node,)).fetchone()
            old = set(row[0].split("\n")) if row and row[0] else set()
            new = set(value[1]) if value else set()
            for line in sorted(old - new):
                h = _line_hash(line)
                n = self.db.execute("SELECT n FROM rline WHERE h=?", (h,)).fetchone()
                if n is None or n[0] <= 1:
                    self.db.execute("DELETE FROM rline WHERE h=?", (h,))
                    gone.append(line)
                    count -= 1
                else:
                    self.db.execute("UPDATE rline SET n=n-1 WHERE h=?", (h,))
            for line in sorted(new - old):
                h = _line_hash(line)
                n = self.db.execute("SELECT n FROM rline WHERE h=?", (h,)).fetchone()
                if n is None:
                    self.db.execute("INSERT INTO rline VALUES (?, 1)", (h,))
                    added.append(line)
                    count += 1
                else:
                    self.db.execute("UPDATE rline SET n=n+1 WHERE h=?", (h,))
            if value is None:
                self.db.execute("DELETE FROM rnode WHERE node=?", (node,))
            else:
                self.db.execute("INSERT OR REPLACE INTO rnode VALUES (?, ?, ?)", (node, value[0], "\n".join(value[1])))
        self.set_meta("lines", str(count))
        # a line both gone from one node and new in another is neither
        both = set(gone) & set(added)
        return [x for x in gone if x not in both], [x for x in added if x not in both]

    def save_all_nodes(self, nodes: Mapping[str, tuple[str, list[str]]]) -> None:
        self.db.execute("DELETE FROM rnode")
        self.db.execute("DELETE FROM rline")
        self.db.executemany("INSERT INTO rnode VALUES (?, ?, ?)",
                            ((node, h, "\n".join(lines)) for node, (h, lines) in sorted(nodes.items())))
        # counted in the database, not in a dict of millions of lines
        self.db.executemany("INSERT INTO rline VALUES (?, 1) ON CONFLICT(h) DO UPDATE SET n = n + 1",
                            ((_line_hash(line),) for _, lines in nodes.values() for line in set(lines)))
        (count,) = self.db.execute("SELECT count(*) FROM rline").fetchone()
        self.set_meta("lines", str(count))

    # -- mapping inputs ---------------------------------------------------------------------------
    def article_ids(self, aid: str) -> Resolution:
        """The global ids of one article's entities and events (what mapping its graph reads)."""
        res = Resolution()
        for key, slug in self.db.execute(
                "SELECT e.key, g.slug FROM ent e JOIN egroup g ON e.root = g.root WHERE e.aid=?", (aid,)):
            res.entity_of[(aid, key)] = slug
        for ekey, slug in self.db.execute("SELECT ekey, slug FROM item WHERE aid=?", (aid,)):
            res.event_of[(aid, ekey)] = slug
        return res

    def resolution(self) -> Resolution:
        """The whole resolution the state holds (what a full one of the same articles gives)."""
        res = Resolution()
        for slug, data in self.db.execute("SELECT g.slug, n.node FROM egroup g JOIN enode n ON n.root = g.root"):
            res.entities[slug] = _load(data)
        for aid, key, slug in self.db.execute(
                "SELECT e.aid, e.key, g.slug FROM ent e JOIN egroup g ON e.root = g.root"):
            res.entity_of[(aid, key)] = slug
        for slug, data in self.db.execute("SELECT g.slug, n.node FROM vgroup g JOIN vnode n ON n.first = g.first"):
            res.events[slug] = _load(data)
        for aid, ekey, slug in self.db.execute("SELECT aid, ekey, slug FROM item"):
            res.event_of[(aid, ekey)] = slug
        return res

    # -- a full resolution --------------------------------------------------------------------------
    def save_resolution(self, res: Resolution, trace: Trace) -> None:
        """Keep what :func:`update` needs of a full resolution (in the current transaction)."""
        db = self.db
        for table in TABLES:
            if table not in ("summary", "rnode", "rline"):
                db.execute(f"DELETE FROM {table}")  # noqa: S608 (fixed names)
        roots = {}
        for slug, node in res.entities.items():
            roots[slug] = node.members[0]
        db.executemany("INSERT INTO ent VALUES (?, ?, ?, ?)",
                       ((ref[0], ref[1], _ref_text(roots[res.entity_of[ref]]), _entity_blob(loc, trace.own[ref]))
                        for ref, loc in sorted(trace.local.items())))
        db.executemany("INSERT INTO blk VALUES (?, ?, ?)",
                       ((b, ref[0], ref[1]) for ref, loc in sorted(trace.local.items())
                        for b in sorted(blocks(ref, loc))))
        db.executemany("INSERT INTO egroup VALUES (?, ?, ?, ?)",
                       ((_ref_text(roots[slug]), slugify(trace.local[roots[slug]].name), slug, loose_key(node.name))
                        for slug, node in sorted(res.entities.items())))
        db.executemany("INSERT INTO enode VALUES (?, ?)",
                       ((_ref_text(roots[slug]), _dump(node)) for slug, node in sorted(res.entities.items())))
        items = trace.items
        ords = [_ord(it) for it in items]
        parent = list(range(len(items)))

        def find(x: int) -> int:
            r: int = _root(parent, x)
            return r

        for _, i, j in trace.pairs:
            _join(parent, i, j)
        part_items: dict[int, list[int]] = defaultdict(list)
        for i in range(len(items)):
            part_items[find(i)].append(i)
        local = {}
        parts: dict[int, _Part] = {}
        for root, members in part_items.items():
            if len(members) > 1:
                parts[root] = _Part([], [], [], [])
                for i in members:
                    local[i] = parts[root].add(ords[i])
        for sc, i, j in trace.pairs:
            parts[find(i)].pair(sc, local[i], local[j])
        for sc, i, j in trace.merges:
            parts[find(i)].merges.append((sc, local[i], local[j]))
        trace.pairs = trace.merges = []  # (the largest of what resolution kept: not held while the rest is written)
        db.executemany("INSERT INTO item VALUES (?, ?, ?, ?, ?, ?)",
                       ((ords[i][0], ords[i][1], it.ref[1], _ref_text(ords[find(i)]), res.event_of[it.ref], _dump(it))
                        for i, it in enumerate(items)))
        db.executemany("INSERT INTO part VALUES (?, ?)",
                       ((_ref_text(ords[root]), _dump(part)) for root, part in sorted(parts.items())))
        db.executemany("INSERT INTO feat VALUES (?, ?, ?)",
                       ((f, o[0], o[1]) for it, o in zip(items, ords, strict=True) for f in sorted(_features(it))))
        db.executemany("INSERT INTO iref VALUES (?, ?, ?)",
                       ((o[0], k, o[1]) for it, o in zip(items, ords, strict=True)
                        for k in sorted(_arg_keys(it.event))))
        db.executemany("INSERT INTO common VALUES (?)", sorted({(_feature(*f),) for f in trace.common}))
        by_ref = {it.ref: it for it in items}
        db.executemany("INSERT INTO vgroup VALUES (?, ?, ?)",
                       ((_ref_text(min(node.members)), slug_base(by_ref[min(node.members)].event), slug)
                        for slug, node in sorted(res.events.items())))
        db.executemany("INSERT INTO vnode VALUES (?, ?)",
                       ((_ref_text(min(node.members)), _dump(node)) for slug, node in sorted(res.events.items())))

    # -- temporary sets, for queries over many keys -------------------------------------------------
    def _set(self, name: str, rows: Iterable[tuple[Any, ...]], width: int = 1) -> str:
        cols = ", ".join(f"c{i}" for i in range(width))
        self.db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name}({cols}, PRIMARY KEY({cols})) WITHOUT ROWID")
        self.db.execute(f"DELETE FROM {name}")  # noqa: S608 (fixed names)
        self.db.executemany(f"INSERT OR IGNORE INTO {name} VALUES ({', '.join('?' * width)})", rows)  # noqa: S608
        return name


def _ord(it: _Item) -> Ord:
    return (it.ref[0], it.position)


def _arg_keys(ev: Event) -> set[str]:
    return {*ev.agents, *ev.participants, *([ev.place] if ev.place else [])}


def full(state: State, summaries: Iterable[ArticleSummary], overrides: Overrides | None = None) -> Resolution:
    """Resolve everything, and keep the state :func:`update` starts from (in the current transaction)."""
    trace = Trace()
    res = resolve_summaries(summaries, overrides, trace)
    state.save_resolution(res, trace)
    del trace
    return res


def update(state: State, changes: Mapping[str, ArticleSummary | None]) -> Delta | None:
    """Bring the state up to date with ``changes`` (article id → its new summary, None: deleted), in the
    current transaction. Returns what changed, or None when only a full resolution can say (see the
    module doc); the caller then rolls back."""
    db = state.db
    delta = Delta(articles=set(changes))
    aids = state._set("t_aid", ((a,) for a in changes))

    # -- entities: regroup the groups the changed articles were in or can join ----------------------
    new_local: dict[LocalRef, _Local] = {}
    new_own: dict[LocalRef, list[MergeEvidence]] = {}
    for aid, summ in sorted(changes.items()):
        for ent in summ.entities if summ else ():
            ref = (aid, ent.key)
            new_local[ref] = _Local.of(ent)
            new_own[ref] = own_evidence(aid, ent)
    old_changed = {(a, k): r for a, k, r in db.execute(f"SELECT aid, key, root FROM ent WHERE aid IN {aids}")}
    roots = set(old_changed.values())
    new_blocks = {b for ref, loc in new_local.items() for b in blocks(ref, loc)}
    # Entities with the same full name are one group: one of them names it (a country's block holds thousands).
    for b in sorted(x for x in new_blocks if x.startswith("n\x1f")):
        row = db.execute("SELECT e.root FROM blk b CROSS JOIN ent e ON e.aid = b.aid AND e.key = b.key "
                         f"WHERE b.block = ? AND b.aid NOT IN {aids} LIMIT 1", (b,)).fetchone()
        if row:
            roots.add(row[0])
    state._set("t_blk", ((b,) for b in new_blocks if not b.startswith("n\x1f")))
    roots.update(r for (r,) in db.execute(
        "SELECT DISTINCT e.root FROM t_blk CROSS JOIN blk b ON b.block = t_blk.c0 "
        f"CROSS JOIN ent e ON e.aid = b.aid AND e.key = b.key WHERE b.aid NOT IN {aids}"))
    state._set("t_root", ((r,) for r in roots))
    local: dict[LocalRef, _Local] = {}
    own: dict[LocalRef, list[MergeEvidence]] = {}
    old_root: dict[LocalRef, str] = dict(old_changed)
    ahead = state.take_prefetched()
    for root in sorted(roots & ahead.keys()):
        for aid, key, loc, its_own in ahead[root]:
            if aid not in changes:
                local[(aid, key)], own[(aid, key)], old_root[(aid, key)] = loc, its_own, root
    state._set("t_unread", ((r,) for r in roots - ahead.keys()))
    for aid, key, root, data in db.execute(
            f"SELECT aid, key, root, data FROM ent WHERE root IN t_unread AND aid NOT IN {aids}"):
        local[(aid, key)], own[(aid, key)] = _entity_of_blob(data)
        old_root[(aid, key)] = root
    local.update(new_local)
    own.update(new_own)
    old_groups = {r: (b, s, lk) for r, b, s, lk in db.execute(
        "SELECT root, base, slug, loose FROM egroup WHERE root IN t_root")}
    clusters, evidence = cluster_entities(local, own, Overrides())
    bases = {root: slugify(local[root].name) for root in clusters}
    state._set("t_base", ((b,) for b in {*bases.values(), *(g[0] for g in old_groups.values())}))
    others = {_text_ref(r): (b, s) for r, b, s in db.execute(
        "SELECT root, base, slug FROM egroup WHERE base IN t_base AND root NOT IN t_root")}
    slugs = assign_slugs({**{r: b for r, (b, _) in others.items()}, **bases})
    for _, slug, _ in old_groups.values():
        delta.entities[slug] = None
    renamed = {r: slugs[r] for r, (_, s) in others.items() if slugs[r] != s}
    for r in renamed:
        delta.entities[others[r][1]] = None
    new_slug: dict[LocalRef, tuple[str, str]] = {}  # ref → (slug, loose key)
    db.execute(f"DELETE FROM ent WHERE aid IN {aids}")
    db.execute("DELETE FROM egroup WHERE root IN t_root")
    db.execute("DELETE FROM enode WHERE root IN t_root")
    db.execute(f"DELETE FROM blk WHERE aid IN {aids}")
    db.executemany("INSERT INTO blk VALUES (?, ?, ?)",
                   ((b, ref[0], ref[1]) for ref, loc in sorted(new_local.items()) for b in sorted(blocks(ref, loc))))
    for root, refs in sorted(clusters.items()):
        slug = slugs[root]
        node = entity_node(slug, refs, local, evidence)
        loose = loose_key(node.name)
        delta.entities[slug] = node
        db.execute("INSERT INTO egroup VALUES (?, ?, ?, ?)", (_ref_text(root), bases[root], slug, loose))
        db.execute("INSERT INTO enode VALUES (?, ?)", (_ref_text(root), _dump(node)))
        root_text = _ref_text(root)
        # a member's row is written again only when it is new or moved to another group
        db.executemany("INSERT INTO ent VALUES (?, ?, ?, ?)",
                       ((r[0], r[1], root_text, _entity_blob(local[r], own[r])) for r in refs if r in new_local))
        db.executemany("UPDATE ent SET root=? WHERE aid=? AND key=?",
                       ((root_text, r[0], r[1]) for r in refs if r not in new_local and old_root[r] != root_text))
        for r in refs:
            new_slug[r] = (slug, loose)
    changed_refs = set()
    for ref, root in old_root.items():
        before = old_groups.get(root)
        if ref[0] not in changes and (before is None or new_slug.get(ref) != (before[1], before[2])):
            changed_refs.add(ref)
    for r, slug in sorted(renamed.items()):
        (data,) = db.execute("SELECT node FROM enode WHERE root=?", (_ref_text(r),)).fetchone()
        node = _load(data)
        node.slug = slug
        delta.entities[slug] = node
        db.execute("UPDATE egroup SET slug=? WHERE root=?", (slug, _ref_text(r)))
        db.execute("UPDATE enode SET node=? WHERE root=?", (_dump(node), _ref_text(r)))
        changed_refs.update(node.members)
    delta.articles.update(ref[0] for ref in changed_refs)

    # -- events: regroup the connected parts of the pairs that changed tellings are in or join ---------
    common_f = {f for (f,) in db.execute("SELECT f FROM common")}
    common = frozenset(tuple(f.split("\x1f", 2)) for f in common_f)
    state._set("t_ref", sorted(changed_refs), 2)
    c_ords = {(a, p) for a, p in db.execute(f"SELECT aid, pos FROM item WHERE aid IN {aids}")}
    c_ords.update(db.execute("SELECT DISTINCT i.aid, i.pos FROM t_ref CROSS JOIN iref i ON i.aid = t_ref.c0 AND "
                             f"i.ekey = t_ref.c1 WHERE i.aid NOT IN {aids}"))
    state._set("t_ord", sorted(c_ords), 2)
    old_items: dict[Ord, tuple[_Item, str, str]] = {}
    for a, p, part, slug, data in db.execute(
            "SELECT i.aid, i.pos, i.part, i.slug, i.data FROM t_ord CROSS JOIN item i "
            "ON i.aid = t_ord.c0 AND i.pos = t_ord.c1"):
        old_items[(a, p)] = (_load(data), part, slug)
    lookups: dict[str, dict[str, str]] = {}

    def loose_of(aid: str) -> dict[str, str]:
        if aid not in lookups:
            lookups[aid] = {k: lk for k, lk in db.execute(
                "SELECT e.key, g.loose FROM ent e JOIN egroup g ON e.root = g.root WHERE e.aid=?", (aid,))}
        return lookups[aid]

    def glob(aid: str, keys: tuple[str, ...]) -> frozenset[str]:
        table = loose_of(aid)
        return frozenset(table[k] for k in keys if k in table)

    new_items: dict[Ord, _Item] = {}
    for _, summ in sorted(changes.items()):
        for it in article_items(summ, glob) if summ else ():
            new_items[_ord(it)] = it
    for o, (it, _, _) in sorted(old_items.items()):
        if o[0] not in changes:
            ev = it.event
            new_items[o] = _Item(it.ref, ev, glob(o[0], ev.agents), glob(o[0], ev.participants),
                                 glob(o[0], (ev.place,) if ev.place else ()), it.words, it.published, it.position)
    counts: dict[str, int] = defaultdict(int)
    for it, _, _ in old_items.values():
        for f in _counted(_features(it)):
            counts[f] -= 1
    for it in new_items.values():
        for f in _counted(_features(it)):
            counts[f] += 1
    for f, d in sorted(counts.items()):
        if d:
            (n,) = db.execute("SELECT count(*) FROM feat WHERE f=?", (f,)).fetchone()
            if (n > event_merge.COMMON) != (n + d > event_merge.COMMON):
                return None  # a feature became common, or no longer is: scores change across the corpus

    # partners: the other tellings a changed one has evidence with
    parts = {part for _, part, _ in old_items.values()}
    pairs: list[tuple[int, Ord, Ord]] = []
    seen: dict[Ord, tuple[_Item, str]] = {}  # tellings read while looking for partners, and their group
    for o, it in sorted(new_items.items()):
        etype = it.event.type
        words = _words(it, common)
        probe = {f for f in _features(it) if f not in common_f and (
            f.split("\x1f", 2)[1] in "pa" or f.split("\x1f", 2)[1] == "w" and len(words) >= 2)}
        if it.timed:  # the same time, when one of the two has no argument ("T": a telling with none)
            probe.add(_feature(etype, "T" if it.args else "t", f"{it.when[0]}/{it.when[1]}"))
        state._set("t_f", ((f,) for f in probe))
        for a, p, part, slug, data in db.execute(
                "SELECT i.aid, i.pos, i.part, i.slug, i.data FROM (SELECT DISTINCT f.aid, f.pos FROM t_f CROSS JOIN "
                "feat f ON f.f = t_f.c0) x CROSS JOIN item i ON i.aid = x.aid AND i.pos = x.pos"):
            if (a, p) in c_ords:
                continue
            if (a, p) not in seen:
                seen[(a, p)] = (_load(data), slug)
            other: _Item = seen[(a, p)][0]
            if not _times_allow(it, other):
                continue
            score = _score(it, other, words, _words(other, common), common) if o < (a, p) else \
                _score(other, it, _words(other, common), words, common)
            if score:
                lo, hi = (o, (a, p)) if o < (a, p) else ((a, p), o)
                pairs.append((-score, lo, hi))
                parts.add(part)
    changed_list = sorted(new_items.items())
    c_items = [it for _, it in changed_list]
    c_words = [_words(it, common) for it in c_items]
    for i, j in _candidate_pairs(c_items, common, c_words):
        score = _score(c_items[i], c_items[j], c_words[i], c_words[j], common)
        if score:
            pairs.append((-score, changed_list[i][0], changed_list[j][0]))
    state._set("t_part", ((p,) for p in parts))
    stored = {pid: _load(data) for pid, data in db.execute("SELECT part, pairs FROM part WHERE part IN t_part")}
    # One index space for the parts and the new tellings. The largest part comes first: its indices stay.
    order = sorted(parts, key=lambda pid: (-len(stored[pid].ords) if pid in stored else 0, pid))
    space = _Part.join([stored[pid] if pid in stored else _Part.single(_text_ord(pid)) for pid in order])
    index_of = {o: u for u, o in enumerate(space.ords) if o is not None}
    dead = {index_of[o] for o in c_ords if o in index_of}
    fresh: dict[int, _Item] = {}
    new_index: dict[Ord, int] = {}
    for o, it in changed_list:
        u = new_index[o] = space.add(o)
        fresh[u] = it
    for sc, x, y in pairs:
        space.pair(sc, new_index[x] if x in new_index else index_of[x], new_index[y] if y in new_index else index_of[y])
    loaded: dict[int, _Item] = dict(fresh)
    old_slug: dict[int, str] = {}

    def item(u: int) -> _Item:
        if u not in loaded:
            o = space.ords[u]
            assert o is not None
            if o in seen:  # (read by the search for partners)
                loaded[u], old_slug[u] = seen[o]
            else:
                slug, data = db.execute("SELECT slug, data FROM item WHERE aid=? AND pos=?", o).fetchone()
                loaded[u], old_slug[u] = _load(data), slug
        return loaded[u]

    groups, space.merges = _replay(space, dead, set(fresh), item)

    # the groups that changed: their old nodes go, new ones come
    gone_slugs = {slug for _, _, slug in old_items.values()}
    gone_slugs.update(old_slug[u] for c in groups for u in c if u in old_slug)
    vclusters = [_cluster_of([item(u) for u in c]) for c in groups]
    state._set("t_vslug", ((sl,) for sl in gone_slugs))
    old_firsts = {f: (b, sl) for f, b, sl in db.execute("SELECT first, base, slug FROM vgroup WHERE slug IN t_vslug")}
    new_firsts = dict(event_base(c) for c in vclusters)
    state._set("t_vbase", ((b,) for b in {*new_firsts.values(), *(b for b, _ in old_firsts.values())}))
    state._set("t_vfirst", ((f,) for f in old_firsts))
    vothers = {_text_ref(f): (b, sl) for f, b, sl in db.execute(
        "SELECT first, base, slug FROM vgroup WHERE base IN t_vbase AND first NOT IN t_vfirst")}
    vslugs = assign_slugs({**{f: b for f, (b, _) in vothers.items()}, **new_firsts})
    for _, slug in old_firsts.values():
        delta.events[slug] = None
    vrenamed = {fr: vslugs[fr] for fr, (_, sl) in vothers.items() if vslugs[fr] != sl}
    for fr in vrenamed:
        delta.events[vothers[fr][1]] = None
    # the global ids of the entities these tellings name (not of every entity of their articles)
    state._set("t_arg", sorted({(it.ref[0], k) for c in vclusters for it in c.items for k in _arg_keys(it.event)}), 2)
    entity_of = {(a, k): sl for a, k, sl in db.execute(
        "SELECT e.aid, e.key, g.slug FROM t_arg CROSS JOIN ent e ON e.aid = t_arg.c0 AND e.key = t_arg.c1 "
        "CROSS JOIN egroup g ON e.root = g.root")}
    slug_of: dict[int, str] = {}
    by_ref = {loaded[u].ref: u for c in groups for u in c}
    db.execute("DELETE FROM vgroup WHERE first IN t_vfirst")
    db.execute("DELETE FROM vnode WHERE first IN t_vfirst")
    for vnode in event_nodes(vclusters, entity_of, vslugs):
        delta.events[vnode.slug] = vnode
        vfirst = min(vnode.members)
        db.execute("INSERT INTO vgroup VALUES (?, ?, ?)", (_ref_text(vfirst), new_firsts[vfirst], vnode.slug))
        db.execute("INSERT INTO vnode VALUES (?, ?)", (_ref_text(vfirst), _dump(vnode)))
        for ref in vnode.members:
            slug_of[by_ref[ref]] = vnode.slug
    for fr, slug in sorted(vrenamed.items()):
        (data,) = db.execute("SELECT node FROM vnode WHERE first=?", (_ref_text(fr),)).fetchone()
        moved: GlobalEvent = _load(data)
        moved.slug = slug
        delta.events[slug] = moved
        db.execute("UPDATE vgroup SET slug=? WHERE first=?", (slug, _ref_text(fr)))
        db.execute("UPDATE vnode SET node=? WHERE first=?", (_dump(moved), _ref_text(fr)))
        db.executemany("UPDATE item SET slug=? WHERE aid=? AND ekey=?", ((slug, a, k) for a, k in moved.members))
        delta.articles.update(a for a, _ in moved.members)
    for u, slug in slug_of.items():
        if old_slug.get(u) != slug:
            delta.articles.add(loaded[u].ref[0])
    for o, (_, _, slug) in old_items.items():
        if o[0] not in changes and slug_of.get(new_index[o]) != slug:
            delta.articles.add(o[0])

    # Write the parts back, and the tellings that changed. The parts touched stay apart unless a new pair joins
    # them (two tellings of one article in unrelated parts must not make one part that every later change
    # of either reads whole).
    unit: list[str] = []
    for pid in order:
        unit.extend([pid] * (len(stored[pid].ords) if pid in stored else 1))
    unit.extend(f"new {u}" for u in range(len(unit), len(space.ords)))
    joined = {x: x for x in unit}
    for _, x, y in pairs:
        _join(joined, unit[new_index[x] if x in new_index else index_of[x]],
              unit[new_index[y] if y in new_index else index_of[y]])
    members_of: dict[str, list[int]] = {}
    for u, name in enumerate(unit):
        members_of.setdefault(_root(joined, name), []).append(u)
    db.executemany("DELETE FROM item WHERE aid=? AND pos=?", sorted(c_ords))
    db.executemany("DELETE FROM feat WHERE aid=? AND pos=?", sorted(c_ords))
    db.execute(f"DELETE FROM iref WHERE aid IN {aids}")
    db.execute("DELETE FROM part WHERE part IN t_part")
    part_of: dict[int, str] = {}
    for indices in members_of.values():
        olds = [x for x in dict.fromkeys(unit[u] for u in indices) if not x.startswith("new ")]
        pid = olds[0] if olds else f"p{uuid.uuid4().hex}"  # (an id no part has: not an article's position)
        db.executemany("UPDATE item SET part=? WHERE part=?", ((pid, old) for old in olds[1:]))
        one = space.subset(indices)
        one.drop({k for k, u in enumerate(indices) if u in dead})  # (may renumber the tellings: last)
        db.execute("INSERT INTO part VALUES (?, ?)", (pid, _dump(one)))
        for u in indices:
            part_of[u] = pid
    db.executemany("INSERT INTO item VALUES (?, ?, ?, ?, ?, ?)",
                   ((o[0], o[1], it.ref[1], part_of[new_index[o]], slug_of[new_index[o]], _dump(it))
                    for o, it in changed_list))
    db.executemany("UPDATE item SET slug=? WHERE aid=? AND pos=?",
                   ((slug, *loaded[u].ref[:1], loaded[u].position) for u, slug in slug_of.items()
                    if u not in fresh and old_slug.get(u) != slug))
    db.executemany("INSERT INTO feat VALUES (?, ?, ?)",
                   ((f, o[0], o[1]) for o, it in changed_list for f in sorted(_features(it))))
    db.executemany("INSERT INTO iref VALUES (?, ?, ?)",
                   ((o[0], k, o[1]) for o, it in changed_list if o[0] in changes for k in sorted(_arg_keys(it.event))))
    return delta


def _root(parent: Any, x: Any) -> Any:
    """The root of ``x`` in a union-find forest (a list of indices or a dict of keys), halving the path."""
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _join(parent: Any, a: Any, b: Any) -> None:
    """Join the trees of ``a`` and ``b`` under the smaller root."""
    ra, rb = _root(parent, a), _root(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def _text_ord(text: str) -> Ord:
    aid, _, pos = text.partition("\t")
    return (aid, int(pos))


def _cluster_of(items: list[_Item]) -> _Cluster:
    c = _Cluster.of(items[0])
    for it in items[1:]:
        c.absorb(_Cluster.of(it))
    return c


class _Part:
    """A connected part of the scored pairs between tellings (or a union of such parts), as the last grouping
    left it: the tellings (index → (article id, position); None for one since deleted), each one's pairs
    (-score and the other's index) and the pairs that joined two groups, in the order they were taken."""

    __slots__ = ("ords", "adj_s", "adj_j", "merges")

    def __init__(self, ords: list[Ord | None], adj_s: list[array[int]], adj_j: list[array[int]],
                 merges: list[tuple[int, int, int]]) -> None:
        self.ords, self.adj_s, self.adj_j, self.merges = ords, adj_s, adj_j, merges

    def __reduce__(self) -> Any:
        return (_Part, (self.ords, self.adj_s, self.adj_j, self.merges))

    @classmethod
    def single(cls, o: Ord) -> _Part:
        return cls([o], [array("h")], [array("i")], [])

    @classmethod
    def join(cls, parts: list[_Part]) -> _Part:
        if not parts:
            return cls([], [], [], [])
        out = cls(list(parts[0].ords), list(parts[0].adj_s), list(parts[0].adj_j), list(parts[0].merges))
        for p in parts[1:]:
            off = len(out.ords)
            out.ords.extend(p.ords)
            out.adj_s.extend(p.adj_s)
            out.adj_j.extend(array("i", (x + off for x in a)) for a in p.adj_j)
            out.merges.extend((s, i + off, j + off) for s, i, j in p.merges)
        return out

    def subset(self, indices: list[int]) -> _Part:
        """The part of these tellings (every pair of theirs within them), renumbered in that order; when they
        start with the first tellings, those keep their numbers and, unless they gained pairs, their arrays."""
        if indices == list(range(len(self.ords))):
            return self
        new = {u: k for k, u in enumerate(indices)}
        prefix = next((k for k, u in enumerate(indices) if u != k), len(indices))  # tellings that keep their number
        adj_j = [a if u < prefix and (not a or max(a) < prefix) else array("i", (new[x] for x in a))
                 for u, a in ((u, self.adj_j[u]) for u in indices)]
        return _Part([self.ords[u] for u in indices], [self.adj_s[u] for u in indices], adj_j,
                     [(s, new[i], new[j]) for s, i, j in self.merges if i in new])

    def add(self, o: Ord) -> int:
        self.ords.append(o)
        self.adj_s.append(array("h"))
        self.adj_j.append(array("i"))
        return len(self.ords) - 1

    def pair(self, s: int, i: int, j: int) -> None:
        self.adj_s[i].append(s)
        self.adj_j[i].append(j)
        self.adj_s[j].append(s)
        self.adj_j[j].append(i)

    def drop(self, dead: set[int]) -> None:
        """Forget deleted tellings (and their pairs); past a quarter of the indices, close the gaps."""
        for d in dead:
            for y in set(self.adj_j[d]):
                if y not in dead:
                    keep = [k for k, z in enumerate(self.adj_j[y]) if z != d]
                    self.adj_s[y] = array("h", (self.adj_s[y][k] for k in keep))
                    self.adj_j[y] = array("i", (self.adj_j[y][k] for k in keep))
            self.ords[d] = None
            self.adj_s[d], self.adj_j[d] = array("h"), array("i")
        gaps = sum(1 for o in self.ords if o is None)
        if gaps * 4 > len(self.ords):
            new = {u: k for k, u in enumerate(u for u, o in enumerate(self.ords) if o is not None)}
            self.ords = [o for o in self.ords if o is not None]
            self.adj_s = [a for u, a in enumerate(self.adj_s) if u in new]
            self.adj_j = [array("i", (new[x] for x in a)) for u, a in enumerate(self.adj_j) if u in new]
            self.merges = [(s, new[i], new[j]) for s, i, j in self.merges]


SCORE_OFFSET = 1 << 16  # pair scores are small negative integers: this makes every key positive


def _replay(space: _Part, dead: set[int], fresh: set[int],
            item: Any) -> tuple[list[list[int]], list[tuple[int, int, int]]]:
    """Group the tellings of ``space`` along its pairs as :func:`kg.event_merge.greedy` would, reusing the last
    grouping: returns the groups that may differ from the last ones (as lists of indices) and the pairs that
    joined groups, in order.

    The pairs are taken in greedy's order (strongest first, then by position). A group is *clean* while it is,
    at that point of the order, exactly a group the last grouping had there (it holds no new telling, and
    every join that made it was one the last grouping made): between two clean groups, the last decision
    stands, so only the pairs that joined groups (``space.merges``) need replaying. A group that holds a new
    telling, or joins one, or misses a join the last grouping made (with a deleted telling, or one now
    refused), is *dirty*: from then on its pairs are decided again, by the same consistency test. What is
    clean at the end is a group of the last grouping, unchanged; the dirty groups are returned."""
    ords = space.ords
    # A pair's place in the order as one integer (score, then the two tellings' ranks by position): heap and
    # set operations on integers, not on tuples of tuples, several times faster over a large part.
    by_rank = sorted((u for u in range(len(ords)) if ords[u] is not None), key=lambda u: (ords[u], u in fresh))
    rank = [0] * len(ords)
    for r, u in enumerate(by_rank):
        rank[u] = r
    width = len(by_rank) + 1

    def key(s: int, i: int, j: int) -> int:
        a, b = rank[i], rank[j]
        if a > b:
            a, b = b, a
        return ((SCORE_OFFSET + s) * width + a) * width + b

    def decode(k: int) -> tuple[int, int, int]:
        rest, b = divmod(k, width)
        s, a = divmod(rest, width)
        return s - SCORE_OFFSET, by_rank[a], by_rank[b]

    parent = list(range(len(ords)))
    members: dict[int, list[int]] = {}
    dirty = bytearray(len(ords))
    clusters: dict[int, _Cluster] = {}

    def find(x: int) -> int:
        r: int = _root(parent, x)
        return r

    def group(r: int) -> list[int]:
        return members.get(r) or [r]

    def cluster(r: int) -> _Cluster:
        if r not in clusters:
            clusters[r] = _cluster_of([item(u) for u in group(r)])
        return clusters[r]

    heap: list[int] = []
    pushed: set[int] = set()
    adj_s, adj_j = space.adj_s, space.adj_j

    def make_dirty(r: int, after: int) -> None:
        dirty[r] = 1
        push, mark, w = heapq.heappush, pushed.add, width
        for x in group(r):
            rx = rank[x]
            for s, y in zip(adj_s[x], adj_j[x], strict=True):  # (key() inlined: the hot loop of a large part)
                ry = rank[y]
                k = ((SCORE_OFFSET + s) * w + rx) * w + ry if rx < ry else ((SCORE_OFFSET + s) * w + ry) * w + rx
                if k > after and k not in pushed:
                    mark(k)
                    push(heap, k)

    def union(ra: int, rb: int, k: int, clean: bool) -> None:
        keep, drop = (ra, rb) if ra < rb else (rb, ra)
        if clean:
            clusters.pop(keep, None)
            clusters.pop(drop, None)
        else:
            cluster(keep).absorb(cluster(drop))
            clusters.pop(drop, None)
        parent[drop] = keep
        members[keep] = group(keep) + group(drop)
        members.pop(drop, None)
        merges.append(decode(k))

    for u in sorted(fresh):
        make_dirty(u, -1)
    for d in dead:
        dirty[d] = 1
    stream = sorted(key(s, i, j) for s, i, j in space.merges)
    recorded = set(stream)
    merges: list[tuple[int, int, int]] = []
    done: set[int] = set()
    n = 0
    while n < len(stream) or heap:
        if heap and (n >= len(stream) or heap[0] < stream[n]):
            k = heapq.heappop(heap)
        else:
            k = stream[n]
            n += 1
        if k in done:
            continue
        done.add(k)
        _, i, j = decode(k)
        was_joined = k in recorded
        if i in dead or j in dead:
            live = [x for x in (i, j) if x not in dead]
            if was_joined and live:  # the last grouping joined a telling now gone: that group is not the same
                r = find(live[0])
                if not dirty[r]:
                    make_dirty(r, k)
            continue
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        if not dirty[ri] and not dirty[rj]:
            if was_joined:
                union(ri, rj, k, clean=True)
            continue
        if _consistent(cluster(ri), cluster(rj)):
            for r in (ri, rj):
                if not dirty[r]:
                    make_dirty(r, k)
            union(ri, rj, k, clean=False)
        elif was_joined:  # the last grouping joined these: a clean one is no longer what it was
            for r in (ri, rj):
                if not dirty[r]:
                    make_dirty(r, k)
    roots: dict[int, list[int]] = {}
    for u in range(len(ords)):
        if ords[u] is not None and u not in dead:
            r = find(u)
            if dirty[r]:
                roots.setdefault(r, []).append(u)
    return [roots[r] for r in sorted(roots)], merges
