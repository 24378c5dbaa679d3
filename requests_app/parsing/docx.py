"""DOCX replies: paragraphs as text, tables as grids, in document order.

Text is read from the XML as Word shows it, not from python-docx's `paragraph.text`, which
leaves out content controls (a template's date picker), text boxes and automatic list
numbers: a letterhead's reference and date, and a question's number, are often there.
"""
from __future__ import annotations

import io

from requests_app.parsing.csv_reader import clean, spread_merges
from requests_app.parsing.model import Extracted, Grid, Limits, ParseError, TextBlock
from requests_app.parsing.xlsx import open_zip

_ABOVE_LINES = 8
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_NOT_TEXT = frozenset({f"{_W}pPr", f"{_W}rPr", f"{_W}instrText", f"{_W}delText", f"{_W}del", _MC_FALLBACK})
_BULLETS = frozenset({"bullet", "none"})


def read_docx(data: bytes, name: str, limits: Limits) -> Extracted:
    import docx

    open_zip(data, limits)
    try:
        document = docx.Document(io.BytesIO(data))
        numbering = _Numbering(document)
        items = list(_content(document.element.body, document))
        header, footer = _margins(document, numbering)
    except Exception as exc:  # python-docx raises KeyError, XML and zip errors for a broken file
        raise ParseError(f"corrupt DOCX: {' '.join(str(exc).split())[:120] or type(exc).__name__}") from None
    blocks = _blocks(items, name, limits, numbering)
    # The letterhead in the page header often holds the reference and date: read before the body.
    return Extracted(blocks=tuple(([TextBlock(header, name)] if header else []) + blocks
                                  + ([TextBlock(footer, name)] if footer else [])))


def _content(parent, owner) -> list:
    """The paragraphs (lxml elements) and tables (python-docx Tables) of a body, cell or header
    in order, the contents of block-level content controls included."""
    from docx.table import Table

    items = []
    for child in parent.iterchildren():
        if child.tag == f"{_W}p":
            items.append(child)
        elif child.tag == f"{_W}tbl":
            items.append(Table(child, owner))
        elif child.tag == f"{_W}sdt":
            inner = child.find(f"{_W}sdtContent")
            if inner is not None:
                items.extend(_content(inner, owner))
    return items


def _text(element) -> str:
    """A paragraph's text as Word shows it: runs in content controls, fields, hyperlinks and text
    boxes included, a tab as a tab and a line break as a new line."""
    out: list[str] = []

    def walk(node) -> None:
        for child in node.iterchildren():
            tag = child.tag
            if tag == f"{_W}t":
                out.append(child.text or "")
            elif tag == f"{_W}tab":
                out.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                out.append("\n")
            elif tag not in _NOT_TEXT and isinstance(tag, str):
                walk(child)
                if tag == f"{_W}p":  # a paragraph in a text box
                    out.append("\n")

    walk(element)
    return "".join(out)


def _lines(element, numbering: "_Numbering") -> list[str]:
    """A paragraph as lines: its automatic list number in front ("1. "), tabs kept (a table set
    out with tab stops), other whitespace collapsed."""
    text = numbering.label(element) + _text(element)
    return [" ".join(part.split()) if "\t" not in part else "\t".join(" ".join(c.split()) for c in part.split("\t"))
            for part in text.split("\n")]


def _cell_text(cell) -> str:
    return clean(" ".join(_text(p) for p in cell._tc.iter(f"{_W}p") if p.getparent().tag != f"{_W}txbxContent"))


