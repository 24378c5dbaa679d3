"""Replies in layouts from forces outside the seeds, from three probes of hand-checked letters
and files (19 text replies; 39 PDF, XLSX, DOCX, HTML and e-mail files; 20 messy text conversions):
bare question numbers between tables, letterheads, sub-totals, Notes columns, footnote marks,
wrapped headings and labels, e-mails pasted as text, subjects, and provisions only described."""
import pytest

from requests_app.parsing import parse_text


def cells(table):
    return [[*r.label, *r.values] for r in table.rows]


def test_a_bare_question_number_after_a_table_starts_the_next_question():
    reply = parse_text(
        "1.\n\n"
        "Age band       2022     2023\n"
        "Under 18        140      155\n"
        "65+             140      155\n"
        "\n2.\n\n"
        "Age band       2022     2023\n"
        "Under 18        801      870\n"
        "65+             120      141\n")
    assert [(t.question, len(t.rows)) for t in reply.tables] == [("1", 2), ("2", 2)]
    assert cells(reply.tables[1]) == [["Under 18", 801, 870], ["65+", 120, 141]]


def test_a_two_column_letterhead_keeps_its_reference_and_date():
    reply = parse_text(
        "Surrey Police\n"
        "Our Ref:   FOI 0123/24                             Date: 12 March 2024\n"
        "Your Ref:  N/A                                     Page 1 of 2\n\n"
        "Dear Requester\n\nThank you for your request. The information is not held.\n")
    assert (reply.facts.reference, str(reply.facts.letter_date)) == ("FOI 0123/24", "2024-03-12")
    assert reply.tables == ()


def test_figures_with_their_share_or_a_unit_are_kept_as_printed():
    reply = parse_text(
        "Q2. How many assaults on staff resulted in injury?\n\n"
        "Year     Assaults    With injury        Without injury\n"
        "2021     310         112 (36%)          198 (64%)\n"
        "2022     295         101 (34%)          194 (66%)\n\n"
        "Part 3 - Cost of custody detention officers\n\n"
        "Year      Cost\n"
        "2022      £1.2m\n"
        "2023      £1.35m\n\n"
        "Q.4 Change in staffing\n\n"
        "Unit            2022    2023    Change\n"
        "Response         410     398       -12\n"
        "CID              205     215       +10\n")
    shares, cost, change = reply.tables
    assert shares.question == "2" and shares.columns == ("Assaults", "With injury", "Without injury")
    assert cells(shares) == [["2021", 310, "112 (36%)", "198 (64%)"], ["2022", 295, "101 (34%)", "194 (66%)"]]
    assert (cost.question, cells(cost)) == ("3", [["2022", "£1.2m"], ["2023", "£1.35m"]])
    assert (change.question, cells(change)) == ("4", [["Response", 410, 398, -12], ["CID", 205, 215, 10]])


def test_sub_totals_close_their_group_and_the_grand_total_adds_the_rest():
    table = parse_text(
        "Category\t2022\t2023\tTotal\n"
        "Theft of vehicle\t1,210\t1,305\t2,515\n"
        "Car\t900\t950\t1,850\n"
        "Motorcycle\t250\t300\t550\n"
        "Van\t60\t55\t115\n"
        "Sub-total\t1,210\t1,305\t2,515\n"
        "Theft from vehicle\t2,400\t2,550\t4,950\n"
        "Car\t2,000\t2,100\t4,100\n"
        "Van\t400\t450\t850\n"
        "Sub-total\t2,400\t2,550\t4,950\n"
        "Grand Total\t3,610\t3,855\t7,465\n").tables[0]
    assert [(r.label, r.total) for r in table.rows] == [
        (("Theft of vehicle",), False), (("Theft of vehicle", "Car"), False),
        (("Theft of vehicle", "Motorcycle"), False), (("Theft of vehicle", "Van"), False),
        (("Theft of vehicle", "Sub-total"), True), (("Theft from vehicle",), False),
        (("Theft from vehicle", "Car"), False), (("Theft from vehicle", "Van"), False),
        (("Theft from vehicle", "Sub-total"), True), (("Grand Total",), True)]
    assert (table.totals_consistent, table.warnings) == (True, ())


def test_sub_totals_under_group_headings_are_checked_and_a_wrong_one_is_named():
    table = parse_text(
        "Category                  2022     2023\n"
        "Theft of vehicle\n"
        "   Car                     900      950\n"
        "   Motorcycle              250      300\n"
        "   Sub-total             1,150    1,250\n"
        "Theft from vehicle\n"
        "   Car                   2,000    2,100\n"
        "   Van                     400      450\n"
        "   Subtotal              2,400    2,500\n"
        "Grand Total              3,550    3,800\n").tables[0]
    assert [(r.label, r.values, r.total) for r in table.rows] == [
        (("Theft of vehicle", "Car"), (900, 950), False), (("Theft of vehicle", "Motorcycle"), (250, 300), False),
        (("Theft of vehicle", "Sub-total"), (1150, 1250), True), (("Theft from vehicle", "Car"), (2000, 2100), False),
        (("Theft from vehicle", "Van"), (400, 450), False), (("Theft from vehicle", "Subtotal"), (2400, 2500), True),
        (("Grand Total",), (3550, 3800), True)]
    assert table.totals_consistent is False
    assert table.warnings == ("row 'Theft from vehicle > Subtotal', column '2023': stated 2500, sum 2550",)


def test_flat_sub_totals_without_groups():
    table = parse_text(
        "Area\t2022\t2023\n"
        "North\t10\t12\n"
        "East\t5\t6\n"
        "Sub total\t15\t18\n"
        "South\t7\t8\n"
        "Sub total\t7\t8\n"
        "Total\t22\t26\n").tables[0]
    assert [r.total for r in table.rows] == [False, False, True, False, True, True]
    assert all(len(r.label) == 1 for r in table.rows)
    assert (table.totals_consistent, table.warnings) == (True, ())


def test_a_label_wrapped_below_its_figures_keeps_its_tail_even_when_the_tail_repeats():
    table = parse_text(
        "Offence group                                   2022      2023\n"
        "Violence against the person - with              1,204     1,310\n"
        "injury\n"
        "Violence against the person - without           2,880     3,015\n"
        "injury\n"
        "Total                                           4,084     4,325\n").tables[0]
    assert cells(table) == [["Violence against the person - with injury", 1204, 1310],
                            ["Violence against the person - without injury", 2880, 3015], ["Total", 4084, 4325]]


PASTED_EMAIL = """From: Freedom of Information <foi@wiltshire.police.uk>
Sent: 12 March 2024 14:32
To: requester@example.com
Subject: RE: Freedom of Information Request - FOI 2024-0456

Dear Requester,

Freedom of Information Request Reference No: 2024-0456

Thank you for your request received on 16th February 2024. The information is attached in full.

Yours sincerely

-----Original Message-----
From: requester@example.com
Sent: 16 February 2024 09:12
To: Freedom of Information
Subject: Freedom of Information Request

Please tell me how many vehicles were in collisions. I don't think section 40(2) should apply,
and you should not neither confirm nor deny. Section 12 is not held against me.
"""


def test_an_email_pasted_as_text_is_a_letter_and_its_quoted_request_cites_nothing(tmp_path):
    from requests_app.parsing import parse_path

    path = tmp_path / "reply.txt"
    path.write_text(PASTED_EMAIL)
    reply = parse_path(str(path))
    facts = reply.facts
    assert (facts.reference, str(facts.letter_date), str(facts.request_received_date)) == (
        "2024-0456", "2024-03-12", "2024-02-16")
    assert (facts.exemptions, facts.neither_confirm_nor_deny) == ((), False)


def test_lines_quoted_with_a_chevron_are_the_request_not_the_reply():
    facts = parse_text("Our ref: 123/24\n\n> Please do not use section 40(2) to refuse this.\n\n"
                       "The figures are below; none is withheld.\n").facts
    assert facts.exemptions == ()
    assert parse_text("Our ref: 123/24\n\nThe names are withheld under section 40(2).\n").facts.exemptions == ("s40(2)",)


def test_an_eml_whose_only_date_is_its_header(tmp_path):
    from email.message import EmailMessage

    from requests_app.parsing import parse_path

    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "foi@suffolk.police.uk", "me@example.com", "FOI/2024/1234"
    message["Date"] = "Tue, 12 Mar 2024 09:30:00 +0000"
    message.set_content("Dear Requester\n\nYour request received on 20 February has been answered below.\n")
    path = tmp_path / "reply.eml"
    path.write_bytes(bytes(message))
    facts = parse_path(str(path)).facts
    assert (str(facts.letter_date), str(facts.request_received_date)) == ("2024-03-12", "2024-02-20")


def test_a_provision_described_then_not_applied_is_not_relied_on():
    reply = parse_text(
        "Section 12 of the Act allows us to refuse a request where the cost exceeds £450; we have not applied it "
        "in this case.\n\n"
        "Regulation 12(4)(b) allows a request to be refused where it is manifestly unreasonable; this has not been "
        "applied.\n\n"
        "Section 40(2) is engaged for the officers' names; section 38 has not been applied.\n\n"
        "Please note that a refined request may still engage Section 31(1)(a).\n")
    assert reply.facts.exemptions == ("s40(2)",)


def test_a_received_date_in_a_space_aligned_block_of_particulars():
    facts = parse_text("Reference        FOI/2024/77\nDate of reply    12/03/2024\n"
                       "Date received        16/02/2024\n\nDear Sir\n").facts
    assert (str(facts.letter_date), str(facts.request_received_date)) == ("2024-03-12", "2024-02-16")


def test_a_caption_ending_in_a_colon_is_the_title_and_a_lead_in_is_not():
    captioned, led_in = parse_text(
        "Number of firearms operations in 2023:\n\n"
        "Operation type     Number\nPre-planned           118\nSpontaneous           402\n\n"
        "The figures for 2024 are as follows:\n\n"
        "Operation type     Number\nPre-planned           120\nSpontaneous           390\n").tables
    assert (captioned.title, led_in.title) == ("Number of firearms operations in 2023:", None)


NOTES = [["Area", "2022", "2023", "Notes"], ["Northern", "14", "19", "Includes transfers from Central"],
         ["Central", "9", "*", "Figure suppressed (under 5)"], ["Southern", "22", "12", ""],
         ["Total", "45", "31", "Excludes suppressed figures"]]


def test_a_notes_column_of_words_is_a_column_not_a_header():
    text = "\n".join("".join(cell.ljust(14) for cell in row).rstrip() for row in NOTES)
    table = parse_text(text).tables[0]
    assert (table.row_header, table.columns) == ("Area", ("2022", "2023", "Notes"))
    assert cells(table) == [["Northern", 14, 19, "Includes transfers from Central"],
                            ["Central", 9, "*", "Figure suppressed (under 5)"], ["Southern", 22, 12, None],
                            ["Total", 45, 31, "Excludes suppressed figures"]]
    assert (table.totals_consistent, table.warnings) == (True, ())  # 2022 adds up; 2023 has a "*" in the way


def _xlsx(tmp_path, rows_at: dict[str, list[list]]):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for corner, rows in rows_at.items():
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.cell(row=sheet[corner].row + r, column=sheet[corner].column + c, value=value)
    path = tmp_path / "reply.xlsx"
    book.save(path)
    return path


def test_tables_set_side_by_side_on_a_sheet_are_two_tables(tmp_path):
    from requests_app.parsing import parse_path

    path = _xlsx(tmp_path, {"A1": [["Question 1"]],
                            "A3": [["Area", 2022, 2023], ["North", 5, 6], ["South", 7, 8], ["Total", 12, 14]],
                            "F3": [["Age", "Arrests"], ["Under 18", 40], ["18 and over", 310]]})
    tables = parse_path(str(path)).tables
    assert [(t.question, t.row_header, t.columns) for t in tables] == [
        ("1", "Area", ("2022", "2023")), ("1", "Age", ("Arrests",))]
    assert [cells(t) for t in tables] == [[["North", 5, 6], ["South", 7, 8], ["Total", 12, 14]],
                                          [["Under 18", 40], ["18 and over", 310]]]


def test_figures_after_a_spacer_column_stay_in_their_table(tmp_path):
    from requests_app.parsing import parse_path

    path = _xlsx(tmp_path, {"A1": [["Area", 2022, 2023, None, "Change"], ["North", 5, 6, None, 1],
                                   ["South", 7, 8, None, 1]]})
    (table,) = parse_path(str(path)).tables
    assert table.columns == ("2022", "2023", "Change") and cells(table)[0] == ["North", 5, 6, 1]


def test_figures_with_footnote_marks_are_figures():
    table = parse_text(
        "Offence            2022        2023\n"
        "Burglary           412¹        398\n"
        "Robbery             87*         91\n"
        "Theft            1,204   1,310 (a)\n"
        "Total            1,703       1,799\n\n"
        "¹ provisional  * includes attempts  (a) revised\n").tables[0]
    assert cells(table) == [["Burglary", 412, 398], ["Robbery", 87, 91], ["Theft", 1204, 1310],
                            ["Total", 1703, 1799]]
    assert (table.totals_consistent, table.warnings) == (True, ())


def test_a_list_with_dot_leaders_is_a_table():
    table = parse_text(
        "Burglary ........................ 412\n"
        "Robbery ......................... 87\n"
        "Theft from a vehicle ............ 1,204\n"
        "Total ........................... 1,703\n").tables[0]
    assert cells(table) == [["Burglary", 412], ["Robbery", 87], ["Theft from a vehicle", 1204], ["Total", 1703]]
    assert [r.total for r in table.rows] == [False, False, False, True] and table.totals_consistent is True


def test_a_total_printed_first_is_checked_against_the_rows_below():
    text = ("Area      2022     2023\nTotal            {}    1,100\nNorth              400      450\n"
            "South              350      380\nEast               250      270\n")
    right, wrong = (parse_text(text.format(n)).tables[0] for n in ("1,000", "1,001"))
    assert (right.totals_consistent, right.warnings) == (True, ())
    assert (wrong.totals_consistent, wrong.warnings) == (False, ("row 'Total', column '2022': stated 1001, sum 1000",))


def test_docx_letterhead_in_the_page_header_and_a_table_inside_a_layout_table(tmp_path):
    import docx

    from requests_app.parsing import parse_path

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Our Reference: FOI-2024-0912"
    document.sections[0].header.add_paragraph("Date: 22 April 2024")
    document.sections[0].footer.paragraphs[0].text = "OFFICIAL"
    document.add_paragraph("Thank you for your request, received on 25 March 2024.")
    document.add_heading("Question 3", level=2)
    layout = document.add_table(rows=1, cols=1).cell(0, 0)
    layout.paragraphs[0].text = "Vehicle pursuits"
    inner = layout.add_table(rows=3, cols=3)
    for i, row in enumerate([["Year", "Pursuits", "Collisions"], ["2022", "310", "41"], ["2023", "295", "38"]]):
        for j, text in enumerate(row):
            inner.cell(i, j).text = text
    path = tmp_path / "reply.docx"
    document.save(path)
    reply = parse_path(str(path))
    assert (reply.facts.reference, str(reply.facts.letter_date), str(reply.facts.request_received_date)) == (
        "FOI-2024-0912", "2024-04-22", "2024-03-25")
    (table,) = reply.tables
    assert (table.question, table.title, table.columns) == ("3", "Vehicle pursuits", ("Pursuits", "Collisions"))
    assert cells(table) == [["2022", 310, 41], ["2023", 295, 38]]


def test_xlsx_formulas_without_values_hidden_sheets_and_date_formats(tmp_path):
    from datetime import datetime

    from openpyxl import Workbook

    from requests_app.parsing import parse_path

    book = Workbook()
    sheet = book.active
    sheet.append(["Table 1: Arrests by age group"])
    sheet.append(["Source: Niche RMS"])
    sheet.append(["Age group", datetime(2024, 1, 1), datetime(2024, 2, 1), "Total"])
    sheet.append(["10-17", 120, 131, "=SUM(B4:C4)"])
    sheet.append(["18-24", 300, 310, "=SUM(B5:C5)"])
    sheet.append(["Total", "=SUM(B4:B5)", "=SUM(C4:C5)", "=SUM(D4:D5)"])
    for cell in sheet[3][1:3]:
        cell.number_format = "mmm-yy"
    hidden = book.create_sheet("Lookup")
    hidden.append(["Code", "Value"])
    hidden.append(["A", 1])
    hidden.append(["B", 2])
    hidden.sheet_state = "hidden"
    path = tmp_path / "reply.xlsx"
    book.save(path)  # openpyxl stores formulas without calculating them
    reply = parse_path(str(path))
    (table,) = reply.tables
    assert (table.title, table.columns) == ("Table 1: Arrests by age group", ("Jan-24", "Feb-24", "Total"))
    assert cells(table) == [["10-17", 120, 131, None], ["18-24", 300, 310, None], ["Total", None, None, None]]
    assert table.rows[-1].total
    assert reply.warnings == ("hidden sheet 'Lookup' not read",
                              "5 formula cells saved without a calculated value (read as empty: open and save "
                              "the workbook in a spreadsheet program to store them)")


def test_a_bilingual_welsh_letter():
    reply = parse_text(
        "Heddlu Dyfed-Powys Police\n"
        "Ein Cyf / Our Ref: DP-2024-0444\n"
        "Dyddiad / Date: 14 Mawrth 2024 / 14 March 2024\n\n"
        "Cwestiwn 1 / Question 1\n\n"
        "Year      Number\n2022         5\n2023         6\n\n"
        "Request 2: Calls to 101 per month\n\n"
        "Month     Calls\nJan         410\nFeb         388\n")
    assert (reply.facts.reference, str(reply.facts.letter_date)) == ("DP-2024-0444", "2024-03-14")
    assert [(t.question, t.title) for t in reply.tables] == [("1", None), ("2", None)]
    assert str(parse_text("Date / Dyddiad: 14 March 2024\n\nAnnwyl Syr\n").facts.letter_date) == "2024-03-14"


