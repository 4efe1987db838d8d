"""Events of one article: typed triggers with who, whom, where and when, merged inside the article.

1. Triggers: tokens matching a pattern of the taxonomy (``ontology/event-types.ttl``), e.g. the
   noun *assassination*, the noun *strike* with a *drone* modifier, the verb *approve* with the
   object *bill*.
2. Mood: a trigger told as unreal is dropped — negated, modal or future (*will face*, *would
   pursue*; a type may declare *will* real: *will cut 1,200 jobs*), an infinitive (*to end the
   mission*), a condition (*if they leave*), a noun with a hypothetical modifier (*the eventual
   withdrawal*, *the next phase of deployment*) or under a proposal (*a proposal for a ceasefire*,
   *pushing for a ceasefire*). An event noun modifying another (*ceasefire talks*) is no event of
   its own, nor is a participle describing a noun (*the negotiating table*).
3. Arguments from the dependency parse, as article-local entity keys: agents (subject, *by X*,
   possessor, compound, *US-led*, the subject of a support verb: *X made a visit*), participants
   (object, *of X* (not the place of a title: *the mayor of Ostrava*), *against X*, appositions and
   conjuncts), place (*in/at/near/to X* naming a Place; *through X* for events that move: *a bushfire
   swept through X*; under the noun's own verb when the parser hung it on the noun), time
   (:mod:`kg.extract.timex`, attached through the parse; *two days after the attack*
   resolved against the attack's date).
   Entities in datelines and bylines (*NAIROBI –*) are no arguments, and a dateline's date
   (*PATNA, March 6, 2025 –*) or a point of comparison (*the highest turnout since 2000*) dates
   no event. A report whose *that*-clause
   tells a real event (*announced on Monday that they had agreed to merge*) is folded into it.
4. Mentions of one event inside the article (*the assassination* … *the attack*, *testified at
   a hearing*) are merged; a headline mention joins the first body telling of its type at a
   compatible time (the body's agents and place win: *Bihar court convicts* … *a Patna court
   convicted*), a definite noun (*the crash*) the last anchored telling of its type.
5. A noun without anchor — no time, no agent, no place, no named person, no support verb — is a
   generic mention (*the withdrawal of troops is non-negotiable*), not an event; so is a bare
   plural without arguments (*lost elections since 2020*).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from kg.extract.docindex import index_of
from kg.extract.event_types import EventType, Pos, Trigger, load_event_types, trigger_index
from kg.extract.timex import Timex, anniversary, compatible_time, find_timexes, shift
from kg.records import Article, Entity, Event, Span, Statement, TimeValue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MODALS = frozenset({"will", "would", "shall", "should", "could", "can", "may", "might", "must", "'ll", "wo", "'d"})
CONDITION_MARKS = frozenset({"if", "unless", "whether", "until"})
# Modifiers that make an event noun hypothetical or merely planned.
HYPOTHETICAL_MODIFIERS = frozenset(
    {
        "eventual",
        "upcoming",
        "next",
        "future",
        "possible",
        "potential",
        "planned",
        "proposed",
        "expected",
        "imminent",
        "likely",
        "prospective",
        "further",
    }
)
NEGATING_DETERMINERS = frozenset({"no", "any"})
# Dependencies through which a noun phrase passes its mood up to the verb that governs it.
NOMINAL_DEPS = frozenset(
    {
        "prep",
        "pobj",
        "dobj",
        "nsubj",
        "nsubjpass",
        "compound",
        "appos",
        "conj",
        "attr",
        "npadvmod",
        "poss",
        "pcomp",
        "dative",
        "oprd",
        "agent",
    }
)
CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "csubj", "parataxis"})
VERB_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "prt", "prep", "attr", "oprd", "dative"})
PARTICLES = frozenset({"out", "down", "off", "up", "back", "away"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# Dependencies only a noun can have: a word tagged VERB there is a mis-tagged noun (*talks*).
NOUN_SLOT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "into", "to", "across", "outside", "throughout", "through",
                         "from"})
ANCHOR_PLACE_PREPS = frozenset({"in", "at", "near", "inside", "through"})
# "a bushfire swept through X", "protesters marched through X": events that move through a place; "the
# ceasefire was negotiated through Egypt" names a go-between
THROUGH_TYPES = frozenset({"Disaster", "Protest", "Attack", "Invasion", "Deployment"})
# "agreed in Luanda on Saturday at talks hosted by Angola": the talks share the verb's time and place.
COTEMPORAL_PREPS = frozenset({"at", "during", "amid"})
PARTICIPANT_PREPS = frozenset({"against", "on", "with", "between", "targeting"})
AGENT_ACL_LEMMAS = frozenset(
    {"authorize", "order", "carry", "conduct", "lead", "launch", "stage", "organize", "agree", "sign", "reach"}
)
# Participles whose *by X* names a participant, not the doer (*talks hosted by Angola*).
PARTICIPANT_ACL_LEMMAS = frozenset({"host", "mediate", "broker", "sponsor"})
# Prepositions through which a support verb takes its event noun (*agreed to a ceasefire*).
SUPPORT_PREPS = frozenset({"to", "on", "in"})
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})
# Verbs that make the event they govern merely expected, planned or threatened.
IRREALIS_GOVERNORS = frozenset(
    {
        "expect",
        "plan",
        "schedule",
        "propose",
        "want",
        "seek",
        "threaten",
        "vow",
        "promise",
        "intend",
        "hope",
        "demand",
        "urge",
        "call",
        "consider",
        "prepare",
        "accuse",
        "allege",
        "deny",
        "push",  # "pushing for a ceasefire"
        "press",
        "lobby",
        "discuss",
        "ask",
        "await",
        "warn",
        "fear",
    }
)
# Nouns that make the event noun they govern merely proposed or feared (*a proposal for a ceasefire*,
# *a ceasefire proposal*, *calls for a general strike*, *the threat of an invasion*).
IRREALIS_NOUNS = frozenset(
    {
        "proposal",
        "plan",
        "call",
        "demand",
        "push",
        "bid",
        "offer",
        "hope",
        "request",
        "appeal",
        "draft",
        "prospect",
        "possibility",
        "talk",
        "negotiation",
        "threat",
        "risk",
        "fear",
        "idea",
        "effort",
        "framework",
        "roadmap",
        "blueprint",
    }
)
# Prepositions through which such a noun governs the event noun (*a proposal for*, *talks on*).
IRREALIS_NOUN_PREPS = frozenset({"for", "on", "over", "of", "about", "toward", "towards"})
# Nouns whose topic happened whatever the mood of the clause they are in: "voted to open an inquiry into
# the fatal shooting of X" plans the inquiry, not the shooting.
INQUIRY_NOUNS = frozenset({"inquiry", "enquiry", "investigation", "probe", "inquest", "review", "trial", "lawsuit"})
INQUIRY_PREPS = frozenset({"into", "of", "over", "on"})
# Pronouns that, as the subject of a reported clause, stand for the reporting verb's subject.
REPORTED_PRONOUNS = frozenset({"it", "they", "he", "she"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# "NAIROBI –", "LUANDA, Angola –", "GOMA (Reuters) -", "PATNA, March 6, 2025 –": where (and when) the
# story was filed, not a participant.
DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’ -]{1,30}(?:,[ \t]*[A-Z][\w.'’ -]{1,30})?"
    r"(?:,[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?)(?:,?[ \t]+\d{4})?)?"
    r"(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*[–—-]+[ \t]",
    re.M,
)
# A short line without sentence punctuation (an outlet name, a byline) is no prose either.
NON_PROSE_LINE = re.compile(r"^[ \t]*(?:\S+[ \t]+){0,5}\S*[^\s.!?:;\"”’][ \t]*$", re.M)
MAX_LABEL_PHRASE = 4


# ---------------------------------------------------------------- data


@lru_cache(maxsize=1)
def support_verbs() -> dict[str, frozenset[str]]:
    """Support verb lemma → the slots ("object", "subject") an event noun may fill (kg/data)."""
    text = resources.files("kg").joinpath("data", "event_support_verbs.tsv").read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lemma, slot = (line.split("\t") + [""])[:2]
        out.setdefault(lemma.strip(), set()).add(slot.strip() or "object")
    return {k: frozenset(v) for k, v in out.items()}


# ---------------------------------------------------------------- working records


@dataclass
class _Mention:
    """One trigger occurrence with its arguments, before merging."""

    tok: Token
    trigger: Trigger
    etype: EventType
    support: Token | None = None
    agents: list[str] = field(default_factory=list)
    anchor_agents: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)
    place: str | None = None
    place_prep: str = "in"
    anchor_place: bool = False
    times: list[Timex] = field(default_factory=list)
    extra_tokens: list[Token] = field(default_factory=list)  # pattern dependents, for the label
    anchored: bool = False
    in_headline: bool = False

    @property
    def sent(self) -> int:
        return index_of(self.tok.doc).sent_of[self.tok.i]

    def has_args(self) -> bool:
        return bool(self.agents or self.participants or self.place)


@dataclass
class _Group:
    """Mentions of one event inside one article."""

    mentions: list[_Mention]
    time: TimeValue | None = None

    @property
    def type(self) -> str:
        return self.mentions[0].etype.name

    def agents(self) -> set[str]:
        return {a for m in self.mentions for a in m.agents}

    def args(self) -> set[str]:
        return {a for m in self.mentions for a in (*m.agents, *m.participants, *([m.place] if m.place else []))}


# ---------------------------------------------------------------- entities


class _EntityIndex:
    """Token → article-local entity key, by overlap of the token with a mention span. Mentions in
    ``blocked`` stretches (datelines, bylines) are no event arguments."""

    def __init__(self, entities: Iterable[Entity], blocked: Iterable[tuple[int, int]] = ()) -> None:
        stops = list(blocked)
        self.spans = sorted(
            (m.start, m.end, e.key)
            for e in entities
            for m in e.mentions
            if not any(m.start < be and bs < m.end for bs, be in stops)
        )
        self.by_key = {e.key: e for e in entities}

    def at(self, tok: Token) -> str | None:
        s, e = tok.idx, tok.idx + len(tok.text)
        for ms, me, key in self.spans:
            if ms >= e:
                break
            if ms < e and s < me:
                return key
        return None

    def type_of(self, key: str) -> str:
        return self.by_key[key].type

    def name(self, key: str) -> str:
        return self.by_key[key].name


def non_prose_spans(text: str, headline: Span | None = None) -> list[tuple[int, int]]:
    """Stretches of an article that are not prose: datelines, and short unpunctuated lines other
    than the headline (outlet names, bylines)."""
    out = [(m.start(), m.end()) for m in DATELINE.finditer(text)]
    for m in NON_PROSE_LINE.finditer(text):
        if headline is None or not (m.start() <= headline.start < m.end()):
            out.append((m.start(), m.end()))
    return out


def _overlaps(span: Span, stretch: tuple[int, int]) -> bool:
    return span.start < stretch[1] and stretch[0] < span.end


def _phrase_entities(tok: Token, ents: _EntityIndex, follow_of: bool = True) -> list[str]:
    """Entities a noun phrase names: its head (else a compound, else its *of* complement), plus the
    names in appositions, conjuncts and *along with* phrases. A noun with a named person or a named
    apposition beside it (*US Chairman ..., General Mark Milley*, *the Angolan capital, Luanda*)
    names that, not its compound."""
    side: list[str] = []
    apposed: list[str] = []
    for c in tok.children:
        if c.dep_ == "appos":
            apposed.extend(_phrase_entities(c, ents, follow_of=False))
            side.extend(apposed)
        elif c.dep_ == "conj":
            side.extend(_phrase_entities(c, ents, follow_of))
        elif c.dep_ == "prep" and c.lower_ == "along":
            side.extend(k for o in _pobjs(c) for k in _phrase_entities(o, ents, follow_of))
    out: list[str] = []
    key = ents.at(tok)
    if key is not None and _demonym_noun(tok, key, ents):
        key = None  # "the first Australian convicted of a war crime": a person of the country, not the country
    # "US Chairman ..., General Mark Milley", "the Angolan capital, Luanda": the named apposition,
    # not the modifier, is what the phrase names
    person_beside = any(ents.type_of(k) == "Actor" for k in side)
    if key is None and not person_beside and not apposed:
        # ("a former New Jersey state senator was sentenced": a title's modifier names where, not who)
        key = None if _person_title(tok) else next(
            (k for c in tok.children if c.dep_ == "compound" for k in [ents.at(c)] if k), None)
        # ("a former mayor of Ostrava was sentenced": the mayor, not the town, was; a title names a person)
        if key is None and follow_of and tok.pos_ in ("NOUN", "PROPN") and not _person_title(tok):
            out.extend(
                k
                for p in tok.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for o in _pobjs(p)
                for k in _phrase_entities(o, ents, follow_of=False)
            )
    if key:
        out.append(key)
    return list(dict.fromkeys(out + side))


def _demonym_noun(tok: Token, key: str, ents: _EntityIndex) -> bool:
    """A word for a person of a country ("Australian", "Iraqis") heading a phrase, not modifying one
    ("Iraqi forces"): it names people, not the country."""
    from kg.extract import lexicon

    word = tok.text[:-1] if tok.text.endswith("s") and not tok.text.endswith("ss") else tok.text  # "Iraqis"
    return ents.type_of(key) == "Place" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos") \
        and tok.text != ents.name(key) and word.endswith(lexicon.ADJECTIVE_ENDINGS)


def _person_title(tok: Token) -> bool:
    """A singular role noun or title ("mayor", "head", "spokesman"): the person holding it, not what it is of."""
    from kg.extract import lexicon

    word = tok.lower_
    return tok.tag_ == "NN" and (word in lexicon.role_nouns() or word in lexicon.person_titles())


def _pobjs(prep: Token) -> Iterator[Token]:
    for c in prep.children:
        if c.dep_ == "pobj":
            yield c
        elif c.dep_ == "prep":  # "along with X", "out of X"
            yield from _pobjs(c)


# ---------------------------------------------------------------- triggers


def _nounlike(tok: Token) -> bool:
    """A noun, or a word tagged as a verb in a noun's slot (*Ceasefire talks in Cairo ended*)."""
    if tok.pos_ == "NOUN":
        return True
    return tok.pos_ == "VERB" and tok.dep_ in NOUN_SLOT_DEPS and tok.tag_ in ("VBZ", "VBP", "VB")


