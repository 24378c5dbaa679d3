from datetime import date

from django.db import models


class FOIRequestQuerySet(models.QuerySet):
    def open(self):
        from requests_app.models.request import CLOSED_STATES

        return self.exclude(status__in=CLOSED_STATES)

    def awaiting_response(self):
        from requests_app.models.request import AWAITING_RESPONSE

        return self.filter(status__in=AWAITING_RESPONSE)

    def due_between(self, start: date, end: date):
        """Awaiting a response due in [start, end]: one indexed range query per column."""
        in_range = models.Q(extended_due__isnull=True, response_due__range=(start, end)) | models.Q(
            extended_due__range=(start, end))
        return self.awaiting_response().filter(in_range)

    def overdue(self, today: date):
        """Late: past the Code date (or the extended date). Derived, never stored."""
        late = models.Q(extended_due__isnull=True, response_due_code__lt=today) | models.Q(extended_due__lt=today)
        return self.awaiting_response().filter(late)

    def very_overdue_on(self, today: date):
        return self.awaiting_response().filter(very_overdue__lt=today)

    def for_user(self, user):
        """What a person may change: superusers everything, others their own and their teams'."""
        if user.is_authenticated and user.is_superuser:
            return self
        return self.filter(_access(user))

    def readable_by(self, user):
        """What a person may read: what they may change, plus every request marked public;
        everything for superusers and for staff given the "read every request" permission."""
        if reads_everything(user):
            return self
        return self.filter(_access(user) | models.Q(public=True))


def reads_everything(user) -> bool:
    return user.is_authenticated and (user.is_superuser or (
        user.is_staff and user.has_perm("requests_app.view_every_request")))


def _access(user) -> models.Q:
    if not user.is_authenticated:
        return models.Q(pk__in=[])
    return models.Q(owner=user) | models.Q(team__in=team_ids(user))


def team_ids(user):
    """The ids of this person's teams, as a subquery of the membership table alone (no join to
    the teams, and no related manager made on every page)."""
    from requests_app.models import Team

    return Team.members.through.objects.filter(user_id=user.pk).values("team_id")
