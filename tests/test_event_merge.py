"""Cross-article event merging over plain records: one node per real-world event, deterministic."""

from __future__ import annotations

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
