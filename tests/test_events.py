"""Event extraction: typed triggers with agents, participants, place and time; unreal events dropped.

Sentences come from many kinds of news (sport, business, courts, elections, conflict). Entities
are built from the model's NER so the tests depend on the parser, not on kg's entity rules.
"""

from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.extract.event_types import (
    Trigger,
    event_type_iris,
    load_event_types,
    parse_taxonomy,
    parse_trigger,
    trigger_index,
)
from kg.extract.events import extract_events, non_prose_spans
from kg.records import Article, Entity, Event, Span

NER_TYPES = {"PERSON": "Actor", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}


@pytest.fixture(scope="module")
def nlp(model_loaded_once: None):  # type: ignore[no-untyped-def]
    import kg.nlp

    return kg.nlp.load_model()


def run(
    nlp, text: str, published: str | None = "2024-03-15", types=None, headline: Span | None = None
) -> tuple[list[Event], dict[str, str]]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    ents = [
        Entity(f"e{i}", NER_TYPES[e.label_], e.text, mentions=(Span(e.start_char, e.end_char, e.text),))  # type: ignore[arg-type]
        for i, e in enumerate(doc.ents)
        if e.label_ in NER_TYPES
    ]
    article = Article("t", "t.txt", text, "0", published, headline=headline)
    events, _ = extract_events(doc, article, ents, [], types=types)
    return events, {e.key: e.name for e in ents}


def summary(ev: Event, names: dict[str, str]) -> dict[str, object]:
    return {
        "type": ev.type,
        "agents": [names[k] for k in ev.agents],
        "place": names.get(ev.place or ""),
        "value": ev.time.value if ev.time else None,
    }


