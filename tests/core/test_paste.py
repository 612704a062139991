"""Pasted and dropped calls: the browser's text/plain or text/html to a transcript."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import DATA
from viewer.core.errors import TranscriptError
from viewer.core.paste import (
    PASTED,
    html_to_text,
    parse_pasted,
    pasted_text,
    suggested_file_name,
)
from viewer.core.transcript_io import load_transcript

BULLETED = DATA / "hpf-bulleted.txt"


def _page_html(path: str) -> str:
    """The fixture as a browser would copy the page: headings, paragraphs, list items."""
    out = ["<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"]
    item_open = False
    for raw in Path(path).read_text(encoding="utf-8").split("\n"):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("•"):
            if item_open:
                out.append("</li>")
            out.append(f"<li><span>{html.escape(line[1:].strip())}</span>")
            item_open = True
        elif item_open:
            out.append(f"<div>{html.escape(line)}</div>")
        else:
            out.append(f"<p>{html.escape(line)}</p>")
    out.append("</li></ul></body></html>" if item_open else "</body></html>")
    return "".join(out).replace("<li>", "<ul><li>", 1)


def test_plain_text_paste_reads_like_the_file() -> None:
    text = BULLETED.read_text(encoding="utf-8").replace("\n", "\r\n")
    pasted = parse_pasted(pasted_text(text, "<p>ignored</p>"))
    from_file = load_transcript(BULLETED)
    assert pasted.paragraphs == from_file.paragraphs
    assert pasted.meta.title == from_file.meta.title
    assert pasted.meta.encoding == "utf-8"


def test_html_only_paste_reads_like_the_file() -> None:
    page = _page_html(str(BULLETED))
    text = pasted_text(None, page)
    assert "alert" not in text and "color:red" not in text
    pasted = parse_pasted(text)
    from_file = load_transcript(BULLETED)
    assert [(p.en, p.zh) for p in pasted.paragraphs] == [(p.en, p.zh) for p in from_file.paragraphs]
    assert [s.name for s in pasted.speakers] == [s.name for s in from_file.speakers]


def test_html_entities_and_breaks() -> None:
    got = html_to_text("<p>A &amp; B&nbsp;&lt;C&gt;</p><p>second<br>third</p>")
    assert got == "A & B\u00a0<C>\nsecond\nthird"


def test_empty_or_unreadable_paste_is_one_clear_error() -> None:
    with pytest.raises(TranscriptError) as info:
        parse_pasted(pasted_text("  \n", None))
    assert info.value.path == PASTED and "empty" in info.value.reason
    with pytest.raises(TranscriptError) as info:
        parse_pasted("It was a dark and stormy night.\nThe end.\n")
    assert info.value.reason.startswith("unrecognised transcript layout")


def test_suggested_file_name_from_the_title() -> None:
    t = load_transcript(BULLETED)
    assert suggested_file_name(t) == "Harbor Pine Foods Inc (HPF) 2024 Q2 法說會逐字稿.txt"
    odd = t.model_copy(update={"meta": t.meta.model_copy(update={"title": 'a/b:c*\u202e"d\x00'})})
    name = suggested_file_name(odd)
    assert name.endswith(".txt") and not set('/:*"\x00\u202e') & set(name)


@given(st.text())
def test_html_to_text_never_raises(markup: str) -> None:
    out = html_to_text(markup)
    assert isinstance(out, str)


@given(st.text(), st.one_of(st.none(), st.text()))
def test_paste_reads_or_raises_transcript_error(plain: str, markup: str | None) -> None:
    try:
        t = parse_pasted(pasted_text(plain, markup))
    except TranscriptError as exc:
        assert exc.reason and exc.path == PASTED
    else:
        assert t.paragraphs and t.meta.encoding == "utf-8"
