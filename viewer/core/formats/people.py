"""Who speaks in a call whose reader hands over raw labels (the English layouts).

The Refinitiv, Seeking Alpha and Motley Fool readers only cut their text into raw turns (a
speaker label, what the file says about that speaker, the paragraphs) and participant lists
(:mod:`~viewer.core.formats.rawturn`). :func:`decide_people` then does what these layouts have
in common: one speaker per person whatever spelling a turn uses (``Amy E. Hood`` / ``Amy
Hood``, ``Ron`` / ``Ronald``), roles (from the participant lists, the titles, or where a person
first speaks), analysts' firms from the operator's introductions, and where the Q&A starts when
no heading says so. :class:`~viewer.core.formats.builder.TranscriptBuilder` calls it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from viewer.core.formats.personnames import (
    clean_name,
    first_name_intro,
    introduces,
    is_operator,
    is_placeholder,
    names_match,
)
from viewer.core.formats.rawturn import Participant, RawTurn
from viewer.core.formats.speakercues import (
    ANALYST_RE,
    ASKS_RE,
    FLOOR_OPEN_RE,
    HANDOVER_RE,
    QUESTION_CUE_RE,
    SENTENCE_SPLIT_RE,
)
from viewer.core.models import Role, Speaker
from viewer.core.speakers import SpeakerInfo, attribute_intro, slug


@dataclass(slots=True)
class Person:
    """A speaker being decided: what is known of them, whether a participant list named
    them, and whether their role is settled."""

    info: SpeakerInfo
    listed: bool = False
    role_known: bool = False

    def to_model(self) -> Speaker:
        """The speaker as the transcript keeps it."""
        i = self.info
        return Speaker(
            id=i.id, name=i.name, aliases=tuple(i.aliases), title=i.title, role=i.role, firm=i.firm
        )


def decide_people(
    participants: list[Participant], turns: list[RawTurn], check_cancel: Callable[[], None]
) -> tuple[list[Person], list[Person], int | None]:
    """Everyone (in order of first mention), the person of each turn, and the turn the Q&A
    starts at (``None``: no Q&A found)."""
    people, turn_people = _resolve(participants, turns)
    check_cancel()
    _operators_by_behaviour(turns, turn_people)
    qa_start = _qa_start(turns, turn_people)
    _infer_roles(turns, turn_people, qa_start)
    if qa_start is None:
        qa_start = _first_analyst_turn(turn_people)
    _firms_from_intros(turns, turn_people)
    return people, turn_people, qa_start


def _resolve(
    participants: list[Participant], turns: list[RawTurn]
) -> tuple[list[Person], list[Person]]:
    """One person per spelling of a name: the participants first, then each turn's."""
    people: list[Person] = []
    by_name: dict[str, Person] = {}
    ids: set[str] = set()

    def new_person(name: str, title: str | None, role: Role, listed: bool) -> Person:
        sid = "operator" if role is Role.OPERATOR else slug(name)
        base, k = sid, 2
        while sid in ids:
            sid, k = f"{base}-{k}", k + 1
        ids.add(sid)
        p = Person(SpeakerInfo(sid, name, title, role), listed=listed)
        people.append(p)
        by_name[name.casefold()] = p
        return p

    # Last name -> people, so matching a spelling is not a scan over everyone.
    by_last: dict[str, list[Person]] = {}

    def index(p: Person) -> None:
        toks = p.info.name.split()
        if len(toks) >= 2:
            by_last.setdefault(toks[-1].casefold().strip("."), []).append(p)

    def lookup(name: str) -> Person | None:
        hit = by_name.get(name.casefold())
        if hit is not None:
            return hit
        toks = name.split()
        if len(toks) < 2 or is_placeholder(name):
            return None
        for p in by_last.get(toks[-1].casefold().strip("."), ()):
            if not is_placeholder(p.info.name) and names_match(name, p.info.name):
                return p
        return None

    for part in participants:
        name = clean_name(part.name)
        if not name or lookup(name) is not None:
            continue
        role = part.role or role_from(name, part.title)
        p = new_person(name, part.title, role or Role.COMPANY, listed=True)
        p.role_known = role is not None
        p.info.firm = part.firm
        index(p)

    turn_people: list[Person] = []
    for t in turns:
        name = clean_name(t.name) or "Unknown speaker"
        if is_operator(name):
            found = by_name.get("operator") or new_person("Operator", None, Role.OPERATOR, False)
            found.role_known = True
            by_name["operator"] = found
        else:
            hit = lookup(name)
            if hit is None:
                role = t.role or role_from(name, t.title)
                found = new_person(name, t.title, role or Role.COMPANY, listed=False)
                found.role_known = role is not None
                found.info.firm = t.firm
                index(found)
            else:
                found = hit
                if name.casefold() != found.info.name.casefold():
                    found.info.add_alias(name)
                if found.info.title is None and t.title:
                    found.info.title = t.title
                if found.info.firm is None and t.firm:
                    found.info.firm = t.firm
                if not found.role_known:
                    role = t.role or role_from(name, t.title)
                    if role is not None:
                        found.info.role, found.role_known = role, True
        turn_people.append(found)
    return people, turn_people


def role_from(name: str, title: str | None) -> Role | None:
    """The role a label or title states outright; ``None`` when only the call can tell."""
    if is_operator(name):
        return Role.OPERATOR
    if is_placeholder(name):
        low = name.casefold()
        if "analyst" in low:
            return Role.ANALYST
        if "company" in low or "corporate" in low or "executive" in low:
            return Role.COMPANY
        return None
    if title and ANALYST_RE.search(title):
        return Role.ANALYST
    return None


