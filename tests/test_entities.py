"""Entities of one article: typed from the article's own evidence, one node per entity, aliases."""

from __future__ import annotations

import pytest

from kg.extract.entities import extract_entities
from kg.records import Article, Entity

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp(model_loaded_once: None):  # type: ignore[no-untyped-def]
    import kg.nlp

    return kg.nlp.load_model()


def entities(nlp, text: str) -> list[Entity]:  # type: ignore[no-untyped-def]
    return extract_entities(nlp(text), Article("t", "t.txt", text, "0"))


def by_name(ents: list[Entity], name: str) -> Entity:
    found = [e for e in ents if e.name == name]
    assert len(found) == 1, f"{name!r} not exactly once in {[(e.name, e.type) for e in ents]}"
    return found[0]


TYPED = [  # (text, name, type) -- the type comes from the text, not from the model's guess
    # a name the model took for a title of a work, apposed to a role under a named owner ("Angola's sports minister")
    ('"The pitch was perfect," Joaquim dos Santos Neto, Angola’s sports minister, told Radio Luanda.',
     "Joaquim dos Santos Neto", "Actor"),
    # the Catalan "i" between two surnames is part of the name
    ("Race director Jordi Casals i Roure told reporters that the stage was safe.", "Jordi Casals i Roure", "Actor"),
    # a religious sister is a person, even where the model read the name as a body's
    ("Sister Agnes Mwale said the clinic would reopen on Monday.", "Agnes Mwale", "Actor"),
    # a person described by a title "for the company" or "at" a firm is no company
    ("\"We reject all violence,\" Laura Fernandez, a spokeswoman for the company, said in Lima.", "Laura Fernandez",
     "Actor"),
    ("Fernando Ruiz de Somocurcio, a mining analyst at Lima consultancy Andes Risk Partners, said costs rose.",
     "Fernando Ruiz de Somocurcio", "Actor"),
    # a name with particles apposed to a role ("de la" are no name words to count)
    ("His lawyer, Gonzalo Ibáñez de la Fuente, said the ruling was political.", "Gonzalo Ibáñez de la Fuente",
     "Actor"),
    ("But Rodrigo Alcántara Vélez of Lima consultancy Macroandina said the pause was a mistake.",
     "Rodrigo Alcántara Vélez", "Actor"),
    # a court or council of a city is no body named after the city
    ("The penalty comes two days after a Seoul court sentenced the chairman.", "Seoul", "Place"),
    # an amount after a name is no part of it
    ("The regulator fined Straits Meridian Bank S$27.4 million on Thursday.", "Straits Meridian Bank", "Organization"),
    # a company described with a participle after its kind ("a construction firm run by")
    ("Ortega Vidal, a construction firm run by two brothers, said sales fell.", "Ortega Vidal", "Organization"),
    ("Halvorsen Marsh, a carmaker headquartered in Oslo, said sales fell.", "Halvorsen Marsh", "Organization"),
    # a name the model missed, speaking with a "which" clause, is a body ("Unite", "Equity": common words as names)
    ("Unite, which represents engineering staff at the plant, said it would join any industrial action.", "Unite",
     "Organization"),
    ("Equinor, which operates the field, said the crew had followed safety procedures.", "Equinor", "Organization"),
    # an apposition's kind noun after an article or a possessor makes a body; "whose company" is someone's
    ("Norland Steel, Britain's second-largest steelmaker, has said it will cut 2,400 jobs.", "Norland Steel",
     "Organization"),
    ("Johan Pretorius, whose company, Lebone Rail Services, allegedly paid R38 million, said he was innocent.",
     "Johan Pretorius", "Actor"),
    # a subject its clause goes on about as "his" or "her" is a person, though the model read an organization
    ("Spain's Mateo Alcaraz-Vidal won the final. Alcaraz-Vidal dedicated the title to his grandmother.",
     "Mateo Alcaraz-Vidal", "Actor"),
    # ... but not a one-word name the article never gives as a person's ("Liverpool confirmed his departure")
    ("Mohamed Salah will leave at the end of the season. Liverpool confirmed his departure on Friday.",
     "Liverpool", "Organization"),
    # ... nor when another name comes between ("his" is Salah's)
    ("Liverpool beat Everton on Sunday and Mohamed Salah scored his 20th goal of the season.", "Liverpool",
     "Organization"),
    # a place described as a capital, though "Capital" also ends companies' names
    ("Security was tight around the tribunal in Kaduna, the state capital.", "Kaduna", "Place"),
    # a role apposed without an article, before its body: a person ("X, chairman of the council")
    ("Thabo Nkosi, chairman of the council, said fees would rise.", "Thabo Nkosi", "Actor"),
    # a city before a profession is where the person works, not a body ("Pentagon spokesman" is one)
    ("Sydney lawyer Harriet Moss said the ruling was flawed.", "Sydney", "Place"),
    # letters after a name: a barrister's rank
    ("His barrister, Rafael Okonkwo SC, told reporters the sentence was harsh.", "Rafael Okonkwo", "Actor"),
    # a noun for a kind of body right before a name describes it
    ("The ride-hailing company Uber said it would appeal the ruling.", "Uber", "Organization"),
    ("German carmaker Volkmar said on Monday it would cut 2,000 jobs.", "Volkmar", "Organization"),
    ("Rival lender Bradesco said its profits had fallen.", "Bradesco", "Organization"),
    # ... not one that opens a relative clause about a person
    ("Imran Khan spoke in Lahore. The party Imran Khan founded has been banned from the election.", "Imran Khan",
     "Actor"),
    ("Thabo Nkosi, vice-chancellor of the University of Cape Town, said fees would rise.", "Thabo Nkosi", "Actor"),
    # an age in years before a noun: a person, unless the noun names a business
    ('"Prices are low," said Dorcas Appiah, a 29-year-old engineer.', "Dorcas Appiah", "Actor"),
    ('"We are not moving," said Maria Okonjo, a 41-year-old crane operator from Tema.', "Maria Okonjo", "Actor"),
    ("Thornbury Ales, a 150-year-old brewery, said it would close the plant.", "Thornbury Ales", "Organization"),
    ("Oxfam, an 80-year-old charity, said the cuts would hurt.", "Oxfam", "Organization"),
    ("Fortnum & Mason, a 300-year-old grocer, opened a store in Tokyo.", "Fortnum & Mason", "Organization"),
    # a name, "of" and a body named by its kind: the person who works there
    ("Gavin Holt of Redline Analytics was more skeptical. According to Holt, the club overpaid.", "Gavin Holt",
     "Actor"),
    # ... but a body of a league or a group is a member body
    ("The Green Bay Packers of the National Football League beat Chicago.", "Green Bay Packers", "Organization"),
    ("Tata Steel of the Tata Group said output rose.", "Tata Steel", "Organization"),
    ("Maria Santos, a professor at the London School of Economics, said the plan would fail.",
     "London School of Economics", "Organization"),
    # a name between "the" and "party" (the model read it as a place)
    ("Sheinbaum, a former mayor of Mexico City, is the candidate of the ruling Morena party founded by Andres Manuel "
     "Lopez Obrador.", "Morena", "Organization"),
    # a place by the company it keeps: where a person is from, a place beside a place
    ('"I have a job too," said Nadia Benhamou, a 34-year-old nurse from Argenteuil.', "Argenteuil", "Place"),
    ('"Young people are tired of taking the train to Delhi and Surat to find work," said Verma.', "Surat", "Place"),
    ("Analyst Tom Lee, a strategist from Fundstrat, said stocks would rise.", "Fundstrat", "Organization"),
    ("A man from Harrow was arrested on Monday.", "Harrow", "Place"),
    # ... not an owner ("Putin's threats"), and not an employer after a professional noun
    ("Vladimir Putin met Xi Jinping in Beijing on Thursday. The war in Ukraine and Putin's nuclear threats "
     "dominated the summit.", "Vladimir Putin", "Actor"),
    # a role noun before "who" ("a lawyer who was jailed")
    ("The court ruled 5-4 that Srettha had violated ethics rules by naming Pichit Chuenban, a lawyer who was jailed "
     "for contempt of court in 2008, as a minister in the prime minister's office.", "Pichit Chuenban", "Actor"),
    # a body's kind noun before "of" and a place
    ("The Rail Crew Guild of Ontario called off the stoppage on Monday.", "Rail Crew Guild of Ontario",
     "Organization"),
    # an industry word ending the name; a plural name after "the"
    ("The ship's operator, Eastmed Shipping, said the crew of 21 was unharmed.", "Eastmed Shipping", "Organization"),
    ("The Houthis' military spokesman, Yahia Sarea, said the strikes would not go unanswered.", "Houthis",
     "Organization"),
    ("Thabo Nkosi, who leads the Umkhonto Veterans Association, spoke in Durban.",
     "Umkhonto Veterans Association", "Organization"),
    ("The Ansar Dine movement said it would not negotiate.", "Ansar Dine", "Organization"),
    ("Rival fans attacked supporters of the Ultras Sur group after the match.", "Ultras Sur", "Organization"),
    ("The coach told Spain's Efe news agency that the squad was tired.", "Efe", "Organization"),
    ("Opposition lawmaker Nnamdi Okafor criticised the budget.", "Nnamdi Okafor", "Actor"),
    ("Mexican President Andrés Manuel López Obrador visited the plant.", "Andrés Manuel López Obrador", "Actor"),
    ("Shares of Volkswagen fell after the Kraftfahrt-Bundesamt agency opened an inquiry.",
     "Kraftfahrt-Bundesamt", "Organization"),
    ("The striker posted the video on Twitter on Sunday.", "Twitter", "Organization"),
    ("Fans in Nigeria celebrated the win.", "Nigeria", "Place"),
    # a verb after a name is no description of it ("insisted her party" is no party)
    ("VVD leader Marieke de Groot insisted her party would not give in.", "Marieke de Groot", "Actor"),
    # the name before an unnamed spokesperson is the organization speaking
    ("A Gatwick spokesperson said the airport would stay open.", "Gatwick", "Organization"),
    # a two-word name speaking is a person, whatever the model took it for
    ("Declan Fairweather said the talks had failed.", "Declan Fairweather", "Actor"),
    ("The outgoing club president, Henrik Aas Lunde, said the board would hold.", "Henrik Aas Lunde",
     "Actor"),
    # company context: shares of X, X described as a firm
    ("Shares of Quillmark fell 4 per cent on Tuesday.", "Quillmark", "Organization"),
    ("Ember Insights, a data firm, said demand was weak.", "Ember Insights", "Organization"),
    # clubs used as teams are organizations
    ("Kwame Mensah scored for Lille in the second half.", "Lille", "Organization"),
    ("Everton 3-2 Brighton, and the home fans went wild.", "Brighton", "Organization"),
    ("Quillmark, which is based in Austin, Texas, said it had complied.", "Quillmark", "Organization"),
    # a role noun before "at": analysts work at an organization, whatever the model took it for
    ("Analysts at Peel Hunt said in a note that the sector could lose revenue.", "Peel Hunt", "Organization"),
    # a proper-noun run with an organization's word in it, as the subject of a speech verb
    ("Trees fell across the line overnight.\n\nNetwork Southway said dozens of trees had fallen on lines.",
     "Network Southway", "Organization"),
    # a news service by its last word; a party by its description
    ("Baltic Wire reported that the ferry strike had ended.", "Baltic Wire", "Organization"),
    ("The Green Valley Front, a new regional party, won 12 seats.", "Green Valley Front", "Organization"),
    # a person: "who was ...", the speaker of an inverted "said X"
    ("Marta Ruiz, who was elected president of the Spanish Football Federation in May, resigned.", "Marta Ruiz",
     "Actor"),
    ("\"We accept the verdict,\" said Anders Holm Berg of the Centre Alliance.", "Anders Holm Berg", "Actor"),
    # a description followed by a name describes that name, not the place before it
    ("Speaking in Leeds, the union's general secretary, Maria Kent, said pay had stalled.", "Leeds", "Place"),
    # "X's coach" is a club's only when X is no person's surname written in full elsewhere
    ("Anna Kovac won in three sets on Friday.\n\nKovac's coach, Ivo Horvat, said the player had trained hard.",
     "Anna Kovac", "Actor"),
    ("Rovers won 2-0.\n\nRovers's coach, Ivo Horvat, said the team had trained hard.", "Rovers", "Organization"),
    # a full name with no evidence of its own takes the type of its surname ("Sinner said")
    ("PARIS, June 6 (AFP) - Ines Moreau ended the winning streak at Roland Garros on Friday.\n\n"
     "\"I stayed calm,\" Moreau said.", "Ines Moreau", "Actor"),
    # ... but the model's reading of a club before "'s manager" is kept ("Aston Villa", a PERSON to the model)
    ("Aston Villa beat Brentford 3-1 on Saturday. Villa's manager Unai Emery said the team had fought hard.",
     "Aston Villa", "Organization"),
    ("Israeli strikes hit the southern town, Kfar Kila overnight, the army said.", "Kfar Kila", "Place"),
    # a name apposed to a kind of place, unless a verb follows it (it is the sentence's subject)
    ("Rebels seized the town, Reuters reported, citing residents.", "Reuters", "Organization"),
    # a name with an acronym, set off by ", which", speaking: a body, not a person
    ("Nurses voted to strike on Friday.\n\nNHS Providers, which represents hospital trusts, warned that strikes "
     "would add to pressure on services.", "NHS Providers", "Organization"),
    # "who had ...": a person
    ("Mbeki, who had not lost a case in a decade, said the appeal would fail.", "Mbeki", "Actor"),
    # a description with its own complement before the name: "director for Africa, X,"
    ("The bank's regional director for Asia, Keiko Tanabe, said lending would slow.", "Keiko Tanabe", "Actor"),
    # a name apposed to a kind of place
    ("Troops were sent to the capital, Lusaka, on Friday.", "Lusaka", "Place"),
    ("The rebels attacked a base in the northeastern province of Arauca, killing two soldiers.", "Arauca", "Place"),
    # a code-like name whose members are counted is a group; a place's rebels are the place's
    ("M23 rebels said they had seized the town of Sake.", "M23", "Organization"),
    ("Darfur rebels said they had seized the town.", "Darfur", "Place"),
    ("Hamas fighters said they had ambushed the convoy.", "Hamas", "Organization"),
    # a plural name after "the", even with a relative clause on it, is a group
    ("The Houthis, which control much of Yemen, said they had fired missiles at a ship.", "Houthis", "Organization"),
    # only places are "near"
    ("Hamas fighters ambushed the convoy near Khan Younis on Monday.", "Khan Younis", "Place"),
    # ... but people may be near or in a person: "in" or "near" only after verbs of place
    ("The actor sat near Taylor Swift at the Grammys.", "Taylor Swift", "Actor"),
    ("Democrats put their faith in Kamala Harris.", "Kamala Harris", "Actor"),
    # a name ending in a natural feature's noun is a place
    ("Houthi drones attacked the ship in the Red Sea on Monday.", "Red Sea", "Place"),
    ("Israeli troops moved deeper into the Gaza Strip, the army said.", "Gaza Strip", "Place"),
    ("An economist at Moscow's Higher School of Economics said inflation would rise.", "Moscow", "Place"),
    # a central bank's, a party's or a prison's governor is no place's
    ("Fed Governor Christopher Waller said on Monday that inflation was cooling.", "Fed", "Organization"),
    ("Labour mayor Sadiq Khan said fares would be frozen.", "Labour", "Organization"),
    # a party named by its people
    ("The Christian Democrats (CDU) and the Free Democrats (FDP) clashed over the budget.", "Christian Democrats",
     "Organization"),
    ("The bus overturned near Nakuru on Friday, police said.", "Nakuru", "Place"),
    # a list the model reads as one organization is a list of places; people are not "in" a place-like name
    ("Mali, Burkina Faso and Niger, all run by juntas, left the bloc in January.", "Burkina Faso", "Place"),
    ("Mali, Burkina Faso and Niger, all run by juntas, left the bloc in January.", "Mali", "Place"),
    ("Fatoumata Sangare, a former minister who now lives in exile in Dakar, criticised the move.", "Dakar", "Place"),
]


