"""Demo data for the pages and their benchmark (issue 6): a demo user and team, batches of one
request to all 48 forces, requests sent 2021 to today with replies, reviews, complaints and
parsed tables, every stored deadline computed the way deadlines_recompute() computes it.

Rows are written with explicit ids in chunks (COPY on PostgreSQL, executemany on SQLite), not
model by model: 100,000 requests take well under a minute. The same --seed gives the same data.
"""
from __future__ import annotations

import json
import random
import time
from datetime import date, datetime, time as clock, timedelta, timezone

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, transaction

from requests_app import selectors, services
from requests_app.deadlines import Deadlines
from requests_app.models import (
    Authority, Batch, Escalation, FOIRequest, InternalReview, ParsedTable, Reply, RequestEvent, Status, Team,
)
from requests_app.models.reply import Outcome, ReplyKind
from requests_app.parsing.model import SCHEMA

FIRST_SENT = date(2021, 1, 4)
CHUNK = 5000
BATCH_SHARE = 0.3  # of requests sent in batches to every force
TEAM_NAME = "Demo newsroom"

# topic: (request title, [(question, row header, row labels or {group: [labels]})])
TOPICS = [
    ("Stop and search by ethnicity", [
        ("How many stop and searches did the force carry out, by the ethnicity of the person searched?",
         "Ethnicity", ["White", "Black or Black British", "Asian or Asian British", "Mixed", "Other ethnic group",
                       "Not stated"]),
        ("How many of those searches led to an arrest, by the outcome of the search?", "Outcome",
         {"Arrest": ["Drugs", "Offensive weapons", "Stolen property"], "Community resolution": ["Drugs", "Other"],
          "No further action": ["Drugs", "Offensive weapons", "Stolen property", "Other"]})]),
    ("Officers dismissed for gross misconduct", [
        ("How many officers were dismissed for gross misconduct, by the allegation?", "Allegation",
         ["Discreditable conduct", "Honesty and integrity", "Authority, respect and courtesy",
          "Equality and diversity", "Use of force", "Confidentiality", "Orders and instructions"]),
        ("How many officers resigned or retired while under investigation?", "Rank",
         ["Constable", "Sergeant", "Inspector", "Chief Inspector and above"])]),
    ("Taser use", [
        ("How many times was a Taser drawn, aimed, red-dotted or fired?", "Highest use",
         ["Drawn", "Aimed", "Arced", "Red-dotted", "Fired", "Drive-stun"]),
        ("How many of those uses involved a child under 18, by age group?", "Age",
         {"Under 18": ["11-14", "15-17"], "18 and over": ["18-24", "25-34", "35-49", "50 and over"]})]),
    ("Knife crime offences", [
        ("How many knife crime offences were recorded, by offence?", "Offence",
         {"Violence against the person": ["Homicide", "Attempted murder", "Assault with injury",
                                          "Threats to kill"],
          "Robbery": ["Robbery of business property", "Robbery of personal property"],
          "Sexual offences": ["Rape", "Sexual assault"]}),
        ("How many suspects were charged, by age?", "Age", ["Under 18", "18-24", "25-34", "35 and over"])]),
    ("Domestic abuse reports", [
        ("How many domestic abuse incidents and crimes were recorded?", "Category",
         ["Incidents not recorded as crimes", "Violence with injury", "Violence without injury",
          "Stalking and harassment", "Criminal damage", "Sexual offences", "Other"]),
        ("What was the outcome of the crimes recorded?", "Outcome",
         {"Charged or summonsed": ["Violence with injury", "Stalking and harassment"],
          "Evidential difficulties": ["Victim does not support action", "Victim supports action"],
          "Investigation complete, no suspect": ["All offences"]})]),
    ("Facial recognition deployments", [
        ("How many live facial recognition deployments did the force make?", "Deployment",
         ["Live facial recognition", "Retrospective facial recognition", "Operator-initiated"]),
        ("How many alerts led to an arrest?", "Result", ["Alerts", "Engagements", "Arrests", "False alerts"])]),
    ("Police vehicle collisions", [
        ("How many collisions involving police vehicles were recorded, by type of journey?", "Journey",
         ["Emergency response", "Pursuit", "Routine patrol", "Other"]),
        ("How much was paid in compensation?", "Claim", ["Settled claims", "Claims outstanding", "Repudiated"])]),
    ("Missing children", [
        ("How many reports of missing children were received, by age?", "Age",
         {"Under 12": ["Under 8", "8-11"], "12-15": ["12-13", "14-15"], "16-17": ["16", "17"]}),
        ("How many of those children were in local authority care?", "Care status",
         ["In care", "Not in care", "Not recorded"])]),
    ("Hate crime", [
        ("How many hate crimes were recorded, by strand?", "Strand",
         ["Race", "Religion", "Sexual orientation", "Disability", "Transgender identity"]),
        ("What was the outcome of those crimes?", "Outcome",
         ["Charged", "Out-of-court disposal", "Evidential difficulties", "No suspect identified"])]),
    ("Spit and bite guards", [
        ("How many times were spit and bite guards used, by age of the person?", "Age",
         ["Under 18", "18-24", "25-34", "35-49", "50 and over"]),
        ("How many complaints were made about their use?", "Complaint", ["Upheld", "Not upheld", "Ongoing"])]),
]
EXEMPTIONS = {  # by outcome; Scottish authorities cite FOISA sections
    Outcome.REFUSED: [["s12"], ["s31(1)(a)", "s40(2)"], ["s30(1)(a)"], ["s24(1)", "s31(1)(a)"], ["s14(1)"]],
    Outcome.PARTIAL: [["s40(2)"], ["s31(1)(a)", "s40(2)"], ["s38(1)(a)"], ["s21"], ["s40(2)", "s30(1)(a)"]],
    Outcome.NCND: [["s23(5)", "s24(2)"], ["s23(5)", "s24(2)", "s31(3)"], ["s30(3)", "s40(5)"]],
}
SCOTTISH_EXEMPTIONS = {
    Outcome.REFUSED: [["s12"], ["s35(1)(a)", "s38(1)(b)"], ["s34(1)(a)"]],
    Outcome.PARTIAL: [["s38(1)(b)"], ["s35(1)(a)"], ["s25(1)", "s38(1)(b)"]],
    Outcome.NCND: [["s18(1)", "s35(1)(a)"]],
}
STATUS_FOR_OUTCOME = {Outcome.FULL: Status.ANSWERED_FULL, Outcome.PARTIAL: Status.ANSWERED_PARTIAL,
                      Outcome.REFUSED: Status.REFUSED, Outcome.NCND: Status.REFUSED, Outcome.NOT_HELD: Status.NOT_HELD}


