"""Benchmark: services.deadlines_recompute() over many open requests, against a naive loop.

    .venv/bin/python bench/recompute_bench.py [--n 100000] [--naive-n 5000] [--seed 1]
        [--database-url postgres://postgres@127.0.0.1:5432/foitracker_bench] [--profile] [--tracemalloc]

Builds a throwaway database (SQLite under /tmp by default; with --database-url a
PostgreSQL database, created if missing and dropped afterwards), migrates it (the 48
police forces ship with the migrations) and bulk-creates --n open requests sent across
2024-2026, a few percent with a clarification request, fees notice, extension or
substantive response (some responses followed by an internal review). It then times:

  naive  selectors.request_deadlines() + request.save(update_fields=...) per request on a
         --naive-n sample, in autocommit and inside one transaction, extrapolated per row
  (a)    deadlines_recompute() over every open request, all stored deadlines empty
  (b)    the same again: nothing changed
  (c1)   one ExtraNonWorkingDay added, services.extra_day_saved()
  (c2)   35 more (the first Wednesday of every month 2024-2026 but July 2025) added,
         services.extra_day_saved() once:
         this moves most of the open requests

Memory is the peak RSS during each phase (VmHWM, reset per phase through
/proc/self/clear_refs), and with --tracemalloc also the peak of Python allocations
(tracemalloc slows the timed code down, so use it for memory, not for times).
DEBUG is forced off so Django does not log every query.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 60.0
TARGET_ROWS = 100_000
GEN_CHUNK = 5000


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="open requests to generate (default 100000)")
    parser.add_argument("--naive-n", type=int, default=5000, help="sample for the naive per-request loop (default 5000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=1000, help="bulk_create batch_size for generation")
    parser.add_argument("--database-url", help="e.g. postgres://postgres@127.0.0.1:5432/foitracker_bench "
                                               "(default: a temporary SQLite file in /tmp)")
    parser.add_argument("--profile", action="store_true",
                        help="cProfile phase (a) and print the top 15 lines by cumulative time")
    parser.add_argument("--tracemalloc", action="store_true", help="also report tracemalloc peaks (slower)")
    return parser.parse_args(argv)


# ---------------------------------------------------------------- database set-up / clean-up

class Database:
    """The throwaway database: a SQLite file, or a PostgreSQL database created (or emptied) and removed."""

    def __init__(self, url: str | None):
        self.var_dir = tempfile.mkdtemp(prefix="foitracker-bench-var-")
        self.pg = None
        if url is None:
            self.sqlite_path = f"/tmp/foitracker-bench-{os.getpid()}.sqlite3"
            self.url = f"sqlite:///{self.sqlite_path}"
        else:
            self.sqlite_path = None
            self.url = url
            if urlsplit(url).scheme.startswith("postgres"):
                self.pg = urlsplit(url)
        self.created_db = False
        self.engine = "sqlite" if self.sqlite_path else (self.pg.scheme if self.pg else urlsplit(url).scheme)

    def _admin_conninfo(self) -> str:
        return urlunsplit(self.pg._replace(path="/postgres"))

    def prepare(self) -> None:
        os.environ["DATABASE_URL"] = self.url
        os.environ["FOITRACKER_VAR_DIR"] = self.var_dir
        if not self.pg:
            return
        import psycopg

        name = self.pg.path.lstrip("/")
        with psycopg.connect(self._admin_conninfo(), autocommit=True) as conn:
            exists = conn.execute("select 1 from pg_database where datname = %s", (name,)).fetchone()
            if not exists:
                conn.execute(f'create database "{name}"')
                self.created_db = True
                print(f"created PostgreSQL database {name}")
        if not self.created_db:
            with psycopg.connect(self.url, autocommit=True) as conn:
                tables = conn.execute(
                    "select count(*) from information_schema.tables where table_schema = 'public'").fetchone()[0]
            if tables:
                raise SystemExit(
                    f"PostgreSQL database {name} already has {tables} table(s); the benchmark needs an empty or "
                    f"missing database. Drop it first: psql -h {self.pg.hostname} -U {self.pg.username} "
                    f"-c 'drop database {name}'")
            print(f"using existing empty PostgreSQL database {name}")

    def cleanup(self) -> None:
        try:
            from django.db import connections

            if self.pg and not self.created_db:
                from django.db import connection

                with connection.cursor() as cursor:
                    for table in connection.introspection.table_names(cursor):
                        cursor.execute(f'drop table if exists "{table}" cascade')
            connections.close_all()
        except Exception as exc:  # noqa: BLE001 - clean up whatever can be cleaned up
            print(f"warning: closing the database: {exc}", file=sys.stderr)
        if self.pg and self.created_db:
            import psycopg

            name = self.pg.path.lstrip("/")
            with psycopg.connect(self._admin_conninfo(), autocommit=True) as conn:
                conn.execute(f'drop database if exists "{name}" with (force)')
            print(f"dropped PostgreSQL database {name}")
        if self.sqlite_path:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(self.sqlite_path + suffix).unlink(missing_ok=True)
            print(f"removed {self.sqlite_path}")
        shutil.rmtree(self.var_dir, ignore_errors=True)


# ---------------------------------------------------------------- measurement helpers

def _vm_hwm_kb() -> int | None:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _rss_kb() -> int | None:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


class Phase:
    """Times a block; records peak RSS (reset at the start when the kernel allows), query count, tracemalloc peak."""

    queries = 0

    def __init__(self, label: str, use_tracemalloc: bool):
        self.label = label
        self.use_tracemalloc = use_tracemalloc
        self.peak_rss_mb = self.rss_before_mb = self.traced_peak_mb = None
        self.peak_is_phase = False

    def __enter__(self):
        try:
            with open("/proc/self/clear_refs", "w") as fh:
                fh.write("5")  # reset VmHWM (and ru_maxrss) to the current RSS
            self.peak_is_phase = True
        except OSError:
            self.peak_is_phase = False
        before = _rss_kb()
        self.rss_before_mb = before / 1024 if before else None
        if self.use_tracemalloc:
            import tracemalloc

            tracemalloc.start()
        self.queries_before = Phase.queries
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.started
        self.query_count = Phase.queries - self.queries_before
        if self.use_tracemalloc:
            import tracemalloc

            self.traced_peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
        hwm = _vm_hwm_kb()
        if hwm is None:
            import resource

            hwm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        self.peak_rss_mb = hwm / 1024
        return False


def count_queries(execute, sql, params, many, context):
    Phase.queries += 1
    return execute(sql, params, many, context)


def progress_printer(label: str, total: int):
    started = time.perf_counter()

    def progress(seen: int, changed: int) -> None:
        elapsed = time.perf_counter() - started
        rate = seen / elapsed if elapsed else 0
        print(f"  {label}: {seen:,}/{total:,} checked, {changed:,} changed, {elapsed:.1f} s ({rate:,.0f} rows/s)",
              flush=True)

    return progress


# ---------------------------------------------------------------- data generation

FIRST_SENT, LAST_SENT = date(2024, 1, 1), date(2026, 12, 31)


def generate(n: int, seed: int, batch_size: int) -> dict[str, int]:
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from requests_app.models import Authority, FOIRequest, InternalReview, Reply, Status
    from requests_app.models.reply import Outcome, ReplyKind
    from requests_app.services.requests import _STATUS_FOR_OUTCOME

    rng = random.Random(seed)
    owner = get_user_model().objects.create(username="bench", email="bench@example.org")
    authorities = list(Authority.objects.order_by("pk"))
    scottish = {a.pk for a in authorities if a.default_regime in ("foisa", "eisr")}
    span = (LAST_SENT - FIRST_SENT).days
    outcomes = list(Outcome.values)
    mix = {"plain": 0, "clarification": 0, "fees_notice": 0, "extension": 0, "response": 0, "review": 0}
    text = "1. How many officers were employed on 1 April?\n2. How many of them were special constables?"
    questions = ["How many officers were employed on 1 April?", "How many of them were special constables?"]
    started = time.perf_counter()
    print(f"generating {n:,} open requests over {len(authorities)} authorities "
          f"({len(scottish)} Scottish), sent {FIRST_SENT}..{LAST_SENT} ...", flush=True)

    for chunk_start in range(0, n, GEN_CHUNK):
        size = min(GEN_CHUNK, n - chunk_start)
        requests, plans = [], []
        for i in range(chunk_start, chunk_start + size):
            authority = authorities[i % len(authorities)]
            sent = FIRST_SENT + timedelta(days=rng.randint(0, span))
            received = sent if rng.random() < 0.8 else sent + timedelta(days=rng.randint(1, 3))
            regime = ""
            if rng.random() < 0.08:
                regime = "eisr" if authority.pk in scottish else "eir"
            roll = rng.random()
            plan: dict = {"kind": "plain"}
            status = Status.SENT if rng.random() < 0.4 else Status.ACKNOWLEDGED
            if roll < 0.02:
                letter = received + timedelta(days=rng.randint(3, 15))
                answered = letter + timedelta(days=rng.randint(2, 20)) if rng.random() < 0.5 else None
                plan = {"kind": "clarification", "letter": letter, "answered": answered}
                status = Status.ACKNOWLEDGED if answered else Status.CLARIFICATION_REQUESTED
            elif roll < 0.04:
                letter = received + timedelta(days=rng.randint(5, 15))
                paid = letter + timedelta(days=rng.randint(3, 30)) if rng.random() < 0.5 else None
                plan = {"kind": "fees_notice", "letter": letter, "paid": paid}
                status = Status.ACKNOWLEDGED if paid else Status.FEE_REQUESTED
            elif roll < 0.06:
                letter = received + timedelta(days=rng.randint(15, 27))
                estimate = received + timedelta(days=rng.randint(40, 55)) if rng.random() < 0.5 else None
                plan = {"kind": "extension", "letter": letter, "estimate": estimate}
                status = Status.EXTENDED
            elif roll < 0.09:
                letter = received + timedelta(days=rng.randint(10, 40))
                outcome = rng.choice(outcomes)
                plan = {"kind": "response", "letter": letter, "outcome": outcome}
                status = _STATUS_FOR_OUTCOME[outcome]
                if outcome != Outcome.FULL and rng.random() < 0.33:
                    requested = letter + timedelta(days=rng.randint(5, 30))
                    done = requested + timedelta(days=rng.randint(10, 35)) if rng.random() < 0.5 else None
                    plan.update(review=requested, review_done=done)
                    status = Status.REVIEW_ANSWERED if done else Status.REVIEW_REQUESTED
            mix[plan["kind"]] += 1
            mix["review"] += "review" in plan
            requests.append(FOIRequest(
                owner=owner, authority=authority, title=f"Officer numbers ({i})", text=text, questions=questions,
                regime=regime, sent_date=sent, received_date=received, status=status))
            plans.append(plan)

        with transaction.atomic():
            FOIRequest.objects.bulk_create(requests, batch_size=batch_size)
            replies, reviews = [], []
            for request, plan in zip(requests, plans):
                kind = plan["kind"]
                common = {"request": request, "request_sent_date": request.sent_date, "letter_date": plan.get("letter")}
                if kind == "clarification":
                    replies.append(Reply(kind=ReplyKind.CLARIFICATION, requester_answered_on=plan["answered"], **common))
                elif kind == "fees_notice":
                    replies.append(Reply(kind=ReplyKind.FEES_NOTICE, fee_paid_on=plan["paid"], **common))
                elif kind == "extension":
                    replies.append(Reply(kind=ReplyKind.EXTENSION, extended_to=plan["estimate"], **common))
                elif kind == "response":
                    replies.append(Reply(kind=ReplyKind.RESPONSE, outcome=plan["outcome"], **common))
                    if "review" in plan:
                        reviews.append(InternalReview(request=request, requested_on=plan["review"],
                                                      outcome_date=plan["review_done"],
                                                      outcome="upheld" if plan["review_done"] else ""))
            Reply.objects.bulk_create(replies, batch_size=batch_size)
            InternalReview.objects.bulk_create(reviews, batch_size=batch_size)
        done = chunk_start + size
        if done % 20_000 == 0 or done == n:
            elapsed = time.perf_counter() - started
            print(f"  generated {done:,}/{n:,} ({elapsed:.1f} s, {done / elapsed:,.0f} rows/s)", flush=True)
    return mix


# ---------------------------------------------------------------- the phases

def naive_recompute(requests) -> int:
    """The obvious loop: lazy relations, extra days re-read per request, one UPDATE per request."""
    from requests_app import selectors
    from requests_app.deadlines import Deadlines

    fields = list(Deadlines.STORED)
    count = 0
    for request in requests:
        computed = selectors.request_deadlines(request)
        for name in fields:
            setattr(request, name, getattr(computed, name))
        request.save(update_fields=fields)
        count += 1
    return count


def stored(queryset) -> dict[int, tuple]:
    from requests_app.deadlines import Deadlines

    return {row[0]: row[1:] for row in queryset.values_list("pk", *Deadlines.STORED)}


def monthly_extra_days(skip: date) -> list[date]:
    """The first Wednesday of every month 2024-2026 (never a weekend or bank holiday here), except `skip`."""
    days = []
    for year in (2024, 2025, 2026):
        for month in range(1, 13):
            day = date(year, month, 1)
            day += timedelta(days=(2 - day.weekday()) % 7)
            if day != skip:
                days.append(day)
    return days


def in_throwaway_database(args, run) -> int:
    """run(args, db) on a database made for the run (DEBUG off), removed even if it fails."""
    db = Database(args.database_url)
    db.prepare()
    os.environ["DJANGO_SETTINGS_MODULE"] = "foitracker.settings"
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    try:
        return run(args, db)
    finally:
        db.cleanup()


def main(argv=None) -> int:
    return in_throwaway_database(parse_args(argv), run)


def run(args, db: Database) -> int:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from requests_app import services
    from requests_app.deadlines import Deadlines
    from requests_app.models import ExtraNonWorkingDay, FOIRequest, RequestEvent

    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    t0 = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"migrated in {time.perf_counter() - t0:.1f} s", flush=True)
    connection.execute_wrappers.append(count_queries)  # counts every query from here on

    t0 = time.perf_counter()
    mix = generate(args.n, args.seed, args.batch_size)
    gen_seconds = time.perf_counter() - t0
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("analyze")
    open_qs = FOIRequest.objects.open().exclude(sent_date__isnull=True)
    total = open_qs.count()
    print(f"generated {total:,} open requests in {gen_seconds:.1f} s; mix: "
          + ", ".join(f"{k} {v:,} ({100 * v / args.n:.1f}%)" for k, v in mix.items()), flush=True)

    rows: list[dict] = []
    empty = {name: None for name in Deadlines.STORED}

    # naive baseline on a sample, stored deadlines empty
    sample_ids = list(open_qs.order_by("pk").values_list("pk", flat=True)[: args.naive_n])
    sample_qs = FOIRequest.objects.filter(pk__in=sample_ids).order_by("pk")
    naive_rows = {}
    for label, atomic in (("naive loop, autocommit", False), ("naive loop, one transaction", True)):
        FOIRequest.objects.filter(pk__in=sample_ids).update(**empty)
        print(f"{label}: {len(sample_ids):,} requests ...", flush=True)
        with Phase(label, args.tracemalloc) as ph:
            if atomic:
                with transaction.atomic():
                    seen = naive_recompute(sample_qs)
            else:
                seen = naive_recompute(sample_qs)
        print(f"  {label}: {seen:,} in {ph.seconds:.1f} s ({seen / ph.seconds:,.0f} rows/s)", flush=True)
        naive_rows[label] = dict(phase=ph, seen=seen, changed=seen)
    naive_result = stored(sample_qs)
    FOIRequest.objects.filter(pk__in=sample_ids).update(**empty)

    def bulk(label: str, reason: str, action=None):
        print(f"{label} ...", flush=True)
        progress = progress_printer(label.split(":")[0], total)
        with Phase(label, args.tracemalloc) as ph:
            if action:
                seen, changed = action()
            else:
                changed = services.deadlines_recompute(requests=open_qs, reason=reason, progress=progress)
                seen = total
        print(f"  {label}: {changed:,} changed in {ph.seconds:.1f} s", flush=True)
        row = dict(phase=ph, seen=seen, changed=changed)
        rows.append(row)
        return row

    # (a) every deadline written
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    row_a = bulk("(a) deadlines_recompute: first run, all deadlines empty", "bench: first computation")
    if profiler:
        profiler.disable()
    bulk_result = stored(sample_qs)
    mismatched = [pk for pk in sample_ids if bulk_result[pk] != naive_result[pk]]
    if mismatched:
        print(f"ERROR: bulk and naive disagree on {len(mismatched)} of {len(sample_ids)} sampled requests "
              f"(first: {mismatched[:5]})", file=sys.stderr)
        return 1
    print(f"  check: bulk and naive results identical on the {len(sample_ids):,}-request sample", flush=True)

    # (b) nothing changed
    bulk("(b) deadlines_recompute: second run, nothing changed", "bench: no change")

    # (c1) one extra non-working day, through the service the admin calls
    one_day = date(2025, 7, 2)

    def add_one():
        ExtraNonWorkingDay.objects.create(date=one_day, name="Bench one-off bank holiday", applies_to_uk=True,
                                          applies_to_scotland=True, source_url="https://example.org/bench")
        return services.extra_day_saved(day=one_day)

    bulk(f"(c1) extra_day_saved: one extra non-working day ({one_day})", "", add_one)

    # (c2) one a month: moves most open deadlines
    monthly = monthly_extra_days(one_day)

    def add_monthly():
        ExtraNonWorkingDay.objects.bulk_create([
            ExtraNonWorkingDay(date=d, name="Bench monthly holiday", applies_to_uk=True, applies_to_scotland=True,
                               source_url="https://example.org/bench") for d in monthly])
        return services.extra_day_saved(day=monthly)

    bulk(f"(c2) extra_day_saved: {len(monthly)} more extra days (one a month)", "", add_monthly)
    events = RequestEvent.objects.count()

    # ------------------------------------------------------------ report
    def fmt_mb(v):
        return f"{v:,.0f}" if v is not None else "n/a"

    a_per_row = row_a["phase"].seconds / row_a["seen"]
    print()
    print(f"## deadlines_recompute benchmark: {connection.vendor}, {total:,} open requests, seed {args.seed}")
    print()
    header = "| phase | rows | changed | time (s) | rows/s | µs/row | queries | peak RSS (MB) |"
    if args.tracemalloc:
        header += " tracemalloc peak (MB) |"
    print(header)
    print("|" + "---|" + "---:|" * (header.count("|") - 2))

    def line(label, r, extrapolate=False):
        ph = r["phase"]
        per_row = ph.seconds / r["seen"]
        time_s = f"{ph.seconds:.2f}"
        if extrapolate:
            time_s += f" (≈{per_row * total:,.0f} for {total:,})"
        cells = [label, f"{r['seen']:,}", f"{r['changed']:,}", time_s, f"{r['seen'] / ph.seconds:,.0f}",
                 f"{1e6 * per_row:,.0f}", f"{ph.query_count:,}", fmt_mb(ph.peak_rss_mb)]
        if args.tracemalloc:
            cells.append(fmt_mb(ph.traced_peak_mb))
        print("| " + " | ".join(cells) + " |")

    for label, r in naive_rows.items():
        line(label + " (sample)", r, extrapolate=True)
    for r in rows:
        line(r["phase"].label, r)
    print()
    for label, r in naive_rows.items():
        naive_per_row = r["phase"].seconds / r["seen"]
        print(f"ratio bulk (a) vs {label}: {naive_per_row / a_per_row:.1f}x per row")
    print(f"audit events written: {events:,}; data generation: {gen_seconds:.1f} s")
    scaled = row_a["phase"].seconds * TARGET_ROWS / row_a["seen"]
    worst = max(r["phase"].seconds * TARGET_ROWS / r["seen"] for r in rows)
    verdict = "ok" if worst < TARGET_SECONDS else "MISSED"
    print(f"target: {TARGET_ROWS:,} open requests in < {TARGET_SECONDS:.0f} s: first run {scaled:.1f} s, "
          f"slowest phase {worst:.1f} s (scaled to {TARGET_ROWS:,}) {verdict}")
    if not rows[0]["phase"].peak_is_phase:
        print("note: /proc/self/clear_refs not writable: peak RSS is the process peak so far, not per phase")

    if profiler:
        import pstats

        print()
        print("## cProfile of phase (a), top 15 by cumulative time")
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
