"""English + machine-translated Simplified Chinese pairs of a Motley Fool call: text and JSON.

Text (``en-zhhans-pairs-text``)::

    ======...
    电话会议纪要 · 中英夹排版            title
    Company: Acme (艾克米)               key: value head
    Quarter: Q1 2026
    ======...
      [  1] [EN] English paragraph      numbered English, one line
           [中] 中文译文                its translation; may run over several lines
      ━━ Heading ━━                     a pair shown as a heading (numbers skip it)
      ━━ 标题 ━━
      👤 Chief Executive Officer — Jane Roe     a participant pair
         首席执行官 — 简·罗

JSON (``en-zhhans-pairs-json``): ``{"meta": {"company", "quarter", "url", ...}, "pairs":
[{"en", "zh"}, ...]}``.

The English is a Motley Fool page, read by :mod:`viewer.core.formats.foolbody` (speakers,
turns, Q&A). Some translators append the English original to the Chinese (``原文：...`` or the
paragraph again after a blank line): that echo is English, not a translation, so it is left out
of ``zh`` (counted in one warning); a Chinese field that holds only English is kept as written
and reported.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from viewer.core.errors import TranscriptError
from viewer.core.formats.builder import TranscriptBuilder
from viewer.core.formats.callmeta import MetaHints, find_period, without_final_parenthesis
from viewer.core.formats.foolbody import Item, read_fool_body
from viewer.core.formats.jsondoc import load_json
from viewer.core.formats.readerkit import CancelCheck, hints_with_filename
from viewer.core.formats.script import LATIN_RE, chinese_script, has_han, mostly_latin
from viewer.core.formats.sniff import LineStarts
from viewer.core.lazy_re import lazy_compile
from viewer.core.models import Layout, Script, Transcript

NAME = "en-zhhans-pairs"


_EN_RE = lazy_compile(r"^\s*\[\s*\d+\s*\]\s*\[EN\]\s?(?P<t>.*)$")
_ZH_RE = lazy_compile(r"^\s*\[中\]\s?(?P<t>.*)$")
_NUMBER_RE = lazy_compile(r"^\s*\[\s*\d+\s*\]")
_HEAD_RE = lazy_compile(r"^\s*━━\s?(?P<t>.*?)\s?━━\s*$")
_HEAD_OPEN_RE = lazy_compile(r"^\s*━━\s?(?P<t>.*)$")
_RULE_RE = lazy_compile(r"^\s*={10,}\s*$")
_KEY_RE = lazy_compile(r"^(?P<k>[A-Za-z][A-Za-z ]{1,20}):\s*(?P<v>.*)$")
_URL_TICKER_RE = lazy_compile(r"-(?P<t>[a-z][a-z.]{0,5})-q[1-4]-(?:19|20)\d\d-earnings", re.I)
_ECHO_PREFIX_RE = lazy_compile(r"^\s*(?:原文|英文原文|Original(?:\s+text)?)\s*[：:]\s*", re.I)
# "\s*(?:[：:]\s*)?$": two blank runs in a row are quadratic on a long blank run
_ECHO_LABEL_RE = lazy_compile(r"^\s*(?:原文|英文原文|Original(?:\s+text)?)\s*(?:[：:]\s*)?$", re.I)


def _key(s: str) -> str:
    # Spacing is what the echo changes (line breaks, "CallApr" / "Call Apr"); no regex: this
    # runs on every paragraph.
    return "".join(s.split()).casefold()


_EN_HEAD = r"[ \t\u3000\u00a0]*\[\s*\d+\s*\]\s*\[EN\]"
_ZH_HEAD = r"[ \t\u3000\u00a0]*\[中\]"
_EN_LINES = LineStarts(_EN_HEAD)
_ZH_LINES = LineStarts(_ZH_HEAD)


def score(text: str) -> float:
    """How well ``text`` fits this layout (see ``viewer.core.formats``)."""
    head = text[:6000]
    s = head.lstrip()
    if s.startswith("{"):
        if (
            text.find('"pairs"', 0, 200000) >= 0
            and re.search(r'"pairs"\s*:\s*\[', text[:200000])
            and re.search(r'"en"\s*:', head)
        ):
            return 0.95 if re.search(r'"zh"\s*:', head) else 0.7
        return 0.0
    # The markers' words first: the line patterns try every position of the head.
    en = _EN_LINES.count(head) if "[EN]" in head else 0
    zh = _ZH_LINES.count(head) if "[中]" in head else 0
    if en >= 2 and zh >= 2:
        return 0.95
    if en >= 1 and zh >= 1:
        return 0.7
    return 0.0


# ---------------------------------------------------------------------------------------------


def _english_line(line: str) -> bool:
    """Blank, ``原文：``, or English (a line of the echoed original)."""
    t = line.strip()
    if t.startswith(("原文", "英文原文", "Original", "original")):
        t = _ECHO_PREFIX_RE.sub("", t)
    if not t:
        return True
    if not has_han(t):
        return LATIN_RE.search(t) is not None
    if has_han(t[:12]):
        return False  # a Chinese line (the common case, decided without counting)
    return mostly_latin(t)


def _clean_zh(en: str, zh: str | None, counts: dict[str, int]) -> str | None:
    """The translation without the echoed English original; ``None`` when empty."""
    if zh is None:
        return None
    lines = [ln.rstrip() for ln in zh.replace("\r", "").split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        counts["missing"] += 1
        return None
    text = "\n".join(lines)
    if not has_han(text):
        counts["english"] += 1
        return text
    if len(lines) == 1:
        return text  # an echo is always on lines of its own
    # Find where a trailing all-English block starts (the echo).
    cut = len(lines)
    while cut > 0 and _english_line(lines[cut - 1]):
        cut -= 1
    if cut < len(lines):
        tail = "\n".join(lines[cut:])
        tail_key = _key(_ECHO_PREFIX_RE.sub("", tail))
        en_key = _key(en)
        echo = bool(tail_key) and (
            tail_key in en_key
            or en_key in tail_key
            or (len(tail_key) * 5 >= len(en_key) * 4 and tail_key[:30] == en_key[:30])
        )
        if echo:
            counts["echo"] += 1
            lines = lines[:cut]
    # A bare "原文：" line left at the end of the Chinese.
    while lines and (not lines[-1].strip() or _ECHO_LABEL_RE.match(lines[-1])):
        lines.pop()
    out = "\n".join(lines).strip()
    return out or None


def _is_icon(ch: str) -> bool:
    return unicodedata.category(ch) == "So" and ch not in "━─═"


def _icon_line(s: str) -> tuple[str, str] | None:
    """``("👤", "text")`` for an icon-marked line (``👤 Chief Executive Officer — Jane Roe``,
    ``📅 May 14, 2026``)."""
    t = s.lstrip()
    if len(t) >= 2 and _is_icon(t[0]):
        k = 1
        while k < len(t) and unicodedata.category(t[k]) in ("Mn", "Cf", "Sk"):
            k += 1  # variation selectors and joiners of the emoji
        return t[0], t[k:].strip()
    return None


_RULE_CHARS = frozenset("─━═=-_~*·•\ufffd")


def _is_rule(s: str) -> bool:
    t = s.strip()
    # The first character rules out nearly every line at once.
    return len(t) >= 10 and t[0] in _RULE_CHARS and t[-2] in _RULE_CHARS and set(t) <= _RULE_CHARS


def _marker_or_rule(s: str) -> bool:
    """A pair's marker (``[EN]``, ``━━``, an icon) or a rule, told by the first character
    first: most lines are text, where no pattern can match."""
    t = s.lstrip()
    first = t[:1]
    if first == "[":
        return _EN_RE.match(t) is not None
    if (first == "━" and _HEAD_OPEN_RE.match(t)) or (first in _RULE_CHARS and _is_rule(t)):
        return True
    return len(t) >= 2 and _is_icon(first)  # what _icon_line finds (U+FFFD is an icon too)


def _ends_pair(s: str) -> bool:
    """A marker, a rule, or a numbered line without its ``[EN]`` ("[ 14]": a file cut inside a
    marker; it is then reported as a line outside any pair)."""
    return _marker_or_rule(s) or _NUMBER_RE.match(s) is not None


def _items_text(text: str, path: str) -> tuple[list[Item], dict[str, str], list[int]]:
    """Pairs, the ``key: value`` head, and the lines that belonged to no pair."""
    lines = text.split("\n")
    head: dict[str, str] = {}
    i, n = 0, len(lines)
    first = next((k for k in range(n) if lines[k].strip()), n)
    if first < n and _RULE_RE.match(lines[first]):
        k = first + 1
        while k < n and not _RULE_RE.match(lines[k]):
            m = _KEY_RE.match(lines[k].strip())
            if m:
                head[m.group("k").strip().casefold()] = m.group("v").strip()
            elif lines[k].strip() and "banner" not in head:
                head["banner"] = lines[k].strip()
            k += 1
        i = k + 1
    items: list[Item] = []
    stray: list[int] = []

    def collect(k: int) -> tuple[list[str], int]:
        """Continuation lines from ``k`` up to the next marker or rule."""
        buf: list[str] = []
        while k < n and not _ends_pair(lines[k]):
            buf.append(lines[k])
            k += 1
        return buf, k

    while i < n:
        s = lines[i]
        if _RULE_RE.match(s) and items:
            break  # the closing block ("共 223 段中英对照" between rules)
        if not s.strip() or _is_rule(s):
            i += 1
            continue
        m_en = _EN_RE.match(s)
        m_head = _HEAD_RE.match(s)
        icon = None if (m_en or m_head) else _icon_line(s)
        if not (m_en or m_head or icon):
            # A line outside any pair (its marker lost): kept with the pair above.
            if items:
                items[-1].zh = (items[-1].zh or "") + "\n" + s
            stray.append(i + 1)
            i += 1
            continue
        en = m_en.group("t") if m_en else m_head.group("t") if m_head else icon[1]  # type: ignore[index]
        en_line = i + 1
        i += 1
        while i < n and not lines[i].strip():
            i += 1
        zh: str | None = None
        zh_line: int | None = None
        t = lines[i] if i < n else ""
        if m_en and _ZH_RE.match(t):
            zh_line = i + 1
            rest, i = collect(i + 1)
            zh = "\n".join([_ZH_RE.match(t).group("t"), *rest])  # type: ignore[union-attr]
        elif m_head and _HEAD_RE.match(t):
            zh_line, zh = i + 1, _HEAD_RE.match(t).group("t")  # type: ignore[union-attr]
            rest, i = collect(i + 1)
            zh = "\n".join([zh, *rest])
        elif m_head and _HEAD_OPEN_RE.match(t):
            # A Chinese heading running over several lines, closed by "━━".
            zh_line = i + 1
            buf = [_HEAD_OPEN_RE.match(t).group("t")]  # type: ignore[union-attr]
            i += 1
            while i < n and not buf[-1].rstrip().endswith("━━"):
                if _marker_or_rule(lines[i]):
                    break
                buf.append(lines[i])
                i += 1
            zh = "\n".join(buf).rstrip().removesuffix("━━")
        elif icon and _icon_line(t) and _icon_line(t)[0] == icon[0]:  # type: ignore[index]
            zh_line = i + 1
            rest, i = collect(i + 1)
            zh = "\n".join([_icon_line(t)[1], *rest])  # type: ignore[index]
        elif icon and t and not _marker_or_rule(t):
            zh_line = i + 1
            rest, i = collect(i)
            zh = "\n".join(rest)
        items.append(Item(" ".join(en.split()), en_line, zh, zh_line))
    return items, head, stray


def _items_json(text: str, path: str) -> tuple[list[Item], dict[str, str]]:
    try:
        doc: Any = load_json(text)
    except (ValueError, RecursionError) as exc:
        raise TranscriptError(path, f"invalid JSON ({exc})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("pairs"), list):
        raise TranscriptError(path, 'not an EN / 中 pair file: no "pairs" list')
    meta = doc.get("meta")
    head: dict[str, str] = {}
    if isinstance(meta, dict):
        head = {str(k).casefold(): str(v) for k, v in meta.items() if isinstance(v, str | int)}
    # Line numbers: the JSON line of each pair's "en" key, found in order.
    en_lines = [m.start() for m in re.finditer(r'"en"\s*:', text)]
    line_of = _line_counter(text)
    items: list[Item] = []
    for k, pair in enumerate(doc["pairs"]):
        if not isinstance(pair, dict):
            raise TranscriptError(path, f"pair {k + 1} is not an object")
        en, zh = pair.get("en"), pair.get("zh")
        if not isinstance(en, str) or (zh is not None and not isinstance(zh, str)):
            raise TranscriptError(path, f'pair {k + 1} has no "en" text')
        line = line_of(en_lines[k]) if k < len(en_lines) else 1
        items.append(Item(" ".join(en.split()), line, zh, line + 1 if zh is not None else None))
    return items, head


def _line_counter(text: str) -> Callable[[int], int]:
    """Offsets to 1-based line numbers, for increasing offsets (one pass over the text)."""
    state = [0, 1]  # offset reached, line there

    def line(offset: int) -> int:
        pos, no = state
        if offset < pos:
            pos, no = 0, 1
        no += text.count("\n", pos, offset)
        state[0], state[1] = offset, no
        return no

    return line


def _hints_from_head(head: dict[str, str]) -> MetaHints:
    hints = MetaHints()
    company = head.get("company")
    if company:
        hints.company = without_final_parenthesis(company).strip() or company
    quarter = head.get("quarter")
    if quarter:
        hints.fiscal_year, hints.quarter = find_period(quarter)
    ticker = head.get("ticker")
    if ticker and re.fullmatch(r"[A-Z][A-Z0-9.]{0,6}", ticker.strip()):
        hints.ticker = ticker.strip()
    url = head.get("url", "")
    m = _URL_TICKER_RE.search(url)
    if m and not hints.ticker:
        hints.ticker = m.group("t").upper()
    return hints


def parse(
    text: str,
    path: str = "<text>",
    encoding: str = "utf-8",
    newline: str = "LF",
    cancel: CancelCheck | None = None,
) -> Transcript:
    """Parse an EN + zh-Hans pair file (interleaved text or JSON)."""
    is_json = text.lstrip().startswith("{")
    layout = Layout.PAIRS_JSON if is_json else Layout.PAIRS_TEXT
    stray: list[int] = []
    if is_json:
        items, head = _items_json(text, path)
    else:
        items, head, stray = _items_text(text, path)
    if not items:
        raise TranscriptError(path, "not an EN / 中 pair file: no pairs found")
    b = TranscriptBuilder(path, layout, encoding, newline, cancel)
    b.check_cancel()

    if stray:
        b.warn(
            stray[0],
            f"{len(stray)} lines outside any [EN] / [中] pair (kept with the pair above them)",
            code="lines_outside_pairs",
            count=len(stray),
        )
    counts = {"missing": 0, "english": 0, "echo": 0}
    for it in items:
        it.zh = _clean_zh(it.en, it.zh, counts)
    body = read_fool_body(b, items)
    if body.layout == "none":
        b.warn(None, "no speaker labels found: the call is shown as one unknown speaker")
    if counts["echo"]:
        b.warn(
            None,
            f"{counts['echo']} translations repeat the English original after the Chinese; "
            "the repeat is left out of the Chinese",
            code="translations_echo_english",
            count=counts["echo"],
        )
    if counts["english"]:
        b.warn(
            None,
            f"{counts['english']} Chinese fields hold English only (kept as written; "
            "they are not translations)",
            code="chinese_holds_english",
            count=counts["english"],
        )
    if counts["missing"]:
        b.warn(
            None,
            f"{counts['missing']} pairs have no translation (empty Chinese)",
            code="pairs_without_translation",
            count=counts["missing"],
        )

    content = _hints_from_head(head).fill(body.hints)
    hints = hints_with_filename(content, path, b)
    sample = "".join((it.zh or "")[:200] for it in items[:60])
    script = chinese_script(sample) or Script.HANS
    return b.build(hints, script=script, summary=body.summary)
