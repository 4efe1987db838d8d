"""Incremental resolution (:func:`kg.incremental.update`) must give exactly what a full resolution of the same
articles gives: the same groups, slugs, names, aliases, evidence and event nodes, after any sequence of
changed, added and deleted articles. Checked over the seed articles' real summaries and over generated news
(many articles naming the same people, organizations and events), with random edits that rename, drop and
swap entities and events, the cases where a group splits, joins, or changes its name or its first article."""

from __future__ import annotations

import dataclasses
import random
import sys
from pathlib import Path

import pytest
from conftest import BuiltStore

from kg.incremental import State, full, update
from kg.records import ArticleSummary
from kg.resolve import Resolution, resolve_summaries
from kg.store import GraphStore

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))


def _generated(n: int, seed: int) -> list[ArticleSummary]:
    from corpus import generate  # (bench/: the benchmark's news generator)
    from graphs import to_records

    return [ArticleSummary.of(to_records(generate(seed, i))) for i in range(n)]


def _canon(res: Resolution) -> tuple[object, ...]:
    return (sorted(res.entity_of.items()), sorted(res.event_of.items()),
            sorted((k, repr(v)) for k, v in res.entities.items()), sorted((k, repr(v)) for k, v in res.events.items()))


def _edit(rng: random.Random, s: ArticleSummary, every: list[ArticleSummary]) -> ArticleSummary:
    ents, evs = list(s.entities), list(s.events)
    r = rng.random()
    if r < 0.25 and ents:
        ents.pop(rng.randrange(len(ents)))  # (events may name it still: an argument with no entity)
    elif r < 0.5 and evs:
        evs.pop(rng.randrange(len(evs)))
    elif r < 0.75 and ents:  # someone else's name: a group loses a member, another gains one
        i = rng.randrange(len(ents))
        donors = [e for other in every for e in other.entities]
        o = rng.choice(donors)
        ents[i] = dataclasses.replace(ents[i], name=o.name, aliases=o.aliases, type=o.type, titles=o.titles,
                                      links=o.links, said=o.said)
    elif evs:  # another article's event told here
        donors = [v for other in every for v in other.events]
        v = rng.choice(donors)
        keys = [e.key for e in ents]
        evs.append(dataclasses.replace(v, key=f"v{len(evs) + 100}",
                                       agents=tuple(rng.sample(keys, min(1, len(keys)))), participants=()))
    return dataclasses.replace(s, entities=tuple(ents), events=tuple(evs))


def _run(tmp_path: Path, summaries: list[ArticleSummary], steps: int, seed: int) -> tuple[int, int]:
    """Random edits, each applied incrementally and compared with a full resolution; returns how many
    updates were incremental and how many fell back."""
    rng = random.Random(seed)
    by_id = {s.id: s for s in summaries}
    ids = sorted(by_id)
    held = {a: by_id[a] for a in ids[:-3]}
    pool = {a: by_id[a] for a in ids[-3:]}  # added later
    state = State(tmp_path / f"state-{seed}.sqlite")
    state.begin()
    full(state, held.values())
    state.commit()
    done = fallbacks = 0
    for _ in range(steps):
        changes: dict[str, ArticleSummary | None] = {}
        kind = rng.choice(["change", "add", "delete", "several"])
        if kind in ("change", "several"):
            for a in rng.sample(sorted(held), 1 if kind == "change" else 3):
                changes[a] = _edit(rng, held[a], summaries)
        if kind in ("add", "several") and pool:
            a = rng.choice(sorted(pool))
            changes[a] = pool.pop(a)
        if kind in ("delete", "several"):
            a = rng.choice(sorted(held))
            changes.setdefault(a, None)
        for a, s in changes.items():
            if s is None:
                pool[a] = by_id[a]
                del held[a]
            else:
                held[a] = s
        if rng.random() < 0.5:  # what a build reads ahead while the model parses (some of) the articles
            state.prefetch(rng.sample(sorted(changes), rng.randint(1, len(changes))))
        state.begin()
        delta = update(state, changes)
        if delta is None:
            state.rollback()
            state.begin()
            full(state, held.values())
            fallbacks += 1
        else:
            done += 1
            assert set(changes) <= delta.articles
        state.commit()
        assert _canon(state.resolution()) == _canon(resolve_summaries(held.values())), (kind, sorted(changes))
    return done, fallbacks


def test_incremental_resolution_of_generated_news_is_the_full_one(tmp_path: Path) -> None:
    done, fallbacks = _run(tmp_path, _generated(150, seed=5), steps=25, seed=1)
    assert done == 25 and fallbacks == 0


