"""Event extraction: typed triggers with agents, participants, place and time; unreal events dropped.

Sentences come from many kinds of news (sport, business, courts, elections, conflict). Entities
are built from the model's NER so the tests depend on the parser, not on kg's entity rules.
"""

from __future__ import annotations

import pytest

from kg.extract.event_types import event_type_iris, load_event_types, parse_taxonomy, trigger_index
from kg.extract.events import extract_events
from kg.records import Article, Entity, Event, Span

NER_TYPES = {"PERSON": "Actor", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}


@pytest.fixture(scope="module")
def nlp(model_loaded_once: None):  # type: ignore[no-untyped-def]
    import kg.nlp

    return kg.nlp.load_model()


def run(nlp, text: str, published: str | None = "2024-03-15", types=None) -> tuple[list[Event], dict[str, str]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    ents = [
        Entity(f"e{i}", NER_TYPES[e.label_], e.text, mentions=(Span(e.start_char, e.end_char, e.text),))  # type: ignore[arg-type]
        for i, e in enumerate(doc.ents)
        if e.label_ in NER_TYPES
    ]
    events, _ = extract_events(doc, Article("t", "t.txt", text, "0", published), ents, [], types=types)
    return events, {e.key: e.name for e in ents}


def summary(ev: Event, names: dict[str, str]) -> dict[str, object]:
    return {
        "type": ev.type,
        "agents": [names[k] for k in ev.agents],
        "place": names.get(ev.place or ""),
        "value": ev.time.value if ev.time else None,
    }


POSITIVE = [
    (
        "Police arrested the former mayor in Paris on Tuesday.",
        {"type": "Arrest", "agents": [], "place": "Paris", "value": "2024-03-12"},
    ),
    (
        "The Senate passed the infrastructure bill on March 3, 2023.",
        {"type": "Legislation", "agents": ["Senate"], "place": None, "value": "2023-03-03"},
    ),
    (
        "Thousands of workers staged a protest in Santiago on Friday.",
        {"type": "Protest", "agents": [], "place": "Santiago", "value": "2024-03-15"},
    ),
    (
        "Apple announced a new iPhone in Cupertino on Monday.",
        {"type": "Announcement", "agents": ["Apple"], "place": "Cupertino", "value": "2024-03-11"},
    ),
    (
        "Liverpool manager Jurgen Klopp visited Madrid last month.",
        {"type": "Visit", "agents": ["Jurgen Klopp"], "place": "Madrid", "value": "2024-02"},
    ),
    (
        "A suicide bombing killed 12 people in Kabul in early 2015.",
        {"type": "Attack", "agents": [], "place": "Kabul", "value": "2015"},
    ),
    (
        "Germany deployed troops to Lithuania in 2017.",
        {"type": "Deployment", "agents": ["Germany"], "place": "Lithuania", "value": "2017"},
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_events_with_arguments(nlp, text: str, expected: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    events, names = run(nlp, text)
    assert [summary(e, names) for e in events] == [expected]


NEGATIVE = [
    "The company did not announce any layoffs.",  # negated
    "The prime minister could visit Berlin next year.",  # modal
    "If the talks fail, the union may protest.",  # condition and modal
    "The election of a new president is expected in 2025.",  # expected, not happened
    "The union threatened a walkout.",  # threatened
    "Striker Harry Kane scored twice as Bayern beat Dortmund on Saturday.",  # no trigger
    "Shares rallied after the central bank announcement.",  # generic noun, no anchor
    "The sales target for next year is ambitious.",  # not an attack
    "He said the withdrawal of the troops is non-negotiable.",  # generic noun, no anchor
    "Officials plan to sign the agreement in Geneva.",  # infinitive: planned
]


@pytest.mark.model
@pytest.mark.parametrize("text", NEGATIVE)
def test_no_event(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(nlp, text)
    assert events == []


@pytest.mark.model
def test_time_relative_to_another_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Russia invaded Ukraine on February 24, 2022. "
        "Two days after the invasion, the Ukrainian parliament passed a law on martial law."
    )
    events, _ = run(nlp, text, published=None)
    assert [(e.type, e.time and e.time.value) for e in events] == [
        ("Invasion", "2022-02-24"),
        ("Legislation", "2022-02-26"),
    ]


@pytest.mark.model
def test_relative_time_without_publication_date_is_unresolved(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(nlp, "Police arrested the former mayor in Paris on Tuesday.", published=None)
    assert events[0].time is not None and events[0].time.value is None and events[0].time.text == "Tuesday"


@pytest.mark.model
def test_mentions_of_one_event_are_merged_in_the_article(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels attacked a convoy near Goma on June 2, 2021. The attack was condemned by the United Nations."
    events, _ = run(nlp, text)
    assert len(events) == 1 and events[0].type == "Attack"


@pytest.mark.model
def test_two_visits_by_different_people_stay_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Emmanuel Macron made a visit to Berlin on Monday. Joe Biden paid a visit to Warsaw on Tuesday."
    events, names = run(nlp, text)
    assert sorted((names[e.agents[0]], names.get(e.place or "")) for e in events) == [
        ("Emmanuel Macron", "Berlin"),
        ("Joe Biden", "Warsaw"),
    ]


def test_taxonomy_types_have_iris_labels_and_triggers() -> None:
    types = load_event_types()
    for name in (
        "Attack",
        "Legislation",
        "Invasion",
        "Withdrawal",
        "Deployment",
        "Visit",
        "Announcement",
        "Agreement",
        "Talks",
        "Protest",
        "Election",
        "Arrest",
    ):
        assert types[name].triggers, name
        assert event_type_iris()[name] == f"https://w3id.org/kg/ontology/event-type#{name}"


def test_a_type_is_added_without_code(nlp) -> None:  # type: ignore[no-untyped-def]
    extra = b"""
    @prefix kg: <https://w3id.org/kg/ontology#> . @prefix kgt: <https://w3id.org/kg/ontology/event-type#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    kgt:Transfer a kg:EventType, skos:Concept ; skos:prefLabel "transfer"@en ;
        kgt:verbTrigger "sign player" ; kgt:nounTrigger "transfer" .
    """
    types = parse_taxonomy(extra, "test")
    assert ("sign", "VERB") in trigger_index(types)
    events, names = run(nlp, "Chelsea signed the player in London on Monday.", types=types)
    assert [(e.type, [names[k] for k in e.agents]) for e in events] == [("Transfer", ["Chelsea"])]
