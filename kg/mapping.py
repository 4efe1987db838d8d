"""Records become RDF quads here, and nowhere else.

Each article's own facts go to its named graph (:meth:`Iris.graph`), so that rebuilding an
article replaces exactly its quads. Facts that come from several articles at once (an entity's
type, names and merge evidence; an event's merged time and arguments) go to the resolution graph.
Quads are returned as sorted N-Quads lines, so that the store and every export are deterministic;
:func:`quads` makes pyoxigraph quads of them for callers that want objects.
Bump :data:`kg.mapping_version.MAPPING_VERSION` whenever this module's output changes.
"""

from __future__ import annotations

import re
from typing import Any

from kg.iris import Iris, content_key
from kg.namespace import KG, NIF, ORG, RDF, RDFS, SKOS, XSD
from kg.records import ArticleRecords, Span, TimeValue
from kg.resolve import GlobalEntity, MergeEvidence, Resolution

KIND_IRI = {"direct": KG.Direct, "indirect": KG.Indirect, "mixed": KG.Mixed}
ROLE_IRI = {
    "memberOf": KG.MemberRole,
    "leaderOf": KG.LeaderRole,
    "spokespersonOf": KG.SpokespersonRole,
    "partOf": KG.PartRole,
}
ROLE_SHORTCUT = {"memberOf": KG.memberOf, "leaderOf": KG.leaderOf,
                 "spokespersonOf": KG.spokespersonOf, "partOf": KG.partOf}
TYPE_IRI = {"Actor": KG.Actor, "Organization": KG.Organization, "Place": KG.Place}


# N-Triples escapes, as Oxigraph writes them (``str()`` of a pyoxigraph term; a test checks every
# code point against it): \b \t \n \f \r by name; the other C0 controls, DEL and the
# noncharacters U+FFFE and U+FFFF as \uXXXX.
_ESCAPES = {c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F, 0xFFFE, 0xFFFF]}
_ESCAPES.update({0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r",
                 ord('"'): '\\"', ord("\\"): "\\\\"})


def literal(value: str, datatype: str | None = None) -> str:
    """A literal in N-Triples, exactly as ``str(pyoxigraph.Literal(value, datatype=...))``."""
    text = f'"{value.translate(_ESCAPES)}"'
    return text if datatype is None or datatype == XSD.string else f"{text}^^<{datatype}>"


class _Sink:
    """Collects the quads of one graph as N-Quads lines (without the final `` .``), the form the
    store loads, the copies keep and the digests hash. Making no pyoxigraph objects is what makes
    mapping cheap: a term object and a quad object cost more than the whole line."""

    def __init__(self, graph: str) -> None:
        self.graph = f"<{graph}>"
        self.lines: set[str] = set()

    def iri(self, s: str, p: str, o: str) -> None:
        self.lines.add(f"<{s}> <{p}> <{o}> {self.graph}")

    def lit(self, s: str, p: str, value: object, datatype: str | None = None) -> None:
        if isinstance(value, bool):
            obj = literal("true" if value else "false", XSD.boolean)
        elif datatype:
            obj = literal(str(value), datatype)
        elif isinstance(value, int):
            obj = literal(str(value), XSD.integer)
        else:
            obj = literal(str(value))
        self.lines.add(f"<{s}> <{p}> {obj} {self.graph}")

    def sorted(self) -> list[str]:
        return sorted(self.lines)


def _time_literal(value: str, datatype: str | None) -> tuple[str, str]:
    """An event time at the precision the text gives; the datatype follows the value when unnamed."""
    dt = {"date": XSD.date, "gYearMonth": XSD.gYearMonth, "gYear": XSD.gYear}.get(datatype or "")
    return value, dt or date_datatype(value)


def date_datatype(value: str) -> str:
    """xsd datatype for an ISO value at the precision it has."""
    if "T" in value:
        return XSD.dateTime
    return {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)


