"""Independent checks of compute_deadlines: the clock changes and the after-response windows.

Every expected date was worked out by hand (day 0 is the day of receipt; the
published UK bank holiday dates; shared/spec/foi-rules.md for which rule applies),
never by calling the engine or the `holidays` package.
"""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from requests_app.deadlines import Deadlines, FeePeriod, RequestFacts, compute_deadlines

D = date


def deadlines(regime="foia", received=D(2019, 8, 19), **kw) -> Deadlines:
    return compute_deadlines(RequestFacts(regime=regime, received=received, **kw))


# ---------------------------------------------------------------------------
# Plain requests
# ---------------------------------------------------------------------------
def test_plain_foia_request():
    # received Mon 19 Aug 2019; 26 Aug 2019 skipped -> Tue 17 Sep 2019
    out = deadlines("foia", D(2019, 8, 19))
    assert out.response_due == D(2019, 9, 17)
    assert out.response_due_code == D(2019, 9, 17)  # working-day receipt
    # very overdue: 20 working days after Tue 17 Sep 2019 (no holidays) -> Tue 15 Oct 2019
    assert out.very_overdue == D(2019, 10, 15)
    # nothing else has happened, so nothing else is due
    assert out.extended_due is None
    assert out.fee_lapses is None
    assert out.review_window_closes is None  # FOIA: no reply, no review window
    assert out.review_response_due is None
    assert out.review_response_due_max is None
    assert out.escalation_opens is None
    assert out.escalation_window_closes is None
    assert out.tribunal_appeal_due is None


def test_plain_foisa_request():
    # 26 Aug 2019 is a working day in Scotland -> Mon 16 Sep 2019
    out = deadlines("foisa", D(2019, 8, 19))
    assert out.response_due == D(2019, 9, 16)
    assert out.response_due_code == D(2019, 9, 16)
    # 20 working days after Mon 16 Sep 2019 -> Mon 14 Oct 2019
    assert out.very_overdue == D(2019, 10, 14)


def test_very_overdue_over_holidays():
    # received Mon 1 Dec 2025 (St Andrew's Day substitute in Scotland, so non-working for
    # FOIA too, but still day 0): 2-5 Dec (4), 8-12 (9), 15-19 (14), 22-24 (17),
    # [25, 26 Dec], 29-31 Dec (20) -> Wed 31 Dec 2025
    out = deadlines("foia", D(2025, 12, 1))
    assert out.response_due == D(2025, 12, 31)
    # Code date: one more working day, over 1 and 2 Jan 2026 -> Mon 5 Jan 2026
    assert out.response_due_code == D(2026, 1, 5)
    # very overdue: [1, 2 Jan], 5-9 Jan (5), 12-16 (10), 19-23 (15), 26-30 Jan (20)
    assert out.very_overdue == D(2026, 1, 30)


# ---------------------------------------------------------------------------
# Clarification (s.1(3); LTT137): the clock restarts from the clarification
# ---------------------------------------------------------------------------
def test_waiting_for_clarification_has_no_response_due():
    out = deadlines("foia", D(2025, 6, 2), clarification_requested=D(2025, 6, 4))
    assert out.response_due is None
    assert out.response_due_code is None
    assert out.very_overdue is None
    assert out.extended_due is None


def test_clarification_restarts_the_clock_foia():
    # clarification received Mon 16 Jun 2025: 17-20 Jun (4), 23-27 (9), 30 Jun-4 Jul (14),
    # 7-11 Jul (19), Mon 14 Jul 2025 is the 12 July substitute (NI) -> Tue 15 Jul 2025
    out = deadlines("foia", D(2025, 6, 2), clarification_requested=D(2025, 6, 4),
                    clarification_received=D(2025, 6, 16))
    assert out.response_due == D(2025, 7, 15)
    assert out.response_due_code == D(2025, 7, 15)
    # very overdue: 16-18 Jul (3), 21-25 (8), 28 Jul-1 Aug (13), [4 Aug Scotland],
    # 5-8 Aug (17), 11-13 Aug (20) -> Wed 13 Aug 2025
    assert out.very_overdue == D(2025, 8, 13)


