"""The factx command line: thin Typer commands over the library functions."""
from __future__ import annotations

import datetime as dt
import enum
import functools
import typing
import os
import re
import sys
from pathlib import Path
from typing import Annotated, List, Optional

import orjson
import typer
from rich.console import Console
from rich.markup import escape

from typer.core import TyperCommand, TyperGroup

from . import __version__
from .errors import FactxError, InputError
from .records import Kind as RecordKind
from .resources import DEFAULT_MODEL
from .views import plain

# Typer exports only BadParameter of the usage errors it raises; their base class is reached through it.
UsageError = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


class _Commands(TyperGroup):
    """factx's command group: a usage error is one line naming the option, not Click's boxed usage text."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args=args, prog_name=prog_name, complete_var=complete_var, standalone_mode=False,
                                **extra)
        except UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # 'factx' alone: the help, as a usage error
                exc.show()
            else:
                command = exc.ctx.command_path if exc.ctx is not None else "factx"
                err.print(f"[red]error[/red]: {escape(_usage_message(exc))} (see {escape(command)} --help)")
            code = EXIT_USAGE
        except typer.Abort:
            err.print("aborted")
            code = EXIT_FAILED
        code = code if isinstance(code, int) else EXIT_OK
        if not standalone_mode:
            return code
        sys.exit(code)


class _Command(TyperCommand):
    """A factx command: its usage line reads 'factx extract [OPTIONS] INPUT...', not '{INPUT}...', and its
    arguments are listed as 'INPUT...', not 'INPUT <list[str]>'."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for param in self.params:
            if param.param_type_name == "argument":
                # Typer's Python type name ('<list[str]>') says nothing to a reader: 'INPUT...' does
                param.display_type_rich = lambda ctx: None
                param._rich_display_name = lambda name=_argument_name(param): name

    def collect_usage_pieces(self, ctx) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = _argument_name(param)
                pieces.append(name if param.required else f"[{name}]")
        return pieces


def _argument_name(param) -> str:
    """'INPUT...' for a list of inputs, 'INPUT' for one."""
    return (param.metavar or param.name).upper() + ("..." if param.nargs != 1 else "")


def _usage_message(exc: UsageError) -> str:
    """'--doc-date: 'x' is not a date; ...': the option first, then what is wrong with it."""
    if isinstance(exc, typer.BadParameter):
        hint = exc.param_hint or (exc.param.opts[0] if exc.param is not None and exc.param.opts else None)
        if isinstance(hint, (list, tuple)):
            hint = hint[0]
        if type(exc).__name__ == "MissingParameter" and exc.param is not None:
            name = getattr(exc.param, "metavar", None) or exc.param.name.upper()
            return f"missing {name}..." if getattr(exc.param, "nargs", 1) != 1 else f"missing {name}"
        message = _in_our_words(exc.message)
        return f"{hint.strip(chr(39))}: {message}" if hint else message
    return exc.format_message()


# The validation library's phrasings, as factx says them ('Value error, ...', 'Input should be ...')
_PHRASES = [
    (re.compile(r"^Value error, '(?P<value>[^']*)' is not one of (?P<choices>.+?)\.?$"),
     lambda m: f"'{m['value']}' is not one of the choices; choose one of {m['choices'].replace(chr(39), '')}"),
    (re.compile(r"^Input should be greater than or equal to (?P<n>-?\d+)$"), lambda m: f"must be {m['n']} or more"),
    (re.compile(r"^Input should be less than or equal to (?P<n>-?\d+)$"), lambda m: f"must be {m['n']} or less"),
    (re.compile(r"^Input should be a valid integer.*$"), lambda m: "must be a whole number, e.g. 4"),
    (re.compile(r"^Input should be a valid number.*$"), lambda m: "must be a number"),
]


def _in_our_words(message: str) -> str:
    for pattern, say in _PHRASES:
        m = pattern.match(message)
        if m:
            return say(m)
    return message


app = typer.Typer(
    name="factx",
    cls=_Commands,
    rich_markup_mode=None,  # Click's plain help: wraps at any width, keeps '[ray]', no '<bool>' metavars
    help="Who reported what figure, when and where: structured records from English news text.",
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish and PowerShell
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True, **plain())

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130

class Engine(str, enum.Enum):
    local = "local"
    ray = "ray"