def _antecedent(c: Token) -> Token:
    """The noun a relative pronoun stands for (*the reform, which parliament passed*), else ``c``."""
    if c.lower_ in RELATIVE_PRONOUNS and c.head.dep_ == "relcl":
        return c.head.head
    return c


def _dependents(tok: Token) -> list[Token]:
    """The dependents a trigger's required words are looked for in: a verb's object, passive subject,
    particle or preposition, or the noun its past participle describes; a noun's modifiers, the head of its *of*
    complement and its agent after *by* (*a strike by 11,000 workers* is a workers' strike)."""
    if tok.pos_ == "VERB":
        objects = [_antecedent(c) for c in tok.children
                   if c.dep_ in VERB_OBJECT_DEPS or c.dep_ in ("acomp", "ccomp") or _advmod_particle(tok, c)]
        return objects + _described_noun(tok)  # "the draft, approved by the cabinet"
    out = [c for c in tok.children if c.dep_ in NOUN_MODIFIER_DEPS]
    out += [o for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "by") for o in _pobjs(c)]
    return out


def _described_noun(verb: Token) -> list[Token]:
    """The noun a past participle describes ("the draft, approved by the cabinet"; "Brinkman, founded in 1921"), as
    a one-item list, or none."""
    return [verb.head] if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i != verb.i else []


