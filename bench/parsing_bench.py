"""Benchmark: the reply parser (text tables and PDF tables) against bare baselines (no Django).

    .venv/bin/python bench/parsing_bench.py [--mb 5] [--pages 20] [--repeats 3] [--seed 1]
                                            [--only text|pdf] [--profile] [--save-pdf PATH]

1. Text: generates a reply text of about --mb MB (10^6 bytes of UTF-8) from varied tables
   like shared/seeds (tab-separated, space-aligned, pipe, nested outcome > offence > age
   with subtotals, totals rows and columns, nil markers '-' and 'ı', thousands
   separators, suppressed '*', page footers inside tables, "1:" question headings, prose
   between tables) and times requests_app.parsing.parse_text() on it end to end (facts
   included). While parsing/facts.py is not there yet, it times text.find_grids() plus
   tables.build_table() for every grid instead (the run says which). Baseline, same run:
   splitlines() plus a regex split on tabs / 2+ spaces of every line. The number of tables
   found must equal the number generated (the run says which table went missing).
   Target: at least 5 MB/s.
2. PDF: generates a --pages page PDF with fpdf2 (one ruled table with cell borders and one
   text-aligned table per page) and times requests_app.parsing.parse_bytes(pdf, "bench.pdf")
   (same fallback without facts) against pdfplumber.open() plus page.extract_tables() on
   every page. Target: ours at most 1.3x pdfplumber. When it is slower, or with --profile,
   a cProfile of one parse_bytes() call is printed (top 15 by cumulative time).

The parser modules run compiled when `make setup` built them (requests_app/parsing/speedups.py),
as pure Python with FOITRACKER_PURE_PARSER=1; the first lines of the output say which ran.

Best of --repeats, time.perf_counter; ours and its baseline run interleaved (a gc.collect()
before each run) so that both see the same machine load.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import importlib.util
import io
import pstats
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from requests_app.parsing import readers, text as text_mod  # noqa: E402  (pure Python: no Django)
from requests_app.parsing.model import Grid, Limits, TextBlock  # noqa: E402
from requests_app.parsing.tables import build_table  # noqa: E402

TARGET_MB_S = 5.0
TARGET_PDF_RATIO = 1.3
MB = 1_000_000

# ---------------------------------------------------------------------------------------------
# Vocabulary, taken from the seed replies
# ---------------------------------------------------------------------------------------------

OFFENCES = [
    "SEND COMMUNICATION/ARTICLE CONVEYING A THREATENING MESSAGE",
    "HARASSMENT",
    "SEND COMMUNICATION/ARTICLE CONVEYING INDECENT/GROSSLY OFFENSIVE MESSAGE",
    "SEND COMMUNICATION/ARTICLE CONVEYING FALSE INFORMATION",
    "DISCLOSE PRIVATE SEXUAL PHOTOGRAPHS AND FILMS WITH INTENT TO CAUSE DISTRESS",
    "BREACH OF RESTRAINING ORDER",
    "PUTTING PEOPLE IN FEAR OF VIOLENCE",
    "PURSUE COURSE OF CONDUCT IN BREACH OF S1(1) WHICH AMOUNTS TO STALKING",
    "STALKING INVOLVING SERIOUS ALARM/DISTRESS",
    "RACIALLY/RELIGIOUSLY AGGRAVATED HARASSMENT WITHOUT VIOLENCE S2",
    "STALKING INVOLVING FEAR OF VIOLENCE",
    "BREACH OF INJUNCTION AGAINST HARASSMENT 1997",
    "Malicious Communications",
    "Stalking",
    "Harassment without violence",
    "Racially or religiously aggravated harassment",
    "Public Order Act s4A",
    "Controlling or coercive behaviour",
]
OUTCOMES = [
    "Caution - Adult",
    "Charge/summons",
    "Postal Charge",
    "Community Resolution",
    "Charge/summons with Alternative Offence",
    "Caution – YOUTH (inc Conditional Caution)",
    "Evidential Difficulties – No Named suspect: victim declined to support further investigation",
    "Named Suspect identified: victim support but evidential difficulties prevent further action",
    "Investigation Complete: No suspect identified. Case closed pending further opportunities",
    "Prosecution time limit expired",
    "The Offender has Died",
    "Prosecution not in public interest (CPS)",
]
NEST_OUTCOMES = ["UNSOLVED", "CHARGED", "COMMUNITY RESOLUTION", "NO FURTHER ACTION", "CAUTIONED"]
NEST_OFFENCES = [
    "Possessing Prohibited Images Of Children",
    "Possession Of An Indecent Or Pseudo Photograph Of A Child",
    "Take/ Make/Distribute Indecent Photographs Or Pseudo Photographs Of Children.",
    "086/02 - Take or to make or to distribute indecent photographs or pseudo- photographs, of children",
    "086/10 - Possession of an indecent or pseudo indecent photo of a child",
]
AGES = ["Under 10's", "10", "11", "12", "13"]
FORCES = ["Bedfordshire", "Hertfordshire", "West Midlands", "Cambridgeshire", "Essex", "Kent", "Surrey"]
QUESTIONS = [
    "The total number of cyberstalking incidents recorded per calendar year from 2014 – 2019. "
    "Please provide an annual breakdown. For 2019, where possible please provide information until the end of September.",
    "Where possible, provide detail on each recorded incident (e.g harassment, stalking, stalking involving "
    "serious alarm/distress). Please provide annual breakdown as per Q1",
    "The number of cyberstalking incidents in which the perpetrator(s) is identified, per calendar year "
    "from 2014 – 2019. Please provide annual breakdown as per Q1",
    "Please provide details relating to the outcome of the perpetrator referenced in Q3 (e.g charge, caution, "
    "fixed penalty, resolution). This information should be broken down per calendar year from 2014-Sept 2019 as per Q1.",
    "The number of individuals that have reported cyberstalking offences to your police force, per calendar "
    "year from 2014 – 2019. Please provide annual breakdown as per Q1",
    "The cost to the force of handling these cases in each financial year.",
]
PROSE = [
    "I am required by the Freedom of Information Act 2000 (The Act) to handle all requests in a manner that is "
    "blind to the identity of the requestor. Any information released in response to a request is regarded as "
    "being published and therefore, in the public domain without caveat.",
    "The numerical data presented in this response is an un-audited snapshot of un-published data sourced from "
    "\"live\" systems and is subject to the interpretation of the original request by the individual extracting the data.",
    "Bedfordshire Police made a significant investment in a new ICT system, Athena, in May 2018, when fully "
    "implemented, will help keep Bedfordshire safe, bring more offenders to justice and improve outcomes for "
    "victims. Some of the data provided concerning events recorded after 23 May 2018 may include some inaccuracies.",
    "There is no generic marker within CMS(ii) or CONNECT for 'cyberstalking', therefore we have included the "
    "online flag to give an indication of offences recorded in accordance with the Home Office Definition of online enabled crime.",
    "For your information due to the low numbers of suspects under 10 years of age I have grouped these together "
    "to avoid having to implement a Section 40 exemption. Figures under 5 are shown as * for the same reason.",
    "Please note the force does not hold conviction information and this relates to your questions / points 6 & 7.",
    "Should you have any further enquiries concerning this matter please do not hesitate to contact me quoting "
    "the above reference number.",
]
LETTER_HEAD = [
    "Information Rights",
    "Bedfordshire Police Headquarters,",
    "Woburn Road, Kempston,",
    "Bedford, MK43 9AX",
    "",
    "Telephone: 01234 842547",
    "Email: foi@bedfordshire.pnn.police.uk",
]
PAGE_BREAK = ["", "01/11/2019 16966/19", "", "OFFICIAL", "", "West Midlands Police Freedom of Information", ""]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

# ---------------------------------------------------------------------------------------------
# Text generation
# ---------------------------------------------------------------------------------------------


def fmt(v: int, rng: random.Random, nil: str = "-") -> str:
    if v == 0:
        return nil if nil != "mix" else rng.choice(["-", "-", "-", "ı"])
    return f"{v:,}"


class TextGen:
    """Builds the reply text and records, per table, its unique title and its number of rows."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.titles: list[str] = []
        self.rows: list[int] = []
        self.kinds: dict[str, int] = {}
        self.serial = 0

    def _table(self, kind: str, title: str, n_rows: int) -> None:
        self.titles.append(title)
        self.rows.append(n_rows)
        self.kinds[kind] = self.kinds.get(kind, 0) + 1

    def _next(self) -> int:
        self.serial += 1
        return self.serial

    def _years(self) -> list[str]:
        first = self.rng.choice([2014, 2015, 2016, 2017])
        return [str(y) for y in range(first, first + self.rng.randint(2, 6))]

    def _matrix(self, n_rows: int, n_cols: int, zero_share: float = 0.15) -> list[list[int]]:
        rng = self.rng
        out = []
        for _ in range(n_rows):
            scale = rng.choice([5, 20, 60, 300, 1500])
            row = [0 if rng.random() < zero_share else rng.randint(1, scale) for _ in range(n_cols)]
            if not any(row):
                row[-1] = rng.randint(1, scale)
            out.append(row)
        return out

    def tab_flat(self) -> list[str]:
        """Seed 003: tab-separated, totals column and row, '-'/'ı' nils, '*', a page break inside."""
        rng = self.rng
        s = self._next()
        years = self._years()
        header_label = rng.choice(["Offence", "Outcome"])
        labels = rng.sample(OFFENCES if header_label == "Offence" else OUTCOMES, rng.randint(4, 12))
        data = self._matrix(len(labels), len(years))
        suppress = rng.random() < 0.2
        title = f"Table {s:05d} - Recorded {header_label.lower()}s by calendar year"
        lines = [title, "", "\t".join([header_label, *years, "Grand Total"])]
        break_at = rng.randint(2, len(labels) - 1) if rng.random() < 0.35 else -1
        n_rows = 0
        for k, (label, row) in enumerate(zip(labels, data)):
            if k == break_at:
                lines.extend(PAGE_BREAK)
                if rng.random() < 0.5:  # a label wrapped onto two lines right after the break
                    lines.append("Named suspect identified, too ill (physical or mental health) to" + "\t" * (len(years) + 1))
                    label = "prosecute"
            cells = [fmt(v, rng, "mix") for v in row]
            if suppress and rng.random() < 0.2:
                j = rng.randrange(len(cells))
                cells[j] = "*"
            lines.append("\t".join([label, *cells, fmt(sum(row), rng)]))
            n_rows += 1
        totals = [sum(c) for c in zip(*data)]
        lines.append("\t".join(["Grand Total", *[fmt(v, rng) for v in totals], fmt(sum(totals), rng)]))
        self._table("tab", title, n_rows + 1)
        return lines

    def tab_nested(self) -> list[str]:
        """Seed 004: outcome > offence > age, subtotals, empty cells for nothing, caption as first row."""
        rng = self.rng
        s = self._next()
        years = [str(y) for y in range(2017, 2017 + rng.randint(2, 3))]
        width = len(years) + 1
        title = f"Recorded Crime: Offender Aged under 14 - 01.01.2017 - 22.05.2018 (table {s:05d})"
        body: list[tuple[str, list[int]]] = []
        grand = [0] * len(years)
        for outcome in rng.sample(NEST_OUTCOMES, rng.randint(1, 3)):
            out_rows: list[tuple[str, list[int]]] = []
            out_sum = [0] * len(years)
            for offence in rng.sample(NEST_OFFENCES, rng.randint(1, 3)):
                ages = sorted(rng.sample(AGES, rng.randint(1, 4)), key=AGES.index)
                leaves = [(a, r) for a, r in zip(ages, self._matrix(len(ages), len(years), 0.3))]
                off_sum = [sum(c) for c in zip(*(r for _, r in leaves))]
                out_rows.append((offence, off_sum))
                out_rows.extend(leaves)
                out_sum = [a + b for a, b in zip(out_sum, off_sum)]
            body.append((outcome, out_sum))
            body.extend(out_rows)
            grand = [a + b for a, b in zip(grand, out_sum)]

        def cells(row: list[int]) -> list[str]:
            return [f"{v:,}" if v else "" for v in row] + [f"{sum(row):,}"]

        lines = [f"Please see table {s:05d} below.", "", title + "\t" * width,
                 "\t".join(["OUTCOME/OFFENCE/OFFENDER AGE", *years, "Grand Total"])]
        lines += ["\t".join([label, *cells(row)]) for label, row in body]
        lines.append("\t".join(["Grand Total", *cells(grand)]))
        lines += ["", rng.choice(["Source: CMS", "Source: Athena"])]
        self._table("nested", title, len(body) + 1)
        return lines

    def spaced(self) -> list[str]:
        """Columns aligned with runs of spaces (PDF-to-text style), a page break and a wrapped label."""
        rng = self.rng
        s = self._next()
        years = self._years()
        labels = rng.sample(OFFENCES, rng.randint(4, 10))
        data = self._matrix(len(labels), len(years))
        lw = max(len(x) for x in labels) + 4

        def line(label: str, cells: list[str]) -> str:
            return f"{label:<{lw}}" + "".join(f"{c:>10}" for c in cells)

        title = f"Table {s:05d}: Online flagged offences by year"
        lines = [title, "", line("Offence", [*years, "Total"])]
        break_at = rng.randint(2, len(labels) - 1) if rng.random() < 0.35 else -1
        n_rows = 0
        for k, (label, row) in enumerate(zip(labels, data)):
            if k == break_at:
                lines += ["", f"Page {rng.randint(2, 9)} of 12", "", "01/11/2019 16966/19", ""]
            if rng.random() < 0.1:  # label wrapped: first line has no figures, ends with "of"
                lines.append("Offences committed under the Protection of")
                label = "Harassment Act 1997 s2"
            lines.append(line(label, [*(fmt(v, rng) for v in row), fmt(sum(row), rng)]))
            n_rows += 1
        totals = [sum(c) for c in zip(*data)]
        lines.append(line("Total", [*(fmt(v, rng) for v in totals), fmt(sum(totals), rng)]))
        self._table("spaced", title, n_rows + 1)
        return lines

    def pipe(self) -> list[str]:
        """Markdown/pipe table (an HTML e-mail turned to text); sometimes money with £ and pence."""
        rng = self.rng
        s = self._next()
        money = rng.random() < 0.3
        cols = ["2019/20", "2020/21", "2021/22", "2022/23"][: rng.randint(2, 4)]
        labels = rng.sample(FORCES if money else OUTCOMES, rng.randint(3, 7))
        title = f"Table {s:05d} - {'Cost of handling requests' if money else 'Outcomes by financial year'}"
        lines = [title, "", "| " + " | ".join(["Force area" if money else "Outcome", *cols, "Total"]) + " |",
                 "|" + "|".join(["---"] * (len(cols) + 2)) + "|"]
        col_sums = [0] * len(cols)
        for label in labels:
            if money:
                pence = [rng.randint(100, 500000) for _ in cols]
                cells = [f"£{p // 100:,}.{p % 100:02d}" for p in pence + [sum(pence)]]
            else:
                pence = [rng.randint(0, 400) for _ in cols]
                cells = [fmt(v, rng) for v in pence + [sum(pence)]]
            col_sums = [a + b for a, b in zip(col_sums, pence)]
            lines.append("| " + " | ".join([label, *cells]) + " |")
        allsum = col_sums + [sum(col_sums)]
        cells = [f"£{p // 100:,}.{p % 100:02d}" for p in allsum] if money else [fmt(v, rng) for v in allsum]
        lines.append("| " + " | ".join(["Total", *cells]) + " |")
        self._table("pipe", title, len(labels) + 1)
        return lines

    def letter(self) -> list[str]:
        """One reply letter: head, facts, question headings each followed by a table and prose."""
        rng = self.rng
        ref = f"FOI{rng.randint(2016, 2024)}/{rng.randint(1, 99999):05d}"
        day = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2016, 2024)}"
        lines = ["", *LETTER_HEAD, "", day, "", f"Our Ref: {ref}", "",
                 f"REQUEST UNDER THE FREEDOM OF INFORMATION ACT 2000 Ref No: {ref}", "",
                 f"I write in connection with your request for information received on {rng.randint(1, 28)}th "
                 f"{rng.choice(MONTHS)}. I note you seek access to the following information:", "",
                 rng.choice(PROSE), ""]
        makers = [self.tab_flat, self.tab_nested, self.spaced, self.pipe]
        for q in range(1, rng.randint(3, 7) + 1):
            lines += [f"{q}: {rng.choice(QUESTIONS)}", "", rng.choice(PROSE), ""]
            lines += rng.choice(makers)()
            lines += ["", f"The figures in table {self.serial:05d} were extracted on {day}.", "",
                      rng.choice(PROSE), ""]
        lines += ["Yours sincerely", "", "Information Rights", "", PROSE[-1], *PAGE_BREAK]
        return lines

    def build(self, size_bytes: int) -> str:
        parts: list[str] = []
        total = 0
        while total < size_bytes:
            chunk = "\n".join(self.letter()) + "\n"
            parts.append(chunk)
            total += len(chunk.encode("utf-8"))
        return "".join(parts)


