"""Detection: the English layouts' corpus folders, and a StatementDog title line on top of any
corpus file (issue 16: the title alone made anything "StatementDog")."""

from __future__ import annotations

import pytest

from tests.conftest import DATA, ROOT, SHARED, shared_file
from tests.core.english_checks import corpus_files
from viewer.core.errors import TranscriptError
from viewer.core.formats import detect, parse_text, statementdog
from viewer.core.loading import load_text
from viewer.core.models import Layout

MINE = {
    "refinitiv-eventbrief": "refinitiv",
    "seekingalpha-2018": "seekingalpha",
    "motleyfool-text": "motleyfool-text",
    "motleyfool-json": "motleyfool-json",
}
TITLE = "Harbor Pine Foods Inc (HPF) 2024 Q2 法說會逐字稿\n\n"
STATEMENTDOG_LAYOUTS = {Layout.BULLETED, Layout.BARE}


def _all_corpus() -> list[tuple[str, str]]:
    root = SHARED / "corpus"
    if not root.is_dir():
        return [("<absent>", "<absent>")]
    return [
        (folder.name, name)
        for folder in sorted(p for p in root.iterdir() if p.is_dir())
        for name in corpus_files(folder.name)
    ]


@pytest.mark.parametrize(("folder", "layout"), sorted(MINE.items()))
def test_every_file_of_my_folders_is_detected_as_its_layout(folder: str, layout: str) -> None:
    names = corpus_files(folder)
    if names == ["<absent>"]:
        shared_file("corpus", folder)
    for name in names:
        text = load_text(SHARED / "corpus" / folder / name).text
        assert detect(text, name) == layout, name


@pytest.mark.parametrize(("folder", "name"), _all_corpus())
def test_a_statementdog_title_never_makes_another_layout_statementdog(
    folder: str, name: str
) -> None:
    path = shared_file("corpus", folder, name)
    decoded = load_text(path)
    titled = TITLE + decoded.text
    assert statementdog.score(titled) < 0.5
    try:
        t = parse_text(titled, str(path), decoded.encoding, decoded.newline)
    except TranscriptError:
        return  # refused: fine
    assert t.meta.layout not in STATEMENTDOG_LAYOUTS
    # Mine still read as themselves under the title (the JSON one is no JSON any more).
    if folder in MINE and folder != "motleyfool-json":
        assert detect(titled) == MINE[folder]


def _statementdog_files() -> list:
    files = [
        DATA / "hpf-bare.txt",
        DATA / "hpf-bulleted.txt",
        DATA / "search" / "QRL-2025-Q1.txt",
        ROOT / "resources" / "sample" / "NOVA-2025-Q3.txt",
    ]
    return [*files, "ALAB-2024-Q4.txt", "GURE-2023-Q2.excerpt.txt"]


@pytest.mark.parametrize("item", _statementdog_files(), ids=str)
def test_statementdog_files_still_detected_and_parsed_the_same(item: object) -> None:
    path = item if not isinstance(item, str) else shared_file("statementdog", item)
    decoded = load_text(path)
    assert detect(decoded.text) == statementdog.NAME
    auto = parse_text(decoded.text, str(path), decoded.encoding, decoded.newline)
    direct = statementdog.parse(decoded.text, str(path), decoded.encoding, decoded.newline)
    assert auto == direct
    assert auto.meta.layout in STATEMENTDOG_LAYOUTS


@pytest.mark.parametrize(
    "body",
    [
        "Operator\nWelcome.\nJane Roe - CEO\nThanks.\n",
        "CORPORATE PARTICIPANTS\n \nJane Roe\nAcme - CEO\nPRESENTATION\n \nOperator\nHello.\n",
        "Jane Roe:Hello there.\nOperator:Next question.\n",
        "just one line of text",
    ],
)
def test_a_title_over_a_body_of_no_pairs_is_a_weak_fit(body: str) -> None:
    assert statementdog.score(TITLE + body) < 0.5
    assert not statementdog.looks_like(TITLE + body)
