"""Per-document lookups that the extraction stages share, computed once per parsed article.

spaCy recomputes ``Doc.text`` (a join over every token) and creates new ``Token`` objects on every
iteration, so rules that ask for them per candidate or per cue cost time quadratic in the article.
:func:`index_of` builds a :class:`DocIndex` on first use and hands the same one back for the same
``Doc`` object; only the most recent document is kept, so the cache holds at most one parse alive.
The index assumes the parse is not changed (entities, sentence starts) once extraction has begun.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


class DocIndex:
    """The text, tokens, token offsets and sentences of one ``Doc``."""

    __slots__ = ("_ents", "_sent_number", "_sents", "doc", "ends", "idx", "sent_of", "text", "tokens")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        # what ``doc.text`` joins; or the article's own text when the tokenizer was given another spelling of it
        # (kg.nlp: straight apostrophes), the same length
        self.text: str = doc.user_data.get("kg_original_text") or "".join(t.text_with_ws for t in self.tokens)
        self.idx: list[int] = [t.idx for t in self.tokens]  # character offset of every token, ascending
        self.ends: list[int] = [t.idx + len(t.text) for t in self.tokens]  # character end of every token
        # token index -> start token of its sentence (as ``Token.sent.start`` gives it)
        sent_of: list[int] = []
        start = 0
        for i, t in enumerate(self.tokens):
            if i > 0 and t.is_sent_start is True:
                start = i
            sent_of.append(start)
        self.sent_of = sent_of
        self._sents: list[Span] | None = None
        self._sent_number: dict[int, int] | None = None
        self._ents: tuple[Span, ...] | None = None

    @property
    def ents(self) -> tuple[Span, ...]:
        """``doc.ents``, made once."""
        if self._ents is None:
            self._ents = tuple(self.doc.ents)
        return self._ents

    @property
    def sents(self) -> list[Span]:
        """``list(doc.sents)``, made once."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
        return self._sents

    def sent_number(self, i: int) -> int:
        """The number of the sentence of token ``i`` (0 for the first sentence)."""
        if self._sent_number is None:
            self._sent_number = {s: n for n, s in enumerate(dict.fromkeys(self.sent_of))}
        return self._sent_number[self.sent_of[i]]

    def token_at_or_after(self, pos: int) -> int:
        """Index of the first token starting at or after character ``pos``."""
        return bisect.bisect_left(self.idx, pos)

    def token_at(self, pos: int) -> Token:
        """The first token starting at or after character ``pos`` (the last token past the end)."""
        return self.tokens[min(self.token_at_or_after(pos), len(self.tokens) - 1)]


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})  # the dependency labels of a clause's subject

_current: tuple[Doc, DocIndex] | None = None


def index_of(doc: Doc) -> DocIndex:
    """The index of ``doc``, built on the first call for this document object."""
    global _current
    cur = _current
    if cur is not None and cur[0] is doc:
        return cur[1]
    index = DocIndex(doc)
    _current = (doc, index)
    return index


def last_word(before: str) -> str:
    """The last word of ``before`` in lower case, skipping a final "the", when ``before`` ends in space.

    A cheap necessary condition for the rules' end-anchored patterns (``... of (the )?$``): a regex
    search for them tries every position of the window, this looks at its end only.
    """
    if not before or not before[-1].isspace():
        return ""
    words = before.rsplit(None, 2)[-2:]
    if words and words[-1].lower() == "the":
        words.pop()
    return words[-1].lower() if words else ""
