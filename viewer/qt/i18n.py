"""The interface language: which one, its Qt translators, and the locale for numbers and dates.

Two interface languages: English (the source strings) and Traditional Chinese as read in
Taiwan (``zh-TW``). The choice is, in order: an override (``--lang`` for one run, else View >
Language remembered in the settings), else the system's UI languages (the first one we ship
wins: ``zh_TW``, ``zh_HK``, ``zh_MO``, ``zh_Hant*`` -> ``zh-TW``; ``en*`` -> ``en``; nothing
shipped -> ``en``).

:func:`set_language` installs the translators on the application: ours
(``resources/i18n/earnings_viewer_zh_TW.qm``, see :func:`viewer.resources.translation_path`) and
Qt's own (``qtbase_zh_TW.qm``: file dialogs, message-box buttons, the context menu of text
fields) from ``QLibraryInfo.path(TranslationsPath)``, which PySide6-Essentials ships. Installing
or removing a translator makes Qt send ``QEvent.LanguageChange`` to every widget, so a window
that re-sets its strings in ``changeEvent`` follows a switch at run time. The glossary of the
Chinese terms is ``docs/GLOSSARY.md``; the workflow is ``docs/I18N.md``.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Final, Literal

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTranslator,
    Signal,
)

from viewer.resources import translation_path

log = logging.getLogger(__name__)

Language = Literal["en", "zh-TW"]
LANGUAGES: Final[tuple[Language, ...]] = ("en", "zh-TW")
SYSTEM: Final = "system"
"""The settings value meaning "follow the system locale" (View > Language > Follow system)."""

LANGUAGE_NAMES: Final[dict[Language, str]] = {"en": "English", "zh-TW": "繁體中文"}
"""Each language in its own name (endonyms): a language menu lists them untranslated, so a
user who cannot read the current interface still finds their own."""

QT_LOCALE_NAMES: Final[dict[Language, str]] = {"en": "en", "zh-TW": "zh_TW"}
"""Qt locale names: the suffix of the ``.qm`` files (``earnings_viewer_zh_TW.qm``)."""

_TRADITIONAL_REGIONS = frozenset({"tw", "hk", "mo"})
_SEPARATORS = re.compile(r"[-_\s]+")


def _parts(name: str) -> list[str]:
    # "zh_TW.UTF-8@euro" -> ["zh", "tw"]; "zh-Hant-HK" -> ["zh", "hant", "hk"]
    base = re.split(r"[.@]", name.strip(), maxsplit=1)[0]
    return [p for p in _SEPARATORS.split(base.casefold()) if p]


def shipped_language(name: str | None) -> Language | None:
    """The shipped language a locale or language tag asks for, or None when we ship none of it.

    Accepts POSIX names (``zh_TW.UTF-8``), BCP 47 tags (``zh-Hant-HK``), Qt names
    (``zh_Hant_TW``) and Windows names (``Chinese (Traditional)_Taiwan.950``). An explicit
    script wins over the region (``zh-Hans-HK`` is Simplified, ``zh-Hant-CN`` Traditional).
    """
    if not name:
        return None
    lowered = name.casefold()
    if lowered.startswith("chinese"):
        # Windows: "Chinese (Traditional)_Taiwan.950", "Chinese_Hong Kong S.A.R..950"
        traditional = ("traditional", "taiwan", "hong kong", "macao", "macau")
        simplified = "simplified" in lowered
        return "zh-TW" if not simplified and any(w in lowered for w in traditional) else None
    if lowered.startswith("english"):
        return "en"
    parts = _parts(name)
    if not parts:
        return None
    lang, rest = parts[0], parts[1:]
    if lang in ("c", "posix", "en"):
        return "en"
    if lang not in ("zh", "yue"):
        return None
    scripts = [p for p in rest if len(p) == 4 and p.isalpha()]
    if "hant" in scripts:
        return "zh-TW"
    if "hans" in scripts:
        return None
    if any(p in _TRADITIONAL_REGIONS for p in rest):
        return "zh-TW"
    # Cantonese without a region or script is written in Traditional characters (Hong Kong)
    return "zh-TW" if lang == "yue" and not rest else None


def language_for_locale(name: str | None) -> Language:
    """``zh-TW`` for a Traditional Chinese locale (``zh_TW``, ``zh_HK``, ``zh_MO``,
    ``zh_Hant*``), else ``en`` (Simplified Chinese, other languages, ``C``, empty)."""
    return "zh-TW" if shipped_language(name) == "zh-TW" else "en"


def normalise_language(value: str) -> Language:
    """``en`` or ``zh-TW`` from what a user or a settings file may write (``zh_TW``,
    ``zh-tw``, ``zh-Hant``, ``en-US``...); ValueError for anything else (``fr``, ``zh-CN``)."""
    lang = shipped_language(value)
    if lang is None or value.strip().casefold() in ("c", "posix"):
        raise ValueError(f"unsupported interface language {value!r}; choose en or zh-TW")
    return lang


def choose_language(ui_languages: Iterable[str], override: str | None = None) -> Language:
    """The interface language: ``override`` (``en``, ``zh-TW``, or None/``system`` to follow
    the system), else the first of the system's ``ui_languages`` that we ship, else ``en``."""
    if override is not None and override.strip().casefold() != SYSTEM:
        return normalise_language(override)
    for name in ui_languages:
        lang = shipped_language(name)
        if lang is not None:
            return lang
    return "en"


