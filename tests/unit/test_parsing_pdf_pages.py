"""PDF tables that run across page breaks: one table, whatever the pages print around it.

Every PDF here is written with fpdf2 in the test: page headers and footers, 'Page N of M',
protective markings, tables aligned by position only (no borders) or ruled.
"""
from __future__ import annotations

import pytest

from requests_app.parsing import parse_bytes
from requests_app.parsing.model import Limits, TextBlock
from requests_app.parsing.pdf import read_pdf

pytest.importorskip("fpdf")

HEADER = ["Offence", "2017", "2018", "Total"]
WIDTHS = [90, 25, 25, 25]


def offence_rows(first: int, count: int) -> list[list[str]]:
    rows = []
    for k in range(first, first + count):
        a, b = k * 3 % 17 + 1, k * 7 % 23
        rows.append([f"Offence type {k}", str(a), "-" if b == 0 else f"{b * 61:,}", f"{a + b * 61:,}"])
    return rows


def total_row(rows: list[list[str]], label: str = "Grand Total") -> list[str]:
    def value(cell: str) -> int:
        return 0 if cell == "-" else int(cell.replace(",", ""))

    sums = [sum(value(r[j]) for r in rows) for j in range(1, len(rows[0]))]
    return [label, *(f"{s:,}" for s in sums)]


def make_pdf(pages: list[list], marking: str = "OFFICIAL", ruled: bool = False,
             header_text: str = "Thames Valley Police - Freedom of Information Request 2019/0042",
             table_indent: float = 0) -> bytes:
    """One page per item of `pages`: a list of table rows (lists of cells) and text lines (str).

    Every page has the force's header line and `marking` at the top, and a footer with the
    reference, 'Page N of M' and `marking` again at the foot."""
    from fpdf import FPDF

    total = len(pages)

    class Letter(FPDF):
        def header(self):
            self.set_font("Helvetica", "", 8)
            self.cell(0, 4, marking, align="C", new_x="LMARGIN", new_y="NEXT")
            self.cell(0, 5, header_text, new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

        def footer(self):
            self.set_y(-18)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 4, f"Ref: FOI 2019/0042    Page {self.page_no()} of {total}", align="C",
                      new_x="LMARGIN", new_y="NEXT")
            self.cell(0, 4, marking, align="C")

    pdf = Letter(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 12, 15)
    for content in pages:
        pdf.add_page()
        for item in content:
            if isinstance(item, str):
                pdf.set_font("Helvetica", "", 9)
                pdf.cell(0, 5, item, new_x="LMARGIN", new_y="NEXT")
                continue
            pdf.set_font("Helvetica", "B" if item[0] == HEADER[0] else "", 8)
            pdf.set_x(15 + table_indent)  # tables may be set in from the text's margin
            for k, (width, text) in enumerate(zip(WIDTHS, item)):
                pdf.cell(width, 5, text, border=1 if ruled else 0, align="L" if k == 0 else "R",
                         new_x="RIGHT", new_y="TOP")
            pdf.ln(5)
    return bytes(pdf.output())


def expected_values(row: list[str]) -> list:
    return [0 if c == "-" else int(c.replace(",", "")) for c in row[1:]]


def assert_rows(table, rows: list[list[str]]) -> None:
    """The table's rows, cell by cell: label, then each value."""
    assert [list(r.label) for r in table.rows] == [[r[0]] for r in rows]
    for got, want in zip(table.rows, rows):
        assert list(got.values) == expected_values(want), want[0]


LETTER_TOP = ["Our Ref: FOI 2019/0042", "Question 1: The number of offences recorded in 2017 and 2018.",
              "Recorded offences by year"]


# --- (a) two pages, the header row repeated --------------------------------------------------

def test_aligned_table_over_two_pages_with_repeated_header_is_one_table():
    first, second = offence_rows(0, 30), offence_rows(30, 12)
    data = make_pdf([[*LETTER_TOP, HEADER, *first], [HEADER, *second, "", "Yours sincerely"]])
    parsed = parse_bytes(data, "reply.pdf")
    assert len(parsed.tables) == 1, [t.title for t in parsed.tables]
    table = parsed.tables[0]
    assert table.source == "reply.pdf#page=1"
    assert table.question == "1" and table.title == "Recorded offences by year"
    assert table.row_header == "Offence" and table.columns == ("2017", "2018", "Total")
    assert_rows(table, first + second)  # no repeated header, no page furniture among the rows
    assert table.totals_consistent is True and table.warnings == ()
    assert parsed.facts.reference == "FOI 2019/0042"