def _days(rng: random.Random, lo: int, hi: int) -> timedelta:
    return timedelta(days=rng.randint(lo, hi))


def _stamp(day: date) -> datetime:
    return datetime.combine(day, clock(9, 30), tzinfo=timezone.utc)


class Writer:
    """Rows with explicit ids, straight into the tables: COPY (PostgreSQL) or executemany (SQLite)."""

    def __init__(self):
        self.vendor = connection.vendor
        self.ids: dict = {}
        self.models: set = set()

    def next_id(self, model) -> int:
        if model not in self.ids:
            last = model.objects.order_by("-pk").values_list("pk", flat=True).first()
            self.ids[model] = last or 0
        self.ids[model] += 1
        return self.ids[model]

    def _converter(self, field):
        kind = field.get_internal_type()
        if kind == "JSONField":
            return lambda v: json.dumps(v, ensure_ascii=False)
        if self.vendor == "postgresql":
            return None
        if kind == "DateField":
            return lambda v: None if v is None else v.isoformat()
        if kind == "DateTimeField":
            return connection.ops.adapt_datetimefield_value
        if kind == "BooleanField":
            return lambda v: None if v is None else int(v)
        return None

    def insert(self, model, names: list[str], rows: list[tuple]) -> None:
        """`names` are attribute names; every other concrete column gets its field's default."""
        if not rows:
            return
        self.models.add(model)
        fields = {f.attname: f for f in model._meta.concrete_fields}
        rest = [n for n in fields if n not in names and not fields[n].primary_key]
        filler = tuple(fields[n].get_default() for n in rest)
        order = [fields[n] for n in [*names, *rest]]
        convert = [(i, c) for i, c in enumerate(self._converter(f) for f in order) if c]
        qn = connection.ops.quote_name
        table, columns = qn(model._meta.db_table), ", ".join(qn(f.column) for f in order)
        prepared = []
        for row in rows:
            row = list(row) + list(filler)
            for i, c in convert:
                row[i] = c(row[i])
            prepared.append(row)
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in prepared:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(order))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", prepared)

    def finish(self) -> None:
        """Sequences past the explicit ids; fresh planner statistics."""
        if self.vendor != "postgresql":
            return  # no ANALYZE: the app never gathers SQLite statistics, so neither does the demo
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), sorted(self.models, key=str)):
                cursor.execute(sql)
            cursor.execute("ANALYZE")


