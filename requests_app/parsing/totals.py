"""Stated totals compared with the sums of what they total. Reported, never corrected."""
from __future__ import annotations

import re

from requests_app.parsing.model import Row, Value
from requests_app.parsing.values import is_number

_TOTAL_COLUMN = re.compile(r"^\s*(grand\s+)?totals?\b|^\s*all\s*$|\btotal\s*$", re.IGNORECASE)
# Rates, shares and averages are not added up: a total of them means nothing.
_NOT_ADDITIVE = re.compile(r"%|percent|\brate\b|average|\bmean\b|median|\bper\b|ratio|change", re.IGNORECASE)


def _additive(name: str) -> bool:
    return not _NOT_ADDITIVE.search(name or "")


def check(columns: list[str], rows: list[Row]) -> tuple[bool | None, list[str]]:
    """(totals_consistent, warnings): True when every total checked adds up, None if none could be."""
    checked, warnings = 0, []
    for made, warning in [*_column_checks(columns, rows), *_row_checks(columns, rows)]:
        checked += made
        if warning:
            warnings.append(warning)
    if warnings:
        return False, warnings
    return (True if checked else None), warnings


def _sum(values: list[Value]) -> int | float | None:
    """The sum of figures, empty cells as nothing; None when a suppressed figure is in the way."""
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


def _same(stated, computed) -> bool:
    return abs(stated - computed) < 0.005 * max(1, abs(stated)) if isinstance(stated, float) or isinstance(
        computed, float) else stated == computed


def _label(row: Row) -> str:
    return " > ".join(row.label)


def _column_checks(columns: list[str], rows: list[Row]):
    """A totals column ('Total', 'Grand Total') equals the sum of the other columns on its row."""
    total_cols = [j for j, name in enumerate(columns) if _TOTAL_COLUMN.search(name or "") and _additive(name)]
    if len(total_cols) != 1 or total_cols[0] == 0:
        return
    t = total_cols[0]
    summed = [j for j in range(t) if _additive(columns[j])]  # the figures to its left
    if not summed:
        return
    for row in rows:
        stated = row.values[t] if t < len(row.values) else None
        if not is_number(stated):
            continue
        computed = _sum([row.values[j] for j in summed if j < len(row.values)])
        if computed is None:
            continue
        yield 1, None if _same(stated, computed) else (
            f"row '{_label(row)}', column '{columns[t]}': stated {_fmt(stated)}, sum {_fmt(computed)}")


def _row_checks(columns: list[str], rows: list[Row]):
    """A totals row equals the sum of the top-level rows above it (since the previous total row)."""
    start = 0
    depth = min((len(r.label) for r in rows if not r.total), default=1)
    for k, row in enumerate(rows):
        if not row.total:
            continue
        segment = [r for r in rows[start:k] if not r.total and len(r.label) == depth]
        everything = [r for r in rows[:k] if not r.total and len(r.label) == depth]
        start = k + 1
        if not segment:
            continue
        for j, stated in enumerate(row.values):
            if not is_number(stated) or not _additive(columns[j] if j < len(columns) else ""):
                continue
            computed = _sum([r.values[j] for r in segment if j < len(r.values)])
            if computed is None:
                continue
            whole = _sum([r.values[j] for r in everything if j < len(r.values)])
            ok = _same(stated, computed) or (whole is not None and _same(stated, whole))
            yield 1, None if ok else (
                f"row '{_label(row)}', column '{columns[j]}': stated {_fmt(stated)}, sum {_fmt(computed)}")


def _fmt(number) -> str:
    return f"{number:g}" if isinstance(number, float) else str(number)
