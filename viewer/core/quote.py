"""Quoting paragraphs for the clipboard: attribution text and a tab-separated flavour."""

from __future__ import annotations

from collections.abc import Iterable

from viewer.core.models import Section, Transcript

SECTION_LABELS = {Section.PREPARED: "Prepared remarks", Section.QA: "Q&A"}


def attribution(transcript: Transcript, paragraph_index: int) -> str:
    """``Michael Tate (Chief Financial Officer), ALAB Q4 2024, Q&A, ¶12``."""
    sp = transcript.speaker_of_paragraph(paragraph_index)
    turn = transcript.turns[transcript.turn_of_paragraph[paragraph_index]]
    who = sp.name
    details = [x for x in (sp.title, sp.firm) if x]
    if details:
        who += f" ({', '.join(details)})"
    return (
        f"{who}, {transcript.meta.call_label}, {SECTION_LABELS[turn.section]}, "
        f"¶{paragraph_index + 1}"
    )


def quote_text(
    transcript: Transcript,
    paragraph_indices: Iterable[int],
    languages: tuple[str, ...] = ("en", "zh"),
) -> str:
    """Selected paragraphs grouped by turn, each group headed by its attribution."""
    blocks: list[str] = []
    last_turn = -1
    current: list[str] = []
    for i in sorted(set(paragraph_indices)):
        p = transcript.paragraphs[i]
        turn = transcript.turn_of_paragraph[i]
        if turn != last_turn:
            if current:
                blocks.append("\n".join(current))
            current = [f"— {attribution(transcript, i)}"]
            last_turn = turn
        if "en" in languages:
            current.append(p.en)
        if "zh" in languages and p.zh:
            current.append(p.zh)
    if current:
        blocks.append("\n".join(current))
    return "\n\n".join(blocks)


def _tsv_cell(text: str | None) -> str:
    # Spreadsheets split pasted text on TAB and newline: keep each cell on one line.
    return " ".join((text or "").replace("\t", " ").split("\n"))


def quote_tsv(transcript: Transcript, paragraph_indices: Iterable[int]) -> str:
    """Tab-separated rows: call, section, paragraph, speaker, title, firm, English, Chinese."""
    rows = [
        "\t".join(
            ("Call", "Section", "Paragraph", "Speaker", "Title", "Firm", "English", "Chinese")
        )
    ]
    for i in sorted(set(paragraph_indices)):
        p = transcript.paragraphs[i]
        sp = transcript.speaker_of_paragraph(i)
        turn = transcript.turns[transcript.turn_of_paragraph[i]]
        rows.append(
            "\t".join(
                _tsv_cell(x)
                for x in (
                    transcript.meta.call_label,
                    SECTION_LABELS[turn.section],
                    str(i + 1),
                    sp.name,
                    sp.title,
                    sp.firm,
                    p.en,
                    p.zh,
                )
            )
        )
    return "\r\n".join(rows) + "\r\n"
