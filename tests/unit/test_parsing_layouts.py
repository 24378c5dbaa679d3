"""Plain-text layouts from forces whose replies are not among the seeds: space-aligned
tables whose labels hold numbers, empty cells, and tables continued after a page break."""
import pytest

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


# Headers over two or three lines, read by character position (each heading goes to the
# column it stands over), as forces print them when a heading is wider than its figures.

def test_a_two_line_header_is_joined_column_by_column():
    table = only_table(
        "Crime type                 Number of       Number of        Percentage\n"
        "                           offences        arrests          arrested\n"
        "Burglary                   1,234           123              10.0%\n"
        "Robbery                    567             89               15.7%\n"
        "Total                      1,801           212              11.8%\n")
    assert table.row_header == "Crime type"
    assert table.columns == ("Number of offences", "Number of arrests", "Percentage arrested")
    assert cells(table) == [["Burglary", 1234, 123, 10.0], ["Robbery", 567, 89, 15.7], ["Total", 1801, 212, 11.8]]
    assert table.totals_consistent is True  # the percentage column is not added up


def test_financial_years_split_over_two_lines_with_no_label_heading():
    table = only_table(
        "                   April 2019 -   April 2020 -   April 2021 -\n"
        "                   March 2020     March 2021     March 2022\n"
        "Stop and search    1,200          1,100          1,300\n"
        "Arrests            300            250            280\n")
    assert table.row_header is None
    assert table.columns == ("April 2019 - March 2020", "April 2020 - March 2021", "April 2021 - March 2022")
    assert cells(table) == [["Stop and search", 1200, 1100, 1300], ["Arrests", 300, 250, 280]]


def test_a_heading_over_two_columns_heads_each_of_them():
    table = only_table(
        "                        Under 18        18 and over\n"
        "Offence               Male   Female   Male   Female\n"
        "Burglary                 1        2      3        4\n"
        "Robbery                  5        6      7        8\n")
    assert table.row_header == "Offence"
    assert table.columns == ("Under 18 Male", "Under 18 Female", "18 and over Male", "18 and over Female")
    assert cells(table) == [["Burglary", 1, 2, 3, 4], ["Robbery", 5, 6, 7, 8]]


def test_a_three_line_header_and_a_label_heading_over_two_lines():
    table = only_table(
        "                     Number of      Number of      Proportion\n"
        "Financial            stop and       arrests        arrested\n"
        "year                 searches       made           (%)\n"
        "2019/20              1,000          150            15.0\n"
        "2020/21              1,200          180            15.0\n"
        "Total                2,200          330            15.0\n")
    assert table.row_header == "Financial year"
    assert table.columns == ("Number of stop and searches", "Number of arrests made", "Proportion arrested (%)")
    assert cells(table) == [["2019/20", 1000, 150, 15.0], ["2020/21", 1200, 180, 15.0], ["Total", 2200, 330, 15.0]]
    assert table.totals_consistent is True


def test_a_two_line_header_printed_again_after_a_page_break_is_not_rows():
    table = only_table(
        "Crime type                 Number of       Number of\n"
        "                           offences        arrests\n"
        "Burglary                   1,234           123\n"
        "Robbery                    567             89\n"
        "\nPage 1 of 2\nOFFICIAL\n\n"
        "Crime type                 Number of       Number of\n"
        "                           offences        arrests\n"
        "Theft                      100             10\n"
        "Total                      1,901           222\n")
    assert table.columns == ("Number of offences", "Number of arrests")
    assert cells(table) == [["Burglary", 1234, 123], ["Robbery", 567, 89], ["Theft", 100, 10], ["Total", 1901, 222]]
    assert table.totals_consistent is True


def test_a_stated_total_that_is_off_is_still_found_under_a_two_line_header():
    table = only_table(
        "                     Number of     Number of\n"
        "Year                 arrests       charges\n"
        "2019                 120           45\n"
        "2020                 130           50\n"
        "Total                250           96\n")
    assert table.columns == ("Number of arrests", "Number of charges")
    assert table.totals_consistent is False
    assert table.warnings == ("row 'Total', column 'Number of charges': stated 96, sum 95",)


