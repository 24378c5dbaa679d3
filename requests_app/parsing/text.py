"""Tables in running text: tab-separated, pipe-delimited and space-aligned, across page breaks.

Page furniture (lines repeated on every page, page numbers, protective markings) is
dropped first, so a table broken by a page footer and header is read as one table.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from requests_app.parsing.model import Grid
from requests_app.parsing.tables import (MARKING, PAGE_FOOTER, PARTICULAR, SOURCE_NOTE, _CONNECTORS, _KEY_HEADING,
                                         _is_total_label as _is_total_line,
                                         is_subtotal_label,
                                         header_rows, is_header_like, title_case_tail)
from requests_app.parsing.values import is_answer, is_figure, is_value_like, joined_thousands, parse_value
from requests_app.questions import part_letter, question_number as _question_number

# Asked of most lines (headings, wrapped labels, furniture, the prose above each table),
# and headings and notes repeat through a reply.
question_number = lru_cache(maxsize=8192)(_question_number)

_MARKING = MARKING  # (pdf.py reads it from here)
# "Continued overleaf", "(continued)", "Table 1 (continued)", "cont'd": a page break's words, not a caption
_CONTINUED = re.compile(r"^\W*(?:(?:[\w ]{0,40}\s)?(?:continued|cont'?d\.?|cont\.)(?:\s+(?:overleaf|on\s+(?:the\s+)?next\s+page"
                        r"|below))?"
                        r"|.{0,60}\((?:continued|cont'?d\.?|cont\.)\))\W*$", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^\W*(page\s*)?\d{1,3}(\s*(of|/)\s*\d{1,3})?\W*$", re.IGNORECASE)
_RULE_LINE = re.compile(r"^\s*[|+]?[\s:|+=-]*(?:-{3,}|={3,})[\s:|+=-]*$")  # "|---|---|", "+----+", "+====+"
# Box-drawing tables ("┌───┬───┐", "│ Offence │ 2022 │") read as the ASCII grid tables they draw.
_BOX = str.maketrans({**dict.fromkeys("│┃║╎╏┆┇┊┋", "|"), **dict.fromkeys("─━═╌╍┄┅┈┉", "-"),
                      **dict.fromkeys("┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬╒╓╕╖╘╙╛╜╞╟╡╢╤╥╧╨╪╫╭╮╯╰", "+")})
_BOX_CHARS = "│┃║─━═"
_NO_BREAK = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})
_GAP = re.compile(r"\s{2,}|\t")
_SPACES = re.compile(r" {2,}")
_CONTACT_INITIALS = frozenset("TtPpFfMmWwEeDd")  # of the words _CONTACT opens with
_CONTACT = re.compile(r"(?:tel(?:ephone)?|phone|fax|mobile|textphone|minicom|web(?:site)?|e-?mail|post\s?code|dx)"
                      r"(?:\s+(?:no|number))?\.?\s*:", re.IGNORECASE)
_CONTENTS = re.compile(r"^\W*(?:table\s+of\s+)?contents\W*$", re.IGNORECASE)
_PAGE_HEADING = re.compile(r"^(?:page|pages|page\s+no\.?|page\s+number)$", re.IGNORECASE)


def _contents(run: list[list[str]], above: list[str]) -> bool:
    """A table of contents: headed "Contents" (above it or in its corner) or by one "Page" column."""
    head = run[0]
    if _CONTENTS.match(head[0]) or (len(head) == 2 and _PAGE_HEADING.match(head[1])):
        return True
    last = next((line for line in reversed(above) if line.strip()), "")
    return bool(_CONTENTS.match(last.strip()))


_PHONE_NUMBER = re.compile(r"^(?:\+44\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?:\s|$)")
_LEADERS = re.compile(r"(?<=\S) ?(?:\.{3,}|…+)[ .…]*(?=\s*[\d£(*<xX–—-])")  # _GAP where the only whitespace is the space (it is much faster)


def find_grids(text: str, source: str = "body", question: str | None = None) -> list[Grid]:
    """Every table in `text`, as grids with the lines above each (for caption and question)."""
    return find_grids_and_prose(text, source, question)[0]


def find_grids_and_prose(text: str, source: str = "body", question: str | None = None) -> tuple[list[Grid], str]:
    """The tables in `text`, and the text with the table rows left out (for reading facts).
    `question` is the one in force where the text begins (the text before it asked it)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" in text:  # pdftotext's page break
        text = text.replace("\f", "\n")
    if not text.isascii() and ("\u00a0" in text or "\u202f" in text or "\u2007" in text):
        text = text.translate(_NO_BREAK)  # "1\u00a0055": a space, as the facts read it too
    if not text.isascii() and any(c in text for c in _BOX_CHARS):
        text = text.translate(_BOX)
    lines = _unstacked(text.split("\n"))
    cells_of = _CellCache()
    stripped_lines = list(map(str.strip, lines))  # once: _furniture and the loop below both read them
    furniture = _furniture(lines, cells_of, stripped_lines)
    skipped = dict.fromkeys(furniture, True)  # stripped line -> furniture or a marking, each line asked once
    known_cells = cells_of.get
    grids: list[Grid] = []
    above: list[str] = []  # prose since the previous table (caption)
    context: list[str] = []  # all prose so far (question headings)
    questions = _LatestQuestion(context, question)
    run: list[list[str]] = []
    raw: list[str] = []  # the line each row of the run came from (for column positions)
    gap: list[str] = []  # lines between a run and what follows, held until we know
    for i, (line, stripped) in enumerate(zip(lines, stripped_lines)):
        if not stripped:  # the common blank line, decided here (no furniture, marking or cells)
            if run:
                gap.append("")
            else:
                above.extend(gap)
                above.append(line)
                context.append(line)
                gap = []
            continue
        skip = skipped.get(stripped)
        if skip is None:
            skip = skipped[stripped] = (not stripped[-1].isdigit() and _MARKING.match(stripped) is not None) or (
                "ont" in stripped and len(stripped) <= 80 and _CONTINUED.match(stripped) is not None)
        if skip or (run and (((not stripped[0].isalpha() or stripped[0] in "pP") and _PAGE_NUMBER.match(stripped))
                             or (gap and stripped[0].isdigit() and _DATE_REF.match(stripped)) or (len(stripped) <= 100 and (
                "age" in stripped or "AGE" in stripped or "a g e" in stripped) and PAGE_FOOTER.search(stripped)))
                    and not question_number(stripped)  # "2." heads question 2
                    and (gap or not _wrapped_figures(run, raw, stripped))):  # "  705" right under: the row's last figure
            if run:
                gap.append("")
            context.append(line)  # not a caption, but a footer may carry the date and reference
            continue
        if run and ("---" in line or "===" in line) and _RULE_LINE.match(line):  # (_is_rule, inline: every row asks)
            continue  # |---|---| under a header
        cells = known_cells(line, _UNKNOWN)
        if cells is _UNKNOWN:
            cells = cells_of[line] = _cells(line, stripped)
        if cells is None and stripped[-1] in _FIGURE_ENDS and (run and not gap and type(run[0]) is _OneColumn or not run and above
                                                         and context and context[-1] is above[-1]):
            pair = _label_and_figure(stripped)  # "January 912" under "Month Calls": single-spaced, one figure
            if pair and run:
                run.append(pair)
                raw.append(line)
                continue
            header = pair and _one_column_header(above[-1].strip())
            if header:
                run, raw = [header, pair], [context.pop(), line]
                above.pop()
                gap = []
                continue
        if cells is not None:
            if run and ((gap and not _continues(run, cells)) or (type(cells) is _Listed) != (type(run[0]) is _Listed)
                        or type(run[0]) is _OneColumn or (not gap and _is_total_line(run[-1][0])
                                                            and _header_after_total(run, cells)
                                                            and _figures_follow(lines, i, cells_of))):
                # a page break into something else, or a listed figure beside a table's rows: apart
                grids.extend(_side_by_side(_grid(run, raw, above, context, questions, source)))
                run, raw, above = [], [], []
            if not run and gap:
                above.extend(gap)
            elif not run and above and context and context[-1] is above[-1] and _heading_above(above[-1], line):
                run.append(["", above.pop().strip()])  # "Days lost to" over "sickness": the header's first line
                raw.append(context.pop())
            elif not run and above and context and context[-1] is above[-1] and "  " not in stripped and (
                    header := _worded_header(above[-1].strip(), cells, stripped)):
                run.append(header)  # "Area Arrests Charges" over "North 120 45": a header of words, single-spaced
                raw.append(context.pop())
                above.pop()
            gap = []
            run.append(cells)
            raw.append(line)
        elif run and not gap and _wrapped_figures(run, raw, stripped):
            run[-1] = [*run[-1], *stripped.split()]  # the row's last figures, wrapped onto a line of their own
            raw[-1] = f"{raw[-1]}  {stripped}"
        elif run and not gap and (_label_only(stripped) or _tail_of_label(run, stripped)) and not _caption_of_next(
                run, lines, i, cells_of):
            run.append([stripped])  # a wrapped label in a space-aligned table
            raw.append(line)
        elif run and len(gap) <= 2 and _label_only(stripped) and _wraps_into_next(lines, i, run, cells_of):
            run.append([stripped])  # the same, with blank lines between the rows
            raw.append(line)
            gap = []
        else:
            if run:
                grids.extend(_side_by_side(_grid(run, raw, above, context, questions, source)))
                run, raw, above = [], [], []
            above.extend(gap)
            above.append(line)
            context.append(line)
            gap = []
    if run:
        grids.extend(_side_by_side(_grid(run, raw, above, context, questions, source)))
    return [g for g in grids if len(g.cells) >= 2], "\n".join(context)


