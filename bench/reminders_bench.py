"""Benchmark: the reminder sweep over 1,000,000 requests, against a naive scan of every open request.

    .venv/bin/python bench/reminders_bench.py [--n 1000000] [--date 2026-11-17] [--seed 1] [--repeats 3]
        [--database-url postgres://postgres@127.0.0.1:5432/foitracker_bench_reminders] [--explain]

Issue 5 claims the sweep reads the stored, indexed deadline columns, so that its cost grows
with the number of events due, not with the number of requests. To show it, the benchmark
builds a throwaway database (as bench/recompute_bench.py does: SQLite under /tmp by default,
or a PostgreSQL database created if missing and dropped afterwards), with 200 owners (195
with an e-mail address, a few with their own notification settings) and then, in two steps:

  A  --n / 10 requests sent over the five years up to --date, each given a life (clarification,
     fees, extension, response, internal review, complaint, decision notice, closing) cut off
     at --date, so the status and the stored deadline columns agree (the columns are computed
     with deadlines.compute_deadlines from those facts, as deadlines_recompute would);
     about 4% of them in batches sent to 10-48 forces at once;
  B  the other 9/10 of --n, made the same way but sent at least 18 months before --date, so
     every one of their deadlines is long past: the events due on --date stay the same while
     the table grows tenfold (the run checks that they are identical).

At A and at B it times, best of --repeats, the dry-run sweep (reminders_sweep(dry_run=True))
and the baseline: every open request read (FOIRequest.objects.open().values(...) iterated)
and its dates checked in Python by the same rules; both must find the same request events
(the baseline leaves batch stragglers out). At B it then runs the real sweep (reserves
Reminder rows into one Digest per person) and a second sweep on the same day (nothing new).
Queries are counted with django.test.utils.CaptureQueriesContext; peak RSS is per phase
(VmHWM, reset through /proc/self/clear_refs). Only FOIRequest rows (with their stored
deadlines), batches and users are written: the sweep reads nothing else.
"""
from __future__ import annotations

import argparse
import itertools
import os
import random
import sys
import time
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from recompute_bench import Database, Phase, in_throwaway_database  # noqa: E402  (also puts the project root on sys.path)

