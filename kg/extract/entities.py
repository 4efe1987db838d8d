"""Entities of one article: people, organizations and places, typed from the article's own evidence.

The small English model finds most names but often mistypes or mis-splits names from other
languages. We therefore treat its spans only as *candidates* and decide from the text:

1. candidates: NER spans repaired (leading "the", possessive "'s", titles and role nouns split off,
   runs of proper nouns joined), proper-noun runs the model missed, glossed names ("Fatah
   (Conquest) Alliance"), places and demonyms from ``kg/data/places.tsv`` and country
   institutions ("the Iraqi parliament");
2. types: strong evidence from the context (head nouns, "which is part of", "who leads", titles
   before a name, appositive role nouns) overrides the model's label;
3. clusters: identical names, aliases stated in the text (parenthesis, "also known as", "X or Y"),
   short forms of one full name ("Kirby") and spelling variants of a surname, typed consistently.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.extract import lexicon
from kg.extract.docindex import SUBJECT_DEPS, index_of, last_word
from kg.nlp import SHORT_GIVEN_NAMES
from kg.records import AliasEvidence, Article, Entity, Span
from kg.text import dateline_city

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token

NER_TYPES = {"PERSON": "Actor", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place"}
NON_NAME_ENTS = {"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"}
WEEKDAY_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "bint", "de", "da", "van", "von", "der", "di", "du", "la", "le",
                  "wal", "ould", "ag",  # (Arabic and Sahelian: "Nusrat al-Islam wal-Muslimin", "Iyad ag Ghaly")
                  "dela", "del", "delos", "dos", "das",  # (Filipino and Iberian: "Ramon dela Cruz Tiongson")
                  "i", "y"}  # (the Catalan and Spanish "and" of two surnames: "Jordi Casals i Roure")
POSSESSIVE = {"’s", "'s", "’", "'"}
# Lower-case words that open a clause: never inside a name, so an NER span across one is two names ("sinks 14-man
# Stormers as Munster snatch late win", a headline's "Leeds after Palmer").
CLAUSE_OPENERS = frozenset({"as", "after", "while", "when", "if", "because", "than", "since", "until", "but", "though",
                          "although", "whereas", "unless"})
QUOTE_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'"})
ACRONYM = re.compile(r"^[A-Z][A-Z0-9.&]{1,7}$")
# "Fatah (Conquest) Alliance": a name with a translation glossed inside it.
GLOSSED_NAME = re.compile(r"\b(?!The )((?:[A-Z][\w’'-]+ ){1,3})\(([A-Z][\w’' -]{1,40})\) ((?:[A-Z][\w’'-]+ ?){1,3})")
# The context before a name that makes it an organization ("who leads the X").
ORG_BEFORE = re.compile(
    r"(?:who (?:leads|heads|founded|commands)|member of|members of|part of|faction of|wing of|"
    r"spokes(?:man|woman|person) (?:for|of)|political bureau of|head of|commander of|leader of|chief of)"
    r"\s+(?:the\s+)?$", re.I)
ORG_BEFORE_LAST = frozenset({"leads", "heads", "founded", "commands", "of", "for"})  # what ORG_BEFORE ends with
ORG_AFTER = re.compile(r"^,?\s+(?:which|that) (?:is|are|was) (?:a )?part of\b|"
                       r"^,\s+(?:(?:a|an|the)\s+)?(?:wholly[- ]owned\s+)?(?:subsidiary|unit|division|part) of\b|"
                       # "JNIM, known as ..., claimed responsibility for the attack": what an armed group does
                       r"^(?:,[^,.]{1,60},)?\s+(?:has\s+|have\s+)?claimed responsibility\b")
# "Raymond Delgado, 61, was convicted", "Asante-Boateng, 23, said": an age set off by commas after a name, the
# sentence going on with a lower-case word; "and" only after a name the model reads as a person ("Oyelaran, 34,
# and Adeyemi-Cole, 29, were charged", not a list of points: "Arsenal, 89, and Liverpool, 82").
AGE_AFTER = re.compile(r"^,\s+(?:1[89]|[2-9]\d|1[01]\d),\s+([a-z]+)")
# "Nadia Benhamou, a 34-year-old nurse": an age in years before a noun (not "a 150-year-old brewery").
AGED_NOUN = re.compile(r"^,\s+an?\s+(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?")
# "Djokovic, who had not lost a match": a person, unless the model read the name as a team or body, or the
# clause goes on in the plural ("Arsenal, who had lost their previous three games": "had" is both).
WHO_HAD = re.compile(r"^,\s+who had\b")
PLURAL_WORDS = re.compile(r"\b(?:their|they|them|themselves)\b")
# ("Arsenal, who were beaten": a team takes "who" with a plural verb; a person with a singular one.)
PERSON_AFTER = re.compile(r"^,\s+(?:who (?:leads|heads|runs|said|told|is|was|has)\b|"
                          # "X, the veteran judge who heads the tribunal" (not "the team who leads", "the body
                          # who runs", "the son of the mayor who heads")
                          r"(?:the|a|an) (?!(?:\w+ ){0,3}(?:team|side|club|body|group|company|firm|agency|union|"
                          r"party|league)\b)(?:(?!(?:of|to|for|at|in|with|from|by|on|and|or) )[a-z][\w-]* ){1,4}"
                          r"who (?:heads|chairs|runs)\b|"
                          r"(?:a|an|the) (?:former |senior |top )?"
                          r"(?:member|leader|head|spokes\w+|commander|deputy)\b)")
# "Amnesty International UK", "Farmers for Canada": capitalised words (no function word) right before a place.
PLACE_ENDS_NAME = re.compile(r"\b(?!(?:In|At|On|From|To|The|For|By|With|And|But|Of)\b)[A-Z][\w&-]*"
                             r"(?: [A-Z][\w&-]*){0,3} (?:(?:of|for) (?:the )?)?$")
ALSO_KNOWN = re.compile(r"^,?\s+(?:also known as|also called|known as|a\.k\.a\.?)\s+(?:the\s+)?$")
AS_THEY_CALL = re.compile(r"^,\s+as\s+(?:the\s+)?$")
CALL_THEMSELVES = re.compile(r"\s+(?:\w+\s+)?(?:call|calls|name|names)\s+(?:themselves|itself)\b")
OR_APPOS = re.compile(r"^\s+or\s+(?:the\s+)?$")
OR_APPOS_COMMA = re.compile(r"^,\s+or\s+(?:the\s+)?$")
MODIFIERS = {"deputy", "vice", "assistant", "former", "senior", "top", "chief", "acting", "interim", "national",
             "security", "foreign", "defence", "defense", "general"}
STRONG, WEAK = 2, 1
# "a Gatwick spokesperson said": the name before an unnamed spokesperson is the organization it speaks for
SPOKES_AFTER = re.compile(r"^\s+spokes(?:man|woman|person)\b(?!\s+[A-Z])")
# Company context: "shares of X", "chief executive of X", "X's spokeswoman", "X, the company".
COMPANY_BEFORE = re.compile(r"(?:shares (?:of|in)|stake in|(?:chief executive|ceo|chief \w+ officer|founder|"
                            r"co-founder|chairman|chairwoman|owner|employees|customers) of)\s+(?:the\s+)?$", re.I)
COMPANY_AFTER = re.compile(r"^(?:’s|')s?\s+(?:shares|stock|spokes(?:man|woman|person)|chief executive|ceo|board|"
                           r"revenue|profits?|sales|earnings|chairman|chairwoman|founder|customers|employees)\b")
# "Jefferies analysts said", "Citi economists expect": a firm's research staff.
STAFF_AFTER = re.compile(r"^\s+(?:analysts|economists|strategists)\b")
# Team context: "Everton 3-2 Brighton", "scored for X", "X's manager" (a club, not its town).
SCORE = re.compile(r"\d+\s?[-–]\s?\d+")
TEAM_BEFORE = re.compile(r"(?:\d+\s?[-–]\s?\d+|scored for|played for|signed for|joined|beat|beating|defeated|"
                         r"lost to|drew with|draw with|win over|victory over|defeat to|"
                         r"(?:match|game|draw) against)\s+$")
TEAM_AFTER = re.compile(r"^(?:\s+\d+\s?[-–]\s?\d+\b|(?:’s|'s)\s+(?:manager|coach|captain|striker|midfielder|defender|"
                        r"goalkeeper|winger|squad|players|boss|fans|supporters|stadium|academy)\b)")
OPENING_QUOTES = frozenset({'"', "“", "‘", "'"})  # (a quotation's first word opens a sentence too)
# "the capital, Lusaka", "the port city of Durres,": a name apposed to a kind of place (the apposition ends
# there: not "seized the town, Reuters reported")
PLACE_NOUNS = frozenset({"capital", "city", "town", "village", "province", "region", "district", "county"})
PLACE_APPOSED = re.compile(r"\b(?:the|its|their|[A-Z][\w’'-]*(?:’s|'s))\s+"
                           r"(?:(?:(?:north|south)?-?(?:north|south|east|west)ern|central|coastal|nearby|neighbouring|neighboring|border|port|restive|remote)\s+)?"
                           rf"(?:{'|'.join(sorted(PLACE_NOUNS))})(?:\s+of)?,?\s+$")
PLACE_APPOSED_END = re.compile(r"^,?\s+(?:reported|said|says|told|announced|added|warned|claimed)\b")  # not a place
# "The outgoing club president, Henrik Aas Lunde, said": a name apposed to a role description
APPOSED_TO_ROLE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Aa]n?|[A-Z][\w’'-]*(?:’s|'s))\s+"
                             r"(?:[\w’'-]+\s+){0,5}$")


@dataclass
class Cand:
    """A candidate mention while the article is being read (mutable, private)."""

    start: int
    end: int
    text: str
    etype: str | None = None
    strength: int = 0
    canon: str | None = None  # a fixed name: places, institutions, glossed names
    alias: str | None = None  # the form as written when it differs from canon ("Fatah (Conquest) Alliance")
    rule: str | None = None  # alias rule for ``alias``
    titles: list[str] = field(default_factory=list)
    links: list[tuple[int, str]] = field(default_factory=list)  # (index of other cand, rule)
    sent_start: bool = False

    def vote(self, etype: str, strength: int) -> None:
        if strength > self.strength:
            self.etype, self.strength = etype, strength


def extract_entities(doc: Doc, article: Article) -> list[Entity]:
    text = index_of(doc).text
    cands = _glossed(text)
    cands += _title_offices(text, cands)
    ents = index_of(doc).ents
    # (an "organization" the model reads across a comma is a list: "Mali, Burkina Faso and Niger")
    cands += _place_cands(doc, text, cands, [(e.start_char, e.end_char) for e in ents
                                        if e.label_ in ("ORG", "FAC") and ", " not in e.text],
                          [(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON" and len(e) > 1],
                          [(e.start_char, e.end_char) for e in ents if e.label_ in ("GPE", "LOC")])
    cands += _name_cands(doc, cands)
    cands += _names_before_titles(doc, cands)
    cands.sort(key=lambda c: (c.start, -c.end))
    city = dateline_city(article)
    for c in cands:
        _type_from_context(doc, c)
        if city and c.text.upper() == city and not c.canon:
            c.vote("Place", STRONG)  # the city of the dateline ("SANTIAGO, Chile (AP) -"), named again in the story
        if c.strength <= 0 and _unknown_name(doc, c):
            c.vote("Actor", WEAK)
    _possessed_institutions(text, cands)
    cands = [c for c in cands if not _junk(doc, c)]
    _link_aliases(text, cands)
    return _cluster(cands, article)


NOT_BEFORE_A_PERSON = frozenset({"the", "a", "an", "in", "at", "to", "from", "near", "into", "across", "through",
                                 "towards", "toward", "outside", "inside", "via", "around"})


def _unknown_name(doc: Doc, c: Cand) -> bool:
    """"Wopke Hoekstra won the vote": two to four capitalised words that the model did not read as any kind of
    name, with nothing of a body's or a place's name about them, are a person's name, the likeliest kind of
    name a model trained on other news has not seen. (Words it read as a work, a law or an event are left
    alone: "the Paris Agreement".)"""
    prev = re.search(r"([A-Za-z]+)\s+$", index_of(doc).text[max(0, c.start - 20):c.start])
    if _ent_label(doc, c) or prev is not None and prev.group(1).lower() in NOT_BEFORE_A_PERSON:
        return False  # ("in Porto Alegre", "at St James' Park", "The Princes Highway")
    words = c.text.split()
    if not 2 <= len(words) <= 4 or c.canon or not all(re.fullmatch(r"[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)*", w)
                                                      or w.lower() in NAME_PARTICLES for w in words):
        return False
    low = [w.lower() for w in words]
    if all(lexicon.is_common_noun(w) for w in low):
        return False  # ("Wall Street rallied")
    text = index_of(doc).text
    line = text[text.rfind("\n", 0, c.start) + 1:(text.find("\n", c.end) + 1 or len(text) + 1) - 1].split()
    if len(line) >= 3 and sum(w[:1].isupper() for w in line) * 4 >= len(line) * 3:
        return False  # a title-case headline ("Stocks Slide As Fed Signals Higher Rates")
    return not any(w in _not_person_words() or w.title() in lexicon.places() for w in low)


@lru_cache(maxsize=1)
def _not_person_words() -> frozenset[str]:
    """Words of a body's name, a title or a generic name: no part of a person's name."""
    return lexicon.org_heads() | lexicon.company_words() | lexicon.title_modifiers() | _titles() \
        | lexicon.generic_name_words()


# ---------------------------------------------------------------- candidates
def _overlaps(start: int, end: int, cands: list[Cand]) -> bool:
    return any(c.start < end and start < c.end for c in cands)


def _glossed(text: str) -> list[Cand]:
    out = []
    for m in GLOSSED_NAME.finditer(text):
        head = m.group(3).strip().split()[-1].lower()
        if head not in lexicon.org_heads():
            continue
        start, end = m.start(1), m.start(3) + len(m.group(3).rstrip())
        name = f"{m.group(1).strip()} {m.group(3).strip()}"
        c = Cand(start, end, text[start:end], canon=name, alias=text[start:end], rule="parenthesis-gloss")
        c.vote("Organization", STRONG)
        out.append(c)
    return out


# "the Chief Minister's Office", "the U.S. Attorney's Office for the Eastern District of Louisiana": the office of a
# title holder is one organization's name, possessive and all; a place before the title and an "of"/"for" phrase of
# capitalised words after the head belong to it.
TITLE_OFFICE = re.compile(r"(?<![\w’'.-])(?P<title>(?:[A-Z][\w.]* ){0,2}[A-Z][a-z]+)(?:’s|'s)\s+(?P<head>[A-Z][a-z]+)"
                          r"(?P<tail>(?: (?:of|for) (?:the )?[A-Z][\w.]*(?: (?:of )?[A-Z][\w.]*)*)?)")


POSSESSIVE_CAPITAL = re.compile(r"(?:’s|'s)\s+[A-Z]")
CAPITALS_BEFORE = re.compile(r"(?<![\w’'.-])(?:[A-Z][\w.]* ){0,2}[A-Z][a-z]+$")


def _title_offices(text: str, taken: list[Cand]) -> list[Cand]:
    out: list[Cand] = []
    for poss in POSSESSIVE_CAPITAL.finditer(text):  # a possessive before a capital first (a few per article)
        before = CAPITALS_BEFORE.search(text, max(0, poss.start() - 40), poss.start())
        m = TITLE_OFFICE.match(text, before.start()) if before else None
        if m is None or m.end("title") != poss.start() or _overlaps(m.start(), m.end(), out):
            continue
        words = m.group("title").split()
        if m.group("head").lower() not in lexicon.org_heads():
            continue
        n = next((n for n in range(len(words), 0, -1) if " ".join(words[-n:]).lower() in _titles()), 0)
        if n == 0:
            continue
        pre = " ".join(words[:-n])
        start = m.start() if pre in lexicon.places() else m.start() + len(m.group("title")) - len(" ".join(words[-n:]))
        if _overlaps(start, m.end(), taken):
            continue
        c = Cand(start, m.end(), text[start:m.end()], canon=text[start:m.end()])
        c.vote("Organization", STRONG)
        out.append(c)
    return out


@lru_cache(maxsize=1)
def _place_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Any place form (longest first), and a country institution after a place ("'s parliament")."""
    forms = sorted(lexicon.places(), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w])")
    # one-word nouns in any case ("Iraq's Parliament"); two-word ones only in lower case ("China's coast guard"):
    # capitalised, "Egypt's Foreign Ministry" is a name of its own (see _possessed_institutions)
    nouns = sorted(lexicon.institutions(), key=len, reverse=True)
    inst = "|".join([re.escape(n) for n in nouns if " " in n] + [f"(?i:{re.escape(n)})" for n in nouns if " " not in n])
    return pattern, re.compile(r"(?:’s|'s)?\s+(" + inst + r")\b")


