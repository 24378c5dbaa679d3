"""Independent checks of the working-day arithmetic in requests_app.deadlines.

Every expected date below was worked out by hand from the law (FOIA 2000 s.10(1)/(6),
FOISA 2002 s.10/s.73, see shared/spec/foi-rules.md) and the published UK bank holiday
dates (gov.uk/bank-holidays and the Banking and Financial Dealings Act 1971 proclamations),
counting day by day with the receipt date as day 0. None of them is computed with the
engine or with the `holidays` package, so these tests are not circular.

Regimes: foia/eir exclude weekends, Christmas Day, Good Friday and a bank holiday in
*any* part of the UK; foisa/eisr exclude weekends, Christmas Day and Scottish bank
holidays only (so Easter Monday, the late-August Monday, St Patrick's Day and 12 July
are working days in Scotland).
"""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from requests_app.deadlines import (
    RequestFacts,
    add_working_days,
    compute_deadlines,
    is_working_day,
    response_due,
    working_days_between,
)

D = date
ALL_REGIMES = ("foia", "eir", "foisa", "eisr")
SCOTTISH = ("foisa", "eisr")


# ---------------------------------------------------------------------------
# Hand-written bank holiday table, 2018-2026 (gov.uk/bank-holidays).
# E = England & Wales, S = Scotland, N = Northern Ireland.  Every entry is a weekday:
# substitute days are listed instead of the weekend date they replace.
# ---------------------------------------------------------------------------
BANK_HOLIDAYS = {
    2018: [("01-01", "ESN"), ("01-02", "S"), ("03-19", "N"),  # St Patrick's (17th a Sat)
           ("03-30", "ESN"), ("04-02", "EN"), ("05-07", "ESN"), ("05-28", "ESN"),
           ("07-12", "N"), ("08-06", "S"), ("08-27", "EN"), ("11-30", "S"),
           ("12-25", "ESN"), ("12-26", "ESN")],
    2019: [("01-01", "ESN"), ("01-02", "S"), ("03-18", "N"),  # St Patrick's (17th a Sun)
           ("04-19", "ESN"), ("04-22", "EN"), ("05-06", "ESN"), ("05-27", "ESN"),
           ("07-12", "N"), ("08-05", "S"), ("08-26", "EN"),
           ("12-02", "S"),  # St Andrew's Day substitute (30 Nov a Sat)
           ("12-25", "ESN"), ("12-26", "ESN")],
    2020: [("01-01", "ESN"), ("01-02", "S"), ("03-17", "N"), ("04-10", "ESN"),
           ("04-13", "EN"),
           ("05-08", "ESN"),  # early May holiday moved to VE Day (4 May a working day)
           ("05-25", "ESN"),
           ("07-13", "N"),  # 12 July a Sun
           ("08-03", "S"), ("08-31", "EN"), ("11-30", "S"),
           ("12-25", "ESN"), ("12-28", "ESN")],  # Boxing Day a Sat
    2021: [("01-01", "ESN"), ("01-04", "S"),  # 2 January a Sat
           ("03-17", "N"), ("04-02", "ESN"), ("04-05", "EN"), ("05-03", "ESN"),
           ("05-31", "ESN"), ("07-12", "N"), ("08-02", "S"), ("08-30", "EN"),
           ("11-30", "S"),
           ("12-27", "ESN"), ("12-28", "ESN")],  # Christmas Sat, Boxing Day Sun
    2022: [("01-03", "ESN"), ("01-04", "S"),  # 1 Jan Sat, 2 Jan Sun
           ("03-17", "N"), ("04-15", "ESN"), ("04-18", "EN"), ("05-02", "ESN"),
           ("06-02", "ESN"), ("06-03", "ESN"),  # spring holiday moved; Platinum Jubilee
           ("07-12", "N"), ("08-01", "S"), ("08-29", "EN"),
           ("09-19", "ESN"),  # State funeral of Queen Elizabeth II
           ("11-30", "S"),
           ("12-26", "ESN"), ("12-27", "ESN")],  # Christmas a Sun
    2023: [("01-02", "ESN"), ("01-03", "S"),  # 1 Jan a Sun
           ("03-17", "N"), ("04-07", "ESN"), ("04-10", "EN"), ("05-01", "ESN"),
           ("05-08", "ESN"),  # Coronation of King Charles III
           ("05-29", "ESN"), ("07-12", "N"), ("08-07", "S"), ("08-28", "EN"),
           ("11-30", "S"), ("12-25", "ESN"), ("12-26", "ESN")],
    2024: [("01-01", "ESN"), ("01-02", "S"), ("03-18", "N"),  # 17 Mar a Sun
           ("03-29", "ESN"), ("04-01", "EN"), ("05-06", "ESN"), ("05-27", "ESN"),
           ("07-12", "N"), ("08-05", "S"), ("08-26", "EN"),
           ("12-02", "S"),  # 30 Nov a Sat
           ("12-25", "ESN"), ("12-26", "ESN")],
    2025: [("01-01", "ESN"), ("01-02", "S"), ("03-17", "N"), ("04-18", "ESN"),
           ("04-21", "EN"), ("05-05", "ESN"), ("05-26", "ESN"),
           ("07-14", "N"),  # 12 July a Sat
           ("08-04", "S"), ("08-25", "EN"),
           ("12-01", "S"),  # 30 Nov a Sun
           ("12-25", "ESN"), ("12-26", "ESN")],
    2026: [("01-01", "ESN"), ("01-02", "S"), ("03-17", "N"), ("04-03", "ESN"),
           ("04-06", "EN"), ("05-04", "ESN"), ("05-25", "ESN"),
           ("06-15", "S"),  # one-off Scottish holiday (World Cup)
           ("07-13", "N"),  # 12 July a Sun
           ("08-03", "S"), ("08-31", "EN"), ("11-30", "S"),
           ("12-25", "ESN"), ("12-28", "ESN")],  # Boxing Day a Sat
}


