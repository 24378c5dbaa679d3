"""Stated totals compared with the sums of what they total. Reported, never corrected."""
from __future__ import annotations

import re
from functools import lru_cache
from operator import itemgetter

from requests_app.parsing.model import Row, Value

_TOTAL_COLUMN = re.compile(r"^\s*(grand\s+)?totals?\b|^\s*all(?:\s+(?:years|months|quarters|periods|ages|areas|forces|offences"
                           r"|crimes|categories|types|outcomes|groups|genders|ethnicities))?\s*$|\btotal\s*$", re.IGNORECASE)
# Rates, shares and averages are not added up: a total of them means nothing.
_NOT_ADDITIVE = re.compile(r"%|percent|\brate\b|average|\bmean\b|median|\bper\b|ratio|change|\brank(?:ing)?\b"
                           r"|\bposition\b", re.IGNORECASE)
# A row of rates, shares or averages under the counts ("% charged", "Arrest rate", "Average per
# year"): neither a sum across nor part of the total below. Narrower than a column's test:
# "Abuse of position of trust" and "Climate change protest" are offences.
_NOT_ADDITIVE_ROW = re.compile(
    r"%|\bper\s*cent|\bpercentage|\bproportion\b|^\W*(?:average|mean|median)\W*$|\b(?:average|mean|median)\W*$"
    r"|^\W*(?:average|mean|median)\s+(?:per|of|number|time|rate|cost|length|duration|age|value|response|attendance)\b"
    r"|\brates?\W*$|\brates?\s+(?:per|of)\b|\bper\s+(?:\d[\d,]*|head|capita|officer|day|week|month|year)\b"
    r"|^\W*(?:of\s+(?:which|whom)|including|incl?\.|within\s+which)\b", re.IGNORECASE)  # "of which aggravated": part of the row above
_NUMBER_TYPES = frozenset({int, float})  # what is_number() accepts from parse_value
_INT_OR_NONE = frozenset({int, type(None)})


@lru_cache(maxsize=4096)  # the same column names recur across a reply's tables
def _additive(name: str) -> bool:
    return not _NOT_ADDITIVE.search(name or "")


