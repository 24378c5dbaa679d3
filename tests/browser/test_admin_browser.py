"""The admin as a person uses it, in Debian's Chromium: log in, log a batch, read deadlines,
filter and search, record a refusal, and meet a form error."""
import re
from pathlib import Path
from datetime import date

import pytest
from playwright.sync_api import expect

from requests_app import services
from requests_app.models import Authority, Batch, FOIRequest, Status
from tests.browser.conftest import ADMIN_PASSWORD, ADMIN_USERNAME
from tests.factories import FOIRequestFactory

FIVE = ["Bedfordshire Police", "Hertfordshire Constabulary", "West Midlands Police", "Police Scotland",
        "Police Service of Northern Ireland"]
TEXT = "1: The number of cyberstalking incidents recorded per year.\n2: The outcomes of those incidents."


@pytest.fixture
def batch(superuser):
    """The five-force batch of 10 Mar 2025, logged directly (the UI path has its own test)."""
    return services.batch_create(owner=superuser, authorities=Authority.objects.filter(name__in=FIVE),
                                 title="Cyberstalking 2020-2024", text=TEXT, sent_date=date(2025, 3, 10))


def request_in(batch, force):
    return FOIRequest.objects.get(batch=batch, authority__name=force)


def deadline_row(page, label):
    return page.locator("table.foi-deadlines tr").filter(has=page.get_by_role("rowheader", name=label))


@pytest.mark.browser
def test_log_in_through_the_admin_login_form(page, superuser):
    page.goto("/admin/requests_app/foirequest/")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next="))
    page.get_by_label("Username").fill(ADMIN_USERNAME)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".errornote")).to_contain_text("Please enter the correct username and password")

    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/requests_app/foirequest/$"))
    expect(page.get_by_role("heading", name="Select FOI request to change")).to_be_visible()
    expect(page.locator("#user-tools")).to_contain_text(f"Welcome, {ADMIN_USERNAME}")


@pytest.mark.browser
def test_log_a_batch_to_five_forces(admin_page, screenshot):
    page = admin_page
    page.goto("/admin/requests_app/batch/add/")
    page.get_by_label("Title").fill("Cyberstalking 2020-2024")
    page.get_by_label("Text").fill(TEXT)

    # The FilteredSelectMultiple: filter the available forces, select one, press the "Choose" arrow.
    available = page.locator("#id_authorities_from")
    chosen = page.locator("#id_authorities_to")
    filter_box = page.get_by_role("textbox", name="Type into this box to filter down the list of available authorities")
    expect(available.locator("option")).to_have_count(48)
    for force in FIVE:
        filter_box.fill("")
        filter_box.press_sequentially(force)
        expect(available.get_by_role("option", name=force, exact=True)).to_be_visible()
        available.select_option(label=force)
        page.get_by_role("button", name="Choose selected authorities").click()
        expect(chosen.get_by_role("option", name=force, exact=True)).to_be_attached()
    expect(chosen.locator("option")).to_have_count(5)

    page.get_by_label("Sent date").fill("10/03/2025")  # en-gb: the admin shows and accepts dd/mm/yyyy
    screenshot(page, "batch_add")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator("ul.messagelist")).to_contain_text("Logged 5 requests in this batch, with their deadlines.")
    batch = Batch.objects.get()
    assert batch.requests.count() == 5
    assert set(batch.requests.values_list("sent_date", flat=True)) == {date(2025, 3, 10)}

    page.locator("#result_list").get_by_role("link", name="Cyberstalking 2020-2024").click()
    inline = page.locator("#requests-group")
    for force in FIVE:
        expect(inline.get_by_role("link", name=force, exact=True)).to_be_visible()
    scotland = inline.locator("tr").filter(has=page.get_by_role("link", name="Police Scotland", exact=True))
    expect(scotland.locator("td.field-response_due")).to_have_text("7 Apr 2025")
    screenshot(page, "batch_change")


@pytest.mark.browser
def test_request_page_shows_deadlines_and_their_rules(admin_page, batch, screenshot):
    page = admin_page
    page.goto(f"/admin/requests_app/batch/{batch.pk}/change/")
    page.locator("#requests-group").get_by_role("link", name="Bedfordshire Police", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("Cyberstalking 2020-2024"))).to_be_visible()
    due = deadline_row(page, "Response due (statutory)")
    expect(due).to_contain_text("Tue 08 Apr 2025")
    expect(due.locator("td.rule")).to_contain_text("20th working day")
    expect(page.locator("ol.foi-questions li")).to_have_count(2)
    screenshot(page, "request_change_deadlines")
    screenshot(page, "request_deadline_table", element=page.locator("fieldset", has=page.locator("table.foi-deadlines")))

    page.goto(f"/admin/requests_app/batch/{batch.pk}/change/")
    page.locator("#requests-group").get_by_role("link", name="Police Scotland", exact=True).click()
    due = deadline_row(page, "Response due (statutory)")
    expect(due).to_contain_text("Mon 07 Apr 2025")
    expect(due.locator("td.rule")).to_contain_text("20th working day")


