"""Workbooks: XLSX (openpyxl), XLS (xlrd) and ODS (odfpy), every sheet to grids.

Each reader turns a sheet into rows of display text plus its merged ranges; the shared
csv_reader helpers then spread merged headers and split the sheet into tables.
A zip-based workbook is checked against the limits before any library opens it, since
a few kilobytes of zip can unpack to gigabytes of sheet XML.
"""
from __future__ import annotations

import io
import re
import warnings
import zipfile
from dataclasses import replace
from datetime import date, datetime, time

from requests_app.parsing.csv_reader import INDENT, clean, grids_from_rows, spread_merges
from requests_app.parsing.model import Extracted, Grid, Limits, ParseError
from requests_app.parsing.values import joined_thousands
from requests_app.questions import question_number

_RATIO_FLOOR = 64 * 1024  # small members compress well for honest reasons
_MAX_OFFICE_MEMBERS = 10_000
_MAX_COLUMNS = 16_384
Sheet = tuple[str, list[list[str]], list[tuple[int, int, int, int]]]  # title, rows, merges


def check_zip(zf: zipfile.ZipFile, limits: Limits, max_members: int = _MAX_OFFICE_MEMBERS) -> None:
    """Refuse a zip bomb by the sizes its directory declares (zipfile enforces them on read)."""
    infos = zf.infolist()
    if len(infos) > max_members:
        raise ParseError(f"zip holds {len(infos):,} files, over the {max_members:,}-file limit")
    total = sum(i.file_size for i in infos)
    if total > limits.max_unzipped_bytes:
        raise ParseError(f"zip unpacks to {total:,} bytes, over the {limits.max_unzipped_bytes:,}-byte limit")
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > limits.max_compression_ratio:
            raise ParseError(f"zip member {info.filename} is compressed {ratio:,.0f}:1, "
                             f"over the {limits.max_compression_ratio}:1 limit")


def open_zip(data: bytes, limits: Limits) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ParseError(f"corrupt zip container: {exc}") from None
    check_zip(zf, limits)
    return zf


def read_xlsx(data: bytes, name: str, limits: Limits) -> Extracted:
    import openpyxl

    zf = open_zip(data, limits)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True)
    except Exception as exc:  # openpyxl raises KeyError, XML and zip errors for a broken file
        raise ParseError(f"corrupt workbook: {_short(exc)}") from None
    _check_sheets(len(wb.worksheets), limits)
    shown = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    notes = [f"hidden sheet '{ws.title}' not read" for ws in wb.worksheets if ws.sheet_state != "visible"]
    uncached = _formulas_without_values(zf)
    if uncached:
        notes.append(f"{uncached:,} formula cell{'s' if uncached != 1 else ''} saved without a calculated value "
                     f"(read as empty: open and save the workbook in a spreadsheet program to store them)")
    extracted = _extract(name, (_openpyxl_sheet(ws, limits) for ws in shown))
    return Extracted(blocks=extracted.blocks, warnings=tuple(notes))


# A formula cell with no cached value: "<f>SUM(C6:E6)</f><v></v></c>", "<f>...</f></c>" or a shared
# formula "<f t="shared" si="0"/></c>" (what a program that writes but does not calculate saves).
_UNCACHED = re.compile(rb"(?:</f>|<f\b[^>]*/>)(?:<v\s*/>|<v></v>)?</c>")


