from pathlib import Path

import pytest

from requests_app.questions import question_number, split_questions

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


@pytest.mark.parametrize("text, expected", [
    ("1: How many?\n2: Which ones?", [("1", "How many?"), ("2", "Which ones?")]),
    ("Q1 How many officers?\nQ2: How many staff?", [("1", "How many officers?"), ("2", "How many staff?")]),
    ("Question 1 - Budget\nQuestion 2a) Spend", [("1", "Budget"), ("2a", "Spend")]),
    ("1. First\n2) Second", [("1", "First"), ("2", "Second")]),
    ("- **1:** Bold bullet\n- **2:** Another", [("1", "Bold bullet"), ("2", "Another")]),
    # a wrapped question keeps its continuation line; prose after a blank line is not a question
    ("1: How many incidents\nper year?\n\nThank you.", [("1", "How many incidents per year?")]),
    ("Please send me your policy on drones.", []),
    ("1.5 million pounds was spent", []),
    # parts of a question numbered in brackets, as many requests number them: "3(b)" is the spec's "3b"
    ("Question 3(a) Stops\nQuestion 3(b) Searches\nQ4 (c): Arrests\n5(d) Charges",
     [("3a", "Stops"), ("3b", "Searches"), ("4c", "Arrests"), ("5d", "Charges")]),
])
def test_split_questions(text, expected):
    assert [(q["number"], q["text"]) for q in split_questions(text)] == expected


@pytest.mark.skipif(not SEEDS.exists(), reason="shared/seeds not beside the checkout")
def test_seven_questions_in_the_bedfordshire_seed():
    questions = split_questions((SEEDS / "000_fef98b583e431863.txt").read_text())
    assert [q["number"] for q in questions] == ["1", "2", "3", "4", "5", "6", "7"]
    assert questions[6]["text"].startswith("The number of cyberstalking cases that resulted in a guilty verdict")
    assert not questions[0]["text"].endswith("*")



@pytest.mark.parametrize("line, number", [("Request 2", "2"), ("Part 3", "3"), ("1.", "1"), ("2)", "2"), ("3:", "3"),
                                          ("**Q4**", "4"), ("Question 5", "5"), ("12", None), ("Request 2 was received", None), ("Request 1: Calls to 101", "1"),
                                          ("2019", None), ("Question 3(b)", "3b"), ("1(a)", "1a"), ("Part 2 (c)", "2c")])
def test_a_heading_that_is_only_the_number(line, number):
    assert question_number(line) == number
