"""Celery tasks: thin wrappers over services, ids and ISO dates in, JSON out."""
from datetime import date

from celery import shared_task
from django.conf import settings

from requests_app import services


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def parse_reply(reply_id: int) -> None:
    services.reply_parse(reply_id=reply_id)


@shared_task(acks_late=True)
def sweep_reminders(day: str | None = None) -> dict:
    """Beat's daily sweep: reserve what is due, then send every digest still owed."""
    today = date.fromisoformat(day) if day else services.london_today()
    result = services.reminders_sweep(today=today)
    owed = send_owed_digests()
    return {"date": today.isoformat(), "reminders": len(result.events), "digests": owed}


@shared_task(acks_late=True)
def send_owed_digests() -> int:
    """Re-enqueue every digest not yet accepted by the mail server (after an outage, a crash)."""
    owed = services.digests_owed()
    for digest_id in owed:
        send_digest.delay(digest_id)
    return len(owed)


# smtplib.SMTPException is an OSError, as are refused and reset connections.
@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=settings.FOITRACKER_REMINDER_RETRY_BACKOFF,
             retry_backoff_max=600, max_retries=8)
def send_digest(digest_id: int) -> bool:
    return services.digest_send(digest_id=digest_id)
