"""A Grid of cell text becomes a Table: caption, header, labels, values, nesting, totals."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from requests_app.parsing import nesting, totals
from requests_app.parsing.model import Grid, Row, Table
from requests_app.parsing.values import TIME, is_answer, is_figure, is_value_like, parse_value
from requests_app.questions import part_letter, question_number

_TOTAL_LABEL = re.compile(
    r"^\s*(?:grand\s+total|totals?|overall\s+total|sum|all(?:\s+(?:offences|crimes|ages|incidents|forces|areas|years|months"
    r"|quarters|periods|districts|divisions|regions|categories|types|outcomes|ranks|ethnicities|genders|groups"
    r"|people|persons|staff|officers|reasons|locations))?)"
    r"\s*:?\s*$|^\s*(?:grand\s+|sub[-\s]?)?totals?\b(?!\s+(?:number|of\s+(?:which|whom)))"
    r"|^(?!.*%).{0,80}?\S(?<!\bin)(?<!\bof)(?<!\brunning)\s+totals?\s*:?\s*$"  # "UNSOLVED Total"
    r"|^.{0,80}?\s+sub[-\s]?totals?\s*:?\s*$", re.IGNORECASE)  # "North Sub-total": a group label, then its total
# A line that ends with its page: "Kent Police FOI 24/1045    Page 1 of 2", "1 | P a g e"
PAGE_FOOTER = re.compile(r"(?:\bpage\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|\d{1,3}\s*\|\s*p\s?a\s?g\s?e)\s*$", re.IGNORECASE)
MARKING = re.compile(  # "OFFICIAL", "OFFICIAL-SENSITIVE", "OFFICIAL – SENSITIVE", "OFFICIAL: PUBLIC", ...
    r"^\W*(official(?:\s*[-–—:]?\s*(?:sensitive|public|restricted))?|not\s+protectively\s+marked|unclassified"
    r"|restricted|protect)\W*$", re.IGNORECASE)
# A letter's particulars as labels: "Our Ref", "Date", "Date received", "Request number".
PARTICULAR = re.compile(r"^(?:(?:our|your|foi|case|request)\s+)*(?:ref(?:erence)?(?:\s+(?:no\.?|number))?|date"
                        r"(?:\s+(?:received|of\s+(?:request|response|reply)|sent))?|(?:request\s+)?received|response\s+date"
                        r"|(?:request|case)\s+(?:number|no\.?))\s*:?$", re.IGNORECASE)
_YEARISH = re.compile(
    r"^(?:(?:19|20)\d{2}(?:\s*[/-]\s*(?:\d{2}|\d{4}))?|(?:FY|Q[1-4])\s*\d{2,4}.*|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*[-/' ]?\s*\d{0,4})$", re.IGNORECASE)
_WRAP_END = re.compile(r"(?:\b(?:to|of|and|or|the|for|in|on|with|by|a|an|from|at|not)|[,/&(–-])$", re.IGNORECASE)
_MAX_TITLE = 160
_NUMBER_TYPES = frozenset({int, float})  # what parse_value gives for a number
_INT_OR_NONE = frozenset({int, type(None)})


def build_table(grid: Grid) -> Table | None:
    """The Table a grid holds, or None when it holds no figures."""
    cells, as_given = _tidy(grid.cells)
    if not cells or _particulars(cells):
        return None
    indents = list(grid.indents) if len(grid.indents) == len(cells) else []  # _tidy dropped no row
    cells_before_caption = cells
    title, captioned = _caption(cells, grid)
    indents = indents[len(cells) - len(captioned):]
    counted = grid.header_of
    known = counted[1] if as_given and counted and counted[0] is grid.cells and captioned is cells else (
        _UNCOUNTED)  # the reader counted the header rows of these very cells
    cells = captioned
    header, body = _split_header(cells, known)
    if not body:
        return None
    n_labels = _label_columns(header, body)
    width = len(cells[0])  # _tidy gave every row the same width
    if width - n_labels < 1:
        return None
    columns = _column_names(header, n_labels, width)
    labels, values, flags, sources = _data_rows(body, n_labels)
    if not _enough_figures(values, 1 if header else 2):
        return None
    head_rows = len(cells) - len(body)  # (pivot chrome dropped from `header` was a row of the cells all the same)
    by_indent = _paths_by_indent(labels, [indents[head_rows + k] for k in sources]) if indents else None
    some_total = True in flags
    nested = by_indent or nesting.nest(labels, values, flags, [f and is_subtotal_label(label[-1]) for f, label in
                                                               zip(flags, labels)] if some_total else None)
    if some_total and (nested is labels or not _top_adds_up(nested, values, flags)):
        # no nesting the figures bear out, or one that leaves the total unexplained: do the labels show one?
        by_indent = _paths_by_shape(labels, values, flags)
    labels = by_indent or nested
    rows = list(map(Row, labels, values, flags))  # each Row made once, its label path final
    if _NOT_SUMS.search(grid.title or title or ""):  # "Average attendance time", "Burglary rate per 1,000"
        consistent, warnings = None, []
    else:  # a column printed as percentages is not added up whatever its name (" %" marks it for totals.py)
        shares = {j for j in range(n_labels, width)
                  if 2 * sum(r[j].endswith("%") for r in body) > sum(1 for r in body if r[j])} if any(
            "%" in "".join(r) for r in body) else ()  # the usual table has no % at all: one join a row
        names = [f"{name} %" if j + n_labels in shares else name for j, name in enumerate(columns)]
        consistent, warnings = totals.check(names, rows, groups=by_indent is not None)
        for name, marked in zip(columns, names):  # the warnings name the column as printed
            if marked is not name:
                warnings = [w.replace(f", column '{marked}':", f", column '{name}':") for w in warnings]
    return Table(
        source=grid.source,
        question=(captioned is not cells_before_caption and title and question_number(title)) or grid.question
        or _question(grid.above),
        title=grid.title or title,
        row_header=_row_header(header, n_labels),
        columns=tuple(columns),
        rows=tuple(rows),
        totals_consistent=consistent,
        warnings=tuple(warnings),
    )


def _particulars(cells: list[list[str]]) -> bool:
    """A letter's particulars set out as a table ("Our reference | FOI/2022/004417", "Date | 2nd November
    2022", "Your reference | -"): most rows labelled so, and no row labelled otherwise holds a figure."""
    if len(cells) < 2 or len(cells) > 8 or not PARTICULAR.match(cells[0][0].rstrip(":").strip()):
        return False  # (the usual table: its first label names no particular)
    named = [bool(PARTICULAR.match(row[0].rstrip(":").strip())) for row in cells]
    return sum(named) * 2 > len(cells) and not any(
        is_figure(c) for row, n in zip(cells, named) if not n for c in row[1:] if c)


