"""extract_facts(): reference, dates, exemptions relied on and the NCND / not-held flags.

The seeds are real police replies; the snippets are written in the layouts and wordings
other forces and authorities use. No database, no Django.
"""
from datetime import date
from pathlib import Path

import pytest

from requests_app.parsing.facts import extract_facts
from requests_app.parsing.model import Facts

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def seed(prefix: str) -> Facts:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return extract_facts(path.read_text(encoding="utf-8"))


def exemptions(text: str) -> list[str]:
    return list(extract_facts(text).exemptions)


# -- the seeds, in full -----------------------------------------------------------------
def test_seed_000_bedfordshire_cyberstalking():
    assert seed("000") == Facts(
        reference="FOI2019/06255", letter_date=date(2019, 10, 18), request_received_date=date(2019, 9, 27),
        exemptions=(), neither_confirm_nor_deny=False,
        information_not_held=True,  # "do not hold conviction information"
        warnings=())


def test_seed_001_hertfordshire_style_spreadsheet_reply():
    assert seed("001") == Facts(
        reference="20192133", letter_date=date(2019, 10, 24), request_received_date=None,
        exemptions=(), neither_confirm_nor_deny=False,
        information_not_held=True,  # "unable to provide ... may be available from the Ministry of Justice"
        warnings=("unreadable date '31-SEP-2019' ignored",))


def test_seed_002_hertfordshire_guidelines():
    assert seed("002") == Facts(
        reference="FOI2018/04155", letter_date=date(2018, 8, 24), request_received_date=date(2018, 7, 27),
        exemptions=(), neither_confirm_nor_deny=False, information_not_held=False, warnings=())


def test_seed_003_west_midlands_footer_gives_date_and_reference():
    # No date line and no labelled reference: the footer printed on every page is used.
    assert seed("003") == Facts(
        reference="16966/19", letter_date=date(2019, 11, 1), request_received_date=None,
        exemptions=(),  # "S1(1)" and "S2" in table rows are offences, not FOI sections
        neither_confirm_nor_deny=False,
        information_not_held=True,  # "We do not separately record the number of individuals"
        warnings=())


def test_seed_004_section_40_avoided_is_not_relied_on():
    assert seed("004") == Facts(
        reference="FOI2019/05348", letter_date=date(2019, 9, 17), request_received_date=date(2019, 8, 19),
        exemptions=(), neither_confirm_nor_deny=False, information_not_held=False, warnings=())


def test_seed_004_would_count_section_40_if_it_were_applied():
    text = (SEEDS.glob("004_*.txt").__next__().read_text(encoding="utf-8")
            .replace("to avoid having to implement a Section 40 exemption", "and applied a Section 40 exemption"))
    assert extract_facts(text).exemptions == ("s40",)


def test_empty_text_gives_empty_facts():
    assert extract_facts("") == Facts()
    assert extract_facts("Thank you for your e-mail.") == Facts()


# -- references -------------------------------------------------------------------------
@pytest.mark.parametrize("line, expected", [
    ("Our Ref: FOI2019/06255", "FOI2019/06255"),
    ("Ref No: FOI2019/06255", "FOI2019/06255"),
    ("Reference No: 20192133", "20192133"),
    ("Freedom of Information Request - Reference No: 20192133", "20192133"),
    ("FOI reference: 001234/19", "001234/19"),
    ("Our reference: FOI-2023-0456.", "FOI-2023-0456"),
    ("Request number: 2023/0912", "2023/0912"),
    ("FOI Ref 16966/19", "16966/19"),
    ("FOI Request No. IR-2024-77", "IR-2024-77"),
    ("Our ref:\nFOI 16966/19", "FOI 16966/19"),
    ("Case Reference: 2019/1234", "2019/1234"),
    ("Re: Freedom of Information Request FOI 1234/19", "FOI 1234/19"),  # unlabelled, FOI-shaped
])
def test_reference_layouts(line, expected):
    assert extract_facts(f"Information Rights\n{line}\n\nDear Requester").reference == expected


@pytest.mark.parametrize("text", [
    "Telephone: 01234 842547\nBedford, MK43 9AX",
    "Our Ref: 01234 567890",  # a phone number
    "Reference: 27/09/2019",  # a date
    "REQUEST UNDER THE FREEDOM OF INFORMATION ACT 2000",
    "Please contact me quoting the above reference number.",
    "Your ref: ABC/123/19",  # the requester's, not ours
    "Crime reference number 12345/19 is not held.",
])
def test_no_reference(text):
    assert extract_facts(text).reference is None


def test_your_reference_is_skipped_for_ours():
    assert extract_facts("Your ref: ABC/99/1\nOur ref: 555/19\n").reference == "555/19"


def test_conflicting_labelled_references_keep_the_first_and_warn():
    facts = extract_facts("Our Ref: 123/19\n\nReference No: 456/19\n")
    assert facts.reference == "123/19"
    assert facts.warnings == ("conflicting references '123/19' and '456/19': kept '123/19'",)


