"""One reply file, of any format, to a ParsedReply: readers, then tables, then facts."""
from __future__ import annotations

import gc
import re
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from requests_app.parsing.model import Extracted, Facts, Grid, Limits, ParsedReply, ParseError, Table, TextBlock
from requests_app.parsing.tables import build_table
from requests_app.parsing.facts import own_part
from requests_app.parsing.text import find_grids_and_prose, labelled_pairs, question_number


def parse_path(path: str | Path, limits: Limits = Limits()) -> ParsedReply:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ParseError(f"cannot read file: {exc.strerror or exc}") from None
    if size > limits.max_bytes:
        raise ParseError(f"file is {size:,} bytes, over the {limits.max_bytes:,}-byte limit")
    return parse_bytes(path.read_bytes(), path.name, limits)


def parse_text(text: str, source: str = "body") -> ParsedReply:
    """A plain-text reply (an e-mail body, a letter pasted in)."""
    with _gc_paused():
        return _assemble(source, Extracted(blocks=(TextBlock(text, "body"),)), [], Limits(), time.monotonic())


def parse_bytes(data: bytes, name: str, limits: Limits = Limits()) -> ParsedReply:
    """A reply file: its tables (attachments within it included) and its facts."""
    from requests_app.parsing import readers

    started = time.monotonic()
    with _time_limit(limits.seconds):
        extracted = readers.read(data, name, limits)
        return _assemble(name, extracted, [], limits, started)


