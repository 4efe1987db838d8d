"""Cross-article resolution: one node per real-world entity and per real-world event.

Input: what resolution reads of every article (:class:`kg.records.ArticleSummary`: article-local
entity keys, names, titles, roles, quoted words and events). Output: a
:class:`Resolution` that maps each ``(article id, local key)`` to a global slug, with the merged
names and the evidence for every merge, so that ``kg show`` can explain it and an overrides file
can undo it. Pure Python over records: no spaCy, no RDF.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.iris import slugify
from kg.records import ArticleRecords, ArticleSummary, EntitySummary, Span, TimeValue

LocalRef = tuple[str, str]  # (article id, article-local key)


@functools.lru_cache(maxsize=1 << 18)  # names recur across articles; the key is pure
def name_key(name: str) -> str:
    """Spelling-insensitive key of a name: case, accents, apostrophes and al-/el-/the ignored."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’‘`ʼ]s\b", "", text)
    text = re.sub(r"['’‘`ʼ]", "", text)
    words = [w for w in re.split(r"[^a-z0-9]+", text) if w]
    while len(words) > 1 and words[0] in ("the", "al", "el"):
        words = words[1:]
    words = [w for w in words if w not in ("al", "el")] or words
    return " ".join(words)


@dataclass(slots=True)
class MergeEvidence:
    """Why two names or two article-local entities are one node."""

    name: str
    rule: str
    article: str
    span: Span | None = None


@dataclass(slots=True)
class GlobalEntity:
    slug: str
    type: str
    name: str
    aliases: list[str]
    members: list[LocalRef]
    evidence: list[MergeEvidence] = field(default_factory=list)


@dataclass(slots=True)
class GlobalEvent:
    slug: str
    type: str
    label: str
    time: TimeValue | None
    agents: list[str]
    participants: list[str]
    place: str | None
    members: list[LocalRef]


@dataclass
class Resolution:
    entity_of: dict[LocalRef, str] = field(default_factory=dict)
    entities: dict[str, GlobalEntity] = field(default_factory=dict)
    event_of: dict[LocalRef, str] = field(default_factory=dict)
    events: dict[str, GlobalEvent] = field(default_factory=dict)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[LocalRef, LocalRef] = {}
        self._keys: dict[LocalRef, set[str]] = {}

    def add_keys(self, x: LocalRef, keys: Iterable[str]) -> None:
        self._keys.setdefault(self.find(x), set()).update(keys)

    def keys(self, root: LocalRef) -> set[str]:
        return self._keys.get(root, set())

    def find(self, x: LocalRef) -> LocalRef:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: LocalRef, b: LocalRef) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            keep, gone = min(ra, rb), max(ra, rb)
            self.parent[gone] = keep
            if self._keys:
                self._keys.setdefault(keep, set()).update(self._keys.pop(gone, set()))


def _is_full_name(key: str, etype: str) -> bool:
    """A person is identified across articles by two or more name words, never a surname alone."""
    return etype != "Actor" or len(key.split()) >= 2


def resolve(all_records: Iterable[ArticleRecords], overrides: Overrides | None = None) -> Resolution:
    """Cluster article-local entities into global ones, then merge events (see module doc)."""
    return resolve_summaries((ArticleSummary.of(r) for r in all_records), overrides)


def resolve_summaries(summaries: Iterable[ArticleSummary], overrides: Overrides | None = None,
                      trace: Trace | None = None) -> Resolution:
    """:func:`resolve` over the articles' summaries (what a build keeps between runs). ``trace``, when
    given, receives what an incremental build keeps of this resolution (:mod:`kg.incremental`)."""
    ov = overrides or Overrides()
    records = sorted(summaries, key=lambda r: r.id)
    local: dict[LocalRef, _Local] = {}
    own: dict[LocalRef, list[MergeEvidence]] = {}
    for rec in records:
        for ent in rec.entities:
            ref = (rec.id, ent.key)
            local[ref] = _Local.of(ent)
            own[ref] = own_evidence(rec.id, ent)
    res = Resolution()
    clusters, evidence = cluster_entities(local, own, ov)
    bases = {root: slugify(local[root].name) for root in clusters}
    for root, slug in assign_slugs(bases).items():
        refs = clusters[root]
        res.entities[slug] = entity_node(slug, refs, local, evidence)
        for r in refs:
            res.entity_of[r] = slug
    from kg.event_merge import merge_events

    merge_events(records, res, trace)
    if trace is not None:
        trace.local, trace.own = local, own
    return res