def _advmod_particle(verb: Token, c: Token) -> bool:
    """"rail workers walked out": a particle right after the verb that the parser labelled an adverb
    (not "out of", a preposition)."""
    return c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in PARTICLES \
        and not (c.i + 1 < len(verb.doc) and verb.doc[c.i + 1].lower_ == "of")


def _governed_by(tok: Token, word: str) -> bool:
    head = tok.head
    if head.i == tok.i:
        return False
    if word in _forms(head):
        return True
    return head.dep_ in ("prep", "agent") and head.head.i != head.i and word in _forms(head.head)


def _support_slots(verb: Token) -> frozenset[str]:
    """The slots in which ``verb`` supports an event noun (see ``event_support_verbs.tsv``)."""
    table = support_verbs()
    return next((table[f] for f in _forms(verb) if f in table), frozenset())


def _forms(tok: Token) -> tuple[str, ...]:
    """A verb's lemma and the forms its past tense may stand for (the model lemmatises "staged" as "stag")."""
    low = tok.lower_
    return (tok.lemma_.lower(), low, low[:-1], low[:-2]) if low.endswith("ed") else (tok.lemma_.lower(), low)


def _near_lemmas(tok: Token) -> set[str]:
    """Lemmas a ``!word`` requirement must not find: the trigger's dependents, the objects of its
    prepositions (*a rally in stocks*), the subject of a verb it is the object of (*stocks staged a
    rally*), a verb's own subject (*violence erupted*) and the noun it modifies (*a hearing aid*)."""
    near = [*_dependents(tok), *(o for c in tok.children if c.dep_ == "prep" for o in _pobjs(c))]
    if tok.pos_ == "VERB":
        near += _verb_subjects(tok)
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        near += _verb_subjects(tok.head)
    if tok.dep_ == "compound":  # "a hearing aid"
        near.append(tok.head)
    return {t.lemma_.lower() for t in near}


def _requirement_met(tok: Token, word: str, ents: _EntityIndex | None = None) -> bool:
    if word.startswith("^"):
        return _governed_by(tok, word[1:])
    if word.startswith("!"):
        return word[1:] not in _near_lemmas(tok)
    if word.startswith("~"):  # a dependent of a dependent, one of the words given ("cut rate ~interest|benchmark")
        return bool(set(word[1:].split("|")) & {g.lemma_.lower() for c in _dependents(tok) for g in c.children})
    if word.startswith("<@"):  # the subject names an entity of that type ("die <@Actor": a named person died)
        return ents is not None and tok.pos_ == "VERB" and any(
            ents.type_of(k).lower() == word[2:] for s in _verb_subjects(tok) for k in _phrase_entities(s, ents))
    if word.startswith("<"):
        # a plural subject at the start of a line may be tagged a proper noun: "Negotiators met"
        forms = {word[1:], word[1:] + "s"}
        return tok.pos_ == "VERB" and any({s.lemma_.lower(), s.lower_} & forms for s in _verb_subjects(tok))
    if word.startswith("@"):
        if ents is None:
            return False
        return any(
            ents.type_of(k).lower() == word[1:] for c in _dependents(tok) for k in _phrase_entities(c, ents)
        )
    return any(c.lemma_.lower() == word for c in _dependents(tok))


def _match_trigger(
    tok: Token, index: dict[tuple[str, Pos], tuple[Trigger, ...]], ents: _EntityIndex | None = None
) -> Trigger | None:
    if tok.pos_ not in ("NOUN", "VERB"):
        return None
    pos = "NOUN" if _nounlike(tok) else tok.pos_
    # (a verb's past form the model lemmatised wrong: "fined" -> "fin", "staged" -> "stag")
    for lemma in dict.fromkeys(_forms(tok) if pos == "VERB" else (tok.lemma_.lower(), tok.lower_)):
        for trig in index.get((lemma, pos), ()):  # type: ignore[arg-type]
            if all(_requirement_met(tok, w, ents) for w in trig.requires):
                return trig
    return None


def _extra_tokens(tok: Token, trig: Trigger) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ == "poss":
            continue  # "workers' strike": the possessor is an argument, not part of the trigger
        if c.lemma_.lower() in trig.requires and (c.dep_ in VERB_OBJECT_DEPS or c.dep_ in NOUN_MODIFIER_DEPS):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ == "of":
            out.extend(o for o in _pobjs(c) if o.lemma_.lower() in trig.requires)
    return out


