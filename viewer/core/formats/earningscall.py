"""EarningsCall API transcripts (JSON), at every level the API returns.

- ``{"text": "..."}``: the whole call as one blob (no speakers);
- ``{"event", "speakers": [{"speaker": "spk03", "text": "..."}]}``: turns by speaker id;
- ``{"event", "speakers": [{"speaker", "words": [...], "start_times": [...]}]}``: word
  timestamps (each paragraph gets the time of its first word);
- ``{"event", "prepared_remarks": "...", "questions_and_answers": "..."}``: the two sections
  as blobs (no speakers; the Q&A may be ``null``);
- ``"speaker_name_map_v2": {"spk03": {"name", "title"}}``: names and titles of the ids.

``event`` gives the fiscal year, quarter and ``conference_date``. Paragraphs are rebuilt from
the sentences of each blob. Speaker ids without a name are called ``Speaker 3``; an analyst the
operator introduces (``our next question is from Jane Roe with Big Bank``) is named from the
introduction, with a warning that the name was inferred.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

from viewer.core.errors import TranscriptError
from viewer.core.formats.builder import TranscriptBuilder
from viewer.core.formats.callmeta import (
    MetaHints,
    meta_from_filename,
    meta_from_text,
    reconcile_meta,
)
from viewer.core.formats.jsondoc import load_json
from viewer.core.formats.names import (
    OPERATOR,
    clean_name,
    is_operator,
    looks_like_name,
)
from viewer.core.formats.qastart import split_at_questions
from viewer.core.formats.script import call_vocabulary
from viewer.core.formats.speakerbook import SpeakerDraft, role_from_title
from viewer.core.formats.speakercues import (
    hands_over_question,
    operator_phrases,
    plausible_firm,
    trim_name,
)
from viewer.core.formats.textblocks import group_sentences, split_sentences
from viewer.core.lazy_re import lazy_compile
from viewer.core.models import Layout, Role, Transcript
from viewer.core.speakers import find_intros

NAME = "earningscall"

CancelCheck = Callable[[], bool]

_ID_RE = lazy_compile(r"^spk_?(\d+)$", re.I)
# The end of a word (split at single spaces) that ends a sentence: ``.!?``, closing quotes.
_SENT_MARK_RE = lazy_compile(r"[.!?][\"”’)]*(?= |\Z)")
# (?<!\s): a match starts only where a blank run does; a bare \s* first took quadratic time on
# a title of long blank runs (a fuzzed input: 4 s for 29 KB).
_ANALYST_WORD_RE = lazy_compile(r"(?<!\s)\s*\banalyst\b\s*", re.I)
_ABBREV_END_RE = lazy_compile(r"^(?:[A-Z]\.){1,3}$|^(?:Mr|Mrs|Ms|Dr|St|Inc|Co|Corp|Ltd|vs|No)\.$")


def score(text: str) -> float:
    """How well ``text`` fits this layout (see ``viewer.core.formats``)."""
    head = text[:4000]
    if not head.lstrip().startswith("{"):
        return 0.0
    if re.search(r'"(?:pairs|qa_section|transcript|meta)"\s*:', head):
        return 0.0
    strong = 0
    if re.search(r'"speakers"\s*:\s*\[\s*\{\s*"speaker"\s*:', head):
        strong += 1
    # The key's name first (a substring search), the pattern only where it is: the pattern
    # alone tries every quote of the document.
    tail = max(0, len(text) - 200000)
    if text.find('"speaker_name_map', tail) >= 0 and re.search(
        r'"speaker_name_map(?:_v2)?"\s*:', text[-200000:]
    ):
        strong += 1
    if (
        text.find('"questions_and_answers"', 0, 400000) >= 0
        or text.find('"prepared_remarks"', 0, 400000) >= 0
    ) and re.search(r'"(?:questions_and_answers|prepared_remarks)"\s*:', text[:400000]):
        strong += 1
    if re.search(r'"event"\s*:\s*\{[^{}]*"conference_date"', head):
        strong += 1
    if strong:
        return 0.95
    if (
        re.match(r'\s*\{\s*"text"\s*:\s*"', head)
        and not re.search(r'"\s*,\s*"[A-Za-z_]+"\s*:', text[-400:])
        and call_vocabulary(head) >= 4
    ):
        return 0.6  # a bare {"text": ...}: likely, but any API could send that
    return 0.0


def _doc(text: str, path: str) -> dict[str, Any]:
    try:
        doc: Any = load_json(text)
    except (ValueError, RecursionError) as exc:
        raise TranscriptError(path, f"invalid JSON ({exc})") from None
    if not isinstance(doc, dict):
        raise TranscriptError(path, "not an EarningsCall transcript (the JSON is not an object)")
    return doc


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _hints(doc: dict[str, Any], sample: str) -> MetaHints:
    event = doc.get("event") if isinstance(doc.get("event"), dict) else {}
    assert isinstance(event, dict)
    hints = MetaHints()
    year, quarter = event.get("year"), event.get("quarter")
    if isinstance(year, int) and not isinstance(year, bool) and 1900 <= year <= 2200:
        hints.fiscal_year = year
    if isinstance(quarter, int) and not isinstance(quarter, bool) and 1 <= quarter <= 4:
        hints.quarter = quarter
    date = _str(event.get("conference_date"))
    if date and re.match(r"^\d{4}-\d\d-\d\d", date):
        hints.call_date = date[:10]
    for key in ("symbol", "ticker"):
        t = _str(doc.get(key)) or _str(event.get(key))
        if t and re.fullmatch(r"[A-Za-z][A-Za-z0-9.]{0,6}", t):
            hints.ticker = t.upper()
    for key in ("company_name", "company", "name"):
        c = _str(doc.get(key)) or _str(event.get(key))
        if c:
            hints.company = c
            break
    return hints.fill(meta_from_text(sample))


def _blob_paragraphs(
    b: TranscriptBuilder, text: str, *, times: Sequence[float] | None = None
) -> None:
    """Paragraphs of one blob into the current turn (``times``: a start time per word)."""
    if times is None:
        for group_text in _grouped(split_sentences(text)):
            b.para(group_text, 1)
        return
    # Words are what ``text.split(" ")`` gives; only the words ending a sentence are visited
    # (found by one regex pass), each word's index counted from the spaces before it.
    n_words = text.count(" ") + 1
    sentences: list[tuple[int, str]] = []  # (first word index, sentence)
    start = start_pos = k = counted = 0
    rfind, count, abbrev = text.rfind, text.count, _ABBREV_END_RE.match
    for m in _SENT_MARK_RE.finditer(text):
        end = m.end()
        at = rfind(" ", 0, m.start()) + 1  # where the word ending here starts
        # Every abbreviation is at most six characters and ends in a full stop.
        if end - at <= 6 and text[end - 1] == "." and abbrev(text[at:end]):
            continue
        k += count(" ", counted, at)
        counted = at
        sentences.append((start, text[start_pos:end]))
        start, start_pos = k + 1, end + 1
    if start < n_words:
        sentences.append((start, text[start_pos:]))
    for group in group_sentences([s for _, s in sentences]):
        first_word = sentences[group[0]][0]
        time = times[first_word] if first_word < len(times) else None
        b.para(" ".join(sentences[k][1] for k in group), 1, time=time)


def _grouped(sentences: Sequence[str]) -> list[str]:
    return [" ".join(sentences[k] for k in g) for g in group_sentences(sentences)]


def _joined(words: Any) -> str | None:
    """The words of a non-empty list of strings joined by spaces; ``None`` for anything else."""
    if not isinstance(words, list) or not words:
        return None
    try:
        return " ".join(words)  # (raises on the first word that is not a string)
    except TypeError:
        return None


# The blanks other than the space that ``str.split()`` splits at in ASCII text.
_ASCII_BLANKS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"


def _plain(words: list[str], joined: str) -> bool:
    """Whether ``joined.split() == words`` (no word empty or holding a blank), without
    splitting the text into a second list of words: in ASCII text, its spaces are exactly the
    ones joining the words and no other blank is in it."""
    if not joined.isascii():
        return joined.split() == words
    return (
        joined.count(" ") == len(words) - 1
        and "  " not in joined
        and not joined.startswith(" ")
        and not joined.endswith(" ")
        and joined != ""
        and not any(c in joined for c in _ASCII_BLANKS)
    )


def _times(entry: dict[str, Any], n_words: int) -> list[float] | None:
    raw = entry.get("start_times")
    if not isinstance(raw, list) or len(raw) != n_words:
        return None
    # type() rather than isinstance(): bools are ints; map/set: this runs on every word.
    types = set(map(type, raw))
    if not types <= {float, int}:
        return None
    # (All floats, as nearly always: the list is used as it is, read only.)
    out: list[float] = raw if types == {float} else list(map(float, raw))
    # NaN or negative: no usable times. (A NaN makes the sum NaN: one C loop spares the
    # per-word test on nearly every file.)
    total = sum(out)
    if (total != total and any(map(math.isnan, out))) or (out and min(out) < 0):
        return None
    return out


def parse(
    text: str,
    path: str = "<text>",
    encoding: str = "utf-8",
    newline: str = "LF",
    cancel: CancelCheck | None = None,
) -> Transcript:
    """Parse an EarningsCall API transcript (any level)."""
    doc = _doc(text, path)
    b = TranscriptBuilder(path, Layout.EARNINGSCALL_JSON, encoding, newline, cancel)
    speakers = doc.get("speakers")
    detect_operator = False
    sample = ""
    if isinstance(speakers, list) and speakers:
        sample = _read_speakers(b, doc, speakers)
        detect_operator = True
    elif _str(doc.get("prepared_remarks")) or _str(doc.get("questions_and_answers")):
        unknown = b.unnamed_speaker()
        prepared, qa = _str(doc.get("prepared_remarks")), _str(doc.get("questions_and_answers"))
        sample = (prepared or qa or "")[:6000]
        if prepared:
            b.turn(unknown, 1, qa=False)
            _blob_paragraphs(b, prepared)
        if qa:
            b.turn(unknown, 1, qa=True)
            _blob_paragraphs(b, qa)
        else:
            b.warn(
                None, "the file has no question-and-answer text (questions_and_answers is empty)"
            )
    elif _str(doc.get("text")):
        blob = doc["text"]
        sample = blob[:6000]
        unknown = b.unnamed_speaker()
        sentences = split_sentences(blob)
        for part, is_qa in split_at_questions(sentences, sentences):
            b.turn(unknown, 1, qa=is_qa)
            for para in _grouped(part):
                b.para(para, 1)
    else:
        raise TranscriptError(
            path,
            'not an EarningsCall transcript (no "speakers", "text" or "prepared_remarks")',
        )
    b.check_cancel()
    hints = reconcile_meta(_hints(doc, sample), meta_from_filename(path), lambda m: b.warn(None, m))
    return b.build(hints, script=None, detect_operator=detect_operator)


def _read_speakers(b: TranscriptBuilder, doc: dict[str, Any], speakers: list[Any]) -> str:
    """Turns of the ``speakers`` list; returns the opening text (for metadata)."""
    names: dict[str, tuple[str, str | None]] = {}
    for key in ("speaker_name_map_v2", "speaker_name_map"):
        raw = doc.get(key)
        if not isinstance(raw, dict):
            continue
        for sid, info in raw.items():
            if isinstance(info, dict) and _str(info.get("name")):
                names.setdefault(str(sid), (clean_name(info["name"]), _str(info.get("title"))))
            elif _str(info):
                names.setdefault(str(sid), (clean_name(info), None))

    # Each entry: (speaker id, text, word times or None).
    entries: list[tuple[str, str, list[float] | None]] = []
    for k, e in enumerate(speakers):
        if not isinstance(e, dict):
            raise TranscriptError(b.path, f"speaker entry {k + 1} is not an object")
        sid = _str(e.get("speaker")) or "unknown"
        words = e.get("words")
        joined = _joined(words)
        if joined is not None:
            assert isinstance(words, list)
            # Words without blanks in or around them (nearly always): no per-word cleaning.
            clean = words if _plain(words, joined) else [w.strip() for w in words]
            body = joined if clean is words else " ".join(w for w in clean if w)
            # (Plain words are none of them empty.)
            times = _times(e, len(clean)) if clean is words or all(clean) else None
            if times is None and e.get("start_times") is not None:
                b.warn(
                    None,
                    f"speaker entry {k + 1}: word times do not match its words; ignored",
                    code="word_times_mismatch",
                    entry=k + 1,
                )
            entries.append((sid, body, times))
        elif _str(e.get("text")):
            entries.append((sid, e["text"].strip(), None))
    if not entries:
        raise TranscriptError(b.path, "the speakers list holds no text")

    # Who is the operator: the map says so, or the id using the operator's stock phrases.
    operator_ids = {sid for sid, (n, t) in names.items() if is_operator(n) or is_operator(t or "")}
    if not operator_ids:
        hits: dict[str, int] = {}
        for sid, body, _ in entries[:300]:  # the operator shows itself early
            if sid not in names:
                hits[sid] = hits.get(sid, 0) + operator_phrases(body[:1500])
        best = max(hits, key=lambda s: hits[s], default=None)
        if best is not None and hits[best] >= 2:
            operator_ids.add(best)

    # Analysts the operator introduces, for ids the map does not name.
    inferred: dict[str, tuple[str, str]] = {}
    for i in range(1, len(entries)):
        prev_sid, prev_body, _ = entries[i - 1]
        sid = entries[i][0]
        if prev_sid not in operator_ids or sid in operator_ids or sid in names or sid in inferred:
            continue
        tail = prev_body[-400:]
        if not hands_over_question(tail):
            continue
        intros = [
            x
            for x in find_intros(tail)
            if plausible_firm(x.firm) and looks_like_name(trim_name(x.name))
        ]
        if intros and not any(inferred.get(s, ("",))[0] == intros[-1].name for s in inferred):
            last = intros[-1]
            inferred[sid] = (trim_name(last.name), last.firm)
    if inferred:
        b.warn(
            None,
            f"{len(inferred)} analysts named from the operator's introductions "
            "(the file gives only speaker ids)",
            code="analysts_named",
            count=len(inferred),
        )

    drafts: dict[str, SpeakerDraft] = {}

    def draft(sid: str) -> SpeakerDraft:
        if sid in drafts:
            return drafts[sid]
        if sid in operator_ids and sid not in names:
            d = b.book.get(OPERATOR)
        elif sid in names:
            name, title = names[sid]
            role = role_from_title(title)
            firm = None
            if role is Role.ANALYST and title:
                firm = _ANALYST_WORD_RE.sub(" ", title).strip() or None
            d = b.book.get(name, title=title, role=role, firm=firm)
        elif sid in inferred:
            name, firm = inferred[sid]
            d = b.book.get(name, role=Role.ANALYST, firm=firm)
        else:
            m = _ID_RE.match(sid)
            d = b.book.get(f"Speaker {int(m.group(1))}" if m else sid)
        b.book.alias(d, sid)
        drafts[sid] = d
        return d

    if not names and not inferred:
        b.warn(None, "the file gives speaker ids, not names")
    for k, (sid, body, times) in enumerate(entries):
        if k % 200 == 0:
            b.check_cancel()
        b.turn(draft(sid), 1)
        _blob_paragraphs(b, body, times=times)
    return " ".join(body for _, body, _ in entries[:3])[:6000]
