"""The pages people use every day: dashboard, requests, forces and batches. Views only wire
filters, selectors and tables together (STYLE.md)."""
import csv
import io

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django_tables2 import RequestConfig
from django_tables2.paginators import LazyPaginator

from requests_app import charts, services
from requests_app.filters import RequestFilter
from requests_app.models import Authority, Nation, Regime
from requests_app.presentation import table_html
from requests_app.selectors import batches as batch_reads, browse, stats
from requests_app.tables import ForceTable, RequestTable, table_rows

# No COUNT(*) of every matching request per page view (160 ms over 80,000): next/previous only.
_PAGES = {"per_page": 50, "paginator_class": LazyPaginator}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filtered(request):
    today = services.london_today()
    return RequestFilter(request.GET or None, queryset=browse.readable_requests(request.user), today=today,
                         batches=batch_reads.batch_menu(request.user, request.GET.get("batch"))), today


def download(header: list[str], rows, fmt: str, name: str) -> HttpResponse:
    """CSV or XLSX of the same header and rows."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("data")
        sheet.append(header)
        for row in rows:
            sheet.append([v if isinstance(v, (int, float, type(None))) else str(v) for v in row])
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    else:
        raise Http404("Downloads are CSV or XLSX.")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
def dashboard(request):
    today = services.london_today()
    return render(request, "pages/dashboard.html", {
        "title": "Dashboard", "nav": "dashboard", "today": today,
        "counts": browse.dashboard(request.user, today), "overdue": browse.overdue_list(request.user, today)})


def requests_list(request):
    filterset, today = _filtered(request)
    table = RequestTable(browse.listed(filterset.qs), today=today)
    RequestConfig(request, paginate=_PAGES).configure(table)
    return render(request, "pages/requests.html", {
        "title": "Requests", "nav": "requests", "filter": filterset, "table": table,
        "found": browse.count_up_to(filterset.qs), "shown": _shown(table), "query": request.GET.urlencode()})


def _shown(table) -> str:
    """'51–100': the rows on this page (LazyPaginator has no count, so not Page.start_index())."""
    page = getattr(table, "page", None)
    if page is None or not len(page.object_list):
        return ""
    first = (page.number - 1) * page.paginator.per_page + 1
    return f"{first:,}–{first + len(page.object_list) - 1:,}"


def requests_export(request, fmt: str):
    filterset, today = _filtered(request)
    table = RequestTable(browse.listed(filterset.qs), today=today, order_by=request.GET.get("sort") or None)
    header, rows = table_rows(table)
    return download(header, rows, fmt, f"foi-requests-{today:%Y-%m-%d}")


def _force_filter(request):
    nation, regime = request.GET.get("nation", ""), request.GET.get("regime", "")
    authorities = Authority.objects.all()
    if nation in Nation.values:
        authorities = authorities.filter(nation=nation)
    if regime in Regime.values:
        authorities = authorities.filter(default_regime=regime)
    return authorities, {"nation": nation, "regime": regime}


def forces(request):
    authorities, chosen = _force_filter(request)
    rows = stats.authority_stats_cached(request.user, today=services.london_today(), authorities=authorities,
                                        key=f"{chosen['nation']}:{chosen['regime']}")
    table = ForceTable(rows)
    RequestConfig(request, paginate=False).configure(table)
    return render(request, "pages/forces.html", {
        "title": "Forces: FOI performance", "nav": "forces", "table": table, "chosen": chosen,
        "nations": Nation.choices, "regimes": Regime.choices})


def force_page(request, slug: str):
    authority = get_object_or_404(Authority, slug=slug)
    today = services.london_today()
    visible = browse.visible_requests(request.user).filter(authority=authority)
    table = RequestTable(visible, today=today, exclude=("authority",))
    RequestConfig(request, paginate=_PAGES).configure(table)
    numbers = stats.kept_until_changed(
        request.user, "force", today, lambda: stats.force_numbers(visible).get(authority.pk, stats.ForceNumbers()),
        key=str(authority.pk))
    return render(request, "pages/force.html", {
        "title": authority.name, "nav": "forces", "authority": authority, "table": table,
        "found": browse.count_up_to(visible), "shown": _shown(table),
        "numbers": numbers, "tables": [(t, table_html(t)) for t in browse.recent_tables(visible, limit=10)],
        "times": charts.bar_chart(stats.response_time_buckets(numbers), title="Working days to answer", unit="requests"),
        "exemptions": charts.bar_chart(numbers.exemptions.most_common(12), title="Exemptions cited", unit="replies")})


@login_required
def batches(request):
    return render(request, "pages/batches.html", {
        "title": "Batches", "nav": "batches", "batches": batch_reads.batch_list(request.user)})


def _batch(request, pk):
    return get_object_or_404(batch_reads.visible_batches(request.user), pk=pk)


@login_required
def batch_page(request, pk: int):
    batch = _batch(request, pk)
    today = services.london_today()
    questions = batch_reads.tables_by_question(batch, request.user)
    chart = batch_reads.chart_for(questions, request.GET)
    return render(request, "pages/batch.html", {
        "title": batch.title, "nav": "batches", "batch": batch, "questions": questions, "chart": chart,
        "grid": batch_reads.status_grid(batch, request.user, today)})


@login_required
def batch_dataset(request, pk: int, fmt: str):
    batch = _batch(request, pk)
    rows = batch_reads.dataset_rows(batch, request.user)
    return download(batch_reads.DATASET_HEADER, rows, fmt, f"{slugify(batch.title)[:60] or 'batch'}-dataset")
