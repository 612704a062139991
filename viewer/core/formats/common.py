"""Helpers every transcript reader shares: names, speakers, turns, Q&A start, paragraphs, metadata.

A reader finds the *structure* of its layout (where a speaker starts, which line is English,
which is Chinese); what a call means beyond that is decided here, the same way for every
layout. The API, by task:

- **Names** — :func:`clean_name`; :func:`looks_like_name`, :func:`looks_like_title`;
  :func:`split_name_label` (``Name: text`` / ``Name:text`` / ``**Name:**``; refuses
  ``fundamentals:landing``, ``Here's the thing: ...``, ``Revenue: up``) with a :class:`NameSet`
  of labels the call repeats (one-word names count only through it); :func:`is_label_name`
  (cached verdict for one label); :func:`split_name_title` (``Name--Title``, ``Name - Company,
  Title``, ``Title — Name``); :func:`is_operator`, :func:`is_placeholder` and
  :func:`placeholder_role` (``Unidentified Analyst``, ``Unknown speaker``); :func:`same_person`
  (``Amy E. Hood`` = ``Amy Hood``, ``Tim`` = ``Timothy``, never ``Jason`` = ``Jessie Wang``);
  :func:`name_key`, :func:`name_tokens`, :func:`trim_name`.
- **Speakers** — :class:`SpeakerBook` (``get(name, title=, role=, firm=)`` gives one
  :class:`SpeakerDraft` per person, merging spellings into aliases; ``find``, ``alias``);
  :func:`role_from_title` (``Morgan Stanley Analyst`` -> analyst).
- **Turns and the transcript** — :class:`TranscriptBuilder`: ``turn(speaker, line, qa=None)``,
  ``para(en, line, zh=, zh_line=, time=)``, ``mark_qa()`` at a Q&A heading, ``warn(line, msg)``,
  ``check_cancel()``, then ``build(hints, script=, summary=, detect_operator=)``: merges a
  repeated header's turns, decides roles (the file's word; operator; analysts and firms from
  the introduction before their turn, :func:`hands_over_question`, :func:`plausible_firm`;
  whoever first speaks after the operator in the Q&A; the rest company), the Q&A start when no
  heading gave it (:func:`find_qa_start`, :func:`opens_questions`), short-name aliases, a
  default title, and returns the frozen :class:`~viewer.core.models.Transcript`.
  :data:`NO_SPEAKERS_WARNING` is the status-bar text for files without speakers;
  :func:`operator_phrases` counts the operator's stock phrases (speaker ids only).
- **Paragraphs** — :func:`unwrap_lines` (hard-wrapped lines back into paragraphs),
  :func:`split_sentences`, :func:`group_sentences` (sentences into paragraphs).
- **Text** — :func:`has_han`, :func:`mostly_latin` (English leaking into a Chinese field),
  :func:`chinese_script` (Hans / Hant), :func:`call_vocabulary` (is this prose a call?).
- **Metadata** — :class:`MetaHints` (``fill``), :func:`meta_from_text` (period, date, company,
  ticker from the head), :func:`meta_from_filename`, :func:`find_period` (also ``2025 年第四季``),
  :func:`parse_date`, :func:`reconcile_meta` (the content wins over the file name; a
  disagreement becomes a warning; ``calendar_year=True`` when the fiscal year is the calendar's).
- **Headings** — :data:`QA_HEADING_RE`, :data:`PREPARED_HEADING_RE`.

Everything here is pure Python, never imports Qt, and never raises on odd text (only
:class:`~viewer.core.errors.TranscriptError` from :meth:`TranscriptBuilder.build` when there is
no text at all, and :class:`~viewer.core.errors.LoadCancelled` when the cancel callback says so).
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from viewer.core.errors import LoadCancelled, TranscriptError
from viewer.core.lazy_re import lazy_compile
from viewer.core.models import (
    CallMeta,
    Layout,
    Paragraph,
    ParseWarning,
    Role,
    Script,
    Section,
    Speaker,
    Transcript,
    Turn,
)
from viewer.core.speakers import NICKNAMES, find_intros, find_short_name_aliases, slug
from viewer.core.speakers import SpeakerInfo as _SpeakerInfo

CancelCheck = Callable[[], bool]

OPERATOR = "Operator"
UNKNOWN_SPEAKER = "Unknown speaker"

HAN_RE = lazy_compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LATIN_RE = lazy_compile(r"[A-Za-z]")

# ---------------------------------------------------------------------------------------------
# Script
# ---------------------------------------------------------------------------------------------

# Frequent characters that differ between the scripts (Simplified, Traditional), as they occur
# in earnings calls. Enough to tell a translation's script; not a converter.
_HANS_ONLY = frozenset("们这说国会为发时对业长经产来万亿个与务营财报额现还进关过么实样点员问题")
_HANT_ONLY = frozenset("們這說國會為發時對業長經產來萬億個與務營財報額現還進關過麼實樣點員問題")


def chinese_script(text: str) -> Script | None:
    """``Script.HANS`` or ``Script.HANT`` from characters only one script uses; ``None`` when
    ``text`` has too few such characters to tell."""
    sample = text[:4000]  # a few paragraphs tell the script
    hans = sum(1 for ch in sample if ch in _HANS_ONLY)
    hant = sum(1 for ch in sample if ch in _HANT_ONLY)
    if hans + hant < 3:
        return None
    if hans >= 3 * max(hant, 1) or (hans > 0 and hant == 0):
        return Script.HANS
    if hant >= 3 * max(hans, 1) or (hant > 0 and hans == 0):
        return Script.HANT
    return None


_CALL_WORDS = (
    "quarter",
    "revenue",
    "earnings",
    "guidance",
    "fiscal",
    "margin",
    "outlook",
    "year-over-year",
    "year over year",
    "shareholder",
    "customers",
    "growth",
    "operating",
    "conference call",
    "analyst",
    "cash flow",
    "ebitda",
    "per share",
    "sales",
)


def call_vocabulary(text: str) -> int:
    """How many distinct earnings-call words (``quarter``, ``revenue``, ``guidance``, ...)
    the head of ``text`` uses: evidence for layouts whose shape alone proves little."""
    low = text[:8000].casefold()
    return sum(1 for w in _CALL_WORDS if w in low)


def has_han(text: str) -> bool:
    """Whether ``text`` holds any CJK ideograph."""
    return HAN_RE.search(text) is not None


def mostly_latin(text: str) -> bool:
    """Whether ``text`` has Latin letters and at most a few ideographs (English that leaked into a
    Chinese field, or an untranslated line)."""
    sample = text[:400]  # the start tells; whole paragraphs are slow to count
    latin = len(LATIN_RE.findall(sample))
    return latin > 0 and len(HAN_RE.findall(sample)) * 8 < latin


# ---------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------

_PARTICLES = frozenset(
    """
    de da di del della der den van von la le bin al el du dos das ter ten st mc
    """.split()  # noqa: SIM905
)
# Words that start a sentence or a heading, never a name (a capitalised "Name:" look-alike).
_NOT_NAME_WORDS = frozenset(
    """
    a an the and or but so if as at by for from in into of on to with without this that
    these those here there what when where why how which who our we you your i it its my me
    us they their them he she his her note notes source date time company quarter quarters
    revenue revenues total net gross operating income margin guidance outlook highlights
    summary key takeaways risks question questions answer answers q&a prepared remarks
    presentation transcript call conference participants participant executives analysts
    disclaimer forward-looking agenda topic topics part section slide chapter
    bottom line first second third fourth next last then also however moreover overall
    finally yes no ok okay well thanks thank please hello hi good morning afternoon evening
    ladies gentlemen everyone all one two three four five example re fy ceo cfo coo cto ir
    vp svp evp full seat make glossary industry stocks mentioned average returns cost basis
    """.split()  # noqa: SIM905
)
# Words of job titles: "Chief Designer:" is a title line, not a speaker.
TITLE_WORDS = frozenset(
    """
    chief officer president vice executive director head manager managing senior general
    treasurer secretary controller chairman chairwoman chair founder co-founder cofounder
    designer engineer analyst counsel partner principal investor relations ir ceo cfo coo
    cto cio cmo evp svp vp md communications finance financial accounting operations
    strategy corporate development research associate advisor adviser representative leader
    lead member board independent non-executive deputy assistant
    """.split()  # noqa: SIM905
)

_NAME_TOKEN_RE = lazy_compile(r"^(?:[A-Z][\w'’\-]*\.?|[A-Z]\.(?:[A-Z]\.)*|[A-Z]{2,}\.?)$")
_HONORIFIC_RE = lazy_compile(r"^(?:Mr|Mrs|Ms|Dr|Prof|Sir)\.?\s+", re.IGNORECASE)
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015"


def clean_name(raw: str) -> str:
    """A speaker name as written, without markup, brackets, trailing colons or odd spacing."""
    s = raw.replace("\u00a0", " ").replace("\u200b", "").strip()
    s = s.strip("*_#`> \t").strip()
    s = " ".join(s.split())
    s = s.rstrip(":：").strip()
    if len(s) > 2 and s[0] in "([" and s[-1] in ")]":
        s = s[1:-1].strip()
    return s


def looks_like_name(text: str, *, max_tokens: int = 6, allow_single: bool = False) -> bool:
    """Whether ``text`` reads as a person's name: capitalised tokens (initials, ``O'Malley``,
    ``von``), no sentence words, no digits. ``Operator`` and placeholders count as names.
    A single token counts only with ``allow_single`` (a one-word label is too often a heading)."""
    s = clean_name(text)
    if not s or len(s) > 60 or any(ch.isdigit() for ch in s):
        return False
    if s == OPERATOR or is_placeholder(s):
        return True
    if HAN_RE.search(s) or re.search(r"[:;!?,\"“”()\[\]{}/\\|@#$%^&*=+<>~]", s):
        return False
    tokens = s.split()
    if len(tokens) > max_tokens or (len(tokens) < 2 and not allow_single):
        return False
    capitalised = 0
    for tok in tokens:
        low = tok.casefold().strip(".")
        if low in _PARTICLES:
            continue
        if low in _NOT_NAME_WORDS and len(tokens) <= 2:
            return False
        if not _NAME_TOKEN_RE.match(tok):
            return False
        capitalised += 1
    return capitalised >= 1 and not all(t.casefold() in TITLE_WORDS for t in tokens)


def looks_like_title(text: str) -> bool:
    """Whether ``text`` is a job title (``Chief Designer``, ``EVP & CFO``, ``Head of Investor
    Relations``), not a name or a firm (``Wolfe Research``)."""
    words = [w.strip(".") for w in re.split(r"[\s,&/]+", clean_name(text).casefold()) if w]
    if not words:
        return False
    core = sum(1 for w in words if w in _CORE_TITLE_WORDS)
    other = sum(1 for w in words if w not in TITLE_WORDS and w not in _TITLE_GLUE)
    return core >= 1 and other <= max(1, len(words) // 3)


_CORE_TITLE_WORDS = frozenset(
    """
    chief officer president director head manager treasurer secretary controller chairman
    chairwoman chair founder co-founder cofounder designer engineer counsel ceo cfo coo cto
    cio cmo evp svp vp md analyst representative lead leader
    """.split()  # noqa: SIM905
)
_TITLE_GLUE = frozenset("of and the for to in at global group business product products".split())  # noqa: SIM905


_PLACEHOLDER_RE = lazy_compile(
    r"^(?:unidentified|unknown|unnamed|unverified)\s+(?:company\s+)?"
    r"(?:analyst|participant|speaker|company representative|representative|executive|"
    r"caller|attendee|operator|male|female|person|shareholder)s?(?:\s*\d+)?$",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=4096)
def is_placeholder(name: str) -> bool:
    """``Unidentified Analyst``, ``Unknown speaker``, ``Unidentified Company Representative``."""
    return _PLACEHOLDER_RE.match(clean_name(name)) is not None


def placeholder_role(name: str) -> Role | None:
    """The role a placeholder name says (analyst, company), or ``None`` (``Unknown speaker``)."""
    low = clean_name(name).casefold()
    if re.search(r"analyst|participant|caller|attendee|shareholder", low):
        return Role.ANALYST
    if re.search(r"company|representative|executive", low):
        return Role.COMPANY
    if "operator" in low:
        return Role.OPERATOR
    return None


@functools.lru_cache(maxsize=4096)
def is_operator(name: str) -> bool:
    """``Operator`` (any case, with markup or a colon around it)."""
    return clean_name(name).casefold() in ("operator", "the operator", "conference operator")


_LABEL_RE = lazy_compile(r"^\s*(?P<name>[^:：\n]{1,80}?)\s*[:：]\s*(?P<text>.*)$", re.DOTALL)


class NameSet:
    """Speaker names a call uses as labels, compared without case or markup (build it once and
    pass it to :func:`split_name_label` for every line)."""

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._keys: set[str] = set()
        for n in names:
            self.add(n)

    def add(self, name: str) -> None:
        self._keys.add(clean_name(name).casefold())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and clean_name(name).casefold() in self._keys

    def __bool__(self) -> bool:
        return bool(self._keys)


@functools.lru_cache(maxsize=4096)
def is_label_name(name: str, allow_single: bool = False) -> bool:
    """Whether a cleaned label reads as a speaker: a name, ``Operator`` or a placeholder, not
    a title. Cached: a call repeats the same few labels hundreds of times."""
    if is_operator(name) or is_placeholder(name):
        return True
    return looks_like_name(name, allow_single=allow_single) and not looks_like_title(name)


def split_name_label(
    line: str, known: Iterable[str] | NameSet = (), *, allow_single: bool = False
) -> tuple[str, str] | None:
    """``("Jane Roe", "text")`` for a ``Jane Roe: text`` line (also ``Jane Roe:text`` and
    ``**Jane Roe:**``); ``None`` when the part before the colon is not a speaker name.

    ``known`` names (case-insensitive; a :class:`NameSet` for speed) always count, even
    one-word ones; otherwise the label must look like a name (:func:`looks_like_name`), so
    ``Key takeaways: ...``, ``fundamentals:landing`` and ``Revenue: up 5%`` stay body text.
    """
    colon = line.find(":", 0, 100)
    wide = line.find("：", 0, 100)
    if colon < 0 and wide < 0:
        return None  # the cheap test first: most lines have no label
    m = _LABEL_RE.match(line.replace("**", "", 2) if line.lstrip().startswith("**") else line)
    if not m:
        return None
    name = clean_name(m.group("name"))
    if not name:
        return None
    names = known if isinstance(known, NameSet) else NameSet(known)
    if name in names or is_label_name(name, allow_single):
        return name, m.group("text").strip()
    return None


_SEP_RE = lazy_compile(rf"\s*(?:--|[{_DASHES}]{{2}}|\s[{_DASHES}]\s|[\u2013\u2014])\s*")


def split_name_title(text: str) -> tuple[str, str | None] | None:
    """``(name, title)`` from a header: ``Name--Title``, ``Name - Company, Title``,
    ``Name — Title`` or ``Title — Name`` (whichever side looks like a name); ``(name, None)``
    for a bare name; ``None`` when the text is no header."""
    s = clean_name(text)
    if not s or len(s) > 200:
        return None
    parts = [p.strip() for p in _SEP_RE.split(s, maxsplit=1)]
    if len(parts) == 2 and parts[0] and parts[1]:
        left, right = parts
        if looks_like_name(left, allow_single=True) and not looks_like_title(left):
            return clean_name(left), right
        if looks_like_name(right, allow_single=True) and not looks_like_title(right):
            return clean_name(right), left
        return None
    if is_operator(s):
        return OPERATOR, None
    if looks_like_name(s):
        return s, None
    return None


def name_tokens(name: str) -> list[str]:
    """Lower-case name tokens without initials, honorifics, suffixes and punctuation."""
    s = _HONORIFIC_RE.sub("", clean_name(name))
    toks = [t.strip(".,'’").casefold() for t in s.replace("-", " - ").split()]
    toks = [t for t in toks if t and t != "-"]
    while toks and toks[-1] in ("jr", "sr", "ii", "iii", "iv", "phd", "cfa", "md"):
        toks.pop()
    return [t for t in toks if len(t) > 1 or not t.isalpha()]


def _first_names_match(a: str, b: str) -> bool:
    if a == b:
        return True
    return (
        b in NICKNAMES.get(a, ())
        or a in NICKNAMES.get(b, ())
        or (len(a) >= 3 and len(b) >= 3 and (a.startswith(b) or b.startswith(a)))
    )


def same_person(a: str, b: str) -> bool:
    """Whether two spellings in one call name the same person: the same last name and the same
    (or short-form) first name; middle names and initials may be present on one side only
    (``Amy E. Hood`` / ``Amy Hood``, ``Tim Cook`` / ``Timothy D. Cook``, ``Erik Woodring`` /
    ``Erik William Richard Woodring``). Placeholders never match anything but themselves."""
    if is_placeholder(a) or is_placeholder(b):
        return clean_name(a).casefold() == clean_name(b).casefold()
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if len(ta) < 2 or len(tb) < 2:
        return False
    # Hyphenated or particle surnames: compare the last token.
    if ta[-1] != tb[-1]:
        return False
    if not _first_names_match(ta[0], tb[0]):
        return False
    # Middle names, when both have them, must agree.
    ma, mb = set(ta[1:-1]), set(tb[1:-1])
    return not (ma and mb and not (ma & mb))


def name_key(name: str) -> str:
    """A case- and punctuation-insensitive key for exact lookups (not alias matching)."""
    return " ".join(name_tokens(name)) or clean_name(name).casefold()


# ---------------------------------------------------------------------------------------------
# Speakers
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class SpeakerDraft:
    """A speaker while a reader still learns about it; ``role`` may stay ``None`` until
    :meth:`TranscriptBuilder.build` decides it."""

    id: str
    name: str
    title: str | None = None
    role: Role | None = None
    firm: str | None = None
    aliases: list[str] = field(default_factory=list)
    explicit_role: bool = False

    def add_alias(self, alias: str) -> None:
        """Record another spelling (ignored when it is the name or already known)."""
        alias = clean_name(alias)
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    def learn(
        self, title: str | None = None, role: Role | None = None, firm: str | None = None
    ) -> None:
        """Fill in what was unknown (never overwrites what the file already said)."""
        if title and not self.title:
            self.title = title
        if firm and not self.firm:
            self.firm = firm
        if role is not None and not self.explicit_role:
            self.role, self.explicit_role = role, True

    def to_model(self) -> Speaker:
        return Speaker(
            id=self.id,
            name=self.name,
            aliases=tuple(self.aliases),
            title=self.title,
            role=self.role or Role.COMPANY,
            firm=self.firm,
        )


def role_from_title(title: str | None) -> Role | None:
    """Analyst when the title says so (``Analyst``, ``Morgan Stanley Analyst``, ``Research
    Division``), company for any other title, ``None`` without a title."""
    if not title:
        return None
    if re.search(r"\banalyst\b|\bresearch division\b|\bequity research\b", title, re.I):
        return Role.ANALYST
    if is_operator(title):
        return Role.OPERATOR
    return Role.COMPANY


class SpeakerBook:
    """The speakers of one call: one draft per person, two spellings merged into aliases."""

    def __init__(self) -> None:
        self._drafts: list[SpeakerDraft] = []
        self._by_key: dict[str, SpeakerDraft] = {}
        self._exact: dict[str, SpeakerDraft] = {}
        self._ids: set[str] = set()

    def __iter__(self) -> Iterator[SpeakerDraft]:
        return iter(self._drafts)

    def __len__(self) -> int:
        return len(self._drafts)

    @property
    def drafts(self) -> list[SpeakerDraft]:
        """Every speaker, in order of first appearance."""
        return list(self._drafts)

    def find(self, name: str) -> SpeakerDraft | None:
        """The speaker of ``name`` (its name, an alias, or :func:`same_person`), or ``None``."""
        name = clean_name(name)
        key = name_key(name)
        hit = self._by_key.get(key)
        if hit is not None:
            return hit
        if is_operator(name):
            return self._by_key.get(name_key(OPERATOR))
        if is_placeholder(name):
            return None
        matches = [
            d for d in self._drafts if not is_placeholder(d.name) and same_person(name, d.name)
        ]
        matches += [
            d
            for d in self._drafts
            if d not in matches and any(same_person(name, a) for a in d.aliases)
        ]
        # Two different people could both match a bare "Wang": refuse to guess.
        return matches[0] if len(matches) == 1 else None

    def get(
        self,
        name: str,
        title: str | None = None,
        role: Role | None = None,
        firm: str | None = None,
    ) -> SpeakerDraft:
        """The speaker called ``name``, created on first sight; what the header adds (title,
        role, firm) fills in what was unknown. ``Operator`` gets role operator and id
        ``operator``; a placeholder gets the role its words say."""
        fast = self._exact.get(name)
        if fast is not None:
            # The same spelling again (every turn of a call): nothing new to decide.
            fast.learn(title=title, role=role, firm=firm)
            return fast
        raw = name
        name = clean_name(name) or UNKNOWN_SPEAKER
        if is_operator(name):
            name, role = OPERATOR, Role.OPERATOR
        elif role is None and is_placeholder(name):
            role = placeholder_role(name)
        if role is None:
            role = role_from_title(title)
        draft = self.find(name)
        if draft is None:
            draft = SpeakerDraft(self._new_id(name), name)
            self._drafts.append(draft)
        elif name != draft.name:
            draft.add_alias(name)
        self._by_key.setdefault(name_key(name), draft)
        self._exact[raw] = draft
        draft.learn(title=title, role=role, firm=firm)
        return draft

    def alias(self, draft: SpeakerDraft, name: str) -> None:
        """Record ``name`` as another spelling of ``draft`` (found by :meth:`find` from then on)."""
        draft.add_alias(name)
        self._by_key.setdefault(name_key(name), draft)

    def _new_id(self, name: str) -> str:
        base = "operator" if name == OPERATOR else slug(name)
        sid, k = base, 2
        while sid in self._ids:
            sid, k = f"{base}-{k}", k + 1
        self._ids.add(sid)
        return sid


# ---------------------------------------------------------------------------------------------
# Q&A start
# ---------------------------------------------------------------------------------------------

QA_HEADING_RE = lazy_compile(
    r"^\W*(?:questions?\s*(?:and|&|-|–)\s*answers?(?:\s+session)?|question-and-answer\s+session"
    r"|q\s*&\s*a(?:\s*(?:session|環節|环节))?|q\s*and\s*a|(?:q\s*&\s*a\s*)?(?:問答|问答|提問|提问)(?:環節|环节|時間|时间)?)"
    r"\W*$",
    re.IGNORECASE,
)
PREPARED_HEADING_RE = lazy_compile(
    r"^\W*(?:prepared\s+remarks|presentation|management\s+discussion(?:\s+section)?"
    r"|opening\s+remarks|簡報|简报|(?:管理層|管理层)?(?:報告|报告|致詞|致词))\W*$",
    re.IGNORECASE,
)
# A turn that opens the questions: the operator (or a host) calling the first question.
_QA_OPEN_RE = lazy_compile(
    r"\b(?:first|1st)\s+question\s+(?:is|comes?|will\s+come|today|from|we\s+have|of\s+the\s+day)"
    r"|\btake\s+(?:our|the)\s+first\s+question\s+(?:from|today|comes)"
    r"|\bfirst\s+question,?\s+from\b"
    r"|\bfirst\s+(?:caller|questioner)\b|\bquestion\s+comes\s+from\b",
    re.IGNORECASE,
)


def opens_questions(text: str) -> bool:
    """Whether a turn's text calls the first question (``our first question comes from ...``)."""
    low = text.casefold()
    if "question" not in low and "caller" not in low:
        return False  # the cheap test first: most turns never mention a question
    return _QA_OPEN_RE.search(text) is not None


