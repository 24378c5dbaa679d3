"""Replies in layouts from forces outside the seeds (a fourth probe of 19 hand-checked letters):
bare question numbers between tables, two-column letterheads, "Sub-total" rows, figures with
their share beside them, wrapped labels, e-mails pasted as text and provisions only described."""
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