def _support_verb(tok: Token) -> Token | None:
    """The support verb governing an event noun (*made a visit*, *the visit came*, *agreed to a
    ceasefire*), if any."""
    for c in tok.children:  # "the attack carried out in Mumbai in 2008": a participle whose object is the noun
        if c.dep_ == "acl" and c.tag_ == "VBN" and "object" in _support_slots(c):
            return c
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in SUPPORT_PREPS and head.head.i != head.i:
        verb = head.head
        if verb.pos_ == "VERB" and "object" in _support_slots(verb):
            return verb
        return None
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return None
    slots = _support_slots(head)
    if tok.dep_ in ("dobj", "nsubjpass") and "object" in slots:
        return head
    if tok.dep_ == "nsubj" and "subject" in slots:
        return head
    return None


# ---------------------------------------------------------------- mood


def _verb_unreal(v: Token, allow_to: bool = False, real_modals: frozenset[str] = frozenset()) -> bool:
    for c in v.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ in ("aux", "auxpass") and c.lower_ in real_modals:
            continue  # "will cut 1,200 jobs": a decision told as news (kgt:realUnder "will")
        if c.dep_ in ("aux", "auxpass") and (c.tag_ == "MD" or c.lower_ in MODALS or (c.tag_ == "TO" and not allow_to)):
            return True
        if c.dep_ == "mark" and c.lower_ in CONDITION_MARKS:
            return True
    return False


def _clause_unreal(v: Token, real_under: tuple[str, ...] = ()) -> bool:
    """A verb told as unreal, or inheriting unreality from the verb it depends on. An infinitive
    under one of ``real_under`` (*agreed to acquire*) takes the mood of that verb; a modal among
    ``real_under`` (*will*) does not make the trigger itself unreal (*it will cut 1,200 jobs*)."""
    cur = v
    real_modals = frozenset(w for w in real_under if w in MODALS)
    for _ in range(8):
        allow_to = cur.dep_ == "xcomp" and cur.head.lemma_.lower() in real_under
        if _verb_unreal(cur, allow_to, real_modals if cur is v else frozenset()):
            return True
        if cur.dep_ in ("conj", "xcomp") and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ == "advcl" and cur.head.i != cur.i:
            if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in cur.children):
                return True
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":  # "accused the army of attacking"
            gov = cur.head.head
            while gov.dep_ in NOMINAL_DEPS and gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
                gov = gov.head
            return gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in IRREALIS_GOVERNORS
        return False
    return False


def _under_irrealis_noun(n: Token) -> bool:
    """*a ceasefire proposal*, *a proposal for a ceasefire*, *talks on a truce*."""
    head = n.head
    if head.i == n.i:
        return False
    if n.dep_ == "compound":
        return head.pos_ == "NOUN" and head.lemma_.lower() in IRREALIS_NOUNS
    if n.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in IRREALIS_NOUN_PREPS and head.head.i != head.i:
        gov = head.head
        return gov.pos_ == "NOUN" and gov.lemma_.lower() in IRREALIS_NOUNS
    return False


def _topic_of_inquiry(n: Token) -> bool:
    """*an inquiry into the shooting*, *the investigation of the attack*: what is investigated happened."""
    prep = n.head
    return (n.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in INQUIRY_PREPS and prep.head.i != prep.i
            and prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in INQUIRY_NOUNS)


def _noun_unreal(n: Token) -> bool:
    cur = n
    for _ in range(12):
        if any(c.dep_ in ("amod", "advmod") and c.lower_ in HYPOTHETICAL_MODIFIERS for c in cur.children):
            return True
        if any(c.dep_ == "det" and c.lower_ in NEGATING_DETERMINERS for c in cur.children):
            return True
        if _topic_of_inquiry(cur):
            return False  # (after its own modifiers: "a review of the proposed merger" is of a plan)
        if _under_irrealis_noun(cur):
            return True
        if cur.pos_ in ("VERB", "AUX") and cur is not n:
            return cur.lemma_.lower() in IRREALIS_GOVERNORS or _clause_unreal(cur)
        if cur.head.i == cur.i or cur.dep_ not in NOMINAL_DEPS:
            return cur.dep_ in ("acl", "xcomp") and _clause_unreal(cur)
        cur = cur.head
    return False


def is_unreal(tok: Token, support: Token | None = None, real_under: tuple[str, ...] = ()) -> bool:
    """True when the event the trigger names is negated, hypothetical, planned or conditional."""
    if tok.pos_ == "VERB":
        return _clause_unreal(tok, real_under)
    if support is not None and _clause_unreal(support):
        return True
    return _noun_unreal(tok)


# ---------------------------------------------------------------- arguments


def _verb_subjects(v: Token) -> list[Token]:
    cur = v
    for _ in range(4):
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "csubj")]
        if subj:
            return subj
        if cur.dep_ in ("conj", "xcomp") and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    return []


def _reporter_subjects(v: Token, subjects: list[Token]) -> list[Token]:
    """*Unilever said it will cut 1,200 jobs*: a third-person pronoun subject of a reported clause
    stands for the subject of the verb reporting it."""
    if not subjects or any(s.lower_ not in REPORTED_PRONOUNS for s in subjects):
        return []
    cur = v
    while cur.dep_ in ("conj", "xcomp") and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ != "ccomp" or cur.head.i == cur.i or cur.head.pos_ not in ("VERB", "AUX"):
        return []
    return [s for s in _verb_subjects(cur.head) if s.pos_ != "PRON"]