def test_same_reference_written_twice_is_no_conflict():
    facts = extract_facts("Our Ref: FOI2019/06255\nRef No: FOI2019/06255\nFOI reference: 06255\n")
    assert (facts.reference, facts.warnings) == ("FOI2019/06255", ())


def test_footer_reference_only_as_last_resort():
    body = "Q1 answer\n\n01/11/2019 16966/19\n\nQ2 answer\n\n01/11/2019 16966/19\n"
    assert extract_facts(body).reference == "16966/19"
    assert extract_facts("Our Ref: FOI 99/19\n" + body).reference == "FOI 99/19"


def test_single_date_and_number_line_mid_text_is_not_a_footer():
    facts = extract_facts("01/11/2019 16966/19\n\nThe figures follow.\n")
    assert (facts.reference, facts.letter_date) == (None, None)


# -- letter date ------------------------------------------------------------------------
@pytest.mark.parametrize("line, expected", [
    ("18th October 2019", date(2019, 10, 18)),
    ("24 October 2019", date(2019, 10, 24)),
    ("Date: 01/11/2019", date(2019, 11, 1)),
    ("Date: 03/04/2023", date(2023, 4, 3)),  # day first: 3 April
    ("1 November 2019", date(2019, 11, 1)),
    ("Thursday, 1 November 2019", date(2019, 11, 1)),
    ("01.11.2019", date(2019, 11, 1)),
    ("2019-11-01", date(2019, 11, 1)),
    ("1st November, 2019", date(2019, 11, 1)),
    ("November 1st, 2019", date(2019, 11, 1)),
    ("**Date:** 5 Jan 2024", date(2024, 1, 5)),
    ("Date of response: 30/03/2023", date(2023, 3, 30)),
    ("Our Ref: FOI 123/19        18 October 2019", date(2019, 10, 18)),
    ("Our Ref: FOI 123/19\tDate: 18/10/2019", date(2019, 10, 18)),
])
def test_letter_date_layouts(line, expected):
    assert extract_facts(f"Information Rights\n{line}\n\nDear Sir\n").letter_date == expected


def test_letter_date_is_not_a_date_inside_the_request():
    text = "Dear Sir\n\nPlease provide figures from 01-JAN-2014 to 31 December 2018.\n"
    assert extract_facts(text).letter_date is None


def test_letter_date_skips_request_and_receipt_labels():
    text = "Date of request: 01/03/2023\nDate received: 02/03/2023\nDate of response: 30/03/2023\n"
    facts = extract_facts(text)
    assert (facts.letter_date, facts.request_received_date) == (date(2023, 3, 30), date(2023, 3, 2))


def test_letter_date_ignores_quoted_earlier_message():
    text = "Dear X,\nPlease find our response attached.\n\n-----Original Message-----\n27 September 2019\n"
    assert extract_facts(text).letter_date is None


@pytest.mark.parametrize("text, expected", [
    # a quote opened by "On ... wrote:" after blank lines: its date is not the letter's
    ("Dear X,\nOur answer is below.\n\n\nOn 3 May 2019, J Smith wrote:\n> 1 May 2019\n", None),
    # a quoted message at the very top is no quote of an earlier message (nothing comes before it)
    ("-----Original Message-----\n27 September 2019\n", date(2019, 9, 27)),
    # the labelled response date in a footer above the quote, and not the quoted one below it
    ("Dear X,\nPage 1 of 1    Date of response: 04/04/2024\n-----Original Message-----\n"
     "Date of response: 05/05/2024\n", date(2024, 4, 4)),
    # a form feed (a PDF page break) starts a line as splitlines() says
    ("Information Rights\f12 March 2021\nDear X,\n", date(2021, 3, 12)),
    # the value under "Date received" is not the letter date; the next date line is
    ("Date received\n01/03/2023\nDate: 30/03/2023\n", date(2023, 3, 30)),
])
def test_letter_date_walks_lines_to_the_first_date_or_quote(text, expected):
    assert extract_facts(text).letter_date == expected


def test_unreadable_letter_date_warns_and_parse_goes_on():
    facts = extract_facts("Date: 31/09/2019\nOur ref: FOI2019/1\n\nWe received your request on 2 September 2019.")
    assert facts.letter_date is None
    assert facts.reference == "FOI2019/1"
    assert facts.request_received_date == date(2019, 9, 2)
    assert facts.warnings == ("unreadable date '31/09/2019' ignored",)


def test_29_february_in_a_common_year_warns():
    assert extract_facts("29 February 2019\n").warnings == ("unreadable date '29 February 2019' ignored",)