@pytest.mark.browser
def test_changelist_overdue_filter_badges_and_search(admin_page, superuser, screenshot):
    page = admin_page
    late = FOIRequestFactory(owner=superuser, title="Stop and search by ethnicity", sent_date=date(2019, 8, 19))
    fresh = FOIRequestFactory(owner=superuser, title="Drone deployments", sent_date=date.today(),
                              authority=Authority.objects.get(name="Kent Police"))
    services.deadlines_recompute(requests=[late, fresh], reason="browser test")

    page.goto("/admin/requests_app/foirequest/")
    expect(page.locator("#result_list tbody tr")).to_have_count(2)
    page.locator("#changelist-filter").get_by_role("link", name="Overdue", exact=True).click()
    expect(page).to_have_url(re.compile(r"deadline=overdue"))
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    late_row = rows.filter(has_text="Stop and search by ethnicity")
    pill = late_row.locator(".foi-pill")
    expect(pill).to_be_visible()
    expect(pill).to_have_text(re.compile(r"very overdue|working days? overdue"))
    expect(pill).to_have_css("background-color", "rgb(166, 27, 27)")  # .foi-very-overdue
    screenshot(page, "changelist_overdue")

    page.goto("/admin/requests_app/foirequest/")
    fresh_pill = page.locator("#result_list tbody tr").filter(has_text="Drone deployments").locator(".foi-pill")
    expect(fresh_pill).to_have_text(re.compile(r"working days left"))
    page.locator("#searchbar").fill("Drone deployments")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"q=Drone"))
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Drone deployments")
    expect(page.locator("#changelist-search")).to_contain_text("1 result")


@pytest.mark.browser
def test_record_a_refusal_through_the_reply_inline(admin_page, batch):
    page = admin_page
    request = request_in(batch, "Hertfordshire Constabulary")
    page.goto(f"/admin/requests_app/foirequest/{request.pk}/change/")
    page.get_by_role("button", name="Add another Reply").click()  # the admin's link has role=button
    reply = page.locator("#replies-0")
    expect(reply).to_be_visible()
    reply.get_by_label("Kind").select_option(label="Substantive response")
    reply.get_by_label("Letter date").fill("04/04/2025")
    reply.get_by_label("Outcome").select_option(label="Refused")
    reply.get_by_label("Authority reference").fill("HC/FOI/2025/0412")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator("ul.messagelist")).to_contain_text("was changed successfully")
    row = page.locator("#result_list tbody tr").filter(has_text="Hertfordshire Constabulary")
    expect(row.locator("td.field-status")).to_have_text("Answered: refused")
    request.refresh_from_db()
    assert request.status == Status.REFUSED
    assert request.authority_reference == "HC/FOI/2025/0412"
    assert request.replies.get().outcome == "refused"


@pytest.mark.browser
def test_received_before_sent_is_refused_with_a_visible_error(admin_page, batch, screenshot):
    page = admin_page
    request = request_in(batch, "West Midlands Police")
    page.goto(f"/admin/requests_app/foirequest/{request.pk}/change/")
    received = page.get_by_label("Received by the authority")
    expect(received).to_have_value("10/03/2025")
    received.fill("03/03/2025")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".errornote")).to_be_visible()
    error = page.locator(".field-received_date .errorlist")
    expect(error).to_be_visible()
    expect(error).to_contain_text("cannot receive a request before it was sent")
    screenshot(page, "request_form_error")
    request.refresh_from_db()
    assert request.received_date == date(2025, 3, 10)
    assert request.response_due == date(2025, 4, 8)



WEST_MIDLANDS_SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "003_22f3676a9afc3e41.txt"


@pytest.mark.browser
@pytest.mark.skipif(not WEST_MIDLANDS_SEED.exists(), reason="shared/seeds not beside the checkout")
def test_a_reply_with_an_attachment_becomes_tables_with_warnings(admin_page, batch, screenshot, tmp_path):
    page = admin_page
    request = request_in(batch, "West Midlands Police")
    annex = tmp_path / "annex-a.csv"
    annex.write_text("Force area,2018,2019,Total\nBirmingham,10,12,22\nCoventry,4,5,10\n")
    page.goto(f"/admin/requests_app/foirequest/{request.pk}/change/")
    page.get_by_role("button", name="Add another Reply").click()
    reply = page.locator("#replies-0")
    reply.get_by_label("Kind").select_option(label="Substantive response")
    reply.get_by_label("Letter date").fill("04/04/2025")
    reply.get_by_label("Body").fill(WEST_MIDLANDS_SEED.read_text())
    reply.get_by_label("Attach files").set_input_files(str(annex))
    page.get_by_role("button", name="Save and continue editing").click()

    expect(page.locator("ul.messagelist")).to_contain_text("was changed successfully")
    tables = page.locator(".foi-table")
    expect(tables).to_have_count(3)
    expect(tables.nth(1)).to_contain_text("row 'Charge', column 'Grand Total': stated 4, sum 5")
    expect(tables.nth(2)).to_contain_text("annex-a.csv")
    expect(tables.nth(2).locator(".foi-warnings")).to_contain_text("row 'Coventry', column 'Total': stated 10, sum 9")
    screenshot(page, "reply_tables")
    with page.expect_download() as download:
        tables.nth(0).get_by_role("link", name="CSV").click()
    lines = Path(download.value.path()).read_text().splitlines()
    assert lines[0] == "Offence,2014,2015,2016,2017,2018,2019,Grand Total,total row"
    assert lines[-1] == "Grand Total,194,395,973,1383,2628,3153,8726,yes"
