"""The ontology in kg/ontology/kg.ttl declares every kg term, documents it and aligns it."""

from __future__ import annotations

import importlib.resources

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.mapping import KIND_IRI, ROLE_IRI, TYPE_IRI
from kg.namespace import KG as KG_TERMS
from kg.namespace import ONTOLOGY_IRI, PREFIXES

ONTOLOGY = importlib.resources.files("kg") / "ontology" / "kg.ttl"
SHAPES = importlib.resources.files("kg") / "shapes" / "kg.ttl"

KG = Namespace(KG_TERMS.prefix)
SKOS = Namespace(PREFIXES["skos"])
SCHEMA = Namespace(PREFIXES["schema"])
FOAF = Namespace(PREFIXES["foaf"])
PROV = Namespace(PREFIXES["prov"])
ORG = Namespace(PREFIXES["org"])
SEM = Namespace(PREFIXES["sem"])
NIF = Namespace(PREFIXES["nif"])
XSD_PREFIX = PREFIXES["xsd"]
DCTERMS = Namespace("http://purl.org/dc/terms/")

DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}
PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(data=ONTOLOGY.read_text(encoding="utf-8"), format="turtle")


def kg_iris(graph: Graph) -> set[URIRef]:
    """Every IRI in the kg namespace that a graph mentions, in any position."""
    return {t for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(KG_TERMS.prefix)}


def kg_properties(onto: Graph) -> list[URIRef]:
    return sorted(t for kind in PROPERTY_TYPES for t in onto.subjects(RDF.type, kind) if t in KG_TERMS)


def test_ontology_header(onto: Graph) -> None:
    o = URIRef(ONTOLOGY_IRI)
    assert (o, RDF.type, OWL.Ontology) in onto
    version_iri = onto.value(o, OWL.versionIRI)
    assert isinstance(version_iri, URIRef)
    assert str(version_iri) == f"{ONTOLOGY_IRI}/{onto.value(o, OWL.versionInfo)}"
    for p in (RDFS.label, RDFS.comment, DCTERMS.license):
        assert onto.value(o, p) is not None, p


@pytest.mark.parametrize("term", KG_TERMS.terms())
def test_every_term_is_declared_and_documented(onto: Graph, term: str) -> None:
    t = URIRef(term)
    assert set(onto.objects(t, RDF.type)) & DECLARATIONS, f"{term} has no OWL declaration"
    assert onto.value(t, RDFS.label) is not None, f"{term} has no rdfs:label"
    assert onto.value(t, RDFS.comment) is not None, f"{term} has no rdfs:comment"


def test_ontology_declares_nothing_outside_the_namespace_object(onto: Graph) -> None:
    assert {str(t) for t in kg_iris(onto)} <= set(KG_TERMS.terms())


def test_every_property_has_domain_and_range(onto: Graph) -> None:
    props = kg_properties(onto)
    assert len(props) > 30
    for p in props:
        assert onto.value(p, RDFS.domain) is not None, f"{p} has no rdfs:domain"
        assert onto.value(p, RDFS.range) is not None, f"{p} has no rdfs:range"


def test_ranges_fit_the_kind_of_property(onto: Graph) -> None:
    """Datatype properties range over datatypes, object properties over classes."""

    def is_datatype(node: URIRef | BNode) -> bool:
        return str(node).startswith(XSD_PREFIX) or (node, RDF.type, RDFS.Datatype) in onto

    for p in kg_properties(onto):
        rng = onto.value(p, RDFS.range)
        assert is_datatype(rng) == ((p, RDF.type, OWL.DatatypeProperty) in onto), p


def test_super_properties_are_of_the_same_kind(onto: Graph) -> None:
    """OWL 2 DL: an object property is a sub-property of object properties only (and so on)."""
    for p in kg_properties(onto):
        kind = next(k for k in PROPERTY_TYPES if (p, RDF.type, k) in onto)
        for sup in onto.objects(p, RDFS.subPropertyOf):
            assert (sup, RDF.type, kind) in onto, f"{p} ⊑ {sup}: {sup} is not declared a {kind}"


def test_every_class_is_declared(onto: Graph) -> None:
    """Classes a kg class or property mentions are declared (public ones without a definition)."""
    used = set(onto.objects(None, RDFS.subClassOf)) | set(onto.objects(None, RDFS.domain))
    used |= {r for p in onto.subjects(RDF.type, OWL.ObjectProperty) for r in onto.objects(p, RDFS.range)}
    for c in used:
        if isinstance(c, URIRef):
            assert (c, RDF.type, OWL.Class) in onto, c