# ---------------------------------------------------------------------------------------------
# The pipelines timed (parse_text / parse_bytes, or the same without facts while facts.py is missing)
# ---------------------------------------------------------------------------------------------


def _have_facts() -> bool:
    if importlib.util.find_spec("requests_app.parsing.facts") is None:
        return False
    try:
        from requests_app.parsing import parse_text

        parse_text("1: a question\n\nOur Ref: FOI1/1\n\nOffence\t2017\nHarassment\t3\nStalking\t4\n")
        return True
    except Exception as exc:  # facts.py half-written while someone finishes it
        print(f"note: parse_text() unusable ({type(exc).__name__}: {exc}); timing without facts", flush=True)
        return False


def _modules_mode() -> str:
    """Which parser ran: compiled by Cython (requests_app/parsing/speedups.py) or pure Python."""
    try:
        from requests_app.parsing import speedups
    except ImportError:  # a revision from before speedups.py
        return "pure Python"
    if speedups.active():
        return "compiled with Cython from their sources (FOITRACKER_PURE_PARSER=1 runs them as Python)"
    return "pure Python (`make compile` builds the compiled ones)"


def tables_of_text(text: str) -> list:
    """find_grids + build_table for every grid: parse_text() without the facts step."""
    return [t for t in (build_table(g) for g in text_mod.find_grids(text, "body")) if t]