def test_the_continuation_leaves_the_second_pages_text_and_joins_the_first():
    first, second = offence_rows(0, 30), offence_rows(30, 5)
    data = make_pdf([[*LETTER_TOP, HEADER, *first], [HEADER, *second, "", "Yours sincerely"]])
    *pages, furniture = [b for b in read_pdf(data, "reply.pdf", Limits()).blocks if isinstance(b, TextBlock)]
    assert [p.source for p in pages] == ["reply.pdf#page=1", "reply.pdf#page=2"]
    assert "Offence type 34" in pages[0].text and "Offence type 34" not in pages[1].text
    assert "Yours sincerely" in pages[1].text and "Page 2 of 2" not in pages[1].text  # prose stays, furniture goes last
    assert "Page 1 of 2" in furniture.text and "Page 2 of 2" in furniture.text and not furniture.tables
    assert pages[0].text.count("2017") == 2  # the header once (and the question), not repeated


def test_a_sentence_over_a_page_break_is_read_whole():
    from fpdf import FPDF

    class Letter(FPDF):
        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 5, f"Page {self.page_no()} of 2", align="C")

    for first, second in [("In this case Kent Police can neither confirm", "nor deny that it holds the information."),
                          ("Thank you for your request, which was received on", "27 February 2024.")]:
        pdf = Letter()
        pdf.add_page()
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 5, "Our Ref: 24/0998\nDate: 12 March 2024")
        pdf.set_y(pdf.h - 26)
        pdf.multi_cell(0, 5, first)  # the last line of page 1
        pdf.add_page()
        pdf.multi_cell(0, 5, second)  # the first of page 2
        facts = parse_bytes(bytes(pdf.output()), "reply.pdf").facts
        assert facts.neither_confirm_nor_deny if "confirm" in first else str(facts.request_received_date) == "2024-02-27"
        assert (facts.reference, str(facts.letter_date)) == ("24/0998", "2024-03-12")


@pytest.mark.parametrize("marking", ["OFFICIAL", "OFFICIAL-SENSITIVE", "NOT PROTECTIVELY MARKED"])
def test_any_protective_marking_is_page_furniture(marking):
    first, second = offence_rows(0, 30), offence_rows(30, 4)
    parsed = parse_bytes(make_pdf([[*LETTER_TOP, HEADER, *first], [HEADER, *second]], marking=marking), "m.pdf")
    assert len(parsed.tables) == 1
    assert_rows(parsed.tables[0], first + second)


# --- (b) three pages, no repeated header ----------------------------------------------------

def test_aligned_table_over_three_pages_without_repeated_header():
    rows = offence_rows(0, 80)
    pages = [[*LETTER_TOP, HEADER, *rows[:30]], rows[30:72], [*rows[72:], "", "Yours sincerely"]]
    parsed = parse_bytes(make_pdf(pages), "long.pdf")
    assert len(parsed.tables) == 1, [len(t.rows) for t in parsed.tables]
    table = parsed.tables[0]
    assert table.source == "long.pdf#page=1" and table.columns == ("2017", "2018", "Total")
    assert_rows(table, rows)
    assert table.totals_consistent is True


def test_a_table_filling_the_middle_page_goes_on_to_the_third_with_its_header_repeated():
    rows = offence_rows(0, 75)
    pages = [[*LETTER_TOP, HEADER, *rows[:30]], [HEADER, *rows[30:71]], [HEADER, *rows[71:]]]
    table, = parse_bytes(make_pdf(pages), "long.pdf").tables
    assert_rows(table, rows)


# --- (c) different tables on consecutive pages stay apart -----------------------------------

def test_different_columns_on_the_next_page_is_another_table():
    first = offence_rows(0, 30)
    other_header = ["Outcome", "Male", "Female"]
    other = [["Charge/summons", "12", "3"], ["Caution - Adult", "4", "-"], ["Community Resolution", "7", "2"]]
    parsed = parse_bytes(make_pdf([[*LETTER_TOP, HEADER, *first], [other_header, *other]]), "two.pdf")
    assert [len(t.rows) for t in parsed.tables] == [30, 3]
    assert [t.source for t in parsed.tables] == ["two.pdf#page=1", "two.pdf#page=2"]
    assert parsed.tables[1].columns == ("Male", "Female") and parsed.tables[1].row_header == "Outcome"
    assert_rows(parsed.tables[0], first)