@contextmanager
def _gc_paused():
    """The cyclic garbage collector off for one parse, back on (if it was on) however it ends.

    A parse makes millions of small tuples, lists and strings and frees them by reference
    counting; the collector's passes over them cost ~10% of a long reply and find nothing
    to collect. Not used for files: a reader (pdfminer) may make cycles worth collecting.

    On the way out the objects the parse made go straight to the oldest generation (freeze,
    then unfreeze at once): the parsed reply is long-lived, and the young collection that
    would otherwise run at the next allocation only walks its ~100,000 rows and tuples to
    promote them (5% of a 5 MB reply). Any garbage cycle is still collected, by the next full
    collection. Not done when something else has frozen objects (a pre-fork server's)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


@contextmanager
def _time_limit(seconds: float):
    """Interrupt a file that takes too long (a pathological PDF page, say) with ParseError.

    A timer signal only reaches the main thread: workers (Celery's solo and prefork pools)
    and the command run there; elsewhere the between-blocks checks of _check_time remain.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise ParseError(f"took longer than the {seconds:g}-second limit")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _assemble(name: str, extracted: Extracted, trail: list[str], limits: Limits, started: float) -> ParsedReply:
    from requests_app.parsing.eml import FORWARD_SUBJECT

    tables: list[Table] = []
    texts: list[str] = []
    warnings = list(extracted.warnings)
    forwarded = bool(extracted.subject and FORWARD_SUBJECT.match(extracted.subject))
    asked: str | None = None  # the question in force: a heading in an earlier block goes on asking it
    sheet = None
    for block in extracted.blocks:
        _check_time(started, limits)
        if "#sheet=" in block.source and block.source != sheet:
            sheet, asked = block.source, None  # each sheet of a workbook stands alone
        if isinstance(block, TextBlock) and not block.tables:
            texts.append(block.text)
        elif isinstance(block, TextBlock):
            grids, prose = find_grids_and_prose(block.text, block.source, block.question or asked)
            texts.append(own_part(prose, forwarded))
            for grid in grids:
                table = build_table(grid)
                if table:
                    tables.append(table)
                words = grid_text(grid) if table is None else _worded_rows(grid)
                if words:  # a table of words, or a row that says why a figure is withheld
                    texts.append(words)
            asked = next(filter(None, map(question_number, _lines_from_the_end(block.text))), None) or (
                grids[-1].question if grids else None) or asked
        elif isinstance(block, Grid):
            own = block.question or _last_question(block.above)
            if own is None and asked is not None:
                block = replace(block, question=asked)  # a second table under the same heading, or far below it
            asked = own or asked
            table = build_table(block)
            if table:
                tables.append(table)
                words = "\n".join(filter(None, [_worded_rows(block), _note_rows(block)]))
                if words:  # "2. Names of trainers | Withheld under section 40(2)" beside "1. How many? | 212"
                    texts.append(words)
            else:  # a table of words: a letterhead's particulars, a request and its answer
                words = grid_text(block)
                texts.append(own_part(words))
                asked = _last_question(words.split("\n")) or asked  # "Question 2 | How many pursuits ...": a box
    children = _attachments(extracted, trail + [name], limits, started, warnings)
    for child in children:
        tables.extend(child.tables)
        texts.append(child.text)
    text = "\n".join(t for t in texts if t)
    from requests_app.parsing import facts_dates as fd
    from requests_app.parsing.facts import extract_facts

    sent = extracted.sent
    if forwarded:  # the reply forwarded as an attached message
        sent = next((c.facts.letter_date for c in children if c.facts.letter_date), sent)
    facts = extract_facts(text, sent=sent, subject=extracted.subject) if text.strip() else Facts(
        letter_date=sent, reference=fd.subject_reference(extracted.subject))
    return ParsedReply(source=name, facts=facts, tables=tuple(tables), warnings=tuple(warnings), text=text)


def _lines_from_the_end(text: str):
    """The lines of `text`, last first, without splitting all of it (a question heading is near the end)."""
    end = len(text)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        yield text[start:end]
        end = start - 1


def _last_question(lines) -> str | None:
    return next((q for q in map(question_number, reversed(lines)) if q), None)


_SAYS_WHY = re.compile(r"confirm|exempt|withh[eo]ld|held\b|redact|suppress|refus|applied|engaged", re.IGNORECASE)


def _worded_rows(grid: Grid) -> str:
    """The rows of a table of figures that also say something in words of four or more: an answer
    in a request/response table, a note row under the figures ("<5 - suppressed under Section 40(2)").
    Only those that cite, withhold or neither confirm nor deny: the facts need no offence labels."""
    try:  # (below the first row: column headings are no answers)
        beside = "\t".join(["\t".join(row[1:]) for row in grid.cells[1:]])
    except TypeError:  # a reader's None or number
        beside = "\t".join(["\t".join(map(str, row[1:])) for row in grid.cells[1:]])
    if " " not in beside or not _SAYS_WHY.search(beside):
        return ""  # the usual table: figures beside its labels (one join and one search)
    worded = [row for row in grid.cells[1:] if " " in "".join(map(str, row[1:]))]  # words beside the labels
    rows = [row for row in worded if _SAYS_WHY.search(" ".join(map(str, row)))]
    return "\n".join(grid_text(Grid(cells=(row,))) for row in rows if any(len(str(c).split()) >= 4 for c in row if c))


def _note_rows(grid: Grid) -> str:
    """A note written across a table of a document's (a merged row under the figures: "Figures under 5 are
    withheld under Section 40(2) of the Act"), for the facts."""
    notes = [str(row[0]) for row in grid.cells if row and row[0] and str(row[0]).count(" ") >= 5
             and not any(row[1:]) or (row and len(set(row)) == 1 and str(row[0]).count(" ") >= 5)]
    return "\n".join(n for n in notes if _SAYS_WHY.search(n))


def grid_text(grid: Grid) -> str:
    """A table with no figures as lines of text for the facts: a label and its value as
    "Our Ref: FOI/2023/0456" (a colon added where the label has none), other rows cell by cell."""
    pairs = labelled_pairs(grid.cells)
    if pairs:
        return "\n".join(pairs)
    lines = []
    for row in grid.cells:
        cells = [" ".join(str(c).split()) for c in row if c and str(c).strip()]
        if len(cells) == 2 and len(cells[0]) <= 40 and not cells[0].endswith((":", ".", "?")):
            lines.append(f"{cells[0]}: {cells[1]}")
        elif cells:
            lines.append("\n".join(cells) if len(cells) == 1 else "\t".join(cells) if all(len(c) <= 40 for c in cells)
                         else "\n".join(cells))
    return "\n".join(lines)


def _attachments(extracted: Extracted, trail: list[str], limits: Limits, started: float,
                 warnings: list[str]) -> list[ParsedReply]:
    from requests_app.parsing import readers

    if len(trail) > limits.max_depth and extracted.attachments:
        warnings.append(f"attachments nested more than {limits.max_depth} deep were not opened")
        return []
    parsed = []
    for child_name, data in extracted.attachments[: limits.max_attachments]:
        try:
            inner = readers.read(data, child_name, limits)
            parsed.append(_assemble(child_name, inner, trail, limits, started))
        except ParseError as exc:
            warnings.append(f"attachment {child_name}: {exc}")
    if len(extracted.attachments) > limits.max_attachments:
        warnings.append(f"only the first {limits.max_attachments} attachments were opened")
    return parsed


def _check_time(started: float, limits: Limits) -> None:
    if time.monotonic() - started > limits.seconds:
        raise ParseError(f"took longer than the {limits.seconds:g}-second limit")


def combine(source: str, parts: list[ParsedReply]) -> ParsedReply:
    """A letter and its attachments read as one reply: the first of each fact found, every table."""
    def first(name):
        return next((getattr(p.facts, name) for p in parts if getattr(p.facts, name)), None)

    facts = Facts(
        reference=first("reference"),
        letter_date=first("letter_date"),
        request_received_date=first("request_received_date"),
        exemptions=tuple(dict.fromkeys(e for p in parts for e in p.facts.exemptions)),
        neither_confirm_nor_deny=any(p.facts.neither_confirm_nor_deny for p in parts),
        information_not_held=any(p.facts.information_not_held for p in parts),
        warnings=tuple(w for p in parts for w in p.facts.warnings),
    )
    return ParsedReply(source=source, facts=facts, tables=tuple(t for p in parts for t in p.tables),
                       warnings=tuple(w for p in parts for w in p.warnings), text="\n".join(p.text for p in parts))