def test_incremental_resolution_of_the_seed_articles_is_the_full_one(tmp_path: Path, seed_store: BuiltStore) -> None:
    raw = GraphStore(seed_store.path, read_only=True).summaries()
    summaries = [ArticleSummary.from_json(text) for _, text in raw.values()]
    extra = _generated(6, seed=9)  # and a few more articles to add and delete
    done, _ = _run(tmp_path, summaries + extra, steps=20, seed=2)
    assert done > 0


def test_what_was_read_ahead_is_used_once_and_forgotten_when_a_transaction_ends(tmp_path: Path) -> None:
    """Members read ahead describe the state as it was: one update uses them, and after a transaction ends
    they must not stand in for groups that may since have gained or lost members."""
    summaries = _generated(60, seed=4)
    state = State(tmp_path / "state.sqlite")
    state.begin()
    full(state, summaries[:-1])
    state.commit()
    first, late = summaries[0], summaries[-1]
    state.prefetch([first.id, late.id])
    assert state._ahead  # (the groups of the first article's entities)
    state.begin()
    assert update(state, {late.id: late, first.id: None}) is not None
    assert not state._ahead
    state.commit()
    assert _canon(state.resolution()) == _canon(resolve_summaries(summaries[1:]))
    for end in (state.commit, state.rollback):
        state.prefetch([summaries[1].id])
        state.begin()
        full(state, summaries)  # (a full resolution does not read them)
        end()
        assert not state._ahead


def test_a_feature_that_becomes_common_makes_resolution_start_again(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """With a low limit for what is common, edits make features cross it: the update declines, and the full
    resolution it falls back on is the reference anyway."""
    from kg import event_merge

    monkeypatch.setattr(event_merge, "COMMON", 8)
    done, fallbacks = _run(tmp_path, _generated(80, seed=3), steps=20, seed=3)
    assert fallbacks > 0 and done > 0


def _told(aid: str, label: str, when: str | None, org: str | None = None, day: str = "2018-06-01") -> ArticleSummary:
    from kg.records import EntitySummary, Event, Span, TimeValue

    ents = (EntitySummary("e1", "Organization", org, (), 1, (), (), (), ()),) if org else ()
    time = TimeValue(when, day, "date") if when else None
    return ArticleSummary(aid, "2019-01-01", ents, (Event("v1", "Attack", Span(0, 6, "attack"), label, (),
                                                          ("e1",) if org else (), None, time),))


@pytest.mark.parametrize("first, second", [
    # one telling names no one: the same day is the evidence, whichever of the two arrives later
    (("a1", "the attack", "June 1, 2018"), ("a2", "a raid", "on June 1, 2018", "Acme Mining")),
    (("a1", "a raid", "on June 1, 2018", "Acme Mining"), ("a2", "the attack", "June 1, 2018")),
    # shared words of the labels
    (("a1", "drone strike on the convoy", None), ("a2", "the drone strike on a convoy", None)),
    # a shared participant
    (("a1", "a raid", None, "Acme Mining"), ("a2", "the blast", None, "Acme Mining")),
])
def test_a_new_article_finds_the_telling_it_merges_with(tmp_path: Path, first: tuple, second: tuple) -> None:
    """Each kind of evidence that joins two tellings must make the new one find the old one (a kind the
    update did not look for would leave two nodes where a full resolution makes one)."""
    a, b = _told(*first), _told(*second)
    state = State(tmp_path / "s.sqlite")
    state.begin()
    full(state, [a])
    state.commit()
    state.begin()
    assert update(state, {b.id: b}) is not None
    state.commit()
    expected = resolve_summaries([a, b])
    assert len(set(expected.event_of.values())) == 1  # (the case is one event)
    assert _canon(state.resolution()) == _canon(expected)


def test_the_parts_of_a_node_are_found_whatever_the_article_ids(tmp_path: Path) -> None:
    """An entity's evidence parts are found by key prefix; an article id may hold any character (an emoji
    sorts above U+FFFF in SQLite's byte order)."""
    state = State(tmp_path / "s.sqlite")
    state.begin()
    keys = ["entity x", "evidence x a1", "evidence x \U0001f600 story", "evidence x\u00e9 b", "evidence xy c"]
    state.save_all_nodes({k: (str(i), [f"<s{i}> <p> <o> <g>"]) for i, k in enumerate(keys)})
    state.commit()
    assert sorted(state.node_hashes(["entity x"], ["evidence x "])) == sorted(keys[:3])