# A column of shares of a whole ("%", "% of total", "Percentage"; tables.py marks one printed with
# "%" so): its parts add up to 100, within their rounding. A rate or a change printed as a percentage
# is not one, and neither is a column whose figures and total are both far from 100 ("% arrested").
_SHARE_NAME = re.compile(r"%|\bper\s*cent|percentage|\bshare\b|proportion", re.IGNORECASE)
_NOT_SHARE = re.compile(r"\brate\b|average|\bmean\b|median|\bper\b(?!\s*cent)|ratio|change|\brank(?:ing)?\b|\bposition\b"
                        r"|increase|decrease|difference", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _share(name: str) -> bool:
    return bool(_SHARE_NAME.search(name or "")) and not _NOT_SHARE.search(name or "")


def _whole_share(name: str) -> bool:
    """A heading that says its figures are shares of the whole ("%", "% of total", "Percentage", "Share"),
    not a measure printed as a percentage ("Positive outcome %")."""
    name = name[:-2] if name.endswith(" %") else name  # (tables.py's mark for figures printed with "%")
    return bool(re.match(r"\s*%\s*$|\s*%\s+(?:of|share)\b|.*\b(?:percentage\s+of|share|proportion|of\s+(?:the\s+)?total"
                         r"|per\s*cent\s+of)\b", name, re.IGNORECASE))  # ("% detected", "Percentage arrested": rates)


def _shares_agree(stated, computed, parts: int) -> bool | None:
    """Whether shares add up to their stated total (each part rounded: half a point a part); None when
    neither is about 100, so that the column is no share of a whole and is not checked."""
    slack = max(0.5 * parts, 0.15)
    if abs(stated - 100) > slack and abs(computed - 100) > slack:
        return None
    return abs(stated - computed) <= slack


@lru_cache(maxsize=4096)
def _row_additive(label: str) -> bool:
    return not _NOT_ADDITIVE_ROW.search(label)


def check(columns: list[str], rows: list[Row], groups: bool = False) -> tuple[bool | None, list[str]]:
    """(totals_consistent, warnings): True when every total checked adds up, None if none could be.

    Every row holds one value per column (tables.py pads the grid). With `groups`, each
    group's row is checked against the rows under it too. Rows of rates, shares and averages
    are left out of every check."""
    if not all([_row_additive(r.label[-1]) for r in rows if r.label]):
        rows = [r for r in rows if not r.label or _row_additive(r.label[-1])]
    checked, warnings = 0, []
    checks = [_column_checks(columns, rows), _row_checks(columns, rows)]
    if groups:  # nesting the layout shows; nesting found from the figures adds up by construction
        checks.append(_subtotal_checks(columns, rows))
    for made, found in checks:
        checked += made
        warnings.extend(found)
    warnings = list(dict.fromkeys(warnings))  # a grand total cell off both across and down, with one sum: one line
    if warnings:
        return False, warnings
    return (True if checked else None), warnings


def _sum(values: tuple[Value, ...]) -> int | float | None:
    """The sum of figures, empty cells as nothing; None when a suppressed figure is in the way."""
    if _INT_OR_NONE.issuperset(map(type, values)):  # the usual counts, added up in C
        return sum(filter(None, values)) if values.count(None) < len(values) else None
    total, seen = 0, False
    for v in values:
        if v is None:
            continue
        if type(v) not in (int, float):
            return None
        total, seen = total + v, True
    if not seen:
        return None
    return round(total, 6) if isinstance(total, float) else total


def _same(stated, computed, parts: int = 2, values=()) -> bool:
    """Equal; with decimals, within what rounding the figures can explain: half a unit of the
    coarsest place printed among them (`values`, the parts) for each part and for the total.
    A £40 gap in £10,000.00, or £1,000 in £2,001,000.00, is a mismatch; 33.3 × 3 against 100 is not."""
    if isinstance(stated, float) or isinstance(computed, float):
        places = min((_places(v) if type(v) is float else 0 for v in (stated, *values) if type(v) in _NUMBER_TYPES),
                     default=1)  # (a total rounded to whole pounds over parts in pence: half a pound a part)
        return abs(stated - computed) <= 0.5 * 10.0 ** -places * (parts + 1) + 1e-9
    return stated == computed


def _places(value: float) -> int:
    """Decimal places a parsed figure shows (1,234.50 parses to 1234.5: one; trailing zeros are lost)."""
    text = repr(value)
    return len(text) - text.index(".") - 1 if "." in text and "e" not in text else 0


def _label(row: Row) -> str:
    return " > ".join(row.label)


def _column_checks(columns: list[str], rows: list[Row]) -> tuple[int, list[str]]:
    """A totals column ('Total', 'Grand Total') equals the sum of the other columns on its row
    (those to its left; all of them when it comes first)."""
    total_cols = [j for j, name in enumerate(columns) if _TOTAL_COLUMN.search(name or "") and _additive(name)]
    if not total_cols and any(map(_share, columns)):  # "Charged %  Not charged %  Total %"
        return _share_column_checks(columns, rows)
    if len(total_cols) > 1:  # a total for each group ("2022 Male Female Total  2023 Male Female Total")
        checked, warnings = 0, []
        for start, t in zip([0, *[j + 1 for j in total_cols]], total_cols):
            made, found = _column_check(columns, rows, t, [j for j in range(start, t) if _additive(columns[j])])
            checked, warnings = checked + made, warnings + found
        return checked, warnings
    if not total_cols or (total_cols[0] == 0 and len(columns) < 3):
        return 0, []
    t = total_cols[0]
    # the figures to its left; a totals column printed first, those to its right
    return _column_check(columns, rows, t, [j for j in (range(t) if t else range(1, len(columns))) if _additive(columns[j])])


def _share_column_checks(columns: list[str], rows: list[Row]) -> tuple[int, list[str]]:
    """A totals column of shares against the shares to its left, row by row (see _shares_agree)."""
    t = next((j for j, name in enumerate(columns) if _TOTAL_COLUMN.search(name or "") and _share(name)), None)
    summed = [j for j in range(t or 0) if _share(columns[j])]
    if not t or len(summed) != t:
        return 0, []  # a total of shares beside counts: nothing to add it to
    checked, warnings = 0, []
    for row in rows:
        stated, picked = row.values[t], [row.values[j] for j in summed]
        if type(stated) not in _NUMBER_TYPES or not all(type(v) in _NUMBER_TYPES for v in picked):
            continue
        computed = round(sum(picked), 6)
        agree = _shares_agree(stated, computed, len(picked))
        if agree is None:
            continue
        checked += 1
        if not agree:
            warnings.append(f"row '{_label(row)}', column '{columns[t]}': stated {_fmt(stated)}, sum {_fmt(computed)}")
    return checked, warnings


def _column_check(columns: list[str], rows: list[Row], t: int, summed: list[int]) -> tuple[int, list[str]]:
    """Totals column t against the sum of the columns `summed`, row by row."""
    if not summed:
        return 0, []
    pick = itemgetter(*summed) if len(summed) > 1 else lambda values: (values[summed[0]],)
    checked, warnings = 0, []
    for row in rows:
        stated = row.values[t]
        if type(stated) not in _NUMBER_TYPES:
            continue
        picked = pick(row.values)
        if type(stated) is int and _INT_OR_NONE.issuperset(map(type, picked)):  # _sum and _same, inline
            if picked.count(None) == len(picked):
                continue
            checked += 1
            computed = sum(filter(None, picked))
            if stated != computed:
                warnings.append(f"row '{_label(row)}', column '{columns[t]}': stated {_fmt(stated)}, "
                                f"sum {_fmt(computed)}")
            continue
        computed = _sum(picked)
        if computed is None:
            continue
        checked += 1
        if not _same(stated, computed, len(picked), picked):
            warnings.append(f"row '{_label(row)}', column '{columns[t]}': stated {_fmt(stated)}, sum {_fmt(computed)}")
    return checked, warnings


def _row_checks(columns: list[str], rows: list[Row]) -> tuple[int, list[str]]:
    """A totals row equals the sum of the top-level rows above it: since the previous total row,
    or all of them (sub-totals aside) for a total straight under another; a total printed
    first, the rows below it."""
    start, checked, warnings = 0, 0, []
    depth = min((len(r.label) for r in rows if not r.total), default=1)
    for k, row in enumerate(rows):
        if not row.total:
            continue
        segment = [r.values for r in rows[start:k] if not r.total and len(r.label) == depth]
        if not segment and start > 0:  # a grand total under sub-totals: the sum of every row above
            segment = [r.values for r in rows[:k] if not r.total and len(r.label) == depth]
        if k == 0:  # a total printed first, straight under the header: the rows below it, to the next total
            below = next((j for j in range(1, len(rows)) if rows[j].total), len(rows))
            segment = [r.values for r in rows[1:below] if len(r.label) == depth]
        start = k + 1
        if not segment:
            continue
        segment_columns = list(zip(*segment))  # one pass, not one per column
        all_columns = segment_columns if k == 0 else None  # over every row above, made only when a sum is off
        for j, stated in enumerate(row.values):
            if type(stated) not in _NUMBER_TYPES:
                continue
            if not _additive(columns[j] if j < len(columns) else ""):
                computed = _sum(segment_columns[j]) if j < len(columns) and _share(columns[j]) else None
                if computed is not None and not _whole_share(columns[j]) and abs(stated - 100) > 0.5 * len(segment):
                    computed = None  # group rates that happen to add up to about 100, under an overall rate
                agree = None if computed is None else _shares_agree(stated, computed, len(segment))
                if agree is not None:  # a column of shares: they add up to its 100%, within their rounding
                    checked += 1
                    if not agree:
                        warnings.append(f"row '{_label(row)}', column '{columns[j]}': stated {_fmt(stated)}, "
                                        f"sum {_fmt(computed)}")
                continue
            computed = _sum(segment_columns[j])
            if computed is None:
                continue
            checked += 1
            if _same(stated, computed, len(segment), segment_columns[j]):
                continue
            if all_columns is None:
                all_columns = list(zip(*[r.values for r in rows[:k] if not r.total and len(r.label) == depth]))
            whole = _sum(all_columns[j])
            if not (whole is not None and _same(stated, whole, len(all_columns[j]), all_columns[j])):
                warnings.append(
                    f"row '{_label(row)}', column '{columns[j]}': stated {_fmt(stated)}, sum {_fmt(computed)}")
    return checked, warnings


def _subtotal_checks(columns: list[str], rows: list[Row]) -> tuple[int, list[str]]:
    """A group's row (an outcome above its offences) equals the sum of the rows directly under it.

    Nesting found from the figures holds by construction; nesting shown by the layout (rows
    set in under their group) may not, and is checked here."""
    if all(len(r.label) == 1 for r in rows):
        return 0, []
    checked, warnings = 0, []
    for i, parent in enumerate(rows):
        depth = len(parent.label)
        children = []
        for row in rows[i + 1:]:
            if len(row.label) <= depth or row.label[:depth] != parent.label:
                break
            if len(row.label) == depth + 1:
                children.append(row.values)
        if not children or parent.total:
            continue
        by_column = list(zip(*children))
        for j, stated in enumerate(parent.values):
            if type(stated) not in _NUMBER_TYPES or not _additive(columns[j] if j < len(columns) else ""):
                continue
            computed = _sum(by_column[j])
            if computed is None:
                continue
            checked += 1
            if not _same(stated, computed, len(children), by_column[j]):
                warnings.append(f"row '{_label(parent)}', column '{columns[j]}': stated {_fmt(stated)}, "
                                f"sum of the rows under it {_fmt(computed)}")
    return checked, warnings


def _fmt(number) -> str:
    """As printed, without separators: 1234.5, 2001000 (not 2.001e+06)."""
    return f"{number:.6f}".rstrip("0").rstrip(".") if isinstance(number, float) else str(number)