def find_qa_start(roles: Sequence[Role | None], texts: Sequence[str]) -> int | None:
    """Index of the first Q&A turn, or ``None`` when the call has no questions.

    ``roles`` and ``texts`` are per turn (``texts``: the turn's English). Q&A opens at the
    first analyst turn, backed up over the operator turn(s) just before it that announce the
    question; or earlier, at a turn (after some company remarks) that calls the first question
    when no analyst is known (retail questions read out by a host).
    """
    n = len(roles)
    first_analyst = next((t for t in range(n) if roles[t] is Role.ANALYST), None)
    seen_company = False
    opener: int | None = None
    for t in range(n):
        if roles[t] not in (Role.OPERATOR, Role.ANALYST):
            seen_company = True  # a company speaker, or one not yet known (not the operator)
        if t > 0 and seen_company and opens_questions(texts[t]):
            opener = t
            break
    if first_analyst is not None:
        start = first_analyst
        while (
            start > 0
            and roles[start - 1] is Role.OPERATOR
            and any(r is Role.COMPANY for r in roles[: start - 1])
        ):
            start -= 1
        if opener is not None and opener < start:
            return opener
        return start
    return opener


# ---------------------------------------------------------------------------------------------
# Paragraphs
# ---------------------------------------------------------------------------------------------

