"""Nested rows recognised from their subtotals (outcome > offence > age, as in real replies).

A row is a parent when the rows under it, themselves possibly parents, add up to it
exactly in every column. With a grand total the only parse accepted is one whose
top-level rows add up to it; without one, nesting needs a parent of two or more rows.
Either way it needs two or more columns of figures, so that a coincidence is not read
as structure.
"""
from __future__ import annotations

import re
from functools import lru_cache
from operator import ge, gt, sub

_MAX_DEPTH = 4
# The search recurses about once a row and can take time quadratic in the rows: nested tables in
# replies run to tens of rows (the seeds' longest, 25); a longer list is read as it stands.
_MAX_ROWS = 250
Node = tuple[int, tuple]  # (row index, child nodes)


def nest(labels: list[tuple[str, ...]], values: list[tuple], totals: list[bool],
         subtotals: list[bool] | None = None) -> list[tuple[str, ...]]:
    """The rows' label paths from their nesting (rows keep their order: a parent comes
    before its children); `labels` as given when no nesting is evident.

    Rows between totals rows are nested apart, each run against the total that follows it
    (a group's "Sub-total"); a sub-total (`subtotals`) closing a run that is one group goes
    under that group."""
    if any(len(label) > 1 for label in labels) or len(values) < 2 or len(values[0]) == 0:
        return labels  # labels already carry their groups, or nothing to nest
    if True not in totals:
        return _nested_run(labels, values, None) or labels
    paths: list[tuple[str, ...]] = []
    start, found = 0, False
    for k in range(len(totals) + 1):
        if k < len(totals) and not totals[k]:
            continue
        if k == len(totals):  # rows after the last total: nested only against a total
            paths.extend(labels[start:])
            break
        run = _nested_run(labels[start:k], values[start:k], _vector(values[k])) if k - start >= 2 else None
        paths.extend(run or labels[start:k])
        found = found or run is not None
        group = run[0] if run and all(p[:1] == run[0][:1] for p in run) else ()
        paths.append((*group, *labels[k]) if group and subtotals and subtotals[k] else labels[k])
        start = k + 1
    return paths if found else labels


def _nested_run(labels: list[tuple[str, ...]], values: list[tuple], target: tuple | None) -> list | None:
    """The label paths of rows nested by their figures (against the total below them), or None.
    One column of figures, or no total, also needs the labels to show the levels: every parent
    written otherwise than its children (OUTCOMES in capitals over offences in words)."""
    vectors = tuple(map(_vector, values))
    if None in vectors or (target is None and len(labels) < 2):
        return None
    tree = _parse(vectors, target)
    if tree is not None and (len(vectors[0]) < 2 or target is None) and not _levels_written_apart(labels, tree):
        return None  # one column, or no total to bear it out: "January 10 12" over "February 6 7", "March 4 5" is chance
    return None if tree is None else _paths(labels, tree, ())


def _levels_written_apart(labels, nodes) -> bool:
    return all(all(label_kind(labels[i][0]) != label_kind(labels[k][0]) for k, _ in kids)
               and _levels_written_apart(labels, kids) for i, kids in nodes if kids)


_AGE_LABEL = re.compile(r"^(?:\d{1,3}\+?|\d{1,3}\s*(?:-|–|to)\s*\d{1,3}|(?:under|over|aged)\s+\d{1,3}(?:'?s)?"
                        r"(?:\s*(?:-|–|to)\s*\d{1,3})?|\d{1,3}\s+(?:and|or)\s+(?:over|under|above))$", re.IGNORECASE)


@lru_cache(maxsize=8192)  # the same offences and outcomes label table after table
def label_kind(label: str) -> int:
    """How a label is written: 0 in capitals ("UNSOLVED"), 2 an age ("13", "Under 10's"), 1 words."""
    if _AGE_LABEL.match(label.strip().rstrip(".")):
        return 2
    letters = [c for c in label if c.isalpha()]
    return 0 if len(letters) >= 2 and all(c.isupper() for c in letters) else 1


