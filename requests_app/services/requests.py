"""Writes to requests: logging, status moves, dates, and the deadlines that follow."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q

from requests_app import selectors
from requests_app.deadlines import Deadlines
from requests_app.models import Authority, Batch, FOIRequest, Reply, RequestEvent, Status
from requests_app.models.event import EventKind
from requests_app.models.reply import Outcome, ReplyKind
from requests_app.models.request import CLOSED_STATES, TRANSITIONS
from requests_app.questions import split_questions

_RECOMPUTE_CHUNK = 2000


class InvalidTransition(ValidationError):
    pass


def _event(request: FOIRequest, kind: str, message: str, actor=None, changes=None) -> RequestEvent:
    return RequestEvent(request=request, kind=kind, message=message[:500], actor=actor, changes=changes or {})


def batch_create(*, owner, authorities: Iterable[Authority], title: str, text: str, regime: str = "",
                 sent_date: date | None = None, team=None) -> Batch:
    """One request text to many authorities: one FOIRequest each, deadlines computed for all."""
    authorities = list(authorities)
    if not authorities:
        raise ValidationError("Choose at least one authority for the batch.")
    with transaction.atomic():
        batch = Batch.objects.create(owner=owner, title=title, text=text, team=team)
        questions = split_questions(text)
        status = Status.SENT if sent_date else Status.DRAFT
        requests = FOIRequest.objects.bulk_create([
            FOIRequest(owner=owner, authority=a, batch=batch, team=team, title=title, text=text, questions=questions,
                       regime=regime or a.default_regime, sent_date=sent_date, received_date=sent_date,
                       status=status)
            for a in authorities
        ])
        RequestEvent.objects.bulk_create([
            _event(r, EventKind.CREATED, f"Request created in batch '{title}' ({r.get_status_display()})", owner)
            for r in requests
        ])
        deadlines_recompute(requests=FOIRequest.objects.filter(batch=batch), actor=owner, reason="batch logged")
    return batch


def request_transition(*, request: FOIRequest, to: str, actor=None, note: str = "") -> FOIRequest:
    """Move a request along its state machine; an illegal move raises InvalidTransition."""
    current = request.status
    if to == current:
        return request
    if to not in TRANSITIONS[current]:
        allowed = ", ".join(Status(s).label for s in TRANSITIONS[current]) or "none (it is closed)"
        raise InvalidTransition(
            f"Cannot move this request from '{Status(current).label}' to '{Status(to).label}'. "
            f"Allowed next steps: {allowed}.")
    if to == Status.SENT and not request.sent_date:
        raise InvalidTransition("Give the date the request was sent before marking it sent.")
    request.status = to
    request.save(update_fields=["status", "updated_at"])
    message = f"Status: {Status(current).label} → {Status(to).label}" + (f". {note}" if note else "")
    _event(request, EventKind.STATUS, message, actor, {"status": [current, to]}).save()
    return request


def request_mark_sent(*, request: FOIRequest, sent_date: date, actor=None) -> FOIRequest:
    with transaction.atomic():
        request.sent_date = sent_date
        request.received_date = request.received_date or sent_date
        request.full_clean(exclude=["questions", "status"])
        request.save(update_fields=["sent_date", "received_date", "updated_at"])
        Reply.objects.filter(request=request).update(request_sent_date=sent_date)
        request_transition(request=request, to=Status.SENT, actor=actor)
        deadlines_recompute(requests=[request], actor=actor, reason="request sent")
    return request


def request_record_acknowledgement(*, request: FOIRequest, received_date: date, reference: str = "",
                                   actor=None) -> FOIRequest:
    """The authority's acknowledgement: corrects the date received and notes its reference."""
    with transaction.atomic():
        request_received_corrected(request=request, received_date=received_date, actor=actor,
                                   reference=reference, why="Acknowledgement recorded")
        if request.status == Status.SENT:
            request_transition(request=request, to=Status.ACKNOWLEDGED, actor=actor)
    return request