_UNKNOWN = object()  # not yet in the _CellCache (None there is a line of prose)


def _unstacked(lines: list[str]) -> list[str]:
    """Tables converted one cell to a line (PDF text read without its layout: "Offence", "2022",
    "2023", "Burglary", "412", "398", ...) as tab-separated rows; other lines as they are."""
    blocks: list[tuple[int, int]] = []  # (start, end) of each run of six or more short lines
    length = 0
    for k, line in enumerate(lines):
        if line and len(line) <= 60 and "  " not in line and "\t" not in line and "|" not in line and line.strip():
            length += 1
            continue
        if length >= 6:
            blocks.append((k - length, k))
        length = 0
    if length >= 6:
        blocks.append((len(lines) - length, len(lines)))
    out: list[str] = []
    done = 0
    for start, end in blocks:
        rows = _stacked_rows(lines[start:end])
        if len(rows) != end - start:
            out += lines[done:start]
            out += rows
            done = end
    return out + lines[done:] if out else lines


def _stacked_rows(block: list[str]) -> list[str]:
    """The block as rows of a label and m figures (after lines of text before them), for the
    smallest m that reads at least three rows so and leaves no line over; else as it is."""
    cells = [line.strip() for line in block]
    figure = [is_value_like(c) for c in cells]
    if sum(figure) < 4:
        return block
    for m in range(1, 9):
        for lead in range(0, min(4, len(cells))):  # prose lines above the table ("Table 1", a caption)
            body = cells[lead:]
            if len(body) % (m + 1) or len(body) // (m + 1) < 3:
                continue
            rows = [body[k:k + m + 1] for k in range(0, len(body), m + 1)]
            marks = [figure[lead + k:lead + k + m + 1] for k in range(0, len(body), m + 1)]
            data = [row for row, mark in zip(rows, marks) if not mark[0] and all(mark[1:])]
            numbers = sum(1 for row in data for c in row[1:] if parse_value(c).__class__ in (int, float))
            header_ok = not marks[0][0] and (all(marks[0][1:]) or not any(marks[0][1:]) or all(
                _YEAR_HEAD.match(c) or _is_total_line(c) for c in rows[0][1:]))  # "2022", "2023", "Total"
            questions = any(row[0].endswith("?") or question_number(row[0]) for row in rows)  # "1. How many?" / "12"
            if len(data) >= len(rows) - 1 and header_ok and numbers * 2 >= len(data) * m and not questions:
                return block[:lead] + ["\t".join(row) for row in rows]
    return block


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

    def __init__(self, context: list[str], question: str | None = None):
        self.context = context
        self.seen = 0
        self.last: str | None = question
        self.main: str | None = question  # the last numbered heading, its parts aside

    def __call__(self) -> str | None:
        context, seen = self.context, self.seen
        self.seen = len(context)
        part = None  # "a)" under "Question 2": part a of question 2
        for k in range(len(context) - 1, seen - 1, -1):
            number = question_number(context[k])
            if number and not _numbered_note(context, k):
                self.last = self.main = number
                break
            part = part or part_letter(context[k])
        if part and self.main:
            self.last = self.main.rstrip("abcdefgh") + part  # (b) after "Q2(a)": 2b
        return self.last


