"""``--lang``: parsed without Qt, handed on to the GUI and --screenshot; the JSON stays English."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SAMPLE, run_cli
from viewer.cli import build_parser, is_headless


@pytest.mark.parametrize(
    ("given", "expected"),
    [("zh-TW", "zh-TW"), ("zh_TW", "zh-TW"), ("ZH-tw", "zh-TW"), ("en", "en"), ("EN", "en")],
)
def test_lang_is_normalised(given: str, expected: str) -> None:
    args = build_parser().parse_args(["--lang", given, "--screenshot", "out.png"])
    assert args.lang == expected
    assert not is_headless(args)


def test_no_lang_means_the_settings_or_the_system_decide() -> None:
    assert build_parser().parse_args([]).lang is None


@pytest.mark.parametrize("given", ["fr", "zh-CN", "zh", "", "system"])
def test_other_languages_are_a_usage_error(given: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(["--lang", given])
    assert exc.value.code == 2
    assert "choose zh-TW or en" in capsys.readouterr().err


def test_json_stays_english_with_lang_zh_tw() -> None:
    plain = run_cli("--json", SAMPLE)
    chinese = run_cli("--lang", "zh-TW", "--json", SAMPLE)
    assert plain.returncode == chinese.returncode == 0
    assert json.loads(chinese.stdout) == json.loads(plain.stdout)