def _tidy(cells) -> tuple[list[list[str]], bool]:
    """Whitespace collapsed, empty rows dropped, empty trailing/all-empty columns dropped; and
    whether that left the cells as they were."""
    as_given = _is_tidy(map("|".join, cells))
    if as_given:  # the usual grid: every row is tidy (one check for all)
        rows = [list(row) for row in cells if any(row)]
        as_given = len(rows) == len(cells)
    else:
        rows = []
        for row in cells:
            row = list(row) if _is_tidy(row) else [" ".join(str(c or "").split()) for c in row]
            if any(row):
                rows.append(row)
    if not rows:
        return [], False
    width = max(map(len, rows))
    for r in rows:
        if len(r) < width:
            as_given = False
            r.extend([""] * (width - len(r)))
    keep = [j for j, column in enumerate(zip(*rows)) if any(column)]
    if len(keep) == width:
        return rows, as_given
    return [[r[j] for j in keep] for r in rows], False


def _is_tidy(row) -> bool:
    """Whether every cell is text that collapsing whitespace would leave as it is: no
    whitespace but single spaces inside (str.isprintable() is False for every other kind).
    One check of the joined row instead of a split and join per cell; a "|" inside a cell
    can only send the row to the slow path, never skip it. Asked of the rows each joined
    (an iterator), it says whether they all are."""
    try:
        joined = "|".join(row)
    except TypeError:  # None or a number from a reader
        return False
    return (joined.isprintable() and "  " not in joined and " |" not in joined and "| " not in joined
            and joined[:1] != " " and joined[-1:] != " ")