_NOTES_HEADING = re.compile(r"^\W*(?:notes?|footnotes?|sources?|key|caveats?)\W*$", re.IGNORECASE)


def _numbered_note(context: list[str], k: int) -> bool:
    """Whether context line k, numbered, is one of the notes listed under a "Notes:" heading
    ("1. Figures are provisional."), not a question's heading."""
    for j in range(k - 1, max(-1, k - 12), -1):
        line = context[j].strip()
        if not line or question_number(line):
            continue  # (the notes before it, and blank lines)
        return _NOTES_HEADING.match(line) is not None
    return False


def _furniture(lines: list[str], cells_of: _CellCache, stripped_lines: list[str]) -> set[str]:
    """Lines that repeat (page headers and footers) and are not table rows or questions."""
    counts = Counter(stripped_lines)
    counts.pop("", None)
    found = {
        line for line, n in counts.items()
        if n >= 2 and len(line) < 120 and cells_of(line, line) is None and not question_number(line)
        and not _word_tail(line) and not SOURCE_NOTE.match(line)  # "Source: RMS" under each table: its note
    }
    if found:  # the head of a wrapped label repeats too ("Casualty of paramilitary-style" / "assault  38")
        heads = dict.fromkeys(found, True)
        for k, stripped in enumerate(stripped_lines[:-1]):
            if heads.get(stripped):
                tail = stripped_lines[k + 1]
                heads[stripped] = bool(tail) and tail[0].islower() and cells_of(lines[k + 1], tail) is not None
        found -= {line for line, wraps in heads.items() if wraps}
    return found


def _wrapped_figures(run: list[list[str]], raw: list[str], stripped: str) -> bool:
    """Whether `stripped`, figures alone, are what the run's last row lacks of the header's width,
    wrapped from a line long enough to have been wrapped (a short row's blank cell, then "3", is
    a row and a page number)."""
    last = run[-1]
    if len(run) < 2 or type(last) is _Listed or len(last) < 2 or not stripped[:1].isdigit() or len(raw[-1]) < 60:
        return False
    figures = stripped.split()
    return len(last) + len(figures) == len(run[0]) and all(map(is_value_like, figures)) and _is_data(last)


# What heads the labels of a single-spaced table ("Area Arrests Charges" over "North 120 45"):
# the words before as many column headings as the row has figures.
_ROW_HEADING = re.compile(
    r"^(?:(?:police|policing|local|basic\s+command|command|crime|offence|incident|age|ethnic)\s+)?"
    r"(?:areas?|force|district|division|ward|borough|region|county|station|unit|department|team|offences?|crimes?"
    r"|category|type|outcomes?|results?|reasons?|gender|sex|ethnicity|age(?:\s+(?:group|range|band))?|groups?"
    r"|range|band|year|month|quarter|period|rank|role|location|item|description|measure|status|nationality"
    r"|method|power|classification|priority|grade|breed|vehicle)$", re.IGNORECASE)


# A page footer of a date and a reference ("12/03/2021 0456/21"), printed once, between a table's rows
_DATE_REF = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\s+(?=[A-Za-z0-9_.-]*[/A-Za-z-])[A-Za-z0-9/_.-]*\d[A-Za-z0-9/_.-]*$")
_FIGURE_ENDS = frozenset("0123456789%*")  # how a line of a label and one figure ends


class _OneColumn(list):
    """The header of a single-spaced table of one figure a row ("Month Calls" over "January 912"):
    only rows of a label and one figure go on with it."""


def _label_and_figure(line: str) -> list[str] | None:
    """['January', '912'] for a single-spaced 'January 912' (or '2019 41': a year is a label), else None."""
    if "  " in line or "\t" in line or "|" in line or len(line) > 80 or question_number(line):
        return None  # ("Question 2": the next heading)
    label, _, figure = line.rpartition(" ")
    if not label or not is_value_like(figure) or label[-1] in ":.=-–" or (is_value_like(label) and not _YEAR_HEAD.match(label)):
        return None
    return [label, figure]


def _one_column_header(previous: str) -> _OneColumn | None:
    """["Month", "Calls answered in 10s"] for the line over a _label_and_figure row: words that name
    the labels (_ROW_HEADING), then a capitalised heading of the figures; else None."""
    if not previous or len(previous) > 80 or "  " in previous or "\t" in previous or previous[-1] in ".:?,;":
        return None
    words = previous.split(" ")
    for k in range(1, min(3, len(words) - 1) + 1):
        if _ROW_HEADING.match(" ".join(words[:k])) and words[k][:1].isupper():
            return _OneColumn([" ".join(words[:k]), " ".join(words[k:])])
    return None


_CAPTION_WORDS = frozenset("breakdown by of and for in per summary figures data statistics table recorded overview "
                           "analysis report numbers type types information details".split())


def _worded_header(previous: str, cells: list[str], line: str) -> list[str] | None:
    """The header cells of a single-spaced line of words over a single-spaced row of figures,
    when its first words name what the labels are (_ROW_HEADING) and each word after them,
    capitalised, heads one figure column; else None (a caption: "Hate Crime Offences")."""
    figures = len(cells) - 1
    if (figures < 2 or type(cells) is _Listed or "\t" in line or "|" in line or not previous or len(previous) > 80
            or "  " in previous or "\t" in previous or "|" in previous or previous[-1] in ".:?,;"
            or any(c.isdigit() for c in previous) or question_number(previous)):
        return None
    words = previous.split(" ")
    if len(words) <= figures:
        return None
    head, names = words[:len(words) - figures], words[len(words) - figures:]
    if not _ROW_HEADING.match(" ".join(head)) or not all(w[:1].isupper() and w.replace("%", "").isalpha()
                                                         and w.lower() not in _CAPTION_WORDS for w in names):
        return None  # ("Crime Type Breakdown", "Offences Recorded By Year": captions)
    return [" ".join(head), *names]


