"""Benchmark: instructions the text parser executes, this checkout against another revision.

    .venv/bin/python bench/parsing_instructions.py [--against REV] [--mb 1] [--phase all|grids|tables|facts]

Wall-clock throughput (bench/parsing_bench.py) is the target's measure, but on a shared 2-core
machine its best-of-5 swings by 10% from one hour to the next, more than most single changes
move it. Instructions retired do not: under valgrind (cachegrind, no cache simulation) the same
code on the same input executes the same number, to within 0.1%, whatever else the machine
runs. This script counts them for parse_text() on the first --mb MB of the generated reply of
parsing_bench.py, for this checkout and for REV (a git worktree made for the run and removed
after), each less the same run on no text (start-up, imports, warm-up), and prints both and
their ratio. Both run as pure Python (FOITRACKER_PURE_PARSER=1: a revision's worktree has no
compiled modules, and the count is of the Python code). PYTHONHASHSEED is fixed so that dict
and set layouts are the same in every run.

Needs valgrind (`apt-get install valgrind`); each count takes about 20 s a MB.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_RUN = r"""
import sys
sys.path.insert(0, {root!r}); sys.path.insert(1, {bench!r})
import parsing_bench as pb
from requests_app.parsing import parse_text, text as T, tables as B, facts as F
assert T.__file__.startswith({root!r}), T.__file__
reply = pb.TextGen(1).build(int({mb} * pb.MB))[:int({mb} * pb.MB)] if {mb} else ""
parse_text(pb.TextGen(2).build(20_000)[:20_000])  # imports, compiled patterns, caches warm
grids, prose = T.find_grids_and_prose(reply)
own = F.own_part(prose)
if {count}:
    phase = {phase!r}
    if phase == "all":
        parse_text(reply)
    elif phase == "grids":
        T.find_grids_and_prose(reply)
    elif phase == "tables":
        [B.build_table(g) for g in grids]
    else:
        F.extract_facts(own)
"""


def instructions(root: Path, mb: float, phase: str, count: bool) -> int:
    # (each revision's own bench/parsing_bench.py: it puts its own checkout first on sys.path)
    code = _RUN.format(root=str(root), bench=str(root / "bench"), mb=mb, phase=phase, count=int(count))
    env = dict(os.environ, PYTHONHASHSEED="0", FOITRACKER_PURE_PARSER="1")  # Python against Python
    done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                           sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=root)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if done.returncode or not found:
        sys.exit(f"valgrind run failed in {root}: {done.stderr.strip().splitlines()[-1:]}")
    return int(found.group(1).replace(",", ""))


def counted(root: Path, mb: float, phase: str) -> int:
    return instructions(root, mb, phase, True) - instructions(root, mb, phase, False)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="HEAD", help="the revision to compare with (default: HEAD)")
    parser.add_argument("--mb", type=float, default=1.0, help="MB of generated reply text (default 1)")
    parser.add_argument("--phase", choices=("all", "grids", "tables", "facts"), default="all")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        subprocess.run(["git", "worktree", "add", "--detach", str(other), args.against], cwd=ROOT, check=True,
                       capture_output=True)
        try:
            print(f"counting instructions for {args.phase} on {args.mb:g} MB (about 20 s a MB a count) ...", flush=True)
            theirs = counted(other, args.mb, args.phase)
            ours = counted(ROOT, args.mb, args.phase)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(other)], cwd=ROOT, capture_output=True)
    print(f"| phase | {args.against} | this checkout | ratio |\n|---|---:|---:|---:|\n"
          f"| {args.phase} ({args.mb:g} MB) | {theirs / 1e6:,.0f} M | {ours / 1e6:,.0f} M | {ours / theirs:.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
