"""The West Midlands seed's outcome table, written out in every format a force sends,
must parse to the same rows, totals check and warnings as the plain-text reply."""
import io
import json
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest

from requests_app.parsing import parse_bytes, parse_text

GOLDEN = json.loads((Path(__file__).resolve().parents[1] / "golden" / "003_22f3676a9afc3e41.json").read_text())
TABLE = GOLDEN["tables"][0]  # question 1: offences by year, with a Grand Total row and column
HEADER = [TABLE["row_header"], *TABLE["columns"]]


def printed(value):
    return "-" if value == 0 else ("" if value is None else f"{value:,}")


ROWS = [[" > ".join(r["label"]), *map(printed, r["values"])] for r in TABLE["rows"]]
LETTER = ["Our Ref: FOI 16966/19", "", "1: The total number of cyberstalking incidents recorded per calendar year."]


def as_csv() -> bytes:
    lines = [",".join(f'"{c}"' for c in row) for row in [HEADER, *ROWS]]
    return ("\ufeff" + "\r\n".join(lines)).encode("utf-8")


def as_xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Q1"
    sheet.append(["Recorded offences flagged online, 2014-2019"])
    sheet.append([])
    sheet.append(HEADER)
    for row in TABLE["rows"]:
        sheet.append([" > ".join(row["label"]), *row["values"]])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def as_docx() -> bytes:
    from docx import Document

    document = Document()
    for line in LETTER:
        document.add_paragraph(line)
    table = document.add_table(rows=0, cols=len(HEADER))
    for row in [HEADER, *ROWS]:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def as_html() -> bytes:
    head = "".join(f"<th>{c}</th>" for c in HEADER)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROWS)
    text = "".join(f"<p>{line}</p>" for line in LETTER if line)
    return f"<html><body>{text}<table><tr>{head}</tr>{body}</table></body></html>".encode()


def as_pdf(ruled: bool) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(orientation="L")
    pdf.add_page()
    pdf.set_font("Helvetica", size=7)
    for line in LETTER:
        pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    widths = [118] + [20] * (len(HEADER) - 1)
    for row in [HEADER, *ROWS]:
        for width, text in zip(widths, row):
            pdf.cell(width, 5, text.replace("ı", "-"), border=1 if ruled else 0, align="L" if width > 50 else "R")
        pdf.ln(5)
    return bytes(pdf.output())


def as_eml() -> bytes:
    message = EmailMessage()
    message["From"] = "foi@west-midlands.police.uk"
    message["To"] = "reporter@example.org"
    message["Subject"] = "FOI 16966/19"
    message.set_content("\n".join(LETTER[:1] + ["", "Please find the figures attached."]))
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("figures/q1.csv", as_csv())
    message.add_attachment(zipped.getvalue(), maintype="application", subtype="zip", filename="annex.zip")
    return bytes(message)


FORMATS = {
    "reply.csv": as_csv, "reply.xlsx": as_xlsx, "reply.docx": as_docx, "reply.html": as_html,
    "ruled.pdf": lambda: as_pdf(True), "aligned.pdf": lambda: as_pdf(False), "reply.eml": as_eml,
}


@pytest.mark.parametrize("name", FORMATS)
def test_the_seed_table_reads_the_same_in_every_format(name):
    parsed = parse_bytes(FORMATS[name](), name)
    assert len(parsed.tables) == 1, [t.as_json() for t in parsed.tables]
    table = parsed.tables[0].as_json()
    assert table["columns"] == TABLE["columns"]
    assert [r["label"] for r in table["rows"]] == [r["label"] for r in TABLE["rows"]]
    assert [r["values"] for r in table["rows"]] == [r["values"] for r in TABLE["rows"]]
    assert table["totals_consistent"] is True and table["warnings"] == []


def test_sources_name_the_page_sheet_and_attachment():
    assert parse_bytes(as_xlsx(), "reply.xlsx").tables[0].source == "reply.xlsx#sheet=Q1"
    assert parse_bytes(as_pdf(True), "ruled.pdf").tables[0].source == "ruled.pdf#page=1"
    assert parse_bytes(as_eml(), "reply.eml").tables[0].source == "figures/q1.csv"


def test_question_and_reference_come_with_the_table():
    for name in ("reply.docx", "reply.html", "ruled.pdf"):
        parsed = parse_bytes(FORMATS[name](), name)
        assert parsed.tables[0].question == "1", name
        assert parsed.facts.reference == "FOI 16966/19", name
    assert parse_bytes(as_eml(), "reply.eml").facts.reference == "FOI 16966/19"


def test_a_changed_figure_is_reported_not_corrected():
    text = "\n".join("\t".join(row) for row in [HEADER, *ROWS]).replace("\t2,401", "\t2,400")
    table = parse_text(text).tables[0]
    assert table.totals_consistent is False
    assert table.warnings == ("row 'HARASSMENT', column 'Grand Total': stated 2400, sum 2401",
                              "row 'Grand Total', column 'Grand Total': stated 8726, sum 8725")
    assert table.rows[1].values[-1] == 2400


def test_a_file_that_takes_too_long_is_refused(monkeypatch):
    import time as clock

    from requests_app.parsing import Limits, ParseError, readers

    monkeypatch.setattr(readers, "read", lambda *a: clock.sleep(5))
    started = clock.monotonic()
    with pytest.raises(ParseError, match="took longer than the 0.2-second limit"):
        parse_bytes(b"x", "slow.txt", Limits(seconds=0.2))
    assert clock.monotonic() - started < 2


def test_a_ruled_table_across_a_page_break_is_one_table():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("Helvetica", size=8)
    widths = [100, 25, 25, 25]
    pages = [[HEADER[:1] + ["2014", "2015", "Total"], *[[f"Offence {k}", "1", "2", "3"] for k in range(30)]],
             [HEADER[:1] + ["2014", "2015", "Total"], *[[f"Offence {k}", "1", "2", "3"] for k in range(30, 40)],
              ["Grand Total", "40", "80", "120"]]]
    for rows in pages:
        pdf.add_page()
        pdf.cell(0, 5, "West Midlands Police Freedom of Information", new_x="LMARGIN", new_y="NEXT")
        for row in rows:
            for width, text in zip(widths, row):
                pdf.cell(width, 5, text, border=1)
            pdf.ln(5)
    parsed = parse_bytes(bytes(pdf.output()), "long.pdf")
    assert len(parsed.tables) == 1
    table = parsed.tables[0]
    assert table.source == "long.pdf#page=1" and len(table.rows) == 41
    assert table.rows[-1].label == ("Grand Total",) and table.totals_consistent is True


def test_all_other_is_a_row_not_a_total():
    table = parse_text("Offence\t2022\t2023\nTheft\t3\t4\nAll other theft\t1\t2\nTotal\t4\t6\n").tables[0]
    assert [r.total for r in table.rows] == [False, False, True] and table.totals_consistent is True


def test_one_column_of_figures_is_never_read_as_nested():
    table = parse_text("Offence\tCount\nBurglary\t5\nTheft\t3\nRobbery\t2\nAssault\t4\nTotal\t9\n").tables[0]
    assert all(len(r.label) == 1 for r in table.rows)
    assert table.totals_consistent is False and table.warnings == ("row 'Total', column 'Count': stated 9, sum 14",)


def test_space_aligned_letter_headings_stay_facts_not_tables():
    parsed = parse_text("Our Ref:      FOI/2024/00123\nDate:   12 March 2024\n\nDear Sir\n")
    assert parsed.tables == () and parsed.facts.reference == "FOI/2024/00123"
    assert str(parsed.facts.letter_date) == "2024-03-12"
