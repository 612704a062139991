"""The core's parse warnings in the interface language.

A :class:`~viewer.core.models.ParseWarning` keeps its English ``message`` (the CLI's
``--json``) and carries a stable ``code`` and its values (``args_map``); here every code of
:data:`viewer.core.warning_codes.WARNING_CODES` has a ``tr()`` template (``%1``, ``%2`` in the
order the table names the values), whose English source says exactly what the core's message
says. Every place that shows a warning uses :func:`warning_text`; a warning without a known
code (or without its values) shows its English message as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from viewer.core.models import ParseWarning
from viewer.core.warning_codes import WARNING_CODES
from viewer.qt import i18n
from viewer.qt.labels import fill

translate = QCoreApplication.translate


def _templates() -> dict[str, str]:
    """Every code's template in the interface language (literals, for lupdate)."""
    return {
        "truncated_character": translate(
            "WarningText", "the file ends in the middle of a character: it looks truncated"
        ),
        "bytes_replaced": translate("WarningText", "invalid bytes were replaced by U+FFFD"),
        "truncated_line": translate(
            "WarningText", "the file ends inside a line that ends no sentence: it looks truncated"
        ),
        "truncated_header": translate(
            "WarningText", "the file ends inside a speaker header: it looks truncated"
        ),
        "unclosed_bold": translate(
            "WarningText", "a bold line that does not close is not a speaker header: read as text"
        ),
        "one_unnamed_speaker": translate(
            "WarningText",
            "the file names no speakers: the whole call is shown as one unnamed speaker",
        ),
        "no_speaker_labels": translate(
            "WarningText", "no speaker labels found: the call is shown as one unknown speaker"
        ),
        "speaker_ids_only": translate("WarningText", "the file gives speaker ids, not names"),
        "text_before_speaker": translate(
            "WarningText", "text before the first speaker; attributed to an unknown speaker"
        ),
        "text_before_speaker_label": translate(
            "WarningText", "text before the first speaker label; attributed to an unknown speaker"
        ),
        "text_before_speaker_header": translate(
            "WarningText",
            "text before the first speaker header; attributed to an unknown speaker",
        ),
        "speaker_label_without_text": translate("WarningText", "speaker label without any text"),
        "speaker_header_without_text": translate("WarningText", "speaker header without any text"),
        "block_without_speaker": translate(
            "WarningText", "text block without a speaker line; kept with the turn above"
        ),
        "analysts_named": translate(
            "WarningText",
            "%1 analysts named from the operator's introductions (the file gives only speaker ids)",
        ),
        "word_times_mismatch": translate(
            "WarningText", "speaker entry %1: word times do not match its words; ignored"
        ),
        "no_qa_text": translate(
            "WarningText",
            "the file has no question-and-answer text (questions_and_answers is empty)",
        ),
        "header_without_repeat": translate(
            "WarningText", "speaker header without its repeated line"
        ),
        "header_repeat_truncated": translate(
            "WarningText", "speaker header's repeated line is incomplete: the file looks truncated"
        ),
        "header_without_bullet": translate("WarningText", "speaker header without its bullet line"),
        "truncated_indentation": translate(
            "WarningText", "the file ends inside a line's indentation: it looks truncated"
        ),
        "truncated_bullet": translate(
            "WarningText", "the file ends in an empty bullet line: it looks truncated"
        ),
        "truncated_translation": translate(
            "WarningText", "the file ends before this paragraph's translation: it looks truncated"
        ),
        "translation_missing": translate("WarningText", "translation missing"),
        "stray_line_translation": translate(
            "WarningText", "line without bullet or indentation; read as a translation"
        ),
        "stray_line_english": translate(
            "WarningText", "line without bullet or indentation; read as an English paragraph"
        ),
        "stray_lines_total": translate(
            "WarningText", "%1 lines without bullet or indentation in all"
        ),
        "orphan_zh_kept": translate(
            "WarningText",
            "Chinese line without an English paragraph; kept with the paragraph above",
        ),
        "orphan_zh_ignored": translate(
            "WarningText", "Chinese line without an English paragraph; ignored"
        ),
        "orphan_zh_total": translate(
            "WarningText", "%1 Chinese lines without an English paragraph in all"
        ),
        "no_fulltext_heading": translate("WarningText", "no %1 heading before the transcript body"),
        "lines_outside_pairs": translate(
            "WarningText",
            "%1 lines outside any [EN] / [中] pair (kept with the pair above them)",
        ),
        "translations_echo_english": translate(
            "WarningText",
            "%1 translations repeat the English original after the Chinese; "
            "the repeat is left out of the Chinese",
        ),
        "chinese_holds_english": translate(
            "WarningText",
            "%1 Chinese fields hold English only (kept as written; they are not translations)",
        ),
        "pairs_without_translation": translate(
            "WarningText", "%1 pairs have no translation (empty Chinese)"
        ),
        "english_without_chinese": translate(
            "WarningText", "%1 English paragraphs have no Chinese line"
        ),
        "chinese_without_english": translate(
            "WarningText", "%1 Chinese lines without an English line before them"
        ),
        "filename_period_differs": translate(
            "WarningText",
            "the file name says Q%1 %2 but the transcript says Q%3 %4; the transcript's is kept",
            "%1 %2: the file name's quarter and year; %3 %4: the transcript's",
        ),
        "filename_period_unfit": translate(
            "WarningText",
            "the file name says Q%1 %2, which does not fit a call on %3; "
            "the period is left unknown",
            "%1 %2: the file name's quarter and year; %3: the call's date",
        ),
        "filename_ticker_differs": translate(
            "WarningText",
            "the file name says %1 but the transcript says %2; the transcript's is kept",
            "%1: the file name's ticker; %2: the transcript's",
        ),
    }


templates = i18n.per_language(_templates)
"""The templates by code, made once per language switch."""


def warning_text(warning: ParseWarning) -> str:
    """``warning``'s message in the interface language (its English message where its code
    or values are unknown: a reader's new warning is shown, never a bare ``%1``)."""
    code = warning.code or ""
    values = warning.args_map
    if i18n.current_language() != "en" and "date" in values:
        values["date"] = i18n.format_date(values["date"])  # the English keeps the ISO date
    text = fill(templates().get(code), WARNING_CODES.get(code), values)
    return warning.message if text is None else text
