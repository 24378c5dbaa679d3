from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from requests_app import deadlines
from requests_app.models.authority import Authority, Regime
from requests_app.models.team import Team
from requests_app.querysets import FOIRequestQuerySet


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    SENT = "sent", "Sent"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    CLARIFICATION_REQUESTED = "clarification_requested", "Clarification requested"
    FEE_REQUESTED = "fee_requested", "Fee requested"
    EXTENDED = "extended", "Extended"
    ANSWERED_FULL = "answered_full", "Answered: supplied in full"
    ANSWERED_PARTIAL = "answered_partial", "Answered: supplied in part"
    REFUSED = "refused", "Answered: refused"
    NOT_HELD = "not_held", "Answered: not held"
    REVIEW_REQUESTED = "review_requested", "Internal review requested"
    REVIEW_ANSWERED = "review_answered", "Internal review answered"
    ESCALATED = "escalated", "Escalated to the regulator"
    DECIDED = "decided", "Decision notice issued"
    CLOSED = "closed", "Closed"
    WITHDRAWN = "withdrawn", "Withdrawn"


ANSWERED = (Status.ANSWERED_FULL, Status.ANSWERED_PARTIAL, Status.REFUSED, Status.NOT_HELD)
AWAITING_RESPONSE = (Status.SENT, Status.ACKNOWLEDGED, Status.EXTENDED)
_IN_PROGRESS = (Status.ACKNOWLEDGED, Status.CLARIFICATION_REQUESTED, Status.FEE_REQUESTED, Status.EXTENDED)
CLOSED_STATES = (Status.CLOSED, Status.WITHDRAWN)
OPEN_STATES = tuple(s for s in Status if s not in CLOSED_STATES)

# Allowed next states; withdrawn is added to every open state below.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.DRAFT: (Status.SENT,),
    Status.SENT: (*_IN_PROGRESS, *ANSWERED, Status.ESCALATED),
    Status.ACKNOWLEDGED: (Status.CLARIFICATION_REQUESTED, Status.FEE_REQUESTED, Status.EXTENDED, *ANSWERED, Status.ESCALATED),
    Status.CLARIFICATION_REQUESTED: (Status.SENT, Status.ACKNOWLEDGED, *ANSWERED, Status.CLOSED),
    Status.FEE_REQUESTED: (Status.ACKNOWLEDGED, Status.EXTENDED, *ANSWERED, Status.CLOSED),
    Status.EXTENDED: (*ANSWERED, Status.ESCALATED),
    **{s: (*[a for a in ANSWERED if a != s], Status.REVIEW_REQUESTED, Status.ESCALATED, Status.CLOSED) for s in ANSWERED},
    Status.REVIEW_REQUESTED: (Status.REVIEW_ANSWERED, Status.ESCALATED),
    Status.REVIEW_ANSWERED: (Status.ESCALATED, Status.CLOSED),
    Status.ESCALATED: (Status.DECIDED,),
    Status.DECIDED: (Status.ESCALATED, Status.CLOSED),
    Status.CLOSED: (),
    Status.WITHDRAWN: (),
}
for _state in OPEN_STATES:
    TRANSITIONS[_state] = (*TRANSITIONS[_state], Status.WITHDRAWN)


