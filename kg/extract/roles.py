"""Roles and memberships stated in one article, as :class:`~kg.records.Relation` records.

Rules read the text between two entity mentions, so they work for any names the entity stage found:

- apposition after a person: `X, a member of Y`, `X, spokesman of Y's political bureau`,
  `X, deputy head of Y`, `X, commander of Y`, `X, Y's national security adviser`, `X, who leads Y`;
- role noun before a person: `Y lawmaker X`, `chief Y spokesman X`, `Y chief X`,
  `Iraqi Prime Minister X` (a state office links the person to the country);
- role before an apposed name: `deputy commander of Y, X`;
- `its`: `The opposition Y said ... . Its home affairs spokesman, X, said`, `Y said its candidate, X, ...`
  (the organization that opens the sentence, or is the parsed subject of the sentence before, or is
  apposed to it: `The city's ally, the Y, won ... . Its president, X,`);
- structure: `Y, which is part of Z`, `Y, a subsidiary of Z`; `the 14th Brigade of Z` for units (brigade,
  faction, wing...);
- a speaker description resolved to a person by the statements stage
  (`the spokesman for the political bureau of Y` ... `X told`);
- a role stated by a verb: `X, who is the chief executive of Y`, `X is a member of Y`, `Y, led by X`;
- an organization named only by its kind, resolved in the article (`the union's general secretary, X`,
  `X, the group's executive director`, `A company spokeswoman, X`, `the housing association's managing
  director` ... `Managing director X`, `Company spokeswoman X`), and a company office with no company
  written (`Chief Financial Officer X` in an article about one company);
- a court's justices: `Justice X`, `Chief Justice Y` in an article that names one court, or the court the title
  names (`IHC Justice X`); not "Judge X", nor "Indian Chief Justice Y" of another country's court;
- a seat: `Senator X`, `Councillor Y` in the one senate or local council the article names (not when another place
  is named between or in the person's sentence);
- `X, who covers technology at Y`, `X, who teaches law at Y`: a member;
- a minister by portfolio (`Health Minister X`) leads the article's one ministry of that portfolio and of the same
  country (`Japanese Foreign Minister X`, or the article's own country); a deputy is a member;
- a title for a body named by its kind: `X, a spokeswoman for the company` (a specific kind, "the bank", only for a
  body named or described as one).

Also: `X of Ember Insights` (a name of two words after a person and "of"), `director of Oxford's
Jenner Institute` (the possessed body), `the WHO's director of immunization` (the head of a function
is a member), `president of the Y chapter of Z` (a member of Z), `who heads the UN agency UNAIDS`
(the body named after its description), `Congress President X` (the lone legislature), `chief UK economist
at Y`, `The Swedish company's chief executive, X`, `The WHO's regional director for Africa, X` (the region
is the title's scope; a region alone holds no such title), `X, the Ohio Republican who chairs the Y` and `X, who
has led the Seattle-based airline since 2019` (present or present perfect: "who led" is past), `Y's head of
compliance, X` (the head of a function is a member). When "the union" could be several unions the article named,
it is the one that opens the same sentence or the one before and is described there as a union ("SUD-Rail, the
second-largest union, said"); a name's own head noun ("the Labour Party") is not enough to choose.

Role nouns and their kinds live in ``kg/data/role_nouns.tsv``; a modifier from ``DEPUTY_WORDS`` or
``SUBUNIT_WORDS`` (`its regional director`) turns a leader title into membership, and so does an
indefinite article (`X, a governor of Y`: one of several). A title qualified by ``PAST_WORDS`` states
no current role.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.extract import lexicon
from kg.extract.docindex import index_of, last_word
from kg.extract.entities import appositive_kind
from kg.records import Article, Entity, Relation, Span, Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc

DEPUTY_WORDS = {"deputy", "vice", "assistant", "acting", "associate"}
# A leader title qualified by one of these heads a part of the body ("its regional director"): a member.
SUBUNIT_WORDS = {"regional", "local", "district", "provincial", "divisional", "area", "branch", "country",
                 "parliamentary", "caucus"}  # ("the SFP's parliamentary group leader": of the party's MPs)
# "director" qualified by a function ("policy director") is a member; these qualifiers keep it the leader.
LEADING_DIRECTOR = {"managing", "executive", "national", "chief", "general", "the", "a", "an", "its",
                    # words that say when or how one leads, not what part one leads
                    "new", "current", "outgoing", "incoming", "interim", "longtime", "long-time", "founding", "top"}
# A leader title that a function noun before it makes the head of one part of a body ("finance chief",
# "legal director", "head" of a department): membership of the body.
FUNCTION_TITLES = (["director"], ["chief"], ["head"])
PAST_WORDS = lexicon.PAST_WORDS
MODIFIER = r"(?:(?:deputy|vice|assistant|acting|senior|top|chief|national|security|foreign|defen[cs]e|general)\s+)*"
ARTICLE = r"(?:(?:a|an|the)\s+)?"
# Function words are no part of a title: "National Association of Head Teachers" names no head.
FILLER = r"(?!(?:of|and|or|in|at|for|to|the|with|from|on|by)\s)"
# "The Swedish company's chief executive": a nationality qualifies a kind noun like a lower-case word.
DEMONYM = rf"(?-i:[A-Z][a-z]+(?:{'|'.join(lexicon.ADJECTIVE_ENDINGS + ('ic',))}))"  # (and "Icelandic")
# "a political scientist at", "a senior policy fellow at": lower-case words that qualify a role noun.
QUALIFIER = rf"(?:{FILLER}(?:(?-i:[a-z])[\w-]*|(?-i:[A-Z]{{2,3}}))\s+){{0,2}}?"  # "chief UK economist"
PART_OF = re.compile(r"^,?\s+(?:which|that|who) (?:is|are|was|were) (?:a |an )?(?:part|member|members) of (?:the )?$")
# "Instagram, a subsidiary of Meta", "Azure, a unit of Microsoft", "DeepMind, part of Google".
SUBSIDIARY = re.compile(r"^,\s+(?:(?:a|an|the)\s+)?(?:(?:wholly[- ]owned|[a-z]+-based|local|regional|national|"
                        r"british|u\.?s\.?|european|investment|banking|consumer|cloud|research)\s+)?"
                        r"(?:subsidiary|unit|division|arm|affiliate|part|branch|wing) of\s+(?:the\s+)?$", re.I)
OF = re.compile(r"^\s+of\s+(?:the\s+)?$")
# "Sanjay Verma of the Patna-based Institute for Social Research": a person of an organization is its member.
# "Restrepo, of the centre-right Partido Centro Democrático": lower-case descriptions between "the" and the name.
OF_ORG = re.compile(rf"^,?\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*-based\s+)?"
                    rf"(?:{FILLER}(?!(?:former|late|then|ex)\s)[a-z][\w-]*\s+){{0,2}}$")
WHO_LEADS = re.compile(r"^,\s+who (?:leads|heads|commands|chairs|runs) (?:the )?$")
# "X, the Ohio Republican who chairs the ", "X, who has led the ": a description may come before "who".
# The description has no preposition ("the son of the mayor who heads", "a spokeswoman for the family who runs": the
# clause is about someone else), and "leads" after one is a sport's standings ("the Dutchman who leads the ...").
WHO_HEADS = re.compile(r",\s+(?:who\s+(?:leads|heads|commands|chairs|runs|has\s+(?:led|headed|commanded|chaired|run))|"
                       r"(?:the|a|an)\s+(?:(?!(?:of|to|for|at|in|with|from|by|on|and|or)\s)[\w’'-]+\s+){1,5}?"
                       r"who\s+(?:heads|chairs|runs|has\s+(?:led|headed|chaired|run)))\s+(?:the\s+)?")
# "X, who is the chief executive of Y", "X is a member of Y", "X was appointed head of Y": a role stated by a verb.
COPULA = r"(?:is|serves\s+as|became|(?:was|has\s+been)\s+(?:named|appointed|elected)(?:\s+as)?)"
# "the party, led by X": an organization and the person who leads it.
UNIT_OF = re.compile(r"\s+(?:chapter|branch|local|section|wing|unit)\s+of\s+(?:the\s+)?")
LED_BY = re.compile(r"^,\s+(?:(?:which|that)\s+is\s+)?(?:led|headed|chaired|run|commanded)\s+by\s+"
                    r"(?P<title>(?:[\w.-]+\s+){0,4})$")  # ("led by army chief General X": the leader's titles)
Mention = tuple[int, int, Entity]


def extract_relations(doc: Doc, article: Article, entities: list[Entity],
                      statements: list[Statement] | None = None) -> list[Relation]:
    """Relations among ``entities``; ``statements`` are the article's statements when already extracted
    (else they are extracted here, for the speaker descriptions)."""
    text = index_of(doc).text
    mentions = sorted(((m.start, m.end, e) for e in entities for m in e.mentions), key=lambda x: (x[0], -x[1]))
    found: dict[tuple[str, str, str], Relation] = {}
    for i in range(len(mentions)):
        for rel in _after_person(text, mentions, i, entities) + _before_person(text, mentions, i) + \
                _apposed_after_role(text, mentions, i) + _part_of(text, mentions, i) + _its_title(doc, mentions, i) + \
                _led_by(text, mentions, i):
            found.setdefault((rel.subject, rel.role, rel.object), rel)
    if statements is None:
        from kg.extract.statements import extract_statements

        statements = extract_statements(doc, article, entities)
    for rel in _from_speaker_descriptions(text, statements, entities, mentions) + \
            _described_org_titles(doc, mentions, entities) + _company_officers(text, mentions, entities) + \
            _kind_titled(text, mentions, entities) + _court_officers(text, mentions, entities) + \
            _seat_holders(text, mentions, entities) + _portfolio_ministers(text, mentions, entities) + \
            _title_for_kind(text, mentions, entities) + _home_officials(text, mentions, entities, article.text):
        found.setdefault((rel.subject, rel.role, rel.object), rel)
    return list(found.values())


# ---------------------------------------------------------------- helpers
@lru_cache(maxsize=1)
def _role_regex() -> str:
    nouns = sorted(lexicon.role_nouns(), key=len, reverse=True)
    return r"(?:" + "|".join(re.escape(n) for n in nouns) + r")"


@lru_cache(maxsize=1)
def _apposition() -> re.Pattern[str]:
    """`, a member of`, `, Iraq's national security adviser`, `, the deputy head of`, `, the PMF deputy head`."""
    return re.compile(rf"(?:,\s+(?:who\s+{COPULA}\s+)?|\s+{COPULA}\s+)(?P<art>(?:a|an|the)\s+)?"
                      rf"(?:(?P<poss>(?-i:[A-Z])[\w’'-]*(?:\s(?-i:[A-Z])[\w’'-]*)*)(?:’s|'s)?\s+)?"
                      rf"(?P<title>(?:(?:former|late)\s+)?{MODIFIER}{QUALIFIER}{_role_regex()})\b(?P<post>[^,;\n]*)",
                      re.I)


@lru_cache(maxsize=1)
def _title_between() -> re.Pattern[str]:
    """`'s lawmaker `, ` spokesman, `: a role title between a holder and a person."""
    portfolio = "|".join(re.escape(w) for w in sorted(lexicon.title_modifiers(), key=len, reverse=True))
    return re.compile(rf"^(?:’s|'s)?\s+(?P<qual>(?:{FILLER}(?-i:[a-z])[\w-]*\s+){{0,2}}?)"
                      rf"(?P<title>{MODIFIER}(?:(?:{portfolio})\s+){{0,2}}{_role_regex()})"  # ("Interior Minister")
                      rf"(?P<function>\s+(?:of|for)\s+(?:(?-i:[a-z])[\w-]*\s+){{0,2}}(?-i:[a-z])[\w-]*(?=,))?"
                      rf",?\s+$", re.I)


@lru_cache(maxsize=1)
def _title_of_before() -> re.Pattern[str]:
    """`deputy commander of the ` right before a holder."""
    return re.compile(rf"\b(?P<title>{MODIFIER}{_role_regex()})\s+(?:of|for|at)\s+(?:the\s+)?$", re.I)


@lru_cache(maxsize=1)
def _the_title_of() -> re.Pattern[str]:
    """`the spokesman for `: a speaker description built on a role title."""
    return re.compile(rf"^the\s+(?P<title>{MODIFIER}{_role_regex()})\s+(?:of|for)\b", re.I)


def _kind(title: str) -> str | None:
    words = title.lower().split()
    if any(w in PAST_WORDS for w in words):
        return None
    roles = lexicon.role_nouns()
    for k in range(len(words)):
        kind = roles.get(" ".join(words[k:]))
        if kind and words[k:] in FUNCTION_TITLES and k > 0 and words[k - 1] not in LEADING_DIRECTOR \
                and words[k - 1] not in PAST_WORDS:
            return "memberOf"  # "legal director", "finance chief": the head of one function
        if kind:  # (a region's own office is no part of a body: "Kharkiv regional governor" leads Kharkiv)
            sub = " ".join(words[k:]) not in lexicon.state_offices() and any(w in SUBUNIT_WORDS for w in words[:k])
            return "memberOf" if sub or any(w in DEPUTY_WORDS for w in words[:k]) else kind
    return None


def _relation(subject: Entity, kind: str | None, obj: Entity, title: str, text: str, start: int,
              end: int) -> list[Relation]:
    if kind is None or subject.key == obj.key or subject.type != "Actor" and kind != "partOf":
        return []
    if obj.type == "Actor":
        return []
    return [Relation(subject.key, kind, obj.key, title.lower(), Span(start, end, text[start:end]))]  # type: ignore[arg-type]


def _next_holder(text: str, mentions: list[Mention], i: int, limit: int, since: int = -1) -> Mention | None:
    """The first organization or place mentioned after mention i (and ``since``) and before ``limit``."""
    for k in range(i + 1, len(mentions)):  # no copy of the list's tail per mention
        m = mentions[k]
        if m[0] >= limit:
            return None
        # "Iraq's Popular Mobilization Units", "Oxford's Jenner Institute": the possessed body holds the role
        possessor = re.match(r"^(?:’s|'s)\s+[A-Z]", text[m[1]:m[1] + 4]) and (m[2].type == "Place" or any(
            n[2].type == "Organization" and 0 < n[0] - m[1] <= 4 for n in mentions[k + 1:k + 3]))
        if m[2].type != "Actor" and m[0] >= max(mentions[i][1], since) and not possessor:
            return m
    return None


def _past(text: str, start: int) -> bool:
    before = text[max(0, start - 30):start].lower().split()
    return any(w.strip(",") in PAST_WORDS for w in before[-3:])


# ---------------------------------------------------------------- rules
def _after_person(text: str, mentions: list[Mention], i: int, entities: list[Entity]) -> list[Relation]:
    """`X, a member of Y`, `X, Y's national security adviser`, `X, who leads Y`."""
    start, end, person = mentions[i]
    if person.type != "Actor":
        return []
    clause_end = _clause_end(text, end)
    leads = _next_holder(text, mentions, i, clause_end)
    if leads and WHO_LEADS.match(text[end:leads[0]]):
        named = next((mm for mm in mentions if mm[2].type == "Organization"
                      and re.fullmatch(r"\s+[a-z]+\s+", text[leads[1]:mm[0]] if mm[0] > leads[1] else "")), None)
        if named is not None:  # "who heads the UN agency UNAIDS": the body named after its description
            leads = named
        elif re.match(r"['’]s\s", text[leads[1]:leads[1] + 3]):  # "who heads the ELN's negotiating team": a part
            return _relation(person, "memberOf", leads[2], "member", text, start, leads[1])
        return _relation(person, "leaderOf", leads[2], "leader", text, start, leads[1])
    if (rel := _who_leads(text, mentions, i, entities, clause_end)) is not None:
        return rel
    if leads and OF_ORG.match(text[end:leads[0]]) and not _qualifies_noun(text, leads[1]):
        # "X of the Y Institute": one of its people; "Chief X of the Cree Nation", "Mayor X of Springfield": what the
        # title before the name makes X
        titled = re.search(rf"(?:^|[^\w-])(?P<title>{MODIFIER}{_role_regex()})\s+$", text[max(0, start - 40):start],
                           re.I)
        title = titled.group("title") if titled else ""
        if titled and _past(text, start - len(text[max(0, start - 40):start]) + titled.start("title")):
            title = ""  # ("Former Mayor X of Springfield": no longer)
        kind = _kind(title) if title else None
        if kind and _state_office(title):  # ("Chief Minister X of the RCP": one of the party's)
            kind = "memberOf" if leads[2].type == "Organization" else kind
            return _relation(person, kind, leads[2], title, text, start, leads[1])
        if leads[2].type == "Organization":
            return _relation(person, kind or "memberOf", leads[2], title if kind else "member", text, start, leads[1])
    if leads and leads[2].type == "Organization" and WHO_WORKS_AT.match(text[end:leads[0]]):
        return _relation(person, "memberOf", leads[2], "member", text, start, leads[1])
    m = _apposition().match(text[end:clause_end])
    if not m:
        return _noun_at_body(text, person, leads, start, end)
    title = m.group("title")
    holder = _next_holder(text, mentions, i, end + m.start("title")) if m.group("poss") else None
    if holder and holder[2].type == "Place" and not _state_office(title) \
            and not re.search(r"(?:’s|'s)\s*$", m.group(0)[:m.start("title")]):
        holder = None  # "a Latin America strategist at BTG Pactual": the place only qualifies the title
    if holder is None and re.match(r"^\s+(?:of|for|at|to|with)\b", m.group("post")):
        holder = _next_holder(text, mentions, i, end + m.end("post"), since=end + m.end("title"))
        if holder is None:
            return _described_holder(text, person, title, entities, start, end + m.end("post"))
        if re.search(r"\b(?:a|an)\s+[a-z]", text[end + m.end("title"):holder[0]]):
            return []  # "head of a primary school in Leeds": the role is in something the article does not name
    if holder is not None and holder[2].type == "Place":
        holder = _body_the_place_qualifies(text, mentions, holder) or holder
    if holder is None or holder[2].type == "Place" and not _state_office(title):
        return []  # "a Latin America strategist": a place holds only state offices
    if holder[2].type == "Place" and re.match(r"^\s+[a-z]", text[holder[1]:holder[1] + 3]):
        return []  # "president of the Lisbon teachers' union": the role is in something the place qualifies
    # "president of the Pacific Crest chapter of the Air Line Pilots Association": one of the body's people
    unit = UNIT_OF.match(text, holder[1], holder[1] + 40)
    if unit is not None:
        body = next((mm for mm in mentions if mm[0] == unit.end() and mm[2].type == "Organization"), None)
        return _relation(person, "memberOf", body[2], title, text, start, body[1]) if body else []
    kind = _kind(title)
    if kind == "leaderOf" and (m.group("art") or "").lower().strip() in ("a", "an"):
        kind = "memberOf"  # "a governor of the Federal Reserve", "a leader of Hamas": one of several
    if kind == "leaderOf" and (m.group("poss") or " at " in text[end + m.end("title"):holder[0]]) \
            and re.match(r"^\s+(?:of|for)\s+(?!(?:the\s+)?board\b)[a-z]", m.group("post")):
        kind = "memberOf"  # "the WHO's director of immunization", "head of public finance at the X Institute": the
        # head of one of its functions
    if kind == "leaderOf" and re.match(r"^(?:’s|'s)\s+[a-z]", text[holder[1]:holder[1] + 4]) \
            and holder[0] > end + m.start("title"):
        kind = "memberOf"  # "the head of Boeing's commercial airplanes unit": the head of a part of it (not
        # "was elected Mexico's first female president": the possessor before the title holds it)
    return _relation(person, kind, holder[2], title, text, start, max(holder[1], end + m.end("title")))


# After a place: "-based" or a word or two for a kind of body, then the body's name ("at the Singapore-based Asia
# Maritime Centre", "at Mexico City brokerage Valores Monterrey").
QUALIFIED_BY_PLACE = re.compile(r"(?:-based(?:\s+[a-z][\w-]*){0,2}|(?:\s+(?!(?:of|for|in|at|the|and|or|to|with|from|on|"
                                r"by|a|an|when|where|while|until|after|before|since|as|if|who|which|that|whose|"
                                r"because|then|but)\s)[a-z][\w-]*){1,2})\s+$")
# (not "in Dhaka for the IFRC": another link; nor "governor of Texas when Enron collapsed": a clause)


def _body_the_place_qualifies(text: str, mentions: list[Mention], place: Mention) -> Mention | None:
    """The organization a place only qualifies: "a senior fellow at the Singapore-based X", "chief economist at
    Mexico City brokerage X" hold a role at X, not in the place."""
    body = next((mm for mm in mentions if mm[0] > place[1]), None)
    if body is None or body[2].type != "Organization" or body[0] - place[1] > 40:
        return None
    return body if QUALIFIED_BY_PLACE.fullmatch(text[place[1]:body[0]]) else None


