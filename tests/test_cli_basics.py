"""CLI basics people expect (ux issue, point 3): -h, shell completion, readable usage lines, engine options
that need their engine, NO_COLOR, and an API that dir() shows."""
import os
import pty
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from factx.cli import app


@pytest.mark.parametrize("command, usage", [
    ([], "Usage: factx [OPTIONS] COMMAND [ARGS]..."),
    (["extract"], "Usage: factx extract [OPTIONS] INPUT..."),
    (["conflicts"], "Usage: factx conflicts [OPTIONS] INPUT..."),
    (["report"], "Usage: factx report [OPTIONS] INPUT..."),
    (["show"], "Usage: factx show [OPTIONS] INPUT..."),
])
def test_h_is_help_with_a_readable_usage_line(command, usage):
    result = CliRunner().invoke(app, [*command, "-h"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == usage


def test_shell_completion_is_offered():
    result = CliRunner().invoke(app, ["--help"])
    assert "--install-completion" in result.stdout and "--show-completion" in result.stdout


@pytest.mark.parametrize("option, value", [("--address", "auto"), ("--workers", "3")])
def test_ray_options_without_the_ray_engine_are_a_usage_error(tmp_path, option, value):
    (tmp_path / "a.txt").write_text("Police said 12 people were hurt.\n")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), option, value])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"error: {option}: only with --engine ray; add --engine ray, or use --jobs N for worker "
                             "processes on this machine (see factx extract --help)\n")


def _on_a_terminal(args, env) -> bytes:
    """Run factx with stdout and stderr on a pseudo-terminal; all it wrote."""
    main, child = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "factx", *args], stdout=child, stderr=child, stdin=subprocess.DEVNULL,
                            env={**os.environ, **env}, close_fds=True)
    os.close(child)
    out = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait(timeout=120)
    os.close(main)
    return out


def test_no_color_means_no_escape_codes_on_a_terminal(tmp_path):
    (tmp_path / "a.txt").write_text("Police said 12 people were hurt on Friday.\n")
    out = _on_a_terminal(["extract", str(tmp_path / "a.txt"), "--doc-date", "2025-02-28"],
                         {"NO_COLOR": "1", "COLUMNS": "80"})
    assert b"\x1b" not in out
    assert "│12     │ 12    │ people │ Police │".encode() in out.replace(b"\r", b"")


def test_on_a_terminal_the_progress_bar_is_gone_before_the_table(tmp_path):
    (tmp_path / "a.txt").write_text("Police said 12 people were hurt on Friday.\n")
    env = {"COLUMNS": "80", "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    out = _on_a_terminal(["extract", str(tmp_path / "a.txt"), "--doc-date", "2025-02-28", "--progress"], env)
    shown = out.decode("utf-8", "replace")
    table = shown.index("┏")
    last_frame = shown.rfind("extracting", 0, table)
    assert last_frame >= 0 and "extracting" not in shown[table:]  # the bar ran, and only before the table
    assert "\x1b[1A\x1b[2K" in shown[last_frame:table]  # its last frame erased before the table is written


def test_dir_shows_the_api():
    import factx

    assert dir(factx) == ["Outcome", "Record", "__version__", "extract", "extract_many", "run"]


@pytest.mark.parametrize("args, message", [
    (["--jobs", "-1"], "error: --jobs: must be 0 or more (see factx extract --help)"),
    (["--jobs", "x"], "error: --jobs: must be a whole number, e.g. 4 (see factx extract --help)"),
    (["--format", "xml"], "error: --format: 'xml' is not one of the choices; choose one of auto, jsonl, json, csv, "
                          "table, sqlite, parquet (see factx extract --help)"),
    (["--engine", "spark"], "error: --engine: 'spark' is not one of the choices; choose one of local, ray (see factx "
                            "extract --help)"),
    ([], "error: missing INPUT... (see factx extract --help)"),
])
def test_usage_errors_in_factx_s_words(args, message):
    result = CliRunner().invoke(app, ["extract", *args] + (["-"] if args else []), input="12 people.\n")
    assert (result.exit_code, result.stderr) == (2, message + "\n")


@pytest.mark.parametrize("command, row", [(["extract"], "  INPUT...  Text files"), (["show"], "  INPUT...  Text files"),
                                          (["conflicts"], "  INPUT...  The same inputs")])
def test_arguments_are_listed_as_people_write_them(command, row):
    lines = CliRunner().invoke(app, [*command, "--help"]).stdout.splitlines()
    assert any(line.startswith(row) for line in lines) and not any("<list[str]>" in line for line in lines)


def test_show_and_conflicts_write_text_formats_only(tmp_path):
    result = CliRunner().invoke(app, ["show", "-", "--format", "sqlite"], input="12 people.")
    assert result.exit_code == 2 and "choose one of auto, jsonl, json, csv, table (see" in result.stderr
    result = CliRunner().invoke(app, ["conflicts", "-", "-o", str(tmp_path / "claims.db")], input="12 people.")
    assert result.exit_code == 2
    assert "conflicts writes its claims as text, not sqlite; name the file .jsonl, .json or .csv" in result.stderr
