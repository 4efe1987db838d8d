"""One error hierarchy. Messages are one line and name the file, query or IRI at fault."""

from __future__ import annotations


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
