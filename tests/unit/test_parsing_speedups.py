"""The compiled parser modules (requests_app/parsing/speedups.py): used only when built from the
sources on disk, and parsing exactly as the Python modules do."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from requests_app.parsing import parse_text, speedups

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def sources(tmp_path):
    """A copy of the parser's sources and a 'compiled' folder whose digest is of them."""
    folder = tmp_path / "parsing"
    folder.mkdir()
    for name in speedups.MODULES:
        shutil.copy2(speedups.HERE / f"{name}.py", folder / f"{name}.py")
    compiled = tmp_path / "_compiled"
    compiled.mkdir()
    (compiled / speedups.DIGEST_FILE).write_text(speedups.source_digest(folder) + "\n")
    for name in speedups.MODULES:
        (compiled / f"{name}{speedups._SUFFIX}").write_bytes(b"")  # (only their presence is asked)
    return folder, compiled


def test_a_build_of_these_sources_is_searched_first(sources, monkeypatch):
    folder, compiled = sources
    monkeypatch.delenv(speedups.PURE_ENV, raising=False)
    assert speedups.search_path([str(folder)], compiled, folder) == [str(compiled), str(folder)]


def test_a_module_edited_after_the_build_turns_the_build_off(sources, monkeypatch):
    folder, compiled = sources
    monkeypatch.delenv(speedups.PURE_ENV, raising=False)
    with open(folder / "totals.py", "a") as module:
        module.write("\n# an edit\n")
    assert speedups.search_path([str(folder)], compiled, folder) == [str(folder)]


def test_no_digest_no_build(sources, monkeypatch):
    folder, compiled = sources
    monkeypatch.delenv(speedups.PURE_ENV, raising=False)
    (compiled / speedups.DIGEST_FILE).unlink()
    assert speedups.search_path([str(folder)], compiled, folder) == [str(folder)]


def test_a_build_missing_a_module_is_not_used(sources, monkeypatch):
    folder, compiled = sources
    monkeypatch.delenv(speedups.PURE_ENV, raising=False)
    (compiled / f"nesting{speedups._SUFFIX}").unlink()  # a build for another platform names its files otherwise
    assert speedups.search_path([str(folder)], compiled, folder) == [str(folder)]


@pytest.mark.parametrize("value, pure", [("1", True), ("yes", True), ("0", False), ("", False)])
def test_the_environment_can_ask_for_pure_python(sources, monkeypatch, value, pure):
    folder, compiled = sources
    monkeypatch.setenv(speedups.PURE_ENV, value)
    assert (speedups.search_path([str(folder)], compiled, folder) == [str(folder)]) is pure


def test_the_digest_is_of_every_module(sources):
    folder, _ = sources
    before = speedups.source_digest(folder)
    for name in speedups.MODULES:
        path = folder / f"{name}.py"
        original = path.read_bytes()
        path.write_bytes(original + b" ")
        assert speedups.source_digest(folder) != before, name
        path.write_bytes(original)
    assert speedups.source_digest(folder) == before


def test_this_process_runs_the_build_exactly_when_it_is_current():
    wanted = speedups.is_current() and os.environ.get(speedups.PURE_ENV, "") in ("", "0")
    assert speedups.active() is wanted


def _inputs() -> dict[str, str]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import parsing_bench
    finally:
        sys.path.remove(str(ROOT / "bench"))
    texts = {f"generated {seed}": parsing_bench.TextGen(seed).build(150_000) for seed in (1, 2, 3)}
    texts.update({path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))})
    return texts


_PURE_RUN = """
import json, sys
from requests_app.parsing import parse_text, speedups
assert not speedups.active()
texts = json.load(sys.stdin)
json.dump({name: parse_text(text).as_json() for name, text in texts.items()}, sys.stdout, default=str)
"""


@pytest.mark.skipif(not speedups.active(), reason="the parser runs as pure Python here: nothing to compare")
def test_the_compiled_modules_parse_as_the_python_ones_do():
    texts = _inputs()
    assert len(texts) >= 8 if SEEDS.exists() else len(texts) == 3
    pure = subprocess.run([sys.executable, "-c", _PURE_RUN], input=json.dumps(texts), capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, speedups.PURE_ENV: "1"}, check=True)
    expected = json.loads(pure.stdout)
    compiled = json.loads(json.dumps({name: parse_text(text).as_json() for name, text in texts.items()}, default=str))
    assert sum(len(parsed["tables"]) for parsed in compiled.values()) > 100
    for name in texts:
        assert compiled[name] == expected[name], name
