"""A long run of blanks inside a heading, a title or a firm, in each layout: found by the
``make fuzz`` driver (a run of TABs in a Markdown title ran for hours: a lazy title before
``\\s*#*\\s*$`` is cubic; a Refinitiv firm line took 3 s for 50,000 blanks: a searching
``,?\\s*Research Division``). Each file must load or be refused, under a CPU-time hang guard
far above the linear cost (a second at most) and far below the old one.
"""

from __future__ import annotations

import importlib
import re

import pytest

from tests.conftest import DATA
from tests.fuzz import harness as h
from viewer.core.errors import TranscriptError
from viewer.core.formats import parse_text
from viewer.core.loading import decode

HANG_GUARD = 30.0  # CPU seconds: a hang detector, not a speed limit
RUN = 300_000

CASES = [
    # (layout, fixture, text the blanks go right after)
    ("markdown", "markdown/HPF_Q1_2024.md", "# HPF Q2 2025 Earnings Call T"),
    ("alphamemo", "alphamemo/fixture__9999_2025Q4.txt", "# 海港松"),
    ("alphamemo", "alphamemo/fixture__9999_2025Q4.txt", "### Q"),
    ("refinitiv", "refinitiv/larkspur-2025-q2.txt", "Nadia P. Okafor\nLarkspur"),
    ("motleyfool-text", "motleyfool_text/quillon-old-2024-q1.txt", "Paul Brandt--Marrow"),
    ("motleyfool-json", "motleyfool_json/quillon-2025-q3.json", '"title": "Quillon'),
    # found by the 100,000-input run: a company line's trailing "(...)" was stripped with a
    # searching \s* (4 s for 30 KB), and an analyst title's word "Analyst" the same way
    ("en-zhhans-pairs", "en-zhhans-pairs/HPF_Q2_2025_interleaved.txt", "Company: Harbor"),
    ("en-zhhans-pairs", "en-zhhans-pairs/HPF_Q2_2025_interleaved.txt", "Pine Foods"),
    ("earningscall", "earningscall/hpf-q2-2025-name-map.json", '"title": "Larkspur'),
    ("earningscall", "earningscall/hpf-q2-2025-name-map.json", "Securities"),
]


@pytest.mark.parametrize("blank", [" ", "\t", "\u3000"], ids=["space", "tab", "ideographic"])
@pytest.mark.parametrize(("layout", "path", "after"), CASES, ids=[f"{c[0]}:{c[2]}" for c in CASES])
def test_a_run_of_blanks_in_a_header_line_is_read_in_linear_time(
    layout: str, path: str, after: str, blank: str
) -> None:
    text = decode((DATA / path).read_bytes()).text
    k = text.index(after) + len(after)
    hostile = text[:k] + blank * RUN + text[k:]
    for forced in (layout, None):
        try:
            with h.time_limit(HANG_GUARD):
                t = parse_text(hostile, "<blanks>", layout=forced)
        except TranscriptError as exc:
            assert exc.reason
            continue
        h.check_structure(t)


def test_a_run_of_blanks_after_guidance_is_searched_in_linear_time() -> None:
    """Found by the driver in the figures of a mutated call (over 5 s for a 50 KB paragraph)."""
    from viewer.core.figures.guidance import quotes_guidance

    with h.time_limit(HANG_GUARD):
        assert not quotes_guidance("guidance" + " " * RUN + "x", english=True)
        assert quotes_guidance("our guidance" + " " * RUN, english=True)
    assert quotes_guidance("in line with our guidance of about ", english=True)


def test_a_run_of_blanks_after_an_earlier_guidance_is_read_in_linear_time() -> None:
    """Three optional blank runs in a row in the earlier-guidance pattern: 66 s for 3,000
    blanks between "previous guidance" and the figure (found while fixing the fuzz run's
    two-in-a-row patterns)."""
    from viewer.core.figures.pipeline import extract_en

    text = "Revenue beat our previous guidance" + " " * RUN + "so we now see $5 million."
    with h.time_limit(HANG_GUARD):
        (fig,) = extract_en(text)
    assert fig.text == "$5 million"
    quoted = extract_en("Revenue was $4 million, above our previous guidance of about $3 million.")
    assert [f.nature for f in quoted][-1].value == "guidance"


def _pattern(module: str, name: str) -> re.Pattern[str]:
    """A reader module's pattern, by name."""
    pattern: re.Pattern[str] = getattr(
        importlib.import_module(f"viewer.core.formats.{module}"), name
    )
    return pattern


@pytest.mark.parametrize(
    ("module", "name"),
    [("seekingalpha", "_CALL_RE"), ("motleyfool_text", "_QUARTER_RE")],
)
def test_a_quarter_followed_by_blanks_and_no_year_is_refused_in_linear_time(
    module: str, name: str
) -> None:
    """``Q1\\s*(?:FY)?\\s*`` split a blank run between two ``\\s*`` (a Seeking Alpha head with
    50,000 blanks after "Q1" took 8 s in the 100,000-input run)."""
    pattern = _pattern(module, name)
    with h.time_limit(HANG_GUARD):
        assert pattern.search("Q1" + " " * RUN + "results") is None
    m = pattern.search("Acme Q3 FY 2024 Earnings Call")
    assert m is not None and m.group("y") == "2024"
    assert pattern.search("Q2  2019 call") is not None


@pytest.mark.parametrize(
    ("module", "name", "line"),
    [
        ("sentences", "_HEADERISH_RE", "Operator"),
        ("foolbody", "_PARTICIPANTS_RE", "Call participants"),
        ("pairs", "_ECHO_LABEL_RE", "原文"),
    ],
)
def test_a_heading_word_then_blanks_is_refused_in_linear_time(
    module: str, name: str, line: str
) -> None:
    """``word\\s*:?\\s*$``: two blank runs in a row were quadratic on a line of the word and a
    long blank run (2.5 s for 20,000 blanks in the sentence layout's detection, which every
    file goes through)."""
    pattern = _pattern(module, name)
    with h.time_limit(HANG_GUARD):
        assert pattern.match(line + " " * RUN + "x") is None
    for ok in (line, line + " :", line + ":  ", line + "  "):
        assert pattern.match(ok) is not None, ok
