"""UK FOI time limits: pure date arithmetic, no Django, no clock, no settings.

Sources (see shared/spec/foi-rules.md):
- FOIA 2000 s.10(1): comply "not later than the twentieth working day following the
  date of receipt"; s.10(6): a working day is any day other than a Saturday, a Sunday,
  Christmas Day, Good Friday or a day which is a bank holiday under the Banking and
  Financial Dealings Act 1971 in *any* part of the United Kingdom (ICO LTT47).
- FOIA s.10(2) and s.9: days from the fees notice to receipt of the fee are disregarded;
  an unpaid fee lapses the request after three months.
- FOIA s.10(6)(b), s.1(3), ICO LTT137: a clarified request starts a new 20 working days.
- FOIA s.10(3), s.17(2): public-interest extension, no more than 40 working days in all
  (ICO decision notice IC-392889-C5J2). EIR reg 5(2), reg 7: 20, or 40 if complex.
- s.45 Code of Practice (2018): internal review 20 working days, 40 at most; requests
  for review within 40 working days; forces state two calendar months in their letters.
  EIR reg 11: 40 working days to ask and 40 to answer.
- FOIA s.50: complain to the ICO within six weeks of the review outcome; the
  First-tier Tribunal appeal is 28 days from the decision notice (GRC rules r.22).
- EI(S)R 2004 reg 7(1): 40 working days for complex and voluminous requests.
- FOISA 2002 s.73: working days exclude Saturdays, Sundays, Christmas Day and Scottish
  bank holidays; s.10 20 working days, no public-interest extension; s.20(5) review
  request within 40 working days; s.21(1) review answer in 20; s.47(4) application to
  the Scottish Information Commissioner within six months; s.56 appeal to the Court of
  Session within 42 days.

The day of receipt is day 0 whether or not it is a working day (ICO); the Code treats
receipt on a non-working day as receipt on the next working day, which is the later
"code" date used before calling a request overdue.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable

import holidays
from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

REGIMES = ("foia", "eir", "foisa", "eisr")
_SCOTTISH = frozenset({"foisa", "eisr"})
_UK_SUBDIVISIONS = ("ENG", "WLS", "SCT", "NIR")
_RESPONSE_DAYS = 20
_EXTENDED_DAYS = 40
_VERY_OVERDUE_DAYS = 20


def check_regime(regime: str) -> str:
    if regime not in REGIMES:
        raise ValueError(f"unknown regime {regime!r}: use one of {', '.join(REGIMES)}")
    return regime


def bank_holidays(regime: str, years: Iterable[int]) -> dict[date, str]:
    """Non-working days (other than weekends) under a regime, with their names."""
    subdivisions = ("SCT",) if check_regime(regime) in _SCOTTISH else _UK_SUBDIVISIONS
    years = list(years)
    days: dict[date, str] = {}
    for subdiv in subdivisions:
        for day, name in holidays.GB(subdiv=subdiv, years=years).items():
            days.setdefault(day, name)
    # St Andrew's Day became a Scottish bank holiday by the 2007 Act (in force 16 January
    # 2007, asp 2007/2); the package lists it from 2006.
    days.pop(date(2006, 11, 30), None)
    for year in years:
        # Named in s.10(6) / s.73 whether or not they are bank holidays.
        days.setdefault(date(year, 12, 25), "Christmas Day")
        if regime not in _SCOTTISH:
            days.setdefault(easter(year) - timedelta(days=2), "Good Friday")
    return days


class _Calendar:
    """Working days of a span of years: sorted, with a prefix count per calendar day."""

    __slots__ = ("first", "last", "dates", "count", "due20", "safe_lo", "safe_hi")

    def __init__(self, regime: str, extra: frozenset[date], first_year: int, last_year: int):
        closed = {d.toordinal() for d in bank_holidays(regime, range(first_year, last_year + 1))}
        closed |= {d.toordinal() for d in extra}
        self.first = date(first_year, 1, 1).toordinal()
        self.last = date(last_year, 12, 31).toordinal()
        self.dates: list[date] = []  # the working days, ascending
        self.count: list[int] = []  # count[o - first] = working days on or before ordinal o
        for o in range(self.first, self.last + 1):
            if o % 7 not in (0, 6) and o not in closed:  # ordinal % 7: 6 is Saturday, 0 is Sunday
                self.dates.append(date.fromordinal(o))
            self.count.append(len(self.dates))
        top = len(self.dates) - 1
        # The 20th working day after each calendar day: response_due() is one index.
        self.due20 = [self.dates[min(c + _RESPONSE_DAYS - 1, top)] for c in self.count]
        self.safe_lo, self.safe_hi = self.first + _PAD_DAYS, self.last - _PAD_DAYS

    def covers(self, lo: int, hi: int) -> bool:
        return self.safe_lo <= lo and hi <= self.safe_hi

    def nth_after(self, ordinal: int, n: int) -> date:
        if n > 0:
            return self.dates[self.count[ordinal - self.first] + n - 1]
        return self.dates[self.count[ordinal - 1 - self.first] + n]


_KEYS = {"foia": "uk", "eir": "uk", "foisa": "sct", "eisr": "sct"}
_NO_EXTRA: frozenset[date] = frozenset()
_PAD_DAYS = 400  # a lookup stays this far inside its calendar, so n up to ~250 needs no widening
_calendars: dict[tuple[str, frozenset[date]], _Calendar] = {}


def _calendar(regime: str, extra: frozenset[date], lo: int, hi: int) -> _Calendar:
    """The cached calendar for a regime and extra days covering ordinals lo..hi."""
    try:
        key = (_KEYS[regime], extra)
    except KeyError:
        check_regime(regime)
        raise
    cal = _calendars.get(key)
    if cal is None or not cal.covers(lo, hi):
        cal = _widened(key, cal, lo, hi)
    return cal


def _widened(key: tuple[str, frozenset[date]], cal: _Calendar | None, lo: int, hi: int) -> _Calendar:
    margin = _PAD_DAYS + 5 * 366
    first_year = date.fromordinal(max(1, lo - margin)).year
    last_year = date.fromordinal(min(date.max.toordinal(), hi + margin)).year
    if cal is not None:
        first_year = min(first_year, date.fromordinal(cal.first).year)
        last_year = max(last_year, date.fromordinal(cal.last).year)
    if len(_calendars) >= 64:  # many different extra-day sets: forget the oldest
        _calendars.pop(next(iter(_calendars)))
        _due_tables.clear()
    cal = _calendars[key] = _Calendar("foisa" if key[0] == "sct" else "foia", key[1],
                                      min(first_year, 1990), max(last_year, 2060))
    return cal


def _frozen(extra: Iterable[date]) -> frozenset[date]:
    return extra if type(extra) is frozenset else frozenset(extra or ())


def is_working_day(day: date, regime: str = "foia", *, extra: Iterable[date] = _NO_EXTRA) -> bool:
    o = day.toordinal()
    cal = _calendar(regime, _frozen(extra), o, o)
    return cal.count[o - cal.first] != cal.count[o - 1 - cal.first]


def add_working_days(start: date, n: int, regime: str = "foia", *, extra: Iterable[date] = _NO_EXTRA) -> date:
    """The n-th working day after `start` (start itself is day 0); n < 0 counts back."""
    o = start.toordinal()
    reach = o + n * 8 // 5 + (30 if n >= 0 else -30)  # ≈250 working days a year
    cal = _calendar(regime, _frozen(extra), min(o, reach), max(o, reach))
    return start if n == 0 else cal.nth_after(o, n)


def working_days_between(start: date, end: date, regime: str = "foia", *, extra: Iterable[date] = _NO_EXTRA) -> int:
    """Working days after `start` up to and including `end` (negative if end < start)."""
    a, b = start.toordinal(), end.toordinal()
    cal = _calendar(regime, _frozen(extra), min(a, b), max(a, b))
    return cal.count[b - cal.first] - cal.count[a - cal.first]


def response_due(received: date, regime: str = "foia", *, extra: Iterable[date] = _NO_EXTRA) -> date:
    """The 20th working day after receipt (ICO reading: receipt is day 0)."""
    o = received.toordinal()
    try:
        cal = _due_tables.get((regime, extra))  # fast path: one dict lookup and one index
    except TypeError:  # extra given as a set or list
        cal = None
    if cal is not None and cal.safe_lo <= o <= cal.safe_hi:
        return cal.due20[o - cal.first]
    cal = _calendar(regime, _frozen(extra), o, o + 60)
    _due_tables[(regime, _frozen(extra))] = cal
    return cal.due20[o - cal.first]


_due_tables: dict[tuple[str, frozenset[date]], _Calendar] = {}


def add_months(day: date, months: int) -> date:
    """Calendar months, clamped to the month's last day (31 Dec + 2 months = 28/29 Feb)."""
    return day + relativedelta(months=months)


