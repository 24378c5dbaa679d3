"""Tables for the pages (django-tables2): sorting in the database, cells worded in render_*."""
from datetime import date

import django_tables2 as tables
from django.urls import reverse
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join

from requests_app.presentation import due_badge, due_state


class FastBody:
    """The table body in one pass of format_html: a template per cell costs more than the data."""

    def body_html(self):
        columns = list(self.columns)
        if not len(self.paginated_rows):
            return format_html('<tr><td colspan="{}">{}</td></tr>', len(columns), self.empty_text)
        tds = [flatatt(column.attrs.get("td", {})) for column in columns]
        return format_html_join("", "<tr>{}</tr>", (
            (format_html_join("", "<td{}>{}</td>", zip(tds, (cell for _, cell in row.items()))),)
            for row in self.paginated_rows))


def _day(value) -> str:
    return f"{value.day} {value:%b %Y}"


class RequestTable(FastBody, tables.Table):
    title = tables.Column(attrs={"td": {"class": "title"}})
    authority = tables.Column(accessor="authority__name", verbose_name="Authority", order_by="authority__name")
    status = tables.Column()
    sent_date = tables.Column(verbose_name="Sent")
    due_on = tables.Column(verbose_name="Due", order_by="due_on")
    deadline = tables.Column(empty_values=(), orderable=False, verbose_name="Deadline")
    batch = tables.Column(accessor="batch__title", verbose_name="Batch", order_by="batch__title")
    reference = tables.Column(accessor="authority_reference", verbose_name="Their ref.")

    class Meta:
        attrs = {"class": "requests"}
        order_by = ("-sent_date",)
        empty_text = "No requests match."
        template_name = "pages/_table.html"

    def __init__(self, *args, today: date, **kwargs):
        self.today = today
        self.request_url = reverse("pages:request", args=[0])[:-2]  # one reverse(), not one a row
        super().__init__(*args, **kwargs)

    def render_title(self, record, value):
        return format_html('<a href="{}{}/">{}</a>', self.request_url, record.pk, value)

    def value_title(self, value):
        return value

    def render_sent_date(self, value):
        return _day(value)

    def render_due_on(self, value):
        return _day(value)

    def render_status(self, record):
        return record.get_status_display()

    def render_deadline(self, record):
        return due_badge(record, self.today)

    def value_deadline(self, record):
        return due_state(record, self.today)[1]


class ForceTable(FastBody, tables.Table):
    """The league table: one row per authority, from selectors.stats.authority_stats() dicts."""

    name = tables.Column(verbose_name="Force", linkify=lambda record: reverse("pages:force", args=[record["slug"]]))
    nation = tables.Column()
    requests = tables.Column(attrs={"td": {"class": "num"}, "th": {"class": "num"}})
    awaiting = tables.Column(attrs={"td": {"class": "num"}, "th": {"class": "num"}})
    overdue = tables.Column(attrs={"td": {"class": "num"}, "th": {"class": "num"}})
    answered = tables.Column(attrs={"td": {"class": "num"}, "th": {"class": "num"}})
    on_time_rate = tables.Column(verbose_name="On time", attrs={"td": {"class": "num"}, "th": {"class": "num"}})
    median_days = tables.Column(verbose_name="Median working days to answer",
                                attrs={"td": {"class": "num"}, "th": {"class": "num"}})
    refusal_rate = tables.Column(verbose_name="Refused (in full or part)",
                                 attrs={"td": {"class": "num"}, "th": {"class": "num"}})
    top_exemptions = tables.Column(verbose_name="Most-cited exemptions", orderable=False)

    class Meta:
        attrs = {"class": "league"}
        order_by = ("name",)
        empty_text = "No forces match."
        template_name = "pages/_table.html"

    def _percent(self, value):
        return "—" if value is None else f"{value:.0%}"

    def render_on_time_rate(self, value):
        return self._percent(value)

    def render_refusal_rate(self, value):
        return self._percent(value)

    def render_median_days(self, value):
        return "—" if value is None else f"{value:g}"

    def render_top_exemptions(self, value):
        return ", ".join(f"{name} ({n})" for name, n in value) or "—"

    def render_nation(self, record):
        return record["nation_label"]


def table_rows(table: tables.Table) -> tuple[list[str], list[list]]:
    """A table's header and rows as plain values, for CSV and XLSX exports of what is shown."""
    values = list(table.as_values())
    return values[0], values[1:]
