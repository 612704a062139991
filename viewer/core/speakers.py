"""Speaker headers, roles, analysts' firms from the operator's introductions, aliases."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from viewer.core.lazy_re import lazy_compile
from viewer.core.models import Role

OPERATOR = "Operator"

_NAME_TOKEN = r"[A-Z][\w'’.\-]*"
_PARTICLE = r"(?:de|da|di|del|der|van|von|la|le|bin|al|du|dos|das)"
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOKEN}){{0,4}}"
_HEADER_RE = lazy_compile(rf"^(?P<name>{_NAME})\s+[-–—]\s+(?P<title>[^\s].{{0,150}})$")
_PLACEHOLDER_RE = lazy_compile(
    r"^(?:Unidentified|Unknown)\s+(?:Analyst|Participant|Speaker|Company Representative|Caller)$",
    re.IGNORECASE,
)
_HAN_RE = lazy_compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True, slots=True)
class Header:
    name: str
    title: str | None


def parse_header(text: str) -> Header | None:
    """``Operator`` or ``Name - Title`` (title may hold commas); ``None`` for body text."""
    s = text.strip()
    if s == OPERATOR:
        return Header(OPERATOR, None)
    if len(s) > 200 or _HAN_RE.search(s):
        return None
    if _PLACEHOLDER_RE.match(s):
        return Header(s, "Analyst" if "analyst" in s.lower() else None)
    m = _HEADER_RE.match(s)
    if not m:
        return None
    title = m.group("title").strip()
    # Titles are noun phrases: no sentence punctuation, no trailing full stop.
    if re.search(r"[?!;:]|\.\s*$", title) or len(title.split()) > 16:
        return None
    return Header(m.group("name").strip(), title)


def role_for(header: Header) -> Role:
    if header.name == OPERATOR:
        return Role.OPERATOR
    if header.title and re.search(r"\banalyst\b", header.title, re.IGNORECASE):
        return Role.ANALYST
    if re.search(r"\banalyst\b", header.name, re.IGNORECASE):
        return Role.ANALYST
    return Role.COMPANY


def slug(name: str) -> str:
    """``Ann Lee`` -> ``ann-lee``: lower-case ASCII letters and digits joined by ``-``."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "speaker"


class IdAllocator:
    """Unique ids: ``ann-lee``, then ``ann-lee-2``, ``ann-lee-3``... for names that slug alike.

    Remembers the next free suffix per base, so thousands of names with one slug cost linear
    time (trying ``-2``, ``-3``... from the start each time was quadratic).
    """

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self._next: dict[str, int] = {}

    def take(self, base: str) -> str:
        """``base`` if it is free, else ``base-k`` for the smallest free ``k >= 2``."""
        sid = base
        if sid in self.taken:
            k = self._next.get(base, 2)
            while f"{base}-{k}" in self.taken:
                k += 1
            sid = f"{base}-{k}"
            self._next[base] = k + 1
        self.taken.add(sid)
        return sid


# Common English short forms of first names (short -> formal forms).
NICKNAMES: dict[str, tuple[str, ...]] = {
    "mike": ("michael",),
    "mick": ("michael",),
    "joe": ("joseph",),
    "joey": ("joseph",),
    "bob": ("robert",),
    "rob": ("robert",),
    "bobby": ("robert",),
    "bill": ("william",),
    "will": ("william",),
    "billy": ("william",),
    "jim": ("james",),
    "jimmy": ("james",),
    "tom": ("thomas",),
    "tommy": ("thomas",),
    "dave": ("david",),
    "dan": ("daniel",),
    "danny": ("daniel",),
    "chris": ("christopher", "christian", "christine", "christina"),
    "matt": ("matthew",),
    "steve": ("steven", "stephen"),
    "tony": ("anthony",),
    "rick": ("richard", "frederick"),
    "rich": ("richard",),
    "dick": ("richard",),
    "ben": ("benjamin",),
    "sam": ("samuel", "samantha"),
    "alex": ("alexander", "alexandra"),
    "andy": ("andrew",),
    "drew": ("andrew",),
    "ed": ("edward", "edwin"),
    "ted": ("edward", "theodore"),
    "ken": ("kenneth",),
    "nick": ("nicholas",),
    "pat": ("patrick", "patricia"),
    "pete": ("peter",),
    "tim": ("timothy",),
    "greg": ("gregory",),
    "jeff": ("jeffrey", "jeffery"),
    "jon": ("jonathan",),
    "kate": ("katherine", "kathryn", "catherine"),
    "katie": ("katherine",),
    "liz": ("elizabeth",),
    "beth": ("elizabeth",),
    "sue": ("susan",),
    "jen": ("jennifer",),
    "jenny": ("jennifer",),
    "vic": ("victor", "victoria"),
    "don": ("donald",),
    "ron": ("ronald",),
    "larry": ("lawrence",),
    "charlie": ("charles",),
    "chuck": ("charles",),
    "hank": ("henry",),
    "jack": ("john",),
    "fred": ("frederick",),
    "walt": ("walter",),
    "doug": ("douglas",),
    "gerry": ("gerald",),
    "jerry": ("gerald", "jerome"),
    "mitch": ("mitchell",),
    "nate": ("nathan", "nathaniel"),
    "phil": ("philip", "phillip"),
    "ray": ("raymond",),
    "stan": ("stanley",),
    "vince": ("vincent",),
    "zach": ("zachary",),
    "josh": ("joshua",),
    "jake": ("jacob",),
    "becky": ("rebecca",),
    "maggie": ("margaret",),
    "meg": ("margaret",),
    "peggy": ("margaret",),
    "sandy": ("sandra",),
    "abby": ("abigail",),
    "gabe": ("gabriel",),
    "max": ("maximilian", "maxwell"),
    "lou": ("louis",),
    "manny": ("manuel",),
}