def _longer_place(name: str) -> bool:
    """A place name of capitalised words that does not end in a generic place noun ("Basra Province" is
    Basra's; "British Columbia" is no more the United Kingdom's)."""
    words = name.split()
    return all(re.fullmatch(r"[A-Z][\w’'-]*", w) for w in words) \
        and words[-1].lower() not in PLACE_NOUNS | {"state", "governorate", "provinces"}


# The last words of the names of natural places ("Red Sea", "Gaza Strip", "Bab el-Mandeb Strait"): such a name is a
# place, ...
GEO_HEADS = frozenset({"Sea", "Ocean", "River", "Gulf", "Strait", "Straits", "Mountains", "Highlands", "Lake",
                       "Desert", "Valley", "Peninsula", "Bay", "Canal", "Delta", "Strip", "Island", "Islands", "Coast",
                       "Basin", "Plateau"})
# ... and a country's name that opens one is no mention of the country ("the Niger Delta", "the Jordan Valley")
GEO_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(GEO_HEADS)) + r")\b")
HEAD_OF_BEFORE = re.compile(r"\b[A-Z][\w-]*\s+([A-Z][a-z]+)\s+of\s+(?:the\s+)?$")  # "Reserve Bank of "


def _place_cands(doc: Doc, text: str, taken: list[Cand], org_spans: list[tuple[int, int]],
                 person_spans: list[tuple[int, int]], place_spans: list[tuple[int, int]]) -> list[Cand]:
    """Every occurrence of a place name, short form or demonym, and country institutions (``doc`` for the parse of
    an institution noun that may be an adjective).

    A place word inside a name the model read as one organization ("Reserve Bank of India") is
    part of that name, unless it is a possessive ("Iraq's Popular Mobilization Units"); a place's own name
    that opens a name the model read as a person's is a first name ("Jordan Henderson", "Chad Smith"); one
    inside a longer place name the model read ("New Mexico", "British Columbia") is part of that name.
    """
    out: list[Cand] = []
    pattern, institution = _place_patterns()
    longer = [(s, e) for s, e in place_spans if _longer_place(text[s:e])]
    for m in pattern.finditer(text):
        if _overlaps(m.start(), m.end(), taken) or _overlaps(m.start(), m.end(), out):
            continue
        surface = m.group(0)
        if (any(s < m.start() < e or s <= m.start() < m.end() < e for s, e in org_spans)
            or any(s == m.start() and m.end() < e for s, e in person_spans)
                and lexicon.places()[surface] == surface and re.match(r" [A-Z]", text[m.end():m.end() + 2])) \
                and not re.match(r"(?:’s|'s)\b", text[m.end():m.end() + 2]):
            continue
        if any(s <= m.start() and m.end() <= e and e - s > m.end() - m.start() for s, e in longer):
            continue
        if GEO_AFTER.match(text, m.end()):
            continue  # "the Niger Delta", "the Jordan Valley": a place of its own named after the country
        head_of = HEAD_OF_BEFORE.search(text[max(0, m.start() - 40):m.start()])
        if head_of and head_of.group(1).lower() in lexicon.org_heads() \
                and not re.match(r"(?:’s|'s)\b", text[m.end():m.end() + 2]):  # ("Quds Force of Iran's IRGC")
            continue  # "Reserve Bank of Australia", "Central Bank of Ireland": the place ends a body's name
        name_after = re.match(r"^(?:\s+[A-Z][\w’'-]*){1,4}", text[m.end():m.end() + 60])
        if name_after and name_after.group(0).split()[-1].lower() in lexicon.org_heads():
            continue  # "Syrian Foreign Ministry", "US Army": the place word is part of a name
        if text[m.end():m.end() + 1] == "," and _org_apposition(text[m.end():m.end() + 60]) \
                and PLACE_ENDS_NAME.search(text[max(0, m.start() - 60):m.start()]):
            continue  # "Transparency International UK, an anti-corruption group": the place ends a name
        if surface.endswith(".") is False and text[m.end():m.end() + 1] == "." and surface + "." in lexicon.places():
            continue
        place = lexicon.places()[surface]
        after = text[m.end():m.end() + 40]
        im = institution.match(after)
        # "military" is an adjective as often as a noun: "Chinese military commentator X", "the Russian military
        # parade", "a military court" name no body; "the Israeli military said" and "Nigeria's military" do
        if im and im.group(1).lower() == "military":
            ix = index_of(doc)
            word = ix.token_at(m.end() + im.start(1))
            nxt = ix.tokens[word.i + 1] if word.i + 1 < len(ix.tokens) else None
            if word.tag_ == "JJ" or nxt is not None and word.head.i == nxt.i and nxt.pos_ in ("NOUN", "PROPN"):
                im = None  # (an adjective, or a noun modifying the next: "military parade")
        if im and lexicon.institutions()[im.group(1).lower()] == "organization":
            end = m.end() + im.end()
            adj = lexicon.place_adjectives().get(place, place)
            c = Cand(m.start(), end, text[m.start():end], canon=f"{adj} {im.group(1).lower()}")
            c.alias, c.rule = c.text, "institution"
            c.vote("Organization", STRONG)
            out.append(c)
            continue
        c = Cand(m.start(), m.end(), surface, canon=place)
        c.vote("Place", STRONG + 1)
        out.append(c)
    return out


CURRENCY_AMOUNT = re.compile(r"^[A-Z]{0,3}[$€£¥₹]\d")


def _is_name_token(tok: Token) -> bool:
    t = tok.text
    if tok.ent_type_ in NON_NAME_ENTS or not t or CURRENCY_AMOUNT.match(t):
        return False  # (not "S$27.4" of "fined Straits Meridian Bank S$27.4 million")
    if t.lower() in NAME_PARTICLES and tok.i + 1 < len(tok.doc) and not tok.whitespace_:
        return True
    if t.lower() in NAME_PARTICLES and t.islower():
        # "Ursula von der Leyen", "Charles de Gaulle": particles between the words of one name
        b = tok.i - 1
        while b >= 0 and tok.doc[b].lower_ in NAME_PARTICLES:
            b -= 1
        if b < 0 or not tok.doc[b].text[:1].isupper() or tok.doc[b].pos_ != "PROPN":
            return False
        k = tok.i + 1
        while k < len(tok.doc) and tok.doc[k].lower_ in NAME_PARTICLES:
            k += 1
        return k < len(tok.doc) and tok.doc[k].text[:1].isupper() and tok.doc[k].pos_ == "PROPN" \
            and tok.doc[k].lower_ not in _titles()  # ("Minnesota ag Commissioner X": no particle)
    if t == "-" and not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_:
        return True
    if ACRONYM.match(t) and sum(ch.isupper() for ch in t) >= 2:
        return True  # "PMU", tagged as a common noun as often as not
    if _name_word_read_as_function_word(tok):
        return True
    return t[0].isupper() and (tok.pos_ == "PROPN" or tok.ent_type_ in NER_TYPES) and t not in POSSESSIVE


# Words title case capitalises between names ("Putin And Xi Meet In Beijing"): never a part of a name.
TITLE_CASE_WORDS = frozenset({"and", "or", "of", "in", "on", "at", "to", "for", "as", "with", "by", "from", "the",
                              "a", "an", "vs", "after", "over", "into"})


def _name_word_read_as_function_word(tok: Token) -> bool:
    """"Senior General Than Myint Oo": a capitalised word the tagger read as a function word ("Than") between a
    person's title and a name is the first word of the name."""
    doc = tok.doc
    if not (0 < tok.i < len(doc) - 1) or tok.is_sent_start or not tok.text[:1].isupper() \
            or not tok.text[1:].islower() or tok.pos_ not in ("ADP", "SCONJ", "CCONJ", "ADV", "PART", "DET"):
        return False
    prev, nxt = doc[tok.i - 1], doc[tok.i + 1]
    return prev.lower_ in _titles() and prev.text[:1].isupper() and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() \
        and tok.lower_ not in TITLE_CASE_WORDS


def _hyphen_part(doc: Doc, i: int) -> bool:
    """"hoon" in "Ji-hoon": a lower-case part glued by a hyphen to a name part."""
    toks = index_of(doc).tokens
    return i >= 2 and toks[i - 1].text == "-" and not toks[i - 1].whitespace_ and not toks[i - 2].whitespace_ \
        and toks[i].is_alpha and toks[i].is_lower and toks[i].ent_type_ == toks[i - 2].ent_type_ == "PERSON"


