"""The letter's own particulars, for facts.py: its date, the date of receipt, its reference.

Numeric dates are read day first (UK order); a two-digit year is 20xx. Pure: the clock
is never read, so a year left out is taken from the letter itself. The reference lives
here with the dates because the last resort for both is the same page footer.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date

from requests_app.parsing import scan

_MONTH_NUMBERS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MON = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?")
_ORD = r"(?:st|nd|rd|th)?"
_DMY = (rf"(?P<d1>\d{{1,2}}){_ORD}(?:\s+day)?(?:\s+of)?(?:\s+|-)(?P<m1>{_MON})"
        r"(?:(?:,?\s+|-)(?P<y1>\d{4})(?!\d)|(?:-|[ \t]+)(?P<s1>\d{2})(?![\d:.,]|\s*[a-z%]))?")  # "1 Apr 21", not "1 April 21 officers"
_MDY = rf"(?P<m2>{_MON})\s+(?P<d2>\d{{1,2}}){_ORD}(?!\d)(?:,?\s+(?P<y2>\d{{4}})(?!\d))?"
_NUM = r"(?P<d3>\d{1,2})(?P<sep>[/.-])(?P<m3>\d{1,2})(?P=sep)(?P<y3>\d{4}|\d{2})(?![\d/]|\.\d)"
_ISO = r"(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})(?!\d)"
DATE = re.compile(rf"(?<![\w/.-])(?:{_DMY}|{_MDY}|{_NUM}|{_ISO})", re.IGNORECASE)
_WEEKDAY = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+(?:the\s+)?", re.IGNORECASE)
_LETTER_LABEL = re.compile(
    r"^[\s>|#-]*(?:dyddiad\s*/\s*)?(?:dated\s*:|dated\s+this\b|dyddiad\b(?!\s*/)|date\s+(?:sent|issued|responded)"
    r"|date(?:\s+of\s+(?:response|reply|letter|this\s+letter|issue|disclosure))?"
    r"|(?:response|reply|letter|disclosure)\s+date)(?:\s*/\s*dyddiad)?"
    r"\s*[:.\-–]?\s*",
    re.IGNORECASE)  # "Dyddiad / Date:" and "Date / Dyddiad:" in a bilingual Welsh letter, "Dyddiad:" in a Welsh one
_DATE_LINE = re.compile(r"^[ \t>|#-]*date(?:\s+of\s+(?:response|reply|letter|this\s+letter))?[ \t]*[:.\-–][ \t]*",
                        re.IGNORECASE | re.MULTILINE)
_INLINE_LABEL = re.compile(r"(?<!\w)dated?\s*:\s*", re.IGNORECASE)
_OTHER_DATE = re.compile(r"\b(?:received|request|receipt|birth|incident|offence|of|by|due|deadline|until|before)\s*$",
                         re.IGNORECASE)  # "Respond by date:" (Police Scotland's deadline) is no letter date
_OTHER_LABEL = re.compile(r"\W*(?:date\s+(?:of\s+)?(?:(?:your\s+)?request|receipt|birth)|(?:date\s+)?(?:(?:request|date)\s+)?received"
                          r"(?:\s+(?:date|on))?|request\s+(?:date|dated)|date\s+requested"
                          r"|(?:(?:response|reply)\s+)?due(?:\s+(?:date|by|on))?|deadline|target(?:\s+date)?"
                          r"|(?:respond|reply)\s+by(?:\s+date)?)\W*$", re.IGNORECASE)
_SENT_LABEL = re.compile(r"^\s*sent\s*:\s*", re.IGNORECASE)
# (Not "Forwarded message": what is forwarded is the reply itself, its header's Date the letter's.)
_QUOTED = re.compile(r"^\s*(?:-{2,}\s*original\s+message|on\s.{5,80}\swrote:\s*$)",
                     re.IGNORECASE | re.MULTILINE)
_RECEIVED_LABEL = re.compile(
    r"(?:(?<!\w)(?:date\s+(?:request\s+)?received|received\s+date|date\s+of\s+receipt)"
    r"|^[\s>|#-]*(?:request\s+)?received(?:\s+on)?)(?:[ \t]*[:\-–][ \t]*\n?|[ \t]*\n|\t|[ ]{2,})[ \t]*",
    re.IGNORECASE | re.MULTILINE)
# "received on 27th September", "received by us on ...", "received 19th August"; never "received between".
_RECEIVED = re.compile(r"(?:\breceived|\backnowledge\s+receipt\s+of\s+your(?:\s+[a-z'’()&-]+){1,4}?)"
                       r"(?:(?:\s+[a-z'’()&-]+){1,6}?\s+on|\s+on"
                       r"|(?:\s+[a-z'’()&-]+){1,4}?,?\s+dated\s+\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\.?,?\s+\d{4},?\s+on)?\s+(?:the\s+)?"
                       r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\.?,?\s+(?:the\s+)?)?(?=\d|[a-z]{3})",
                       re.IGNORECASE)
_ABOUT_REQUEST = re.compile(r"\b(?:requests?|e-?mail|letter|application|correspondence|enquiry|appeal|review"
                            r"|we|us)\b", re.IGNORECASE)
_REF_PREFIX = (r"(?:(?:our|foi|foia|foisa|eir|request|case|freedom\s+of\s+information(?:\s+\(scotland\))?"
               r"(?:\s+act)?(?:\s+request)?)\b[ \t]*[-–]?[ \t]*){1,3}")
_REF_LABEL = re.compile(
    rf"(?<!\w)(?:{_REF_PREFIX})?ref(?:erence)?\b\.?(?:[ \t]*(?:no|num|number)\b\.?)?"
    rf"|(?<!\w){_REF_PREFIX}(?:no|number|num|id)\b\.?", re.IGNORECASE)
_REF_SEP = re.compile(r"[ \t]*(?:[:#.\-–]|is\b)?[ \t]*(?:\n[ \t]*)?", re.IGNORECASE)
# (groups of figures after it, spaced, to the end of the line: "FOI 2024 0123", "FOI 1234 / 24")
_REF_VALUE = re.compile(r"(?:[A-Z]{2,6} (?=[A-Za-z0-9/_.-]*\d))?[A-Za-z0-9][A-Za-z0-9/_.-]*"
                        r"(?:(?:(?: ?/ ?| )\d{2,6})+(?=[ \t]*(?:$|[)\n,;])))?", re.MULTILINE)
_NOT_OURS = re.compile(r"\b(?:your|their|ico|crime|incident|occurrence|log|court|tribunal)[ \t]*$", re.IGNORECASE)
_PHONE = re.compile(r"(?:\+44\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)")
_POSTCODE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")
_FOI_TOKEN = re.compile(r"(?<![\w/.-])(?:[A-Za-z0-9]+[/_-])?(?:FOI|FOIA|FOISA|EIR)[ /_-]?(?=[A-Za-z0-9/_-]*\d)"
                        r"[A-Za-z0-9][A-Za-z0-9/_-]*")  # "FOI 001234/24", "2024/FOI/123", "IM-FOI-2024-0789"
# An e-mail's subject names the request: "RE: Freedom of Information Request - 012345/2024",
# "FOI request 24-0123 (stop and search)".
_SUBJECT_REF = re.compile(r"^[ \t>]*subject:[^\n]*?\b(?:foi|foia|foisa|eir|freedom\s+of\s+information)\b"
                          r"(?:[ \t\-–:#]+(?:\(scotland\)|act|request|response|reply|review|ref(?:erence)?|no\.?|number)\b)*"
                          r"\.?[ \t\-–:#]*"
                          r"(?P<ref>[A-Za-z0-9][A-Za-z0-9/_.-]*\d[A-Za-z0-9/_.-]*)", re.IGNORECASE | re.MULTILINE)
# A letter headed with its request's number: "Freedom of Information Request 2023/0456",
# "FOI Request: 2023-00456", "FREEDOM OF INFORMATION REQUEST – 000456/23 - Taser use".
_HEADING_REF = re.compile(r"^[ \t#*]*(?:foi|foia|foisa|eir|freedom\s+of\s+information)(?:\s+\(scotland\))?"
                          r"(?:\s+act(?:\s+\d{4})?)?\s+(?:request|response|reply|disclosure)"
                          r"(?:\s+(?:no\.?|number|ref(?:erence)?))?[ \t]*[:\-–#]?[ \t]*"
                          r"(?P<ref>[A-Za-z0-9][A-Za-z0-9/_.-]*\d[A-Za-z0-9/_.-]*)", re.IGNORECASE | re.MULTILINE)
_FOOTER_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9/_.-]*\d[A-Za-z0-9/_.-]*")
# The words a match of each can begin with (see scan.py).
_MONTH_STARTS = tuple(_MONTH_NUMBERS)
_REF_STARTS = ("our", "foi", "eir", "request", "case", "freedom", "ref")


def parts(m: re.Match) -> tuple[int | None, int, int]:
    """(year or None, month, day) of a DATE match."""
    g = m.groupdict()
    for d, mo, y, short in (("d1", "m1", "y1", "s1"), ("d2", "m2", "y2", None), ("d3", "m3", "y3", None),
                            ("d4", "m4", "y4", None)):
        if g[d] is None:
            continue
        month = g[mo]
        # Folded as re.IGNORECASE compares: it matches "ſep" (long s) for "sep", which .lower() keeps.
        month = int(month) if month.isdigit() else _MONTH_NUMBERS[scan.fold(month[:3])]
        year = g[y] or (short and g[short])
        year = None if not year else int(year) + (2000 if len(year) == 2 else 0)
        return year, month, int(g[d])
    raise ValueError(m.group(0))


def make_date(year: int | None, month: int, day: int) -> date | None:
    if year is None or not 1900 <= year <= 2099:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def invalid_date_warnings(text: str, folded: str) -> list[str]:
    """A warning for each date with a year that does not exist ("31-SEP-2019")."""
    warnings = []
    for m in scan.finditer(DATE, text, _date_starts(folded)):
        if _surely_valid(m):
            continue
        year, month, day = parts(m)
        numeric = m.group("d3") is not None or m.group("d4") is not None
        if numeric and year is not None and not 1900 <= year <= 2100:
            continue  # "24/03/0471": a reference of a date's shape
        if year is None or (numeric and (len(m.group("y3") or m.group("y4")) != 4 or month > 31)):
            continue  # 2-digit numeric years and 45/67/2019 look too much like other numbers
        if day >= 1 and make_date(year, month, day) is None:
            warnings.append(f"unreadable date '{m.group(0).strip()}' ignored")
    return warnings


_DAY_GROUPS = tuple(DATE.groupindex[g] - 1 for g in ("d1", "d2", "d3", "d4"))
_NUMERIC_MONTH_GROUPS = tuple(DATE.groupindex[g] - 1 for g in ("m3", "m4"))
_FULL_YEAR_GROUPS = tuple(DATE.groupindex[g] - 1 for g in ("y1", "y2", "y3", "y4"))


def _surely_valid(m: re.Match) -> bool:
    """A date that exists whatever its month: day 1 to 28, a month (if a figure) 1 to 12, a
    year (if printed in full) 1900 to 2099. Most dates in a reply, told from one groups() call;
    the rest go through parts() and make_date()."""
    groups = m.groups()
    day = next(groups[k] for k in _DAY_GROUPS if groups[k] is not None)
    if not 1 <= int(day) <= 28:
        return False
    month = next((groups[k] for k in _NUMERIC_MONTH_GROUPS if groups[k] is not None), None)
    if month is not None and not 1 <= int(month) <= 12:
        return False
    year = next((groups[k] for k in _FULL_YEAR_GROUPS if groups[k] is not None), None)
    return year is None or len(year) != 4 or 1900 <= int(year) <= 2099


def _date_starts(folded: str) -> set[int]:
    """Every offset where a DATE match can begin (and some where none does), found with
    str.find rather than by trying DATE at each of the tens of thousands of numbers.

    A DATE opens with a month (_MDY) or a figure; one that opens with a figure has a "/",
    "." or "-" right after its first digits (_NUM, _ISO, "12-Sep-2019") or a month after
    them (_DMY: the digits, an ordinal, "day", "of", then spaces or "-"). So: the month
    words, the runs of digits in front of each separator, and those found walking back
    from each month word. Extra offsets cost a failed match, never a different one."""
    months = scan.starts_of(folded, _MONTH_STARTS)
    starts = set(months)
    for sep in "/.-":
        at = folded.find(sep)
        while at >= 0:
            if at and folded[at - 1].isdecimal():
                starts.add(_digits_start(folded, at))
            at = folded.find(sep, at + 1)
    for at in months:
        at = _skip_space_back(folded, at)
        for word in ("of", "day"):
            if folded.endswith(word, 0, at):
                at = _skip_space_back(folded, at - len(word))
        if folded.endswith(("st", "nd", "rd", "th"), 0, at):
            at -= 2
        if at and folded[at - 1].isdecimal():
            starts.add(_digits_start(folded, at))
    return starts


def _digits_start(folded: str, end: int) -> int:
    """Where the run of digits that ends at `end` begins (str.isdecimal() is what \\d takes)."""
    while end and folded[end - 1].isdecimal():
        end -= 1
    return end


def _skip_space_back(folded: str, at: int) -> int:
    while at and (folded[at - 1].isspace() or folded[at - 1] == "-"):
        at -= 1
    return at


def _full_date(s: str) -> date | None:
    """The date that `s` is, and nothing else (a weekday may lead: "Thursday, 1 November 2019")."""
    s = _WEEKDAY.sub("", s.strip(" \t*_#>|:,.;"), count=1)
    m = DATE.fullmatch(s.rstrip("."))
    return make_date(*parts(m)) if m else None


def _date_at_start(s: str) -> date | None:
    m = DATE.match(_WEEKDAY.sub("", s, count=1))
    return make_date(*parts(m)) if m else None


def _line_date(line: str, near_top: bool) -> date | None:
    """A letter date on this line: labelled ("Date: 01/11/2019"), alone, or beside a reference on the top lines.

    On the top lines "Date:" may also follow something else ("Our Ref: IM-FOI-2021-0942 Date: 31st May 2021"),
    and an e-mail printed with its header gives "Sent: Thursday, 1 November 2019 10:12".
    """
    label = _LETTER_LABEL.match(line) or (_SENT_LABEL.match(line) if near_top else None)
    found = label and _date_at_start(line[label.end():])
    if label and not found and " / " in line[label.end():]:  # "14 Mawrth 2024 / 14 March 2024"
        found = next(filter(None, map(_date_at_start, line[label.end():].split(" / ")[1:])), None)
    if found:
        return found
    for label in _INLINE_LABEL.finditer(line) if near_top and len(line) < 200 else ():
        found = not _OTHER_DATE.search(line, 0, label.start()) and _date_at_start(line[label.end():])
        if found:
            return found
    found = _full_date(line)
    if found or not near_top:
        return found
    cells = [c for c in re.split(r"\t|\s{2,}|\|", line.strip()) if c.strip()]
    if (len(cells) == 2 and re.search(r"[A-Za-z]{2}", cells[0]) and not DATE.search(cells[0])
            and not _OTHER_LABEL.match(cells[0])  # "Request received:   4 March 2024" is not the letter's,
            and not _OTHER_DATE.search(re.sub(r"\W*dated?\W*$", "", cells[0]))):  # nor "Respond by date:   ..."
        return _full_date(cells[1])
    return None


def letter_date(text: str) -> date | None:
    """The first date line of the reply itself (quoted earlier messages are not the reply).

    The lines are walked from the top, and the walk stops at the first date line or at a
    quoted message: a long reply is not split into lines, nor searched for quotes, below
    its letter date (which stands near the top)."""
    previous, i, seen_text, wordy = "", 0, False, False
    start, n = 0, len(text)
    while start <= n:
        end = text.find("\n", start)
        end = n if end < 0 else end
        segment = text[start:end]  # splitlines() below splits at the rarer line breaks too
        if seen_text and (not segment or segment[0].isspace() or segment[0] in "-oO") and _QUOTED.match(text, start):
            return _labelled_response_date(text, start)  # what _QUOTED can open with, then _QUOTED
        for line in segment.splitlines():
            if not line.strip():
                continue
            seen_text = True
            if not (i and _OTHER_LABEL.match(previous)):  # not the value under "Date of request" / "Date received"
                found = _line_date(line, near_top=i < 12)
                if found:
                    if (i >= 4 or wordy) and not _LETTER_LABEL.match(line):  # a date in the answer ("on the following
                        # dates: 14/02/2024"): a "Date:" line further down, under the signature, is the letter's
                        for label in _DATE_LINE.finditer(text, end, end + 20_000):  # (the letter's own end)
                            if not SIGN_OFF.search(text, end, label.start()):
                                continue  # "Incident 1 / Date: 14/02/2019" in the answer: the date above stands
                            signed = _date_at_start(text[label.end():label.end() + 60])
                            if signed:
                                return signed
                    return found
            previous, i = line, i + 1
            wordy = wordy or line.count(" ") >= 7  # a sentence: the letter's body has begun
        start = end + 1
    return _labelled_response_date(text, n)


# A letter's sign-off line ("Yours sincerely", "Kind regards"): what follows is signature, annex or quoted thread.
SIGN_OFF = re.compile(r"^[ \t]*(?:yours\s+(?:sincerely|faithfully|truly)|(?:kind|best|warm)\s+regards|regards"
                      r"|(?:many|with)\s+thanks)\b[^\n]{0,40}$", re.IGNORECASE | re.MULTILINE)


def _labelled_response_date(text: str, end: int) -> date | None:
    for label in _RESPONSE_LABEL.finditer(text, 0, end):  # "... Page 1 of 1    Date of response: 04/04/2024"
        found = _date_at_start(text[label.end():label.end() + 40])
        if found:
            return found
    return None


# A label that names the reply's own date, wherever on a line it stands (a page footer, a table of particulars).
_RESPONSE_LABEL = re.compile(r"(?<!\w)(?:date\s+of\s+(?:response|reply|this\s+letter|disclosure)|(?:response|reply)"
                             r"\s+date|date\s+(?:responded|replied))\s*[:.\-–]?[ \t]*", re.IGNORECASE)


def footer(text: str) -> tuple[date | None, str | None]:
    """A page footer of a date and a reference ("01/11/2019 16966/19", as West Midlands Police print).

    Trusted only when the line repeats (on every page) or is the document's last line, so a
    date-and-number line elsewhere is not taken for one.
    """
    lines = list(filter(None, map(str.strip, text.splitlines())))
    counts = Counter(lines)
    last = lines[-1] if lines else None
    for line, n in counts.items():  # (in the order each line first occurs)
        if n < 2 and line is not last:
            continue
        found = _footer_parts(line)
        if found:
            return found
    return None, None


def _footer_parts(line: str) -> tuple[date, str] | None:
    """(date, reference) of a line that is just those two, either way round."""
    first = DATE.match(line)
    last = next((m for m in DATE.finditer(line) if m.end() == len(line)), None)
    for m, ref in ((first, first and line[first.end():]), (last, last and line[:last.start()])):
        ref = _FOOTER_LABEL.sub("", (ref or "").strip())  # "12 March 2021 Ref: 0456/21", "FOI 0456/21 12/03/2021"
        day = m and make_date(*parts(m))
        if day and _FOOTER_REF.fullmatch(ref) and not DATE.fullmatch(ref) and _ref_shaped(ref):
            return day, ref
    return None


_FOOTER_LABEL = re.compile(r"^(?:(?:our\s+|foi\s+)?ref(?:erence)?(?:\s+no\.?)?\s*[:.]?\s*|(?:foi|foia|foisa|eir)\s+(?=\S*\d))",
                           re.IGNORECASE)


def _ref_shaped(token: str) -> bool:
    """Not a page number or a count: has / - or a letter, or at least five digits."""
    return len(token) >= 4 and (bool(re.search(r"[/A-Za-z-]", token)) or sum(c.isdigit() for c in token) >= 5)


def received_date(text: str, folded: str, letter: date | None) -> tuple[date | None, list[str]]:
    """The date the authority says it received the request, and any warning about it."""
    received = scan.starts_of(folded, ("received",))
    if not received and "receipt" not in folded:
        return None, []
    for m in scan.finditer(_RECEIVED_LABEL, text, _received_label_starts(text, folded, received)):
        found = DATE.match(text, m.end())
        if found:
            return _resolve(found, letter)
    for m in scan.finditer(_RECEIVED, text, received | scan.starts_of(folded, ("acknowledge receipt",))):
        found = DATE.match(text, m.end())
        if found and _ABOUT_REQUEST.search(_sentence_before(text, m.start()) + m.group(0)):
            return _resolve(found, letter)
    for at in received:  # "On 14 February 2024 we received your request", "On 14th February 2024, Surrey Police received it"
        opened = _ON_DATE_RECEIVED.search(_sentence_before(text, at)) if _ABOUT_REQUEST.match(
            text, _skip_words(text, at + len("received"))) else None
        found = opened and DATE.match(opened.group("date"))
        if found:
            return _resolve(found, letter)
    for at in received:  # "Your request of 20th February 2024 was received on the same day."
        before = _sentence_before(text, at) if _SAME_DAY.match(text, at) else ""
        dated = _REQUEST_DATED.search(before)
        found = dated and DATE.match(before, dated.end())
        if found:
            return _resolve(found, letter)
    return None, []


_ON_DATE_RECEIVED = re.compile(r"(?:^|\n|\.\s)\s*On\s+(?:the\s+)?(?P<date>\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}),?"
                               r"(?:\s+[\w&'’()-]+){1,6}\s*$", re.IGNORECASE)


def _skip_words(text: str, at: int) -> int:
    """Past the spaces and a possessive after "received" ("received your request", "received the request")."""
    m = re.compile(r"\s+(?:your|the|this|a)?\s*").match(text, at)
    return m.end() if m else at


_SAME_DAY = re.compile(r"received\s+(?:on\s+)?(?:the\s+same\s+day|that\s+(?:same\s+)?day)", re.IGNORECASE)
_REQUEST_DATED = re.compile(r"\brequest\s+(?:dated|of|sent\s+on|made\s+on)\s+", re.IGNORECASE)


def _received_label_starts(text: str, folded: str, received: set[int]) -> set[int]:
    """Where a _RECEIVED_LABEL can begin: "date" or "received", or a line start that only
    spaces, bullets and "request" separate from a "received"."""
    starts = scan.starts_of(folded, ("date",)) | received
    for at in received:
        lead = at
        while lead and (folded[lead - 1].isspace() or folded[lead - 1] in ">|#-requst"):
            lead -= 1
        starts.update(s for s in range(lead, at + 1) if s == 0 or text[s - 1] == "\n")
    return starts


def _sentence_before(text: str, pos: int) -> str:
    start = max(text.rfind(". ", max(0, pos - 200), pos), text.rfind("\n\n", max(0, pos - 200), pos), pos - 200, 0)
    return text[start:pos]


def _resolve(m: re.Match, letter: date | None) -> tuple[date | None, list[str]]:
    """A year left out is the letter's, or the year before when that would put receipt after the letter."""
    year, month, day = parts(m)
    raw = m.group(0).strip()
    if year is None:
        if letter is None:
            return None, []
        found = make_date(letter.year, month, day)
        if found and found > letter:
            found = make_date(letter.year - 1, month, day)
        return (found, []) if found else (None, [f"unreadable date '{raw}' ignored"])
    found = make_date(year, month, day)
    if found is None:
        return None, []  # invalid_date_warnings() has said so
    if letter and found > letter:
        return found, [f"request received {found.isoformat()}, after the letter date {letter.isoformat()}"]
    return found, []


