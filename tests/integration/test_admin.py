import hashlib
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from requests_app.models import Authority, Batch, ExtraNonWorkingDay, FOIRequest, Reply, Status
from requests_app.models.event import EventKind
from tests.factories import FOIRequestFactory, UserFactory, force

pytestmark = pytest.mark.django_db
FIVE = ["Bedfordshire Police", "Hertfordshire Constabulary", "West Midlands Police", "Police Scotland",
        "Police Service of Northern Ireland"]


def change_url(obj):
    return reverse(f"admin:requests_app_{obj._meta.model_name}_change", args=[obj.pk])


def request_form_data(request, **overrides):
    data = {
        "authority": request.authority_id, "title": request.title, "text": request.text, "regime": request.regime,
        "batch": "", "status": request.status, "sent_date": request.sent_date or "",
        "received_date": request.received_date or "", "authority_reference": request.authority_reference,
    }
    for prefix in ("replies", "reviews", "escalations", "events"):
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    data.update(overrides)
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in data.items()}


def test_every_admin_page_needs_a_staff_login(client):
    response = client.get(reverse("admin:requests_app_foirequest_changelist"))
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get(reverse("admin:requests_app_foirequest_changelist")).status_code == 302


def test_batch_to_five_forces_from_the_admin(staff_client, staff):
    ids = list(Authority.objects.filter(name__in=FIVE).values_list("pk", flat=True))
    response = staff_client.post(reverse("admin:requests_app_batch_add"), {
        "title": "Cyberstalking 2014-2019", "text": "1: Incidents per year\n2: Outcomes per year",
        "authorities": ids, "regime": "", "sent_date": "2025-03-10",
    })
    assert response.status_code == 302, response.context["adminform"].form.errors
    batch = Batch.objects.get()
    due = dict(batch.requests.values_list("authority__name", "response_due"))
    assert due == {"Bedfordshire Police": date(2025, 4, 8), "Hertfordshire Constabulary": date(2025, 4, 8),
                   "West Midlands Police": date(2025, 4, 8), "Police Scotland": date(2025, 4, 7),
                   "Police Service of Northern Ireland": date(2025, 4, 8)}
    assert set(batch.requests.values_list("owner", flat=True)) == {staff.pk}
    page = staff_client.get(change_url(batch)).content.decode()
    assert page.count('/change/">Police ') + page.count('/change/">Bedfordshire') + page.count('/change/">Hertfordshire') + page.count('/change/">West Midlands') == 5


def test_send_batch_action_preselects_authorities(staff_client):
    ids = [force().pk, force("Kent Police").pk]
    response = staff_client.post(reverse("admin:requests_app_authority_changelist"),
                                 {"action": "send_batch", "_selected_action": ids})
    assert response.status_code == 302
    form = staff_client.get(response["Location"]).context["adminform"].form
    assert sorted(int(pk) for pk in form.initial["authorities"]) == sorted(ids)


def test_batch_sent_in_the_future_is_a_form_error(staff_client):
    response = staff_client.post(reverse("admin:requests_app_batch_add"), {
        "title": "t", "text": "x", "authorities": [force().pk], "sent_date": "2999-01-01"})
    assert response.status_code == 200
    assert "cannot have been sent in the future" in response.content.decode()
    assert not Batch.objects.exists()


def test_request_page_shows_each_deadline_with_its_rule(staff_client, staff):
    request = FOIRequestFactory(owner=staff)
    staff_client.post(change_url(request), request_form_data(request))
    page = staff_client.get(change_url(request)).content.decode()
    assert "Tue 17 Sep 2019" in page
    assert "20th working day after the date received (FOIA s.10(1))" in page
    assert "The total number of cyberstalking incidents per year." in page


def test_received_before_sent_is_a_form_error_and_nothing_changes(staff_client, staff):
    request = FOIRequestFactory(owner=staff)
    response = staff_client.post(change_url(request), request_form_data(request, received_date=date(2019, 8, 1)))
    assert response.status_code == 200
    assert "cannot receive a request before it was sent" in response.content.decode()
    request.refresh_from_db()
    assert request.received_date == date(2019, 8, 19)


def test_illegal_status_change_is_a_form_error(staff_client, staff):
    request = FOIRequestFactory(owner=staff)
    response = staff_client.post(change_url(request), request_form_data(request, status=Status.DECIDED))
    assert "cannot go from &#x27;Sent&#x27; to &#x27;Decision notice issued&#x27;" in response.content.decode()
    request.refresh_from_db()
    assert request.status == Status.SENT


