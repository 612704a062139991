<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open…</source>
        <translation>開啟(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>重新載入(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save pasted call as…</source>
        <translation>將貼上的法說會另存為(&amp;S)…</translation>
    </message>
    <message>
        <source>Write a pasted call to a UTF-8 text file</source>
        <translation>將貼上的法說會寫入 UTF-8 文字檔</translation>
    </message>
    <message>
        <source>&amp;Paste transcript</source>
        <translation>貼上逐字稿(&amp;P)</translation>
    </message>
    <message>
        <source>Open a call copied from a web page (text or HTML) as a new, unsaved tab</source>
        <translation>將從網頁複製的法說會（文字或 HTML）開在新的未儲存分頁</translation>
    </message>
    <message>
        <source>&amp;Export selection to CSV…</source>
        <translation>將選取範圍匯出為 CSV(&amp;E)…</translation>
    </message>
    <message>
        <source>The selected paragraphs, speakers, turns or figures (or the whole filtered view)</source>
        <translation>選取的段落、發言人、發言或數據（未選取時為目前篩選後的全部內容）</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)…</translation>
    </message>
    <message>
        <source>Export to P&amp;DF…</source>
        <translation>匯出為 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Close tab</source>
        <translation>關閉分頁(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Copy with attribution</source>
        <translation>複製並附上出處(&amp;C)</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>全選(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>尋找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find &amp;next</source>
        <translation>找下一個(&amp;N)</translation>
    </message>
    <message>
        <source>Find pre&amp;vious</source>
        <translation>找上一個(&amp;V)</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>大小寫須相符(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Whole words (Latin text only)</source>
        <translation>全字拼寫須相符（僅限英文）(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Regular expression</source>
        <translation>規則運算式(&amp;R)</translation>
    </message>
    <message>
        <source>Only the speakers and sections &amp;shown</source>
        <translation>僅限顯示中的發言人與環節(&amp;S)</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>顯示中</translation>
    </message>
    <message>
        <source>Next &amp;language scope</source>
        <translation>切換搜尋語言(&amp;L)</translation>
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
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>重設縮放(&amp;R)</translation>
    </message>
    <message>
        <source>Follow &amp;system</source>
        <translation>跟隨系統(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>淺色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Toggle dark mode</source>
        <translation>切換深色模式(&amp;T)</translation>
    </message>
    <message>
        <source>Show &amp;summary</source>
        <translation>顯示摘要(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Speakers panel</source>
        <translation>發言人面板(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Figures panel</source>
        <translation>數據面板(&amp;F)</translation>
    </message>
    <message>
        <source>Search &amp;hits panel</source>
        <translation>搜尋結果面板(&amp;H)</translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <translation>重設版面配置(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Next turn</source>
        <translation>下一段發言(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous turn</source>
        <translation>上一段發言(&amp;P)</translation>
    </message>
    <message>
        <source>Next &amp;question</source>
        <translation>下一個提問(&amp;Q)</translation>
    </message>
    <message>
        <source>Previous q&amp;uestion</source>
        <translation>上一個提問(&amp;U)</translation>
    </message>
    <message>
        <source>Go to &amp;paragraph…</source>
        <translation>跳至段落(&amp;P)…</translation>
    </message>
    <message>
        <source>Go to &amp;speaker…</source>
        <translation>跳至發言人(&amp;S)…</translation>
    </message>
    <message>
        <source>Focus speaker &amp;tree</source>
        <translation>移至發言人清單(&amp;T)</translation>
    </message>
    <message>
        <source>Focus &amp;reading pane</source>
        <translation>移至閱讀窗格(&amp;R)</translation>
    </message>
    <message>
        <source>Focus &amp;figures panel</source>
        <translation>移至數據面板(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
    <message>
        <source>Show parse &amp;warnings</source>
        <translation>顯示解析警告(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>關於(&amp;A)</translation>
    </message>
    <message>
        <source>Follow the system &amp;language</source>
        <translation>跟隨系統語言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Metric</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Value (English)</source>
        <translation>英文數值</translation>
    </message>
    <message>
        <source>Value (Chinese)</source>
        <translation>中文數值</translation>
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
        <source>Speaker</source>
        <translation>發言人</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>環節</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>核對</translation>
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
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Rendered as</source>
        <translation>譯為</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留原文</translation>
    </message>
    <message>
        <source>Translated</source>
        <translation>已翻譯</translation>
    </message>
    <message>
        <source>Kept in ¶</source>
        <translation>保留原文的段落</translation>
    </message>
    <message>
        <source>Translated in ¶</source>
        <translation>已翻譯的段落</translation>
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
        <source>Turns</source>
        <translation>發言次數</translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation>段落數</translation>
    </message>
    <message>
        <source>Words</source>
        <translation>字數</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>提問數</translation>
    </message>
    <message>
        <source>Prepared words</source>
        <translation>準備發言字數</translation>
    </message>
    <message>
        <source>Q&amp;A words</source>
        <translation>問答字數</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>逐字稿</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>No more questions</source>
        <translation>沒有更多提問</translation>
    </message>
    <message>
        <source>No more turns</source>
        <translation>沒有更多發言</translation>
    </message>
    <message>
        <source>Paragraph %1 is hidden by the current filters</source>
        <translation>第 %1 段已被目前的篩選條件隱藏</translation>
    </message>
    <message>
        <source>Go to paragraph</source>
        <translation>跳至段落</translation>
    </message>
    <message>
        <source>Paragraph (1–%1):</source>
        <translation>段落（1–%1）：</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n paragraph(s)</source>
        <translation>
            <numerusform>已複製 %n 段</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing selected to copy</source>
        <translation>沒有選取可複製的內容</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>沒有可匯出的內容</translation>
    </message>
    <message>
        <source>Export figures to CSV</source>
        <translation>將數據匯出為 CSV</translation>
    </message>
    <message>
        <source>Export paragraphs to CSV</source>
        <translation>將段落匯出為 CSV</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>已匯出 %n 列至 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已匯出至 %1</translation>
    </message>
    <message>
        <source>Export to PDF</source>
        <translation>匯出為 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 檔案 (*.pdf)</translation>
    </message>
    <message>
        <source>Warnings — %1</source>
        <translation>警告 — %1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行號</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Double-click a warning to go to its paragraph</source>
        <translation>按兩下警告即可前往其段落</translation>
    </message>
    <message>
        <source>That paragraph is hidden by the current filters</source>
        <translation>該段落已被目前的篩選條件隱藏</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快速鍵</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>關於 %1</translation>
    </message>
    <message>
        <source>%1 %2

Read earnings calls in English and Chinese: speakers, figures, translation checks, search, export.</source>
        <translation>%1 %2

以中英對照閱讀法說會逐字稿：發言人、數據、翻譯核對、搜尋與匯出。</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <source>Company to compare</source>
        <translation>要比較的公司</translation>
    </message>
    <message>
        <source>Metric in the chart</source>
        <translation>圖表中的指標</translation>
    </message>
    <message>
        <source>Metrics by period, reported and guidance</source>
        <translation>各期指標：實際與財測</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>圖表</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>比較中…</translation>
    </message>
    <message>
        <source>Comparing failed: %1</source>
        <translation>比較失敗：%1</translation>
    </message>
    <message>
        <source>No company to compare yet: add a folder of calls.</source>
        <translation>尚無可比較的公司：請加入存放法說會逐字稿的資料夾。</translation>
    </message>
    <message>
        <source>%1: %2 · %3</source>
        <comment>ticker: calls · guidance figures</comment>
        <translation>%1：%2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n 場法說會</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n guidance figure(s)</source>
        <translation>
            <numerusform>%n 筆財測</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>summary: verdict counts</comment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>CompareTableModel</name>
    <message>
        <source>Above</source>
        <comment>above the guidance</comment>
        <translation>優於財測</translation>
    </message>
    <message>
        <source>Within</source>
        <comment>within the guidance</comment>
        <translation>符合財測</translation>
    </message>
    <message>
        <source>Below</source>
        <comment>below the guidance</comment>
        <translation>低於財測</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>not reported yet</comment>
        <translation>待公布</translation>
    </message>
    <message>
        <source>shares</source>
        <translation>股</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人</translation>
    </message>
    <message>
        <source>multiple</source>
        <translation>倍</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>幣別</translation>
    </message>
    <message>
        <source>percentage points</source>
        <translation>百分點</translation>
    </message>
    <message>
        <source>basis points</source>
        <translation>基點</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期間</translation>
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
        <source>Guided in</source>
        <translation>提出財測的法說會</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>與財測相比</translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <source>Speakers</source>
        <translation>發言人</translation>
    </message>
    <message>
        <source>Figures and statistics</source>
        <translation>數據與統計</translation>
    </message>
    <message>
        <source>Search hits</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <source>Figures appear once the transcript is analysed.</source>
        <translation>逐字稿分析完成後，數據會顯示於此。</translation>
    </message>
    <message>
        <source>Press Ctrl+F to search.</source>
        <translation>按 Ctrl+F 開始搜尋。</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <source>This call has no Chinese translation: it is shown in English only.</source>
        <translation>這場法說會沒有中文譯文：僅以英文顯示。</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>發生錯誤</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>錯誤詳細資訊</translation>
    </message>
    <message>
        <source>The app keeps running. Details were logged to %1.</source>
        <translation>程式仍在執行，詳細資訊已記錄於 %1。</translation>
    </message>
    <message>
        <source>The app keeps running. Details were logged.</source>
        <translation>程式仍在執行，詳細資訊已記錄。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>複製詳細資訊</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s); the first: %1</source>
        <translation>
            <numerusform>共 %n 個錯誤；第一個：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>%1</source>
        <comment>an error&apos;s own English message</comment>
        <translation>%1</translation>
    </message>
    <message>
        <source>%1</source>
        <comment>why a file is no transcript (in English)</comment>
        <translation>無法讀取為逐字稿（%1）</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>檔案不存在</translation>
    </message>
    <message>
        <source>the path contains a NUL byte</source>
        <translation>路徑含有 NUL 字元</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>權限不足</translation>
    </message>
    <message>
        <source>cannot open (%1)</source>
        <translation>無法開啟（%1）</translation>
    </message>
    <message>
        <source>cannot read (%1)</source>
        <translation>無法讀取（%1）</translation>
    </message>
    <message>
        <source>is a directory, not a file</source>
        <translation>這是資料夾，不是檔案</translation>
    </message>
    <message>
        <source>is not a regular file (device, pipe or socket)</source>
        <translation>不是一般檔案（裝置、管道或通訊端）</translation>
    </message>
    <message>
        <source>the file is too large (%1 MB; the limit is %2 MB)</source>
        <translation>檔案太大（%1 MB，上限為 %2 MB）</translation>
    </message>
    <message>
        <source>not a text transcript (looks like %1)</source>
        <translation>不是文字格式的逐字稿（看起來是 %1）</translation>
    </message>
    <message>
        <source>not a text transcript (binary data)</source>
        <translation>不是文字格式的逐字稿（二進位資料）</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>檔案是空的</translation>
    </message>
    <message>
        <source>the pasted text is empty</source>
        <translation>貼上的文字是空的</translation>
    </message>
    <message>
        <source>invalid %1 data (%2)</source>
        <translation>無效的 %1 資料（%2）</translation>
    </message>
    <message>
        <source>invalid %1 bytes (%2)</source>
        <translation>無效的 %1 位元組（%2）</translation>
    </message>
    <message>
        <source>invalid UTF-8 bytes and no other expected encoding fits (open with replacement characters, or choose an encoding)</source>
        <translation>含有無效的 UTF-8 位元組，其他常見編碼也都不符（請以替代字元開啟，或指定編碼）</translation>
    </message>
    <message>
        <source>the encoding %1 cannot decode text</source>
        <translation>編碼 %1 無法解碼文字</translation>
    </message>
    <message>
        <source>the encoding %1 cannot replace invalid bytes</source>
        <translation>編碼 %1 無法取代無效的位元組</translation>
    </message>
    <message>
        <source>unknown encoding %1</source>
        <translation>不明的編碼 %1</translation>
    </message>
    <message>
        <source>unrecognised transcript layout (the viewer reads: %1)</source>
        <translation>無法辨識的逐字稿格式（本程式可讀取：%1）</translation>
    </message>
    <message>
        <source>unrecognised transcript layout: weak fit only (closest: %1 %2)</source>
        <translation>無法辨識的逐字稿格式：沒有足夠吻合的格式（最接近：%1 %2）</translation>
    </message>
    <message>
        <source>ambiguous transcript layout: fits %1 about equally (choose the layout)</source>
        <translation>逐字稿格式不明確：%1 的吻合程度相近（請指定格式）</translation>
    </message>
    <message>
        <source>unknown layout %1 (the viewer reads: %2)</source>
        <translation>不明的格式 %1（本程式可讀取：%2）</translation>
    </message>
    <message>
        <source>no transcript text found</source>
        <translation>找不到逐字稿內容</translation>
    </message>
    <message>
        <source>no speaker labels found</source>
        <translation>找不到發言人標示</translation>
    </message>
    <message>
        <source>%1</source>
        <comment>why an export failed (in English)</comment>
        <translation>無法寫入檔案（%1）</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁碟已滿</translation>
    </message>
    <message>
        <source>the folder is read-only</source>
        <translation>資料夾為唯讀</translation>
    </message>
    <message>
        <source>permission denied (is the file open in another program?)</source>
        <translation>權限不足（檔案是否已在其他程式中開啟？）</translation>
    </message>
    <message>
        <source>the target is a folder, not a file</source>
        <translation>目標是資料夾，不是檔案</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>資料夾不存在</translation>
    </message>
    <message>
        <source>the file name is too long</source>
        <translation>檔名太長</translation>
    </message>
    <message>
        <source>the target is not a regular file</source>
        <translation>目標不是一般檔案</translation>
    </message>
    <message>
        <source>the file is read-only</source>
        <translation>檔案為唯讀</translation>
    </message>
    <message>
        <source>could not build the rows (%1)</source>
        <translation>無法產生資料列（%1）</translation>
    </message>
    <message>
        <source>invalid regular expression: %1</source>
        <translation>無效的規則運算式：%1</translation>
    </message>
    <message>
        <source>the regular expression is too slow on this text (stopped after %1 s): simplify it, e.g. avoid nested repeats such as (a+)+</source>
        <translation>規則運算式在這段文字上執行太慢（%1 秒後停止）：請簡化，例如避免 (a+)+ 這類巢狀重複</translation>
    </message>
    <message>
        <source>the library database cannot be used (%1)</source>
        <translation>無法使用資料庫（%1）</translation>
    </message>
    <message>
        <source>%1: line %2: %3</source>
        <translation>%1：第 %2 行：%3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>file: what went wrong</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export to CSV</source>
        <translation>匯出為 CSV</translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s) to export.</source>
        <translation>
            <numerusform>將匯出 %n 筆數據。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paragraph(s) to export.</source>
        <translation>
            <numerusform>將匯出 %n 段。</numerusform>
        </translation>
    </message>
    <message>
        <source>Columns to write, in this order</source>
        <translation>要寫入的欄位（依此順序）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>&amp;Default columns</source>
        <translation>預設欄位(&amp;D)</translation>
    </message>
    <message>
        <source>Encoding</source>
        <translation>編碼</translation>
    </message>
    <message>
        <source>UTF-8 with BOM (opens right in Excel)</source>
        <translation>UTF-8 含 BOM（Excel 可正確開啟）</translation>
    </message>
    <message>
        <source>UTF-8 without BOM</source>
        <translation>UTF-8 不含 BOM</translation>
    </message>
    <message>
        <source>&amp;Neutralise cells that look like formulas (= + - @)</source>
        <translation>停用看似公式的儲存格 (= + - @)(&amp;N)</translation>
    </message>
    <message>
        <source>Puts &apos; in front of a cell that a spreadsheet could run as a formula. Plain numbers such as -0.15 are left as they are.</source>
        <translation>在試算表可能當成公式執行的儲存格前加上 &apos;。-0.15 這類單純數字維持原樣。</translation>
    </message>
    <message>
        <source>English &amp;headers (for scripts)</source>
        <translation>英文欄位名稱（供程式使用）(&amp;H)</translation>
    </message>
    <message>
        <source>Write the column names in English, the same in every interface language</source>
        <translation>以英文寫入欄位名稱，不隨介面語言改變</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>檔案名稱</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>預覽</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>匯出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>編碼(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;File name:</source>
        <translation>檔案名稱(&amp;F)：</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>欄位：</translation>
    </message>
    <message>
        <source>Preview (first rows, as written):</source>
        <translation>預覽（前幾列，與寫入內容相同）：</translation>
    </message>
    <message>
        <source>Choose at least one column.</source>
        <translation>請至少選擇一個欄位。</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 檔案 (*.csv);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>取代檔案？</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在，要取代嗎？</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在寫入 %1…</translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation>無法匯出：%1</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消匯出，未寫入任何檔案。</translation>
    </message>
</context>
<context>
    <name>FiguresController</name>
    <message>
        <source>Could not find the figures of %1: %2</source>
        <translation>無法找出 %1 的數據：%2</translation>
    </message>
    <message>
        <source>That figure&apos;s paragraph is hidden by the current filters</source>
        <translation>這筆數據所在的段落已被目前的篩選條件隱藏</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Shown only</source>
        <translation>僅顯示符合者</translation>
    </message>
    <message>
        <source>Indexing…</source>
        <translation>正在建立索引…</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>搜尋失敗：%1</translation>
    </message>
    <message>
        <source>No results</source>
        <translation>沒有結果</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <comment>the current hit of all hits</comment>
        <translation>第 %1 筆，共 %2 筆</translation>
    </message>
    <message>
        <source>Both languages</source>
        <translation>中英文</translation>
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
        <source>Reached the end: continued from the top</source>
        <translation>已到結尾，從開頭繼續</translation>
    </message>
    <message>
        <source>Reached the top: continued from the end</source>
        <translation>已到開頭，從結尾繼續</translation>
    </message>
    <message>
        <source>Find in both languages</source>
        <translation>在英文與中文中尋找</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>尋找</translation>
    </message>
    <message>
        <source>Search both languages, English only or Chinese only (Alt+L)</source>
        <translation>搜尋中英文、僅英文或僅中文 (Alt+L)</translation>
    </message>
    <message>
        <source>Languages to search</source>
        <translation>搜尋的語言</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>關閉尋找列 (Esc)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>關閉尋找列</translation>
    </message>
    <message>
        <source>Stopped: this regular expression is too slow on this text (over %1 s). Simplify it, e.g. avoid nested repeats such as (a+)+</source>
        <translation>已停止：這個正規表示式在這份文字上太慢（超過 %1 秒）。請簡化它，例如避免 (a+)+ 這類巢狀重複</translation>
    </message>
</context>
<context>
    <name>HitList</name>
    <message>
        <source>No search</source>
        <translation>尚未搜尋</translation>
    </message>
    <message>
        <source>Show only &amp;matching paragraphs</source>
        <translation>僅顯示符合的段落(&amp;M)</translation>
    </message>
    <message>
        <source>Search hits</source>
        <translation>搜尋結果</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜尋…</translation>
    </message>
    <message>
        <source>No hits</source>
        <translation>沒有符合的結果</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s) (the first %1 listed)</source>
        <translation>
            <numerusform>%n 筆結果（列出前 %1 筆）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 筆結果</numerusform>
        </translation>
    </message>
</context>
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
        <source>Time</source>
        <translation>時間</translation>
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
<context>
    <name>Library</name>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <source>The library cannot be opened: %1</source>
        <translation>無法開啟逐字稿資料庫：%1</translation>
    </message>
    <message>
        <source>The library database was unusable and was moved to %1; it is being rebuilt from your folders.</source>
        <translation>逐字稿資料庫已無法使用，已移至 %1；正依您的資料夾重新建立。</translation>
    </message>
    <message>
        <source>Add a folder to the library</source>
        <translation>將資料夾加入資料庫</translation>
    </message>
    <message>
        <source>Remove a folder from the library</source>
        <translation>從資料庫移除資料夾</translation>
    </message>
    <message>
        <source>Folder (its files stay where they are):</source>
        <translation>資料夾（其中的檔案不會被刪除）：</translation>
    </message>
</context>
<context>
    <name>LibraryDock</name>
    <message>
        <source>Library</source>
        <translation>逐字稿資料庫</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>加入資料夾…</translation>
    </message>
    <message>
        <source>Add a folder to the library</source>
        <translation>將資料夾加入資料庫</translation>
    </message>
    <message>
        <source>Rescan</source>
        <translation>重新掃描</translation>
    </message>
    <message>
        <source>Rescan the library&apos;s folders</source>
        <translation>重新掃描資料庫的資料夾</translation>
    </message>
    <message>
        <source>Compare quarters</source>
        <translation>比較各季</translation>
    </message>
    <message>
        <source>Compare the selected company&apos;s quarters</source>
        <translation>比較所選公司的各季</translation>
    </message>
    <message>
        <source>Indexing progress</source>
        <translation>建立索引進度</translation>
    </message>
    <message>
        <source>%v of %m files</source>
        <translation>%v / %m 個檔案</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel indexing</source>
        <translation>取消建立索引</translation>
    </message>
    <message>
        <source>Calls of the library</source>
        <translation>資料庫中的法說會</translation>
    </message>
    <message>
        <source>No library</source>
        <translation>沒有資料庫</translation>
    </message>
    <message>
        <source>No folders yet: File &gt; Add folder to library…</source>
        <translation>尚未加入資料夾：檔案 &gt; 將資料夾加入資料庫…</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <comment>calls in folders</comment>
        <translation>%1，位於 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n 場法說會</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n 個資料夾</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) failed</source>
        <translation>
            <numerusform>%n 個檔案無法讀取</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for changes…</source>
        <translation>檢查變更中…</translation>
    </message>
    <message>
        <source>Indexing %1</source>
        <translation>正在建立索引：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) indexed</source>
        <translation>
            <numerusform>已建立 %n 個檔案的索引</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) removed</source>
        <translation>
            <numerusform>已移除 %n 個檔案</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s) missing</source>
        <translation>
            <numerusform>找不到 %n 個資料夾</numerusform>
        </translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>已是最新</translation>
    </message>
    <message>
        <source>Indexing cancelled: the files done so far are kept</source>
        <translation>已取消建立索引：已完成的檔案會保留</translation>
    </message>
    <message>
        <source>Indexing failed: %1</source>
        <translation>建立索引失敗：%1</translation>
    </message>
</context>
<context>
    <name>LibraryMenus</name>
    <message>
        <source>Add folder to &amp;library…</source>
        <translation>將資料夾加入資料庫(&amp;L)…</translation>
    </message>
    <message>
        <source>Remove folder from librar&amp;y…</source>
        <translation>從資料庫移除資料夾(&amp;Y)…</translation>
    </message>
    <message>
        <source>Rescan library folders</source>
        <translation>重新掃描資料庫的資料夾</translation>
    </message>
    <message>
        <source>Search the li&amp;brary…</source>
        <translation>搜尋資料庫(&amp;B)…</translation>
    </message>
    <message>
        <source>Compare &amp;quarters</source>
        <translation>比較各季(&amp;Q)</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>逐字稿資料庫</translation>
    </message>
    <message>
        <source>Library search</source>
        <translation>搜尋資料庫</translation>
    </message>
    <message>
        <source>Compare quarters</source>
        <translation>比較各季</translation>
    </message>
</context>
<context>
    <name>LibrarySearchModel</name>
    <message>
        <source>Paragraph %1</source>
        <translation>第 %1 段</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 筆結果</numerusform>
        </translation>
    </message>
    <message>
        <source>Period unknown</source>
        <translation>期間不明</translation>
    </message>
</context>
<context>
    <name>LibrarySearchPanel</name>
    <message>
        <source>%1 in %2</source>
        <comment>hits in calls</comment>
        <translation>%1，分布於 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 筆結果</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n 場法說會</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已匯出至 %1</translation>
    </message>
    <message>
        <source>Type to search every call of the library</source>
        <translation>輸入文字以搜尋資料庫中的所有法說會</translation>
    </message>
    <message>
        <source>No library</source>
        <translation>沒有資料庫</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜尋…</translation>
    </message>
    <message>
        <source>No hits</source>
        <translation>沒有符合的結果</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>搜尋失敗：%1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>匯出失敗：%1</translation>
    </message>
    <message>
        <source>Export the search results</source>
        <translation>匯出搜尋結果</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>搜尋資料庫</translation>
    </message>
    <message>
        <source>Search every call, in English and 中文</source>
        <translation>搜尋所有法說會的英文與中文</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>大小寫須相符(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Whole words (Latin text only)</source>
        <translation>全字拼寫須相符（僅限拉丁字母）(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Regular expression</source>
        <translation>規則運算式(&amp;R)</translation>
    </message>
    <message>
        <source>Any</source>
        <comment>any period</comment>
        <translation>不限</translation>
    </message>
    <message>
        <source>Language searched</source>
        <translation>搜尋的語言</translation>
    </message>
    <message>
        <source>Both languages</source>
        <translation>中英文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>僅英文</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>僅中文</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>All companies</source>
        <translation>所有公司</translation>
    </message>
    <message>
        <source>From period</source>
        <translation>起始期間</translation>
    </message>
    <message>
        <source>To period</source>
        <translation>結束期間</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身分</translation>
    </message>
    <message>
        <source>Any role</source>
        <translation>不限身分</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>環節</translation>
    </message>
    <message>
        <source>Any section</source>
        <translation>不限環節</translation>
    </message>
    <message>
        <source>Chinese script</source>
        <translation>中文字體</translation>
    </message>
    <message>
        <source>Any script</source>
        <translation>繁簡不限</translation>
    </message>
    <message>
        <source>Traditional</source>
        <translation>繁體</translation>
    </message>
    <message>
        <source>Simplified</source>
        <translation>簡體</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <source>Export the results to CSV</source>
        <translation>將搜尋結果匯出為 CSV</translation>
    </message>
    <message>
        <source>Speaker names</source>
        <translation>發言人姓名</translation>
    </message>
    <message>
        <source>Any speaker (names, comma separated)</source>
        <translation>不限發言人（以逗號分隔）</translation>
    </message>
    <message>
        <source>From</source>
        <comment>from period</comment>
        <translation>從</translation>
    </message>
    <message>
        <source>To</source>
        <comment>to period</comment>
        <translation>到</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>字體</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>發言人</translation>
    </message>
    <message>
        <source>Library search results</source>
        <translation>資料庫搜尋結果</translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <source>Company / period</source>
        <translation>公司 / 期間</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation>段落數</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>發言人數</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>數據</translation>
    </message>
    <message>
        <source>Files that failed</source>
        <translation>無法讀取的檔案</translation>
    </message>
    <message>
        <source>Calls naming no company</source>
        <translation>未註明公司的法說會</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>%n 個檔案無法讀取</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n 場法說會</numerusform>
        </translation>
    </message>
    <message>
        <source>Period unknown</source>
        <translation>期間不明</translation>
    </message>
</context>
<context>
    <name>Look</name>
    <message>
        <source>Zoom %1</source>
        <translation>縮放 %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Open a transcript (Ctrl+O) or drop a file here.</source>
        <translation>開啟逐字稿 (Ctrl+O)，或將檔案拖放到這裡。</translation>
    </message>
    <message>
        <source>Open transcripts</source>
        <translation>已開啟的逐字稿</translation>
    </message>
    <message>
        <source>Translation missing: %1</source>
        <translation>缺少翻譯：%1</translation>
    </message>
    <message>
        <source>Settings: %1</source>
        <translation>設定：%1</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在載入 %1…</translation>
    </message>
    <message>
        <source>%1 changed on disk: press F5 to reload</source>
        <translation>%1 已在磁碟上變更：按 F5 重新載入</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已開啟 %1</translation>
    </message>
    <message>
        <source>Cannot open transcript</source>
        <translation>無法開啟逐字稿</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>已取消載入</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編輯(&amp;E)</translation>
    </message>
    <message>
        <source>Find &amp;options</source>
        <translation>尋找選項(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>佈景主題(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>語言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>前往(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Open transcript</source>
        <translation>開啟逐字稿</translation>
    </message>
    <message>
        <source>Transcripts (*.txt);;All files (*)</source>
        <translation>逐字稿 (*.txt);;所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>MetricChart</name>
    <message>
        <source>Chart of the chosen metric by period</source>
        <translation>所選指標的各期圖表</translation>
    </message>
    <message>
        <source>No reported values for this metric</source>
        <translation>此指標沒有實際數據</translation>
    </message>
    <message>
        <source>guidance range</source>
        <translation>財測區間</translation>
    </message>
    <message>
        <source>guidance %1–%2</source>
        <translation>財測 %1–%2</translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message>
        <source>All checks</source>
        <translation>所有核對</translation>
    </message>
    <message>
        <source>Problems (mismatch, missing)</source>
        <translation>有問題（不符、缺漏）</translation>
    </message>
    <message>
        <source>Mismatches</source>
        <translation>不符</translation>
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
        <source>Matches</source>
        <translation>相符</translation>
    </message>
    <message>
        <source>Export all &amp;shown figures…</source>
        <translation>匯出所有顯示的數字(&amp;S)…</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指標</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>性質</translation>
    </message>
    <message>
        <source>Speaker or role</source>
        <translation>發言人或身分</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>環節</translation>
    </message>
    <message>
        <source>Translation check</source>
        <translation>翻譯核對</translation>
    </message>
    <message>
        <source>Filter figures…</source>
        <translation>篩選數字…</translation>
    </message>
    <message>
        <source>Text, metric (English or Chinese), speaker or value</source>
        <translation>文字、指標（英文或中文）、發言者或數值</translation>
    </message>
    <message>
        <source>Filter figures</source>
        <translation>篩選數據</translation>
    </message>
    <message>
        <source>Pane: &amp;figures only</source>
        <translation>窗格：僅數據段落(&amp;F)</translation>
    </message>
    <message>
        <source>Show in the reading pane only the paragraphs with the figures listed</source>
        <translation>閱讀窗格只顯示含有所列數據的段落</translation>
    </message>
    <message>
        <source>&amp;Figures</source>
        <translation>數據(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Statistics</source>
        <translation>統計(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Names (%1)</source>
        <translation>名稱 (%1)(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Names</source>
        <translation>名稱(&amp;N)</translation>
    </message>
    <message>
        <source>Per speaker</source>
        <translation>依發言人</translation>
    </message>
    <message>
        <source>Per firm</source>
        <translation>依券商</translation>
    </message>
    <message>
        <source>Statistics grouping</source>
        <translation>統計分組</translation>
    </message>
    <message>
        <source>Talk share (English words)</source>
        <translation>發言占比（依英文字數）</translation>
    </message>
    <message>
        <source>Recurring English names that the Chinese keeps in some paragraphs and translates (or drops) in others.</source>
        <translation>重複出現的英文名稱：中文在部分段落保留原文，在其他段落卻翻譯（或省略）。</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>數據</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>統計</translation>
    </message>
    <message>
        <source>Names kept or translated</source>
        <translation>保留或翻譯的名稱</translation>
    </message>
    <message>
        <source>Figures, statistics and names</source>
        <translation>數據、統計與名稱</translation>
    </message>
    <message>
        <source>All metrics</source>
        <translation>所有指標</translation>
    </message>
    <message>
        <source>All natures</source>
        <translation>所有性質</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Both sections</source>
        <translation>所有環節</translation>
    </message>
    <message numerus="yes">
        <source>%n figure(s)</source>
        <translation>
            <numerusform>%n 筆數據</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n figure(s)</source>
        <translation>
            <numerusform>%1 / %n 筆數據</numerusform>
        </translation>
    </message>
    <message>
        <source>Figures appear once the transcript is analysed.</source>
        <translation>逐字稿分析完成後即會顯示數字。</translation>
    </message>
    <message>
        <source>No figures in this call.</source>
        <translation>這場法說會沒有任何數字。</translation>
    </message>
    <message numerus="yes">
        <source>No problems: all %n figure(s) match.</source>
        <translation>
            <numerusform>沒有問題：全部 %n 個數字皆相符。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n figure(s) passes these filters.</source>
        <translation>
            <numerusform>%n 個數字中沒有任何一個符合這些篩選條件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParagraphDelegate</name>
    <message>
        <source>(translation missing)</source>
        <translation>（缺少翻譯）</translation>
    </message>
</context>
<context>
    <name>PasteController</name>
    <message>
        <source>The clipboard holds no text to read as a transcript</source>
        <translation>剪貼簿中沒有可當作逐字稿讀取的文字</translation>
    </message>
    <message>
        <source>Reading the pasted text…</source>
        <translation>正在讀取貼上的文字…</translation>
    </message>
    <message>
        <source>Pasted call opened: not saved yet (File &gt; Save as)</source>
        <translation>已開啟貼上的法說會：尚未儲存（檔案 &gt; 另存為）</translation>
    </message>
    <message>
        <source>Cannot read the pasted text</source>
        <translation>無法讀取貼上的文字</translation>
    </message>
    <message>
        <source>Pasted, not saved</source>
        <translation>已貼上，尚未儲存</translation>
    </message>
    <message>
        <source>Save pasted call as</source>
        <translation>將貼上的法說會另存為</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>文字檔 (*.txt)</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>無法儲存</translation>
    </message>
    <message>
        <source>Unsaved pasted call</source>
        <translation>未儲存的貼上法說會</translation>
    </message>
    <message>
        <source>This call was pasted and is not saved. Save it before closing?</source>
        <translation>這場法說會是貼上的，尚未儲存。要在關閉前儲存嗎？</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Printed from Earnings Call Viewer. The Chinese text is Google&apos;s machine translation, as the source says: check figures and names against the English.</source>
        <translation>由 Earnings Call Viewer 列印。中文為 Google 機器翻譯（依原始來源所述）：數字與名稱請以英文為準。</translation>
    </message>
</context>
<context>
    <name>ReadingPane</name>
    <message>
        <source>Reading pane</source>
        <translation>閱讀窗格</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清除清單</translation>
    </message>
    <message>
        <source>%1

This file no longer exists. Remove it from the list?</source>
        <translation>%1

這個檔案已不存在，要從清單中移除嗎？</translation>
    </message>
    <message>
        <source>File not found</source>
        <translation>找不到檔案</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>the settings file could not be read</source>
        <translation>無法讀取設定檔</translation>
    </message>
    <message>
        <source>%1; it was moved to %2 and defaults are used</source>
        <translation>%1；已將它移至 %2，並改用預設值</translation>
    </message>
    <message>
        <source>%1 (%2); defaults are used</source>
        <translation>%1（%2）；已改用預設值</translation>
    </message>
    <message>
        <source>the saved preferences were invalid</source>
        <translation>儲存的偏好設定無效</translation>
    </message>
</context>
<context>
    <name>SpeakerPanel</name>
    <message>
        <source>&amp;Prepared remarks</source>
        <translation>準備發言(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Q&amp;&amp;A</source>
        <translation>問答(&amp;Q)</translation>
    </message>
    <message>
        <source>Show the prepared remarks in the reading pane</source>
        <translation>在閱讀窗格顯示準備發言</translation>
    </message>
    <message>
        <source>Show the questions and answers in the reading pane</source>
        <translation>在閱讀窗格顯示問答</translation>
    </message>
    <message>
        <source>Speakers and their turns</source>
        <translation>發言人與其發言</translation>
    </message>
</context>
<context>
    <name>SpeakerPicker</name>
    <message>
        <source>Go to speaker</source>
        <translation>跳至發言人</translation>
    </message>
    <message>
        <source>Type a name, alias or firm…</source>
        <translation>輸入姓名、別名或券商…</translation>
    </message>
    <message>
        <source>Speaker name, alias or firm</source>
        <translation>發言人姓名、別名或券商</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>發言人</translation>
    </message>
</context>
<context>
    <name>SpeakerTree</name>
    <message>
        <source>Firm: %1</source>
        <translation>券商：%1</translation>
    </message>
    <message>
        <source>Also called: %1</source>
        <translation>又稱：%1</translation>
    </message>
</context>
<context>
    <name>SpeakersController</name>
    <message>
        <source>That turn is hidden by the current filters</source>
        <translation>這段發言已被目前的篩選條件隱藏</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>StatementDog, bulleted</source>
        <translation>財報狗，項目符號版</translation>
    </message>
    <message>
        <source>StatementDog, bare</source>
        <translation>財報狗，純文字版</translation>
    </message>
    <message>
        <source>EN + Simplified Chinese pairs</source>
        <translation>英文＋簡體中文對照</translation>
    </message>
    <message>
        <source>EN + Simplified Chinese pairs (JSON)</source>
        <translation>英文＋簡體中文對照（JSON）</translation>
    </message>
    <message>
        <source>one sentence per line, no speaker names</source>
        <translation>每行一句，沒有發言者姓名</translation>
    </message>
    <message>
        <source>English only</source>
        <translation>僅英文</translation>
    </message>
    <message>
        <source>Simplified Chinese</source>
        <translation>簡體中文</translation>
    </message>
    <message>
        <source>Traditional Chinese</source>
        <translation>繁體中文</translation>
    </message>
    <message>
        <source>The file names no speakers and has one sentence per line: it is read as one unnamed speaker, with paragraphs rebuilt from the sentences.</source>
        <translation>此檔案沒有發言者姓名，且每行一句：視為單一未具名發言者，並由句子重組段落。</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>取消載入</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>載入中</translation>
    </message>
    <message>
        <source>Show parse warnings</source>
        <translation>顯示解析警告</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n warning(s)</source>
        <translation>
            <numerusform>⚠ %n 個警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n paragraph(s)</source>
        <translation>
            <numerusform>%1 / %n 段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>%n 段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n speaker(s)</source>
        <translation>
            <numerusform>%n 位發言人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n turn(s)</source>
        <translation>
            <numerusform>%n 次發言</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>The Chinese text is Google&apos;s machine translation, as the source says: check figures and names against the English.</source>
        <translation>依來源說明，中文為 Google 機器翻譯：數據與名稱請以英文原文為準。</translation>
    </message>
    <message numerus="yes">
        <source>Summary (%n paragraph(s))</source>
        <extracomment>Height of the window (pixels) from which the summary opens as the preference says; below it (1280x720, a maximised window on a 1366x768 laptop), it starts collapsed.</extracomment>
        <translation>
            <numerusform>內容摘要（%n 段）</numerusform>
        </translation>
    </message>
    <message>
        <source>No summary in this file</source>
        <translation>此檔案沒有摘要</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>內容摘要</translation>
    </message>
</context>
<context>
    <name>TalkShareChart</name>
    <message>
        <source>Talk share chart</source>
        <translation>發言占比圖</translation>
    </message>
</context>
<context>
    <name>WarningText</name>
    <message>
        <source>the file ends in the middle of a character: it looks truncated</source>
        <translation>檔案結束於字元中途：檔案似乎被截斷</translation>
    </message>
    <message>
        <source>invalid bytes were replaced by U+FFFD</source>
        <translation>無效的位元組已以 U+FFFD 取代</translation>
    </message>
    <message>
        <source>the file ends inside a line that ends no sentence: it looks truncated</source>
        <translation>檔案結束於一列未完的句子中：檔案似乎被截斷</translation>
    </message>
    <message>
        <source>the file ends inside a speaker header: it looks truncated</source>
        <translation>檔案結束於發言人標題中途：檔案似乎被截斷</translation>
    </message>
    <message>
        <source>a bold line that does not close is not a speaker header: read as text</source>
        <translation>未閉合的粗體列不是發言人標題：當作內文讀取</translation>
    </message>
    <message>
        <source>the file names no speakers: the whole call is shown as one unnamed speaker</source>
        <translation>檔案未標明發言人：整場法說會顯示為一位未具名的發言人</translation>
    </message>
    <message>
        <source>no speaker labels found: the call is shown as one unknown speaker</source>
        <translation>找不到發言人標示：整場法說會顯示為一位不明發言人</translation>
    </message>
    <message>
        <source>the file gives speaker ids, not names</source>
        <translation>檔案只提供發言人代號，沒有姓名</translation>
    </message>
    <message>
        <source>text before the first speaker; attributed to an unknown speaker</source>
        <translation>第一位發言人之前的文字，歸於不明發言人</translation>
    </message>
    <message>
        <source>text before the first speaker label; attributed to an unknown speaker</source>
        <translation>第一個發言人標示之前的文字，歸於不明發言人</translation>
    </message>
    <message>
        <source>text before the first speaker header; attributed to an unknown speaker</source>
        <translation>第一個發言人標題之前的文字，歸於不明發言人</translation>
    </message>
    <message>
        <source>speaker label without any text</source>
        <translation>發言人標示之後沒有任何文字</translation>
    </message>
    <message>
        <source>speaker header without any text</source>
        <translation>發言人標題之後沒有任何文字</translation>
    </message>
    <message>
        <source>text block without a speaker line; kept with the turn above</source>
        <translation>文字區塊沒有發言人列，併入上一段發言</translation>
    </message>
    <message>
        <source>%1 analysts named from the operator&apos;s introductions (the file gives only speaker ids)</source>
        <translation>依主持人的介紹辨識出 %1 位分析師的姓名（檔案只提供發言人代號）</translation>
    </message>
    <message>
        <source>speaker entry %1: word times do not match its words; ignored</source>
        <translation>第 %1 筆發言人項目：逐字時間與文字不符，已略過</translation>
    </message>
    <message>
        <source>the file has no question-and-answer text (questions_and_answers is empty)</source>
        <translation>檔案沒有問答內容（questions_and_answers 是空的）</translation>
    </message>
    <message>
        <source>speaker header without its repeated line</source>
        <translation>發言人標題缺少重複的那一列</translation>
    </message>
    <message>
        <source>speaker header&apos;s repeated line is incomplete: the file looks truncated</source>
        <translation>發言人標題重複的那一列不完整：檔案似乎被截斷</translation>
    </message>
    <message>
        <source>speaker header without its bullet line</source>
        <translation>發言人標題缺少項目符號列</translation>
    </message>
    <message>
        <source>the file ends inside a line&apos;s indentation: it looks truncated</source>
        <translation>檔案結束於某一列的縮排中：檔案似乎被截斷</translation>
    </message>
    <message>
        <source>the file ends in an empty bullet line: it looks truncated</source>
        <translation>檔案以空白的項目符號列結束：檔案似乎被截斷</translation>
    </message>
    <message>
        <source>the file ends before this paragraph&apos;s translation: it looks truncated</source>
        <translation>檔案在這個段落的翻譯之前就結束：檔案似乎被截斷</translation>
    </message>
    <message>
        <source>translation missing</source>
        <translation>缺少翻譯</translation>
    </message>
    <message>
        <source>line without bullet or indentation; read as a translation</source>
        <translation>這一列沒有項目符號或縮排，視為翻譯</translation>
    </message>
    <message>
        <source>line without bullet or indentation; read as an English paragraph</source>
        <translation>這一列沒有項目符號或縮排，視為英文段落</translation>
    </message>
    <message>
        <source>%1 lines without bullet or indentation in all</source>
        <translation>共 %1 列沒有項目符號或縮排</translation>
    </message>
    <message>
        <source>Chinese line without an English paragraph; kept with the paragraph above</source>
        <translation>中文列沒有對應的英文段落，併入上一個段落</translation>
    </message>
    <message>
        <source>Chinese line without an English paragraph; ignored</source>
        <translation>中文列沒有對應的英文段落，已略過</translation>
    </message>
    <message>
        <source>%1 Chinese lines without an English paragraph in all</source>
        <translation>共 %1 列中文沒有對應的英文段落</translation>
    </message>
    <message>
        <source>no %1 heading before the transcript body</source>
        <translation>逐字稿內文之前沒有「%1」標題</translation>
    </message>
    <message>
        <source>%1 lines outside any [EN] / [中] pair (kept with the pair above them)</source>
        <translation>%1 列不在任何 [EN] / [中] 配對內（併入上方的配對）</translation>
    </message>
    <message>
        <source>%1 translations repeat the English original after the Chinese; the repeat is left out of the Chinese</source>
        <translation>%1 段翻譯在中文之後重複英文原文；重複的原文不列入中文</translation>
    </message>
    <message>
        <source>%1 Chinese fields hold English only (kept as written; they are not translations)</source>
        <translation>%1 個中文欄位只有英文（照原文保留；並非翻譯）</translation>
    </message>
    <message>
        <source>%1 pairs have no translation (empty Chinese)</source>
        <translation>%1 組配對沒有翻譯（中文是空的）</translation>
    </message>
    <message>
        <source>%1 English paragraphs have no Chinese line</source>
        <translation>%1 段英文沒有對應的中文列</translation>
    </message>
    <message>
        <source>%1 Chinese lines without an English line before them</source>
        <translation>%1 列中文之前沒有英文列</translation>
    </message>
    <message>
        <source>the file name says Q%1 %2 but the transcript says Q%3 %4; the transcript&apos;s is kept</source>
        <comment>%1 %2: the file name&apos;s quarter and year; %3 %4: the transcript&apos;s</comment>
        <translation>檔名標示 %2 年第 %1 季，但逐字稿內容是 %4 年第 %3 季；採用逐字稿的期間</translation>
    </message>
    <message>
        <source>the file name says Q%1 %2, which does not fit a call on %3; the period is left unknown</source>
        <comment>%1 %2: the file name&apos;s quarter and year; %3: the call&apos;s date</comment>
        <translation>檔名標示 %2 年第 %1 季，與法說會日期（%3）不符；期間不予採用</translation>
    </message>
    <message>
        <source>the file name says %1 but the transcript says %2; the transcript&apos;s is kept</source>
        <comment>%1: the file name&apos;s ticker; %2: the transcript&apos;s</comment>
        <translation>檔名標示 %1，但逐字稿內容是 %2；採用逐字稿的股票代號</translation>
    </message>
</context>
</TS>
