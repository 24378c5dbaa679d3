"""Writes for reminders: the sweep reserves what is owed, digest_send delivers each digest once.

Outbox (STYLE.md): reminders are reserved under unique constraints in the sweep's
transaction, a digest is claimed with a conditional UPDATE that must return 1, and it is
marked sent only after the mail server accepted it. A failed send puts the digest back to
READY, so the next attempt (retry or next sweep) sends what is still owed.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.utils import timezone

from requests_app import digests, reminder_events
from requests_app.models import Digest, Reminder, SweepRun
from requests_app.models.reminder import DigestStatus
from requests_app.reminder_events import DueEvent

log = logging.getLogger(__name__)
CLAIM_TIMEOUT = timedelta(minutes=15)


@dataclass
class SweepResult:
    today: date
    since: date
    events: list[DueEvent] = field(default_factory=list)
    digest_ids: list[int] = field(default_factory=list)
    without_email: int = 0

    def per_person(self) -> dict[int, list[DueEvent]]:
        people: dict[int, list[DueEvent]] = {}
        for event in self.events:
            people.setdefault(event.recipient_id, []).append(event)
        return people

    def as_json(self) -> dict:
        emails = dict(get_user_model().objects.filter(id__in=self.per_person()).values_list("id", "email"))
        return {
            "date": self.today.isoformat(), "since": self.since.isoformat(), "without_email": self.without_email,
            "people": [{"user_id": uid, "email": emails.get(uid, ""), "subject": digests.subject(events),
                        "events": [e.as_json() for e in events]} for uid, events in self.per_person().items()],
        }


def london_today(now=None) -> date:
    """The Europe/London date of `now` (settings.TIME_ZONE), right on both sides of a clock change."""
    return timezone.localdate(now or timezone.now())


def last_swept(today: date) -> date:
    """Events after this date are looked for: the last sweep's date, at most CATCHUP_DAYS back
    (so the very first sweep also tells of what fell due in the month before)."""
    floor = today - timedelta(days=settings.FOITRACKER_REMINDER_CATCHUP_DAYS)
    last = SweepRun.objects.filter(run_on__lte=today).aggregate(last=Max("run_on"))["last"]
    return max(last or floor, floor)


def _not_yet_reminded(events: list[DueEvent]) -> list[DueEvent]:
    if not events:
        return []
    days = [e.due_date for e in events]
    sent = {(r, q, b, ev, lead, d) for r, q, b, ev, lead, d in Reminder.objects.filter(
        due_date__range=(min(days), max(days)), recipient_id__in={e.recipient_id for e in events},
    ).values_list("recipient_id", "request_id", "batch_id", "event", "lead_days", "due_date")}
    return [e for e in events if e.key() not in sent]


def _open_digests(recipient_ids: set[int]) -> dict[int, int]:
    """Each person's READY digest id, created where missing."""
    found = dict(Digest.objects.filter(recipient_id__in=recipient_ids, status=DigestStatus.READY)
                 .values_list("recipient_id", "id"))
    missing = [Digest(recipient_id=r) for r in recipient_ids if r not in found]
    Digest.objects.bulk_create(missing)
    found.update(Digest.objects.filter(recipient_id__in=[d.recipient_id for d in missing], status=DigestStatus.READY)
                 .values_list("recipient_id", "id"))
    return found


def _reserve(events: list[DueEvent], today: date, since: date) -> list[int]:
    with transaction.atomic():
        open_digests = _open_digests({e.recipient_id for e in events})
        Reminder.objects.bulk_create([
            Reminder(recipient_id=e.recipient_id, digest_id=open_digests[e.recipient_id], request_id=e.request_id,
                     batch_id=e.batch_id, event=e.event, lead_days=e.lead_days, due_date=e.due_date)
            for e in events], batch_size=1000)
        SweepRun.objects.create(run_on=today, since=since, reminders=len(events), digests=len(open_digests))
    return sorted(open_digests.values())


def reminders_sweep(*, today: date, dry_run: bool = False) -> SweepResult:
    """Find every event due on `today` that nobody has been told of, and reserve it in a digest."""
    since = last_swept(today)
    events = reminder_events.wanted(reminder_events.events_due(today=today, since=since))
    emails = dict(get_user_model().objects.filter(id__in={e.recipient_id for e in events}, is_active=True)
                  .exclude(email="").values_list("id", "email"))
    result = SweepResult(today=today, since=since, without_email=sum(e.recipient_id not in emails for e in events))
    result.events = _not_yet_reminded([e for e in events if e.recipient_id in emails])
    if dry_run:
        return result
    for _attempt in range(3):
        try:
            result.digest_ids = _reserve(result.events, today, since)
            return result
        except IntegrityError:  # another sweep reserved some of them first: take what is left
            result.events = _not_yet_reminded(result.events)
    raise RuntimeError("reminder sweep: could not reserve reminders after three attempts")


