"""viewer.qt.i18n: the language choice, the translators, the interface locale."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLibraryInfo

from viewer import resources
from viewer.qt import i18n


@pytest.fixture
def app(qapp: Any) -> Iterator[Any]:
    """The application, back in English after the test (the translators are global)."""
    yield qapp
    i18n.set_language(qapp, "en")


# --- the language from the locale ---------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "zh_TW",
        "zh_TW.UTF-8",
        "zh_TW.Big5",
        "zh_TW.utf8@euro",
        "zh-TW",
        "zh-tw",
        "ZH_TW",
        "zh_HK",
        "zh_HK.UTF-8",
        "zh-HK",
        "zh_MO",
        "zh-Hant",
        "zh_Hant",
        "zh-Hant-TW",
        "zh-Hant-HK",
        "zh_Hant_TW",
        "zh-Hant-CN",  # an explicit script wins over the region
        "zh-Hant-US",
        "yue",
        "yue-Hant-HK",
        "Chinese (Traditional)_Taiwan.950",
        "Chinese_Hong Kong S.A.R..950",
    ],
)
def test_traditional_chinese_locales_choose_zh_tw(name: str) -> None:
    assert i18n.language_for_locale(name) == "zh-TW"
    assert i18n.shipped_language(name) == "zh-TW"


@pytest.mark.parametrize(
    "name",
    [
        "zh_CN",
        "zh_CN.UTF-8",
        "zh-CN",
        "zh_SG",
        "zh_MY",
        "zh",
        "zh-Hans",
        "zh-Hans-CN",
        "zh-Hans-HK",  # Simplified in Hong Kong: not ours
        "zh_Hans_TW",
        "yue-Hans-CN",
        "Chinese (Simplified)_China.936",
        "ja_JP.UTF-8",
        "ko_KR",
        "fr_FR.UTF-8",
        "de",
        "tw",  # Twi, not Taiwan
        "hant",
        "",
        None,
        "_",
        "@",
        ".UTF-8",
    ],
)
def test_other_locales_choose_english(name: str | None) -> None:
    assert i18n.language_for_locale(name) == "en"


@pytest.mark.parametrize("name", ["en", "en_US.UTF-8", "en-GB", "en_IN", "C", "C.UTF-8", "POSIX"])
def test_english_and_c_locales_are_shipped_english(name: str) -> None:
    assert i18n.shipped_language(name) == "en"
    assert i18n.language_for_locale(name) == "en"


@given(st.text(max_size=40))
def test_any_locale_name_gives_a_language(name: str) -> None:
    assert i18n.language_for_locale(name) in i18n.LANGUAGES


def test_the_first_shipped_ui_language_wins() -> None:
    assert i18n.choose_language(["zh-Hant-TW", "en-US"]) == "zh-TW"
    assert i18n.choose_language(["en-US", "zh-Hant-TW"]) == "en"
    # Qt's own rule for translators: languages we do not ship are skipped
    assert i18n.choose_language(["fr-FR", "zh-HK", "en"]) == "zh-TW"
    assert i18n.choose_language(["zh-CN", "en"]) == "en"
    assert i18n.choose_language(["ja-JP", "ko-KR"]) == "en"
    assert i18n.choose_language([]) == "en"


def test_an_override_beats_the_system() -> None:
    assert i18n.choose_language(["en-US"], "zh-TW") == "zh-TW"
    assert i18n.choose_language(["zh-TW"], "en") == "en"
    assert i18n.choose_language(["zh-TW"], "system") == "zh-TW"
    assert i18n.choose_language(["zh-TW"], None) == "zh-TW"
    with pytest.raises(ValueError, match="unsupported"):
        i18n.choose_language(["zh-TW"], "fr")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("en", "en"), ("EN", "en"), ("en_US", "en"), ("zh-TW", "zh-TW"), ("zh_tw", "zh-TW"),
     ("zh-Hant", "zh-TW"), (" zh-TW ", "zh-TW")],
)  # fmt: skip
def test_normalise_language(value: str, expected: str) -> None:
    assert i18n.normalise_language(value) == expected


@pytest.mark.parametrize("value", ["", "fr", "zh-CN", "zh", "C", "system", "klingon"])
def test_normalise_language_refuses_what_we_do_not_ship(value: str) -> None:
    with pytest.raises(ValueError):
        i18n.normalise_language(value)


def test_system_language_reads_the_system_locale() -> None:
    langs = i18n.system_ui_languages()
    assert langs and all(isinstance(x, str) for x in langs)
    assert i18n.system_language() == i18n.choose_language(langs)


# --- the translators ----------------------------------------------------------------------


def test_qtbase_zh_tw_ships_with_pyside6() -> None:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_zh_TW.qm").is_file()
    assert i18n.qt_translation_path("zh-TW") == folder / "qtbase_zh_TW.qm"
    assert i18n.qt_translation_path("en") is None


def test_our_catalogue_is_found_through_viewer_resources() -> None:
    path = i18n.app_translation_path("zh-TW")
    assert path == resources.resource_path("i18n", "earnings_viewer_zh_TW.qm")
    assert path.is_file()
    # English: the plural forms of the source strings only
    assert i18n.app_translation_path("en") == resources.resource_path(
        "i18n", "earnings_viewer_en.qm"
    )
    assert i18n.app_translation_path("en").is_file()


def test_set_language_installs_and_removes_translators(app: Any) -> None:
    tr = QCoreApplication.translate
    i18n.set_language(app, "zh-TW")
    assert i18n.current_language() == "zh-TW"
    assert i18n.translation_problems() == []
    assert tr("Labels", "Revenue") == "營收"
    # Qt's own strings: the message box's buttons
    assert tr("QPlatformTheme", "Cancel") == "取消"
    i18n.set_language(app, "en")
    assert i18n.current_language() == "en"
    assert tr("Labels", "Revenue") == "Revenue"
    assert tr("QPlatformTheme", "Cancel") == "Cancel"


def test_switching_sends_language_change(app: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QWidget

    class Widget(QWidget):
        changes = 0

        def changeEvent(self, e: QEvent) -> None:
            if e.type() == QEvent.Type.LanguageChange:
                Widget.changes += 1
            super().changeEvent(e)

    w = Widget()
    qtbot.addWidget(w)
    i18n.set_language(app, "zh-TW")
    qtbot.waitUntil(lambda: Widget.changes >= 1)
    before = Widget.changes
    i18n.set_language(app, "en")
    qtbot.waitUntil(lambda: Widget.changes > before)


def test_set_language_again_does_not_stack_translators(app: Any) -> None:
    for _ in range(3):
        i18n.set_language(app, "zh-TW")
    assert len(i18n._state.translators) == 2
    i18n.set_language(app, "en")
    assert len(i18n._state.translators) == 1  # the English plural forms


def test_a_missing_catalogue_is_reported_not_fatal(
    app: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("EARNINGS_VIEWER_RESOURCES", str(tmp_path))
    i18n.set_language(app, "zh-TW")
    problems = i18n.translation_problems()
    assert len(problems) == 1 and "earnings_viewer_zh_TW.qm" in problems[0]
    assert QCoreApplication.translate("Labels", "Revenue") == "Revenue"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_an_unknown_language_changes_nothing(app: Any) -> None:
    i18n.set_language(app, "zh-TW")
    with pytest.raises(ValueError):
        i18n.set_language(app, "fr")
    assert i18n.current_language() == "zh-TW"
    assert QCoreApplication.translate("Labels", "Revenue") == "營收"


# --- numbers, percentages, dates ----------------------------------------------------------


def test_numbers_in_both_languages(app: Any) -> None:
    for lang in i18n.LANGUAGES:
        i18n.set_language(app, lang)
        assert i18n.format_number(1234567) == "1,234,567"
        assert i18n.format_number(-1234.5) == "-1,234.5"
        assert i18n.format_number(0.1) == "0.1"
        assert i18n.format_number(3.14159, 2) == "3.14"
        assert i18n.format_number(Decimal("141.10")) == "141.10"
        assert i18n.format_number(Decimal("1.411E+8")) == "141,100,000"
        assert i18n.format_number(10**20) == "100,000,000,000,000,000,000"
        assert i18n.format_number(Decimal("NaN")) == "NaN"
        assert i18n.format_percent(0.741) == "74.1%"
        assert i18n.format_percent(Decimal("0.05"), 0) == "5%"


def test_dates_in_both_languages(app: Any) -> None:
    i18n.set_language(app, "en")
    assert i18n.format_date("2025-03-05") == "Mar 5, 2025"
    assert i18n.format_date(dt.date(2024, 11, 20)) == "Nov 20, 2024"
    i18n.set_language(app, "zh-TW")
    assert i18n.format_date("2025-03-05") == "2025年3月5日"
    assert i18n.format_date(QDate(2024, 11, 20)) == "2024年11月20日"
    assert i18n.format_date(dt.datetime(2024, 1, 2, 9, 30)) == "2024年1月2日"


@given(st.text(max_size=20))
def test_a_bad_date_string_comes_back_unchanged(text: str) -> None:
    out = i18n.format_date(text)
    assert isinstance(out, str)
    if not QDate.fromString(text.strip()[:10], "yyyy-MM-dd").isValid():
        assert out == text


def test_the_default_locale_follows_the_language(app: Any) -> None:
    from PySide6.QtCore import QLocale

    i18n.set_language(app, "zh-TW")
    assert QLocale().name() == "zh_TW"
    i18n.set_language(app, "en")
    assert QLocale().name() == "en_US"