@dataclass
class Trace:
    """What a full resolution leaves an incremental build: each local entity as resolution read it, and
    the event tellings with their scored pairs (:func:`kg.event_merge.cluster_events`)."""

    local: dict[LocalRef, _Local] = field(default_factory=dict)
    own: dict[LocalRef, list[MergeEvidence]] = field(default_factory=dict)
    items: list[Any] = field(default_factory=list)
    pairs: list[tuple[int, int, int]] = field(default_factory=list)  # (-score, i, j), sorted
    merges: list[tuple[int, int, int]] = field(default_factory=list)  # the pairs that joined groups, in order
    common: frozenset[tuple[str, str, str]] = frozenset()


def own_evidence(aid: str, ent: EntitySummary) -> list[MergeEvidence]:
    """The article's own evidence for an entity's other names (an apposition, a parenthesis)."""
    return [MergeEvidence(ev.alias, ev.rule, aid, ev.span) for ev in ent.evidence]


def cluster_entities(local: dict[LocalRef, _Local], own: dict[LocalRef, list[MergeEvidence]],
                     ov: Overrides) -> tuple[dict[LocalRef, list[LocalRef]], dict[LocalRef, list[MergeEvidence]]]:
    """Group local entities into global ones: root (the smallest member) → sorted members, with each
    member's evidence. Every rule joins two entities on what the two alone say (with no ``not-same``
    override), so a group is a connected component, and grouping any union of components alone gives
    the groups that grouping everything gives them: what makes :mod:`kg.incremental` exact."""
    uf = _UnionFind()
    evidence: dict[LocalRef, list[MergeEvidence]] = {ref: list(own.get(ref, ())) for ref in local}
    for ref in sorted(local):
        uf.find(ref)

    forbidding = bool(ov.not_same)  # (a group's names are only tracked for not-same overrides)

    def merge(a: LocalRef, b: LocalRef, why: MergeEvidence) -> None:
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb or forbidding and ov.forbids(uf.keys(ra), uf.keys(rb)):
            return
        evidence[b].append(why)
        uf.union(a, b)

    if forbidding:
        for ref, loc in local.items():
            uf.add_keys(ref, loc.keys)
    _merge_same_names(local, merge)
    _merge_variants_in_article(local, merge)
    # spelling variants of a person's full name (al-Kadhimi / al-Kadhemi)
    _merge_supported_variants(local, merge, uf, "Actor", _name_skeleton, _variant, "spelling-variant")
    # organization names that differ in a generic head noun (... Units / ... Forces)
    _merge_supported_variants(local, merge, uf, "Organization", _without_head, _head_variant, "head-noun-variant")
    # a person's name and a fuller one (Hernán Castañeda / Hernán Castañeda Montoya: a second surname, a middle name)
    _merge_supported_variants(local, merge, uf, "Actor", _first_and_other, _shorter_name, "shorter-name")
    _merge_overrides(local, merge, ov)
    clusters: dict[LocalRef, list[LocalRef]] = defaultdict(list)
    for ref in sorted(local):
        clusters[uf.find(ref)].append(ref)
    return dict(clusters), evidence


def assign_slugs(bases: dict[Any, str]) -> dict[Any, str]:
    """Each node's slug, from ``bases`` (node's first source → its slug base): the base itself for the
    first node (in sorted order) with that base, the base and a digest of the node's first source for
    the others. A node's slug depends only on the nodes that share its base: adding or changing a
    later article leaves the other nodes' IRIs alone."""
    from kg.iris import digest

    first: dict[str, Any] = {}
    for key in sorted(bases):
        first.setdefault(bases[key], key)
    return {key: base if first[base] == key else f"{base}-{digest(anchor(key), size=6)}"
            for key, base in sorted(bases.items())}


