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
    # the leader of a party's parliamentary group, the head of a function at an institute: members
    ("René Fässler, the SFP's parliamentary group leader, said the budget was illegal.",
     ("René Fässler", "memberOf", "SFP")),
    ("Aylin Çelik, head of public finance at the Leipzig Institute for Fiscal Policy, said the fund was legal.",
     ("Aylin Çelik", "memberOf", "Leipzig Institute for Fiscal Policy")),
    ("Priya Venkataraman, who covers public-safety technology at Halvorsen Research, said the deal was weak.",
     ("Priya Venkataraman", "memberOf", "Halvorsen Research")),
    # a capitalised title after the kind noun of the one body of that kind named before ("Council President Y")
    ("Eastbrook City Council voted 7-2 for the inquiry. Council President Janelle Ortiz said the vote was historic.",
     ("Janelle Ortiz", "leaderOf", "Eastbrook City Council")),
    ("Eastbrook City Council voted 7-2. Councilman Derek Pham, one of two members who voted against the resolution, "
     "said it was rushed.", ("Derek Pham", "memberOf", "Eastbrook City Council")),
    # a body named before by a name whose head is the description's kind noun ("the ministry")
    ("The Ministry of Solid Minerals Development said the licences were void. Hauwa Bakori, a spokeswoman for the "
     "ministry, said the decision was final.",
     ("Hauwa Bakori", "spokespersonOf", "Ministry of Solid Minerals Development")),
    ("The Orvane Workers Union called a strike. Bongani Mahlangu, the general secretary who has led the union since "
     "2019, said talks had failed.", ("Bongani Mahlangu", "leaderOf", "Orvane Workers Union")),
    # a justice of the court the title names, though the article names two
    ("The Islamabad High Court (IHC) suspended the order. IHC Justice Tahira Kazmi issued notices to the commission. "
     "The Supreme Court will hear the appeal.", ("Tahira Kazmi", "memberOf", "Islamabad High Court")),
    # a seat title: a member of the one body of that kind the article names
    ("The Philippine Senate opened an inquiry. Senator Corazon Dimaculangan said the hearings would continue.",
     ("Corazon Dimaculangan", "memberOf", "Philippine Senate")),
    ("Leeds City Council approved the plan. Councillor Ann Ward said residents had been consulted.",
     ("Ann Ward", "memberOf", "Leeds City Council")),
    # a judge of the one court the article names; the chief justice leads it
    ("The Supreme Court heard the appeal on Monday. Justice Margaret Ellery asked whether the state had evidence.",
     ("Margaret Ellery", "memberOf", "Supreme Court")),
    ("“The scheme is unconstitutional,” Chief Justice Rohan Mehta said, reading the verdict of the Supreme Court.",
     ("Rohan Mehta", "leaderOf", "Supreme Court")),
    # the person apposed to "the court's president" after their own titles
    ("The Superior Electoral Court suspended the rule. The court's president, Justice Carmen Valadares, said the "
     "decision was final.", ("Carmen Valadares", "leaderOf", "Superior Electoral Court")),
    ("Shares of Halden Foods fell. The company's finance chief, Dr. Ines Auer, said costs had risen.",
     ("Ines Auer", "memberOf", "Halden Foods")),
    ("Tom Hale, a lawyer at the Brennan Center for Justice, said the case was strong.",
     ("Tom Hale", "memberOf", "Brennan Center for Justice")),
    # a portfolio between a country's adjective and a state office ("French Interior Minister X")
    ("French Interior Minister Gérald Darmanin said police would be deployed.",
     ("Gérald Darmanin", "memberOf", "France")),
    ("Police Scotland said 40 roads were closed. Scotland's First Minister Fiona Gallacher visited Oban.",
     ("Fiona Gallacher", "leaderOf", "Scotland")),
    ("McLaren team principal Andrea Stella said the car was fast.", ("Andrea Stella", "leaderOf", "McLaren")),
    # "Party chairman X" opening a sentence: the party the article names, not a body called "Party"
    ("The Brazilian Democratic Movement (MDB) has not endorsed anyone. Party chairman Lucio Amaral said the MDB "
     "would decide later.", ("Lucio Amaral", "leaderOf", "Brazilian Democratic Movement")),
    # a region's governor leads the region
    ("“Rescuers are still working,” Kharkiv regional governor Ihor Tkachenko said.",
     ("Ihor Tkachenko", "leaderOf", "Kharkiv")),
    # a team's coach is one of its staff (its chairman or president heads it); a playing position is one of its
    # players
    ("After the match, Wallabies coach Mark Delaney said the side had improved.",
     ("Mark Delaney", "memberOf", "Wallabies")),
    ("After the match, Leinster flanker Caelan Doris said the side had improved.",
     ("Caelan Doris", "memberOf", "Leinster")),
    # a person noun kg does not list as a title, "at" or "with" a body: one of its people
    ("Mike Flannigan, a wildfire expert at Thompson Rivers University, said the season was severe.",
     ("Mike Flannigan", "memberOf", "Thompson Rivers University")),
    ("Karen Lee, a neurologist at Johns Hopkins University, said the results were promising.",
     ("Karen Lee", "memberOf", "Johns Hopkins University")),
    ("Maria Lopez, a member of the Green Alliance, voted against the budget.",
     ("Maria Lopez", "memberOf", "Green Alliance")),
    ("Liberal Party lawmaker Tom Hughes said the vote was rigged.", ("Tom Hughes", "memberOf", "Liberal Party")),
    ("Chief FIFA spokesman Bryan Swanson declined to comment.", ("Bryan Swanson", "spokespersonOf", "FIFA")),
    ("Kenji Sato, spokesman for the Tokyo Electric Power Company, apologised.",
     ("Kenji Sato", "spokespersonOf", "Tokyo Electric Power Company")),
    # "who heads the X's negotiating team": a part of X, so one of X's people
    ("Pablo Beltran, who heads the ELN's negotiating team, accused the government of lying.",
     ("Pablo Beltran", "memberOf", "ELN")),
    ("Sara Lind, who leads Volvo's electric car unit, said sales had doubled.", ("Sara Lind", "memberOf", "Volvo")),
    # "led by" with the leader's titles, after the body's acronym in parentheses
    ("The Sudanese Armed Forces (SAF), led by army chief General Abdelmoneim al-Karrar, have been at war since April.",
     ("Abdelmoneim al-Karrar", "leaderOf", "Sudanese Armed Forces")),
    ("Norvane Technologies, led by chief executive Laura Pinto, reported a loss.",
     ("Laura Pinto", "leaderOf", "Norvane Technologies")),
    # "of the right-wing X party": the party itself
    ("Senator María Camila Restrepo of the right-wing Democratic Center party said the talks had failed.",
     ("María Camila Restrepo", "memberOf", "Democratic Center")),
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
     ("Tamer Abdel-Ghani", "spokespersonOf", "Egypt's Foreign Ministry")),
    ("Senator Mark Reyes, who chairs the Senate Transport Committee, criticised the airline.",
     ("Mark Reyes", "leaderOf", "Senate Transport Committee")),
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
    ("The Nigerian Bar Association urged the Senate to reject the bill. Its national president, Yakubu Maikyau, "
     "said the law was unconstitutional.", ("Yakubu Maikyau", "leaderOf", "Nigerian Bar Association")),
    ("Meridian Freight, a logistics company, cut 300 jobs. Its legal director, Hannah Moss, said the cuts were lawful.",
     ("Hannah Moss", "memberOf", "Meridian Freight")),  # a director of one function is no leader
    # an organization the phrase names only by its kind ("the union", "the group", "a company")
    ("Speaking at the annual congress of the Federation of Retail Workers in Leeds, the union's general secretary, "
     "Maria Kent, said pay had stalled.", ("Maria Kent", "leaderOf", "Federation of Retail Workers")),
    ("Greenway Watch, a civic group, said the count was flawed.\n\n\"We saw serious problems,\" said Daniel Obi, "
     "the group's executive director.", ("Daniel Obi", "leaderOf", "Greenway Watch")),
    ("About 80 workers from Brightwell Foods gathered to hear from the company's managing director.\n\n"
     "Managing director Alan Reid told them the plant would close.", ("Alan Reid", "leaderOf", "Brightwell Foods")),
    ("Shares of Castlebrook Holdings fell 8%. A company spokesman, Peter Hale, declined to comment.",
     ("Peter Hale", "spokespersonOf", "Castlebrook Holdings")),
    # a company office with no company written before it: the one company of the article
    ("Shares of chipmaker Veltrix Semiconductors fell 9%. Chief Financial Officer Nora Baines said demand was weak.",
     ("Nora Baines", "memberOf", "Veltrix Semiconductors")),
    ("Shares of chipmaker Veltrix Semiconductors fell 9%. Chief Executive Officer Omar Haddad said demand was weak.",
     ("Omar Haddad", "leaderOf", "Veltrix Semiconductors")),
    # a role stated by a verb, a party written with its description
    ("Lucía Herrera, of the centre-left Democratic Renewal Party, took 40% of the vote.",
     ("Lucía Herrera", "memberOf", "Democratic Renewal Party")),
    ("Maria Lopez, who is the chief executive of Acme Holdings, said profits rose.",
     ("Maria Lopez", "leaderOf", "Acme Holdings")),
    ("Tom Baker is a member of the Green Party.", ("Tom Baker", "memberOf", "Green Party")),
    ("Marta Ruiz, who was elected president of the Spanish Football Federation in May, resigned.",
     ("Marta Ruiz", "leaderOf", "Spanish Football Federation")),
    ("The Green Party, which is led by Anna Berg, won nine seats.", ("Anna Berg", "leaderOf", "Green Party")),
    ("Pedro Alves, who runs the Lisbon Tenants Union, said rents rose.",
     ("Pedro Alves", "leaderOf", "Lisbon Tenants Union")),
    ("\"We accept the verdict,\" said Anders Holm Berg of the Centre Alliance.",
     ("Anders Holm Berg", "memberOf", "Centre Alliance")),  # a name the model missed, as the speaker
    # "its": the organization the sentence before is about, found by its parse: the subject's own name, a
    # name apposed to it, or one after a Place that owns it
    ("The city's ally, the Harbour Fishers Association, won nine seats. Its president, Dilip Rao, said the "
     "alliance would announce its list.", ("Dilip Rao", "leaderOf", "Harbour Fishers Association")),
    ("The Alliance of Warehouse Workers, which has been trying to organize contract staff, called the cuts a "
     "betrayal. Its organizing director, Luis Moreno, said the group would hold a rally on Friday.",
     ("Luis Moreno", "memberOf", "Alliance of Warehouse Workers")),
    ("Kenya's Ministry of Health said in a statement that cases were falling. Its spokesman, Peter Otieno, "
     "later told reporters that supplies were short.",
     ("Peter Otieno", "spokespersonOf", "Kenya's Ministry of Health")),
    # a kind noun opening the sentence ("Company spokeswoman X"): the one organization of that kind
    ("Shares of Norvane Technologies fell on Tuesday after the chipmaker cut its forecast. Company spokeswoman "
     "Rachel Mbeki said most of the affected roles were in sales.",
     ("Rachel Mbeki", "spokespersonOf", "Norvane Technologies")),
    ("The Transport Workers Federation, the largest union in the sector, called a strike on Monday. Union "
     "spokesman Markus Lind said the walkout was a warning shot.",
     ("Markus Lind", "spokespersonOf", "Transport Workers Federation")),
    # a name of two words after "<person> of" is where the person works, whatever the model tagged it
    ("Tom Reilly of Ember Insights was more skeptical.", ("Tom Reilly", "memberOf", "Ember Insights")),
    # the head of one function ("finance chief", "legal director") is one of the body's people
    ("Tesla's finance chief, Vaibhav Taneja, said spending would exceed $10 billion this year.",
     ("Vaibhav Taneja", "memberOf", "Tesla")),
    ("Acme Corp's legal director, Jane Roe, said the company would appeal.", ("Jane Roe", "memberOf", "Acme Corp")),
    # ... but a word before the title that is no part of a body leaves the leader a leader
    ("Greenpeace's new director, Mads Christensen, said the campaign would go on.",
     ("Mads Christensen", "leaderOf", "Greenpeace")),
    # the head of a part of a body ("its regional director") is one of its people
    ("Amnesty International's regional director, Tigere Chagutah, said the detention was unlawful.",
     ("Tigere Chagutah", "memberOf", "Amnesty International")),
    # "who heads the UN agency UNAIDS": the body named after its description
    ("His wife, Winnie Byanyima, who heads the UN agency UNAIDS, said the family was relieved.",
     ("Winnie Byanyima", "leaderOf", "UNAIDS")),
    # the head of a body's chapter is one of the body's people, not the head of anything named
    ("Renee Albright, president of the Pacific Crest chapter of the Air Line Pilots Association, testified that "
     "crews had warned management.", ("Renee Albright", "memberOf", "Air Line Pilots Association")),
    # the legislature named by its noun alone
    ("The motion passed with 101 votes. Congress President Alejandro Soto said the vote reflected the will of the "
     "people.", ("Alejandro Soto", "leaderOf", "Congress")),
    # "of Y's Z": the possessed body holds the role; "Y's director of <a function>" is one of Y's people
    ("\"These are the best results we have seen,\" said Adrian Hill, director of Oxford's Jenner Institute, who "
     "led the research.", ("Adrian Hill", "leaderOf", "Jenner Institute")),
    ("Dr. Kate Brennan, the WHO's director of immunization, told Reuters the results were encouraging.",
     ("Kate Brennan", "memberOf", "WHO")),
    # a possessive opening the sentence names the title's organization ("Y's title, X,")
    ("Rival Oberon Devices, which has been buying up chip designers, said it was disappointed. Oberon's chief "
     "financial officer, Ken Watanabe, wrote on LinkedIn that the offer was generous.",
     ("Ken Watanabe", "memberOf", "Oberon Devices")),
    # a country's or bloc's acronym inside a title; a nationality before a kind noun; a region as a title's scope
    ("Sanjay Mehta, chief UK economist at Ravel Bank, said markets had been too eager.",
     ("Sanjay Mehta", "memberOf", "Ravel Bank")),
    ("Spotify, which had complained in 2019, welcomed the ruling. The Swedish company's chief executive, Daniel Ek, "
     "said it was fair.",
     ("Daniel Ek", "leaderOf", "Spotify")),
    ("The UNICEF's regional director for Asia, Keiko Tanabe, urged donors to act.",
     ("Keiko Tanabe", "memberOf", "UNICEF")),
    # the holder written possessive at the start of the sentence: "X's foreign ministry spokesman, Y,"
    ("Qatar's foreign ministry spokesman, Majed al-Ansari, said negotiations were continuing.",
     ("Majed al-Ansari", "spokespersonOf", "Qatari foreign ministry")),
    # the head of an unnamed part of a body ("Boeing's commercial airplanes unit") is one of its members
    ("Stan Deal, the head of Boeing's commercial airplanes unit, is leaving the company.",
     ("Stan Deal", "memberOf", "Boeing")),
    # "An analyst at X, Y," (one of several: "A director at X, Y," is no leader)
    ("Shares fell 2.1% in Paris. An analyst at Bernstein, Douglas Harned, said the guidance was cautious.",
     ("Douglas Harned", "memberOf", "Bernstein")),
    ("A director at Orbital Freight, Maria Keller, said the guidance was cautious.",
     ("Maria Keller", "memberOf", "Orbital Freight")),
    # "the union" after several unions: the one named in this sentence or the one before
    ("The Transport Workers Union said its members would walk out. Later the Seaport Staff Federation, the largest "
     "union at the docks, said talks had failed. The union's general secretary, Peter Mwangi, told reporters the "
     "offer was an insult.", ("Peter Mwangi", "leaderOf", "Seaport Staff Federation")),
    ("The Rail Crew Guild of Ontario called off the stoppage. Meanwhile the RCA train conductors' union announced a "
     "walkout at Northline Rail. Union spokeswoman Alice Bedard said the strike would last two days.",
     ("Alice Bedard", "spokespersonOf", "RCA")),
    # a leader by a verb in the present or present perfect, after a description or of a body named by its kind
    ("Senator Joan Whitacre, the Ohio Republican who chairs the Senate Banking Committee, questioned the bankers.",
     ("Joan Whitacre", "leaderOf", "Senate Banking Committee")),
    ("Marta Ruiz, the veteran judge who heads the Supreme Electoral Tribunal, rejected the appeal.",
     ("Marta Ruiz", "leaderOf", "Supreme Electoral Tribunal")),
    ("Orion Airlines was fined on Monday. Paul Ng, who has run the Texas-based airline since 2018, said the fine "
     "was unfair.", ("Paul Ng", "leaderOf", "Orion Airlines")),
    # the possessor before the title holds it, whatever qualifies the title
    ("Claudia Sheinbaum was elected Mexico's first female president on Sunday.",
     ("Claudia Sheinbaum", "leaderOf", "Mexico")),
    # a company's chief lawyer
    ("Shares of Orvane Motors Inc. fell. The company's general counsel, Brandon Ehrhart, has said the pay was fair.",
     ("Brandon Ehrhart", "memberOf", "Orvane Motors Inc.")),
    # the head of one of a body's functions is a member
    ("Valmont Bank’s head of compliance, Rita Sousa, said the review was complete.",
     ("Rita Sousa", "memberOf", "Valmont Bank")),
    ("Maria Chen, a spokeswoman for the family who runs the Adani Group, declined to comment.",
     ("Maria Chen", "spokespersonOf", "Adani Group")),  # (the clause is about the family)
    ("Gavin Holt of Redline Analytics was more skeptical about the deal.",
     ("Gavin Holt", "memberOf", "Redline Analytics")),
    # a minister by portfolio leads the article's one ministry of that portfolio
    ("Malawi's health ministry said 87 people had died in Malawi. Health Minister Grace Chimombo said the situation "
     "was under control.", ("Grace Chimombo", "leaderOf", "Malawian health ministry")),
    ("Japan's foreign ministry said the talks were frank. Japanese Foreign Minister Yoko Kamikawa said they were "
     "useful.", ("Yoko Kamikawa", "leaderOf", "Japanese foreign ministry")),
    ("Deputy Health Minister Ana Ruiz said the Ministry of Health would act.",
     ("Ana Ruiz", "memberOf", "Ministry of Health")),
    ("The Ministry of Economy and Finance said growth slowed. Economy and Finance Minister Patricia Solórzano said the "
     "budget was sound.", ("Patricia Solórzano", "leaderOf", "Ministry of Economy and Finance")),
    # "Its president, Sgt. X": an abbreviated rank between the title and the name
    ("The Phoenix Police Protective League criticized the report. Its president, Sgt. Brian Keough, said officers "
     "were scapegoated.", ("Brian Keough", "leaderOf", "Phoenix Police Protective League")),
    # a title "for the company": the company named before
    ("Minera Cumbre Azul said it regretted the deaths. \"We reject all violence,\" Lucía Fernández, a spokeswoman for "
     "the company, said in Lima.", ("Lucía Fernández", "spokespersonOf", "Minera Cumbre Azul")),
    # a title written before the name says what "X of Y" is: a chief leads the nation, a mayor the town, a
    # chief minister of a party is one of its members (a state office is held in a place)
    ("Chief Ernest Matoush of the Cree Nation said the road north of the town was closed.",
     ("Ernest Matoush", "leaderOf", "Cree Nation")),
    ("Mayor Jane Doe of Springfield said the bridge would reopen on Friday.", ("Jane Doe", "leaderOf", "Springfield")),
    ("Outgoing Chief Minister Ramesh Sinha of the Rashtriya Congress Party said the vote was fair.",
     ("Ramesh Sinha", "memberOf", "Rashtriya Congress Party")),
    # a minister or the government's spokesperson in an article that names one country: that country's
    ("SIMAV, Turkey (Reuters) - Rescuers searched the rubble on Tuesday. Health Minister Selim Ertuğrul said 14 "
     "people were in hospital.", ("Selim Ertuğrul", "memberOf", "Turkey")),
    ("BERLIN (Reuters) - Germany's coalition argued over the budget. Government spokesman Henrik Sommerfeld said "
     "talks would go on.", ("Henrik Sommerfeld", "spokespersonOf", "Germany")),
    # an honorific between the title and the name
    ("The ADR's national chairman, Alhaji Sani Garba Mohammed, said the party would appeal.",
     ("Sani Garba Mohammed", "leaderOf", "ADR")),
    # a title read to its last role word ("chief financial officer", not "chief")
    ("Shinwa Heavy Industries said profit rose. The company's chief financial officer, Takeshi Iwamura, said costs "
     "fell.", ("Takeshi Iwamura", "memberOf", "Shinwa Heavy Industries")),
    # a place that only qualifies the body: "-based", or a kind noun before its name
    ("Felicity Tan, a senior fellow at the Singapore-based Asia-Pacific Maritime Policy Centre, said talks stalled.",
     ("Felicity Tan", "memberOf", "Asia-Pacific Maritime Policy Centre")),
    # a province's office named after it makes the province no short form of a company named after it
    ("A Hydro-Québec spokesperson said power had been cut. Quebec's public security minister, François "
     "Gendron-Lavoie, said the town was safe.", ("François Gendron-Lavoie", "memberOf", "Quebec")),
    # organizations inside organizations
    ("Shares in Instagram, a subsidiary of Meta, rose on Monday.", ("Instagram", "partOf", "Meta")),
    ("On Tuesday, DeepMind, part of Google, released a new model.", ("DeepMind", "partOf", "Google")),
]


