from django.db import models


class ExtraNonWorkingDay(models.Model):
    """A one-off bank holiday announced after the installed `holidays` package was released."""

    date = models.DateField(unique=True)
    name = models.CharField(max_length=200, help_text="e.g. 'Bank holiday for the State Funeral'.")
    applies_to_uk = models.BooleanField(
        "FOIA / EIR", default=True, help_text="Non-working day for FOIA and EIR (a bank holiday anywhere in the UK).")
    applies_to_scotland = models.BooleanField(
        "FOISA / EIRs", default=False, help_text="Non-working day for FOISA and the Scottish EIRs (a Scottish bank holiday).")
    source_url = models.URLField("source URL", help_text="The proclamation or gov.uk page announcing it.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date"]
        verbose_name = "extra non-working day"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(applies_to_uk=True) | models.Q(applies_to_scotland=True),
                name="extra_day_applies_somewhere",
                violation_error_message="An extra non-working day must apply to at least one regime.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d %b %Y}: {self.name}"
