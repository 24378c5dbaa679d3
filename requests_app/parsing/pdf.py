"""PDF replies: ruled tables as grids, the rest of each page as text that keeps columns apart.

The page text is rebuilt from word positions: a word space stays one space and a column
gap becomes two or more, so text.find_grids() can still split a table aligned by spaces.
pdfplumber's own layout=True maps x to a fixed character width, and long labels in a
proportional font then push the figures after them into single spaces.

A table that runs on over a page break is read as one table, ruled or aligned by spaces.
When a page ends with a table (nothing below it but page furniture: footers, page numbers,
protective markings) and the next page opens with a table (nothing above it but furniture)
that _continues() it, the two are one: a ruled table's rows are added to the grid begun on
the earlier page; an aligned table's lines move into the earlier page's text, straight after
the table's last row, so that text.find_grids() reads the rows as one run. A header row
printed again at the top of the page is dropped either way.
"""
from __future__ import annotations

import io
import re
import time
from collections import Counter
from dataclasses import dataclass, field, replace

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from requests_app.parsing.model import Extracted, Grid, Limits, ParseError, TextBlock
from requests_app.parsing.tables import is_header_like
from requests_app.parsing.text import _MARKING, _PAGE_NUMBER, find_grids
from requests_app.parsing.text import _cells as text_cells
from requests_app.parsing.values import is_value_like
from requests_app.questions import question_number

_ABOVE_LINES = 5
_SAME_LINE = 0.4  # of the font size: words this close vertically are on one line
_COLUMN_GAP = 0.4  # of the font size
_CHAR_UNIT = 0.4  # of the font size: a character column of the rebuilt text (narrower than most characters)
_EDGE_LINES = 4  # lines at the top and at the foot of a page where its header and footer sit
_MAX_HEADER_ROWS = 3
_PAGE_OF = re.compile(r"\bpage\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?", re.IGNORECASE)
_CONTINUED = re.compile(r"\(\s*(?:continued|cont['’]?d\.?)\s*\)|^\W*(?:continued|cont['’]?d)\b|"
                        r"\b(?:continued|cont['’]?d)(?:\s+(?:overleaf|below|on next page))?\W*$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d{2}(?:\s*[/-]\s*(?:\d{2}|\d{4}))?$")
_RULE = re.compile(r"^[\s|+:=-]*-{3,}[\s|+:=-]*$")


def read_pdf(data: bytes, name: str, limits: Limits) -> Extracted:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > limits.max_pages:
                raise ParseError(f"PDF has {len(pdf.pages)} pages, over the {limits.max_pages}-page limit")
            pages: list[_Page] = []
            started = time.monotonic()
            for n, page in enumerate(pdf.pages, start=1):
                if time.monotonic() - started > limits.seconds:
                    raise ParseError(f"PDF took longer than the {limits.seconds:g}-second limit to read")
                pages.append(_read_page(page, f"{name}#page={n}"))
            return Extracted(blocks=tuple(_blocks(pages)))
    except ParseError:
        raise
    except Exception as exc:  # pdfminer raises many types for a broken file; none may escape as a traceback
        raise _pdf_error(exc) from None


def _pdf_error(exc: Exception) -> ParseError:
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
        return ParseError("encrypted PDF")
    detail = " ".join(str(cause).split())[:120] or type(cause).__name__
    return ParseError(f"corrupt PDF: {detail}")


# --- pages --------------------------------------------------------------------------------

@dataclass
class _Ruled:
    grid: Grid
    top: float
    bottom: float
    kept: bool = True  # False once its rows have joined the table it continues


@dataclass
class _Page:
    source: str
    lines: list[str]  # the page text outside its ruled tables, line by line ("" between paragraphs)
    tops: list[float]  # where each line starts down the page (a blank line: where the next one does)
    ruled: list[_Ruled]
    furniture: list[bool] = field(default_factory=list)  # page header or footer, page number, marking
    _grids: list[Grid] | None = None

    def grids(self) -> list[Grid]:
        """The aligned tables in the page text as read (worked out only for a page that needs it)."""
        if self._grids is None:
            self._grids = find_grids("\n".join(self.lines), self.source)
        return self._grids

    def content(self) -> list[int]:
        """The lines that are neither blank nor page furniture."""
        return [i for i, line in enumerate(self.lines) if line and not self.furniture[i]]