# The record contract's kinds of figure (records.Kind), as choices for --kind.
Kind = enum.Enum("Kind", {kind: kind for kind in typing.get_args(RecordKind)}, type=str)


# Options shared by the commands that read inputs (extract, show, conflicts, report), declared once.
DocDateOption = Annotated[Optional[str], typer.Option(
    "--doc-date", metavar="YYYY-MM-DD",
    help="Document date for resolving 'last year', 'on Friday'... (overrides dates found in the input).")]
ModelOption = Annotated[str, typer.Option("--model", "-m", metavar="NAME", help="Any installed spaCy pipeline.")]
GlobOption = Annotated[str, typer.Option("--glob", metavar="PATTERN", help="Files to read inside folders.")]
TextKeyOption = Annotated[str, typer.Option("--text-key", metavar="FIELD", help="JSON Lines field holding the text.")]
IdKeyOption = Annotated[str, typer.Option("--id-key", metavar="FIELD", help="JSON Lines field holding the document id.")]
DateKeyOption = Annotated[str, typer.Option("--date-key", metavar="FIELD",
                                            help="JSON Lines field holding the document date (YYYY-MM-DD).")]
JobsOption = Annotated[int, typer.Option(
    "--jobs", "-j", min=0, metavar="N", help="Worker processes (0: one per core). Output order and bytes do not depend on it.")]
KindsOption = Annotated[Optional[List[Kind]], typer.Option(
    "--kind", "-k", metavar="KIND",
    help=f"Keep only figures of this kind (repeatable; default: every kind): {', '.join(kind.value for kind in Kind)}.")]
ErrorsOption = Annotated[Optional[Path], typer.Option(
    "--errors", metavar="FILE", help="Write one JSON line per failed input or document to this file.")]
ProgressOption = Annotated[Optional[bool], typer.Option(
    "--progress/--no-progress", help="Progress bar on stderr (default: only when stderr is a terminal).")]
QuietOption = Annotated[bool, typer.Option(
    "--quiet", "-q", help="No progress, warnings or summary on stderr (errors are still shown).")]
EngineOption = Annotated[Engine, typer.Option(
    "--engine", help="local: worker processes on this machine; ray: a Ray cluster (pip install 'factx[ray]').")]
AddressOption = Annotated[Optional[str], typer.Option(
    "--address", metavar="ADDRESS",
    help="With --engine ray: the cluster to attach to (auto, ray://host:port); default: start a local Ray.")]
WorkersOption = Annotated[int, typer.Option(
    "--workers", min=0, metavar="N",
    help="With --engine ray: actors, each loading the model once (0: every CPU of the cluster; a Ray of factx's "
         "own gets --jobs CPUs).")]



class Format(str, enum.Enum):
    auto = "auto"
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    table = "table"
    sqlite = "sqlite"
    parquet = "parquet"


class TextFormat(str, enum.Enum):
    """The formats of show and conflicts: streams of text, no database."""
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
    from .dates import parse_iso_date

    if value is None:
        return None
    date = parse_iso_date(value)
    if date is None:
        raise typer.BadParameter(f"'{value}' is not a date; write YYYY-MM-DD, e.g. 2025-02-27", param_hint="--doc-date")
    return date


_EXTENSION_FORMATS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".db": "sqlite",
                      ".sqlite": "sqlite", ".sqlite3": "sqlite", ".parquet": "parquet"}


def _stdout_if_dash(output: Optional[Path]) -> Optional[Path]:
    """'-o -' is standard output, as csvkit and sqlite-utils read it, never a file named '-'."""
    return None if output is not None and str(output) == "-" else output


def _output_format(chosen: Format, output: Optional[Path]) -> str:
    """The format to write: as chosen, else from -o's extension (.csv, .json, .jsonl/.ndjson), else a table on
    a terminal and JSON Lines elsewhere. A choice that contradicts the extension is refused, and so is an
    extension factx does not write ('x.tsv', 'x.csv.gz') unless --format says what to write into it."""
    implied = _EXTENSION_FORMATS.get(output.suffix.lower()) if output is not None else None
    if chosen is Format.auto:
        if implied:
            return implied
        if output is not None:
            hint = (f"compress on the way out instead: factx extract ... | gzip > {output}"
                    if output.suffix.lower() in (".gz", ".bz2", ".xz", ".zst") else
                    "name it .jsonl, .json, .csv, .db or .parquet, or say what to write with --format")
            raise typer.BadParameter(f"factx does not know what to write into '{output.name}'; {hint}",
                                     param_hint="--output")
        return "table" if sys.stdout.isatty() else "jsonl"
    if implied and chosen.value != implied:
        raise typer.BadParameter(f"'{chosen.value}' does not fit the file name {output}; write it as "
                                 f"--format {implied}, or give the file another extension", param_hint="--format")
    return chosen.value


