"""viewer.qt.fonts: Traditional Chinese forms first, the bundled font only when nothing has Han."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QRawFont
from PySide6.QtWidgets import QApplication

from tests.conftest import ROOT, run_python
from viewer.qt import fonts
from viewer.resources import bundled_font_path, sample_transcript_path

NO_CJK_CONF = ROOT / "packaging" / "testing" / "no-cjk-fonts.conf"


@pytest.fixture
def app_font(qapp: QApplication) -> Iterator[QFont]:
    """The app font, restored afterwards (setup_han_font changes it for the whole app)."""
    saved = QApplication.font()
    yield saved
    QApplication.setFont(saved)


def is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def test_bundled_font_covers_every_han_character_of_the_sample(qapp: QApplication) -> None:
    raw = QRawFont(str(bundled_font_path()), 12)
    assert raw.isValid()
    assert raw.familyName() == fonts.BUNDLED_FAMILY
    text = sample_transcript_path().read_text(encoding="utf-8")
    han = sorted({ch for ch in text if is_han(ch)})
    assert len(han) > 300
    missing = [f"U+{ord(ch):04X}" for ch in han if not raw.supportsCharacter(ord(ch))]
    assert missing == []


def test_register_bundled_font_adds_a_han_family(qapp: QApplication) -> None:
    try:
        family = fonts.register_bundled_font()
        assert family == fonts.BUNDLED_FAMILY
        assert family in QFontDatabase.families()
        assert fonts.covers_han(family)
        assert fonts.register_bundled_font() == family  # idempotent
    finally:
        fonts.unregister_bundled_font()
    assert fonts.BUNDLED_FAMILY not in QFontDatabase.families()


def test_covers_han_is_about_the_face_not_the_fallback_chain(qapp: QApplication) -> None:
    han = {
        *QFontDatabase.families(QFontDatabase.WritingSystem.TraditionalChinese),
        *QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese),
    }
    latin_only = [
        f for f in QFontDatabase.families(QFontDatabase.WritingSystem.Latin) if f not in han
    ]
    assert latin_only
    assert not fonts.covers_han(latin_only[0])
    # ... although QFontMetrics answers for the whole fallback chain, which has a CJK face.
    assert QFontMetrics(QFont(latin_only[0])).inFontUcs4(ord("財"))
    assert not fonts.covers_han("No Such Family Anywhere") or fonts.find_system_han_family()


def test_with_system_cjk_fonts_the_tc_face_draws_han(app_font: QFont) -> None:
    # The project's machines have fonts-noto-cjk (packaging/system-deps.sh installs it).
    assert "Noto Sans CJK TC" in QFontDatabase.families()
    status = fonts.setup_han_font()
    assert status.family == "Noto Sans CJK TC"
    assert not status.bundled  # only when no system font covers Han
    assert status.message == ""
    assert status.rendered == ("Noto Sans CJK TC",)
    assert QApplication.font().families()[: len(status.families)] == list(status.families)
    # Latin keeps the UI family: it comes first, and does not cover Han.
    assert fonts.rendered_families("Revenue") == fonts.rendered_families("Revenue", app_font)


def test_a_cjk_default_family_goes_after_the_tc_face(qapp: QApplication) -> None:
    # A desktop whose UI font is the Japanese CJK face: Han must still get Traditional forms.
    assert fonts.han_font_families("Noto Sans CJK JP", "Noto Sans CJK TC") == [
        "Noto Sans CJK TC",
        "Noto Sans CJK JP",
    ]
    assert fonts.han_font_families("DejaVu Sans", "Noto Sans CJK TC")[0] == "DejaVu Sans"


def run_setup(**env: str) -> str:
    """setup_han_font in a fresh process whose fontconfig hides every CJK font."""
    code = (
        "from PySide6.QtWidgets import QApplication\n"
        "from viewer.qt.fonts import setup_han_font\n"
        "app = QApplication([])\n"
        "s = setup_han_font(app)\n"
        "print(s.report()); print('message=' + s.message)\n"
    )
    full_env = {"QT_QPA_PLATFORM": "offscreen", "FONTCONFIG_FILE": str(NO_CJK_CONF), **env}
    return run_python("-c", code, env=full_env, check=True, timeout=60).stdout


def test_without_system_cjk_fonts_the_bundled_font_is_registered() -> None:
    out = run_setup()
    assert f"family={fonts.BUNDLED_FAMILY} bundled=1" in out
    assert f"rendered=['{fonts.BUNDLED_FAMILY}']" in out
    assert "message=\n" in out


def test_without_any_han_font_the_status_bar_message_says_so() -> None:
    out = run_setup(EARNINGS_VIEWER_NO_BUNDLED_FONT="1")
    assert "family=- bundled=0" in out
    assert f"message={fonts.NO_HAN_MESSAGE}" in out
