"""The pages: who may see what, filters, exports, the request page and its actions, batches."""
import csv
import io
import re
from datetime import date

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from requests_app import services
from requests_app.models import FOIRequest, InternalReview, ParsedTable, Reply, Status, Team
from tests.factories import FOIRequestFactory, ReplyFactory, UserFactory, force

pytestmark = pytest.mark.django_db

TABLE = {"source": "body", "question": "1", "title": "Offences by year", "row_header": "Offence",
         "columns": ["2022", "2023", "Total"],
         "rows": [{"label": ["Harassment"], "values": [10, 12, 22], "total": False},
                  {"label": ["Stalking"], "values": [3, 4, 7], "total": False},
                  {"label": ["Total"], "values": [13, 16, 30], "total": True}],
         "totals_consistent": False, "warnings": ["row 'Total', column 'Total': stated 30, sum of the rows 29"]}


def _client(user=None) -> Client:
    client = Client()
    if user:
        client.force_login(user)
    return client


def _table(reply, **changes) -> ParsedTable:
    data = {**TABLE, **changes}
    return ParsedTable.objects.create(reply=reply, **{k: v for k, v in data.items()})


@pytest.fixture
def people():
    owner = UserFactory(username="owner", email="owner@example.org")
    mate = UserFactory(username="mate")
    outsider = UserFactory(username="outsider")
    rival = UserFactory(username="rival")
    desk = Team.objects.create(name="Data desk")
    desk.members.add(owner, mate)
    Team.objects.create(name="Rival desk").members.add(rival)
    return {"owner": owner, "mate": mate, "outsider": outsider, "rival": rival, "team": desk}


@pytest.fixture
def batch(people):
    batch = services.batch_create(owner=people["owner"], team=people["team"], title="Stalking 2022-23",
                                  text="1: Stalking offences by year.",
                                  authorities=[force("Bedfordshire Police"), force("West Midlands Police"),
                                               force("Police Scotland")], sent_date=date(2024, 1, 8))
    beds = batch.requests.get(authority__name="Bedfordshire Police")
    reply = ReplyFactory(request=beds, letter_date=date(2024, 2, 9), outcome="partial", exemptions=["s40(2)"],
                         authority_reference="FOI-2024-0042")
    services.reply_recorded(reply=reply)
    _table(reply)
    wmp = batch.requests.get(authority__name="West Midlands Police")
    answer = ReplyFactory(request=wmp, letter_date=date(2024, 2, 1), outcome="full")
    services.reply_recorded(reply=answer)
    _table(answer,
           rows=[{"label": ["Harassment"], "values": [40, 41, 81], "total": False},
                 {"label": ["Total"], "values": [40, 41, 81], "total": True}], warnings=[], totals_consistent=True)
    return batch


def _urls(foi: FOIRequest) -> list[str]:
    return [reverse("pages:request", args=[foi.pk]), reverse("pages:reply_new", args=[foi.pk]),
            reverse("pages:files_new", args=[foi.pk]), reverse("pages:review_new", args=[foi.pk]),
            reverse("pages:escalate_new", args=[foi.pk]), reverse("pages:batch", args=[foi.batch_id]),
            reverse("pages:batch_dataset", args=[foi.batch_id, "csv"]),
            reverse("pages:batch_dataset", args=[foi.batch_id, "xlsx"])]


def test_every_private_url_is_refused_to_outsiders_other_teams_and_visitors(people, batch):
    foi = batch.requests.get(authority__name="Bedfordshire Police")
    for url in _urls(foi):
        assert _client(people["owner"]).get(url).status_code == 200, url
        assert _client(people["mate"]).get(url).status_code == 200, url
        for who in ("outsider", "rival"):
            assert _client(people[who]).get(url).status_code == 404, (who, url)
        anonymous = _client().get(url)
        assert anonymous.status_code in (302, 404), url
        assert anonymous.status_code == 404 or "/accounts/login/" in anonymous["Location"]
        assert b"Stalking" not in anonymous.content


def test_lists_show_nothing_private_to_others(people, batch):
    for url in [reverse("pages:requests"), reverse("pages:requests_export", args=["csv"]),
                reverse("pages:forces"), reverse("pages:force", args=["bedfordshire-police"])]:
        for who in (None, people["outsider"], people["rival"]):
            body = _client(who).get(url).content.decode()
            assert "Stalking 2022-23" not in body and "FOI-2024-0042" not in body, (who, url)
    for url in [reverse("pages:dashboard"), reverse("pages:batches")]:
        assert "/accounts/login/" in _client().get(url)["Location"]
        assert "Stalking" not in _client(people["outsider"]).get(url).content.decode()


