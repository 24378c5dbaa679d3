"""Reads for the forces pages: the FOI league table and one force's profile.

A fixed number of GROUP BY queries whatever the number of requests: each request carries
its first response's facts (services.deadlines_recompute() stores them), so the league
counts, a histogram of working days (for the medians) and the exemptions cited are each
aggregated by the database, not read row by row.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, F, Q, QuerySet

from requests_app.models import Authority, FOIRequest, Reply, RequestEvent
from requests_app.models.reply import Outcome
from requests_app.models.request import AWAITING_RESPONSE

REFUSALS = (Outcome.REFUSED, Outcome.PARTIAL, Outcome.NCND)
STATS_TTL = 300  # seconds: a bound on staleness for changes that leave no audit event
BUCKETS = [(0, 10, "0–10"), (11, 20, "11–20"), (21, 30, "21–30"), (31, 40, "31–40"), (41, 10**6, "over 40")]


@dataclass
class ForceNumbers:
    days: Counter = field(default_factory=Counter)  # working days to the first answer -> requests
    on_time: int = 0
    refused: int = 0
    not_held: int = 0
    exemptions: Counter = field(default_factory=Counter)

    @property
    def answered(self) -> int:
        return sum(self.days.values())

    @property
    def median_days(self) -> float | int | None:
        """The median of the working days, from the histogram (as statistics.median would give)."""
        n = self.answered
        if not n:
            return None
        middle = [(n - 1) // 2, n // 2]
        found, seen = [], 0
        for days in sorted(self.days):
            count = self.days[days]
            while middle and middle[0] < seen + count:
                found.append(days)
                middle.pop(0)
            seen += count
        return found[0] if found[0] == found[1] else (found[0] + found[1]) / 2


def _late(today: date) -> Q:
    return Q(status__in=AWAITING_RESPONSE) & (
        Q(extended_due__isnull=True, response_due_code__lt=today) | Q(extended_due__lt=today))


_ANSWER_COUNTS = {
    "on_time": Count("id", filter=Q(answered_on_time=True)),
    "refused": Count("id", filter=Q(answer_outcome__in=REFUSALS)),
    "not_held": Count("id", filter=Q(answer_outcome=Outcome.NOT_HELD)),
}


def _answer_days(visible: QuerySet, numbers: dict[int, ForceNumbers]) -> None:
    """Per authority, how many first answers took each number of working days (one GROUP BY)."""
    rows = (visible.filter(answered_on__isnull=False).order_by().values("authority_id", "answer_working_days")
            .annotate(n=Count("id")).values_list("authority_id", "answer_working_days", "n"))
    for authority_id, days, n in rows:
        if days is not None:
            numbers[authority_id].days[days] += n


def _answer_counts(row: dict, force: ForceNumbers) -> None:
    force.on_time, force.refused, force.not_held = row["on_time"], row["refused"], row["not_held"]


# Each reply's exemptions (a JSON list) as rows, counted per authority by the database.
# Only arrays: the admin's JSON field would take a string or an object, and jsonb_array_elements_text
# raises on those (a 500 for every league and force page).
_UNNEST = {"sqlite": ("json_each(sub.exemptions) AS j", "json_type(sub.exemptions) = 'array'"),
           "postgresql": ("jsonb_array_elements_text(sub.exemptions) AS j", "jsonb_typeof(sub.exemptions) = 'array'")}


def _exemptions(visible: QuerySet, numbers: dict[int, ForceNumbers]) -> None:
    """Per authority, how many replies cite each exemption."""
    replies = (Reply.objects.filter(request__in=visible).exclude(exemptions=[]).order_by()
               .annotate(authority=F("request__authority_id")).values("id", "authority", "exemptions"))
    unnest = _UNNEST.get(connection.vendor)
    if unnest is None:  # another database: the lists read and counted here
        for row in replies.iterator(2000):
            if isinstance(row["exemptions"], list):
                numbers[row["authority"]].exemptions.update(set(row["exemptions"]))
        return
    try:
        sql, params = replies.query.sql_with_params()
    except EmptyResultSet:  # nothing visible (a visitor): nothing to count
        return
    value = "j.value" if connection.vendor == "sqlite" else "j"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT sub.authority, {value}, COUNT(DISTINCT sub.id) FROM ({sql}) sub, {unnest[0]} "
                       f"WHERE {unnest[1]} GROUP BY sub.authority, {value}", params)
        for authority_id, code, n in cursor.fetchall():
            numbers[authority_id].exemptions[code] += n


def force_numbers(visible: QuerySet) -> dict[int, ForceNumbers]:
    """Per authority: working days to the first answers, on time, refused, not held, exemptions."""
    numbers: dict[int, ForceNumbers] = defaultdict(ForceNumbers)
    for row in visible.order_by().values("authority_id").annotate(**_ANSWER_COUNTS):
        _answer_counts(row, numbers[row["authority_id"]])
    _answer_days(visible, numbers)
    _exemptions(visible, numbers)
    return numbers


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _data_version() -> tuple:
    """Changes whenever a request, its deadlines, status or replies change: every such write adds
    an audit event or a reply (two index lookups, not a scan)."""
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:  # one round trip for both
        cursor.execute(f"SELECT (SELECT MAX({qn('id')}) FROM {qn(RequestEvent._meta.db_table)}), "
                       f"(SELECT MAX({qn('id')}) FROM {qn(Reply._meta.db_table)})")
        return tuple(cursor.fetchone())


def kept_until_changed(user, name: str, today: date, compute, key: str = ""):
    """compute() kept per person for STATS_TTL seconds, or until the data changes (an audit event
    or a reply is added): for aggregates that are the same on every view until something moves."""
    version = "-".join(str(v) for v in _data_version())
    cache_key = f"{name}:{user.pk or 'anon'}:{int(user.is_superuser)}:{today}:{key}:{version}"
    found = cache.get(cache_key)
    if found is None:
        found = compute()
        cache.set(cache_key, found, STATS_TTL)
    return found


def authority_stats_cached(user, *, today: date, authorities: QuerySet, key: str) -> list[dict]:
    """authority_stats() kept until the data changes: three aggregates over every request."""
    return kept_until_changed(user, "league", today, lambda: authority_stats(user, today=today, authorities=authorities),
                              key)


def authority_stats(user, *, today: date, authorities: QuerySet | None = None) -> list[dict]:
    """The league table: one dict per authority, over the requests this person can see."""
    visible = FOIRequest.objects.for_user(user)
    authorities = authorities if authorities is not None else Authority.objects.all()
    counts = {row["authority_id"]: row for row in visible.order_by().values("authority_id").annotate(
        requests=Count("id"), awaiting=Count("id", filter=Q(status__in=AWAITING_RESPONSE)),
        overdue=Count("id", filter=_late(today)), **_ANSWER_COUNTS)}
    numbers: dict[int, ForceNumbers] = defaultdict(ForceNumbers)
    for authority_id, row in counts.items():
        _answer_counts(row, numbers[authority_id])
    _answer_days(visible, numbers)
    _exemptions(visible, numbers)
    rows = []
    for authority in authorities:
        c, n = counts.get(authority.pk, {}), numbers.get(authority.pk, ForceNumbers())
        rows.append({
            "id": authority.pk, "slug": authority.slug, "name": authority.name, "nation": authority.nation,
            "nation_label": authority.get_nation_display(), "requests": c.get("requests", 0),
            "awaiting": c.get("awaiting", 0), "overdue": c.get("overdue", 0), "answered": n.answered,
            "on_time_rate": _rate(n.on_time, n.answered), "median_days": n.median_days,
            "refusal_rate": _rate(n.refused, n.answered), "top_exemptions": n.exemptions.most_common(3),
        })
    return rows


def response_time_buckets(numbers: ForceNumbers) -> list[tuple[str, int]]:
    return [(f"{label} working days", sum(n for d, n in numbers.days.items() if lo <= d <= hi))
            for lo, hi, label in BUCKETS]