def _by_agents(tok: Token) -> list[Token]:
    """``by X`` on the trigger, or on a participle hanging from it (*a strike authorized by X*)."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            out.extend(_pobjs(c))
        elif c.dep_ == "acl" and c.lemma_.lower() in AGENT_ACL_LEMMAS:
            out.extend(o for a in c.children if a.dep_ == "agent" for o in _pobjs(a))
    return out


def _natural_place(tok: Token, ents: _EntityIndex) -> bool:
    """A place that is no state ("the Red Sea", "Darfur"): it can be where an event happened, never its agent.
    States are the places of ``kg/data/places.tsv`` ("a US strike": the United States struck)."""
    key = ents.at(tok)
    return key is not None and ents.type_of(key) == "Place" and ents.name(key) not in _states()


@lru_cache(maxsize=1)
def _states() -> frozenset[str]:
    from kg.extract import lexicon

    return frozenset(lexicon.places().values())


def _is_place(tok: Token, ents: _EntityIndex) -> bool:
    key = ents.at(tok)
    return key is not None and ents.type_of(key) == "Place"


def _led_agents(n: Token) -> list[Token]:
    """``US-led invasion``: the entity before *-led*."""
    return [
        x
        for c in n.children
        if c.dep_ == "amod" and c.lemma_.lower() == "lead"
        for x in c.children
        if x.dep_ in ("npadvmod", "compound", "nmod")
    ]


def _agents(m: _Mention, ents: _EntityIndex) -> tuple[list[str], list[str]]:
    """(agents, anchoring agents). Agents reached only through *of X* do not anchor a noun."""
    tok = m.tok
    heads: list[Token] = []
    if tok.pos_ == "VERB":
        subjects = _verb_subjects(tok)
        heads += [s for s in subjects if s.pos_ != "PRON"] or _reporter_subjects(tok, subjects)
    else:
        place_mod = m.etype.place_modifier
        heads += [
            c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON" and not (place_mod and _is_place(c, ents))
        ]
        heads += _led_agents(tok)
        heads += [
            c
            for c in tok.children
            if c.dep_ == "compound"
            and ents.at(c)
            and not ((m.etype.of_argument == "agent" or place_mod) and _is_place(c, ents))
            and not _natural_place(c, ents)  # "a Red Sea attack": where, not who
        ]
        if m.support is not None and "object" in _support_slots(m.support):
            heads += [s for s in _verb_subjects(m.support) if s.pos_ != "PRON"]
    heads += _by_agents(tok)
    anchoring = [k for h in heads for k in _phrase_entities(h, ents, follow_of=False)]
    of_agents = []
    if tok.pos_ == "NOUN" and m.etype.of_argument == "agent":
        of_agents = [
            k
            for p in tok.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for o in _pobjs(p)
            for k in _phrase_entities(o, ents, follow_of=False)
        ]
    return list(dict.fromkeys(anchoring + of_agents)), list(dict.fromkeys(anchoring))


def _participants(m: _Mention, ents: _EntityIndex) -> list[str]:
    tok = m.tok
    heads: list[Token] = []
    if tok.pos_ == "VERB":
        heads += [c for c in tok.children if c.dep_ in ("dobj", "dative")]
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        if passive:
            heads += [c for c in tok.children if c.dep_ == "nsubjpass" and c.pos_ != "PRON"]
        heads += _described_noun(tok)  # "Brinkman, founded in 1921"
    elif m.etype.of_argument == "participant":
        heads += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in _pobjs(p)]
    heads += [o for p in tok.children if p.dep_ == "prep" and p.lower_ in PARTICIPANT_PREPS for o in _pobjs(p)]
    heads += [
        o
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ == "along" and any(w.lower_ == "with" for w in p.children)
        for o in _pobjs(p)
    ]
    heads += [
        o
        for c in tok.children
        if c.dep_ == "acl" and c.lemma_.lower() in PARTICIPANT_ACL_LEMMAS
        for a in c.children
        if a.dep_ == "agent"
        for o in _pobjs(a)
    ]
    required = {t.i for t in m.extra_tokens}
    return list(
        dict.fromkeys(k for h in heads if h.i not in required and h.pos_ != "PRON" for k in _phrase_entities(h, ents))
    )


def _place_in(p: Token, ents: _EntityIndex) -> str | None:
    for o in _pobjs(p):
        for k in _phrase_entities(o, ents):
            if ents.type_of(k) == "Place":
                return k
    return None


def _place(m: _Mention, ents: _EntityIndex, stop: set[int]) -> tuple[str | None, str, bool]:
    """(place, preposition, anchoring?) from *in/at/near/to X* under the trigger or its support verb."""
    roots = [m.tok] + ([m.support] if m.support is not None else [])
    if m.tok.pos_ == "NOUN" and m.tok.dep_ in ("nsubj", "dobj") and m.tok.head.pos_ == "VERB":
        roots.append(m.tok.head)  # "a bombing killed 12 people in Kabul"
    if m.tok.pos_ == "NOUN":  # "after a bushfire swept through X": a finite verb the parser hung on its subject
        clause = m.tok.dep_ == "pobj" and m.tok.head.lower_ in ("after", "before", "until", "since")
        roots += [c for c in m.tok.children if c.dep_ == "acl" and (c.tag_ == "VBD" or clause and c.tag_ == "VBN")]
    verb = _cotemporal_verb(m.tok)
    if verb is not None:
        roots.append(verb)
    preps = PLACE_PREPS if m.etype.name in THROUGH_TYPES else PLACE_PREPS - {"through"}
    for root in roots:
        for p in _bounded_subtree(root, stop):
            if p.dep_ == "prep" and p.lower_ in preps:
                key = _place_in(p, ents)
                if key:
                    return key, p.lower_, p.lower_ in ANCHOR_PLACE_PREPS
    if m.tok.pos_ == "NOUN" and (m.etype.of_argument == "agent" or m.etype.place_modifier):
        # "Austin's Baghdad visit", "Peru's earthquake"
        mod_deps = ("compound", "poss") if m.etype.place_modifier else ("compound",)
        for c in m.tok.children:
            k = ents.at(c) if c.dep_ in mod_deps else None
            if k and ents.type_of(k) == "Place":
                return k, "in", True
    if m.tok.pos_ == "VERB" and m.etype.of_argument == "agent":  # "visited Baghdad", "visited the towns of X"
        for c in m.tok.children:
            for k in _phrase_entities(c, ents) if c.dep_ == "dobj" else ():
                if ents.type_of(k) == "Place":
                    return k, "to", True
    if m.tok.pos_ == "NOUN" and m.tok.dep_ == "nsubj" and m.tok.head.pos_ == "VERB":
        # "an earthquake struck southern Peru", "the strike hit a camp in Goma"
        for c in m.tok.head.children:
            for k in _phrase_entities(c, ents) if c.dep_ == "dobj" else ():
                if ents.type_of(k) == "Place":
                    return k, "in", True
    return None, "in", False


def _cotemporal_verb(tok: Token) -> Token | None:
    """The verb an event noun is the setting of (*agreed ... at talks*, *arrested during a protest*)."""
    prep = tok.head
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in COTEMPORAL_PREPS:
        return None
    return prep.head if prep.head.pos_ in ("VERB", "AUX") else None


def _bounded_subtree(root: Token, stop: set[int]) -> Iterator[Token]:
    """Tokens under ``root`` in breadth-first order, not entering clauses or other triggers."""
    queue = [root]
    while queue:
        tok = queue.pop(0)
        yield tok
        for c in tok.children:
            if c.i in stop or c.dep_ in CLAUSE_DEPS:
                continue
            if c.dep_ == "acl" and c.lemma_.lower() not in AGENT_ACL_LEMMAS:
                continue
            queue.append(c)


# ---------------------------------------------------------------- time


def _timex_root(doc: Doc, tx: Timex) -> Token | None:
    span = tx.time.span
    if span is None:
        return None
    sp = doc.char_span(span.start, span.end, alignment_mode="expand")
    return sp.root if sp is not None and len(sp) else None


def _attach_times(doc: Doc, mentions: list[_Mention], timexes: list[Timex]) -> None:
    """Give each time expression to the event whose trigger (or support verb) governs it; a time
    on a plain verb goes to the nearest event noun of that verb's own clause (*they were targeted
    on January 3 in a drone strike*)."""
    by_tok = {m.tok.i: m for m in mentions}
    by_support = {m.support.i: m for m in mentions if m.support is not None}
    by_verb: dict[int, list[Timex]] = {}
    for tx in timexes:
        tok = _timex_root(doc, tx)
        owner = _time_owner(tok, by_tok, by_support) if tok is not None else None
        if owner is not None:
            owner.times.append(tx)
        if tok is not None and tok.head.pos_ in ("VERB", "AUX"):
            by_verb.setdefault(tok.head.i, []).append(tx)
        elif tok is not None and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            by_verb.setdefault(tok.head.head.i, []).append(tx)
    for m in mentions:
        verb = _cotemporal_verb(m.tok)
        if verb is not None and not m.times:
            m.times.extend(tx for tx in by_verb.get(verb.i, []) if tx.offset is None)


def _time_owner(tok: Token, by_tok: dict[int, _Mention], by_support: dict[int, _Mention]) -> _Mention | None:
    cur = tok
    for _ in range(10):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        owner = by_tok.get(cur.i) or by_support.get(cur.i)
        if owner is not None:
            return owner
        if cur.pos_ in ("VERB", "AUX"):
            inside = [by_tok[t.i] for t in _bounded_subtree(cur, set()) if t.i in by_tok and _nounlike(t)]
            # "agreed on Tuesday to acquire X": the time of the verb is the time of its complement
            inside += [by_tok[c.i] for c in cur.children if c.dep_ == "xcomp" and c.i in by_tok]
            return min(inside, key=lambda m: (abs(m.tok.i - tok.i), m.tok.i)) if inside else None
    return None


def _offset_anchor(doc: Doc, tx: Timex, groups: list[_Group], group_of: dict[int, _Group]) -> _Group | None:
    """The event after/before which ``tx`` counts (*two days after the attack*)."""
    span = tx.time.span
    if span is None:
        return None
    sp = doc.char_span(span.start, span.end, alignment_mode="expand")
    if sp is None:
        return None
    prep = next((t for t in sp if t.lower_ in ("after", "before", "following")), None)
    if prep is None:
        return None
    for obj in _pobjs(prep):
        for t in obj.subtree:
            if t.i in group_of:
                return group_of[t.i]
    return None


def _anniversary_years(doc: Doc, tx: Timex) -> int | None:
    """``days before the 20th anniversary of X``: 20."""
    span = tx.time.span
    if span is None:
        return None
    sp = doc.char_span(span.start, span.end, alignment_mode="expand")
    prep = next((t for t in sp or () if t.lower_ in ("after", "before")), None)
    for obj in _pobjs(prep) if prep is not None else ():
        if obj.lemma_.lower() == "anniversary":
            for c in obj.children:
                digits = "".join(ch for ch in c.text if ch.isdigit())
                if c.dep_ == "amod" and digits:
                    return int(digits)
    return None


def _dated_in_past(doc: Doc, tok: Token, timexes: list[Timex], published: str | None) -> bool:
    """An event noun carrying its own past date (*under a 2020 ruling*, *the 2007 earthquake*) is a
    fact whatever the mood of the clause around it; a negated or hypothetical noun is not."""
    if tok.pos_ != "NOUN" or not published or _noun_modifiers_unreal(tok) or _under_irrealis_noun(tok):
        return False
    for tx in timexes:
        root = _timex_root(doc, tx) if tx.time.value and tx.offset is None else None
        if root is None or root.i == tok.i:
            continue
        own = root.head.i == tok.i or (root.head.dep_ == "prep" and root.head.head.i == tok.i)
        if own and (tx.time.value or "") < published[: len(tx.time.value or "")]:
            return True
    return False


def _noun_modifiers_unreal(n: Token) -> bool:
    return any(
        (c.dep_ in ("amod", "advmod") and c.lower_ in HYPOTHETICAL_MODIFIERS)
        or (c.dep_ == "det" and c.lower_ in NEGATING_DETERMINERS)
        for c in n.children
    )


def _best_time(times: list[TimeValue]) -> TimeValue | None:
    if not times:
        return None
    return sorted(times, key=lambda t: (t.value is None, t.end is not None, -len(t.value or "")))[0]


def _resolve_group_times(doc: Doc, groups: list[_Group], group_of: dict[int, _Group]) -> None:
    """Absolute times first, then offsets from other events (twice, so chains resolve)."""
    for g in groups:
        g.time = _best_time([tx.time for m in g.mentions for tx in m.times if tx.offset is None])
    for _ in range(2):
        for g in groups:
            if g.time is not None and g.time.value:
                continue
            for tx in (tx for m in g.mentions for tx in m.times if tx.offset is not None):
                anchor = _offset_anchor(doc, tx, groups, group_of)
                if anchor is None or anchor is g:
                    continue
                base = anchor.time
                years = _anniversary_years(doc, tx)
                if base is not None and base.value and years:
                    base = anniversary(base, years, base.text)
                t = shift(base, tx.offset, tx.time.text, tx.time.span) if base and tx.offset else tx.time
                if g.time is None or t.value:
                    g.time = t


# ---------------------------------------------------------------- merging inside the article


def _own_time(m: _Mention) -> TimeValue | None:
    return _best_time([tx.time for tx in m.times if tx.offset is None])


def _time_fits(g: _Group, m: _Mention) -> bool:
    return compatible_time(_best_time([t for x in g.mentions if (t := _own_time(x))]), _own_time(m))


def _joins(g: _Group, m: _Mention, headline: bool = False) -> bool:
    if g.type != m.etype.name:
        return False
    if not _time_fits(g, m):
        return False
    if any(_setting_of(x, m) or _setting_of(m, x) for x in g.mentions):
        return True
    ga, ma = g.agents(), set(m.agents)
    if ga and ma and not ga & ma:
        return False
    shared = bool(g.args() & {*m.agents, *m.participants, *([m.place] if m.place else [])})
    if shared or headline:
        return True
    bare = not m.participants or not any(x.participants for x in g.mentions)
    near = 0 <= _sentence_distance(g.mentions[-1].tok, m.tok) <= 1 and not _background(g.mentions[-1], m)
    return bare and (near or (_anaphoric(m) and any(x.anchored for x in g.mentions)))


def _background(a: _Mention, b: _Mention) -> bool:
    """One of two mentions is in a relative clause about someone who takes no part in the other's event: "The court
    ruled that X erred by naming Y, a lawyer who was jailed in 2008" (the jailing is Y's past), but not "Police
    arrested a boy, who was detained at his home on Tuesday" (the boy is the one arrested)."""
    for x, y in ((a, b), (b, a)):
        antecedent = _relative_antecedent(y.tok)
        if antecedent is not None and _relative_antecedent(x.tok) is None:
            return not _argument_of(antecedent, x.tok)
    return False