def test_recording_a_refusal_inline_moves_status_and_deadlines(staff_client, staff):
    request = FOIRequestFactory(owner=staff)
    data = request_form_data(request, **{
        "replies-TOTAL_FORMS": 1, "replies-0-kind": "response", "replies-0-letter_date": "2019-09-17",
        "replies-0-outcome": "refused", "replies-0-exemptions": '["s40(2)"]', "replies-0-body": "Refused.",
        "replies-0-authority_reference": "FOI2019/05348",
    })
    response = staff_client.post(change_url(request), data)
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.REFUSED
    assert request.authority_reference == "FOI2019/05348"
    assert request.review_window_closes == date(2019, 11, 17)
    assert request.events.filter(kind=EventKind.STATUS).exists()


def test_reply_dated_before_the_request_is_refused(staff_client, staff):
    request = FOIRequestFactory(owner=staff)
    data = request_form_data(request, **{
        "replies-TOTAL_FORMS": 1, "replies-0-kind": "response", "replies-0-letter_date": "2019-08-01",
        "replies-0-exemptions": "[]"})
    response = staff_client.post(change_url(request), data)
    assert "cannot be dated before the request was sent" in response.content.decode()
    assert not Reply.objects.exists()


def test_mark_sent_action_asks_for_the_date_then_computes_deadlines(staff_client, staff):
    request = FOIRequestFactory(owner=staff, sent_date=None, status=Status.DRAFT)
    url = reverse("admin:requests_app_foirequest_changelist")
    page = staff_client.post(url, {"action": "mark_sent", "_selected_action": [request.pk]})
    assert page.status_code == 200 and "sent_date" in page.content.decode()
    staff_client.post(url, {"action": "mark_sent", "_selected_action": [request.pk], "apply": "1",
                            "sent_date": "2019-08-19"})
    request.refresh_from_db()
    assert (request.status, request.response_due) == (Status.SENT, date(2019, 9, 17))


def test_acknowledgement_action_moves_the_deadline(staff_client, staff):
    request = FOIRequestFactory(owner=staff, sent_date=date(2019, 8, 16))
    staff_client.post(reverse("admin:requests_app_foirequest_changelist"), {
        "action": "record_acknowledgement", "_selected_action": [request.pk], "apply": "1",
        "received_date": "2019-08-19", "reference": "FOI2019/05348"})
    request.refresh_from_db()
    assert (request.status, request.received_date, request.response_due) == (
        Status.ACKNOWLEDGED, date(2019, 8, 19), date(2019, 9, 17))


@pytest.mark.parametrize("params", ["", "deadline=overdue", "deadline=very_overdue", "deadline=week",
                                    "authority__nation__exact=scotland", "status__exact=sent", "q=Cyberstalking",
                                    "regime__exact=foisa"])
def test_changelist_filters_render(staff_client, staff, params):
    FOIRequestFactory(owner=staff)
    response = staff_client.get(reverse("admin:requests_app_foirequest_changelist") + "?" + params)
    assert response.status_code == 200


def test_overdue_filter_and_badge(staff_client, staff):
    late = FOIRequestFactory(owner=staff, title="Late one", sent_date=date(2019, 8, 19))
    on_time = FOIRequestFactory(owner=staff, title="Fresh one", sent_date=date.today())
    from requests_app import services

    services.deadlines_recompute(requests=[late, on_time], reason="test")
    page = staff_client.get(reverse("admin:requests_app_foirequest_changelist") + "?deadline=overdue")
    html = page.content.decode()
    assert "Late one" in html and "Fresh one" not in html
    assert "very overdue" in html


def test_changelist_query_count_does_not_grow_with_rows(staff_client, staff, django_assert_max_num_queries):
    url = reverse("admin:requests_app_foirequest_changelist")
    FOIRequestFactory.create_batch(5, owner=staff)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as five:
        staff_client.get(url)
    FOIRequestFactory.create_batch(45, owner=staff)
    with django_assert_max_num_queries(len(five.captured_queries)):
        staff_client.get(url)


def test_extra_non_working_day_in_admin_recomputes(staff_client, staff):
    request = FOIRequestFactory(owner=staff, sent_date=date(2030, 3, 1))
    from requests_app import services

    services.deadlines_recompute(requests=[request], reason="test")
    response = staff_client.post(reverse("admin:requests_app_extranonworkingday_add"), {
        "date": "2030-03-12", "name": "One-off", "applies_to_uk": "on", "source_url": "https://www.gov.uk/x"},
        follow=True)
    assert "Recomputed the deadlines of 1 request(s) open or with a date since; 1 changed." in response.content.decode()
    request.refresh_from_db()
    assert request.response_due == date(2030, 4, 2)
    assert ExtraNonWorkingDay.objects.count() == 1