def _name_runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of name tokens (token indexes), ignoring sentence-initial common words."""
    toks = index_of(doc).tokens
    runs, i = [], 0
    while i < len(toks):
        if not _is_name_token(toks[i]) or toks[i].text == "-":
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and (_is_name_token(toks[j + 1]) or _hyphen_part(doc, j + 1)) \
                and "\n" not in toks[j].whitespace_:
            j += 1
        while j > i and (toks[j].text == "-" or toks[j].text.lower() in NAME_PARTICLES):
            j -= 1
        runs.append((i, j + 1))
        i = j + 1
    return runs


def _name_cands(doc: Doc, taken: list[Cand]) -> list[Cand]:
    """Names from NER spans and proper-noun runs, split at titles, role nouns and possessives."""
    ix = index_of(doc)
    toks, text = ix.tokens, ix.text
    spans: list[tuple[int, int, str]] = []
    for ent in ix.ents:
        if ent.label_ in NER_TYPES or ent.label_ == "NORP":
            start = ent.start
            for i in range(ent.start, ent.end):
                if toks[i].text in CLAUSE_OPENERS:  # (lower case only: "As" may open a name)
                    if i > start:
                        spans.append((start, i, ent.label_))
                    start = i + 1
            if start < ent.end:
                spans.append((start, ent.end, ent.label_))
    owner = {i: k for k, (s2, e2, _) in enumerate(spans) for i in range(s2, e2)}  # token -> model span
    model_span = {}  # an extended span -> the model's own span
    for s, e in _name_runs(doc):  # runs are disjoint: a run can only overlap the model's spans
        hits = sorted({owner[i] for i in range(s, e) if i in owner})
        if not hits:
            spans.append((s, e, ""))
        for k in hits:  # extend an NER span over the rest of its proper-noun run ("Asa'ib Ahl" + "al-Haq")
            s2, e2, lab = spans[k]
            if lab == "NORP" and e > e2 and toks[e - 1].tag_ == "NNPS":
                lab = "ORG"  # "the Christian Democrats", "the Social Democrats": a party named by its people
            if lab != "NORP" and (s < s2 or e > e2):
                spans[k] = (min(s, s2), max(e, e2), lab)
                model_span[spans[k]] = (s2, e2)
    # "Justice Ellery" read as a body after "Justice Margaret Ellery": a title and the surname of a person named
    surnames = {toks[e - 1].text for s, e, lab in spans if lab == "PERSON" and e - s >= 2}
    spans = [(s + 1, e, "PERSON") if lab == "ORG" and e - s == 2 and toks[s].lower_ in lexicon.person_titles()
             and toks[s].lower_ not in lexicon.org_heads() and toks[s].lower_ != "general"
             and toks[e - 1].text in surnames else (s, e, lab)  # (not "General Mills" after "Janet Mills")
             for s, e, lab in spans]
    spans = [_with_coordinated_word(doc, sp, taken) for sp in spans]
    spans = _with_spelled_coordination(doc, _with_of_phrases(doc, spans, taken), taken)
    # (written with or without its accents: "Brandle" after "Jörg Brändle")
    words = {_fold(toks[i].text) for s, e, _ in spans if e - s > 1 for i in range(s, e) if toks[i].text[:1].isupper()}
    covered = {i for s, e, _ in spans for i in range(s, e)}  # spans added below cover only their own token
    for tok in toks:  # "Denning said" with "Denning" tagged a verb: a word of a name the article gave in full
        if _fold(tok.text) in words and tok.text.lower() not in NAME_PARTICLES and len(tok.text) > 2 \
                and tok.i not in covered and tok.ent_type_ not in NON_NAME_ENTS:
            spans.append((tok.i, tok.i + 1, ""))
    out: list[Cand] = []
    for s, e, label in sorted(set(spans)):
        parts = _split(doc, s, e)
        if label == "PERSON" and (s, e, label) in model_span and any(
                _overlaps(ix.idx[ps], ix.idx[pe - 1] + len(ix.tokens[pe - 1]), taken) for ps, pe, _ in parts):
            parts = _split(doc, *model_span[(s, e, label)])  # "ambassador to Japan Wu Zhenhai": not over a place
        for ps, pe, hint in parts:
            start, end = ix.idx[ps], ix.idx[pe - 1] + len(ix.tokens[pe - 1])
            if ix.tokens[pe - 1].text in SHORT_GIVEN_NAMES and pe - 1 > ps:
                end -= 1  # "signed by Jack Ma.": the surname Ma, and the sentence's full stop (see kg.nlp)
            if _overlaps(start, end, taken) or _overlaps(start, end, out):
                continue
            # the sentence's tokens before the name, as text: nothing but space at a sentence start
            # (a sentence's first word, or a quotation's: '"Cholera is preventable," she said')
            opening = text[ix.idx[ix.sent_of[ps]]:start].strip()
            c = Cand(start, end, text[start:end], sent_start=not opening or opening in OPENING_QUOTES)
            if hint:
                c.vote(hint, STRONG)
            if label in NER_TYPES:
                c.vote(NER_TYPES[label], WEAK)
            if not label and not c.strength:
                c.strength = -1  # a proper-noun run the model did not tag: kept only with evidence
            out.append(c)
    return out


# The title words between a name and a person's name: "general secretary", "MP".
TITLE_WORDS = re.compile(r"^\s+(?:(?:[a-z][\w-]*|MP|MEP|MSP|MLA|CEO)\s+){1,3}")


def _names_before_titles(doc: Doc, taken: list[Cand]) -> list[Cand]:
    """"Unite general secretary Sharon Graham", "Labour MP Jess Phillips": a capitalised word the model did not
    take for a name, right before a role noun and a person's name. At the start of a sentence, where any word
    is capitalised, the word must also be written capitalised inside a sentence of the article."""
    ix = index_of(doc)
    text, out = ix.text, list[Cand]()
    skip = _titles() | lexicon.org_heads() | lexicon.generic_name_words() \
        | lexicon.not_names() | lexicon.company_words() | MODIFIERS | {"former", "late", "ex", "then"}
    for tok in ix.tokens:
        word = tok.text
        if not (word[:1].isupper() and word.isalpha()) or _is_name_token(tok) or word.lower() in skip \
                or tok.pos_ in ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "NUM"):
            continue
        start, end = tok.idx, tok.idx + len(word)
        nxt = TITLE_WORDS.match(text[end:end + 60])
        title = _title_before(" " + nxt.group(0).lower()) if nxt else None
        if title not in lexicon.role_nouns() or _overlaps(start, end, taken) or _overlaps(start, end, out):
            continue
        if word.lower() in lexicon.title_modifiers() and (title in lexicon.state_offices()
                                                          or title.endswith(("minister", "secretary", "officer"))):
            continue  # "Labour Minister X", "Finance Secretary X": the word belongs to the title
        after = ix.token_at_or_after(end + nxt.end()) if nxt else len(ix.tokens)
        if after >= len(ix.tokens) or ix.tokens[after].ent_type_ != "PERSON":
            continue
        sent_start = not text[ix.idx[ix.sent_of[tok.i]]:start].strip()
        if sent_start and not re.search(rf"(?<=[a-z,] ){re.escape(word)}\b", text):
            continue
        c = Cand(start, end, word, sent_start=sent_start)
        c.vote("Organization", STRONG)
        out.append(c)
    return out


def _with_coordinated_word(doc: Doc, span: tuple[int, int, str], taken: list[Cand]) -> tuple[int, int, str]:
    """"Scottish and Southern Electricity Networks": an organization's name the model cut after "and", when the
    word before "and" is an adjective of nationality or region that is no place of its own."""
    s, e, label = span
    if label != "ORG" or s < 2:
        return span
    toks = index_of(doc).tokens
    if toks[s - 1].lower_ not in ("and", "&") or toks[s - 2].ent_type_ != "NORP" \
            or toks[s - 2].ent_iob_ != "B" or not toks[s - 2].text[:1].isupper():
        return span
    heads = _org_nouns()
    if toks[e - 1].lower_ not in heads and toks[e - 1].lower_[:-1] not in heads:  # "Networks"
        return span
    if _overlaps(toks[s - 2].idx, toks[s - 1].idx + 1, taken):
        return span
    return (s - 2, e, label)


def _with_of_phrases(doc: Doc, spans: list[tuple[int, int, str]], taken: list[Cand]) -> list[tuple[int, int, str]]:
    """"Federal Regional Court" + "of the 4th Region": an institution's name goes on through "of (the)" or
    "for" and capitalised words (an ordinal allowed), which the model often splits off."""
    toks = index_of(doc).tokens
    out = []
    for s, e, label in spans:
        k = e
        if label != "NORP" and (toks[e - 1].lower_ in lexicon.org_heads() and k < len(toks)
                                and toks[k].lower_ in ("of", "for")  # "European Union Agency for Asylum"
                                or toks[e - 1].lower_ in lexicon.company_words() and k < len(toks)
                                and toks[k].lower_ in ("of", "for")):  # "Farmers for Canada"
            k += 1
            if k < len(toks) and toks[k].lower_ == "the":
                k += 1
            if k < len(toks) and re.fullmatch(r"\d+(?:st|nd|rd|th)", toks[k].text):
                k += 1
            j = k
            while j < len(toks) and toks[j].text[:1].isupper() and toks[j].is_alpha \
                    and "\n" not in toks[j - 1].whitespace_:
                j += 1
            chars = (toks[e].idx, toks[j - 1].idx + len(toks[j - 1])) if j > k else None
            if chars is not None and not _overlaps(chars[0], chars[1], taken) \
                    and toks[j - 1].lower_ not in lexicon.org_heads():  # "Brigade of the Armed Forces": two bodies
                e = j
        out.append((s, e, label))
    keep = []
    for s, e, label in out:  # the phrase swallows the spans it now covers
        if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2, _ in out):
            keep.append((s, e, label))
    return keep


def _with_spelled_coordination(doc: Doc, spans: list[tuple[int, int, str]],
                               taken: list[Cand]) -> list[tuple[int, int, str]]:
    """"National Union of Mine and Allied Workers (NUMAW)", "Board of Control for Cricket in India (BCCI)", "New Zealand
    Cricket (NZC)": a name the model cut short goes on, through function words and capitalised words, when the acronym
    in parentheses after it spells the initials of the whole (function words skipped); it is an organization's."""
    toks = index_of(doc).tokens
    out = []
    for s, e, label in spans:
        j = e
        if label in ("ORG", "GPE", "NORP", "LOC", "FAC"):
            # ("Board of Control for Cricket" + "in India (BCCI)", "New Zealand" + "Cricket (NZC)")
            while j < len(toks) and j - e <= 5 and (toks[j].text[:1].isupper() and toks[j].is_alpha
                                                    and not ACRONYM.match(toks[j].text)
                                                    or toks[j].lower_ in INITIALS_SKIP):
                j += 1
            words = [t.text for t in toks[s:j] if t.lower_ not in INITIALS_SKIP]
            # (not regions: "Middle East and North Africa (MENA)", "Latin America and the Caribbean (LAC)")
            places = any(t.ent_type_ in ("GPE", "LOC") for t in toks[e:j])
            if j > e and toks[j - 1].text[:1].isupper() and j + 2 < len(toks) and toks[j].text == "(" \
                    and toks[j + 2].text == ")" and len(words) >= 2 and not places \
                    and toks[j + 1].text.replace(".", "") == "".join(w[0] for w in words) \
                    and not _overlaps(toks[e].idx, toks[j - 1].idx + len(toks[j - 1]), taken):
                e, label = j, "ORG"
        out.append((s, e, label))
    return [(s, e, label) for s, e, label in out  # the name swallows the spans it now covers
            if not any(s2 <= s and e <= e2 and (s2, e2) != (s, e) for s2, e2, _ in out)]


def _match_phrase(doc: Doc, i: int, end: int, phrases: frozenset[str] | set[str]) -> int:
    """Length in tokens of the longest phrase of ``phrases`` starting at token i (0 when none)."""
    ix = index_of(doc)
    best, first = 0, ix.idx[i]
    for n in range(1, 5):
        if i + n > end:
            break
        if ix.text[first:ix.ends[i + n - 1]].lower() in phrases:  # the text of tokens i .. i+n-1
            best = n
    return best


@lru_cache(maxsize=1)
def _org_nouns() -> frozenset[str]:
    """Head nouns of organizations and of companies."""
    return lexicon.org_heads() | lexicon.company_words()


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Person titles and role nouns: the words that split a title off a name."""
    return lexicon.person_titles() | frozenset(lexicon.role_nouns())


# Letters after a person's name: a barrister's rank, a legislator's seat, an honour ("Rafael Okonkwo SC").
# person nouns that are also titles or names before a name ("Father John", "Boy George"): not an occupation
KIN_NOUNS = frozenset({"man", "woman", "boy", "girl", "mother", "father", "son", "daughter", "wife", "husband",
                       "grandmother", "grandfather"})
PORTFOLIO_TITLES = frozenset({"minister", "secretary", "commissioner"})  # titles written after a portfolio
POST_NOMINALS = frozenset({"SC", "QC", "KC", "MP", "MEP", "MSP", "MLA", "OBE", "CBE", "MBE", "KBE", "DBE"})
IRREGULAR_PLURALS = frozenset({"people", "children", "women", "men"})


def _possessor_in_name(toks: list[Token], s: int, i: int, e: int) -> bool:
    """"Pakistan People's Party", "Melbourne Magistrates' Court", "St Aldhelm's Hospital": a possessive inside an
    institution's name, owned by a group of people or a saint, not an owner before a name ("Iraq's Popular
    Mobilization Units")."""
    if i == s or not any(t.lower_ in lexicon.org_heads() for t in toks[i + 1:e]):
        return False
    word = toks[i - 1].lower_
    if toks[i + 1].text == "Office" and word in _titles():
        return True  # "Attorney General's Office", "Ombudsman's Office": the office of a title is a body's name
    saint = i >= 2 and toks[i - 2].text in ("St", "St.", "Saint")
    plural = word in IRREGULAR_PLURALS or toks[i].text in ("'", "’") and word.endswith("s") \
        and word[:-1] in lexicon.common_nouns()
    return saint or plural