@dataclass
class _Tail:
    """The table the document so far ends with, which the next page may continue."""

    grid: Grid  # its first part: the header and the number of columns to compare with
    ruled: _Ruled | None = None  # a ruled table, or
    page: _Page | None = None  # the page whose text holds an aligned one,
    at: int = 0  # the index there of the line with its last row,
    first_line: str = ""  # and its first line as printed (to read a lone carried-over row under)
    lone: bool = False  # only a header row, left at the foot of the page


def _shading(obj: dict) -> bool:
    """A filled, unstroked box larger than a rule: cell shading, whose edges are no table ruling
    (a border drawn as a thin filled box is kept)."""
    return (obj.get("object_type") == "rect" and bool(obj.get("fill")) and not obj.get("stroke")
            and obj.get("width", 0) > 2 and obj.get("height", 0) > 2)


def _read_page(page, source: str) -> _Page:
    if any(map(_shading, page.rects)):  # Word's and Excel's cell shading: not ruling
        page = page.filter(lambda obj: not _shading(obj))
    tables = page.find_tables()
    words = [w for w in page.extract_words(x_tolerance=1.5, y_tolerance=3)
             if not any(_inside(w, t.bbox) for t in tables)]  # cheaper than page.filter()
    lines = _lines(words)
    text, tops = _layout_lines(lines)
    ruled = []
    for table in tables:
        cells = _spread_merged(table.extract())
        if any(any(row) for row in cells):
            ruled.append(_Ruled(Grid(cells=cells, source=source, above=_above(lines, table.bbox)),
                                table.bbox[1], table.bbox[3]))
    return _Page(source, text, tops, ruled)


def _blocks(pages: list[_Page]) -> list[TextBlock | Grid]:
    """Each page's text and ruled tables in the order they stand down the page, with tables
    carried over page breaks joined. Each piece of text knows the question asked before it (on
    this page or an earlier one), and so does a ruled table with no question heading above it."""
    _mark_furniture(pages)
    tail: _Tail | None = None
    for page in pages:
        tail = _join_page(page, tail)
    blocks: list[TextBlock | Grid] = []
    question: str | None = None
    furniture: list[str] = []
    if len(pages) > 1:  # a sentence runs on over the page break: footers, page numbers and markings go last
        for page in pages:
            for i, line in enumerate(page.lines):
                if page.furniture[i] and not _lifted(line):
                    page.furniture[i] = False  # a table's heading repeated at the top of every page stays
            furniture += [line for line, mark in zip(page.lines, page.furniture) if mark]
            _lift_furniture(page)

    def text(lines: list[str], source: str) -> None:
        nonlocal question
        if any(lines):
            blocks.append(TextBlock("\n".join(lines), source, question))
            question = next((q for q in map(question_number, reversed(lines)) if q), question)

    for page in pages:
        start = 0
        for ruled in sorted((r for r in page.ruled if r.kept), key=lambda r: r.top):
            end = start
            while end < len(page.lines) and page.tops[end] < ruled.top:
                end += 1
            text(page.lines[start:end], page.source)
            start = end
            grid = ruled.grid
            own = next((q for q in map(question_number, reversed(grid.above)) if q), None)
            if own is None and grid.question is None and question is not None:
                grid = replace(grid, question=question)
            question = own or question
            blocks.append(grid)
        text(page.lines[start:], page.source)
    if furniture:  # still read for facts: a footer may carry the reference and the date
        blocks.append(TextBlock("\n".join(furniture), pages[0].source, tables=False))
    return blocks


def _lifted(line: str) -> bool:
    """Furniture that leaves the page's text: a page number, a marking, a line naming its page,
    or one that cannot be a table's row ("Ward   2022   2023" atop every page can)."""
    return _is_mark(line) or _PAGE_OF.search(line) is not None or not _tabular(line)


def _lift_furniture(page: _Page) -> None:
    """The page's lines without its furniture, and without the blank lines that then begin and
    end it (so that the last paragraph of a page and the first of the next are one)."""
    keep = [i for i, mark in enumerate(page.furniture) if not mark]
    while keep and not page.lines[keep[0]]:
        keep.pop(0)
    while keep and not page.lines[keep[-1]]:
        keep.pop()
    page.lines = [page.lines[i] for i in keep]
    page.tops = [page.tops[i] for i in keep]
    page.furniture = [False] * len(keep)


