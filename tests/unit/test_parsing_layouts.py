"""Plain-text layouts from forces whose replies are not among the seeds: space-aligned
tables whose labels hold numbers, empty cells, and tables continued after a page break."""
from requests_app.parsing import parse_text


def only_table(text: str):
    tables = parse_text(text).tables
    assert len(tables) == 1
    return tables[0]


def cells(table):
    return [[*r.label, *r.values] for r in table.rows]


def test_a_label_with_numbers_in_it_is_one_cell():
    table = only_table(
        "Age group            2021   2022   2023\n"
        "Aged 10 to 17           5      6      7\n"
        "Aged 18 to 24          12     14      9\n"
        "Total                  17     20     16\n")
    assert table.row_header == "Age group" and table.columns == ("2021", "2022", "2023")
    assert cells(table) == [["Aged 10 to 17", 5, 6, 7], ["Aged 18 to 24", 12, 14, 9], ["Total", 17, 20, 16]]
    assert table.totals_consistent is True


def test_a_single_spaced_row_in_an_aligned_table_keeps_its_label():
    table = only_table(
        "Age group            2021   2022   2023\n"
        "Aged 10 to 17 5 6 7\n"
        "Aged 18 to 24          12     14      9\n"
        "Total                  17     20     16\n")
    assert cells(table) == [["Aged 10 to 17", 5, 6, 7], ["Aged 18 to 24", 12, 14, 9], ["Total", 17, 20, 16]]


def test_financial_years_and_single_spaced_figures():
    table = only_table(
        "Age group         2021/22  2022/23\n"
        "Aged 10 to 17           5        6\n"
        "18 - 24 years           7 8\n"
        "Aged 65 and over        3        4\n"
        "Total                  15       18\n")
    assert table.columns == ("2021/22", "2022/23")
    assert cells(table) == [["Aged 10 to 17", 5, 6], ["18 - 24 years", 7, 8], ["Aged 65 and over", 3, 4],
                            ["Total", 15, 18]]
    assert table.totals_consistent is True


def test_months_and_categories_as_headings():
    table = only_table(
        "Category                 Jan   Feb   Mar\n"
        "Section 1 Theft Act        1     2     3\n"
        "Section 18 GBH             4     5     6\n"
        "Total                      5     7     9\n")
    assert table.columns == ("Jan", "Feb", "Mar")
    assert cells(table) == [["Section 1 Theft Act", 1, 2, 3], ["Section 18 GBH", 4, 5, 6], ["Total", 5, 7, 9]]


def test_an_empty_cell_keeps_the_figures_under_their_headings():
    table = only_table(
        "                     2021   2022   2023\n"
        "Aged 10 to 17           5      6      7\n"
        "Aged 18 to 24          12             9\n"
        "Total                  17      6     16\n")
    assert table.row_header is None and table.columns == ("2021", "2022", "2023")
    assert cells(table) == [["Aged 10 to 17", 5, 6, 7], ["Aged 18 to 24", 12, None, 9], ["Total", 17, 6, 16]]
    assert table.totals_consistent is True


def test_a_header_of_years_repeated_after_a_page_break_is_not_a_row():
    table = only_table(
        "Offences recorded\n\n"
        "Offence        2019   2020\n"
        "Burglary         10     12\n"
        "Theft             4      5\n"
        "\nPage 2 of 3\nOFFICIAL\n\n"
        "Offence   2019   2020\n"
        "Robbery           3      4\n"
        "Total            17     21\n")
    assert table.columns == ("2019", "2020")
    assert cells(table) == [["Burglary", 10, 12], ["Theft", 4, 5], ["Robbery", 3, 4], ["Total", 17, 21]]
    assert table.totals_consistent is True


def test_a_header_of_years_repeated_in_a_tab_separated_table_is_not_a_row():
    table = only_table("Offence\t2019\t2020\nBurglary\t10\t12\n\nPage 2\n\nOffence\t2019\t2020\nTotal\t10\t12\n")
    assert cells(table) == [["Burglary", 10, 12], ["Total", 10, 12]]


def test_a_label_that_is_a_number_stays_a_label():
    table = only_table("Age   2021   2022\n13       1      2\n14       3      4\nTotal    4      6\n")
    assert cells(table) == [["13", 1, 2], ["14", 3, 4], ["Total", 4, 6]]
    tabbed = only_table("Age\t2021\t2022\n13\t1\t2\n14\t3\t4\nTotal\t4\t6\n")
    assert cells(tabbed) == cells(table)


def test_a_table_without_a_header_is_unchanged():
    table = only_table("Burglary   10   12\nTheft       4    5\nBurglary   10   12\n")
    assert cells(table) == [["Burglary", 10, 12], ["Theft", 4, 5], ["Burglary", 10, 12]]


def test_single_spaced_rows_without_alignment_still_read():
    table = only_table("Harassment 149 133 282\nStalking 10 20 30\n")
    assert cells(table) == [["Harassment", 149, 133, 282], ["Stalking", 10, 20, 30]]