def test_a_header_of_years_on_the_next_page_is_another_tables_header_not_figures():
    first = offence_rows(0, 30)
    years = [["Outcome", "2019", "2020", "2021"], ["Charge/summons", "12", "3", "5"],
             ["Caution - Adult", "4", "-", "1"]]
    parsed = parse_bytes(make_pdf([[*LETTER_TOP, HEADER, *first], years]), "two.pdf")
    assert [len(t.rows) for t in parsed.tables] == [30, 2]
    assert parsed.tables[1].columns == ("2019", "2020", "2021")


@pytest.mark.parametrize("between", ["Question 2: The same figures for 2017 and 2018 online.",
                                     "Table 2 - Offences flagged as online",
                                     "Recorded offences, online flag"])
def test_a_heading_or_caption_at_the_top_of_the_next_page_starts_another_table(between):
    first, second = offence_rows(0, 30), offence_rows(30, 6)
    parsed = parse_bytes(make_pdf([[*LETTER_TOP, HEADER, *first], [between, HEADER, *second]]), "two.pdf")
    assert [len(t.rows) for t in parsed.tables] == [30, 6]
    assert [t.source for t in parsed.tables] == ["two.pdf#page=1", "two.pdf#page=2"]
    assert_rows(parsed.tables[1], second)


@pytest.mark.parametrize("ruled", [False, True])
def test_text_after_the_table_ends_it_before_the_page_break(ruled):
    first, second = offence_rows(0, 30), offence_rows(30, 6)
    pages = [[*LETTER_TOP, HEADER, *first, "", "These figures are provisional."], [HEADER, *second]]
    parsed = parse_bytes(make_pdf(pages, ruled=ruled), "two.pdf")
    assert [len(t.rows) for t in parsed.tables] == [30, 6]


def test_a_ruled_table_follows_the_same_rule():
    first, second = offence_rows(0, 30), offence_rows(30, 6)
    joined = parse_bytes(make_pdf([[*LETTER_TOP, HEADER, *first], [HEADER, *second]], ruled=True), "r.pdf")
    assert len(joined.tables) == 1
    assert_rows(joined.tables[0], first + second)
    pages = [[*LETTER_TOP, HEADER, *first], ["Table 2 - Offences flagged as online", HEADER, *second]]
    apart = parse_bytes(make_pdf(pages, ruled=True), "r.pdf")
    assert [len(t.rows) for t in apart.tables] == [30, 6]
    assert apart.tables[1].title == "Table 2 - Offences flagged as online"


# --- (d) totals over the whole table -----------------------------------------------------------

def test_a_totals_row_on_the_last_page_checks_against_every_pages_rows():
    rows = offence_rows(0, 70)
    total = total_row(rows)
    pages = [[*LETTER_TOP, HEADER, *rows[:30]], [HEADER, *rows[30:65]], [HEADER, *rows[65:], total]]
    table, = parse_bytes(make_pdf(pages), "totals.pdf").tables
    assert_rows(table, [*rows, total])
    assert table.rows[-1].total is True
    assert table.totals_consistent is True and table.warnings == ()


def test_a_lone_totals_row_carried_over_joins_the_table():
    rows = offence_rows(0, 30)
    total = total_row(rows)
    table, = parse_bytes(make_pdf([[*LETTER_TOP, HEADER, *rows], [total, "", "Yours sincerely"]]), "t.pdf").tables
    assert_rows(table, [*rows, total])
    assert table.totals_consistent is True


def test_a_wrong_total_is_reported_with_row_column_stated_and_sum():
    rows = offence_rows(0, 50)
    right = total_row(rows)
    wrong = [right[0], right[1], f"{int(right[2].replace(',', '')) + 100:,}", right[3]]
    pages = [[*LETTER_TOP, HEADER, *rows[:30]], [HEADER, *rows[30:], wrong]]
    table, = parse_bytes(make_pdf(pages), "wrong.pdf").tables
    assert len(table.rows) == 51
    assert table.totals_consistent is False
    stated, summed = int(wrong[2].replace(",", "")), int(right[2].replace(",", ""))
    assert f"row 'Grand Total', column '2018': stated {stated}, sum {summed}" in table.warnings
    assert table.rows[-1].values[1] == stated  # reported, not corrected


# --- (e) a header row left alone at the foot of a page -----------------------------------------