def _enough_figures(values: list[tuple], needed: int) -> bool:
    """Whether `needed` rows hold a figure (not only nil, suppressed or empty cells)."""
    found = 0
    for row in values:
        if not _NUMBER_TYPES.isdisjoint(map(type, row)) or any(type(v) is str and (is_figure(v) or is_answer(v)) for v in row):
            found += 1
            if found >= needed:
                return True
    return False


def _filled(row: list[str]) -> list[int]:
    return [j for j, c in enumerate(row) if c]


def _caption(cells: list[list[str]], grid: Grid) -> tuple[str | None, list[list[str]]]:
    """A label-only first row (before the header) is the table's caption."""
    if len(cells) > 2 and _filled(cells[0]) == [0] and len(cells[0][0]) <= _MAX_TITLE and not is_value_like(cells[0][0]):
        return cells[0][0], cells[1:]
    return _title_above(grid.above), cells


def _title_above(above: tuple[str, ...]) -> str | None:
    """The caption line directly above: short, not a sentence, not the question itself."""
    for line in reversed(above):
        line = " ".join(line.split())
        if not line:
            continue
        if SOURCE_NOTE.match(line) or MARKING.match(line) or PAGE_FOOTER.search(line):
            continue  # "Source: Niche RMS" under the caption names where the figures come from; "OFFICIAL" marks the page
        if part_letter(line) or _ROMAN_PART.match(line):
            return None  # "a)", "(a) Number of orders applied for", "ii) by ethnicity": the question's part, not a caption
        if len(line) > _MAX_TITLE or line.endswith((".", "?")) or question_number(line):
            return None
        if _NOT_CAPTION.match(line):
            return None  # "Dear Sir", "Response", "Yours sincerely": the letter's, not the table's
        if line.endswith(":") and (len(line.split()) > 12 or _LEAD_IN.search(line)):
            return None  # "The figures are as follows:" leads in; "Firearms operations in 2023:" is a caption
        return line.strip("*_ ")
    return None


_ROMAN_PART = re.compile(r"^\(?(?:i{1,3}|iv|vi{0,3}|ix|x)\)\s")
_NOT_CAPTION = re.compile(r"dear\b|yours\s+(?:sincerely|faithfully)\b|(?:kind|best|warm)\s+regards\b|regards\W*$"
                          r"|many\s+thanks\b|thank\s+you\b|(?:our\s+)?(?:response|answer|reply|disclosure|decision)s?\W*$",
                          re.IGNORECASE)
SOURCE_NOTE = re.compile(r"(?:data\s+)?sources?\s*[:\-–]|notes?\s*[:\-–]|n\.?b\.?\s*[:\-–]", re.IGNORECASE)
_LEAD_IN = re.compile(r"\b(?:follows?|following|below|see|please|we|i|our|is|are|was|were|shows?|provided|attached"
                      r"|set\s+out|table|here|these|this)\b", re.IGNORECASE)


def _question(above: tuple[str, ...]) -> str | None:
    for line in reversed(above):
        number = question_number(line)
        if number:
            return number
    return None


def _is_data(row: list[str], lead: int = 1) -> bool:
    values = [c for c in row[lead:] if c]
    return bool(values) and all(is_value_like(c) or is_answer(c) for c in values)  # ("Taser | Yes | 350")


