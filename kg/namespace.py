"""Vocabulary IRIs. Every term kg emits is reached through a namespace object that fails on a typo.

rdflib's ``DefinedNamespace`` does the same, but importing rdflib costs a third of a second that
``kg query`` should not pay; these objects are plain strings. A test checks that every ``KG`` term
is declared in ``ontology/kg.ttl`` with a label, a comment, and (for properties) a domain and range.
"""

from __future__ import annotations


class ClosedNamespace:
    """IRIs ``prefix + name`` for a closed list of names; any other attribute raises AttributeError."""

    def __init__(self, prefix: str, names: str) -> None:
        self._prefix = prefix
        self._names = frozenset(names.split())

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in self._names:
            raise AttributeError(f"{name!r} is not a term of <{self._prefix}>")
        iri = self._prefix + name
        setattr(self, name, iri)  # later lookups are plain attribute reads (mapping calls these a lot)
        return iri

    def __getitem__(self, name: str) -> str:
        return self.__getattr__(name)

    def __contains__(self, iri: object) -> bool:
        return isinstance(iri, str) and iri.startswith(self._prefix) and iri[len(self._prefix):] in self._names

    @property
    def prefix(self) -> str:
        return self._prefix

    def terms(self) -> list[str]:
        return sorted(self._prefix + n for n in self._names)


ONTOLOGY_IRI = "https://w3id.org/kg/ontology"
DEFAULT_BASE = "https://w3id.org/kg/id/"

KG = ClosedNamespace(
    ONTOLOGY_IRI + "#",
    """
    Article Actor Organization Place Statement Event TextSpan NameEvidence
    StatementKind Direct Indirect Mixed
    EventType Role MemberRole LeaderRole SpokespersonRole PartRole
    articleId sha256 published headline
    inArticle
    speaker speakerText speakerMention content contentSpan kind cue about medium mediumEntity
    statementDate dateText contentDigest
    mentionedIn mention title
    nameEvidence alias rule evidence
    memberOf leaderOf spokespersonOf partOf
    eventType agent participant place date startDate endDate dateResolved trigger
    """,
)

RDF = ClosedNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "type")
RDFS = ClosedNamespace("http://www.w3.org/2000/01/rdf-schema#", "label comment")
XSD = ClosedNamespace(
    "http://www.w3.org/2001/XMLSchema#",
    "string integer nonNegativeInteger boolean date dateTime gYear gYearMonth",
)
SKOS = ClosedNamespace("http://www.w3.org/2004/02/skos/core#", "prefLabel altLabel Concept")
NIF = ClosedNamespace(
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#", "beginIndex endIndex anchorOf"
)
ORG = ClosedNamespace("http://www.w3.org/ns/org#", "Membership member organization role")

PREFIXES = {
    "kg": KG.prefix,
    "rdf": RDF.prefix,
    "rdfs": RDFS.prefix,
    "xsd": XSD.prefix,
    "skos": SKOS.prefix,
    "nif": NIF.prefix,
    "org": ORG.prefix,
    "owl": "http://www.w3.org/2002/07/owl#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "sh": "http://www.w3.org/ns/shacl#",
}
