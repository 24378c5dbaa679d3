"""Reminders: what each person wants to hear about, and the outbox of what was sent.

The database is the outbox (STYLE.md, Celery): a Reminder row is reserved under a unique
constraint before anything is sent, grouped into one Digest per person, and the digest is
marked sent only after the mail server accepted it.
"""
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from requests_app.models.request import Batch, FOIRequest


class ReminderEvent(models.TextChoices):
    DUE_SOON = "due_soon", "Response due soon"
    DUE_TODAY = "due_today", "Response due today"
    OVERDUE = "overdue", "Response overdue"
    VERY_OVERDUE = "very_overdue", "Response very overdue (20 working days late)"
    REVIEW_WINDOW_CLOSING = "review_window_closing", "Internal review window closing"
    REVIEW_OVERDUE = "review_overdue", "Internal review answer overdue"
    ESCALATION_WINDOW_CLOSING = "escalation_window_closing", "Complaint to the Commissioner: window closing"
    TRIBUNAL_WINDOW_CLOSING = "tribunal_window_closing", "Tribunal appeal window closing"
    BATCH_STRAGGLERS = "batch_stragglers", "Batch: most forces replied, some late"


def _new_token() -> str:
    return secrets.token_urlsafe(32)


def _default_events() -> list[str]:
    return list(ReminderEvent.values)


def validate_lead_days(value: str) -> None:
    try:
        days = [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise ValidationError("Lead times are whole working days separated by commas, e.g. '5, 1'.") from None
    if not days or any(not 1 <= d <= 20 for d in days):
        raise ValidationError("Give one to a few lead times between 1 and 20 working days, e.g. '5, 1'.")


class NotificationSettings(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings")
    enabled = models.BooleanField("send me reminder e-mails", default=True)
    lead_days = models.CharField(
        "lead times", max_length=40, default="5, 1", validators=[validate_lead_days],
        help_text="Remind me this many working days before a response is due, separated by commas: '5, 1'.")
    events = models.JSONField(default=_default_events, blank=True, help_text="The kinds of reminder to send.")
    calendar_token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)

    class Meta:
        verbose_name = "notification settings"
        verbose_name_plural = "notification settings"

    def __str__(self) -> str:
        return f"Notifications for {self.user}"

    @property
    def leads(self) -> tuple[int, ...]:
        return tuple(sorted({int(p) for p in self.lead_days.split(",") if p.strip()}))

    def wants(self, event: str) -> bool:
        return self.enabled and event in self.events


class DigestStatus(models.TextChoices):
    READY = "ready", "Ready to send"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"


class Digest(models.Model):
    """One e-mail to one person, holding every reminder owed to them when it goes out."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digests")
    status = models.CharField(max_length=8, choices=DigestStatus.choices, default=DigestStatus.READY, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    subject = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            # New reminders join the person's unsent digest, so an outage ends in one e-mail, not several.
            models.UniqueConstraint(fields=["recipient"], condition=models.Q(status="ready"),
                                    name="one_ready_digest_per_recipient"),
        ]

    def __str__(self) -> str:
        return f"Digest {self.pk} to {self.recipient} ({self.get_status_display()})"


class Reminder(models.Model):
    """One event told to one person once: the unique constraints are the 'never twice'."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders")
    digest = models.ForeignKey(Digest, on_delete=models.CASCADE, related_name="reminders")
    request = models.ForeignKey(FOIRequest, null=True, blank=True, on_delete=models.CASCADE, related_name="reminders")
    batch = models.ForeignKey(Batch, null=True, blank=True, on_delete=models.CASCADE, related_name="reminders")
    event = models.CharField(max_length=32, choices=ReminderEvent.choices)
    lead_days = models.PositiveSmallIntegerField(default=0, help_text="For 'due soon': the lead time it was for.")
    due_date = models.DateField(db_index=True, help_text="The deadline the reminder is about.")
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, help_text="When the mail server accepted its digest.")

    class Meta:
        ordering = ["due_date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "request", "event", "lead_days", "due_date"],
                                    condition=models.Q(request__isnull=False), name="one_reminder_per_request_event_date"),
            models.UniqueConstraint(fields=["recipient", "batch", "event", "due_date"],
                                    condition=models.Q(batch__isnull=False), name="one_reminder_per_batch_event_date"),
            models.CheckConstraint(condition=models.Q(request__isnull=False) | models.Q(batch__isnull=False),
                                   name="reminder_about_request_or_batch"),
        ]

    def __str__(self) -> str:
        return f"{self.get_event_display()} {self.due_date}"


class SweepRun(models.Model):
    """A completed sweep: the next one catches up on every day since the last."""

    run_on = models.DateField(db_index=True, help_text="The Europe/London date swept.")
    since = models.DateField(help_text="Events that fell due after this date were looked for.")
    finished_at = models.DateTimeField(auto_now_add=True)
    reminders = models.PositiveIntegerField(default=0)
    digests = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-run_on", "-id"]

    def __str__(self) -> str:
        return f"Sweep of {self.run_on}"