@pytest.mark.parametrize(("text", "name", "etype"), TYPED)
def test_types_from_evidence(nlp, text: str, name: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    assert by_name(entities(nlp, text), name).type == etype


def test_a_given_name_taken_for_a_place_is_the_persons_short_form(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = entities(nlp, "Datuk Azlan Hashim, secretary-general of the ministry, said talks went well. Azlan told "
                         "reporters that the deal was close.")
    assert by_name(ents, "Azlan Hashim").type == "Actor" and "Azlan" in by_name(ents, "Azlan Hashim").aliases
    # ... but a place written as one, or one kg knows, or one that does not speak, stays the place
    ents = entities(nlp, "Jordan Henderson scored twice. The team flew to Jordan on Monday.")
    assert by_name(ents, "Jordan").type == "Place"
    ents = entities(nlp, "Coach Sydney Brown said the team was ready. Sydney will host the final in May.")
    assert by_name(ents, "Sydney").type == "Place"


def test_a_surname_written_without_its_accents_at_a_sentence_start_is_the_persons(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = entities(nlp, "Finance Minister Jörg Brändle spoke on Monday.\n\nBrandle smiled and said the budget "
                         "would pass.")
    assert "Brandle" in by_name(ents, "Jörg Brändle").aliases


def test_a_place_whose_government_the_article_names_is_no_short_form_of_a_company(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = entities(nlp, "A Hydro-Québec spokesperson said power had been cut. The Quebec government sent water to "
                         "the town.")
    assert by_name(ents, "Quebec").type == "Place" and by_name(ents, "Hydro-Québec").aliases == ()


def test_a_glossed_acronym_is_no_short_form_of_a_body_named_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = entities(nlp, "Leaders of the Association of Southeast Asian Nations (ASEAN) met on Monday. The ASEAN "
                         "Secretariat said in a statement that the agreement would enter into force soon.")
    assert "ASEAN" in by_name(ents, "Association of Southeast Asian Nations").aliases
    assert by_name(ents, "ASEAN Secretariat").aliases == ()


def test_a_clause_word_splits_a_span_into_two_names(nlp) -> None:  # type: ignore[no-untyped-def]
    # a headline's "X as Y": the model read "Stormers as Munster" as one name
    ents = entities(nlp, "Ó Laoire kick sinks 14-man Stormers as Munster snatch late win\n\n"
                         "Munster came from behind to beat the Stormers 27-24 on Saturday.\n")
    names = {e.name for e in ents}
    assert {"Stormers", "Munster"} <= names and not any(" as " in n for n in names), names


def test_role_noun_splits_a_span_into_organization_and_person(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = entities(nlp, "Labour Party councillor lawmaker Aisha Rahman said the plan was unfair.")
    assert by_name(ents, "Aisha Rahman").type == "Actor"
    ents = entities(nlp, "Democratic Alliance lawmaker Pieter Botha voted against the bill.")
    assert by_name(ents, "Democratic Alliance").type == "Organization"
    assert by_name(ents, "Pieter Botha").type == "Actor"


def test_short_forms_join_the_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Chelsea manager Mauricio Pochettino praised the squad.\n"
            "Pochettino said the players had worked hard.\n")
    person = by_name(entities(nlp, text), "Mauricio Pochettino")
    assert "Pochettino" in person.aliases
    assert len(person.mentions) == 2
    assert any(ev.rule == "short-form" for ev in person.evidence)


def test_a_groups_name_and_its_plural_are_one_body(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Yemen's Houthi rebels claimed the attack on Friday.\n\n"
            "Saudi Arabia has led a coalition against the Houthis since 2015.\n")
    group = by_name(entities(nlp, text), "Houthi")
    assert group.type == "Organization" and "Houthis" in group.aliases
    # (not two people: a surname and another surname that ends in "s")
    ents = entities(nlp, "Maria Evan won the race. Tom Evans finished second.")
    assert by_name(ents, "Maria Evan").key != by_name(ents, "Tom Evans").key


def test_a_place_that_opens_a_bodys_name_is_the_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Tamil Nadu Chief Minister M Elangovan said the state would appeal. S Arumugam, general secretary of "
            "the Tamil Nadu Cauvery Delta Farmers' Association, said farmers would protest.")
    ents = entities(nlp, text)
    assert by_name(ents, "Tamil Nadu").type == "Place"
    assert "Tamil Nadu" not in by_name(ents, "Tamil Nadu Cauvery Delta Farmers' Association").aliases
    # ... and so is a name the article writes before "government", however the model types its other mentions
    text = ("Bengaluru, Sep 12 (PTI) The Karnataka government on Friday said it would not release any more water to "
            "Tamil Nadu, as a state-wide bandh called by farmers' groups brought Bengaluru to a standstill.\n\n"
            "The bandh, called by the Karnataka Rajya Raitha Sangha (KRRS) and several outfits, began at 6 am.\n\n"
            "“Our crop is drying in the fields. Karnataka is playing with the lives of farmers,” Arumugam said.\n")
    ents = entities(nlp, text)
    assert "Karnataka" not in by_name(ents, "Karnataka Rajya Raitha Sangha").aliases
    assert by_name(ents, "Karnataka").type == "Place"
    # ... a place's name is no spelling of a person's
    ents = entities(nlp, "Also in the dock is businessman Johan Pretorius of Pretoria. Pretorius denied the charges.")
    assert "Pretoria" not in by_name(ents, "Johan Pretorius").aliases
    # ... but a club's town, used for the club, is the club
    text = ("Newcastle United beat Everton 2-1 on Saturday.\n\n"
            "Newcastle manager Eddie Howe said the win was deserved. Newcastle are fourth.\n")
    assert "Newcastle" in by_name(entities(nlp, text), "Newcastle United").aliases
    # ... and so is the name of an "X FC" without its suffix, though read as a place, unless the article goes there
    text = "Bayside lost 4-0 to Coral Coast FC on Saturday. Coral Coast coach Aiden Marsh said his side had been sharp."
    club = by_name(entities(nlp, text), "Coral Coast FC")
    assert "Coral Coast" in club.aliases and club.type == "Organization"
    text = "Fans travelled to Liverpool on Saturday for the match. Liverpool FC said tickets had sold out."
    assert by_name(entities(nlp, text), "Liverpool").type == "Place"
    text = "Coral Coast FC won 2-0 on Saturday. Coral Coast businesses reported a boom in weekend trade."
    assert by_name(entities(nlp, text), "Coral Coast").type == "Place"


def test_an_acronym_after_or_is_the_bodys_alias(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The U.S. military's Central Command, or CENTCOM, said its forces had destroyed two drones. "
            "Talks between Fatah, Hamas, or Islamic Jihad have failed.")
    ents = entities(nlp, text)
    assert "CENTCOM" in by_name(ents, "Central Command").aliases
    assert by_name(ents, "Fatah").key != by_name(ents, "Islamic Jihad").key  # (the end of a list)


def test_the_name_a_group_calls_itself_is_its_alias(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ansar Allah, as the Houthis formally call themselves, has controlled Sanaa since 2014."
    group = by_name(entities(nlp, text), "Ansar Allah")
    assert group.type == "Organization" and "Houthis" in group.aliases


def test_a_name_written_with_and_without_accents_is_one_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Clara Inés Montoya said the talks would resume. “We have come to rebuild trust,” Montoya told "
            "reporters. Clara Ines Montoya, a former lawyer, replaced the previous negotiator in March.")
    person = by_name(entities(nlp, text), "Clara Inés Montoya")
    assert person.type == "Actor" and {"Montoya", "Clara Ines Montoya"} <= set(person.aliases)


def test_two_full_names_sharing_a_surname_stay_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Serena Williams beat Venus Williams in the final.\nWilliams said it was a hard match.\n"
    ents = entities(nlp, text)
    assert by_name(ents, "Serena Williams").key != by_name(ents, "Venus Williams").key
    assert "Williams" not in by_name(ents, "Serena Williams").aliases


ALIASES = [  # (text, name, alias, rule)
    # a short form that is no acronym, opening with the name's own first letter ("TurkStat", "Confech")
    ("The Turkish Statistical Institute (TurkStat) said inflation fell. TurkStat said food prices rose.",
     "Turkish Statistical Institute", "TurkStat", "parenthesis"),
    ("The march was organised by the Confederation of Chilean Students (Confech). Confech said it would strike.",
     "Confederation of Chilean Students", "Confech", "parenthesis"),
    ("The National Union of Mineworkers (NUM) called a strike. NUM leaders met on Friday.",
     "National Union of Mineworkers", "NUM", "parenthesis"),
    ("The Revolutionary Armed Forces of Colombia, also known as FARC, signed the deal.",
     "Revolutionary Armed Forces of Colombia", "FARC", "also-known-as"),
    ("The Jatiya (National) Party rejected the result.", "Jatiya Party", "Jatiya (National) Party",
     "parenthesis-gloss"),
    # an acronym spelling the initials of the one organization the article names in full
    ("The Kenya Wildlife Service said the herd had been moved. KWS rangers will track the animals.",
     "Kenya Wildlife Service", "KWS", "initials"),
    ("The International Federation of Rail Unions met in Lyon.\n\nIFRU delegates voted to strike.",
     "International Federation of Rail Unions", "IFRU", "initials"),
]


def test_an_acronym_with_its_own_kind_noun_is_another_body(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Palestinian Authority President Mahmoud Abbas spoke on Monday. He told the PA news agency that talks "
            "had failed.")
    authority = by_name(entities(nlp, text), "Palestinian Authority")
    assert "PA" not in authority.aliases


def test_who_had_in_the_plural_is_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = entities(nlp, "Arsenal, who had lost their previous three games, beat Chelsea 2-0.")
    assert not any(e.name == "Arsenal" and e.type == "Actor" for e in ents), ents


def test_initials_of_two_names_join_neither(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The Coastal Defence Party and the Civic Democratic Party met.\n\nCDP leaders said they would talk.")
    ents = {e.name: e for e in entities(nlp, text)}
    assert not any("CDP" in e.aliases for e in ents.values()), ents


@pytest.mark.parametrize(("text", "name", "alias", "rule"), ALIASES)
def test_aliases_stated_in_the_text(nlp, text: str, name: str, alias: str, rule: str) -> None:  # type: ignore[no-untyped-def]
    ent = by_name(entities(nlp, text), name)
    assert alias in ent.aliases
    assert any(ev.alias == alias and ev.rule == rule for ev in ent.evidence)


def test_demonyms_are_mentions_of_the_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Germans voted on Sunday. The German chancellor said Germany would help.\n"
    germany = by_name(entities(nlp, text), "Germany")
    assert germany.type == "Place"
    assert {m.text for m in germany.mentions} == {"Germans", "German", "Germany"}
    for m in germany.mentions:
        assert text[m.start:m.end] == m.text


def test_names_strip_article_and_possessive(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = entities(nlp, "The European Commission's decision angered the Polish government.")
    assert by_name(ents, "European Commission").type == "Organization"


def test_country_institution_is_an_organization(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = entities(nlp, "The Kenyan parliament passed the finance bill. Kenya's Parliament will vote again.")
    parliament = by_name(ents, "Kenyan parliament")
    assert parliament.type == "Organization"
    assert "Kenya’s Parliament" in parliament.aliases or "Kenya's Parliament" in parliament.aliases


def test_no_entities_in_plain_prose(nlp) -> None:  # type: ignore[no-untyped-def]
    assert entities(nlp, "It rained all day and the match was called off.\n") == []


NAMES = [  # (text, names that must be entities, names that must not)
    # a name the model cut at "and" goes on when the acronym after it spells the whole
    ("Members of the National Union of Mine and Allied Workers (NUMAW) downed tools on Monday.",
     ["National Union of Mine and Allied Workers"], ["National Union of Mine", "Allied Workers"]),
    # a name word the tagger read as a function word, between a title and the name ("Than" of "Than Myint Oo")
    ("State television quoted the junta chief, Senior General Than Myint Oo, as saying the truce would hold.",
     ["Than Myint Oo"], ["Myint Oo"]),
    ("President And PM Meet In Beijing\n\nThe leaders met on Monday.", [], ["And PM", "President And PM"]),
    ("New Zealand Cricket (NZC) said in a post on X that the crowd was a record.", ["New Zealand Cricket"], []),
    # a lower-case particle inside a name keeps it whole
    ("The commission said 30 deaths bore signs of execution. CHR chairperson Ramon dela Cruz Tiongson said the "
     "findings were clear.", ["Ramon dela Cruz Tiongson"], ["Ramon", "Cruz Tiongson"]),
    # a country's military is a body of its own, as its army is (kg/data/institutions.tsv)
    ("The Israeli military said the strike had targeted a commander. Nigeria's military said it freed 40 hostages.",
     ["Israeli military", "Nigerian military"], []),
    # a sentence's first word that heads bodies' names ("Party", "Union", "Club") names no body, whatever the model
    # says, even when the article also writes it inside a name ("the Workers' Party"); an institution does
    ("Batista, who is running for the left-wing Workers' Party (PT), spoke in Recife.\n\nAzevedo, who is backed by the "
     "conservative Liberal Party (PL), hit back.\n\nThe centrist Brazilian Democratic Movement (MDB) has yet to say "
     "whom it would back. Party chairman Lucio Amaral said the MDB would decide later.",
     ["Liberal Party", "Lucio Amaral"], ["Party"]),
    ("Union leader Mary Byrne said staff were worried. Club captain Jordan Hale agreed.",
     ["Mary Byrne", "Jordan Hale"], ["Union", "Club"]),
    ("Congress leader Rahul Gandhi said the vote was rigged.", ["Congress", "Rahul Gandhi"], []),
    # ... but not a part of a longer name that speaks ("Lower Saxony")
    ("Lower Saxony, which owns a 20 percent stake in Volkmar, urged both sides to compromise.", [], ["Saxony"]),
    # "the Labour government" is a party's, "Chinese military commentator" names no body, "body" must govern
    ("The Labour Party won a landslide. Labour leader Keir Starmer said the Labour government would fix the NHS.",
     ["Labour Party"], ["Labour"]),
    ("Chinese military commentator Song Zhongping said the drills were a warning to Taiwan.", ["China"],
     ["Chinese military"]),
    ("Crowds watched the Russian military parade in Moscow on Friday.", ["Russia"], ["Russian military"]),
    ("Ceres, the largest body in the asteroid belt, has water ice beneath its surface, scientists said.", [],
     ["Ceres"]),
    # a title word after "<head> for" is part of the body's name; a law officer's title is no name
    ("According to the Brennan Center for Justice, 11 states restricted drop boxes.", ["Brennan Center for Justice"],
     ["Brennan Center"]),
    ("Solicitor General Alicia Moreno told the court that the ban was unlawful.", ["Alicia Moreno"], ["Solicitor"]),
    # a title's own capitalised words are no name ("Security", "Financial", "Interior")
    ("Security Minister Rachel Pemberton spoke on Tuesday.", ["Rachel Pemberton"], ["Security"]),
    ("Chief Financial Officer Dana Whitlock told analysts about costs.", ["Dana Whitlock"], ["Financial"]),
    ("German Interior Minister Jürgen Möller said Europe needed answers.", ["Jürgen Möller"], ["Interior"]),
    # ... but a body's name opening a sentence keeps its first word
    ("Student Loans Company said repayments would rise.", ["Student Loans Company"], ["Loans Company"]),
    # an occupation opening a sentence is no first name; an agency's head is titled, not named, "Administrator"
    ("Farmer John Mwangi said the rains had failed. Nurse Mary Achieng said the clinic was full.",
     ["John Mwangi", "Mary Achieng"], ["Farmer John Mwangi", "Nurse Mary Achieng"]),
    ("NASA Administrator Bill Nelson said the launch would go ahead.", ["NASA", "Bill Nelson"],
     ["NASA Administrator Bill Nelson"]),
    # a parenthesis the model read into a name ends it ("… Development (USAID")
    ("The United States Agency for International Development (USAID) pledged $5 million in aid.",
     ["United States Agency for International Development"],
     ["United States Agency for International Development (USAID"]),
    # a possessive and "for" inside a body's name ("Children's Fund", "Agency for Asylum")
    ("The United Nations Children's Fund said the camps needed water.", ["United Nations Children's Fund"],
     ["Fund", "United Nations Children"]),
    ("The European Union Agency for Asylum said applications had risen.", ["European Union Agency for Asylum"],
     ["Asylum"]),
    # a portfolio of dictionary words before a minister's title is no body ("Public Safety", "Home Affairs")
    ("The fires spread on Monday. Public Safety Minister Mike Ellis-Grant said 300 firefighters were deployed. "
     "Home Affairs Minister Ana Lopes said the borders stayed open.",
     ["Mike Ellis-Grant", "Ana Lopes"], ["Public Safety", "Home Affairs"]),
    ("Homeland Security Secretary Alejandro Mayorkas said the border was secure.", ["Alejandro Mayorkas"],
     ["Homeland"]),
    # a place word inside a longer place name the model read is part of it, not the country it names
    ("New Mexico Governor Michelle Lujan Grisham said the fires were contained.",
     ["New Mexico", "Michelle Lujan Grisham"], ["Mexico"]),
    ("Crews from British Columbia and Ontario were deployed to fight the fires.", ["British Columbia"],
     ["United Kingdom"]),
    # ... but one the article names as a body elsewhere is one ("the Treasury would act")
    ("Treasury Secretary Janet Yellen said the Treasury would act.", ["Janet Yellen", "Treasury"], []),
    # hyphenated given names stay whole
    ("South Korean Foreign Minister Park Ji-hoon called for calm.", ["Park Ji-hoon"], ["Park Ji"]),
    # an honorific is a title, not part of the name
    ("Assistant U.S. Attorney Glenn Osborne told the court the statement was voluntary.", ["Glenn Osborne"], []),
    ("Arabic-language al-Ahad news agency reported the attack.", ["al-Ahad"], ["Arabic-language al-Ahad"]),
    # titles split off; institution names kept whole through "of the" and their own title words
    ("Prosecutor Helena Brandão appealed to the Federal Regional Court of the 4th Region.",
     ["Helena Brandão", "Federal Regional Court of the 4th Region"], ["Prosecutor Helena Brandão"]),
    ("The Office of the Comptroller General flagged the contracts.", ["Office of the Comptroller General"],
     ["Office of the Comptroller"]),
    ("Egypt's General Intelligence Directorate hosted the talks.", ["Egypt's General Intelligence Directorate"],
     ["Intelligence Directorate"]),
    ("Arsenal finished second in the Premier League.", ["Premier League"], ["League"]),
    ("General Motors cut 2,000 jobs.", ["General Motors"], ["Motors"]),
    # no names: titles alone, scores, hyphenated adjectives, lone common words, byline codes
    ("The Premier said the budget would pass.", [], ["Premier"]),
    ("Everton 3-2 Brighton.", ["Everton", "Brighton"], ["Everton 3-2 Brighton"]),
    ("A spokesman for the Franco-Italian operator said the tunnel would reopen.", [], ["Franco"]),
    ("Electoral\nTurnout was high in the capital. The Union had called a strike. AI will change the Company.",
     [], ["Electoral", "Turnout", "Union", "AI", "Company"]),
    ("SKR MND\nDeclan Fairweather said the talks had failed.", ["Declan Fairweather"], ["SKR MND"]),
    # a name next to a place is not lost with it; a place that ends a name is part of it
    ("Chinese ambassador to Japan Wu Zhenhai met the minister.", ["Wu Zhenhai"], []),
    ("Amnesty International UK, a human rights group, criticised the ruling.", ["Amnesty International UK"],
     ["United Kingdom"]),
    ("Farmers for Canada, an industry group representing grain growers, said exports would fall.",
     ["Farmers for Canada"], ["Canada"]),
    ("Graham Dunlop, operations director at Scottish and Southern Electricity Networks, said crews were working.",
     ["Scottish and Southern Electricity Networks"], ["Southern Electricity Networks"]),
    # title words inside an institution's name; the office of a title holder, possessive and all
    ("The National Association of Head Teachers said schools were struggling.",
     ["National Association of Head Teachers"], ["Teachers", "National Association"]),
    ("A spokesperson for the U.S. Attorney's Office for the Southern District of Texas declined to comment.",
     ["U.S. Attorney's Office for the Southern District of Texas"], ["U.S."]),
    ("A spokeswoman for the Chief Minister's Office said the budget would be delayed.", ["Chief Minister's Office"],
     ["Minister's Office"]),
    ("Speaking at the annual congress of the Federation of Retail Workers, Maria Kent said pay had stalled.",
     ["Federation of Retail Workers"], ["congress of the Federation of Retail Workers"]),
    # a lone state body is no short form of a committee named after it
    ("Senator Mark Reyes, who chairs the Senate Transport Committee, said the Senate would vote.",
     ["Senate Transport Committee"], []),
    # "<person> of <organization>" read by the model as one name is two; an institution "of" a place is one
    ("Jan Hoffmann said the cuts were overdue, while Petra Lang of DZ Bank warned that demand could recover.",
     ["Petra Lang", "DZ Bank"], ["Petra Lang of DZ Bank"]),
    ("Analysts at the Bank of England and Tom Baker of the University of Leeds disagreed.",
     ["Bank of England", "Tom Baker", "University of Leeds"], []),
    # particles written apart from the name's words are still part of it
    ("European Commission President Ursula von der Leyen said the deal was historic.",
     ["Ursula von der Leyen"], ["Ursula", "Leyen"]),
    # a day is never a name
    ("A federal court in Curitiba on Wednesday convicted former senator Paulo Reis of corruption.",
     ["Paulo Reis"], ["Wednesday"]),
    # a title word opening an institution's "<head> of" name; a portfolio before "minister"; an amount after a name
    ("The General Confederation of Labor called a strike.", ["General Confederation of Labor"],
     ["Confederation of Labor"]),
    ("Prices rose.\n\nFinance minister Jeremy Pole said the plan was working.", ["Jeremy Pole"], ["Finance"]),
    ("The regulator fined Quillmark 2.4 billion euros on Monday for abusing its position.", ["Quillmark"],
     ["Quillmark 2.4"]),
    # a past qualifier, a possessive or a sentence's opening adjective is no part of a name; nor a title's last word
    ("LONDON (Reuters) - Former Post Office chief executive Paula Vennells was stripped of her honour.",
     ["Post Office", "Paula Vennells"], ["Former Post Office"]),
    ("The BJP won 240 seats. Its National Democratic Alliance won 293 seats.", ["National Democratic Alliance"],
     ["Its National Democratic Alliance"]),
    ("U.S. Secretary of State Antony Blinken urged Israeli leaders on Tuesday to allow more aid.",
     ["Antony Blinken"], ["State Antony Blinken"]),
    # a firm's list of names joined by "&" is one name; a team in a list of points is no person
    ("The law firm Wachtell, Lipton, Rosen & Katz advised Twitter on the deal.", ["Wachtell, Lipton, Rosen & Katz"],
     ["Lipton"]),
    # a comma ends a name, whatever span the model gave ("Bernstein, Douglas Harned")
    ("Shares fell 2.1% in Paris. An analyst at Bernstein, Douglas Harned, said the guidance was cautious.",
     ["Bernstein", "Douglas Harned"], ["Bernstein, Douglas Harned"]),
    # a common noun capitalised at the start of a quotation, written in lower case elsewhere
    ("A cholera outbreak has spread.\n\n\"Cholera is preventable,\" the health minister said.", [], ["Cholera"]),
    # "party" after a place's name and no political word is a social one
    ("The Notting Hill party ended in violence.", [], ["Notting Hill"]),
    # a capitalised word between two title words is the title's ("Chief Electoral Officer"), no name
    ("Bihar's Chief Electoral Officer, Meena Kumari Rathore, rejected the allegation.",
     ["Meena Kumari Rathore"], ["Electoral"]),
    ("Chief Medical Officer Chris Whitty said cases were rising.", ["Chris Whitty"], ["Medical"]),
    # a title word the model read as part of a company's name, in a run that goes on to a person's title
    ("General Motors Chief Executive Mary Barra said sales rose.", ["General Motors", "Mary Barra"], ["Motors"]),
    # a sentence's adverb and article before a name are no part of it
    ("The dockers walked out. Later the Seaport Staff Federation said talks had failed.",
     ["Seaport Staff Federation"], ["Later the Seaport Staff Federation"]),
    # a trade noun capitalised before a company's name (a headline's first word) is no part of it
    ("Carmaker Stellantis cuts forecast\n\nStellantis said on Monday that sales had fallen in Europe.\n",
     ["Stellantis"], ["Carmaker Stellantis"]),
    # a sentence's first word modifying the noun after it is a common noun when no other use capitalises it
    ("Opposition leader Amadou Diallo rejected the result. The opposition says the vote was rigged.",
     ["Amadou Diallo"], ["Opposition"]),
    ("Tourism Minister Ahmed Khan said arrivals had doubled.", ["Ahmed Khan"], ["Tourism"]),
    ("Union leader Anna Weber met managers on Monday.", ["Anna Weber"], ["Union"]),
    ("Competition Commissioner Katarzyna Nowak said the fine was justified.", ["Katarzyna Nowak"], ["Competition"]),
    ("Club captain Jordan Henderson said the squad was ready for the final.", ["Jordan Henderson"],
     ["Club", "Jordan"]),
    # ... but a name used elsewhere, or one the model read as an organization, stays a name
    ("Halvorsen chief executive Erik Lindqvist defended prices. The board of Halvorsen backed him.",
     ["Halvorsen", "Erik Lindqvist"], []),
    ("Pentagon spokesman Pat Ryder said the strikes would continue.", ["Pentagon", "Pat Ryder"], []),
    # a possessive inside a name, owned by a group of people or a saint, is part of the name
    ("The Pakistan People's Party said the vote was rigged.", ["Pakistan People's Party"], ["Pakistan People"]),
    ("The man will appear in Melbourne Magistrates' Court on Monday.", ["Melbourne Magistrates' Court"], []),
    ("Doctors at St Aldhelm's Hospital said the ward was full.", ["St Aldhelm's Hospital"], ["St Aldhelm"]),
    # ... but an owner before a name is not ("Kenya's", "the unions'")
    ("Kenya's Ministry of Health confirmed the cases.", ["Kenya's Ministry of Health"], []),
    # how long a person has held a title is no name ("Veteran MP X", "Longtime senator X")
    ("Veteran MP Diane Abbott said the party had lost its way.", ["Diane Abbott"], ["Veteran"]),
    # the office of a title is one body's name; a river's delta is no mention of the country
    ("The Ombudsman's Office said more than 50,000 people were displaced.", ["Ombudsman's Office"], ["Ombudsman"]),
    ("Oil spills have polluted the Niger Delta for decades, officials said.", [], ["Niger"]),
    # precision: "ag" before a title is no particle; a family's plural is no group; a person's acronym followed by
    # "loyalists" is no body
    ("Minnesota ag Commissioner Thom Petersen said the harvest was late.", ["Thom Petersen"], ["Minnesota ag"]),
    # a body named in "X-backed", "X-linked" is an entity (a place adjective is not: "Franco-Italian")
    ("Al Qaeda-linked militants killed 40 soldiers, and Hezbollah-backed militias fled.", ["Al Qaeda", "Hezbollah"],
     []),
    # Arabic and Sahelian name particles
    ("Jama'at Nusrat al-Islam wal-Muslimin, known as JNIM, claimed responsibility for the attack.",
     ["Jama'at Nusrat al-Islam wal-Muslimin"], ["Muslimin"]),
    ("Mohamed ould Cheikh said the rebels would fight on. Iyad ag Ghaly said the war would go on.",
     ["Mohamed ould Cheikh", "Iyad ag Ghaly"], ["Cheikh", "Ghaly"]),
    ("Outgoing coach Rita Moreno said the squad was ready.", ["Rita Moreno"], ["Outgoing"]),
]


def test_the_city_of_the_dateline_named_again_is_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    from kg.text import clean_text, find_furniture

    text = ("Fees protest\n\nSANTIAGO, Chile (AP) - Tens of thousands of students marched through central Santiago "
            "on Wednesday to protest a planned increase in university fees.\n")
    article = Article("t", "t.txt", text, "0", furniture=tuple(find_furniture(text)))
    assert by_name(extract_entities(nlp(clean_text(article)), article), "Santiago").type == "Place"


def test_a_place_after_of_is_no_short_form_of_the_body_it_ends(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Thabo Nkosi, vice-chancellor of the University of Cape Town, said fees would rise. "
            "Police in Cape Town arrested 12 people.")
    ents = {e.name: e for e in entities(nlp, text)}
    assert ents["Cape Town"].type == "Place"
    assert "Cape Town" not in ents["University of Cape Town"].aliases


def test_a_place_with_its_own_office_is_no_short_form_of_a_body_named_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Georgia Power said 40,000 homes had no electricity. "
            "Georgia Governor Brian Kemp said crews were working overnight.")
    ents = {e.name: e for e in entities(nlp, text)}
    assert ents["Georgia"].type == "Place"
    assert "Georgia" not in ents["Georgia Power"].aliases
    text = "Norvane Technologies cut 300 jobs. Norvane said demand had fallen."  # a company's own short form stays
    assert "Norvane" in {e.name: e for e in entities(nlp, text)}["Norvane Technologies"].aliases


def test_a_party_in_parentheses_after_a_person_is_no_alias(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = {e.name: e for e in entities(nlp, "Diane Abbott (Labour) said the bill was unfair.")}
    assert "Labour" not in ents["Diane Abbott"].aliases


def test_a_body_is_no_short_form_of_a_longer_body_named_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The United Nations said aid was arriving. Simon Stiell, the executive secretary of the United Nations "
            "Framework Convention on Climate Change, said failure was not an option.")
    ents = {e.name: e for e in entities(nlp, text)}
    assert "United Nations" in ents
    assert "United Nations" not in ents["United Nations Framework Convention on Climate Change"].aliases


def test_a_name_the_model_missed_is_a_person_unless_it_stands_where_places_do(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = {e.name: e for e in entities(nlp, "Wopke Hoekstra won the vote on Sunday.")}
    assert ents["Wopke Hoekstra"].type == "Actor"
    assert not any(e.type == "Actor" for e in entities(nlp, "The Princes Highway remains closed."))
    assert not any(e.type == "Actor" for e in entities(nlp, "Wall Street rallied on Friday."))
    headline = "Stocks Slide As Fed Signals Higher Rates\n\nShares fell on Friday.\n"
    assert not any(e.type == "Actor" for e in entities(nlp, headline))


@pytest.mark.parametrize(("text", "wanted", "unwanted"), NAMES)
def test_names_and_titles(nlp, text: str, wanted: list[str], unwanted: list[str]) -> None:  # type: ignore[no-untyped-def]
    names = {e.name for e in entities(nlp, text)}
    assert set(wanted) <= names, names
    assert not set(unwanted) & names, names


SHORT_FORMS = [  # (text, full name, short form as written later)
    ("The tenants' chair, Bernadette Okonkwo, spoke first.\nMrs Okonkwo said the rise was unfair.\n",
     "Bernadette Okonkwo", "Okonkwo"),
    ("Former mayor Andrés Felipe Restrepo Vélez won the first round.\nRestrepo thanked his voters.\n",
     "Andrés Felipe Restrepo Vélez", "Restrepo"),  # the first of two surnames
    ("Chief Cabinet Secretary Matsuda Kenji met reporters.\nMatsuda said Japan had acted lawfully.\n",
     "Matsuda Kenji", "Matsuda"),  # family name first
    ("Rovers captain Paul Denning scored.\n\"We know what we are working for,\" Denning said.\n",
     "Paul Denning", "Denning"),  # a surname the model tagged as a verb
]


@pytest.mark.parametrize(("text", "name", "short"), SHORT_FORMS)
def test_short_forms_of_names_from_other_languages(nlp, text: str, name: str, short: str) -> None:  # type: ignore[no-untyped-def]
    ents = entities(nlp, text)
    person = by_name(ents, name)
    assert any(m.text.endswith(short) for m in person.mentions if m.start > text.index("\n"))
    assert not [e for e in ents if e.name in (short, f"Mrs {short}")]


def test_one_generic_institution_per_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Egypt's Foreign Ministry issued a statement on Monday.\n"
            "Jordan's Foreign Ministry said talks would resume.\n")
    ents = entities(nlp, text)
    egypt, jordan = by_name(ents, "Egypt's Foreign Ministry"), by_name(ents, "Jordan's Foreign Ministry")
    assert egypt.key != jordan.key and egypt.type == jordan.type == "Organization"
    # one country only: the country's institution all the same, and the article's bare mentions are it
    for text in ("Kenya's Ministry of Health said cases had risen. The Ministry of Health also said vaccines would "
                 "arrive.\n", "The Ministry of Health said cases rose. Kenya’s Ministry of Health later confirmed "
                 "two deaths.\n"):
        ents = [e for e in entities(nlp, text) if e.type == "Organization"]
        assert [(e.name, e.aliases) for e in ents] == [("Kenya's Ministry of Health", ("Ministry of Health",))]


def test_a_tie_of_weak_type_votes_goes_to_the_fullest_name() -> None:
    # the model tagged the surname an organization twice (a headline, "Banda won 38 percent") and a person twice
    from kg.extract.entities import WEAK, Cand, _entity, _Union

    members = []
    for start, text, etype in ((0, "Banda", "Organization"), (40, "Grace Banda", "Actor"),
                               (90, "Banda", "Organization"), (140, "Banda", "Actor")):
        c = Cand(start, start + len(text), text)
        c.vote(etype, WEAK)
        members.append(c)
    ent = _entity(members, {}, _Union(), 1)
    assert ent is not None and ent.type == "Actor" and ent.name == "Grace Banda"


def test_a_surname_known_as_a_person_joins_a_full_name_the_model_took_for_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Everton led through goals from Declan Fairweather and Ryan McAteer before half-time.\n"
            "Everton captain Fairweather said the dressing room was gutted.\n")
    ents = entities(nlp, text)
    full = by_name(ents, "Declan Fairweather")
    assert full.type == "Actor" and "Fairweather" in full.aliases


COURT_STORY = """Ex-lawmaker jailed for seven years over bribery scheme

NEW YORK, May 14 (Reuters) - A former New Jersey state senator was sentenced on Tuesday to seven years in prison for \
taking more than $500,000 in bribes from a developer, federal prosecutors said.

Raymond Delgado, 61, was convicted in February of conspiracy and honest services fraud after a three-week trial in \
Manhattan federal court.

U.S. District Judge Lorna Schofield said Delgado had "betrayed the public trust for personal gain." Prosecutors had \
asked for a sentence of at least 10 years.

Delgado's lawyer, Mark Fischer, said his client would appeal. "We believe the jury got it wrong," Fischer told \
reporters outside the courthouse. He added that Delgado had "spent his life serving his community."

According to court documents, the developer, who has pleaded guilty and is cooperating with prosecutors, paid \
Delgado through a shell company.
"""

MATCH_REPORT = """Real Madrid beat Dortmund to win 15th European Cup

LONDON, June 1 (AP) - Real Madrid won the Champions League for a record-extending 15th time on Saturday, beating \
Borussia Dortmund 2-0 at Wembley Stadium.

Madrid coach Carlo Ancelotti became the first manager to win the trophy five times.
"""


def test_an_age_makes_a_one_word_surname_a_person_who_joins_the_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Okoro-Mensah double sinks Rovers\n\nKwame Okoro-Mensah scored twice on Saturday as Hartfield beat Rovers "
            "2-1.\n\nOkoro-Mensah, 23, said the free kick was one he had practised all week.\n")
    player = by_name(entities(nlp, text), "Kwame Okoro-Mensah")
    assert player.type == "Actor" and "Okoro-Mensah" in player.aliases


@pytest.mark.parametrize(("story", "name", "etype"), [
    (COURT_STORY, "Raymond Delgado", "Actor"),  # "X, 61,": an age set off by commas after a full name
    (MATCH_REPORT, "Real Madrid", "Organization"),  # "Madrid coach X": the club's short name joins its full name
])
def test_types_in_whole_stories(nlp, tmp_path, story: str, name: str, etype: str) -> None:  # type: ignore[no-untyped-def]
    from kg.text import clean_text, read_article

    page = tmp_path / "story.txt"
    page.write_text(story, encoding="utf-8")
    article = read_article(page)
    ents = extract_entities(nlp(clean_text(article)), article)
    assert by_name(ents, name).type == etype


def test_shorter_forms_of_a_name_with_two_surnames_are_one_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Former President Hernán Castañeda Montoya was convicted on Friday. Castañeda Montoya wrote that he was "
            "innocent. \"Hernán Castañeda is our candidate,\" said Ana Ruiz. Castañeda, who governed from 2011, denied "
            "it. \"The evidence is abundant,\" said María Teresa del Águila Rengifo, the justice who presides over the "
            "chamber. Del Águila said the defence had had a fair hearing.")
    ents = entities(nlp, text)
    full = by_name(ents, "Hernán Castañeda Montoya")
    assert {"Castañeda Montoya", "Hernán Castañeda", "Castañeda"} <= set(full.aliases)
    assert "Del Águila" in by_name(ents, "María Teresa del Águila Rengifo").aliases
    assert not [e for e in ents if e.name in ("Castañeda", "Hernán Castañeda", "Del Águila")]


@pytest.mark.parametrize("text", [
    "Donald Trump Jr. said his father Donald Trump would win.",  # a generation apart
    "Ricardo Martinelli said his son Ricardo Alberto Martinelli Linares was innocent.",  # a relative
    "Former Prime Minister José Luis Rodríguez Zapatero said the deal was fair. A farmer, José Rodríguez, said it was "
    "not.",  # introduced as someone of their own
])
def test_a_shorter_name_introduced_as_someone_else_stays_apart(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    people = [e for e in entities(nlp, text) if e.type == "Actor"]
    assert len(people) == 2, [(e.name, e.aliases) for e in people]


def test_a_nationality_before_a_kind_noun_is_no_body(nlp) -> None:  # type: ignore[no-untyped-def]
    ents = entities(nlp, "The club sold its striker to English club Northgate City on Monday.")
    assert "English" not in [e.name for e in ents if e.type == "Organization"]


def test_a_relatives_own_short_form_still_joins_them(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Ricardo Martinelli" is the father, not a short form of his son's name; "Martinelli Linares" is the son's
    text = ("Ricardo Martinelli said his son Ricardo Alberto Martinelli Linares was innocent. Martinelli Linares said "
            "nothing, but Ricardo Martinelli added that the case was political.")
    ents = entities(nlp, text)
    assert by_name(ents, "Ricardo Alberto Martinelli Linares").aliases == ("Martinelli Linares",)
    assert by_name(ents, "Ricardo Martinelli").aliases == ()


def test_raw_page_text_with_its_furniture_extracts_without_error(nlp) -> None:  # type: ignore[no-untyped-def]
    # the library called on an article as read, its page furniture not blanked (kg build blanks it first): a
    # candidate of no words once reached the head-noun lookup and raised IndexError
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "eval" / "dev" / "11_agency_furniture.txt").read_text()
    assert entities(nlp, text)
