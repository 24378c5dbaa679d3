"""Writes from the request page: a reply recorded, files attached, a review asked for, a complaint made."""
from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from requests_app.models import Escalation, FOIRequest, InternalReview, Reply, Status
from requests_app.services.replies import reply_attach_files, reply_parse_later
from requests_app.services.requests import deadlines_recompute, reply_recorded, request_transition


def reply_add(*, reply: Reply, uploads, actor) -> str | None:
    """A reply saved from the request page: files kept, status and clock moved, parsing queued."""
    with transaction.atomic():
        reply.save()
        reply_attach_files(reply=reply, uploads=uploads)
        warning = reply_recorded(reply=reply, actor=actor)
        reply_parse_later(reply=reply)
    return warning


def files_add(*, reply: Reply, uploads, actor) -> None:
    with transaction.atomic():
        reply_attach_files(reply=reply, uploads=uploads)
        reply_parse_later(reply=reply)


def review_request(*, request: FOIRequest, requested_on: date, grounds: str, actor) -> InternalReview:
    """The person sent the review letter: recorded, status moved, review deadlines computed."""
    if request.reviews.filter(requested_on=requested_on).exists():
        raise ValidationError(f"An internal review requested on {requested_on:%-d %b %Y} is recorded already.")
    with transaction.atomic():
        review = InternalReview.objects.create(request=request, requested_on=requested_on, grounds=grounds)
        request_transition(request=request, to=Status.REVIEW_REQUESTED, actor=actor, note="internal review requested")
        deadlines_recompute(requests=[request], actor=actor, reason="internal review requested")
    return review


def escalation_submit(*, request: FOIRequest, body: str, submitted_on: date, actor) -> Escalation:
    if request.escalations.filter(body=body, submitted_on=submitted_on).exists():
        raise ValidationError(f"This complaint, made on {submitted_on:%-d %b %Y}, is recorded already.")
    with transaction.atomic():
        escalation = Escalation.objects.create(request=request, body=body, submitted_on=submitted_on)
        request_transition(request=request, to=Status.ESCALATED, actor=actor, note=f"complaint to {escalation.get_body_display()}")
        deadlines_recompute(requests=[request], actor=actor, reason="escalated to the regulator")
    return escalation
