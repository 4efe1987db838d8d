"""Synthetic kg graphs of a given size, in exactly the shape kg's mapping emits.

Articles come from :mod:`bench.corpus` with their annotations (what the generator wrote where).
Each article's annotations become :class:`kg.records.ArticleRecords`, entities are resolved across
articles by name (the same full name is one node, as ``kg.resolve`` does, but in one linear pass:
kg's own resolver compares every pair of people, which does not finish at millions of triples),
and the quads come from ``kg.mapping.article_lines`` / ``resolution_lines`` themselves: per-article
named graphs plus the resolution graph, Statement/TextSpan/Actor/Membership/Event with the kg
vocabulary, so every stored query returns rows and ``kg validate`` finds the graph conforming.

The result is an N-Quads file and an Oxigraph store folder laid out like a ``kg build`` store
(``DIR/oxigraph``, with the manifest and the copies of the graphs a build keeps: see
:func:`export_cache`), cached under ``bench/out/graphs`` by a fingerprint of the generator and of the
kg modules that shape the quads (the cache holds fixtures, not measured work).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections import Counter
from pathlib import Path
from typing import Any

from corpus import GENERATOR_VERSION, GeneratedArticle, generate

ROOT = Path(__file__).resolve().parent.parent
SHAPING_MODULES = ["kg/mapping.py", "kg/iris.py", "kg/namespace.py", "kg/records.py", "kg/resolve.py"]


def to_records(g: GeneratedArticle) -> Any:
    from kg.records import AliasEvidence, Article, ArticleRecords, Entity, Event, Relation, Span, Statement, TimeValue

    text = g.text

    def sp(s: tuple[int, int] | None) -> Span | None:
        return None if s is None else Span(s[0], s[1], text[s[0]:s[1]])

    article = Article(id=g.id, path=f"{g.id}.txt", text="", sha256=hashlib.sha256(text.encode()).hexdigest(),
                      published=g.published, headline=sp(g.headline))
    entities = tuple(
        Entity(key=e.key, type=e.type, name=e.name, aliases=tuple(e.aliases),  # type: ignore[arg-type]
               mentions=tuple(Span(s, t, text[s:t]) for s, t in e.mentions),
               evidence=tuple(AliasEvidence(a, rule, Span(s, t, text[s:t])) for a, rule, s, t in e.evidence),
               titles=tuple(e.titles))
        for e in g.entities)
    keys = {e.key for e in g.entities}
    statements = tuple(
        Statement(content=sp(st.content), kind=st.kind, speaker_mention=sp(st.speaker_mention),  # type: ignore
                  speaker=st.speaker if st.speaker in keys else None, cue=st.cue,
                  about=tuple(a for a in st.about if a in keys), medium=sp(st.medium),
                  medium_entity=st.medium_entity, date=st.date, date_text=st.date_text)
        for st in g.statements)
    relations = tuple(Relation(s, role, o, title, sp(ev))  # type: ignore[arg-type]
                      for s, role, o, title, ev in g.relations if s in keys and o in keys)
    events = tuple(
        Event(key=v.key, type=v.type, trigger=sp(v.trigger), label=v.label,  # type: ignore[arg-type]
              agents=tuple(a for a in v.agents if a in keys),
              participants=tuple(p for p in v.participants if p in keys),
              place=v.place if v.place in keys else None,
              time=TimeValue(v.time_text, v.time_value, v.time_datatype, span=sp(v.time_span))
              if v.time_text else None)
        for v in g.events)
    return ArticleRecords(article=article, entities=entities, statements=statements, relations=relations,
                          events=events, statement_events=tuple(g.statement_events))


class LinearResolver:
    """Entity and event resolution in one pass (same full name and type family → one node)."""

    def __init__(self) -> None:
        from kg.resolve import Resolution

        self.res = Resolution()
        self.by_key: dict[tuple[str, str], str] = {}
        self.used: Counter[str] = Counter()
        self.resolution_quads = 0  # running count of what resolution_lines will emit (to hit a size target)

    def _slug(self, text: str, limit: int = 60) -> str:
        from kg.iris import slugify

        slug = slugify(text, limit)
        self.used[slug] += 1
        return slug if self.used[slug] == 1 else f"{slug}-{self.used[slug]}"

    def add(self, rec: Any) -> None:
        from kg.resolve import GlobalEntity, GlobalEvent, MergeEvidence, name_key

        aid = rec.article.id
        for e in rec.entities:
            family = "Actor" if e.type == "Actor" else "agent-place"
            k = (family, name_key(e.name))
            slug = self.by_key.get(k)
            if slug is None:
                slug = self.by_key[k] = self._slug(e.name)
                self.res.entities[slug] = GlobalEntity(slug, e.type, e.name, [], [])
                self.resolution_quads += 3
            else:
                self.res.entities[slug].evidence.append(MergeEvidence(k[1], "same-name", aid))
                self.resolution_quads += 5
            ge = self.res.entities[slug]
            ge.members.append((aid, e.key))
            for a in e.aliases:
                if a not in ge.aliases and a != ge.name:
                    ge.aliases.append(a)
                    self.resolution_quads += 1
            ge.evidence.extend(MergeEvidence(x.alias, x.rule, aid, x.span) for x in e.evidence)
            self.resolution_quads += 11 * len(e.evidence)
            self.res.entity_of[(aid, e.key)] = slug
        for v in rec.events:
            year = v.time.value[:4] if v.time and v.time.value else ""
            slug = self._slug(f"{v.type}-{v.label}" + (f"-{year}" if year else ""), 70)

            def glob(keys: Any, aid: str = aid) -> list[str]:
                return [self.res.entity_of[(aid, k)] for k in keys if (aid, k) in self.res.entity_of]

            agents = sorted(set(glob(v.agents)))
            participants = sorted(set(glob(v.participants)) - set(agents))
            place = (glob([v.place]) or [None])[0] if v.place else None
            self.res.events[slug] = GlobalEvent(slug, v.type, v.label, v.time, agents, participants, place,
                                                [(aid, v.key)])
            self.res.event_of[(aid, v.key)] = slug
            self.resolution_quads += 3 + len(agents) + len(participants) + bool(place) + (3 if v.time else 0)

    def finish(self) -> None:
        for e in self.res.entities.values():
            e.aliases.sort()


def fingerprint(target: int, seed: int) -> str:
    h = hashlib.sha256(f"{GENERATOR_VERSION}:{target}:{seed}".encode())
    for rel in ["bench/corpus.py", "bench/graphs.py", *SHAPING_MODULES]:
        p = ROOT / rel
        h.update(p.read_bytes() if p.exists() else b"")
    return h.hexdigest()[:12]


def build_graph(target: int, out_root: Path, seed: int = 7, log: Any = print) -> dict[str, Any]:
    """An N-Quads file and an Oxigraph store of about ``target`` quads; returns its info (cached)."""
    import pyoxigraph
    from pyoxigraph import RdfFormat

    from kg.iris import Iris
    from kg.mapping import article_lines, resolution_lines

    folder = out_root / f"g{target}-{fingerprint(target, seed)}"
    info_file = folder / "info.json"
    if info_file.exists():
        info = json.loads(info_file.read_text())
        export_cache(info)  # a fixture made before the bench wrote it
        return info
    for stale in out_root.glob(f"g{target}-*"):  # fixtures of older generator or kg versions
        shutil.rmtree(stale)
    folder.mkdir(parents=True)
    iris = Iris()
    try:
        from kg.extract.event_types import event_type_iris

        types = event_type_iris()
    except ImportError:  # pragma: no cover - older kg
        types = {}
    resolver = LinearResolver()
    nq = folder / "data.nq"
    t0 = time.perf_counter()
    n_articles = n_quads = 0
    with nq.open("wb") as fh:
        i = 0
        while True:
            rec = to_records(generate(seed, i))
            resolver.add(rec)
            lines = article_lines(rec, resolver.res, iris)
            fh.write("".join(f"{line} .\n" for line in lines).encode("utf-8"))
            n_quads += len(lines)
            n_articles += 1
            i += 1
            estimate = n_quads + resolver.resolution_quads
            if estimate >= target:
                break
            if i % 1000 == 0:
                log(f"    graph {target}: {i} articles, ~{estimate} quads")
        resolver.finish()
        rq = resolution_lines(resolver.res, iris, types)
        fh.write("".join(f"{line} .\n" for line in rq).encode("utf-8"))
        n_quads += len(rq)
    gen_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    store_dir = folder / "store"
    (store_dir / "records").mkdir(parents=True)
    store = pyoxigraph.Store(str(store_dir / "oxigraph"))
    store.bulk_load(path=str(nq), format=RdfFormat.N_QUADS)
    store.flush()
    store.optimize()  # as `kg build` leaves a store it loaded in bulk (kg.store.GraphStore.optimize)
    size = len(store)
    del store
    info = {"target": target, "articles": n_articles, "quads": size, "generated_quads": n_quads,
            "entities": len(resolver.res.entities), "events": len(resolver.res.events),
            "generate_s": round(gen_s, 1), "load_s": round(time.perf_counter() - t1, 1),
            "nq": str(nq), "store": str(store_dir), "folder": str(folder)}
    export_cache(info)
    info_file.write_text(json.dumps(info, indent=1))
    return info


def export_cache(info: dict[str, Any]) -> None:
    """What ``kg build`` keeps next to its store and ``kg export`` reads instead of the store: a copy
    of each graph and the manifest naming their hashes, written from ``data.nq`` by kg's own functions
    (``GraphStore.save_article_copy`` and ``save_graph_copy``), once; the store is only read."""
    from kg.build import RESOLUTION
    from kg.iris import Iris
    from kg.store import GraphStore, graph_digest

    store_dir = Path(info["store"])
    gs = GraphStore(store_dir, read_only=True)
    if (store_dir / "manifest.json").exists() and gs.graph_copy(gs.manifest().get(RESOLUTION)) is not None:
        return
    iris = Iris()
    articles: dict[str, dict[str, str]] = {}
    resolution: list[str] = []
    graph, lines = "", []

    def save() -> None:
        if graph == iris.resolution_graph:
            resolution.extend(lines)
        elif graph:
            aid = iris.article_id_of_graph(graph)
            assert aid is not None and aid not in articles, graph  # data.nq holds each article's quads together
            articles[aid] = {"graph": graph_digest(lines), "copy": gs.save_article_copy(aid, graph, lines)}

    with open(info["nq"], encoding="utf-8", newline="\n") as fh:
        for line in fh:
            quad = line[:-3]  # " .\n"
            g = quad[quad.rindex(" <") + 2:-1]
            if g != graph:
                save()
                graph, lines = g, []
            lines.append(quad)
    save()
    digest = graph_digest(sorted(set(resolution)))
    gs.save_graph_copy(digest, "bench", {"bench": ("", resolution)})
    gs.save_manifest({"articles": articles, RESOLUTION: digest, "base": iris.base})


def union_ntriples(info: dict[str, Any]) -> Path:
    """The graph's union as N-Triples (what Turtle export and ``kg validate`` see), cached next to it."""
    import pyoxigraph
    from pyoxigraph import RdfFormat

    path = Path(info["folder"]) / "union.nt"
    if not path.exists():
        store = pyoxigraph.Store.read_only(str(Path(info["store"]) / "oxigraph"))
        res = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(res.serialize(format=RdfFormat.N_TRIPLES))
        tmp.replace(path)
    return path
