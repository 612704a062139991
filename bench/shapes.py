"""Transcripts of one structure at any size (fictional text), for the scaling benchmark and the
tests that check the linear passes: one paragraph full of figures, thousands of distinct
company speakers, many speaker names that slug alike."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count, islice

HEAD = [
    "Quillon Bay Robotics Inc (QBR) 2031 Q2 法說會逐字稿",
    "",
    "內容摘要",
    "",
    "Quillon Bay 第二季營收 5,620 萬美元。",
    "",
    "完整原文",
    "",
    "使用警語:中文譯文來源為 Google 翻譯,僅供參考,內容請以英文原文為準",
]


def _pair(en: str, zh: str) -> list[str]:
    return ["", f"  \u2022 {en}", "", f"    {zh}"]


def _header(name: str, title: str) -> list[str]:
    return _pair(f"{name} - {title}", f"{name} - {title}")


def _join(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def figures_paragraph(size: int) -> str:
    """One speaker, one paragraph of about ``size`` bytes: one long sentence of figures."""
    en_unit = "revenue was $5.2 million, up 12% from the prior quarter, with 3,000 employees, "
    zh_unit = "營收為 520 萬美元,較上一季成長 12%,員工 3,000 名,"
    n = max(1, size // (len(en_unit) + len(zh_unit.encode("utf-8"))))
    lines = [*HEAD, *_header("Mara Voss", "Chief Financial Officer")]
    lines += _pair(
        "In Q2 2031 " + en_unit * n + "thank you.", "2031 年第二季" + zh_unit * n + "謝謝。"
    )
    return _join(lines)


def _names() -> Iterator[str]:
    letters = "bcdfghjklmnprstvz"
    vowels = "aeiou"
    for k in count():
        word, x = [], k
        while True:
            word.append(letters[x % len(letters)] + vowels[(x // len(letters)) % len(vowels)])
            x //= len(letters) * len(vowels)
            if not x:
                break
        yield "".join(word).capitalize()


def company_speakers(size: int) -> str:
    """About ``size`` bytes of prepared remarks, each turn by a different company speaker."""
    lines = list(HEAD)
    names = _names()
    total = 0
    while total < size:
        last = next(names)
        chunk = [
            *_header(f"Annabel {last}", "Vice President"),
            *_pair(
                f"Thanks. Revenue was $5.2 million, and Ann {last} will follow.",
                f"謝謝。營收為 520 萬美元,Ann {last} 將接著說明。",
            ),
        ]
        total += sum(len(x.encode("utf-8")) + 1 for x in chunk)
        lines += chunk
    return _join(lines)


def _alike_letters() -> list[str]:
    # Lower-case letters that stay non-ASCII when casefolded: dropped by the slug.
    return [
        c
        for c in map(chr, range(0xE0, 0x530))
        if c.isalpha() and c.islower() and not c.casefold().isascii() and c.casefold() == c
    ]


def slug_alike_speakers(size: int) -> str:
    """About ``size`` bytes of turns by speakers whose names all slug to ``ab-lee``."""
    letters = _alike_letters()
    pairs = ((a, b) for a in letters for b in letters)
    lines = list(HEAD)
    total = 0
    for a, b in islice(pairs, None):
        if total >= size:
            break
        name = f"Ab{a}{b} Lee"
        chunk = [*_header(name, "Director"), *_pair("Thank you, operator.", "謝謝主持人。")]
        total += sum(len(x.encode("utf-8")) + 1 for x in chunk)
        lines += chunk
    return _join(lines)
