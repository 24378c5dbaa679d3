"""Filters for the request list (django-filter). The dashboard's counts link to the same filters."""
import copy
from datetime import date, timedelta
from html import escape  # Django's escape() is this behind a lazy-string wrapper: 3x the cost an option

import django_filters as df
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from requests_app.models import FOIRequest, Nation, Regime, Reply, Status
from requests_app.models.request import ANSWERED
from requests_app.selectors import menus
from requests_app.selectors.batches import BATCH_MENU_SIZE

REVIEWABLE = (Status.ANSWERED_PARTIAL, Status.REFUSED, Status.NOT_HELD)


class FastSelect(forms.Select):
    """A select rendered in one pass: Django's per-option templates cost 0.2 ms an option,
    and a newsroom can have hundreds of batches (bench/pages_bench.py)."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        if self.allow_multiple_selected:
            attrs["multiple"] = True
            chosen = {str(v) for v in (value or [])}
        else:
            chosen = {"" if value is None else str(value)}
        options = []  # escaped here: format_html per option costs more than the option
        for key, label in self.choices:
            key = str(getattr(key, "value", key))
            options.append(f'<option value="{escape(key)}"{" selected" if key in chosen else ""}>{escape(label)}</option>')
        return format_html("<select{}>{}</select>", flatatt(attrs), mark_safe("".join(options)))


class FastSelectMultiple(FastSelect, forms.SelectMultiple):
    """FastSelect for a multiple choice (the statuses)."""


def _input(widget: dict) -> str:
    """What django/forms/widgets/input.html makes of a widget's context, without a template."""
    attrs = {"type": widget["type"], "name": widget["name"]}
    if widget["value"] is not None:
        attrs["value"] = str(widget["value"])
    return f"<input{flatatt({**attrs, **widget['attrs']})}>"


class FastTextInput(forms.TextInput):
    """A text box rendered without the template engine (0.1 ms a field through it)."""

    def render(self, name, value, attrs=None, renderer=None):
        return mark_safe(_input(self.get_context(name, value, attrs)["widget"]))


class FastDateRange(df.widgets.DateRangeWidget):
    """django-filter's pair of date boxes ("after" and "before"), rendered without templates."""

    def render(self, name, value, attrs=None, renderer=None):
        boxes = self.get_context(name, value, attrs)["widget"]["subwidgets"]
        for box, words in zip(boxes, ("from", "to")):  # each box's own label, under the range's legend
            box["attrs"]["aria-label"] = words
        return mark_safe(" – ".join(map(_input, boxes)))


def deadline_views(today: date) -> dict[str, tuple[str, callable]]:
    """Named slices of a person's requests: (label, queryset -> queryset)."""
    week_end = today + timedelta(days=6 - today.weekday())
    fortnight = today + timedelta(days=14)
    return {
        "due_this_week": ("Due this week", lambda qs: qs.due_between(today, week_end)),
        "overdue": ("Overdue", lambda qs: qs.overdue(today)),
        "very_overdue": ("Very overdue", lambda qs: qs.very_overdue_on(today)),
        "answered_recently": ("Answered in the last 14 days", lambda qs: qs.filter(
            pk__in=Reply.objects.filter(kind="response", letter_date__gte=today - timedelta(days=14))
            .values("request_id"), status__in=ANSWERED)),
        "review_closing": ("Internal review window closing (14 days)", lambda qs: qs.filter(
            status__in=REVIEWABLE, review_window_closes__range=(today, fortnight))),
        "escalation_closing": ("Complaint window closing (14 days)", lambda qs: qs.filter(
            status__in=(Status.REVIEW_REQUESTED, Status.REVIEW_ANSWERED), escalation_window_closes__range=(today, fortnight))),
    }


