"""--engine ray on a local Ray with 2 CPUs gives the local engine's records, byte for byte after sorting."""
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
pytestmark = pytest.mark.ray


def factx(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factx", "extract", *map(str, args)], capture_output=True,
                          timeout=600)


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