def xsd_value(value: str) -> str:
    """The lexical form xsd requires: a date-time needs its seconds (``2021-12-12T21:22:00``)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", value):
        return value + ":00"
    return value


def _span(out: _Sink, iris: Iris, aid: str, span: Span) -> str:
    iri = iris.span(aid, span.start, span.end)
    out.iri(iri, RDF.type, KG.TextSpan)
    out.lit(iri, NIF.beginIndex, span.start, XSD.integer)  # Oxigraph stores xsd:nonNegativeInteger as xsd:integer
    out.lit(iri, NIF.endIndex, span.end, XSD.integer)
    out.lit(iri, NIF.anchorOf, span.text)
    out.iri(iri, KG.inArticle, iris.article(aid))
    return iri


def statement_keys(rec: ArticleRecords) -> list[str]:
    """Per-article statement keys: the content key, with a suffix when an article repeats a quote."""
    seen: dict[str, int] = {}
    keys = []
    for st in rec.statements:
        k = content_key(st.said)
        seen[k] = seen.get(k, 0) + 1
        keys.append(k if seen[k] == 1 else f"{k}-{seen[k]}")
    return keys


def article_lines(rec: ArticleRecords, res: Resolution, iris: Iris) -> list[str]:
    """The article's graph: N-Quads lines (see :class:`_Sink`), sorted."""
    art = rec.article
    aid = art.id
    out = _Sink(iris.graph(aid))
    a = iris.article(aid)
    out.iri(a, RDF.type, KG.Article)
    out.lit(a, KG.articleId, aid)
    out.lit(a, KG.sha256, art.sha256)
    if art.published:
        out.lit(a, KG.published, xsd_value(art.published), date_datatype(art.published))
    if art.headline:
        out.lit(a, KG.headline, art.headline.text)

    def ent(key: str | None) -> str | None:
        if key is None:
            return None
        slug = res.entity_of.get((aid, key))
        return iris.entity(slug) if slug else None

    for e in rec.entities:
        e_iri = ent(e.key)
        if not e_iri:
            continue
        out.iri(e_iri, KG.mentionedIn, a)
        for m in e.mentions:
            out.iri(e_iri, KG.mention, _span(out, iris, aid, m))

    event_iri = {ev.key: iris.event(res.event_of[(aid, ev.key)]) for ev in rec.events
                 if (aid, ev.key) in res.event_of}
    about_events: dict[int, list[str]] = {}
    for idx, ekey in rec.statement_events:
        if ekey in event_iri:
            about_events.setdefault(idx, []).append(event_iri[ekey])

    for idx, (st, key) in enumerate(zip(rec.statements, statement_keys(rec), strict=True)):
        s = iris.statement(aid, key)
        out.iri(s, RDF.type, KG.Statement)
        out.iri(s, KG.inArticle, a)
        out.lit(s, KG.content, st.said)
        out.iri(s, KG.contentSpan, _span(out, iris, aid, st.content))
        out.lit(s, KG.contentDigest, content_key(st.said))
        out.iri(s, KG.kind, KIND_IRI[st.kind])
        if st.speaker_mention:
            out.lit(s, KG.speakerText, st.speaker_mention.text)
            out.iri(s, KG.speakerMention, _span(out, iris, aid, st.speaker_mention))
        speaker = ent(st.speaker)
        if speaker:
            out.iri(s, KG.speaker, speaker)
        if st.cue:
            out.lit(s, KG.cue, st.cue)
        for k in st.about:
            about = ent(k)
            if about and about != speaker:
                out.iri(s, KG.about, about)
        for ev in about_events.get(idx, ()):
            out.iri(s, KG.about, ev)
        if st.medium:
            out.lit(s, KG.medium, st.medium.text)
        medium = ent(st.medium_entity)
        if medium:
            out.iri(s, KG.mediumEntity, medium)
        if st.date:
            out.lit(s, KG.statementDate, xsd_value(st.date), date_datatype(st.date))
        if st.date_text:
            out.lit(s, KG.dateText, st.date_text)

    for r in rec.relations:
        member, org = ent(r.subject), ent(r.object)
        if not member or not org or member == org:
            continue
        ms = iris.membership(member, r.role, org)
        out.iri(ms, RDF.type, ORG.Membership)
        out.iri(ms, ORG.member, member)
        out.iri(ms, ORG.organization, org)
        out.iri(ms, ORG.role, ROLE_IRI[r.role])
        out.lit(ms, KG.title, r.title)
        out.iri(ms, KG.evidence, _span(out, iris, aid, r.evidence))
        out.iri(member, ROLE_SHORTCUT[r.role], org)

    for event in rec.events:
        e_iri = event_iri.get(event.key)
        if not e_iri:
            continue
        out.iri(e_iri, KG.inArticle, a)
        out.iri(e_iri, KG.trigger, _span(out, iris, aid, event.trigger))
    return out.sorted()


