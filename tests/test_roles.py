"""Roles stated in one article: memberships, leadership, spokespersons and part-of links."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.records import Article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp(model_loaded_once: None):  # type: ignore[no-untyped-def]
    import kg.nlp

    return kg.nlp.load_model()


def roles(nlp, text: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    article = Article("t", "t.txt", text, "0")
    records = extract(nlp(text), article)
    names = {e.key: e.name for e in records.entities}
    for rel in records.relations:
        assert text[rel.evidence.start:rel.evidence.end] == rel.evidence.text
    return {(names[r.subject], r.role, names[r.object]) for r in records.relations}


ROLES = [  # (text, expected relation)
    ("Maria Lopez, a member of the Green Alliance, voted against the budget.",
     ("Maria Lopez", "memberOf", "Green Alliance")),
    ("Liberal Party lawmaker Tom Hughes said the vote was rigged.", ("Tom Hughes", "memberOf", "Liberal Party")),
    ("Chief FIFA spokesman Bryan Swanson declined to comment.", ("Bryan Swanson", "spokespersonOf", "FIFA")),
    ("Kenji Sato, spokesman for the Tokyo Electric Power Company, apologised.",
     ("Kenji Sato", "spokespersonOf", "Tokyo Electric Power Company")),
    ("Rafael Duarte, who leads the Workers Movement, called a strike.",
     ("Rafael Duarte", "leaderOf", "Workers Movement")),
    ("Interpol chief Jürgen Stock opened the meeting.", ("Jürgen Stock", "leaderOf", "Interpol")),
    ("Ana Silva, deputy head of the Federal Police, resigned.", ("Ana Silva", "memberOf", "Federal Police")),
    ("Kenyan President William Ruto signed the bill.", ("William Ruto", "leaderOf", "Kenya")),
    ("Priya Nair, India's national security adviser, met the envoy.",
     ("Priya Nair", "memberOf", "India")),
    ("Colonel Ahmed Bashir, commander of the Desert Brigade, was wounded.",
     ("Ahmed Bashir", "leaderOf", "Desert Brigade")),
    ("The Northern Brigade, which is part of the Popular Defence Forces, withdrew.",
     ("Northern Brigade", "partOf", "Popular Defence Forces")),
    ("Fighters of the 3rd Brigade of the Sudanese Armed Forces crossed the river.",
     ("3rd Brigade", "partOf", "Sudanese Armed Forces")),
    ("The blast killed Omar Farouk, the RSF deputy commander, and two guards.",
     ("Omar Farouk", "memberOf", "RSF")),
    ("Jane Roe, the Acme Corp chief executive, resigned on Friday.", ("Jane Roe", "leaderOf", "Acme Corp")),
    ("A European Commission spokesman, Stefan de Wit, declined to comment.",
     ("Stefan de Wit", "spokespersonOf", "European Commission")),
    ("Exeter City boss Gareth Lowe praised his players.", ("Gareth Lowe", "leaderOf", "Exeter City")),
    ("Fiona Doyle, a GMB organiser, said members were angry.", ("Fiona Doyle", "memberOf", "GMB")),
    ("Graham Dunlop, operations director at Network Power, said crews were working.",
     ("Graham Dunlop", "memberOf", "Network Power")),  # a director of one function is no leader
    ("Sanjay Verma of the Patna-based Institute for Social Research said turnout was high.",
     ("Sanjay Verma", "memberOf", "Institute for Social Research")),
    ("Egypt's Foreign Ministry spokesman, Tamer Abdel-Ghani, said the talks would resume.",
     ("Tamer Abdel-Ghani", "spokespersonOf", "Foreign Ministry")),
    ("Senator Mark Reyes, who chairs the Senate Commerce Committee, criticised the airline.",
     ("Mark Reyes", "leaderOf", "Senate Commerce Committee")),
    ("Hamas political bureau member Basem Naim said the proposal was unacceptable.",
     ("Basem Naim", "memberOf", "Hamas")),
    ("Laura Fenwick, a professor at Columbia University, said the ruling was narrow.",
     ("Laura Fenwick", "memberOf", "Columbia University")),
    ("Tom Baxter, a strategist at Greenline Partners, said voters were tired.",
     ("Tom Baxter", "memberOf", "Greenline Partners")),
    ("Peter Lang, chief officer of the Northern Water Authority, said supplies were safe.",
     ("Peter Lang", "leaderOf", "Northern Water Authority")),
    # a capitalised word the model reads as a common word, before a title and a name
    ("Unite general secretary Sharon Graham called the offer an insult. Members of Unite will vote next week.",
     ("Sharon Graham", "leaderOf", "Unite")),
    ("Labour MP Jess Phillips said the bill was flawed. She said Labour would oppose it.",
     ("Jess Phillips", "memberOf", "Labour")),
    ("World Health Organization Director-General Tedros Adhanom Ghebreyesus warned of a new wave.",
     ("Tedros Adhanom Ghebreyesus", "leaderOf", "World Health Organization")),
    ("Reuters correspondent Tom Balmforth reported from the front.", ("Tom Balmforth", "memberOf", "Reuters")),
    ("Arsenal midfielder Declan Rice scored twice.", ("Declan Rice", "memberOf", "Arsenal")),
    ("London Mayor Sadiq Khan said the trains would run.", ("Sadiq Khan", "leaderOf", "London")),
    # appositions
    ("Camila Duarte, a Latin America strategist at BTG Pactual, expects the peso to firm.",
     ("Camila Duarte", "memberOf", "BTG Pactual")),  # the place qualifies the title; the firm holds it
    ("Annelies Verhoeven, a political scientist at Leiden University, said the coalition was fragile.",
     ("Annelies Verhoeven", "memberOf", "Leiden University")),
    ("Lisa Cook, a governor of the Federal Reserve, said inflation was easing.",
     ("Lisa Cook", "memberOf", "Federal Reserve")),  # "a governor": one of several, no leader
    # "its" is the organization the sentence (or the one before) is about
    ("The opposition Labour Party said the measures did not go far enough. Its home affairs spokesman, "
     "Thomas Whitfield, said the government had waited too long.",
     ("Thomas Whitfield", "spokespersonOf", "Labour Party")),
    ("The ruling All Progressives Congress (APC) said its candidate, Usman Idris Baba, was clearly ahead.",
     ("Usman Idris Baba", "memberOf", "All Progressives Congress")),
    # organizations inside organizations
    ("Shares in Instagram, a subsidiary of Meta, rose on Monday.", ("Instagram", "partOf", "Meta")),
    ("On Tuesday, DeepMind, part of Google, released a new model.", ("DeepMind", "partOf", "Google")),
]


@pytest.mark.parametrize(("text", "expected"), ROLES)
def test_roles(nlp, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in roles(nlp, text)


NO_ROLE = [  # a link the text does not state
    "Former Brazilian President Jair Bolsonaro was questioned by police.",
    "Nigerian leader Bola Tinubu travelled to Paris.",  # a leader from Nigeria, not stated to lead it
    "Tom Hughes met members of the Liberal Party in Leeds.",
    "The striker Marcus Rashford, who joined the club at seven, scored twice.",
    "Marcus Bellamy, head of a primary school in Leeds, spoke to the conference.",  # a school, not Leeds
    "Camila Duarte, a Latin America strategist, expects the peso to firm.",  # a region holds no strategist
    "Its home affairs spokesman, Thomas Whitfield, said the bill was late.",  # "Its" is nobody named here
    "Maria Costa, president of the Lisbon teachers' union chapter, said the strike would go ahead.",  # not Lisbon
    "Paul Smith of Leeds said the rain had stopped.",  # a person of a town is no member of it
    "Tom Hughes, a one-time adviser to the Conservative Party, said the plan would fail.",
    "Tom Hughes, the former head of the Football Association, said the reforms were overdue.",
    "Former chief executive Jane Roe said profits rose.",  # "Former" names no organization
    "Opposition leader Peter Dutton said the budget was a failure.",
    "The National Association of Head Teachers said Sarah Jones had resigned.",  # "Head" is part of the name
    # "its" is the subject of the sentence before, not any organization it names
    "Regulators fined Acme Corp on Monday. Its chief executive, Jane Roe, said the fine was unfair.",
]


@pytest.mark.parametrize("text", NO_ROLE)
def test_no_role(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert roles(nlp, text) == set()


def test_spokesman_description_bound_to_the_next_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The union will strike next week, the spokesman for the executive board of the Transport Workers "
            "Union has warned.\nJames Carter told the BBC that the talks had failed.\n")
    assert ("James Carter", "spokespersonOf", "Transport Workers Union") in roles(nlp, text)
