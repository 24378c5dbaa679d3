import json
import os
import subprocess
import sys
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from requests_app.models import Authority, ExtraNonWorkingDay, FOIRequest
from tests.factories import FOIRequestFactory

ROOT = Path(__file__).resolve().parents[2]


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_foi_deadline_prints_the_response_and_later_windows():
    text = run("foi_deadline", "2019-08-19")
    assert "Response due (statutory)" in text and "Tue 17 Sep 2019" in text
    assert "six weeks from the review outcome" in text


@pytest.mark.django_db
def test_foi_deadline_json_for_foisa():
    report = json.loads(run("foi_deadline", "2025-03-10", "--regime", "foisa", "--json"))
    assert report["deadlines"]["response_due"] == "2025-04-07"
    assert report["with_extension"]["extended_due"] is None  # FOISA has no public-interest extension
    assert "Court of Session" in report["tribunal_appeal"]


@pytest.mark.django_db
def test_foi_deadline_weekend_receipt_gives_a_later_code_date():
    report = json.loads(run("foi_deadline", "2019-08-17", "--json"))
    assert report["working_day_received"] is False
    assert (report["deadlines"]["response_due"], report["deadlines"]["response_due_code"]) == ("2019-09-16", "2019-09-17")


@pytest.mark.django_db
def test_foi_deadline_counts_admin_added_days():
    ExtraNonWorkingDay.objects.create(date=date(2019, 9, 2), name="Test day", source_url="https://www.gov.uk/x")
    assert json.loads(run("foi_deadline", "2019-08-19", "--json"))["deadlines"]["response_due"] == "2019-09-18"


@pytest.mark.django_db
def test_foi_deadline_refuses_a_date_that_does_not_exist():
    with pytest.raises(CommandError, match="'2019-02-30' is not a date"):
        run("foi_deadline", "2019-02-30")


@pytest.mark.django_db
def test_recompute_deadlines_command_reports_progress_and_changes():
    FOIRequestFactory.create_batch(3)
    FOIRequestFactory(sent_date=None, status="draft")
    text = run("recompute_deadlines")
    assert "Recomputing deadlines of 3 request(s)" in text and "3 changed" in text
    assert FOIRequest.objects.filter(response_due=date(2019, 9, 17)).count() == 3
    assert "0 changed" in run("recompute_deadlines")


@pytest.mark.django_db
def test_ensure_admin_prints_a_generated_password_once(monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    first = run("ensure_admin")
    assert "Password:" in first
    assert "already exists" in run("ensure_admin")


@pytest.mark.django_db
def test_ensure_admin_takes_credentials_from_the_environment(monkeypatch, django_user_model):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "newsdesk")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a long pass phrase 42")
    assert "Password:" not in run("ensure_admin")
    assert django_user_model.objects.get(username="newsdesk").check_password("a long pass phrase 42")


@pytest.mark.django_db
def test_migrate_ships_every_uk_police_force():
    forces = Authority.objects.all()
    assert forces.count() == 48
    assert forces.filter(nation="england", kind="territorial_police").count() == 39
    assert forces.filter(nation="wales").count() == 4
    assert forces.get(name="Police Scotland").default_regime == "foisa"
    assert set(forces.exclude(name="Police Scotland").values_list("default_regime", flat=True)) == {"foia"}
    assert dict(forces.exclude(foi_email="").values_list("name", "foi_email")) == {
        "Bedfordshire Police": "foi@bedfordshire.pnn.police.uk",
        "Hertfordshire Constabulary": "foi@herts.pnn.police.uk",
    }
    assert {"british-transport-police", "ministry-of-defence-police", "civil-nuclear-constabulary",
            "police-service-of-northern-ireland"} <= set(forces.values_list("slug", flat=True))


def _manage(*args, **env):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)


def test_no_missing_migrations(tmp_path):
    result = _manage("makemigrations", "--check", "--dry-run", FOITRACKER_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_pass_check_deploy_with_no_warnings(tmp_path):
    result = _manage("check", "--deploy", "--fail-level", "WARNING", FOITRACKER_MODE="production",
                     ALLOWED_HOSTS="foi.example.org", FOITRACKER_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_development_settings_are_flagged_by_check_deploy(tmp_path):
    """The production switch matters: the default (development) mode is not deployable."""
    result = _manage("check", "--deploy", "--fail-level", "WARNING", FOITRACKER_VAR_DIR=str(tmp_path))
    assert result.returncode != 0 and "security.W" in result.stdout + result.stderr


def test_secret_key_is_generated_once_and_kept(tmp_path, monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    script = "from django.conf import settings; print(settings.SECRET_KEY)"
    env = {"FOITRACKER_VAR_DIR": str(tmp_path)}
    first = _manage("shell", "-c", script, **env).stdout.strip().splitlines()[-1]
    second = _manage("shell", "-c", script, **env).stdout.strip().splitlines()[-1]
    assert first == second and len(first) >= 50
    assert (tmp_path / "secret_key").read_text().strip() == first
