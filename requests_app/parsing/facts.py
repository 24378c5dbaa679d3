"""The facts of an FOI reply: reference, dates, exemptions relied on, NCND and "not held".

extract_facts(text) -> Facts (shared/spec/parsed-reply.md; exemption tags as in the "Tags"
section of shared/spec/foi-rules.md). Pure: no Django, and the clock is never read.

Exemptions: a provision counts only when the reply relies on it. A citation is taken when
its sentence talks the language of refusal ("exempt", "applied", "by virtue of", "cost",
"neither confirm nor deny", a harm or public interest test...) or it opens a short heading
line ("Section 31(1)(a) - Law Enforcement"), and it is not negated or hypothetical ("to
avoid having to implement a Section 40 exemption", "we have not applied section 40",
"should you refine your request ... section 12"). Only provisions that can be relied on
are kept: FOIA/FOISA s12, s14, s21-s44 (FOISA s18, its NCND provision, in a Scottish reply),
EIR reg12/reg13 (EISR reg10/reg11 in a Scottish reply); s1, s10, s16, s17, s45, s50 and the
like are procedure, never exemptions. A citation of another statute ("section 39 of the
Criminal Justice Act", "Section 44 Terrorism Act") or a range ("sections 21 to 44") is skipped.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from datetime import date

from requests_app.parsing import facts_dates as fd
from requests_app.parsing import scan
from requests_app.parsing.model import Facts

# -- citations ------------------------------------------------------------------------
_KIND = r"(?P<kind>(?i:sections?|sects?\.?|secs?\.?|ss?\.|s(?=\s?\d)|§|regulations?|regs?\.?))"
_SUB = r"(?:\d{1,3}[A-Z]?|[A-Za-z]|(?i:[ivx]{2,5}))"  # (2), (3A), (a), (iv); never "(cost)"
_BRACKET = rf"\(\s*{_SUB}\s*\)"
_NUM = r"\d{1,3}(?:[A-Z](?![A-Za-z]))?(?!\d)"
_NOT_UNIT = r"(?!\s*(?i:hours?\b|hrs\b|days?\b|working\b|weeks?\b|months?\b|years?\b|minutes?\b|per\b|%|pm\b|am\b))"
_ITEM = rf"(?:{_NUM}{_NOT_UNIT}(?:\s*{_BRACKET})*|(?:\s*{_BRACKET})+)"
# The exemption's name between two items of a list: "34(1)(b) (Investigations) and 35(1)(a)",
# "40(2) - Personal Information, 31(1)(a)". Only ever followed by a further item.
_NAME = r"(?:\s*\(\s*[A-Z][A-Za-z'’ ]{1,40}\)|\s+[-–—]\s+[A-Z][A-Za-z'’ ]{1,40}?)"
_CITE = re.compile(rf"(?<![\w.]){_KIND}\s*(?P<body>{_NUM}(?:\s*{_BRACKET})*"
                   rf"(?:{_NAME}?\s*(?:,|&|/|(?i:\band\b|\bor\b))\s*{_ITEM})*)")
_BODY_TOKEN = re.compile(rf"\(\s*({_SUB})\s*\)|(\d{{1,3}}[A-Z]?)")
_ROMAN = re.compile(r"i{1,3}|iv|vi{0,3}|ix|x")
_LETTER_RANGE = re.compile(r"\s*(?:-|–|—|to)\s*\(\s*([a-hA-H])\s*\)")  # "(a)-(c)", "(a) to (c)"
_AFTER_RANGE = re.compile(rf"\s*(?:,|&|\band\b|\bor\b)\s*(?P<body>{_NUM}(?:\s*{_BRACKET})*)")
_RANGE = re.compile(r"\s*(?:to|-|–|—)\s*\d{1,3}(?!\d)(?!\s*(?i:hours?|hrs|days?|working|%))", re.IGNORECASE)
_OTHER_ACT = re.compile(r"[ \t]*(?:(?:of|under|in)[ \t]+)?(?:the[ \t]+)?(?!(?i:freedom|foi|environmental|eir)\b)"
                        r"(?!Act\b)[A-Z][\w'’(),-]*[ \t]+"
                        r"(?:(?:(?!Act\b)[A-Z][\w'’(),-]*|of|and|the|from|for|to|on|\(Scotland\))[ \t]+){0,7}?"
                        r"(?:Act|Regulations|Order|Code|Rules)\b"
                        # or by its usual abbreviation: "section 24 PACE", "S23 MDA", "Section 43 TACT"
                        r"|[ \t]*(?:(?:of|under)[ \t]+(?:the[ \t]+)?)?(?:PACE|MDA|TACT|RIPA|IPA|CJPOA|PHA|SOCPA|RTA|CJA|ASBCPA"
                        r"|PoFA|PCSCA|TA[ \t]?2000|ROTA)\b")
_BULLET = re.compile(r"[ \t]*(?:(?:[-•·–>#]|\(?\d{1,2}[.)]|\(?[a-z]\))[ \t]+)*")
_RELIANCE = re.compile(
    r"exempt|\bexception|\bappl(?:y|ies|ied|ying)\b|\brel(?:y|ies|ied|ying)\b|relian|engag|by\s+virtue|refus"
    r"|withh[eo]ld|\bredact|confirm\s+n?or\s+deny|\bcost|exceed|appropriate\s+limit|vexatious|repeat(?:ed)?\s+request"
    r"|not\s+(?:obliged|required)|prejudic|\bharm|public\s+interest|personal\s+(?:data|information)|law\s+enforcement"
    r"|national\s+security|security\s+bod|investigation|health\s+and\s+safety|endanger|commercial|confiden"
    r"|reasonably\s+accessible|future\s+publication|intended\s+for\s+publication|legal\s+professional\s+privilege"
    r"|under\s+(?:section|s\.?\s?\d|regulation|reg\b)|pursuant\s+to|in\s+accordance\s+with\s+(?:section|regulation)"
    r"|absolute|qualified|class[\s-]based|prejudice[\s-]based|disclos|favouring|suppress|in\s+line\s+with"
    r"|as\s+per\b|\buph[eo]ld", re.IGNORECASE)
_VERB = (r"(?:apply|applied|applying|rely|relied|relying|use|used|using|cite|cited|citing|engage|engaged|engaging"
         r"|invoke|invoked|invoking|implement|implemented|implementing|claim|claimed|claiming|uphold|upheld|upholding)")
_NEG_BEFORE = re.compile(rf"\bavoid(?:s|ed|ing)?\b|\b(?:not|never|no\s+longer)\s+(?:\w+\s+){{0,3}}?{_VERB}\b"
                         r"|\b(?:do|does|did)\s+not\s+(?:consider|believe|think|accept)\s+(?:that\s+)?(?:the\s+)?(?:\w+\s+){0,3}?$"
                         rf"|\bwithout\s+(?:\w+\s+){{0,3}}?{_VERB}\b|\b(?:rather\s+than|instead\s+of)\b"
                         r"|\bno\s+(?:need|requirement)\b", re.IGNORECASE)
_TURN = re.compile(r"\b(?:however|but|instead|by\s+virtue|following|although|nevertheless|therefore|thus|because"
                   r"|since|(?<!such\s)as|and|so|which|whereas|while|whilst)\b", re.IGNORECASE)
_NEG_AFTER = re.compile(
    r"\s*(?:(?:of|under|in)\s+(?:the\s+)?[\w() ]{0,50}?)?(?:exemptions?\s+)?"
    r"(?:has|have|had|was|were|is|are|does|do|did|will|would|shall|should)\s+(?:not|never|no\s+longer)\s+"
    rf"(?:been\s+|be\s+|being\s+)?(?:{_VERB}|engaged|relevant)\b"
    r"|\s*(?:(?:of|under|in)\s+(?:the\s+)?[\w() ]{0,50}?)?(?:was|were|has\s+been|had\s+been)\s+(?:not\s+(?:correctly|properly"
    r"|appropriately)|incorrectly|wrongly|inappropriately)\s+(?:applied|engaged|used|cited|relied\s+(?:up)?on)\b"
    r"|\s*(?:could|might|may)\s+(?:potentially\s+)?(?:apply|be\s+(?:engaged|relevant|applied))\b"
    r"|\s*(?:(?:has|have)\s+been\s+considered\s+but\s+(?:is|are|was|were)|(?:is|are)\s+considered\s+but)\s+not\s+"
    r"(?:engaged|applied|applicable|relevant)\b", re.IGNORECASE)
_POINTED_BACK = re.compile(
    r"\b(?:concluded|decided|found|determined)\s+(?:that\s+)?(?:it|this|they)\s+(?:does|do|did|is|was|were)\s+not\b"
    r"|\bnot\s+(?:found\s+it\s+|been\s+|considered\s+it\s+)?(?:necessary|needed)\s+to\s+(?:rely\s+on|apply|use|engage)"
    r"\s+(?:it|this|them)\b", re.IGNORECASE)
# "...; we have not applied it in this case", "...; this has not been applied": only before the
# next citation, which may be the one not applied ("section 40(2) is engaged; section 38 has not been").
_BACK_SUBJECT = r"\b(?:it|this|they|that(?:\s+exemption)?|the\s+exemption)"
_APPLIED = r"(?:applied|used|relied\s+(?:up)?on|engaged|cited)"
_NOT_APPLIED_BACK = re.compile(
    rf"{_BACK_SUBJECT}\s+(?:does|do|did|would|will)\s+not\s+(?:apply|be\s+engaged)\b"
    rf"|{_BACK_SUBJECT}\s+(?:has|have|had|was|were|is|are)\s+not\s+(?:been\s+)?{_APPLIED}\b"
    rf"|\b(?:has|have|had)\s+not\s+{_APPLIED}\s+(?:it|this|them)\b", re.IGNORECASE)
_CONSIDERED = re.compile(r"\b(?:considered|looked\s+at|assessed|reviewed)\b", re.IGNORECASE)
# A finding against the provision considered: only words that cannot also argue for withholding
# ("disclosure would not be fair" applies section 40(2); "can be released" does not).
_CONSIDERED_NOT = re.compile(
    r"\b(?:concluded|decided|satisfied|found|determined|established)\b[^.;]{0,160}?\b(?:(?:can|will)\s+be\s+(?:released"
    r"|disclosed|provided|answered|supplied|complied\s+with)|(?:it|this|they|the\s+exemption)\s+(?:does|do|did)\s+not"
    r"\s+apply|(?:is|was)\s+not\s+engaged|within\s+the\s+(?:appropriate|cost)\s+limit|no\s+exemption"
    r"|would\s+not\s+(?:prejudice|harm|endanger|damage|be\s+likely\s+to\s+(?:prejudice|harm|endanger)))", re.IGNORECASE)
_CLAUSE = re.compile(r"[;:]|\b(?:however|but)\b", re.IGNORECASE)
_ASIDE = re.compile(  # advice about a future request, or the requester's own words
    r"\b(?:if\s+you|should\s+you|were\s+you\s+to|future\s+requests?|refined?|resubmit|any\s+(?:further|new)\s+requests?"
    r"|please\s+(?:provide|send|supply|include|state|tell|list|give|explain|confirm|disclose)|i\s+would\s+like"
    r"|i\s+request|i\s+am\s+requesting|could\s+you|can\s+you|how\s+many"
    r"|(?:we|the\s+force)\s+(?:may|might|could)\s+(?:apply|rely|use|consider)|in\s+(?:previous|past|earlier)\s+years"
    r"|of\s+which\s+[\d,]+\s+(?:were|was|have\s+been)|did\s+you|have\s+you|refused\s+[\d,]+\s+(?:requests?|applications?)"
    r"|(?:[\d,]+|one|two|three|four|five|six|seven|eight|nine|ten|several|some|many)\s+(?:of\s+(?:your|the|these)\s+)?"
    r"(?:previous\s+|earlier\s+)?(?:requests?|applications?)\s+(?:were|was|have\s+been)\s+refused"
    # the provision's own hypothetical ("even if section 34 were to apply", "were section 30 to apply"), one
    # suggested or possible ("section 34 might be relevant"), one offered as an example ("such as section 31")
    r"|if\s+(?:sections?|s\.?|regulations?|reg\.?)\s*\d[\w()]*\s+(?:were|was|did)\s+(?:to\s+)?(?:apply|applied|be\s+engaged)"
    r"|were\s+(?:sections?|s\.?|regulations?|reg\.?)\s*\d[\w()]*\s+to\s+(?:apply|be\s+(?:applied|engaged))"
    r"|(?:sections?|s\.?)\s*\d[\w()]*\s+(?:might|may|could)\s+be\s+(?:relevant|applicable)|it\s+has\s+been\s+suggested"
    r"|such\s+as\s+(?:sections?|s\.?)\s*\d+|(?:we|the\s+force)\s+(?:may|might)\s+(?:be\s+unable|need)\b"
    r"|previous\s+(?:response|reply)\s+to\s+(?!your\b|this\b)(?![^.]*\b(?:same\s+exemption|applies|also\s+appl|again)))\b",
    re.IGNORECASE)  # (statistics of refusals; what another request was told)
_SENTENCE_END = re.compile(r"[.!?](\s+)(?=[A-Z“\"'(]|[-•*]\s)")  # group 1 is the break (a look-behind is slower)
_TABLE_LINE = re.compile(r"\t|\S {2,}\S.*\S {2,}\S")
# NCND subsection of each FOIA exemption ("the duty to confirm or deny does not arise").
_NCND_FOIA = {"12": "2", "22": "2", "23": "5", "24": "2", "26": "3", "27": "4", "28": "3", "29": "2", "30": "3",
              "31": "3", "32": "3", "33": "3", "34": "2", "35": "3", "36": "3", "37": "2", "38": "2", "39": "2",
              "40": "5", "41": "2", "42": "2", "43": "3", "44": "2"}

# -- flags ----------------------------------------------------------------------------
_SCOTTISH = re.compile(r"\bFOISA\b|\(Scotland\)\s+(?:Act|Regulations)|Scottish\s+Information\s+Commissioner"
                       r"|\bEISRs?\b", re.IGNORECASE)
_NCND = re.compile(
    r"neither\s+(?:to\s+)?confirm\w*\s+n?or\s+(?:to\s+)?den(?:y|ies|ied|ying)|\bNCND"
    r"|(?:exempt\w*|excluded|relieved|released)\s+from\s+(?:the|its|our|any)\s+duty\s+to\s+confirm\s+or\s+deny"
    r"|duty\s+to\s+confirm\s+or\s+deny[^.]{0,80}?(?:does\s+not\s+(?:apply|arise)|is\s+(?:removed|excluded|disapplied))"
    r"|\b(?:not|no)\s+(?:obliged|required|obligation|duty)\s+to\s+confirm\s+or\s+deny"
    r"|duty\s+(?:in|under|at)\s+s(?:ection|\.)?\s*1\s*\(\s*1\s*\)\s*\(\s*a\s*\)[^.]{0,120}?does\s+not\s+apply"
    r"|refus\w*\s+to\s+(?:reveal|confirm\s+or\s+deny)\s+whether"
    r"|\b(?:not|cannot|can't|won't|unable\s+to)\s+(?:(?:be\s+)?able\s+to\s+|in\s+a\s+position\s+to\s+)?"
    r"confirm\s+n?or\s+(?:to\s+)?deny", re.IGNORECASE)  # "does not confirm or deny whether", "cannot confirm or deny"
# Said of something else: "not (relying on) a NCND", "should not be taken as a neither confirm nor
# deny response" (the phrase as a noun after an article, anywhere in the clause), or hypothetical.
_NCND_NEGATED = re.compile(r"\b(?:not|never|no\s+longer)\s+(?:\w+\s+){0,3}$|\b(?:if|should|were|whether)\s+you\b"
                           r"|\b(?:would|may|might|could)\s+(?:normally\s+|usually\s+|sometimes\s+|generally\s+|ordinarily\s+)?$"
                           r"|\b(?:normally|usually|sometimes|generally|ordinarily)\s+$"
                           r"|\b(?:not|never|no\s+longer)\b[^.,;:()]*\b(?:an?|the)\s+[\"'“‘]?$", re.IGNORECASE)
# "In some circumstances a force may neither confirm nor deny ..., however that is not the case here."
_NCND_NOT_HERE = re.compile(r"\b(?:that|this)\s+is\s+not\s+the\s+case\b|\bnot\s+(?:apply\s+)?(?:here|in\s+this\s+case)\b"
                            r"|\bnot\s+(?:been\s+)?(?:necessary|required|needed)\s+(?:for|in|on)\s+(?:your|this)\b"
                            r"|\b(?:has|have)\s+not\s+been\s+(?:necessary|required|needed)\b|\bon\s+this\s+occasion\b[^.]{0,60}\bable\s+to\s+confirm\b"
                            r"|\bdoes\s+not\s+apply\s+to\s+(?:this|your)\s+request\b"
                            r"|\b(?:do|does|did|can)\s+not\s+uphold\b|\bnot\s+(?:been\s+)?upheld\b|\boverturn", re.IGNORECASE)
_HELD_VERB = r"(?:hold|record|retain|keep|collate|capture|maintain|store|collect)"
_NOT_HELD = re.compile(
    rf"\b(?:does|do|did)\s+not\s+(?:\w+\s+)?{_HELD_VERB}\b|\b(?:doesn't|don't|didn't)\s+(?:\w+\s+)?{_HELD_VERB}\b"
    r"|\b(?:is|are|was|were|been)\s+not\s+(?:\w+\s+)?(?:held|recorded|retained|kept|collated|captured|maintained"
    r"|stored)\b|\bnot\s+held\b|\bholds?\s+no\s+(?:\w+\s+){0,2}?(?:information|data|records?)\b"
    r"|\bno\s+(?:\w+\s+)?(?:information|data|records?|details)\s+(?:\w+\s+){0,3}?(?:held|found|located|recorded"
    r"|retained|kept)\b|\b(?:unable|not\s+able)\s+to\s+(?:locate|find|identify)\s+any\b"
    r"|\binformation\s+(?:does\s+not|doesn't)\s+exist\b", re.IGNORECASE)
_CONDITIONAL = re.compile(r"\b(?:if|whether|unless|in\s+the\s+event|where\s+you)\b|confirm\w*\s+or\s+deny\w*"
                          r"|\bplease\s+(?:state|confirm|tell|say|advise|let|provide|indicate)\b|\bor\s+(?:\w+\s+)?$",
                          re.IGNORECASE)
_UNABLE = re.compile(r"\b(?:unable|not\s+able)\s+to\s+(?:provide|supply|answer|give)\b"
                     r"|\b(?:cannot|can\s+not|can't)\s+(?:provide|supply|answer|give)\b", re.IGNORECASE)
_ELSEWHERE = re.compile(
    r"\b(?i:may|might|could|would|should|will)\s+(?i:be\s+)?(?i:available|obtained|obtainable|held|sought|requested)"
    r"\s+(?:\w+\s+){0,3}?(?i:from|by|with|through)\s+(?:the\s+)?(?!(?i:our|this|its|us|we)\b)[A-Z]"
    r"|\b(?i:you\s+(?:may|might)\s+wish\s+to\s+(?:contact|approach|write\s+to))\s+(?:the\s+)?"
    r"(?!(?i:us|our|this|me)\b)[A-Z]")
_SCOT_NOT_HELD = re.compile(r"\bs(?:ection|\.)?\s*17\s*\(\s*1\s*\)", re.IGNORECASE)
# In the folded text, where a _CITE can begin: a kind word at a word boundary (its look-behind
# allows no less), then its number. The boundary is checked after the first letter ("s" not
# behind a word character is "\bs"): a pattern that opens with a letter is looked for only
# where that letter is, one that opens with \b is tried at every offset (twice as slow).
_CITE_START = re.compile(r"(?:s(?<!\ws)(?:ections?|ects?\.?|ecs?\.?|s?\.)?|r(?<!\wr)eg(?:ulations?|s?\.?)|§)\s*\d")
# Literals a match needs (see scan.py): where each can begin, or one it must contain.
_NCND_WORDS = ("neither", "ncnd", "deny", "duty", "refus")  # one of them in every _NCND match (single words:
# a line may break between any two)
_NCND_STARTS = ("neither", "ncnd", "exempt", "excluded", "relieved", "released", "duty", "no", "refus", "cannot",
                "can't", "won't", "unable")
_SCOTTISH_WORDS = ("foisa", "(scotland)", "scottish", "eisr")
# A letter from Police Scotland names itself at its head (one naming it further down may be English: "Similar
# data may be held by Police Scotland"), and answers under the Scottish Act even where it does not name it.
_SCOTTISH_HEAD = re.compile(r"\A(?:[^\n]*\n){0,3}?[ \t]*Police\s+Scotland\b[^\n]{0,40}$",
                            re.IGNORECASE | re.MULTILINE)  # a short line at the head: the letterhead
_NOT_HELD_WORDS = ("no", "n't", "unable")  # in every _NOT_HELD and _UNABLE match
_RELIANCE_STARTS = ("exempt", "exception", "appl", "rel", "engag", "by", "refus", "withh", "redact", "confirm",
                    "cost", "exceed", "appropriate", "vexatious", "repeat", "not", "prejudic", "harm", "public",
                    "personal", "law", "national", "security", "investigation", "health", "endanger", "commercial",
                    "confiden", "reasonably", "future", "intended", "legal", "under", "pursuant", "in", "absolute",
                    "qualified", "class", "disclos", "favouring", "suppress", "as", "uph")


def extract_facts(text: str, sent: date | None = None, subject: str | None = None) -> Facts:
    """The reference, dates, exemptions and flags of one reply's text; `sent` (an e-mail's Date
    header) is the letter date when the text states none, and the reference in `subject` (its
    Subject header) the reference. reply.py passes each body through own_part() first: the
    thread quoted below a reply is the request and earlier messages, citing sections of their own."""
    text = _clean(text)
    folded, lines = scan.fold(text), _lines(text)
    sentences = list(_sentences(text, lines))
    warnings = fd.invalid_date_warnings(text, folded)
    footer_date, footer_ref = fd.footer(text)
    letter = fd.letter_date(text) or footer_date or sent
    received, received_warnings = fd.received_date(text, folded, letter)
    reference, reference_warnings = fd.reference(text, folded, footer_ref)
    reference = reference or fd.subject_reference(subject)
    scottish = (scan.has_any(folded, _SCOTTISH_WORDS) and bool(_SCOTTISH.search(text))) or bool(
        _SCOTTISH_HEAD.match(text, 0, 400) and "act 2000" not in folded)
    quoted = _quoted(text)
    exemptions = _exemptions(lines, folded, sentences, scottish, quoted)
    if "exempt" in folded or "exception" in folded:  # "Exemptions applied: 40(2), 31(1)(a)": no "section"
        listed = [p for p in _listed(text, folded, scottish, quoted) if not any(q.startswith(p) for q in exemptions)]
        exemptions = [p for p in dict.fromkeys([*exemptions, *listed]) if not any(
            q.startswith(p + "(") for q in (*exemptions, *listed))]
    return Facts(
        reference=reference, letter_date=letter, request_received_date=received, exemptions=tuple(exemptions),
        neither_confirm_nor_deny=_ncnd(text, folded, quoted) or any(_is_ncnd(e, scottish) for e in exemptions),
        information_not_held=(_not_held(text, folded, sentences, scottish)
                              or any(e.startswith("reg12(4)(a)") for e in exemptions)),
        warnings=tuple(dict.fromkeys([*warnings, *received_warnings, *reference_warnings])),
    )


# Where the thread quoted below a reply begins: Outlook's "-----Original Message-----" or its
# "From: ... / Sent: ..." block. ("On ... you wrote:" is not: WhatDoTheyKnow replies quote the
# request that way and answer under it; the lines such a quote opens with ">" are dropped.)
_THREAD = re.compile(r"^[ \t]*(?:-{2,}\s*original\s+message|from:.*\n[ \t]*sent:)", re.IGNORECASE | re.MULTILINE)
_THREAD_WORDS = ("original message", "\nfrom:")  # one of them opens every _THREAD match
_FORWARD = re.compile(r"^[ \t]*subject:[ \t]*(?:fw|fwd)\s*:", re.IGNORECASE | re.MULTILINE)
# Once the reply has signed off, the message it answers may follow, opened by "On ... wrote:" or
# by a mail header block ("From: ... / Date: ... / To: ... / Subject: ...") rather than Outlook's.
_SIGN_OFF = fd.SIGN_OFF
_QUOTE_OPEN = re.compile(r"^[ \t]*(?:on\b[^\n]{0,250}?\bwrote:[ \t]*$"
                         r"|from:[^\n]*\n(?:[ \t]*(?:sent|date|to|cc|subject):[^\n]*\n){1,4})", re.IGNORECASE | re.MULTILINE)


def own_part(text: str, forwarded: bool = False) -> str:
    """A reply's own text: without the thread quoted below it, and without ">" quoted lines.
    A forwarded message ("Subject: FW: ...") is kept: it is how a reply reaches the tracker.
    So is the first message under a forward's own note when the message is a forward
    (`forwarded`: its Subject header says "FW:", or a "Subject: FW:" line heads the text):
    Outlook puts "FW:" on the forward's subject only, and heads the reply with its own.
    For one e-mail body or letter; attachments are read in their own right (reply.py)."""
    folded = scan.fold(text)  # (offset for offset: the cuts below are the regex matches' offsets)
    cut, own_from = len(text), 0
    if scan.has_any(folded, _THREAD_WORDS):
        for m in _THREAD.finditer(text):
            if text[:m.start()].strip() and not _FORWARD.search(text, m.end(), m.end() + 400):
                if own_from == 0 and (forwarded or _FORWARD.search(text, 0, m.start())):
                    own_from = m.end()  # the forwarded reply: its own quoted thread, if any, comes below
                    continue
                cut = m.start()  # (a header block at the very top is this message's own)
                break
    if scan.has_any(folded, ("wrote:", "\nfrom:"), own_from, cut):
        signed = _SIGN_OFF.search(text, own_from, cut)
        quoted = signed and next((m for m in _QUOTE_OPEN.finditer(text, signed.end(), cut)
                                  if not _FORWARD.search(text, m.start(), m.end() + 400)), None)
        if quoted:
            cut = quoted.start()
    text = text[:cut]
    if "\n>" in text or text.startswith(">"):
        text = "\n".join(line for line in text.split("\n") if not line.startswith(">"))
    return text


def _clean(text: str) -> str:
    """Plain text: one kind of newline and space, no markdown emphasis or escapes.

    Each substitution is made only when its characters occur (a scan of the whole text
    per regex otherwise, most of them finding nothing)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        if _has_any_char(text, "\u00a0\u2007\u202f"):
            text = re.sub(r"[\u00a0\u2007\u202f]", " ", text)
        if _has_any_char(text, "\u00ad\u200b\u200c\u200d\ufeff"):
            text = re.sub(r"[\u00ad\u200b-\u200d\ufeff]", "", text)
        if _has_any_char(text, "\u2010\u2011"):
            text = re.sub(r"[\u2010\u2011]", "-", text)
    if "\\" in text:
        text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", text)
    return text.replace("*", "")


