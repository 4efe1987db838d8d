"""Cross-article event merging: the same event told by several articles is one node.

Runs after entity resolution, over plain records. Two events are the same event when they have the
same type, times that agree (one may be unknown), nothing that contradicts (different agents, or
different places with no shared participant, or a time after the publication of an article that
tells the event as past) and some evidence:

- a shared participant or place;
- a shared agent, when times are both known or one telling names no participant (then places may
  differ when both are dated to the same day: *agreed in Luanda* / *a ceasefire in eastern Congo*);
- labels sharing most of their content words (*end of the combat mission*);
- the same resolved time, when one telling names no argument at all.

Pairs are merged strongest evidence first, and a pair is only merged when the two *groups* stay
consistent, so that a vague telling cannot chain two different events together. Iteration is over
sorted keys, and slugs are derived from type, label and year: the same input gives the same nodes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from kg.extract.timex import compatible_time
from kg.iris import slugify, unique_slug
from kg.records import ArticleRecords, Event, TimeValue
from kg.resolve import GlobalEvent, Resolution, name_key

LABEL_STOPWORDS = frozenset(
    {
        "the",
        "a",
        "an",
        "of",
        "in",
        "to",
        "and",
        "at",
        "on",
        "for",
        "by",
        "with",
        "from",
        "s",
        "its",
        "their",
        "his",
        "her",
        "near",
        "into",
    }
)
LABEL_OVERLAP = 0.6  # shared content words / words of the shorter label
LABEL_MIN_SHARED = 2
PRECISION = {"date": 3, "gYearMonth": 2, "gYear": 1}


@dataclass
class _Item:
    """One article's telling of an event, with its arguments as global keys."""

    ref: tuple[str, str]
    event: Event
    agents: frozenset[str]
    participants: frozenset[str]
    places: frozenset[str]
    words: frozenset[str]
    published: str | None = None  # ISO date of the article: the event happened by then

    @property
    def args(self) -> frozenset[str]:
        return self.agents | self.participants | self.places


@dataclass
class _Cluster:
    items: list[_Item] = field(default_factory=list)

    def union(self, attr: str) -> frozenset[str]:
        return frozenset(x for i in self.items for x in getattr(i, attr))

    def times(self) -> list[TimeValue]:
        return [i.event.time for i in self.items if i.event.time is not None and i.event.time.value]

    def published(self) -> str | None:
        """The earliest publication date among the tellings."""
        return min((i.published for i in self.items if i.published), default=None)