def _closed_days() -> tuple[set[date], set[date]]:
    uk, scotland = set(), set()
    for year, rows in BANK_HOLIDAYS.items():
        for month_day, where in rows:
            day = date(year, int(month_day[:2]), int(month_day[3:]))
            uk.add(day)
            if "S" in where:
                scotland.add(day)
    return uk, scotland


UK_CLOSED, SCOTLAND_CLOSED = _closed_days()


def test_hand_table_is_sane():
    assert all(d.weekday() < 5 for d in UK_CLOSED)
    assert SCOTLAND_CLOSED < UK_CLOSED


@pytest.mark.parametrize("year", sorted(BANK_HOLIDAYS))
def test_every_day_of_year_matches_hand_table(year):
    """Every day 2018-2026, all four regimes, against the hand-written table."""
    day = date(year, 1, 1)
    wrong = []
    while day.year == year:
        for regime in ALL_REGIMES:
            closed = SCOTLAND_CLOSED if regime in SCOTTISH else UK_CLOSED
            expected = day.weekday() < 5 and day not in closed
            if is_working_day(day, regime) != expected:
                wrong.append((day.isoformat(), day.strftime("%a"), regime, expected))
        day += timedelta(days=1)
    assert wrong == []


# ---------------------------------------------------------------------------
# response_due: the 20th working day after receipt (receipt is day 0)
# ---------------------------------------------------------------------------
RESPONSE_DUE = [
    # --- the spec's worked examples ---
    # 26 Aug 2019 (late-August Monday, England/Wales/NI) skipped
    (D(2019, 8, 19), "foia", D(2019, 9, 17)),
    # ... but a working day in Scotland
    (D(2019, 8, 19), "foisa", D(2019, 9, 16)),
    # 25/26 Dec 2019, 1 Jan 2020 and 2 Jan 2020 (Scotland, so any part of the UK) skipped
    (D(2019, 12, 10), "foia", D(2020, 1, 13)),
    # 2 January is a Scottish holiday, so FOISA gives the same date
    (D(2019, 12, 10), "foisa", D(2020, 1, 13)),
    # St Patrick's Day Mon 17 Mar 2025 (NI): non-working under FOIA only
    (D(2025, 3, 10), "foia", D(2025, 4, 8)),
    (D(2025, 3, 10), "foisa", D(2025, 4, 7)),
    # --- seed letters ---
    # Bedfordshire, received Fri 27 Sep 2019 (no holidays in window), answered 18 Oct
    (D(2019, 9, 27), "foia", D(2019, 10, 25)),
    # Hertfordshire, received Fri 27 Jul 2018: Mon 6 Aug 2018 (first Monday of August,
    # Scotland) and Mon 27 Aug 2018 (England) are both non-working under FOIA
    (D(2018, 7, 27), "foia", D(2018, 8, 28)),
    # ... under FOISA 6 Aug is skipped but 27 Aug is a working day (and the due date)
    (D(2018, 7, 27), "foisa", D(2018, 8, 27)),
    # --- St Andrew's Day (Scotland: non-working under both) ---
    # Mon 30 Nov 2026 in the window
    (D(2026, 11, 16), "foia", D(2026, 12, 15)),
    (D(2026, 11, 16), "foisa", D(2026, 12, 15)),
    # Mon 30 Nov 2026 would itself be day 20: pushed to Tue 1 Dec
    (D(2026, 11, 2), "foia", D(2026, 12, 1)),
    (D(2026, 11, 2), "foisa", D(2026, 12, 1)),
    # substitute Mon 1 Dec 2025 (30 Nov 2025 a Sunday)
    (D(2025, 11, 17), "foia", D(2025, 12, 16)),
    (D(2025, 11, 17), "eisr", D(2025, 12, 16)),
    # substitute Mon 2 Dec 2024 (30 Nov 2024 a Saturday)
    (D(2024, 11, 18), "foia", D(2024, 12, 17)),
    (D(2024, 11, 18), "foisa", D(2024, 12, 17)),
    # --- 2 January (Scotland) and Christmas/Boxing Day substitutes ---
    # 25, 26 Dec 2025, 1 Jan and Fri 2 Jan 2026 all skipped
    (D(2025, 12, 12), "foia", D(2026, 1, 15)),
    (D(2025, 12, 12), "foisa", D(2026, 1, 15)),
    # Boxing Day 2020 a Sat -> Mon 28 Dec; 2 Jan 2021 a Sat -> Mon 4 Jan (Scotland)
    (D(2020, 12, 14), "foia", D(2021, 1, 15)),
    (D(2020, 12, 14), "foisa", D(2021, 1, 15)),
    # Christmas 2021 Sat/Boxing Day Sun -> 27, 28 Dec; 1 Jan 2022 Sat -> Mon 3 Jan,
    # 2 Jan Sun -> Tue 4 Jan (Scotland)
    (D(2021, 12, 13), "foia", D(2022, 1, 14)),
    (D(2021, 12, 13), "foisa", D(2022, 1, 14)),
    # Christmas 2022 a Sun -> Tue 27 Dec; 1 Jan 2023 a Sun -> Mon 2 Jan, Tue 3 Jan (Scotland)
    (D(2022, 12, 12), "foia", D(2023, 1, 13)),
    (D(2022, 12, 12), "eisr", D(2023, 1, 13)),
    # --- Northern Ireland only: working days under FOISA ---
    # St Patrick's Day Tue 17 Mar 2026
    (D(2026, 3, 2), "foia", D(2026, 3, 31)),
    (D(2026, 3, 2), "foisa", D(2026, 3, 30)),
    # St Patrick's Day substitute Mon 18 Mar 2024; Good Friday 29 Mar; Easter Mon 1 Apr
    (D(2024, 3, 4), "foia", D(2024, 4, 4)),
    (D(2024, 3, 4), "foisa", D(2024, 4, 2)),
    # St Patrick's Day substitute Mon 19 Mar 2018; Good Friday 30 Mar; Easter Mon 2 Apr
    (D(2018, 3, 5), "eir", D(2018, 4, 5)),
    (D(2018, 3, 5), "eisr", D(2018, 4, 3)),
    # 12 July 2026 a Sun -> substitute Mon 13 Jul 2026
    (D(2026, 6, 29), "foia", D(2026, 7, 28)),
    (D(2026, 6, 29), "foisa", D(2026, 7, 27)),
    # 12 July 2025 a Sat -> substitute Mon 14 Jul 2025
    (D(2025, 6, 30), "foia", D(2025, 7, 29)),
    (D(2025, 6, 30), "foisa", D(2025, 7, 28)),
    # Wed 12 Jul 2023
    (D(2023, 6, 26), "foia", D(2023, 7, 25)),
    (D(2023, 6, 26), "foisa", D(2023, 7, 24)),
    # --- Easter Monday and the late-August Monday: working days in Scotland ---
    # Good Friday 3 Apr 2026 (both), Easter Monday 6 Apr 2026 (FOIA only)
    (D(2026, 3, 23), "foia", D(2026, 4, 22)),
    (D(2026, 3, 23), "foisa", D(2026, 4, 21)),
    # Good Friday 18 Apr 2025, Easter Monday 21 Apr (FOIA only), early May 5 May 2025
    (D(2025, 4, 7), "foia", D(2025, 5, 8)),
    (D(2025, 4, 7), "foisa", D(2025, 5, 7)),
    # late-August Monday 25 Aug 2025 (FOIA only)
    (D(2025, 8, 11), "foia", D(2025, 9, 9)),
    (D(2025, 8, 11), "foisa", D(2025, 9, 8)),
    # --- first Monday of August: a Scottish holiday, so non-working for both ---
    # Mon 3 Aug 2026
    (D(2026, 7, 20), "foia", D(2026, 8, 18)),
    (D(2026, 7, 20), "foisa", D(2026, 8, 18)),
    # --- one-off holidays ---
    # Fri 8 May 2020 (early May holiday moved to VE Day; Mon 4 May 2020 was a working day)
    (D(2020, 4, 20), "foia", D(2020, 5, 19)),
    (D(2020, 4, 20), "foisa", D(2020, 5, 19)),
    # Thu 2 and Fri 3 Jun 2022 (Mon 30 May 2022 was a working day)
    (D(2022, 5, 23), "foia", D(2022, 6, 22)),
    (D(2022, 5, 23), "foisa", D(2022, 6, 22)),
    # Mon 19 Sep 2022, state funeral
    (D(2022, 9, 5), "foia", D(2022, 10, 4)),
    (D(2022, 9, 5), "foisa", D(2022, 10, 4)),
    # Mon 1 May, Mon 8 May (coronation) and Mon 29 May 2023
    (D(2023, 4, 24), "foia", D(2023, 5, 24)),
    (D(2023, 4, 24), "eisr", D(2023, 5, 24)),
    # Mon 15 Jun 2026: Scotland only, so non-working for an English force too (LTT47)
    (D(2026, 6, 1), "foia", D(2026, 6, 30)),
    (D(2026, 6, 1), "foisa", D(2026, 6, 30)),
    # --- receipt on a non-working day: it is still day 0 (ICO) ---
    # Sat 10 May 2025; Mon 26 May 2025 spring holiday in the window
    (D(2025, 5, 10), "foia", D(2025, 6, 9)),
    # Sun 11 May 2025: same due date as the Saturday
    (D(2025, 5, 11), "foia", D(2025, 6, 9)),
    # received on the spring bank holiday Mon 26 May 2025
    (D(2025, 5, 26), "foia", D(2025, 6, 23)),
    # received on Scottish holiday Mon 4 Aug 2025; 25 Aug non-working under FOIA only
    (D(2025, 8, 4), "foia", D(2025, 9, 2)),
    (D(2025, 8, 4), "foisa", D(2025, 9, 1)),
    # received on Christmas Day 2025 (Thu); Boxing Day, 1 and 2 Jan 2026 skipped
    (D(2025, 12, 25), "foia", D(2026, 1, 27)),
]