def _relative_antecedent(tok: Token) -> Token | None:
    """The noun a relative clause holding ``tok`` is about, or None."""
    for _ in range(12):
        if tok.dep_ == "relcl":
            return tok.head
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _argument_of(tok: Token, trigger: Token) -> bool:
    """Whether ``tok`` is an argument of ``trigger`` (its object, subject, or a noun of one of its phrases), within
    three steps up the parse."""
    for _ in range(3):
        if tok.head.i == tok.i or tok.dep_ not in ("dobj", "nsubj", "nsubjpass", "pobj", "prep", "appos", "attr",
                                               "npadvmod", "conj", "dative", "agent"):
            return False
        tok = tok.head
        if tok.i == trigger.i:
            return True
    return False


def _setting_of(a: _Mention, b: _Mention) -> bool:
    """``a`` is the setting of the verb ``b`` of its own type: *testified at a hearing*."""
    verb = _cotemporal_verb(a.tok)
    return verb is not None and verb.i == b.tok.i


def _anaphoric(m: _Mention) -> bool:
    """A definite noun with no time, agent or *of* complement of its own (*the crash*, *it was the
    deadliest accident*) tells again an event the article has already told."""
    if m.tok.pos_ != "NOUN" or m.times or m.agents:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in m.tok.children):
        return False
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in m.tok.children)