# "X, who covers public-safety technology at Halvorsen Research", "who teaches law at X": one of its people (present
# tense: "who worked at" is past).
WHO_WORKS_AT = re.compile(r"^,\s+who\s+(?:works|covers|teaches|lectures|researches)\s+"
                          r"(?:(?!(?:closely|as|with)\s)[a-z][\w-]*\s+){0,3}?(?:at|for)\s+(?:the\s+)?$")
# "X, a wildfire expert at Thompson Rivers University": a person noun, then "at" or "with" and the body.
NOUN_AT = re.compile(r"^,\s+(?:a|an)\s+(?P<title>(?:[a-z][\w-]*\s+){0,3}?(?P<noun>[a-z][\w-]*))\s+(?:at|with)\s+"
                     r"(?:the\s+)?$")
# Nouns for someone who works at a place by their ending ("scientist", "physician"); not "-er", "-ant", "-ent",
# which name customers as often ("passenger", "applicant", "patient").
PERSON_ENDINGS = ("ist", "ian")
PERSON_WORDS = {"expert", "surgeon", "scholar", "chef", "staffer", "pilot", "lecturer", "researcher", "engineer"}


def _noun_at_body(text: str, person: Entity, holder: Mention | None, start: int, end: int) -> list[Relation]:
    """`X, a wildfire expert at Thompson Rivers University`, `X, a neurologist at Y`: one of the body's people,
    though the noun is no title kg lists (not "a resident of", "a critic of": only "at" and "with")."""
    m = NOUN_AT.match(text[end:holder[0]]) if holder is not None and holder[2].type == "Organization" else None
    if m is None or holder is None:
        return []
    noun = m.group("noun")
    if not (noun.endswith(PERSON_ENDINGS) or noun in PERSON_WORDS or noun in lexicon.person_nouns()
            or noun in lexicon.role_nouns()):
        return []
    return _relation(person, "memberOf", holder[2], m.group("title"), text, start, holder[1])


