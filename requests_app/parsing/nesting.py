"""Nested rows recognised from their subtotals (outcome > offence > age, as in real replies).

A row is a parent when the rows under it, themselves possibly parents, add up to it
exactly in every column. With a grand total the only parse accepted is one whose
top-level rows add up to it; without one, nesting needs a parent of two or more rows.
Either way it needs two or more columns of figures, so that a coincidence is not read
as structure.
"""
from __future__ import annotations

from functools import lru_cache
from operator import ge, gt, sub

from requests_app.parsing.model import Row

_MAX_DEPTH = 4
Node = tuple[int, tuple]  # (row index, child nodes)


def nest(rows: list[Row]) -> list[Row]:
    """Rows with label paths from their nesting; unchanged when no nesting is evident."""
    if any(len(r.label) > 1 for r in rows):
        return rows  # labels already carry their groups
    totals = [k for k, r in enumerate(rows) if r.total]
    body = rows[: totals[0]] if totals else rows
    if totals and totals != list(range(totals[0], len(rows))):
        return rows  # subtotal rows inside the table: leave it flat
    vectors = [_vector(r) for r in body]
    if len(body) < 2 or any(v is None for v in vectors) or len(vectors[0]) == 0:
        return rows
    target = _vector(rows[totals[0]]) if totals else None
    tree = _parse(tuple(vectors), target)
    if tree is None:
        return rows
    return _paths(body, tree, ()) + rows[len(body):]


def _vector(row: Row) -> tuple | None:
    """The row's figures with empty cells as 0; None if any is suppressed or negative."""
    out = []
    for v in row.values:
        if v is None:
            out.append(0)
        elif type(v) in (int, float) and v >= 0:
            out.append(v)
        else:
            return None
    return tuple(out)


def _parse(vectors: tuple[tuple, ...], target: tuple | None) -> tuple[Node, ...] | None:
    n = len(vectors)
    if len(vectors[0]) < 2:
        return None  # one column of figures: a coincidence is too likely to read as structure
    if target is not None:
        if _sum(vectors) == target:
            return None  # flat rows already add up to the total
        found = _Search(vectors).children(0, 0, target).get(n)
        return found[0] if found else None
    if not _some_row_covers_the_next(vectors):
        return None
    top = _Search(vectors).greedy()
    if any(len(kids) >= 2 for _, kids in top) and sum(1 for _ in top) <= n // 2:
        return top
    return None


class _Search:
    """Memoised search over where each row's children end.

    Several parses can add up (a one-row group equals its only child). Among parses
    ending at the same row, the one whose leaves sit at fewest different depths wins:
    real tables nest evenly (every offence has its age rows), coincidences do not.
    """

    def __init__(self, vectors: tuple[tuple, ...]):
        self.v = vectors
        self.n = len(vectors)
        self.children = lru_cache(maxsize=None)(self._children)
        self.node = lru_cache(maxsize=None)(self._node)

    def _node(self, i: int, level: int) -> dict[int, tuple[Node, frozenset]]:
        """Ways row i can stand at `level`: a leaf, or a parent of rows that add up to it."""
        options = {i + 1: ((i, ()), frozenset({level}))}
        if level < _MAX_DEPTH - 1 and any(self.v[i]):
            for end, (kids, depths) in self.children(i + 1, level + 1, self.v[i]).items():
                options[end] = ((i, kids), depths)
        return options

    def _children(self, i: int, level: int, remaining: tuple) -> dict[int, tuple[tuple[Node, ...], frozenset]]:
        """Sequences of sibling nodes from row i adding up to `remaining`, best one per end row."""
        if i >= self.n or any(map(gt, self.v[i], remaining)):
            return {}
        rest = tuple(map(sub, remaining, self.v[i]))
        found: dict[int, tuple[tuple[Node, ...], frozenset]] = {}
        for end, (node, depths) in self.node(i, level).items():
            if not any(rest):
                _keep(found, end, (node,), depths)
                continue
            for end2, (more, more_depths) in self.children(end, level, rest).items():
                _keep(found, end2, (node, *more), depths | more_depths)
        return found

    def greedy(self) -> tuple[Node, ...]:
        nodes, i = [], 0
        while i < self.n:
            end = max(self.node(i, 0))
            nodes.append(self.node(i, 0)[end][0])
            i = end
        return tuple(nodes)


def _keep(found: dict, end: int, nodes: tuple, depths: frozenset) -> None:
    if end not in found or (len(depths), max(depths)) < (len(found[end][1]), max(found[end][1])):
        found[end] = (nodes, depths)


def _some_row_covers_the_next(vectors) -> bool:
    """A parent is at least as large as its first child in every column: without such a
    pair there is no nesting to look for."""
    return any(all(map(ge, v, w)) and any(v) for v, w in zip(vectors, vectors[1:]))


def _sum(vectors) -> tuple:
    return tuple(map(sum, zip(*vectors)))


def _paths(rows: list[Row], nodes: tuple[Node, ...], prefix: tuple[str, ...]) -> list[Row]:
    out: list[Row] = []
    for i, kids in nodes:
        path = (*prefix, *rows[i].label)
        out.append(Row(path, rows[i].values, rows[i].total))
        out.extend(_paths(rows, kids, path))
    return out