class _Numbering:
    """Automatic list numbers ("1.", "2." of Word's numbered lists), counted through the document.
    Bullets and lists whose numbering cannot be read give no label."""

    def __init__(self, document):
        self.formats: dict[tuple[str, str], str] = {}
        self.style_numbers: dict[str, tuple[str, str]] = {}
        self.counts: dict[str, list[int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):  # no numbering part: no list is numbered
            return
        abstract = {}
        for item in numbering.findall(f"{_W}abstractNum"):
            levels = {}
            for level in item.findall(f"{_W}lvl"):
                fmt = level.find(f"{_W}numFmt")
                levels[level.get(f"{_W}ilvl")] = fmt.get(f"{_W}val") if fmt is not None else "decimal"
            abstract[item.get(f"{_W}abstractNumId")] = levels
        for num in numbering.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            for level, fmt in abstract.get(ref.get(f"{_W}val") if ref is not None else None, {}).items():
                self.formats[(num.get(f"{_W}numId"), level)] = fmt
        for style in document.styles.element.findall(f"{_W}style"):
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            if num_pr is not None:
                self.style_numbers[style.get(f"{_W}styleId")] = self._ids(num_pr, ("", "0"))

    @staticmethod
    def _ids(num_pr, default: tuple[str, str]) -> tuple[str, str]:
        num_id, level = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
        return (num_id.get(f"{_W}val") if num_id is not None else default[0],
                level.get(f"{_W}val") if level is not None else default[1])

    def label(self, paragraph) -> str:
        if not self.formats:
            return ""
        num_pr = paragraph.find(f"{_W}pPr/{_W}numPr")
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        from_style = self.style_numbers.get(style.get(f"{_W}val")) if style is not None else None
        if num_pr is None and from_style is None:
            return ""
        num_id, level = self._ids(num_pr, from_style or ("", "0")) if num_pr is not None else from_style
        fmt = self.formats.get((num_id, level))
        if fmt is None or fmt in _BULLETS or num_id == "0":
            return ""
        counts = self.counts.setdefault(num_id, [0] * 9)
        depth = min(int(level or 0), 8)
        counts[depth] += 1
        counts[depth + 1:] = [0] * (8 - depth)
        n = counts[depth]
        if fmt in ("lowerLetter", "upperLetter"):
            mark = chr(ord("a") + (n - 1) % 26)
            return f"{mark.upper() if fmt == 'upperLetter' else mark}) "
        if fmt in ("lowerRoman", "upperRoman"):
            return ""  # "(i)" parts: not question numbers
        return f"{n}. "


def _margins(document, numbering: _Numbering) -> tuple[str, str]:
    """The text of the page headers and footers (first-page, even-page and default ones, their
    tables included; each distinct line once)."""
    header: dict[str, None] = {}
    footer: dict[str, None] = {}
    for section in document.sections:
        parts = [(section.header, header), (section.footer, footer)]
        if section.different_first_page_header_footer:
            parts[:0] = [(section.first_page_header, header), (section.first_page_footer, footer)]
        if document.settings.odd_and_even_pages_header_footer:
            parts += [(section.even_page_header, header), (section.even_page_footer, footer)]
        for part, seen in parts:
            if part.is_linked_to_previous and seen:
                continue
            for item in _content(part._element, part):
                if hasattr(item, "rows"):
                    for row in _cells(item):
                        for cell in row:
                            if cell:
                                seen[cell] = None
                    continue
                for line in _lines(item, numbering):
                    if line:
                        seen[line] = None
    return "\n".join(header), "\n".join(footer)


def _blocks(items: list, source: str, limits: Limits, numbering: _Numbering) -> list[TextBlock | Grid]:
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
                lines.extend(_lines(item, numbering))
                continue
            if depth < limits.max_depth and _holds_tables(item):
                for cell in _unique_cells(item):
                    walk(_content(cell._tc, cell), depth + 1)
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
            texts.append("" if repeat else _cell_text(cells[c]))
            if not repeat and c + 1 < len(tcs) and tcs[c + 1] is tc:
                merges.append((r, c, r, c + sum(1 for t in tcs[c + 1:] if t is tc)))
        rows.append(texts)
        previous = tcs
    spread_merges(rows, merges)
    return tuple(tuple(r) for r in rows)
