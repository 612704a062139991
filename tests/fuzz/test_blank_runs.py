"""A long run of blanks inside a heading, a title or a firm, in each layout: found by the
``make fuzz`` driver (a run of TABs in a Markdown title ran for hours: a lazy title before
``\\s*#*\\s*$`` is cubic; a Refinitiv firm line took 3 s for 50,000 blanks: a searching
``,?\\s*Research Division``). Each file must load or be refused, under a CPU-time hang guard
far above the linear cost (a second at most) and far below the old one.
"""

from __future__ import annotations

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