def _heading_above(previous: str, line: str) -> bool:
    """Whether `previous`, one phrase set in from the left, stands over a column of `line`
    other than its first: the top line of a heading wrapped over two lines."""
    at = len(previous) - len(previous.lstrip(" "))
    if at < 4 or "  " in previous.strip() or not previous.strip():
        return False
    segment = (at, len(previous.rstrip()))
    columns = [m.span() for m in _SEGMENT.finditer(line)]
    over = [span for span in columns if _overlap(segment, span) > 0]
    return len(columns) >= 2 and len(over) == 1 and over[0] != columns[0]  # a centred caption spans several


def _caption_of_next(run: list[list[str]], lines: list[str], i: int, cells_of: "_CellCache") -> bool:
    """Whether line i, words alone under a table, heads the next table instead ("Leeds District"
    under a Total row, over "Ward   2022   2023"): after a totals row, or over a header row."""
    if run[-1] and _is_total_line(run[-1][0]):
        return True
    after = lines[i + 1] if i + 1 < len(lines) else ""
    cells = cells_of(after, after.strip()) if after.strip() else None
    return cells is not None and len(cells) > 1 and not _is_data(cells) or (
        cells is not None and is_header_like(cells) and (cells == run[0] or not _is_data(run[0])))


def _wraps_into_next(lines: list[str], i: int, run: list[list[str]], cells_of: "_CellCache") -> bool:
    """Whether the next line with text (within two) is a row that goes on with the run: then
    line i, words alone after a blank line, is the first line of that row's wrapped label."""
    for line in lines[i + 1:i + 4]:
        stripped = line.strip()
        if stripped:
            cells = cells_of(line, stripped)
            return (cells is not None and type(cells) is not _Listed and _is_data(cells) and not is_header_like(cells)
                    and _continues(run, cells))
    return False


def _word_tail(line: str) -> bool:
    """'injury', 'and arson': the lower-case end of a wrapped label, which can repeat in a table
    ("... - with / injury", "... - without / injury"); a page header or footer is not worded so."""
    return line[0].islower() and line.replace(" ", "").isalpha()


def _cells(line: str, stripped: str) -> list[str] | None:
    """The cells of a table row (`stripped` is line.strip()), or None for a line of prose."""
    if not stripped or (("---" in line or "===" in line) and _RULE_LINE.match(line)):  # _is_rule
        return None
    if stripped[0] in _CONTACT_INITIALS and _CONTACT.match(stripped):
        return None  # "Telephone:   0303 123 1113 (local rate) or 01625 545 745"
    if ".." in stripped or "…" in stripped:  # "Burglary ........ 412": dot leaders part label and figure
        leaders = _LEADERS.sub("   ", stripped)
        if leaders != stripped:
            line = stripped = leaders
    if "\t" in line:
        cells = list(map(str.strip, line.split("\t")))
        if len(cells) == 2 and cells[1] and not is_value_like(cells[1]) and question_number(f"{cells[0]} {cells[1]}"):
            return None  # "1.<tab>Officers dismissed": a numbered heading from a Word list, not a row
        if line.find(" ", line.find("\t")) >= 0:  # a space after the label: "1 234" in a cell is one figure
            cells = [cells[0], *map(joined_thousands, cells[1:])]
        return cells if any(cells) and len(cells) >= 2 else None
    if line.count("|") >= 2 or (" | " in stripped and stripped.count("|") == 1):  # "Yes | 12" has one
        cells = list(map(str.strip, stripped.strip("|").split("|")))
        if any(" " in c for c in cells[1:]):
            cells = [cells[0], *map(joined_thousands, cells[1:])]  # "| 1 234 |": one figure to a cell
        if "**" in stripped or "__" in stripped:  # Markdown's bold: "| **Total** | **160** |"
            cells = [c[2:-2].strip() if len(c) > 4 and c[:2] == c[-2:] and c[:2] in ("**", "__") else c for c in cells]
        return cells if len(cells) >= 2 and all(cells) or line.count("|") >= 2 and len(cells) >= 2 else None
    if stripped.isascii() and stripped.isprintable():  # the usual line: only spaces can be gaps
        if "  " not in stripped:
            return _single_spaced(stripped)  # one cell: what _GAP.split would give
        cells = list(filter(None, _SPACES.split(stripped)))
    else:
        cells = list(filter(None, _GAP.split(stripped)))
    if len(cells) >= 2 and any(is_value_like(c) or _all_values(c) for c in cells[1:]):
        return _split_values(cells)
    if len(cells) >= 3 or (len(cells) == 2 and all(len(c) <= 40 and not c.endswith(".") for c in cells)):
        return cells  # a header line of a space-aligned table
    return _single_spaced(stripped)


# "2019: 12", "Burglary - 5", "Total = 17": a figure to a line after its label. Two or more
# such lines in a row are a table of one column; labels that name a letter's particulars
# ("Our Ref: 12345", "Tel: 0123", "Page: 2") or a question ("Q1: 5") are not rows.
_LIST_ROW = re.compile(r"(?P<label>[^\s:|=][^:|=]{0,79}?)(?:\s*:\s+|\s+[-–—=]\s+)(?P<value>[<>]?\s?£?[\d.,]+%?|\*+)")
_NOT_LISTED = re.compile(
    r"(?:\b(?:ref(?:erence)?|date|dated|tel(?:ephone)?|phone|fax|mobile|e-?mail|page|post\s?code|case|call|no|id"
    r"|number|ext(?:ension)?|room|floor|box|version|issue|year\s+ending|pages?|annex(?:es)?|enclosures?"
    r"|attachments?|answer|dial|rate|hours(?:\s+estimated)?|minutes)\.?|^(?:q(?:uestion)?\s*)?\d{1,2}[a-z]?\s*\W?)$",
    re.IGNORECASE)


class _Listed(list):
    """The cells of a '2019: 12' line: rows of a list never run on with a table's rows."""