_ABBREV = frozenset(
    """
    mr mrs ms dr prof sr jr st inc co corp ltd llc plc no nos vs etc approx appr est dept
    u.s u.k e.g i.e a.m p.m fig figs jan feb mar apr jun jul aug sep sept oct nov dec mt mln
    bln bn mm vol op ph gov sen rep gen col capt lt sgt
    """.split()  # noqa: SIM905
)
_SENT_END_RE = lazy_compile(r"[.!?。！？…]+[\"”’')\]]*(?=\s+|$)")


def split_sentences(text: str) -> list[str]:
    """Sentences of an English (or Chinese) text, keeping abbreviations (``Mr.``, ``U.S.``,
    ``Inc.``), decimals (``3.5``) and initials (``J. Smith``) inside their sentence."""
    out: list[str] = []
    start = 0
    s = text.strip()
    for m in _SENT_END_RE.finditer(s):
        end = m.end()
        before = s[start : m.start()].rsplit(None, 1)
        word = before[-1].casefold().strip("(\"“'") if before else ""
        rest = s[end:].lstrip()
        if m.group().startswith("."):
            if word in _ABBREV or word.rstrip(".") in _ABBREV:
                continue
            if len(word) == 1 and word.isalpha():  # an initial
                continue
            if re.fullmatch(r"(?:[a-z]\.)+[a-z]?", word) and (rest[:1].islower() or not rest):
                continue  # U.S, e.g
        if rest and (rest[0].islower() or rest[0] in ",;:"):
            continue
        piece = s[start:end].strip()
        if piece:
            out.append(piece)
        start = end
    tail = s[start:].strip()
    if tail:
        out.append(tail)
    return out


