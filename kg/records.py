"""Plain records that extraction produces and the RDF mapping consumes.

Every record is a frozen dataclass holding character offsets into the *original* article text
(Unicode code points, as Python indexes a ``str``). Nothing here imports spaCy or rdflib, so the
records can be cached as JSON, compared in tests and mapped to triples by :mod:`kg.mapping`.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from typing import Any, Literal

EntityType = Literal["Actor", "Organization", "Place"]
StatementKind = Literal["direct", "indirect", "mixed"]
RoleKind = Literal["memberOf", "leaderOf", "spokespersonOf", "partOf"]

ENTITY_TYPES: tuple[str, ...] = ("Actor", "Organization", "Place")
STATEMENT_KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")
ROLE_KINDS: tuple[str, ...] = ("memberOf", "leaderOf", "spokespersonOf", "partOf")


@dataclass(frozen=True, order=True, slots=True)
class Span:
    """A stretch of the original article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One source article, read from a file."""

    id: str
    path: str
    text: str  # the original text, exactly as read (after UTF-8 decoding)
    sha256: str
    published: str | None = None  # ISO 8601 date or date-time, as precise as the header gives
    headline: Span | None = None
    furniture: tuple[Span, ...] = ()  # page furniture blanked before parsing


@dataclass(frozen=True, slots=True)
class AliasEvidence:
    """Why a name belongs to an entity: the rule that said so and where in the text."""

    alias: str
    rule: str  # e.g. "parenthesis", "also-known-as", "short-form", "or-apposition", "initials"
    span: Span


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity as one article knows it: a cluster of mentions under an article-local key."""

    key: str  # article-local, e.g. "e3"
    type: EntityType
    name: str  # the fullest name the article gives
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    evidence: tuple[AliasEvidence, ...] = ()
    titles: tuple[str, ...] = ()  # role descriptions the article gives ("spokesman", "lawmaker")


@dataclass(frozen=True, slots=True)
class Statement:
    """Who said what: one attributed piece of speech in one article."""

    content: Span
    kind: StatementKind
    speaker_mention: Span | None  # the speaker as written ("he", "the spokesman", "Rubaie")
    speaker: str | None = None  # article-local entity key when resolved, else None
    cue: str | None = None  # lemma of the cue verb ("say", "tell", "stress")
    cue_span: Span | None = None
    about: tuple[str, ...] = ()  # article-local entity keys the content mentions
    medium: Span | None = None  # "al-Ahad news agency", "Twitter", "a televised speech"
    medium_entity: str | None = None
    date: str | None = None  # ISO date when the article gives one
    date_text: str | None = None
    # the words said, when the content span holds more: a quote split by its attribution ('"…," he said,
    # "…"'), its parts joined by " ... " as annotators join them; None when the span's text is the words
    words: str | None = None

    @property
    def said(self) -> str:
        """What was said: :attr:`words`, or else the content span's text."""
        return self.words if self.words is not None else self.content.text


@dataclass(frozen=True, slots=True)
class Relation:
    """A role or structural link between two entities, with the text that states it."""

    subject: str  # article-local entity key
    role: RoleKind
    object: str  # article-local entity key
    title: str  # the role title as written ("spokesman", "deputy head", "member")
    evidence: Span


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A time expression and what it resolves to (never a made-up date)."""

    text: str
    value: str | None  # "2020-01-03", "2020-01", "2003", or None when unresolved
    datatype: str | None  # "date", "gYearMonth", "gYear" or None
    end: str | None = None  # end of an interval ("between 2007 and 2011")
    end_datatype: str | None = None
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened, as one article tells it."""

    key: str  # article-local
    type: str  # local name of an event type in the taxonomy ("Attack", "Visit")
    trigger: Span
    label: str
    agents: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    place: str | None = None
    time: TimeValue | None = None