def _list_row(line: str) -> list[str] | None:
    """['2019', '12'] for '2019: 12' (see _LIST_ROW), else None."""
    if not (line[-1:].isdigit() or line[-1:] in "%*"):
        return None
    m = _LIST_ROW.fullmatch(line)
    if m is None:
        return None
    label, value = m.group("label").strip().lstrip("•·▪◦‣*-– ").strip(), m.group("value")  # "• 2020/21: 645"
    if not label or not is_value_like(value) or _NOT_LISTED.search(label):
        return None
    return _Listed((label, value))


def _is_rule(line: str) -> bool:
    return ("---" in line or "===" in line) and _RULE_LINE.match(line) is not None  # (most lines have neither)


_YEAR_HEAD = re.compile(r"^(?:19|20)\d\d(?:/\d\d)?$")
_SPACED_RANGE = re.compile(r"^(?:(?:19|20)\d\d ?[-–/] ?(?:\d\d|(?:19|20)\d\d)|\d{1,2} ?[-–] ?\d{1,3})$")


def _split_values(cells: list[str]) -> list[str]:
    """'Harassment  149 133' → ['Harassment', '149', '133']: single-spaced figures split too."""
    out = [cells[0]]
    for cell in cells[1:]:
        out.extend(cell.split(" ") if _all_values(cell) else [cell])
    return out


def _all_values(cell: str) -> bool:
    """'7 8': two or more single-spaced figures (a cell that is one figure is not, nor a range
    with spaces round its dash: "2019 - 20", "2019 – 2020", "10 - 17" head a column)."""
    if " " not in cell or is_figure(cell) or _SPACED_RANGE.match(cell):  # "112 (36%)" is one figure with its share
        return False
    parts = cell.split(" ")
    return all(is_value_like(p) for p in parts)


def _single_spaced(line: str) -> list[str] | None:
    """A single-spaced row: a label and figures, or a listed "label: figure" / "label - figure"
    (the latter read as a list whatever its label: "2019 - 45" and "Total - 158" alike)."""
    found = _trailing_values(line)
    if found is None and line[-1:] in "lLsS":  # "Offence 2021 2022 2023 Total": a header whose tabs were lost
        label, _, last = line.rpartition(" ")
        heads = _trailing_values(label)
        if heads and _is_total_line(last) and all(_YEAR_HEAD.match(h) for h in heads[1:]):
            return [*heads, last]
    if found is not None and len(found) >= 3 and found[-2] in _DASHES:  # "2019 - 45", "Week 1 - 5"
        return _list_row(line) or (found if len(found) == 3 and found[0] not in _DASHES and not _NOT_LISTED.search(
            found[0]) else None)  # "Question 1 - 12": an answer in words
    return found or _list_row(line)


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


def _tail_of_label(run: list[list[str]], line: str) -> bool:
    """A line ending in a stop right under a row ("Or Pseudo Photographs Of Children.") that
    opens with a joining word or is Title Case words: the end of that row's label, not a note
    under the table."""
    return (len(line) <= 120 and len(run[-1]) > 1 and type(run[-1]) is not _Listed and ", " not in line
            and (line.split(" ", 1)[0].lower() in _CONNECTORS or title_case_tail(line)))


def _label_only(line: str) -> bool:
    return len(line) <= 160 and not line.endswith((".", ":")) and question_number(line) is None


def _width(row: list[str]) -> int:
    return len(row)


def _header_after_total(run: list[list[str]], cells: list[str]) -> bool:
    """Whether `cells`, straight under the run's grand total, head the next table ("Outcome  2022  2023"
    under "Total  130  145"): a header of words, or of years as the run's own header is."""
    last = run[-1]
    if len(run) < 3 or not last or not _is_total_line(last[0]) or is_subtotal_label(last[0]) or not is_header_like(cells):
        return False
    if not _is_data(cells) and len(set(cells[1:])) < len(cells) - 1:
        return False  # "Change  Up  Up": a row of words, not headings (each heading names its own column)
    return not _is_data(cells) or (is_header_like(run[0]) and _is_data(run[0]))  # words; or years, as its header's


def _figures_follow(lines: list[str], i: int, cells_of: "_CellCache") -> bool:
    """Whether the next line with text after line i is a row of figures (a new header's first row)."""
    for line in lines[i + 1:i + 4]:
        stripped = line.strip()
        if stripped:
            cells = cells_of(line, stripped)
            return cells is not None and _is_data(cells)
    return False


def _continues(run: list[list[str]], cells: list[str]) -> bool:
    """After a page break: the same columns, and a data row or the header repeated."""
    head = run[1] if len(run) > 1 and run[0][:1] and not any(run[0][1:]) else run[0]  # (under a caption row)
    if run[-1] and cells != head and _is_total_line(run[-1][0]) and is_header_like(cells) and is_header_like(head):
        return False  # a total, a blank line, then a header of years: the next table ("Age band  2022  2023")
    if cells != head and _years_row(cells) and _years_row(head):
        return False  # another header of years ("Offence  2020  2021" after "Offence  2022"): another table
    header = head if not _is_data(head) else None
    same_width = abs(_width(cells) - max(_width(r) for r in run)) <= 1
    return same_width and (_is_data(cells) or (header is not None and cells == header) or not any(cells[1:]))


def _years_row(cells: list[str]) -> bool:
    rest = [c for c in cells[1:] if c]
    return bool(rest) and all(_YEAR_HEAD.match(c) for c in rest)


def _is_data(cells: list[str]) -> bool:
    rest = [c for c in cells[1:] if c]
    return bool(rest) and all(is_value_like(c) for c in rest)


