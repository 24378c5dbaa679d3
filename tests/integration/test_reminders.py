"""Reminders: which events fall due when, one digest per person, never twice, never lost."""
import json
import smtplib
from datetime import date, datetime, timezone as dt_timezone

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from requests_app import services, tasks
from requests_app.models import Digest, NotificationSettings, Reminder, ReminderEvent as E, Status, SweepRun
from requests_app.models.reminder import DigestStatus
from requests_app.services import reminders as reminder_service
from tests.factories import FOIRequestFactory, ReplyFactory, UserFactory, force

pytestmark = pytest.mark.django_db

# FOIA, received Monday 19 Aug 2019: response due Tuesday 17 Sep 2019, very overdue after 15 Oct.


def _request(**kwargs):
    request = FOIRequestFactory(**kwargs)
    services.deadlines_recompute(requests=[request], reason="test")
    request.refresh_from_db()
    return request


def _found(day: date) -> list[tuple[str, int]]:
    return [(e.event, e.lead_days) for e in services.reminders_sweep(today=day, dry_run=True).events]


def _run(day: date) -> None:
    services.reminders_sweep(today=day)
    for digest_id in services.digests_owed():
        services.digest_send(digest_id=digest_id, today=day)


@pytest.mark.parametrize("day, expected", [
    (date(2019, 9, 9), []),  # six working days left: before the first lead time
    (date(2019, 9, 10), [(E.DUE_SOON, 5)]),  # five working days left
    (date(2019, 9, 13), [(E.DUE_SOON, 5)]),  # Friday, two left: still the five-day reminder
    (date(2019, 9, 16), [(E.DUE_SOON, 1)]),  # one working day left
    (date(2019, 9, 17), [(E.DUE_TODAY, 0)]),
    (date(2019, 9, 18), [(E.OVERDUE, 0)]),  # first working day after the due date
    (date(2019, 10, 16), [(E.VERY_OVERDUE, 0)]),  # 20 working days after it
])
def test_response_events_fall_due_on_their_days(day, expected):
    _request()
    assert _found(day) == expected


def test_overdue_waits_for_the_first_working_day_after_a_friday_deadline():
    friday = _request(sent_date=date(2019, 8, 15), received_date=date(2019, 8, 15))
    assert friday.response_due_code == date(2019, 9, 13)  # a Friday
    assert (E.OVERDUE, 0) not in _found(date(2019, 9, 14))  # Saturday: nothing yet
    assert [e.due_date for e in services.reminders_sweep(today=date(2019, 9, 16), dry_run=True).events
            if e.event == E.OVERDUE] == [date(2019, 9, 13)]


def test_one_digest_per_person_grouped_with_both_parts_and_links():
    jo = UserFactory(username="jo", email="jo@example.org")
    due_today = _request(owner=jo, title="Cyberstalking 2019")
    _request(owner=jo, title="Knife crime", sent_date=date(2019, 8, 16), received_date=date(2019, 8, 16))
    _request(owner=jo, title="Drones", sent_date=date(2019, 8, 14), received_date=date(2019, 8, 14))
    _request(title="Someone else's", owner=UserFactory(username="sam", email="sam@example.org"))
    _run(date(2019, 9, 17))
    assert sorted(m.to[0] for m in mail.outbox) == ["jo@example.org", "sam@example.org"]
    message = next(m for m in mail.outbox if m.to == ["jo@example.org"])
    assert message.subject == "1 FOI deadline today, 2 overdue"
    assert "RESPONSE DUE TODAY (1)" in message.body and "RESPONSE OVERDUE (2)" in message.body
    assert f"http://127.0.0.1:8000/requests/{due_today.pk}/" in message.body
    assert "/settings/reminders/" in message.body
    html, kind = message.alternatives[0]
    assert kind == "text/html" and "<h2" in html and "Knife crime — Bedfordshire Police" in html


def test_digest_not_resent_when_the_sweep_and_send_run_twice():
    _request()
    tasks.sweep_reminders.delay("2019-09-17")
    tasks.sweep_reminders.delay("2019-09-17")
    tasks.send_owed_digests.delay()
    assert len(mail.outbox) == 1
    reminder = Reminder.objects.get()
    assert reminder.sent_at is not None and reminder.digest.status == DigestStatus.SENT