@pytest.mark.parametrize("received, regime, due", RESPONSE_DUE)
def test_response_due(received, regime, due):
    assert response_due(received, regime) == due


@pytest.mark.parametrize("received, regime, due", RESPONSE_DUE)
def test_add_working_days_20_and_count_back(received, regime, due):
    assert add_working_days(received, 20, regime) == due
    assert working_days_between(received, due, regime) == 20
    # the day before the due date is still inside the limit
    assert working_days_between(received, due - timedelta(days=1), regime) == 19


def test_response_due_default_regime_is_foia():
    assert response_due(D(2019, 8, 19)) == D(2019, 9, 17)
    assert response_due(D(2025, 3, 10)) == D(2025, 4, 8)


# ---------------------------------------------------------------------------
# Seed letters: the reply dates lie within the limit
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("received, answered, due, exactly", [
    # Bedfordshire: answered exactly on day 20 (26 Aug 2019 skipped)
    (D(2019, 8, 19), D(2019, 9, 17), D(2019, 9, 17), True),
    # Bedfordshire: no holidays in the window, answered on day 15
    (D(2019, 9, 27), D(2019, 10, 18), D(2019, 10, 25), False),
    # Hertfordshire: 6 Aug (Scotland) and 27 Aug 2018 (England) skipped, answered day 19
    (D(2018, 7, 27), D(2018, 8, 24), D(2018, 8, 28), False),
])
def test_seed_letters_within_time(received, answered, due, exactly):
    assert response_due(received, "foia") == due
    assert answered <= due
    assert (answered == due) is exactly


