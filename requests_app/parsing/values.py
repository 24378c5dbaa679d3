"""Cell text to values, as the contract says: numbers, nil markers, suppressed figures."""
from __future__ import annotations

import re
from functools import lru_cache

from requests_app.parsing.model import Value

# '-', en dash, em dash, and 'ı' (how '-' comes out of some PDF-to-text conversions).
NIL_MARKERS = frozenset({"-", "–", "—", "ı", "--", "‒", "−"})
# Thousands separators, £, %, decimals; no leading zero (a phone number or code, not a count).
_NUMBER = re.compile(r"^\(?[-−+]?£?\s?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?(?:\s?%)?\)?$"
                     r"|^\(?[-−+]?£?\s?(?:0|[1-9]\d*)(?:\.\d+)?(?:\s?%)?\)?$")  # ("45.0 %": a space before the sign too)
# Figures printed with a unit or their share, kept as printed ("anything else"), but figures
# for finding a table's columns and telling a table from prose: "£1.2m", "3.5k", "112 (36%)".
_FIGURE_TEXT = re.compile(r"^£?\s?\d[\d,]*(?:\.\d+)?\s?(?:m|bn|k|million|billion)$"
                          r"|^[-−]?£?\d[\d,]*(?:\.\d+)?%?\s*\(\s*[-−]?\d+(?:\.\d+)?\s?%\s*\)$", re.IGNORECASE)
# A figure with a footnote mark ("412¹", "87*", "1,310 (a)", "95 [2]", "1,310†") is the figure:
# the mark points to a note under the table, which the reply's text keeps.
_FOOTNOTED = re.compile(r"^(?P<figure>[-−]?£?\d[\d,]*(?:\.\d+)?%?)"
                        r"(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}|\s?[†‡§]+|\s?\([a-z]\)|\s?\[[a-z0-9]{1,2}\])$", re.IGNORECASE)
_SUPPRESSED = re.compile(r"^(?:\*+|<\s?\d+(?:\.\d+)?%?|>\s?\d+|x|X|n/?a|N/?A|\.\.|:|~|c|\[[a-z]\]|-?\*"
                         r"|(?i:nil|none|n/?k|not\s+(?:known|recorded|held|available)))$")  # kept as printed


# What a column holds instead of figures, kept as printed and read as values, not labels: an answer
# ("Yes", "No"), a ratio ("1:4"), a time ("00:12:34") or a duration ("12 mins").
_ANSWER = re.compile(r"^(?:yes|no|y|n|\d{1,4}:\d{1,4}(?::[0-5]\d)?|\d+(?:\.\d+)?\s?(?:secs?|seconds?|mins?|minutes?|hrs?|hours?"
                     r"|days?|weeks?|months?|years?))$", re.IGNORECASE)


@lru_cache(maxsize=8192)
def is_answer(text: str) -> bool:
    return _ANSWER.match(" ".join(str(text).split())) is not None


_NOT_DIGIT = re.compile(r"[^\d.]")
TIME = re.compile(r"^\d{1,3}:[0-5]\d(?::[0-5]\d)?$")  # "00:12:34", an attendance time: a figure's column, kept as printed


@lru_cache(maxsize=65536)  # a reply repeats the same few thousand cell strings
def parse_value(text: str) -> Value:
    """'1,055' → 1055, '£1,234.50' → 1234.5, '12.5%' → 12.5, '-' → 0, '' → None, '*' → '*'."""
    cell = " ".join(str(text).split())
    if not cell:
        return None
    if cell in NIL_MARKERS:
        return 0
    if _NUMBER.match(cell):  # "(12.5%)" in a "% change" column is -12.5, as "(12)" is -12
        negative = cell.startswith(("(", "-", "−")) and cell not in NIL_MARKERS
        digits = _NOT_DIGIT.sub("", cell)
        number = float(digits) if "." in digits else int(digits)
        return -number if negative else number
    footnoted = _FOOTNOTED.match(cell)
    if footnoted and _NUMBER.match(footnoted.group("figure")):
        return parse_value(footnoted.group("figure"))
    return cell


@lru_cache(maxsize=65536)
def is_value_like(text: str) -> bool:
    """A cell that belongs in a figures column: a number, a nil marker, a suppression mark."""
    cell = " ".join(str(text).split())
    return bool(cell) and (cell in NIL_MARKERS or bool(_NUMBER.match(cell)) or bool(_SUPPRESSED.match(cell))
                           or bool(_FIGURE_TEXT.match(cell)) or bool(_FOOTNOTED.match(cell)))


@lru_cache(maxsize=65536)
def is_figure(text: str) -> bool:
    """A cell that states a figure: a number (nil markers are 0) or one printed with a unit or
    share ("£1.2m", "112 (36%)"); not a suppression mark, "n/a" or words."""
    value = parse_value(text)
    return type(value) in _NUMBER_TYPES or (type(value) is str and _FIGURE_TEXT.match(value) is not None)


_NUMBER_TYPES = frozenset({int, float})


def is_number(value: Value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_SPACED_THOUSANDS = re.compile(r"^£?[1-9]\d{0,2}(?: \d{3})+(?:\.\d+)?$")


def joined_thousands(cell: str) -> str:
    """ "1 234" (a space or &nbsp; between the thousands) as "1234", where the cell holds one figure
    (a spreadsheet's or an HTML table's cell; in running text "149 133" is two figures)."""
    return cell.replace(" ", "") if _SPACED_THOUSANDS.match(cell) else cell