# Figures listed one to a line after their label, as many replies answer a question.

def test_a_list_of_years_and_figures_is_a_table_of_one_column():
    parsed = parse_text(
        "Question 1: How many officers were dismissed in each year?\n\n"
        "2019: 12\n2020: 15\n2021: 9\nTotal: 36\n\n"
        "Yours sincerely\n")
    table, = parsed.tables
    assert table.question == "1" and table.columns == ("",)
    assert cells(table) == [["2019", 12], ["2020", 15], ["2021", 9], ["Total", 36]]
    assert table.totals_consistent is True


def test_a_dashed_list_with_a_wrong_total_is_reported():
    table = only_table("Burglary - 10\nRobbery - 4\nTheft - 1,200\nTotal - 1,215\n")
    assert cells(table) == [["Burglary", 10], ["Robbery", 4], ["Theft", 1200], ["Total", 1215]]
    assert table.totals_consistent is False
    assert table.warnings == ("row 'Total', column '': stated 1215, sum 1214",)


def test_a_letters_particulars_are_not_a_list():
    parsed = parse_text("Our Ref: 12345\nDate: 12.03.2019\nTel: 01234 567890\nPage: 2\n\n"
                        "Q1: 5\nQ2: 7\n\nThe total was 5.\n")
    assert parsed.tables == ()
    assert parsed.facts.reference == "12345"


def test_one_listed_figure_alone_is_prose():
    parsed = parse_text("We received 41 complaints.\nTotal: 41\n\nYours sincerely\n")
    assert parsed.tables == ()
    assert "Total: 41" in parsed.text  # kept as printed for the facts and for search


@pytest.mark.parametrize("marking", ["OFFICIAL - SENSITIVE", "OFFICIAL – SENSITIVE", "OFFICIAL: PUBLIC",
                                     "Official Sensitive", "NOT  PROTECTIVELY  MARKED"])
def test_any_spelling_of_a_protective_marking_is_furniture_inside_a_table(marking):
    table = only_table(
        "Station area       2022    2023\n"
        "Canterbury         120     130\n"
        "Dover              98      101\n"
        f"\n{marking}\nPage 2 of 3\n\n"
        "Maidstone          143     151\n"
        "Total              361     382\n")
    assert table.columns == ("2022", "2023")
    assert cells(table) == [["Canterbury", 120, 130], ["Dover", 98, 101], ["Maidstone", 143, 151], ["Total", 361, 382]]
    assert table.totals_consistent is True


def test_a_listed_figure_beside_a_table_stays_out_of_it():
    text = ("Total: 12\nOffence   Male   Female\nBurglary  5  6\nTheft  7  8\nNote: 3\n\n"
            "Number of pages: 3\nNumber of annexes: 2\n\nHours estimated: 18\nHourly rate: 25\nTotal: 450\n")
    table = only_table(text)
    assert table.columns == ("Male", "Female")
    assert cells(table) == [["Burglary", 5, 6], ["Theft", 7, 8]]


# A header of years above a wrapped label or a group heading, and tables with two label columns.

def test_a_header_of_years_above_a_wrapped_label_stays_the_header():
    table = only_table(
        "Offence\t2022\t2023\n"
        "Sending letters etc. with intent to cause\t\t\n"
        "distress or anxiety\t45\t52\n"
        "Harassment\t88\t90\n"
        "Total\t133\t142\n")
    assert table.row_header == "Offence" and table.columns == ("2022", "2023")
    assert cells(table) == [["Sending letters etc. with intent to cause distress or anxiety", 45, 52],
                            ["Harassment", 88, 90], ["Total", 133, 142]]
    assert table.totals_consistent is True and table.warnings == ()


