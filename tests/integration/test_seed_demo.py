from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from requests_app import services
from requests_app.models import Batch, FOIRequest, ParsedTable, Reply, Status

pytestmark = pytest.mark.django_db


def seed(*extra) -> str:
    out = StringIO()
    call_command("seed_demo", "--requests", "200", "--table-rows", "500", "--seed", "3", *extra, stdout=out)
    return out.getvalue()


def fingerprint():
    return [tuple(r) for r in FOIRequest.objects.order_by("authority_id", "sent_date", "title", "status").values_list(
        "authority_id", "title", "status", "sent_date", "received_date", "response_due", "review_window_closes")]


def test_seed_demo_counts_deadlines_tables_and_refusal():
    output = seed()
    assert "Seeded in" in output and "200 requests" in output and "500 rows" in output

    assert FOIRequest.objects.count() == 200
    batch = Batch.objects.get()
    assert batch.requests.count() == 48 and batch.team is not None
    assert Reply.objects.filter(kind="response").exclude(outcome="").exists()
    assert Reply.objects.exclude(exemptions=[]).exists()
    assert len({s for s in FOIRequest.objects.values_list("status", flat=True)}) >= 6

    # Stored deadlines: there, and exactly what deadlines_recompute() would store.
    sent = FOIRequest.objects.exclude(status=Status.DRAFT).exclude(  # a pending clarification or fee stops the clock
        replies__kind__in=["clarification", "fees_notice"])
    assert sent.count() > 150
    assert not sent.filter(response_due__isnull=True).exists()
    assert not sent.filter(response_due_code__isnull=True).exists()
    assert services.deadlines_recompute(requests=FOIRequest.objects.all(), reason="test") == 0

    tables = list(ParsedTable.objects.all())
    assert sum(len(t.rows) for t in tables) == 500
    for t in tables:
        assert t.columns and all(isinstance(c, str) for c in t.columns)
        for row in t.rows:
            assert set(row) == {"label", "values", "total"}
            assert row["label"] and all(isinstance(part, str) for part in row["label"])
            assert len(row["values"]) == len(t.columns)
            assert all(v is None or isinstance(v, (int, float, str)) for v in row["values"])
            assert isinstance(row["total"], bool)
        assert (t.totals_consistent is False) == bool(t.warnings)
    assert any(len(r["label"]) > 1 for t in tables for r in t.rows)  # nested label paths
    assert any(r["total"] for t in tables for r in t.rows)
    assert any(c.isdigit() for t in tables for c in t.columns)  # year columns
    with_parse = Reply.objects.exclude(parsed={}).first()
    assert with_parse.parsed["schema"] == "foitracker.parsed-reply/1" and with_parse.parsed["tables"]

    before = fingerprint()
    with pytest.raises(CommandError, match="already has demo data"):
        seed()
    assert FOIRequest.objects.count() == 200

    seed("--yes")  # replaces the demo data, and the same seed gives the same data
    assert FOIRequest.objects.count() == 200
    assert fingerprint() == before
