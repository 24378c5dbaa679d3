from django.conf import settings
from django.db import models

from requests_app.models.request import FOIRequest


class EventKind(models.TextChoices):
    CREATED = "created", "Created"
    STATUS = "status", "Status changed"
    DEADLINES = "deadlines", "Deadlines changed"
    DATES = "dates", "Dates corrected"
    NOTE = "note", "Note"


class RequestEvent(models.Model):
    """Audit trail: every status change and deadline change, who made it and when."""

    request = models.ForeignKey(FOIRequest, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    kind = models.CharField(max_length=16, choices=EventKind.choices)
    message = models.CharField(max_length=500)
    changes = models.JSONField(default=dict, blank=True, help_text='{"field": [old, new]}')

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return self.message
