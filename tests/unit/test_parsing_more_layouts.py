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