def test_seed_letter_days_taken():
    assert working_days_between(D(2019, 8, 19), D(2019, 9, 17)) == 20
    assert working_days_between(D(2019, 9, 27), D(2019, 10, 18)) == 15
    # Hertfordshire: 19 working days, 6 Aug 2018 (Scotland) not counted
    assert working_days_between(D(2018, 7, 27), D(2018, 8, 24)) == 19
    assert working_days_between(D(2018, 7, 27), D(2018, 8, 24), "foisa") == 19


# ---------------------------------------------------------------------------
# Code of Practice date: one working day later, only for non-working-day receipt
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("received, regime, ico, code", [
    # working day receipt: Code date == ICO date
    (D(2019, 8, 19), "foia", D(2019, 9, 17), D(2019, 9, 17)),
    (D(2025, 3, 10), "foisa", D(2025, 4, 7), D(2025, 4, 7)),
    # Saturday receipt; Code counts from Mon 12 May 2025
    (D(2025, 5, 10), "foia", D(2025, 6, 9), D(2025, 6, 10)),
    # Sunday receipt
    (D(2025, 5, 11), "foia", D(2025, 6, 9), D(2025, 6, 10)),
    (D(2025, 5, 11), "foisa", D(2025, 6, 9), D(2025, 6, 10)),
    # received on the spring bank holiday Mon 26 May 2025
    (D(2025, 5, 26), "foia", D(2025, 6, 23), D(2025, 6, 24)),
    # received on Mon 4 Aug 2025, a Scottish-only holiday: non-working for both regimes
    (D(2025, 8, 4), "foia", D(2025, 9, 2), D(2025, 9, 3)),
    (D(2025, 8, 4), "foisa", D(2025, 9, 1), D(2025, 9, 2)),
    # received on Mon 25 Aug 2025: a holiday in England but a working day in Scotland
    (D(2025, 8, 25), "foia", D(2025, 9, 22), D(2025, 9, 23)),
    (D(2025, 8, 25), "foisa", D(2025, 9, 22), D(2025, 9, 22)),
    # received on Christmas Day 2025
    (D(2025, 12, 25), "foia", D(2026, 1, 27), D(2026, 1, 28)),
])
def test_code_of_practice_date(received, regime, ico, code):
    out = compute_deadlines(RequestFacts(regime=regime, received=received))
    assert out.response_due == ico
    assert out.response_due_code == code