# Phrases that open a new topic in spoken remarks: a good place for a paragraph break.
_TOPIC_RE = lazy_compile(
    r"^(?:now,?\s+)?(?:turning|moving|let(?:'|’)?s\s+(?:turn|move|now\s+turn)|let\s+me\s+(?:now\s+)?"
    r"(?:turn|move|start|begin|close|conclude|hand)|i(?:'|’)ll\s+(?:now\s+)?(?:turn|start|begin|"
    r"hand|close|walk)|(?:now\s+)?(?:looking|turning|moving)\s+(?:at|to|on)|next,|finally,|"
    r"in\s+closing|in\s+summary|to\s+summarize|to\s+conclude|with\s+that|on\s+slide|"
    r"(?:please\s+)?turn(?:ing)?\s+to\s+slide|thank\s+you|thanks,|good\s+(?:morning|afternoon|"
    r"evening)|(?:our|the)\s+(?:first|next)\s+question|and\s+now\s+(?:to|for|on))",
    re.IGNORECASE,
)


def group_sentences(
    sentences: Sequence[str], *, target: int = 600, limit: int = 1200
) -> list[list[int]]:
    """Indexes of ``sentences`` grouped into paragraphs of about ``target`` characters.

    A paragraph breaks before a sentence that opens a new topic (``Turning to ...``,
    ``Now looking at Slide 5``, ``Finally, ...``) once it has some length, and always before
    it would pass ``limit``. Used when a file gives sentences but no paragraphs.
    """
    groups: list[list[int]] = []
    cur: list[int] = []
    size = 0
    for i, sent in enumerate(sentences):
        n = len(sent)
        if cur and (
            size + n > limit
            or (size >= target // 3 and _TOPIC_RE.match(sent))
            or (size >= target and sent[:1].isupper())
        ):
            groups.append(cur)
            cur, size = [], 0
        cur.append(i)
        size += n + 1
    if cur:
        groups.append(cur)
    return groups


def unwrap_lines(
    lines: Sequence[tuple[int, str]], *, width: int | None = None
) -> list[tuple[int, str]]:
    """Hard-wrapped ``(line_no, text)`` lines back into ``(first_line_no, paragraph)`` pairs.

    Blank lines always end a paragraph. Otherwise a line ends one when it ends a sentence and
    is clearly shorter than the wrap width (``width``, or the file's usual long-line length):
    the writer pressed Enter there, the wrapper did not. A word split by a hyphen at the wrap
    (``manage-`` / ``ment``) is not re-joined: the hyphen may be real.
    """
    body = [(no, t.rstrip()) for no, t in lines]
    if width is None:
        lengths = sorted(len(t) for _, t in body if t.strip())
        width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    out: list[tuple[int, str]] = []
    cur: list[str] = []
    start = 0
    for no, t in body:
        s = t.strip()
        if not s:
            if cur:
                out.append((start, " ".join(cur)))
                cur = []
            continue
        if not cur:
            start = no
        cur.append(s)
        if width and len(t) < width * 0.8 and re.search(r"[.!?:\"”)]\s*$", s):
            out.append((start, " ".join(cur)))
            cur = []
    if cur:
        out.append((start, " ".join(cur)))
    return out


# ---------------------------------------------------------------------------------------------
# Metadata
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class MetaHints:
    """What a file says about its call; any field may be unknown."""

    company: str | None = None
    ticker: str | None = None
    fiscal_year: int | None = None
    quarter: int | None = None
    call_date: str | None = None
    title: str | None = None

    def fill(self, other: MetaHints) -> MetaHints:
        """A copy with this object's unknown fields taken from ``other``."""
        return MetaHints(
            company=self.company or other.company,
            ticker=self.ticker or other.ticker,
            fiscal_year=self.fiscal_year or other.fiscal_year,
            quarter=self.quarter or other.quarter,
            call_date=self.call_date or other.call_date,
            title=self.title or other.title,
        )


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        )
    )
    for m in names.split()
}
_MONTH_RE = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE_RES = (
    lazy_compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)(?!\d)"),
    lazy_compile(
        rf"(?:\b|(?<=[a-z])(?=[A-Z])){_MONTH_RE}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s*(?P<y>(?:19|20)\d\d)\b",
        re.I,
    ),
    lazy_compile(rf"\b(?P<d>[0-3]?\d)\s+{_MONTH_RE},?\s+(?P<y>(?:19|20)\d\d)\b", re.I),
    lazy_compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)年\s*(?P<m>[01]?\d)月\s*(?P<d>[0-3]?\d)日"),
    lazy_compile(r"(?<!\d)(?P<y>20\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"),
)


