"""The SHACL shapes in kg/shapes/kg.ttl, one conforming and one violating fixture per constraint.

Every fixture is validated together with ``CONTEXT``, a small conforming world (an article, two
text spans, an actor, an organization, a place and an event) for the fixtures to point at. A
violating fixture must produce exactly the expected results: focus node, ``sh:resultPath``,
constraint component and the node shape they come from, nothing else. A coverage test checks that
the table exercises every property shape and every node-level constraint of the file.
"""

from __future__ import annotations

import importlib.resources
from typing import Any, NamedTuple

import pyoxigraph
import pyshacl
import pytest
from rdflib import BNode, Graph, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SH

from kg.extract.event_types import event_type_iris
from kg.iris import Iris
from kg.mapping import KIND_IRI, ROLE_IRI, article_lines, quads, resolution_lines
from kg.namespace import KG as KG_TERMS
from kg.namespace import PREFIXES
from kg.records import AliasEvidence, Article, ArticleRecords, Entity, Event, Relation, Span, Statement, TimeValue
from kg.resolve import resolve

EX = Namespace("https://example.org/")
KGSH = Namespace("https://w3id.org/kg/shapes#")
KG = Namespace(KG_TERMS.prefix)
ORG = Namespace(PREFIXES["org"])
NIF = Namespace(PREFIXES["nif"])

TURTLE_PREFIXES = "".join(f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items())
TURTLE_PREFIXES += f"@prefix : <{EX}> .\n"

SHA = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

CONTEXT = f"""
:art a kg:Article .
:art kg:articleId "a1" .
:art kg:sha256 "{SHA}" .
:span1 a kg:TextSpan .
:span1 nif:beginIndex "0"^^xsd:integer .
:span1 nif:endIndex "5"^^xsd:integer .
:span1 nif:anchorOf "Basra" .
:span1 kg:inArticle :art .
:span2 a kg:TextSpan .
:span2 nif:beginIndex 20 .
:span2 nif:endIndex 31 .
:span2 nif:anchorOf "Alice Smith" .
:span2 kg:inArticle :art .
:alice a kg:Actor .
:alice skos:prefLabel "Alice Smith" .
:alice rdfs:label "Alice Smith" .
:party a kg:Organization .
:party skos:prefLabel "Unity Party" .
:party rdfs:label "Unity Party" .
:basra a kg:Place .
:basra skos:prefLabel "Basra" .
:basra rdfs:label "Basra" .
:raid a kg:Event .
:raid kg:eventType :Attack .
:raid rdfs:label "raid on Basra" .
:raid kg:inArticle :art .
:raid kg:trigger :span1 .
"""

# One minimal conforming node per shape; the table below varies them.
ARTICLE = f"""
:art2 a kg:Article .
:art2 kg:articleId "a2" .
:art2 kg:sha256 "{SHA}" .
"""
STATEMENT = """
:st a kg:Statement .
:st kg:content "We will not withdraw." .
:st kg:contentSpan :span2 .
:st kg:contentDigest "0123456789abcdef" .
:st kg:kind kg:Direct .
:st kg:inArticle :art .
"""
SPAN = """
:span3 a kg:TextSpan .
:span3 nif:beginIndex "10"^^xsd:nonNegativeInteger .
:span3 nif:endIndex "14"^^xsd:nonNegativeInteger .
:span3 nif:anchorOf "Iraq" .
:span3 kg:inArticle :art .
"""
ACTOR = """
:bob a kg:Actor .
:bob skos:prefLabel "Bob Jones" .
:bob rdfs:label "Bob Jones" .
"""
ORGANIZATION = """
:wing a kg:Organization .
:wing skos:prefLabel "Youth Wing" .
:wing rdfs:label "Youth Wing" .
"""
PLACE = """
:mosul a kg:Place .
:mosul skos:prefLabel "Mosul" .
:mosul rdfs:label "Mosul" .
"""
MEMBERSHIP = """
:m a org:Membership .
:m org:member :alice .
:m org:organization :party .
:m org:role kg:SpokespersonRole .
:m kg:title "spokeswoman" .
:m kg:evidence :span2 .
"""
NAME_EVIDENCE = """
:ne a kg:NameEvidence .
:ne kg:alias "Smith" .
:ne kg:rule "short-form" .
:ne kg:inArticle :art .
:ne kg:evidence :span2 .
"""
EVENT = """
:ev a kg:Event .
:ev kg:eventType :Attack .
:ev rdfs:label "rocket attack on the embassy" .
:ev kg:inArticle :art .
:ev kg:trigger :span1 .
"""