def test_clarification_restarts_the_clock_foisa():
    # 14 Jul 2025 is a working day in Scotland -> Mon 14 Jul 2025
    out = deadlines("foisa", D(2025, 6, 2), clarification_requested=D(2025, 6, 4),
                    clarification_received=D(2025, 6, 16))
    assert out.response_due == D(2025, 7, 14)


def test_clarification_received_on_a_saturday():
    # Sat 14 Jun 2025 is day 0: 16-20 Jun (5), 23-27 (10), 30 Jun-4 Jul (15), 7-11 Jul (20)
    out = deadlines("foia", D(2025, 6, 2), clarification_requested=D(2025, 6, 4),
                    clarification_received=D(2025, 6, 14))
    assert out.response_due == D(2025, 7, 11)


def test_clarification_received_the_same_day_as_the_request():
    # The requester answers the authority's question on the day of receipt, Mon 2 Jun 2025.
    # The clarification has been received, so the clock runs: 20 working days from
    # Mon 2 Jun 2025 -> 3-6 Jun (4), 9-13 (9), 16-20 (14), 23-27 (19), Mon 30 Jun (20).
    out = deadlines("foia", D(2025, 6, 2), clarification_requested=D(2025, 6, 2),
                    clarification_received=D(2025, 6, 2))
    assert out.response_due == D(2025, 6, 30)


# ---------------------------------------------------------------------------
# Fees (s.9, s.10(2)): working days from the notice to the payment, inclusive,
# are disregarded; unpaid -> lapse three months after the notice
# ---------------------------------------------------------------------------
def test_fee_paid_days_disregarded():
    # received Mon 2 Jun 2025; notice Wed 4 Jun; paid Mon 9 Jun (4, 5, 6, 9 Jun disregarded)
    # counted: 3 Jun (1), 10-13 Jun (5), 16-20 (10), 23-27 (15), 30 Jun-3 Jul (19), Fri 4 Jul (20)
    out = deadlines("foia", D(2025, 6, 2), fees=(FeePeriod(D(2025, 6, 4), D(2025, 6, 9)),))
    assert out.response_due == D(2025, 7, 4)
    assert out.response_due_code == D(2025, 7, 4)
    assert out.fee_lapses is None
    # very overdue from Fri 4 Jul 2025: 7-11 (5), [14 Jul NI], 15-18 (9), 21-25 (14),
    # 28 Jul-1 Aug (19), [4 Aug Scotland], Tue 5 Aug (20)
    assert out.very_overdue == D(2025, 8, 5)


def test_fee_paid_days_disregarded_foisa():
    # same facts under FOISA: 4, 5, 6, 9 Jun disregarded; 14 Jul is after -> Fri 4 Jul 2025
    out = deadlines("foisa", D(2025, 6, 2), fees=(FeePeriod(D(2025, 6, 4), D(2025, 6, 9)),))
    assert out.response_due == D(2025, 7, 4)


def test_fee_period_over_a_bank_holiday():
    # received Tue 20 May 2025; notice Fri 23 May, paid Tue 27 May (Mon 26 May is a bank
    # holiday, not a working day, so 2 working days are disregarded: 23 and 27 May).
    # counted: 21, 22 May (2), 28-30 May (5), 2-6 Jun (10), 9-13 (15), 16-20 Jun (20)
    out = deadlines("foia", D(2025, 5, 20), fees=(FeePeriod(D(2025, 5, 23), D(2025, 5, 27)),))
    assert out.response_due == D(2025, 6, 20)


def test_fee_paid_long_after_the_notice():
    # received Mon 2 Jun 2025; notice on working day 19, Fri 27 Jun; paid Mon 15 Sep 2025.
    # Days 1-18 (3-26 Jun) count; 27 Jun..15 Sep are disregarded whatever holidays fall in
    # them; then Tue 16 Sep is day 19 and Wed 17 Sep 2025 day 20.
    out = deadlines("foia", D(2025, 6, 2), fees=(FeePeriod(D(2025, 6, 27), D(2025, 9, 15)),))
    assert out.response_due == D(2025, 9, 17)
    # very overdue: 18, 19 Sep (2), 22-26 (7), 29 Sep-3 Oct (12), 6-10 (17), 13-15 Oct (20)
    assert out.very_overdue == D(2025, 10, 15)