_YEAR_RE = lazy_compile(r"(?<!\d)(?:19|20)\d\d")


def parse_date(text: str) -> str | None:
    """The first real calendar date in ``text`` as ISO ``YYYY-MM-DD`` (``May 14, 2026``,
    ``Oct. 27, 2022``, ``2025-07-31``, ``2026年3月11日``, ``20260311``), or ``None``."""
    # Every date holds a year: look only around the years (the full patterns are slow on
    # long text).
    for y in _YEAR_RE.finditer(text):
        window = text[max(0, y.start() - 24) : y.end() + 12]
        found: list[tuple[int, str]] = []
        for rx in _DATE_RES:
            for m in rx.finditer(window):
                iso = _iso(m)
                if iso is not None:
                    found.append((m.start(), iso))
                    break
        if found:
            return min(found)[1]
    return None


def _iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    try:
        month = _MONTHS[g["mon"].casefold().rstrip(".")] if g.get("mon") else int(g["m"])
        return _dt.date(int(g["y"]), month, int(g["d"])).isoformat()
    except (KeyError, ValueError):
        return None


_QWORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_Q = r"(?:Q(?P<qn>[1-4])|(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter)"
_Y = r"(?:(?:fiscal(?:\s+year)?|FY)\s*)?(?:(?P<y>(?:19|20)\d\d)|'(?P<y2>\d\d))"
_Q2 = _Q.replace("qn", "qn2").replace("qw", "qw2")
_Y2 = _Y.replace("P<y>", "P<yb>").replace("P<y2>", "P<yb2>")
_PERIOD_RES = (
    # "Q1 FY 2022", "Second Quarter 2025", "second quarter of fiscal 2025", "Q3 Fiscal Year 2025"
    lazy_compile(rf"\b{_Q}(?:\s+(?:of\s+)?(?:the\s+)?)?(?:,\s*)?{_Y}\b", re.IGNORECASE),
    # "Fiscal Year 2023 First Quarter", "2024 Q4"
    lazy_compile(rf"(?<![\w$]){_Y2}\s+{_Q2}", re.IGNORECASE),
)