class Life:
    """One request's history up to today: its replies, review and complaint, and the status they leave."""

    def __init__(self, rng: random.Random, writer: Writer, today: date):
        self.rng, self.writer, self.today = rng, writer, today

    def make(self, request: FOIRequest, scottish: bool, ref_prefix: str):
        rng, today = self.rng, self.today
        self.request, self.replies, self.reviews, self.escalations = request, [], [], []
        received = request.received_date
        status = Status.SENT
        start = received
        if rng.random() < 0.6 and received + timedelta(days=3) <= today:
            self._reply(ReplyKind.ACKNOWLEDGEMENT, received + _days(rng, 0, 3))
            status = Status.ACKNOWLEDGED
        roll = rng.random()
        if roll < 0.04:
            asked = received + _days(rng, 3, 10)
            if asked > today:
                return status
            answered = asked + _days(rng, 2, 20) if rng.random() < 0.7 else None
            answered = answered if answered and answered <= today else None
            self._reply(ReplyKind.CLARIFICATION, asked, requester_answered_on=answered)
            if answered is None:
                return Status.CLOSED if (today - asked).days > 120 and rng.random() < 0.7 else \
                    Status.CLARIFICATION_REQUESTED
            status, start = Status.ACKNOWLEDGED, answered
        elif roll < 0.06:
            notice = received + _days(rng, 5, 15)
            if notice > today:
                return status
            paid = notice + _days(rng, 3, 30) if rng.random() < 0.6 else None
            paid = paid if paid and paid <= today else None
            self._reply(ReplyKind.FEES_NOTICE, notice, fee_paid_on=paid)
            if paid is None:
                return Status.CLOSED if (today - notice).days > 120 and rng.random() < 0.7 else Status.FEE_REQUESTED
            status = Status.ACKNOWLEDGED
        if not scottish and rng.random() < 0.06 and start + timedelta(days=27) <= today:
            estimate = start + _days(rng, 40, 55) if rng.random() < 0.6 else None
            self._reply(ReplyKind.EXTENSION, start + _days(rng, 15, 27), extended_to=estimate)
            status = Status.EXTENDED
        late = rng.random()
        if late < 0.03:
            return status  # never answered
        response = start + (_days(rng, 10, 30) if late < 0.8 else _days(rng, 31, 120))
        if response > today:
            return status
        o = rng.random()
        outcome = (Outcome.FULL if o < 0.5 else Outcome.PARTIAL if o < 0.72 else Outcome.REFUSED if o < 0.85
                   else Outcome.NOT_HELD if o < 0.95 else Outcome.NCND)
        choices = (SCOTTISH_EXEMPTIONS if scottish else EXEMPTIONS).get(outcome)
        exemptions = list(rng.choice(choices)) if choices else []
        reference = f"{ref_prefix}/{response.year}/{rng.randint(1, 9999):04d}"
        self.response = self._reply(ReplyKind.RESPONSE, response, outcome=outcome.value, exemptions=exemptions,
                                    authority_reference=reference)
        request.authority_reference = reference
        status, end = STATUS_FOR_OUTCOME[outcome], response
        if outcome != Outcome.FULL and rng.random() < 0.25:
            status, end = self._review(response, scottish)
        if status not in (Status.ESCALATED,) and (today - end).days > 90 and rng.random() < 0.5:
            status = Status.CLOSED
        if rng.random() < 0.01:
            status = Status.WITHDRAWN
        return status

    def _review(self, response: date, scottish: bool):
        rng, today = self.rng, self.today
        asked = response + _days(rng, 5, 40)
        if asked > today:
            return STATUS_FOR_OUTCOME[Outcome(self.response.outcome)], response
        done = asked + _days(rng, 10, 40) if rng.random() < 0.85 else None
        done = done if done and done <= today else None
        outcome = rng.choice(["upheld", "upheld", "partly_upheld", "overturned"]) if done else ""
        self.reviews.append(InternalReview(id=self.writer.next_id(InternalReview), request=self.request,
                                           requested_on=asked, outcome_date=done, outcome=outcome,
                                           grounds="The exemptions were applied too broadly."))
        if done is None:
            return Status.REVIEW_REQUESTED, asked
        self._reply(ReplyKind.REVIEW_OUTCOME, done, outcome=self.response.outcome, exemptions=self.response.exemptions)
        complaint = done + _days(rng, 5, 40)
        if rng.random() >= 0.3 or complaint > today:
            return Status.REVIEW_ANSWERED, done
        decision = complaint + _days(rng, 60, 250)
        decision = decision if rng.random() < 0.6 and decision <= today else None
        self.escalations.append(Escalation(
            id=self.writer.next_id(Escalation), request=self.request, body="sic" if scottish else "ico",
            submitted_on=complaint, case_reference=f"IC-{rng.randint(100000, 999999)}-{rng.randint(1000, 9999)}",
            decision_date=decision, outcome=rng.choice(["upheld", "partly_upheld", "not_upheld"]) if decision else ""))
        return (Status.DECIDED, decision) if decision else (Status.ESCALATED, complaint)

    def _reply(self, kind: str, letter: date, **fields) -> Reply:
        received = letter + _days(self.rng, 0, 2) if self.rng.random() < 0.3 else None
        reply = Reply(id=self.writer.next_id(Reply), request=self.request, kind=kind, letter_date=letter,
                      received_date=received, request_sent_date=self.request.sent_date, **fields)
        if kind == ReplyKind.RESPONSE:
            reply.body = (f"Dear requester,\n\nFreedom of Information request {fields.get('authority_reference')}"
                          f"\n\nThank you for your request dated {self.request.sent_date:%d %B %Y}. "
                          f"{Outcome(fields['outcome']).label}.\n\nYours sincerely,\nFreedom of Information Unit")
        self.replies.append(reply)
        return reply