def test_the_same_event_cannot_be_recorded_twice():
    request = _request()
    digest = Digest.objects.create(recipient=request.owner)
    Reminder.objects.create(recipient=request.owner, digest=digest, request=request, event=E.DUE_TODAY,
                            due_date=request.response_due)
    with pytest.raises(IntegrityError), transaction.atomic():
        Reminder.objects.create(recipient=request.owner, digest=digest, request=request, event=E.DUE_TODAY,
                                due_date=request.response_due)


def test_a_sweep_racing_another_takes_only_what_is_left(monkeypatch):
    """Two beat processes: the second one's insert hits the constraint and it retries with what is left."""
    _request()
    stale = services.reminders_sweep(today=date(2019, 9, 17), dry_run=True).events
    services.reminders_sweep(today=date(2019, 9, 17))  # the other process, first
    real = reminder_service._not_yet_reminded
    calls = []
    monkeypatch.setattr(reminder_service, "_not_yet_reminded",
                        lambda events: calls.append(1) or (stale if len(calls) == 1 else real(events)))
    result = services.reminders_sweep(today=date(2019, 9, 17))
    assert result.events == [] and len(calls) == 2
    assert Reminder.objects.count() == 1


class _DownSMTP:
    def __init__(self, *args, **kwargs):
        raise ConnectionRefusedError(111, "Connection refused")