# -- received date ----------------------------------------------------------------------
@pytest.mark.parametrize("sentence, expected", [
    ("I write in connection with your request for information received on 27th September.", date(2019, 9, 27)),
    ("Thank you for your request, which we received on 2 March 2023.", date(2023, 3, 2)),
    ("Your request was received by us on 27/09/2019.", date(2019, 9, 27)),
    ("Your request dated 27 September 2019 and received on 28 September 2019 has been considered.",
     date(2019, 9, 28)),
    ("Your e-mail request received 19th August has been dealt with.", date(2019, 8, 19)),
    ("Your request was received by West Midlands Police on Friday 27 September 2019.", date(2019, 9, 27)),
    ("We received your request on the 3rd of October.", date(2019, 10, 3)),
    ("Date received: 27.09.2019", date(2019, 9, 27)),
])
def test_received_date_wordings(sentence, expected):
    assert extract_facts(f"18 October 2019\n\n{sentence}\n").request_received_date == expected


def test_received_year_inferred_across_new_year():
    text = "5 January 2024\n\nYour request for information received on 12 December has now been considered."
    assert extract_facts(text).request_received_date == date(2023, 12, 12)


def test_received_without_year_and_without_letter_date_is_null():
    assert extract_facts("Your request received on 12 December.").request_received_date is None


@pytest.mark.parametrize("text", [
    "18 October 2019\n\nPlease provide the number of calls received between 1 January 2019 and 31 March 2019.",
    "18 October 2019\n\nHow many 999 calls were received on 1 January 2019?",
    "18 October 2019\n\nYour request dated 27 September 2019 has been considered.",
])
def test_received_date_not_stated(text):
    assert extract_facts(text).request_received_date is None


def test_received_after_letter_is_kept_with_a_warning():
    facts = extract_facts("1 October 2019\n\nWe received your request on 3 October 2019.")
    assert facts.request_received_date == date(2019, 10, 3)
    assert facts.warnings == ("request received 2019-10-03, after the letter date 2019-10-01",)


# -- exemptions -------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("We are relying on section 12 (cost) as locating the information would exceed the appropriate limit.",
     ["s12"]),
    ("Section 12 - Exceeds cost limit\nTo answer would take over 18 hours.", ["s12"]),
    ("S.12 of the Act applies to this request.", ["s12"]),
    ("Section 14(1) of the Act is engaged because the request is vexatious.", ["s14(1)"]),
    ("The information is reasonably accessible to you by other means and is exempt under s21.", ["s21"]),
    ("Section 30(1)(a)(b) Investigations", ["s30(1)(a)", "s30(1)(b)"]),
    ("The information is exempt by virtue of section 31(1)(a) and (b) of the Act.", ["s31(1)(a)", "s31(1)(b)"]),
    ("Section 31(1)(a) – Law Enforcement\nDisclosure would prejudice the prevention of crime.", ["s31(1)(a)"]),
    ("This is a refusal notice under section 17 of the Act for the exemptions at section 38(1)(a).",
     ["s38(1)(a)"]),
    ("Section 40(2) Personal Information\nThe names of officers are withheld.", ["s40(2)"]),
    ("Section 43(2) - Commercial Interests\nThe exemption is engaged.", ["s43(2)"]),
    ("The information is exempt under sections 23 and 24 of the Act.", ["s23", "s24"]),
    ("Section 40(2) and (3A)(a) apply to the names.", ["s40(2)", "s40(3A)(a)"]),
    ("Exemptions applied: s.31(1)(a) & (b), s.40(2)", ["s31(1)(a)", "s31(1)(b)", "s40(2)"]),
    ("Section 38(1)(a)&(b) – Health and Safety", ["s38(1)(a)", "s38(1)(b)"]),
    ("We withheld the report under section 36(2)(b)(i) and (ii).", ["s36(2)(b)(i)", "s36(2)(b)(ii)"]),
])
def test_foia_exemptions_relied_on(text, expected):
    assert exemptions(text) == expected


def test_eir_exceptions():
    text = ("Regulation 12(4)(b) applies as the request is manifestly unreasonable. "
            "The names are withheld under reg 13 of the Environmental Information Regulations 2004.")
    assert exemptions(text) == ["reg12(4)(b)", "reg13"]


def test_eir_not_held_exception_sets_not_held():
    facts = extract_facts("We are applying regulation 12(4)(a) of the EIR as the information is not held.")
    assert facts.exemptions == ("reg12(4)(a)",)
    assert facts.information_not_held


def test_foisa_exemptions():
    text = ("Police Scotland is refusing to provide the information in terms of section 35(1)(a) of FOISA "
            "and section 38(1)(b) of the Freedom of Information (Scotland) Act 2002.")
    facts = extract_facts(text)
    assert facts.exemptions == ("s35(1)(a)", "s38(1)(b)")
    assert not facts.neither_confirm_nor_deny


def test_foisa_lists_paragraphs_with_commas():
    assert exemptions("The information is exempt under section 35(1)(a), (b) and (f) of FOISA.") == [
        "s35(1)(a)", "s35(1)(b)", "s35(1)(f)"]


