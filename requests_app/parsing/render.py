"""Tables as plain text, CSV rows and spreadsheet rows: the same layout everywhere."""
from __future__ import annotations


def flat_rows(table: dict) -> tuple[list[str], list[list]]:
    """(header, rows): one column per label level, then the value columns, then 'total'."""
    depth = max((len(r["label"]) for r in table["rows"]), default=1)
    first = table.get("row_header") or "label"
    levels = [first] + [f"level {k}" for k in range(2, depth + 1)]
    header = [*levels, *table["columns"], "total row"]
    rows = []
    for row in table["rows"]:
        label = list(row["label"]) + [""] * (depth - len(row["label"]))
        rows.append([*label, *row["values"], "yes" if row["total"] else ""])
    return header, rows


def table_text(table: dict, number: int = 1) -> str:
    """A readable fixed-width rendering for the terminal."""
    heading = [f"Table {number}: {table.get('title') or '(no caption)'}",
               f"  source: {table['source']}   question: {table.get('question') or '—'}   "
               f"totals: {_consistency(table.get('totals_consistent'))}"]
    header = [table.get("row_header") or "", *table["columns"]]
    body = [[" > ".join(r["label"]), *["" if v is None else str(v) for v in r["values"]]] for r in table["rows"]]
    widths = [min(60, max(len(str(row[j])) for row in [header, *body] if j < len(row))) for j in range(len(header))]
    lines = ["  " + "  ".join(_cell(c, widths[j], j) for j, c in enumerate(row)) for row in [header, *body]]
    warnings = [f"  ! {w}" for w in table.get("warnings", [])]
    return "\n".join([*heading, *lines, *warnings])


def _cell(value, width: int, column: int) -> str:
    text = str(value)
    text = text if len(text) <= width else text[: width - 1] + "…"
    return text.ljust(width) if column == 0 else text.rjust(width)


def _consistency(value) -> str:
    return {True: "add up", False: "DO NOT ADD UP", None: "not checkable"}[value]
