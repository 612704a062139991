"""Speaker names: cleaning, name/title/label tests, placeholders, the operator, same_person."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from viewer.core.formats.script import HAN_RE
from viewer.core.lazy_re import lazy_compile
from viewer.core.models import (
    Role,
)
from viewer.core.speakers import (
    NICKNAMES,
)

OPERATOR = "Operator"
UNKNOWN_SPEAKER = "Unknown speaker"

# ---------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------

_PARTICLES = frozenset(
    """
    de da di del della der den van von la le bin al el du dos das ter ten st mc
    """.split()  # noqa: SIM905
)
# Words that start a sentence or a heading, never a name (a capitalised "Name:" look-alike).
NOT_NAME_WORDS = frozenset(
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
    # Readers clean the same few labels on every turn: remember the short ones.
    return _clean_name_cached(raw) if len(raw) <= _CACHED_LEN else _clean_name(raw)


_CACHED_LEN = 200  # longer text is not a label: not worth keeping


def _clean_name(raw: str) -> str:
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
        if low in NOT_NAME_WORDS and len(tokens) <= 2:
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


_BOLD_START_RE = lazy_compile(r"\s*\*\*")
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
    # (A pattern for the leading "**": line.lstrip() copied every line, thousands of
    # characters each in a layout with one turn per line.)
    bold = _BOLD_START_RE.match(line)
    m = _LABEL_RE.match(line[bold.end() :] if bold else line)
    if not m:
        return None
    raw, text = m.group("name"), m.group("text")
    if bold:
        # A bold label closes at its colon: "**Jane Roe:** text" or "**Jane Roe**: text".
        # A bold run past the first colon ("**Note: see below** text") is no label.
        if raw.endswith("**"):
            raw = raw[:-2]
        elif text.startswith("**"):
            text = text[2:]
        else:
            return None
    name = clean_name(raw)
    if not name:
        return None
    names = known if isinstance(known, NameSet) else NameSet(known)
    if name in names or is_label_name(name, allow_single):
        return name, text.strip()
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
    if len(name) <= _CACHED_LEN:
        return list(_name_tokens_cached(name))
    return list(_name_tokens(name))


def _name_tokens(name: str) -> tuple[str, ...]:
    s = _HONORIFIC_RE.sub("", clean_name(name))
    toks = [t.strip(".,'’").casefold() for t in s.replace("-", " - ").split()]
    toks = [t for t in toks if t and t != "-"]
    while toks and toks[-1] in ("jr", "sr", "ii", "iii", "iv", "phd", "cfa", "md"):
        toks.pop()
    return tuple(t for t in toks if len(t) > 1 or not t.isalpha())


# Pure functions of short strings, asked again for every turn and every pair of speakers.
_clean_name_cached = functools.lru_cache(maxsize=4096)(_clean_name)
_name_tokens_cached = functools.lru_cache(maxsize=4096)(_name_tokens)


def first_names_match(a: str, b: str) -> bool:
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
    if not first_names_match(ta[0], tb[0]):
        return False
    # Middle names, when both have them, must agree.
    ma, mb = set(ta[1:-1]), set(tb[1:-1])
    return not (ma and mb and not (ma & mb))


def name_key(name: str) -> str:
    """A case- and punctuation-insensitive key for exact lookups (not alias matching)."""
    return " ".join(name_tokens(name)) or clean_name(name).casefold()
