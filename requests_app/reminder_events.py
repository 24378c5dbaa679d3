"""Reads for reminders: every event due on a day, from the stored, indexed deadline columns.

Each rule is one range query on an indexed date column, so a sweep costs what is due, not
what is stored. Events with a short lead (due soon, windows closing) are looked for in the
range where they are still relevant; events that stay true for weeks once they happen
(overdue, very overdue, review answer overdue) only where they fell due since the last
sweep, which is how a sweep after an outage catches up, once.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from django.db.models import Count, DateField, Max, Q
from django.db.models.functions import Coalesce

from requests_app import deadlines, selectors
from requests_app.models import FOIRequest, Status
from requests_app.models.reminder import NotificationSettings, ReminderEvent
from requests_app.models.request import ANSWERED, AWAITING_RESPONSE

DEFAULT_LEADS = (1, 5)
# Days before a window closes that the reminder goes out (issue 5).
WINDOW_LEAD = {
    ReminderEvent.REVIEW_WINDOW_CLOSING: 7,
    ReminderEvent.ESCALATION_WINDOW_CLOSING: 14,
    ReminderEvent.TRIBUNAL_WINDOW_CLOSING: 7,
}
_REVIEWABLE = (Status.ANSWERED_PARTIAL, Status.REFUSED, Status.NOT_HELD)
_IN_REVIEW = (Status.REVIEW_REQUESTED, Status.REVIEW_ANSWERED)
# The states in which each event still matters to the person: checked by the sweep and again
# when a digest is sent, so a digest delayed by an outage leaves out what has since been settled.
EVENT_STATES = {
    ReminderEvent.DUE_SOON: AWAITING_RESPONSE, ReminderEvent.DUE_TODAY: AWAITING_RESPONSE,
    ReminderEvent.OVERDUE: AWAITING_RESPONSE, ReminderEvent.VERY_OVERDUE: AWAITING_RESPONSE,
    ReminderEvent.REVIEW_OVERDUE: (Status.REVIEW_REQUESTED,), ReminderEvent.REVIEW_WINDOW_CLOSING: _REVIEWABLE,
    ReminderEvent.ESCALATION_WINDOW_CLOSING: _IN_REVIEW, ReminderEvent.TRIBUNAL_WINDOW_CLOSING: (Status.DECIDED,),
}
_WINDOW_COLUMN = {
    ReminderEvent.REVIEW_WINDOW_CLOSING: "review_window_closes",
    ReminderEvent.ESCALATION_WINDOW_CLOSING: "escalation_window_closes",
    ReminderEvent.TRIBUNAL_WINDOW_CLOSING: "tribunal_appeal_due",
}
# A late event can fall due a few days after its date (Christmas, Easter): look this far back.
_TRIGGER_SLACK = timedelta(days=14)
REPLIED = (*ANSWERED, Status.REVIEW_REQUESTED, Status.REVIEW_ANSWERED, Status.ESCALATED, Status.DECIDED, Status.CLOSED)
_FIELDS = ("id", "owner_id", "title", "status", "regime", "authority__name", "authority__default_regime",
           "response_due", "response_due_code", "extended_due", "very_overdue", "review_window_closes",
           "review_response_due", "escalation_window_closes", "tribunal_appeal_due")


@dataclass(frozen=True)
class DueEvent:
    recipient_id: int
    event: str
    due_date: date
    lead_days: int = 0
    request_id: int | None = None
    batch_id: int | None = None
    title: str = ""
    authority: str = ""
    regime: str = "foia"

    def key(self) -> tuple:
        return (self.recipient_id, self.request_id, self.batch_id, self.event, self.lead_days, self.due_date)

    def as_json(self) -> dict:
        data = asdict(self)
        data["due_date"] = self.due_date.isoformat()
        return data


class _Calendars:
    """Working-day arithmetic with the admin's extra non-working days, one calendar per regime."""

    def __init__(self):
        self.extra = selectors.extra_days_by_calendar()

    def between(self, a: date, b: date, regime: str) -> int:
        return deadlines.working_days_between(a, b, regime, extra=selectors.extra_days_for(regime, self.extra))

    def after(self, day: date, n: int, regime: str) -> date:
        return deadlines.add_working_days(day, n, regime, extra=selectors.extra_days_for(regime, self.extra))


def settings_for(user_ids: Iterable[int]) -> dict[int, NotificationSettings]:
    """Each person's settings; people who never saved any get the defaults (not stored)."""
    found = {s.user_id: s for s in NotificationSettings.objects.filter(user_id__in=set(user_ids))}
    return {uid: found.get(uid) or NotificationSettings(user_id=uid) for uid in user_ids}


def _max_lead() -> int:
    leads = [max(s.leads) for s in NotificationSettings.objects.filter(enabled=True).only("lead_days")]
    return max([*leads, *DEFAULT_LEADS])


def _regime(row: dict) -> str:
    return row["regime"] or row["authority__default_regime"]


def _event(row: dict, event: str, due: date, lead: int = 0) -> DueEvent:
    return DueEvent(recipient_id=row["owner_id"], event=event, due_date=due, lead_days=lead, request_id=row["id"],
                    title=row["title"], authority=row["authority__name"], regime=_regime(row))