class Batch(models.Model):
    """One request text sent to many authorities at once."""

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="foi_batches")
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="batches",
                             help_text="Share the batch and its requests with this team.")
    title = models.CharField(max_length=300)
    text = models.TextField(help_text="The request as sent, numbered questions and all.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "batches"
        # The newest first (the request filter's menu of 50, the batches page): read in index
        # order, not all sorted (PostgreSQL, 50 of 625: 0.41 -> 0.05 ms).
        indexes = [models.Index(fields=["created_at", "id"], name="batch_newest")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("pages:batch", args=[self.pk])


class FOIRequest(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="foi_requests")
    authority = models.ForeignKey(Authority, on_delete=models.PROTECT, related_name="requests")
    batch = models.ForeignKey(Batch, null=True, blank=True, on_delete=models.SET_NULL, related_name="requests")
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="requests",
                             help_text="Share the request, its replies and tables with this team.")
    public = models.BooleanField(default=False, db_default=False,
                                 help_text="Show the request, its replies and tables to visitors who are not logged in.")
    title = models.CharField(max_length=300)
    text = models.TextField("full text", help_text="The request exactly as sent.")
    questions = models.JSONField(default=list, blank=True, editable=False,
                                 help_text="Numbered questions split from the text.")
    regime = models.CharField(max_length=8, choices=Regime.choices, blank=True,
                              help_text="Blank: the authority's default (FOISA for Police Scotland, FOIA otherwise).")
    sent_date = models.DateField("sent", null=True, blank=True, help_text="When you sent the request.")
    received_date = models.DateField(
        "received by the authority", null=True, blank=True,
        help_text="Defaults to the sent date; correct it from the authority's acknowledgement. "
                  "Day 0 of the 20 working days.")
    authority_reference = models.CharField(max_length=100, blank=True, db_index=True)
    status = models.CharField(max_length=32, choices=Status.choices, default=Status.DRAFT, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Stored deadlines: written only by services.deadlines_recompute().
    response_due = models.DateField(null=True, blank=True, editable=False, db_index=True)
    response_due_code = models.DateField("overdue after", null=True, blank=True, editable=False, db_index=True)
    extended_due = models.DateField(null=True, blank=True, editable=False, db_index=True)
    very_overdue = models.DateField(null=True, blank=True, editable=False, db_index=True)
    review_window_closes = models.DateField(null=True, blank=True, editable=False, db_index=True)
    review_response_due = models.DateField(null=True, blank=True, editable=False, db_index=True)
    escalation_window_closes = models.DateField(null=True, blank=True, editable=False, db_index=True)
    tribunal_appeal_due = models.DateField(null=True, blank=True, editable=False, db_index=True)

    # The first substantive response, for the forces' league table (GROUP BY instead of reading
    # every answer): written with the deadlines by services.deadlines_recompute().
    answered_on = models.DateField("first answered", null=True, blank=True, editable=False)
    answer_working_days = models.PositiveIntegerField(
        "working days to answer", null=True, blank=True, editable=False,
        help_text="From receipt to the first substantive response.")
    answered_on_time = models.BooleanField(null=True, blank=True, editable=False)
    answer_outcome = models.CharField(max_length=16, blank=True, default="", editable=False)

    objects = FOIRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_date", "-id"]
        verbose_name = "FOI request"
        # Staff who read everything (editors, the data desk) without being superusers: the admin
        # makes every person who logs requests staff, so "staff" alone cannot mean "sees all".
        permissions = [("view_every_request", "Can read every request, its replies and tables")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(received_date__isnull=True) | models.Q(sent_date__isnull=True)
                | models.Q(received_date__gte=models.F("sent_date")),
                name="request_received_not_before_sent",
                violation_error_message="The authority cannot receive a request before it was sent.",
            ),
            models.CheckConstraint(
                condition=models.Q(status=Status.DRAFT) | models.Q(status=Status.WITHDRAWN)
                | models.Q(sent_date__isnull=False),
                name="request_sent_has_sent_date",
                violation_error_message="A request past draft needs a sent date.",
            ),
            models.UniqueConstraint(fields=["batch", "authority"], name="one_request_per_authority_per_batch"),
        ]
        # (status, date) pairs serve the reminder sweep's range queries: without them SQLite scans
        # every request in a status (bench/reminders_bench.py: 1.03 s -> 0.17 s over 1,000,000 rows).
        indexes = [models.Index(fields=["owner", "status", "response_due"], name="request_owner_status_due"),
                   # Awaiting requests in the order of the date now due: the dashboard's most overdue
                   # read in order (PostgreSQL: 23 -> 4 ms for 3,376 late of 100,000; SQLite's
                   # planner keeps its two (status, date) indexes and a sort).
                   models.Index(Coalesce("extended_due", "response_due"), "id", name="request_awaiting_due_on",
                                condition=models.Q(status__in=AWAITING_RESPONSE)),
                   models.Index(fields=["sent_date", "id"], name="request_sent_order"),  # the lists' default order
                   # Who may read a request, its authority and id: the lists' capped counts read this
                   # narrow index alone, not the table (PostgreSQL, 1,001 of 100,000: 1.2-1.6 -> 0.3-0.4 ms).
                   models.Index(fields=["owner", "team", "public", "authority", "id"], name="request_readable"),
                   *[models.Index(fields=["status", column], name=f"request_status_{short}") for column, short in (
                       ("response_due", "due"), ("response_due_code", "code"), ("extended_due", "ext"),
                       ("very_overdue", "very"), ("review_window_closes", "review_win"),
                       ("review_response_due", "review_due"), ("escalation_window_closes", "escal"),
                       ("tribunal_appeal_due", "tribunal"))]]

    def __str__(self) -> str:
        return f"{self.title} ({self.authority})"

    def get_absolute_url(self) -> str:
        return reverse("pages:request", args=[self.pk])

    @property
    def effective_regime(self) -> str:
        # The lists annotate the authority's regime (selectors.browse.visible_requests) rather
        # than load the authority.
        return self.regime or self.__dict__.get("authority_regime") or self.authority.default_regime

    @property
    def due(self):
        """The date a response is due now: the extended date if an extension applies."""
        return self.extended_due or self.response_due

    def days_left(self, today=None) -> int | None:
        """Working days until the response is due; negative once it is late."""
        if self.due is None or self.status not in AWAITING_RESPONSE:
            return None
        today = today or timezone.localdate()
        return deadlines.working_days_between(today, self.due, self.effective_regime)

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        limit = self.extended_due or self.response_due_code
        return self.status in AWAITING_RESPONSE and limit is not None and limit < today
