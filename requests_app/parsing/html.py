"""HTML (mostly e-mail bodies): data tables as grids, everything else as running text.

E-mail HTML nests tables for layout; only an innermost table with at least two rows
and two columns is data. Outer layout tables are read as text, cell by cell.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, NavigableString

from requests_app.parsing.csv_reader import clean, spread_merges
from requests_app.parsing.model import Extracted, Grid, Limits, ParseError, TextBlock

_BLOCK = ["address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt", "fieldset",
          "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
          "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"]
_DROP = ["script", "style", "head", "noscript", "template", "svg"]
_MARK = "\x00table{}\x00"
_MARK_SPLIT = re.compile("\x00table(\\d+)\x00")
_ABOVE_LINES = 8
_MAX_SPAN = 1000


def read_html(data: bytes | str, name: str, limits: Limits, source: str | None = None) -> Extracted:
    """`source` names the tables and text ("body" for an e-mail body); the file name by default."""
    from requests_app.parsing.csv_reader import decode_text

    markup = data if isinstance(data, str) else decode_text(data)
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(_DROP):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    tables = [_table_cells(t, limits) for t in _data_tables(soup)]
    if sum(len(row) for cells in tables for row in cells) > limits.max_cells:
        raise ParseError(f"HTML tables hold over {limits.max_cells:,} cells, the limit")
    return Extracted(blocks=tuple(_blocks(_text(soup), tables, source or name)))


def _data_tables(soup) -> list:
    """Innermost tables with 2+ rows and 2+ columns, each replaced in the soup by a marker."""
    found = []
    for table in soup.find_all("table"):
        rows = table.find_all("tr")
        if table.find("table") or len(rows) < 2 or max(len(_row_cells(r)) for r in rows) < 2:
            continue
        table.replace_with(NavigableString(_MARK.format(len(found))))
        found.append(table)
    return found


def _row_cells(tr) -> list:
    return tr.find_all(["td", "th"], recursive=False)


def _table_cells(table, limits: Limits) -> tuple[tuple[str, ...], ...]:
    """Cells with colspan and rowspan expanded: the text in the top-left position."""
    rows = table.find_all("tr")
    placed: dict[tuple[int, int], str] = {}
    merges = []
    for r, tr in enumerate(rows):
        c = 0
        for cell in _row_cells(tr):
            while (r, c) in placed:
                c += 1
            cols, height = _span(cell, "colspan"), min(_span(cell, "rowspan"), len(rows) - r)
            for dr in range(height):
                for dc in range(cols):
                    placed[(r + dr, c + dc)] = ""
            placed[(r, c)] = clean(cell.get_text(" "))
            if cols > 1 or height > 1:
                merges.append((r, c, r + height - 1, c + cols - 1))
            c += cols
        if len(placed) > limits.max_cells:
            raise ParseError(f"HTML table holds over {limits.max_cells:,} cells, the limit")
    width = max((c for _, c in placed), default=-1) + 1
    grid = [[placed.get((r, c), "") for c in range(width)] for r in range(len(rows))]
    spread_merges(grid, merges)
    return tuple(tuple(row) for row in grid if any(row))


def _span(cell, attr: str) -> int:
    try:
        return max(1, min(int(str(cell.get(attr, "1")).strip()), _MAX_SPAN))
    except ValueError:
        return 1


def _text(soup) -> str:
    """The soup's text with HTML whitespace collapsed and block elements on their own lines."""
    for string in soup.find_all(string=True):
        if not string.find_parent("pre"):
            string.replace_with(re.sub(r"\s+", " ", str(string)))
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_BLOCK):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = [line.strip() for line in soup.get_text().split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _blocks(text: str, tables: list, source: str) -> list[TextBlock | Grid]:
    """Text between table markers becomes TextBlocks; the lines before a table its `above`."""
    parts = _MARK_SPLIT.split(text)
    blocks: list[TextBlock | Grid] = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            part = part.strip("\n")
            if part:
                blocks.append(TextBlock(part, source))
            continue
        lines = [line for line in parts[i - 1].split("\n") if line.strip()]
        cells = tables[int(part)]
        if cells:
            blocks.append(Grid(cells=cells, source=source, above=tuple(lines[-_ABOVE_LINES:])))
    return blocks