# ---------------------------------------------------------------------------
# is_working_day tables
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("day, foia, foisa", [
    (D(2019, 9, 17), True, True),     # ordinary Tuesday
    (D(2019, 9, 14), False, False),   # Saturday
    (D(2019, 9, 15), False, False),   # Sunday
    (D(2025, 12, 25), False, False),  # Christmas Day
    (D(2021, 12, 25), False, False),  # Christmas Day on a Saturday
    (D(2021, 12, 27), False, False),  # its substitute
    (D(2021, 12, 28), False, False),  # Boxing Day substitute
    (D(2020, 12, 28), False, False),  # Boxing Day 2020 substitute
    (D(2022, 12, 27), False, False),  # Christmas 2022 substitute (Tue)
    (D(2025, 4, 18), False, False),   # Good Friday (a Scottish bank holiday too)
    (D(2025, 4, 21), False, True),    # Easter Monday: not a Scottish bank holiday
    (D(2026, 4, 6), False, True),     # Easter Monday 2026
    (D(2025, 8, 25), False, True),    # late-August Monday: not in Scotland
    (D(2018, 8, 27), False, True),    # late-August Monday 2018 (Hertfordshire window)
    (D(2025, 8, 4), False, False),    # first Monday of August (Scotland)
    (D(2018, 8, 6), False, False),    # first Monday of August 2018 (Scotland)
    (D(2026, 1, 2), False, False),    # 2 January (Scotland)
    (D(2021, 1, 4), False, False),    # 2 January substitute 2021 (Scotland)
    (D(2022, 1, 4), False, False),    # 2 January substitute 2022 (Scotland)
    (D(2023, 1, 3), False, False),    # 2 January substitute 2023 (Scotland)
    (D(2026, 11, 30), False, False),  # St Andrew's Day, a Monday in 2026
    (D(2025, 12, 1), False, False),   # St Andrew's Day substitute 2025
    (D(2024, 12, 2), False, False),   # St Andrew's Day substitute 2024
    (D(2025, 11, 28), True, True),    # the Friday before it is an ordinary day
    (D(2026, 3, 17), False, True),    # St Patrick's Day (NI)
    (D(2024, 3, 18), False, True),    # St Patrick's Day substitute 2024
    (D(2026, 7, 13), False, True),    # 12 July substitute 2026 (NI)
    (D(2025, 7, 14), False, True),    # 12 July substitute 2025 (NI)
    (D(2023, 7, 12), False, True),    # 12 July 2023 (NI)
    (D(2026, 7, 14), True, True),     # the day after the substitute
    (D(2020, 5, 8), False, False),    # VE Day 2020 (moved early May holiday)
    (D(2020, 5, 4), True, True),      # the first Monday of May 2020 was a working day
    (D(2022, 6, 2), False, False),    # spring holiday moved, 2022
    (D(2022, 6, 3), False, False),    # Platinum Jubilee
    (D(2022, 5, 30), True, True),     # last Monday of May 2022 was a working day
    (D(2022, 9, 19), False, False),   # state funeral
    (D(2023, 5, 8), False, False),    # coronation
    (D(2026, 6, 15), False, False),   # Scottish one-off, any part of the UK for FOIA
    # earlier one-offs (1971 Act proclamations)
    (D(1995, 5, 8), False, False),    # VE Day 50th anniversary (early May holiday moved)
    (D(1995, 5, 1), True, True),      # ... so 1 May 1995 was a working day
    (D(1999, 12, 31), False, False),  # Millennium holiday
    (D(2000, 1, 3), False, False),    # New Year's Day 2000 (a Sat) substitute
    (D(2002, 6, 3), False, False),    # Golden Jubilee spring holiday moved
    (D(2002, 6, 4), False, False),    # Golden Jubilee
    (D(2002, 5, 27), True, True),     # last Monday of May 2002 was a working day
    (D(2011, 4, 29), False, False),   # royal wedding
    (D(2012, 6, 4), False, False),    # spring holiday moved
    (D(2012, 6, 5), False, False),    # Diamond Jubilee
    (D(2012, 5, 28), True, True),     # last Monday of May 2012 was a working day
    (D(2006, 11, 30), True, True),    # St Andrew's Day before the 2007 Act
    (D(2007, 11, 30), False, False),  # first St Andrew's Day bank holiday
])
def test_is_working_day(day, foia, foisa):
    assert is_working_day(day) is foia  # default regime is foia
    assert is_working_day(day, "foia") is foia
    assert is_working_day(day, "eir") is foia
    assert is_working_day(day, "foisa") is foisa
    assert is_working_day(day, "eisr") is foisa


