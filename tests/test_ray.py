"""--engine ray on a local Ray with 2 CPUs: the local engine's records, messages and exit codes, byte for byte."""
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
pytestmark = pytest.mark.ray


@pytest.fixture(scope="module")
def cluster():
    """One Ray started beforehand (as a cluster is) for the tests that attach to it: (address, client port).
    The tests that need a Ray of factx's own start theirs."""
    pytest.importorskip("ray")
    ray_cli = str(Path(sys.executable).parent / "ray")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = subprocess.run([ray_cli, "start", "--head", "--num-cpus=2", "--include-dashboard=false",
                              "--disable-usage-stats", f"--ray-client-server-port={port}"], capture_output=True)
    assert started.returncode == 0, started.stderr
    try:
        yield "auto", port
    finally:
        subprocess.run([ray_cli, "stop", "--force"], capture_output=True)


def factx(*args, input: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factx", "extract", *map(str, args)], capture_output=True,
                          timeout=600, input=input, env=env)


def test_ray_engine_equals_local(tmp_path):
    pytest.importorskip("ray")
    folder = tmp_path / "articles"
    folder.mkdir()
    for i, sample in enumerate(sorted(SAMPLES.glob("*.txt")) * 4):
        (folder / f"{i:02d}-{sample.name}").write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    local = factx(folder, "-j", "2", "-q", "--errors", tmp_path / "local-errors.jsonl")
    ray = factx(folder, "--engine", "ray", "--workers", "2", "-q", "--errors", tmp_path / "ray-errors.jsonl")
    assert local.returncode == ray.returncode == 1  # the binary file fails in both, the rest goes on
    assert sorted(ray.stdout.splitlines()) == sorted(local.stdout.splitlines())
    assert ray.stdout == local.stdout  # in input order too
    assert len(local.stdout.splitlines()) > 100
    assert (tmp_path / "ray-errors.jsonl").read_text() == (tmp_path / "local-errors.jsonl").read_text()