def _split(doc: Doc, s: int, e: int) -> list[tuple[int, int, str | None]]:
    """Trim and split a token range into name parts with a type hint each."""
    titles = _titles()
    toks = index_of(doc).tokens
    while s < e and (toks[s].lower_ in {"the", "a", "an"} or toks[s].text in POSSESSIVE or toks[s].text == "-"
                     or toks[s].is_lower and toks[s].lower_ not in NAME_PARTICLES  # "congress of the X Federation"
                     # "Later the X Federation said": a sentence's adverb or conjunction before an article
                     or toks[s].tag_ in ("RB", "IN", "CC") and s + 1 < e and toks[s + 1].lower_ in ("the", "a", "an")):
        s += 1
    while e > s and (toks[e - 1].text in POSSESSIVE or toks[e - 1].text in "-()," or toks[e - 1].is_lower) \
            and not _hyphen_part(doc, e - 1):
        e -= 1  # "Efe news" (agency): a name ends on a capitalised word
    if e - s >= 3 and toks[e - 1].text in POST_NOMINALS:  # "Rafael Okonkwo SC": a barrister's rank after a name
        return [(a, b, "Actor") for a, b, _ in _split(doc, s, e - 1)]
    while e - s >= 2 and toks[s + 1].is_title and (
            toks[s].tag_ == "PRP$" or toks[s].lower_ in ("former", "ex")
            or toks[s].tag_ == "JJ" and not toks[s].ent_type_ and _opens(toks, s)):
        s += 1  # "Former Post Office chief executive X", "Its National Democratic Alliance won": no part of the name
    if s >= 2 and "of" in (toks[s - 1].lower_, toks[s - 2].lower_) \
            and any(_match_phrase(doc, s - k, e, titles) == k + 1 for k in (2, 3) if s - k >= 0):
        s += 1  # "Secretary of | State Antony Blinken": the model's name began inside a title
    if e - s >= 2 and toks[s].lower_ in lexicon.company_words() and toks[s].is_title and len(toks[s]) > 4 \
            and toks[s + 1].is_title and toks[s + 1].lower_ not in lexicon.company_words() \
            and (toks[s].is_sent_start or s > 0 and "\n" in toks[s - 1].text + toks[s - 1].whitespace_):
        s += 1  # "Chipmaker Veltrix rejects bid" (a headline's or a sentence's first word): the trade, then the name
    if e - s >= 3 and toks[s].is_title and toks[s].lower_ in _occupations() and toks[s + 1].ent_type_ == "PERSON" \
            and (toks[s].is_sent_start or s > 0 and "\n" in toks[s - 1].text + toks[s - 1].whitespace_):
        s += 1  # "Farmer John Mwangi said" opening a sentence: an occupation, not a first name
    if s >= e:
        return []
    if _match_phrase(doc, s, e, titles) == e - s:
        return []  # "the Premier said", "the President": a title alone is no name
    for i in range(s, e):  # "Austin's Baghdad", "Iraq's Popular Mobilization Units"
        # ("An analyst at Bernstein, Douglas Harned, said"; not "Wachtell, Lipton, Rosen & Katz")
        if toks[i].text in POSSESSIVE and _possessor_in_name(toks, s, i, e):
            continue
        if toks[i].text in POSSESSIVE or toks[i].text == "," and not any(
                t.text == "&" or t.lower_ == "and" for t in toks[i + 1:e]) or toks[i].text == "(":
            return _split(doc, s, i) + _split(doc, i + 1, e)  # (and "Agency for International Development (USAID")
        # "Everton 3-2 Brighton": a score is no name; "fined Apple 1.8 billion euros": nor an amount
        if re.fullmatch(r"\d+(?:[-–:]\d+|(?:[.,]\d+)+)?", toks[i].text):
            k = i + 1
            while k < e and re.fullmatch(r"[-–:]|\d+", toks[k].text):
                k += 1
            return _split(doc, s, i) + _split(doc, k, e)
        if toks[i].lower_ == "of" and _person_of_org(toks[s:i], toks[i + 1:e]):  # "Petra Lang of DZ Bank"
            person: list[tuple[int, int, str | None]] = [(a, b, "Actor") for a, b, _ in _split(doc, s, i)]
            return person + [(a, b, "Organization") for a, b, _ in _split(doc, i + 1, e)]
        if toks[i].lower_ == "of" and i + 2 <= e and ACRONYM.match(toks[e - 1].text):  # "Brigade of the PMU"
            return _split(doc, s, i) + _split(doc, i + 1, e)
    for i in range(s, e):  # "Fatah Alliance lawmaker Karim Aliwi", "Prime Minister Mustafa al-Kadhimi"
        n = _match_phrase(doc, i, e, titles)
        if n and toks[i].lower_ in TITLE_OPENERS and i + n + 1 < e and toks[i + n].is_title \
                and (more := _match_phrase(doc, i + n + 1, e, titles)):
            n += 1 + more  # "Chief Electoral Officer", "Chief Medical Officer": the word between is the title's
            if i == s and i + n == e:
                return []  # the title alone
        # "Mrs Okonkwo", "Spokesperson Lin Jianguo": a title the model read as part of a person's name
        honorific = n and i + n < e and (toks[i].lower_ in lexicon.HONORIFICS or i == s and e - (i + n) >= 2)
        if n and not toks[i].is_lower and _title_in_org_name(doc, s, i, n, e):
            continue
        if n and i == s and e - (i + n) == 1 and toks[i].ent_type_ == toks[e - 1].ent_type_ == "ORG":
            continue  # "General Motors": the model read the title word as part of a company's name
        if n and i + n < e and toks[i].ent_type_ == "ORG" and toks[i].ent_iob_ == "B" and not toks[i].is_lower \
                and toks[i + n].ent_type_ == "ORG" and toks[i + n].ent_iob_ == "I" \
                and toks[i].lower_ not in lexicon.HONORIFICS:  # ("Sister Agnes Mwale" tagged a body is still her)
            continue  # ("General Motors Chief Executive Mary Barra": the same, in a longer run)
        if n and (i > s or i + n < e) and not toks[i].ent_type_ == "PERSON" or (n and toks[i].is_lower) or honorific:
            while i > s and toks[i - 1].lower_ in lexicon.title_modifiers():
                i, n = i - 1, n + 1  # "Security Minister", "Chief Financial Officer": the title's own words
            if i > s and toks[i + n - 1].lower_ in PORTFOLIO_TITLES and _portfolio(doc, s, i):
                i, n = s, n + i - s  # "Public Safety Minister X", "Home Affairs Secretary X": the portfolio
            left = _split(doc, s, i) if i > s else []
            right = [(a, b, "Actor") for a, b, _ in _split(doc, i + n, e)]
            return left + right
    if s > 0 and re.match(r"^\d+(st|nd|rd|th)$", toks[s - 1].text) and toks[e - 1].lower_ in lexicon.org_heads():
        s -= 1  # "the 14th Brigade"
    return [(s, e, None)]


def _opens(toks: Sequence[Token], i: int) -> bool:
    """Token i opens a sentence, a line or the text after a dateline's dash."""
    return toks[i].is_sent_start or i == 0 or toks[i - 1].text in ("-", "—", "–") \
        or "\n" in toks[i - 1].text + toks[i - 1].whitespace_


def _person_of_org(before: list[Token], after: list[Token]) -> bool:
    """"Petra Lang of DZ Bank" read as one name: two or three plain capitalised words (no institution or
    title word: "Bank of England", "Duke of Edinburgh" stay whole) "of" an organization's name (ending in a
    head noun or company word, or holding an acronym)."""
    if not all(t.is_alpha and t.tag_ == "NNP" for t in before):
        return False  # ("The Girl Scouts of the USA": a plural is no person's name)
    return _person_of_named_body([t.text for t in before], [t.text for t in after if t.lower_ != "the"])


def _plain_name_word(w: str) -> bool:
    """A capitalised word of letters (any script's: "Vélez", "Álvaro"), with apostrophes or hyphens inside."""
    return len(w) >= 2 and w[0].isupper() and w[1].islower() and re.fullmatch(r"[^\W\d_][\w’'-]*", w) is not None


def _person_of_named_body(name: list[str], body: list[str]) -> bool:
    """A person's name of two or three plain capitalised words, none of them an institution's, a title's or a
    place's word nor a word of the body's name, "of" a body's name that ends in a kind of body or holds an acronym
    ("Petra Lang of DZ Bank", "Gavin Holt of Redline Analytics"); a body grouping other bodies is no person's
    employer ("Green Bay Packers of the National Football League", "Tata Steel of the Tata Group")."""
    if not 2 <= len(name) <= 3 or not body or not all(_plain_name_word(w) for w in name):
        return False
    kind = body[-1].lower()
    if kind in GROUPINGS or not (kind in lexicon.org_heads() or kind in lexicon.company_words()
                                 or any(ACRONYM.match(w) for w in body)):
        return False
    generic, places = _generic_words(), lexicon.places()
    return not any(w.lower() in generic or w in places or w in body for w in name)


def _title_in_org_name(doc: Doc, s: int, i: int, n: int, e: int) -> bool:
    """"Premier League", "General Intelligence Directorate", "Office of the Comptroller General": a
    capitalised title word that belongs to an organization's name, not to a person before a name."""
    toks = index_of(doc).tokens
    if toks[e - 1].lower_ in lexicon.org_heads() and i + n < e:
        return True
    if i == s and any(toks[k].lower_ in lexicon.org_heads() and toks[k + 1].lower_ == "of"
                      for k in range(i + n, e - 1)):
        return True  # "General Confederation of Labor": the title word opens a "<head> of" name
    k = i - 1 if i > s and toks[i - 1].lower_ == "the" else i
    if k >= s + 2 and toks[k - 1].lower_ in ("of", "for") and toks[k - 2].lower_ in lexicon.org_heads() \
            and (i + n < e or toks[k - 1].lower_ == "for") and toks[e - 1].ent_type_ != "PERSON":
        return True  # "National Association of Head Teachers", "Brennan Center for Justice": after "<head> of/for"
    return i + n == e and any(toks[k].lower_ == "of" for k in range(s, i)) \
        and toks[s].lower_ in lexicon.org_heads()


# ---------------------------------------------------------------- types
def _type_from_context(doc: Doc, c: Cand) -> None:
    """Vote a type from the words around the candidate (strong evidence)."""
    if c.canon and c.strength >= STRONG:
        return
    text = index_of(doc).text
    words = c.text.translate(QUOTE_FOLD).split()
    before, after = text[max(0, c.start - 60):c.start], text[c.end:c.end + 80]
    media = lexicon.media()
    if c.text.lower() in media and media[c.text.lower()].kind == "platform":
        c.vote("Organization", STRONG)
    elif _lone_legislature(words, after):
        c.vote("Organization", STRONG)
    elif len(words) > 1 and (words[-1].lower() in lexicon.org_heads() or _company_ending(words[-1])
                             or "of" in words[1:] and words[words.index("of") - 1].lower() in lexicon.org_heads()):
        c.vote("Organization", STRONG)  # "Quds Force", "Eastmed Shipping", "Rail Crew Guild of Ontario"
    elif PARTY_AFTER.match(after) and THE_BEFORE.search(before):
        c.vote("Organization", STRONG)  # "the ruling Morena party" (a name the model may read as a place)
        c.titles.append("party")
    elif (descriptor := _descriptor_after(after)) and _is_description(doc, c.end, descriptor) \
            and _ent_label(doc, c) != "NORP":  # (not "English club X": a nationality, not a body)
        c.vote("Organization", STRONG)
        c.titles.append(descriptor)
    elif kind := _kind_before(doc, c, before):
        c.vote("Organization", STRONG)  # "the ride-hailing company Uber", "German carmaker Volkmar"
        c.titles.append(kind)
    elif len(words) >= 2 and words[-1] in GEO_HEADS and not any(w.lower() in lexicon.org_heads() for w in words):
        c.vote("Place", STRONG)  # "the Red Sea", "the Cape of Good Hope", "the Gaza Strip": named by a feature
    elif _office_after(text, c.end) and len(words) <= 3 and _ent_label(doc, c) in ("GPE", "LOC", "PERSON") \
            and not any(w.lower() in lexicon.org_heads() or _company_ending(w) for w in words):
        c.vote("Place", STRONG + 1)  # "Tamil Nadu Chief Minister X", "Ontario Premier X": a state's own office
    elif (_role_after(after) or SPOKES_AFTER.match(after)) and not _kind_word(words, text) \
            and not (_profession_after(after) and (_ent_label(doc, c) in ("GPE", "LOC") or c.text in lexicon.places())):
        c.vote("Organization", STRONG + 1)  # "chief FIFA spokesman X": outweighs a title before
    elif last_word(before) in ORG_BEFORE_LAST and ORG_BEFORE.search(before) or ORG_AFTER.match(after):
        c.vote("Organization", STRONG)
    elif last_word(before) == "at" and _role_at(before) and _ent_label(doc, c) not in ("GPE", "LOC", "NORP"):
        c.vote("Organization", STRONG)  # "Analysts at Peel Hunt", "a professor at Fudan University"
    elif _speaking_org(doc, c, words) or _of_after_person(doc, c, words) or _plural_group(before, after, words) \
            or _members_of(doc, c, words, after) \
            or re.match(r"^,\s+which\s", after) and (
                _ent_label(doc, c) == "ORG" or any(re.fullmatch(r"[A-Z]{2,}", w) for w in words)
                # (but "the movement of the Shiite cleric Moqtada al-Sadr, which won": the clause is the movement's)
                or _ent_label(doc, c) == "PERSON" and not re.search(r"\bof\s+(?:\S+\s+){0,3}$", before)
                # "Unite, which represents engineering staff, said": a name the model missed, speaking as a body
                or not _ent_label(doc, c) and _cue_subject(doc, c)):
        c.vote("Organization", STRONG)  # "Oberon, which has been buying up chip designers, said": no person
    elif last_word(before) in ("of", "in") and COMPANY_BEFORE.search(before) or _company_apposition(after) \
            or _org_apposition(after) \
            or COMPANY_AFTER.match(after) and not _ent_label(doc, c) == "PERSON" \
            or STAFF_AFTER.match(after) and c.text not in lexicon.places() \
            and _ent_label(doc, c) not in ("GPE", "LOC", "NORP"):  # (not "Beijing analysts")
        c.vote("Organization", STRONG)
    elif c.strength <= WEAK and (len(words) == 1 and TEAM_AFTER.match(after) and not _persons_surname(doc, c, text)
                                 or TEAM_BEFORE.search(before)
                                 and (_ent_label(doc, c) != "PERSON" or SCORE.search(before[-8:]))):
        c.vote("Organization", STRONG)
    elif len(words) <= 3 and PLACE_APPOSED.search(before) and not any(w.lower() in lexicon.org_heads() for w in words) \
            and not PLACE_APPOSED_END.match(after):
        c.vote("Place", STRONG)  # "in the capital, Lusaka": named by the place noun before it
    elif len(words) <= 2 and c.strength <= WEAK and _ent_label(doc, c) != "ORG" and _place_by_company(doc, c, before,
                                                                                                       after):
        c.vote("Place", STRONG)  # "a 34-year-old nurse from Argenteuil", "the train to Delhi and Surat"
    elif before.endswith((" in ", " near ")) and len(words) <= 3 and _ent_label(doc, c) in ("PERSON", "") \
            and not any(w.lower() in lexicon.org_heads() for w in words) and _in_a_place(doc, c):
        c.vote("Place", STRONG)  # "lives in exile in Dakar", "the convoy was ambushed near Khan Younis"
    elif title := _apposed_to_role(before, after, words):
        c.vote("Actor", STRONG)
        c.titles.append(title)
    elif (kind_noun := appositive_kind(after)) and _ent_label(doc, c) not in ("GPE", "LOC") \
            and c.text not in lexicon.places():  # ("Kaduna, the state capital": no company)
        c.vote("Organization", STRONG)  # "Norland Steel, Britain's second-largest steelmaker,": a body of that kind
        c.titles.append(kind_noun)
    elif title := _title_before(before):
        c.vote("Actor", STRONG)
        c.titles.append(title)
    elif (aged := _aged(after)) == "Organization":
        c.vote("Organization", STRONG)  # "Thornbury Ales, a 150-year-old brewery"
    elif PERSON_AFTER.match(after) or _role_apposition(after) or aged or _person_of_body(words, after) \
            or WHO_HAD.match(after) and _ent_label(doc, c) not in ("ORG", "GPE", "LOC", "NORP") \
            and not PLURAL_WORDS.search(after.split(",")[1]) \
            or (m := AGE_AFTER.match(after)) and _ent_label(doc, c) not in ("GPE", "LOC", "NORP") \
            and (m.group(1) not in ("and", "or") or _ent_label(doc, c) == "PERSON"):
        c.vote("Actor", STRONG)
    elif _speaking_name(doc, c, words):
        c.vote("Actor", STRONG)
    if c.etype == "Actor" or c.strength < STRONG:
        c.titles.extend(t for t in [_appositive_title(after)] if t)


