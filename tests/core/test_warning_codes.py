"""Parse warnings carry stable codes and values (for a translated interface) while their
English message and the ``--json`` document stay as they were."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import DATA, ROOT
from viewer.core.formats.builder import NO_SPEAKERS_WARNING, TranscriptBuilder
from viewer.core.formats.callmeta import MetaHints
from viewer.core.formats.readerkit import hints_with_filename
from viewer.core.jsonout import transcript_json
from viewer.core.models import Layout, ParseWarning
from viewer.core.transcript_io import load_transcript
from viewer.core.warning_codes import WARNING_CODES, WARNING_MESSAGES

DAMAGED = DATA / "damaged" / "KLS-2025-Q1-damaged.txt"
WITH_WARNINGS = [
    DAMAGED,
    DATA / "en-zhhans-pairs" / "HPF_Q3_2023_interleaved.txt",
    DATA / "markdown" / "HPF_Q1_2024.md",
    DATA / "alphamemo" / "fixture__9999_2025Q4.txt",
    DATA / "earningscall" / "hpf-q2-2025-words.json",
]
"""Fixtures whose warnings cover fixed messages and messages built from values."""

FORWARD = "<forwarded>"


@dataclass
class WarnSite:
    where: str
    messages: set[str] | None  # every message it can give, None: built from values
    code: str | None  # the ``code=`` it passes
    value_names: set[str]  # the other keywords it passes
    forwards: bool  # passes a parameter on (a warn function, a lambda): checked where called


def _strings(node: ast.expr, constants: dict[str, str], params: set[str]) -> set[str] | None:
    """Every string ``node`` can be (literals, their ``+`` and ``a if c else b``, module
    constants), ``{FORWARD}`` for a parameter passed on, None when built from values."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.Name):
        if node.id in constants:
            return {constants[node.id]}
        return {FORWARD} if node.id in params else None
    if isinstance(node, ast.IfExp):
        a, b = _strings(node.body, constants, params), _strings(node.orelse, constants, params)
        return None if a is None or b is None else a | b
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = _strings(node.left, constants, params), _strings(node.right, constants, params)
        return None if a is None or b is None else {x + y for x in a for y in b}
    return None