def anchor(ref: tuple[str, str]) -> str:
    return f"{ref[0]}/{ref[1]}"


def entity_node(slug: str, refs: list[LocalRef], local: dict[LocalRef, _Local],
                evidence: dict[LocalRef, list[MergeEvidence]]) -> GlobalEntity:
    """The global entity of a group of local ones: its type and name by vote, the other names as aliases."""
    etype = _vote_type([local[r].type for r in refs])
    name_counts: Counter[str] = Counter()
    for r in refs:  # the name most often used, weighted by mentions
        name_counts[local[r].name] += local[r].weight
    name = sorted(name_counts, key=lambda n: (-name_counts[n], -len(n.split()), -len(n), n))[0]
    aliases = sorted({n for r in refs for n in local[r].names} - {name})
    # The IRI comes from the first article's name for the entity, not from the vote above: a
    # later article that tips the vote changes the display name, not every graph's IRIs.
    return GlobalEntity(slug, etype, name, aliases, refs, [e for r in refs for e in evidence[r]])


@dataclass(slots=True)
class _Local:
    """What resolution needs of an article-local entity."""

    type: str
    name: str
    names: list[str]
    keys: frozenset[str]
    titles: set[str]
    links: set[tuple[str, str]]  # (role, name key of the other end)
    said: set[str]  # content keys of its statements
    weight: int  # mentions in the article

    @classmethod
    def of(cls, ent: EntitySummary) -> _Local:
        names = [ent.name, *ent.aliases]
        keys = frozenset(name_key(n) for n in names) - {"", *_bare_forms(ent)}
        links = {(role, name_key(other)) for role, other in ent.links}
        titles = {" ".join(t.lower().split()) for t in ent.titles}
        return cls(ent.type, ent.name, names, keys, titles, links, set(ent.said), ent.weight)


OWNED = re.compile(r"^\S+(?:\s\S+)?['’]s\s+(\S.*)$")


def _bare_forms(ent: EntitySummary) -> set[str]:
    """The keys of an owned institution's bare name ("Ministry of Health" of "Kenya's Ministry of Health"):
    every country has one, so the bare form names no entity across articles."""
    m = OWNED.match(ent.name) if ent.type == "Organization" else None
    return {name_key(m.group(1))} if m else set()


def _merge_same_names(local: dict[LocalRef, _Local], merge: Any) -> None:
    """Across articles, the same full name (spelling-insensitive) of the same kind is the same entity."""
    by_name: dict[tuple[str, str], list[LocalRef]] = defaultdict(list)
    for ref, loc in sorted(local.items()):
        for k in sorted(loc.keys):
            if _is_full_name(k, loc.type):
                by_name[(_type_family(loc.type), k)].append(ref)
    for (_family, key), refs in sorted(by_name.items()):
        for other in refs[1:]:
            merge(refs[0], other, MergeEvidence(key, "same-name", other[0]))


def skeleton(word: str) -> str:
    """Consonant skeleton of a transliterated word: Rubaie/Rubaei → rb, Kadhimi/Kadhemi → kdhm."""
    word = word.lower().replace("q", "k")
    out = word[:1]
    for c in word[1:]:
        if c not in "aeiouyw'" and c != out[-1:]:
            out += c
    return out


def edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _variant(a: str, b: str) -> bool:
    """Two name keys that differ only in how vowels were transliterated (at most two letters), word for word.

    Rubaie/Rubaei and Kadhimi/Kadhemi are variants; Hussein/Hassan are not."""
    wa, wb = a.split(), b.split()
    return a != b and len(wa) == len(wb) and all(
        x == y or (skeleton(x) == skeleton(y) and x[0] == y[0] and edit_distance(x, y) <= 2)
        for x, y in zip(wa, wb, strict=True))


