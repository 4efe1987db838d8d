"""Deterministic synthetic news corpora for the kg benchmark.

Every article is generated from its own seeded ``random.Random`` (seed, index), so article 17 is the
same in a 200-article corpus and in a 10k one, on every machine. Articles recombine ~20 sentence
patterns of news prose — direct quotes closed by "he said", reported speech ("X told Y that ..."),
appositions ("X, spokesman of the Y,"), events ("the US strike on Z on January 3, 2020"), background
and narrative sentences — with names, organizations, places, media and dates substituted. Most
people and many organizations are drawn fresh from combinatorial pools (tens of thousands of names),
so the number of entities grows with the corpus; a few dozen recurring public figures and
institutions link articles to each other as real news does.

While writing the text the generator records what it wrote (entity mentions, statements with their
speakers, roles, events and times, with character offsets): :mod:`bench.graphs` turns these
annotations into kg records, so synthetic graphs have exactly the shape that ``kg.mapping`` emits.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

GENERATOR_VERSION = "1"

# -- pools -------------------------------------------------------------------------------------------
FIRST_M = """Ali Hassan Hussein Mohammed Ahmed Mahmoud Karim Qassim Hadi Adel Haidar Jafar Mustafa Abbas Falih
Nouri Salim Rasool Majid Jalal Kamal Omar Yousef Ibrahim Tariq Bashir Hamid Reza Mehdi Saeed Javad Hossein Amir
Dariush Kaveh Farhad Nasser Walid Ziad Samir Fouad Rami Nabil Khaled Imad Bassam John Michael David Robert James
Mark Peter Thomas Richard Daniel Paul Stephen Andrew Brian Kevin Jonathan Eric Matthew Steven Patrick Sergei
Dmitry Mikhail Recep Mevlut Ismail Yahya Osama Ayman Marwan""".split()
FIRST_F = """Fatima Zainab Maryam Layla Huda Nadia Samira Rana Dalia Amal Leila Shirin Nasrin Parisa Sara Mina
Jennifer Linda Susan Karen Nancy Emily Rachel Laura Helen Anna Maria Olga Elena Hanan Rania Lina Noor""".split()
LAST = """al-Rubaie al-Fatlawi al-Araji al-Amiri al-Maliki al-Jubouri al-Obeidi al-Khafaji al-Saadi al-Zubaidi
al-Hakim al-Sadr al-Asadi al-Tamimi al-Shammari al-Dulaimi al-Janabi al-Mashhadani al-Moussawi al-Hashimi al-Najafi
al-Karbalai al-Basri al-Kaabi al-Sudani al-Ghanimi al-Lami al-Bayati al-Kubaisi al-Rawi al-Samarrai al-Tikriti
al-Anbari al-Mutlaq al-Issawi al-Hamdani al-Dabbagh al-Nuaimi al-Azzawi al-Qaisi al-Bahadli al-Fayadh al-Hilali
al-Kinani al-Sharifi al-Waeli al-Rikabi al-Khazraji al-Attiyah al-Husseini Khazali Aliwi Zebari Barzani Talabani
Othman Mahdi Hamoudi Sharif Karimi Rahimi Mousavi Hosseini Ahmadi Jafari Rezaei Sadeghi Moradi Mohammadi Bagheri
Shamkhani Velayati Larijani Ghalibaf Zarif Araghchi Salami Ghaani Rostami Tehrani Esfahani Shirazi Tabrizi Nouri
Haddad Khoury Nasrallah Fadlallah Raad Berri Mikati Salam Aoun Frangieh Geagea Jumblatt Hariri Qassem Safieddine
Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson Thompson White
Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell
Roberts Carter Phillips Evans Turner Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Peterson
Cooper Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray Hughes Price Sanders
Petrov Ivanov Smirnov Volkov Kuznetsov Sokolov Lavrov Peskov Zakharova Erdogan Cavusoglu Fidan Kalin Akar Yilmaz
Demir Celik Sahin Ozturk Aydin Arslan Dogan Kilic""".split()
ARABIC_MIDDLE = "Abdul Jabbar Kadhim Salman Karim Hamza Hadi Jassim Khalil Ridha".split()

CELEBS = [  # (name, short, gender, title, organization key)
    ("John Kirby", "Kirby", "m", "spokesman", "pentagon"),
    ("Qassem Soleimani", "Soleimani", "m", "commander", "quds"),
    ("Abu Mahdi al-Muhandis", "Muhandis", "m", "deputy head", "pmu"),
    ("Mustafa al-Kadhimi", "Kadhimi", "m", "prime minister", "iraqgov"),
    ("Ali Khamenei", "Khamenei", "m", "leader", "iran"),
    ("Hassan Nasrallah", "Nasrallah", "m", "secretary general", "hezbollah"),
    ("Antony Blinken", "Blinken", "m", "secretary", "statedept"),
    ("Lloyd Austin", "Austin", "m", "secretary", "pentagon"),
    ("Hossein Amir-Abdollahian", "Amir-Abdollahian", "m", "foreign minister", "iran"),
    ("Qais Khazali", "Khazali", "m", "secretary general", "aahh"),
    ("Hadi al-Amiri", "Amiri", "m", "leader", "fatah"),
    ("Mohammed Shia al-Sudani", "Sudani", "m", "prime minister", "iraqgov"),
    ("Ned Price", "Price", "m", "spokesman", "statedept"),
    ("Nasser Kanaani", "Kanaani", "m", "spokesman", "iranfm"),
    ("Ebrahim Raisi", "Raisi", "m", "president", "iran"),
    ("Moqtada al-Sadr", "Sadr", "m", "leader", "sadrist"),
    ("Antonio Guterres", "Guterres", "m", "secretary general", "un"),
    ("Jens Stoltenberg", "Stoltenberg", "m", "secretary general", "nato"),
    ("Yahya Rasool", "Rasool", "m", "spokesman", "iraqarmy"),
    ("Kataib Hezbollah spokesman Abu Ali al-Askari", "Askari", "m", "spokesman", "kh"),
    ("Jeanine Hennis-Plasschaert", "Hennis-Plasschaert", "f", "envoy", "un"),
    ("Maria Zakharova", "Zakharova", "f", "spokeswoman", "russiafm"),
]
INSTITUTIONS = {  # key: (name, short form or "", type)
    "pentagon": ("Pentagon", "", "Organization"),
    "quds": ("Quds Force", "", "Organization"),
    "pmu": ("Popular Mobilization Units", "PMU", "Organization"),
    "iraqgov": ("Iraqi government", "", "Organization"),
    "iran": ("Iran", "", "Place"),
    "hezbollah": ("Hezbollah", "", "Organization"),
    "statedept": ("State Department", "", "Organization"),
    "aahh": ("Asa'ib Ahl al-Haq", "", "Organization"),
    "fatah": ("Fatah Alliance", "", "Organization"),
    "iranfm": ("Iranian Foreign Ministry", "", "Organization"),
    "sadrist": ("Sadrist Movement", "", "Organization"),
    "un": ("United Nations", "UN", "Organization"),
    "nato": ("North Atlantic Treaty Organization", "NATO", "Organization"),
    "iraqarmy": ("Iraqi armed forces", "", "Organization"),
    "kh": ("Kataib Hezbollah", "", "Organization"),
    "russiafm": ("Russian Foreign Ministry", "", "Organization"),
    "parliament": ("Iraqi parliament", "", "Organization"),
    "irgc": ("Islamic Revolution Guards Corps", "IRGC", "Organization"),
    "coalition": ("US-led coalition", "", "Organization"),
    "eu": ("European Union", "EU", "Organization"),
    "arableague": ("Arab League", "", "Organization"),
    "isis": ("Daesh", "", "Organization"),
}
ORG_ADJ = """National Popular Islamic Democratic Patriotic United Free Progressive Independent Reform Arab Kurdish
Civic Revolutionary Republican Liberal Social Sovereign Unity Justice Victory Peace Dawn Future Renewal""".split()
ORG_NOUN = """Reform Resistance Unity Salvation Construction Wisdom Dignity Liberation Solidarity Development Victory
Loyalty Hope Change Conquest Defence Renaissance Accord Justice Homeland""".split()
ORG_KIND = """Movement Party Alliance Front Coalition Council Brigades Bloc Union Organization Association
Commission Authority Committee""".split()
GOV_BODY = ["Ministry of Defense", "Ministry of Interior", "Ministry of Foreign Affairs", "Ministry of Oil",
            "Ministry of Finance", "Ministry of Health", "Ministry of Electricity", "Supreme Judicial Council",
            "Electoral Commission", "Central Bank", "Integrity Commission", "Security Media Cell",
            "Joint Operations Command", "National Security Council", "Counter-Terrorism Service"]
NATION_ADJ = ["Iraqi", "Iranian", "Syrian", "Lebanese", "Turkish", "Jordanian", "Kuwaiti", "Saudi", "Qatari", "Omani",
              "Egyptian", "Yemeni", "Bahraini", "Kurdish", "Afghan", "Pakistani"]
PLACES = """Iraq Baghdad Basra Mosul Erbil Kirkuk Najaf Karbala Fallujah Ramadi Tikrit Samarra Diyala Anbar Nineveh
Sulaymaniyah Duhok Halabja Kut Amarah Nasiriyah Hillah Diwaniyah Baqubah Syria Damascus Aleppo Homs Deir ez-Zor Raqqa
Idlib Lebanon Beirut Tyre Sidon Iran Tehran Mashhad Isfahan Tabriz Shiraz Ahvaz Kermanshah Yemen Sanaa Aden Hodeidah
Jordan Amman Kuwait Qatar Doha Bahrain Manama Oman Muscat Turkey Ankara Istanbul Egypt Cairo Israel Gaza Washington
Moscow London Paris Berlin Geneva Vienna Brussels Beijing""".split()
MULTIWORD_PLACES = ["Ain al-Asad", "al-Harir", "Sinjar", "Qaim", "Abu Kamal", "Tal Afar", "Jurf al-Sakhar",
                    "Baghdad International Airport", "Green Zone", "Persian Gulf", "Strait of Hormuz", "Red Sea"]
MEDIA = ["al-Ahad news agency", "al-Maalomah news agency", "Tasnim news agency", "Press TV", "Al Mayadeen",
         "Reuters", "the Associated Press", "Fars news agency", "Shafaq News", "Rudaw", "Al Jazeera", "IRNA",
         "al-Sumaria television", "Kurdistan 24", "Mehr news agency", "Anadolu Agency"]
MEDIUM_FORMS = ["on Twitter", "in a televised speech", "in a statement", "at a press conference",
                "in an interview", "in a post on X"]
AGENT_NATIONS = [("US", "United States"), ("Israeli", "Israel"), ("Turkish", "Turkey"), ("Iranian", "Iran"),
                 ("Russian", "Russia"), ("Saudi-led", "Saudi Arabia"), ("American", "United States")]
TITLES = {  # title as written -> kg role kind
    "spokesman": "spokespersonOf", "spokeswoman": "spokespersonOf", "spokesperson": "spokespersonOf",
    "leader": "leaderOf", "head": "leaderOf", "chief": "leaderOf", "secretary general": "leaderOf",
    "commander": "leaderOf", "chairman": "leaderOf", "deputy head": "memberOf", "member": "memberOf",
    "senior member": "memberOf", "senior official": "memberOf", "political bureau chief": "memberOf",
    "lawmaker": "memberOf", "adviser": "memberOf", "envoy": "memberOf", "secretary": "leaderOf",
    "prime minister": "leaderOf", "president": "leaderOf", "foreign minister": "memberOf",
}
FRESH_TITLES = ["spokesman", "spokeswoman", "leader", "head", "chief", "deputy head", "member", "senior member",
                "senior official", "political bureau chief", "lawmaker", "adviser", "chairman", "commander"]
TOPICS = ["the withdrawal of foreign forces", "the new budget law", "the electricity crisis", "security cooperation",
          "the early elections", "the oil revenue agreement", "the reconstruction of the liberated areas",
          "the strategic dialogue", "the water shortage", "the fight against corruption", "the border crossings",
          "the return of displaced families", "the sanctions", "the nuclear talks", "the prisoner exchange",
          "the ceasefire", "the drone attacks", "the salaries of public employees", "the presence of US troops",
          "the formation of the new cabinet"]
VERB_PHRASES = ["extend its military presence", "suspend the talks", "close the border crossings",
                "impose new sanctions", "withdraw its advisers", "ban the protests", "approve the budget",
                "postpone the elections", "expand its bases", "cut the funding", "arrest the activists",
                "reopen the embassy"]
QUALITIES = ["unacceptable", "a clear violation of our sovereignty", "a dangerous escalation", "a step in the "
             "right direction", "long overdue", "illegal and illegitimate", "a crime against the people",
             "an important achievement", "a message to the occupiers", "not negotiable"]
# Relative frequency of the sentence patterns of _Article.sentence (index = pattern number).
KIND_WEIGHTS = [2, 2, 2, 1.5, 1.5, 2, 2, 1, 2, 2, 1.5, 0.6, 0.6, 1, 0.5, 0.3, 0.5, 1, 1.5, 1.5]
NO_ARTICLE = {"Hezbollah", "Daesh", "Kataib Hezbollah", "Asa'ib Ahl al-Haq"}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
CUE_VERBS = ["said", "stressed", "added", "noted", "underlined", "warned", "stated", "emphasized"]


# -- annotations -------------------------------------------------------------------------------------
@dataclass
class GEntity:
    key: str
    type: str  # Actor | Organization | Place
    name: str
    short: str
    gender: str = "n"  # m | f | n
    aliases: list[str] = field(default_factory=list)
    alias_rule: str = ""
    titles: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    evidence: list[tuple[str, str, int, int]] = field(default_factory=list)  # alias, rule, start, end


@dataclass
class GStatement:
    content: tuple[int, int]
    kind: str
    speaker: str | None
    speaker_mention: tuple[int, int] | None
    cue: str
    about: list[str]
    medium: tuple[int, int] | None = None
    medium_entity: str | None = None
    date: str | None = None
    date_text: str | None = None


@dataclass
class GEvent:
    key: str
    type: str
    trigger: tuple[int, int]
    label: str
    agents: list[str]
    participants: list[str]
    place: str | None
    time_text: str | None = None
    time_value: str | None = None
    time_datatype: str | None = None
    time_span: tuple[int, int] | None = None


@dataclass
class GeneratedArticle:
    id: str
    text: str
    words: int
    published: str | None
    headline: tuple[int, int]
    entities: list[GEntity]
    statements: list[GStatement]
    relations: list[tuple[str, str, str, str, tuple[int, int]]]  # subject, role, object, title, evidence
    events: list[GEvent]
    statement_events: list[tuple[int, str]]


class _Writer:
    """Appends text and records character offsets of what it appends."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0

    def add(self, s: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(s)
        self.pos += len(s)
        return start, self.pos

    def mention(self, e: GEntity, form: str | None = None) -> tuple[int, int]:
        span = self.add(form if form is not None else e.name)
        e.mentions.append(span)
        return span

    def text(self) -> str:
        return "".join(self.parts)


class _Article:
    """The state of one article being written: its cast, what has been said, and the writer."""

    def __init__(self, rng: random.Random, aid: str) -> None:
        self.rng = rng
        self.aid = aid
        self.w = _Writer()
        self.entities: dict[str, GEntity] = {}
        self.by_name: dict[tuple[str, str], GEntity] = {}
        self.statements: list[GStatement] = []
        self.relations: list[tuple[str, str, str, str, tuple[int, int]]] = []
        self.events: list[GEvent] = []
        self.statement_events: list[tuple[int, str]] = []
        self.introduced: set[str] = set()
        self.last_person: GEntity | None = None
        self.sent_start = 0
        self.year = rng.randint(2018, 2024)
        self._cast()

    # -- cast -------------------------------------------------------------------------------------
    def _entity(self, type_: str, name: str, short: str = "", gender: str = "n", alias: str = "") -> GEntity:
        found = self.by_name.get((type_, name))
        if found:
            return found
        e = GEntity(f"e{len(self.entities)}", type_, name, short or name, gender)
        if alias:
            e.aliases.append(alias)
            e.alias_rule = "parenthesis"
        self.entities[e.key] = e
        self.by_name[(type_, name)] = e
        return e

    def _institution(self, key: str) -> GEntity:
        name, short, type_ = INSTITUTIONS[key]
        return self._entity(type_, name, alias=short)

    def _fresh_person(self) -> GEntity:
        r = self.rng
        female = r.random() < 0.2
        first = r.choice(FIRST_F if female else FIRST_M)
        last = r.choice(LAST)
        if last.startswith("al-") and r.random() < 0.3:
            name = f"{first} {r.choice(ARABIC_MIDDLE)} {last}"
        else:
            name = f"{first} {last}"
        short = last[3:].capitalize() if last.startswith("al-") and r.random() < 0.5 else last
        return self._entity("Actor", name, short, "f" if female else "m")

    def _fresh_org(self) -> GEntity:
        r = self.rng
        roll = r.random()
        if roll < 0.45:
            name = f"{r.choice(ORG_ADJ)} {r.choice(ORG_NOUN)} {r.choice(ORG_KIND)}"
        elif roll < 0.75:
            name = f"{r.choice(NATION_ADJ)} {r.choice(GOV_BODY)}"
        else:
            name = f"{r.choice(ORG_KIND)} of {r.choice(ORG_NOUN)}"
        alias = "".join(w[0] for w in name.split() if w[0].isupper()) if r.random() < 0.25 else ""
        return self._entity("Organization", name, alias=alias if len(alias) >= 2 else "")

    def _cast(self) -> None:
        r = self.rng
        self.people: list[GEntity] = []
        self.orgs: list[GEntity] = []
        self.affiliation: dict[str, tuple[str, GEntity]] = {}
        for _ in range(r.randint(1, 2)):
            name, short, gender, title, org = r.choice(CELEBS)
            p = self._entity("Actor", name, short, gender)
            if p not in self.people:
                self.people.append(p)
                o = self._institution(org)
                self.affiliation[p.key] = (title, o)
                if o.type == "Organization" and o not in self.orgs:
                    self.orgs.append(o)
        for _ in range(r.randint(3, 5)):
            p = self._fresh_person()
            if p not in self.people:
                self.people.append(p)
        for key in r.sample(sorted(INSTITUTIONS), 2):
            o = self._institution(key)
            if o.type == "Organization" and o not in self.orgs:
                self.orgs.append(o)
        for _ in range(r.randint(2, 3)):
            o = self._fresh_org()
            if o not in self.orgs:
                self.orgs.append(o)
        for p in self.people:
            if p.key not in self.affiliation:
                self.affiliation[p.key] = (r.choice(FRESH_TITLES), r.choice(self.orgs))
        names = r.sample(PLACES, 3) + ([r.choice(MULTIWORD_PLACES)] if r.random() < 0.5 else [])
        self.places = [self._entity("Place", n) for n in names]

    # -- pieces -----------------------------------------------------------------------------------
    def person(self, exclude: GEntity | None = None) -> GEntity:
        choices = [p for p in self.people if p is not exclude] or self.people
        return self.rng.choice(choices)

    def org(self) -> GEntity:
        return self.rng.choice(self.orgs)

    def place(self) -> GEntity:
        return self.rng.choice(self.places)

    def name_ref(self, p: GEntity, allow_pronoun: bool = False) -> tuple[int, int]:
        """Full name on first mention, then the short form (or a pronoun for the last person mentioned)."""
        if allow_pronoun and self.last_person is p and p.key in self.introduced and self.rng.random() < 0.5:
            pron = {"m": "he", "f": "she"}.get(p.gender, "it")
            return self.w.add(pron.capitalize() if self.at_start() else pron)
        form = p.name if p.key not in self.introduced or p.type != "Actor" else p.short
        self.introduced.add(p.key)
        self.last_person = p
        return self.w.mention(p, form)

    def at_start(self) -> bool:
        return self.w.pos == self.sent_start

    def org_ref(self, o: GEntity) -> tuple[int, int]:
        """An organization (or place) by name; the short form in parentheses on first mention."""
        if o.type == "Organization" and o.name not in NO_ARTICLE:
            self.w.add("The " if self.at_start() else "the ")
        if o.key not in self.introduced:
            self.introduced.add(o.key)
            span = self.w.mention(o)
            if o.aliases:
                self.w.add(" (")
                a0 = self.w.pos
                self.w.mention(o, o.aliases[0])
                o.evidence.append((o.aliases[0], o.alias_rule, a0, self.w.pos))
                self.w.add(")")
            return span
        return self.w.mention(o, o.aliases[0] if o.aliases and self.rng.random() < 0.6 else o.name)

    def apposition(self, p: GEntity) -> None:
        """', spokesman of the Fatah Alliance,' — records the role."""
        title, o = self.affiliation[p.key]
        start = self.w.pos
        self.w.add(f", {'a ' if title in ('member', 'senior member', 'lawmaker', 'senior official') else ''}"
                   f"{title} of ")
        self.org_ref(o)
        end = self.w.pos
        self.w.add(",")
        if title not in p.titles:
            p.titles.append(title)
        if o.type == "Organization":
            self.relations.append((p.key, TITLES[title], o.key, title, (start + 2, end)))

    def date_phrase(self) -> tuple[str, str, str]:
        r = self.rng
        y = r.choice([self.year, self.year, self.year - 1, self.year - r.randint(2, 15)])
        m = r.randint(1, 12)
        d = r.randint(1, 28)
        roll = r.random()
        if roll < 0.6:
            return f"{MONTHS[m - 1]} {d}, {y}", f"{y:04d}-{m:02d}-{d:02d}", "date"
        if roll < 0.85:
            return f"{MONTHS[m - 1]} {y}", f"{y:04d}-{m:02d}", "gYearMonth"
        return f"{y}", f"{y:04d}", "gYear"

    def clause(self) -> list[str]:
        """Reported-speech content (no final period). Returns the keys of the entities it mentions."""
        r = self.rng
        about: list[str] = []
        w = self.w

        def o() -> None:
            e = self.org()
            self.org_ref(e)
            about.append(e.key)

        def pl() -> None:
            e = self.place()
            w.mention(e)
            about.append(e.key)

        def pe() -> None:
            e = self.person()
            self.name_ref(e)
            about.append(e.key)

        pattern = r.randrange(14)
        if pattern == 0:
            o(); w.add(" would not accept any foreign military presence in "); pl()  # noqa: E702
        elif pattern == 1:
            w.add(f"the talks with "); o(); w.add(f" on {r.choice(TOPICS)} had ended without an agreement")  # noqa: E702,F541
        elif pattern == 2:
            pl(); w.add(" was ready to work with "); o(); w.add(" to restore security")  # noqa: E702
        elif pattern == 3:
            w.add("the decision by "); o(); w.add(f" to {r.choice(VERB_PHRASES)} was {r.choice(QUALITIES)}")  # noqa: E702
        elif pattern == 4:
            pe(); w.add(f" had misled the public about {r.choice(TOPICS)}")  # noqa: E702
        elif pattern == 5:
            w.add("the government in "); pl(); w.add(" must respond to the demands of "); o()  # noqa: E702
        elif pattern == 6:
            w.add("forces loyal to "); o(); w.add(" had withdrawn from "); pl()  # noqa: E702
            w.add(f" after {r.randint(2, 40)} days of fighting")
        elif pattern == 7:
            w.add(f"there would be no agreement on {r.choice(TOPICS)} without the consent of the people of ")
            pl()
        elif pattern == 8:
            o(); w.add(f" had received {r.randint(2, 900)} million dollars in aid since {self.year - r.randint(1, 9)}")  # noqa: E702
        elif pattern == 9:
            w.add(f"{r.choice(TOPICS)} would top the agenda of the next meeting between ")
            o(); w.add(" and "); o()  # noqa: E702
        elif pattern == 10:
            w.add("the attacks on "); pl(); w.add(" were aimed at weakening "); o()  # noqa: E702
        elif pattern == 11:
            pe(); w.add(" and "); pe(); w.add(f" had agreed to resume {_bare(r.choice(TOPICS))}")  # noqa: E702
        elif pattern == 12:
            w.add(f"the {r.choice(['people', 'parliament', 'government', 'army'])} of ")
            pl(); w.add(f" would {r.choice(VERB_PHRASES)} if "); o(); w.add(" failed to act")  # noqa: E702
        else:
            w.add(f"the dispute over {_bare(r.choice(TOPICS))} was {r.choice(QUALITIES)}")
        return about

    def quote(self) -> list[str]:
        """A direct quote: one or two sentences of speech (without the quotation marks)."""
        r = self.rng
        w = self.w
        about: list[str] = []
        for i in range(r.choice([1, 1, 2])):
            if i:
                w.add(" ")
            pattern = r.randrange(8)
            if pattern == 0:
                w.add("We will not allow ")
                e = self.org(); self.org_ref(e); about.append(e.key)  # noqa: E702
                w.add(" to decide the future of ")
                p = self.place(); w.mention(p); about.append(p.key)  # noqa: E702
                w.add(".")
            elif pattern == 1:
                w.add(f"This is {r.choice(QUALITIES)}, and the whole world knows it.")
            elif pattern == 2:
                w.add("The people of ")
                p = self.place(); w.mention(p); about.append(p.key)  # noqa: E702
                w.add(f" have paid a heavy price for {r.choice(TOPICS)}.")
            elif pattern == 3:
                w.add(f"There is no reason for {r.choice(['foreign', 'American', 'Turkish'])} troops to remain in ")
                p = self.place(); w.mention(p); about.append(p.key)  # noqa: E702
                w.add(".")
            elif pattern == 4:
                w.add(f"We call on all parties to respect {r.choice(TOPICS)}.")
            elif pattern == 5:
                w.add("Our message to ")
                e = self.org(); self.org_ref(e); about.append(e.key)  # noqa: E702
                w.add(" is clear: the time of threats is over.")
            elif pattern == 6:
                w.add(f"It is not like today they snap their fingers and everything about {r.choice(TOPICS)} "
                      "changes.")
            else:
                w.add(f"We are officially announcing the end of {r.choice(TOPICS)}.")
        return about

    def _statement(self, content: tuple[int, int], kind: str, speaker: GEntity | None,
                   mention: tuple[int, int] | None, cue: str, about: list[str], **kw: object) -> int:
        sp = speaker.key if speaker else None
        self.statements.append(GStatement(content, kind, sp, mention, cue,
                                          [a for a in dict.fromkeys(about) if a != sp], **kw))  # type: ignore[arg-type]
        return len(self.statements) - 1

    # -- sentences ---------------------------------------------------------------------------------
    def sentence(self) -> None:
        r = self.rng
        w = self.w
        self.sent_start = w.pos
        kind = r.choices(range(20), KIND_WEIGHTS)[0]
        if kind in (0, 1, 2):  # “Quote,” Kirby said.
            p = self.person()
            w.add("“")
            s = w.pos
            about = self.quote()
            e = w.pos - 1  # the closing period becomes a comma
            w.parts[-1] = w.parts[-1][:-1]
            w.pos -= 1
            w.add(",” ")
            cue = r.choice(CUE_VERBS)
            m = self.name_ref(p, allow_pronoun=True)
            w.add(f" {cue}.")
            self._statement((s, e), "direct", p, m, _lemma(cue), about)
        elif kind in (3, 4):  # “Quote,” said X, title of Y.
            p = self.person()
            w.add("“")
            s = w.pos
            about = self.quote()
            w.parts[-1] = w.parts[-1][:-1]
            w.pos -= 1
            e = w.pos
            w.add(",” said ")
            intro = p.key not in self.introduced
            m = self.name_ref(p)
            if intro:
                self.apposition(p)
                w.parts[-1] = w.parts[-1][:-1]
                w.pos -= 1
            w.add(".")
            self._statement((s, e), "direct", p, m, "say", about)
        elif kind in (5, 6):  # X, title of Y, told MEDIA on Monday that ...
            p = self.person()
            intro = p.key not in self.introduced
            m = self.name_ref(p)
            if intro:
                self.apposition(p)
            medium_name = r.choice(MEDIA)
            w.add(" told ")
            med = w.add(("the " if medium_name[0].islower() and not medium_name.startswith("the") else "")
                        + medium_name)
            w.add(f" on {r.choice(WEEKDAYS)} that ")
            s = w.pos
            about = self.clause()
            e = w.pos
            w.add(".")
            self._statement((s, e), "indirect", p, m, "tell", about, medium=med)
        elif kind == 7:  # X told Y that ...
            p = self.person()
            q = self.person(exclude=p)
            m = self.name_ref(p, allow_pronoun=True)
            w.add(" told ")
            self.name_ref(q)
            w.add(" that ")
            s = w.pos
            about = self.clause()
            e = w.pos
            w.add(".")
            self._statement((s, e), "indirect", p, m, "tell", [q.key, *about])
        elif kind in (8, 9):  # X said (on DATE) that ...
            p = self.person()
            m = self.name_ref(p, allow_pronoun=True)
            date = None
            if r.random() < 0.4:
                text, value, dt = self.date_phrase()
                if dt == "date":
                    w.add(f" said on {text} that ")
                    date = (value, text)
                else:
                    w.add(f" said on {r.choice(WEEKDAYS)} that ")
            else:
                w.add(" said that ")
            s = w.pos
            about = self.clause()
            e = w.pos
            w.add(".")
            kw = {"date": date[0], "date_text": date[1]} if date else {}
            self._statement((s, e), "indirect", p, m, "say", about, **kw)
        elif kind == 10:  # ORG said in a statement that ...
            o = self.org()
            w.add("In a statement, " if r.random() < 0.3 else "")
            m = self.org_ref(o)
            med = None
            w.add(" said")
            if r.random() < 0.5:
                w.add(" ")
                med = w.add(r.choice(MEDIUM_FORMS))
            w.add(" that ")
            s = w.pos
            about = self.clause()
            e = w.pos
            w.add(".")
            self._statement((s, e), "indirect", o, m, "say", about, medium=med)
        elif kind in (11, 12):  # event: the US strike on PLACE on DATE
            adj, nation = r.choice(AGENT_NATIONS)
            agent = self._entity("Place", nation)
            target = self.place()
            victim = self._fresh_person()
            self.affiliation.setdefault(victim.key, (r.choice(FRESH_TITLES), self.org()))
            w.add(r.choice(["The remarks came after ", "The tension escalated after ", "This follows "]))
            w.add("the ")
            agent.mentions.append(w.add(adj))
            w.add(" ")
            trig = w.add(r.choice(["strike", "drone strike", "attack", "raid"]))
            w.add(" on ")
            w.mention(target)
            text, value, dt = self.date_phrase()
            w.add(" on " if dt == "date" else " in ")
            ts = w.add(text)
            w.add(", which killed ")
            self.name_ref(victim)
            if victim.key not in {rel[0] for rel in self.relations}:
                self.apposition(victim)
                w.parts[-1] = w.parts[-1][:-1]
                w.pos -= 1
            w.add(".")
            ev = GEvent(f"v{len(self.events)}", "Attack", trig, f"{adj} {w.text()[trig[0]:trig[1]]} on {target.name}",
                        [agent.key], [victim.key], target.key, text, value, dt, ts)
            self.events.append(ev)
            if self.statements and r.random() < 0.5:
                self.statement_events.append((len(self.statements) - 1, ev.key))
        elif kind == 13:  # X said the strike was "..."  (mixed)
            p = self.person()
            o = self.org()
            m = self.name_ref(p, allow_pronoun=True)
            w.add(" said ")
            s = w.pos
            self.org_ref(o)
            w.add(f" would face “{r.choice(QUALITIES)} consequences”")
            e = w.pos
            w.add(f" if it continued {_bare(r.choice(TOPICS))}.")
            self._statement((s, e), "mixed", p, m, "say", [o.key])
        elif kind == 14:  # meeting: X met Y in PLACE on Monday to discuss ...
            p = self.person()
            q = self.person(exclude=p)
            place = self.place()
            self.name_ref(p)
            if p.key not in {rel[0] for rel in self.relations} and r.random() < 0.5:
                self.apposition(p)
            w.add(" ")
            trig = w.add("met")
            w.add(" ")
            self.name_ref(q)
            w.add(" in ")
            w.mention(place)
            w.add(f" on {r.choice(WEEKDAYS)} to discuss {r.choice(TOPICS)}.")
            self.events.append(GEvent(f"v{len(self.events)}", "Talks", trig, f"meeting of {p.short} and {q.short}",
                                      [p.key], [q.key], place.key))
        elif kind == 15:  # protest
            place = self.place()
            w.add(f"{r.choice(['Thousands of', 'Hundreds of', 'Dozens of'])} people ")
            trig = w.add("protested")
            w.add(" in ")
            w.mention(place)
            text, value, dt = self.date_phrase()
            w.add(" on " if dt == "date" else " in ")
            ts = w.add(text)
            w.add(f" against {r.choice(TOPICS)}.")
            self.events.append(GEvent(f"v{len(self.events)}", "Protest", trig, f"protest in {place.name}",
                                      [], [], place.key, text, value, dt, ts))
        elif kind == 16:  # visit / withdrawal
            o = self.org()
            place = self.place()
            w.add(r.choice(["Last month, ", "Earlier, ", ""]))
            if r.random() < 0.5:
                p = self.person()
                self.name_ref(p)
                w.add(" ")
                trig = w.add("visited")
                w.add(" ")
                w.mention(place)
                w.add(", where he held talks with officials from " if p.gender != "f" else
                      ", where she held talks with officials from ")
                self.org_ref(o)
                w.add(".")
                self.events.append(GEvent(f"v{len(self.events)}", "Visit", trig, f"visit of {p.short} to {place.name}",
                                          [p.key], [o.key], place.key))
            else:
                self.org_ref(o)
                w.add(" announced the ")
                trig = w.add("withdrawal")
                w.add(" of its forces from ")
                w.mention(place)
                text, value, dt = self.date_phrase()
                w.add(" on " if dt == "date" else " in ")
                ts = w.add(text)
                w.add(".")
                self.events.append(GEvent(f"v{len(self.events)}", "Withdrawal", trig, f"withdrawal from {place.name}",
                                          [o.key], [], place.key, text, value, dt, ts))
        elif kind == 17:  # According to MEDIA, ...
            w.add(f"According to {r.choice(MEDIA)}, ")
            self.clause()
            w.add(".")
        else:  # background
            o = self.org()
            place = self.place()
            pattern = r.randrange(4)
            if pattern == 0:
                self.org_ref(o)
                w.add(" has been active in ")
                w.mention(place)
                w.add(f" since {self.year - r.randint(1, 20)}, according to local officials.")
            elif pattern == 1:
                w.add(f"There are about {r.randint(2, 9)},{r.randint(100, 999)} foreign soldiers in ")
                w.mention(place)
                w.add(f", most of them at bases run by the {r.choice(['coalition', 'army', 'ministry'])}.")
            elif pattern == 2:
                w.add("Observers say ")
                self.clause()
                w.add(".")
            else:
                w.add(f"The issue of {_bare(r.choice(TOPICS))} has dominated the debate in ")
                w.mention(place)
                w.add(f" for {r.choice(['months', 'years', 'weeks'])}.")

    def write(self, words: int) -> None:
        r = self.rng
        w = self.w
        # Headline: no final punctuation.
        p = self.people[0]
        o = self.orgs[-1]
        head_start = w.pos
        w.add(f"{p.short}: {r.choice(['foreign forces', 'the occupiers', 'US troops'])} must leave ")
        w.mention(self.place())
        w.add(f", {o.name} {r.choice(['warns', 'insists', 'says'])}" if r.random() < 0.5 else "")
        self.headline = (head_start, w.pos)
        w.add("\n")
        self.published = None
        if r.random() < 0.5:
            m, d = r.randint(1, 12), r.randint(1, 28)
            hh, mm = r.randint(0, 23), r.randint(0, 59)
            w.add(f"Published: {d} {MONTHS[m - 1]} {self.year} - {hh:02d}:{mm:02d}\n")
            self.published = f"{self.year:04d}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}"
        while len(w.text().split()) < words:
            for i in range(r.choice([1, 1, 2, 2, 3])):
                if i:
                    w.add(" ")
                self.sentence()
            w.add("\n")


def _bare(topic: str) -> str:
    return topic[4:] if topic.startswith("the ") else topic


def _lemma(cue: str) -> str:
    return {"said": "say", "stressed": "stress", "added": "add", "noted": "note", "underlined": "underline",
            "warned": "warn", "stated": "state", "emphasized": "emphasize"}[cue]


def article_id(seed: int, index: int) -> str:
    return f"{index:06d}_{hashlib.sha1(f'{seed}:{index}'.encode()).hexdigest()[:12]}"


def generate(seed: int, index: int, variant: int = 0) -> GeneratedArticle:
    """Article ``index`` of the corpus ``seed`` (``variant`` > 0: an edited version of it)."""
    rng = random.Random(f"kg-bench:{GENERATOR_VERSION}:{seed}:{index}:{variant}")
    aid = article_id(seed, index)
    a = _Article(rng, aid)
    a.write(rng.randint(300, 600))
    text = a.w.text()
    used = [e for e in a.entities.values() if e.mentions]
    return GeneratedArticle(aid, text, len(text.split()), a.published, a.headline, used, a.statements,
                            a.relations, a.events, a.statement_events)


def write_corpus(folder: Path, n: int, seed: int = 1) -> tuple[int, int]:
    """Write articles 0..n-1 as ``ID.txt`` into ``folder`` (reused if already complete). (articles, words)."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = folder / ".complete"
    expected = f"{GENERATOR_VERSION}:{seed}:{n}"
    if stamp.exists() and stamp.read_text().split("\n")[0] == expected:
        return n, int(stamp.read_text().split("\n")[1])
    for old in folder.glob("*.txt"):
        old.unlink()
    words = 0
    for a in iter_articles(n, seed):
        (folder / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
        words += a.words
    stamp.write_text(f"{expected}\n{words}\n")
    return n, words


def iter_articles(n: int, seed: int = 1, start: int = 0) -> Iterator[GeneratedArticle]:
    for i in range(start, start + n):
        yield generate(seed, i)


if __name__ == "__main__":  # print one article and its annotations
    import sys

    art = generate(1, int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    print(art.text)
    print(f"-- {art.words} words, {len(art.entities)} entities, {len(art.statements)} statements, "
          f"{len(art.relations)} relations, {len(art.events)} events")
    for st in art.statements:
        print(st.kind, art.text[st.content[0]:st.content[1]][:80], "|", st.speaker,
              art.text[st.speaker_mention[0]:st.speaker_mention[1]] if st.speaker_mention else None)
