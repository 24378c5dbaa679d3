"""CSV replies, and the rows-to-grids helpers every cell-based reader shares.

A sheet or CSV often holds several tables separated by blank rows, with a title row or
two above each; `grids_from_rows` splits them and keeps the titles as `above`.
"""
from __future__ import annotations

import csv
import io
import re

from requests_app.parsing.model import Extracted, Grid, Limits, ParseError, TextBlock
from requests_app.parsing.values import is_value_like

DELIMITERS = (",", ";", "\t", "|")
_ABOVE_LINES = 8
_SNIFF_LINES = 50
_YEAR = re.compile(r"^(19|20)\d{2}$")


def read_csv(data: bytes, name: str, limits: Limits) -> Extracted:
    text = decode_text(data)
    hint = re.match(r"sep=(.)\r?\n", text)  # Excel's own hint line in European exports
    delimiter = hint.group(1) if hint else sniff_delimiter(text) or ","
    text = text[hint.end():] if hint else text
    csv.field_size_limit(max(limits.max_bytes, 131072))
    try:
        rows = [[clean(c) for c in row] for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error as exc:
        raise ParseError(f"unreadable CSV: {exc}") from None
    check_size(rows, limits, "CSV")
    return Extracted(blocks=tuple(grids_from_rows(rows, name)))


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without a BOM), UTF-16 with a BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str, strict: bool = False) -> str | None:
    """The delimiter that splits the first lines into the same number (2+) of fields.

    `strict` (used to recognise a CSV without a .csv name) wants every line to agree.
    """
    lines = [line for line in text.splitlines()[: _SNIFF_LINES * 2] if line.strip()][:_SNIFF_LINES]
    best, best_score = None, 0.0
    for delimiter in DELIMITERS:
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:
            continue
        usual = max(set(counts), key=counts.count) if counts else 0
        agree = counts.count(usual) / len(counts) if counts else 0
        if usual < 2 or (strict and (agree < 1 or len(counts) < 3)):
            continue
        score = agree + usual / 1000
        if score > best_score:
            best, best_score = delimiter, score
    return best


def clean(text: object) -> str:
    return " ".join(str(text).split()) if text is not None else ""


def check_size(rows: list[list[str]], limits: Limits, what: str) -> None:
    if len(rows) > limits.max_rows_per_sheet:
        raise ParseError(f"{what} has {len(rows):,} rows, over the {limits.max_rows_per_sheet:,}-row limit")
    cells = sum(len(r) for r in rows)
    if cells > limits.max_cells:
        raise ParseError(f"{what} has {cells:,} cells, over the {limits.max_cells:,}-cell limit")


def spread_merges(rows: list[list[str]], merges: list[tuple[int, int, int, int]], first_col: int = 0) -> None:
    """Repeat a merged header's text across the columns it spans ("2019" over Q1 and Q2).

    Merges are (row0, col0, row1, col1), inclusive, with the text in the top-left cell.
    Only a merge that does not start in the label column, in a row holding no figures of
    its own, is a header: a merged title or group label keeps its text in one cell.
    """
    merged_cols: dict[int, set[int]] = {}
    for r0, c0, _r1, c1 in merges:
        merged_cols.setdefault(r0, set()).update(range(c0, c1 + 1))
    for r0, c0, _r1, c1 in merges:
        if c1 <= c0 or c0 <= first_col or r0 >= len(rows) or not rows[r0][c0]:
            continue
        row = rows[r0]
        if any(_is_figure(text) for c, text in enumerate(row) if c not in merged_cols[r0] and c > first_col):
            continue
        if all(not text for c, text in enumerate(row) if c != c0):
            continue  # alone on its row: a title merged across the table, wherever the table starts
        row.extend([""] * (c1 + 1 - len(row)))
        for c in range(c0 + 1, c1 + 1):
            row[c] = row[c0]


def _is_figure(text: str) -> bool:
    return bool(text) and is_value_like(text) and not _YEAR.match(text)


INDENT = "\u2003"  # a label cell's indent level, one a level, put in front of its text by a reader (XLSX)


def _indents(segment: list[list[str]]) -> tuple[int, ...]:
    """Each row's label indent level, the markers taken off the cells; () when no row is set in."""
    levels = []
    for row in segment:
        levels.append(len(row[0]) - len(row[0].lstrip(INDENT)) if row else 0)
        for k, cell in enumerate(row):
            if cell.startswith(INDENT):
                row[k] = cell.lstrip(INDENT)
    return tuple(levels) if any(levels) else ()


