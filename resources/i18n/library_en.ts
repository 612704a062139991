<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../../viewer/qt/library/compare_panel.py" line="76" />
        <source>Company to compare</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/compare_panel.py" line="79" />
        <source>Metric in the chart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/compare_panel.py" line="90" />
        <source>Metrics by period, reported and guidance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/compare_panel.py" line="105" />
        <source>Company</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/compare_panel.py" line="107" />
        <source>Chart</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/compare_panel.py" line="165" />
        <source>Comparing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/compare_panel.py" line="195" />
        <source>Comparing failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/compare_panel.py" line="239" />
        <source>No company to compare yet: add a folder of calls.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../viewer/qt/library/compare_panel.py" line="244" />
        <source>%n call(s)</source>
        <translation><numerusform>%n call</numerusform><numerusform>%n calls</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../viewer/qt/library/compare_panel.py" line="245" />
        <source>%n guidance figure(s)</source>
        <translation><numerusform>%n guidance figure</numerusform><numerusform>%n guidance figures</numerusform></translation>
    </message>
</context>
<context>
    <name>CompareTableModel</name>
    <message>
        <location filename="../../viewer/qt/library/compare_table_model.py" line="39" />
        <source>▲ Above</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/compare_table_model.py" line="41" />
        <source>● Within</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/compare_table_model.py" line="43" />
        <source>▼ Below</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/compare_table_model.py" line="44" />
        <source>… Pending</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/compare_table_model.py" line="136" />
        <source>Metric</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/compare_table_model.py" line="137" />
        <source>Period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/compare_table_model.py" line="138" />
        <source>Reported</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/compare_table_model.py" line="139" />
        <source>Guidance</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/compare_table_model.py" line="140" />
        <source>Guided in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/compare_table_model.py" line="141" />
        <source>Verdict</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <location filename="../../viewer/qt/library/__init__.py" line="113" />
        <location filename="../../viewer/qt/library/__init__.py" line="184" />
        <source>Library search</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/__init__.py" line="118" />
        <location filename="../../viewer/qt/library/__init__.py" line="185" />
        <source>Compare quarters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/__init__.py" line="137" />
        <source>Add folder to &amp;library…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/__init__.py" line="146" />
        <source>Remove folder from librar&amp;y…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/__init__.py" line="150" />
        <source>Rescan library folders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/__init__.py" line="153" />
        <source>Search the li&amp;brary…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/__init__.py" line="165" />
        <source>Compare &amp;quarters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/__init__.py" line="176" />
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/__init__.py" line="180" />
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/__init__.py" line="183" />
        <source>Library</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LibraryController</name>
    <message>
        <location filename="../../viewer/qt/library/library_controller.py" line="147" />
        <source>The library cannot be opened: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_controller.py" line="152" />
        <source>The library database was unusable and was moved to %1; it is being rebuilt from your folders.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_controller.py" line="212" />
        <source>Add a folder to the library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_controller.py" line="222" />
        <source>Remove a folder from the library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_controller.py" line="223" />
        <source>Folder (its files stay where they are):</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LibraryDock</name>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="32" />
        <source>Library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="43" />
        <source>Add folder…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="44" />
        <source>Add a folder to the library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="46" />
        <source>Rescan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="47" />
        <source>Rescan the library's folders</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="49" />
        <source>Compare quarters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="50" />
        <source>Compare the selected company's quarters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="56" />
        <source>Indexing progress</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="58" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="59" />
        <source>Cancel indexing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="73" />
        <source>Calls of the library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="141" />
        <source>No library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="145" />
        <source>No folders yet: File &gt; Add folder to library…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../viewer/qt/library/library_dock.py" line="147" />
        <source>%n call(s)</source>
        <translation><numerusform>%n call</numerusform><numerusform>%n calls</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../viewer/qt/library/library_dock.py" line="148" />
        <source>in %n folder(s)</source>
        <translation><numerusform>in %n folder</numerusform><numerusform>in %n folders</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../viewer/qt/library/library_dock.py" line="151" />
        <source>%n file(s) failed</source>
        <translation><numerusform>%n file failed</numerusform><numerusform>%n files failed</numerusform></translation>
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="164" />
        <source>Looking for changes…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="171" />
        <source>%v of %m files</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="173" />
        <source>Indexing %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../viewer/qt/library/library_dock.py" line="185" />
        <source>%n file(s) indexed</source>
        <translation><numerusform>%n file indexed</numerusform><numerusform>%n files indexed</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../viewer/qt/library/library_dock.py" line="187" />
        <source>%n file(s) removed</source>
        <translation><numerusform>%n file removed</numerusform><numerusform>%n files removed</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../viewer/qt/library/library_dock.py" line="189" />
        <source>%n folder(s) missing</source>
        <translation><numerusform>%n folder missing</numerusform><numerusform>%n folders missing</numerusform></translation>
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="190" />
        <source>Up to date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="193" />
        <source>Indexing cancelled: the files done so far are kept</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_dock.py" line="196" />
        <source>Indexing failed: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LibrarySearchModel</name>
    <message>
        <location filename="../../viewer/qt/library/library_search_model.py" line="203" />
        <source>Q&amp;A</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_model.py" line="203" />
        <source>Prepared remarks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_model.py" line="204" />
        <source>Paragraph %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../viewer/qt/library/library_search_model.py" line="205" />
        <location filename="../../viewer/qt/library/library_search_model.py" line="219" />
        <source>%n hit(s)</source>
        <translation><numerusform>%n hit</numerusform><numerusform>%n hits</numerusform></translation>
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_model.py" line="218" />
        <source>Period unknown</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LibrarySearchPanel</name>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="80" />
        <source>Search the library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="81" />
        <source>Search every call, in English and 中文</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="87" />
        <source>Match &amp;case</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="88" />
        <source>&amp;Whole words (Latin text only)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="89" />
        <source>&amp;Regular expression</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="91" />
        <source>Language searched</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="93" />
        <source>Both languages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="94" />
        <source>English</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="95" />
        <source>Chinese</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="98" />
        <source>Export CSV…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="99" />
        <source>Export the results to CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="103" />
        <location filename="../../viewer/qt/library/library_search_panel.py" line="114" />
        <location filename="../../viewer/qt/library/library_search_panel.py" line="168" />
        <source>Company</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="103" />
        <source>All companies</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="104" />
        <source>From period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="104" />
        <location filename="../../viewer/qt/library/library_search_panel.py" line="105" />
        <source>Any</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="105" />
        <source>To period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="107" />
        <source>Speaker names</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="108" />
        <source>Any speaker (names, comma separated)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="111" />
        <location filename="../../viewer/qt/library/library_search_panel.py" line="173" />
        <source>Role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="113" />
        <source>Any role</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="115" />
        <source>Analyst</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="116" />
        <source>Operator</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="120" />
        <location filename="../../viewer/qt/library/library_search_panel.py" line="174" />
        <source>Section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="122" />
        <source>Any section</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="123" />
        <source>Prepared remarks</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="124" />
        <source>Q&amp;A</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="128" />
        <source>Chinese script</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="130" />
        <source>Any script</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="131" />
        <source>Traditional</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="132" />
        <source>Simplified</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="136" />
        <location filename="../../viewer/qt/library/library_search_panel.py" line="305" />
        <source>Type to search every call of the library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="146" />
        <source>Library search results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="169" />
        <source>From</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="170" />
        <source>To</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="171" />
        <source>Script</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="172" />
        <source>Speaker</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="307" />
        <source>No library</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="324" />
        <source>Searching…</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../viewer/qt/library/library_search_panel.py" line="345" />
        <source>%n hit(s)</source>
        <translation><numerusform>%n hit</numerusform><numerusform>%n hits</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../viewer/qt/library/library_search_panel.py" line="346" />
        <source>in %n call(s)</source>
        <translation><numerusform>in %n call</numerusform><numerusform>in %n calls</numerusform></translation>
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="349" />
        <source>No hits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="369" />
        <source>Search failed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="408" />
        <source>Export the search results</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="410" />
        <source>CSV files (*.csv)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="433" />
        <source>Exported to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_search_panel.py" line="437" />
        <source>Export failed: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <location filename="../../viewer/qt/library/library_tree_model.py" line="132" />
        <source>Company / period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_tree_model.py" line="133" />
        <source>Title</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_tree_model.py" line="134" />
        <source>Date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_tree_model.py" line="135" />
        <source>Layout</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_tree_model.py" line="136" />
        <source>File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_tree_model.py" line="137" />
        <source>Paragraphs</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_tree_model.py" line="138" />
        <source>Speakers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_tree_model.py" line="139" />
        <source>Figures</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_tree_model.py" line="161" />
        <source>Files that failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_tree_model.py" line="162" />
        <source>Calls naming no company</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../viewer/qt/library/library_tree_model.py" line="165" />
        <source>%n file(s) could not be read</source>
        <translation><numerusform>%n file could not be read</numerusform><numerusform>%n files could not be read</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../viewer/qt/library/library_tree_model.py" line="166" />
        <source>%n call(s)</source>
        <translation><numerusform>%n call</numerusform><numerusform>%n calls</numerusform></translation>
    </message>
    <message>
        <location filename="../../viewer/qt/library/library_tree_model.py" line="204" />
        <source>Period unknown</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MetricChart</name>
    <message>
        <location filename="../../viewer/qt/library/metric_chart.py" line="57" />
        <source>Chart of the chosen metric by period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/metric_chart.py" line="125" />
        <source>No reported values for this metric</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/metric_chart.py" line="214" />
        <source>guidance range</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../viewer/qt/library/metric_chart.py" line="243" />
        <source>guidance %1–%2</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>