def tables_of_bytes(data: bytes, name: str) -> list:
    """readers.read + the table half of reply._assemble: parse_bytes() without the facts step."""
    extracted = readers.read(data, name, Limits())
    tables = []
    for block in extracted.blocks:
        if isinstance(block, TextBlock) and block.tables:  # (a PDF's page furniture is read for facts only)
            tables.extend(t for t in (build_table(g) for g in text_mod.find_grids(block.text, block.source)) if t)
        elif isinstance(block, Grid):
            table = build_table(block)
            if table:
                tables.append(table)
    return tables


def pipelines(with_facts: bool):
    if with_facts:
        from requests_app.parsing import parse_bytes, parse_text

        return (lambda t: list(parse_text(t).tables)), (lambda d, n: list(parse_bytes(d, n).tables))
    return tables_of_text, tables_of_bytes


_TOKENS = re.compile(r"\t| {2,}")


def baseline_text(text: str) -> int:
    """Bare tokenising: every line split on tabs / runs of 2+ spaces."""
    split = _TOKENS.split
    n = 0
    for line in text.splitlines():
        n += len(split(line))
    return n


def best_of(repeats: int, *runs: tuple) -> list[tuple[float, object]]:
    """(best time, result) of each (label, fn, args) over `repeats` rounds, interleaved (ours,
    baseline, ours, ...) so that all see the same machine load; a gc.collect() before each run."""
    best = [float("inf")] * len(runs)
    result: list = [None] * len(runs)
    for k in range(repeats):
        for i, (label, fn, args) in enumerate(runs):
            gc.collect()
            started = time.perf_counter()
            result[i] = fn(*args)
            elapsed = time.perf_counter() - started
            best[i] = min(best[i], elapsed)
            print(f"  {label}: run {k + 1}/{repeats} {elapsed:.3f} s", flush=True)
    return list(zip(best, result))