class Tables:
    """Parsed tables in the contract's shape: year columns, totals, nested label paths, a few that do not add up."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.mismatched = self.suppressed = self.nested = 0

    def make(self, topic: int, question: int, year: int, scale: float) -> dict:
        rng = self.rng
        text, row_header, labels = TOPICS[topic][1][question]
        span = rng.choice((3, 3, 4, 5))
        columns = [str(y) for y in range(year - span, year)]
        if rng.random() < 0.2:
            columns = [f"{y}/{str(y + 1)[2:]}" for y in range(year - span - 1, year - 1)]
        rows = []

        def figures() -> list:
            return [int(scale * rng.uniform(0.2, 3.0)) for _ in columns]

        if isinstance(labels, dict):
            self.nested += 1
            for group, children in labels.items():
                kid_rows = [{"label": [group, child], "values": figures(), "total": False} for child in children]
                sums = [sum(r["values"][j] for r in kid_rows) for j in range(len(columns))]
                rows.append({"label": [group], "values": sums, "total": False})
                rows.extend(kid_rows)
            body = [r for r in rows if len(r["label"]) == 1]
        else:
            rows = [{"label": [label], "values": figures(), "total": False} for label in labels]
            body = rows
        grand = [sum(r["values"][j] for r in body) for j in range(len(columns))]
        columns.append("Total")
        for r in rows:
            r["values"].append(sum(r["values"]))
        rows.append({"label": ["Total" if rng.random() < 0.7 else "Grand Total"], "values": grand + [sum(grand)],
                     "total": True})
        consistent, warnings = True, []
        roll = rng.random()
        if roll < 0.05:  # a stated total that does not add up: reported, never corrected
            r = rng.choice(rows[:-1])
            computed = r["values"][-1]
            r["values"][-1] = stated = computed + rng.choice((-3, -2, -1, 1, 2, 5))
            label = " > ".join(r["label"])
            warnings.append(f"row '{label}', column 'Total': stated {stated}, sum {computed}")
            consistent = False
            self.mismatched += 1
        elif roll < 0.12:  # suppressed small figures: nothing can be checked
            r = rng.choice(rows[:-1])
            j = rng.randrange(len(columns) - 1)
            r["values"][j] = rng.choice(("*", "<5", "x"))
            consistent = None
            self.suppressed += 1
        elif roll < 0.15 and len(rows) > 2:
            rows[rng.randrange(len(rows) - 1)]["values"][0] = None  # an empty cell
        return {"source": "body" if rng.random() < 0.6 else f"FOI response {year}.xlsx#sheet=Data",
                "question": str(question + 1), "title": f"{TOPICS[topic][0]}, {columns[0]} to {columns[-2]}",
                "row_header": row_header, "columns": columns, "rows": rows, "totals_consistent": consistent,
                "warnings": warnings}


class Command(BaseCommand):
    help = ("Fill the configured database with demo data: a demo user and team, batches to all 48 forces, "
            "requests since 2021 with replies and parsed tables, stored deadlines computed. Refuses if the "
            "demo user already has requests, unless --yes (which deletes that user's requests and batches first).")

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=100_000)
        parser.add_argument("--table-rows", type=int, default=300_000, help="parsed-table rows in all")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--owner", default="demo", help="the demo user's username (password: the same)")
        parser.add_argument("--yes", action="store_true", help="replace this owner's existing demo data")

    def handle(self, *args, requests: int, table_rows: int, seed: int, owner: str, yes: bool, **options):
        started = time.perf_counter()
        self.rng = random.Random(seed)
        self.today = services.london_today()
        self.authorities = list(Authority.objects.order_by("pk"))
        if not self.authorities:
            raise CommandError("No authorities: run `manage.py migrate` first (migration 0002 adds the 48 forces).")
        user = self._owner(owner, yes)
        self.writer = Writer()
        self.extra = selectors.extra_days_by_calendar()
        self.eligible: list[tuple] = []
        self.counts = {"requests": 0, "batches": 0, "replies": 0, "reviews": 0, "escalations": 0}
        self.statuses: dict[str, int] = {}
        with transaction.atomic():
            self._requests(user, requests)
        tables = Tables(self.rng)
        with transaction.atomic():
            made_tables, made_rows = self._tables(tables, table_rows)
        self.writer.finish()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # what autovacuum does soon after a bulk load: plans need it,
                # and index-only scans the visibility map VACUUM sets (not possible inside a transaction)
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        self._summary(user, made_tables, made_rows, tables, time.perf_counter() - started)

    def _owner(self, username: str, yes: bool):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user and (FOIRequest.objects.filter(owner=user).exists() or Batch.objects.filter(owner=user).exists()):
            if not yes:
                raise CommandError(
                    f"The database already has demo data: user '{username}' owns "
                    f"{FOIRequest.objects.filter(owner=user).count():,} requests. Run again with --yes to delete "
                    f"them and seed afresh, or pick another --owner.")
            self.stdout.write(f"deleting the existing demo data of '{username}' ...")
            FOIRequest.objects.filter(owner=user).delete()
            Batch.objects.filter(owner=user).delete()
        if user is None:
            user = User.objects.create_user(username, f"{username}@example.org", username,
                                            first_name="Demo", last_name="Journalist")
        team, _ = Team.objects.get_or_create(name=TEAM_NAME)
        colleague, _ = User.objects.get_or_create(username=f"{username}-colleague",
                                                  defaults={"email": f"{username}-colleague@example.org"})
        team.members.add(user, colleague)
        self.team = team
        return user

    def _requests(self, user, n: int) -> None:
        rng, forces = self.rng, len(self.authorities)
        batches = int(n * BATCH_SHARE / forces) if n >= forces else 0
        span = (self.today - FIRST_SENT).days
        plan = [("batch", b) for b in range(batches)] + [("single", None)] * (n - batches * forces)
        rng.shuffle(plan)
        self.stdout.write(f"seeding {n:,} requests ({batches:,} batches to all {forces} forces) "
                          f"sent {FIRST_SENT}..{self.today} ...")
        self.life = Life(rng, self.writer, self.today)
        buffer: list = []
        started = time.perf_counter()
        for kind, _ in plan:
            sent = FIRST_SENT + timedelta(days=rng.randint(0, span))
            topic = rng.randrange(len(TOPICS))
            if kind == "batch":
                batch = self._batch(user, topic, sent)
                for authority in self.authorities:
                    buffer.append(self._request(user, authority, batch, topic, sent))
            else:
                buffer.append(self._request(user, rng.choice(self.authorities), None, topic, sent))
            if len(buffer) >= CHUNK:
                self._flush(buffer)
                buffer = []
                elapsed = time.perf_counter() - started
                self.stdout.write(f"  {self.counts['requests']:,}/{n:,} requests "
                                  f"({elapsed:.1f} s, {self.counts['requests'] / elapsed:,.0f}/s)")
        self._flush(buffer)

    def _batch(self, user, topic: int, sent: date) -> Batch:
        title, questions = TOPICS[topic]
        batch = Batch(id=self.writer.next_id(Batch), owner=user, team=self.team, title=f"{title}: {sent:%B %Y}",
                      text=self._text(topic), created_at=_stamp(sent))
        self.writer.insert(Batch, ["id", "owner_id", "team_id", "title", "text", "created_at"],
                           [(batch.id, user.pk, self.team.pk, batch.title, batch.text, batch.created_at)])
        self.counts["batches"] += 1
        return batch

    @staticmethod
    def _text(topic: int) -> str:
        lines = [f"{i}. {q[0]}" for i, q in enumerate(TOPICS[topic][1], 1)]
        return "Under the Freedom of Information Act, please tell me:\n\n" + "\n".join(lines) + \
            "\n\nPlease give the figures for each of the last calendar years you hold.\n"

    def _request(self, user, authority: Authority, batch: Batch | None, topic: int, sent: date):
        rng = self.rng
        draft = batch is None and rng.random() < 0.005
        regime = ("eisr" if authority.default_regime == "foisa" else "eir") if rng.random() < 0.05 else ""
        received = None if draft else sent + (_days(rng, 1, 3) if rng.random() < 0.2 else timedelta())
        request = FOIRequest(
            id=self.writer.next_id(FOIRequest), owner=user, authority=authority, batch=batch, regime=regime,
            team=self.team if batch or rng.random() < 0.2 else None, public=rng.random() < 0.1,
            title=f"{TOPICS[topic][0]}, {sent:%B %Y}" if batch is None else batch.title,
            sent_date=None if draft else sent, received_date=received)
        request.deadline_replies, request.deadline_reviews, request.deadline_escalations = [], [], []
        if draft:
            request.status = Status.DRAFT
            return request, topic
        scottish = authority.default_regime in ("foisa", "eisr")
        prefix = "".join(w[0] for w in authority.name.split() if w[0].isupper())[:4] or "FOI"
        self.life.response = None
        request.status = self.life.make(request, scottish, prefix)
        request.deadline_replies = self.life.replies
        request.deadline_reviews = self.life.reviews
        request.deadline_escalations = self.life.escalations
        computed = selectors.request_deadlines(request, self.extra)
        for name in Deadlines.STORED:
            setattr(request, name, getattr(computed, name))
        for name, value in selectors.request_answer(request, computed, self.extra).items():
            setattr(request, name, value)
        response = self.life.response
        if response is not None and response.outcome in (Outcome.FULL, Outcome.PARTIAL):
            self.eligible.append((response.id, request.id, request.batch_id, topic, response.letter_date,
                                  authority.pk, response.authority_reference, response.exemptions,
                                  request.received_date))
        return request, topic

    def _flush(self, buffer: list) -> None:
        if not buffer:
            return
        w, qs = self.writer, self._text
        req_names = ["id", "owner_id", "authority_id", "batch_id", "team_id", "public", "title", "text", "questions",
                     "regime", "sent_date", "received_date", "authority_reference", "status", "created_at",
                     "updated_at", *Deadlines.STORED, *selectors.ANSWER_FIELDS]
        rows, replies, reviews, escalations, events = [], [], [], [], []
        for r, topic in buffer:
            stamp = _stamp(r.sent_date or self.today)
            questions = [{"number": str(i), "text": q[0]} for i, q in enumerate(TOPICS[topic][1], 1)]
            rows.append((r.id, r.owner_id, r.authority_id, r.batch_id, r.team_id, r.public, r.title, qs(topic),
                         questions, r.regime, r.sent_date, r.received_date, r.authority_reference, r.status, stamp,
                         stamp, *(getattr(r, n) for n in (*Deadlines.STORED, *selectors.ANSWER_FIELDS))))
            self.statuses[r.status] = self.statuses.get(r.status, 0) + 1
            events.append((r.id, stamp, r.owner_id, "created", "Request logged (demo data)", {}))
            for p in r.deadline_replies:
                replies.append((p.id, r.id, p.kind, p.letter_date, p.received_date, p.outcome, p.exemptions, p.body,
                                p.authority_reference, p.requester_answered_on, p.fee_paid_on, p.extended_to,
                                r.sent_date, _stamp(p.received_date or p.letter_date)))
            reviews += [(v.id, r.id, v.requested_on, v.grounds, v.outcome_date, v.outcome) for v in r.deadline_reviews]
            escalations += [(e.id, r.id, e.body, e.submitted_on, e.case_reference, e.decision_date, e.outcome)
                            for e in r.deadline_escalations]
        w.insert(FOIRequest, req_names, rows)
        w.insert(Reply, ["id", "request_id", "kind", "letter_date", "received_date", "outcome", "exemptions", "body",
                         "authority_reference", "requester_answered_on", "fee_paid_on", "extended_to",
                         "request_sent_date", "created_at"], replies)
        w.insert(InternalReview, ["id", "request_id", "requested_on", "grounds", "outcome_date", "outcome"], reviews)
        w.insert(Escalation, ["id", "request_id", "body", "submitted_on", "case_reference", "decision_date",
                              "outcome"], escalations)
        w.insert(RequestEvent, ["request_id", "at", "actor_id", "kind", "message", "changes"], events)
        self.counts["requests"] += len(rows)
        self.counts["replies"] += len(replies)
        self.counts["reviews"] += len(reviews)
        self.counts["escalations"] += len(escalations)

    def _tables(self, tables: Tables, target: int) -> tuple[int, int]:
        """Tables for answered requests until `target` rows: every batch reply first, then half the others."""
        rng = self.rng
        self.stdout.write(f"seeding {target:,} parsed-table rows over {len(self.eligible):,} answered requests ...")
        scale = {a.pk: rng.lognormvariate(3.5, 0.9) for a in self.authorities}
        in_batch = [e for e in self.eligible if e[2] is not None]
        others = [e for e in self.eligible if e[2] is None]
        rng.shuffle(in_batch)
        rng.shuffle(others)
        order = in_batch + [e for e in others if rng.random() < 0.5]
        made_rows = made_tables = 0
        names = ["reply_id", "position", "source", "question", "title", "row_header", "columns", "rows",
                 "totals_consistent", "warnings"]
        buffer, parsed = [], []
        rounds = 0
        while made_rows < target and order and rounds < 50:
            rounds += 1
            for reply_id, request_id, batch_id, topic, letter, authority, reference, exemptions, received in order:
                made = []
                for q in range(len(TOPICS[topic][1])):
                    if made_rows >= target or (batch_id is None and rng.random() < 0.3):
                        continue
                    t = tables.make(topic, q, letter.year, scale[authority])
                    t["rows"] = t["rows"][: target - made_rows]
                    made_rows += len(t["rows"])
                    made.append(t)
                    buffer.append((reply_id, len(made) - 1 + (rounds - 1) * 10, t["source"], t["question"],
                                   t["title"], t["row_header"], t["columns"], t["rows"], t["totals_consistent"],
                                   t["warnings"]))
                if made and rounds == 1:
                    parsed.append((reply_id, {
                        "schema": SCHEMA, "source": "body", "reference": reference, "letter_date": letter.isoformat(),
                        "request_received_date": received.isoformat(), "exemptions": exemptions,
                        "neither_confirm_nor_deny": False, "warnings": [w for t in made for w in t["warnings"]],
                        "tables": made}))
                made_tables += len(made)
                if len(buffer) >= CHUNK:
                    self.writer.insert(ParsedTable, names, buffer)
                    self._parsed(parsed)
                    buffer, parsed = [], []
                    self.stdout.write(f"  {made_tables:,} tables, {made_rows:,}/{target:,} rows")
                if made_rows >= target:
                    break
        self.writer.insert(ParsedTable, names, buffer)
        self._parsed(parsed)
        return made_tables, made_rows

    def _parsed(self, parsed: list) -> None:
        """Each reply's stored parse, as services.reply_parse() keeps it."""
        if not parsed:
            return
        field = Reply._meta.get_field("parsed")
        qn = connection.ops.quote_name
        sql = f"UPDATE {qn(Reply._meta.db_table)} SET {qn('parsed')} = %s WHERE {qn('id')} = %s"
        with connection.cursor() as cursor:
            cursor.executemany(sql, [(field.get_db_prep_save(p, connection), pk) for pk, p in parsed])

    def _summary(self, user, made_tables: int, made_rows: int, tables: Tables, seconds: float) -> None:
        c = self.counts
        self.stdout.write(self.style.SUCCESS(
            f"Seeded in {seconds:.1f} s: {c['requests']:,} requests ({c['batches']:,} batches), {c['replies']:,} "
            f"replies, {c['reviews']:,} internal reviews, {c['escalations']:,} complaints, {made_tables:,} parsed "
            f"tables with {made_rows:,} rows ({tables.nested:,} nested, {tables.mismatched:,} with totals that do "
            f"not add up, {tables.suppressed:,} with suppressed figures)."))
        top = sorted(self.statuses.items(), key=lambda kv: -kv[1])
        self.stdout.write("Statuses: " + ", ".join(f"{s} {n:,}" for s, n in top))
        self.stdout.write(f"Log in as '{user.username}' (password '{user.username}'); team '{TEAM_NAME}'.")
