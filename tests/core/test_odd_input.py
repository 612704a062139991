"""Issue 16, loading and StatementDog parser: hostile shapes stay linear, cut files say so.

The scaling checks run the work in a child process with a generous hang guard: the sizes are
chosen so a linear pass takes well under a second and a quadratic one takes hours (speed itself
is measured in ``bench/``, not here).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.conftest import run_python
from viewer.core.errors import TranscriptError
from viewer.core.formats import parse_text
from viewer.core.loading import decode
from viewer.core.models import Layout, Transcript
from viewer.core.speakers import parse_header

DATA = Path(__file__).resolve().parents[1] / "data"
BULLETED = DATA / "hpf-bulleted.txt"
BARE = DATA / "hpf-bare.txt"
HANG_GUARD = 120  # seconds: a hang detector, not a speed limit

# Each builds a text in the child; ``parse`` must answer (a Transcript or our error).
HOSTILE = {
    # 100 s for 100,000 spaces before the fix; a million would take hours if quadratic.
    "spaces-in-first-line": "'a' + ' ' * 1_000_000 + 'b'",
    # Detection looks at the first 20,000 characters only, so 20,000 blank lines cost 5 s
    # before the fix whatever the file's size: the child parses 100 such texts.
    "blank-lines-then-x": "['\\n' * 20_000 + f'x{i}' for i in range(100)]",
    "blank-lines-of-spaces": "[' \\n' * 10_000 + f'x{i}' for i in range(100)]",
    "ideographic-spaces": "'a' + '\\u3000' * 1_000_000 + 'b\\n內容摘要\\n'",
    "title-like": "'a' + ' ' * 500_000 + '(A)' + ' ' * 500_000 + '2024 Q1法說會逐字稿x'",
    "indented-blank-lines-before-heading": "('\\n' + ' ' * 40) * 200_000 + '內容摘要x'",
    # >150 s at 10 MB before the fix (each line appended to one growing translation).
    "chinese-lines-without-english": (
        "open(BULLETED, encoding='utf-8').read()"
        " + '    謝謝。今天和我在一起的有我們的執行長和我們的財務長。\\n' * 400_000"
    ),
    "bare-chinese-lines-without-english": (
        "open(BARE, encoding='utf-8').read() + '\\n' + '謝謝。今天和我們的財務長一起。\\n' * 500_000"
    ),
    # 20,000 distinct names that all slug to "a-n-n-l-e-e": each new one rescanned the ids
    # "-2", "-3", ... before the fix (hours at this count).
    "names-that-slug-alike": (
        "'Acme Corp (ACME) 2024 Q2 法說會逐字稿\\n完整原文\\n' + ''.join("
        "'  • {0} - VP\\n    {0} - VP\\n  • Thank you.\\n    謝謝。\\n'.format("
        "'A{}n{}n L{}e{}e{}'.format(*['.-_’'[(i >> (2 * k)) & 3] for k in range(5)])"
        " + ''.join('.-_’'[(i >> (2 * k)) & 3] + 's' for k in range(5, 10)))"
        " for i in range(20_000))"
    ),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_shapes_answer(name: str) -> None:
    code = textwrap.dedent(
        f"""
        from viewer.core.errors import TranscriptError
        from viewer.core.formats import parse_text
        BULLETED, BARE = {str(BULLETED)!r}, {str(BARE)!r}
        texts = {HOSTILE[name]}
        for text in texts if isinstance(texts, list) else [texts]:
            try:
                t = parse_text(text)
                print('parsed', len(t.paragraphs), len(t.warnings))
            except TranscriptError as exc:
                print('refused', exc.reason)
        """
    )
    res = run_python("-c", code, timeout=HANG_GUARD)
    assert res.returncode == 0, res.stderr
    assert res.stdout.split()[0] in {"parsed", "refused"}


def test_chinese_lines_without_english_are_kept_and_summarised() -> None:
    extra = ["    第一行。", "    第二行。", *[f"    多餘的第{i}行。" for i in range(30)]]
    text = BULLETED.read_text("utf-8").rstrip("\n") + "\n" + "\n".join(extra) + "\n"
    # Every line is still a bullet or indented under one: detection keeps it StatementDog.
    t = parse_text(text)
    assert t.meta.layout == Layout.BULLETED
    last = t.paragraphs[-1]
    assert last.zh is not None
    assert last.zh.split("\n")[1:] == [e.strip() for e in extra]
    messages = [w.message for w in t.warnings]
    assert (
        messages.count("Chinese line without an English paragraph; kept with the paragraph above")
        == 20
    )
    assert messages[-1] == "32 Chinese lines without an English paragraph in all"


# -- files cut short -----------------------------------------------------------------------


def _header_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of every speaker header line and its repeated line."""
    spans, off = [], 0
    for line in text.split("\n"):
        s = line.strip().lstrip("•").strip()
        if s and parse_header(s) is not None:
            spans.append((off, off + len(line) + 1))
        off += len(line) + 1
    return spans