def is_header_like(row, lead: int = 1, answers: bool = True) -> bool:
    """Column headings: text, or years / financial years / months even though they look numeric.
    Without `answers`, "Yes", "No", ratios and times are values, not headings ("Kent | Yes | No")."""
    rest = [c for c in row[lead:] if c]
    if not rest:
        return False
    if all(_YEARISH.match(c) for c in rest if is_value_like(c)) and any(_YEARISH.match(c) for c in rest):
        return True
    return not all(is_value_like(c) or (not answers and is_answer(c)) for c in rest)


_UNCOUNTED = object()


def _split_header(cells: list[list[str]], k=_UNCOUNTED) -> tuple[list[list[str]], list[list[str]]]:
    if k is _UNCOUNTED:
        k = header_rows(cells)
    if k is None:
        return [], []
    header = cells[:k]
    if k > 1 and any(_PIVOT.match(c) for row in header[:-1] for c in row if c):
        header = [row for row in header if not any(_PIVOT.match(c) for c in row if c)] or header[-1:]
    return header, cells[k:]


# What an Excel pivot table prints above its own headings ("Count of Crime Ref | Column Labels"):
# not part of any column's name. ("Row Labels" heads the labels and stays.)
_PIVOT = re.compile(r"^(?:(?:count|sum|average|max|min|distinct\s+count)\s+of\s+\S.*|column\s+labels)$", re.IGNORECASE)


def header_rows(cells) -> int | None:
    """How many rows head the table: the rows before the first data row (at most 4), or
    None when none of the first five rows is data. A row of years is a header row, not
    data, unless another row of years follows it: figures, a wrapped label, a group
    heading or a second header row may come next."""
    lead = _leading_labels(cells)
    tail = _trailing_text_columns(cells, lead)
    if tail:  # a "Notes" column: its words say nothing of which rows are figures
        cells = [row[:len(row) - tail] for row in cells]
    k = _first_data_row(cells, lead)
    if k is None:
        words = _text_columns(cells, lead)
        if words:  # "Area | Arrests | Outcome | Cases": a column of words between columns of figures, likewise
            k = _first_data_row([[c for j, c in enumerate(row) if j not in words] for row in cells], lead)
    return k


def _first_data_row(cells, lead: int) -> int | None:
    for k, row in enumerate(cells[:5]):
        if k and _filled(row) == [0]:
            return k  # a label alone under the header: a wrapped label or a group heading, the body's
        if not _is_data(row, lead):
            continue
        if is_header_like(row, lead) and k + 1 < len(cells) and not (
                _is_data(cells[k + 1], lead) and is_header_like(cells[k + 1], lead, answers=False)) and not (
                _answered(row, lead) and _answered(cells[k + 1], lead)):  # "Kent | Yes | No" over "Essex | No | No": rows
            continue
        return k
    return None


def _answered(row, lead: int) -> bool:
    """Whether every filled cell after the labels is an answer ("Yes", "No", a ratio or a time)."""
    rest = [c for c in row[lead:] if c]
    return bool(rest) and all(is_answer(c) for c in rest)


def _trailing_text_columns(cells, lead: int) -> int:
    """Columns at the right that hold words and no figure in any row ("Notes", "Comments"),
    beyond at least one column of figures."""
    width = min(map(len, cells), default=0)
    if width < 2 or is_value_like(cells[-1][width - 1]):
        return 0  # the usual table: its last row ends in a figure
    tail = 0
    while width - tail - 1 > lead:
        column = [row[width - tail - 1] for row in cells]
        if any(is_value_like(c) for c in column if c) or sum(1 for c in column if c) < 2:
            break
        tail += 1
    return tail if tail and any(is_value_like(c) for row in cells for c in row[lead:width - tail] if c) else 0


