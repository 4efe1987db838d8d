"""`kg show NAME`: what the graph knows about an entity, and why its names were merged."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.errors import QueryError

PREFIXES = """
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
"""

# ?needle is bound by the engine; exact (case-insensitive) matches rank before whole-word ones.
FIND = PREFIXES + """
SELECT ?e ?name ?type (MIN(?rank) AS ?best) ?needle WHERE {
  VALUES (?t ?type) { (kg:Actor "Actor") (kg:Organization "Organization") (kg:Place "Place") }
  ?e a ?t ; skos:prefLabel ?name ; skos:prefLabel|skos:altLabel ?n .
  BIND(LCASE(STR(?n)) AS ?ln)
  BIND(LCASE(STR(?needle)) AS ?q)
  FILTER(?ln = ?q || CONTAINS(CONCAT(" ", ?ln, " "), CONCAT(" ", ?q, " ")))
  BIND(IF(?ln = ?q, 0, 1) AS ?rank)
} GROUP BY ?e ?name ?type ?needle ORDER BY ?best ?name
"""

ALIASES = PREFIXES + "SELECT ?alias ?e WHERE { ?e skos:altLabel ?alias } ORDER BY ?alias"

EVIDENCE = PREFIXES + """
SELECT ?alias ?rule ?article ?text ?e WHERE {
  ?e kg:nameEvidence ?ev . ?ev kg:alias ?alias ; kg:rule ?rule ; kg:inArticle/kg:articleId ?article .
  OPTIONAL { ?ev kg:evidence/nif:anchorOf ?text }
} ORDER BY ?alias ?article
"""

ROLES = PREFIXES + """
SELECT ?direction ?role ?other (GROUP_CONCAT(DISTINCT ?title; separator="; ") AS ?titles) ?e WHERE {
  VALUES (?r ?role) { (kg:MemberRole "memberOf") (kg:LeaderRole "leaderOf")
                      (kg:SpokespersonRole "spokespersonOf") (kg:PartRole "partOf") }
  ?m a org:Membership ; org:role ?r .
  { ?m org:member ?e ; org:organization/skos:prefLabel ?other . BIND("out" AS ?direction) }
  UNION
  { ?m org:organization ?e ; org:member/skos:prefLabel ?other . BIND("in" AS ?direction) }
  OPTIONAL { ?m kg:title ?title }
} GROUP BY ?direction ?role ?other ?e ORDER BY ?direction ?role ?other
"""

BY = PREFIXES + """
SELECT ?quote ?article ?e WHERE {
  ?s kg:speaker ?e ; kg:content ?quote ; kg:inArticle/kg:articleId ?article ; kg:contentSpan/nif:beginIndex ?b .
} ORDER BY ?article ?b
"""

ABOUT = PREFIXES + """
SELECT ?quote ?speaker ?article ?e WHERE {
  ?s kg:about ?e ; kg:content ?quote ; kg:inArticle/kg:articleId ?article ; kg:contentSpan/nif:beginIndex ?b .
  OPTIONAL { ?s kg:speaker/skos:prefLabel ?sp }
  BIND(COALESCE(?sp, "") AS ?speaker)
} ORDER BY ?article ?b
"""

ARTICLES = PREFIXES + "SELECT ?article ?e WHERE { ?e kg:mentionedIn/kg:articleId ?article } ORDER BY ?article"


@dataclass
class EntityView:
    iri: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    evidence: list[tuple[str, str, str, str]] = field(default_factory=list)  # alias, rule, article, text
    roles: list[tuple[str, str, str, str]] = field(default_factory=list)  # direction, role, other, titles
    said: list[tuple[str, str]] = field(default_factory=list)  # quote, article
    about: list[tuple[str, str, str]] = field(default_factory=list)  # quote, speaker, article
    articles: list[str] = field(default_factory=list)


def _rows(store: Any, sparql: str, subs: dict[Any, Any], names: list[str]) -> list[tuple[str, ...]]:
    out = []
    for sol in store.query(sparql, subs):
        out.append(tuple("" if sol[n] is None else str(sol[n].value) for n in names))
    return out


def show(store: Any, name: str) -> list[EntityView]:
    """Every entity one of whose names is ``name`` (or contains it as whole words), best first."""
    from pyoxigraph import Literal, NamedNode, Variable

    if not name.strip():
        raise QueryError("kg show: give a name")
    found = _rows(store, FIND, {Variable("needle"): Literal(name)}, ["e", "name", "type", "best"])
    if not found:
        raise QueryError(f"kg show: no entity named {name!r}; try `kg query entities`")
    exact = [f for f in found if f[3] == "0"] or found
    views = []
    for iri, label, etype, _ in exact:
        subs = {Variable("e"): NamedNode(iri)}
        v = EntityView(iri, label, etype)
        v.aliases = [r[0] for r in _rows(store, ALIASES, subs, ["alias"])]
        v.evidence = sorted({(a, b, c, d) for a, b, c, d in _rows(store, EVIDENCE, subs,
                                                                     ["alias", "rule", "article", "text"])})
        v.roles = [(a, b, c, d) for a, b, c, d in _rows(store, ROLES, subs, ["direction", "role", "other", "titles"])]
        v.said = [(a, b) for a, b in _rows(store, BY, subs, ["quote", "article"])]
        v.about = [(a, b, c) for a, b, c in _rows(store, ABOUT, subs, ["quote", "speaker", "article"])]
        v.articles = [r[0] for r in _rows(store, ARTICLES, subs, ["article"])]
        views.append(v)
    return views


def render(views: list[EntityView], limit: int = 10) -> str:
    def clip(t: str, n: int = 100) -> str:
        t = " ".join(t.split())
        return t if len(t) <= n else t[: n - 1] + "…"

    out: list[str] = []
    for v in views:
        out += [f"{v.name}  ({v.type})", f"  iri: {v.iri}"]
        if v.aliases:
            out.append(f"  also: {'; '.join(v.aliases)}")
        if v.articles:
            out.append(f"  articles ({len(v.articles)}): {', '.join(v.articles)}")
        for direction, role, other, titles in v.roles:
            title = f" ({titles})" if titles else ""
            out.append(f"  {role} {other}{title}" if direction == "out" else f"  has {role}: {other}{title}")
        if v.evidence:
            out.append("  why these names are one node:")
            out += [f"    {alias!r}: {rule} in {art}" + (f": “{clip(text, 70)}”" if text else "")
                    for alias, rule, art, text in v.evidence]
        if v.said:
            out.append(f"  said ({len(v.said)}):")
            out += [f"    [{a}] “{clip(q)}”" for q, a in v.said[:limit]]
        if v.about:
            out.append(f"  statements about it ({len(v.about)}):")
            out += [f"    [{a}] {s or '(unnamed)'}: “{clip(q, 80)}”" for q, s, a in v.about[:limit]]
        out.append("")
    return "\n".join(out)