# A lower-case word that goes on the noun phrase before it ("the X Union branch"), not a preposition, conjunction
# or verb that ends it.
NOUN_AFTER = re.compile(r"\s+(?!(?:since|for|in|until|at|from|and|with|as|on|to|of|by|said|says|told|who|which|that|"
                        r"when|after|before|during|is|was|has|had|have|will|would|but|or)\b)[a-z]")


def _who_leads(text: str, mentions: list[Mention], i: int, entities: list[Entity],
               clause_end: int) -> list[Relation] | None:
    """`X, the Ohio Republican who chairs the Senate Banking Committee`, `X, who has led the Seattle-based airline
    since 2019` (the one airline the article named before): a leader by a verb in the present or the present
    perfect ("who led the party" is past)."""
    start, end, person = mentions[i]
    m = WHO_HEADS.match(text, end, clause_end)
    if m is None:
        return None
    if re.search(r"\bhas\s+led\s+(?:the\s+)?$", m.group(0)) and not re.search(
            r"^[^,.;]{0,60}?\s(?:since|for)\s", text[m.end():m.end() + 80]):
        return None  # ("the Pacers guard who has led the NBA in assists": a standing, not a post; "since 2019" is one)
    org = next((mm for mm in mentions[i + 1:] if mm[0] >= m.end()), None)
    if org is not None and org[0] == m.end() and org[2].type == "Organization":
        if NOUN_AFTER.match(text, org[1]):
            return None  # "who runs the Dublin Teachers Union branch in Cork": a part of the body
        return _relation(person, "leaderOf", org[2], "leader", text, start, org[1])
    # "the Seattle-based airline since 2019": the kind noun heads the phrase ("the university's ethics committee"
    # and "the agency's investigation" are a part or an act of the body)
    described = re.match(r"(?:[\w-]+\s+){0,2}?([a-z]+)\b(?![’'-])(?!" + NOUN_AFTER.pattern + ")",
                         text[m.end():clause_end])
    nouns = lexicon.org_heads() | lexicon.company_words()
    if described is None or described.group(1) not in nouns or org is not None and org[0] < m.end() + described.end():
        return None
    # (the one body of that kind the article named: "who chairs the planning committee" is the council's)
    body = _org_of_kind(text, mentions, entities, described.group(1), start, by_kind_only=True)
    return _relation(person, "leaderOf", body, "leader", text, start, m.end() + described.end()) if body else None