def is_short_form(short: str, formal: str) -> bool:
    """``Mike`` for ``Michael``, ``Sam`` for ``Samuel``: a nickname or a 3+ letter prefix."""
    s, f = short.casefold(), formal.casefold()
    if s == f:
        return False
    return f in NICKNAMES.get(s, ()) or (len(s) >= 3 and f.startswith(s))


def same_person(announced: str, header_name: str) -> bool:
    """Whether the operator's ``announced`` name denotes the speaker ``header_name``."""
    a, h = announced.split(), header_name.split()
    if not a or not h:
        return False
    if [x.casefold() for x in a] == [x.casefold() for x in h]:
        return True
    if a[-1].casefold() != h[-1].casefold():
        return False
    return is_short_form(a[0], h[0]) or is_short_form(h[0], a[0]) or len(a) != len(h)


_FIRM = r"[A-Z0-9][\w&'’.\-]*(?:\s+(?:[A-Z0-9&][\w&'’.\-]*|of|and|&|de|du))*"
_INSTRUCTIONS_RE = lazy_compile(
    r"\((?:Operator Instructions|Operator instructions)\)", re.IGNORECASE
)
_SHORT_INTRO_RE = lazy_compile(rf"^\s*(?P<name>{_NAME}),\s*(?P<firm>{_FIRM})\.?\s*$")
# ("\bfrom" written as "f not after a word character, rom": a pattern opening with a letter
# is searched for that letter, one opening with "\b" was tried at every position.)
_INTRO_RES = (
    lazy_compile(
        rf"f(?<!\wf)rom\s+(?:the\s+line\s+of\s+)?(?P<name>{_NAME})\s+(?:from|with|of|at)\s+(?P<firm>{_FIRM})"
    ),
    lazy_compile(
        rf"(?:f(?<!\wf)rom|w(?<!\ww)ith)\s+(?P<firm>{_FIRM})(?:'s|’s)\s+(?P<name>{_NAME})"
    ),
    lazy_compile(rf"(?P<name>{_NAME}),?\s+(?:from|with|of|at)\s+(?P<firm>{_FIRM})"),
    lazy_compile(rf"(?P<name>{_NAME}),\s*(?P<firm>{_FIRM})"),
)
_NAME_FULL_RE = lazy_compile(_NAME)
_FIRM_FULL_RE = lazy_compile(_FIRM)
_FIRM_STOP = {"your", "please", "go", "you", "the", "line", "is", "open", "now", "and", "of", "&"}


@dataclass(slots=True)
class Intro:
    name: str
    firm: str


def _clean_firm(firm: str) -> str:
    words = firm.strip().rstrip(".,").split()
    while words and words[-1].casefold().strip(".,") in _FIRM_STOP:
        words.pop()
    return " ".join(words).rstrip(".,")


