"""PDF replies: ruled tables as grids, the rest of each page as text that keeps columns apart.

The page text is rebuilt from word positions: a word space stays one space and a column
gap becomes two or more, so text.find_grids() can still split a table aligned by spaces.
pdfplumber's own layout=True maps x to a fixed character width, and long labels in a
proportional font then push the figures after them into single spaces.
"""
from __future__ import annotations

import io
import time
from dataclasses import replace

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from requests_app.parsing.model import Extracted, Grid, Limits, ParseError, TextBlock
from requests_app.parsing.values import is_value_like

_ABOVE_LINES = 5
_SAME_LINE = 0.4  # of the font size: words this close vertically are on one line
_COLUMN_GAP = 0.4  # of the font size


def read_pdf(data: bytes, name: str, limits: Limits) -> Extracted:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > limits.max_pages:
                raise ParseError(f"PDF has {len(pdf.pages)} pages, over the {limits.max_pages}-page limit")
            blocks: list[TextBlock | Grid] = []
            started = time.monotonic()
            for n, page in enumerate(pdf.pages, start=1):
                if time.monotonic() - started > limits.seconds:
                    raise ParseError(f"PDF took longer than the {limits.seconds:g}-second limit to read")
                _add_page(blocks, _page_blocks(page, f"{name}#page={n}"))
            return Extracted(blocks=tuple(blocks))
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


def _page_blocks(page, source: str) -> list[TextBlock | Grid]:
    tables = page.find_tables()
    words = [w for w in page.extract_words(x_tolerance=1.5, y_tolerance=3)
             if not any(_inside(w, t.bbox) for t in tables)]  # cheaper than page.filter()
    lines = _lines(words)
    blocks: list[TextBlock | Grid] = []
    text = _layout_text(lines)
    if text:
        blocks.append(TextBlock(text, source))
    for table in tables:
        cells = tuple(tuple(_cell(c) for c in row) for row in table.extract())
        if any(any(row) for row in cells):
            blocks.append(Grid(cells=cells, source=source, above=_above(lines, table.bbox)))
    return blocks


def _add_page(blocks: list, page_blocks: list) -> None:
    """Append a page's blocks; a ruled table carried over from the page before joins it."""
    previous = next((b for b in reversed(blocks) if isinstance(b, Grid)), None)
    first = next((b for b in page_blocks if isinstance(b, Grid)), None)
    if previous is not None and first is not None and _continues(previous, first):
        rows = first.cells[1:] if first.cells[0] == previous.cells[0] else first.cells  # header repeated
        blocks[blocks.index(previous)] = replace(previous, cells=previous.cells + rows)
        page_blocks = [b for b in page_blocks if b is not first]
    blocks.extend(page_blocks)


def _continues(previous: Grid, grid: Grid) -> bool:
    """The same columns, at the top of the page (nothing but a page header above it), and
    either the header repeated or straight into figures."""
    if len(grid.above) > 2 or not grid.cells or len(grid.cells[0]) != len(previous.cells[0]):
        return False
    head = grid.cells[0]
    return head == previous.cells[0] or all(is_value_like(c) for c in head[1:] if c) and any(head[1:])


def _inside(obj: dict, bbox: tuple) -> bool:
    if "x0" not in obj or "top" not in obj:
        return False
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _cell(value: str | None) -> str:
    return " ".join((value or "").split())


def _layout_text(lines: list[list[dict]]) -> str:
    """The page's text line by line: words a space apart stay one phrase, a wider gap
    (a column gap) becomes a run of 2+ spaces, a paragraph gap a blank line."""
    spans = [(min(w["top"] for w in line), max(w["bottom"] for w in line)) for line in lines]
    gaps = sorted(b[0] - a[1] for a, b in zip(spans, spans[1:]))
    usual = gaps[len(gaps) // 2] if gaps else 0.0
    out: list[str] = []
    for k, line in enumerate(lines):
        if k and spans[k][0] - spans[k - 1][1] > max(2 * usual, 0.5 * (spans[k][1] - spans[k][0])):
            out.append("")
        out.append(_join(line))
    return "\n".join(out)


def _lines(words: list[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(word["top"] - lines[-1][0]["top"]) <= _SAME_LINE * (word["bottom"] - word["top"]):
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _join(line: list[dict]) -> str:
    parts = [line[0]["text"]]
    for left, right in zip(line, line[1:]):
        size = max(left["bottom"] - left["top"], 1.0)
        gap = right["x0"] - left["x1"]
        # A word space is about a quarter of the font size; a column gap is wider.
        parts.append(" " if gap < _COLUMN_GAP * size else " " * max(2, round(gap / (0.5 * size))))
        parts.append(right["text"])
    return "".join(parts)


def _above(lines: list[list[dict]], bbox: tuple) -> tuple[str, ...]:
    """The last few text lines between the top of the page and the table."""
    above = [" ".join(w["text"] for w in line) for line in lines if max(w["bottom"] for w in line) <= bbox[1]]
    return tuple(line for line in above if line)[-_ABOVE_LINES:]