# ", Britain's second-largest steelmaker,", ", a polling firm that": the kind noun of an apposition to a body's name
# (after an article or a possessor: not ", whose company,")
APPOSITIVE_KIND = re.compile(r"^,\s+(?:(?:a|an|the)\s+(?:[A-Z][\w’'-]*(?:’s|'s)\s+)?|[A-Z][\w’'-]*(?:’s|'s)\s+)"
                             r"((?:[a-z][\w-]*\s+){0,3}?)"
                             r"([a-z][\w-]*)(?=\s*[,.;)]|\s+(?:that|which|in|of|based|with|since|for|at)\b)")


def appositive_kind(after: str) -> str | None:
    """The kind noun of an apposition after a body's name (\", Britain's second-largest steelmaker,\" -> steelmaker)."""
    m = APPOSITIVE_KIND.match(after)
    if m is None:
        return None
    head = m.group(2)
    if head == "body":  # a body that runs or governs something ("SANZAAR, the body that runs the Rugby Championship",
        # "the sport's governing body"; not "Ceres, the largest body in the asteroid belt")
        governs = re.search(r"\b(?:governing|sporting|regulatory|professional)\b", m.group(1)) or re.match(
            r"\s+(?:that|which)\s+(?:runs|governs|represents|oversees|organi[sz]es|regulates)\b", after[m.end():])
        return head if governs else None
    return head if head in lexicon.company_words() or head in lexicon.org_heads() else None


# Title words that open a longer title around a capitalised word of its own ("Chief Electoral Officer").
TITLE_OPENERS = {"chief", "principal", "deputy", "assistant", "senior"}
# Nouns after "a 150-year-old" that name a business (trade nouns such as "operator" or "miner" name people too).
AGED_BODIES = {"company", "firm", "business", "brewery", "chain", "store", "shop", "institution"}
# "the ruling Morena party": a name between "the" and lower-case words and "party" is the party's.
PARTY_AFTER = re.compile(r"^\s+party\b(?!\s+(?:of|in|for)\b)")
THE_BEFORE = re.compile(r"\b[Tt]he\s+(?:[a-z][\w-]*\s+){1,2}$")  # ("The Notting Hill party ended": a social one)
# Bodies that group other bodies: "Green Bay Packers of the National Football League", "Tata Steel of the Tata
# Group" name a member body, not a person.
GROUPINGS = {"league", "division", "conference", "group", "holdings", "motors", "federation", "confederation",
             "association", "alliance", "bloc", "coalition"}
# "Gavin Holt of Redline Analytics said": a name, then "of" and a body's name (its last word a kind of body).
OF_BODY_AFTER = re.compile(r"^\s+of\s+(?:the\s+)?(?:[A-Z][\w&’'-]*\s+){0,3}([A-Z][a-z]+)\b(?!\s+(?:of|for)\b)")


# "Rodrigo Alcántara Vélez of Lima consultancy Macroandina", "Petra Lang of investment bank Halden": a kind of
# body, written in lower case before the body's name.
OF_KIND_BODY_AFTER = re.compile(r"^\s+of\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,2}(?:[a-z][\w-]*\s+){0,1}([a-z][\w-]*)\s+"
                                r"[A-Z][\w’'-]*")


def _person_of_body(words: list[str], after: str) -> bool:
    """"Gavin Holt of Redline Analytics", "Ana Ruiz of the Interior Ministry" with the name already split off:
    see :func:`_person_of_named_body` (not "Bank of England", "Real Madrid of Spain"); or "of" a kind of body
    and its name ("X of Lima consultancy Macroandina")."""
    m = OF_BODY_AFTER.match(after)
    body = [w for w in m.group(0).split()[1:] if w != "the"] if m else []
    if _person_of_named_body(words, body):
        return True
    k = OF_KIND_BODY_AFTER.match(after)
    return k is not None and _person_of_named_body(words, [k.group(1)])


# "a 34-year-old nurse from ", "to Delhi and ", " and Delhi": where a person comes from, a place beside a place.
FROM_PERSON = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?P<desc>(?:[\w-]+\s+){0,3}?)(?P<noun>[a-z]+)\s+from\s+$")
# A person "from" a place rather than an employer: described by an age, or by one of these nouns ("a lawyer from
# Clifford Chance", "a defender from Galatasaray" are not from a place).
HOME_NOUNS = {"man", "woman", "boy", "girl", "mother", "father", "son", "daughter", "wife", "husband", "grandmother",
              "grandfather", "resident", "pensioner", "retiree", "teenager", "couple", "family"}
PLACE_BEFORE_AND = re.compile(r"\b(?:to|in|from|across|between)\s+([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)\s+and\s+$")
LOCATIVE_BEFORE = re.compile(r"\b(?:to|in|from|across|between)\s+$")
AND_PLACE_AFTER = re.compile(r"^\s+and\s+([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)\b")


def _place_by_company(doc: Doc, c: Cand, before: str, after: str) -> bool:
    """A name known as a place by the company it keeps: after a person noun and "from" ("a nurse from
    Argenteuil"), or joined by "and" to a place after "to", "in", "from" ("to Delhi and Surat"; not the subject of
    the next clause: "flew to Nairobi and Odinga met her")."""
    if (m := FROM_PERSON.search(before)) and (m.group("noun") in HOME_NOUNS or "year-old" in m.group("desc")
                                              and m.group("noun") in lexicon.person_nouns()):
        return True
    ix = index_of(doc)

    def is_place(name: str, start: int) -> bool:
        label = ix.token_at(start).ent_type_
        return name in lexicon.places() or label in ("GPE", "LOC")

    if ix.token_at(c.start).dep_ in SUBJECT_DEPS \
            or re.match(r"^(?:’s|'s)\b", after):
        return False  # ("the war in Ukraine and Putin's threats": a possessive names an owner)
    if (m := PLACE_BEFORE_AND.search(before)) and is_place(m.group(1), c.start - len(before) + m.start(1)):
        return True
    return bool(LOCATIVE_BEFORE.search(before) and (m := AND_PLACE_AFTER.match(after))
                and is_place(m.group(1), c.end + m.start(1)))


def _aged(after: str) -> str | None:
    """"X, a 34-year-old nurse": an Actor when the noun after the age names a person, an Organization when it names
    a body ("a 150-year-old brewery"), else nothing (a charity, a festival, a racehorse)."""
    m = AGED_NOUN.match(after)
    for head in (m.group(2), m.group(1)) if m else ():  # the second word heads a compound ("crane operator")
        if head in lexicon.person_nouns() or head in _titles():
            return "Actor"
        if head in lexicon.org_heads() or head in AGED_BODIES:
            return "Organization"
    return None


