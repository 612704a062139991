"""Figures said on a call, in English and in the Chinese translation.

A rule-based extractor (compiled regexes, one pass per paragraph and language) that turns
``$141.1 million``, ``1.411 億美元``, ``$0.28 to $0.29``, ``約 7% 至 10%``, ``400-gig``... into
exact :class:`~decimal.Decimal` values in base units (USD, percent, shares, people, Gbps), keeps
ranges and qualifiers, and labels each figure with a metric, a period and a nature. No library
does both languages (see FEATURES.md, "Figures"). Only numbers with a unit or a scale are
figures: years, quarters, ``Gen 6``, ``10-K`` and other bare numbers are not.

Offsets are code points into the paragraph's own text: the text is folded (full-width digits and
punctuation to ASCII) with a one-to-one character map, so offsets never shift.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

from viewer.core.metrics_models import FigureSide, Nature

# --- folding ---------------------------------------------------------------------------------

_FOLD_MAP: dict[int, int] = {0xFF10 + i: ord("0") + i for i in range(10)}
_FOLD_MAP.update(
    {
        ord(a): ord(b)
        for a, b in (
            ("，", ","),
            ("．", "."),
            ("％", "%"),
            ("（", "("),
            ("）", ")"),
            ("～", "~"),
            ("〜", "~"),
            ("＄", "$"),
            ("－", "-"),
            ("–", "-"),
            ("—", "-"),
            ("−", "-"),
            ("　", " "),
            ("\u00a0", " "),
            ("’", "'"),
            ("‘", "'"),
            ("：", ":"),
            ("？", "?"),
            ("！", "!"),
            ("；", ";"),
        )
    }
)
_FOLD = str.maketrans(_FOLD_MAP)


_NEEDS_FOLD = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD_MAP)) + "]")
_HAS_NUMBER = re.compile(r"[0-9０-９]|百分之")


def fold(text: str) -> str:
    """Full-width digits and punctuation to ASCII, dashes to ``-``; same length as ``text``."""
    # translate() is slow on non-ASCII text: skip it when there is nothing to fold
    return text.translate(_FOLD) if _NEEDS_FOLD.search(text) else text


# --- numbers ---------------------------------------------------------------------------------

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_TEN = Decimal(10)
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
_SCALE_ZH = {
    "千": 3,
    "萬": 4,
    "万": 4,
    "十萬": 5,
    "十万": 5,
    "百萬": 6,
    "百万": 6,
    "千萬": 7,
    "千万": 7,
    "億": 8,
    "亿": 8,
    "十億": 9,
    "十亿": 9,
    "百億": 10,
    "百亿": 10,
    "千億": 11,
    "千亿": 11,
    "兆": 12,
    "萬億": 12,
    "万亿": 12,
}
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "兩": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def parse_cn_numeral(text: str) -> Decimal | None:
    """``二十五`` -> 25, ``七點五`` -> 7.5, ``一百`` -> 100 (small numerals, for 百分之)."""
    whole, _, frac = text.replace("点", "點").partition("點")
    total = 0
    digit: int | None = None
    for ch in whole:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    if digit is not None:
        total += digit
    if not whole and not frac:
        return None
    value = Decimal(total)
    if frac:
        if any(ch not in _CN_DIGITS for ch in frac):
            return None
        value += Decimal("0." + "".join(str(_CN_DIGITS[ch]) for ch in frac))
    return value


def _dec(num: str) -> tuple[Decimal, int]:
    """A written number and its count of decimals."""
    clean = num.replace(",", "")
    _, _, frac = clean.partition(".")
    return Decimal(clean), len(frac)


# --- raw tokens --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Tok:
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
    period: tuple[object, ...] | None = None
    nature: Nature = Nature.REPORTED
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def quantum(self) -> Decimal:
        return _TEN.scaleb(self.scale - self.decimals - 1)

    def scaled_value(self) -> Decimal:
        v = self.value.scaleb(self.scale)
        return -v if self.negative else v


# English: currency, number, scale, unit. Negative as -$5, $-5, ($5), $(5).
_EN_FIG = re.compile(
    r"""
    (?<![A-Za-z0-9_.,$'])
    (?P<open>\(\s?)?
    (?P<neg>(?<![0-9%A-Za-z.])-\s?)?
    (?P<cur>US\$|NT\$|HK\$|C\$|A\$|\$|€|£)?
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
      | \s?(?P<dollars>dollars(?![A-Za-z])|USD(?![A-Za-z]))
      | \s?(?P<cents>cents?(?![A-Za-z]))
    )?
    """,
    re.X,
)
_EN_CUR = {"US$": "USD", "$": "USD", "NT$": "TWD", "HK$": "HKD", "C$": "CAD", "A$": "AUD"}
_EN_CUR.update({"€": "EUR", "£": "GBP"})

_ZH_FIG = re.compile(
    r"""
    (?<![A-Za-z0-9_.$])
    (?:
      百分之\s?(?P<cnpct>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[零〇一二兩两三四五六七八九十百點点]+)
    |
      (?:(?P<cur>US\$|NT\$|\$|新[台臺]幣|新台币|[台臺]幣|人民[幣币])\s?)?
      (?P<open>\()?
      (?P<neg>(?<![0-9%A-Za-z.])-)?
      (?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)
      (?P<close>(?(open)\)|(?!)))?
      \s?(?P<scale>[萬万][億亿]|[千百十][億亿]|[千百十][萬万]|[萬万]|[億亿]
                 |兆(?=\s?(?:美元|美金|元|股|新))|千(?![兆億亿萬万]))?
      \s?
      (?:
          (?P<usd>美元|美金)
        | (?P<twd>新[台臺]幣元?|新台币元?|[台臺]幣元?)
        | (?P<cny>人民[幣币]元?)
        | (?P<cents>美分)
        | (?P<yuan>元)
        | (?P<pct>%)
        | (?P<pp>[個个]?百分[點点])
        | (?P<bp>[個个]?基[點点])
        | (?P<shares>股(?![東东價价票份息權权利本])|股股票)
        | (?P<people>名(?:全職|全职|兼職|兼职|新)?(?:員工|员工|僱員|雇員|雇员|工程師|工程师|職員|职员|人員|人员)
                    |位(?:員工|员工)|人(?![民工口次均們们類类才力士事]))
        | (?P<gig>千兆(?:位元|比特)?(?:每秒|/秒)?|Gbps|Gb/s|Gbit|Gig|Gb|G(?![A-Za-z0-9]))
        | (?P<tera>Tbps|Tb/s|Tb|T(?![A-Za-z0-9]))
        | (?P<mult>倍|[xX×](?![A-Za-z]))
      )?
    )
    """,
    re.X,
)
_ZH_CUR = {"US$": "USD", "$": "USD", "NT$": "TWD"}


_NUMBER_START = re.compile(r"[0-9]|百分之")


def _scan(pat: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
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


def _en_tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _scan(_EN_FIG, text):
        g = m.groupdict()
        value, decimals = _dec(g["num"])
        scale = 0
        scaled = False
        sc = g["scale"] or g["sl"]
        if sc:
            scale = _SCALE_EN[sc.lower()]
            scaled = True
        cur = g["cur"]
        kind: str | None = None
        unit = ""
        if g["pct"]:
            kind, unit = "percent", "percent"
        elif g["pp"]:
            kind, unit = "percentage points", "pp"
        elif g["bp"]:
            kind, unit = "basis points", "bp"
        elif g["gig"]:
            if g["gig"] == "G" and value < 10:
                continue  # 5G, 4G: network generations, not bandwidth
            kind, unit = "bandwidth", "Gbps"
        elif g["tera"]:
            kind, unit = "bandwidth", "Gbps"
            scale += 3
        elif g["mult"]:
            kind, unit = "multiple", "x"
        elif g["shares"]:
            kind, unit = "shares", "shares"
        elif g["people"]:
            kind, unit = "headcount", "people"
        elif g["cents"]:
            kind, unit = "money", _EN_CUR.get(cur or "$", "USD")
            scale -= 2
        elif cur or g["dollars"]:
            kind, unit = "money", _EN_CUR.get(cur or "$", "USD")
        elif scaled:
            kind, unit = "count", ""
        negative = bool(g["neg"] or g["neg2"]) or bool((g["open"] or g["open2"]) and g["close"])
        start, end = m.start(), m.end()
        if g["open"] and not g["close"]:
            # "(about $5 million" : the bracket belongs to the sentence
            start += len(g["open"])
        out.append(_Tok(start, end, value, decimals, scale, kind, unit, negative, scaled))
    return out


def _zh_tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _scan(_ZH_FIG, text):
        g = m.groupdict()
        if g["cnpct"] is not None:
            raw = g["cnpct"]
            if raw[0].isdigit():
                value, decimals = _dec(raw)
            else:
                parsed = parse_cn_numeral(raw)
                if parsed is None:
                    continue
                value, decimals = parsed, max(0, -int(parsed.as_tuple().exponent))
            out.append(_Tok(m.start(), m.end(), value, decimals, 0, "percent", "percent"))
            continue
        value, decimals = _dec(g["num"])
        scale = _SCALE_ZH[g["scale"]] if g["scale"] else 0
        scaled = bool(g["scale"])
        cur = g["cur"] or ""
        cur_unit = (
            _ZH_CUR.get(cur)
            or ("TWD" if "台" in cur or "臺" in cur else None)
            or ("CNY" if cur.startswith("人民") else None)
        )
        kind: str | None = None
        unit = ""
        if g["usd"]:
            kind, unit = "money", "USD"
        elif g["twd"]:
            kind, unit = "money", "TWD"
        elif g["cny"]:
            kind, unit = "money", "CNY"
        elif g["cents"]:
            kind, unit = "money", "USD"
            scale -= 2
        elif g["yuan"]:
            # bare 元: the currency is whatever the context says (NT$ in Taiwan, US$ here)
            kind, unit = "money", cur_unit or "currency"
        elif g["pct"]:
            kind, unit = "percent", "percent"
        elif g["pp"]:
            kind, unit = "percentage points", "pp"
        elif g["bp"]:
            kind, unit = "basis points", "bp"
        elif g["shares"]:
            kind, unit = "shares", "shares"
        elif g["people"]:
            kind, unit = "headcount", "people"
        elif g["gig"]:
            if g["gig"] == "G" and value < 10:
                continue
            kind, unit = "bandwidth", "Gbps"
        elif g["tera"]:
            kind, unit = "bandwidth", "Gbps"
            scale += 3
        elif g["mult"]:
            kind, unit = "multiple", "x"
        elif cur_unit:
            kind, unit = "money", cur_unit
        elif scaled:
            kind, unit = "count", ""
        negative = bool(g["neg"]) or bool(g["open"] and g["close"])
        start, end = m.start(), m.end()
        if g["open"] and not g["close"] and not g["cur"]:
            start = m.start("neg") if g["neg"] else m.start("num")
        # trailing spaces matched by optional \s? before a missing unit
        while end > start and text[end - 1] == " ":
            end -= 1
        out.append(_Tok(start, end, value, decimals, scale, kind, unit, negative, scaled))
    return out


# --- ranges ----------------------------------------------------------------------------------

_EN_QUAL = (
    r"(?:approximately|approx\.|about|around|roughly|nearly|almost|close\sto|just\sunder|"
    r"just\sover|at\sleast|more\sthan|over|above|greater\sthan|in\sexcess\sof|north\sof|"
    r"upwards\sof|less\sthan|under|below|up\sto|~)"
)
_EN_QUAL_BEFORE = re.compile(r"(?<![A-Za-z])(" + _EN_QUAL + r")\s*$", re.I)
_EN_QUAL_AFTER = re.compile(r"\s*(or\smore|or\sgreater|or\sso|plus(?![A-Za-z])|\+)", re.I)
_EN_QUAL_NORM = {
    "approximately": "approximately",
    "approx.": "approximately",
    "about": "approximately",
    "around": "approximately",
    "roughly": "approximately",
    "~": "approximately",
    "or so": "approximately",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "at least": "at least",
    "or more": "at least",
    "or greater": "at least",
    "more than": "more than",
    "over": "more than",
    "above": "more than",
    "greater than": "more than",
    "in excess of": "more than",
    "north of": "more than",
    "upwards of": "more than",
    "just over": "more than",
    "plus": "more than",
    "+": "more than",
    "less than": "less than",
    "under": "less than",
    "below": "less than",
    "up to": "up to",
}
_ZH_QUAL_BEFORE = re.compile(
    r"(大約|大概|约|約|將近|将近|接近|(?<!最)近|幾乎|几乎|至少|不少於|不少于|超過|超过|逾|多於|多于"
    r"|高於|高于|最多|低於|低于|不到|少於|少于|不足)\s?(?:為|为|是|達到|达到|達|达|有|在|佔|占)?\s?$"
)
_ZH_QUAL_AFTER = re.compile(r"\s?(左右|上下|以上|以下|以內|以内)")
_ZH_QUAL_NORM = {
    "大約": "approximately",
    "大概": "approximately",
    "約": "approximately",
    "约": "approximately",
    "左右": "approximately",
    "上下": "approximately",
    "將近": "nearly",
    "将近": "nearly",
    "接近": "nearly",
    "近": "nearly",
    "幾乎": "nearly",
    "几乎": "nearly",
    "至少": "at least",
    "不少於": "at least",
    "不少于": "at least",
    "超過": "more than",
    "超过": "more than",
    "逾": "more than",
    "多於": "more than",
    "多于": "more than",
    "高於": "more than",
    "高于": "more than",
    "以上": "more than",
    "最多": "up to",
    "低於": "less than",
    "低于": "less than",
    "不到": "less than",
    "少於": "less than",
    "少于": "less than",
    "不足": "less than",
    "以下": "less than",
    "以內": "less than",
    "以内": "less than",
}

_EN_RANGE_GAP = re.compile(r"^\s*(to|-|~|through|and)\s*$", re.I)
_EN_RANGE_CUE = re.compile(
    r"(?:between|range\sof|range\sbetween|ranging\sfrom|range)\s*(?:" + _EN_QUAL + r"\s*)?$", re.I
)
_EN_FROM = re.compile(r"(?<![A-Za-z])from\s*(?:" + _EN_QUAL + r"\s*)?$", re.I)
_ZH_RANGE_GAP = re.compile(r"^\s*(至|到|~|-|和|與|与|及)\s*$")
_ZH_BETWEEN = re.compile(r"^\s?之間|^\s?之间")
_ZH_FROM = re.compile(r"(?:從|从|由)\s?(?:約|约)?\s?$")


def _merge_ranges(text: str, toks: list[_Tok], english: bool) -> list[_Tok]:
    """Join ``X to Y`` / ``X 至 Y`` pairs into ranges; drop bare numbers left alone."""
    out: list[_Tok] = []
    i = 0
    n = len(toks)
    while i < n:
        a = toks[i]
        if i + 1 < n:
            b = toks[i + 1]
            gap = text[a.end : b.start]
            r = _range_of(text, a, b, gap, english)
            if r is not None:
                out.append(r)
                i += 2
                continue
        if a.kind is not None:
            out.append(a)
        i += 1
    return out


def _range_of(text: str, a: _Tok, b: _Tok, gap: str, english: bool) -> _Tok | None:
    gm = (_EN_RANGE_GAP if english else _ZH_RANGE_GAP).match(gap)
    if gm is None:
        return None
    word = gm.group(1).lower()
    before = text[max(0, a.start - 40) : a.start]
    if english:
        if word == "and" and not _EN_RANGE_CUE.search(before):
            return None
        # "grew from $51 million to $56 million" is two values, "ranging from X to Y" one
        from_x = _EN_FROM.search(before) is not None and "rang" not in before.lower()
        if word in ("to", "-", "through") and from_x:
            return None
    else:
        if word in ("和", "與", "与", "及") and not _ZH_BETWEEN.match(text[b.end : b.end + 3]):
            return None
        if _ZH_FROM.search(before):
            return None
    if a.kind is None and b.kind is None:
        return None
    lo, hi = replace(a), replace(b)
    # "$30-32 million", "7 to 10%": an end without unit or scale takes the other end's
    if lo.kind in (None, "count") and hi.kind not in (None, "count"):
        lo.kind, lo.unit = hi.kind, hi.unit
    elif hi.kind in (None, "count") and lo.kind not in (None, "count"):
        hi.kind, hi.unit = lo.kind, lo.unit
    elif lo.kind is None:
        lo.kind, lo.unit = hi.kind, hi.unit
    elif hi.kind is None:
        hi.kind, hi.unit = lo.kind, lo.unit
    if not lo.scaled and hi.scaled:
        lo.scale, lo.scaled = hi.scale, True
    elif not hi.scaled and lo.scaled:
        hi.scale, hi.scaled = lo.scale, True
    if lo.kind != hi.kind or lo.unit != hi.unit:
        return None
    low, high = lo.scaled_value(), hi.scaled_value()
    if not low < high:
        return None
    r = _Tok(
        a.start,
        b.end,
        Decimal(0),
        max(lo.decimals, hi.decimals),
        min(lo.scale, hi.scale),
        lo.kind,
        lo.unit,
    )
    # the range's precision: the finer of its two ends, on the common scale
    r.decimals = max(lo.decimals - (lo.scale - r.scale), hi.decimals - (hi.scale - r.scale))
    r.low, r.high = low, high
    return r


def _qualify(text: str, toks: list[_Tok], english: bool) -> None:
    before_re = _EN_QUAL_BEFORE if english else _ZH_QUAL_BEFORE
    after_re = _EN_QUAL_AFTER if english else _ZH_QUAL_AFTER
    norm = _EN_QUAL_NORM if english else _ZH_QUAL_NORM
    for t in toks:
        m = before_re.search(text, max(0, t.start - 24), t.start)
        if m is not None:
            t.qualifier = norm.get(re.sub(r"\s+", " ", m.group(1).lower()))
            continue
        m = after_re.match(text, t.end, min(len(text), t.end + 12))
        if m is not None:
            t.qualifier = norm.get(re.sub(r"\s+", " ", m.group(1).lower()))


# --- context: sentences, metrics, periods, nature ----------------------------------------------

_EN_SENT = re.compile(r"[.?!;][\"')]*\s+")
_ZH_SENT = re.compile(r"[。!?;]|\.(?!\d)")

_EN_METRICS: tuple[tuple[str, str], ...] = (
    (
        "operating cash flow",
        r"cash\sflows?\sfrom\soperati(?:ons|ng\sactivities)|operating\scash\sflows?"
        r"|cash\sfrom\soperations",
    ),
    (
        "EPS",
        r"earnings\sper\s(?:diluted\s)?share|loss\sper\s(?:diluted\s)?share|EPS|per\sshare"
        r"|per\sdiluted\sshare",
    ),
    ("share count", r"share\scount|shares\soutstanding|diluted\sshares|share\sbase"),
    ("gross margin", r"gross\smargins?"),
    ("operating margin", r"operating\s(?:income\s)?margins?"),
    ("operating expenses", r"operating\sexpenses?|opex|operating\scosts?|operating\sspend"),
    ("R&D", r"R&D|research\sand\sdevelopment"),
    ("sales and marketing", r"sales\sand\smarketing|S&M"),
    ("G&A", r"general\sand\sadministrative|G&A"),
    ("interest income", r"interest\sincome"),
    ("tax rate", r"tax\s(?:expense\s|benefit\s)?rate"),
    ("cash", r"cash(?:\sequivalents)?|marketable\ssecurities"),
    ("headcount", r"head\s?count|employees|workforce"),
    ("market size", r"TAM|SAM|total\saddressable\smarket|addressable\smarket|markets?"),
    ("revenue", r"revenues?|net\ssales|sales|top[\s-]line"),
    ("gross margin", r"margins?"),
)
_ZH_METRICS: tuple[tuple[str, str], ...] = (
    (
        "operating cash flow",
        r"經營活動現金流|经营活动现金流|營運現金流|营运现金流|營業現金流|經營現金流",
    ),
    ("EPS", r"每股收益|每股盈餘|每股盈余|每股盈利|每股虧損|每股亏损|每股"),
    ("share count", r"股數|股数|流通股|股份數"),
    ("gross margin", r"毛利率"),
    ("operating margin", r"營業利潤率|营业利润率|營業利益率|營運利潤率"),
    ("operating expenses", r"營業費用|营业费用|營運費用|营运费用|營運支出|營業支出|經營費用"),
    ("R&D", r"研發|研发"),
    ("sales and marketing", r"銷售和行銷|銷售與行銷|銷售及行銷|销售和营销|銷售和市場|行銷|营销"),
    ("G&A", r"一般和行政|一般及行政|一般與行政|管理費用|管理费用|行政費用"),
    ("interest income", r"利息收入"),
    ("tax rate", r"所得[稅税](?:收益|費用|费用)?率|[稅税]率"),
    ("cash", r"現金|现金"),
    ("headcount", r"員工|员工"),
    ("market size", r"TAM|市場|市场"),
    ("revenue", r"營收|营收|收入|銷售額|销售额|營業額|营业额|銷售|销售"),
    ("gross margin", r"利潤率|利润率"),
)


def _metric_re(
    table: tuple[tuple[str, str], ...], english: bool
) -> tuple[re.Pattern[str], list[str]]:
    names = [name for name, _ in table]
    parts = [f"(?P<m{i}>{pat})" for i, (_, pat) in enumerate(table)]
    body = "|".join(parts)
    if english:
        # matched against the lower-cased text: much faster than re.IGNORECASE
        body = r"(?<![a-z&])(?:" + body.lower().replace("(?p<m", "(?P<m") + r")(?![a-z&])"
    return re.compile(body), names


_EN_METRIC_RE, _EN_METRIC_NAMES = _metric_re(_EN_METRICS, True)
_ZH_METRIC_RE, _ZH_METRIC_NAMES = _metric_re(_ZH_METRICS, False)

_MONEY_METRICS = frozenset(
    {
        "revenue",
        "operating expenses",
        "R&D",
        "sales and marketing",
        "G&A",
        "interest income",
        "operating cash flow",
        "cash",
        "market size",
        "share count",
    }
)
_FINANCIAL_KINDS = frozenset(
    {"money", "percent", "shares", "count", "per share", "basis points", "percentage points"}
)
_PERCENT_METRICS = frozenset({"gross margin", "operating margin", "tax rate"})


def _compatible(metric: str, tok: _Tok) -> bool:
    kind = tok.kind
    if kind == "money":
        if metric == "EPS":
            v = tok.high if tok.high is not None else tok.scaled_value()
            return abs(v) < 1000
        return metric in _MONEY_METRICS
    if kind in ("percent", "percentage points", "basis points"):
        return metric in _PERCENT_METRICS
    if kind == "shares":
        return metric == "share count"
    if kind == "headcount":
        return metric == "headcount"
    if kind == "count":
        return metric in _MONEY_METRICS or metric == "headcount"
    return False


_EN_GROWTH_BEFORE = re.compile(
    r"(?<![A-Za-z])(up|down|grew|grow|grows|growing|growth(?:\sof)?|increased?|increases|increasing"
    r"|decreased?|decreases|declined?|declines|rose|fell|jumped|expanded|higher|lower|by)\s+"
    r"(?:" + _EN_QUAL + r"\s+)?$",
    re.I,
)
_EN_GROWTH_VERB = re.compile(
    r"(?<![A-Za-z])(?:increas\w*|grow\w*|grew|rose|decreas\w*|declin\w*|fell|expand\w*|up|down)"
    r"(?![A-Za-z])",
    re.I,
)
# "up 11% sequentially and 68% year-over-year": a comparison right after the figure
_EN_GROWTH_AFTER = re.compile(
    r"^\s*(?:higher|lower|growth|increase|decrease|more|less|sequential(?:ly)?"
    r"|year[\s-]over[\s-]year|quarter[\s-]over[\s-]quarter|q/q|y/y|yoy|qoq"
    r"|(?:from|versus|vs\.?|over|compared\s(?:to|with))\s(?:the\s)?(?:prior|previous|last|same"
    r"|year[\s-]ago|Q[1-4]|first|second|third|fourth))(?![A-Za-z])",
    re.I,
)
_EN_QQ = re.compile(
    r"sequential|quarter[\s-]over[\s-]quarter|q/q|qoq|(?:previous|prior|last|preceding)\squarter",
    re.I,
)
_EN_YY = re.compile(
    r"year[\s-]over[\s-]year|y/y|yoy|(?:prior|previous|last)\syear|year[\s-]ago", re.I
)
_ZH_GROWTH_BEFORE = re.compile(
    r"(?:成長|成长|增長|增长|增加|上升|上漲|上涨|提高|提升|高出|多出|增|下降|減少|减少|下滑|下跌|降低|衰退|增幅|成長率)"
    r"(?:了)?\s?(?:約|约|近|將近|超過|達|达)?\s?$"
)
_ZH_QQ = re.compile(r"環比|环比|季增|季減|較上一?季|较上一?季|比上一?季|較前一季|上季|上一季")
_ZH_YY = re.compile(r"同比|年增|年減|較去年|较去年|比去年|去年同期|年比|較上年|上年同期")

_EN_GUIDE_WINDOW = re.compile(r"guidance|outlook", re.I)
# Words that put a figure in the future; "forward" adds the words of guidance itself.
_EN_FUTURE_WORDS = (
    r"expect(?:s|ing)?|(?:is|are|be)\sexpected|anticipat\w*|forecast\w*"
    r"|will|should|going\sto|plan\sto"
)
_EN_FUTURE = re.compile(rf"(?<![A-Za-z])(?:{_EN_FUTURE_WORDS})(?![A-Za-z])", re.I)
_EN_FORWARD = re.compile(
    rf"(?<![A-Za-z])(?:{_EN_FUTURE_WORDS}|guidance|outlook|project(?:ed|ing|s)?|estimat\w*"
    r"|look\sfor)(?![A-Za-z])",
    re.I,
)
_EN_TARGET = re.compile(
    r"(?<![A-Za-z])(?:target\w*|goal|long[\s-]term\smodel|target\smodel|aspiration\w*)(?![A-Za-z])",
    re.I,
)
_ZH_FORWARD = re.compile(
    r"預計|预计|(?<!的)預期|(?<!的)预期|指引|展望|估計|估计|預測|预测|預估|将会|將會|應該|应该"
)
_ZH_FUTURE = re.compile(r"預計|预计|(?<!的)預期|(?<!的)预期|預估|预估|将会|將會|應該|应该|應會")
_ZH_GUIDE_WINDOW = re.compile(r"指引|展望")
_ZH_TARGET = re.compile(r"目標|目标|長期模型|长期模型")

_EN_PERIOD = re.compile(
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
    | (?P<full>[Ff]ull[\s-]year)
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
_ZH_PERIOD = re.compile(
    r"""
    (?P<yq>(?P<yq_y>(?:19|20)\d{2})\s?(?:財年|财年|年)?\s?第\s?(?P<yq_n>[一二三四1-4])\s?(?:季|財季|财季))
    | (?P<q>第\s?(?P<q_n>[一二三四1-4])\s?(?:季|財季|财季)|(?<![A-Za-z0-9])Q(?P<q_q>[1-4])(?![0-9]))
    | (?P<half>(?:(?P<half_y>(?:19|20)\d{2})\s?年\s?)?(?P<half_w>[上下])半年)
    | (?P<fy>(?P<fy_y>(?:19|20)\d{2}|(?<![0-9])\d{2})\s?(?:財年|财年|年)(?!\s?第))
    | (?P<full>全年)
    | (?P<prev>上一?季|前一季|上個季度|上个季度)
    | (?P<cur>本季|這一季|这一季|當季|当季|這季)
    | (?P<next>(?<![創创留落剩])下一?季)
    | (?P<lt>長期|长期|長遠|长远)
    """,
    re.X,
)
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_MONTH_Q = {"march": 1, "june": 2, "september": 3, "december": 4}
_COMPARATOR_BEFORE = re.compile(
    r"(?:with|than|versus|vs\.?|from|compared\sto|over)\s+(?:the\s+)?$", re.I
)
_ZH_COMPARATOR_BEFORE = re.compile(r"(?:較|较|比|高於|高于|低於|低于|相比|與|与|從|从)\s?$")
_ZH_OWNS = re.compile(r"\s?的?\s?(?:約|约)?\s?$")
_IMMEDIATE_AFTER = re.compile(r"^[\s,]*(?:in|for|during|of)\s+(?:the\s+)?$", re.I)

Period = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class CallContext:
    """The call's own quarter, to resolve ``Q1``, ``the previous quarter``, ``this year``."""

    year: int | None
    quarter: int | None

    def this_year(self) -> int | None:
        # A Q4 call happens after the year ended: "this year" is the new one.
        if self.year is None:
            return None
        return self.year + 1 if self.quarter == 4 else self.year

    def shift(self, delta: int) -> Period | None:
        if self.year is None or self.quarter is None:
            return None
        k = self.year * 4 + self.quarter - 1 + delta
        return ("Q", k // 4, k % 4 + 1)

    def quarter_alone(self, n: int) -> Period:
        """``Q1`` without a year: the next quarter when it is the one after the call, else the
        call's year (a later quarter of the same year is more often guidance than history)."""
        if self.year is None or self.quarter is None:
            return ("Q", None, n, True)
        nxt = self.shift(1)
        if nxt is not None and nxt[2] == n:
            return (*nxt, True)
        return ("Q", self.year, n, True)

    def year_period(self, year: int) -> Period:
        if self.year is not None and year >= self.year + 2:
            return ("Y", year)
        return ("FY", year)

    def is_future(self, p: Period) -> bool:
        if self.year is None:
            return False
        kind = p[0]
        if kind == "Q":
            y, q = p[1], p[2]
            if not isinstance(y, int) or not isinstance(q, int):
                return False
            return (y, q) > (self.year, self.quarter or 4)
        if kind in ("FY", "Y"):
            y = p[1]
            return isinstance(y, int) and y > self.year
        if kind == "H":
            y, h = p[1], p[2]
            if not isinstance(y, int) or not isinstance(h, int):
                return False
            call_h = 1 if (self.quarter or 4) <= 2 else 2
            return (y, h) > (self.year, call_h)
        return kind == "LT"


def period_label(p: Period | None) -> str | None:
    """``Q4 2024``, ``FY2024``, ``H2 2025``, ``2028``, ``long term`` or None."""
    if p is None:
        return None
    kind = p[0]
    if kind == "Q":
        return f"Q{p[2]} {p[1]}" if p[1] is not None else f"Q{p[2]}"
    if kind == "FY":
        return f"FY{p[1]}"
    if kind == "H":
        return f"H{p[2]} {p[1]}"
    if kind == "Y":
        return str(p[1])
    return "long term"


def _y(two: str | None, four: str | None) -> int | None:
    if four:
        return int(four)
    if two:
        return 2000 + int(two)
    return None


def _en_period(m: re.Match[str], ctx: CallContext) -> Period | None:
    g = m.groupdict()
    if g["q"] or g["oq"]:
        n = int(g["q_n"]) if g["q"] else _ORD[g["oq_n"].lower()]
        y = _y(g["q_y2"], g["q_y4"]) if g["q"] else _y(g["oq_y2"], g["oq_y4"])
        rel = g["q_rel"] if g["q"] else g["oq_rel"]
        if rel and ctx.year is not None:
            # "Q3 of last year": relative to the call's fiscal year
            y = ctx.year + {"last": -1, "this": 0, "next": 1}.get(rel.split()[-1], -1)
        return ("Q", y, n) if y else ctx.quarter_alone(n)
    if g["mq"]:
        return ctx.quarter_alone(_MONTH_Q[g["mq_m"].lower()])
    if g["fy"]:
        y = _y(g["fy_y2"] or g["fy_yy"], g["fy_y4"])
        return ("FY", y) if y else None
    if g["full"]:
        return ("FY", ctx.year) if ctx.year else None
    if g["half"]:
        h = 1 if g["half_w"].lower() in ("first", "front") else 2
        y = _y(g["half_y2"], g["half_y4"]) or ctx.this_year()
        return ("H", y, h) if y else None
    if g["cur"]:
        return ctx.shift(0)
    if g["prev"]:
        return ctx.shift(-1)
    if g["next"]:
        return ctx.shift(1)
    if g["thisy"]:
        ty = ctx.this_year()
        return ("FY", ty) if ty else None
    if g["nexty"]:
        ty = ctx.this_year()
        return ("FY", ty + 1) if ty else None
    if g["lt"]:
        return ("LT",)
    y = _y(g["year_y2"], g["year_y4"])
    return ctx.year_period(y) if y else None


def _zh_period(m: re.Match[str], ctx: CallContext) -> Period | None:
    g = m.groupdict()
    if g["yq"]:
        return ("Q", int(g["yq_y"]), _ZH_NUMQ[g["yq_n"]])
    if g["q"]:
        return ctx.quarter_alone(_ZH_NUMQ[g["q_n"] or g["q_q"]])
    if g["half"]:
        h = 1 if g["half_w"] == "上" else 2
        y = int(g["half_y"]) if g["half_y"] else ctx.this_year()
        return ("H", y, h) if y else None
    if g["fy"]:
        raw = g["fy_y"]
        y = int(raw) if len(raw) == 4 else 2000 + int(raw)
        return ctx.year_period(y)
    if g["full"]:
        return ("FY", ctx.year) if ctx.year else None
    if g["prev"]:
        return ctx.shift(-1)
    if g["cur"]:
        return ctx.shift(0)
    if g["next"]:
        return ctx.shift(1)
    return ("LT",)


@dataclass(frozen=True, slots=True)
class _Lang:
    english: bool
    sent: re.Pattern[str]
    metric_re: re.Pattern[str]
    metric_names: list[str]
    period_re: re.Pattern[str]
    period_of: Callable[[re.Match[str], CallContext], Period | None]
    growth_before: re.Pattern[str]
    qq: re.Pattern[str]
    yy: re.Pattern[str]
    forward: re.Pattern[str]
    future: re.Pattern[str]
    guide_window: re.Pattern[str]
    target: re.Pattern[str]


_EN = _Lang(
    True,
    _EN_SENT,
    _EN_METRIC_RE,
    _EN_METRIC_NAMES,
    _EN_PERIOD,
    _en_period,
    _EN_GROWTH_BEFORE,
    _EN_QQ,
    _EN_YY,
    _EN_FORWARD,
    _EN_FUTURE,
    _EN_GUIDE_WINDOW,
    _EN_TARGET,
)
_ZH = _Lang(
    False,
    _ZH_SENT,
    _ZH_METRIC_RE,
    _ZH_METRIC_NAMES,
    _ZH_PERIOD,
    _zh_period,
    _ZH_GROWTH_BEFORE,
    _ZH_QQ,
    _ZH_YY,
    _ZH_FORWARD,
    _ZH_FUTURE,
    _ZH_GUIDE_WINDOW,
    _ZH_TARGET,
)


def _classify(text: str, toks: list[_Tok], lang: _Lang, ctx: CallContext, analyst: bool) -> None:
    """Metric, period and nature of each figure, from its sentence."""
    if not toks:
        return
    bounds = [0] + [m.end() for m in lang.sent.finditer(text)] + [len(text) + 1]
    # metric keywords only matter in the sentences that hold figures
    first = bounds[bisect_right(bounds, toks[0].start) - 1]
    last = min(len(text), bounds[bisect_right(bounds, toks[-1].start)])
    src = text
    if lang.english:
        low = text.lower()
        src = low if len(low) == len(text) else text
    kw = [
        (m.start(), m.end(), lang.metric_names[int((m.lastgroup or "m0")[1:])])
        for m in lang.metric_re.finditer(src, first, last)
    ]
    kw_starts = [k[0] for k in kw]
    per: list[tuple[int, int, Period]] = []
    for m in lang.period_re.finditer(text, first, last):
        p = lang.period_of(m, ctx)
        if p is not None:
            per.append((m.start(), m.end(), p))
    per_starts = [p[0] for p in per]
    topics: list[tuple[int, Period]] | None = None  # computed when needed
    fig_sentences = {bisect_right(bounds, t.start) - 1 for t in toks}
    for i, t in enumerate(toks):
        si = bisect_right(bounds, t.start) - 1
        s_start, s_end = bounds[si], bounds[si + 1]
        prev_end = max(s_start, toks[i - 1].end) if i > 0 else s_start
        next_start = min(s_end, toks[i + 1].start) if i + 1 < len(toks) else s_end
        t.period = _period_for(text, t, per, per_starts, s_start, next_start, lang)
        if t.period is None and not analyst:
            # "Q3 was a record. Revenue was $X.": an earlier sentence without figures may
            # set the period for the sentences after it
            if topics is None:
                topics = _topic_periods(text, lang, ctx, bounds, first, per, fig_sentences)
            k = bisect_left(topics, (s_start,)) - 1
            if k >= 0:
                t.period = topics[k][1]
        t.metric = _metric_for(text, t, kw, kw_starts, s_start, prev_end, next_start, lang, ctx)
        sentence = text[s_start:s_end]
        p = t.period
        if p is not None and len(p) == 4 and lang.future.search(sentence) and not ctx.is_future(p):
            # "in Q2, we should have ...": a quarter named without a year in a forward-looking
            # sentence is the coming one, not last year's
            y, q = p[1], p[2]
            if isinstance(y, int):
                t.period = ("Q", y + 1, q)
        t.nature = _nature_for(text[prev_end : t.start], sentence, t.period, lang, ctx, analyst)
        if t.period is None and t.kind in _FINANCIAL_KINDS and not analyst:
            if t.nature is Nature.GUIDANCE:
                # guidance without a period is for the coming quarter
                t.period = ctx.shift(1)
            elif t.nature is Nature.REPORTED:
                # a result without a period is the call's own quarter
                t.period = ctx.shift(0)
        if t.metric == "EPS" and t.kind == "money":
            t.kind = "per share"


def _topic_periods(
    text: str,
    lang: _Lang,
    ctx: CallContext,
    bounds: list[int],
    first: int,
    per: list[tuple[int, int, Period]],
    fig_sentences: set[int],
) -> list[tuple[int, Period]]:
    """Periods (not "long term") named in sentences that hold no figure, by position."""
    found: list[tuple[int, Period]] = []
    for m in lang.period_re.finditer(text, 0, first):
        p = lang.period_of(m, ctx)
        if p is not None and p[0] != "LT":
            found.append((m.start(), p))
    for start, _, p in per:
        if p[0] != "LT" and bisect_right(bounds, start) - 1 not in fig_sentences:
            found.append((start, p))
    return found


def _period_for(
    text: str,
    t: _Tok,
    per: list[tuple[int, int, Period]],
    per_starts: list[int],
    s_start: int,
    next_start: int,
    lang: _Lang,
) -> Period | None:
    j = bisect_left(per_starts, t.end)
    # 1. "... $51.3 million in the previous quarter": the period right after the figure
    if j < len(per) and per[j][0] < next_start:
        between = text[t.end : per[j][0]]
        if lang.english and _IMMEDIATE_AFTER.match(between) and len(between) < 20:
            return per[j][2]
    # 2. the nearest period before it in the sentence
    k = bisect_left(per_starts, t.start) - 1
    comparator = _COMPARATOR_BEFORE if lang.english else _ZH_COMPARATOR_BEFORE
    while k >= 0 and per[k][0] >= s_start:
        if per[k][1] <= t.start:
            gap = text[per[k][1] : t.start]
            # "高於上一季的 5,130 萬美元": the period owns the figure right after it
            owns = not lang.english and _ZH_OWNS.match(gap) is not None
            if owns or not comparator.search(text, max(0, per[k][0] - 16), per[k][0]):
                return per[k][2]
        k -= 1
    # 3. a period after it in the sentence that is not a comparison ("consistent with Q4")
    while j < len(per) and per[j][0] < next_start:
        lt = per[j][2][0] == "LT"  # "over the long term" is no comparison
        if lt or not comparator.search(text, max(t.end, per[j][0] - 16), per[j][0]):
            return per[j][2]
        j += 1
    return None


def _metric_for(
    text: str,
    t: _Tok,
    kw: list[tuple[int, int, str]],
    kw_starts: list[int],
    s_start: int,
    prev_end: int,
    next_start: int,
    lang: _Lang,
    ctx: CallContext,
) -> str:
    if t.kind in ("percent", "percentage points", "basis points"):
        growth = _growth_for(text, t, s_start, prev_end, next_start, lang, ctx)
        if growth is not None:
            return growth
    k = bisect_left(kw_starts, t.start) - 1
    while k >= 0 and kw[k][0] >= s_start:
        if kw[k][1] <= t.start and _compatible(kw[k][2], t):
            return kw[k][2]
        k -= 1
    k = bisect_left(kw_starts, t.end)
    while k < len(kw) and kw[k][0] < next_start:
        if _compatible(kw[k][2], t):
            return kw[k][2]
        k += 1
    if t.kind == "shares":
        return "share count"
    if t.kind == "headcount":
        return "headcount"
    return "other"


def _growth_for(
    text: str,
    t: _Tok,
    s_start: int,
    prev_end: int,
    next_start: int,
    lang: _Lang,
    ctx: CallContext,
) -> str | None:
    before = text[prev_end : t.start]
    after = text[t.end : next_start]
    if lang.english:
        m = lang.growth_before.search(before)
        cue = m is not None and (
            m.group(1).lower() != "by" or _EN_GROWTH_VERB.search(text, s_start, t.start) is not None
        )
        cue = cue or _EN_GROWTH_AFTER.match(after) is not None
        if not cue:
            return None
        where = after
    else:
        if lang.growth_before.search(before) is None:
            return None
        where = before
    if lang.qq.search(where):
        return "growth q/q"
    if lang.yy.search(where):
        return "growth y/y"
    own = t.period if t.period is not None else ctx.shift(0)
    for m in lang.period_re.finditer(where):
        p = lang.period_of(m, ctx)
        if p is None or own is None or p[0] != "Q" or own[0] != "Q":
            continue
        y, q, oy, oq = p[1], p[2], own[1], own[2]
        if not all(isinstance(v, int) for v in (y, q, oy, oq)):
            continue
        assert isinstance(y, int) and isinstance(q, int)
        assert isinstance(oy, int) and isinstance(oq, int)
        if (y, q) == (oy - 1, oq):
            return "growth y/y"
        if y * 4 + q == oy * 4 + oq - 1:
            return "growth q/q"
    if own is not None and own[0] == "FY":
        return "growth y/y"
    return None


# A result set against guidance ("revenue was $158.2 million, ahead of the top end of our
# guidance", "EPS were $0.27, above our guidance range", "毛利率為 60.3%,超過我們指引的上限"):
# the sentence names guidance but reports the quarter.
_EN_VS_GUIDANCE = re.compile(
    r"(?<![A-Za-z])(?:ahead\s+of|above|below|beyond|exceed(?:ed|ing|s)?|beat|surpass(?:ed|es|ing)?"
    r"|within|in\s+line\s+with|short\s+of|met|end\s+of|midpoint\s+of)(?![A-Za-z])"
    r"[^.;!?]{0,40}?(?<![A-Za-z])(?:guidance|outlook|guided\s+range)(?![A-Za-z])",
    re.I,
)
_ZH_VS_GUIDANCE = re.compile(
    r"(?:超過|超过|超出|高於|高于|優於|优于|低於|低于|符合|達到|达到|落在|位於|位于|在|不及|未達|未达)"
    r"[^,\uff0c。;\uff1b]{0,10}?(?:指引|展望|財測|财测)"
)
# ... except the guidance figure such a sentence quotes ("above our guidance of $150 million").
_EN_GUIDANCE_OF = re.compile(
    r"(?:guidance|outlook|guided)(?:\s+range)?\s*(?:of|was|at|called\s+for)?\s*"
    r"(?:approximately|about|around|roughly|between|from)?\s*$",
    re.I,
)
_ZH_GUIDANCE_OF = re.compile(
    r"(?:指引|展望|財測|财测)(?:區間|区间|範圍|范围)?\s?(?:為|为|是|的)?\s?(?:約|约)?\s?$"
)


def _against_guidance(window: str, sentence: str, lang: _Lang) -> bool:
    """Whether a figure is a result compared with guidance, not guidance: the sentence sets
    something against guidance, looks at no future, and the figure is not the guidance quoted."""
    vs, of = (
        (_EN_VS_GUIDANCE, _EN_GUIDANCE_OF) if lang.english else (_ZH_VS_GUIDANCE, _ZH_GUIDANCE_OF)
    )
    if vs.search(sentence) is None or lang.future.search(sentence):
        return False
    return of.search(window) is None


def _nature_for(
    window: str, sentence: str, period: Period | None, lang: _Lang, ctx: CallContext, analyst: bool
) -> Nature:
    if analyst:
        return Nature.ANALYST
    if period is not None and (period[0] in ("LT", "Y")):
        return Nature.TARGET
    if lang.target.search(sentence):
        return Nature.TARGET
    if period is not None and ctx.is_future(period):
        return Nature.GUIDANCE
    if _against_guidance(window, sentence, lang):
        return Nature.REPORTED
    if lang.guide_window.search(window):
        return Nature.GUIDANCE
    if period is None and lang.forward.search(sentence):
        return Nature.GUIDANCE
    return Nature.REPORTED


# --- public API --------------------------------------------------------------------------------


def _sides(text: str, toks: Iterable[_Tok]) -> list[FigureSide]:
    out = []
    for t in toks:
        assert t.kind is not None
        if t.low is not None:
            value = None
            low, high = t.low, t.high
        else:
            value, low, high = t.scaled_value(), None, None
        out.append(
            FigureSide(
                text=text[t.start : t.end],
                start=t.start,
                end=t.end,
                kind=t.kind,
                unit=t.unit,
                value=value,
                low=low,
                high=high,
                quantum=t.quantum,
                qualifier=t.qualifier,
                metric=t.metric,
                period=period_label(t.period),
                nature=t.nature,
            )
        )
    return out


def _negate_losses(text: str, toks: list[_Tok], english: bool) -> None:
    pat = _EN_LOSS if english else _ZH_LOSS
    for t in toks:
        money = t.kind in ("money", "count") and not t.negative and t.low is None
        if money and pat.search(text, max(0, t.start - 30), t.start):
            t.negative = True


_EN_LOSS = re.compile(
    r"(?<![A-Za-z])(?:loss|losses|negative|minus|deficit)(?![A-Za-z])[^$\d.;]{0,20}$", re.I
)
_ZH_LOSS = re.compile(r"(?:虧損|亏损|淨損|净损|負(?![債債責擔])|负(?![债责担]))[^\d,。;]{0,8}$")


def extract_en(
    text: str, ctx: CallContext | None = None, *, analyst: bool = False
) -> list[FigureSide]:
    """The figures of an English paragraph, labelled (metric, period, nature)."""
    return _sides(text, _extract(text, _EN, ctx or CallContext(None, None), analyst))


def extract_zh(
    text: str, ctx: CallContext | None = None, *, analyst: bool = False
) -> list[FigureSide]:
    """The figures of a Chinese paragraph, labelled (metric, period, nature)."""
    return _sides(text, _extract(text, _ZH, ctx or CallContext(None, None), analyst))


def _extract(text: str, lang: _Lang, ctx: CallContext, analyst: bool) -> list[_Tok]:
    if _HAS_NUMBER.search(text) is None:
        return []
    folded = fold(text)
    raw = _en_tokens(folded) if lang.english else _zh_tokens(folded)
    if not raw:
        return []
    toks = _merge_ranges(folded, raw, lang.english)
    if not toks:
        return []
    _negate_losses(folded, toks, lang.english)
    _qualify(folded, toks, lang.english)
    _classify(folded, toks, lang, ctx, analyst)
    return toks


def same_value(a: Decimal, qa: Decimal, b: Decimal, qb: Decimal) -> bool:
    """Equal within the coarser of the two precisions written (``141.1 M`` ~ ``1.41 億``)."""
    if (a < 0) != (b < 0):
        return False
    if qa == qb:
        return a == b
    fine, coarse, q = (a, b, qb) if qa < qb else (b, a, qa)
    return (fine / q).quantize(Decimal(1), rounding=ROUND_HALF_UP) * q == coarse