def test_foisa_section_17_notice_is_not_held_not_an_exemption():
    facts = extract_facts("In terms of section 17(1) of FOISA, this represents a notice that the information "
                          "you seek is not held by Police Scotland.")
    assert facts.exemptions == ()
    assert facts.information_not_held


def test_foisa_section_18_is_ncnd():
    facts = extract_facts("Police Scotland refuses to reveal whether the information exists or is held, "
                          "in terms of section 18(1) of FOISA, as it would be exempt under section 35(1)(a).")
    assert facts.exemptions == ("s18(1)", "s35(1)(a)")
    assert facts.neither_confirm_nor_deny


def test_foia_section_17_refusal_notice_is_neither_exemption_nor_not_held():
    facts = extract_facts("This letter serves as a refusal notice under section 17(1) of the Freedom of "
                          "Information Act 2000.")
    assert (facts.exemptions, facts.information_not_held) == ((), False)


@pytest.mark.parametrize("text", [
    "I have grouped these together to avoid having to implement a Section 40 exemption.",
    "We have not applied section 40 as the data is anonymised.",
    "The exemption at section 38(1)(a) has not been applied.",
    "No exemptions have been applied. Section 16 requires us to advise you. Section 50 allows complaints.",
    "You have the right of access under section 1(1) of the Act.",
    "Section 10 of the Act requires a response within 20 working days.",
    "The Freedom of Information Act 2000 provides exemptions in sections 21 to 44.",
    "Should you refine your request, please be aware that section 12 may still apply.",
    "Section 40 of the Data Protection Act 2018 sets out the exemption for crime data.",
    "Stop and search under section 44 Terrorism Act 2000 is recorded separately.",
    "Please provide any information withheld under section 40.",
    "Wounding with intent S18 and assault S39 figures are below.",
    "This response is in line with the section 45 Code of Practice.",
    "ASSAULT OCCASIONING ACTUAL BODILY HARM S47\t12\t15\t27",
])
def test_sections_mentioned_but_not_relied_on(text):
    assert exemptions(text) == []


def test_refusal_after_a_mention_in_the_same_sentence():
    text = "We have not applied section 40; however section 31(1)(a) is engaged."
    assert exemptions(text) == ["s31(1)(a)"]


def test_a_later_bare_citation_adds_nothing_to_the_specific_one():
    text = ("Section 24(2) – National Security\n\n"
            "Section 24 is a prejudice based qualified exemption and the public interest test applies.")
    assert exemptions(text) == ["s24(2)"]


# -- neither confirm nor deny -----------------------------------------------------------
def test_ncnd_provisions_are_exemptions_and_set_the_flag():
    facts = extract_facts("The exemptions at sections 23(5) and 24(2) have been applied.")
    assert facts.exemptions == ("s23(5)", "s24(2)")
    assert facts.neither_confirm_nor_deny


def test_ncnd_bedfordshire_wording():
    facts = extract_facts("Bedfordshire Police can neither confirm nor deny that it holds any information "
                          "relevant to your request by virtue of Section 30(3) and 31(3).")
    assert facts.exemptions == ("s30(3)", "s31(3)")
    assert facts.neither_confirm_nor_deny
    assert not facts.information_not_held


def test_ncnd_hertfordshire_refusal_notice():
    text = ("In accordance with the Freedom of Information Act 2000, this letter represents a Refusal Notice "
            "for this particular request. Hertfordshire Constabulary can neither confirm nor deny that it holds "
            "the information you have requested as the duty in s1(1)(a) of the Freedom of Information Act 2000 "
            "does not apply, by virtue of the following exemptions:\n\n"
            "Section 23(5) Information relating to the Security bodies\n"
            "Section 24(2) National Security\n"
            "Section 31(3) Law Enforcement\n\n"
            "Section 23 is an absolute class-based exemption and there is no requirement to consider the "
            "public interest. Confirming or denying whether information is or is not held would reveal ...")
    facts = extract_facts(text)
    assert facts.exemptions == ("s23(5)", "s24(2)", "s31(3)")
    assert facts.neither_confirm_nor_deny
    assert not facts.information_not_held  # "is or is not held" is the NCND argument, not an answer


def test_ncnd_explained_for_this_request_counts():
    text = "When a force NCNDs, as it does here, it does so consistently. Section 40(5) applies."
    facts = extract_facts(text)
    assert facts.neither_confirm_nor_deny
    assert facts.exemptions == ("s40(5)",)


def test_ncnd_in_words_without_a_provision():
    assert extract_facts("The force is exempt from the duty to confirm or deny whether it holds this.") \
        .neither_confirm_nor_deny


