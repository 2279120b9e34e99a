"""Output formats. stdout carries data only; each writer flushes per document so piped output stays valid."""
from __future__ import annotations

import csv
import io
import shutil
from typing import IO

import orjson
from rich.console import Console

CSV_COLUMNS = [
    "doc", "figure_text", "figure_start", "figure_end", "figure_value", "figure_low", "figure_high", "figure_mod",
    "figure_unit", "figure_kind", "what", "subject_text", "subject_start", "subject_end", "part_of_text",
    "part_of_start", "part_of_end", "who_text", "who_name", "who_label", "who_start", "who_end", "cue",
    "when_text", "when_value", "when_start", "when_end", "where_text", "where_label", "where_start", "where_end",
    "where_country", "sentence", "doc_date", "claim", "who_found_by", "who_carried_from_start",
    "who_carried_from_end", "when_found_by", "where_found_by", "where_carried_from_start", "where_carried_from_end",
]


_PROVENANCE_COLUMNS = frozenset(c for c in CSV_COLUMNS if "_found_by" in c or "_carried_from_" in c)


def dumps(record: dict) -> bytes:
    """One JSON Lines line: UTF-8, keys in contract order, newline-terminated."""
    return orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE)


def flatten(record: dict) -> dict:
    """Nested fields as prefixed columns: figure.value -> figure_value, who.name -> who_name."""
    flat = {}
    for key, value in record.items():
        if key == "provenance":  # who_found_by, who_carried_from_start, ...
            for field, origin in (value or {}).items():
                carried = origin["carried_from"] or {}
                flat[f"{field}_found_by"] = origin["rule"]
                if f"{field}_carried_from_start" in CSV_COLUMNS:
                    flat[f"{field}_carried_from_start"] = carried.get("start")
                    flat[f"{field}_carried_from_end"] = carried.get("end")
        elif key in ("figure", "subject", "part_of", "who", "when", "where"):
            for sub in CSV_COLUMNS:
                if sub.startswith(key + "_") and sub not in _PROVENANCE_COLUMNS:
                    flat[sub] = (value or {}).get(sub[len(key) + 1:])
        else:
            flat[key] = value
    return flat


class Writer:
    """Base writer: ``write(records)`` once per document, ``close()`` at the end."""

    def __init__(self, out: IO[bytes]):
        self.out = out

    def write(self, records: list[dict]) -> bytes | None:
        """Write one document's records; JSON Lines returns the bytes written (for the resume manifest)."""
        raise NotImplementedError

    def close(self) -> None:
        self.out.flush()


class JsonlWriter(Writer):
    def write(self, records: list[dict]) -> bytes:
        data = b"".join(dumps(r) for r in records)
        if data:
            self.out.write(data)
            self.out.flush()
        return data


class JsonWriter(Writer):
    """A JSON array, written as it goes; always closed, so the file parses even after a failure."""

    def __init__(self, out: IO[bytes]):
        super().__init__(out)
        self.count = 0
        self.out.write(b"[")

    def write(self, records: list[dict]) -> None:
        for record in records:
            self.out.write((b",\n" if self.count else b"\n") + orjson.dumps(record))
            self.count += 1
        self.out.flush()

    def close(self) -> None:
        self.out.write(b"\n]\n" if self.count else b"]\n")
        super().close()


class CsvWriter(Writer):
    def __init__(self, out: IO[bytes]):
        super().__init__(out)
        self._emit([CSV_COLUMNS])

    def _emit(self, rows) -> None:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        self.out.write(buffer.getvalue().encode("utf-8"))
        self.out.flush()

    def write(self, records: list[dict]) -> None:
        rows = []
        for record in records:
            flat = flatten(record)
            rows.append(["" if flat.get(c) is None else flat.get(c) for c in CSV_COLUMNS])
        if rows:
            self._emit(rows)


class TableWriter(Writer):
    """A Rich table for people at a terminal; collected and printed at the end (colour only on a terminal)."""

    def __init__(self, out: IO[bytes], before_print=None):
        super().__init__(out)
        self.records: list[dict] = []
        self.before_print = before_print  # e.g. clear a progress display, so the table starts on a clean screen

    def write(self, records: list[dict]) -> None:
        self.records.extend(records)

    def close(self) -> None:
        buffer = io.StringIO()
        isatty = getattr(self.out, "isatty", lambda: False)()
        from .views import plain

        console = Console(file=buffer, width=shutil.get_terminal_size((120, 24)).columns, force_terminal=isatty,
                          highlight=False, **plain())
        from .views import fit, records_table

        if self.before_print is not None:
            self.before_print()
        console.print(fit(records_table(self.records), console.width))  # the count is the summary, on stderr
        self.out.write(buffer.getvalue().encode("utf-8"))
        super().close()


def _parquet(out: IO[bytes]):
    from .databases import ParquetWriter

    return ParquetWriter(out)


def _database(out):
    return out  # the DatabaseOutput Extraction opened is the writer itself


WRITERS = {"jsonl": JsonlWriter, "json": JsonWriter, "csv": CsvWriter, "table": TableWriter, "parquet": _parquet,
           "sqlite": _database}

CONFLICT_COLUMNS = ["claim", "what", "subject", "unit", "where", "when", "when_value", "agree", "doc", "doc_claim",
                    "who", "figure", "low", "high", "mod", "allows_low", "allows_high", "start", "end"]


def write_conflicts(entries: list[dict], fmt: str, out: IO[bytes]) -> None:
    """``factx conflicts`` as data: one JSON line per claim, one indented JSON array, or one CSV row per figure
    (booleans and nulls written as JSON writes them: true, false, '')."""
    if fmt == "json":
        out.write(orjson.dumps(entries, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CONFLICT_COLUMNS)
        for c in entries:
            for f in c["figures"]:
                writer.writerow(["" if v is None else v for v in (
                    c["claim"], c["what"], c["subject"], c["unit"], c["where"], c["when"], c["when_value"],
                    "true" if c["agree"] else "false", f["doc"], f["claim"], f["who"], f["figure"], f["low"],
                    f["high"], f["mod"], f["allows"][0], f["allows"][1], f["start"], f["end"])])
        out.write(buffer.getvalue().encode("utf-8"))
    else:
        out.write(b"".join(orjson.dumps(c, option=orjson.OPT_APPEND_NEWLINE) for c in entries))
    out.flush()