def _vector(values: tuple) -> tuple | None:
    """The row's figures with empty cells as 0; None if any is suppressed or negative."""
    if None in values:
        values = tuple([0 if v is None else v for v in values])
    try:  # parse_value gives numbers, text and None: text makes min() or the comparison fail
        return None if values and min(values) < 0 else values
    except TypeError:
        return None


def _parse(vectors: tuple[tuple, ...], target: tuple | None) -> tuple[Node, ...] | None:
    """The nesting of the rows: with a total, a parse whose top rows add up to it; failing
    that (the total itself may be wrong), or without one, the subtotals alone. One column of
    figures nests only under a total it adds up to, with two groups or more: a coincidence
    is too likely to read as structure otherwise."""
    n = len(vectors)
    one_column = len(vectors[0]) < 2
    if (one_column and target is None) or n > _MAX_ROWS:
        return None
    if target is not None:
        if _sum(vectors) == target:
            return None  # flat rows already add up to the total
        found = _Search(vectors).children(0, 0, target).get(n)
        if found and (not one_column or sum(1 for _, kids in found[0] if kids) >= 2):
            return found[0]
        if one_column:
            return None
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
    The depths a parse uses are kept as a bit set (bit d for depth d).
    """

    def __init__(self, vectors: tuple[tuple, ...]):
        self.v = vectors
        self.n = len(vectors)
        self.nodes: dict[tuple, dict] = {}  # plain dicts: an lru_cache per table costs more to make
        self.sequences: dict[tuple, dict] = {}

    def node(self, i: int, level: int) -> dict[int, tuple[Node, int]]:
        """Ways row i can stand at `level`: a leaf, or a parent of rows that add up to it."""
        key = (i, level)
        options = self.nodes.get(key)
        if options is None:
            options = self.nodes[key] = {i + 1: ((i, ()), 1 << level)}
            if level < _MAX_DEPTH - 1 and any(self.v[i]):
                for end, (kids, depths) in self.children(i + 1, level + 1, self.v[i]).items():
                    options[end] = ((i, kids), depths)
        return options

    def children(self, i: int, level: int, remaining: tuple) -> dict[int, tuple[tuple[Node, ...], int]]:
        """Sequences of sibling nodes from row i adding up to `remaining`, best one per end row."""
        if i >= self.n or any(map(gt, self.v[i], remaining)):
            return {}
        key = (i, level, remaining)
        found = self.sequences.get(key)
        if found is not None:
            return found
        found = self.sequences[key] = {}
        rest = tuple(map(sub, remaining, self.v[i]))
        complete = not any(rest)
        for end, (node, depths) in self.node(i, level).items():
            if complete:
                _keep(found, end, (node,), depths)
                continue
            for end2, (more, more_depths) in self.children(end, level, rest).items():
                _keep(found, end2, (node, *more), depths | more_depths)
        return found

    def greedy(self) -> tuple[Node, ...]:
        nodes, i = [], 0
        while i < self.n:
            options = self.node(i, 0)
            end = max(options)
            nodes.append(options[end][0])
            i = end
        return tuple(nodes)


def _keep(found: dict, end: int, nodes: tuple, depths: int) -> None:
    """Keep the parse with fewer distinct depths, then the shallower deepest leaf; the first on a tie."""
    old = found.get(end)
    if old is None or (depths.bit_count(), depths.bit_length()) < (old[1].bit_count(), old[1].bit_length()):
        found[end] = (nodes, depths)


def _some_row_covers_the_next(vectors) -> bool:
    """A parent is at least as large as its first child in every column: without such a
    pair there is no nesting to look for."""
    return any(all(map(ge, v, w)) and any(v) for v, w in zip(vectors, vectors[1:]))


def _sum(vectors) -> tuple:
    return tuple(map(sum, zip(*vectors)))


def _paths(labels: list[tuple[str, ...]], nodes: tuple[Node, ...], prefix: tuple[str, ...]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for i, kids in nodes:
        path = (*prefix, *labels[i])
        out.append(path)
        out.extend(_paths(labels, kids, path))
    return out
