"""Reads for a batch: where each force stands, the tables they sent, and one long dataset."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from requests_app.models import Batch, FOIRequest, ParsedTable, Status
from requests_app.presentation import due_state
from requests_app.querysets import reads_everything, team_ids

DATASET_HEADER = ["force", "question", "table", "source", "row label path", "total row", "column", "value"]
_GRID = {
    Status.ANSWERED_FULL: ("answered", "badge ok"), Status.ANSWERED_PARTIAL: ("answered in part", "badge warn"),
    Status.REFUSED: ("refused", "badge late"), Status.NOT_HELD: ("not held", "badge muted"),
}


def visible_batches(user) -> QuerySet:
    """Batches a person owns or shares with a team (all for those who read every request)."""
    if not user.is_authenticated:
        return Batch.objects.none()
    if reads_everything(user):
        return Batch.objects.all()
    return Batch.objects.filter(Q(owner=user) | Q(team__in=team_ids(user)))


BATCH_MENU_SIZE = 50


def batch_menu(user, chosen: str | None = None) -> list[tuple[int, str]]:
    """(id, title) of the batches offered in the request filter: the newest BATCH_MENU_SIZE the
    person can see, and the chosen one when it is older (the link from its batch page).

    Not every batch: a newsroom that sends a batch a working day has hundreds, a menu that
    long cannot be used on a phone, and reading and rendering 625 took 2.8 ms of every list
    page on PostgreSQL (bench/pages_bench.py). Every batch is listed on the batches page."""
    visible = visible_batches(user)
    menu = list(visible.order_by("-created_at", "-id").values_list("id", "title")[:BATCH_MENU_SIZE])
    chosen = (chosen or "").strip()
    if chosen.isdecimal() and len(menu) == BATCH_MENU_SIZE and int(chosen) not in {pk for pk, _ in menu}:
        menu += visible.filter(pk=int(chosen)).values_list("id", "title")
    return menu


@dataclass(frozen=True)
class GridRow:
    request: FOIRequest
    state: str
    css: str
    tables: int


def status_grid(batch: Batch, user, today: date) -> list[GridRow]:
    requests = (FOIRequest.objects.for_user(user).filter(batch=batch).select_related("authority")
                .order_by("authority__name"))
    tally = dict(ParsedTable.objects.filter(reply__request__batch=batch).values_list("reply__request_id")
                 .annotate(n=Count("id")).order_by())
    rows = []
    for request in requests:
        if request.status in _GRID:
            state, css = _GRID[request.status]
        else:
            css_due, words = due_state(request, today)
            late = css_due in ("foi-overdue", "foi-very-overdue")
            state, css = (words, "badge late") if late else (request.get_status_display(), "badge muted")
        rows.append(GridRow(request, state, css, tally.get(request.pk, 0)))
    return rows


def batch_tables(batch: Batch, user) -> QuerySet:
    return (ParsedTable.objects.filter(reply__request__in=FOIRequest.objects.for_user(user).filter(batch=batch))
            .select_related("reply__request__authority")
            .order_by("question", "reply__request__authority__name", "reply__letter_date", "position"))


def tables_by_question(batch: Batch, user) -> list[tuple[str, str, list[ParsedTable]]]:
    """[(question number, question text, tables from every force)], in the request's order."""
    texts = {q["number"]: q["text"] for q in (batch.requests.values_list("questions", flat=True).first() or [])}
    grouped: dict[str, list[ParsedTable]] = {}
    for table in batch_tables(batch, user):
        grouped.setdefault(table.question or "", []).append(table)
    order = [*texts, *sorted(k for k in grouped if k not in texts)]
    return [(q or "—", texts.get(q, "Tables not tied to a question"), grouped[q]) for q in order if q in grouped]


def dataset_rows(batch: Batch, user) -> Iterator[list]:
    """One row per figure: (force, question, table, source, label path, total?, column, value)."""
    for table in batch_tables(batch, user).iterator(chunk_size=200):
        force = table.reply.request.authority.name
        for row in table.rows:
            path = " > ".join(row["label"])
            for column, value in zip(table.columns, row["values"]):
                yield [force, table.question, table.title, table.source, path, row["total"], column, value]


def chart_choices(tables: list[ParsedTable]) -> tuple[list[str], list[str]]:
    """The row label paths and columns that appear in these tables, most widespread first."""
    rows: dict[str, int] = {}
    columns: dict[str, int] = {}
    for table in tables:
        for row in table.rows:
            key = " > ".join(row["label"])
            rows[key] = rows.get(key, 0) + 1
        for column in table.columns:
            columns[column] = columns.get(column, 0) + 1
    by_count = lambda d: sorted(d, key=lambda k: (-d[k], list(d).index(k)))  # noqa: E731
    return by_count(rows), by_count(columns)


def chart_values(tables: list[ParsedTable], row: str, column: str) -> list[tuple[str, float | str | None]]:
    """Each force's figure at (row, column): the first table of theirs that has both."""
    found: dict[str, float | str | None] = {}
    for table in tables:
        force = table.reply.request.authority.name
        if force in found or column not in table.columns:
            continue
        j = table.columns.index(column)
        for r in table.rows:
            if " > ".join(r["label"]) == row:
                found[force] = r["values"][j]
                break
    return sorted(found.items())


def batch_list(user) -> QuerySet:
    return visible_batches(user).annotate(forces=Count("requests")).order_by("-created_at")


def _default_row(rows: list[str]) -> str:
    totals = [r for r in rows if r.lower().split(" > ")[-1] in ("grand total", "total", "totals")]
    return (totals or rows or [""])[0]


def chart_for(questions: list[tuple[str, str, list[ParsedTable]]], params) -> dict | None:
    """The comparison chart: one figure per force at a chosen question, row and column."""
    from requests_app import charts

    by_number = {number: tables for number, _, tables in questions}
    if not by_number:
        return None
    question = params.get("question") if params.get("question") in by_number else next(iter(by_number))
    tables = by_number[question]
    rows, columns = chart_choices(tables)
    row = params.get("row") if params.get("row") in rows else _default_row(rows)
    column = params.get("column") if params.get("column") in columns else (columns[-1] if columns else "")
    values = chart_values(tables, row, column)
    return {"question": question, "questions": list(by_number), "row": row, "rows": rows, "column": column,
            "columns": columns, "values": values,
            "chart": charts.bar_chart(values, title=f"{row} — {column}", unit="")}
