"""The league table's numbers come from each request's stored first answer: written with the
deadlines, kept right when replies are added, corrected or deleted, filled for old rows by the
migration, and aggregated by the database (the same numbers as reading every answer)."""
import importlib
import random
import statistics
from types import SimpleNamespace
from datetime import date

import pytest
from django.apps import apps
from django.contrib.admin.sites import site
from django.db import connection
from django.test import RequestFactory

from requests_app import services
from requests_app.models import ExtraNonWorkingDay, FOIRequest, Reply
from requests_app.selectors import stats
from tests.factories import FOIRequestFactory, ReplyFactory, StaffFactory, UserFactory, force

pytestmark = pytest.mark.django_db

ANSWER = ("answered_on", "answer_working_days", "answered_on_time", "answer_outcome")


def _answer(request: FOIRequest) -> tuple:
    request.refresh_from_db()
    return tuple(getattr(request, name) for name in ANSWER)


def _reply(request, letter: date, outcome: str, **extra) -> Reply:
    reply = ReplyFactory(request=request, letter_date=letter, outcome=outcome, **extra)
    services.reply_recorded(reply=reply)
    return reply


def test_the_first_response_is_stored_and_a_later_one_does_not_replace_it():
    request = FOIRequestFactory(sent_date=date(2024, 1, 8))  # due 5 Feb 2024 (20 working days)
    services.deadlines_recompute(requests=[request], reason="test")
    assert _answer(request) == (None, None, None, "")
    _reply(request, date(2024, 2, 9), "partial", exemptions=["s40(2)"])
    assert _answer(request) == (date(2024, 2, 9), 24, False, "partial")
    _reply(request, date(2024, 3, 1), "full")  # a second, fuller answer: the first one is what was late
    assert _answer(request) == (date(2024, 2, 9), 24, False, "partial")


def test_an_extension_makes_a_later_answer_on_time_and_a_bank_holiday_is_not_a_working_day():
    request = FOIRequestFactory(sent_date=date(2024, 1, 8))
    ReplyFactory(request=request, kind="extension", letter_date=date(2024, 2, 1), extended_to=date(2024, 3, 4))
    _reply(request, date(2024, 2, 9), "full")
    assert _answer(request) == (date(2024, 2, 9), 24, True, "full")
    ExtraNonWorkingDay.objects.create(date=date(2024, 2, 7), name="Office closed", applies_to_uk=True)
    services.extra_day_saved(day=date(2024, 2, 7))
    assert _answer(request)[1] == 23


def test_deleting_the_answer_in_the_admin_clears_it():
    request = FOIRequestFactory(sent_date=date(2024, 1, 8))
    reply = _reply(request, date(2024, 2, 1), "full")
    assert _answer(request)[0] == date(2024, 2, 1)
    admin_user = StaffFactory(username="admin-deleter")
    http = RequestFactory().post("/")
    http.user = admin_user
    site._registry[Reply].delete_model(http, reply)
    assert _answer(request) == (None, None, None, "")


def test_the_migration_fills_the_columns_as_recompute_does():
    request = FOIRequestFactory(sent_date=date(2024, 1, 8))
    _reply(request, date(2024, 2, 9), "refused")
    other = FOIRequestFactory(sent_date=date(2024, 1, 8), authority=force("Police Scotland"))
    _reply(other, date(2024, 2, 2), "full")
    expected = {r.pk: _answer(r) for r in (request, other)}
    FOIRequest.objects.update(answered_on=None, answer_working_days=None, answered_on_time=None, answer_outcome="")
    migration = importlib.import_module("requests_app.migrations.0009_first_answer")
    migration.backfill_first_answers(apps, SimpleNamespace(connection=connection))  # it uses only the connection
    assert {r.pk: _answer(r) for r in (request, other)} == expected
    assert services.deadlines_recompute(requests=FOIRequest.objects.all(), reason="test") == 0


