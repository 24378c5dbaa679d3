"""Letters the person edits and sends: an internal review request and a complaint to the regulator.

The grounds are drafted from what the reply shows: each exemption relied on, a late answer, a
neither-confirm-nor-deny, "not held", and every total the parser found not to add up.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# What to ask of an authority relying on each provision (FOIA numbering; FOISA in brackets where it differs).
_ASK = {
    "s12": "the cost limit: please show how the estimate of the time needed was reached, and give advice and "
           "assistance (s.16) on how the request could be refined to fall within the limit",
    "s14": "the request being vexatious or repeated: please explain why, given its purpose and public value",
    "s21": "the information being reasonably accessible: please give the precise place where each figure is published",
    "s22": "intended future publication: please give the date and say why withholding it until then is reasonable",
    "s23": "security bodies: please confirm the information was supplied by, or relates to, a listed body",
    "s24": "national security: please show the specific risk that release of these aggregate figures would cause",
    "s30": "investigations: please show the specific prejudice, and how the public interest test was weighed",
    "s31": "law enforcement: please show the specific prejudice to law enforcement release would cause, and how "
           "the public interest in transparency about policing was weighed",
    "s38": "health and safety: please show how release of these figures would endanger anyone",
    "s40": "personal data: the request asks for aggregate figures, which identify no one; where any count is "
           "small, please release it with the smallest necessary suppression rather than withholding the table",
    "s41": "information provided in confidence: please identify who provided it and why an actionable breach would follow",
    "s43": "commercial interests: please identify whose commercial interests would be harmed and how",
    "s44": "a statutory bar: please name the enactment that prohibits disclosure",
}


@dataclass(frozen=True)
class LetterFacts:
    authority: str
    title: str
    regime: str
    sent: date | None
    due: date | None
    reply_date: date | None
    reference: str
    exemptions: tuple[str, ...]
    outcome: str
    late_days: int
    warnings: tuple[str, ...]
    requester: str


def _section(exemption: str) -> str:
    return exemption.split("(")[0]


def review_grounds(facts: LetterFacts) -> list[str]:
    grounds = []
    for exemption in facts.exemptions:
        ask = _ASK.get(_section(exemption), "please explain how the exemption is engaged and, for a qualified "
                                             "exemption, how the public interest test was weighed")
        grounds.append(f"You relied on {exemption}. I ask you to reconsider {ask}.")
    if facts.outcome == "ncnd":
        grounds.append("You neither confirmed nor denied holding the information. Confirming whether aggregate "
                       "figures exist reveals nothing about any individual case: please confirm or deny.")
    if facts.outcome == "not_held":
        grounds.append("You said the information is not held. Please describe the searches made (systems, "
                       "search terms, departments) so I can judge whether they were adequate.")
    if facts.late_days > 0 and facts.due:
        grounds.append(f"The response came {facts.late_days} working day{'s' if facts.late_days != 1 else ''} after "
                       f"the statutory deadline of {facts.due:%-d %B %Y} (s.10(1)).")
    for warning in facts.warnings:
        grounds.append(f"The figures supplied do not add up ({warning}). Please check and correct them.")
    return grounds or ["Please explain the reasoning behind the response and release any information that can be released."]


def _statute(regime: str) -> str:
    return {"foisa": "the Freedom of Information (Scotland) Act 2002", "eisr": "the Environmental Information "
            "(Scotland) Regulations 2004", "eir": "the Environmental Information Regulations 2004"}.get(
        regime, "the Freedom of Information Act 2000")


def _numbered(grounds: list[str]) -> str:
    return "\n".join(f"{i}. {g}" for i, g in enumerate(grounds, 1))


def review_letter(facts: LetterFacts) -> str:
    ref = f" (your reference {facts.reference})" if facts.reference else ""
    answered = f"your response of {facts.reply_date:%-d %B %Y}" if facts.reply_date else "the handling of my request"
    return (
        f"Dear {facts.authority} Freedom of Information team,\n\n"
        f"Internal review: {facts.title}{ref}\n\n"
        f"I am writing to request an internal review of {answered} to my request under {_statute(facts.regime)}.\n\n"
        f"My grounds:\n{_numbered(review_grounds(facts))}\n\n"
        "Please acknowledge this request and send the outcome of the review within 20 working days.\n\n"
        f"Yours faithfully,\n{facts.requester}\n")


def complaint_letter(facts: LetterFacts, *, review_requested: date | None, review_answered: date | None) -> str:
    scottish = facts.regime in ("foisa", "eisr")
    body = "Scottish Information Commissioner" if scottish else "Information Commissioner"
    section = "section 47(1) of the Freedom of Information (Scotland) Act 2002" if scottish else \
        "section 50 of the Freedom of Information Act 2000"
    history = [f"- Request sent: {facts.sent:%-d %B %Y}" if facts.sent else "- Request sent: (date)"]
    if facts.reply_date:
        history.append(f"- Response: {facts.reply_date:%-d %B %Y}" + (f" (reference {facts.reference})" if facts.reference else ""))
    if review_requested:
        history.append(f"- Internal review requested: {review_requested:%-d %B %Y}")
    history.append(f"- Internal review outcome: {review_answered:%-d %B %Y}" if review_answered else
                   "- Internal review outcome: none received")
    return (
        f"Dear {body},\n\n"
        f"Complaint about {facts.authority}: {facts.title}\n\n"
        f"I wish to apply for a decision under {section} about how {facts.authority} dealt with my request.\n\n"
        + "\n".join(history) + "\n\n"
        f"Why I am dissatisfied:\n{_numbered(review_grounds(facts))}\n\n"
        "I attach my request, the authority's response and the review correspondence.\n\n"
        f"Yours faithfully,\n{facts.requester}\n")
