"""Tables in running text: tab-separated, pipe-delimited and space-aligned, across page breaks.

Page furniture (lines repeated on every page, page numbers, protective markings) is
dropped first, so a table broken by a page footer and header is read as one table.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from requests_app.parsing.model import Grid
from requests_app.parsing.values import is_value_like
from requests_app.questions import question_number as _question_number

# Asked of most lines (headings, wrapped labels, furniture, the prose above each table),
# and headings and notes repeat through a reply.
question_number = lru_cache(maxsize=8192)(_question_number)

_MARKING = re.compile(
    r"^\W*(official(?:[- ]sensitive)?|not protectively marked|unclassified|restricted|protect|"
    r"official - (?:public|restricted))\W*$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^\W*(page\s*)?\d{1,3}(\s*(of|/)\s*\d{1,3})?\W*$", re.IGNORECASE)
_RULE_LINE = re.compile(r"^\s*[|+]?[\s:|+=-]*-{3,}[\s:|+=-]*$")
_GAP = re.compile(r"\s{2,}|\t")
_SPACES = re.compile(r" {2,}")  # _GAP where the only whitespace is the space (it is much faster)


def find_grids(text: str, source: str = "body") -> list[Grid]:
    """Every table in `text`, as grids with the lines above each (for caption and question)."""
    return find_grids_and_prose(text, source)[0]


def find_grids_and_prose(text: str, source: str = "body") -> tuple[list[Grid], str]:
    """The tables in `text`, and the text with the table rows left out (for reading facts)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cells_of = _CellCache()
    furniture = _furniture(lines, cells_of)
    grids: list[Grid] = []
    above: list[str] = []  # prose since the previous table (caption)
    context: list[str] = []  # all prose so far (question headings)
    questions = _LatestQuestion(context)
    run: list[list[str]] = []
    gap: list[str] = []  # lines between a run and what follows, held until we know
    for line in lines:
        stripped = line.strip()
        if not stripped:  # the common blank line, decided here (no furniture, marking or cells)
            if run:
                gap.append("")
            else:
                above.extend(gap)
                above.append(line)
                context.append(line)
                gap = []
            continue
        if stripped in furniture or _MARKING.match(stripped) or (run and _PAGE_NUMBER.match(stripped)):
            if run:
                gap.append("")
            context.append(line)  # not a caption, but a footer may carry the date and reference
            continue
        if run and _is_rule(line):
            continue  # |---|---| under a header
        cells = cells_of(line, stripped)
        if cells is not None:
            if run and gap and not _continues(run, cells):
                grids.append(_grid(run, above, context, questions, source))
                run, above = [], []
            if not run and gap:
                above.extend(gap)
            gap = []
            run.append(cells)
        elif run and not gap and _label_only(stripped):
            run.append([stripped])  # a wrapped label in a space-aligned table
        else:
            if run:
                grids.append(_grid(run, above, context, questions, source))
                run, above = [], []
            above.extend(gap)
            above.append(line)
            context.append(line)
            gap = []
    if run:
        grids.append(_grid(run, above, context, questions, source))
    return [g for g in grids if g is not None and len(g.cells) >= 2], "\n".join(context)


class _CellCache(dict):
    """_cells per distinct line, for one text: repeated lines (headings, notes, footers) split once.

    The lists are shared between equal lines, so nothing may change them in place."""

    def __call__(self, line: str, stripped: str) -> list[str] | None:
        try:
            return self[line]
        except KeyError:
            found = self[line] = _cells(line, stripped)
            return found


class _LatestQuestion:
    """The question number of the last heading in `context` so far, each line looked at once
    (looking back from every table over all the prose before it was quadratic)."""

    def __init__(self, context: list[str]):
        self.context = context
        self.seen = 0
        self.last: str | None = None

    def __call__(self) -> str | None:
        context, seen = self.context, self.seen
        self.seen = len(context)
        for k in range(len(context) - 1, seen - 1, -1):
            number = question_number(context[k])
            if number:
                self.last = number
                break
        return self.last


