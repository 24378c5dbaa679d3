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
        """Superusers see every request; everyone else their own."""
        if user.is_superuser:
            return self
        return self.filter(owner=user)