def without(ttl: str, line: str) -> str:
    """The fixture without one of its lines (which must be there, so a typo cannot pass)."""
    assert line + "\n" in ttl, f"fixture has no line {line!r}"
    return ttl.replace(line + "\n", "")


def swap(ttl: str, old: str, new: str) -> str:
    assert old in ttl, f"fixture has no {old!r}"
    return ttl.replace(old, new)


class V(NamedTuple):
    """An expected validation result."""

    focus: str  # local name under EX
    path: str | None  # CURIE, None for a constraint on the focus node itself
    component: str  # local name of the sh:...ConstraintComponent


class Case(NamedTuple):
    shape: str  # local name of the node shape under KGSH
    valid: str
    invalid: str
    expected: tuple[V, ...]


def case(name: str, shape: str, valid: str, invalid: str, *expected: V) -> Any:
    return pytest.param(Case(shape, valid, invalid, expected), id=name)


CASES = [
    # -- kgsh:ArticleShape -------------------------------------------------------------------
    case(
        "article-id-missing",
        "ArticleShape",
        ARTICLE,
        without(ARTICLE, ':art2 kg:articleId "a2" .'),
        V("art2", "kg:articleId", "MinCount"),
    ),
    case(
        "article-sha256-not-hex",
        "ArticleShape",
        ARTICLE,
        swap(ARTICLE, SHA, SHA.upper()),
        V("art2", "kg:sha256", "Pattern"),
    ),
    case(
        "article-published-not-a-date",
        "ArticleShape",
        ARTICLE + ':art2 kg:published "2020-01-03"^^xsd:date .',
        ARTICLE + ':art2 kg:published "3 January 2020" .',
        V("art2", "kg:published", "Or"),
    ),
    case(
        "article-two-headlines",
        "ArticleShape",
        ARTICLE + ':art2 kg:headline "Rockets hit Basra" .',
        ARTICLE + ':art2 kg:headline "Rockets hit Basra" .\n:art2 kg:headline "Basra attacked" .',
        V("art2", "kg:headline", "MaxCount"),
    ),
    # -- kgsh:StatementShape -----------------------------------------------------------------
    case(
        "statement-content-missing",
        "StatementShape",
        STATEMENT,
        without(STATEMENT, ':st kg:content "We will not withdraw." .'),
        V("st", "kg:content", "MinCount"),
    ),
    case(
        "statement-content-empty",
        "StatementShape",
        STATEMENT,
        swap(STATEMENT, '"We will not withdraw."', '""'),
        V("st", "kg:content", "MinLength"),
    ),
    case(
        "statement-content-span-not-a-span",
        "StatementShape",
        STATEMENT,
        swap(STATEMENT, ":st kg:contentSpan :span2 .", ":st kg:contentSpan :art ."),
        V("st", "kg:contentSpan", "Class"),
    ),
    case(
        "statement-content-digest-missing",
        "StatementShape",
        STATEMENT,
        without(STATEMENT, ':st kg:contentDigest "0123456789abcdef" .'),
        V("st", "kg:contentDigest", "MinCount"),
    ),
    case(
        "statement-kind-not-in-list",
        "StatementShape",
        swap(STATEMENT, "kg:Direct", "kg:Mixed"),
        swap(STATEMENT, "kg:Direct", "kg:MemberRole"),
        V("st", "kg:kind", "In"),
    ),
    case(
        "statement-article-missing",
        "StatementShape",
        STATEMENT,
        without(STATEMENT, ":st kg:inArticle :art ."),
        V("st", "kg:inArticle", "MinCount"),
    ),
    case(
        "statement-speaker-is-an-event",
        "StatementShape",
        STATEMENT + ":st kg:speaker :basra .",
        STATEMENT + ":st kg:speaker :raid .",
        V("st", "kg:speaker", "Or"),
    ),
    case(
        "statement-two-speaker-texts",
        "StatementShape",
        STATEMENT + ':st kg:speakerText "she" .',
        STATEMENT + ':st kg:speakerText "she" .\n:st kg:speakerText "Smith" .',
        V("st", "kg:speakerText", "MaxCount"),
    ),
    case(
        "statement-speaker-mention-a-literal",
        "StatementShape",
        STATEMENT + ":st kg:speakerMention :span2 .",
        STATEMENT + ':st kg:speakerMention "she" .',
        V("st", "kg:speakerMention", "Class"),
    ),
    case(
        "statement-cue-language-tagged",
        "StatementShape",
        STATEMENT + ':st kg:cue "say" .',
        STATEMENT + ':st kg:cue "say"@en .',
        V("st", "kg:cue", "Datatype"),
    ),
    case(
        "statement-about-a-span",
        "StatementShape",
        STATEMENT + ":st kg:about :party , :basra , :raid .",
        STATEMENT + ":st kg:about :span1 .",
        V("st", "kg:about", "Or"),
    ),
    case(
        "statement-about-its-speaker",
        "StatementShape",
        STATEMENT + ":st kg:speaker :alice .\n:st kg:about :party .",
        STATEMENT + ":st kg:speaker :alice .\n:st kg:about :alice .",
        V("st", "kg:about", "Disjoint"),
    ),
    case(
        "statement-medium-not-a-string",
        "StatementShape",
        STATEMENT + ':st kg:medium "Twitter" .',
        STATEMENT + ":st kg:medium 42 .",
        V("st", "kg:medium", "Datatype"),
    ),
    case(
        "statement-medium-entity-a-place",
        "StatementShape",
        STATEMENT + ":st kg:mediumEntity :party .",
        STATEMENT + ":st kg:mediumEntity :basra .",
        V("st", "kg:mediumEntity", "Or"),
    ),
    case(
        "statement-date-plain-string",
        "StatementShape",
        STATEMENT + ':st kg:statementDate "2020-01"^^xsd:gYearMonth .',
        STATEMENT + ':st kg:statementDate "2020-01-03" .',
        V("st", "kg:statementDate", "Or"),
    ),
    case(
        "statement-two-date-texts",
        "StatementShape",
        STATEMENT + ':st kg:dateText "on Tuesday" .',
        STATEMENT + ':st kg:dateText "on Tuesday" .\n:st kg:dateText "last week" .',
        V("st", "kg:dateText", "MaxCount"),
    ),
    # -- kgsh:TextSpanShape ------------------------------------------------------------------
    case(
        "span-begin-not-before-end",
        "TextSpanShape",
        SPAN,
        swap(SPAN, '"10"^^xsd:nonNegativeInteger', '"14"^^xsd:nonNegativeInteger'),
        V("span3", "nif:beginIndex", "LessThan"),
    ),
    case(
        "span-begin-negative",
        "TextSpanShape",
        SPAN,
        swap(SPAN, '"10"^^xsd:nonNegativeInteger', "-1"),
        V("span3", "nif:beginIndex", "MinInclusive"),
    ),
    case(
        "span-end-a-string",
        "TextSpanShape",
        SPAN,
        swap(SPAN, '"14"^^xsd:nonNegativeInteger', '"14"'),
        V("span3", "nif:endIndex", "Or"),
        V("span3", "nif:endIndex", "MinInclusive"),  # a string is not comparable with 0 ...
        V("span3", "nif:beginIndex", "LessThan"),  # ... nor with the begin index
    ),
    case(
        "span-end-missing",
        "TextSpanShape",
        SPAN,
        without(SPAN, ':span3 nif:endIndex "14"^^xsd:nonNegativeInteger .'),
        V("span3", "nif:endIndex", "MinCount"),
    ),
    case(
        "span-anchor-missing",
        "TextSpanShape",
        SPAN,
        without(SPAN, ':span3 nif:anchorOf "Iraq" .'),
        V("span3", "nif:anchorOf", "MinCount"),
    ),
    case(
        "span-article-missing",
        "TextSpanShape",
        SPAN,
        without(SPAN, ":span3 kg:inArticle :art ."),
        V("span3", "kg:inArticle", "MinCount"),
    ),
    # -- kgsh:EntityShape --------------------------------------------------------------------
    case("entity-two-types", "EntityShape", ACTOR, ACTOR + ":bob a kg:Organization .", V("bob", None, "Xone")),
    case(
        "entity-two-pref-labels",
        "EntityShape",
        ACTOR,
        ACTOR + ':bob skos:prefLabel "Robert Jones" .',
        V("bob", "skos:prefLabel", "MaxCount"),
    ),
    case(
        "entity-label-missing",
        "EntityShape",
        ACTOR,
        without(ACTOR, ':bob rdfs:label "Bob Jones" .'),
        V("bob", "rdfs:label", "MinCount"),
    ),
    case(
        "entity-alt-label-empty",
        "EntityShape",
        ACTOR + ':bob skos:altLabel "Jones" .',
        ACTOR + ':bob skos:altLabel "" .',
        V("bob", "skos:altLabel", "MinLength"),
    ),
    case(
        "entity-name-evidence-not-evidence",
        "EntityShape",
        ACTOR + NAME_EVIDENCE + ":bob kg:nameEvidence :ne .",
        ACTOR + ":bob kg:nameEvidence :span1 .",
        V("bob", "kg:nameEvidence", "Class"),
    ),
    case(
        "entity-mentioned-in-a-span",
        "EntityShape",
        ACTOR + ":bob kg:mentionedIn :art .",
        ACTOR + ":bob kg:mentionedIn :span1 .",
        V("bob", "kg:mentionedIn", "Class"),
    ),
    case(
        "entity-mention-an-article",
        "EntityShape",
        ACTOR + ":bob kg:mention :span2 .",
        ACTOR + ":bob kg:mention :art .",
        V("bob", "kg:mention", "Class"),
    ),
    case(
        "entity-member-of-an-event",
        "EntityShape",
        ACTOR + ":bob kg:memberOf :basra .",
        ACTOR + ":bob kg:memberOf :raid .",
        V("bob", "kg:memberOf", "Or"),
    ),
    case(
        "entity-leader-of-a-person",
        "EntityShape",
        ACTOR + ":bob kg:leaderOf :party .",
        ACTOR + ":bob kg:leaderOf :alice .",
        V("bob", "kg:leaderOf", "Or"),
    ),
    case(
        "entity-spokesperson-of-an-event",
        "EntityShape",
        ACTOR + ":bob kg:spokespersonOf :party .",
        ACTOR + ":bob kg:spokespersonOf :raid .",
        V("bob", "kg:spokespersonOf", "Or"),
    ),
    case(
        "entity-part-of-a-place",
        "EntityShape",
        ORGANIZATION + ":wing kg:partOf :party .",
        ORGANIZATION + ":wing kg:partOf :basra .",
        V("wing", "kg:partOf", "Class"),
    ),
    # -- kgsh:RoleHolderShape, kgsh:PartShape ------------------------------------------------
    case(
        "role-holder-is-a-place",
        "RoleHolderShape",
        ORGANIZATION + ":wing kg:memberOf :party .",
        PLACE + ":mosul kg:memberOf :party .",
        V("mosul", None, "Or"),
    ),
    case(
        "part-is-a-person",
        "PartShape",
        ORGANIZATION + ":wing kg:partOf :party .",
        ACTOR + ":bob kg:partOf :party .",
        V("bob", None, "Class"),
    ),
    # -- kgsh:MembershipShape ----------------------------------------------------------------
    case(
        "membership-member-missing",
        "MembershipShape",
        MEMBERSHIP,
        without(MEMBERSHIP, ":m org:member :alice ."),
        V("m", "org:member", "MinCount"),
    ),
    case(
        "membership-member-a-place",
        "MembershipShape",
        MEMBERSHIP,
        swap(MEMBERSHIP, ":m org:member :alice .", ":m org:member :basra ."),
        V("m", "org:member", "Or"),
    ),
    case(
        "membership-member-is-the-organization",
        "MembershipShape",
        MEMBERSHIP,
        swap(MEMBERSHIP, ":m org:member :alice .", ":m org:member :party ."),
        V("m", "org:member", "Disjoint"),
    ),
    case(
        "membership-organization-an-event",
        "MembershipShape",
        swap(MEMBERSHIP, ":m org:organization :party .", ":m org:organization :basra ."),
        swap(MEMBERSHIP, ":m org:organization :party .", ":m org:organization :raid ."),
        V("m", "org:organization", "Or"),
    ),
    case(
        "membership-role-not-in-list",
        "MembershipShape",
        MEMBERSHIP,
        swap(MEMBERSHIP, "kg:SpokespersonRole", "kg:Direct"),
        V("m", "org:role", "In"),
    ),
    case(
        "membership-title-missing",
        "MembershipShape",
        MEMBERSHIP + ':m kg:title "spokesperson" .',
        without(MEMBERSHIP, ':m kg:title "spokeswoman" .'),
        V("m", "kg:title", "MinCount"),
    ),
    case(
        "membership-evidence-missing",
        "MembershipShape",
        MEMBERSHIP,
        without(MEMBERSHIP, ":m kg:evidence :span2 ."),
        V("m", "kg:evidence", "MinCount"),
    ),
    # -- kgsh:NameEvidenceShape --------------------------------------------------------------
    case(
        "name-evidence-alias-missing",
        "NameEvidenceShape",
        NAME_EVIDENCE,
        without(NAME_EVIDENCE, ':ne kg:alias "Smith" .'),
        V("ne", "kg:alias", "MinCount"),
    ),
    case(
        "name-evidence-rule-empty",
        "NameEvidenceShape",
        NAME_EVIDENCE,
        swap(NAME_EVIDENCE, '"short-form"', '""'),
        V("ne", "kg:rule", "MinLength"),
    ),
    case(
        "name-evidence-article-a-span",
        "NameEvidenceShape",
        NAME_EVIDENCE,
        swap(NAME_EVIDENCE, ":ne kg:inArticle :art .", ":ne kg:inArticle :span1 ."),
        V("ne", "kg:inArticle", "Class"),
    ),
    case(
        "name-evidence-two-spans",
        "NameEvidenceShape",
        without(NAME_EVIDENCE, ":ne kg:evidence :span2 ."),
        NAME_EVIDENCE + ":ne kg:evidence :span1 .",
        V("ne", "kg:evidence", "MaxCount"),
    ),
    # -- kgsh:EventShape ---------------------------------------------------------------------
    case(
        "event-type-missing",
        "EventShape",
        EVENT,
        without(EVENT, ":ev kg:eventType :Attack ."),
        V("ev", "kg:eventType", "MinCount"),
    ),
    case(
        "event-type-a-literal",
        "EventShape",
        EVENT,
        swap(EVENT, "kg:eventType :Attack", 'kg:eventType "Attack"'),
        V("ev", "kg:eventType", "NodeKind"),
    ),
    case(
        "event-two-labels",
        "EventShape",
        EVENT,
        EVENT + ':ev rdfs:label "embassy attack" .',
        V("ev", "rdfs:label", "MaxCount"),
    ),
    case(
        "event-agent-a-span",
        "EventShape",
        EVENT + ":ev kg:agent :alice , :basra .",
        EVENT + ":ev kg:agent :span1 .",
        V("ev", "kg:agent", "Or"),
    ),
    case(
        "event-participant-an-article",
        "EventShape",
        EVENT + ":ev kg:participant :party .",
        EVENT + ":ev kg:participant :art .",
        V("ev", "kg:participant", "Or"),
    ),
    case(
        "event-participant-also-agent",
        "EventShape",
        EVENT + ":ev kg:agent :alice .\n:ev kg:participant :party .",
        EVENT + ":ev kg:agent :alice .\n:ev kg:participant :alice .",
        V("ev", "kg:participant", "Disjoint"),
    ),
    case(
        "event-place-a-person",
        "EventShape",
        EVENT + ":ev kg:place :party .",
        EVENT + ":ev kg:place :alice .",
        V("ev", "kg:place", "Or"),
    ),
    case(
        "event-date-a-date-time",
        "EventShape",
        EVENT + ':ev kg:date "2020-01-03"^^xsd:date .\n:ev kg:dateResolved true .',
        EVENT + ':ev kg:date "2020-01-03T10:00:00"^^xsd:dateTime .\n:ev kg:dateResolved true .',
        V("ev", "kg:date", "Or"),
    ),
    case(
        "event-date-ill-formed",
        "EventShape",
        EVENT + ':ev kg:date "2003"^^xsd:gYear .\n:ev kg:dateResolved true .',
        EVENT + ':ev kg:date "2003"^^xsd:date .\n:ev kg:dateResolved true .',
        V("ev", "kg:date", "Or"),
    ),
    case(
        "event-start-plain-string",
        "EventShape",
        EVENT + ':ev kg:startDate "2007"^^xsd:gYear .\n:ev kg:endDate "2011-05"^^xsd:gYearMonth .\n'
        ":ev kg:dateResolved true .",
        EVENT + ':ev kg:startDate "2007" .\n:ev kg:endDate "2011"^^xsd:gYear .\n:ev kg:dateResolved true .',
        V("ev", "kg:startDate", "Or"),
    ),
    case(
        "event-two-end-dates",
        "EventShape",
        EVENT + ':ev kg:startDate "2007"^^xsd:gYear .\n:ev kg:endDate "2011"^^xsd:gYear .\n:ev kg:dateResolved true .',
        EVENT + ':ev kg:startDate "2007"^^xsd:gYear .\n:ev kg:endDate "2011"^^xsd:gYear , "2012"^^xsd:gYear .\n'
        ":ev kg:dateResolved true .",
        V("ev", "kg:endDate", "MaxCount"),
    ),
    case(
        "event-date-resolved-not-boolean",
        "EventShape",
        EVENT + ':ev kg:dateText "on Tuesday" .\n:ev kg:dateResolved false .',
        EVENT + ':ev kg:dateText "on Tuesday" .\n:ev kg:dateResolved "no" .',
        V("ev", "kg:dateResolved", "Datatype"),
    ),
    case(
        "event-date-text-not-a-string",
        "EventShape",
        EVENT + ':ev kg:dateText "on Tuesday" , "last week" .',
        EVENT + ":ev kg:dateText 2020 .",
        V("ev", "kg:dateText", "Datatype"),
    ),
    case(
        "event-article-missing",
        "EventShape",
        EVENT,
        without(EVENT, ":ev kg:inArticle :art ."),
        V("ev", "kg:inArticle", "MinCount"),
    ),
    case(
        "event-trigger-an-article",
        "EventShape",
        EVENT + ":ev kg:trigger :span2 .",
        swap(EVENT, ":ev kg:trigger :span1 .", ":ev kg:trigger :art ."),
        V("ev", "kg:trigger", "Class"),
    ),
    # -- kgsh:EventDateShape, kgsh:EventIntervalShape ----------------------------------------
    case(
        "event-date-and-interval",
        "EventDateShape",
        EVENT + ':ev kg:date "2020-01"^^xsd:gYearMonth .\n:ev kg:dateResolved true .',
        EVENT + ':ev kg:date "2020-01"^^xsd:gYearMonth .\n:ev kg:dateResolved true .\n'
        ':ev kg:startDate "2020-01-01"^^xsd:date .\n:ev kg:endDate "2020-01-31"^^xsd:date .',
        V("ev", "kg:startDate", "MaxCount"),
        V("ev", "kg:endDate", "MaxCount"),
    ),
    case(
        "event-date-not-resolved",
        "EventDateShape",
        EVENT + ':ev kg:date "2020"^^xsd:gYear .\n:ev kg:dateResolved true .',
        EVENT + ':ev kg:date "2020"^^xsd:gYear .\n:ev kg:dateResolved false .',
        V("ev", "kg:dateResolved", "HasValue"),
    ),
    case(
        "event-start-without-end",
        "EventIntervalShape",
        EVENT + ':ev kg:startDate "2007"^^xsd:gYear .\n:ev kg:endDate "2011"^^xsd:gYear .\n:ev kg:dateResolved true .',
        EVENT + ':ev kg:startDate "2007"^^xsd:gYear .\n:ev kg:dateResolved true .',
        V("ev", "kg:endDate", "MinCount"),
    ),
    case(
        "event-end-without-start",
        "EventIntervalShape",
        EVENT + ':ev kg:startDate "2007"^^xsd:gYear .\n:ev kg:endDate "2011"^^xsd:gYear .\n:ev kg:dateResolved true .',
        EVENT + ':ev kg:endDate "2011"^^xsd:gYear .\n:ev kg:dateResolved true .',
        V("ev", "kg:startDate", "MinCount"),
    ),
    case(
        "event-interval-not-resolved",
        "EventIntervalShape",
        EVENT + ':ev kg:startDate "2007"^^xsd:gYear .\n:ev kg:endDate "2011"^^xsd:gYear .\n:ev kg:dateResolved true .',
        EVENT + ':ev kg:startDate "2007"^^xsd:gYear .\n:ev kg:endDate "2011"^^xsd:gYear .',
        V("ev", "kg:dateResolved", "HasValue"),
    ),
]