def test_a_public_request_is_readable_by_visitors_but_not_changeable(people, batch):
    foi = batch.requests.get(authority__name="Bedfordshire Police")
    FOIRequest.objects.filter(pk=foi.pk).update(public=True)
    visitor = _client()
    page = visitor.get(reverse("pages:request", args=[foi.pk]))
    assert page.status_code == 200 and "Offences by year" in page.content.decode()
    assert "Record a reply" not in page.content.decode() and "Audit trail" not in page.content.decode()
    assert "Stalking 2022-23" in visitor.get(reverse("pages:requests")).content.decode()
    assert visitor.get(reverse("pages:reply_new", args=[foi.pk])).status_code == 302
    assert _client(people["rival"]).get(reverse("pages:reply_new", args=[foi.pk])).status_code == 404
    assert _client(people["rival"]).get(reverse("pages:request", args=[foi.pk])).status_code == 200


def _bulk(owner, n: int, batch=None):
    beds = force("Bedfordshire Police")
    FOIRequest.objects.bulk_create([
        FOIRequest(owner=owner, authority=beds, title=f"Request {i}", text="1: x", status=Status.SENT,
                   sent_date=date(2024, 1, 8), received_date=date(2024, 1, 8), response_due=date(2024, 2, 5),
                   response_due_code=date(2024, 2, 5), very_overdue=date(2024, 3, 4), batch=batch) for i in range(n)])


@pytest.mark.parametrize("url_name, args", [
    ("pages:requests", []), ("pages:dashboard", []), ("pages:forces", []), ("pages:force", ["bedfordshire-police"]),
    ("pages:batches", []), ("pages:requests_export", ["csv"]),
])
def test_list_pages_cost_the_same_queries_for_5_and_500_requests(people, django_assert_num_queries, url_name, args):
    client = _client(people["owner"])
    url = reverse(url_name, args=args)
    _bulk(people["owner"], 5)
    client.get(url)  # warm caches (session, content types)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as five:
        assert client.get(url).status_code == 200
    _bulk(people["owner"], 495)
    cache.clear()  # bulk_create writes no audit event, so the league would still be the cached one
    with django_assert_num_queries(len(five)):
        assert client.get(url).status_code == 200