def test_a_fees_notice_sent_after_the_twentieth_day_moves_nothing():
    # received Wed 16 Sep 2020; 17 Sep..14 Oct are the 20 working days (no holidays), so Wed 14 Oct
    # is due; a notice on Fri 16 Oct paid Wed 21 Oct comes after it: only days among the twenty count.
    out = deadlines("foia", D(2020, 9, 16), fees=(FeePeriod(D(2020, 10, 16), D(2020, 10, 21)),))
    assert out.response_due == D(2020, 10, 14)
    assert "disregarded" not in out.rules["response_due"]
    # received Sat 12 Oct 2019: day 20 is Fri 8 Nov; a notice on Mon 11 Nov changes nothing
    assert deadlines("foia", D(2019, 10, 12), fees=(FeePeriod(D(2019, 11, 11), D(2019, 11, 12)),)
                     ).response_due == D(2019, 11, 8)
    # a notice on day 20 itself (Wed 14 Oct 2020), paid Fri 16 Oct: 14-16 Oct disregarded, Mon 19 Oct
    assert deadlines("foia", D(2020, 9, 16), fees=(FeePeriod(D(2020, 10, 14), D(2020, 10, 16)),)
                     ).response_due == D(2020, 10, 19)


def test_overlapping_fees_notices_disregard_a_day_once():
    # received Mon 10 Mar 2025 (due Tue 8 Apr: St Patrick's Day 17 Mar is a UK bank holiday);
    # notices 12-14 Mar and 13-14 Mar cover 12, 13 and 14 Mar: three days, not five -> Fri 11 Apr
    out = deadlines("foia", D(2025, 3, 10), fees=(FeePeriod(D(2025, 3, 12), D(2025, 3, 14)),
                                                 FeePeriod(D(2025, 3, 13), D(2025, 3, 14))))
    assert out.response_due == D(2025, 4, 11)
    assert "plus 3 working days disregarded" in out.rules["response_due"]


def test_a_clarification_dated_before_the_request_arrived_does_not_move_the_clock():
    assert deadlines("foia", D(2025, 3, 10), clarification_received=D(2025, 2, 1)).response_due == D(2025, 4, 8)


def test_two_paid_fee_periods():
    # received Mon 2 Jun 2025; first notice Wed 4 Jun paid Thu 5 Jun (2 days disregarded),
    # second notice Tue 10 Jun paid Tue 10 Jun (1 day): counted 3 Jun (1), 6 Jun (2),
    # 9 Jun (3), 11-13 Jun (6), 16-20 (11), 23-27 (16), 30 Jun-3 Jul (20) -> Thu 3 Jul
    out = deadlines("foia", D(2025, 6, 2), fees=(
        FeePeriod(D(2025, 6, 4), D(2025, 6, 5)),
        FeePeriod(D(2025, 6, 10), D(2025, 6, 10)),
    ))
    assert out.response_due == D(2025, 7, 3)


def test_fee_notice_on_the_day_of_receipt():
    # s.10(2) disregards working days from the notice to the payment "in calculating ...
    # the twentieth working day following the date of receipt". The day of receipt is
    # day 0 and is not one of those twenty, so disregarding it changes nothing.
    # received Mon 2 Jun 2025, notice the same day, paid Wed 4 Jun: 3 and 4 Jun are
    # disregarded; counted 5, 6 Jun (2), 9-13 (7), 16-20 (12), 23-27 (17),
    # 30 Jun-2 Jul (20) -> Wed 2 Jul 2025.
    out = deadlines("foia", D(2025, 6, 2), fees=(FeePeriod(D(2025, 6, 2), D(2025, 6, 4)),))
    assert out.response_due == D(2025, 7, 2)