# -- helpers ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shapes() -> Graph:
    source = importlib.resources.files("kg") / "shapes" / "kg.ttl"
    return Graph().parse(data=source.read_text(encoding="utf-8"), format="turtle")


def data(fixture: str) -> Graph:
    return Graph().parse(data=TURTLE_PREFIXES + CONTEXT + fixture, format="turtle")


def curie(value: str) -> URIRef:
    prefix, local = value.split(":", 1)
    return URIRef(PREFIXES[prefix] + local)


def validate(graph: Graph, shapes: Graph) -> tuple[bool, Graph, str]:
    conforms, report, text = pyshacl.validate(graph, shacl_graph=shapes, inference="none")
    return conforms, report, text


def node_shape_of(shapes: Graph, source_shape: URIRef | BNode) -> URIRef | BNode:
    """The node shape a result comes from: the source shape itself, or the one owning it."""
    owner = shapes.value(predicate=SH.property, object=source_shape)
    return owner if owner is not None else source_shape


def results(report: Graph, shapes: Graph) -> set[tuple[object, ...]]:
    found = set()
    for r in report.subjects(RDF.type, SH.ValidationResult):
        assert report.value(r, SH.resultSeverity) == SH.Violation
        assert report.value(r, SH.resultMessage) is not None, "every shape gives a readable message"
        found.add(
            (
                report.value(r, SH.focusNode),
                report.value(r, SH.resultPath),
                report.value(r, SH.sourceConstraintComponent),
                node_shape_of(shapes, report.value(r, SH.sourceShape)),
            )
        )
    return found


