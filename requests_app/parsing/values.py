"""Cell text to values, as the contract says: numbers, nil markers, suppressed figures."""
from __future__ import annotations

import re
from functools import lru_cache

from requests_app.parsing.model import Value

# '-', en dash, em dash, and 'ı' (how '-' comes out of some PDF-to-text conversions).
NIL_MARKERS = frozenset({"-", "–", "—", "ı", "--", "‒", "−"})
# Thousands separators, £, %, decimals; no leading zero (a phone number or code, not a count).
_NUMBER = re.compile(r"^\(?[-−]?£?\s?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?%?\)?$|^\(?[-−]?£?\s?(?:0|[1-9]\d*)(?:\.\d+)?%?\)?$")
_SUPPRESSED = re.compile(r"^(?:\*+|<\s?\d+|>\s?\d+|x|X|n/?a|N/?A|\.\.|:|~|c|\[[a-z]\]|-?\*)$")


_NOT_DIGIT = re.compile(r"[^\d.]")


@lru_cache(maxsize=65536)  # a reply repeats the same few thousand cell strings
def parse_value(text: str) -> Value:
    """'1,055' → 1055, '£1,234.50' → 1234.5, '12.5%' → 12.5, '-' → 0, '' → None, '*' → '*'."""
    cell = " ".join(str(text).split())
    if not cell:
        return None
    if cell in NIL_MARKERS:
        return 0
    if _NUMBER.match(cell):
        negative = cell.startswith(("(", "-", "−")) and cell not in NIL_MARKERS
        digits = _NOT_DIGIT.sub("", cell)
        number = float(digits) if "." in digits else int(digits)
        return -number if negative else number
    return cell


@lru_cache(maxsize=65536)
def is_value_like(text: str) -> bool:
    """A cell that belongs in a figures column: a number, a nil marker, a suppression mark."""
    cell = " ".join(str(text).split())
    return bool(cell) and (cell in NIL_MARKERS or bool(_NUMBER.match(cell)) or bool(_SUPPRESSED.match(cell)))


def is_number(value: Value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
