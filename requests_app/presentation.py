"""How deadlines read to a person: labels, badges and 'in 3 working days' phrases."""
from __future__ import annotations

import re
from datetime import date
from html import escape

import nh3
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from requests_app import deadlines
from requests_app.models.request import AWAITING_RESPONSE

LABELS = {
    "response_due": "Response due (statutory)",
    "response_due_code": "Overdue after (s.45 Code date)",
    "extended_due": "Extended response due",
    "very_overdue": "Very overdue from",
    "fee_lapses": "Request lapses if the fee is unpaid",
    "review_window_closes": "Ask for internal review by",
    "review_response_due": "Internal review answer due",
    "review_response_due_max": "Internal review answer due at the latest",
    "escalation_opens": "Complaint to the regulator possible from",
    "escalation_window_closes": "Complain to the regulator by",
    "tribunal_appeal_due": "Appeal to the tribunal / court by",
}


def when(day: date, today: date, regime: str) -> str:
    """'today', 'in 3 working days', '5 working days ago'."""
    n = deadlines.working_days_between(today, day, regime)
    if day == today:
        return "today"
    if n == 0:
        return "next working day" if day > today else "today (non-working day)"
    unit = "working day" if abs(n) == 1 else "working days"
    return f"in {n} {unit}" if n > 0 else f"{-n} {unit} ago"


def deadline_rows(computed: deadlines.Deadlines, regime: str, today: date):
    for name, label in LABELS.items():
        value = getattr(computed, name)
        rule = computed.rules.get(name, "")
        if value is None and not rule:
            continue
        shown = value.strftime("%a %d %b %Y") if value else "—"
        yield label, shown, when(value, today, regime) if value else "", rule


def due_state(request, today: date) -> tuple[str, str]:
    """(css class, words) for a request's response deadline: days left, overdue or very overdue."""
    if request.status not in AWAITING_RESPONSE or request.due is None:
        return "foi-muted", "—"
    if request.very_overdue and request.very_overdue < today:
        return "foi-very-overdue", "very overdue"
    if request.is_overdue(today):
        late = -deadlines.working_days_between(today, request.due, request.effective_regime)
        return "foi-overdue", f"{late} working day{'s' if late != 1 else ''} overdue"
    left = request.days_left(today)
    text = "due today" if left == 0 else f"{left} working day{'s' if left != 1 else ''} left"
    return ("foi-soon" if left <= 3 else "foi-ok"), text


def due_badge(request, today: date):
    """A coloured pill: days left, overdue or very overdue. Blank once answered."""
    css, text = due_state(request, today)  # both ours, no markup in them; escaped all the same
    if css == "foi-muted":  # SafeString, not mark_safe(): its lazy-string check costs a call a row
        return SafeString(f'<span class="foi-muted">{escape(text)}</span>')
    return SafeString(f'<span class="foi-pill {escape(css)}">{escape(text)}</span>')


def _readable(value) -> str:
    if value in (None, ""):
        return "—"
    try:
        return date.fromisoformat(value).strftime("%d %b %Y")
    except (TypeError, ValueError):
        return str(value)


def change_summary(changes: dict):
    """An audit entry's {"field": [old, new]} as 'Response due: 16 Sep 2019 → 17 Sep 2019' lines."""
    if not changes:
        return "—"
    items = ((LABELS.get(name, name.replace("_", " ").capitalize()), _readable(old), _readable(new))
             for name, (old, new) in changes.items())
    return format_html('<ul class="foi-changes">{}</ul>', format_html_join("", "<li>{}: {} → {}</li>", items))


_CONSISTENCY = {True: ("foi-ok", "totals add up"), False: ("foi-overdue", "totals do not add up"),
                None: ("foi-muted", "totals not checkable")}


def table_html(table) -> str:
    """A stored ParsedTable as an HTML table: caption, warnings highlighted, downloads."""
    css, text = _CONSISTENCY[table.totals_consistent]
    depth = max((len(r["label"]) for r in table.rows), default=1)
    head = format_html_join("", "<th scope='col' class='num'>{}</th>", ((c,) for c in table.columns))
    body = format_html_join("", "{}", ((_row_html(r, depth),) for r in table.rows))
    warnings = format_html_join("", "<li>{}</li>", ((w,) for w in table.warnings))
    links = format_html(
        '<a href="{}">CSV</a> · <a href="{}">XLSX</a>',
        reverse("requests_app:table_csv", args=[table.pk]), reverse("requests_app:table_xlsx", args=[table.pk]))
    return format_html(
        '<div class="foi-table"><p class="foi-table-caption"><strong>{}</strong> '
        '<span class="foi-muted">{} · question {}</span> <span class="foi-pill {}">{}</span> {}</p>'
        '{}<div class="foi-table-scroll"><table><thead><tr><th scope="col">{}</th>{}</tr></thead>'
        "<tbody>{}</tbody></table></div></div>",
        table.title or "Untitled table", table.source, table.question or "—", css, text, links,
        format_html('<ul class="foi-warnings">{}</ul>', warnings) if table.warnings else "",
        table.row_header or "", head, body)


def _row_html(row: dict, depth: int):
    level = len(row["label"]) - 1
    cells = format_html_join("", "<td class='num'>{}</td>", (("" if v is None else v,) for v in row["values"]))
    return format_html('<tr class="{}"><th scope="row" style="padding-left:{}em">{}</th>{}</tr>',
                       "foi-total" if row["total"] else "", 0.5 + 1.2 * level, row["label"][-1], cells)


def tables_html(tables) -> str:
    if not tables:
        return mark_safe('<span class="foi-muted">No tables found.</span>')
    return format_html_join("", "{}", ((table_html(t),) for t in tables))


_HTML_TAG = re.compile(r"<\s*(?:p|div|table|br|span|html|body|b|i|a|ul|ol|li|h[1-6]|strong|em|font)\b", re.IGNORECASE)


def reply_body(body: str):
    """A reply's text for a page: e-mail HTML through nh3 (scripts, handlers, styles gone), else plain text."""
    if _HTML_TAG.search(body or ""):
        return mark_safe(nh3.clean(body, link_rel="noopener noreferrer nofollow"))
    return format_html('<div class="reply-body">{}</div>', body)