def test_fee_period_before_a_clarification_restart():
    # received Mon 2 Jun 2025; fee notice Wed 4 Jun, paid Mon 9 Jun; then clarification
    # requested Tue 10 Jun and received Mon 16 Jun 2025. The new 20 working days run from
    # 16 Jun (s.10(6)(b) makes that the "date of receipt"), and the fee days all lie before
    # it, so they disregard nothing: Tue 15 Jul 2025, as with no fee at all.
    out = deadlines("foia", D(2025, 6, 2), fees=(FeePeriod(D(2025, 6, 4), D(2025, 6, 9)),),
                    clarification_requested=D(2025, 6, 10), clarification_received=D(2025, 6, 16))
    assert out.response_due == D(2025, 7, 15)


@pytest.mark.parametrize("notice, lapses", [
    (D(2025, 6, 4), D(2025, 9, 4)),     # plain three calendar months
    (D(2025, 5, 31), D(2025, 8, 31)),
    (D(2025, 11, 30), D(2026, 2, 28)),  # clamped to the end of February
    (D(2023, 11, 30), D(2024, 2, 29)),  # leap year
    (D(2025, 12, 31), D(2026, 3, 31)),
])
def test_unpaid_fee_stops_the_clock_and_lapses(notice, lapses):
    out = deadlines("foia", notice - timedelta(days=3), fees=(FeePeriod(notice),))  # a notice among the twenty days
    assert out.response_due is None
    assert out.response_due_code is None
    assert out.very_overdue is None
    assert out.fee_lapses == lapses


def test_an_unpaid_notice_sent_after_the_twentieth_day_does_not_stop_the_clock():
    # received Mon 2 Jun 2025, due Mon 30 Jun; a notice on Mon 7 Jul (day 25) finds the time already run out
    out = deadlines("foia", D(2025, 6, 2), fees=(FeePeriod(D(2025, 7, 7)),))
    assert (out.response_due, out.fee_lapses) == (D(2025, 6, 30), D(2025, 10, 7))
    assert out.very_overdue == D(2025, 7, 29)  # (Mon 14 Jul, the Twelfth's substitute, is no working day)
    # two unpaid notices given in either order: the request lapses three months after the later one
    late_first = deadlines("foia", D(2025, 6, 2), fees=(FeePeriod(D(2025, 6, 20)), FeePeriod(D(2025, 6, 10))))
    assert late_first.fee_lapses == D(2025, 9, 20) and late_first.response_due is None


def test_the_codes_day_0_inside_a_fee_period():
    # received Sat 7 Jun 2025: the Code's day 0 is Mon 9 Jun, the notice's day; 9-11 Jun are disregarded,
    # so day 1 is Thu 12 Jun and day 20 Wed 9 Jul: the statutory date too
    out = deadlines("foia", D(2025, 6, 7), fees=(FeePeriod(D(2025, 6, 9), D(2025, 6, 11)),))
    assert (out.response_due, out.response_due_code) == (D(2025, 7, 9), D(2025, 7, 9))
    # without the fee the Code's date is one working day later than the statute's
    plain = deadlines("foia", D(2025, 6, 7))
    assert (plain.response_due, plain.response_due_code) == (D(2025, 7, 4), D(2025, 7, 7))


def test_an_eisr_review_window_without_a_reply_runs_from_the_extended_due_date():
    out = deadlines("eisr", D(2025, 11, 3), extended=True)
    assert out.extended_due == D(2026, 1, 5)
    assert out.review_window_closes == D(2026, 3, 2)


def test_unpaid_fee_after_a_paid_one():
    out = deadlines("foia", D(2025, 6, 2), fees=(
        FeePeriod(D(2025, 6, 4), D(2025, 6, 9)),
        FeePeriod(D(2025, 6, 20)),
    ))
    assert out.response_due is None
    assert out.fee_lapses == D(2025, 9, 20)


def test_unpaid_fee_foisa():
    out = deadlines("foisa", D(2025, 6, 2), fees=(FeePeriod(D(2025, 6, 4)),))
    assert out.response_due is None
    assert out.fee_lapses == D(2025, 9, 4)


