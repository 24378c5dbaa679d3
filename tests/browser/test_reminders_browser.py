"""Reminders as a person meets them in Chromium: settings, the calendar address, a digest preview."""
from datetime import date

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

from requests_app import services
from requests_app.models import NotificationSettings
from tests.factories import FOIRequestFactory


@pytest.mark.browser
def test_choose_reminders_and_subscribe_to_the_calendar(admin_page, superuser, screenshot):
    page = admin_page
    request = FOIRequestFactory(owner=superuser, title="Stop and search 2024", sent_date=date(2030, 1, 7))
    services.deadlines_recompute(requests=[request], reason="test")
    page.get_by_role("link", name="Reminders and calendar").click()
    expect(page.get_by_role("heading", name="Reminders and calendar")).to_be_visible()
    lead = page.get_by_label("Lead times")
    lead.fill("ten")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".errorlist")).to_contain_text("whole working days")
    lead.fill("3, 10")
    page.get_by_label("Batch: most forces replied, some late").uncheck()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your reminder settings are saved.")).to_be_visible()
    saved = NotificationSettings.objects.get(user=superuser)
    assert saved.leads == (3, 10) and "batch_stragglers" not in saved.events
    screenshot(page, "reminder-settings")

    feed_url = page.get_by_label("Private address").input_value()
    response = page.request.get(feed_url)
    assert response.ok and "text/calendar" in response.headers["content-type"]
    [event] = Calendar.from_ical(response.body()).walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("Response due: Stop and search 2024")
    page.get_by_role("button", name="Make a new address").click()
    expect(page.get_by_text("Your calendar has a new address")).to_be_visible()
    assert page.get_by_label("Private address").input_value() != feed_url
    assert page.request.get(feed_url).status == 404


@pytest.mark.browser
def test_staff_preview_a_persons_next_digest(admin_page, superuser, screenshot):
    page = admin_page
    request = FOIRequestFactory(owner=superuser, title="Cyberstalking 2019")
    services.deadlines_recompute(requests=[request], reason="test")
    page.goto("/admin/auth/user/")
    page.get_by_role("link", name="Preview next digest").first.click()
    page.get_by_label("As of").fill("2019-09-17")
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_text("subject 1 FOI deadline today")).to_be_visible()
    screenshot(page, "digest-preview")
    frame = page.frame_locator("iframe[title='Digest preview']")
    expect(frame.get_by_role("heading", name="Response due today (1)")).to_be_visible()
    expect(frame.get_by_role("link", name="Cyberstalking 2019 — Bedfordshire Police: due today, Tue 17 Sep 2019"))\
        .to_be_visible()
    screenshot(page, "digest-preview")