def _furniture(lines: list[str], cells_of: _CellCache) -> set[str]:
    """Lines that repeat (page headers and footers) and are not table rows or questions."""
    counts = Counter(map(str.strip, lines))
    counts.pop("", None)
    return {
        line for line, n in counts.items()
        if n >= 2 and len(line) < 120 and cells_of(line, line) is None and not question_number(line)
    }


def _cells(line: str, stripped: str) -> list[str] | None:
    """The cells of a table row (`stripped` is line.strip()), or None for a line of prose."""
    if not stripped or _is_rule(line):
        return None
    if "\t" in line:
        cells = [c.strip() for c in line.split("\t")]
        return cells if any(cells) and len(cells) >= 2 else None
    if line.count("|") >= 2:
        cells = [c.strip() for c in stripped.strip("|").split("|")]
        return cells if len(cells) >= 2 else None
    if stripped.isascii() and stripped.isprintable():  # the usual line: only spaces can be gaps
        if "  " not in stripped:
            return _trailing_values(stripped)  # one cell: what _GAP.split would give
        cells = [c for c in _SPACES.split(stripped) if c]
    else:
        cells = [c for c in _GAP.split(stripped) if c]
    if len(cells) >= 2 and any(is_value_like(c) for c in cells[1:]):
        return _split_values(cells)
    if len(cells) >= 3 or (len(cells) == 2 and all(len(c) <= 40 and not c.endswith(".") for c in cells)):
        return cells  # a header line of a space-aligned table
    return _trailing_values(stripped)


def _is_rule(line: str) -> bool:
    return "---" in line and _RULE_LINE.match(line) is not None  # the test first: most lines have no "---"


def _split_values(cells: list[str]) -> list[str]:
    """'Harassment  149 133' → ['Harassment', '149', '133']: single-spaced figures split too."""
    out = [cells[0]]
    for cell in cells[1:]:
        parts = cell.split(" ")
        out.extend(parts if len(parts) > 1 and all(is_value_like(p) for p in parts) else [cell])
    return out


def _trailing_values(line: str) -> list[str] | None:
    """'Harassment 149 133 282' (single spaces): a label then two or more figures."""
    if not is_value_like(line.rpartition(" ")[2]):
        return None  # most prose: the last word is no figure (and the split below is long)
    tokens = line.split(" ")
    k = len(tokens)
    while k > 0 and is_value_like(tokens[k - 1]):
        k -= 1
    if len(tokens) - k < 2 or k == 0:
        return None
    return [" ".join(tokens[:k]), *tokens[k:]]


def _label_only(line: str) -> bool:
    return len(line) <= 160 and not line.endswith((".", ":")) and question_number(line) is None


def _width(row: list[str]) -> int:
    return len(row)


def _continues(run: list[list[str]], cells: list[str]) -> bool:
    """After a page break: the same columns, and a data row or the header repeated."""
    header = run[0] if not _is_data(run[0]) else None
    same_width = abs(_width(cells) - max(_width(r) for r in run)) <= 1
    return same_width and (_is_data(cells) or (header is not None and cells == header) or not any(cells[1:]))


def _is_data(cells: list[str]) -> bool:
    rest = [c for c in cells[1:] if c]
    return bool(rest) and all(is_value_like(c) for c in rest)


def _grid(run: list[list[str]], above: list[str], context: list[str], questions: _LatestQuestion,
          source: str) -> Grid | None:
    """The run as a grid; a run with no figures ('Our Ref:   FOI/123') or a single row is prose."""
    if len(run) < 2 or not any(is_value_like(c) for row in run for c in row[1:] if c):
        context.extend("  ".join(c for c in row if c) for row in run)
        return None
    while len(run) > 1 and len(run[-1]) == 1:  # a label-only line that no row followed
        run = run[:-1]
    header = run[0] if run and not _is_data(run[0]) else None
    rows = [run[0], *[r for r in run[1:] if header is None or r != header]]  # repeated header rows
    question = questions()
    return Grid(cells=tuple(tuple(r) for r in rows), source=source, above=tuple(above[-20:]), question=question)