# ---------------------------------------------------------------------------
# Public-interest extension (s.10(3)); EIR reg 7; none under FOISA
# ---------------------------------------------------------------------------
def test_extension_capped_at_40_working_days():
    # received Mon 19 Aug 2019: day 20 is Tue 17 Sep; days 21-40: 18-20 Sep (3),
    # 23-27 (8), 30 Sep-4 Oct (13), 7-11 (18), 14, 15 Oct (20) -> Tue 15 Oct 2019
    out = deadlines("foia", D(2019, 8, 19), extended=True)
    assert out.response_due == D(2019, 9, 17)  # the refusal notice is still due by day 20
    assert out.extended_due == D(2019, 10, 15)
    # very overdue counts from the extended date: 16-18 Oct (3), 21-25 (8),
    # 28 Oct-1 Nov (13), 4-8 Nov (18), 11, 12 Nov (20) -> Tue 12 Nov 2019
    assert out.very_overdue == D(2019, 11, 12)


def test_extension_uses_the_authoritys_earlier_estimate():
    out = deadlines("foia", D(2019, 8, 19), extended=True, extension_estimate=D(2019, 10, 1))
    assert out.extended_due == D(2019, 10, 1)
    # 20 working days after Tue 1 Oct 2019 -> Tue 29 Oct 2019
    assert out.very_overdue == D(2019, 10, 29)


def test_extension_estimate_beyond_40_days_is_capped():
    out = deadlines("foia", D(2019, 8, 19), extended=True, extension_estimate=D(2019, 12, 2))
    assert out.extended_due == D(2019, 10, 15)


def test_eir_complex_and_voluminous():
    out = deadlines("eir", D(2019, 8, 19), extended=True)
    assert out.response_due == D(2019, 9, 17)
    assert out.extended_due == D(2019, 10, 15)


def test_extension_over_christmas():
    # received Mon 1 Dec 2025 (St Andrew's substitute: non-working for FOIA, still day 0).
    # day 20 Wed 31 Dec 2025 (25, 26 Dec skipped); then [1, 2 Jan], 5-9 Jan (25),
    # 12-16 (30), 19-23 (35), 26-30 Jan (40) -> Fri 30 Jan 2026
    out = deadlines("foia", D(2025, 12, 1), extended=True)
    assert out.response_due == D(2025, 12, 31)
    assert out.extended_due == D(2026, 1, 30)


def test_extension_ignored_under_foisa():
    out = deadlines("foisa", D(2019, 8, 19), extended=True, extension_estimate=D(2019, 10, 1))
    assert out.response_due == D(2019, 9, 16)
    assert out.extended_due is None
    assert out.very_overdue == D(2019, 10, 14)  # 20 working days after the 20-day date


def test_eisr_complex_and_voluminous():
    # received Mon 10 Mar 2025 (eisr): day 20 Mon 7 Apr 2025; days 21-40 in Scotland:
    # 8-11 Apr (24), 14-17 (28), [Good Friday 18 Apr], Easter Monday counts: 21-25 (33),
    # 28 Apr-2 May (38), [5 May], 6, 7 May (40) -> Wed 7 May 2025
    out = deadlines("eisr", D(2025, 3, 10), extended=True)
    assert out.response_due == D(2025, 4, 7)
    assert out.extended_due == D(2025, 5, 7)


def test_extension_with_fee_days_disregarded():
    # received Mon 2 Jun 2025, fee notice Wed 4 Jun paid Mon 9 Jun (4 days disregarded):
    # day 20 Fri 4 Jul 2025; days 21-40: 7-11 Jul (25), [14 Jul NI], 15-18 (29),
    # 21-25 (34), 28 Jul-1 Aug (39), [4 Aug Scotland], Tue 5 Aug (40)
    out = deadlines("foia", D(2025, 6, 2), extended=True,
                    fees=(FeePeriod(D(2025, 6, 4), D(2025, 6, 9)),))
    assert out.response_due == D(2025, 7, 4)
    assert out.extended_due == D(2025, 8, 5)


