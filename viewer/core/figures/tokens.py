"""Raw figure tokens: a number with its sign, currency, scale and unit, in either language.

One pass of one compiled regex per language finds the candidates (only near digits, see
:func:`scan`); one unit table (:data:`UNITS`) turns the regex group that matched into the
figure's kind, unit and scale for both languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from viewer.core.figures.numbers import TEN, parse_cn_numeral, parse_number, shift
from viewer.core.figures.periods import Period
from viewer.core.figures.script import zh_compile
from viewer.core.metrics_models import Nature

_SCALE_EN = {
    "thousand": 3,
    "k": 3,
    "million": 6,
    "mm": 6,
    "mn": 6,
    "m": 6,
    "billion": 9,
    "bn": 9,
    "b": 9,
    "trillion": 12,
    "t": 12,
}
# Keys as the folded (Simplified) text writes them: 萬 is read as 万 (see .script).
_SCALE_ZH = {
    "千": 3,
    "万": 4,
    "十万": 5,
    "百万": 6,
    "千万": 7,
    "亿": 8,
    "十亿": 9,
    "百亿": 10,
    "千亿": 11,
    "兆": 12,
    "万亿": 12,
}


@dataclass(slots=True)
class Token:
    """A figure while the pipeline works on it (offsets into the folded paragraph)."""

    start: int
    end: int
    value: Decimal
    decimals: int
    scale: int  # power of ten applied (0 when none written)
    kind: str | None  # None: a bare number (only useful as a range end)
    unit: str
    negative: bool = False
    scaled: bool = False
    # filled by ranges / classification
    low: Decimal | None = None
    high: Decimal | None = None
    qualifier: str | None = None
    metric: str = "other"
    period: Period | None = None
    nature: Nature = Nature.REPORTED

    @property
    def quantum(self) -> Decimal:
        """A tenth of the step of the last digit written: ``$5.3 million`` -> 10,000."""
        return shift(TEN, self.scale - self.decimals - 1)

    def scaled_value(self) -> Decimal:
        """The value in base units, signed."""
        v = shift(self.value, self.scale)
        return -v if self.negative else v


class Unit(NamedTuple):
    """What a unit word makes of a number: its kind, unit and extra power of ten.
    ``from_currency``: the unit is the currency written before the number, if any."""

    kind: str
    unit: str
    scale: int = 0
    from_currency: bool = False


#: The one unit table of both languages, keyed by the regex group that reads the unit.
UNITS: dict[str, Unit] = {
    "pct": Unit("percent", "percent"),
    "pp": Unit("percentage points", "pp"),
    "bp": Unit("basis points", "bp"),
    "gig": Unit("bandwidth", "Gbps"),
    "tera": Unit("bandwidth", "Gbps", 3),
    "mult": Unit("multiple", "x"),
    "shares": Unit("shares", "shares"),
    "people": Unit("headcount", "people"),
    "usd": Unit("money", "USD"),
    "twd": Unit("money", "TWD"),
    "cny": Unit("money", "CNY"),
    "eur": Unit("money", "EUR"),
    "gbp": Unit("money", "GBP"),
    "hkd": Unit("money", "HKD"),
    "jpy": Unit("money", "JPY"),
    "dkk": Unit("money", "DKK"),
    "usc": Unit("money", "USD", -2),  # 美分
    "cents": Unit("money", "USD", -2, from_currency=True),
    "dollars": Unit("money", "USD", from_currency=True),
    # a bare 元: the currency is whatever the context says (NT$ in Taiwan, US$ here)
    "yuan": Unit("money", "currency", from_currency=True),
}


def _unit(
    g: dict[str, str | None], value: Decimal, currency: str | None, scaled: bool
) -> tuple[str | None, str, int] | None:
    """``(kind, unit, extra scale)`` of a match (kind ``None``: a bare number); ``None``
    when the match is no figure at all (``5G``: a network generation, not bandwidth)."""
    for name, u in UNITS.items():
        written = g.get(name)
        if written:
            if name == "gig" and written == "G" and value < 10:
                return None
            unit = (currency or u.unit) if u.from_currency else u.unit
            return u.kind, unit, u.scale
    if currency:
        return "money", currency, 0
    if scaled:
        return "count", "", 0
    return None, "", 0


# English: currency, number, scale, unit. Negative as -$5, $-5, ($5), $(5).
_EN_FIG = re.compile(
    r"""
    (?<![A-Za-z0-9_.,$'])
    (?P<open>\(\s?)?
    (?P<neg>(?<![0-9%A-Za-z.])-\s?)?
    (?P<cur>US\$|NT\$|HK\$|C\$|A\$|\$|€|£
           |(?:USD|EUR|GBP|JPY|CHF|CNY|RMB|HKD|CAD|AUD|DKK|SEK|NOK)\s?\$?(?=[0-9.(-]))?
    (?P<open2>\()?
    (?(cur)(?P<neg2>-)?)
    (?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)
    (?P<close>(?(open)\s?\)|(?(open2)\)|(?!))))?
    (?:\s?(?P<scale>trillion|billion|million|thousand|bn|mm|mn)(?![A-Za-z])
      |(?(cur)(?P<sl>[KMBTkmb])(?![A-Za-z0-9])))?
    (?:
        \s?(?P<pct>%|percent(?![A-Za-z])|per\s?cent(?![A-Za-z]))
      | [\s-]?(?P<pp>percentage[\s-]points?(?![A-Za-z])|ppts?(?![A-Za-z]))
      | [\s-]?(?P<bp>basis[\s-]points?(?![A-Za-z])|bps(?![A-Za-z])|bp(?![A-Za-z]))
      | [\s-]?(?P<gig>gigabits?(?:\s(?:per\ssecond|a\ssecond))?(?![A-Za-z])|gigs?(?![A-Za-z])
                      |Gbps(?![A-Za-z])|Gb/s|Gbit/s|G(?![A-Za-z0-9]))
      | [\s-]?(?P<tera>terabits?(?:\s(?:per\ssecond|a\ssecond))?(?![A-Za-z])|Tbps(?![A-Za-z])|Tb/s
                      |(?(cur)(?!)|T(?![A-Za-z0-9])))
      | (?P<mult>[xX×](?![A-Za-z0-9])|-fold(?![A-Za-z])|\stimes(?![A-Za-z]))
      | \s(?P<shares>(?:(?:diluted|basic|common|ordinary|weighted[\s-]average)\s)?shares(?![A-Za-z]))
      | \s(?P<people>(?:(?:full[\s-]time|part[\s-]time|new|total)\s)?
                     (?:employees|people|engineers|staff|workers|headcount)(?![A-Za-z]))
      | \s?(?P<dollars>(?:US\s)?dollars(?![A-Za-z])|USD(?![A-Za-z]))
      | \s?(?P<cents>cents?(?![A-Za-z]))
    )?
    """,
    re.X,
)
_EN_CUR = {"US$": "USD", "$": "USD", "NT$": "TWD", "HK$": "HKD", "C$": "CAD", "A$": "AUD"}
_EN_CUR.update({"€": "EUR", "£": "GBP", "RMB": "CNY"})


def _en_currency(cur: str) -> str:
    """The currency a written prefix names: ``$``, ``NT$``, ``USD``, ``USD $``, ``DKK``..."""
    if cur in _EN_CUR:
        return _EN_CUR[cur]
    code = cur.rstrip("$").strip()  # "USD $15.2 billion": the code says it
    return _EN_CUR.get(code, code)


# Written in Traditional characters, folded to Simplified like the text (see .script). A
# mainland translation leaks English: "$250 million", "USD $15.2 billion", "DKK 45.5 billion".
_ZH_FIG = zh_compile(
    r"""
    (?<![A-Za-z0-9_.$])
    (?:
      百分之\s?(?P<cnpct>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[零〇一二兩三四五六七八九十百點]+)
    |
      (?:(?P<cur>US\$|NT\$|\$|新[台臺]幣|[台臺]幣|人民幣|(?:USD|RMB|CNY|EUR|DKK)\s?\$?(?=[0-9(-]))\s?)?
      (?P<open>\()?
      (?P<neg>(?<![0-9%A-Za-z.])-)?
      (?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)
      (?P<close>(?(open)\)|(?!)))?
      \s?(?:(?P<scale>萬億|[千百十]億|[千百十]萬|萬|億|兆(?=\s?(?:美元|美金|元|股|新))|千(?![兆億萬]))
          |(?P<escale>trillion|billion|million|thousand|bn|mn|mm)(?![A-Za-z]))?
      \s?
      (?:
          (?P<usd>美元|美金|(?:US\s)?dollars(?![A-Za-z])|USD(?![A-Za-z]))
        | (?P<twd>新[台臺]幣元?|[台臺]幣元?)
        | (?P<cny>元?人民幣元?)
        | (?P<eur>歐元)
        | (?P<gbp>英鎊)
        | (?P<hkd>港元|港幣)
        | (?P<jpy>日元|日圓)
        | (?P<dkk>丹麥克朗)
        | (?P<usc>美分)
        | (?P<yuan>元)
        | (?P<pct>%)
        | (?P<pp>個?百分點)
        | (?P<bp>個?基點)
        | (?P<shares>股(?![東價票份息權利本])|股股票)
        | (?P<people>名(?:全職|兼職|新)?(?:員工|僱員|雇員|工程師|職員|人員)
                    |位員工|人(?![民工口次均們類才力士事]))
        | (?P<gig>千兆(?:位元|比特)?(?:每秒|/秒)?|Gbps|Gb/s|Gbit|Gig|Gb|G(?![A-Za-z0-9]))
        | (?P<tera>Tbps|Tb/s|Tb|T(?![A-Za-z0-9]))
        | (?P<mult>倍|[xX×](?![A-Za-z]))
      )?
    )
    """,
    re.X,
)
_ZH_CUR = {"US$": "USD", "$": "USD", "NT$": "TWD", "RMB": "CNY"}


_NUMBER_START = re.compile(r"[0-9]|百分之")


def scan(pat: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pat.finditer(text)``, but searching only near numbers: a figure starts at most a few
    characters (bracket, sign, currency) before its first digit. Much faster on prose."""
    pos = 0
    for d in _NUMBER_START.finditer(text):
        start = d.start()
        if start < pos:
            continue
        m = pat.search(text, max(pos, start - 10))
        if m is None:
            return
        yield m
        pos = max(m.end(), m.start() + 1)


def en_tokens(text: str) -> list[Token]:
    """The raw figures of folded English text, in order."""
    out: list[Token] = []
    for m in scan(_EN_FIG, text):
        g = m.groupdict()
        parsed = parse_number(g["num"])
        if parsed is None:
            continue
        value, decimals = parsed
        scale = 0
        sc = g["scale"] or g["sl"]
        if sc:
            scale = _SCALE_EN[sc.lower()]
        cur = g["cur"]
        currency = _en_currency(cur) if cur else None
        unit = _unit(g, value, currency, bool(sc))
        if unit is None:
            continue
        kind, name, extra = unit
        negative = bool(g["neg"] or g["neg2"]) or bool((g["open"] or g["open2"]) and g["close"])
        start, end = m.start(), m.end()
        if g["open"] and not g["close"]:
            # "(about $5 million" : the bracket belongs to the sentence
            start += len(g["open"])
        out.append(
            Token(start, end, value, decimals, scale + extra, kind, name, negative, bool(sc))
        )
    return out


def zh_tokens(text: str) -> list[Token]:
    """The raw figures of folded Chinese text, in order."""
    out: list[Token] = []
    for m in scan(_ZH_FIG, text):
        g = m.groupdict()
        if g["cnpct"] is not None:
            raw = g["cnpct"]
            parsed = parse_number(raw) if raw[0].isdigit() else _cn_number(raw)
            if parsed is None:
                continue
            out.append(Token(m.start(), m.end(), *parsed, 0, "percent", "percent"))
            continue
        parsed = parse_number(g["num"])
        if parsed is None:
            continue
        value, decimals = parsed
        if g["escale"]:
            scale = _SCALE_EN[g["escale"]]
        else:
            scale = _SCALE_ZH[g["scale"]] if g["scale"] else 0
        scaled = bool(g["scale"] or g["escale"])
        cur = (g["cur"] or "").strip()
        if cur not in _ZH_CUR:
            cur = cur.rstrip("$ ")  # "USD $15.2 billion": the code says it
        currency = (
            _ZH_CUR.get(cur)
            or ("TWD" if "台" in cur else None)
            or ("CNY" if cur.startswith("人民") else None)
            or (cur if cur.isascii() and cur.isalpha() else None)
        )
        unit = _unit(g, value, currency, scaled)
        if unit is None:
            continue
        kind, name, extra = unit
        negative = bool(g["neg"]) or bool(g["open"] and g["close"])
        start, end = m.start(), m.end()
        if g["open"] and not g["close"] and not g["cur"]:
            start = m.start("neg") if g["neg"] else m.start("num")
        # trailing spaces matched by optional \s? before a missing unit
        while end > start and text[end - 1] == " ":
            end -= 1
        out.append(Token(start, end, value, decimals, scale + extra, kind, name, negative, scaled))
    return out


def _cn_number(raw: str) -> tuple[Decimal, int] | None:
    value = parse_cn_numeral(raw)
    if value is None:
        return None
    exponent = value.as_tuple().exponent
    return value, max(0, -exponent) if isinstance(exponent, int) else 0
