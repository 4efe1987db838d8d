"""The one module that mints IRIs. Same input, same IRIs, on every run and every machine.

Instance IRIs hang under a configurable base (``--base``, default :data:`kg.namespace.DEFAULT_BASE`):

=====================  ================================================
article                ``{base}article/{id}``
text span              ``{base}article/{id}#char={start},{end}`` (RFC 5147)
article named graph    ``{base}graph/article/{id}``
cross-article graph    ``{base}graph/resolution``
statement              ``{base}statement/{id}/{digest}``
entity                 ``{base}entity/{slug}``
event                  ``{base}event/{slug}``
membership             ``{base}membership/{digest}``
name evidence          ``{base}evidence/{digest}``
=====================  ================================================
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import quote

from kg.namespace import DEFAULT_BASE

WORDS = re.compile(r"[^\W_]+", re.UNICODE)


def slugify(text: str, limit: int = 60) -> str:
    """ASCII slug of a name: ``Asa’ib Ahl al-Haq`` → ``asaib-ahl-al-haq``."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = re.sub(r"['’‘`ʼ]", "", folded.lower())
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return slug[:limit].rstrip("-") or "x"


def digest(*parts: str, size: int = 12) -> str:
    h = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:size]


def content_key(text: str) -> str:
    """A key shared by the same words quoted in different articles (case and punctuation ignored)."""
    return digest(" ".join(WORDS.findall(text.lower())), size=16)


class Iris:
    def __init__(self, base: str = DEFAULT_BASE) -> None:
        from kg.errors import KgError

        if not re.match(r"^[a-z][a-z0-9+.-]*:", base):
            raise KgError(f"--base {base!r}: not an absolute IRI")
        self.base = base if base.endswith(("/", "#")) else base + "/"
        # kg.mapping writes IRIs into N-Quads text unchecked: check the base once, here, with the
        # store's own parser (every other part of an IRI is percent-encoded or a fixed word).
        from pyoxigraph import NamedNode

        try:
            NamedNode(self.base + "x")
        except ValueError as exc:
            raise KgError(f"--base {base!r}: not a valid IRI ({exc})") from exc

    def _id(self, article_id: str) -> str:
        return quote(article_id, safe="-._~")

    def article(self, article_id: str) -> str:
        return f"{self.base}article/{self._id(article_id)}"

    def span(self, article_id: str, start: int, end: int) -> str:
        return f"{self.article(article_id)}#char={start},{end}"

    def graph(self, article_id: str) -> str:
        return f"{self.base}graph/article/{self._id(article_id)}"

    @property
    def resolution_graph(self) -> str:
        return f"{self.base}graph/resolution"

    def article_id_of_graph(self, graph_iri: str) -> str | None:
        prefix = f"{self.base}graph/article/"
        if graph_iri.startswith(prefix):
            from urllib.parse import unquote

            return unquote(graph_iri[len(prefix):])
        return None

    def statement(self, article_id: str, key: str) -> str:
        return f"{self.base}statement/{self._id(article_id)}/{key}"

    def entity(self, slug: str) -> str:
        return f"{self.base}entity/{slug}"

    def event(self, slug: str) -> str:
        return f"{self.base}event/{slug}"

    def membership(self, member: str, role: str, organization: str) -> str:
        return f"{self.base}membership/{digest(member, role, organization)}"

    def evidence(self, *parts: str) -> str:
        return f"{self.base}evidence/{digest(*parts)}"
