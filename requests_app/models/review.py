from django.db import models

from requests_app.models.request import FOIRequest


class ReviewOutcome(models.TextChoices):
    UPHELD = "upheld", "Original decision upheld"
    PARTLY_UPHELD = "partly_upheld", "Partly upheld: more released"
    OVERTURNED = "overturned", "Overturned: information released"
    NO_RESPONSE = "no_response", "No response"


class InternalReview(models.Model):
    request = models.ForeignKey(FOIRequest, on_delete=models.CASCADE, related_name="reviews")
    requested_on = models.DateField()
    grounds = models.TextField(blank=True)
    authority_reference = models.CharField(max_length=100, blank=True)
    outcome_date = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=16, choices=ReviewOutcome.choices, blank=True)

    class Meta:
        ordering = ["requested_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome_date__isnull=True) | models.Q(outcome_date__gte=models.F("requested_on")),
                name="review_outcome_not_before_request",
                violation_error_message="A review outcome cannot come before the review was requested.",
            ),
        ]

    def __str__(self) -> str:
        return f"Internal review requested {self.requested_on:%d %b %Y}"


class Regulator(models.TextChoices):
    ICO = "ico", "Information Commissioner's Office"
    SIC = "sic", "Scottish Information Commissioner"
    TRIBUNAL = "tribunal", "First-tier Tribunal (Information Rights)"
    COURT_OF_SESSION = "court_of_session", "Court of Session"


class DecisionOutcome(models.TextChoices):
    UPHELD = "upheld", "Complaint upheld"
    PARTLY_UPHELD = "partly_upheld", "Partly upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"
    INFORMALLY_RESOLVED = "resolved", "Resolved informally"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Escalation(models.Model):
    request = models.ForeignKey(FOIRequest, on_delete=models.CASCADE, related_name="escalations")
    body = models.CharField("to", max_length=20, choices=Regulator.choices, default=Regulator.ICO)
    submitted_on = models.DateField()
    case_reference = models.CharField(max_length=100, blank=True, help_text="e.g. IC-123456-A1B2.")
    decision_notice_reference = models.CharField(max_length=100, blank=True, help_text="e.g. IC-392889-C5J2.")
    decision_date = models.DateField(null=True, blank=True, help_text="When the decision notice was sent.")
    outcome = models.CharField(max_length=16, choices=DecisionOutcome.choices, blank=True)

    class Meta:
        ordering = ["submitted_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decision_date__isnull=True) | models.Q(decision_date__gte=models.F("submitted_on")),
                name="decision_not_before_submission",
                violation_error_message="A decision cannot come before the complaint was submitted.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_body_display()} ({self.case_reference or self.submitted_on})"