def test_a_header_of_years_above_a_group_heading_stays_the_header():
    table = only_table("Offence\t2022\t2023\nVIOLENCE\t\t\nAssault\t10\t12\nWounding\t3\t4\n")
    assert table.columns == ("2022", "2023")
    assert cells(table) == [["VIOLENCE", "Assault", 10, 12], ["VIOLENCE", "Wounding", 3, 4]]


def test_two_rows_of_years_the_first_is_data():
    table = only_table("Birth year\tFirst\tSecond\nCohort A\t2019\t2020\nCohort B\t2021\t2022\n")
    assert table.columns == ("First", "Second")
    assert cells(table) == [["Cohort A", 2019, 2020], ["Cohort B", 2021, 2022]]


def test_two_label_columns_with_the_group_printed_once():
    table = only_table(
        "Outcome\tOffence\t2023\t2024\n"
        "Charged\tBurglary\t12\t15\n"
        "\tRobbery\t8\t6\n"
        "Cautioned\tBurglary\t3\t1\n"
        "\tRobbery\t1\t1\n"
        "Total\t\t24\t23\n")
    assert table.row_header == "Outcome / Offence" and table.columns == ("2023", "2024")
    assert cells(table) == [["Charged", "Burglary", 12, 15], ["Charged", "Robbery", 8, 6],
                            ["Cautioned", "Burglary", 3, 1], ["Cautioned", "Robbery", 1, 1], ["Total", 24, 23]]
    assert table.rows[-1].total is True and table.totals_consistent is True


def test_two_label_columns_in_a_csv_with_the_group_on_every_row():
    from requests_app.parsing import parse_bytes

    data = b"Area,Station,Arrests,Stops\nNorth,Alpha,5,40\nNorth,Beta,2,31\nSouth,Gamma,7,12\n"
    table, = parse_bytes(data, "stations.csv").tables
    assert table.columns == ("Arrests", "Stops")
    assert cells(table) == [["North", "Alpha", 5, 40], ["North", "Beta", 2, 31], ["South", "Gamma", 7, 12]]


# Rows set in under their group: the nesting the layout shows, each group's figures checked.

NESTED_BY_INDENT = (
    "Outcome / Offence                          2022      2023     Total\n"
    "Charged/Summonsed                           145       160       305\n"
    "    Assault occasioning ABH                  90        98       188\n"
    "    Common assault                           55        62       117\n"
    "Caution                                      30        22        52\n"
    "    Assault occasioning ABH                  21        15        36\n"
    "    Controlling or coercive behaviour         9         7        16\n"
    "Total                                       175       182       357\n")


def test_rows_set_in_under_their_group_get_label_paths():
    table = only_table(NESTED_BY_INDENT)
    assert table.row_header == "Outcome / Offence" and table.columns == ("2022", "2023", "Total")
    assert [r.label for r in table.rows] == [
        ("Charged/Summonsed",), ("Charged/Summonsed", "Assault occasioning ABH"), ("Charged/Summonsed", "Common assault"),
        ("Caution",), ("Caution", "Assault occasioning ABH"), ("Caution", "Controlling or coercive behaviour"),
        ("Total",)]
    assert table.totals_consistent is True and table.warnings == ()


def test_a_group_whose_rows_do_not_add_up_is_named():
    text = NESTED_BY_INDENT.replace("Caution                                      30        22        52",
                                    "Caution                                      31        22        53")
    text = text.replace("Total                                       175       182       357",
                        "Total                                       176       182       358")
    table = only_table(text)
    assert table.rows[3].label == ("Caution",) and table.rows[4].label == ("Caution", "Assault occasioning ABH")
    assert table.totals_consistent is False
    assert table.warnings == ("row 'Caution', column '2022': stated 31, sum of the rows under it 30",
                              "row 'Caution', column 'Total': stated 53, sum of the rows under it 52")


def test_labels_all_at_one_indent_stay_flat():
    table = only_table("   Offence        2022   2023\n   Burglary         10     12\n   Theft             4      5\n")
    assert [r.label for r in table.rows] == [("Burglary",), ("Theft",)]