# -- reference ------------------------------------------------------------------------
def subject_reference(subject: str | None) -> str | None:
    """The reference an e-mail's Subject header names ("RE: FOI request 24-0123 (stop and search)")."""
    if not subject:
        return None
    m = _SUBJECT_REF.match(f"Subject: {subject}")
    ref = _subject_ref(m)
    if ref and _plausible_ref(ref):
        return ref
    labelled = _labelled_refs(subject, scan.fold(subject))  # "Your request - Our Ref: 2024/FOI/0456"
    return labelled[0] if labelled else None


def _subject_ref(m: re.Match | None) -> str | None:
    """The reference a _SUBJECT_REF match names, with its "FOI-" when the hyphen joins it ("RE: FOI-2024-0101")."""
    if m is None:
        return None
    ref, start = m.group("ref").rstrip("./_-"), m.start("ref")
    joined = re.search(r"(?:foi|foia|foisa|eir)-$", m.string[max(0, start - 6):start], re.IGNORECASE)
    return m.string[start - len(joined.group(0)):start] + ref if joined else ref


def reference(text: str, folded: str, footer_ref: str | None) -> tuple[str | None, list[str]]:
    """The first labelled reference; else an FOI-shaped one; else the page footer's (see footer()).

    The footer comes last because a date-and-number line is the weakest evidence: it is
    used only when it repeats on every page or closes the document and nothing says "Ref".
    """
    found = _labelled_refs(text, folded)
    if not found:
        heading = next((m.group("ref").rstrip("./_-") for m in _HEADING_REF.finditer(text)
                        if _plausible_ref(m.group("ref").rstrip("./_-"))), None) if scan.has_any(
            folded, ("foi", "eir", "freedom")) else None
        if heading:
            return heading, []
        subject = next((_subject_ref(m) for m in _SUBJECT_REF.finditer(text)
                        if _plausible_ref(_subject_ref(m))), None) if "subject:" in folded else None
        token = subject or next((t.group(0) for t in _FOI_TOKEN.finditer(text) if _plausible_ref(t.group(0))), None)
        return token or footer_ref, []
    first, warnings = found[0], []
    keys, endings = set(), set()  # the references' keys, and every ending of them
    for other in found:
        key = _ref_key(other)
        if key in endings or any(key[i:] in keys for i in range(len(key) + 1)):
            continue  # the same reference, one written longer than the other
        if keys:
            warnings.append(f"conflicting references '{first}' and '{other}': kept '{first}'")
        keys.add(key)
        endings.update(key[i:] for i in range(len(key) + 1))
    return first, warnings


