"""What a digest e-mail says: its subject, its groups of lines and both of its parts."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from requests_app import deadlines
from requests_app.models.reminder import ReminderEvent as E
from requests_app.reminder_events import DueEvent

ORDER = [E.DUE_TODAY, E.VERY_OVERDUE, E.OVERDUE, E.DUE_SOON, E.REVIEW_OVERDUE, E.REVIEW_WINDOW_CLOSING,
         E.ESCALATION_WINDOW_CLOSING, E.TRIBUNAL_WINDOW_CLOSING, E.BATCH_STRAGGLERS]
ADVICE = {
    E.DUE_TODAY: "The authority must answer by the end of today.",
    E.VERY_OVERDUE: "Twenty working days late: a complaint to the Commissioner is well founded now.",
    E.OVERDUE: "Late: chase the authority, and you may complain to the Commissioner.",
    E.DUE_SOON: "Nothing to do yet; the answer is due soon.",
    E.REVIEW_OVERDUE: "The internal review is late: you may complain to the Commissioner.",
    E.REVIEW_WINDOW_CLOSING: "Ask for an internal review before the window closes if you dispute the reply.",
    E.ESCALATION_WINDOW_CLOSING: "Complain to the Commissioner before the window closes if the review did not settle it.",
    E.TRIBUNAL_WINDOW_CLOSING: "Appeal the decision notice before the window closes if you mean to.",
    E.BATCH_STRAGGLERS: "Most forces have answered: chase the late ones.",
}


@dataclass(frozen=True)
class Line:
    text: str
    url: str


@dataclass(frozen=True)
class Group:
    event: str
    heading: str
    advice: str
    lines: list[Line]


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _day(d: date) -> str:
    return f"{d:%a} {d.day} {d:%b %Y}"


def describe(event: DueEvent, today: date) -> str:
    """One line of the digest, worded for the day it is sent (not the day it was found)."""
    d, kind = event.due_date, event.event
    late = deadlines.working_days_between(d, today, event.regime) if d < today else 0
    left = (d - today).days
    if kind == E.DUE_SOON:
        return f"due {_day(d)}, in {_plural(deadlines.working_days_between(today, d, event.regime), 'working day')}"
    if kind == E.DUE_TODAY:
        return f"due today, {_day(d)}" if d == today else f"was due {_day(d)}"
    if kind in (E.OVERDUE, E.VERY_OVERDUE, E.REVIEW_OVERDUE):
        return f"was due {_day(d)}: {_plural(late, 'working day')} late"
    if kind == E.BATCH_STRAGGLERS:
        return f"latest late force was due {_day(d)}"
    return f"closes {_day(d)} ({_plural(left, 'day')} left)" if left >= 0 else f"closed {_day(d)}"


def subject(events: list[DueEvent]) -> str:
    """'3 FOI deadlines today, 2 overdue, 1 review window closing'."""
    n = Counter(e.event for e in events)
    # (count, noun, plural, what, whether the noun may be left out after the first phrase)
    phrases = [
        (n[E.DUE_TODAY], "FOI deadline", "FOI deadlines", "today", True),
        (n[E.OVERDUE] + n[E.VERY_OVERDUE], "FOI request", "FOI requests", "overdue", True),
        (n[E.DUE_SOON], "FOI request", "FOI requests", "due soon", True),
        (n[E.REVIEW_OVERDUE], "internal review", "internal reviews", "overdue", False),
        (n[E.REVIEW_WINDOW_CLOSING], "review window", "review windows", "closing", False),
        (n[E.ESCALATION_WINDOW_CLOSING], "complaint window", "complaint windows", "closing", False),
        (n[E.TRIBUNAL_WINDOW_CLOSING], "appeal window", "appeal windows", "closing", False),
        (n[E.BATCH_STRAGGLERS], "batch", "batches", "with late forces", False),
    ]
    parts = []
    for count, one, many, what, elide in phrases:
        if count:
            noun = "" if parts and elide else (one if count == 1 else many) + " "
            parts.append(f"{count} {noun}{what}")
    return ", ".join(parts) or "No FOI deadlines"


def _url(event: DueEvent) -> str:
    if event.request_id:
        path = reverse("pages:request", args=[event.request_id])
    else:
        path = reverse("pages:batch", args=[event.batch_id])
    return settings.FOITRACKER_BASE_URL.rstrip("/") + path


def groups(events: list[DueEvent], today: date) -> list[Group]:
    by_event: dict[str, list[DueEvent]] = {}
    for event in events:
        by_event.setdefault(event.event, []).append(event)
    return [
        Group(kind, E(kind).label, ADVICE[kind], [
            Line(f"{e.title}{' — ' + e.authority if e.authority else ''}: {describe(e, today)}", _url(e))
            for e in sorted(by_event[kind], key=lambda e: (e.due_date, e.title))])
        for kind in ORDER if kind in by_event
    ]


def settings_url() -> str:
    return settings.FOITRACKER_BASE_URL.rstrip("/") + reverse("requests_app:notification_settings")


def message(*, to: str, name: str, events: list[DueEvent], today: date, digest_id: int | None = None
            ) -> EmailMultiAlternatives:
    context = {"name": name, "groups": groups(events, today), "today": today, "settings_url": settings_url(),
               "subject": subject(events)}
    mail = EmailMultiAlternatives(
        subject=context["subject"], body=render_to_string("requests_app/email/digest.txt", context), to=[to],
        headers={"X-Foitracker-Digest": str(digest_id or "preview"), "List-Unsubscribe": f"<{settings_url()}>"})
    mail.attach_alternative(render_to_string("requests_app/email/digest.html", context), "text/html")
    return mail
