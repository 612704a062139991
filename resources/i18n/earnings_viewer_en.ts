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
    <name>ComparePanel</name>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n guidance figure(s)</source>
        <translation>
            <numerusform>%n guidance figure</numerusform>
            <numerusform>%n guidance figures</numerusform>
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
    <name>LibraryDock</name>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n folder</numerusform>
            <numerusform>%n folders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) failed</source>
        <translation>
            <numerusform>%n file failed</numerusform>
            <numerusform>%n files failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) indexed</source>
        <translation>
            <numerusform>%n file indexed</numerusform>
            <numerusform>%n files indexed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) removed</source>
        <translation>
            <numerusform>%n file removed</numerusform>
            <numerusform>%n files removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s) missing</source>
        <translation>
            <numerusform>%n folder missing</numerusform>
            <numerusform>%n folders missing</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibrarySearchModel</name>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibrarySearchPanel</name>
    <message numerus="yes">
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message numerus="yes">
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>%n file could not be read</numerusform>
            <numerusform>%n files could not be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
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
        <extracomment>Height of the window (pixels) from which the summary opens as the preference says; below it (1280x720, a maximised window on a 1366x768 laptop), it starts collapsed.</extracomment>
        <translation>
            <numerusform>Summary (%n paragraph)</numerusform>
            <numerusform>Summary (%n paragraphs)</numerusform>
        </translation>
    </message>
</context>
</TS>
