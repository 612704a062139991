"""What a search looks for (:class:`SearchOptions`), what it finds (:class:`Hit`) and how it
fails (:class:`SearchError`, :class:`SearchTimeout`)."""

from __future__ import annotations

from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict

from viewer.core.errors import ViewerError

Lang = Literal["en", "zh"]
Scope = Literal["both", "en", "zh"]
LANGS: tuple[Lang, Lang] = ("en", "zh")


class SearchError(ViewerError):
    """The query cannot be run (an invalid regular expression); ``str()`` is a short message."""


class SearchTimeout(SearchError):
    """A regular expression ran past its time budget (it backtracks too much on this text);
    ``str()`` says so in one line."""

    code = "regex_too_slow"

    def __init__(self, budget: float) -> None:
        self.budget = budget
        super().__init__(
            f"the regular expression is too slow on this text (stopped after {budget:g} s): "
            "simplify it, e.g. avoid nested repeats such as (a+)+",
            values={"seconds": f"{budget:g}"},
        )


class SearchOptions(BaseModel):
    """What to look for and where.

    ``paragraphs`` restricts the search to those paragraph indices (the speakers and
    sections shown); ``None`` searches every paragraph.
    """

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    query: str
    regex: bool = False
    case_sensitive: bool = False
    whole_word: bool = False
    scope: Scope = "both"
    paragraphs: frozenset[int] | None = None

    @property
    def langs(self) -> tuple[Lang, ...]:
        """The languages searched, in document order (English first)."""
        return LANGS if self.scope == "both" else (self.scope,)


class Hit(NamedTuple):
    """One match: code-point offsets ``[start, end)`` into the original paragraph text.

    Tuples sort in document order: paragraph, then ``en`` before ``zh``, then start.
    """

    paragraph: int
    lang: Lang
    start: int
    end: int
