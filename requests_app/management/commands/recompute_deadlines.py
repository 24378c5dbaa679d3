import time

from django.core.management.base import BaseCommand

from requests_app import services
from requests_app.models import FOIRequest


class Command(BaseCommand):
    help = ("Recompute the stored deadlines of every open request (after a new non-working day, "
            "a rule fix or a `holidays` upgrade) and record each change in its audit trail.")

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="closed and withdrawn requests too")
        parser.add_argument("--reason", default="deadlines recomputed by the recompute_deadlines command")

    def handle(self, *args, **options):
        requests = FOIRequest.objects.all() if options["all"] else FOIRequest.objects.open()
        requests = requests.exclude(sent_date__isnull=True)
        total = requests.count()
        started = time.perf_counter()
        self.stdout.write(f"Recomputing deadlines of {total} request(s)…")

        def progress(seen, changed):
            self.stdout.write(f"  {seen}/{total} checked, {changed} changed ({time.perf_counter() - started:.1f} s)")

        changed = services.deadlines_recompute(requests=requests, reason=options["reason"], progress=progress)
        self.stdout.write(self.style.SUCCESS(
            f"Done: {total} checked, {changed} changed, in {time.perf_counter() - started:.1f} s."))