def _params(fn: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> set[str]:
    a = fn.args
    names = [*a.posonlyargs, *a.args, *a.kwonlyargs, *filter(None, (a.vararg, a.kwarg))]
    return {x.arg for x in names}


def warn_sites() -> Iterator[WarnSite]:
    """Every ``warn(...)`` / ``x.warn(...)`` / ``ParseWarning(...)`` call in viewer/core."""
    for source in sorted((ROOT / "viewer" / "core").rglob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        constants = {
            t.id: n.value.value
            for n in tree.body
            if isinstance(n, ast.Assign)
            and isinstance(n.value, ast.Constant)
            and isinstance(n.value.value, str)
            for t in n.targets
            if isinstance(t, ast.Name)
        }
        yield from _visit(tree, constants, set(), source.relative_to(ROOT).as_posix())


def _visit(
    node: ast.AST, constants: dict[str, str], params: set[str], rel: str
) -> Iterator[WarnSite]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        params = params | _params(node)
    if isinstance(node, ast.Call):
        f = node.func
        message: ast.expr | None = None
        if (isinstance(f, ast.Name) and f.id == "warn") or (
            isinstance(f, ast.Attribute)
            and f.attr == "warn"
            and not (isinstance(f.value, ast.Name) and f.value.id == "warnings")
        ):
            message = node.args[-1] if node.args else None
        elif isinstance(f, ast.Name) and f.id == "ParseWarning":
            message = next((k.value for k in node.keywords if k.arg == "message"), None)
        call, positional_code = node, None
        if isinstance(message, ast.Call) and getattr(message.func, "id", "") == "WarningMessage":
            # through a callback taking a string: WarningMessage(text, code, **values)
            call, message, positional_code = message, message.args[0], message.args[1]
        if message is not None:
            kw = {k.arg: k.value for k in call.keywords}
            code = kw.get("code") or positional_code
            messages = _strings(message, constants, params)
            forwards = messages == {FORWARD}
            yield WarnSite(
                where=f"{rel}:{node.lineno}",
                messages=None if forwards else messages,
                code=code.value if isinstance(code, ast.Constant) else None,
                value_names={k for k in kw if k not in (None, "code", "line", "message")},
                forwards=forwards,
            )
    for child in ast.iter_child_nodes(node):
        yield from _visit(child, constants, params, rel)


def test_every_warn_site_has_a_code() -> None:
    """A fixed message is in WARNING_MESSAGES; a message built from values passes a known
    ``code=`` (or a ``WarningMessage`` its code) and exactly that code's values."""
    sites = list(warn_sites())
    assert len(sites) > 35  # the scan reached the readers
    used: set[str] = set()
    for site in sites:
        if site.messages is None and site.code is None:
            assert site.forwards, f"{site.where}: a message built from values needs code="
            continue
        if site.messages is not None:
            unknown = [m for m in site.messages if m not in WARNING_MESSAGES]
            assert unknown == [], f"{site.where}: add the fixed message to WARNING_MESSAGES"
            used.update(WARNING_MESSAGES[m] for m in site.messages)
        if site.code is not None:
            assert site.code in WARNING_CODES, site.where
            assert site.value_names == set(WARNING_CODES[site.code]), site.where
            used.add(site.code)
    assert used == set(WARNING_CODES)  # no code without a site (nor a site without a code)
    assert set(WARNING_MESSAGES.values()) <= set(WARNING_CODES)


def test_a_fixed_message_finds_its_code() -> None:
    w = ParseWarning(line=3, message="translation missing")
    assert w.code == "translation_missing" and w.args_map == {"message": "translation missing"}
    assert ParseWarning(line=None, message=NO_SPEAKERS_WARNING).code == "one_unnamed_speaker"
    assert ParseWarning(line=None, message="a reader's new words").code is None
    given = ParseWarning(
        line=None, message="2 x", code="stray_lines_total", values=(("count", "2"),)
    )
    assert given.code == "stray_lines_total" and given.args_map["count"] == "2"


def test_codes_and_values_stay_out_of_the_json(tmp_path: Path) -> None:
    """``--json`` (a machine format) keeps ``line`` and ``message`` only."""
    w = ParseWarning(line=None, message="2 x", code="stray_lines_total", values=(("count", "2"),))
    assert w.model_dump() == {"line": None, "message": "2 x"}
    for path in WITH_WARNINGS:
        doc = transcript_json(load_transcript(path))
        assert doc["warnings"], path
        assert all(set(w) == {"line", "message"} for w in doc["warnings"]), path
        json.dumps(doc)


def test_every_fixture_warning_has_a_code_and_its_values() -> None:
    codes: set[str] = set()
    for path in WITH_WARNINGS:
        for w in load_transcript(path).warnings:
            assert w.code in WARNING_CODES, (path.name, w.message)
            assert set(WARNING_CODES[w.code]) <= set(w.args_map), (path.name, w.code)
            codes.add(w.code)
    assert {"translation_missing", "header_without_repeat", "truncated_translation"} <= codes
    assert {"filename_period_differs", "pairs_without_translation", "analysts_named"} <= codes


def test_the_damaged_fixture_warns_at_its_lines() -> None:
    t = load_transcript(DAMAGED)
    lines = DAMAGED.read_text(encoding="utf-8").split("\n")
    by_code = {w.code: w.line for w in t.warnings}
    assert set(by_code) == {
        "header_without_repeat",
        "translation_missing",
        "stray_line_english",
        "orphan_zh_kept",
        "truncated_translation",
    }
    assert lines[by_code["header_without_repeat"] - 1].strip() == (
        "• Mira Okafor - Chief Executive Officer"
    )
    assert lines[by_code["stray_line_english"] - 1].startswith("Our partner channel")


def test_a_file_name_disagreement_passes_its_values_through_the_reader_kit() -> None:
    b = TranscriptBuilder("/d/ACME_Q3_2024.md", Layout.MARKDOWN)
    content = MetaHints(fiscal_year=2025, quarter=1, ticker="KLS")
    hints_with_filename(content, "/d/ACME_Q3_2024.md", b)
    got = {w.code: w.args_map for w in b.warnings}
    assert got["filename_period_differs"] == {
        "message": "the file name says Q3 2024 but the transcript says Q1 2025; "
        "the transcript's is kept",
        "file_quarter": "3",
        "file_year": "2024",
        "quarter": "1",
        "year": "2025",
    }
    assert got["filename_ticker_differs"]["file_ticker"] == "ACME"
    assert got["filename_ticker_differs"]["ticker"] == "KLS"
    b = TranscriptBuilder("/d/ACME_Q3_2024.md", Layout.MARKDOWN)
    hints_with_filename(MetaHints(call_date="2020-02-01"), "/d/ACME_Q3_2024.md", b)
    [w] = b.warnings
    assert w.code == "filename_period_unfit" and w.args_map["date"] == "2020-02-01"