# -- the table --------------------------------------------------------------------------------


def test_context_conforms(shapes: Graph) -> None:
    conforms, _, text = validate(data(""), shapes)
    assert conforms, text


@pytest.mark.parametrize("case", CASES)
def test_valid_fixture_conforms(case: Case, shapes: Graph) -> None:
    conforms, _, text = validate(data(case.valid), shapes)
    assert conforms, text


@pytest.mark.parametrize("case", CASES)
def test_invalid_fixture_violates(case: Case, shapes: Graph) -> None:
    conforms, report, text = validate(data(case.invalid), shapes)
    assert not conforms
    expected = {
        (EX[v.focus], curie(v.path) if v.path else None, SH[v.component + "ConstraintComponent"], KGSH[case.shape])
        for v in case.expected
    }
    assert results(report, shapes) == expected, text


def test_every_constraint_is_exercised(shapes: Graph) -> None:
    """Each property shape, and each node shape's own constraints, has a violating fixture."""
    covered = {
        (KGSH[c.values[0].shape], curie(v.path) if v.path else None) for c in CASES for v in c.values[0].expected
    }
    node_level = {SH["or"], SH.xone, SH["class"], SH["and"], SH["not"], SH.node}
    wanted = set()
    for ns in shapes.subjects(RDF.type, SH.NodeShape):
        for ps in shapes.objects(ns, SH.property):
            wanted.add((ns, shapes.value(ps, SH.path)))
        if any((ns, p, None) in shapes for p in node_level):
            wanted.add((ns, None))
    assert wanted - covered == set()
    assert covered - wanted == set()