def _has_any_char(text: str, chars: str) -> bool:
    return any(c in text for c in chars)


# -- exemptions -----------------------------------------------------------------------
def _quoted(text: str) -> list[tuple[int, int]]:
    """Where the reply quotes at length (30 characters or more between quotation marks): the request
    restated ("You asked: \"... I do not accept that section 43(2) applies ...\""), whose citations
    and NCND wording are the requester's, not the reply's."""
    spans = []
    for opening, closing in (('"', '"'), ("“", "”")):
        at = text.find(opening)
        while at >= 0:
            end = text.find(closing, at + 1)
            if end < 0:
                break
            if 30 <= end - at - 1 <= 3000:
                spans.append((at, end + 1))
            at = text.find(opening, end + 1)
    return sorted(spans)


def _in(spans: list[tuple[int, int]], at: int) -> bool:
    k = bisect_right(spans, (at, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= at < spans[k][1]


# "The following exemptions have been applied: 31(1)(a), 38(1)(a)", "Exemptions Applied" over lines
# "40(2) Personal Information": provisions listed without "section" after a label that names them.
_LIST_LABEL = re.compile(r"(?<!\w)(?:exemptions?|exceptions?)\b[^.\n:]{0,60}?(?::|\n)", re.IGNORECASE)
_BARE_PROVISION = re.compile(r"(?<![\w(./-])(?P<body>\d{1,3}[A-Z]?(?:\s*\(\s*[0-9A-Za-z]{1,4}\s*\))+)(?![\w/-])")


def _listed(text: str, folded: str, scottish: bool, quoted: list[tuple[int, int]]) -> list[str]:
    found = []
    for label in scan.finditer(_LIST_LABEL, text, scan.starts_of(folded, ("exemption", "exception"))):
        if (quoted and _in(quoted, label.start())) or re.search(r"\b(?:no|not|any)\s+$", text[max(0, label.start() - 8):
                                                                                         label.start()], re.IGNORECASE) or (
                _in_glossary(folded, label.start())):
            continue  # "No exemptions have been applied:"
        end = text.find("\n\n", label.end() + 1)
        end = min(label.end() + 400, len(text) if end < 0 else end)
        if text[label.end():label.end() + 1] == "\n" and end == label.end() + 1:
            end = min(label.end() + 400, len(text))
        prefix = "reg" if label.group(0).lower().startswith("exception") else "s"
        for m in _BARE_PROVISION.finditer(text, label.end(), end):
            found += [p for p in _provisions(prefix, m.group("body")) if _can_rely(p, scottish)]
    return found


def _exemptions(lines: list[tuple[int, str]], folded: str, sentences: list[tuple[int, str]],
                scottish: bool, quoted: list[tuple[int, int]] = ()) -> list[str]:
    """Provisions relied on, normalised, unique, in order of first mention; none the reply quotes."""
    line_starts, found = [o for o, _ in lines], []
    readings: dict[tuple, tuple] = {}  # a reply repeats its sentences (a note under every table)
    picked = _cited(sentences, folded)
    cited_in = {k: starts for _, _, starts, k in picked}
    for offset, sentence, starts, k in picked:
        key = (sentence, tuple(starts))
        reading = readings.get(key)
        if reading is None:
            reading = readings[key] = _reading(sentence, starts, scottish)
        relying, cited = reading
        if quoted:
            cited = [(at, provisions) for at, provisions in cited if not _in(quoted, offset + at)]
        if relying and _EARLIER.search(sentence) and scan.has_any(
                folded, ("uphold", "upheld", "overturn", "revers", "wrongly", "correctly applied"), offset, offset + 2000):
            overturned = _overturned(sentences, k, cited_in)
            if overturned is not None:  # "The original response relied on section 23(5) ... I do not uphold that decision."
                cited = [(at, [p for p in provisions if overturned and p not in overturned]) for at, provisions in cited]
        if cited and _DESCRIBES.match(sentence):  # "Section 12(1) of the Act provides: ...": the Act's words
            if _applied_after(sentences, k, folded):
                found += [p for _, provisions in cited for p in provisions]
            continue
        for at, provisions in cited:
            if (relying or _opens_heading(lines, line_starts, offset + at)) and not _in_glossary(folded, offset + at):
                found += provisions
    unique = list(dict.fromkeys(found))  # "Section 24 is qualified" after "Section 24(2)" adds nothing
    return [p for p in unique if not any(q.startswith(p + "(") for q in unique)]


# A review's account of the first response ("The original response relied on section 23(5)"), and
# its finding against it in one of the next sentences ("I do not uphold that decision").
_EARLIER = re.compile(r"\b(?:original|initial|first|earlier|previous)\s+(?:response|reply|decision|answer|refusal)\b"
                      r"|\bwas\s+(?:originally|initially|previously)\b", re.IGNORECASE)
_REVERSED = re.compile(r"\b(?:do|does|did|have|has|can)\s+not\s+uphold\b|\bcannot\s+uphold\b|\bnot\s+(?:been\s+)?upheld\b"
                       r"|\boverturn(?:s|ed|ing)?\b|\brevers(?:e|es|ed|ing)\s+(?:that|the|this)\b"
                       r"|\b(?:wrongly|incorrectly|inappropriately|not\s+correctly)\s+applied\b", re.IGNORECASE)


_COMPLAINT = re.compile(r"\b(?:complaint|appeal|grounds|request\s+for\s+(?:a\s+)?review)\b", re.IGNORECASE)


def _overturned(sentences: list[tuple[int, str]], k: int, cited_in: dict) -> list[str] | None:
    """The provisions a review overturns in the two sentences after sentence k: those it names
    there, or all of them ([]: "I do not uphold that decision"); None when it overturns nothing."""
    for j in range(k + 1, min(k + 3, len(sentences))):
        sentence = sentences[j][1]
        if _REVERSED.search(sentence) is None:
            continue
        if _COMPLAINT.search(sentence) and j not in cited_in:
            return None  # "I do not uphold your complaint": the first response stands
        return [p for cite in scan.finditer(_CITE, sentence, cited_in.get(j, ()))
                for p in _provisions("reg" if cite.group("kind").lower().startswith("reg") else "s", cite.group("body"))]
    return None


# A sentence that opens by saying what a provision says: its words of refusal are the Act's, and
# the reply relies on the provision only where the sentences after the quotation say so.
_DESCRIBES = re.compile(
    r"\W*(?:sections?|s\.?|regulations?|reg\.?)\s*(?P<number>\d{1,3})[A-Z]?(?:\s*\(\s*\w{1,4}\s*\))*"
    r"(?:\s+(?:of|under)\s+(?:the\s+)?[\w() ]{0,70}?(?:Act|Regulations)(?:\s+\d{4})?)?,?"
    r"\s+(?:provides|states|says|reads|sets\s+out|explains)\b(?P<rest>.*)", re.IGNORECASE | re.DOTALL)
_QUOTE_MARKS = {"“": "”", '"': '"', "‘": "’", "'": "'"}
_AFTER_DESCRIPTION = 2  # sentences read after the quotation


def _applied_after(sentences: list[tuple[int, str]], k: int, folded: str) -> bool:
    """Whether the sentences after the description in sentence k (and after the quotation it opens,
    which may run over several sentences) rely on something without citing another provision:
    "The cost of locating ... would exceed the appropriate limit" after "Section 12(1) provides: ..."."""
    offset, sentence = sentences[k]
    described = _DESCRIBES.match(sentence)
    opened = offset + described.start("rest")
    while opened < len(folded) and folded[opened] in " \t\n:,-–":
        opened += 1  # the quotation may begin in the next paragraph
    quote_end = -1
    if folded[opened:opened + 1] in _QUOTE_MARKS:
        quote_end = folded.find(_QUOTE_MARKS[folded[opened]], opened + 1)
    read = 0
    for at, after in sentences[k + 1:k + 12]:
        if at < quote_end:
            continue  # still the Act's words
        if _CITE_START.search(folded, at, at + len(after)):  # the next citation speaks for itself, and for
            # this one where it is the same section: "... so section 12 applies to your request"
            return _relies(after) and any(m.group("body").startswith(described.group("number"))
                                          and not m.group("body")[len(described.group("number")):][:1].isdigit()
                                          for m in _CITE.finditer(after))
        if _relies(after):
            return True
        read += 1
        if read == _AFTER_DESCRIPTION:
            break
    return False


def _reading(sentence: str, starts: list[int], scottish: bool) -> tuple[bool, list[tuple[int, list[str]]]]:
    """What a sentence says by itself: whether it relies on something, and (where, provisions)
    of each citation that is neither mentioned only nor a range nor another Act's. One
    that it does not rely on still counts where it opens a heading line (see _exemptions)."""
    cites = list(scan.finditer(_CITE, sentence, starts))
    if not cites:
        return False, []
    relying, clauses = _relies(sentence), [b.end() for b in _CLAUSE.finditer(sentence)]
    asides = [m.start() for m in _ASIDE.finditer(sentence)]
    turned_down = _turned_down(sentence)
    cited = []
    for i, cite in enumerate(cites):
        if _mentioned_only(sentence, cites, i, clauses, asides, turned_down):
            continue
        if _RANGE.match(sentence, cite.end()) or _OTHER_ACT.match(sentence, cite.end()):
            continue
        prefix = "reg" if cite.group("kind").lower().startswith("reg") else "s"
        provisions = _provisions(prefix, cite.group("body"))
        end = cite.end()
        while (through := _LETTER_RANGE.match(sentence, end)) and provisions and re.search(r"\([a-z]\)$", provisions[-1]):
            first, last = provisions[-1][-2], through.group(1).lower()  # "31(1)(a)-(c)": (a), (b) and (c)
            provisions += [f"{provisions[-1][:-3]}({chr(c)})" for c in range(ord(first) + 1, ord(last) + 1)]
            more = _AFTER_RANGE.match(sentence, through.end())  # "... -(c) and 40(2)": the list goes on
            if more is None:
                break
            provisions += _provisions(prefix, more.group("body"))
            end = more.end()
        cited.append((cite.start(), [p for p in provisions if _can_rely(p, scottish)]))
    return relying, cited


def _cited(sentences: list[tuple[int, str]], folded: str) -> list[tuple[int, str, list[int], int]]:
    """(offset, sentence, where a citation can begin in it, its index) of the sentences that can hold
    one, in order. The places are found once in the folded text (a kind word and a figure)
    rather than _CITE, whose look-behind is tried at every offset, run over every sentence."""
    starts = [offset for offset, _ in sentences]
    picked: list[tuple[int, str, list[int], int]] = []
    last = -1
    for hint in _CITE_START.finditer(folded):
        at = hint.start()
        k = bisect_right(starts, at) - 1  # the last sentence starting at or before it
        if k < 0 or at >= starts[k] + len(sentences[k][1]):
            continue  # between sentences
        if k != last:
            picked.append((starts[k], sentences[k][1], [], k))
            last = k
        picked[-1][2].append(at - starts[k])
    return picked


def _relies(sentence: str) -> bool:
    """_RELIANCE.search(sentence), tried only where one of its words begins."""
    starts = scan.starts_of(scan.fold(sentence), _RELIANCE_STARTS)
    return any(_RELIANCE.match(sentence, at) for at in starts)


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) of each line, its line break kept."""
    lines = text.splitlines(keepends=True)
    return list(zip(accumulate(map(len, lines), initial=0), lines))


def _sentences(text: str, lines: list[tuple[int, str]]):
    """(offset, sentence): paragraphs with their lines joined (offsets kept), a table line on its own."""
    start = None
    chunks = []
    previous = ""
    for offset, line in lines:
        blank = not line or line.isspace()  # `not line.strip()` without making the stripped copy
        if blank or (("\t" in line or "  " in line) and _TABLE_LINE.search(line) and not _stretched(line)
                     and not (start is not None and _CITE_KIND_END.search(previous))):  # "exempt under Section" / "31(1)(a)  and ..."
            if start is not None:
                chunks.append((start, offset))
            start = None
            if not blank:
                chunks.append((offset, offset + len(line)))
        elif start is None:
            start = offset
        previous = line
    if start is not None:
        chunks.append((start, len(text)))
    flat = text.replace("\n", " ")  # once for all chunks
    # Every sentence end in one scan of the whole text. An end belongs to the chunk it lies in when
    # the capital after it does too (the search within the chunk's bounds would find just these:
    # between chunks there are only blank lines, and an end whose next word is in the next chunk
    # ends the chunk anyway).
    ends = [(m.start(), m.start(1), m.end()) for m in _SENTENCE_END.finditer(flat)]
    k, n = 0, len(ends)
    for start, stop in chunks:
        pos = start
        while k < n and ends[k][0] < start:
            k += 1
        while k < n and ends[k][2] < stop:
            yield pos, flat[pos:ends[k][1]]
            pos = ends[k][2]
            k += 1
        yield pos, flat[pos:stop]


def _stretched(line: str) -> bool:
    """A justified line's words, spread by wide spaces ("31(3)   of  the  Freedom     of   Information"):
    a line of its paragraph, not a table's row."""
    if "\t" in line:
        return False
    parts = _GAPS.split(line.strip())
    return len(parts) >= 4 and sum(1 for p in parts if p.isalpha()) * 5 >= len(parts) * 3


_GAPS = re.compile(r" {2,}")
_CITE_KIND_END = re.compile(r"\b(?:sections?|s\.|regulations?|reg\.)\s*$", re.IGNORECASE)  # the number on the next line


# A section after the sign-off that explains the Act's terms rather than applies them: "Annex A -
# Explanation of exemptions", "Glossary", "Definitions", "Guide to the legislation".
_GLOSSARY = re.compile(r"^[ \t]*(?=[^\n]{0,70}$)(?![^\n]*\.[ \t]*$)(?:(?:annex|appendix|schedule)\s+\w{1,3}\b\W*)?(?:[^\n]{0,40}?\b(?:glossary|definitions?"
                       r"|explanations?\s+of|guide\s+to|exemptions\s+explained|key\s+to|about\s+the\s+(?:exemptions|act))\b"
                       r"|legislation\W*$)(?![^\n]*\b(?:applied|relied|used)\b)[^\n]{0,80}$", re.MULTILINE)
_APPLIED_HERE = re.compile(r"\b(?:this|the\s+requested|your)\s+information\b|\bha(?:s|ve)\s+been\s+(?:applied|withheld|redacted)"
                           r"|\bwe\s+have\s+(?:applied|withheld|redacted)|\bhas\s+been\s+used\b")
_GLOSSARY_WINDOW = 4000  # how far above a citation its heading, and above that the sign-off, are looked for


def _in_glossary(folded: str, at: int) -> bool:
    """Whether offset `at` lies in such a section: under a _GLOSSARY heading that follows a sign-off."""
    start = max(0, at - _GLOSSARY_WINDOW)
    if not scan.has_any(folded, ("gloss", "defin", "explanation", "guide", "explained", "key to", "about the", "legislation"),
                        start, at):
        return False
    heading = None
    for heading in _GLOSSARY.finditer(folded, start, at):
        pass
    if heading is None or _APPLIED_HERE.search(folded, at, min(len(folded), at + 300)):
        return False  # ("... so this information is withheld": an annex that applies it)
    return _SIGN_OFF.search(folded, max(0, heading.start() - _GLOSSARY_WINDOW), heading.start()) is not None


def _opens_heading(lines: list[tuple[int, str]], line_starts: list[int], at: int) -> bool:
    """Whether the citation at `at` opens a short heading line ("Section 40(2) Personal Information")."""
    offset, line = lines[bisect_right(line_starts, at) - 1]
    lead = _BULLET.match(line).end()
    rest = line[lead:].strip()
    return (offset + lead == at and bool(rest) and "\t" not in rest and len(rest.split()) <= 12
            and _CITE.match(line, lead) is not None)


def _turned_down(sentence: str) -> tuple[int, int] | None:
    """(where "considered" is, where the finding against it is) in a sentence that considers a
    provision and then finds against it, else None (each searched once a sentence)."""
    considered = _CONSIDERED.search(sentence)
    found = considered and _CONSIDERED_NOT.search(sentence, considered.end())
    return (considered.start(), found.start()) if found else None


def _mentioned_only(sentence: str, cites: list[re.Match], i: int, clauses: list[int], asides: list[int],
                    turned_down: tuple[int, int] | None = None) -> bool:
    """Negated or avoided in its own clause ("we have not applied", "section 40 was not engaged"), or an aside
    (advice on a future request, the requester's own words) in its clause."""
    cite = cites[i]
    k = bisect_right(clauses, cite.start())
    clause_start, clause_end = clauses[k - 1] if k else 0, clauses[k] if k < len(clauses) else len(sentence)
    if bisect_left(asides, clause_start) < bisect_left(asides, clause_end):
        return True
    start = max(cites[i - 1].end() if i else 0, clause_start, cite.start() - 200)
    negations = list(_NEG_BEFORE.finditer(sentence, start, cite.start()))
    if negations and not _TURN.search(sentence, negations[-1].end(), cite.start()):
        return True
    end = cites[i + 1].start() if i + 1 < len(cites) else len(sentence)
    if _NEG_AFTER.match(sentence, cite.end(), min(end, cite.end() + 120)):
        return True
    # "We considered whether section 38 applies and concluded that it does not"; "Section 40(2)
    # would be relevant, but ... we have not found it necessary to rely on it": a later clause
    # turns down the sentence's first provision by pointing back to it.
    if turned_down is not None and turned_down[0] < cite.start() and turned_down[1] > cite.end():
        return True  # "We considered whether section 12 applies and are satisfied it can be answered"
    return i == 0 and (_POINTED_BACK.search(sentence, cite.end()) is not None or _NOT_APPLIED_BACK.search(
        sentence, cite.end(), cites[1].start() if len(cites) > 1 else len(sentence)) is not None)


def _provisions(prefix: str, body: str) -> list[str]:
    """ "31(1)(a) and (b)" -> s31(1)(a), s31(1)(b); "30(1)(a)(b)" likewise; "23(5) and 24(2)" -> two."""
    out, path, dirty = [], [], False
    for token in _BODY_TOKEN.finditer(body):
        bracket, number = token.groups()
        if number:
            if dirty:
                out.append(_render(prefix, path))
            path, dirty = [(0, number.upper())], True
            continue
        level = _level(bracket, path)
        if any(lvl == level for lvl, _ in path[1:]):  # a sibling: "(a) and (b)", "(a)(b)"
            if dirty:
                out.append(_render(prefix, path))
            path = [p for p in path if p[0] < level]
        path.append((level, bracket.upper() if level == 1 else bracket.lower()))
        dirty = True
    if dirty:
        out.append(_render(prefix, path))
    return out


def _level(item: str, path: list[tuple[int, str]]) -> int:
    """1 for a subsection "(2)", 2 for a paragraph "(a)", 3 for a sub-paragraph "(i)"."""
    if item[0].isdigit():
        return 1
    last_level, last = path[-1] if len(path) > 1 else (0, "")
    low = item.lower()
    if _ROMAN.fullmatch(low) and last_level >= 2 and (last.lower(), low) not in (("h", "i"), ("u", "v"), ("w", "x")):
        return 3
    return 2


def _render(prefix: str, path: list[tuple[int, str]]) -> str:
    return prefix + path[0][1] + "".join(f"({item})" for _, item in path[1:])


def _can_rely(provision: str, scottish: bool) -> bool:
    """An exemption or exception, not procedure (s1 access, s10 time, s16 advice, s17 notice, s50 ICO)."""
    number = int(re.match(r"(?:s|reg)(\d+)", provision).group(1))
    if provision.startswith("reg"):
        if number in (12, 10):  # EIR reg12 / EISR reg10: only (3), (4) and (5) are exceptions; (1), (2), (9) procedure
            sub = re.match(r"reg\d+\((\d+)", provision)
            if sub and sub.group(1) not in ("3", "4", "5"):
                return False
        return number in (12, 13) or (scottish and number in (10, 11))
    return number in (12, 14) or 21 <= number <= 44 or (scottish and number == 18)


def _is_ncnd(provision: str, scottish: bool) -> bool:
    """FOIA's "duty to confirm or deny does not arise" subsections; FOISA's s18."""
    if scottish:
        return re.match(r"s18\b|s18\(", provision) is not None
    m = re.match(r"s(\d+)\((\d+)([A-Z]?)\)", provision)  # 40(5A), 40(5B) are 40's NCND too; 38(2A) is no FOIA's
    return bool(m) and _NCND_FOIA.get(m.group(1)) == m.group(2) and (not m.group(3) or m.group(1) == "40")


# -- flags ----------------------------------------------------------------------------
def _ncnd(text: str, folded: str, quoted: list[tuple[int, int]] = ()) -> bool:
    """The reply neither confirms nor denies (said of this request, not denied: "this is not an NCND",
    nor quoted from the request)."""
    if not scan.has_any(folded, _NCND_WORDS):
        return False  # most replies: no NCND wording at all, and "no" begins thousands of words
    for m in scan.finditer(_NCND, text, scan.starts_of(folded, _NCND_STARTS)):
        if (quoted and _in(quoted, m.start())) or _in_glossary(folded, m.start()):
            continue
        before = re.split(r"\.\s|\n\s*\n", text[max(0, m.start() - 120):m.start()])[-1]
        after = "".join(part or " " for part in re.split(r"(\.\s)|\n\s*\n", text[m.end():m.end() + 240])[:3])
        # (this sentence and the next)
        if not _NCND_NEGATED.search(before) and not _NCND_NOT_HERE.search(after):
            return True
    return False


def _not_held(text: str, folded: str, sentences: list[tuple[int, str]], scottish: bool) -> bool:
    """The reply says it does not hold (some of) the information.

    "We are unable to provide ... This information may be available from the Ministry of
    Justice" (seed 001) counts: pointing to another body for what it cannot provide is how
    a force says the information is held elsewhere, not by it. A refusal under an exemption
    says why it will not provide, and names no other holder.
    """
    if scottish and _SCOT_NOT_HELD.search(text):
        return True  # FOISA s17(1): the notice that information is not held
    for i, (offset, sentence) in enumerate(sentences):
        if not scan.has_any(folded, _NOT_HELD_WORDS, offset, offset + len(sentence)):
            continue
        if _says_not_held(sentence):
            return True
        if _UNABLE.search(sentence) and _ELSEWHERE.search(" ".join(s for _, s in sentences[i:i + 2])):
            return True
    return False


def _says_not_held(sentence: str) -> bool:
    """A "not held" statement that is not conditional, nor part of an NCND argument
    ("to confirm that no information is held would ...")."""
    held = list(_NOT_HELD.finditer(sentence))
    if not held or _NCND.search(sentence):
        return False
    return any(not _CONDITIONAL.search(sentence, max(0, m.start() - 150), m.start()) for m in held)