def system_ui_languages() -> list[str]:
    """The system's preferred UI languages, most preferred first (``LANGUAGE``/``LC_*``/``LANG``
    on Linux, the language list of the user's account on Windows and macOS)."""
    system = QLocale.system()
    return [*system.uiLanguages(), system.name()]


def system_language() -> Language:
    """The language the system locale asks for (what ``Follow system`` means)."""
    return choose_language(system_ui_languages())


# --- translators ---------------------------------------------------------------------------


@dataclass
class _State:
    language: Language = "en"
    translators: list[QTranslator] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    generation: int = 0


_state = _State()


def qt_translations_dirs() -> list[Path]:
    """Where Qt's own ``qtbase_<locale>.qm`` files may be, in order: Qt's translations folder
    (inside PySide6; packaging/bundle_filter.py keeps ``qtbase_zh_TW.qm`` in the bundle), the
    PySide6 package's ``Qt/translations``, then our ``resources/i18n``."""
    import PySide6

    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    dirs = [Path(qt_dir)] if qt_dir else []
    # where the PySide6 wheel and PyInstaller's PySide6 hook put them, should Qt's prefix
    # point elsewhere (a qt.conf); last, our own resources (a distribution may ship it there)
    dirs.append(Path(PySide6.__file__).parent / "Qt" / "translations")
    dirs.append(translation_path("zh_TW").parent)
    return list(dict.fromkeys(dirs))


def qt_translation_path(lang: Language) -> Path | None:
    """Qt's own translation (``qtbase_zh_TW.qm``) for ``lang``, or None (English needs none)."""
    if lang == "en":
        return None
    name = f"qtbase_{QT_LOCALE_NAMES[lang]}.qm"
    for folder in qt_translations_dirs():
        if (folder / name).is_file():
            return folder / name
    return None


def app_translation_path(lang: Language) -> Path:
    """Our compiled translation for ``lang``. English is the source language: its catalogue
    holds only the plural forms (``%n paragraph(s)`` -> ``1 paragraph``, ``2 paragraphs``)."""
    return translation_path(QT_LOCALE_NAMES[lang])


def interface_locale(lang: Language) -> QLocale:
    """The locale of numbers, dates and percentages in ``lang``'s interface (English: US
    conventions, as the CLI and the CSV exports write them)."""
    if lang == "zh-TW":
        return QLocale(
            QLocale.Language.Chinese,
            QLocale.Script.TraditionalChineseScript,
            QLocale.Country.Taiwan,
        )
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def set_language(app: QCoreApplication, lang: str) -> None:
    """Make ``lang`` (``en`` or ``zh-TW``, see :func:`normalise_language`) the interface language.

    Removes the translators installed before and installs ``lang``'s (Qt's first, ours last so
    ours win; English gets only ours, for its plural forms), which makes Qt send
    ``LanguageChange`` to every widget, and sets the default ``QLocale``. A missing ``.qm``
    leaves those strings in English, is logged and is listed by :func:`translation_problems`
    (the window may show it). ValueError for an unknown ``lang`` (nothing changes then).
    """
    language = normalise_language(lang)
    for translator in _state.translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    _state.translators.clear()
    _state.problems.clear()
    _state.generation += 1
    QLocale.setDefault(interface_locale(language))
    _state.language = language
    # Qt's first, ours last: the translator installed last is asked first.
    for what, path in (
        ("Qt's own strings", qt_translation_path(language)),
        ("the interface", app_translation_path(language)),
    ):
        if path is None and language == "en":
            continue  # Qt's strings are English already
        translator = QTranslator(app)
        if path is not None and translator.load(str(path)):
            app.installTranslator(translator)
            _state.translators.append(translator)
            continue
        translator.deleteLater()
        where = str(path) if path is not None else f"qtbase_{QT_LOCALE_NAMES[language]}.qm"
        problem = f"no {LANGUAGE_NAMES[language]} translation of {what} ({where})"
        log.warning("i18n: %s", problem)
        _state.problems.append(problem)
    notifier().changed.emit()