@pytest.mark.parametrize("text", [
    "We can confirm that the information is held and it is attached.",
    "This is not a neither confirm nor deny response; the figures are below.",
    "This should not be taken as a neither confirm nor deny response.",
    "This does not mean that the force is adopting a 'neither confirm nor deny' stance on other requests.",
    "In some circumstances a force may neither confirm nor deny that information is held, however that is not the "
    "case here.",
    "A force can neither confirm nor deny holding some information, but that does not apply to this request.",
    "Section 40(2) applies to the officers' names.",
])
def test_not_ncnd(text):
    assert not extract_facts(text).neither_confirm_nor_deny


@pytest.mark.parametrize("text", [
    "We do not hold information on stop and search and can neither confirm nor deny that we hold any on covert tactics.",
    "Whilst this is not a complaint, the force can neither confirm nor deny that it holds the information.",
    "It would not be appropriate to disclose this; the force therefore neither confirms nor denies holding it.",
    "The force can neither confirm nor deny that it holds the information. This is not a refusal of the rest.",
])
def test_ncnd_after_a_negation_of_something_else(text):
    assert extract_facts(text).neither_confirm_nor_deny


# -- information not held ---------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Bedfordshire Police do not hold conviction information.",
    "The force does not hold this information.",
    "This information is not held by Essex Police.",
    "No information is held in relation to question 3.",
    "We do not record the ethnicity of callers.",
    "Information not held.",
    "Searches found no relevant information held on our systems.",
    "We are unable to provide details of court outcomes. This information may be available from the "
    "Ministry of Justice.",
    "Kent Police holds no information about this.",
])
def test_information_not_held(text):
    assert extract_facts(text).information_not_held


@pytest.mark.parametrize("text", [
    "We can confirm that the information is held and it is attached.",
    "If you do not hold this information, please tell me.",
    "Please do not hesitate to contact me.",
    "We are unable to provide this as section 12 applies. You may wish to contact us to refine your request.",
    "The information may be available from our website, which is why section 21 applies.",
    "Confirming or denying whether information is held or not held would reveal policing tactics.",
])
def test_information_held_or_not_said(text):
    assert not extract_facts(text).information_not_held


# -- whole letters in other layouts -----------------------------------------------------
MET_STYLE = """\
Freedom of Information Request Reference No: 01/FOI/19/012345

Thursday, 1 November 2019

I write in connection with your request for information which was received by the Metropolitan
Police Service (MPS) on 4 October 2019.

DECISION
The MPS can neither confirm nor deny whether it holds the information you requested, as the duty
in s1(1)(a) of the Act does not apply by virtue of the following exemptions:

Section 23(5) - Information supplied by, or concerning, certain Security Bodies
Section 24(2) - National Security
Section 31(3) - Law Enforcement

This letter serves as a Refusal Notice under Section 17(1) of the Act. Section 16 of the Act
places a duty to provide advice and assistance.

COMPLAINT RIGHTS: you may complain to the Information Commissioner under section 50 of the Act.
"""


def test_met_style_ncnd_letter():
    facts = extract_facts(MET_STYLE)
    assert facts == Facts(
        reference="01/FOI/19/012345", letter_date=date(2019, 11, 1), request_received_date=date(2019, 10, 4),
        exemptions=("s23(5)", "s24(2)", "s31(3)"), neither_confirm_nor_deny=True,
        information_not_held=False, warnings=())


COST_LETTER = """\
Our reference: FOI-2023-0456
Date: 03/04/2023

Dear Applicant

Thank you for your request which we received on 6 March.

Section 12(1) of the Freedom of Information Act 2000 does not oblige a public authority to comply
with a request if the cost of complying would exceed the appropriate limit. The appropriate limit
for police is £450, set by regulation 3 of the Freedom of Information and Data Protection
(Appropriate Limit and Fees) Regulations 2004, which is 18 hours' work.

Section 16 - Advice and Assistance: should you refine your request to a single year, section 12
may not apply.
"""


def test_cost_refusal_letter():
    facts = extract_facts(COST_LETTER)
    assert (facts.reference, facts.letter_date, facts.request_received_date) == (
        "FOI-2023-0456", date(2023, 4, 3), date(2023, 3, 6))
    assert facts.exemptions == ("s12(1)",)
    assert not facts.neither_confirm_nor_deny


SCOTLAND_LETTER = """\
Our Ref: IM-FOI-2023-1234
Date: 12 May 2023

Freedom of Information (Scotland) Act 2002

Your request dated 14 April 2023, received by Police Scotland on 17 April 2023, has been considered.

1. Number of officers trained: 123.

2. In terms of section 17(1) of FOISA, this represents a notice that the information requested is not held.

3. The names of officers are exempt under section 38(1)(b) of the Act (personal information).

Should you be dissatisfied, you may apply to the Scottish Information Commissioner within six months.
"""


def test_police_scotland_letter():
    facts = extract_facts(SCOTLAND_LETTER)
    assert facts == Facts(
        reference="IM-FOI-2023-1234", letter_date=date(2023, 5, 12), request_received_date=date(2023, 4, 17),
        exemptions=("s38(1)(b)",), neither_confirm_nor_deny=False, information_not_held=True, warnings=())