def _labelled_refs(text: str, folded: str) -> list[str]:
    refs = []
    for label in scan.finditer(_REF_LABEL, text, scan.starts_of(folded, _REF_STARTS)):
        if _NOT_OURS.search(text, max(0, label.start() - 25), label.start()) and not (
                _THE_REQUESTS.match(label.group(0)) and text[max(0, label.start() - 5):label.start()].lower().strip()
                == "your"):
            continue  # "Your ref: JS/1" is the requester's; "Your request reference: 2024/0456" the force's number
        at = _REF_SEP.match(text, label.end()).end()
        value = _REF_VALUE.match(text, at)
        if value is None:
            continue
        ref = value.group(0).rstrip("./_-")
        if " " in ref and re.search(r"[/_-]", ref.split(" ", 1)[0]):
            ref = ref.split(" ", 1)[0]  # "003456/22 01234 567890": the reference, then a phone number
        if _plausible_ref(ref) and not _PHONE.match(text, at) and not _POSTCODE.match(text, at):
            refs.append(ref)
    return refs


_THE_REQUESTS = re.compile(r"(?:request|foi|foia|foisa|eir|case)\b", re.IGNORECASE)


def _plausible_ref(ref: str) -> bool:
    """Has a digit, and is not a date or a bare year ("Act 2000")."""
    bare = re.sub(r"^[A-Z]{2,6}[ /_-]?", "", ref)
    dated = DATE.fullmatch(ref)  # "24/03/0471" has a date's shape but no date's year: a reference
    return (len(ref) >= 3 and any(c.isdigit() for c in ref) and not (dated and _real_year(dated))
            and not re.fullmatch(r"(?:19|20)\d\d", bare))


def _real_year(m: re.Match) -> bool:
    year = parts(m)[0]
    return year is None or 1900 <= year <= 2100


def _ref_key(ref: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", ref.upper())
