"""StatementDog pairs read as speakers and turns: headers, analysts' firms, Q&A, metadata."""

from __future__ import annotations

import re
from collections.abc import Callable

from viewer.core.errors import TranscriptError
from viewer.core.formats.statementdog_pairing import Warn, _Pair
from viewer.core.models import (
    CallMeta,
    Layout,
    ParseWarning,
    Role,
    Script,
    Section,
    Transcript,
)
from viewer.core.speakers import (
    OPERATOR,
    Header,
    IdAllocator,
    SpeakerInfo,
    attribute_intro,
    find_short_name_aliases_all,
    parse_header,
    role_for,
    slug,
)


def build_transcript(
    pairs: list[_Pair],
    layout: Layout,
    tm: re.Match[str] | None,
    title: str | None,
    summary: list[str],
    *,
    path: str,
    encoding: str,
    newline: str,
    warnings: list[ParseWarning],
    warn: Warn,
    check_cancel: Callable[[], None],
) -> Transcript:
    """The transcript of ``pairs``; ``warn`` appends to ``warnings``, which it carries."""
    speakers: dict[str, SpeakerInfo] = {}
    ids = IdAllocator()
    # (speaker key, header line, [pairs])
    raw_turns: list[tuple[str, int, list[_Pair]]] = []

    def speaker_key(h: Header) -> str:
        key = h.name.casefold()
        if key not in speakers:
            sid = ids.take("operator" if h.name == OPERATOR else slug(h.name))
            speakers[key] = SpeakerInfo(sid, h.name, h.title, role_for(h))
        return key

    for p in pairs:
        header = parse_header(p.en)
        # A header's second line repeats it; some copies translate the title part
        # ("Ann Lee - 執行長"), which still starts with the name. Body text never does.
        # A repeated line that is a strict start of the header was cut short (a file cut
        # inside it): still the header, but say so rather than read it as a paragraph.
        cut_repeat = (
            header is not None
            and p.zh is not None
            and bool(p.zh.strip())
            and p.zh.strip() != p.en.strip()
            and p.en.strip().startswith(p.zh.strip())
        )
        if header is not None and not (
            p.zh is None
            or cut_repeat
            or p.zh.strip() == p.en.strip()
            or header.name == OPERATOR
            or p.zh.strip().startswith(header.name + " ")
        ):
            header = None
        if header is not None:
            if p.zh is None:
                warn(p.line, "speaker header without its repeated line")
            elif cut_repeat:
                warn(
                    p.zh_line,
                    "speaker header's repeated line is incomplete: the file looks truncated",
                )
            raw_turns.append((speaker_key(header), p.line, []))
            continue
        if not raw_turns:
            warn(p.line, "text before the first speaker header; attributed to an unknown speaker")
            raw_turns.append((speaker_key(Header("Unknown speaker", None)), p.line, []))
        raw_turns[-1][2].append(p)

    if not raw_turns or not any(t[2] for t in raw_turns):
        raise TranscriptError(
            path, "unrecognised transcript layout (no speaker and paragraph pairs found)"
        )
    check_cancel()

    by_key = speakers
    turn_speakers = [by_key[k] for k, _, _ in raw_turns]

    # Analysts: firm and alias from the operator's introduction just before the turn.
    seen_analyst: set[str] = set()
    for t, sp in enumerate(turn_speakers):
        if sp.role is not Role.ANALYST or t == 0 or (sp.id in seen_analyst and sp.firm):
            continue
        prev = turn_speakers[t - 1]
        if prev.role is Role.OPERATOR and raw_turns[t - 1][2]:
            attribute_intro(sp, raw_turns[t - 1][2][-1].en)
        seen_analyst.add(sp.id)

    # Sections: Q&A opens at the operator turn(s) just before the first analyst turn.
    first_analyst = next((t for t, sp in enumerate(turn_speakers) if sp.role is Role.ANALYST), None)
    qa_start = len(raw_turns)
    if first_analyst is not None:
        qa_start = first_analyst
        while (
            qa_start > 0
            and turn_speakers[qa_start - 1].role is Role.OPERATOR
            and any(sp.role is Role.COMPANY for sp in turn_speakers[: qa_start - 1])
        ):
            qa_start -= 1

    # Company people called by a short first name in the prepared remarks.
    prepared_texts = [p.en for k, _, ps in raw_turns[:qa_start] for p in ps]
    company = [sp for sp in speakers.values() if sp.role is Role.COMPANY]
    find_short_name_aliases_all(company, prepared_texts)

    # Plain dicts validated once with the Transcript (a model per paragraph cost a third more).
    turns: list[dict[str, object]] = []
    index = 0
    for t, (key, line, ps) in enumerate(raw_turns):
        if not ps:
            warn(line, "speaker header without any text")
        paras = []
        for p in ps:
            paras.append(
                {"index": index, "en": p.en, "zh": p.zh, "line": p.line, "zh_line": p.zh_line}
            )
            index += 1
        turns.append(
            {
                "index": t,
                "speaker_id": by_key[key].id,
                "section": Section.QA if t >= qa_start else Section.PREPARED,
                "line": line,
                "paragraphs": paras,
            }
        )

    meta = CallMeta(
        company=tm.group("company").strip() if tm else None,
        ticker=tm.group("ticker") if tm else None,
        fiscal_year=int(tm.group("year")) if tm else None,
        quarter=int(tm.group("quarter")) if tm else None,
        title=title,
        layout=layout,
        script=Script.HANT,
        encoding=encoding,
        newline=newline,
    )
    return Transcript.model_validate(
        {
            "meta": meta,
            "summary": tuple(summary),
            "speakers": [
                {
                    "id": s.id,
                    "name": s.name,
                    "aliases": tuple(s.aliases),
                    "title": s.title,
                    "role": s.role,
                    "firm": s.firm,
                }
                for s in speakers.values()
            ],
            "turns": turns,
            "warnings": tuple(warnings),
        }
    )
