"""Cross-article event merging over plain records: one node per real-world event, deterministic."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from kg.event_merge import (
    _candidate_pairs,
    _Item,
    _label_overlap,
    after_publication,
    cluster_events,
    common_features,
    evidence,
    label_words,
)
from kg.extract.timex import compatible_time
from kg.records import Article, ArticleRecords, Entity, Event, Span, TimeValue
from kg.resolve import resolve

ENTITIES = {
    "fc": ("Organization", "FC Porto"),
    "coach": ("Actor", "Sergio Conceicao"),
    "lisbon": ("Place", "Lisbon"),
    "us": ("Place", "U.S."),
    "usa": ("Place", "US"),
    "iraq": ("Place", "Iraq"),
    "kenya": ("Place", "Kenya"),
    "ruto": ("Actor", "William Ruto"),
    "odinga": ("Actor", "Raila Odinga"),
    "nairobi": ("Place", "Nairobi"),
    "paris": ("Place", "Paris"),
    "unilever": ("Organization", "Unilever"),
    "senate": ("Organization", "Senate"),
}


def t(value: str | None, datatype: str | None = None, end: str | None = None) -> TimeValue:
    return TimeValue(value or "text", value, datatype, end, "gYear" if end else None)


def ev(
    key: str,
    etype: str,
    label: str,
    agents: tuple[str, ...] = (),
    participants: tuple[str, ...] = (),
    place: str | None = None,
    time: TimeValue | None = None,
) -> Event:
    return Event(key, etype, Span(0, 1, "x"), label, agents, participants, place, time)


def article(aid: str, *events: Event, published: str | None = None) -> ArticleRecords:
    used = sorted({k for e in events for k in (*e.agents, *e.participants, *([e.place] if e.place else []))})
    ents = tuple(Entity(k, ENTITIES[k][0], ENTITIES[k][1], mentions=(Span(0, 1, "x"),)) for k in used)  # type: ignore[arg-type]
    return ArticleRecords(article=Article(aid, f"{aid}.txt", "x", "0", published), entities=ents, events=events)


def merged(*records: ArticleRecords) -> list[tuple[str, list[str]]]:
    res = resolve(records)
    return sorted((g.type, sorted(a for a, _ in g.members)) for g in res.events.values())


def test_one_event_told_by_four_articles_is_one_node() -> None:
    a = article(
        "a",
        ev("v1", "Arrest", "arrest of Sergio Conceicao in Lisbon", (), ("coach",), "lisbon", t("2023-05-02", "date")),
    )
    b = article("b", ev("v1", "Arrest", "arrest of Sergio Conceicao", (), ("coach",), None, t("2023-05", "gYearMonth")))
    c = article("c", ev("v1", "Arrest", "police arrest in Lisbon", (), (), "lisbon", None))
    d = article("d", ev("v1", "Arrest", "arrest of Sergio Conceicao", (), ("coach",), None, None))
    assert merged(a, b, c, d) == [("Arrest", ["a", "b", "c", "d"])]


def test_incompatible_times_stay_apart() -> None:
    a = article("a", ev("v1", "Withdrawal", "U.S. withdrew from Iraq", ("us",), (), "iraq", t("2007", "gYear", "2011")))
    dec = t("2021-12", "gYearMonth")
    b = article("b", ev("v1", "Withdrawal", "US end of mission in Iraq", ("usa",), (), "iraq", dec))
    assert merged(a, b) == [("Withdrawal", ["a"]), ("Withdrawal", ["b"])]


def test_spelling_variants_of_an_agent_still_merge() -> None:
    a = article("a", ev("v1", "Invasion", "U.S. invaded Iraq", ("us",), ("iraq",), None, t("2003", "gYear")))
    b = article("b", ev("v1", "Invasion", "US-led invasion", ("usa",), (), None, None))
    assert merged(a, b) == [("Invasion", ["a", "b"])]


def test_different_agents_and_places_stay_apart() -> None:
    a = article("a", ev("v1", "Visit", "William Ruto's visit to Paris", ("ruto",), (), "paris", None))
    b = article("b", ev("v1", "Visit", "Raila Odinga's visit to Nairobi", ("odinga",), (), "nairobi", None))
    assert merged(a, b) == [("Visit", ["a"]), ("Visit", ["b"])]


def test_different_types_never_merge() -> None:
    a = article("a", ev("v1", "Election", "election in Kenya", (), (), "kenya", t("2022", "gYear")))
    b = article("b", ev("v1", "Protest", "protest in Kenya", (), (), "kenya", t("2022", "gYear")))
    assert merged(a, b) == [("Election", ["a"]), ("Protest", ["b"])]


def test_a_vague_telling_does_not_chain_two_events() -> None:
    early = article("a", ev("v1", "Talks", "talks in Paris", ("fc",), (), "paris", t("2019", "gYear")))
    vague = article("b", ev("v1", "Talks", "talks in Paris", ("fc",), (), "paris", None))
    late = article("c", ev("v1", "Talks", "talks in Paris", ("fc",), (), "paris", t("2022", "gYear")))
    groups = merged(early, vague, late)
    assert len(groups) == 2 and sorted(len(m) for _, m in groups) == [1, 2]


def test_merging_is_deterministic() -> None:
    recs = [article(x, ev("v1", "Arrest", "arrest of Sergio Conceicao", (), ("coach",), None, None)) for x in "abc"]
    first, second = resolve(recs), resolve(list(reversed(recs)))
    assert sorted(first.events) == sorted(second.events)
    assert first.event_of == second.event_of
    assert next(iter(first.events.values())).time is None


def test_an_event_dated_after_an_article_is_not_what_that_article_told() -> None:
    april = article("a", ev("v1", "Arrest", "Police arrested", (), (), None, None), published="2023-04-04")
    august = article(
        "b", ev("v1", "Arrest", "Police arrested", (), (), None, t("2023-07-29", "date")), published="2023-08-02"
    )
    assert merged(april, august) == [("Arrest", ["a"]), ("Arrest", ["b"])]
    earlier = article(
        "c", ev("v1", "Arrest", "Police arrested", (), (), None, t("2023-04-03", "date")), published="2023-04-10"
    )
    assert merged(april, earlier) == [("Arrest", ["a", "c"])]


def test_same_agents_on_the_same_day_merge_across_places() -> None:
    day = t("2024-05-18", "date")
    a = article("a", ev("v1", "Agreement", "Ruto and Odinga ceasefire", ("ruto", "odinga"), (), "kenya", day))
    b = article("b", ev("v1", "Agreement", "ceasefire in Nairobi", ("ruto", "odinga"), (), "nairobi", day))
    assert merged(a, b) == [("Agreement", ["a", "b"])]
    other_day = article(
        "c", ev("v1", "Agreement", "ceasefire in Nairobi", ("ruto",), (), "nairobi", t("2024-05", "gYearMonth"))
    )
    assert merged(a, other_day) == [("Agreement", ["a"]), ("Agreement", ["c"])]


def test_new_event_types_merge_like_the_others() -> None:
    day = t("2024-03-12", "date")
    cuts = [
        article("a", ev("v1", "JobCuts", "Unilever cut jobs", ("unilever",), (), None, day)),
        article("b", ev("v1", "JobCuts", "Unilever's job cuts", ("unilever",), (), None, None)),
        article("c", ev("v1", "JobCuts", "Unilever layoffs in Paris", ("unilever",), (), "paris", t("2021", "gYear"))),
    ]
    hearing = article("d", ev("v1", "Hearing", "Senate hearing", ("senate",), (), None, day))
    assert merged(*cuts, hearing) == [("Hearing", ["d"]), ("JobCuts", ["a", "b"]), ("JobCuts", ["c"])]



def test_undated_tellings_do_not_chain_through_one_that_names_both() -> None:
    """Undated merger talks with Unilever, with Unilever and the Senate, and with the Senate: the middle
    one could be either, but the first and last share nothing, and without a time nothing else holds
    them together. Dated the same day, the three are one event; and one dated telling that names
    both ties the undated ones to it."""
    talks = [("a", ("unilever",)), ("b", ("unilever", "senate")), ("c", ("senate",))]
    undated = [article(aid, ev("v1", "Talks", "merger talks", (), who)) for aid, who in talks]
    groups = merged(*undated)
    assert len(groups) == 2 and all(len(aids) <= 2 for _, aids in groups)
    assert ["a", "c"] not in [aids for _, aids in groups]
    day = t("2024-03-04", "date")
    dated = [article(aid, ev("v1", "Talks", "merger talks", (), who, None, day)) for aid, who in talks]
    assert merged(*dated) == [("Talks", ["a", "b", "c"])]
    hub = article("e", ev("v1", "Talks", "merger talks", (), ("unilever", "senate"), None, day))
    assert merged(*undated, hub) == [("Talks", ["a", "b", "c", "e"])]
    # a telling that names no argument does not tie them, nor does a dated one that names only one side
    bare = article("d", ev("v1", "Talks", "merger talks"))
    one_side = article("e", ev("v1", "Talks", "merger talks", (), ("unilever",), None, day))
    for extra in (bare, one_side):
        assert not any({"a", "c"} <= set(aids) for _, aids in merged(*undated, extra))

# -- blocking and cached group unions give the clusters of comparing every pair -------------------
def _reference_clusters(items: list[_Item], common: frozenset[tuple[str, str, str]] = frozenset()
                        ) -> list[list[tuple[str, str]]]:
    """The clustering as first written: every pair of a type scored, group unions recomputed on every
    check. Slow (quadratic) and obviously right: the oracle for the blocked, cached version."""

    def times(c: list[_Item]) -> list[TimeValue]:
        return [i.event.time for i in c if i.event.time is not None and i.event.time.value]

    def union(c: list[_Item], attr: str) -> frozenset[str]:
        return frozenset(x for i in c for x in getattr(i, attr))

    def consistent(x: list[_Item], y: list[_Item]) -> bool:
        if any(not compatible_time(s, t) for s in times(x) for t in times(y)):
            return False
        for a, b in ((x, y), (y, x)):
            pub = min((i.published for i in a if i.published), default=None)
            if pub and any(after_publication(t, pub) for t in times(b)):
                return False
        dated = frozenset(a for i in x + y if i.timed for a in i.args)
        undated = [i.args for i in x + y if i.args and not i.timed]
        if undated and not (all(u & dated for u in undated) if dated else frozenset.intersection(*undated)):
            return False
        if union(x, "participants") & union(y, "participants"):
            return True
        xa, ya, xp, yp = union(x, "agents"), union(y, "agents"), union(x, "places"), union(y, "places")
        if xa and ya and not xa & ya:
            return False
        same_day = any(s.datatype == "date" and (s.value, s.end) == (t.value, t.end)
                       for s in times(x) for t in times(y))
        return not (xp and yp and not xp & yp) or bool(xa & ya and same_day)

    groups = {i: [it] for i, it in enumerate(items)}
    owner = list(range(len(items)))
    pairs = sorted((-evidence(items[i], items[j], common), i, j) for i in range(len(items))
                   for j in range(i + 1, len(items))
                   if items[i].event.type == items[j].event.type and evidence(items[i], items[j], common))
    for _, i, j in pairs:
        ci, cj = owner[i], owner[j]
        if ci == cj or not consistent(groups[ci], groups[cj]):
            continue
        keep, drop = min(ci, cj), max(ci, cj)
        for it in groups[drop]:
            owner[items.index(it)] = keep
        groups[keep].extend(groups.pop(drop))
    return [sorted(i.ref for i in groups[k]) for k in sorted(groups)]


def _corpus_with_large_blocks(n: int, seed: int) -> list[_Item]:
    """Tellings like the benchmark's: a word in every label of a type ("talks"), a few ubiquitous
    agents, places and participants from small pools, times of every precision, some unknown."""
    rnd = random.Random(seed)
    words = ["talks", "forces", "withdrawn", "from", "that", "drone", "strike", "on", "base", "border", "city",
             "convoy", "ministry", "united", "states", "camp", "airport", "north", "south"]
    agents, people = ["us", "iran", "iraq", "nato"], ["p1", "p2", "p3", "p4", "p5"]
    places = ["baghdad", "erbil", "basra"]
    times = [None, None, t("2020", "gYear"), t("2020-01", "gYearMonth"), t("2020-01-03", "date"),
             t("2020-01-08", "date"), t("2019", "gYear"), t("2007", "gYear", "2011")]
    items = []
    for k in range(n):
        etype = rnd.choice(["Talks", "Attack"])
        label = " ".join([etype.lower(), *rnd.sample(words, rnd.randint(0, 4))])
        event = ev(f"v{k % 3}", etype, label, time=rnd.choice(times))
        published = rnd.choice([None, "2019-06-01", "2020-02-01", "2021-01-01"])
        items.append(_Item((f"a{k // 3:04d}", f"v{k % 3}"), event,
                           frozenset(rnd.sample(agents, rnd.choice([0, 0, 1, 1, 2]))),
                           frozenset(rnd.sample(people, rnd.choice([0, 0, 0, 1]))),
                           frozenset(rnd.sample(places, rnd.choice([0, 1]))),
                           label_words(label), published))
    return items


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_blocked_clustering_gives_the_clusters_of_comparing_every_pair(seed: int) -> None:
    items = _corpus_with_large_blocks(360, seed)
    assert not common_features(items)  # no argument or word is common at the default limit
    got = [sorted(i.ref for i in c.items) for c in cluster_events(items)]
    assert got == _reference_clusters(items)
    # the case is one that blocking could get wrong: large blocks, pairs left out, groups formed
    per_type = Counter(i.event.type for i in items)
    all_pairs = sum(n * (n - 1) // 2 for n in per_type.values())
    assert min(per_type.values()) > 100
    assert len(_candidate_pairs(items)) < all_pairs / 2
    assert max(len(c) for c in got) >= 5 and sum(len(c) > 1 for c in got) >= 10


@pytest.mark.parametrize("seed", [4, 5])
def test_common_features_are_left_out_alike_by_blocking_and_by_comparing_every_pair(seed: int) -> None:
    items = _corpus_with_large_blocks(360, seed)
    common = common_features(items, 25)
    kinds = {kind for _, kind, _ in common}
    assert kinds == {"a", "p", "w"}  # ubiquitous agents, places and label words ("talks")
    got = [sorted(i.ref for i in c.items) for c in cluster_events(items, common_limit=25)]
    assert got == _reference_clusters(items, common)
    assert got != [sorted(i.ref for i in c.items) for c in cluster_events(items)]


def test_what_most_tellings_of_a_type_share_is_no_evidence() -> None:
    """Seven reports of a quarterly results call, each naming the same company: sharing it does not
    make them one event. Two of them also name the same analyst: those two are one."""
    calls = [_Item((f"a{k}", "v1"), ev("v1", "Earnings", "results call"), frozenset(),
                   frozenset({"unilever", "analyst"} if k < 2 else {"unilever"}), frozenset(),
                   label_words("results call"), None) for k in range(7)]
    others = [_Item(("b0", "v1"), ev("v1", "Earnings", "results call"), frozenset(), frozenset({"unilever"}),
                    frozenset(), label_words("results call"), None)]
    common = common_features(calls + others, 5)
    assert ("Earnings", "p", "unilever") in common and ("Earnings", "p", "analyst") not in common
    assert ("Earnings", "w", "results") in common  # the label words too
    assert evidence(calls[2], calls[3], common) == 0 and evidence(calls[2], calls[3]) > 0
    assert evidence(calls[0], calls[1], common) == 3
    groups = sorted(sorted(i.ref[0] for i in c.items) for c in cluster_events(calls + others, common_limit=5))
    assert groups == [["a0", "a1"], ["a2"], ["a3"], ["a4"], ["a5"], ["a6"], ["b0"]]
    # at the default limit, eight reports are far from common: one event, as before
    assert len(cluster_events(calls + others)) == 1


def test_prefix_filtering_keeps_every_pair_of_overlapping_labels() -> None:
    labels = ["talks of the ministry in Baghdad", "ministry talks", "talks", "talks on the border convoy",
              "border convoy", "ministry convoy border talks", "convoy talks"]
    items = [_Item((f"a{k}", "v1"), ev("v1", "Talks", lab), frozenset(), frozenset(), frozenset(), label_words(lab))
             for k, lab in enumerate(labels)]
    overlapping = {(i, j) for i in range(len(items)) for j in range(i + 1, len(items))
                   if _label_overlap(items[i].words, items[j].words)}
    assert overlapping and overlapping <= _candidate_pairs(items)