def _persons_surname(doc: Doc, c: Cand, text: str) -> bool:
    """"Sinner's coach" after "Jannik Sinner": a word written elsewhere in the article as the last word of a
    longer name is that person's surname; not after a place or an institution's word ("Manchester United",
    "FC Barcelona")."""
    if _ent_label(doc, c) == "ORG":
        return False  # ("Aston Villa beat Brentford ... Villa's manager": the model reads the club)
    ix = index_of(doc)
    for m in re.finditer(rf"\b([A-Z][a-z][\w’'-]*) {re.escape(c.text)}\b", text):
        first = m.group(1)
        if first in lexicon.places() or first.lower() in _generic_words():
            continue
        label = ix.token_at(m.start()).ent_type_
        if label not in ("ORG", "GPE", "FAC", "LOC", "NORP"):  # ("Aston Villa" read as a club by the model)
            return True
    return False


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Words that belong to institutions' names or titles, never to a person's (built once)."""
    return frozenset(lexicon.org_heads() | lexicon.company_words() | lexicon.generic_name_words() | _titles())


LEGISLATURES = {"senate", "congress", "parliament"}


def _lone_legislature(words: list[str], after: str) -> bool:
    """"the Senate", "Congress voted", "Congress President X": the country's legislature, named by its noun
    alone (capitalised, and not the start of a longer name such as "Congress Party")."""
    if len(words) != 1 or words[0].lower() not in LEGISLATURES or not words[0][:1].isupper():
        return False
    nxt = re.match(r"^\s+([A-Z][\w-]*)", after)
    return nxt is None or nxt.group(1).lower() in _titles()


def _of_after_person(doc: Doc, c: Cand, words: list[str]) -> bool:
    """"Tom Reilly of Ember Insights": a name of two or more words after a person's name and "of" is where the
    person works (a one-word name may be their town: "Paul Smith of Leeds")."""
    ix = index_of(doc)
    k = ix.token_at_or_after(c.start)
    if len(words) < 2 or k < 2 or ix.tokens[k - 1].lower_ != "of" or _ent_label(doc, c) in ("GPE", "LOC", "NORP"):
        return False
    before = ix.tokens[k - 2]
    return before.ent_type_ == "PERSON" and before.tag_ == "NNP"


def _ent_label(doc: Doc, c: Cand) -> str:
    ix = index_of(doc)
    return ix.token_at(c.start).ent_type_


@lru_cache(maxsize=1)
def _role_apposition_pattern() -> re.Pattern[str]:
    roles = "|".join(re.escape(n) for n in sorted(lexicon.role_nouns(), key=len, reverse=True))
    # ("X, a lawyer who was jailed"; without an article only before the body: "X, chairman of the council", or
    # after a named owner: "X, Timor-Leste's foreign minister,")
    return re.compile(rf"^,\s+(?:(?:(?:a|an|the)\s+(?:[a-z][\w-]*(?:’s|'s)\s+)?|(?:[A-Z][\w.-]*\s+){{0,3}}[A-Z][\w.-]*"
                      rf"(?:’s|'s)\s+)(?:[a-z][\w-]*\s+){{0,2}}?(?:{roles})(?:\s+(?:of|at|for|to|with|who)\s|,)"
                      rf"|(?:[a-z][\w-]*\s+){{0,2}}?(?:{roles})\s+(?:of|at|for|with)\s)")


def _role_apposition(after: str) -> bool:
    """"X, a political scientist at Y", "X, the group's executive director,": a role held by a person."""
    m = _role_apposition_pattern().match(after)
    # "in Leeds, the union's general secretary, Maria Kent, said": the description introduces the name after it
    return m is not None and not (m.group(0).endswith(",") and re.match(r"\s+[A-Z][\w’'-]+\s+[A-Z]", after[m.end():]))


# Words that end a description apposed to a name ("a civic group that ...", "an industry group representing ...").
APPOSITION_STOPS = frozenset({"that", "which", "who", "whose", "with", "of", "in", "for", "at", "and", "representing",
                              "based", "founded", "formed", "led", "set", "backed", "known", "called"})


def _org_apposition(after: str) -> bool:
    """"Transparency International UK, an anti-corruption group", "X, a new regional party,": an organization
    described right after its name (the description ends on an organization's head noun; not "the party leader")."""
    m = re.match(r"^,\s+(?:a|an|the)\s+((?:[a-z][\w-]*\s*){1,4})", after) if after[:1] == "," else None
    if m is None:
        return False
    words = []
    for w in m.group(1).split():
        if w in APPOSITION_STOPS:
            break
        words.append(w)
    rest = after[m.start(1) + len(" ".join(words)):]
    return bool(words) and words[-1] in _org_nouns() and words[-1] not in PLACE_NOUNS \
        and not rest.startswith(("’", "'"))


IRREGULAR_PARTICIPLES = frozenset({"run", "built", "known", "set", "made", "held", "owned", "bought", "sold", "led"})


def _participle(word: str) -> bool:
    """A participle that opens a clause on the noun before it ("run by", "headquartered in", "specialising in")."""
    return word.endswith(("ed", "ing")) or word in IRREGULAR_PARTICIPLES


def _company_apposition(after: str) -> bool:
    """"Quillmark, the company that ...", "Ember Insights, a data firm": a company described right after."""
    m = re.match(r"^,\s+(?:a|an|the)\s+([a-z][\w -]*)(?![’'])", after)  # not "X, the group's director"
    words = m.group(1).split()[:4] if m is not None else []
    # (the description's head noun, before any preposition or participle: not "X, a spokeswoman for the company", "X,
    # a mining analyst at Y"; but "X, a construction firm run by two brothers")
    words = words[:1] + list(itertools.takewhile(lambda w: w not in APPOSITION_STOPS and not _participle(w), words[1:]))
    return bool(words) and words[-1] in lexicon.company_words() \
        and not any(w in PLACE_NOUNS for w in words)  # ("Kaduna, the state capital": "Capital" ends firms' names)


def _apposed_to_role(before: str, after: str, words: list[str]) -> str | None:
    """"The outgoing club president, Henrik Aas Lunde, said": a capitalised name of 2-4 words set off by
    commas right after a lower-case role description is a person."""
    # (", X," or ", X of the Y Party,": the name may carry its organization)
    if not 2 <= len([w for w in words if w.lower() not in NAME_PARTICLES]) <= 4 \
            or not re.match(r"^\s*,|^\s+of\s+(?:the\s+)?[A-Z]", after) \
            or not re.search(r",\s+$", before):
        return None
    desc = before.rstrip()[:-1]
    # "The WHO's regional director for Africa, Matshidiso Moeti,": the role's own complement first
    desc = re.sub(r"\s+(?:for|of|at)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}$", "", desc)
    title = _title_before(desc + " ")
    if title is None or not re.search(re.escape(title), desc) or not APPOSED_TO_ROLE.search(desc[:-len(title)]):
        return None
    if any(w.lower() in lexicon.org_heads() or w.lower() in lexicon.company_words() for w in words):
        return None
    return title


def _role_at(before: str) -> bool:
    """"analysts at ", "a political scientist at the ": a role noun (or its plural) before "at" and a name."""
    m = re.search(r"\b([a-z]+?)s?\s+at\s+(?:the\s+)?$", before.lower())
    return m is not None and (m.group(1) in lexicon.role_nouns() or m.group(1) + "s" in lexicon.role_nouns())


def _speaking_org(doc: Doc, c: Cand, words: list[str]) -> bool:
    """"Network Rail said", "Police Scotland said": a proper-noun run the model did not tag, with an organization's
    head noun among its words, as the subject of a speech verb is an organization."""
    if c.strength >= 0 or not 2 <= len(words) <= 4 or words[-1].lower() in lexicon.org_heads():
        return False
    if not any(w.lower() in _org_nouns() for w in words):
        return False
    ix = index_of(doc)
    last = ix.tokens[max(0, ix.token_at_or_after(c.end) - 1)]
    return last.dep_ == "nsubj" and last.head.i > last.i and last.head.lemma_.lower() in lexicon.cue_verbs()


OWN_PRONOUNS = frozenset({"his", "her", "himself", "herself"})


def _speaking_name(doc: Doc, c: Cand, words: list[str]) -> bool:
    """"Declan Fairweather said", "said Anders Holm Berg": a two- or three-word name (not an organization's) as
    the subject of a speech verb is a person, whatever place the model took it for. So is one whose clause
    goes on about it as "his" or "her" ("Mateo Alcaraz-Vidal dedicated the title to his grandmother"), or a
    surname the article gives in full elsewhere, even when the model took it for an organization's."""
    if not 1 <= len(words) <= 3 or c.strength > WEAK:
        return False
    if any(w.lower() in lexicon.org_heads() or w.lower() in lexicon.company_words() or not w[:1].isupper()
           or re.fullmatch(r"[A-Z]{3,}", w) for w in words):
        return False  # ("NHS Providers said": an acronym is no part of a person's name)
    if re.match(r"^,\s+which\s", index_of(doc).text[c.end:c.end + 10]):
        return False  # ("X, which represents hospital trusts, warned": a body)
    ix = index_of(doc)
    last = ix.tokens[max(0, ix.token_at_or_after(c.end) - 1)]
    head = last.head
    first = ix.token_at_or_after(c.start)
    if last.dep_ == "nsubj" and head.i > last.i and head.pos_ == "VERB" \
            and not (len(words) > 1 and _ent_label(doc, c) == "ORG") \
            and not any(t.ent_type_ in ("PERSON", "ORG") for t in doc[last.i + 1:head.i]):
        # "his" later in the sentence with no other name before it that it could be about; a one-word name
        # only when the article writes it as a full name's last word ("Liverpool confirmed his departure")
        sent, own = ix.sent_of[head.i], None
        for k in range(head.i + 1, len(ix.tokens)):
            t = ix.tokens[k]
            if ix.sent_of[k] != sent or t.ent_type_ == "PERSON" or t.pos_ == "PROPN" or t.lower_ in OWN_PRONOUNS:
                own = t if ix.sent_of[k] == sent and t.lower_ in OWN_PRONOUNS else None
                break
        if own is not None \
                and (len(words) > 1 or re.search(rf"\b[A-Z][a-z][\w’'-]* {re.escape(words[0])}\b", ix.text)):
            return True
    # "X said" or, inverted after a quotation, "said X"
    return len(words) >= 2 and _ent_label(doc, c) != "ORG" and last.dep_ == "nsubj" \
        and (head.i > last.i or head.i == first - 1) \
        and head.lemma_.lower() in lexicon.cue_verbs() and head.pos_ == "VERB"


# Nouns of a kind of body that, right before a name, describe it: "the union IG Metall", "German carmaker Volkmar".
# (Trade nouns that name people as often, "developer", "producer", "brewer", are left out.)
BODY_KINDS = frozenset({"company", "firm", "corporation", "conglomerate", "startup", "carmaker", "automaker",
                        "chipmaker", "drugmaker", "planemaker", "steelmaker", "shipbuilder", "retailer", "lender",
                        "insurer", "airline", "manufacturer", "utility", "brewery", "consultancy", "charity",
                        "union", "group", "party", "alliance", "coalition", "movement", "militia", "agency",
                        "network", "organisation", "organization", "federation", "association", "club"})
# Verbs of a person's tie to a body: after "the party Imran Khan", they open a relative clause about the person.
BODY_TIES = frozenset({"found", "co-found", "lead", "run", "head", "own", "start", "join", "create", "form", "chair",
                       "leave", "establish", "represent", "quit", "manage", "coach", "build"})


def _kind_before(doc: Doc, c: Cand, before: str) -> str | None:
    """"the ride-hailing company Uber", "the union IG Metall", "Rival lender Bradesco": a name right after a noun for a
    kind of body is that body's (not "the party Imran Khan founded", where the name opens a relative clause)."""
    words = before.rsplit(None, 1) if before[-1:].isspace() else []
    kind = words[-1] if words else ""  # (the window's end only: a regex search would try every position)
    if kind not in BODY_KINDS:
        return None
    ix = index_of(doc)
    last = ix.tokens[ix.token_at_or_after(c.end) - 1]
    nxt = last.nbor() if last.i + 1 < len(last.doc) else None
    if last.dep_ in SUBJECT_DEPS and last.head.dep_ in ("relcl", "acl") \
            or nxt is not None and nxt.lemma_ in BODY_TIES and nxt.pos_ == "VERB":
        return None
    return kind


CLAUSE_WORDS = frozenset({"as", "and", "or", "but", "in", "on", "at", "with", "while", "after", "before", "when",
                          "of", "for", "to", "from", "by", "than", "if", "because", "since", "until"})


# Bodies a place has, written after its name ("Kaduna state government", "Haarlem city council"), and the levels of
# government between.
OF_THE_PLACE = frozenset({"forces", "force", "army", "police", "party", "office", "service", "court", "council",
                          "government", "parliament", "assembly"})
LEVELS = frozenset({"city", "state", "provincial", "regional", "district", "county", "municipal", "town", "local",
                    "national", "federal"})


def _descriptor_after(after: str) -> str | None:
    """The head noun of a lower-case description right after a name ("news agency", "resistance group")."""
    after = re.sub(r"^\s*\([A-Z][\w.]{1,10}\)", "", after)  # "Daesh (ISIS) terrorist group"
    m = re.match(r"^\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)", after)
    if not m:
        return None
    words = m.group(1).split()
    if words[0] in CLAUSE_WORDS:
        return None  # "Rebels shell Kivuli as army retreats": a clause goes on, no description
    # "RSF shells El Fasher camp as army vows": a description ends before a clause word
    words = words[:next((k for k, w in enumerate(words) if w in CLAUSE_WORDS), len(words))]
    media = lexicon.media()
    for n in range(len(words), 0, -1):
        head = words[n - 1]
        if head in lexicon.org_heads() or media.get(head, lexicon.Medium("", "")).kind == "outlet":
            if head in OF_THE_PLACE and all(w in LEVELS for w in words[:n - 1]):
                return None  # "X forces" is the forces of X, "a Seoul court" a court in Seoul, "Haarlem city
                # council" the council of Haarlem: no body named X
            return " ".join(words[:n])
    return None


def _is_description(doc: Doc, end: int, descriptor: str) -> bool:
    """"Tasnim news agency", not "de Groot insisted her party": a description has no verb or pronoun."""
    ix, n = index_of(doc), len(descriptor.split())
    toks: list[Token] = []
    k = ix.token_at_or_after(end)
    while k < len(ix.tokens) and len(toks) < n:
        if not ix.tokens[k].is_space:
            toks.append(ix.tokens[k])
        k += 1
    return not any(t.pos_ in ("VERB", "AUX", "PRON", "DET", "ADP") for t in toks)


def _appositive_title(after: str) -> str | None:
    """The role noun of an apposition: "X, Iraq's national security adviser", "X, a member of"."""
    # ("X, the Gauteng judge president": a place or body before the title)
    m = re.match(r"^,\s+(?:(?:a|an|the)\s+)?(?:[A-Z][\w’'-]*(?:’s|'s)?\s+){0,2}((?:[a-z][\w-]*\s*){1,4})", after)
    if not m:
        if re.match(r"^,\s+who (?:leads|heads)\b", after):
            return "leader"
        return None
    words = m.group(1).split()
    roles = lexicon.role_nouns()
    for n in range(len(words), 0, -1):
        for k in range(n):
            if " ".join(words[k:n]) in roles and all(w in MODIFIERS for w in words[:k]):
                return " ".join(words[:n])
    return None


# Role nouns of a profession, not of a post in a body: a place before them is where the person works ("Sydney
# lawyer Harriet Moss"), where before a post it may be a club or a body ("Liverpool manager", "Pentagon spokesman").
PROFESSIONS = frozenset({"lawyer", "analyst", "economist", "professor", "researcher", "scientist", "strategist",
                         "fellow", "correspondent", "columnist", "editor", "adviser", "advisor"})


def _title_after_name(after: str) -> str:
    """The lower-case title between a name and the next name ("spokesman" in " spokesman John Kirby"), or ""."""
    m = re.match(r"^\s+((?:[a-z][\w-]*\s+){1,3})[A-Z]", after)
    return (_title_before(" " + m.group(1)) or "") if m else ""


def _profession_after(after: str) -> bool:
    return _title_after_name(after) in PROFESSIONS


def _role_after(after: str) -> bool:
    """"Pentagon spokesman John Kirby", "Fatah Alliance lawmaker X": a name before a role noun and a name."""
    role = _title_after_name(after)
    # (not "Finance minister Jeremy Hunt": a minister's title is preceded by a portfolio, not a body)
    return role in lexicon.role_nouns() and not role.endswith("minister")


@lru_cache(maxsize=1)
def _occupations() -> frozenset[str]:
    """The person nouns that name an occupation, not a kin or a sex ("Farmer John", not "Father John")."""
    return lexicon.person_nouns() - KIN_NOUNS


def _portfolio(doc: Doc, s: int, e: int) -> bool:
    """Capitalised dictionary words before a minister's title that name a portfolio, not a body: "Public
    Safety", "Home Affairs", "Social Welfare". Not a place or a nationality ("Kenyan", "Ontario"), and not
    words the article capitalises anywhere but before such a title ("the Treasury said" keeps "Treasury
    Secretary X" a member of the Treasury)."""
    ix = index_of(doc)
    toks = ix.tokens[s:e]
    if not all(t.is_title and t.is_alpha and t.ent_type_ not in ("GPE", "LOC", "NORP")
               and t.text not in lexicon.places()
               and (lexicon.is_common_noun(t.lower_) or t.lower_ in lexicon.title_modifiers()) for t in toks):
        return False
    phrase = " ".join(t.text for t in toks)
    return all(_title_follows(ix.text, m.end(), PORTFOLIO_TITLES)
               for m in re.finditer(rf"\b{re.escape(phrase)}\b", ix.text))


def _title_before(before: str) -> str | None:
    """A person title or role noun written right before a name ("Prime Minister", "lawmaker")."""
    words = before.rstrip().split()
    if not before.endswith(" ") or not words:
        return None
    titles = _titles()
    for n in range(min(4, len(words)), 0, -1):
        phrase = " ".join(words[-n:]).lower()
        if phrase in titles:
            return phrase
    return None


# Verbs of where people live, meet, fight or die: "in X" or "near X" after them is a place (not "believed in X",
# "put their faith in X", "sat near X").
LOCATIVE_VERBS = frozenset({"live", "base", "bear", "kill", "die", "wound", "injure", "hold", "meet", "arrive",
                            "attack", "fight", "arrest", "detain", "raid", "shell", "bomb", "strike", "ambush",
                            "deploy", "land", "gather", "protest", "march", "flee", "displace", "stay", "remain",
                            "hide", "open", "close", "capture", "seize", "occur", "happen", "take", "clash"})


def _in_a_place(doc: Doc, c: Cand) -> bool:
    """The name is the object of an "in" or "near" that a verb of place governs ("lives in Dakar", "was killed in
    Gaza", "was ambushed near Khan Younis"), or "in exile in"; not another verb's or a noun's ("believed in Jesus",
    "confidence in Trump", "sat near Taylor Swift") and not an owner ("in Smith's view")."""
    ix = index_of(doc)
    tok = ix.tokens[ix.token_at_or_after(c.end) - 1]
    while tok.dep_ in ("compound", "flat") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "near") or re.match(r"['’]s\b", ix.text[c.end:c.end + 2]):
        return False
    gov = tok.head.head
    return gov.pos_ in ("VERB", "AUX") and gov.lemma_.lower() in LOCATIVE_VERBS or gov.lower_ == "exile"


def _plural_group(before: str, after: str, words: list[str]) -> bool:
    """"the Houthis' military spokesman", "the Houthis said": a plural name after "the" names a group,
    never a person."""
    return len(words) == 1 and words[0].endswith("s") and re.search(r"\b[Tt]he\s+$", before) is not None \
        and re.match(r"^(?:['’]\s|\s+(?:said|say|have|are|were|claimed|announced)\b|,\s+which\s)",
                     after) is not None


# Nouns for the members of an armed or political group: "M23 rebels", "Hamas fighters", "Houthi militants".
MEMBERS_AFTER = re.compile(r"^\s+(?:rebels|fighters|militants|insurgents|guerrillas|militiamen|gunmen)\b")


def _members_of(doc: Doc, c: Cand, words: list[str], after: str) -> bool:
    """"M23 rebels said", "Hamas fighters": a name whose members the next word counts is a group. Not a
    place's rebels ("Darfur rebels", "Syrian fighters"): the model must read it as a body, or it must be
    a code such as an acronym or a name with a digit."""
    if not MEMBERS_AFTER.match(after) or c.text in lexicon.places() or len(words) > 3:
        return False
    return _ent_label(doc, c) == "ORG" or any(re.fullmatch(r"[A-Z]{2,}|\w*\d\w*", w) for w in words)


def _company_ending(word: str) -> bool:
    """A legal form or industry word that ends a company's name ("AG", "Holdings", "Shipping", "Capital");
    not a trade noun that is also a surname ("Brewer", "Miner")."""
    w = word.lower().strip(".,")
    return w in lexicon.company_words() and not w.endswith(("er", "or"))


