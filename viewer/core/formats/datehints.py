"""Call dates and quarters for the English readers: ``find_date``, ``quarter_from_path``."""

from __future__ import annotations

import datetime as _dt
import re

from viewer.core.formats.callmeta import MONTHS
from viewer.core.lazy_re import lazy_compile

_DATE_RE = lazy_compile(
    r"\b(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+"
    r"(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_ISO_DATE_RE = lazy_compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")


_PERIOD_WORDS_RE = lazy_compile(r"(?:ended|ending|as of|through|filed|dated|since|until)\s*$", re.I)


def find_date(text: str) -> str | None:
    """The first ``Month D, YYYY`` (or ISO) date in ``text`` as ``YYYY-MM-DD``, if valid.

    Dates that close a period ("the quarter ended September 30, 2022") are skipped: they do
    not date the call.
    """

    for m in _DATE_RE.finditer(text):
        if _PERIOD_WORDS_RE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        key = m.group("month").casefold()
        month = next((v for k, v in MONTHS.items() if k.startswith(key[:3])), None)
        if month is None:
            continue
        try:
            return _dt.date(int(m.group("year")), month, int(m.group("day"))).isoformat()
        except ValueError:
            continue
    m2 = _ISO_DATE_RE.search(text)
    if m2:
        try:
            return _dt.date(
                int(m2.group("year")), int(m2.group("month")), int(m2.group("day"))
            ).isoformat()
        except ValueError:
            return None
    return None


_NAME_QUARTER_RES = (
    re.compile(r"(?<![A-Za-z0-9])Q(?P<q>[1-4])[ _\-]*(?:FY)?(?P<y>(?:19|20)\d\d)(?!\d)", re.I),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[ _\-]*Q(?P<q>[1-4])(?![0-9])", re.I),
)


def quarter_from_path(path: str) -> tuple[int, int] | None:
    """``(quarter, year)`` from a file name such as ``Q3 2022 Acme Earnings Call.txt`` or
    ``ACME_2024_Q4.json``: a last resort, the content wins when it says."""
    base = re.split(r"[\\/]", path)[-1]
    for rx in _NAME_QUARTER_RES:
        m = rx.search(base)
        if m:
            return int(m.group("q")), int(m.group("y"))
    return None
