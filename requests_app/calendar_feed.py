"""A person's private calendar: every upcoming deadline of their open requests, as all-day events."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone as dt_timezone

from django.conf import settings
from django.db.models import Q
from icalendar import Calendar, Event

from requests_app.models import FOIRequest, Status
from requests_app.models.request import AWAITING_RESPONSE

# (column, summary, the states in which the deadline is still the person's concern)
DEADLINES = (
    ("due", "Response due", AWAITING_RESPONSE),
    ("review_window_closes", "Last day to ask for an internal review",
     (Status.ANSWERED_PARTIAL, Status.REFUSED, Status.NOT_HELD)),
    ("review_response_due", "Internal review answer due", (Status.REVIEW_REQUESTED,)),
    ("escalation_window_closes", "Last day to complain to the Commissioner",
     (Status.REVIEW_REQUESTED, Status.REVIEW_ANSWERED)),
    ("tribunal_appeal_due", "Last day to appeal the decision notice", (Status.DECIDED,)),
)
_COLUMNS = ("response_due", "extended_due", "review_window_closes", "review_response_due",
            "escalation_window_closes", "tribunal_appeal_due")


def upcoming(user, today: date):
    """The person's open requests with at least one deadline on or after today."""
    later = Q()
    for column in _COLUMNS:
        later |= Q(**{f"{column}__gte": today})
    return FOIRequest.objects.for_user(user).open().filter(later).select_related("authority").order_by("id")


def _event(request: FOIRequest, column: str, summary: str, day: date, host: str) -> Event:
    event = Event()
    event.add("uid", f"foitracker-{request.pk}-{column}@{host}")
    event.add("summary", f"{summary}: {request.title} ({request.authority.name})")
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("dtstamp", datetime.now(dt_timezone.utc))
    event.add("last-modified", request.updated_at)
    event.add("sequence", int(request.updated_at.timestamp()) % 2**31)
    event.add("url", settings.FOITRACKER_BASE_URL.rstrip("/") + request.get_absolute_url())
    event.add("transp", "TRANSPARENT")
    return event


def feed(*, user, today: date) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//foitracker//FOI deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "FOI deadlines")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = settings.FOITRACKER_BASE_URL.split("//")[-1].split("/")[0].split(":")[0] or "foitracker"
    for request in upcoming(user, today):
        for column, summary, states in DEADLINES:
            day = getattr(request, column)
            if day and day >= today and request.status in states:
                calendar.add_component(_event(request, column, summary, day, host))
    return calendar.to_ical()