def test_office_privilege_days_are_working_days():
    # Christmas Eve and New Year's Eve are not bank holidays (except 31 Dec 1999)
    assert is_working_day(D(2025, 12, 24), "foia")
    assert is_working_day(D(2025, 12, 31), "foia")
    assert is_working_day(D(2024, 12, 24), "foisa")


# ---------------------------------------------------------------------------
# extra: admin-added non-working days
# ---------------------------------------------------------------------------
def test_extra_non_working_day_shifts_due_date():
    received = D(2025, 3, 10)
    assert response_due(received, "foia") == D(2025, 4, 8)
    # an extra closed day (Thu 20 Mar 2025) inside the window adds one working day
    assert response_due(received, "foia", extra={D(2025, 3, 20)}) == D(2025, 4, 9)
    assert response_due(received, "foia", extra=[D(2025, 3, 20)]) == D(2025, 4, 9)
    assert response_due(received, "foia", extra=frozenset({D(2025, 3, 20)})) == D(2025, 4, 9)
    assert add_working_days(received, 20, "foia", extra=(D(2025, 3, 20),)) == D(2025, 4, 9)
    # closing St Patrick's Day in Scotland too makes FOISA match FOIA
    assert response_due(received, "foisa", extra={D(2025, 3, 17)}) == D(2025, 4, 8)
    # an extra day that is the due date itself pushes it to the next working day
    assert response_due(received, "foia", extra={D(2025, 4, 8)}) == D(2025, 4, 9)


def test_extra_day_outside_window_or_on_weekend_changes_nothing():
    received = D(2025, 3, 10)
    assert response_due(received, "foia", extra={D(2025, 3, 22)}) == D(2025, 4, 8)  # Sat
    assert response_due(received, "foia", extra={D(2025, 3, 17)}) == D(2025, 4, 8)  # already closed
    assert response_due(received, "foia", extra={D(2025, 5, 1)}) == D(2025, 4, 8)   # after
    assert response_due(received, "foia", extra={D(2025, 3, 10)}) == D(2025, 4, 8)  # day 0


def test_extra_in_is_working_day_and_between():
    day = D(2025, 3, 20)
    assert is_working_day(day, "foia")
    assert not is_working_day(day, "foia", extra={day})
    assert not is_working_day(day, "eisr", extra={day})
    assert working_days_between(D(2025, 3, 10), D(2025, 4, 8), "foia", extra={day}) == 19


def test_extra_through_request_facts():
    facts = RequestFacts(regime="foia", received=D(2025, 3, 10), extra=frozenset({D(2025, 3, 20)}))
    assert compute_deadlines(facts).response_due == D(2025, 4, 9)


# ---------------------------------------------------------------------------
# Regime names
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("call", [
    lambda r: add_working_days(D(2025, 3, 10), 20, r),
    lambda r: add_working_days(D(2025, 3, 10), 0, r),
    lambda r: add_working_days(D(2025, 3, 10), -3, r),
    lambda r: working_days_between(D(2025, 3, 10), D(2025, 4, 8), r),
    lambda r: is_working_day(D(2025, 3, 10), r),
    lambda r: response_due(D(2025, 3, 10), r),
    lambda r: compute_deadlines(RequestFacts(regime=r, received=D(2025, 3, 10))),
])
@pytest.mark.parametrize("bad", ["FOIA", "scotland", "", "gdpr"])
def test_unknown_regime_raises_value_error_naming_valid_ones(call, bad):
    with pytest.raises(ValueError) as err:
        call(bad)
    message = str(err.value)
    for name in ALL_REGIMES:
        assert name in message