def _kind_word(words: list[str], text: str) -> bool:
    """"Company spokeswoman X", "Union spokesman X" opening a sentence: the kind of an organization the
    article names otherwise, capitalised by its place, not a name. A head noun the article never writes
    in lower case ("Rovers manager X") is a club's short name."""
    if len(words) != 1:
        return False
    word = words[0].lower()
    if word in lexicon.company_words() or lexicon.institutions().get(word) == "place":
        return True  # "Government spokesman X": the country's government, named by its noun
    # ("Party chairman X": a kind of body; "Rovers manager X", "Commission spokeswoman X" after "the European
    # Commission": a short name of a body the article names, unless written in lower case too)
    if word not in lexicon.org_heads():
        return False
    return re.search(rf"\b{word}\b", text) is not None or word not in CLUB_WORDS and not re.search(
        rf"[A-Z][\w'’-]*\s+{re.escape(words[0])}\b", text)


# Head nouns of clubs' names, which a club's short name may be ("Rovers", "United"), unlike "Party" or "Union".
CLUB_WORDS = frozenset({"fc", "united", "rovers", "athletic", "wanderers", "albion", "hotspur", "city", "club"})


# The participles that make a name into an adjective about what the named body backs, runs or leads.
AFFILIATED = re.compile(r"-(?:linked|backed|led|allied|aligned|affiliated|inspired|run|controlled|owned|sponsored|"
                        r"funded|supported|held|dominated)\b")


def _junk(doc: Doc, c: Cand) -> bool:
    """Capitalised words that are no names: a lone common word with no evidence of being a name
    ("Turnout was high", "the Union", a heading "Electoral"), a byline code ("SKR MND"), or the first
    part of a hyphenated adjective ("the Franco-Italian operator")."""
    text = index_of(doc).text
    nxt = text[c.end:c.end + 30]
    if not c.canon and (re.match(r"-[a-z]", nxt) and not AFFILIATED.match(nxt) or (m := re.match(r"-([A-Z][\w]*)", nxt))
                        and m.group(1) in lexicon.places()):
        return True  # (but "Hezbollah-backed militias", "Al Qaeda-linked fighters" name the body that backs them)
    if not c.canon and c.text.lower() in WEEKDAY_NAMES:
        return True  # "convicted on Wednesday": a day is never a name, whatever evidence it seemed to have
    if _opening_modifier(doc, c):
        return True
    if not c.canon and " " not in c.text and nxt.startswith(".") and c.text.lower() + "." in _titles():
        return True  # "Sgt." of "Its president, Sgt. Brian Keough, said": an abbreviated title, whatever it seemed
    if c.canon or c.strength >= STRONG:
        return False
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.end)
    line = text[line_start:line_end if line_end >= 0 else len(text)].strip()
    if re.fullmatch(r"(?:[A-Z]{2,4}\s*){2,4}", line):
        return True  # a byline code or an agency's initials on a line of their own
    words = c.text.split()
    if len(words) != 1:
        return False
    word = words[0]
    if word.lower() in lexicon.not_names() or word.lower() in lexicon.org_heads() \
            or word.lower() in lexicon.company_words() or word.lower() in _titles():
        return True
    if len(line.split()) <= 3 and not re.search(r"[.!?:”\"]$", line) and word[1:].islower():
        return True  # a heading or kicker line ("Electoral", "Politics")
    if c.sent_start and word[1:].islower():
        if re.search(rf"\b[A-Z][\w'’-]+ {re.escape(_fold(word))}\b", _folded_text(text)):
            return False  # "Morales, speaking from the palace, ...": the surname of a name given in full (with or
            # without its accents: "Brandle, asked ..." after "Jörg Brändle")
        tok = index_of(doc).tokens[index_of(doc).token_at_or_after(c.start)]
        lower = re.search(rf"(?<![.!?]\s)\b{re.escape(word.lower())}\b", text)
        return tok.tag_ not in ("NNP", "NNPS") or lower is not None
    return False


def _cue_subject(doc: Doc, c: Cand) -> bool:
    """Whether the candidate is the whole subject of a verb of saying ("Unite ... said"; not the "Saxony" of "Lower
    Saxony ... urged", a name the candidate does not cover)."""
    ix = index_of(doc)
    tok = ix.tokens[max(0, ix.token_at_or_after(c.end) - 1)]
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lexicon.cue_verbs() and tok.left_edge.idx >= c.start


def _opening_modifier(doc: Doc, c: Cand) -> bool:
    """"Club captain Jordan Henderson", "Riot police fired", "Union leader Anna Weber": a sentence's capitalised first
    word before a noun it modifies is a common noun (a word for a body or a portfolio, or one the dictionary knows
    that the article also writes in lower case) when the article writes it with a capital nowhere else but in such
    an opening ("Hamas leader Ismail Haniyeh ... Hamas said" keeps its name)."""
    word = c.text
    low = word.lower()
    # a head noun of bodies' names that names no one body ("Party chairman X", "Union leader Y"), whatever the model
    # says; "Congress leader", "Army spokesman" name an institution
    generic = low in lexicon.org_heads() and low not in lexicon.institutions() and low not in CLUB_WORDS
    if c.canon or not c.sent_start or not word[1:].isalpha() or not word[1:].islower() \
            or word in lexicon.places() or _ent_label(doc, c) in ("ORG", "GPE", "LOC", "NORP") and not generic:
        return False  # (the model's organizations: "Pentagon spokesman", "Congress leader")
    ix = index_of(doc)
    # a generic word for a body or a portfolio, or a noun the article also writes in lower case ("the union")
    if low not in lexicon.org_heads() and low not in lexicon.title_modifiers() and not (
            lexicon.is_common_noun(low) and re.search(rf"\b{re.escape(low)}\b", ix.text)):
        return False  # ("Kestrel analysts said": a company's name the dictionary knows as a bird)

    def opens_modifier(tok: Token) -> bool:
        nxt = tok.nbor() if tok.i + 1 < len(ix.tokens) else None
        return bool(tok.is_sent_start) and nxt is not None and nxt.pos_ in ("NOUN", "PROPN") \
            and (nxt.text.islower() or nxt.lower_ in _titles())

    def in_a_name(m: re.Match[str]) -> bool:  # "the Workers' Party", "Liberal Party": the word ends another name
        return generic and re.search(r"[A-Z][\w.’'-]*\s+$", ix.text[max(0, m.start() - 30):m.start()]) is not None

    return all(opens_modifier(ix.token_at(m.start())) for m in re.finditer(rf"\b{re.escape(word)}\b", ix.text)
               if not in_a_name(m))


def _possessed_institutions(text: str, cands: list[Cand]) -> None:
    """"Egypt's Foreign Ministry" and "Jordan's Foreign Ministry": a generic institution name owned by a country
    names that country's institution; the possessor becomes part of the name (a bare "Foreign Ministry" names
    every country's). With one owner in the article, its bare mentions of the name are that institution too."""
    generic = lexicon.org_heads() | lexicon.title_modifiers() | lexicon.generic_name_words() | {"of", "for", "and"}
    owned: dict[str, list[tuple[Cand, str]]] = {}  # name -> (candidate, owner)
    for c in cands:
        words = c.text.lower().split()
        if c.canon or len(words) < 2:
            continue
        head = lexicon.name_head(words)  # "Ministry of Foreign Affairs"
        if head not in lexicon.org_heads() or not set(words) <= generic:
            continue
        window = max(0, c.start - 40)
        m = re.search(r"([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?:’s|'s)\s+$", text[window:c.start])
        if m and m.group(1) in lexicon.places():
            owned.setdefault(" ".join(words), []).append((c, m.group(1)))
    for name, found in owned.items():
        for c, possessor in found:
            c.canon = f"{possessor}'s {c.text}"
            c.vote("Organization", STRONG)
        owners = {lexicon.places()[p] for _, p in found}
        if len(owners) == 1:  # one owner: the article's bare "the Ministry of Health" is the same body
            canon = found[0][0].canon
            for c in cands:
                if not c.canon and " ".join(c.text.lower().split()) == name:
                    c.canon = canon
                    c.vote("Organization", STRONG)


# ---------------------------------------------------------------- aliases stated in the text
def _link_aliases(text: str, cands: list[Cand]) -> None:
    """Parenthesis acronyms, "also known as" and "X or Y" appositions link two candidates."""
    for i, c in enumerate(cands):
        rest = text[c.end:c.end + 16]
        m = re.match(r"^\s*\(([A-Z][A-Z0-9.&]{1,7})\)", rest)
        if m is None and c.etype == "Organization":  # "Turkish Statistical Institute (TurkStat)", "(Ofcom)"
            m = re.match(r"^\s*\(([A-Z][A-Za-z0-9&-]{2,11})\)", rest)
            m = m if m is not None and m.group(1)[0] == re.sub(r"^[Tt]he\s+", "", c.text)[:1] else None
        j = _cand_at(cands, c.end + m.start(1)) if m else None
        if m and c.text.isupper() and re.match(r"\s*[–—-]", text[c.end + m.end():c.end + m.end() + 3]) \
                and (c.start == 0 or text[c.start - 1] == "\n"):
            j = None  # a dateline's agency: "PHOENIX (AP) —"
        if j is not None and cands[i].etype != "Place":
            cands[j].links.append((i, "parenthesis"))
            cands[j].vote(c.etype or "Organization", c.strength)
            end = c.end + m.end() if m else c.end
        else:
            end = c.end
        for k in range(i + 1, min(i + 4, len(cands))):
            other = cands[k]
            between = text[end:other.start]
            if other.etype == "Place" and other.strength > STRONG:
                continue
            if AS_THEY_CALL.match(between) and CALL_THEMSELVES.match(text, other.end):
                other.links.append((i, "also-known-as"))  # "Ansar Allah, as the Houthis call themselves,": a group
                other.vote("Organization", STRONG)
                c.vote("Organization", STRONG)
                break
            if ALSO_KNOWN.match(between):
                other.links.append((i, "also-known-as"))
            elif (OR_APPOS.match(between) or OR_APPOS_COMMA.match(between) and not re.search(r",\s*$", text[:c.start])
                  and ACRONYM.match(other.text)) \
                    and c.etype == "Organization" and text[other.end:other.end + 1] in ",.;)":
                # "Central Command, or CENTCOM,"; not the end of a list ("Fatah, Hamas, or IJ", "the Lakers, or
                # the Clippers,")
                other.links.append((i, "or-apposition"))
            else:
                continue
            other.vote(c.etype or "Organization", STRONG)
            break


def _cand_at(cands: list[Cand], start: int) -> int | None:
    return next((i for i, c in enumerate(cands) if c.start == start), None)