def test_a_ruled_pdf_table_spreads_a_year_merged_over_two_columns(tmp_path):
    from fpdf import FPDF

    from requests_app.parsing import parse_path

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 9)
    pdf.multi_cell(0, 5, "Question 4", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.cell(50, 6, "Strand", border=1)
    for year in ("2022", "2023"):
        pdf.cell(50, 6, year, border=1, align="C")
    pdf.ln(6)
    pdf.cell(50, 6, "", border=1)
    for heading in ("Arrests", "Charges") * 2:
        pdf.cell(25, 6, heading, border=1, align="C")
    pdf.ln(6)
    for label, figures in (("Race", (210, 95, 230, 101)), ("Religion", (40, 12, 44, 18)), ("Total", (250, 107, 274, 119))):
        pdf.cell(50, 6, label, border=1)
        for figure in figures:
            pdf.cell(25, 6, str(figure), border=1, align="R")
        pdf.ln(6)
    path = tmp_path / "reply.pdf"
    pdf.output(str(path))
    (table,) = parse_path(str(path)).tables
    assert table.columns == ("2022 Arrests", "2022 Charges", "2023 Arrests", "2023 Charges")
    assert (table.question, cells(table)[-1], table.totals_consistent) == ("4", ["Total", 250, 107, 274, 119], True)


def test_a_two_line_header_over_columns_with_blank_cells():
    table = parse_text(
        "                             Number of      Number of\n"
        "Outcome                       arrests        charges\n"
        "Burglary                           12              3\n"
        "Robbery                                            5\n"
        "Theft                               7\n").tables[0]
    assert (table.row_header, table.columns) == ("Outcome", ("Number of arrests", "Number of charges"))
    assert cells(table) == [["Burglary", 12, 3], ["Robbery", None, 5], ["Theft", 7, None]]


def test_a_double_space_inside_the_first_label_does_not_make_it_a_header():
    table = parse_text(
        "Offence                          2022     2023\n"
        "Theft  from a vehicle              12       14\n"
        "Theft of a motor vehicle           25       31\n"
        "Total                              37       45\n").tables[0]
    assert (table.row_header, table.columns) == ("Offence", ("2022", "2023"))
    assert cells(table) == [["Theft from a vehicle", 12, 14], ["Theft of a motor vehicle", 25, 31], ["Total", 37, 45]]
    assert table.totals_consistent is True


def test_a_column_of_figures_without_a_heading():
    table = parse_text(
        "Rank                                Number\n"
        "Constable                            1,204       72.1%\n"
        "Sergeant                               301       18.0%\n").tables[0]
    assert table.columns == ("Number", "")
    assert cells(table) == [["Constable", 1204, 72.1], ["Sergeant", 301, 18.0]]


def test_a_repeated_head_of_a_wrapped_label_is_not_a_page_header():
    table = parse_text(
        "Type of attack                      2021/22    2022/23\n"
        "Casualty of paramilitary-style\n"
        "assault                                  38         34\n"
        "Casualty of paramilitary-style\n"
        "shooting                                 16         20\n"
        "Total                                    54         54\n").tables[0]
    assert cells(table) == [["Casualty of paramilitary-style assault", 38, 34],
                            ["Casualty of paramilitary-style shooting", 16, 20], ["Total", 54, 54]]


def test_a_label_wrapped_around_its_figures_with_blank_lines_between_rows():
    table = parse_text(
        "Offence group                     2022         2023\n\n"
        "Violence against the person -\n"
        "with injury                       1,204        1,310\n"
        "(including ABH)\n\n"
        "Robbery                             410          395\n\n"
        "Total                             1,614        1,705\n\n"
        "Robbery by area\n\n"
        "Offence group                     2022         2023\n"
        "Robbery                             410          395\n").tables[0]
    assert (table.row_header, table.columns, table.title) == ("Offence group", ("2022", "2023"), None)
    assert cells(table) == [["Violence against the person - with injury (including ABH)", 1204, 1310],
                            ["Robbery", 410, 395], ["Total", 1614, 1705]]
    assert table.totals_consistent is True


def test_headings_wrapped_above_and_below_the_row_header_line():
    table = parse_text(
        "2. How many assaults led to sickness absence?\n\n"
        "                                                                  Number of\n"
        "                                                Days lost to        staff\n"
        "       Year                   Assaults          sickness          affected\n"
        "                                                 absence\n"
        "       2021/22                     212              1,045              64\n"
        "       2022/23                     225                987              71\n").tables[0]
    assert (table.question, table.title, table.row_header) == ("2", None, "Year")
    assert table.columns == ("Assaults", "Days lost to sickness absence", "Number of staff affected")
    assert cells(table) == [["2021/22", 212, 1045, 64], ["2022/23", 225, 987, 71]]


@pytest.mark.parametrize("subject, reference", [
    ("RE: Freedom of Information Request 2024/FOI/123 - Stop and search", "2024/FOI/123"),
    ("FOI Response - IM-FOI-2024-0789", "IM-FOI-2024-0789"),
    ("Freedom of Information Request - 012345/2024", "012345/2024"),
    ("RE: FOI request 24-0123 (stop and search)", "24-0123"),
    ("RE: Freedom of Information Request - Ref: DP-2024-0444", "DP-2024-0444"),
    ("Freedom of Information Act 2000 request", None),
])
def test_the_reference_a_subject_line_names(subject, reference):
    assert parse_text(f"Subject: {subject}\n\nDear Requester\n\nThe figures are attached.\n").facts.reference == reference


def test_an_eml_subject_names_the_reference_when_the_body_does_not(tmp_path):
    from email.message import EmailMessage

    from requests_app.parsing import parse_path

    message = EmailMessage()
    message["From"], message["To"], message["Date"] = "foi@norfolk.police.uk", "me@example.com", "Tue, 12 Mar 2024 09:30:00 +0000"
    message["Subject"] = "RE: FOI request 24-0123 (stop and search)"
    message.set_content("Dear Requester\n\nPlease find our response attached.\n")
    path = tmp_path / "reply.eml"
    path.write_bytes(bytes(message))
    assert parse_path(str(path)).facts.reference == "24-0123"


def test_bullets_are_not_part_of_a_listed_label():
    table = parse_text("Q1. How many hate crimes?\n\n• 2020/21: 645\n• 2021/22: 702\n").tables[0]
    assert (table.question, cells(table)) == ("1", [["2020/21", 645], ["2021/22", 702]])


def test_a_respond_by_date_is_no_letter_date_and_38_2a_is_no_ncnd():
    assert parse_text("Our ref: IM-FOI-2024-1\nRespond by date:  14 March 2024\n\nDear X\n").facts.letter_date is None
    facts = parse_text("The information is exempt under section 38(1)(b), as read with section 38(2A).\n").facts
    assert (facts.exemptions, facts.neither_confirm_nor_deny) == (("s38(1)(b)", "s38(2A)"), False)
    assert parse_text("The duty to confirm or deny does not arise by virtue of section 40(5A).\n").facts \
        .neither_confirm_nor_deny


@pytest.mark.parametrize("above, title", [("Dear Mr Smith", None), ("Response", None), ("Yours sincerely", None),
                                          ("Response times by area", "Response times by area")])
def test_a_salutation_or_a_response_heading_is_not_a_caption(above, title):
    table = parse_text(f"{above}\n\nArea      2022    2023\nNorth        5       6\nSouth        7       8\n").tables[0]
    assert table.title == title


def test_a_group_label_printed_once_is_filled_down():
    table = parse_text(
        "Year    Offence     Charged\n"
        "2022    Burglary       96\n"
        "        Robbery        31\n"
        "2023    Burglary      104\n"
        "        Robbery        28\n").tables[0]
    assert (table.row_header, table.columns) == ("Year / Offence", ("Charged",))
    assert cells(table) == [["2022", "Burglary", 96], ["2022", "Robbery", 31], ["2023", "Burglary", 104],
                            ["2023", "Robbery", 28]]


def test_a_last_figure_wrapped_onto_its_own_line_and_a_page_number_after_a_blank_line():
    table = parse_text(
        "Offence                        2019   2020   2021   2022   2023   Total\n"
        "Possession of weapons           120    132    141    150    162\n"
        "  705\n"
        "Robbery                          80     85\n\n"
        "2\n\n"
        "Offence                        2019   2020   2021   2022   2023   Total\n"
        "Theft                            10     20     30     40     50    150\n"
        "Fraud                             1\n"
        "3\n").tables[0]
    assert cells(table) == [["Possession of weapons", 120, 132, 141, 150, 162, 705],
                            ["Robbery", 80, 85, None, None, None, None], ["Theft", 10, 20, 30, 40, 50, 150],
                            ["Fraud", 1, None, None, None, None, None]]  # a short row, then a page number


def test_a_table_read_one_cell_to_a_line():
    reply = parse_text(
        "Question 1: Offences recorded in 2022 and 2023.\n\n"
        "Offence\n2022\n2023\nBurglary\n412\n398\nRobbery\n87\n91\nTotal\n499\n489\n\n"
        "Question 2: Outcomes.\n\n"
        "Outcome\nCharged\nCautioned\nBurglary\n96\n12\nRobbery\n33\n9\n\n"
        "Lincolnshire Police\nPO Box 999\nLincoln LN5 7PH\n")
    first, second = reply.tables
    assert (first.question, first.row_header, first.columns) == ("1", "Offence", ("2022", "2023"))
    assert cells(first) == [["Burglary", 412, 398], ["Robbery", 87, 91], ["Total", 499, 489]]
    assert first.totals_consistent is True
    assert (second.question, second.columns, cells(second)) == (
        "2", ("Charged", "Cautioned"), [["Burglary", 96, 12], ["Robbery", 33, 9]])


def test_a_wide_table_wrapped_at_a_fixed_width_is_rejoined():
    table = parse_text(
        "District        Apr   May   Jun   Jul   Aug   Sep   Oct   Nov   Dec   Jan\n"
        "Feb   Mar   Total\n"
        "Norwich          82    91    77    85    90    73    88    95    80    79\n"
        "84    86   1010\n"
        "King's Lynn      40    38    42    37    45    39    41    36    44    40\n"
        "38    43    483\n"
        "Total           122   129   119   122   135   112   129   131   124   119\n"
        "122   129   1493\n").tables[0]
    assert table.columns == ("Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", "Total")
    assert cells(table)[1] == ["King's Lynn", 40, 38, 42, 37, 45, 39, 41, 36, 44, 40, 38, 43, 483]
    assert (table.totals_consistent, table.warnings) == (True, ())


@pytest.mark.parametrize("sentence", ["Your request of 20th February 2024 was received on the same day.",
                                      "Your request dated 20 February was received that day."])
def test_a_request_received_the_day_it_was_sent(sentence):
    assert str(parse_text(f"Date: 12 March 2024\n\n{sentence}\n").facts.request_received_date) == "2024-02-20"


def test_title_case_label_tails_and_pivot_group_totals():
    table = parse_text(
        "Offence\t2022\t2023\n"
        "Harassment\t12\t14\n"
        "Take/ Make/Distribute Indecent Photographs\t31\t20\n"
        "Or Pseudo Photographs Of Children.\n"
        "Stalking Involving Serious Alarm\t5\t6\n"
        "Total\t48\t40\n"
        "Note: figures for 2023 are provisional.\n").tables[0]
    assert [r.label for r in table.rows] == [
        ("Harassment",), ("Take/ Make/Distribute Indecent Photographs Or Pseudo Photographs Of Children.",),
        ("Stalking Involving Serious Alarm",), ("Total",)]
    assert table.totals_consistent is True
    pivot = parse_text(
        "OUTCOME/OFFENCE\t2017\t2018\tGrand Total\n"
        "UNSOLVED\t\t\t\n"
        "Possessing Prohibited Images Of Children\t1\t\t1\n"
        "Take/ Make/Distribute Indecent Photographs\t31\t20\t51\n"
        "UNSOLVED Total\t32\t20\t52\n"
        "COMMUNITY RESOLUTION\t\t\t\n"
        "Take/ Make/Distribute Indecent Photographs\t4\t6\t10\n"
        "COMMUNITY RESOLUTION Total\t4\t6\t10\n"
        "Grand Total\t36\t26\t62\n").tables[0]
    assert [(r.label, r.total) for r in pivot.rows if r.total] == [
        (("UNSOLVED", "UNSOLVED Total"), True), (("COMMUNITY RESOLUTION", "COMMUNITY RESOLUTION Total"), True),
        (("Grand Total",), True)]
    assert (pivot.totals_consistent, pivot.warnings) == (True, ())


NESTED = ("OUTCOME/OFFENCE/OFFENDER AGE\t2017\t2018\tGrand Total\n"
          "UNSOLVED\t33\t20\t53\n"
          "Possessing Prohibited Images Of Children\t1\t\t1\n"
          "13\t1\t\t1\n"
          "Take/ Make/Distribute Indecent Photographs\t32\t20\t52\n"
          "Under 10's\t5\t\t5\n"
          "11\t3\t2\t5\n"
          "12\t13\t7\t20\n"
          "13\t11\t11\t22\n"
          "Grand Total\t{}\t20\t{}\n")


def test_a_nested_table_whose_grand_total_is_wrong_keeps_its_nesting():
    table = parse_text(NESTED.format(34, 54)).tables[0]
    assert table.rows[5].label == ("UNSOLVED", "Take/ Make/Distribute Indecent Photographs", "11")
    assert table.totals_consistent is False
    assert table.warnings == ("row 'Grand Total', column '2017': stated 34, sum 33",
                              "row 'Grand Total', column 'Grand Total': stated 54, sum 53")
    assert parse_text(NESTED.format(33, 53)).tables[0].totals_consistent is True


def test_one_column_nests_under_a_grand_total_with_two_groups():
    table = parse_text("OUTCOME/OFFENCE\t2019\nUNSOLVED\t33\nHarassment\t20\nStalking\t13\n"
                       "COMMUNITY RESOLUTION\t4\nHarassment\t4\nGrand Total\t37\n").tables[0]
    assert [r.label for r in table.rows] == [("UNSOLVED",), ("UNSOLVED", "Harassment"), ("UNSOLVED", "Stalking"),
                                             ("COMMUNITY RESOLUTION",), ("COMMUNITY RESOLUTION", "Harassment"),
                                             ("Grand Total",)]
    assert table.totals_consistent is True
    flat = parse_text("Offence\t2019\nA\t10\nB\t4\nC\t6\nD\t2\nTotal\t12\n").tables[0]  # one parent: a coincidence
    assert all(len(r.label) == 1 for r in flat.rows) and flat.totals_consistent is False


@pytest.mark.parametrize("sentence, relied", [
    ("We have considered whether section 12 applies and are satisfied that your request can be answered within the "
     "appropriate limit of 18 hours.", ()),
    ("We have considered whether Section 40(2) applies and concluded that the information can be released.", ()),
    ("We considered Section 31(1)(a) but decided disclosure would not prejudice law enforcement.", ()),
    ("We have considered whether section 31(1)(a) applies and concluded that it does.", ("s31(1)(a)",)),
    ("We considered section 12, but it does not apply; the names are exempt under section 40(2).", ("s40(2)",)),
])
def test_a_provision_considered_and_found_against_is_not_relied_on(sentence, relied):
    assert parse_text(sentence).facts.exemptions == relied


def test_a_totals_column_printed_first_is_checked():
    table = parse_text("Offence\tTotal\t2019\t2020\nHarassment\t30\t10\t20\nStalking\t9\t4\t4\nTotal\t39\t14\t24\n").tables[0]
    assert table.warnings == ("row 'Stalking', column 'Total': stated 9, sum 8",
                              "row 'Total', column 'Total': stated 39, sum 38")


@pytest.mark.parametrize("text", [
    "Information Rights\nTelephone     01245 452 110\nExtension     52110\nFax           01245 452 259\n",
    "Contents                                   Page\n1. Introduction                              3\n"
    "2. Recognising stalking                      5\n3. Risk assessment                           9\n",
    "CONTENTS\n\n1. Your request ......... 1\n2. Our response ......... 2\n3. Exemptions ......... 3\n",
])
def test_a_signature_block_or_a_table_of_contents_is_not_a_table(text):
    assert parse_text(text).tables == ()


def test_a_count_of_contacts_by_telephone_is_still_a_table():
    table = parse_text("Contact channel     2023\nTelephone        12,345\nEmail             2,345\n").tables[0]
    assert cells(table) == [["Telephone", 12345], ["Email", 2345]]


def test_a_nested_table_with_a_wrong_subtotal_is_nested_by_its_labels_and_names_it():
    table = parse_text(
        "OUTCOME/OFFENCE/OFFENDER AGE\t2017\t2018\tGrand Total\n"
        "UNSOLVED\t33\t20\t53\n"
        "Possessing Prohibited Images Of Children\t1\t\t1\n"
        "13\t1\t\t1\n"
        "Take/ Make/Distribute Indecent Photographs\t32\t20\t52\n"
        "Under 10's\t5\t\t5\n"
        "11\t2\t2\t4\n"
        "12\t13\t7\t20\n"
        "13\t11\t11\t22\n"
        "Grand Total\t33\t20\t53\n").tables[0]
    assert table.rows[4].label == ("UNSOLVED", "Take/ Make/Distribute Indecent Photographs", "Under 10's")
    assert table.warnings == (
        "row 'UNSOLVED > Take/ Make/Distribute Indecent Photographs', column '2017': stated 32, "
        "sum of the rows under it 31",
        "row 'UNSOLVED > Take/ Make/Distribute Indecent Photographs', column 'Grand Total': stated 52, "
        "sum of the rows under it 51")


# -- from a review of the day's changes: each of these was read right before them ------------------
def test_a_long_one_column_list_with_a_wrong_total_is_read_flat_and_fast():
    rows = "".join(f"Station {i}\t{i % 9 + 1}\n" for i in range(1000))
    total = sum(i % 9 + 1 for i in range(1000)) - 1
    table = parse_text(f"Station\tIncidents\n{rows}Total\t{total}\n").tables[0]
    assert len(table.rows) == 1001 and table.totals_consistent is False


def test_an_inline_quote_of_the_request_is_not_the_end_of_the_reply():
    facts = parse_text("Dear Ms Smith\n\nOn 27 September 2019 you wrote:\n\n\"Please tell me...\"\n\n"
                       "We hold this information but it is withheld under section 40(2) of the Act.\n").facts
    assert facts.exemptions == ("s40(2)",)


def test_a_thread_quoted_in_the_body_does_not_hide_the_attachments(tmp_path):
    from email.message import EmailMessage

    from requests_app.parsing import parse_path

    message = EmailMessage()
    message["From"], message["To"], message["Date"] = "foi@police.uk", "a@b.com", "Fri, 18 Oct 2019 10:00:00 +0100"
    message["Subject"] = "RE: FOI request 24-0123"
    message.set_content("Please find attached our response.\n\n-----Original Message-----\nFrom: Jane Smith\n"
                        "Sent: 27 September 2019\nI don't think section 38 applies.\n")
    message.add_attachment(b"Some information is withheld under section 40(2) of the Act.\n\nThe force neither "
                           b"confirms nor denies holding information about informants.\n",
                           maintype="text", subtype="plain", filename="response.txt")
    path = tmp_path / "reply.eml"
    path.write_bytes(bytes(message))
    facts = parse_path(str(path)).facts
    assert (facts.exemptions, facts.neither_confirm_nor_deny) == (("s40(2)",), True)


def test_an_outlook_forward_is_kept():
    facts = parse_text("FYI, see the force's answer below.\n\nFrom: FOI Unit\nSent: 12 March 2024\n"
                       "Subject: FW: Your request\n\nThe names are withheld under section 40(2).\n").facts
    assert facts.exemptions == ("s40(2)",)


@pytest.mark.parametrize("sentence, relied", [
    ("We have considered section 40(2) and are satisfied that it applies, as disclosure would not be fair to the "
     "officers.", ("s40(2)",)),
    ("Having considered the exemption at section 31(1)(a), we have decided that disclosure would not be in the "
     "public interest, so the information is withheld.", ("s31(1)(a)",)),
])
def test_a_finding_that_argues_for_withholding_keeps_the_exemption(sentence, relied):
    assert parse_text(sentence).facts.exemptions == relied


def test_a_note_under_a_table_keeps_its_exemption_and_group_headings_stay_groups():
    reply = parse_text("Offence      2022   2023\nBurglary      412    398\nRobbery        31     40\n"
                       "For data protection reasons, figures under 5 are withheld under section 40(2).\n")
    assert reply.facts.exemptions == ("s40(2)",) and [r.label for r in reply.tables[0].rows] == [
        ("Burglary",), ("Robbery",)]
    table = parse_text("Age group\t2022\t2023\nUnder 18\t\t\nMale\t3\t4\nFemale\t5\t6\nOver 18\t\t\nMale\t7\t8\n"
                       "Female\t9\t10\n").tables[0]
    assert [r.label for r in table.rows] == [("Under 18", "Male"), ("Under 18", "Female"), ("Over 18", "Male"),
                                             ("Over 18", "Female")]


def test_one_column_does_not_nest_by_chance():
    table = parse_text("Offence\tNumber of people\nAssault\t3\nBurglary\t1\nCriminal damage\t2\nDrugs\t5\nFraud\t4\n"
                       "Theft\t1\nTotal\t8\n").tables[0]
    assert all(len(r.label) == 1 for r in table.rows)
    assert table.warnings == ("row 'Total', column 'Number of people': stated 8, sum 16",)


def test_a_centred_caption_is_the_title_not_a_heading():
    table = parse_text("                 Recorded Burglaries\nOffence          2022      2023\n"
                       "Burglary          412       398\nRobbery            31        40\n").tables[0]
    assert (table.title, table.columns) == ("Recorded Burglaries", ("2022", "2023"))


def test_labels_ending_in_a_colon_and_a_percentage_of_the_total():
    table = parse_text("Number of officers:     1,204\nNumber of PCSOs:          97\nNumber of staff:         856\n").tables[0]
    assert cells(table) == [["Number of officers:", 1204], ["Number of PCSOs:", 97], ["Number of staff:", 856]]
    shares = parse_text("Rank\t2022\t2023\nConstable\t900\t950\nSergeant\t200\t210\nTotal\t1100\t1160\n"
                        "Percentage of total\t100%\t100%\n").tables[0]
    assert [r.total for r in shares.rows] == [False, False, True, False] and shares.totals_consistent is True


def test_groups_of_three_rows_with_their_outcome_printed_once():
    table = parse_text("Outcome    Offence     2022   2023\nCharged    Burglary      12     14\n"
                       "           Robbery        3      4\n           Theft          5      6\n"
                       "Cautioned  Burglary       2      1\n           Robbery        1      0\n"
                       "           Theft          4      2\n").tables[0]
    assert [r.label for r in table.rows][:3] == [("Charged", "Burglary"), ("Charged", "Robbery"), ("Charged", "Theft")]
    assert table.warnings == ()


def test_brackets_are_negative_for_a_percentage_too():
    from requests_app.parsing.values import parse_value

    assert (parse_value("(12.5%)"), parse_value("(1,234)"), parse_value("112 (36%)")) == (-12.5, -1234, "112 (36%)")


# -- from a fifth probe: force templates, two-level headers, averages ------------------------------
def test_two_level_headers_name_each_column_of_a_group_and_each_group_total_is_checked():
    table = parse_text(
        "              ------- 2022 -------     ------- 2023 -------\n"
        "Age group     Male  Female  Total      Male  Female  Total\n"
        "Under 25       100      40    140       120      41    161\n"
        "25 and over    300      90    390       310     101    412\n").tables[0]
    assert table.columns == ("2022 Male", "2022 Female", "2022 Total", "2023 Male", "2023 Female", "2023 Total")
    assert table.warnings == ("row '25 and over', column '2023 Total': stated 412, sum 411",)
    shares = parse_text("Outcome                2022           2023\n                   No.      %     No.      %\n"
                        "Charged              12     40%      14    45%\nNFA                  18     60%      17    55%\n"
                        ).tables[0]
    assert shares.columns == ("2022 No.", "2022 %", "2023 No.", "2023 %")


def test_a_caption_straight_under_a_table_heads_the_next():
    first, second = parse_text(
        "Area           2022    2023\nNorth           100     110\nSouth           157     150\nTotal           257     260\n"
        "Leeds District\nWard          2022    2023\nHyde Park      402     388\nArmley         266     270\n"
        "Total          668     658\n").tables
    assert (second.title, [r.label for r in second.rows][0], second.totals_consistent) == (
        "Leeds District", ("Hyde Park",), True)
    assert first.totals_consistent is True


def test_averages_rates_and_ranks_are_not_added_up():
    averages = parse_text("Average attendance time (minutes), Grade 1 calls\n\n"
                          "District        Q1      Q2      Q3      Q4     Total\n"
                          "North         11.2    10.8    12.1    11.5     11.4\n"
                          "East          13.0    12.8    13.1    13.0     13.0\n").tables[0]
    assert (averages.totals_consistent, averages.warnings) == (None, ())
    ranked = parse_text("District    Rank    2022    2023    Total\nNorth          1     210     184      394\n"
                        "South          2     100     100      200\n").tables[0]
    assert (ranked.totals_consistent, ranked.warnings) == (True, ())
    shares = parse_text("District    2022    2023    Total\nNorth      12.5%   10.0%   11.2%\nSouth      10.0%   "
                        "12.0%   11.0%\n").tables[0]
    assert (shares.totals_consistent, shares.warnings) == (None, ())


def test_date_responded_is_the_letter_date():
    assert str(parse_text("Date Responded: 03/06/2024\n\nDear Requester\n").facts.letter_date) == "2024-06-03"


@pytest.mark.parametrize("line, number", [("Q2 part (a)", "2a"), ("Q3 b)", "3b"), ("Question 3 part b", "3b"),
                                          ("3 (c)", "3c"), ("Question 5.1", "5.1"), ("1.5 million", None)])
def test_question_parts_in_the_forms_forces_print_them(line, number):
    from requests_app.questions import question_number

    assert question_number(line) == number


def test_a_part_letter_under_a_question_heading_names_the_part():
    reply = parse_text("Question 2\n\na)\n\nArea   2022\nNorth     5\nSouth     6\n\nb) the number abandoned\n\n"
                       "Area   2022\nNorth     1\nSouth     2\n\nQuestion 3\n\nArea   2022\nNorth     7\nSouth     8\n")
    # (a part's heading is the question's, not a caption: no title, as for "Question 2: ..." itself)
    assert [(t.question, t.title) for t in reply.tables] == [("2a", None), ("2b", None), ("3", None)]


@pytest.mark.parametrize("text, relied", [
    # the Act's words quoted, and the information then given: described, not relied on
    ('Section 12(1) of the Act provides: "Section 1(1) does not oblige a public authority to comply with a request '
     'for information if the authority estimates that the cost of complying would exceed the appropriate limit."\n\n'
     "We have provided the information requested below.\n", ()),
    ("Section 40(2) states that personal information is exempt.\n\nThe information is attached.\n", ()),
    # the quotation over, the letter goes on to rely on it, in its own words or by naming the section again
    ("Section 12 of the Freedom of Information Act 2000 provides:\n\n\u201cSection 1(1) does not oblige a public "
     "authority to comply with a request for information if the cost of complying would exceed the appropriate "
     "limit.\u201d\n\nTo locate the information we would have to read 4,000 files. This would far exceed the 18 "
     "hour limit.\n", ("s12",)),
    ("Section 12(1) of the Act provides that an authority need not comply where the cost exceeds the appropriate "
     "limit. We estimate that it would, so section 12 applies to your request.\n", ("s12(1)",)),
    ("Section 40(2) of the Act states that personal information is exempt. Names of officers have been redacted.\n",
     ("s40(2)",)),
    # another section relied on next: that one, not the one described
    ("Section 30(1)(a) provides an exemption for investigations. Section 40(2) has been applied to the names.\n",
     ("s40(2)",)),
])
def test_a_provision_the_letter_only_describes_is_relied_on_only_when_the_letter_goes_on_to_rely_on_it(text, relied):
    assert parse_text(text).facts.exemptions == relied


def test_a_year_or_age_column_beside_the_labels_is_part_of_the_label():
    by_year = parse_text("Offence\tYear\tCount\nBurglary\t2022\t5\n\t2023\t6\nRobbery\t2022\t7\n\t2023\t8\n"
                         "Total\t\t26\n").tables[0]
    assert (by_year.row_header, by_year.columns) == ("Offence / Year", ("Count",))
    assert [(r.label, r.values) for r in by_year.rows] == [
        (("Burglary", "2022"), (5,)), (("Burglary", "2023"), (6,)), (("Robbery", "2022"), (7,)),
        (("Robbery", "2023"), (8,)), (("Total",), (26,))]
    assert by_year.totals_consistent is True
    by_age = parse_text("Outcome    Age    Number\nCharge     13     4\n           14     5\nCaution    13     2\n"
                        "           14     1\nTotal             13\n").tables[0]
    assert [r.label for r in by_age.rows] == [("Charge", "13"), ("Charge", "14"), ("Caution", "13"),
                                              ("Caution", "14"), ("Total",)]
    assert by_age.warnings == ("row 'Total', column 'Number': stated 13, sum 12",)
    # a year heading over the figures is a column, as before
    plain = parse_text("Offence\t2022\t2023\nBurglary\t5\t6\nRobbery\t7\t8\n").tables[0]
    assert plain.columns == ("2022", "2023") and plain.rows[0].label == ("Burglary",)


def test_an_html_label_spanning_rows_labels_each_of_them(tmp_path):
    from requests_app.parsing import parse_bytes

    html = (b"<html><body><p>Question 1</p><table><tr><th>Offence</th><th>Year</th><th>Count</th></tr>"
            b"<tr><td rowspan=2>Burglary</td><td>2022</td><td>5</td></tr><tr><td>2023</td><td>6</td></tr>"
            b"<tr><td rowspan=2>Robbery</td><td>2022</td><td>7</td></tr><tr><td>2023</td><td>8</td></tr>"
            b"</table></body></html>")
    (table,) = parse_bytes(html, "reply.html").tables
    assert [r.label for r in table.rows] == [("Burglary", "2022"), ("Burglary", "2023"), ("Robbery", "2022"),
                                             ("Robbery", "2023")]
    assert [r.values for r in table.rows] == [(5,), (6,), (7,), (8,)] and table.question == "1"


def test_a_row_with_blank_figures_among_plain_rows_is_a_row_not_a_group_heading(tmp_path):
    from openpyxl import Workbook

    from requests_app.parsing import parse_bytes

    table = parse_text("Station\tIncidents\nBlackburn\t12\nBurnley\t\nPreston\t9\nChorley\t4\nTotal\t25\n").tables[0]
    assert [(r.label, r.values) for r in table.rows] == [
        (("Blackburn",), (12,)), (("Burnley",), (None,)), (("Preston",), (9,)), (("Chorley",), (4,)), (("Total",), (25,))]
    assert (table.totals_consistent, table.warnings) == (True, ())
    before_total = parse_text("Year\tArrests\n2022\t1,234\n2023\t\nTotal\t1,234\n").tables[0]
    assert [r.label for r in before_total.rows] == [("2022",), ("2023",), ("Total",)]
    book = Workbook()
    for row in [["Month", "Taser discharges"], ["January", 5], ["February", None], ["March", 3], ["Total", 8]]:
        book.active.append(row)
    book.save(tmp_path / "m.xlsx")
    (sheet,) = parse_bytes((tmp_path / "m.xlsx").read_bytes(), "m.xlsx").tables
    assert [r.label for r in sheet.rows] == [("January",), ("February",), ("March",), ("Total",)]
    assert sheet.totals_consistent is True
    # a heading that opens the table, or follows a total, still heads the rows under it
    grouped = parse_text("Area\t2022\nNORTH\nLeeds\t5\nBradford\t6\nTotal\t11\nSOUTH\nBath\t1\nBristol\t2\n"
                         "Total\t3\n").tables[0]
    assert [r.label for r in grouped.rows][:3] == [("NORTH", "Leeds"), ("NORTH", "Bradford"), ("Total",)]
    assert [r.label for r in grouped.rows][3:5] == [("SOUTH", "Bath"), ("SOUTH", "Bristol")]


def test_justified_prose_with_stretched_spaces_is_prose_not_a_table():
    reply = parse_text("Thank   you  for  your  request  which  was  received  by  Sussex   Police  on  14  February\n"
                       "2024.   After  careful  consideration  Sussex    Police  can  neither  confirm   nor  deny   that  it\n"
                       "holds information, by virtue of sections 23(5) and 24(2) of the Act.\n\n"
                       "Area      2022    2023\nNorth       12      14\nSouth        3       5\n")
    assert str(reply.facts.request_received_date) == "2024-02-14"
    assert reply.facts.exemptions == ("s23(5)", "s24(2)") and reply.facts.neither_confirm_nor_deny
    assert len(reply.tables) == 1 and reply.tables[0].columns == ("2022", "2023")


def test_a_justified_pdf_paragraph_keeps_its_facts():
    from fpdf import FPDF

    from requests_app.parsing import parse_bytes

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, "Our Ref: FOI 2024/500\nDate: 12 March 2024", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(5)
    pdf.multi_cell(150, 6, "Thank you for your request for information which was received by Sussex Police on 14 "
                   "February 2024. After careful consideration Sussex Police can neither confirm nor deny that it holds "
                   "any information relevant to your request, by virtue of sections 23(5), 24(2) and 31(3) of the "
                   "Freedom of Information Act 2000.", align="J")
    facts = parse_bytes(bytes(pdf.output()), "reply.pdf").facts
    assert (str(facts.request_received_date), facts.exemptions) == ("2024-02-14", ("s23(5)", "s24(2)", "s31(3)"))
    assert facts.neither_confirm_nor_deny and facts.reference == "FOI 2024/500"


def test_words_in_tables_without_figures_are_read_for_the_facts():
    import io

    import docx

    from requests_app.parsing import parse_bytes

    document = docx.Document()
    particulars = document.add_table(rows=3, cols=2)
    for i, (label, value) in enumerate([("FOI Reference", "FOI 001234/24"), ("Date of Response", "12 March 2024"),
                                        ("Date Received", "13 February 2024")]):
        particulars.cell(i, 0).text, particulars.cell(i, 1).text = label, value
    answers = document.add_table(rows=2, cols=2)
    answers.cell(0, 0).text, answers.cell(0, 1).text = "Request", "Response"
    answers.cell(1, 0).text = "Whether the force operates ANPR cameras on the M6"
    answers.cell(1, 1).text = "The force neither confirms nor denies that it holds this information by virtue of Section 23(5)."
    buffer = io.BytesIO()
    document.save(buffer)
    reply = parse_bytes(buffer.getvalue(), "reply.docx")
    facts = reply.facts
    assert (facts.reference, str(facts.letter_date), str(facts.request_received_date)) == (
        "FOI 001234/24", "2024-03-12", "2024-02-13")
    assert facts.exemptions == ("s23(5)",) and facts.neither_confirm_nor_deny and reply.tables == ()
    html = (b"<html><body><table><tr><td>Our Ref:</td><td>FOI/2023/0456</td></tr><tr><td>Date:</td><td>4 May 2023"
            b"</td></tr></table><p>Dear Requester</p><table><tr><th>Question</th><th>Answer</th></tr><tr><td>1. Names?"
            b"</td><td>Exempt under Section 40(2) of the Act.</td></tr></table></body></html>")
    facts = parse_bytes(html, "reply.html").facts
    assert (facts.reference, str(facts.letter_date), facts.exemptions) == ("FOI/2023/0456", "2023-05-04", ("s40(2)",))


@pytest.mark.parametrize("sentence", [
    "Cleveland Police does not confirm or deny whether it holds information relevant to your request.",
    "We cannot confirm or deny whether we hold this information.",
    "Police Scotland is unable to confirm or deny whether it holds the information.",
    "Northumbria Police will not confirm nor deny whether any information is held.",
    "The force is not in a position to confirm or deny whether information is held."])
def test_ncnd_worded_without_neither(sentence):
    assert parse_text(sentence).facts.neither_confirm_nor_deny


@pytest.mark.parametrize("heading, reference", [
    ("Freedom of Information Request 2023/0456", "2023/0456"),
    ("FREEDOM OF INFORMATION REQUEST – 000456/23", "000456/23"),
    ("FOI Request: 2023-00456", "2023-00456"),
    ("FOI Request 2023-0456 - Taser use", "2023-0456")])
def test_the_reference_in_the_letters_heading(heading, reference):
    facts = parse_text(f"Merseyside Police\n\n{heading}\n\nDear Requester\n\nThe figures are below.\n").facts
    assert facts.reference == reference
    # a labelled reference wins over the heading's number
    assert parse_text(f"{heading}\n\nOur Ref: MP/123/24\n").facts.reference == "MP/123/24"


@pytest.mark.parametrize("heading", ["Answer {}", "A{}.", "Response to Question {}", "Answer to Question {}",
                                     "Reply to question {}:", "Question No. {}",
                                     "In response to question {}, please see the table below."])
def test_answer_headings_name_the_question_after_the_request_restated(heading):
    text = ("1. How many officers were dismissed in 2022?\n2. How many resigned while under investigation?\n\n"
            f"{heading.format(1)}\n\nRank        Number\nConstable       12\nSergeant         3\n\n"
            f"{heading.format(2)}\n\nRank        Number\nConstable        7\nSergeant         1\n")
    assert [(t.question, t.title) for t in parse_text(text).tables] == [("1", None), ("2", None)]


@pytest.mark.parametrize("line", ["A1 road closures", "Answer", "Answers to your questions", "Answer 12.5 million",
                                  "Response to your request"])
def test_words_that_are_no_answer_heading(line):
    from requests_app.questions import question_number

    assert question_number(line) is None


@pytest.mark.parametrize("text", [
    "Outcome\tMale\tFemale\tTotal\nCharged\t30\t10\t40\nNFA\t70\t90\t160\nTotal\t100\t100\t200\n% charged\t30%\t10%\t20%\n",
    "Year\tWhite\tBlack\tAsian\tTotal\n2022\t4,512\t1,203\t876\t6,591\n2023\t5,001\t1,344\t901\t7,246\n"
    "Arrest rate\t12%\t15%\t11%\t12.6%\n",
    "Year\tNorth\tSouth\n2021\t10\t20\n2022\t20\t30\nAverage\t15\t25\nTotal\t30\t50\n",
    "Year\tNorth\tSouth\n2021\t10\t20\n2022\t20\t30\nAverage per year\t15\t25\nTotal\t30\t50\n"])
def test_rows_of_rates_shares_and_averages_are_not_added_up(text):
    table = parse_text(text).tables[0]
    assert (table.totals_consistent, table.warnings) == (True, ())


def test_an_offence_named_with_position_or_change_is_still_counted():
    table = parse_text("Offence\t2023\nAbuse of position of trust\t4\nClimate change protest\t3\nTotal\t9\n").tables[0]
    assert table.warnings == ("row 'Total', column '2023': stated 9, sum 7",)


@pytest.mark.parametrize("opener", [
    "On Mon, 12 Feb 2024 at 10:00, John Smith <request-123-abc@whatdotheyknow.com> wrote:\n\n",
    "From: John Smith <request-123-abc@whatdotheyknow.com>\nDate: Monday, 12 February 2024 at 10:00\n"
    "To: FOI <foi@lancashire.police.uk>\nSubject: Freedom of Information request - Taser\n\n"])
def test_the_message_quoted_after_the_sign_off_is_not_the_reply(opener):
    reply = "Dear Mr Smith\n\nOur ref: FOI 2024/0456\n\nThe figures are attached.\n\nYours sincerely\nFOI Unit\n\n"
    request = ("Dear Lancashire Constabulary,\n\nOther forces have withheld this data citing section 31(1)(a), and "
               "neither confirmed nor denied holding data on covert use.\n\nYours faithfully,\nJohn Smith\n")
    facts = parse_text(reply + opener + request).facts
    assert (facts.exemptions, facts.neither_confirm_nor_deny, facts.reference) == ((), False, "FOI 2024/0456")
    # before the sign-off, "On ... you wrote:" quotes the request the reply then answers
    answered = parse_text("Dear Mr Smith\n\nOn 12 February 2024 you wrote:\n\n\"Please tell me ...\"\n\n"
                          "The names are withheld under section 40(2).\n\nYours sincerely\nFOI Unit\n").facts
    assert answered.exemptions == ("s40(2)",)


def _docx_bytes(document) -> bytes:
    import io

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_first_page_header_header_tables_and_content_controls():
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Inches

    from requests_app.parsing import parse_bytes

    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "Our Ref: CC-FOI-2024-0457"
    section.first_page_header.add_paragraph("Date: 22 March 2024")
    section.header.paragraphs[0].text = "OFFICIAL"
    document.add_paragraph("Dear Requester")
    facts = parse_bytes(_docx_bytes(document), "r.docx").facts
    assert (facts.reference, str(facts.letter_date)) == ("CC-FOI-2024-0457", "2024-03-22")

    document = docx.Document()
    table = document.sections[0].header.add_table(rows=2, cols=2, width=Inches(6))
    table.cell(0, 0).text, table.cell(0, 1).text = "Cheshire Constabulary", "Our Ref: CC-FOI-2024-0456"
    table.cell(1, 0).text, table.cell(1, 1).text = "Information Compliance Unit", "Date: 21 March 2024"
    document.add_paragraph("Dear Requester")
    facts = parse_bytes(_docx_bytes(document), "r.docx").facts
    assert (facts.reference, str(facts.letter_date)) == ("CC-FOI-2024-0456", "2024-03-21")

    w = nsdecls("w")
    run = "<w:r><w:t>{}</w:t></w:r>".format
    document = docx.Document()
    document.element.body.insert(0, parse_xml(f"<w:sdt {w}><w:sdtPr/><w:sdtContent><w:p>{run('Our Ref: FOI-2024-0613')}"
                                              f"</w:p></w:sdtContent></w:sdt>"))
    date = document.add_paragraph("Date: ")
    date._p.append(parse_xml(f"<w:sdt {w}><w:sdtPr><w:date/></w:sdtPr><w:sdtContent>{run('13 March 2024')}"
                             f"</w:sdtContent></w:sdt>"))
    box = document.add_paragraph("")
    box._p.append(parse_xml(f'<w:r {w} xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox>'
                            f"<w:txbxContent><w:p>{run('Request received: 14 February 2024')}</w:p></w:txbxContent>"
                            f"</v:textbox></v:shape></w:pict></w:r>"))
    facts = parse_bytes(_docx_bytes(document), "r.docx").facts
    assert (facts.reference, str(facts.letter_date), str(facts.request_received_date)) == (
        "FOI-2024-0613", "2024-03-13", "2024-02-14")


def test_docx_numbered_list_questions_and_tab_stop_tables():
    import docx

    from requests_app.parsing import parse_bytes

    document = docx.Document()
    for question, column in [("How many hate crimes were recorded in 2023?", "Crimes"),
                             ("How many resulted in a charge?", "Charged")]:
        document.add_paragraph(question, style="List Number")  # Word shows "1." and "2.": not in the text
        table = document.add_table(rows=3, cols=2)
        for i, row in enumerate([("Strand", column), ("Race", "41"), ("Religion", "6")]):
            table.cell(i, 0).text, table.cell(i, 1).text = row
    document.add_paragraph("A bullet, not a number", style="List Bullet")
    reply = parse_bytes(_docx_bytes(document), "r.docx")
    assert [t.question for t in reply.tables] == ["1", "2"]
    assert "1. How many hate crimes" in reply.text and "\nA bullet, not a number" in reply.text

    document = docx.Document()
    for line in ["Outcome\tNumber of arrests\tNumber of charges", "Theft from a vehicle\t12\t3", "Criminal damage\t7\t",
                 "Total\t19\t3"]:
        document.add_paragraph(line)
    document.add_paragraph("Arrests and charges by year")
    document.add_paragraph("Year\tArrests\tCharges\n2022\t1,204\t402\n2023\t1,310\t433")  # soft line breaks
    first, second = parse_bytes(_docx_bytes(document), "r.docx").tables
    assert first.columns == ("Number of arrests", "Number of charges") and first.totals_consistent is True
    assert [r.label for r in first.rows] == [("Theft from a vehicle",), ("Criminal damage",), ("Total",)]
    assert second.columns == ("Arrests", "Charges") and [r.values for r in second.rows] == [(1204, 402), (1310, 433)]


def test_an_excel_pivot_tables_own_headings_are_not_column_names():
    table = parse_text("Count of Crime Ref\tColumn Labels\t\t\t\nRow Labels\t2021\t2022\t2023\tGrand Total\n"
                       "Assault\t12\t\t14\t26\nTheft\t3\t4\t5\t12\nGrand Total\t15\t4\t19\t38\n").tables[0]
    assert (table.row_header, table.columns) == ("Row Labels", ("2021", "2022", "2023", "Grand Total"))
    assert table.totals_consistent is True


@pytest.mark.parametrize("line, day", [("Date: 1 Apr 21", "2021-04-01"), ("Date: 12 Mar 24", "2024-03-12"),
                                       ("Date: 1st April 21", "2021-04-01")])
def test_a_month_name_with_a_two_digit_year(line, day):
    assert str(parse_text(f"Our ref: FOI 123/21\n{line}\n\nDear Sir\n").facts.letter_date) == day


def test_a_day_and_month_before_a_count_is_no_two_digit_year():
    facts = parse_text("Date: 3 May 2023\n\nOn 1 April 21 officers attended the event.\n").facts
    assert str(facts.letter_date) == "2023-05-03" and facts.warnings == ()


@pytest.mark.parametrize("sentence", ["The information is exempt under section 31(1)(a)-(c) of the Act.",
                                      "Sections 31(1)(a) to (c) apply to the tactics requested."])
def test_a_range_of_paragraphs_cites_each_of_them(sentence):
    assert parse_text(sentence).facts.exemptions == ("s31(1)(a)", "s31(1)(b)", "s31(1)(c)")


def test_a_sheet_per_question_names_the_question(tmp_path):
    from openpyxl import Workbook

    from requests_app.parsing import parse_bytes

    book = Workbook()
    book.active.title = "Q1"
    for name in ("Question 2", "Q3a", "Notes"):
        book.create_sheet(name)
    for sheet in book.worksheets:
        for row in [["Area", "2023"], ["North", 4], ["South", 5]]:
            sheet.append(row)
    book.save(tmp_path / "q.xlsx")
    tables = parse_bytes((tmp_path / "q.xlsx").read_bytes(), "q.xlsx").tables
    assert [t.question for t in tables] == ["1", "2", "3a", None]


def test_the_question_goes_on_from_block_to_block_in_docx_and_html():
    import docx

    from requests_app.parsing import parse_bytes

    def table(document, rows):
        grid = document.add_table(rows=len(rows), cols=2)
        for i, row in enumerate(rows):
            grid.cell(i, 0).text, grid.cell(i, 1).text = row

    document = docx.Document()
    document.add_heading("Question 1", level=2)
    document.add_paragraph("Stop and search by ethnicity")
    table(document, [("Ethnicity", "2023"), ("White", "1,310"), ("Black", "288")])
    document.add_paragraph("Stop and search by age")
    table(document, [("Age", "2023"), ("Under 18", "198"), ("18 and over", "1,400")])
    document.add_heading("Question 3", level=2)
    for i in range(9):
        document.add_paragraph(f"Explanatory paragraph {i + 1} about how the data were extracted.")
    table(document, [("Year", "Incidents"), ("2022", "400"), ("2023", "420")])
    assert [t.question for t in parse_bytes(_docx_bytes(document), "r.docx").tables] == ["1", "1", "3"]
    html = (b"<h2>Question 1</h2><p>By ethnicity</p><table><tr><th>Ethnicity</th><th>2022</th></tr><tr><td>White</td>"
            b"<td>5</td></tr><tr><td>Black</td><td>6</td></tr></table><p>By age</p><table><tr><th>Age</th><th>2022</th>"
            b"</tr><tr><td>Under 18</td><td>5</td></tr><tr><td>Adult</td><td>6</td></tr></table>")
    assert [t.question for t in parse_bytes(html, "r.html").tables] == ["1", "1"]


def test_a_question_in_a_box_or_in_the_tables_title_row():
    import docx

    from requests_app.parsing import parse_bytes

    document = docx.Document()
    for n, column in ((1, "Pursuits"), (2, "Collisions")):
        box = document.add_table(rows=1, cols=2)
        box.cell(0, 0).text, box.cell(0, 1).text = f"Question {n}", f"How many {column.lower()} were there in 2023?"
        data = document.add_table(rows=3, cols=2)
        for i, row in enumerate([("Month", column), ("January", "14"), ("February", "9")]):
            data.cell(i, 0).text, data.cell(i, 1).text = row
    assert [t.question for t in parse_bytes(_docx_bytes(document), "r.docx").tables] == ["1", "2"]

    document = docx.Document()
    data = document.add_table(rows=4, cols=2)
    title = data.cell(0, 0).merge(data.cell(0, 1))
    title.text = "Question 1: Number of arrests"
    for i, row in enumerate([("Year", "Number"), ("2022", "120"), ("2023", "131")], start=1):
        data.cell(i, 0).text, data.cell(i, 1).text = row
    (table,) = parse_bytes(_docx_bytes(document), "r.docx").tables
    assert (table.question, table.title) == ("1", "Question 1: Number of arrests")


def test_a_header_of_ranges_with_spaces_round_the_dash():
    years = parse_text("Offence               2019 - 20     2020 - 21     2021 - 22\n"
                       "Burglary                    412           398           377\n"
                       "Robbery                      87            91            80\n"
                       "Total                       499           489           457\n").tables[0]
    assert (years.row_header, years.columns, years.totals_consistent) == (
        "Offence", ("2019 - 20", "2020 - 21", "2021 - 22"), True)
    ages = parse_text("Age         10 - 17     18 - 24     25 - 34\nMale             41          39          37\n"
                      "Female            8           9           8\n").tables[0]
    assert ages.columns == ("10 - 17", "18 - 24", "25 - 34") and ages.rows[0].values == (41, 39, 37)


def test_a_dashed_list_of_years_keeps_its_total():
    table = parse_text("Q1. How many Taser discharges by year?\n\n2019 - 45\n2020 - 52\n2021 - 61\nTotal - 158\n").tables[0]
    assert [(r.label, r.values, r.total) for r in table.rows] == [
        (("2019",), (45,), False), (("2020",), (52,), False), (("2021",), (61,), False), (("Total",), (158,), True)]
    assert table.totals_consistent is True


@pytest.mark.parametrize("sentence, received", [
    ("On 14 February 2024 we received your request for information.", "2024-02-14"),
    ("On 14th February 2024, Surrey Police received your request.", "2024-02-14"),
    ("On 14 February 2024 we received a complaint from a member of the public.", "None")])
def test_a_receipt_stated_date_first(sentence, received):
    assert str(parse_text(f"Date: 12 March 2024\n\n{sentence}\n").facts.request_received_date) == received


def test_a_forwarded_reply_is_dated_by_the_reply():
    from email.message import EmailMessage

    from requests_app.parsing import parse_bytes

    text = ("FYI - the force's answer is below.\n\n---------- Forwarded message ---------\n"
            "From: Freedom of Information <foi@lancashire.police.uk>\nDate: Tue, 12 Mar 2024 at 09:30\n"
            "Subject: FOI 2024/0456 - Response\nTo: <me@example.com>\n\nDear Requester\n\n"
            "The names of officers are withheld under section 40(2) of the Act.\n")
    facts = parse_text(text).facts
    assert (str(facts.letter_date), facts.exemptions) == ("2024-03-12", ("s40(2)",))
    inner = EmailMessage()
    inner["From"], inner["To"], inner["Subject"] = "foi@surrey.police.uk", "me@example.com", "FOI Response 012345/2024"
    inner["Date"] = "Tue, 12 Mar 2024 09:30:00 +0000"
    inner.set_content("Dear Requester\n\nThe names are exempt under section 40(2).\n")
    outer = EmailMessage()
    outer["From"], outer["To"], outer["Subject"] = "me@example.com", "tracker@example.com", "Fwd: FOI Response 012345/2024"
    outer["Date"] = "Fri, 15 Mar 2024 09:30:00 +0000"
    outer.set_content("See attached.\n")
    outer.add_attachment(inner, filename="FOI Response.eml")
    facts = parse_bytes(bytes(outer), "fwd.eml").facts
    assert (str(facts.letter_date), facts.reference, facts.exemptions) == ("2024-03-12", "012345/2024", ("s40(2)",))


def test_a_single_stretched_line_of_a_justified_paragraph_stays_in_its_sentence():
    facts = parse_text("Sussex Police can neither\nconfirm nor deny that it holds any information relevant\n"
                       "to your request, by virtue of sections 23(5), 24(2) and\n"
                       "31(3)   of  the  Freedom     of   Information   Act   2000.\n").facts
    assert facts.exemptions == ("s23(5)", "s24(2)", "s31(3)") and facts.neither_confirm_nor_deny


def test_the_request_quoted_back_cites_nothing_for_the_reply():
    facts = parse_text('Our Ref: LC-2024-1234\nDate: 29 November 2024\n\nYou asked:\n\n"Other forces have refused similar '
                       "requests under section 31(1)(a). I do not accept that\nsection 43(2) applies, and I expect you "
                       'will neither confirm nor deny. How many handsets were issued?"\n\nResponse: 3,450 handsets were '
                       "issued. The information has been provided in full.\n").facts
    assert (facts.exemptions, facts.neither_confirm_nor_deny) == ((), False)
    assert parse_text('The term "personal data" is defined in the Act. Names are withheld under section 40(2).'
                      ).facts.exemptions == ("s40(2)",)


@pytest.mark.parametrize("sentence", [
    "In 2023, 8,412 people were arrested under section 24 PACE.",
    "There were 2,044 searches under S23 MDA and 3 stops under Section 43 TACT.",
    "Dispersal directions under Section 35 of the Anti-social Behaviour, Crime and Policing Act 2014: 12.",
    "Last year the force received 1,412 requests, of which 145 were refused under section 12.",
    "In previous years this information was withheld under section 31(1)(a); it is now published and provided below.",
    "Please note that we may apply Section 14(2) to any repeated request.",
    "The review found that section 40(2) was incorrectly applied and the information is now disclosed in full."])
def test_citations_that_are_not_the_replys_exemptions(sentence):
    assert parse_text(sentence).facts.exemptions == ()


@pytest.mark.parametrize("sentence, relied", [
    ("The force neither confirms nor denies by virtue of Sect. 24(2) and Sect. 31(3).", ("s24(2)", "s31(3)")),
    ("The cost would exceed the cost limit set out in Sect 12 of the Act.", ("s12",)),
    ("I have decided that section 31(1)(a) was not correctly applied, and the figures are provided below. I uphold "
     "the use of section 40(2) for figures of fewer than five.", ("s40(2)",))])
def test_sect_abbreviations_and_a_review_that_upholds_one_exemption(sentence, relied):
    assert parse_text(sentence).facts.exemptions == relied


@pytest.mark.parametrize("text, ncnd", [
    ("Whilst Gwent Police would normally neither confirm nor deny whether it holds information about specialist "
     "capabilities, on this occasion the force is able to confirm that it uses thermal drones.", False),
    ("In some circumstances the force may neither confirm nor deny whether information is held. This has not been "
     "necessary for your request.", False),
    ("A neither confirm nor deny response is sometimes necessary, but it is not required in this instance.", False),
    ("The force neither confirms nor denies that it holds information. Section 23(5) means the force is not "
     "required to confirm or deny.", True)])
def test_ncnd_explained_but_not_applied(text, ncnd):
    assert parse_text(text).facts.neither_confirm_nor_deny is ncnd


def test_a_response_due_date_is_no_letter_date_and_your_request_reference_is_ours():
    facts = parse_text("Our reference:      FOI/2024/0344\nDate received:      4 March 2024\n"
                       "Response due:       2 April 2024\nDate of response:   28 March 2024\n").facts
    assert (str(facts.letter_date), str(facts.request_received_date)) == ("2024-03-28", "2024-03-04")
    assert parse_text("Your request reference: 2024/0456\n\nDear Sir\n").facts.reference == "2024/0456"
    assert parse_text("Your ref: JS/1\n\nDear Sir\n").facts.reference is None


@pytest.mark.parametrize("text, relied", [
    ("Essex Police has applied the following exemptions: 31(1)(a), 31(1)(b), 38(1)(a).",
     ("s31(1)(a)", "s31(1)(b)", "s38(1)(a)")),
    ("Exemptions applied: 40(2), 31(1)(a)", ("s40(2)", "s31(1)(a)")),
    ("Exemptions Applied\n31(1)(a) Law Enforcement\n40(2) Personal Information\n\nThe figures are below.",
     ("s31(1)(a)", "s40(2)")),
    ("No exemptions have been applied: the figures for 2022 (1) and 2023 (2) are below.", ())])
def test_exemptions_listed_without_the_word_section(text, relied):
    assert parse_text(text).facts.exemptions == relied


def test_words_in_a_table_of_figures_that_withhold_or_cite_are_read_for_the_facts():
    facts = parse_text("Question\tResponse\n1. How many officers are firearms trained?\t212\n"
                       "2. Names of firearms trainers\tWithheld under section 40(2)\n"
                       "3. Whether covert drones are used\tNeither confirm nor deny - sections 23(5) and 24(2)\n").facts
    assert facts.exemptions == ("s40(2)", "s23(5)", "s24(2)") and facts.neither_confirm_nor_deny
    noted = parse_text("Rank      2022   2023\nConstable   12      9\nSergeant    <5     <5\n"
                       "<5 - figures suppressed under Section 40(2)\n")
    assert noted.facts.exemptions == ("s40(2)",) and len(noted.tables) == 1 and len(noted.tables[0].rows) == 2


@pytest.mark.parametrize("sentence, relied", [
    ("The information is exempt under sections 31(1)(a)-(c) and 40(2) of the Act.",
     ("s31(1)(a)", "s31(1)(b)", "s31(1)(c)", "s40(2)")),
    ("It is exempt under section 31(1)(a)-(c) and 38(1)(a)-(b).",
     ("s31(1)(a)", "s31(1)(b)", "s31(1)(c)", "s38(1)(a)", "s38(1)(b)"))])
def test_a_list_goes_on_after_a_range_of_paragraphs(sentence, relied):
    assert parse_text(sentence).facts.exemptions == relied


def test_dates_listed_in_the_answer_are_not_the_letter_date_signed_below():
    text = ("Reference Number: 001234/24\n\nSection 60 authorisations were in place on the following dates:\n\n"
            "14/02/2024\n21/03/2024\n\nYours sincerely\nFOI Officer\nDate: 2 December 2024\n")
    assert str(parse_text(text).facts.letter_date) == "2024-12-02"
    assert str(parse_text("12 March 2024\n\nDear Sir\n\nThe figures are below.\n").facts.letter_date) == "2024-03-12"


def test_a_wrong_total_of_money_or_fte_is_found_and_rounding_is_not_a_mismatch():
    money = parse_text("Cost type                 2022/23\nOvertime               £6,000.00\nEquipment              £3,960.00\n"
                       "Total                 £10,000.00\n").tables[0]
    assert money.warnings == ("row 'Total', column '2022/23': stated 10000, sum 9960",)
    rounded = parse_text("Rank\tFTE\n" + "".join(f"Post {k}\t10.3\n" for k in range(20)) + "Total\t206.7\n").tables[0]
    assert rounded.totals_consistent is True  # 20 x 10.3 = 206.0: the parts were rounded


def test_word_markers_in_the_first_row_are_markers_not_headings():
    table = parse_text("Station\t2022\t2023\nAlpha\tNil\t3\nBravo\t4\tNil\nCharlie\t5\t6\nTotal\t9\t9\n").tables[0]
    assert (table.row_header, table.columns) == ("Station", ("2022", "2023"))
    assert [r.values for r in table.rows] == [("Nil", 3), (4, "Nil"), (5, 6), (9, 9)] and table.warnings == ()
    shares = parse_text("Ethnicity\tNumber\t%\nMixed\t3\t<1%\nWhite\t300\t99%\nTotal\t303\t100%\n").tables[0]
    assert shares.columns == ("Number", "%") and shares.rows[0].values == (3, "<1%")


@pytest.mark.parametrize("of_which", ["of which aggravated", "   of which: aggravated"])
def test_of_which_rows_are_part_of_the_row_above(of_which):
    table = parse_text(f"Offence  2022  2023\nResidential burglary  50  48\n{of_which}  5  4\n"
                       "Business burglary  20  22\nTotal  70  70\n").tables[0]
    assert (table.totals_consistent, table.warnings) == (True, ())


def test_small_lists_and_pipes_and_a_label_wrapped_round_its_figures():
    weeks = parse_text("Week 1 - 5\nWeek 2 - 7\nWeek 3 - 4\n").tables[0]
    assert [(r.label, r.values) for r in weeks.rows] == [(("Week 1",), (5,)), (("Week 2",), (7,)), (("Week 3",), (4,))]
    assert parse_text("Question 1 - 12\nQuestion 2 - 4\n").tables == ()
    pipes = parse_text("Answer | Count\nYes | 12\nNo | 3\nTotal | 15\n").tables[0]
    assert (pipes.row_header, pipes.columns, pipes.totals_consistent) == ("Answer", ("Count",), True)
    wrapped = parse_text("Outcome                              2022     2023\nCharge/summons                         12       14\n"
                         "Named suspect identified, too ill\n(physical or mental health) to                  2        3\n"
                         "prosecute\nTotal                                  14       17\n").tables[0]
    assert [r.label for r in wrapped.rows] == [
        ("Charge/summons",), ("Named suspect identified, too ill (physical or mental health) to prosecute",), ("Total",)]
    assert wrapped.totals_consistent is True


def test_two_tables_with_only_a_blank_line_between_and_page_breaks_in_pdftotext_text():
    first, second = parse_text("Gender        2022    2023\nMale           410     398\nFemale         120     131\n"
                               "Total          530     529\n\nAge band      2022    2023\nUnder 18        52      47\n"
                               "18 and over    478     482\nTotal          530     529\n").tables
    assert (first.row_header, second.row_header) == ("Gender", "Age band") and first.warnings == second.warnings == ()
    header = "Offence                2022     2023"
    for between in ["Continued overleaf\n\nPage 1 of 2\n\f", "Page 1 of 2\n\fTable 1 (continued)\n"]:
        (table,) = parse_text(f"Table 1: Offences\n\n{header}\nBurglary                 10       12\n"
                              f"Robbery                   4        5\n\n{between}\n{header}\n"
                              "Fraud                     3        4\nTotal                    17       21\n").tables
        assert [r.label[0] for r in table.rows] == ["Burglary", "Robbery", "Fraud", "Total"]
        assert table.totals_consistent is True


def test_group_headings_over_columns_then_one_overall_total():
    want = ("2022 Male", "2022 Female", "2023 Male", "2023 Female", "Total")
    assert parse_text("\t2022\t\t2023\t\t\nOffence\tMale\tFemale\tMale\tFemale\tTotal\n"
                      "Assault\t10\t5\t12\t6\t33\nRobbery\t4\t1\t3\t2\t10\n").tables[0].columns == want
    assert parse_text("                   2022               2023\n"
                      "Offence        Male   Female     Male   Female    Total\n"
                      "Assault          10        5       12        6       33\n").tables[0].columns == want


def test_a_flat_table_without_a_total_is_not_nested_by_chance():
    table = parse_text("Month\t2022\t2023\nJanuary\t10\t12\nFebruary\t6\t7\nMarch\t4\t5\nApril\t8\t9\n").tables[0]
    assert [r.label for r in table.rows] == [("January",), ("February",), ("March",), ("April",)]


@pytest.mark.parametrize("sentence", ["We received your email dated 25 September 2024 on 27 September 2024.",
                                      "We received your request, dated 25 September 2024, on 27 September 2024."])
def test_received_on_after_the_requests_own_date(sentence):
    assert str(parse_text(f"Date: 14 October 2024\n\n{sentence}\n").facts.request_received_date) == "2024-09-27"


def test_roman_numeral_parts_of_a_question():
    from requests_app.questions import question_number

    assert [question_number(s) for s in ("Q2(ii)", "Question 1(i)", "Q2 (iv) how many")] == ["2ii", "1i", "2iv"]


def test_particulars_as_labels_over_their_values():
    facts = parse_text("Essex Police\n\nOur Ref\t\tYour Ref\t\tDate\n1234/24\t\tJS/1\t\t12 March 2024\n\nDear Sir\n").facts
    assert (facts.reference, str(facts.letter_date)) == ("1234/24", "2024-03-12")
    facts = parse_text("FOI Reference | Date Received | Response Date\nFOI 1234/24 | 01/03/2024 | 28/03/2024\n\n"
                       "Dear Sir\n").facts
    assert (facts.reference, str(facts.letter_date), str(facts.request_received_date)) == (
        "FOI 1234/24", "2024-03-28", "2024-03-01")


def test_wide_tables_wrapped_at_76_characters():
    months = tuple("April May June July August September October November December January February March".split())
    tabbed = parse_text("Station\tApril\tMay\tJune\tJuly\tAugust\tSeptember\tOctober\n"
                        "November\tDecember\tJanuary\tFebruary\tMarch\tTotal\n"
                        "Bedford\t82\t91\t77\t85\t90\t73\t88\t95\t80\n79\t84\t86\t1010\n"
                        "Luton\t140\t138\t142\t137\t145\t139\t141\t136\t144\n140\t138\t143\t1683\n").tables[0]
    assert tabbed.columns == (*months, "Total") and tabbed.totals_consistent is True
    assert tabbed.rows[0].values == (82, 91, 77, 85, 90, 73, 88, 95, 80, 79, 84, 86, 1010)
    header_only = parse_text("Station  April  May  June  July  August  September  October  November\n"
                             "December  January  February  March  Total\n"
                             "Bedford  82  91  77  85  90  73  88  95  80  79  84  86  1010\n"
                             "Luton  140  138  142  137  145  139  141  136  144  140  138  143  1683\n").tables[0]
    assert (header_only.row_header, header_only.columns) == ("Station", (*months, "Total"))
    assert header_only.totals_consistent is True


def test_two_tables_side_by_side_in_text():
    gender, age = parse_text("Gender        2022    2023          Age band      2022    2023\n"
                             "Male           410     398          Under 18        52      47\n"
                             "Female         120     131          18 and over    478     482\n").tables
    assert (gender.row_header, gender.columns, [r.label for r in gender.rows]) == (
        "Gender", ("2022", "2023"), [("Male",), ("Female",)])
    assert (age.row_header, [r.values for r in age.rows]) == ("Age band", [(52, 47), (478, 482)])


def _html_table(rows: str) -> bytes:
    return f"<html><body><p>Question 1</p><table>{rows}</table></body></html>".encode()


def test_html_footnote_marks_spaced_thousands_and_a_footer_written_first():
    from requests_app.parsing import parse_bytes

    (table,) = parse_bytes(_html_table(
        "<tr><th>Offence</th><th>2022</th><th>2023</th></tr><tr><td>Burglary</td><td>5</td><td>6<sup>2</sup></td></tr>"
        "<tr><td>Robbery</td><td>1&nbsp;234</td><td>2</td></tr><tr><td>Total</td><td>1&nbsp;239</td><td>8</td></tr>"),
        "r.html").tables
    assert (table.row_header, table.columns) == ("Offence", ("2022", "2023"))
    assert [r.values for r in table.rows] == [(5, 6), (1234, 2), (1239, 8)] and table.totals_consistent is True
    (footed,) = parse_bytes(_html_table(
        "<thead><tr><th>Offence</th><th>2023</th></tr></thead><tfoot><tr><td>Total</td><td>3</td></tr></tfoot>"
        "<tbody><tr><td>Burglary</td><td>1</td></tr><tr><td>Robbery</td><td>2</td></tr></tbody>"), "r.html").tables
    assert [r.label[0] for r in footed.rows] == ["Burglary", "Robbery", "Total"]
    (timed,) = parse_bytes(_html_table(
        "<tr><th>Grade</th><th>Average attendance time</th><th>Incidents</th></tr>"
        "<tr><td>Immediate</td><td>00:12:34</td><td>1000</td></tr><tr><td>Priority</td><td>00:45:10</td><td>800</td></tr>"),
        "r.html").tables
    assert (timed.row_header, timed.columns) == ("Grade", ("Average attendance time", "Incidents"))


def test_an_eml_uses_its_html_table_over_the_plain_part_made_from_it():
    from email.message import EmailMessage

    from requests_app.parsing import parse_bytes

    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "foi@x.police.uk", "me@example.com", "FOI 2024/1"
    message.set_content("Question 1\n\nOffence 2022 2023\nBurglary 6\nRobbery 7 8\nCriminal damage 3\nTotal 10 14\n")
    message.add_alternative("<p>Question 1</p><table><tr><th>Offence</th><th>2022</th><th>2023</th></tr><tr><td>Burglary"
                            "</td><td></td><td>6</td></tr><tr><td>Robbery</td><td>7</td><td>8</td></tr><tr><td>Criminal "
                            "damage</td><td>3</td><td></td></tr><tr><td>Total</td><td>10</td><td>14</td></tr></table>",
                            subtype="html")
    (table,) = parse_bytes(bytes(message), "r.eml").tables
    assert [r.values for r in table.rows] == [(None, 6), (7, 8), (3, None), (10, 14)] and table.totals_consistent


def test_xlsx_short_dates_rounding_markings_and_sub_totals(tmp_path):
    from datetime import datetime

    from openpyxl import Workbook

    from requests_app.parsing import parse_bytes

    book = Workbook()
    sheet = book.active
    sheet.append(["OFFICIAL"])
    sheet.append([])
    sheet.append(["Date of incident", "Overtime cost", "Hours"])
    sheet.append([datetime(2023, 1, 31), 1234.56, 10.25])
    sheet.append([datetime(2023, 2, 28), 100.4, 1.05])
    for row in (4, 5):
        sheet.cell(row=row, column=1).number_format = "mm-dd-yy"
        sheet.cell(row=row, column=2).number_format = '"£"#,##0'
        sheet.cell(row=row, column=3).number_format = "0.0"
    book.save(tmp_path / "a.xlsx")
    (table,) = parse_bytes((tmp_path / "a.xlsx").read_bytes(), "a.xlsx").tables
    assert table.title is None
    assert [(r.label, r.values) for r in table.rows] == [(("31/01/2023",), (1235, 10.3)), (("28/02/2023",), (100, 1.1))]
    book = Workbook()
    for row in [["Division", "Station", "2022"], ["North", "Leeds", 5], [None, "Bradford", 7], [None, "Sub-total", 12],
                ["South", "Bath", 1], [None, "Bristol", 3], [None, "Subtotal", 4], ["Grand Total", None, 16]]:
        book.active.append(row)
    book.save(tmp_path / "b.xlsx")
    (grouped,) = parse_bytes((tmp_path / "b.xlsx").read_bytes(), "b.xlsx").tables
    assert [r.total for r in grouped.rows] == [False, False, True, False, False, True, True]
    assert (grouped.totals_consistent, grouped.warnings) == (True, ())


def test_xlsx_pivot_indents_stacked_tables_and_a_title_merged_over_an_offset_table(tmp_path):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    from requests_app.parsing import parse_bytes

    def parse(book) -> tuple:
        book.save(tmp_path / "x.xlsx")
        return parse_bytes((tmp_path / "x.xlsx").read_bytes(), "x.xlsx").tables

    book = Workbook()
    sheet = book.active
    for label, n, indent in [("Row Labels", "Count of Crime Ref", 0), ("Charged", 9, 0), ("Assault", 5, 1), ("Theft", 4, 1),
                             ("Cautioned", 3, 0), ("Assault", 1, 1), ("Theft", 2, 1), ("Grand Total", 12, 0)]:
        sheet.append([label, n])
        sheet.cell(row=sheet.max_row, column=1).alignment = Alignment(indent=indent)
    (pivot,) = parse(book)
    assert [r.label for r in pivot.rows] == [("Charged",), ("Charged", "Assault"), ("Charged", "Theft"), ("Cautioned",),
                                             ("Cautioned", "Assault"), ("Cautioned", "Theft"), ("Grand Total",)]
    assert (pivot.totals_consistent, pivot.warnings) == (True, ())

    book = Workbook()
    for row in [["Arrests by offence"], ["Offence", 2022, 2023], ["Burglary", 5, 6], ["Robbery", 7, 8], ["Total", 12, 14],
                ["Arrests by age"], ["Age group", 2022, 2023], ["Under 18", 2, 3], ["18+", 10, 11], ["Total", 12, 14]]:
        book.active.append(row)
    assert [(t.title, t.row_header, len(t.rows), t.warnings) for t in parse(book)] == [
        ("Arrests by offence", "Offence", 3, ()), ("Arrests by age", "Age group", 3, ())]

    book = Workbook()
    sheet = book.active
    sheet["A1"] = "Q1"
    sheet["B2"] = "Officers assaulted"
    sheet.merge_cells("B2:D2")
    for r, row in enumerate([["Year", "Assaults", "With injury"], [2022, 300, 100], [2023, 320, 110]], start=3):
        for c, value in enumerate(row, start=2):
            sheet.cell(row=r, column=c, value=value)
    (table,) = parse(book)
    assert (table.title, table.row_header, table.columns) == ("Officers assaulted", "Year", ("Assaults", "With injury"))


def test_a_footer_with_words_and_its_page_does_not_split_a_table():
    (table,) = parse_text("District            2022      2023     Total\nAshford               98       104       202\n"
                          "Dartford              75        81       156\n\nKent Police FOI 24/1045                         "
                          "Page 1 of 2\n\f\nDistrict            2022      2023     Total\n"
                          "Medway               210       198       408\nTotal                383       383       766\n").tables
    assert (len(table.rows), table.totals_consistent) == (4, True)


@pytest.mark.parametrize("sentence", [
    "We do not consider that section 40(2) applies to these figures.",
    "Although section 40(2) could apply, on this occasion we have released the figures.",
    "The exemptions at sections 23(5) and 24(2) have been considered but are not engaged."])
def test_provisions_considered_and_set_aside(sentence):
    facts = parse_text(sentence).facts
    assert (facts.exemptions, facts.neither_confirm_nor_deny) == ((), False)


def test_a_rate_in_the_caption_or_an_average_speed_row_does_not_stop_the_counts_being_checked():
    table = parse_text("Recorded crime and charge rate by district\n\nDistrict\tRecorded\tCharge rate\nNorth\t1,000\t12%\n"
                       "South\t2,000\t14%\nTotal\t3,050\t13%\n").tables[0]
    assert table.warnings == ("row 'Total', column 'Recorded': stated 3050, sum 3000",)
    cameras = parse_text("Camera type\t2022\t2023\tTotal\nFixed site\t100\t110\t210\nAverage speed\t30\t34\t64\n"
                         "Mobile van\t70\t69\t139\nTotal\t200\t213\t413\n").tables[0]
    assert (cameras.totals_consistent, cameras.warnings) == (True, ())


def test_a_reference_of_a_dates_shape_and_question_headings_in_words():
    from requests_app.questions import question_number

    facts = parse_text("Our Reference: 24/03/0471\nDate: 4th April 2024\n\nDear Applicant\n").facts
    assert (facts.reference, facts.warnings) == ("24/03/0471", ())
    assert parse_text("Date: 31-SEP-2019\n").facts.warnings == ("unreadable date '31-SEP-2019' ignored",)
    assert [question_number(s) for s in ("Question One", "QUESTION TWO:", "Request three", "Question oneself")] == [
        "1", "2", "3", None]


def test_a_note_written_across_a_document_table_is_read_for_the_facts():
    from requests_app.parsing import parse_bytes

    html = (b"<table><tr><th>Rank</th><th>2023</th></tr><tr><td>Constable</td><td>12</td></tr><tr><td>Sergeant</td>"
            b"<td>*</td></tr><tr><td colspan=2>Figures under 5 are withheld under Section 40(2) of the Act.</td></tr></table>")
    assert parse_bytes(html, "r.html").facts.exemptions == ("s40(2)",)


def test_a_single_spaced_header_of_years_and_total_is_the_header():
    table = parse_text("Question 1\n\nOffence 2021 2022 2023 Total\nBurglary 120 131 127 378\nRobbery 40 38 41 119\n"
                       "Vehicle crime 300 310 290 900\nTotal 460 479 458 1,397\n").tables[0]
    assert (table.title, table.row_header, table.columns) == (None, "Offence", ("2021", "2022", "2023", "Total"))
    assert (table.totals_consistent, table.warnings) == (True, ())
    assert [r.label for r in table.rows] == [("Burglary",), ("Robbery",), ("Vehicle crime",), ("Total",)]


def test_a_single_spaced_header_of_words_heads_its_columns_and_a_caption_stays_a_title():
    table = parse_text("Arrests by area\n\nPolice area Arrests Charges Cautions\nNorth East 120 45 3\nSouth 98 30 4\n"
                       "Total 218 75 7\n").tables[0]
    assert (table.title, table.row_header, table.columns) == ("Arrests by area", "Police area",
                                                              ("Arrests", "Charges", "Cautions"))
    assert cells(table) == [["North East", 120, 45, 3], ["South", 98, 30, 4], ["Total", 218, 75, 7]]
    assert table.totals_consistent is True
    captioned = parse_text("Hate Crime Offences\nRace 120 130\nReligion 20 25\nTotal 140 155\n").tables[0]
    assert (captioned.title, captioned.row_header) == ("Hate Crime Offences", None)  # no word in it names the labels
    assert cells(captioned)[0] == ["Race", 120, 130]


def test_a_table_one_cell_to_a_line_with_years_and_a_total_in_its_header():
    text = ("Table 1\nOffence\n2022\n2023\nTotal\nBurglary\n412\n398\n810\nRobbery\n50\n61\n111\nTheft\n1,200\n"
            "1,150\n2,350\n\nThe figures above are provisional.\n")
    table = parse_text(text).tables[0]
    assert (table.title, table.row_header, table.columns) == ("Table 1", "Offence", ("2022", "2023", "Total"))
    assert cells(table) == [["Burglary", 412, 398, 810], ["Robbery", 50, 61, 111], ["Theft", 1200, 1150, 2350]]
    assert (table.totals_consistent, table.warnings) == (True, ())
    wrong = parse_text(text.replace("\n810\n", "\n811\n")).tables[0]
    assert wrong.warnings == ("row 'Burglary', column 'Total': stated 811, sum 810",)


def _workbook(rows, date_format=None):
    import io

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if date_format:
        for line in sheet.iter_rows(min_row=2, min_col=2, max_col=2):
            for cell in line:
                cell.number_format = date_format
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_spacer_rows_inside_a_sheet_table_keep_its_header_and_its_total():
    from requests_app.parsing import parse_bytes

    wrong = parse_bytes(b"Area,2021,2022,Total\nNorth,10,12,22\nSouth,5,6,11\n\nTotal,15,18,99\n", "r.csv").tables
    assert len(wrong) == 1 and cells(wrong[0])[-1] == ["Total", 15, 18, 99] and wrong[0].rows[-1].total
    assert wrong[0].warnings == ("row 'Total', column 'Total': stated 99, sum 33",)  # once, not once each way
    spaced = parse_bytes(b"Table 1: Missing persons\nArea,2021,2022,Total\n\nNorth,10,12,22\nSouth,5,6,11\n"
                         b"Total,15,18,33\n", "r.csv").tables
    assert [(t.title, t.row_header, t.columns, len(t.rows), t.totals_consistent) for t in spaced] == [
        ("Table 1: Missing persons", "Area", ("2021", "2022", "Total"), 3, True)]
    sheet = parse_bytes(_workbook([["Crime type", "2021", "2022"], ["Burglary", 300, 280], ["Theft", 120, 110], [],
                               ["Robbery", 90, 95], ["Fraud", 12, 15], [], ["Total", 522, 500]]), "r.xlsx").tables
    assert len(sheet) == 1 and [r.label[0] for r in sheet[0].rows] == ["Burglary", "Theft", "Robbery", "Fraud", "Total"]
    assert sheet[0].totals_consistent is True


def test_tables_after_blank_rows_with_their_own_header_or_after_a_total_stay_apart():
    from requests_app.parsing import parse_bytes

    after_total = parse_bytes(b"Area,2021,2022\nNorth,10,12\nTotal,10,12\n\nPC,1,2\nSgt,3,4\n", "r.csv").tables
    assert [len(t.rows) for t in after_total] == [2, 2]
    headed = parse_bytes(b"Area,2021,2022\nNorth,10,12\nSouth,1,2\n\n2023 figures\nArea,2023\nNorth,5\n", "r.csv").tables
    assert [(t.title, t.columns) for t in headed] == [(None, ("2021", "2022")), ("2023 figures", ("2023",))]


def test_a_column_of_dates_beside_the_labels_is_a_value_column():
    from datetime import date

    from requests_app.parsing import parse_bytes

    table = parse_bytes(_workbook([["Policy", "Last reviewed", "Pages"], ["Stop and search", date(2021, 4, 1), 12],
                               ["Taser", date(2022, 11, 15), 30]], "dd/mm/yyyy"), "r.xlsx").tables[0]
    assert (table.row_header, table.columns) == ("Policy", ("Last reviewed", "Pages"))
    assert cells(table) == [["Stop and search", "01/04/2021", 12], ["Taser", "15/11/2022", 30]]
    keyed = parse_text("Force\tDate\tIncidents\nKent\t01/04/2021\t12\nKent\t02/04/2021\t9\n").tables[0]
    assert keyed.row_header == "Force / Date"  # headed "Date": a key, as "Year" is


# -- from the seventh round of probes (text and e-mail replies; attachments) ----------------------

def test_a_wrapped_label_set_in_on_its_second_line_is_not_a_child_row():
    table = parse_text("Tactic                         2022   2023\n"
                       "Handcuffing                     410    455\n"
                       "Unarmed skills (including\n"
                       "  strikes)                      220    260\n"
                       "Total                           630    715\n").tables[0]
    assert [r.label for r in table.rows] == [("Handcuffing",), ("Unarmed skills (including strikes)",), ("Total",)]
    assert (table.totals_consistent, table.warnings) == (True, ())


def _message(subject, body):
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"], message["Date"] = subject, "Tue, 16 Apr 2024 09:30:00 +0100"
    message["From"], message["To"] = "desk@example.com", "me@example.com"
    message.set_content(body)
    return bytes(message)


def test_a_reply_forwarded_inline_outlook_style_keeps_its_facts():
    from requests_app.parsing import parse_bytes

    reply = ("From: FOI <foi@westmercia.police.uk>\nSent: 15 April 2024 16:42\nTo: me@example.com\n"
             "Subject: Your request\n\nOur Ref: FOI/2024/00812\nYour request was received on 18 March 2024.\n"
             "The names are exempt under Section 40(2).\n")
    facts = parse_bytes(_message("FW: Your request", "Forwarding for the file.\n\n" + reply), "r.eml").facts
    assert (facts.reference, str(facts.letter_date), str(facts.request_received_date), facts.exemptions) == (
        "FOI/2024/00812", "2024-04-15", "2024-03-18", ("s40(2)",))
    pasted = parse_text("Subject: FW: Your request\n\nForwarding for the file.\n\n" + reply).facts
    assert (pasted.reference, pasted.exemptions) == ("FOI/2024/00812", ("s40(2)",))
    answered = parse_bytes(_message("RE: Your request", "Our Ref: FOI/2024/00900\nThank you. No information is "
                                    "held.\n\n" + reply.replace("Our Ref: FOI/2024/00812\n", "")), "r.eml").facts
    assert (answered.reference, answered.exemptions) == ("FOI/2024/00900", ())  # a reply's quoted thread stays out


@pytest.mark.parametrize("subject, reference", [
    ("Our Ref: 2024/FOI/0456", "2024/FOI/0456"),
    ("Freedom of Information Request - Our Ref: 2024/FOI/0456", "2024/FOI/0456"),
    ("Your request - Our Ref: 2024/FOI/0456", "2024/FOI/0456"),
    ("Request No. FOI/2024/00567", "FOI/2024/00567"),
    ("Your ref: JS/1", None),
    ("RE: your email of 3 May", None)])
def test_a_labelled_reference_in_the_subject(subject, reference):
    from requests_app.parsing import parse_bytes

    assert parse_bytes(_message(subject, "Please find our response below.\n"), "r.eml").facts.reference == reference


@pytest.mark.parametrize("text, exemptions, ncnd", [
    ("The original response relied on Section 23(5) and Section 24(2) to neither confirm nor deny whether information "
     "was held. Having reviewed the request, I do not uphold that decision. I can confirm that information is held "
     "and it is provided below.", (), False),
    ("The original response relied on sections 31(1)(a) and 40(2). I do not uphold the use of section 31(1)(a), and "
     "the figures are provided below.", ("s40(2)",), False),
    ("The original response relied on section 24(2) to neither confirm nor deny. I uphold that decision.",
     ("s24(2)",), True)])
def test_a_review_that_overturns_the_first_response(text, exemptions, ncnd):
    facts = parse_text("Our Ref: IR-2024-0001\nDate: 4 July 2024\n\n" + text + "\n").facts
    assert (facts.exemptions, facts.neither_confirm_nor_deny) == (exemptions, ncnd)


@pytest.mark.parametrize("text", [
    "The names are exempt under Section\n31(1)(a)  and  are  withheld.\n",
    "The names are exempt under Section\n31(1)(a)  (Law  Enforcement).\n",
    "The information is exempt under\nSection  31(1)(a)  of  the  Act.\n"])
def test_a_citation_broken_over_a_justified_line_is_read(text):
    assert parse_text(text).facts.exemptions == ("s31(1)(a)",)


def test_a_word_list_number_and_tab_before_a_caption_is_a_heading_not_a_row():
    table = parse_text("Response\n1.\tOfficers dismissed\nReason\t2021\t2022\tTotal\nGross misconduct\t7\t9\t16\n"
                       "Criminal conviction\t3\t4\t7\n").tables[0]
    assert (table.question, table.row_header, table.columns) == ("1", "Reason", ("2021", "2022", "Total"))
    listed = parse_text("1.\t412\n2.\t398\n").tables[0]  # figures after the numbers: a list of answers, still a table
    assert cells(listed) == [["1.", 412], ["2.", 398]]


@pytest.mark.parametrize("indent", ["    ", "\t"])
def test_rows_set_in_under_their_group_in_a_tab_separated_table(indent):
    table = parse_text(f"Offence\t2022\t2023\nViolence\t540\t610\n{indent}Assault with injury\t300\t340\n"
                       f"{indent}Assault without injury\t230\t270\nSexual offences\t95\t101\n{indent}Rape\t40\t45\n"
                       f"{indent}Other\t55\t56\nTotal\t635\t711\n").tables[0]
    assert table.columns == ("2022", "2023")
    assert [r.label for r in table.rows] == [
        ("Violence",), ("Violence", "Assault with injury"), ("Violence", "Assault without injury"),
        ("Sexual offences",), ("Sexual offences", "Rape"), ("Sexual offences", "Other"), ("Total",)]
    assert table.warnings == ("row 'Violence', column '2022': stated 540, sum of the rows under it 530",)
    cornered = parse_text("\t2022\t2023\nViolence\t540\t610\nTheft\t1\t2\nTotal\t541\t612\n").tables[0]
    assert (cornered.columns, cornered.totals_consistent) == (("2022", "2023"), True)  # a header's empty corner stays


def test_a_single_spaced_table_of_one_figure_a_row_under_a_header_of_words():
    reply = parse_text("Question 1\nMonth Calls\nJanuary 912\nFebruary 897\nMarch 930\n\nQuestion 2\n"
                       "Year Discharges\n2019 41\n2020 55\n2021 63\nQuestion 3\nMonth Calls answered in 10s\n"
                       "January 91%\nFebruary 89%\n")
    assert [(t.question, t.row_header, t.columns) for t in reply.tables] == [
        ("1", "Month", ("Calls",)), ("2", "Year", ("Discharges",)), ("3", "Month", ("Calls answered in 10s",))]
    assert [cells(t) for t in reply.tables] == [[["January", 912], ["February", 897], ["March", 930]],
                                                [["2019", 41], ["2020", 55], ["2021", 63]],
                                                [["January", 91], ["February", 89]]]
    assert parse_text("Our records show the following.\nIn total we found 12\nof which 5 were closed\n").tables == ()


def test_box_drawn_grid_and_bold_markdown_tables():
    box = parse_text("Question 1\n┌──────────────┬──────┬──────┐\n│ Offence      │ 2022 │ 2023 │\n"
                     "├──────────────┼──────┼──────┤\n│ Burglary     │  120 │  131 │\n│ Robbery      │   40 │   38 │\n"
                     "│ Total        │  160 │  169 │\n└──────────────┴──────┴──────┘\n").tables
    grid = parse_text("+--------------+------+------+\n| Offence      | 2022 | 2023 |\n+==============+======+======+\n"
                      "| Burglary     |  120 |  131 |\n| Robbery      |   40 |   38 |\n+--------------+------+------+\n"
                      "| Total        |  160 |  170 |\n+--------------+------+------+\n").tables
    bold = parse_text("| Offence | 2022 | 2023 |\n|:--------|-----:|-----:|\n| Burglary | 120 | 131 |\n| Robbery | 40 | 38 |\n"
                      "| **Total** | **160** | **169** |\n").tables
    for tables in (box, grid, bold):
        assert len(tables) == 1 and tables[0].columns == ("2022", "2023")
        assert cells(tables[0])[:2] == [["Burglary", 120, 131], ["Robbery", 40, 38]]
        assert tables[0].rows[-1].total and tables[0].rows[-1].values[0] == 160
    assert (box[0].question, box[0].totals_consistent, bold[0].totals_consistent) == ("1", True, True)
    assert grid[0].warnings == ("row 'Total', column '2023': stated 170, sum 169",)
    starred = parse_text("| Rank | Count |\n|---|---|\n| PC | ** |\n| Sgt | 4 |\n").tables[0]
    assert cells(starred) == [["PC", "**"], ["Sgt", 4]]  # a suppression mark is no bold


def test_a_header_straight_under_a_grand_total_starts_the_next_table():
    reply = parse_text("1: Stop and search\n\nReason\t2022\t2023\nDrugs\t100\t120\nWeapons\t30\t25\nTotal\t130\t145\n"
                       "Outcome\t2022\t2023\nArrest\t20\t25\nNo further action\t110\t120\nTotal\t130\t145\n"
                       "Ethnicity\tMale\tFemale\tTotal\nWhite\t50\t10\t60\nBlack\t20\t5\t25\n")
    assert [(t.row_header, t.columns, len(t.rows), t.totals_consistent) for t in reply.tables] == [
        ("Reason", ("2022", "2023"), 3, True), ("Outcome", ("2022", "2023"), 3, True),
        ("Ethnicity", ("Male", "Female", "Total"), 2, True)]
    spaced = parse_text("Area      2022   2023\nNorth       10     12\nSouth        5      6\nTotal       15     18\n"
                        "Rank      2022   2023\nPC           1      2\nSgt          3      4\n").tables
    assert [t.row_header for t in spaced] == ["Area", "Rank"]


def test_thousands_spaced_in_a_tab_or_pipe_cell_are_one_figure():
    tabbed = parse_text("1: Crimes\n\nOffence\t2022\t2023\nTheft\t1 234\t2 345\nBurglary\t1 000\t1 100\n"
                        "Total\t2 234\t3 445\n").tables[0]
    assert cells(tabbed) == [["Theft", 1234, 2345], ["Burglary", 1000, 1100], ["Total", 2234, 3445]]
    assert tabbed.totals_consistent is True
    piped = parse_text("| Offence | 2022 |\n|---|---|\n| Theft | 1 234 |\n| Total | 1 234 |\n").tables[0]
    assert cells(piped) == [["Theft", 1234], ["Total", 1234]]
    spaced = parse_text("Offence      2022  2023\nHarassment   149 133\nStalking      12 15\n").tables[0]
    assert cells(spaced) == [["Harassment", 149, 133], ["Stalking", 12, 15]]  # in running text: two figures


@pytest.mark.parametrize("text, columns, rows", [
    ("2: Does the force use the following?\n\nEquipment\tUsed\nBody worn video\tYes\nTaser\tYes\nSpit hoods\tNo\n",
     ("Used",), [["Body worn video", "Yes"], ["Taser", "Yes"], ["Spit hoods", "No"]]),
    ("2: Spit hoods\n\nForce\t2022\t2023\nBedfordshire\tYes\tNo\nHertfordshire\tNo\tNo\n",
     ("2022", "2023"), [["Bedfordshire", "Yes", "No"], ["Hertfordshire", "No", "No"]]),
    ("1: Average response time\n\nYear\tUrgent\tPriority\n2021\t00:12:34\t01:05:10\n2022\t00:13:10\t01:10:00\n",
     ("Urgent", "Priority"), [["2021", "00:12:34", "01:05:10"], ["2022", "00:13:10", "01:10:00"]]),
    ("1: Ratios\n\nArea\tRatio\nNorth\t1:4\nSouth\t1:3\n", ("Ratio",), [["North", "1:4"], ["South", "1:3"]]),
    ("1: Times\n\nYear\tAverage time\n2021\t12 mins\n2022\t13 mins\n", ("Average time",),
     [["2021", "12 mins"], ["2022", "13 mins"]]),
    ("2: Equipment\n\nEquipment\tIn use\tNumber issued\nBody worn video\tYes\t1,200\nTaser\tYes\t350\n",
     ("In use", "Number issued"), [["Body worn video", "Yes", 1200], ["Taser", "Yes", 350]]),
    ("Outcome   Yes   No\nArrest     12    5\nCaution     3    4\n", ("Yes", "No"), [["Arrest", 12, 5], ["Caution", 3, 4]])])
def test_tables_of_answers_times_and_ratios(text, columns, rows):
    (table,) = parse_text(text).tables
    assert (table.columns, cells(table)) == (columns, rows)


def test_all_years_totals_and_shares_that_do_not_make_100():
    row = parse_text("1: x\n\nFinancial year\tArrests\n2019/20\t10\n2020/21\t12\nAll years\t23\n").tables[0]
    assert (row.rows[-1].total, row.warnings) == (True, ("row 'All years', column 'Arrests': stated 23, sum 22",))
    column = parse_text("1: Crimes\n\nOffence\t2021\t2022\tAll years\nBurglary\t10\t12\t22\nRobbery\t5\t4\t10\n").tables[0]
    assert column.warnings == ("row 'Robbery', column 'All years': stated 10, sum 9",)
    assert parse_text("Offence\t2022\nBurglary\t5\nAll other offences\t7\n").tables[0].rows[-1].total is False
    shares = parse_text("Ethnicity\tNumber\t%\nWhite\t80\t80%\nBlack\t12\t12%\nAsian\t8\t8%\nTotal\t100\t90%\n").tables[0]
    assert shares.warnings == ("row 'Total', column '%': stated 90, sum 100",)
    across = parse_text("Year\tCharged\tNot charged\tTotal\n2022\t25%\t75%\t90%\n2023\t30%\t70%\t100%\n").tables[0]
    assert across.warnings == ("row '2022', column 'Total': stated 90, sum 100",)
    rounded = parse_text("Ethnicity\tNumber\t%\nWhite\t1\t33%\nBlack\t1\t33%\nAsian\t1\t33%\nTotal\t3\t100%\n").tables[0]
    rates = parse_text("Force\tStops\tArrests\t% arrested\nKent\t100\t10\t10%\nEssex\t200\t30\t15%\n"
                       "Total\t300\t40\t13%\n").tables[0]
    assert (rounded.totals_consistent, rounded.warnings, rates.totals_consistent, rates.warnings) == (True, (), True, ())


def test_headings_spanning_two_levels_of_groups():
    one = parse_text("1: Suspects\n\nOffence\t2022\t\t\t\n\tMale\t\tFemale\t\n\tAdult\tYouth\tAdult\tYouth\n"
                     "Burglary\t5\t2\t3\t1\nRobbery\t4\t6\t1\t0\n").tables[0]
    assert one.columns == ("2022 Male Adult", "2022 Male Youth", "2022 Female Adult", "2022 Female Youth")
    two = parse_text("Offence\t2022\t\t\t\t2023\t\t\t\n\tMale\t\tFemale\t\tMale\t\tFemale\t\n"
                     "\tAdult\tYouth\tAdult\tYouth\tAdult\tYouth\tAdult\tYouth\nBurglary\t5\t2\t3\t1\t1\t2\t3\t4\n").tables[0]
    assert two.columns[3:5] == ("2022 Female Youth", "2023 Male Adult") and two.columns[-1] == "2023 Female Youth"
    wrapped = parse_text("Offence\tNumber of\t\n\tarrests\tcharges\nBurglary\t5\t2\nRobbery\t1\t1\n").tables[0]
    assert wrapped.columns == ("Number of arrests", "charges")  # a heading wrapped over one column spans nothing


@pytest.mark.parametrize("text, letter, received", [
    ("Information Rights\nBedfordshire Police Headquarters,\nWoburn Road, Kempston,\nBedford, MK43 9AX\n\n"
     "18th October 2019\n\nOur Ref: FOI2019/06255\n\nI write in connection with your request for information "
     "received on 27th September.\n\nIncident 1\nDate: 14/02/2019\nLocation: Luton\n\nYours sincerely",
     "2019-10-18", "2019-09-27"),
    ("Ref No: 2024/0001\n\nThe figure you requested is 42.\n\nDated this 3rd day of May 2024", "2024-05-03", None),
    ("Cyf: NWP/FOI/24/2222\nDyddiad: 3 May 2024\n\nYour request was received on 5 April 2024.", "2024-05-03",
     "2024-04-05")])
def test_letter_dates_a_date_in_the_answer_dated_this_and_welsh(text, letter, received):
    facts = parse_text(text).facts
    assert (str(facts.letter_date), facts.request_received_date and str(facts.request_received_date)) == (letter, received)


@pytest.mark.parametrize("annex, exemptions, ncnd", [
    ("Annex A - Explanation of exemptions\nSection 30 - Investigations: information held for the purposes of an "
     "investigation is exempt.\nSection 12(1) - Cost of compliance: an authority is not obliged to comply.", (), False),
    ("Glossary\nNeither Confirm Nor Deny (NCND): in some circumstances an authority may neither confirm nor deny that "
     "it holds information.", (), False),
    ("Annex A - Exemptions applied\nSection 40(2) - Personal information: the names of officers are exempt and are "
     "withheld.", ("s40(2)",), False)])
def test_exemptions_explained_in_a_glossary_after_the_sign_off_are_not_relied_on(annex, exemptions, ncnd):
    facts = parse_text(f"Our Ref: 1/24\nDate: 24 May 2024\n\nThe figures are below.\n\nYours sincerely\n\n{annex}\n").facts
    assert (facts.exemptions, facts.neither_confirm_nor_deny) == (exemptions, ncnd)
    body = parse_text("Our Ref: 1/24\n\nThe names are exempt under section 21.\n\nYours sincerely\n\n" + annex).facts
    assert body.exemptions[:1] == ("s21",)


@pytest.mark.parametrize("text, questions", [
    ("Q2(a) How many suspects were charged?\n\nYear\tCharged\n2021\t61\n2022\t74\n\n(b) How many suspects were "
     "cautioned?\n\nYear\tCautioned\n2021\t3\n2022\t5\n", ["2a", "2b"]),
    ("Question 3: Collisions.\n\nSeverity\t2022\nFatal\t25\nSerious\t341\n\nNotes:\n1. Figures are provisional.\n\n"
     "District\t2022\nErewash\t201\nChesterfield\t399\n", ["3", "3"]),
    ("## Question 1\n\n| Age band | Arrests |\n|---|---|\n| 17-24 | 402 |\n| 25-39 | 611 |\n\n## Question 2\n\n"
     "| Age band | Failed |\n|---|---|\n| 17-24 | 355 |\n| 25-39 | 540 |\n", ["1", "2"]),
    ("> 1. How many reports of spiking were made in 2022?\n\nMethod\tReports\nDrink\t201\nNeedle\t44\n\n"
     "> 2. How many arrests were made for spiking?\n\nMethod\tArrests\nDrink\t12\nNeedle\t2\n", ["1", "2"]),
    ("Question 3: Do you use Clare's Law?\n\nYes.\n\nQuestions 4 and 5: Applications and disclosures.\n\n"
     "Scheme\tApplications\tDisclosures\nRight to ask\t412\t201\nRight to know\t355\t355\n", ["4"]),
    ("| Question | Answer |\n|---|---|\n| 1. Does the force use ANPR? | Yes |\n| 2. How many ANPR cameras does the "
     "force operate? | See the table below |\n\nCamera type\tNumber\nFixed\t112\nMobile\t38\n", ["2"]),
    ("2. Calls to the force\n\na. Number of 101 calls received\n\nYear\tCalls\n2021\t402,110\n2022\t388,201\n\n"
     "b. Number of 101 calls abandoned\n\nYear\tCalls\n2021\t61,002\n2022\t70,155\n", ["2a", "2b"]),
    ("1 - Number of arrests for affray\n\nYear\tArrests\n2021\t410\n2022\t452\n\n2 - Number of charges for affray\n\n"
     "Year\tCharges\n2021\t133\n2022\t141\n", ["1", "2"]),
    ("Question 2 (a) and (b) - Arrests and charges\n\nYear\tArrests\tCharges\n2021\t301\t122\n2022\t344\t140\n", ["2"]),
    ("You asked:\n2a) Outcomes of investigations.\n2b) Any related policy.\n\nResponse\n\n2a\n\nOutcome\t2022\t2023\n"
     "Charged\t20\t25\nNFA\t7\t3\n", ["2a"])])
def test_question_headings_in_more_styles(text, questions):
    tables = parse_text(text).tables
    assert [t.question for t in tables] == questions
    assert all(t.title is None for t in tables)  # a question's or a part's heading is no caption


def test_a_table_under_question_continued_with_new_years_is_a_table_of_its_own():
    reply = parse_text("Question 1 - Recorded offences by type\n\nOffence\t2022\nBurglary\t2,011\nRobbery\t201\n\n"
                       "Question 1 (continued)\n\nOffence\t2020\t2021\nVehicle crime\t3,102\t3,001\n"
                       "Shoplifting\t4,877\t4,500\n")
    assert [(t.question, t.columns, len(t.rows)) for t in reply.tables] == [("1", ("2022",), 2), ("1", ("2020", "2021"), 2)]


def test_a_letters_particulars_set_out_as_a_table_are_facts_not_a_table():
    from requests_app.parsing import parse_bytes

    reply = parse_text("Our reference     FOI/2022/004417\nDate              2nd November 2022\nYour reference    -\n\n"
                       "Dear Requester, thank you for your request received on 5th October 2022.\n")
    assert (reply.facts.reference, str(reply.facts.letter_date), reply.tables) == ("FOI/2022/004417", "2022-11-02", ())
    html = (b"<table><tr><td>Our reference</td><td>FOI/2022/004417</td></tr><tr><td>Date</td><td>2nd November 2022</td>"
            b"</tr><tr><td>Your reference</td><td>-</td></tr></table><p>Thank you for your request.</p>")
    doc = parse_bytes(html, "r.html")
    assert (doc.facts.reference, str(doc.facts.letter_date), doc.tables) == ("FOI/2022/004417", "2022-11-02", ())
    dated = parse_text("Date\t2022\t2023\nBurglary\t5\t6\nTheft\t1\t2\n").tables  # "Date" heading figures: a table
    assert len(dated) == 1 and cells(dated[0]) == [["Burglary", 5, 6], ["Theft", 1, 2]]


def test_police_scotland_at_the_head_of_a_letter_answers_under_the_scottish_act():
    facts = parse_text("Police Scotland\nOur Reference: IM-FOI-2024-0112\n\nIn terms of Section 18 of the Act, Police "
                       "Scotland can neither confirm nor deny whether it holds the information you have requested. If "
                       "the information were held it would be exempt under sections 35(1)(a) and 38(1)(b) of the Act.\n").facts
    assert (facts.exemptions, facts.neither_confirm_nor_deny) == (("s18", "s35(1)(a)", "s38(1)(b)"), True)


def test_groups_told_by_labels_repeated_under_each_when_one_subtotal_is_wrong():
    held, travel = "Holding someone in slavery or servitude", "Arranging travel with a view to exploitation"
    table = parse_text(f"Outcome / Offence\t2021\t2022\tTotal\nCharged/Summonsed\t25\t31\t56\n{held}\t10\t14\t24\n"
                       f"{travel}\t15\t17\t32\nEvidential difficulties\t48\t60\t108\n{held}\t30\t38\t68\n"
                       f"{travel}\t18\t20\t38\nTotal\t73\t91\t164\n").tables[0]
    assert [r.label for r in table.rows] == [
        ("Charged/Summonsed",), ("Charged/Summonsed", held), ("Charged/Summonsed", travel),
        ("Evidential difficulties",), ("Evidential difficulties", held), ("Evidential difficulties", travel), ("Total",)]
    assert table.warnings == (
        "row 'Evidential difficulties', column '2022': stated 60, sum of the rows under it 58",
        "row 'Evidential difficulties', column 'Total': stated 108, sum of the rows under it 106")


def test_a_compact_pivot_under_its_chrome_row_nests_each_row_under_its_own_group(tmp_path):
    import io

    import openpyxl
    from openpyxl.styles import Alignment

    from requests_app.parsing import parse_bytes

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Sum of Offences", "Column Labels"])
    sheet.append(["Row Labels", "2022", "2023", "Grand Total"])
    for label, indent, figures in [("Violence", 0, [80, 90, 170]), ("Assault", 1, [50, 55, 105]),
                                   ("Wounding", 1, [30, 35, 65]), ("Theft", 0, [100, 110, 210]),
                                   ("Shoplifting", 1, [60, 70, 130]), ("Grand Total", 0, [180, 200, 380])]:
        sheet.append([label, *figures])
        if indent:
            sheet.cell(sheet.max_row, 1).alignment = Alignment(indent=1)
    out = io.BytesIO()
    book.save(out)
    table = parse_bytes(out.getvalue(), "pivot.xlsx").tables[0]
    assert [r.label for r in table.rows] == [("Violence",), ("Violence", "Assault"), ("Violence", "Wounding"),
                                             ("Theft",), ("Theft", "Shoplifting"), ("Grand Total",)]
    assert (table.totals_consistent, table.warnings) == (False, (
        "row 'Theft', column '2022': stated 100, sum of the rows under it 60",
        "row 'Theft', column '2023': stated 110, sum of the rows under it 70",
        "row 'Theft', column 'Grand Total': stated 210, sum of the rows under it 130"))


def test_an_email_body_in_windows_1252_that_says_utf_8():
    from requests_app.parsing import parse_bytes

    body = ("Our Ref: FOI/24/0088\r\n\r\n20 February 2024\r\n\r\n2. What was spent on overtime?\r\n\r\nDepartment\tCost\r\n"
            "Response\t\u00a31,234.50\r\nCID\t\u00a312,000.00\r\nTotal\t\u00a313,234.50\r\n").encode("cp1252")
    data = (b"From: foi@example.police.uk\r\nSubject: FOI/24/0088\r\nDate: Tue, 20 Feb 2024 12:00:00 +0000\r\n"
            b"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n") + body
    (table,) = parse_bytes(data, "r.eml").tables
    assert (table.question, cells(table), table.totals_consistent) == (
        "2", [["Response", 1234.5], ["CID", 12000], ["Total", 13234.5]], True)


def test_words_and_figures_split_over_inline_spans_in_an_html_cell_stay_whole():
    from requests_app.parsing import parse_bytes

    def td(x):
        return f"<td><p class=MsoNormal><span style='font-family:Arial'>{x}<o:p></o:p></span></p></td>"

    def tr(*cs):
        return "<tr>" + "".join(td(c) for c in cs) + "</tr>"

    html = ("<html><body><table class=MsoNormalTable>" + tr("Offence", "2022<span lang=EN-US>/23</span>")
            + tr("<span class=SpellE>Stalk</span><span>ing</span>", "<span>1</span><span lang=EN-US>,055</span>")
            + tr("Robbery", "20") + "</table><table><tr><td><p>Two</p><p>lines</p></td><td>5</td></tr>"
            "<tr><td>Other</td><td>6</td></tr></table></body></html>")
    first, second = parse_bytes(html.encode(), "r.html").tables
    assert (first.columns, cells(first)) == (("2022/23",), [["Stalking", 1055], ["Robbery", 20]])
    assert cells(second)[0] == ["Two lines", 5]  # paragraphs in a cell are words apart


def test_a_source_line_under_each_table_is_a_note_not_page_furniture():
    reply = parse_text("Offences in 2019\t\t\nOffence\tMale\tFemale\nTheft\t1\t2\nTotal\t1\t2\n\nSource: RMS\n\n"
                       "Offences in 2020\t\t\nOffence\tMale\tFemale\nRobbery\t3\t4\nTotal\t3\t4\n\nSource: RMS\n")
    assert [(t.title, cells(t), t.totals_consistent) for t in reply.tables] == [
        ("Offences in 2019", [["Theft", 1, 2], ["Total", 1, 2]], True),
        ("Offences in 2020", [["Robbery", 3, 4], ["Total", 3, 4]], True)]


def test_money_totals_are_checked_to_the_penny_not_to_a_share_of_the_total():
    table = parse_text("Rank\t2021/22\t2022/23\tTotal\nConstable\t£1,000,000.00\t£1,000,000.00\t£2,001,000.00\n"
                       "Sergeant\t£5.00\t£5.00\t£10.00\n").tables[0]
    assert table.warnings == ("row 'Constable', column 'Total': stated 2001000, sum 2000000",)
    rounded = parse_text("Share\tA\tB\tC\tTotal\nX\t33.3\t33.3\t33.3\t100\nY\t12.5\t12.5\t75\t100\n").tables[0]
    assert (rounded.totals_consistent, rounded.warnings) == (True, ())  # within what rounding one place explains


def test_a_header_repeated_after_a_page_break_under_a_tab_padded_caption():
    (table,) = parse_text("Caption\t\t\t\nOffence\t2019\t2020\tTotal\nA\t1\t2\t3\n\nOffence\t2019\t2020\tTotal\n"
                          "B\t2\t2\t4\nTotal\t3\t4\t7\n").tables
    assert (table.title, cells(table), table.totals_consistent) == (
        "Caption", [["A", 1, 2, 3], ["B", 2, 2, 4], ["Total", 3, 4, 7]], True)


@pytest.mark.parametrize("repeat", ["", "Offence\t2019\t2020\tTotal\n"])
def test_a_date_and_reference_footer_printed_once_inside_a_table(repeat):
    reply = parse_text(f"Offence\t2019\t2020\tTotal\nA\t1\t2\t3\n\n12/03/2021 0456/21\n\n{repeat}B\t2\t2\t4\n"
                       "Total\t3\t4\t7\n")
    assert [cells(t) for t in reply.tables] == [[["A", 1, 2, 3], ["B", 2, 2, 4], ["Total", 3, 4, 7]]]
    assert (reply.facts.reference, str(reply.facts.letter_date)) == ("0456/21", "2021-03-12")


def test_no_break_spaces_between_thousands_in_a_tab_separated_table():
    (table,) = parse_text("Offence\t2019\t2020\tTotal\nA\t1\u00a0055\t2\t1\u00a0057\nB\t2\t2\t4\n"
                          "Total\t1\u00a0057\t4\t1\u00a0061\n").tables
    assert (table.row_header, cells(table), table.totals_consistent) == (
        "Offence", [["A", 1055, 2, 1057], ["B", 2, 2, 4], ["Total", 1057, 4, 1061]], True)


def test_a_three_level_table_with_a_wrong_group_row_keeps_its_levels_from_the_labels():
    table = parse_text("OUTCOME/OFFENCE/AGE\t2019\t2020\tTotal\nCHARGED\t5\t8\t13\nAssault\t5\t7\t12\n14\t1\t2\t3\n"
                       "15\t4\t5\t9\nGrand Total\t5\t7\t12\n").tables[0]
    assert [r.label for r in table.rows] == [("CHARGED",), ("CHARGED", "Assault"), ("CHARGED", "Assault", "14"),
                                             ("CHARGED", "Assault", "15"), ("Grand Total",)]
    assert "row 'CHARGED', column '2020': stated 8, sum of the rows under it 7" in table.warnings


@pytest.mark.parametrize("footer", ["12 March 2021 Ref: 0456/21", "FOI 0456/21 12/03/2021"])
def test_a_footers_date_beside_a_labelled_reference(footer):
    assert str(parse_text(f"Dear Sir\n\nThe figures follow.\n\n{footer}\n").facts.letter_date) == "2021-03-12"


@pytest.mark.parametrize("text, exemptions", [
    ("In 2023 the force refused 312 requests under section 12 and 11 requests under section 14(1).", ()),
    ("Our previous response to FOI-2023-0010 applied section 31(1)(a) to similar information. On this occasion the "
     "information is provided in full below.", ()),
    ("You asked:\n1. Did you apply section 40 to any previous request on this topic?\n\nResponse\n1. Yes, in March 2022.", ()),
    ("I do not uphold the application of section 31(1)(a). The withheld figures are now disclosed below.", ()),
    ("The application of section 31(1)(a) is not upheld.", ()),
    ("The original response applied section 31(1)(a). Having reviewed it, I have decided that section 31(1)(a) was "
     "wrongly applied and the figures are disclosed below.", ()),
    ("The original response relied on section 40(2). Having reviewed it, I uphold that decision.", ("s40(2)",)),
    ("The information is exempt under § 40(2) of the Act.", ("s40(2)",))])
def test_sections_reported_on_rather_than_relied_on(text, exemptions):
    assert parse_text("Date: 12 June 2024\n\n" + text + "\n").facts.exemptions == exemptions


@pytest.mark.parametrize("text, reference", [
    ("Our Ref: FOI 2024 0123\nDate: 12 June 2024\n", "FOI 2024 0123"),
    ("Thank you for your request (Ref: FOI 2024 0123) which was received on 15 May 2024.\n", "FOI 2024 0123"),
    ("Reference No: 2024 0456\nDate: 12 June 2024\n", "2024 0456"),
    ("Our Ref: FOI 0123 24\nDate: 12 June 2024\n", "FOI 0123 24"),
    ("Our Ref: FOI 1234 / 24\nDate: 12 June 2024\n", "FOI 1234 / 24"),
    ("Our Ref: 12345 24 May 2024\n", "12345"),
    ("From: FOI <foi@kent.police.uk>\nSent: 14 June 2024 10:02\nSubject: RE: FOI-2024-0101\n\nDear Ms Jones\n\n"
     "The information is attached.\n", "FOI-2024-0101")])
def test_references_written_with_spaces_and_a_hyphenated_subject(text, reference):
    assert parse_text(text).facts.reference == reference


@pytest.mark.parametrize("text, field, value", [
    ("Date: 14 May 2024\n\nYour request was received on Fri 3rd May 2024.", "request_received_date", "2024-05-03"),
    ("Date: 14 May 2024\n\nYour request was received on Fri, 3 May 2024.", "request_received_date", "2024-05-03"),
    ("Date: 14 May 2024\n\nYour request was received on Friday the 3rd of May 2024.\n", "request_received_date",
     "2024-05-03"),
    ("Kent Police\nOur Ref: K-1\nFriday the 14th of June 2024\n\nYour request was received on 15 May 2024.\n",
     "letter_date", "2024-06-14"),
    ("Date received: 03/04/2024      Date responded: 30/04/2024\n\nThe information is attached.\n", "letter_date",
     "2024-04-30")])
def test_dates_with_short_weekdays_the_nth_of_and_date_responded(text, field, value):
    assert str(getattr(parse_text(text).facts, field)) == value


# -- from a review of the session's diff against its first code: each was read right before it ---------------

@pytest.mark.parametrize("text, exemptions", [
    ("The original response relied on section 40(2) of the Act to withhold the officers' names. I do not uphold your "
     "complaint, and the decision stands.", ("s40(2)",)),
    ("The initial response withheld the information under section 31(1)(a). Having reviewed the case, your complaint "
     "has not been upheld. The exemption was correctly applied.", ("s31(1)(a)",)),
    ("Our previous response to your request relied on section 31(1)(a), and having reviewed it I maintain that "
     "decision.", ("s31(1)(a)",))])
def test_a_review_that_rejects_the_complaint_keeps_the_exemption(text, exemptions):
    assert parse_text("Our Ref: FOI/2023/1234\n\nDate: 5 June 2023\n\n" + text + "\n").facts.exemptions == exemptions


def test_police_scotland_named_in_an_english_replys_subject_is_no_scottish_reply():
    facts = parse_text("Cumbria Constabulary\nFOI Request: Mutual aid to Police Scotland\nOur Ref: FOI/2022/0456\n\n"
                       "This letter serves as a Refusal Notice under Section 17(1) of the Freedom of Information Act "
                       "2000. Section 31(1)(a) applies to the deployment figures.\n").facts
    assert (facts.exemptions, facts.information_not_held) == (("s31(1)(a)",), False)


@pytest.mark.parametrize("text", [
    "Month      Hours lost\nJanuary    120.4\nFebruary   98.7\nMarch      110.2\nTotal      329\n",
    "Year      Overtime cost (£)\n2019      £12,345.67\n2020      £13,210.10\n2021      £14,002.55\nTotal     £39,558\n",
    "Ethnicity   Searches   Positive outcome %\nWhite          1200        22.1%\nBlack           300        18.4%\n"
    "Asian           250        20.3%\nMixed           100        19.7%\nOther            50        21.0%\n"
    "Total          1900        21.2%\n"])
def test_totals_rounded_to_the_place_printed_and_rates_under_an_overall_rate_are_consistent(text):
    table = parse_text(text).tables[0]
    assert (table.totals_consistent, table.warnings) == (True, ())


def test_the_session_s_new_table_rules_stay_out_of_letterheads_captions_and_word_rows():
    assert parse_text("Question 2a, a breakdown by gender\n\nGender  2021  2022\nMale      10    12\nFemale     5     6\n"
                      ).tables[0].question == "2a"
    assert parse_text("Force Disclosure Unit\nPO Box 168\nBlackburn BB1 9GG\n\nDear Requester,\n\nThe number of "
                      "arrests was 12.\n").tables == ()
    caption = parse_text("Crime Type Breakdown\nBurglary 120 130\nTheft 200 210\n").tables[0]
    assert (caption.title, caption.row_header) == ("Crime Type Breakdown", None)
    rank = parse_text("Officer rank    Length of suspension    Number\nConstable       3 months                  4\n"
                      "Sergeant        6 months                  2\n").tables[0]
    assert (rank.row_header, rank.columns) == ("Officer rank / Length of suspension", ("Number",))
    change = parse_text("Area      2021   2022\nNorth      120    130\nSouth      100    110\nTotal      220    240\n"
                        "Change     Up     Up\n").tables[0]
    assert cells(change)[-1] == ["Change", "Up", "Up"]
    for text, reference in (("Our Ref: 003456/22 01234 567890\n", "003456/22"), ("Our Ref: FOI/0456 2022\n", "FOI/0456")):
        assert parse_text("Date: 3 March 2022\n" + text + "\nDear Sir,\n\nNone held.\n").facts.reference == reference


def test_a_second_review_of_the_diff_letter_dates_rates_annexes_and_rows_after_a_total():
    listed = parse_text("Kent Police\nFreedom of Information\n\nRef: FOI/1/24\n\nThe incidents occurred on the following "
                        "dates:\n14/02/2024\n15/02/2024\n\nYours sincerely\n\nDate: 12 March 2024\n").facts
    assert str(listed.letter_date) == "2024-03-12"  # the date signed under the letter, not one listed in it
    for text in ("Crime\tRecorded\t% detected\nBurglary\t100\t45%\nRobbery\t50\t55%\nAll crimes\t150\t48%\n",
                 "Ethnicity\tSearches\tPercentage arrested\nWhite\t600\t50%\nBlack\t300\t30%\nAsian\t100\t20%\n"
                 "Total\t1000\t42%\n"):
        assert parse_text(text).tables[0].warnings == ()  # rates, under an overall rate
    again = parse_text("Date: 12 March 2024\n\nAs in our previous response to request 2023/123, section 31(1)(a) "
                       "applies to this information.\n").facts
    annex = parse_text("Date: 12 March 2024\n\nSome information has been withheld; the exemptions are set out in Annex "
                       "A.\n\nYours sincerely\n\nFOI Unit\n\nAnnex A - Guide to the exemptions\n\nSection 31(1)(a) - Law "
                       "enforcement. Disclosure would prejudice the prevention of crime, so this information is withheld.\n").facts
    assert again.exemptions == annex.exemptions == ("s31(1)(a)",)
    notes = parse_text("Area\tArrests\tCharges\nNorth\t5\t6\nSouth\t3\t4\nTotal\t8\t10\nNotes\tProvisional\tFinal\n").tables
    assert cells(notes[0])[-1] == ["Notes", "Provisional", "Final"]


@pytest.mark.parametrize("second, columns", [
    ("                 Apr-Jun    Jul-Sep", ("Q1 Apr-Jun", "Q2 Jul-Sep", "Total")),
    ("                 2025       2025", ("Q1 2025", "Q2 2025", "Total")),
])
def test_a_two_line_header_with_no_heading_over_the_labels(second, columns):
    """The second line of headings stands over the figures' columns, not over the labels (a probe's
    case 26: every second-line heading had moved one column left, "Apr-Jun" heading the labels)."""
    table = parse_text("Response\n\n                 Q1         Q2         Total\n" + second + "\n"
                       "999 calls        24,118     26,402     50,520\n101 calls        61,207     63,880    125,087\n").tables[0]
    assert (table.row_header, table.columns) == (None, columns)
    assert [r.values for r in table.rows] == [(24118, 26402, 50520), (61207, 63880, 125087)]


@pytest.mark.parametrize("text", [
    "Area        Detected    Rate\nNorth       120         45.0 %\nSouth       80          30.5 %\n",
    "Area\tDetected\tRate\nNorth\t120\t45.0 %\nSouth\t80\t30.5 %\n",
])
def test_a_percentage_with_a_space_before_its_sign_is_a_figure(text):
    """'45.0 %' is 45.0 as '45.0%' is (the contract drops the %); a probe found it kept as text."""
    table = parse_text(text).tables[0]
    assert (table.columns, [r.values for r in table.rows]) == (("Detected", "Rate"), [(120, 45.0), (80, 30.5)])


def test_two_captioned_tables_side_by_side_of_four_columns():
    """Each half under its own caption (a probe's t12: both tables were dropped, with no warning)."""
    text = ("Stop and search 2024                         Stop and search 2025\n"
            "Reason              Searches                 Reason              Searches\n"
            "Drugs                    410                 Drugs                    355\n"
            "Weapons                   96                 Weapons                   81\n"
            "Total                    506                 Total                    436\n")
    tables = parse_text(text).tables
    assert [(t.title, t.row_header, t.columns) for t in tables] == [
        ("Stop and search 2024", "Reason", ("Searches",)), ("Stop and search 2025", "Reason", ("Searches",))]
    assert [[(r.label, r.values, r.total) for r in t.rows] for t in tables] == [
        [(("Drugs",), (410,), False), (("Weapons",), (96,), False), (("Total",), (506,), True)],
        [(("Drugs",), (355,), False), (("Weapons",), (81,), False), (("Total",), (436,), True)]]
    assert all(t.totals_consistent for t in tables)


@pytest.mark.parametrize("text", [
    "Area      Arrests   Outcome     Cases\nNorth     120       Charged     45\nSouth     100       Cautioned   30\n"
    "East      90        Charged     12\n",
    "Area\tArrests\tOutcome\tCases\nNorth\t120\tCharged\t45\nSouth\t100\tCautioned\t30\nEast\t90\tCharged\t12\n",
])
def test_a_column_of_words_between_columns_of_figures(text):
    """One table, its words kept as printed (it was no table at all: no row read as figures), and
    not two tables side by side."""
    (table,) = parse_text(text).tables
    assert (table.row_header, table.columns) == ("Area", ("Arrests", "Outcome", "Cases"))
    assert [r.values for r in table.rows] == [(120, "Charged", 45), (100, "Cautioned", 30), (90, "Charged", 12)]


@pytest.mark.parametrize("first, second", [("Respiratory (including", "COVID-19)"), ("Theft of", "Motor Vehicles")])
def test_a_label_wrapped_under_its_own_figures(first, second):
    """pdftotext -layout prints a top-aligned cell's second line under the row (a probe's t11): the
    label goes on when its first line leaves a bracket open or ends on a joining word."""
    text = (f"Reason                            2023       2024\nPsychological                      512        577\n"
            f"{first:<35}{88:>3}{64:>11}\n{second}\nOther                              130        160\n"
            "Total                              730        801\n")
    table = parse_text(text).tables[0]
    assert [(r.label, r.values) for r in table.rows] == [
        (("Psychological",), (512, 577)), ((f"{first} {second}",), (88, 64)), (("Other",), (130, 160)),
        (("Total",), (730, 801))]
    assert table.totals_consistent is True


def test_a_group_heading_under_a_finished_label_stays_a_heading():
    text = ("Offence                 2023   2024\nVIOLENCE\nAssault (ABH)           10     12\nWounding                5      6\n"
            "THEFT\nShoplifting             20     22\nBurglary                7      8\n")
    labels = [r.label for r in parse_text(text).tables[0].rows]
    assert labels == [("VIOLENCE", "Assault (ABH)"), ("VIOLENCE", "Wounding"), ("THEFT", "Shoplifting"),
                      ("THEFT", "Burglary")]


@pytest.mark.parametrize("sentence, exemptions", [
    # a second probe's t04, t06 and t08: provisions named but not relied on
    ("It has been suggested that section 34 might be relevant; however, even if section 34 were to apply, it "
     "would not alter the outcome.", ("s35(1)(a)",)),
    ("Even if section 34 were to apply, it would not alter the outcome.", ("s35(1)(a)",)),
    ("Were section 30 to apply, the result would be the same.", ("s35(1)(a)",)),
    ("In 2024 three of your requests were refused under section 14(1) and one under section 12; those decisions "
     "are not revisited here.", ("s35(1)(a)",)),
    ("We may be unable to meet the deadline where the cost would exceed the appropriate limit under section 12, or "
     "where we need to consider the public interest test for a qualified exemption such as section 31.", ("s35(1)(a)",)),
    # relied on, in the alternative or plainly: kept
    ("Even if the information were held, it would be exempt under section 31(1)(a).", ("s35(1)(a)", "s31(1)(a)")),
    ("The force has also applied section 40(2).", ("s35(1)(a)", "s40(2)")),
])
def test_provisions_named_as_hypotheses_history_or_examples_are_not_relied_on(sentence, exemptions):
    text = f"Our Ref: 1187/25\n\nThe information is exempt under section 35(1)(a).\n\n{sentence}\n"
    assert parse_text(text).facts.exemptions == exemptions