def _period(m: re.Match[str]) -> tuple[int | None, int | None]:
    g = m.groupdict()
    qn = g.get("qn") or g.get("qn2")
    qw = g.get("qw") or g.get("qw2")
    quarter = int(qn) if qn else _QWORD.get((qw or "").casefold())
    y = g.get("y") or g.get("yb")
    y2 = g.get("y2") or g.get("yb2")
    year = int(y) if y else (2000 + int(y2) if y2 else None)
    return year, quarter


_ZH_PERIOD_RE = lazy_compile(
    r"(?P<y>(?:19|20)\d\d)\s*(?:財年|财年|年度|年)\s*(?:第\s*(?P<q>[一二三四1-4１-４])\s*(?:季|季度)"
    r"|Q(?P<q2>[1-4]))"
)
_ZH_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "１": 1, "２": 2, "３": 3, "４": 4}


def find_period(text: str) -> tuple[int | None, int | None]:
    """``(fiscal_year, quarter)`` of the first ``Q3 2024`` / ``third quarter of fiscal 2025`` /
    ``Fiscal Year 2023 First Quarter`` / ``2025 年第四季`` phrase in ``text``."""
    for y in _YEAR_RE.finditer(text):
        # A period phrase holds a year: try the patterns around each year, in text order.
        lo = max(0, y.start() - 40)
        window = text[lo : y.end() + 40]
        best: tuple[int, tuple[int | None, int | None]] | None = None
        for rx in _PERIOD_RES:
            for m in rx.finditer(window):
                if m.start() <= y.start() - lo < m.end():
                    if best is None or m.start() < best[0]:
                        best = (m.start(), _period(m))
                    break
        z = _ZH_PERIOD_RE.match(window, y.start() - lo)
        if z:
            q = z.group("q") or z.group("q2") or ""
            zp = (int(z.group("y")), _ZH_QUARTER.get(q) or int(q))
            if best is None or z.start() < best[0]:
                best = (z.start(), zp)
        if best is not None:
            return best[1]
    return None, None