def test_markdown_converted_letter():
    text = ("**Date:** 24th August 2018\n\n**Our Ref:** FOI2018/04155\n\n"
            "## Section 40(2) – Personal Information\n\nNames have been redacted.")
    facts = extract_facts(text)
    assert (facts.reference, facts.letter_date, facts.exemptions) == (
        "FOI2018/04155", date(2018, 8, 24), ("s40(2)",))


def test_footer_letter_date_needs_no_date_line():
    text = "West Midlands Police Freedom of Information\n\nAnswer one\n\n01/11/2019 16966/19\n"
    assert extract_facts(text).letter_date == date(2019, 11, 1)


# -- more real-world layouts ------------------------------------------------------------
WILTSHIRE_STYLE = """\
Force Disclosure Unit
Wiltshire Police HQ
Devizes
Wiltshire SN10 2DN
Telephone: 101
Direct Dial:01380-733446

Date 19 March 2015

Your ref

Our ref RFI 2015-096

Dear Matthew,
I write in connection with your request for information, dated 9th February 2015, concerning
press enquiries.
Response:
Your request for information has now been considered and I am not obliged to supply the
information that you have requested in full. Parts of this request are exempt by virtue of
Section 31(1)(a)(b) (Law Enforcement) and Section 40(2) Personal information.
Section 40 is an absolute exemption, therefore there is no need to consider either the harm or
public interest test in disclosure. However Section 31(1)(a)(b) is a prejudice based, qualified
exemption and therefore require both a harm test and a public interest test to be conducted.

Overall harm for Section 31(1)(a)(b):
"""


def test_wiltshire_style_letter():
    assert extract_facts(WILTSHIRE_STYLE) == Facts(
        reference="RFI 2015-096", letter_date=date(2015, 3, 19), request_received_date=None,  # only "dated"
        exemptions=("s31(1)(a)", "s31(1)(b)", "s40(2)"), neither_confirm_nor_deny=False,
        information_not_held=False, warnings=())


def test_received_by_a_named_force_over_a_line_break():
    text = ("Freedom of Information Request Reference No: 2008040002496\n"
            "I write in connection with your request for information which was received\n"
            "by the Metropolitan Police Service (MPS) on 07/04/2008. I note you seek\n")
    facts = extract_facts(text)
    assert (facts.reference, facts.request_received_date) == ("2008040002496", date(2008, 4, 7))


def test_reference_and_date_on_one_header_line():
    facts = extract_facts("OFFICIAL\n\nOur Ref: IM-FOI-2021-0942 Date: 31st May 2021\n\n"
                          "FREEDOM OF INFORMATION (SCOTLAND) ACT 2002\n")
    assert (facts.reference, facts.letter_date) == ("IM-FOI-2021-0942", date(2021, 5, 31))


def test_inline_received_label_is_not_the_letter_date():
    facts = extract_facts("Our Ref: 1/19 Date of request: 01/05/2021 Received Date: 02/05/2021\n")
    assert (facts.letter_date, facts.request_received_date) == (None, date(2021, 5, 2))


def test_printed_email_header_sent_line():
    text = "From: FOI Unit\nSent: Thursday, 1 November 2019 10:12\nTo: Requester\n\nDear Requester"
    assert extract_facts(text).letter_date == date(2019, 11, 1)


def test_ncnd_list_on_one_line_after_does_not_apply():
    text = ("Lancashire Constabulary can neither confirm nor deny that it holds any other information relevant "
            "to your request as the duty in s1(1)(a) of the Freedom of Information Act 2000 does not apply by "
            "virtue of the following exemptions: Section 24(2) National Security Section 31(3) Law Enforcement")
    facts = extract_facts(text)
    assert (facts.exemptions, facts.neither_confirm_nor_deny) == (("s24(2)", "s31(3)"), True)


@pytest.mark.parametrize("text, expected", [
    ("Essex Police has applied the following exemption(s):\n\nSection 31(1)(a)(b)\nSection 40(2)",
     ["s31(1)(a)", "s31(1)(b)", "s40(2)"]),
    ("Exemption Applied: Section 12(1) - Cost of Compliance", ["s12(1)"]),
    ("Section 21 – Information reasonably accessible by other means: it is on our website.", ["s21"]),
    ("This request is being refused under Section 14(2) as it is a repeated request.", ["s14(2)"]),
    ("Under section 30(1)(a)(i) and (ii) and 30(2)(a)(i) the information is exempt.",
     ["s30(1)(a)(i)", "s30(1)(a)(ii)", "s30(2)(a)(i)"]),
    ("Public Interest Test\n\nFactors favouring disclosure - Section 31\n\nFactors against disclosure - Section 31",
     ["s31"]),
    ("I have reviewed the decision to apply section 31(1)(a) and uphold the original decision.", ["s31(1)(a)"]),
    ("We are relying on section 12; you may wish to refine your request.", ["s12"]),
    ("We have not applied any exemption such as section 40 to this data.", []),
    ("In accordance with section 17 of the Act, this letter acts as a refusal notice. "
     "Regulation 12(5)(b) of the EIR applies.", ["reg12(5)(b)"]),
])
def test_more_refusal_wordings(text, expected):
    assert exemptions(text) == expected


