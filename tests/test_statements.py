"""Statements of one article: direct, indirect and mixed speech with speakers resolved in the article."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.statements import find_quotes, resolve_weekday
from kg.records import Article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp(model_loaded_once: None):  # type: ignore[no-untyped-def]
    import kg.nlp

    return kg.nlp.load_model()


def statements(nlp, text: str, published: str | None = None) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    """(content, kind, speaker name or None) for each statement; offsets checked on the way."""
    records = extract(nlp(text), Article("t", "t.txt", text, "0", published))
    names = {e.key: e.name for e in records.entities}
    out = []
    for st in records.statements:
        assert text[st.content.start:st.content.end] == st.content.text
        out.append((st.content.text, st.kind, names.get(st.speaker) if st.speaker else None))
    return out


STATEMENTS = [  # (text, expected statements as (content, kind, speaker))
    # (the parser may read the mark "that" as the object of the clause's verb: still what the ruling says)
    ("Judge Ana Ruiz wrote in a 30-page ruling that Tomas Vidal, 29, had asked for a lawyer at least twice.",
     [("Tomas Vidal, 29, had asked for a lawyer at least twice", "indirect", "Ana Ruiz")]),
    # a count speaks for whoever made it
    ("Claudia Sheinbaum won nearly 60% of the vote, according to a quick count by the National Electoral Institute.",
     [("Claudia Sheinbaum won nearly 60% of the vote", "indirect", "National Electoral Institute")]),
    # a court's opinion and a speaker's remarks are documents: the that-clause hung on them is what was said
    ("Chancellor Kathaleen McCormick wrote in a 54-page opinion that the plaintiffs had raised serious questions.",
     [("the plaintiffs had raised serious questions", "indirect", "Kathaleen McCormick")]),
    ("“We were unlucky today,” said coach Carlo Ancelotti.",
     [("We were unlucky today", "direct", "Carlo Ancelotti")]),
    ("The defence barrister, Rafael Okonkwo SC, said the sentence was harsh.",
     [("the sentence was harsh", "indirect", "Rafael Okonkwo")]),
    # "the union", "the company": the body the article described with that noun before its name
    ("The union IG Metall rejected the offer on Monday. The union said any plant closure would be met with strikes.",
     [("any plant closure would be met with strikes", "indirect", "IG Metall")]),
    ("Workers at the carmaker Volkmar walked out on Monday. The company said it could not afford more.",
     [("it could not afford more", "indirect", "Volkmar")]),
    # a short quote that opens its sentence, then its speaker: speech, even inside a paragraph
    ('The club lost again on Sunday. "Very disappointing," coach Luis Ortega said after the match.',
     [("Very disappointing", "direct", "Luis Ortega")]),
    ('Ngozi Adeyemi spoke to reporters on Friday. "We are hopeful," Adeyemi said.',
     [("We are hopeful", "direct", "Ngozi Adeyemi")]),
    ("Judge Amelia Ross said the evidence had been gathered unlawfully.",
     [("the evidence had been gathered unlawfully", "indirect", "Amelia Ross")]),
    ("Chief executive Laura Chen told analysts that profits would fall in the third quarter.",
     [("profits would fall in the third quarter", "indirect", "Laura Chen")]),
    ("Prices will rise again next year, the Bundesbank has warned.",
     [("Prices will rise again next year", "indirect", "Bundesbank")]),
    # ", according to X" names a source of the report, not what was said
    ("Minister Ana Ruiz said the outbreak had spread to three provinces, according to state media.",
     [("the outbreak had spread to three provinces", "indirect", "Ana Ruiz")]),
    # a quotation going on with the reported clause, which the parser hung on the cue, does not end it
    ('Egypt\'s Ministry of Foreign Affairs said in a statement that Cairo was working "hour by hour" with Doha and '
     'Washington to narrow the remaining gaps.',
     [('Cairo was working "hour by hour" with Doha and Washington to narrow the remaining gaps', "mixed",
       "Egypt's Ministry of Foreign Affairs")]),
    # a past verb after a past quoted one goes on with what was reported (not the speaker's next act)
    ('In a memo to staff, chief executive Lena Ortiz wrote that the bank had "grown faster than our controls" and '
     'needed to cut costs in its trading arm.',
     [('the bank had "grown faster than our controls" and needed to cut costs in its trading arm', "mixed",
       "Lena Ortiz")]),
    # a participle the parser hung before the "that" of the reported clause is no part of it
    ("The Harbour Gazette reported on Sunday, citing unnamed officials, that the plan had been shelved.",
     [("the plan had been shelved", "indirect", "Harbour Gazette")]),
    # a reported clause the parser folded into the object of "said" ("said [the ... targeted militants]")
    ("The ministry denied that any civilians had been killed. It said the operation had targeted militants.",
     [("the operation had targeted militants", "indirect", None)]),
    # "according to" without a comma is part of what was said; after a quoted "was", the speaker's next act is cut
    ("The minister said compensation would be paid according to the law.",
     [("compensation would be paid according to the law", "indirect", None)]),
    ('Senator Ana Ruiz said the deal "was a disaster for the whole country" and walked out of the meeting.',
     [('the deal "was a disaster for the whole country"', "mixed", "Ana Ruiz")]),
    # "calling it "..."": the quoted words of the subject of the clause the participle hangs on (all quoted
    # words, so direct, as "described the comeback as "..."" is in the annotations)
    ('Coach Luis Rivero praised his players, calling the win "the best night of my career".',
     [("the best night of my career", "direct", "Luis Rivero")]),
    ("Striker Harry Kane insisted the team could still win the league.",
     [("the team could still win the league", "indirect", "Harry Kane")]),
    ("Inflation has peaked, according to the Reserve Bank of India.",
     [("Inflation has peaked", "indirect", "Reserve Bank of India")]),
    ("Opposition leader Raila Odinga rejected the results, saying the count had been rigged.",
     [("the count had been rigged", "indirect", "Raila Odinga")]),
    # a quote split by its attribution is one statement
    ("“The market is calm,” Olaf Berg said, “but investors remain nervous about rates.”",
     [("The market is calm,” Olaf Berg said, “but investors remain nervous about rates.", "direct", "Olaf Berg")]),
    # a longer quoted fragment inside reported speech is a mixed statement whose content is the fragment
    ("The merger was “a betrayal of every worker in this company”, the union said.",
     [("The merger was “a betrayal of every worker in this company”", "mixed", None)]),
    # a short quoted word inside reported speech makes it mixed; it is no statement of its own
    ("Maria Lopez said the proposal was “reckless” and would hurt families.",
     [("the proposal was “reckless” and would hurt families", "mixed", "Maria Lopez")]),
    # a long fragment that is only part of the reported clause keeps the whole clause
    ('Lucinda Barrow said the evidence was "thin and entirely circumstantial" and that she would ask the court '
     'to dismiss the charges.',
     [('the evidence was "thin and entirely circumstantial" and that she would ask the court to dismiss the charges',
       "mixed", "Lucinda Barrow")]),
    # a name apposed to the description is the speaker
    ("The party's home affairs spokesman, Tomas Berg, said the vote had been rigged.",
     [("the vote had been rigged", "indirect", "Tomas Berg")]),
    ("The union representing the airport's workers, SIPTU, said it had not been consulted.",
     [("it had not been consulted", "indirect", "SIPTU")]),
    # a document speaks for whoever issued it
    ("Fines will rise to 250,000 pounds, according to a statement from the Home Office.",
     [("Fines will rise to 250,000 pounds", "indirect", "Home Office")]),
    ("An editorial in the state-run Global Times newspaper said Japan was testing China's patience.",
     [("Japan was testing China's patience", "indirect", "Global Times")]),
    # an unnamed spokesperson speaks for the organization named with them
    ("A spokesperson for the Regulator of Social Housing said the rules would be enforced.",
     [("the rules would be enforced", "indirect", "Regulator of Social Housing")]),
    ("A Gatwick spokesperson said the airport would stay open as normal.",
     [("the airport would stay open as normal", "indirect", "Gatwick")]),
    # "wrote in a ruling that ...": the that-clause is what was written
    ("U.S. District Judge Amelia Ross wrote in a ruling that the search had been unlawful.",
     [("the search had been unlawful", "indirect", "Amelia Ross")]),
    # a clause before an inverted attribution that the parser left unattached
    ("Talks to form a new government stalled on Wednesday after the two parties failed to agree on asylum, "
     "negotiators said.",
     [("Talks to form a new government stalled on Wednesday after the two parties failed to agree on asylum",
       "indirect", None)]),
    # a quote after a colon that ends a clause without a speech verb belongs to the clause's subject
    ("Judge Marta Keller rejected the defence's argument: \"Not a single complaint was filed before the deadline.\"",
     [("Not a single complaint was filed before the deadline.", "direct", "Marta Keller")]),
    ("Coach Pep Alvarez watched from the stand.\nThe coach was less sympathetic: “They knew the rules and broke them.”",
     [("They knew the rules and broke them.", "direct", "Pep Alvarez")]),
    # a long subject with a relative clause before the cue
    ("Quillmark, which is based in Austin, Texas, said in a written statement submitted to the committee that it "
     "had complied with every rule.",
     [("it had complied with every rule", "indirect", "Quillmark")]),
    ("Former treasurer Helen Marsh testified that the accounts had been altered twice.",
     [("the accounts had been altered twice", "indirect", "Helen Marsh")]),
    # a name apposed to a description the model does not tag is still the speaker
    ("The outgoing club president, Henrik Aas Lunde, said the board would hold until the vote.",
     [("the board would hold until the vote", "indirect", "Henrik Aas Lunde")]),
    # a quote opening its sentence, attributed after it, is direct even mid-paragraph
    ("Tom Hughes said the count was close. “We counted every single ballot twice,” he said.",
     [("We counted every single ballot twice", "direct", "Tom Hughes")]),
    # a mixed quote ends at its closing mark, not in the speaker's next act
    ('Senator Maria Lopez said the apology "comes three weeks too late" and pressed Kohl on why it took so long.',
     [('the apology "comes three weeks too late"', "mixed", "Maria Lopez")]),
    # a that-clause the parser hung on the document the cue names, however far from it
    ("Chief executive Maria Okafor said in a letter to shareholders that the bank would cut 400 jobs.",
     [("the bank would cut 400 jobs", "indirect", "Maria Okafor")]),
    ("The league said in a statement issued to clubs on Monday that the season would end in May.",
     [("the season would end in May", "indirect", None)]),
    # a speech act coordinated after what was said is the speaker's next act; any other verb is what was said
    ("The minister said the army had withdrawn from the town and urged residents to return.",
     [("the army had withdrawn from the town", "indirect", None)]),
    ("The mayor said the city had hired 20 inspectors and raised their pay.",
     [("the city had hired 20 inspectors and raised their pay", "indirect", None)]),
    # a quotation of two sentences introduced by its cue and a colon is direct speech
    ('Shadow transport secretary Richard Holden told the BBC: "This should have happened weeks ago. The prime '
     'minister protected her for as long as he could."',
     [("This should have happened weeks ago. The prime minister protected her for as long as he could.", "direct",
       "Richard Holden")]),
    # a country named in full speaks (its government); a country's institution by its noun is a body of its own
    ("The United States, which has a defence treaty with Manila, said it stood with its ally.",
     [("it stood with its ally", "indirect", "United States")]),
    ("China's coast guard said a Philippine supply ship had approached a Chinese vessel near the shoal.",
     [("a Philippine supply ship had approached a Chinese vessel near the shoal", "indirect", "Chinese coast guard")]),
    # "that" a mark before an expletive subject is still a content clause; a speech verb that also reports
    # events ("announced") stays in what was said
    ("The army said in a statement that there were no casualties.",
     [("there were no casualties", "indirect", None)]),
    ("The mayor said the council met on Monday and announced a curfew.",
     [("the council met on Monday and announced a curfew", "indirect", None)]),
    # a relative pronoun speaks for the name it hangs on
    ("The defence was led by Jonathan Reyes, who told the jury that the evidence had been planted.",
     [("the evidence had been planted", "indirect", "Jonathan Reyes")]),
    # an aside between the speaker and the cue ("X, asked about Y, said"), however the parser hung it
    ("Mwangi, asked whether coaches and agents would also face sanctions, said investigations were continuing.",
     [("investigations were continuing", "indirect", "Mwangi")]),
    ("Prime Minister Gustavo Adolfo Peña Robles, asked about the mine, said talks were advancing slowly.",
     [("talks were advancing slowly", "indirect", "Gustavo Adolfo Peña Robles")]),
    # the reported clause before an inverted attribution, read as an adverbial clause
    ("Kenya's Sports Disputes Tribunal (SDT) banned the runner. All her results since the date of the test will be "
     "annulled, the tribunal said in its written decision.",
     [("All her results since the date of the test will be annulled", "indirect", "Sports Disputes Tribunal")]),
    ("Asked again about the timing, De Graaf repeated that the two matters were unrelated.",
     [("the two matters were unrelated", "indirect", "De Graaf")]),
    # a name the parser hung on the speaker's title or body ("X, director of Y, ... warned"; "X of Y said")
    ("Jang Min-kyu, director of Korea Corporate Governance Watch, a Seoul-based civic group, called the sentence "
     "lenient but warned that convicted chaebol leaders had often been pardoned.",
     [("convicted chaebol leaders had often been pardoned", "indirect", "Jang Min-kyu")]),
    ("But Rodrigo Alcántara Vélez of Lima consultancy Macroandina said the pause was a mistake.",
     [("the pause was a mistake", "indirect", "Rodrigo Alcántara Vélez")]),
    # a body's board speaks for the body; a ministry named by its country and portfolio
    ("The board of the Central Reserve Bank of Peru (BCRP) said in its policy statement that the decision was "
     "unanimous.", [("the decision was unanimous", "indirect", "Central Reserve Bank of Peru")]),
    ("TOKYO (Reuters) - Japan's finance ministry said on Friday it had intervened in currency markets.",
     [("it had intervened in currency markets", "indirect", "Japanese finance ministry")]),
    # a service's people speak for the one body the article names after the service
    ("The Eastbrook Police Department opened an inquiry. Police said the officer had been suspended.",
     [("the officer had been suspended", "indirect", "Eastbrook Police Department")]),
    ("The Eastbrook Police Department opened an inquiry. French police said the suspect had fled.",
     [("the suspect had fled", "indirect", None)]),
    # a typographic apostrophe of a possessive is read as one ("WHO’s" is no "WHO is"), and kept as written; a name
    # after an honorific is the one apposed
    ("The WHO’s representative in Malawi, Dr Ousmane Diallo, said the UN health agency’s teams had reached 12 "
     "districts.", [("the UN health agency’s teams had reached 12 districts", "indirect", "Ousmane Diallo")]),
    # a dateline's city is no second subject
    ("PRINCETON, N.J. (AP) — Marlowe Pharmaceuticals said Thursday it will cut about 1,400 jobs.",
     [("it will cut about 1,400 jobs", "indirect", "Marlowe Pharmaceuticals")]),
    # an abbreviated title is the title written out: "the governor" of a later sentence
    ("PHOENIX (AP) — Arizona Gov. Elena M. Carrasco on Thursday vetoed a Republican bill that would have barred "
     "cities from creating police review boards. \"That’s not a close call,\" the governor told reporters at the "
     "state Capitol.", [("That’s not a close call", "direct", "Elena M. Carrasco")]),
    # "the trader" is the one person the article described so in an apposition; not when two were
    ("Ibrahim Abakar, a 52-year-old cattle trader, described the strike. \"There were no soldiers in the market,\" "
     "the trader said.", [("There were no soldiers in the market", "direct", "Ibrahim Abakar")]),
    ("Maria Lopez, a nurse at the clinic, treated the wounded. Juan Ruiz, another nurse, helped. \"It was chaos,\" "
     "the nurse said.", [("It was chaos", "direct", None)]),
    # a place inside the apposed description is no speaker
    ("K. Ravishankar Hegde will be sworn in on Saturday. The 58-year-old, a three-time MLA from Udupi, said the first "
     "Cabinet meeting would clear a drought relief package.",
     [("the first Cabinet meeting would clear a drought relief package", "indirect", None)]),
    # a that-clause the parser hung on the occasion of the telling ("before the vote that ...")
    ("Finance Minister Nasser al-Adwan told lawmakers before the vote that the budget would keep the deficit low.",
     [("the budget would keep the deficit low", "indirect", "Nasser al-Adwan")]),
    # an abbreviated rank before a name is no person of its own
    ("The Phoenix Police Protective League criticized the report. Its president, Sgt. Brian Keough, said officers "
     "were scapegoated.", [("officers were scapegoated", "indirect", "Brian Keough")]),
    # the several subjects of a misparsed "The ruling X said"
    ("The ruling All Progressives Congress (APC) said its candidate was clearly ahead.",
     [("its candidate was clearly ahead", "indirect", "All Progressives Congress")]),
]


@pytest.mark.parametrize(("text", "expected"), STATEMENTS)
def test_statements(nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    got = statements(nlp, text)
    for content, kind, speaker in expected:
        match = [g for g in got if g[0] == content]
        assert match, f"{content!r} not in {got}"
        assert match[0][1] == kind
        if speaker is not None:
            assert match[0][2] == speaker


NO_STATEMENT = [
    "Her novel “The Long Road Home” was published in 2019.",  # a quoted title
    "Critics mocked the so-called “reform” of the pension system.",  # scare quotes
    "The company said goodbye to its founder in June.",  # "say" without speech content
    "Officials met in Lagos on Monday to discuss the budget.",
    "The department did not say whether any detectives would be disciplined.",  # a negated cue
    "The minister declined to say when the bill would be published.",
    'The newspaper warned of "consequences".',  # a short quoted word after a cue is no utterance
    'Observers noted "isolated reports" of vote buying.',
    "Polls suggest French public opinion is split on the pension reform.",  # findings are no speech
    "The latest figures suggest that exports fell for a third month.",
    'The sign on the stadium gate read: "No entry for anyone without a valid pass."',  # colon, nobody speaking
    "The club said in a statement that was published on its website.",  # "that" the subject: a relative clause
    'A group calling itself "the Front for the Liberation of the Valley" claimed the attack.',  # a name
    "The company announced a plan that would cut 2,000 jobs.",  # an object with a relative clause is no report
    'Residents were called to a meeting titled "Our Town, Our Future, Our Plan" on Monday.',  # passive: nobody speaks
    # a short quoted name opening its sentence is no utterance
    'The offensive started last week. "Operation Sandstorm," as the army calls it, began on Monday.',
]


@pytest.mark.parametrize("text", NO_STATEMENT)
def test_no_statement(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert statements(nlp, text) == []


def test_pronoun_and_unattributed_paragraph_continue_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Coach Jurgen Klopp said the team had played well.\n"
            "“We created chances all night,” he said.\n"
            "“The fans deserved a win.”\n")
    got = statements(nlp, text)
    assert [(g[1], g[2]) for g in got] == [("indirect", "Jurgen Klopp"), ("direct", "Jurgen Klopp"),
                                           ("direct", "Jurgen Klopp")]


def test_description_resolved_from_the_articles_own_titles(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Sofia Marin, spokeswoman of the Green Party, criticised the plan.\n"
            "“This budget ignores the climate,” the spokeswoman said.\n")
    assert ("This budget ignores the climate", "direct", "Sofia Marin") in statements(nlp, text)


def test_unknown_speaker_is_kept_unresolved(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Analysts said the currency would weaken further.\n“It is a bad sign,” he said.\n"
    assert all(g[2] is None for g in statements(nlp, text))


def test_participial_tail_is_not_repeated_in_the_main_content(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Labour Party says wages must rise, adding that prices have doubled since 2020.\n"
    got = statements(nlp, text)
    assert ("wages must rise", "indirect", "Labour Party") in got
    assert ("prices have doubled since 2020", "indirect", "Labour Party") in got


def test_medium_and_date(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "“We will appeal,” Nadia Haddad told Lebanon's Naharnet news agency on Monday.\n"
    records = extract(nlp(text), Article("t", "t.txt", text, "0", "2024-03-15"))
    (st,) = records.statements
    assert st.medium is not None and st.medium.text == "Naharnet news agency"
    assert st.medium_entity == next(e.key for e in records.entities if e.name == "Naharnet")
    assert (st.date_text, st.date) == ("Monday", "2024-03-11")


def test_the_medium_is_the_document_not_what_it_says(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The league's chairman, Umar Damagum, said in a statement that the club was studying the ruling.\n"
    (st,) = extract(nlp(text), Article("t", "t.txt", text, "0", "2024-03-15")).statements
    assert st.content.text == "the club was studying the ruling"
    assert st.medium is not None and st.medium.text == "a statement"


@pytest.mark.parametrize(("text", "speaker", "kind"), [
    # "according to" after a quote's own attribution names who reported it, not who spoke
    ("“The border will reopen soon,” President Ali Mohamed said, according to state media.\n", "Ali Mohamed", "direct"),
    ("“We have the money to finish the stadium,” Rafael Okafor said, according to a transcript of the hearing.\n",
     "Rafael Okafor", "direct"),
])
def test_according_to_after_an_attributed_quote(nlp, text: str, speaker: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    got = statements(nlp, text)
    assert len(got) == 1 and got[0][1:] == (kind, speaker), got


@pytest.mark.parametrize(("text", "expected"), [
    # a short quotation the cue applies to its object is the speaker's words
    ("Union leader Mette Holm called the offer “completely disproportionate”, noting that prices had risen.\n",
     ("completely disproportionate", "direct", "Mette Holm")),
    ("Coach Luis Ortega described the defeat as “embarrassing and avoidable”.\n",
     ("embarrassing and avoidable", "direct", "Luis Ortega")),
    ("UN Secretary-General António Guterres called on governments to “pull out of the cycle”.\n",
     ("pull out of the cycle", "direct", "António Guterres")),
    ("Bongani Mahlangu, the union's leader, dismissed the warning as “a threat dressed up as an argument”.\n",
     ("a threat dressed up as an argument", "direct", "Bongani Mahlangu")),
])
def test_a_quoted_characterisation_is_a_statement(nlp, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in statements(nlp, text)


@pytest.mark.parametrize(("text", "content"), [
    # reported speech with quoted words keeps the whole clause, and the closing mark after a full stop inside it
    ('Lando Norris said that his championship hopes were "more or less over."',
     'his championship hopes were "more or less over."'),
    ("The minister said the plan would be “an insult to every teacher in the country”.",
     "the plan would be “an insult to every teacher in the country”"),
])
def test_mixed_speech_keeps_what_the_quote_is_said_of(nlp, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert [g[:2] for g in statements(nlp, text + "\n")] == [(content, "mixed")]


def test_a_split_quote_says_its_parts_without_the_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    from kg.records import ArticleRecords

    text = "“The market is calm,” Olaf Berg told Reuters, “but investors remain nervous about rates.”\n"
    records = extract(nlp(text), Article("t", "t.txt", text, "0", "2024-03-15"))
    (st,) = records.statements
    assert st.said == "The market is calm ... but investors remain nervous about rates."
    assert text[st.content.start:st.content.end] == st.content.text  # the span still runs from part to part
    names = {e.key: e.name for e in records.entities}
    assert "Reuters" not in [names[k] for k in st.about]  # the attribution is not what was said
    assert ArticleRecords.from_json(records.to_json()) == records
    # one part: the words are the span's
    (one,) = extract(nlp("“We will appeal,” Berg said.\n"), Article("t", "t.txt", "“We will appeal,” Berg said.\n",
                                                                  "0")).statements
    assert one.words is None and one.said == "We will appeal"


@pytest.mark.parametrize(("text", "content"), [
    ("The Rapid Support Forces said on Tuesday they had captured the town.", "they had captured the town"),

    ("Police said last week they had arrested two men over the robbery.", "they had arrested two men over the robbery"),
    ("The club said late on Friday its manager would stay.", "its manager would stay"),
    ("The judge said on Monday the jury could not be told about the earlier conviction.",
     "the jury could not be told about the earlier conviction"),
    # a future date is the reported clause's own
    ("The mayor said next year the city will cut its budget by 10 percent.",
     "next year the city will cut its budget by 10 percent"),
    # before the cue, the date is the reported clause's own
    ("On Tuesday the rebels captured the town, the army said.", "On Tuesday the rebels captured the town"),
])
def test_the_date_of_the_saying_is_not_what_was_said(nlp, text: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert [c for c, _, _ in statements(nlp, text)] == [content]


@pytest.mark.parametrize(("text", "expected"), [
    # an attribution set off by commas inside the clause it reports: the clause around it, in two parts
    ("Judge Sipho Radebe refused bail. The delays, Radebe said, were unacceptable.",
     ("The delays, Radebe said, were unacceptable", "The delays ... were unacceptable", "Sipho Radebe")),
    ("The economy, Finance Minister Ana Souza said on Tuesday, would grow by 3% this year.",
     ("The economy, Finance Minister Ana Souza said on Tuesday, would grow by 3% this year",
      "The economy ... would grow by 3% this year", "Ana Souza")),
    # a comment on the whole clause, hung by the parser on its subject, is the writer's
    ("Rafiq Khattak said the decision had been taken on instructions from the government, a charge he did not "
     "substantiate.",
     ("the decision had been taken on instructions from the government", None, "Rafiq Khattak")),
    # after the clause's verb, before a clause coordinated with it
    ("Three players are injured, the coach said, and two more are ill.",
     ("Three players are injured, the coach said, and two more are ill",
      "Three players are injured ... and two more are ill", None)),
    # a name and its description after the clause: the name speaks
    ("The minister, he said, was away.", ("The minister, he said, was away", "The minister ... was away", None)),
    ("Her party, Miriam Tessendorf told the Bundestag, would support higher investment.",
     ("Her party, Miriam Tessendorf told the Bundestag, would support higher investment",
      "Her party ... would support higher investment", "Miriam Tessendorf")),
    ("Wiremu will face a judicial hearing on Tuesday, SANZAAR, the body that runs the Rugby Championship, said.",
     ("Wiremu will face a judicial hearing on Tuesday", None, "SANZAAR")),
    ("The bank will cut 500 jobs, Westpac, which owns St George Bank, said on Monday.",
     ("The bank will cut 500 jobs", None, "Westpac")),
    # ... but what follows the cue is what was said
    ("As shares fell on Monday, Elon Musk, the Tesla boss, said demand was strong.",
     ("demand was strong", None, "Elon Musk")),
])
def test_an_attribution_inside_or_after_the_clause(nlp, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    records = extract(nlp(text), Article("t", "t.txt", text, "0", None))
    names = {e.key: e.name for e in records.entities}
    assert [(st.content.text, st.words, names.get(st.speaker or "")) for st in records.statements] == [expected]


def test_a_quotation_that_goes_on_with_the_reported_clause_is_part_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Andrii Lysenko said the attack came "after Moscow said it wants peace".'
    assert statements(nlp, text) == [('the attack came "after Moscow said it wants peace"', "mixed", "Andrii Lysenko")]


def test_according_to_after_a_coordination_reports_all_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "At least 31 people were killed and 40 wounded in the strike, according to the health ministry."
    assert [c for c, _, _ in statements(nlp, text)] == ["At least 31 people were killed and 40 wounded in the strike"]


@pytest.mark.parametrize(("text", "words"), [
    # "according to X" after the subject: the subject is said too
    ("The striker, according to his agent, has agreed a four-year deal with Napoli.",
     "The striker ... has agreed a four-year deal with Napoli"),
    # an adjective opening the clause after "According to X," is part of it
    ("According to the hospital, injured fans were treated at the scene.", "injured fans were treated at the scene"),
    # "according to X" inside the clause: said in two parts around it
    ("Turnout was 56 percent, according to the commission, up from 41 percent four years earlier.",
     "Turnout was 56 percent ... up from 41 percent four years earlier"),
    # what describes the source is no part of what it says
    ("According to the agency's latest report, circulated to member states last month, Iran's stockpile of uranium "
     "enriched to 60 percent has grown to 275 kilograms.",
     "Iran's stockpile of uranium enriched to 60 percent has grown to 275 kilograms"),
    # a sentence the parser gives no verb ("bore" read as a noun): the rest after the source's comma
    ("According to the Commission on Human Rights (CHR), at least 30 of the deaths recorded in Cebu province in 2017 "
     "bore signs of summary execution.",
     "at least 30 of the deaths recorded in Cebu province in 2017 bore signs of summary execution"),
])
def test_according_to_around_and_before_the_clause(nlp, text: str, words: str) -> None:  # type: ignore[no-untyped-def]
    records = extract(nlp(text), Article("t", "t.txt", text, "0", None))
    assert [st.words or st.content.text for st in records.statements] == [words]


@pytest.mark.parametrize(("text", "expected"), [
    # data speaks for the source it names, else for no one
    ("More than 80 athletes are serving doping bans, according to AIU data.",
     [("More than 80 athletes are serving doping bans", "indirect", "AIU")]),
    ("The airline has paid about $140 million in refunds, according to figures Steven Kohl provided to the committee.",
     [("The airline has paid about $140 million in refunds", "indirect", "Steven Kohl")]),
    ("The party won 131 of the 243 seats, according to results declared by the commission.", []),
    # a clause after a name is no description of it: "the army" is not Kivuli ("as army retreats")
    ("Rebels shell Kivuli as army retreats\n\nThe army said its troops had regrouped.\n",
     [("its troops had regrouped", "indirect", None)]),
    # ... even when the analysts spoke (their bank is no company that spoke of itself)
    ("Toyota said it would recall 50,000 cars. Analysts at Jefferies said the cost would be small. The company said "
     "no injuries had been reported.\n",
     [("it would recall 50,000 cars", "indirect", "Toyota"), ("the cost would be small", "indirect", "Jefferies"),
      ("no injuries had been reported", "indirect", "Toyota")]),
    # "the company": the brand that spoke before, past a bank named only as the analysts' employer
    ("Norland Steel said it will cut 2,400 jobs. Analysts at Barclays were unimpressed.\n\n"
     "The company said profit fell sharply last year.\n",
     [("it will cut 2,400 jobs", "indirect", "Norland Steel"),
      ("profit fell sharply last year", "indirect", "Norland Steel")]),
    # a titled description is not the person in focus when that person lacks the title and others have it: it is
    # the nearest person named before with the title
    ("Justice Margaret Ellery questioned Daniel Castellano. Justice Howard Pruitt asked whether the state had found "
     "fraud. When Castellano conceded that it had not, the 58-year-old justice replied: “Then what are we doing "
     "here?”\n",
     [("it had not", "indirect", "Daniel Castellano"), ("Then what are we doing here?", "direct", "Howard Pruitt")]),
    # a title and the surname of a person named before is that person
    ("Justice Margaret Ellery questioned the lawyer. Justice Ellery said that states may not hide behind procedure.\n",
     [("states may not hide behind procedure", "indirect", "Margaret Ellery")]),
    # the body that runs the speaking one is not the speaker
    ("The Hamas-run health ministry said 40 people had died.", [("40 people had died", "indirect", None)]),
])
def test_according_to_data(nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert statements(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the one quoted speaks, not the outlet quoting
    ("Larisa Orlova was quoted by the state news agency TASS as saying that Western arms only prolong the war.",
     [("Western arms only prolong the war", "indirect", "Larisa Orlova")]),
    ("TASS quoted Larisa Orlova as saying that Western arms only prolong the war.",
     [("Western arms only prolong the war", "indirect", "Larisa Orlova")]),
    # what was said on an occasion, the parser hanging the that-clause on the occasion
    ("Rajiv Sethi told analysts on a conference call that Norland would sell its rail division.",
     [("Norland would sell its rail division", "indirect", "Rajiv Sethi")]),
    ("Gen. Rami Khoury told visiting lawmakers that the army had deployed 6,000 soldiers in the south.",
     [("the army had deployed 6,000 soldiers in the south", "indirect", "Rami Khoury")]),
    # nothing said yet ... but "yet" as a conjunction is no negation
    ("The MDB has yet to say whether it would back Batista in a runoff.", []),
    ("Yet Tom Hale went on to say that the team had played its best football of the season.",
     [("the team had played its best football of the season", "indirect", "Tom Hale")]),
    # a participle after a verb of knowing or remembering is no hearer
    ("The former treasurer denied knowing that the funds were missing.", []),
    # "the Israeli military" is no person in focus: it is the country's military, a body of its own
    ("Daniel Whitaker, speaking in Beirut, said Washington wanted progress. The Israeli military said the strike had "
     "targeted an operative.",
     [("Washington wanted progress", "indirect", "Daniel Whitaker"),
      ("the strike had targeted an operative", "indirect", "Israeli military")]),
])
def test_more_ways_of_reporting(nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    assert statements(nlp, text) == expected


def test_a_verdict_is_no_statement(nlp) -> None:  # type: ignore[no-untyped-def]
    assert statements(nlp, "The court declared the election invalid on Monday.\n") == []
    assert statements(nlp, "The jury found the defendant guilty of fraud.\n") == []


@pytest.mark.parametrize("text", [
    "Critics called the plan “Project Fear”.\n",
    "Residents call the area “the Jungle”.\n",
    "Fans call him “the Special One”.\n",
    "The scheme is part of what the government calls “levelling up”.\n",
    # "dismissed" characterises only with "as"
    "The minister dismissed the “politically motivated” charges on Monday.\n",
])
def test_a_quoted_name_after_called_is_no_statement(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert statements(nlp, text) == []


def test_according_to_a_source_still_speaks_for_a_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "According to Tasnim news agency, the government must respond to the demands of the protesters.\n"
    got = statements(nlp, text)
    assert [g[0] for g in got] == ["the government must respond to the demands of the protesters"]


def test_direct_quote_is_not_also_indirect(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ahmed Said noted, “The border will stay closed until the elections are over.”\n"
    got = statements(nlp, text)
    assert len(got) == 1 and got[0][1] == "direct"


QUOTES = [  # (text, quoted passages)
    ("He said: “One. Two.” Then “three”.", ["One. Two.", "three"]),
    # a short quotation nested with the same marks does not end the outer one
    ("He said: “The so-called “reform” is a tax rise for families.” Then he left.",
     ["The so-called “reform” is a tax rise for families."]),
    ('She said "no way," twice.', ["no way"]),
    ("“An open quote runs to the end of the paragraph\n“And a new one opens.”", [
        "An open quote runs to the end of the paragraph", "And a new one opens."]),
    ("“He called it ‘nonsense’ today,” she said.", ["He called it ‘nonsense’ today"]),
    ("No quotes here, only the club's name.", []),
]


@pytest.mark.parametrize(("text", "expected"), QUOTES)
def test_find_quotes(text: str, expected: list[str]) -> None:
    assert [text[q.start:q.end] for q in find_quotes(text)] == expected


@pytest.mark.parametrize(("text", "published", "iso"), [
    ("on Monday", "2024-03-15", "2024-03-11"),
    ("Friday", "2024-03-15T10:00", "2024-03-15"),
    ("on Monday", None, None),
    ("last week", "2024-03-15", None),
])
def test_resolve_weekday(text: str, published: str | None, iso: str | None) -> None:
    assert resolve_weekday(text, published) == iso


SPEAKERS_IN_CONTEXT = [  # (article, [(content, speaker or None)]): resolution across sentences
    # an adversarial read of the rules above: where they must not fire
    ("Boeing delivered fewer jets in March. The regulator said it would keep a cap on production.\n",
     [("it would keep a cap on production", None)]),  # a company is no regulator
    ("Meta announced new privacy tools on Monday. The watchdog said the changes did not go far enough.\n",
     [("the changes did not go far enough", None)]),
    ("Prime Minister Keir Starmer defended the budget on Wednesday. The Conservative leader said it would hurt "
     "families.\n", [("it would hurt families", None)]),  # "leader" is any leading title only by age
    ("Ford chief executive Jim Farley said talks were going well. The union leader said the company was stalling.\n",
     [("the company was stalling", None)]),
    ("Red Bull team principal Christian Horner praised Max Verstappen. The championship leader said the car had been "
     "perfect.\n", [("the car had been perfect", None)]),
    ("Prosecutors said the driver had been drinking and admitted that he was speeding.\n",
     [("he was speeding", None)]),  # the driver's own admission (a person may do both)
    ("Solicitor John Smith, representing the family, said they wanted answers. Council leader Ann Jones apologised. "
     "The council's solicitor said the authority had acted lawfully.\n",
     [("the authority had acted lawfully", None)]),  # the council's solicitor, not the family's
    # a body described by what it is ("the body that runs X"), and a description built on a name whose own name
    # is apposed to it
    ("Wiremu will face a judicial hearing on Tuesday after being cited for the high tackle on Australian halfback Noah "
     "Lealaiauloto, SANZAAR, the body that runs the Rugby Championship, said on Sunday.\n",
     [("Wiremu will face a judicial hearing on Tuesday after being cited for the high tackle on Australian halfback "
       "Noah Lealaiauloto", "SANZAAR")]),
    ("The Premier League's referees' body, PGMOL, said in a statement that it would review the incident.\n",
     [("it would review the incident", "PGMOL")]),
    # "the regulator", "the watchdog": what a body does, so the body of any name that was the subject just before
    # (also one named "<head> of <place>": its head is "Bank", not "Ireland")
    ("The Central Bank of Ireland has fined mortgage lender Corrib Financial €9.4 million.\n\n"
     "The regulator said on Thursday that Corrib had overcharged 2,300 customers.\n",
     [("Corrib had overcharged 2,300 customers", "Central Bank of Ireland")]),
    ("The Financial Conduct Authority fined Barclays on Monday. The watchdog said the bank had misled savers.\n",
     [("the bank had misled savers", "Financial Conduct Authority")]),
    # ... but "the union" is no company's
    ("Acme Corp said it would cut 500 jobs. The union said the cuts were unlawful.\n",
     [("the cuts were unlawful", None)]),
    # a headline's "El Fasher camp as army vows" describes no body named El Fasher as an army
    ("Rebels shell El Fasher camp as army vows to break siege\n\n"
     "Rebels shelled a camp outside El Fasher on Sunday, activists said, as the army said it was preparing an "
     "offensive.\n\nThe El Fasher Resistance Committees, a volunteer network, said children were among the dead.\n",
     [("it was preparing an offensive", None)]),
    # "He said the PT had learned nothing and argued that ...": the second act is his, not the reported subject's;
    # "police said the suspect fled and claimed that ..." is the suspect's claim
    ("Rodrigo Azevedo hit back in a television interview. He said the PT had \"learned nothing\" from the scandals "
     "and argued that only a tough approach to crime could bring investment back.\n",
     [("only a tough approach to crime could bring investment back", "Rodrigo Azevedo")]),
    ("Chief executive Helen Marchbank spoke to analysts. She said the company had missed its targets and insisted "
     "that the cuts were necessary.\n",
     [("the cuts were necessary", "Helen Marchbank")]),
    ("Detective Anna Berg spoke on Monday. She said the suspect fled on foot and claimed that he was innocent.\n",
     [("he was innocent", None)]),
    # "the company" is the body an apposition made a company ("X, Britain's second-largest steelmaker,"), however
    # many bodies were named since; "the Sheffield-based company" is a company description too
    ("Norland Steel, Britain's second-largest steelmaker, has said it will cut 2,400 jobs.\n\n"
     "The Sheffield-based company said profit fell sharply last year.\n\n"
     "The union Community called it vandalism. Analysts at Barclays said the plan was overdue.\n\n"
     "The company, which employs 11,000 people, said it would close its research centre.\n",
     [("profit fell sharply last year", "Norland Steel"), ("it would close its research centre", "Norland Steel")]),
    ("Halden Foods, a Danish dairy company, cut its forecast. The Copenhagen-based company said milk prices rose.\n",
     [("milk prices rose", "Halden Foods")]),
    # "the 51-year-old cleric": the person the article gave that title, named in no subject ("the movement of the
    # cleric X, which won": the movement won, X is no organization)
    ("The movement of the Shiite cleric Moqtada al-Sadr, which ended its boycott, won 68 seats. Rival parties won "
     "97 seats between them.\n\n"
     "“Remain peaceful,” the 51-year-old cleric wrote on X on Thursday.\n",
     [("Remain peaceful", "Moqtada al-Sadr")]),
    ("The Premier League fined the club on Monday. Coach Ange Rossi, who joined in May, was not surprised.\n\n"
     "Fans protested outside the ground. “We will appeal,” the 54-year-old coach told reporters.\n",
     [("We will appeal", "Ange Rossi")]),
    # "the farmer leader": "leader" is any title that leads ("KRRS president X")
    ("“We will not allow a single drop to leave,” said KRRS president Nagappa Hosur.\n\n"
     "The 62-year-old farmer leader said the sangha would continue its protests.\n",
     [("the sangha would continue its protests", "Nagappa Hosur")]),
    # ... and "the executive" any title of a company's chief ("Halvorsen CEO Erik Lindqvist")
    ("Senator Ana Okafor questioned Halvorsen CEO Erik Lindqvist on Tuesday.\n\n"
     "Okafor pressed Lindqvist on prices. The executive said the increases funded rebates.\n",
     [("the increases funded rebates", "Erik Lindqvist")]),
    # "the judge", "the company": the one person or organization the article described so
    ("Judge Evelyn Marchetti threw out the confession.\n"
     "“The recording leaves no room for doubt,” the judge wrote.\n",
     [("The recording leaves no room for doubt", "Evelyn Marchetti")]),
    ("Shares of chipmaker Norvane Technologies fell on Wednesday.\n"
     "The company said in a statement that it expects lower revenue this year.\n",
     [("it expects lower revenue this year", "Norvane Technologies")]),
    # ... or by its trade ("the steelmaker"), when it is the one company the article named
    ("Nordstahl AG will close two of its plants and cut about 1,800 jobs, the steelmaker said on Thursday.\n",
     [("Nordstahl AG will close two of its plants and cut about 1,800 jobs", "Nordstahl AG")]),
    # "a company spokeswoman": the one organization of the sentence before, when none is known as a company
    ("Lufthansa called the strike unnecessary on Friday.\n"
     "“We remain ready to talk at any time,” a company spokeswoman said.\n",
     [("We remain ready to talk at any time", "Lufthansa")]),
    # precision: the person in focus is no judge when things were done to them; a company spokeswoman is not
    # the news agency that reported the bid; "the spokesperson" is the latest one described, found or not
    ("Daniel Okafor was convicted of fraud on Monday.\n“This was a calculated deception,” the judge said.\n",
     [("This was a calculated deception", None)]),
    ("Striker Marcus Rashford scored twice for United.\n“We deserved the points today,” the manager said.\n",
     [("We deserved the points today", None)]),
    ("The bid was first reported by Reuters.\n“We do not comment on market rumours,” a company spokeswoman said.\n",
     [("We do not comment on market rumours", None)]),
    ("A spokesperson for the Home Office said the policy was under review.\n"
     "A spokesperson for the campaign said the review was too slow.\n"
     "The spokesperson said: “We will keep pushing on this.”\n",
     [("the policy was under review", "Home Office"), ("We will keep pushing on this.", None)]),
    # "the spokesperson" again: the speaker the earlier description was resolved to
    ("A spokesperson for the Home Office said the policy was under review.\n"
     "Asked whether more cases would follow, the spokesperson said: “We don't comment on speculation.”\n",
     [("We don't comment on speculation.", "Home Office")]),
    # a surname the model tags as a plural noun at a sentence start is still the name given in full before
    ("Congress voted on Thursday to remove President Dina Morales from office.\n"
     "Morales, speaking from the presidential palace, said she would challenge the decision in court.\n",
     [("she would challenge the decision in court", "Dina Morales")]),
    # a surname that is not the last word of the name (two surnames; family name first)
    ("Former mayor Andrés Felipe Restrepo Vélez won the first round.\n"
     "“We will finish the job,” Restrepo told supporters.\n",
     [("We will finish the job", "Andrés Felipe Restrepo Vélez")]),
    ("Spokesperson Lin Jianguo spoke in Beijing.\n“The seizure is illegal and invalid,” Lin said.\n",
     [("The seizure is illegal and invalid", "Lin Jianguo")]),
    # "she said" after a sentence about her, with no statement of hers before
    ("First Minister Fiona Gallacher visited a rest centre on Sunday.\n"
     "She said: “People should not travel unless they absolutely have to.”\n",
     [("People should not travel unless they absolutely have to.", "Fiona Gallacher")]),
    # quote paragraphs separated by blank lines continue the speaker
    ("Union leader Eleanor Frampton said schools were struggling.\n\n"
     "“We are losing good teachers because they are exhausted.\n\n“This is not sustainable at all.”\n",
     [("We are losing good teachers because they are exhausted.", "Eleanor Frampton"),
      ("This is not sustainable at all.", "Eleanor Frampton")]),
    # precision: an anonymous source takes the focus; "she" is then not the last named speaker
    ("Sarah Lindqvist said the register would help.\n"
     "A senior official, who spoke on condition of anonymity, said the plan would be delayed.\n"
     "“We are simply not ready for this,” she said.\n",
     [("the plan would be delayed", None), ("We are simply not ready for this", None)]),
    # precision: a pronoun of the other gender is nobody we know
    ("Tom Hughes said the vote was close.\n“We counted every ballot,” he said.\n"
     "“It was a fair count overall,” she said.\n",
     [("We counted every ballot", "Tom Hughes"), ("It was a fair count overall", None)]),
    # precision: another person named between the last speaker and "she": ambiguous without gender evidence
    ("Tom Hughes said the vote was close.\nAnna Kowalski also attended the count.\n"
     "“We counted every ballot by hand,” she said.\n",
     [("We counted every ballot by hand", None)]),
    # "he" after a person just introduced in the quote's own paragraph, of no known gender: that person, not
    # the earlier speaker
    ("John Smith said he had lost his harvest.\nPeter Jones urged residents to stay away. "
     "“Please be patient with the crews,” he said.\n",
     [("he had lost his harvest", "John Smith"), ("Please be patient with the crews", "Peter Jones")]),
    # ... but a player named in a paragraph of his own between the manager's quotes is not "he"
    ("Pep Guardiola said his players were tired. “We need rest,” he said.\n"
     "Erling Haaland scored twice in the first half.\n“He is a machine,” he said.\n",
     [("We need rest", "Pep Guardiola"), ("He is a machine", "Pep Guardiola")]),
    # another leader's title is no other word for the manager's ("Chelsea chairman ... the manager said")
    ("Chelsea chairman Todd Boehly attended the match on Sunday.\n"
     "“We have to be better than this,” the manager said.\n",
     [("We have to be better than this", None)]),
    # an age before a body's noun describes the body ("the 175-year-old company")
    ("Siemens chief executive Roland Busch spoke on Monday.\n"
     "The 175-year-old company said it would cut 5,000 jobs.\n",
     [("it would cut 5,000 jobs", None)]),
    # ... but a gender the article states ("her", "Ms") picks the right one
    ("Laura Pike said her hospital was full.\nMark Reid visited the ward with his team on Monday.\n"
     "“We had no beds left at all,” she said.\n",
     [("We had no beds left at all", "Laura Pike")]),
    # descriptions resolved through the nationality and titles the article gives
    ("French midfielder Paul Dumas scored twice.\nKwame Mensah, a Ghana international, hit the post.\n"
     "“We deserved more from this game,” the Ghana international said.\n"
     "“It was a hard night for everyone,” the French midfielder said.\n",
     [("We deserved more from this game", "Kwame Mensah"), ("It was a hard night for everyone", "Paul Dumas")]),
    ("Newcastle manager Luis Rivero, the Spaniard who joined in May, praised his players.\n"
     "“We were brave today in every duel,” the Spaniard said.\n"
     "“The fans were brilliant again,” the club's manager said.\n",
     [("We were brave today in every duel", "Luis Rivero"), ("The fans were brilliant again", "Luis Rivero")]),
    # precision: two people of that nationality, or none stated: no guess
    ("French midfielder Paul Dumas and French defender Marc Roux both played.\n"
     "“We were brave today in every duel,” the Frenchman said.\n",
     [("We were brave today in every duel", None)]),
    # a title alone is no speaker's name; a hyphenated adjective is no organization
    ("The Premier said the budget would be balanced by next spring.\n",
     [("the budget would be balanced by next spring", None)]),
    ("A spokesman for the Franco-Italian operator said the tunnel would reopen on Friday.\n",
     [("the tunnel would reopen on Friday", None)]),
    # a description with no referent of its own goes on about the person the paragraph before is about
    ("Marta Silva, making her first start of the season, was outstanding.\n"
     "“We never stopped believing,” the Brazilian striker said.\n",
     [("We never stopped believing", "Marta Silva")]),
    ("Helen Brandt, appointed in March, defended the cuts on Tuesday.\n"
     "“We had to act before the losses grew,” the chief executive said.\n",
     [("We had to act before the losses grew", "Helen Brandt")]),
    # an age is a description of the person in focus, also where the model parses "the 47-year-old" as no subject
    ("Defender Tomas Berg signed a new two-year contract on Friday.\n"
     "“I never wanted to leave this club,” the 31-year-old said.\n",
     [("I never wanted to leave this club", "Tomas Berg")]),
    ("Graham Pike pleaded guilty to fraud at Leeds Crown Court.\n"
     "The 58-year-old said he had repaid most of the money.\n",
     [("he had repaid most of the money", "Graham Pike")]),
    ("Ines Duarte, the new chief executive of the retailer Corvane, set out her plan on Monday.\n"
     "“We will open forty stores next year,” said the 49-year-old.\n",
     [("We will open forty stores next year", "Ines Duarte")]),
    # another word for the same kind of role ("manager" ... "the Everton boss"), and a player's position
    ("Everton manager Sean Dyche criticised the referee after the defeat at Anfield.\n"
     "“It was never a penalty,” the Everton boss said.\n",
     [("It was never a penalty", "Sean Dyche")]),
    ("Chief executive Helen Brandt defended the cuts on Tuesday.\n"
     "“We had to act before the losses grew,” the Volkmar boss said.\n",
     [("We had to act before the losses grew", "Helen Brandt")]),
    ("Striker Kofi Asante scored twice as Ghana beat Nigeria 2-0.\n"
     "“I dedicate these goals to my mother,” the forward told reporters.\n",
     [("I dedicate these goals to my mother", "Kofi Asante")]),
    ("China's top negotiator, Liu Zhenmin, rejected the idea.\n"
     "“China is a developing country,” the 69-year-old diplomat told a briefing.\n",
     [("China is a developing country", "Liu Zhenmin")]),
    ("Regent Antonius Doni Dihen declared an emergency on Monday.\nThe regent said food was being sent.\n",
     [("food was being sent", "Antonius Doni Dihen")]),
    # a person noun that is no title ("the nun", "the Dublin native"), and a description with its own description
    # apposed ("The coach, a 51-year-old former striker,") go on about the person in focus too
    ("Sister Agnes Mwale said the clinic would reopen on Monday.\n"
     "“We have no choice,” the nun said. “The children need us.”\n",
     [("the clinic would reopen on Monday", "Agnes Mwale"), ("We have no choice", "Agnes Mwale"),
      ("The children need us.", "Agnes Mwale")]),
    ("Marta Silva won the stage on Sunday after a long attack.\n“I felt strong on the last climb,” the rider said.\n",
     [("I felt strong on the last climb", "Marta Silva")]),
    ("Ciara Byrne, who won her first cap in March, said she felt no pressure.\n"
     "“I just enjoyed every minute of it,” the Dublin native said.\n",
     [("she felt no pressure", "Ciara Byrne"), ("I just enjoyed every minute of it", "Ciara Byrne")]),
    ("Assistant coach Ivan Petrov said the squad was tired.\nCoach Lena Varga said the team had played well.\n"
     "The coach, a 51-year-old former striker, added that the squad needed a week of rest.\n",
     [("the squad was tired", "Ivan Petrov"), ("the team had played well", "Lena Varga"),
      ("the squad needed a week of rest", "Lena Varga")]),
    ("Felicity Tan, a senior fellow at the Lowy Institute, said the summit had achieved little.\n"
     "“Nobody expected a breakthrough on the dispute,” the analyst said.\n",
     [("the summit had achieved little", "Felicity Tan"),
      ("Nobody expected a breakthrough on the dispute", "Felicity Tan")]),
    # precision: an analyst or a woman brought in unnamed before is not the person in focus
    ("Kamala Reddy said the market was weak.\nAn analyst at a Mumbai brokerage said the shares would fall.\n"
     "“It is over for this rally,” the analyst said.\n",
     [("the market was weak", "Kamala Reddy"), ("the shares would fall", None), ("It is over for this rally", None)]),
    ("Judge Mary Lee jailed Tom Price on Monday.\n“I am sorry for everything I did,” the man said.\n",
     [("I am sorry for everything I did", None)]),
    ("Acme chief executive Tom Price said sales rose.\n“It was a weak quarter for the sector,” the analyst said.\n",
     [("sales rose", "Tom Price"), ("It was a weak quarter for the sector", None)]),
    ("Mayor Jane Doe said the road was closed.\n“It was scary, the car just slid,” the driver said.\n",
     [("the road was closed", "Jane Doe"), ("It was scary, the car just slid", None)]),
    ("Two women were hurt when the roof fell in.\nMayor Jane Doe said the street was closed.\n"
     "“It was terrible, we heard a crack,” the woman said.\n",
     [("the street was closed", "Jane Doe"), ("It was terrible, we heard a crack", None)]),
    # a given name written short ("Md.") is no sentence end, and "he" goes on about him
    ("Md. Rafiqul Islam, an undersecretary at the Ministry of Water Resources, said the embankment "
     "would hold.\n“We are not asking anyone to leave their homes,” he told reporters.\n",
     [("the embankment would hold", "Md. Rafiqul Islam"),
      ("We are not asking anyone to leave their homes", "Md. Rafiqul Islam")]),
    # the surname Ma at a sentence's end keeps its statement
    ("“We are done with this deal,” said Ma. Alibaba shares rose 3% on Monday.\n",
     [("We are done with this deal", "Ma")]),
    # a name the parser hung on an opening participle is still the cue's subject
    ("Opening the case on Monday, Fiona Maclennan KC, prosecuting for the Crown, told the jury that the "
     "company was a fraud.\n",
     [("the company was a fraud", "Fiona Maclennan")]),
    # precision: "a 47-year-old" is someone not named yet
    ("Defender Tomas Berg signed a new two-year contract on Friday.\n"
     "A 44-year-old fan said the club had made the right choice.\n",
     [("the club had made the right choice", None)]),
    # ... but not a spokesman, nor one described as someone's ("the spokesman for the ministry")
    ("Tom Hughes criticised the plan on Monday.\n“It will not work,” the spokesman said.\n",
     [("It will not work", None)]),
    ("Tom Hughes criticised the plan on Monday.\n“It will not work,” the head of the transport agency said.\n",
     [("It will not work", None)]),
    # "she", "he": the person the paragraph's own sentence is about (named beside its subject)
    ("The striker's agent, Carla Mendes, was furious. “This offer is an insult to him,” she said.\n",
     [("This offer is an insult to him", "Carla Mendes")]),
    ("Tom Hughes said the vote had been close.\n"
     "Mark Reid, asked about the recount, shrugged. “We counted every ballot twice,” he said.\n",
     [("We counted every ballot twice", "Mark Reid")]),
    # a word for one person of a country that the places file marks ("the Serb", "the Briton")
    ("Ivana Markovic, who had not lost a match all year, admitted she had been outplayed. "
     "“I was shocked with my level,” the Serb told reporters.\n",
     [("I was shocked with my level", "Ivana Markovic")]),
    # "the company" with no company known by its name: the organization that spoke in the sentence before
    ("Regulators fined Quillmark on Monday. Quillmark said it would appeal. “The decision ignores the evidence,” "
     "the company said in a statement.\n",
     [("The decision ignores the evidence", "Quillmark")]),
    # "it said": the organization that made the statement just before; never a person
    ("Prices will rise by 4% this year, the Bundesbank said in a report on Monday.\n"
     "Wages would grow faster than prices by 2026, it said.\n",
     [("Wages would grow faster than prices by 2026", "Bundesbank")]),
    ("Prices will rise by 4% this year, Jens Weidmann said on Monday.\n"
     "Wages would grow faster than prices by 2026, it said.\n",
     [("Wages would grow faster than prices by 2026", None)]),
    # a description's name carrying its organization; a name apposed to an apposed description
    ("The outgoing governor, Ramesh Prasad Verma of the Lok Dal Morcha (LDM), conceded defeat in a brief statement "
     "and said his party would play the role of a \"constructive opposition\" in the new assembly.\n",
     [('his party would play the role of a "constructive opposition" in the new assembly', "Ramesh Prasad Verma")]),
    ("Another passenger, retired teacher Gérard Lemoine, was less sympathetic: “Every year it’s the same thing. They "
     "hold the country hostage, and nobody in Paris has the courage to say no.”\n",
     [("Every year it’s the same thing. They hold the country hostage, and nobody in Paris has the courage to say no.",
       "Gérard Lemoine")]),
    # unnamed analysts or observers of an organization speak for it; an unnamed official speaks as a person
    ("Shares fell on the news. Analysts at Kestrel Securities said in a note that the sector could lose a fifth of "
     "its revenue.\n",
     [("the sector could lose a fifth of its revenue", "Kestrel Securities")]),
    ("Election observers from the Organization of African Unity said in a preliminary report that the vote had been "
     "peaceful.\n",
     [("the vote had been peaceful", "Organization of African Unity")]),
    ("One official at the Home Office said ministers were still debating the bill.\n",
     [("ministers were still debating the bill", None)]),
    # "the company" after a trade noun ("the planemaker") was resolved to one company
    ("Airbus delivered a record 766 jets last year, the European planemaker said on Thursday.\n"
     "Shares fell 2.1% in Paris.\n"
     "The company also said it would take a charge of 1.3 billion euros on its space business.\n",
     [("it would take a charge of 1.3 billion euros on its space business", "Airbus")]),
    # a firm's name before its research staff ("Kestrel analysts") is the firm's, which speaks
    ("Kestrel analysts said the shares were cheap.\n", [("the shares were cheap", "Kestrel")]),
    # the organization apposed to the place of work ("at the consultancy Wood Mackenzie"); never a city's analysts
    ("Analysts at the consultancy Wood Mackenzie said oil demand would peak in 2030.\n",
     [("oil demand would peak in 2030", "Wood Mackenzie")]),
    ("Beijing analysts said the stimulus was too small to revive growth.\n",
     [("the stimulus was too small to revive growth", None)]),
    # names inside the statement's own words do not stop "it said" from taking the organization before
    ("Toyota said on Monday it would recall 1 million vehicles in the United States. The move follows a probe by "
     "the National Highway Traffic Safety Administration, it said.\n",
     [("The move follows a probe by the National Highway Traffic Safety Administration", "Toyota")]),
    # ... not the topic ("Kremlin observers") nor a name inside the object ("a conference organised by X")
    ("Kremlin observers said Putin was unlikely to attend the summit.\n",
     [("Putin was unlikely to attend the summit", None)]),
    ("Experts at a conference organised by the World Health Organization said the virus was spreading.\n",
     [("the virus was spreading", None)]),
    # "it said" after another organization was named is not the earlier speaker's
    ("Kestrel Securities said the index would fall. Orbital Freight reported a loss on Tuesday. It said costs had "
     "risen.\n",
     [("costs had risen", None)]),
    # clergy titles: "the pontiff" is the person in focus; "The Latin Patriarch of Jerusalem, Cardinal X," names X
    ("Pope Leo called on Wednesday for an end to the wars.\n"
     "“Let there be an end to the military operations,” the pontiff told thousands of people.\n",
     [("Let there be an end to the military operations", "Pope Leo")]),
    ("The Latin Patriarch of Jerusalem, Cardinal Pierbattista Pizzaballa, said Christmas celebrations had been "
     "cancelled.\n",
     [("Christmas celebrations had been cancelled", "Pierbattista Pizzaballa")]),
    # precision: a quote continuing an unresolved attribution stays unresolved
    ("Gareth Lowe said his side deserved the win.\n"
     "“I just tried to attack the ball,” the teenager said. “Luca put it on a plate for me.”\n",
     [("I just tried to attack the ball", None), ("Luca put it on a plate for me.", None)]),
    # a description by role names the speaker introduced with that role just after, across a blank line
    ("Rebels claimed the attack on a tanker in the Red Sea, the group's military spokesman said.\n\n"
     "Yahya Saree, the spokesman, said the attack was a response to air strikes.\n",
     [("Rebels claimed the attack on a tanker in the Red Sea", "Yahya Saree")]),
    # ... but not someone else introduced there
    ("Rebels claimed the attack on a tanker in the Red Sea, the group's military spokesman said.\n\n"
     "Ahmed Nasser, an opposition lawmaker, said the attack was a response to air strikes.\n",
     [("Rebels claimed the attack on a tanker in the Red Sea", None)]),
    # a lede's description of a person not named yet is the person the next paragraph introduces without a title,
    # when the article says of them a word of the description
    ("The chief executive of Orvane Foods told shareholders on Tuesday that the company would cut 400 jobs.\n\n"
     "Marta Kessler, speaking at the annual meeting in Rotterdam, said the cuts were unavoidable. Kessler, who became "
     "chief executive in 2021, said sales had fallen.\n",
     [("the company would cut 400 jobs", "Marta Kessler"), ("the cuts were unavoidable", "Marta Kessler")]),
    ("A former England captain told a parliamentary committee on Monday that the governing body had ignored "
     "warnings about concussion.\n\n"
     "David Oakes, who played 45 times for England, said he had raised his concerns in 2019.\n",
     [("the governing body had ignored warnings about concussion", "David Oakes"),
      ("he had raised his concerns in 2019", "David Oakes")]),
    # ... not someone the article says nothing of the kind about, nor one with a title of their own
    ("A police constable told the court on Monday that the knife had been found in the car.\n\n"
     "James Reed, representing the defendant, said the knife had been planted.\n",
     [("the knife had been found in the car", None), ("the knife had been planted", "James Reed")]),
    ("A former police chief said on Tuesday that the force was underfunded.\n\n"
     "John Harris, chief constable of the force since 2022, said funding had risen.\n",
     [("the force was underfunded", None)]),
    ("A former finance minister told a conference on Monday that the budget was unrealistic.\n\n"
     "Tendai Biti, the country's current finance minister, said the budget was sound.\n",
     [("the budget was unrealistic", None)]),
    ("A government minister, speaking on condition he not be identified, said the vote would be delayed.\n\n"
     "Paul Adeyemi said the vote would go ahead.\n",
     [("the vote would be delayed", None)]),
    # ... not an unnamed source, nor when the name comes with a title of its own
    ("A senior official, who asked not to be named, told reporters on Monday that the talks had stalled.\n\n"
     "Lena Hoff, speaking in Oslo, said the talks would resume.\n",
     [("the talks had stalled", None), ("the talks would resume", "Lena Hoff")]),
    ("A senior judge told a conference on Friday that the courts were overwhelmed.\n\n"
     "Peter Vance, a defence lawyer, said delays were growing.\n",
     [("the courts were overwhelmed", None), ("delays were growing", "Peter Vance")]),
    # a description by age is the person the article gives that age, not the last one in focus
    ("Richard Hallworth, 61, of Weybridge, denies fraud.\n\n"
     "Jonathan Whitcombe, for the defence, said his client had acted in good faith.\n\n"
     "In an interview with investigators, extracts of which were read to the jury, the 61-year-old said the "
     "estimates were sound.\n",
     [("his client had acted in good faith", "Jonathan Whitcombe"), ("the estimates were sound", "Richard Hallworth")]),
    ("Marco Silva, 47, praised his players after the match. Tom Reed, the captain, said they had worked hard. "
     "The 47-year-old Portuguese said the title race was open.\n",
     [("they had worked hard", "Tom Reed"), ("the title race was open", "Marco Silva")]),
    # ... and not a person the article gives another age
    ("Ana Ruiz, 34, won the seat on Sunday.\n\nThe 52-year-old said the party would appeal.\n",
     [("the party would appeal", None)]),
    # a post-nominal the parser made the subject's head ("Penrose KC", "Doe MP") leaves the name the speaker
    ("Opening the case, Alexandra Penrose KC, prosecuting, told the jury that the defendant had lied.\n\n"
     "“This was a deliberate deception,” she said.\n",
     [("the defendant had lied", "Alexandra Penrose"), ("This was a deliberate deception", "Alexandra Penrose")]),
    ("Caroline Lucas MP said the bill would fail.\n", [("the bill would fail", "Caroline Lucas")]),
    # "the army", "the military": the country's armed forces named before, by a name that says it is one
    ("The Ethiopian National Defence Force (ENDF) said in a statement that the front had attacked first. The army "
     "said it remained committed to the agreement.\n",
     [("it remained committed to the agreement", "Ethiopian National Defence Force")]),
    ("The Israel Defense Forces said the strike hit a depot. The military said it was reviewing the incident.\n",
     [("it was reviewing the incident", "Israel Defense Forces")]),
    ("The Interior Ministry said the curfew would be lifted. The army said it had not been informed.\n",
     [("it had not been informed", None)]),
    # "the club" is a club by its name's club word; of two clubs, the one the text was last about
    ("Bayside United have sacked head coach Gary Whitfield after a 4-0 home defeat to Coral Coast FC.\n\n"
     "The club said in a statement on Monday that Whitfield had left with immediate effect.\n",
     [("Whitfield had left with immediate effect", "Bayside United")]),
    ("Coral Coast FC beat Bayside United 4-0 on Saturday. The club said the win was deserved.\n",
     [("the win was deserved", "Coral Coast FC")]),
    # an age before a trade noun is a person when "who" follows ("the property developer" may be a company)
    ("Bayside United chairman Nick Kourakis said the decision had been hard.\n\n"
     "Asked whether the coach had lost the dressing room, the 63-year-old property developer, who bought the club in "
     "2021, said: “No, I don't believe that.”\n",
     [("No, I don't believe that.", "Nick Kourakis")]),
    ("Orvane Homes reported a loss. The 120-year-old developer, which builds 3,000 homes a year, said sales had "
     "slowed.\n",
     [("sales had slowed", "Orvane Homes")]),
    # "told a news briefing that": the clause the parser hung on the briefing is what was said
    ("Its spokesman, Biruk Tessema, told a weekly news briefing that the government had informed the African Union "
     "of repeated provocations.\n",
     [("the government had informed the African Union of repeated provocations", "Biruk Tessema")]),
    # the name after the titles the parser made the apposition's head
    ("State television quoted the junta chief, Senior General Than Myint Oo, as saying the truce would hold.\n",
     [("the truce would hold", "Than Myint Oo")]),
    # a relative clause inside the reported clause is said with it
    ("The bill, which passed by 52 votes to 48, will take effect in January, the senator said.\n",
     [("The bill, which passed by 52 votes to 48, will take effect in January", None)]),
    ("Residents whose homes were flooded will receive compensation, the council said.\n",
     [("Residents whose homes were flooded will receive compensation", None)]),
    # an age given to someone else's relative, or to a person arrested by someone, is not theirs; nor is a score
    ("The 44-year-old mother of Jodie Price told the inquest her daughter had been ill.\n\n"
     "\"She was crying for help,\" the 44-year-old said.\n",
     [("She was crying for help", None)]),
    ("A 19-year-old was arrested by detective Paul Moore on Friday. \"We acted quickly,\" the 47-year-old detective "
     "said.\n",
     [("We acted quickly", "Paul Moore")]),
    ("Rory McIlroy (67) leads by two shots from Shane Lowry (69). \"I putted really well today,\" the 35-year-old "
     "said.\n",
     [("I putted really well today", "Rory McIlroy")]),
    # a former office without an age is a pundit's, not the player's in focus
    ("United striker Marcus Rashford scored twice on Sunday. \"He was unplayable,\" the former Villa manager said.\n",
     [("He was unplayable", None)]),
    # "the military" after another country's place is not the army named before
    ("The Russian Armed Forces said the town had been taken.\n\nIn Kyiv, the military said the assault had been "
     "repelled.\n",
     [("the assault had been repelled", None)]),
    # "the club": a body whose own name says so before one that is a club by a club word
    ("Members of the Rotary Club raised funds for Bayside United's youth academy. The club said the money would buy "
     "kit.\n",
     [("the money would buy kit", "Rotary Club")]),
    # a verb after the quote coordinated with its clause by "and" is the speaker's next act, not the attribution; an
    # inverted attribution the parser hangs on the quote is one
    ("Mayor Victor Salcedo said he would sign the measure. On Facebook, the mayor wrote that \"transparency is not an "
     "attack on our officers\" and urged residents to remain patient.\n",
     [("transparency is not an attack on our officers", "Victor Salcedo")]),
    ("\"The PC market is recovering, but more slowly than we and our customers anticipated,\" Chief Executive Officer "
     "Martin Kessler said on a call with analysts. \"We are managing our costs accordingly.\"\n",
     [("The PC market is recovering, but more slowly than we and our customers anticipated", "Martin Kessler")]),
    # a capital that speaks is its country's government when the article names the country; else the city
    ("Russia and Ukraine held talks in Istanbul on Monday. Moscow said the talks had been useful.\n",
     [("the talks had been useful", "Russia")]),
    ("Moscow said the talks had been useful.\n", [("the talks had been useful", "Moscow")]),
    # "quoted him as saying": the pronoun is the person in focus
    ("Orvane chairman Lars Eng met investors in Oslo on Monday. A company statement later quoted him as saying that "
     "profits would recover.\n",
     [("profits would recover", "Lars Eng")]),
    # a description by a former office is the person in focus, whatever their present title
    ("Chief executive Marta Kessler struck a cautious tone on Monday. In a speech, the 58-year-old former finance "
     "director said the company would survive.\n",
     [("the company would survive", "Marta Kessler")]),
    # ... and a person given that title only later is no rival
    ("Rafiq Khattak, the party chairman, spoke in Peshawar on Monday. The 61-year-old former minister said the party "
     "would appeal.\n\nInformation Minister Ali Awan said the party should respect the courts.\n",
     [("the party would appeal", "Rafiq Khattak")]),
    # a pronoun in the paragraph after a person who answered by a verb of speech is that person's
    ("Army spokesman Khalid Eissa said the militia would be defeated.\n\n"
     "Hamid Dagash Musa, the RSF commander, rejected that condition in a speech on Monday.\n\n"
     "“They want us to surrender before we sit down,” he said.\n",
     [("They want us to surrender before we sit down", "Hamid Dagash Musa")]),
    # a description by a title is not a person given that title by another body
    ("The government's chief negotiator, Clara Montoya, said both delegations had agreed to a ceasefire. "
     "The rebels' chief negotiator said the group regretted the deaths.\n",
     [("both delegations had agreed to a ceasefire", "Clara Montoya"), ("the group regretted the deaths", None)]),
    # a speech act coordinated inside the reported clause shares that clause's subject; the clause keeps no
    # dangling conjunction
    ("Gustavo Lopez said the group regretted the deaths but denied that the bombing had been ordered by its "
     "command.\n",
     [("the group regretted the deaths", "Gustavo Lopez"), ("the bombing had been ordered by its command", None)]),
    ("Prosecutors said Nick Smith lied to police and told the jury he had never seen the gun.\n",
     [("Nick Smith lied to police", None), ("he had never seen the gun", "Nick Smith")]),
    ("Boeing said deliveries rose but the FAA denied that the jet was safe.\n",
     [("deliveries rose", "Boeing")]),
    # "according to a statement" after a named speaker: where the words were said
    ("Hamid Dagash Musa, the RSF commander, said the group was ready to attend talks in Jeddah, according to a "
     "statement posted online.\n",
     [("the group was ready to attend talks in Jeddah", "Hamid Dagash Musa")]),
    # the pronoun of an attribution inside a clause is not the clause's subject; a titled description in
    # subject position is the person the article gave that title
    ("Sipho Radebe, the Gauteng judge president, refused bail.\n\n"
     "Annelie Botha said her client would not flee.\n\n"
     "The judge president was unconvinced. Pretorius, he said, would remain in custody until the trial.\n",
     [("Pretorius, he said, would remain in custody until the trial", "Sipho Radebe")]),
    # a playing position is a title: the player in focus
    ("Wallabies captain Liam Petrakis was more measured. “You don't get many chances to win here,” the flanker "
     "said.\n",
     [("You don't get many chances to win here", "Liam Petrakis")]),
    # ... but not another kind of group
    ("Manchester United said the player had been suspended. The supporters group said the decision was unfair.\n",
     [("the decision was unfair", None)]),
    # a description that says only that the speaker is a body is the body that spoke just before
    ("The Rapid Support Forces said they had taken the town. The paramilitary group said it would protect "
     "civilians.\n",
     [("it would protect civilians", "Rapid Support Forces")]),
    ("Northgate Holdings said profits had doubled. The group said it would open 40 new stores in Spain.\n",
     [("it would open 40 new stores in Spain", "Northgate Holdings")]),
    ("Amnesty International said the trial was unfair.\n\n"
     "The Justice Ministry rejected the criticism. The organisation said it would appeal.\n",
     [("it would appeal", None)]),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKERS_IN_CONTEXT)
def test_speakers_in_context(nlp, text: str, expected: list) -> None:  # type: ignore[no-untyped-def]
    got = {content: speaker for content, _, speaker in statements(nlp, text)}
    for content, speaker in expected:
        assert content in got, f"{content!r} not in {got}"
        assert got[content] == speaker, (content, got[content])


def test_an_object_relative_clause_on_a_document_is_not_what_was_said(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Biden said in a speech that he delivered in Philadelphia on Thursday that democracy was under threat."
    assert not [g for g in statements(nlp, text) if g[0].startswith("he delivered")]


def test_a_poll_of_people_is_not_made_by_them(nlp) -> None:  # type: ignore[no-untyped-def]
    got = statements(nlp, "According to a poll of Israelis by Channel 12, most want early elections.")
    assert [g[0] for g in got] == ["most want early elections"] and got[0][2] != "Israel"


def test_statements_in_the_headline_are_left_to_the_body(nlp) -> None:  # type: ignore[no-untyped-def]
    from kg.text import find_headline

    text = "Rent rise is unfair, say tenants\n\nTenants said the rise of 23 per cent was unfair to families.\n"
    article = Article("t", "t.txt", text, "0", headline=find_headline(text, ()))
    got = [st.content.text for st in extract(nlp(text), article).statements]
    assert got == ["the rise of 23 per cent was unfair to families"]


def test_the_club_is_the_one_the_story_is_about_not_one_it_describes_as_a_club(  # type: ignore[no-untyped-def]
        nlp) -> None:
    text = ("Haarlem United FC dismissed head coach Frank Mulder on Monday and confirmed the sale of top scorer "
            "Youssef El Amrani to English club Northgate City. Assistant coach Dennis Bakker will take charge of the "
            "team, the club said in a statement.")
    assert ("Assistant coach Dennis Bakker will take charge of the team", "indirect", "Haarlem United FC") \
        in statements(nlp, text)


@pytest.mark.parametrize(("text", "speaker"), [
    # "his lawyer said" is the lawyer the next paragraph names with that title
    ("Lee, who was led from the courtroom by guards, will appeal, his lawyer said.\n\n\"We respect the court,\" "
     "Kim Dong-won, a lawyer for Lee, told reporters.", "Kim Dong-won"),
    # ... not a person with another title
    ("The striker will miss the final, his agent said.\n\n\"He is devastated,\" Marco Rossi, a lawyer for the club, "
     "told reporters.", None),
])
def test_a_possessive_role_description_names_the_next_speaker_with_that_title(  # type: ignore[no-untyped-def]
        nlp, text: str, speaker: str | None) -> None:
    assert statements(nlp, text)[0][2] == speaker
