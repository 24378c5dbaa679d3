"""Tables for the pages (django-tables2): sorting in the database, cells worded in render_*."""
import inspect
from collections.abc import Callable, Iterator
from datetime import date
from html import escape

import django_tables2 as tables
from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html
from django.utils.http import urlencode  # as {% querystring_replace %} does
from django.utils.safestring import SafeString, mark_safe

from requests_app.models import Status
from requests_app.presentation import due_badge, due_state

_STATUS_LABELS = {value: str(label) for value, label in Status.choices}  # get_status_display() hashes the choices a row


class FastBody:
    """The table body in one pass of format_html: a template per cell costs more than the data.

    Each cell is what django-tables2 would show: the column's default ("—") for an empty
    value, else the table's render_<name>(value=…, record=…) or the value itself, escaped.
    What tables2 does per cell (resolving the render method's signature, binding a cell
    object) is done once per column here."""

    def _cell_makers(self) -> list[tuple]:
        makers = []
        for bound in self.columns:
            render = getattr(self, f"render_{bound.name}", None)
            params = frozenset(inspect.signature(render).parameters) if render else frozenset()
            makers.append((_getter(bound.accessor), render, "record" in params, "value" in params,
                           bound.column.empty_values, bound.default))
        return makers

    def _cells(self, record, makers) -> Iterator:
        for get, render, wants_record, wants_value, empty, default in makers:
            value = get(record)
            if value in empty:
                yield default
            elif render is None:
                yield value
            elif wants_record and wants_value:
                yield render(record=record, value=value)
            elif wants_record:
                yield render(record=record)
            else:
                yield render(value=value)

    def head_html(self):
        """The header cells, each orderable heading a link that sorts by it: what the layout's
        {% querystring_replace %} per column made (0.05 ms a column), in one pass."""
        request = getattr(self, "request", None)
        params = dict(request.GET) if request is not None else {}
        key = self.prefixed_order_by_field
        cells = []
        for column in self.columns:
            header = conditional_escape(column.header)
            if column.orderable:
                params[key] = column.order_by_alias.next
                header = f'<a href="{escape("?" + urlencode(params, doseq=True))}">{header}</a>'
            cells.append(f"<th{flatatt(column.attrs.get('th', {}))} scope=\"col\">{header}</th>")
        return SafeString("".join(cells))

    def body_html(self):
        columns = list(self.columns)
        if not len(self.paginated_rows):
            return format_html('<tr><td colspan="{}">{}</td></tr>', len(columns), self.empty_text)
        tds = [f"<td{flatatt(column.attrs.get('td', {}))}>" for column in columns]
        makers = self._cell_makers()
        rows = []
        for row in self.paginated_rows:  # conditional_escape by hand: safe HTML kept, the rest escaped
            cells = (td + (v.__html__() if hasattr(v, "__html__") else escape(str(v))) + "</td>"
                     for td, v in zip(tds, self._cells(row.record, makers)))
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return mark_safe("".join(rows))


def _getter(accessor) -> Callable:
    """What Accessor.resolve(record, quiet=True) gives, for a model instance or a dict, with
    the path split once per column rather than once per cell."""
    parts = accessor.bits

    def get(record):
        value = record
        for part in parts:
            try:
                value = value[part] if isinstance(value, dict) else getattr(value, part)
            except (AttributeError, KeyError, ObjectDoesNotExist):
                return None
            if value is None:
                return None
            if callable(value) and not getattr(value, "do_not_call_in_templates", False):
                value = value()
        return value

    return get


def _day(value) -> str:
    return f"{value.day} {value:%b %Y}"


class RequestTable(FastBody, tables.Table):
    title = tables.Column(attrs={"td": {"class": "title"}})
    authority = tables.Column(accessor="authority_name", verbose_name="Authority", order_by="authority__name")
    status = tables.Column()
    sent_date = tables.Column(verbose_name="Sent")
    due_on = tables.Column(verbose_name="Due", order_by="due_on")
    deadline = tables.Column(empty_values=(), orderable=False, verbose_name="Deadline")
    batch = tables.Column(accessor="batch_title", verbose_name="Batch", order_by="batch__title")
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

    def render_title(self, record, value):  # escape() by hand: format_html's lazy-string wrapper costs more a row
        return SafeString(f'<a href="{self.request_url}{record.pk}/">{escape(value)}</a>')

    def value_title(self, value):
        return value

    def render_sent_date(self, value):
        return _day(value)

    def render_due_on(self, value):
        return _day(value)

    def render_status(self, record):
        return _STATUS_LABELS.get(record.status, record.status)

    def render_deadline(self, record):
        return due_badge(record, self.today)

    def value_deadline(self, record):
        return due_state(record, self.today)[1]


class ForceTable(FastBody, tables.Table):
    """The league table: one row per authority, from selectors.stats.authority_stats() dicts."""

    name = tables.Column(verbose_name="Force")
    nation = tables.Column()
    requests = tables.Column(attrs={"td": {"class": "num"}, "th": {"class": "num"}})
    awaiting = tables.Column(attrs={"td": {"class": "num"}, "th": {"class": "num"}})
    overdue = tables.Column(attrs={"td": {"class": "num"}, "th": {"class": "num"}})
    answered = tables.Column(attrs={"td": {"class": "num"}, "th": {"class": "num"}})
    on_time_rate = tables.Column(verbose_name="On time", attrs={"td": {"class": "num"}, "th": {"class": "num"}})
    median_days = tables.Column(verbose_name="Median working days",
                                attrs={"td": {"class": "num"}, "th": {"class": "num"}})
    refusal_rate = tables.Column(verbose_name="Refused",
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

    def render_name(self, record, value):
        return format_html('<a href="{}{}/">{}</a>', self.force_url, record["slug"], value)

    def value_name(self, value):
        return value

    def render_nation(self, record):
        return record["nation_label"]

    def __init__(self, *args, **kwargs):
        self.force_url = reverse("pages:force", args=["x"])[:-2]  # one reverse(), not one a row
        super().__init__(*args, **kwargs)


def table_rows(table: tables.Table) -> tuple[list[str], list[list]]:
    """A table's header and rows as plain values, for CSV and XLSX exports of what is shown."""
    values = list(table.as_values())
    return values[0], values[1:]
