"""Benchmark: deadlines.response_due() against a plain day-by-day loop (no Django).

    .venv/bin/python bench/deadlines_bench.py [--n 200000] [--seed 1] [--repeats 3]

Samples --n (received date, regime) pairs, received dates uniform over 2000-2040 and
regimes uniform over foia/eir/foisa/eisr. The baseline builds, once per regime, the set
of closed days (deadlines.bank_holidays(regime, years) plus every Saturday and Sunday)
and steps one day at a time until it has counted 20 working days. Both must agree on
every sampled date (the run aborts otherwise); then each is timed, best of --repeats,
with time.perf_counter. Cold start is the first call after the engine's calendar
caches are cleared (it builds the calendar), best of --repeats as well.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from requests_app import deadlines  # noqa: E402  (pure Python: no Django import)

FIRST_YEAR, LAST_YEAR = 2000, 2040
TARGET_RATIO = 10.0
WORKING_DAYS = 20


def sample(n: int, seed: int) -> list[tuple[date, str]]:
    rng = random.Random(seed)
    first = date(FIRST_YEAR, 1, 1).toordinal()
    last = date(LAST_YEAR, 12, 31).toordinal()
    return [(date.fromordinal(rng.randint(first, last)), rng.choice(deadlines.REGIMES)) for _ in range(n)]


def closed_days(regime: str) -> set[date]:
    """Bank holidays of the regime plus weekends, over the sample years and one year after."""
    years = range(FIRST_YEAR - 1, LAST_YEAR + 2)
    closed = set(deadlines.bank_holidays(regime, years))
    day, end = date(years[0], 1, 1), date(years[-1], 12, 31)
    while day <= end:
        if day.weekday() >= 5:
            closed.add(day)
        day += timedelta(days=1)
    return closed


def naive_due(received: date, closed: set[date]) -> date:
    """Step one day at a time from the day of receipt (day 0) to the 20th working day."""
    day, counted, one = received, 0, timedelta(days=1)
    while counted < WORKING_DAYS:
        day += one
        if day not in closed:
            counted += 1
    return day


def run_engine(pairs):
    due = deadlines.response_due
    return [due(d, r) for d, r in pairs]


def run_naive(pairs, closed_by_regime):
    return [naive_due(d, closed_by_regime[r]) for d, r in pairs]


def best_of(repeats: int, fn, *args) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - started)
    return best


def clear_engine_caches() -> None:
    deadlines._calendars.clear()
    deadlines._due_tables.clear()


def cold_start(repeats: int) -> tuple[float, float]:
    """Seconds for the first response_due() call of each calendar (UK, Scotland), caches cleared."""
    uk = sct = float("inf")
    probe = date(2025, 3, 14)
    for _ in range(repeats):
        clear_engine_caches()
        t0 = time.perf_counter()
        deadlines.response_due(probe, "foia")
        t1 = time.perf_counter()
        deadlines.response_due(probe, "foisa")
        t2 = time.perf_counter()
        uk, sct = min(uk, t1 - t0), min(sct, t2 - t1)
    return uk, sct


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=200_000, help="sampled received dates (default 200000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats, best kept (default 3)")
    args = parser.parse_args(argv)

    # The very first call in this process: lazy `holidays` country loading plus the calendar build.
    clear_engine_caches()
    t0 = time.perf_counter()
    deadlines.response_due(date(2025, 3, 14), "foia")
    first_in_process = time.perf_counter() - t0

    pairs = sample(args.n, args.seed)
    t0 = time.perf_counter()
    closed_by_regime = {r: closed_days(r) for r in deadlines.REGIMES}
    baseline_setup = time.perf_counter() - t0

    print(f"# response_due() benchmark: n={args.n}, seed={args.seed}, received {FIRST_YEAR}-{LAST_YEAR}, "
          f"regimes {'/'.join(deadlines.REGIMES)}, best of {args.repeats}")
    print(f"checking {args.n} dates against the day-by-day loop ...", flush=True)
    engine_out = run_engine(pairs)
    naive_out = run_naive(pairs, closed_by_regime)
    mismatches = [(d, r, e, n) for (d, r), e, n in zip(pairs, engine_out, naive_out) if e != n]
    if mismatches:
        for d, r, e, n in mismatches[:10]:
            print(f"MISMATCH received={d} regime={r}: response_due={e} day-by-day={n}", file=sys.stderr)
        print(f"ABORT: {len(mismatches)} of {args.n} dates differ; no timings reported.", file=sys.stderr)
        return 1
    print(f"all {args.n} due dates identical", flush=True)

    engine_s = best_of(args.repeats, run_engine, pairs)
    naive_s = best_of(args.repeats, run_naive, pairs, closed_by_regime)
    cold_uk, cold_sct = cold_start(args.repeats)
    engine_rate, naive_rate = args.n / engine_s, args.n / naive_s
    ratio = engine_rate / naive_rate

    print()
    print("| method | calls | best time (s) | calls/s | µs/call |")
    print("|---|---:|---:|---:|---:|")
    print(f"| deadlines.response_due (warm calendar) | {args.n} | {engine_s:.3f} | {engine_rate:,.0f} | "
          f"{1e6 * engine_s / args.n:.2f} |")
    print(f"| day-by-day loop over the same holiday set | {args.n} | {naive_s:.3f} | {naive_rate:,.0f} | "
          f"{1e6 * naive_s / args.n:.2f} |")
    print()
    print("| cold start | ms |")
    print("|---|---:|")
    print(f"| first response_due() in the process (holidays lazy import + UK calendar build) | {1e3 * first_in_process:.1f} |")
    print(f"| first call, caches cleared: UK calendar (FOIA/EIR) build, best of {args.repeats} | {1e3 * cold_uk:.1f} |")
    print(f"| first call, caches cleared: Scottish calendar (FOISA/EIRs) build, best of {args.repeats} | {1e3 * cold_sct:.1f} |")
    print(f"| baseline: build the 4 closed-day sets ({FIRST_YEAR - 1}-{LAST_YEAR + 1}) | {1e3 * baseline_setup:.1f} |")
    print()
    verdict = "ok" if ratio >= TARGET_RATIO else "BELOW TARGET"
    print(f"ratio: {ratio:.1f}x (target >= {TARGET_RATIO:g}x) {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