def _merge_variants_in_article(local: dict[LocalRef, _Local], merge: Any) -> None:
    """Inside one article, a lone surname spelled differently (al-Rubaei) is the one full name it varies."""
    by_article: dict[str, list[LocalRef]] = defaultdict(list)
    for ref in sorted(local):
        by_article[ref[0]].append(ref)
    for aid, refs in by_article.items():
        people = [r for r in refs if local[r].type == "Actor"]
        for r in people:
            short = sorted(k for k in local[r].keys if len(k.split()) == 1)  # (sorted: not the set's order)
            if not short or any(len(k.split()) > 1 for k in local[r].keys):
                continue
            cands = [o for o in people if o != r and any(
                len(k.split()) > 1 and _variant(k.split()[-1], short[0]) for k in local[o].keys)]
            if len(cands) == 1:
                merge(cands[0], r, MergeEvidence(local[r].name, "spelling-variant-in-article", aid))


@functools.lru_cache(maxsize=1 << 16)  # (pure; a public figure's name recurs in every article)
def _name_skeleton(key: str) -> str:
    return " ".join(skeleton(w) for w in key.split())


@functools.lru_cache(maxsize=1 << 16)  # (pure; a public figure's name recurs in every article)
def _without_head(key: str) -> tuple[str, ...]:
    """The block of an organization's name for :func:`_head_variant`: the name without its head noun, when it
    ends in one (no block for "bloc of solidarity": no variant of it differs only in a head noun, and a
    block of every "bloc of ..." made an incremental build regroup them all)."""
    from kg.extract.lexicon import org_heads

    words = key.split()
    return (" ".join(words[:-1]),) if words[-1] in org_heads() else ()


def _merge_supported_variants(local: dict[LocalRef, _Local], merge: Any, uf: _UnionFind, etype: str,
                              block: Any, variant: Any, rule: str) -> None:
    """Across articles, merge entities of ``etype`` whose names are variants (``variant``), only with
    supporting evidence beyond the name (see :func:`_support`). Candidates are compared only inside
    blocks of equal ``block(name key)`` (a block key, or a list of them), so the cost follows the number of
    near-duplicates, not the square of the number of entities."""
    blocks: dict[str, set[LocalRef]] = defaultdict(set)
    for ref, loc in local.items():
        if loc.type == etype:
            for k in loc.keys:
                if len(k.split()) > 1:
                    keys = block(k)
                    for b in [keys] if isinstance(keys, str) else keys:
                        blocks[b].add(ref)
    # Whether two entities' names vary depends on their sets of names alone, which repeat across the
    # articles that name a public figure: each pair of sets is compared once.
    multi = {ref: frozenset(k for k in local[ref].keys if len(k.split()) > 1)
             for members in blocks.values() for ref in members}
    varies: dict[tuple[frozenset[str], frozenset[str]], bool] = {}

    def vary(x: frozenset[str], y: frozenset[str]) -> bool:
        known = varies.get((x, y))
        if known is None:
            known = varies[(x, y)] = any(variant(a, b) for a in x for b in y)
        return known

    for _, members in sorted(blocks.items()):
        refs = sorted(members)
        # Each member's current entity, kept up to date as this block merges: a block of one public
        # figure's name holds every article that names them, mostly one entity already, and most
        # pairs are skipped on this alone.
        root = {r: uf.find(r) for r in refs}
        if len(set(root.values())) < 2:
            continue
        for i, a in enumerate(refs):
            la = local[a]
            for b in refs[i + 1:]:
                if a[0] == b[0] or root[a] == root[b]:
                    continue
                lb = local[b]
                if not vary(multi[a], lb.keys):
                    continue
                support = _support(la, lb)
                if support:
                    ra, rb = root[a], root[b]
                    merge(a, b, MergeEvidence(lb.name, f"{rule}; {support}", b[0]))
                    new = uf.find(a)
                    if new == uf.find(b):
                        for r in refs:
                            if root[r] in (ra, rb):
                                root[r] = new