def _sentence_distance(a: Token, b: Token) -> int:
    ix = index_of(a.doc)
    return ix.sent_number(b.i) - ix.sent_number(a.i)


def _group(mentions: list[_Mention], headline: Span | None = None) -> list[_Group]:
    """Mentions of one event, in text order; a headline mention joins the first body telling of
    its type (a headline sums up the lead), or else stands alone."""

    def in_headline(m: _Mention) -> bool:
        return headline is not None and headline.start <= m.tok.idx < headline.end

    groups: list[_Group] = []
    for m in sorted((m for m in mentions if not in_headline(m)), key=lambda x: x.tok.i):
        target = next((g for g in reversed(groups) if _joins(g, m)), None)
        if target is None:
            groups.append(_Group([m]))
        else:
            target.mentions.append(m)
    for m in sorted((m for m in mentions if in_headline(m)), key=lambda x: x.tok.i):
        target = next((g for g in groups if _joins(g, m, headline=True)), None)
        if target is None:
            # A headline names the lead's event more loosely ("Bihar court convicts ..." over "a
            # court in Patna convicted ..."): the first body telling of its type at a compatible time.
            target = next((g for g in groups if g.type == m.etype.name and _time_fits(g, m)), None)
            if target is not None:  # the body says who: "a Patna court", not "Bihar court"
                m.agents = [a for a in m.agents if a in target.agents()]
                m.anchor_agents = [a for a in m.anchor_agents if a in m.agents]
        m.in_headline = True
        if target is None:
            groups.append(_Group([m]))
        else:
            target.mentions.insert(0, m)
    return sorted(groups, key=lambda g: min(x.tok.i for x in g.mentions))


# ---------------------------------------------------------------- anchoring and labels


def _generic_plural(tok: Token) -> bool:
    """A bare plural (*several incumbents have lost elections since 2020*) names a kind of event."""
    return tok.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)


def _anchored(m: _Mention, ents: _EntityIndex) -> bool:
    if m.tok.pos_ == "VERB":
        return True
    named_person = any(ents.type_of(k) == "Actor" for k in m.participants)
    if _generic_plural(m.tok) and not (m.has_args() or m.support is not None):
        return False
    return bool(m.times or m.anchor_agents or m.anchor_place or m.support is not None or named_person)


def _written(tok: Token) -> str:
    """A token as the article writes it (the parser may have read another spelling: kg.nlp)."""
    return index_of(tok.doc).text[tok.idx:tok.idx + len(tok)]


def _short_phrase(tok: Token) -> str:
    words = [t for t in tok.subtree if t.dep_ not in ("det", "punct") and t.i <= tok.i]
    words = words[-MAX_LABEL_PHRASE:]
    return " ".join(_written(t) for t in words)


def _names(keys: Iterable[str], ents: _EntityIndex) -> str:
    return " and ".join(ents.name(k) for k in dict.fromkeys(keys))


def _label(m: _Mention, ents: _EntityIndex, group_agents: tuple[str, ...] = ()) -> str:
    agent_keys = m.agents or list(group_agents)
    agents = _names(agent_keys, ents)
    if not agents and m.tok.pos_ == "VERB":
        subj = [s for s in _verb_subjects(m.tok) if s.pos_ != "PRON"]
        agents = _short_phrase(subj[0]) if subj else ""
    if m.tok.pos_ == "VERB":
        core = " ".join([_written(m.tok), *(_written(t) for t in m.extra_tokens if t.dep_ != "prep")])
    else:
        # (not a modifier the agent's name already says: "the Senate vote" is no "Senate Senate vote")
        mods = [_written(t) for t in m.extra_tokens if t.i < m.tok.i and ents.at(t) not in agent_keys]
        of = [_written(t) for t in m.extra_tokens if t.i > m.tok.i]
        core = " ".join([*mods, _written(m.tok)]) + (f" of {' '.join(of)}" if of else "")
        if agents and all(ents.type_of(k) == "Actor" for k in agent_keys):
            agents += "'s"
    parts = [agents, core]
    participants = [k for k in m.participants if k not in agent_keys and k != m.place]
    if participants:
        parts.append(
            ("of " if m.tok.pos_ == "NOUN" and m.etype.of_argument == "participant" else "")
            + _names(participants, ents)
        )
    if m.place and m.place not in agent_keys:
        parts.append(f"{m.place_prep} {ents.name(m.place)}")
    return " ".join(p for p in parts if p).strip()


# ---------------------------------------------------------------- entry point