@pytest.mark.parametrize("ruled,label", [(False, "Offence"), (True, "Offence"), (False, "")])
def test_a_header_row_alone_at_the_foot_of_a_page_heads_the_rows_on_the_next(ruled, label):
    rows = offence_rows(0, 20)
    total = total_row(rows)
    pages = [[*LETTER_TOP, [label, *HEADER[1:]]], [*rows, total, "", "Yours sincerely"]]
    parsed = parse_bytes(make_pdf(pages, ruled=ruled), "foot.pdf")
    assert len(parsed.tables) == 1, [(t.source, t.columns) for t in parsed.tables]
    table = parsed.tables[0]
    assert table.row_header == (label or None) and table.columns == ("2017", "2018", "Total")
    assert table.title == "Recorded offences by year" and table.question == "1"
    assert_rows(table, [*rows, total])
    assert table.totals_consistent is True and table.warnings == ()


def test_a_header_alone_at_the_foot_is_not_joined_to_a_different_table_overleaf():
    other = [["Charge/summons", "12", "3"], ["Caution - Adult", "4", "-"], ["Community Resolution", "7", "2"]]
    parsed = parse_bytes(make_pdf([[*LETTER_TOP, HEADER], [*other]]), "foot.pdf")
    assert [t.columns for t in parsed.tables] != [("2017", "2018", "Total")]
    assert all(len(t.columns) == 2 for t in parsed.tables)


# --- (f) headers read by position in a PDF without rules ------------------------------------------

def test_a_two_line_header_in_an_aligned_pdf_is_joined_column_by_column():
    rows = [["Burglary", "1,234", "123", "1,357"], ["Robbery", "567", "89", "656"], ["Total", "1,801", "212", "2,013"]]
    header = [["", "Number of", "Number of", "All"], ["Crime type", "offences", "arrests", "outcomes"]]
    parsed = parse_bytes(make_pdf([[*LETTER_TOP, *header, *rows]]), "two-line.pdf")
    table, = parsed.tables
    assert table.row_header == "Crime type"
    assert table.columns == ("Number of offences", "Number of arrests", "All outcomes")
    assert_rows(table, rows)
    assert table.totals_consistent is True


def test_a_header_with_no_label_heading_in_an_aligned_pdf_keeps_its_columns():
    rows = [["Stop and search", "1,200", "1,100", "1,300"], ["Arrests", "300", "-", "280"]]
    parsed = parse_bytes(make_pdf([[*LETTER_TOP, ["", "2019", "2020", "2021"], *rows]]), "no-label.pdf")
    table, = parsed.tables
    assert table.row_header is None and table.columns == ("2019", "2020", "2021")
    assert_rows(table, rows)


@pytest.mark.parametrize("label", ["Offence", ""])
def test_a_lone_header_of_a_table_set_in_from_the_margin_still_heads_the_rows_overleaf(label):
    """The table starts 20 mm in from a line of text at the margin: being set in is not the
    sign of a header without a label heading; being set in further than the rows is."""
    rows = offence_rows(0, 8)
    total = total_row(rows)
    pages = [["A note at the margin", *LETTER_TOP, [label, *HEADER[1:]]],
             ["A note at the margin", *rows, total, "", "Yours sincerely"]]
    table, = parse_bytes(make_pdf(pages, table_indent=20), "set-in.pdf").tables
    assert table.row_header == (label or None) and table.columns == ("2017", "2018", "Total")
    assert_rows(table, [*rows, total])


def test_rows_set_in_under_their_group_in_a_pdf_get_label_paths():
    from fpdf import FPDF

    rows = [("Charged", "12", "15", 0), ("Burglary", "8", "9", 6), ("Robbery", "4", "6", 6),
            ("Cautioned", "5", "3", 0), ("Burglary", "5", "3", 6), ("Total", "17", "18", 0)]
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 9)
    for label, a, b, indent in [("Outcome", "2023", "2024", 0), *rows]:
        pdf.set_x(15 + indent)
        pdf.cell(90 - indent, 5, label, new_x="RIGHT", new_y="TOP")
        pdf.cell(25, 5, a, align="R", new_x="RIGHT", new_y="TOP")
        pdf.cell(25, 5, b, align="R", new_x="LMARGIN", new_y="NEXT")
    table, = parse_bytes(bytes(pdf.output()), "indented.pdf").tables
    assert [r.label for r in table.rows] == [("Charged",), ("Charged", "Burglary"), ("Charged", "Robbery"),
                                             ("Cautioned",), ("Cautioned", "Burglary"), ("Total",)]
    assert table.totals_consistent is True


