"""Cross-article event merging: the same event told by several articles is one node.

Runs after entity resolution, over the articles' summaries (:class:`kg.records.ArticleSummary`).
Two events are the same event when they have the same type, times that agree (one may be unknown),
nothing that contradicts (different agents, or different places with no shared participant, or a
time after the publication of an article that tells the event as past) and some evidence:

- a shared participant or place;
- a shared agent, when times are both known or one telling names no participant (then places may
  differ when both are dated to the same day: *agreed in Luanda* / *a ceasefire in eastern Congo*);
- labels sharing most of their content words (*end of the combat mission*);
- the same resolved time, when one telling names no argument at all.

Pairs are merged strongest evidence first, and a pair is only merged when the two *groups* stay
consistent, so that a vague telling cannot chain two different events together: in a group, the
undated tellings that name arguments share one with the dated tellings or, when none is dated, with
each other (nothing but its arguments ties an undated telling to an event). Iteration is over
sorted keys, and slugs are derived from type, label and year: the same input gives the same nodes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from kg.iris import slugify
from kg.records import ArticleSummary, Event, TimeValue
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
# An argument or label word that more tellings of one type name than this (the office that holds every
# briefing, the country in every strike report, "talks" and "in Baghdad" across an archive) says
# nothing about which of them are the same event: sharing it is no evidence, as a stop word is none.
# An argument still separates events (different agents) and counts in every other respect. Below the
# limit nothing changes, and it is far above how many articles of one corpus tell one real event; it
# keeps the pairs to compare from growing with the square of the corpus (10,000 bench articles: 18
# million pairs and a group of 6,000 undated tellings without it).
COMMON = 500
PRECISION = {"date": 3, "gYearMonth": 2, "gYear": 1}


TimeKey = tuple[str, str | None, str | None]  # (value, datatype, end): all that consistency reads of a time


@dataclass(slots=True)
class _Item:
    """One article's telling of an event, with its arguments as global keys."""

    ref: tuple[str, str]
    event: Event
    agents: frozenset[str]
    participants: frozenset[str]
    places: frozenset[str]
    words: frozenset[str]
    published: str | None = None  # ISO date of the article: the event happened by then
    position: int = 0  # among the article's events: tellings are ordered by (article id, position)
    # derived once, read for every candidate pair
    args: frozenset[str] = field(init=False)
    located: frozenset[str] = field(init=False)  # participants and places
    timed: bool = field(init=False)
    when: tuple[str | None, str | None] = field(init=False)
    time_key: TimeKey | None = field(init=False)

    def __post_init__(self) -> None:
        self.located = self.participants | self.places
        self.args = self.agents | self.located
        t = self.event.time
        self.timed = bool(t and t.value)
        self.when = (t.value, t.end) if t else (None, None)
        self.time_key = (t.value, t.datatype, t.end) if t is not None and t.value else None


@dataclass(slots=True)
class _Cluster:
    """A group of tellings with the unions :func:`_consistent` reads, kept up to date as groups merge
    (recomputing them on every check made clustering quadratic in the size of a group)."""

    items: list[_Item] = field(default_factory=list)
    agents: set[str] = field(default_factory=set)
    participants: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    time_keys: set[TimeKey] = field(default_factory=set)
    earliest: str | None = None  # the earliest publication date among the tellings
    # the arguments of the dated tellings; the argument sets of the undated ones, and what those share
    dated_args: set[str] = field(default_factory=set)
    undated: set[frozenset[str]] = field(default_factory=set)
    core: frozenset[str] | None = None  # (None: no undated telling names an argument)

    @classmethod
    def of(cls, it: _Item) -> _Cluster:
        t = it.event.time
        keys = {(t.value, t.datatype, t.end)} if t is not None and t.value else set()
        undated = it.args if it.args and not it.timed else None
        return cls([it], set(it.agents), set(it.participants), set(it.places), keys, it.published,
                   set(it.args) if it.timed else set(), {undated} if undated else set(), undated)

    def absorb(self, other: _Cluster) -> None:
        self.items.extend(other.items)
        self.agents |= other.agents
        self.participants |= other.participants
        self.places |= other.places
        self.time_keys |= other.time_keys
        if other.earliest and (self.earliest is None or other.earliest < self.earliest):
            self.earliest = other.earliest
        self.dated_args |= other.dated_args
        self.undated |= other.undated
        if other.core is not None:
            self.core = other.core if self.core is None else self.core & other.core