def _mentions(doc: Doc, ents: _EntityIndex, types: dict[str, EventType]) -> list[_Mention]:
    index = trigger_index(types)
    found: list[_Mention] = []
    for tok in index_of(doc).tokens:
        trig = _match_trigger(tok, index, ents)
        if trig is None or tok.tag_ == "VBG" and tok.dep_ in ("amod", "compound"):
            continue  # "the negotiating table", "striking workers": a participle describing a noun
        support = _support_verb(tok) if _nounlike(tok) else None
        found.append(_Mention(tok, trig, types[trig.type], support, extra_tokens=_extra_tokens(tok, trig)))
    # A participle of the same type describing an event noun tells that event ("the truce reached in Kunming on Aug.
    # 21"): no event of its own, it is the noun's support verb and gives it its place and time (not "the acquisition
    # announced in January": the announcement is another event).
    by_tok = {m.tok.i: m for m in found}
    told = [m for m in found if m.tok.pos_ == "VERB" and m.tok.dep_ == "acl" and m.tok.head.i in by_tok
            and by_tok[m.tok.head.i].etype.name == m.etype.name]
    for m in told:
        noun = by_tok[m.tok.head.i]
        noun.support = noun.support or m.tok
    found = [m for m in found if m not in told]
    triggers = {m.tok.i for m in found}
    # A verb trigger whose object is another event noun is a support verb for it ("announced the end");
    # an event noun modifying another one names what that one is about ("ceasefire talks", "merger
    # talks"): the head is the event.
    found = [
        m
        for m in found
        if not (m.tok.pos_ == "VERB" and any(c.dep_ == "dobj" and c.i in triggers for c in m.tok.children))
        and not (m.tok.dep_ == "compound" and m.tok.head.i in triggers)
    ]
    for m in found:
        m.agents, m.anchor_agents = _agents(m, ents)
        m.place, m.place_prep, m.anchor_place = _place(m, ents, triggers - {m.tok.i})
        m.participants = [k for k in _participants(m, ents) if k not in m.agents and k != m.place]
    return found


def _fold_reports(mentions: list[_Mention]) -> tuple[list[_Mention], list[tuple[_Mention, _Mention]]]:
    """A verb trigger whose *that*-clause tells a real event (*announced on Monday that they had
    agreed to merge*) only reports it: the reported event is the news, and takes the report's time
    when it has none. A report of a plan (*announced they will withdraw*) stays an event."""
    by_tok = {m.tok.i: m for m in mentions}
    pairs: list[tuple[_Mention, _Mention]] = []
    for m in mentions:
        if m.tok.pos_ != "VERB":
            continue
        for c in m.tok.children:
            cur: Token | None = c if c.dep_ == "ccomp" else None
            while cur is not None and cur.i not in by_tok:
                cur = next((x for x in cur.children if x.dep_ == "xcomp"), None)
            if cur is not None:
                pairs.append((by_tok[cur.i], m))
                break
    reports = {id(r) for _, r in pairs}
    return [m for m in mentions if id(m) not in reports], pairs


def extract_events(
    doc: Doc,
    article: Article,
    entities: list[Entity],
    statements: list[Statement],
    *,
    types: dict[str, EventType] | None = None,
) -> tuple[list[Event], list[tuple[int, str]]]:
    """Events told as real in the article, and which statements refer to them.

    ``types`` defaults to the shipped taxonomy (:func:`load_event_types`).
    """
    types = types or load_event_types()
    non_prose = non_prose_spans(article.text, article.headline)
    ents = _EntityIndex(entities, non_prose)
    # A dateline's date is when the story was filed; "since 2000", "than in 2019" date no event.
    timexes = [
        tx
        for tx in find_timexes(index_of(doc).text, article.published)
        if not tx.reference and not (tx.time.span and any(_overlaps(tx.time.span, s) for s in non_prose))
    ]
    mentions = [
        m
        for m in _mentions(doc, ents, types)
        if not is_unreal(m.tok, m.support, m.etype.real_under) or _dated_in_past(doc, m.tok, timexes, article.published)
    ]
    _attach_times(doc, mentions, timexes)
    mentions, told_by = _fold_reports(mentions)
    for content, report in told_by:
        if not content.times:
            content.times.extend(report.times)
    for m in mentions:
        m.anchored = _anchored(m, ents)
    groups = _group(mentions, article.headline)
    group_of = {m.tok.i: g for g in groups for m in g.mentions}
    _resolve_group_times(doc, groups, group_of)
    kept = [g for g in groups if any(m.anchored for m in g.mentions)]
    events: list[Event] = []
    key_of: dict[int, str] = {}
    for n, g in enumerate(kept, 1):
        key = f"v{n}"
        events.append(_event(key, g, ents))
        for m in g.mentions:
            key_of[m.tok.i] = key
    return events, _statement_links(doc, statements, events, key_of, types)


def _event(key: str, g: _Group, ents: _EntityIndex) -> Event:
    rep = sorted(
        g.mentions,
        key=lambda m: (
            -len({*m.agents, *m.participants, m.place} - {None}),
            m.in_headline,
            m.tok.pos_ != "VERB",
            m.tok.i,
        ),
    )[0]
    agents = tuple(dict.fromkeys(a for m in g.mentions for a in m.agents))
    participants = tuple(dict.fromkeys(p for m in g.mentions for p in m.participants if p not in agents))
    # the body's place before the headline's ("Paris court convicts ..." over "a court in Nanterre")
    body_places = [m.place for m in (rep, *g.mentions) if m.place and not m.in_headline]
    place = next(iter(body_places), None) or rep.place or next((m.place for m in g.mentions if m.place), None)
    t = rep.tok
    return Event(
        key=key,
        type=g.type,
        trigger=Span(t.idx, t.idx + len(t.text), t.text),
        label=_label(rep, ents, agents),
        agents=agents,
        participants=participants,
        place=place,
        time=g.time,
    )


def _statement_links(
    doc: Doc, statements: list[Statement], events: list[Event], key_of: dict[int, str], types: dict[str, EventType]
) -> list[tuple[int, str]]:
    """A statement refers to an event when its content holds one of the event's triggers, or a
    definite trigger noun of a type the article has exactly one event of (*the withdrawal*)."""
    by_type: dict[str, list[str]] = {}
    for ev in events:
        by_type.setdefault(ev.type, []).append(ev.key)
    nouns = {(tr.lemma, tr.pos): tr.type for t in types.values() for tr in t.triggers if not tr.requires}
    links: set[tuple[int, str]] = set()
    for idx, st in enumerate(statements):
        span = doc.char_span(st.content.start, st.content.end, alignment_mode="expand")
        for tok in span or ():
            if tok.i in key_of:
                links.add((idx, key_of[tok.i]))
                continue
            etype = nouns.get((tok.lemma_.lower(), "NOUN")) if tok.pos_ == "NOUN" else None
            if (
                etype
                and len(by_type.get(etype, [])) == 1
                and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.children)
            ):
                links.add((idx, by_type[etype][0]))
    return sorted(links)