def find_intros(text: str) -> list[Intro]:
    """Every ``name, firm`` the operator announces in ``text``, in the most specific phrasing."""
    body = _INSTRUCTIONS_RE.sub(" ", text).strip()
    found: list[Intro] = []
    m = _SHORT_INTRO_RE.match(body)
    if m:
        found.append(Intro(m.group("name"), _clean_firm(m.group("firm"))))
    for rx in _INTRO_RES:
        for m in rx.finditer(body):
            firm = _clean_firm(m.group("firm"))
            # A name ending the sentence ("from Stifel's Tore Svanberg.") keeps no full stop.
            name = m.group("name").rstrip(".")
            if firm and name:
                found.append(Intro(name, firm))
    # "Next, Tom O'Malley, Barclays.": the regexes above pair "Next" with the name; any two
    # neighbouring comma-separated parts may be a name and its firm.
    parts = [x.strip() for x in body.split(",")]
    for name, firm in pairwise(parts):
        if _NAME_FULL_RE.fullmatch(name) and _FIRM_FULL_RE.fullmatch(firm.rstrip(".")):
            found.append(Intro(name, _clean_firm(firm)))
    return found


@dataclass(slots=True)
class SpeakerInfo:
    """A mutable speaker while the parser still learns about it."""

    id: str
    name: str
    title: str | None
    role: Role
    firm: str | None = None
    aliases: list[str] = field(default_factory=list)

    def add_alias(self, alias: str) -> None:
        if alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)


def attribute_intro(speaker: SpeakerInfo, operator_text: str) -> None:
    """Take the firm (and the announced name as an alias) from the operator's introduction."""
    last = speaker.name.split()[-1].casefold() if speaker.name.split() else ""
    for intro in find_intros(operator_text):
        tokens = intro.name.split()
        # The name regex may swallow leading words ("Harlan Sur" from "Next Harlan Sur"):
        # try every suffix of the captured name.
        for k in range(len(tokens)):
            cand = " ".join(tokens[k:])
            if cand.split()[-1].casefold() == last and same_person(cand, speaker.name):
                if speaker.firm is None:
                    speaker.firm = intro.firm
                if cand.casefold() != speaker.name.casefold():
                    speaker.add_alias(cand)
                return


def find_short_name_aliases(speaker: SpeakerInfo, texts: Iterable[str]) -> None:
    """Aliases such as ``Mike Tate`` for ``Michael Tate`` when the call uses them."""
    parts = speaker.name.split()
    if len(parts) < 2:
        return
    first, last = parts[0], parts[-1]
    rx = re.compile(rf"\b([A-Z][a-z]+)\s+{re.escape(last)}\b")
    for text in texts:
        if last not in text:
            continue
        for m in rx.finditer(text):
            if is_short_form(m.group(1), first):
                speaker.add_alias(f"{m.group(1)} {last}")


# A capitalised word at a word start, then blanks: "\b[A-Z]" written as "[A-Z] not after a
# word character", so the pattern opens with a class and the engine scans for capitals
# instead of trying the pattern at every position (3x faster, the same matches).
_CAPITALISED_THEN_SPACE = lazy_compile(r"([A-Z](?<!\w[A-Z])[a-z]+)\s+")
_BOUNDARY = lazy_compile(r"\b")


def find_short_name_aliases_all(speakers: Iterable[SpeakerInfo], texts: Sequence[str]) -> None:
    """:func:`find_short_name_aliases` for every speaker at once, in one pass over ``texts``.

    Each capitalised word followed by a speaker's last name is looked up by that name, so
    thousands of speakers cost what one does (one scan per speaker was quadratic).
    """
    by_last: dict[str, list[tuple[SpeakerInfo, str]]] = {}
    for sp in speakers:
        parts = sp.name.split()
        if len(parts) >= 2:
            by_last.setdefault(parts[-1], []).append((sp, parts[0]))
    if not by_last:
        return
    lengths = sorted({len(last) for last in by_last})
    # A few speakers (nearly every call): skip the texts that hold none of their last names
    # (most), which spares a match per capitalised word; with thousands, one scan does.
    lasts = tuple(by_last) if len(by_last) <= 32 else None
    for text in texts:
        if lasts is not None and not any(last in text for last in lasts):
            continue
        for m in _CAPITALISED_THEN_SPACE.finditer(text):
            pos = m.end()
            for n in lengths:
                owners = by_last.get(text[pos : pos + n])
                if owners is None or not _BOUNDARY.match(text, pos + n):
                    continue
                short = m.group(1)
                for sp, first in owners:
                    if is_short_form(short, first):
                        sp.add_alias(f"{short} {text[pos : pos + n]}")
