"""The format readers: every test file is generated here, hostile ones included."""
import io
import subprocess
import sys
import time
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest

from requests_app.parsing.model import Extracted, Grid, Limits, ParseError, TextBlock
from requests_app.parsing import parse_bytes
from requests_app.parsing.readers import read

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"
LIMITS = Limits()

# The first table of the West Midlands seed (003), as the force sent it.
WEST_MIDLANDS = """\
Offence\t2014\t2015\t2016\t2017\t2018\t2019\tGrand Total
SEND COMMUNICATION/ARTICLE CONVEYING A THREATENING MESSAGE\t-\t105\t429\t657\t1,055\t1,254\t3,500
HARASSMENT\t149\t133\t158\t244\t683\t1,034\t2,401
SEND COMMUNICATION/ARTICLE CONVEYING INDECENT/GROSSLY OFFENSIVE MESSAGE\tı\t50\t165\t240\t454\t455\t1,364
SEND COMMUNICATION/ARTICLE CONVEYING FALSE INFORMATION\t-\t13\t36\t58\t135\t122\t364
DISCLOSE PRIVATE SEXUAL PHOTOGRAPHS AND FILMS WITH INTENT TO CAUSE DISTRESS\t-\t27\t53\t60\t81\t92\t313
SEND COMMUNICATION/ARTICLE WHOLE/PART OF AN INDECENT/GROSSLY OFFENSIVE NATURE\t-\t19\t37\t34\t83\t82\t255
BREACH OF RESTRAINING ORDER\t11\t13\t49\t42\t49\t44\t208
PUTTING PEOPLE IN FEAR OF VIOLENCE\t20\t20\t12\t7\t17\t15\t91
PURSUE COURSE OF CONDUCT IN BREACH OF S1(1) WHICH AMOUNTS TO STALKING\t1\t4\t7\t20\t26\t16\t74
STALKING INVOLVING SERIOUS ALARM/DISTRESS\t2\t2\t12\t4\t19\t16\t55
RACIALLY/RELIGIOUSLY AGGRAVATED HARASSMENT WITHOUT VIOLENCE S2\t9\t7\t7\t11\t10\t6\t50
STALKING INVOLVING FEAR OF VIOLENCE\t-\t2\t6\t4\t8\t7\t27
BREACH OF INJUNCTION AGAINST HARASSMENT 1997\t-\t-\t2\t2\t8\t9\t21
RACIALLY/RELIGIOUSLY AGGRAVATED HARASSMENT WITH FEAR OF VIOLENCE\t2\t-\t-\t-\t-\t1\t3
Grand Total\t194\t395\t973\t1,383\t2,628\t3,153\t8,726"""
WM_ROWS = [line.split("\t") for line in WEST_MIDLANDS.split("\n")]
SMALL = [["Offence", "2014", "2015", "Grand Total"], ["HARASSMENT", "149", "133", "282"],
         ["BREACH OF RESTRAINING ORDER", "11", "-", "11"], ["Grand Total", "160", "133", "293"]]


def grids(extracted: Extracted) -> list[Grid]:
    return [b for b in extracted.blocks if isinstance(b, Grid)]


def texts(extracted: Extracted) -> list[TextBlock]:
    return [b for b in extracted.blocks if isinstance(b, TextBlock)]


def refused(data: bytes, name: str, limits: Limits = LIMITS) -> str:
    started = time.monotonic()
    with pytest.raises(ParseError) as caught:
        read(data, name, limits)
    assert time.monotonic() - started < 5
    message = str(caught.value)
    assert message and "\n" not in message and "Traceback" not in message
    return message


# --- generators -----------------------------------------------------------------

def as_number(text: str):
    return int(text.replace(",", "")) if text.replace(",", "").isdigit() else text