def _operators_by_behaviour(turns: list[RawTurn], people: list[Person]) -> None:
    """A voice the file does not name as the operator but who only hands the line to
    questioners ("Krista: Your next question comes from the line of ...") is the operator."""
    texts: dict[str, list[str]] = {}
    for t, p in zip(turns, people, strict=True):
        if not p.role_known and not p.listed:
            texts.setdefault(p.info.id, []).append(" ".join(x for x, _ in t.paragraphs))
    for p in {id(p): p for p in people}.values():
        said = texts.get(p.info.id)
        # An operator never holds the floor long: only short turns are worth reading.
        if not said or len(said) < 2 or any(len(x) >= 700 for x in said):
            continue
        cues = sum(1 for x in said if HANDOVER_RE.search(x))
        if cues >= 2 and cues * 10 >= 6 * len(said):
            p.info.role, p.role_known = Role.OPERATOR, True


def _qa_start(turns: list[RawTurn], people: list[Person]) -> int | None:
    """The turn a Q&A heading stands before; else the operator's first hand-over to a
    questioner (a new, non-company voice right after an operator turn that invites
    questions); else the turn after someone opens the floor to questions."""
    for k, t in enumerate(turns):
        if t.qa:
            return k
    seen: set[str] = set()
    company_seen = False
    for k, p in enumerate(people):
        pid = p.info.id
        prev = people[k - 1] if k > 0 else None
        if (
            prev is not None
            and company_seen
            and prev.info.role is Role.OPERATOR
            and pid not in seen
            and not (p.role_known and p.info.role is not Role.ANALYST)
            and p.info.role is not Role.OPERATOR
            and any(QUESTION_CUE_RE.search(text) for text, _ in turns[k - 1].paragraphs[-3:])
        ):
            op_turn = turns[k - 1]
            if len(op_turn.paragraphs) > 3 or sum(len(x) for x, _ in op_turn.paragraphs) > 1500:
                # A long "operator" turn is someone's remarks under the wrong label.
                return k
            start = k - 1
            while start > 0 and people[start - 1].info.role is Role.OPERATOR:
                start -= 1
            return start
        if p.info.role is Role.COMPANY:
            company_seen = True
        seen.add(pid)
    for k, t in enumerate(turns[:-1]):
        if k == 0:
            continue
        for x, _ in t.paragraphs[-2:]:
            m = FLOOR_OPEN_RE.search(x)
            if m:
                # "Our first question comes from ...": this turn reads it out already.
                reads = "question" in m.group(0).casefold() and "from" in m.group(0)
                return k if reads or people[k].info.role is Role.OPERATOR else k + 1
    return None


def _infer_roles(turns: list[RawTurn], people: list[Person], qa: int | None) -> None:
    """Roles the file does not state: a voice first heard in the Q&A that the turn before
    introduces, or that asks, is an analyst; anyone else is the company's."""
    first: dict[str, int] = {}
    for k, p in enumerate(people):
        first.setdefault(p.info.id, k)
    for k in first.values():
        p = people[k]
        if p.role_known:
            continue
        p.info.role = Role.COMPANY
        if qa is not None and k >= qa and k > 0:
            prev_text = " ".join(x for x, _ in turns[k - 1].paragraphs[-2:])
            own = " ".join(x for x, _ in turns[k].paragraphs[:2])
            introduced = (
                people[k - 1].info.role is Role.OPERATOR and HANDOVER_RE.search(prev_text)
            ) or introduces(prev_text, p.info.name)
            if introduced or ASKS_RE.search(own):
                p.info.role = Role.ANALYST
        p.role_known = True


def _first_analyst_turn(people: list[Person]) -> int | None:
    for k, p in enumerate(people):
        if p.info.role is Role.ANALYST:
            start = k
            while start > 0 and people[start - 1].info.role is Role.OPERATOR:
                start -= 1
            return start
    return None


def _firms_from_intros(turns: list[RawTurn], people: list[Person]) -> None:
    """An analyst's firm (and the name the operator used) from the introduction."""
    done: set[str] = set()
    for k, p in enumerate(people):
        if p.info.role is not Role.ANALYST or k == 0 or p.info.id in done:
            continue
        prev = people[k - 1]
        text = " ".join(x for x, _ in turns[k - 1].paragraphs[-2:])
        if text and (prev.info.role is Role.OPERATOR or introduces(text, p.info.name)):
            firm_before = p.info.firm
            attribute_intro(p.info, text[-600:])
            if p.info.firm is None:
                p.info.firm = first_name_intro(text[-600:], p.info.name)
            if firm_before is None and p.info.firm:
                # "RBC. Wonderful": the intro's firm runs into the next sentence.
                firm = SENTENCE_SPLIT_RE.split(p.info.firm, maxsplit=1)[0]
                names = {t.casefold() for t in p.info.name.split()}
                # "Mike Price, Mike is a private investor": no firm there.
                p.info.firm = None if firm.casefold() in names else (firm or None)
        done.add(p.info.id)
    for p in people:
        # The intro matcher also offers "Zukin" or "Is Brad Reback": keep real spellings.
        p.info.aliases = [a for a in p.info.aliases if names_match(a, p.info.name)]
