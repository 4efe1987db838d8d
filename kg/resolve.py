"""Cross-article resolution: one node per real-world entity and per real-world event.

Input: the plain records of every article (article-local entity keys). Output: a
:class:`Resolution` that maps each ``(article id, local key)`` to a global slug, with the merged
names and the evidence for every merge, so that ``kg show`` can explain it and an overrides file
can undo it. Pure Python over records: no spaCy, no RDF.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.iris import slugify
from kg.records import ArticleRecords, Span, TimeValue

LocalRef = tuple[str, str]  # (article id, article-local key)


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


@dataclass
class MergeEvidence:
    """Why two names or two article-local entities are one node."""

    name: str
    rule: str
    article: str
    span: Span | None = None


@dataclass
class GlobalEntity:
    slug: str
    type: str
    name: str
    aliases: list[str]
    members: list[LocalRef]
    evidence: list[MergeEvidence] = field(default_factory=list)


@dataclass
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

    def find(self, x: LocalRef) -> LocalRef:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: LocalRef, b: LocalRef) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _is_full_name(key: str, etype: str) -> bool:
    """A person is identified across articles by two or more name words, never a surname alone."""
    return etype != "Actor" or len(key.split()) >= 2


def resolve(all_records: Iterable[ArticleRecords]) -> Resolution:
    records = sorted(all_records, key=lambda r: r.article.id)
    uf = _UnionFind()
    by_name: dict[tuple[str, str], list[LocalRef]] = defaultdict(list)
    local: dict[LocalRef, tuple[str, str, list[str]]] = {}
    evidence: dict[LocalRef, list[MergeEvidence]] = defaultdict(list)
    for rec in records:
        aid = rec.article.id
        for ent in rec.entities:
            ref = (aid, ent.key)
            uf.find(ref)
            names = [ent.name, *ent.aliases]
            local[ref] = (ent.type, ent.name, names)
            for ev in ent.evidence:
                evidence[ref].append(MergeEvidence(ev.alias, ev.rule, aid, ev.span))
            for n in names:
                k = name_key(n)
                if k and _is_full_name(k, ent.type):
                    by_name[(_type_family(ent.type), k)].append(ref)
    for (_family, key), refs in sorted(by_name.items()):
        first = refs[0]
        for other in refs[1:]:
            if uf.find(first) != uf.find(other):
                evidence[other].append(MergeEvidence(key, "same-name", other[0]))
            uf.union(first, other)

    clusters: dict[LocalRef, list[LocalRef]] = defaultdict(list)
    for ref in sorted(local):
        clusters[uf.find(ref)].append(ref)

    res = Resolution()
    used: Counter[str] = Counter()
    for root in sorted(clusters):
        refs = clusters[root]
        etype = _vote_type([local[r][0] for r in refs])
        name_counts: Counter[str] = Counter(local[r][1] for r in refs)
        name = sorted(name_counts, key=lambda n: (-name_counts[n], -len(n), n))[0]
        aliases = sorted({n for r in refs for n in local[r][2]} - {name})
        slug = slugify(name)
        used[slug] += 1
        if used[slug] > 1:
            slug = f"{slug}-{used[slug]}"
        ents_ev = [e for r in refs for e in evidence[r]]
        res.entities[slug] = GlobalEntity(slug, etype, name, aliases, refs, ents_ev)
        for r in refs:
            res.entity_of[r] = slug
    from kg.event_merge import merge_events

    merge_events(records, res)
    return res


def _type_family(etype: str) -> str:
    # Organizations and places share names ("Iraq" the state, "Iraq" the country): one family.
    return "agent-place" if etype in ("Organization", "Place") else etype


def _vote_type(types: list[str]) -> str:
    counts = Counter(types)
    order = {"Actor": 0, "Organization": 1, "Place": 2}
    return sorted(counts, key=lambda t: (-counts[t], order.get(t, 9)))[0]