# ---------------------------------------------------------------------------
# Requesting an internal review
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("response, closes", [
    (D(2019, 9, 17), D(2019, 11, 17)),   # two calendar months
    (D(2019, 12, 31), D(2020, 2, 29)),   # 31 Dec -> end of February, leap year
    (D(2024, 12, 31), D(2025, 2, 28)),   # 31 Dec -> end of February
    (D(2025, 7, 31), D(2025, 9, 30)),    # 31 Jul -> 30 Sep
    (D(2025, 8, 31), D(2025, 10, 31)),
    (D(2025, 11, 29), D(2026, 1, 29)),   # a Saturday letter: calendar months regardless
])
def test_foia_review_window_two_calendar_months(response, closes):
    out = deadlines("foia", D(2019, 8, 19), response=response)
    assert out.review_window_closes == closes


def test_foia_no_review_window_when_answered_in_full():
    out = deadlines("foia", D(2019, 8, 19), response=D(2019, 9, 17), response_in_full=True)
    assert out.review_window_closes is None


def test_foia_review_window_authority_override_in_working_days():
    # 40 working days after Tue 17 Sep 2019 -> Tue 12 Nov 2019
    out = deadlines("foia", D(2019, 8, 19), response=D(2019, 9, 17), review_window_working_days=40)
    assert out.review_window_closes == D(2019, 11, 12)
    # 20 working days over Christmas: reply Mon 8 Dec 2025 -> 9-12 Dec (4), 15-19 (9),
    # 22-24 (12), [25, 26 Dec], 29-31 (15), [1, 2 Jan], 5-9 Jan (20) -> Fri 9 Jan 2026
    out = deadlines("foia", D(2025, 11, 10), response=D(2025, 12, 8), review_window_working_days=20)
    assert out.review_window_closes == D(2026, 1, 9)


def test_eir_review_window_40_working_days():
    # reply Mon 1 Dec 2025: 2-5 Dec (4), 8-12 (9), 15-19 (14), 22-24 (17), 29-31 (20),
    # 5-9 Jan (25), 12-16 (30), 19-23 (35), 26-30 Jan (40) -> Fri 30 Jan 2026
    out = deadlines("eir", D(2025, 11, 3), response=D(2025, 12, 1))
    assert out.review_window_closes == D(2026, 1, 30)


def test_eir_no_review_window_when_answered_in_full():
    out = deadlines("eir", D(2025, 11, 3), response=D(2025, 12, 1), response_in_full=True)
    assert out.review_window_closes is None


def test_foisa_review_window_from_the_response():
    # reply Mon 14 Apr 2025; Scottish working days: 15-17 Apr (3), [Good Friday 18 Apr],
    # Easter Monday 21 Apr counts: 21-25 (8), 28 Apr-2 May (13), [5 May], 6-9 (17),
    # 12-16 (22), 19-23 (27), [26 May], 27-30 (31), 2-6 Jun (36), 9-12 Jun (40)
    # -> Thu 12 Jun 2025
    out = deadlines("foisa", D(2025, 3, 10), response=D(2025, 4, 14))
    assert out.review_window_closes == D(2025, 6, 12)


def test_foisa_review_window_from_the_due_date_when_no_response():
    # received Mon 10 Mar 2025 -> due Mon 7 Apr 2025 (17 Mar counts in Scotland);
    # 8-11 Apr (4), [18 Apr], 14-17 (8), 21-25 (13), 28 Apr-2 May (18), [5 May],
    # 6-9 (22), 12-16 (27), 19-23 (32), [26 May], 27-30 (36), 2-5 Jun (40) -> Thu 5 Jun 2025
    out = deadlines("foisa", D(2025, 3, 10))
    assert out.response_due == D(2025, 4, 7)
    assert out.review_window_closes == D(2025, 6, 5)


def test_eisr_review_window_like_foisa():
    out = deadlines("eisr", D(2025, 3, 10))
    assert out.review_window_closes == D(2025, 6, 5)


