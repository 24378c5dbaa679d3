"""Downloads of parsed data and files. Each view checks the person may read the request behind it:
their own, their team's, or one marked public (which visitors who are not logged in may read too);
anything else is a 404, never the data."""
import csv
import io
import json

from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from requests_app import selectors
from requests_app.parsing.render import flat_rows


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _table_name(table) -> str:
    return slugify(f"{table.reply.request.authority.slug} {table.title or 'table'} {table.pk}")[:80]


def table_csv(request, pk: int):
    table = get_object_or_404(selectors.tables_for_user(request.user), pk=pk)
    header, rows = flat_rows(selectors.table_as_json(table))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    return _attachment(response, f"{_table_name(table)}.csv")


def table_xlsx(request, pk: int):
    from openpyxl import Workbook

    table = get_object_or_404(selectors.tables_for_user(request.user), pk=pk)
    header, rows = flat_rows(selectors.table_as_json(table))
    book = Workbook()
    sheet = book.active
    sheet.title = "table"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    return _attachment(response, f"{_table_name(table)}.xlsx")


def reply_json(request, pk: int):
    reply = get_object_or_404(selectors.replies_for_user(request.user), pk=pk)
    body = json.dumps(reply.parsed or {}, indent=2, ensure_ascii=False)
    return _attachment(HttpResponse(body, content_type="application/json"), f"reply-{reply.pk}.json")


def attachment(request, pk: int):
    """An attachment as received, to those who may read its request (media is never served directly)."""
    item = get_object_or_404(selectors.attachments_for_user(request.user), pk=pk)
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.original_name or None,
                        content_type=item.content_type or "application/octet-stream")
