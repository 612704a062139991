<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
</TS>
