"""Extraction: pure functions from a parsed article (a spaCy ``Doc``) to plain records.

``extract(doc, article)`` is the one entry point the build calls. Each stage is its own module
and returns frozen dataclasses from :mod:`kg.records` with offsets into the original text:

- :mod:`kg.extract.entities`: people, organizations and places, typed from the article's own
  evidence, with aliases and short forms clustered inside the article;
- :mod:`kg.extract.roles`: memberships, leadership, spokespersons, part-of links;
- :mod:`kg.extract.statements`: direct, indirect and mixed statements with their speakers;
- :mod:`kg.extract.events`: events with agents, participants, place and time.

The doc must have been parsed from :func:`kg.text.clean_text` of the article, which has the same
length as the original text, so token offsets are offsets into the original file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.records import Article, ArticleRecords

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract(doc: Doc, article: Article) -> ArticleRecords:
    from kg.extract.docindex import index_of
    from kg.extract.entities import extract_entities
    from kg.extract.events import extract_events
    from kg.extract.roles import extract_relations
    from kg.extract.statements import extract_statements

    if len(index_of(doc).text) != len(article.text):
        raise ValueError(f"{article.id}: parsed text and original text differ in length")
    entities = extract_entities(doc, article)
    statements = extract_statements(doc, article, entities)
    relations = extract_relations(doc, article, entities, statements)  # speaker descriptions name roles
    events, links = extract_events(doc, article, entities, statements)
    return ArticleRecords(
        article=article,
        entities=tuple(entities),
        statements=tuple(statements),
        relations=tuple(relations),
        events=tuple(events),
        statement_events=tuple(links),
    )