POSITIVE = [
    # a body's vote; a meeting; a match and an injury in sport
    ("The Eastbrook City Council voted 7-2 on Tuesday to open an independent inquiry.",
     {"type": "Vote", "agents": ["The Eastbrook City Council"], "place": None, "value": "2024-03-12"}),
    ("The coalition committee meeting in Berlin on Sunday ended without a deal.",
     {"type": "Meeting", "agents": [], "place": "Berlin", "value": "2024-03-10"}),
    ("The match between Rovers and Hearts at Ibrox on Saturday ended 1-1.",
     {"type": "Match", "agents": [], "place": "Ibrox", "value": "2024-03-09"}),
    ("The midfielder suffered a hamstring injury in training on Wednesday.",
     {"type": "Injury", "agents": [], "place": None, "value": "2024-03-13"}),
    # an event noun the subject of a verb of aspect takes its time ("talks collapsed on")
    ("Wage talks collapsed on February 26.",
     {"type": "Talks", "agents": [], "place": None, "value": "2024-02-26"}),
    # a workers' strike by its "by" phrase
    ("A strike by 3,000 dock workers at the port of Durban entered its second week on Monday.",
     {"type": "Protest", "agents": [], "place": None, "value": "2024-03-11"}),
    # a participle's noun is its object ("the budget, approved by"); a participle describing an event noun is no
    # event of its own, and gives the noun its place and time ("the truce reached in Kunming on March 1")
    ("The budget, approved by the cabinet in Berlin on Wednesday, foresees more borrowing.",
     {"type": "Legislation", "agents": [], "place": "Berlin", "value": "2024-03-13"}),
    ("The attack carried out in Mumbai in 2008 killed 166 people.",
     {"type": "Attack", "agents": [], "place": "Mumbai", "value": "2008"}),
    ("Rebels said the army broke the truce reached in Kunming on March 1.",
     {"type": "Agreement", "agents": [], "place": "Kunming", "value": "2024-03-01"}),
    # a fatal shooting; a lawsuit; a settlement of one
    ("The fatal police shooting of Marcus Lytle during a traffic stop on March 22, 2025 prompted protests.",
     {"type": "Attack", "agents": [], "place": None, "value": "2025-03-22"}),
    ("In June 2023 the Federal Trade Commission sued Corvane Systems over its purchase of Lumio Labs.",
     {"type": "Lawsuit", "agents": ["the Federal Trade Commission"], "place": None, "value": "2023-06"}),
    ("Orvane Bank settled the lawsuit for $2 billion in 2024.",
     {"type": "Settlement", "agents": ["Orvane Bank"], "place": None, "value": "2024"}),
    # a person removed from a post by others; a trial; a disease outbreak in a place
    ("Bayside United sacked Gary Whitfield on February 17, 2025.",
     {"type": "Dismissal", "agents": ["Bayside United"], "place": None, "value": "2025-02-17"}),
    ("The trial of Richard Hallworth opened at Southwark Crown Court in March 2025.",
     {"type": "Trial", "agents": [], "place": None, "value": "2025-03"}),
    ("A measles outbreak in Ontario was declared on February 10, 2025.",
     {"type": "Outbreak", "agents": [], "place": "Ontario", "value": "2025-02-10"}),
    # a company buying a part of another that the text names by its kind
    (
        "Norland Steel acquired the rail division from Corus for 95 million pounds in 2019.",
        {"type": "Acquisition", "agents": ["Norland Steel"], "place": None, "value": "2019"},
    ),
    # a seizure of power, however told, is a coup, not a company's takeover
    (
        "The army toppled the government of President Mohamed Bazoum on July 26, 2023.",
        {"type": "Coup", "agents": [], "place": None, "value": "2023-07-26"},
    ),
    (
        "Colonel Assimi Goita staged a second takeover in May 2021.",
        {"type": "Coup", "agents": ["Assimi Goita"], "place": None, "value": "2021-05"},
    ),
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
    # a labour strike: "on strike" (a "drone strike" is an Attack); the place comes through "go"
    (
        "Dock workers went on strike in Rotterdam on Monday.",
        {"type": "Protest", "agents": [], "place": "Rotterdam", "value": "2024-03-11"},
    ),
    # a disaster's place is the object of the verb it is subject of
    (
        "A magnitude 6.8 earthquake struck southern Peru on Sunday.",
        {"type": "Disaster", "agents": [], "place": "Peru", "value": "2024-03-10"},
    ),
    (
        "A passenger train collided with a freight train near Larissa on Friday.",
        {"type": "Accident", "agents": [], "place": "Larissa", "value": "2024-03-15"},
    ),
    # "agreed to buy" is the acquisition (the deal), and the time of "agreed" is its time
    (
        "Disney agreed on Monday to buy Pixar for 7.4 billion dollars.",
        {"type": "Acquisition", "agents": ["Disney"], "place": None, "value": "2024-03-11"},
    ),
    (
        "The transport minister resigned on Sunday.",
        {"type": "Resignation", "agents": [], "place": None, "value": "2024-03-10"},
    ),
    (
        "A court in Nairobi sentenced the former governor to 12 years in prison on Wednesday.",
        {"type": "Verdict", "agents": [], "place": "Nairobi", "value": "2024-03-13"},
    ),
    (
        "Prime Minister Kyriakos Mitsotakis appointed Giorgos Gerapetritis as foreign minister on Tuesday.",
        {"type": "Appointment", "agents": ["Kyriakos Mitsotakis"], "place": None, "value": "2024-03-12"},
    ),
    # a support verb through a preposition: "agreed ... to a ceasefire"
    (
        "The presidents of Congo and Rwanda agreed on Saturday to a ceasefire in eastern Congo.",
        {"type": "Agreement", "agents": [], "place": "Congo", "value": "2024-03-09"},
    ),
    # a day without its year: the year nearest the publication date
    (
        "Phiri won 52 percent of the vote in the September 16 election.",
        {"type": "Election", "agents": [], "place": None, "value": "2023-09-16"},
    ),
    # an event noun with its own past date is a fact, whatever the mood of its clause
    (
        "A runoff must be held within 60 days under a 2020 ruling by the Constitutional Court.",
        {"type": "Verdict", "agents": ["the Constitutional Court"], "place": None, "value": "2020"},
    ),
    (
        "Gunmen kidnapped 39 students from a college near Kaduna on March 11.",
        {"type": "Attack", "agents": [], "place": "Kaduna", "value": "2024-03-11"},
    ),
    # a dateline names where the story was filed, not who acted
    (
        "NAIROBI – Police arrested the former governor on Tuesday.",
        {"type": "Arrest", "agents": [], "place": None, "value": "2024-03-12"},
    ),
    # event kinds added from the taxonomy file alone: fires, rail strikes, rallies, plea and
    # leniency deals, job cuts, outages, hearings
    (
        "A bushfire destroyed 40 homes near Perth on Tuesday.",
        {"type": "Disaster", "agents": [], "place": "Perth", "value": "2024-03-12"},
    ),
    (
        "Rail workers began a national rail strike in France on Monday.",
        {"type": "Protest", "agents": [], "place": "France", "value": "2024-03-11"},
    ),
    (
        "Hundreds of families held a rally in Jerusalem on Saturday.",
        {"type": "Protest", "agents": [], "place": "Jerusalem", "value": "2024-03-09"},
    ),
    (
        "Odebrecht signed a leniency agreement with prosecutors in 2016.",
        {"type": "Agreement", "agents": ["Odebrecht"], "place": None, "value": "2016"},
    ),
    (
        "The former executive agreed to a plea deal on Friday.",
        {"type": "Agreement", "agents": [], "place": None, "value": "2024-03-15"},
    ),
    # a company's "will cut" is a decision told as news; "it" is the company that said so
    (
        "Unilever said on Tuesday it will cut 1,200 jobs.",
        {"type": "JobCuts", "agents": ["Unilever"], "place": None, "value": "2024-03-12"},
    ),
    (
        "The carmaker laid off 300 workers in Detroit last month.",
        {"type": "JobCuts", "agents": [], "place": "Detroit", "value": "2024-02"},
    ),
    (
        "An IT outage grounded Qantas flights across Australia on Monday.",
        {"type": "Accident", "agents": [], "place": "Australia", "value": "2024-03-11"},
    ),
    # "testified at a hearing": one event, the hearing is the setting of the testimony
    (
        "Boeing chief executive Dave Calhoun testified at a Senate hearing on Tuesday.",
        {"type": "Hearing", "agents": ["Dave Calhoun", "Senate"], "place": None, "value": "2024-03-12"},
    ),
    # "talks" tagged as a verb in a subject's slot is still the noun; "ceasefire talks" are talks
    (
        "Ceasefire talks in Cairo ended on Sunday without a deal.",
        {"type": "Talks", "agents": [], "place": "Cairo", "value": "2024-03-10"},
    ),
    (
        "Negotiators met in Cairo on Sunday for ceasefire talks.",
        {"type": "Talks", "agents": [], "place": "Cairo", "value": "2024-03-10"},
    ),
    # "since 2000" is a comparison, not the election's date
    (
        "Turnout in Ghana's election was the highest since 2000.",
        {"type": "Election", "agents": [], "place": "Ghana", "value": None},
    ),
    (
        "Premier Jacinta Morrow visited Lismore on Tuesday.",
        {"type": "Visit", "agents": ["Jacinta Morrow"], "place": None, "value": "2024-03-12"},
    ),
    # "through X" places an event; so does the verb the parser hung on its subject noun as a clause
    (
        "A fast-moving wildfire swept through Paradise overnight.",
        {"type": "Disaster", "agents": [], "place": "Paradise", "value": None},
    ),
    (
        "Two people died after a wildfire swept through Paradise overnight, officials said.",
        {"type": "Disaster", "agents": [], "place": "Paradise", "value": None},
    ),
    # a central bank's rate decision, an evacuation, a named person's death, a company founded
    (
        "The Reserve Bank of Australia cut its cash rate to 3.85% on Tuesday.",
        {"type": "RateDecision", "agents": ["The Reserve Bank of Australia"], "place": None, "value": "2024-03-12"},
    ),
    (
        "Authorities evacuated 12,000 residents of Lytton on Wednesday as the fire spread.",
        {"type": "Evacuation", "agents": [], "place": None, "value": "2024-03-13"},
    ),
    (
        "Former Chilean president Ana Ruiz died in Santiago on Sunday.",
        {"type": "Death", "agents": ["Ana Ruiz"], "place": "Santiago", "value": "2024-03-10"},
    ),
    (
        "Maria Okafor set up the company in 2019.",
        {"type": "Founding", "agents": ["Maria Okafor"], "place": None, "value": "2019"},
    ),
    # a product recall; a fine (the model lemmatises "fined" as "fin"); one unnamed person's death
    (
        "Hanbit Energy Solutions recalled about 180,000 home battery units on Monday.",
        {"type": "Recall", "agents": ["Hanbit Energy Solutions"], "place": None, "value": "2024-03-11"},
    ),
    (
        "The European Commission fined Google 2.4 billion euros on Tuesday.",
        {"type": "Fine", "agents": ["The European Commission"], "place": None, "value": "2024-03-12"},
    ),
    (
        "A 68-year-old man died in a battery fire at his home in Manchester on Sunday.",
        {"type": "Death", "agents": [], "place": "Manchester", "value": "2024-03-10"},
    ),
    # a court's ruling told by its verb
    (
        "The Supreme Court struck down the law on Tuesday.",
        {"type": "Verdict", "agents": ["The Supreme Court"], "place": None, "value": "2024-03-12"},
    ),
    # violence told by "opened fire", "shot dead"
    (
        "Police opened fire on protesters in Nairobi on Tuesday.",
        {"type": "Attack", "agents": [], "place": "Nairobi", "value": "2024-03-12"},
    ),
    # two people meeting (not players meeting in a round: see the negatives)
    (
        "Foreign Minister Anita Rao met Prime Minister Tomas Varga in Prague on Tuesday.",
        {"type": "Talks", "agents": ["Anita Rao"], "place": "Prague", "value": "2024-03-12"},
    ),
    # a judge's order told by its verb; a gunman's killing
    (
        "A federal judge in Austin blocked the law on Thursday.",
        {"type": "Verdict", "agents": [], "place": "Austin", "value": "2024-03-14"},
    ),
    (
        "A gunman shot and killed three people at a supermarket in Buffalo on Saturday.",
        {"type": "Attack", "agents": [], "place": "Buffalo", "value": "2024-03-09"},
    ),
    # a volcano that erupted, a council's ordinance, a strike launched (a verb, an object, a governor)
    (
        "A volcano erupted in eastern Indonesia on Monday, killing at least nine people.",
        {"type": "Disaster", "agents": [], "place": "Indonesia", "value": "2024-03-11"},
    ),
    (
        "The Oakland City Council approved the ordinance on Tuesday.",
        {"type": "Legislation", "agents": ["The Oakland City Council"], "place": None, "value": "2024-03-12"},
    ),
    (
        "Dockworkers launched a strike in Rotterdam on Monday.",
        {"type": "Protest", "agents": [], "place": "Rotterdam", "value": "2024-03-11"},
    ),
    # a particle the parser read as an adverb ("walked out") still makes the trigger
    (
        "Rail workers walked out across France on Friday.",
        {"type": "Protest", "agents": [], "place": "France", "value": "2024-03-15"},
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_events_with_arguments(nlp, text: str, expected: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    events, names = run(nlp, text)
    assert [summary(e, names) for e in events] == [expected]


NEGATIVE = [
    "The noise died down after midnight.",  # no one died; and deaths with no one named are the disaster's
    "She recalled that the summer of 1998 was hot.",  # remembering, no product
    "Voters in Oregon signed a recall petition on Monday.",  # a recall of an official, no product
    "The weather in Leeds was fine on Sunday.",
    "The bank's strategists said rates would be cut later this year.",  # a forecast, no decision
    "The council cut the business rate by 2% on Monday.",  # rates that are no interest rate
    "The government cut the corporate tax rate in 2023.",
    "The hospital cut its infection rate in half last year.",
    "The company dismissed the claims as baseless on Monday.",  # no post: a dismissal of claims
    "Israeli settlements in the West Bank grew in 2024.",  # a settlement of people
    "The shooting of the film began in May 2024.",
    "Police fired tear gas at protesters on Friday.",
    "A clinical trial of the vaccine began in Oxford in May.",  # a medical trial
    "The outbreak of war in 1939 closed the port.",
    "Sinner toppled Djokovic in straight sets on Sunday.",  # a ruler or a government is toppled in a coup
    "She bought a business class ticket to Singapore on Monday.",  # no company's business
    "Lawyers for the families deposed the chief executive last month.",
    "The war between the army and the paramilitaries erupted in April 2023.",  # a war erupts, no volcano
    "Violence erupted in the capital on Sunday.",
    "Millions voted on Sunday.",  # citizens voting: the election, not a body's vote
    "Police said the DNA was a perfect match for the suspect.",
    # what the new types must not take: a ballot, an election's vote, a meeting room, a company beating another,
    # a deal that stalled, a review of a proposed merger, a protest only planned
    "Maria Gonzalez cast her vote at a primary school in Lagos on Saturday.",
    "Turnout in Sunday's vote was 42 percent.",
    "The clinic's meeting room was converted in March.",
    "Nvidia beat Microsoft on Tuesday to become the world's most valuable company.",
    "The merger stalled in 2023 after regulators raised objections.",
    "The regulator opened a review of the proposed merger on Monday.",
    "Police banned a protest planned for Saturday in Istanbul.",
    "Clashes erupted between fans outside the stadium on Saturday.",
    "The minister urged both sides to return to the negotiating table.",  # a participle describing a noun
    "The former president ruled the country for 30 years.",  # "rule" is a verdict only a court or judge gives
    "Rory McIlroy shot a 68 on Thursday to lead by two.",  # "shoot" is an attack only as "shoot dead"
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
    "The union threatened to go on strike next month.",  # threatened
    "Unions have not ruled out a national walkout in January.",  # negated
    "Several incumbents have lost elections since 2020.",  # generic plural, no argument
    "The army accused the rebels of attacking its positions on Wednesday.",  # alleged
    "The company is expected to complete the acquisition in 2025.",  # expected
    "Analysts said regulators could block the merger.",  # modal
    "Russia agreed on Monday to withdraw its troops from the border.",  # "agree to" makes a deal only for acquisitions
    "The bakery bought new ovens last year.",  # buying things is no acquisition of a company
    "The striker was sent off in the final.",  # "strike" words that are no strike
    # a ceasefire only proposed or pushed for is no agreement
    "Egypt put forward a proposal for a ceasefire on Monday.",
    "Qatar has been pushing for a ceasefire since January.",
    "Mediators presented a ceasefire proposal in Doha on Monday.",
    "The unions called for a general strike on Monday.",
    # a deployment is of forces, not of software, servers or observers
    "Microsoft began deploying a software update on Tuesday.",
    "The company is deploying new servers in Dublin this week.",
    "Yiaga Africa deployed more than 500 observers on Saturday.",
    # "rally" and "hearing" words that are no protest and no hearing
    "Stocks staged a rally on Monday.",
    "He was fitted with a hearing aid in London on Monday.",
    # a bid "derailed" is no train accident
    "Critics say the bill derailed the country's bid to join the European Union.",
    # a team travelling to a fixture is no visit; players meeting in a semi-final, jets flying over a sea, aid
    # flown to a city, a gunman killing himself
    "Newcastle United travel to Brighton on Saturday.",
    "Carlos Alcaraz met Jannik Sinner in the semi-final and won in five sets.",
    "Russian fighter jets flew over the Baltic Sea on Tuesday.",
    "Emergency aid was flown to Gaza on Tuesday.",
    "The gunman later killed himself.",
    # only "will" is real for job cuts: "could" is not
    "Unilever could cut 1,200 jobs next year.",
]


@pytest.mark.model
def test_a_demonym_heading_a_phrase_is_a_person_not_the_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("A former Australian special forces soldier was sentenced to five years and seven months in prison on "
            "Tuesday for the murder of an unarmed Afghan man, the first Australian convicted of a war crime.")
    from kg.extract import extract

    records = extract(nlp(text), Article("t", "t.txt", text, "0", "2024-03-15"))
    names = {e.key: e.name for e in records.entities}
    named = [(e.type, [names[k] for k in e.agents + e.participants]) for e in records.events]
    assert named and all("Australia" not in args for _, args in named), named


@pytest.mark.model
def test_a_titles_place_is_not_who_was_sentenced(nlp) -> None:  # type: ignore[no-untyped-def]
    events, names = run(nlp, "A former New Jersey state senator was sentenced on Tuesday to seven years in prison.")
    assert [(e.type, [names[k] for k in e.participants]) for e in events] == [("Verdict", [])]


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
def test_a_later_definite_mention_joins_the_event_it_refers_to(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The crash happened on Friday near Larissa. Rescuers worked through the night. "
        "Relatives gathered at the station. It was the deadliest rail accident in Greece in decades."
    )
    events, _ = run(nlp, text)
    assert [(e.type, e.time and e.time.value) for e in events] == [("Accident", "2024-03-15")]


REPORTS = [
    # the reported deal is the news, dated by the report
    ("Disney announced on Monday that it had agreed to buy Pixar.", [("Acquisition", "2024-03-11")]),
    # a reported plan is no event: the announcement is
    ("Iraq announced on Wednesday that US troops would withdraw.", [("Announcement", "2024-03-13")]),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), REPORTS)
def test_a_report_of_a_real_event_is_folded_into_it(nlp, text: str, expected: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(nlp, text)
    assert [(e.type, e.time and e.time.value) for e in events] == expected


@pytest.mark.model
def test_two_strikes_on_different_dates_stay_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Teachers went on strike in Paris on Tuesday. In 2008, dock workers went on strike in Rotterdam."
    events, names = run(nlp, text)
    assert sorted((e.type, names.get(e.place or ""), e.time and e.time.value) for e in events) == [
        ("Protest", "Paris", "2024-03-12"),
        ("Protest", "Rotterdam", "2008"),
    ]


@pytest.mark.model
def test_a_relative_clause_about_someone_named_is_not_the_sentences_event(nlp) -> None:  # type: ignore[no-untyped-def]
    # the jailing in 2008 is the lawyer's past, not the ruling's time
    text = ("The court ruled that the minister had broken the rules by naming Pichit Chuenban, a lawyer who was "
            "jailed for contempt in 2008, to the cabinet.")
    events, _ = run(nlp, text)
    assert sorted(str(e.time and e.time.value) for e in events if e.type == "Verdict") == ["2008", "None"]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Police in Manchester arrested a 17-year-old boy, who was detained at his home on Tuesday.",
    "Police arrested two men who were detained at Heathrow on Sunday.",
])
def test_a_relative_clause_about_the_events_own_participant_is_the_same_event(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(nlp, text)
    assert [e.type for e in events] == ["Arrest"] and events[0].time is not None


@pytest.mark.model
def test_a_headline_joins_the_body_telling_of_its_event(nlp) -> None:  # type: ignore[no-untyped-def]
    head = "Minister resigns after train crash"
    text = head + "\n\nGreece's transport minister Nikos Andreou resigned on Sunday, two days after the crash."
    events, names = run(nlp, text, headline=Span(0, len(head), head))
    resignations = [e for e in events if e.type == "Resignation"]
    assert len(resignations) == 1 and resignations[0].time and resignations[0].time.value == "2024-03-10"


HEADLINES = [
    # (headline, body): the headline names the court by a broader place than the body does
    (
        "India court convicts former minister Arjun Mehta",
        "A Patna court on Wednesday convicted former state minister Arjun Mehta of fraud.",
    ),
    (
        "Kenya court jails former governor for 12 years",
        "A Nairobi court on Wednesday sentenced former governor Daniel Mwangi to 12 years in prison.",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("head", "body"), HEADLINES)
def test_a_headline_joins_its_body_event_despite_a_broader_agent(nlp, head: str, body: str) -> None:  # type: ignore[no-untyped-def]
    events, names = run(nlp, f"{head}\n\n{body}", headline=Span(0, len(head), head))
    verdicts = [e for e in events if e.type == "Verdict"]
    assert len(verdicts) == 1
    assert verdicts[0].time is not None and verdicts[0].time.value == "2024-03-13"
    assert [names[k] for k in verdicts[0].agents] == [body.split()[1]]  # the body's court, not the headline's


@pytest.mark.model
def test_a_headline_of_another_time_stays_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    head = "Banker jailed in 2019 now faces new trial"
    text = f"{head}\n\nA Nairobi court on Wednesday sentenced former governor Daniel Mwangi."
    events, _ = run(nlp, text, headline=Span(0, len(head), head))
    assert sorted(e.time.value for e in events if e.type == "Verdict" and e.time) == ["2019", "2024-03-13"]


@pytest.mark.model
def test_a_dateline_date_dates_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "PATNA, March 6, 2025 – A special court on Wednesday convicted the former minister."
    events, _ = run(nlp, text, published="2025-03-06")
    assert [(e.type, e.time and e.time.value) for e in events] == [("Verdict", "2025-03-05")]


@pytest.mark.model
def test_talks_at_which_a_deal_was_agreed_share_its_time_and_place(nlp) -> None:  # type: ignore[no-untyped-def]
    events, names = run(nlp, "The ceasefire was agreed in Luanda on Saturday at talks hosted by Angola.")
    talks = [e for e in events if e.type == "Talks"]
    assert [(names.get(t.place or ""), t.time and t.time.value, [names[k] for k in t.participants]) for t in talks] == [
        ("Luanda", "2024-03-09", ["Angola"])
    ]


NON_PROSE = [
    ("NAIROBI – A court ruled.", ["NAIROBI – "]),
    ("LUANDA, Angola – Talks ended.", ["LUANDA, Angola – "]),
    ("BAGHDAD (Dispatches) - Troops left.", ["BAGHDAD (Dispatches) - "]),
    ("PATNA, March 6, 2025 – A court ruled.", ["PATNA, March 6, 2025 – "]),
    ("LONDON, 6 March (Reuters) - Talks ended.", ["LONDON, 6 March (Reuters) - "]),
    ("Santiago Times\nThe Senate voted on Monday.", ["Santiago Times"]),
    ("The Senate voted on Monday.", []),  # prose
    ("US troops left Iraq in 2011.", []),  # no dash: no dateline
]


@pytest.mark.parametrize(("text", "expected"), NON_PROSE)
def test_datelines_and_bylines_are_no_prose(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in non_prose_spans(text)] == expected


def test_a_headline_is_prose() -> None:
    text = "Minister resigns\nThe minister resigned."
    assert non_prose_spans(text, Span(0, 16, "Minister resigns")) == []


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
        "Verdict",
        "Acquisition",
        "Disaster",
        "Accident",
        "Resignation",
        "Appointment",
        "Hearing",
        "JobCuts",
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


TRIGGERS = [
    ("approve bill", "VERB", Trigger("approve", "VERB", ("bill",))),
    ("end of the mission", "NOUN", Trigger("end", "NOUN", ("mission",))),
    ("strike ^on", "NOUN", Trigger("strike", "NOUN", ("^on",))),
    ("buy @Organization", "VERB", Trigger("buy", "VERB", ("@organization",))),
    ("rally !stock", "NOUN", Trigger("rally", "NOUN", ("!stock",))),
    ("meet <negotiator", "VERB", Trigger("meet", "VERB", ("<negotiator",))),
]


@pytest.mark.parametrize(("text", "pos", "expected"), TRIGGERS)
def test_trigger_encoding(text: str, pos: str, expected: Trigger) -> None:
    assert parse_trigger(text, pos) == expected  # type: ignore[arg-type]


def test_new_type_properties_are_read_and_checked() -> None:
    head = b"""
    @prefix kg: <https://w3id.org/kg/ontology#> . @prefix kgt: <https://w3id.org/kg/ontology/event-type#> .
    """
    good = head + b'kgt:Deal a kg:EventType ; kgt:placeModifier true ; kgt:realUnder "agree" ; kgt:verbTrigger "buy" .'
    deal = parse_taxonomy(good, "test")["Deal"]
    assert deal.place_modifier and deal.real_under == ("agree",)
    assert not load_event_types()["Attack"].place_modifier
    with pytest.raises(KgError, match="placeModifier"):
        parse_taxonomy(head + b'kgt:Deal a kg:EventType ; kgt:placeModifier "maybe" .', "test")


@pytest.mark.model
def test_the_holder_of_a_title_is_the_participant_not_what_the_title_is_of(nlp) -> None:  # type: ignore[no-untyped-def]
    events, names = run(nlp, "A former mayor of Ostrava was sentenced on Friday to eight years in prison.")
    assert [e.type for e in events] == ["Verdict"]
    assert "Ostrava" not in [names[k] for k in events[0].participants]


@pytest.mark.model
def test_through_places_only_events_that_move_through_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    events, names = run(nlp, "The ceasefire was negotiated through Egypt in March 2024.")
    assert [names.get(e.place or "") for e in events] == [None]


@pytest.mark.model
def test_a_natural_place_before_an_event_noun_is_where_not_who(nlp) -> None:  # type: ignore[no-untyped-def]
    events, names = run(nlp, "Shipping firms rerouted vessels after the Red Sea attack on Monday.")
    assert events and all("Red Sea" not in [names[k] for k in e.agents] for e in events)


@pytest.mark.model
def test_a_participle_of_another_type_is_another_event(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(nlp, "The acquisition announced in January closed on Friday.")
    assert sorted(e.type for e in events) == ["Acquisition", "Announcement"]


@pytest.mark.model
def test_what_an_inquiry_is_into_happened(nlp) -> None:  # type: ignore[no-untyped-def]
    """The inquiry is planned; the shooting it is into is not."""
    events, _ = run(nlp, "The council voted to open an inquiry into the fatal shooting of Marcus Lytle on March 3.")
    assert "Attack" in [e.type for e in events]
    events, _ = run(nlp, "The council wants an inquiry into a possible coup.")  # still hypothetical
    assert events == []


@pytest.mark.model
def test_a_label_says_the_agent_once(nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(nlp, "Congresswoman Alexandria Ocasio-Cortez criticised the Senate vote on Thursday.")
    assert [e.label for e in events] == ["Senate vote"]


def test_the_noun_a_past_participle_describes_is_its_participant(nlp) -> None:  # type: ignore[no-untyped-def]
    events, names = run(nlp, "Brinkman Technologies, founded in Eindhoven in 1921, employs about 5,200 people.")
    assert [(e.type, [names[k] for k in e.participants]) for e in events] == [("Founding", ["Brinkman Technologies"])]
