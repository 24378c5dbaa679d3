"""Split a request's text into its numbered questions. Pure: no Django."""
from __future__ import annotations

import re

# "1:", "1.", "1)", "(1)", "1 - ", "Q1", "Q.1", "Q1:", "Question 1 -", "Questions 4 and 5:", "Part 1 -", "Request 1:",
# "2a)", "3(b)", "Q3 (b)", Welsh "Cwestiwn 1" (question), "Rhan 1" (part), "Cais 1" (request), optionally behind a
# bullet, bold markers, a Markdown heading's "#", an e-mail's quoting ">" or a table's "|".
_QUESTION = re.compile(
    r"""^\s*(?:[>|]\s*)*(?:\#{1,6}\s*)?(?:[-*•]\s+)?(?:\*\*)?\s*
        (?:(?:Q\.?|Questions?|Part|Cwestiwn|Rhan)\s*(?P<q>\d{1,2}(?:\.\d{1,2}(?!\d))?[a-z]?)
            (?:\s?(?:part\s+)?\(?(?P<qs>[a-z]|[ivx]{2,4})\)|\s+part\s+(?P<qp>[a-z])\b)?(?!\w|\s?\([a-z]\))\s*[:.)\-–]?
          |(?P<n>\d{1,2}[a-z]?)(?:\s?\((?P<ns>[a-z])\)\s*[:.)]?|\s*[:.)]|\s+[-–](?=\s))
          |\((?P<p>\d{1,2}[a-z]?)\)
          |(?:Request|Cais)\s*(?P<r>\d{1,2}[a-z]?)\s*[:.)\-–/])
        \s*(?:\*\*)?\s*(?P<text>\S.*)?$""",
    re.IGNORECASE | re.VERBOSE,
)


def split_questions(text: str) -> list[dict[str, str]]:
    """[{"number": "1", "text": "..."}, ...] in order; [] when nothing is numbered.

    A line continues the question above it until the next numbered line or a blank
    line followed by unnumbered prose (the closing paragraphs of a request).
    """
    questions: list[dict[str, str]] = []
    current: list[str] | None = None
    blank_run = False
    for line in text.splitlines():
        match = _QUESTION.match(line)
        if match and not _looks_like_figure(match.group("text")):
            number = _number(match)
            current = [(match.group("text") or "").strip().strip("*").strip()]
            questions.append({"number": number, "text": ""})
            questions[-1]["_parts"] = current  # type: ignore[assignment]
            blank_run = False
        elif not line.strip():
            blank_run = True
        elif current is not None and not blank_run:
            current.append(line.strip())
        else:
            current = None
    for question in questions:
        question["text"] = " ".join(question.pop("_parts")).strip()  # type: ignore[arg-type]
    return questions


_PART = re.compile(r"^\s*(?:\(([a-h])\)|([a-h])[.)])\s")  # "a) the number abandoned", "(b) ...", "c. ..." under "Question 2"


def part_letter(line: str) -> str | None:
    """The letter of a line that opens a part of the question above it ("a) ...", "(b) ...")."""
    m = _PART.match(line + " ")
    return (m.group(1) or m.group(2)).lower() if m else None


def _looks_like_figure(rest: str | None) -> bool:
    """'1.5 million' or '2. 000' are numbers, not question numbers."""
    return bool(rest) and bool(re.match(r"^\d", rest))


def question_number(line: str) -> str | None:
    """The question number a heading line starts with ('1:', 'Q2', 'Question 3a'), else None."""
    match = _QUESTION.match(line)
    if match and not _looks_like_figure(match.group("text")):
        number = _number(match)
        if number[-1:].isalpha() and _MORE_PARTS.match(match.group("text") or ""):
            return number.rstrip("abcdefghijklmnopqrstuvwxyz")  # "Question 2 (a) and (b)": question 2 as a whole
        return number
    answer = _ANSWER.match(line)
    if answer:
        return "".join(part for part in answer.groups() if part).lower()
    worded = _WORDED.match(line)
    if worded:
        return str(_NUMBER_WORDS.index(worded.group(1).lower()) + 1)
    bare = _BARE.match(line)
    return "".join(part for part in bare.groups() if part).lower() if bare else None


_MORE_PARTS = re.compile(r"(?:and|&|,|to|-|–)\s*(?:\d{1,2}\s*\(?[a-z]\)?|\([a-z]\)|[a-z]\))(?=\s|$|[:.\-–])", re.IGNORECASE)


def _number(match: re.Match) -> str:
    """'3' and 'b' of "Question 3(b)" as "3b", the spec's form of a part ("2a")."""
    return ((match.group("q") or match.group("n") or match.group("p") or match.group("r"))
            + (match.group("qs") or match.group("qp") or match.group("ns") or "")).lower()


# A heading line that is only the number: "Q2", "Question 2", "Request 2", "Part 2" (as PSNI and
# others head each answer), or "2." / "2:" / "2)" alone above its answer.
_BARE = re.compile(r"^\s*(?:[>|]\s*)*(?:\#{1,6}\s*)?(?:\*\*)?(?:(?:Q\.?|Question|Request|Part|Cwestiwn|Cais|Rhan)\s*(\d{1,2}[a-z]?)"
                   r"(?:\s?\(([a-z])\))?\s*[:.)]?"
                   r"|(\d{1,2}[a-z]?)(?:\(([a-z])\)\s*[:.)]?|\s*[:.)])|\((\d{1,2}[a-z]?)\)|(\d{1,2}[a-z]))"
                   r"\s*(?:\*\*)?\s*$", re.IGNORECASE)


# How a reply heads the answer to a question (not how a request numbers them): "Answer 1",
# "A1.", "Response to Question 1", "Answer to Question 2", "Reply to question 4:", "Question No. 3",
# "In response to question 1, please see the table below."
_ANSWER = re.compile(
    r"^\s*(?:[>|]\s*)*(?:\#{1,6}\s*)?(?:\*\*)?\s*(?:(?:in\s+)?(?:response|reply|answer)\s+to\s+(?:your\s+)?(?:question|q\.?)\s*(?:no\.?\s*)?"
    r"|answer\s*(?:no\.?\s*)?|question\s+(?:no\.?|number)\s*)(\d{1,2}[a-z]?)(?:\s?\(([a-z])\))?(?![\d.]\d)"
    r"\s*(?:[:.)\-–,]|$|\s)"
    r"|^\s*(?:\*\*)?\s*a(\d{1,2}[a-z]?)\s*[:.)\-–](?:\s|$)", re.IGNORECASE)

# "Question One", "QUESTION TWO", "Request three:" (headings written in words)
_NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_WORDED = re.compile(rf"^\s*(?:\#{{1,6}}\s*)?(?:\*\*)?\s*(?:question|request|part)\s+({'|'.join(_NUMBER_WORDS)})\b\s*[:.)\-–]?(?:\s|$)",
                     re.IGNORECASE)
