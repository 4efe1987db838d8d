"""Linguistic knowledge as data: the files under ``kg/data/``, each loaded once.

Every file starts with a ``#`` header saying what it holds and where it comes from; columns are
separated by tabs. Functions here return plain, immutable Python values so that extractors can
use them as constants.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import NamedTuple

# Words that put a title in the past ("former minister", "the late president", "ex-coach", "then chairman").
PAST_WORDS = frozenset({"former", "late", "ex", "then", "one-time", "onetime", "erstwhile", "retired"})
# Words of courtesy before a name, with and without their full stop ("Dr Ousmane Diallo", "Mr. X"), and the ranks
# news abbreviates before one ("Sgt. Brian Keough"); NAME_PREFIX matches one of either before a name, or nothing.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "dame",
                        "sister", "brother",  # (a nun's and a monk's: "Sister Aurora Villafuerte")
                        # (Nigerian and Malaysian: "Alhaji Sani Garba Mohammed", "Datuk Azlan Hashim")
                        "alhaji", "alhaja", "hajiya", "datuk", "dato", "datin", "tan sri"})
RANK_ABBREVIATIONS = ("Sgt", "Capt", "Maj", "Col", "Gen", "Lt", "Cmdr", "Adm", "Rev")
NAME_PREFIX = r"(?:(?:" + "|".join(sorted({h.rstrip(".").title() for h in HONORIFICS} | set(RANK_ABBREVIATIONS))) \
    + r")\.?\s+)?"


def _rows(name: str) -> list[list[str]]:
    """Rows of a data file: comment and blank lines skipped, fields split on tabs."""
    text = resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([field.strip() for field in line.split("\t")])
    return rows


class Cue(NamedTuple):
    lemma: str
    particle: str  # "" when the verb takes none
    direct_only: bool  # only with a direct quote as object ("condemned '...'")


class Medium(NamedTuple):
    kind: str  # outlet, platform, post, channel
    platform: str  # canonical platform name for "platform"/"post", else ""


@lru_cache(maxsize=1)
def cue_verbs() -> dict[str, Cue]:
    """Reporting verbs by lemma."""
    out = {}
    for verb, use in _rows("cue_verbs.tsv"):
        lemma, _, particle = verb.partition(" ")
        out[lemma] = Cue(lemma, particle, use == "direct")
    return out


@lru_cache(maxsize=1)
def role_nouns() -> dict[str, str]:
    """Role noun (lower case, possibly several words) -> role kind."""
    return {row[0]: row[1] for row in _rows("role_nouns.tsv")}


@lru_cache(maxsize=1)
def state_offices() -> frozenset[str]:
    """Role nouns that are state offices ("prime minister"): "Iraqi Prime Minister X" leads Iraq."""
    return frozenset(row[0] for row in _rows("role_nouns.tsv") if row[2:3] == ["office"])


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    return frozenset(row[0] for row in _rows("org_heads.txt"))


def name_head(words: list[str]) -> str:
    """The head noun of a body's name, lower-cased words given: the word before "of" ("Ministry of Foreign Affairs",
    "Court of Appeal"), else the last."""
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


@lru_cache(maxsize=1)
def part_heads() -> frozenset[str]:
    """Head nouns of units that are part of a larger body ("brigade", "faction", "wing")."""
    return frozenset(row[0] for row in _rows("org_heads.txt") if row[1:2] == ["part"])


@lru_cache(maxsize=1)
def function_heads() -> frozenset[str]:
    """Nouns for what a body does ("regulator", "watchdog"): a description of a body of any name."""
    return frozenset(row[0] for row in _rows("org_heads.txt") if row[1:2] == ["function"])


@lru_cache(maxsize=1)
def company_words() -> frozenset[str]:
    """Legal forms and trade nouns of companies ("Technologies", "plc", "chipmaker")."""
    return frozenset(row[0] for row in _rows("company_words.txt"))


@lru_cache(maxsize=1)
def title_modifiers() -> frozenset[str]:
    """Capitalised words that belong to a title before a name ("Security Minister", "Chief Financial Officer")."""
    return frozenset(row[0] for row in _rows("title_modifiers.txt"))


@lru_cache(maxsize=1)
def generic_name_words() -> frozenset[str]:
    """Common words of generic institution names ("Supreme Court", "Central Bank") besides heads and title words."""
    return frozenset(row[0] for row in _rows("generic_name_words.txt"))


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Capitalised words and acronyms that name no person or organization on their own ("AI", "GDP")."""
    return frozenset(row[0] for row in _rows("not_names.txt"))


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns that name a person after an age ("a 34-year-old nurse")."""
    return frozenset(row[0] for row in _rows("person_nouns.txt"))


@lru_cache(maxsize=1)
def common_nouns() -> frozenset[str]:
    """English common nouns, lower case: the noun index of the default spaCy model's lemmatizer (WordNet's
    nouns, 57k words), so no copy of it is kept here. It holds some names as well ("jordan", "hamas"): evidence
    that a word can be a common noun, never alone that it is one. Empty when the model has no such table."""
    try:
        import spacy.util
        from spacy.lookups import Lookups

        from kg.nlp import model_name

        root = spacy.util.get_package_path(model_name())
        folder = next(root.glob("lemmatizer/lookups"), None) or next(root.glob("*/lemmatizer/lookups"), None)
        if folder is None:
            return frozenset()
        return frozenset(Lookups().from_disk(folder).get_table("lemma_index")["noun"])
    except (ImportError, OSError, KeyError, ValueError):
        return frozenset()


def is_common_noun(word: str) -> bool:
    """A lower-case word, or its plural in -s, in :func:`common_nouns` ("safety", "affairs", "rates")."""
    nouns = common_nouns()
    return word in nouns or word.endswith("s") and word[:-1] in nouns


@lru_cache(maxsize=1)
def person_titles() -> frozenset[str]:
    return frozenset(row[0] for row in _rows("person_titles.txt"))


@lru_cache(maxsize=1)
def titles_written_out() -> dict[str, str]:
    """An abbreviated title before a name -> the title written out ("gov." -> "governor")."""
    return {row[0]: row[1] for row in _rows("person_titles.txt") if len(row) > 1 and row[1]}


@lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """Surface form (case-sensitive) -> place name."""
    return {row[0]: row[1] for row in _rows("places.tsv")}


# Endings of the words the places file gives for a country's people or things ("Iraqi", "Kenyan", "Spanish",
# "Senegalese", "Dutch"); a word for one person may also end "ard", "er" or "on" ("Spaniard", "Briton").
ADJECTIVE_ENDINGS = ("an", "i", "ish", "ese", "ch")
PERSON_ENDINGS = ("an", "i", "ese", "ard", "er", "on")


@lru_cache(maxsize=1)
def person_demonyms() -> frozenset[str]:
    """Words of the places file marked "person": one person of a country ("Serb", "Briton")."""
    return frozenset(row[0] for row in _rows("places.tsv") if len(row) > 2 and row[2] == "person")


@lru_cache(maxsize=1)
def place_adjectives() -> dict[str, str]:
    """Place name -> its adjective ("Iraq" -> "Iraqi"): the first adjective listed for it."""
    out: dict[str, str] = {}
    for surface, place in places().items():
        if surface != place and " " not in surface and surface.endswith(ADJECTIVE_ENDINGS):
            out.setdefault(place, surface)
    return out


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Capital -> the country whose government news names by it ("Moscow said"); see kg/data/capitals.tsv."""
    return {row[0]: row[1] for row in _rows("capitals.tsv")}


@lru_cache(maxsize=1)
def institutions() -> dict[str, str]:
    """Institution noun -> "organization" or "place"."""
    return {row[0]: row[1] for row in _rows("institutions.tsv")}


@lru_cache(maxsize=1)
def media() -> dict[str, Medium]:
    out = {}
    for row in _rows("media.tsv"):
        word, kind, platform = (row + ["", ""])[:3]
        out[word] = Medium(kind, platform)
    return out


@lru_cache(maxsize=1)
def wire_agencies() -> tuple[str, ...]:
    """Wire agencies' initials, in capitals, as datelines write them ("AFP", "PTI"): media.tsv's "wire" rows."""
    return tuple(sorted(word.upper() for word, m in media().items() if m.kind == "wire"))
