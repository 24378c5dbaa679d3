"""Reads: what pages, admin and services need to know, in as few queries as possible."""
from __future__ import annotations

from datetime import date

from django.db.models import Prefetch, QuerySet

from requests_app import deadlines
from requests_app.models import Escalation, ExtraNonWorkingDay, FOIRequest, InternalReview, Reply
from requests_app.models.reply import Outcome, ReplyKind

SCOTTISH_REGIMES = ("foisa", "eisr")


def extra_days_by_calendar() -> dict[str, frozenset[date]]:
    """Admin-added non-working days, keyed by calendar: 'uk' (FOIA/EIR) and 'sct' (FOISA/EIRs)."""
    uk, sct = set(), set()
    for day, in_uk, in_sct in ExtraNonWorkingDay.objects.values_list("date", "applies_to_uk", "applies_to_scotland"):
        if in_uk:
            uk.add(day)
        if in_sct:
            sct.add(day)
    return {"uk": frozenset(uk), "sct": frozenset(sct)}


def extra_days_for(regime: str, extra_days: dict[str, frozenset[date]] | None = None) -> frozenset[date]:
    extra_days = extra_days if extra_days is not None else extra_days_by_calendar()
    return extra_days["sct" if regime in SCOTTISH_REGIMES else "uk"]


def with_deadline_relations(queryset: QuerySet) -> QuerySet:
    """Everything deadline_facts() reads, fetched in four queries whatever the row count."""
    return queryset.select_related("authority").prefetch_related(
        Prefetch("replies", to_attr="deadline_replies", queryset=Reply.objects.only(
            "id", "request_id", "kind", "letter_date", "outcome", "requester_answered_on", "fee_paid_on", "extended_to")),
        Prefetch("reviews", to_attr="deadline_reviews",
                 queryset=InternalReview.objects.only("id", "request_id", "requested_on", "outcome_date")),
        Prefetch("escalations", to_attr="deadline_escalations",
                 queryset=Escalation.objects.only("id", "request_id", "body", "decision_date")),
    )


def _related(request: FOIRequest, name: str) -> list:
    """Rows prefetched by with_deadline_relations() (lists: no queryset clone per row), else a query."""
    prefetched = getattr(request, f"deadline_{name}", None)
    return prefetched if prefetched is not None else list(getattr(request, name).all())


def deadline_facts(request: FOIRequest, extra: frozenset[date] = frozenset()) -> deadlines.RequestFacts | None:
    """The facts that set a request's time limits, or None before it has been sent."""
    received = request.received_date or request.sent_date
    if received is None:
        return None
    replies = sorted(_related(request, "replies"), key=lambda r: (r.letter_date, r.id or 0))
    by_kind: dict[str, list[Reply]] = {}
    for reply in replies:
        by_kind.setdefault(reply.kind, []).append(reply)
    clarification = by_kind.get(ReplyKind.CLARIFICATION, [None])[-1]
    extension = by_kind.get(ReplyKind.EXTENSION, [None])[-1]
    response = by_kind.get(ReplyKind.RESPONSE, [None])[-1]
    reviews = sorted(_related(request, "reviews"), key=lambda r: (r.requested_on, r.id or 0))
    review = reviews[-1] if reviews else None
    review_letters = by_kind.get(ReplyKind.REVIEW_OUTCOME, [])
    review_outcome = review.outcome_date if review and review.outcome_date else (
        review_letters[-1].letter_date if review_letters else None)
    decisions = [e.decision_date for e in _related(request, "escalations") if e.decision_date]
    return deadlines.RequestFacts(
        regime=request.effective_regime,
        received=received,
        clarification_requested=clarification.letter_date if clarification else None,
        clarification_received=clarification.requester_answered_on if clarification else None,
        fees=tuple(deadlines.FeePeriod(r.letter_date, r.fee_paid_on) for r in by_kind.get(ReplyKind.FEES_NOTICE, [])),
        extended=extension is not None,
        extension_estimate=extension.extended_to if extension else None,
        response=response.letter_date if response else None,
        response_in_full=bool(response and response.outcome == Outcome.FULL),
        review_requested=review.requested_on if review else None,
        review_outcome=review_outcome,
        decision_notice=max(decisions) if decisions else None,
        review_window_working_days=request.authority.review_window_working_days,
        extra=extra,
    )


def request_deadlines(request: FOIRequest, extra_days: dict[str, frozenset[date]] | None = None) -> deadlines.Deadlines:
    facts = deadline_facts(request, extra_days_for(request.effective_regime, extra_days))
    return deadlines.compute_deadlines(facts) if facts else deadlines.Deadlines(
        rules={"response_due": "not sent yet: the clock starts when the authority receives the request"})


ANSWER_FIELDS = ("answered_on", "answer_working_days", "answered_on_time", "answer_outcome")


def request_answer(request: FOIRequest, computed: deadlines.Deadlines,
                   extra_days: dict[str, frozenset[date]] | None = None) -> dict:
    """The first substantive response's facts (the ANSWER_FIELDS stored on the request): its
    date, the working days from receipt to it, whether it came by the due date (extended if
    so), and its outcome. Empty before a response, or for a request never sent."""
    responses = [r for r in _related(request, "replies") if r.kind == ReplyKind.RESPONSE and r.letter_date]
    start = request.received_date or request.sent_date
    if not responses or start is None:
        return {"answered_on": None, "answer_working_days": None, "answered_on_time": None, "answer_outcome": ""}
    first = min(responses, key=lambda r: (r.letter_date, r.id or 0))
    regime = request.effective_regime
    due = computed.extended_due or computed.response_due
    days = deadlines.working_days_between(start, first.letter_date, regime, extra=extra_days_for(regime, extra_days))
    return {"answered_on": first.letter_date, "answer_working_days": max(days, 0),
            "answered_on_time": bool(due and first.letter_date <= due), "answer_outcome": first.outcome or ""}


def replies_for_user(user) -> QuerySet:
    return Reply.objects.filter(request__in=FOIRequest.objects.readable_by(user))


def attachments_for_user(user) -> QuerySet:
    from requests_app.models import Attachment

    return Attachment.objects.filter(reply__request__in=FOIRequest.objects.readable_by(user))


def tables_for_user(user) -> QuerySet:
    from requests_app.models import ParsedTable

    return ParsedTable.objects.select_related("reply__request__authority").filter(
        reply__request__in=FOIRequest.objects.readable_by(user))


def table_as_json(table) -> dict:
    """A stored ParsedTable in the contract's shape (shared/spec/parsed-reply.md)."""
    return {"source": table.source, "question": table.question or None, "title": table.title or None,
            "row_header": table.row_header or None, "columns": table.columns, "rows": table.rows,
            "totals_consistent": table.totals_consistent, "warnings": table.warnings}