def _refuse_overwriting_inputs(inputs: list[str], options, **outputs: Optional[Path]) -> None:
    """Refuse, before anything is opened for writing, an output that names an input (or a file a folder
    input reads) and two outputs that name the same file."""
    from .inputs import input_named_by

    named = [(option, path) for option, path in outputs.items() if path is not None]
    for option, path in named:
        victim = input_named_by(path, inputs, options)
        if victim is not None:
            what = "is" if Path(victim).resolve() == path.resolve() else "is one of the files read from"
            raise typer.BadParameter(f"'{path}' {what} the input '{victim}'; writing it would destroy that input: "
                                     "choose another file", param_hint=f"--{option}")
    for i, (option, path) in enumerate(named):
        for other, other_path in named[i + 1:]:
            if path.resolve() == other_path.resolve():
                raise typer.BadParameter(f"'{path}' is also the --{other} file; give each its own file",
                                         param_hint=f"--{option}")


def _count(n: int, noun: str) -> str:
    """'1 document', '2 documents', '0 records'."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _warn(message: str) -> None:
    err.print(f"[yellow]warning[/yellow]: {escape(message)}", markup=True, highlight=False)


def _error(message: str) -> None:
    err.print(f"[red]error[/red]: {escape(message)}", markup=True, highlight=False)


@app.command(cls=_Command)
def extract(
    inputs: List[str] = typer.Argument(..., metavar="INPUT",
                                       help="Text files, folders (walked recursively), '-' for stdin, or .jsonl files of articles."),
    doc_date: DocDateOption = None,
    output_format: Format = typer.Option(Format.auto, "--format", "-f",
                                         help="auto: from -o's extension (.csv, .json, .jsonl), else a table on a "
                                              "terminal and JSON Lines when piped."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE",
                                          help="Write records to this file instead of stdout (JSON Lines output also gets a FILE.manifest for --resume)."),
    model: ModelOption = DEFAULT_MODEL,
    glob: GlobOption = "*.txt",
    text_key: TextKeyOption = "text",
    id_key: IdKeyOption = "id",
    date_key: DateKeyOption = "date",
    jobs: JobsOption = 0,
    resume: bool = typer.Option(False, "--resume",
                                help="With -o FILE (JSON Lines or SQLite): skip documents already complete in FILE, append the rest."),
    errors: ErrorsOption = None,
    progress: ProgressOption = None,
    quiet: QuietOption = False,
    engine: EngineOption = Engine.local,
    address: AddressOption = None,
    kinds: KindsOption = None,
    workers: WorkersOption = 0,
) -> None:
    """Extract one record per figure: value, unit, who reported it, when and where.

    \b
    Examples:
      factx extract article.txt                  # a table; JSON Lines if piped
      factx extract articles/ -o records.jsonl   # a folder; --resume after a stop
      factx extract dump.jsonl --text-key body -o records.csv
      cat article.txt | factx extract - --doc-date 2025-02-27 | jq .figure

    Exit codes: 0 all inputs processed (even with no records), 1 some input failed
    (the others are still processed and written), 2 usage error, 130 interrupted
    (rerun with --resume to continue).
    """
    from .engine import Extraction, Interrupted, ResumeMismatch, WriteFailed
    from .inputs import InputOptions, count_documents
    from .writers import WRITERS

    options = InputOptions(glob=glob, text_key=text_key, id_key=id_key, date_key=date_key,
                           doc_date=_parse_date(doc_date))
    _check_engine_options(engine, address, workers)
    output = _stdout_if_dash(output)
    _refuse_overwriting_inputs(inputs, options, output=output, errors=errors)
    fmt = _output_format(output_format, output)
    if fmt in ("sqlite", "parquet") and output is None:
        raise typer.BadParameter(f"{fmt} output goes to a file: add -o FILE{'.db' if fmt == 'sqlite' else '.parquet'}",
                                 param_hint="--format")
    if resume and (output is None or fmt not in ("jsonl", "sqlite")):
        raise typer.BadParameter("--resume needs -o FILE with JSON Lines or SQLite output", param_hint="--resume")
    if fmt == "parquet":
        _check_parquet()
    _check_installed(model, engine)
    show_progress = _shows_progress(progress, quiet)
    bar = _Progress(show_progress, count_documents(inputs, options) if show_progress else None)
    writer_for = WRITERS[fmt] if fmt != "table" else functools.partial(WRITERS[fmt], before_print=bar.stop)
    job = Extraction(inputs, writer_for, output=output, resumable=output is not None and fmt in ("jsonl", "sqlite"),
                     resume=resume, errors=errors, model=model, jobs=jobs, engine=engine.value, options=options,
                     kinds={k.value for k in kinds} if kinds else None, address=address, workers=workers,
                     stdout=sys.stdout.buffer)
    try:
        job.open()
    except FactxError as exc:  # a resume with other options, a file that is no factx database
        _error(str(exc))
        raise typer.Exit(EXIT_USAGE)
    except OSError as exc:
        _error(f"{exc.filename}: cannot write ({exc.strerror}); check the folder exists and is writable")
        raise typer.Exit(EXIT_FAILED)
    if job.lost and not quiet:
        _warn(f"{output}: {job.lost} of the documents listed in {job.output_state.manifest_path.name} are missing "
              "or changed in it (cut short, or restored from an older copy?); they are extracted again")
    try:
        with bar:
            counts = job.execute(_Reporter(bar), quiet)
    except ResumeMismatch as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_USAGE)
    except Interrupted:
        _error("interrupted" + (f"; rerun with --resume to continue {output}" if job.output_state else ""))
        raise typer.Exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        raise typer.Exit(EXIT_FAILED if job.counts.failed else EXIT_OK)
    except WriteFailed as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_FAILED)
    if not quiet:
        skipped = f", {counts.skipped} already done" if counts.skipped else ""
        failed = f", {counts.failed} failed" if counts.failed else ""
        err.print(f"[dim]{_count(counts.documents, 'document')}, {_count(counts.records, 'record')}"
                  f"{skipped}{failed}[/dim]")
        if counts.undated:
            _warn(_undated_message(counts.undated))
    raise typer.Exit(EXIT_FAILED if counts.failed else EXIT_OK)


def _check_parquet() -> None:
    import importlib.util

    if importlib.util.find_spec("pyarrow") is None:
        _error("Parquet output needs pyarrow: pip install 'factx[parquet]'")
        raise typer.Exit(EXIT_USAGE)


def _check_engine_options(engine: Engine, address: Optional[str], workers: int) -> None:
    if engine is not Engine.ray and (address is not None or workers):
        raise typer.BadParameter("only with --engine ray; add --engine ray, or use --jobs N for worker processes "
                                 "on this machine", param_hint="--address" if address is not None else "--workers")


def _check_installed(model: str, engine: Engine) -> None:
    """The model (and, for --engine ray, Ray) is installed, else a usage error naming what to install."""
    from .pipeline import check_model

    try:
        check_model(model)
        if engine is Engine.ray:
            from . import ray_engine

            ray_engine.check()
    except FactxError as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_USAGE)


def _shows_progress(progress: Optional[bool], quiet: bool) -> bool:
    # NO_COLOR asks for no escape codes: the bar redraws with them, so it then shows only when asked for
    return progress if progress is not None else (not quiet and err.is_terminal and not os.environ.get("NO_COLOR"))


class _Nothing:
    """A writer that writes nothing: conflicts and report keep the records in memory instead."""

    def __init__(self, out=None):
        pass

    def write(self, records) -> bytes:
        return b""

    def close(self) -> None:
        pass


def _gather(inputs: list[str], options, *, model: str, jobs: int, engine: Engine, address: Optional[str],
            workers: int, kinds, errors: Optional[Path], progress: Optional[bool], quiet: bool):
    """Every document's (document, records) for the commands that look across documents (conflicts, report),
    run the way extract runs: the same engines, --kind, --errors, progress and warnings. Returns the results
    and the counts (failed documents were reported on stderr and in --errors)."""
    from .engine import Extraction, Interrupted
    from .inputs import count_documents

    _check_engine_options(engine, address, workers)
    _check_installed(model, engine)
    show_progress = _shows_progress(progress, quiet)
    bar = _Progress(show_progress, count_documents(inputs, options) if show_progress else None)
    job = Extraction(inputs, _Nothing, errors=errors, model=model, jobs=jobs, engine=engine.value, options=options,
                     kinds={k.value for k in kinds} if kinds else None, address=address, workers=workers, keep=[])
    try:
        job.open()
    except OSError as exc:
        _error(f"{exc.filename}: cannot write ({exc.strerror}); check the folder exists and is writable")
        raise typer.Exit(EXIT_FAILED)
    try:
        with bar:
            counts = job.execute(_Reporter(bar), quiet)
    except Interrupted:
        _error("interrupted")
        raise typer.Exit(EXIT_INTERRUPTED)
    return job.keep, counts


def _undated_message(n: int) -> str:
    return (f"{_count(n, 'document')} had no date, so times such as 'on Friday' or 'March 3' stayed unresolved "
            "(null or XXXX-); give --doc-date YYYY-MM-DD, a date field in JSON Lines (--date-key), or a dateline "
            "in the text")


class _Reporter:
    """How a run speaks to the person at the terminal: one-line errors and warnings, the progress bar."""

    def __init__(self, bar: "_Progress"):
        self.bar = bar

    def error(self, message: str) -> None:
        _error(message)

    def warning(self, message: str) -> None:
        _warn(message)

    def advance(self, records: int) -> None:
        self.bar.advance(records)


class _Progress:
    """A Rich progress bar on stderr (documents, records, docs/s, ETA), or nothing."""

    def __init__(self, enabled: bool, total: int | None):
        self.enabled = enabled
        self.records = 0
        if enabled:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)

            self.progress = Progress(
                SpinnerColumn(), TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
                TextColumn("docs  {task.fields[records]} records  {task.fields[rate]} docs/s"),
                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=err,
                transient=err.is_terminal)  # a terminal's bar is cleared at the end: the table follows on a clean
            # screen; a log file asked for progress keeps its last line
            self.task = self.progress.add_task("extract", total=total, records=0, rate="-")

    def __enter__(self):
        if self.enabled:
            self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        """End the display (a terminal's is erased); later calls do nothing."""
        if self.enabled:
            self.progress.stop()
            self.enabled = False

    def advance(self, records: int) -> None:
        if not self.enabled:
            return
        self.records += records
        task = self.progress.tasks[0]
        rate = task.speed
        self.progress.update(self.task, advance=1, records=self.records, rate=f"{rate:.1f}" if rate else "-")


def _silence_stdout() -> None:
    """After a closed pipe ('| head'), point stdout at /dev/null so Python's exit flush stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)  # the descriptor itself: an engine may have pointed sys.stdout elsewhere meanwhile


def _input_options(glob: str, text_key: str, id_key: str, date_key: str, doc_date: str | None, model: str):
    """The input options of a command, once its model is known to be installed (else a usage error)."""
    from .inputs import InputOptions
    from .pipeline import check_model

    options = InputOptions(glob=glob, text_key=text_key, id_key=id_key, date_key=date_key,
                           doc_date=_parse_date(doc_date))
    try:
        check_model(model)
    except FactxError as exc:
        _error(str(exc))
        raise typer.Exit(EXIT_USAGE)
    return options


def _collect(outcomes) -> tuple[list, int]:
    """(document, records) of every document that extracts; each problem is reported on stderr and counted."""
    results, failed = [], 0
    for outcome in outcomes:
        if outcome.problem is not None:
            failed += 1
            _error(outcome.error)
        elif outcome.error is not None:
            failed += 1
            _error(f"{outcome.document.id}: extraction failed ({outcome.error}); please report this with the input")
        else:
            results.append((outcome.document, outcome.records))
    return results, failed


@app.command(cls=_Command)
def show(
    articles: List[str] = typer.Argument(..., metavar="INPUT",
                                         help="Text files, '-' for stdin, or .jsonl files (pick an article with --id)."),
    doc_id: Optional[str] = typer.Option(None, "--id", metavar="ID", help="The id of the article inside a JSON Lines file."),
    doc_date: DocDateOption = None,
    model: ModelOption = DEFAULT_MODEL,
    text_key: TextKeyOption = "text",
    id_key: IdKeyOption = "id",
    date_key: DateKeyOption = "date",
    output_format: TextFormat = typer.Option(TextFormat.auto, "--format", "-f",
                                             help="auto or table: the article and its records for people; jsonl, "
                                              "json, csv: its records as extract writes them."),
) -> None:
    """Show each article with its figures highlighted and numbered, and the table of its records.

    Colours mark the kind of figure; plain text when the output is not a terminal or NO_COLOR is set.
    """
    from .engine import run_documents
    from .inputs import iter_documents
    from .views import article_view, render
    from .writers import WRITERS

    options = _input_options("*.txt", text_key, id_key, date_key, doc_date, model)
    problems = []
    chosen = []
    for article in articles:
        found = []
        for item in iter_documents([article], options):
            if isinstance(item, InputError):
                problems.append(item)
                _error(str(item))
            elif doc_id is None or item.id == doc_id:
                found.append(item)
        if doc_id is None and len(found) > 1:
            raise typer.BadParameter(f"{article} holds {len(found)} articles; pick one with --id", param_hint="--id")
        chosen.extend(found)
    if not chosen:
        if not problems:  # an unreadable input was reported already
            _error(f"{', '.join(articles)}: no article" + (f" with id '{doc_id}'; check --id" if doc_id else ""))
        raise typer.Exit(EXIT_FAILED)
    results, failed = _collect(run_documents(chosen, model=model, jobs=1))
    failed += len(problems)
    for document, records in results:
        if output_format in (TextFormat.auto, TextFormat.table):
            render(article_view(document.id, document.text, records), sys.stdout)
        else:
            writer = WRITERS[output_format.value](sys.stdout.buffer)
            writer.write(records)
            writer.close()
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


@app.command(cls=_Command)
def conflicts(
    inputs: List[str] = typer.Argument(..., metavar="INPUT", help="The same inputs as extract, across documents too."),
    doc_date: DocDateOption = None,
    output_format: TextFormat = typer.Option(TextFormat.auto, "--format", "-f",
                                             help="auto: from -o's extension (.csv, .json, .jsonl), else tables on "
                                                  "a terminal and JSON Lines when piped."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE",
                                          help="Write the claims to this file instead of stdout."),
    model: ModelOption = DEFAULT_MODEL,
    glob: GlobOption = "*.txt",
    text_key: TextKeyOption = "text",
    id_key: IdKeyOption = "id",
    date_key: DateKeyOption = "date",
    jobs: JobsOption = 0,
    errors: ErrorsOption = None,
    progress: ProgressOption = None,
    quiet: QuietOption = False,
    engine: EngineOption = Engine.local,
    address: AddressOption = None,
    kinds: KindsOption = None,
    workers: WorkersOption = 0,
    disagree_only: bool = typer.Option(False, "--disagree", help="Only the claims whose figures disagree."),
) -> None:
    """Line up figures that measure the same thing and flag sources that disagree.

    One entry per claim (same what, compatible unit, place and time) with two or
    more distinct sources or values; 'agree' is false when the ranges the figures
    allow do not overlap ("around 300" vs "4,000"; "more than 1,000" and "3,000" agree).
    """
    from .claims import conflicts as find_conflicts
    from .inputs import InputOptions
    from .views import conflicts_view, render
    from .writers import write_conflicts

    options = InputOptions(glob=glob, text_key=text_key, id_key=id_key, date_key=date_key,
                           doc_date=_parse_date(doc_date))
    output = _stdout_if_dash(output)
    _refuse_overwriting_inputs(inputs, options, output=output, errors=errors)
    fmt = _output_format(Format(output_format.value), output)
    if output is not None and fmt in ("table", "sqlite", "parquet"):
        raise typer.BadParameter(f"conflicts writes its claims as text, not {fmt}; name the file .jsonl, .json "
                                 "or .csv", param_hint="--output")
    results, counts = _gather(inputs, options, model=model, jobs=jobs, engine=engine, address=address,
                              workers=workers, kinds=kinds, errors=errors, progress=progress, quiet=quiet)
    records = [r for _, recs in results for r in recs]
    found = find_conflicts(records)
    if disagree_only:
        found = [c for c in found if not c["agree"]]
    try:
        if fmt == "table":
            render(conflicts_view(found), sys.stdout)
        elif output is not None:
            with open(output, "wb") as out:
                write_conflicts(found, fmt, out)
        else:
            write_conflicts(found, fmt, sys.stdout.buffer)
    except BrokenPipeError:
        _silence_stdout()
    except OSError as exc:
        _error(f"{output}: cannot write ({exc.strerror}); check the folder exists and is writable")
        raise typer.Exit(EXIT_FAILED)
    if not quiet:
        failed = f", {counts.failed} failed" if counts.failed else ""
        err.print(f"[dim]{_count(counts.documents, 'document')}, {_count(len(records), 'record')}{failed}, "
                  f"{_count(len(found), 'claim')} with several sources or values, "
                  f"{sum(not c['agree'] for c in found)} disagreeing[/dim]")
    raise typer.Exit(EXIT_FAILED if counts.failed else EXIT_OK)


@app.command(cls=_Command)
def report(
    inputs: List[str] = typer.Argument(..., metavar="INPUT", help="The same inputs as extract."),
    output: Path = typer.Option(Path("report.html"), "--output", "-o", metavar="FILE",
                                help="The HTML file to write.  [default: report.html in the current folder]",
                                show_default=False),
    open_page: bool = typer.Option(False, "--open", help="Open the page in the default browser when there is one."),
    doc_date: DocDateOption = None,
    model: ModelOption = DEFAULT_MODEL,
    glob: GlobOption = "*.txt",
    text_key: TextKeyOption = "text",
    id_key: IdKeyOption = "id",
    date_key: DateKeyOption = "date",
    jobs: JobsOption = 0,
    errors: ErrorsOption = None,
    progress: ProgressOption = None,
    quiet: QuietOption = False,
    engine: EngineOption = Engine.local,
    address: AddressOption = None,
    kinds: KindsOption = None,
    workers: WorkersOption = 0,
) -> None:
    """Write one HTML page to review the figures, sources and disagreements of the inputs.

    The page works offline (nothing is fetched): every article with its figures
    highlighted by kind, the record of a figure on hover or focus, a records table
    to sort and filter (kind, source, place, dates, free text) whose rows lead to
    their figure, and the claims whose sources disagree.

    \b
    Examples:
      factx report articles/ -o review.html --open
      factx report dump.jsonl --text-key body
    """
    from .claims import conflicts as find_conflicts
    from .inputs import InputOptions
    from .report import build

    options = InputOptions(glob=glob, text_key=text_key, id_key=id_key, date_key=date_key,
                           doc_date=_parse_date(doc_date))
    if output.suffix.lower() not in (".html", ".htm"):
        raise typer.BadParameter(f"the report is an HTML page; name it .html, not '{output.name}'",
                                 param_hint="--output")
    _refuse_overwriting_inputs(inputs, options, output=output, errors=errors)
    results, counts = _gather(inputs, options, model=model, jobs=jobs, engine=engine, address=address,
                              workers=workers, kinds=kinds, errors=errors, progress=progress, quiet=quiet)
    failed = counts.failed
    records = [r for _, recs in results for r in recs]
    articles = [{"id": d.id, "text": d.text, "date": d.date.isoformat() if d.date else None, "title": d.title}
                for d, _ in results]
    names = [Path(i).name or i for i in inputs]
    title = "factx report: " + ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    page = build(articles, records, find_conflicts(records), title=title)
    try:
        output.write_text(page, encoding="utf-8")
    except OSError as exc:
        _error(f"{output}: cannot write ({exc.strerror}); check the folder exists and is writable")
        raise typer.Exit(EXIT_FAILED)
    size = output.stat().st_size
    if not quiet:
        err.print(f"[dim]{_count(len(results), 'document')}, {_count(len(records), 'record')}; "
                  f"wrote {escape(str(output.resolve()))} ({size / 1e6:.1f} MB)[/dim]")
    if open_page:
        import webbrowser

        if not webbrowser.open(output.resolve().as_uri()):
            _warn("no browser to open it with here; open the file yourself")
    raise typer.Exit(EXIT_FAILED if failed else EXIT_OK)


@app.command(cls=_Command)
def schema() -> None:
    """Print the JSON Schema of a record."""
    from .records import json_schema

    sys.stdout.buffer.write(orjson.dumps(json_schema(), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))


def run() -> None:
    """Console-script entry point."""
    from . import batch

    batch.OWN_PROCESS = True  # factx's own process: its model may leave the garbage collector's reach
    try:
        app()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_OK)
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