def _qualifies_noun(text: str, end: int) -> bool:
    """"the Lisbon teachers' union chapter": the name only qualifies an unnamed body that follows it."""
    words = re.match(r"^(?:\s+[a-z][\w’'-]*){1,3}", text[end:end + 50])
    if words is None:
        return False
    nouns = lexicon.org_heads() | lexicon.company_words() | {"chapter", "branch"}
    found = [w.strip("’'") in nouns for w in words.group(0).split()]
    if words.group(0).split()[0] == "party" and not any(found[1:]):
        return False  # "the right-wing Democratic Center party": the party itself (not "the Labour party branch")
    return any(found)


def _state_office(title: str) -> bool:
    words = title.lower().split()
    return any(" ".join(words[k:]) in lexicon.state_offices() for k in range(len(words)))


def _clause_end(text: str, pos: int) -> int:
    """End of an apposition: the second comma, a full stop or the paragraph end."""
    m = re.search(r"[.;\n—–(]|,(?=[^,]*$)|, (?:told|said|says|who|and)\b", text[pos + 1:pos + 200])
    return pos + 1 + (m.start() if m else min(199, len(text) - pos - 1))


def _described_holder(text: str, person: Entity, title: str, entities: list[Entity], start: int,
                      end: int) -> list[Relation]:
    """`X, spokesman of the resistance movement's political bureau`: the movement the article named."""
    words = re.findall(r"[a-z]+", text[start:end].lower())
    heads = [w for w in words if w in lexicon.org_heads()]
    for head in heads:
        # (the name's head: "the ministry" is the "Ministry of Solid Minerals Development")
        orgs = [e for e in entities if e.type == "Organization" and
                (e.name.lower().split()[-1] == head or lexicon.name_head(e.name.lower().split()) == head
                 or any(t.split()[-1] == head for t in e.titles))]
        if len(orgs) == 1:
            return _relation(person, _kind(title), orgs[0], title, text, start, end)
    return []


def _before_person(text: str, mentions: list[Mention], i: int) -> list[Relation]:
    """`Fatah Alliance lawmaker X`, `chief Pentagon spokesman X`, `Iraqi Prime Minister X`."""
    start, end, person = mentions[i]
    if person.type != "Actor" or i == 0:
        return []
    k = next((k for k in range(i - 1, -1, -1) if mentions[k][1] <= start), None)
    holder = mentions[k] if k is not None else None
    if holder is None or holder[2].type == "Actor":
        return []
    between = text[holder[1]:start]
    honorific = re.search(rf"\s{lexicon.NAME_PREFIX.removesuffix('?')}$", between)
    if honorific:  # "The ADR's national chairman, Alhaji Sani Garba Mohammed", "Hanbit's chief, Dr. Kim"
        between = between[:honorific.start() + 1]
    if between.startswith(")") and text[holder[0] - 1:holder[0]] == "(":
        between = between[1:]  # "New Zealand Rugby (NZR) chief executive X": the body's acronym, then the title
    scope = re.search(r"\s+(?:for|in)\s+(?:the\s+)?$", text[max(0, holder[0] - 12):holder[0]])
    if holder[2].type == "Place" and scope and k is not None and k > 0 and mentions[k - 1][2].type == "Organization" \
            and _title_between().match(text[mentions[k - 1][1]:holder[0] - len(scope.group(0))] + between):
        # "The WHO's regional director for Africa, X": the region is the scope of the title, the body holds it
        between = text[mentions[k - 1][1]:holder[0] - len(scope.group(0))] + between
        holder = mentions[k - 1]
    m = _title_between().match(between) if "\n" not in between else None  # (a headline's last word is no holder)
    opens = re.search(r"(?:^|\n|[.!?]\s)\s*(?:[Aa]n?|[Tt]he|[A-Z][\w.]*(?:’s|'s))\s+$",
                      text[max(0, holder[0] - 16):holder[0]])
    if not opens and m and (re.match(r"(?:’s|'s)\s", m.group(0))  # "Oberon's chief financial officer, X,"
                            or re.match(r"[A-Z][\w.-]*(?:’s|'s)\s", text[holder[0]:holder[1]])):
        # (or the holder as written is possessive: "Qatar's foreign ministry spokesman, X,")
        opens = re.search(r"(?:^|\n|[.!?][\"”’]?\s)\s*$", text[max(0, holder[0] - 4):holder[0]])
    if m and "," in m.group(0) and not opens:
        return []  # "X spokesman, Y" names Y only when the phrase opens with an article: "A X spokesman, Y, said"
    if not m or _past(text, holder[0]):
        return []
    title = m.group("title")
    if holder[2].type == "Place" and (not _state_office(title) or m.group("function")):
        return []
    lead = re.search(r"\b(chief|top)\s+$", text[max(0, holder[0] - 8):holder[0]], re.I)
    span_start = holder[0] - (len(lead.group(0)) if lead else 0)
    # the words before the title tell a part ("'s regional director", "'s finance chief") or a past role
    if m.group("function") and re.search(r"\b(?:years?|months?|decades?|terms?|seasons?|weeks?|days?)\b",
                                         m.group("function")):
        return []  # "Ford's chief executive for eight years, X": how long, perhaps no longer
    kind = _kind(f"{m.group('qual')}{title}")
    if kind == "leaderOf" and m.group("function"):
        kind = "memberOf"  # "Deutsche Bahn's head of human resources, X": the head of one of its functions
    return _relation(person, kind, holder[2], title, text, span_start, end)


@lru_cache(maxsize=1)
def _its_title_before() -> re.Pattern[str]:
    """`Its chief executive, ` / `said its candidate, ` right before a name (or before an honorific or an
    abbreviated rank and the name: `Its president, Sgt. Brian Keough`, `Its chief executive, Dr. X`)."""
    return re.compile(rf"\b(?P<its>[Ii]ts)\s+(?P<title>{QUALIFIER}{MODIFIER}{_role_regex()}),\s+{lexicon.NAME_PREFIX}$")


SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+(?=[\"“‘]?[A-Z])|\n\s*")
# "The opposition Labour Party said", "Transparency International UK, an anti-corruption group, welcomed":
# the words a sentence may open with before its subject.
SUBJECT_OPENING = re.compile(r"^(?:[\"“]?(?:The|the)\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,2}$")


# The words before a sentence's subject, after an opening adverb or phrase ("Later the X Federation, the largest
# union, said", "In neighbouring Germany, the GDL train drivers' union announced").
OPENS_WITH = re.compile(r"^(?:(?:Later|Meanwhile|Separately|Earlier|Elsewhere|Instead|However|Now|Then),?\s+|"
                        r"(?:In|At|On|After|Before|Across|Outside|Inside)\s[^,.;]{1,40},\s+)?"
                        + SUBJECT_OPENING.pattern.removeprefix("^"))


def _sentence_start(text: str, pos: int) -> int:
    """Start of the sentence that contains ``pos`` (a full stop, question or exclamation mark or a line break)."""
    start = 0
    for m in SENTENCE_END.finditer(text, max(0, pos - 600), pos + 2):  # the look-ahead may read past ``pos``
        if m.end() <= pos:
            start = m.end()
    return start


def _its_title(doc: Doc, mentions: list[Mention], i: int) -> list[Relation]:
    """`The opposition Labour Party said ... . Its home affairs spokesman, X, said`, `The ruling APC said its
    candidate, X, was ahead`: "its" is the organization that is the subject of the sentence (or, at the start of a
    sentence, of the sentence before)."""
    text = index_of(doc).text
    start, end, person = mentions[i]
    if person.type != "Actor" or not re.match(r"^[,)]|^\s+(?:\(|said|told|says)\b", text[end:end + 8]):
        return []
    m = _its_title_before().search(text[max(0, start - 80):start])
    if not m:
        return []
    its = start - (len(text[max(0, start - 80):start]) - m.start())
    sent = _sentence_start(text, its)
    if sent == its:  # "Its chief executive, X": the sentence before
        if sent == 0:
            return []
        limit = len(text[:sent].rstrip())
        sent = _sentence_start(text, limit - 1)
    else:
        limit = its
    inside = [mm for mm in mentions if sent <= mm[0] and mm[1] <= limit]
    title = m.group("title")
    if limit != its:  # "Its president, X": the organization the sentence before is about, by its parse
        owner = _subject_org(doc, mentions, sent, limit)
        if owner is not None:
            return _relation(person, _kind(title), owner, title, text, its, end)
    if not inside or inside[0][2].type != "Organization" or not SUBJECT_OPENING.match(text[sent:inside[0][0]]):
        return []
    if limit == its and any(mm[2].key != inside[0][2].key and mm[2].type != "Place" for mm in inside):
        return []  # "X told Y its ...": another name could own the title
    alone = all(mm[2].key == inside[0][2].key or mm[2].type == "Place" for mm in inside)
    if limit != its and not alone and not _is_subject(doc, inside[0][1]):
        return []  # "According to X, Y ... . Its chief, Z": of several names, the subject of the sentence is "it"
    return _relation(person, _kind(title), inside[0][2], title, text, its, end)


def _subject_org(doc: Doc, mentions: list[Mention], start: int, end: int) -> Entity | None:
    """The organization that is the subject of the sentence in ``[start, end)``: the subject's own name
    ("The Alliance of Tech Workers, which ..., called"), the name apposed to it ("The city's ally, the
    Harbour Fishers Association, won") or to the noun it is "of" ("the leadership of its partner, the X,
    said")."""
    ix = index_of(doc)
    first = ix.tokens[ix.token_at_or_after(start)]
    root = first.sent.root
    if root.idx >= end:
        return None
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    heads = [subj]
    heads += [o for p in subj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    for head in heads:
        for tok in [head, *(c for c in head.children if c.dep_ == "appos")]:
            hit = next((e for s, t, e in mentions if s <= tok.idx < t), None)
            if hit is not None:
                return hit if hit.type == "Organization" else None
    return None


def _led_by(text: str, mentions: list[Mention], i: int) -> list[Relation]:
    """`the Workers' Party, led by X,`, `Y, which is headed by X`."""
    start, end, org = mentions[i]
    nxt = i + 1
    if nxt < len(mentions) and mentions[nxt][2] is org and re.fullmatch(r"\s*\(", text[end:mentions[nxt][0]]) \
            and text[mentions[nxt][1]:mentions[nxt][1] + 1] == ")":
        end = mentions[nxt][1] + 1  # "the Sudanese Armed Forces (SAF), led by"
        nxt += 1
    if org.type != "Organization" or nxt >= len(mentions) or text[end:end + 1] != ",":
        return []
    s, t, person = mentions[nxt]
    m = LED_BY.match(text[end:s])
    if person.type != "Actor" or not m or not all(
            w.islower() or w.lower().rstrip(".") in lexicon.person_titles() | lexicon.title_modifiers()
            for w in m.group("title").split()):
        return []
    return _relation(person, "leaderOf", org, "leader", text, start, t)


def _is_subject(doc: Doc, end: int) -> bool:
    """Whether the name ending at ``end`` is the subject of its clause (its last word, or the word it is a part of)."""
    ix = index_of(doc)
    tok = ix.tokens[max(0, ix.token_at_or_after(end) - 1)]
    while tok.dep_ in ("compound", "flat", "appos") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def _apposed_after_role(text: str, mentions: list[Mention], i: int) -> list[Relation]:
    """`deputy commander of the Popular Mobilization Units (PMU), Abu Mahdi al-Muhandis`."""
    start, end, holder = mentions[i]
    if holder.type == "Actor" or i + 1 >= len(mentions):
        return []
    window = text[max(0, start - 60):start]
    before = _title_of_before().search(window) if last_word(window) in ("of", "for", "at") else None
    if not before:
        return []
    person = next((mentions[k] for k in range(i + 1, len(mentions))
                   if mentions[k][0] >= end and mentions[k][2].key != holder.key), None)
    if person is None or person[2].type != "Actor":
        return []
    if not re.match(r"^(?:\s*\([A-Z][\w.]{1,10}\))?,\s+$", text[end:person[0]]):
        return []
    title = before.group("title")
    if holder.type == "Place" and not _state_office(title):
        return []  # "The WHO's regional director for Africa, X": the region is where, not whom, one directs
    if last_word(window) == "at" and title.lower().split()[-1] == "leader":
        return []  # "The overnight leader at the Masters, X": a standing, not an office
    kind = _kind(title)
    if kind == "leaderOf" and re.search(r"\b[Aa]n?\s+$", window[:before.start()]):
        kind = "memberOf"  # "A director at X, Y": one of several
    return _relation(person[2], kind, holder, title, text, start - len(before.group(0)), person[1])


def _part_of(text: str, mentions: list[Mention], i: int) -> list[Relation]:
    """`Y, which is part of Z`; `the 14th Brigade of the PMU`, `the Quds Force of Iran's IRGC`."""
    start, end, unit = mentions[i]
    if unit.type != "Organization":
        return []
    head = text[start:end].lower().split()[-1]
    cursor, via_of = end, False
    for other in mentions[i + 1:i + 4]:
        if other[0] < cursor:
            continue
        between = text[cursor:other[0]]
        if other[2].type == "Place":
            if OF.match(between) and re.match(r"^(?:’s|'s)\s", text[other[1]:other[1] + 3]):
                cursor, via_of = other[1] + 2, True  # "of Iran's ...": the country owns the next name
                continue
            return []
        if other[2].type != "Organization" or other[2].key == unit.key:
            return []
        of = (via_of and not between.strip()) or OF.match(between)
        between = re.sub(r"^\s*\([A-Z][\w.]{1,10}\)", "", between)
        if PART_OF.match(between) or SUBSIDIARY.match(between) or (head in lexicon.part_heads() and of):
            return _relation(unit, "partOf", other[2], "part", text, start, other[1])
        return []
    return []


def _from_speaker_descriptions(text: str, statements: list[Statement], entities: list[Entity],
                               mentions: list[Mention]) -> list[Relation]:
    """`the spokesman for the political bureau of Y` resolved to X by the statements stage."""
    out = []
    by_key = {e.key: e for e in entities}
    for st in statements:
        mention = st.speaker_mention
        if st.speaker is None or mention is None or by_key[st.speaker].type != "Actor":
            continue
        m = _the_title_of().match(mention.text)
        if not m:
            continue
        holders = [e for s, t, e in mentions if mention.start <= s and t <= mention.end and e.type != "Actor"]
        if holders:
            out += _relation(by_key[st.speaker], _kind(m.group("title")), holders[-1], m.group("title"),
                             text, mention.start, mention.end)
    return out


# ---------------------------------------------------------------- an organization named by its kind
@lru_cache(maxsize=1)
def _described_title() -> re.Pattern[str]:
    """`the union's general secretary`, `the housing association's managing director`, `A company spokeswoman`:
    a role title in an organization the phrase names only by its kind (a head noun such as union, group)."""
    return re.compile(rf"(?P<det>[Tt]he|[Aa]n?)\s+(?P<qual>(?:{FILLER}(?:(?-i:[a-z])[\w-]*|{DEMONYM})\s+){{0,2}}?)"
                      rf"(?P<noun>(?-i:[a-z])+)(?P<poss>’s|'s)?\s+"
                      rf"(?P<title>{QUALIFIER}{MODIFIER}{_role_regex()})\b(?![’'-])", re.I)


DET_BEFORE = re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+(?:(?:[a-z][\w-]*|{DEMONYM})\s+){{0,2}}$")
WORD_BEFORE = re.compile(r"[a-z]+$")
INDEFINITE_BEFORE = re.compile(r"\b[Aa]n?\s+(?:[a-z][\w-]*\s+){1,4}[a-z][\w-]*$")


def _described_candidates(text: str, mentions: list[Mention]) -> list[re.Match[str]]:
    """Matches of :func:`_described_title`, found cheaply: at a possessive whose word is a kind noun ("union's"), and
    in the few words before a person's name set off by a comma ("A company spokeswoman, X")."""
    nouns = lexicon.org_heads() | lexicon.company_words()
    starts = set()
    for poss in ("’s ", "'s "):
        pos = text.find(poss)
        while pos >= 0:
            word = WORD_BEFORE.search(text, max(0, pos - 20), pos)
            det = DET_BEFORE.search(text, max(0, pos - 60), word.start()) if word and word.group() in nouns else None
            if det:
                starts.add(det.start())
            pos = text.find(poss, pos + 3)
    for s, _, e in mentions:
        if e.type == "Actor" and text[max(0, s - 2):s] == ", ":
            det = INDEFINITE_BEFORE.search(text[max(0, s - 80):s - 2])
            if det:
                starts.add(max(0, s - 80) + det.start())
    out = []
    for start in sorted(starts):
        m = _described_title().match(text, start)
        if m and m.group("noun").lower() in nouns:
            out.append(m)
    return out


def _described_org_titles(doc: Doc, mentions: list[Mention], entities: list[Entity]) -> list[Relation]:
    """`the union's general secretary, X`, `X, the group's executive director`, `A company spokeswoman, X`: the
    organization is the one of that kind the article named before (see :func:`_org_of_kind`); the person is the
    name apposed to the phrase, or else (`the housing association's managing director` ... `Managing director X`)
    the one person the article gives that title."""
    text, out = index_of(doc).text, list[Relation]()
    for m in _described_candidates(text, mentions):
        noun, title = m.group("noun").lower(), m.group("title")
        title, m_end = _whole_title(text, title, m.end())  # ("the company's chief financial officer, X")
        if not (m.group("poss") or m.group("det").lower() in ("a", "an")):
            continue  # "the company spokeswoman" is read by the statements stage; "the group's" or "a company"
        if any(w in PAST_WORDS for w in (m.group("qual") + title).lower().split()) or _past(text, m.start()):
            continue
        apposed = _apposed_person(text, mentions, m.start(), m_end)
        person = apposed[2] if apposed else None
        if person is None and m.group("det").lower() == "the" and m.group("poss"):
            person = _titled_person(entities, title)
        org = _org_of_kind(text, mentions, entities, noun, m.start()) if person else None
        if person is None or org is None:
            continue
        kind = _kind(title)
        if kind == "leaderOf" and m.group("det").lower() != "the":
            kind = "memberOf"  # "a company director": one of several
        span = (min(m.start(), apposed[0]), max(m_end, apposed[1])) if apposed else (m.start(), m_end)
        out += _relation(person, kind, org, title, text, *span)
    return out


def _whole_title(text: str, title: str, end: int) -> tuple[str, int]:
    """A title read up to its last role word: "chief" of "chief financial officer" (a title of its own, where the
    match stopped) is "chief financial officer"; with the end of the longer title in ``text``."""
    m = re.match(r"\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?\b", text[end:end + 40])
    if m is None:
        return title, end
    for k in (2, 1):  # (only over a title's own words: not "the company's chairman praised director X")
        words = [m.group(g) for g in range(1, k + 1)]
        if m.group(k) and m.group(k) in lexicon.role_nouns() \
                and all(w in lexicon.title_modifiers() or w in lexicon.role_nouns() for w in words[:-1]):
            longer = " ".join([title, *words])
            if _kind(longer) is not None:
                return longer, end + m.end(k)
    return title, end


def _apposed_person(text: str, mentions: list[Mention], start: int, end: int) -> Mention | None:
    """The person named right after a description (`..., X,` / `..., X said`), else right before it (`X, the ...`)."""
    after = next((m for m in mentions if m[0] >= end), None)
    if after and after[2].type == "Actor" and _only_titles(text[end:after[0]]):
        return after
    before = next((m for m in reversed(mentions) if m[1] <= start), None)
    if before and before[2].type == "Actor" and re.fullmatch(r",\s+", text[before[1]:start]):
        return before
    return None


def _only_titles(between: str) -> bool:
    """", " or ", Justice ", ", Dr. ", ", Brigadier General ": a comma and the person's own titles, if any."""
    m = re.fullmatch(r",\s+((?:[A-Z][\w.]*\s+){0,3})", between)
    if m is None:
        return False
    titles = lexicon.person_titles()
    return all(w.lower() in titles or w.lower().rstrip(".") in titles for w in m.group(1).split())


def _titled_person(entities: list[Entity], title: str) -> Entity | None:
    """The one person of the article given ``title`` ("Managing director X" for "the ... managing director")."""
    title = title.lower()
    found = [e for e in entities if e.type == "Actor" and title in e.titles]
    return found[0] if len(found) == 1 else None


def _org_of_kind(text: str, mentions: list[Mention], entities: list[Entity], noun: str, pos: int,
                 by_kind_only: bool = False) -> Entity | None:
    """The organization that "the union", "the group", "the company" refers to at ``pos``: the one organization
    named before whose name or description is of that kind ("Norvane Technologies" for "company", "Yiaga Africa,
    a civic group" for "group"); else (unless ``by_kind_only``) the one organization named in the same sentence
    before ``pos`` (or, when it names none, in the sentence before)."""
    def other_body(e: Entity) -> bool:  # "the Senate" is never "the party" or "the group"
        words = e.name.lower().split()  # (but the "African National Congress" is a party's name)
        return words[-1] != noun and lexicon.institutions().get(words[-1]) is not None and len(words) <= 2

    before = [(s, t, e) for s, t, e in mentions if t <= pos and e.type == "Organization" and not other_body(e)]
    kinds = {e.key: e for s, t, e in before if _of_kind(text, e, t, noun)}
    if len(kinds) == 1:
        return next(iter(kinds.values()))
    sent = _sentence_start(text, pos)
    if by_kind_only and not kinds:
        return None
    if kinds:  # several: the one named in this sentence or the one before ("SUD-Rail, the second-largest union,
        # said ... . The union's spokeswoman, X,")
        prev = _sentence_start(text, len(text[:sent].rstrip()) - 1) if sent > 0 else 0
        near = {e.key: e for s, t, e in before if s >= prev and e.key in kinds}
        if len(near) != 1:
            return None
        (body,) = near.values()
        # ... and only when that sentence opens with it and describes it by the kind ("SUD-Rail, the second-largest
        # union, said", "the GDL train drivers' union announced"): not "the Labour Party" after "the Conservative Party"
        opens = any(e.key == body.key and OPENS_WITH.match(text[_sentence_start(text, s):s])
                    and _described_as(text, e, t, noun) for s, t, e in before if s >= prev)
        return body if opens else None
    # ... but not one whose name or description says it is another kind of body ("Party chairman X" after
    # "director of Quaest, a polling firm"; the umbrella nouns "group", "company" fit any)
    window = {e.key: e for s, t, e in before if s >= sent and not _other_kind(text, e, t, noun)}
    if not window and sent > 0:
        prev = _sentence_start(text, len(text[:sent].rstrip()) - 1)
        window = {e.key: e for s, t, e in before if prev <= s < sent and not _other_kind(text, e, t, noun)}
    if len(window) > 1:  # "the Senate" is no party: a name whose head noun is another kind of body
        window = {k: e for k, e in window.items() if e.name.lower().split()[-1] not in lexicon.org_heads()}
    return next(iter(window.values())) if len(window) == 1 else None


UMBRELLA_KINDS = frozenset({"group", "company", "firm", "organization", "organisation", "outfit", "body"})


def _other_kind(text: str, org: Entity, end: int, noun: str) -> bool:
    """Whether a description apposed to an organization's mention ending at ``end`` names a kind of body other than
    ``noun`` ("Quaest, a polling firm" for "the party"; read as the entities stage reads it). Not its name: "the
    African National Congress" and "the Democratic Alliance" are parties."""
    if noun in UMBRELLA_KINDS:
        return False
    kind = appositive_kind(text[end:end + 80])
    # (a part's noun says what it is part of, not its kind: "Sinn Fein, the former political wing of the IRA")
    return kind is not None and kind != noun and kind not in lexicon.part_heads()


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([a-z]+)\s+(?:[A-Z][\w-]*\s+)?$", text[max(0, pos - 30):pos])  # "chipmaker (U.S.) Name"
    return m.group(1) if m else ""


# A lower-case word between a name and the kind noun it qualifies ("the GDL train drivers' union"), not a verb or
# a function word ("Acme said the union").
MODIFYING_WORD = (r"(?!(?:said|says|told|and|or|but|the|a|an|is|are|was|were|has|have|had|will|would|its|their|"
                  r"of|to|in|on|at|for|with|by|from|as|that|which|who)\b)[a-z][\w’'-]*")


def _of_kind(text: str, org: Entity, end: int, noun: str) -> bool:
    """Whether an organization is a ``noun`` by its name's head, its titles or a description apposed to it."""
    words = org.name.lower().split()
    head = lexicon.name_head(words)
    if noun in (words[-1], head) or words[-1] == f"{noun}s" or any(t.split()[-1] == noun for t in org.titles):
        return True  # ("Pacific Crest Airlines" is an airline)
    companies = lexicon.company_words()
    if noun in ("company", "firm") and (words[-1].strip(".,") in companies or any(
            _word_before(text, m.start) in companies for m in org.mentions)):  # "chipmaker Veltrix Semiconductors"
        return True
    return _described_as(text, org, end, noun)


def _described_as(text: str, org: Entity, end: int, noun: str) -> bool:
    """Whether the mention of ``org`` ending at ``end`` is described as a ``noun``: "SUD-Rail, the second-largest
    union,", "the GDL train drivers' union", "the CGT-Cheminots union"."""
    if re.match(rf"^\s+(?:{MODIFYING_WORD}\s+){{0,3}}?{re.escape(noun)}\b", text[end:end + 60]) \
            and any(sp.end == end and text[max(0, sp.start - 4):sp.start].lower() == "the " for sp in org.mentions):
        return True
    return re.match(rf"^,\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{re.escape(noun)}\b", text[end:end + 80]) is not None


# "Chief Executive Officer Martin Kessler", "CFO Dana Whitlock": an office only a company has, written at the
# start of a sentence or clause (not after a name: "Acme Chief Executive Officer X" names its company).
COMPANY_OFFICE = re.compile(r"(?:[.!?”\"]\s+|\n\s*|,\s+)(?P<title>[Cc]hief\s+(?:[A-Z]?[a-z]+\s+){0,2}?[Oo]fficer|"
                            r"[Cc]hief\s+[Ee]xecutive|CEO|CFO|COO|CTO)\s+$")


@lru_cache(maxsize=1)
def _kind_title_before() -> re.Pattern[str]:
    """`Company spokeswoman X`, `said union spokesman X`: a title in an organization named only by its kind."""
    return re.compile(rf"(?:^|[.!?”\"]\s+|\n\s*|,\s+|\bsaid\s+)(?P<noun>[A-Za-z]+)\s+"
                      rf"(?P<title>(?i:{MODIFIER}{_role_regex()}))\s+$")  # ("Council President X": a capital too)


def _kind_titled(text: str, mentions: list[Mention], entities: list[Entity]) -> list[Relation]:
    """`Company spokeswoman Rachel Okafor said`: the organization is the one of that kind the article named
    before (see :func:`_org_of_kind`)."""
    nouns = lexicon.org_heads() | lexicon.company_words()
    out: list[Relation] = []
    for s, t, person in mentions:
        if person.type != "Actor":
            continue
        m = _kind_title_before().search(text, max(0, s - 60), s)
        if m is None or m.group("noun").lower() not in nouns or _past(text, m.start("noun")):
            continue
        if any(a <= m.start("noun") < b for a, b, _ in mentions):
            continue  # "Congress leader X": the word is the organization's own name (see _before_person)
        capital = m.group("title")[:1].isupper()
        if capital and (re.match(r",?\s+(?:of|from|at)\s", text[t:t + 8])
                        or m.group("title").lower().split()[-1] == "minister"):
            continue  # ("Council President X of the Berkeley City Council", "Union Minister X": another body's)
        # (a capitalised title only for the one body of that kind: "Club Captain X" after "Arsenal beat Chelsea" is
        # either club's)
        org = _org_of_kind(text, mentions, entities, m.group("noun").lower(), m.start("noun"), by_kind_only=capital)
        if org is not None:
            out += _relation(person, _kind(m.group("title")), org, m.group("title"), text, m.start("noun"), t)
    return out


COURT_TITLES = ("chief justice", "associate justice", "justice")


# A title that says which body one sits in, by the head noun of the body's name ("Senator X" of the "Philippine
# Senate").
SEAT_TITLES = {"senator": "senate", "congressman": "congress", "congresswoman": "congress", "councillor": "council",
               "councilor": "council", "councilman": "council", "councilwoman": "council"}


def _titled_mentions(text: str, mentions: list[Mention], titles: Iterable[str],
                     done: set[str]) -> Iterator[tuple[int, int, Entity, str, str]]:
    """People (not in ``done``) named right after one of their ``titles`` in the present ("Senator X", "Justice Y"):
    (start, end, person, title, the words before the title)."""
    for start, end, person in mentions:
        if person.type != "Actor" or person.key in done:
            continue
        before = text[max(0, start - 40):start]
        title = next((t for t in titles if t in person.titles and before.lower().endswith(f"{t} ")), None)
        if title is not None and not _past(text, start - len(title) - 1):
            yield start, end, person, title, before[:len(before) - len(title) - 1].rstrip()


LOCAL_COUNCIL = re.compile(r"\b(?:City|County|Borough|District|Town|Parish|Municipal|Metropolitan|Regional|Shire)\b")


def _seat_holders(text: str, mentions: list[Mention], entities: list[Entity]) -> list[Relation]:
    """`Senator Corazon Dimaculangan`, `Councillor Ann Ward`: a member of the one body of that kind the article names
    (not of another country's or town's: "US Senator X" in an article about the Philippine Senate)."""
    out: list[Relation] = []
    done: set[str] = set()
    for start, end, person, title, qualifier in _titled_mentions(text, mentions, SEAT_TITLES, done):
        bodies = [e for e in entities if e.type == "Organization"
                  and lexicon.name_head(e.name.lower().split()) == SEAT_TITLES[title]]
        if len(bodies) != 1 or re.search(r"(?:\b[A-Z][\w’'-]*|’s|'s)$", qualifier) and not any(
                qualifier.split()[-1] in n.split() for n in (bodies[0].name, *bodies[0].aliases)):
            continue
        (body,) = bodies
        # a place named in the person's sentence or between the body and the person that the body's name does not hold
        # ("In Washington, Senator X", "Senator Y of Vermont"): a seat elsewhere; and a councillor sits on a place's
        # council ("Leeds City Council"), not the "UN Security Council"
        since = max((s for s, _, e in mentions if e.key == body.key and s < start),
                    default=_sentence_start(text, start))
        stop = SENTENCE_END.search(text, end)
        sentence = (_sentence_start(text, start), stop.start() if stop else len(text))
        if any(e.type == "Place" and e.name not in body.name and (since <= s < start or sentence[0] <= s < sentence[1])
               for s, _, e in mentions) or SEAT_TITLES[title] == "council" and not LOCAL_COUNCIL.search(body.name) \
                or re.match(r",?\s+(?:of|from)\s", text[end:end + 8]):  # ("Councillor X, of neighbouring Kirklees,")
            continue
        done.add(person.key)
        out += _relation(person, "memberOf", body, title, text, start - len(title) - 1, end)
    return out


def _court_officers(text: str, mentions: list[Mention], entities: list[Entity]) -> list[Relation]:
    """`Justice Margaret Ellery told`, `Chief Justice William Harrow`: a justice of the one court the article names
    (a name whose head is "court" or "tribunal"); the chief justice leads it when it is a supreme or constitutional
    court. Two courts: no one's court is known. Not a judge ("Judge X" sits on lower courts, talent shows and
    boxing panels), nor a title qualified by a name or an adjective ("Indian Chief Justice", "Kenya's Chief
    Justice": of another court than the one named)."""
    courts = [e for e in entities
              if e.type == "Organization" and lexicon.name_head(e.name.lower().split()) in ("court", "tribunal")]
    if not courts:
        return []
    out: list[Relation] = []
    done: set[str] = set()
    for start, end, person, title, qualifier in _titled_mentions(text, mentions, COURT_TITLES, done):
        # the court the title names ("IHC Justice X", "Supreme Court Justice Y"), else the one the article names
        named = [c for c in courts if any(qualifier.endswith(n) for n in (c.name, *c.aliases))]
        court = named[0] if len(named) == 1 else courts[0] if len(courts) == 1 and not named else None
        if court is None or not named and re.search(r"(?:\b[A-Z][\w’'-]*|’s|'s)$", qualifier):
            continue  # ("Indian Chief Justice X", "Kenya's Chief Justice X": another country's court)
        done.add(person.key)
        kind = lexicon.role_nouns().get(title, "memberOf")
        if kind == "leaderOf" and not re.search(r"\b(?:supreme|constitutional)\b", court.name.lower()):
            continue  # ("the High Court": a chief justice presides over the country's top court)
        out += _relation(person, kind, court, title, text, start - len(title) - 1, end)
    return out


def _company_officers(text: str, mentions: list[Mention], entities: list[Entity]) -> list[Relation]:
    """`Chief Executive Officer X said`, with no organization written before the title: the one company the
    article named before (by its legal form or trade: "chipmaker Norvane Technologies")."""
    out: list[Relation] = []
    for start, end, person in mentions:
        if person.type != "Actor" or not text[max(0, start - 8):start].rstrip().endswith(("r", "O", "e")):
            continue  # cheap filter: a title ending "officer", "CEO" or "executive" right before the name
        window = ("\n" if start <= 50 else "") + text[max(0, start - 50):start]
        m = COMPANY_OFFICE.search(window)
        if not m:
            continue
        companies = {e.key: e for s, t, e in mentions if t <= start and e.type == "Organization" and
                     _of_kind(text, e, t, "company")}
        if len(companies) == 1:
            title = m.group("title")
            out += _relation(person, _kind(title) or "memberOf", next(iter(companies.values())), title, text,
                             start - (len(window) - m.start("title")), end)
    return out


# "Health Minister Grace Chimombo", "Economy and Finance Minister X": a minister named by the portfolio right
# before the name (not "Prime Minister", "Deputy Minister": no portfolio).
PORTFOLIO_MINISTER = re.compile(r"(?:^|[^\w’'])(?P<portfolio>(?:[A-Z][a-z]+(?:\s+(?:and|of|for)\s+|\s+)){1,4}?)"
                                r"(?:[Mm]inister|[Ss]ecretary)\s+$")
NOT_PORTFOLIOS = frozenset({"prime", "deputy", "vice", "former", "state", "junior", "the", "a", "senior", "acting",
                            "chief", "first", "cabinet", "general", "permanent", "principal"})


def _portfolio_ministers(text: str, mentions: list[Mention], entities: list[Entity]) -> list[Relation]:
    """"Health Minister Grace Chimombo" leads the article's one ministry whose name holds the portfolio's words
    ("Ministry of Health", "Malawi's health ministry"); without such a ministry in the article, no relation."""
    ministries = [e for e in entities if e.type == "Organization"
                  and any("ministry" in n.lower().split() for n in (e.name, *e.aliases))]
    out: list[Relation] = []
    if not ministries:
        return out
    places = lexicon.places()
    home = _home_country(entities)
    for start, end, person in mentions:
        if person.type != "Actor":
            continue
        m = PORTFOLIO_MINISTER.search(text, max(0, start - 60), start)
        if m is None or _past(text, m.start("portfolio")):
            continue
        written = re.findall(r"[A-Za-z]+", m.group("portfolio"))
        # (a country written with the title: "Japanese Foreign Minister X")
        country = next((places[w] for w in written if w in places), None) \
            or next((places[w] for w in re.findall(r"[A-Z][a-z]+", text[max(0, m.start() - 12):m.start()])
                     if w in places), None)
        words = [w.lower() for w in written if w.lower() not in ("and", "of", "for") and w not in places]
        lead = next((i for i, w in enumerate(words) if w not in NOT_PORTFOLIOS), len(words))
        words, deputy = words[lead:], any(w in DEPUTY_WORDS for w in words[:lead])
        if not words or words[0] in NOT_PORTFOLIOS:
            continue
        abroad = re.match(r",?\s+of\s+(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)", text[end:end + 40])
        if abroad and country is None:
            country = places.get(abroad.group(1))  # ("Health Minister X of Kenya")
        held = [e for e in ministries if any(set(words) <= set(re.findall(r"[a-z]+", n.lower()))
                                             for n in (e.name, *e.aliases))
                and _ministry_of(e, country or home)]
        if len(held) == 1:
            title = text[m.start("portfolio"):start].strip()
            out += _relation(person, "memberOf" if deputy else "leaderOf", held[0], title, text,
                             m.start("portfolio"), end)
    return out


# "Government spokesman X", "Presidential spokeswoman X": the country's spokesperson.
GOVERNMENT_SPOKESPERSON = re.compile(r"(?:^|[^\w’'])(?P<title>(?:[Gg]overnment|[Pp]residential|[Cc]abinet)\s+"
                                     r"spokes(?:man|woman|person))\s+$")


def _home_officials(text: str, mentions: list[Mention], entities: list[Entity], original: str) -> list[Relation]:
    """"Health Minister Selim Ertuğrul", "Government spokesman Henrik Sommerfeld" with no country written: a minister
    (a member) or the spokesperson of the country the story is filed from, when its dateline says so ("SIMAV,
    Turkey (Reuters) -", "BERLIN, November 5" for Germany) and the article names that country. A title with any
    other word before it ("Ontario Health Minister", "Company Secretary", "Chinese Vice Premier") is left alone.
    ``original`` is the article's text as read: the dateline is page furniture, blanked in ``text``."""
    home_name = _dateline_country(original)
    home = next((e for e in entities if e.type == "Place" and e.name == home_name), None) if home_name else None
    if home is None:
        return []
    out: list[Relation] = []
    for start, end, person in mentions:
        if person.type != "Actor":
            continue
        spokes = GOVERNMENT_SPOKESPERSON.search(text, max(0, start - 40), start)
        if spokes is not None and not _past(text, spokes.start("title")):
            out += _relation(person, "spokespersonOf", home, spokes.group("title"), text, spokes.start("title"), end)
            continue
        m = PORTFOLIO_MINISTER.search(text, max(0, start - 60), start)
        if m is None or _past(text, m.start("portfolio")):
            continue
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", m.group("portfolio")) if w.lower() not in ("and", "of")]
        if not words or any(w not in PORTFOLIO_WORDS for w in words):
            continue
        title = text[m.start("portfolio"):start].strip()
        out += _relation(person, "memberOf", home, title, text, m.start("portfolio"), end)
    return out


# A dateline at the top of a story: "SIMAV, Turkey (Reuters) -", "BERLIN, November 5, 2025", "BERLIN (AP) -".
DATELINE_PLACE = re.compile(r"(?m)^\s*(?P<city>[A-Z][A-Z'’.-]+(?:[ /][A-Z][A-Z'’.-]+){0,3})"
                            r"(?:,\s+(?P<country>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?))?(?=\s*[,(–—-])")


def _dateline_country(text: str) -> str | None:
    """The country a story's dateline names, or whose capital it names (kg/data/capitals.tsv)."""
    m = DATELINE_PLACE.search(text, 0, 800)
    if m is None:
        return None
    places = lexicon.places()
    country = m.group("country")
    if country and places.get(country) == country:
        return country
    city = m.group("city").title()
    return lexicon.capitals().get(city) or (city if places.get(city) == city else None)


# The words a minister's portfolio is written with ("Health Minister X", "Public Security Minister X"): only these
# make a minister of the dateline's country (not "Company Secretary X", "Ontario Health Minister X").
PORTFOLIO_WORDS = frozenset({"foreign", "interior", "home", "security", "defence", "defense", "finance", "health",
                             "education", "justice", "trade", "economy", "energy", "environment", "transport",
                             "housing", "culture", "labour", "labor", "agriculture", "immigration", "treasury",
                             "digital", "science", "industry", "development", "communications", "competition",
                             "tourism", "climate", "sport", "sports", "youth", "mining", "planning", "fisheries",
                             "public", "works", "economic"})


def _ministry_of(ministry: Entity, country: str | None) -> bool:
    """Whether a minister of ``country`` (written with the title, or the article's own country) heads ``ministry``:
    a ministry named without a country ("the Ministry of Health") is any minister's of its portfolio; a country's
    ("Japan's foreign ministry", "the Japanese foreign ministry") only that country's minister's."""
    first = ministry.name.split()[0]
    owner = lexicon.places().get(first[:-2] if first.endswith(("'s", "’s")) else first)
    return owner is None or owner == country


def _home_country(entities: list[Entity]) -> str | None:
    """The country an article names most often, if it names one more often than any other."""
    places = lexicon.places()
    counts = Counter({e.name: len(e.mentions) for e in entities if e.type == "Place" and places.get(e.name) == e.name})
    top = counts.most_common(2)
    return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None


# "X, a spokeswoman for the company", "Y, the chairman of the club": a title for a body named by its kind.
TITLE_FOR_KIND = re.compile(r",\s+(?:a|an|the)\s+(?P<title>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+(?:for|of|at)\s+"
                            r"the\s+(?P<kind>[a-z]+)\b(?!\s+of\b|['’])")


def _title_for_kind(text: str, mentions: list[Mention], entities: list[Entity]) -> list[Relation]:
    """"Lucía Fernández-Cáceres, a spokeswoman for the company": the organization is the one of that kind the
    article named before (see :func:`_org_of_kind`)."""
    nouns = lexicon.org_heads() | lexicon.company_words()
    out: list[Relation] = []
    for start, end, person in mentions:
        m = TITLE_FOR_KIND.match(text, end) if person.type == "Actor" else None
        if m is None or m.group("kind") not in nouns:
            continue
        kind = _kind(m.group("title"))
        # (a body named as of that kind; only "the company", "the group" may be the one body named nearby)
        org = _org_of_kind(text, mentions, entities, m.group("kind"), m.start("kind"),
                           by_kind_only=m.group("kind") not in UMBRELLA_KINDS) if kind else None
        if org is not None:
            out += _relation(person, kind, org, m.group("title"), text, start, m.end())
    return out