def _text_columns(cells, lead: int) -> frozenset[int]:
    """Columns between columns of figures that hold words in two rows or more and no figure in
    any ("Outcome" between "Arrests" and "Cases"); none in the usual table (a few cells read)."""
    width = min(map(len, cells), default=0)
    if width < lead + 3 or len(cells) < 3:
        return frozenset()
    first = cells[1]  # (the usual table: a figure in each of these columns of the first row below the header)
    maybe = [j for j in range(lead + 1, width - 1) if not (first[j] and is_value_like(first[j]))]
    if not maybe:
        return frozenset()
    words = frozenset(j for j in maybe if not any(is_value_like(row[j]) for row in cells if row[j])
                      and sum(1 for row in cells if row[j]) >= 2)
    if words and any(is_value_like(c) for row in cells[1:] for j, c in enumerate(row[lead:width], lead)
                     if c and j not in words):
        return words
    return frozenset()


def _leading_labels(cells) -> int:
    """Leading columns of text (labels, or groups and labels: "Outcome | Offence | 2023"): the
    first column, and each next one that holds no figure at all and text in most rows. In
    the usual table the second column's first figure ends the look (a few cells read)."""
    width = min(map(len, cells), default=0)
    n = 1
    while n < width - 1:
        texts = 0
        for row in cells:
            cell = row[n]
            if cell:
                if is_value_like(cell):
                    return n
                texts += 1
        if texts * 2 <= len(cells):
            return n
        n += 1
    return n


def _label_columns(header: list[list[str]], body: list[list[str]]) -> int:
    """Leading columns that hold labels (text in most rows), at least the first."""
    n = 1
    width = len(body[0])
    while n < width - 1:
        texts = sum(1 for r in body if r[n] and not is_value_like(r[n]) and not TIME.match(r[n])
                    and not _CELL_DATE.match(r[n]) and not (is_answer(r[n]) and not r[n][-1:].isalpha() or r[n] in _YES_NO))
        # ("01/04/2021", "Yes", "1:4" are values; "3 months" may be a category, as "2022" under "Year" is)
        if texts * 2 <= len(body) and not (header and _KEY_HEADING.match(header[-1][n])):
            break
        n += 1
    return n


_YES_NO = frozenset({"Yes", "No", "yes", "no", "YES", "NO", "Y", "N"})
_CELL_DATE = re.compile(r"^(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?[ -]"
                        r"[A-Za-z]{3,9}\.?[ -]\d{4})$")
# A column so headed, after the labels and before other figures, is a label column of figures:
# "Offence  Year  Count" reads ("Burglary", "2022") 5, and "Outcome  Age  Number" ("Charge", "13").
_KEY_HEADING = re.compile(r"^\W*(?:(?:financial|calendar|reporting)\s+)?(?:year|month|quarter|period|age"
                          r"(?:\s+(?:group|range|band))?|date|week|day|fy)s?\W*$", re.IGNORECASE)


def _column_names(header: list[list[str]], n_labels: int, width: int) -> list[str]:
    """Each value column's heading, a heading split over header rows joined with a space."""
    header = _spread_spanners(header, n_labels)
    names = []
    for j in range(n_labels, width):
        parts = [part for row in header if j < len(row) and (part := _DECORATION.sub("", row[j]))]
        names.append(" ".join(parts))
    return names


_NOT_SUMS = re.compile(r"^\W*(?:average|mean|median|rates?|percentages?|proportions?)\b"
                       r"|\bper\s+(?:cent|\d[\d,]*)\b|\b(?:average|mean|median)\s+(?:attendance|response|time|cost|age)\b",
                       re.IGNORECASE)  # a caption that says the figures are not counts (not "Crime and charge rate")
_DECORATION = re.compile(r"^\s*[-=_–—*]{2,}\s*|\s*[-=_–—*]{2,}\s*$")  # "------- 2022 -------" (not "April 2019 -")


