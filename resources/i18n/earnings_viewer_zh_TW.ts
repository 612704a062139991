<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>Labels</name>
    <message>
        <source>Revenue</source>
        <translation>營收</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>毛利率</translation>
    </message>
    <message>
        <source>Operating margin</source>
        <translation>營業利益率</translation>
    </message>
    <message>
        <source>Operating expenses</source>
        <translation>營業費用</translation>
    </message>
    <message>
        <source>EPS</source>
        <translation>每股盈餘</translation>
    </message>
    <message>
        <source>Share count</source>
        <translation>股數</translation>
    </message>
    <message>
        <source>R&amp;D expenses</source>
        <translation>研發費用</translation>
    </message>
    <message>
        <source>Sales and marketing expenses</source>
        <translation>銷售及行銷費用</translation>
    </message>
    <message>
        <source>G&amp;A expenses</source>
        <translation>管理費用</translation>
    </message>
    <message>
        <source>Interest income</source>
        <translation>利息收入</translation>
    </message>
    <message>
        <source>Tax rate</source>
        <translation>稅率</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>現金</translation>
    </message>
    <message>
        <source>Operating cash flow</source>
        <translation>營業現金流</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>員工人數</translation>
    </message>
    <message>
        <source>Market size</source>
        <translation>市場規模</translation>
    </message>
    <message>
        <source>Growth y/y</source>
        <translation>年增率</translation>
    </message>
    <message>
        <source>Growth q/q</source>
        <translation>季增率</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <source>Per share</source>
        <translation>每股</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Percentage points</source>
        <translation>百分點</translation>
    </message>
    <message>
        <source>Basis points</source>
        <translation>基點</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>股數</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人數</translation>
    </message>
    <message>
        <source>Bandwidth</source>
        <translation>頻寬</translation>
    </message>
    <message>
        <source>Multiple</source>
        <translation>倍數</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>數量</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>實際</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>財測</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <source>Analyst</source>
        <comment>nature of a figure</comment>
        <translation>分析師提及</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>相符</translation>
    </message>
    <message>
        <source>Mismatch</source>
        <translation>不符</translation>
    </message>
    <message>
        <source>Missing</source>
        <comment>figure check</comment>
        <translation>缺漏</translation>
    </message>
    <message>
        <source>Extra</source>
        <comment>figure check</comment>
        <translation>多出</translation>
    </message>
    <message>
        <source>No translation</source>
        <comment>figure check</comment>
        <translation>無譯文</translation>
    </message>
    <message>
        <source>No Chinese translation to check against</source>
        <translation>沒有中文譯文可供核對</translation>
    </message>
    <message>
        <source>%1: no translation to check</source>
        <translation>%1：無譯文可核對</translation>
    </message>
    <message>
        <source>The Chinese has the same figure</source>
        <translation>中文數據相符</translation>
    </message>
    <message>
        <source>The Chinese has a different figure</source>
        <translation>中文數據不符</translation>
    </message>
    <message>
        <source>Missing in Chinese</source>
        <translation>中文缺漏</translation>
    </message>
    <message>
        <source>Extra in Chinese</source>
        <translation>中文多出</translation>
    </message>
    <message>
        <source>%1: not in the Chinese</source>
        <translation>%1：中文未提及</translation>
    </message>
    <message>
        <source>%1: not in the English</source>
        <translation>%1：英文未提及</translation>
    </message>
    <message numerus="yes">
        <source>%1: translated here, kept in %n other paragraph(s)</source>
        <translation>
            <numerusform>%1：此處譯出，另有 %n 段保留原文</numerusform>
        </translation>
    </message>
    <message>
        <source>Prepared remarks</source>
        <translation>準備發言</translation>
    </message>
    <message>
        <source>Q&amp;A</source>
        <translation>問答</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>主持人</translation>
    </message>
    <message>
        <source>Company</source>
        <comment>role</comment>
        <translation>公司</translation>
    </message>
    <message>
        <source>Analyst</source>
        <comment>role</comment>
        <translation>分析師</translation>
    </message>
    <message>
        <source>Analysts</source>
        <translation>分析師</translation>
    </message>
    <message>
        <source>Firm not announced</source>
        <translation>未提及券商</translation>
    </message>
    <message>
        <source>&amp;Side by side</source>
        <translation>左右對照(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Interleaved</source>
        <translation>上下交錯(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;English only</source>
        <translation>僅英文(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Chinese only</source>
        <translation>僅中文(&amp;C)</translation>
    </message>
    <message>
        <source>Q%1</source>
        <comment>quarter without a year</comment>
        <translation>第 %1 季</translation>
    </message>
    <message>
        <source>Q%1 %2</source>
        <comment>quarter %1 of year %2</comment>
        <translation>%2 年第 %1 季</translation>
    </message>
    <message>
        <source>FY%1</source>
        <comment>full fiscal year</comment>
        <translation>%1 全年</translation>
    </message>
    <message>
        <source>H1 %1</source>
        <comment>first half of year %1</comment>
        <translation>%1 年上半年</translation>
    </message>
    <message>
        <source>H2 %1</source>
        <comment>second half of year %1</comment>
        <translation>%1 年下半年</translation>
    </message>
    <message>
        <source>%1</source>
        <comment>a calendar year</comment>
        <translation>%1 年</translation>
    </message>
    <message>
        <source>Long term</source>
        <translation>長期</translation>
    </message>
    <message>
        <source>Company</source>
        <comment>column</comment>
        <translation>公司</translation>
    </message>
    <message>
        <source>Ticker</source>
        <translation>股票代號</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>會計年度</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>環節</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>發言</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>發言人</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>職稱</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身分</translation>
    </message>
    <message>
        <source>Firm</source>
        <translation>券商</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行號</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>數值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>單位</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>High</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>修飾語</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>性質</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核對</translation>
    </message>
    <message>
        <source>English text</source>
        <translation>英文原文</translation>
    </message>
    <message>
        <source>Chinese text</source>
        <translation>中文譯文</translation>
    </message>
    <message>
        <source>Follow &amp;system</source>
        <comment>language</comment>
        <translation>跟隨系統(&amp;S)</translation>
    </message>
</context>
</TS>
