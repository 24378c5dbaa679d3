"""Real-browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Never downloads a browser: without /usr/bin/chromium these tests are skipped
(`apt-get install chromium` to run them).
"""
import importlib
import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install chromium)",
                allow_module_level=True)

from playwright.sync_api import expect, sync_playwright  # noqa: E402  (after the skip)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ADMIN_USERNAME = "chief-editor"
ADMIN_PASSWORD = "Browser-test-pa55word"


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module.

    Playwright's sync API keeps an asyncio event loop running in this thread for as long as it
    is started, and Django then refuses ORM calls from the tests and fixtures (SynchronousOnly-
    Operation) unless DJANGO_ALLOW_ASYNC_UNSAFE is set. Both are kept to the browser tests:
    set at import time, or left running for the whole session, they leak into the rest of the
    suite (the variable is inherited by `manage.py check --deploy` in test_commands.py, which
    then fails with async.E001).
    """
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1366, "height": 900},
                                  locale="en-GB", timezone_id="Europe/London")
    context.set_default_timeout(10_000)
    expect.set_options(timeout=10_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def police_forces(transactional_db):
    """The 48 forces the data migration ships.

    The live server needs transactional_db, which flushes every table after each test, so the
    migration's rows are gone from the second browser test on: load them again with the
    migration's own function.
    """
    from django.apps import apps

    from requests_app.models import Authority

    if not Authority.objects.exists():
        migration = importlib.import_module("requests_app.migrations.0002_police_forces")
        migration.load(apps, None)
    return Authority.objects.all()


@pytest.fixture
def superuser(police_forces, django_user_model):
    return django_user_model.objects.create_superuser(
        username=ADMIN_USERNAME, email="editor@example.org", password=ADMIN_PASSWORD)


def log_in(page, username=ADMIN_USERNAME, password=ADMIN_PASSWORD):
    """Through the admin's login form, as a person would."""
    page.goto("/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="FOI requests, deadlines and replies")).to_be_visible()


@pytest.fixture
def admin_page(page, superuser):
    log_in(page)
    return page


@pytest.fixture(scope="session")
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name, element=None):
        """The full page, or just `element` (a locator) for a close-up."""
        path = SCREENSHOTS / f"{name}.png"
        if element is None:
            page.screenshot(path=str(path), full_page=True)
        else:
            element.screenshot(path=str(path))
        return path

    return take
