"""The one exception family: the CLI turns each into a one-line message and an exit code."""
from __future__ import annotations


class FactxError(Exception):
    """An expected failure the user can act on; its message says what to do next."""


class ModelNotFound(FactxError):
    """The requested spaCy pipeline is not installed."""


class InputError(FactxError):
    """One input could not be read; the batch goes on without it."""

    def __init__(self, name: str, message: str, *, kind: str = "input", line: int | None = None):
        where = f"{name}:{line}" if line is not None else name
        super().__init__(f"{where}: {message}")
        self.name = name
        self.line = line
        self.kind = kind
        self.detail = message