# ---------------------------------------------------------------- clustering
def _fold(word: str) -> str:
    """A word without its accents ("Brändle" -> "Brandle")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


@lru_cache(maxsize=4)  # (one article's text, asked for each capitalised word at a sentence start)
def _folded_text(text: str) -> str:
    return _fold(text)


def _norm_tokens(name: str) -> list[str]:
    return list(_norm_words(name))


@lru_cache(maxsize=8192)  # names recur across the candidates of an article and across articles
def _norm_words(name: str) -> tuple[str, ...]:
    name = _fold(name.translate(QUOTE_FOLD))  # ("Inés" and "Ines" are one word)
    name = re.sub(r"(?:'s|')$", "", name)
    out = []
    for w in re.findall(r"[\w']+", name.lower()):
        if w not in {"al", "el", "the"}:
            out.append(w.replace("'", ""))
    return tuple(out)


def _key(c: Cand) -> str:
    return " ".join(_norm_words(c.canon or c.text))


class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        while self.parent.setdefault(x, x) != x:
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _cluster(cands: list[Cand], article: Article) -> list[Entity]:
    cands = [c for c in cands if _norm_tokens(c.text)]
    uf = _Union()
    evidence: dict[str, list[AliasEvidence]] = {}
    for c in cands:
        uf.find(_key(c))
        for j, rule in c.links:
            uf.join(_key(cands[j]), _key(c))
            evidence.setdefault(_key(c), []).append(AliasEvidence(c.text, rule, Span(c.start, c.end, c.text)))
        if c.alias and c.rule:
            evidence.setdefault(_key(c), []).append(AliasEvidence(c.alias, c.rule, Span(c.start, c.end, c.text)))
    _join_short_forms(article.text, cands, uf, evidence)
    _join_initials(cands, uf, evidence)
    groups: dict[str, list[Cand]] = {}
    for c in cands:
        groups.setdefault(uf.find(_key(c)), []).append(c)
    entities: list[Entity] = []
    for members in sorted(groups.values(), key=lambda ms: min(m.start for m in ms)):
        ent = _entity(members, evidence, uf, len(entities) + 1)
        if ent:
            entities.append(ent)
    return entities


def _join_short_forms(text: str, cands: list[Cand], uf: _Union, evidence: dict[str, list[AliasEvidence]]) -> None:
    """A name that is part of exactly one longer name of the article is a short form of it."""
    names = {_key(c): c for c in cands if (not c.canon or c.rule)}
    norm = {key: _norm_tokens(c.text) for key, c in names.items()}  # each name's words, worked out once
    # names every mention of which reads as a place ("in Patna"; not "Newcastle", also "Newcastle manager X")
    places = {_key(c) for c in cands if c.etype == "Place"} - {_key(c) for c in cands if c.etype not in ("Place", None)}
    # ... or a name the article writes before a word for a place's own government ("the Karnataka government")
    governing = "|".join(re.escape(n) for n, kind in lexicon.institutions().items() if kind == "place")
    governed = {_key(c) for c in cands  # (not "the Labour government": a party's, typed as a body)
                if c.etype == "Place" and (re.match(rf"\s+(?:{governing})\b", text[c.end:c.end + 20])
                                           or _office_after(text, c.end))}
    places |= governed
    # (a place that is also the short form of a club: when the article writes a title or a result after it once,
    # "Coral Coast coach X", "Coral Coast won", and never "in Coral Coast"; "Coral Coast businesses" is the place)
    at_place = {_key(c) for c in cands if LOCATIVE_BEFORE.search(text, max(0, c.start - 14), c.start)}
    spoke = {_key(c) for c in cands if SPEECH_AFTER.match(text, c.end, c.end + 20)}  # ("Azlan said")
    located = at_place | ({_key(c) for c in cands} - {_key(c) for c in cands
                                                      if CLUB_USE_AFTER.match(text, c.end, c.end + 30)})
    written: dict[str, list[Cand]] = {}  # each name's mentions
    for m in cands:
        written.setdefault(_key(m), []).append(m)
    # names introduced as someone's relative ("his son Ricardo Alberto Martinelli Linares")
    related = {k for k, o in names.items() if o.etype == "Actor" and _introduced_apart(text, written.get(k, []),
                                                                                    described=False)}
    # longer short forms first: "Hernán Castañeda" joins "Hernán Castañeda Montoya" before "Castañeda" looks for
    # the one full name it is part of
    # acronyms the article glosses in parentheses: "the Association of Southeast Asian Nations (ASEAN)"
    glossed = {k for k, evs in evidence.items() if any(ev.rule == "parenthesis" for ev in evs)}
    for key, c in sorted(names.items(), key=lambda kv: -len(norm[kv[0]])):
        if c.sent_start and c.strength < 0 and re.search(rf"\b{re.escape(c.text.lower())}\b", text):
            continue  # "Resistance has decided ...": a common word capitalised at a sentence start
        if key in glossed and ACRONYM.match(c.text):
            continue  # (its body's name already; "ASEAN" is no short form of "the ASEAN Secretariat")
        toks = norm[key]
        place = key in places
        # (a place whose own government or office the article names, once: "Quebec's public security minister",
        # "the Quebec government", is no short form of "Hydro-Québec")
        office = c.etype == "Place" and _office_after(text, c.end) or key in governed
        alone = len(toks) < 2 or not _introduced_apart(text, written[key])
        kin = related if len(toks) >= 2 else set()
        fulls = {uf.find(k) for k, o in names.items() if k != key and o.etype in ("Actor", "Organization")
                 # "Georgia Governor X", "Scotland's First Minister X": no "Georgia Power", no "Police Scotland"
                 and not (office and toks in (norm[k][:len(toks)], norm[k][-len(toks):]))
                 # a place that opens a body's name is the place ("Tamil Nadu" of the "Tamil Nadu Cauvery Delta
                 # Farmers' Association"); one that ends it may be the body ("Barcelona" of "FC Barcelona")
                 # ("Coral Coast coach X" of "Coral Coast FC", unless the article also goes to the place)
                 # (a person's given name the model took for a place is no place when it speaks: "Azlan said" after
                 # "Datuk Azlan Hashim"; unless also written as a place, or a place kg knows: "in Jordan", "Georgia")
                 and not (place and toks == norm[k][:len(toks)] and (norm[k][len(toks):] != ["fc"] or key in located)
                          and (o.etype != "Actor" or key not in spoke or key in at_place
                               or c.text in lexicon.places()))
                 and _is_short_form(toks, norm[k], o.etype, c.text, subsequence=alone)}
        if any(k != key and names[k].etype == "Actor" and _is_short_form(toks, norm[k], "Actor", c.text)
               and not _is_short_form(toks, norm[k], "Actor", c.text, subsequence=False) for k in kin):
            fulls = set()  # ("Ricardo Martinelli" is not "his son Ricardo Alberto Martinelli Linares")
        if not fulls and c.etype == "Actor" and c.strength >= STRONG:
            # "goals from Declan Fairweather" read as a place by the model, "captain Fairweather said": a
            # surname known as a person's is the short form of a weakly typed full name it ends
            fulls = {uf.find(k) for k, o in names.items() if k != key and o.etype == "Place" and not o.canon
                     and o.strength <= WEAK and len(norm[k]) >= 2 and _is_short_form(toks, norm[k], "Actor", c.text)}
        if not fulls and c.etype in ("Actor", "Organization") and c.strength > 0 and " " not in c.text:
            # "Jannik Sinner ended ..." with no evidence of its own, "Sinner said": the surname's full name
            # ("Real Madrid won ...", "Madrid coach X": the club's)
            fulls = {uf.find(k) for k, o in names.items() if k != key and o.etype is None and not o.canon
                     and 2 <= len(norm[k]) <= 3 and _is_short_form(toks, norm[k], c.etype, c.text)}
        if not fulls and not place:  # ("Johan Pretorius of Pretoria": no spelling of his name)
            fulls = {uf.find(k) for k, o in names.items() if k != key and _is_variant(toks, norm[k])}
        if not fulls and c.etype == "Organization" and len(toks) == 1:
            # "Houthi rebels ... the Houthis": a group's name and its plural
            fulls = {uf.find(k) for k, o in names.items() if k != key and o.etype != "Place"
                     and norm[k] == [toks[0] + "s"]}
        fulls.discard(uf.find(key))
        if len(fulls) == 1:
            full = fulls.pop()
            if place and any(norm[k] == [*toks, "fc"] for k in names):  # ("Coral Coast" of "Coral Coast FC": the
                # model's place is the club)
                for o in cands:
                    if _key(o) == key and o.etype == "Place":
                        o.etype = "Organization"
            uf.join(full, key)
            evidence.setdefault(key, []).append(AliasEvidence(c.text, "short-form", Span(c.start, c.end, c.text)))


LOCATIVE_BEFORE = re.compile(r"\b(?:in|to|at|from|near|into|across|outside)\s+(?:the\s+)?$")
SPEECH_AFTER = re.compile(r",?\s+(?:said|says|told|added|asked|replied|explained|noted|warned|insisted)\b")
CLUB_USE_AFTER = re.compile(r"\s+(?:(?:head|assistant|interim|caretaker)\s+)?(?:coach|manager|captain|striker|"
                            r"goalkeeper|defender|midfielder|winger|forward|player|players|fans|supporters|chairman|"
                            r"boss|have|has|are|were|won|lost|beat|drew|lead|led|trail)\b")


def _office_after(text: str, end: int) -> bool:
    """A state office written after a place ("Georgia Governor", "Ontario Premier"): the place's own
    leader, so the place is no short form of a body named after it ("Georgia Power")."""
    return _title_follows(text, end, lexicon.state_offices())


def _title_follows(text: str, end: int, titles: frozenset[str]) -> bool:
    """One of ``titles`` (one or two words) is written at ``end``, after a possessive and the title's own
    words ("Scotland's First Minister", "Homeland Security Secretary", "French Interior Minister")."""
    words = [w.lower().rstrip(",;:.") for w in re.sub(r"^(?:’s|'s)\b", "", text[end:end + 60]).split()[:4]]
    while len(words) > 1 and words[0] in lexicon.title_modifiers():
        words.pop(0)
    return bool(words) and (words[0] in titles or " ".join(words[:2]) in titles)


INITIALS_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "des", "la", "le", "&"})


def _join_initials(cands: list[Cand], uf: _Union, evidence: dict[str, list[AliasEvidence]]) -> None:
    """"the World Health Organization ... WHO's regional director": an acronym that spells the initials of
    exactly one organization's name in the article (function words skipped) is that organization."""
    acronyms = [c for c in cands if not c.canon and ACRONYM.match(c.text)]
    if not acronyms:
        return
    fulls: dict[str, set[str]] = {}
    for c in cands:
        if " " not in c.text:
            continue
        words = c.text.translate(QUOTE_FOLD).replace("-", " ").split()
        words = [w for w in words if w.lower() not in INITIALS_SKIP]
        if c.canon or c.etype not in ("Organization", None) or len(words) < 2 \
                or not all(w[:1].isupper() for w in words):
            continue
        fulls.setdefault("".join(w[0] for w in words), set()).add(uf.find(_key(c)))
    for c in acronyms:
        if c.etype not in ("Organization", None) and c.strength > WEAK:
            continue  # (the model's guess of a person or a place is no evidence against an acronym)
        if c.titles:
            continue  # "the PA news agency": a description of its own kind names another body
        found = fulls.get(c.text.replace(".", ""), set()) - {uf.find(_key(c))}
        if len(found) == 1:
            uf.join(found.pop(), _key(c))
            evidence.setdefault(_key(c), []).append(AliasEvidence(c.text, "initials", Span(c.start, c.end, c.text)))


def _is_short_form(short: list[str], full: list[str], etype: str | None, surface: str = "",
                   subsequence: bool = True) -> bool:
    """A surname of a person; the first or last words of an organization's name."""
    n = len(short)
    if not short or n >= len(full):
        return False
    if ACRONYM.match(" ".join(short).upper()) and n == 1 and len(short[0]) <= 3 \
            and not (etype == "Actor" and surface.istitle()):  # "Lin", "Wu" are surnames; "UN" is no short form
        return False
    if etype == "Actor" and n == 1 and short[0] in full[:-1] and short[0] not in NAME_PARTICLES and len(short[0]) > 2:
        return True  # "Restrepo" (Andrés Felipe Restrepo Vélez), "Lin" (Lin Jianguo): surnames need not come last
    if etype == "Actor" and n >= 2 and subsequence and short[0] == full[0] and _subsequence(short[1:], full[1:]) \
            and short[-1] not in NAME_PARTICLES and not (GENERATIONS & {*short, *full}):
        return True  # "Hernán Castañeda" (Hernán Castañeda Montoya), "Julio Ñique" (Julio César Ñique Villacorta)
    if etype == "Actor" and n >= 2 and short[0] in NAME_PARTICLES and short[-1] not in NAME_PARTICLES \
            and any(full[i:i + n] == short for i in range(1, len(full) - n + 1)):
        return True  # "Del Águila" (María Teresa del Águila Rengifo), "dos Santos" (João Batista dos Santos)
    # "Norvane" for "Norvane Technologies"; but "Senate" is no short form of "Senate Transport Committee"
    prefix = full[:n] == short and not (n == 1 and short[0] in lexicon.org_heads()) \
        and not any(w in ("of", "for", "on") for w in full[n:])  # "United Nations Framework Convention on …"
    # (not the words after a preposition: "Cape Town" is no short form of "University of Cape Town")
    suffix = full[-n:] == short and full[-n - 1] not in ("of", "for", "on", "in", "at", "to")
    return suffix or (etype == "Organization" and prefix)


GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})  # "Donald Trump Jr." is not "Donald Trump"
# A shorter name introduced as someone of its own: a relative ("his father Donald Trump"), or described where it is
# written ("A farmer, José Rodríguez,"; "Carlos Sánchez, a teammate,"), is no short form of a fuller name.
KIN_BEFORE = re.compile(r"(?i)\b(?:father|mother|son|daughter|brother|sister|wife|husband|uncle|aunt|nephew|niece|"
                        r"cousin|grandson|granddaughter|grandfather|grandmother|widow|widower)(?:-in-law)?"
                        r"(?:,?\s+|\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3})$")
DESCRIBED_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w’'-]+\s+){0,3}[a-z][\w-]*,\s+$")
DESCRIBED_AFTER = re.compile(r"^,\s+(?:a|an|the|his|her|their|its)\s")


def _introduced_apart(text: str, mentions: list[Cand], described: bool = True) -> bool:
    """Whether a name is introduced as a person of its own where it is written (see KIN_BEFORE); ``described``: or
    with a description of its own."""
    return any(KIN_BEFORE.search(text, max(0, m.start - 50), m.start) or described and (
        DESCRIBED_AFTER.match(text[m.end:m.end + 8]) or DESCRIBED_BEFORE.search(text, max(0, m.start - 60), m.start))
        for m in mentions)


def _subsequence(short: list[str], full: list[str]) -> bool:
    """Every word of ``short`` in ``full``, in the same order."""
    it = iter(full)
    return all(w in it for w in short)


def _is_variant(short: list[str], full: list[str]) -> bool:
    """"al-Rubaei" for "Mahmoud al-Rubaie": one surname spelt two ways in the same article."""
    if len(short) != 1 or len(full) < 2 or len(short[0]) < 5:
        return False
    a, b = short[0], full[-1]
    return a[0] == b[0] and a != b and SequenceMatcher(None, a, b).ratio() >= 0.8


def _entity(members: list[Cand], evidence: dict[str, list[AliasEvidence]], uf: _Union, n: int) -> Entity | None:
    votes: Counter[str] = Counter()
    for m in members:
        if m.etype and m.strength > 0:
            votes[m.etype] += 10 ** m.strength
    if not votes:
        return None
    full = max(members, key=lambda m: (len(_norm_tokens(m.text)), not ACRONYM.match(m.text), -m.start))
    best = max(votes.values())
    tied = [t for t, v in votes.items() if v == best]
    # a tie ("Banda" read by the model as an organization twice, as a person twice): the fullest name's reading
    etype = full.etype if len(tied) > 1 and full.etype in tied else tied[0]
    canon = next((m.canon for m in members if m.canon and m.strength >= STRONG and m.etype == etype), None)
    forms = [m.text.translate(QUOTE_FOLD) for m in members if not m.canon or m.rule]
    name = canon or _clean_name(full.text)
    aliases: list[str] = []
    for m in members:
        form = _clean_name(m.alias or m.text)
        if form != name and form not in aliases and (etype != "Place" or _is_name_form(form, name)):
            aliases.append(form)
    if etype == "Place" and not canon and not forms:
        return None
    keys = {_key(m) for m in members}
    ev = tuple(e for k in sorted(keys) for e in evidence.get(k, ()) if _clean_name(e.alias) != name)
    spelled = lexicon.titles_written_out()
    titles = tuple(dict.fromkeys(spelled.get(t, t) for m in members for t in m.titles))
    spans = tuple(sorted({Span(m.start, m.end, m.text) for m in members}))
    return Entity(key=f"e{n}", type=etype, name=name, aliases=tuple(aliases), mentions=spans,  # type: ignore[arg-type]
                  evidence=ev, titles=titles)


def _clean_name(text: str) -> str:
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return re.sub(r"(?:’s|'s|’|')$", "", text).strip()


def _is_name_form(form: str, name: str) -> bool:
    """A place alias is a name ("US", "U.S."), not a demonym ("Americans")."""
    return form.isupper() or "." in form or (len(form.split()) > 1 and form.split()[-1] == name.split()[-1])