@functools.lru_cache(maxsize=1 << 16)
def _first_and_other(key: str) -> tuple[str, ...]:
    """Blocks of a person's name for :func:`_shorter_name`: its first word with each other word. A name and a
    fuller one share the block of the shorter one's first and last words."""
    words = key.split()
    return tuple(f"{words[0]} {w}" for w in dict.fromkeys(words[1:]))


def _shorter_name(a: str, b: str) -> bool:
    """One person's name the other with words left out, the first word kept: "hernan castaneda" and "hernan
    castaneda montoya", "julio nique" and "julio cesar nique villacorta" (the second surname, a middle name)."""
    wa, wb = a.split(), b.split()
    short, full = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    if len(short) < 2 or len(short) == len(full) or short[0] != full[0]:
        return False
    it = iter(full[1:])
    return all(w in it for w in short[1:])


def _head_variant(a: str, b: str) -> bool:
    """Names that differ only in a generic head noun: Popular Mobilization Units / Forces."""
    from kg.extract.lexicon import org_heads

    wa, wb = a.split(), b.split()
    return (len(wa) == len(wb) >= 2 and wa[:-1] == wb[:-1] and wa[-1] != wb[-1]
            and wa[-1] in org_heads() and wb[-1] in org_heads())


def _support(a: _Local, b: _Local) -> str:
    """Evidence beyond the name that two people are one: shared title, role or quoted words."""
    if a.titles & b.titles:
        return f"same title {sorted(a.titles & b.titles)[0]!r}"
    if a.links & b.links:
        role, other = sorted(a.links & b.links)[0]
        return f"same role {role.lstrip('~')} ({other})"
    if a.said & b.said:
        return "same quoted words"
    return ""


def _merge_overrides(local: dict[LocalRef, _Local], merge: Any, ov: Overrides) -> None:
    for names in ov.same:
        keys = {name_key(n) for n in names}
        refs = sorted(r for r, loc in local.items() if loc.keys & keys)
        for other in refs[1:]:
            merge(refs[0], other, MergeEvidence(local[other].name, "override: same", other[0]))


@dataclass
class Overrides:
    """A user's corrections: groups of names that are one entity, pairs that are not.

    Read from a TOML file (``kg build --overrides FILE``)::

        [[same]]
        names = ["Mustafa al-Kadhimi", "Mustafa al-Kadhemi"]

        [[not-same]]
        names = ["Hussein Ali", "Hussein Ali Mohammed"]
    """

    same: list[list[str]] = field(default_factory=list)
    not_same: list[list[str]] = field(default_factory=list)

    def forbids(self, a: set[str], b: set[str]) -> bool:
        for names in self.not_same:
            keys = [name_key(n) for n in names]
            for i, x in enumerate(keys):
                for y in keys[i + 1:]:
                    if (x in a and y in b) or (y in a and x in b):
                        return True
        return False

    @classmethod
    def load(cls, path: str | Path) -> Overrides:
        import tomllib

        from kg.errors import InputError

        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except OSError as exc:
            raise InputError(f"{p}: cannot read overrides: {exc.strerror or exc}") from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"{p}: not a valid overrides file: {exc}") from exc
        unknown = set(data) - {"same", "not-same"}
        if unknown:
            raise InputError(f"{p}: unknown section {sorted(unknown)[0]!r}; use [[same]] or [[not-same]]")
        out = cls()
        for section, target in (("same", out.same), ("not-same", out.not_same)):
            for i, entry in enumerate(data.get(section, [])):
                names = entry.get("names") if isinstance(entry, dict) else None
                if not isinstance(names, list) or len(names) < 2 or not all(isinstance(n, str) for n in names):
                    raise InputError(f"{p}: [[{section}]] entry {i + 1} needs names = [at least two strings]")
                target.append(names)
        return out


def _type_family(etype: str) -> str:
    # Organizations and places share names ("Iraq" the state, "Iraq" the country): one family.
    return "agent-place" if etype in ("Organization", "Place") else etype


def _vote_type(types: list[str]) -> str:
    counts = Counter(types)
    order = {"Actor": 0, "Organization": 1, "Place": 2}
    return sorted(counts, key=lambda t: (-counts[t], order.get(t, 9)))[0]


