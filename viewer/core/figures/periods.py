"""Periods a figure is about: ``Q4 2024``, ``FY2025``, ``H2 2025``, ``2028``, ``long term``,
read from the paragraph (both languages) and resolved against the call's own quarter."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from viewer.core.figures.script import zh_compile


class PeriodKind(StrEnum):
    """What kind of span a :class:`Period` is."""

    QUARTER = "Q"
    FISCAL_YEAR = "FY"
    HALF = "H"
    YEAR = "Y"  # a year two or more years out: a target, not guidance
    LONG_TERM = "LT"


@dataclass(frozen=True, slots=True)
class Period:
    """A period: ``kind``, its ``year`` (when known) and ``n`` (the quarter or the half).

    ``alone``: a quarter named without its year (``Q1``), whose year was guessed."""

    kind: PeriodKind
    year: int | None = None
    n: int | None = None
    alone: bool = False

    @property
    def label(self) -> str:
        """``Q4 2024``, ``Q4``, ``FY2024``, ``H2 2025``, ``2028`` or ``long term``."""
        k = self.kind
        if k is PeriodKind.QUARTER:
            return f"Q{self.n} {self.year}" if self.year is not None else f"Q{self.n}"
        if k is PeriodKind.FISCAL_YEAR:
            return f"FY{self.year}"
        if k is PeriodKind.HALF:
            return f"H{self.n} {self.year}"
        if k is PeriodKind.YEAR:
            return str(self.year)
        return "long term"


Q, FY, H, Y, LT = (
    PeriodKind.QUARTER,
    PeriodKind.FISCAL_YEAR,
    PeriodKind.HALF,
    PeriodKind.YEAR,
    PeriodKind.LONG_TERM,
)
LONG_TERM = Period(LT)


@dataclass(frozen=True, slots=True)
class CallContext:
    """The call's own quarter, to resolve ``Q1``, ``the previous quarter``, ``this year``."""

    year: int | None
    quarter: int | None
    #: The month (1-12) of the call's date, when known: resolves "the December quarter".
    month: int | None = None

    def month_quarter(self, end: int) -> Period:
        """``the December quarter`` (``end`` = 12): the quarter ending that month, nearest the
        call: its own quarter (the last to end before the call's month), the next two, or
        the one before (Apple's fiscal Q1 is its December quarter). Without the call's date,
        the fiscal quarter of that calendar number."""
        if self.month is None or self.year is None or self.quarter is None:
            return self.quarter_alone(end // 3)
        own_end = (self.month - 1) // 3 * 3 or 12
        delta = (end - own_end) // 3 % 4
        p = self.shift(delta if delta < 3 else -1)
        assert p is not None
        return p

    def this_year(self) -> int | None:
        """The year "this year" means on this call."""
        # A Q4 call happens after the year ended: "this year" is the new one.
        if self.year is None:
            return None
        return self.year + 1 if self.quarter == 4 else self.year

    def shift(self, delta: int) -> Period | None:
        """The quarter ``delta`` quarters from the call's own (None when it is unknown)."""
        if self.year is None or self.quarter is None:
            return None
        k = self.year * 4 + self.quarter - 1 + delta
        return Period(Q, k // 4, k % 4 + 1)

    def quarter_alone(self, n: int) -> Period:
        """``Q1`` without a year: the next quarter when it is the one after the call, else the
        call's year (a later quarter of the same year is more often guidance than history)."""
        if self.year is None or self.quarter is None:
            return Period(Q, None, n, alone=True)
        nxt = self.shift(1)
        if nxt is not None and nxt.n == n:
            return Period(Q, nxt.year, n, alone=True)
        return Period(Q, self.year, n, alone=True)

    def year_period(self, year: int) -> Period:
        """A year named alone: the fiscal year, or a target year when two or more out."""
        if self.year is not None and year >= self.year + 2:
            return Period(Y, year)
        return Period(FY, year)

    def is_future(self, p: Period) -> bool:
        """Whether ``p`` lies after the call's quarter."""
        if self.year is None:
            return False
        if p.kind is Q:
            if p.year is None or p.n is None:
                return False
            return (p.year, p.n) > (self.year, self.quarter or 4)
        if p.kind in (FY, Y):
            return p.year is not None and p.year > self.year
        if p.kind is H:
            if p.year is None or p.n is None:
                return False
            call_h = 1 if (self.quarter or 4) <= 2 else 2
            return (p.year, p.n) > (self.year, call_h)
        return p.kind is LT


def period_label(p: Period | None) -> str | None:
    """``Q4 2024``, ``FY2024``, ``H2 2025``, ``2028``, ``long term`` or None."""
    return None if p is None else p.label


EN_PERIOD = re.compile(
    r"""
    (?<![A-Za-z0-9$.,'])
    (?:
      (?P<q>[Qq](?P<q_n>[1-4])(?:\s+(?:of\s+)?(?:(?:[Ff]iscal|[Cc]alendar|FY)\s+(?:year\s+)?)?
          (?:'(?P<q_y2>\d{2})|(?P<q_y4>(?:19|20)\d{2})|(?P<q_rel>last|this|next|the\sprior|the\sprevious)\syear)
          (?![0-9]))?)
    | (?P<oq>(?P<oq_n>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|1st|2nd|3rd|4th)[\s-]quarter
          (?:\s+(?:of\s+)?(?:(?:[Ff]iscal|[Cc]alendar)\s+(?:year\s+)?)?
          (?:'(?P<oq_y2>\d{2})|(?P<oq_y4>(?:19|20)\d{2})|(?P<oq_rel>last|this|next|the\sprior|the\sprevious)\syear)
          (?![0-9]))?)
    | (?P<mq>(?P<mq_m>March|June|September|December)\s+quarter)
    | (?P<fy>(?:[Ff]iscal|[Cc]alendar|FY|[Ff]ull[\s-]year)\s*(?:year\s*)?
          (?:'(?P<fy_y2>\d{2})|(?P<fy_y4>(?:19|20)\d{2})|(?P<fy_yy>\d{2}))(?![0-9]))
    | (?P<full>[Ff]ull[\s-]year|(?<=[Ff]or\s)the\s+year(?![\s-]+(?:ago|earlier|before|end)|-))
    | (?P<half>(?P<half_w>[Ff]irst|[Ss]econd|[Bb]ack|[Ff]ront|[Ll]atter)\s+half\s+(?:of\s+)?
          (?:(?:[Ff]iscal|[Cc]alendar)\s+)?(?:'(?P<half_y2>\d{2})|(?P<half_y4>(?:19|20)\d{2})
          |(?P<half_this>this\syear|the\syear)))
    | (?P<cur>(?:[Tt]his|[Tt]he|[Cc]urrent)\s+quarter)
    | (?P<prev>(?:[Pp]revious|[Pp]rior|[Ll]ast|[Pp]receding)\s+quarter)
    | (?P<next>[Nn]ext\s+quarter)
    | (?P<thisy>(?:[Tt]his|[Tt]he\scurrent)\s+year)
    | (?P<nexty>[Nn]ext\s+year)
    | (?P<lt>(?:[Ll]ong|[Ll]onger)[\s-]term|[Oo]ver\stime|[Ll]ong\srun)
    | (?P<year>'(?P<year_y2>\d{2})|(?P<year_y4>(?:19|20)\d{2}))
    )(?![A-Za-z0-9%])(?!,\d)
    """,
    re.X,
)
_ZH_NUMQ = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# Written once in Traditional characters, folded to Simplified like the text (see .script);
# "一季度" without 第 and "本財年" / "明年" / "FY25" are the mainland's and leaked English.
ZH_PERIOD = zh_compile(
    r"""
    (?P<yq>(?P<yq_y>(?:19|20)\d{2})\s?(?:財年|財政年度|年)?\s?第?\s?(?P<yq_n>[一二三四1-4])\s?(?:季度?|財季度?))
    | (?P<q>第\s?(?P<q_n>[一二三四1-4])\s?(?:季度?|財季度?)|(?<![A-Za-z0-9])Q(?P<q_q>[1-4])(?![0-9])
          |(?<![第0-9一二三四五六七八九十上下本])(?P<q_c>[一二三四])季度)
    | (?P<half>(?:(?P<half_y>(?:19|20)\d{2})\s?年\s?)?(?P<half_w>[上下])半年)
    | (?P<fy>(?P<fy_y>(?:19|20)\d{2}|(?<![0-9])\d{2})\s?(?:財年|財政年度|年)(?!\s?第|\s?[一二三四]季)
          |(?<![A-Za-z])FY\s?'?(?P<fy_e>(?:19|20)\d{2}|\d{2})(?![0-9]))
    | (?P<full>全年)
    | (?P<prev>上一?(?:個)?季度?|前一季度?)
    | (?P<cur>本季度?|這一?(?:個)?季度?|當季|當前季度)
    | (?P<next>(?<![創留落剩])下一?(?:個)?季度?)
    | (?P<thisy>今年|本年度|本財年|本財政年度)
    | (?P<nexty>明年|下一?(?:個)?財年|下一?(?:個)?財政年度)
    | (?P<lt>長期|長遠)
    """,
    re.X,
)
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_MONTH_Q = {"march": 1, "june": 2, "september": 3, "december": 4}


def _y(two: str | None, four: str | None) -> int | None:
    if four:
        return int(four)
    if two:
        return 2000 + int(two)
    return None


def en_period(m: re.Match[str], ctx: CallContext) -> Period | None:
    """The period an :data:`EN_PERIOD` match names."""
    g = m.groupdict()
    if g["q"] or g["oq"]:
        n = int(g["q_n"]) if g["q"] else _ORD[g["oq_n"].lower()]
        y = _y(g["q_y2"], g["q_y4"]) if g["q"] else _y(g["oq_y2"], g["oq_y4"])
        rel = g["q_rel"] if g["q"] else g["oq_rel"]
        if rel and ctx.year is not None:
            # "Q3 of last year": relative to the call's fiscal year
            y = ctx.year + {"last": -1, "this": 0, "next": 1}.get(rel.split()[-1], -1)
        return Period(Q, y, n) if y else ctx.quarter_alone(n)
    if g["mq"]:
        return ctx.month_quarter(3 * _MONTH_Q[g["mq_m"].lower()])
    if g["fy"]:
        y = _y(g["fy_y2"] or g["fy_yy"], g["fy_y4"])
        return Period(FY, y) if y else None
    if g["full"]:
        return Period(FY, ctx.year) if ctx.year else None
    if g["half"]:
        h = 1 if g["half_w"].lower() in ("first", "front") else 2
        y = _y(g["half_y2"], g["half_y4"]) or ctx.this_year()
        return Period(H, y, h) if y else None
    if g["cur"]:
        return ctx.shift(0)
    if g["prev"]:
        return ctx.shift(-1)
    if g["next"]:
        return ctx.shift(1)
    if g["thisy"]:
        ty = ctx.this_year()
        return Period(FY, ty) if ty else None
    if g["nexty"]:
        ty = ctx.this_year()
        return Period(FY, ty + 1) if ty else None
    if g["lt"]:
        return LONG_TERM
    y = _y(g["year_y2"], g["year_y4"])
    return ctx.year_period(y) if y else None


def zh_period(m: re.Match[str], ctx: CallContext) -> Period | None:
    """The period a :data:`ZH_PERIOD` match names."""
    g = m.groupdict()
    if g["yq"]:
        return Period(Q, int(g["yq_y"]), _ZH_NUMQ[g["yq_n"]])
    if g["q"]:
        return ctx.quarter_alone(_ZH_NUMQ[g["q_n"] or g["q_q"] or g["q_c"]])
    if g["half"]:
        h = 1 if g["half_w"] == "上" else 2
        y = int(g["half_y"]) if g["half_y"] else ctx.this_year()
        return Period(H, y, h) if y else None
    if g["fy"]:
        raw = g["fy_y"] or g["fy_e"]
        y = int(raw) if len(raw) == 4 else 2000 + int(raw)
        return ctx.year_period(y)
    if g["full"]:
        return Period(FY, ctx.year) if ctx.year else None
    if g["prev"]:
        return ctx.shift(-1)
    if g["cur"]:
        return ctx.shift(0)
    if g["next"]:
        return ctx.shift(1)
    if g["thisy"] or g["nexty"]:
        ty = ctx.this_year()
        if ty is None:
            return None
        return Period(FY, ty) if g["thisy"] else Period(FY, ty + 1)
    return LONG_TERM
