"""The helpers every reader shares (viewer.core.formats: names, speakerbook, callmeta, ...)."""

from __future__ import annotations

import pytest

from viewer.core.formats.callmeta import (
    MetaHints,
    find_period,
    meta_from_filename,
    meta_from_text,
    parse_date,
    reconcile_meta,
)
from viewer.core.formats.names import (
    is_placeholder,
    looks_like_title,
    same_person,
    split_name_label,
    split_name_title,
)
from viewer.core.formats.qastart import find_qa_start
from viewer.core.formats.speakerbook import SpeakerBook
from viewer.core.formats.textblocks import group_sentences, split_sentences, unwrap_lines
from viewer.core.models import Role


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Amy E. Hood", "Amy Hood", True),
        ("Tim Cook", "Timothy D. Cook", True),
        ("Erik Woodring", "Erik William Richard Woodring", True),
        ("Billy Fitzsimmons", "William Fitzsimmons", True),
        ("Jason Wang", "Jessie Wang", False),
        ("Amy Hood", "Amy Wood", False),
        ("Mark L. Moerdler", "Mark R. Moerdler", True),  # initials are not compared
        ("Mark Anthony Smith", "Mark Brian Smith", False),
        ("Unidentified Analyst", "Unknown speaker", False),
        ("Hood", "Amy Hood", False),
    ],
)
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same
    assert same_person(b, a) is same


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Dylan Field:Hello, everyone", ("Dylan Field", "Hello, everyone")),
        ("**Jane Roe:** Thanks.", ("Jane Roe", "Thanks.")),
        ("**Jane Roe**: Thanks.", ("Jane Roe", "Thanks.")),
        ("**Jane Roe:** **Thanks.**", ("Jane Roe", "**Thanks.**")),
        # The bold runs past the first colon: no label (it dropped the "**" from the text).
        ("**Jane Roe: Note:** Q2 2025", None),
        ("Tom O'Malley: Hi.", ("Tom O'Malley", "Hi.")),
        ("Franz von Holzhausen:", ("Franz von Holzhausen", "")),
        ("Unidentified Analyst: One more.", ("Unidentified Analyst", "One more.")),
        ("Operator:[Operator Instructions]", ("Operator", "[Operator Instructions]")),
        ("fundamentals:landing well", None),
        ("Our fundamentals:landing is good", None),
        ("Here's the thing: we grew.", None),
        ("Revenue: up 5%", None),
        ("Key takeaways: growth", None),
        ("Chief Designer: I agree.", None),
        ("Q3 Revenue: $5 million", None),
    ],
)
def test_split_name_label(line: str, expected: tuple[str, str] | None) -> None:
    assert split_name_label(line) == expected


def test_known_single_names_are_labels() -> None:
    assert split_name_label("Elon: Yes.") is None
    assert split_name_label("Elon: Yes.", known={"Elon"}) == ("Elon", "Yes.")
    # A known name does not make a bold run past the colon a label (fuzz find: markdown).
    assert split_name_label("**Elon: Q2:** 2025", known={"Elon"}) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brett Iversen--General Manager, Investor Relations",
            ("Brett Iversen", "General Manager, Investor Relations"),
        ),
        ("Chief Executive Officer — Dylan Field", ("Dylan Field", "Chief Executive Officer")),
        ("Jason Wang - MediaTek, Investor Relation", ("Jason Wang", "MediaTek, Investor Relation")),
        ("Operator", ("Operator", None)),
        ("Prepared Remarks:", None),
        ("Revenue-- $333 million, up 46%", None),
    ],
)
def test_split_name_title(text: str, expected: tuple[str, str | None] | None) -> None:
    assert split_name_title(text) == expected


def test_titles_and_placeholders() -> None:
    assert looks_like_title("Head of Investor Relations")
    assert looks_like_title("EVP & CFO")
    assert not looks_like_title("Wolfe Research")
    assert not looks_like_title("Bernstein Research")
    assert is_placeholder("Unidentified Company Representative")
    assert not is_placeholder("Unified Analyst Group")


def test_speaker_book_merges_spellings_and_keeps_roles() -> None:
    book = SpeakerBook()
    a = book.get("Amy E. Hood", title="CFO")
    b = book.get("Amy Hood")
    assert a is b and a.aliases == ["Amy Hood"] and a.role is Role.COMPANY
    op = book.get("operator")
    assert (op.name, op.id, op.role) == ("Operator", "operator", Role.OPERATOR)
    ua = book.get("Unidentified Analyst")
    assert ua.role is Role.ANALYST and book.get("Unidentified Analyst") is ua
    # A surname alone never picks one of two people.
    book.get("Jason Wang")
    book.get("Jessie Wang")
    assert book.find("Wang") is None
    assert len(book) == 5


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Thursday, May 14, 2026 at 5 p.m. ET", "2026-05-14"),
        ("Nov. 5, 2025 at 12:00 a.m. ET", "2025-11-05"),
        ("Earnings CallApr 25, 2024,5:30 p.m. ET", "2024-04-25"),
        ("# 聯發科_20260311", "2026-03-11"),
        ("**Date:** 2025-07-31", "2025-07-31"),
        ("2026年3月11日", "2026-03-11"),
        ("February 30, 2024", None),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("the Apple Q1 FY 2022 earnings conference call", (2022, 1)),
        ("Microsoft Fiscal Year 2023 First Quarter Earnings", (2023, 1)),
        ("for the second quarter of fiscal 2025", (2025, 2)),
        ("Q3 2024 Earnings Call", (2024, 3)),
        ("2025 年第四季營收", (2025, 4)),
        ("nothing", (None, None)),
    ],
)
def test_find_period(text: str, period: tuple[int | None, int | None]) -> None:
    assert find_period(text) == period