def _grid(run: list[list[str]], raw: list[str], above: list[str], context: list[str],
          questions: _LatestQuestion, source: str) -> Grid | None:
    """The run as a grid; a run with no figures ('Our Ref:   FOI/123') or a single row is prose,
    and so are a signature's "Telephone   01245 452 110" and a table of contents."""
    if len(run) < 2 or not (any(is_figure(c) for row in run for c in row[1:] if c) or _answers(run)) or any(
            len(row) == 2 and _PHONE_NUMBER.match(row[1]) for row in run) or _contents(run, above):
        context.extend(raw)  # prose after all ('Our Ref:   FOI/123', 'Your Ref:  N/A'): the lines, for the facts
        context.extend(labelled_pairs(run))
        return None
    if type(run[0]) is _OneColumn and sum(1 for row in run[1:] if len(row) == 2) < 2:  # "Force ... Unit" / "PO Box 168"
        context.extend(raw)
        return None
    if _justified(run):  # its words with single spaces, read as the sentences they are
        context.extend(" ".join(line.split()) for line in raw)
        return None
    run = _dash_list(run, raw)
    piped = any(line.count("|") >= 2 for line in raw)
    spaced = not piped and not any("\t" in line for line in raw)
    run, raw = _rejoined_wraps(run, raw)  # (tab-separated rows wrap at 76 characters too)
    if spaced:
        run = _joined_labels(_set_in_headings(_label_under_its_column(run, raw), raw))
    heads = header_rows(run)  # the rows that head it (removing repeats below them leaves the count as it is)
    counted = run
    if not _is_data(run[0]) or is_header_like(run[0]):  # a header row, of text or of years
        run, raw = _without_repeats(run, raw, heads or 1)  # the header repeated after page breaks
    if spaced:
        run = _align(run, raw, heads)
    left = len(run)
    while left > 1 and len(run[left - 1]) == 1:  # a label-only line that no row followed: a note under the table
        left -= 1
    notes = raw[left:]  # prose: "<5 - figures suppressed under Section 40(2)"
    if left < len(run):
        run, raw = run[:left], raw[:left]
    question = questions()
    context.extend(notes)  # after the question is read: a heading under the table is the next table's
    if spaced:
        indents = tuple([len(line) - len(line.lstrip(" ")) for line in raw])
    elif not piped:  # tab-separated: set in with spaces or leading tabs
        run, indents = _tab_indents(run, raw)
    else:
        indents = ()
    cells = tuple(map(tuple, run))
    return Grid(cells=cells, source=source, above=tuple(above[-20:]), question=question, indents=indents,
                header_of=(cells, heads) if run is counted else ())  # the rows as counted: build_table counts them once


def _answers(run: list[list[str]]) -> bool:
    """A table of answers, not figures: under a header of words, two rows or more whose every cell
    after the label is a Yes or No, a ratio, a time or a duration ("Taser | Yes", "2021 | 00:12:34")."""
    head, body = run[0], run[1:]
    return (len(body) >= 2 and len(head) >= 2 and all(h and not is_value_like(h) and not is_answer(h) for h in head[1:])
            and all(len(row) == len(head) and all(c and is_answer(c) for c in row[1:]) for row in body))


def _tab_indents(run: list[list[str]], raw: list[str]) -> tuple[list[list[str]], tuple[int, ...]]:
    """How far each row of a tab-separated table is set in (a Word table pasted as text: "    Assault"
    or "<tab>Assault" under "Violence"), and the rows without the empty cells leading tabs make:
    a row below the first whose label comes after its leading tabs and that is that many cells
    wider than the first row. () when no row is set in."""
    firsts = {line[:1] for line in raw}
    if " " not in firsts and "\t" not in firsts:
        return run, ()  # the usual table: no row set in
    width = len(run[0])
    rows, indents = [], []
    for k, (row, line) in enumerate(zip(run, raw)):
        tabs = len(line) - len(line.lstrip("\t"))
        rest = line[tabs:]
        spaces = len(rest) - len(rest.lstrip(" "))
        if k and tabs and len(row) == width + tabs and row[tabs] and not is_value_like(row[tabs]):
            rows.append(row[tabs:])
            indents.append(tabs * 8 + spaces)
        else:
            rows.append(row)
            indents.append(spaces if not tabs else 0)
    if not any(indents):
        return run, ()
    return rows, tuple(indents)





def labelled_pairs(run) -> list[str]:
    """A letter's particulars laid out as labels over their values ("Our Ref | Your Ref | Date" over
    "1234/24 | JS/1 | 12 March 2024"): "Our Ref: 1234/24" lines, for the facts; else none."""
    rows = list(run)
    if len(rows) != 2 or len(rows[0]) != len(rows[1]) or len(rows[0]) < 2:
        return []
    head, values = rows
    pairs = [(h.strip(), v.strip()) for h, v in zip(head, values) if h.strip() or v.strip()]
    if not pairs or not all(h and v and PARTICULAR.match(h) for h, v in pairs):
        return []
    return [f"{h.rstrip(':')}: {v}" for h, v in pairs]


def _side_by_side(grid: Grid | None) -> list[Grid]:
    """Two tables set side by side ("Gender  2022  2023      Age band  2022  2023"), as two grids: where
    every row has words in one column right after a figure in every row below the header."""
    if grid is None:
        return []
    cells = grid.cells
    captions: tuple[str, ...] = ()
    if (len(cells) >= 4 and len(cells[0]) == 2 and len(cells[1]) >= 4 and not any(map(is_value_like, cells[0]))
            and all(len(r) == len(cells[1]) for r in cells[2:])):
        captions, cells = cells[0], cells[1:]  # "Stop and search 2024        Stop and search 2025": each one's caption
    head = cells[0]
    width = len(head)
    if width < 4 or len(cells) < 3 or (width == 4 and (head[1] != head[3] or head[0] != head[2])):
        return [grid]  # (four columns: two tables only under the same headings twice, "Reason  Searches" twice)
    candidates = [j for j in range(2, width - 1) if head[j] and not is_value_like(head[j])]
    if not candidates or any(len(r) != width for r in cells):
        return [grid]  # the usual table: figures' headings after the first two columns
    for j in candidates:
        if all(r[j] and not is_value_like(r[j]) for r in cells) and all(
                r[j - 1] and is_value_like(r[j - 1]) for r in cells[1:]):
            left, right = tuple(r[:j] for r in cells), tuple(r[j:] for r in cells)
            left_title, right_title = captions or (grid.title, grid.title)
            return [replace(grid, cells=left, indents=(), title=left_title),
                    replace(grid, cells=right, indents=(), above=(), title=right_title)]
    return [grid]