# --- ruled and aligned tables on one page, in page order ---------------------------------------

def _mixed_pdf() -> bytes:
    """Page 1: Question 1, a ruled table, then an aligned one. Page 2: an aligned table with no
    heading of its own (still question 1), then Question 2 and a ruled table."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 12, 15)

    def line(text: str) -> None:
        pdf.set_font("Helvetica", "", 9)
        pdf.cell(0, 5, text, new_x="LMARGIN", new_y="NEXT")

    def table(rows: list[list[str]], ruled: bool) -> None:
        pdf.set_font("Helvetica", "", 8)
        for row in rows:
            for k, (width, text) in enumerate(zip(WIDTHS, row)):
                pdf.cell(width, 5, text, border=1 if ruled else 0, align="L" if k == 0 else "R",
                         new_x="RIGHT", new_y="TOP")
            pdf.ln(5)
        pdf.ln(4)

    pdf.add_page()
    line("Question 1: offences recorded in 2017 and 2018.")
    line("Table A - ruled")
    table([HEADER, *offence_rows(0, 4)], ruled=True)
    line("Table B - aligned")
    table([HEADER, *offence_rows(4, 4)], ruled=False)
    pdf.add_page()
    line("Table C - aligned, overleaf")
    table([["Area", "2017", "2018", "Total"], *[[f"Area {k}", "1", "2", "3"] for k in range(4)]], ruled=False)
    line("Question 2: offences by district.")
    line("Table D - ruled")
    table([["District", "2017", "2018", "Total"], *[[f"District {k}", "4", "5", "9"] for k in range(4)]], ruled=True)
    return bytes(pdf.output())


def test_ruled_and_aligned_tables_come_out_in_page_order_with_their_questions():
    parsed = parse_bytes(_mixed_pdf(), "reply.pdf")
    assert [t.title for t in parsed.tables] == ["Table A - ruled", "Table B - aligned", "Table C - aligned, overleaf",
                                                "Table D - ruled"]
    assert [t.question for t in parsed.tables] == ["1", "1", "1", "2"]
    assert [t.source for t in parsed.tables] == ["reply.pdf#page=1"] * 2 + ["reply.pdf#page=2"] * 2
    assert [r.label[0] for r in parsed.tables[1].rows] == [f"Offence type {k}" for k in range(4, 8)]
    blocks = read_pdf(_mixed_pdf(), "reply.pdf", Limits()).blocks
    assert [type(b).__name__ for b in blocks] == ["TextBlock", "Grid", "TextBlock", "TextBlock", "Grid"]
    assert [b.question for b in blocks if isinstance(b, TextBlock)] == [None, "1", "1"]


@pytest.mark.parametrize("shaded", [lambda i: i == 0, lambda i: i % 2 == 0], ids=["header", "banded"])
def test_cell_shading_without_borders_is_not_ruling(shaded):
    from fpdf import FPDF

    rows = [("Borough", "2022", "2023", "Total"), ("Camden", "41", "37", "78"), ("Hackney", "55", "61", "116"),
            ("Westminster", "102", "98", "200"), ("Total", "198", "196", "394")]
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 9)
    pdf.set_fill_color(200, 210, 230)
    pdf.cell(0, 6, "Question 1", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for i, row in enumerate(rows):
        for j, (text, width) in enumerate(zip(row, (60, 30, 30, 30))):
            pdf.cell(width, 6, text, fill=shaded(i), align="L" if j == 0 else "R")  # shaded, no border
        pdf.ln(6)
    (table,) = parse_bytes(bytes(pdf.output()), "r.pdf").tables
    assert (table.row_header, table.columns, table.question) == ("Borough", ("2022", "2023", "Total"), "1")
    assert len(table.rows) == 4 and table.totals_consistent is True


def test_an_aligned_tables_heading_atop_every_page_is_its_header_not_furniture():
    first, second = offence_rows(0, 30), offence_rows(30, 20)
    data = make_pdf([[HEADER, *first], [HEADER, *second]])  # the heading row is the first line on both pages
    (table,) = parse_bytes(data, "reply.pdf").tables
    assert table.row_header == "Offence" and table.columns == ("2017", "2018", "Total")
    assert_rows(table, first + second)
