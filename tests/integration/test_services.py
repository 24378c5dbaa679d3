from datetime import date

import pytest
from django.core.exceptions import ValidationError

from requests_app import services
from requests_app.models import Authority, ExtraNonWorkingDay, FOIRequest, RequestEvent, Status
from requests_app.models.event import EventKind
from tests.factories import FOIRequestFactory, ReplyFactory, UserFactory, force

pytestmark = pytest.mark.django_db
FIVE = ["Bedfordshire Police", "Hertfordshire Constabulary", "West Midlands Police", "Police Scotland",
        "Police Service of Northern Ireland"]


def test_batch_to_five_forces_gets_each_its_own_deadlines():
    owner = UserFactory()
    batch = services.batch_create(owner=owner, authorities=Authority.objects.filter(name__in=FIVE),
                                  title="Cyberstalking", text="1: How many?\n2: Outcomes?", sent_date=date(2025, 3, 10))
    requests = {r.authority.name: r for r in batch.requests.select_related("authority")}
    assert len(requests) == 5
    assert requests["Bedfordshire Police"].response_due == date(2025, 4, 8)  # St Patrick's Day skipped
    assert requests["Police Scotland"].response_due == date(2025, 4, 7)  # FOISA: 17 March is a working day
    assert all(r.status == Status.SENT and r.questions[1]["number"] == "2" for r in requests.values())
    assert RequestEvent.objects.filter(request__batch=batch, kind=EventKind.DEADLINES).count() == 5


def test_batch_without_authorities_is_refused():
    with pytest.raises(ValidationError, match="at least one authority"):
        services.batch_create(owner=UserFactory(), authorities=[], title="x", text="y")


def test_draft_batch_has_no_deadlines_until_sent():
    batch = services.batch_create(owner=UserFactory(), authorities=[force()], title="t", text="x")
    request = batch.requests.get()
    assert request.status == Status.DRAFT and request.response_due is None
    services.request_mark_sent(request=request, sent_date=date(2019, 8, 19))
    request.refresh_from_db()
    assert (request.status, request.response_due) == (Status.SENT, date(2019, 9, 17))


def test_illegal_transition_is_refused_with_the_allowed_steps():
    request = FOIRequestFactory(status=Status.SENT)
    with pytest.raises(services.InvalidTransition) as exc:
        services.request_transition(request=request, to=Status.DECIDED)
    assert "from 'Sent' to 'Decision notice issued'" in exc.value.messages[0]
    assert "Acknowledged" in exc.value.messages[0]
    request.refresh_from_db()
    assert request.status == Status.SENT


@pytest.mark.parametrize("start", [Status.SENT, Status.EXTENDED, Status.REVIEW_REQUESTED, Status.ESCALATED])
def test_withdrawn_from_any_open_state_and_then_terminal(start):
    request = FOIRequestFactory(status=start)
    services.request_transition(request=request, to=Status.WITHDRAWN)
    with pytest.raises(services.InvalidTransition, match="none"):
        services.request_transition(request=request, to=Status.SENT)
    assert request.events.filter(kind=EventKind.STATUS).count() == 1


def test_acknowledgement_corrects_received_date_and_moves_deadline():
    request = FOIRequestFactory(sent_date=date(2019, 8, 16))
    services.deadlines_recompute(requests=[request], reason="test")
    request.refresh_from_db()
    assert request.response_due == date(2019, 9, 16)  # 26 Aug 2019 was a bank holiday
    services.request_record_acknowledgement(request=request, received_date=date(2019, 8, 19), reference="FOI2019/05348")
    request.refresh_from_db()
    assert (request.response_due, request.status, request.authority_reference) == (
        date(2019, 9, 17), Status.ACKNOWLEDGED, "FOI2019/05348")
    change = request.events.filter(kind=EventKind.DEADLINES).last().changes
    assert change["response_due"] == ["2019-09-16", "2019-09-17"]


def test_acknowledgement_before_sent_is_refused():
    request = FOIRequestFactory(sent_date=date(2019, 8, 19))
    with pytest.raises(ValidationError, match="before it was sent"):
        services.request_record_acknowledgement(request=request, received_date=date(2019, 8, 18))


def test_clarification_stops_then_restarts_the_clock():
    request = FOIRequestFactory(sent_date=date(2019, 8, 19))
    reply = ReplyFactory(request=request, kind="clarification", letter_date=date(2019, 8, 21))
    services.reply_recorded(reply=reply)
    request.refresh_from_db()
    assert request.status == Status.CLARIFICATION_REQUESTED and request.response_due is None
    reply.requester_answered_on = date(2019, 9, 2)
    reply.save()
    services.reply_recorded(reply=reply)
    request.refresh_from_db()
    # 20 working days from 2 Sep 2019 (no bank holidays in September 2019).
    assert request.response_due == date(2019, 9, 30)
    assert request.status == Status.ACKNOWLEDGED


