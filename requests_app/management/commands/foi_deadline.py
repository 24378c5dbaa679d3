import json
from dataclasses import replace
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from requests_app import deadlines, selectors
from requests_app.presentation import LABELS


def parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{value!r} is not a date: use YYYY-MM-DD, e.g. 2019-08-19") from None


class Command(BaseCommand):
    help = "Print every date that follows from an FOI request received on DATE."

    def add_arguments(self, parser):
        parser.add_argument("received", help="date the authority received the request, YYYY-MM-DD")
        parser.add_argument("--regime", default="foia", choices=deadlines.REGIMES)
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")

    def handle(self, *args, received, regime, **options):
        day = parse_date(received)
        facts = deadlines.RequestFacts(regime=regime, received=day, extra=selectors.extra_days_for(regime))
        plain = deadlines.compute_deadlines(facts)
        extended = deadlines.compute_deadlines(replace(facts, extended=True))
        # The latest each later window can fall: every step taken on the last day it may be.
        reply = plain.response_due
        after_reply = deadlines.compute_deadlines(replace(facts, response=reply))
        review = after_reply.review_window_closes
        after_review = deadlines.compute_deadlines(replace(facts, response=reply, review_requested=review))
        outcome = after_review.review_response_due
        latest = deadlines.compute_deadlines(replace(facts, response=reply, review_requested=review,
                                                     review_outcome=outcome))
        report = {
            "received": day.isoformat(), "regime": regime,
            "working_day_received": deadlines.is_working_day(day, regime, extra=facts.extra),
            "deadlines": _dates(plain, "response_due", "response_due_code", "very_overdue"),
            "with_extension": _dates(extended, "extended_due", "very_overdue"),
            "if_each_step_is_taken_on_its_last_day": {
                "reply": _iso(reply), "review_requested": _iso(review), "review_outcome": _iso(outcome),
                **_dates(latest, "escalation_window_closes"),
            },
            "tribunal_appeal": "28 days from the ICO decision notice" if regime in ("foia", "eir")
            else "42 days from the Scottish Information Commissioner's decision (Court of Session)",
            "rules": {**latest.rules, **plain.rules, "extended_due": extended.rules.get("extended_due", "")},
        }
        if options["json"]:
            self.stdout.write(json.dumps(report, indent=2))
            return
        self._print(report)

    def _print(self, report):
        w = self.stdout.write
        w(f"Received {report['received']} under {report['regime'].upper()}"
          + ("" if report["working_day_received"] else " (a non-working day: day 0 all the same; the Code counts from the next working day)"))
        for section, title in [("deadlines", "Response"), ("with_extension", "If the authority extends"),
                               ("if_each_step_is_taken_on_its_last_day", "Later windows, at the latest")]:
            w(f"\n{title}:")
            for name, value in report[section].items():
                label = LABELS.get(name, name.replace("_", " ").capitalize())
                shown = date.fromisoformat(value).strftime("%a %d %b %Y") if value else "—"
                w(f"  {label:<45} {shown}")
        w(f"\nTribunal: {report['tribunal_appeal']}")
        w("\nRules:")
        for name, rule in report["rules"].items():
            if rule:
                w(f"  {LABELS.get(name, name)}: {rule}")


def _iso(value):
    return value.isoformat() if value else None


def _dates(computed, *names):
    return {name: _iso(getattr(computed, name)) for name in names}