_TICKER_PAREN_RE = lazy_compile(
    r"\((?:(?:NYSE|NASDAQ|Nasdaq|NYSEAMERICAN|AMEX|OTC|TSX|LSE|NYSE American|NasdaqGS|NasdaqGM)\s*:\s*)?"
    r"(?P<t>[A-Z][A-Z0-9.]{0,6})(?:\s*[+\-−]\s*\d+(?:\.\d+)?%|\d+(?:\.\d+)?%)?\)"
)
_WELCOME_RE = lazy_compile(
    r"welcome\s+(?:to|everyone\s+to)\s+(?:the\s+|today's\s+)?(?P<c>[A-Z][\w.&'’\- ]{1,60}?)(?:'s|’s)?\s+"
    r"(?i:(?:conference\s+call\s+for\s+the\s+)|(?:fiscal|FY|Q[1-4]|first|second|third|fourth|"
    r"full[\s-]year|(?:19|20)\d\d))",
)


def meta_from_text(text: str) -> MetaHints:
    """Metadata the head of a transcript states: period (``Q3 2024``, ``third quarter of fiscal
    2025``), call date, company (``welcome to the Acme Second Quarter ...``, ``Acme (ACME+5%)``)
    and ticker (``(NASDAQ: ACME)``, ``Acme(ACME+5.25%)``)."""
    head = text[:6000]
    year, quarter = find_period(head)
    hints = MetaHints(fiscal_year=year, quarter=quarter, call_date=parse_date(head[:3000]))
    m = _TICKER_PAREN_RE.search(head[:3000])
    if m:
        hints.ticker = m.group("t")
        before = head[: m.start()].rsplit("\n", 1)[-1].strip()
        if before and looks_like_name(before, allow_single=True, max_tokens=5):
            hints.company = before
    w = _WELCOME_RE.search(head)
    if w and not hints.company:
        company = w.group("c").strip()
        company = re.sub(r"\s+(?:Inc|Corp|Corporation|Company|Co|Ltd|plc)\.?$", "", company)
        if company and company.split()[0].casefold() not in _NOT_NAME_WORDS:
            hints.company = company
    return hints


_FILE_RES = (
    # AAPL_Q3_2024, aapl-q1-2022-..., CT_ABT_2018_q1, MSFT_2026_Q2_88811b, 2454_2026Q2
    lazy_compile(
        r"^(?:CT_)?(?P<t>[A-Za-z][A-Za-z.]{0,5}|\d{4})[_\- ]q(?P<q>[1-4])[_\- ](?P<y>(?:19|20)\d\d)",
        re.I,
    ),
    lazy_compile(
        r"^(?:CT_)?(?P<t>[A-Za-z][A-Za-z.]{0,5}|\d{4})[_\- ](?P<y>(?:19|20)\d\d)[_\- ]?q(?P<q>[1-4])",
        re.I,
    ),
    # "Q3 2022 Acme Inc Earnings Call"
    lazy_compile(
        r"^q(?P<q>[1-4])\s+(?P<y>(?:19|20)\d\d)\s+(?P<c>.+?)(?:\s+earnings\s+call)?$", re.I
    ),
)


def meta_from_filename(path: str) -> MetaHints:
    """What a file name suggests (``AAPL_Q3_2024.md``, ``aapl-q1-2022-...json``,
    ``MSFT_2026_Q2_x.json``, ``2454_2026Q2.txt``, ``Q3 2022 Acme Inc Earnings Call.txt``).
    File names are often wrong: use with :func:`reconcile_meta`, never alone over content."""
    stem = PurePath(path).name
    stem = re.sub(r"(?:\.body\d*)?\.(?:txt|md|json|text|markdown)$", "", stem, flags=re.I)
    stem = re.sub(r"^[\w-]+?__", "", stem)  # "owner__name" prefixes of collected datasets
    for rx in _FILE_RES:
        m = rx.match(stem)
        if not m:
            continue
        g = m.groupdict()
        hints = MetaHints(fiscal_year=int(g["y"]), quarter=int(g["q"]))
        if g.get("t"):
            hints.ticker = g["t"].upper()
        if g.get("c"):
            hints.company = g["c"].strip()
        return hints
    return MetaHints()


def _quarter_end(year: int, quarter: int) -> _dt.date:
    month = quarter * 3
    nxt = _dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - _dt.timedelta(days=1)


