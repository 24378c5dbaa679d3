"""The parser's hot modules compiled with Cython, used only when built from the sources on disk.

The parser is pure Python and runs as such anywhere. `python -m requests_app.parsing.build_speedups`
(run by `make setup`) compiles the modules in MODULES, their Python source unchanged, into
_compiled/ beside them, and writes there the digest of the sources it compiled. On import,
requests_app.parsing looks in _compiled/ first only while that digest is the digest of the
sources now on disk: a module edited since the build is never shadowed by a stale one, the
whole package falls back to its .py files until the next build. FOITRACKER_PURE_PARSER=1
turns the compiled modules off (CI runs the suite once each way; the benchmarks say which ran).

Compiled, parse_text() takes about 0.8 of its pure-Python time (BENCHMARKS.md); the parses
are the same (tests/unit/test_parsing_speedups.py compares both on the seeds and generated replies).
"""
from __future__ import annotations

import hashlib
import importlib.machinery
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMPILED = HERE / "_compiled"
DIGEST_FILE = "SOURCES.sha256"
# The modules parse_text() spends its time in (reply.py, the readers and this one stay Python).
MODULES = ("text", "tables", "nesting", "totals", "values", "facts", "facts_dates", "model", "scan")
PURE_ENV = "FOITRACKER_PURE_PARSER"
_SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]  # ".cpython-311-x86_64-linux-gnu.so"


def source_digest(folder: Path = HERE, modules: tuple[str, ...] = MODULES) -> str:
    """One SHA-256 over the modules' names and sources (and the Python that will load them)."""
    digest = hashlib.sha256(sys.implementation.cache_tag.encode())
    for name in modules:
        digest.update(f"\0{name}\0".encode())
        digest.update((folder / f"{name}.py").read_bytes())
    return digest.hexdigest()


def search_path(package_path: list[str], compiled: Path = COMPILED, folder: Path = HERE) -> list[str]:
    """The package's module search path: the compiled folder first when its build is of these sources."""
    if os.environ.get(PURE_ENV, "") not in ("", "0") or not is_current(compiled, folder):
        return list(package_path)
    return [str(compiled), *package_path]


def is_current(compiled: Path = COMPILED, folder: Path = HERE) -> bool:
    """Whether `compiled` holds a build of the sources in `folder` as they are now, every module of it."""
    try:
        built = (compiled / DIGEST_FILE).read_text().strip()
    except OSError:
        return False
    return built == source_digest(folder) and all(
        (compiled / f"{name}{_SUFFIX}").is_file() for name in MODULES)  # (a build for another platform lacks them)


def active() -> bool:
    """Whether this process parses with the compiled modules."""
    from requests_app.parsing import text

    return Path(text.__file__).parent == COMPILED