# ---------------------------------------------------------------------------
# The authority's review answer and escalation to the regulator
# ---------------------------------------------------------------------------
def test_foia_review_response_and_ico_escalation():
    # review requested Tue 1 Oct 2019 (no holidays until 2 Dec, a Scottish one)
    out = deadlines("foia", D(2019, 8, 19), response=D(2019, 9, 17), review_requested=D(2019, 10, 1))
    # 20 working days: 2-4 Oct (3), 7-11 (8), 14-18 (13), 21-25 (18), 28, 29 Oct (20)
    assert out.review_response_due == D(2019, 10, 29)
    # 40 at most: 30 Oct-1 Nov (23), 4-8 (28), 11-15 (33), 18-22 (38), 25, 26 Nov (40)
    assert out.review_response_due_max == D(2019, 11, 26)
    # ICO accepts a complaint the day after 40 working days pass with no outcome
    assert out.escalation_opens == D(2019, 11, 27)
    assert out.escalation_window_closes is None


def test_foia_review_over_christmas():
    # review requested Mon 8 Dec 2025: day 20 Fri 9 Jan 2026 (25, 26 Dec, 1, 2 Jan skipped);
    # 12-16 Jan (25), 19-23 (30), 26-30 (35), 2-6 Feb (40) -> Fri 6 Feb 2026
    out = deadlines("foia", D(2025, 11, 10), response=D(2025, 12, 5), review_requested=D(2025, 12, 8))
    assert out.review_response_due == D(2026, 1, 9)
    assert out.review_response_due_max == D(2026, 2, 6)
    assert out.escalation_opens == D(2026, 2, 7)


def test_eir_review_response_40_working_days():
    # review requested Tue 1 Oct 2019: 40 working days -> Tue 26 Nov 2019
    out = deadlines("eir", D(2019, 8, 19), response=D(2019, 9, 17), review_requested=D(2019, 10, 1))
    assert out.review_response_due == D(2019, 11, 26)
    assert out.escalation_opens == D(2019, 11, 27)


def test_foisa_review_response_20_working_days_and_sic_window():
    # review requested Mon 8 Dec 2025: 2 Jan is Scottish too -> Fri 9 Jan 2026
    out = deadlines("foisa", D(2025, 11, 10), response=D(2025, 12, 5), review_requested=D(2025, 12, 8))
    assert out.review_response_due == D(2026, 1, 9)
    # no outcome: six months from when the review answer was due (s.47(4)(a))
    assert out.escalation_window_closes == D(2026, 7, 9)


def test_foisa_review_20_days_where_england_would_differ():
    # review requested Mon 11 Aug 2025 under FOISA: 25 Aug is a working day in Scotland:
    # 12-15 (4), 18-22 (9), 25-29 (14), 1-5 Sep (19), Mon 8 Sep (20)
    out = deadlines("foisa", D(2025, 7, 1), response=D(2025, 7, 29), review_requested=D(2025, 8, 11))
    assert out.review_response_due == D(2025, 9, 8)
    # the same under FOIA skips 25 Aug -> Tue 9 Sep 2025
    out = deadlines("foia", D(2025, 7, 1), response=D(2025, 7, 29), review_requested=D(2025, 8, 11))
    assert out.review_response_due == D(2025, 9, 9)


@pytest.mark.parametrize("outcome, closes", [
    (D(2026, 1, 9), D(2026, 7, 9)),
    (D(2025, 8, 31), D(2026, 2, 28)),   # clamped to the end of February
    (D(2023, 8, 31), D(2024, 2, 29)),   # leap year
])
def test_foisa_sic_six_months_from_the_review_outcome(outcome, closes):
    out = deadlines("foisa", D(2025, 3, 10), response=D(2025, 4, 7),
                    review_requested=D(2025, 4, 14), review_outcome=outcome)
    assert out.escalation_window_closes == closes


@pytest.mark.parametrize("regime", ["foia", "eir"])
@pytest.mark.parametrize("outcome, closes", [
    (D(2026, 2, 2), D(2026, 3, 16)),    # six weeks = 42 calendar days
    (D(2025, 12, 19), D(2026, 1, 30)),  # calendar days, holidays irrelevant
])
def test_ico_six_weeks_from_the_review_outcome(regime, outcome, closes):
    out = deadlines(regime, D(2025, 11, 3), response=D(2025, 12, 1),
                    review_requested=D(2025, 12, 8), review_outcome=outcome)
    assert out.escalation_window_closes == closes
    # once the outcome is known the complaint can be made (no later than the outcome)
    assert out.escalation_opens is None or out.escalation_opens <= outcome