class LanguageNotifier(QObject):
    """``changed`` after every :func:`set_language`. Models are no widgets and get no
    ``LanguageChange``: they connect here to re-announce their headers and labels. (A signal,
    not an event filter on the application: the application would keep every filter, and so
    every model and its transcript, alive.)"""

    changed = Signal()


_notifier: LanguageNotifier | None = None


def notifier() -> LanguageNotifier:
    """The one :class:`LanguageNotifier` (made on first use)."""
    global _notifier
    if _notifier is None:
        _notifier = LanguageNotifier()
    return _notifier


def current_language() -> Language:
    """The interface language :func:`set_language` set last (``en`` before any call)."""
    return _state.language


def generation() -> int:
    """A number that changes at every :func:`set_language` (caches of translated text key on it)."""
    return _state.generation


def per_language(build: Callable[[], dict[str, str]]) -> Callable[[], dict[str, str]]:
    """``build()`` once per language switch (``translate`` answers from the translators
    installed at the time): the caches of translated text key on :func:`generation`."""

    @functools.cache
    def by_generation(generation: int) -> dict[str, str]:
        return build()

    return lambda: by_generation(generation())


def translation_problems() -> list[str]:
    """What :func:`set_language` could not load last time (empty when all is well)."""
    return list(_state.problems)


# --- numbers, percentages and dates in the interface locale ---------------------------------

_DATE_FORMATS: Final[dict[Language, str]] = {"en": "MMM d, yyyy", "zh-TW": "yyyy年M月d日"}


def _locale() -> QLocale:
    return interface_locale(_state.language)


def format_number(value: int | float | Decimal, decimals: int | None = None) -> str:
    """``value`` with the interface locale's digit grouping and decimal point (``1,234.5``).

    ``decimals`` fixes the number of decimals; by default an int has none, a Decimal keeps the
    decimals it was written with, and a float gets the shortest exact form."""
    loc = _locale()
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)
        if decimals is None:
            exponent = value.as_tuple().exponent
            decimals = max(0, -exponent) if isinstance(exponent, int) else 0
        if decimals == 0:
            value = int(value.to_integral_value())
    if isinstance(value, int) and not decimals:
        # toString(int) goes through a 64-bit integer: beyond it, the float path (approximate)
        if -(2**63) <= value < 2**63:
            return loc.toString(value)
        return loc.toString(float(value), "f", 0)
    if decimals is None:
        return loc.toString(
            float(value), "f", QLocale.FloatingPointPrecisionOption.FloatingPointShortest
        )
    return loc.toString(float(value), "f", decimals)


def format_percent(fraction: float | Decimal, decimals: int = 1) -> str:
    """A fraction as a percentage in the interface locale (``0.741`` -> ``74.1%``)."""
    return format_number(float(fraction) * 100, decimals) + _locale().percent()


def format_date(value: dt.date | QDate | str) -> str:
    """A date in the interface language: ``Mar 5, 2025`` / ``2025年3月5日``.

    ISO strings (``2025-03-05``, what ``CallMeta.call_date`` holds) are parsed; a string that is
    no valid ISO date comes back unchanged, never an exception."""
    if isinstance(value, str):
        qdate = QDate.fromString(value.strip()[:10], Qt.DateFormat.ISODate)
        if not qdate.isValid():
            return value
    elif isinstance(value, dt.date):
        qdate = QDate(value.year, value.month, value.day)
    else:
        qdate = value
    return _locale().toString(qdate, _DATE_FORMATS[_state.language])


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` translated in ``context``; with ``n >= 0``, ``%n`` becomes ``n``.

    The arguments are ``QCoreApplication.translate``'s, so lupdate reads a call
    ``translate("Context", "literal", None, n)`` as it reads Qt's (context, source,
    disambiguation, plural). English plural forms come from ``earnings_viewer_en.qm``; where
    that catalogue is not installed the source's ``(s)`` is resolved here so English never
    shows ``turn(s)``.
    """
    out = QCoreApplication.translate(context, text, disambiguation, n)
    if n >= 0 and "(s)" in out:
        out = out.replace("(s)", "" if n == 1 else "s")
    return out


def plural(text: str, n: int) -> str:
    """``text`` from ``self.tr(source, "", n)`` with an English ``(s)`` resolved when no
    catalogue is installed (widgets built before :func:`set_language`, as in unit tests).

    Plural strings are written ``plural(self.tr("%n hit(s)", "", n), n)`` in a QObject: that
    is the form lupdate reads as a numerus message (it does not for ``translate(...)``)."""
    if "(s)" in text:
        text = text.replace("(s)", "" if n == 1 else "s")
    return text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate in ``context`` and returns it unchanged (translated later,
    where it is shown, with ``translate(context, text)``). PySide6's own is typed as returning
    ``object``; lupdate matches the name, so this typed one is read the same way."""
    return text
