"""The event taxonomy, read once from ``ontology/event-types.ttl``.

Each ``kg:EventType`` in that SKOS file becomes an :class:`EventType` with its trigger patterns
(``kgt:nounTrigger`` / ``kgt:verbTrigger``; see the file's header for the encoding). Adding a type
or a trigger word is an edit of the Turtle file, not of code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from kg.errors import KgError

KG_NS = "https://w3id.org/kg/ontology#"
KGT_NS = "https://w3id.org/kg/ontology/event-type#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
TAXONOMY_FILE = "event-types.ttl"

Pos = Literal["NOUN", "VERB"]
POS_OF_PROPERTY: dict[str, Pos] = {KGT_NS + "nounTrigger": "NOUN", KGT_NS + "verbTrigger": "VERB"}


@dataclass(frozen=True, order=True)
class Trigger:
    """A trigger pattern: the trigger lemma, its part of speech and the dependents it requires."""

    lemma: str
    pos: Pos
    requires: tuple[str, ...] = ()
    type: str = ""  # local name of the event type it signals


@dataclass(frozen=True)
class EventType:
    name: str  # local name, e.g. "Attack"
    iri: str
    label: str
    broader: tuple[str, ...] = ()  # local names
    triggers: tuple[Trigger, ...] = ()
    of_argument: str = "participant"  # role of X in "<trigger noun> of X"
    place_modifier: bool = False  # a Place as possessor or compound is where, not who ("Peru's earthquake")
    real_under: tuple[str, ...] = ()  # verbs whose "to <trigger>" complement is told as real ("agreed to buy")


def parse_trigger(text: str, pos: Pos, type_name: str = "") -> Trigger:
    """``"approve bill"`` → Trigger("approve", VERB, ("bill",)); function words are ignored.

    A required word may also be ``^word`` (the trigger's governor, directly or through a preposition:
    ``"strike ^on"`` = *on strike*), ``@Type`` (a dependent naming an entity of that type:
    ``"buy @Organization"``), ``!word`` (a word that must NOT be near the trigger: ``"rally !stock"``)
    or ``<word`` (the subject of a verb trigger: ``"meet <negotiator"``), or ``<@Type`` (a subject naming an
    entity of that type: ``"die <@Actor"``), or ``~a|b`` (a dependent of a dependent, one of those words:
    ``"cut rate ~interest|benchmark"``)."""
    words = [w for w in text.lower().split() if w not in ("of", "the", "a", "an")]
    if not words:
        raise KgError(f"{TAXONOMY_FILE}: empty trigger for {type_name or 'an event type'}")
    return Trigger(words[0], pos, tuple(words[1:]), type_name)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def parse_taxonomy(data: bytes, source: str = TAXONOMY_FILE) -> dict[str, EventType]:
    """Event types from Turtle text (also used by tests with a small hand-written taxonomy)."""
    import pyoxigraph as ox

    try:
        triples = list(ox.parse(data, format=ox.RdfFormat.TURTLE))
    except SyntaxError as exc:
        raise KgError(f"{source}: {exc}") from exc
    by_subject: dict[str, list[tuple[str, ox.NamedNode | ox.Literal | ox.BlankNode]]] = {}
    for t in triples:
        if isinstance(t.subject, ox.NamedNode):
            by_subject.setdefault(t.subject.value, []).append((t.predicate.value, t.object))
    types: dict[str, EventType] = {}
    for iri in sorted(by_subject):
        props = by_subject[iri]
        if not any(p == RDF_TYPE and o.value == KG_NS + "EventType" for p, o in props):
            continue
        name = _local(iri)
        labels = sorted(o.value for p, o in props if p == SKOS_NS + "prefLabel")
        triggers = sorted(parse_trigger(o.value, POS_OF_PROPERTY[p], name) for p, o in props if p in POS_OF_PROPERTY)
        of_arg = next((o.value for p, o in props if p == KGT_NS + "ofArgument"), "participant")
        if of_arg not in ("agent", "participant"):
            raise KgError(f'{source}: <{iri}> kgt:ofArgument must be "agent" or "participant", not {of_arg!r}')
        broader = tuple(sorted(_local(o.value) for p, o in props if p == SKOS_NS + "broader"))
        place_mod = next((o.value for p, o in props if p == KGT_NS + "placeModifier"), "false")
        if place_mod not in ("true", "false"):
            raise KgError(f"{source}: <{iri}> kgt:placeModifier must be true or false, not {place_mod!r}")
        real_under = tuple(sorted(o.value.lower() for p, o in props if p == KGT_NS + "realUnder"))
        types[name] = EventType(
            name, iri, labels[0] if labels else name, broader, tuple(triggers), of_arg, place_mod == "true", real_under
        )
    if not types:
        raise KgError(f"{source}: no kg:EventType found")
    return types


@lru_cache(maxsize=1)
def load_event_types() -> dict[str, EventType]:
    """The shipped taxonomy, local name → :class:`EventType` (read once per process)."""
    data = resources.files("kg").joinpath("ontology", TAXONOMY_FILE).read_bytes()
    return parse_taxonomy(data)


def event_type_iris() -> dict[str, str]:
    """Local name → concept IRI, as :func:`kg.mapping.resolution_lines` wants it."""
    return {name: t.iri for name, t in load_event_types().items()}


_LAST_INDEX: list[Any] = [None, None]  # (types, its index): every article of a build asks for the same one


def trigger_index(types: dict[str, EventType]) -> dict[tuple[str, Pos], tuple[Trigger, ...]]:
    """(lemma, part of speech) → the trigger patterns that start with it, most specific first."""
    if _LAST_INDEX[0] is types:
        return _LAST_INDEX[1]
    _LAST_INDEX[1] = _trigger_index(types)
    _LAST_INDEX[0] = types
    return _LAST_INDEX[1]


def _trigger_index(types: dict[str, EventType]) -> dict[tuple[str, Pos], tuple[Trigger, ...]]:
    index: dict[tuple[str, Pos], list[Trigger]] = {}
    for t in types.values():
        for trig in t.triggers:
            index.setdefault((trig.lemma, trig.pos), []).append(trig)
    return {k: tuple(sorted(v, key=lambda x: (-len(x.requires), x.type, x.requires))) for k, v in index.items()}
