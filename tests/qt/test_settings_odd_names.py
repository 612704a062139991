"""Issue 16 item 5: a file name that is not valid UTF-8 never breaks saving the preferences."""

from __future__ import annotations

import os
from pathlib import Path

from viewer.qt.settings import Preferences, Settings

BIG5_NAME = os.fsdecode(b"/data/\xa5x\xa4\xe5-2024.txt")  # lone surrogates, as Linux gives them


def test_an_undecodable_name_is_not_remembered_and_saving_works(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    prefs = Preferences().with_recent("/data/a.txt").with_recent(BIG5_NAME)
    assert prefs.recent_files == ["/data/a.txt"]
    settings.save_preferences(prefs)
    settings.save_preferences(prefs.with_recent("/data/b.txt"))
    assert Settings(tmp_path / "settings.ini").preferences.recent_files == [
        "/data/b.txt",
        "/data/a.txt",
    ]


def test_validated_preferences_drop_undecodable_names() -> None:
    prefs = Preferences(recent_files=["/data/a.txt", BIG5_NAME])
    assert prefs.recent_files == ["/data/a.txt"]
    assert "a.txt" in prefs.model_dump_json()
