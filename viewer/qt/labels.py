"""Display names of the core's values in the interface language.

``viewer.core`` speaks in stable keys (``revenue``, ``guidance``, ``mismatch``, ``qa``,
``analyst``, ``Q1 2025``...), the same ones the JSON and the CSV write. This module turns them
into what a reader sees, through ``QCoreApplication.translate("Labels", ...)`` with literal
strings, so ``pyside6-lupdate`` extracts every one of them into
``resources/i18n/earnings_viewer_zh_TW.ts``. The Chinese terms follow ``docs/GLOSSARY.md``.

Every function takes a string or the core's StrEnum; an unknown key comes back as it is.
Results are cached per interface language (``set_language`` bumps the generation).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

from PySide6.QtCore import QCoreApplication, QObject

from viewer.qt import i18n

_ARG = re.compile(r"%([1-9])")
# lupdate knows calls named ``translate(context, source, disambiguation, n)`` (and
# ``QCoreApplication.translate``), with literal strings; ``tr(...)`` would be QObject.tr.
translate = QCoreApplication.translate


def arg(template: str, *values: object) -> str:
    """``QString.arg`` for Python: ``%1``, ``%2``... replaced in one pass (a value holding
    ``%2`` is not replaced again)."""

    def sub(m: re.Match[str]) -> str:
        n = int(m.group(1))
        return str(values[n - 1]) if n <= len(values) else m.group(0)

    return _ARG.sub(sub, template)


def fill(
    template: str | None, names: Sequence[str] | None, values: Mapping[str, object]
) -> str | None:
    """A coded message's ``template`` with its ``values`` in the order ``names`` numbers them
    (``%1``, ``%2``...); None when the code has no template or names, or a value is missing
    (the caller then shows the core's English message)."""
    if template is None or names is None or any(n not in values for n in names):
        return None
    return arg(template, *(values[n] for n in names))


# --- metrics (viewer.core.figures: _EN_METRICS, _growth_for, "other") -----------------------


@i18n.per_language
def _metrics() -> dict[str, str]:
    return {
        "revenue": translate("Labels", "Revenue"),
        "gross margin": translate("Labels", "Gross margin"),
        "operating margin": translate("Labels", "Operating margin"),
        "operating expenses": translate("Labels", "Operating expenses"),
        "EPS": translate("Labels", "EPS"),
        "share count": translate("Labels", "Share count"),
        "R&D": translate("Labels", "R&D expenses"),
        "sales and marketing": translate("Labels", "Sales and marketing expenses"),
        "G&A": translate("Labels", "G&A expenses"),
        "interest income": translate("Labels", "Interest income"),
        "tax rate": translate("Labels", "Tax rate"),
        "cash": translate("Labels", "Cash"),
        "operating cash flow": translate("Labels", "Operating cash flow"),
        "headcount": translate("Labels", "Headcount"),
        "market size": translate("Labels", "Market size"),
        "growth y/y": translate("Labels", "Growth y/y"),
        "growth q/q": translate("Labels", "Growth q/q"),
        "other": translate("Labels", "Other"),
    }


METRIC_KEYS: tuple[str, ...] = (
    "revenue",
    "gross margin",
    "operating margin",
    "operating expenses",
    "EPS",
    "share count",
    "R&D",
    "sales and marketing",
    "G&A",
    "interest income",
    "tax rate",
    "cash",
    "operating cash flow",
    "headcount",
    "market size",
    "growth y/y",
    "growth q/q",
    "other",
)
"""Every metric key :mod:`viewer.core.figures` gives a figure, in a reader's order."""


def metric_name(key: str) -> str:
    """``revenue`` -> ``Revenue`` / ``營收``; ``EPS`` -> ``EPS`` / ``每股盈餘``."""
    return _metrics().get(str(key), str(key))


# --- figure kinds (viewer.core.figures: kind) -------------------------------------------------


@i18n.per_language
def _kinds() -> dict[str, str]:
    return {
        "money": translate("Labels", "Amount"),
        "per share": translate("Labels", "Per share"),
        "percent": translate("Labels", "Percentage"),
        "percentage points": translate("Labels", "Percentage points"),
        "basis points": translate("Labels", "Basis points"),
        "shares": translate("Labels", "Shares"),
        "headcount": translate("Labels", "People"),
        "bandwidth": translate("Labels", "Bandwidth"),
        "multiple": translate("Labels", "Multiple"),
        "count": translate("Labels", "Count"),
    }


def kind_name(key: str) -> str:
    """``money`` -> ``Amount`` / ``金額`` (the kind of a figure)."""
    return _kinds().get(str(key), str(key))


# --- natures and checks -----------------------------------------------------------------------


@i18n.per_language
def _natures() -> dict[str, str]:
    return {
        "reported": translate("Labels", "Reported"),
        "guidance": translate("Labels", "Guidance"),
        "target": translate("Labels", "Target"),
        # the nature of a figure an analyst said (estimates, questions), not the role
        "analyst": translate("Labels", "Analyst", "nature of a figure"),
    }


NATURE_KEYS: tuple[str, ...] = ("reported", "guidance", "target", "analyst")


def nature_name(key: str) -> str:
    """``guidance`` -> ``Guidance`` / ``財測``."""
    return _natures().get(str(key), str(key))


@i18n.per_language
def _checks() -> dict[str, str]:
    return {
        "match": translate("Labels", "Match"),
        "mismatch": translate("Labels", "Mismatch"),
        "missing": translate("Labels", "Missing", "figure check"),
        "extra": translate("Labels", "Extra", "figure check"),
        "untranslated": translate("Labels", "No translation", "figure check"),
    }


@i18n.per_language
def _check_descriptions() -> dict[str, str]:
    return {
        "match": translate("Labels", "The Chinese has the same figure"),
        "mismatch": translate("Labels", "The Chinese has a different figure"),
        "missing": translate("Labels", "Missing in Chinese"),
        "extra": translate("Labels", "Extra in Chinese"),
        "untranslated": translate("Labels", "No Chinese translation to check against"),
    }


CHECK_KEYS: tuple[str, ...] = ("match", "mismatch", "missing", "extra", "untranslated")
CHECK_SYMBOLS: dict[str, str] = dict(zip(CHECK_KEYS, "✓≠?+–", strict=True))


def check_name(key: str) -> str:
    """``mismatch`` -> ``Mismatch`` / ``不符`` (the short name, for a table column)."""
    return _checks().get(str(key), str(key))


def check_label(key: str) -> str:
    """The short name after its symbol: ``≠ Mismatch`` / ``≠ 不符``."""
    name = check_name(key)
    symbol = CHECK_SYMBOLS.get(str(key))
    return f"{symbol} {name}" if symbol else name


def check_description(key: str) -> str:
    """``missing`` -> ``Missing in Chinese`` / ``中文缺漏`` (filters and tool tips)."""
    return _check_descriptions().get(str(key), str(key))


def figure_tooltip(en: str | None, zh: str | None, check: str) -> str:
    """A figure's badge tool tip: both sides as written (``$56.2 million ≠ 5,260 萬美元``), or
    which side lacks it. The figures themselves are transcript text: never translated."""
    en_text, zh_text = en or "?", zh or "?"
    key = str(check)
    if key == "match":
        return f"{en_text} = {zh_text}"
    if key == "mismatch":
        return f"{en_text} ≠ {zh_text}"
    if key == "missing":
        return arg(translate("Labels", "%1: not in the Chinese"), en_text)
    if key == "untranslated":
        return arg(translate("Labels", "%1: no translation to check"), en_text)
    return arg(translate("Labels", "%1: not in the English"), zh_text)


class Labels(QObject):
    """The context of the plural strings: lupdate reads numerus forms (``%n``) only from
    ``self.tr(source, disambiguation, n)``, not from ``translate``. English plurals come from
    the English catalogue (``earnings_viewer_en.ts``: plural forms only), the Qt way."""

    def name_badge(self, name: str, kept: int) -> str:
        text = self.tr("%1: translated here, kept in %n other paragraph(s)", "", kept)
        return arg(text, name)


@cache
def _plurals() -> Labels:
    return Labels()


def name_badge(name: str, kept: int) -> str:
    """A name badge: ``Tomahawk: translated here, kept in 3 other paragraphs``."""
    return _plurals().name_badge(name, kept)


# --- sections, roles, groups, reading modes ---------------------------------------------------


@i18n.per_language
def _sections() -> dict[str, str]:
    return {"prepared": translate("Labels", "Prepared remarks"), "qa": translate("Labels", "Q&A")}


SECTION_KEYS: tuple[str, ...] = ("prepared", "qa")


def section_name(key: str) -> str:
    """``prepared`` -> ``Prepared remarks`` / ``準備發言``; ``qa`` -> ``Q&A`` / ``問答``."""
    return _sections().get(str(key), str(key))


@i18n.per_language
def _roles() -> dict[str, str]:
    return {
        "operator": translate("Labels", "Operator"),
        "company": translate("Labels", "Company", "role"),
        "analyst": translate("Labels", "Analyst", "role"),
    }


@i18n.per_language
def _role_groups() -> dict[str, str]:
    return {
        "operator": translate("Labels", "Operator"),
        "company": translate("Labels", "Company", "role"),
        "analyst": translate("Labels", "Analysts"),
    }


ROLE_KEYS: tuple[str, ...] = ("operator", "company", "analyst")


def role_name(key: str) -> str:
    """``operator`` -> ``Operator`` / ``主持人``; ``analyst`` -> ``Analyst`` / ``分析師``."""
    return _roles().get(str(key), str(key))


def role_group_name(key: str) -> str:
    """A role as a group of people (filters, the speaker tree): ``Analysts`` / ``分析師``."""
    return _role_groups().get(str(key), str(key))


def group_label(kind: str, label: str) -> str:
    """A speaker-tree group's label (:class:`viewer.core.speaker_groups.Group`): the core's
    English fallbacks (``Company`` when the file names none, ``Analysts``, ``Firm not
    announced``) in the interface language; company and firm names as they are."""
    if kind == "analysts":
        return translate("Labels", "Analysts")
    if kind == "company" and label == "Company":
        return translate("Labels", "Company", "role")
    if kind == "firm" and label == "Firm not announced":
        return translate("Labels", "Firm not announced")
    return label


@i18n.per_language
def _modes() -> dict[str, str]:
    return {
        "side-by-side": translate("Labels", "&Side by side"),
        "interleaved": translate("Labels", "&Interleaved"),
        "en": translate("Labels", "&English only"),
        "zh": translate("Labels", "&Chinese only"),
    }


MODE_KEYS: tuple[str, ...] = ("side-by-side", "interleaved", "en", "zh")
_MNEMONIC = re.compile(r"\(&.\)|&(?=[^&])")


def strip_mnemonic(text: str) -> str:
    """``&Side by side`` -> ``Side by side``; ``左右對照(&S)`` -> ``左右對照``; ``Q&&A`` -> ``Q&A``."""
    return _MNEMONIC.sub("", text).replace("&&", "&")


def mode_name(key: str, mnemonic: bool = False) -> str:
    """A reading mode (:class:`viewer.qt.delegates.paragraph_layout.Mode` or the settings
    value): ``Side by side`` / ``左右對照``; with its ``&`` mnemonic for a menu item."""
    text = _modes().get(str(key), str(key))
    return text if mnemonic else strip_mnemonic(text)


# --- periods (viewer.core.figures.period_label) ------------------------------------------------

_QUARTER = re.compile(r"Q([1-4])(?: (\d{4}))?")
_FISCAL_YEAR = re.compile(r"FY(\d{4})")
_HALF = re.compile(r"H([12]) (\d{4})")
_YEAR = re.compile(r"\d{4}")


def period_name(period: str | None) -> str:
    """A period as :func:`viewer.core.figures.period_label` writes it, for a reader.

    ``Q1 2025`` -> ``2025 年第 1 季``; ``Q3`` -> ``第 3 季``; ``FY2024`` -> ``2024 全年``;
    ``H2 2025`` -> ``2025 年下半年``; ``2028`` -> ``2028 年``; ``long term`` -> ``長期``;
    None -> empty. Anything else comes back unchanged (in English: identical, as written)."""
    if period is None:
        return ""
    text = str(period)
    if m := _QUARTER.fullmatch(text):
        if m.group(2) is None:
            return arg(translate("Labels", "Q%1", "quarter without a year"), m.group(1))
        return arg(translate("Labels", "Q%1 %2", "quarter %1 of year %2"), m.group(1), m.group(2))
    if m := _FISCAL_YEAR.fullmatch(text):
        return arg(translate("Labels", "FY%1", "full fiscal year"), m.group(1))
    if m := _HALF.fullmatch(text):
        if m.group(1) == "1":
            return arg(translate("Labels", "H1 %1", "first half of year %1"), m.group(2))
        return arg(translate("Labels", "H2 %1", "second half of year %1"), m.group(2))
    if _YEAR.fullmatch(text):
        return arg(translate("Labels", "%1", "a calendar year"), text)
    if text == "long term":
        return translate("Labels", "Long term")
    return text


# --- CSV and table column headers (viewer.core.export, viewer.core.metrics) -------------------


@i18n.per_language
def _columns() -> dict[str, str]:
    return {
        # paragraph exports (viewer.core.export.PARAGRAPH_HEADERS)
        "company": translate("Labels", "Company", "column"),
        "ticker": translate("Labels", "Ticker"),
        "fiscal_year": translate("Labels", "Fiscal year"),
        "quarter": translate("Labels", "Quarter"),
        "section": translate("Labels", "Section"),
        "turn": translate("Labels", "Turn"),
        "paragraph": translate("Labels", "Paragraph"),
        "time": translate("Labels", "Time"),
        "speaker": translate("Labels", "Speaker"),
        "title": translate("Labels", "Title"),
        "role": translate("Labels", "Role"),
        "firm": translate("Labels", "Firm"),
        "en": translate("Labels", "English"),
        "zh": translate("Labels", "Chinese"),
        "line": translate("Labels", "Line"),
        # figure exports (viewer.core.metrics.FIGURE_COLUMNS)
        "metric": translate("Labels", "Metric"),
        "value": translate("Labels", "Value"),
        "unit": translate("Labels", "Unit"),
        "low": translate("Labels", "Low"),
        "high": translate("Labels", "High"),
        "qualifier": translate("Labels", "Qualifier"),
        "period": translate("Labels", "Period"),
        "nature": translate("Labels", "Nature"),
        "check": translate("Labels", "Check"),
        "English text": translate("Labels", "English text"),
        "Chinese text": translate("Labels", "Chinese text"),
    }


def column_name(key: str) -> str:
    """A CSV/table column key in the interface language (``fiscal_year`` -> ``會計年度``)."""
    return _columns().get(str(key), str(key))


# --- View > Language ---------------------------------------------------------------------------


def language_choices() -> list[tuple[str, str]]:
    """The entries of View > Language as ``(settings value, menu text)``: follow the system,
    then each language in its own name (untranslated, so anyone finds their own)."""
    follow = translate("Labels", "Follow &system", "language")
    return [(i18n.SYSTEM, follow), *((k, v) for k, v in i18n.LANGUAGE_NAMES.items())]