@pytest.mark.parametrize("path", [BULLETED, BARE], ids=["bulleted", "bare"])
def test_a_cut_inside_a_header_or_its_repeat_is_never_silent(path: Path) -> None:
    text = path.read_text("utf-8")
    silent = []
    for start, end in _header_spans(text):
        for k in range(start + 1, end):
            try:
                t = parse_text(text[:k])
            except TranscriptError:
                continue
            if not t.warnings:
                silent.append(text[max(0, k - 30) : k])
    assert silent == []


def test_a_cut_repeated_header_line_stays_a_header() -> None:
    text = BULLETED.read_text("utf-8")
    k = text.index("    Grace Tan - Investor Relations") + len("    Grace T")
    t = parse_text(text[:k])  # detected: a bullet cut short at the end is no evidence
    assert [s.name for s in t.speakers] == ["Operator", "Grace Tan"]
    assert all(p.en != "Grace Tan - Investor Relations" for p in t.paragraphs)
    assert [w.message for w in t.warnings][-2:] == [
        "speaker header's repeated line is incomplete: the file looks truncated",
        "speaker header without any text",
    ]


def test_a_cut_in_an_empty_bullet_is_reported() -> None:
    text = BULLETED.read_text("utf-8")
    k = text.index("  • Grace Tan") + len("  •")
    t = parse_text(text[:k])
    assert t.warnings[-1].message == "the file ends in an empty bullet line: it looks truncated"


def _titled_with_english_summary() -> str:
    head, body = BULLETED.read_text("utf-8").split("完整原文", 1)
    head = head.replace(
        "內容摘要\n",
        "內容摘要\n\nHarbor Pine Foods reported second quarter revenue of $84.5 million.\n\n",
    )
    return head + "完整原文" + body


def test_a_file_cut_before_its_body_is_refused_not_read_as_paragraphs() -> None:
    text = _titled_with_english_summary()
    full = parse_text(text)
    assert full.summary[0].startswith("Harbor Pine Foods reported")
    cut = text.index("完整原文")
    for k in range(text.index("內容摘要") + len("內容摘要"), cut + 2):
        with pytest.raises(TranscriptError, match="ends before the transcript body"):
            parse_text(text[:k], layout="statementdog")
        with pytest.raises(TranscriptError):  # detected: refused too (a weak fit), never read
            parse_text(text[:k])


def test_a_missing_fulltext_heading_keeps_the_summary_and_warns() -> None:
    text = _titled_with_english_summary()
    text = text.replace("完整原文\n", "").replace("使用警語:", "Disclaimer:")
    text = "\n".join(ln for ln in text.split("\n") if not ln.startswith("Disclaimer:"))
    t = parse_text(text)
    full = parse_text(_titled_with_english_summary())
    assert t.summary == full.summary
    assert [(p.en, p.zh) for p in t.paragraphs] == [(p.en, p.zh) for p in full.paragraphs]
    assert [w.message for w in t.warnings] == ["no 完整原文 heading before the transcript body"]


# -- byte order marks -----------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 2, 3])
def test_repeated_boms_leave_no_feff(count: int) -> None:
    data = BULLETED.read_bytes()
    decoded = decode(b"\xef\xbb\xbf" * count + data)
    assert not decoded.text.startswith("\ufeff")
    t = parse_text(decoded.text)
    assert (t.meta.company, t.meta.title) == (
        "Harbor Pine Foods Inc",
        "Harbor Pine Foods Inc (HPF) 2024 Q2 法說會逐字稿",
    )


def test_boms_in_decoded_text_leave_no_feff_in_the_title() -> None:
    t: Transcript = parse_text("\ufeff\ufeff\ufeff" + BULLETED.read_text("utf-8"))
    assert t.meta.company == "Harbor Pine Foods Inc"
    assert t.meta.title is not None and "\ufeff" not in t.meta.title