def test_fee_days_are_disregarded_and_extension_capped_at_40_days():
    request = FOIRequestFactory(sent_date=date(2019, 8, 19))
    fee = ReplyFactory(request=request, kind="fees_notice", letter_date=date(2019, 8, 20), fee_paid_on=date(2019, 8, 22))
    services.reply_recorded(reply=fee)
    request.refresh_from_db()
    assert request.response_due == date(2019, 9, 20)  # 3 working days (20-22 Aug) disregarded
    ext = ReplyFactory(request=request, kind="extension", letter_date=date(2019, 9, 10), extended_to=date(2019, 12, 1))
    services.reply_recorded(reply=ext)
    request.refresh_from_db()
    assert request.status == Status.EXTENDED
    assert request.extended_due == date(2019, 10, 18)  # 43 working days, not the authority's later estimate


def test_refusal_opens_review_window_and_full_answer_does_not():
    refused = FOIRequestFactory()
    services.reply_recorded(reply=ReplyFactory(request=refused, outcome="refused", exemptions=["s40(2)"]))
    refused.refresh_from_db()
    assert refused.status == Status.REFUSED and refused.review_window_closes == date(2019, 11, 17)
    full = FOIRequestFactory()
    services.reply_recorded(reply=ReplyFactory(request=full, outcome="full"))
    full.refresh_from_db()
    assert full.status == Status.ANSWERED_FULL and full.review_window_closes is None


def test_review_and_decision_set_regulator_and_tribunal_dates():
    request = FOIRequestFactory(status=Status.REFUSED)
    ReplyFactory(request=request, outcome="refused")
    review = request.reviews.create(requested_on=date(2019, 10, 1), outcome_date=date(2019, 10, 25))
    request.escalations.create(submitted_on=date(2019, 11, 1), decision_date=date(2020, 3, 2))
    services.deadlines_recompute(requests=[request], reason="test")
    request.refresh_from_db()
    assert request.review_response_due == date(2019, 10, 29)
    assert request.escalation_window_closes == date(2019, 12, 6)  # six weeks after 25 Oct
    assert request.tribunal_appeal_due == date(2020, 3, 30)  # 28 days
    assert review.outcome_date < request.escalation_window_closes


def test_reply_status_not_allowed_is_reported_not_forced():
    request = FOIRequestFactory(status=Status.CLOSED)
    warning = services.reply_recorded(reply=ReplyFactory(request=request, kind="extension"))
    assert "Cannot move" in warning
    request.refresh_from_db()
    assert request.status == Status.CLOSED


def test_new_non_working_day_recomputes_open_requests_and_audits_them():
    open_request = FOIRequestFactory(sent_date=date(2030, 3, 1))
    closed = FOIRequestFactory(sent_date=date(2030, 3, 1), status=Status.WITHDRAWN)  # dates after the day
    long_closed = FOIRequestFactory(sent_date=date(2029, 1, 7), status=Status.WITHDRAWN)  # all dates before it
    services.deadlines_recompute(requests=FOIRequest.objects.all(), reason="test")
    open_request.refresh_from_db()
    long_closed.refresh_from_db()
    before, old_due = open_request.response_due, long_closed.response_due
    ExtraNonWorkingDay.objects.create(date=date(2030, 3, 12), name="One-off", source_url="https://www.gov.uk/x")
    seen, changed = services.extra_day_saved(day=date(2030, 3, 12))
    for r in (open_request, closed, long_closed):
        r.refresh_from_db()
    assert (seen, changed) == (2, 2)  # the open one, and the closed one with a date since
    assert open_request.response_due == date.fromordinal(before.toordinal() + 1)
    assert closed.response_due == open_request.response_due
    assert long_closed.response_due == old_due and not long_closed.events.filter(kind=EventKind.DEADLINES,
                                                                                 message__contains="2030-03-12")
    assert open_request.events.filter(kind=EventKind.DEADLINES, message__contains="2030-03-12").exists()
    assert services.deadlines_recompute(requests=FOIRequest.objects.all(), reason="again") == 0


def test_scottish_only_extra_day_leaves_foia_requests_alone():
    english = FOIRequestFactory(sent_date=date(2030, 3, 1))
    scottish = FOIRequestFactory(sent_date=date(2030, 3, 1), authority=force("Police Scotland"))
    services.deadlines_recompute(requests=[english, scottish], reason="test")
    english.refresh_from_db()
    scottish.refresh_from_db()
    # 18 March 2030 is St Patrick's Day (substitute): non-working for FOIA only.
    assert (english.response_due, scottish.response_due) == (date(2030, 4, 1), date(2030, 3, 29))
    ExtraNonWorkingDay.objects.create(date=date(2030, 3, 12), name="Scottish one-off", applies_to_uk=False,
                                      applies_to_scotland=True, source_url="https://www.gov.scot/x")
    services.extra_day_saved(day=date(2030, 3, 12))
    english.refresh_from_db()
    scottish.refresh_from_db()
    assert (english.response_due, scottish.response_due) == (date(2030, 4, 1), date(2030, 4, 1))
