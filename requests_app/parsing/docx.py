"""DOCX replies: paragraphs as text, tables as grids, in document order."""
from __future__ import annotations

import io

from requests_app.parsing.csv_reader import clean, spread_merges
from requests_app.parsing.model import Extracted, Grid, Limits, ParseError, TextBlock
from requests_app.parsing.xlsx import open_zip

_ABOVE_LINES = 8


def read_docx(data: bytes, name: str, limits: Limits) -> Extracted:
    import docx

    open_zip(data, limits)
    try:
        document = docx.Document(io.BytesIO(data))
        items = list(document.iter_inner_content())
        header, footer = _margins(document)
    except Exception as exc:  # python-docx raises KeyError, XML and zip errors for a broken file
        raise ParseError(f"corrupt DOCX: {' '.join(str(exc).split())[:120] or type(exc).__name__}") from None
    blocks = _blocks(items, name, limits)
    # The letterhead in the page header often holds the reference and date: read before the body.
    return Extracted(blocks=tuple(([TextBlock(header, name)] if header else []) + blocks
                                  + ([TextBlock(footer, name)] if footer else [])))


def _margins(document) -> tuple[str, str]:
    """The text of the page headers and footers (each distinct paragraph once)."""
    header: dict[str, None] = {}
    footer: dict[str, None] = {}
    for section in document.sections:
        for part, seen in ((section.header, header), (section.footer, footer)):
            if part.is_linked_to_previous and seen:
                continue
            for paragraph in part.paragraphs:
                text = " ".join(paragraph.text.split())
                if text:
                    seen[text] = None
    return "\n".join(header), "\n".join(footer)


def _blocks(items: list, source: str, limits: Limits) -> list[TextBlock | Grid]:
    """Paragraphs since the last table become a TextBlock, and the table's `above`. A table
    that holds tables in its cells is layout: its cells are read in turn, as the body is."""
    from docx.table import Table

    blocks: list[TextBlock | Grid] = []
    lines: list[str] = []
    cells_seen = 0

    def walk(items: list, depth: int) -> None:
        nonlocal lines, cells_seen
        for item in items:
            if not isinstance(item, Table):
                lines.append(" ".join(item.text.split()))
                continue
            if depth < limits.max_depth and _holds_tables(item):
                for cell in _unique_cells(item):
                    walk(list(cell.iter_inner_content()), depth + 1)
                continue
            cells = _cells(item)
            cells_seen += sum(len(r) for r in cells)
            if cells_seen > limits.max_cells:
                raise ParseError(f"DOCX tables hold over {limits.max_cells:,} cells, the limit")
            _flush(blocks, lines, source)
            if any(any(r) for r in cells):
                above = tuple(line for line in lines if line)[-_ABOVE_LINES:]
                blocks.append(Grid(cells=cells, source=source, above=above))
            lines = []

    walk(items, 0)
    _flush(blocks, lines, source)
    return blocks


def _holds_tables(table) -> bool:
    return any(cell.tables for row in table.rows for cell in row.cells)


def _unique_cells(table) -> list:
    """Each cell once, row by row (python-docx repeats a merged cell in every position it spans)."""
    seen, cells = set(), []
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(cell)
    return cells


def _flush(blocks: list, lines: list[str], source: str) -> None:
    text = "\n".join(lines).strip("\n")
    if text:
        blocks.append(TextBlock(text, source))


def _cells(table) -> tuple[tuple[str, ...], ...]:
    """python-docx repeats a merged cell in every grid column and row it spans: keep the
    text in the top-left position, then spread horizontally merged header text again."""
    rows: list[list[str]] = []
    merges = []
    previous: list = []
    for r, row in enumerate(table.rows):
        cells = row.cells
        tcs = [cell._tc for cell in cells]
        texts = []
        for c, tc in enumerate(tcs):
            repeat = (c > 0 and tcs[c - 1] is tc) or (c < len(previous) and previous[c] is tc)
            texts.append("" if repeat else clean(cells[c].text))
            if not repeat and c + 1 < len(tcs) and tcs[c + 1] is tc:
                merges.append((r, c, r, c + sum(1 for t in tcs[c + 1:] if t is tc)))
        rows.append(texts)
        previous = tcs
    spread_merges(rows, merges)
    return tuple(tuple(r) for r in rows)