OWNERS = 200
WITHOUT_EMAIL = 5
INSERT_CHUNK = 20_000
OLD_GAP = timedelta(days=548)  # step B rows are sent at least this long (18 months) before --date
SPAN = timedelta(days=5 * 365)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="requests in all (default 1000000; --n/10 at step A)")
    parser.add_argument("--date", type=date.fromisoformat, default=date(2026, 11, 17),
                        help="the day swept (default 2026-11-17, a Tuesday)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3, help="dry-run and baseline: best of this many (default 3)")
    parser.add_argument("--database-url", help="e.g. postgres://postgres@127.0.0.1:5432/foitracker_bench_reminders "
                                               "(default: a temporary SQLite file in /tmp)")
    parser.add_argument("--try-indexes", action="store_true",
                        help="also time the dry-run sweep at the full size with an extra (status, column) index on "
                             "each deadline column, created for the measurement and dropped after (not in the app)")
    parser.add_argument("--explain", action="store_true",
                        help="print the query plan of every query of the dry-run sweep at the full size")
    return parser.parse_args(argv)


# ---------------------------------------------------------------- data generation

def days(rng: random.Random, lo: int, hi: int) -> timedelta:
    return timedelta(days=rng.randint(lo, hi))


def life(rng: random.Random, sent: date, regime: str, window_wd: int | None, today: date):
    """A request's history up to `today`: (status, RequestFacts keyword arguments)."""
    from requests_app.deadlines import FeePeriod
    from requests_app.models import Status

    received = sent if rng.random() < 0.8 else sent + days(rng, 1, 3)
    facts = {"regime": regime, "received": received, "review_window_working_days": window_wd}
    status = Status.SENT if rng.random() < 0.4 else Status.ACKNOWLEDGED
    start = received
    roll = rng.random()
    if roll < 0.03:  # clarification asked for; answered (clock restarts) or never
        asked = received + days(rng, 3, 10)
        if asked > today:
            return status, facts
        facts["clarification_requested"] = asked
        status = Status.CLARIFICATION_REQUESTED
        answered = asked + days(rng, 2, 20) if rng.random() < 0.7 else None
        if answered is None or answered > today:
            if (today - asked).days > 120 and rng.random() < 0.7:
                status = Status.CLOSED
            return status, facts
        facts["clarification_received"] = start = answered
        status = Status.ACKNOWLEDGED
    elif roll < 0.05:  # fees notice; paid or not
        notice = received + days(rng, 5, 15)
        if notice > today:
            return status, facts
        paid = notice + days(rng, 3, 30) if rng.random() < 0.6 else None
        if paid is None or paid > today:
            facts["fees"] = (FeePeriod(notice, None),)
            closed = (today - notice).days > 120 and rng.random() < 0.7
            return (Status.CLOSED if closed else Status.FEE_REQUESTED), facts
        facts["fees"] = (FeePeriod(notice, paid),)
    if rng.random() < 0.05:  # public-interest / complex and voluminous extension
        letter = start + days(rng, 15, 27)
        if letter <= today:
            facts["extended"] = True
            facts["extension_estimate"] = start + days(rng, 40, 55) if rng.random() < 0.5 else None
            status = Status.EXTENDED
    late = rng.random()
    if late < 0.03:  # never answered: stays awaiting (overdue, then very overdue)
        return status, facts
    response = start + (days(rng, 10, 32) if late < 0.8 else days(rng, 33, 120))
    if response > today:
        return status, facts
    outcome = rng.random()
    status = (Status.ANSWERED_FULL if outcome < 0.55 else Status.ANSWERED_PARTIAL if outcome < 0.75
              else Status.REFUSED if outcome < 0.9 else Status.NOT_HELD)
    facts["response"] = end = response
    facts["response_in_full"] = status == Status.ANSWERED_FULL
    if status != Status.ANSWERED_FULL and rng.random() < 0.2:
        asked = response + days(rng, 5, 50)
        if asked <= today:
            facts["review_requested"] = end = asked
            status = Status.REVIEW_REQUESTED
            outcome_on = asked + days(rng, 10, 40) if rng.random() < 0.85 else None
            if outcome_on and outcome_on <= today:
                facts["review_outcome"] = end = outcome_on
                status = Status.REVIEW_ANSWERED
                complaint = outcome_on + days(rng, 5, 40) if rng.random() < 0.25 else None
                if complaint and complaint <= today:
                    status, end = Status.ESCALATED, complaint
                    decision = complaint + days(rng, 60, 250) if rng.random() < 0.6 else None
                    if decision and decision <= today:
                        facts["decision_notice"] = end = decision
                        status = Status.DECIDED
    if status != Status.ESCALATED and (today - end).days > 90 and rng.random() < 0.5:
        status = Status.CLOSED
    if rng.random() < 0.01:
        status = Status.WITHDRAWN
    return status, facts


class Generator:
    """Writes FOIRequest rows (and their batches) with precomputed deadline columns, fast."""

    def __init__(self, seed: int, today: date):
        from django.contrib.auth import get_user_model
        from django.db import connection

        from requests_app import selectors
        from requests_app.deadlines import Deadlines
        from requests_app.models import Authority, FOIRequest
        from requests_app.models.reminder import NotificationSettings, ReminderEvent

        self.rng = random.Random(seed)
        self.today = today
        self.connection = connection
        self.vendor = connection.vendor
        self.extra = selectors.extra_days_by_calendar()
        self.authorities = [(a.pk, a.default_regime, a.review_window_working_days)
                            for a in Authority.objects.order_by("pk")]
        User = get_user_model()
        User.objects.bulk_create([
            User(username=f"owner{i:03d}", email="" if i < WITHOUT_EMAIL else f"owner{i:03d}@example.org",
                 password="!") for i in range(OWNERS)])
        self.owners = list(User.objects.filter(username__startswith="owner").order_by("pk").values_list("pk", flat=True))
        weights = [1 / (1 + i / 20) for i in range(len(self.owners))]  # a few heavy users
        self.owner_cum = list(itertools.accumulate(weights))
        settings = [NotificationSettings(user_id=self.owners[10 + i], lead_days="10, 5, 1") for i in range(10)]
        settings += [NotificationSettings(user_id=self.owners[20 + i], enabled=False) for i in range(3)]
        settings.append(NotificationSettings(user_id=self.owners[30], lead_days="3",
                                             events=[e for e in ReminderEvent.values if e != ReminderEvent.DUE_SOON]))
        NotificationSettings.objects.bulk_create(settings)
        self.next_id = 1
        self.next_batch = 1
        self.table = FOIRequest._meta.db_table
        self.columns = ["id", "owner_id", "authority_id", "batch_id", "title", "text", "questions", "regime",
                        "sent_date", "received_date", "authority_reference", "status", "created_at", "updated_at",
                        *Deadlines.STORED]
        fields = {f.column: f for f in FOIRequest._meta.concrete_fields}
        assert set(self.columns) <= set(fields), sorted(set(self.columns) - set(fields))
        # Columns the sweep does not read (added to the model since): each field's default.
        others = [c for c in fields if c not in self.columns]
        self.columns += others
        self.others = tuple(fields[c].get_default() for c in others)
        if self.vendor == "sqlite":
            self.others = tuple(int(v) if isinstance(v, bool) else v for v in self.others)
        self.stamp = datetime(2026, 1, 1, tzinfo=timezone.utc)
        self.iso: dict = {}
        self.mix: Counter = Counter()
        self.batched = 0

    def _row(self, owner: int, authority, batch_id, sent: date, index: int) -> tuple:
        from requests_app.deadlines import RequestFacts, compute_deadlines

        pk, default_regime, window = authority
        regime = ""
        if self.rng.random() < 0.08:
            regime = "eisr" if default_regime in ("foisa", "eisr") else "eir"
        effective = regime or default_regime
        status, facts = life(self.rng, sent, effective, window, self.today)
        extra = self.extra["sct" if effective in ("foisa", "eisr") else "uk"]
        dl = compute_deadlines(RequestFacts(**facts, extra=extra))
        self.mix[status] += 1
        row = (self.next_id, owner, pk, batch_id, f"Officer numbers ({index})", "1. How many officers?", "[]", regime,
               sent, facts["received"], "", status.value, self.stamp, self.stamp,
               dl.response_due, dl.response_due_code, dl.extended_due, dl.very_overdue, dl.review_window_closes,
               dl.review_response_due, dl.escalation_window_closes, dl.tribunal_appeal_due, *self.others)
        self.next_id += 1
        return row

    def add(self, count: int, first_sent: date, last_sent: date, label: str) -> float:
        """`count` requests sent in [first_sent, last_sent]; returns the seconds it took."""
        from django.db import transaction

        from requests_app.models import Batch

        rng, span = self.rng, (last_sent - first_sent).days
        started = time.perf_counter()
        made = 0
        print(f"{label}: generating {count:,} requests sent {first_sent}..{last_sent} ...", flush=True)
        while made < count:
            rows, batches = [], []
            while len(rows) < INSERT_CHUNK and made + len(rows) < count:
                sent = first_sent + timedelta(days=rng.randint(0, span))
                owner = rng.choices(self.owners, cum_weights=self.owner_cum)[0]
                if rng.random() < 0.0015:  # a batch: one text to 10-48 forces at once
                    size = min(rng.randint(10, len(self.authorities)), count - made - len(rows))
                    batch_id = self.next_batch
                    self.next_batch += 1
                    batches.append(Batch(id=batch_id, owner_id=owner, title=f"Batch {batch_id}: officer numbers",
                                         text="1. How many officers?"))
                    for authority in rng.sample(self.authorities, size):
                        rows.append(self._row(owner, authority, batch_id, sent, self.next_id))
                    self.batched += size
                else:
                    rows.append(self._row(owner, rng.choice(self.authorities), None, sent, self.next_id))
            with transaction.atomic():
                Batch.objects.bulk_create(batches, batch_size=1000)
                self._insert(rows)
            made += len(rows)
            if made % 100_000 < INSERT_CHUNK or made == count:
                elapsed = time.perf_counter() - started
                print(f"  {label}: {made:,}/{count:,} ({elapsed:.1f} s, {made / elapsed:,.0f} rows/s)", flush=True)
        return time.perf_counter() - started

    def _insert(self, rows: list[tuple]) -> None:
        cols = ", ".join(self.columns)
        if self.vendor == "postgresql":
            with self.connection.cursor() as cursor:
                with cursor.cursor.copy(f"COPY {self.table} ({cols}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        else:  # SQLite stores dates and datetimes as ISO text; a few thousand distinct values, so cached
            cache = self.iso
            iso = [tuple(v if v is None or v.__class__ in (int, str) else cache.get(v) or self._iso(v) for v in row)
                   for row in rows]
            marks = ", ".join("?" * len(self.columns))
            self.connection.connection.executemany(f"INSERT INTO {self.table} ({cols}) VALUES ({marks})", iso)

    def _iso(self, value) -> str:
        self.iso[value] = text = value.isoformat(" ") if isinstance(value, datetime) else value.isoformat()
        return text

    def finish(self) -> None:
        """Sequences past the explicit ids (PostgreSQL); fresh planner statistics."""
        from django.contrib.auth import get_user_model
        from django.core.management.color import no_style

        from requests_app.models import Batch, FOIRequest

        with self.connection.cursor() as cursor:
            if self.vendor == "postgresql":
                for sql in self.connection.ops.sequence_reset_sql(no_style(), [FOIRequest, Batch, get_user_model()]):
                    cursor.execute(sql)
                cursor.execute("ANALYZE")


# ---------------------------------------------------------------- the baseline

def naive_events(today: date, since: date):
    """Every open request read and checked in Python, by the same rules as reminder_events."""
    from requests_app import reminder_events as re_
    from requests_app.models import FOIRequest, Status
    from requests_app.models.reminder import ReminderEvent
    from requests_app.models.request import AWAITING_RESPONSE

    cal = re_._Calendars()
    horizon = cal.after(today, re_._max_lead(), "foia")
    lo = since - re_._TRIGGER_SLACK
    awaiting, review = set(AWAITING_RESPONSE), Status.REVIEW_REQUESTED
    windows = [  # (event, column, states in which it matters, last day in reach): issue 5's rules
        (ReminderEvent.REVIEW_WINDOW_CLOSING, "review_window_closes",
         {Status.ANSWERED_PARTIAL, Status.REFUSED, Status.NOT_HELD}),
        (ReminderEvent.ESCALATION_WINDOW_CLOSING, "escalation_window_closes",
         {Status.REVIEW_REQUESTED, Status.REVIEW_ANSWERED}),
        (ReminderEvent.TRIBUNAL_WINDOW_CLOSING, "tribunal_appeal_due", {Status.DECIDED}),
    ]
    windows = [(e, c, states, today + timedelta(days=re_.WINDOW_LEAD[e])) for e, c, states in windows]
    found, due_rows, seen = [], [], 0

    def late(row, event, column):
        day = row[column]
        if day is not None and lo <= day < today:
            trigger = cal.after(day, 1, re_._regime(row))
            if since < trigger <= today and not re_._superseded(row, event, today, cal):
                found.append(re_._event(row, event, day))

    for row in FOIRequest.objects.open().values(*re_._FIELDS).iterator(chunk_size=2000):
        seen += 1
        status = row["status"]
        if status in awaiting:
            due = row["extended_due"] or row["response_due"]
            if due is not None and today <= due <= horizon:
                due_rows.append(row)
            late(row, ReminderEvent.OVERDUE, "extended_due" if row["extended_due"] else "response_due_code")
            late(row, ReminderEvent.VERY_OVERDUE, "very_overdue")
        elif status == review:
            late(row, ReminderEvent.REVIEW_OVERDUE, "review_response_due")
        for event, column, states, until in windows:
            day = row[column]
            if status in states and day is not None and today <= day <= until:
                found.append(re_._event(row, event, day))
    people = re_.settings_for({r["owner_id"] for r in due_rows})
    for row in due_rows:
        due = row["extended_due"] or row["response_due"]
        if due == today:
            found.append(re_._event(row, ReminderEvent.DUE_TODAY, due))
            continue
        left = cal.between(today, due, re_._regime(row))
        leads = [n for n in (people[row["owner_id"]].leads or re_.DEFAULT_LEADS) if n >= left]
        if left > 0 and leads:
            found.append(re_._event(row, ReminderEvent.DUE_SOON, due, min(leads)))
    return found, seen


# ---------------------------------------------------------------- measuring

class Result:
    def __init__(self, label: str, size: int):
        self.label, self.size = label, size
        self.times: list[float] = []
        self.queries = 0
        self.peak_rss_mb = 0.0
        self.value = None
        self.captured: list[dict] = []

    @property
    def best(self) -> float:
        return min(self.times)


def measure(label: str, size: int, fn, repeats: int = 1) -> Result:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    result = Result(label, size)
    for attempt in range(repeats):
        with Phase(label, False) as phase, CaptureQueriesContext(connection) as queries:
            value = fn()
        result.times.append(phase.seconds)
        result.peak_rss_mb = max(result.peak_rss_mb, phase.peak_rss_mb)
        if attempt == 0:
            result.value, result.queries, result.captured = value, len(queries), list(queries.captured_queries)
        elif len(queries) != result.queries:
            print(f"  note: {label}: {len(queries)} queries on run {attempt + 1}, {result.queries} on the first")
    runs = ", ".join(f"{t:.3f}" for t in result.times)
    sql = sum(float(q["time"]) for q in result.captured)
    print(f"  {label}: best {result.best:.3f} s of [{runs}], {result.queries} queries "
          f"({sql:.3f} s in execute, first run), peak RSS {result.peak_rss_mb:,.0f} MB", flush=True)
    print(f"    slowest: {slowest(result.captured)}", flush=True)
    return result


def request_keys(events) -> set[tuple]:
    return {e.key() for e in events if e.request_id is not None}


def explain(captured: list[dict]) -> None:
    from django.db import connection

    print()
    print(f"## query plans of the dry-run sweep ({connection.vendor})")
    for q in captured:
        sql = q["sql"]
        if sql.startswith("DECLARE "):  # a server-side cursor (PostgreSQL iterator())
            sql = sql.split(" FOR ", 1)[1]
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        print()
        print(f"-- {float(q['time']) * 1000:.1f} ms: {sql}")
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = [r[0] for r in cursor.fetchall()]
            else:
                cursor.execute("EXPLAIN QUERY PLAN " + sql)
                plan = [f"{r[-1]}" for r in cursor.fetchall()]
        for line in plan:
            print("   " + line)


def slowest(captured: list[dict], k: int = 3) -> str:
    top = sorted(captured, key=lambda q: -float(q["time"]))[:k]
    return "; ".join(f"{float(q['time']) * 1000:.0f} ms: {short(q['sql'])}" for q in top)


def short(sql: str) -> str:
    """A query in a few words: its verb, table and the start of its WHERE clause."""
    if sql.startswith("DECLARE "):
        sql = sql.split(" FOR ", 1)[1]
    verb = sql.split(None, 1)[0]
    table = sql.split(" FROM ", 1)[-1].split()[0] if " FROM " in sql else sql.split()[2] if verb == "INSERT" else "?"
    where = sql.split(" WHERE ", 1)[1][:90] + "…" if " WHERE " in sql else ""
    return f"{verb} {table} {where}".strip()


def with_status_indexes(fn):
    """Run fn() with a composite (status, column) index on every stored deadline column, then drop them."""
    from django.db import connection

    from requests_app.deadlines import Deadlines
    from requests_app.models import FOIRequest

    table = FOIRequest._meta.db_table
    names = [f"bench_status_{column}" for column in Deadlines.STORED]
    t0 = time.perf_counter()
    with connection.cursor() as cursor:
        for name, column in zip(names, Deadlines.STORED):
            cursor.execute(f"CREATE INDEX {name} ON {table} (status, {column})")
        cursor.execute("ANALYZE" if connection.vendor == "postgresql" else "SELECT 1")
    print(f"  created {len(names)} (status, deadline) indexes in {time.perf_counter() - t0:.1f} s", flush=True)
    try:
        return fn()
    finally:
        with connection.cursor() as cursor:
            for name in names:
                cursor.execute(f"DROP INDEX {name}")


# ---------------------------------------------------------------- main

def main(argv=None) -> int:
    return in_throwaway_database(parse_args(argv), run)


def run(args, db: Database) -> int:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from requests_app import reminder_events
    from requests_app.models import Digest, FOIRequest, Reminder
    from requests_app.services import reminders

    today = args.date
    small, big = args.n // 10, args.n
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}; sweep day {today} "
          f"({today:%A}); {small:,} then {big:,} requests; seed {args.seed}")
    t0 = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    print(f"migrated in {time.perf_counter() - t0:.1f} s", flush=True)
    if connection.vendor == "sqlite":  # fast bulk load; the defaults are put back before anything is timed
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=OFF")

    gen = Generator(args.seed, today)
    first = today - SPAN
    gen_seconds = gen.add(small, first, today, "A")
    gen.finish()
    since = reminders.last_swept(today)
    print(f"sweep window: since {since} (last_swept), today {today}", flush=True)
    rows: list[Result] = []

    def dry_run():
        return reminders.reminders_sweep(today=today, dry_run=True)

    def stage(size: int) -> tuple[Result, Result]:
        open_count = FOIRequest.objects.open().count()
        print(f"{size:,} requests ({open_count:,} open): dry-run sweep and baseline, best of {args.repeats} ...",
              flush=True)
        sweep = measure(f"dry-run sweep, {size:,} requests", size, dry_run, args.repeats)
        naive = measure(f"baseline: scan {open_count:,} open requests, {size:,} requests", size,
                        lambda: naive_events(today, since), args.repeats)
        swept = request_keys(reminder_events.events_due(today=today, since=since))
        scanned = request_keys(naive.value[0])
        if swept != scanned:
            print(f"ERROR: the sweep and the baseline disagree: {len(swept - scanned)} only in the sweep, "
                  f"{len(scanned - swept)} only in the baseline (e.g. {sorted(swept ^ scanned)[:3]})", file=sys.stderr)
            raise SystemExit(1)
        print(f"  check: sweep and baseline find the same {len(swept):,} request events "
              f"({len(sweep.value.events):,} reminders owed after settings and e-mail addresses)", flush=True)
        rows.extend([sweep, naive])
        return sweep, naive

    sweep_a, naive_a = stage(small)
    events_a = reminder_events.events_due(today=today, since=since)

    gen_seconds += gen.add(big - small, first, today - OLD_GAP, "B")
    gen.finish()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=DELETE")
            cursor.execute("PRAGMA synchronous=FULL")
    total = FOIRequest.objects.count()
    assert total == big, (total, big)
    print(f"generated {total:,} requests ({gen.batched:,} in {gen.next_batch - 1:,} batches) in {gen_seconds:.1f} s; "
          "statuses: " + ", ".join(f"{k} {v:,}" for k, v in gen.mix.most_common()), flush=True)

    sweep_b, naive_b = stage(big)
    events_b = reminder_events.events_due(today=today, since=since)
    same = [e.key() for e in events_a] == [e.key() for e in events_b]
    print(f"  check: events due on {today} at {small:,} and at {big:,} requests identical: {same} "
          f"({len(events_b):,} events)", flush=True)
    if not same:
        print("ERROR: step B changed the events due", file=sys.stderr)
        return 1
    if args.explain:
        explain(sweep_b.captured)

    if args.try_indexes:
        rows.append(with_status_indexes(lambda: measure(
            f"what if: dry-run sweep with (status, deadline) indexes, {big:,} requests", big, dry_run, args.repeats)))

    print("real sweeps ...", flush=True)
    real = measure(f"real sweep, {big:,} requests", big, lambda: reminders.reminders_sweep(today=today))
    again = measure(f"second sweep, same day, {big:,} requests", big, lambda: reminders.reminders_sweep(today=today))
    reminders_made, digests_made = Reminder.objects.count(), Digest.objects.count()
    rows.extend([real, again])

    # ------------------------------------------------------------ report
    by_event = Counter(e.event for e in events_b)
    print()
    print(f"## reminders_sweep benchmark: {connection.vendor}, sweep of {today}, seed {args.seed}")
    print()
    print(f"Events due (before settings): {len(events_b):,} — "
          + ", ".join(f"{k} {v}" for k, v in sorted(by_event.items())))
    print()
    print("| phase | requests | events / rows read | time (s) | queries | peak RSS (MB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in rows:
        if r.label.startswith("baseline"):
            found, seen = r.value
            what = f"{len(request_keys(found)):,} / {seen:,} read"
        elif "dry-run" in r.label:
            what = f"{len(r.value.events):,} owed"
        else:
            what = f"{len(r.value.events):,} reserved, {len(r.value.digest_ids):,} digests"
        reps = f" (best of {len(r.times)})" if len(r.times) > 1 else ""
        print(f"| {r.label}{reps} | {r.size:,} | {what} | {r.best:.3f} | {r.queries} | {r.peak_rss_mb:,.0f} |")
    print()
    print(f"sweep, {small:,} → {big:,} requests (10×): time ×{sweep_b.best / sweep_a.best:.2f}, "
          f"queries {sweep_a.queries} → {sweep_b.queries}")
    print(f"baseline, {small:,} → {big:,} requests: time ×{naive_b.best / naive_a.best:.2f}")
    print(f"baseline / sweep: {naive_a.best / sweep_a.best:.0f}× at {small:,}, {naive_b.best / sweep_b.best:.0f}× at {big:,}")
    print(f"rows after the real sweep: {reminders_made:,} reminders in {digests_made:,} digests")
    print(f"data generation: {gen_seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
