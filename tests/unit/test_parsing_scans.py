"""The fast scans of parse_text find what the plain searches find (issue 4, third round)."""
import gc

import pytest

from requests_app.parsing import facts_dates, parse_text, scan
from requests_app.parsing.facts import _CITE_START


@pytest.mark.parametrize("text, found", [
    ("Received 31-SEP-2019 and 29/02/2019.", ["31-SEP-2019", "29/02/2019"]),
    ("on 2019-02-30 (ISO)", ["2019-02-30"]),
    ("the 31st day of June 2019", ["31st day of June 2019"]),
    ("June 31, 2019", ["June 31, 2019"]),
    ("30 of\n  Feb 2019", ["30 of\n  Feb 2019"]),  # a date's spaces may hold a line break
    ("x31 June 2019", []),  # a figure inside a word is no date
    ("\u0663\u0661 June 2019", ["\u0663\u0661 June 2019"]),  # digits other than ASCII, as \d takes them
    ("31 \u017fep 2019", ["31 \u017fep 2019"]),  # a long s, as re.IGNORECASE reads it
    ("see 12.31.2019 and 1/2/3", ["12.31.2019"]),
])
def test_invalid_dates_found_wherever_they_begin(text, found):
    warnings = facts_dates.invalid_date_warnings(text, scan.fold(text))
    assert warnings == [f"unreadable date '{raw}' ignored" for raw in found]


def test_date_starts_hold_every_date_start():
    text = "Dated 1st May 2019, 12 day of June, 3-Jul-19, 2019-07-04, 05/08/2019 and May 6"
    starts = facts_dates._date_starts(scan.fold(text))
    assert {m.start() for m in facts_dates.DATE.finditer(text)} <= starts


@pytest.mark.parametrize("text", ["s40", "under s. 40", "section 40(2)", "ss.30", "regulation 12", "reg 13",
                                  "as 40", "_s 40", "is 40", "sections\n 21", "1s 2"])
def test_citation_places_as_at_a_word_boundary(text):
    import re

    plain = re.compile(r"\b(?:s(?:ections?|ecs?\.?|s?\.)?|reg(?:ulations?|s?\.?))\s*\d")
    assert [m.span() for m in _CITE_START.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("enabled", [True, False])
def test_parse_text_leaves_the_collector_as_it_found_it(enabled):
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        parse_text("Offence\t2018\t2019\nHarassment\t3\t4\nStalking\t1\t2\n")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_parse_text_hands_its_reply_to_the_oldest_generation():
    was = gc.isenabled()
    try:
        gc.enable()
        gc.collect()
        reply = parse_text("Offence\t2018\t2019\nHarassment\t3\t4\nStalking\t1\t2\n")
        young = {id(o) for o in gc.get_objects(0)} | {id(o) for o in gc.get_objects(1)}
        assert id(reply.tables[0]) not in young and id(reply.tables[0].rows[0]) not in young
        assert any(o is reply.tables[0] for o in gc.get_objects(2))
        assert gc.get_freeze_count() == 0  # nothing is left frozen
    finally:
        gc.enable() if was else gc.disable()


def test_parse_text_leaves_frozen_objects_frozen():
    """A pre-fork server freezes its start-up objects; parse_text must not unfreeze them."""
    was = gc.isenabled()
    gc.enable()
    start_up = [[]]  # a tracked object, frozen with the rest
    gc.freeze()
    try:
        parse_text("Offence\t2018\t2019\nHarassment\t3\t4\nStalking\t1\t2\n")
        assert gc.get_freeze_count() > 0
        assert not any(o is start_up for o in gc.get_objects())  # still frozen: in no generation
    finally:
        gc.unfreeze()
        gc.enable() if was else gc.disable()


@pytest.mark.parametrize("text, exemptions", [
    ("Intro words. Section 21 Website Link\n", ()),  # not relied on, and opens no heading line
    ("Section 21 Website Link\n", ("s21",)),  # a heading line
    # The same sentence twice: read once, but whether it opens a heading is asked per place.
    ("Intro words. Section 21 Website Link\n\nSection 21 Website Link\n", ("s21",)),
])
def test_repeated_sentence_heading_decided_per_place(text, exemptions):
    assert parse_text(text).facts.exemptions == exemptions


def test_a_replys_text_is_folded_once_for_own_part_and_the_facts():
    text = "Dear Sir,\nOur ref: FOI/1. Section 40(2) applies.\nİ\n" * 50
    first = scan.fold(text)
    assert scan.fold(text) is first  # the second ask is the first answer
    assert len(first) == len(text) and first.startswith("dear sir")  # offset for offset ("İ" stays one character)
