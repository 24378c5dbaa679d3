import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from openpyxl import load_workbook

from requests_app import services
from requests_app.models import Attachment, FOIRequest, ParsedTable, Reply
from requests_app.models.event import EventKind
from requests_app.models.reply import ParseStatus
from tests.factories import FOIRequestFactory, UserFactory, force

pytestmark = pytest.mark.django_db
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
WEST_MIDLANDS = "003_22f3676a9afc3e41.txt"
BEDFORDSHIRE_SEXTING = "004_45780ca6b57060a2.txt"
needs_seeds = pytest.mark.skipif(not SEEDS.exists(), reason="shared/seeds not beside the checkout")


def seed(name: str) -> str:
    return (SEEDS / name).read_text()


def reply_with(request, body="", files=(), letter=date(2019, 11, 1)):
    reply = Reply.objects.create(request=request, kind="response", letter_date=letter, body=body)
    for name, data in files:
        attachment = Attachment(reply=reply, original_name=name)
        attachment.file.save(name, ContentFile(data), save=False)
        services.attachment_store(attachment=attachment, upload=attachment.file)
    return reply


@needs_seeds
def test_body_tables_are_stored_with_their_warnings():
    request = FOIRequestFactory(authority=force("West Midlands Police"), sent_date=date(2019, 10, 4))
    reply = services.reply_parse(reply_id=reply_with(request, seed(WEST_MIDLANDS)).pk)
    tables = list(reply.tables.order_by("position"))
    assert [t.question for t in tables] == ["1", "5"]
    assert tables[0].totals_consistent is True and tables[1].totals_consistent is False
    assert "row 'Charge', column 'Grand Total': stated 4, sum 5" in tables[1].warnings
    assert reply.parsed["schema"] == "foitracker.parsed-reply/1"
    assert len(reply.parsed["tables"]) == 2


@needs_seeds
def test_received_date_in_the_reply_moves_the_deadlines_with_an_audit_entry():
    request = FOIRequestFactory(authority=force(), sent_date=date(2019, 8, 16))
    services.deadlines_recompute(requests=[request], reason="test")
    reply = reply_with(request, seed(BEDFORDSHIRE_SEXTING), letter=date(2019, 9, 17))
    services.reply_parse(reply_id=reply.pk)
    request.refresh_from_db()
    assert request.received_date == date(2019, 8, 19)
    assert request.response_due == date(2019, 9, 17)
    assert request.authority_reference == "FOI2019/05348"
    event = request.events.filter(kind=EventKind.DATES).last()
    assert event.changes["received_date"] == ["2019-08-16", "2019-08-19"]
    reply.refresh_from_db()
    assert reply.authority_reference == "FOI2019/05348"


def test_a_corrupt_attachment_is_recorded_and_nothing_else_is_lost():
    request = FOIRequestFactory()
    csv_data = "Offence,2018,2019,Total\nHarassment,3,4,7\nStalking,1,1,2\nTotal,4,5,9\n".encode()
    reply = reply_with(request, "Please see attached.", [("broken.pdf", b"%PDF-1.4 truncated"),
                                                          ("figures.csv", csv_data)])
    services.reply_parse(reply_id=reply.pk)
    broken = reply.attachments.get(original_name="broken.pdf")
    good = reply.attachments.get(original_name="figures.csv")
    assert broken.parse_status == ParseStatus.FAILED and broken.parse_error
    assert "\n" not in broken.parse_error
    assert good.parse_status == ParseStatus.PARSED
    table = reply.tables.get()
    assert table.attachment == good and table.totals_consistent is True
    assert broken.file.read() == b"%PDF-1.4 truncated"


def test_parse_again_replaces_tables_rather_than_adding():
    request = FOIRequestFactory()
    reply = reply_with(request, "Year\t2018\t2019\nStops\t10\t12\nArrests\t3\t4\n")
    services.reply_parse(reply_id=reply.pk)
    services.reply_parse(reply_id=reply.pk)
    assert ParsedTable.objects.filter(reply=reply).count() == 1


def test_saving_a_reply_in_the_admin_parses_it(staff_client, staff, django_capture_on_commit_callbacks):
    request = FOIRequestFactory(owner=staff)
    data = {"request": request.pk, "kind": "response", "letter_date": "2019-09-17", "exemptions": "[]",
            "body": "Offence\t2018\t2019\nHarassment\t3\t4\nStalking\t1\t1\n",
            "attachments-TOTAL_FORMS": 0, "attachments-INITIAL_FORMS": 0}
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = staff_client.post(reverse("admin:requests_app_reply_add"), data)
    assert response.status_code == 302 and len(callbacks) == 1
    reply = Reply.objects.get()
    assert reply.tables.count() == 1
    page = staff_client.get(reverse("admin:requests_app_reply_change", args=[reply.pk])).content.decode()
    assert "Harassment" in page and "totals not checkable" in page


def _table(owner):
    request = FOIRequestFactory(owner=owner)
    reply = reply_with(request, "Offence\t2018\t2019\tTotal\nHarassment\t3\t4\t7\nStalking\t1\t1\t3\n")
    services.reply_parse(reply_id=reply.pk)
    return reply, reply.tables.get()


