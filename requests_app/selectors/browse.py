"""Reads for the request pages: the visible requests, the dashboard and one request's timeline."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import DateField, F, Prefetch, QuerySet
from django.db.models.functions import Coalesce

from requests_app import deadlines, letters, selectors
from requests_app.filters import deadline_views
from requests_app.models import Attachment, FOIRequest, ParsedTable, Reply
from requests_app.models.request import AWAITING_RESPONSE
from requests_app.presentation import LABELS, when


# What the lists show and their deadline badges read (presentation.due_state): a row of every
# column (a dozen deadline dates among them) took 2.8 ms for 51 rows on PostgreSQL, these 2.15 ms;
# the authority's and batch's columns as annotations rather than related objects, 1.6 ms (51
# FOIRequests, not 153 model objects). A field left out is read with one query a row: the
# query-count tests would show it.
LISTED = ("id", "title", "status", "regime", "sent_date", "response_due", "response_due_code", "extended_due",
          "very_overdue", "authority_reference", "authority", "batch")


def visible_requests(user) -> QuerySet:
    """What this person may read (own, team's and public; all for superusers), ready to list:
    with due_on, authority_name, authority_regime and batch_title."""
    return listed(readable_requests(user))


def readable_requests(user) -> QuerySet:
    """What this person may read, with due_on (the date the request is due, extended or not) to
    filter and sort on: no join, so that counting what a filter leaves reads one table."""
    return FOIRequest.objects.readable_by(user).annotate(
        due_on=Coalesce("extended_due", "response_due", output_field=DateField()))


def listed(queryset: QuerySet) -> QuerySet:
    """`queryset` (of readable_requests) ready to list: only the LISTED fields, with the
    authority's name and regime and the batch's title read in the same query. Counting it
    instead of the queryset it was made from joined two tables for nothing: 1.03 ms against
    0.50 ms for the capped count on PostgreSQL."""
    return queryset.annotate(authority_name=F("authority__name"), authority_regime=F("authority__default_regime"),
                             batch_title=F("batch__title")).only(*LISTED)


COUNT_CAP = 1_000  # a list says "1,000+" past this: 2 ms; 10,000 took 5-19 ms and all 100,000 rows 33-142 ms


@dataclass(frozen=True)
class Found:
    """How many rows a list holds: exact up to COUNT_CAP, else "more than"."""

    count: int
    more: bool = False

    def __str__(self) -> str:
        return f"{self.count:,}+" if self.more else f"{self.count:,}"


def count_up_to(queryset: QuerySet, cap: int = COUNT_CAP) -> Found:
    """COUNT(*) over at most cap + 1 rows (a LIMIT in a subquery), for the lists' totals."""
    queryset = queryset.values("pk")
    n = queryset.order_by()[:cap + 1].count()
    return Found(cap, True) if n > cap else Found(n)


def dashboard(user, today: date) -> list[dict]:
    """One count per deadline view, each linking to the request list filtered the same way
    (six indexed counts, kept until the data changes: the page people open most)."""
    from requests_app.selectors.stats import kept_until_changed

    def counts():
        base = FOIRequest.objects.for_user(user)
        return [{"key": key, "label": label, "count": pick(base).count()}
                for key, (label, pick) in deadline_views(today).items()]

    return kept_until_changed(user, "dashboard", today, counts)


def overdue_list(user, today: date, limit: int = 10) -> list[FOIRequest]:
    return list(visible_requests(user).overdue(today).order_by("due_on", "id")[:limit])


def request_detail(user, pk: int) -> FOIRequest:
    tables = ParsedTable.objects.order_by("position")
    replies = Reply.objects.prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.order_by("id")),
        Prefetch("tables", queryset=tables)).order_by("letter_date", "id")
    return (FOIRequest.objects.readable_by(user).select_related("authority", "batch", "owner", "team")
            .annotate(due_on=Coalesce("extended_due", "response_due", output_field=DateField()))
            .prefetch_related(Prefetch("replies", queryset=replies), "reviews", "escalations", "events__actor")
            .get(pk=pk))


@dataclass(frozen=True)
class Moment:
    day: date
    kind: str  # "event" or "deadline"
    text: str
    note: str = ""
    late: bool = False


def timeline(request: FOIRequest, today: date) -> list[Moment]:
    """Everything that happened to the request and every date still to come, in date order."""
    regime = request.effective_regime
    items = []
    if request.sent_date:
        items.append(Moment(request.sent_date, "event", "Request sent"))
    if request.received_date and request.received_date != request.sent_date:
        items.append(Moment(request.received_date, "event", "Received by the authority"))
    for reply in request.replies.all():
        outcome = f": {reply.get_outcome_display()}" if reply.outcome else ""
        items.append(Moment(reply.letter_date, "event", f"{reply.get_kind_display()}{outcome}",
                            ", ".join(reply.exemptions)))
    for review in request.reviews.all():
        items.append(Moment(review.requested_on, "event", "Internal review requested"))
        if review.outcome_date:
            items.append(Moment(review.outcome_date, "event", f"Internal review answered: {review.get_outcome_display()}"))
    for escalation in request.escalations.all():
        items.append(Moment(escalation.submitted_on, "event", f"Complaint to the {escalation.get_body_display()}",
                            escalation.case_reference))
        if escalation.decision_date:
            items.append(Moment(escalation.decision_date, "event", "Decision notice", escalation.decision_notice_reference))
    computed = selectors.request_deadlines(request)
    settled = request.status not in AWAITING_RESPONSE  # lateness dates no longer apply once answered
    for name, label in LABELS.items():
        day = getattr(computed, name)
        if day and not (settled and name in ("response_due_code", "very_overdue")):
            items.append(Moment(day, "deadline", label, f"{when(day, today, regime)} — {computed.rules.get(name, '')}",
                                late=day < today))
    return sorted(items, key=lambda m: (m.day, m.kind != "event"))


def letter_facts(request: FOIRequest, user) -> letters.LetterFacts:
    """What the letters need, from the request's latest response (or review outcome) and its tables."""
    replies = [r for r in request.replies.all() if r.kind in ("response", "review_outcome")]
    reply = replies[-1] if replies else None
    due = request.due
    late = 0
    if reply and due and reply.letter_date > due:
        late = deadlines.working_days_between(due, reply.letter_date, request.effective_regime)
    warnings = tuple(f"table '{t.title or 'untitled'}': {w}" for r in replies for t in r.tables.all() for w in t.warnings)
    return letters.LetterFacts(
        authority=request.authority.name, title=request.title, regime=request.effective_regime,
        sent=request.sent_date, due=due, reply_date=reply.letter_date if reply else None,
        reference=request.authority_reference or (reply.authority_reference if reply else ""),
        exemptions=tuple(reply.exemptions) if reply else (), outcome=reply.outcome if reply else "",
        late_days=late, warnings=warnings, requester=user.get_full_name() or user.get_username())


def recent_tables(visible: QuerySet, limit: int = 10) -> list[ParsedTable]:
    return list(ParsedTable.objects.filter(reply__request__in=visible.values("pk"))
                .select_related("reply__request").order_by("-reply__letter_date", "-id")[:limit])