@pytest.mark.parametrize(("text", "expected"), ROLES)
def test_roles(nlp, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in roles(nlp, text)


NO_ROLE = [  # a link the text does not state
    # a company's secretary is no state office, dateline or not
    "DUBLIN (Reuters) - Ireland's economy grew. Company Secretary Jane Doe said the accounts were filed.",
    # a former office; a clause after the place is no body it qualifies
    "Former Mayor Jane Doe of Springfield said the road was closed.",
    "Jane Doe, governor of Texas when Enron Corp collapsed, said the rules were weak.",
    # two countries named: whose minister "Foreign Minister X" is, the text does not say
    "Peru and Chile signed a deal in Lima. Foreign Minister Tom Lee said the talks went well.",
    # a place followed by another link ("in Dhaka for the IFRC") qualifies no body after it
    "Ana Cruz, head of delegation in Dhaka for the Red Cross, said the early warnings had worked.",
    # no ministry of that portfolio named; a critic of the company is none of its people
    "The Interior Ministry said two officers were hurt. Health Minister Grace Chimombo said the situation was calm.",
    "Vela Foods cut jobs. Ann Lee, a critic of the company, said it was greedy.",
    # another country's ministry
    "Foreign Minister Wang Yi met his counterpart in Tokyo. Japan's foreign ministry said the talks were frank.",
    # a spokeswoman "for the bank" with no bank named as one
    "Barclays sold its US card unit to Capital One. Emma Reed, a spokeswoman for the bank, declined to comment.",
    # a judge is not a justice of the one court named (lower courts, television, boxing); nor another country's
    "The Supreme Court heard arguments on Tuesday. Judge Aileen Cannon, a federal district judge, had dismissed the "
    "case.",
    "Simon Cowell returned to the show. Judge Amanda Holden said the acts were the best. The Court of Appeal had "
    "cleared the show last year.",
    "The Pakistan Supreme Court adjourned the hearing. Indian Chief Justice D.Y. Chandrachud said courts must be "
    "independent.",
    # two courts: which one a justice sits on is not said; a former justice holds no seat
    "The High Court and the Court of Appeal disagreed. Justice Amos Kiprono said the law was clear.",
    "The Supreme Court ruled on Monday. Former Justice Ellen Hart said the ruling was overdue.",
    "Ana Ruiz of the Labour party branch in Leeds said the vote was close.",  # a branch of the party, named by it
    "The Unity Front, led by thousands of students, marched on parliament.",  # not a title before the name
    # a headline's last word is no holder of the title that opens the story
    "Diallo claims victory in Senoral presidential runoff\n\nOpposition candidate Amadou Diallo declared victory.",
    "Paula Kent, a regular visitor of the Tate Modern, praised the show.",  # "of": a critic, a resident, a visitor
    "Maria Lopez, a patient at St Aldhelm's Hospital, said the wait was too long.",  # a customer, not staff
    "Tom Reed, a passenger with Ryanair, said the flight was delayed.",
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
    "Maria Lopez, a party veteran, said the vote was close.",  # a description of a person, no party named
    "The Senate passed the bill, and the party's leader, Mitch Brown, welcomed it.",  # the Senate is no party
    "Tom Baker is a former member of the Green Party.",
    # two companies: the office names neither
    "Acme Holdings agreed to buy Bolt Industries. Chief Executive Officer Jane Roe said the deal made sense.",
    "Hartfield Rovers beat Exeter City 2-1. Chief Executive Officer Tim Lewis praised the fans.",  # clubs, no company
    # a day before a title is no holder, and "former" still states no current role
    "A federal court in Curitiba on Wednesday convicted former senator Paulo Reis of corruption.",
    # "Government spokesman X": the government is the country's, named by its noun; no organization "Government"
    "The ruling drew protests. Government spokesman Chris Baryomunsi said the courts were independent.",
    # a region is where one directs, not whom
    "The regional director for Africa, Keiko Tanabe, urged donors to act.",
    # a sport's leader "at" a tournament holds no office
    "The overnight leader at the Masters Tournament, Scottie Scheffler, birdied the first hole.",
    # a leader in the past ("who led"), and a body the article does not name
    "Marta Lindqvist, who led Volvant Motors until 2020, said demand was weak.",
    "Rita Sousa, who heads a charity in Porto, said donations had fallen.",
    # a "who heads/runs" clause about someone else, a part of a body, a sport's standings (review of the rule)
    "Tom Baker, a former aide to the senator who chairs the Senate Intelligence Committee, was indicted.",
    "Lena Fischer, the daughter of the businessman who runs Siemens Energy, was arrested.",
    "Stanford University said the trial was halted. Dr. Helen Park, who chairs the university's ethics committee, "
    "said more tests were needed.",
    "The NTSB opened an inquiry. Michael Graham, who has led the agency's investigation, said the pilots were warned.",
    "Plans for 450 homes near Thornbury were approved by South Gloucestershire Council. Councillor Helen Price, who "
    "chairs the planning committee, said the scheme was needed.",  # a committee of the council, unnamed
    "Sara Quinn, a teacher who runs the Dublin Teachers Union branch in Cork, said pay was too low.",
    "Max Verstappen, the Dutchman who leads the Formula One championship, won again.",
    "Boston Celtics, the team who leads the Eastern Conference, won again.",
    # ... nor a senator of another body named in the person's sentence, nor a councillor of an international council
    "The Philippine Senate opened an inquiry on Monday. In Washington, Senator Marco Rubio said the killings were "
    "alarming.",
    "The UN Security Council met on Monday. Councillor Ann Ward, who represents the worst-hit ward in Leeds, said help "
    "was needed.",
    # ... not of another body named after the person, nor a minister of a "union" government, nor one of two clubs
    "The Bharatiya Kisan Union blocked highways in Punjab. Union Minister Nitin Gadkari said talks would continue.",
    "Arsenal beat Chelsea 2-0 on Sunday. Club Captain Martin Odegaard scored twice.",
    # "who works closely with" a body is no member of it
    "Sam Altman, who works closely with Microsoft, said the deal was good.",
    # "who has led" a league's standings is no post
    "Tyrese Haliburton, the Pacers guard who has led the NBA in assists this season, said he was tired.",
    # a seat title of another country's body, or of a body of that kind when the article names two
    "The Philippine Senate opened an inquiry. US Senator Ted Cruz said the hearings would continue.",
    "The Senate and the Senate of Canada debated the treaty. Senator Tom Reyes criticised it.",
    "Jonas Vingegaard, the Dane who has led the race since stage 3, said he was tired.",
    "The Conservative Party lost 200 seats. The Labour Party gained Bolton. The party's chairman, Richard Fuller, "
    "said the results were disappointing.",
    "Verdi, the services union, called a strike at Lufthansa. Lufthansa pilots union members voted to join. Union "
    "spokesman Matthias Baier said flights would be cancelled.",
    # how long one held a title is no function
    "Ford's chief executive for eight years, Alan Mulally, said the turnaround took time.",
    # a minister "for" a portfolio of a country: no membership of the country read from it
    "Kenya's minister for health, Susan Nakhumicha, said the outbreak was under control.",
    # two unions before "Union spokesman": the kind names neither
    "The Rail Workers Union and the Drivers Union called a strike, the first by either union in a decade. Union "
    "spokesman Markus Lind said it would last.",
]


@pytest.mark.parametrize("text", NO_ROLE)
def test_no_role(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert roles(nlp, text) == set()


def test_a_minister_with_no_country_written_is_no_other_countrys(nlp) -> None:  # type: ignore[no-untyped-def]
    # no dateline from the one country named: whose Treasury Secretary, the text does not say
    text = "Treasury Secretary Scott Bessent met Chinese Vice Premier He Lifeng in Geneva on Monday."
    assert roles(nlp, text) == {("He Lifeng", "memberOf", "China")}


def test_a_minister_of_a_country_is_no_member_of_anothers_ministry(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Health Minister Susan Nakhumicha of Kenya met officials of Uganda's health ministry in Kampala."
    assert roles(nlp, text) == {("Susan Nakhumicha", "memberOf", "Kenya")}


def test_spokesman_description_bound_to_the_next_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("The union will strike next week, the spokesman for the executive board of the Transport Workers "
            "Union has warned.\nJames Carter told the BBC that the talks had failed.\n")
    assert ("James Carter", "spokespersonOf", "Transport Workers Union") in roles(nlp, text)


def test_a_name_before_a_title_is_no_kind_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Congress" names its party here; it is not "the congress" of the organization the sentence before names
    text = ("The ruling Bharatiya Janata Party said it respected the decision. "
            "Congress leader Jairam Ramesh called the verdict a setback.")
    assert not [r for r in roles(nlp, text) if r[0] == "Jairam Ramesh" and r[2] == "Bharatiya Janata Party"]


def test_a_kind_title_is_no_role_in_a_body_described_as_another_kind(nlp) -> None:  # type: ignore[no-untyped-def]
    """"Party chairman X" after "Quaest, a polling firm": the one body named before is no party."""
    found = roles(nlp, "“The race is tied,” said Felipe Nunes Carvalho, director of Quaest, a polling firm. "
                       "Party chairman Lucio Amaral said the party would win.")
    assert found == {("Felipe Nunes Carvalho", "leaderOf", "Quaest")}
    # (the umbrella nouns fit any body: "the group's" after "Quaest, a polling firm" is Quaest)
    found = roles(nlp, "Quaest, a polling firm, published its survey. The group's director, Ana Reis, said the race "
                       "was tied.")
    assert ("Ana Reis", "leaderOf", "Quaest") in found


def test_a_part_of_a_body_is_no_other_kind_and_a_club_word_opens_a_role(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(nlp, "Sinn Fein, the former political wing of the IRA, won the most seats. Party leader Mary Lou "
                       "McDonald said it was a historic day.")
    assert not any(org == "IRA" for _, _, org in found)
    found = roles(nlp, "West Bromwich Albion beat Stoke 2-0 on Saturday. Albion head coach Tony Mowbray said the "
                       "players were outstanding.")
    assert ("Tony Mowbray", "memberOf", "West Bromwich Albion") in found


def test_a_councillor_of_another_place_sits_on_no_council_the_article_names(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("Leeds City Council approved the incinerator on Tuesday. Councillor Ann Ward, of neighbouring Kirklees, "
            "said her residents had not been consulted.")
    assert ("Ann Ward", "memberOf", "Leeds City Council") not in roles(nlp, text)


def test_a_titled_person_of_another_body_leads_not_the_one_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Oakland City Council voted 5-3 on Tuesday. Council President Nikki Bas of Berkeley criticised the vote."
    assert not any(org == "Oakland City Council" for _, _, org in roles(nlp, text))