@dataclass(frozen=True)
class FeePeriod:
    notice: date
    paid: date | None = None


@dataclass(frozen=True)
class RequestFacts:
    """What has happened to a request, as far as its time limits are concerned."""

    regime: str
    received: date
    clarification_requested: date | None = None
    clarification_received: date | None = None
    fees: tuple[FeePeriod, ...] = ()
    extended: bool = False  # s.10(3) public interest, or EIR reg 7 complex and voluminous
    extension_estimate: date | None = None
    response: date | None = None  # the substantive reply's letter date
    response_in_full: bool = False
    review_requested: date | None = None
    review_outcome: date | None = None
    decision_notice: date | None = None
    review_window_working_days: int | None = None  # the authority's own FOIA window
    extra: frozenset[date] = frozenset()

    def __post_init__(self):
        """A clear error for a date given as text ("2025-02-30" is for forms and commands to parse)."""
        for name in ("received", "clarification_requested", "clarification_received", "extension_estimate", "response",
                     "review_requested", "review_outcome", "decision_notice"):
            value = getattr(self, name)
            if not isinstance(value, date) and (value is not None or name == "received"):
                raise TypeError(f"{name} must be a datetime.date, not {type(value).__name__} {value!r}")
        for fee in self.fees:
            if not isinstance(fee.notice, date) or not (fee.paid is None or isinstance(fee.paid, date)):
                raise TypeError(f"a fee period's dates must be datetime.date, not {fee!r}")