def _spread_spanners(header: list[list[str]], n_labels: int) -> list[list[str]]:
    """A heading over a group of columns ("2022" over "Male  Female", "2022/23" over "Number  %")
    heads each column of its group: when the last header row repeats one group of two or more
    headings k times and a row above holds k headings over the figures, in order."""
    if len(header) < 2:
        return header
    out = [list(row) for row in header]
    level = len(out) - 1  # the row whose repeated headings group the columns: the lowest, then each spread one
    while level >= 1:
        spread = _spread_over(out, level, n_labels, whole=level < len(out) - 1)
        if spread is None:
            break
        level = spread
    return out


def _spread_over(out: list[list[str]], level: int, n_labels: int, whole: bool) -> int | None:
    """Spread the headings of the rows above row `level` over the groups its repeated headings make
    (in place); the lowest row spread, from which to go on up, or None. With `whole` (row `level` was
    itself spread), one heading over the first column heads them all: "2022" over "Male .. Female"."""
    lowest = [" ".join(c.split()) for c in out[level][n_labels:]]
    tail = 1 if lowest and (not lowest[-1] or _is_total_label(lowest[-1])) and len(lowest) % 2 else 0
    lowest = lowest[:len(lowest) - tail]  # one overall "Total" column after the groups stands apart
    for m in range(2, len(lowest) // 2 + 1):
        if len(lowest) % m == 0 and all(lowest[k:k + m] == lowest[:m] for k in range(0, len(lowest), m)):
            break
    else:
        if not whole or len(lowest) < 2:
            return None
        m = len(lowest)
    groups = len(lowest) // m
    done = None
    for r in range(level):
        row = out[r]
        cells = row[n_labels:len(row) - tail]
        filled = [j for j, c in enumerate(cells) if _DECORATION.sub("", c)]
        if len(filled) != groups or any(j // m != g for g, j in enumerate(filled)):
            continue  # not one heading over each group
        for g, j in enumerate(filled):
            text = _DECORATION.sub("", cells[j])
            for k in range(g * m, min(g * m + m, len(row) - n_labels)):
                row[n_labels + k] = text
        done = r
    return done


def _row_header(header: list[list[str]], n_labels: int) -> str | None:
    parts = [" ".join(row[j] for row in header if row[j]) for j in range(n_labels)]
    text = " / ".join(p for p in parts if p)
    return text or None


def _paths_by_shape(labels: list[tuple], values: list[tuple], totals_: list[bool]) -> list[tuple] | None:
    """Label paths from how the labels are written, when the figures show rows counted at more
    than one level (their sum is half as much again as the grand total, or more) but do not add
    up to a nesting (a subtotal is wrong): OUTCOMES IN CAPITALS, offences in words, ages as
    figures ("13", "Under 10's"), as the Bedfordshire seed prints them. The group rows are
    then checked against the rows under them, as for nesting the layout shows."""
    if len(labels) < 4 or any(len(label) != 1 for label in labels):
        return None
    grand = next((v for v, t in zip(reversed(values), reversed(totals_)) if t), None)
    body = [v for v, t in zip(values, totals_) if not t]
    stated = [g for g in grand or () if type(g) in _NUMBER_TYPES]
    if not stated or not body or len(stated) != len(grand):
        return None
    sums = [sum(filter(None, column)) if _INT_OR_NONE.issuperset(map(type, column)) else
            sum(v for v in column if type(v) in _NUMBER_TYPES) for column in zip(*body)]
    if not any(g > 0 and s >= 1.5 * g for s, g in zip(sums, grand)) or nesting.label_kind(labels[0][0]) == 2:
        return None  # (the usual table: its rows add up to its total)
    levels = [nesting.label_kind(label[0]) for label in labels]
    kinds = {level for level, t in zip(levels, totals_) if not t}
    if len(kinds) < 2 or levels[0] != min(kinds):
        return _paths_by_repeats(labels, totals_)
    return _paths_by_indent(labels, levels)


def _top_adds_up(paths: list[tuple], values: list[tuple], totals_: list[bool]) -> bool:
    """Whether the outermost rows of a nesting add up to the grand total below them (or there is none)."""
    grand = next((v for v, t in zip(reversed(values), reversed(totals_)) if t), None)
    top = [v for p, v, t in zip(paths, values, totals_) if len(p) == 1 and not t]
    if grand is None or not top:
        return True
    for j, stated in enumerate(grand):
        column = [v[j] for v in top]
        if type(stated) is int and _INT_OR_NONE.issuperset(map(type, column)) and sum(filter(None, column)) != stated:
            return False
    return True


def _paths_by_repeats(labels: list[tuple], totals_: list[bool]) -> list[tuple] | None:
    """Label paths from labels repeated under each group (the same offences under every outcome, as
    a cross-tab prints them): each row whose label occurs once heads the rows after it whose labels
    recur, when every such group has rows under it; else None."""
    names = [label[0] for label, t in zip(labels, totals_) if not t]
    counts = Counter(names)
    levels = [0 if t or counts[label[0]] == 1 else 1 for label, t in zip(labels, totals_)]
    if levels[0] != 0 or 1 not in levels:
        return None
    heads = [k for k, (level, t) in enumerate(zip(levels, totals_)) if level == 0 and not t]
    if any(k + 1 >= len(levels) or levels[k + 1] != 1 for k in heads):
        return None  # a group heading with no rows under it: not this layout
    return _paths_by_indent(labels, levels)


def _paths_by_indent(labels: list[tuple], indents: list[int]) -> list[tuple] | None:
    """Label paths from how far each row is set in ("Charged" then "    Assault" under it), when
    the layout shows two to four levels and the table opens at the outermost; else None (and
    the nesting is looked for in the figures). A totals row is always at the outermost level,
    a "Sub-total" where it is set."""
    levels = sorted(set(indents))
    if not 2 <= len(levels) <= 4 or indents[0] != levels[0] or any(len(label) != 1 for label in labels):
        return None
    stack: list[tuple[int, tuple]] = []
    paths = []
    for label, indent in zip(labels, indents):
        if _is_total_label(label[0]) and not is_subtotal_label(label[0]):
            indent = levels[0]
        while stack and stack[-1][0] >= indent:
            stack.pop()
        path = (*stack[-1][1], *label) if stack else tuple(label)
        paths.append(path)
        stack.append((indent, path))
    return paths


def _data_rows(body: list[list[str]], n_labels: int) -> tuple[list[tuple], list[tuple], list[bool], list[int]]:
    """Each row's label path, values, whether it is a totals row, and the body row it came
    from. A label-only line is either wrapped onto the next row or a group heading."""
    labels: list[tuple[str, ...]] = []
    values: list[tuple] = []
    flags: list[bool] = []
    sources: list[int] = []
    pending: str | None = None
    pending_row: tuple[int, list[str]] | None = None  # the body row `pending` began with, and its cells
    group: str | None = None
    one_label = n_labels == 1
    outer: list[str] = [""] * (n_labels - 1)  # the group labels in force (a merged or blank cell repeats them)
    for k, raw in enumerate(body):
        if one_label:  # the usual table: what the general lines below give, with fewer steps
            label = (raw[0],) if raw[0] else ()
        else:
            label = tuple(filter(None, _filled_down(raw[:n_labels], outer)))
        cells = raw[n_labels:]
        if label and not any(cells) and not _is_total_label(label[-1]):  # a "Total" with no figures is a row
            if labels and pending is None and (is_label_tail(label[0]) or _left_open(labels[-1][-1], label[0])):
                # the row above's label goes on (its figures printed beside its first line)
                last = labels[-1]
                labels[-1] = (*last[:-1], f"{last[-1]} {' '.join(label)}")
            else:
                pending = f"{pending} {' '.join(label)}" if pending else " ".join(label)
                pending_row = pending_row or (k, cells)
            continue
        source = k
        if pending is not None:
            if not label or _WRAP_END.search(pending) or label[0][:1].islower() or label[0][:1] == "(":
                label = (f"{pending} {label[0]}" if label else pending, *label[1:])
                source = pending_row[0]  # the row is set in where its label begins, not where it wraps to
            elif group is not None or not labels or flags[-1]:
                group = pending  # heads a group: the table opens with it, or a group or a total came before
            else:  # among rows under no group, a row whose figures are blank ("Burnley" with no incidents)
                labels.append((pending,))
                values.append(tuple(map(parse_value, pending_row[1])))
                flags.append(False)
                sources.append(pending_row[0])
            pending, pending_row = None, None
        total = _is_total_label(label[0] if len(label) == 1 else " ".join(label))
        if total and not (group and is_subtotal_label(label[0])):
            group = None  # a grand total stands outside the groups; a group's "Sub-total" closes it
        labels.append((group, *label) if group and label else (label or ("",)))
        if total:
            group = None
        values.append(tuple(map(parse_value, cells)))
        flags.append(total)
        sources.append(source)
    return labels, values, flags, sources


def _left_open(label: str, line: str) -> bool:
    """Whether a row's label stops short and a line of words alone under it finishes it: a
    bracket it opens and does not close ("Respiratory (including" over "COVID-19)"), or a last
    word that joins ("Theft of" over "Motor Vehicles"), or the line closes a bracket it never opened."""
    return (label.count("(") > label.count(")") or _WRAP_END.search(label) is not None
            or line.count(")") > line.count("("))


# Words a label's second line starts with when it goes on from the first ("... Photographs /
# Or Pseudo Photographs Of Children." in the Title Case of the seeds' labels).
_CONNECTORS = frozenset("or and of & + plus nor than".split())  # not "Over 18", "With injury", "By age": headings


def is_label_tail(text: str) -> bool:
    """Whether a line of words alone under a row goes on with that row's label: it starts in
    lower case, with a bracket or a joining word, or it is Title Case words ending in a stop
    ("Photographs Of Children.", as the seeds print offences), not a note's sentence."""
    first = text[:1]
    return (first.islower() or first in "([&+" or text.split(" ", 1)[0].lower() in _CONNECTORS
            or title_case_tail(text))


_NOTE_WORDS = frozenset("note notes source please figures data this these the all n.b. nb".split())


def title_case_tail(text: str) -> bool:
    words = text.rstrip(".").split()
    long_words = [w for w in words if len(w) > 3]
    return (text.endswith(".") and 0 < len(words) <= 8 and words[0].lower().rstrip(":") not in _NOTE_WORDS
            and bool(long_words) and all(w[0].isupper() for w in long_words))


def _filled_down(labels: list[str], outer: list[str]) -> list[str]:
    """A row's label cells with a blank group cell taken from the rows above (a merged cell in
    a spreadsheet, a group printed once). Only while the innermost label is there; a totals
    row ("Total" and blanks) ends the groups."""
    if labels[-1] and not (labels[0] and _is_total_label(labels[0])):
        for j in range(len(outer)):
            if labels[j]:
                outer[j:] = labels[j:len(outer)]
                break
            labels[j] = outer[j]
    else:
        outer[:] = [""] * len(outer)
    return labels


@lru_cache(maxsize=4096)  # row labels repeat across a reply's tables
def _is_total_label(text: str) -> bool:
    return bool(_TOTAL_LABEL.match(text))


_SUBTOTAL_LABEL = re.compile(r"^\s*sub[-\s]?totals?\b|^(?!\s*(?:grand|overall)\b).{0,80}?\S\s+totals?\s*:?\s*$",
                             re.IGNORECASE)


def is_subtotal_label(text: str) -> bool:
    """'Sub-total', 'Subtotal', 'Sub total', 'UNSOLVED Total': the total of the group it closes."""
    return _SUBTOTAL_LABEL.match(text) is not None