def reconcile_meta(
    content: MetaHints,
    filename: MetaHints,
    warn: Callable[[str], None],
    *,
    calendar_year: bool = False,
) -> MetaHints:
    """Content first, the file name only for what the content does not say; a file name that
    disagrees with the content (``_Q3_2024`` on a Q3 2025 call), or names a quarter that had not
    ended on the call's date, is reported through ``warn`` and not used. ``calendar_year``: the
    company's fiscal year is the calendar year (Taiwan, China), so the quarter must have ended
    by the call; otherwise a fiscal year may run up to a year ahead of the calendar."""
    out = dataclasses.replace(content)
    fy, fq = filename.fiscal_year, filename.quarter
    if fy and fq and content.fiscal_year and content.quarter:
        if (fy, fq) != (content.fiscal_year, content.quarter):
            warn(
                f"the file name says Q{fq} {fy} but the transcript says "
                f"Q{content.quarter} {content.fiscal_year}; the transcript's is kept"
            )
    elif fy and fq:
        if content.call_date:
            called = _dt.date.fromisoformat(content.call_date)
            # A fiscal year may run up to a year ahead of the calendar, never behind it.
            earliest = _quarter_end(fy if calendar_year else fy - 1, fq)
            if called < earliest or called > _quarter_end(fy + 1, fq):
                warn(
                    f"the file name says Q{fq} {fy}, which does not fit a call on "
                    f"{content.call_date}; the period is left unknown"
                )
                fy = fq = None
        if content.fiscal_year and fy and content.fiscal_year != fy:
            fy = fq = None
        out.fiscal_year = out.fiscal_year or fy
        out.quarter = out.quarter or fq
    if filename.ticker and content.ticker and filename.ticker != content.ticker:
        warn(
            f"the file name says {filename.ticker} but the transcript says {content.ticker}; "
            "the transcript's is kept"
        )
    out.ticker = out.ticker or filename.ticker
    out.company = out.company or filename.company
    return out


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


# The operator's stock phrases, to recognise an operator known only as "spk03".
_OPERATOR_TEXT_RE = lazy_compile(
    r"\(?operator instructions\)?|\bour (?:first|next) question\b|\bnext question (?:comes|is)\b"
    r"|\bquestion comes from\b|\bline of\b.{0,60}\b(?:with|from)\b|\bthis concludes (?:today'?s|the)"
    r"|\byou may (?:now )?disconnect\b|\bplease stand by\b|\bwelcome to the\b.{0,120}\b(?:call|conference)\b"
    r"|\bin a listen-only mode\b",
    re.IGNORECASE,
)


_INTRO_CONTEXT_RE = lazy_compile(
    r"(?:first|next|last|final|following|another)\s+(?:question|questioner|caller)|\bnext\b"
    r"|question\s+(?:comes|is|will\s+come)\s+from|\bline\s+of\b|operator\s+instructions"
    r"|\b(?:comes|is|will\s+come)\s+from\b"
    r"|\b(?:move|moving|go|going|turn)\s+(?:on\s+)?to\b.{0,40}\b(?:from|with|at)\b",
    re.IGNORECASE,
)


def hands_over_question(text: str) -> bool:
    """Whether ``text`` hands the floor to a questioner (``our next question comes from ...``,
    ``the line of ...``), as opposed to a colleague (``over to Kevan Parekh, CFO``)."""
    return _INTRO_CONTEXT_RE.search(text) is not None


def plausible_firm(firm: str) -> bool:
    """A firm an introduction names, not a sentence the intro regexes ran into."""
    return (
        0 < len(firm) <= 60
        and ". " not in firm
        and not looks_like_title(firm)
        and not any(w in ("I", "I'll", "I'm", "We", "We'll", "You") for w in firm.split())
    )


def _matching_suffix(announced: str, speaker: SpeakerDraft) -> str | None:
    """The part of an announced name that denotes ``speaker`` (the intro regexes may swallow
    leading words: ``Next Harlan Sur``), or ``None``. A first name alone (``Adam at Morgan
    Stanley``) counts when it is the speaker's first name or its short form."""
    tokens = announced.split()
    names = [speaker.name, *speaker.aliases]
    for k in range(len(tokens)):
        cand = " ".join(tokens[k:])
        if any(same_person(cand, n) for n in names):
            return cand
    if tokens:
        last = tokens[-1].strip(".,").casefold()
        for n in names:
            toks = name_tokens(n)
            if len(toks) >= 2 and (last == toks[0] or _first_names_match(last, toks[0])):
                return tokens[-1]
    # Announced just before the turn with the same surname ("Alex Zukin" for "Aleksandr
    # Zukin", "Parker Lane" for "J. Lane"): the position makes it the same person.
    ann = name_tokens(trim_name(announced))
    if len(ann) >= 2:
        for n in names:
            toks = [t.strip(".").casefold() for t in clean_name(n).split()]
            if len(toks) >= 2 and toks[-1] == ann[-1]:
                return trim_name(announced)
    return None


def operator_phrases(text: str) -> int:
    """How many of the operator's stock phrases ``text`` uses (``our next question comes
    from``, ``(Operator Instructions)``, ``you may now disconnect``)."""
    return len(_OPERATOR_TEXT_RE.findall(text))


def trim_name(name: str) -> str:
    """An announced name without the sentence words the intro patterns may have caught
    (``Next Harlan Sur`` -> ``Harlan Sur``)."""
    tokens = clean_name(name).split()
    while len(tokens) > 1 and tokens[0].casefold().strip(".,") in _NOT_NAME_WORDS:
        tokens.pop(0)
    return " ".join(tokens)


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
            if _OPERATOR_TEXT_RE.search(t.text[:2000]):
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
            if not _INTRO_CONTEXT_RE.search(intro_text):
                continue
            done.add(sp.id)
            for intro in find_intros(intro_text):
                if not plausible_firm(intro.firm):
                    continue
                cand = _matching_suffix(intro.name, sp)
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
