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
    except Exception as exc:  # python-docx raises KeyError, XML and zip errors for a broken file
        raise ParseError(f"corrupt DOCX: {' '.join(str(exc).split())[:120] or type(exc).__name__}") from None
    return Extracted(blocks=tuple(_blocks(items, name, limits)))


def _blocks(items: list, source: str, limits: Limits) -> list[TextBlock | Grid]:
    """Paragraphs since the last table become a TextBlock, and the table's `above`."""
    from docx.table import Table

    blocks: list[TextBlock | Grid] = []
    lines: list[str] = []
    cells_seen = 0
    for item in items:
        if not isinstance(item, Table):
            lines.append(" ".join(item.text.split()))
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
    _flush(blocks, lines, source)
    return blocks


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