def test_section_12_2_is_ncnd():
    facts = extract_facts("The MPS is relying on section 12(2) and is not required to confirm or deny "
                          "whether the information is held.")
    assert (facts.exemptions, facts.neither_confirm_nor_deny, facts.information_not_held) == (
        ("s12(2)",), True, False)


def test_40_5b_is_ncnd():
    facts = extract_facts("Section 40(5B)(a)(i) Personal Information")
    assert (facts.exemptions, facts.neither_confirm_nor_deny) == (("s40(5B)(a)(i)",), True)


@pytest.mark.parametrize("text", [
    "If you neither confirm nor deny, please explain why.",
    "Please note that this response should not be taken as conclusive evidence that any information that "
    "would meet your request does or does not exist.",
])
def test_requester_or_caveat_is_not_ncnd_or_not_held(text):
    facts = extract_facts(text)
    assert (facts.neither_confirm_nor_deny, facts.information_not_held) == (False, False)


def test_where_you_do_not_hold_is_the_requester_speaking():
    assert not extract_facts("Where you do not hold the information, please say so.").information_not_held


def test_pathological_text_is_fast():
    import time

    started = time.monotonic()
    extract_facts("exempt under section 40 and " * 5000 + "Date: " * 20000 + "does or does not hold " * 5000)
    assert time.monotonic() - started < 5


def test_form_layout_values_under_their_labels():
    text = "Date of request\n01/03/2023\nDate received\n02/03/2023\nDate of response\n30/03/2023\n"
    facts = extract_facts(text)
    assert (facts.letter_date, facts.request_received_date) == (date(2023, 3, 30), date(2023, 3, 2))


def test_date_line_under_a_request_heading_is_the_letter_date():
    assert extract_facts("Freedom of Information Request\n18 October 2019\n").letter_date == date(2019, 10, 18)


@pytest.mark.parametrize("footer", ["1 November 2019 16966/19", "16966/19 01/11/2019"])
def test_footer_either_way_round(footer):
    facts = extract_facts(f"Answer one\n\n{footer}\n\nAnswer two\n\n{footer}\n")
    assert (facts.reference, facts.letter_date) == ("16966/19", date(2019, 11, 1))


def test_footer_with_a_page_number_is_not_a_reference():
    assert extract_facts("Answer\n\n01/11/2019 3\n").reference is None


def test_aside_in_another_clause_does_not_hide_a_refusal():
    assert exemptions("If you wish to complain, contact the ICO; we rely on section 40(2).") == ["s40(2)"]


def test_english_refusal_notice_naming_police_scotland_is_not_a_foisa_notice():
    facts = extract_facts("This letter is a refusal notice under section 17(1) of the Act. "
                          "Section 31(1)(a) applies. Similar data may be held by Police Scotland.")
    assert (facts.exemptions, facts.information_not_held) == (("s31(1)(a)",), False)


def test_facts_module_imports_without_django():
    import subprocess
    import sys

    code = ("import sys, requests_app.parsing.facts; "
            "bad = [m for m in sys.modules if m.split('.')[0] == 'django']; assert not bad, bad")
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# -- characters re.IGNORECASE equates with ASCII letters ---------------------------------
@pytest.mark.parametrize("text", [
    "Date: 1 ſep 2019",  # long s: the date pattern reads it as "sep", str.lower() does not
    "ſeptember 5, 2019",
    "We received your request on 3 ſeptember 2019.",
    "31 ſep 2019\n",
    "Our ref: FOI2019/1 dated 1 ſEP 2019\n\nThe \u212aent office and İstanbul, ı 2019.",
])
def test_long_s_and_other_ignorecase_alikes_never_raise(text):
    facts = extract_facts(text)
    assert isinstance(facts, Facts)


def test_long_s_month_reads_as_september():
    assert extract_facts("Date: 1 ſep 2019\n").letter_date == date(2019, 9, 1)
    assert extract_facts("31 ſep 2019\n").warnings == ("unreadable date '31 ſep 2019' ignored",)


# Lists of exemptions that name each one, and suppression under s40(2) (from replies of forces
# not among the seeds: Police Scotland, Kent, Devon & Cornwall).