def resolution_lines(res: Resolution, iris: Iris, event_types: dict[str, str] | None = None) -> list[str]:
    """Entities and events as merged across articles: N-Quads lines (see :class:`_Sink`), sorted.

    ``event_types`` maps an event type's local name to its concept IRI (from the taxonomy).
    """
    out = _Sink(iris.resolution_graph)
    for slug in sorted(res.entities):
        e = res.entities[slug]
        _entity_names(out, iris, e)
        _name_evidence(out, iris, e.slug, e.evidence)
    types = event_types or {}
    for slug in sorted(res.events):
        v = res.events[slug]
        s = iris.event(slug)
        out.iri(s, RDF.type, KG.Event)
        if v.type not in types:
            from kg.errors import KgError

            raise KgError(f"event type {v.type!r} of {s} is not in the event taxonomy (ontology/event-types.ttl)")
        out.iri(s, KG.eventType, types[v.type])
        out.lit(s, RDFS.label, v.label)
        for a in v.agents:
            out.iri(s, KG.agent, iris.entity(a))
        for p in v.participants:
            out.iri(s, KG.participant, iris.entity(p))
        if v.place:
            out.iri(s, KG.place, iris.entity(v.place))
        _event_time(out, s, v.time)
    return out.sorted()


def entity_lines(e: GlobalEntity, iris: Iris, evidence: list[MergeEvidence] | None = None) -> list[str]:
    """Part of :func:`resolution_lines` for one entity: its type and names, or (``evidence``) the nodes of
    some of its name evidence. A build writes a large entity (a country in every article) in such
    parts, so that one article's change re-maps that article's evidence, not thousands of lines."""
    out = _Sink(iris.resolution_graph)
    if evidence is None:
        _entity_names(out, iris, e)
    else:
        _name_evidence(out, iris, e.slug, evidence)
    return out.sorted()


def _entity_names(out: _Sink, iris: Iris, e: GlobalEntity) -> None:
    s = iris.entity(e.slug)
    out.iri(s, RDF.type, TYPE_IRI[e.type])
    out.lit(s, SKOS.prefLabel, e.name)
    out.lit(s, RDFS.label, e.name)
    for alias in e.aliases:
        out.lit(s, SKOS.altLabel, alias)


def _name_evidence(out: _Sink, iris: Iris, slug: str, evidence: list[MergeEvidence]) -> None:
    s = iris.entity(slug)
    for ev in evidence:
        span_iri = iris.span(ev.article, ev.span.start, ev.span.end) if ev.span else ""
        n = iris.evidence(s, ev.name, ev.rule, ev.article, span_iri)
        out.iri(s, KG.nameEvidence, n)
        out.iri(n, RDF.type, KG.NameEvidence)
        out.lit(n, KG.alias, ev.name)
        out.lit(n, KG.rule, ev.rule)
        out.iri(n, KG.inArticle, iris.article(ev.article))
        if ev.span:
            out.iri(n, KG.evidence, _span(out, iris, ev.article, ev.span))


def _event_time(out: _Sink, s: str, t: TimeValue | None) -> None:
    if t is None:
        return
    out.lit(s, KG.dateText, t.text)
    out.lit(s, KG.dateResolved, bool(t.value))
    if not t.value:
        return
    if t.end:
        out.lit(s, KG.startDate, *_time_literal(t.value, t.datatype))
        out.lit(s, KG.endDate, *_time_literal(t.end, t.end_datatype))
    else:
        out.lit(s, KG.date, *_time_literal(t.value, t.datatype))


def quads(lines: list[str]) -> list[Any]:
    """pyoxigraph quads of N-Quads ``lines`` as the functions above return them."""
    from pyoxigraph import RdfFormat, parse

    return list(parse("".join(f"{line} .\n" for line in lines).encode("utf-8"), format=RdfFormat.N_QUADS))