def test_attachment_upload_records_hash_and_size(staff_client, staff):
    request = FOIRequestFactory(owner=staff)
    reply = Reply.objects.create(request=request, kind="response", letter_date=date(2019, 9, 17))
    upload = SimpleUploadedFile("annex-a.csv", b"Offence,2019\nHarassment,3\n", content_type="text/csv")
    data = {"request": request.pk, "kind": "response", "letter_date": "2019-09-17", "exemptions": "[]",
            "attachments-TOTAL_FORMS": 1, "attachments-INITIAL_FORMS": 0, "attachments-0-file": upload,
            "tables-TOTAL_FORMS": 0, "tables-INITIAL_FORMS": 0}
    response = staff_client.post(change_url(reply), data)
    assert response.status_code == 302
    attachment = reply.attachments.get()
    assert attachment.original_name == "annex-a.csv" and attachment.size == 26
    assert attachment.sha256 == hashlib.sha256(b"Offence,2019\nHarassment,3\n").hexdigest()
    assert attachment.content_type == "text/csv"
    assert attachment.file.read() == b"Offence,2019\nHarassment,3\n"


def test_oversized_upload_is_refused_with_a_clear_error(staff_client, staff, settings):
    settings.FOITRACKER_MAX_UPLOAD_BYTES = 10
    request = FOIRequestFactory(owner=staff)
    reply = Reply.objects.create(request=request, kind="response", letter_date=date(2019, 9, 17))
    data = {"request": request.pk, "kind": "response", "letter_date": "2019-09-17", "exemptions": "[]",
            "attachments-TOTAL_FORMS": 1, "attachments-INITIAL_FORMS": 0,
            "attachments-0-file": SimpleUploadedFile("big.pdf", b"x" * 100),
            "tables-TOTAL_FORMS": 0, "tables-INITIAL_FORMS": 0}
    response = staff_client.post(change_url(reply), data)
    assert "big.pdf is 100\xa0bytes; the limit is 10\xa0bytes." in response.content.decode()
    assert not reply.attachments.exists()


def test_staff_without_superuser_see_only_their_requests(client):
    mine_owner = UserFactory(is_staff=True)
    from django.contrib.auth.models import Permission

    mine_owner.user_permissions.set(Permission.objects.filter(codename__endswith="foirequest"))
    mine = FOIRequestFactory(owner=mine_owner, title="Mine")
    theirs = FOIRequestFactory(title="Theirs")
    client.force_login(mine_owner)
    assert client.get(change_url(theirs)).status_code == 302  # admin redirects a missing object
    assert client.get(change_url(mine)).status_code == 200
    assert FOIRequest.objects.for_user(mine_owner).count() == 1


def test_files_attached_to_a_reply_inline_on_the_request_page(staff_client, staff):
    request = FOIRequestFactory(owner=staff)
    files = [SimpleUploadedFile("letter.pdf", b"%PDF-1.4 letter"), SimpleUploadedFile("annex.xlsx", b"PK annex")]
    data = request_form_data(request, **{
        "replies-TOTAL_FORMS": 1, "replies-0-kind": "response", "replies-0-letter_date": "2019-09-17",
        "replies-0-outcome": "full", "replies-0-exemptions": "[]", "replies-0-new_attachments": files})
    assert staff_client.post(change_url(request), data).status_code == 302
    reply = request.replies.get()
    assert sorted(reply.attachments.values_list("original_name", flat=True)) == ["annex.xlsx", "letter.pdf"]
    assert reply.attachments.get(original_name="letter.pdf").sha256 == hashlib.sha256(b"%PDF-1.4 letter").hexdigest()


def test_oversized_inline_attachment_keeps_nothing(staff_client, staff, settings):
    settings.FOITRACKER_MAX_UPLOAD_BYTES = 10
    request = FOIRequestFactory(owner=staff)
    data = request_form_data(request, **{
        "replies-TOTAL_FORMS": 1, "replies-0-kind": "response", "replies-0-letter_date": "2019-09-17",
        "replies-0-exemptions": "[]", "replies-0-new_attachments": [SimpleUploadedFile("big.pdf", b"x" * 100)]})
    response = staff_client.post(change_url(request), data)
    assert "big.pdf is 100\xa0bytes; the limit is 10\xa0bytes." in response.content.decode()
    assert not Reply.objects.exists()


def test_batch_posted_twice_is_logged_once(staff_client):
    data = {"title": "Drones", "text": "1: How many drones?", "authorities": [force().pk], "sent_date": "2025-03-10"}
    first = staff_client.post(reverse("admin:requests_app_batch_add"), data)
    second = staff_client.post(reverse("admin:requests_app_batch_add"), data)
    assert first.status_code == 302 and second.status_code == 200
    assert "You logged this batch already" in second.content.decode()
    assert Batch.objects.count() == 1 and FOIRequest.objects.count() == 1
