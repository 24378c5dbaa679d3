"""The everyday pages in Chromium: log in, log a request, filter and sort, a force, a batch."""
import csv
import io
from datetime import date

import pytest
from playwright.sync_api import expect

from requests_app import services
from requests_app.models import Authority, ParsedTable, Team
from tests.browser.conftest import ADMIN_PASSWORD, ADMIN_USERNAME
from tests.factories import ReplyFactory

LONG = "Possession of an offensive weapon in a public place or on school premises " * 3  # 222 characters


def _table(reply, figures, *, label="Total"):
    rows = [{"label": ["Harassment"], "values": figures[:2], "total": False},
            {"label": [label], "values": figures[2:], "total": True}]
    return ParsedTable.objects.create(reply=reply, question="1", title="Offences by year", row_header="Offence",
                                      columns=["2023", "Total"], rows=rows, totals_consistent=True)


@pytest.fixture
def batch(superuser):
    forces = Authority.objects.filter(name__in=["Bedfordshire Police", "West Midlands Police", "Police Scotland"])
    batch = services.batch_create(owner=superuser, authorities=forces, title="Harassment 2023",
                                  text="1: Harassment offences in 2023.", sent_date=date(2024, 1, 8),
                                  team=Team.objects.create(name="Desk"))
    for name, figures in [("Bedfordshire Police", [12, 12, 12, 12]), ("West Midlands Police", [40, 40, 40, 40])]:
        request = batch.requests.get(authority__name=name)
        beds = name.startswith("Bed")
        reply = ReplyFactory(request=request, letter_date=date(2024, 2, 1), outcome="partial" if beds else "full",
                             exemptions=["s40(2)"] if beds else [])
        services.reply_recorded(reply=reply)
        _table(reply, figures)
    long_one = batch.requests.get(authority__name="Police Scotland")
    _table(ReplyFactory(request=long_one, letter_date=date(2024, 2, 5), outcome="partial"), [7, 7, 7, 7], label=LONG)
    return batch


def log_in_on_the_site(page):
    page.goto("/")
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()
    page.get_by_label("Username").fill(ADMIN_USERNAME)
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()


@pytest.mark.browser
def test_log_in_log_a_request_then_filter_and_sort_the_list(page, superuser, batch, screenshot):
    log_in_on_the_site(page)
    screenshot(page, "dashboard")
    page.get_by_role("link", name="Log requests (admin)").click()
    page.goto("/admin/requests_app/foirequest/add/")
    page.locator(".select2-selection").first.click()  # the authority autocomplete
    page.locator(".select2-search__field").fill("Hertford")
    page.get_by_role("option", name="Hertfordshire Constabulary").click()
    page.get_by_label("Title:").fill("Drones over prisons")
    page.get_by_label("Full text:").fill("1: Drone sightings over prisons, 2020-2024.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    page.goto("/requests/")
    rows = page.locator("table.requests tbody tr")
    expect(rows).to_have_count(4)
    page.get_by_label("Nation").select_option(label="Scotland")
    page.get_by_role("button", name="Filter").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Police Scotland")
    page.get_by_role("link", name="Clear").click()
    page.get_by_role("link", name="Authority").click()  # sort by authority, A to Z
    expect(rows.first).to_contain_text("Bedfordshire Police")
    page.get_by_role("link", name="Authority").click()  # and Z to A
    expect(rows.first).to_contain_text("West Midlands Police")
    page.get_by_label("Search titles and replies").fill("drone")
    page.get_by_label("Search titles and replies").press("Enter")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Drones over prisons")
    screenshot(page, "requests")


@pytest.mark.browser
def test_force_page_and_league_table(admin_page, batch, screenshot):
    page = admin_page
    page.goto("/forces/")
    league = page.locator("table.league tbody tr")
    expect(league).to_have_count(48)
    page.get_by_label("Nation").select_option(label="England")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("table.league")).not_to_contain_text("Police Scotland")
    page.get_by_role("link", name="Bedfordshire Police").click()
    expect(page.get_by_role("heading", name="Bedfordshire Police", level=1)).to_be_visible()
    expect(page.locator("figure.chart svg").first).to_be_visible()
    widths = page.locator("figure.chart").first.locator("rect.bar").evaluate_all("bars => bars.map(b => +b.getAttribute('width'))")
    assert widths[1] > 0 and widths[0] == 0  # one answer in 11-20 working days, none faster
    page.get_by_text("The figures as a table").first.click()
    expect(page.locator("figure.chart table").first).to_contain_text("11–20 working days")
    screenshot(page, "force")
    page.locator("table.requests").get_by_role("link", name="Harassment 2023").click()
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    expect(page.locator("ol.timeline")).to_contain_text("Ask for internal review by")
    page.get_by_role("link", name="Ask for an internal review").click()
    expect(page.get_by_label("Your letter (edit it, send it, then record it here)")).to_contain_text("You relied on s40(2)")
    page.go_back()
    screenshot(page, "request")


@pytest.mark.browser
def test_batch_comparison_chart_and_merged_csv(admin_page, batch, screenshot):
    page = admin_page
    page.goto(f"/batches/{batch.pk}/")
    expect(page.locator("table.grid-status tbody tr")).to_have_count(3)
    expect(page.locator("table.grid-status")).to_contain_text("answered in part")
    expect(page.locator(".side-by-side section")).to_have_count(3)
    bars = page.locator("figure.chart svg rect.bar")
    expect(bars).to_have_count(2)  # the default row 'Total' is in two forces' tables
    widths = [float(bars.nth(i).get_attribute("width")) for i in range(2)]
    assert widths[1] > widths[0] * 3  # West Midlands 40 against Bedfordshire 12
    page.get_by_label("Row").select_option(label="Harassment")
    page.get_by_role("button", name="Compare").click()
    expect(bars).to_have_count(3)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the merged dataset (CSV)").click()
    rows = list(csv.DictReader(io.StringIO(download_info.value.path().read_text())))
    assert len(rows) == 3 * 2 * 2  # forces x rows x columns
    assert {r["force"] for r in rows} == {"Bedfordshire Police", "West Midlands Police", "Police Scotland"}
    assert [r["value"] for r in rows if r["force"] == "West Midlands Police"] == ["40", "40", "40", "40"]
    page.set_viewport_size({"width": 390, "height": 844})  # a phone: the long label must not break the page
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, width
    screenshot(page, "batch-phone")


@pytest.mark.browser
def test_keyboard_reaches_the_filters_with_a_visible_focus(admin_page, batch):
    page = admin_page
    page.goto("/requests/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    assert focused == "id_q"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