def _mark_furniture(pages: list[_Page]) -> None:
    """Page numbers, protective markings and '(continued)' lines, and lines that recur at the
    top or at the foot of two or more pages (page headers and footers: 'Page 2 of 3' and
    'Page 3 of 3' count as the same line)."""
    edges = []
    seen: Counter = Counter()
    for page in pages:
        filled = [i for i, line in enumerate(page.lines) if line]
        edge = {i: _repeat_key(page.lines[i]) for i in {*filled[:_EDGE_LINES], *filled[-_EDGE_LINES:]}}
        edges.append(edge)
        seen.update(set(edge.values()))
    for page, edge in zip(pages, edges):
        page.furniture = [bool(line) and _is_mark(line) for line in page.lines]
        for i, key in edge.items():
            if seen[key] >= 2 and question_number(page.lines[i]) is None:
                page.furniture[i] = True


def _repeat_key(line: str) -> str:
    return _PAGE_OF.sub("page #", " ".join(line.split()).lower())


def _is_mark(line: str) -> bool:
    stripped = line.strip()
    return bool(_MARKING.match(stripped) or _PAGE_NUMBER.match(stripped)
                or (len(stripped) <= 80 and _CONTINUED.search(stripped)))


# --- page breaks --------------------------------------------------------------------------

def _join_page(page: _Page, tail: _Tail | None) -> _Tail | None:
    """Join the table `page` opens with to `tail` when it continues it; the table the
    document now ends with."""
    lines = page.content()
    items = sorted([*((page.tops[i], i) for i in lines), *((r.top, r) for r in page.ruled)], key=lambda t: t[0])
    items = [item for _, item in items]
    if not items:
        return tail  # a page of furniture only
    used: set[int] = set()  # lines of an aligned table's continuation, leaving this page
    first = items[0]
    if tail is not None and tail.ruled is not None and isinstance(first, _Ruled):
        if _continues(tail.grid, first.grid):
            cells = tail.ruled.grid.cells
            rows = first.grid.cells[_repeated(cells, first.grid.cells):]  # a repeated header dropped
            tail.ruled.grid = replace(tail.ruled.grid, cells=cells + rows)
            first.kept = False
            items = items[1:]
    elif tail is not None and tail.page is not None and isinstance(first, int):
        opening = _opening(page, tail)
        if opening is not None and (_continues(tail.grid, opening[0]) or _heads(tail, opening[0], page, opening[1])):
            grid, rows, skipped = opening
            moved = [page.lines[i] for i in rows[_repeated(tail.grid.cells, grid.cells):]]
            tail.page.lines[tail.at + 1:tail.at + 1] = moved
            tail.page.tops[tail.at + 1:tail.at + 1] = [tail.page.tops[tail.at]] * len(moved)  # where its rows end
            tail.page.furniture[tail.at + 1:tail.at + 1] = [False] * len(moved)
            tail.at += len(moved)
            used = {*rows, *skipped}
            items = [item for item in items if not (isinstance(item, int) and item <= max(used))]
    if not items:
        new_tail = tail  # the page held nothing but the table carried over: it may go on
    else:
        new_tail = _closing(page, items[-1], used)
    if used:
        page.lines = [line for i, line in enumerate(page.lines) if i not in used]
        page.tops = [top for i, top in enumerate(page.tops) if i not in used]
        page.furniture = [mark for i, mark in enumerate(page.furniture) if i not in used]
    return new_tail


def _heads(tail: _Tail, grid: Grid, page: _Page, rows: list[int]) -> bool:
    """A lone header with no label heading (set in from the rows' labels) over rows that have
    one more column, the labels: its table goes on overleaf."""
    return (tail.lone and bool(grid.cells) and _width(grid.cells) == _width(tail.grid.cells) + 1
            and _indent(tail.first_line) > _indent(page.lines[rows[0]]) and _continues(
                replace(tail.grid, cells=(("", *tail.grid.cells[0]),)), grid))