# ---------------------------------------------------------------------------
# add_working_days edge cases: n = 0, negative n, working_days_between
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("start", [
    D(2025, 3, 10),   # Monday
    D(2025, 5, 10),   # Saturday
    D(2025, 12, 25),  # Christmas Day
    D(2025, 8, 25),   # English holiday
])
@pytest.mark.parametrize("regime", ALL_REGIMES)
def test_add_zero_working_days_is_the_start(start, regime):
    assert add_working_days(start, 0, regime) == start
    assert working_days_between(start, start, regime) == 0


@pytest.mark.parametrize("start, n, regime, expected", [
    # counting back: the n-th working day before start
    (D(2019, 9, 17), -20, "foia", D(2019, 8, 19)),    # back over 26 Aug 2019
    (D(2019, 9, 16), -20, "foisa", D(2019, 8, 19)),   # 26 Aug counted in Scotland
    (D(2019, 9, 17), -1, "foia", D(2019, 9, 16)),
    (D(2025, 5, 12), -1, "foia", D(2025, 5, 9)),      # Monday -> Friday
    (D(2025, 5, 10), -1, "foia", D(2025, 5, 9)),      # Saturday -> Friday
    (D(2025, 5, 11), -1, "foia", D(2025, 5, 9)),      # Sunday -> Friday
    (D(2018, 8, 28), -1, "foia", D(2018, 8, 24)),     # over bank holiday Mon 27 Aug 2018
    (D(2018, 8, 28), -1, "foisa", D(2018, 8, 27)),    # a working day in Scotland
    (D(2018, 8, 27), -1, "foia", D(2018, 8, 24)),     # from the holiday itself
    (D(2026, 1, 5), -1, "foia", D(2025, 12, 31)),     # back over 2 Jan and 1 Jan 2026
    (D(2026, 1, 5), -3, "foisa", D(2025, 12, 29)),    # ... and over 25/26 Dec 2025
    (D(2026, 3, 18), -1, "foia", D(2026, 3, 16)),     # over St Patrick's Day
    (D(2026, 3, 18), -1, "foisa", D(2026, 3, 17)),
    # forward, small n
    (D(2025, 5, 9), 1, "foia", D(2025, 5, 12)),       # Friday -> Monday
    (D(2025, 5, 10), 1, "foia", D(2025, 5, 12)),      # Saturday -> Monday
    (D(2018, 8, 24), 1, "foia", D(2018, 8, 28)),      # over Mon 27 Aug 2018
    (D(2018, 8, 24), 1, "foisa", D(2018, 8, 27)),
    (D(2025, 12, 24), 1, "foia", D(2025, 12, 29)),    # over Christmas and Boxing Day
    (D(2025, 12, 31), 1, "foia", D(2026, 1, 5)),      # over 1 and 2 Jan 2026
    (D(2025, 12, 31), 1, "eir", D(2026, 1, 5)),
    (D(2026, 6, 12), 1, "foia", D(2026, 6, 16)),      # over 15 Jun 2026 (Scotland)
])
def test_add_working_days_small_and_negative(start, n, regime, expected):
    assert add_working_days(start, n, regime) == expected


@pytest.mark.parametrize("start, end, regime, count", [
    (D(2019, 8, 19), D(2019, 9, 17), "foia", 20),
    (D(2019, 9, 17), D(2019, 8, 19), "foia", -20),   # end before start: negative
    (D(2025, 5, 9), D(2025, 5, 12), "foia", 1),      # Fri -> Mon
    (D(2025, 5, 10), D(2025, 5, 11), "foia", 0),     # weekend only
    (D(2025, 12, 24), D(2026, 1, 5), "foia", 4),     # 29, 30, 31 Dec, 5 Jan
    (D(2025, 12, 24), D(2026, 1, 5), "foisa", 4),
    (D(2025, 8, 22), D(2025, 8, 26), "foia", 1),     # 25 Aug excluded
    (D(2025, 8, 22), D(2025, 8, 26), "foisa", 2),    # 25 Aug included
    (D(2025, 3, 14), D(2025, 3, 18), "foia", 1),     # St Patrick's Day excluded
    (D(2025, 3, 14), D(2025, 3, 18), "eisr", 2),
])
def test_working_days_between(start, end, regime, count):
    assert working_days_between(start, end, regime) == count


def test_working_days_between_default_regime_is_foia():
    assert working_days_between(D(2025, 8, 22), D(2025, 8, 26)) == 1


# ---------------------------------------------------------------------------
# Properties (hypothesis)
# ---------------------------------------------------------------------------
DATES = st.dates(min_value=date(1995, 1, 1), max_value=date(2060, 12, 31))
DAYS = st.integers(min_value=0, max_value=400)
REGIME = st.sampled_from(ALL_REGIMES)
PROPS = settings(max_examples=200, deadline=None)


