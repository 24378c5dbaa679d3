"""HTML (mostly e-mail bodies): data tables as grids, everything else as running text.

E-mail HTML nests tables for layout; only an innermost table with at least two rows
and two columns is data. Outer layout tables are read as text, cell by cell.
"""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, CData, NavigableString

from requests_app.parsing.csv_reader import clean, spread_merges
from requests_app.parsing.model import Extracted, Grid, Limits, ParseError, TextBlock
from requests_app.parsing.values import joined_thousands

_BLOCK = ["address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt", "fieldset",
          "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
          "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"]
_DROP = ["script", "style", "head", "noscript", "template", "svg"]
_NEWLINE = object()
_MARK = "\x00table{}\x00"
_MARK_SPLIT = re.compile("\x00table(\\d+)\x00")
_ABOVE_LINES = 8
_MAX_SPAN = 1000


def read_html(data: bytes | str, name: str, limits: Limits, source: str | None = None) -> Extracted:
    """`source` names the tables and text ("body" for an e-mail body); the file name by default."""
    from requests_app.parsing.csv_reader import decode_text

    markup = data if isinstance(data, str) else decode_text(data)
    soup = BeautifulSoup(markup, "html.parser")
    found = _data_tables(soup)
    captions = [_caption(t) for t in found]  # read before the cells: <caption> is no row
    tables = [_table_cells(t, limits) for t in found]
    if sum(len(row) for cells in tables for row in cells) > limits.max_cells:
        raise ParseError(f"HTML tables hold over {limits.max_cells:,} cells, the limit")
    return Extracted(blocks=tuple(_blocks(_text(soup), tables, source or name, captions)))


def _caption(table) -> str | None:
    caption = table.find("caption", recursive=False)
    text = " ".join(caption.get_text(" ").split()) if caption is not None else ""
    return text or None


def _data_tables(soup) -> list:
    """Innermost tables with 2+ rows and 2+ columns, each replaced in the soup by a marker."""
    tables = soup.find_all("table")
    outer = {id(t.find_parent("table")) for t in tables}
    found = []
    for table in tables:
        if id(table) in outer or table.find_parent(_DROP):
            continue
        rows = table.find_all("tr")
        if len(rows) < 2 or max(len(_row_cells(r)) for r in rows) < 2:
            continue
        table.replace_with(NavigableString(_MARK.format(len(found))))
        found.append(table)
    return found


def _row_cells(tr) -> list:
    return tr.find_all(["td", "th"], recursive=False)


def _table_cells(table, limits: Limits) -> tuple[tuple[str, ...], ...]:
    """Cells with colspan and rowspan expanded: the text in the top-left position."""
    rows = table.find_all("tr")
    foot = table.find("tfoot")
    if foot is not None:  # written before the body (HTML 4) or after it: shown last
        footer = [tr for tr in rows if tr.find_parent("tfoot") is foot]
        rows = [tr for tr in rows if tr.find_parent("tfoot") is not foot] + footer
    for mark in table.find_all("sup"):
        if len(mark.get_text(strip=True)) <= 3:
            mark.decompose()  # a footnote mark: "6<sup>2</sup>" is 6
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
            placed[(r, c)] = joined_thousands(clean(_text(cell)))  # ("Stalk<span>ing</span>" is one word)
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
    """The text with HTML whitespace collapsed and block elements on lines of their own.

    An explicit stack, not recursion or tree edits: both cost time by the nesting depth."""
    out: list[str] = []
    stack: list = [soup]
    while stack:
        node = stack.pop()
        if node is _NEWLINE or getattr(node, "name", None) == "br":
            out.append("\n")
        elif isinstance(node, NavigableString):
            if type(node) in (NavigableString, CData):
                out.append(re.sub(r"\s+", " ", str(node)))
        elif node.name == "pre":
            out.append(f"\n{node.get_text()}\n")
        elif node.name not in _DROP:
            if node.name in _BLOCK:
                out.append("\n")
                stack.append(_NEWLINE)
            stack.extend(reversed(node.contents))
    lines = [line.strip() for line in "".join(out).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def _blocks(text: str, tables: list, source: str, captions: list | None = None) -> list[TextBlock | Grid]:
    """Text between table markers becomes TextBlocks; the lines before a table its `above`,
    its <caption> its title."""
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
            blocks.append(Grid(cells=cells, source=source, above=tuple(lines[-_ABOVE_LINES:]),
                               title=captions[int(part)] if captions else None))
    return blocks
