"""Two tiers of settings: validated preferences (pydantic) and window state (QSettings).

The INI file lives in the platform config dir, or where ``EARNINGS_VIEWER_SETTINGS`` says
(tests). A file Qt cannot parse, or preferences that fail validation, are moved aside as
``*.corrupt-<time>`` and defaults are used; the user is told once.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QStandardPaths

from viewer.qt.i18n import QT_TRANSLATE_NOOP
from viewer.reading_mode import Mode

log = logging.getLogger(__name__)
MAX_RECENT = 12


def _storable(path: str) -> bool:
    """A file name that is not valid UTF-8 (os.fsdecode gives lone surrogates) cannot be
    written to the JSON preferences: such a file opens but is not remembered."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class Preferences(BaseModel):
    model_config = ConfigDict(extra="ignore")

    mode: Mode = Mode.SIDE_BY_SIDE
    zoom: float = Field(default=1.0, ge=0.5, le=3.0)
    theme: Literal["system", "light", "dark"] = "system"
    show_summary: bool = True
    language: Literal["system", "en", "zh-TW"] = "system"  # View > Language
    recent_files: list[str] = Field(default_factory=list)

    @field_validator("recent_files")
    @classmethod
    def _only_storable(cls, paths: list[str]) -> list[str]:
        return [p for p in paths if _storable(p)]

    def with_recent(self, path: str) -> Preferences:
        head = [path] if _storable(path) else []
        recent = [*head, *(p for p in self.recent_files if p != path and _storable(p))]
        recent = recent[:MAX_RECENT]
        return self.model_copy(update={"recent_files": recent})


def settings_path() -> Path:
    env = os.environ.get("EARNINGS_VIEWER_SETTINGS")
    if env:
        return Path(env)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(base or Path.home() / ".config" / "earnings-viewer") / "settings.ini"


class Settings:
    """Owns the QSettings file; ``notice`` says once if a corrupt file was moved aside."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self.notice: str | None = None  # English, for the log
        # (template, reason, file) as translation sources: shown in the interface language
        self._notice_parts: tuple[str, str, str] | None = None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        if self.qs.status() != QSettings.Status.NoError:
            self._move_aside(QT_TRANSLATE_NOOP("Settings", "the settings file could not be read"))
        self.preferences = self._load_preferences()

    def _move_aside(self, why: str) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        del self.qs
        try:
            os.replace(self.path, target)
            self.notice = f"{why}; it was moved to {target.name} and defaults are used"
            moved = QT_TRANSLATE_NOOP("Settings", "%1; it was moved to %2 and defaults are used")
            self._notice_parts = (moved, why, target.name)
        except OSError as exc:
            self.notice = f"{why} ({exc}); defaults are used"
            failed = QT_TRANSLATE_NOOP("Settings", "%1 (%2); defaults are used")
            self._notice_parts = (failed, why, str(exc))
        log.warning("settings: %s", self.notice)
        self.qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def translated_notice(self) -> str | None:
        """:attr:`notice` in the interface language (None when all was well)."""
        if self._notice_parts is None:
            return self.notice
        template, why, detail = self._notice_parts
        text = QCoreApplication.translate("Settings", template)
        reason = QCoreApplication.translate("Settings", why)
        return text.replace("%1", reason).replace("%2", detail)

    def _load_preferences(self) -> Preferences:
        raw = self.qs.value("preferences/json")
        if raw is None:
            return Preferences()
        try:
            return Preferences.model_validate_json(str(raw))
        except ValidationError:
            self._move_aside(QT_TRANSLATE_NOOP("Settings", "the saved preferences were invalid"))
            return Preferences()

    def save_preferences(self, prefs: Preferences) -> None:
        self.preferences = prefs
        self.qs.setValue("preferences/json", prefs.model_dump_json())
        self.qs.sync()

    def window_state(self, key: str) -> QByteArray | None:
        value = self.qs.value(f"window/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_window_state(self, key: str, value: QByteArray) -> None:
        self.qs.setValue(f"window/{key}", value)

    def sync(self) -> None:
        self.qs.sync()
