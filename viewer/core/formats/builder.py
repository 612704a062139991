"""The one place a reader's findings become a ``Transcript``: :class:`TranscriptBuilder`.

A reader hands over its turns in one of two ways, by what its layout says of a speaker:

- **by speaker**: layouts that name each speaker the same way on every turn (StatementDog,
  the pairs, AlphaMemo, Markdown, EarningsCall, sentence per line). The reader finds the
  speaker in ``b.book`` (a :class:`~viewer.core.formats.speakerbook.SpeakerBook`) as it reads,
  then ``b.turn(speaker, line)`` and ``b.para(...)``; :func:`~viewer.core.formats.bookturns.
  decide_turns` settles the roles and the Q&A start.
- **by label**: the English layouts (Refinitiv, Seeking Alpha, Motley Fool), whose labels
  spell one person several ways and whose participant lists say who is who. The reader adds
  ``b.participants`` and ``b.add_turn(RawTurn(...))`` / ``b.add_paragraph(...)``;
  :func:`~viewer.core.formats.people.decide_people` resolves the people at the end.

Both ways share the rest: warnings, cancelling, the metadata (``b.hints``), the summary, and
the models built from what was decided.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from viewer.core.errors import LoadCancelled, TranscriptError
from viewer.core.formats.bookturns import DraftParagraph, DraftTurn, decide_turns
from viewer.core.formats.callmeta import MetaHints
from viewer.core.formats.names import UNKNOWN_SPEAKER
from viewer.core.formats.people import decide_people
from viewer.core.formats.rawturn import Participant, RawTurn
from viewer.core.formats.speakerbook import SpeakerBook, SpeakerDraft
from viewer.core.models import (
    CallMeta,
    Layout,
    ParseWarning,
    Script,
    Section,
    Speaker,
    Transcript,
)

CancelCheck = Callable[[], bool]

NO_SPEAKERS_WARNING = "the file names no speakers: the whole call is shown as one unnamed speaker"
"""The warning a reader adds when its file has no speaker labels at all (status bar text)."""

MAX_WARNINGS = 200  # a mangled file must not flood the status bar

__all__ = [
    "NO_SPEAKERS_WARNING",
    "CancelCheck",
    "DraftParagraph",
    "DraftTurn",
    "Participant",
    "RawTurn",
    "TranscriptBuilder",
]


class TranscriptBuilder:
    """Collects a reader's turns, paragraphs and metadata, then decides what they mean
    (:meth:`build`). By speaker::

        b = TranscriptBuilder(path, Layout.MARKDOWN, encoding, newline, cancel)
        b.turn(b.book.get("Jane Roe", title="CFO"), line=12)
        b.para("Thank you.", line=12)
        b.mark_qa()             # a Q&A heading: the next turn opens the questions
        return b.build(hints, script=None)

    By label::

        b = TranscriptBuilder(path, Layout.REFINITIV, encoding, newline, cancel, by_label=True)
        b.participants.append(Participant("Jane Roe", title="CFO"))
        b.add_turn(RawTurn("Jane E. Roe", line=40))
        b.add_paragraph("Thank you.", 41)
        b.hints.company = "Acme"
        return b.build()
    """

    def __init__(
        self,
        path: str,
        layout: Layout,
        encoding: str = "utf-8",
        newline: str = "LF",
        cancel: CancelCheck | None = None,
        *,
        by_label: bool = False,
    ) -> None:
        self.path = path
        self.by_label = by_label
        self.layout = layout
        self.encoding = encoding
        self.newline = newline
        self.cancel = cancel
        self.warnings: list[ParseWarning] = []
        self.hints = MetaHints()
        self.summary: list[str] = []
        # By speaker.
        self.book = SpeakerBook()
        self.turns: list[DraftTurn] = []
        self._qa_next = False
        self._qa_marked = False
        # By label.
        self.participants: list[Participant] = []
        self.raw_turns: list[RawTurn] = []

    # -- shared -------------------------------------------------------------------------------

    def warn(
        self, line: int | None, message: str, *, code: str | None = None, **values: object
    ) -> None:
        """Add a :class:`ParseWarning` (shown in the status bar and in ``--json``). A
        message built from values passes its ``code`` and the values by name
        (:data:`viewer.core.warning_codes.WARNING_CODES`); a fixed one needs neither."""
        if len(self.warnings) < MAX_WARNINGS:
            pairs = tuple((k, str(v)) for k, v in values.items())
            self.warnings.append(ParseWarning(line=line, message=message, code=code, values=pairs))

    def check_cancel(self) -> None:
        """Raise :class:`LoadCancelled` when the caller asked to stop."""
        if self.cancel is not None and self.cancel():
            raise LoadCancelled()

    def set_quarter(self, quarter: int | None, year: int | None) -> None:
        """Record the call's quarter and fiscal year where they are plausible."""
        if quarter is not None and 1 <= quarter <= 4:
            self.hints.quarter = quarter
        if year is not None and 1900 <= year <= 2100:
            self.hints.fiscal_year = year

    # -- by speaker ---------------------------------------------------------------------------

    def turn(self, speaker: SpeakerDraft, line: int, *, qa: bool | None = None) -> DraftTurn:
        """Start a turn of ``speaker`` at source ``line`` (``qa``: the section, when the file
        says it per turn)."""
        if self._qa_next:
            qa, self._qa_next = True, False
        t = DraftTurn(speaker, max(1, line), qa=qa)
        self.turns.append(t)
        return t

    def para(
        self,
        en: str,
        line: int,
        *,
        zh: str | None = None,
        zh_line: int | None = None,
        time: float | None = None,
    ) -> None:
        """Add a paragraph to the current turn (an ``Unknown speaker`` turn when none started:
        text before the first speaker)."""
        if not self.turns:
            self.turn(self.book.get(UNKNOWN_SPEAKER), line)
        if time is not None and (time != time or time < 0):  # NaN or negative: no time
            time = None
        self.turns[-1].paragraphs.append(
            DraftParagraph(
                en, max(1, line), zh, None if zh is None else max(1, zh_line or line), time
            )
        )

    def unnamed_speaker(self) -> SpeakerDraft:
        """The one speaker of a file that names none, said in a warning
        (:data:`NO_SPEAKERS_WARNING`)."""
        self.warn(None, NO_SPEAKERS_WARNING)
        return self.book.get(UNKNOWN_SPEAKER)

    def mark_qa(self) -> None:
        """A Q&A heading was seen: the next turn (and every later one) is Q&A."""
        self._qa_next = True
        self._qa_marked = True

    @property
    def qa_marked(self) -> bool:
        """Whether the file gave a Q&A heading."""
        return self._qa_marked

    # -- by label -----------------------------------------------------------------------------

    def add_turn(self, turn: RawTurn) -> RawTurn:
        """Start a turn under a raw label (resolved to a person by :meth:`build`)."""
        self.raw_turns.append(turn)
        return turn

    def add_paragraph(self, text: str, line: int) -> None:
        """A paragraph of the current labelled turn; text before any label gets an unknown
        speaker."""
        text = text.strip()
        if not text:
            return
        if not self.raw_turns:
            self.warn(line, "text before the first speaker label; attributed to an unknown speaker")
            self.raw_turns.append(RawTurn("Unknown speaker", line))
        self.raw_turns[-1].paragraphs.append((text, line))

    # -- building -----------------------------------------------------------------------------

    def build(
        self,
        hints: MetaHints | None = None,
        *,
        script: Script | None = None,
        summary: Sequence[str] | None = None,
        require_text: bool = True,
        detect_operator: bool = False,
    ) -> Transcript:
        """The :class:`Transcript` of what was collected (``hints``, ``summary``: instead of
        :attr:`hints` and :attr:`summary`). Roles and sections are decided by
        :func:`~viewer.core.formats.people.decide_people` when built ``by_label``, else by
        :func:`~viewer.core.formats.bookturns.decide_turns` (``detect_operator``: find the
        operator by its stock phrases when the file names nobody). Raises
        ``TranscriptError`` when there is no paragraph at all (by speaker: only with
        ``require_text``)."""
        hints = self.hints if hints is None else hints
        summary = self.summary if summary is None else summary
        if self.by_label:
            return self._build_labelled(hints, summary)
        self.check_cancel()
        turns, qa_start = decide_turns(
            self.book, self.turns, self.check_cancel, detect_operator=detect_operator
        )
        if require_text and not turns:
            raise TranscriptError(self.path, "no transcript text found")
        used = {id(t.speaker) for t in turns}
        rows = [
            (t.speaker.id, Section.QA if k >= qa_start else Section.PREPARED, t.line, t.paragraphs)
            for k, t in enumerate(turns)
        ]
        title = hints.title
        if not title and (hints.company or hints.ticker):
            # These layouts rarely carry a title line: name the call after its company.
            title = hints.company or hints.ticker
            if hints.quarter and hints.fiscal_year:
                title = f"{title} Q{hints.quarter} {hints.fiscal_year}"
        return self._assemble(
            hints,
            title,
            script,
            summary,
            [d.to_model() for d in self.book.drafts if id(d) in used],
            rows,
        )

    def _build_labelled(self, hints: MetaHints, summary: Sequence[str]) -> Transcript:
        turns = [t for t in self.raw_turns if t.paragraphs or t.name]
        if not any(t.paragraphs for t in turns):
            raise TranscriptError(self.path, "no speaker turns with text found")
        self.check_cancel()
        people, turn_people, qa_start = decide_people(self.participants, turns, self.check_cancel)
        rows = []
        for k, (t, p) in enumerate(zip(turns, turn_people, strict=True)):
            if not t.paragraphs:
                self.warn(t.line, "speaker label without any text")
            section = Section.QA if qa_start is not None and k >= qa_start else Section.PREPARED
            paras = [DraftParagraph(text, line) for text, line in t.paragraphs]
            rows.append((p.info.id, section, t.line, paras))
        used = {p.info.id for p in turn_people}
        speakers = [p.to_model() for p in people if p.info.id in used]
        return self._assemble(hints, hints.title, None, summary, speakers, rows)

    def _assemble(
        self,
        hints: MetaHints,
        title: str | None,
        script: Script | None,
        summary: Iterable[str],
        speakers: list[Speaker],
        rows: list[tuple[str, Section, int, list[DraftParagraph]]],
    ) -> Transcript:
        """The models: turns of ``(speaker id, section, line, paragraphs)`` rows, paragraphs
        numbered through the call."""
        # Plain dicts validated once with the Transcript (one pass in pydantic's core): a model
        # constructed per paragraph cost a third more, for the same validated result.
        models: list[dict[str, object]] = []
        index = 0
        for ti, (speaker_id, section, line, paragraphs) in enumerate(rows):
            # (A comprehension: the loop runs once per paragraph of the call.)
            paras = [
                {
                    "index": k,
                    "en": p.en,
                    "zh": p.zh,
                    "line": p.line,
                    "zh_line": p.zh_line,
                    "time": p.time,
                }
                for k, p in enumerate(paragraphs, index)
            ]
            index += len(paras)
            models.append(
                {
                    "index": ti,
                    "speaker_id": speaker_id,
                    "section": section,
                    "line": line,
                    "paragraphs": paras,
                }
            )
        meta = CallMeta(
            company=hints.company,
            ticker=hints.ticker,
            fiscal_year=hints.fiscal_year,
            quarter=hints.quarter if hints.quarter in (1, 2, 3, 4) else None,
            title=title,
            layout=self.layout,
            script=script,
            call_date=hints.call_date,
            encoding=self.encoding,
            newline=self.newline,
        )
        return Transcript.model_validate(
            {
                "meta": meta,
                "summary": tuple(summary),
                "speakers": tuple(speakers),
                "turns": models,
                "warnings": tuple(self.warnings),
            }
        )