def test_meta_from_text_company_and_ticker() -> None:
    h = meta_from_text("Microsoft(MSFT+5.25%)Q3 2024 Earnings CallApr 25, 2024,5:30 p.m. ET")
    assert (h.company, h.ticker, h.fiscal_year, h.quarter, h.call_date) == (
        "Microsoft",
        "MSFT",
        2024,
        3,
        "2024-04-25",
    )
    h = meta_from_text("Greetings, and welcome to the Acme Fiscal Year 2023 First Quarter Call.")
    assert (h.company, h.fiscal_year, h.quarter) == ("Acme", 2023, 1)


@pytest.mark.parametrize(
    ("name", "ticker", "year", "quarter"),
    [
        ("AAPL_Q3_2024.md", "AAPL", 2024, 3),
        ("aapl-q1-2022-advanced-data-level-2.body0.json", "AAPL", 2022, 1),
        ("MSFT_2026_Q2_88811b.json", "MSFT", 2026, 2),
        ("ella0929__2454_2026Q2.txt", "2454", 2026, 2),
        ("CT_ABT_2018_q1.txt", "ABT", 2018, 1),
        ("msft-transcript-response.body0.json", None, None, None),
    ],
)
def test_meta_from_filename(
    name: str, ticker: str | None, year: int | None, quarter: int | None
) -> None:
    h = meta_from_filename(f"/some/dir/{name}")
    assert (h.ticker, h.fiscal_year, h.quarter) == (ticker, year, quarter)


def test_reconcile_meta_content_wins_and_says_so() -> None:
    said: list[str] = []
    out = reconcile_meta(
        MetaHints(fiscal_year=2025, quarter=3),
        MetaHints(ticker="ACME", fiscal_year=2024, quarter=3),
        said.append,
    )
    assert (out.ticker, out.fiscal_year, out.quarter) == ("ACME", 2025, 3)
    assert said == [
        "the file name says Q3 2024 but the transcript says Q3 2025; the transcript's is kept"
    ]
    said.clear()
    # A quarter that had not ended on the call's date (calendar fiscal year): not used.
    out = reconcile_meta(
        MetaHints(call_date="2026-03-11"),
        MetaHints(fiscal_year=2026, quarter=2),
        said.append,
        calendar_year=True,
    )
    assert (out.fiscal_year, out.quarter) == (None, None) and len(said) == 1
    # A fiscal year ahead of the calendar is fine without calendar_year (NVIDIA's FY2025 Q2).
    said.clear()
    out = reconcile_meta(
        MetaHints(call_date="2024-08-28"), MetaHints(fiscal_year=2025, quarter=2), said.append
    )
    assert (out.fiscal_year, out.quarter, said) == (2025, 2, [])


def test_sentences_and_paragraphs() -> None:
    text = "Mr. Smith joined Acme Inc. in 2019. Revenue was $3.5 million. J. Lane asked why? Yes."
    assert split_sentences(text) == [
        "Mr. Smith joined Acme Inc. in 2019.",
        "Revenue was $3.5 million.",
        "J. Lane asked why?",
        "Yes.",
    ]
    sentences = ["y" * 100 + "."] * 3 + ["Turning to margins, they grew."] + ["x" * 300 + "."] * 5
    groups = group_sentences(sentences, target=600, limit=1200)
    assert [k for g in groups for k in g] == list(range(len(sentences)))
    assert groups[1][0] == 3  # the topic change opens a paragraph
    assert all(sum(len(sentences[k]) for k in g) <= 1200 for g in groups)


def test_unwrap_lines() -> None:
    width = 60
    lines = [
        (1, "This line was wrapped by the tool at a fixed width and so"),
        (2, "it continues here until the sentence ends."),
        (3, "A new paragraph starts on this line, which is again wrapped"),
        (4, "by the tool."),
        (5, ""),
        (6, "After a blank line."),
    ]
    assert unwrap_lines(lines, width=width) == [
        (1, lines[0][1] + " " + lines[1][1]),
        (3, lines[2][1] + " " + lines[3][1]),
        (6, "After a blank line."),
    ]


def test_find_qa_start() -> None:
    op, co, an = Role.OPERATOR, Role.COMPANY, Role.ANALYST
    texts = ["Welcome.", "Results.", "Our first question comes from Jo Lee with UBS.", "Q?", "A."]
    assert find_qa_start([op, co, op, an, co], texts) == 2
    # No analyst known: the turn that calls the first question.
    assert find_qa_start([None, None, None, None, None], texts) == 2
    assert find_qa_start([op, co, co], ["Welcome.", "Results.", "Thanks."]) is None
