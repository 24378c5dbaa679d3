"""Letters drafted from a reply, and chart geometry: pure functions, no database."""
from datetime import date

from requests_app import charts, letters

FACTS = letters.LetterFacts(
    authority="Kent Police", title="Taser use 2023", regime="foia", sent=date(2024, 1, 8), due=date(2024, 2, 5),
    reply_date=date(2024, 2, 19), reference="FOI/24/0099", exemptions=("s40(2)", "s31(1)(a)", "s99"),
    outcome="partial", late_days=10, warnings=("row 'Total', column '2023': stated 30, sum of the rows 29",),
    requester="Sam Reporter")


def test_review_grounds_name_each_exemption_the_delay_and_the_bad_total():
    grounds = letters.review_grounds(FACTS)
    assert grounds[0].startswith("You relied on s40(2). I ask you to reconsider personal data")
    assert "law enforcement" in grounds[1] and "public interest" in grounds[1]
    assert "please explain how the exemption is engaged" in grounds[2]  # an unknown provision: generic ground
    assert grounds[3] == "The response came 10 working days after the statutory deadline of 5 February 2024 (s.10(1))."
    assert "stated 30, sum of the rows 29" in grounds[4] and len(grounds) == 5


def test_review_letter_for_foia_and_complaint_for_foisa():
    letter = letters.review_letter(FACTS)
    assert letter.startswith("Dear Kent Police Freedom of Information team,")
    assert "Internal review: Taser use 2023 (your reference FOI/24/0099)" in letter
    assert "your response of 19 February 2024" in letter and "Freedom of Information Act 2000" in letter
    assert letter.rstrip().endswith("Sam Reporter")
    scottish = letters.LetterFacts(**{**FACTS.__dict__, "regime": "foisa", "authority": "Police Scotland"})
    complaint = letters.complaint_letter(scottish, review_requested=date(2024, 3, 1), review_answered=None)
    assert complaint.startswith("Dear Scottish Information Commissioner,")
    assert "section 47(1)" in complaint and "- Internal review outcome: none received" in complaint


def test_not_held_and_ncnd_get_their_own_grounds():
    bare = letters.LetterFacts(**{**FACTS.__dict__, "exemptions": (), "late_days": 0, "warnings": (), "outcome": "not_held"})
    assert letters.review_grounds(bare) == [letters.review_grounds(bare)[0]]
    assert "describe the searches" in letters.review_grounds(bare)[0]
    ncnd = letters.LetterFacts(**{**bare.__dict__, "outcome": "ncnd"})
    assert "neither confirmed nor denied" in letters.review_grounds(ncnd)[0]


def test_bar_chart_scales_to_the_largest_value_and_skips_non_numbers():
    chart = charts.bar_chart([("Kent", 40), ("Essex", 10), ("Suffolk", "<5"), ("Norfolk", None), ("x" * 50, 20)],
                             title="Total")
    assert [b.label for b in chart.bars] == ["Kent", "Essex", "x" * 33 + "…"]
    assert chart.bars[0].width == chart.plot_w and chart.bars[1].width == chart.plot_w / 4
    assert chart.height == 20 + 3 * (charts.ROW_H + charts.GAP)
    assert charts.bar_chart([], title="none").bars == []