# -- the shapes file itself -------------------------------------------------------------------


def test_shapes_are_documented(shapes: Graph) -> None:
    for ns in shapes.subjects(RDF.type, SH.NodeShape):
        assert shapes.value(ns, RDFS.label) is not None, ns
        assert shapes.value(ns, RDFS.comment) is not None, ns
        for ps in shapes.objects(ns, SH.property):
            assert shapes.value(ps, SH.name) is not None, (ns, shapes.value(ps, SH.path))
            assert shapes.value(ps, SH.message) is not None, (ns, shapes.value(ps, SH.path))


def test_shapes_target_kg_classes_directly(shapes: Graph) -> None:
    """No shape relies on rdfs:subClassOf reasoning: targets are the classes the mapping writes."""
    targets = set(shapes.objects(None, SH.targetClass))
    assert targets == {
        KG.Article,
        KG.Statement,
        KG.TextSpan,
        KG.Actor,
        KG.Organization,
        KG.Place,
        ORG.Membership,
        KG.NameEvidence,
        KG.Event,
    }


def test_closed_lists_match_the_mapping(shapes: Graph) -> None:
    def closed_list(path: URIRef) -> set[str]:
        (ps,) = [ps for ps in shapes.subjects(SH.path, path) if (ps, SH["in"], None) in shapes]
        return {str(x) for x in shapes.collection(shapes.value(ps, SH["in"]))}

    assert closed_list(KG.kind) == set(KIND_IRI.values())
    assert closed_list(ORG.role) == set(ROLE_IRI.values())