def test_table_downloads_as_csv_and_xlsx(client):
    owner = UserFactory()
    reply, table = _table(owner)
    client.force_login(owner)
    body = client.get(reverse("requests_app:table_csv", args=[table.pk])).content.decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["Offence", "2018", "2019", "Total", "total row"]
    assert rows[2] == ["Stalking", "1", "1", "3", ""]
    book = load_workbook(io.BytesIO(client.get(reverse("requests_app:table_xlsx", args=[table.pk])).content))
    assert [c.value for c in book.active[2]] == ["Harassment", 3, 4, 7, None]
    doc = json.loads(client.get(reverse("requests_app:reply_json", args=[reply.pk])).content)
    assert doc["tables"][0]["warnings"] == ["row 'Stalking', column 'Total': stated 3, sum 2"]


def test_downloads_are_private_to_the_owner(client):
    reply, table = _table(UserFactory())
    urls = [reverse("requests_app:table_csv", args=[table.pk]), reverse("requests_app:table_xlsx", args=[table.pk]),
            reverse("requests_app:reply_json", args=[reply.pk])]
    for url in urls:
        assert client.get(url).status_code == 404  # anonymous: not a public request
    client.force_login(UserFactory())
    for url in urls:
        assert client.get(url).status_code == 404  # someone else's


def test_a_public_requests_downloads_are_open_to_visitors(client):
    reply, table = _table(UserFactory())
    FOIRequest.objects.filter(pk=reply.request_id).update(public=True)
    body = client.get(reverse("requests_app:table_csv", args=[table.pk])).content.decode()
    assert body.splitlines()[1].startswith("Harassment,3,4,7")
    assert client.get(reverse("requests_app:table_xlsx", args=[table.pk])).status_code == 200
    assert json.loads(client.get(reverse("requests_app:reply_json", args=[reply.pk])).content)["tables"]
    FOIRequest.objects.filter(pk=reply.request_id).update(public=False)
    assert client.get(reverse("requests_app:table_csv", args=[table.pk])).status_code == 404


def test_an_outcome_read_from_the_letter_fills_the_reply_and_moves_the_status():
    request = FOIRequestFactory()
    body = ("Our Ref: FOI2019/07001\n\nI can confirm that the information you requested is not held "
            "by Bedfordshire Police.\n")
    reply = reply_with(request, body, letter=date(2019, 9, 10))
    services.reply_parse(reply_id=reply.pk)
    reply.refresh_from_db()
    request.refresh_from_db()
    assert reply.outcome == "not_held"
    assert request.status == "not_held"
    assert request.authority_reference == "FOI2019/07001"


def test_an_outcome_already_chosen_is_kept():
    request = FOIRequestFactory()
    reply = reply_with(request, "The information is not held.", letter=date(2019, 9, 10))
    reply.outcome = "partial"
    reply.save()
    services.reply_parse(reply_id=reply.pk)
    reply.refresh_from_db()
    assert reply.outcome == "partial"


def test_attachments_are_served_to_their_owner_only(client):
    owner = UserFactory()
    reply = reply_with(FOIRequestFactory(owner=owner), files=[("annex.csv", b"a,b\n1,2\n")])
    url = reverse("requests_app:attachment", args=[reply.attachments.get().pk])
    assert client.get(url).status_code == 404  # a visitor: the request is not public
    FOIRequest.objects.filter(pk=reply.request_id).update(public=True)
    assert b"".join(client.get(url).streaming_content) == b"a,b\n1,2\n"  # published with the request
    FOIRequest.objects.filter(pk=reply.request_id).update(public=False)
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(owner)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"a,b\n1,2\n"
    assert 'filename="annex.csv"' in response["Content-Disposition"]


def _staff_with_reply_rights():
    from django.contrib.auth.models import Permission

    user = UserFactory(is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=["add_reply", "change_reply", "view_reply"]))
    return user


def test_staff_cannot_add_a_reply_to_someone_elses_request(client):
    victim = FOIRequestFactory(authority_reference="")
    client.force_login(_staff_with_reply_rights())
    response = client.post(reverse("admin:requests_app_reply_add"), {
        "request": victim.pk, "kind": "acknowledgement", "letter_date": "2019-08-20", "exemptions": "[]",
        "authority_reference": "HACKED", "attachments-TOTAL_FORMS": 0, "attachments-INITIAL_FORMS": 0})
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    victim.refresh_from_db()
    assert victim.authority_reference == "" and not Reply.objects.exists()


def test_files_attached_on_the_reply_page_are_kept(staff_client, staff, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    request = FOIRequestFactory(owner=staff)
    data = {"request": request.pk, "kind": "response", "letter_date": "2019-09-17", "exemptions": "[]",
            "new_attachments": [SimpleUploadedFile("q1.csv", b"Offence,2018,2019\nTheft,3,4\nRobbery,1,1\n")],
            "attachments-TOTAL_FORMS": 0, "attachments-INITIAL_FORMS": 0}
    with django_capture_on_commit_callbacks(execute=True):
        assert staff_client.post(reverse("admin:requests_app_reply_add"), data).status_code == 302
    reply = Reply.objects.get()
    assert list(reply.attachments.values_list("original_name", flat=True)) == ["q1.csv"]
    assert reply.tables.get().source == "q1.csv"