def _continues(previous: Grid, grid: Grid) -> bool:
    """Whether `grid`, at the top of a page, carries on `previous`, which ended the page before:
    the same number of columns, and either the header printed again or straight into figures
    (not another header: a row of years is one when they run on, 2019 2020 2021, or when the
    table's own header is years too)."""
    if not grid.cells or not previous.cells or _width(grid.cells) != _width(previous.cells):
        return False
    if _repeated(previous.cells, grid.cells):
        return True
    values = [c for c in grid.cells[0][1:] if c]
    if not values or not all(is_value_like(c) for c in values):
        return False
    if not all(_YEAR.match(c) for c in values):
        return True
    head = [c for c in previous.cells[0][1:] if c]
    years = [int(c[:4]) for c in values]
    running = len(years) > 1 and all(b == a + 1 for a, b in zip(years, years[1:]))  # 2017 2018 2019
    return not running and not (head and all(_YEAR.match(c) for c in head))


def _repeated(previous: tuple, cells: tuple) -> int:
    """How many of the header rows of `previous` `cells` starts with (a repeated header)."""
    n = 0
    while n < min(_MAX_HEADER_ROWS, len(previous), len(cells)) and cells[n] == previous[n] and _heading(previous[n]):
        n += 1
    return n


def _heading(row: tuple) -> bool:
    """Column headings: some text, or years (which would pass for figures)."""
    values = [c for c in row[1:] if c]
    return bool(values) and (not all(is_value_like(c) for c in values) or all(_YEAR.match(c) for c in values))


def _width(cells: tuple) -> int:
    return max(len(row) for row in cells)


def _opening(page: _Page, tail: _Tail) -> tuple[Grid, list[int], list[int]] | None:
    """The aligned table the page opens with, with nothing but furniture above it: the grid,
    the line of each of its rows, and the lines text.find_grids() skipped among them."""
    first = page.content()[0]
    if not _tabular(page.lines[first]):
        return None
    grids = page.grids()
    span = _span(page, grids[0], 0) if grids else None
    if span is not None:
        return grids[0], *span
    if grids and _key(grids[0].cells[0]) == _key([page.lines[first]]):
        return None  # a table opens the page but text.find_grids() read it differently
    # find_grids() wants two rows; a lone row carried over (a totals row, say) is read under the table's first
    probe = find_grids(f"{tail.first_line}\n{page.lines[first]}", page.source)
    if len(probe) == 1 and len(probe[0].cells) == 2 and _key(probe[0].cells[1]) == _key([page.lines[first]]):
        return replace(probe[0], cells=probe[0].cells[1:]), [first], []
    return None


def _closing(page: _Page, last, used: set[int]) -> _Tail | None:
    """The table the page ends with (`last` being its last ruled table or line), if any."""
    if isinstance(last, _Ruled):
        return _Tail(grid=last.grid, ruled=last)
    if not _tabular(page.lines[last]):
        return None
    grids = page.grids()
    if not grids:
        return _lone_header(page, last, used)
    grid = grids[-1]
    start_key = _key(grid.cells[0])
    for start in range(len(page.lines) - 1, -1, -1):  # where its first row is, from the foot up
        if _key([page.lines[start]]) != start_key or start in used:
            continue
        span = _span(page, grid, start)
        if span is None or span[0][-1] < last or used.intersection(span[0]):
            continue
        at = span[0][-1] - sum(1 for i in used if i < span[0][-1])
        return _Tail(grid=grid, page=page, at=at, first_line=page.lines[start])
    return _lone_header(page, last, used)


def _lone_header(page: _Page, last: int, used: set[int]) -> _Tail | None:
    """A header row left alone at the foot of the page (its table starts overleaf), as the
    table the page ends with: the next page's rows join it when they have its columns."""
    line = page.lines[last]
    cells = text_cells(line, line.strip())
    if not cells or len(cells) < 2 or not is_header_like(cells) or question_number(line):
        return None
    at = last - sum(1 for i in used if i < last)  # the lines carried back to the page before leave this one
    return _Tail(grid=Grid(cells=(tuple(cells),), source=page.source), page=page, at=at, first_line=line, lone=True)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _span(page: _Page, grid: Grid, start: int) -> tuple[list[int], list[int]] | None:
    """The lines holding the grid's rows, in order from `start` (page furniture, blank lines
    and repeats of its header row aside, as text.find_grids() skips them); None when other
    lines come before or between them."""
    keys = [_key(row) for row in grid.cells]
    rows: list[int] = []
    skipped: list[int] = []
    for i in range(start, len(page.lines)):
        line = page.lines[i]
        if not line:
            continue
        key = _key([line])
        if key == keys[len(rows)]:
            rows.append(i)
            if len(rows) == len(keys):
                return rows, skipped
        elif rows and (key == keys[0] or _RULE.match(line)):
            skipped.append(i)
        elif not page.furniture[i]:
            return None
    return None