@pytest.mark.parametrize("text, expected", [
    ("The information is exempt under sections 34(1)(b) (Investigations) and 35(1)(a) (Law Enforcement) of the Act.",
     ["s34(1)(b)", "s35(1)(a)"]),
    ("We have applied sections 34(1)(b) - Investigations and 35(1)(a) - Law Enforcement.", ["s34(1)(b)", "s35(1)(a)"]),
    ("Section 40(2) (Personal Information) and 31(1)(a) (Law Enforcement) apply to this request.",
     ["s40(2)", "s31(1)(a)"]),
    ("We neither confirm nor deny under Sections 23(5) (Security Bodies) and 24(2) (National Security).",
     ["s23(5)", "s24(2)"]),
    ("Section 38(1)(a) - Health and Safety, 40(2) - Personal Information are engaged.", ["s38(1)(a)", "s40(2)"]),
])
def test_a_list_of_exemptions_each_with_its_name(text, expected):
    assert list(extract_facts(text).exemptions) == expected


def test_a_name_after_a_lone_citation_is_not_read_as_more():
    facts = extract_facts("Section 44 - Prohibitions on disclosure applies, and 2 officers were consulted.")
    assert list(facts.exemptions) == ["s44"]


@pytest.mark.parametrize("phrase", ["in line with section 40(2) of the Act", "as per section 40(2)"])
def test_figures_suppressed_in_line_with_s40_rely_on_it(phrase):
    text = f"Figures below 5 have been suppressed (shown as <5 or *) to prevent identification of individuals, {phrase}."
    assert list(extract_facts(text).exemptions) == ["s40(2)"]


def test_handled_in_line_with_the_act_relies_on_nothing():
    assert extract_facts("Your request has been handled in line with section 1(1) of the Act.").exemptions == ()


@pytest.mark.parametrize("text, shown", [("12/00/2019", "12/00/2019"), ("5 May 2150", "5 May 2150"),
                                         ("00/05/2019", None)])
def test_a_month_of_nought_or_a_year_out_of_range_is_warned_about(text, shown):
    warnings = extract_facts(f"The figures were taken on {text}.\n").warnings
    assert warnings == ((f"unreadable date '{shown}' ignored",) if shown else ())


@pytest.mark.parametrize("block", [
    "Our reference:      FOI/2024/0344\nRequest received:   4 March 2024\nDate of response:   4 April 2024\n",
    "Our reference:      FOI/2024/0344\nDate received:      4 March 2024\nDate:               4 April 2024\n",
    "Our reference:      FOI/2024/0344\nDate of request:    1 March 2024\nDate:   4 April 2024\n",
])
def test_a_received_or_request_date_in_the_header_block_is_not_the_letters(block):
    assert extract_facts(block + "\nDear Sir,\n").letter_date == date(2024, 4, 4)


def test_eir_procedure_regulations_are_not_exceptions():
    text = ("We are withholding the information under regulation 12(5)(b) of the EIR. Regulation 12(1)(b) requires us "
            "to apply a public interest test and Regulation 12(2) requires us to apply a presumption in favour of "
            "disclosure.")
    assert list(extract_facts(text).exemptions) == ["reg12(5)(b)"]


def test_acknowledged_receipt_is_the_received_date():
    facts = extract_facts("Date: 4 April 2024\n\nDear Mr Jones,\n\nI acknowledge receipt of your request on 4 March.\n")
    assert facts.request_received_date == date(2024, 3, 4)


@pytest.mark.parametrize("text, expected", [
    ("We have considered whether section 38 (Health and Safety) applies and concluded that it does not.", []),
    ("We considered section 43(2) but decided it was not engaged.", []),
    ("Section 40(2) would also be relevant to those details, but as section 30(1)(a) applies to the whole report "
     "we have not found it necessary to rely on it.", ["s30(1)(a)"]),
    ("We have considered whether section 31(1)(a) applies and concluded that it does.", ["s31(1)(a)"]),
])
def test_a_provision_turned_down_by_a_later_clause_is_not_relied_on(text, expected):
    assert list(extract_facts(text).exemptions) == expected


def test_a_bulleted_list_of_factors_is_one_sentence_a_bullet():
    text = ("Factors favouring non-disclosure\n"
            "- The report names witnesses. Section 40(2) would also be relevant, but as section\n"
            "  30(1)(a) applies to the whole report we have not found it necessary to rely on it.\n"
            "- We have considered whether section 38 applies and concluded that it does not.\n")
    assert list(extract_facts(text).exemptions) == ["s30(1)(a)"]


def test_a_labelled_response_date_in_a_footer_line_with_other_text_is_the_letter_date():
    text = ("Dear Ms Khan,\n\nPlease find our response below.\n\nYours sincerely\n\n"
            "BTP FOI 12/2024                    Page 1 of 1                    Date of response: 04/04/2024\n")
    assert extract_facts(text).letter_date == date(2024, 4, 4)
    assert extract_facts("Dear Ms Khan,\n\nPage 1 of 1    04/04/2024 was when we met.\n").letter_date is None
