"""Stable codes of the parse warnings, so an interface can say them in the user's language.

A :class:`~viewer.core.models.ParseWarning`'s ``message`` stays English (the CLI's
``--json``, the logs). Its ``code`` (a key of :data:`WARNING_CODES`) and ``args_map`` (its
values by name) let ``viewer.qt.warning_text`` show a translated template instead. A warning
with a fixed message needs no code at its warn site: :data:`WARNING_MESSAGES` names it (the
same way :data:`viewer.core.errors.REASON_CODES` names fixed error reasons); a message built
from values passes ``code=`` and the values (``b.warn(None, f"{n} ...", code="...", count=n)``),
or, through a callback that takes only a string, a :class:`WarningMessage`.
"""

from __future__ import annotations

from typing import Final

WARNING_CODES: Final[dict[str, tuple[str, ...]]] = {
    # the decoding (transcript_io)
    "truncated_character": (),
    "bytes_replaced": (),
    "truncated_line": (),
    "truncated_header": (),
    "unclosed_bold": (),
    # speakers and turns (every reader)
    "one_unnamed_speaker": (),
    "no_speaker_labels": (),
    "speaker_ids_only": (),
    "text_before_speaker": (),
    "text_before_speaker_label": (),
    "text_before_speaker_header": (),
    "speaker_label_without_text": (),
    "speaker_header_without_text": (),
    "block_without_speaker": (),
    "analysts_named": ("count",),
    "word_times_mismatch": ("entry",),
    "no_qa_text": (),
    # StatementDog
    "header_without_repeat": (),
    "header_repeat_truncated": (),
    "header_without_bullet": (),
    "truncated_indentation": (),
    "truncated_bullet": (),
    "truncated_translation": (),
    "translation_missing": (),
    "stray_line_translation": (),
    "stray_line_english": (),
    "stray_lines_total": ("count",),
    "orphan_zh_kept": (),
    "orphan_zh_ignored": (),
    "orphan_zh_total": ("count",),
    "no_fulltext_heading": ("heading",),
    # bilingual pairs and memos
    "lines_outside_pairs": ("count",),
    "translations_echo_english": ("count",),
    "chinese_holds_english": ("count",),
    "pairs_without_translation": ("count",),
    "english_without_chinese": ("count",),
    "chinese_without_english": ("count",),
    # the file name against the text (callmeta.reconcile_meta)
    "filename_period_differs": ("file_quarter", "file_year", "quarter", "year"),
    "filename_period_unfit": ("file_quarter", "file_year", "date"),
    "filename_ticker_differs": ("file_ticker", "ticker"),
}
"""Every warning code and the names of its values (in the order a message template numbers
them ``%1``, ``%2``...). An interface has one template per code."""

WARNING_MESSAGES: Final[dict[str, str]] = {
    "the file ends in the middle of a character: it looks truncated": "truncated_character",
    "invalid bytes were replaced by U+FFFD": "bytes_replaced",
    "the file ends inside a line that ends no sentence: it looks truncated": "truncated_line",
    "the file ends inside a speaker header: it looks truncated": "truncated_header",
    "a bold line that does not close is not a speaker header: read as text": "unclosed_bold",
    "the file names no speakers: the whole call is shown as one unnamed speaker": "one_unnamed_speaker",
    "no speaker labels found: the call is shown as one unknown speaker": "no_speaker_labels",
    "the file gives speaker ids, not names": "speaker_ids_only",
    "text before the first speaker; attributed to an unknown speaker": "text_before_speaker",
    "text before the first speaker label; attributed to an unknown speaker": (
        "text_before_speaker_label"
    ),
    "text before the first speaker header; attributed to an unknown speaker": (
        "text_before_speaker_header"
    ),
    "speaker label without any text": "speaker_label_without_text",
    "speaker header without any text": "speaker_header_without_text",
    "text block without a speaker line; kept with the turn above": "block_without_speaker",
    "the file has no question-and-answer text (questions_and_answers is empty)": "no_qa_text",
    "speaker header without its repeated line": "header_without_repeat",
    "speaker header's repeated line is incomplete: the file looks truncated": (
        "header_repeat_truncated"
    ),
    "speaker header without its bullet line": "header_without_bullet",
    "the file ends inside a line's indentation: it looks truncated": "truncated_indentation",
    "the file ends in an empty bullet line: it looks truncated": "truncated_bullet",
    "the file ends before this paragraph's translation: it looks truncated": (
        "truncated_translation"
    ),
    "translation missing": "translation_missing",
    "line without bullet or indentation; read as a translation": "stray_line_translation",
    "line without bullet or indentation; read as an English paragraph": "stray_line_english",
    "Chinese line without an English paragraph; kept with the paragraph above": "orphan_zh_kept",
    "Chinese line without an English paragraph; ignored": "orphan_zh_ignored",
}
"""Fixed warning messages (the whole message, exactly) and their codes: warn sites with one
of these need no ``code=``."""


def warning_code(message: str, code: str | None = None) -> str | None:
    """``code`` if given, else the fixed ``message``'s code (:data:`WARNING_MESSAGES`), else
    ``None`` (an interface shows the English message as it is)."""
    return code if code is not None else WARNING_MESSAGES.get(message)


class WarningMessage(str):
    """An English warning message that carries its code and values through a callback taking
    only a string (``reconcile_meta``'s ``warn``: every ``lambda msg: b.warn(None, msg)`` and
    ``list.append`` keeps working). It equals its plain text; a ``ParseWarning`` made from it
    takes its code and values and keeps a plain ``str``."""

    code: str
    values: tuple[tuple[str, str], ...]

    def __new__(cls, text: str, code: str, **values: object) -> WarningMessage:
        self = super().__new__(cls, text)
        self.code = code
        self.values = tuple((k, str(v)) for k, v in values.items())
        return self
