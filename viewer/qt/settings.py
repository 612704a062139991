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

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from viewer.reading_mode import Mode

log = logging.getLogger(__name__)
MAX_RECENT = 12


class Preferences(BaseModel):
    model_config = ConfigDict(extra="ignore")

    mode: Mode = Mode.SIDE_BY_SIDE
    zoom: float = Field(default=1.0, ge=0.5, le=3.0)
    theme: Literal["system", "light", "dark"] = "system"
    show_summary: bool = True
    language: Literal["system", "en", "zh-TW"] = "system"  # View > Language
    recent_files: list[str] = Field(default_factory=list)

    def with_recent(self, path: str) -> Preferences:
        recent = [path, *(p for p in self.recent_files if p != path)][:MAX_RECENT]
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
        self.notice: str | None = None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        if self.qs.status() != QSettings.Status.NoError:
            self._move_aside("the settings file could not be read")
        self.preferences = self._load_preferences()

    def _move_aside(self, why: str) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        del self.qs
        try:
            os.replace(self.path, target)
            self.notice = f"{why}; it was moved to {target.name} and defaults are used"
        except OSError as exc:
            self.notice = f"{why} ({exc}); defaults are used"
        log.warning("settings: %s", self.notice)
        self.qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _load_preferences(self) -> Preferences:
        raw = self.qs.value("preferences/json")
        if raw is None:
            return Preferences()
        try:
            return Preferences.model_validate_json(str(raw))
        except ValidationError:
            self._move_aside("the saved preferences were invalid")
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
