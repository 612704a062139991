"""Speaker statistics per speaker and per firm, on a small fictional call."""

from __future__ import annotations

import pytest

from viewer.core.models import (
    CallMeta,
    Layout,
    Paragraph,
    Role,
    Section,
    Speaker,
    Transcript,
    Turn,
)
from viewer.core.stats import count_words, firm_stats, speaker_stats


def make_call() -> Transcript:
    speakers = (
        Speaker(id="operator", name="Operator", role=Role.OPERATOR),
        Speaker(id="ada", name="Ada Lane", title="CEO", role=Role.COMPANY),
        Speaker(id="bo", name="Bo Chen", title="CFO", role=Role.COMPANY),
        Speaker(id="cy", name="Cy Park", role=Role.ANALYST, firm="North Bank"),
        Speaker(id="di", name="Di Ross", role=Role.ANALYST, firm="North Bank"),
        Speaker(id="ed", name="Ed Wu", role=Role.ANALYST, firm=None),
    )
    texts = [
        ("operator", Section.PREPARED, ["Welcome to the call."]),  # 4 words
        ("ada", Section.PREPARED, ["We grew a lot this year.", "Thanks to the team."]),  # 6 + 4
        ("bo", Section.PREPARED, ["Revenue was $10.5 million, up 5%."]),  # 6
        ("operator", Section.QA, ["Cy Park, North Bank."]),  # 4
        ("cy", Section.QA, ["How is demand? And pricing?"]),  # 5
        ("ada", Section.QA, ["Demand is strong."]),  # 3
        ("cy", Section.QA, ["One more: margins?"]),  # 3
        ("di", Section.QA, ["What about hiring?"]),  # 3
        ("bo", Section.QA, ["We're hiring engineers."]),  # 3
        ("ed", Section.QA, ["Thanks, I'm done."]),  # 3
    ]
    turns = []
    index = 0
    for t, (sid, section, paras) in enumerate(texts):
        ps = []
        for en in paras:
            ps.append(Paragraph(index=index, en=en, zh="中文", line=index * 4 + 3))
            index += 1
        turns.append(
            Turn(index=t, speaker_id=sid, section=section, line=t * 10 + 1, paragraphs=tuple(ps))
        )
    meta = CallMeta(
        company="Fictional Corp", ticker="FICT", layout=Layout.BULLETED, encoding="utf-8"
    )
    return Transcript(meta=meta, speakers=speakers, turns=tuple(turns))


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("We grew a lot this year.", 6),
        ("Revenue was $10.5 million, up 5%.", 6),
        ("We're up.", 2),
        ("", 0),
    ],
)
def test_count_words(text: str, n: int) -> None:
    assert count_words(text) == n


def test_per_speaker() -> None:
    rows = {s.speaker_id: s for s in speaker_stats(make_call())}
    ada = rows["ada"]
    assert (ada.turns, ada.paragraphs, ada.words) == (2, 3, 13)
    assert (ada.words_prepared, ada.words_qa, ada.questions) == (10, 3, 0)
    cy = rows["cy"]
    assert (cy.turns, cy.questions, cy.words_qa, cy.words_prepared) == (2, 2, 8, 0)
    assert rows["operator"].questions == 0
    total = sum(s.words for s in rows.values())
    assert total == 44
    assert ada.share == pytest.approx(13 / 44)
    assert sum(s.share for s in rows.values()) == pytest.approx(1.0)


def test_order_of_first_appearance() -> None:
    assert [s.speaker_id for s in speaker_stats(make_call())] == [
        "operator",
        "ada",
        "bo",
        "cy",
        "di",
        "ed",
    ]


def test_per_firm() -> None:
    t = make_call()
    firms = {f.firm: f for f in firm_stats(t, speaker_stats(t))}
    assert set(firms) == {"Fictional Corp", "North Bank", "unknown firm"}
    north = firms["North Bank"]
    assert (north.speakers, north.turns, north.questions, north.words) == (2, 3, 3, 11)
    corp = firms["Fictional Corp"]
    assert (corp.role, corp.speakers, corp.words, corp.words_prepared, corp.words_qa) == (
        "company",
        2,
        22,
        16,
        6,
    )
    assert firms["unknown firm"].questions == 1
    # most words first
    assert firm_stats(t, speaker_stats(t))[0].firm == "Fictional Corp"
