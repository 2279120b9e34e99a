"""factx: who reported what figure, when and where, from English news text.

    >>> import factx
    >>> records = factx.extract("The agency said 300 soldiers were killed.", doc_date="2025-02-27")
"""
from __future__ import annotations

import datetime as dt

from .records import Record

__version__ = "1.0.0"
__all__ = ["Record", "extract", "__version__"]


def extract(text: str, doc_date: str | dt.date | None = None, *, doc_id: str = "-",
            model: str | None = None) -> list[Record]:
    """Records of every figure in ``text``: the same code path as ``factx extract``."""
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
