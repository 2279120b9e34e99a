"""factx: who reported what figure, when and where, from English news text.

    >>> import factx
    >>> records = factx.extract("The agency said 300 soldiers were killed.", doc_date="2025-02-27")
"""
from __future__ import annotations

import datetime as dt

from .records import Record

__version__ = "1.0.0"
__all__ = ["Record", "Outcome", "extract", "extract_many", "run", "__version__"]


def __dir__() -> list[str]:
    """The API, not the modules and names it is built with: dir(factx) and tab completion show what to use."""
    return sorted(__all__)


def __getattr__(name: str):
    """``run``, ``extract_many`` and ``Outcome`` come from the engine, imported when first asked for."""
    if name in ("run", "extract_many", "Outcome"):
        from . import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'factx' has no attribute {name!r}")


def extract(text: str, doc_date: str | dt.date | None = None, *, doc_id: str = "-",
            model: str | None = None) -> list[Record]:
    """Records of every figure in ``text``: the same code path as ``factx extract``.

    Raises TypeError for an argument of the wrong type, ValueError for a ``doc_date`` that is no date.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    if doc_date is not None and not isinstance(doc_date, (str, dt.date)):
        raise TypeError(f"doc_date must be a str (YYYY-MM-DD), a datetime.date or None, got {type(doc_date).__name__}")
    if not isinstance(doc_id, str):
        raise TypeError(f"doc_id must be a str, got {type(doc_id).__name__}")
    if model is not None and not isinstance(model, str):
        raise TypeError(f"model must be a str (an installed spaCy pipeline) or None, got {type(model).__name__}")
    from .dates import parse_iso_date
    from .inputs import Document
    from .pipeline import DEFAULT_MODEL, load_model, run

    date = parse_iso_date(doc_date) if doc_date is not None else None
    if doc_date is not None and date is None:
        raise ValueError(f"doc_date must be YYYY-MM-DD, got {doc_date!r}")
    nlp = load_model(model or DEFAULT_MODEL)
    [(_, result)] = list(run(nlp, [Document(doc_id, text, date)]))
    if isinstance(result, Exception):
        raise result
    return [Record.model_validate(r) for r in result]