def _justified(run: list[list[str]]) -> bool:
    """Justified prose (a PDF's stretched word spaces, `pdftotext -layout`): its "cells" are mostly
    words in lower case, few of them figures ("Thank   you  for  your  request ... on  14  February")."""
    if len(run[0]) < 4 or not any(c[:1].islower() for c in run[0][1:]):
        return False  # the usual table: a few columns, its first row no words in lower case
    cells = [c for row in run for c in row[1:] if c]
    lower = sum(1 for c in cells if c[0].islower())
    return lower * 3 > len(cells) and sum(1 for c in cells if is_figure(c)) * 3 < len(cells)


def _rejoined_wraps(run: list[list[str]], raw: list[str]) -> tuple[list[list[str]], list[str]]:
    """A wide table wrapped line by line at a fixed width (an e-mail's 76 characters): every
    row is a line with its label, then a line that goes on with its figures ("84  86  1010"),
    the header likewise. The pairs are joined when all of them make rows of one width. When only
    the header was long enough to wrap, its two lines are joined when they make the rows' width."""
    if len(run) >= 3 and len(run[0]) + len(run[1]) == len(run[2]) >= 6 and all(
            len(r) == len(run[2]) for r in run[2:]) and not any(map(is_value_like, run[1])) and _is_data(run[2]):
        return [[*run[0], *run[1]], *run[2:]], [f"{raw[0]}  {raw[1]}", *raw[2:]]  # "... November" / "December ... Total"
    if len(run) < 6 or len(run) % 2:
        return run, raw
    heads, tails = run[0::2], run[1::2]
    width = len(heads[0]) + len(tails[0])
    if any(len(h) + len(t) != width or len(t) >= len(h) for h, t in zip(heads, tails)):
        return run, raw
    if not all(is_value_like(t[0]) and not is_value_like(h[0]) for h, t in zip(heads[1:], tails[1:])):
        return run, raw
    if is_value_like(tails[0][0]) and not is_header_like(tails[0]):
        return run, raw  # the header's tail is headings (or years)
    return [[*h, *t] for h, t in zip(heads, tails)], [f"{h}  {t}" for h, t in zip(raw[0::2], raw[1::2])]


def _label_under_its_column(run: list[list[str]], raw: list[str]) -> list[list[str]]:
    """A row one cell short whose words start under the second column of the full rows
    ("2022  Burglary  96" then "        Robbery   31"): its first label was printed once, for
    the group; a blank cell goes in front, to be filled down (tables._filled_down)."""
    width = max(map(len, run))
    if width < 3:
        return run
    keyed = len(run[0]) == width and _KEY_HEADING.match(run[0][1]) is not None  # "Outcome  Age  Number": 14 a label
    if not any(len(row) == width - 1 and (keyed or not is_value_like(row[0])) for row in run):
        return run  # the usual table: no row one cell short
    full = [line for row, line in zip(run, raw) if len(row) == width and _is_data(row[1:])][:8]
    if len(full) < 2:
        return run
    starts = [segments[1].start() for segments in (list(_SEGMENT.finditer(line)) for line in full) if len(segments) > 1]
    if len(starts) < 2:
        return run  # single-spaced rows ("Harassment 149 133"): no columns by position
    second = min(starts)
    out = run
    for i, (row, line) in enumerate(zip(run, raw)):
        if len(row) == width - 1 and (keyed or not is_value_like(row[0])) and len(line) - len(line.lstrip(" ")) >= second - 1:
            out = list(out) if out is run else out
            out[i] = ["", *row]
    return out


def _set_in_headings(run: list[list[str]], raw: list[str]) -> list[list[str]]:
    """A line of words alone above the first row of figures, set in over the figures' columns
    (the last line of "Days lost to / sickness / absence"), goes on with the header: it is
    not a label, which would stand at the left with the others."""
    if not any(len(row) == 1 for row in run[1:5]):
        return run  # the usual table: no words alone among its first lines
    first = next((i for i, row in enumerate(run) if len(row) > 1 and _is_data(row)), None)
    if first is None or first < 2:
        return run
    data = [i for i in range(first, min(len(run), first + 8)) if len(run[i]) > 1]
    label_x = min(len(raw[i]) - len(raw[i].lstrip(" ")) for i in data)
    out = run
    for i in range(1, min(first, 5)):
        if len(run[i]) == 1 and len(raw[i]) - len(raw[i].lstrip(" ")) > label_x + 4:
            out = list(out) if out is run else out
            out[i] = ["", run[i][0]]
    return out


def _joined_labels(run: list[list[str]]) -> list[list[str]]:
    """Rows with more cells than most, whose extra cells are words before the figures, hold
    one label with a double space in it ("Theft  from a vehicle   12   14", or a justified
    line): its words become one cell again, so the row does not read as a header."""
    widths = Counter(map(len, run))
    common = widths.most_common(1)[0][0]
    if len(widths) == 1 or common < 2:
        return run
    out = run
    for i, row in enumerate(run):
        extra = len(row) - common
        if extra > 0 and not any(map(is_value_like, row[:extra + 1])) and all(
                is_value_like(c) for c in row[extra + 1:] if c) and any(row[extra + 1:]):
            if out is run:
                out = list(run)
            out[i] = [" ".join(row[:extra + 1]), *row[extra + 1:]]
    return out


_DASHES = frozenset({"-", "–", "—"})


def _dash_list(run: list[list[str]], raw: list[str]) -> list[list[str]]:
    """'Burglary - 10' on every line, single-spaced: a list with a dash between label and
    figure, not a column of nil figures beside another column."""
    if all(len(r) == 3 and r[1] in _DASHES and "  " not in line.strip() for r, line in zip(run, raw)):
        return [[r[0], r[2]] for r in run]
    return run


def _without_repeats(run: list[list[str]], raw: list[str], n_head: int) -> tuple[list[list[str]], list[str]]:
    """The run (and its lines) without the rows that repeat a header row (whitespace
    aside): the whole header, one line or several, is printed again after a page break.
    A row is normalised only when its characters other than whitespace are a header row's:
    most rows are told apart by one join and split, with no normalising per cell."""
    heads = {_normalised(r) for r in run[:n_head]}
    keys = {"".join(h).replace(" ", "") for h in heads}
    firsts = {r[0].replace(" ", "") for r in run[:n_head] if r}
    if "" not in firsts and not any(r and r[0].replace(" ", "") in firsts for r in run[n_head:]):
        return run, raw  # the usual table: no row below the header opens as a header row does
    rows, lines = run[:n_head], raw[:n_head]
    for r, line in zip(run[n_head:], raw[n_head:]):
        if "".join("".join(r).split()) not in keys or _normalised(r) not in heads:
            rows.append(r)
            lines.append(line)
    return rows, lines