def test_without_ray_the_engine_names_the_extra(monkeypatch):
    import builtins

    from typer.testing import CliRunner

    from factx.cli import app

    real_import = builtins.__import__

    def no_ray(name, *args, **kwargs):
        if name == "ray" or name.startswith("ray."):
            raise ImportError("No module named 'ray'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    result = CliRunner().invoke(app, ["extract", "-", "--engine", "ray"], input="5 cats.")
    assert result.exit_code == 2
    assert result.stderr.strip() == ("error: --engine ray needs the ray extra: pip install 'factx[ray]' "
                                     "(or use the local engine)")


def test_ray_reads_json_lines_and_stdin_as_local_does(tmp_path, cluster):
    """Bad lines, a duplicate id and an empty text: the same records, messages and error log as local."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    lines = [json.dumps({"id": f"a{i}", "text": t, "date": "2010-05-07"}) for i, t in enumerate(texts * 3)]
    lines[2:2] = ["{not json", "[1, 2]", json.dumps({"id": "x"}), json.dumps({"id": "a0", "text": texts[1]}),
                  json.dumps({"id": "blank", "text": "  "})]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    runs = {}
    for engine in ("local", "ray"):
        errors = tmp_path / f"{engine}-errors.jsonl"
        result = factx(dump, "-", "--engine", engine, "-j", "2", "--errors", errors,
                       *(["--address", cluster[0], "--workers", "2"] if engine == "ray" else []),
                       input=texts[0].encode())
        runs[engine] = (result.returncode, result.stdout, result.stderr, errors.read_bytes())
    assert runs["ray"] == runs["local"]
    code, stdout, stderr, errors = runs["ray"]
    assert code == 1 and stdout.count(b"\n") > 100
    assert stderr.count(b"error: ") == 3 and b"duplicate id 'a0'" in stderr  # Ray's own chatter stays out


def test_ray_resumes_what_another_run_left(tmp_path, cluster):
    """A run cut short (here: by the local engine, on the first documents), resumed with Ray: the output is
    the uninterrupted one, byte for byte, including a document repeated with the same id and text."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    rows = [{"id": f"d{i}", "text": texts[i % 3]} for i in range(12)]
    rows.insert(5, rows[2])  # the same document twice: the cut-short run's manifest lists it once
    full, head = tmp_path / "full.jsonl", tmp_path / "head.jsonl"
    full.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    head.write_text("".join(json.dumps(r) + "\n" for r in rows[:4]), encoding="utf-8")
    expected, out = tmp_path / "expected.jsonl", tmp_path / "out.jsonl"
    assert factx(full, "-o", expected, "-q").returncode == 0
    assert factx(head, "-o", out, "-q").returncode == 0
    result = factx(full, "-o", out, "--resume", "--engine", "ray", "--workers", "2", "--address", cluster[0])
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == expected.read_bytes()
    assert b"4 already done" in result.stderr


def test_attached_to_a_running_ray_by_address_and_by_ray_client(tmp_path, cluster):
    """A Ray started beforehand (as a cluster is): `--address auto` and `--address ray://...` (Ray Client,
    where the rows are pulled from an actor on the cluster) give the local engine's records."""
    address, port = cluster
    local = factx(SAMPLES, "-q")
    auto = factx(SAMPLES, "--engine", "ray", "--address", address, "-q")  # an actor per CPU of the cluster
    for _ in range(2):
        client = factx(SAMPLES, "--engine", "ray", "--workers", "2", "--address", f"ray://127.0.0.1:{port}", "-q",
                       # a loaded machine can take Ray's client server longer than its first 5 s
                       env={**os.environ, "RAY_AUTH_MODE": "token", "RAY_CLIENT_INITIAL_CONNECTION_TIMEOUT_S": "30"})
        # Ray's client proxy can time out starting the per-client server on a loaded 2-core machine
        # ('Initialization failure from server'); factx then says it cannot attach, which is right. Once more.
        if not (client.returncode == 1 and b"cannot attach" in client.stderr):
            break
    assert (auto.returncode, auto.stdout, auto.stderr) == (0, local.stdout, b""), auto.stderr
    assert (client.returncode, client.stdout, client.stderr) == (0, local.stdout, b""), client.stderr


def test_an_address_where_nothing_answers_is_one_line_and_exit_1(tmp_path):
    pytest.importorskip("ray")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # free once the probe closes: nothing listens there
    result = factx(SAMPLES, "--engine", "ray", "--address", f"127.0.0.1:{port}", "-q")
    assert result.returncode == 1 and result.stdout == b""
    assert result.stderr.decode() == (f"error: cannot attach to the Ray cluster at 127.0.0.1:{port} (nothing answers "
                                      f"at 127.0.0.1:{port}: Connection refused); check the address\n")


def test_ray_writes_sqlite_and_parquet_as_local_does(tmp_path, cluster):
    pytest.importorskip("pyarrow")
    import sqlite3

    import pyarrow.parquet as pq

    rows = [{"id": f"d{i}", "text": p.read_text(encoding="utf-8"), "date": "2010-05-07"}
            for i, p in enumerate(sorted(SAMPLES.glob("*.txt")))]
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    got = {}
    for engine in ("local", "ray"):
        extra = ["--address", cluster[0], "--workers", "2"] if engine == "ray" else []
        db, parquet = tmp_path / f"{engine}.db", tmp_path / f"{engine}.parquet"
        assert factx(dump, "--engine", engine, "-o", db, "-q", *extra).returncode == 0
        assert factx(dump, "--engine", engine, "-o", parquet, "-q", *extra).returncode == 0
        records = [r[0] for r in sqlite3.connect(db).execute("SELECT record FROM records ORDER BY rowid")]
        got[engine] = (records, pq.read_table(parquet).to_pylist())
    assert got["ray"] == got["local"] and len(got["local"][0]) > 50


POISON_COMPONENT = '''
import os
if os.environ.get("FACTX_TEST_POISON"):
    from spacy.language import Language

    @Language.component("factx_test_poison")
    def factx_test_poison(doc):
        if "POISON-PILL" in doc.text:
            os._exit(3)  # what a document that exhausts memory does to its worker: the process is gone
        return doc
'''


def test_ray_isolates_a_document_that_kills_every_worker_it_touches(tmp_path):
    """Fault injection: a test-only pipeline component ends its process on a marker text. The job completes,
    that one document is reported as failed (error file, exit code 1) and every other record is written."""
    pytest.importorskip("ray")

    from factx.resources import DEFAULT_MODEL

    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(POISON_COMPONENT)
    env = {**os.environ, "PYTHONPATH": str(hooks), "FACTX_TEST_POISON": "1"}
    model = tmp_path / "poisoned"
    subprocess.run([sys.executable, "-c", f"import spacy; nlp = spacy.load({DEFAULT_MODEL!r}); "
                    f"nlp.add_pipe('factx_test_poison', first=True); nlp.to_disk({str(model)!r})"],
                   env=env, check=True, capture_output=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    rows = [{"id": f"d{i}", "text": texts[i % len(texts)]} for i in range(10)]
    rows[6] = {"id": "poison", "text": "The POISON-PILL document counts 12 cats."}
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    ray = factx(dump, "--engine", "ray", "--workers", "2", "--model", model, "-q", "--errors", errors, env=env)
    assert ray.returncode == 1, ray.stderr
    [error] = [json.loads(line) for line in errors.read_text().splitlines()]
    assert error["id"] == "poison" and error["kind"] == "extraction" and "worker died" in error["message"]
    clean = tmp_path / "clean.jsonl"
    clean.write_text("".join(json.dumps(r) + "\n" for r in rows if r["id"] != "poison"), encoding="utf-8")
    local = factx(clean, "-j", "1", "--model", model, "-q", env=env)
    assert local.returncode == 0 and ray.stdout == local.stdout and len(local.stdout.splitlines()) > 30