def request_received_corrected(*, request: FOIRequest, received_date: date, actor=None, reference: str = "",
                               why: str) -> bool:
    """Set the date the authority received the request (and its reference); the deadlines move."""
    if request.sent_date and received_date < request.sent_date:
        raise ValidationError(
            f"The authority cannot have received the request on {received_date:%d %b %Y}, "
            f"before it was sent on {request.sent_date:%d %b %Y}.")
    changes = {}
    if received_date != request.received_date:
        changes["received_date"] = [_iso(request.received_date), _iso(received_date)]
        request.received_date = received_date
    if reference and reference != request.authority_reference:
        changes["authority_reference"] = [request.authority_reference, reference]
        request.authority_reference = reference
    if not changes:
        return False
    with transaction.atomic():
        request.save(update_fields=["received_date", "authority_reference", "updated_at"])
        _event(request, EventKind.DATES, why, actor, changes).save()
        deadlines_recompute(requests=[request], actor=actor, reason=why.lower())
    return True


_STATUS_FOR_REPLY = {
    ReplyKind.ACKNOWLEDGEMENT: Status.ACKNOWLEDGED,
    ReplyKind.CLARIFICATION: Status.CLARIFICATION_REQUESTED,
    ReplyKind.FEES_NOTICE: Status.FEE_REQUESTED,
    ReplyKind.EXTENSION: Status.EXTENDED,
    ReplyKind.REVIEW_OUTCOME: Status.REVIEW_ANSWERED,
}
_STATUS_FOR_OUTCOME = {
    Outcome.FULL: Status.ANSWERED_FULL, Outcome.PARTIAL: Status.ANSWERED_PARTIAL,
    Outcome.REFUSED: Status.REFUSED, Outcome.NCND: Status.REFUSED, Outcome.NOT_HELD: Status.NOT_HELD,
}


def reply_status(reply: Reply) -> str | None:
    """The status a newly recorded reply implies, if any."""
    if reply.kind == ReplyKind.RESPONSE:
        return _STATUS_FOR_OUTCOME.get(reply.outcome)
    if reply.kind == ReplyKind.CLARIFICATION and reply.requester_answered_on:
        return Status.ACKNOWLEDGED
    if reply.kind == ReplyKind.FEES_NOTICE and reply.fee_paid_on:
        return Status.ACKNOWLEDGED
    return _STATUS_FOR_REPLY.get(reply.kind)


def reply_recorded(*, reply: Reply, actor=None) -> str | None:
    """After a reply is saved: fill the request's reference, move its status, recompute its clock.

    Returns a message when the implied status move is not allowed from where the request is.
    """
    request = reply.request
    warning = None
    with transaction.atomic():
        if reply.authority_reference and not request.authority_reference:
            request.authority_reference = reply.authority_reference
            request.save(update_fields=["authority_reference", "updated_at"])
        target = reply_status(reply)
        if target and target != request.status:
            try:
                request_transition(request=request, to=target, actor=actor, note=f"from {reply}")
            except InvalidTransition as exc:
                warning = exc.messages[0]
        deadlines_recompute(requests=[request], actor=actor, reason=f"{reply} recorded")
    return warning


def replies_deleted(*, request_ids: list[int], actor=None) -> int:
    """After replies are deleted: their requests' clocks and first answers follow."""
    return deadlines_recompute(requests=FOIRequest.objects.filter(pk__in=request_ids), actor=actor,
                               reason="reply deleted")


def deadlines_recompute(*, requests: Iterable[FOIRequest], actor=None, reason: str,
                        progress=None) -> int:
    """Recompute and store the deadlines of `requests` in bulk; audit each change. Returns how many changed."""
    queryset = requests if hasattr(requests, "model") else FOIRequest.objects.filter(pk__in=[r.pk for r in requests])
    extra_days = selectors.extra_days_by_calendar()
    changed_total, seen = 0, 0
    batch: list[tuple[FOIRequest, dict]] = []
    for request in selectors.with_deadline_relations(queryset.order_by("pk")).iterator(chunk_size=_RECOMPUTE_CHUNK):
        computed = selectors.request_deadlines(request, extra_days)
        changes = _deadline_changes(request, computed)
        seen += 1
        if _answer_changed(request, selectors.request_answer(request, computed, extra_days)) or changes:
            batch.append((request, changes))
        if len(batch) >= _RECOMPUTE_CHUNK:
            changed_total += _store_deadlines(batch, actor, reason)
            batch = []
        if progress and seen % 10000 == 0:
            progress(seen, changed_total + len(batch))
    changed_total += _store_deadlines(batch, actor, reason)
    if progress:
        progress(seen, changed_total)
    return changed_total