@dataclass(frozen=True)
class Deadlines:
    """Every date that follows from a request's facts; `rules` explains each one."""

    response_due: date | None = None
    response_due_code: date | None = None
    extended_due: date | None = None
    very_overdue: date | None = None
    fee_lapses: date | None = None
    review_window_closes: date | None = None
    review_response_due: date | None = None
    review_response_due_max: date | None = None
    escalation_opens: date | None = None
    escalation_window_closes: date | None = None
    tribunal_appeal_due: date | None = None
    rules: dict[str, str] = field(default_factory=dict, compare=False)

    STORED = (
        "response_due", "response_due_code", "extended_due", "very_overdue",
        "review_window_closes", "review_response_due", "escalation_window_closes",
        "tribunal_appeal_due",
    )



def compute_deadlines(facts: RequestFacts) -> Deadlines:
    """All the time limits that follow from `facts`, each with the rule that set it."""
    regime = check_regime(facts.regime)
    scottish = regime in _SCOTTISH
    out: dict[str, date | None] = {}
    rules: dict[str, str] = {}

    def wd(start: date, n: int) -> date:
        return add_working_days(start, n, regime, extra=facts.extra)

    start, start_rule = facts.received, "received"
    if facts.clarification_received and facts.clarification_received >= facts.received and (
        not facts.clarification_requested or facts.clarification_received >= facts.clarification_requested
    ):  # (a clarification dated before the request arrived is a typing slip: the receipt stands)
        start, start_rule = facts.clarification_received, "clarification received (s.1(3); ICO LTT137: the clock restarts)"
    waiting = bool(facts.clarification_requested) and start_rule == "received"
    # A fee received more than three months after its notice came too late: the request had lapsed (s.9(2)).
    fees = tuple(f if f.paid is None or f.paid <= add_months(f.notice, 3) else FeePeriod(f.notice) for f in facts.fees)
    paid = _fee_periods(fees, start)
    late_start = 0 if is_working_day(start, regime, extra=facts.extra) else 1

    def counted(n: int, day0: date = start) -> date:  # the n-th working day after day0 no fee period disregards
        return _counted_day(day0, n, paid if day0 == start else _fee_periods(fees, day0), regime, facts.extra)

    due20 = counted(_RESPONSE_DAYS)
    # An unpaid notice stops the clock only if it came among the twenty days (on or before the
    # 20th): one sent later finds the time for compliance already run out (s.10(2)).
    unpaid = [f for f in fees if f.paid is None and f.notice <= due20]
    lapsing = [f for f in fees if f.paid is None]
    paused = working_days_between(start, due20, regime, extra=facts.extra) - _RESPONSE_DAYS
    pause_note = f", plus {paused} working days disregarded while a fee was outstanding (s.10(2))" if paused else ""

    if lapsing:
        lapse = add_months(max(f.notice for f in lapsing), 3)  # (the latest notice, whatever the order given)
        out["fee_lapses"] = lapse
        rules["fee_lapses"] = "fees notice unpaid: the request lapses three months after the notice (s.9(2))"
    if waiting:
        rules["response_due"] = "clock stopped: clarification requested and not yet received (s.1(3))"
    elif unpaid:
        rules["response_due"] = "clock stopped: fees notice given and fee not yet paid (s.10(2))"
    else:
        out["response_due"] = due20
        rules["response_due"] = f"20th working day after the date {start_rule}{pause_note} ({_law(regime)})"
        # the Code's day 0 is the next working day, and its twenty are counted from there
        out["response_due_code"] = counted(_RESPONSE_DAYS, add_working_days(start, 1, regime, extra=facts.extra)
                                           if late_start else start)
        rules["response_due_code"] = (
            "s.45 Code of Practice: a request arriving on a non-working day counts from the next working day"
            if late_start else "same as the statutory date (received on a working day)"
        )
        if facts.extended and regime != "foisa":
            cap = counted(_EXTENDED_DAYS)
            estimate = facts.extension_estimate
            # the estimate, within the 40 days and never before the 20th: an extension only adds time
            out["extended_due"] = max(min(estimate, cap), due20) if estimate else cap
            rules["extended_due"] = (
                "EIR reg 7: up to 40 working days for complex and voluminous requests" if regime in ("eir", "eisr") else
                "s.10(3) public-interest extension: no more than 40 working days in all (ICO, IC-392889-C5J2)"
            ) + (" — the authority's estimate" if estimate and due20 < estimate < cap else
                 " — the estimate was before the 20th working day, which stands" if estimate and estimate <= due20 else "")
        elif facts.extended:
            rules["extended_due"] = "FOISA allows no public-interest extension: the 20-day limit stands"
        due = out.get("extended_due") or out["response_due"]
        out["very_overdue"] = wd(due, _VERY_OVERDUE_DAYS)
        rules["very_overdue"] = "20 working days past the due date (WhatDoTheyKnow's convention)"

    _review_dates(facts, regime, wd, out, rules)
    return Deadlines(**out, rules=rules)