def make_xlsx() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    q1 = wb.active
    q1.title = "Q1"
    q1.append(["Recorded cyberstalking offences 2014 - 2019"])
    for row in WM_ROWS:
        q1.append([as_number(c) for c in row])
    q2 = wb.create_sheet("Q2")
    q2.append(["Outcome", "Year", None, "Rate"])
    q2.merge_cells("B1:C1")
    q2.append([None, 2018, 2019, None])
    q2.append(["Charge", 4.0, 1, 0.125])
    q2["D3"].number_format = "0.0%"
    q2.append([])
    q2.append(["Notes", "see letter"])
    q2.append(["Suppressed", "*"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Our Ref: FOI 123/19")
    document.add_heading("Question 1", level=2)
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["Offence", "2018", "2019"], ["Harassment", "683", "1,034"], ["Total", "683", "1,034"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("Question 2")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_pdf(rows, ruled: bool, encrypt: bool = False) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    if encrypt:
        pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in ["West Midlands Police Freedom of Information", "Question 1", "Cyberstalking offences by year"]:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    widths = [80, 25, 25, 30]
    for row in rows:
        for i, text in enumerate(row):
            pdf.cell(widths[i], 7, text, border=1 if ruled else 0, align="L" if i == 0 else "R")
        pdf.ln()
    pdf.cell(0, 6, "01/11/2019 16966/19", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def make_zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


HTML_BODY = """<html><head><style>td {color: red}</style></head><body>
<table width="600"><tr><td>
<p>Dear Ms Smith,</p><p>Question 1</p><p><b>Offences by year</b></p>
<table border="1">
 <tr><th rowspan="2">Offence</th><th colspan="2">Year</th></tr>
 <tr><th>2018</th><th>2019</th></tr>
 <tr><td>HARASSMENT</td><td>683</td><td>1,034</td></tr>
 <tr><td>Grand&nbsp;Total</td><td>683</td><td>1,034</td></tr>
</table>
<p>Yours sincerely,<br>FOI Unit</p><script>track()</script>
</td></tr></table></body></html>"""
HTML_CELLS = (("Offence", "Year", "Year"), ("", "2018", "2019"), ("HARASSMENT", "683", "1,034"),
              ("Grand Total", "683", "1,034"))


def make_eml(tmp_path) -> bytes:
    message = EmailMessage()
    message["From"] = "foi@westmidlands.police.uk"
    message["To"] = "me@example.org"
    message["Subject"] = "FOI 16966/19"
    message.set_content("Dear requester,\n\nPlease find attached our response.\n")
    message.add_attachment(make_pdf(SMALL, ruled=True), maintype="application", subtype="pdf",
                           filename="response.pdf")
    message.add_attachment(make_zip({"tables/q1.csv": b"Offence,2018\nHarassment,683\n"}),
                           maintype="application", subtype="zip", filename="data.zip")
    data = bytes(message)
    (tmp_path / "reply.eml").write_bytes(data)
    return data


# --- workbooks --------------------------------------------------------------------

def test_xlsx_sheets_become_grids_with_titles_and_merged_headers():
    extracted = read(make_xlsx(), "reply.xlsx", LIMITS)
    q1, q2, notes = grids(extracted)
    assert q1.source == "reply.xlsx#sheet=Q1"
    assert q1.above == ("Recorded cyberstalking offences 2014 - 2019",)
    expected = [[c.replace(",", "") for c in row] for row in WM_ROWS]  # numbers stored as numbers
    assert [list(r) for r in q1.cells] == expected
    assert q1.cells[3][1] == "ı" and q1.cells[-1] == ("Grand Total", "194", "395", "973", "1383", "2628", "3153", "8726")
    assert q2.source == "reply.xlsx#sheet=Q2"
    assert q2.cells == (("Outcome", "Year", "Year", "Rate"), ("", "2018", "2019", ""), ("Charge", "4", "1", "12.5%"))
    assert notes.cells == (("Notes", "see letter"), ("Suppressed", "*"))


def test_xlsx_title_rows_are_also_text():
    blocks = texts(read(make_xlsx(), "reply.xlsx", LIMITS))
    assert blocks[0] == TextBlock("Recorded cyberstalking offences 2014 - 2019", "reply.xlsx#sheet=Q1")


def test_ods_sheet_with_merged_header():
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    sheet = Table(name="Q1")
    for row in [["Offences 2018-19"], [], ["Offence", ("Year", 2), None], ["", "2018", "2019"], ["Harassment", "683", "1,034"]]:
        tr = TableRow()
        for cell in row:
            if cell is None:
                tr.addElement(CoveredTableCell())
                continue
            text, span = cell if isinstance(cell, tuple) else (cell, 1)
            tc = TableCell(numbercolumnsspanned=span) if span > 1 else TableCell()
            if text:
                tc.addElement(P(text=text))
            tr.addElement(tc)
        tr.addElement(TableCell(numbercolumnsrepeated=1000))  # trailing blanks to the sheet's edge
        sheet.addElement(tr)
    sheet.addElement(TableRow(numberrowsrepeated=1_000_000))
    doc.spreadsheet.addElement(sheet)
    out = io.BytesIO()
    doc.save(out)
    (grid,) = grids(read(out.getvalue(), "reply.ods", LIMITS))
    assert grid.source == "reply.ods#sheet=Q1"
    assert grid.above == ("Offences 2018-19",)
    assert grid.cells == (("Offence", "Year", "Year"), ("", "2018", "2019"), ("Harassment", "683", "1,034"))


def test_xlsx_zip_bomb_is_refused_before_opening():
    sheet = b"<worksheet>" + b" " * 3_000_000 + b"</worksheet>"
    bomb = make_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>",
                     "xl/worksheets/sheet1.xml": sheet})
    message = refused(bomb, "bomb.xlsx", Limits(max_unzipped_bytes=1_000_000))
    assert message == "zip unpacks to 3,000,042 bytes, over the 1,000,000-byte limit"
    assert "compressed" in refused(bomb, "bomb.xlsx")  # the default size limit, but a 1000:1 ratio


# --- CSV --------------------------------------------------------------------------

def test_csv_utf8_with_bom():
    data = "\ufeffOffence,2018,2019\nHarassment,683,\"1,034\"\n".encode("utf-8")
    (grid,) = grids(read(data, "q1.csv", LIMITS))
    assert grid.source == "q1.csv"
    assert grid.cells == (("Offence", "2018", "2019"), ("Harassment", "683", "1,034"))


def test_csv_windows_1252_semicolons_and_blank_row_split():
    data = "Overtime costs\nItem;Cost\nOvertime;£1,234.50\n\nItem;Cost\nFuel;£12.00\n".encode("cp1252")
    first, second = grids(read(data, "costs.csv", LIMITS))
    assert first.above == ("Overtime costs",)
    assert first.cells == (("Item", "Cost"), ("Overtime", "£1,234.50"))
    assert second.cells == (("Item", "Cost"), ("Fuel", "£12.00"))


def test_csv_with_excels_separator_hint_line():
    (grid,) = grids(read(b"sep=;\r\nItem;Cost\r\nFuel;12,50\r\n", "costs.csv", LIMITS))
    assert grid.cells == (("Item", "Cost"), ("Fuel", "12,50"))


def test_csv_recognised_without_its_extension():
    (grid,) = grids(read(b"Offence|2018\nHarassment|683\nStalking|19\n", "export.dat", LIMITS))
    assert grid.cells == (("Offence", "2018"), ("Harassment", "683"), ("Stalking", "19"))


# --- DOCX and HTML ----------------------------------------------------------------

def test_docx_table_above_holds_the_question_heading():
    extracted = read(make_docx(), "response.docx", LIMITS)
    first, grid, after = extracted.blocks
    assert first == TextBlock("Our Ref: FOI 123/19\nQuestion 1", "response.docx")
    assert grid.cells == (("Offence", "2018", "2019"), ("Harassment", "683", "1,034"), ("Total", "683", "1,034"))
    assert grid.above == ("Our Ref: FOI 123/19", "Question 1")
    assert grid.source == "response.docx"
    assert after == TextBlock("Question 2", "response.docx")


def test_html_innermost_table_with_spans_and_text_around_it():
    extracted = read(HTML_BODY.encode(), "reply.html", LIMITS)
    (grid,) = grids(extracted)
    assert grid.cells == HTML_CELLS
    assert grid.above == ("Dear Ms Smith,", "Question 1", "Offences by year")
    text = "\n".join(b.text for b in texts(extracted))
    assert "Yours sincerely,\nFOI Unit" in text and "track()" not in text and "color" not in text


# --- e-mail -----------------------------------------------------------------------

def test_eml_body_and_attachments_including_a_zipped_csv(tmp_path):
    extracted = read(make_eml(tmp_path), "reply.eml", LIMITS)
    assert texts(extracted) == [TextBlock("Dear requester,\n\nPlease find attached our response.\n", "body")]
    assert [name for name, _ in extracted.attachments] == ["response.pdf", "data.zip"]
    pdf = read(extracted.attachments[0][1], "response.pdf", LIMITS)
    assert grids(pdf)[0].cells == tuple(tuple(r) for r in SMALL)
    unzipped = read(extracted.attachments[1][1], "data.zip", LIMITS)
    assert unzipped.blocks == () and [n for n, _ in unzipped.attachments] == ["tables/q1.csv"]
    (grid,) = grids(read(unzipped.attachments[0][1], "tables/q1.csv", LIMITS))
    assert grid.cells == (("Offence", "2018"), ("Harassment", "683"))


def test_eml_html_tables_used_when_the_plain_part_has_none():
    message = EmailMessage()
    message["From"], message["Subject"] = "foi@police.uk", "Your request"
    message.set_content("Dear Ms Smith,\nQuestion 1\nOffence Year 2018 2019 HARASSMENT\n")
    message.add_alternative(HTML_BODY, subtype="html")
    extracted = read(bytes(message), "reply.eml", LIMITS)
    # the HTML part, which holds the table, is the body: the plain part was made from it
    assert texts(extracted)[0].text.startswith("Dear Ms Smith,") and "HARASSMENT" not in texts(extracted)[0].text
    (grid,) = grids(extracted)
    assert grid.cells == HTML_CELLS and grid.source == "body"


def test_eml_html_only_body_is_read_as_text_and_tables():
    message = EmailMessage()
    message["From"], message["Subject"] = "foi@police.uk", "Your request"
    message.set_content(HTML_BODY, subtype="html")
    extracted = read(bytes(message), "no-extension", LIMITS)
    assert grids(extracted)[0].cells == HTML_CELLS
    assert texts(extracted)[0] == TextBlock("Dear Ms Smith,\n\nQuestion 1\n\nOffences by year", "body")


def test_forwarded_message_contributes_its_body_and_attachments():
    inner = EmailMessage()
    inner["From"], inner["Subject"] = "foi@police.uk", "FOI 16966/19"
    inner.set_content("Our reference 16966/19\n")
    inner.add_attachment(b"Offence,2019\nHarassment,1034\n", maintype="text", subtype="csv", filename="q1.csv")
    outer = EmailMessage()
    outer["From"], outer["Subject"] = "me@example.org", "Fwd: FOI 16966/19"
    outer.set_content("See below.\n")
    outer.add_attachment(inner)
    extracted = read(bytes(outer), "fwd.eml", LIMITS)
    assert [b.text for b in texts(extracted)] == ["See below.\n", "Our reference 16966/19\n"]
    assert extracted.attachments == (("q1.csv", b"Offence,2019\nHarassment,1034\n"),)


# --- PDF --------------------------------------------------------------------------

def test_pdf_ruled_table_is_a_grid_with_the_lines_above():
    extracted = read(make_pdf(SMALL, ruled=True), "response.pdf", LIMITS)
    (grid,) = grids(extracted)
    assert grid.source == "response.pdf#page=1"
    assert grid.cells == tuple(tuple(r) for r in SMALL)
    assert grid.above == ("West Midlands Police Freedom of Information", "Question 1", "Cyberstalking offences by year")
    before, after = texts(extracted)  # the page's text above the table, then below it, in page order
    assert [type(b).__name__ for b in extracted.blocks] == ["TextBlock", "Grid", "TextBlock"]
    assert "Question 1" in before.text and "01/11/2019 16966/19" in after.text
    assert "HARASSMENT" not in before.text + after.text
    assert after.question == "1"  # the question asked above the table is still in force below it


def test_pdf_text_aligned_table_keeps_its_columns_apart():
    import re

    (text,) = texts(read(make_pdf(SMALL, ruled=False), "response.pdf", LIMITS))
    assert text.source == "response.pdf#page=1"
    lines = [line for line in text.text.split("\n") if line.strip()]
    assert lines[:3] == ["West Midlands Police Freedom of Information", "Question 1", "Cyberstalking offences by year"]
    assert [re.split(r"\s{2,}", line.strip()) for line in lines[3:7]] == SMALL


# --- hostile and odd files ----------------------------------------------------------

def test_truncated_pdf():
    data = make_pdf(SMALL, ruled=True)
    assert refused(data[: len(data) // 2], "response.pdf").startswith("corrupt PDF: ")


def test_encrypted_pdf():
    assert refused(make_pdf(SMALL, ruled=True, encrypt=True), "response.pdf") == "encrypted PDF"


def test_pdf_over_the_page_limit():
    assert refused(make_pdf(SMALL, ruled=True), "a.pdf", Limits(max_pages=0)) == "PDF has 1 pages, over the 0-page limit"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (bytes(range(256)) * 40, "unsupported file type (binary data)"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "unsupported file type (PNG image)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "unsupported file type (OLE2 document that is not an "
                                                          "Excel workbook, e.g. a .doc or .msg)"),
    (b"PK\x03\x04garbage", "corrupt zip container: File is not a zip file"),
])
def test_unreadable_files_are_refused_in_one_line(data, reason):
    assert refused(data, "attachment.bin") == reason


def test_file_over_the_size_limit():
    assert refused(b"x" * 2000, "big.txt", Limits(max_bytes=1000)) == "file is 2,000 bytes, over the 1,000-byte limit"


def test_zip_with_a_path_outside_the_archive():
    assert refused(make_zip({"../../etc/passwd": b"x"}), "a.zip") == "zip member with an unsafe path: ../../etc/passwd"


def test_zip_with_too_many_members():
    data = make_zip({f"{i}.csv": b"a,b" for i in range(5)})
    assert refused(data, "a.zip", Limits(max_attachments=4)) == "zip holds 5 files, over the 4-file limit"


def test_plain_text_is_the_reply_body_in_utf8_or_windows_1252():
    assert read("Cost £5\n".encode("cp1252"), "letter.txt", LIMITS).blocks == (TextBlock("Cost £5\n", "body"),)
    assert read("\ufeffCost £5\n".encode(), "letter.txt", LIMITS).blocks == (TextBlock("Cost £5\n", "body"),)


@pytest.mark.skipif(not SEEDS.exists(), reason="shared/seeds not beside the checkout")
def test_seed_reply_is_plain_text_not_csv_or_email():
    data = (SEEDS / "003_22f3676a9afc3e41.txt").read_bytes()
    (block,) = read(data, "003.txt", LIMITS).blocks
    assert isinstance(block, TextBlock) and WEST_MIDLANDS in block.text


def test_readers_import_without_django():
    modules = "requests_app.parsing." + ", requests_app.parsing.".join(
        ["readers", "pdf", "xlsx", "csv_reader", "docx", "html", "eml"])
    code = f"import sys, {modules}; bad = [m for m in sys.modules if m.split('.')[0] == 'django']; assert not bad, bad"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_docx_merged_cells_keep_text_once_except_spread_headers():
    import docx

    document = docx.Document()
    table = document.add_table(rows=4, cols=3)
    for r, row in enumerate([["Offence", "Year", ""], ["", "2018", "2019"], ["UNSOLVED", "", ""], ["Stalking", "4", "5"]]):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    table.cell(0, 1).merge(table.cell(0, 2))
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(2, 0).merge(table.cell(2, 2))
    out = io.BytesIO()
    document.save(out)
    (grid,) = grids(read(out.getvalue(), "merged.docx", LIMITS))
    assert grid.cells == (("Offence", "Year", "Year"), ("", "2018", "2019"), ("UNSOLVED", "", ""), ("Stalking", "4", "5"))


def test_sheet_over_the_row_limit():
    import openpyxl

    wb = openpyxl.Workbook()
    for i in range(30):
        wb.active.append(["row", i])
    out = io.BytesIO()
    wb.save(out)
    assert refused(out.getvalue(), "big.xlsx", Limits(max_rows_per_sheet=20)) == (
        "sheet Sheet has 30 rows, over the 20-row limit")


def test_password_protected_zip():
    data = bytearray(make_zip({"q1.csv": b"a,b\n1,2\n"}))
    data[6] |= 0x1  # the local header's "encrypted" flag
    data[data.rindex(b"PK\x01\x02") + 8] |= 0x1  # and the central directory's
    assert refused(bytes(data), "a.zip") == "encrypted zip archive"


def test_xls_workbook_when_xlwt_is_at_hand():
    xlwt = pytest.importorskip("xlwt", reason="xlwt (unmaintained) writes the only XLS files we can make")
    wb = xlwt.Workbook()
    ws = wb.add_sheet("Q1")
    ws.write(0, 0, "Cyberstalking offences")
    ws.write(2, 0, "Offence")
    ws.write_merge(2, 2, 1, 2, "Year")
    ws.write(3, 1, 2018)
    ws.write(3, 2, 2019)
    ws.write(4, 0, "Harassment")
    ws.write(4, 1, 683)
    ws.write(4, 2, 0.125, xlwt.easyxf(num_format_str="0.0%"))
    out = io.BytesIO()
    wb.save(out)
    (grid,) = grids(read(out.getvalue(), "reply.xls", LIMITS))
    assert grid.source == "reply.xls#sheet=Q1" and grid.above == ("Cyberstalking offences",)
    assert grid.cells == (("Offence", "Year", "Year"), ("", "2018", "2019"), ("Harassment", "683", "12.5%"))


def test_deeply_nested_html_is_read_quickly():
    started = time.monotonic()
    extracted = read(("<div>" * 20000 + "deep" + "</div>" * 20000).encode(), "deep.html", LIMITS)
    assert extracted.blocks == (TextBlock("deep", "deep.html"),) and time.monotonic() - started < 5


def test_a_message_attached_as_a_file_names_its_tables_by_the_file():
    inner = EmailMessage()
    inner["From"], inner["Subject"] = "foi@police.uk", "FOI 0417/24"
    inner.set_content("Our Ref: 0417/24\n\nOffence\t2023\t2024\nBurglary\t5\t6\nTheft\t7\t8\n")
    outer = EmailMessage()
    outer["From"], outer["Subject"] = "me@example.org", "Fwd: FOI 0417/24"
    outer.set_content("Forwarding the force's reply.\n")
    outer.add_attachment(inner, filename="FOI reply.eml")
    parsed = parse_bytes(bytes(outer), "fwd.eml")
    (table,) = parsed.tables
    assert table.source == "FOI reply.eml" and table.columns == ("2023", "2024")
    assert parsed.facts.reference == "0417/24"


def test_an_html_caption_is_the_tables_title():
    html = ("<h2>Question 1: Number of officers dismissed</h2><table>"
            "<caption>Officers dismissed after  gross misconduct hearings</caption>"
            "<tr><th>Year</th><th>Officers</th></tr><tr><td>2022</td><td>4</td></tr><tr><td>2023</td><td>6</td></tr>"
            "</table>")
    (table,) = parse_bytes(html.encode(), "reply.html").tables
    assert table.title == "Officers dismissed after gross misconduct hearings" and table.question == "1"
