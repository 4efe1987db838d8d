"""`kg stats`: how many of each class, and what each article contributed."""

from __future__ import annotations

from typing import Any

CLASS_COUNTS = """
PREFIX kg: <https://w3id.org/kg/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?class (COUNT(DISTINCT ?x) AS ?count) WHERE {
  VALUES ?c { kg:Article kg:Actor kg:Organization kg:Place kg:Statement kg:Event org:Membership }
  ?x a ?c .
  BIND(REPLACE(STR(?c), "^.*[#/]", "") AS ?class)
} GROUP BY ?class ORDER BY ?class
"""

PER_ARTICLE = """
PREFIX kg: <https://w3id.org/kg/ontology#>
SELECT ?article ?published
       (COALESCE(?ns, 0) AS ?statements) (COALESCE(?nn, 0) AS ?attributed)
       (COALESCE(?ne, 0) AS ?entities) (COALESCE(?nv, 0) AS ?events)
WHERE {
  ?a a kg:Article ; kg:articleId ?article .
  OPTIONAL { ?a kg:published ?p }
  BIND(COALESCE(STR(?p), "") AS ?published)
  OPTIONAL { SELECT ?a (COUNT(?st) AS ?ns) (COUNT(?sp) AS ?nn) WHERE {
    ?st a kg:Statement ; kg:inArticle ?a . OPTIONAL { ?st kg:speaker ?sp } } GROUP BY ?a }
  OPTIONAL { SELECT ?a (COUNT(DISTINCT ?ent) AS ?ne) WHERE { ?ent kg:mentionedIn ?a } GROUP BY ?a }
  OPTIONAL { SELECT ?a (COUNT(DISTINCT ?ev) AS ?nv) WHERE { ?ev a kg:Event ; kg:inArticle ?a } GROUP BY ?a }
} ORDER BY ?article
"""  # one sub-select per count: no cross product of statements x entities x events per article


def stats(store: Any) -> tuple[list[tuple[str, int]], list[list[str]], int]:
    """(class counts, per-article rows, total triples)."""
    classes = [(s["class"].value, int(s["count"].value)) for s in store.query(CLASS_COUNTS)]
    names = ["article", "published", "statements", "attributed", "entities", "events"]
    rows = [[sol[n].value if sol[n] is not None else "" for n in names] for sol in store.query(PER_ARTICLE)]
    return classes, rows, len(store)