@dataclass(frozen=True, slots=True)
class ArticleRecords:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    relations: tuple[Relation, ...] = ()
    events: tuple[Event, ...] = ()
    statement_events: tuple[tuple[int, str], ...] = field(default=())  # (statement index, event key)

    def entity(self, key: str) -> Entity:
        for e in self.entities:
            if e.key == key:
                return e
        raise KeyError(key)

    # -- JSON round trip, used by the build cache -------------------------------------------
    def to_json(self) -> str:
        return json.dumps(_plain(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> ArticleRecords:
        return _records_from_dict(json.loads(text))


_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` for records, whose fields hold only records, tuples, lists, dicts and
    JSON scalars: the same JSON, without asdict's deep copy of every value (a tenth of the time a
    build spent on an article outside the model)."""
    kind = type(value)
    if kind in (str, int, float, bool) or value is None:
        return value
    if kind is tuple or kind is list:
        return [_plain(v) for v in value]
    if kind is dict:
        return {k: _plain(v) for k, v in value.items()}
    names = _FIELDS.get(kind)
    if names is None:
        if not dataclasses.is_dataclass(value):
            raise TypeError(f"cannot store a {kind.__name__} in records")
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value))
    return {name: _plain(getattr(value, name)) for name in names}


def _alias_evidence(items: list[dict[str, Any]]) -> tuple[AliasEvidence, ...]:
    """An entity's alias evidence, as records and summaries both store it."""
    return tuple(AliasEvidence(x["alias"], x["rule"], Span(**x["span"])) for x in items)


def _span(d: dict[str, Any] | None) -> Span | None:
    return None if d is None else Span(d["start"], d["end"], d["text"])


def _records_from_dict(d: dict[str, Any]) -> ArticleRecords:
    a = d["article"]
    article = Article(
        id=a["id"],
        path=a["path"],
        text=a["text"],
        sha256=a["sha256"],
        published=a["published"],
        headline=_span(a["headline"]),
        furniture=tuple(Span(**s) for s in a["furniture"]),
    )
    entities = tuple(
        Entity(
            key=e["key"],
            type=e["type"],
            name=e["name"],
            aliases=tuple(e["aliases"]),
            mentions=tuple(Span(**s) for s in e["mentions"]),
            evidence=_alias_evidence(e["evidence"]),
            titles=tuple(e["titles"]),
        )
        for e in d["entities"]
    )
    statements = tuple(
        Statement(
            content=Span(**s["content"]),
            kind=s["kind"],
            speaker_mention=_span(s["speaker_mention"]),
            speaker=s["speaker"],
            cue=s["cue"],
            cue_span=_span(s["cue_span"]),
            about=tuple(s["about"]),
            medium=_span(s["medium"]),
            medium_entity=s["medium_entity"],
            date=s["date"],
            date_text=s["date_text"],
            words=s.get("words"),
        )
        for s in d["statements"]
    )
    relations = tuple(
        Relation(r["subject"], r["role"], r["object"], r["title"], Span(**r["evidence"]))
        for r in d["relations"]
    )
    events = tuple(_event(v) for v in d["events"])
    return ArticleRecords(
        article=article,
        entities=entities,
        statements=statements,
        relations=relations,
        events=events,
        statement_events=tuple((int(i), str(k)) for i, k in d["statement_events"]),
    )


def _event(v: dict[str, Any]) -> Event:
    return Event(
        key=v["key"],
        type=v["type"],
        trigger=Span(**v["trigger"]),
        label=v["label"],
        agents=tuple(v["agents"]),
        participants=tuple(v["participants"]),
        place=v["place"],
        time=None if v["time"] is None else TimeValue(**{**v["time"], "span": _span(v["time"]["span"])}),
    )


# -- what cross-article resolution reads of an article ---------------------------------------------
@dataclass(frozen=True, slots=True)
class EntitySummary:
    """An article-local entity as resolution sees it: names and the evidence beyond names."""

    key: str
    type: EntityType
    name: str
    aliases: tuple[str, ...] = ()
    weight: int = 1  # mentions in the article (at least one)
    titles: tuple[str, ...] = ()
    evidence: tuple[AliasEvidence, ...] = ()
    links: tuple[tuple[str, str], ...] = ()  # (role, name of the other end); "~role" when this is the object
    said: tuple[str, ...] = ()  # content keys (kg.iris.content_key) of the statements it made


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What entity resolution and event merging read of one article: a few percent of its records.

    A build keeps these for the whole corpus in one file (:meth:`kg.store.GraphStore.summaries`), so that
    resolving after one changed article does not read every article's records again."""

    id: str
    published: str | None = None
    entities: tuple[EntitySummary, ...] = ()
    events: tuple[Event, ...] = ()

    @classmethod
    def of(cls, rec: ArticleRecords) -> ArticleSummary:
        from kg.iris import content_key

        names = {e.key: e.name for e in rec.entities}
        links: dict[str, set[tuple[str, str]]] = {}
        for r in rec.relations:
            if r.object in names:
                links.setdefault(r.subject, set()).add((r.role, names[r.object]))
            if r.subject in names:
                links.setdefault(r.object, set()).add(("~" + r.role, names[r.subject]))
        said: dict[str, set[str]] = {}
        for st in rec.statements:
            if st.speaker is not None:
                said.setdefault(st.speaker, set()).add(content_key(st.said))
        entities = tuple(
            EntitySummary(e.key, e.type, e.name, e.aliases, max(1, len(e.mentions)), e.titles, e.evidence,
                          tuple(sorted(links.get(e.key, ()))), tuple(sorted(said.get(e.key, ()))))
            for e in rec.entities
        )
        return cls(rec.article.id, rec.article.published, entities, rec.events)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    def to_json(self) -> str:
        """Compact JSON, keys sorted: the same summary is always the same text."""
        return json.dumps(_plain(self), ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> ArticleSummary:
        return cls.from_dict(json.loads(text))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ArticleSummary:
        entities = tuple(
            EntitySummary(
                key=e["key"],
                type=e["type"],
                name=e["name"],
                aliases=tuple(e["aliases"]),
                weight=e["weight"],
                titles=tuple(e["titles"]),
                evidence=_alias_evidence(e["evidence"]),
                links=tuple((r, n) for r, n in e["links"]),
                said=tuple(e["said"]),
            )
            for e in d["entities"]
        )
        return cls(d["id"], d["published"], entities, tuple(_event(v) for v in d["events"]))