def _deadline_changes(request: FOIRequest, computed: Deadlines) -> dict[str, list]:
    changes = {}
    for name in Deadlines.STORED:
        new = getattr(computed, name)
        if getattr(request, name) != new:
            changes[name] = [_iso(getattr(request, name)), _iso(new)]
            setattr(request, name, new)
    return changes


def _answer_changed(request: FOIRequest, answer: dict) -> bool:
    """Set the request's first-answer columns; whether any moved (they are derived: not audited)."""
    changed = False
    for name, value in answer.items():
        if getattr(request, name) != value:
            setattr(request, name, value)
            changed = True
    return changed


DERIVED_FIELDS = (*Deadlines.STORED, *selectors.ANSWER_FIELDS)  # what deadlines_recompute() writes


def _store_deadlines(batch: list[tuple[FOIRequest, dict]], actor, reason: str) -> int:
    """One parameterised UPDATE per chunk (executemany): bulk_update's CASE WHEN costs 5x more.
    An audit event for each request whose deadlines moved."""
    if not batch:
        return 0
    table, qn = FOIRequest._meta.db_table, connection.ops.quote_name
    columns = ", ".join(f"{qn(name)} = %s" for name in DERIVED_FIELDS)
    sql = f"UPDATE {qn(table)} SET {columns} WHERE {qn('id')} = %s"
    params = [[getattr(r, name) for name in DERIVED_FIELDS] + [r.pk] for r, _ in batch]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(sql, params)
        RequestEvent.objects.bulk_create(
            [_event(r, EventKind.DEADLINES, f"Deadlines recomputed: {reason}", actor, changes)
             for r, changes in batch if changes],
            batch_size=1000,
        )
    return len(batch)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def extra_day_saved(*, day: date | list[date], actor=None) -> tuple[int, int]:
    """A non-working day added, moved or removed moves deadlines: recompute every open request,
    and every closed one with a stored date (a review or tribunal window, its first answer) on
    or after the earliest day. `day` is one date or several (a move, a bulk delete). Returns
    (seen, changed)."""
    days = sorted(d for d in (day if isinstance(day, list) else [day]) if d)
    # Open ones by their status on the same row: "pk IN (open requests)" becomes a plain subplan
    # run once a row when PostgreSQL misjudges its size (100,000 requests: 320 s, not 50).
    affected = ~Q(status__in=CLOSED_STATES)
    for name in (*Deadlines.STORED, "answered_on") if days else ():
        affected |= Q(**{f"{name}__gte": days[0]})
    requests = FOIRequest.objects.exclude(sent_date__isnull=True).filter(affected)
    label = ", ".join(str(d) for d in days)
    changed = deadlines_recompute(requests=requests, actor=actor, reason=f"non-working day {label} added or changed")
    return requests.count(), changed


def request_logged(*, request: FOIRequest, actor=None) -> None:
    """A request saved for the first time (from the admin): audit it; deadlines follow in deadlines_recompute."""
    _event(request, EventKind.CREATED, f"Request created ({request.get_status_display()})", actor).save()


_AUDITED_FIELDS = ("authority", "regime", "sent_date", "received_date", "authority_reference", "title", "public", "team")


def request_fields_changed(*, request: FOIRequest, changed: list[str], initial: dict, actor=None) -> None:
    """After an edit: default the received date, keep replies' copy of the sent date, audit the change."""
    if request.sent_date and not request.received_date:
        request.received_date = request.sent_date
        request.save(update_fields=["received_date"])
    if "sent_date" in changed:
        Reply.objects.filter(request=request).update(request_sent_date=request.sent_date)
    changes = {
        name: [_plain(initial.get(name)), _plain(getattr(request, name + "_id" if name in ("authority", "team") else name))]
        for name in _AUDITED_FIELDS if name in changed
    }
    if changes:
        _event(request, EventKind.DATES, "Edited: " + ", ".join(changes), actor, changes).save()


def _plain(value):
    return value.isoformat() if isinstance(value, date) else value