# -- the mapping's output --------------------------------------------------------------------

MAPPED_TEXT = (
    'Alice Smith (AS), spokeswoman of the Unity Party, said on Tuesday: "We will not withdraw from '
    'Basra." Rockets hit Basra in 2019. Officials said the party ruled the city between 2007 and 2011.'
)


def _span(words: str, start: int = 0) -> Span:
    i = MAPPED_TEXT.index(words, start)
    return Span(i, i + len(words), words)


def mapped_graph() -> Graph:
    """The union of every graph kg.mapping writes for one small article, read back from a store."""
    article = Article(id="a1", path="a1.txt", text=MAPPED_TEXT, sha256=SHA, published="2020-01-07")
    rec = ArticleRecords(
        article=article,
        entities=(
            Entity(
                "e1",
                "Actor",
                "Alice Smith",
                aliases=("AS",),
                mentions=(_span("Alice Smith"),),
                evidence=(AliasEvidence("AS", "parenthesis", _span("AS")),),
            ),
            Entity("e2", "Organization", "Unity Party", mentions=(_span("Unity Party"),)),
            Entity("e3", "Place", "Basra", mentions=(_span("Basra"), _span("Basra", 100))),
        ),
        statements=(
            Statement(
                content=_span("We will not withdraw from Basra."),
                kind="direct",
                speaker_mention=_span("Alice Smith"),
                speaker="e1",
                cue="say",
                about=("e3",),
                date_text="on Tuesday",
            ),
            Statement(
                content=_span("the party ruled the city between 2007 and 2011"),
                kind="indirect",
                speaker_mention=_span("Officials"),
                cue="say",
                about=("e2",),
                date="2020-01-07",
            ),
        ),
        relations=(Relation("e1", "spokespersonOf", "e2", "spokeswoman", _span("spokeswoman of the Unity Party")),),
        events=(
            Event(
                "v1",
                "Attack",
                _span("hit"),
                "rockets hit Basra",
                place="e3",
                time=TimeValue("in 2019", "2019", "gYear", span=_span("in 2019")),
            ),
            Event(
                "v2",
                "Election",
                _span("ruled"),
                "party ruled Basra",
                agents=("e2",),
                place="e3",
                time=TimeValue(
                    "between 2007 and 2011", "2007", "gYear", "2011", "gYear", span=_span("between 2007 and 2011")
                ),
            ),
        ),
        statement_events=((0, "v1"),),
    )
    iris = Iris()
    res = resolve([rec])
    store = pyoxigraph.Store()  # through the store, which normalizes some datatypes, as `kg validate` sees it
    store.extend(quads(article_lines(rec, res, iris) + resolution_lines(res, iris, event_type_iris())))
    nt = pyoxigraph.serialize([q.triple for q in store], format=pyoxigraph.RdfFormat.N_TRIPLES)
    return Graph().parse(data=nt, format="nt")


def test_mapping_output_conforms(shapes: Graph) -> None:
    graph = mapped_graph()
    for p in (KG.speaker, KG.about, KG.startDate, KG.date, KG.statementDate, KG.nameEvidence, ORG.role):
        assert (None, p, None) in graph, f"the mapped article should exercise {p}"
    conforms, _, text = validate(graph, shapes)
    assert conforms, text