def _fee_periods(fees: tuple[FeePeriod, ...], start: date) -> list[tuple[date, date]]:
    """The paid fee periods (notice to payment, both days inclusive) after `start`, overlapping ones
    merged: a day two notices cover is disregarded once (s.10(2)). Days on or before day 0 (the
    receipt, or a clarification that restarted the clock) are not among the twenty."""
    spans = sorted((max(f.notice, start + timedelta(days=1)), f.paid) for f in fees
                   if f.paid is not None and f.paid >= f.notice and f.paid > start)
    merged: list[tuple[date, date]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _counted_day(start: date, n: int, periods: list[tuple[date, date]], regime: str, extra: frozenset[date]) -> date:
    """The n-th working day after `start` counting none inside `periods`: a period that begins
    only after the n-th counted day (a fees notice sent late) moves nothing."""
    remaining, cursor = n, start
    for lo, hi in periods:
        before = working_days_between(cursor, lo - timedelta(days=1), regime, extra=extra)  # counted, before it
        if before >= remaining:
            break
        remaining -= before
        cursor = hi
    return add_working_days(cursor, remaining, regime, extra=extra)


def _law(regime: str) -> str:
    return {"foia": "FOIA s.10(1)", "eir": "EIR reg 5(2)", "foisa": "FOISA s.10(1)", "eisr": "EIRs reg 5(2)(a)"}[regime]


def _review_dates(facts: RequestFacts, regime: str, wd, out: dict, rules: dict) -> None:
    """Internal review, regulator and tribunal windows (shared/spec/foi-rules.md, 'After the response')."""
    scottish = regime in _SCOTTISH
    basis = facts.response or ((out.get("extended_due") or out.get("response_due")) if scottish else None)
    if basis and not facts.response_in_full:
        if regime == "foia" and facts.review_window_working_days:
            out["review_window_closes"] = wd(basis, facts.review_window_working_days)
            rules["review_window_closes"] = f"{facts.review_window_working_days} working days from the reply (the authority's own procedure)"
        elif regime == "foia":
            out["review_window_closes"] = add_months(basis, 2)
            rules["review_window_closes"] = "two calendar months from the reply letter (the force's stated procedure; s.45 Code)"
        else:
            out["review_window_closes"] = wd(basis, 40)
            rules["review_window_closes"] = {
                "eir": "40 working days from the reply (EIR reg 11(2))",
            }.get(regime, "40 working days from the response, or from when it was due (FOISA s.20(5))")
    if facts.review_requested:
        days = 40 if regime == "eir" else 20
        out["review_response_due"] = wd(facts.review_requested, days)
        rules["review_response_due"] = {
            "foia": "20 working days from the review request (s.45 Code, Part 5)",
            "eir": "40 working days from the review request (EIR reg 11(4))",
        }.get(regime, "20 working days from the review request (FOISA s.21(1))")
        if regime == "foia":
            out["review_response_due_max"] = wd(facts.review_requested, 40)
            rules["review_response_due_max"] = "40 working days at most, in exceptional cases (s.45 Code; ICO)"
    if scottish:
        sic_from = facts.review_outcome or out.get("review_response_due")
        if sic_from:
            out["escalation_window_closes"] = add_months(sic_from, 6)
            rules["escalation_window_closes"] = "six months from the review response, or from when it was due (FOISA s.47(4))"
    elif facts.review_outcome:
        out["escalation_opens"] = facts.review_outcome
        rules["escalation_opens"] = "the review outcome: the ICO accepts a complaint once the review is done (FOIA s.50)"
        out["escalation_window_closes"] = facts.review_outcome + timedelta(weeks=6)
        rules["escalation_window_closes"] = "six weeks from the review outcome (ICO, FOIA s.50)"
    elif facts.review_requested:
        out["escalation_opens"] = wd(facts.review_requested, 40) + timedelta(days=1)
        rules["escalation_opens"] = "the ICO accepts a complaint once 40 working days pass with no review outcome"
    if facts.decision_notice:
        days = 42 if scottish else 28
        out["tribunal_appeal_due"] = facts.decision_notice + timedelta(days=days)
        rules["tribunal_appeal_due"] = (
            "42 days from the Commissioner's decision, to the Court of Session (FOISA s.56)" if scottish else
            "28 days from the ICO decision notice being sent (First-tier Tribunal, GRC rules r.22)"
        )