def grids_from_rows(rows: list[list[str]], source: str) -> list[TextBlock | Grid]:
    """The tables in `rows` (split at blank rows) and a TextBlock of the text rows around them."""
    blocks: list[TextBlock | Grid] = []
    text: list[str] = []
    above: list[str] = []
    for segment, beside in _segments(rows):
        if beside:  # a table set beside the one before: the same heading above both
            above = list(blocks[-1].above) if blocks and isinstance(blocks[-1], Grid) else above
        if max(_filled(r) for r in segment) <= 1:
            lines = [" ".join(c.lstrip(INDENT) for c in r if c) for r in segment]
            above.extend(lines)
            text.extend(lines)
            continue
        while len(segment) > 2 and _filled(segment[0]) == 1 and segment[0][0]:
            above.append(segment[0][0].lstrip(INDENT))
            text.append(segment.pop(0)[0].lstrip(INDENT))
        indents = _indents(segment)
        cells = tuple(tuple(r) for r in segment)
        blocks.append(Grid(cells=cells, source=source, above=tuple(above[-_ABOVE_LINES:]), indents=indents))
        above = []
    if text:
        blocks.insert(0, TextBlock("\n".join(text), source))
    return blocks


def _segments(rows: list[list[str]]) -> list[tuple[list[list[str]], bool]]:
    """The blocks of rows between blank rows, each split into the tables set side by side in
    it: (rows, whether the table is beside the one before)."""
    from requests_app.parsing.tables import _YEARISH, _is_total_label, is_subtotal_label

    segments: list[list[list[str]]] = [[]]
    for row in rows:
        if any(row):
            last = segments[-1][-1] if segments[-1] else None
            first = next((c for c in last if c), "") if last else ""
            filled = [c for c in row if c]
            rest = filled[1:]
            if last and _is_total_label(first) and not is_subtotal_label(first) and len(segments[-1]) > 2 and (
                    len(filled) == 1 and not is_value_like(filled[0])
                    or rest and all(not is_value_like(c) or _YEARISH.match(c) for c in rest)):
                segments.append([])  # a total, then a title or a header straight under it: the next table
            segments[-1].append(list(row))
        elif segments[-1]:
            segments.append([])
    joined: list[list[list[str]]] = []
    for segment in filter(None, segments):
        if joined and _goes_on(joined[-1], segment):
            joined[-1].extend(segment)  # a spacer row inside a table: under its header, before its Total
        else:
            joined.append(segment)
    return [(part, k > 0) for s in joined for k, part in enumerate(_side_by_side(s))]


def _goes_on(before: list[list[str]], segment: list[list[str]]) -> bool:
    """Whether `segment`, after blank rows, goes on with the table in `before`: it opens with a row
    of figures (a label, then figures that are not a header's years) no wider than that table, and
    the table has not closed with its grand total. Another table after blank rows opens with a
    title or a header of its own."""
    from requests_app.parsing.tables import _YEARISH, _is_total_label, is_subtotal_label

    first = segment[0]
    filled = [c for c in first if c]
    if not first or not first[0] or is_value_like(first[0]) or len(filled) < 2 or max(map(_filled, before)) < 2:
        return False
    if not all(is_value_like(c) for c in filled[1:]) or all(_YEARISH.match(c) for c in filled[1:]):
        return False  # words, or a header of years: a table of its own
    last_used = max(c for c, text in enumerate(first) if text)
    width = max(max((c for c, text in enumerate(r) if text), default=0) for r in before)
    closing = next((c for c in before[-1] if c), "")
    return last_used <= width and not (_is_total_label(closing) and not is_subtotal_label(closing))


def _side_by_side(segment: list[list[str]]) -> list[list[list[str]]]:
    """The segment's tables, left to right: an empty column with two or more filled columns on
    each side parts two tables set beside each other on a sheet; other empty columns go."""
    width = max(len(r) for r in segment)
    padded = [r + [""] * (width - len(r)) for r in segment]
    groups: list[list[int]] = [[]]
    for c in range(width):
        if any(r[c] for r in padded):
            groups[-1].append(c)
        elif groups[-1]:
            groups.append([])
    groups = [g for g in groups if g]
    parts: list[list[int]] = []
    for group in groups:  # a lone column (a label set apart, a note) stays with the table on its left,
        # and so do figures after a spacer column: a table beside another opens with its labels
        if parts and (len(group) < 2 or len(parts[-1]) < 2 or not _labels(padded, group[0])):
            parts[-1].extend(group)
        else:
            parts.append(list(group))
    tables = [[[r[c] for c in part] for r in padded] for part in parts]
    return [[r for r in t if any(r)] for t in tables if any(any(r) for r in t)]


def _labels(rows: list[list[str]], column: int) -> bool:
    """Whether a column holds words (not figures) in most of its filled cells below the first."""
    cells = [r[column] for r in rows[1:] if r[column]]
    return bool(cells) and sum(1 for c in cells if not is_value_like(c)) * 2 > len(cells)


def _filled(row: list[str]) -> int:
    return sum(1 for c in row if c)
