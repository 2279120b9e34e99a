"""Outputs people keep figures in: an SQLite database (``-o figures.db``) and a Parquet file (``-o figures.parquet``).

SQLite comes with Python (``sqlite3``); the database is one ``records`` table with the CSV's flat columns plus
the whole record as JSON (``record``), indexed on doc, kind, who and where, so Datasette, DuckDB or the
``sqlite3`` shell read it as it is. It is resumable like JSON Lines: a ``documents`` table lists each document
whose records are in, written in the same transaction as its records, so a run cut short leaves whole
documents only and ``--resume`` skips exactly those; a ``settings`` table keeps the options that shape records.
Parquet comes from pyarrow (the ``parquet`` extra), with the nested record as Arrow structs.
"""
from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import orjson

from .batch import ResumeState, content_key
from .errors import FactxError
from .writers import CSV_COLUMNS, flatten

DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
PARQUET_SUFFIXES = (".parquet",)
COMMIT_EVERY = 200  # documents per transaction: a crash loses at most this many, never part of one

_INTEGER_COLUMNS = frozenset(c for c in CSV_COLUMNS if c.endswith(("_start", "_end")))
_REAL_COLUMNS = frozenset(("figure_value", "figure_low", "figure_high"))
_INDEXED = ("doc", "figure_kind", "who_name", "where_text")


def _column_type(column: str) -> str:
    return "INTEGER" if column in _INTEGER_COLUMNS else "REAL" if column in _REAL_COLUMNS else "TEXT"


class DatabaseOutput(ResumeState):
    """``-o FILE.db``: the records of each document inserted with the document's row in ``documents``;
    both the output (``write``) and its resume state (``should_skip``, ``committed``) for ``Extraction``."""

    def __init__(self, path: Path, resume: bool, settings: dict | None = None):
        self.path = Path(path)
        self.settings = settings or {}
        self.done: Counter = Counter()
        self.by_hash: dict[str, str] = {}
        self.lost = self.skipped = 0
        self.pending = 0
        if not resume:
            for stale in (self.path, self.path.with_name(self.path.name + "-journal")):
                stale.unlink(missing_ok=True)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self._create()
            if resume:
                self._read_state()
            self.db.execute("BEGIN")
        except sqlite3.DatabaseError as exc:
            raise FactxError(f"{self.path}: not a factx database ({exc}); drop --resume to start over, or "
                             "choose another -o") from None
        self.stream = self  # Extraction writes through this object

    def _create(self) -> None:
        columns = ", ".join(f'"{c}" {_column_type(c)}' for c in CSV_COLUMNS)
        self.db.executescript(
            f"CREATE TABLE IF NOT EXISTS records ({columns}, record TEXT);\n"
            "CREATE TABLE IF NOT EXISTS documents (seq INTEGER PRIMARY KEY, id TEXT, hash TEXT, records INTEGER);\n"
            "CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT);\n"
            + "".join(f'CREATE INDEX IF NOT EXISTS records_{c} ON records("{c}");\n' for c in _INDEXED))
        if self.db.execute("SELECT count(*) FROM settings").fetchone()[0] == 0:
            self.db.executemany("INSERT INTO settings VALUES (?, ?)",
                                [(k, orjson.dumps(v).decode()) for k, v in sorted(self.settings.items())])

    def _read_state(self) -> None:
        self.check_settings({name: orjson.loads(value)
                             for name, value in self.db.execute("SELECT name, value FROM settings")})
        for doc_id, digest in self.db.execute("SELECT id, hash FROM documents ORDER BY seq"):
            self.done[(doc_id, digest)] += 1
            self.by_hash.setdefault(digest, doc_id)

    def write(self, records: list[dict]) -> bytes:
        rows = []
        for record in records:
            flat = flatten(record)
            rows.append([flat.get(c) for c in CSV_COLUMNS] + [orjson.dumps(record).decode()])
        self._run("executemany", f"INSERT INTO records VALUES ({', '.join('?' * (len(CSV_COLUMNS) + 1))})", rows)
        self._count = len(records)
        return b""

    def committed(self, document, records: bytes) -> None:
        doc_id, digest = content_key(document)
        self._run("execute", "INSERT INTO documents (id, hash, records) VALUES (?, ?, ?)",
                  (doc_id, digest, getattr(self, "_count", 0)))
        self.pending += 1
        if self.pending >= COMMIT_EVERY:
            self._run("execute", "COMMIT")
            self._run("execute", "BEGIN")
            self.pending = 0

    def _run(self, method: str, sql: str, params=()) -> None:
        try:
            getattr(self.db, method)(sql, params)
        except sqlite3.Error as exc:  # a full disk: Extraction rolls back and names the file
            raise OSError(str(exc)) from exc

    def rollback(self) -> None:
        try:
            self.db.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def flush(self) -> None:
        pass

    def close(self) -> None:
        if self.db is None:
            return
        try:
            if self.db.in_transaction:
                self.db.execute("COMMIT")
        except sqlite3.Error:
            pass
        self.db.close()
        self.db = None


class ParquetWriter:
    """``-o FILE.parquet``: one row per record, nested fields as Arrow structs (the JSON Schema's shape), one
    row group per batch of documents. Not resumable: a Parquet file is complete only once closed."""

    def __init__(self, out):
        self.pa, pq = _pyarrow()
        self.schema = arrow_schema(self.pa)
        self.rows: list[dict] = []
        self.out = out
        self.writer = pq.ParquetWriter(out, self.schema)

    def write(self, records: list[dict]) -> None:
        self.rows.extend(records)
        if len(self.rows) >= 5000:
            self._flush()

    def _flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()
        self.out.flush()


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise FactxError("Parquet output needs pyarrow: pip install 'factx[parquet]'") from None
    return pa, pq


def arrow_schema(pa):
    """The record contract as an Arrow schema: mentions and the figure as structs, provenance as a struct of
    structs. Offsets are int64, values float64."""
    mention = [("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())]
    origin = pa.struct([("rule", pa.string()), ("carried_from", pa.struct(mention))])
    return pa.schema([
        ("doc", pa.string()),
        ("figure", pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                              ("value", pa.float64()), ("low", pa.float64()), ("high", pa.float64()),
                              ("mod", pa.string()), ("unit", pa.string()), ("kind", pa.string())])),
        ("what", pa.string()),
        ("subject", pa.struct(mention)),
        ("part_of", pa.struct(mention)),
        ("who", pa.struct([("text", pa.string()), ("name", pa.string()), ("label", pa.string()),
                           ("start", pa.int64()), ("end", pa.int64())])),
        ("cue", pa.string()),
        ("when", pa.struct([("text", pa.string()), ("value", pa.string()), ("start", pa.int64()),
                            ("end", pa.int64())])),
        ("where", pa.struct([("text", pa.string()), ("label", pa.string()), ("start", pa.int64()),
                             ("end", pa.int64()), ("country", pa.string())])),
        ("sentence", pa.string()),
        ("doc_date", pa.string()),
        ("claim", pa.string()),
        ("provenance", pa.struct([("who", origin), ("when", origin), ("where", origin)])),
    ])