def label_words(label: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[^\W_]+", label.lower()) if w not in LABEL_STOPWORDS and len(w) > 1)


def _loose_keys(res: Resolution) -> dict[str, str]:
    """Global slug → a spelling-loose key (``U.S.`` and ``US`` agree), so that a split in entity
    resolution does not also split the events."""
    return {slug: loose_key(ent.name) for slug, ent in sorted(res.entities.items())}


def loose_key(name: str) -> str:
    """An entity's name as events compare it: ``U.S.`` and ``US`` agree."""
    return re.sub(r"\b(\w) (?=\w\b)", r"\1", name_key(name)).replace(" ", "")


def _items(records: list[ArticleSummary], res: Resolution) -> list[_Item]:
    loose = _loose_keys(res)

    def glob(aid: str, keys: tuple[str, ...]) -> frozenset[str]:
        slugs = (res.entity_of.get((aid, k)) for k in keys)
        return frozenset(loose.get(s, s) for s in slugs if s)

    items = []
    for rec in sorted(records, key=lambda r: r.id):
        items.extend(article_items(rec, glob))
    return items


def article_items(rec: ArticleSummary, glob: Any) -> list[_Item]:
    """An article's tellings; ``glob(article id, local keys)`` gives the arguments' global keys."""
    aid = rec.id
    return [_Item((aid, ev.key), ev, glob(aid, ev.agents), glob(aid, ev.participants),
                  glob(aid, (ev.place,) if ev.place else ()), label_words(ev.label),
                  rec.published[:10] if rec.published else None, pos)
            for pos, ev in enumerate(rec.events)]


def _label_overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    shared = len(a & b)
    return shared >= LABEL_MIN_SHARED and shared / max(1, min(len(a), len(b))) >= LABEL_OVERLAP


Common = frozenset[tuple[str, str, str]]  # (event type, kind, argument or word): see COMMON


def common_features(items: list[_Item], limit: int = COMMON) -> Common:
    """What more than ``limit`` tellings of a type share, as (type, kind, value): kind "p" for a
    participant or place, "a" for an agent, "w" for a label word. :func:`evidence` does not count them."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for it in items:
        etype = it.event.type
        counts.update((etype, "p", k) for k in it.located)
        counts.update((etype, "a", k) for k in it.agents)
        counts.update((etype, "w", w) for w in it.words)
    return frozenset(key for key, n in counts.items() if n > limit)


def _words(a: _Item, common: Common) -> frozenset[str]:
    """The label words of ``a`` that are evidence (not ``common``)."""
    if not common:
        return a.words
    etype = a.event.type
    return frozenset(w for w in a.words if (etype, "w", w) not in common)


def _shared(a: _Item, x: frozenset[str], y: frozenset[str], kind: str, common: Common) -> int:
    both = x & y
    if common and both:
        etype = a.event.type
        return sum(1 for k in both if (etype, kind, k) not in common)
    return len(both)


def evidence(a: _Item, b: _Item, common: Common = frozenset()) -> int:
    """How strongly two tellings look like one event (0: no evidence); ``common`` features are none."""
    return _score(a, b, _words(a, common), _words(b, common), common)


def _score(a: _Item, b: _Item, a_words: frozenset[str], b_words: frozenset[str], common: Common) -> int:
    """:func:`evidence`, given the two labels' evidence words."""
    both_timed = a.timed and b.timed
    score = 3 * _shared(a, a.located, b.located, "p", common)
    if both_timed or not a.participants or not b.participants:
        score += 2 * _shared(a, a.agents, b.agents, "a", common)
    if _label_overlap(a_words, b_words):
        score += 2
    if both_timed and a.when == b.when and (not a.args or not b.args):
        score += 1
    return score


def after_publication(t: TimeValue, published: str) -> bool:
    """True when ``t`` lies wholly after the date ``published`` (compared at ``t``'s precision)."""
    return _after(t.value, published)


def _after(value: str | None, published: str) -> bool:
    if not value:
        return False
    n = min(len(value), len(published))
    return value[:n] > published[:n]


def _compatible(s: TimeKey, t: TimeKey) -> bool:
    """:func:`kg.extract.timex.compatible_time` of two known times, on their keys."""
    if s[2] or t[2]:
        return (s[0], s[2]) == (t[0], t[2])
    n = min(len(s[0]), len(t[0]))
    return s[0][:n] == t[0][:n]


def _consistent(x: _Cluster, y: _Cluster) -> bool:
    """Times agree, no telling is dated after an article that tells it as past, agents or places
    differ only when the groups share a participant, and the undated tellings that name arguments are
    tied to the others by one (see :func:`_undated_tied`)."""
    xt, yt = x.time_keys, y.time_keys
    if xt and yt and any(not _compatible(s, t) for s in xt for t in yt):
        return False
    if not _undated_tied(x, y):
        return False
    for a, times in ((x, yt), (y, xt)):
        pub = a.earliest
        if pub and any(_after(t[0], pub) for t in times):
            return False
    if not x.participants.isdisjoint(y.participants):
        return True
    xa, ya = x.agents, y.agents
    if xa and ya and xa.isdisjoint(ya):
        return False
    xp, yp = x.places, y.places
    if not (xp and yp and xp.isdisjoint(yp)):
        return True
    # The same agents on the same day: one telling gives where it was agreed, another the region.
    return bool(not xa.isdisjoint(ya) and any(s[1] == "date" and (s[0], s[2]) == (t[0], t[2])
                                               for s in xt for t in yt))


def _undated_tied(x: _Cluster, y: _Cluster) -> bool:
    """Whether every undated telling of the two groups that names arguments shares one with the dated
    tellings' arguments or, when the dated tellings name none, with every other such undated telling.

    Without a time, its arguments are all that ties a telling to an event: *talks with the UN*, *talks
    with the UN and the State Department* and *talks with the State Department* would otherwise chain
    every undated "talks" of an archive into one event, through that middle telling or through one dated
    telling that all are consistent with. *Arrest of Sergio Conceicao* and *police arrest in Lisbon* are
    both the dated *arrest of Sergio Conceicao in Lisbon*."""
    dated = x.dated_args | y.dated_args
    if not dated:
        return x.core is None or y.core is None or not x.core.isdisjoint(y.core)
    # (a group with dated arguments already ties its own undated tellings to them)
    return all(not u.isdisjoint(dated) for c in (x, y) if not c.dated_args for u in c.undated)


def _min_shared(n: int) -> int:
    """The fewest label words two labels must share when the shorter has ``n`` words."""
    k = LABEL_MIN_SHARED
    while k < n and not k / max(1, n) >= LABEL_OVERLAP:
        k += 1
    return k


def _candidate_pairs(items: list[_Item], common: Common = frozenset(),
                     words: list[frozenset[str]] | None = None) -> set[tuple[int, int]]:
    """Pairs of the same type that could have non-zero :func:`evidence`; the others need not be compared.

    - a shared participant or place, or a shared agent: blocks by argument (none for ``common`` ones);
    - the same exact time: blocks by time, but only pairs where one telling has no argument;
    - overlapping labels: *prefix filtering* (Chaudhuri et al. 2006, "A primitive operator for
      similarity joins"). With each label's words ordered rarest first, two labels that share at
      least ``k`` words share one of the first ``len - k + 1`` words of each. ``k`` is at least
      :func:`_min_shared` of the shorter label, so the shorter one contributes its first
      ``len - k + 1`` words and the longer its first ``len - 1``. A word every telling of a type
      uses ("talks", "announcing") is then nobody's prefix and makes no block of everyone. The
      ``common`` words are left out of the labels first, as :func:`evidence` leaves them out.

    The result is a superset of the pairs with non-zero evidence, which is all clustering needs:
    the clusters are the same as comparing every pair (tests/test_event_merge.py checks that on
    a corpus with large blocks).
    """
    pairs: set[tuple[int, int]] = set()
    possible = _times_allow

    def add_block(members: list[int]) -> None:
        for n, i in enumerate(members):
            a = items[i]
            pairs.update((i, j) for j in members[n + 1:] if possible(a, items[j]))

    if words is None:  # each label's evidence words
        words = [_words(it, common) for it in items]
    by_arg: dict[tuple[str, str, str], list[int]] = {}
    by_time: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
    freq: dict[tuple[str, str], int] = {}
    for i, it in enumerate(items):
        etype = it.event.type
        for k in it.located:
            by_arg.setdefault((etype, "p", k), []).append(i)
        for k in it.agents:
            by_arg.setdefault((etype, "a", k), []).append(i)
        if it.timed:
            argless, everyone = by_time.setdefault((etype, f"{it.when[0]}/{it.when[1]}"), ([], []))
            everyone.append(i)
            if not it.args:
                argless.append(i)
        if len(words[i]) >= LABEL_MIN_SHARED:
            for w in words[i]:
                freq[(etype, w)] = freq.get((etype, w), 0) + 1
    for key, members in by_arg.items():
        if key not in common:
            add_block(members)
    for argless, everyone in by_time.values():
        for i in argless:
            pairs.update((min(i, j), max(i, j)) for j in everyone if j != i and possible(items[i], items[j]))
    # label words: index each label by its first len-1 words (rarest first), probe with its first
    # len-k+1, and pair a probe only with labels at least as long
    index: dict[tuple[str, str], list[int]] = {}
    probes: list[tuple[int, list[tuple[str, str]]]] = []
    for i, it in enumerate(items):
        n = len(words[i])
        if n < LABEL_MIN_SHARED:
            continue
        etype = it.event.type
        ordered = sorted(((etype, w) for w in words[i]), key=lambda tw: (freq[tw], tw[1]))
        for tw in ordered[:n - 1]:
            index.setdefault(tw, []).append(i)
        probes.append((i, ordered[:n - _min_shared(n) + 1]))
    for i, prefix in probes:
        n = len(words[i])
        for tw in prefix:
            for j in index.get(tw, ()):
                if j != i and len(words[j]) >= n and possible(items[i], items[j]):
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


def _times_allow(a: _Item, b: _Item) -> bool:
    """False when two tellings can never be in one group: their own times disagree, or one is dated
    after the other's article. :func:`_consistent` fails on any groups that hold them (unions only
    add times and lower the earliest publication), so leaving the pair out changes no group; at 10k
    articles most label and agent pairs are such, and holding them all cost gigabytes."""
    s, t = a.time_key, b.time_key
    if s is not None and t is not None and not _compatible(s, t):
        return False
    return not (a.published and t is not None and _after(t[0], a.published)
                or b.published and s is not None and _after(s[0], b.published))


def cluster_events(items: list[_Item], common_limit: int | None = None, trace: Any = None) -> list[_Cluster]:
    """Group tellings, strongest pairs first, keeping every group consistent. ``trace`` (a
    :class:`kg.resolve.Trace`) receives the scored pairs and the common features."""
    common = common_features(items, COMMON if common_limit is None else common_limit)
    words = [_words(it, common) for it in items]
    pairs = []
    for i, j in _candidate_pairs(items, common, words):
        score = _score(items[i], items[j], words[i], words[j], common)
        if score:
            pairs.append((-score, i, j))
    pairs.sort()
    if trace is not None:
        trace.items, trace.pairs, trace.common = items, pairs, common
    return greedy(items, pairs, trace.merges if trace is not None else None)


def greedy(items: list[_Item], pairs: list[tuple[int, int, int]],
           taken: list[tuple[int, int, int]] | None = None) -> list[_Cluster]:
    """Merge groups along ``pairs`` (sorted: strongest first, then by position) while they stay consistent.
    A group is made only of tellings joined by pairs: grouping a connected part of the pairs alone gives
    the groups that grouping all of them gives it."""
    clusters = {i: _Cluster.of(it) for i, it in enumerate(items)}
    owner = list(range(len(items)))
    members = {i: [i] for i in range(len(items))}
    # Whether two groups are consistent depends on the groups alone: asked again for another pair of
    # their tellings, the answer is remembered until one of them grows (most answers are "no").
    grown = [0] * len(items)  # times each group has grown
    verdicts: dict[tuple[int, int, int, int], bool] = {}
    for s, i, j in pairs:
        ci, cj = owner[i], owner[j]
        if ci == cj:
            continue
        key = (ci, grown[ci], cj, grown[cj]) if ci < cj else (cj, grown[cj], ci, grown[ci])
        ok = verdicts.get(key)
        if ok is None:
            ok = verdicts[key] = _consistent(clusters[ci], clusters[cj])
        if not ok:
            continue
        keep, drop = min(ci, cj), max(ci, cj)
        if taken is not None:  # (the pairs that joined groups, in order: what kg.incremental replays)
            taken.append((s, i, j))
        grown[keep] += 1
        clusters[keep].absorb(clusters.pop(drop))
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


def merge_events(records: list[ArticleSummary], res: Resolution, trace: Any = None) -> None:
    """Fill ``res.events`` and ``res.event_of`` with one node per real-world event."""
    clusters = cluster_events(_items(records, res), trace=trace)
    for node in event_nodes(clusters, res.entity_of):
        res.events[node.slug] = node
        for ref in node.members:
            res.event_of[ref] = node.slug


def event_base(c: _Cluster) -> tuple[tuple[str, str], str]:
    """The group's first telling and the slug base it gives: the IRI comes from the event as its first
    article tells it, so later articles do not move it."""
    first = min(c.items, key=lambda i: i.ref)
    return first.ref, slug_base(first.event)


def slug_base(ev: Event) -> str:
    """The slug base of an event node, from its first telling: type, label and year."""
    own = ev.time.value[:4] if ev.time and ev.time.value else None
    return slugify(f"{ev.type}-{ev.label or ev.type}" + (f"-{own}" if own else ""), limit=70)


def event_nodes(clusters: list[_Cluster], entity_of: Any, slugs: dict[tuple[str, str], str] | None = None
                ) -> list[GlobalEvent]:
    """The event node of each group; ``slugs`` (first telling → slug) when known, else assigned here."""
    from kg.resolve import assign_slugs

    firsts = {}
    for c in clusters:
        first, base = event_base(c)
        firsts[first] = (c, base)
    if slugs is None:
        slugs = assign_slugs({first: base for first, (_, base) in firsts.items()})
    out = []
    for first in sorted(firsts):
        c = firsts[first][0]
        rep = _representative(c)
        members = sorted(i.ref for i in c.items)
        when = _best_time([i.event.time for i in sorted(c.items, key=lambda i: i.ref)])  # (ties: the first article's)
        label = rep.event.label or rep.event.type
        refs = {i.ref: i for i in c.items}

        def glob(keys: list[tuple[str, str]]) -> list[str]:
            return [s for s in (entity_of.get(k) for k in keys) if s]

        agents = sorted(set(glob([(r[0], k) for r in members for k in refs[r].event.agents])))
        participants = sorted(set(glob([(r[0], k) for r in members for k in refs[r].event.participants])) - set(agents))
        places = Counter(glob([(r[0], p) for r in members for p in [refs[r].event.place] if p]))
        place = sorted(places, key=lambda p: (-places[p], p))[0] if places else None
        out.append(GlobalEvent(slugs[first], rep.event.type, label, when, agents, participants, place, members))
    return out
