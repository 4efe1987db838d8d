"""One error hierarchy. Messages are one line and name the file, query or IRI at fault."""

from __future__ import annotations

from pathlib import Path


def read_utf8(path: Path, what: str, error: type[KgError] | None = None) -> str:
    """The text of a UTF-8 file, or an error naming the file and what it should have been."""
    cls = error or InputError
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise cls(f"{path}: cannot read {what}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise cls(f"{path}: {what} is not UTF-8") from exc


class KgError(Exception):
    """Base class of every error kg reports to its user."""

    exit_code = 2


class InputError(KgError):
    """An article, gold file or graph file that cannot be read."""


class QueryError(KgError):
    """A stored query that does not exist, a malformed query, a missing parameter."""


class StoreError(KgError):
    """The store cannot be opened or written."""


class ModelError(KgError):
    """The spaCy pipeline cannot be loaded."""


class ValidationError(KgError):
    """Shapes or data that the validator cannot read."""