def _formulas_without_values(zf: zipfile.ZipFile) -> int:
    return sum(len(_UNCACHED.findall(zf.read(info))) for info in zf.infolist()
               if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"))


def _openpyxl_sheet(ws, limits: Limits) -> Sheet:
    # ws._cells holds only the cells the file defines: a sheet styled down to row
    # 1,048,576 must not make us build a million empty rows.
    filled = [(r, c) for (r, c), cell in ws._cells.items() if cell.value is not None]
    if not filled:
        return ws.title, [], []
    top, left = min(r for r, _ in filled), min(c for _, c in filled)
    bottom, right = max(r for r, _ in filled), max(c for _, c in filled)
    _check_extent(ws.title, bottom - top + 1, right - left + 1, limits)
    rows = [["" for _ in range(left, right + 1)] for _ in range(top, bottom + 1)]
    for r, c in filled:
        cell = ws._cells[(r, c)]
        rows[r - top][c - left] = display(cell.value, cell.number_format)
        if c == left and cell.has_style and cell.alignment.indent:  # a pivot's compact layout sets rows in
            rows[r - top][0] = INDENT * int(cell.alignment.indent) + rows[r - top][0]
    merges = [(m.min_row - top, m.min_col - left, m.max_row - top, m.max_col - left)
              for m in ws.merged_cells.ranges if m.min_row >= top and m.min_col >= left]
    return ws.title, rows, merges


def read_xls(data: bytes, name: str, limits: Limits) -> Extracted:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except Exception as exc:  # xlrd.XLRDError, struct and index errors for a broken file
        message = _short(exc)
        if "encrypt" in message.lower():
            raise ParseError("encrypted workbook") from None
        raise ParseError(f"corrupt XLS workbook: {message}") from None
    _check_sheets(book.nsheets, limits)
    return _extract(name, (_xlrd_sheet(book, book.sheet_by_index(i), limits) for i in range(book.nsheets)))


def _xlrd_sheet(book, sheet, limits: Limits) -> Sheet:
    import xlrd

    _check_extent(sheet.name, sheet.nrows, sheet.ncols, limits)
    rows = []
    for r in range(sheet.nrows):
        row = []
        for c in range(sheet.ncols):
            cell = sheet.cell(r, c)
            if cell.ctype == xlrd.XL_CELL_DATE:
                value = xlrd.xldate_as_datetime(cell.value, book.datemode)
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                value = bool(cell.value)
            elif cell.ctype == xlrd.XL_CELL_ERROR:
                value = xlrd.error_text_from_code.get(cell.value, "#ERROR")
            else:
                value = cell.value
            fmt = book.format_map.get(book.xf_list[cell.xf_index].format_key) if cell.xf_index is not None else None
            row.append(display(value, fmt.format_str if fmt else "General"))
        rows.append(row)
    merges = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in sheet.merged_cells]
    return sheet.name, rows, merges


def read_ods(data: bytes, name: str, limits: Limits) -> Extracted:
    from odf.opendocument import load
    from odf.table import Table

    open_zip(data, limits)
    try:
        tables = load(io.BytesIO(data)).spreadsheet.getElementsByType(Table)
    except Exception as exc:  # odfpy raises zip, XML and attribute errors for a broken file
        raise ParseError(f"corrupt ODS workbook: {_short(exc)}") from None
    _check_sheets(len(tables), limits)
    return _extract(name, (_ods_sheet(t, limits) for t in tables))


def _ods_sheet(table, limits: Limits) -> Sheet:
    """ODS rows repeat by count (an empty row "repeated" to the sheet's end): expand only rows with text."""
    from odf.table import TableRow

    rows: list[list[str]] = []
    merges = []
    width = 0
    for tr in table.getElementsByType(TableRow):
        cells, spans = _ods_row(tr)
        if not any(cells):
            if rows and any(rows[-1]):
                rows.append([])
            continue
        for _ in range(min(int(_ods_attr(tr, "number-rows-repeated") or 1), limits.max_rows_per_sheet + 1)):
            merges.extend((len(rows), c0, len(rows) + rs - 1, c0 + cs - 1) for c0, rs, cs in spans)
            rows.append(list(cells))
        width = max(width, len(cells))
        _check_extent(_ods_attr(table, "name"), len(rows), width, limits)
    return _ods_attr(table, "name") or "Sheet", rows, merges


def _ods_row(tr) -> tuple[list[str], list[tuple[int, int, int]]]:
    from odf import teletype
    from odf.text import P

    cells: list[str] = []
    spans = []
    blanks = 0
    for node in tr.childNodes:
        if getattr(node, "qname", (None, None))[1] not in ("table-cell", "covered-table-cell"):
            continue
        repeat = int(_ods_attr(node, "number-columns-repeated") or 1)
        text = clean(" ".join(teletype.extractText(p) for p in node.getElementsByType(P)))
        if not text:
            blanks += repeat  # trailing blanks are never materialised
            continue
        if len(cells) + blanks + repeat > _MAX_COLUMNS:
            raise ParseError(f"sheet row wider than {_MAX_COLUMNS:,} columns")
        cells.extend([""] * blanks + [text] * repeat)
        blanks = 0
        cs, rs = int(_ods_attr(node, "number-columns-spanned") or 1), int(_ods_attr(node, "number-rows-spanned") or 1)
        if cs > 1 or rs > 1:
            spans.append((len(cells) - 1, rs, cs))
    return cells, spans


def _ods_attr(node, attr: str) -> str | None:
    from odf.namespaces import TABLENS

    return node.attributes.get((TABLENS, attr))


