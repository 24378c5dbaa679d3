from django.conf import settings
from django.db import models


class Team(models.Model):
    """People who share requests: a newsroom desk, a research group."""

    name = models.CharField(max_length=200, unique=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="foi_teams", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
