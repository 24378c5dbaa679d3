"""The parsed-reply contract (shared/spec/parsed-reply.md) as frozen dataclasses."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Union

SCHEMA = "foitracker.parsed-reply/1"
Value = Union[int, float, str, None]  # a number, a suppressed marker kept as printed, or empty


class ParseError(Exception):
    """A file that cannot be read: corrupt, encrypted, empty, unsupported or over a limit."""


@dataclass(frozen=True)
class Row:
    label: tuple[str, ...]
    values: tuple[Value, ...]
    total: bool = False

    def as_json(self) -> dict:
        return {"label": list(self.label), "values": list(self.values), "total": self.total}


@dataclass(frozen=True)
class Table:
    source: str
    question: str | None
    title: str | None
    row_header: str | None
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    totals_consistent: bool | None
    warnings: tuple[str, ...] = ()

    def as_json(self) -> dict:
        return {
            "source": self.source, "question": self.question, "title": self.title,
            "row_header": self.row_header, "columns": list(self.columns),
            "rows": [r.as_json() for r in self.rows],
            "totals_consistent": self.totals_consistent, "warnings": list(self.warnings),
        }


@dataclass(frozen=True)
class Grid:
    """A table as cells of text, before headers, values and totals are worked out.

    Every format reader produces these; tables.build_table() turns one into a Table.
    `above` holds the text lines just above the table (nearest last), for its caption
    and the question it answers.
    """

    cells: tuple[tuple[str, ...], ...]
    source: str = "body"
    above: tuple[str, ...] = ()
    question: str | None = None
    title: str | None = None
    indents: tuple[int, ...] = ()  # how far each row's label is set in, where the layout shows it (text)
    # (cells, tables.header_rows(cells)) when the reader has counted them: build_table uses the count
    # only for these very cells (a grid `replace`d with other cells counts afresh).
    header_of: tuple = field(default=(), repr=False, compare=False)


@dataclass(frozen=True)
class Facts:
    reference: str | None = None
    letter_date: date | None = None
    request_received_date: date | None = None
    exemptions: tuple[str, ...] = ()
    neither_confirm_nor_deny: bool = False
    information_not_held: bool = False
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedReply:
    source: str
    facts: Facts = field(default_factory=Facts)
    tables: tuple[Table, ...] = ()
    warnings: tuple[str, ...] = ()
    text: str = ""  # the readable text found (body, PDF text, e-mail body), for search and facts

    def as_json(self) -> dict:
        f = self.facts
        return {
            "schema": SCHEMA,
            "source": self.source,
            "reference": f.reference,
            "letter_date": f.letter_date.isoformat() if f.letter_date else None,
            "request_received_date": f.request_received_date.isoformat() if f.request_received_date else None,
            "exemptions": list(f.exemptions),
            "neither_confirm_nor_deny": f.neither_confirm_nor_deny,
            "warnings": list(dict.fromkeys([*f.warnings, *self.warnings])),
            "tables": [t.as_json() for t in self.tables],
        }


@dataclass(frozen=True)
class TextBlock:
    """Running text from one place (an e-mail body, a PDF page outside its ruled tables)."""

    text: str
    source: str = "body"
    question: str | None = None  # the question in force where it begins (a PDF page under "Question 2" overleaf)
    tables: bool = True  # False: read for facts only (a PDF's page headers, footers and markings)


@dataclass(frozen=True)
class Extracted:
    """What a format reader found in one file, in document order.

    `blocks` mixes TextBlocks (searched for text tables and reply facts) and Grids
    (tables the format itself delimits: ruled PDF tables, sheets, DOCX/HTML tables).
    `attachments` are files inside this one (e-mail parts, zip members) to parse in turn.
    """

    blocks: tuple[TextBlock | Grid, ...] = ()
    attachments: tuple[tuple[str, bytes], ...] = ()
    warnings: tuple[str, ...] = ()
    sent: date | None = None  # an e-mail's Date header: the letter date when the text gives none
    subject: str | None = None  # an e-mail's Subject: the reference when the text gives none


@dataclass(frozen=True)
class Limits:
    """Caps against hostile files; a file over any of them is refused with ParseError."""

    max_bytes: int = 25 * 1024 * 1024
    max_pages: int = 200
    max_sheets: int = 50
    max_rows_per_sheet: int = 20_000
    max_cells: int = 1_000_000
    max_unzipped_bytes: int = 200 * 1024 * 1024
    max_compression_ratio: int = 200
    max_depth: int = 5  # nested e-mails and zips
    max_attachments: int = 100
    seconds: float = 60.0  # per file