def _rows(queryset) -> Iterator[dict]:
    return queryset.order_by().values(*_FIELDS).iterator(chunk_size=2000)


def _due_soon(today: date, cal: _Calendars) -> Iterator[DueEvent]:
    horizon = cal.after(today, _max_lead(), "foia")  # the UK calendar has the most holidays: the widest reach
    rows = list(_rows(FOIRequest.objects.due_between(today, horizon)))
    people = settings_for({r["owner_id"] for r in rows})
    for row in rows:
        due = row["extended_due"] or row["response_due"]
        if due == today:
            yield _event(row, ReminderEvent.DUE_TODAY, due)
            continue
        left = cal.between(today, due, _regime(row))
        leads = [n for n in (people[row["owner_id"]].leads or DEFAULT_LEADS) if n >= left]
        if left > 0 and leads:
            yield _event(row, ReminderEvent.DUE_SOON, due, min(leads))


def _late(today: date, since: date, cal: _Calendars, event: str, column, queryset) -> Iterator[DueEvent]:
    """Events that fall due on the first working day after a date, and fell due in (since, today]."""
    for row in _rows(queryset.filter(**{f"{column}__gte": since - _TRIGGER_SLACK, f"{column}__lt": today})):
        day = row[column]
        trigger = cal.after(day, 1, _regime(row))
        if since < trigger <= today and not _superseded(row, event, today, cal):
            yield _event(row, event, day)


def _superseded(row: dict, event: str, today: date, cal: _Calendars) -> bool:
    """An overdue reminder is not worth sending once the request is already very overdue."""
    very = row["very_overdue"]
    return event == ReminderEvent.OVERDUE and very is not None and cal.after(very, 1, _regime(row)) <= today


def _overdue(today: date, since: date, cal: _Calendars) -> Iterator[DueEvent]:
    awaiting = FOIRequest.objects.awaiting_response()
    yield from _late(today, since, cal, ReminderEvent.OVERDUE, "extended_due", awaiting.filter(extended_due__isnull=False))
    yield from _late(today, since, cal, ReminderEvent.OVERDUE, "response_due_code", awaiting.filter(extended_due__isnull=True))
    yield from _late(today, since, cal, ReminderEvent.VERY_OVERDUE, "very_overdue", awaiting)
    yield from _late(today, since, cal, ReminderEvent.REVIEW_OVERDUE, "review_response_due",
                     FOIRequest.objects.filter(status__in=EVENT_STATES[ReminderEvent.REVIEW_OVERDUE]))


def _windows(today: date) -> Iterator[DueEvent]:
    for event, column in _WINDOW_COLUMN.items():
        window = {f"{column}__range": (today, today + timedelta(days=WINDOW_LEAD[event]))}
        for row in _rows(FOIRequest.objects.filter(status__in=EVENT_STATES[event], **window)):
            yield _event(row, event, row[column])


def _late_q(today: date) -> Q:
    return Q(status__in=AWAITING_RESPONSE) & (
        Q(extended_due__isnull=True, response_due_code__lt=today) | Q(extended_due__lt=today))


def _batch_stragglers(today: date, since: date) -> Iterator[DueEvent]:
    """Batches where more than half the forces have replied and at least one is late.

    Only batches with a request that became late since the last sweep (or within the
    catch-up slack) are looked at; the reminder is keyed on the latest late date, so a
    force falling late later brings a new one.
    """
    lo = since - _TRIGGER_SLACK
    # Each column bounded on its own, so the (status, date) indexes serve it (a COALESCE cannot).
    recently_late = FOIRequest.objects.filter(
        Q(extended_due__isnull=True, response_due_code__gte=lo, response_due_code__lt=today)
        | Q(extended_due__gte=lo, extended_due__lt=today),
        status__in=AWAITING_RESPONSE, batch__isnull=False).values("batch_id")
    limit = Coalesce("extended_due", "response_due_code", output_field=DateField())
    stats = (FOIRequest.objects.filter(batch_id__in=recently_late)
             .values("batch_id", "batch__owner_id", "batch__title")
             .annotate(total=Count("id"), replied=Count("id", filter=Q(status__in=REPLIED)),
                       late=Count("id", filter=_late_q(today)),
                       last_late=Max(limit, filter=_late_q(today))))
    for row in stats:
        if row["late"] and row["replied"] * 2 > row["total"]:
            yield DueEvent(recipient_id=row["batch__owner_id"], event=ReminderEvent.BATCH_STRAGGLERS,
                           due_date=row["last_late"], batch_id=row["batch_id"],
                           title=f"{row['batch__title']}: {row['replied']} of {row['total']} replied, {row['late']} late")


def events_due(*, today: date, since: date) -> list[DueEvent]:
    """Every event due on `today`, for every person, before their settings are applied."""
    cal = _Calendars()
    found = [*_due_soon(today, cal), *_overdue(today, since, cal), *_windows(today), *_batch_stragglers(today, since)]
    return sorted(found, key=lambda e: (e.recipient_id, e.event, e.due_date, e.request_id or 0, e.batch_id or 0))


def wanted(events: list[DueEvent]) -> list[DueEvent]:
    """The events each person asked to hear about (settings: on/off and which events)."""
    people = settings_for({e.recipient_id for e in events})
    return [e for e in events if people[e.recipient_id].wants(e.event)]
