<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Commands</name>
    <message numerus="yes">
        <source>Copied %n paragraph(s)</source>
        <translation>
            <numerusform>Copied %n paragraph</numerusform>
            <numerusform>Copied %n paragraphs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message numerus="yes">
        <source>%n error(s); the first: %1</source>
        <translation>
            <numerusform>%n error; the first: %1</numerusform>
            <numerusform>%n errors; the first: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>%n figure(s) to export.</source>
        <translation>
            <numerusform>%n figure to export.</numerusform>
            <numerusform>%n figures to export.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paragraph(s) to export.</source>
        <translation>
            <numerusform>%n paragraph to export.</numerusform>
            <numerusform>%n paragraphs to export.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HitList</name>
    <message numerus="yes">
        <source>%n hit(s) (the first %1 listed)</source>
        <translation>
            <numerusform>%n hit (the first %1 listed)</numerusform>
            <numerusform>%n hits (the first %1 listed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message numerus="yes">
        <source>%1: translated here, kept in %n other paragraph(s)</source>
        <translation>
            <numerusform>%1: translated here, kept in %n other paragraph</numerusform>
            <numerusform>%1: translated here, kept in %n other paragraphs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message numerus="yes">
        <source>%n figure(s)</source>
        <translation>
            <numerusform>%n figure</numerusform>
            <numerusform>%n figures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n figure(s)</source>
        <translation>
            <numerusform>%1 of %n figure</numerusform>
            <numerusform>%1 of %n figures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No problems: all %n figure(s) match.</source>
        <translation>
            <numerusform>No problems: the %n figure matches.</numerusform>
            <numerusform>No problems: all %n figures match.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>None of the %n figure(s) passes these filters.</source>
        <translation>
            <numerusform>The %n figure does not pass these filters.</numerusform>
            <numerusform>None of the %n figures passes these filters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message numerus="yes">
        <source>⚠ %n warning(s)</source>
        <translation>
            <numerusform>⚠ %n warning</numerusform>
            <numerusform>⚠ %n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n paragraph(s)</source>
        <translation>
            <numerusform>%1 of %n paragraph</numerusform>
            <numerusform>%1 of %n paragraphs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paragraph(s)</source>
        <translation>
            <numerusform>%n paragraph</numerusform>
            <numerusform>%n paragraphs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n speaker(s)</source>
        <translation>
            <numerusform>%n speaker</numerusform>
            <numerusform>%n speakers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n turn(s)</source>
        <translation>
            <numerusform>%n turn</numerusform>
            <numerusform>%n turns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message numerus="yes">
        <source>Summary (%n paragraph(s))</source>
        <extracomment>Height of the tab (pixels) from which the summary opens as the preference says; below it, it starts collapsed (a 1280x720 window&apos;s tab is about 600 pixels high).</extracomment>
        <translation>
            <numerusform>Summary (%n paragraph)</numerusform>
            <numerusform>Summary (%n paragraphs)</numerusform>
        </translation>
    </message>
</context>
</TS>
