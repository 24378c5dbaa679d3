from django.db import models

from requests_app.models.request import FOIRequest


class ReplyKind(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", "Acknowledgement"
    CLARIFICATION = "clarification", "Clarification request"
    FEES_NOTICE = "fees_notice", "Fees notice"
    EXTENSION = "extension", "Extension notice"
    RESPONSE = "response", "Substantive response"
    REVIEW_OUTCOME = "review_outcome", "Internal review outcome"
    REGULATOR = "regulator", "Regulator correspondence"


class Outcome(models.TextChoices):
    FULL = "full", "Information supplied in full"
    PARTIAL = "partial", "Information supplied in part"
    REFUSED = "refused", "Refused"
    NOT_HELD = "not_held", "Information not held"
    NCND = "ncnd", "Neither confirm nor deny"


class Reply(models.Model):
    """Any letter back from the authority, from acknowledgement to regulator correspondence."""

    request = models.ForeignKey(FOIRequest, on_delete=models.CASCADE, related_name="replies")
    kind = models.CharField(max_length=32, choices=ReplyKind.choices, default=ReplyKind.RESPONSE)
    letter_date = models.DateField(help_text="The date printed on the letter.")
    received_date = models.DateField(null=True, blank=True, help_text="When it reached you, if later than the letter date.")
    outcome = models.CharField(max_length=16, choices=Outcome.choices, blank=True,
                               help_text="For a substantive response or review outcome.")
    exemptions = models.JSONField(default=list, blank=True,
                                  help_text='Exemptions relied on, normalised: ["s40(2)", "s31(1)(a)", "reg12(4)(b)"].')
    body = models.TextField(blank=True, help_text="The letter's text, kept as received.")
    authority_reference = models.CharField(max_length=100, blank=True)
    # Dates that move the clock, recorded on the letter that started them.
    requester_answered_on = models.DateField(
        "clarification received on", null=True, blank=True,
        help_text="Clarification request: when the authority received your clarification (the clock restarts).")
    fee_paid_on = models.DateField(
        null=True, blank=True, help_text="Fees notice: when the authority received the fee (the clock resumes).")
    extended_to = models.DateField(
        null=True, blank=True, help_text="Extension notice: the date the authority estimates for its decision.")
    parsed = models.JSONField(default=dict, blank=True, editable=False,
                              help_text="The reply's parse (shared/spec/parsed-reply.md): body and attachments.")
    # Copy of the request's sent date so the database itself refuses a reply dated before the request.
    request_sent_date = models.DateField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["letter_date", "id"]
        verbose_name_plural = "replies"
        # Not (kind, ...): SQLite would then walk every response instead of one person's requests' replies.
        indexes = [models.Index(fields=["letter_date"], name="reply_letter_date")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(request_sent_date__isnull=True) | models.Q(letter_date__gte=models.F("request_sent_date")),
                name="reply_not_before_request",
                violation_error_message="A reply cannot be dated before the request was sent.",
            ),
            models.CheckConstraint(
                condition=models.Q(received_date__isnull=True) | models.Q(received_date__gte=models.F("letter_date")),
                name="reply_received_not_before_letter",
                violation_error_message="A reply cannot reach you before the date on the letter.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.letter_date:%d %b %Y}"

    def save(self, *args, **kwargs):
        # A derived copy, not a side effect: lets the reply_not_before_request constraint see it.
        self.request_sent_date = self.request.sent_date
        super().save(*args, **kwargs)


class ParseStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    PARSED = "parsed", "Parsed"
    FAILED = "failed", "Failed"
    SKIPPED = "skipped", "Not parsed"


def attachment_path(instance: "Attachment", filename: str) -> str:
    return f"replies/{instance.reply.request_id}/{instance.reply_id}/{filename}"


class Attachment(models.Model):
    reply = models.ForeignKey(Reply, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=500)
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0, editable=False)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True, editable=False, db_index=True)
    parse_status = models.CharField(max_length=16, choices=ParseStatus.choices, default=ParseStatus.PENDING)
    parse_error = models.TextField(blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.original_name or self.file.name


class ParsedTable(models.Model):
    """One data table found in a reply, as in shared/spec/parsed-reply.md."""

    reply = models.ForeignKey(Reply, on_delete=models.CASCADE, related_name="tables")
    attachment = models.ForeignKey(Attachment, null=True, blank=True, on_delete=models.CASCADE, related_name="tables")
    position = models.PositiveIntegerField(default=0)
    source = models.CharField(max_length=300, default="body")
    question = models.CharField(max_length=20, blank=True)
    title = models.CharField(max_length=500, blank=True)
    row_header = models.CharField(max_length=300, blank=True)
    columns = models.JSONField(default=list)
    rows = models.JSONField(default=list)
    totals_consistent = models.BooleanField(null=True)
    warnings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["reply", "position"]

    def __str__(self) -> str:
        return self.title or f"Table {self.position + 1} ({self.source})"