def digests_owed() -> list[int]:
    """Digests still to send: READY ones, and SENDING ones whose worker died mid-send."""
    stale = timezone.now() - CLAIM_TIMEOUT
    owed = Digest.objects.filter(Q(status=DigestStatus.READY) | Q(status=DigestStatus.SENDING, claimed_at__lt=stale))
    return list(owed.filter(recipient__is_active=True).exclude(recipient__email="").values_list("id", flat=True))


def _claim(digest_id: int) -> bool:
    now = timezone.now()
    return Digest.objects.filter(
        Q(status=DigestStatus.READY) | Q(status=DigestStatus.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT), pk=digest_id,
    ).update(status=DigestStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1) == 1


def _release(digest: Digest, error: str) -> None:
    """Back to READY after a failed send; merged into a newer READY digest if one exists."""
    try:
        with transaction.atomic():
            Digest.objects.filter(pk=digest.pk, status=DigestStatus.SENDING).update(
                status=DigestStatus.READY, last_error=error[:500])
    except IntegrityError:
        with transaction.atomic():
            newer = Digest.objects.get(recipient_id=digest.recipient_id, status=DigestStatus.READY)
            Reminder.objects.filter(digest_id=digest.pk).update(digest=newer)
            Digest.objects.filter(pk=digest.pk).delete()


def _settled(reminder: Reminder) -> bool:
    """True when the request has moved on since the reminder was reserved (a reply came, say)."""
    states = reminder_events.EVENT_STATES.get(reminder.event)
    return bool(reminder.request and states and reminder.request.status not in states)


def digest_events(digest: Digest, *, prune: bool = False) -> list[DueEvent]:
    """The digest's lines; with prune, reminders no longer relevant are dropped from the outbox."""
    reminders = list(digest.reminders.select_related("request__authority", "batch"))
    if prune and (settled := [r.pk for r in reminders if _settled(r)]):
        Reminder.objects.filter(pk__in=settled).delete()
        reminders = [r for r in reminders if r.pk not in settled]
    return [DueEvent(recipient_id=r.recipient_id, event=r.event, due_date=r.due_date, lead_days=r.lead_days,
                     request_id=r.request_id, batch_id=r.batch_id,
                     title=r.request.title if r.request else r.batch.title,
                     authority=r.request.authority.name if r.request else "",
                     regime=r.request.effective_regime if r.request else "foia") for r in reminders]


def digest_send(*, digest_id: int, today: date | None = None) -> bool:
    """Send one digest if it is still owed; True when this call sent it. Mail errors propagate."""
    if not _claim(digest_id):
        return False
    digest = Digest.objects.select_related("recipient").get(pk=digest_id)
    user = digest.recipient
    if not user.email or not user.is_active:
        _release(digest, "the recipient has no e-mail address (or is inactive): kept until they have one")
        return False
    events = digest_events(digest, prune=True)
    if not events:
        Digest.objects.filter(pk=digest_id).delete()
        return False
    mail = digests.message(to=user.email, name=user.get_full_name() or user.username, events=events,
                           today=today or london_today(), digest_id=digest_id)
    try:
        mail.send(fail_silently=False)
    except Exception as exc:
        _release(digest, f"{type(exc).__name__}: {exc}")
        raise
    now = timezone.now()
    with transaction.atomic():
        Digest.objects.filter(pk=digest_id).update(status=DigestStatus.SENT, sent_at=now, subject=mail.subject,
                                                   last_error="")
        Reminder.objects.filter(digest_id=digest_id).update(sent_at=now)
    log.info("digest %s sent to %s: %s", digest_id, user.email, mail.subject)
    return True


def digest_preview(*, user, today: date) -> tuple[list[DueEvent], str, str]:
    """What the person's next digest would say today: owed lines plus what a sweep would add."""
    owed = [e for d in Digest.objects.filter(recipient=user, status=DigestStatus.READY) for e in digest_events(d)]
    fresh = [e for e in reminders_sweep(today=today, dry_run=True).events if e.recipient_id == user.pk]
    events = owed + fresh
    mail = digests.message(to=user.email or "(no e-mail address)", name=user.get_full_name() or user.username,
                           events=events, today=today)
    return events, mail.subject, mail.alternatives[0][0]


def calendar_address_renew(*, notification_settings) -> str:
    """A new secret for the person's calendar feed; the old address stops working at once."""
    from requests_app.models.reminder import _new_token

    notification_settings.calendar_token = _new_token()
    notification_settings.save(update_fields=["calendar_token"])
    return notification_settings.calendar_token