def test_league_numbers_equal_a_count_over_every_answer():
    """Random requests over three forces: the database's aggregates give what a Python pass over
    every request's stored first answer gives (medians of even counts included)."""
    owner = UserFactory(username="league-owner")
    rng = random.Random(4)
    names = ["Bedfordshire Police", "Kent Police", "Police Scotland"]
    for k in range(40):
        request = FOIRequestFactory(owner=owner, authority=force(names[k % 3]),
                                    sent_date=date(2024, 1, 1 + rng.randrange(20)))
        if rng.random() < 0.8:
            _reply(request, date(2024, 2, 1 + rng.randrange(25)), rng.choice(["full", "partial", "refused", "not_held"]),
                   exemptions=rng.sample(["s40(2)", "s31(1)(a)", "s12"], rng.randrange(3)))
    rows = {r["name"]: r for r in stats.authority_stats(owner, today=date(2024, 3, 1))}
    for name in names:
        mine = list(FOIRequest.objects.filter(owner=owner, authority__name=name))
        answered = [r for r in mine if r.answered_on]
        row = rows[name]
        assert row["requests"] == len(mine) and row["answered"] == len(answered)
        assert row["median_days"] == statistics.median([r.answer_working_days for r in answered])
        assert row["on_time_rate"] == sum(r.answered_on_time for r in answered) / len(answered)
        refused = sum(r.answer_outcome in ("refused", "partial", "ncnd") for r in answered)
        assert row["refusal_rate"] == refused / len(answered)
        cited = {}
        for reply in Reply.objects.filter(request__in=mine):
            for code in set(reply.exemptions):
                cited[code] = cited.get(code, 0) + 1
        assert dict(row["top_exemptions"]) == dict(sorted(cited.items(), key=lambda kv: -kv[1])[:3])


@pytest.mark.parametrize("days", [[5], [5, 7], [1, 9, 9, 30], [3, 3, 3], list(range(1, 12)), [20, 2, 14, 2, 8, 40]])
def test_the_median_from_a_histogram_is_statistics_median(days):
    numbers = stats.ForceNumbers()
    for d in days:
        numbers.days[d] += 1
    assert numbers.median_days == statistics.median(days)
    assert numbers.answered == len(days)


def test_a_force_page_and_a_visitor_league_without_requests():
    assert stats.force_numbers(FOIRequest.objects.none()) == {}
    owner = UserFactory(username="empty-league")
    rows = stats.authority_stats(owner, today=date(2024, 3, 1))
    assert all(r["answered"] == 0 and r["median_days"] is None and r["top_exemptions"] == [] for r in rows)


def test_moving_a_reply_to_another_request_in_the_admin_clears_the_first(client):
    staff = StaffFactory(username="mover")
    first = FOIRequestFactory(owner=staff, sent_date=date(2024, 1, 8))
    second = FOIRequestFactory(owner=staff, sent_date=date(2024, 1, 8))
    reply = _reply(first, date(2024, 2, 1), "full")
    assert _answer(first)[0] == date(2024, 2, 1)
    client.force_login(staff)
    response = client.post(f"/admin/requests_app/reply/{reply.pk}/change/", {
        "request": second.pk, "kind": "response", "letter_date": "2024-02-01", "outcome": "full", "exemptions": "[]",
        "body": "", "attachments-TOTAL_FORMS": 0, "attachments-INITIAL_FORMS": 0})
    assert response.status_code == 302
    assert _answer(first) == (None, None, None, "")
    assert _answer(second)[0] == date(2024, 2, 1)


def test_a_reply_whose_exemptions_are_not_a_list_does_not_break_the_league():
    owner = UserFactory(username="odd-json")
    request = FOIRequestFactory(owner=owner, sent_date=date(2024, 1, 8))
    _reply(request, date(2024, 2, 1), "refused", exemptions=["s40(2)"])
    ReplyFactory(request=request, kind="review_outcome", letter_date=date(2024, 3, 1), exemptions="s31(1)(a)")
    ReplyFactory(request=request, kind="review_outcome", letter_date=date(2024, 3, 2), exemptions={"a": "s12"})
    row = {r["name"]: r for r in stats.authority_stats(owner, today=date(2024, 4, 1))}["Bedfordshire Police"]
    assert row["top_exemptions"] == [("s40(2)", 1)]


def test_a_closed_requests_first_answer_follows_a_new_non_working_day():
    request = FOIRequestFactory(sent_date=date(2024, 1, 8))
    _reply(request, date(2024, 2, 9), "full")
    FOIRequest.objects.filter(pk=request.pk).update(status="closed")
    assert _answer(request)[1] == 24
    ExtraNonWorkingDay.objects.create(date=date(2024, 2, 7), name="Office closed", applies_to_uk=True)
    services.extra_day_saved(day=date(2024, 2, 7))
    assert _answer(request)[1] == 23