def _key(cells) -> str:
    return " ".join(" ".join(cells).replace("|", " ").split())


def _tabular(line: str) -> bool:
    """A line that may be a row of an aligned table: a column gap, or a figure at its end."""
    stripped = line.strip()
    return "  " in stripped or is_value_like(stripped.rsplit(" ", 1)[-1])


# --- words to lines -----------------------------------------------------------------------

def _inside(obj: dict, bbox: tuple) -> bool:
    if "x0" not in obj or "top" not in obj:
        return False
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _spread_merged(rows: list[list[str | None]]) -> tuple[tuple[str, ...], ...]:
    """The table's text; in its heading rows (above the first row of figures), a cell a merge
    covers (None from pdfplumber, "" a cell left blank) takes the text of the one it spans from,
    as the spreadsheet readers spread merged headers ("2022" over Arrests and Charges)."""
    out = []
    heading = True
    for row in rows:
        cells = [_cell(c) for c in row]
        heading = heading and not any(is_value_like(c) and not _YEARISH_CELL.match(c) for c in cells[1:] if c)
        if heading and sum(c is not None for c in row) > 1:  # not a title across the whole table
            for j in range(1, len(row)):
                if row[j] is None and cells[j - 1]:
                    cells[j] = cells[j - 1]
        out.append(tuple(cells))
    return tuple(out)


_YEARISH_CELL = re.compile(r"^(?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?$")


def _cell(value: str | None) -> str:
    return " ".join((value or "").split())


def _layout_lines(lines: list[list[dict]]) -> tuple[list[str], list[float]]:
    """The page's text line by line: words a space apart stay one phrase, a wider gap
    (a column gap) becomes a run of 2+ spaces, a paragraph gap a blank line. With each
    line, where it starts down the page."""
    spans = [(min(w["top"] for w in line), max(w["bottom"] for w in line)) for line in lines]
    gaps = sorted(b[0] - a[1] for a, b in zip(spans, spans[1:]))
    usual = gaps[len(gaps) // 2] if gaps else 0.0
    out: list[str] = []
    tops: list[float] = []
    sizes = sorted(w["bottom"] - w["top"] for line in lines for w in line)
    unit = _CHAR_UNIT * max(sizes[len(sizes) // 2], 1.0) if sizes else 1.0  # points per character column
    left = min((line[0]["x0"] for line in lines), default=0.0)
    for k, line in enumerate(lines):
        if k and spans[k][0] - spans[k - 1][1] > max(2 * usual, 0.5 * (spans[k][1] - spans[k][0])):
            out.append("")
            tops.append(spans[k][0])
        out.append(_join(line, left, unit))
        tops.append(spans[k][0])
    return out, tops


def _lines(words: list[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(word["top"] - lines[-1][0]["top"]) <= _SAME_LINE * (word["bottom"] - word["top"]):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _join(line: list[dict], left: float, unit: float) -> str:
    """The words of one line: a word space stays one space, a column gap becomes 2+ spaces
    reaching, where the text so far allows, the character column of the word's x position
    (`unit` points a column, from the page's left edge `left`). So headings printed on two
    lines, or a header with no label heading, stand over their figures in the text as on
    the page, and text.find_grids() can read them by position."""
    first = line[0]
    parts = [" " * round((first["x0"] - left) / unit), first["text"]]
    length = len(parts[0]) + len(first["text"])
    for previous, word in zip(line, line[1:]):
        size = max(previous["bottom"] - previous["top"], 1.0)
        gap = word["x0"] - previous["x1"]
        # A word space is about a quarter of the font size; a column gap is wider.
        spaces = 1 if gap < _COLUMN_GAP * size else max(2, round((word["x0"] - left) / unit) - length)
        parts.append(" " * spaces)
        parts.append(word["text"])
        length += spaces + len(word["text"])
    return "".join(parts)


def _above(lines: list[list[dict]], bbox: tuple) -> tuple[str, ...]:
    """The last few text lines between the top of the page and the table."""
    above = [" ".join(w["text"] for w in line) for line in lines if max(w["bottom"] for w in line) <= bbox[1]]
    return tuple(line for line in above if line)[-_ABOVE_LINES:]