def _normalised(row: list[str]) -> tuple[str, ...]:
    return tuple([" ".join(c.split()) for c in row if c and not c.isspace()])


# A space-aligned table: cells are what 2+ spaces separate; a row's single-spaced figures
# were split into cells by _cells. The header row's positions say which column each figure is in.
_SEGMENT = re.compile(r"\S+(?: \S+)*")
_TOKEN = re.compile(r"\S+")


def _align(run: list[list[str]], raw: list[str], n_head: int | None) -> list[list[str]]:
    """Rows of a space-aligned table put under the header's columns: a label whose
    single-spaced words include figures ('Aged 10 to 17') stays one cell, and a row with an
    empty cell keeps its figures under the right headings. Only rows whose cell count is
    not the header's are placed again; a row that cannot be placed is left as it was read.

    A header over two or three lines is read by character position: each line's headings
    go to the columns they stand over, so "Number of" above "offences" is one heading, and
    a heading over several columns ("Under 18" above "Male  Female") heads each of them."""
    if not n_head:
        return run  # no header row to align to
    base = max(range(n_head), key=lambda i: (len(run[i]), i))  # the header line with most headings
    spans = [m.span() for m in _SEGMENT.finditer(raw[base])]
    header = [list(row) for row in run[:n_head]]
    if n_head > 1 and header[base][:1] == [""] and len(spans) == len(header[base]) - 1:
        header[base] = header[base][1:]  # the label's blank heading (_label_under_its_column): placed again below
    if len(spans) != len(header[base]) or len(spans) < 2:
        return run
    body, body_raw = run[n_head:], raw[n_head:]
    widths = Counter(len(r) for r in body if len(r) > 1)
    if not widths:
        return run
    width = len(spans)
    indent = min(len(line) - len(line.lstrip(" ")) for line in body_raw)
    if widths.most_common(1)[0][0] == width + 1 and spans[0][0] > indent:
        spans = [(0, 0), *spans]  # the label column has no heading: its cell is blank
        width += 1
        header[base] = ["", *header[base]]
    elif widths.most_common(1)[0][0] == width + 1:
        blank = _unheaded_column(spans, next(line for row, line in zip(body, body_raw) if len(row) == width + 1))
        if blank is not None:  # a column of figures with no heading ("1,204   72.1%" under "Number")
            k, span = blank
            spans = [*spans[:k], span, *spans[k:]]
            header[base] = [*header[base][:k], "", *header[base][k:]]
            width += 1
    if n_head > 1:
        if width not in widths or (run[base][:1] == [""] and header[base][:1] != [""]):
            return run  # no row fills the columns the headings make: the figures are not under them
        header = [row if i == base else _headings_over(raw[i], spans) for i, row in enumerate(header)]
    out = header
    for row, line in zip(body, body_raw):
        if len(row) <= 1 or len(row) == width:
            out.append(row)
            continue
        placed = _placed(line, spans)
        if placed is None and len(row) > width and _is_data(row[len(row) - width:]):
            placed = [" ".join(row[:len(row) - width + 1]), *row[len(row) - width + 1:]]  # label words
        out.append(placed or row)
    return out


def _unheaded_column(spans: list[tuple[int, int]], line: str) -> tuple[int, tuple[int, int]] | None:
    """(index, span) of the one cell of a full row that no heading stands over, if that is a
    figure's column (not the label's)."""
    cells = [m.span() for m in _SEGMENT.finditer(line)]
    if len(cells) != len(spans) + 1:
        return None
    used = {min(range(len(cells)), key=lambda j: _distance(span, cells[j])) for span in spans}
    missing = [j for j in range(len(cells)) if j not in used]
    return (missing[0], cells[missing[0]]) if len(used) == len(spans) and missing and missing[0] > 0 else None


def _headings_over(line: str, spans: list[tuple[int, int]]) -> list[str]:
    """The headings of one header line as cells under the columns `spans`: each goes to
    every column it overlaps by two characters or more (or by the column's width, if
    narrower), else to the nearest column; two headings over one column are joined."""
    cells: list[list[str]] = [[] for _ in spans]
    for m in _SEGMENT.finditer(line):
        segment = m.span()
        over = [j for j, span in enumerate(spans)
                if span[1] > span[0] and _overlap(segment, span) >= min(2, span[1] - span[0])]
        if not over:
            over = [min(range(len(spans)), key=lambda j: _distance(segment, spans[j]))]
        for j in over:
            cells[j].append(m.group())
    return [" ".join(c) for c in cells]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _placed(line: str, spans: list[tuple[int, int]]) -> list[str] | None:
    """The row in `line` as cells under the heading `spans` (the first is the label's), or
    None when its figures cannot each be placed under a heading of their own."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(line)]
    width = len(spans)
    cells = [""] * width
    k = len(tokens)
    last_column = width
    while k > 1:  # the figures, from the right, each under the nearest heading
        start, end, text = tokens[k - 1]
        if not is_value_like(text):
            break
        column = min(range(1, width), key=lambda j: _distance((start, end), spans[j]))
        if column >= last_column:  # a figure in the label ('Aged 10 to 17   5'), or misaligned
            if _gap_before(line, tokens[k][0]) < 2:
                return None
            break
        if _distance((start, end), spans[column]) > 2:
            return None
        cells[column] = text
        last_column = column
        k -= 1
    if k == len(tokens) or k == 0:
        return None
    label = line[tokens[0][0]:tokens[k - 1][1]]
    if "  " in label:
        return None  # more than one text cell: not a row this alignment is for
    cells[0] = label
    return cells


def _gap_before(line: str, start: int) -> int:
    gap = 0
    while start - gap - 1 >= 0 and line[start - gap - 1] == " ":
        gap += 1
    return gap


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """How far apart two spans of a line are: 0 when they overlap."""
    return max(0, b[0] - a[1], a[0] - b[1])
