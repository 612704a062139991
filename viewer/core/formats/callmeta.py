"""What a file says about its call: MetaHints, dates, periods, file names, reconcile_meta."""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from viewer.core.formats.names import NOT_NAME_WORDS, looks_like_name
from viewer.core.lazy_re import lazy_compile
from viewer.core.warning_codes import WarningMessage

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


MONTHS = {
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
        month = MONTHS[g["mon"].casefold().rstrip(".")] if g.get("mon") else int(g["m"])
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
        if company and company.split()[0].casefold() not in NOT_NAME_WORDS:
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
                WarningMessage(
                    f"the file name says Q{fq} {fy} but the transcript says "
                    f"Q{content.quarter} {content.fiscal_year}; the transcript's is kept",
                    "filename_period_differs",
                    file_quarter=fq,
                    file_year=fy,
                    quarter=content.quarter,
                    year=content.fiscal_year,
                )
            )
    elif fy and fq:
        if content.call_date:
            called = _dt.date.fromisoformat(content.call_date)
            # A fiscal year may run up to a year ahead of the calendar, never behind it.
            earliest = _quarter_end(fy if calendar_year else fy - 1, fq)
            if called < earliest or called > _quarter_end(fy + 1, fq):
                warn(
                    WarningMessage(
                        f"the file name says Q{fq} {fy}, which does not fit a call on "
                        f"{content.call_date}; the period is left unknown",
                        "filename_period_unfit",
                        file_quarter=fq,
                        file_year=fy,
                        date=content.call_date,
                    )
                )
                fy = fq = None
        if content.fiscal_year and fy and content.fiscal_year != fy:
            fy = fq = None
        out.fiscal_year = out.fiscal_year or fy
        out.quarter = out.quarter or fq
    if filename.ticker and content.ticker and filename.ticker != content.ticker:
        warn(
            WarningMessage(
                f"the file name says {filename.ticker} but the transcript says {content.ticker}; "
                "the transcript's is kept",
                "filename_ticker_differs",
                file_ticker=filename.ticker,
                ticker=content.ticker,
            )
        )
    out.ticker = out.ticker or filename.ticker
    out.company = out.company or filename.company
    return out


def without_final_parenthesis(company: str) -> str:
    """``company`` without a parenthesis closing it ("Acme (ACME)" -> "Acme"): from the first
    opening bracket after the last closing one before the end. Scanned from the end, without a
    regular expression: ``\\s*[(][^)]*[)]\\s*$`` took quadratic time on a long blank run or on
    many opening brackets."""
    body = company.rstrip()
    if not body.endswith((")", "）")):
        return company
    inner = body[:-1]
    after = max(inner.rfind(")"), inner.rfind("）")) + 1
    opens = [k for k in (inner.find("(", after), inner.find("（", after)) if k >= 0]
    return inner[: min(opens)] if opens else company
