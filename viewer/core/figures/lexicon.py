"""The words around a figure, in both languages: sentence ends, metric names, growth, guidance,
target and loss cues, gathered per language in a :class:`Lang`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from viewer.core.figures.periods import (
    EN_PERIOD,
    ZH_PERIOD,
    CallContext,
    Period,
    en_period,
    zh_period,
)
from viewer.core.figures.ranges import EN_QUAL
from viewer.core.figures.script import zh_compile

EN_SENT = re.compile(r"[.?!;][\"')]*\s+")
ZH_SENT = re.compile(r"[。!?;]|\.(?!\d)")

EN_METRICS: tuple[tuple[str, str], ...] = (
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
# Chinese words are written once, in Traditional characters, the mainland's own words too
# (運營費用 is 运营费用): patterns are folded to Simplified like the text (see .script).
ZH_METRICS: tuple[tuple[str, str], ...] = (
    (
        "operating cash flow",
        r"經營活動(?:產生的)?現金流|營運現金流|運營現金流|營業現金流|經營現金流|經營性現金流",
    ),
    ("EPS", r"每股收益|每股盈餘|每股盈利|每股淨利|每股虧損|每股"),
    ("share count", r"股數|流通股|股份數"),
    ("gross margin", r"毛利率"),
    ("operating margin", r"營業利潤率|營業利益率|營運利潤率|運營利潤率|經營利潤率|營益率"),
    (
        "operating expenses",
        r"營業費用|營運費用|營運支出|營業支出|經營費用|運營費用|運營開支|營運開支|營業開支|經營開支",
    ),
    ("R&D", r"研發|研究與開發|研究和開發"),
    ("sales and marketing", r"銷售(?:和|與|及)(?:行銷|營銷|市場)|行銷|營銷"),
    ("G&A", r"一般(?:和|及|與)行政|管理費用|行政費用"),
    ("interest income", r"利息收入"),
    ("tax rate", r"所得稅(?:收益|費用)?率|稅率"),
    ("cash", r"現金"),
    ("headcount", r"員工"),
    ("market size", r"TAM|市場"),
    # operating income, net income: no metric of their own (as in English), but their 收入
    # is not revenue ("other" is never compatible with a figure: these words only hide it)
    ("other", r"運營收入|經營收入|淨利潤(?!率)|淨利(?!率)"),
    ("revenue", r"營收|營業收入|收入|銷售額|營業額|銷售"),
    ("gross margin", r"利潤率"),
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
    return zh_compile(body), names


EN_METRIC_RE, EN_METRIC_NAMES = _metric_re(EN_METRICS, True)
ZH_METRIC_RE, ZH_METRIC_NAMES = _metric_re(ZH_METRICS, False)

MONEY_METRICS = frozenset(
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
FINANCIAL_KINDS = frozenset(
    {"money", "percent", "shares", "count", "per share", "basis points", "percentage points"}
)
PERCENT_METRICS = frozenset({"gross margin", "operating margin", "tax rate"})


EN_GROWTH_BEFORE = re.compile(
    r"(?<![A-Za-z])(up|down|grew|grow|grows|growing|growth(?:\sof)?|increased?|increases|increasing"
    r"|decreased?|decreases|declined?|declines|rose|fell|jumped|expanded|higher|lower|by)\s+"
    r"(?:" + EN_QUAL + r"\s+)?$",
    re.I,
)
EN_GROWTH_VERB = re.compile(
    r"(?<![A-Za-z])(?:increas\w*|grow\w*|grew|rose|decreas\w*|declin\w*|fell|expand\w*|up|down)"
    r"(?![A-Za-z])",
    re.I,
)
# "up 11% sequentially and 68% year-over-year": a comparison right after the figure
EN_GROWTH_AFTER = re.compile(
    r"^\s*(?:higher|lower|growth|increase|decrease|more|less|sequential(?:ly)?"
    r"|year[\s-]over[\s-]year|quarter[\s-]over[\s-]quarter|q/q|y/y|yoy|qoq"
    r"|(?:from|versus|vs\.?|over|compared\s(?:to|with))\s(?:the\s)?(?:prior|previous|last|same"
    r"|year[\s-]ago|Q[1-4]|first|second|third|fourth))(?![A-Za-z])",
    re.I,
)
EN_QQ = re.compile(
    r"sequential|quarter[\s-]over[\s-]quarter|q/q|qoq|(?:previous|prior|last|preceding)\squarter",
    re.I,
)
EN_YY = re.compile(
    r"year[\s-]over[\s-]year|y/y|yoy|(?:prior|previous|last)\syear|year[\s-]ago", re.I
)
ZH_GROWTH_BEFORE = zh_compile(
    r"(?:成長|增長|增加|上升|上漲|提高|提升|高出|多出|增|下降|減少|下滑|下跌|降低|衰退|增幅|成長率|增速"
    r"|擴大|收窄|下調|上調)(?:了)?\s?(?:約|近|將近|超過|達)?\s?$"
)
ZH_QQ = zh_compile(r"環比|季增|季減|[較比]上一?(?:個)?季度?|較前一季|上一?季")
ZH_YY = zh_compile(r"同比|年增|年減|[較比]去年|去年同期|年比|較上(?:一)?年|上年同期|與去年同期相比")

EN_GUIDE_WINDOW = re.compile(r"guidance|outlook", re.I)
# Words that put a figure in the future; "forward" adds the words of guidance itself.
EN_FUTURE_WORDS = (
    r"expect(?:s|ing)?|(?:is|are|be)\sexpected|anticipat\w*|forecast\w*"
    r"|will|should|going\sto|plan\sto"
)
EN_FUTURE = re.compile(rf"(?<![A-Za-z])(?:{EN_FUTURE_WORDS})(?![A-Za-z])", re.I)
EN_FORWARD = re.compile(
    rf"(?<![A-Za-z])(?:{EN_FUTURE_WORDS}|guidance|outlook|project(?:ed|ing|s)?|estimat\w*"
    r"|look\sfor)(?![A-Za-z])",
    re.I,
)
EN_TARGET = re.compile(
    r"(?<![A-Za-z])(?:target\w*|goal|long[\s-]term\smodel|target\smodel|aspiration\w*)(?![A-Za-z])",
    re.I,
)
# "超出預期", "低於預期", "符合預期" (than expected) look back at a result, as "ahead of
# expectations" does in English: no future
_ZH_EXPECT = r"(?<![的出於過超合及])預期"
ZH_FORWARD = zh_compile(rf"預計|{_ZH_EXPECT}|指引|指導|展望|估計|預測|預估|將會|應該|有望")
ZH_FUTURE = zh_compile(rf"預計|{_ZH_EXPECT}|預估|將會|應該|應會|有望")
ZH_GUIDE_WINDOW = zh_compile(r"指引|指導|展望")
ZH_TARGET = zh_compile(r"目標|長期模型")
COMPARATOR_BEFORE = re.compile(
    r"(?:with|than|versus|vs\.?|from|compared\sto|over)\s+(?:the\s+)?$", re.I
)
# "而 2024 財年第三季為 0.61 美元" (whereas): the period belongs to the comparison
ZH_COMPARATOR_BEFORE = zh_compile(r"(?:較|比|高於|低於|相比|相較於|與|從|而)\s?$")
# "上一季的 5,130 萬美元", "而上一季為 0.61 美元": the period owns the figure right after it
ZH_OWNS = zh_compile(r"\s?(?:的|為|是)?\s?(?:約)?\s?$")
IMMEDIATE_AFTER = re.compile(r"^[\s,]*(?:in|for|during|of)\s+(?:the\s+)?$", re.I)
# "loss from operations was $1.7 million", "net loss attributable to TAL was $7.3 million":
# the Chinese says 虧損 right before the figure, the English may say it a clause earlier
EN_LOSS = re.compile(
    r"(?<![A-Za-z])(?:loss|losses|negative|minus|deficit)(?![A-Za-z])"
    r"(?:[^$\d.;]{0,20}|[^$\d.;,]{21,34})$",
    re.I,
)
ZH_LOSS = zh_compile(r"(?:虧損|淨損|負(?![債責擔]))[^\d,。;]{0,8}$")


@dataclass(frozen=True, slots=True)
class Lang:
    """Everything the classification reads in one language."""

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
    loss: re.Pattern[str]
    comparator: re.Pattern[str]


EN = Lang(
    True,
    EN_SENT,
    EN_METRIC_RE,
    EN_METRIC_NAMES,
    EN_PERIOD,
    en_period,
    EN_GROWTH_BEFORE,
    EN_QQ,
    EN_YY,
    EN_FORWARD,
    EN_FUTURE,
    EN_GUIDE_WINDOW,
    EN_TARGET,
    EN_LOSS,
    COMPARATOR_BEFORE,
)
ZH = Lang(
    False,
    ZH_SENT,
    ZH_METRIC_RE,
    ZH_METRIC_NAMES,
    ZH_PERIOD,
    zh_period,
    ZH_GROWTH_BEFORE,
    ZH_QQ,
    ZH_YY,
    ZH_FORWARD,
    ZH_FUTURE,
    ZH_GUIDE_WINDOW,
    ZH_TARGET,
    ZH_LOSS,
    ZH_COMPARATOR_BEFORE,
)