def _extract(name: str, sheets) -> Extracted:
    blocks = []
    for title, rows, merges in sheets:
        spread_merges(rows, merges)
        found = grids_from_rows(rows, f"{name}#sheet={title}")
        asked = question_number(str(title))  # a sheet per question: "Q1", "Question 2", "Q3a"
        if asked:
            found = [replace(b, question=asked) if isinstance(b, Grid) and b.question is None and not any(
                map(question_number, b.above)) else b for b in found]
        blocks.extend(found)
    return Extracted(blocks=tuple(blocks))


def display(value: object, number_format: str | None) -> str:
    """A cell as the user sees it: 1055 not 1055.0, 0.125 under a % format as 12.5%."""
    fmt = (number_format or "General").split(";")[0]
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (datetime, date, time)):
        return _date_text(value, fmt)
    if isinstance(value, (int, float)):
        return _number_text(value, fmt)
    return joined_thousands(clean(value))  # "1 234" stored as text


def _number_text(value: float, fmt: str) -> str:
    places = _decimal_places(fmt)
    if "%" in fmt:
        return f"{_half_up(value * 100, places)}%"
    if places:
        return _half_up(value, places)
    if float(value).is_integer():
        return str(int(value))
    if re.search(r"[0#]", fmt.split('"')[-1] if '"' in fmt else fmt):  # '"£"#,##0', "0": shown as a whole number
        return _half_up(value, 0)
    return f"{value:.15g}"


def _half_up(value: float, places: int) -> str:
    """Rounded as Excel shows it: halves away from zero (10.25 to one place is 10.3, not 10.2)."""
    from decimal import ROUND_HALF_UP, Decimal

    return str(Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def _decimal_places(fmt: str) -> int:
    if "." not in fmt:
        return 0
    tail = fmt.split(".", 1)[1]
    return len(tail) - len(tail.lstrip("0#"))


def _date_text(value, fmt: str) -> str:
    """A date as its cell's format shows it ("mmm-yy" -> "Jan-24", "dd/mm/yyyy" -> "01/04/2023");
    ISO 8601 for a time, a General cell or a format not made of day, month and year."""
    if fmt.lower() in ("mm-dd-yy", "m/d/yy", "m/d/yyyy"):  # Excel's built-in short date (numFmtId 14): the
        fmt = "dd/mm/yyyy"  # reader's locale decides its order, and a UK force's Excel shows 31/01/2023
    shown = _strftime(fmt) if isinstance(value, (datetime, date)) and not isinstance(value, time) else None
    if shown:
        return value.strftime(shown)
    if isinstance(value, datetime) and value.time() == time(0):
        return value.date().isoformat()
    return value.isoformat()


_DATE_TOKENS = re.compile(r"yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|[-/ .,]|\\.|\"[^\"]*\"", re.IGNORECASE)
_STRFTIME = {"yyyy": "%Y", "yy": "%y", "mmmm": "%B", "mmm": "%b", "mm": "%m", "m": "%-m", "dddd": "%A",
             "ddd": "%a", "dd": "%d", "d": "%-d"}


def _strftime(fmt: str) -> str | None:
    """The strftime pattern of an Excel date format, or None (a time, or tokens not known here)."""
    fmt = re.sub(r"^\[\$[^\]]*\]|\[[^\]]*\]", "", fmt).strip()  # "[$-809]dd/mm/yyyy", "[Red]"
    if not fmt or fmt.lower() == "general" or re.search(r"[hs]", fmt, re.IGNORECASE):
        return None
    out, at = [], 0
    for token in _DATE_TOKENS.finditer(fmt):
        if token.start() != at:
            return None
        text = token.group(0)
        out.append(_STRFTIME.get(text.lower()) or (text[1:] if text[0] == "\\" else text.strip('"')))
        at = token.end()
    return "".join(out) if at == len(fmt) and any(t.startswith("%") for t in out) else None


def _check_sheets(count: int, limits: Limits) -> None:
    if count > limits.max_sheets:
        raise ParseError(f"workbook has {count} sheets, over the {limits.max_sheets}-sheet limit")


def _check_extent(title: str, n_rows: int, n_cols: int, limits: Limits) -> None:
    if n_rows > limits.max_rows_per_sheet:
        raise ParseError(f"sheet {title} has {n_rows:,} rows, over the {limits.max_rows_per_sheet:,}-row limit")
    if n_rows * n_cols > limits.max_cells:
        raise ParseError(f"sheet {title} has {n_rows * n_cols:,} cells, over the {limits.max_cells:,}-cell limit")


def _short(exc: Exception) -> str:
    return " ".join(str(exc).split())[:120] or type(exc).__name__