def test_mail_server_down_marks_nothing_sent_and_the_next_run_sends_once(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_PORT = 9  # discard port: nothing listens
    _request()
    services.reminders_sweep(today=date(2019, 9, 17))
    digest = Digest.objects.get()
    with pytest.raises(OSError):
        services.digest_send(digest_id=digest.pk, today=date(2019, 9, 17))
    digest.refresh_from_db()
    assert digest.status == DigestStatus.READY and digest.attempts == 1 and "Connection refused" in digest.last_error
    assert Reminder.objects.get().sent_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _run(date(2019, 9, 18))  # the next day's run also finds the overdue event: one e-mail with both
    assert len(mail.outbox) == 1 and mail.outbox[0].subject == "1 FOI deadline today, 1 overdue"
    assert Digest.objects.get().status == DigestStatus.SENT


def test_digest_task_retries_on_smtp_errors(monkeypatch):
    _request()
    services.reminders_sweep(today=date(2019, 9, 17))
    digest = Digest.objects.get()
    attempts = []

    def flaky(self, fail_silently=False):
        attempts.append(1)
        if len(attempts) < 3:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return 1

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", flaky)
    monkeypatch.setattr(tasks.send_digest.app.conf, "task_eager_propagates", False)  # retries run in apply()
    tasks.send_digest.apply(args=[digest.pk])
    assert len(attempts) == 3
    digest.refresh_from_db()
    assert digest.status == DigestStatus.SENT and digest.attempts == 3


def test_worker_down_for_days_catches_up_once():
    _request()
    _run(date(2019, 9, 10))  # last sweep before the outage: the five-day reminder
    assert len(mail.outbox) == 1
    _run(date(2019, 9, 20))  # back three days after the deadline: overdue, once; due today is past
    assert len(mail.outbox) == 2 and mail.outbox[1].subject == "1 FOI request overdue"
    assert "3 working days late" in mail.outbox[1].body
    _run(date(2019, 9, 23))
    assert len(mail.outbox) == 2
    assert SweepRun.objects.order_by("run_on").last().since == date(2019, 9, 20)


def test_settings_turn_reminders_off_choose_events_and_lead_times():
    jo = UserFactory(username="jo", email="jo@example.org")
    _request(owner=jo)
    NotificationSettings.objects.create(user=jo, lead_days="3", events=[E.DUE_SOON])
    assert _found(date(2019, 9, 10)) == []  # five left: no five-day lead any more
    assert _found(date(2019, 9, 12)) == [(E.DUE_SOON, 3)]
    assert _found(date(2019, 9, 17)) == []  # due today not chosen
    NotificationSettings.objects.filter(user=jo).update(enabled=False)
    assert _found(date(2019, 9, 12)) == []


def test_people_without_an_email_address_are_counted_not_sent():
    _request(owner=UserFactory(username="anon", email=""))
    result = services.reminders_sweep(today=date(2019, 9, 17), dry_run=True)
    assert result.events == [] and result.without_email == 1


def test_review_window_closing_only_after_a_refusal():
    refused = _request()
    services.reply_recorded(reply=ReplyFactory(request=refused, outcome="refused", exemptions=["s40(2)"]))
    full = _request()
    services.reply_recorded(reply=ReplyFactory(request=full, outcome="full"))
    refused.refresh_from_db()
    assert refused.review_window_closes == date(2019, 11, 17)
    found = services.reminders_sweep(today=date(2019, 11, 10), dry_run=True).events
    assert [(e.event, e.request_id) for e in found] == [(E.REVIEW_WINDOW_CLOSING, refused.pk)]
    assert _found(date(2019, 11, 9)) == []  # eight days before


def test_review_overdue_escalation_and_tribunal_windows():
    request = _request(status=Status.REFUSED)
    ReplyFactory(request=request, outcome="refused")
    request.reviews.create(requested_on=date(2019, 10, 1))
    request.status = Status.REVIEW_REQUESTED
    request.save()
    services.deadlines_recompute(requests=[request], reason="test")
    request.refresh_from_db()
    assert request.review_response_due == date(2019, 10, 29)
    assert _found(date(2019, 10, 30)) == [(E.REVIEW_OVERDUE, 0)]
    review = request.reviews.get()
    review.outcome_date = date(2019, 10, 25)
    review.save()
    request.status = Status.REVIEW_ANSWERED
    request.save()
    services.deadlines_recompute(requests=[request], reason="test")
    request.refresh_from_db()
    assert request.escalation_window_closes == date(2019, 12, 6)
    assert _found(date(2019, 11, 22)) == [(E.ESCALATION_WINDOW_CLOSING, 0)]  # 14 days before
    assert _found(date(2019, 11, 21)) == []
    request.escalations.create(submitted_on=date(2019, 11, 1), decision_date=date(2020, 3, 2))
    request.status = Status.DECIDED
    request.save()
    services.deadlines_recompute(requests=[request], reason="test")
    assert _found(date(2020, 3, 23)) == [(E.TRIBUNAL_WINDOW_CLOSING, 0)]  # appeal by 30 March


def test_batch_with_most_forces_replied_and_one_late():
    owner = UserFactory(username="desk", email="desk@example.org")
    names = ["Bedfordshire Police", "Hertfordshire Constabulary", "West Midlands Police"]
    batch = services.batch_create(owner=owner, authorities=[force(n) for n in names], title="Tasers",
                                  text="1: Taser use", sent_date=date(2019, 8, 19))
    for request in batch.requests.all()[:2]:
        services.reply_recorded(reply=ReplyFactory(request=request, outcome="full", letter_date=date(2019, 9, 16)))
    found = services.reminders_sweep(today=date(2019, 9, 18), dry_run=True).events
    stragglers = [e for e in found if e.event == E.BATCH_STRAGGLERS]
    assert len(stragglers) == 1 and stragglers[0].batch_id == batch.pk
    assert "2 of 3 replied, 1 late" in stragglers[0].title


@pytest.mark.parametrize("utc, london", [
    (datetime(2026, 3, 28, 23, 30, tzinfo=dt_timezone.utc), date(2026, 3, 28)),  # GMT: still Saturday
    (datetime(2026, 3, 29, 23, 30, tzinfo=dt_timezone.utc), date(2026, 3, 30)),  # BST from 29 March
    (datetime(2026, 10, 24, 23, 30, tzinfo=dt_timezone.utc), date(2026, 10, 25)),  # BST until 25 October
    (datetime(2026, 10, 25, 23, 30, tzinfo=dt_timezone.utc), date(2026, 10, 25)),  # GMT again
])
def test_the_sweep_day_is_the_london_date_across_clock_changes(utc, london):
    assert services.london_today(utc) == london


def test_send_reminders_dry_run_json_records_nothing(capsys):
    _request(owner=UserFactory(username="jo", email="jo@example.org"))
    call_command("send_reminders", "--date", "2019-09-17", "--dry-run", "--json")
    out = json.loads(capsys.readouterr().out)
    assert out["people"][0]["email"] == "jo@example.org"
    assert [e["event"] for e in out["people"][0]["events"]] == ["due_today"]
    assert not Reminder.objects.exists() and not SweepRun.objects.exists() and not mail.outbox


def test_send_reminders_sends_and_reports(capsys):
    _request()
    call_command("send_reminders", "--date", "2019-09-17")
    assert "1 new reminder(s) for 1 person(s); 1 digest(s) sent, 0 failed" in capsys.readouterr().out
    call_command("send_reminders", "--date", "2019-09-17")
    assert len(mail.outbox) == 1


def test_send_reminders_refuses_a_date_that_does_not_exist():
    with pytest.raises(CommandError, match="'2019-02-30' is not a date"):
        call_command("send_reminders", "--date", "2019-02-30")


def test_beat_schedule_is_in_the_database_and_editable():
    from django_celery_beat.models import PeriodicTask

    sweep = PeriodicTask.objects.get(task="requests_app.tasks.sweep_reminders")
    assert sweep.enabled and sweep.crontab.hour == "7" and str(sweep.crontab.timezone) == "Europe/London"
    assert PeriodicTask.objects.filter(task="requests_app.tasks.send_owed_digests", interval__every=15).exists()


def test_a_digest_delayed_by_an_outage_leaves_out_what_was_settled_meanwhile():
    jo = UserFactory(username="jo", email="jo@example.org")
    answered = _request(owner=jo, title="Answered meanwhile")
    _request(owner=jo, title="Still waiting")
    services.reminders_sweep(today=date(2019, 9, 17))
    services.reply_recorded(reply=ReplyFactory(request=answered, outcome="full", letter_date=date(2019, 9, 17)))
    [digest_id] = services.digests_owed()
    assert services.digest_send(digest_id=digest_id, today=date(2019, 9, 17))
    assert mail.outbox[0].subject == "1 FOI deadline today"
    assert "Still waiting" in mail.outbox[0].body and "Answered meanwhile" not in mail.outbox[0].body
    assert list(Reminder.objects.values_list("request__title", flat=True)) == ["Still waiting"]


def test_a_digest_for_someone_without_an_address_waits_and_is_not_retried_in_a_loop():
    request = _request(owner=UserFactory(username="jo", email="jo@example.org"))
    services.reminders_sweep(today=date(2019, 9, 17))
    type(request.owner).objects.filter(pk=request.owner_id).update(email="")
    digest = Digest.objects.get()
    assert services.digest_send(digest_id=digest.pk) is False
    digest.refresh_from_db()
    assert digest.status == DigestStatus.READY and "no e-mail address" in digest.last_error
    assert services.digests_owed() == [] and not mail.outbox


@pytest.mark.parametrize("events, expected", [
    ([E.DUE_TODAY, E.DUE_TODAY, E.DUE_TODAY, E.OVERDUE, E.VERY_OVERDUE], "3 FOI deadlines today, 2 overdue"),
    ([E.OVERDUE, E.DUE_SOON], "1 FOI request overdue, 1 due soon"),
    ([E.REVIEW_WINDOW_CLOSING, E.TRIBUNAL_WINDOW_CLOSING], "1 review window closing, 1 appeal window closing"),
    ([E.DUE_SOON, E.REVIEW_OVERDUE, E.BATCH_STRAGGLERS, E.BATCH_STRAGGLERS],
     "1 FOI request due soon, 1 internal review overdue, 2 batches with late forces"),
])
def test_digest_subject_counts_what_it_holds(events, expected):
    from requests_app import digests
    from requests_app.reminder_events import DueEvent

    assert digests.subject([DueEvent(recipient_id=1, event=e, due_date=date(2019, 9, 17)) for e in events]) == expected