class _CopiedLightly(dict):
    """A FilterSet's base_filters, which every FilterSet deep-copies when it is made: here each
    filter is copied with its own `extra`, and shares its widget and choices, which nothing
    changes once the form class is built (get_form_class). A deep copy took 0.25 ms a page."""

    def __deepcopy__(self, memo):
        copies = {}
        for name, base in self.items():
            f = copy.copy(base)
            f.extra = dict(base.extra)
            if f.method:  # a method filter calls its FilterSet through a FilterMethod made for it
                f.method = f.method
            copies[name] = f
        return copies


class RequestFilter(df.FilterSet):
    q = df.CharFilter(label="Search titles and replies", method="search", widget=FastTextInput)
    # (id, name) pairs read once per form: a model choice would make 48 Authority objects and, on
    # PostgreSQL, read them through a server-side cursor (three round trips).
    authority = df.ChoiceFilter(field_name="authority_id", label="Authority", widget=FastSelect, choices=[])
    nation = df.ChoiceFilter(field_name="authority__nation", choices=Nation.choices, label="Nation", widget=FastSelect)
    status = df.MultipleChoiceFilter(choices=Status.choices, label="Status", widget=FastSelectMultiple)
    deadline = df.ChoiceFilter(label="Deadline", method="by_deadline", choices=[], widget=FastSelect)
    batch = df.ChoiceFilter(label="Batch", choices=[], widget=FastSelect,
                            help_text=f"The newest {BATCH_MENU_SIZE}; every batch's page links to its requests.")
    regime = df.ChoiceFilter(choices=Regime.choices, label="Regime", method="by_regime", widget=FastSelect)
    exemption = df.CharFilter(label="Exemption cited", method="by_exemption", widget=FastTextInput,
                              help_text="As the tracker stores them: s40(2), s31(1)(a), reg12(4)(b).")
    sent = df.DateFromToRangeFilter(field_name="sent_date", label="Sent between",
                                    widget=FastDateRange(attrs={"type": "date"}))
    due = df.DateFromToRangeFilter(field_name="due_on", label="Due between",
                                   widget=FastDateRange(attrs={"type": "date"}))

    class Meta:
        model = FOIRequest
        fields = []

    def __init__(self, *args, today: date, batches=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.views = deadline_views(today)
        self.filters["deadline"].extra["choices"] = [(k, label) for k, (label, _) in self.views.items()]
        # (id, title) pairs (selectors.batches.batch_menu), not Batch objects.
        self._batch_menu = [(str(pk), title) for pk, title in batches or ()]  # django-filter adds the blank choice

    def get_form_class(self):
        """Built once: django-filter makes a new form class, and a field for every filter, on each
        page view (0.35 ms). The form deep-copies the class's fields, so sharing it is safe; the
        menus are set on each form's own fields below."""
        cls = type(self)
        if "_form_class" not in cls.__dict__:
            cls._form_class = super().get_form_class()
        return cls._form_class

    @property
    def form(self):
        """The form, its batch menu given to the built form: as the filter's choices it would be
        deep-copied with every field when the form is made (625 batches: 3 ms a page)."""
        if not hasattr(self, "_form"):
            form = super().form
            form.fields["batch"].choices = self._batch_menu
            form.fields["authority"].choices = menus.authority_menu()
        return self._form

    def search(self, queryset, name, value):
        replies = Reply.objects.filter(request=OuterRef("pk"), body__icontains=value)
        return queryset.filter(Q(title__icontains=value) | Q(text__icontains=value) | Exists(replies))

    def by_deadline(self, queryset, name, value):
        return self.views[value][1](queryset)

    def by_regime(self, queryset, name, value):
        return queryset.filter(Q(regime=value) | Q(regime="", authority__default_regime=value))

    def by_exemption(self, queryset, name, value):
        cited = Reply.objects.filter(request=OuterRef("pk"), exemptions__icontains=f'"{value.strip()}"')
        return queryset.filter(Exists(cited))


RequestFilter.base_filters = _CopiedLightly(RequestFilter.base_filters)  # set by the metaclass, after the body
