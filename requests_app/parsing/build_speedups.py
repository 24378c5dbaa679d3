"""Compile the parser's hot modules with Cython into _compiled/ (see speedups.py).

    python -m requests_app.parsing.build_speedups [--clean]

Run by `make setup` and `make test` whenever a parser module changed. A build that fails (no C
compiler, say) says why in one line and leaves the parser running as pure Python.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from requests_app.parsing.speedups import COMPILED, DIGEST_FILE, HERE, MODULES, is_current, source_digest


def build(jobs: int = 2, out=print) -> Path:
    """Compile MODULES into _compiled/; the digest is written last, so a failed build is never used."""
    import tempfile
    import time

    from Cython.Build import cythonize
    from setuptools import Extension, setup

    digest = source_digest()
    started = time.monotonic()
    out(f"compiling {len(MODULES)} parser modules with Cython ({jobs} at a time; about a minute) ...")
    with tempfile.TemporaryDirectory(prefix="foitracker-cython-") as tmp:
        work = Path(tmp)
        sources = work / "src" / "requests_app" / "parsing"
        sources.mkdir(parents=True)
        for name in MODULES:  # copies: the generated .c files stay out of the checkout
            shutil.copy2(HERE / f"{name}.py", sources / f"{name}.py")
        extensions = [Extension(f"requests_app.parsing.{name}", [str(sources / f"{name}.py")]) for name in MODULES]
        # annotation_typing off: the annotations document types, they must not become C checks; no binding:
        # plain C functions (the parser introspects none of its own).
        compiled = cythonize(extensions, nthreads=jobs, quiet=True, build_dir=str(work / "c"),
                             compiler_directives={"language_level": 3, "annotation_typing": False, "binding": False})
        setup(name="foitracker-parser-speedups", ext_modules=compiled, packages=[], py_modules=[],
              script_name="speedups", script_args=["-q", "build_ext", "--build-lib", str(work / "lib"),
                                                   "--build-temp", str(work / "tmp"), "-j", str(jobs)])
        built = sorted((work / "lib" / "requests_app" / "parsing").iterdir())
        if len(built) != len(MODULES):
            raise RuntimeError(f"Cython built {len(built)} of {len(MODULES)} modules")
        shutil.rmtree(COMPILED, ignore_errors=True)
        COMPILED.mkdir()
        for path in built:
            shutil.copy2(path, COMPILED / path.name)
    (COMPILED / DIGEST_FILE).write_text(digest + "\n")
    out(f"compiled {len(MODULES)} modules into {COMPILED} in {time.monotonic() - started:.0f} s")
    return COMPILED


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--clean"]:
        shutil.rmtree(COMPILED, ignore_errors=True)
        print(f"removed {COMPILED}: the parser runs as pure Python")
        return 0
    try:
        if is_current():
            print(f"the compiled parser modules in {COMPILED} are of the current sources")
            return 0
        build(jobs=max(1, min(os.cpu_count() or 1, 4)))
    except Exception as exc:  # no compiler, no Cython: the parser runs as pure Python, as it always can
        print(f"could not compile the parser ({type(exc).__name__}: {exc}); it runs as pure Python", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