@PROPS
@given(DATES, st.integers(min_value=1, max_value=400), REGIME)
def test_prop_result_is_a_working_day(start, n, regime):
    due = add_working_days(start, n, regime)
    assert due > start
    assert is_working_day(due, regime)


@PROPS
@given(DATES, DAYS, REGIME)
def test_prop_between_inverts_add(start, n, regime):
    assert working_days_between(start, add_working_days(start, n, regime), regime) == n


@PROPS
@given(DATES, st.integers(min_value=0, max_value=60), REGIME)
def test_prop_between_counts_working_days(start, span, regime):
    end = start + timedelta(days=span)
    expected = sum(is_working_day(start + timedelta(days=i), regime) for i in range(1, span + 1))
    assert working_days_between(start, end, regime) == expected
    assert working_days_between(end, start, regime) == -expected


@PROPS
@given(DATES, st.integers(min_value=1, max_value=400), REGIME)
def test_prop_nth_day_is_the_first_with_n_days(start, n, regime):
    due = add_working_days(start, n, regime)
    # the day before the due date has only n - 1 working days behind it
    assert working_days_between(start, due - timedelta(days=1), regime) == n - 1


@PROPS
@given(DATES, DATES, DAYS, REGIME)
def test_prop_monotonic_in_start(a, b, n, regime):
    first, second = sorted((a, b))
    assert add_working_days(first, n, regime) <= add_working_days(second, n, regime)


@PROPS
@given(DATES, DAYS, DAYS, REGIME)
def test_prop_monotonic_in_n(start, m, n, regime):
    low, high = sorted((m, n))
    assert add_working_days(start, low, regime) <= add_working_days(start, high, regime)
    if low < high:
        assert add_working_days(start, low, regime) < add_working_days(start, high, regime)


@PROPS
@given(DATES, st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=200), REGIME)
def test_prop_additive_from_a_working_day(start, a, b, regime):
    assume(is_working_day(start, regime))
    assert add_working_days(add_working_days(start, a, regime), b, regime) == add_working_days(start, a + b, regime)


@PROPS
@given(DATES, st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=200), REGIME)
def test_prop_additive_from_any_day(start, a, b, regime):
    # after a > 0 steps we stand on a working day, and a == 0 is the identity
    assert add_working_days(add_working_days(start, a, regime), b, regime) == add_working_days(start, a + b, regime)


@PROPS
@given(DATES, st.integers(min_value=1, max_value=400), REGIME)
def test_prop_negative_undoes_positive_on_working_days(start, n, regime):
    assume(is_working_day(start, regime))
    assert add_working_days(add_working_days(start, n, regime), -n, regime) == start


@PROPS
@given(DATES, st.integers(min_value=1, max_value=400), REGIME)
def test_prop_negative_is_before_and_working(start, n, regime):
    back = add_working_days(start, -n, regime)
    assert back < start
    assert is_working_day(back, regime)
    assert working_days_between(back, start - timedelta(days=1), regime) == n - 1


@PROPS
@given(DATES, DAYS)
def test_prop_eir_is_foia_and_eisr_is_foisa(start, n):
    assert add_working_days(start, n, "eir") == add_working_days(start, n, "foia")
    assert add_working_days(start, n, "eisr") == add_working_days(start, n, "foisa")
    assert is_working_day(start, "eir") == is_working_day(start, "foia")
    assert is_working_day(start, "eisr") == is_working_day(start, "foisa")
    assert response_due(start, "eir") == response_due(start, "foia")
    assert response_due(start, "eisr") == response_due(start, "foisa")


@PROPS
@given(DATES, DAYS)
def test_prop_scottish_holidays_are_uk_holidays(start, n):
    # every FOISA non-working day is a FOIA non-working day (any part of the UK),
    # so a FOIA deadline is never earlier than the FOISA one
    if is_working_day(start, "foia"):
        assert is_working_day(start, "foisa")
    assert add_working_days(start, n, "foia") >= add_working_days(start, n, "foisa")


@PROPS
@given(DATES, DAYS, REGIME, st.sets(DATES, max_size=5))
def test_prop_extra_days_only_delay(start, n, regime, extra):
    with_extra = add_working_days(start, n, regime, extra=extra)
    assert with_extra >= add_working_days(start, n, regime)
    assert not any(with_extra == d for d in extra) or n == 0


@PROPS
@given(DATES, REGIME)
def test_prop_response_due_is_20_working_days_within_5_weeks_and_a_half(received, regime):
    due = response_due(received, regime)
    assert due == add_working_days(received, 20, regime)
    # 20 working days is 4 weeks of weekdays; holidays add at most a fortnight or so
    assert timedelta(days=26) <= due - received <= timedelta(days=40)
    assert due.weekday() < 5
