"""Long texts scanned fast, with the same matches as the plain regex searches.

An IGNORECASE pattern that opens with a look-behind or a word boundary is tried at every
offset of the text, and a reply of megabytes spends most of its time there failing. Here
cheap literal checks on a lower-case copy (same offsets) say where a match can start or
whether one can occur at all; the regex still decides every match.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

# Characters re.IGNORECASE takes for an ASCII letter that str.lower() does not turn into it.
_IGNORECASE_ALIKE = (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k"))


@lru_cache(maxsize=1)  # asked twice of one reply's text: by facts.own_part, then by extract_facts
def fold(text: str) -> str:
    """`text` lower-cased offset for offset, ASCII letters as re.IGNORECASE compares them."""
    if not text.isascii():
        for char, letter in _IGNORECASE_ALIKE:
            text = text.replace(char, letter)
    return text.lower()


def has_any(folded: str, literals: Iterable[str], start: int = 0, end: int | None = None) -> bool:
    """Whether one of the lower-case `literals` occurs in folded[start:end]."""
    end = len(folded) if end is None else end
    return any(folded.find(literal, start, end) >= 0 for literal in literals)


def starts_of(folded: str, literals: Iterable[str]) -> set[int]:
    """Every offset where one of the lower-case `literals` begins."""
    found = set()
    for literal in literals:
        at = folded.find(literal)
        while at >= 0:
            found.add(at)
            at = folded.find(literal, at + 1)
    return found


def finditer(rx: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """rx.finditer(text), trying only `starts`: every offset where a match of rx (never empty) can begin."""
    end = 0
    for at in sorted(starts):
        if at >= end:
            m = rx.match(text, at)
            if m:
                end = m.end()
                yield m