# ---------------------------------------------------------------------------
# Tribunal / Court of Session
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("regime, notice, due", [
    ("foia", D(2026, 2, 10), D(2026, 3, 10)),   # 28 calendar days
    ("eir", D(2026, 2, 10), D(2026, 3, 10)),
    ("foia", D(2025, 12, 15), D(2026, 1, 12)),  # Christmas does not stop calendar days
    ("foisa", D(2026, 2, 10), D(2026, 3, 24)),  # 42 days to the Court of Session
    ("eisr", D(2026, 2, 10), D(2026, 3, 24)),
    ("foisa", D(2025, 12, 15), D(2026, 1, 26)),
])
def test_tribunal_appeal(regime, notice, due):
    out = deadlines(regime, D(2025, 6, 2), response=D(2025, 6, 30), decision_notice=notice)
    assert out.tribunal_appeal_due == due


# ---------------------------------------------------------------------------
# A whole history, seed letter style
# ---------------------------------------------------------------------------
def test_bedfordshire_full_history():
    out = deadlines("foia", D(2019, 9, 27), response=D(2019, 10, 18),
                    review_requested=D(2019, 11, 1), review_outcome=D(2019, 11, 29),
                    decision_notice=D(2020, 6, 1))
    assert out.response_due == D(2019, 10, 25)
    assert out.review_window_closes == D(2019, 12, 18)
    # 20 working days from Fri 1 Nov 2019: 4-8 (5), 11-15 (10), 18-22 (15), 25-29 Nov (20)
    assert out.review_response_due == D(2019, 11, 29)
    # 40 at most: [2 Dec 2019, St Andrew's substitute], 3-6 Dec (24), 9-13 (29),
    # 16-20 (34), 23, 24 (36), [25, 26], 27 (37), 30, 31 (39), [1, 2 Jan 2020], 3 Jan (40)
    assert out.review_response_due_max == D(2020, 1, 3)
    assert out.escalation_window_closes == D(2020, 1, 10)  # 29 Nov + 42 days
    assert out.tribunal_appeal_due == D(2020, 6, 29)


def test_dates_given_as_text_are_refused_with_a_clear_error():
    with pytest.raises(TypeError, match="received must be a datetime.date, not str '2025-02-30'"):
        RequestFacts(regime="foia", received="2025-02-30")
    with pytest.raises(TypeError, match="fee period"):
        RequestFacts(regime="foia", received=D(2025, 3, 3), fees=(FeePeriod("2025-03-04"),))


def test_a_fee_paid_more_than_three_months_after_its_notice_comes_too_late():
    out = deadlines("foia", D(2025, 1, 6), fees=(FeePeriod(D(2025, 1, 8), D(2025, 5, 20)),))
    assert (out.fee_lapses, out.response_due) == (D(2025, 4, 8), None)
    in_time = deadlines("foia", D(2025, 1, 6), fees=(FeePeriod(D(2025, 1, 8), D(2025, 4, 7)),))
    assert in_time.fee_lapses is None and in_time.response_due is not None


def test_an_extension_estimate_before_the_twentieth_day_leaves_the_twentieth():
    out = deadlines("foia", D(2025, 3, 10), extended=True, extension_estimate=D(2025, 3, 20))
    assert (out.response_due, out.extended_due) == (D(2025, 4, 8), D(2025, 4, 8))
    assert "which stands" in out.rules["extended_due"]
    assert out.very_overdue == D(2025, 5, 9)


def test_every_date_has_its_rule():
    for regime in ("foia", "eir", "foisa", "eisr"):
        out = deadlines(regime, D(2025, 3, 10), response=D(2025, 4, 4), review_requested=D(2025, 4, 10),
                        review_outcome=D(2025, 5, 1), decision_notice=D(2025, 8, 1))
        dated = {name for name in Deadlines.__dataclass_fields__ if name != "rules" and getattr(out, name)}
        assert dated <= set(out.rules), (regime, dated - set(out.rules))