def test_batch_page_queries_do_not_grow_with_forces(people, batch, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = _client(people["owner"])
    url = reverse("pages:batch", args=[batch.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    more = services.batch_create(owner=people["owner"], team=people["team"], title="Bigger", text="1: x",
                                 authorities=list(force_all()[:40]), sent_date=date(2024, 1, 8))
    for foi in more.requests.all()[:30]:
        _table(ReplyFactory(request=foi, letter_date=date(2024, 2, 9)))
    with django_assert_num_queries(len(few)):
        client.get(reverse("pages:batch", args=[more.pk]))


def force_all():
    from requests_app.models import Authority

    return Authority.objects.order_by("name")


def test_filters_narrow_the_list(people, batch):
    client = _client(people["owner"])
    FOIRequestFactory(owner=people["owner"], title="Drones over prisons", sent_date=date(2023, 5, 2))

    def titles(**params):
        body = client.get(reverse("pages:requests"), params).content.decode()
        body = body[body.index('<table class="requests"'):]  # not the batch menu of the filter form
        return {t for t in ("Stalking 2022-23", "Drones over prisons") if t in body}, body

    assert titles(q="drones")[0] == {"Drones over prisons"}
    reply = Reply.objects.get(authority_reference="FOI-2024-0042")
    Reply.objects.filter(pk=reply.pk).update(body="We hold figures on hedgehog crossings.")
    assert titles(q="hedgehog")[0] == {"Stalking 2022-23"}  # found in a reply's text
    assert titles(exemption="s40(2)")[0] == {"Stalking 2022-23"}
    assert titles(nation="scotland")[0] == {"Stalking 2022-23"}
    assert titles(regime="foisa")[0] == {"Stalking 2022-23"}
    assert titles(sent_after="2025-01-01")[0] == set()
    assert titles(due_after="2024-02-01", due_before="2024-02-29")[0] == {"Stalking 2022-23"}
    assert titles(sent_after="2024-01-01", sent_before="2024-12-31")[0] == {"Stalking 2022-23"}
    assert titles(status="draft")[0] == set()
    assert titles(batch=batch.pk)[0] == {"Stalking 2022-23"}
    body = titles(sort="-sent_date")[1]
    assert body.index("Stalking 2022-23") < body.index("Drones over prisons")
    body = titles(sort="sent_date")[1]
    assert body.index("Drones over prisons") < body.index("Stalking 2022-23")


def test_export_is_exactly_what_is_filtered(people, batch):
    client = _client(people["owner"])
    FOIRequestFactory(owner=people["owner"], title="Drones over prisons")
    response = client.get(reverse("pages:requests_export", args=["csv"]), {"nation": "england"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Title", "Authority", "Status"]
    assert sorted(r[1] for r in rows[1:]) == ["Bedfordshire Police", "Bedfordshire Police", "West Midlands Police"]
    xlsx = client.get(reverse("pages:requests_export", args=["xlsx"]), {"nation": "scotland"})
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet["B"]][1:] == ["Police Scotland"]
    assert client.get(reverse("pages:requests_export", args=["pdf"])).status_code == 404


def test_request_page_has_timeline_tables_and_sanitised_html(people, batch):
    foi = batch.requests.get(authority__name="Bedfordshire Police")
    Reply.objects.filter(request=foi).update(
        body='<p onclick="steal()">Figures attached.<script>alert(1)</script><a href="javascript:x()">x</a></p>')
    body = _client(people["owner"]).get(reverse("pages:request", args=[foi.pk])).content.decode()
    assert "Request sent" in body and "Response due (statutory)" in body and "Ask for internal review by" in body
    assert "Offences by year" in body and "stated 30, sum of the rows 29" in body
    assert "Figures attached." in body and "<script>" not in body and "onclick" not in body and "javascript:" not in body


def test_review_letter_is_drafted_from_the_reply_and_recorded(people, batch):
    foi = batch.requests.get(authority__name="Bedfordshire Police")
    client = _client(people["owner"])
    page = client.get(reverse("pages:review_new", args=[foi.pk])).content.decode()
    assert "You relied on s40(2)" in page and "stated 30, sum of the rows 29" in page
    assert "FOI-2024-0042" in page
    response = client.post(reverse("pages:review_new", args=[foi.pk]),
                           {"requested_on": "2024-02-20", "letter": "Dear team, please review."})
    assert response.status_code == 302
    foi.refresh_from_db()
    # 20 working days, skipping 18 March 2024 (St Patrick's Day substitute, Northern Ireland)
    assert foi.status == Status.REVIEW_REQUESTED and foi.review_response_due == date(2024, 3, 20)
    assert InternalReview.objects.get(request=foi).grounds == "Dear team, please review."


def test_late_answer_is_a_ground_and_a_future_date_is_refused(people, batch):
    wmp = batch.requests.get(authority__name="West Midlands Police")
    Reply.objects.filter(request=wmp).update(letter_date=date(2024, 2, 20))  # due 5 Feb 2024
    client = _client(people["owner"])
    page = client.get(reverse("pages:review_new", args=[wmp.pk])).content.decode()
    assert "11 working days after the statutory deadline of 5 February 2024" in page
    response = client.post(reverse("pages:review_new", args=[wmp.pk]), {"requested_on": "2999-01-01", "letter": "x"})
    assert response.status_code == 200 and "That date is in the future." in response.content.decode()
    assert not InternalReview.objects.filter(request=wmp).exists()


def test_escalation_goes_to_the_scottish_commissioner_for_police_scotland(people, batch):
    scotland = batch.requests.get(authority__name="Police Scotland")
    client = _client(people["owner"])
    page = client.get(reverse("pages:escalate_new", args=[scotland.pk])).content.decode()
    assert "Dear Scottish Information Commissioner" in page and "section 47(1)" in page
    assert 'value="sic" selected' in page
    response = client.post(reverse("pages:escalate_new", args=[scotland.pk]),
                           {"requested_on": "2024-03-01", "letter": "Complaint", "body": "sic"})
    assert response.status_code == 302
    scotland.refresh_from_db()
    assert scotland.status == Status.ESCALATED and scotland.escalations.get().body == "sic"


def test_an_illegal_move_is_a_form_error_and_nothing_is_stored(people, batch):
    foi = batch.requests.get(authority__name="Police Scotland")
    FOIRequest.objects.filter(pk=foi.pk).update(status=Status.CLOSED)
    response = _client(people["owner"]).post(reverse("pages:review_new", args=[foi.pk]),
                                             {"requested_on": "2024-03-01", "letter": "x"})
    assert response.status_code == 200 and "Cannot move this request" in response.content.decode()
    assert not InternalReview.objects.filter(request=foi).exists()


def test_record_a_reply_with_files_checks_type_and_size(people, batch, settings, django_capture_on_commit_callbacks):
    foi = batch.requests.get(authority__name="Police Scotland")
    client = _client(people["owner"])
    url = reverse("pages:reply_new", args=[foi.pk])
    base = {"kind": "response", "letter_date": "2024-02-02", "outcome": "full", "body": "1: Figures below."}
    bad = client.post(url, {**base, "attachments": [SimpleUploadedFile("tool.exe", b"MZ\x90\x00")]})
    assert "tool.exe: this type of file is not accepted" in bad.content.decode()
    fake = client.post(url, {**base, "attachments": [SimpleUploadedFile("annex.pdf", b"<html>not a pdf")]})
    assert "annex.pdf is not really a PDF file" in fake.content.decode()
    settings.FOITRACKER_MAX_UPLOAD_BYTES = 10
    big = client.post(url, {**base, "attachments": [SimpleUploadedFile("annex.csv", b"a,b\n1,2\n3,4\n")]})
    assert "the limit is 10" in big.content.decode()
    early = client.post(url, {**base, "letter_date": "2023-01-01"})
    assert "cannot be dated before the request was sent" in early.content.decode()
    assert not Reply.objects.filter(request=foi).exists()
    settings.FOITRACKER_MAX_UPLOAD_BYTES = 10_000
    with django_capture_on_commit_callbacks(execute=True):
        good = client.post(url, {**base, "attachments": [
            SimpleUploadedFile("annex.csv", b"Year,Count\n2022,5\n2023,7\n")]})
    assert good.status_code == 302
    foi.refresh_from_db()
    reply = Reply.objects.get(request=foi)
    assert foi.status == Status.ANSWERED_FULL and reply.attachments.get().original_name == "annex.csv"
    assert reply.tables.exists()  # parsed on commit (eager in tests)


def test_batch_grid_side_by_side_dataset_and_chart(people, batch):
    client = _client(people["owner"])
    page = client.get(reverse("pages:batch", args=[batch.pk])).content.decode()
    assert "answered in part" in page and "Police Scotland" in page
    assert page.count("Offences by year") >= 2  # both forces' tables, side by side
    assert "<svg" in page and "Total — Total" in page
    dataset = client.get(reverse("pages:batch_dataset", args=[batch.pk, "csv"])).content.decode()
    rows = list(csv.DictReader(io.StringIO(dataset)))
    assert len(rows) == 3 * 3 + 2 * 3
    assert {"force": "West Midlands Police", "question": "1", "table": "Offences by year", "source": "body",
            "row label path": "Total", "total row": "True", "column": "Total", "value": "81"} in rows
    chosen = client.get(reverse("pages:batch", args=[batch.pk]), {"question": "1", "row": "Harassment", "column": "2023"})
    text = chosen.content.decode()
    assert "Harassment — 2023" in text and ">41<" in text and ">12<" in text


def test_force_league_table_numbers(people, batch):
    body = _client(people["owner"]).get(reverse("pages:forces"), {"nation": "england"}).content.decode()
    assert "Police Scotland" not in body and "Bedfordshire Police" in body
    from requests_app.selectors import stats

    rows = {r["name"]: r for r in stats.authority_stats(people["owner"], today=date(2024, 3, 1))}
    beds, wmp, scot = rows["Bedfordshire Police"], rows["West Midlands Police"], rows["Police Scotland"]
    assert (beds["requests"], beds["answered"], beds["refusal_rate"], beds["top_exemptions"]) == (1, 1, 1.0, [("s40(2)", 1)])
    assert beds["on_time_rate"] == 0.0 and beds["median_days"] == 24  # 9 Feb: 4 working days late
    assert (wmp["on_time_rate"], wmp["median_days"], wmp["refusal_rate"]) == (1.0, 18, 0.0)
    assert (scot["awaiting"], scot["overdue"], scot["answered"], scot["on_time_rate"]) == (1, 1, 0, None)


def test_force_page_shows_charts_with_their_data(people, batch):
    body = _client(people["owner"]).get(reverse("pages:force", args=["bedfordshire-police"])).content.decode()
    assert body.count("<svg") == 2 and "Working days to answer" in body and "Exemptions cited" in body
    assert "21–30 working days" in body and "s40(2)" in body


def test_dashboard_counts_link_to_the_same_filter(people, batch):
    client = _client(people["owner"])
    body = client.get(reverse("pages:dashboard")).content.decode()
    assert "?deadline=overdue" in body and "Very overdue" in body


@pytest.mark.parametrize("sort", ["on_time_rate", "-on_time_rate", "median_days", "-refusal_rate", "-overdue", "name"])
def test_league_table_sorts_on_every_column_with_gaps(people, batch, sort):
    response = _client(people["owner"]).get(reverse("pages:forces"), {"sort": sort})
    assert response.status_code == 200
    body = response.content.decode()
    if sort == "-on_time_rate":  # West Midlands answered on time (100%), Bedfordshire late (0%)
        assert body.index("West Midlands Police") < body.index("Bedfordshire Police")


def test_league_is_cached_until_the_data_changes(people, batch, django_assert_max_num_queries):
    client = _client(people["owner"])
    first = client.get(reverse("pages:forces")).content.decode()
    assert "Police Scotland" in first
    with django_assert_max_num_queries(5):  # session, user, authorities, two version lookups: no statistics
        client.get(reverse("pages:forces"))
    scotland = batch.requests.get(authority__name="Police Scotland")
    services.reply_recorded(reply=ReplyFactory(request=scotland, letter_date=date(2024, 2, 2), outcome="refused",
                                               exemptions=["s38(1)(a)"]))
    after = client.get(reverse("pages:forces")).content.decode()
    assert "s38(1)(a) (1)" in after and "s38(1)(a)" not in first


def test_forms_posted_twice_are_refused_and_nothing_is_lost(people, batch):
    foi = batch.requests.get(authority__name="Police Scotland")
    client = _client(people["owner"])
    reply = {"kind": "response", "letter_date": "2024-02-02", "outcome": "full", "body": "Figures below."}
    assert client.post(reverse("pages:reply_new", args=[foi.pk]), reply).status_code == 302
    again = client.post(reverse("pages:reply_new", args=[foi.pk]), reply)
    assert again.status_code == 200 and "This reply is recorded already" in again.content.decode()
    assert Reply.objects.filter(request=foi).count() == 1
    review = {"requested_on": "2024-02-20", "letter": "Please review."}
    beds = batch.requests.get(authority__name="Bedfordshire Police")  # answered in part
    assert client.post(reverse("pages:review_new", args=[beds.pk]), review).status_code == 302
    twice = client.post(reverse("pages:review_new", args=[beds.pk]), review)
    assert "is recorded already" in twice.content.decode()
    assert InternalReview.objects.filter(request=beds).get().grounds == "Please review."


def test_lists_say_how_many_requests_match_and_which_are_shown(people, batch):
    client = _client(people["owner"])
    body = client.get(reverse("pages:requests")).content.decode()
    assert '<span class="muted" id="found">3 requests; 1–3 shown</span>' in body
    body = client.get(reverse("pages:requests"), {"nation": "scotland"}).content.decode()
    assert '<span class="muted" id="found">1 request; 1–1 shown</span>' in body
    body = client.get(reverse("pages:requests"), {"nation": "wales"}).content.decode()
    assert '<span class="muted" id="found">0 requests</span>' in body
    body = client.get(reverse("pages:force", args=["bedfordshire-police"])).content.decode()
    assert '<p class="muted" id="found">1 request; 1–1 shown</p>' in body


def test_a_count_past_the_cap_says_more_than(people, batch):
    from requests_app.selectors import browse

    visible = browse.visible_requests(people["owner"])
    assert str(browse.count_up_to(visible, cap=2)) == "2+" and browse.count_up_to(visible, cap=2).more
    assert str(browse.count_up_to(visible, cap=3)) == "3" and not browse.count_up_to(visible, cap=3).more


def test_dashboard_counts_follow_a_reply_recorded_since_the_last_view(people):
    late = FOIRequestFactory(owner=people["owner"], sent_date=date(2019, 1, 7))
    services.deadlines_recompute(requests=[late], reason="test")
    client = _client(people["owner"])

    def overdue_count():
        from requests_app.selectors import browse

        return {c["key"]: c["count"] for c in browse.dashboard(people["owner"], services.london_today())}["overdue"]

    assert overdue_count() == 1
    client.get(reverse("pages:dashboard"))
    services.reply_recorded(reply=ReplyFactory(request=late, letter_date=date(2019, 3, 1), outcome="full"))
    assert overdue_count() == 0  # a reply (and its audit event) is a new version: not the kept count


def test_staff_with_the_read_everything_permission_read_but_do_not_change(people, batch):
    from django.contrib.auth.models import Permission

    foi = batch.requests.get(authority__name="Bedfordshire Police")
    editor = UserFactory(username="editor", is_staff=True)
    assert _client(editor).get(reverse("pages:request", args=[foi.pk])).status_code == 404  # staff alone: no
    editor.user_permissions.add(Permission.objects.get(codename="view_every_request"))
    editor = type(editor).objects.get(pk=editor.pk)  # a fresh user: permissions are cached per object
    client = _client(editor)
    assert client.get(reverse("pages:request", args=[foi.pk])).status_code == 200
    assert "Stalking 2022-23" in client.get(reverse("pages:requests")).content.decode()
    assert client.get(reverse("pages:batch", args=[batch.pk])).status_code == 200
    table = ParsedTable.objects.filter(reply__request=foi).first()
    assert client.get(reverse("requests_app:table_csv", args=[table.pk])).status_code == 200
    assert client.get(reverse("pages:reply_new", args=[foi.pk])).status_code == 404  # reading is not changing
    not_staff = UserFactory(username="not-staff")
    not_staff.user_permissions.add(Permission.objects.get(codename="view_every_request"))
    assert _client(not_staff).get(reverse("pages:request", args=[foi.pk])).status_code == 404


def test_the_filter_menus_have_one_blank_choice(people, batch):
    body = _client(people["owner"]).get(reverse("pages:requests")).content.decode()
    for name in ("authority", "batch"):
        select = body[body.index(f'name="{name}"'):]
        select = select[:select.index("</select>")]
        assert select.count('value=""') == 1 and select.count(" selected") == 1, name


def test_making_a_request_public_or_moving_it_to_a_team_is_audited(people, batch):
    foi = batch.requests.get(authority__name="Bedfordshire Police")
    initial = {"public": False, "team": foi.team_id}
    foi.public, foi.team = True, None
    foi.save()
    services.request_fields_changed(request=foi, changed=["public", "team"], initial=initial)
    event = foi.events.latest("id")
    assert event.changes == {"public": [False, True], "team": [people["team"].pk, None]}


def test_filter_fields_have_labels_help_and_errors(people, batch):
    body = _client(people["owner"]).get(reverse("pages:requests"), {"batch": "999999", "q": "<b>x</b>"}).content.decode()
    assert '<label for="id_exemption">Exemption cited</label>' in body
    assert '<span class="help" id="id_exemption_helptext">As the tracker stores them' in body
    assert 'aria-describedby="id_exemption_helptext"' in body
    assert "Select a valid choice" in body  # a batch the person cannot see: an error, not its requests
    assert "<b>x</b>" not in body and "&lt;b&gt;x&lt;/b&gt;" in body


def test_text_and_date_boxes_keep_what_was_typed_escaped_and_flag_errors(people, batch):
    body = _client(people["owner"]).get(reverse("pages:requests"), {
        "q": 'a"b', "sent_after": "2024-01-31", "due_before": "not a date"}).content.decode()
    assert '<input id="id_q" name="q" type="text" value="a&quot;b">' in body
    assert '<legend>Sent between</legend>' in body and '<label for="">' not in body
    assert '<input aria-label="from" id="id_sent_0" name="sent_after" type="date" value="2024-01-31">' in body
    assert '<input aria-label="to" id="id_sent_1" name="sent_before" type="date">' in body
    assert 'name="due_before" type="date" value="not a date">' in body and 'aria-invalid="true"' in body
    assert "Enter a valid date." in body


def test_the_batch_menu_offers_the_newest_50_and_an_older_chosen_one(people, batch):
    from datetime import timedelta

    from django.utils import timezone

    from requests_app.models import Batch

    owner = people["owner"]
    start = timezone.now() - timedelta(days=400)
    made = Batch.objects.bulk_create([Batch(owner=owner, title=f"Weekly {i:03d}", text="1: x") for i in range(55)])
    for i, b in enumerate(made):  # created_at is auto_now_add: spread them out afterwards
        Batch.objects.filter(pk=b.pk).update(created_at=start + timedelta(days=i))
    Batch.objects.filter(pk=batch.pk).update(created_at=start - timedelta(days=1))  # the oldest of all
    _bulk(owner, 1, batch=made[0])

    def menu(body: str) -> list[str]:
        select = body[body.index('name="batch"'):]
        return re.findall(r'<option value="(\d+)"', select[:select.index("</select>")])

    client = _client(owner)
    plain = client.get(reverse("pages:requests")).content.decode()
    assert menu(plain) == [str(b.pk) for b in reversed(made[5:])]  # newest first, 50 of them
    assert "The newest 50" in plain
    old = client.get(reverse("pages:requests"), {"batch": made[0].pk}).content.decode()
    assert menu(old)[-1] == str(made[0].pk) and len(menu(old)) == 51
    assert f'<option value="{made[0].pk}" selected>' in old
    assert old.count("Request 0") == 1 and "Stalking 2022-23" not in old  # filtered to that batch
    foreign = services.batch_create(owner=people["rival"], team=None, title="Rival batch", text="1: x",
                                    authorities=[force("Bedfordshire Police")], sent_date=date(2024, 1, 8))
    refused = client.get(reverse("pages:requests"), {"batch": foreign.pk}).content.decode()
    assert str(foreign.pk) not in menu(refused) and "Select a valid choice" in refused
    page = client.get(reverse("pages:batch", args=[batch.pk])).content.decode()
    assert f'href="{reverse("pages:requests")}?batch={batch.pk}"' in page


def test_the_authority_menu_is_kept_until_an_authority_changes(people, batch, django_assert_num_queries):
    from requests_app.models import Authority
    from requests_app.selectors import menus

    first = menus.authority_menu()
    with django_assert_num_queries(0):
        assert menus.authority_menu() == first
    added = Authority.objects.create(name="Aardvark Constabulary", slug="aardvark", nation="england")
    assert menus.authority_menu()[0] == (str(added.pk), "Aardvark Constabulary")
    added.delete()
    assert menus.authority_menu() == first


def test_column_headings_sort_and_keep_the_filters(people, batch):
    client = _client(people["owner"])
    body = client.get(reverse("pages:requests"), {"nation": "england", "status": ["sent", "refused"],
                                                  "sort": "-sent_date", "q": "a&b"}).content.decode()
    head = body[body.index("<thead>"):body.index("</thead>")]
    # each heading links to the same filters sorted by it; the sorted column's next click reverses it
    assert ('<a href="?nation=england&amp;status=sent&amp;status=refused&amp;sort=sent_date&amp;q=a%26b">Sent</a>'
            in head)
    assert 'sort=title&amp;q=a%26b">Title</a>' in head
    assert '<th class="desc orderable" scope="col"><a href="?nation=england' in head  # sorted by it, newest first
    assert "<th scope=\"col\">Deadline</th>" in head  # not orderable: no link


def test_each_filter_form_has_its_own_filters_and_menus(people, batch):
    from requests_app.filters import RequestFilter
    from requests_app.selectors.browse import readable_requests

    today = date(2024, 3, 1)
    first = RequestFilter({"q": "x"}, queryset=readable_requests(people["owner"]), today=today, batches=[(1, "One")])
    second = RequestFilter(None, queryset=readable_requests(people["owner"]), today=today, batches=[(2, "Two")])
    assert first.filters["q"] is not second.filters["q"] and first.filters["q"].parent is first
    assert second.filters["deadline"].parent is second  # a method filter calls its own FilterSet
    assert dict(first.form.fields["batch"].choices) == {"": "---------", "1": "One"}
    assert dict(second.form.fields["batch"].choices) == {"": "---------", "2": "Two"}
    assert first.qs.count() == 0 and second.qs.count() >= 1
