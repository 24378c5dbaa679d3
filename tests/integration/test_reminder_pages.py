"""The reminder settings page, the private calendar feed and the staff preview of a digest."""
from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from requests_app import services
from requests_app.models import Digest, NotificationSettings, Reminder, ReminderEvent as E, SweepRun
from tests.factories import FOIRequestFactory, ReplyFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def jo(client):
    user = UserFactory(username="jo", email="jo@example.org")
    client.force_login(user)
    return user


def _request(**kwargs):
    request = FOIRequestFactory(**kwargs)
    services.deadlines_recompute(requests=[request], reason="test")
    request.refresh_from_db()
    return request


def _feed(client, user) -> Calendar:
    token = NotificationSettings.objects.get_or_create(user=user)[0].calendar_token
    response = client.get(reverse("requests_app:calendar_feed", args=[token]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_settings_page_needs_a_login(client):
    response = client.get(reverse("requests_app:notification_settings"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_settings_are_saved_and_lead_times_normalised(client, jo):
    url = reverse("requests_app:notification_settings")
    assert client.get(url).status_code == 200
    response = client.post(url, {"enabled": "on", "lead_days": "1,10, 5", "events": [E.DUE_SOON, E.OVERDUE]})
    assert response.status_code == 302
    saved = NotificationSettings.objects.get(user=jo)
    assert saved.lead_days == "10, 5, 1" and saved.leads == (1, 5, 10) and saved.events == [E.DUE_SOON, E.OVERDUE]


@pytest.mark.parametrize("lead_days", ["five", "0", "21", ""])
def test_bad_lead_times_get_a_clear_error_and_nothing_changes(client, jo, lead_days):
    url = reverse("requests_app:notification_settings")
    client.get(url)
    response = client.post(url, {"enabled": "on", "lead_days": lead_days, "events": [E.DUE_SOON]})
    assert response.status_code == 200
    assert "between 1 and 20 working days" in response.content.decode() or "whole working days" in response.content.decode() \
        or "required" in response.content.decode()
    assert NotificationSettings.objects.get(user=jo).lead_days == "5, 1"


def test_settings_post_needs_the_csrf_token(jo):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(jo)
    response = strict.post(reverse("requests_app:notification_settings"), {"enabled": "on", "lead_days": "3"})
    assert response.status_code == 403


def test_feed_has_all_day_events_for_upcoming_deadlines_and_follows_them(client, jo):
    request = _request(owner=jo, title="Cyberstalking")
    _request(owner=jo, title="Withdrawn one", status="withdrawn")
    _request(title="Someone else's")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(services, "london_today", lambda now=None: date(2019, 9, 1))
        events = _feed(client, jo).walk("VEVENT")
        assert [str(e["SUMMARY"]) for e in events] == ["Response due: Cyberstalking (Bedfordshire Police)"]
        assert events[0].decoded("DTSTART") == date(2019, 9, 17) and events[0].decoded("DTEND") == date(2019, 9, 18)
        assert events[0]["DTSTART"].params.get("VALUE") == "DATE"
        uid = str(events[0]["UID"])
        services.request_received_corrected(request=request, received_date=date(2019, 8, 21), why="acknowledgement")
        moved = _feed(client, jo).walk("VEVENT")
        assert str(moved[0]["UID"]) == uid and moved[0].decoded("DTSTART") == date(2019, 9, 19)
        services.reply_recorded(reply=ReplyFactory(request=request, outcome="refused", letter_date=date(2019, 9, 10)))
        after = _feed(client, jo).walk("VEVENT")
        assert [str(e["SUMMARY"]).split(":")[0] for e in after] == ["Last day to ask for an internal review"]
        assert after[0].decoded("DTSTART") == date(2019, 11, 10)


def test_regenerating_the_calendar_address_retires_the_old_one(client, jo):
    old = NotificationSettings.objects.get_or_create(user=jo)[0].calendar_token
    assert client.post(reverse("requests_app:calendar_regenerate")).status_code == 302
    new = NotificationSettings.objects.get(user=jo).calendar_token
    assert new != old and len(new) >= 40
    assert client.get(reverse("requests_app:calendar_feed", args=[old])).status_code == 404
    assert client.get(reverse("requests_app:calendar_feed", args=[new])).status_code == 200
    assert client.get(reverse("requests_app:calendar_regenerate")).status_code == 405


def test_unknown_calendar_address_is_not_found(client):
    assert client.get(reverse("requests_app:calendar_feed", args=["nope"])).status_code == 404


def test_staff_preview_of_a_persons_next_digest_sends_and_records_nothing(staff_client):
    jo = UserFactory(username="jo", email="jo@example.org")
    _request(owner=jo, title="Cyberstalking")
    url = reverse("admin:reminders_preview", args=[jo.pk])
    response = staff_client.get(url, {"date": "2019-09-17"})
    body = response.content.decode()
    assert response.status_code == 200 and "1 FOI deadline today" in body and "Cyberstalking" in body
    assert not Reminder.objects.exists() and not Digest.objects.exists() and not SweepRun.objects.exists()
    assert not mail.outbox
    assert "is not a date" in staff_client.get(url, {"date": "2019-02-30"}, follow=True).content.decode()


def test_preview_is_staff_only(client, jo):
    response = client.get(reverse("admin:reminders_preview", args=[jo.pk]))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_admin_lists_schedule_digests_and_settings(staff_client):
    for name in ["django_celery_beat_periodictask", "requests_app_digest", "requests_app_notificationsettings",
                 "requests_app_sweeprun", "auth_user"]:
        assert staff_client.get(reverse(f"admin:{name}_changelist")).status_code == 200, name
