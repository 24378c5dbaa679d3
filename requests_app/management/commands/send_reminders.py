import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from requests_app import services
from requests_app.management.commands.foi_deadline import parse_date


class Command(BaseCommand):
    help = ("Run the reminder sweep and send each person's digest, as Celery beat does: for cron, "
            "without a worker. --dry-run --json prints what would be sent, per person, and records nothing.")

    def add_arguments(self, parser):
        parser.add_argument("--date", type=parse_date, help="sweep as of this Europe/London date (default: today)")
        parser.add_argument("--dry-run", action="store_true", help="send and record nothing")
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args, **options):
        today = options["date"] or services.london_today()
        result = services.reminders_sweep(today=today, dry_run=options["dry_run"])
        if options["dry_run"]:
            return self._report_dry_run(result, options["json"])
        sent, failed = self._send_owed(today)
        summary = {"date": today.isoformat(), "since": result.since.isoformat(), "reminders": len(result.events),
                   "people": len(result.per_person()), "sent": sent, "failed": failed}
        if options["json"]:
            self.stdout.write(json.dumps(summary, indent=2))
        else:
            self.stdout.write(f"Swept {today} (events due since {result.since}): {len(result.events)} new reminder(s) "
                              f"for {summary['people']} person(s); {sent} digest(s) sent, {len(failed)} failed.")
        if failed:
            raise CommandError(f"{len(failed)} digest(s) not sent (kept, sent at the next run): {failed[0]['error']}")

    def _send_owed(self, today: date):
        sent, failed = 0, []
        for digest_id in services.digests_owed():
            try:
                sent += services.digest_send(digest_id=digest_id, today=today)
            except OSError as exc:
                failed.append({"digest": digest_id, "error": f"{type(exc).__name__}: {exc}"})
        return sent, failed

    def _report_dry_run(self, result, as_json: bool):
        if as_json:
            self.stdout.write(json.dumps(result.as_json(), indent=2))
            return
        people = result.as_json()["people"]
        self.stdout.write(f"Dry run for {result.today} (events due since {result.since}): "
                          f"{len(result.events)} reminder(s) for {len(people)} person(s); nothing sent or recorded.")
        for person in people:
            self.stdout.write(f"  {person['email']}: {person['subject']}")
            for event in person["events"]:
                self.stdout.write(f"    {event['event']:<26} {event['due_date']}  {event['title']}")
