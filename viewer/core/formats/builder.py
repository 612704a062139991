"""From draft turns to a ``Transcript``: DraftTurn, TranscriptBuilder, operator/intro cues."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from viewer.core.errors import LoadCancelled, TranscriptError
from viewer.core.formats.callmeta import MetaHints
from viewer.core.formats.names import (
    UNKNOWN_SPEAKER,
    is_placeholder,
    name_tokens,
)
from viewer.core.formats.qastart import find_qa_start
from viewer.core.formats.speakerbook import SpeakerBook, SpeakerDraft
from viewer.core.formats.speakercues import (
    INTRO_CONTEXT_RE,
    OPERATOR_TEXT_RE,
    matching_suffix,
    plausible_firm,
)
from viewer.core.models import (
    CallMeta,
    Layout,
    Paragraph,
    ParseWarning,
    Role,
    Script,
    Section,
    Transcript,
    Turn,
)
from viewer.core.speakers import SpeakerInfo as _SpeakerInfo
from viewer.core.speakers import (
    find_intros,
    find_short_name_aliases,
)

CancelCheck = Callable[[], bool]

# ---------------------------------------------------------------------------------------------
# Turns and the transcript
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class DraftParagraph:
    en: str
    line: int
    zh: str | None = None
    zh_line: int | None = None
    time: float | None = None


@dataclass(slots=True)
class DraftTurn:
    speaker: SpeakerDraft
    line: int
    paragraphs: list[DraftParagraph] = field(default_factory=list)
    qa: bool | None = None  # True/False when the file says the section; None: decide

    @property
    def text(self) -> str:
        return " ".join(p.en for p in self.paragraphs)


class TranscriptBuilder:
    """Collects a reader's turns and paragraphs, then decides what they mean (:meth:`build`).

    Typical use::

        b = TranscriptBuilder(path, Layout.MARKDOWN, encoding, newline, cancel)
        sp = b.book.get("Jane Roe", title="CFO")
        b.turn(sp, line=12)
        b.para("Thank you.", line=12)
        b.mark_qa()             # a Q&A heading: the next turn opens the questions
        ...
        return b.build(hints, script=None)
    """

    def __init__(
        self,
        path: str,
        layout: Layout,
        encoding: str = "utf-8",
        newline: str = "LF",
        cancel: CancelCheck | None = None,
    ) -> None:
        self.path = path
        self.layout = layout
        self.encoding = encoding
        self.newline = newline
        self.cancel = cancel
        self.book = SpeakerBook()
        self.turns: list[DraftTurn] = []
        self.warnings: list[ParseWarning] = []
        self._qa_next = False
        self._qa_marked = False

    # -- collecting ---------------------------------------------------------------------------

    def warn(self, line: int | None, message: str) -> None:
        """Add a :class:`ParseWarning` (shown in the status bar and in ``--json``)."""
        self.warnings.append(ParseWarning(line=line, message=message))

    def check_cancel(self) -> None:
        """Raise :class:`LoadCancelled` when the caller asked to stop."""
        if self.cancel is not None and self.cancel():
            raise LoadCancelled()

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

    def mark_qa(self) -> None:
        """A Q&A heading was seen: the next turn (and every later one) is Q&A."""
        self._qa_next = True
        self._qa_marked = True

    @property
    def qa_marked(self) -> bool:
        """Whether the file gave a Q&A heading."""
        return self._qa_marked

    # -- deciding -----------------------------------------------------------------------------

    def _merge_turns(self) -> list[DraftTurn]:
        out: list[DraftTurn] = []
        for t in self.turns:
            if not t.paragraphs:
                continue
            prev = out[-1] if out else None
            if prev is not None and prev.speaker is t.speaker and prev.qa == t.qa:
                # The same speaker again with nothing between: one turn (a repeated header).
                prev.paragraphs.extend(t.paragraphs)
                continue
            out.append(t)
        return out

    def _detect_operator(self, turns: list[DraftTurn]) -> None:
        if any(d.role is Role.OPERATOR for d in self.book.drafts):
            return
        hits: dict[int, int] = {}
        for t in turns:
            if t.speaker.explicit_role and t.speaker.role is not None:
                continue
            if OPERATOR_TEXT_RE.search(t.text[:2000]):
                hits[id(t.speaker)] = hits.get(id(t.speaker), 0) + 1
        if not hits:
            return
        best = max(hits, key=lambda k: hits[k])
        if hits[best] >= 2:
            for d in self.book.drafts:
                if id(d) == best:
                    d.role = Role.OPERATOR

    def _attribute_intros(self, turns: list[DraftTurn]) -> None:
        """Analysts and their firms from the introduction just before their turn (``our next
        question comes from Jane Roe with Big Bank``, ``Adam at Morgan Stanley``)."""
        done: set[str] = set()
        for i in range(1, len(turns)):
            sp = turns[i].speaker
            if sp.role in (Role.OPERATOR, Role.COMPANY) and sp.explicit_role:
                continue
            prev = turns[i - 1]
            if prev.speaker is sp or not prev.paragraphs:
                continue
            intro_text = prev.paragraphs[-1].en[-600:]
            if sp.role is Role.ANALYST and sp.firm and sp.id in done:
                continue  # firm known and this introduction already read
            # The introduction must name the speaker (any part of the name): a cheap test
            # that spares the intro patterns on nearly every turn.
            low = intro_text.casefold()
            parts = {t for n in (sp.name, *sp.aliases) for t in name_tokens(n) if len(t) > 2}
            if not any(t in low for t in parts):
                continue
            # Only a question being handed over introduces an analyst; "over to Kevan Parekh,
            # CFO" in the remarks introduces a colleague.
            if not INTRO_CONTEXT_RE.search(intro_text):
                continue
            done.add(sp.id)
            for intro in find_intros(intro_text):
                if not plausible_firm(intro.firm):
                    continue
                cand = matching_suffix(intro.name, sp)
                if cand is None:
                    continue
                if sp.role is None or sp.role is Role.ANALYST:
                    sp.role = Role.ANALYST
                    if not sp.firm:
                        sp.firm = intro.firm
                if cand.casefold() != sp.name.casefold() and len(cand.split()) > 1:
                    self.book.alias(sp, cand)
                break

    def build(
        self,
        hints: MetaHints,
        *,
        script: Script | None,
        summary: Sequence[str] = (),
        require_text: bool = True,
        detect_operator: bool = False,
    ) -> Transcript:
        """The :class:`Transcript`: roles decided (file's word, operator by name or by its
        stock phrases, analysts from introductions, the rest company), sections (the Q&A
        heading, else :func:`find_qa_start`), aliases, indexes. ``detect_operator``: find the
        operator by its stock phrases when the file names nobody (speaker ids only). Raises ``TranscriptError`` when
        there is no paragraph at all and ``require_text``."""
        self.check_cancel()
        turns = self._merge_turns()
        if require_text and not turns:
            raise TranscriptError(self.path, "no transcript text found")
        if detect_operator:
            # Speakers known only by an id ("spk03"): the one using the operator's stock
            # phrases is the operator.
            self._detect_operator(turns)
        self._attribute_intros(turns)
        self.check_cancel()

        # Sections.
        marked = next((i for i, t in enumerate(turns) if t.qa), None)
        if marked is not None or any(t.qa is False for t in turns):
            qa_start = marked if marked is not None else len(turns)
        else:
            roles = [t.speaker.role for t in turns]
            found = find_qa_start(roles, [t.text for t in turns])
            qa_start = len(turns) if found is None else found

        # Whoever is still unknown: an analyst if they speak right after the operator in the
        # Q&A (announced without a firm), else company.
        prepared_speakers = {id(t.speaker) for t in turns[:qa_start]}
        for i, t in enumerate(turns):
            sp = t.speaker
            if (
                sp.role is None
                and id(sp) not in prepared_speakers
                and i >= qa_start
                and i > 0
                and turns[i - 1].speaker.role is Role.OPERATOR
            ):
                sp.role = Role.ANALYST
        for d in self.book.drafts:
            if d.role is None:
                d.role = Role.COMPANY

        # Company people called by a short first name (Mike for Michael) in the remarks.
        prepared = [p.en for t in turns[:qa_start] for p in t.paragraphs]
        for d in self.book.drafts:
            if d.role is Role.COMPANY and not is_placeholder(d.name):
                info = _SpeakerInfo(d.id, d.name, d.title, Role.COMPANY, d.firm, list(d.aliases))
                find_short_name_aliases(info, prepared)
                for a in info.aliases:
                    d.add_alias(a)

        used = {id(t.speaker) for t in turns}
        models: list[Turn] = []
        index = 0
        for ti, t in enumerate(turns):
            paras = []
            for p in t.paragraphs:
                paras.append(
                    Paragraph(
                        index=index, en=p.en, zh=p.zh, line=p.line, zh_line=p.zh_line, time=p.time
                    )
                )
                index += 1
            models.append(
                Turn(
                    index=ti,
                    speaker_id=t.speaker.id,
                    section=Section.QA if ti >= qa_start else Section.PREPARED,
                    line=t.line,
                    paragraphs=tuple(paras),
                )
            )
        title = hints.title
        if not title and (hints.company or hints.ticker):
            title = hints.company or hints.ticker
            if hints.quarter and hints.fiscal_year:
                title = f"{title} Q{hints.quarter} {hints.fiscal_year}"
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
        return Transcript(
            meta=meta,
            summary=tuple(summary),
            speakers=tuple(d.to_model() for d in self.book.drafts if id(d) in used),
            turns=tuple(models),
            warnings=tuple(self.warnings),
        )


NO_SPEAKERS_WARNING = "the file names no speakers: the whole call is shown as one unnamed speaker"
"""The warning a reader adds when its file has no speaker labels at all (status bar text)."""