# ---------------------------------------------------------------------------------------------
# PDF generation
# ---------------------------------------------------------------------------------------------

PDF_LABELS = [o for o in OFFENCES if len(o) <= 42] + ["Charge/summons", "Postal Charge", "Community Resolution"]


def build_pdf(pages: int, seed: int) -> tuple[bytes, int, int, int]:
    """(pdf bytes, ruled tables, text-aligned tables, their rows): one table of each kind a page.

    Prose is justified (multi_cell's default), as in real letters."""
    from fpdf import FPDF

    rng = random.Random(seed)

    class Reply(FPDF):
        def header(self):
            self.set_font("Helvetica", "B", 9)
            self.cell(0, 5, "West Midlands Police Freedom of Information", new_x="LMARGIN", new_y="NEXT")
            self.ln(3)

        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 4, "OFFICIAL", align="C", new_x="LMARGIN", new_y="NEXT")
            self.cell(0, 4, f"01/11/2019 16966/19    Page {self.page_no()} of {pages}", align="C")

    pdf = Reply(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 12, 15)
    ruled = aligned = rows = 0
    for p in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 9)
        q = rng.choice(QUESTIONS).replace("–", "-")
        pdf.multi_cell(0, 4.5, f"{p}: {q}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        pdf.multi_cell(0, 4.5, rng.choice(PROSE), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)

        # A ruled table: every cell bordered.
        years = [str(y) for y in range(2015, 2015 + rng.randint(3, 5))]
        labels = rng.sample(PDF_LABELS, rng.randint(7, 11))
        data = [[rng.choice([0, rng.randint(1, 40), rng.randint(1, 2500)]) for _ in years] for _ in labels]
        pdf.cell(0, 5, f"Table {p}a - Recorded offences by calendar year", new_x="LMARGIN", new_y="NEXT")
        widths = [75] + [18] * len(years) + [22]
        pdf.set_font("Helvetica", "B", 8)
        for w, txt in zip(widths, ["Offence", *years, "Grand Total"]):
            pdf.cell(w, 5.5, txt, border=1, align="C", new_x="RIGHT", new_y="TOP")
        pdf.ln(5.5)
        pdf.set_font("Helvetica", "", 8)
        for label, row in [*zip(labels, data), ("Grand Total", [sum(c) for c in zip(*data)])]:
            cells = [label, *(fmt(v, rng) for v in row), fmt(sum(row), rng)]
            for k, (w, txt) in enumerate(zip(widths, cells)):
                pdf.cell(w, 5.5, txt, border=1, align="L" if k == 0 else "R", new_x="RIGHT", new_y="TOP")
            pdf.ln(5.5)
        ruled += 1
        rows += len(labels) + 1
        pdf.ln(8)
        pdf.set_font("Helvetica", "", 9)
        pdf.multi_cell(0, 4.5, rng.choice(PROSE), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)

        # A text-aligned table: no borders, columns kept apart by position only.
        years = [str(y) for y in range(2016, 2016 + rng.randint(2, 4))]
        labels = rng.sample(PDF_LABELS, rng.randint(5, 8))
        data = [[rng.choice([0, rng.randint(1, 30), rng.randint(1, 900)]) for _ in years] for _ in labels]
        pdf.cell(0, 5, f"Table {p}b - Outcomes by year", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        widths = [80] + [20] * len(years) + [22]
        for r, (label, cells) in enumerate([("Offence", [*years, "Total"]),
                                            *((lb, [*(fmt(v, rng) for v in row), fmt(sum(row), rng)])
                                              for lb, row in zip(labels, data)),
                                            ("Total", [*(fmt(v, rng) for v in (sum(c) for c in zip(*data))),
                                                       fmt(sum(map(sum, data)), rng)])]):
            pdf.set_font("Helvetica", "B" if r == 0 else "", 8)
            for k, (w, txt) in enumerate(zip(widths, [label, *cells])):
                pdf.cell(w, 5, txt, align="L" if k == 0 else "R", new_x="RIGHT", new_y="TOP")
            pdf.ln(5)
        aligned += 1
        rows += len(labels) + 1
        pdf.ln(8)
        pdf.set_font("Helvetica", "", 9)
        pdf.multi_cell(0, 4.5, rng.choice(PROSE), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output()), ruled, aligned, rows


def pdfplumber_tables(data: bytes) -> list:
    import pdfplumber

    found = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            found.extend(page.extract_tables())
    return found


def profile(fn, *args, top: int = 15) -> str:
    """Top `top` by cumulative time, then the same restricted to the parser's own functions
    (for the PDF, pdfplumber's object parsing, which the baseline pays too, fills the first list)."""
    prof = cProfile.Profile()
    prof.enable()
    fn(*args)
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("cumulative").print_stats(top)
    out.write(f"### the same, requests_app/parsing functions only (top {top})\n")
    stats.print_stats(r"requests_app/parsing/", top)
    return re.sub(r"\n{3,}", "\n\n", out.getvalue())


# ---------------------------------------------------------------------------------------------


def first_difference(expected: list[str], found: list[str | None]) -> str:
    for k, (e, f) in enumerate(zip(expected, found)):
        if e != f:
            return f"table #{k + 1}: generated '{e}', parser's title '{f}'"
    k = min(len(expected), len(found))
    if len(expected) > k:
        return f"table #{k + 1} '{expected[k]}' and later not found"
    return f"extra table #{k + 1} found: title '{found[k]}'"


def run_text(args, with_facts: bool, results: dict) -> bool:
    parse_text_tables, _ = pipelines(with_facts)
    gen = TextGen(args.seed)
    print(f"generating ~{args.mb:g} MB of reply text ...", flush=True)
    t0 = time.perf_counter()
    text = gen.build(int(args.mb * MB))
    size = len(text.encode("utf-8"))
    n_lines = text.count("\n")
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(gen.kinds.items()))
    print(f"  {size / MB:.2f} MB, {n_lines:,} lines, {len(gen.titles):,} tables ({kinds}), "
          f"{sum(gen.rows):,} rows, in {time.perf_counter() - t0:.1f} s", flush=True)

    what = "parse_text()" if with_facts else "find_grids + build_table (no facts.py yet)"
    parse_text_tables(text[:20_000])  # warm-up: imports and compiled regexes, untimed
    runs = [("ours", parse_text_tables, (text,)), ("baseline", baseline_text, (text,))]
    if with_facts:  # the table half on its own too, to tell the cost of tables from that of facts
        runs.append(("tables only", tables_of_text, (text,)))
    print(f"timing {what}, interleaved with the baseline (splitlines + split on tabs / 2+ spaces)"
          f"{' and find_grids + build_table alone' if with_facts else ''} ...", flush=True)
    timed = best_of(args.repeats, *runs)
    (ours_s, tables), (base_s, tokens) = timed[:2]
    tables_only_s = timed[2][0] if with_facts else None

    n_rows = sum(len(t.rows) for t in tables)
    ok_count = len(tables) == len(gen.titles)
    if not ok_count:
        print(f"MISMATCH: generated {len(gen.titles)} tables, the parser found {len(tables)}; first difference: "
              f"{first_difference(gen.titles, [t.title for t in tables])}", file=sys.stderr, flush=True)
    elif n_rows != sum(gen.rows):
        bad = next((k for k, (t, n) in enumerate(zip(tables, gen.rows)) if len(t.rows) != n), None)
        print(f"note: {sum(gen.rows):,} rows generated, {n_rows:,} found"
              + (f"; first differing: table #{bad + 1} '{gen.titles[bad]}' ({gen.rows[bad]} generated, "
                 f"{len(tables[bad].rows)} found)" if bad is not None else ""), flush=True)
    prof = None
    if size / MB / ours_s < TARGET_MB_S or args.profile:
        print("profiling one run of ours on the first 1 MB (cProfile, top 15 by cumulative time) ...", flush=True)
        cut = text.rfind("\n", 0, MB) + 1 or len(text)
        prof = profile(parse_text_tables, text[:cut])
    results["text"] = dict(what=what, profile=prof, tables_only=tables_only_s, size=size, lines=n_lines, ours=ours_s, base=base_s, tokens=tokens,
                           tables=len(tables), tables_gen=len(gen.titles), rows=n_rows, rows_gen=sum(gen.rows),
                           ok_count=ok_count)
    return ok_count


def run_pdf(args, with_facts: bool, results: dict) -> None:
    _, parse_bytes_tables = pipelines(with_facts)
    print(f"generating a {args.pages}-page PDF with fpdf2 ...", flush=True)
    t0 = time.perf_counter()
    data, ruled, aligned, rows_gen = build_pdf(args.pages, args.seed)
    print(f"  {len(data) / 1024:.0f} KiB, {ruled} ruled + {aligned} text-aligned tables, "
          f"in {time.perf_counter() - t0:.1f} s", flush=True)
    if args.save_pdf:
        Path(args.save_pdf).write_bytes(data)
        print(f"  saved to {args.save_pdf}", flush=True)

    what = 'parse_bytes(pdf, "bench.pdf")' if with_facts else "readers.read + find_grids/build_table (no facts.py yet)"
    print("warming up (imports, untimed) ...", flush=True)
    parse_bytes_tables(data, "bench.pdf")
    pdfplumber_tables(data)
    print(f"timing {what}, interleaved with pdfplumber open + extract_tables() per page ...", flush=True)
    (ours_s, ours), (base_s, theirs) = best_of(
        args.repeats, ("ours", parse_bytes_tables, (data, "bench.pdf")), ("pdfplumber", pdfplumber_tables, (data,)))
    ratio = ours_s / base_s
    prof = None
    if ratio > TARGET_PDF_RATIO or args.profile:
        print("profiling one run of ours (cProfile, top 15 by cumulative time) ...", flush=True)
        prof = profile(parse_bytes_tables, data, "bench.pdf")
    results["pdf"] = dict(what=what, size=len(data), ours=ours_s, base=base_s, ratio=ratio,
                          tables=len(ours), rows=sum(len(t.rows) for t in ours), rows_gen=rows_gen, theirs=len(theirs),
                          ruled=ruled, aligned=aligned, profile=prof)


def report(args, results: dict) -> None:
    print()
    print("| benchmark | pipeline | best of %d (s) | throughput | tables found / generated | rows found / generated |"
          % args.repeats)
    print("|---|---|---:|---:|---:|---:|")
    t = results.get("text")
    if t:
        print(f"| text ({t['size'] / MB:.2f} MB, {t['lines']:,} lines) | {t['what']} | {t['ours']:.3f} | "
              f"{t['size'] / MB / t['ours']:.2f} MB/s | {t['tables']:,} / {t['tables_gen']:,} | "
              f"{t['rows']:,} / {t['rows_gen']:,} |")
        if t["tables_only"]:
            print(f"| text (tables only) | find_grids + build_table (parse_text without facts) | "
                  f"{t['tables_only']:.3f} | {t['size'] / MB / t['tables_only']:.2f} MB/s | - | - |")
        print(f"| text (baseline) | splitlines + re.split(tab / 2+ spaces) | {t['base']:.3f} | "
              f"{t['size'] / MB / t['base']:.2f} MB/s | - | {t['tokens']:,} tokens |")
    p = results.get("pdf")
    if p:
        print(f"| pdf ({args.pages} pages, {p['size'] / 1024:.0f} KiB) | {p['what']} | {p['ours']:.3f} | "
              f"{args.pages / p['ours']:.1f} pages/s | {p['tables']} / {p['ruled'] + p['aligned']} "
              f"(ruled + text-aligned) | {p['rows']:,} / {p['rows_gen']:,} |")
        print(f"| pdf (baseline) | pdfplumber open + page.extract_tables() | {p['base']:.3f} | "
              f"{args.pages / p['base']:.1f} pages/s | {p['theirs']} / {p['ruled']} (ruled only) | - |")
    print()
    if t:
        print(f"text: {t['what']} costs {t['ours'] / t['base']:.1f}x bare tokenising"
              + (f"; find_grids + build_table alone {t['tables_only'] / t['base']:.1f}x, so facts take "
                 f"{100 * (t['ours'] - t['tables_only']) / t['ours']:.0f}% of parse_text" if t["tables_only"] else ""))
    for name, r in (("text", t), ("pdf", p)):
        if r and r["profile"]:
            print(f"## {name} profile")
            print(r["profile"])
    if t:
        rate = t["size"] / MB / t["ours"]
        verdict = "ok" if rate >= TARGET_MB_S else "BELOW TARGET"
        if not t["ok_count"]:
            verdict += f"; TABLE COUNT MISMATCH ({t['tables']} found, {t['tables_gen']} generated)"
        print(f"text: {rate:.1f} MB/s (target >= {TARGET_MB_S:g} MB/s) {verdict}")
    if p:
        verdict = "ok" if p["ratio"] <= TARGET_PDF_RATIO else "ABOVE TARGET"
        print(f"pdf: {p['ratio']:.2f}x pdfplumber (target <= {TARGET_PDF_RATIO:g}x) {verdict}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of the generated text in MB (default 5)")
    parser.add_argument("--pages", type=int, default=20, help="pages of the generated PDF (default 20)")
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats, best kept (default 3)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--only", choices=["text", "pdf"], help="run one of the two benchmarks")
    parser.add_argument("--profile", action="store_true", help="always print the cProfiles (text and PDF)")
    parser.add_argument("--save-pdf", metavar="PATH", help="also write the generated PDF here")
    args = parser.parse_args(argv)

    with_facts = _have_facts()
    print(f"# reply parser benchmark: --mb {args.mb:g}, --pages {args.pages}, best of {args.repeats}, "
          f"seed {args.seed}, facts {'included (parse_text/parse_bytes)' if with_facts else 'NOT included (no facts.py)'}",
          flush=True)
    print(f"# parser modules: {_modules_mode()}", flush=True)
    results: dict = {}
    ok = True
    if args.only in (None, "text"):
        ok = run_text(args, with_facts, results)
    if args.only in (None, "pdf"):
        run_pdf(args, with_facts, results)
    report(args, results)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