@pytest.mark.parametrize(
    ("individuals", "cls"),
    [(KIND_IRI, KG.StatementKind), (ROLE_IRI, KG.Role)],
    ids=["statement-kinds", "roles"],
)
def test_individuals_match_the_mapping(onto: Graph, individuals: dict[str, str], cls: URIRef) -> None:
    """Each value the mapping writes is an individual of its class, with the record's code as prefLabel."""
    assert set(map(str, onto.subjects(RDF.type, cls))) == set(individuals.values())
    extra = SKOS.Concept if cls == KG.StatementKind else ORG.Role
    for code, iri in individuals.items():
        i = URIRef(iri)
        assert (i, RDF.type, OWL.NamedIndividual) in onto
        assert (i, RDF.type, extra) in onto
        assert str(onto.value(i, SKOS.prefLabel)) == code


def test_entity_classes_match_the_mapping(onto: Graph) -> None:
    for iri in TYPE_IRI.values():
        assert (URIRef(iri), RDF.type, OWL.Class) in onto


ALIGNMENTS = [
    (KG.Actor, RDFS.subClassOf, [SCHEMA.Person, FOAF.Person, PROV.Agent]),
    (KG.Organization, RDFS.subClassOf, [ORG.Organization, SCHEMA.Organization, FOAF.Organization, PROV.Agent]),
    (KG.Place, RDFS.subClassOf, [SCHEMA.Place, SEM.Place]),
    (KG.Statement, RDFS.subClassOf, [PROV.Entity, SCHEMA.CreativeWork]),
    (KG.Event, RDFS.subClassOf, [SCHEMA.Event, SEM.Event]),
    (KG.Article, RDFS.subClassOf, [SCHEMA.NewsArticle, PROV.Entity]),
    (KG.TextSpan, RDFS.subClassOf, [NIF.String]),
    (KG.EventType, RDFS.subClassOf, [SKOS.Concept]),
    (KG.StatementKind, RDFS.subClassOf, [SKOS.Concept]),
    (KG.Role, RDFS.subClassOf, [ORG.Role]),
    (KG.speaker, RDFS.subPropertyOf, [PROV.wasAttributedTo, SCHEMA.creator]),
    (KG.content, RDFS.subPropertyOf, [SCHEMA.text]),
    (KG.about, RDFS.subPropertyOf, [SCHEMA.about]),
    (KG.inArticle, RDFS.subPropertyOf, [PROV.wasDerivedFrom]),
    (KG.memberOf, RDFS.subPropertyOf, [ORG.memberOf]),
    (KG.leaderOf, RDFS.subPropertyOf, [ORG.headOf]),
    (KG.spokespersonOf, RDFS.subPropertyOf, [ORG.memberOf]),
    (KG.partOf, RDFS.subPropertyOf, [ORG.subOrganizationOf]),
    (KG.agent, RDFS.subPropertyOf, [SEM.hasActor]),
    (KG.participant, RDFS.subPropertyOf, [SEM.hasActor]),
    (KG.place, RDFS.subPropertyOf, [SEM.hasPlace, SCHEMA.location]),
    (KG.date, RDFS.subPropertyOf, [SEM.hasTimeStamp]),
    (KG.startDate, RDFS.subPropertyOf, [SEM.hasBeginTimeStamp]),
    (KG.endDate, RDFS.subPropertyOf, [SEM.hasEndTimeStamp]),
    (KG.published, RDFS.subPropertyOf, [SCHEMA.datePublished]),
    (KG.headline, RDFS.subPropertyOf, [SCHEMA.headline]),
    (KG.eventType, RDFS.range, [KG.EventType]),
    (KG.title, RDFS.domain, [ORG.Membership]),
]


@pytest.mark.parametrize(
    ("term", "predicate", "supers"),
    ALIGNMENTS,
    ids=[f"{t.rsplit('#')[-1]}-{p.rsplit('#')[-1]}" for t, p, _ in ALIGNMENTS],
)
def test_alignment(onto: Graph, term: URIRef, predicate: URIRef, supers: list[URIRef]) -> None:
    assert set(supers) <= set(onto.objects(term, predicate))


def test_every_kg_term_in_the_shapes_is_in_the_ontology(onto: Graph) -> None:
    shapes = Graph().parse(data=SHAPES.read_text(encoding="utf-8"), format="turtle")
    used = kg_iris(shapes)
    assert used, "the shapes mention no kg term"
    declared = {t for t in used if set(onto.objects(t, RDF.type)) & DECLARATIONS}
    assert used - declared == set()


def test_loads_in_pyoxigraph() -> None:
    with importlib.resources.as_file(ONTOLOGY) as path:
        triples = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    subjects = {t.subject for t in triples}
    assert pyoxigraph.NamedNode(ONTOLOGY_IRI) in subjects
    assert all(pyoxigraph.NamedNode(t) in subjects for t in KG_TERMS.terms())