def label_words(label: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[^\W_]+", label.lower()) if w not in LABEL_STOPWORDS and len(w) > 1)


def _loose_keys(res: Resolution) -> dict[str, str]:
    """Global slug → a spelling-loose key (``U.S.`` and ``US`` agree), so that a split in entity
    resolution does not also split the events."""
    out = {}
    for slug, ent in sorted(res.entities.items()):
        key = name_key(ent.name)
        out[slug] = re.sub(r"\b(\w) (?=\w\b)", r"\1", key).replace(" ", "")
    return out


def _items(records: list[ArticleRecords], res: Resolution) -> list[_Item]:
    loose = _loose_keys(res)

    def glob(aid: str, keys: tuple[str, ...]) -> frozenset[str]:
        slugs = (res.entity_of.get((aid, k)) for k in keys)
        return frozenset(loose.get(s, s) for s in slugs if s)

    items = []
    for rec in sorted(records, key=lambda r: r.article.id):
        aid = rec.article.id
        for ev in rec.events:
            items.append(
                _Item(
                    (aid, ev.key),
                    ev,
                    glob(aid, ev.agents),
                    glob(aid, ev.participants),
                    glob(aid, (ev.place,) if ev.place else ()),
                    label_words(ev.label),
                    rec.article.published[:10] if rec.article.published else None,
                )
            )
    return items


def _label_overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    return shared >= LABEL_MIN_SHARED and shared / max(1, min(len(a), len(b))) >= LABEL_OVERLAP


def evidence(a: _Item, b: _Item) -> int:
    """How strongly two tellings look like one event (0: no evidence)."""
    both_timed = bool(a.event.time and a.event.time.value and b.event.time and b.event.time.value)
    score = 0
    score += 3 * len((a.participants | a.places) & (b.participants | b.places))
    if a.agents & b.agents and (both_timed or not a.participants or not b.participants):
        score += 2 * len(a.agents & b.agents)
    if _label_overlap(a.words, b.words):
        score += 2
    if (
        both_timed
        and a.event.time
        and b.event.time
        and (a.event.time.value, a.event.time.end) == (b.event.time.value, b.event.time.end)
        and (not a.args or not b.args)
    ):
        score += 1
    return score


def after_publication(t: TimeValue, published: str) -> bool:
    """True when ``t`` lies wholly after the date ``published`` (compared at ``t``'s precision)."""
    if not t.value:
        return False
    n = min(len(t.value), len(published))
    return t.value[:n] > published[:n]


def _consistent(x: _Cluster, y: _Cluster) -> bool:
    """Times agree, no telling is dated after an article that tells it as past, and agents or
    places differ only when the groups share a participant."""
    if any(not compatible_time(s, t) for s in x.times() for t in y.times()):
        return False
    for a, b in ((x, y), (y, x)):
        pub = a.published()
        if pub and any(after_publication(t, pub) for t in b.times()):
            return False
    if x.union("participants") & y.union("participants"):
        return True
    xa, ya = x.union("agents"), y.union("agents")
    xp, yp = x.union("places"), y.union("places")
    if xa and ya and not xa & ya:
        return False
    # The same agents on the same day: one telling gives where it was agreed, another the region.
    same_day = any(s.datatype == "date" and (s.value, s.end) == (t.value, t.end) for s in x.times() for t in y.times())
    return not (xp and yp and not xp & yp) or bool(xa & ya and same_day)


def _candidate_pairs(items: list[_Item]) -> set[tuple[int, int]]:
    """Pairs of the same type that share an argument, a label word or an exact time: every pair
    with non-zero :func:`evidence` shares one of these, so the others need not be compared."""
    blocks: dict[tuple[str, str], list[int]] = {}
    for i, it in enumerate(items):
        t = it.event.time
        keys = [("a", k) for k in it.args] + [("w", w) for w in it.words]
        if t and t.value:
            keys.append(("t", f"{t.value}/{t.end}"))
        for kind, key in keys:
            blocks.setdefault((it.event.type, f"{kind}:{key}"), []).append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        for n, i in enumerate(members):
            pairs.update((i, j) for j in members[n + 1:])
    return pairs


def cluster_events(items: list[_Item]) -> list[_Cluster]:
    """Group tellings, strongest pairs first, keeping every group consistent."""
    clusters = {i: _Cluster([it]) for i, it in enumerate(items)}
    owner = list(range(len(items)))
    members = {i: [i] for i in range(len(items))}
    pairs = []
    for i, j in _candidate_pairs(items):
        score = evidence(items[i], items[j])
        if score:
            pairs.append((-score, i, j))
    for _, i, j in sorted(pairs):
        ci, cj = owner[i], owner[j]
        if ci == cj or not _consistent(clusters[ci], clusters[cj]):
            continue
        keep, drop = min(ci, cj), max(ci, cj)
        clusters[keep].items.extend(clusters.pop(drop).items)
        for k in members[drop]:  # relabel only the merged group's tellings
            owner[k] = keep
        members[keep].extend(members.pop(drop))
    return [clusters[k] for k in sorted(clusters)]


def _best_time(times: list[TimeValue | None]) -> TimeValue | None:
    known = [t for t in times if t is not None]
    if not known:
        return None
    return sorted(
        known,
        key=lambda t: (t.value is None, -PRECISION.get(t.datatype or "", 0), t.end is None, t.value or "", t.text),
    )[0]


def _representative(c: _Cluster) -> _Item:
    return sorted(
        c.items,
        key=lambda i: (
            -len(i.args),
            not (i.event.time and i.event.time.value),
            -len(i.event.label),
            i.event.label,
            i.ref,
        ),
    )[0]


def merge_events(records: list[ArticleRecords], res: Resolution) -> None:
    """Fill ``res.events`` and ``res.event_of`` with one node per real-world event."""
    taken: set[str] = set()
    clusters = sorted(cluster_events(_items(records, res)), key=lambda c: min(i.ref for i in c.items))
    for c in clusters:
        rep = _representative(c)
        members = sorted(i.ref for i in c.items)
        when = _best_time([i.event.time for i in c.items])
        label = rep.event.label or rep.event.type
        # the IRI comes from the event as its first article tells it: later articles do not move it
        first = min(c.items, key=lambda i: i.ref)
        own = first.event.time.value[:4] if first.event.time and first.event.time.value else None
        base = slugify(f"{first.event.type}-{first.event.label or first.event.type}" + (f"-{own}" if own else ""),
                       limit=70)
        slug = unique_slug(base, f"{first.ref[0]}/{first.ref[1]}", taken)
        refs = {i.ref: i for i in c.items}

        def glob(keys: list[tuple[str, str]]) -> list[str]:
            return [res.entity_of[k] for k in keys if k in res.entity_of]

        agents = sorted(set(glob([(r[0], k) for r in members for k in refs[r].event.agents])))
        participants = sorted(set(glob([(r[0], k) for r in members for k in refs[r].event.participants])) - set(agents))
        places = Counter(glob([(r[0], p) for r in members for p in [refs[r].event.place] if p]))
        place = sorted(places, key=lambda p: (-places[p], p))[0] if places else None
        res.events[slug] = GlobalEvent(slug, rep.event.type, label, when, agents, participants, place, members)
        for ref in members:
            res.event_of[ref] = slug
